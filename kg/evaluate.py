"""Score extracted events against gold annotations: the rules of ``../shared/eval/FORMAT.md``.

    gold = load_gold("../shared/eval/seed.gold.json")
    result = score(gold, {"seed-niger-russia-trainers": events})
    print(format_score(result, errors=True))

How the rules are applied:

- Only events whose status is ``asserted`` are scored.
- An extracted event's key is its unordered pair of state-level codes (``source.country``,
  ``target.country``), its category and its date. Within one article, events with the same pair,
  category and month (the year when only a year is known; all undated ones form one group) count
  once; the most precisely dated one, then the most confident, then the first, represents the group.
- An extracted event matches a gold event of the same article when the pair is the same, its
  category is the gold ``category`` or one of ``alt``, and the dates agree: same year-month when the
  gold date has a month or a day, same year when it has only a year, anything when it is null. An
  extracted date less precise than the gold requires (or no date) does not agree.
- Matching is one-to-one and maximum, never greedy: as many core gold events as possible are
  matched, then, with that number fixed, as many optional ones as possible. Unmatched extracted
  events are false positives, unmatched core gold events false negatives; optional gold events
  never count either way.
- Undated scores repeat the matching with every date agreeing. Day accuracy is over matched core
  events whose gold date has a day: the share whose extracted date is that very day.
- Any ratio whose denominator is zero is 0.0: precision with nothing extracted, recall with no core
  gold event, F1 when precision + recall is 0, day accuracy with no day-dated match.
- Extracted events of articles that are not in the gold file are not scored; their ids are listed in
  ``Score.ignored_articles``. A gold article with nothing extracted scores its core events as misses.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from json.decoder import WHITESPACE, JSONObject, scanstring
from json.scanner import py_make_scanner
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, computed_field, field_validator

from kg.errors import EvalError
from kg.model import CATEGORIES, Category, Event, EventDate, dyad_key

Pair = tuple[str, str]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CODE_RE = re.compile(r"^[A-Z][A-Z0-9]+$")
_PRECISION_RANK = {"unknown": 0, "year": 1, "month": 2, "day": 3}
BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.0))


# ---------------------------------------------------------------------------------------------- gold


def _check_date(value: str) -> str:
    """``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD and on the calendar, else ValueError."""
    m = _DATE_RE.match(value)
    if m is None:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    date(int(year), int(month or 1), int(day or 1))  # ValueError for month 13, 31 April, ...
    return value


class GoldEvent(BaseModel):
    """One event an analyst wants extracted from an article."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    source: str
    target: str
    category: Category
    alt: list[Category] = []
    type: str | None = None
    date: str | None = None
    optional: bool = False
    note: str | None = None

    @field_validator("date")
    @classmethod
    def _valid_date(cls, value: str | None) -> str | None:
        return None if value is None else _check_date(value)

    @property
    def pair(self) -> Pair:
        return _pair(self.source, self.target)

    @property
    def precision(self) -> str:
        return {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(self.date) if self.date else None]


