"""The same event in many articles: mentions become consolidated events, per dyad.

Ten outlets reporting the Russian instructors' arrival are one event with ten sources.
``consolidate`` is pure (mentions and corrections in, consolidated events out);
``consolidate_dyads`` is the store edge that reads the dyads' mentions and writes their
derived graphs, ``DYADS_PER_UPDATE`` dyads to a query and to a write:

    https://w3id.org/kg/graph/consolidated/NER-USA   kg:ConsolidatedEvent and kg:MonthlyScore nodes
    https://w3id.org/kg/graph/states/NER-USA         kg:RelationshipState nodes (kg/states.py)

    events = consolidate([Mention.from_event(e, outlet="Sahel Wire") for e in extracted])
    with KnowledgeGraph.open("kgstore") as kg:
        consolidate_dyads(kg, ["NER-USA"])

Two asserted mentions are the same event when they are about the same unordered pair,
their types are the same or declared compatible (``COMPATIBLE_TYPES``), their directions
agree for directed types, and their dates are compatible: two days at most one day apart,
otherwise overlapping intervals (2024-03 holds 2024-03-16). A date the extractor only
inferred from context ("(present tense)", "(earlier in the article)") is a weaker witness
than one the sentence states, but it still keeps a mention from joining an event of another
month (such dates are often right: Mali's 2021 coup is not its 2020 one). A call, meeting or
visit and the agreement reached on it, told in one sentence, are one event, and so are the parts
of one statement ("condemned the detention and called for his release") or of one reprisal
("expelled 12 officials and recalled its ambassador"). Only asserted mentions
are consolidated.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from urllib.parse import unquote

from rdflib import RDF, RDFS, SKOS, Literal, Namespace, URIRef

from kg.model import BASE, DYAD, EVENT, GRAPH, KG, KGT, PROV, Event, EventDate, dyad_key
from kg.rdf import (
    Triples,
    article_graph_iri,
    date_literal,
    day_literal,
    double_literal,
    event_iri,
    integer_literal,
    iri_safe,
    ontology_graph,
    state_iri,
)
from kg.states import MonthlyScore, derive_states, monthly_scores, score_triples, states_graph
from kg.store import KnowledgeGraph
from kg.summaries import summary_graph, summary_graph_iri

CONSOLIDATED = Namespace(BASE + "consolidated/")
CORRECTION = Namespace(BASE + "correction/")
CORRECTIONS_GRAPH = GRAPH["corrections"]

# Types that report the same kind of happening in different words (unordered pairs).
COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("revoke_access", "end_agreement"),  # tearing up a status-of-forces accord revokes access
        ("withdrawal", "handover"),  # handing a base over is the withdrawal from it
        ("agreement", "alliance"),  # signing a defence pact is both
        ("alliance", "join_alliance"),
        ("agreement", "join_alliance"),
        ("expulsion", "ultimatum"),  # "48 hours to leave" is the expulsion itself
        ("visit", "meeting"),  # the talks held during a visit
        ("military_training", "arms_transfer"),  # instructors arriving with their equipment
        # "deployment" (FORMAT.md's word for foreign forces arriving): "Wagner fighters arrived" and
        # "Russian instructors arrived" are one arrival however each outlet names the men
        ("deployment", "military_training"),
        ("deployment", "arms_transfer"),
        ("deployment", "access_granted"),
    )
)
# An occasion and what was agreed on it, told in one sentence, are one happening ("spoke by phone and
# agreed to strengthen security cooperation"); told apart, they stay apart.
OCCASION_TYPES = frozenset({"call", "meeting", "visit"})
AGREED_TYPES = frozenset({"agreement", "alliance"})
# Likewise one statement told in one sentence: "condemned the detention and called for his release", and
# one diplomatic reprisal: "ordered 12 Algerian officials to leave and recalled its ambassador".
STATEMENT_TYPES = frozenset({"condemnation", "pressure", "threat", "accusation"})
REPRISAL_TYPES = frozenset({"expulsion", "recall_ambassador"})
# Vague types that describe any event of their category ("relations soured", "military ties").
GENERIC_TYPES: dict[str, str] = {
    "deteriorating_relations": "tension",
    "military_cooperation": "cooperation",
    "improving_relations": "cooperation",
    "support": "cooperation",
}
# Types whose source and target may be swapped without changing the event.
SYMMETRIC_TYPES = frozenset(
    {
        "agreement",
        "alliance",
        "call",
        "meeting",
        "military_cooperation",
        "deteriorating_relations",
        "improving_relations",
        "restore_relations",
        "coup",
        "coup_attempt",
    }
)
# base_access: the host/guest roles are fixed by the world; the extractor's direction is noise.
UNDIRECTED_CATEGORIES = frozenset({"base_access", "coup"})
# Markers kg.nlp.extract appends to a date it inferred rather than read in the sentence.
INFERRED_DATE_MARKS = ("(present tense)", "(earlier in the article)", "(the story's date)")
# An undated mention may join the one compatible dated event within a month before its article;
# when there is none, the one within a year (an undated "the junta revoked the accord" in May).
HORIZONS = (timedelta(days=31), timedelta(days=366))
ACTIONS = ("reject", "date", "type", "actor", "merge", "split")
# Dyads consolidated together: their mentions read in one query, their graphs written in one update
DYADS_PER_UPDATE = 200


# ---------------------------------------------------------------------- values


@dataclass(frozen=True)
class Mention:
    """One extracted event as consolidation sees it: pair, type, date, status and who reported it."""

    event: str  # the event id, "<article>/<hash>"
    article: str
    category: str
    type: str
    source: str  # state-level code of the source
    target: str
    date: EventDate = field(default_factory=EventDate)
    status: str = "asserted"
    confidence: float = 0.5
    outlet: str | None = None
    published: date | None = None
    sentence: str = ""
    trigger: str = ""
    filled: str | None = None  # how the sentence's unsaid sides were supplied (Evidence.filled)
    url: str | None = None
    title: str | None = None
    corrections: tuple[str, ...] = ()  # ids of the corrections applied to it

    @classmethod
    def from_event(
        cls,
        event: Event,
        *,
        outlet: str | None = None,
        published: date | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> Mention:
        """A mention of an extracted ``Event``, with the outlet that published its article."""
        return cls(
            event=event.event,
            article=event.article,
            category=event.category,
            type=event.type,
            source=event.source.country,
            target=event.target.country,
            date=event.date,
            status=event.status,
            confidence=event.confidence,
            outlet=outlet,
            published=published,
            sentence=event.evidence.sentence,
            trigger=event.evidence.trigger,
            filled=event.evidence.filled,
            url=url,
            title=title,
        )

    @property
    def dyad(self) -> str:
        return dyad_key(self.source, self.target)

    @property
    def witness(self) -> str:
        """Who vouches for the mention: its outlet, or its article when the outlet is unknown."""
        return self.outlet or f"article:{self.article}"

    @property
    def stated(self) -> bool:
        """Whether the sentence gives the date (rather than the extractor inferring it from context)."""
        return self.date.known and not any(mark in (self.date.text or "") for mark in INFERRED_DATE_MARKS)

    @property
    def iri(self) -> URIRef:
        return event_iri(self.event)


@dataclass(frozen=True)
class Correction:
    """An analyst's correction, as stored in graph/corrections (see kg/corrections.py)."""

    id: str
    action: str  # one of ACTIONS
    subject: str  # IRI of a mention (event/…) or of a consolidated event (consolidated/…)
    value: str | None = None  # the new date (YYYY[-MM[-DD]]) or type
    source: str | None = None  # the new source state (actor)
    target: str | None = None  # the new target state (actor)
    previous_source: str | None = None  # a consolidated subject's source state when corrected
    previous_target: str | None = None
    other: str | None = None  # merge: the second consolidated event; split: the mention split out
    mentions: tuple[str, ...] = ()  # a consolidated subject's mention ids when corrected
    other_mentions: tuple[str, ...] = ()  # merge: the second event's mention ids
    by: str = ""
    at: str = ""  # xsd:dateTime, ISO 8601
    reason: str | None = None
    revoked: bool = False

    @property
    def on_consolidated(self) -> bool:
        return self.subject.startswith(str(CONSOLIDATED))


