"""Pair summaries: what they count, and that they follow the articles (ingest, removal) in the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rdflib import RDF, Graph, Literal
from test_analytics import event, fill_store, state

from kg.consolidate import Mention, consolidate_dyads, unconsolidated_dyads
from kg.load import ingest_paths, remove_articles
from kg.model import ACTOR, ARTICLE, DYAD, EVENT, KG, KGT, Article, Event
from kg.query import load_named_query, run_query
from kg.store import KnowledgeGraph
from kg.summaries import COUP, PERIOD, SUMMARY, summary_graph, summary_graph_iri

INTENSITIES = {"pressure": -4.0, "sanction": -7.0, "agreement": 6.0}


def mention(
    n: int,
    day: str | None,
    *,
    article: str = "a",
    status: str = "asserted",
    category: str = "tension",
    type: str = "pressure",
) -> Mention:
    e = event(article, n, state("NER"), state("USA"), category=category, type=type, day=day, status=status)
    return Mention.from_event(e)


def summary(dyad: str, mentions: list[Mention]) -> Graph:
    """The dyad's summary triples as an rdflib Graph, to ask it for values."""
    graph = Graph()
    for triple in summary_graph(dyad, mentions, INTENSITIES):
        graph.add(triple)
    return graph


def value(graph, node, predicate):
    found = graph.value(node, predicate)
    return None if found is None else found.toPython()


def test_months_and_years_count_asserted_dated_mentions():
    mentions = [
        mention(1, "2024-03-16"),
        mention(2, "2024-03-02", article="b", type="sanction"),
        mention(3, "2024-03"),  # dated to the month
        mention(4, "2024"),  # dated to the year: counted in January, not month-dated
        mention(5, "2024-03-20", status="planned"),  # not asserted
        mention(6, None),  # no date
        mention(7, "2024-03-21", category="cooperation", type="agreement"),
    ]
    graph = summary("NER-USA", mentions)
    march = SUMMARY["NER-USA/2024-03/tension"]
    assert (march, RDF.type, KG.PairMonth) in graph
    assert (DYAD["NER-USA"], KG.monthSummary, march) in graph
    assert (march, KG.summaryCategory, KGT.tension) in graph
    assert value(graph, march, KG.period) == "2024-03"
    assert value(graph, march, KG.mentionCount) == 3
    assert value(graph, march, KG.monthDatedCount) == 3
    assert value(graph, march, KG.articleCount) == 2
    assert value(graph, march, KG.intensitySum) == -15.0
    assert (value(graph, march, KG.firstStart), value(graph, march, KG.lastStart)) == (
        date(2024, 3, 1),
        date(2024, 3, 16),
    )
    assert set(graph.objects(march, KG.summarises)) == {EVENT[f"a/{n}"] for n in (1, 3)} | {EVENT["b/2"]}
    january = SUMMARY["NER-USA/2024-01/tension"]
    assert (value(graph, january, KG.mentionCount), value(graph, january, KG.monthDatedCount)) == (1, 0)
    year = SUMMARY["NER-USA/2024/tension"]
    assert (year, RDF.type, KG.PairYear) in graph
    assert (DYAD["NER-USA"], KG.yearSummary, year) in graph
    assert (value(graph, year, KG.mentionCount), value(graph, year, KG.articleCount)) == (4, 2)
    cooperation = SUMMARY["NER-USA/2024-03/cooperation"]
    assert value(graph, cooperation, KG.mentionCount) == 1
    node = DYAD["NER-USA"]
    assert set(graph.objects(node, KG.side)) == {ACTOR["NER"], ACTOR["USA"]}
    assert set(graph.objects(node, KG.sideKey)) == {Literal("NER"), Literal("USA"), Literal("*")}


def test_no_mentions_no_summary():
    assert len(summary_graph("NER-USA", [], INTENSITIES)) == 0


def test_summaries_follow_ingest_and_removal(index):
    one = Article(id="one", text="…", published=date(2024, 4, 2))
    two = Article(id="two", text="…", published=date(2024, 4, 20))
    articles = {
        one: [
            event("one", 1, state("NER"), state("USA"), category="tension", type="pressure", day="2024-04-01")
        ],
        two: [
            event(
                "two", 1, state("USA"), state("NER"), category="tension", type="pressure", day="2024-04-18"
            ),
            event("two", 2, state("NER"), state("RUS"), type="agreement", day="2024-04-19"),
        ],
    }
    april = SUMMARY["NER-USA/2024-04/tension"]

    def count(kg: KnowledgeGraph, node) -> int | None:
        found = kg.graph_value(summary_graph_iri("NER-USA"), node, KG.mentionCount)
        return None if found is None else int(found.toPython())

    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index, articles)
        assert count(kg, april) == 2
        assert kg.has_graph(summary_graph_iri("NER-RUS"))
        remove_articles(kg, ["two"])
        assert count(kg, april) == 1
        assert not kg.has_graph(summary_graph_iri("NER-RUS"))
        remove_articles(kg, ["one"])
        assert not kg.has_graph(summary_graph_iri("NER-USA"))
        consolidate_dyads(kg, ["NER-USA"])  # nothing left: stays gone
        assert not kg.has_graph(summary_graph_iri("NER-USA"))


