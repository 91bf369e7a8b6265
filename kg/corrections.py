"""Analysts' corrections: reject an event, fix its date, type or actors, merge or split consolidated events.

Each correction is a kg:Correction node in graph/corrections, attributed to an analyst
(prov:wasAttributedTo) and dated (prov:generatedAtTime). Corrections are applied every
time a dyad is consolidated (kg/consolidate.py), so they survive ``kg ingest`` of the same
articles (event ids are stable). Undoing one marks it kg:revoked; nothing is deleted.

    with KnowledgeGraph.open("kgstore") as kg:
        c = correct(kg, "date", "event/18-niger-revokes-us-military-accord/3f2a", value="2024-03-16",
                    by="ana", why="the statement was read on Saturday 16 March")
        undo_correction(kg, c.id)
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from urllib.parse import unquote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kg.consolidate import (
    ACTIONS,
    CONSOLIDATED,
    CORRECTION,
    CORRECTIONS_GRAPH,
    Correction,
    apply_mention_corrections,
    consolidate_dyads,
    dyad_of_consolidated,
    event_id_of,
    read_corrections,
    read_mentions_by_id,
    type_categories,
)
from kg.errors import KGError
from kg.model import EVENT, KG, KGT, PROV, EventDate
from kg.rdf import AGENT, date_literal, iri_safe, new_graph, state_iri
from kg.store import KnowledgeGraph

__all__ = [
    "Correction",
    "correct",
    "list_corrections",
    "undo_correction",
    "resolve_event",
    "correction_graph",
]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")


class CorrectionError(KGError):
    """A correction names an unknown event, a bad value, or cannot be applied."""


def default_analyst() -> str:
    """Who makes a correction when ``--by`` is not given: $USER, else the login name."""
    try:
        return os.environ.get("USER") or getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def analyst_iri(name: str) -> URIRef:
    return AGENT["analyst/" + iri_safe(name)]


# ---------------------------------------------------------------------- naming events


def resolve_event(kg: KnowledgeGraph, text: str) -> tuple[URIRef, str]:
    """The IRI of an event named by IRI, ``event/ID``, ``consolidated/A-B/ID`` or a bare id; and its kind.

    The kind is ``mention`` (an extracted kg:Event) or ``consolidated`` (a kg:ConsolidatedEvent).
    """
    text = text.strip().strip("<>")
    if text.startswith(("http://", "https://")):
        candidates = [URIRef(text)]
    elif text.startswith(("event:", "event/")):
        candidates = [URIRef(str(EVENT) + iri_safe(unquote(text[6:])))]
    elif text.startswith(("consolidated:", "consolidated/")):
        candidates = [URIRef(str(CONSOLIDATED) + iri_safe(unquote(text[13:])))]
    else:
        candidates = [URIRef(str(CONSOLIDATED) + iri_safe(text)), URIRef(str(EVENT) + iri_safe(text))]
    for iri in candidates:
        kinds = kg.query("SELECT DISTINCT ?k WHERE { ?e a ?k }", {"e": iri}).rows
        kinds = {row[0] for row in kinds}
        if KG.ConsolidatedEvent in kinds:
            return iri, "consolidated"
        if KG.Event in kinds:
            return iri, "mention"
    raise CorrectionError(
        f"no event {text!r} in the store; copy an id from `kg timeline A B --format json` "
        "(consolidated/A-B/… or event/ARTICLE/…)"
    )


def _consolidated_facts(kg: KnowledgeGraph, iri: URIRef) -> tuple[list[str], str, str]:
    rows = kg.query(
        "SELECT DISTINCT ?m ?s ?t WHERE { ?ce kg:mention ?m ; kg:sourceState ?s ; kg:targetState ?t }",
        {"ce": iri},
    ).rows
    mentions = sorted({event_id_of(str(r[0])) for r in rows})
    source = unquote(str(rows[0][1]).rsplit("/", 1)[-1]) if rows else ""
    target = unquote(str(rows[0][2]).rsplit("/", 1)[-1]) if rows else ""
    return mentions, source, target


# ---------------------------------------------------------------------- making one


def make_correction(
    kg: KnowledgeGraph,
    action: str,
    subject: str,
    *,
    value: str | None = None,
    source: str | None = None,
    target: str | None = None,
    other: str | None = None,
    by: str | None = None,
    why: str | None = None,
    at: datetime | None = None,
) -> Correction:
    """A checked correction (not stored yet): the events exist, the value is valid, snapshots taken."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown correction {action!r}; use one of {', '.join(ACTIONS)}")
    iri, kind = resolve_event(kg, subject)
    mentions: list[str] = []
    previous_source = previous_target = None
    if kind == "consolidated":
        mentions, previous_source, previous_target = _consolidated_facts(kg, iri)
    other_iri, other_mentions = None, []
    if action == "date":
        if not value or not _DATE.match(value) or not _valid_date(value):
            raise CorrectionError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD; e.g. 2024-03-16")
    elif action == "type":
        types = type_categories()
        if value not in types:
            raise CorrectionError(f"unknown event type {value!r}; use one of {', '.join(sorted(types))}")
    elif action == "actor":
        if not source and not target:
            raise CorrectionError("give the new side: --source CODE and/or --target CODE, e.g. --target USA")
        for code in (source, target):
            if code and not _CODE.match(code):
                raise CorrectionError(f"{code!r} is not a state-level code; use e.g. NER, USA, ECOWAS")
    elif action == "merge":
        if kind != "consolidated" or not other:
            raise CorrectionError("merge takes two consolidated events: kg correct merge CE1 CE2")
        other_iri, other_kind = resolve_event(kg, other)
        if other_kind != "consolidated" or other_iri == iri:
            raise CorrectionError(f"{other!r} is not another consolidated event; merge takes two of them")
        if dyad_of_consolidated(str(iri)) != dyad_of_consolidated(str(other_iri)):
            raise CorrectionError("only events of the same pair can be merged; fix an actor first")
        other_mentions, _, _ = _consolidated_facts(kg, other_iri)
    elif action == "split":
        if kind != "consolidated" or not other:
            raise CorrectionError(
                "split takes a consolidated event and one of its mentions: kg correct split CE EVENT"
            )
        other_iri, other_kind = resolve_event(kg, other)
        if other_kind != "mention" or event_id_of(str(other_iri)) not in mentions:
            raise CorrectionError(f"{other!r} is not a mention of {subject}; list them with kg timeline")
        if len(mentions) < 2:
            raise CorrectionError(f"{subject} has a single mention; there is nothing to split")
    when = (at or datetime.now(UTC)).replace(microsecond=0)
    analyst = by or default_analyst()
    digest = hashlib.sha1(
        "|".join(
            str(x) for x in (action, iri, other_iri, value, source, target, analyst, when.isoformat())
        ).encode("utf-8")
    ).hexdigest()[:10]
    return Correction(
        id=digest,
        action=action,
        subject=str(iri),
        value=value,
        source=source,
        target=target,
        previous_source=previous_source if action == "actor" and kind == "consolidated" else None,
        previous_target=previous_target if action == "actor" and kind == "consolidated" else None,
        other=str(other_iri) if other_iri else None,
        mentions=tuple(mentions),
        other_mentions=tuple(other_mentions),
        by=analyst,
        at=when.isoformat(),
        reason=why,
    )


