"""Consolidating many dyads at once (one query, one update per batch) writes what each dyad alone writes.

The consolidation corpus is ingested, corrected (a mention moved to another pair, a date fixed, a
mention split out) and an article removed; then the derived graphs are dropped (but for those of the
pairs the article took away, which consolidation must remove) and written again,
in batches of a few dyads and one dyad at a time, and the two stores must hold the same quads.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import kg.consolidate
from kg.consolidate import consolidate_dyads, read_mentions, stored_dyads
from tests.conftest import ROOT

CORPUS = ROOT / "data" / "eval" / "consolidation" / "articles"
DERIVED = ("/graph/consolidated/", "/graph/states/", "/graph/summary/")


@pytest.fixture(scope="module")
def corrected(tmp_path_factory, extractor):
    """The corpus ingested and corrected, as N-Quads, with the dyads it had and those it lost."""
    from kg.corrections import correct
    from kg.load import ingest_paths
    from kg.rdf import article_graph_iri
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    assert ingest_paths(kg, [CORPUS], extractor=extractor).errors == []
    at = datetime(2026, 12, 7, tzinfo=UTC)
    handover = sorted(m.event for m in read_mentions(kg, "NER-USA") if m.type == "handover")[0]
    correct(kg, "actor", f"event/{handover}", target="FRA", by="test", at=at)
    correct(kg, "date", f"event/{sorted(m.event for m in read_mentions(kg, 'DEU-TCD'))[0]}", value="2023-04-09",
            by="test", at=at)
    [(ce, mention)] = kg.query(
        "SELECT ?ce ?m WHERE { ?ce a kg:ConsolidatedEvent ; kg:mentionCount ?n ; kg:mention ?m FILTER(?n > 2) } "
        "ORDER BY ?ce ?m LIMIT 1"
    ).rows
    correct(kg, "split", str(ce), other=str(mention), by="test", at=at)
    # a dyad whose every article goes: its derived graphs must go too
    dyads = stored_dyads(kg)
    lonely = min(dyads, key=lambda d: (len({m.article for m in read_mentions(kg, d)}), d))
    [gone] = {m.article for m in read_mentions(kg, lonely)}
    kg.remove_graph(article_graph_iri(gone))
    lost = sorted(dyads - stored_dyads(kg))
    path = tmp_path_factory.mktemp("batch") / "corrected.nq"
    path.write_bytes(kg.dump("nq"))
    return path, dyads, lost


def _consolidated(path, lost, runs):
    """The store's quads after consolidating ``runs`` (lists of dyads), its derived graphs dropped first but
    for those of the ``lost`` dyads (left from before their article went)."""
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph.in_memory()
    kg.load_quads([path])
    derived = [g for g in kg.list_graphs() if any(d in str(g) for d in DERIVED)]
    assert {str(g).rsplit("/", 1)[1] for g in derived} >= set(lost)
    kg.replace_graphs({g: () for g in derived if str(g).rsplit("/", 1)[1] not in lost})
    reports = [consolidate_dyads(kg, run) for run in runs]
    return set(kg.dump("nq").decode("utf-8").splitlines()), reports


def test_batches_write_what_each_dyad_alone_writes(corrected, monkeypatch):
    path, dyads, lost = corrected
    alone, alone_reports = _consolidated(path, lost, [[d] for d in sorted(dyads)])
    monkeypatch.setattr(kg.consolidate, "DYADS_PER_UPDATE", 3)  # several batches, several dyads each
    batched, [report] = _consolidated(path, lost, [dyads])
    assert batched == alone
    assert lost and report.removed == lost and sum(r.dyads for r in alone_reports) == report.dyads == len(dyads) - len(lost)
    assert report.events == sum(r.events for r in alone_reports) and report.states > 0
    kinds = {q.split(" ")[2] for q in batched if "22-rdf-syntax-ns#type" in q.split(" ")[1]}
    assert {f"<https://w3id.org/kg/ontology#{k}>" for k in ("ConsolidatedEvent", "MonthlyScore",
                                                            "RelationshipState", "PairMonth")} <= kinds
    assert not any(q.split(" ")[-2].endswith(tuple(f"/{d}>" for d in lost)) for q in batched)
    # the corrections applied: the moved mention is in FRA-NER's consolidated graph, not NER-USA's
    assert any("/consolidated/FRA-NER>" in q.split(" ")[-2] and "/correction/" in q for q in batched)
