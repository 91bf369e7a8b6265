"""Rule patterns kept as data: event triggers (data/triggers.yaml) and the gazetteer as entity-ruler patterns."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from kg.actors import ActorIndex, load_yaml
from kg.errors import ExtractError

TRIGGERS_FILE = Path(__file__).resolve().parent.parent.parent / "data" / "triggers.yaml"

# Head nouns that make "<demonym> <noun>" a state's military or government rather than the state.
MILITARY_NOUNS = frozenset(
    "army military forces force troops troop soldiers soldier trainers trainer instructors instructor "
    "personnel officers officer marines navy jets jet warships warship aircraft drones air defence defense "
    "commandos contingent battalion units unit advisers advisors adviser advisor mercenaries paratroopers "
    "generals general gendarmes gendarmerie guard specialists airmen sailors pilots".split()
)
GOVERNMENT_NOUNS = frozenset(
    "government officials official authorities authority junta ministry minister president leader leaders "
    "diplomats diplomat ambassador envoy embassy delegation spokesman spokeswoman spokesperson administration "
    "regime rulers prime premier chancellor foreign cabinet parliament lawmakers senate congress king monarch "
    "counterpart counterparts state department presidency council".split()
)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: lemmas that signal an event type, with constraints."""

    lemmas: frozenset[str]
    type: str
    category: str
    needs: frozenset[str] = frozenset()
    also: frozenset[str] = frozenset()  # one of these must appear too, where `needs` is looked for
    subtypes: tuple[tuple[str, frozenset[str]], ...] = ()
    host_is_source: bool = False
    confidence: float = 0.6
    order: int = 0
    pos: frozenset[str] = frozenset()  # parts of speech the trigger may have (empty: any)
    symmetric: bool = False  # "Mali, Burkina Faso and Niger signed": every pair of subjects
    near: bool = False  # `needs` must be among the trigger's own dependents ("seized power"), not anywhere
    transitive: bool = False  # fires only with a direct object ("met Putin", not "meeting in Abuja")
    object_only: bool = False  # a verb's other side is its direct object only ("accused X of …")

    def type_for(self, phrase: set[str]) -> str:
        for subtype, words in self.subtypes:
            if words & phrase:
                return subtype
        return self.type


@dataclass(frozen=True)
class Lexicon:
    triggers: tuple[Trigger, ...]
    by_lemma: dict[str, tuple[Trigger, ...]] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)  # event type -> its category

    def category_of(self, type_: str, default: str) -> str:
        return self.categories.get(type_, default)

    def for_lemma(self, lemma: str) -> tuple[Trigger, ...]:
        return self.by_lemma.get(lemma, ())


@lru_cache(maxsize=4)
def load_lexicon(path: Path = TRIGGERS_FILE) -> Lexicon:
    """The trigger lexicon, in file order (earlier entries win when several fire)."""
    try:
        entries = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ExtractError(f"{path}: cannot read the trigger lexicon ({exc})") from exc
    triggers = []
    for n, e in enumerate(entries):
        try:
            triggers.append(
                Trigger(
                    lemmas=_words(e, "lemmas", path, n),
                    type=e["type"],
                    category=e["category"],
                    needs=_words(e, "needs", path, n),
                    also=_words(e, "also", path, n),
                    subtypes=tuple(
                        (k, _words(e["subtypes"], k, path, n)) for k in (e.get("subtypes") or {})
                    ),
                    host_is_source=bool(e.get("host_is_source", False)),
                    confidence=float(e.get("confidence", 0.6)),
                    order=n,
                    pos=_words(e, "pos", path, n),
                    symmetric=bool(e.get("symmetric", False)),
                    near=bool(e.get("near", False)),
                    transitive=bool(e.get("transitive", False)),
                    object_only=bool(e.get("object_only", False)),
                )
            )
        except (KeyError, TypeError) as exc:
            raise ExtractError(
                f"{path}: trigger entry {n + 1} lacks {exc}; see the header of the file"
            ) from exc
    by_lemma: dict[str, list[Trigger]] = {}
    for trigger in triggers:
        for lemma in trigger.lemmas:
            by_lemma.setdefault(lemma, []).append(trigger)
    categories = {t.type: t.category for t in triggers}
    return Lexicon(tuple(triggers), {k: tuple(v) for k, v in by_lemma.items()}, categories)


def _words(entry: dict, key: str, path: Path, n: int) -> frozenset[str]:
    """A word list of a trigger entry; a bare YAML word that is not a string (off, on, yes, no read as
    booleans, numbers) is an error naming the entry, not a word that silently never matches."""
    words = entry.get(key, []) if key != "lemmas" else entry["lemmas"]
    odd = [w for w in words if not isinstance(w, str)]
    if odd:
        raise ExtractError(
            f"{path}: trigger entry {n + 1} ({key}): {odd[0]!r} is not a word (YAML reads bare off/on/yes/no "
            f"as booleans); quote it, e.g. \"off\""
        )
    return frozenset(words)


def ruler_patterns(index: ActorIndex) -> list[dict]:
    """Entity-ruler patterns: every actor name (label KG), every demonym (label KG_DEM) and every foreign
    military facility (label KG_FAC: "Air Base 201", "Hmeimim"; a place, never an actor)."""
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str) -> None:
        text = text.strip()
        if len(text) < 2 or (label, text) in seen:
            return
        seen.add((label, text))
        if text.endswith("-"):  # "Sino-": the tokenizer splits "Sino-Russian" into "Sino", "-", "Russian"
            patterns.append({"label": label, "pattern": [{"ORTH": text[:-1]}, {"ORTH": "-"}]})
        else:
            patterns.append({"label": label, "pattern": text})

    for actor in index.actors.values():
        for name in {actor.label, *actor.names}:
            for variant in _variants(name):
                add("KG", variant)
            if actor.kind in ("state", "government") and " " not in name:
                add("KG", name.upper())  # datelines: "NIAMEY —", "BANGKOK —"
        for dem in actor.demonyms:
            add("KG_DEM", dem)
    for facility in dict.fromkeys(index.facilities.values()):
        for name in facility.names:
            add("KG_FAC", name)
    return patterns


def _variants(name: str) -> list[str]:
    out = [name]
    if name.lower().startswith("the "):
        out.append(name[4:])
    if "’" in name:
        out.append(name.replace("’", "'"))
    if "'" in name:
        out.append(name.replace("'", "’"))
    if "." in name and name.replace(".", "").isupper():  # U.S. -> also US handled by aliases
        out.append(name.replace(".", ""))
    return out
