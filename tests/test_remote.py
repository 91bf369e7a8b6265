"""The remote store: endpoints by flavour, retries, errors, atomic replace, and kg end to end on a real
Oxigraph server (tests/conftest.py starts `oxigraph serve` on 127.0.0.1; the store tests in
test_store.py and test_query.py also run against it)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Literal, Namespace
from test_rdf import ARTICLE_ID, make_article, make_event

from kg.errors import QueryError, StoreError
from kg.load import ingest_paths
from kg.rdf import article_graph, article_graph_iri, new_graph
from kg.remote import Endpoints, RemoteKnowledgeGraph
from kg.store import EmbeddedKnowledgeGraph, KnowledgeGraph, is_remote_location
from kg.timeline import build_timeline
from tests.conftest import ROOT, free_port, start_oxigraph, wait_for_port

EX = Namespace("http://example.org/")
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.txt"))[:4]


# ---------------------------------------------------------------- where the endpoints are


@pytest.mark.parametrize(
    ("location", "query", "update", "store", "quads"),
    [
        ("http://127.0.0.1:7878", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update",
         "http://127.0.0.1:7878/store", "http://127.0.0.1:7878/store"),
        ("oxigraph+https://kg.example.org/", "https://kg.example.org/query", "https://kg.example.org/update",
         "https://kg.example.org/store", "https://kg.example.org/store"),
        ("fuseki+http://h:3030/ds", "http://h:3030/ds/sparql", "http://h:3030/ds/update", "http://h:3030/ds/data",
         "http://h:3030/ds"),
        ("graphdb+http://h:7200/repositories/kg", "http://h:7200/repositories/kg",
         "http://h:7200/repositories/kg/statements", "http://h:7200/repositories/kg/rdf-graphs/service",
         "http://h:7200/repositories/kg/statements"),
        ("virtuoso+http://h:8890", "http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud",
         None),
        ("virtuoso+http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql",
         "http://h:8890/sparql-graph-crud", None),
        ("neptune+https://db.cluster.neptune.amazonaws.com:8182", "https://db.cluster.neptune.amazonaws.com:8182/sparql",
         "https://db.cluster.neptune.amazonaws.com:8182/sparql",
         "https://db.cluster.neptune.amazonaws.com:8182/sparql/gsp/", None),
        ("http://h:8080/sparql", "http://h:8080/sparql", "http://h:8080/sparql", None, None),
    ],
)
def test_endpoints_by_flavour(location, query, update, store, quads):
    endpoints = Endpoints.from_location(location)
    got = (endpoints.query, endpoints.update, endpoints.store, endpoints.quads)
    assert got == (query, update, store, quads)
    assert is_remote_location(location)


def test_union_default_graph_per_flavour():
    assert Endpoints.from_location("http://h:7878").union == "union-default-graph"
    fuseki = Endpoints.from_location("fuseki+http://h:3030/ds")
    assert fuseki.union == "default-graph-uri=urn:x-arq:UnionGraph"
    assert Endpoints.from_location("virtuoso+http://h:8890").union == ""


def test_endpoints_file(tmp_path, monkeypatch):
    config = tmp_path / "store.toml"
    config.write_text('query = "http://h/q"\nupdate = "http://h/u"\nstore = "http://h/s"\nuser = "kg"\n'
                      'password_env = "MY_SECRET"\n')
    monkeypatch.setenv("MY_SECRET", "s3cret")
    endpoints = Endpoints.from_location(str(config))
    assert (endpoints.query, endpoints.update, endpoints.store, endpoints.quads) == ("http://h/q", "http://h/u",
                                                                                    "http://h/s", None)
    assert (endpoints.user, endpoints.password) == ("kg", "s3cret")
    assert "s3cret" not in repr(endpoints)
    assert is_remote_location(str(config)) and not is_remote_location(str(tmp_path / "kgstore"))


@pytest.mark.parametrize(
    ("location", "message"),
    [("couch+http://h:1", "unknown store flavour 'couch'"), ("http://", "invalid store URL")],
)
def test_bad_locations(location, message):
    with pytest.raises(StoreError, match=message):
        Endpoints.from_location(location)


def test_bad_endpoints_file(tmp_path):
    config = tmp_path / "store.toml"
    config.write_text('query = "http://h/q"\n')
    with pytest.raises(StoreError, match="missing update"):
        Endpoints.from_location(str(config))


# ---------------------------------------------------------------- a real server


def test_open_dispatches_on_the_location(oxigraph_server, tmp_path):
    with KnowledgeGraph.open(oxigraph_server) as kg:
        assert isinstance(kg, RemoteKnowledgeGraph) and kg.location == oxigraph_server
    with KnowledgeGraph.open(tmp_path / "kgstore") as kg:
        assert isinstance(kg, EmbeddedKnowledgeGraph)


def test_open_retries_until_the_server_is_up(tmp_path):
    port = free_port()
    servers = []

    def start_late() -> None:
        time.sleep(0.8)
        servers.append(start_oxigraph(tmp_path / "late", port))

    starter = threading.Thread(target=start_late)
    started = time.monotonic()
    starter.start()
    try:
        with KnowledgeGraph.open(f"http://127.0.0.1:{port}", retries=8, backoff=0.2) as kg:
            assert time.monotonic() - started >= 0.8  # the first attempts found nobody listening
            kg.replace_graph(EX.g, _triples(2))
            assert kg.has_graph(EX.g)
    finally:
        starter.join()
        for server in servers:
            server.terminate()
            server.wait(timeout=30)


def test_unreachable_server_is_one_store_error():
    port = free_port()
    started = time.monotonic()
    with pytest.raises(StoreError) as info:
        KnowledgeGraph.open(f"http://127.0.0.1:{port}", retries=2, backoff=0.01)
    message = str(info.value)
    assert message.startswith(f"cannot reach store http://127.0.0.1:{port}/query")
    assert "after 3 attempts" in message
    assert "is the server running?" in message and "\n" not in message
    assert time.monotonic() - started < 5


def test_server_restart_is_survived(tmp_path):
    """A kept-alive connection that the server closed is reopened; data on disk is still there."""
    port = free_port()
    server = start_oxigraph(tmp_path / "store", port)
    wait_for_port(port)
    kg = KnowledgeGraph.open(f"http://127.0.0.1:{port}", retries=10, backoff=0.1)
    try:
        kg.replace_graph(EX.g, _triples(3))
        server.terminate()
        server.wait(timeout=30)
        server = start_oxigraph(tmp_path / "store", port)
        assert _count(kg) == 3
    finally:
        kg.close()
        server.terminate()
        server.wait(timeout=30)


def test_replace_graph_is_one_update_request(remote_kg):
    sent: list[tuple[str, str]] = []
    send = remote_kg._http.send

    def spy(method, url, body, headers, **kw):
        sent.append((method, url))
        return send(method, url, body, headers, **kw)

    remote_kg._http.send = spy
    remote_kg.batch_quads = 1000
    big = _triples(5000)  # five times a bulk batch: still one request, so the server applies it atomically
    remote_kg.replace_graph(EX.g, big)
    assert sent == [("POST", remote_kg.endpoints.update)]
    assert _count(remote_kg) == 5000


def test_a_server_that_cannot_take_large_updates_gets_large_graphs_in_batches(remote_kg):
    """Virtuoso's setting (split_large_graphs): a graph over batch_quads is dropped, then inserted in batches;
    replacing it again leaves the new triples only."""
    sent: list[str] = []
    send = remote_kg._http.send
    remote_kg._http.send = lambda method, url, body, headers, **kw: (sent.append(url), send(
        method, url, body, headers, **kw))[1]
    remote_kg.split_large_graphs, remote_kg.batch_quads = True, 400
    remote_kg.replace_graph(EX.g, _triples(1000))
    assert len(sent) == 1 + 3 and _count(remote_kg) == 1000  # DROP, then three INSERT DATA batches
    remote_kg.replace_graph(EX.g, _triples(500))
    assert _count(remote_kg) == 500
    sent.clear()
    remote_kg.replace_graph(EX.g, _triples(300))  # small graphs stay one atomic update
    assert len(sent) == 1 and _count(remote_kg) == 300


def test_replacing_a_graph_with_nothing_drops_it_without_an_empty_insert(remote_kg):
    """An empty INSERT DATA block is a syntax error to Virtuoso: an empty graph is a DROP alone."""
    import pyoxigraph as ox

    from kg.store import replace_graph_update

    assert replace_graph_update(ox.NamedNode(str(EX.g)), new_graph()) == f"DROP SILENT GRAPH <{EX.g}>"
    remote_kg.replace_graph(EX.g, _triples(3))
    remote_kg.replace_graph(EX.g, new_graph())
    assert _count(remote_kg) == 0


def test_insert_quads_are_batched(remote_kg):
    import pyoxigraph as ox

    sent: list[str] = []
    send = remote_kg._http.send
    remote_kg._http.send = lambda method, url, body, headers, **kw: (sent.append(url), send(
        method, url, body, headers, **kw))[1]
    remote_kg.batch_quads = 400
    quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i}"), ox.NamedNode("http://example.org/p"),
                     ox.Literal(f"v{i}"), ox.NamedNode(f"http://example.org/g{i % 3}")) for i in range(1000)]
    assert remote_kg.insert_quads(quads) == 1000
    assert len(sent) == 3
    assert int(remote_kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0]) == 1000


def test_endpoints_file_without_graph_store(oxigraph_server, tmp_path):
    """A server known only by its query and update URLs: dumps go through SELECT, loads via INSERT DATA."""
    config = tmp_path / "store.toml"
    config.write_text(f'query = "{oxigraph_server}/query?union-default-graph"\n'
                      f'update = "{oxigraph_server}/update"\n')
    with KnowledgeGraph.open(oxigraph_server) as full, KnowledgeGraph.open(str(config)) as plain:
        full.update("DROP ALL")
        plain.replace_graph(article_graph_iri(ARTICLE_ID), article_graph(make_article(), [make_event()]))
        assert plain.endpoints.store is None
        assert sorted(plain.dump("nq").splitlines()) == sorted(full.dump("nq").splitlines())
        shard = tmp_path / "extra.nq"
        shard.write_text('<http://example.org/a> <http://example.org/p> "x" <http://example.org/g> .\n')
        plain.load_quads([shard])
        assert full.has_graph(EX.g)


@pytest.mark.parametrize(
    "sparql",
    ["SELECT ?x WHERE {\n  ?x ?p }",
     "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?nope ORDER BY ?s ?",
     "ASK { ?s kgx:p ?o }"],
)
def test_query_errors_say_what_the_embedded_store_says(remote_kg, sparql):
    with KnowledgeGraph.in_memory() as local, pytest.raises(QueryError) as embedded:
        local.query(sparql)
    with pytest.raises(QueryError) as remote:
        remote_kg.query(sparql)
    assert " ".join(str(remote.value).split()) == " ".join(str(embedded.value).split())


def test_remote_ingest_matches_embedded(remote_kg, extractor, tmp_path):
    with KnowledgeGraph.open(tmp_path / "kgstore") as local:
        ingest_paths(local, ARTICLES, extractor=extractor)
        expected = sorted(local.dump("nq").splitlines())
        timeline = build_timeline(local, "NER", "FRA")
    report = ingest_paths(remote_kg, ARTICLES, extractor=extractor)
    assert report.stored == len(ARTICLES) and report.events > 0
    assert sorted(remote_kg.dump("nq").splitlines()) == expected
    assert build_timeline(remote_kg, "NER", "FRA") == timeline and timeline.rows
    again = ingest_paths(remote_kg, ARTICLES, extractor=extractor)
    assert (again.stored, again.unchanged) == (0, len(ARTICLES))


# ---------------------------------------------------------------- misbehaving servers (real, on loopback)


class _Stub(BaseHTTPRequestHandler):
    """Answers from a script: a list of (status, body, delay) per request; the last one repeats."""

    script: list[tuple[int, bytes, float]] = []
    seen: list[dict[str, str]] = []

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).seen.append(dict(self.headers))
        status, body, delay = self.script[min(len(self.seen) - 1, len(self.script) - 1)]
        time.sleep(delay)
        try:
            self.send_response(status)
            kind = "application/sparql-results+json" if status == 200 else "text/plain"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub():
    handler = type("Stub", (_Stub,), {"script": [], "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield handler, f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


YES = json.dumps({"head": {}, "boolean": True}).encode()


def test_5xx_is_retried_then_answered(stub):
    handler, url = stub
    handler.script = [(503, b"warming up", 0), (502, b"bad gateway", 0), (200, YES, 0)]
    kg = RemoteKnowledgeGraph.connect(url, retries=3, backoff=0.01, check=False)
    assert kg.query("ASK { ?s ?p ?o }").boolean is True
    assert len(handler.seen) == 3


XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _virtuoso_ask(*values: str) -> bytes:
    """What Virtuoso 7.2 answers to a form-encoded ASK: a SELECT of __ASK_RETVAL, one row if true."""
    rows = [{"__ASK_RETVAL": {"type": "typed-literal", "datatype": XSD_INTEGER, "value": v}} for v in values]
    return json.dumps({"head": {"link": [], "vars": ["__ASK_RETVAL"]},
                       "results": {"distinct": False, "ordered": True, "bindings": rows}}).encode()


@pytest.mark.parametrize(("body", "answer"), [(_virtuoso_ask("1"), True), (_virtuoso_ask(), False),
                                              (_virtuoso_ask("0"), False)])
def test_virtuoso_ask_answers_are_booleans(stub, body, answer):
    """has_graph, remove_graph and kg remove rely on ASK: on Virtuoso they found nothing before."""
    handler, url = stub
    handler.script = [(200, body, 0)]
    kg = RemoteKnowledgeGraph.connect("virtuoso+" + url, check=False)
    assert kg.query("ASK { ?s ?p ?o }").boolean is answer


def test_persistent_5xx_is_one_error_with_the_server_message(stub):
    handler, url = stub
    handler.script = [(500, b"Internal error:\n  disk quota exceeded", 0)]
    kg = RemoteKnowledgeGraph.connect(url, retries=2, backoff=0.01, check=False)
    with pytest.raises(StoreError) as info:
        kg.update("INSERT DATA { <http://a> <http://b> <http://c> }")
    assert "after 3 attempts" in str(info.value) and "disk quota exceeded" in str(info.value)
    assert "\n" not in str(info.value) and len(handler.seen) == 3


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [(401, StoreError, "KG_STORE_USER"), (403, StoreError, "refused"),
     (404, StoreError, "no SPARQL endpoint"), (400, QueryError, "query: bad things")],
)
def test_client_errors_are_not_retried(stub, status, error, message):
    handler, url = stub
    handler.script = [(status, b"bad things", 0)]
    kg = RemoteKnowledgeGraph.connect(url, retries=3, backoff=0.01, check=False)
    with pytest.raises(error, match=message):
        kg.query("ASK { }")
    assert len(handler.seen) == 1


def test_timeout_is_a_query_error(stub):
    handler, url = stub
    handler.script = [(200, YES, 1.5)]
    kg = RemoteKnowledgeGraph.connect(url, timeout=0.3, retries=3, check=False)
    with pytest.raises(QueryError, match=r"timed out after 0.3 s"):
        kg.query("ASK { }")
    assert len(handler.seen) == 1  # a slow query is not sent again


def test_credentials_from_the_environment(stub, monkeypatch):
    handler, url = stub
    handler.script = [(200, YES, 0)]
    monkeypatch.setenv("KG_STORE_USER", "analyst")
    monkeypatch.setenv("KG_STORE_PASSWORD", "pw")
    RemoteKnowledgeGraph.connect(url, check=False).query("ASK { }")
    assert handler.seen[0]["Authorization"] == "Basic YW5hbHlzdDpwdw=="  # analyst:pw


def test_bindings_travel_as_escaped_values(stub):
    handler, url = stub
    bodies: list[bytes] = []
    original = handler.do_POST

    def capture(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(length)
        bodies.append(body)
        self.headers.replace_header("Content-Length", "0")
        original(self)

    handler.do_POST = capture
    handler.script = [(200, YES, 0)]
    kg = RemoteKnowledgeGraph.connect(url, check=False)
    kg.query("ASK { ?s ?p ?label }", {"label": Literal('x" } ; DROP ALL ; #')})
    text = bodies[0].decode()
    assert 'VALUES (?label) { ("x\\" } ; DROP ALL ; #") }' in text


# ---------------------------------------------------------------- helpers


def _triples(n: int):
    g = new_graph()
    for i in range(n):
        g.add((EX[f"s{i}"], EX.p, Literal(f"v{i}")))
    return g


def _count(kg: KnowledgeGraph) -> int:
    return int(kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0])



@pytest.mark.parametrize(("prefix", "lateral"), [("", False), ("oxigraph+", True)])
def test_lateral_is_taken_out_for_servers_without_it(stub, prefix, lateral):
    handler, url = stub
    bodies: list[bytes] = []
    original = handler.do_POST

    def capture(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        bodies.append(self.rfile.read(length))
        self.headers.replace_header("Content-Length", "0")
        original(self)

    handler.do_POST = capture
    handler.script = [(200, YES, 0)]
    kg = RemoteKnowledgeGraph.connect(prefix + url, check=False)
    kg.query('ASK { ?e kg:date ?d LATERAL { OPTIONAL { ?e kg:dateText ?t } } FILTER(?t != "LATERAL") }')
    text = bodies[0].decode()
    assert ("LATERAL {" in text) is lateral
    assert '"LATERAL"' in text and "OPTIONAL { ?e kg:dateText ?t }" in text
