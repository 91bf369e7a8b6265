"""The store, on disk and on an Oxigraph server: atomic graph replace, reopening, locking, queries, bindings, dumps."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from test_rdf import ARTICLE_ID, make_article, make_event

from kg.errors import QueryError, StoreError
from kg.model import ACTOR, ARTICLE, GRAPH, KG, SCHEMA
from kg.rdf import article_graph, article_graph_iri, content_hash, event_iri, new_graph
from kg.store import KnowledgeGraph, query_variables, with_values, without_lateral

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
EX = Namespace("http://example.org/")
G = EX["graph"]


@pytest.fixture(params=["embedded", "remote"])
def kg(request, tmp_path):
    """The same tests on the on-disk store and on a real Oxigraph server (tests/conftest.py)."""
    if request.param == "remote":
        yield request.getfixturevalue("remote_kg")
        return
    store = KnowledgeGraph.open(tmp_path / "kgstore")
    yield store
    store.close()


def triples(n: int, tag: str = "v") -> Graph:
    g = new_graph()
    for i in range(n):
        g.add((EX[f"s{i}"], EX.p, Literal(f"{tag}{i}")))
    return g


def count(kg: KnowledgeGraph, graph: URIRef = G) -> int:
    result = kg.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", {"g": graph})
    return int(result.rows[0][1]) if result.rows else 0


def total(kg: KnowledgeGraph) -> int:
    return int(kg.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows[0][0])


# ---------------------------------------------------------------- writing


def test_replace_graph_is_idempotent(kg):
    g = article_graph(make_article(), [make_event(0), make_event(1, None, "unknown")])
    kg.replace_graph(article_graph_iri(ARTICLE_ID), g)
    first = total(kg)
    kg.replace_graph(
        article_graph_iri(ARTICLE_ID),
        article_graph(make_article(), [make_event(0), make_event(1, None, "unknown")]),
    )
    assert first == len(g) == total(kg)


def test_replace_graph_drops_the_old_triples(kg):
    kg.replace_graph(G, triples(5, "old"))
    kg.replace_graph(G, triples(3, "new"))
    rows = kg.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?o", {"g": G}).rows
    assert [str(r[0]) for r in rows] == ["new0", "new1", "new2"]


def test_replace_graph_leaves_other_graphs_alone(kg):
    kg.replace_graph(G, triples(4))
    kg.replace_graph(EX.other, triples(2))
    kg.replace_graph(G, triples(1))
    assert count(kg, EX.other) == 2


def test_replace_graph_readers_see_old_or_new_never_half(kg):
    old, new = triples(300, "old"), triples(700, "new")
    kg.replace_graph(G, old)
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.add(count(kg))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(30):
            kg.replace_graph(G, new if i % 2 == 0 else old)
    finally:
        stop.set()
        reader.join()
    assert seen and seen <= {300, 700}


def test_failed_replace_keeps_the_old_graph(kg):
    kg.replace_graph(G, triples(3))
    bad = triples(5, "new")
    bad.add((URIRef("http://example.org/not an iri"), EX.p, Literal("x")))
    with pytest.raises(StoreError, match="cannot write graph"):
        kg.replace_graph(G, bad)
    assert count(kg) == 3


def test_replace_graphs_replaces_several_removes_the_empty_and_keeps_them_all_on_a_bad_triple(kg):
    kg.replace_graphs({EX.a: triples(3), EX.b: triples(2)})
    kg.replace_graphs({EX.a: triples(1, "new"), EX.b: set(), EX.c: triples(4)})
    assert (count(kg, EX.a), count(kg, EX.c)) == (1, 4) and not kg.has_graph(EX.b)
    bad = {(URIRef("http://example.org/not an iri"), EX.p, Literal("x"))}
    with pytest.raises(StoreError, match="cannot write graph"):
        kg.replace_graphs({EX.a: triples(5), EX.c: bad})
    assert (count(kg, EX.a), count(kg, EX.c)) == (1, 4)


def test_remove_graph(kg):
    kg.replace_graph(G, triples(3))
    assert kg.has_graph(G)
    assert kg.remove_graph(G) is True
    assert not kg.has_graph(G)
    assert kg.remove_graph(G) is False
    assert total(kg) == 0


def test_empty_replacement_removes_the_graph(kg):
    kg.replace_graph(G, triples(3))
    kg.replace_graph(G, new_graph())
    assert not kg.has_graph(G)


def test_update_runs_sparql_update(kg):
    kg.update(
        "INSERT DATA { GRAPH <http://example.org/g2> { <http://example.org/a> <http://example.org/p> 1 } }"
    )
    assert count(kg, EX.g2) == 1


def test_update_syntax_error_gives_line_and_column(kg):
    with pytest.raises(QueryError, match=r"^update line 2, column \d+: "):
        kg.update("INSERT DATA {\n  GRAPH <http://example.org/g> { <http://example.org/a> }\n}")


# ---------------------------------------------------------------- opening


def test_reopen_from_disk_keeps_data(tmp_path):
    where = tmp_path / "kgstore"
    with KnowledgeGraph.open(where) as kg:
        kg.replace_graph(article_graph_iri(ARTICLE_ID), article_graph(make_article(), [make_event()]))
    with KnowledgeGraph.open(where) as kg:
        assert kg.list_articles() == [ARTICLE_ID]
        assert kg.count_events() == 1
        assert kg.article_hash(ARTICLE_ID) == content_hash(make_article())


def test_open_creates_the_directory(tmp_path):
    where = tmp_path / "deep" / "store"
    with KnowledgeGraph.open(where):
        pass
    assert where.is_dir()


def test_open_defaults_to_env_then_kgstore(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "from-env"))
    with KnowledgeGraph.open() as kg:
        assert kg.location == str(tmp_path / "from-env")
    monkeypatch.delenv("KG_STORE")
    with KnowledgeGraph.open() as kg:
        assert kg.location == "./kgstore"
    assert (tmp_path / "kgstore").is_dir()


def _lock_message(where) -> str:
    return f"store {where} is in use by another process (a running kg serve?); stop it or pass --store DIR"


def test_second_open_in_the_same_process_is_refused(tmp_path):
    where = tmp_path / "kgstore"
    with KnowledgeGraph.open(where):
        with pytest.raises(StoreError) as info:
            KnowledgeGraph.open(where)
    assert str(info.value) == _lock_message(where)
    with KnowledgeGraph.open(where):  # released on close
        pass


def test_store_held_by_another_process_is_refused(tmp_path):
    where = tmp_path / "kgstore"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys
            from kg.store import KnowledgeGraph
            kg = KnowledgeGraph.open({str(where)!r})
            print("ready", flush=True)
            sys.stdin.readline()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as info:
            KnowledgeGraph.open(where)
        assert str(info.value) == _lock_message(where)
        assert "\n" not in str(info.value)
    finally:
        holder.communicate("\n", timeout=30)


def test_closed_store_says_so(tmp_path):
    kg = KnowledgeGraph.open(tmp_path / "kgstore")
    kg.close()
    with pytest.raises(StoreError, match="is closed"):
        kg.count_events()


def test_unreadable_location_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match="cannot open store"):
        KnowledgeGraph.open(blocker)


# ---------------------------------------------------------------- reading


def test_terms_come_back_as_equal_rdflib_terms(kg):
    g = new_graph()
    values = [
        Literal("plain"),
        Literal("bonjour", lang="fr"),
        Literal("2024-04-10", datatype=XSD.date),
        Literal("2024-04", datatype=XSD.gYearMonth),
        Literal("2024", datatype=XSD.gYear),
        Literal("0.87", datatype=XSD.double),
        Literal("42", datatype=XSD.integer),
        EX.iri,
    ]
    for i, value in enumerate(values):
        g.add((EX[f"s{i}"], EX.p, value))
    kg.replace_graph(G, g)
    rows = kg.query("SELECT ?s ?o WHERE { ?s <http://example.org/p> ?o }").rows
    got = {s: o for s, o in rows}
    for i, value in enumerate(values):
        assert got[EX[f"s{i}"]] == value
        if isinstance(value, Literal):
            assert got[EX[f"s{i}"]].datatype == value.datatype
            assert got[EX[f"s{i}"]].language == value.language


def test_queries_read_the_union_of_graphs(kg):
    kg.replace_graph(EX.g1, triples(2, "a"))
    kg.replace_graph(EX.g2, triples(3, "b"))
    assert int(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]) == 5


@pytest.mark.parametrize(
    ("sparql", "kind"),
    [
        ("SELECT ?s WHERE { ?s ?p ?o }", "select"),
        ("ASK { ?s ?p ?o }", "ask"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "graph"),
        ("DESCRIBE <http://example.org/s0>", "graph"),
    ],
)
def test_query_kinds(kg, sparql, kind):
    kg.replace_graph(G, triples(2))
    result = kg.query(sparql)
    assert result.kind == kind
    if kind == "select":
        assert result.variables == ["s"] and len(result.rows) == 2
    elif kind == "ask":
        assert result.boolean is True
    else:
        assert result.graph is not None and len(result.graph) >= 1


def test_project_prefixes_need_no_declaration(kg):
    kg.replace_graph(article_graph_iri(ARTICLE_ID), article_graph(make_article(), [make_event()]))
    result = kg.query("SELECT ?e WHERE { ?e a kg:Event ; kg:targetState actor:NER }")
    assert result.rows == [(event_iri(f"{ARTICLE_ID}/0"),)]


@pytest.mark.parametrize(
    ("sparql", "line", "column"),
    [
        ("SELECT ?x WHERE { ?x ?p }", 1, 26),
        ("SELECT ?x\nWHERE {\n  ?x ?p ?o .\n  FILTER(?x = )\n}", 5, 2),
        ("SELEC * WHERE { ?s ?p ?o }", 1, 10),
        ("SELECT * WHERE {\n  ?s <http://a b> ?o }", 2, 18),
    ],
)
def test_syntax_errors_give_line_and_column(kg, sparql, line, column):
    with pytest.raises(QueryError) as info:
        kg.query(sparql)
    message = str(info.value)
    assert message.startswith(f"query line {line}, column {column}: ")
    assert "\n" not in message and len(message) > len(f"query line {line}, column {column}: ")


# ---------------------------------------------------------------- bindings


def _events_store(kg: KnowledgeGraph) -> None:
    kg.replace_graph(article_graph_iri(ARTICLE_ID), article_graph(make_article(), [make_event()]))


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?e ?code { ?e kg:sourceState ?s BIND(STRAFTER(STR(?s), 'r/') AS ?c) FILTER(?c = ?code) }",
        "SELECT ?e WHERE { ?e kg:sourceState ?s . FILTER(STRAFTER(STR(?s), 'actor/') = ?code) }",
        "SELECT (COUNT(?e) AS ?n) WHERE { ?e kg:sourceState ?s FILTER(STRAFTER(STR(?s), 'r/') = ?code) }",
    ],
    ids=["projected", "not-projected", "aggregate"],
)
def test_bindings_are_bound_projected_or_not(kg, sparql):
    _events_store(kg)
    hit = kg.query(sparql, {"code": Literal("RUS")})
    miss = kg.query(sparql, {"code": Literal("USA")})
    assert hit.rows and hit.rows[0][0] in (event_iri(f"{ARTICLE_ID}/0"), Literal(1))
    assert not miss.rows or miss.rows[0][0] == Literal(0)


@pytest.mark.parametrize(
    "payload",
    [
        'NER" } ; DROP ALL ; #',
        "NER' } ; DROP ALL ; #",
        "<http://x> }",
        'NER"""} } ; CLEAR ALL ; SELECT * { ?s ?p ?o . FILTER("',
        'NER\\" } #',
        "x\n} ; DROP ALL ; #",
    ],
)
@pytest.mark.parametrize("projected", [True, False])
def test_injection_payloads_are_plain_literals(kg, payload, projected):
    _events_store(kg)
    before = total(kg)
    select = "SELECT ?e ?label" if projected else "SELECT ?e"
    result = kg.query(select + " WHERE { ?e kg:targetLabel ?label }", {"label": Literal(payload)})
    assert result.rows == []
    assert total(kg) == before
    g = new_graph()
    g.add((EX.s, EX.label, Literal(payload)))
    kg.replace_graph(G, g)
    found = kg.query(
        select.replace("?e", "?s") + " WHERE { ?s <http://example.org/label> ?label }",
        {"label": Literal(payload)},
    )
    assert found.rows[0][0] == EX.s
    assert total(kg) == before + 1


