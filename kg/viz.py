"""The interactive network: actors as nodes, pairs as edges coloured by their dominant category.

    html = graph_page(kg, since=date(2023, 7, 1), by="year", blocs=True)
    html = render_graph(filter_edges(event_edges(kg), actor="NER"), min_events=2)   # from events
    html = render_pairs(filter_pairs(network_edges(kg), actor="NER"))               # from the summaries

One self-contained page: pyvis with its JavaScript inlined and every remote resource removed, so it
opens offline. Node shape and colour give the kind of actor (or its bloc, with ``blocs``), node size
its activity; edge colour the pair's dominant category, edge width its number of events, and the
tooltip its counts and dated events (drawn from events), or its first and last dates (drawn from
the pairs' summaries: the whole store's network, without a period). With ``by`` ("year",
"quarter", "month") a period selector and a slider switch the visible edges to one period at a time.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from pyvis.network import Network

from kg.analytics import (
    NetworkEdge,
    PairEdge,
    analyse,
    cooperation_graph,
    event_edges,
    filter_edges,
    filter_pairs,
    network_edges,
    pair_edges,
)
from kg.errors import ExportError
from kg.export import CATEGORY_COLOURS
from kg.store import KnowledgeGraph

__all__ = [
    "NetworkEdge", "PairEdge", "filter_edges", "graph_page", "network_edges", "render_graph", "render_pairs",
    "PERIODS",
]

PERIODS = ("year", "quarter", "month")
KIND_STYLES = {  # class in the actors graph: (label, vis shape, colour, legend glyph)
    "State": ("state", "dot", "#455a64", "●"),
    "Organisation": ("organisation", "square", "#8d6e63", "■"),
    "ArmedGroup": ("armed group", "triangle", "#ef6c00", "▲"),
    "Military": ("military", "diamond", "#5d4037", "◆"),
}
BLOC_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4")
NO_BLOC_COLOUR = "#bdbdbd"
MAX_TOOLTIP_EVENTS = 25

_REMOTE = re.compile(r'<(link|script)\b[^>]*\b(href|src)\s*=\s*["\']?(https?:)?//[^>]*>(\s*</script>)?', re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def graph_page(
    kg: KnowledgeGraph,
    *,
    since: date | None = None,
    until: date | None = None,
    actor: str | None = None,
    category: str | None = None,
    min_events: int = 1,
    min_sources: int = 1,
    by: str | None = None,
    blocs: bool = False,
) -> str:
    """The page of ``kg graph``: the store's asserted events, filtered, as one offline HTML page.

    With a period (``since``, ``until``, ``by``) it reads the events; without one the pairs' summaries."""
    parts = [
        f"since {since}" if since else "",
        f"until {until}" if until else "",
        f"actor {actor}" if actor else "",
        f"{category} only" if category else "",
    ]
    title = "kg network" + (" — " + ", ".join(p for p in parts if p) if any(parts) else "")
    shown = {"min_events": min_events, "min_sources": min_sources, "blocs": blocs, "title": title}
    if since or until or by:
        edges = filter_edges(event_edges(kg), since=since, until=until, actor=actor, category=category)
        return render_graph(edges, by=by, **shown)
    return render_pairs(filter_pairs(network_edges(kg), actor=actor, category=category), **shown)


def period_of(value: str | None, by: str) -> str | None:
    """The period a date falls in: ``2023``, ``2023-Q3`` or ``2023-08``; None when the date is too coarse."""
    if not value:
        return None
    if by == "year":
        return value[:4]
    if len(value) < 7:
        return None
    if by == "month":
        return value[:7]
    return f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}"


def render_graph(
    edges: Iterable[NetworkEdge],
    *,
    min_events: int = 1,
    min_sources: int = 1,
    by: str | None = None,
    blocs: bool = False,
    title: str = "kg network",
) -> str:
    """The self-contained HTML page of the events' network (module docstring), small pairs hidden."""
    if by is not None and by not in PERIODS:
        raise ExportError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    edges = list(edges)
    periods: dict[tuple[str, str], dict[str, PairEdge]] | None = None
    if by:
        by_period: dict[str, list[NetworkEdge]] = defaultdict(list)
        for e in edges:
            period = period_of(e.date, by)
            if period:
                by_period[period].append(e)
        periods = defaultdict(dict)
        for period, events in by_period.items():
            for pair in pair_edges(events):
                periods[(pair.a, pair.b)][period] = pair
    return render_pairs(
        pair_edges(edges), min_events=min_events, min_sources=min_sources, periods=periods, by=by,
        blocs=blocs, title=title,
    )


