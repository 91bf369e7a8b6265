"""Parameters, named queries, the dyad timeline and result formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from test_rdf import make_article, make_event

from kg.consolidate import consolidate_dyads, stored_dyads
from kg.errors import QueryError
from kg.model import ACTOR
from kg.query import (
    format_result,
    list_named_queries,
    load_named_query,
    parse_header,
    parse_param,
    run_query,
)
from kg.rdf import article_graph, article_graph_iri, event_iri
from kg.store import KnowledgeGraph, QueryResult

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
TIMELINE_VARIABLES = [
    "event",
    "date",
    "precision",
    "dateText",
    "dateStart",
    "category",
    "type",
    "source",
    "sourceLabel",
    "sourceCode",
    "target",
    "targetLabel",
    "targetCode",
    "status",
    "confidence",
    "sentence",
    "trigger",
    "filled",
    "article",
    "articleId",
    "title",
    "outlet",
    "url",
    "published",
]


@pytest.fixture(params=["embedded", "remote"])
def kg(request, tmp_path):
    """The on-disk store, and a real Oxigraph server (tests/conftest.py)."""
    if request.param == "remote":
        yield request.getfixturevalue("remote_kg")
        return
    with KnowledgeGraph.open(tmp_path / "kgstore") as store:
        yield store


# ---------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<https://w3id.org/kg/actor/NER>", URIRef("https://w3id.org/kg/actor/NER")),
        ("2024-04-10", Literal("2024-04-10", datatype=XSD.date)),
        ("42", Literal("42", datatype=XSD.integer)),
        ("-7", Literal("-7", datatype=XSD.integer)),
        ("0.5", Literal("0.5", datatype=XSD.decimal)),
        ("NER", Literal("NER")),
        ("2024-04", Literal("2024-04")),
        ("<not closed", Literal("<not closed")),
        ('NER" } ; DROP ALL ; #', Literal('NER" } ; DROP ALL ; #')),
        ("<http://x> }", Literal("<http://x> }")),
    ],
)
def test_parse_param(value, expected):
    term = parse_param(value)
    assert term == expected
    assert type(term) is type(expected)
    if isinstance(expected, Literal):
        assert term.datatype == expected.datatype


@pytest.mark.parametrize(
    "value",
    [
        "<http://x y>",
        "<http://x> } ; DROP ALL ; <http://y>",
        '<http://x"y>',
        "<http://x<y>",
        "<>",
        "<http://{x}>",
    ],
)
def test_parse_param_rejects_bad_iris(value):
    with pytest.raises(QueryError, match="invalid IRI"):
        parse_param(value)


def test_parse_param_rejects_impossible_dates():
    with pytest.raises(QueryError, match="invalid date 2024-02-30"):
        parse_param("2024-02-30")


# ---------------------------------------------------------------- named queries


def test_load_named_query_by_name_and_path():
    query = load_named_query("dyad_timeline")
    assert query.name == "dyad_timeline"
    assert query.path.name == "dyad_timeline.rq"
    assert query.params == ["a", "b", "limit", "offset"]
    assert query.defaults == {"limit": "1000", "offset": "0"}
    assert query.param_help["b"].startswith("state-level code of the other side")
    assert "timeline" in query.description and "@param" not in query.description
    assert load_named_query(query.path).text == query.text
    assert "dyad_timeline" in list_named_queries()


def test_unknown_named_query_lists_the_known_ones():
    with pytest.raises(QueryError, match="named queries: .*dyad_timeline"):
        load_named_query("no_such_query")


def test_parse_header_stops_at_the_first_non_comment_line():
    text = "# Counts.\n#\n# @param year: the year, e.g. 2024\nSELECT * WHERE { ?s ?p ?o } # @param no: x\n"
    assert parse_header(text) == ("Counts.", {"year": "the year, e.g. 2024"})


def test_missing_param_names_it_and_says_what_it_is(kg):
    text = load_named_query("dyad_timeline").text
    with pytest.raises(QueryError) as info:
        run_query(kg, text, {"a": "NER"})
    assert str(info.value) == "query needs --param b=VALUE (state-level code of the other side)"


def test_unknown_param_names_the_valid_ones(kg):
    text = load_named_query("dyad_timeline").text
    with pytest.raises(QueryError, match=r"no parameter c; its parameters are: a, b"):
        run_query(kg, text, {"a": "NER", "b": "USA", "c": "x"})


def test_param_of_a_query_without_header_must_be_a_variable(kg):
    with pytest.raises(QueryError, match=r"no parameter zz; its parameters are: s, p, o"):
        run_query(kg, "SELECT ?s WHERE { ?s ?p ?o }", {"zz": "1"})


# ---------------------------------------------------------------- the dyad timeline


def _ingest(kg: KnowledgeGraph, article_id: str, events, **fields) -> None:
    kg.replace_graph(article_graph_iri(article_id), article_graph(make_article(article_id, **fields), events))


@pytest.fixture
def timeline_store(kg):
    rus, ner, usa = ("RUS/military", "military", "RUS"), ("NER", "state", "NER"), ("USA", "state", "USA")
    _ingest(
        kg,
        "b-art",
        [
            make_event(0, "2024-04-10", "day", article="b-art", source=rus, target=ner),
            make_event(1, None, "unknown", article="b-art", source=ner, target=rus, status="negated"),
            make_event(
                2,
                "2024-03",
                "month",
                article="b-art",
                source=ner,
                target=usa,
                category="tension",
                type="pressure",
            ),
        ],
    )
    _ingest(
        kg,
        "a-art",
        [
            make_event(0, "2023", "year", article="a-art", source=ner, target=rus, type="agreement"),
            make_event(1, "2024-04-10", "day", article="a-art", source=rus, target=ner, status="planned"),
            make_event(2, None, "unknown", article="a-art", source=rus, target=ner),
        ],
        url=None,
        title=None,
    )
    consolidate_dyads(kg, stored_dyads(kg))  # as ingest does: the pair summaries find the dyad
    return kg


@pytest.mark.parametrize(
    ("a", "b"), [("NER", "RUS"), ("RUS", "NER"), ("<https://w3id.org/kg/actor/NER>", "RUS")]
)
def test_dyad_timeline_orders_by_date_unknown_last(timeline_store, a, b):
    result = run_query(timeline_store, load_named_query("dyad_timeline").text, {"a": a, "b": b})
    assert result.variables == TIMELINE_VARIABLES
    events = [str(r[0]).rsplit("/event/", 1)[1] for r in result.rows]
    assert events == ["a-art/0", "a-art/1", "b-art/0", "a-art/2", "b-art/1"]
    first = result.records()[0]
    assert first["date"] == Literal("2023", datatype=XSD.gYear)
    assert first["dateStart"] == Literal("2023-01-01", datatype=XSD.date)
    assert (first["precision"], first["category"], first["type"], first["status"]) == (
        Literal("year"),
        Literal("cooperation"),
        Literal("agreement"),
        Literal("asserted"),
    )
    assert (first["sourceCode"], first["targetCode"]) == (Literal("NER"), Literal("RUS"))
    assert (first["source"], first["target"]) == (ACTOR["NER"], ACTOR["RUS/military"])
    assert first["articleId"] == Literal("a-art") and first["title"] is None and first["url"] is None
    assert first["filled"] is None  # both sides stated
    statuses = {str(r["status"]) for r in result.records()}
    assert statuses == {"asserted", "planned", "negated"}
    last = result.records()[-1]
    assert last["date"] is None and last["dateStart"] is None and last["precision"] == Literal("unknown")
    b_first = result.records()[2]
    assert b_first["title"] == Literal("Trainers") and b_first["outlet"] == Literal("Example News")
    assert b_first["published"] == Literal("2024-04-12", datatype=XSD.date)


def test_dyad_timeline_of_another_pair(timeline_store):
    result = run_query(timeline_store, load_named_query("dyad_timeline").text, {"a": "USA", "b": "NER"})
    assert [r[0] for r in result.rows] == [event_iri("b-art/2")]
    assert (
        run_query(timeline_store, load_named_query("dyad_timeline").text, {"a": "FRA", "b": "NER"}).rows == []
    )


def test_dyad_timeline_injection_changes_nothing(timeline_store):
    before = timeline_store.count_events()
    text = load_named_query("dyad_timeline").text
    for payload in ['NER" } ; DROP ALL ; #', "<http://x> }", "NER') } ; CLEAR ALL ; #"]:
        assert run_query(timeline_store, text, {"a": payload, "b": "RUS"}).rows == []
    assert timeline_store.count_events() == before


# ---------------------------------------------------------------- formats


def _select() -> QueryResult:
    rows = [
        (
            URIRef("https://w3id.org/kg/actor/NER"),
            Literal('Niger, "the" country'),
            Literal("3", datatype=XSD.integer),
        ),
        (URIRef("http://example.org/x"), None, Literal("2024-04", datatype=XSD.gYearMonth)),
        (URIRef("https://w3id.org/kg/type/coup"), Literal("x" * 200), Literal("chez", lang="fr")),
    ]
    return QueryResult("select", variables=["actor", "label", "value"], rows=rows)


def test_table_format_aligns_shortens_and_truncates():
    lines = format_result(_select(), "table").splitlines()
    assert lines[0].split() == ["actor", "label", "value"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].startswith("actor:NER ")
    assert lines[3].startswith("<http://example.org/x> ")
    assert lines[4].startswith("kgt:coup ")
    assert "x" * 80 not in lines[4] and "…" in lines[4]
    assert lines[2].index('Niger, "the" country') == lines[0].index("label")
    assert len(lines) == 5


def test_csv_format_is_sparql_csv():
    text = format_result(_select(), "csv")
    assert text.split("\r\n")[0] == "actor,label,value"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["https://w3id.org/kg/actor/NER", 'Niger, "the" country', "3"]
    assert rows[2] == ["http://example.org/x", "", "2024-04"]
    assert len(rows) == 4


def test_tsv_format_is_sparql_tsv():
    lines = format_result(_select(), "tsv").rstrip("\n").split("\n")
    assert lines[0] == "?actor\t?label\t?value"
    assert lines[1].split("\t") == ["<https://w3id.org/kg/actor/NER>", '"Niger, \\"the\\" country"', "3"]
    assert lines[2].split("\t") == ["<http://example.org/x>", "", f'"2024-04"^^<{XSD.gYearMonth}>']
    assert lines[3].split("\t")[2] == '"chez"@fr'


def test_json_format_is_sparql_json():
    doc = json.loads(format_result(_select(), "json"))
    assert doc["head"]["vars"] == ["actor", "label", "value"]
    first, second, third = doc["results"]["bindings"]
    assert first["actor"] == {"type": "uri", "value": "https://w3id.org/kg/actor/NER"}
    assert first["value"] == {"type": "literal", "value": "3", "datatype": str(XSD.integer)}
    assert "label" not in second
    assert third["value"] == {"type": "literal", "value": "chez", "xml:lang": "fr"}


@pytest.mark.parametrize(
    ("fmt", "yes", "no"), [("table", "yes", "no"), ("csv", "true", "false"), ("tsv", "true", "false")]
)
def test_ask_formats(fmt, yes, no):
    assert format_result(QueryResult("ask", boolean=True), fmt) == yes
    assert format_result(QueryResult("ask", boolean=False), fmt) == no
    assert json.loads(format_result(QueryResult("ask", boolean=True), "json")) == {
        "head": {},
        "boolean": True,
    }


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_construct_formats_as_rdf(kg, fmt):
    _ingest(kg, "a-art", [make_event(0, article="a-art")])
    result = run_query(kg, "CONSTRUCT { ?e kg:source ?s } WHERE { ?e kg:source ?s }")
    text = format_result(result, fmt)
    parsed = Graph().parse(data=text, format="json-ld" if fmt == "json" else "turtle")
    assert len(parsed) == 1


def test_unknown_format(kg):
    with pytest.raises(QueryError, match="use one of table, csv, tsv, json"):
        format_result(QueryResult("ask", boolean=True), "xml")


def test_run_query_end_to_end_formats(kg):
    _ingest(kg, "a-art", [make_event(0, article="a-art")])
    result = run_query(kg, "SELECT ?e ?label WHERE { ?e kg:targetLabel ?label }", {"label": "Niger"})
    assert result.rows == [(event_iri("a-art/0"), Literal("Niger"))]
    assert "event:a-art/0" in format_result(result, "table")