@dataclass(frozen=True)
class ConsolidatedEvent:
    """One real-world event: every mention of it, its reconciled date, its independent sources."""

    id: str  # "NER-USA/1a2b3c4d5e6f"
    dyad: str
    category: str
    type: str
    source: str
    target: str
    date: EventDate
    confidence: float
    source_count: int
    mentions: tuple[Mention, ...]
    date_conflicts: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()

    @property
    def iri(self) -> URIRef:
        return consolidated_iri(self.id)

    @property
    def outlets(self) -> list[str]:
        return sorted({m.witness for m in self.mentions})

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})

    @property
    def start(self) -> date | None:
        bounds = self.date.bounds()
        return bounds[0] if bounds else None


# ---------------------------------------------------------------------- IRIs


def consolidated_iri(ce_id: str) -> URIRef:
    """The node of a consolidated event: ``consolidated/NER-USA/1a2b3c4d5e6f``."""
    return CONSOLIDATED[iri_safe(ce_id)]


def consolidated_graph_iri(dyad: str) -> URIRef:
    """The named graph of a dyad's consolidated events and monthly scores."""
    return GRAPH["consolidated/" + iri_safe(dyad)]


def states_graph_iri(dyad: str) -> URIRef:
    """The named graph of a dyad's relationship states."""
    return GRAPH["states/" + iri_safe(dyad)]


def event_id_of(iri: str) -> str:
    """The event id of a mention IRI (``event/ART/abc`` → ``ART/abc``)."""
    return unquote(str(iri)[len(str(EVENT)) :]) if str(iri).startswith(str(EVENT)) else str(iri)


def dyad_of_consolidated(iri: str) -> str | None:
    """The dyad key in a consolidated event IRI, or None if it is not one."""
    text = str(iri)
    if not text.startswith(str(CONSOLIDATED)):
        return None
    return unquote(text[len(str(CONSOLIDATED)) :]).rsplit("/", 1)[0]


# ---------------------------------------------------------------------- the type scheme


@lru_cache(maxsize=1)
def type_categories() -> dict[str, str]:
    """Each event type of ontology/event-types.ttl and its category (``revoke_access`` → ``base_access``)."""
    graph = ontology_graph()
    found: dict[str, str] = {}
    for node in graph.subjects(RDF.type, KG.EventType):
        broader = graph.value(node, SKOS.broader)
        name = str(node)[len(str(KGT)) :]
        found[name] = str(broader)[len(str(KGT)) :] if broader is not None else name
    return found


