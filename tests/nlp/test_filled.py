"""Every event says which of its sides its sentence leaves unsaid and where each came from
(Evidence.filled, issue 3: "confidence that means something"); a side the sentence names, or a word of it
stands for ("the junta"), is stated and leaves filled empty. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

PUB = date(2024, 5, 10)
TALKS = "Brazil opened talks with Chile on Monday. Brazil and Chile have long been partners. "

CASES = [
    # the state the story is most about fills the side the grammar leaves empty
    (
        "focus",
        TALKS + "Argentina condemned the move on Tuesday.",
        ("ARG", "BRA"),
        "target: Brazil, the state the story is most about, not named in the sentence",
    ),
    # the facility stands for its host, and for its user on the event's date
    (
        "facility",
        "Air Base 201 has been used since 2019 as a hub for surveillance flights.",
        ("NER", "USA"),
        "host: Niger, from the facility Air Base 201, not named in the sentence; "
        "user: United States, Air Base 201's user then, not named in the sentence",
    ),
    # "followed suit": the target of the story's last event
    (
        "followed-suit",
        "Saudi Arabia closed its border with Qatar on Monday. Within hours, Bahrain followed suit.",
        ("BHR", "QAT"),
        "target: Qatar, as in the story's last border closure event (SAU-QAT)",
    ),
    # who the story's last transfer went to
    (
        "last-transfer",
        "Germany pledged 14 tanks to Ukraine in January. Britain had already pledged 12 tanks.",
        ("GBR", "UKR"),
        "target: Ukraine, as in the story's last arms transfer event (DEU-UKR), not named in the sentence",
    ),
    # a definite event noun told again: both sides of the last event of its type
    (
        "told-again",
        "Estonia expelled a Russian diplomat on Monday. "
        "The expulsion in February 2023 of two others had angered Moscow.",
        ("EST", "RUS"),
        "both sides from the story's last expulsion event (EST-RUS)",
    ),
    # both sides named: nothing filled
    ("stated", TALKS + "Argentina condemned Brazil on Tuesday.", ("ARG", "BRA"), None),
    # "the junta" is resolved to the state whose junta it is: a word of the sentence, not a fill
    (
        "resolved",
        "Soldiers seized power in Niger in July 2023. The junta expelled the French ambassador in August.",
        ("NER", "FRA"),
        None,
    ),
]


@pytest.mark.parametrize("name,text,pair,filled", CASES, ids=[c[0] for c in CASES])
def test_filled_says_which_side_came_from_where(extract, name, text, pair, filled):
    """The events of the text's last sentence between `pair` carry `filled`."""
    events = [
        e
        for e in extract(name, text, PUB)
        if (e.source.country, e.target.country) == pair and text.endswith(e.evidence.sentence)
    ]
    assert [e.evidence.filled for e in events] == [filled] * len(events) and events
