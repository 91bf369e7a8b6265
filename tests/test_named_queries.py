"""The named queries of ontology/queries: each parses, runs with its parameters, and answers its question.

Most checks run on the sample corpus (data/articles) ingested once per session; the counting
pitfalls (a dyad node repeated in every article graph) and the relationship states are checked
on small hand-built stores.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from test_analytics import event, fill_store, state

from kg.errors import QueryError
from kg.load import ensure_reference_graphs, ingest_paths
from kg.model import DYAD, GRAPH, KG, PROV, Article
from kg.query import PAGE_PARAMS, QUERIES_DIR, list_named_queries, load_named_query, run_query, with_page
from kg.rdf import article_graph, article_graph_iri, event_iri
from kg.store import KnowledgeGraph
from kg.timeline import build_timeline, dyad_rows

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "articles"
MINE = [
    "monthly_counts",
    "top_tension_pairs",
    "base_access_changes",
    "coups_by_year",
    "actor_partners",
    "events_with_evidence",
    "relationship_states_on",
]
STATES_GRAPH = GRAPH["states"]
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest probes module attributes

_SAMPLE_STORE: dict[str, Path] = {}


def sample_store_path(extractor) -> Path:
    """The sample corpus ingested into an on-disk store, once per test process (shared by modules)."""
    if "path" not in _SAMPLE_STORE:
        where = Path(tempfile.mkdtemp(prefix="kg-sample-")) / "kgstore"
        atexit.register(shutil.rmtree, where.parent, ignore_errors=True)
        with KnowledgeGraph.open(where) as kg:
            report = ingest_paths(kg, [SAMPLE], extractor=extractor)
        assert not report.errors and report.events > 100, report.summary()
        _SAMPLE_STORE["path"] = where
    return _SAMPLE_STORE["path"]


@pytest.fixture
def sample(extractor):
    with KnowledgeGraph.open(sample_store_path(extractor)) as kg:
        yield kg


def run(kg: KnowledgeGraph, name: str, **params: str) -> list[dict[str, str | None]]:
    result = run_query(kg, load_named_query(name).text, params)
    return [{k: None if v is None else str(v) for k, v in row.items()} for row in result.records()]


def example_params(name: str) -> dict[str, str]:
    """Each parameter's ``e.g.`` value from the query header, or ``*`` when it gives none."""
    query = load_named_query(name)
    values = {}
    for param, help_text in query.param_help.items():
        match = re.search(r"e\.g\. ([^\s,]+)", help_text)
        values[param] = match.group(1) if match else "*"
    return values


# ---------------------------------------------------------------- every query


def test_the_analyst_queries_are_there():
    assert set(MINE) <= set(list_named_queries())


@pytest.mark.parametrize("name", MINE)
def test_header_says_what_it_answers_and_declares_its_parameters(name):
    query = load_named_query(name)
    assert len(query.description) > 60, f"{name}.rq needs a header saying what it answers"
    for param, help_text in query.param_help.items():
        assert help_text, f"{name}.rq: @param {param} has no description"
        if param in PAGE_PARAMS:  # written into the query's one "LIMIT n OFFSET m  # page" clause
            assert with_page(query.text, 7, 3) != query.text, f"{name}.rq has no '# page' clause"
            continue
        assert re.search(rf"[?$]{param}\b", query.text.split("\n\n", 1)[1]), f"{name}.rq never uses ?{param}"


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
def test_every_query_runs_with_its_example_parameters_on_the_sample(sample, name):
    result = run_query(sample, load_named_query(name).text, example_params(name))
    assert result.kind == "select"
    if name != "relationship_states_on":  # empty until relationship states are stored
        assert result.rows, f"{name}.rq returned no rows on the sample corpus"


# ---------------------------------------------------------------- monthly_counts


def test_monthly_counts_of_a_pair_match_the_timeline(sample):
    rows = run(sample, "monthly_counts", a="NER", b="USA")
    counts = {(r["month"], r["category"]): int(r["events"]) for r in rows}
    expected = {
        (m, c): n
        for m, cs in build_timeline(sample, "NER", "USA").monthly_counts().items()
        for c, n in cs.items()
    }
    assert counts == expected and counts
    assert run(sample, "monthly_counts", a="USA", b="NER") == rows
    assert [(r["month"], r["category"]) for r in rows] == sorted((r["month"], r["category"]) for r in rows)


def test_monthly_counts_for_one_actor_and_for_everyone(sample):
    def total(rows):
        return sum(int(r["events"]) for r in rows)

    pair = run(sample, "monthly_counts", a="NER", b="USA")
    niger = run(sample, "monthly_counts", a="NER", b="*")
    everyone = run(sample, "monthly_counts", a="*", b="*")
    assert total(pair) < total(niger) < total(everyone)
    assert run(sample, "monthly_counts", a="*", b="NER") == niger
    assert all(re.fullmatch(r"\d{4}-\d{2}", r["month"]) for r in everyone)


