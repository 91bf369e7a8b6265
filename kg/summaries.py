"""Pair summaries: what the named queries count, per dyad, month (and year) and category, kept with the data.

Counting a period's events between every pair reads every event, which grows with the store
(seconds at 100k events, tens of seconds at 1M). So each dyad gets a graph of its own,
``graph/summary/A-B``, that ``kg.consolidate.consolidate_dyads`` rewrites whenever the dyad's
articles change (ingest, removal, shard loads), holding:

- the dyad's sides: ``kg:side`` (the actor IRIs) and ``kg:sideKey`` (their codes, and "*"), so a
  query given two codes, or a code and "*", finds its dyads with triple patterns;
- per category and month of ``kg:dateStart``, a ``kg:PairMonth`` node (``dyad kg:monthSummary``)
  counting the dyad's asserted, dated mentions: how many (``kg:mentionCount``), how many dated to
  the day or month (``kg:monthDatedCount``), in how many articles, their summed type intensity, the
  first and last ``kg:dateStart``, and the mentions themselves (``kg:summarises``, for a period
  that cuts the month), each also as a ``kg:mentionLine`` "START EVENT ARTICLE-ID", so a query can
  order and page them as (date, article id, event) before looking anything up;
- per category and year, a ``kg:PairYear`` node (``dyad kg:yearSummary``) with the same counts (no
  mentions listed) and ``kg:articleMonths``, the sum of its months' article counts;
- its edge in the network (``dyad kg:edgeTally``): "A B events articles first last" over every asserted
  mention, dated or not (first and last: ``kg:date`` values, "-" when none are dated), then
  "CATEGORY events articles" for each of ``kg.model.CATEGORIES``, so ``network_edges`` reads one
  line per pair instead of every event;
- its events in timeline order (``dyad kg:timelineLine``, one per mention, any status): "START ARTICLE
  EVENT", START the ``kg:dateStart`` ("~~~~~~~~~~" when undated, so it sorts last) and the article's
  and the event's IRIs: the lines sort as ``dyad_timeline``'s rows, so it orders and pages them
  before it looks any event up.

A query over every pair (the top pairs of a period, coups by year) would still look up a few
values on each of thousands of such nodes, one index lookup each. So the dyad's graph also adds
to nodes shared by every dyad, named by what a query knows before it starts (a category and a
period), whose values it reads in one index range:

- ``summary/period/CATEGORY/PERIOD`` (a ``kg:CategoryPeriod``, PERIOD a year or a month): one
  ``kg:pairTally`` per dyad, "DYAD A B events articles articleMonths intensity first last", and, for
  a dyad of two different actors, its events again as a number (``kg:pairEvents``): the quad's graph
  names the pair, so a query ranks the pairs of a period by these numbers without reading a single
  string (reading a stored string costs an index lookup, about 15 µs here; a number is in the quad);
- ``summary/period/CATEGORY/YYYY-MM/TYPE``: the month's mentions of that type (``kg:summarises``),
  each between two different actors also as a ``kg:eventLine`` "START A-B EVENT SOURCE TARGET" (the
  pair's codes sorted), which sorts as (date, pair, event), so a query can order and page them
  before looking anything up, and count a month's lines without reading them;
- ``summary/coup/YYYY/COUNTRY/TYPE`` (a ``kg:CoupYear``, COUNTRY the mentions' target): the coup
  mentions (``kg:summarises``), their articles (``kg:summaryArticle``) and the dyad's earliest
  ``kg:dateStart`` among them (``kg:mentionStart``).

Replacing a dyad's graph replaces its share of the shared nodes with it, so they stay exact.

    >>> graph = summary_graph("NER-USA", mentions, intensities)     # pure
    >>> kg.replace_graph(summary_graph_iri("NER-USA"), graph)

Only asserted mentions with a known date are counted, as the named queries did event by event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from rdflib import RDF, Literal, Namespace, URIRef

from kg.model import BASE, CATEGORIES, DYAD, GRAPH, KG, KGT, EventDate
from kg.rdf import (
    Triples,
    article_iri,
    day_literal,
    double_literal,
    event_iri,
    integer_literal,
    iri_safe,
    state_iri,
)

SUMMARY = Namespace(BASE + "summary/")
MONTH_PRECISIONS = ("day", "month")
UNDATED = "~" * 10  # the start of an undated mention's kg:timelineLine: after every date
ANY_SIDE = "*"  # a kg:sideKey of every dyad: the parameter value that means "any actor"
PERIOD = Namespace(SUMMARY + "period/")
COUP = Namespace(SUMMARY + "coup/")


class Counted(Protocol):
    """What a summary needs of a mention (kg.consolidate.Mention has it)."""

    event: str
    article: str
    category: str
    type: str
    source: str
    target: str
    date: EventDate
    status: str


@dataclass
class _Cell:
    mentions: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    mention_lines: list[str] = field(default_factory=list)
    month_dated: int = 0
    articles: set[str] = field(default_factory=set)
    intensity: float = 0.0
    first: date | None = None
    last: date | None = None

    def add(self, m: Counted, start: date, intensity: float) -> None:
        self.mentions.append(m.event)
        self.types.append(m.type)
        pair = "-".join(sorted((m.source, m.target)))
        self.lines.append(f"{start.isoformat()} {pair} {event_iri(m.event)} {m.source} {m.target}")
        self.mention_lines.append(f"{start.isoformat()} {event_iri(m.event)} {m.article}")
        self.month_dated += m.date.precision in MONTH_PRECISIONS
        self.articles.add(m.article)
        self.intensity += intensity
        self.first = start if self.first is None else min(self.first, start)
        self.last = start if self.last is None else max(self.last, start)


def summary_graph_iri(dyad: str) -> URIRef:
    """The named graph of one dyad's summaries: ``graph/summary/A-B``."""
    return GRAPH["summary/" + iri_safe(dyad)]


