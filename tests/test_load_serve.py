"""``kg serve`` under attack and under load, over real HTTP on 127.0.0.1.

Safety: a query that runs too long gets 503 (and the server keeps answering), answers are cut at
--max-rows, SPARQL Update is refused without the token, /static/ serves nothing outside its folder.

Load: 32 clients run the named queries (and an all-or-nothing check) against ``kg serve`` while
articles are ingested, for 10 s (``KG_LOAD_SECONDS`` for longer, ``KG_LOAD_CLIENTS`` for more
clients). Only one process can open an on-disk store, so the ingest goes through a server, two ways:

- ``update``: kg serve --allow-update --token over an on-disk store; the ingest posts each article's
  graph as one SPARQL Update (DROP + INSERT DATA, what KnowledgeGraph.replace_graph runs), first
  versions then edited ones, over and over;
- ``remote``: an ``oxigraph serve`` holds the store; kg serve reads it and the real ``kg ingest``
  writes it (killed with SIGKILL if still running when the time is up).

Readers check what they see: every event of an article graph has its evidence and article, and
the graph holds exactly the events of one version of that article (all or nothing). Zero errors
are required; p50/p95 latencies are printed (run with -s) and written to $KG_LOAD_REPORT if set.
"""

from __future__ import annotations

import http.client
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest

from tests.conftest import ROOT, SEED_ARTICLE
from tests.test_atomicity import synthetic_article, write_corpus

SECONDS = float(os.environ.get("KG_LOAD_SECONDS", "10"))
CLIENTS = int(os.environ.get("KG_LOAD_CLIENTS", "32"))
TOKEN = "s3cret-token-for-tests"
ARTICLE_GRAPH = "https://w3id.org/kg/graph/article/"


# ---------------------------------------------------------------------- a kg serve process


def kg_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("KG_STORE", "KG_SERVE_TOKEN")}


@contextmanager
def kg_serve(store: str | Path, logs: Path, *options: str):
    """``python -m kg serve --store STORE --port 0 OPTIONS`` until the block ends: its base URL."""
    from kg.cli import cli

    if "serve" not in cli.commands:
        pytest.skip("kg serve does not exist yet")
    logs.mkdir(parents=True, exist_ok=True)
    out, err = logs / "serve.out", logs / "serve.log"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0",
                                 *options], cwd=ROOT, env=kg_env(), stdout=stdout, stderr=stderr)
    try:
        deadline = time.monotonic() + 120
        while True:
            found = re.search(r"kg serve: (http://127\.0\.0\.1:\d+)/", out.read_text(errors="replace"))
            if found:
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"kg serve did not start: {err.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield found.group(1)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


class Client:
    """One keep-alive HTTP/1.1 connection to a server."""

    def __init__(self, base: str, timeout: float = 60) -> None:
        parts = urlsplit(base)
        self.host, self.port, self.timeout = parts.hostname, parts.port, timeout
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        if isinstance(body, str):
            body = body.encode("utf-8")
        for attempt in (1, 2):  # a kept-alive connection the server has closed: reconnect once
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                if response.will_close:
                    self.close()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, data
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def sparql(self, query: str, accept: str = "application/sparql-results+json"):
        return self.request("GET", "/sparql?" + urlencode({"query": query}), headers={"Accept": accept})

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def small_store(path: Path, extractor) -> Path:
    """The seed article and a few more, ingested in-process."""
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    folder = path.parent / "articles"
    folder.mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
    meta = SEED_ARTICLE.with_name(SEED_ARTICLE.stem + ".meta.json")
    if meta.exists():
        shutil.copy(meta, folder / meta.name)
    write_corpus(folder, 6, seed=3)
    with KnowledgeGraph.open(path) as kg_:
        ingest_paths(kg_, [folder], extractor=extractor)
    return path


def count_triples(client: Client) -> int:
    status, _, body = client.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


# ---------------------------------------------------------------------- safety


@pytest.fixture(scope="module")
def stores(tmp_path_factory, extractor):
    """Two copies of a small store: one for the shared server, one for the server that is made to time out."""
    root = tmp_path_factory.mktemp("serve-safety")
    base = small_store(root / "base" / "kgstore", extractor)
    shutil.copytree(base, root / "timeout" / "kgstore")
    return {"shared": base, "timeout": root / "timeout" / "kgstore", "root": root}