def test_ingest_brings_summaries_written_by_an_older_kg_up_to_date(index, extractor, tmp_path):
    """A store summarised before the timeline lines existed: re-ingesting its unchanged articles
    re-summarises those dyads, so their timelines are no longer empty."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pact.txt").write_text(
        "---\npublished: 2024-04-02\n---\nRussia and Niger signed a military cooperation agreement on Monday.\n"
    )
    timeline = load_named_query("dyad_timeline").text
    with KnowledgeGraph.in_memory() as kg:
        ingest_paths(kg, [folder], extractor=extractor)
        rows = len(run_query(kg, timeline, {"a": "NER", "b": "RUS"}).rows)
        assert rows > 0 and unconsolidated_dyads(kg) == set()
        kg.update("DELETE WHERE { GRAPH ?g { ?d <%s> ?line } }" % KG.timelineLine)  # an older kg's summaries
        assert unconsolidated_dyads(kg) == {"NER-RUS"}
        assert run_query(kg, timeline, {"a": "NER", "b": "RUS"}).rows == []
        report = ingest_paths(kg, [folder], extractor=extractor)
        assert report.unchanged == 1 and report.stored == 0
        assert len(run_query(kg, timeline, {"a": "NER", "b": "RUS"}).rows) == rows
        assert unconsolidated_dyads(kg) == set()


def test_years_carry_intensity_dates_and_the_articles_of_their_months():
    mentions = [
        mention(1, "2024-03-16"),
        mention(2, "2024-05-02", article="b", type="sanction"),
        mention(3, "2024-05-20"),  # article a again, another month: counted in both months
    ]
    graph = summary("NER-USA", mentions)
    year = SUMMARY["NER-USA/2024/tension"]
    assert value(graph, year, KG.articleCount) == 2
    assert value(graph, year, KG.articleMonths) == 3
    assert value(graph, year, KG.intensitySum) == -15.0
    assert (value(graph, year, KG.firstStart), value(graph, year, KG.lastStart)) == (
        date(2024, 3, 16),
        date(2024, 5, 20),
    )


def test_period_nodes_hold_one_tally_line_per_pair_and_the_events_of_each_type():
    mentions = [
        mention(1, "2024-03-16"),
        mention(2, "2024-03-02", article="b", type="sanction"),
        mention(3, "2024-03"),
        mention(4, "2024-07-01", type="sanction"),
        mention(5, "2024-03-20", status="planned"),  # not asserted: not counted
    ]
    graph = summary("NER-USA", mentions)
    march = PERIOD["tension/2024-03"]
    assert (march, RDF.type, KG.CategoryPeriod) in graph
    # dyad, sides, mentions, articles, article months, intensity, first, last: as the PairMonth says
    assert [str(t) for t in graph.objects(march, KG.pairTally)] == [
        "NER-USA NER USA 3 2 2 -15.0 2024-03-01 2024-03-16"
    ]
    assert [str(t) for t in graph.objects(PERIOD["tension/2024"], KG.pairTally)] == [
        "NER-USA NER USA 4 2 3 -22.0 2024-03-01 2024-07-01"
    ]
    pressure = PERIOD["tension/2024-03/pressure"]
    assert set(graph.objects(pressure, KG.summarises)) == {EVENT["a/1"], EVENT["a/3"]}
    assert set(graph.objects(PERIOD["tension/2024-03/sanction"], KG.summarises)) == {EVENT["b/2"]}
    # each mention also as a line that sorts as (date, pair, event)
    assert sorted(str(t) for t in graph.objects(pressure, KG.eventLine)) == [
        f"2024-03-01 NER-USA {EVENT['a/3']} NER USA",
        f"2024-03-16 NER-USA {EVENT['a/1']} NER USA",
    ]
    assert set(graph.objects(PERIOD["tension/2024-07/sanction"], KG.summarises)) == {EVENT["a/4"]}
    # the events again as a number in the pair's graph: what top_tension_pairs ranks the pairs by
    assert [(value(graph, node, KG.pairEvents)) for node in (march, PERIOD["tension/2024"])] == [3, 4]


def test_an_actor_with_itself_has_no_event_lines_or_pair_events():
    mentions = [replace(mention(1, "2024-03-16"), target="NER"), replace(mention(2, "2024-03-18"), target="NER")]
    graph = summary("NER", mentions)
    march = PERIOD["tension/2024-03"]
    assert [str(t) for t in graph.objects(march, KG.pairTally)] == ["NER NER NER 2 1 1 -8.0 2024-03-16 2024-03-18"]
    assert set(graph.objects(PERIOD["tension/2024-03/pressure"], KG.summarises)) == {EVENT["a/1"], EVENT["a/2"]}
    # not a pair: base_access_changes counts a month's lines and top_tension_pairs ranks pairs by these
    assert not list(graph.triples((None, KG.eventLine, None))) and not list(graph.triples((None, KG.pairEvents, None)))


def test_coup_nodes_list_the_coups_of_a_year_country_and_type():
    mentions = [
        mention(1, "2023-07-26", category="coup", type="coup"),
        mention(2, "2023-07-27", article="b", category="coup", type="coup"),
        mention(3, "2023-08", article="b", category="coup", type="coup"),
        mention(4, "2024-01-02", category="coup", type="coup_attempt"),
        mention(5, "2023-07-28", category="coup", type="coup", status="negated"),
    ]
    graph = summary("NER-USA", mentions)
    node = COUP["2023/USA/coup"]  # the target is the country of the coup
    assert (DYAD["NER-USA"], KG.coupSummary, node) in graph
    assert (node, RDF.type, KG.CoupYear) in graph
    assert set(graph.objects(node, KG.summarises)) == {EVENT["a/1"], EVENT["b/2"], EVENT["b/3"]}
    assert set(graph.objects(node, KG.summaryArticle)) == {ARTICLE["a"], ARTICLE["b"]}
    assert value(graph, node, KG.mentionStart) == date(2023, 7, 26)
    assert set(graph.objects(COUP["2024/USA/coup_attempt"], KG.summarises)) == {EVENT["a/4"]}


# the counts the summaries replace, read from the events (as the named queries did before them)
DIRECT_COUPS = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX kgt: <https://w3id.org/kg/type/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?year ?country ?type (COUNT(DISTINCT ?event) AS ?reports) (COUNT(DISTINCT ?article) AS ?articles)
       (MIN(?start) AS ?first)
WHERE {
  ?event kg:category kgt:coup ; kg:status kg:Asserted ; kg:eventType ?typeNode ; kg:date ?date ;
         kg:dateStart ?start ; kg:targetState ?C ; prov:wasDerivedFrom ?article .
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
  BIND(STRAFTER(STR(?C), "https://w3id.org/kg/actor/") AS ?country)
  BIND(STRAFTER(STR(?typeNode), "https://w3id.org/kg/type/") AS ?type)
}
GROUP BY ?year ?country ?type
"""


