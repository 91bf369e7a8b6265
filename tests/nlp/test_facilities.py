"""Foreign military facilities (data/actors/facilities.yaml): a named base stands for its host and its user
on the event's date in a sentence about base access, and for nothing elsewhere."""

from __future__ import annotations

from datetime import date

import pytest

from kg.errors import ActorError
from kg.facilities import load_facilities
from kg.ingest import article_from_text

PUB = date(2025, 10, 15)


@pytest.fixture(scope="module")
def extract(extractor):
    def run(text: str, published: date = PUB):
        return extractor.extract(article_from_text(text, id="facility", published=published))

    return run


def _found(events) -> set[tuple[str, str, str, str | None]]:
    return {
        (e.source.country, e.target.country, e.type, e.date.value) for e in events if e.status == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no side named: the host and the user in the event's year
        (
            "Air Base 201 has served since 2019 as a hub for drones over the Sahel.",
            ("NER", "USA", "access_used", "2019"),
        ),
        (
            "Since 2015 Hmeimim has served as a base for bombers striking Idlib.",
            ("SYR", "RUS", "access_used", "2015"),
        ),
        # a coordinated verb shares the facility as its subject
        (
            "Built for $110 million, Air Base 201 opened its runway in 2018 and has served since 2019 as a "
            "base for armed drones.",
            ("NER", "USA", "access_used", "2019"),
        ),
        # a relative clause's "that" stands for the facility; a passive "used" needs no object
        (
            "Air Base 201 near Agadez, a drone facility that has been used since 2019, will close next year.",
            ("NER", "USA", "access_used", "2019"),
        ),
        (
            "Hmeimim, a coastal facility that has been used since 2015 for air strikes, is now in doubt.",
            ("SYR", "RUS", "access_used", "2015"),
        ),
        # the user is the one of the event's date (Air Base 101: the US until July 2024, then Russia)
        (
            "In 2020 Air Base 101 served as a base for surveillance drones.",
            ("NER", "USA", "access_used", "2020"),
        ),
        (
            "By mid-2025 Air Base 101 served as a base for transport planes.",
            ("NER", "RUS", "access_used", "2025"),
        ),
    ],
)
def test_a_facility_gives_its_host_and_its_user_on_the_date(extract, text, expected):
    assert expected in _found(extract(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the foreign forces named: the facility adds its host, as the source
        ("Russian troops arrived at Air Base 101 in May 2024.", ("NER", "RUS", "access_used", "2024-05")),
        ("More American marines deployed to Camp Lemonnier in 2015.", ("DJI", "USA", "access_used", "2015")),
        # moving into a base is using it, moving out of it is leaving
        ("Russian troops moved into Air Base 101 in May 2024.", ("NER", "RUS", "access_used", "2024-05")),
        ("In 2014 the Pentagon moved its drones to Chabelley.", ("DJI", "USA", "access_used", "2014")),
        (
            "Moscow was moving warships out of Tartus in December 2024.",
            ("SYR", "RUS", "withdrawal", "2024-12"),
        ),
        # a facility named in another clause counts when a side is its user then
        (
            "Camp Lemonnier is the main American outpost in Africa, and Washington signed a lease in 2014.",
            ("DJI", "USA", "access_granted", "2014"),
        ),
        (
            "Manas was the busiest American hub in the region, and Washington renewed the lease in 2010.",
            ("KGZ", "USA", "access_granted", "2010"),
        ),
        # the host named: the facility adds its user
        ("Kyrgyzstan renewed the lease on Manas in 2010.", ("KGZ", "USA", "access_granted", "2010")),
        ("Niger revoked access to Air Base 201 in March 2024.", ("NER", "USA", "revoke_access", "2024-03")),
    ],
)
def test_a_facility_completes_the_side_the_sentence_leaves_out(extract, text, expected):
    assert expected in _found(extract(text))


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        # a facility's name, or a base noun it names, is no base-access trigger
        ("Chinese engineers inspected the runway of Air Base 201 in 2023.", "base_access"),
        ("The Lombrum base lies on Manus Island, north of the Australian coast.", "base_access"),
        ("The Ream base was built with Chinese money.", "base_access"),
        ("Naval Base Camilo Osias sits on the northern tip of Luzon.", "base_access"),
        # an undated relative clause says what the base is, it tells no event
        (
            "US forces will leave Air Base 201, which has been used for drone flights over the Sahel.",
            "access_used",
        ),
        ("Russia may lose Hmeimim, which has been used for strikes across Syria.", "access_used"),
        # giving a base up grants nothing
        (
            "US forces handed over Air Base 201 on Monday, giving up their last facility in Niger.",
            "access_granted",
        ),
        (
            "France handed the Kossei base to Chad on Thursday, giving up its last facility there.",
            "access_granted",
        ),
        ("On Monday the US gave up access to Air Base 201.", "access_granted"),
    ],
)
def test_no_basing_event(extract, text, not_found):
    assert [e for e in extract(text) if not_found in (e.category, e.type)] == []


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # a facility named in another clause is no side of the trigger's event
        ("American soldiers withdrew in 2021, while Russia kept its jets at Hmeimim.", "SYR"),
        (
            "Washington withdrew its last troops in August, and Chinese ships docked at Ream in December.",
            "KHM",
        ),
    ],
)
def test_a_facility_in_another_clause_gives_no_side(extract, text, host):
    # the withdrawal's sides (the other clause may tell an event of its own: "Russia kept its jets at Hmeimim")
    withdrawals = [e for e in extract(text) if e.type == "withdrawal"]
    assert [e for e in withdrawals if host in (e.source.country, e.target.country)] == []


@pytest.mark.parametrize(
    "text",
    [
        # a facility is no actor: it gives no side to events of other kinds
        "Officials at Camp Lemonnier condemned Russia's strikes on Tuesday.",
        "Staff at Camp Lemonnier denounced Iran's missile tests last week.",
    ],
)
def test_a_facility_is_no_side_outside_base_access(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize(
    ("name", "on", "users"),
    [
        ("Air Base 101", date(2020, 6, 1), ["USA"]),
        ("Air Base 101", date(2025, 6, 1), ["RUS"]),
        ("Manas", date(2015, 1, 1), []),
        ("Kamboinsin", date(2022, 10, 1), ["FRA"]),
    ],
)
def test_users_by_tenure(index, name, on, users):
    assert index.facility(name).users_during(on, on) == users


def test_every_host_and_user_is_a_known_state(index):
    facilities = load_facilities()
    assert len(facilities) >= 60
    for f in facilities:
        assert index[f.host].kind == "state", f.name
        assert all(index[u.state].kind == "state" for u in f.users), f.name


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "- name: Air Base 201\n  host: NER\n  users: [{state: USA}]\n"
            "- name: No Host\n  users: [{state: USA}]\n",
            4,
        ),
        ("- name: Badly Dated\n  host: NER\n  users:\n    - {state: USA, start: 2019-13}\n", 1),
    ],
)
def test_a_bad_facility_names_file_and_line(tmp_path, text, line):
    path = tmp_path / "facilities.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActorError, match=rf"facilities.yaml line {line}: bad facility"):
        load_facilities(path)


@pytest.mark.parametrize(("name", "host"), [("Air Base 201", "NER"), ("Camp Lemonnier", "DJI")])
def test_a_facility_is_no_actor_on_the_command_line(index, name, host):
    with pytest.raises(ActorError, match=rf"military facility, not an actor: host {host}"):
        index.lookup(name)
