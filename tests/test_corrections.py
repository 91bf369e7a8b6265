"""Analysts' corrections: recorded with who and when, applied at every consolidation, undoable."""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.cli import cli
from kg.consolidate import consolidated_graph_iri, event_id_of
from tests.conftest import ROOT

CORPUS = ROOT / "data" / "eval" / "consolidation" / "articles"
CE_NS = "https://w3id.org/kg/consolidated/"


@pytest.fixture(scope="module")
def store(tmp_path_factory, extractor):
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    location = tmp_path_factory.mktemp("corrections") / "store"
    with KnowledgeGraph.open(location) as kg:
        assert ingest_paths(kg, [CORPUS], extractor=extractor).errors == []
    return location


@contextmanager
def opened(location):
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(location) as kg:
        yield kg


def run(*args, code=0):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


def consolidated(kg, dyad):
    """The dyad's consolidated graph as a set of triples (to compare before and after)."""
    result = kg.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": consolidated_graph_iri(dyad)}
    )
    return set(result.graph)


def events(kg, dyad):
    rows = kg.query(
        """SELECT ?ce ?type ?date ?n ?m WHERE { GRAPH ?g { ?ce a kg:ConsolidatedEvent ;
        kg:eventType ?type ; kg:sourceCount ?n ; kg:mention ?m OPTIONAL { ?ce kg:date ?date } } }""",
        {"g": consolidated_graph_iri(dyad)},
    ).rows
    found: dict[str, dict] = {}
    for ce, type_, when, n, m in rows:
        entry = found.setdefault(
            str(ce)[len(CE_NS) :],
            {
                "type": str(type_).rsplit("/", 1)[-1],
                "date": when and str(when),
                "sources": int(n),
                "mentions": set(),
            },
        )
        entry["mentions"].add(event_id_of(str(m)))
    return found


def the(kg, dyad, type_, prefix):
    [(ce, entry)] = [
        (k, v)
        for k, v in events(kg, dyad).items()
        if v["type"] == type_ and (v["date"] or "").startswith(prefix)
    ]
    return ce, entry


def correction_id(output: str) -> str:
    return re.match(r"^([0-9a-f]{10})\s", output).group(1)


def test_a_date_correction_is_attributed_dated_visible_in_sparql_and_undone(store):
    with opened(store) as kg:
        ce, before = the(kg, "NER-USA", "handover", "2024-08")
        graph_before = consolidated(kg, "NER-USA")
    out = run(
        "correct",
        "date",
        f"consolidated/{ce}",
        "2024-08-04",
        "--by",
        "ana",
        "--why",
        "the ceremony eve",
        "--store",
        str(store),
    )
    cid = correction_id(out)
    assert "ana" in out and "date consolidated/" in out and "2024-08-04" in out
    with opened(store) as kg:
        _, after = the(kg, "NER-USA", "handover", "2024-08-04")
        assert after["mentions"] == before["mentions"]
        rows = kg.query("""SELECT ?action ?subject ?date ?who ?when ?why WHERE {
            GRAPH <https://w3id.org/kg/graph/corrections> {
              ?c a kg:Correction ; kg:action ?action ; kg:subject ?subject ; kg:newDate ?date ;
                 kg:reason ?why ; prov:wasAttributedTo ?agent ; prov:generatedAtTime ?when .
              ?agent rdfs:label ?who } }""").records()
        assert [
            (str(r["action"]), str(r["subject"]), str(r["date"]), str(r["who"]), str(r["why"])) for r in rows
        ] == [("date", CE_NS + ce, "2024-08-04", "ana", "the ceremony eve")]
        assert str(rows[0]["when"].datatype).endswith("#dateTime")
        linked = kg.query('ASK { ?ce kg:correctedBy ?c . ?c kg:action "date" }', {"ce": URIRef(CE_NS + ce)})
        assert linked.boolean
    listing = run("corrections", "--store", str(store))
    assert cid in listing and "[undone]" not in listing
    run("correct", "undo", cid, "--by", "bo", "--store", str(store))
    with opened(store) as kg:
        assert consolidated(kg, "NER-USA") == graph_before  # as if it never happened
        revoked = kg.query("""SELECT ?by WHERE { ?c kg:revoked true ; prov:invalidatedAtTime ?t ;
                              kg:revokedBy ?a . ?a rdfs:label ?by }""").rows
        assert [str(r[0]) for r in revoked] == ["bo"]
    assert f"{cid}" in run("corrections", "--store", str(store)) and "[undone]" in run(
        "corrections", "--store", str(store)
    )
    assert cid not in run("corrections", "--active", "--store", str(store))
    run("correct", "undo", cid, "--store", str(store), code=1)  # already undone


