"""The interactive network: actors as nodes, pairs as edges coloured by their dominant category.

    html = render_graph(network_edges(kg), since=date(2023, 7, 1))

The page is pyvis with its JavaScript inlined and every remote resource removed: it opens offline.
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from pyvis.network import Network

from kg.export import CATEGORY_COLOURS
from kg.query import load_named_query, run_query
from kg.store import KnowledgeGraph

_REMOTE = re.compile(r'<(link|script)\b[^>]*(href|src)="https?://[^"]*"[^>]*>(\s*</script>)?', re.I)
_SHAPES = {"State": "dot", "Organisation": "square", "ArmedGroup": "triangle", "Military": "diamond"}


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


def network_edges(kg: KnowledgeGraph) -> list[NetworkEdge]:
    """Every asserted event as an edge between state-level actors."""
    result = run_query(kg, load_named_query("network_edges").text, {})
    edges = []
    for values in result.rows:
        cell = dict(zip(result.variables, values, strict=True))
        edges.append(NetworkEdge(
            source=str(cell["sourceCode"]), target=str(cell["targetCode"]),
            source_name=str(cell["sourceName"]), target_name=str(cell["targetName"]),
            source_class=str(cell["sourceClass"]).rsplit("#", 1)[-1],
            target_class=str(cell["targetClass"]).rsplit("#", 1)[-1],
            category=str(cell["category"]), type=str(cell["type"]),
            date=str(cell["date"]) if cell.get("date") is not None else None, sentence=str(cell["sentence"]),
        ))
    return edges


def filter_edges(edges: list[NetworkEdge], *, since: date | None = None, until: date | None = None,
                 actor: str | None = None, category: str | None = None) -> list[NetworkEdge]:
    """Edges in a period (undated ones only without a period), touching an actor, of a category."""
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


def render_graph(edges: list[NetworkEdge], *, min_events: int = 1, title: str = "kg network") -> str:
    """A self-contained HTML page: node size by activity, edge colour by dominant category, dated tooltips."""
    pairs: dict[tuple[str, str], list[NetworkEdge]] = defaultdict(list)
    activity: Counter[str] = Counter()
    names: dict[str, tuple[str, str]] = {}
    for e in edges:
        if e.source == e.target:
            continue
        pairs[tuple(sorted((e.source, e.target)))].append(e)  # type: ignore[index]
        names[e.source] = (e.source_name, e.source_class)
        names[e.target] = (e.target_name, e.target_class)
    pairs = {k: v for k, v in pairs.items() if len(v) >= min_events}
    for (a, b), events in pairs.items():
        activity[a] += len(events)
        activity[b] += len(events)
    net = Network(height="760px", width="100%", cdn_resources="in_line", directed=False, heading="")
    net.barnes_hut(gravity=-6000, spring_length=180)
    for code in sorted(activity):
        name, cls = names[code]
        net.add_node(code, label=code, title=f"{name} ({code}): {activity[code]} events",
                     shape=_SHAPES.get(cls, "dot"), size=10 + 4 * activity[code] ** 0.5,
                     color="#455a64" if cls == "State" else "#8d6e63")
    for (a, b), events in sorted(pairs.items()):
        counts = Counter(e.category for e in events)
        dominant = counts.most_common(1)[0][0]
        lines = [f"{names[a][0]} – {names[b][0]}: {len(events)} events"]
        lines += [f"{e.date or 'undated'} {e.category}/{e.type}" for e in events[:25]]
        if len(events) > 25:
            lines.append(f"… and {len(events) - 25} more")
        net.add_edge(a, b, value=len(events), color=CATEGORY_COLOURS.get(dominant, "#777"),
                     title="\n".join(lines))
    page = _REMOTE.sub("", net.generate_html())
    legend = "".join(f'<span style="color:{c}">■</span> {html_lib.escape(k.replace("_", " "))} &nbsp; '
                     for k, c in CATEGORY_COLOURS.items())
    header = (f'<div style="font-family:sans-serif;padding:8px"><b>{html_lib.escape(title)}</b> — '
              f"{len(activity)} actors, {len(pairs)} pairs. Edge colour: {legend} Node shape: ● state, "
              f"■ organisation, ▲ armed group, ◆ military.</div>")
    return page.replace("<body>", "<body>" + header, 1)
