"""Relationship states and monthly scores, derived from a dyad's consolidated events (pure).

A relationship state is where one relation of a dyad stands over a period, with the
consolidated events that justify it. The transitions are data (``RULES``): an event of a
type moves a relation to a state, but only from the states listed in ``after`` (an
``access_used`` report does not undo a revocation); an event that confirms the current
state is cited by it. A withdrawal or handover is ``withdrawing`` until the last one of
its run (no other withdrawal within ``RUN_GAP``) after a decision to leave (a revocation
or an agreed withdrawal): that one ``completed`` the withdrawal.

    states = derive_states(consolidate(mentions))
    scores = monthly_scores(consolidate(mentions), {"revoke_access": -7.0, …})

The monthly score of a pair sums the kg:intensity of the types of its consolidated events
dated to a day or a month, each counted once; turning points are the months where the
3-month rolling score changes sign or moves by more than ``threshold``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef

from kg.dates import month_range
from kg.model import BASE, DYAD, KG, PROV
from kg.rdf import Triples, day_literal, double_literal, integer_literal, iri_safe, state_iri, typed_literal

if TYPE_CHECKING:
    from kg.consolidate import ConsolidatedEvent

STATE = Namespace(BASE + "state/")
SCORE = Namespace(BASE + "score/")

RELATIONS = ("military_partnership", "basing_access", "diplomatic_relations")
NONE = "none"
# The order of the states of each relation: on one day, changes apply in this order.
STAGES: dict[str, tuple[str, ...]] = {
    "basing_access": ("active", "revoked", "withdrawal_agreed", "withdrawing", "completed"),
    "military_partnership": ("active", "suspended", "ended"),
    "diplomatic_relations": ("normal", "downgraded", "ambassador_expelled"),
}
MILITARY_WORDS = frozenset(
    {
        "military",
        "defence",
        "defense",
        "security",
        "troops",
        "forces",
        "army",
        "soldiers",
        "training",
        "arms",
        "weapons",
        "armed",
        "counter",
        "counterterrorism",
        "operations",
    }
)
DIPLOMAT_WORDS = frozenset(
    {
        "ambassador",
        "ambassadors",
        "envoy",
        "envoys",
        "diplomat",
        "diplomats",
        "chargé",
        "embassy",
        "consul",
        "attaché",
        "accreditation",
    }
)
RUN_GAP = timedelta(days=180)
WITHDRAWALS = frozenset({"withdrawal", "handover"})
DECISIONS = frozenset({"revoke_access", "withdrawal_announced", "end_agreement"})


@dataclass(frozen=True)
class Rule:
    """An event of ``type`` (and ``category``) moves ``relation`` to ``state`` from one of ``after``."""

    type: str
    relation: str
    state: str
    after: frozenset[str]
    needs: frozenset[str] = frozenset()  # one of these words must be in a sentence reporting it
    category: str | None = None


def _rule(
    type_: str,
    relation: str,
    state: str,
    after: Iterable[str],
    needs: Iterable[str] = (),
    category: str | None = None,
) -> Rule:
    return Rule(type_, relation, state, frozenset(after), frozenset(needs), category)


# A withdrawal while access stands undisputed is a drawdown or a rotation, not the end of access.
_LEAVING = (NONE, "revoked", "withdrawal_agreed", "withdrawing")
RULES: tuple[Rule, ...] = (
    # basing access: the host is the source of base_access events (shared/eval/FORMAT.md)
    _rule("access_granted", "basing_access", "active", (NONE, "revoked", "withdrawal_agreed", "completed")),
    _rule("access_used", "basing_access", "active", (NONE,)),
    _rule("revoke_access", "basing_access", "revoked", (NONE, "active", "withdrawing")),
    _rule(
        "end_agreement", "basing_access", "revoked", (NONE, "active", "withdrawing"), category="base_access"
    ),
    _rule(
        "withdrawal_announced",
        "basing_access",
        "withdrawal_agreed",
        (NONE, "active", "revoked", "withdrawing"),
    ),
    _rule("withdrawal", "basing_access", "withdrawing", _LEAVING),
    _rule("handover", "basing_access", "withdrawing", _LEAVING),
    # military partnership: routine cooperation shows one exists; only a new pact restarts an ended one
    _rule("military_training", "military_partnership", "active", (NONE, "suspended")),
    _rule("arms_transfer", "military_partnership", "active", (NONE, "suspended")),
    _rule("military_cooperation", "military_partnership", "active", (NONE, "suspended")),
    _rule("alliance", "military_partnership", "active", (NONE, "suspended", "ended")),
    _rule("join_alliance", "military_partnership", "active", (NONE, "suspended", "ended")),
    _rule("agreement", "military_partnership", "active", (NONE, "suspended", "ended"), needs=MILITARY_WORDS),
    _rule("suspension", "military_partnership", "suspended", (NONE, "active"), needs=MILITARY_WORDS),
    _rule(
        "end_agreement", "military_partnership", "ended", (NONE, "active", "suspended"), needs=MILITARY_WORDS
    ),
    _rule("revoke_access", "military_partnership", "ended", (NONE, "active", "suspended")),
    # diplomatic relations
    _rule("recall_ambassador", "diplomatic_relations", "downgraded", (NONE, "normal")),
    _rule(
        "expulsion",
        "diplomatic_relations",
        "ambassador_expelled",
        (NONE, "normal", "downgraded"),
        needs=DIPLOMAT_WORDS,
    ),
    _rule("restore_relations", "diplomatic_relations", "normal", (NONE, "downgraded", "ambassador_expelled")),
)
COMPLETED = _rule("withdrawal", "basing_access", "completed", _LEAVING)


@dataclass(frozen=True)
class RelationshipState:
    """Where one relation of a dyad stood from ``valid_from`` to ``valid_until`` (None: still does)."""

    dyad: str
    relation: str
    state: str
    valid_from: date
    valid_until: date | None
    changed_by: str  # IRI of the consolidated event that started the state
    since: str  # that event's date as precise as known (2024-03 or 2024-03-16)
    events: tuple[str, ...]  # IRIs of every consolidated event that justifies the state
    host: str | None = None  # basing access: the host state and the foreign state
    guest: str | None = None
    sequence: int = 0

    @property
    def iri(self) -> URIRef:
        return STATE[f"{iri_safe(self.dyad)}/{self.relation}/{self.sequence}"]


@dataclass(frozen=True)
class MonthlyScore:
    """The relationship score of a dyad in one month and its 3-month rolling sum."""

    month: str  # YYYY-MM
    score: float
    rolling: float
    cooperation: int  # events of positive intensity
    tension: int  # events of negative intensity
    events: tuple[str, ...] = ()  # IRIs of the consolidated events counted
    turning_point: str | None = None  # "sign" or "jump" when the month is a turning point


# ---------------------------------------------------------------------- states


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-zà-ÿ]+", text.lower()))


def _matches(rule: Rule, event: ConsolidatedEvent) -> bool:
    if rule.type != event.type or (rule.category and rule.category != event.category):
        return False
    return not rule.needs or any(rule.needs & _words(m.sentence) for m in event.mentions)


def _completions(events: Sequence[ConsolidatedEvent]) -> set[str]:
    """The withdrawals that end a run of withdrawals preceded by a decision to leave."""
    leaving = [e for e in events if e.type in WITHDRAWALS and e.start]
    decisions = [e.start for e in events if e.type in DECISIONS and e.start]
    grants = [e.start for e in events if e.type == "access_granted" and e.start]
    done = set()
    for w in leaving:
        last_grant = max((g for g in grants if g <= w.start), default=date.min)  # type: ignore[operator]
        decided = any(last_grant <= d <= w.start for d in decisions)  # type: ignore[operator]
        later = any(w.start < o.start <= w.start + RUN_GAP for o in leaving if o is not w)  # type: ignore[operator]
        if decided and not later:
            done.add(w.id)
    return done


def _roles(events: Sequence[ConsolidatedEvent]) -> tuple[str | None, str | None]:
    """Host and guest of a dyad's basing: the source of most base_access reports is the host."""
    votes: dict[tuple[str, str], int] = defaultdict(int)
    for e in events:
        if e.category == "base_access":
            votes[(e.source, e.target)] += e.source_count
    if not votes:
        return None, None
    return sorted(votes, key=lambda k: (-votes[k], k))[0]


