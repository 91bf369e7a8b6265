"""Values to RDF: one named graph per article, one for the actors, one for the ontology.

Every node has a deterministic IRI (no blank nodes), so mapping the same article
twice gives the same triples and re-ingesting it is a graph replace that changes
nothing. Ids that may hold characters unsafe in IRIs are percent-encoded.

    >>> g = article_graph(article, events)
    >>> store.replace_graph(article_graph_iri(article.id), g)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
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
# The article layout's IRIs as plain strings: article_statements builds no rdflib terms.
_RDF_TYPE, _LABEL = str(RDF.type), str(RDFS.label)
_KG_ARTICLE, _KG_EVENT, _KG_DYAD, _KG_EVIDENCE = map(str, (KG.Article, KG.Event, KG.Dyad, KG.Evidence))
_SCHEMA_NEWS_ARTICLE, _HEADLINE, _DATE_PUBLISHED, _URL = map(
    str, (SCHEMA.NewsArticle, SCHEMA.headline, SCHEMA.datePublished, SCHEMA.url)
)
_ARTICLE_ID, _TEXT_HASH, _OUTLET = map(str, (KG.articleId, KG.textHash, KG.outlet))
_EXTRACTION_ACTIVITY, _EXTRACTOR = map(str, (KG.ExtractionActivity, KG.Extractor))
_USED, _ASSOCIATED, _QUOTED_FROM, _DERIVED_FROM, _GENERATED_BY = map(
    str, (PROV.used, PROV.wasAssociatedWith, PROV.wasQuotedFrom, PROV.wasDerivedFrom, PROV.wasGeneratedBy)
)
_CATEGORY, _EVENT_TYPE, _STATUS_P, _DYAD, _HAS_EVENT = map(
    str, (KG.category, KG.eventType, KG.status, KG.dyad, KG.hasEvent)
)
_SOURCE, _TARGET, _SOURCE_LABEL, _TARGET_LABEL, _SOURCE_STATE, _TARGET_STATE = map(
    str, (KG.source, KG.target, KG.sourceLabel, KG.targetLabel, KG.sourceState, KG.targetState)
)
_DATE, _DATE_START, _DATE_END, _DATE_PRECISION, _DATE_TEXT, _CONFIDENCE = map(
    str, (KG.date, KG.dateStart, KG.dateEnd, KG.datePrecision, KG.dateText, KG.confidence)
)
_EVIDENCE, _SENTENCE, _TRIGGER, _CHAR_START, _CHAR_END, _FILLED = map(
    str, (KG.evidence, KG.sentence, KG.trigger, KG.charStart, KG.charEnd, KG.filled)
)


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


# A graph that is only ever stored, as the plain set of its triples: adding a triple to a set costs
# about 1 µs, to an rdflib Graph (which indexes it three ways) about 20 µs; consolidation builds
# hundreds of thousands for a 10k-event store. KnowledgeGraph.replace_graph(s) takes either.
Triples = set[tuple[Node, Node, Node]]


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


def content_hash(article: Article) -> str:
    """kg:textHash, what decides whether a stored article is up to date: its text, metadata and the extractor."""
    meta = f"{article.published}|{article.title}|{article.source}|{article.url}|{EXTRACTOR_VERSION}"
    return hashlib.sha256(f"{meta}\n{article.text}".encode()).hexdigest()


def date_literal(date: EventDate) -> Literal | None:
    """The kg:date literal, typed by precision (xsd:date, xsd:gYearMonth, xsd:gYear); None when unknown."""
    if date.value is None:
        return None
    return Literal(date.value, datatype=_PRECISION[date.precision][1])


@lru_cache(maxsize=1 << 16)
def typed_literal(lexical: str, datatype: URIRef) -> Literal:
    """A typed literal, built once per lexical form: rdflib parses the form of each new one (15-20 µs for
    an xsd:integer or xsd:date), and the counts, days and scores of derived graphs repeat across dyads."""
    return Literal(lexical, datatype=datatype)


def integer_literal(value: int) -> Literal:
    return typed_literal(str(int(value)), XSD.integer)


def double_literal(value: float) -> Literal:
    return typed_literal(repr(float(value)), XSD.double)


def day_literal(value: Date) -> Literal:
    return typed_literal(value.isoformat(), XSD.date)


class Lit(NamedTuple):
    """A literal of the article layout: its lexical form and its datatype IRI (None: a plain string)."""

    value: str
    datatype: str | None = None


# One statement of the article layout: subject and predicate IRIs, an IRI or a literal as object.
Statement = tuple[str, str, "str | Lit"]

_XSD_DATE, _XSD_DOUBLE, _XSD_INTEGER = str(XSD.date), str(XSD.double), str(XSD.integer)
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def article_statements(article: Article, events: list[Event]) -> Iterator[Statement]:
    """Everything extracted from one article, as plain statements: the one definition of the layout.

    ``article_graph`` turns them into an rdflib graph, ``article_nquads`` into N-Quads text."""
    art = str(article_iri(article.id))
    yield art, _RDF_TYPE, _KG_ARTICLE
    yield art, _RDF_TYPE, _SCHEMA_NEWS_ARTICLE
    yield art, _ARTICLE_ID, Lit(article.id)
    yield art, _TEXT_HASH, Lit(content_hash(article))
    if article.title:
        yield art, _HEADLINE, Lit(article.title)
    if article.published:
        yield art, _DATE_PUBLISHED, Lit(article.published.isoformat(), _XSD_DATE)
    if article.url:
        yield art, _URL, quote(article.url, safe=_SAFE_URL)
    if article.source:
        yield art, _OUTLET, Lit(article.source)

    activity, agent = str(activity_iri(article.id)), str(agent_iri())
    if events:
        yield activity, _RDF_TYPE, _EXTRACTION_ACTIVITY
        yield activity, _USED, art
        yield activity, _ASSOCIATED, agent
        yield agent, _RDF_TYPE, _EXTRACTOR
        yield agent, _LABEL, Lit(EXTRACTOR_VERSION)
    for event in events:
        if event.article != article.id:
            raise ValueError(f"event {event.event} belongs to article {event.article}, not {article.id}")
        yield from _event_statements(event, art, activity)


def article_graph(article: Article, events: list[Event]) -> Graph:
    """Everything extracted from one article: the article, its events and their provenance."""
    graph = new_graph()
    add = graph.add
    for s, p, o in article_statements(article, events):
        if isinstance(o, Lit):
            add((URIRef(s), URIRef(p), Literal(o.value, datatype=o.datatype and URIRef(o.datatype))))
        else:
            add((URIRef(s), URIRef(p), URIRef(o)))
    return graph


def article_nquads(article: Article, events: list[Event]) -> str:
    """The quads of ``article_graph`` in its named graph, as N-Quads text (no rdflib: the bulk path)."""
    graph = f"<{article_graph_iri(article.id)}> .\n"
    lines = []
    for s, p, o in article_statements(article, events):
        if isinstance(o, Lit):
            text = o.value.translate(_NT_ESCAPES)
            obj = f'"{text}"^^<{o.datatype}>' if o.datatype else f'"{text}"'
        else:
            obj = f"<{o}>"
        lines.append(f"<{s}> <{p}> {obj} {graph}")
    return "".join(dict.fromkeys(lines))  # a dyad's node is stated once per event: once is enough


def _event_statements(event: Event, art: str, activity: str) -> Iterator[Statement]:
    node = str(event_iri(event.event))
    evidence = node + "/evidence"
    src, tgt = event.source, event.target
    dyad = str(dyad_iri(src.country, tgt.country))
    yield node, _RDF_TYPE, _KG_EVENT
    yield node, _CATEGORY, KGT[event.category]
    yield node, _EVENT_TYPE, KGT[iri_safe(event.type)]
    yield node, _SOURCE, actor_iri(src.id, src.kind)
    yield node, _TARGET, actor_iri(tgt.id, tgt.kind)
    yield node, _SOURCE_LABEL, Lit(src.label)
    yield node, _TARGET_LABEL, Lit(tgt.label)
    yield node, _SOURCE_STATE, state_iri(src.country)
    yield node, _TARGET_STATE, state_iri(tgt.country)
    yield node, _DYAD, dyad
    yield dyad, _RDF_TYPE, _KG_DYAD
    yield dyad, _HAS_EVENT, node
    date = event.date
    if date.value is not None:
        yield node, _DATE, Lit(date.value, _PRECISION[date.precision][1])
    bounds = date.bounds()
    if bounds is not None:
        yield node, _DATE_START, Lit(bounds[0].isoformat(), _XSD_DATE)
        yield node, _DATE_END, Lit(bounds[1].isoformat(), _XSD_DATE)
    yield node, _DATE_PRECISION, _PRECISION[date.precision][0]
    if date.text:
        yield node, _DATE_TEXT, Lit(date.text)
    yield node, _STATUS_P, _STATUS[event.status]
    yield node, _CONFIDENCE, Lit(repr(float(event.confidence)), _XSD_DOUBLE)
    yield node, _EVIDENCE, evidence
    yield evidence, _RDF_TYPE, _KG_EVIDENCE
    yield evidence, _SENTENCE, Lit(event.evidence.sentence)
    yield evidence, _CHAR_START, Lit(str(event.evidence.char_start), _XSD_INTEGER)
    yield evidence, _CHAR_END, Lit(str(event.evidence.char_end), _XSD_INTEGER)
    yield evidence, _TRIGGER, Lit(event.evidence.trigger)
    if event.evidence.filled:
        yield evidence, _FILLED, Lit(event.evidence.filled)
    yield evidence, _QUOTED_FROM, art
    yield node, _DERIVED_FROM, art
    yield node, _GENERATED_BY, activity


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
