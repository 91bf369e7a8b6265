"""The actor network: pairs as edges, the cooperation graph of a period, its blocs and centrality.

    graph = analyse(cooperation_graph(network_edges(kg)))          # every asserted event, pair by pair
    edges = filter_edges(event_edges(kg), since=date(2023, 7, 1), until=date(2024, 12, 31))
    graph = analyse(cooperation_graph(pair_edges(edges)))           # a period: from the events
    graph.nodes["NER"]["bloc"], graph.nodes["NER"]["betweenness"]
    Path("exports/network.graphml").write_bytes(write_network(graph, "graphml"))

Nodes are state-level actors (states, organisations, armed groups); an edge joins two actors that
had asserted events, with its cooperation and tension counts. Its ``weight`` is the number of
cooperation events, minus the tension events when asked (``subtract_tension``). Blocs are
communities of the graph of positive weights (Louvain, fixed seed); centrality is computed on the
graph of every interaction, so an actor that bridges two blocs by a quarrel still ranks as a bridge.

The whole network comes counted pair by pair from the store (``network_edges``: the pairs'
``kg:edgeTally`` summaries, so it costs the pairs, not the events); a period, or the events
themselves, come from the events (``event_edges``, ``filter_edges``), counted by ``pair_edges``.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import networkx as nx

from kg.errors import ExportError
from kg.model import CATEGORIES
from kg.query import load_named_query, run_query
from kg.store import KnowledgeGraph

NETWORK_FORMATS = ("graphml", "gexf")
SEED = 42
_KINDS = {"State": "state", "Organisation": "organisation", "ArmedGroup": "group", "Military": "military"}
# Asserted events between state-level actors, one row per event (the actors read once, joined).
_EVENTS = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?event ?sourceCode ?targetCode ?sourceName ?targetName ?sourceClass ?targetClass
                ?category ?type ?date ?dateStart ?sentence
WHERE {
  ?event a kg:Event ; kg:status kg:Asserted ; kg:sourceState ?S ; kg:targetState ?T ;
         kg:category ?c ; kg:eventType ?t ; kg:evidence ?ev .
  ?ev kg:sentence ?sentence .
  {
    SELECT ?S ?sourceCode ?sourceName ?sourceClass WHERE {
      ?S kg:code ?sourceCode ; rdfs:label ?sourceName ; a ?sourceClass .
      FILTER(?sourceClass IN (kg:State, kg:Organisation, kg:ArmedGroup, kg:Military))
    }
  }
  {
    SELECT ?T ?targetCode ?targetName ?targetClass WHERE {
      ?T kg:code ?targetCode ; rdfs:label ?targetName ; a ?targetClass .
      FILTER(?targetClass IN (kg:State, kg:Organisation, kg:ArmedGroup, kg:Military))
    }
  }
  OPTIONAL { ?event kg:date ?date }
  OPTIONAL { ?event kg:dateStart ?dateStart }
  BIND(STRAFTER(STR(?c), "/type/") AS ?category)
  BIND(STRAFTER(STR(?t), "/type/") AS ?type)
}
ORDER BY ?dateStart
"""
# The state-level actors: code, name, class.
_ACTORS = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?code ?name ?class WHERE {
  ?actor kg:code ?code ; rdfs:label ?name ; a ?class .
  FILTER(?class IN (kg:State, kg:Organisation, kg:ArmedGroup, kg:Military))
}
"""
_ARTICLES = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?event ?articleId ?dateStart WHERE {
  ?event a kg:Event ; prov:wasDerivedFrom ?article .
  ?article kg:articleId ?articleId .
  OPTIONAL { ?event kg:dateStart ?dateStart }
}
"""


@dataclass(frozen=True)
class NetworkEdge:
    """One asserted event between two state-level actors."""

    source: str
    target: str
    source_name: str
    target_name: str
    source_class: str
    target_class: str
    category: str
    type: str
    date: str | None
    sentence: str
    event: str = ""
    article: str = ""


@dataclass(frozen=True)
class PairEdge:
    """The asserted events between two state-level actors (codes sorted), counted: one edge of the network.

    ``counts`` gives each category's (events, articles); ``first`` and ``last`` are the earliest and
    latest date values (None: none dated); ``dated`` holds the events themselves when the pair was
    counted from them (``pair_edges``), nothing when it was read from the store's summaries."""

    a: str
    b: str
    a_name: str
    b_name: str
    a_class: str
    b_class: str
    events: int
    articles: int
    counts: dict[str, tuple[int, int]]
    first: str | None = None
    last: str | None = None
    dated: tuple[NetworkEdge, ...] = ()


