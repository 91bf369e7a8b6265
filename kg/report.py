"""Reports: a dyad's timeline as a Word document or a PDF, and several dyads written at once.

    Path("niger-us.docx").write_bytes(render_report(build_timeline(kg, "NER", "USA"), "docx"))
    write_reports(kg, [("NER", "USA"), ("NER", "RUS")], "exports", fmt="pdf")

A report holds the title, a summary line, the monthly chart as a picture (a PNG drawn here with
Pillow: cooperation and base access stacked up, tension and coups down), and the events table with
dates, types, sides, sentences and sources; negated, hypothetical and planned events come apart.
Everything needed is in the packages: no fonts or files are fetched when a report is written.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from kg.dates import month_range
from kg.errors import ExportError
from kg.export import CATEGORY_COLOURS, render_timeline
from kg.model import inferred
from kg.store import KnowledgeGraph
from kg.timeline import Timeline, TimelineRow, build_timeline

REPORT_FORMATS = ("html", "md", "docx", "pdf")
BINARY_FORMATS = ("docx", "pdf")
UP = ("cooperation", "base_access")
DOWN = ("tension", "coup")


def render_report(timeline: Timeline, fmt: str, *, labels: dict[str, str] | None = None) -> bytes:
    """One dyad's timeline as html, md (kg.export's writers), docx or pdf."""
    labels = labels or {}
    if fmt == "docx":
        return render_docx(timeline, labels=labels)
    if fmt == "pdf":
        return render_pdf(timeline, labels=labels)
    if fmt in ("html", "md"):
        return render_timeline(timeline, fmt, labels=labels).encode("utf-8")
    raise ExportError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")


def report_path(out_dir: str | Path, a: str, b: str, fmt: str) -> Path:
    """Where ``kg report`` writes a pair: ``OUT/timeline-A-B.FMT``."""
    return Path(out_dir) / f"timeline-{a}-{b}.{fmt}"


def write_reports(
    kg: KnowledgeGraph,
    pairs: Iterable[tuple[str, str]],
    out_dir: str | Path,
    *,
    fmt: str = "html",
    labels: dict[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[Path]:
    """Write one report per pair into ``out_dir``; the paths written, in order."""
    if fmt not in REPORT_FORMATS:
        raise ExportError(f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {out}: {exc.strerror}; pass another --out DIR") from exc
    written = []
    for a, b in pairs:
        timeline = build_timeline(kg, a, b, since=since, until=until)
        path = report_path(out, a, b, fmt)
        try:
            path.write_bytes(render_report(timeline, fmt, labels=labels))
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror}") from exc
        written.append(path)
    return written


# ---------------------------------------------------------------------- shared text


def report_title(timeline: Timeline, labels: dict[str, str]) -> str:
    return f"{labels.get(timeline.a, timeline.a)} – {labels.get(timeline.b, timeline.b)}: timeline"


def summary_line(timeline: Timeline) -> str:
    asserted = timeline.asserted()
    dated = sorted(r.date for r in asserted if r.date)
    span = f", {dated[0]} to {dated[-1]}" if dated else ""
    counts = Counter(r.category for r in asserted)
    by_category = ", ".join(f"{n} {c.replace('_', ' ')}" for c, n in sorted(counts.items()))
    others = len(timeline.rows) - len(asserted)
    return (
        f"{len(asserted)} events reported as having happened{span}"
        + (f" ({by_category})" if by_category else "")
        + f"; {others} negated, hypothetical or planned listed apart."
    )


def _when(row: TimelineRow) -> str:
    if not row.date:
        return "date unknown"
    return row.date + (f" ({row.date_text})" if row.date_text else "")


def _sides(row: TimelineRow) -> str:
    return f"{row.source_label} ({row.source_code}) → {row.target_label} ({row.target_code})"


def _kind(row: TimelineRow) -> str:
    return f"{row.category.replace('_', ' ')}: {row.type.replace('_', ' ')}"


def _source(row: TimelineRow) -> str:
    parts = [row.outlet or "source"]
    if row.published:
        parts.append(row.published)
    text = ", ".join(parts)
    if row.title:
        text += f". {row.title}"
    if row.url:
        text += f" <{row.url}>"
    return text


# ---------------------------------------------------------------------- the chart


def chart_png(timeline: Timeline, *, width: int = 1600, height: int = 600) -> bytes:
    """The monthly chart as a PNG: asserted events by month, cooperation and base access up, tension down."""
    from PIL import Image, ImageDraw, ImageFont

    months = timeline.monthly_counts()
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=max(12, height // 30))
    small = ImageFont.load_default(size=max(10, height // 38))
    left, right, top, bottom = width // 16, width - width // 40, height // 8, height - height // 7
    legend_x = left
    for category, colour in CATEGORY_COLOURS.items():
        draw.rectangle((legend_x, top // 3, legend_x + 18, top // 3 + 18), fill=colour)
        label = category.replace("_", " ")
        draw.text((legend_x + 26, top // 3), label, fill="#222222", font=font)
        legend_x += 26 + int(draw.textlength(label, font=font)) + 40
    if not months:
        draw.text((left, height // 2), "No dated events to chart.", fill="#555555", font=font)
        return _png(image)
    keys = month_range(min(months), max(months))
    peak_up = max((sum(months.get(k, Counter())[c] for c in UP) for k in keys), default=0)
    peak_down = max((sum(months.get(k, Counter())[c] for c in DOWN) for k in keys), default=0)
    peak = max(peak_up, peak_down, 1)
    scale = (bottom - top) / max(peak_up + peak_down, 1)
    mid = top + peak_up * scale
    slot = (right - left) / len(keys)
    bar = max(2.0, slot * 0.7)
    # the axis and its ticks: counts above (cooperation) and below (tension) the midline
    draw.line((left, mid, right, mid), fill="#888888", width=2)
    step = max(1, round(peak / 4))
    for n in range(step, peak + 1, step):
        for y in (mid - n * scale, mid + n * scale):
            if top - 1 <= y <= bottom + 1:
                draw.line((left - 6, y, right, y), fill="#eeeeee", width=1)
                draw.text((left - 10, y), str(n), fill="#555555", font=small, anchor="rm")
    for i, month in enumerate(keys):
        x = left + i * slot + (slot - bar) / 2
        counts = months.get(month, Counter())
        y = mid
        for category in UP:
            h = counts[category] * scale
            if h:
                draw.rectangle((x, y - h, x + bar, y), fill=CATEGORY_COLOURS[category])
                y -= h
        y = mid
        for category in DOWN:
            h = counts[category] * scale
            if h:
                draw.rectangle((x, y, x + bar, y + h), fill=CATEGORY_COLOURS[category])
                y += h
        if i % max(1, len(keys) // 12) == 0:
            draw.text((x + bar / 2, bottom + 12), month, fill="#333333", font=small, anchor="mt")
    draw.text(
        (left, height - 8),
        "asserted events per month: cooperation and base access above the line, tension and coups below",
        fill="#555555",
        font=small,
        anchor="lb",
    )
    return _png(image)


def _png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# ---------------------------------------------------------------------- Word


def render_docx(timeline: Timeline, *, labels: dict[str, str] | None = None) -> bytes:
    """The report as a Word document (.docx): title, summary, the chart as a picture, the events tables."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    labels = labels or {}
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    doc.core_properties.title = report_title(timeline, labels)
    doc.core_properties.author = "kg"
    doc.add_heading(report_title(timeline, labels), level=0)
    doc.add_paragraph(summary_line(timeline))
    doc.add_heading("Events per month", level=1)
    doc.add_picture(io.BytesIO(chart_png(timeline)), width=Cm(26.0))
    asserted = timeline.asserted()
    doc.add_heading("Events", level=1)
    _docx_table(doc, asserted, status=False, widths=(Cm(3.2), Cm(3.4), Cm(5.0), Cm(9.6), Cm(5.5)), size=Pt(8))
    others = [r for r in timeline.rows if r.status != "asserted"]
    if others:
        doc.add_heading("Not counted as events", level=1)
        doc.add_paragraph("Negated, hypothetical and planned events, as the articles put them.")
        _docx_table(
            doc, others, status=True, widths=(Cm(3.2), Cm(3.4), Cm(5.0), Cm(9.6), Cm(5.5)), size=Pt(8)
        )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_table(doc, rows: list[TimelineRow], *, status: bool, widths, size) -> None:
    header = ("date", "status and type" if status else "type", "source → target", "evidence", "article")
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = size
    for row in rows:
        kind = f"{row.status}; {_kind(row)}" if status else _kind(row)
        values = (_when(row), kind, _sides(row), f"“{row.sentence}”{inferred(row.filled)}", _source(row))
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).font.size = size
    for column, width in zip(table.columns, widths, strict=True):
        for cell in column.cells:
            cell.width = width