def summary_graph(dyad: str, mentions: Iterable[Counted], intensities: dict[str, float]) -> Triples:
    """The dyad's sides and its month and year summaries of asserted, dated mentions (empty: no mentions)."""
    graph: Triples = set()  # it is only ever stored
    add = graph.add
    node = DYAD[iri_safe(dyad)]
    months: dict[tuple[str, str], _Cell] = defaultdict(_Cell)
    years: dict[tuple[str, str], _Cell] = defaultdict(_Cell)
    coups: dict[tuple[str, str, str], _Cell] = defaultdict(_Cell)
    sides: set[str] = set()
    asserted: list[Counted] = []
    for m in mentions:
        sides |= {m.source, m.target}
        asserted += [m] if m.status == "asserted" else []
        bounds = m.date.bounds()
        day = UNDATED if bounds is None else bounds[0].isoformat()
        add((node, KG.timelineLine, Literal(f"{day} {article_iri(m.article)} {event_iri(m.event)}")))
        if m.status != "asserted" or bounds is None:
            continue
        start, weight = bounds[0], intensities.get(m.type, 0.0)
        months[(start.isoformat()[:7], m.category)].add(m, start, weight)
        years[(start.isoformat()[:4], m.category)].add(m, start, weight)
        if m.category == "coup":
            coups[(start.isoformat()[:4], m.type, m.target)].add(m, start, weight)
    if sides:
        add((node, KG.sideKey, Literal(ANY_SIDE)))
    for code in sorted(sides):
        add((node, KG.side, state_iri(code)))
        add((node, KG.sideKey, Literal(code)))
    if asserted:
        add((node, KG.edgeTally, Literal(edge_tally(sides, asserted))))
    article_months: dict[tuple[str, str], int] = defaultdict(int)
    for (period, category), cell in months.items():
        summary = _summary_node(graph, dyad, period, category, cell, KG.PairMonth)
        add((node, KG.monthSummary, summary))
        add((summary, KG.monthDatedCount, integer_literal(cell.month_dated)))
        for event, line in zip(cell.mentions, cell.mention_lines, strict=True):
            add((summary, KG.summarises, event_iri(event)))
            add((summary, KG.mentionLine, Literal(line)))
        for event, type_, line in zip(cell.mentions, cell.types, cell.lines, strict=True):
            type_month = PERIOD[f"{iri_safe(category)}/{period}/{iri_safe(type_)}"]
            add((type_month, KG.summarises, event_iri(event)))
            if len(sides) == 2:
                add((type_month, KG.eventLine, Literal(line)))
        article_months[(period[:4], category)] += len(cell.articles)
        _tally(graph, dyad, sides, period, category, cell, len(cell.articles))
    for (period, category), cell in years.items():
        summary = _summary_node(graph, dyad, period, category, cell, KG.PairYear)
        add((node, KG.yearSummary, summary))
        add((summary, KG.articleMonths, integer_literal(article_months[(period, category)])))
        _tally(graph, dyad, sides, period, category, cell, article_months[(period, category)])
    for (period, type_, target), cell in coups.items():
        summary = COUP[f"{period}/{iri_safe(target)}/{iri_safe(type_)}"]
        add((node, KG.coupSummary, summary))
        add((summary, RDF.type, KG.CoupYear))
        add((summary, KG.mentionStart, day_literal(cell.first)))
        for event in cell.mentions:
            add((summary, KG.summarises, event_iri(event)))
        for article in sorted(cell.articles):
            add((summary, KG.summaryArticle, article_iri(article)))
    return graph