def network_edges(kg: KnowledgeGraph) -> list[PairEdge]:
    """Every pair of state-level actors with asserted events, counted, from the store's pair summaries."""
    result = run_query(kg, load_named_query("network_edges", lateral=kg.supports_lateral).text, {})
    actors = {str(c): (str(name), str(cls).rsplit("#", 1)[-1]) for c, name, cls in kg.query(_ACTORS).rows}
    pairs: dict[tuple[str, str], PairEdge] = {}
    for a, b, tally in ((str(a), str(b), str(t)) for a, b, t in result.rows):
        if a not in actors or b not in actors:
            continue
        events, articles, first, last, *fields = tally.split()
        triples = zip(fields[::3], fields[1::3], fields[2::3], strict=True)
        pairs[(a, b)] = PairEdge(
            a=a,
            b=b,
            a_name=actors[a][0],
            b_name=actors[b][0],
            a_class=actors[a][1],
            b_class=actors[b][1],
            events=int(events),
            articles=int(articles),
            counts={c: (int(n), int(m)) for c, n, m in triples},
            first=None if first == "-" else first,
            last=None if last == "-" else last,
        )
    return list(pairs.values())


def event_edges(kg: KnowledgeGraph) -> list[NetworkEdge]:
    """Every asserted event as an edge between state-level actors, once per event, in date order.

    It reads every event (minutes at a million): for a period, or an event list. The whole network
    counted pair by pair is ``network_edges``."""
    result = kg.query(_EVENTS)
    articles = {str(row[0]): str(row[1]) for row in kg.query(_ARTICLES).rows}
    edges: dict[str, NetworkEdge] = {}
    for values in result.rows:
        cell = dict(zip(result.variables, values, strict=True))
        event = str(cell["event"])
        if event in edges:  # a triple repeated in several graphs repeats the row
            continue
        edges[event] = NetworkEdge(
            source=str(cell["sourceCode"]),
            target=str(cell["targetCode"]),
            source_name=str(cell["sourceName"]),
            target_name=str(cell["targetName"]),
            source_class=str(cell["sourceClass"]).rsplit("#", 1)[-1],
            target_class=str(cell["targetClass"]).rsplit("#", 1)[-1],
            category=str(cell["category"]),
            type=str(cell["type"]),
            date=str(cell["date"]) if cell.get("date") is not None else None,
            sentence=str(cell["sentence"]),
            event=event,
            article=articles.get(event, ""),
        )
    return list(edges.values())


def filter_edges(
    edges: Iterable[NetworkEdge],
    *,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    category: str | None = None,
) -> list[NetworkEdge]:
    """Edges whose date overlaps the period (undated: only without one), touching an actor, of a category."""
    out = []
    for e in edges:
        if (since or until) and not e.date:
            continue
        if since and e.date and e.date < since.isoformat()[: len(e.date)]:
            continue
        if until and e.date and e.date > until.isoformat()[: len(e.date)]:
            continue
        if actor and actor not in (e.source, e.target):
            continue
        if category and e.category != category:
            continue
        out.append(e)
    return out


def pair_key(edge: NetworkEdge) -> tuple[str, str]:
    """The unordered pair of an edge, codes sorted."""
    a, b = sorted((edge.source, edge.target))
    return a, b


def pair_edges(edges: Iterable[NetworkEdge]) -> list[PairEdge]:
    """The events counted pair by pair (an event without an article is its own source), pairs sorted."""
    by_pair: dict[tuple[str, str], list[NetworkEdge]] = defaultdict(list)
    for e in edges:
        by_pair[pair_key(e)].append(e)
    out = []
    for (a, b), events in sorted(by_pair.items()):
        names = {e.source: (e.source_name, e.source_class) for e in events}
        names |= {e.target: (e.target_name, e.target_class) for e in events}
        dates = sorted(e.date for e in events if e.date)
        counts = {
            c: (len(of), len({e.article or e.event for e in of}))
            for c in dict.fromkeys([*CATEGORIES, *(e.category for e in events)])
            for of in [[e for e in events if e.category == c]]
        }
        out.append(PairEdge(
            a=a, b=b, a_name=names[a][0], b_name=names[b][0], a_class=names[a][1], b_class=names[b][1],
            events=len(events), articles=len({e.article or e.event for e in events}), counts=counts,
            first=dates[0] if dates else None, last=dates[-1] if dates else None, dated=tuple(events),
        ))
    return out


def filter_pairs(
    pairs: Iterable[PairEdge], *, actor: str | None = None, category: str | None = None
) -> list[PairEdge]:
    """Pairs touching an actor; with a category, its events only (pairs without any left out)."""
    out = []
    for p in pairs:
        if actor and actor not in (p.a, p.b):
            continue
        if category:
            events, articles = p.counts.get(category, (0, 0))
            if not events:
                continue
            p = replace(p, events=events, articles=articles, counts={category: (events, articles)},
                        first=None, last=None, dated=tuple(e for e in p.dated if e.category == category))
        out.append(p)
    return out


