"""Ingest: read articles, extract their events, and store one named graph per article.

    with KnowledgeGraph.open("kgstore") as kg:
        report = ingest_paths(kg, ["data/articles"])

Unchanged articles (same id, same text, same extractor version) are skipped; a changed
article replaces its graph in one transaction, so a crash leaves the old or the new version.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.actors import ActorIndex
from kg.errors import IngestError
from kg.ingest import read_articles
from rdflib import Literal

from kg.model import EXTRACTOR_VERSION, GRAPH, KG, Article
from kg.nlp.extract import Extractor
from kg.rdf import actors_graph, article_graph, article_graph_iri, article_iri, ontology_graph
from kg.store import KnowledgeGraph


@dataclass
class IngestReport:
    """What one ingest run did."""

    stored: int = 0
    unchanged: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.stored} articles stored, {self.unchanged} unchanged, {self.events} events"
        return text + (f", {len(self.errors)} files failed" if self.errors else "")


def content_hash(article: Article) -> str:
    """What decides whether a stored article is up to date: its text, metadata and the extractor."""
    meta = f"{article.published}|{article.title}|{article.source}|{article.url}|{EXTRACTOR_VERSION}"
    return hashlib.sha256(f"{meta}\n{article.text}".encode()).hexdigest()


def ensure_reference_graphs(kg: KnowledgeGraph, index: ActorIndex) -> None:
    """The ontology and the actors, each in its own named graph."""
    kg.replace_graph(GRAPH["ontology"], ontology_graph())
    kg.replace_graph(GRAPH["actors"], actors_graph(index.actors.values()))


def ingest_paths(kg: KnowledgeGraph, paths: Iterable[str | Path], *, extractor: Extractor | None = None,
           index: ActorIndex | None = None, progress: Callable[[Iterable], Iterable] | None = None) -> IngestReport:
    """Read, extract and store every article under the given paths; bad files are reported, not fatal."""
    report = IngestReport()
    articles = list(read_articles(paths, errors=report.errors))
    if not articles:
        return report
    extractor = extractor or Extractor.load(index)
    ensure_reference_graphs(kg, extractor.index)
    todo = [a for a in articles if kg.article_hash(a.id) != content_hash(a)]
    report.unchanged = len(articles) - len(todo)
    results = extractor.extract_many(todo)
    if progress is not None:
        results = progress(results)
    for article, events in results:
        graph = article_graph(article, events)
        graph.set((article_iri(article.id), KG.textHash, Literal(content_hash(article))))
        kg.replace_graph(article_graph_iri(article.id), graph)
        report.stored += 1
        report.events += len(events)
    return report
