"""A remote store: any SPARQL 1.1 server (Query, Update and Graph Store protocols) over HTTP.

    >>> with KnowledgeGraph.open("http://127.0.0.1:7878") as kg:        # an `oxigraph serve`
    ...     kg.replace_graph(article_graph_iri(article.id), graph)      # one update request: atomic
    ...     kg.query("SELECT ?e WHERE { ?e kg:sourceState ?s }", {"s": ACTOR["NER"]})

Where the endpoints are, by ``--store`` value (see README, "Remote stores"):

    http://HOST:7878                              Oxigraph server: /query, /update, /store
    oxigraph+http://HOST:7878                     the same, said explicitly
    fuseki+http://HOST:3030/DS                    Fuseki: /DS/sparql, /DS/update, /DS/data (quads to /DS)
    graphdb+http://HOST:7200/repositories/R       GraphDB: R, R/statements, R/rdf-graphs/service
    virtuoso+http://HOST:8890                     Virtuoso: /sparql (query and update), /sparql-graph-crud
    neptune+https://HOST:8182                     Neptune: /sparql (query and update), /sparql/gsp/
    http://HOST/some/path                         any endpoint taking queries and updates at one URL
    endpoints.toml                                a file naming them (query, update, store, quads …)

Bindings never reach the query text as text: they become a ``VALUES`` block of terms
escaped by pyoxigraph (kg.store.with_values), as on the embedded store. Connection errors
and 5xx answers are retried with exponential backoff; every failure is translated here,
once, into ``StoreError`` (cannot reach, cannot write) or ``QueryError`` (the server refused
or failed the query), with the server's own message.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import threading
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.errors import QueryError, StoreError
from kg.rdf import PREFIXES, new_graph
from kg.store import (
    _QUADS_FORMATS,
    KnowledgeGraph,
    QueryResult,
    Term,
    _from_ox,
    _named_node,
    _to_ox,
    dump_format,
    position_message,
    quads_dataset,
    query_form,
    replace_graph_update,
    substitutions,
    with_values,
    without_lateral,
)

DEFAULT_TIMEOUT = 60.0  # seconds, per request (connect and each read)
DEFAULT_RETRIES = 4  # attempts after the first, on connection errors and 5xx
DEFAULT_BACKOFF = 0.25  # seconds before the first retry; doubles each time
BATCH_QUADS = 50_000  # quads per INSERT DATA request when a bulk load has no quads endpoint
VIRTUOSO_BATCH_QUADS = 2_000
MAX_POST_BYTES = 64 * 1024 * 1024  # larger N-Quads files are posted in parts (split at line ends)
FLAVOURS = ("oxigraph", "fuseki", "graphdb", "virtuoso", "neptune", "sparql")
_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_NQUADS = "application/n-quads"
_PREFIX_LINE = " ".join(f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items()) + " "
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, updates, Graph Store requests and whole N-Quads datasets."""

    query: str
    update: str
    store: str | None = None  # Graph Store Protocol: GET ?graph=…, or the whole dataset
    quads: str | None = None  # POST application/n-quads here to add quads to the dataset
    union: str = ""  # query string that makes the default graph the union of all graphs
    flavour: str = "sparql"
    dataset_get: bool = False  # GET on `store` without ?graph returns every quad (Oxigraph)
    user: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def lateral(self) -> bool:
        """Whether the server evaluates LATERAL (SEP-0006): Oxigraph and Jena do; others get it taken out."""
        return self.flavour in ("oxigraph", "fuseki")

    @classmethod
    def from_location(cls, location: str) -> Endpoints:
        """The endpoints a --store value names: a URL (optionally ``flavour+http://…``) or a .toml file."""
        if location.endswith(".toml") and not location.startswith(("http://", "https://")):
            return cls.from_file(Path(location))
        scheme = location.split("://", 1)[0]
        flavour, _, url = location.partition("+") if "+" in scheme else ("", "", location)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"invalid store URL {location!r}; e.g. http://127.0.0.1:7878")
        base = url.rstrip("/")
        if not flavour:
            flavour = "oxigraph" if parts.path in ("", "/") else "sparql"
        flavour = flavour.lower()
        user, password = _credentials()
        if flavour == "oxigraph":
            return cls(f"{base}/query", f"{base}/update", f"{base}/store", f"{base}/store",
                       "union-default-graph", flavour, True, user, password)
        if flavour == "fuseki":
            return cls(f"{base}/sparql", f"{base}/update", f"{base}/data", base,
                       "default-graph-uri=urn:x-arq:UnionGraph", flavour, False, user, password)
        if flavour == "graphdb":
            return cls(base, f"{base}/statements", f"{base}/rdf-graphs/service", f"{base}/statements",
                       "", flavour, False, user, password)
        if flavour == "virtuoso":
            root = base if parts.path in ("", "/") else base.rsplit("/sparql", 1)[0]
            return cls(f"{root}/sparql", f"{root}/sparql", f"{root}/sparql-graph-crud", None,
                       "", flavour, False, user, password)
        if flavour == "neptune":
            root = base if parts.path in ("", "/") else base.rsplit("/sparql", 1)[0]
            return cls(f"{root}/sparql", f"{root}/sparql", f"{root}/sparql/gsp/", None,
                       "", flavour, False, user, password)
        if flavour == "sparql":
            return cls(base, base, None, None, "", flavour, False, user, password)
        raise StoreError(f"unknown store flavour {flavour!r} in {location!r}; "
                         f"use one of {', '.join(FLAVOURS)}")

    @classmethod
    def from_file(cls, path: Path) -> Endpoints:
        """Endpoints from a TOML file: ``query``, ``update`` (required), ``store``, ``quads``,
        ``union`` (a query string), ``user`` and ``password_env`` (the variable holding the password)."""
        try:
            config = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StoreError(f"cannot read store endpoints {path}: {exc}") from exc
        missing = [key for key in ("query", "update") if not config.get(key)]
        if missing:
            raise StoreError(f"{path}: missing {', '.join(missing)}; "
                             'give query = "URL" and update = "URL"')
        unknown = set(config) - {"query", "update", "store", "quads", "union", "user", "password_env",
                                 "flavour"}
        if unknown:
            raise StoreError(f"{path}: unknown keys {', '.join(sorted(unknown))}")
        user, password = _credentials()
        if config.get("password_env"):
            password = os.environ.get(config["password_env"], password)
        return cls(config["query"], config["update"], config.get("store"), config.get("quads"),
                   config.get("union", ""), config.get("flavour", "sparql"), False,
                   config.get("user", user), password)


