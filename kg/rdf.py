"""Values to RDF: one named graph per article, one for the actors, one for the ontology.

Every node has a deterministic IRI (no blank nodes), so mapping the same article
twice gives the same triples and re-ingesting it is a graph replace that changes
nothing. Ids that may hold characters unsafe in IRIs are percent-encoded.

    >>> g = article_graph(article, events)
    >>> store.replace_graph(article_graph_iri(article.id), g)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.model import (
    ACTOR,
    ARTICLE,
    BASE,
    DYAD,
    EVENT,
    EXTRACTOR_VERSION,
    GRAPH,
    KG,
    KGT,
    PROV,
    SCHEMA,
    WD,
    Actor,
    Article,
    Event,
    EventDate,
    dyad_key,
)

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY_FILES = ("kg.ttl", "event-types.ttl")

ACTORS_GRAPH = GRAPH["actors"]
ONTOLOGY_GRAPH = GRAPH["ontology"]

ACTIVITY = Namespace(BASE + "activity/")
AGENT = Namespace(BASE + "agent/")

# Prefixes kg binds when it writes Turtle and shortens IRIs for display.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgt": str(KGT),
    "actor": str(ACTOR),
    "article": str(ARTICLE),
    "event": str(EVENT),
    "dyad": str(DYAD),
    "graph": str(GRAPH),
    "activity": str(ACTIVITY),
    "agent": str(AGENT),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "wd": str(WD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
}

_KIND_CLASS = {
    "state": KG.State,
    "military": KG.Military,
    "government": KG.Government,
    "leader": KG.Leader,
    "organisation": KG.Organisation,
    "group": KG.ArmedGroup,
}
_STATE_LEVEL_KINDS = ("state", "organisation", "group")
_PRECISION = {
    "day": (KG.DayPrecision, XSD.date),
    "month": (KG.MonthPrecision, XSD.gYearMonth),
    "year": (KG.YearPrecision, XSD.gYear),
    "unknown": (KG.UnknownPrecision, None),
}
_STATUS = {
    "asserted": KG.Asserted,
    "negated": KG.Negated,
    "hypothetical": KG.Hypothetical,
    "planned": KG.Planned,
}
# RFC 3987 sub-delims, unreserved characters, ":" "@" and "/" are safe in an IRI path.
_SAFE_PATH = "/:@!$&'()*+,;=-._~"
_SAFE_URL = _SAFE_PATH + "?#[]%"


def iri_safe(value: str) -> str:
    """Percent-encode the characters of an id that are unsafe in an IRI path (keeps "/")."""
    return quote(value, safe=_SAFE_PATH)


def shorten(iri: str) -> str:
    """An IRI with a kg prefix where one fits (``kg:Event``, ``actor:NER``), else ``<iri>``."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        longer = len(namespace) > len(PREFIXES.get(best, ""))
        if iri.startswith(namespace) and len(iri) > len(namespace) and longer:
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]) :]}" if best else f"<{iri}>"


def new_graph() -> Graph:
    """An empty rdflib graph with kg's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def article_graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything extracted from one article."""
    return GRAPH["article/" + iri_safe(article_id)]


def article_iri(article_id: str) -> URIRef:
    """The article node: ``article/ID``."""
    return ARTICLE[iri_safe(article_id)]


def event_iri(event_id: str) -> URIRef:
    """The event node: ``event/ARTICLE/N``."""
    return EVENT[iri_safe(event_id)]


def state_iri(code: str) -> URIRef:
    """The node of a state-level actor (state, organisation, group): ``actor/CODE``."""
    return ACTOR[iri_safe(code)]


def actor_iri(actor_id: str, kind: str) -> URIRef:
    """The node of an actor; states, organisations and groups are ``actor/CODE`` (also for an id org/CODE)."""
    if kind in _STATE_LEVEL_KINDS:
        return state_iri(actor_code(actor_id))
    return ACTOR[iri_safe(actor_id)]


def actor_code(actor_id: str) -> str:
    """The code of a state, organisation or group id: ``NER`` → NER, ``org/ECOWAS`` → ECOWAS."""
    return actor_id.rsplit("/", 1)[-1]


def dyad_iri(a: str, b: str) -> URIRef:
    """The unordered pair of two state-level codes: ``dyad/NER-USA``."""
    return DYAD[iri_safe(dyad_key(a, b))]


def activity_iri(article_id: str) -> URIRef:
    """The extraction run over one article."""
    return ACTIVITY["extract/" + iri_safe(article_id)]


def agent_iri(version: str = EXTRACTOR_VERSION) -> URIRef:
    """The extractor, by version."""
    return AGENT[iri_safe(version)]


