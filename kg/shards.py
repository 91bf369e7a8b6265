"""Bulk paths: write extraction results as N-Quads shards, and load shards with each store's fast path.

    report = write_shards(["data/articles"], "shards/", jobs=2)      # kg ingest … --shards shards/
    with KnowledgeGraph.open("kgstore") as kg:
        load_shards(kg, "shards/")                                    # kg load-shards shards/

A shard folder holds ``reference.nq`` (the ontology and actors graphs), ``articles-NNNNN.nq``
(one named graph per article, ``shard_size`` articles a file) and ``manifest.json`` (the graphs,
dyads and counts of each file). Loading drops the graphs a shard replaces, bulk-loads the files
(pyoxigraph ``bulk_load`` then ``optimize`` embedded; one POST of ``application/n-quads`` per file
to an Oxigraph server's /store) and re-consolidates the dyads the shards touched, so the store
ends up with the same quads as ``kg ingest`` of the same articles.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import Graph

from kg.actors import ActorIndex
from kg.consolidate import ConsolidationReport, consolidate_dyads, unconsolidated_dyads
from kg.errors import IngestError, StoreError
from kg.ingest import read_articles
from kg.model import DYAD, EXTRACTOR_VERSION, GRAPH, dyad_key
from kg.nlp.extract import Extractor
from kg.parallel import extract_articles
from kg.rdf import actors_graph, article_graph_iri, article_nquads, ontology_graph
from kg.store import KnowledgeGraph, _to_ox

MANIFEST = "manifest.json"
REFERENCE = "reference.nq"
SHARD_SIZE = 1000
DROP_BATCH = 500  # graphs per DROP update when a load replaces stored articles


@dataclass
class ShardReport:
    """What writing or loading shards did."""

    files: int = 0
    articles: int = 0
    events: int = 0
    quads: int = 0
    replaced: int = 0
    seconds: float = 0.0
    errors: list[IngestError] = field(default_factory=list)
    consolidation: ConsolidationReport = field(default_factory=ConsolidationReport)

    def summary(self, verb: str = "wrote") -> str:
        text = (f"{verb} {self.files} shard files: {self.articles} articles, {self.events} events, "
                f"{self.quads} quads in {self.seconds:.1f} s")
        if self.replaced:
            text += f"; {self.replaced} stored graphs replaced"
        if self.consolidation.dyads:
            text += f"; {self.consolidation.events} consolidated events in {self.consolidation.dyads} dyads"
        return text + (f", {len(self.errors)} files or records failed" if self.errors else "")


def _quads(graph_name: str, graph: Graph) -> list[ox.Quad]:
    g = ox.NamedNode(str(graph_name))
    return [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g) for s, p, o in graph]


def write_shards(paths: Iterable[str | Path], out_dir: str | Path, *, index: ActorIndex | None = None,
                 extractor: Extractor | None = None, jobs: int = 1, scheduler: str | None = None,
                 shard_size: int = SHARD_SIZE,
                 progress: Callable[[Iterable], Iterable] | None = None) -> ShardReport:
    """Read and extract every article under ``paths`` and write N-Quads shards into ``out_dir``."""
    started = time.perf_counter()
    report = ShardReport()
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create shard folder {out}: {exc.strerror}") from exc
    articles = list(read_articles(paths, errors=report.errors))
    if extractor is not None:
        index = extractor.index
    index = index or ActorIndex.load()
    manifest: dict = {"extractor": EXTRACTOR_VERSION, "shard_size": shard_size, "files": []}
    reference = (_quads(GRAPH["ontology"], ontology_graph())
                 + _quads(GRAPH["actors"], actors_graph(index.actors.values())))
    _write(out / REFERENCE, reference)
    manifest["files"].append({"file": REFERENCE, "articles": 0, "events": 0, "quads": len(reference),
                              "graphs": [str(GRAPH["ontology"]), str(GRAPH["actors"])], "dyads": []})
    report.quads += len(reference)
    results = extract_articles(articles, extractor=extractor, index=index, jobs=jobs, scheduler=scheduler)
    if progress is not None:
        results = progress(results)
    shard: dict = {}
    handle = None
    for n, (article, events) in enumerate(results):
        if n % shard_size == 0:
            if handle is not None:
                handle.close()
            shard = {"file": f"articles-{n // shard_size:05d}.nq", "articles": 0, "events": 0, "quads": 0,
                     "graphs": [], "dyads": set()}
            manifest["files"].append(shard)
            handle = open(out / shard["file"], "wb")  # noqa: SIM115 (closed when the next shard starts)
        name = article_graph_iri(article.id)
        text = article_nquads(article, events)
        handle.write(text.encode("utf-8"))
        quads = text.count("\n")
        shard["articles"] += 1
        shard["events"] += len(events)
        shard["quads"] += quads
        shard["graphs"].append(str(name))
        shard["dyads"] |= {dyad_key(e.source.country, e.target.country) for e in events}
        report.articles += 1
        report.events += len(events)
        report.quads += quads
    if handle is not None:
        handle.close()
    for entry in manifest["files"]:
        entry["dyads"] = sorted(entry["dyads"])
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    report.files = len(manifest["files"])
    report.seconds = time.perf_counter() - started
    return report


def _write(path: Path, quads: list[ox.Quad]) -> None:
    try:
        path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror}") from exc


def read_manifest(shard_dir: str | Path) -> dict:
    """The manifest of a shard folder (written by write_shards)."""
    path = Path(shard_dir) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{shard_dir} has no {MANIFEST}; "
                         "write shards with kg ingest PATH --shards DIR") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc
    for entry in manifest.get("files", []):
        if not (Path(shard_dir) / entry["file"]).is_file():
            raise StoreError(f"{shard_dir}: shard {entry['file']} listed in {MANIFEST} is missing")
    return manifest


def load_shards(kg: KnowledgeGraph, shard_dir: str | Path, *, consolidate: bool = True) -> ShardReport:
    """Load a shard folder into the store with its fast path; graphs already stored are replaced."""
    started = time.perf_counter()
    manifest = read_manifest(shard_dir)
    entries = manifest["files"]
    stored = {str(g) for g in kg.list_graphs()}
    replaced = [ox.NamedNode(g) for entry in entries for g in entry["graphs"] if g in stored]
    old_dyads: set[str] = set()  # where the replaced articles had events: consolidated again too
    for i in range(0, len(replaced), DROP_BATCH):
        batch = replaced[i: i + DROP_BATCH]
        rows = kg.query("SELECT DISTINCT ?d WHERE { VALUES ?g { " + " ".join(map(str, batch)) + " } "
                        "GRAPH ?g { ?d kg:hasEvent ?e } }").rows
        old_dyads |= {unquote(str(row[0])[len(str(DYAD)):]) for row in rows}
        kg.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in batch))
    kg.load_quads([Path(shard_dir) / entry["file"] for entry in entries])
    report = ShardReport(files=len(entries), replaced=len(replaced),
                         articles=sum(e["articles"] for e in entries),
                         events=sum(e["events"] for e in entries),
                         quads=sum(e["quads"] for e in entries))
    if consolidate:
        dyads = {d for entry in entries for d in entry["dyads"]} | old_dyads
        report.consolidation = consolidate_dyads(kg, dyads | unconsolidated_dyads(kg))
    report.seconds = time.perf_counter() - started
    return report