def test_monthly_counts_leave_out_other_statuses_and_year_dates(index):
    article = Article(id="x", text="…", published=date(2024, 5, 2))
    events = [
        event("x", 1, state("NER"), state("USA"), day="2024-04-10"),
        event("x", 2, state("USA"), state("NER"), day="2024-04"),
        event("x", 3, state("NER"), state("USA"), day="2024"),
        event("x", 4, state("NER"), state("USA"), day="2024-04-20", status="planned"),
        event("x", 5, state("NER"), state("USA"), day="2024-05-01", category="tension", type="pressure"),
    ]
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index, {article: events})
        rows = run(kg, "monthly_counts", a="NER", b="USA")
    assert [(r["month"], r["category"], r["events"]) for r in rows] == [
        ("2024-04", "cooperation", "2"),
        ("2024-05", "tension", "1"),
    ]


# ---------------------------------------------------------------- top_tension_pairs


def test_top_tension_pairs_in_the_niger_crisis(sample):
    rows = run(sample, "top_tension_pairs", since="2023-07-01", until="2024-12-31")
    pairs = [(r["a"], r["b"]) for r in rows]
    assert ("FRA", "NER") in pairs or ("ECOWAS", "NER") in pairs
    assert all(a < b for a, b in pairs), "pairs are unordered: codes sorted, no self pairs"
    events = [int(r["events"]) for r in rows]
    assert events == sorted(events, reverse=True)
    assert all("2023-07-01" <= r["first"] <= r["last"] <= "2024-12-31" for r in rows)
    assert all(float(r["intensity"]) < 0 for r in rows)
    names = {r["a"]: r["aName"] for r in rows} | {r["b"]: r["bName"] for r in rows}
    assert names["NER"] == "Niger"
    assert run(sample, "top_tension_pairs", since="1990-01-01", until="1990-12-31") == []


def test_top_tension_pairs_count_each_event_once_across_article_graphs(index):
    # the dyad node NER-FRA is repeated in both article graphs; each event must count once
    articles = {
        Article(id="one", text="…", published=date(2023, 8, 5)): [
            event(
                "one", 1, state("NER"), state("FRA"), category="tension", type="expulsion", day="2023-08-03"
            ),
            event(
                "one",
                2,
                state("FRA"),
                state("NER"),
                category="tension",
                type="condemnation",
                day="2023-08-04",
            ),
        ],
        Article(id="two", text="…", published=date(2023, 8, 30)): [
            event(
                "two", 1, state("NER"), state("FRA"), category="tension", type="ultimatum", day="2023-08-25"
            ),
            event(
                "two", 2, state("NER"), state("FRA"), category="tension", type="ultimatum", day="2022-08-25"
            ),
            event(
                "two",
                3,
                state("NER"),
                state("FRA"),
                category="tension",
                type="threat",
                day="2023-08-26",
                status="negated",
            ),
        ],
    }
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index, articles)
        rows = run(kg, "top_tension_pairs", since="2023-01-01", until="2023-12-31")
        intensities = {
            str(t): float(v) for t, v in kg.query("SELECT ?t ?v WHERE { ?t kg:intensity ?v }").rows
        }
    assert len(rows) == 1
    row = rows[0]
    assert (row["a"], row["b"], row["events"], row["articles"]) == ("FRA", "NER", "3", "2")
    expected = sum(
        intensities[f"https://w3id.org/kg/type/{t}"] for t in ("expulsion", "condemnation", "ultimatum")
    )
    assert float(row["intensity"]) == pytest.approx(expected)
    assert (row["first"], row["last"]) == ("2023-08-03", "2023-08-25")


# ---------------------------------------------------------------- base_access_changes


def test_base_access_changes_in_2024_include_the_us_leaving_niger(sample):
    rows = run(sample, "base_access_changes", since="2024-01-01", until="2024-12-31")
    assert any(r["pair"] == "NER-USA" and r["change"] == "lost" for r in rows)
    assert all("2024-01-01" <= r["start"] <= "2024-12-31" for r in rows)
    assert {r["change"] for r in rows} <= {"gained", "lost"}
    assert all(r["type"] != "access_used" and r["sentence"] and r["articleId"] for r in rows)
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_base_access_changes_gained_and_lost(index):
    article = Article(id="bases", text="…", published=date(2024, 9, 1))
    events = [
        event(
            "bases",
            1,
            state("NER"),
            state("RUS"),
            category="base_access",
            type="access_granted",
            day="2024-04-10",
        ),
        event(
            "bases",
            2,
            state("NER"),
            state("USA"),
            category="base_access",
            type="revoke_access",
            day="2024-03-16",
        ),
        event(
            "bases",
            3,
            state("NER"),
            state("USA"),
            category="base_access",
            type="access_used",
            day="2024-03-20",
        ),
        event(
            "bases",
            4,
            state("NER"),
            state("USA"),
            category="base_access",
            type="withdrawal",
            day="2024-09",
            status="planned",
        ),
        event(
            "bases", 5, state("TCD"), state("FRA"), category="base_access", type="handover", day="2025-01-30"
        ),
    ]
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index, {article: events})
        rows = run(kg, "base_access_changes", since="2024-01-01", until="2024-12-31")
    assert [(r["start"], r["host"], r["guest"], r["change"], r["type"]) for r in rows] == [
        ("2024-03-16", "NER", "USA", "lost", "revoke_access"),
        ("2024-04-10", "NER", "RUS", "gained", "access_granted"),
    ]


