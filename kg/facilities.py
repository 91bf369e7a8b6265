"""Foreign military facilities: bases one state uses on another's territory (data/actors/facilities.yaml).

A facility is never an actor: in a sentence about base access it stands for its host and its user.

    base = load_facilities()[normalise_name("Air Base 201")]
    base.host, base.users_during(date(2019, 1, 1), date(2019, 12, 31))   # 'NER', ['USA']
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kg.errors import ActorError

FACILITIES_FILE = Path(__file__).resolve().parent.parent / "data" / "actors" / "facilities.yaml"
SHAPE = "see the header of data/actors/facilities.yaml for the shape"


@dataclass(frozen=True)
class Use:
    """A state using a facility from ``start`` to ``end`` (None: open)."""

    state: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Facility:
    name: str
    names: tuple[str, ...]
    host: str
    kind: str
    users: tuple[Use, ...]

    def users_during(self, start: date | None, end: date | None) -> list[str]:
        """The states using the facility at some time between two dates (None: unbounded), main user first."""
        out: list[str] = []
        for use in self.users:
            overlaps = (end is None or use.start is None or use.start <= end) and (
                start is None or use.end is None or start <= use.end
            )
            if overlaps and use.state not in out:
                out.append(use.state)
        return out


def load_facilities(path: Path = FACILITIES_FILE) -> list[Facility]:
    """Every facility of a gazetteer file; a malformed entry is an ActorError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        entries = yaml.safe_load(text) or []
    except OSError as exc:
        raise ActorError(f"{path}: cannot read the facilities ({exc})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ActorError(
            f"{path}{where}: invalid YAML ({getattr(exc, 'problem', exc)}); fix the entry"
        ) from exc
    if not isinstance(entries, list):
        raise ActorError(f"{path}: expected a list of facilities at the top level; {SHAPE}")
    out = []
    for node, entry in zip(root.value, entries, strict=True):
        try:
            out.append(_facility(entry))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ActorError(
                f"{path} line {node.start_mark.line + 1}: bad facility ({exc}); {SHAPE}"
            ) from exc
    return out


def _facility(e: dict) -> Facility:
    users = tuple(
        Use(str(u["state"]), _bound(u.get("start"), end=False), _bound(u.get("end"), end=True))
        for u in e["users"]
    )
    if not users:
        raise ValueError("no users")
    names = tuple(dict.fromkeys([str(e["name"]), *(str(a) for a in e.get("aliases") or [])]))
    return Facility(str(e["name"]), names, str(e["host"]), str(e.get("kind") or "base"), users)


def _bound(value: object, end: bool) -> date | None:
    """A start or end date from "YYYY", "YYYY-MM" or "YYYY-MM-DD": a year or month ends on its last day."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) > 3:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else (12 if end else 1)
    return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