@lru_cache(maxsize=1)
def default_intensities() -> dict[str, float]:
    graph = ontology_graph()
    return {str(s)[len(str(KGT)) :]: float(o) for s, o in graph.subject_objects(KG.intensity)}


def types_compatible(a: str, b: str) -> bool:
    """Whether two event types can describe the same happening."""
    if a == b or frozenset((a, b)) in COMPATIBLE_TYPES:
        return True
    cats = type_categories()
    for generic, other in ((a, b), (b, a)):
        if generic in GENERIC_TYPES and cats.get(other, GENERIC_TYPES[generic]) == GENERIC_TYPES[generic]:
            return True
    return False


def same_occasion(a: Mention, b: Mention) -> bool:
    """Whether two mentions, told in one sentence, are a call, meeting or visit and the agreement reached
    on it, or two parts of one statement (a condemnation and a demand) or of one diplomatic reprisal (an
    expulsion and a recall of the ambassador)."""
    if a.article != b.article or a.sentence != b.sentence or not a.sentence:
        return False
    types = {a.type, b.type}
    return bool(types & OCCASION_TYPES and types & AGREED_TYPES) or (
        (types <= STATEMENT_TYPES or types <= REPRISAL_TYPES)
        and a.category == b.category
        and (a.source, a.target) == (b.source, b.target)
    )


def _directed(m: Mention) -> bool:
    return m.type not in SYMMETRIC_TYPES and m.category not in UNDIRECTED_CATEGORIES


# ---------------------------------------------------------------------- corrections (pure)