@pytest.mark.parametrize(
    "sparql",
    [
        "DESCRIBE ?e WHERE { ?e kg:targetLabel ?label }",
        "CONSTRUCT { ?e kg:targetLabel ?label } WHERE { ?e kg:targetLabel ?label }",
    ],
)
def test_bindings_in_graph_queries(kg, sparql):
    _events_store(kg)
    assert len(kg.query(sparql, {"label": Literal("Niger")}).graph) >= 1
    assert len(kg.query(sparql, {"label": Literal("Mali")}).graph) == 0


def test_binding_an_iri(kg):
    _events_store(kg)
    result = kg.query("ASK { ?e kg:targetState ?t }", {"t": ACTOR["NER"]})
    assert result.boolean is True
    assert kg.query("ASK { ?e kg:targetState ?t }", {"t": ACTOR["USA"]}).boolean is False


def test_invalid_bindings_are_refused(kg):
    with pytest.raises(QueryError, match="invalid IRI"):
        kg.query("ASK { ?s ?p ?o }", {"o": URIRef("http://x> } ; DROP ALL ; <http://y")})
    with pytest.raises(QueryError, match="invalid parameter name"):
        kg.query("ASK { ?s ?p ?o }", {"o) } DROP ALL": Literal("x")})


@pytest.mark.parametrize(
    ("sparql", "expected_prefix"),
    [
        ("SELECT ?x WHERE { ?x ?p ?o }", "SELECT ?x WHERE { VALUES"),
        ("# a { comment\nSELECT ?x WHERE { ?x ?p '{' }", "# a { comment\nSELECT ?x WHERE { VALUES"),
        ("CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }", "CONSTRUCT { ?x ?p ?o } WHERE { VALUES"),
        ("CONSTRUCT WHERE { ?x ?p ?o }", "CONSTRUCT WHERE { VALUES"),
        ("SELECT (COUNT(*) AS ?n) { ?x ?p ?o }", "SELECT (COUNT(*) AS ?n) { VALUES"),
        ("PREFIX ex: <http://e/{x}>\nASK { ?x ?p ?o }", None),
    ],
)
def test_values_go_at_the_start_of_the_top_level_group(sparql, expected_prefix):
    import pyoxigraph as ox

    bound = with_values(sparql, {ox.Variable("o"): ox.Literal('a"b')})
    assert 'VALUES (?o) { ("a\\"b") }' in bound
    if expected_prefix is not None:
        assert bound.startswith(expected_prefix)


