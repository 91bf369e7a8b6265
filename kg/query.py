"""Run SPARQL with parameters, load the named queries of ontology/queries, format results.

A named query is a ``.rq`` file whose leading ``#`` comment block describes it and
declares its parameters::

    # Events between two state-level actors, in date order.
    # @param a: state-level code of one side, e.g. NER
    # @param b: state-level code of the other side, e.g. USA

A parameter may have a default (``# @param limit = 1000: rows per page``); it is then optional.
A query that pages its rows declares ``limit`` and ``offset`` and marks the one ``LIMIT n OFFSET m``
they set with a ``# page`` comment: SPARQL has no variable LIMIT, so run_query writes the two
(validated, non-negative) integers there, and binds them too where the text reads ``?limit`` or
``?offset`` (to choose what to read for the page); every other parameter is bound, never pasted.

A named query whose fast text needs LATERAL around a sub-SELECT (which a server without SPARQL
SEP-0006 cannot run, see ``kg.store.without_lateral``) has a portable text of plain SPARQL 1.1 in
ontology/queries/portable/ with the same parameters, columns and rows; ``load_named_query(name,
lateral=kg.supports_lateral)`` picks it for such a store.

    >>> q = load_named_query("dyad_timeline")
    >>> result = run_query(kg, q.text, {"a": "NER", "b": "USA"})
    >>> print(format_result(result, "table"))
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.rdf import ONTOLOGY_DIR, new_graph, shorten
from kg.store import KnowledgeGraph, QueryResult, query_variables

QUERIES_DIR = ONTOLOGY_DIR / "queries"
PORTABLE_DIR = QUERIES_DIR / "portable"  # the same queries without LATERAL, where the fast text needs it
FORMATS = ("table", "csv", "tsv", "json")
MAX_CELL = 80

_PARAM_LINE = re.compile(r"^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([^:\s]+)\s*)?:?\s*(.*)$")
_PAGE = re.compile(r"LIMIT\s+\d+\s+OFFSET\s+\d+(?=[ \t]*#[ \t]*page\b)", re.I)
PAGE_PARAMS = ("limit", "offset")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d+$")
_DECIMAL = re.compile(r"^[+-]?\d*\.\d+$")
_IRI_FORBIDDEN = re.compile(r"""[\s<>"'{}|\\^`]""")
_PLAIN_NUMERIC = {XSD.integer, XSD.decimal, XSD.double, XSD.boolean}
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


@dataclass(frozen=True)
class NamedQuery:
    """A ``.rq`` file: its name, text, description and declared parameters."""

    name: str
    path: Path
    text: str
    description: str
    params: list[str] = field(default_factory=list)
    param_help: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)


def list_named_queries() -> list[str]:
    """The names of the queries in ontology/queries."""
    return sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def load_named_query(name_or_path: str | Path, *, lateral: bool = True) -> NamedQuery:
    """A query by name (``dyad_timeline`` → ontology/queries/dyad_timeline.rq) or by path.

    With ``lateral=False`` (a store without LATERAL: ``kg.supports_lateral``) a named query that has
    a portable text (ontology/queries/portable/NAME.rq) is read from it, by name or by its path.
    """
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.exists():
        path = candidate
    else:
        path = QUERIES_DIR / f"{name_or_path}.rq"
    if not lateral and path.parent.resolve() == QUERIES_DIR.resolve() and (PORTABLE_DIR / path.name).exists():
        path = PORTABLE_DIR / path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        known = ", ".join(list_named_queries()) or "none"
        raise QueryError(f"cannot read query {name_or_path}: {exc.strerror}; named queries: {known}") from exc
    description, params = parse_header(text)
    return NamedQuery(path.stem, path, text, description, list(params), params, param_defaults(text))


def parse_header(text: str) -> tuple[str, dict[str, str]]:
    """The description and ``@param name: help`` lines of the leading comment block of a query."""
    lines, params, _ = _header(text)
    return " ".join(lines), params


def param_defaults(text: str) -> dict[str, str]:
    """The defaults of the parameters declared ``@param name = value: help``."""
    return _header(text)[2]


def _header(text: str) -> tuple[list[str], dict[str, str], dict[str, str]]:
    lines: list[str] = []
    params: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            if lines or params:
                break
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        match = _PARAM_LINE.match(body)
        if match:
            params[match.group(1)] = match.group(3).strip()
            if match.group(2) is not None:
                defaults[match.group(1)] = match.group(2)
        elif body:
            lines.append(body)
    return lines, params, defaults


