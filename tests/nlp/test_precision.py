"""Precision cases (issue 3): dates that belong to the event's own words, descriptions that are no
events, and second sides that are no party. Rows are (name, text, published, expected, absent): an
expected event is (sorted pair, category, date); an absent one is (sorted pair, category), or
(sorted pair, category, date) when only that date is wrong."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest import article_from_text
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
]


@pytest.fixture(scope="module")
def extract(extractor):
    def run(name: str, text: str, published: date):
        return extractor.extract(article_from_text(text, id=name, published=published))

    return run


@pytest.mark.parametrize(
    ("name", "text", "published", "expected", "absent"), CASES, ids=[c[0] for c in CASES]
)
def test_precision_case(extract, name, text, published, expected, absent):
    found = {
        (dyad_key(e.source.country, e.target.country), e.category, e.date.value)
        for e in extract(name, text, published)
        if e.status == "asserted"
    }
    for pair, category, when in expected:
        assert (pair, category, when) in found, f"missing {(pair, category, when)} in {sorted(found, key=str)}"
    for row in absent:
        wrong = [f for f in found if f[:2] == row[:2] and (len(row) == 2 or f[2] == row[2])]
        assert not wrong, f"unexpected {wrong}"
