"""Event dates on fresh text (issue 3): the ways news English says when an event happened, and the time
words that are not the event's date, chosen by construction (TimeML / CAMEO coding practice), not from a
corpus error. Each row is a short text with its publication date and the dates of the asserted events of
one pair and category: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as precise as the words allow (value
compared exactly, precision implied by its length), or ``None`` when the text gives no time at all (the
event must then carry no date: neither the publication date nor a date of another clause).

Rows are (name, published, text, sorted pair, category, expected dates)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import known_gap, row_id

D = date.fromisoformat


CASES = [
    # --- the event's own time phrase, resolved against the publication date ------------------------------
    ("weekday", D("2024-04-12"),
     "Russian military instructors arrived in Niger on Wednesday.",
     "NER-RUS", "cooperation", {"2024-04-10"}),
    ("last-weekday", D("2023-12-06"),
     "Niger and Russia signed a military cooperation deal last Monday.",
     "NER-RUS", "cooperation", {"2023-12-04"}),
    ("weekday-morning", D("2024-08-01"),
     "Algeria recalled its ambassador from France on Tuesday morning.",
     "DZA-FRA", "tension", {"2024-07-30"}),
    ("yesterday", D("2023-03-27"),
     "Honduras established diplomatic relations with China yesterday.",
     "CHN-HND", "cooperation", {"2023-03-26"}),
    ("days-ago", D("2024-03-20"),
     "Niger ended its military agreement with the United States four days ago.",
     "NER-USA", "base_access", {"2024-03-16"}),
    ("last-week", D("2024-02-19"),
     "Turkish President Recep Tayyip Erdogan visited Egypt last week.",
     "EGY-TUR", "cooperation", {"2024-02"}),
    ("this-week", D("2023-07-21"),
     "China and Russia held joint naval drills in the Sea of Japan this week.",
     "CHN-RUS", "cooperation", {"2023-07"}),
    ("last-month", D("2024-04-12"),
     "Sweden joined NATO last month.",
     "NATO-SWE", "cooperation", {"2024-03"}),
    ("early-month", D("2024-04-12"),
     "Sweden formally joined NATO in early March.",
     "NATO-SWE", "cooperation", {"2024-03"}),
    ("mid-month", D("2023-10-02"),
     "Mali and Niger signed a mutual defence pact in mid-September.",
     "MLI-NER", "cooperation", {"2023-09"}),
    ("end-of-month", D("2022-03-10"),
     "Russia invaded Ukraine at the end of February.",
     "RUS-UKR", "tension", {"2022-02"}),
    ("last-year", D("2024-04-12"),
     "Niger's presidential guard seized power last year.",
     "NER-NER", "coup", {"2023"}),
    ("earlier-this-year", D("2024-04-12"),
     "Niger announced its withdrawal from ECOWAS earlier this year.",
     "ECOWAS-NER", "tension", {"2024"}),
    ("late-last-year", D("2024-04-12"),
     "France pulled its last troops out of Niger late last year.",
     "FRA-NER", "base_access", {"2023"}),
    ("back-in-year", D("2024-04-12"),
     "Russia signed a military cooperation agreement with the Central African Republic back in 2018.",
     "CAF-RUS", "cooperation", {"2018"}),
    ("month-year", D("2024-04-12"),
     "Chad sent 2000 troops to Mali in January 2013.",
     "MLI-TCD", "cooperation", {"2013-01"}),
    ("first-half", D("2024-04-12"),
     "Burkina Faso expelled French troops in the first half of 2023.",
     "BFA-FRA", "base_access", {"2023"}),
    ("last-summer", D("2024-04-12"),
     "Niger's junta revoked its military accords with France last summer.",
     "FRA-NER", "base_access", {"2023-06"}),
    ("summer-of-year", D("2024-04-12"),
     "The last French troops left Mali in the summer of 2022.",
     "FRA-MLI", "base_access", {"2022-06"}),
    ("quarter", D("2024-10-15"),
     "Japan and the Philippines signed a reciprocal access agreement in the third quarter of 2024.",
     "JPN-PHL", "base_access", {"2024-07"}),
    ("day-month-year", D("2024-04-12"),
     "Armenia and Azerbaijan agreed a ceasefire on 10 November 2020.",
     "ARM-AZE", "cooperation", {"2020-11-10"}),
    ("month-day", D("2024-04-12"),
     "Russia sent troops into eastern Ukraine on February 21, 2022.",
     "RUS-UKR", "tension", {"2022-02-21"}),
    ("sentence-opening", D("2024-04-12"),
     "In March 2023, Saudi Arabia restored diplomatic relations with Iran.",
     "IRN-SAU", "cooperation", {"2023-03"}),
    ("month-last-year", D("2025-01-10"),
     "Niger ended its military accord with the United States in March last year.",
     "NER-USA", "base_access", {"2024-03"}),
    ("on-the-nth", D("2024-03-20"),
     "Niger's junta revoked its military accord with the United States on the 16th.",
     "NER-USA", "base_access", {"2024-03-16"}),
    ("weeks-ago", D("2024-03-21"),
     "Sweden joined NATO two weeks ago.",
     "NATO-SWE", "cooperation", {"2024-03"}),
    ("a-year-ago", D("2024-04-04"),
     "Finland joined NATO a year ago.",
     "FIN-NATO", "cooperation", {"2023-04"}),
    ("earlier-this-month", D("2024-08-20"),
     "Mali cut diplomatic ties with Ukraine earlier this month.",
     "MLI-UKR", "tension", {"2024-08"}),
    ("at-the-weekend", D("2024-08-06"),
     "Mali cut diplomatic ties with Ukraine at the weekend.",
     "MLI-UKR", "tension", {"2024-08-03"}),
    ("bare-season", D("2024-09-10"),
     "Russian military instructors arrived in Niger in the spring.",
     "NER-RUS", "cooperation", {"2024-03"}),
    known_gap(
        "overnight", D("2024-10-26"),
        "Israel struck military sites in Iran overnight.",
        "IRN-ISR", "tension", {"2024-10-26"},
        reason="'overnight' is the night before publication in a lead but the night after the "
        "reference time in a narrative: unresolved",
    ),
    ("dateline-and-weekday", D("2024-03-18"),
     "NIAMEY, March 17 (Reuters) - Niger's junta revoked its military accord with the United States on "
     "Saturday.",
     "NER-USA", "base_access", {"2024-03-16"}),
    ("statement-on-day", D("2024-03-18"),
     "On Saturday, Niger's junta said in a statement that it was revoking its military accord with the "
     "United States with immediate effect.",
     "NER-USA", "base_access", {"2024-03-16"}),
    # batch 4: possessives, noun phrases, times of day, ranges of a day
    ("possessive-weekday", D("2023-11-17"),
     "Wednesday's meeting between Joe Biden and Xi Jinping in California eased tensions.",
     "CHN-USA", "cooperation", {"2023-11-15"}),
    known_gap(
        "phone-call-on-day", D("2023-04-28"),
        "In a phone call on Wednesday, Xi Jinping told Volodymyr Zelensky that China would send an "
        "envoy.",
        "CHN-UKR", "cooperation", {"2023-04-26"},
        reason="no event at all: the call is a noun in a fronted phrase, its sides the main clause's "
        "(an extraction gap, not a date)",
    ),
    ("spoke-by-phone-on-day", D("2023-04-28"),
     "Xi Jinping spoke by phone with Volodymyr Zelensky on Wednesday.",
     "CHN-UKR", "cooperation", {"2023-04-26"}),
    ("early-on-day", D("2024-10-27"),
     "Israel struck Iranian military sites early on Saturday.",
     "IRN-ISR", "tension", {"2024-10-26"}),
    ("early-hours-of", D("2017-11-16"),
     "Zimbabwe's army took control of the country in the early hours of Wednesday.",
     "ZWE-ZWE", "coup", {"2017-11-15"}),
    ("night-of", D("2024-04-12"),
     "Niger's presidential guard detained President Mohamed Bazoum on the night of 26 July 2023.",
     "NER-NER", "coup", {"2023-07-26"}),
    ("within-hours-deadline", D("2023-08-28"),
     "On Friday, Niger's junta gave the French ambassador 48 hours to leave the country.",
     "FRA-NER", "tension", {"2023-08-25"}),
    ("treaty-takes-effect-later", D("2024-12-09"),
     "Russia and Belarus signed a security treaty on Friday that will enter into force after ratification.",
     "BLR-RUS", "cooperation", {"2024-12-06"}),
    ("mid-year", D("2024-04-12"),
     "Niger's army seized power in mid-2023.",
     "NER-NER", "coup", {"2023"}),
    ("end-of-last-year", D("2024-04-12"),
     "Finland closed its border with Russia at the end of last year.",
     "FIN-RUS", "tension", {"2023"}),
    ("this-past-weekend", D("2024-08-06"),
     "Mali cut diplomatic ties with Ukraine this past weekend.",
     "MLI-UKR", "tension", {"2024-08-03"}),
    ("the-previous-month", D("2024-04-12"),
     "Niger revoked its military accords with France on 3 August 2023. The previous month, the army had "
     "seized power in Niger.",
     "NER-NER", "coup", {"2023-07"}),
    # --- durations and spans that are not the event's date ---------------------------------------------
    ("after-years-of", D("2024-04-12"),
     "After seven years without relations, Saudi Arabia restored ties with Iran in March 2023.",
     "IRN-SAU", "cooperation", {"2023-03"}),
    ("for-more-than-a-year", D("2024-08-01"),
     "After more than a year of strained ties, Algeria recalled its ambassador from France on Tuesday.",
     "DZA-FRA", "tension", {"2024-07-30"}),
    ("decade-long", D("2024-04-12"),
     "Mali ended its decade-long defence partnership with France in May 2022.",
     "FRA-MLI", "base_access", {"2022-05"}),
    ("over-past-years", D("2024-04-12"),
     "Over the past five years, Turkey has sold dozens of armed drones to Ukraine.",
     "TUR-UKR", "cooperation", {None}),
    ("since-year", D("2024-04-12"),
     "Russia has trained Malian soldiers since 2019.",
     "MLI-RUS", "cooperation", {"2019"}),
    ("by-the-end-of", D("2024-04-12"),
     "France withdrew its last soldiers from Niger by the end of December 2023.",
     "FRA-NER", "base_access", {"2023-12"}),
    ("for-nearly-a-decade", D("2024-04-12"),
     "France kept troops in Mali for nearly a decade.",
     "FRA-MLI", "base_access", {None}),
    ("in-the-wake-of", D("2024-04-12"),
     "In the wake of the 26 July coup, Niger's junta expelled the French ambassador in August 2023.",
     "FRA-NER", "tension", {"2023-08"}),
    known_gap(
        "following-noun-date", D("2024-04-12"),
        "Following the junta's expulsion of the French ambassador in January 2022, France pulled "
        "its troops out of Mali in August.",
        "FRA-MLI", "base_access", {"2022-08"},
        reason="within one sentence a yearless month keeps the latest year before publication ('left "
        "Mali in February 2022 and Niger in May' is read May of the publication year)",
    ),
    # a month without its year: in the year the paragraph tells, unless told in a relative clause
    ("month-in-year-told", D("2024-04-12"),
     "In January 2022 Mali expelled the French ambassador. In August, the last French troops left Mali.",
     "FRA-MLI", "base_access", {"2022-08"}),
    ("month-in-year-told-next-year", D("2024-04-12"),
     "Russia invaded Ukraine in February 2022. In January, Germany agreed to send Leopard tanks to Ukraine.",
     "DEU-UKR", "cooperation", {"2023-01"}),
    ("month-after-relative-clause", D("2024-04-12"),
     "Mali, which expelled French troops in August 2022, signed a military deal with Russia in March.",
     "MLI-RUS", "cooperation", {"2024-03"}),
    ("month-after-background", D("2024-05-10"),
     "Burkina Faso's army first seized power in January 2022. In April, Burkina Faso expelled three French "
     "diplomats.",
     "BFA-FRA", "tension", {"2024-04"}),
    ("month-after-that-year", D("2024-12-13"),
     "Niger's army took power in July 2023. The last French soldiers left Niger in December that year, and "
     "American troops finished leaving Niger in August.",
     "NER-USA", "base_access", {"2024-08"}),
    ("month-after-recent-date", D("2024-04-12"),
     "Niger's junta seized power in July 2023 and expelled the French ambassador on 25 August 2023. In "
     "March, it revoked its military accord with the United States.",
     "NER-USA", "base_access", {"2024-03"}),
    ("for-weeks", D("2024-04-12"),
     "Finland closed its border with Russia in November 2023 for two weeks.",
     "FIN-RUS", "tension", {"2023-11"}),
    # --- relative chains: dated from the anchor event, else unknown -----------------------------------------
    ("the-following-month", D("2024-04-12"),
     "Mali's colonels staged a second coup in May 2021. The following month, France suspended joint "
     "military operations with Malian forces.",
     "FRA-MLI", "tension", {"2021-06"}),
    ("the-next-day", D("2024-04-12"),
     "Gabon's army seized power on 30 August 2023. The next day, the African Union suspended Gabon.",
     "AU-GAB", "tension", {"2023-08-31"}),
    ("days-after-the-coup", D("2024-04-12"),
     "Niger's presidential guard detained President Mohamed Bazoum on 26 July 2023. Four days after the "
     "coup, ECOWAS imposed sweeping sanctions on Niger.",
     "ECOWAS-NER", "tension", {"2023-07-30"}),
    ("day-after-cutting-ties", D("2024-04-12"),
     "Honduras cut ties with Taiwan on 25 March 2023. A day after cutting ties, Honduras established "
     "diplomatic relations with China.",
     "CHN-HND", "cooperation", {"2023-03-26"}),
    ("two-days-later", D("2024-04-12"),
     "Russia recognised the two breakaway regions of eastern Ukraine on 21 February 2022. Two days later, "
     "the European Union imposed sanctions on Russia.",
     "EU-RUS", "tension", {"2022-02-23"}),
    ("the-previous-day", D("2024-04-12"),
     "ECOWAS imposed sanctions on Niger on 30 July 2023. The previous day, the European Union had suspended "
     "its security cooperation with Niger.",
     "EU-NER", "tension", {"2023-07-29"}),
    ("later-that-day", D("2024-04-12"),
     "Gabon's army seized power on 30 August 2023. Later that day, France condemned the coup in Gabon.",
     "FRA-GAB", "tension", {"2023-08-30"}),
    ("a-year-later", D("2024-04-12"),
     "Burkina Faso's army seized power in January 2022. A year later, Burkina Faso ordered French troops to "
     "leave.",
     "BFA-FRA", "base_access", {"2023-01"}),
    ("months-later", D("2024-04-12"),
     "Mali's junta took power in August 2020. Eighteen months later, France pulled its troops out of Mali.",
     "FRA-MLI", "base_access", {"2022-02"}),
    ("the-following-year", D("2024-04-12"),
     "France sent troops to Mali in 2013. The following year, Paris signed a defence treaty with Bamako.",
     "FRA-MLI", "cooperation", {"2013", "2014"}),
    ("day-after-clause-main", D("2024-04-12"),
     "The European Union imposed sanctions on Russia on 23 February 2022. A day after the EU imposed "
     "sanctions on Russia, Russian troops invaded Ukraine.",
     "RUS-UKR", "tension", {"2022-02-24"}),
    ("day-after-clause-inner", D("2024-04-12"),
     "The European Union imposed sanctions on Russia on 23 February 2022. A day after the EU imposed "
     "sanctions on Russia, Russian troops invaded Ukraine.",
     "EU-RUS", "tension", {"2022-02-23"}),
    ("days-later-vague", D("2024-04-12"),
     "Russia annexed Crimea on 18 March 2014. Days later, the United States imposed sanctions on Russian "
     "officials.",
     "RUS-USA", "tension", {"2014-03"}),
    ("days-later-across-month", D("2024-04-12"),
     "Russia invaded Ukraine on 24 February 2022. Days later, the European Union closed its airspace to "
     "Russian aircraft.",
     "EU-RUS", "tension", {"2022"}),
    ("weeks-later-vague", D("2024-04-12"),
     "Niger's army seized power on 26 July 2023. Weeks later, the junta ordered the French ambassador to "
     "leave.",
     "FRA-NER", "tension", {"2023"}),
    ("hours-later", D("2024-04-12"),
     "Gabon's army seized power on 30 August 2023. Hours later, France condemned the coup in Gabon.",
     "FRA-GAB", "tension", {"2023-08-30"}),
    ("the-day-before", D("2024-04-12"),
     "The African Union suspended Gabon on 31 August 2023. The day before, Gabon's army had seized power.",
     "GAB-GAB", "coup", {"2023-08-30"}),
    ("the-year-before", D("2024-04-12"),
     "Finland joined NATO in April 2023. The year before, Turkey had threatened to block Finland's bid.",
     "FIN-TUR", "tension", {"2022"}),
    known_gap(
        "counted-after-dated-noun", D("2024-04-12"),
        "France recalled its ambassador from Niger two months after the coup of 26 July 2023.",
        "FRA-NER", "tension", {"2023-09"},
        reason="a counted distance after a dated event inside the sentence ('two months after the coup of "
        "26 July 2023') is not measured: the after-phrase's date is another event's, and the clause stays "
        "undated",
    ),
    ("days-after-no-anchor", D("2024-04-12"),
     "Two days after the referendum, Russia formally annexed Crimea from Ukraine.",
     "RUS-UKR", "tension", {None}),
    ("earlier-that-month", D("2024-04-12"),
     "Gabon's army seized power on 30 August 2023. Earlier that month, ECOWAS had threatened Niger with "
     "force.",
     "ECOWAS-NER", "tension", {"2023-08"}),
    ("the-previous-year", D("2024-04-12"),
     "Russia annexed Crimea in March 2014. The previous year, Ukraine had suspended talks with the European "
     "Union on an association agreement.",
     "EU-UKR", "tension", {"2013"}),
    ("later-no-anchor", D("2024-04-12"),
     "Two days later, the European Union imposed new sanctions on Belarus.",
     "BLR-EU", "tension", {None}),
    # --- attributive years: the noun's own event, not the clause's --------------------------------------
    ("attributive-agreement", D("2024-04-12"),
     "Niger scrapped its 2012 military agreement with the United States in March.",
     "NER-USA", "base_access", {"2024-03"}),
    ("attributive-coup", D("2024-04-12"),
     "The 2023 coup in Niger led ECOWAS to close its borders with the country.",
     "NER-NER", "coup", {"2023"}),
    ("attributive-pact-renewed", D("2024-04-12"),
     "On Thursday, Washington reaffirmed its 1951 defence treaty with Manila.",
     "PHL-USA", "cooperation", {"2024-04-11"}),
    ("agreed-and-signed", D("2024-04-12"),
     "Sudan agreed to normalise ties with Israel in October 2020 and signed the Abraham Accords with Israel "
     "in January 2021.",
     "ISR-SDN", "cooperation", {"2020-10", "2021-01"}),
    ("seized-and-again", D("2024-04-12"),
     "Mali's army seized power in August 2020 and again in May 2021.",
     "MLI-MLI", "coup", {"2020-08", "2021-05"}),
    # --- a date in a clause belonging to another event ---------------------------------------------------
    ("relative-clause-main", D("2023-12-06"),
     "Niger, which expelled French troops in 2023, signed a military deal with Russia on Monday.",
     "NER-RUS", "cooperation", {"2023-12-04"}),
    ("relative-clause-own", D("2023-12-06"),
     "Niger, which revoked its military accords with France in August, signed a military deal with Russia "
     "on Monday.",
     "FRA-NER", "base_access", {"2023-08"}),
    ("after-clause", D("2024-04-12"),
     "Burkina Faso ordered French troops to leave in January 2023, four months after Captain Ibrahim Traore "
     "seized power.",
     "BFA-FRA", "base_access", {"2023-01"}),
    ("when-clause", D("2024-04-12"),
     "In July 2023, when Niger's army seized power, the European Union suspended its security cooperation "
     "with Niger.",
     "EU-NER", "tension", {"2023-07"}),
    # --- reporting verbs: the time of saying is not the time of the event ---------------------------------
    ("said-that-had-in-month", D("2024-04-12"),
     "Niger's junta said on Tuesday that it had ended its military accord with the United States in March.",
     "NER-USA", "base_access", {"2024-03"}),
    ("said-that-had-day", D("2022-02-03"),
     "Mali's government said on Tuesday that it had expelled the French ambassador on Monday.",
     "FRA-MLI", "tension", {"2022-01-31"}),
    ("announced-on-day", D("2023-01-25"),
     "Burkina Faso's government announced on Monday that French troops must leave the country.",
     "BFA-FRA", "base_access", {"2023-01-23"}),
    ("according-to-report", D("2024-04-12"),
     "Russia sent military instructors to Niger in April, according to a report published on Monday.",
     "NER-RUS", "cooperation", {"2024-04"}),
    ("two-dates-two-clauses", D("2022-03-01"),
     "Mali expelled the French ambassador on 31 January 2022 and ordered French troops to leave on 17 "
     "February.",
     "FRA-MLI", "base_access", {"2022-02-17"}),
    ("reported-present-perfect", D("2023-01-25"),
     "Burkina Faso has ordered French troops to leave within a month, the government said on Monday.",
     "BFA-FRA", "base_access", {"2023-01-23"}),
    ("lead-then-history", D("2022-02-03"),
     "Mali's junta expelled the French ambassador on Monday. Chad had sent troops to Mali in 2013. Paris "
     "signed a defence treaty with Bamako.",
     "FRA-MLI", "cooperation", {None}),
    # --- no time given: no date, never the publication date ---------------------------------------------
    ("no-time-past", D("2024-05-01"),
     "Moscow recalled its ambassador from Chisinau.",
     "MDA-RUS", "tension", {None}),
    ("no-time-past-2", D("2024-04-12"),
     "Algeria closed its airspace to Moroccan aircraft.",
     "DZA-MAR", "tension", {None}),
    ("byline-date-not-story-time", D("2022-03-21"),
     "Western Sahara row deepens\n\nBy Staff | Monday 21 March 2022\n\nAlgeria recalled its ambassador from "
     "Spain.",
     "DZA-ESP", "tension", {None}),
    ("byline-date-then-story-time", D("2022-03-21"),
     "Western Sahara row deepens\n\nBy Staff | Monday 21 March 2022\n\nSpain backed Morocco's autonomy "
     "plan on Friday. Algeria recalled its ambassador from Spain the next day.",
     "DZA-ESP", "tension", {"2022-03-19"}),
    ("long-had-base", D("2024-04-12"),
     "Russia has long had a naval base in Tartus, Syria.",
     "RUS-SYR", "base_access", {None}),
    ("historically", D("2024-04-12"),
     "France historically kept troops in Chad.",
     "FRA-TCD", "base_access", {None}),
    ("previously-hosted", D("2024-04-12"),
     "Kyrgyzstan had previously hosted an American air base.",
     "KGZ-USA", "base_access", {None}),
    ("undated-after-old-paragraph", D("2024-04-12"),
     "Chad sent troops to Mali in January 2013. Paris signed a defence treaty with Bamako.",
     "FRA-MLI", "cooperation", {None}),
    # --- the story's time carried to the next sentence ------------------------------------------------------
    ("context-day", D("2024-04-12"),
     "Russian military instructors arrived in Niger on Wednesday. Russia also delivered an air-defence "
     "system to Niger.",
     "NER-RUS", "cooperation", {"2024-04-10"}),
    ("context-previous-sentence", D("2024-08-01"),
     "Algeria recalled its ambassador from France on Tuesday. Algiers also accused Paris of colonial "
     "arrogance.",
     "DZA-FRA", "tension", {"2024-07-30"}),
]


def _dates(events, pair: str, category: str) -> set[str | None]:
    return {
        e.date.value
        for e in events
        if e.status == "asserted"
        and dyad_key(e.source.country, e.target.country) == pair
        and e.category == category
    }


@pytest.mark.parametrize(("name", "published", "text", "pair", "category", "expected"), CASES,
                         ids=[row_id(c) for c in CASES])
def test_event_date(extract, name, published, text, pair, category, expected):
    found = _dates(extract(f"date-{name}", text, published), pair, category)
    if expected == {None}:
        assert found <= {None}, f"{text!r}: dated {found}, the text gives no time"
    else:
        assert found == expected, f"{text!r}: {pair} {category} dated {found}, expected {expected}"