def edge_tally(sides: set[str], asserted: list[Counted]) -> str:
    """The dyad's ``kg:edgeTally`` line over its asserted mentions (see the module docstring)."""
    a, b = (sorted(sides) * 2)[:2]
    dates = sorted(m.date.value for m in asserted if m.date.value)
    first, last = (dates[0], dates[-1]) if dates else ("-", "-")
    of = {c: [m for m in asserted if m.category == c] for c in CATEGORIES}
    counts = " ".join(f"{c} {len(ms)} {len({m.article for m in ms})}" for c, ms in of.items())
    return f"{a} {b} {len(asserted)} {len({m.article for m in asserted})} {first} {last} {counts}"


def _tally(
    graph: Triples, dyad: str, sides: set[str], period: str, category: str, cell: _Cell, months: int
) -> None:
    """The dyad's line on the shared node of a category and period (see the module docstring)."""
    a, b = (sorted(sides) * 2)[:2]  # one side only: an actor's events with itself
    first, last = cell.first.isoformat(), cell.last.isoformat()  # type: ignore[union-attr]
    counts = f"{len(cell.mentions)} {len(cell.articles)} {months} {cell.intensity!r}"
    tally = f"{iri_safe(dyad)} {a} {b} {counts} {first} {last}"
    period_node = PERIOD[f"{iri_safe(category)}/{period}"]
    graph.add((period_node, RDF.type, KG.CategoryPeriod))
    graph.add((period_node, KG.pairTally, Literal(tally)))
    if a != b:
        graph.add((period_node, KG.pairEvents, integer_literal(len(cell.mentions))))


def _summary_node(graph: Triples, dyad: str, period: str, category: str, cell: _Cell, kind: URIRef) -> URIRef:
    node = SUMMARY[f"{iri_safe(dyad)}/{period}/{iri_safe(category)}"]
    add = graph.add
    add((node, RDF.type, kind))
    add((node, KG.period, Literal(period)))
    add((node, KG.summaryCategory, KGT[iri_safe(category)]))
    add((node, KG.mentionCount, integer_literal(len(cell.mentions))))
    add((node, KG.articleCount, integer_literal(len(cell.articles))))
    add((node, KG.intensitySum, double_literal(cell.intensity)))
    add((node, KG.firstStart, day_literal(cell.first)))
    add((node, KG.lastStart, day_literal(cell.last)))
    return node


