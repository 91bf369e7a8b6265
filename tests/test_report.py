"""Reports: the monthly chart as a picture, Word and PDF timelines, several pairs at once (`kg report`)."""

from __future__ import annotations

import io
import re
import zlib
from datetime import date

import pytest
from click.testing import CliRunner
from docx import Document
from PIL import Image
from test_analytics import event, fill_store, state

from kg.cli import cli
from kg.errors import ExportError
from kg.export import CATEGORY_COLOURS
from kg.model import Article, Event
from kg.report import chart_png, latin1, render_report, report_path, write_reports
from kg.store import KnowledgeGraph
from kg.timeline import Timeline, build_timeline

LABELS = {"NER": "Niger", "USA": "United States"}
QUOTED = "Niamey’s “ultimatum” – the junta said… Łódź envoy → Paris"


def articles() -> dict[Article, list[Event]]:
    a1 = Article(
        id="revoked",
        text="…",
        published=date(2024, 3, 18),
        url="https://example.com/revoked",
        title="Niger revokes US accord",
        source="Example News",
    )
    a2 = Article(
        id="talks", text="…", published=date(2023, 8, 8), title="Talks in Niamey", source="Other Wire"
    )
    return {
        a1: [
            event(
                "revoked",
                1,
                state("NER"),
                state("USA"),
                category="base_access",
                type="revoke_access",
                day="2024-03-16",
                sentence="Niger revoked the accord under which US troops were based.",
            ),
            event(
                "revoked",
                2,
                state("NER"),
                state("USA"),
                category="tension",
                type="accusation",
                day="2024-03",
                sentence=QUOTED,
            ),
            event(
                "revoked",
                3,
                state("USA"),
                state("NER"),
                category="base_access",
                type="withdrawal",
                day="2024-09",
                status="planned",
                sentence="The US will withdraw by September.",
            ),
        ],
        a2: [
            event(
                "talks",
                1,
                state("USA"),
                state("NER"),
                category="cooperation",
                type="meeting",
                day="2023-08-07",
                sentence="Nuland held talks with the junta in Niamey.",
            ),
            event(
                "talks",
                2,
                state("USA"),
                state("RUS"),
                category="tension",
                type="accusation",
                day="2023-08-07",
            ),
        ],
    }


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, index):
    where = tmp_path_factory.mktemp("report") / "kgstore"
    with KnowledgeGraph.open(where) as kg:
        fill_store(kg, index, articles())
    return where


@pytest.fixture(scope="module")
def timeline(store_dir) -> Timeline:
    with KnowledgeGraph.open(store_dir) as kg:
        return build_timeline(kg, "NER", "USA")


def pdf_text(data: bytes) -> str:
    """The text drawn in a PDF: its content streams, inflated."""
    chunks = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(chunks)


# ---------------------------------------------------------------- the chart


def test_chart_is_a_png_with_bars_in_the_category_colours(timeline):
    data = chart_png(timeline)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (1600, 600)

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    pixels = {colour: n for n, colour in image.getcolors(maxcolors=1 << 20)}
    for category in ("cooperation", "tension", "base_access"):
        assert pixels.get(rgb(CATEGORY_COLOURS[category]), 0) > 2000, f"no {category} bar"
    assert 0 < pixels[rgb(CATEGORY_COLOURS["coup"])] < 1000  # in the legend only: no coup between them


def test_chart_of_an_empty_timeline_is_still_a_picture():
    data = chart_png(Timeline("NER", "USA", ()))
    assert Image.open(io.BytesIO(data)).format == "PNG"


# ---------------------------------------------------------------- Word