class GoldArticle(BaseModel):
    """An annotated article: its text file and the events it holds."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str
    file: Path
    published: date | None = None
    events: list[GoldEvent] = []


class Gold(BaseModel):
    """A gold annotation file."""

    model_config = ConfigDict(frozen=True)

    path: Path
    articles: list[GoldArticle]


class _Located(dict[str, Any]):
    """A JSON object that knows its line and the line of each of its keys."""

    line: int = 1
    key_lines: dict[str, int]


class _LocatingDecoder(json.JSONDecoder):
    """A JSON decoder whose objects remember where they were written, for error messages."""

    def __init__(self) -> None:
        super().__init__()
        self._plain = json.JSONDecoder()
        self._newlines: list[int] = []
        self.parse_object = self._parse_object
        self.scan_once = py_make_scanner(self)  # the C scanner ignores parse_object

    def decode(self, s: str, _w: Callable[..., Any] = WHITESPACE.match) -> Any:
        self._newlines = [i for i, c in enumerate(s) if c == "\n"]
        return super().decode(s)

    def _line(self, pos: int) -> int:
        return bisect_right(self._newlines, pos - 1) + 1

    def _parse_object(self, s_and_end: tuple[str, int], *args: Any) -> tuple[_Located, int]:
        s, start = s_and_end
        obj, end = JSONObject(s_and_end, *args)  # raises the usual JSONDecodeError on bad syntax
        located = _Located(obj)
        located.line = self._line(start - 1)
        located.key_lines = {}
        # The object is valid JSON, so walking its keys again cannot fail.
        pos = WHITESPACE.match(s, start).end()
        while s[pos] != "}":
            key, pos = scanstring(s, pos + 1)
            located.key_lines[key] = self._line(pos - 1)
            pos = WHITESPACE.match(s, pos).end() + 1  # past ":"
            _, pos = self._plain.raw_decode(s, WHITESPACE.match(s, pos).end())
            pos = WHITESPACE.match(s, pos).end()
            if s[pos] == ",":
                pos = WHITESPACE.match(s, pos + 1).end()
        return located, end


_ARTICLE_KEYS = ("id", "file", "published", "events")
_EVENT_KEYS = ("source", "target", "category", "alt", "type", "date", "optional", "note")


class _GoldReader:
    """Checks a decoded gold file field by field, failing with the line to fix."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name = name
        self.folder = folder

    def fail(self, line: int, what: str, fix: str) -> EvalError:
        return EvalError(f"{self.name} line {line}: {what}; {fix}")

    def read(self, data: Any) -> list[GoldArticle]:
        if not isinstance(data, _Located):
            raise self.fail(1, "the gold file is not a JSON object", 'write it as {"articles": [...]}')
        articles = data.get("articles")
        if not isinstance(articles, list):
            line = data.key_lines.get("articles", data.line)
            raise self.fail(line, 'no "articles" list', 'add "articles": [ {"id": ..., "file": ...}, ... ]')
        result: list[GoldArticle] = []
        seen: dict[str, int] = {}
        for n, raw in enumerate(articles, 1):
            if not isinstance(raw, _Located):
                raise self.fail(
                    data.key_lines["articles"],
                    f"article {n} is not an object",
                    'write each article as {"id": ..., "file": ..., "events": [...]}',
                )
            article = self.article(raw)
            if article.id in seen:
                raise self.fail(
                    raw.key_lines["id"],
                    f'article id "{article.id}" is used twice (also line {seen[article.id]})',
                    "give each article its own id",
                )
            seen[article.id] = raw.key_lines["id"]
            result.append(article)
        return result

    def article(self, raw: _Located) -> GoldArticle:
        self.check_keys(raw, _ARTICLE_KEYS, "article")
        article_id = self.text(raw, "id", "article", "give the article an id")
        file = self.text(
            raw, "file", f'article "{article_id}"', "give the path of its text, relative to the gold file"
        )
        path = (self.folder / file).resolve()
        if not path.is_file():
            what = "is not a file" if path.exists() else "not found"
            raise self.fail(
                raw.key_lines["file"],
                f"article file {file} {what}",
                f"give its path relative to {self.folder.resolve()}",
            )
        published = raw.get("published")
        if published is not None:
            try:
                if not isinstance(published, str) or len(published) != 10:
                    raise ValueError
                published = date.fromisoformat(published)
            except ValueError:
                what = f"published {json.dumps(published)} is not a date"
                raise self.fail(raw.key_lines["published"], what, "write it as YYYY-MM-DD, or null") from None
        events = raw.get("events")
        if not isinstance(events, list):
            line = raw.key_lines.get("events", raw.line)
            raise self.fail(
                line,
                f'article "{article_id}" has no "events" list',
                'add "events": [...] (an empty list when it holds none)',
            )
        gold_events = []
        for n, event in enumerate(events, 1):
            if not isinstance(event, _Located):
                what = f'event {n} of article "{article_id}" is not an object'
                raise self.fail(
                    raw.key_lines["events"],
                    what,
                    'write it as {"source": ..., "target": ..., "category": ..., "date": ...}',
                )
            gold_events.append(self.event(event))
        return GoldArticle(id=article_id, file=path, published=published, events=gold_events)

    def event(self, raw: _Located) -> GoldEvent:
        self.check_keys(raw, _EVENT_KEYS, "event")
        for side in ("source", "target"):
            code = self.text(raw, side, "event", "give the state-level code, e.g. NER, USA, ECOWAS")
            if not _CODE_RE.match(code):
                raise self.fail(
                    raw.key_lines[side],
                    f'{side} "{code}" is not a state-level code',
                    f'use ISO 3166-1 alpha-3 ("{code.upper()}"?) or ECOWAS, AU, UN, EU, AES ...',
                )
        categories = ", ".join(CATEGORIES)
        category = raw.get("category")
        if "category" not in raw:
            raise self.fail(raw.line, 'event has no "category"', f"add one of {categories}")
        if category not in CATEGORIES:
            close = difflib.get_close_matches(str(category), CATEGORIES, n=1)
            hint = f'did you mean "{close[0]}"?' if close else f"use one of {categories}"
            raise self.fail(raw.key_lines["category"], f"category {json.dumps(category)} is unknown", hint)
        alt = raw.get("alt", [])
        if not isinstance(alt, list) or any(a not in CATEGORIES for a in alt):
            raise self.fail(
                raw.key_lines["alt"],
                f"alt {json.dumps(alt)} is not a list of categories",
                f"list some of {categories}",
            )
        if "date" not in raw:
            raise self.fail(
                raw.line,
                'event has no "date"',
                'add "date": YYYY, YYYY-MM or YYYY-MM-DD, or null when the text gives no time',
            )
        value = raw["date"]
        if value is not None:
            try:
                if not isinstance(value, str):
                    raise ValueError
                _check_date(value)
            except ValueError:
                fix = "write YYYY, YYYY-MM or YYYY-MM-DD, or null when the text gives no time"
                what = f"date {json.dumps(value)} is not a date"
                raise self.fail(raw.key_lines["date"], what, fix) from None
        if not isinstance(raw.get("optional", False), bool):
            what = f"optional {json.dumps(raw['optional'])} is not a boolean"
            raise self.fail(raw.key_lines["optional"], what, "write true or false")
        for key in ("type", "note"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise self.fail(
                    raw.key_lines[key],
                    f"{key} {json.dumps(raw[key])} is not a string",
                    "write it in quotes, or leave it out",
                )
        return GoldEvent(**{k: raw[k] for k in _EVENT_KEYS if k in raw})

    def text(self, raw: _Located, key: str, owner: str, fix: str) -> str:
        value = raw.get(key)
        if key not in raw:
            raise self.fail(raw.line, f'{owner} has no "{key}"', fix)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(raw.key_lines[key], f"{key} {json.dumps(value)} is not a non-empty string", fix)
        return value

    def check_keys(self, raw: _Located, known: tuple[str, ...], owner: str) -> None:
        """Unknown keys are allowed ("split", "note" ...) unless they look like a misspelt missing one."""
        for key in raw:
            if key in known:
                continue
            close = [k for k in difflib.get_close_matches(key, known, n=1, cutoff=0.8) if k not in raw]
            if close:
                raise self.fail(
                    raw.key_lines[key], f'{owner} has an unknown key "{key}"', f'did you mean "{close[0]}"?'
                )


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold annotation file (FORMAT.md); article files resolve beside it.

        gold = load_gold("../shared/eval/seed.gold.json")
        gold.articles[0].file      # absolute: .../eval/articles/seed-niger-russia-trainers.txt
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvalError(f"{path}: gold file not found; check the path") from None
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text ({exc.reason}); save the gold file as UTF-8") from exc
    except OSError as exc:
        raise EvalError(f"{path}: cannot read the gold file ({exc.strerror}); check the path") from exc
    try:
        data = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as exc:
        raise EvalError(
            f"{path} line {exc.lineno}: not valid JSON, {exc.msg[0].lower()}{exc.msg[1:]} "
            f"at column {exc.colno}; fix the JSON syntax there"
        ) from exc
    return Gold(path=path, articles=_GoldReader(str(path), path.parent).read(data))


# --------------------------------------------------------------------------------------------- score


class _Counts(BaseModel):
    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return _ratio(2 * p * r, p + r)


class Tally(_Counts):
    """True positives, false positives and false negatives, with P, R and F1 (0.0 on empty)."""


class Band(BaseModel):
    """Extracted events whose confidence falls in [low, high) ([low, 1.0] for the last band)."""

    model_config = ConfigDict(frozen=True)

    low: float
    high: float
    n: int = 0
    correct: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.n)

    @property
    def label(self) -> str:
        return f"[{self.low:.2f}, {self.high:.2f}{']' if self.high >= 1.0 else ')'}"


