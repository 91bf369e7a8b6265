"""Sides named only in a group: whom an act is done for ("on behalf of Saudi Arabia and Egypt") are its doers,
who act together with the subject ("together with Sweden", "alongside France", "joined by Chad", "in
coordination with Niger") are doers too (issue 3: "no pair" was the second class of false negatives on
fresh text). Rows are (name, text, present, absent): (sorted pair, category)."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import dyad_key

PUB = date(2024, 4, 12)

CASES = [
    ("on-behalf-of-list",
     "An ultimatum was delivered to Lebanon by Omani envoys on Monday on behalf of Israel and Egypt.",
     [("EGY-LBN", "tension"), ("ISR-LBN", "tension")], [("LBN-OMN", "tension")]),
    ("on-behalf-demands-subject",
     "The list of demands, handed to Serbia by Norwegian diplomats on Tuesday on behalf of Croatia and "
     "Slovenia, also calls on Belgrade to close two bases.",
     [("HRV-SRB", "tension"), ("SRB-SVN", "tension")], [("NOR-SRB", "tension")]),
    ("on-x-behalf", "Kuwait condemned Iraq on Egypt's behalf in March.",
     [("EGY-IRQ", "tension")], [("IRQ-KWT", "tension")]),
    ("together-with", "Finland condemned Russia together with Sweden on Monday.",
     [("FIN-RUS", "tension"), ("RUS-SWE", "tension")], []),
    ("alongside", "France imposed sanctions on Iran alongside Germany in May.",
     [("FRA-IRN", "tension"), ("DEU-IRN", "tension")], []),
    ("joined-by", "Chad, joined by Niger, condemned Libya on Friday.",
     [("LBY-TCD", "tension"), ("LBY-NER", "tension")], []),
    ("in-coordination-with", "Kenya struck targets in Somalia in coordination with Ethiopia last week.",
     [("KEN-SOM", "tension"), ("ETH-SOM", "tension")], []),
    ("together-with-first", "Together with Sweden, Finland condemned Russia on Monday.",
     [("FIN-RUS", "tension"), ("RUS-SWE", "tension")], []),
    # not a doer: who joined the object, a state named deeper in the phrase
    ("joined-the-object", "Finland condemned Russia, which was joined by Belarus, on Monday.",
     [("FIN-RUS", "tension")], [("BLR-RUS", "tension")]),
    ("alongside-a-thing", "France imposed sanctions on Iran alongside a bill debated in Germany.",
     [("FRA-IRN", "tension")], [("DEU-IRN", "tension")]),
]


@pytest.mark.parametrize("name,text,present,absent", CASES, ids=[c[0] for c in CASES])
def test_group_sides(extract, name, text, present, absent):
    asserted = [e for e in extract(name, text, PUB) if e.status == "asserted"]
    found = {(dyad_key(e.source.country, e.target.country), e.category) for e in asserted}
    assert set(present) <= found and not set(absent) & found, found


# "the two countries", "both leaders", "the pair": the two states of the story's last event, for any event
# (not only between equals), as a subject or as the parties of a meeting ("talks between the two leaders")
STORY = "Chad and Niger signed a defence pact in May. "
GROUP_CASES = [
    ("two-countries-condemned", "The two countries condemned Libya on Friday.",
     [("LBY-NER", "condemnation"), ("LBY-TCD", "condemnation")]),
    ("both-leaders-condemned", "Both leaders condemned Libya on Friday.",
     [("LBY-NER", "condemnation"), ("LBY-TCD", "condemnation")]),
    ("the-pair-condemned", "The pair condemned Libya on Friday.",
     [("LBY-NER", "condemnation"), ("LBY-TCD", "condemnation")]),
    # the last pair of the one state the sentence names, not the story's last event (Mali-Libya)
    ("talks-between-the-two", "Mali condemned Libya in June. The talks between the two leaders in "
     "N'Djamena on Friday produced a joint statement.", [("NER-TCD", "meeting")]),
    # not the two states: teams, federations, the banks of a river
    ("both-teams", "Both teams condemned Libya on Friday.", []),
    ("countries-federations", "The two countries' football federations condemned Libya on Friday.", []),
    ("sides-of-the-river", "The two sides of the river condemned Libya on Friday.", []),
]


@pytest.mark.parametrize("name,text,present", GROUP_CASES, ids=[c[0] for c in GROUP_CASES])
def test_group_of_two(extract, name, text, present):
    asserted = [e for e in extract(name, STORY + text, PUB) if e.status == "asserted"]
    found = {(dyad_key(e.source.country, e.target.country), e.type) for e in asserted}
    assert set(present) <= found and ("LBY-NER", "condemnation") not in found - set(present), found
    inferred = [e for e in asserted if (dyad_key(e.source.country, e.target.country), e.type) in present]
    assert all(e.evidence.filled for e in inferred)  # the inference is told and costs confidence
