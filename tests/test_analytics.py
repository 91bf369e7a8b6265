"""The actor network: edges from the store, the cooperation graph, blocs, centrality, GraphML/GEXF."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.analytics import (
    NetworkEdge,
    analyse,
    centrality,
    cooperation_graph,
    event_edges,
    filter_edges,
    find_blocs,
    most_active_pairs,
    network_edges,
    network_graph,
    pair_edges,
    rank,
    write_network,
)
from kg.cli import cli
from kg.consolidate import consolidate_dyads, stored_dyads
from kg.errors import ExportError
from kg.load import ensure_reference_graphs
from kg.model import Article, Event, EventDate, Evidence, Participant
from kg.rdf import article_graph, article_graph_iri
from kg.store import KnowledgeGraph

# ---------------------------------------------------------------- hand-built events and stores

STATES = {
    "NER": "Niger",
    "USA": "United States",
    "RUS": "Russia",
    "FRA": "France",
    "MLI": "Mali",
    "BFA": "Burkina Faso",
    "TCD": "Chad",
}


def edge(
    source: str,
    target: str,
    category: str = "cooperation",
    day: str | None = "2024-04-10",
    *,
    article: str = "a1",
    type: str | None = None,
    n: int = 0,
) -> NetworkEdge:
    return NetworkEdge(
        source=source,
        target=target,
        source_name=STATES.get(source, source),
        target_name=STATES.get(target, target),
        source_class="Organisation" if source == "ECOWAS" else "State",
        target_class="Organisation" if target == "ECOWAS" else "State",
        category=category,
        type=type or {"cooperation": "agreement", "tension": "sanction"}.get(category, category),
        date=day,
        sentence=f"{source} and {target}.",
        event=f"{article}/{source}-{target}-{n}",
        article=article,
    )


def two_triads() -> list[NetworkEdge]:
    """A, B, C cooperate; D, E, F cooperate; C and D quarrel (the only link between the triads)."""
    edges = []
    for triad, article in (("ABC", "t1"), ("DEF", "t2")):
        for i, (x, y) in enumerate(((triad[0], triad[1]), (triad[1], triad[2]), (triad[0], triad[2]))):
            edges += [edge(x, y, article=article, n=i), edge(y, x, article=article + "b", n=i)]
    edges.append(edge("C", "D", "tension", article="t3"))
    return edges


def event(
    article: str,
    n: int,
    source: tuple[str, str, str],
    target: tuple[str, str, str],
    *,
    category: str = "cooperation",
    type: str = "agreement",
    day: str | None = "2024-04-10",
    status: str = "asserted",
    sentence: str | None = None,
) -> Event:
    """An event; source and target are (actor id, kind, country)."""
    precision = {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(day) if day else None]
    text = sentence or f"{source[2]} and {target[2]}: {type} ({article} #{n})."
    return Event(
        article=article,
        event=f"{article}/{n}",
        category=category,
        type=type,
        source=Participant(
            id=source[0], label=STATES.get(source[2], source[2]), kind=source[1], country=source[2]
        ),
        target=Participant(
            id=target[0], label=STATES.get(target[2], target[2]), kind=target[1], country=target[2]
        ),
        date=EventDate(value=day, precision=precision),
        status=status,
        confidence=0.8,
        evidence=Evidence(sentence=text, char_start=0, char_end=len(text), trigger=type),
    )


def state(code: str) -> tuple[str, str, str]:
    return (code, "state", code)


def sample_events() -> dict[Article, list[Event]]:
    """Three articles about Niger: US base access revoked, Russian trainers, an ECOWAS quarrel."""
    a1 = Article(
        id="us-revoked",
        text="…",
        published=date(2024, 3, 18),
        url="https://example.com/us-revoked",
        title="Niger revokes US accord",
        source="Example News",
    )
    a2 = Article(
        id="rus-trainers",
        text="…",
        published=date(2024, 4, 12),
        title="Russian trainers arrive",
        source="Other Wire",
    )
    a3 = Article(
        id="ecowas", text="…", published=date(2023, 8, 1), title="ECOWAS sanctions", source="Example News"
    )
    return {
        a1: [
            event(
                "us-revoked",
                1,
                state("NER"),
                state("USA"),
                category="base_access",
                type="revoke_access",
                day="2024-03-16",
            ),
            event(
                "us-revoked",
                2,
                state("USA"),
                state("NER"),
                category="cooperation",
                type="military_training",
                day="2023",
            ),
            event(
                "us-revoked",
                3,
                state("NER"),
                state("USA"),
                category="tension",
                type="accusation",
                day="2024-03",
                status="asserted",
            ),
            event(
                "us-revoked",
                4,
                state("NER"),
                state("USA"),
                category="base_access",
                type="access_granted",
                day="2024-05-01",
                status="hypothetical",
            ),
        ],
        a2: [
            event(
                "rus-trainers",
                1,
                ("RUS/military", "military", "RUS"),
                state("NER"),
                type="military_training",
                day="2024-04-10",
            ),
            event("rus-trainers", 2, state("NER"), state("RUS"), type="agreement", day="2024-04"),
            event(
                "rus-trainers",
                3,
                state("NER"),
                state("USA"),
                category="tension",
                type="pressure",
                day="2024-04-13",
            ),
        ],
        a3: [
            event(
                "ecowas",
                1,
                ("org/ECOWAS", "organisation", "ECOWAS"),
                state("NER"),
                category="tension",
                type="sanction",
                day="2023-07-30",
            ),
            event("ecowas", 2, state("NER"), state("NER"), category="coup", type="coup", day="2023-07-26"),
        ],
    }


def fill_store(kg: KnowledgeGraph, index, articles: dict[Article, list[Event]] | None = None) -> None:
    """The articles' graphs stored and their dyads consolidated (with their summaries), as ingest does."""
    ensure_reference_graphs(kg, index)
    for article, events in (articles or sample_events()).items():
        kg.replace_graph(article_graph_iri(article.id), article_graph(article, events))
    consolidate_dyads(kg, stored_dyads(kg))