@pytest.fixture(scope="module")
def server(stores):
    with kg_serve(stores["shared"], stores["root"] / "logs", "--max-rows", "5", "--timeout", "5",
                  "--allow-update", "--token", TOKEN) as base:
        yield base


def test_answers_are_cut_at_max_rows(server):
    client = Client(server)
    status, headers, body = client.sparql("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert status == 200 and headers["x-kg-truncated"] == "true"
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, headers, body = client.sparql("SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000")
    assert headers["x-kg-truncated"] == "true" and len(json.loads(body)["results"]["bindings"]) == 5
    status, headers, body = client.sparql("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert headers["x-kg-truncated"] == "false" and len(json.loads(body)["results"]["bindings"]) == 3
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    status, headers, body = client.sparql(construct, "application/n-triples")
    assert status == 200 and headers["x-kg-truncated"] == "true"
    assert len(body.decode().strip().splitlines()) == 5
    status, headers, body = client.request("POST", "/api/query", json.dumps({
        "query": "SELECT ?e WHERE { ?e a kg:Event }"}), {"Content-Type": "application/json"})
    data = json.loads(body)
    assert status == 200 and data["kg"]["truncated"] is True and len(data["results"]["bindings"]) == 5


FORM = "application/x-www-form-urlencoded"


def test_sparql_update_is_refused_without_the_token(server):
    client = Client(server)
    before = count_triples(client)
    update = "DROP ALL"
    attempts = [
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update"}),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update", "Authorization": "Bearer"}),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update",
                                     "Authorization": "Bearer wrong"}),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update",
                                     "Authorization": f"Bearer {TOKEN}x"}),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update",
                                     "Authorization": f"Bearer {TOKEN[:-1]}"}),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-update",
                                     "Authorization": f"Basic {TOKEN}"}),
        ("POST", "/sparql", urlencode({"update": update}), {"Content-Type": FORM}),
        ("POST", "/sparql?" + urlencode({"update": update}), b"", {"Content-Type": FORM}),
    ]
    for method, path, body, headers in attempts:
        status, _, answer = client.request(method, path, body, headers)
        assert status == 403, (headers, status, answer)
    # updates disguised as queries, or sent the wrong way, are refused whoever sends them
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for method, path, body, headers in [
        ("GET", "/sparql?" + urlencode({"update": update}), None, auth),
        ("GET", "/sparql?" + urlencode({"query": update}), None, auth),
        ("POST", "/sparql", update, {"Content-Type": "application/sparql-query", **auth}),
        ("POST", "/api/query", json.dumps({"query": update}), {"Content-Type": "application/json", **auth}),
        ("POST", "/api/query", json.dumps({"query": "SELECT * WHERE { ?s ?p ?o } ; DROP ALL"}),
         {"Content-Type": "application/json", **auth}),
    ]:
        status, _, answer = client.request(method, path, body, headers)
        assert status == 400, (path, status, answer)
    assert count_triples(client) == before

    # with the token it is applied (a graph of our own, then dropped again)
    graph = "https://w3id.org/kg/graph/test-update"
    insert = f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:a> <urn:b> 1 }} }}"
    with_token = {"Content-Type": "application/sparql-update", **auth}
    status, _, _ = client.request("POST", "/sparql", insert, with_token)
    assert status == 200 and count_triples(client) == before + 1
    status, _, _ = client.request("POST", "/sparql", f"DROP GRAPH <{graph}>", with_token)
    assert status == 200 and count_triples(client) == before


