"""Extraction rules that generalise beyond the dev corpus (issue 3): each row is worded apart from any
corpus article, and each rule has at least two rows worded differently.

A row is (name, text, published, pair, category, date): with FOUND the event must be extracted and
asserted; with NOT_FOUND no asserted event of that pair and category may be.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest import article_from_text
from kg.model import dyad_key

FOUND: list[tuple[str, str, date, str, str, str | None]] = [
    # a ceasefire or truce agreed between two states is an agreement, also beside an agreed pull-back
    (
        "agreed-ceasefire",
        "Armenia and Azerbaijan agreed on Saturday to a humanitarian ceasefire after talks in Moscow.",
        date(2021, 3, 1),
        "ARM-AZE",
        "cooperation",
        "2021-02-27",
    ),
    (
        "observe-ceasefire",
        "India and Pakistan agreed last week to observe a strict ceasefire along the Line of Control.",
        date(2021, 3, 1),
        "IND-PAK",
        "cooperation",
        "2021-02",
    ),
    (
        "ceasefire-and-pull-back",
        "Ecuador and Peru agreed to a ceasefire and to pull back their forces from the contested zone, after "
        "ten days of clashes.",
        date(1995, 2, 18),
        "ECU-PER",
        "cooperation",
        None,
    ),
    # establishing relations is cooperation, ending them is tension
    (
        "established-relations",
        "Vanuatu established diplomatic relations with China in 1982.",
        date(2023, 3, 27),
        "CHN-VUT",
        "cooperation",
        "1982",
    ),
    (
        "moved-to-establish-ties",
        "Nicaragua moved in December to establish ties with Beijing, officials said.",
        date(2022, 1, 10),
        "CHN-NIC",
        "cooperation",
        "2021-12",
    ),
    (
        "terminated-relations",
        "Panama terminated its diplomatic relations with Taipei in June 2017.",
        date(2023, 3, 27),
        "PAN-TWN",
        "tension",
        "2017-06",
    ),
    (
        "ending-ties",
        "Honduras said on Saturday it was ending ties with Taiwan.",
        date(2023, 3, 27),
        "HND-TWN",
        "tension",
        "2023-03-25",
    ),
    # two signatories with a third: each signed with the third, the accord's own clause may name it
    (
        "signed-accords-normalising-with",
        "Morocco and Sudan signed agreements normalising relations with Israel late last year.",
        date(2021, 1, 10),
        "ISR-SDN",
        "cooperation",
        "2020",
    ),
    (
        "signed-with-third",
        "Estonia and Latvia signed defence cooperation agreements with the United States in January 2017.",
        date(2021, 1, 10),
        "LVA-USA",
        "cooperation",
        "2017-01",
    ),
]

NOT_FOUND: list[tuple[str, str, date, str, str]] = [
    (
        "cosignatories-not-paired",
        "Morocco and Sudan signed agreements normalising relations with Israel late last year.",
        date(2021, 1, 10),
        "MAR-SDN",
        "cooperation",
    ),
    (
        "cosignatories-with-third-not-paired",
        "Estonia and Latvia signed defence cooperation agreements with the United States in January 2017.",
        date(2021, 1, 10),
        "EST-LVA",
        "cooperation",
    ),
    # an apposition describing a side names no side of its own
    (
        "apposition-possessor",
        "Burkina Faso, Mali's closest partner, signed a defence pact with Russia on Monday.",
        date(2023, 3, 27),
        "MLI-RUS",
        "cooperation",
    ),
    (
        "apposition-ally",
        "Armenia, long Russia's closest ally in the Caucasus, signed a partnership agreement with the "
        "European Union on Friday.",
        date(2017, 11, 27),
        "EU-RUS",
        "cooperation",
    ),
    # a story about two states acting together names no third side: a state mentioned once later is not
    # who they acted on
    (
        "two-actors-no-third",
        "Eritrea and Djibouti withdrew soldiers from the contested Ras Doumeira area on Thursday, the two "
        "governments said. Eritrea and Djibouti fought a brief border war in 2008. Qatar had mediated "
        "between them until 2017.",
        date(2023, 5, 30),
        "DJI-QAT",
        "base_access",
    ),
    (
        "two-actors-no-offerer",
        "Armenia and Azerbaijan pulled troops back from the frontier on Tuesday. The two neighbours fought "
        "a war over Karabakh in 2020. France has offered to host talks.",
        date(2023, 5, 30),
        "ARM-FRA",
        "base_access",
    ),
    # a teaser after the story names another story's state: it is not the story's focus, so it does not
    # fill a side the story leaves unsaid
    (
        "teaser-not-focus",
        "Armenia and Azerbaijan agreed on Tuesday to pull back troops from their shared frontier.\n\n"
        "Also today: Georgia raises interest rates",
        date(2024, 5, 8),
        "ARM-GEO",
        "base_access",
    ),
    (
        "related-not-focus",
        "Ethiopian and Eritrean officers instructed their units to stay in barracks on Sunday.\n\n"
        "Related: Kenya opens new port",
        date(2019, 3, 4),
        "ETH-KEN",
        "cooperation",
    ),
]


@pytest.fixture(scope="module")
def extract(extractor):
    def run(name: str, text: str, published: date):
        return extractor.extract(article_from_text(text, id=name, published=published))

    return run


def _asserted(events, pair: str, category: str):
    return [
        e
        for e in events
        if e.status == "asserted"
        and dyad_key(e.source.country, e.target.country) == pair
        and e.category == category
    ]


@pytest.mark.parametrize(
    ("name", "text", "published", "pair", "category", "when"), FOUND, ids=[r[0] for r in FOUND]
)
def test_found(extract, name, text, published, pair, category, when):
    events = extract(name, text, published)
    found = _asserted(events, pair, category)
    assert found, events
    if when is not None:
        assert when in {e.date.value for e in found}, found


@pytest.mark.parametrize(
    ("name", "text", "published", "pair", "category"), NOT_FOUND, ids=[r[0] for r in NOT_FOUND]
)
def test_not_found(extract, name, text, published, pair, category):
    events = extract(name, text, published)
    assert not _asserted(events, pair, category), events
