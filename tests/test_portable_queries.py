"""Portable named queries: a server without LATERAL (Virtuoso, GraphDB, Neptune) runs every named query.

A named query whose fast text needs LATERAL around a sub-SELECT has a plain SPARQL 1.1 text in
ontology/queries/portable/ with the same parameters and rows; the store says which one it takes
(``kg.supports_lateral``). Rows are compared on the sample corpus (the store of
test_named_queries), also after ``without_lateral``, which is what a server without LATERAL gets.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from test_named_queries import example_params, sample_store_path

from kg.cli import cli
from kg.errors import QueryError
from kg.query import PORTABLE_DIR, QUERIES_DIR, format_result, list_named_queries, load_named_query, run_query
from kg.serve import named_queries
from kg.store import KnowledgeGraph, sparql_tokens, without_lateral

PORTABLE = sorted(p.stem for p in PORTABLE_DIR.glob("*.rq"))
EVERY = {"actor": "*", "category": "*", "status": "*", "since": "*", "until": "*"}
CASES = [
    ("coups_by_year", {}),
    ("dyad_timeline", {"a": "NER", "b": "USA"}),
    ("dyad_timeline", {"a": "NER", "b": "USA", "limit": "2", "offset": "0"}),
    ("dyad_timeline", {"a": "USA", "b": "NER", "limit": "2", "offset": "3"}),
    ("dyad_timeline", {"a": "NER", "b": "*"}),
    ("top_tension_pairs", {"since": "2023-07-01", "until": "2024-12-31"}),
    ("top_tension_pairs", {"since": "2024-03-10", "until": "2024-04-20"}),  # months cut at both ends
    ("top_tension_pairs", {"since": "2024-02-01", "until": "2024-02-28"}),  # February, not whole
    ("top_tension_pairs", {"since": "2000-01-01", "until": "2030-12-31"}),
    ("base_access_changes", {"since": "2024-01-01", "until": "2024-12-31"}),
    ("base_access_changes", {"since": "2023-01-01", "until": "2024-12-31", "limit": "5", "offset": "0"}),
    ("base_access_changes", {"since": "2023-01-01", "until": "2024-12-31", "limit": "5", "offset": "10"}),
    ("base_access_changes", {"since": "2024-03-26", "until": "2024-03-26"}),
    ("events_with_evidence", EVERY),
    ("events_with_evidence", {**EVERY, "limit": "7", "offset": "21"}),
    (
        "events_with_evidence",
        {
            **EVERY,
            "actor": "NER",
            "category": "tension",
            "status": "asserted",
            "since": "2024-01-01",
            "until": "2024-12-31",
        },
    ),
    (
        "events_with_evidence",
        {
            **EVERY,
            "actor": "NER",
            "status": "asserted",
            "since": "2023-07-15",
            "until": "2024-03-10",
            "limit": "10",
            "offset": "10",
        },
    ),
    (
        "events_with_evidence",
        {**EVERY, "category": "base_access", "since": "2023-01-01", "until": "2024-12-31"},
    ),
    ("events_with_evidence", {**EVERY, "status": "negated"}),
]


@pytest.fixture
def sample(extractor):
    with KnowledgeGraph.open(sample_store_path(extractor)) as kg:
        yield kg


def rows(kg: KnowledgeGraph, text: str, params: dict[str, str]) -> list[dict[str, str | None]]:
    """The rows as text; sums of doubles to 9 digits (the two texts add them up in different orders)."""
    out = []
    for record in run_query(kg, text, params).records():
        row = {k: None if v is None else str(v) for k, v in record.items()}
        if row.get("intensity") is not None:
            row["intensity"] = f"{float(row['intensity']):.9g}"
        out.append(row)
    return out


# ---------------------------------------------------------------- the texts


def test_the_portable_folder_adds_no_query():
    assert len(list_named_queries()) == 10 and "portable" not in list_named_queries()
    assert PORTABLE == [
        "base_access_changes", "coups_by_year", "dyad_timeline", "events_with_evidence", "top_tension_pairs"
    ]
    assert set(PORTABLE) <= set(list_named_queries())


@pytest.mark.parametrize("name", PORTABLE)
def test_a_portable_text_has_the_parameters_and_no_lateral(name):
    fast, portable = load_named_query(name), load_named_query(name, lateral=False)
    assert portable.path == PORTABLE_DIR / f"{name}.rq" and portable.name == name
    assert (portable.params, portable.defaults) == (fast.params, fast.defaults)
    assert not any(t[1].upper() == "LATERAL" for t in sparql_tokens(portable.text) if t[0] == "word")
    assert without_lateral(portable.text) == portable.text
    with pytest.raises(QueryError, match="no LATERAL"):  # why it is there
        without_lateral(fast.text)


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
def test_every_named_query_has_a_text_for_a_server_without_lateral(name):
    text = load_named_query(name, lateral=False).text
    assert without_lateral(text)  # no refusal


def test_the_portable_text_is_chosen_by_name_or_by_path():
    by_path = load_named_query(QUERIES_DIR / "coups_by_year.rq", lateral=False)
    assert by_path.path == PORTABLE_DIR / "coups_by_year.rq"
    assert load_named_query("actor_partners", lateral=False).path == QUERIES_DIR / "actor_partners.rq"
    assert load_named_query("coups_by_year").path == QUERIES_DIR / "coups_by_year.rq"
    menu = {q["name"]: q["text"] for q in named_queries(lateral=False)}
    assert len(menu) == 10 and menu["coups_by_year"] == load_named_query("coups_by_year", lateral=False).text


# ---------------------------------------------------------------- the same rows


@pytest.mark.parametrize(("name", "params"), CASES)
def test_the_portable_text_gives_the_rows_of_the_fast_one(sample, name, params):
    fast = rows(sample, load_named_query(name).text, params)
    portable = load_named_query(name, lateral=False).text
    assert fast or name == "events_with_evidence" and params.get("status") == "negated"
    assert rows(sample, portable, params) == fast
    assert rows(sample, without_lateral(portable), params) == fast


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
def test_every_named_query_without_lateral_gives_the_rows_of_the_fast_one(sample, name):
    params = {k: v for k, v in example_params(name).items() if k not in ("limit", "offset")}
    fast = rows(sample, load_named_query(name).text, params)
    assert rows(sample, without_lateral(load_named_query(name, lateral=False).text), params) == fast


def test_pages_of_the_portable_text_are_the_pages_of_the_fast_one(sample):
    params = {"actor": "NER", "category": "*", "status": "*", "since": "*", "until": "*"}
    portable = load_named_query("events_with_evidence", lateral=False).text
    whole = rows(sample, portable, {**params, "limit": "100000"})
    pages = [rows(sample, portable, {**params, "limit": "40", "offset": str(at)}) for at in range(0, 200, 40)]
    assert len(whole) > 120 and [row for page in pages for row in page] == whole
    assert pages[1] == rows(
        sample, load_named_query("events_with_evidence").text, {**params, "limit": "40", "offset": "40"}
    )


# ---------------------------------------------------------------- a server without LATERAL


@pytest.fixture
def plain_server(oxigraph_server, sample, tmp_path):
    """The Oxigraph server holding the sample corpus, configured as a server without LATERAL."""
    dump = tmp_path / "sample.nq"
    dump.write_bytes(sample.dump("nquads"))
    with KnowledgeGraph.open(oxigraph_server) as kg:
        kg.update("DROP ALL")
        kg.load_quads([dump])
    config = tmp_path / "plain.toml"
    config.write_text(
        f'query = "{oxigraph_server}/query"\nupdate = "{oxigraph_server}/update"\n'
        'union = "union-default-graph"\nflavour = "sparql"\n'
    )
    yield str(config)
    with KnowledgeGraph.open(oxigraph_server) as kg:
        kg.update("DROP ALL")


def test_a_server_without_lateral_runs_the_portable_text(plain_server, sample):
    with KnowledgeGraph.open(plain_server) as kg:
        assert not kg.supports_lateral and sample.supports_lateral
        with pytest.raises(QueryError, match="no LATERAL"):
            run_query(
                kg, load_named_query("top_tension_pairs").text, {"since": "2023-07-01", "until": "2024-12-31"}
            )
        for name, params in CASES[:2] + CASES[6:8]:
            assert rows(kg, load_named_query(name, lateral=kg.supports_lateral).text, params) == rows(
                sample, load_named_query(name).text, params
            )


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
def test_kg_query_runs_every_named_query_on_a_server_without_lateral(plain_server, sample, name):
    params = {k: v for k, v in example_params(name).items() if k not in ("limit", "offset")}
    args = [arg for k, v in params.items() for arg in ("--param", f"{k}={v}")]
    remote = CliRunner().invoke(cli, ["query", "-f", name, *args, "--format", "csv", "--store", plain_server])
    local = format_result(run_query(sample, load_named_query(name).text, params), "csv")
    assert remote.exit_code == 0, remote.output
    assert _comparable(remote.output) == _comparable(local)


def _comparable(csv_text: str) -> list[list[str]]:
    """The CSV rows with GROUP_CONCAT's lists sorted and summed doubles to 9 digits (orders differ)."""
    return [
        [
            " ".join(sorted(cell.split(" ")))
            if " http" in cell
            else f"{float(cell):.9g}"
            if re.fullmatch(r"-?\d+\.\d+(e-?\d+)?", cell)
            else cell
            for cell in row
        ]
        for row in csv.reader(io.StringIO(csv_text))
    ]


