"""Time expressions in news text, resolved against the publication date.

    >>> resolve_date("last month", published=date(2024, 4, 12))
    EventDate(value='2024-03', precision='month', text='last month', end=None)

The rules are data: ``RULES`` is a table of (name, regular expression, resolver). ``find_dates`` runs
every rule over the text, keeps the longest of overlapping matches (then the leftmost), and returns the
ones that resolve. Choices for ambiguous words (all relative to the publication date ``published``):

- "on Wednesday", "Wednesday": the most recent Wednesday on or before ``published`` (the same day when
  ``published`` is a Wednesday); "last Wednesday": the most recent one strictly before; "next
  Wednesday": the first one strictly after; "this Wednesday": the one in the same Monday-Sunday week.
- "16 March" with no year: the latest 16 March not more than 7 days after ``published``.
- "in March", "back in March": the most recent March on or before the published month; "last March":
  the most recent March strictly before it; "next March": the first one strictly after it.
- "over the weekend", "at the weekend": the Saturday-Sunday range of the latest weekend begun by
  ``published`` ("last weekend" read on a weekend: the one before).
- "this week" (and "earlier in the week") is the published month; "last week"/"next week" the month of
  ``published`` -/+ 7 days (precision month: a week has no precision of its own).
- "early/mid/late March", "the end of March": month precision; "late 2023", "mid-2023": year.
- Seasons are northern-hemisphere month ranges (spring 03-05, summer 06-08, autumn/fall 09-11,
  winter December to February): "the summer of 2022" is 2022-06..2022-08 and "the winter of 2022" is
  2022-12..2023-02. "this summer" is the one of the published year (for winter: the one containing
  ``published``, or starting in its December); "next" the one after that; "last" the latest one that
  ended before the published month ("last spring" is this year's in December, last year's in April).
  Without a year ("in the spring", "over the summer", "in late spring"): the latest one begun by the
  published month.
- "in the last days of January", "the first week of March": month precision, like "the end of March".
- "at the start of the month", "by the end of the year": the published month or year.
- "last night": the day before ``published``. "N days ago": a day; "N weeks ago": the month of that
  day; "N months ago" and "a year ago" (twelve months): a month; "N years ago" a year.
- "on the 16th": the 16th of the published month if not after ``published``, else of the month before.
- A bare four-digit number is a year only if 1900-2100 and in a date-like context: after in, since,
  by, until, from, during, before, after, "the", "of", "'s", early/mid/late; before "'s" or an event
  noun ("2023 coup"); and never before a counted noun ("the 2000 troops") or a dash and a word.
- "in June that year", "earlier that month", "the following year", "the summer of that year", "the next
  day", "later that day", "the following week", "two days later", "eighteen months later", "a year
  earlier", "the day before,", and "Four days after the coup, …" opening a sentence: against the date
  named last before them in the text (``find_dates`` reads a whole article); with none, no date (and
  "in June" is not read alone as this June). Days move a day (a month or year anchor stays itself when
  that is all it can say), weeks a day to its month, months and years a month ("a year later" from
  January 2022 is January 2023; "the following year", "the year before" a year). "in/over the next
  year" is a duration, no date; "more than two weeks later" is no date.
- Vague distances: "hours later" is the anchor's day; "days later" (up to a week) and "weeks later" (up
  to eight) the anchor's month, or its year, when that reach stays inside it; else no date.
- "the third quarter of 2024", "Q1 2023": the quarter's three months, a range.
- Vague expressions ("recently", "in recent weeks", "a few days ago", "months later") are not dates:
  nothing is returned. Nor is "overnight" (the night before publication in a lead, the night after the
  story's time in a narrative).
- Without ``published``, expressions that need it do not resolve and are left out of ``find_dates``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kg.model import EventDate, first_day

__all__ = ["RULES", "DateMention", "find_dates", "in_year_told", "resolve_date"]


@dataclass(frozen=True)
class DateMention:
    """A time expression in a text: its character span, its words, and the date it resolves to."""

    start: int
    end: int
    text: str
    date: EventDate


# --- vocabulary ------------------------------------------------------------------------------------

_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTH_NUMBERS = {name: i for i, name in enumerate(_FULL_MONTHS, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# first month, last month; winter starts in December and ends in February of the next year
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
            "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
            "thirty": 30, "forty": 40, "fifty": 50}
_RELATIVE = {"last": -1, "past": -1, "this past": -1, "this": 0, "next": 1, "coming": 1, "this coming": 1}

# After a year, these make the number a count ("the 2000 troops"), not a year.
_COUNTED = ("troops soldiers men women people persons children civilians refugees migrants fighters "
            "militants jihadists rebels personnel officers police policemen workers students deaths dead "
            "casualties victims cases votes voters jobs families households homes houses villages towns "
            "vehicles tanks aircraft planes jets drones missiles rockets rounds shells weapons guns rifles "
            "tonnes tons barrels litres liters km kilometres kilometers miles metres meters feet hectares "
            "acres dollars euros pounds francs cfa usd eur units members delegates seats participants pages "
            "words hours minutes seconds days weeks months years times percent per strong kg mw square "
            "sq kilograms hostages prisoners detainees inhabitants residents schools hospitals")
# After a year, these make it one ("the 2023 coup" is also caught by "the"; "Niger 2023 elections").
_EVENT_NOUNS = ("coup coups putsch election elections polls poll vote referendum uprising revolution "
                "revolt war invasion offensive agreement accord deal treaty pact summit ceasefire truce "
                "crisis protests protest attack attacks massacre constitution census budget transition "
                "withdrawal deployment mutiny junta takeover ban sanctions ultimatum declaration "
                "communique communiqué report visit")

_PIECES = {
    "{L}": r"(?<![\w\u00c0-\u024f])",  # word boundary before (ASCII \w plus Latin letters)
    "{R}": r"(?![\w\u00c0-\u024f])",  # word boundary after
    "{S}": r"[\s\u00a0\u2009\u202f]",  # one space, for fixed-width look-behinds
    "{_}": r"[\s\u00a0\u2009\u202f]*",  # optional space
    "{DASH}": r"[-\u2010-\u2015]",
    "{APOS}": r"['\u2019]",
    "{FULLMONTH}": "(?:" + "|".join(_FULL_MONTHS) + "){R}",
    "{MONTH}": "(?:(?:" + "|".join(_FULL_MONTHS) + "){R}|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
               r"(?:\.|{R}))",
    "{WEEKDAY}": "(?:" + "|".join(_WEEKDAYS) + "){R}",
    "{SEASON}": "(?:" + "|".join(_SEASONS) + "){R}",
    "{YEAR}": r"(?:19\d\d|20\d\d|2100){R}(?![.,:/]\d)",
    "{DAY}": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?{R}",
    "{NUM}": r"(?:\d{1,3}|" + "|".join(_NUMBERS) + "){R}",
    # a preposition kept in the mention's words
    "{PREP}": "(?:{IN}|on|around|at) ",
    # the prepositions that make a bare number a year ("at 2023 levels", "around 2000 people" do not)
    "{YPREP}": "{IN} ",
    "{IN}": "(?:(?:back|earlier|later|late|early|sometime|starting|beginning|as early as|as late as) in"
            "|as of|in|since|by|during|from|until|till|through|throughout|before|after|circa)",
    "{MOD}": "(?:(?:early|mid|late|earlier|later)(?: |{_}{DASH}{_})"
             "|(?:the )?(?:end|start|beginning|middle|close|turn|first half|second half) of "
             "|(?:the )?(?:first|last|final|closing|opening)(?: few)? (?:days?|weeks?) of )",
    # after a bare year: not "2000-strong", not "2000 troops", not "2000 %", not "2000 to 2500"
    "{YG}": r"(?!{_}{DASH}{_}\w)(?! (?:" + _COUNTED.replace(" ", "|") + "){R})(?!{_}%)"
            r"(?! (?:to|and|or) (?!(?:19|20)\d\d{R})\d)",
    "{EVENT}": "(?:" + _EVENT_NOUNS.replace(" ", "|") + "){R}",
}


def _compile(template: str) -> re.Pattern[str]:
    """A rule's pattern: pieces expanded, each literal space meaning one or more spaces."""
    pattern = template
    while "{" in pattern and any(k in pattern for k in _PIECES):
        for key, value in _PIECES.items():
            pattern = pattern.replace(key, value)
    pattern = pattern.replace(" ", r"[\s\u00a0\u2009\u202f]+")
    # ASCII: keeps IGNORECASE from matching "\u212a" for "k" and \d from matching other scripts' digits
    return re.compile(pattern, re.IGNORECASE | re.ASCII)