def render_pairs(
    pairs: Iterable[PairEdge],
    *,
    min_events: int = 1,
    min_sources: int = 1,
    periods: dict[tuple[str, str], dict[str, PairEdge]] | None = None,
    by: str | None = None,
    blocs: bool = False,
    title: str = "kg network",
) -> str:
    """The HTML page of the pairs' network; ``periods``: each pair's views by period of ``by``."""
    shown = [
        p for p in pairs if p.a != p.b and p.events >= min_events and p.articles >= min_sources
    ]
    names: dict[str, tuple[str, str]] = {}
    activity: Counter[str] = Counter()
    for p in shown:
        names[p.a] = (p.a_name, p.a_class)
        names[p.b] = (p.b_name, p.b_class)
        activity[p.a] += p.events
        activity[p.b] += p.events
    bloc_of: dict[str, int] = {}
    if blocs:
        graph = analyse(cooperation_graph(shown))
        bloc_of = {node: attrs["bloc"] for node, attrs in graph.nodes(data=True)}

    net = Network(height="720px", width="100%", cdn_resources="in_line", directed=False, heading="")
    net.barnes_hut(gravity=-6000, spring_length=180)
    for code in sorted(activity):
        name, cls = names[code]
        kind, shape, colour, _ = KIND_STYLES.get(cls, (cls.lower(), "dot", "#455a64", "●"))
        lines = [f"{name} ({code})", f"{kind}, {activity[code]} events"]
        if blocs:
            bloc = bloc_of.get(code, -1)
            colour = BLOC_COLOURS[bloc % len(BLOC_COLOURS)] if bloc >= 0 else NO_BLOC_COLOUR
            lines.append(f"bloc {bloc + 1}" if bloc >= 0 else "no bloc")
        net.add_node(
            code,
            label=code,
            title="\n".join(lines),
            shape=shape,
            color=colour,
            size=10 + 4 * activity[code] ** 0.5,
        )
    seen: set[str] = set()
    for p in sorted(shown, key=lambda p: (p.a, p.b)):
        options: dict = {"id": f"{p.a}|{p.b}", "all": _edge_view(p)}
        if by:
            views = (periods or {}).get((p.a, p.b), {})
            options["periods"] = {period: _edge_view(view, period) for period, view in views.items()}
            seen.update(views)
        net.add_edge(p.a, p.b, **options["all"], **options)

    page = _offline(net.generate_html())
    header = _header(title, len(activity), len(shown), min_events, min_sources)
    legend = _legend(sorted(activity), names, bloc_of if blocs else None)
    controls = _period_controls(sorted(seen), by) if by else ""
    page = page.replace("<body>", "<body>" + header + controls, 1)
    return page.replace("</body>", legend + (_PERIOD_SCRIPT if by else "") + "</body>", 1)


def _edge_view(pair: PairEdge, period: str | None = None) -> dict:
    """What an edge shows: width, colour of the dominant category, a tooltip with its counts and dated
    events (its first and last date when the pair was counted without them)."""
    counts = {category: n for category, (n, _) in pair.counts.items() if n}
    dominant = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
    head = f"{pair.a_name} – {pair.b_name}" + (f", {period}" if period else "")
    summary = ", ".join(f"{n} {cat.replace('_', ' ')}" for cat, n in sorted(counts.items()))
    lines = [head, f"{pair.events} events ({summary}), {pair.articles} sources"]
    dated = sorted(pair.dated, key=lambda e: (e.date is None, e.date or "", e.type))
    lines += [
        f"{e.date or 'undated'}  {e.category}/{e.type}  {e.source} → {e.target}"
        for e in dated[:MAX_TOOLTIP_EVENTS]
    ]
    if len(dated) > MAX_TOOLTIP_EVENTS:
        lines.append(f"… and {len(dated) - MAX_TOOLTIP_EVENTS} more")
    if not dated and pair.first:
        lines.append(f"dated {pair.first}" + (f" to {pair.last}" if pair.last != pair.first else ""))
    return {
        "value": pair.events,
        "color": CATEGORY_COLOURS.get(dominant, "#777777"),
        "title": "\n".join(lines),
        "category": dominant,
    }


def _offline(page: str) -> str:
    """pyvis's page without its CDN links, Bootstrap, and the commented-out node_modules tags."""
    return _REMOTE.sub("", _COMMENT.sub("", page))


