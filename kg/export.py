"""Writers: timelines as Markdown, CSV, JSON or a self-contained HTML page; the store as RDF files."""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import fields

from kg.errors import ExportError
from kg.store import KnowledgeGraph
from kg.timeline import Timeline, TimelineRow

TIMELINE_FORMATS = ("md", "csv", "json", "html")
RDF_FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
CATEGORY_COLOURS = {"cooperation": "#2e7d32", "tension": "#c62828", "coup": "#6a1b9a", "base_access": "#1565c0"}


def render_timeline(timeline: Timeline, fmt: str = "md", *, labels: dict[str, str] | None = None) -> str:
    """One dyad's timeline in md, csv, json or html (one self-contained page, no network needed)."""
    labels = labels or {}
    if fmt == "md":
        return _markdown(timeline, labels)
    if fmt == "csv":
        return _csv(timeline)
    if fmt == "json":
        return json.dumps({"a": timeline.a, "b": timeline.b, "events": timeline.to_records()},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(timeline, labels)
    raise ExportError(f"unknown timeline format {fmt!r}; use one of {', '.join(TIMELINE_FORMATS)}")


def _title(timeline: Timeline, labels: dict[str, str]) -> str:
    a, b = labels.get(timeline.a, timeline.a), labels.get(timeline.b, timeline.b)
    return f"{a} – {b}"


def _when(row: TimelineRow) -> str:
    if not row.date:
        return "date unknown"
    return row.date + (f" ({row.date_text})" if row.date_text else "")


def _cite(row: TimelineRow) -> str:
    who = row.outlet or "source"
    return f"{who}, {row.published}" if row.published else who


def _markdown(timeline: Timeline, labels: dict[str, str]) -> str:
    lines = [f"# {_title(timeline, labels)}: timeline", ""]
    asserted = timeline.asserted()
    lines.append(f"{len(asserted)} events reported as having happened"
                 f" ({len(timeline.rows) - len(asserted)} negated, hypothetical or planned listed apart).")
    lines += ["", "| date | category | type | source → target | evidence | article |", "|---|---|---|---|---|---|"]
    for row in asserted:
        lines.append(_md_row(row))
    others = [r for r in timeline.rows if r.status != "asserted"]
    if others:
        lines += ["", "## Not counted as events", "", "| date | status | type | source → target | evidence | article |",
                  "|---|---|---|---|---|---|"]
        for row in others:
            lines.append(_md_row(row, status=True))
    return "\n".join(lines) + "\n"


def _md_row(row: TimelineRow, status: bool = False) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    article = f"[{cell(row.title or row.article)}]({row.url})" if row.url else cell(row.title or row.article)
    second = row.status if status else row.category
    return (f"| {cell(_when(row))} | {second} | {row.type} | {cell(row.source_label)} ({row.source_code}) → "
            f"{cell(row.target_label)} ({row.target_code}) | “{cell(row.sentence)}” | {article} — {cell(_cite(row))} |")


def _csv(timeline: Timeline) -> str:
    out = io.StringIO()
    names = [f.name for f in fields(TimelineRow)]
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for record in timeline.to_records():
        writer.writerow(record)
    return out.getvalue()


def _chart_svg(timeline: Timeline) -> str:
    """Monthly event counts as stacked bars (cooperation up, tension and coups down), inline SVG."""
    months = timeline.monthly_counts()
    if not months:
        return "<p>No dated events to chart.</p>"
    keys = _month_range(min(months), max(months))
    width, height, mid = max(360, 28 * len(keys) + 40), 220, 110
    peak = max(max(c["cooperation"] + c["base_access"], c["tension"] + c["coup"]) for c in months.values()) or 1
    scale = (mid - 20) / peak
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="events per month"><line x1="30" y1="{mid}" x2="{width}" y2="{mid}" stroke="#999"/>']
    for i, month in enumerate(keys):
        x = 34 + 28 * i
        counts = months.get(month, {})
        up = mid
        for cat in ("cooperation", "base_access"):
            h = counts.get(cat, 0) * scale
            if h:
                up -= h
                parts.append(f'<rect x="{x}" y="{up:.1f}" width="20" height="{h:.1f}" fill="{CATEGORY_COLOURS[cat]}">'
                             f"<title>{month}: {counts.get(cat, 0)} {cat}</title></rect>")
        down = mid
        for cat in ("tension", "coup"):
            h = counts.get(cat, 0) * scale
            if h:
                parts.append(f'<rect x="{x}" y="{down:.1f}" width="20" height="{h:.1f}" fill="{CATEGORY_COLOURS[cat]}">'
                             f"<title>{month}: {counts.get(cat, 0)} {cat}</title></rect>")
                down += h
        if i % max(3, -(-len(keys) // 8)) == 0:  # a label every few months, never overlapping
            parts.append(f'<text x="{x}" y="{height - 4}" font-size="10">{month}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _html(timeline: Timeline, labels: dict[str, str]) -> str:
    title = html.escape(_title(timeline, labels))
    legend = " ".join(f'<span class="dot" style="background:{c}"></span>{k.replace("_", " ")}'
                      for k, c in CATEGORY_COLOURS.items())
    rows = []
    for row in timeline.rows:
        link = (f'<a href="{html.escape(row.url)}">{html.escape(row.title or row.article)}</a>' if row.url
                else html.escape(row.title or row.article))
        rows.append(
            f'<tr class="{row.status}"><td>{html.escape(_when(row))}</td>'
            f'<td><span class="dot" style="background:{CATEGORY_COLOURS.get(row.category, "#777")}"></span>'
            f"{html.escape(row.category)}</td><td>{html.escape(row.type)}</td><td>{row.status}</td>"
            f"<td>{html.escape(row.source_label)} ({row.source_code}) → {html.escape(row.target_label)} "
            f"({row.target_code})</td><td>“{html.escape(row.sentence)}”</td>"
            f"<td>{link}<br><small>{html.escape(_cite(row))}</small></td></tr>"
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}: timeline</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 6px; vertical-align: top; text-align: left; }}
tr.negated, tr.hypothetical, tr.planned {{ color: #888; font-style: italic; }}
.dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin: 0 4px 0 8px; }}
</style></head><body>
<h1>{title}</h1>
<p>{len(timeline.asserted())} events reported as having happened; negated, hypothetical and planned ones are in grey.</p>
<h2>Events per month</h2>
<p>{legend}</p>
{_chart_svg(timeline)}
<h2>Events</h2>
<table><thead><tr><th>date</th><th>category</th><th>type</th><th>status</th><th>source → target</th>
<th>evidence</th><th>article</th></tr></thead><tbody>
{"".join(rows)}
</tbody></table>
</body></html>
"""


def export_store(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The whole store as Turtle, TriG, N-Quads or JSON-LD."""
    if fmt not in RDF_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")
    if fmt in ("trig", "nq", "ttl"):
        return kg.dump(fmt)
    return kg.to_dataset().serialize(format=RDF_FORMATS[fmt]).encode("utf-8")