# ---------------------------------------------------------------------- PDF

# The PDF core fonts speak Latin-1: typographic punctuation becomes its plain equivalent, and
# letters outside Latin-1 lose their accents (anything else becomes "?").
_LATIN1 = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "−": "-",
        "…": "...",
        "→": "->",
        "•": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "ı": "i",
        "Œ": "OE",
        "œ": "oe",
    }
)


def latin1(text: str) -> str:
    """Text the PDF core fonts can show."""
    text = text.translate(_LATIN1)
    if all(ord(ch) < 256 for ch in text):
        return text
    out = []
    for ch in text:
        if ord(ch) < 256:
            out.append(ch)
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 256 and not unicodedata.combining(c)
        )
        out.append(base or "?")
    return "".join(out)


def render_pdf(timeline: Timeline, *, labels: dict[str, str] | None = None) -> bytes:
    """The report as a PDF (A4 landscape): title, summary, the chart as a picture, the events tables."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    labels = labels or {}
    title = report_title(timeline, labels)
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_title(latin1(title))
    pdf.set_author("kg")
    pdf.set_creator("kg")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, latin1(summary_line(timeline)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _pdf_heading(pdf, "Events per month")
    pdf.image(
        io.BytesIO(chart_png(timeline)), w=pdf.epw * 0.9, alt_text="asserted events per month by category"
    )
    pdf.ln(2)
    _pdf_heading(pdf, "Events")
    _pdf_table(
        pdf, timeline.asserted(), status=False, heading=FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
    )
    others = [r for r in timeline.rows if r.status != "asserted"]
    if others:
        pdf.ln(3)
        _pdf_heading(pdf, "Not counted as events")
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(
            0,
            5,
            "Negated, hypothetical and planned events, as the articles put them.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        _pdf_table(pdf, others, status=True, heading=FontFace(emphasis="BOLD", fill_color=(235, 235, 235)))
    return bytes(pdf.output())


def _pdf_heading(pdf, text: str) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, latin1(text), new_x="LMARGIN", new_y="NEXT")


def _pdf_table(pdf, rows: list[TimelineRow], *, status: bool, heading) -> None:
    pdf.set_font("Helvetica", "", 8)
    header = ("date", "status and type" if status else "type", "source -> target", "evidence", "article")
    with pdf.table(
        col_widths=(30, 32, 48, 100, 60), text_align="LEFT", line_height=4, headings_style=heading, padding=1
    ) as table:
        table.row([latin1(h) for h in header])
        for row in rows:
            kind = f"{row.status}; {_kind(row)}" if status else _kind(row)
            values = (_when(row), kind, _sides(row), f"“{row.sentence}”{inferred(row.filled)}", _source(row))
            table.row([latin1(v) for v in values])