def most_active_pairs(pairs: Iterable[PairEdge], n: int = 5) -> list[tuple[str, str]]:
    """The ``n`` pairs of different actors with the most events (ties: more articles, then codes)."""
    ranked = sorted((p for p in pairs if p.a != p.b), key=lambda p: (-p.events, -p.articles, p.a, p.b))
    return [(p.a, p.b) for p in ranked[:n]]


def cooperation_graph(pairs: Iterable[PairEdge], *, subtract_tension: bool = False) -> nx.Graph:
    """The undirected graph of who interacted with whom; ``weight`` = cooperation events (− tension)."""
    graph = nx.Graph()
    for p in sorted((p for p in pairs if p.a != p.b), key=lambda p: (p.a, p.b)):
        for code, name, cls in ((p.a, p.a_name, p.a_class), (p.b, p.b_name, p.b_class)):
            if code not in graph:
                graph.add_node(code, label=name, kind=_KINDS.get(cls, cls.lower()), events=0)
            graph.nodes[code]["events"] += p.events
        counts = {c: p.counts.get(c, (0, 0))[0] for c in CATEGORIES}
        attrs = {
            "weight": counts["cooperation"] - (counts["tension"] if subtract_tension else 0),
            "events": p.events,
            "articles": p.articles,
            **{category: counts[category] for category in ("cooperation", "tension", "base_access", "coup")},
        }
        if p.first:
            attrs["first"], attrs["last"] = p.first, p.last
        graph.add_edge(p.a, p.b, **attrs)
    return graph


def find_blocs(graph: nx.Graph, *, seed: int = SEED) -> list[set[str]]:
    """Communities of the positive-weight graph (Louvain, fixed seed), largest first; loners left out."""
    positive = nx.Graph()
    positive.add_edges_from((a, b, {"weight": w}) for a, b, w in graph.edges(data="weight") if w > 0)
    if positive.number_of_edges() == 0:
        return []
    communities = nx.community.louvain_communities(positive, weight="weight", seed=seed)
    return sorted((set(c) for c in communities), key=lambda c: (-len(c), min(c)))


def centrality(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """Degree and betweenness over every interaction; eigenvector over cooperation, where it converges."""
    if graph.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(graph)
    betweenness = nx.betweenness_centrality(graph, normalized=True)
    out = {node: {"degree": degree[node], "betweenness": betweenness[node]} for node in graph}
    positive = nx.Graph()
    positive.add_edges_from((a, b, {"weight": w}) for a, b, w in graph.edges(data="weight") if w > 0)
    if positive.number_of_edges():
        try:
            eigenvector = nx.eigenvector_centrality(positive, weight="weight", max_iter=1000, tol=1e-8)
        except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
            eigenvector = {}
        for node, value in eigenvector.items():
            out[node]["eigenvector"] = value
    return out


def analyse(graph: nx.Graph, *, seed: int = SEED) -> nx.Graph:
    """The graph with ``bloc`` (−1: none), ``degree``, ``betweenness``, ``eigenvector`` on each node."""
    blocs = {node: i for i, members in enumerate(find_blocs(graph, seed=seed)) for node in members}
    scores = centrality(graph)
    for node, attrs in graph.nodes(data=True):
        attrs["bloc"] = blocs.get(node, -1)
        attrs.update({k: round(v, 6) for k, v in scores.get(node, {}).items()})
    return graph


def rank(graph: nx.Graph, measure: str = "betweenness") -> list[tuple[str, float]]:
    """Nodes by a centrality measure (degree, betweenness, eigenvector), highest first, where defined."""
    scored = [(node, scores[measure]) for node, scores in centrality(graph).items() if measure in scores]
    return sorted(scored, key=lambda item: (-item[1], item[0]))


def network_graph(
    kg: KnowledgeGraph,
    *,
    since: date | None = None,
    until: date | None = None,
    subtract_tension: bool = False,
) -> nx.Graph:
    """The analysed cooperation graph of a period (from its events), or of all time (from the summaries)."""
    if since or until:
        pairs = pair_edges(filter_edges(event_edges(kg), since=since, until=until))
    else:
        pairs = network_edges(kg)
    return analyse(cooperation_graph(pairs, subtract_tension=subtract_tension))


def write_network(graph: nx.Graph, fmt: str) -> bytes:
    """The graph as GraphML or GEXF (node and edge attributes kept), for Gephi, Cytoscape, yEd."""
    if fmt not in NETWORK_FORMATS:
        raise ExportError(f"unknown network format {fmt!r}; use one of {', '.join(NETWORK_FORMATS)}")
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    else:
        nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True)
    return out.getvalue()