def text_hash(text: str) -> str:
    """The SHA-256 of an article text, as stored in kg:textHash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def date_literal(date: EventDate) -> Literal | None:
    """The kg:date literal, typed by precision (xsd:date, xsd:gYearMonth, xsd:gYear); None when unknown."""
    if date.value is None:
        return None
    return Literal(date.value, datatype=_PRECISION[date.precision][1])


def article_graph(article: Article, events: list[Event]) -> Graph:
    """Everything extracted from one article: the article, its events and their provenance."""
    graph = new_graph()
    add = graph.add
    art = article_iri(article.id)
    add((art, RDF.type, KG.Article))
    add((art, RDF.type, SCHEMA.NewsArticle))
    add((art, KG.articleId, Literal(article.id)))
    add((art, KG.textHash, Literal(text_hash(article.text))))
    if article.title:
        add((art, SCHEMA.headline, Literal(article.title)))
    if article.published:
        add((art, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url:
        add((art, SCHEMA.url, URIRef(quote(article.url, safe=_SAFE_URL))))
    if article.source:
        add((art, KG.outlet, Literal(article.source)))

    activity, agent = activity_iri(article.id), agent_iri()
    if events:
        add((activity, RDF.type, KG.ExtractionActivity))
        add((activity, PROV.used, art))
        add((activity, PROV.wasAssociatedWith, agent))
        add((agent, RDF.type, KG.Extractor))
        add((agent, RDFS.label, Literal(EXTRACTOR_VERSION)))
    for event in events:
        if event.article != article.id:
            raise ValueError(f"event {event.event} belongs to article {event.article}, not {article.id}")
        for triple in _event_triples(event, art, activity):
            add(triple)
    return graph


def _event_triples(event: Event, art: URIRef, activity: URIRef) -> Iterable[tuple[Node, Node, Node]]:
    node = event_iri(event.event)
    evidence = EVENT[iri_safe(event.event) + "/evidence"]
    src, tgt = event.source, event.target
    dyad = dyad_iri(src.country, tgt.country)
    precision, _ = _PRECISION[event.date.precision]
    yield node, RDF.type, KG.Event
    yield node, KG.category, KGT[event.category]
    yield node, KG.eventType, KGT[iri_safe(event.type)]
    yield node, KG.source, actor_iri(src.id, src.kind)
    yield node, KG.target, actor_iri(tgt.id, tgt.kind)
    yield node, KG.sourceLabel, Literal(src.label)
    yield node, KG.targetLabel, Literal(tgt.label)
    yield node, KG.sourceState, state_iri(src.country)
    yield node, KG.targetState, state_iri(tgt.country)
    yield node, KG.dyad, dyad
    yield dyad, RDF.type, KG.Dyad
    yield dyad, KG.hasEvent, node
    literal = date_literal(event.date)
    if literal is not None:
        yield node, KG.date, literal
    bounds = event.date.bounds()
    if bounds is not None:
        yield node, KG.dateStart, Literal(bounds[0].isoformat(), datatype=XSD.date)
        yield node, KG.dateEnd, Literal(bounds[1].isoformat(), datatype=XSD.date)
    yield node, KG.datePrecision, precision
    if event.date.text:
        yield node, KG.dateText, Literal(event.date.text)
    yield node, KG.status, _STATUS[event.status]
    yield node, KG.confidence, Literal(repr(float(event.confidence)), datatype=XSD.double)
    yield node, KG.evidence, evidence
    yield evidence, RDF.type, KG.Evidence
    yield evidence, KG.sentence, Literal(event.evidence.sentence)
    yield evidence, KG.charStart, Literal(str(event.evidence.char_start), datatype=XSD.integer)
    yield evidence, KG.charEnd, Literal(str(event.evidence.char_end), datatype=XSD.integer)
    yield evidence, KG.trigger, Literal(event.evidence.trigger)
    yield evidence, PROV.wasQuotedFrom, art
    yield node, PROV.wasDerivedFrom, art
    yield node, PROV.wasGeneratedBy, activity


def actors_graph(actors: Iterable[Actor]) -> Graph:
    """The gazetteer as RDF, for the named graph ``graph/actors``."""
    graph = new_graph()
    add = graph.add
    for actor in actors:
        node = actor_iri(actor.id, actor.kind)
        add((node, RDF.type, _KIND_CLASS[actor.kind]))
        add((node, RDFS.label, Literal(actor.label)))
        for name in actor.names:
            if name != actor.label:
                add((node, SKOS.altLabel, Literal(name)))
        for demonym in actor.demonyms:
            add((node, KG.demonym, Literal(demonym)))
        if actor.qid:
            add((node, OWL.sameAs, WD[actor.qid]))
        if actor.kind in _STATE_LEVEL_KINDS:
            add((node, KG.code, Literal(actor_code(actor.id))))
        if actor.kind in ("military", "government", "group") and actor.country:
            if state_iri(actor.country) != node:
                add((node, KG.countsAs, state_iri(actor.country)))
        if actor.kind == "organisation":
            for member in actor.members:
                add((node, KG.member, state_iri(member)))
        for n, tenure in enumerate(actor.tenures, start=1):
            held = ACTOR[iri_safe(actor.id) + f"/tenure/{n}"]
            add((node, KG.tenure, held))
            add((held, RDF.type, KG.Tenure))
            add((held, KG.office, state_iri(tenure.country)))
            add((held, KG.role, Literal(tenure.role)))
            if tenure.title:
                add((held, KG.title, Literal(tenure.title)))
            if tenure.start:
                add((held, KG.start, Literal(tenure.start.isoformat(), datatype=XSD.date)))
            if tenure.end:
                add((held, KG.end, Literal(tenure.end.isoformat(), datatype=XSD.date)))
    return graph


def ontology_graph() -> Graph:
    """The ontology and the event type scheme (ontology/kg.ttl, event-types.ttl), for ``graph/ontology``."""
    graph = new_graph()
    for name in ONTOLOGY_FILES:
        graph.parse(ONTOLOGY_DIR / name, format="turtle")
    return graph


def shapes_graph() -> Graph:
    """The SHACL shapes the data must satisfy (ontology/shapes.ttl)."""
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
