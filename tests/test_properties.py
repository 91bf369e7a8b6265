"""Property-based tests: date finding and event extraction never crash on arbitrary Unicode (RTL text,
combining marks, emoji, NUL and other controls, zero-width characters; lone surrogates cannot be
read from a UTF-8 file and are left out) and always return well-formed results.

Examples per test: ``KG_PROPERTY_EXAMPLES`` (default 60).
"""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.dates import find_dates, resolve_date
from kg.errors import IngestError
from kg.model import CATEGORIES, KINDS, STATUSES, EventDate

EXAMPLES = int(os.environ.get("KG_PROPERTY_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                   HealthCheck.data_too_large])
VALUE = re.compile(r"[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")

# Unicode that trips text code: right-to-left text and marks, combining marks, emoji (with joiners and
# skin tones), zero-width characters, controls and NUL, other scripts, odd spaces and line breaks.
WEIRD = ("\u200f\u200e\u202e\u2066\u2069", "مرحبا بالعالم", "שלום", "\u0301\u0308\u0327\u20dd", "e\u0301",
         "👩\u200d👩\u200d👧", "👍🏽", "🇳🇪", "\u200b\u200c\u200d\ufeff", "\x00\x01\x07\x1b\x7f", "\u0085",
         "\u2028\u2029", "\t\r\n\r", "\u00a0\u3000\u2009", "Нигер", "尼日尔", "ニジェール", "Ⅻ ½ ٣ ௰",
         "𝔑𝔦𝔤𝔢𝔯", "\ufffd", "ﬁ ǅ ß İ", "'’\"“”«»", "...", "—–-", "“Niger”")
# Pieces that make the date finder and the extractor do something: dates, states, triggers.
NEWSY = ("Russian military trainers arrived in Niger on Wednesday.", "France withdrew its troops from Mali",
         "last month", "in March 2023", "on 16 March", "the 2023 coup", "back in March", "2024-04-10",
         "Niger and Russia signed a defence agreement", "The junta expelled the French ambassador",
         "could expel", "will withdraw by September", "have not been ordered to leave", "Washington",
         "the Kremlin", "Bazoum", "ECOWAS imposed sanctions on Niger", "last year", "in the summer of 2022",
         "three weeks ago", "next Wednesday", "early 2024", "mid-2023", "1 January 1900", "31 December 9999",
         "29 February 2023", "the 31st", "9999", "0000-00-00", "12/04/2024")

any_text = st.text(st.characters(codec="utf-8"), max_size=300)
weird_news = st.lists(st.one_of(st.sampled_from(WEIRD), st.sampled_from(NEWSY), any_text,
                                st.sampled_from((" ", ". ", "\n", ", ", "\n\n"))),
                      max_size=25).map("".join)
texts = st.one_of(any_text, weird_news)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date.today()),
                      st.sampled_from((date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29))))


def well_formed(when: EventDate) -> None:
    assert when.precision in ("day", "month", "year", "unknown")
    if when.value is None:
        assert when.precision == "unknown" and when.end is None
        return
    assert VALUE.fullmatch(when.value), when
    assert {4: "year", 7: "month", 10: "day"}[len(when.value)] == when.precision
    bounds = when.bounds()  # a real calendar day at both ends, first <= last
    assert bounds is not None and bounds[0] <= bounds[1]
    if when.end is not None:
        assert VALUE.fullmatch(when.end) and len(when.end) == len(when.value) and when.end >= when.value


@SETTINGS
@given(text=texts, published=published)
def test_find_dates_never_crashes_and_returns_spans_of_the_text(text, published):
    mentions = find_dates(text, published)
    previous_end = 0
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end  # sorted, not overlapping
        previous_end = mention.end
        well_formed(mention.date)
        assert mention.date.text == mention.text


@SETTINGS
@given(text=texts, published=published)
def test_resolve_date_never_crashes_and_gives_a_date_or_none(text, published):
    when = resolve_date(text, published)
    if when is not None:
        well_formed(when)
        assert when.text and when.text in text


@pytest.mark.parametrize(("text", "published", "value"), [
    ("on Wednesday", date(1, 1, 3), None),  # no Wednesday before 1 January 1: nothing, not a crash
    ("next Wednesday", date(9999, 12, 31), None),
    ("last month", date(1, 1, 15), None),
    ("in 2100", date(2024, 1, 1), "2100"),
    ("on 1 January 1885", date(2024, 4, 12), "1885-01-01"),
    ("in May 1885", date(2024, 4, 12), "1885-05"),
    ("On 5 April, 1600 people marched", date(2024, 4, 12), "2024-04-05"),  # a count, not a year
])
def test_dates_at_the_ends_of_the_calendar(text, published, value):
    when = resolve_date(text, published)
    assert (when.value if when else None) == value


def events_of(extractor, text, published):
    from kg.ingest import article_from_text

    try:
        article = article_from_text(text, id="prop", published=published)
    except IngestError:
        return None, []  # empty, furniture only, no words: refused with a message, as designed
    return article, extractor.extract(article)


@SETTINGS
@given(text=texts, published=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1),
                                                                max_value=date.today())))
def test_extraction_never_crashes_and_returns_well_formed_events(extractor, text, published):
    article, events = events_of(extractor, text, published)
    if article is None:
        return
    ids = set()
    for event in events:
        evidence = event.evidence
        assert 0 <= evidence.char_start < evidence.char_end <= len(article.text)
        assert article.text[evidence.char_start:evidence.char_end] == evidence.sentence
        assert evidence.sentence.strip() == evidence.sentence and evidence.sentence
        assert evidence.trigger and evidence.trigger in evidence.sentence
        assert event.category in CATEGORIES and event.status in STATUSES
        assert event.source.kind in KINDS and event.target.kind in KINDS
        assert event.source.country and event.target.country
        assert 0.0 <= event.confidence <= 1.0
        assert event.article == article.id and event.event.startswith(article.id + "/")
        well_formed(event.date)
        if event.date.text and event.date.value is not None and event.date.text != "(present tense)":
            # a date taken from the story's context is marked so; its words are still the text's
            assert event.date.text.removesuffix(" (earlier in the article)") in article.text, event.date
        ids.add(event.event)
    assert len(ids) == len(events)  # event ids are unique within an article


@SETTINGS
@given(text=weird_news, published=st.dates(min_value=date(2000, 1, 1), max_value=date.today()))
def test_extracted_graphs_store_and_read_back_whatever_the_text(extractor, text, published):
    """Controls, NUL, RTL marks in a sentence survive N-Triples, the store and SPARQL."""
    from rdflib import Literal, URIRef

    from kg.rdf import article_graph, article_graph_iri
    from kg.store import KnowledgeGraph

    article, events = events_of(extractor, text, published)
    if article is None:
        return
    kg = KnowledgeGraph.in_memory()
    kg.replace_graph(article_graph_iri(article.id), article_graph(article, events))
    rows = kg.query("SELECT ?ev ?s WHERE { ?e kg:evidence ?ev . ?ev kg:sentence ?s }").rows
    assert sorted(str(s) for _, s in rows) == sorted(e.evidence.sentence for e in events)
    found = kg.query("SELECT ?a WHERE { ?a kg:articleId ?id }", {"id": Literal(article.id)}).rows
    assert found == [(URIRef(str(found[0][0])),)] if found else not found
    kg.close()
