"""A dyad's dated timeline: every event between two state-level actors, with its evidence.

    timeline = build_timeline(kg, "NER", "USA")
    for row in timeline.asserted():
        print(row.date, row.type, row.sentence)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date

from kg.model import EventDate
from kg.query import load_named_query, run_query
from kg.store import KnowledgeGraph

@dataclass(frozen=True)
class TimelineRow:
    """One event of the timeline, with the sentence and article it came from."""

    event: str
    date: str | None
    precision: str
    date_text: str | None
    category: str
    type: str
    source: str
    source_label: str
    source_code: str
    target: str
    target_label: str
    target_code: str
    status: str
    confidence: float
    sentence: str
    trigger: str
    article: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None


@dataclass(frozen=True)
class Timeline:
    """Events between ``a`` and ``b`` (state-level codes), in date order; unknown dates last."""

    a: str
    b: str
    rows: tuple[TimelineRow, ...]

    def asserted(self) -> list[TimelineRow]:
        return [r for r in self.rows if r.status == "asserted"]

    def monthly_counts(self) -> dict[str, Counter[str]]:
        """Asserted events per month and category (events dated to a year only are left out)."""
        months: dict[str, Counter[str]] = {}
        for row in self.asserted():
            if row.month:
                months.setdefault(row.month, Counter())[row.category] += 1
        return dict(sorted(months.items()))

    def to_records(self) -> list[dict]:
        return [asdict(r) for r in self.rows]


def build_timeline(kg: KnowledgeGraph, a: str, b: str, *, since: date | None = None,
                   until: date | None = None, statuses: tuple[str, ...] | None = None) -> Timeline:
    """The timeline of one dyad, filtered by period and status (all statuses by default)."""
    result = run_query(kg, load_named_query("dyad_timeline").text, {"a": a, "b": b})
    names = result.variables
    rows = []
    for values in result.rows:
        cell = dict(zip(names, values, strict=True))
        row = TimelineRow(
            event=_text(cell.get("event")), date=_opt(cell.get("date")), precision=_text(cell.get("precision")),
            date_text=_opt(cell.get("dateText")), category=_text(cell.get("category")),
            type=_text(cell.get("type")), source=_text(cell.get("source")),
            source_label=_text(cell.get("sourceLabel")), source_code=_text(cell.get("sourceCode")),
            target=_text(cell.get("target")), target_label=_text(cell.get("targetLabel")),
            target_code=_text(cell.get("targetCode")), status=_text(cell.get("status")),
            confidence=float(cell["confidence"]) if cell.get("confidence") is not None else 0.0,
            sentence=_text(cell.get("sentence")), trigger=_text(cell.get("trigger")),
            article=_text(cell.get("articleId")), title=_opt(cell.get("title")), outlet=_opt(cell.get("outlet")),
            url=_opt(cell.get("url")), published=_opt(cell.get("published")),
        )
        if statuses and row.status not in statuses:
            continue
        if not _in_period(row, since, until):
            continue
        rows.append(row)
    return Timeline(a, b, tuple(rows))


def _in_period(row: TimelineRow, since: date | None, until: date | None) -> bool:
    """Whether the row's date overlaps the period; undated rows only when no period is asked."""
    if since is None and until is None:
        return True
    if not row.date:
        return False
    first, last = EventDate(value=row.date, precision=row.precision).bounds()  # type: ignore[misc]
    return (since is None or last >= since) and (until is None or first <= until)


def _text(term: object) -> str:
    return "" if term is None else str(term)


def _opt(term: object) -> str | None:
    return None if term is None else str(term)