def test_a_rejected_mention_stays_rejected_after_its_article_is_ingested_again(store, extractor):
    from kg.load import ingest_paths, remove_articles

    article = "07-atlantic-monitor-washington-weighs-niger"
    with opened(store) as kg:
        ce, before = the(kg, "NER-USA", "revoke_access", "2024-03-16")
        [mention] = sorted(m for m in before["mentions"] if m.startswith(article))[:1]
    out = run(
        "correct",
        "reject",
        f"event/{mention}",
        "--why",
        "read the wrong clause",
        "--by",
        "ana",
        "--store",
        str(store),
    )
    cid = correction_id(out)
    with opened(store) as kg:
        _, after = the(kg, "NER-USA", "revoke_access", "2024-03-16")
        assert after["mentions"] == before["mentions"] - {mention} and after["sources"] <= before["sources"]
        remove_articles(kg, [article])  # the article comes back: extracted again, same event ids
        ingest_paths(kg, [CORPUS / f"{article}.txt"], extractor=extractor)
        _, again = the(kg, "NER-USA", "revoke_access", "2024-03-16")
        assert again == after, "the correction survives re-ingesting the article"
        assert kg.query(
            "ASK { ?e a kg:Event }", {"e": URIRef(f"https://w3id.org/kg/event/{mention}")}
        ).boolean
    run("correct", "undo", cid, "--store", str(store))
    with opened(store) as kg:
        assert the(kg, "NER-USA", "revoke_access", "2024-03-16")[1] == before


def test_an_actor_correction_moves_a_mention_to_another_pair_and_back(store):
    with opened(store) as kg:
        ce, before = the(kg, "NER-USA", "handover", "2024-08")
        mention = sorted(before["mentions"])[0]
        fra_before = events(kg, "FRA-NER")
    out = run("correct", "actor", f"event/{mention}", "--target", "France", "--store", str(store))
    assert "target FRA" in out
    with opened(store) as kg:
        moved = [e for e in events(kg, "FRA-NER").values() if mention in e["mentions"]]
        assert len(moved) == 1 and len(events(kg, "FRA-NER")) >= len(fra_before)
        assert all(mention not in e["mentions"] for e in events(kg, "NER-USA").values())
    run("correct", "undo", correction_id(out), "--store", str(store))
    with opened(store) as kg:
        assert events(kg, "FRA-NER") == fra_before and the(kg, "NER-USA", "handover", "2024-08")[1] == before


def test_split_a_mention_out_then_merge_it_back(store):
    with opened(store) as kg:
        ce, before = the(kg, "DEU-TCD", "expulsion", "2023-04-07")
        mention = sorted(before["mentions"])[-1]
    out = run(
        "correct",
        "split",
        f"consolidated/{ce}",
        f"event/{mention}",
        "--why",
        "a different day",
        "--store",
        str(store),
    )
    split_id = correction_id(out)
    with opened(store) as kg:
        found = events(kg, "DEU-TCD")
        alone = [k for k, v in found.items() if v["mentions"] == {mention}]
        assert len(alone) == 1 and found[ce]["mentions"] == before["mentions"] - {mention}
    out = run("correct", "merge", f"consolidated/{ce}", f"consolidated/{alone[0]}", "--store", str(store))
    with opened(store) as kg:
        assert events(kg, "DEU-TCD")[ce]["mentions"] == before["mentions"]
    run("correct", "undo", correction_id(out), "--store", str(store))
    run("correct", "undo", split_id, "--store", str(store))
    with opened(store) as kg:
        assert events(kg, "DEU-TCD")[ce] == before


def test_type_and_reject_of_a_consolidated_event(store):
    with opened(store) as kg:
        ce, before = the(kg, "DEU-TCD", "expulsion", "2023-04-11")
    out = run("correct", "type", f"consolidated/{ce}", "recall_ambassador", "--store", str(store))
    with opened(store) as kg:
        assert events(kg, "DEU-TCD")[ce]["type"] == "recall_ambassador"
    run("correct", "undo", correction_id(out), "--store", str(store))
    out = run(
        "correct", "reject", ce, "--why", "duplicate wire copy", "--store", str(store)
    )  # a bare id works too
    with opened(store) as kg:
        assert ce not in events(kg, "DEU-TCD")
        assert not kg.query("ASK { ?ce kg:mention ?m }", {"ce": URIRef(CE_NS + ce)}).boolean
    run("correct", "undo", correction_id(out), "--store", str(store))
    with opened(store) as kg:
        assert events(kg, "DEU-TCD")[ce] == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reject", "event/no-such/event"], "no event 'event/no-such/event'"),
        (["date", "consolidated/DEU-TCD/nothing", "2024-03-16"], "no event"),
        (["undo", "0000000000"], "no correction"),
    ],
)
def test_mistakes_are_one_line_errors(store, args, message):
    result = CliRunner().invoke(cli, ["correct", *args, "--store", str(store)])
    assert result.exit_code == 1 and result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_values_name_the_fix(store):
    with opened(store) as kg:
        ce, _ = the(kg, "DEU-TCD", "expulsion", "2023-04-07")
    bad_date = CliRunner().invoke(cli, ["correct", "date", ce, "2024-13-40", "--store", str(store)])
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.output
    bad_type = CliRunner().invoke(cli, ["correct", "type", ce, "invasion", "--store", str(store)])
    assert bad_type.exit_code == 1 and "revoke_access" in bad_type.output
    no_side = CliRunner().invoke(cli, ["correct", "actor", ce, "--store", str(store)])
    assert no_side.exit_code == 1 and "--source" in no_side.output


@pytest.mark.parametrize("command", ["reject", "date", "type", "actor", "merge", "split", "undo"])
def test_every_correction_command_has_help_with_an_example(command):
    out = run("correct", command, "--help")
    assert "Example" in out and f"kg correct {command}" in out
