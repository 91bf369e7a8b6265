"""Ingest: read articles, extract their events, store one named graph per article, consolidate.

    with KnowledgeGraph.open("kgstore") as kg:
        report = ingest_paths(kg, ["data/articles"])
        remove_articles(kg, ["18-niger-revokes-us-military-accord"])

Unchanged articles (same id, same text, same extractor version) are skipped; a changed
article replaces its graph in one transaction, so a crash leaves the old or the new version.
Then only the dyads whose articles changed (and any never consolidated) are consolidated
again (kg/consolidate.py); removing an article re-consolidates the dyads it had events in.

Before an article's events change, its dyads (old and new) are noted in ``graph/pending``; the
note is cleared once they are consolidated. A run killed in between leaves the note, and the
next run consolidates those dyads too, so consolidated events never stay stale after a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from rdflib import RDF

from kg.actors import ActorIndex
from kg.consolidate import ConsolidationReport, consolidate_dyads, stored_dyads, unconsolidated_dyads
from kg.errors import IngestError
from kg.ingest import read_articles
from kg.model import DYAD, GRAPH, KG, dyad_key
from kg.nlp.extract import Extractor
from kg.parallel import extract_articles
from kg.rdf import actors_graph, article_graph, article_graph_iri, content_hash, iri_safe, ontology_graph
from kg.store import KnowledgeGraph


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    unchanged: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    consolidation: ConsolidationReport = field(default_factory=ConsolidationReport)

    def summary(self) -> str:
        text = f"{self.stored} articles stored, {self.unchanged} unchanged, {self.events} events"
        if self.consolidation.dyads:
            text += f"; {self.consolidation.events} consolidated events in {self.consolidation.dyads} dyads"
        return text + (f", {len(self.errors)} files or records failed" if self.errors else "")


def ensure_reference_graphs(kg: KnowledgeGraph, index: ActorIndex) -> None:
    """The ontology and the actors, each in its own named graph."""
    kg.replace_graph(GRAPH["ontology"], ontology_graph())
    kg.replace_graph(GRAPH["actors"], actors_graph(index.actors.values()))


def ingest_paths(kg: KnowledgeGraph, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
           index: ActorIndex | None = None, progress: Callable[[Iterable], Iterable] | None = None,
           jobs: int = 1, scheduler: str | None = None) -> IngestReport:
    """Read, extract and store every article under the given paths; bad files are reported, not fatal.

    ``jobs`` > 1 extracts in that many worker processes, ``scheduler`` (tcp://HOST:PORT) on a Dask
    cluster (kg.parallel); this process writes the store either way, in article order."""
    report = IngestReport()
    articles = list(read_articles(paths, errors=report.errors))
    if not articles:
        return report
    index = extractor.index if extractor is not None else index or ActorIndex.load()
    ensure_reference_graphs(kg, index)
    todo = [a for a in articles if kg.article_hash(a.id) != content_hash(a)]
    report.unchanged = len(articles) - len(todo)
    results = extract_articles(todo, extractor=extractor, index=index, jobs=jobs, scheduler=scheduler)
    if progress is not None:
        results = progress(results)
    touched: set[str] = set()
    for article, events in results:
        dyads = stored_dyads(kg, [article.id])  # where its old events were
        dyads |= {dyad_key(e.source.country, e.target.country) for e in events}
        mark_pending(kg, dyads - touched)
        kg.replace_graph(article_graph_iri(article.id), article_graph(article, events))
        touched |= dyads
        report.stored += 1
        report.events += len(events)
    report.consolidation = consolidate_dyads(kg, touched | unconsolidated_dyads(kg) | pending_dyads(kg))
    kg.remove_graph(PENDING_GRAPH)
    return report


PENDING_GRAPH = GRAPH["pending"]


def mark_pending(kg: KnowledgeGraph, dyads: Iterable[str]) -> None:
    """Note dyads whose events are about to change, until they are consolidated again (survives a crash)."""
    nodes = " ".join(f"<{DYAD[iri_safe(d)]}> <{RDF.type}> <{KG.Dyad}> ." for d in sorted(dyads))
    if nodes:
        kg.update(f"INSERT DATA {{ GRAPH <{PENDING_GRAPH}> {{ {nodes} }} }}")


def pending_dyads(kg: KnowledgeGraph) -> set[str]:
    """The dyads noted by mark_pending and not consolidated since (a run that did not finish)."""
    result = kg.query(f"SELECT ?d WHERE {{ GRAPH <{PENDING_GRAPH}> {{ ?d a kg:Dyad }} }}")
    return {unquote(str(row[0])[len(str(DYAD)):]) for row in result.rows}


@dataclass
class RemoveReport:
    """What one removal did."""

    removed: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    consolidation: ConsolidationReport = field(default_factory=ConsolidationReport)

    def summary(self) -> str:
        text = f"{len(self.removed)} articles removed"
        if self.missing:
            text += f", {len(self.missing)} not in the store ({', '.join(self.missing)})"
        dyads = len(self.consolidation.removed) + self.consolidation.dyads
        return text + f"; {dyads} dyads consolidated again"


def remove_articles(kg: KnowledgeGraph, article_ids: Iterable[str]) -> RemoveReport:
    """Remove articles (their named graphs) and re-consolidate the dyads they had events in."""
    report = RemoveReport()
    touched: set[str] = set()
    for article_id in dict.fromkeys(article_ids):
        dyads = stored_dyads(kg, [article_id])
        mark_pending(kg, dyads - touched)
        if kg.remove_graph(article_graph_iri(article_id)):
            report.removed.append(article_id)
            touched |= dyads
        else:
            report.missing.append(article_id)
    report.consolidation = consolidate_dyads(kg, touched | pending_dyads(kg))
    kg.remove_graph(PENDING_GRAPH)
    return report