def test_docx_has_title_chart_and_events_table(timeline):
    doc = Document(io.BytesIO(render_report(timeline, "docx", labels=LABELS)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == [
        "Niger – United States: timeline",
        "Events per month",
        "Events",
        "Not counted as events",
    ]
    assert "3 events reported as having happened" in "\n".join(p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) == 1
    blob = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert doc.part.related_parts[blob].blob.startswith(b"\x89PNG")
    events, others = doc.tables
    header = [c.text for c in events.rows[0].cells]
    assert header == ["date", "type", "source → target", "evidence", "article"]
    rows = [[c.text for c in row.cells] for row in events.rows[1:]]
    assert [r[0] for r in rows] == ["2023-08-07", "2024-03", "2024-03-16"]
    assert rows[2][1] == "base access: revoke access"
    assert rows[2][2] == "Niger (NER) → United States (USA)"
    assert rows[2][3] == "“Niger revoked the accord under which US troops were based.”"
    assert rows[2][4] == "Example News, 2024-03-18. Niger revokes US accord <https://example.com/revoked>"
    assert rows[1][3] == f"“{QUOTED}”"  # Word keeps every character
    assert [[c.text for c in row.cells][:2] for row in others.rows[1:]] == [
        ["2024-09", "planned; base access: withdrawal"]
    ]


# ---------------------------------------------------------------- PDF


def test_pdf_has_title_chart_and_events_table(timeline):
    data = render_report(timeline, "pdf", labels=LABELS)
    assert data.startswith(b"%PDF-")
    assert data.count(b"/Subtype /Image") == 1
    text = pdf_text(data)
    assert "(Niger - United States: timeline) Tj" in text
    assert "Events per month" in text and "Not counted as events" in text
    assert "Niger revoked the accord under which US troops were based." in text
    assert "Example News, 2024-03-18" in text
    assert 'Niamey\'s "ultimatum" - the junta said... Lódz envoy -> Paris' in text
    assert "The US will withdraw by September." in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("“quoted” — dash – dash…", '"quoted" - dash - dash...'),
        ("Łódź → Kraków", "Lódz -> Kraków"),
        ("مرحبا", "?????"),
    ],
)
def test_latin1(text, expected):
    assert latin1(text) == expected
    latin1(text).encode("latin-1")


def test_unknown_report_format(timeline):
    with pytest.raises(ExportError, match="html, md, docx, pdf"):
        render_report(timeline, "odt")


# ---------------------------------------------------------------- several pairs


@pytest.mark.parametrize("fmt", ["html", "md", "docx", "pdf"])
def test_write_reports_writes_one_file_per_pair(store_dir, tmp_path, fmt):
    with KnowledgeGraph.open(store_dir) as kg:
        written = write_reports(
            kg, [("NER", "USA"), ("RUS", "USA")], tmp_path / "out", fmt=fmt, labels=LABELS
        )
    assert written == [
        tmp_path / "out" / f"timeline-NER-USA.{fmt}",
        tmp_path / "out" / f"timeline-RUS-USA.{fmt}",
    ]
    assert all(p.stat().st_size > 200 for p in written)
    if fmt == "md":
        assert written[0].read_text(encoding="utf-8").startswith("# Niger – United States: timeline")


def test_write_reports_in_a_period(store_dir, tmp_path):
    with KnowledgeGraph.open(store_dir) as kg:
        [path] = write_reports(kg, [("NER", "USA")], tmp_path, fmt="md", since=date(2024, 1, 1))
    text = path.read_text(encoding="utf-8")
    assert "Niger revoked the accord" in text and "Nuland held talks" not in text


def test_cli_report_pairs(store_dir, tmp_path):
    out = tmp_path / "exports"
    result = CliRunner().invoke(
        cli,
        [
            "report",
            "--pair",
            "NER:USA",
            "--pair",
            "Russia:United States",
            "--format",
            "docx",
            "--out",
            str(out),
            "--store",
            str(store_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output.split() == [
        str(report_path(out, "NER", "USA", "docx")),
        str(report_path(out, "RUS", "USA", "docx")),
    ]
    doc = Document(out / "timeline-RUS-USA.docx")
    assert doc.paragraphs[0].text == "Russia – United States: timeline"


def test_cli_report_defaults_to_the_most_active_pairs(store_dir, tmp_path):
    result = CliRunner().invoke(
        cli, ["report", "--format", "md", "--out", str(tmp_path), "--store", str(store_dir)]
    )
    assert result.exit_code == 0, result.output
    assert [line.rsplit("/", 1)[-1] for line in result.output.split()] == [
        "timeline-NER-USA.md",
        "timeline-RUS-USA.md",
    ]


def test_cli_report_rejects_a_malformed_pair(store_dir, tmp_path):
    result = CliRunner().invoke(
        cli, ["report", "--pair", "NER", "--out", str(tmp_path), "--store", str(store_dir)]
    )
    assert result.exit_code == 2 and "NER:USA" in result.output


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_cli_timeline_docx_and_pdf(store_dir, tmp_path, fmt):
    out = tmp_path / f"niger-us.{fmt}"
    result = CliRunner().invoke(
        cli,
        ["timeline", "Niger", "United States", "--format", fmt, "-o", str(out), "--store", str(store_dir)],
    )
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF-") and "(Niger - United States: timeline) Tj" in pdf_text(data)
    else:
        assert Document(io.BytesIO(data)).paragraphs[0].text == "Niger – United States: timeline"
