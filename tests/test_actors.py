from datetime import date

import pytest

from kg.actors import ActorIndex, normalise_name, read_actor_file
from kg.errors import ActorError


@pytest.mark.parametrize(
    ("name", "on", "actor_id", "country"),
    [
        ("Niger", None, "NER", "NER"),
        ("NER", None, "NER", "NER"),
        ("the Kremlin", None, "RUS/government", "RUS"),
        ("Niamey", None, "NER/government", "NER"),
        ("Washington", None, "USA/government", "USA"),
        ("U.S.", None, "USA", "USA"),
        ("ECOWAS", None, "ECOWAS", "ECOWAS"),
        ("Mohamed Bazoum", date(2022, 5, 1), "leader/mohamed-bazoum", "NER"),
        ("Vladimir Putin", date(2024, 3, 26), "leader/vladimir-putin", "RUS"),
    ],
)
def test_resolve(index, name, on, actor_id, country):
    actor = index.resolve(name, on)
    assert actor is not None and actor.id == actor_id
    assert actor.country_on(on or date(2024, 1, 1)) == country


def test_leader_counts_as_no_state_outside_tenure(index):
    bazoum = index.resolve("Mohamed Bazoum")
    assert bazoum.country_on(date(2024, 1, 1)) is None
    assert bazoum.country_on(date(2023, 7, 25)) == "NER"


def test_gazetteer_covers_every_un_member(index):
    states = [a for a in index.actors.values() if a.kind == "state"]
    assert len(states) >= 195
    for code in ("NER", "USA", "RUS", "FRA", "MLI", "BFA", "TCD", "PSE", "VAT"):
        assert index[code].qid and index[code].qid.startswith("Q")
    assert index["NER/military"].country == "NER"


def test_nigerien_and_nigerian_are_different_states(index):
    assert [a.id for a in index.demonym_states("Nigerien")] == ["NER"]
    assert [a.id for a in index.demonym_states("Nigerian")] == ["NGA"]


def test_lookup_suggests_close_name(index):
    with pytest.raises(ActorError, match='did you mean "Niger"'):
        index.lookup("Nigr")


def test_state_code_accepts_names_and_codes(index):
    assert index.state_code("Russia") == "RUS"
    assert index.state_code("usa") == "USA"


def test_normalise_name():
    assert normalise_name("The  Élysée") == "elysee"
    assert normalise_name("U.S.") == "us"


def test_user_csv_actors(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "id,kind,name,aliases,country,qid,start,end\n"
        "LGF,group,Liptako Guard Force,LGF|Liptako Guards,NER,,,\n"
        ",leader,Jane Doe,Doe,NER,,2020-01-01,2021-12-31\n",
        encoding="utf-8",
    )
    index = ActorIndex.load([path])
    assert index.resolve("Liptako Guards").country == "NER"
    assert index.resolve("Doe", date(2021, 1, 1)).country_on(date(2021, 1, 1)) == "NER"


def test_bad_actor_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("- code: XXX\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ActorError, match=r"bad.yaml line \d+: invalid YAML"):
        read_actor_file(path)