# ---------------------------------------------------------------- coups_by_year, actor_partners


def test_coups_by_year_include_niger_2023(sample):
    rows = run(sample, "coups_by_year")
    niger = [r for r in rows if (r["year"], r["country"]) == ("2023", "NER")]
    assert niger and niger[0]["countryName"] == "Niger"
    assert int(niger[0]["articles"]) >= 3  # the coup is reported in many articles
    assert int(niger[0]["reports"]) >= int(niger[0]["articles"])
    assert [r["year"] for r in rows] == sorted(r["year"] for r in rows)


def test_actor_partners_of_niger(sample):
    rows = run(sample, "actor_partners", actor="NER")
    partners = {r["partner"] for r in rows}
    assert {"RUS", "USA"} <= partners
    assert "NER" not in partners
    russia = {(r["year"], r["category"]) for r in rows if r["partner"] == "RUS"}
    assert ("2024", "cooperation") in russia
    assert {r["partnerName"] for r in rows if r["partner"] == "USA"} == {"United States"}
    assert run(sample, "actor_partners", actor="<https://w3id.org/kg/actor/NER>") == rows


def test_actor_partners_by_year_and_category(index):
    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index)
        rows = run(kg, "actor_partners", actor="USA")
    assert [(r["year"], r["partner"], r["category"], r["events"]) for r in rows] == [
        ("2023", "NER", "cooperation", "1"),
        ("2024", "NER", "tension", "2"),
        ("2024", "NER", "base_access", "1"),
    ]


# ---------------------------------------------------------------- events_with_evidence


def test_events_with_evidence_without_filters_lists_every_event(sample):
    rows = run(sample, "events_with_evidence", actor="*", category="*", status="*", since="*", until="*")
    assert len(rows) == sample.count_events()
    assert {r["eventStatus"] for r in rows} >= {"asserted", "negated"}
    assert all(r["sentence"] and r["trigger"] and r["articleId"] for r in rows)
    assert any(r["title"] and r["outlet"] and r["url"] for r in rows)


def test_events_with_evidence_filters(sample):
    rows = run(
        sample,
        "events_with_evidence",
        actor="NER",
        category="tension",
        status="asserted",
        since="2024-01-01",
        until="2024-12-31",
    )
    assert rows
    for r in rows:
        assert r["eventCategory"] == "tension" and r["eventStatus"] == "asserted"
        assert "NER" in (r["sourceCode"], r["targetCode"])
        assert "2024-01-01" <= r["dateStart"] <= "2024-12-31"
    planned = run(
        sample, "events_with_evidence", actor="*", category="*", status="planned", since="*", until="*"
    )
    assert planned and {r["eventStatus"] for r in planned} == {"planned"}


# ---------------------------------------------------------------- relationship_states_on


def _state(
    graph: Graph,
    name: str,
    dyad: str,
    relation: str,
    value: str,
    valid_from: str,
    valid_until: str | None,
    events: list[str],
) -> None:
    node = URIRef(f"https://w3id.org/kg/state/{name}")
    graph.add((node, RDF.type, KG.RelationshipState))
    graph.add((node, KG.dyad, DYAD[dyad]))
    graph.add((node, KG.relation, KG[relation]))
    graph.add((node, KG.state, Literal(value)))
    graph.add((node, KG.validFrom, Literal(valid_from, datatype=XSD.date)))
    if valid_until:
        graph.add((node, KG.validUntil, Literal(valid_until, datatype=XSD.date)))
    for e in events:
        graph.add((node, PROV.wasDerivedFrom, event_iri(e)))


