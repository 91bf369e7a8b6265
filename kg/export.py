"""Writers: timelines as Markdown, CSV, JSON or a self-contained HTML page; the store as RDF files.

A timeline shows each consolidated event once with all its sources, the relationship
states, the monthly score and its turning points; the mentions that are not asserted
(negated, hypothetical, planned) are listed apart.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import asdict, fields

from kg.dates import month_range
from kg.errors import ExportError
from kg.model import inferred
from kg.store import KnowledgeGraph
from kg.timeline import Timeline, TimelineEvent, TimelineRow, TimelineSource, TimelineState, consolidate_rows

TIMELINE_FORMATS = ("md", "csv", "json", "html")
RDF_FORMATS = {"ttl": "turtle", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
CATEGORY_COLOURS = {
    "cooperation": "#2e7d32",
    "tension": "#c62828",
    "coup": "#6a1b9a",
    "base_access": "#1565c0",
}
STATE_COLOURS = {
    "active": "#66bb6a",
    "normal": "#66bb6a",
    "suspended": "#ffa726",
    "downgraded": "#ffa726",
    "withdrawal_agreed": "#ffa726",
    "withdrawing": "#ffca28",
    "revoked": "#ef5350",
    "ended": "#ef5350",
    "ambassador_expelled": "#ef5350",
    "completed": "#9e9e9e",
}
RELATION_LABELS = {
    "military_partnership": "military partnership",
    "basing_access": "basing access",
    "diplomatic_relations": "diplomatic relations",
}
CSV_EXTRA = ("consolidated_event", "event_date", "source_count")


def render_timeline(timeline: Timeline, fmt: str = "md", *, labels: dict[str, str] | None = None) -> str:
    """One dyad's timeline in md, csv, json or html (one self-contained page, no network needed)."""
    labels = labels or {}
    if fmt == "md":
        return _markdown(timeline, labels)
    if fmt == "csv":
        return _csv(timeline)
    if fmt == "json":
        data = timeline.to_dict()
        data["events"] = [asdict(e) for e in _events(timeline)]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return _html(timeline, labels)
    raise ExportError(f"unknown timeline format {fmt!r}; use one of {', '.join(TIMELINE_FORMATS)}")


def _events(timeline: Timeline) -> list[TimelineEvent]:
    """The consolidated events; for a timeline built by hand from rows, computed from them."""
    return list(timeline.events) if timeline.events else consolidate_rows(list(timeline.rows))


def _title(timeline: Timeline, labels: dict[str, str]) -> str:
    a, b = labels.get(timeline.a, timeline.a), labels.get(timeline.b, timeline.b)
    return f"{a} – {b}"


def _when(row: TimelineRow | TimelineSource) -> str:
    if not row.date:
        return "date unknown"
    return row.date + (f" ({row.date_text})" if row.date_text else "")


def _cite(row: TimelineRow | TimelineSource) -> str:
    who = row.outlet or "source"
    return f"{who}, {row.published}" if row.published else who


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _name(code: str, labels: dict[str, str]) -> str:
    return f"{labels[code]} ({code})" if code in labels else code


def _event_title(e: TimelineEvent, labels: dict[str, str]) -> str:
    when = e.date or "date unknown"
    return (
        f"{when} · {e.category.replace('_', ' ')} · {e.type.replace('_', ' ')}: "
        f"{_name(e.source_code, labels)} → {_name(e.target_code, labels)}"
    )


def cited_events(timeline: Timeline, state: TimelineState) -> str:
    """The events that justify a state, by date and type ("2024-03-16 revoke access; 2024-03 …")."""
    by_iri = {e.event: e for e in timeline.events}
    cited = [by_iri[iri] for iri in state.events if iri in by_iri]
    cited.sort(key=lambda e: e.date or "9999")
    listed = "; ".join(f"{e.date or 'undated'} {e.type.replace('_', ' ')}" for e in cited)
    return listed or f"{len(state.events)} events"