@pytest.fixture
def store_dir(tmp_path, index):
    where = tmp_path / "kgstore"
    with KnowledgeGraph.open(where) as kg:
        fill_store(kg, index)
    return where


# ---------------------------------------------------------------- blocs and centrality


def test_blocs_are_the_two_triads():
    graph = cooperation_graph(pair_edges(two_triads()))
    assert find_blocs(graph) == [{"A", "B", "C"}, {"D", "E", "F"}]


def test_blocs_are_stable_across_runs_with_the_fixed_seed():
    assert find_blocs(cooperation_graph(pair_edges(two_triads()))) == find_blocs(
        cooperation_graph(pair_edges(list(reversed(two_triads()))))
    )


def test_centrality_ranks_the_bridge_nodes_first():
    graph = cooperation_graph(pair_edges(two_triads()))
    ranked = rank(analyse(graph), "betweenness")
    assert {node for node, _ in ranked[:2]} == {"C", "D"}
    assert ranked[0][1] > ranked[2][1]
    scores = centrality(graph)
    assert scores["C"]["degree"] > scores["A"]["degree"]
    assert all("eigenvector" in s for s in scores.values())  # defined: every node cooperates


def test_weights_count_cooperation_and_optionally_subtract_tension():
    edges = two_triads() + [edge("C", "D", "cooperation", article="t4")]
    assert cooperation_graph(pair_edges(edges))["C"]["D"]["weight"] == 1
    net = cooperation_graph(pair_edges(edges), subtract_tension=True)
    assert net["C"]["D"]["weight"] == 0
    assert net["C"]["D"]["tension"] == 1 and net["C"]["D"]["cooperation"] == 1
    assert net["A"]["B"]["weight"] == 2 and net["A"]["B"]["articles"] == 2


def test_tension_only_pairs_join_no_bloc_but_count_for_centrality():
    edges = two_triads() + [edge("G", "A", "tension", article="t5")]
    graph = analyse(cooperation_graph(pair_edges(edges), subtract_tension=True))
    assert graph.nodes["G"]["bloc"] == -1
    assert graph["A"]["G"]["weight"] == -1
    assert graph.nodes["A"]["betweenness"] > graph.nodes["B"]["betweenness"]
    assert "eigenvector" not in graph.nodes["G"]  # not defined outside the cooperation graph


def test_self_pairs_and_empty_graphs():
    graph = analyse(cooperation_graph(pair_edges([edge("NER", "NER", "coup")])))
    assert graph.number_of_nodes() == 0
    assert find_blocs(graph) == [] and centrality(graph) == {}


def test_nodes_carry_label_kind_and_activity():
    graph = cooperation_graph(pair_edges([edge("ECOWAS", "NER", "tension"), edge("NER", "USA")]))
    assert graph.nodes["ECOWAS"] == {"label": "ECOWAS", "kind": "organisation", "events": 1}
    assert graph.nodes["NER"]["events"] == 2 and graph.nodes["NER"]["label"] == "Niger"


# ---------------------------------------------------------------- filters and ranking


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["NER-USA/2023", "NER-USA/2024-03", "NER-RUS/2024-04-10", "NER-RUS/None"]),
        ({"since": date(2024, 1, 1)}, ["NER-USA/2024-03", "NER-RUS/2024-04-10"]),
        ({"until": date(2024, 3, 31)}, ["NER-USA/2023", "NER-USA/2024-03"]),
        ({"since": date(2024, 3, 20), "until": date(2024, 3, 31)}, ["NER-USA/2024-03"]),  # a month overlaps
        ({"actor": "RUS"}, ["NER-RUS/2024-04-10", "NER-RUS/None"]),
        ({"category": "tension"}, ["NER-USA/2024-03"]),
    ],
)
def test_filter_edges(kwargs, expected):
    edges = [
        edge("NER", "USA", day="2023"),
        edge("USA", "NER", "tension", day="2024-03"),
        edge("RUS", "NER", day="2024-04-10"),
        edge("NER", "RUS", day=None),
    ]
    got = [f"{'-'.join(sorted((e.source, e.target)))}/{e.date}" for e in filter_edges(edges, **kwargs)]
    assert got == expected


