"""SHACL validation of the store: good data conforms, each kind of breakage is reported."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from test_rdf import ARTICLE_ID, make_article, make_event

from kg.model import ACTOR, ARTICLE, KG, KGT, Actor
from kg.rdf import (
    ACTORS_GRAPH,
    ONTOLOGY_GRAPH,
    actors_graph,
    article_graph,
    article_graph_iri,
    ontology_graph,
)
from kg.store import KnowledgeGraph
from kg.validate import validate_graph, validate_store

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EVENT0 = URIRef(f"https://w3id.org/kg/event/{ARTICLE_ID}/0")
EVIDENCE0 = URIRef(f"{EVENT0}/evidence")
ACTORS = [
    Actor(id="NER", label="Niger", kind="state", country="NER"),
    Actor(id="RUS", label="Russia", kind="state", country="RUS"),
    Actor(id="RUS/military", label="Russian armed forces", kind="military", country="RUS"),
]


def good_article() -> Graph:
    return article_graph(make_article(), [make_event(0), make_event(1, None, "unknown", status="negated")])


@pytest.fixture
def kg(tmp_path):
    with KnowledgeGraph.open(tmp_path / "kgstore") as store:
        store.replace_graph(ACTORS_GRAPH, actors_graph(ACTORS))
        yield store


def test_good_store_conforms(kg):
    kg.replace_graph(article_graph_iri(ARTICLE_ID), good_article())
    kg.replace_graph(ONTOLOGY_GRAPH, ontology_graph())
    report = validate_store(kg)
    assert report.conforms, report.text
    assert report.violations == 0


def test_event_missing_its_evidence_does_not_conform(kg):
    g = good_article()
    g.remove((EVENT0, KG.evidence, None))
    kg.replace_graph(article_graph_iri(ARTICLE_ID), g)
    report = validate_store(kg)
    assert not report.conforms
    assert report.violations == 1
    assert f"event:{ARTICLE_ID}/0 kg:evidence" in report.text
    assert "exactly one kg:evidence" in report.text


def _set(s, p, o):
    def change(g: Graph) -> None:
        g.set((s, p, o))

    return change


def _drop(s, p):
    def change(g: Graph) -> None:
        g.remove((s, p, None))

    return change


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (_drop(EVENT0, KG.category), "kg:category"),
        (_set(EVENT0, KG.category, KGT.military_training), "kg:category"),
        (_set(EVENT0, KG.eventType, KGT.no_such_type), "kg:eventType"),
        (_drop(EVENT0, KG.source), "kg:source"),
        (_set(EVENT0, KG.targetState, ACTOR["XXX"]), "kg:targetState"),
        (_set(EVENT0, KG.status, KG.Rumoured), "kg:status"),
        (_set(EVENT0, KG.confidence, Literal("1.5", datatype=XSD.double)), "kg:confidence"),
        (_set(EVENT0, KG.confidence, Literal("0.5")), "kg:confidence"),
        (_set(EVENT0, KG.date, Literal("2024-04-10")), "kg:date"),
        (_set(EVENT0, KG.datePrecision, KG.UnknownPrecision), "kg:date and kg:datePrecision disagree"),
        (_set(EVENT0, KG.dateStart, Literal("2024-04")), "kg:dateStart"),
        (_drop(EVIDENCE0, KG.charStart), "kg:charStart"),
        (_set(EVIDENCE0, KG.charEnd, Literal(-3)), "kg:charEnd"),
        (_drop(EVIDENCE0, KG.sentence), "kg:sentence"),
        (_drop(EVENT0, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")), "prov:wasDerivedFrom"),
        (_drop(ARTICLE[ARTICLE_ID], KG.articleId), "kg:articleId"),
        (
            _set(ARTICLE[ARTICLE_ID], URIRef("https://schema.org/datePublished"), Literal("April 2024")),
            "schema:datePublished",
        ),
    ],
)
def test_each_breakage_is_reported(kg, change, path):
    g = good_article()
    change(g)
    kg.replace_graph(article_graph_iri(ARTICLE_ID), g)
    report = validate_store(kg)
    assert not report.conforms
    assert report.violations >= 1
    assert path in report.text


@pytest.mark.parametrize(
    ("triples", "message"),
    [
        ([(ACTOR["MLI"], RDF.type, KG.State)], "exactly one kg:code"),
        ([(ACTOR["MLI/military"], RDF.type, KG.Military)], "exactly one kg:countsAs"),
        ([(ACTOR["leader/x"], RDF.type, KG.Leader)], "needs an rdfs:label"),
    ],
)
def test_broken_actors_are_reported(triples, message):
    g = actors_graph(ACTORS)
    for triple in triples:
        g.add(triple)
    report = validate_graph(g)
    assert not report.conforms
    assert message in report.text


def test_report_lists_only_the_first_violations():
    g = good_article()
    for n in range(5):
        g.add((URIRef(f"https://w3id.org/kg/event/broken/{n}"), RDF.type, KG.Event))
    report = validate_graph(g + actors_graph(ACTORS), limit=3)
    assert not report.conforms
    assert report.violations > 3
    assert len([line for line in report.text.splitlines() if line.startswith("- ")]) == 3
    assert f"and {report.violations - 3} more" in report.text


def test_the_real_gazetteer_conforms():
    from kg.actors import DATA_DIR, ActorIndex
    from kg.facilities import FACILITIES_FILE

    files = sorted(f for f in DATA_DIR.glob("*.yaml") if f != FACILITIES_FILE)  # facilities are no actors
    index = ActorIndex.load(files, builtin=False)
    assert len(index) > 100
    report = validate_graph(actors_graph(index.actors.values()))
    assert report.conforms, report.text
