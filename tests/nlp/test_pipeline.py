"""The pipeline's repairs of the parse: an object cut from its verb by an aside between commas."""

from __future__ import annotations

from datetime import date

import pytest

from kg.ingest import article_from_text

PUB = date(2024, 3, 18)  # a Monday

INTERRUPTED = [
    (
        "Niger's military government said on Saturday it had revoked, with immediate effect, the agreement "
        "that allowed US military personnel and Pentagon civilian staff to operate in the country.",
        "revoked",
        "agreement",
    ),
    (
        "The junta announced that it had suspended, until further notice, all military cooperation with France.",
        "suspended",
        "cooperation",
    ),
    (
        "Moscow said it would deliver, by the end of the year, two more S-400 batteries to Turkey.",
        "deliver",
        "batteries",
    ),
]


@pytest.mark.parametrize(("text", "verb", "noun"), INTERRUPTED, ids=[v for _, v, _ in INTERRUPTED])
def test_an_object_after_an_aside_is_the_verbs(extractor, text, verb, noun):
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == noun)
    assert (token.dep_, token.head.text) == ("dobj", verb)


@pytest.mark.parametrize(
    ("text", "type_", "source", "target", "when"),
    [
        (INTERRUPTED[0][0], "revoke_access", "NER", "USA", "2024-03-16"),
        (
            "Chad's government said on Thursday it had ended, with immediate effect, the defence cooperation "
            "accord that allowed French troops to stay in the country.",
            "revoke_access",
            "TCD",
            "FRA",
            "2024-03-14",
        ),
    ],
)
def test_the_interrupted_object_makes_the_event(extractor, text, type_, source, target, when):
    events = extractor.extract(article_from_text(text, id="aside", published=PUB))
    assert any(
        (e.type, e.source.country, e.target.country, e.date.value) == (type_, source, target, when) for e in events
    ), events


def test_an_aside_before_a_new_clause_stays_apart(extractor):
    doc = extractor.nlp("He said on Monday, after the talks, the agreement would hold.")
    agreement = next(t for t in doc if t.text == "agreement")
    assert agreement.dep_ != "dobj"
