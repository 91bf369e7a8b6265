"""Events and actors to triples: typed dates, deterministic IRIs, no blank nodes."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from kg.model import (
    ACTOR,
    ARTICLE,
    DYAD,
    EVENT,
    GRAPH,
    KG,
    KGT,
    PROV,
    SCHEMA,
    WD,
    Actor,
    Article,
    Event,
    EventDate,
    Evidence,
    Participant,
    Tenure,
)
from kg.rdf import (
    actor_iri,
    actors_graph,
    article_graph,
    article_graph_iri,
    article_nquads,
    content_hash,
    event_iri,
    iri_safe,
    ontology_graph,
    shorten,
)

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns when pytest inspects it
ARTICLE_ID = "seed-niger"
TEXT = "Russian military trainers arrived in Niger on Wednesday with air-defence supplies."


def make_article(article_id: str = ARTICLE_ID, **fields) -> Article:
    defaults = dict(
        text=TEXT,
        published=date(2024, 4, 12),
        url="https://example.com/niger",
        title="Trainers",
        source="Example News",
    )
    return Article(id=article_id, **{**defaults, **fields})


def make_event(
    n: int = 0,
    value: str | None = "2024-04-10",
    precision: str = "day",
    *,
    article: str = ARTICLE_ID,
    source: tuple[str, str, str] = ("RUS/military", "military", "RUS"),
    target: tuple[str, str, str] = ("NER", "state", "NER"),
    status: str = "asserted",
    category: str = "cooperation",
    type: str = "military_training",
    end: str | None = None,
) -> Event:
    return Event(
        article=article,
        event=f"{article}/{n}",
        category=category,
        type=type,
        source=Participant(
            id=source[0], label="Russian military trainers", kind=source[1], country=source[2]
        ),
        target=Participant(id=target[0], label="Niger", kind=target[1], country=target[2]),
        date=EventDate(value=value, precision=precision, text="on Wednesday" if value else None, end=end),
        status=status,
        confidence=0.87,
        evidence=Evidence(sentence=TEXT, char_start=0, char_end=len(TEXT), trigger="arrived"),
    )


@pytest.mark.parametrize(
    ("value", "precision", "datatype", "individual", "start", "end"),
    [
        ("2024-04-10", "day", XSD.date, KG.DayPrecision, "2024-04-10", "2024-04-10"),
        ("2024-02", "month", XSD.gYearMonth, KG.MonthPrecision, "2024-02-01", "2024-02-29"),
        ("2023", "year", XSD.gYear, KG.YearPrecision, "2023-01-01", "2023-12-31"),
        (None, "unknown", None, KG.UnknownPrecision, None, None),
    ],
)
def test_date_literal_is_typed_by_precision(value, precision, datatype, individual, start, end):
    g = article_graph(make_article(), [make_event(value=value, precision=precision)])
    node = event_iri(f"{ARTICLE_ID}/0")
    dates = list(g.objects(node, KG.date))
    if datatype is None:
        assert dates == []
        assert g.value(node, KG.dateText) is None
    else:
        assert dates == [Literal(value, datatype=datatype)]
        assert dates[0].datatype == datatype
    assert g.value(node, KG.datePrecision) == individual
    as_date = (lambda d: Literal(d, datatype=XSD.date)) if start else (lambda d: None)
    assert g.value(node, KG.dateStart) == as_date(start)
    assert g.value(node, KG.dateEnd) == as_date(end)


def test_date_range_ends_on_the_last_day_of_its_end():
    g = article_graph(make_article(), [make_event(value="2024-03", precision="month", end="2024-05")])
    node = event_iri(f"{ARTICLE_ID}/0")
    assert g.value(node, KG.dateStart) == Literal("2024-03-01", datatype=XSD.date)
    assert g.value(node, KG.dateEnd) == Literal("2024-05-31", datatype=XSD.date)


def test_event_triples_carry_roles_states_dyad_status_and_provenance():
    g = article_graph(make_article(), [make_event(status="planned")])
    node = event_iri(f"{ARTICLE_ID}/0")
    evidence = URIRef(str(node) + "/evidence")
    art = ARTICLE[ARTICLE_ID]
    dyad = DYAD["NER-RUS"]
    expected = {
        (node, RDF.type, KG.Event),
        (node, KG.category, KGT.cooperation),
        (node, KG.eventType, KGT.military_training),
        (node, KG.source, ACTOR["RUS/military"]),
        (node, KG.target, ACTOR["NER"]),
        (node, KG.sourceLabel, Literal("Russian military trainers")),
        (node, KG.sourceState, ACTOR["RUS"]),
        (node, KG.targetState, ACTOR["NER"]),
        (node, KG.dyad, dyad),
        (dyad, KG.hasEvent, node),
        (dyad, RDF.type, KG.Dyad),
        (node, KG.status, KG.Planned),
        (node, KG.confidence, Literal("0.87", datatype=XSD.double)),
        (node, KG.evidence, evidence),
        (evidence, RDF.type, KG.Evidence),
        (evidence, KG.sentence, Literal(TEXT)),
        (evidence, KG.charStart, Literal(0)),
        (evidence, KG.charEnd, Literal(len(TEXT))),
        (evidence, KG.trigger, Literal("arrived")),
        (evidence, PROV.wasQuotedFrom, art),
        (node, PROV.wasDerivedFrom, art),
        (art, RDF.type, KG.Article),
        (art, RDF.type, SCHEMA.NewsArticle),
        (art, KG.articleId, Literal(ARTICLE_ID)),
        (art, KG.textHash, Literal(content_hash(make_article()))),
        (art, SCHEMA.datePublished, Literal("2024-04-12", datatype=XSD.date)),
        (art, SCHEMA.headline, Literal("Trainers")),
        (art, SCHEMA.url, URIRef("https://example.com/niger")),
        (art, KG.outlet, Literal("Example News")),
    }
    assert expected <= set(g), expected - set(g)
    activity = g.value(node, PROV.wasGeneratedBy)
    assert (activity, RDF.type, KG.ExtractionActivity) in g
    assert (activity, PROV.used, art) in g
    assert (g.value(activity, PROV.wasAssociatedWith), RDF.type, KG.Extractor) in g


@pytest.mark.parametrize("filled", [None, "both sides from the story's last call event (CHL-ARG)"])
def test_evidence_says_how_unsaid_sides_were_filled_and_only_then(filled):
    event = make_event()
    event = event.model_copy(update={"evidence": event.evidence.model_copy(update={"filled": filled})})
    g = article_graph(make_article(), [event])
    evidence = URIRef(str(event_iri(f"{ARTICLE_ID}/0")) + "/evidence")
    assert list(g.objects(evidence, KG.filled)) == ([Literal(filled)] if filled else [])


@pytest.mark.parametrize(("a", "b"), [("RUS", "NER"), ("NER", "RUS")])
def test_dyad_is_the_same_node_in_both_directions(a, b):
    event = make_event(source=(a, "state", a), target=(b, "state", b))
    g = article_graph(make_article(), [event])
    assert g.value(event_iri(event.event), KG.dyad) == DYAD["NER-RUS"]


def test_organisation_participant_is_its_code_node():
    event = make_event(source=("ECOWAS", "organisation", "ECOWAS"), target=("NER", "state", "NER"))
    g = article_graph(make_article(), [event])
    node = event_iri(event.event)
    assert g.value(node, KG.source) == ACTOR["ECOWAS"] == g.value(node, KG.sourceState)
    assert actor_iri("org/ECOWAS", "organisation") == ACTOR["ECOWAS"]


def _blank_nodes(graph: Graph) -> list:
    return [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_no_blank_nodes_and_reruns_give_the_same_triples():
    events = [make_event(0), make_event(1, None, "unknown"), make_event(2, "2024", "year")]
    first = article_graph(make_article(), events)
    second = article_graph(make_article(), list(events))
    assert _blank_nodes(first) == []
    assert set(first) == set(second)
    assert isomorphic(first, second)
    actors = actors_graph([_bazoum(), Actor(id="NER", label="Niger", kind="state", country="NER")])
    assert _blank_nodes(actors) == []
    assert _blank_nodes(ontology_graph()) == []


def test_article_without_events_is_still_described():
    g = article_graph(make_article(url=None, title=None, source=None, published=None), [])
    art = ARTICLE[ARTICLE_ID]
    assert set(g.predicates(art, None)) == {RDF.type, KG.articleId, KG.textHash}


def test_event_of_another_article_is_refused():
    with pytest.raises(ValueError, match="belongs to article other"):
        article_graph(make_article(), [make_event(article="other")])


@pytest.mark.parametrize(
    "article_id",
    ["plain-id", "with space", "hash#and?query", "per%cent", 'quote"angle<>', "Niamey/été", "a\\b{c}|^`"],
)
def test_unsafe_ids_become_valid_distinct_iris(article_id):
    event = make_event(article=article_id)
    g = article_graph(make_article(article_id), [event])
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef):
                ox.NamedNode(str(term))  # raises ValueError on an invalid IRI
    assert unquote(iri_safe(article_id)) == article_id
    assert article_graph_iri(article_id) == GRAPH["article/" + iri_safe(article_id)]
    assert (event_iri(event.event), RDF.type, KG.Event) in g
    assert g.value(ARTICLE[iri_safe(article_id)], KG.articleId) == Literal(article_id)


def test_ids_that_differ_only_by_encoding_stay_distinct():
    assert article_graph_iri("a b") != article_graph_iri("a%20b")


def _bazoum() -> Actor:
    return Actor(
        id="leader/mohamed-bazoum",
        label="Mohamed Bazoum",
        kind="leader",
        qid="Q6890245",
        names=("Mohamed Bazoum", "Bazoum"),
        tenures=(
            Tenure(
                country="NER",
                role="head_of_state",
                title="President",
                start=date(2021, 4, 2),
                end=date(2023, 7, 26),
            ),
        ),
    )


@pytest.mark.parametrize(
    ("actor", "cls", "code", "counts_as"),
    [
        (Actor(id="NER", label="Niger", kind="state", country="NER"), KG.State, "NER", None),
        (
            Actor(id="NER/military", label="Niger armed forces", kind="military", country="NER"),
            KG.Military,
            None,
            "NER",
        ),
        (
            Actor(id="NER/government", label="Niger government", kind="government", country="NER"),
            KG.Government,
            None,
            "NER",
        ),
        (
            Actor(id="ECOWAS", label="ECOWAS", kind="organisation", country="ECOWAS", members=("NER", "NGA")),
            KG.Organisation,
            "ECOWAS",
            None,
        ),
        (
            Actor(id="WAGNER", label="Wagner Group", kind="group", country="RUS"),
            KG.ArmedGroup,
            "WAGNER",
            "RUS",
        ),
        (Actor(id="JNIM", label="JNIM", kind="group", country="JNIM"), KG.ArmedGroup, "JNIM", None),
        (_bazoum(), KG.Leader, None, None),
    ],
)
def test_actor_types_codes_and_counts_as(actor, cls, code, counts_as):
    g = actors_graph([actor])
    node = actor_iri(actor.id, actor.kind)
    assert (node, RDF.type, cls) in g
    assert g.value(node, RDFS.label) == Literal(actor.label)
    assert g.value(node, KG.code) == (Literal(code) if code else None)
    assert g.value(node, KG.countsAs) == (ACTOR[counts_as] if counts_as else None)


def test_actor_names_members_wikidata_and_tenures():
    ecowas = Actor(
        id="ECOWAS",
        label="ECOWAS",
        kind="organisation",
        country="ECOWAS",
        qid="Q161549",
        names=("ECOWAS", "Economic Community of West African States"),
        members=("NER", "NGA"),
    )
    niger = Actor(id="NER", label="Niger", kind="state", country="NER", demonyms=("Nigerien",))
    g = actors_graph([ecowas, niger, _bazoum()])
    assert set(g.objects(ACTOR["ECOWAS"], KG.member)) == {ACTOR["NER"], ACTOR["NGA"]}
    assert list(g.objects(ACTOR["ECOWAS"], SKOS.altLabel)) == [
        Literal("Economic Community of West African States")
    ]
    assert g.value(ACTOR["ECOWAS"], OWL.sameAs) == WD["Q161549"]
    assert g.value(ACTOR["NER"], KG.demonym) == Literal("Nigerien")
    leader = ACTOR["leader/mohamed-bazoum"]
    tenure = g.value(leader, KG.tenure)
    assert tenure == ACTOR["leader/mohamed-bazoum/tenure/1"]
    assert (tenure, RDF.type, KG.Tenure) in g
    assert g.value(tenure, KG.office) == ACTOR["NER"]
    assert g.value(tenure, KG.start) == Literal("2021-04-02", datatype=XSD.date)
    assert g.value(tenure, KG.end) == Literal("2023-07-26", datatype=XSD.date)
    assert g.value(tenure, KG.title) == Literal("President")


def test_ontology_graph_holds_classes_and_the_type_scheme():
    g = ontology_graph()
    assert (KG.Event, RDF.type, OWL.Class) in g
    assert (KGT.military_training, SKOS.broader, KGT.cooperation) in g
    assert (KGT.cooperation, RDF.type, KG.Category) in g


@pytest.mark.parametrize(
    ("iri", "short"),
    [
        (str(KG.Event), "kg:Event"),
        (str(KGT.coup), "kgt:coup"),
        (str(EVENT["a/1"]), "event:a/1"),
        (str(ACTOR["NER"]), "actor:NER"),
        ("http://example.org/x", "<http://example.org/x>"),
        (str(KG), f"<{KG}>"),
    ],
)
def test_shorten_uses_the_project_prefixes(iri, short):
    assert shorten(iri) == short


def _quads_of_graph(name: URIRef, graph: Graph) -> set[ox.Quad]:
    """rdflib triples as pyoxigraph quads in one named graph (through a serialisation round trip)."""
    text = graph.serialize(format="nt", encoding="utf-8")
    return {ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(name)))
            for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)}


@pytest.mark.parametrize(
    "sentence",
    [TEXT, 'He said "leave" \\ now.\nNew line\r and tab\t, café, 你好', ""],
)
def test_nquads_hold_the_same_quads_as_the_article_graph(sentence):
    article = make_article(title='A "quoted" title', source=None)
    events = [
        make_event(0),
        make_event(1, "2024-02", "month", status="negated"),
        make_event(2, None, "unknown"),
    ]
    events = [
        e.model_copy(update={"evidence": e.evidence.model_copy(update={"sentence": sentence})})
        for e in events
    ]
    text = article_nquads(article, events)
    parsed = set(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    assert parsed == _quads_of_graph(article_graph_iri(article.id), article_graph(article, events))
    assert len(text.splitlines()) == len(article_graph(article, events))
