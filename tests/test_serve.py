"""kg serve as a client meets it: a real server process on 127.0.0.1 over the ingested sample corpus.

The SPARQL 1.1 Protocol (GET, POST form, POST sparql-query; JSON/XML/CSV/TSV; Turtle and JSON-LD),
standard clients (SPARQLWrapper, rdflib's SPARQLStore), the update switch and its token, errors,
the query timeout, the row limit, static files, and the JSON and pages of the web UI.
"""

from __future__ import annotations

import csv
import html
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.serve import bound_rows, negotiate

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
MAX_ROWS = 100
TOKEN = "s3cret-token"
KG = "https://w3id.org/kg/ontology#"
EVENTS = "SELECT ?event WHERE { ?event a kg:Event } ORDER BY ?event"
SRX = "{http://www.w3.org/2005/sparql-results#}"


# ---------------------------------------------------------------------- servers (also used by test_browser)


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log: Path


def sample_store(tmp_path_factory: pytest.TempPathFactory, extractor) -> Path:
    """The sample corpus ingested once per test session (servers get copies: one process per store)."""
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    path = tmp_path_factory.getbasetemp() / "kg-serve-sample"
    ready = path.with_suffix(".ready")
    if not ready.exists():
        shutil.rmtree(path, ignore_errors=True)
        with KnowledgeGraph.open(path) as kg:
            report = ingest_paths(kg, [ARTICLES], extractor=extractor)
        assert report.events > 0 and not report.errors, report.summary()
        ready.write_text(report.summary())
    return path


def start_server(tmp_path_factory: pytest.TempPathFactory, extractor, *options: str) -> Server:
    """``python -m kg serve`` on a free port over a copy of the sample store; waits until it answers."""
    home = tmp_path_factory.mktemp("serve")
    store = home / "store"
    shutil.copytree(sample_store(tmp_path_factory, extractor), store)
    out, log = home / "stdout.txt", home / "stderr.txt"
    with out.open("w") as stdout, log.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
            cwd=ROOT, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL,
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", out.read_text())
        if found:
            url = f"http://127.0.0.1:{found.group(1)}"
            try:
                with urllib.request.urlopen(url + "/sparql?query=ASK%7B%7D", timeout=5) as response:
                    if response.status == 200:
                        return Server(url, process, log)
            except OSError:
                pass
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {process.returncode}: {log.read_text()}")
        time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"kg serve did not start within 90 s: {log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory, extractor):
    """A read-only server with a small row limit."""
    running = start_server(tmp_path_factory, extractor, "--max-rows", str(MAX_ROWS))
    yield running
    stop_server(running)


@pytest.fixture(scope="session")
def update_server(tmp_path_factory, extractor):
    """A second server, on its own copy of the store, that accepts SPARQL Update with a token."""
    running = start_server(tmp_path_factory, extractor, "--allow-update", "--token", TOKEN)
    yield running
    stop_server(running)


# ---------------------------------------------------------------------- a tiny HTTP client


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0]


def request(server: Server, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> Answer:
    """One raw HTTP request: the path is sent exactly as given (no dot-segment clean-up)."""
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()


def get_query(server: Server, query: str, accept: str | None = None, **params: str) -> Answer:
    path = "/sparql?" + urllib.parse.urlencode({"query": query, **params})
    return request(server, "GET", path, headers={"Accept": accept} if accept else {})


def post_form(server: Server, fields: dict[str, str], headers: dict[str, str] | None = None) -> Answer:
    body = urllib.parse.urlencode(fields).encode()
    return request(server, "POST", "/sparql", body,
                   {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})})


def values(answer: Answer, var: str) -> list[str]:
    return [b[var]["value"] for b in answer.json()["results"]["bindings"] if var in b]


# ---------------------------------------------------------------------- the protocol


def test_get_post_form_and_post_sparql_query_give_the_same_json_rows(server):
    by_get = get_query(server, EVENTS)
    by_form = post_form(server, {"query": EVENTS})
    by_body = request(server, "POST", "/sparql", EVENTS.encode(),
                      {"Content-Type": "application/sparql-query"})
    for answer in (by_get, by_form, by_body):
        assert answer.status == 200, answer.text
        assert answer.type == "application/sparql-results+json"
        assert answer.json()["head"]["vars"] == ["event"]
    events = values(by_get, "event")
    assert len(events) > 50 and all(e.startswith("https://w3id.org/kg/event/") for e in events)
    assert values(by_form, "event") == events == values(by_body, "event")