def test_relationship_states_on_a_day(index):
    states = Graph()
    _state(states, "1", "NER-USA", "basingAccess", "active", "2013-01-01", "2024-03-15", [])
    _state(states, "2", "NER-USA", "basingAccess", "revoked", "2024-03-16", "2024-05-18", ["x/1", "x/2"])
    _state(states, "3", "NER-USA", "basingAccess", "withdrawal agreed", "2024-05-19", "2024-08-04", ["x/3"])
    _state(states, "4", "NER-USA", "basingAccess", "completed", "2024-08-05", None, ["x/4"])
    _state(states, "5", "FRA-NER", "militaryPartnership", "ended", "2023-08-03", None, ["y/1"])
    with KnowledgeGraph.in_memory() as kg:
        ensure_reference_graphs(kg, index)  # no consolidation: the states are the ones made here
        kg.replace_graph(STATES_GRAPH, states)
        # the same triples in a second graph must not double the evidence
        kg.replace_graph(article_graph_iri("copy"), states)

        def on(day: str) -> list[tuple]:
            return [
                (r["pair"], r["relation"], r["state"], r["events"])
                for r in run(kg, "relationship_states_on", on=day)
            ]

        assert on("2024-04-01") == [
            ("FRA-NER", "militaryPartnership", "ended", "1"),
            ("NER-USA", "basingAccess", "revoked", "2"),
        ]
        assert on("2024-05-18") == [
            ("FRA-NER", "militaryPartnership", "ended", "1"),
            ("NER-USA", "basingAccess", "revoked", "2"),
        ]  # validUntil is inclusive
        assert on("2025-01-01")[1] == ("NER-USA", "basingAccess", "completed", "1")
        assert on("2020-01-01") == [("NER-USA", "basingAccess", "active", "0")]
        evidence = run(kg, "relationship_states_on", on="2024-04-01")[1]["evidence"].split()
        assert sorted(evidence) == [str(event_iri("x/1")), str(event_iri("x/2"))]


def test_relationship_states_on_without_states_is_empty(index):
    with KnowledgeGraph.in_memory() as kg:
        kg.replace_graph(article_graph_iri("x"), article_graph(Article(id="x", text="…"), []))
        assert run(kg, "relationship_states_on", on="2024-06-01") == []


def test_events_with_evidence_through_the_summaries_match_the_events_filtered_one_by_one(sample):
    every = run(sample, "events_with_evidence", actor="*", category="*", status="*", since="*", until="*",
                limit="100000")
    for actor, category, since, until in (("NER", "tension", "2024-01-01", "2024-12-31"),
                                          ("NER", "*", "2023-07-15", "2024-03-10"),
                                          ("*", "base_access", "2023-01-01", "2024-12-31")):
        expected = [r for r in every if r["eventStatus"] == "asserted" and r["dateStart"]
                    and since <= r["dateStart"] <= until and category in ("*", r["eventCategory"])
                    and actor in ("*", r["sourceCode"], r["targetCode"])]
        rows = run(sample, "events_with_evidence", actor=actor, category=category, status="asserted",
                   since=since, until=until)
        assert expected and rows == expected


# ---------------------------------------------------------------- pages


@pytest.mark.parametrize(("name", "params"), [
    ("events_with_evidence", {"actor": "*", "category": "*", "status": "*", "since": "*", "until": "*"}),
    ("events_with_evidence", {"actor": "NER", "category": "*", "status": "asserted", "since": "2023-01-01",
                              "until": "2024-12-31"}),
    ("base_access_changes", {"since": "2023-01-01", "until": "2024-12-31"}),
    ("dyad_timeline", {"a": "NER", "b": "USA"}),
])
def test_pages_follow_one_another_in_order(sample, name, params):
    whole = run(sample, name, **params, limit="100000")
    size = max(1, len(whole) // 4)
    pages = [
        run(sample, name, **params, limit=str(size), offset=str(at))
        for at in range(0, len(whole) + size, size)
    ]
    assert len(whole) > 4 and all(len(page) <= size for page in pages) and pages[-1] == []
    assert [row for page in pages for row in page] == whole
    assert run(sample, name, **params) == whole[:1000]  # the default page: the first 1000 rows


def test_a_timeline_reads_every_page(sample):
    whole = run(sample, "dyad_timeline", a="NER", b="USA", limit="100000")
    paged = dyad_rows(sample, "NER", "USA", page=3)
    paged = [{k: None if v is None else str(v) for k, v in row.items()} for row in paged]
    assert len(whole) > 6 and paged == whole


def test_page_parameters_must_be_whole_numbers(sample):
    params = {"since": "2024-01-01", "until": "2024-12-31"}
    with pytest.raises(QueryError, match="limit=ten is not a whole number"):
        run(sample, "base_access_changes", **params, limit="ten")
    with pytest.raises(QueryError, match="offset=-1 is not a whole number"):
        run(sample, "base_access_changes", **params, offset="-1")


def test_page_parameters_have_defaults_and_are_optional():
    query = load_named_query("events_with_evidence")
    assert query.defaults == {"limit": "1000", "offset": "0"}
    assert {"limit", "offset"} <= set(query.params) and "(default 1000)" in query.param_help["limit"]
