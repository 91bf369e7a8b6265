import csv
import io
import json

import pytest

from kg.errors import ExportError
from kg.export import render_timeline
from kg.timeline import Timeline, TimelineRow


def row(
    date,
    category="tension",
    status="asserted",
    precision="day",
    sentence="Niger expelled the envoy.",
    filled=None,
    event="https://w3id.org/kg/event/a/1",
) -> TimelineRow:
    return TimelineRow(
        event=event,
        date=date,
        precision=precision,
        date_text="on Friday",
        category=category,
        type="expulsion",
        source="s",
        source_label="Niger",
        source_code="NER",
        target="t",
        target_label="France",
        target_code="FRA",
        status=status,
        confidence=0.8,
        sentence=sentence,
        trigger="expelled",
        article="a",
        title="Niger expels envoy | and more",
        outlet="Sahel Dispatch",
        url="https://x.test/a",
        published="2023-08-26",
        filled=filled,
    )


TIMELINE = Timeline(
    "NER",
    "FRA",
    (
        row("2023-08-25"),
        row("2023-12", "base_access", precision="month"),
        row(None, "cooperation", "planned", "unknown"),
    ),
)


def test_markdown_lists_asserted_rows_and_separates_the_rest():
    text = render_timeline(TIMELINE, "md", labels={"NER": "Niger", "FRA": "France"})
    assert text.startswith("# Niger – France: timeline")
    main, _, rest = text.partition("## Not counted as events")
    assert "2023-08-25 (on Friday)" in main and "planned" in rest
    assert "Niger expels envoy \\| and more" in main  # pipes escaped inside cells


def test_csv_round_trips():
    rows = list(csv.DictReader(io.StringIO(render_timeline(TIMELINE, "csv"))))
    assert [r["date"] for r in rows] == ["2023-08-25", "2023-12", ""]
    assert rows[0]["sentence"] == "Niger expelled the envoy."


def test_json_has_the_pair_every_event_and_every_row():
    data = json.loads(render_timeline(TIMELINE, "json"))
    # events are consolidated (asserted, each once, with its sources); mentions are every row
    assert (data["a"], data["b"], len(data["events"]), len(data["mentions"])) == ("NER", "FRA", 2, 3)
    assert {"states", "scores", "turning_points"} <= set(data)


def test_html_is_self_contained_with_a_chart():
    page = render_timeline(TIMELINE, "html")
    assert "<svg" in page and "<rect" in page
    assert "<script src=" not in page and "<link" not in page
    assert 'class="planned"' in page


FILLED = "target: France, the state the story is most about, not named in the sentence"


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_inferred_side_is_shown_after_its_sentence_and_a_stated_one_is_not(fmt):
    stated = row("2023-08-25")
    inferred = row(
        "2023-10-02",
        sentence="Niger recalled its ambassador.",
        filled=FILLED,
        event="https://w3id.org/kg/event/a/2",
    )
    text = render_timeline(Timeline("NER", "FRA", (stated, inferred)), fmt)
    assert f"Niger recalled its ambassador.” (inferred {FILLED})" in text
    assert "Niger expelled the envoy.”" in text and "Niger expelled the envoy.” (inferred" not in text


def test_unknown_format_names_the_valid_ones():
    with pytest.raises(ExportError, match="md, csv, json, html"):
        render_timeline(TIMELINE, "xlsx")