def derive_states(
    events: Sequence[ConsolidatedEvent], rules: Sequence[Rule] = RULES
) -> list[RelationshipState]:
    """The states of each relation of a dyad over time, each citing the events that justify it."""
    dated = [e for e in events if e.start is not None]
    if not dated:
        return []
    dyad = dated[0].dyad
    complete = _completions(dated)
    host, guest = _roles(dated)
    found: list[RelationshipState] = []
    for relation in RELATIONS:
        stage = {s: i for i, s in enumerate(STAGES[relation])}
        steps: list[tuple[date, int, ConsolidatedEvent, Rule]] = []
        for e in dated:
            for rule in rules:
                if rule.relation == relation and _matches(rule, e):
                    if relation == "basing_access" and e.id in complete and rule.type in WITHDRAWALS:
                        rule = Rule(rule.type, relation, "completed", COMPLETED.after)
                    steps.append((e.start, stage[rule.state], e, rule))  # type: ignore[arg-type]
        steps.sort(key=lambda s: (s[0], s[1], s[2].id))
        periods: list[dict] = []
        for day, _, event, rule in steps:
            current = periods[-1] if periods else None
            state = current["state"] if current else NONE
            if rule.state == state:
                current["events"].append(str(event.iri))  # type: ignore[index]
                continue
            if state not in rule.after:
                continue
            if current and current["from"] == day:
                # two changes on one day: the later stands, justified by its own event only (training
                # reported in the month the partnership ended does not justify the end)
                current.update(state=rule.state, by=event, events=[str(event.iri)])
                continue
            periods.append({"state": rule.state, "from": day, "by": event, "events": [str(event.iri)]})
        for n, period in enumerate(periods):
            until = periods[n + 1]["from"] - timedelta(days=1) if n + 1 < len(periods) else None
            basing = relation == "basing_access"
            found.append(
                RelationshipState(
                    dyad=dyad,
                    relation=relation,
                    state=period["state"],
                    valid_from=period["from"],
                    valid_until=until,
                    changed_by=str(period["by"].iri),
                    since=period["by"].date.value or period["from"].isoformat(),
                    events=tuple(dict.fromkeys(period["events"])),
                    host=host if basing else None,
                    guest=guest if basing else None,
                    sequence=n + 1,
                )
            )
    return found


