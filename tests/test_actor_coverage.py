"""Gazetteer sweep (issue 3): every state of data/actors/states.yaml is found by the extractor under each
way news English names it — its name and every alias, its demonym before "government" and in the plural
("the Malians"), its capital and seats standing for its government ("Niamey expelled …", "the Kremlin"),
its possessive ("Russia's government"), and its institutions ("the Knesset", "the Bundeswehr"). Each
form goes into one template sentence with an expulsion of a foreign ambassador; the event must have that
state as a side. A name the gazetteer gives to several states
("Congo", "Congolese") may resolve to any of them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from kg.actors import DATA_DIR, plural_demonym
from kg.model import dyad_key

STATES = yaml.safe_load((DATA_DIR / "states.yaml").read_text(encoding="utf-8"))
TEMPLATE = "{} expelled the {} ambassador on Monday."


def forms(entry: dict) -> list[tuple[str, str]]:
    """(how the state is named, the sentence's subject) for every naming of one state."""
    names = [entry["name"], *(entry.get("aliases") or [])]
    out = [(f"name {n!r}", n) for n in names]
    out.append((f"possessive {entry['name']!r}", f"{entry['name']}'s government"))
    for dem in entry.get("demonyms") or []:
        out.append((f"demonym {dem!r}", f"The {dem} government"))
        if (many := plural_demonym(dem)) is not None:
            out.append((f"plural {many!r}", f"The {many}"))
    for capital in [entry.get("capital"), *(entry.get("metonyms") or [])]:
        if capital:
            out.append((f"capital {capital!r}", capital))
    for body in [*(entry.get("government") or []), *(entry.get("military") or [])]:
        out.append((f"institution {body!r}", body))
    return out


def subject(text: str) -> str:
    """A name as the first word of a sentence: "the Gambia" -> "The Gambia"."""
    return text[:1].upper() + text[1:]


def expelling(extract, code: str, name: str) -> tuple[str, set[str]]:
    """The pair the template's expulsion should have with ``name`` as its subject, and the pairs it has."""
    other, other_code = ("German", "DEU") if code == "FRA" else ("French", "FRA")
    events = extract(f"sweep-{code}", TEMPLATE.format(subject(name), other), date(2024, 4, 12))
    return other_code, {dyad_key(e.source.country, e.target.country) for e in events if e.type == "expulsion"}


@pytest.mark.parametrize("entry", STATES, ids=[e["code"] for e in STATES])
def test_every_naming_of_a_state_resolves_to_it(extract, index, entry):
    code = entry["code"]
    missed = []
    for how, name in forms(entry):
        accepted = {a.country for a in index.candidates(name.removesuffix("'s government"))} | {code}
        if how.startswith(("demonym", "plural")):
            accepted |= {a.id for a in index.demonym_states(how.split("'")[1])}
        other_code, pairs = expelling(extract, code, name)
        if not pairs & {dyad_key(c, other_code) for c in accepted if c}:
            missed.append(f"{how}: {sorted(pairs)}")
    assert not missed, f"{code}: " + "; ".join(missed)


# How news English commonly names states, whether or not the gazetteer had them
COMMON = yaml.safe_load((Path(__file__).parent / "fixtures" / "state_names.yaml").read_text("utf-8"))


@pytest.mark.parametrize("code", sorted(COMMON))
def test_common_names_of_a_state_resolve_to_it(extract, code):
    missed = []
    for name in COMMON[code]:
        other_code, pairs = expelling(extract, code, name)
        if dyad_key(code, other_code) not in pairs:
            missed.append(f"{name!r}: {sorted(pairs)}")
    assert not missed, f"{code}: " + "; ".join(missed)
