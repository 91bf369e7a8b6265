"""Lexicon coverage (issue 3): the common words of news English for each event type, chosen by meaning from
the CAMEO codebook and PLOVER rather than from a split's sentences (on fresh text most misses were a word
not in data/triggers.yaml, a different word each time). Each row is one entry firing, or an ambiguous word
in a neutral use that must not fire. Rows are (name, text, present, absent): (sorted pair, event type)."""

from __future__ import annotations

import pytest

CASES = [
    # agreement (CAMEO 057)
    ("initialled-deal", "Serbia and Kosovo initialled a deal on Monday in Brussels.",
     [("SRB-XKX", "agreement")], []),
    ("clinched-accord", "Japan and Australia clinched a defence accord in January.",
     [("AUS-JPN", "agreement")], []),
    ("reached-deal", "Egypt and Sudan reached a deal on the dam in March.",
     [("EGY-SDN", "agreement")], []),
    ("reached-neutral", "Turkish troops reached the outskirts of the town in March.", [], []),
    ("truce-took-effect", "A truce between Armenia and Azerbaijan took effect on Saturday.",
     [("ARM-AZE", "agreement")], []),
    ("ceasefire-called-for", "Kenya called for a ceasefire between Ethiopia and Eritrea on Friday.",
     [], [("ERI-ETH", "agreement")]),
    # visit (CAMEO 042)
    ("president-journeyed", "The Indonesian president journeyed to Japan in May.",
     [("IDN-JPN", "visit")], []),
    ("minister-headed-to", "India's foreign minister headed to Russia on Monday.",
     [("IND-RUS", "visit")], []),
    ("head-of-commission", "The head of the Kenyan delegation, a former minister, praised Ghana.",
     [], [("GHA-KEN", "visit")]),
    # meeting (CAMEO 040, 046)
    ("negotiated-with", "Qatar negotiated with Iran on Wednesday over the frozen funds.",
     [("IRN-QAT", "meeting")], []),
    ("consultations-between", "Consultations between China and Vietnam were held in Hanoi in May.",
     [("CHN-VNM", "meeting")], []),
    # joining (CAMEO 057)
    ("acceded", "Montenegro acceded to NATO in June 2017.", [("MNE-NATO", "join_alliance")], []),
    ("became-member", "Finland became a member of NATO in April 2023.", [("FIN-NATO", "join_alliance")], []),
    ("became-neutral", "Finland became more cautious about China in 2023.", [], [("CHN-FIN", "join_alliance")]),
    # aid (CAMEO 070)
    ("bailout", "Saudi Arabia approved a bailout for Pakistan in June.", [("PAK-SAU", "aid")], []),
    ("humanitarian-relief", "Japan sent humanitarian relief to Turkey in February.", [("JPN-TUR", "aid")], []),
    ("come-to-aid", "Mali and Niger pledged to come to each other's aid in case of attack.",
     [], [("MLI-NER", "aid")]),
    # restore relations (CAMEO 054)
    ("mended-ties", "Turkey and Egypt mended ties in 2023 after a decade of hostility.",
     [("EGY-TUR", "restore_relations")], []),
    ("upgraded-ties-with", "Vietnam upgraded its ties with Australia in March.",
     [("AUS-VNM", "restore_relations")], []),
    ("rapprochement", "The rapprochement between Saudi Arabia and Iran began in March 2023.",
     [("IRN-SAU", "restore_relations")], []),
    ("repaired-roads", "Chinese firms repaired roads in Laos in 2019.", [], [("CHN-LAO", "restore_relations")]),
    # joint exercises (CAMEO 062)
    ("joint-drills", "China and Russia held joint naval drills in the Sea of Japan in July.",
     [("CHN-RUS", "military_training")], []),
    ("exercise-restraint", "Egypt urged Ethiopia to exercise restraint on Monday.",
     [], [("EGY-ETH", "military_training")]),
    # arms (CAMEO 072)
    ("supplied-warships", "South Korea supplied two frigates to the Philippines in 2023.",
     [("KOR-PHL", "arms_transfer")], []),
    ("delivered-fighters", "The United States delivered fighter jets to Taiwan in 2024.",
     [("TWN-USA", "arms_transfer")], []),
    ("sent-vehicles", "Brazil sent armoured vehicles to its border with Venezuela in December.",
     [], [("BRA-VEN", "arms_transfer")]),
    # basing
    ("warship-docked", "A Chinese warship docked in Cambodia in December.", [("CHN-KHM", "access_used")], []),
    ("operate-from-base", "American drones operate from a base in Niger.", [("NER-USA", "access_used")], []),
    ("docked-ferry", "A ferry from Greece docked in Turkey on Sunday.", [], [("GRC-TUR", "access_used")]),
    ("turned-over-base", "The United States turned over the base to Afghanistan in 2021.",
     [("AFG-USA", "handover")], []),
    ("repatriated-troops", "Chad repatriated its troops from Mali in 2022.", [("MLI-TCD", "withdrawal")], []),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_lexicon_coverage(asserted, name, text, present, absent):
    found = asserted(name, text)
    assert set(present) <= found, found
    assert not set(absent) & found, found