# --- calendar helpers ------------------------------------------------------------------------------

_Resolved = tuple[str, str | None]  # value, end
_Resolver = Callable[[re.Match[str], date | None], _Resolved | None]


def _words(s: str) -> str:
    return " ".join(s.lower().split())


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[_words(word).rstrip(".")]


def _ymd(d: date) -> str:
    return d.isoformat()


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift(year: int, month: int, k: int) -> tuple[int, int]:
    y, m = divmod(year * 12 + month - 1 + k, 12)
    return y, m + 1


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _recent_day(month: int, day: int, published: date) -> date | None:
    """The latest date with this month and day not more than a week after ``published``."""
    limit = published + timedelta(days=7)
    for year in range(published.year + 1, published.year - 9, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= limit:
            return d
    return None


def _recent_month_year(month: int, published: date, strictly_before: bool = False) -> int:
    """The year of the most recent ``month`` on or before (or strictly before) the published month."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def _day_number(word: str) -> int:
    return int(re.match(r"\d+", word)[0])  # "16th" -> 16


def _number(word: str) -> int:
    w = _words(word)
    return int(w) if w.isdigit() else _NUMBERS[w]


def _relative(word: str) -> int:
    return _RELATIVE[_words(word)]


def _year_given(m: re.Match[str], published: date | None) -> tuple[bool, int | None]:
    """Whether the match names a year ("2024", "last year"), and which (None: needs ``published``)."""
    groups = m.groupdict()
    if groups.get("y") or groups.get("oy"):
        return True, int(groups["y"] or groups["oy"])
    if groups.get("ry"):
        return True, None if published is None else published.year + _relative(groups["ry"])
    return False, None


# --- resolvers: a match and the publication date -> (value, end) or None ------------------------------

def _iso(m: re.Match[str], published: date | None) -> _Resolved | None:
    value = _day(int(m["y"]), int(m["m"]), int(m["d"]))
    return (value, None) if value else None


def _numeric(m: re.Match[str], published: date | None) -> _Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    if len(y) == 2 and m["s"] == ".":
        return None  # "1.2.24" is more likely a version number than a date
    year = int(y) if len(y) == 4 else int(y) + (2000 if int(y) < 70 else 1900)
    value = _day(year, b, a) or _day(year, a, b)  # day first; month first only when day first is impossible
    return (value, None) if value else None


def _day_month(m: re.Match[str], published: date | None) -> _Resolved | None:
    month = _month_number(m["mon"])
    first, last = _day_number(m["d"]), _day_number(m["d2"]) if m["d2"] else None
    if last is not None and last <= first:
        return None
    given, year = _year_given(m, published)
    if given:
        if year is None:
            return None
    else:
        if published is None:
            return None
        recent = _recent_day(month, first, published)
        if recent is None:
            return None
        year = recent.year
    value = _day(year, month, first)
    end = _day(year, month, last) if last is not None else None
    if value is None or (last is not None and end is None):
        return None
    return value, end


def _month_year(m: re.Match[str], published: date | None) -> _Resolved | None:
    _given, year = _year_given(m, published)
    return None if year is None else (_ym(year, _month_number(m["mon"])), None)


def _bare_month(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    month = _month_number(m["mon"])
    rel = _relative(m["rel"]) if m.groupdict().get("rel") else None
    if rel is None:
        year = _recent_month_year(month, published)
    elif rel < 0:
        year = _recent_month_year(month, published, strictly_before=True)
    elif rel == 0:
        year = published.year
    else:
        year = published.year if month > published.month else published.year + 1
    return _ym(year, month), None


def _month_range(m: re.Match[str], published: date | None) -> _Resolved | None:
    m1, m2 = _month_number(m["m1"]), _month_number(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    if y2 is None and y1 is not None:
        y2 = y1 if m2 >= m1 else y1 + 1
    if y2 is None:
        if published is None:
            return None
        y2 = _recent_month_year(m2, published)
    if y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    if (y1, m1) >= (y2, m2):
        return None
    return _ym(y1, m1), _ym(y2, m2)


def _year_range(m: re.Match[str], published: date | None) -> _Resolved | None:
    y1, raw = int(m["y1"]), m["y2"]
    y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
    if not y1 < y2 <= 2100:
        return None
    return f"{y1:04d}", f"{y2:04d}"


def _year(m: re.Match[str], published: date | None) -> _Resolved | None:
    return m["y"], None


def _season_span(season: str, year: int) -> _Resolved:
    first, last = _SEASONS[season]
    return _ym(year, first), _ym(year + (last < first), last)


_QUARTERS = {"first": 1, "1st": 1, "q1": 1, "second": 2, "2nd": 2, "q2": 2, "third": 3, "3rd": 3, "q3": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4, "q4": 4}


def _quarter(m: re.Match[str], published: date | None) -> _Resolved | None:
    """"in the third quarter of 2024", "in Q3 2024": its three months."""
    first = 3 * _QUARTERS[_words(m["q"])] - 2
    return _ym(int(m["y"]), first), _ym(int(m["y"]), first + 2)


def _season_year(m: re.Match[str], published: date | None) -> _Resolved | None:
    return _season_span(_words(m["s"]), int(m["y"]))


def _season_relative(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    season = _words(m["s"])
    this = published.year - 1 if season == "winter" and published.month <= 2 else published.year
    rel = _relative(m["rel"])
    if rel < 0:  # the most recent one that ended before the published month ("last spring" in December)
        return _recent_season(season, published, ended=True)
    return _season_span(season, this + rel)


def _recent_season(season: str, published: date, *, ended: bool = False) -> _Resolved:
    """The latest season that began (or, with ``ended``, ended) before or in the published month."""
    month = _ym(published.year, published.month)
    year = published.year
    while True:  # at most three steps back: a season recurs every year
        first, last = _season_span(season, year)
        if (last < month) if ended else (first <= month):
            return first, last
        year -= 1


def _bare_season(m: re.Match[str], published: date | None) -> _Resolved | None:
    """"in the spring": the latest spring begun by the published month, a range of months."""
    return None if published is None else _recent_season(_words(m["s"]), published)


def _weekday(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    target = _WEEKDAYS.index(_words(m["wd"]))
    rel = _relative(m["rel"]) if m["rel"] else None
    back = (published.weekday() - target) % 7
    if rel is None:
        d = published - timedelta(days=back)
    elif rel < 0:
        d = published - timedelta(days=back or 7)
    elif rel > 0:
        d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
    else:
        d = published + timedelta(days=target - published.weekday())
    return _ymd(d), None


def _weekend(m: re.Match[str], published: date | None) -> _Resolved | None:
    """ "over the weekend": the Saturday and Sunday of the latest weekend begun by ``published``; "last
    weekend" read on a Saturday or Sunday: the one before."""
    if published is None:
        return None
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if m["rel"] and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return _ymd(saturday), _ymd(saturday + timedelta(days=1))


_DAY_OFFSETS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                "last night": -1, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2}


