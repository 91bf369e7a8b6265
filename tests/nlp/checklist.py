"""What the challenge sets of tests/nlp/test_*_checklist*.py share (issue 3). Each set is rows written by
construction before running the extractor on them: (name, text, expected ...), or a known gap, a strict xfail
that the fix mending it flips."""

from __future__ import annotations

from datetime import date

import pytest

from kg.model import Event, dyad_key

LATE = date(2025, 12, 31)  # published after every event the rows tell, so none reads as still to come


def row_id(row) -> str:
    """The name of a row, plain or a pytest.param."""
    return row.values[0] if hasattr(row, "values") else row[0]


def known_gap(*row, reason: str):
    """A row the extractor still fails, with why: a strict xfail, so a later fix flips it."""
    return pytest.param(*row, marks=pytest.mark.xfail(strict=True, reason=reason))


def asserted_events(extract, name: str, text: str, published: date = LATE) -> list[Event]:
    return [e for e in extract(name, text, published) if e.status == "asserted"]


def pair_labels(events: list[Event]) -> set[tuple[str, str]]:
    """(sorted pair, type) and (sorted pair, category) of each event."""
    pairs = [(dyad_key(e.source.country, e.target.country), e) for e in events]
    return {(p, e.type) for p, e in pairs} | {(p, e.category) for p, e in pairs}


def directed_labels(events: list[Event]) -> set[tuple[str, str, str]]:
    """(source, target, type) and (source, target, category) of each event."""
    return {(e.source.country, e.target.country, label) for e in events for label in (e.type, e.category)}
