"""Check the store against the SHACL shapes of ontology/shapes.ttl.

>>> report = validate_store(kg)
>>> report.conforms, report.violations
(True, 0)
"""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate
from pyshacl.errors import ConstraintLoadError, ReportableRuntimeError, ShapeLoadError
from rdflib import RDF, SH, Graph
from rdflib.term import Node

from kg.errors import StoreError
from kg.rdf import new_graph, ontology_graph, shapes_graph, shorten
from kg.store import KnowledgeGraph

MAX_LISTED = 20


@dataclass(frozen=True)
class ValidationReport:
    """Whether the data conforms, how many violations, and a readable list of the first ones."""

    conforms: bool
    violations: int
    text: str


def validate_store(kg: KnowledgeGraph, *, limit: int = MAX_LISTED) -> ValidationReport:
    """Validate the union of the store's graphs plus the ontology against ontology/shapes.ttl."""
    result = kg.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    data = result.graph if result.graph is not None else new_graph()
    return validate_graph(data, limit=limit)


def validate_graph(data: Graph, *, limit: int = MAX_LISTED) -> ValidationReport:
    """Validate one graph (plus the ontology) against ontology/shapes.ttl."""
    merged = new_graph()
    for triple in data:
        merged.add(triple)
    for triple in ontology_graph():
        merged.add(triple)
    try:
        conforms, results, _ = validate(merged, shacl_graph=shapes_graph(), inference="none", inplace=True)
    except (ConstraintLoadError, ShapeLoadError, ReportableRuntimeError) as exc:
        raise StoreError(f"SHACL validation could not run: {exc}; check ontology/shapes.ttl") from exc
    found = _violations(results)
    return ValidationReport(bool(conforms), len(found), _report_text(bool(conforms), found, limit))


def _violations(results: Graph) -> list[tuple[str, str, str, str]]:
    rows = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) not in (None, SH.Violation):
            continue
        rows.append(
            (
                _show(results.value(result, SH.focusNode)),
                _show(results.value(result, SH.resultPath)),
                _show(results.value(result, SH.value)),
                str(results.value(result, SH.resultMessage) or ""),
            )
        )
    return sorted(rows)


def _show(term: Node | None) -> str:
    if term is None:
        return ""
    text = str(term)
    return shorten(text) if text.startswith(("http://", "https://")) else text


def _report_text(conforms: bool, found: list[tuple[str, str, str, str]], limit: int) -> str:
    if conforms:
        return "conforms: the data satisfies ontology/shapes.ttl"
    lines = [f"{len(found)} violation{'s' if len(found) != 1 else ''} of ontology/shapes.ttl"]
    for focus, path, value, message in found[:limit]:
        where = f"{focus} {path}".strip()
        shown = f" (value {value})" if value and value != focus else ""
        lines.append(f"- {where}: {message}{shown}")
    if len(found) > limit:
        lines.append(f"… and {len(found) - limit} more")
    return "\n".join(lines)
