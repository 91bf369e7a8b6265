"""The interactive network page: filters, legend, period selector, blocs, tooltips, and nothing remote."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date

import pytest
from click.testing import CliRunner
from test_analytics import edge, fill_store, two_triads

from kg.cli import cli
from kg.errors import ExportError
from kg.export import CATEGORY_COLOURS
from kg.store import KnowledgeGraph
from kg.viz import BLOC_COLOURS, KIND_STYLES, graph_page, period_of, render_graph

REMOTE = re.compile(r"""\b(src|href)\s*=\s*["']?\s*(https?:)?//""", re.I)
LOADING_TAG = re.compile(r"<(script|link|img|iframe|embed|object)\b[^>]*\b(src|href|data)\s*=", re.I)


def network(page: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges pyvis put in the page."""
    nodes = re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", page).group(1)
    edges = re.search(r"edges = new vis\.DataSet\((.*?)\);\n", page).group(1)
    return json.loads(nodes), json.loads(edges)


@pytest.fixture
def edges():
    return [
        edge("NER", "USA", day="2023-08-04", article="a1"),
        edge("USA", "NER", "tension", day="2024-03-16", article="a2", n=1),
        edge("NER", "USA", "tension", day="2024-04", article="a2", n=2),
        edge("RUS", "NER", day="2024-04-10", article="a3", type="military_training"),
        edge("NER", "RUS", day="2023", article="a4"),
        edge("ECOWAS", "NER", "tension", day="2023-07-30", article="a5"),
        edge("NER", "NER", "coup", day="2023-07-26", article="a5"),
    ]


# ---------------------------------------------------------------- the page


def test_page_has_actors_as_nodes_and_pairs_as_edges(edges):
    nodes, links = network(render_graph(edges))
    assert {n["id"] for n in nodes} == {"NER", "USA", "RUS", "ECOWAS"}  # the coup is not a pair
    assert {(e["from"], e["to"]) for e in links} == {("NER", "USA"), ("NER", "RUS"), ("ECOWAS", "NER")}
    by_id = {n["id"]: n for n in nodes}
    assert by_id["NER"]["size"] > by_id["USA"]["size"] > by_id["ECOWAS"]["size"]  # size by activity
    assert by_id["ECOWAS"]["shape"] == KIND_STYLES["Organisation"][1] != by_id["NER"]["shape"]
    assert by_id["ECOWAS"]["color"] == KIND_STYLES["Organisation"][2]
    assert by_id["NER"]["color"] == KIND_STYLES["State"][2]


def test_edges_are_coloured_by_dominant_category_and_list_dated_events(edges):
    _, links = network(render_graph(edges))
    us = next(e for e in links if e["id"] == "NER|USA")
    assert us["color"] == CATEGORY_COLOURS["tension"] and us["value"] == 3
    lines = us["title"].split("\n")
    assert lines[0] == "Niger – United States"
    assert "3 events (1 cooperation, 2 tension), 2 sources" in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["2023-08-04", "2024-03-16", "2024-04"]
    assert "tension/sanction" in lines[3]
    russia = next(e for e in links if e["id"] == "NER|RUS")
    assert russia["color"] == CATEGORY_COLOURS["cooperation"]


@pytest.mark.parametrize(
    ("kwargs", "pairs"),
    [
        ({}, {"NER|USA", "NER|RUS", "ECOWAS|NER"}),
        ({"min_events": 2}, {"NER|USA", "NER|RUS"}),
        ({"min_events": 3}, {"NER|USA"}),
        ({"min_sources": 2}, {"NER|USA", "NER|RUS"}),
        ({"min_events": 3, "min_sources": 3}, set()),
    ],
)
def test_minimum_events_and_sources_hide_pairs(edges, kwargs, pairs):
    page = render_graph(edges, **kwargs)
    nodes, links = network(page)
    assert {e["id"] for e in links} == pairs
    assert {n["id"] for n in nodes} == {code for pair in pairs for code in pair.split("|")}
    assert f"{len(pairs)} pairs" in page


def test_legend_explains_colours_shapes_and_sizes(edges):
    page = render_graph(edges)
    legend = re.search(r'<div id="kg-legend".*?</div>', page, re.S).group(0)
    for category, colour in CATEGORY_COLOURS.items():
        assert category.replace("_", " ") in legend and colour in legend
    assert "state" in legend and "organisation" in legend
    assert "armed group" not in legend  # only the kinds on the page
    assert "size: number of events" in legend and "width: number of events" in legend


def test_the_page_loads_nothing_from_the_network(edges):
    for page in (render_graph(edges), render_graph(edges, by="year", blocs=True)):
        assert not REMOTE.search(page)
        assert not LOADING_TAG.search(page)
        assert "cdn.jsdelivr.net" not in page and "cdnjs.cloudflare.com" not in page
        assert "node_modules" not in page
        assert "new vis.Network(" in page and "@version 9.1.2" in page  # vis-network is inlined instead


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("value", "by", "period"),
    [
        ("2024-04-10", "year", "2024"),
        ("2024-04", "quarter", "2024-Q2"),
        ("2023-12-31", "quarter", "2023-Q4"),
        ("2024-01", "month", "2024-01"),
        ("2024", "year", "2024"),
        ("2024", "quarter", None),
        ("2024", "month", None),
        (None, "year", None),
    ],
)
def test_period_of(value, by, period):
    assert period_of(value, by) == period


def test_period_selector_and_slider(edges):
    page = render_graph(edges, by="year")
    select = re.search(r'<select id="kg-period">(.*?)</select>', page, re.S).group(1)
    assert re.findall(r'<option value="([^"]+)"', select) == ["all", "2023", "2024"]
    slider = re.search(r'<input type="range" id="kg-period-slider"[^>]*>', page).group(0)
    assert 'min="0"' in slider and 'max="2"' in slider
    assert 'data-periods="[&quot;all&quot;, &quot;2023&quot;, &quot;2024&quot;]"' in page
    script = page[page.index("kgShowPeriod") - 2000 :]
    assert "edges.update" in script and "nodes.update" in script and "addEventListener" in script
    _, links = network(page)
    us = next(e for e in links if e["id"] == "NER|USA")
    assert set(us["periods"]) == {"2023", "2024"}
    assert (
        us["periods"]["2024"]["value"] == 2 and us["periods"]["2024"]["color"] == CATEGORY_COLOURS["tension"]
    )
    assert us["periods"]["2023"]["color"] == CATEGORY_COLOURS["cooperation"]
    assert us["all"]["value"] == 3
    assert "2024" in us["periods"]["2024"]["title"].split("\n")[0]


def test_quarters_leave_year_dates_to_the_all_view(edges):
    _, links = network(render_graph(edges, by="quarter"))
    russia = next(e for e in links if e["id"] == "NER|RUS")
    assert set(russia["periods"]) == {"2024-Q2"}  # the event dated 2023 only has a year
    assert russia["all"]["value"] == 2


def test_no_period_controls_without_by(edges):
    page = render_graph(edges)
    assert 'id="kg-period"' not in page and "kgShowPeriod" not in page


def test_unknown_period():
    with pytest.raises(ExportError, match="year, quarter, month"):
        render_graph([], by="week")


# ---------------------------------------------------------------- blocs


def test_blocs_colour_the_nodes_and_fill_the_legend():
    page = render_graph(two_triads(), blocs=True)
    nodes, _ = network(page)
    colour = {n["id"]: n["color"] for n in nodes}
    assert colour["A"] == colour["B"] == colour["C"] == BLOC_COLOURS[0]
    assert colour["D"] == colour["E"] == colour["F"] == BLOC_COLOURS[1]
    assert "bloc 1: A, B, C" in page and "bloc 2: D, E, F" in page
    assert "bloc 1" in next(n for n in nodes if n["id"] == "A")["title"]


# ---------------------------------------------------------------- from the store and the command line


def test_graph_page_filters_the_store(index):
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index)
        page = graph_page(kg, since=date(2024, 1, 1), actor="RUS")
        everything = graph_page(kg, category="tension")
    nodes, links = network(page)
    assert {e["id"] for e in links} == {"NER|RUS"}
    assert "since 2024-01-01, actor RUS" in page
    _, tension = network(everything)
    assert {e["id"] for e in tension} == {"NER|USA", "ECOWAS|NER"}


def test_cli_graph_writes_one_offline_page_with_periods_and_blocs(index, tmp_path):
    where = tmp_path / "kgstore"
    with KnowledgeGraph.open(where) as kg:
        fill_store(kg, index)
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(
        cli,
        [
            "graph",
            "--by",
            "year",
            "--blocs",
            "--min-events",
            "2",
            "--actor",
            "Niger",
            "--store",
            str(where),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert not REMOTE.search(page)
    assert re.findall(r'<option value="([^"]+)"', page) == ["all", "2023", "2024"]
    _, links = network(page)
    assert {e["id"] for e in links} == {"NER|USA", "NER|RUS"}  # ECOWAS–NER has one event
    assert "kg-bloc" in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium to open the page in")
def test_the_period_selector_switches_edges_in_a_real_browser(edges, tmp_path):
    probe = """<script>setTimeout(function () {
      kgShowPeriod("2024");
      var shown = edges.get({filter: function (e) { return !e.hidden; }}).map(function (e) { return e.id; });
      var hidden = nodes.get({filter: function (n) { return n.hidden; }}).map(function (n) { return n.id; });
      document.title = "shown=" + shown.sort().join(",") + ";hidden=" + hidden.sort().join(",");
    }, 300);</script>"""
    page = render_graph(edges, by="year").replace("</body>", probe + "</body>")
    path = tmp_path / "graph.html"
    path.write_text(page, encoding="utf-8")
    try:
        done = subprocess.run(
            [
                _chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--virtual-time-budget=4000",
                "--dump-dom",
                path.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=90,
        )
    except subprocess.TimeoutExpired:
        pytest.skip("Chromium did not answer in time")
    title = re.search(r"<title>(.*?)</title>", done.stdout)
    assert title, done.stderr[-2000:]
    # in 2024: NER–USA (two tension events) and NER–RUS (the trainers); ECOWAS had nothing to do with anyone
    assert title.group(1) == "shown=NER|RUS,NER|USA;hidden=ECOWAS"
    assert 'id="kg-period-label">2024: 2 pairs' in done.stdout
