"""Coups (issue 3): a challenge set written by meaning before running the extractor. The ontology codes a
coup (kgt:coup, CAMEO 170 / PLOVER COERCE) with source = target = the state where it happened, and a failed or
foiled one as kgt:coup_attempt. The rows go through the shapes in which news English tells a coup: the
putschists as subject ("soldiers seized power in X", "X's army ousted President Y", "mutinous officers"), the
deposed ruler as passive subject ("President Y was overthrown/deposed/toppled/detained by the military"), the
act as a noun ("a military takeover", "the putsch", "a palace coup", "X's second coup in eight months"), a
coup told by its acts ("officers announced on state television that they had dissolved the government"), its
people ("the junta that took power in X in 2021", "the coup leader Colonel Z"), attempts ("the attempt was
foiled", "a failed coup"), a coup dated as background ("since the 2021 coup", attributive "the 2023 coup",
"post-coup"), and foreign reactions, which are events of their own between the reacting side and the state.
Neutral look-alikes (a boardroom or diplomatic coup, "coup-proofing", "coup de grace", a coup rumoured or
feared, a leader ousted by his party) must not fire.

Each row is (name, text, present, absent). `present` holds (sorted pair, label, month) where a label is an
event type or a category and month the "YYYY-MM" (or "YYYY") the event's date must start with, or None;
`absent` holds (sorted pair, label) that must not be found. Sentences are about real events of 2011-2025, in
our own words."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key
from tests.nlp.checklist import known_gap, row_id

PUBLISHED = date(2025, 6, 1)


CASES = [
    # the putschists as subject
    ("soldiers-seized-power-in", "Soldiers seized power in Mali in March 2012.",
     [("MLI-MLI", "coup", "2012-03")], []),
    ("army-ousted-president", "Sudan's army ousted President Omar al-Bashir in April 2019.",
     [("SDN-SDN", "coup", "2019-04")], []),
    ("military-deposed", "Egypt's military deposed President Mohamed Morsi on 3 July 2013.",
     [("EGY-EGY", "coup", "2013-07")], []),
    ("army-chief-seized-control", "Thailand's army chief seized control of the government in May 2014.",
     [("THA-THA", "coup", "2014-05")], []),
    ("mutinous-officers-arrested", "Mutinous officers arrested Mali's president and prime minister in May 2021.",
     [("MLI-MLI", "coup", "2021-05")], []),
    ("special-forces-captured", "Guinean special forces captured President Alpha Conde in September 2021.",
     [("GIN-GIN", "coup", "2021-09")], []),
    ("guard-detained-president",
     "Members of Niger's presidential guard detained President Mohamed Bazoum on 26 July 2023.",
     [("NER-NER", "coup", "2023-07")], []),
    ("military-took-over", "The military took over in Myanmar on 1 February 2021.",
     [("MMR-MMR", "coup", "2021-02")], []),
    ("generals-grabbed-power", "Sudan's generals grabbed power again in October 2021.",
     [("SDN-SDN", "coup", "2021-10")], []),
    ("council-took-over",
     "A military council took over in Chad in April 2021 after the death of President Idriss Deby.",
     [("TCD-TCD", "coup", "2021-04")], []),
    ("army-took-control-of-country", "Zimbabwe's army took control of the country in November 2017.",
     [("ZWE-ZWE", "coup", "2017-11")], []),
    # the deposed ruler as passive subject
    ("was-overthrown-by-military", "Burkina Faso's President Roch Kabore was overthrown by the military in January 2022.",
     [("BFA-BFA", "coup", "2022-01")], []),
    ("was-deposed-by-army", "Mohamed Morsi, Egypt's first freely elected president, was deposed by the army in July 2013.",
     [("EGY-EGY", "coup", "2013-07")], []),
    ("was-toppled-by-soldiers", "Gabon's President Ali Bongo was toppled by soldiers in August 2023.",
     [("GAB-GAB", "coup", "2023-08")], []),
    known_gap("was-detained-by-military", "Aung San Suu Kyi was detained by Myanmar's military on 1 February 2021.",
        [("MMR-MMR", "coup", "2021-02")], [],
        reason="the detain entry needs a ruler's title word; a leader named without one does not count"),
    ("was-ousted-no-agent", "Guinea's President Alpha Conde was ousted in September 2021.",
     [("GIN-GIN", "coup", "2021-09")], []),
    ("was-removed-in-coup", "Omar al-Bashir was removed from power in a coup in Sudan in April 2019.",
     [("SDN-SDN", "coup", "2019-04")], []),
    # the act as a noun
    ("staged-a-putsch", "Captain Ibrahim Traore staged a putsch in Burkina Faso in September 2022.",
     [("BFA-BFA", "coup", "2022-09")], []),
    ("military-takeover-in", "A military takeover in Niger in July 2023 ended the rule of Mohamed Bazoum.",
     [("NER-NER", "coup", "2023-07")], []),
    ("second-coup-in-eight-months",
     "Burkina Faso's army carried out the country's second coup in eight months in September 2022.",
     [("BFA-BFA", "coup", "2022-09")], []),
    ("palace-coup", "Analysts described the seizure of power in Gabon in August 2023 as a palace coup.",
     [("GAB-GAB", "coup", "2023-08")], []),
    ("coup-subject", "A coup in Guinea toppled Alpha Conde in September 2021.",
     [("GIN-GIN", "coup", "2021-09")], []),
    ("demonym-coup", "The Malian coup of August 2020 forced President Ibrahim Boubacar Keita to resign.",
     [("MLI-MLI", "coup", "2020-08")], []),
    ("coup-d-etat", "Thailand's army launched a coup d'etat in May 2014.",
     [("THA-THA", "coup", "2014-05")], []),
    # a coup told by its acts
    ("announced-dissolved-government",
     "Officers in Burkina Faso announced on state television in January 2022 that they had dissolved the "
     "government and suspended the constitution.",
     [("BFA-BFA", "coup", "2022-01")], []),
    ("dissolved-government-detained-pm",
     "Sudan's top general dissolved the government and detained Prime Minister Abdalla Hamdok in October 2021.",
     [("SDN-SDN", "coup", "2021-10")], []),
    ("annulled-election-placed-under-arrest",
     "Army officers in Gabon annulled the election result and placed President Ali Bongo under house arrest "
     "in August 2023.",
     [("GAB-GAB", "coup", "2023-08")], []),
    ("mugabe-house-arrest",
     "Zimbabwe's military placed President Robert Mugabe under house arrest in November 2017.",
     [("ZWE-ZWE", "coup", "2017-11")], []),
    # its people
    ("junta-that-took-power", "The junta that took power in Guinea in 2021 has delayed elections.",
     [("GIN-GIN", "coup", "2021")], []),
    ("coup-leader-colonel",
     "Colonel Assimi Goita, who led the coup in Mali in August 2020, became interim president.",
     [("MLI-MLI", "coup", "2020-08")], []),
    ("general-who-seized-power", "General Abdourahamane Tchiani, who seized power in Niger in July 2023, "
     "named a new government.",
     [("NER-NER", "coup", "2023-07")], []),
    # attempts
    ("attempt-was-foiled", "A coup attempt in Guinea-Bissau was foiled in February 2022.",
     [("GNB-GNB", "coup_attempt", "2022-02")], []),
    known_gap("failed-coup", "Turkey blamed the followers of Fethullah Gulen for the failed coup of July 2016.",
        [("TUR-TUR", "coup_attempt", "2016-07")], [],
        reason="the subject of the clause is taken for an outsider reacting to the coup, so no state is left"),
    ("tried-to-seize-power", "Rebel soldiers tried to seize power in Turkey on 15 July 2016.",
     [("TUR-TUR", "coup_attempt", "2016-07")], []),
    ("thwarted-attempt", "Congo's army said it had thwarted an attempted coup in Kinshasa in May 2024.",
     [("COD-COD", "coup_attempt", "2024-05")], []),
    ("general-arrested-after-attempt",
     "Bolivia's former army chief was arrested after a failed coup attempt in La Paz in June 2024.",
     [("BOL-BOL", "coup_attempt", "2024-06")], []),
    ("attack-called-coup-attempt",
     "Sierra Leone's government called the attack on barracks in Freetown in November 2023 a failed coup "
     "attempt.",
     [("SLE-SLE", "coup_attempt", "2023-11")], []),
    ("attempted-putsch", "Troops loyal to President Umaro Sissoco Embalo repelled an attempted putsch in "
     "Guinea-Bissau in February 2022.",
     [("GNB-GNB", "coup_attempt", "2022-02")], []),
    # background and attributive
    ("since-the-coup-year", "Mali has been ruled by soldiers since the 2020 coup.",
     [("MLI-MLI", "coup", "2020")], []),
    ("attributive-coup-year", "The 2021 coup in Myanmar set off a civil war.",
     [("MMR-MMR", "coup", "2021")], []),
    ("post-coup", "Niger's post-coup authorities expelled the French ambassador in August 2023.",
     [("FRA-NER", "expulsion", "2023-08")], [("NER-NER", "coup_attempt")]),
    ("after-the-coup-month", "After the coup in Sudan in October 2021, the World Bank paused its aid.",
     [("SDN-SDN", "coup", "2021-10")], []),
    # foreign reactions (separate events)
    ("ecowas-condemned", "ECOWAS condemned the coup in Niger in July 2023.",
     [("ECOWAS-NER", "condemnation", "2023-07")], []),
    ("ousted-and-condemned",
     "Soldiers ousted Niger's president on 26 July 2023, and ECOWAS condemned the coup the same day.",
     [("NER-NER", "coup", "2023-07"), ("ECOWAS-NER", "condemnation", "2023-07")], []),
    known_gap("au-suspended-after",
        "The African Union suspended Guinea after soldiers seized power there in September 2021.",
        [("AU-GIN", "suspension", "2021-09"), ("GIN-GIN", "coup", "2021-09")], [],
        reason="date: 'after' a clause dated to a month leaves the main act undated"),
    ("us-sanctioned-generals",
     "The United States sanctioned Myanmar's generals in February 2021 over the coup.",
     [("MMR-USA", "sanction", "2021-02")], [("MMR-USA", "coup")]),
    # neutral look-alikes
    ("boardroom-coup", "Carlos Ghosn called his removal at Japan's Nissan in November 2018 a boardroom coup.",
     [], [("JPN-JPN", "coup"), ("JPN-JPN", "coup_attempt")]),
    ("diplomatic-coup",
     "The deal between Saudi Arabia and Iran in March 2023 was hailed as a diplomatic coup for China.",
     [], [("CHN-CHN", "coup"), ("IRN-IRN", "coup"), ("SAU-SAU", "coup")]),
    ("electoral-coup", "Venezuela's opposition called the July 2024 vote count an electoral coup.",
     [], [("VEN-VEN", "coup")]),
    ("coup-proofing", "Saudi Arabia has long relied on coup-proofing, splitting its armed forces in two.",
     [], [("SAU-SAU", "coup")]),
    ("coup-de-grace", "Analysts said the oil embargo delivered the coup de grace to Iran's economy in 2019.",
     [], [("IRN-IRN", "coup")]),
    ("coup-rumours", "Rumours of a coup in China in September 2022 proved false.",
     [], [("CHN-CHN", "coup")]),
    ("party-toppled-leader", "Britain's Conservative Party toppled Prime Minister Liz Truss in October 2022.",
     [], [("GBR-GBR", "coup")]),
    ("never-staged", "Kenya's army has never staged a coup.", [], [("KEN-KEN", "coup")]),
]


# Rows written after the first measurement, for the rules it led to: their look-alikes and near variants.
RULES = [
    ("took-over-airport", "Turkish troops took over the airport in Kabul in 2021.",
     [], [("AFG-AFG", "coup"), ("TUR-TUR", "coup")]),
    ("deputy-took-over", "After Iran's president died in May 2024, his deputy took over.",
     [], [("IRN-IRN", "coup")]),
    ("colonels-took-over-presidency", "Mali's army colonels took over the presidency in August 2020.",
     [("MLI-MLI", "coup", "2020-08")], []),
    ("former-president-arrested", "Police in Bolivia placed former president Jeanine Anez under arrest in "
     "March 2021.",
     [], [("BOL-BOL", "coup")]),
    ("attempted-coup-failed", "An attempted coup in Gabon failed within hours in January 2019.",
     [("GAB-GAB", "coup_attempt", "2019-01")], []),
    ("army-foiled-a-coup", "Sudan's army foiled a coup in September 2021.",
     [("SDN-SDN", "coup_attempt", "2021-09")], []),
    ("financial-coup", "Qatar's purchase of the fund was called a financial coup for Doha in 2019.",
     [], [("QAT-QAT", "coup")]),
]


@pytest.fixture(scope="module")
def labelled(extract):
    """The asserted events of a text as {(sorted pair, type or category): [dates]}."""

    def run(name: str, text: str) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = {}
        for e in extract(name, text, PUBLISHED):
            if e.status == "asserted":
                pair = dyad_key(e.source.country, e.target.country)
                for label in {e.type, e.category}:
                    found.setdefault((pair, label), []).append(e.date.value or "")
        return found

    return run


@pytest.mark.parametrize(("name", "text", "present", "absent"), CASES, ids=[row_id(c) for c in CASES])
def test_coup(labelled, name, text, present, absent):
    found = labelled(name, text)
    for pair, label, month in present:
        assert (pair, label) in found, f"missing {(pair, label)}; found {sorted(found)}"
        if month:
            assert any(d.startswith(month) for d in found[(pair, label)]), f"{pair} {label} dated {found[(pair, label)]}"
    assert not set(absent) & set(found), f"look-alike fired {set(absent) & set(found)}"


@pytest.mark.parametrize(("name", "text", "present", "absent"), RULES, ids=[row_id(c) for c in RULES])
def test_coup_rules(labelled, name, text, present, absent):
    test_coup(labelled, name, text, present, absent)
