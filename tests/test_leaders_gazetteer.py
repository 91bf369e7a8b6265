"""The leaders gazetteer: shared surnames resolve by tenure, and every entry fits the other files."""

from datetime import date

import pytest

from kg.actors import normalise_name


@pytest.mark.parametrize(
    ("name", "on", "leader", "country"),
    [
        ("Aoun", date(2020, 8, 4), "leader/michel-aoun", "LBN"),
        ("Aoun", date(2025, 6, 1), "leader/joseph-aoun", "LBN"),
        ("Castro", date(2015, 7, 20), "leader/raul-castro", "CUB"),
        ("Castro", date(2023, 3, 14), "leader/xiomara-castro", "HND"),
        ("Berdimuhamedow", date(2020, 1, 1), "leader/gurbanguly-berdimuhamedow", "TKM"),
        ("Berdimuhamedow", date(2023, 1, 1), "leader/serdar-berdimuhamedow", "TKM"),
        ("Tokayev", date(2022, 1, 6), "leader/kassym-jomart-tokayev", "KAZ"),
        ("Lula", date(2023, 4, 14), "leader/luiz-inacio-lula-da-silva", "BRA"),
    ],
)
def test_shared_and_short_names_resolve_by_tenure(index, name, on, leader, country):
    actor = index.resolve(name, on)
    assert actor is not None and actor.id == leader
    assert actor.country_on(on) == country


def test_every_tenure_is_held_in_a_known_state_or_organisation(index):
    unknown = {
        (a.label, t.country)
        for a in index.actors.values()
        if a.kind == "leader"
        for t in a.tenures
        if t.country not in index.actors or index.actors[t.country].kind not in ("state", "organisation")
    }
    assert not unknown


def test_every_tenure_ends_after_it_starts(index):
    backwards = [
        (a.label, t.start, t.end)
        for a in index.actors.values()
        if a.kind == "leader"
        for t in a.tenures
        if t.start and t.end and t.end < t.start
    ]
    assert not backwards


def test_no_leader_name_is_also_a_state_place_or_group(index):
    """'Muscat' must not be Joseph Muscat: a leader's name never shadows another kind of actor."""
    clashes = {
        name
        for a in index.actors.values()
        if a.kind == "leader"
        for name in a.names
        if any(index.actors[i].kind != "leader" for i in index.by_name[normalise_name(name)])
    }
    assert not clashes
