"""Precision cases (issue 3): dates that belong to the event's own words, descriptions that are no
events, and second sides that are no party. Rows are (name, text, published, expected, absent): an
expected event is (sorted pair, category, date); an absent one is (sorted pair, category), or
(sorted pair, category, date) when only that date is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key

PUB = date(2024, 4, 12)

CASES = [
    # a participle of signing describing the accord a signing verb makes dates it, not the story's day
    (
        "signed-participle",
        "Brazil signed a trade deal with Chile on Monday. Argentina has concluded a similar arrangement "
        "with Peru, signed in March 2021.",
        PUB,
        [("ARG-PER", "cooperation", "2021-03")],
        [("ARG-PER", "cooperation", "2024-04-08")],
    ),
    # "renewed the accord signed in 2021": the renewal is not the signing
    (
        "renewed-not-signed",
        "Brazil signed a trade deal with Chile on Monday. Argentina has renewed the arrangement with Peru "
        "signed in March 2021.",
        PUB,
        [],
        [("ARG-PER", "cooperation", "2021-03")],
    ),
    # a clause that says it is background ("first", "previously", "since …", "in the past") takes no date
    # from earlier in the article; "days earlier" is the story's own time
    *[
        (
            f"background-{i}",
            f"Chad asked French troops to leave on Monday. {sentence}",
            PUB,
            [("FRA-TCD", "cooperation", None)],
            [("FRA-TCD", "cooperation", "2024-04-08"), ("FRA-TCD", "cooperation", "2024-04")],
        )
        for i, sentence in enumerate(
            [
                "France first signed a defence pact with Chad to fight rebels.",
                "France had previously signed a defence pact with Chad.",
                "France signed a defence pact with Chad in the past.",
                "France has supported Chad since the coup.",
            ]
        )
    ],
    (
        "days-earlier",
        "Chad asked French troops to leave on Monday. Days earlier, France had signed a defence pact with "
        "Chad.",
        PUB,
        [("FRA-TCD", "cooperation", "2024-04")],
        [],
    ),
    # a paragraph whose main clauses last gave an old date tells history: no date from the story's Monday
    (
        "history-paragraph",
        "Mali expelled the French ambassador on Monday.\n\nFrance sent troops to Mali in January 2013. Paris "
        "signed a defence pact with Bamako.",
        PUB,
        [("FRA-MLI", "cooperation", None)],
        [("FRA-MLI", "cooperation", "2024-04-08")],
    ),
    (
        "news-paragraph",
        "Mali expelled the French ambassador on Monday.\n\nFrance sent troops to Mali in January 2013.\n\n"
        "Paris signed a defence pact with Bamako.",
        PUB,
        [("FRA-MLI", "cooperation", "2024-04-08")],
        [],
    ),
    # a clause that says it is later ("has since", "later") or now takes not the date of the clause before
    (
        "since-after",
        "In March, Mali expelled the French ambassador, and France has since withdrawn its troops.",
        PUB,
        [("FRA-MLI", "tension", "2024-03"), ("FRA-MLI", "base_access", None)],
        [("FRA-MLI", "base_access", "2024-03")],
    ),
    (
        "now-present",
        "Last year Niger expelled French troops, and Russian instructors now train Niger's army.",
        PUB,
        [("FRA-NER", "base_access", "2023"), ("NER-RUS", "cooperation", "2024-04")],
        [("NER-RUS", "cooperation", "2023")],
    ),
    # "a month after expelling …": the expelling is a month before the clause's date
    (
        "month-after-gerund",
        "Niger signed a deal with Russia in December, a month after expelling French troops.",
        PUB,
        [("NER-RUS", "cooperation", "2023-12"), ("FRA-NER", "base_access", "2023-11")],
        [("FRA-NER", "base_access", "2023-12")],  # expelled forces lose their access (the ontology)
    ),
    # people who are no state (critics, analysts, protesters) are no source; a state is
    (
        "critics-accuse",
        "Critics accused the junta of planning to invite Russian mercenaries into Niger.",
        PUB,
        [],
        [("NER-RUS", "tension")],
    ),
    (
        "state-accuses",
        "Niger's junta met Russian officials on Monday. France accused the junta of planning to invite "
        "Russian mercenaries into Niger.",
        PUB,
        [("FRA-NER", "tension", "2024-04-08")],
        [],
    ),
    # "their disputed border" describes the border; "disputed the border" is a dispute
    (
        "disputed-border",
        "India and China held talks on Monday on their disputed border, with Russia offering to help.",
        PUB,
        [("CHN-IND", "cooperation", "2024-04-08")],
        [("CHN-IND", "tension")],
    ),
    # an aside about the subject ("on a visit to Morocco") says where it is, not who acts
    (
        "aside-of-subject",
        "The French president, on a visit to Morocco on Monday, praised King Mohammed VI and criticised "
        "Algeria.",
        PUB,
        [("DZA-FRA", "tension", "2024-04-08"), ("FRA-MAR", "cooperation", "2024-04-08")],
        [("DZA-MAR", "tension")],
    ),
    # the noun "base" describes where forces are; only a verb acting on it (use, move into) is an event
    (
        "base-described",
        "The camp at Nanyuki is the only permanent British base in Kenya, and London pays rent for it.",
        PUB,
        [],
        [("GBR-KEN", "base_access")],
    ),
    (
        "base-possessed",
        "Officials in New Delhi worry about having a Chinese base only a few miles from the coast of "
        "Sri Lanka.",
        PUB,
        [],
        [("CHN-LKA", "base_access")],
    ),
    # a state opening its own facility uses it; its host is where the story happens, not its subject
    (
        "own-facility-host",
        "Turkey opened its first military base abroad in Qatar on Monday. Turkish officials said the base in "
        "Qatar would train local forces. Britain opened its own facility in 2018 to support air patrols.",
        PUB,
        [("GBR-QAT", "base_access", "2018")],
        [("GBR-TUR", "base_access")],
    ),
    # the subject of a "while" clause acts alongside the trigger's subject: it is not its target
    (
        "while-alongside",
        "Canada imposed new sanctions on Myanmar's military on Monday, and Canadian officials said more "
        "would follow. Brussels froze the assets of two generals while Ottawa barred their travel.",
        PUB,
        [("EU-MMR", "tension", "2024-04-08")],
        [("CAN-EU", "tension")],
    ),
    # supporting one's own operations somewhere supports no state there; "its ally Syria" is a state
    (
        "own-operations",
        "Turkey will keep supporting its operations in Somalia, officials said on Monday.",
        PUB,
        [],
        [("SOM-TUR", "cooperation")],
    ),
    (
        "own-ally",
        "Russia supported its ally Syria on Monday.",
        PUB,
        [("RUS-SYR", "cooperation", "2024-04-08")],
        [],
    ),
    # a visitor the gazetteer does not know is not the state the story is about
    (
        "unknown-visitor",
        "The United States handed over the air base to Kyrgyzstan on Tuesday. In March 2010, Askar Temirov "
        "said during a visit to Moscow that he would close it.",
        PUB,
        [("KGZ-USA", "base_access", "2024-04-09")],
        [("RUS-USA", "cooperation")],
    ),
    (
        "known-visitor",
        "The United States handed over the air base to Kyrgyzstan on Tuesday. In March 2010, Vladimir Putin "
        "said during a visit to Bishkek that he would close it.",
        PUB,
        [("KGZ-RUS", "cooperation", "2010-03")],
        [],
    ),
    # the holder of a bloc's office, in apposition to it, acts for the bloc, not for his state
    (
        "office-of-bloc",
        "Soldiers seized power in Gabon on Sunday. The African Union's chairman, Angolan President João "
        "Lourenço, condemned the coup on Monday.",
        PUB,
        [("AU-GAB", "tension", "2024-04-08")],
        [("AGO-GAB", "tension")],
    ),
    (
        "president-alone",
        "Soldiers seized power in Gabon on Sunday. Angolan President João Lourenço condemned the coup on "
        "Monday.",
        PUB,
        [("AGO-GAB", "tension", "2024-04-08")],
        [],
    ),
    # forces arriving to help a government fight support it; forces arriving alone use its bases
    (
        "arrive-to-help",
        "Rwandan soldiers arrived in Mozambique on Monday to help the army fight insurgents.",
        PUB,
        [("MOZ-RWA", "cooperation", "2024-04-08")],
        [("MOZ-RWA", "base_access")],
    ),
    (
        "arrive-alone",
        "American troops arrived in Poland on Monday.",
        PUB,
        [("POL-USA", "base_access", "2024-04-08")],
        [],
    ),
    # ending (or lifting part of) restrictions is no restriction: the noun measured gives way to the verb
    (
        "ended-years-of-restrictions",
        "Washington ended years of restrictions on arms sales to Vietnam on Monday.",
        PUB,
        [("USA-VNM", "cooperation", "2024-04-08")],
        [("USA-VNM", "tension")],
    ),
    (
        "lifted-some-of-the-sanctions",
        "The European Union lifted some of its sanctions on Belarus on Monday.",
        PUB,
        [("BLR-EU", "cooperation", "2024-04-08")],
        [("BLR-EU", "tension")],
    ),
    # "other EU members", "fellow ECOWAS states": some unnamed members, not the bloc
    (
        "other-members",
        "Lithuania quit the forum on Monday and urged other EU members to follow.",
        PUB,
        [],
        [("EU-LTU", "tension")],
    ),
    (
        "fellow-states",
        "Mali urged fellow ECOWAS states to reject the sanctions on Monday.",
        PUB,
        [],
        [("ECOWAS-MLI", "tension")],
    ),
    (
        "the-bloc-itself",
        "Mali urged ECOWAS to lift the sanctions on Monday.",
        PUB,
        [("ECOWAS-MLI", "tension", "2024-04-08")],
        [],
    ),
    (
        "base-used",
        "Kenya allowed British troops to use a base near Nanyuki on Monday.",
        PUB,
        [("GBR-KEN", "base_access", "2024-04-08")],
        [],
    ),
]


def _asserted(events) -> set[tuple[str, str, str | None]]:
    return {
        (dyad_key(e.source.country, e.target.country), e.category, e.date.value)
        for e in events
        if e.status == "asserted"
    }


@pytest.mark.parametrize(
    ("name", "text", "published", "expected", "absent"), CASES, ids=[c[0] for c in CASES]
)
def test_precision_case(extract, name, text, published, expected, absent):
    found = _asserted(extract(name, text, published))
    assert set(expected) <= found, sorted(found, key=str)
    assert not [f for f in found for row in absent if f[: len(row)] == row], sorted(found, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Mali threatened on Monday to expel the French ambassador.",
        "Mali threatened to expel the French ambassador.",
    ],
)
def test_an_aside_does_not_make_a_threatened_act_real(extract, text):
    """ "threatened on Monday to expel": the infinitive, parsed as an adverbial clause, is threatened."""
    statuses = {e.status for e in extract("threat", text, PUB) if e.type == "expulsion"}
    assert statuses == {"hypothetical"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Reports that Russia had deployed troops to Niger were denied by Moscow on Monday.", "negated"),
        ("Reports that Russia had deployed troops to Niger circulated on Monday.", "hypothetical"),
        ("Russia deployed troops to Niger on Monday.", "asserted"),
        ("Russian troops arrived in Niger on Monday, state television reported.", "asserted"),
    ],
)
def test_what_a_report_says_is_alleged(extract, text, status):
    """ "reports that X deployed troops": alleged; denied when the reports are denied."""
    assert {e.status for e in extract("report", text, PUB) if e.category == "base_access"} == {status}


@pytest.mark.parametrize(
    ("text", "withdrawals"),
    [
        # a leader or envoy who leaves a capital withdraws no forces, whatever army officers she met
        ("Blinken spoke to reporters after leaving Kabul, where he had met the army chief of staff.", 0),
        ("President Macron left Bamako on Sunday after talks with the army's commanders.", 0),
        # forces that leave do
        ("French troops left Bamako on Sunday after nine years in the country.", 1),
    ],
)
def test_a_person_who_leaves_withdraws_no_forces(extract, text, withdrawals):
    events = extract("leaving", text, date(2022, 8, 20))
    assert sum(e.type == "withdrawal" and e.status == "asserted" for e in events) == withdrawals