def test_coups_by_year_from_the_summaries_match_the_events_through_removal_and_reingest(index):
    def coup(article: str, n: int, source: str, day: str, type: str = "coup") -> Event:
        return event(article, n, state(source), state("NER"), category="coup", type=type, day=day)

    one = Article(id="one", text="…", published=date(2023, 7, 28))
    two = Article(id="two", text="…", published=date(2023, 8, 2))
    articles = {
        one: [coup("one", 1, "NER", "2023-07-26"), coup("one", 2, "FRA", "2023-07-27")],
        two: [coup("two", 1, "USA", "2023-07-26"), coup("two", 2, "NER", "2021-03-31", "coup_attempt")],
    }

    def both(kg: KnowledgeGraph) -> tuple[list[tuple], list[tuple]]:
        rows = run_query(kg, load_named_query("coups_by_year").text).records()
        named = sorted((str(r["year"]), str(r["country"]), str(r["type"]), int(r["reports"]),
                        int(r["articles"]), str(r["first"])) for r in rows)
        direct = sorted((str(r["year"]), str(r["country"]), str(r["type"]), int(r["reports"]),
                         int(r["articles"]), str(r["first"])) for r in kg.query(DIRECT_COUPS).records())
        return named, direct

    with KnowledgeGraph.in_memory() as kg:
        fill_store(kg, index, articles)
        everything = [
            ("2021", "NER", "coup_attempt", 1, 1, "2021-03-31"),
            ("2023", "NER", "coup", 3, 2, "2023-07-26"),
        ]
        # three dyads add to the 2023 coup in Niger: each mention counted once, two articles
        assert both(kg) == (everything, everything)
        remove_articles(kg, ["one"])
        without_one = [everything[0], ("2023", "NER", "coup", 1, 1, "2023-07-26")]
        assert both(kg) == (without_one, without_one)
        fill_store(kg, index, {one: articles[one]})
        assert both(kg) == (everything, everything)
