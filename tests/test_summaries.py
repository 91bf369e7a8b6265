"""Pair summaries: what they count, and that they follow the articles (ingest, removal) in the store."""

from __future__ import annotations

from datetime import date

from rdflib import RDF, Literal
from test_analytics import event, fill_store, state

from kg.consolidate import Mention, consolidate_dyads
from kg.load import remove_articles
from kg.model import ACTOR, DYAD, EVENT, KG, KGT, Article
from kg.store import KnowledgeGraph
from kg.summaries import SUMMARY, summary_graph, summary_graph_iri

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
    graph = summary_graph("NER-USA", mentions, INTENSITIES)
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