def _markdown(timeline: Timeline, labels: dict[str, str]) -> str:
    events = _events(timeline)
    asserted = timeline.asserted()
    articles = {r.article for r in asserted}
    lines = [f"# {_title(timeline, labels)}: timeline", ""]
    lines.append(
        f"{len(events)} events reported as having happened, from {len(asserted)} mentions in "
        f"{len(articles)} articles ({len(timeline.rows) - len(asserted)} negated, hypothetical or planned "
        "mentions listed apart)."
    )
    if timeline.states:
        lines += [
            "",
            "## Relationship states",
            "",
            "| relation | state | from | until | justified by |",
            "|---|---|---|---|---|",
        ]
        for s in timeline.states:
            roles = f" ({s.host} hosts {s.guest})" if s.host and s.guest else ""
            lines.append(
                f"| {RELATION_LABELS.get(s.relation, s.relation)}{roles} | {s.state.replace('_', ' ')} | "
                f"{s.since} | {s.valid_until or '—'} | {_cell(cited_events(timeline, s))} |"
            )
    lines += ["", "## Events"]
    for e in events:
        lines += ["", f"### {_cell(_event_title(e, labels))}", ""]
        detail = (
            f"{e.source_count} independent source{'s' if e.source_count != 1 else ''}, "
            f"confidence {e.confidence:.2f}"
        )
        if e.date_conflicts:
            detail += f"; other dates given: {', '.join(e.date_conflicts)}"
        if e.corrected:
            detail += "; corrected by an analyst"
        lines += [detail + ".", ""]
        for src in e.sources:
            article = (
                f"[{_cell(src.title or src.article)}]({src.url})"
                if src.url
                else _cell(src.title or src.article)
            )
            lines.append(
                f"- {_cell(_cite(src))} — {article}: {_cell(_when(src))} “{_cell(src.sentence)}”"
                + _cell(inferred(src.filled))
            )
    if timeline.scores:
        lines += [
            "",
            "## Monthly score",
            "",
            "Sum of the intensities of the month's events (cooperation positive, tension negative), "
            "each event counted once; the 3-month column is the rolling sum.",
            "",
            "| month | score | 3-month | cooperation | tension | turning point |",
            "|---|---|---|---|---|---|",
        ]
        for sc in timeline.scores:
            turn = {"sign": "score changes sign", "jump": "sharp move"}.get(sc.turning_point or "", "")
            lines.append(
                f"| {sc.month} | {sc.score:+.1f} | {sc.rolling:+.1f} | {sc.cooperation} | {sc.tension} | "
                f"{turn} |"
            )
        lines += ["", "## Turning points", ""]
        lines += [
            f"- {sc.month}: the 3-month score "
            f"{'changes sign' if sc.turning_point == 'sign' else 'moves sharply'} ({sc.rolling:+.1f})"
            for sc in timeline.scores
            if sc.turning_point
        ] or ["None."]
    others = [r for r in timeline.rows if r.status != "asserted"]
    if others:
        lines += [
            "",
            "## Not counted as events",
            "",
            "| date | status | type | source → target | evidence | article |",
            "|---|---|---|---|---|---|",
        ]
        for row in others:
            lines.append(_md_row(row, status=True))
    return "\n".join(lines) + "\n"


def _md_row(row: TimelineRow, status: bool = False) -> str:
    article = (
        f"[{_cell(row.title or row.article)}]({row.url})" if row.url else _cell(row.title or row.article)
    )
    second = row.status if status else row.category
    return (
        f"| {_cell(_when(row))} | {second} | {row.type} | {_cell(row.source_label)} ({row.source_code}) → "
        f"{_cell(row.target_label)} ({row.target_code}) | "
        f"“{_cell(row.sentence)}”{_cell(inferred(row.filled))} | {article} — "
        f"{_cell(_cite(row))} |"
    )


def _csv(timeline: Timeline) -> str:
    """One row per mention (every status), with the consolidated event it belongs to."""
    owner: dict[str, TimelineEvent] = {src.event: e for e in _events(timeline) for src in e.sources}
    out = io.StringIO()
    names = [f.name for f in fields(TimelineRow)] + list(CSV_EXTRA)
    writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for row, record in zip(timeline.rows, timeline.to_records(), strict=True):
        event = owner.get(row.event)
        record.update(
            consolidated_event=event.event if event else "",
            event_date=event.date or "" if event else "",
            source_count=event.source_count if event else "",
        )
        writer.writerow(record)
    return out.getvalue()


# ---------------------------------------------------------------------- the HTML chart

_STEP, _LEFT, _MID = 28, 34, 110