def _header(title: str, actors: int, pairs: int, min_events: int, min_sources: int) -> str:
    minimums = []
    if min_events > 1:
        minimums.append(f"at least {min_events} events")
    if min_sources > 1:
        minimums.append(f"at least {min_sources} sources")
    shown = f" (pairs with {' and '.join(minimums)})" if minimums else ""
    return (
        f'<div id="kg-header" style="font-family:sans-serif;padding:8px 12px">'
        f"<b>{html_lib.escape(title)}</b> — {actors} actors, {pairs} pairs{shown}. "
        f"Asserted events only; hover an edge for its counts and dates.</div>"
    )


def _legend(codes: list[str], names: dict[str, tuple[str, str]], bloc_of: dict[str, int] | None) -> str:
    rows = [
        '<div id="kg-legend" style="font-family:sans-serif;font-size:13px;padding:8px 12px;clear:both">',
        "<b>Edges</b> (colour: dominant category, width: number of events): ",
    ]
    rows += [
        f'<span class="kg-legend-item"><span style="color:{c}">━</span> {k.replace("_", " ")}</span> &nbsp; '
        for k, c in CATEGORY_COLOURS.items()
    ]
    rows.append("<br><b>Nodes</b> (shape: kind, size: number of events): ")
    kinds = {cls for _, cls in names.values()} or {"State"}
    for cls, (label, _, colour, glyph) in KIND_STYLES.items():
        if cls in kinds:
            shown = NO_BLOC_COLOUR if bloc_of is not None else colour
            rows.append(
                f'<span class="kg-legend-item"><span style="color:{shown}">{glyph}</span> {label}</span>'
                " &nbsp; "
            )
    if bloc_of is not None:
        members: dict[int, list[str]] = defaultdict(list)
        for code in codes:
            members[bloc_of.get(code, -1)].append(code)
        rows.append("<br><b>Blocs</b> (node colour: communities of cooperation, Louvain): ")
        for bloc in sorted(b for b in members if b >= 0):
            colour = BLOC_COLOURS[bloc % len(BLOC_COLOURS)]
            rows.append(
                f'<span class="kg-legend-item kg-bloc"><span style="color:{colour}">●</span> '
                f"bloc {bloc + 1}: {html_lib.escape(', '.join(members[bloc]))}</span> &nbsp; "
            )
        if members.get(-1):
            rows.append(
                f'<span class="kg-legend-item kg-bloc"><span style="color:{NO_BLOC_COLOUR}">●</span> '
                f"no bloc: {html_lib.escape(', '.join(members[-1]))}</span>"
            )
    rows.append("</div>")
    return "".join(rows)


def _period_controls(periods: list[str], by: str) -> str:
    options = ['<option value="all" selected>all periods</option>']
    options += [f'<option value="{html_lib.escape(p)}">{html_lib.escape(p)}</option>' for p in periods]
    values = json.dumps(["all", *periods])
    return (
        f'<div id="kg-periods" data-by="{by}" data-periods="{html_lib.escape(values)}" '
        f'style="font-family:sans-serif;padding:4px 12px">'
        f'<label for="kg-period">Period ({by}): </label>'
        f'<select id="kg-period">{"".join(options)}</select> '
        f'<input type="range" id="kg-period-slider" min="0" max="{len(periods)}" value="0" step="1" '
        f'style="width:40%;vertical-align:middle" aria-label="period"> '
        f'<span id="kg-period-label">all periods</span></div>'
    )


# Switches every edge to its view for the chosen period (hidden when the pair had no event then) and hides
# the actors left without edges; the select and the slider drive each other.
_PERIOD_SCRIPT = """<script type="text/javascript">
(function () {
  var box = document.getElementById("kg-periods");
  var periods = JSON.parse(box.getAttribute("data-periods"));
  var select = document.getElementById("kg-period");
  var slider = document.getElementById("kg-period-slider");
  var label = document.getElementById("kg-period-label");
  function show(period) {
    var edgeUpdates = [], used = {}, shown = 0;
    edges.forEach(function (edge) {
      var view = period === "all" ? edge.all : (edge.periods || {})[period];
      if (view) {
        edgeUpdates.push({id: edge.id, hidden: false, value: view.value, color: view.color,
                          title: view.title});
        used[edge.from] = true; used[edge.to] = true; shown += 1;
      } else {
        edgeUpdates.push({id: edge.id, hidden: true});
      }
    });
    edges.update(edgeUpdates);
    nodes.update(nodes.getIds().map(function (id) { return {id: id, hidden: !used[id]}; }));
    select.value = period;
    slider.value = String(periods.indexOf(period));
    label.textContent = (period === "all" ? "all periods" : period) + ": " + shown + " pairs";
  }
  select.addEventListener("change", function () { show(select.value); });
  slider.addEventListener("input", function () { show(periods[Number(slider.value)]); });
  window.kgShowPeriod = show;
})();
</script>
"""
