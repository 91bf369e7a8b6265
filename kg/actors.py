"""The gazetteer: states, their militaries and governments, leaders, organisations, armed groups.

    index = ActorIndex.load()                       # data/actors/*.yaml
    index.resolve("the Kremlin", on=date(2024, 3, 26)).country   # 'RUS'
    index.resolve("Bazoum", on=date(2022, 1, 1)).country_on(date(2022, 1, 1))  # 'NER'

Users add their own actors with YAML files in the same shape as data/actors/, or CSV
files with the columns ``id,kind,name,aliases,country,qid,start,end`` (aliases separated by ``|``).
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from kg.errors import ActorError
from kg.facilities import Facility, load_facilities
from kg.model import KINDS, Actor, Tenure

_MILITARY_RULE = re.compile(
    r"transition|military|junta|council|committee|cnsp|cnrd|mpsr|ctri|ncpo|salvation|safeguard|restoration"
    r"|sovereignty|state administration|peace and order",
    re.I,
)
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
_BUILTIN_FILES = ("states.yaml", "organisations.yaml", "groups.yaml", "leaders.yaml")


def normalise_name(name: str) -> str:
    """The lookup key of a name: case-folded, accents and a leading 'the' removed, spaces collapsed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'").casefold().strip()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[.]", "", text)
    return re.sub(r"\s+", " ", text)


def plural_demonym(demonym: str) -> str | None:
    """The plural a demonym takes as a noun for the people ("the Malians", "Nigeriens", "Iraqis"), or
    None for a demonym that has none ("Chinese", "Swiss", "British")."""
    if demonym.endswith(("ese", "ish", "ch", "s", "x", "z")) and not demonym.endswith("ech"):
        return None  # not "Frenchs", "Dutchs"; but "Czechs"
    if not demonym[-1:].isalpha():
        return None
    return demonym + "s"


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass
class ActorIndex:
    """All known actors, with name and demonym lookups."""

    actors: dict[str, Actor] = field(default_factory=dict)
    by_name: dict[str, list[str]] = field(default_factory=dict)
    by_demonym: dict[str, list[str]] = field(default_factory=dict)
    facilities: dict[str, Facility] = field(default_factory=dict)  # by normalised name; never actors

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), *, builtin: bool = True) -> ActorIndex:
        """The built-in gazetteer plus the user's actor files (YAML or CSV)."""
        index = cls()
        paths = [DATA_DIR / name for name in _BUILTIN_FILES] if builtin else []
        for path in [*paths, *(Path(p) for p in extra)]:
            for actor in read_actor_file(path):
                index.add(actor)
        if builtin:
            index.facilities = {normalise_name(n): f for f in load_facilities() for n in f.names}
        return index

    def add(self, actor: Actor) -> None:
        self.actors[actor.id] = actor
        for name in {actor.label, *actor.names}:
            ids = self.by_name.setdefault(normalise_name(name), [])
            if actor.id not in ids:
                ids.append(actor.id)
        for dem in actor.demonyms:
            ids = self.by_demonym.setdefault(normalise_name(dem), [])
            if actor.id not in ids:
                ids.append(actor.id)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def candidates(self, name: str) -> list[Actor]:
        """Every actor a name or code may denote (codes match states, organisations, groups)."""
        key = normalise_name(name)
        ids = list(self.by_name.get(key, []))
        upper = name.strip().upper()
        if upper in self.actors and upper not in ids:
            ids.insert(0, upper)
        return [self.actors[i] for i in ids]

    def resolve(self, name: str, on: date | None = None) -> Actor | None:
        """The actor a name denotes on a date; leaders must hold an office then."""
        found = self.candidates(name)
        if not found:
            return None
        leaders = [a for a in found if a.kind == "leader"]
        others = [a for a in found if a.kind != "leader"]
        if others:
            return others[0]
        in_office = [a for a in leaders if a.country_on(on) is not None]
        return (in_office or leaders)[0]

    def facility(self, name: str) -> Facility | None:
        return self.facilities.get(normalise_name(name))

    def demonym_states(self, word: str) -> list[Actor]:
        return [self.actors[i] for i in self.by_demonym.get(normalise_name(word), [])]

    def lookup(self, name: str) -> Actor:
        """The actor a user named on the command line, or an ActorError suggesting the closest names."""
        actor = self.resolve(name)
        if actor is not None:
            return actor
        if (base := self.facility(name)) is not None:
            users = ", ".join(dict.fromkeys(u.state for u in base.users))
            raise ActorError(
                f'"{name}" is a military facility, not an actor: host {base.host}, used by {users}; '
                "name a state"
            )
        close = difflib.get_close_matches(normalise_name(name), list(self.by_name), n=1, cutoff=0.75)
        if close:
            best = self.actors[self.by_name[close[0]][0]]
            raise ActorError(f'unknown actor "{name}"; did you mean "{best.label}" ({best.id})?')
        raise ActorError(f'unknown actor "{name}"; list known actors with: kg actors')

    def state_code(self, name: str) -> str:
        """The state-level code of a name or code given by a user: 'Niger' -> 'NER'."""
        actor = self.lookup(name)
        code = actor.country_on(date.today()) if actor.kind == "leader" else actor.country
        return code or actor.id

    @functools.cached_property
    def military_ruled(self) -> frozenset[str]:
        """States that have had a junta or military transition in power (from leaders' offices):
        where "the junta", "the army" and an unplaced coup most likely belong."""
        return frozenset(
            t.country
            for a in self.actors.values()
            for t in a.tenures
            if t.title
            and _MILITARY_RULE.search(t.title)
            and t.role in ("head_of_state", "head_of_government")  # a Security Council seat is no junta
        )

    @functools.cached_property
    def by_last_word(self) -> dict[str, frozenset[str]]:
        """States by the last word of their names ("korea": South Korea and North Korea), for "the two
        Koreas", "both Sudans"."""
        out: dict[str, set[str]] = {}
        for actor in self.actors.values():
            if actor.kind == "state":
                for name in actor.names:
                    out.setdefault(normalise_name(name).split(" ")[-1], set()).add(actor.id)
        return {word: frozenset(ids) for word, ids in out.items()}

    def military_of(self, country: str) -> Actor | None:
        return self.actors.get(f"{country}/military")

    def government_of(self, country: str) -> Actor | None:
        return self.actors.get(f"{country}/government")


