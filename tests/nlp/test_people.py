"""People named in full and then by one word of their name: the rest of the story still means them."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest import article_from_text
from kg.model import dyad_key

PUB = date(2025, 6, 13)  # a Friday


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Prabowo Subianto and Anwar Ibrahim met in Jakarta on Monday. On Thursday Anwar signed a defence "
            "agreement with Japan.",
            {"JPN-MYS"},
        ),
        (
            "Xi Jinping welcomed Prabowo Subianto in Beijing on Saturday. Earlier in the week Prabowo had "
            "signed an arms deal with France.",
            {"CHN-IDN", "FRA-IDN"},  # Xi welcoming Prabowo in Beijing is his visit
        ),
    ],
    ids=["anwar", "prabowo"],
)
def test_a_leader_named_in_full_is_meant_by_one_word_of_the_name_later(extractor, text, pair):
    # not the state in focus ("Prabowo and Anwar met in Jakarta", "Xi welcomed Prabowo in Beijing")
    events = extractor.extract(article_from_text(text, id="people", published=PUB))
    pairs = {dyad_key(e.source.country, e.target.country) for e in events if e.category == "cooperation"}
    assert pairs == pair


def test_the_office_before_a_name_is_not_the_persons_name(extractor):
    text = (
        "President Xi Jinping left Moscow on Wednesday after talks with Vladimir Putin. "
        "Japanese Prime Minister Fumio Kishida arrived in Kyiv on Tuesday for talks with President "
        "Volodymyr Zelensky."
    )
    events = extractor.extract(article_from_text(text, id="people", published=date(2023, 3, 22)))
    pairs = {dyad_key(e.source.country, e.target.country) for e in events}
    assert "JPN-UKR" in pairs and "CHN-JPN" not in pairs, pairs


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the ousted leader still held now: the coup was when his tenure ended
            "Bazoum, the ousted Nigerien president, is still in detention a year after the coup.",
            date(2024, 7, 8),
            {("NER", "2023-07-26")},
        ),
        (  # not the day of the clause
            "Mali's deposed leader, Ibrahim Boubacar Keita, died on Sunday.",
            date(2022, 1, 17),
            {("MLI", "2020-08-18")},
        ),
        (  # nobody named: no date, no event
            "The ousted president is still in detention.",
            date(2024, 7, 8),
            set(),
        ),
        (  # "overthrew" is a past tense, even where the parse calls it a participle
            "In March 2012, soldiers angered by the government's handling of a Tuareg rebellion in the north "
            "overthrew Mali's President Amadou Toumani Touré.",
            date(2020, 8, 19),
            {("MLI", "2012-03")},
        ),
    ],
    ids=["ousted-bazoum", "deposed-keita", "ousted-nobody", "overthrew"],
)
def test_a_leader_described_as_ousted_dates_the_coup_by_the_tenure(extractor, text, published, expected):
    events = extractor.extract(article_from_text(text, id="ousted", published=published))
    assert {(e.source.country, e.date.value) for e in events if e.category == "coup"} == expected