def _day_relative(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    return _ymd(published + timedelta(days=_DAY_OFFSETS[_words(m["w"])])), None


def _period(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    rel, unit = _relative(m["rel"]), _words(m["unit"])
    if unit == "year":
        return f"{published.year + rel:04d}", None
    if unit == "month":
        return _ym(*_shift(published.year, published.month, rel)), None
    d = published + timedelta(days=7 * rel)  # week: the month it falls in
    return _ym(d.year, d.month), None


def _this_period(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    if _words(m["unit"]) == "year":
        return f"{published.year:04d}", None
    return _ym(published.year, published.month), None


def _ago(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    n, unit = _number(m["n"]), _words(m["unit"])
    if unit == "year" and n == 1:
        unit, n = "month", 12  # "a year ago the government demanded …": that month last year
    if unit == "year":
        return f"{published.year - n:04d}", None
    if unit == "month":
        return _ym(*_shift(published.year, published.month, -n)), None
    d = published - timedelta(days=n * (7 if unit == "week" else 1))
    return (_ymd(d), None) if unit == "day" else (_ym(d.year, d.month), None)


def _nth(m: re.Match[str], published: date | None) -> _Resolved | None:
    if published is None:
        return None
    day = _day_number(m["d"])
    year, month = published.year, published.month
    if day > published.day:
        year, month = _shift(year, month, -1)
    for _ in range(12):
        value = _day(year, month, day)
        if value:
            return value, None
        year, month = _shift(year, month, -1)
    return None


_ANCHOR_STEPS = {"that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1,
                 "the previous": -1, "the preceding": -1, "the prior": -1}
_DIRECTIONS = {"later": 1, "afterwards": 1, "after": 1, "earlier": -1, "before": -1}


def _unanchored(m: re.Match[str], published: date | None) -> _Resolved | None:
    """An anchored expression read alone: no date (``find_dates`` resolves it against the one before)."""
    return None


def _moved(value: str, n: int, unit: str) -> str | None:
    """A date ``n`` days, weeks, months or years after a date (before it for n < 0), as precise as both
    allow: a day moved by days is a day, by weeks a month; a month moved by days stays that month only
    for a day or so either way; a year moved by days or weeks stays that year; a year moved by months is
    unknown."""
    days = n * (7 if unit == "week" else 1)
    if unit in ("day", "week"):
        if len(value) == 10:
            moved = date.fromisoformat(value) + timedelta(days=days)
            return _ymd(moved) if unit == "day" else _ym(moved.year, moved.month)
        return value if len(value) == 4 or abs(days) <= 1 else None
    months = n * (12 if unit == "year" else 1)
    if len(value) == 4:
        return f"{int(value) + n:04d}" if unit == "year" else (value if n == 0 else None)
    return _ym(*_shift(int(value[:4]), int(value[5:7]), months))


_VAGUE_DAYS = {"day": 7, "week": 56}  # how far "days later" and "weeks later" may reach


def _vaguely_moved(anchor: EventDate, sign: int, unit: str) -> _Resolved | None:
    """"hours later": the anchor's day; "days later" (up to a week) and "weeks later" (up to eight): the
    anchor's month, or its year, if that far either way stays in it; else unknown."""
    if anchor.end or anchor.value is None or (unit == "hour" and anchor.precision != "day"):
        return None
    if unit == "hour":
        return anchor.value, None
    first, last = anchor.bounds()
    far = timedelta(days=_VAGUE_DAYS[unit])
    reach = last + far if sign > 0 else first - far
    if len(anchor.value) >= 7 and (reach.year, reach.month) == (first.year, first.month):
        return anchor.value[:7], None
    return (anchor.value[:4], None) if reach.year == first.year else None


def _moved_from(anchor: EventDate, n: int, unit: str) -> _Resolved | None:
    """An anchor (not a range: from which end?) moved by ``n`` units, if that has a date."""
    moved = None if anchor.end or anchor.value is None else _moved(anchor.value, n, unit)
    return None if moved is None else (moved, None)


def _anchored(m: re.Match[str], anchor: EventDate | None) -> _Resolved | None:
    """"in June that year", "earlier that month", "the following year", "the next day", "two days later"
    against the date named before."""
    if anchor is None or anchor.value is None:
        return None
    groups = m.groupdict()
    if groups.get("dir"):  # "two days later", "a year earlier", "Four days after the coup, …", "days later"
        sign, unit = _DIRECTIONS[_words(m["dir"])], _words(m["unit"])
        if groups.get("n") is None and "vague" in groups:
            counted = re.search(r"(?:\d|\b(?:" + "|".join(_NUMBERS) + r"))\s+$", m.string[: m.start()], re.I)
            return None if counted else _vaguely_moved(anchor, sign, unit)  # not "more than two weeks later"
        if groups.get("n") is None and unit == "year":  # "the year before": a year, as "the previous year"
            year = anchor.model_copy(update={"value": anchor.value[:4], "precision": "year"})
            return _moved_from(year, sign, unit)
        n = _number(m["n"]) if groups.get("n") else 1
        if unit == "hour":  # "36 hours later": the next day
            return _moved_from(anchor, sign * (n // 24), "day")
        return _moved_from(anchor, sign * n, unit)
    step, unit = _ANCHOR_STEPS[_words(m["rel"])], _words(m["unit"])
    year = int(anchor.value[:4])
    if unit in ("day", "week"):  # "the next day", "later that day", "the following week"
        return _moved_from(anchor, step, unit)
    if unit == "month":
        if m["mon"] or m["s"] or len(anchor.value) < 7:
            return None
        return _ym(*_shift(year, int(anchor.value[5:7]), step)), None
    season = _words(m["s"]) if m["s"] else (unit if unit in _SEASONS else None)
    if m["mon"]:
        return (_ym(year + step, _month_number(m["mon"])), None) if unit == "year" else None
    if season is not None:
        return _season_span(season, year + step) if unit in ("year", season) else None
    return f"{year + step:04d}", None


# --- the rules -------------------------------------------------------------------------------------

# After a month, an older year too ("1 January 1885"), only right after it ("5 April, 1600 people")
_YEAR_PART = (r"(?:,? (?:of )?(?P<y>{YEAR})| (?P<oy>1[5-8]\d\d){R}(?![.,:/]\d)"
              r"|,? (?:of )?(?P<ry>this|last|next) year{R})")
_ORDINAL_NOUNS = ("floor century centuries anniversary day week month year time round session summit edition "
                  "division brigade battalion regiment army corps amendment congress parliament assembly "
                  "street avenue place minute hour birthday consecutive largest biggest most highest lowest "
                  "best worst of")

_RULE_TEMPLATES: tuple[tuple[str, str, _Resolver], ...] = (
    ("iso", r"{L}(?:{PREP})?(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)(?!-\d)", _iso),
    ("numeric",
     r"{L}(?:{PREP})?(?<![\d./])(?P<a>\d\d?)(?P<s>[/.])(?P<b>\d\d?)(?P=s)(?P<y>\d{4}|\d\d)(?!\d)(?!(?P=s)\d)",
     _numeric),
    ("day month",
     r"{L}(?:{PREP})?(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<d>{DAY})(?:{_}{DASH}{_}(?P<d2>{DAY}))?"
     r"(?: of)? (?P<mon>{MONTH})" + _YEAR_PART + "?",
     _day_month),
    ("month day",
     r"{L}(?:{PREP})?(?:(?P<wd>{WEEKDAY}),? )?(?P<mon>{MONTH}) (?P<d>{DAY})(?:{_}{DASH}{_}(?P<d2>{DAY}))?"
     r"(?![.,:]\d)" + _YEAR_PART + "?",
     _day_month),
    ("month year", r"{L}(?:{PREP})?(?:{MOD})?(?P<mon>{MONTH})" + _YEAR_PART, _month_year),
    ("month", r"{L}(?:{PREP}(?:{MOD})?|{MOD})(?P<mon>{FULLMONTH})", _bare_month),
    ("relative month", r"{L}(?:{PREP})?(?:{MOD})?(?P<rel>last|this|next) (?P<mon>{FULLMONTH})", _bare_month),
    ("month range",
     r"{L}(?:between|from) (?:{MOD})?(?P<m1>{MONTH})(?: (?P<y1>{YEAR}))?,? (?:and|to|until|till|through|thru)"
     r" (?:{MOD})?(?P<m2>{MONTH})(?:,? (?P<y2>{YEAR}))?",
     _month_range),
    ("month dash range",
     r"{L}(?:{PREP})?(?P<m1>{MONTH})(?: (?P<y1>{YEAR}))?{_}{DASH}{_}(?P<m2>{MONTH}),? (?P<y2>{YEAR})",
     _month_range),
    ("year range",
     r"{L}(?:between|from) (?:{MOD})?(?P<y1>{YEAR}) (?:and|to|until|till|through|thru)"
     r" (?:{MOD})?(?P<y2>{YEAR}){YG}",
     _year_range),
    ("year dash range",
     r"{L}(?:{YPREP})?(?<![$\u20ac\u00a3#])(?P<y1>{YEAR}){_}{DASH}{_}(?P<y2>(?:19|20)\d\d|\d\d){R}(?![.,:]\d){YG}",
     _year_range),
    ("year", r"{L}(?:{YPREP}(?:{MOD})?|{MOD})(?P<y>{YEAR}){YG}", _year),
    ("the year", r"(?:(?<=\bthe{S})|(?<=\bof{S})|(?<={APOS}s{S}))(?P<y>{YEAR}){YG}", _year),
    ("year of", r"{L}(?<![$\u20ac\u00a3#])(?P<y>{YEAR})(?={APOS}s{R}| {EVENT})", _year),
    ("season", r"{L}(?:{PREP})?(?:{MOD})?(?:the )?(?P<s>{SEASON}) (?:of )?(?P<y>{YEAR})", _season_year),
    ("quarter",
     r"{L}(?:{PREP})?(?:the )?"
     r"(?P<q>(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?= quarter)|q[1-4]{R})"
     r"(?: quarter)?(?: of)? (?P<y>{YEAR})",
     _quarter),
    ("relative season",
     r"{L}(?:{PREP})?(?:{MOD})?(?:the )?(?P<rel>this past|this|last|next|past) (?P<s>{SEASON})",
     _season_relative),
    ("bare season",  # "in the spring", "over the summer", "in late spring"; not "the Arab Spring"
     r"{L}(?:(?:{PREP}|over |throughout )(?:{MOD})?(?:the )?|{MOD}(?:the )?)(?P<s>{SEASON})",
     _bare_season),
    # anchored to the date named before it in the text: "in June that year", "earlier that month", "the
    # following year" (resolved by find_dates; never "in June" read alone)
    ("anchored",
     r"{L}(?:{PREP})?(?:{MOD})?(?:(?P<mon>{FULLMONTH}),? (?:of )?|(?:the )?(?P<s>{SEASON}) (?:of )?)?"
     r"(?P<rel>that same|that|the same|the following"
     r"|(?<!\bin{S})(?<!\bover{S})(?<!\bwithin{S})(?<!\bfor{S})(?<!\bduring{S})the next"
     r"|the previous|the preceding|the prior) "
     r"(?P<unit>year|month|week|day|spring|summer|autumn|fall|winter){R}",
     _unanchored),
    # "two days later", "a year earlier"; "Four days after the coup, …" opening a sentence (inside one, the
    # 'after' names an event the sentence may date itself); not "more than two weeks later"
    ("anchored offset",
     r"(?:(?P<open>^|(?<=[.!?\n]{S})|(?<=\n))(?:(?:about|some|nearly|almost|roughly|around|just|only) )?)?"
     r"{L}(?<!\bthan{S})(?<!\bover{S})"
     r"(?:(?P<n>{NUM}) |(?P<vague>a few |several |a couple of )?(?=(?:hour|day|week)s ))"
     r"(?P<unit>hour|day|week|month|year)s?{R} "
     r"(?P<dir>later|earlier|afterwards|(?(open)after|(?!))|(?(open)before|(?!))){R}",
     _unanchored),
    # "The day before, …", "had met the year before.": one unit from the date told before
    ("anchored the unit before",
     r"{L}the (?P<unit>day|week|month|year) (?P<dir>before|after)(?={_}[,;.]|{_}$)",
     _unanchored),
    ("weekend",
     r"{L}(?:(?:over|at|during|on) )?(?:the |this |(?P<rel>last|this past) )weekend{R}",
     _weekend),
    ("weekday",
     r"{L}(?:(?P<rel>this past|this coming|last|this|next|coming|past) |{PREP}|(?:early|late) (?:on )?)?"
     r"(?P<wd>{WEEKDAY})(?! (?:times|telegraph|herald|express|mirror|post|tribune|standard|nation){R})"
     r"(?: (?:morning|afternoon|evening|night){R})?",
     _weekday),
    ("day",
     r"{L}(?:{PREP}|(?:early|late|earlier|later) )?(?P<w>the day before yesterday|the day after tomorrow"
     r"|(?<!\busa{S})today|tonight|last night|yesterday|tomorrow|this morning|this afternoon"
     r"|this evening){R}"
     r"(?: (?:morning|afternoon|evening|night){R})?",
     _day_relative),
    ("the month",  # "at the start of the month", "by the end of the year": the published one
     r"{L}(?:{PREP})?(?:the )?(?:end|start|beginning|middle|close|turn) of the (?P<unit>month|year){R}",
     _this_period),
    ("the week",  # "earlier in the week": the published one, as "this week"
     r"{L}(?:earlier|later) in the (?P<unit>week){R}",
     _this_period),
    ("period",  # not "the last year", a duration
     r"{L}(?:{PREP})?(?:{MOD})?(?<!\bthe{S})(?P<rel>this|last|next) (?P<unit>week|month|year){R}",
     _period),
    ("ago",
     r"{L}(?:(?:about|some|nearly|almost|roughly|around|over|more than|less than|just|only|exactly) )?"
     r"(?P<n>{NUM}) (?P<unit>day|week|month|year)s?{R} ago{R}",
     _ago),
    ("nth",
     r"{L}(?:on|by|since|from|until|till|before|after) the (?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)){R}"
     r"(?! (?:" + _ORDINAL_NOUNS.replace(" ", "|") + "){R})",
     _nth),
)
RULES: tuple[tuple[str, re.Pattern[str], _Resolver], ...] = tuple(
    (name, _compile(template), resolver) for name, template, resolver in _RULE_TEMPLATES
)


# --- entry points ----------------------------------------------------------------------------------

_WRITABLE = re.compile(r"[1-9]\d{3}(?:-\d\d(?:-\d\d)?)?")


def _make(value: str, end: str | None, text: str) -> EventDate | None:
    if not all(_WRITABLE.fullmatch(v) for v in (value, end) if v is not None):
        return None  # years before 1000 or after 9999 have no YYYY form
    if end is not None and (len(end) != len(value) or end < value):
        return None
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return EventDate(value=value, precision=precision, text=text, end=end)


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in a text (a sentence or a whole article), resolved against ``published``.

        >>> [m.date.value for m in find_dates("They arrived on Wednesday, after a coup last year.",
        ...                                    date(2024, 4, 12))]
        ['2024-04-10', '2023']

    Overlapping matches: the longest wins ("back in March 2023" is one mention). Expressions that do
    not resolve (no ``published`` for a relative one, an impossible date) are left out.
    """
    candidates: list[tuple[int, int, int, re.Match[str], _Resolver]] = []
    for order, (_name, pattern, resolver) in enumerate(RULES):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), order, m, resolver))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    anchored: list[re.Match[str]] = []
    for start, end, _order, m, resolver in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))  # even if it does not resolve: its words are not re-read as a shorter date
        if resolver is _unanchored:
            anchored.append(m)
            continue
        when = _resolve(resolver, m, published, text[start:end])
        if when is not None:
            found.append(DateMention(start=start, end=end, text=text[start:end], date=when))
    found.sort(key=lambda d: d.start)
    for m in sorted(anchored, key=lambda m: m.start()):  # each against the date named last before it
        if _dated_after(m, found, text):
            continue
        before = [d.date for d in found if d.end <= m.start()]
        when = _resolve(_anchored, m, before[-1] if before else None, m[0])
        if when is not None:
            found.append(DateMention(start=m.start(), end=m.end(), text=m[0], date=when))
            found.sort(key=lambda d: d.start)
    return found


def _dated_after(m: re.Match[str], found: list[DateMention], text: str) -> bool:
    """Whether "N days after/before …" names the date of its event later in its sentence ("Two weeks after
    Russia invaded Ukraine on 24 February 2022, …"): then it is not measured from the date told before."""
    if _words(m.groupdict().get("dir") or "") not in ("after", "before"):
        return False
    stop = re.search(r"[.!?](?:\s|$)", text[m.end():])
    end = m.end() + stop.start() if stop else len(text)
    return any(m.end() <= d.start < end for d in found)


def _resolve(resolver: Callable[[re.Match[str], object], _Resolved | None], m: re.Match[str], against: object,
             words: str) -> EventDate | None:
    """The date a resolver gives a match (against the publication date or an anchor), or None."""
    try:
        resolved = resolver(m, against)
        return None if resolved is None else _make(resolved[0], resolved[1], words)
    except (ValueError, OverflowError):  # arithmetic beyond date.min/date.max
        return None


_YEARLESS = _compile(r"(?:(?:{IN}|on|around|at) )?(?:{MOD})?(?:(?P<d>{DAY})(?: of)? )?(?P<mon>{FULLMONTH})"
                     r"(?: (?P<d2>{DAY}))?")


def in_year_told(mention: DateMention, anchor: EventDate, published: date) -> DateMention | None:
    """A month named without its year ("In August", "on 17 February"), re-read after a date that told its
    year ("In January 2022 …. In August …"): the first such month on or after the anchor's, if that is
    another reading than the latest one before publication, and not after publication.

        >>> m = find_dates("In August they left.", date(2024, 4, 12))[0]
        >>> in_year_told(m, EventDate(value="2022-01", precision="month"), date(2024, 4, 12)).date.value
        '2022-08'
    """
    m = _YEARLESS.fullmatch(mention.text)
    if m is None or anchor.value is None or len(anchor.value) < 7 or anchor.end:
        return None
    month, (year, first) = _month_number(m["mon"]), (int(anchor.value[:4]), int(anchor.value[5:7]))
    year += month < first
    day = m["d"] or m["d2"]
    value = _day(year, month, _day_number(day)) if day else _ym(year, month)
    if value is None or value == mention.date.value or first_day(value) > published:
        return None
    when = mention.date.model_copy(update={"value": value})
    return DateMention(mention.start, mention.end, mention.text, when)


def resolve_date(expression: str, published: date | None) -> EventDate | None:
    """The date of the longest time expression in ``expression``, or None.

        >>> resolve_date("last month", published=date(2024, 4, 12))
        EventDate(value='2024-03', precision='month', text='last month', end=None)
    """
    mentions = find_dates(expression, published)
    if not mentions:
        return None
    return max(mentions, key=lambda d: (d.end - d.start, -d.start)).date


def month_range(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM), both included."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
