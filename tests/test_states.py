"""Relationship states and monthly scores: the rules on hand-built events, then the sample's Niger story."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef

from kg.consolidate import consolidate, default_intensities
from kg.query import load_named_query, run_query
from kg.states import RULES, derive_states, monthly_scores, turning_points
from tests.conftest import ROOT
from tests.test_consolidate import event, mention


def story(*reports):
    """Consolidated events from (article, type, date, source, target[, sentence words]) reports."""
    mentions = []
    for article, type_, when, *rest in reports:
        source, target = rest[:2] if len(rest) >= 2 else ("NER", "USA")
        e = event(article, type_, when, source, target)
        if len(rest) == 3:
            e = e.model_copy(update={"evidence": e.evidence.model_copy(update={"sentence": rest[2]})})
        mentions.append(mention(e))
    return consolidate(mentions)


def sequence(states, relation):
    return [(s.state, s.since) for s in states if s.relation == relation]


# ---------------------------------------------------------------------- the rules


def test_the_basing_story_from_access_to_completed_withdrawal():
    events = story(
        ("a", "access_granted", "2012"),
        ("b", "access_used", "2023-09"),
        ("c", "revoke_access", "2024-03-16"),
        ("d", "revoke_access", "2024-03"),
        ("e", "withdrawal_announced", "2024-05-19"),
        ("f", "withdrawal", "2024-07-07"),
        ("g", "handover", "2024-08-05"),
        ("h", "withdrawal", "2024-08"),
    )
    states = derive_states(events)
    assert sequence(states, "basing_access") == [
        ("active", "2012"),
        ("revoked", "2024-03-16"),
        ("withdrawal_agreed", "2024-05-19"),
        ("withdrawing", "2024-07-07"),
        ("completed", "2024-08-05"),
    ]
    basing = [s for s in states if s.relation == "basing_access"]
    assert [(s.valid_from, s.valid_until) for s in basing[1:3]] == [
        (date(2024, 3, 16), date(2024, 5, 18)),
        (date(2024, 5, 19), date(2024, 7, 6)),
    ]
    assert basing[-1].valid_until is None and {(s.host, s.guest) for s in basing} == {("NER", "USA")}
    # each state cites the events that justify it, the one that changed it first
    active = basing[0]
    assert active.changed_by == active.events[0] and len(active.events) == 2  # granted, then used
    by_iri = {str(e.iri): e for e in events}
    assert (
        by_iri[basing[1].changed_by].type == "revoke_access"
        and by_iri[basing[1].changed_by].source_count == 2
    )
    assert by_iri[basing[-1].changed_by].type == "handover"


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # a report that the forces are there does not undo a revocation
        (
            [("a", "revoke_access", "2024-03-16"), ("b", "access_used", "2024-04")],
            [("revoked", "2024-03-16")],
        ),
        # a withdrawal while access stands undisputed is a drawdown, not the end of access
        ([("a", "access_used", "2023-01"), ("b", "withdrawal", "2023-08-07")], [("active", "2023-01")]),
        # without a decision to leave, withdrawing never becomes completed
        (
            [("a", "withdrawal", "2023-10-10"), ("b", "withdrawal", "2023-12-22")],
            [("withdrawing", "2023-10-10")],
        ),
        # after a decision, the last withdrawal of the run completes it; a report a year later changes nothing
        (
            [
                ("a", "revoke_access", "2023-08"),
                ("b", "withdrawal", "2023-10-10"),
                ("c", "withdrawal", "2023-12-22"),
                ("d", "withdrawal", "2024-12"),
            ],
            [("revoked", "2023-08"), ("withdrawing", "2023-10-10"), ("completed", "2023-12-22")],
        ),
        # a new grant after completion starts again
        (
            [
                ("a", "revoke_access", "2020-01"),
                ("b", "withdrawal", "2020-03-01"),
                ("c", "access_granted", "2022-05"),
            ],
            [("revoked", "2020-01"), ("completed", "2020-03-01"), ("active", "2022-05")],
        ),
        # undated events have no place in time
        ([("a", "revoke_access", None)], []),
    ],
)
def test_basing_transitions_follow_the_rules(reports, expected):
    assert sequence(derive_states(story(*reports)), "basing_access") == expected


def test_partnership_and_diplomatic_relations():
    events = story(
        ("a", "military_training", "2022-05", "FRA", "NER", "French troops train Niger's army."),
        (
            "b",
            "recall_ambassador",
            "2023-07-26",
            "NER",
            "FRA",
            "The junta ended the functions of its ambassadors.",
        ),
        ("c", "revoke_access", "2023-08", "NER", "FRA", "The junta tears up military pacts with France."),
        (
            "d",
            "military_training",
            "2023-09",
            "FRA",
            "NER",
            "French troops trained soldiers.",
        ),  # does not undo it
        (
            "e",
            "expulsion",
            "2023-07-28",
            "NER",
            "FRA",
            "Niger expelled French journalists.",
        ),  # not a diplomat
        (
            "f",
            "expulsion",
            "2023-08-25",
            "NER",
            "FRA",
            "Niger gave Ambassador Sylvain Itte 48 hours to leave.",
        ),
    )
    states = derive_states(events)
    assert sequence(states, "military_partnership") == [("active", "2022-05"), ("ended", "2023-08")]
    assert sequence(states, "diplomatic_relations") == [
        ("downgraded", "2023-07-26"),
        ("ambassador_expelled", "2023-08-25"),
    ]
    assert all(s.host is None for s in states if s.relation != "basing_access")


def test_a_change_overriding_one_of_the_same_day_cites_only_its_own_events():
    """Training and a revocation reported for one month: the partnership ends that month, and the end
    is justified by the revocation, not by the training the same month."""
    events = story(
        ("a", "suspension", "2023-10-10", "USA", "NER", "Washington suspended military aid."),
        ("b", "military_training", "2024-03", "USA", "NER", "US troops trained Nigerien soldiers."),
        ("c", "revoke_access", "2024-03", "NER", "USA", "The junta revoked the military accord."),
    )
    states = derive_states(events)
    assert sequence(states, "military_partnership") == [("suspended", "2023-10-10"), ("ended", "2024-03")]
    by_iri = {str(e.iri): e.type for e in events}
    ended = [s for s in states if s.relation == "military_partnership"][-1]
    assert [by_iri[i] for i in ended.events] == ["revoke_access"]


def test_an_agreement_counts_for_the_partnership_only_when_it_is_military():
    civil = story(("a", "agreement", "2024-01", "NER", "RUS", "They signed an energy deal."))
    military = story(("a", "agreement", "2024-01", "NER", "RUS", "They signed a defence cooperation deal."))
    assert sequence(derive_states(civil), "military_partnership") == []
    assert sequence(derive_states(military), "military_partnership") == [("active", "2024-01")]


def test_the_rules_only_name_known_types_and_states():
    from kg.consolidate import type_categories
    from kg.states import STAGES

    for rule in RULES:
        assert rule.type in type_categories(), rule
        assert rule.state in STAGES[rule.relation] and rule.after <= set(STAGES[rule.relation]) | {"none"}, (
            rule
        )


def test_monthly_score_counts_each_event_once_and_finds_turning_points():
    intensities = {"visit": 2.0, "agreement": 8.0, "revoke_access": -7.0, "expulsion": -5.0}
    events = story(
        ("a", "visit", "2024-01-10"),
        ("b", "visit", "2024-01-10"),
        ("c", "visit", "2024-01"),
        ("d", "agreement", "2024-02"),
        ("e", "revoke_access", "2024-05-16"),
        ("f", "expulsion", "2024-05-20", "USA", "NER"),
        ("g", "visit", "2019"),
    )
    scores = monthly_scores(events, intensities)
    assert [s.month for s in scores] == [
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-04",
        "2024-05",
    ]  # year-only left out
    assert [(s.score, s.cooperation, s.tension) for s in scores] == [
        (2.0, 1, 0),
        (8.0, 1, 0),
        (0.0, 0, 0),
        (0.0, 0, 0),
        (-12.0, 0, 2),
    ]  # the visit once, not three times
    assert [s.rolling for s in scores] == [2.0, 10.0, 10.0, 8.0, -12.0]
    assert turning_points(scores) == ["2024-05"] and scores[-1].turning_point == "sign"
    jump = monthly_scores(events, intensities, threshold=5.0)
    assert turning_points(jump) == ["2024-02", "2024-05"] and jump[1].turning_point == "jump"


# ---------------------------------------------------------------------- the sample corpus


@pytest.fixture(scope="module")
def sample(tmp_path_factory, extractor):
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    kg = KnowledgeGraph.open(tmp_path_factory.mktemp("states") / "store")
    report = ingest_paths(kg, [ROOT / "data" / "articles"], extractor=extractor)
    assert report.errors == []
    yield kg
    kg.close()


_STATES = """
SELECT ?relation ?state ?from ?until ?host ?guest ?changedBy ?type ?mention WHERE {
  ?s a kg:RelationshipState ; kg:dyad ?dyad ; kg:relation ?relation ; kg:state ?state ; kg:validFrom ?from ;
     kg:changedBy ?changedBy ; prov:wasDerivedFrom ?changedBy .
  ?changedBy a kg:ConsolidatedEvent ; kg:eventType ?type ; kg:mention ?mention .
  OPTIONAL { ?s kg:validUntil ?until }
  OPTIONAL { ?s kg:host ?host }
  OPTIONAL { ?s kg:guest ?guest }
} ORDER BY ?relation ?from
"""


def states_of(kg, dyad):
    rows = kg.query(_STATES, {"dyad": URIRef(f"https://w3id.org/kg/dyad/{dyad}")}).records()
    found: dict[tuple, dict] = {}
    for r in rows:
        key = (str(r["relation"]), str(r["state"]), str(r["from"]))
        entry = found.setdefault(
            key, {"type": str(r["type"]).rsplit("/", 1)[-1], "mentions": set(), "row": r}
        )
        entry["mentions"].add(str(r["mention"]))
    return found


def test_us_basing_access_in_niger_active_revoked_agreed_completed(sample):
    states = states_of(sample, "NER-USA")
    basing = [(k[1], k[2]) for k in states if k[0] == "basing_access"]
    names = [name for name, _ in basing]
    assert names[0] == "active" and names[-1] == "completed"
    assert [n for n in names if n in ("revoked", "withdrawal_agreed", "completed")] == [
        "revoked",
        "withdrawal_agreed",
        "completed",
    ]
    start = dict(basing)
    assert start["revoked"].startswith("2024-03")  # the day (16 March) is not in the sample's extracted dates
    assert start["withdrawal_agreed"] in ("2024-04-19", "2024-05-19")
    assert start["completed"] == "2024-08-05"
    for (relation, state, _), entry in states.items():
        if relation == "basing_access":  # each change cites the consolidated event behind it, and its reports
            assert entry["mentions"], state
            assert (
                entry["type"]
                == {
                    "active": entry["type"],
                    "revoked": "revoke_access",
                    "withdrawal_agreed": "withdrawal_announced",
                    "withdrawing": entry["type"],
                    "completed": "handover",
                }[state]
            )
            assert str(entry["row"]["host"]).endswith("/NER") and str(entry["row"]["guest"]).endswith("/USA")


def test_france_niger_partnership_ended_ambassador_expelled_troops_gone(sample):
    states = states_of(sample, "FRA-NER")
    by_relation: dict[str, dict[str, str]] = {}
    for relation, state, since in states:
        by_relation.setdefault(relation, {})[state] = since
    # 2023-08 (article 04: "ending a series of defence and security agreements") when the extractor reads it;
    # until then Macron's announcement of 24 September ends it
    assert "2023-08" <= by_relation["military_partnership"]["ended"] <= "2023-09-30"
    assert by_relation["diplomatic_relations"]["ambassador_expelled"] == "2023-08-25"
    assert by_relation["basing_access"]["completed"] == "2023-12-22"


def test_states_are_queryable_on_a_day(sample):
    result = run_query(sample, load_named_query("relationship_states_on").text, {"on": "2024-06-01"})
    current = {(str(r["pair"]), str(r["relation"])): str(r["state"]) for r in result.records()}
    assert current[("NER-USA", "basing_access")] == "withdrawal_agreed"
    assert current[("FRA-NER", "basing_access")] == "completed"


@pytest.mark.parametrize(("year", "pair"), [("2023", ("NER", "FRA")), ("2024", ("NER", "USA"))])
def test_which_states_saw_foreign_forces_leave_in_a_year(sample, year, pair):
    query = load_named_query("foreign_forces_left")
    assert query.params == ["year"] and "foreign forces leave" in query.description
    rows = run_query(sample, query.text, {"year": year}).records()
    assert pair in {(str(r["host"]), str(r["guest"])) for r in rows}
    assert all(str(r["left"]).startswith(year) and int(r["sources"]) >= 1 for r in rows)


def test_the_ner_usa_score_has_a_turning_point_in_2023_2024(sample):
    rows = sample.query("""SELECT ?month ?score ?rolling ?turn WHERE {
        ?m a kg:MonthlyScore ; kg:dyad dyad:NER-USA ; kg:month ?month ; kg:score ?score ;
           kg:rollingScore ?rolling ; kg:turningPoint true ; kg:turn ?turn } ORDER BY ?month""").records()
    months = [str(r["month"]) for r in rows]
    assert any("2023-01" <= m <= "2024-12" for m in months), months
    assert all(str(r["turn"]) in ("sign", "jump") for r in rows)


def test_the_stored_score_is_the_sum_of_the_consolidated_events_intensities(sample):
    from kg.consolidate import read_corrections, read_mentions

    events = consolidate(read_mentions(sample, "NER-USA"), read_corrections(sample))
    expected = {s.month: s.score for s in monthly_scores(events, default_intensities())}
    rows = sample.query("""SELECT ?month ?score WHERE { ?m a kg:MonthlyScore ; kg:dyad dyad:NER-USA ;
                           kg:month ?month ; kg:score ?score }""").rows
    assert {str(m): float(s) for m, s in rows} == pytest.approx(expected)
    counted = sample.query("""SELECT (COUNT(DISTINCT ?ce) AS ?n) WHERE { ?m a kg:MonthlyScore ;
                              kg:dyad dyad:NER-USA ; prov:wasDerivedFrom ?ce }""").rows[0][0]
    assert int(counted) == len([e for e in events if e.date.precision in ("day", "month")])


def test_the_html_timeline_draws_the_score_over_the_bars_and_the_state_bands(sample):
    from kg.export import render_timeline
    from kg.timeline import build_timeline

    timeline = build_timeline(sample, "NER", "USA")
    assert timeline.states and timeline.scores and timeline.turning_points
    page = render_timeline(timeline, "html", labels={"NER": "Niger", "USA": "United States"})
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert (
        "<rect" in svg
        and 'class="score"' in svg
        and 'class="state"' in svg
        and 'class="turning-point"' in svg
    )
    md = render_timeline(timeline, "md")
    assert "## Relationship states" in md and "## Monthly score" in md and "## Turning points" in md
    assert md.index("## Events") < md.index("## Monthly score") < md.index("## Not counted as events")


def test_each_state_row_cites_its_events_by_date_and_type(sample):
    from kg.export import render_timeline
    from kg.timeline import build_timeline

    timeline = build_timeline(sample, "NER", "USA")
    md = render_timeline(timeline, "md")
    [completed] = [line for line in md.splitlines() if line.startswith("| basing access") and "| completed |" in line]
    assert completed.endswith("| 2024-08-05 handover |")
    page = render_timeline(timeline, "html")
    assert "<th>justified by</th>" in page and "2024-08-05 handover</td>" in page