def test_most_active_pairs_skips_self_pairs_and_ranks_by_events():
    edges = [edge("NER", "NER", "coup")] * 5 + [edge("NER", "USA")] * 3 + [edge("RUS", "NER")] * 2
    edges += [edge("MLI", "BFA", article="x"), edge("BFA", "MLI", article="y")]
    # ties: more articles first
    assert most_active_pairs(pair_edges(edges), 2) == [("NER", "USA"), ("BFA", "MLI")]
    assert most_active_pairs(pair_edges(edges), 10)[-1] == ("NER", "RUS")


# ---------------------------------------------------------------- from the store


def test_event_edges_from_a_store_once_per_asserted_event(index):
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index)
        edges = event_edges(kg)
    assert len({e.event for e in edges}) == len(edges) == 8  # every asserted event, the coup too; once each
    assert not any(e.event.endswith("us-revoked/4") for e in edges)  # hypothetical
    trainers = next(e for e in edges if e.event.endswith("rus-trainers/1"))
    assert (trainers.source, trainers.target, trainers.article) == ("RUS", "NER", "rus-trainers")
    assert trainers.date == "2024-04-10" and trainers.type == "military_training"
    ecowas = next(e for e in edges if e.source == "ECOWAS")
    assert ecowas.source_class == "Organisation"


def test_network_edges_count_the_events_pair_by_pair(index):
    """The pairs read from the summaries count what the events counted one by one do."""
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index)
        pairs = network_edges(kg)
        counted = pair_edges(event_edges(kg))
    assert [replace(p, dated=()) for p in counted] == sorted(pairs, key=lambda p: (p.a, p.b))
    ner_usa = next(p for p in pairs if (p.a, p.b) == ("NER", "USA"))
    assert (ner_usa.events, ner_usa.counts["tension"], ner_usa.first) == (4, (2, 2), "2023")
    assert ner_usa.a_name == "Niger" and ner_usa.b_class == "State"


def test_network_graph_of_a_period(index):
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index)
        graph = network_graph(kg, since=date(2024, 1, 1), until=date(2024, 12, 31))
        whole = network_graph(kg, subtract_tension=True)
    assert set(graph.nodes) == {"NER", "USA", "RUS"}  # the ECOWAS quarrel was in 2023
    assert graph["NER"]["RUS"]["weight"] == 2 and graph["NER"]["USA"]["weight"] == 0
    assert graph.nodes["NER"]["bloc"] == graph.nodes["RUS"]["bloc"] != -1
    assert graph.nodes["USA"]["bloc"] == -1  # no cooperation with anyone in 2024
    assert whole["NER"]["USA"]["weight"] == 1 - 2  # one training (2023) minus two tension events


# ---------------------------------------------------------------- GraphML and GEXF


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_network_files_parse_back_with_their_attributes(fmt, reader):
    graph = analyse(cooperation_graph(pair_edges(two_triads() + [edge("ECOWAS", "A")])))
    back = reader(io.BytesIO(write_network(graph, fmt)))
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    c = back.nodes["C"]
    assert int(c["bloc"]) == graph.nodes["C"]["bloc"]
    assert float(c["betweenness"]) == pytest.approx(graph.nodes["C"]["betweenness"])
    assert c["kind"] == "state" and back.nodes["ECOWAS"]["kind"] == "organisation"
    assert back.nodes["ECOWAS"]["label"] == "ECOWAS"
    assert float(back["A"]["B"]["weight"]) == 2
    assert int(back["C"]["D"]["tension"]) == 1


def test_unknown_network_format():
    with pytest.raises(ExportError, match="graphml, gexf"):
        write_network(nx.Graph(), "dot")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export_network(store_dir, tmp_path, fmt):
    out = tmp_path / f"net.{fmt}"
    result = CliRunner().invoke(
        cli, ["export", "--format", fmt, "--since", "2024-01-01", "--store", str(store_dir), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert set(back.nodes) == {"NER", "USA", "RUS"}
    assert "bloc" in back.nodes["NER"] and "betweenness" in back.nodes["NER"]


def test_cli_export_period_options_are_for_network_formats(store_dir):
    result = CliRunner().invoke(
        cli, ["export", "--format", "ttl", "--since", "2024-01-01", "--store", str(store_dir)]
    )
    assert result.exit_code == 2
    assert "graphml or gexf" in result.output