def _new_date(value: str) -> EventDate:
    precision = {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")
    return EventDate(value=value, precision=precision, text="(corrected by an analyst)")  # type: ignore[arg-type]


def apply_mention_corrections(
    mentions: Iterable[Mention], corrections: Sequence[Correction]
) -> list[Mention]:
    """Mentions with the analysts' rejections and fixes of date, type and actor applied, oldest first."""
    found = sorted(mentions, key=lambda m: m.event)
    where: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(found):
        where[m.event].append(i)
    rejected: set[int] = set()
    cats = type_categories()
    for c in corrections:
        if c.action in ("merge", "split") or (c.on_consolidated and c.action != "actor"):
            continue  # merges, splits and fixes of a consolidated event act on the event, not its mentions
        if c.on_consolidated:  # its actor: rename the side in every mention it had
            renames = {
                old: new
                for old, new in ((c.previous_source, c.source), (c.previous_target, c.target))
                if old and new
            }
            for i in (i for event_id in c.mentions for i in where.get(event_id, ())):
                m = found[i]
                found[i] = replace(
                    m,
                    source=renames.get(m.source, m.source),
                    target=renames.get(m.target, m.target),
                    corrections=m.corrections + (c.id,),
                )
            continue
        for i in where.get(event_id_of(c.subject), ()):
            m = found[i]
            if c.action == "reject":
                rejected.add(i)
            elif c.action == "date" and c.value:
                m = replace(m, date=_new_date(c.value))
            elif c.action == "type" and c.value:
                m = replace(m, type=c.value, category=cats.get(c.value, m.category))
            elif c.action == "actor":
                m = replace(m, source=c.source or m.source, target=c.target or m.target)
            found[i] = replace(m, corrections=m.corrections + (c.id,))
    return [m for i, m in enumerate(found) if i not in rejected]


def _cannot_link(corrections: Sequence[Correction]) -> dict[str, set[str]]:
    """split CE EVENT: the mention never again shares an event with the other mentions CE had."""
    apart: dict[str, set[str]] = defaultdict(set)
    for c in corrections:
        if c.action == "split" and c.other:
            loner = event_id_of(c.other)
            for other in c.mentions:
                if other != loner:
                    apart[loner].add(other)
                    apart[other].add(loner)
    return apart


# ---------------------------------------------------------------------- clustering


class _Cluster:
    def __init__(self, first: Mention) -> None:
        self.members: list[Mention] = [first]
        self._date: tuple[EventDate, tuple[str, ...]] | None = None

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self._date = None

    @property
    def date(self) -> EventDate:
        if self._date is None:
            self._date = reconcile_date(self.members)
        return self._date[0]

    @property
    def witnesses(self) -> int:
        return len({m.witness for m in self.members})

    def articles(self) -> set[str]:
        return {m.article for m in self.members}

    def accepts(self, m: Mention, apart: dict[str, set[str]]) -> bool:
        """Type, direction and analysts' splits allow ``m`` to join (dates are checked by the caller)."""
        if any(o.event in apart.get(m.event, ()) for o in self.members):
            return False

        def alike(a: Mention, b: Mention) -> bool:
            return types_compatible(a.type, b.type) or same_occasion(a, b)

        # what was told on one occasion with a member ``m`` is alike to (the alliance agreed on a call another
        # outlet reports alone), or with ``m`` (the recall told with an expulsion others report), is no bar
        if not all(
            alike(m, o)
            or any(p is not o and same_occasion(o, p) and alike(m, p) for p in self.members)
            or any(same_occasion(m, p) and alike(p, o) for p in self.members)
            for o in self.members
        ):
            return False
        if _directed(m):
            return all((o.source, o.target) == (m.source, m.target) for o in self.members if _directed(o))
        return True


def _rank(m: Mention) -> tuple:
    """Order of processing: stated days first, then inferred days, months, years, undated."""
    precision = {"day": 0, "month": 2, "year": 4, "unknown": 6}[m.date.precision]
    strength = precision + (0 if m.stated or not m.date.known else 1)
    bounds = m.date.bounds()
    return (strength, bounds[0] if bounds else date.max, m.event)


def _days_apart(a: EventDate, b: EventDate) -> int | None:
    if a.precision != "day" or b.precision != "day" or a.end or b.end:
        return None
    return abs((date.fromisoformat(a.value) - date.fromisoformat(b.value)).days)  # type: ignore[arg-type]


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _month_of(d: EventDate) -> EventDate:
    return EventDate(value=d.value[:7], precision="month") if d.value and len(d.value) >= 7 else d  # type: ignore


def _pick(candidates: list[_Cluster], m: Mention) -> _Cluster | None:
    """The one cluster a mention joins, or None when the choice is ambiguous."""
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    if m.date.precision == "day":  # nearest day, then best attested

        def key(c: _Cluster) -> tuple:
            apart = _days_apart(m.date, c.date)
            return (apart if apart is not None else 99, -c.witnesses)

        ranked = sorted(candidates, key=key)
        return ranked[0] if key(ranked[0]) != key(ranked[1]) else None
    # a coarse date inside several events: the best attested one, if it clearly is
    ranked = sorted(candidates, key=lambda c: -c.witnesses)
    return ranked[0] if ranked[0].witnesses > ranked[1].witnesses else None


def _only_recent(fits: list[_Cluster], published: date) -> _Cluster | None:
    """The one dated cluster an undated mention can mean: the nearest horizon holding any decides."""
    for horizon in HORIZONS:
        window = (published - horizon, published + timedelta(days=1))
        near = [c for c in fits if c.date.known and _overlap(c.date.bounds(), window)]
        if near:
            return near[0] if len(near) == 1 else None
    return None


def _undated_home(fits: list[_Cluster], m: Mention) -> _Cluster | None:
    """The event an undated mention joins: the one of its own article, else the only recent one."""
    same_article = [c for c in fits if m.article in c.articles()]
    if same_article:
        return same_article[0] if len(same_article) == 1 else None
    return _only_recent(fits, m.published) if m.published is not None else None


def cluster_mentions(
    mentions: Sequence[Mention], apart: dict[str, set[str]] | None = None
) -> list[list[Mention]]:
    """Group one dyad's asserted mentions into real-world events (see the module docstring)."""
    apart = apart or {}
    clusters: list[_Cluster] = []
    for m in sorted(mentions, key=_rank):
        fits = [c for c in clusters if c.accepts(m, apart)]
        chosen: _Cluster | None = None
        if m.date.known:
            span = m.date.bounds()
            if m.date.precision == "day":
                near = [c for c in fits if (d := _days_apart(m.date, c.date)) is not None and d <= 1]
                chosen = _pick(near, m)
                if chosen is None and not near and not m.stated:
                    # an inferred day is only as good as its month
                    month = _month_of(m.date).bounds()
                    chosen = _pick([c for c in fits if c.date.known and _overlap(c.date.bounds(), month)], m)
            else:
                chosen = _pick([c for c in fits if c.date.known and _overlap(c.date.bounds(), span)], m)
        else:
            chosen = _undated_home(fits, m)
        if chosen is None:
            clusters.append(_Cluster(m))
        else:
            chosen.add(m)
    return [sorted(c.members, key=lambda m: m.event) for c in _with_companions(clusters, apart)]


def _with_companions(clusters: list[_Cluster], apart: dict[str, set[str]]) -> list[_Cluster]:
    """The clusters with each one whose every mention was told on one occasion with a mention of another
    cluster, and fits it, moved into that one (a recall read before the expulsion told with it)."""
    out = list(clusters)
    for c in clusters:
        home = next(
            (
                d
                for d in out
                if d is not c
                and all(
                    d.accepts(m, apart) and any(same_occasion(m, p) for p in d.members) for m in c.members
                )
            ),
            None,
        )
        if home is not None:
            for m in c.members:
                home.add(m)
            out.remove(c)
    return out


# ---------------------------------------------------------------------- reconciling


def reconcile_date(mentions: Sequence[Mention]) -> tuple[EventDate, tuple[str, ...]]:
    """The most precise date the mentions support, and the mention dates that disagree with it.

    Stated dates outvote inferred ones; among dates of the best precision, the one the most
    outlets give wins (ties: the earliest).
    """
    dated = [m for m in mentions if m.date.known]
    if not dated:
        return EventDate(), ()
    pool = [m for m in dated if m.stated] or dated
    chosen: EventDate | None = None
    for precision in ("day", "month", "year"):
        votes: dict[str, set[str]] = defaultdict(set)
        for m in pool:
            if m.date.precision == precision and not m.date.end:
                votes[m.date.value].add(m.witness)  # type: ignore[index]
        if votes:
            value = sorted(votes, key=lambda v: (-len(votes[v]), v))[0]
            chosen = EventDate(value=value, precision=precision)  # type: ignore[arg-type]
            break
    if chosen is None:  # only ranges
        chosen = min((m.date for m in pool), key=lambda d: d.bounds())  # type: ignore[arg-type, return-value]
        chosen = EventDate(value=chosen.value, precision=chosen.precision, end=chosen.end)
    span = chosen.bounds()
    conflicts = sorted({m.date.value for m in dated if not _overlap(m.date.bounds(), span)})  # type: ignore[misc]
    return chosen, tuple(conflicts)


def _majority_type(mentions: Sequence[Mention]) -> str:
    """The type most outlets give; a specific type beats a vague one (deteriorating_relations …)."""
    votes: dict[str, set[str]] = defaultdict(set)
    weight: Counter[str] = Counter()
    for m in mentions:
        votes[m.type].add(m.witness)
        weight[m.type] += m.confidence
    return sorted(votes, key=lambda t: (t in GENERIC_TYPES, -len(votes[t]), -weight[t], t))[0]


def _majority_direction(mentions: Sequence[Mention]) -> tuple[str, str]:
    directed = [m for m in mentions if _directed(m)] or list(mentions)
    votes: dict[tuple[str, str], set[str]] = defaultdict(set)
    weight: Counter[tuple[str, str]] = Counter()
    for m in directed:
        votes[(m.source, m.target)].add(m.witness)
        weight[(m.source, m.target)] += m.confidence
    return sorted(votes, key=lambda d: (-len(votes[d]), -weight[d], d))[0]


def combined_confidence(mentions: Sequence[Mention]) -> float:
    """1 − Π(1 − c) over independent sources, each counted once with its best mention."""
    best: dict[str, float] = {}
    for m in mentions:
        best[m.witness] = max(best.get(m.witness, 0.0), m.confidence)
    return round(1.0 - math.prod(1.0 - c for c in best.values()), 4)


def _ce_id(dyad: str, mentions: Sequence[Mention]) -> str:
    anchor = min(m.event for m in mentions)
    return f"{dyad}/{hashlib.sha1(anchor.encode('utf-8')).hexdigest()[:12]}"


def build_event(mentions: Sequence[Mention]) -> ConsolidatedEvent:
    """One consolidated event from the mentions of one real-world event."""
    type_ = _majority_type(mentions)
    category = Counter(m.category for m in mentions if m.type == type_).most_common(1)[0][0]
    source, target = _majority_direction(mentions)
    when, conflicts = reconcile_date(mentions)
    dyad = dyad_key(source, target)
    applied = tuple(sorted({c for m in mentions for c in m.corrections}))
    return ConsolidatedEvent(
        id=_ce_id(dyad, mentions),
        dyad=dyad,
        category=category,
        type=type_,
        source=source,
        target=target,
        date=when,
        confidence=combined_confidence(mentions),
        source_count=len({m.witness for m in mentions}),
        mentions=tuple(sorted(mentions, key=lambda m: m.event)),
        date_conflicts=conflicts,
        corrections=applied,
    )


def _touches(members: Sequence[Mention], ce_iri: str, snapshot: Iterable[str]) -> bool:
    ids = {m.event for m in members}
    return bool(ids & set(snapshot)) or (
        bool(members)
        and str(consolidated_iri(_ce_id(dyad_key(members[0].source, members[0].target), members))) == ce_iri
    )


def consolidate(
    mentions: Iterable[Mention], corrections: Sequence[Correction] = ()
) -> list[ConsolidatedEvent]:
    """Group asserted mentions of the same real-world event, applying the analysts' corrections.

    >>> [ce.source_count for ce in consolidate(mentions)]
    [4, 1, 3]
    """
    active = sorted((c for c in corrections if not c.revoked), key=lambda c: (c.at, c.id))
    corrected = apply_mention_corrections(mentions, active)
    asserted = [m for m in corrected if m.status == "asserted"]
    apart = _cannot_link(active)
    by_dyad: dict[str, list[Mention]] = defaultdict(list)
    for m in asserted:
        by_dyad[m.dyad].append(m)
    groups: list[list[Mention]] = []
    for dyad in sorted(by_dyad):
        groups.extend(cluster_mentions(by_dyad[dyad], apart))
    groups = _apply_merges(groups, active)
    events = [build_event(g) for g in groups if g]
    events = _apply_event_corrections(events, active)
    return sorted(events, key=lambda e: (e.dyad, e.start or date.max, e.type, e.id))


def _apply_merges(groups: list[list[Mention]], active: Sequence[Correction]) -> list[list[Mention]]:
    for i, c in enumerate(active):
        if c.action != "merge" or not c.other:
            continue
        later_splits = {event_id_of(s.other) for s in active[i + 1 :] if s.action == "split" and s.other}
        left = [g for g in groups if _touches(g, c.subject, set(c.mentions) - later_splits)]
        right = [g for g in groups if _touches(g, c.other, set(c.other_mentions) - later_splits)]
        chosen = {id(g) for g in left + right}
        if not left or not right or len({dyad_key(g[0].source, g[0].target) for g in left + right}) != 1:
            continue
        merged = sorted((m for g in left + right for m in g), key=lambda m: m.event)
        merged = [replace(m, corrections=m.corrections + (c.id,)) for m in merged]
        groups = [g for g in groups if id(g) not in chosen] + [merged]
    return groups


def _apply_event_corrections(
    events: list[ConsolidatedEvent], active: Sequence[Correction]
) -> list[ConsolidatedEvent]:
    cats = type_categories()
    for c in active:
        if not c.on_consolidated or c.action not in ("reject", "date", "type"):
            continue
        hit = [
            e for e in events if str(e.iri) == c.subject or {m.event for m in e.mentions} & set(c.mentions)
        ]
        for e in hit:
            events.remove(e)
            if c.action == "reject":
                continue
            if c.action == "date" and c.value:
                when = _new_date(c.value)
                conflicts = tuple(
                    sorted(
                        {
                            m.date.value
                            for m in e.mentions  # type: ignore[misc]
                            if m.date.known and not _overlap(m.date.bounds(), when.bounds())
                        }
                    )
                )
                e = replace(e, date=when, date_conflicts=conflicts)
            elif c.action == "type" and c.value:
                e = replace(e, type=c.value, category=cats.get(c.value, e.category))
            events.append(replace(e, corrections=tuple(sorted(set(e.corrections) | {c.id}))))
    return events


# ---------------------------------------------------------------------- RDF


def consolidated_triples(graph: Triples, event: ConsolidatedEvent) -> None:
    """Add one consolidated event's triples to ``graph``."""
    node, dyad = event.iri, DYAD[iri_safe(event.dyad)]
    add = graph.add
    add((node, RDF.type, KG.ConsolidatedEvent))
    add(
        (
            node,
            RDFS.label,
            Literal(
                f"{event.type.replace('_', ' ')}: {event.source} → {event.target}, "
                f"{event.date.value or 'date unknown'}"
            ),
        )
    )
    add((node, KG.dyad, dyad))
    add((dyad, RDF.type, KG.Dyad))
    add((dyad, KG.hasConsolidatedEvent, node))
    add((node, KG.category, KGT[event.category]))
    add((node, KG.eventType, KGT[iri_safe(event.type)]))
    add((node, KG.sourceState, state_iri(event.source)))
    add((node, KG.targetState, state_iri(event.target)))
    literal = date_literal(event.date)
    if literal is not None:
        add((node, KG.date, literal))
        first, last = event.date.bounds()  # type: ignore[misc]
        add((node, KG.dateStart, day_literal(first)))
        add((node, KG.dateEnd, day_literal(last)))
    add(
        (
            node,
            KG.datePrecision,
            {
                "day": KG.DayPrecision,
                "month": KG.MonthPrecision,
                "year": KG.YearPrecision,
                "unknown": KG.UnknownPrecision,
            }[event.date.precision],
        )
    )
    for value in event.date_conflicts:
        add((node, KG.dateConflict, date_literal(_new_date(value))))  # type: ignore[arg-type]
    add((node, KG.confidence, double_literal(event.confidence)))
    add((node, KG.sourceCount, integer_literal(event.source_count)))
    add((node, KG.mentionCount, integer_literal(len(event.mentions))))
    for m in event.mentions:
        add((node, KG.mention, m.iri))
        add((node, PROV.wasDerivedFrom, m.iri))
    for cid in event.corrections:
        add((node, KG.correctedBy, CORRECTION[iri_safe(cid)]))


def consolidated_graph(
    dyad: str, events: Sequence[ConsolidatedEvent], scores: Sequence[MonthlyScore] = ()
) -> Triples:
    """The graph graph/consolidated/A-B: the dyad's consolidated events and monthly scores."""
    graph: Triples = set()
    graph.add((DYAD[iri_safe(dyad)], RDF.type, KG.Dyad))
    for event in events:
        consolidated_triples(graph, event)
    for score in scores:
        score_triples(graph, dyad, score)
    return graph


# ---------------------------------------------------------------------- the store edge

_MENTIONS = """
SELECT DISTINCT ?dyad ?event ?date ?dateEnd ?precision ?dateText ?category ?type ?sourceState ?targetState
       ?status ?confidence ?sentence ?trigger ?filled ?articleId ?outlet ?published ?url ?title
WHERE {
  %s
  ?event kg:category ?categoryNode ;
         kg:eventType ?typeNode ;
         kg:sourceState ?sourceState ;
         kg:targetState ?targetState ;
         kg:datePrecision ?precisionNode ;
         kg:status ?statusNode ;
         kg:confidence ?confidence ;
         kg:evidence ?evidence ;
         prov:wasDerivedFrom ?article .
  ?evidence kg:sentence ?sentence ; kg:trigger ?trigger .
  ?article kg:articleId ?articleId .
  OPTIONAL { ?evidence kg:filled ?filled }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:dateText ?dateText }
  OPTIONAL { ?event kg:dateEnd ?dateEnd }
  OPTIONAL { ?article kg:outlet ?outlet }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
  OPTIONAL { ?article schema:headline ?title }
  BIND(STRAFTER(STR(?categoryNode), "https://w3id.org/kg/type/") AS ?category)
  BIND(STRAFTER(STR(?typeNode), "https://w3id.org/kg/type/") AS ?type)
  BIND(LCASE(STRBEFORE(STRAFTER(STR(?precisionNode), "#"), "Precision")) AS ?precision)
  BIND(LCASE(STRAFTER(STR(?statusNode), "#")) AS ?status)
}
"""  # plain SPARQL 1.1 (no LATERAL): the dyads or the ids arrive as VALUES, so any endpoint runs it; ?dyad
# is unbound when the ids do


def _code(term: object) -> str:
    text = str(term)
    return unquote(text.rsplit("/", 1)[-1])


def _range_end(value: str | None, last_day: object) -> str | None:
    """The end of a stored range ("in the spring": 2024-03 to 2024-05) at its start's precision, from its
    last day (kg:dateEnd); None when the date is no range (its last day is its own value's)."""
    if value is None or last_day is None:
        return None
    end = str(last_day)[: len(value)]
    return end if end > value else None


def _mentions_from(rows: list[dict]) -> list[Mention]:
    found: dict[str, Mention] = {}
    for r in rows:
        event = event_id_of(str(r["event"]))
        value, precision = (str(r["date"]) if r.get("date") is not None else None), str(r["precision"])
        when = EventDate(
            value=value,
            precision=precision if value else "unknown",  # type: ignore[arg-type]
            text=str(r["dateText"]) if r.get("dateText") is not None else None,
            end=_range_end(value, r.get("dateEnd")),
        )
        published = r.get("published")
        found[event] = Mention(
            event=event,
            article=str(r["articleId"]),
            category=str(r["category"]),
            type=str(r["type"]),
            source=_code(r["sourceState"]),
            target=_code(r["targetState"]),
            date=when,
            status=str(r["status"]),
            confidence=float(r["confidence"]),
            outlet=str(r["outlet"]) if r.get("outlet") is not None else None,
            published=date.fromisoformat(str(published)) if published is not None else None,
            sentence=str(r["sentence"]),
            trigger=str(r["trigger"]),
            filled=str(r["filled"]) if r.get("filled") is not None else None,
            url=str(r["url"]) if r.get("url") is not None else None,
            title=str(r["title"]) if r.get("title") is not None else None,
        )
    return [found[k] for k in sorted(found)]


def read_mentions(kg: KnowledgeGraph, dyad: str) -> list[Mention]:
    """Every stored mention (all statuses) of one dyad, as the articles' graphs hold them."""
    return read_dyads_mentions(kg, [dyad])[dyad]


def read_dyads_mentions(kg: KnowledgeGraph, dyads: Iterable[str]) -> dict[str, list[Mention]]:
    """Every stored mention of each dyad (an empty list for a dyad without any), read in one query."""
    iris = {str(DYAD[iri_safe(d)]): d for d in dyads}
    rows: dict[str, list[dict]] = {d: [] for d in iris.values()}
    if iris:
        values = " ".join(f"<{iri}>" for iri in sorted(iris))
        for r in kg.query(_MENTIONS % f"VALUES ?dyad {{ {values} }} ?dyad kg:hasEvent ?event .").records():
            rows[iris[str(r["dyad"])]].append(r)
    return {d: _mentions_from(found) for d, found in rows.items()}


def read_mentions_by_id(kg: KnowledgeGraph, event_ids: Iterable[str]) -> list[Mention]:
    """The stored mentions with these event ids (unknown ids are skipped)."""
    ids = sorted(set(event_ids))
    if not ids:
        return []
    values = " ".join(f"<{event_iri(i)}>" for i in ids)
    result = kg.query(_MENTIONS % f"VALUES ?event {{ {values} }}")
    return _mentions_from(result.records())


def read_intensities(kg: KnowledgeGraph) -> dict[str, float]:
    """The kg:intensity of every event type, from the ontology graph (or ontology/ when not stored)."""
    result = kg.query("SELECT DISTINCT ?type ?intensity WHERE { ?type kg:intensity ?intensity }")
    found = {str(t)[len(str(KGT)) :]: float(i) for t, i in result.rows if str(t).startswith(str(KGT))}
    return found or dict(default_intensities())


_CORRECTIONS = """
SELECT ?c ?action ?subject ?date ?type ?source ?target ?previousSource ?previousTarget ?other ?by ?at ?reason
       ?revoked
WHERE {
  GRAPH ?g {
    ?c a kg:Correction ; kg:action ?action ; kg:subject ?subject ; prov:generatedAtTime ?at .
    OPTIONAL { ?c kg:newDate ?date }
    OPTIONAL { ?c kg:newType ?type }
    OPTIONAL { ?c kg:newSourceState ?source }
    OPTIONAL { ?c kg:newTargetState ?target }
    OPTIONAL { ?c kg:previousSourceState ?previousSource }
    OPTIONAL { ?c kg:previousTargetState ?previousTarget }
    OPTIONAL { ?c kg:object ?other }
    OPTIONAL { ?c prov:wasAttributedTo ?agent . OPTIONAL { ?agent rdfs:label ?by } }
    OPTIONAL { ?c kg:reason ?reason }
    OPTIONAL { ?c kg:revoked ?revoked }
  }
}
"""
_SNAPSHOTS = """
SELECT ?c ?role ?mention WHERE {
  GRAPH ?g { { ?c kg:subjectMention ?mention BIND("subject" AS ?role) }
             UNION { ?c kg:objectMention ?mention BIND("object" AS ?role) } }
}
"""


def read_corrections(kg: KnowledgeGraph) -> list[Correction]:
    """Every correction in graph/corrections (revoked ones too), oldest first."""
    rows = kg.query(_CORRECTIONS, {"g": CORRECTIONS_GRAPH}).records()
    if not rows:
        return []
    snapshots: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c, role, mention in kg.query(_SNAPSHOTS, {"g": CORRECTIONS_GRAPH}).rows:
        snapshots[(str(c), str(role))].add(event_id_of(str(mention)))
    found: dict[str, Correction] = {}
    for r in rows:
        iri = str(r["c"])

        def opt(name: str, row: dict = r) -> str | None:
            return None if row.get(name) is None else str(row[name])

        value = opt("date") or (str(r["type"])[len(str(KGT)) :] if r.get("type") is not None else None)
        found[iri] = Correction(
            id=unquote(iri[len(str(CORRECTION)) :]),
            action=str(r["action"]),
            subject=str(r["subject"]),
            value=value,
            source=_code(r["source"]) if r.get("source") else None,
            target=_code(r["target"]) if r.get("target") else None,
            previous_source=_code(r["previousSource"]) if r.get("previousSource") else None,
            previous_target=_code(r["previousTarget"]) if r.get("previousTarget") else None,
            other=opt("other"),
            mentions=tuple(sorted(snapshots[(iri, "subject")])),
            other_mentions=tuple(sorted(snapshots[(iri, "object")])),
            by=opt("by") or "",
            at=str(r["at"]),
            reason=opt("reason"),
            revoked=str(r.get("revoked")).lower() == "true",
        )
    return sorted(found.values(), key=lambda c: (c.at, c.id))


def stored_dyads(kg: KnowledgeGraph, article_ids: Iterable[str] | None = None) -> set[str]:
    """The dyads the stored articles (all, or the given ones) have events in."""
    if article_ids is None:
        return _dyads(kg, "SELECT DISTINCT ?d WHERE { ?d kg:hasEvent ?e }")
    found: set[str] = set()
    for article in article_ids:
        in_article = "SELECT DISTINCT ?d WHERE { GRAPH ?g { ?d kg:hasEvent ?e } }"
        found |= _dyads(kg, in_article, {"g": article_graph_iri(article)})
    return found


def unconsolidated_dyads(kg: KnowledgeGraph) -> set[str]:
    """Dyads with stored events but no consolidated graph or no kg:timelineLine summaries: a store
    written by an older kg (before consolidation, or before the summaries' edge, timeline and
    mention lines of 2026-12-07), which `kg ingest` and `kg load-shards` bring up to date."""
    present = {str(g) for g in kg.list_graphs()}
    # one kg:Dyad triple per article and pair: far fewer than the kg:hasEvent links
    dyads = _dyads(kg, "SELECT DISTINCT ?d WHERE { ?d a kg:Dyad }")
    # a summary graph has kg:sideKey (since 2026-11-24) and kg:timelineLine (since 2026-12-07); asked
    # from the few kg:sideKey values, not the many kg:Dyad triples (0.6 s instead of 5.4 s at 1M events)
    keyed = _dyads(kg, "SELECT DISTINCT ?d WHERE { ?d kg:sideKey ?key }")
    stale = _dyads(
        kg, "SELECT DISTINCT ?d WHERE { ?d kg:sideKey ?key FILTER NOT EXISTS { ?d kg:timelineLine ?l } }"
    )
    unconsolidated = {d for d in dyads if str(consolidated_graph_iri(d)) not in present}
    return unconsolidated | stale | (dyads - keyed)


def _dyads(kg: KnowledgeGraph, sparql: str, bindings: dict | None = None) -> set[str]:
    """The dyad keys ("NER-USA") of a query's first column of dyad IRIs."""
    return {unquote(str(row[0])[len(str(DYAD)) :]) for row in kg.query(sparql, bindings).rows}


@dataclass
class ConsolidationReport:
    """What one consolidation run wrote."""

    dyads: int = 0
    mentions: int = 0
    events: int = 0
    states: int = 0
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.mentions} asserted mentions → {self.events} consolidated events "
            f"in {self.dyads} dyads, {self.states} relationship states"
        )