class Mistake(BaseModel):
    """A false positive (an extracted event) or a false negative (a core gold event)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["fp", "fn"]
    article: str
    category: str
    pair: Pair
    date: str | None
    type: str | None = None
    event: str | None = None  # fp: the extracted event's id
    sentence: str | None = None
    trigger: str | None = None
    status: str | None = None
    confidence: float | None = None
    note: str | None = None  # fn: the annotator's note
    hint: str | None = None  # what the undated matching paired it with


class Score(_Counts):
    """The result of ``score``: dated counts at the top level, the rest beside them."""

    articles: int = 0
    gold_events: int = 0  # core
    gold_optional: int = 0
    extracted: int = 0  # asserted, duplicates merged
    matched_optional: int = 0
    merged: int = 0  # asserted duplicates folded into another extracted event
    not_asserted: int = 0
    undated: Tally = Tally()
    day_correct: int = 0
    day_n: int = 0
    by_category: dict[str, Tally] = {}
    bands: list[Band] = []
    errors: list[Mistake] = []
    ignored_articles: list[str] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def day_accuracy(self) -> float:
        return _ratio(self.day_correct, self.day_n)


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _pair(a: str, b: str) -> Pair:
    x, y = sorted((a, b))
    return x, y


def _event_pair(event: Event) -> Pair:
    return _pair(event.source.country, event.target.country)


def _group_key(event: Event) -> tuple[Pair, str, str | None]:
    value, precision = event.date.value, event.date.precision
    bucket = None if value is None else value[:4] if precision == "year" else value[:7]
    return _event_pair(event), event.category, bucket


def deduplicate(events: Sequence[Event]) -> list[Event]:
    """One event per pair, category and month (or year, or no date): the most precise, then most confident."""
    groups: dict[tuple[Pair, str, str | None], list[Event]] = {}
    for event in events:
        groups.setdefault(_group_key(event), []).append(event)
    return [
        max(group, key=lambda e: (_PRECISION_RANK[e.date.precision], e.confidence))
        for group in groups.values()
    ]


def dates_agree(extracted: EventDate, gold: str | None) -> bool:
    """Month agreement for a gold month or day, year agreement for a gold year, anything for null."""
    if gold is None:
        return True
    if extracted.value is None:
        return False
    if len(gold) >= 7:
        return extracted.precision in ("month", "day") and extracted.value[:7] == gold[:7]
    return extracted.value[:4] == gold[:4]


def matches(extracted: Event, gold: GoldEvent, *, dated: bool = True) -> bool:
    """Whether an extracted event can be paired with a gold event of the same article."""
    return (
        _event_pair(extracted) == gold.pair
        and (extracted.category == gold.category or extracted.category in gold.alt)
        and (not dated or dates_agree(extracted.date, gold.date))
    )


def match_events(
    extracted: Sequence[Event], gold: Sequence[GoldEvent], *, dated: bool = True
) -> dict[int, int]:
    """A maximum one-to-one matching, core gold first: extracted index -> gold index.

    Matching core events first and then, separately, the leftovers against optional ones would make
    the false-positive count depend on which of several maximum core matchings came out (an event
    that could also take an optional slot may be the one left over). One maximum-weight matching
    with lexicographic weights avoids that: it matches as many core events as any matching can, and
    with that fixed, as many optional ones. Among equal choices it favours edges whose dates agree,
    then exact dates, then the primary category, so day accuracy and the error list read best.
    """
    graph = nx.Graph()
    m = min(len(extracted), len(gold))
    tie_max = 7  # largest tie-break bonus of one edge: 4 + 2 + 1
    optional_weight = tie_max * m + 1  # beats every sum of bonuses
    core_weight = optional_weight * m + tie_max * m + 1  # beats every sum of optional edges and bonuses
    for i, event in enumerate(extracted):
        for j, g in enumerate(gold):
            if not matches(event, g, dated=dated):
                continue
            bonus = (
                4 * dates_agree(event.date, g.date)
                + 2 * (g.date is not None and event.date.value == g.date)
                + (event.category == g.category)
            )
            weight = (optional_weight if g.optional else core_weight) + bonus
            graph.add_edge(("x", i), ("g", j), weight=weight)
    pairs: dict[int, int] = {}
    for u, v in nx.max_weight_matching(graph):
        x, g = (u, v) if u[0] == "x" else (v, u)
        pairs[x[1]] = g[1]
    return pairs


def _band_index(confidence: float) -> int:
    for n, (low, high) in enumerate(BANDS):
        if low <= confidence < high:
            return n
    return len(BANDS) - 1


def _describe(value: str | None) -> str:
    return value if value is not None else "no date"


def score(gold: Gold, extracted: Mapping[str, Sequence[Event]]) -> Score:
    """Precision, recall and F1 of extracted events (article id -> events) against a gold file.

        result = score(load_gold("gold.json"), {"seed-niger-russia-trainers": events})
        result.precision, result.recall, result.f1, result.undated.f1, result.day_accuracy
    """
    dated, undated = {"tp": 0, "fp": 0, "fn": 0}, {"tp": 0, "fp": 0, "fn": 0}
    by_category = {c: {"tp": 0, "fp": 0, "fn": 0} for c in CATEGORIES}
    bands = [{"n": 0, "correct": 0} for _ in BANDS]
    errors: list[Mistake] = []
    totals = dict.fromkeys(
        ("gold_events", "gold_optional", "extracted", "matched_optional", "merged", "not_asserted"), 0
    )
    day_correct = day_n = 0

    for article in gold.articles:
        events = extracted.get(article.id, ())
        asserted = [e for e in events if e.status == "asserted"]
        reps = deduplicate(asserted)
        golds = article.events
        core = [j for j, g in enumerate(golds) if not g.optional]
        totals["gold_events"] += len(core)
        totals["gold_optional"] += len(golds) - len(core)
        totals["extracted"] += len(reps)
        totals["merged"] += len(asserted) - len(reps)
        totals["not_asserted"] += len(events) - len(asserted)

        pairs = match_events(reps, golds, dated=True)
        loose = match_events(reps, golds, dated=False)
        for tally, matching in ((dated, pairs), (undated, loose)):
            tp = sum(1 for j in matching.values() if not golds[j].optional)
            tally["tp"] += tp
            tally["fp"] += len(reps) - len(matching)
            tally["fn"] += len(core) - tp

        matched_gold = {j: i for i, j in pairs.items()}
        loose_gold = {j: i for i, j in loose.items()}
        for i, event in enumerate(reps):
            band = bands[_band_index(event.confidence)]
            band["n"] += 1
            if i in pairs:
                band["correct"] += 1
                g = golds[pairs[i]]
                if g.optional:
                    totals["matched_optional"] += 1
                else:
                    by_category[g.category]["tp"] += 1
                    if g.precision == "day":
                        day_n += 1
                        day_correct += event.date.value == g.date
                continue
            by_category[event.category]["fp"] += 1
            hint = None
            if i in loose:
                g = golds[loose[i]]
                hint = f"gold date {g.date or 'null'}: would match if dates were ignored"
            errors.append(
                Mistake(
                    kind="fp",
                    article=article.id,
                    category=event.category,
                    pair=_event_pair(event),
                    date=event.date.value,
                    type=event.type,
                    event=event.event,
                    sentence=event.evidence.sentence,
                    trigger=event.evidence.trigger,
                    status=event.status,
                    confidence=event.confidence,
                    hint=hint,
                )
            )
        for j in core:
            if j in matched_gold:
                continue
            g = golds[j]
            by_category[g.category]["fn"] += 1
            hint = None
            if j in loose_gold:
                found = _describe(reps[loose_gold[j]].date.value)
                hint = f"extracted with {found}: would match if dates were ignored"
            errors.append(
                Mistake(
                    kind="fn",
                    article=article.id,
                    category=g.category,
                    pair=g.pair,
                    date=g.date,
                    type=g.type,
                    note=g.note,
                    hint=hint,
                )
            )

    gold_ids = {a.id for a in gold.articles}
    return Score(
        **dated,
        **totals,
        articles=len(gold.articles),
        undated=Tally(**undated),
        day_correct=day_correct,
        day_n=day_n,
        by_category={c: Tally(**counts) for c, counts in by_category.items()},
        bands=[Band(low=low, high=high, **b) for (low, high), b in zip(BANDS, bands, strict=True)],
        errors=errors,
        ignored_articles=sorted(a for a in extracted if a not in gold_ids),
    )


# -------------------------------------------------------------------------------------------- output


def score_to_dict(score: Score) -> dict[str, Any]:
    """The ``kg eval --format json`` document: every count, ratio, band and error."""
    return score.model_dump(mode="json")


def _row(label: str, t: _Counts, width: int) -> str:
    return f"{label:<{width}}{t.precision:>9.3f}{t.recall:>8.3f}{t.f1:>7.3f}{t.tp:>6}{t.fp:>5}{t.fn:>5}"


def _header(label: str, width: int) -> str:
    return f"{label:<{width}}{'precision':>9}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}"


def format_score(score: Score, errors: bool = False) -> str:
    """The text ``kg eval`` prints: totals, dated and undated scores, categories, bands, and the errors."""
    s = score
    extracted = f"extracted {s.extracted}"
    notes = []
    if s.matched_optional:
        notes.append(f"{s.matched_optional} matched optional")
    if s.merged:
        notes.append(f"{s.merged} duplicates merged")
    if s.not_asserted:
        notes.append(f"{s.not_asserted} not asserted, ignored")
    if notes:
        extracted += f" ({'; '.join(notes)})"
    width = 17
    lines = [
        f"articles {s.articles}   gold events {s.gold_events} (+{s.gold_optional} optional)   {extracted}",
        "",
        _header("", width),
        _row("dated", s, width),
        _row("undated", s.undated, width),
        f"day-exact dates: {s.day_correct}/{s.day_n} ({s.day_accuracy:.3f})",
        "",
        _header("by category", width),
    ]
    lines += [_row(f"  {c}", t, width) for c, t in s.by_category.items()]
    lines += ["", f"{'confidence band':<{width}}{'extracted':>10}{'correct':>9}{'precision':>11}"]
    lines += [f"  {b.label:<{width - 2}}{b.n:>10}{b.correct:>9}{b.precision:>11.3f}" for b in s.bands]
    if s.ignored_articles:
        shown = ", ".join(s.ignored_articles[:5]) + (" ..." if len(s.ignored_articles) > 5 else "")
        n = len(s.ignored_articles)
        lines += ["", f"not in the gold file, not scored: {n} article{'s' * (n != 1)} ({shown})"]
    if errors:
        lines += _format_errors(s.errors)
    return "\n".join(lines)


def _format_errors(errors: Sequence[Mistake]) -> list[str]:
    lines: list[str] = []
    for kind, title in (("fp", "false positives"), ("fn", "false negatives")):
        found = [e for e in errors if e.kind == kind]
        lines += ["", f"{title} ({len(found)})" if found else f"{title}: none"]
        for e in found:
            head = f"  {e.article}  {e.category}  {dyad_key(*e.pair)}  {_describe(e.date)}"
            if kind == "fp":
                lines.append(f"{head}  {e.status} {e.confidence:.2f}")
                sentence = " ".join((e.sentence or "").split())
                lines.append(f'    "{sentence}"  (trigger "{e.trigger}")')
            else:
                lines.append(head)
                if e.note:
                    lines.append(f"    note: {e.note}")
            if e.hint:
                lines.append(f"    {e.hint}")
    return lines