def _chart_svg(timeline: Timeline, events: list[TimelineEvent]) -> str:
    """Events per month as stacked bars (cooperation up, tension and coups down), the monthly score as a
    line over them, turning points ringed, and one band per relation coloured by its state; inline SVG."""
    months = _event_months(events) if events else timeline.monthly_counts()
    score_months = [s.month for s in timeline.scores]
    if not months and not score_months:
        return "<p>No dated events to chart.</p>"
    keys = month_range(min(list(months) + score_months), max(list(months) + score_months))
    relations = sorted({s.relation for s in timeline.states})
    bands = 18 * len(relations)
    width, chart = max(360, _STEP * len(keys) + 160), 220
    height = chart + bands + (24 if bands else 0)
    peak = max(
        [max(c["cooperation"] + c["base_access"], c["tension"] + c["coup"]) for c in months.values()] + [1]
    )
    scale = (_MID - 20) / peak
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="events per month, monthly score and relationship states">'
        f'<line x1="30" y1="{_MID}" x2="{_LEFT + _STEP * len(keys)}" y2="{_MID}" stroke="#999"/>'
    ]
    x_of = {month: _LEFT + _STEP * i for i, month in enumerate(keys)}
    for month in keys:
        x, counts = x_of[month], months.get(month, {})
        up = _MID
        for cat in ("cooperation", "base_access"):
            h = counts.get(cat, 0) * scale
            if h:
                up -= h
                parts.append(
                    f'<rect x="{x}" y="{up:.1f}" width="20" height="{h:.1f}" fill="{CATEGORY_COLOURS[cat]}" '
                    f'opacity="0.75"><title>{month}: {counts.get(cat, 0)} {cat}</title></rect>'
                )
        down = _MID
        for cat in ("tension", "coup"):
            h = counts.get(cat, 0) * scale
            if h:
                parts.append(
                    f'<rect x="{x}" y="{down:.1f}" width="20" height="{h:.1f}" '
                    f'fill="{CATEGORY_COLOURS[cat]}" opacity="0.75">'
                    f"<title>{month}: {counts.get(cat, 0)} {cat}</title></rect>"
                )
                down += h
    parts.append(_score_line(timeline, x_of))
    label_every = max(1, -(-len(keys) * 48 // max(1, _STEP * len(keys))))  # one label per ~48 px
    for i, month in enumerate(keys):
        if i % label_every == 0:
            parts.append(f'<text x="{x_of[month]}" y="{chart - 4}" font-size="10">{month}</text>')
    parts.append(_state_bands(timeline, keys, relations, chart))
    parts.append("</svg>")
    return "".join(parts)


def _event_months(events: list[TimelineEvent]) -> dict:
    from collections import Counter

    months: dict[str, Counter[str]] = {}
    for e in events:
        if e.month:
            months.setdefault(e.month, Counter())[e.category] += 1
    return dict(sorted(months.items()))


def _score_line(timeline: Timeline, x_of: dict[str, int]) -> str:
    scores = [s for s in timeline.scores if s.month in x_of]
    if not scores:
        return ""
    peak = max(abs(s.score) for s in scores) or 1.0
    scale = (_MID - 20) / peak

    def y(value: float) -> float:
        return _MID - value * scale

    points = " ".join(f"{x_of[s.month] + 10},{y(s.score):.1f}" for s in scores)
    parts = [
        f'<polyline class="score" points="{points}" fill="none" stroke="#111" stroke-width="2">'
        "<title>monthly score (sum of intensities)</title></polyline>"
    ]
    for s in scores:
        if s.turning_point:
            parts.append(
                f'<circle class="turning-point" cx="{x_of[s.month] + 10}" cy="{y(s.score):.1f}" r="6" '
                f'fill="none" stroke="#ff6f00" stroke-width="2"><title>{s.month}: turning point '
                f"({'sign change' if s.turning_point == 'sign' else 'sharp move'}, 3-month score "
                f"{s.rolling:+.1f})</title></circle>"
            )
    return "".join(parts)


def _state_bands(timeline: Timeline, keys: list[str], relations: list[str], top: int) -> str:
    if not relations:
        return ""
    first, end = keys[0], _LEFT + _STEP * len(keys)
    parts = []
    for n, relation in enumerate(relations):
        y = top + 8 + 18 * n
        parts.append(
            f'<text x="{end + 6}" y="{y + 11}" font-size="10">'
            f"{RELATION_LABELS.get(relation, relation)}</text>"
        )
        for s in (s for s in timeline.states if s.relation == relation):
            start = max(s.valid_from[:7], first)
            stop = min((s.valid_until or "9999-12")[:7], keys[-1])
            if start > keys[-1] or stop < first:
                continue
            x0 = _LEFT + _STEP * keys.index(start)
            x1 = _LEFT + _STEP * (keys.index(stop) + 1) - 4
            colour = STATE_COLOURS.get(s.state, "#90a4ae")
            label = s.state.replace("_", " ")
            parts.append(
                f'<rect class="state" x="{x0}" y="{y}" width="{max(4, x1 - x0)}" height="14" fill="{colour}">'
                f"<title>{html.escape(RELATION_LABELS.get(relation, relation))}: {html.escape(label)} from "
                f"{s.since}{' until ' + s.valid_until if s.valid_until else ''}</title></rect>"
            )
            if x1 - x0 > 6.5 * len(label) + 6:
                parts.append(f'<text x="{x0 + 3}" y="{y + 11}" font-size="10">{html.escape(label)}</text>')
    return "".join(parts)


def _html(timeline: Timeline, labels: dict[str, str]) -> str:
    title = html.escape(_title(timeline, labels))
    events = _events(timeline)
    legend = " ".join(
        f'<span class="dot" style="background:{c}"></span>{k.replace("_", " ")}'
        for k, c in CATEGORY_COLOURS.items()
    )
    legend += ' <span class="line"></span>monthly score <span class="ring"></span>turning point'
    rows = []
    for e in events:
        sources = "".join(
            f"<li>{_link(src)} <small>{html.escape(_cite(src))}; {html.escape(_when(src))}</small><br>"
            f"“{html.escape(src.sentence)}”{html.escape(inferred(src.filled))}</li>"
            for src in e.sources
        )
        note = f"{e.source_count} source{'s' if e.source_count != 1 else ''}, confidence {e.confidence:.2f}"
        if e.date_conflicts:
            note += f"; other dates given: {', '.join(e.date_conflicts)}"
        rows.append(
            f'<tr class="asserted"><td>{html.escape(e.date or "date unknown")}</td>'
            f'<td><span class="dot" style="background:{CATEGORY_COLOURS.get(e.category, "#777")}"></span>'
            f"{html.escape(e.category)}</td><td>{html.escape(e.type)}</td>"
            f"<td>{html.escape(_name(e.source_code, labels))} → "
            f"{html.escape(_name(e.target_code, labels))}</td>"
            f"<td><small>{html.escape(note)}</small><ul>{sources}</ul></td></tr>"
        )
    others = []
    for row in (r for r in timeline.rows if r.status != "asserted"):
        others.append(
            f'<tr class="{row.status}"><td>{html.escape(_when(row))}</td><td>{row.status}</td>'
            f"<td>{html.escape(row.type)}</td><td>{html.escape(row.source_label)} ({row.source_code}) → "
            f"{html.escape(row.target_label)} ({row.target_code})</td><td>“{html.escape(row.sentence)}”"
            f"{html.escape(inferred(row.filled))}<br>"
            f"{_link(row)} <small>{html.escape(_cite(row))}</small></td></tr>"
        )
    states = "".join(
        f"<tr><td>{html.escape(RELATION_LABELS.get(s.relation, s.relation))}</td>"
        f"<td>{html.escape(s.state.replace('_', ' '))}</td><td>{html.escape(s.since)}</td>"
        f"<td>{html.escape(s.valid_until or '—')}</td><td>{html.escape(cited_events(timeline, s))}</td></tr>"
        for s in timeline.states
    )
    turns = ", ".join(timeline.turning_points) or "none"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}: timeline</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
td, th {{ border-bottom: 1px solid #ddd; padding: 6px; vertical-align: top; text-align: left; }}
tr.negated, tr.hypothetical, tr.planned {{ color: #888; font-style: italic; }}
ul {{ margin: 4px 0 0 0; padding-left: 18px; }}
.dot {{ display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin: 0 4px 0 8px; }}
.line {{ display: inline-block; width: 16px; border-top: 2px solid #111; margin: 0 4px 3px 8px; }}
.ring {{ display: inline-block; width: 8px; height: 8px; border: 2px solid #ff6f00; border-radius: 6px;
         margin: 0 4px 0 8px; }}
</style></head><body>
<h1>{title}</h1>
<p>{len(events)} events reported as having happened (each once, with all its sources);
negated, hypothetical and planned mentions are listed apart, in grey.</p>
<h2>Events per month, score and relationship states</h2>
<p>{legend}</p>
{_chart_svg(timeline, events)}
<p>Turning points: {html.escape(turns)}</p>
<h2>Relationship states</h2>
<table><thead><tr><th>relation</th><th>state</th><th>from</th><th>until</th><th>justified by</th></tr>
</thead><tbody>
{states or '<tr><td colspan="5">No relationship state derived.</td></tr>'}
</tbody></table>
<h2>Events</h2>
<table><thead><tr><th>date</th><th>category</th><th>type</th><th>source → target</th><th>sources</th>
</tr></thead>
<tbody>
{"".join(rows)}
</tbody></table>
<h2>Not counted as events</h2>
<table><thead><tr><th>date</th><th>status</th><th>type</th><th>source → target</th><th>evidence</th>
</tr></thead>
<tbody>
{"".join(others)}
</tbody></table>
</body></html>
"""


def _link(row: TimelineRow | TimelineSource) -> str:
    text = html.escape(row.title or row.article)
    return f'<a href="{html.escape(row.url)}">{text}</a>' if row.url else text


def export_store(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The whole store as Turtle, TriG, N-Quads or JSON-LD."""
    if fmt not in RDF_FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")
    if fmt in ("trig", "nq", "ttl"):
        return kg.dump(fmt)
    return kg.to_dataset().serialize(format=RDF_FORMATS[fmt]).encode("utf-8")