def consolidate_dyads(kg: KnowledgeGraph, dyads: Iterable[str]) -> ConsolidationReport:
    """Re-consolidate the given dyads from the store, replacing their consolidated and states graphs.

    >>> consolidate_dyads(kg, ["NER-USA"]).summary()
    '53 asserted mentions → 21 consolidated events in 1 dyads, 9 relationship states'
    """
    report = ConsolidationReport()
    wanted = sorted(set(dyads))
    if not wanted:
        return report
    corrections = read_corrections(kg)
    intensities = read_intensities(kg)
    moved_ids = {event_id_of(c.subject) for c in corrections if c.action == "actor" and not c.on_consolidated}
    moved_ids |= {m for c in corrections if c.action == "actor" and c.on_consolidated for m in c.mentions}
    moved = read_mentions_by_id(kg, moved_ids)
    for start in range(0, len(wanted), DYADS_PER_UPDATE):
        chunk = wanted[start : start + DYADS_PER_UPDATE]
        graphs: dict[URIRef, Triples] = {}
        for dyad, stored in read_dyads_mentions(kg, chunk).items():
            pool = {m.event: m for m in stored + moved}
            events = [e for e in consolidate(pool.values(), corrections) if e.dyad == dyad]
            if not stored and not events:
                graphs |= {g: set() for g in derived_graph_iris(dyad)}  # an empty graph: removed
                report.removed.append(dyad)
                continue
            scores = monthly_scores(events, intensities)
            states = derive_states(events)
            consolidated, states_iri, summary = derived_graph_iris(dyad)
            graphs[consolidated] = consolidated_graph(dyad, events, scores)
            graphs[states_iri] = states_graph(dyad, states)
            graphs[summary] = summary_graph(dyad, stored, intensities)  # kg/summaries.py
            report.dyads += 1
            report.mentions += sum(len(e.mentions) for e in events)
            report.events += len(events)
            report.states += len(states)
        kg.replace_graphs(graphs)
    return report


def derived_graph_iris(dyad: str) -> tuple[URIRef, URIRef, URIRef]:
    """The graphs consolidation derives for a dyad: its consolidated events, its states, its summaries."""
    return consolidated_graph_iri(dyad), states_graph_iri(dyad), summary_graph_iri(dyad)
