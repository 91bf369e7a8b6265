"""The actor network: asserted events as edges, the cooperation graph of a period, its blocs and centrality.

    edges = filter_edges(network_edges(kg), since=date(2023, 7, 1), until=date(2024, 12, 31))
    graph = analyse(cooperation_graph(edges))
    graph.nodes["NER"]["bloc"], graph.nodes["NER"]["betweenness"]
    Path("exports/network.graphml").write_bytes(write_network(graph, "graphml"))

Nodes are state-level actors (states, organisations, armed groups); an edge joins two actors that
had asserted events in the period, with its cooperation and tension counts. Its ``weight`` is the
number of cooperation events, minus the tension events when asked (``subtract_tension``). Blocs are
communities of the graph of positive weights (Louvain, fixed seed); centrality is computed on the
graph of every interaction, so an actor that bridges two blocs by a quarrel still ranks as a bridge.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from kg.errors import ExportError
from kg.query import load_named_query, run_query
from kg.store import KnowledgeGraph

NETWORK_FORMATS = ("graphml", "gexf")
SEED = 42
_KINDS = {"State": "state", "Organisation": "organisation", "ArmedGroup": "group", "Military": "military"}
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


def network_edges(kg: KnowledgeGraph) -> list[NetworkEdge]:
    """Every asserted event as an edge between state-level actors, once per event, in date order."""
    result = run_query(kg, load_named_query("network_edges", lateral=kg.supports_lateral).text, {})
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


def most_active_pairs(edges: Iterable[NetworkEdge], n: int = 5) -> list[tuple[str, str]]:
    """The ``n`` pairs of different actors with the most events (ties: more articles, then codes)."""
    events: Counter[tuple[str, str]] = Counter()
    articles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in edges:
        if e.source != e.target:
            events[pair_key(e)] += 1
            articles[pair_key(e)].add(e.article)
    ranked = sorted(events, key=lambda p: (-events[p], -len(articles[p]), p))
    return ranked[:n]


def cooperation_graph(edges: Iterable[NetworkEdge], *, subtract_tension: bool = False) -> nx.Graph:
    """The undirected graph of who interacted with whom; ``weight`` = cooperation events (− tension)."""
    graph = nx.Graph()
    pairs: dict[tuple[str, str], list[NetworkEdge]] = defaultdict(list)
    for e in edges:
        if e.source == e.target:
            continue
        for code, name, cls in (
            (e.source, e.source_name, e.source_class),
            (e.target, e.target_name, e.target_class),
        ):
            if code not in graph:
                graph.add_node(code, label=name, kind=_KINDS.get(cls, cls.lower()), events=0)
        graph.nodes[e.source]["events"] += 1
        graph.nodes[e.target]["events"] += 1
        pairs[pair_key(e)].append(e)
    for (a, b), events in sorted(pairs.items()):
        counts = Counter(e.category for e in events)
        dates = sorted(e.date for e in events if e.date)
        weight = counts["cooperation"] - (counts["tension"] if subtract_tension else 0)
        attrs = {
            "weight": weight,
            "events": len(events),
            "articles": len({e.article for e in events if e.article}),
            **{category: counts[category] for category in ("cooperation", "tension", "base_access", "coup")},
        }
        if dates:
            attrs["first"], attrs["last"] = dates[0], dates[-1]
        graph.add_edge(a, b, **attrs)
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
    """The analysed cooperation graph of a period, straight from the store."""
    edges = filter_edges(network_edges(kg), since=since, until=until)
    return analyse(cooperation_graph(edges, subtract_tension=subtract_tension))


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