@pytest.mark.parametrize(("accept", "media"), [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/html;q=0.5, text/csv;q=0.9, application/sparql-results+xml;q=0.2", "text/csv"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_results_follow_the_accept_header(server, accept, media):
    query = ("SELECT ?event ?sentence WHERE { ?event kg:evidence/kg:sentence ?sentence } "
             "ORDER BY ?event LIMIT 5")
    answer = get_query(server, query, accept)
    assert answer.status == 200, answer.text
    assert answer.type == media
    assert answer.headers["x-kg-truncated"] == "false"
    if media.endswith("json"):
        assert len(answer.json()["results"]["bindings"]) == 5
    elif media.endswith("xml"):
        root = ET.fromstring(answer.body)
        results = root.findall(f"{SRX}results/{SRX}result")
        assert [v.get("name") for v in root.iter(f"{SRX}variable")] == ["event", "sentence"]
        assert len(results) == 5
        assert results[0].find(f"{SRX}binding[@name='event']/{SRX}uri").text.startswith("https://w3id.org/kg/")
    elif media == "text/csv":
        rows = list(csv.reader(io.StringIO(answer.text)))
        assert rows[0] == ["event", "sentence"] and len(rows) == 6
    else:
        lines = answer.text.splitlines()
        assert lines[0] == "?event\t?sentence" and len(lines) == 6
        assert lines[1].startswith("<https://w3id.org/kg/event/")


def test_format_parameter_overrides_the_accept_header(server):
    answer = get_query(server, "SELECT ?e WHERE { ?e a kg:Event } LIMIT 2", "application/sparql-results+json",
                       format="tsv")
    assert answer.type == "text/tab-separated-values"
    assert answer.text.startswith("?e\n")
    assert get_query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", format="turtle").status == 400


def test_ask_in_json_and_xml(server):
    yes = get_query(server, "ASK { ?e a kg:Event ; kg:sourceState actor:NER }")
    assert yes.status == 200 and yes.json() == {"head": {}, "boolean": True}
    no = get_query(server, "ASK { ?e kg:sourceState actor:NOWHERE }", "application/sparql-results+xml")
    assert no.type == "application/sparql-results+xml"
    assert ET.fromstring(no.body).find(f"{SRX}boolean").text == "false"


CONSTRUCT = """CONSTRUCT { ?event kg:category ?c ; kg:sourceState ?s }
WHERE { ?event kg:category ?c ; kg:sourceState ?s ; kg:targetState actor:USA }"""


@pytest.mark.parametrize(("accept", "media", "parser"), [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    (None, "text/turtle", "turtle"),
])
def test_construct_as_turtle_and_json_ld(server, accept, media, parser):
    answer = get_query(server, CONSTRUCT, accept)
    assert answer.status == 200, answer.text
    assert answer.type == media
    graph = Graph().parse(data=answer.text, format=parser)
    assert len(graph) > 10
    assert all(str(p) in (KG + "category", KG + "sourceState") for p in graph.predicates())
    assert answer.headers["x-kg-truncated"] == "false"


def test_describe_answers_rdf(server):
    answer = get_query(server, "DESCRIBE actor:NER", "application/n-triples")
    assert answer.status == 200 and answer.type == "application/n-triples"
    graph = Graph().parse(data=answer.text, format="nt")
    assert (URIRef("https://w3id.org/kg/actor/NER"), None, None) in graph


# ---------------------------------------------------------------------- standard clients


def test_sparqlwrapper_gets_rows_as_json(server):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?event ?date WHERE { ?event a kg:Event ; kg:dyad <https://w3id.org/kg/dyad/NER-USA> ;
                                           kg:date ?date }
        ORDER BY ?date""")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert len(rows) > 5
    assert all(row["event"]["value"].startswith("https://w3id.org/kg/event/") for row in rows)
    client.setMethod("POST")
    assert len(client.query().convert()["results"]["bindings"]) == len(rows)


def test_rdflib_sparqlstore_gets_rows(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server.url + "/sparql", returnFormat="json"))
    rows = list(graph.query("""PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?event ?category WHERE { ?event kg:sourceState <https://w3id.org/kg/actor/RUS> ;
                                               kg:category ?category }"""))
    assert len(rows) > 3
    assert {str(row.category).rsplit("/", 1)[-1] for row in rows} <= {"cooperation", "tension", "coup",
                                                                       "base_access"}
    assert graph.query("ASK { ?s a <https://w3id.org/kg/ontology#Event> }").askAnswer is True


# ---------------------------------------------------------------------- update


INSERT = 'INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> "inserted over HTTP" } }'
CHECK = "ASK { <urn:test:s> <urn:test:p> \"inserted over HTTP\" }"


def test_update_is_refused_by_a_read_only_server_even_with_a_token(server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert post_form(server, {"update": INSERT}, auth).status == 403
    answer = request(server, "POST", "/sparql", INSERT.encode(),
                     {"Content-Type": "application/sparql-update", **auth})
    assert answer.status == 403 and "--allow-update" in answer.text
    assert get_query(server, CHECK).json()["boolean"] is False


def test_update_needs_the_bearer_token(update_server):
    assert post_form(update_server, {"update": INSERT}).status == 403
    assert post_form(update_server, {"update": INSERT}, {"Authorization": "Bearer wrong"}).status == 403
    assert post_form(update_server, {"update": INSERT}, {"Authorization": TOKEN}).status == 403
    assert get_query(update_server, CHECK).json()["boolean"] is False
    accepted = request(update_server, "POST", "/sparql", INSERT.encode(),
                       {"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
    assert accepted.status == 200, accepted.text
    assert get_query(update_server, CHECK).json()["boolean"] is True
    delete = "DELETE DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"inserted over HTTP\" } }"
    assert post_form(update_server, {"update": delete}, {"Authorization": f"Bearer {TOKEN}"}).status == 200
    assert get_query(update_server, CHECK).json()["boolean"] is False


def test_update_by_get_is_refused(update_server):
    answer = request(update_server, "GET", "/sparql?" + urllib.parse.urlencode({"update": INSERT}),
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status == 400


def test_allow_update_without_a_token_is_a_one_line_error(tmp_path):
    command = [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "s"), "--allow-update"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"})
    assert result.returncode == 1
    assert result.stderr.startswith("Error: --allow-update needs --token")


# ---------------------------------------------------------------------- errors and limits


def test_invalid_sparql_is_a_400_with_line_and_column(server):
    answer = get_query(server, "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert answer.status == 400
    assert re.match(r"query line \d+, column \d+: ", answer.text), answer.text
    posted = request(server, "POST", "/sparql", b"SELEC * WHERE { ?s ?p ?o }",
                     {"Content-Type": "application/sparql-query"})
    assert posted.status == 400 and "line 1, column 1" in posted.text


@pytest.mark.parametrize(("path", "headers", "body", "status"), [
    ("/sparql", {"Content-Type": "text/plain"}, b"SELECT * {}", 415),
    ("/sparql?default-graph-uri=urn:x&query=ASK%7B%7D", {}, None, 400),
    ("/sparql", {}, None, 400),
    ("/sparql?query=ASK%7B%7D&update=CLEAR%20ALL", {}, None, 400),
])
def test_malformed_requests_are_refused(server, path, headers, body, status):
    method = "POST" if body is not None else "GET"
    assert request(server, method, path, body, headers).status == status


def test_more_rows_than_the_limit_are_truncated_and_flagged(server):
    everything = get_query(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert everything.status == 200
    assert everything.headers["x-kg-truncated"] == "true"
    assert len(everything.json()["results"]["bindings"]) == MAX_ROWS
    big_limit = get_query(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 100000", "text/csv")
    assert big_limit.headers["x-kg-truncated"] == "true"
    assert len(big_limit.text.splitlines()) == MAX_ROWS + 1
    small = get_query(server, f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert small.headers["x-kg-truncated"] == "false"
    assert len(small.json()["results"]["bindings"]) == MAX_ROWS
    construct = get_query(server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples")
    assert construct.headers["x-kg-truncated"] == "true"
    assert len(Graph().parse(data=construct.text, format="nt")) == MAX_ROWS


@pytest.mark.parametrize(("query", "expected"), [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }\nLIMIT 11"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 5", "SELECT * WHERE { ?s ?p ?o } LIMIT 5"),
    ("SELECT * WHERE { ?s ?p ?o } limit 500 OFFSET 2", "SELECT * WHERE { ?s ?p ?o } limit 11 OFFSET 2"),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 50 } }",
     "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 50 } }\nLIMIT 11"),
    ('SELECT * WHERE { ?s ?p "LIMIT 99" } # LIMIT 99',
     'SELECT * WHERE { ?s ?p "LIMIT 99" } # LIMIT 99\nLIMIT 11'),
    ("SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:x> }",
     "SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:x> }"),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"),
    ("ASK { ?s ?p ?o }", "ASK { ?s ?p ?o }"),
])
def test_bound_rows_caps_the_top_level_limit_of_a_select(query, expected):
    assert bound_rows(query, 10) == expected


@pytest.mark.parametrize(("accept", "expected"), [
    (None, "json"),
    ("text/csv", "csv"),
    ("application/sparql-results+xml;q=0.5, text/tab-separated-values", "tsv"),
    ("text/csv;q=0, application/xml", "xml"),
    ("image/png", "json"),
])
def test_negotiate(accept, expected):
    from kg.serve import _SELECT_MEDIA

    assert negotiate(accept, _SELECT_MEDIA, "json") == expected


def test_a_query_over_the_timeout_is_a_503_and_the_server_stays_responsive(tmp_path_factory, extractor):
    slow = start_server(tmp_path_factory, extractor, "--timeout", "0.25")
    try:
        # 201 events cubed, six times over: several seconds of work, well over 0.25 s anywhere.
        heavy = ("SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Event . ?b a kg:Event . ?c a kg:Event . "
                 "VALUES ?k { 1 2 3 4 5 6 } }")
        started = time.monotonic()
        answer = get_query(slow, heavy)
        assert answer.status == 503
        assert "longer than 0.25 s" in answer.text and "--timeout" in answer.text
        assert time.monotonic() - started < 3
        # The abandoned query still runs in its worker; other requests are answered meanwhile.
        started = time.monotonic()
        assert get_query(slow, "ASK { ?s ?p ?o }").json()["boolean"] is True
        assert request(slow, "GET", "/api/queries").status == 200
        assert time.monotonic() - started < 2
    finally:
        stop_server(slow)
    assert slow.process.returncode is not None


# ---------------------------------------------------------------------- static files


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/../serve.py",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2E%2E%2F%2E%2E%2Fserve.py",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/serve.py",
    "/static/..%5c..%5cserve.py",
    "/static//etc/passwd",
    "/static/%00",
    "/static/",
    "/static/../templates/base.html",
    "/../../etc/passwd",
])
def test_path_traversal_is_a_404(server, path):
    answer = request(server, "GET", path)
    assert answer.status == 404
    assert b"root:" not in answer.body and b"import" not in answer.body


def test_static_files_are_served(server):
    answer = request(server, "GET", "/static/app.js")
    assert answer.status == 200 and answer.type == "text/javascript"
    assert b"/api/query" in answer.body
    assert request(server, "GET", "/static/style.css").type == "text/css"


# ---------------------------------------------------------------------- the UI's JSON and pages


def test_named_queries_are_listed_with_their_parameters(server):
    answer = request(server, "GET", "/api/queries")
    queries = {q["name"]: q for q in answer.json()}
    assert {"dyad_timeline", "network_edges"} <= set(queries)
    assert [p["name"] for p in queries["dyad_timeline"]["params"]] == ["a", "b", "limit", "offset"]
    assert queries["dyad_timeline"]["description"].startswith("The dated timeline")
    assert "SELECT" in queries["dyad_timeline"]["text"]


def test_api_query_binds_parameters_and_never_pastes_them(server):
    listed = request(server, "GET", "/api/queries").json()
    text = next(q["text"] for q in listed if q["name"] == "dyad_timeline")

    def run(params):
        body = json.dumps({"query": text, "params": params}).encode()
        return request(server, "POST", "/api/query", body, {"Content-Type": "application/json"})

    answer = run({"a": "NER", "b": "USA"})
    assert answer.status == 200, answer.text
    rows = answer.json()["results"]["bindings"]
    assert rows and {(r["sourceCode"]["value"], r["targetCode"]["value"]) for r in rows} <= {("NER", "USA"),
                                                                                             ("USA", "NER")}
    injected = run({"a": 'NER") } } SELECT * WHERE { ?s ?p ?o } #', "b": "USA"})
    assert injected.status == 200 and injected.json()["results"]["bindings"] == []
    missing = run({"a": "NER"})
    assert missing.status == 400 and "b" in missing.json()["error"]


def test_dyad_page_and_api_accept_names_or_codes(server):
    page = request(server, "GET", "/dyad/Niger/United%20States")
    assert page.status == 200 and page.type == "text/html"
    assert "<svg" in page.text and "<rect" in page.text
    assert "Niger" in page.text and "United States" in page.text
    data = request(server, "GET", "/api/dyad/NER/USA").json()
    assert (data["a"], data["b"]) == ("NER", "USA")
    assert data["monthly"] and data["asserted"] > 0
    assert all(m["sentence"] and m["article"] for m in data["mentions"])
    shown = html.unescape(page.text)
    assert all(mention["sentence"] in shown for mention in data["mentions"])
    assert {"events", "states", "scores", "turning_points"} <= set(data)
    csv_text = request(server, "GET", "/api/dyad/NER/USA?format=csv").text
    assert csv_text.startswith("event,date,")


def test_actor_page_and_api(server):
    data = request(server, "GET", "/api/actor/Niger").json()
    assert data["code"] == "NER" and data["label"] == "Niger" and data["qid"] == "Q1032"
    partners = {p["code"]: p for p in data["partners"]}
    assert {"USA", "RUS", "FRA"} <= set(partners)
    assert partners["USA"]["total"] == sum(partners["USA"]["counts"].values()) > 0
    assert data["recent"] and all(r["sentence"] for r in data["recent"])
    page = request(server, "GET", "/actor/NER", headers={"Accept": "text/html"})
    assert page.status == 200
    assert "https://www.wikidata.org/wiki/Q1032" in page.text and 'href="/dyad/NER/USA"' in page.text
    unknown = request(server, "GET", "/actor/Nigr", headers={"Accept": "text/html"})
    assert unknown.status == 404 and "did you mean" in unknown.text


def test_event_page_shows_its_evidence(server):
    event = request(server, "GET", "/api/dyad/NER/USA").json()["mentions"][0]
    page = request(server, "GET", "/event/" + event["event_path"])
    assert page.status == 200
    assert event["sentence"] in html.unescape(page.text)
    assert request(server, "GET", "/event/no-such-article/1").status == 404


def test_graph_page_is_offline_and_filters(server):
    page = request(server, "GET", "/graph?since=2023-07-01&actor=Niger&category=cooperation")
    assert page.status == 200
    assert "new vis.Network" in page.text
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', page.text)
    assert '"NER"' in page.text or "'NER'" in page.text
    assert request(server, "GET", "/graph?category=friendship").status == 400
    assert request(server, "GET", "/graph?since=yesterday").status == 400


def test_query_page_links_only_local_assets(server):
    page = request(server, "GET", "/")
    assert page.status == 200
    assert '<script src="/static/app.js">' in page.text
    assert not re.search(r'(src|href)="https?://', page.text)


def test_sparql_without_a_query_sends_a_browser_to_the_ui(server):
    answer = request(server, "GET", "/sparql", headers={"Accept": "text/html"})
    assert answer.status == 303 and answer.headers["location"] == "/"


def test_readme_documents_the_endpoint():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "kg serve" in readme and "/sparql" in readme and "Accept:" in readme


def test_time_queued_for_a_worker_does_not_count_against_the_timeout():
    import threading

    from kg.serve import Limits, Worker

    worker = Worker(Limits(timeout=0.6, workers=1))
    results: list[str] = []

    def slow(name: str) -> str:
        time.sleep(0.4)
        return name

    first = threading.Thread(target=lambda: results.append(worker.call(lambda: slow("first"))))
    first.start()
    time.sleep(0.05)
    # Queued behind the first for ~0.35 s, then runs 0.4 s: 0.75 s in all, yet only 0.4 s running.
    results.append(worker.call(lambda: slow("second")))
    first.join()
    assert sorted(results) == ["first", "second"]
    worker.shutdown()


def test_a_call_that_never_gets_a_worker_is_withdrawn_with_a_busy_error():
    import threading

    from kg.serve import Limits, QueryTimeoutError, Worker

    worker = Worker(Limits(timeout=5, workers=1, queue_timeout=0.2))
    ran: list[str] = []
    blocker = threading.Thread(target=lambda: worker.call(lambda: time.sleep(0.8)))
    blocker.start()
    time.sleep(0.05)
    with pytest.raises(QueryTimeoutError, match="busy"):
        worker.call(lambda: ran.append("late"))
    blocker.join()
    time.sleep(0.1)
    assert ran == []  # withdrawn before it started: it never runs
    worker.shutdown()


def test_event_page_says_which_side_was_inferred_and_only_there(server):
    mentions = request(server, "GET", "/api/dyad/NER/USA").json()["mentions"]
    filled = next(m for m in mentions if m["filled"])
    stated = next(m for m in mentions if not m["filled"])
    page = html.unescape(request(server, "GET", "/event/" + filled["event_path"]).text)
    assert f"(inferred {filled['filled']})" in page
    assert "(inferred" not in html.unescape(request(server, "GET", "/event/" + stated["event_path"]).text)