def _valid_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def correction_graph(c: Correction) -> Graph:
    """The triples of one correction, for graph/corrections."""
    graph = new_graph()
    add = graph.add
    node, agent = CORRECTION[iri_safe(c.id)], analyst_iri(c.by)
    add((node, RDF.type, KG.Correction))
    add(
        (
            node,
            RDFS.label,
            Literal(f"{c.action} {c.subject.rsplit('/', 2)[-2]}/{c.subject.rsplit('/', 1)[-1]}"),
        )
    )
    add((node, KG.action, Literal(c.action)))
    add((node, KG.subject, URIRef(c.subject)))
    if c.other:
        add((node, KG.object, URIRef(c.other)))
    if c.action == "date" and c.value:
        precision = {4: "year", 7: "month", 10: "day"}[len(c.value)]
        add((node, KG.newDate, date_literal(EventDate(value=c.value, precision=precision))))  # type: ignore[arg-type]
    if c.action == "type" and c.value:
        add((node, KG.newType, KGT[iri_safe(c.value)]))
    if c.source:
        add((node, KG.newSourceState, state_iri(c.source)))
    if c.target:
        add((node, KG.newTargetState, state_iri(c.target)))
    if c.previous_source:
        add((node, KG.previousSourceState, state_iri(c.previous_source)))
    if c.previous_target:
        add((node, KG.previousTargetState, state_iri(c.previous_target)))
    for m in c.mentions:
        add((node, KG.subjectMention, EVENT[iri_safe(m)]))
    for m in c.other_mentions:
        add((node, KG.objectMention, EVENT[iri_safe(m)]))
    if c.reason:
        add((node, KG.reason, Literal(c.reason)))
    add((node, PROV.wasAttributedTo, agent))
    add((node, PROV.generatedAtTime, Literal(c.at, datatype=XSD.dateTime)))
    add((agent, RDF.type, KG.Analyst))
    add((agent, RDF.type, PROV.Person))
    add((agent, RDFS.label, Literal(c.by)))
    return graph


def _insert(kg: KnowledgeGraph, graph: Graph) -> None:
    body = graph.serialize(format="nt")
    kg.update(f"INSERT DATA {{ GRAPH <{CORRECTIONS_GRAPH}> {{\n{body}}} }}")


# ---------------------------------------------------------------------- the library calls