def states_graph(dyad: str, states: Sequence[RelationshipState]) -> Triples:
    """The graph graph/states/A-B: the dyad's kg:RelationshipState nodes."""
    graph: Triples = set()
    add = graph.add
    for s in states:
        node = s.iri
        add((node, RDF.type, KG.RelationshipState))
        add(
            (
                node,
                RDFS.label,
                Literal(
                    f"{s.relation.replace('_', ' ')} {s.dyad}: {s.state.replace('_', ' ')} from {s.since}"
                ),
            )
        )
        add((node, KG.dyad, DYAD[iri_safe(dyad)]))
        add((node, KG.relation, Literal(s.relation)))
        add((node, KG.state, Literal(s.state)))
        add((node, KG.validFrom, day_literal(s.valid_from)))
        if s.valid_until is not None:
            add((node, KG.validUntil, day_literal(s.valid_until)))
        add((node, KG.sequence, integer_literal(s.sequence)))
        add((node, KG.changedBy, URIRef(s.changed_by)))
        for event in s.events:
            add((node, PROV.wasDerivedFrom, URIRef(event)))
        if s.host:
            add((node, KG.host, state_iri(s.host)))
        if s.guest:
            add((node, KG.guest, state_iri(s.guest)))
    return graph


# ---------------------------------------------------------------------- scores


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def monthly_scores(
    events: Sequence[ConsolidatedEvent],
    intensities: Mapping[str, float],
    *,
    window: int = 3,
    threshold: float = 10.0,
    level: float = 3.0,
) -> list[MonthlyScore]:
    """Per month from the first to the last dated event: the summed intensity, rolling sum, turning points.

    A sign change counts when the rolling score reaches ``level`` on the other side (a lone
    phone call after a quiet spell is not a turn); a jump when it moves by more than ``threshold``.
    """
    per_month: dict[str, list[ConsolidatedEvent]] = defaultdict(list)
    for e in events:
        if e.date.precision in ("day", "month") and not e.date.end:
            per_month[e.date.value[:7]].append(e)  # type: ignore[index]
    if not per_month:
        return []
    months = month_range(min(per_month), max(per_month))
    raw = []
    for month in months:
        weights = [intensities.get(e.type, 0.0) for e in per_month.get(month, [])]
        raw.append((month, round(sum(weights), 2), sum(w > 0 for w in weights), sum(w < 0 for w in weights)))
    scores: list[MonthlyScore] = []
    last_sign = 0
    for i, (month, score, coop, tension) in enumerate(raw):
        rolling = round(sum(r[1] for r in raw[max(0, i - window + 1) : i + 1]), 2)
        turn = None
        strong = abs(rolling) >= level
        if i > 0:
            if strong and last_sign and _sign(rolling) != last_sign:
                turn = "sign"
            elif abs(rolling - scores[-1].rolling) > threshold:
                turn = "jump"
        if strong:
            last_sign = _sign(rolling)
        counted = tuple(str(e.iri) for e in sorted(per_month.get(month, []), key=lambda e: e.id))
        scores.append(MonthlyScore(month, score, rolling, coop, tension, counted, turn))
    return scores


def turning_points(scores: Sequence[MonthlyScore]) -> list[str]:
    """The months that are turning points."""
    return [s.month for s in scores if s.turning_point]


def score_triples(graph: Triples, dyad: str, score: MonthlyScore) -> None:
    """Add one kg:MonthlyScore node to ``graph`` (the dyad's consolidated graph)."""
    node = SCORE[f"{iri_safe(dyad)}/{score.month}"]
    add = graph.add
    add((node, RDF.type, KG.MonthlyScore))
    add((node, KG.dyad, DYAD[iri_safe(dyad)]))
    add((node, KG.month, Literal(score.month)))
    add((node, KG.score, double_literal(score.score)))
    add((node, KG.rollingScore, double_literal(score.rolling)))
    add((node, KG.cooperation, integer_literal(score.cooperation)))
    add((node, KG.tension, integer_literal(score.tension)))
    add((node, KG.turningPoint, typed_literal("true" if score.turning_point else "false", XSD.boolean)))
    if score.turning_point:
        add((node, KG.turn, Literal(score.turning_point)))
    for event in score.events:
        add((node, PROV.wasDerivedFrom, URIRef(event)))