def test_query_variables_skip_comments_and_strings():
    text = "# ?hidden\nSELECT ?a WHERE { ?a ?p '?notvar' . FILTER(?b = \"?no\") } # ?c"
    assert query_variables(text) == ["a", "p", "b"]


# ---------------------------------------------------------------- helpers and dumps


def test_article_hash_list_and_count(kg):
    assert kg.article_hash(ARTICLE_ID) is None
    kg.replace_graph(
        article_graph_iri(ARTICLE_ID), article_graph(make_article(), [make_event(0), make_event(1)])
    )
    kg.replace_graph(
        article_graph_iri("b-other"),
        article_graph(make_article("b-other"), [make_event(0, article="b-other")]),
    )
    assert kg.article_hash(ARTICLE_ID) == content_hash(make_article())
    assert kg.article_hash("b") is None
    headline = kg.graph_value(article_graph_iri("b-other"), ARTICLE["b-other"], SCHEMA.headline)
    assert headline == Literal("Trainers")
    assert kg.graph_value(article_graph_iri(ARTICLE_ID), ARTICLE["b-other"], SCHEMA.headline) is None
    assert kg.list_articles() == ["b-other", ARTICLE_ID]
    assert kg.count_events() == 3
    assert article_graph_iri(ARTICLE_ID) in kg.list_graphs()


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nq", "nquads")])
def test_dump_with_named_graphs(kg, fmt, rdflib_format):
    g = article_graph(make_article(), [make_event()])
    kg.replace_graph(article_graph_iri(ARTICLE_ID), g)
    kg.replace_graph(G, triples(2))
    dataset = Dataset()
    dataset.parse(data=kg.dump(fmt), format=rdflib_format)
    assert len(dataset.graph(article_graph_iri(ARTICLE_ID))) == len(g)
    assert len(dataset.graph(G)) == 2


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("ttl", "turtle"), ("nt", "nt")])
def test_dump_union(kg, fmt, rdflib_format):
    kg.replace_graph(EX.g1, triples(2, "a"))
    kg.replace_graph(EX.g2, triples(3, "b"))
    assert len(Graph().parse(data=kg.dump(fmt), format=rdflib_format)) == 5