def _affected_dyads(
    kg: KnowledgeGraph, c: Correction, before: list[Correction], after: list[Correction]
) -> set[str]:
    """Every dyad whose consolidation the correction may change: where its events were and will be."""
    dyads = {d for d in (dyad_of_consolidated(c.subject), dyad_of_consolidated(c.other or "")) if d}
    ids = set(c.mentions) | set(c.other_mentions)
    for iri in (c.subject, c.other):
        if iri and iri.startswith(str(EVENT)):
            ids.add(event_id_of(iri))
    stored = read_mentions_by_id(kg, ids)
    for corrections in ([], before, after):
        active = [x for x in corrections if not x.revoked]
        dyads |= {m.dyad for m in apply_mention_corrections(stored, active)}
    return dyads


def correct(
    kg: KnowledgeGraph,
    action: str,
    subject: str,
    *,
    value: str | None = None,
    source: str | None = None,
    target: str | None = None,
    other: str | None = None,
    by: str | None = None,
    why: str | None = None,
    at: datetime | None = None,
) -> Correction:
    """Record a correction and re-consolidate the dyads it touches.

    >>> correct(kg, "reject", "consolidated/NER-USA/1a2b3c4d5e6f", by="ana", why="a misread headline").action
    'reject'
    """
    c = make_correction(
        kg, action, subject, value=value, source=source, target=target, other=other, by=by, why=why, at=at
    )
    before = read_corrections(kg)
    _insert(kg, correction_graph(c))
    consolidate_dyads(kg, _affected_dyads(kg, c, before, before + [c]))
    return c


def find_correction(kg: KnowledgeGraph, cid: str) -> Correction:
    """A stored correction by id (or IRI, or a unique prefix of the id)."""
    cid = cid.strip().strip("<>")
    if cid.startswith(str(CORRECTION)):
        cid = unquote(cid[len(str(CORRECTION)) :])
    elif cid.startswith(("correction/", "correction:")):
        cid = cid[11:]
    found = [c for c in read_corrections(kg) if c.id == cid] or [
        c for c in read_corrections(kg) if c.id.startswith(cid) and len(cid) >= 4
    ]
    if len(found) != 1:
        what = "no" if not found else "more than one"
        raise CorrectionError(f"{what} correction {cid!r}; list them with kg corrections")
    return found[0]


def undo_correction(
    kg: KnowledgeGraph, cid: str, *, by: str | None = None, at: datetime | None = None
) -> Correction:
    """Mark a correction revoked (it stays in graph/corrections) and re-consolidate the dyads it touched."""
    c = find_correction(kg, cid)
    if c.revoked:
        raise CorrectionError(f"correction {c.id} is already undone")
    before = read_corrections(kg)
    after = [replace(x, revoked=True) if x.id == c.id else x for x in before]
    node, analyst = CORRECTION[iri_safe(c.id)], by or default_analyst()
    when = (at or datetime.now(UTC)).replace(microsecond=0).isoformat()
    graph = new_graph()
    graph.add((node, KG.revoked, Literal("true", datatype=XSD.boolean)))
    graph.add((node, PROV.invalidatedAtTime, Literal(when, datatype=XSD.dateTime)))
    graph.add((node, KG.revokedBy, analyst_iri(analyst)))
    graph.add((analyst_iri(analyst), RDF.type, KG.Analyst))
    graph.add((analyst_iri(analyst), RDF.type, PROV.Person))
    graph.add((analyst_iri(analyst), RDFS.label, Literal(analyst)))
    _insert(kg, graph)
    consolidate_dyads(kg, _affected_dyads(kg, c, before, after))
    return replace(c, revoked=True)


def list_corrections(kg: KnowledgeGraph, *, include_revoked: bool = True) -> list[Correction]:
    """The corrections in the store, oldest first."""
    return [c for c in read_corrections(kg) if include_revoked or not c.revoked]


def short_iri(iri: str) -> str:
    """``event/…`` or ``consolidated/…`` for display."""
    for namespace, prefix in ((CONSOLIDATED, "consolidated/"), (EVENT, "event/")):
        if iri.startswith(str(namespace)):
            return prefix + unquote(iri[len(str(namespace)) :])
    return iri


def format_correction(c: Correction) -> str:
    """One line: id, time, analyst, action, subject, new value, reason, and whether it was undone."""
    if c.action == "date" or c.action == "type":
        what = f"→ {c.value}"
    elif c.action == "actor":
        what = "→ " + " ".join(
            x
            for x in (f"source {c.source}" if c.source else "", f"target {c.target}" if c.target else "")
            if x
        )
    elif c.other:
        what = ("+ " if c.action == "merge" else "− ") + short_iri(c.other)
    else:
        what = ""
    text = f"{c.id}  {c.at}  {c.by}  {c.action} {short_iri(c.subject)} {what}".rstrip()
    if c.reason:
        text += f"  ({c.reason})"
    return text + ("  [undone]" if c.revoked else "")
