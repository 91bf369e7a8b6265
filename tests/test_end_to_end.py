"""The product as the demo runs it: the sample corpus in, the Niger story out."""

from __future__ import annotations

import pytest

from kg.load import ingest_paths
from kg.model import EventDate
from kg.store import KnowledgeGraph
from kg.timeline import build_timeline
from kg.validate import validate_store
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def demo(tmp_path_factory, extractor):
    store = KnowledgeGraph.open(tmp_path_factory.mktemp("e2e") / "store")
    report = ingest_paths(store, [ROOT / "data" / "articles"], extractor=extractor)
    yield store, report
    store.close()


def test_every_sample_article_is_stored(demo):
    store, report = demo
    assert report.errors == []
    assert report.stored == len(list((ROOT / "data" / "articles").glob("*.txt")))
    assert report.events > 100
    assert len(store.list_articles()) == report.stored


def test_store_conforms_to_the_shapes(demo):
    report = validate_store(demo[0])
    assert report.conforms, report.text


def test_niger_us_timeline_tells_the_2023_2024_story(demo):
    rows = build_timeline(demo[0], "NER", "USA").asserted()
    starts = [EventDate(value=r.date, precision=r.precision).bounds()[0] for r in rows if r.date]
    assert starts == sorted(starts), "timeline rows are in date order"
    assert all(r.sentence and r.article and r.title for r in rows), "every row has its article and sentence"
    assert any(r.type == "revoke_access" and r.date.startswith("2024-03") for r in rows if r.date)
    assert any(
        r.type == "withdrawal_announced" and r.date.startswith(("2024-04", "2024-05")) for r in rows if r.date
    )
    assert any(
        r.type in ("handover", "withdrawal") and r.date.startswith(("2024-07", "2024-08"))
        for r in rows
        if r.date
    )


def test_niger_russia_timeline_has_the_instructors_and_the_call(demo):
    rows = build_timeline(demo[0], "NER", "RUS").asserted()
    assert any(r.category == "cooperation" and (r.date or "").startswith("2024-04") for r in rows)
    assert any(r.type == "call" and (r.date or "").startswith("2024-03") for r in rows)
    assert any(r.type == "visit" and (r.date or "").startswith(("2023-12", "2024-01")) for r in rows)


def test_niger_france_timeline_has_the_expulsion_and_the_departure(demo):
    rows = build_timeline(demo[0], "NER", "FRA").asserted()
    assert any(r.category == "tension" and (r.date or "").startswith("2023-08") for r in rows)
    assert any(r.category == "base_access" and (r.date or "").startswith("2023-") for r in rows)


def test_timeline_period_filter(demo):
    from datetime import date

    rows = build_timeline(demo[0], "NER", "USA", since=date(2024, 1, 1), until=date(2024, 12, 31)).rows
    assert rows and all(r.date and r.date >= "2024" for r in rows)
