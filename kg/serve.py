"""kg serve: a SPARQL 1.1 Protocol endpoint and a small web UI for analysts, over one on-disk store.

    kg serve --store kgstore        # UI at http://127.0.0.1:8765/, endpoint at /sparql
    curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
         http://127.0.0.1:8765/sparql

Routes:

    /sparql               SPARQL 1.1 Protocol: GET ?query=, POST form (query= or update=),
                          POST application/sparql-query, POST application/sparql-update
    /                     the query page: an editor, the named queries, results as a table
    /dyad/A/B             one relationship: the monthly chart and every event with its evidence
    /actor/X              one actor: Wikidata link, partners by category, recent events
    /event/ID             one event and the sentence and article it came from
    /resource?iri=IRI     every triple about any other node of the graph
    /graph                the interactive network (?since=&until=&actor=&category=&min_events=)
    /api/queries          the named queries of ontology/queries (name, description, params, text)
    /api/query            POST {"query": …, "params": {…}} -> SPARQL JSON; params bound by run_query
    /api/dyad/A/B         the dyad page's data as JSON (?format=md|csv|html for the timeline writers)
    /api/actor/X          the actor page's data as JSON
    /static/PATH          files under kg/web/static, nothing else

Names or codes are accepted wherever an actor is expected (``/dyad/Niger/United%20States``).

Limits. Every store call runs in a worker thread and the request waits at most ``timeout``
seconds for it once it has started (time queued for a free worker does not count; that wait is
bounded separately), then answers 503. pyoxigraph cannot interrupt a query, so the worker goes on
until the query ends; requests keep being answered meanwhile, because they run on their own
threads and pyoxigraph releases the GIL while it evaluates. A SELECT is run with
``LIMIT max_rows + 1`` (an existing larger top-level LIMIT is lowered), so a runaway join cannot
fill the memory, and its answer is cut to ``max_rows`` rows with the header
``X-KG-Truncated: true`` (status 200: the client gets the first rows and a signal, not nothing).
CONSTRUCT and DESCRIBE answers are cut at ``max_rows`` triples the same way.

Only one process can open an on-disk store: stop kg serve before ``kg ingest``, or send
SPARQL Update to /sparql after starting with ``allow_update`` and a ``token``.
"""

from __future__ import annotations

import hmac
import json
import mimetypes
import os
import re
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, quote, unquote, urlsplit
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.actors import ActorIndex
from kg.errors import ActorError, KGError, QueryError
from kg.export import CATEGORY_COLOURS, render_timeline
from kg.model import ACTOR, BASE, DYAD, EVENT, Actor
from kg.query import format_result, list_named_queries, load_named_query, run_query
from kg.rdf import PREFIXES, new_graph, shorten
from kg.store import KnowledgeGraph, QueryResult, query_form, sparql_tokens
from kg.timeline import Timeline, build_timeline
from kg.viz import graph_page

WEB_DIR = Path(__file__).resolve().parent / "web"
STATIC_DIR = WEB_DIR / "static"
TEMPLATES_DIR = WEB_DIR / "templates"
MAX_BODY = 1 << 20  # bytes of request body; far more than any hand-written query
DRAIN_BODY = 16 * MAX_BODY  # an oversized body up to this is read and dropped before the 413 is sent
CATEGORIES = tuple(CATEGORY_COLOURS)
RECENT_EVENTS = 25

SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {  # rdflib serializer name -> media type
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "nt": "application/n-triples",
    "xml": "application/rdf+xml",
}
_SELECT_MEDIA = {
    **{media: fmt for fmt, media in SELECT_FORMATS.items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
_GRAPH_MEDIA = {
    **{media: fmt for fmt, media in GRAPH_FORMATS.items()},
    "application/x-turtle": "turtle",
    "application/json": "json-ld",
    "text/plain": "nt",
    "application/xml": "xml",
    "text/xml": "xml",
}
_GRAPH_NAMES = {"turtle": "turtle", "ttl": "turtle", "json-ld": "json-ld", "jsonld": "json-ld",
                "json": "json-ld", "nt": "nt", "ntriples": "nt", "n-triples": "nt", "xml": "xml",
                "rdfxml": "xml", "rdf": "xml"}
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CHART = re.compile(r"<svg\b.*?</svg>|<p>No dated events to chart\.</p>", re.DOTALL)

T = TypeVar("T")


class QueryTimeoutError(QueryError):
    """A query ran longer than the server's limit (it may still be running in its worker)."""


class HTTPError(Exception):
    """An answer other than 200, with the one-line message the client sees."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


# ---------------------------------------------------------------------- running queries


def bound_rows(sparql: str, max_rows: int) -> str:
    """A SELECT with its top-level LIMIT at most ``max_rows + 1``, so an answer stops streaming there.

    Other forms come back unchanged, and so does a SELECT ending in a VALUES clause (a LIMIT
    cannot follow it).
    """
    cap = max_rows + 1
    if query_form(sparql) != "SELECT":
        return sparql
    tokens = sparql_tokens(sparql)
    depth = 0
    for i, (kind, text, _) in enumerate(tokens):
        if kind == "punct" and text in "{}":
            depth += 1 if text == "{" else -1
        elif kind == "word" and depth == 0 and text.upper() == "VALUES":
            return sparql
        elif kind == "word" and depth == 0 and text.upper() == "LIMIT":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is None or nxt[0] != "number":
                return sparql
            if int(nxt[1]) <= cap:
                return sparql
            return sparql[: nxt[2]] + str(cap) + sparql[nxt[2] + len(nxt[1]) :]
    return f"{sparql}\nLIMIT {cap}"


def truncate(result: QueryResult, max_rows: int) -> tuple[QueryResult, bool]:
    """The result cut to ``max_rows`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE); whether it was cut."""
    if result.kind == "select" and len(result.rows) > max_rows:
        return QueryResult("select", variables=list(result.variables), rows=result.rows[:max_rows]), True
    if result.kind == "graph" and result.graph is not None and len(result.graph) > max_rows:
        graph = new_graph()
        for n, triple in enumerate(result.graph):
            if n >= max_rows:
                break
            graph.add(triple)
        return QueryResult("graph", graph=graph), True
    return result, False


def run_bounded(kg: KnowledgeGraph, text: str, params: dict[str, str] | None, max_rows: int
                ) -> tuple[QueryResult, bool]:
    """run_query with the row limit applied before the store materialises the answer."""
    bounded = bound_rows(text, max_rows)
    try:
        result = run_query(kg, bounded, params)
    except QueryError:
        if bounded == text:
            raise
        # The added LIMIT may be what broke it, or the query is invalid anyway: the original says which.
        result = run_query(kg, text, params)
    return truncate(result, max_rows)


@dataclass(frozen=True)
class Limits:
    """How long a store call may run, how long it may wait for a worker, how many rows, how many at once."""

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = max(4, 2 * (os.cpu_count() or 1))
    queue_timeout: float = 60.0


class Worker:
    """Runs store calls on a thread pool; stops waiting for one after ``timeout`` seconds of running.

    Time spent queued for a free worker does not count against the query: under load a fast
    query waits its turn instead of being answered 503. The queue wait has its own bound,
    ``queue_timeout``, after which the call is withdrawn (it never ran) and the client told so.
    """

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="kg-query")
        self._lock = threading.Lock()
        self.overdue = 0  # calls that outlived the timeout and still occupy a worker

    def call(self, fn: Callable[[], T], *, wait: bool = False) -> T:
        """fn() on a worker; QueryTimeoutError after the timeout unless ``wait`` (updates must finish)."""
        timeout = self.limits.timeout
        with self._lock:
            if self.overdue >= self.limits.workers:
                raise QueryTimeoutError(
                    f"all {self.limits.workers} query workers are still busy with queries that exceeded the "
                    f"{timeout:g} s limit; try again once they finish"
                )
        started = threading.Event()

        def run() -> T:
            started.set()
            return fn()

        future = self._pool.submit(run)
        if wait:
            return future.result()
        if not started.wait(self.limits.queue_timeout) and future.cancel():
            raise QueryTimeoutError(
                f"the server is busy: the query waited {self.limits.queue_timeout:g} s for one of "
                f"{self.limits.workers} workers without starting; try again shortly"
            )
        try:
            return future.result(timeout=timeout)
        except FuturesTimeout:
            # pyoxigraph has no way to cancel a running query: the worker runs it to the end, and
            # until then it counts as overdue. The client gets its answer now.
            with self._lock:
                self.overdue += 1
            future.add_done_callback(self._finished)
            raise QueryTimeoutError(
                f"the query took longer than {timeout:g} s (kg serve --timeout {timeout:g}) and was "
                "abandoned; narrow it with LIMIT, VALUES or a date FILTER, or ask the operator for a "
                "longer --timeout"
            ) from None

    def _finished(self, _future: object) -> None:
        with self._lock:
            self.overdue -= 1

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


# ---------------------------------------------------------------------- result writers


def negotiate(accept: str | None, table: dict[str, str], default: str) -> str:
    """The format whose media type the Accept header prefers (by q, then order); ``default`` for */*."""
    choices: list[tuple[float, int, str]] = []
    for n, item in enumerate((accept or "").split(",")):
        media, *options = [part.strip() for part in item.split(";")]
        q = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            choices.append((-q, n, media.lower()))
    for _, _, media in sorted(choices):
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    return default


def pick_format(kind: str, accept: str | None, override: str | None) -> str:
    """The writer for a result: ``format=`` wins, else the Accept header, else JSON / Turtle."""
    graph = kind == "graph"
    if override:
        name = override.strip().lower()
        if graph:
            found = _GRAPH_NAMES.get(name) or _GRAPH_MEDIA.get(name)
            choices = "turtle, json-ld, nt, rdfxml"
        else:
            found = name if name in SELECT_FORMATS else _SELECT_MEDIA.get(name)
            choices = "json, xml, csv, tsv"
        if found is None:
            what = "CONSTRUCT/DESCRIBE" if graph else "SELECT/ASK"
            raise HTTPError(400, f"unknown format {override!r} for a {what} query; use one of {choices}")
        return found
    if graph:
        return negotiate(accept, _GRAPH_MEDIA, "turtle")
    return negotiate(accept, _SELECT_MEDIA, "json")


def write_result(result: QueryResult, fmt: str) -> tuple[bytes, str]:
    """The body and Content-Type of a result in a format chosen by pick_format."""
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else new_graph()
        body = graph.serialize(format=fmt)
        return body.encode("utf-8"), GRAPH_FORMATS[fmt]
    if fmt == "xml":
        return results_xml(result).encode("utf-8"), SELECT_FORMATS["xml"]
    if result.kind == "ask" and fmt in ("csv", "tsv"):
        # SPARQL defines no CSV/TSV for ASK; a header and one value keeps it a valid table.
        return f"boolean\r\n{'true' if result.boolean else 'false'}\r\n".encode(), SELECT_FORMATS[fmt]
    return format_result(result, fmt).encode("utf-8"), SELECT_FORMATS[fmt]


def results_xml(result: QueryResult) -> str:
    """SPARQL Query Results XML Format (https://www.w3.org/TR/rdf-sparql-XMLres/)."""
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    if result.kind == "ask":
        out.append(f"<head/>\n<boolean>{'true' if result.boolean else 'false'}</boolean>\n</sparql>\n")
        return "\n".join(out)
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result.variables) + "</head>")
    out.append("<results>")
    for row in result.rows:
        cells = [f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                 for name, term in zip(result.variables, row, strict=True) if term is not None]
        out.append("<result>" + "".join(cells) + "</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out)


def _xml_text(text: str) -> str:
    return xml_escape(_XML_INVALID.sub("\ufffd", text))


def _xml_term(term: Node) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{_xml_text(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{_xml_text(str(term))}</bnode>"
    assert isinstance(term, Literal)
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(str(term))}</literal>"
    if term.datatype is not None:
        return f"<literal datatype={quoteattr(str(term.datatype))}>{_xml_text(str(term))}</literal>"
    return f"<literal>{_xml_text(str(term))}</literal>"


def result_json(result: QueryResult) -> dict[str, Any]:
    """SPARQL JSON for any result; a graph becomes rows of ?subject ?predicate ?object for the UI's table."""
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else new_graph()
        rows = [tuple(t) for t in sorted(graph)]
        result = QueryResult("select", variables=["subject", "predicate", "object"], rows=rows)
    return json.loads(format_result(result, "json"))


# ---------------------------------------------------------------------- page data

_PREFIXES = """PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# ?me is projected so that the store binds it by substitution before evaluation.
ACTOR_PARTNERS = _PREFIXES + """
SELECT ?me ?other (SAMPLE(?code) AS ?otherCode) (SAMPLE(?label) AS ?otherLabel) ?category
       (COUNT(DISTINCT ?event) AS ?n)
WHERE {
  { ?event kg:sourceState ?me ; kg:targetState ?other }
  UNION
  { ?event kg:targetState ?me ; kg:sourceState ?other }
  ?event kg:status kg:Asserted ; kg:category ?c .
  FILTER(?other != ?me)
  OPTIONAL { ?other kg:code ?code }
  OPTIONAL { ?other rdfs:label ?label }
  BIND(STRAFTER(STR(?c), "/type/") AS ?category)
}
GROUP BY ?me ?other ?category
"""

ACTOR_RECENT = _PREFIXES + """
SELECT ?me ?event ?date ?dateStart ?category ?type ?sourceCode ?targetCode ?sourceLabel ?targetLabel
       ?sentence ?title ?url ?published ?outlet
WHERE {
  { ?event kg:sourceState ?me } UNION { ?event kg:targetState ?me }
  ?event kg:status kg:Asserted ; kg:category ?c ; kg:eventType ?t ;
         kg:sourceState ?S ; kg:targetState ?T ; kg:evidence ?ev ; prov:wasDerivedFrom ?article .
  ?ev kg:sentence ?sentence .
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:dateStart ?dateStart }
  OPTIONAL { ?event kg:sourceLabel ?sourceLabel }
  OPTIONAL { ?event kg:targetLabel ?targetLabel }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article kg:outlet ?outlet }
  BIND(STRAFTER(STR(?S), "https://w3id.org/kg/actor/") AS ?sourceCode)
  BIND(STRAFTER(STR(?T), "https://w3id.org/kg/actor/") AS ?targetCode)
  BIND(STRAFTER(STR(?c), "/type/") AS ?category)
  BIND(STRAFTER(STR(?t), "/type/") AS ?type)
}
ORDER BY DESC(?dateStart) ?event
LIMIT """ + str(RECENT_EVENTS)

EVENT_DETAIL = _PREFIXES + """
SELECT ?event ?category ?type ?source ?sourceLabel ?target ?targetLabel ?sourceCode ?targetCode ?status
       ?confidence ?date ?precision ?dateText ?sentence ?trigger ?charStart ?charEnd ?filled
       ?article ?articleId ?title ?outlet ?url ?published
WHERE {
  ?event a kg:Event ; kg:category ?c ; kg:eventType ?t ; kg:source ?source ; kg:target ?target ;
         kg:sourceState ?S ; kg:targetState ?T ; kg:status ?st ; kg:evidence ?ev ;
         prov:wasDerivedFrom ?article .
  ?ev kg:sentence ?sentence .
  OPTIONAL { ?ev kg:trigger ?trigger }
  OPTIONAL { ?ev kg:charStart ?charStart }
  OPTIONAL { ?ev kg:charEnd ?charEnd }
  OPTIONAL { ?ev kg:filled ?filled }
  OPTIONAL { ?event kg:confidence ?confidence }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:datePrecision ?p }
  OPTIONAL { ?event kg:dateText ?dateText }
  OPTIONAL { ?event kg:sourceLabel ?sourceLabel }
  OPTIONAL { ?event kg:targetLabel ?targetLabel }
  OPTIONAL { ?article kg:articleId ?articleId }
  OPTIONAL { ?article schema:headline ?title }
  OPTIONAL { ?article kg:outlet ?outlet }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:datePublished ?published }
  BIND(STRAFTER(STR(?S), "https://w3id.org/kg/actor/") AS ?sourceCode)
  BIND(STRAFTER(STR(?T), "https://w3id.org/kg/actor/") AS ?targetCode)
  BIND(STRAFTER(STR(?c), "/type/") AS ?category)
  BIND(STRAFTER(STR(?t), "/type/") AS ?type)
  BIND(LCASE(STRBEFORE(STRAFTER(STR(?p), "#"), "Precision")) AS ?precision)
  BIND(LCASE(STRAFTER(STR(?st), "#")) AS ?status)
}
"""

RESOURCE_TRIPLES = """
SELECT ?node ?direction ?predicate ?value
WHERE {
  { ?node ?predicate ?value BIND("out" AS ?direction) }
  UNION
  { ?value ?predicate ?node BIND("in" AS ?direction) }
}
ORDER BY ?direction ?predicate ?value
LIMIT 2000
"""


def _plain(records: Iterable[dict[str, Node | None]]) -> list[dict[str, str | None]]:
    return [{k: None if v is None else str(v) for k, v in r.items()} for r in records]


def actor_for(index: ActorIndex, name: str) -> tuple[str, Actor | None]:
    """The state-level code of a name or code in a URL, and its gazetteer entry; ActorError if unknown."""
    code = index.state_code(name)
    return code, index.get(code)


def actor_data(kg: KnowledgeGraph, index: ActorIndex, name: str) -> dict[str, Any]:
    """The actor page: who it is, its partners with event counts by category, its recent events."""
    code, actor = actor_for(index, name)
    me = {"me": URIRef(ACTOR + quote(code, safe=""))}
    partners: dict[str, dict[str, Any]] = {}
    for row in kg.query(ACTOR_PARTNERS, me).records():
        other = str(row["other"])
        other_code = str(row["otherCode"]) if row["otherCode"] is not None else _code_of(other)
        entry = partners.setdefault(other_code, {
            "code": other_code, "iri": other,
            "label": str(row["otherLabel"]) if row["otherLabel"] is not None else other_code,
            "counts": dict.fromkeys(CATEGORIES, 0), "total": 0,
        })
        count = int(str(row["n"]))
        entry["counts"][str(row["category"])] = entry["counts"].get(str(row["category"]), 0) + count
        entry["total"] += count
    recent = _plain(kg.query(ACTOR_RECENT, me).records())
    for row in recent:
        row.pop("me", None)
        row["event_path"] = _event_path(row["event"] or "")
    return {
        "code": code,
        "iri": str(me["me"]),
        "label": actor.label if actor else code,
        "kind": actor.kind if actor else None,
        "qid": actor.qid if actor else None,
        "wikidata": f"https://www.wikidata.org/wiki/{actor.qid}" if actor and actor.qid else None,
        "names": list(actor.names) if actor else [],
        "partners": sorted(partners.values(), key=lambda p: (-p["total"], p["code"])),
        "recent": recent,
    }


def dyad_timeline(kg: KnowledgeGraph, index: ActorIndex, a: str, b: str, since: date | None = None,
                  until: date | None = None) -> tuple[Timeline, dict[str, str]]:
    """The timeline of a dyad named by names or codes, with the two sides' labels."""
    (code_a, actor_a), (code_b, actor_b) = actor_for(index, a), actor_for(index, b)
    timeline = build_timeline(kg, code_a, code_b, since=since, until=until)
    labels = {code_a: actor_a.label if actor_a else code_a, code_b: actor_b.label if actor_b else code_b}
    return timeline, labels


def dyad_data(timeline: Timeline, labels: dict[str, str]) -> dict[str, Any]:
    """The dyad page: Timeline.to_dict() (consolidated events, states, scores, mentions) with labels,
    monthly mention counts by category and a link path for each mention."""
    data = timeline.to_dict()
    for mention in data["mentions"]:
        mention["event_path"] = _event_path(mention["event"])
    data.update(
        labels=labels,
        asserted=len(timeline.asserted()),
        monthly={month: dict(counts) for month, counts in timeline.monthly_counts().items()},
    )
    return data


def event_data(kg: KnowledgeGraph, path: str) -> dict[str, Any]:
    """One event (``path`` is the part of its IRI after event/) and its evidence."""
    iri = URIRef(EVENT + path)
    rows = _plain(kg.query(EVENT_DETAIL, {"event": iri}).records())
    if not rows:
        raise HTTPError(404, f"no event <{iri}> in the store")
    return {"iri": str(iri), "path": path, "event": rows[0], "evidence": rows}


def resource_data(kg: KnowledgeGraph, iri: str) -> dict[str, Any]:
    """Every triple in which a node is the subject or the object."""
    rows = _plain(kg.query(RESOURCE_TRIPLES, {"node": URIRef(iri)}).records())
    return {"iri": iri, "out": [r for r in rows if r["direction"] == "out"],
            "in": [r for r in rows if r["direction"] == "in"]}


def named_queries(lateral: bool = True) -> list[dict[str, Any]]:
    """The named queries of ontology/queries, for the examples menu (portable texts without LATERAL)."""
    out = []
    for name in list_named_queries():
        q = load_named_query(name, lateral=lateral)
        out.append({"name": q.name, "description": q.description, "text": q.text,
                    "params": [{"name": p, "help": q.param_help.get(p, "")} for p in q.params]})
    return out


def _code_of(iri: str) -> str:
    return unquote(iri[len(ACTOR):]) if iri.startswith(str(ACTOR)) else iri


def _event_path(iri: str) -> str:
    return iri[len(EVENT):] if iri.startswith(str(EVENT)) else ""


def href(iri: str | None) -> str | None:
    """Where a link to an IRI should go in the UI (the same rules as app.js linkFor)."""
    if not iri:
        return None
    if iri.startswith(str(ACTOR)):
        rest = iri[len(ACTOR):]
        return f"/actor/{rest}" if "/" not in rest else "/resource?iri=" + quote(iri, safe="")
    if iri.startswith(str(EVENT)):
        rest = iri[len(EVENT):]
        return "/event/" + (rest[: -len("/evidence")] if rest.endswith("/evidence") else rest)
    if iri.startswith(str(DYAD)) and iri.count("-") == 1:
        a, b = iri[len(DYAD):].split("-")
        return f"/dyad/{a}/{b}"
    if iri.startswith(BASE):
        return "/resource?iri=" + quote(iri, safe="")
    if iri.startswith(("http://", "https://")):
        return iri
    return None


# ---------------------------------------------------------------------- the application


@dataclass
class Options:
    """What ``kg serve`` was started with."""

    host: str = "127.0.0.1"
    port: int = 8765
    timeout: float = 10.0
    max_rows: int = 10_000
    allow_update: bool = False
    token: str | None = None


def check_options(options: Options) -> None:
    """KGError for options that cannot work together."""
    if options.allow_update and not options.token:
        raise KGError("--allow-update needs --token TOKEN (or $KG_SERVE_TOKEN): clients then send "
                      "Authorization: Bearer TOKEN")
    if options.timeout <= 0 or options.max_rows <= 0:
        raise KGError("--timeout and --max-rows must be positive")


class App:
    """The store, the gazetteer, the workers and the templates behind every request."""

    def __init__(self, kg: KnowledgeGraph, index: ActorIndex, options: Options) -> None:
        check_options(options)
        self.kg = kg
        self.index = index
        self.options = options
        self.worker = Worker(Limits(timeout=options.timeout, max_rows=options.max_rows))
        self.templates = Environment(loader=FileSystemLoader(TEMPLATES_DIR),
                                     autoescape=select_autoescape(["html"]))
        self.templates.filters["href"] = href
        self.templates.filters["shorten"] = lambda iri: shorten(str(iri)) if iri else ""
        self.templates.globals.update(colours=CATEGORY_COLOURS, categories=CATEGORIES,
                                      read_only=not options.allow_update)

    def call(self, fn: Callable[[], T]) -> T:
        return self.worker.call(fn)

    def sparql(self, text: str, params: dict[str, str] | None = None) -> tuple[QueryResult, bool]:
        """A query, time- and row-limited: the result and whether it was truncated."""
        return self.call(lambda: run_bounded(self.kg, text, params, self.options.max_rows))

    def update(self, text: str) -> None:
        """A SPARQL Update, applied as one transaction; waited for to the end (it cannot be abandoned)."""
        self.worker.call(lambda: self.kg.update(text), wait=True)

    def render(self, template: str, **context: Any) -> bytes:
        return self.templates.get_template(template).render(**context).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    """One request: route it, run it on the App, answer."""

    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"
    timeout = 60  # seconds a client may take to send its request
    app: App  # set on the subclass made by make_server

    # ------------------------------------------------------------------ plumbing

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        sys.stderr.write(f"{self.address_string()} [{self.log_date_time_string()}] {format % args}\n")

    def _dispatch(self, method: str) -> None:
        url = urlsplit(self.path)
        api = url.path.startswith("/api/")
        try:
            body = self._read_body() if method == "POST" else b""
            self._route(method, url.path, parse_qs(url.query, keep_blank_values=True), body)
        except HTTPError as exc:
            self._fail(exc.status, exc.message, api, exc.headers)
        except QueryTimeoutError as exc:
            self._fail(503, str(exc), api, {"Retry-After": "10"})
        except ActorError as exc:
            self._fail(404, str(exc), api)
        except QueryError as exc:
            self._fail(400, str(exc), api)
        except KGError as exc:
            self._fail(500, str(exc), api)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # a bug: say so, keep serving
            traceback.print_exc()
            self._fail(500, "internal error; see the kg serve log", api)

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            raise HTTPError(411, "send a Content-Length header (chunked bodies are not accepted)")
        try:
            size = int(length or 0)
        except ValueError:
            self.close_connection = True
            raise HTTPError(400, f"invalid Content-Length {length!r}") from None
        if size > MAX_BODY:
            self.close_connection = True  # the unread body would otherwise be taken for the next request
            if size <= DRAIN_BODY:  # a client still sending its body would get a broken pipe, not the 413
                left = size
                while left > 0 and (chunk := self.rfile.read(min(1 << 16, left))):
                    left -= len(chunk)
            raise HTTPError(413, f"request body of {size} bytes is over the {MAX_BODY} byte limit")
        return self.rfile.read(size) if size > 0 else b""

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Cache-Control" not in (headers or {}):
            self.send_header("Cache-Control", "no-store")  # answers change with every write to the store
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _fail(self, status: int, message: str, api: bool, headers: dict[str, str] | None = None) -> None:
        accept = self.headers.get("Accept", "") if self.headers else ""
        if api:
            body, ctype = json.dumps({"error": message}).encode("utf-8"), "application/json"
        elif "text/html" in accept and not self.path.startswith("/sparql"):
            phrase = HTTPStatus(status).phrase
            body = self.app.render("error.html", status=status, phrase=phrase, message=message)
            ctype = "text/html; charset=utf-8"
        else:
            body, ctype = (message + "\n").encode("utf-8"), "text/plain; charset=utf-8"
        self._send(status, body, ctype, headers)

    def _html(self, template: str, **context: Any) -> None:
        self._send(200, self.app.render(template, **context), "text/html; charset=utf-8")

    def _json(self, data: Any, headers: dict[str, str] | None = None) -> None:
        self._send(200, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json", headers)

    # ------------------------------------------------------------------ routes

    def _route(self, method: str, path: str, args: dict[str, list[str]], body: bytes) -> None:
        if path == "/sparql":
            return self._sparql(method, args, body)
        if path == "/api/query":
            return self._api_query(method, body)
        if method != "GET":
            raise HTTPError(405, f"{path} answers GET only", {"Allow": "GET"})
        parts = [unquote(p) for p in path.split("/")[1:]]
        one = lambda name: (args.get(name) or [""])[0].strip()  # noqa: E731
        if path == "/":
            return self._html("index.html", prefixes=PREFIXES)
        if path == "/go":
            a, b = one("a"), one("b")
            target = f"/dyad/{quote(a)}/{quote(b)}" if a and b else f"/actor/{quote(a or b)}"
            target = target if a or b else "/"
            return self._send(303, b"", "text/plain", {"Location": target})
        if path == "/graph":
            return self._send(200, self._graph_page(one), "text/html; charset=utf-8")
        if path == "/resource":
            iri = one("iri")
            if not iri:
                raise HTTPError(400, "pass ?iri=IRI")
            return self._html("resource.html", **self.app.call(lambda: resource_data(self.app.kg, iri)))
        if path.startswith("/static/"):
            return self._static(path)
        if path == "/api/queries":
            return self._json(named_queries(self.app.kg.supports_lateral))
        if len(parts) == 3 and parts[0] == "dyad":
            return self._dyad(parts[1], parts[2], one, api=False)
        if len(parts) == 4 and parts[:2] == ["api", "dyad"]:
            return self._dyad(parts[2], parts[3], one, api=True)
        if len(parts) == 2 and parts[0] == "actor" and parts[1]:
            data = self.app.call(lambda: actor_data(self.app.kg, self.app.index, parts[1]))
            return self._html("actor.html", actor=data)
        if len(parts) == 3 and parts[:2] == ["api", "actor"] and parts[2]:
            return self._json(self.app.call(lambda: actor_data(self.app.kg, self.app.index, parts[2])))
        if path.startswith("/event/") and len(path) > len("/event/"):
            event_path = path[len("/event/"):]  # kept percent-encoded: it is the tail of the IRI
            return self._html("event.html", **self.app.call(lambda: event_data(self.app.kg, event_path)))
        raise HTTPError(404, f"no page at {path}; try / for the query page or /sparql for the endpoint")

    def _sparql(self, method: str, args: dict[str, list[str]], body: bytes) -> None:
        fields = {k: v for k, v in args.items()}
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if method == "POST":
            text = _decode(body)
            if ctype == "application/x-www-form-urlencoded":
                fields.update(parse_qs(text, keep_blank_values=True))
            elif ctype == "application/sparql-query":
                fields["query"] = [text]
            elif ctype == "application/sparql-update":
                fields["update"] = [text]
            else:
                raise HTTPError(415, "POST a form (application/x-www-form-urlencoded with query= or "
                                     "update=), application/sparql-query or application/sparql-update")
        elif method != "GET":
            raise HTTPError(405, "/sparql answers GET and POST", {"Allow": "GET, POST"})
        dataset = [p for p in _DATASET_PARAMS if p in fields]
        if dataset:
            raise HTTPError(400, f"{dataset[0]} is not supported: queries read the union of all named "
                                 "graphs; use GRAPH <iri> { … } in the query to read one graph")
        queries, updates = fields.get("query", []), fields.get("update", [])
        if len(queries) + len(updates) > 1:
            raise HTTPError(400, "send exactly one query= or one update= per request")
        if updates:
            if method == "GET":
                raise HTTPError(400, "SPARQL Update must be POSTed (form update= or "
                                     "application/sparql-update)")
            return self._update(updates[0])
        if not queries:
            if method == "GET" and "text/html" in self.headers.get("Accept", ""):
                return self._send(303, b"", "text/plain", {"Location": "/"})
            raise HTTPError(400, "no query: pass query=SPARQL (GET or POST form) or POST "
                                 "application/sparql-query")
        result, truncated = self.app.sparql(queries[0])
        fmt = pick_format(result.kind, self.headers.get("Accept"), (fields.get("format") or [None])[0])
        payload, content_type = write_result(result, fmt)
        headers = {"Vary": "Accept"}
        if result.kind != "ask":
            headers["X-KG-Truncated"] = "true" if truncated else "false"
        self._send(200, payload, f"{content_type}; charset=utf-8", headers)

    def _update(self, text: str) -> None:
        options = self.app.options
        if not options.allow_update:
            raise HTTPError(403, "this endpoint is read-only; start kg serve with --allow-update "
                                 "--token TOKEN to accept SPARQL Update")
        scheme, _, given = self.headers.get("Authorization", "").partition(" ")
        token = (options.token or "").encode()
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token):
            raise HTTPError(403, "SPARQL Update needs the header Authorization: Bearer TOKEN "
                                 "(the --token kg serve was started with)")
        self.app.update(text)
        self._send(200, b"update applied\n", "text/plain; charset=utf-8")

    def _api_query(self, method: str, body: bytes) -> None:
        if method != "POST":
            raise HTTPError(405, 'POST {"query": "…", "params": {"name": "value"}} as JSON',
                            {"Allow": "POST"})
        try:
            request = json.loads(_decode(body) or "{}")
        except json.JSONDecodeError as exc:
            raise HTTPError(400, f"the body is not JSON: {exc}") from None
        text = request.get("query") if isinstance(request, dict) else None
        params = request.get("params") or {} if isinstance(request, dict) else {}
        if not isinstance(text, str) or not text.strip():
            raise HTTPError(400, 'no query: POST {"query": "SELECT …", "params": {…}}')
        if not isinstance(params, dict) or not all(isinstance(v, str) for v in params.values()):
            raise HTTPError(400, 'params must be an object of strings, e.g. {"a": "NER", "b": "USA"}')
        params = {str(k).lstrip("?$"): v.strip() for k, v in params.items()}
        started = time.perf_counter()
        result, truncated = self.app.sparql(text, params)
        data = result_json(result)
        data["kg"] = {"truncated": truncated, "maxRows": self.app.options.max_rows, "kind": result.kind,
                      "seconds": round(time.perf_counter() - started, 3)}
        self._json(data, {"X-KG-Truncated": "true" if truncated else "false"})

    def _dyad(self, a: str, b: str, one: Callable[[str], str], api: bool) -> None:
        since, until = _date_arg(one("since"), "since"), _date_arg(one("until"), "until")
        kg, index = self.app.kg, self.app.index
        timeline, labels = self.app.call(lambda: dyad_timeline(kg, index, a, b, since, until))
        fmt = one("format")
        if api and fmt in ("md", "csv", "html"):
            types = {"md": "text/markdown", "csv": "text/csv", "html": "text/html"}
            text = render_timeline(timeline, fmt, labels=labels)
            return self._send(200, text.encode("utf-8"), f"{types[fmt]}; charset=utf-8")
        if api and fmt not in ("", "json"):
            raise HTTPError(400, f"unknown format {fmt!r}; use json, md, csv or html")
        data = dyad_data(timeline, labels)
        if api:
            return self._json(data)
        chart = _CHART.search(render_timeline(timeline, "html", labels=labels))
        self._html("dyad.html", dyad=data, chart=chart.group(0) if chart else "",
                   since=one("since"), until=one("until"))

    def _graph_page(self, one: Callable[[str], str]) -> bytes:
        since, until = _date_arg(one("since"), "since"), _date_arg(one("until"), "until")
        category = one("category") or None
        if category is not None and category not in CATEGORIES:
            raise HTTPError(400, f"unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
        try:
            min_events = int(one("min_events") or 1)
        except ValueError:
            raise HTTPError(400, "min_events must be a whole number") from None
        actor = one("actor")
        code = self.app.index.state_code(actor) if actor else None
        page = self.app.call(lambda: graph_page(self.app.kg, since=since, until=until, actor=code,
                                                category=category, min_events=min_events))
        form = self.app.render("graph_form.html", since=one("since"), until=one("until"), actor=actor,
                               category=category or "", min_events=min_events).decode("utf-8")
        page = page.replace("<body>", "<body>" + form, 1)
        # Double-clicking an actor opens its page, an edge its pair's timeline (every event, on demand);
        # pyvis keeps its vis.Network in the global `network`.
        click = ('<script>if (typeof network !== "undefined") { network.on("doubleClick", function (p) {'
                 ' if (p.nodes.length) { location.href = "/actor/" + encodeURIComponent(p.nodes[0]); }'
                 ' else if (p.edges.length) { var ab = String(p.edges[0]).split("|");'
                 ' location.href = "/dyad/" + encodeURIComponent(ab[0]) + "/" + encodeURIComponent(ab[1]); }'
                 " }); }"
                 "</script>")
        head, sep, tail = page.rpartition("</body>")
        return (head + click + sep + tail if sep else page + click).encode("utf-8")

    def _static(self, path: str) -> None:
        relative = unquote(path[len("/static/"):])
        parts = relative.split("/")
        unsafe = any(p in ("", ".", "..") for p in parts) or "\\" in relative or "\x00" in relative
        target = STATIC_DIR if unsafe else (STATIC_DIR / relative).resolve()
        if unsafe or not target.is_relative_to(STATIC_DIR.resolve()) or not target.is_file():
            raise HTTPError(404, f"no file {path}")
        ctype = {".js": "text/javascript", ".css": "text/css"}.get(target.suffix) \
            or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        self._send(200, target.read_bytes(), ctype, {"Cache-Control": "no-cache"})


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HTTPError(400, f"the request body is not UTF-8: {exc}") from None


def _date_arg(value: str, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPError(400, f"{name}={value!r} is not a date; use YYYY-MM-DD") from None


# ---------------------------------------------------------------------- serving


class Server(ThreadingHTTPServer):
    """One thread per request; a listen backlog deep enough that a burst of clients waits, not resets."""

    request_queue_size = 128  # socketserver's default of 5 resets connections when 32 clients arrive at once
    daemon_threads = True


def make_server(kg: KnowledgeGraph, options: Options, index: ActorIndex | None = None) -> ThreadingHTTPServer:
    """An HTTP server bound to options.host:port (port 0 picks a free one), not yet serving."""
    app = App(kg, index or ActorIndex.load(), options)
    handler = type("BoundHandler", (Handler,), {"app": app})
    try:
        server = Server((options.host, options.port), handler)
    except OSError as exc:
        raise KGError(f"cannot listen on {options.host}:{options.port}: {exc.strerror}; "
                      "pass another --port (0 picks a free one)") from exc
    server.app = app  # type: ignore[attr-defined]
    return server


def serve(store: str | Path | None, options: Options, *, actor_files: Iterable[str] = (),
          echo: Callable[[str], None] = print) -> None:
    """Serve the store until interrupted (Ctrl-C or SIGTERM).

        serve("kgstore", Options(port=8765))
    """
    check_options(options)
    index = ActorIndex.load(actor_files)
    kg = KnowledgeGraph.open(store)
    try:
        server = make_server(kg, options, index)
    except KGError:
        kg.close()
        raise
    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in str(host) else host
    mode = "read-write (SPARQL Update with a bearer token)" if options.allow_update else "read-only"
    events = kg.count_events()
    echo(f"kg serve: http://{shown}:{port}/  (SPARQL endpoint http://{shown}:{port}/sparql)")
    echo(f"store {kg.location}: {events} events, {mode}; timeout {options.timeout:g} s, "
         f"max {options.max_rows} rows; Ctrl-C to stop")
    if host not in ("127.0.0.1", "localhost", "::1"):
        echo(f"warning: listening on {host}, reachable from other machines; the UI has no login")
    sys.stdout.flush()

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        worker = server.app.worker  # type: ignore[attr-defined]
        busy = worker.overdue
        worker.shutdown()
        kg.close()
        if busy:
            # A worker is still inside an abandoned pyoxigraph query, which nothing can stop;
            # the store is flushed and closed, so leave without waiting for it.
            sys.stdout.flush()
            os._exit(0)


__all__ = ["App", "Handler", "Options", "QueryTimeoutError", "bound_rows", "make_server", "negotiate",
           "pick_format", "results_xml", "run_bounded", "serve", "truncate", "write_result"]