def test_dump_unknown_format(kg):
    with pytest.raises(StoreError, match="use trig, nq, ttl or nt"):
        kg.dump("rdfxml")


def test_to_dataset_keeps_graphs_and_datatypes(kg):
    g = article_graph(make_article(), [make_event()])
    kg.replace_graph(article_graph_iri(ARTICLE_ID), g)
    dataset = kg.to_dataset()
    got = dataset.graph(article_graph_iri(ARTICLE_ID))
    assert set(got) == set(g)
    assert got.value(ARTICLE[ARTICLE_ID], KG.articleId) == Literal(ARTICLE_ID)
    assert GRAPH["actors"] not in {c.identifier for c in dataset.graphs()}
    assert '"@id"' in dataset.serialize(format="json-ld")


def test_in_memory_store_works_like_the_disk_one():
    with KnowledgeGraph.in_memory() as kg:
        kg.replace_graph(G, triples(3))
        kg.replace_graph(G, triples(3))
        assert count(kg) == 3


LATERAL_QUERIES = [
    # an OPTIONAL that matches for some rows only: the others must stay, unbound
    "SELECT ?s ?o ?t WHERE { ?s ex:p ?o LATERAL { OPTIONAL { ?s ex:label ?t } } } ORDER BY ?s",
    # a group of patterns with optional parts of its own, after a binding
    'SELECT ?s ?o ?t WHERE { VALUES ?o { "1" "2" } LATERAL { ?s ex:p ?o '
    "LATERAL { OPTIONAL { ?s ex:label ?t } } } } ORDER BY ?s",
    # a FILTER of its own: kept in its group
    'SELECT ?s ?o WHERE { ?s ex:p ?o LATERAL { ?s ex:p ?x FILTER(?x != "2") } } ORDER BY ?s',
    # a comment between the keyword and the group, and the word LATERAL in a string
    "SELECT ?s ?t WHERE { ?s ex:p ?o LATERAL # why\n"
    ' { OPTIONAL { ?s ex:label ?t FILTER(?t != "LATERAL") } } } ORDER BY ?s',
]


@pytest.mark.parametrize("text", LATERAL_QUERIES)
def test_without_lateral_gives_the_same_rows(text):
    with KnowledgeGraph.in_memory() as kg:
        kg.update(
            "PREFIX ex: <http://example.com/> INSERT DATA { GRAPH ex:g { "
            'ex:a ex:p "1" . ex:b ex:p "2" . ex:c ex:p "3" . ex:a ex:label "A" } }'
        )
        query = "PREFIX ex: <http://example.com/> " + text
        plain = without_lateral(query)
        assert "LATERAL {" not in plain and "LATERAL\n" not in plain
        assert kg.query(plain).rows == kg.query(query).rows
        assert len(kg.query(query).rows) >= 2


def test_without_lateral_refuses_a_lateral_subselect():
    with pytest.raises(QueryError, match="no LATERAL"):
        without_lateral("SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?s WHERE { ?s ?q ?r } LIMIT 1 } }")