def parse_param(value: str) -> Node:
    """A command-line value as an RDF term: <iri>, YYYY-MM-DD date, integer, decimal, else a plain string."""
    if value.startswith("<") and value.endswith(">") and len(value) >= 2:
        iri = value[1:-1]
        if not iri or _IRI_FORBIDDEN.search(iri):
            raise QueryError(f"invalid IRI {value}: no spaces, <, >, quotes or braces allowed inside <…>")
        return URIRef(iri)
    if _DATE.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"invalid date {value}: use an existing day as YYYY-MM-DD") from None
        return Literal(value, datatype=XSD.date)
    if _INTEGER.match(value):
        return Literal(value, datatype=XSD.integer)
    if _DECIMAL.match(value):
        return Literal(value, datatype=XSD.decimal)
    return Literal(value)


def run_query(kg: KnowledgeGraph, text: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a query with ``--param name=value`` values bound to its variables (never pasted into the text)."""
    _, declared, defaults = _header(text)
    params = {**defaults, **(params or {})}
    if declared:
        for name, help_text in declared.items():
            if name not in params:
                hint = help_text.split(", e.g.")[0].strip()
                raise QueryError(f"query needs --param {name}=VALUE" + (f" ({hint})" if hint else ""))
        valid = list(declared)
    else:
        valid = query_variables(text)
    unknown = [name for name in params if name not in valid]
    if unknown:
        choices = ", ".join(valid) if valid else "none"
        raise QueryError(f"query has no parameter {unknown[0]}; its parameters are: {choices}")
    if all(name in declared for name in PAGE_PARAMS):
        text = with_page(text, *(_count(name, params[name]) for name in PAGE_PARAMS))
        # also bound where the text reads them (to choose what to read for the page)
        used = query_variables(text)
        params = {name: value for name, value in params.items() if name not in PAGE_PARAMS or name in used}
    return kg.query(text, {name: parse_param(value) for name, value in params.items()})


def with_page(text: str, limit: int, offset: int) -> str:
    """The query with its ``LIMIT n OFFSET m  # page`` clause set to ``limit`` and ``offset``."""
    if len(_PAGE.findall(text)) != 1:
        raise QueryError("a query with @param limit and offset needs one 'LIMIT n OFFSET m  # page' clause")
    return _PAGE.sub(f"LIMIT {limit} OFFSET {offset}", text)


def _count(name: str, value: str) -> int:
    if not re.fullmatch(r"[0-9]+", value.strip()):  # not str.isdigit: "²" and "５" are digits to it
        raise QueryError(f"--param {name}={value} is not a whole number ≥ 0; e.g. --param {name}=100")
    return int(value)


# ---------------------------------------------------------------------- formatting


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """A result as an aligned table, SPARQL CSV/TSV or SPARQL JSON; graphs as Turtle (JSON-LD for json)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph":
        graph = result.graph if result.graph is not None else new_graph()
        return graph.serialize(format="json-ld" if fmt == "json" else "turtle")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2)
        if fmt == "table":
            return "yes" if result.boolean else "no"
        return "true" if result.boolean else "false"
    return {"table": _table, "csv": _csv, "tsv": _tsv, "json": _json}[fmt](result)


def _cell(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        text = shorten(str(term))
    elif isinstance(term, BNode):
        text = f"_:{term}"
    else:
        text = str(term)
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _table(result: QueryResult) -> str:
    header = list(result.variables)
    cells = [[_cell(term) for term in row] for row in result.rows]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
    return "\n".join(lines)


def _csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join("?" + v for v in result.variables)]
    lines.extend("\t".join(_tsv_term(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def _tsv_term(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    assert isinstance(term, Literal)
    if term.datatype in _PLAIN_NUMERIC and _plain_number(term):
        return str(term)
    escaped = str(term).translate(_TSV_ESCAPES)
    if term.language:
        return f'"{escaped}"@{term.language}'
    if term.datatype is not None:
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def _plain_number(term: Literal) -> bool:
    """Whether a numeric or boolean literal can be written bare in Turtle as its own datatype."""
    text = str(term)
    if term.datatype == XSD.integer:
        return bool(_INTEGER.match(text))
    if term.datatype == XSD.decimal:
        return bool(re.fullmatch(r"[+-]?\d*\.\d+", text))
    if term.datatype == XSD.double:
        return bool(re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+", text))
    return text in ("true", "false")


def _json(result: QueryResult) -> str:
    bindings = []
    for row in result.rows:
        binding = {}
        for name, term in zip(result.variables, row, strict=True):
            if term is not None:
                binding[name] = _json_term(term)
        bindings.append(binding)
    document = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2)


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value: dict[str, str] = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype is not None:
        value["datatype"] = str(term.datatype)
    return value