def load_yaml(text: str) -> object:
    """yaml.safe_load through libyaml when PyYAML has it (10x faster on the gazetteer)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def read_actor_file(path: Path) -> list[Actor]:
    """Actors from one gazetteer file: YAML in the shape of data/actors/, or CSV."""
    if not path.exists():
        raise ActorError(f"{path}: no such actor file")
    try:
        if path.suffix.lower() == ".csv":
            return _actors_from_csv(path)
        if path.suffix.lower() not in (".yaml", ".yml"):
            raise ActorError(f"{path}: unknown actor file type {path.suffix}; use .yaml or .csv")
        entries = load_yaml(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ActorError.invalid_yaml(path, exc) from exc
    if not isinstance(entries, list):
        raise ActorError(f"{path}: expected a list of actors at the top level")
    actors: list[Actor] = []
    for n, entry in enumerate(entries, 1):
        try:
            actors.extend(_actors_from_entry(path.name, entry))
        except (KeyError, TypeError, ValueError) as exc:
            label = entry.get("code") or entry.get("name") if isinstance(entry, dict) else n
            raise ActorError(f"{path}: entry {n} ({label}): {exc}; see data/actors/ for the shape") from exc
    return actors


def _names(*groups: object) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        items = group if isinstance(group, list | tuple) else [group]
        for item in items:
            if item and str(item) not in out:
                out.append(str(item))
    return tuple(out)


def _date(value: object) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _actors_from_entry(file: str, e: dict) -> list[Actor]:
    if "tenures" in e or file.startswith("leaders"):
        tenures = tuple(
            Tenure(
                country=t["country"],
                role=t.get("role", "other"),
                title=t.get("title"),
                start=_date(t.get("start")),
                end=_date(t.get("end")),
            )
            for t in e.get("tenures", [])
        )
        return [
            Actor(
                id=e.get("id") or f"leader/{slug(e['name'])}",
                label=e["name"],
                kind="leader",
                qid=e.get("qid"),
                names=_names(e["name"], e.get("aliases", [])),
                tenures=tenures,
            )
        ]
    code = str(e["code"]).strip()
    kind = e.get("kind") or (
        "organisation"
        if "members" in e or file.startswith("organisations")
        else "group"
        if file.startswith("groups")
        else "state"
    )
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if kind != "state":
        # a mission or body of an organisation counts as its parent ("EUCAP Sahel Niger" -> EU)
        counts_as = e.get("country") or (e.get("parent") if kind == "organisation" else None) or code
        return [
            Actor(
                id=code,
                label=e["name"],
                kind=kind,
                country=counts_as,
                qid=e.get("qid"),
                names=_names(e["name"], e.get("aliases", [])),
                members=tuple(e.get("members", [])),
            )
        ]
    name = e["name"]
    state = Actor(
        id=code,
        label=name,
        kind="state",
        country=code,
        qid=e.get("qid"),
        names=_names(name, e.get("aliases", [])),
        demonyms=_names(
            e.get("demonyms", []),
            [plural_demonym(d) for d in e.get("demonyms", [])],
            [f"{form}-" for form in e.get("combining", [])],  # "Sino-" as written in "Sino-Russian"
        ),
    )
    military = Actor(
        id=f"{code}/military",
        label=f"{name} armed forces",
        kind="military",
        country=code,
        names=_names(e.get("military", [])),
    )
    government = Actor(
        id=f"{code}/government",
        label=f"{name} government",
        kind="government",
        country=code,
        names=_names(e.get("government", []), e.get("metonyms", []), e.get("capital")),
    )
    return [state, military, government]


def _actors_from_csv(path: Path) -> list[Actor]:
    actors = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), 2):
            try:
                kind = (row.get("kind") or "state").strip()
                name = row["name"].strip()
                aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
                if kind == "leader":
                    tenure = Tenure(
                        country=row["country"].strip(),
                        start=_date(row.get("start")),
                        end=_date(row.get("end")),
                    )
                    actors.append(
                        Actor(
                            id=row.get("id") or f"leader/{slug(name)}",
                            label=name,
                            kind="leader",
                            qid=row.get("qid") or None,
                            names=_names(name, aliases),
                            tenures=(tenure,),
                        )
                    )
                else:
                    entry = {
                        "code": row["id"],
                        "name": name,
                        "aliases": aliases,
                        "kind": kind,
                        "country": row.get("country") or None,
                        "qid": row.get("qid") or None,
                    }
                    actors.extend(_actors_from_entry(path.name, entry))
            except (KeyError, ValueError, AttributeError) as exc:
                raise ActorError(
                    f"{path} line {line}: {exc}; columns are id,kind,name,aliases,country,qid,start,end"
                ) from exc
    return actors