TRAVERSALS = [
    "/static/../serve.py",
    "/static/../../kg/serve.py",
    "/static/..%2fserve.py",
    "/static/..%2F..%2Fserve.py",
    "/static/%2e%2e/serve.py",
    "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
    "/static/..%5cserve.py",
    "/static/..\\serve.py",
    "/static/%252e%252e%252fserve.py",
    "/static/%c0%ae%c0%ae/serve.py",
    "/static/..;/serve.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/app.js%00.png",
    "/static/app.js/../../serve.py",
    "/static/./app.js",
    "/static/",
    "/static/" + quote(str(ROOT / "pyproject.toml"), safe=""),
    "/static/" + "%2e%2e%2f" * 12 + "etc%2fpasswd",
    "/static/....//....//serve.py",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_static_serves_nothing_outside_its_folder(server, path):
    status, _, body = Client(server).request("GET", path)
    assert status == 404, (path, status)
    for secret in (b"root:", b"def make_server", b"[project]", b"import "):
        assert secret not in body


def test_static_serves_its_own_files(server):
    status, headers, body = Client(server).request("GET", "/static/app.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript") and body


def test_oversized_and_chunked_bodies_are_refused(server):
    client = Client(server)
    query = {"Content-Type": "application/sparql-query"}
    status, _, _ = client.request("POST", "/sparql", b"x" * (2 << 20), query)
    assert status == 413
    client.close()
    status, _, _ = client.request("POST", "/sparql", b"SELECT * WHERE { ?s ?p ?o }",
                                  {**query, "Transfer-Encoding": "chunked"})
    assert status == 411


def test_a_runaway_query_times_out_and_the_server_keeps_answering(stores):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with kg_serve(stores["timeout"], stores["root"] / "logs-timeout", "--timeout", "1") as base:
        client = Client(base)
        started = time.monotonic()
        status, headers, body = client.sparql(runaway)
        waited = time.monotonic() - started
        assert status == 503, body
        assert headers.get("retry-after") and b"longer than 1 s" in body
        assert waited < 5, f"answered after {waited:.1f} s with --timeout 1"
        started = time.monotonic()
        status, _, body = Client(base).sparql("ASK { ?s a kg:Event }")
        assert status == 200 and json.loads(body)["boolean"] is True
        assert time.monotonic() - started < 1  # while the abandoned query still runs


# ---------------------------------------------------------------------- load


NAMED = [
    ("dyad_timeline", {"a": "NER", "b": "RUS"}),
    ("dyad_timeline", {"a": "FRA", "b": "MLI"}),
    ("monthly_counts", {"a": "NER", "b": "*"}),
    ("actor_partners", {"actor": "NER"}),
    ("events_with_evidence", {"actor": "MLI", "category": "*", "status": "asserted", "since": "*",
                              "until": "*"}),
    ("top_tension_pairs", {"since": "2022-01-01", "until": "2024-12-31"}),
    ("coups_by_year", {}),
    ("base_access_changes", {"since": "2023-01-01", "until": "2024-12-31"}),
    ("network_edges", {}),
]

CHECK = f"""
SELECT ?g ?e ?sentence ?id WHERE {{
  GRAPH ?g {{ ?e a kg:Event }}
  FILTER(STRSTARTS(STR(?g), "{ARTICLE_GRAPH}"))
  OPTIONAL {{ GRAPH ?g {{ ?e kg:evidence ?ev . ?ev kg:sentence ?sentence }} }}
  OPTIONAL {{ GRAPH ?g {{ ?e prov:wasDerivedFrom ?a . ?a kg:articleId ?id }} }}
}}"""


class Load:
    """What the clients did: latencies, errors, and the article graphs they saw."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.by_query: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.partial: list[str] = []
        self.seen: dict[str, set[frozenset[str]]] = defaultdict(set)
        self.checks = 0

    def record(self, seconds: float, error: str | None = None, name: str = "") -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_query[name].append(seconds)
            if error:
                self.errors.append(f"{name}: {error}")

    def figures(self) -> dict[str, float]:
        latencies = sorted(self.latencies) or [0.0]
        return {"requests": len(self.latencies), "errors": len(self.errors), "checks": self.checks,
                "p50_ms": round(1000 * statistics.median(latencies), 1),
                "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
                "max_ms": round(1000 * latencies[-1], 1),
                "p95_ms_by_query": {name: round(1000 * sorted(times)[int(0.95 * (len(times) - 1))], 1)
                                    for name, times in sorted(self.by_query.items())}}


def reader(base: str, load: Load, stop: threading.Event, seed: int) -> None:
    """Named queries through /api/query, and every fifth request the all-or-nothing check."""
    from kg.query import load_named_query

    queries = [(name, load_named_query(name).text, params) for name, params in NAMED]
    rng = random.Random(seed)
    client = Client(base)
    try:
        while not stop.is_set():
            started = time.monotonic()
            name = "check"
            try:
                if rng.random() < 0.2:
                    status, _, body = client.sparql(CHECK)
                    if status == 200:
                        check_articles(json.loads(body), load)
                else:
                    name, text, params = rng.choice(queries)
                    status, _, body = client.request("POST", "/api/query", json.dumps(
                        {"query": text, "params": params}), {"Content-Type": "application/json"})
                    if status == 200:
                        json.loads(body)
                error = None if status == 200 else f"{status}: {body[:200]!r}"
            except Exception as exc:  # noqa: BLE001 (every failure counts as an error)
                error = f"{type(exc).__name__}: {exc}"
                client.close()
            load.record(time.monotonic() - started, error, name)
    finally:
        client.close()


def check_articles(result: dict, load: Load) -> None:
    graphs: dict[str, set[str]] = defaultdict(set)
    partial = []
    for row in result["results"]["bindings"]:
        graph, event = row["g"]["value"], row["e"]["value"]
        graphs[graph].add(event)
        if "sentence" not in row or "id" not in row:
            partial.append(f"{event} without evidence or article")
    with load.lock:
        load.checks += 1
        load.partial.extend(partial)
        for graph, events in graphs.items():
            load.seen[graph].add(frozenset(events))


def run_clients(base: str, seconds: float, clients: int, until: threading.Event | None = None) -> Load:
    load, stop = Load(), threading.Event()
    threads = [threading.Thread(target=reader, args=(base, load, stop, n), daemon=True)
               for n in range(clients)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until is not None and until.is_set()):
        time.sleep(0.05)
    stop.set()
    for thread in threads:
        thread.join(120)
    return load


def report(mode: str, load: Load, extra: dict) -> dict:
    figures = {"mode": mode, "clients": CLIENTS, "seconds": SECONDS, **load.figures(), **extra}
    print(f"\nload[{mode}]: {json.dumps(figures)}")
    if os.environ.get("KG_LOAD_REPORT"):
        with open(os.environ["KG_LOAD_REPORT"], "a", encoding="utf-8") as handle:
            handle.write(json.dumps(figures) + "\n")
    return figures


def article_versions(count: int, edited: int, extractor) -> tuple[list[tuple[str, str]], dict[str, set]]:
    """(graph IRI, update) for ``count`` articles then ``edited`` edited ones; graph -> allowed event sets."""
    import pyoxigraph as ox

    from kg.ingest import article_from_text
    from kg.rdf import article_graph, article_graph_iri, event_iri
    from kg.store import replace_graph_update

    updates, allowed = [], defaultdict(set)
    for edit, numbers in ((0, range(count)), (1, range(edited))):
        records = [synthetic_article(n, seed=11, edit=edit) for n in numbers]
        articles = [article_from_text(r["text"], id=r["id"], published=r["published"], title=r["title"])
                    for r in records]
        for article, events in extractor.extract_many(articles):
            graph = article_graph(article, events)
            iri = str(article_graph_iri(article.id))
            updates.append((iri, replace_graph_update(ox.NamedNode(iri), graph)))
            allowed[iri].add(frozenset(str(event_iri(e.event)) for e in events))
    return updates, allowed


def assert_all_or_nothing(load: Load, allowed: dict[str, set]) -> int:
    assert not load.partial, load.partial[:5]
    halves = {g: seen - allowed.get(g, set()) for g, seen in load.seen.items()}
    halves = {g: s for g, s in halves.items() if s}
    assert not halves, f"readers saw article graphs that are no version of the article: {list(halves)[:3]}"
    return sum(len(s) for s in load.seen.values())


def test_load_while_ingesting_through_sparql_update(tmp_path, extractor):
    from kg.actors import ActorIndex
    from kg.load import ensure_reference_graphs
    from kg.store import KnowledgeGraph

    updates, allowed = article_versions(20, 10, extractor)  # cycled through until the time is up
    assert all(len(u.encode()) < 1 << 20 for _, u in updates)  # under kg serve's body limit
    store = tmp_path / "kgstore"
    with KnowledgeGraph.open(store) as kg_:  # the ontology and actors (too big for one request body)
        ensure_reference_graphs(kg_, ActorIndex.load())
    written, writer_errors, writer_latencies, stop = [0], [], [], threading.Event()

    def ingest(base: str) -> None:
        client, auth = Client(base), {"Content-Type": "application/sparql-update",
                                      "Authorization": f"Bearer {TOKEN}"}
        n = 0
        while not stop.is_set():
            _, update = updates[n % len(updates)]
            started = time.monotonic()
            status, _, body = client.request("POST", "/sparql", update, auth)
            writer_latencies.append(time.monotonic() - started)
            if status != 200:
                writer_errors.append(f"{status}: {body[:200]!r}")
            written[0] += 1
            n += 1
        client.close()

    with kg_serve(store, tmp_path / "logs", "--allow-update", "--token", TOKEN) as base:
        writer = threading.Thread(target=ingest, args=(base,), daemon=True)
        writer.start()
        load = run_clients(base, SECONDS, CLIENTS)
        stop.set()
        writer.join(60)
        final = Client(base)
        status, _, body = final.sparql(CHECK)
        check_articles(json.loads(body), load)
    versions = assert_all_or_nothing(load, allowed)
    update_p50 = round(1000 * statistics.median(writer_latencies or [0]), 1)
    figures = report("update", load, {"updates_applied": written[0], "update_errors": len(writer_errors),
                                      "update_p50_ms": update_p50, "article_graph_versions_seen": versions})
    assert not writer_errors, writer_errors[:3]
    assert not load.errors, load.errors[:5]
    assert figures["checks"] > 0 and written[0] > 0
    assert written[0] >= len(allowed)  # every article went in at least once while the clients read


def test_load_while_kg_ingest_writes_to_an_oxigraph_server(tmp_path, extractor):
    from kg.ingest import read_articles
    from kg.rdf import article_graph_iri, event_iri
    from tests.conftest import free_port, start_oxigraph, wait_for_port

    folder = tmp_path / "articles"
    write_corpus(folder, 800, seed=13)
    port = free_port()
    oxigraph = start_oxigraph(tmp_path / "oxigraph", port)
    ingest = None
    try:
        wait_for_port(port)
        remote = f"http://127.0.0.1:{port}"
        ingest = subprocess.Popen([sys.executable, "-m", "kg", "ingest", str(folder), "--store", remote],
                                  cwd=ROOT, env=kg_env(), stdout=subprocess.DEVNULL,
                                  stderr=(tmp_path / "ingest.log").open("wb"))
        with kg_serve(remote, tmp_path / "logs") as base:
            client = Client(base)
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and ingest.poll() is None:  # until articles arrive
                status, _, body = client.sparql("ASK { ?a a kg:Article }")
                if status == 200 and json.loads(body)["boolean"]:
                    break
                time.sleep(0.2)
            done = threading.Event()
            threading.Thread(target=lambda: (ingest.wait(), done.set()), daemon=True).start()
            load = run_clients(base, SECONDS, CLIENTS)
            killed = ingest.poll() is None
            if killed:  # a crash in the middle of an ingest, while the clients were reading
                ingest.send_signal(signal.SIGKILL)
                ingest.wait(30)
            else:
                assert ingest.returncode == 0, (tmp_path / "ingest.log").read_text()[-2000:]
            status, _, body = client.sparql(CHECK)
            assert status == 200
            check_articles(json.loads(body), load)
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        oxigraph.terminate()
        oxigraph.wait(30)

    articles = {str(article_graph_iri(a.id)): a for a in read_articles([folder])}
    seen = [articles[g] for g in load.seen]
    allowed = {str(article_graph_iri(a.id)): {frozenset(str(event_iri(e.event)) for e in events)}
               for a, events in extractor.extract_many(seen)}
    versions = assert_all_or_nothing(load, allowed)
    figures = report("remote", load, {"articles_stored": len(load.seen), "ingest_killed": killed,
                                      "article_graph_versions_seen": versions})
    assert not load.errors, load.errors[:5]
    assert figures["checks"] > 0 and len(load.seen) > 0