def _credentials() -> tuple[str | None, str | None]:
    return os.environ.get("KG_STORE_USER") or None, os.environ.get("KG_STORE_PASSWORD") or None


class RemoteKnowledgeGraph(KnowledgeGraph):
    """A SPARQL 1.1 server as a kg store: same methods, same answers as the embedded store."""

    def __init__(self, endpoints: Endpoints, location: str, *, timeout: float = DEFAULT_TIMEOUT,
                 retries: int = DEFAULT_RETRIES, backoff: float = DEFAULT_BACKOFF,
                 batch_quads: int = BATCH_QUADS) -> None:
        self.endpoints = endpoints
        self.location = location
        self._http = _Http(endpoints, timeout=timeout, retries=retries, backoff=backoff)
        self.batch_quads = batch_quads
        # a server that cannot take a large graph in one update (Virtuoso) gets it in batches instead
        self.split_large_graphs = endpoints.flavour == "virtuoso"

    @classmethod
    def connect(cls, location: str, *, timeout: float = DEFAULT_TIMEOUT, retries: int = DEFAULT_RETRIES,
                backoff: float = DEFAULT_BACKOFF, batch_quads: int = BATCH_QUADS,
                check: bool = True) -> RemoteKnowledgeGraph:
        """Connect to the server a --store value names, and check that it answers (with retries)."""
        endpoints = Endpoints.from_location(location)
        if endpoints.flavour == "virtuoso":  # its SPARQL compiler runs out of memory on large INSERT DATA
            batch_quads = min(batch_quads, VIRTUOSO_BATCH_QUADS)
        kg = cls(endpoints, location, timeout=timeout, retries=retries, backoff=backoff,
                 batch_quads=batch_quads)
        if check:
            kg.query("ASK { }")
        return kg

    def __repr__(self) -> str:
        return f"RemoteKnowledgeGraph({self.location!r})"

    @property
    def supports_lateral(self) -> bool:
        """Whether the server evaluates LATERAL; without it, named queries take their portable text."""
        return self.endpoints.lateral

    def close(self) -> None:
        """Close the connections; the object cannot be used afterwards."""
        self._http.close()

    # ------------------------------------------------------------------ writing

    def replace_graph(self, iri: str | URIRef, triples: Graph) -> None:
        """Replace a named graph in one update request (DROP + INSERT DATA), applied atomically.

        Where ``split_large_graphs`` is set (Virtuoso, whose SPARQL compiler runs out of memory on a
        large update), a graph of more than ``batch_quads`` triples (the actors graph, not an article)
        is dropped and then inserted in batches: not atomic, so a reader may see it partly written."""
        graph = _named_node(iri)
        if self.split_large_graphs and len(triples) > self.batch_quads:
            self._update(f"DROP SILENT GRAPH {graph}", f"graph <{graph.value}>")
            self.insert_quads(ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), graph) for s, p, o in triples)
            return
        self._update(replace_graph_update(graph, triples), f"graph <{graph.value}>")

    def replace_graphs(self, graphs: Mapping[str | URIRef, Iterable[tuple[Term, Term, Term]]]) -> None:
        """Replace several named graphs in one update request; on Virtuoso (``split_large_graphs``), one
        request per graph, as its SPARQL compiler runs out of memory on a large update."""
        if not self.split_large_graphs:
            super().replace_graphs(graphs)
            return
        for iri, triples in graphs.items():
            self.replace_graph(iri, list(triples))

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (one request, applied by the server as one transaction)."""
        self._update(sparql, "update")

    def _update(self, sparql: str, what: str) -> None:
        body = sparql.encode("utf-8")
        if self.endpoints.flavour == "virtuoso":  # Virtuoso wants updates form-encoded
            self._http.send("POST", self.endpoints.update, urlencode({"update": sparql}).encode("utf-8"),
                            {"Content-Type": "application/x-www-form-urlencoded"}, what=what, kind="update")
            return
        self._http.send("POST", self.endpoints.update, body, {"Content-Type": "application/sparql-update"},
                        what=what, kind="update")

    def insert_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads with INSERT DATA requests of at most ``batch_quads`` quads each; the number added."""
        total = 0
        for batch in _batches(quads, self.batch_quads):
            self._update(_insert_data(batch), f"{len(batch)} quads")
            total += len(batch)
        return total

    def load_quads(self, paths: list[Path]) -> None:
        """POST each N-Quads file to the server's dataset endpoint (Oxigraph /store, Fuseki, GraphDB),
        or, where there is none (Virtuoso, Neptune), send it as INSERT DATA batches."""
        for path in paths:
            if self.endpoints.quads is None:
                try:
                    with open(path, "rb") as handle:
                        self.insert_quads(ox.parse(handle, format=ox.RdfFormat.N_QUADS))
                except SyntaxError as exc:
                    raise StoreError(f"cannot load {path}: {' '.join(str(exc).split())}") from exc
                continue
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
            for part in _split_lines(data, MAX_POST_BYTES):
                self._http.send("POST", self.endpoints.quads, part, {"Content-Type": _NQUADS},
                                what=f"quads of {path}", kind="update")

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> QueryResult:
        """Run SELECT/ASK/CONSTRUCT/DESCRIBE over the union of all graphs, with variables bound to terms.

        Bindings become a ``VALUES`` block of escaped terms at the start of the top-level
        WHERE group (never pasted as text); kg's prefixes are declared before the query.
        """
        form = query_form(sparql)
        subs = substitutions(bindings)
        sparql = sparql if self.endpoints.lateral else without_lateral(sparql)
        text = _PREFIX_LINE + (with_values(sparql, subs) if subs else sparql)
        accept = _NTRIPLES if form in ("CONSTRUCT", "DESCRIBE") else _JSON
        url = self.endpoints.query + (("&" if "?" in self.endpoints.query else "?") + self.endpoints.union
                                      if self.endpoints.union else "")
        if self.endpoints.flavour == "virtuoso":
            body, headers = urlencode({"query": text}).encode("utf-8"), {
                "Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        else:
            body = text.encode("utf-8")
            headers = {"Content-Type": "application/sparql-query", "Accept": accept}
        data = self._http.send("POST", url, body, headers, what="query", kind="query",
                               shift=len(_PREFIX_LINE))
        if form in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult("graph", graph=_graph(data))
        return _json_result(data)

    def list_graphs(self) -> list[URIRef]:
        """The names of the named graphs that hold triples, sorted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(URIRef(str(row[0])) for row in rows if isinstance(row[0], URIRef))

    def quads(self) -> list[ox.Quad]:
        """Every quad of the named graphs (Graph Store GET where the server has it, else a SELECT)."""
        if self.endpoints.dataset_get and self.endpoints.store:
            data = self._http.send("GET", self.endpoints.store, None, {"Accept": _NQUADS},
                                   what="dump", kind="query")
            return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        rows = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return [ox.Quad(_ox(s), _ox(p), _ox(o), _ox(g)) for g, s, p, o in rows]

    def dump(self, format: str = "trig") -> bytes:
        """Serialise the store: ``trig``/``nq`` keep the named graphs, ``ttl``/``nt`` write their union."""
        rdf_format = dump_format(format)
        prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
        if rdf_format in _QUADS_FORMATS:
            return ox.serialize(self.quads(), format=rdf_format, prefixes=prefixes)
        graph = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").graph or new_graph()
        triples = [ox.Triple(_ox(s), _ox(p), _ox(o)) for s, p, o in graph]
        return ox.serialize(triples, format=rdf_format, prefixes=prefixes)

    def to_dataset(self) -> Dataset:
        """All named graphs as an rdflib Dataset (for JSON-LD and other rdflib writers)."""
        return quads_dataset(self.quads())


# ---------------------------------------------------------------------- HTTP


class _Http:
    """Keep-alive HTTP/1.1 connections (one per thread and host), retries with backoff, error translation."""

    def __init__(self, endpoints: Endpoints, *, timeout: float, retries: int, backoff: float) -> None:
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._local = threading.local()
        self._auth: str | None = None
        if endpoints.user and endpoints.password is not None:
            token = base64.b64encode(f"{endpoints.user}:{endpoints.password}".encode()).decode("ascii")
            self._auth = f"Basic {token}"
        self._closed = False

    def _connection(self, scheme: str, netloc: str) -> tuple[http.client.HTTPConnection, bool]:
        pool: dict[tuple[str, str], http.client.HTTPConnection] = self._local.__dict__.setdefault("pool", {})
        conn = pool.get((scheme, netloc))
        if conn is not None:
            return conn, False
        cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
        conn = cls(netloc, timeout=self.timeout)
        pool[(scheme, netloc)] = conn
        return conn, True

    def _drop(self, scheme: str, netloc: str) -> None:
        conn = self._local.__dict__.get("pool", {}).pop((scheme, netloc), None)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        self._closed = True
        for conn in self._local.__dict__.get("pool", {}).values():
            conn.close()
        self._local.__dict__.get("pool", {}).clear()

    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str], *, what: str,
             kind: str, shift: int = 0) -> bytes:
        """The body of a 2xx answer; retries connection errors and 5xx, raises StoreError/QueryError."""
        if self._closed:
            raise StoreError(f"store {url} is closed; open it again")
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {**headers, "User-Agent": "kg"}
        if self._auth:
            headers["Authorization"] = self._auth
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            for _stale in range(2):  # a kept-alive connection the server closed: reconnect once at once
                conn, fresh = self._connection(parts.scheme, parts.netloc)
                try:
                    conn.request(method, target, body=body, headers=headers)
                    response = conn.getresponse()
                    data = response.read()
                except TimeoutError as exc:
                    self._drop(parts.scheme, parts.netloc)
                    error = QueryError if kind == "query" else StoreError
                    raise error(f"{what} timed out after {self.timeout:g} s at {url}; "
                                "simplify it or raise the timeout") from exc
                except (OSError, http.client.HTTPException) as exc:
                    self._drop(parts.scheme, parts.netloc)
                    problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    if fresh:
                        break
                    continue
                if response.will_close:
                    self._drop(parts.scheme, parts.netloc)
                status = response.status
                if 200 <= status < 300:
                    return data
                message = _server_message(data)
                if status >= 500:
                    problem = f"HTTP {status}: {message}"
                    break
                raise _client_error(status, message, url, what, kind, shift)
        if problem.startswith("HTTP "):
            error = QueryError if kind == "query" else StoreError
            raise error(f"{what} failed at {url} after {self.retries + 1} attempts: {problem}")
        raise StoreError(f"cannot reach store {url} after {self.retries + 1} attempts ({problem}); "
                         "is the server running? check --store URL")


def _server_message(data: bytes, limit: int = 4000) -> str:
    text = data.decode("utf-8", errors="replace").strip()
    if text.startswith("<"):  # an HTML error page: keep its text
        text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _client_error(status: int, message: str, url: str, what: str, kind: str, shift: int) -> Exception:
    if status in (401, 403):
        return StoreError(f"{url} refused the {what} (HTTP {status}: {message}); "
                          "set KG_STORE_USER and KG_STORE_PASSWORD, or use an endpoint that allows it")
    if status == 404:
        return StoreError(f"no SPARQL endpoint at {url} (HTTP 404); check the --store URL and its flavour")
    if status == 413:
        return StoreError(f"{url} refused the {what} as too large (HTTP 413); lower batch_quads")
    if status in (400, 422) or kind == "query":
        label = "query" if kind == "query" else "update"
        return QueryError(position_message(label, message, shift if kind == "query" else 0))
    return StoreError(f"{url} refused the {what} (HTTP {status}): {message}")


# ---------------------------------------------------------------------- terms and bodies


def _json_result(data: bytes) -> QueryResult:
    try:
        document = json.loads(data)
    except ValueError as exc:
        raise QueryError(f"the server answered something other than SPARQL JSON results: {exc}") from exc
    if "boolean" in document:
        return QueryResult("ask", boolean=bool(document["boolean"]))
    variables = list(document.get("head", {}).get("vars", []))
    if [v.upper() for v in variables] == ["__ASK_RETVAL"]:  # Virtuoso 7 answers ASK as a one-column SELECT
        values = [b[variables[0]].get("value") for b in document.get("results", {}).get("bindings", [])]
        return QueryResult("ask", boolean=any(v not in ("0", "false") for v in values))
    rows = []
    for binding in document.get("results", {}).get("bindings", []):
        rows.append(tuple(_from_ox(_json_term(binding[v])) if v in binding else None for v in variables))
    return QueryResult("select", variables=variables, rows=rows)


def _json_term(value: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = value.get("type")
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return ox.Literal(value["value"], language=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != _XSD_STRING:
            return ox.Literal(value["value"], datatype=ox.NamedNode(datatype))
        return ox.Literal(value["value"])
    raise QueryError(f"the query returned a {kind} term, which kg cannot represent")


def _graph(data: bytes) -> Graph:
    graph = new_graph()
    try:
        for triple in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
            graph.add((_from_ox(triple.subject), _from_ox(triple.predicate), _from_ox(triple.object)))
    except SyntaxError as exc:
        raise QueryError(f"the server answered invalid N-Triples: {exc}") from exc
    return graph


def _ox(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    return _to_ox(term)  # type: ignore[arg-type]


def _batches(quads: Iterable[ox.Quad], size: int) -> Iterator[list[ox.Quad]]:
    batch: list[ox.Quad] = []
    for quad in quads:
        batch.append(quad)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert_data(quads: list[ox.Quad]) -> str:
    """One INSERT DATA of quads grouped by graph (terms in N-Triples syntax, escaped by pyoxigraph)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(key, []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = [("\n".join(lines) if not g else f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}")
              for g, lines in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def _split_lines(data: bytes, limit: int) -> Iterator[bytes]:
    """``data`` in parts of at most about ``limit`` bytes, cut only at line ends."""
    start = 0
    while start < len(data):
        end = start + limit
        if end >= len(data):
            yield data[start:]
            return
        cut = data.rfind(b"\n", start, end)
        cut = cut + 1 if cut >= start else data.find(b"\n", end) + 1 or len(data)
        yield data[start:cut]
        start = cut


__all__ = ["BATCH_QUADS", "FLAVOURS", "Endpoints", "RemoteKnowledgeGraph"]
