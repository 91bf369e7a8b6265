"""An event noun told again ("the expulsion", "the call") whose clause names no side takes the two sides
of the story's last asserted event of its type, with lower confidence and a note of how (issue 3).

Sentences written for these tests, not taken from any corpus.
"""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2024, 5, 10)


def _filled(events):
    return [e for e in events if e.evidence.filled]


@pytest.mark.parametrize(
    ("text", "pair", "category", "when"),
    [
        (
            "Estonia expelled a Russian diplomat on Monday. "
            "The expulsion in February 2023 of two others had angered Moscow.",
            ("EST", "RUS"),
            "tension",
            "2023-02",
        ),
        (
            "The presidents of Chile and Argentina spoke by telephone on Friday. "
            "The call in January had dealt with gas exports.",
            ("CHL", "ARG"),
            "cooperation",
            "2024-01",
        ),
        (
            "Indian Prime Minister Narendra Modi visited Bhutan on Friday. "
            "The visit in June 2019 had been his first abroad after re-election.",
            ("IND", "BTN"),
            "cooperation",
            "2019-06",
        ),
    ],
)
def test_a_definite_event_noun_takes_the_sides_of_the_last_event_of_its_type(
    extract, text, pair, category, when
):
    (event,) = _filled(extract("told-again", text, PUBLISHED))
    assert (event.source.country, event.target.country) == pair
    assert event.category == category and event.status == "asserted"
    assert event.date.value == when
    assert event.evidence.filled.startswith("both sides from the story's last")
    assert "-".join(pair) in event.evidence.filled


@pytest.mark.parametrize(
    "text",
    [
        # "an expulsion" is not one the story has told
        "Estonia expelled a Russian diplomat on Monday. "
        "An expulsion in February 2023 of two others had angered Moscow.",
        # the expulsion before was only possible: there is no told event to refer back to
        "Estonia may expel a Russian diplomat, officials said on Monday. "
        "The expulsion in February 2023 of two others had angered Moscow.",
        # the sentence names the sides itself
        "Estonia expelled a Russian diplomat on Monday. "
        "The expulsion of two Russian diplomats by Estonia in February 2023 had angered Moscow.",
        # the visit is timed by the call it followed: the date in the clause is not the visit's
        "Indian Prime Minister Narendra Modi visited Bhutan on Friday. "
        "That visit followed a telephone call on 2 March.",
        "Indian Prime Minister Narendra Modi visited Bhutan on Friday. "
        "The visit came days before the election in May.",
    ],
)
def test_no_side_is_filled_without_a_told_event_or_where_the_clause_names_its_sides(extract, text):
    assert _filled(extract("not-told-again", text, PUBLISHED)) == []


def test_a_filled_event_is_less_confident_than_the_same_event_with_its_sides_named(extract):
    told = "Estonia expelled a Russian diplomat on Monday. "
    filled_text = told + "The expulsion in February 2023 of two others had angered Moscow."
    named_text = (
        told + "The expulsion of two Russian diplomats by Estonia in February 2023 had angered Moscow."
    )
    (filled,) = _filled(extract("filled", filled_text, PUBLISHED))
    (named,) = [e for e in extract("named", named_text, PUBLISHED) if e.date.value == "2023-02"]
    assert not named.evidence.filled
    assert filled.confidence < named.confidence
