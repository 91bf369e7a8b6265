"""Foreign military facilities: bases one state uses on another's territory (data/actors/facilities.yaml).

A facility is never an actor: in a sentence about base access it stands for its host and its user.

    base = load_facilities()[normalise_name("Air Base 201")]
    base.host, base.users_during(date(2019, 1, 1), date(2019, 12, 31))   # 'NER', ['USA']
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from kg.errors import ActorError
from kg.model import DATE_RE, first_day, last_day

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
        raise ActorError.invalid_yaml(path, exc) from exc
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
    if value is None or isinstance(value, date):
        return value
    if not DATE_RE.match(str(value)):
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return (last_day if end else first_day)(str(value))