def test_the_query_page_offers_the_portable_text(plain_server):
    with KnowledgeGraph.open(plain_server) as kg:
        menu = {q["name"]: q["text"] for q in named_queries(kg.supports_lateral)}
    assert "LATERAL" not in menu["coups_by_year"].upper().split("\n\n", 1)[1]


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        # triples in two LATERAL groups in a row (actor_partners): a "." between them
        (
            "{ ?d ex:p ?s LATERAL { ?s ex:q ?y } LATERAL { ?y ex:r ?z } }",
            "{ ?d ex:p ?s . ?s ex:q ?y . ?y ex:r ?z }",
        ),
        # none where the neighbours are not triples: Virtuoso refuses ". OPTIONAL"
        (
            "{ ?d ex:p ?s . LATERAL { OPTIONAL { ?s ex:q ?y } } LATERAL { ?y ex:r ?z . } }",
            "{ ?d ex:p ?s . OPTIONAL { ?s ex:q ?y } ?y ex:r ?z . }",
        ),
    ],
)
def test_without_lateral_keeps_triples_apart(text, plain):
    assert " ".join(without_lateral(text).split()) == plain
    with KnowledgeGraph.in_memory() as kg:  # it parses
        kg.query(f"PREFIX ex: <http://example.com/> SELECT * WHERE {without_lateral(text)}")
