"""Consolidation: the same event in many articles is one event with many sources.

The rules are tested on hand-built Events without a store; the store tests ingest the
multi-outlet corpus data/eval/consolidation (7 real events, each reported by 3–6 outlets)
with the real extractor and compare with its expected.json.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from kg.consolidate import (
    Correction,
    Mention,
    combined_confidence,
    consolidate,
    consolidated_iri,
    event_id_of,
    read_mentions,
    stored_dyads,
    types_compatible,
)
from kg.model import Event, EventDate, Evidence, Participant, dyad_key
from tests.conftest import ROOT

CORPUS = ROOT / "data" / "eval" / "consolidation"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
# the type of each target event (expected.json gives it in its notes)
EXPECTED_TYPES = {
    "ru-instructors-niger": "military_training",
    "niger-revokes-us-accord": "revoke_access",
    "us-niger-withdrawal-agreed": "withdrawal_announced",
    "us-hands-over-base-201": "handover",
    "niger-expels-french-ambassador": "expulsion",
    "aes-charter-bfa-mli": "alliance",
    "aes-charter-mli-ner": "alliance",
    "aes-charter-bfa-ner": "alliance",
    "chad-expels-german-ambassador": "expulsion",
    "germany-expels-chad-ambassador": "expulsion",
}
TARGETS = [e for e in EXPECTED["events"] if not e.get("background")]

_counter = iter(range(10_000))


def event(
    article: str,
    type_: str,
    when: str | None,
    source: str = "NER",
    target: str = "USA",
    *,
    category: str | None = None,
    status: str = "asserted",
    confidence: float = 0.8,
    text: str | None = None,
    n: int | None = None,
) -> Event:
    """A hand-built extracted event; the category follows the type unless given."""
    from kg.consolidate import type_categories

    precision = {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(when) if when else None]
    party = {c: Participant(id=c, label=c, kind="state", country=c) for c in (source, target)}
    return Event(
        article=article,
        event=f"{article}/{n if n is not None else next(_counter)}",
        category=category or type_categories()[type_],
        type=type_,
        source=party[source],
        target=party[target],
        date=EventDate(value=when, precision=precision, text=text),
        status=status,
        confidence=confidence,
        evidence=Evidence(sentence=f"{source} {type_} {target}.", char_start=0, char_end=10, trigger=type_),
    )


def mention(e: Event, outlet: str | None = None, published: date | None = None) -> Mention:
    return Mention.from_event(e, outlet=outlet or f"outlet of {e.article}", published=published)


# ---------------------------------------------------------------------- the rules, without a store


def test_one_event_reported_by_four_outlets_is_one_event_with_four_sources():
    mentions = [
        mention(event(a, "revoke_access", "2024-03-16", confidence=c))
        for a, c in (("a", 0.6), ("b", 0.7), ("c", 0.5), ("d", 0.9))
    ]
    [ce] = consolidate(mentions)
    assert ce.source_count == 4 and len(ce.mentions) == 4
    assert ce.date.value == "2024-03-16" and ce.type == "revoke_access" and ce.category == "base_access"
    assert ce.confidence == pytest.approx(1 - 0.4 * 0.3 * 0.5 * 0.1)
    assert ce.confidence > max(m.confidence for m in mentions)


def test_an_outlet_counts_once_however_many_articles_it_runs():
    mentions = [
        mention(event(a, "expulsion", "2023-08-25", "NER", "FRA", confidence=c), outlet="Sahel Wire")
        for a, c in (("a", 0.5), ("b", 0.9))
    ]
    mentions.append(
        mention(event("c", "expulsion", "2023-08-25", "NER", "FRA", confidence=0.5), outlet="Ledger")
    )
    [ce] = consolidate(mentions)
    assert ce.source_count == 2 and ce.outlets == ["Ledger", "Sahel Wire"]
    assert ce.confidence == pytest.approx(1 - 0.1 * 0.5)  # each outlet's best mention once
    assert combined_confidence(mentions) == ce.confidence


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("2024-03-16", "2024-03-16", True),
        ("2024-03-16", "2024-03-17", True),  # a day apart: time zones, "overnight"
        ("2024-03-16", "2024-03-18", False),  # two different days
        ("2024-03-16", "2024-03", True),  # the day lies in the month
        ("2024-03-16", "2024-04", False),
        ("2024-03", "2024", True),
        ("2024-03", "2023", False),
    ],
)
def test_dates_are_compatible_when_they_overlap_or_are_a_day_apart(first, second, same):
    ces = consolidate([mention(event("a", "withdrawal", first)), mention(event("b", "withdrawal", second))])
    assert len(ces) == (1 if same else 2)


def test_the_reconciled_date_is_the_most_precise_and_conflicts_are_recorded():
    mentions = [
        mention(event("a", "handover", "2024-08")),
        mention(event("b", "handover", "2024-08-05")),
        mention(event("c", "handover", "2024-08-05")),
        mention(event("d", "handover", "2024-08-06")),
    ]
    [ce] = consolidate(mentions)
    assert (ce.date.value, ce.date.precision) == ("2024-08-05", "day")
    assert ce.date_conflicts == ("2024-08-06",)  # within a day, kept, but noted


def test_a_stated_date_outvotes_one_inferred_from_context():
    mentions = [
        mention(event("a", "revoke_access", "2024-03-26", text="on Tuesday (earlier in the article)")),
        mention(event("b", "revoke_access", "2024-03-16", text="on Saturday")),
        mention(event("c", "revoke_access", "2024-03", text="(present tense)")),
    ]
    [ce] = consolidate(mentions)
    assert ce.date.value == "2024-03-16" and ce.date_conflicts == ("2024-03-26",) and ce.source_count == 3


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("military_training", "deployment", True),  # "Russian instructors arrived" / "Wagner fighters arrived"
        ("arms_transfer", "deployment", True),
        ("access_granted", "deployment", True),
        ("visit", "deployment", False),
    ],
)
def test_gold_deployment_is_an_arrival_of_forces(a, b, compatible):
    """FORMAT.md's "deployment" (a gold type the extractor does not emit) names what outlets report as
    training, arms or access; the multi-outlet eval maps such mentions to the gold's deployments."""
    assert types_compatible(a, b) is compatible and types_compatible(b, a) is compatible


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("revoke_access", "end_agreement", True),
        ("withdrawal", "handover", True),
        ("agreement", "alliance", True),
        ("expulsion", "deteriorating_relations", True),  # a vague type describes any of its category
        ("withdrawal_announced", "withdrawal", False),  # different stages of one story
        ("revoke_access", "withdrawal_announced", False),
        ("expulsion", "sanction", False),
        ("military_cooperation", "expulsion", False),
    ],
)
def test_compatible_types(a, b, compatible):
    assert types_compatible(a, b) is compatible
    ces = consolidate([mention(event("x", a, "2024-05-19")), mention(event("y", b, "2024-05-19"))])
    assert len(ces) == (1 if compatible else 2)


def _gold_mentions() -> list[Mention]:
    """Every dated (or core) event of the corpus's gold annotations as a mention of its article."""
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    return [
        mention(
            event(a["id"], e["type"], e["date"], e["source"], e["target"], category=e["category"], n=n),
            published=date.fromisoformat(a["published"]),
        )
        for a in gold["articles"]
        for n, e in enumerate(a["events"])
        if e["date"] or not e.get("optional")
    ]


def _real_event(m: Mention) -> str:
    """The one expected.json event a gold mention reports: its pair, category, article, date, direction."""
    keys = [
        e["key"]
        for e in EXPECTED["events"]
        if dyad_key(*e["pair"]) == m.dyad
        and e["category"] == m.category
        and m.article in e["articles"] + e.get("undated_mentions", [])
        and (not m.date.known or e["date"].startswith(m.date.value) or m.date.value.startswith(e["date"]))
        and (not e.get("distinct_from") or e["source"] == m.source)
    ]
    assert len(keys) == 1, f"{m.event} ({m.type} {m.date.value}) reports {keys}"
    return keys[0]


def test_the_gold_mentions_consolidate_to_exactly_the_real_events():
    """Consolidation alone, on what the articles really say: 22 events, each with all its reports."""
    mentions = _gold_mentions()
    by_dyad: dict[str, list[Mention]] = {}
    for m in mentions:
        by_dyad.setdefault(m.dyad, []).append(m)
    events = [ce for dyad_mentions in by_dyad.values() for ce in consolidate(dyad_mentions)]
    reported = [{_real_event(m) for m in ce.mentions} for ce in events]
    assert all(len(keys) == 1 for keys in reported), "no consolidated event mixes two real ones"
    keys = [k for (k,) in reported]
    assert sorted(keys) == sorted(e["key"] for e in EXPECTED["events"]), "each real event once, none missing"
    assert len(events) == len(EXPECTED["events"]) == 22 and len(mentions) == 81


def test_the_two_expulsions_of_april_2023_stay_two():
    """Chad expels Germany's ambassador (7 April); Germany retaliates (11 April): same pair, type, month."""
    mentions = [
        mention(event("24", "expulsion", "2023-04-07", "TCD", "DEU")),
        mention(event("25", "expulsion", "2023-04-07", "TCD", "DEU")),
        mention(event("26", "expulsion", "2023-04-11", "DEU", "TCD")),
        mention(event("27", "expulsion", "2023-04-11", "DEU", "TCD")),
        mention(event("27", "expulsion", "2023-04", "TCD", "DEU", text="(present tense)")),
        mention(event("28", "deteriorating_relations", "2023-04-07", "DEU", "TCD")),
    ]
    ces = consolidate(mentions)
    assert [(ce.source, ce.date.value, ce.source_count) for ce in ces] == [
        ("TCD", "2023-04-07", 4),  # the month-level report in 27 is about Chad's expulsion (its direction)
        ("DEU", "2023-04-11", 2),
    ]
    assert all(ce.type == "expulsion" for ce in ces)  # a specific type beats a vague one


@pytest.mark.parametrize(
    ("type_", "same"),
    [
        ("meeting", True),  # talks between two states: who is named first is no difference
        ("agreement", True),
        ("alliance", True),
        ("call", True),
        ("military_cooperation", True),
        ("expulsion", False),  # Chad expels Germany's envoy; Germany expels Chad's: two events
        ("sanction", False),
        ("visit", False),  # a visit to Moscow and a visit to Niamey
    ],
)
def test_direction_splits_only_directed_types(type_, same):
    ces = consolidate(
        [
            mention(event("a", type_, "2024-03-26", "NER", "RUS")),
            mention(event("b", type_, "2024-03-26", "RUS", "NER")),
        ]
    )
    assert len(ces) == (1 if same else 2)


def test_base_access_direction_is_not_a_difference():
    ces = consolidate(
        [
            mention(event("a", "handover", "2024-08-05", "NER", "USA")),
            mention(event("b", "withdrawal", "2024-08", "USA", "NER")),
        ]
    )
    assert len(ces) == 1 and (ces[0].source, ces[0].target, ces[0].type) == ("NER", "USA", "handover")


def test_undated_mentions_attach_only_when_unambiguous():
    published = date(2024, 8, 7)
    dated = [mention(event("a", "handover", "2024-08-05")), mention(event("b", "handover", "2024-07-07"))]
    same_article = mention(event("a", "handover", None))
    alone = mention(event("c", "handover", None), published=published)  # both handovers are within a month
    ces = consolidate(dated + [same_article, alone])
    by_date = {ce.date.value: ce for ce in ces}
    assert {m.event for m in by_date["2024-08-05"].mentions} == {dated[0].event, same_article.event}
    assert [m.event for m in by_date[None].mentions] == [alone.event]
    # with one candidate in its article's neighbourhood, it attaches
    [ce] = consolidate([dated[0], mention(event("c", "handover", None), published=published)])
    assert ce.source_count == 2
    # with none within a month, the one within a year; two there, or none at all, and it stays alone
    late = date(2024, 11, 20)
    [ce] = consolidate([dated[0], mention(event("d", "handover", None), published=late)])
    assert ce.source_count == 2
    assert len(consolidate(dated + [mention(event("e", "handover", None), published=late)])) == 3
    assert (
        len(consolidate([dated[0], mention(event("f", "handover", None), published=date(2026, 1, 5))])) == 2
    )


def test_an_inferred_date_that_fits_no_event_stays_its_own_event():
    """A date inferred from the article's context is often right: the 2021 condemnation of Mali's second
    coup, dated "on Monday (earlier in the article)", is not the 2020 condemnation of the first."""
    first = [mention(event(a, "condemnation", "2020-08-18", "AU", "MLI")) for a in "ab"]
    second = mention(
        event(
            "c", "condemnation", "2021-05-24", "AU", "MLI", text="on Monday evening (earlier in the article)"
        ),
        published=date(2021, 5, 26),
    )
    ces = consolidate(first + [second])
    assert sorted((ce.date.value, ce.source_count) for ce in ces) == [("2020-08-18", 2), ("2021-05-24", 1)]


def told(sentence: str, article: str, when: str, source: str, target: str, *types: str) -> list[Mention]:
    """Mentions of the given types, all read in one sentence of one article."""
    return [replace(mention(event(article, t, when, source, target)), sentence=sentence) for t in types]


def test_what_was_agreed_on_a_call_told_in_one_sentence_is_one_event():
    """ "Tiani and Putin spoke by telephone and agreed to strengthen security cooperation": one happening."""
    sentence = "Tiani and Putin spoke by telephone and agreed to strengthen security cooperation."
    call, pact = told(sentence, "02", "2024-03-26", "NER", "RUS", "call", "alliance")
    [ce] = consolidate([call, pact])
    assert len(ce.mentions) == 2 and ce.source_count == 1
    # in two sentences, or two articles, a call and a pact are two events
    [elsewhere] = told("They signed a pact.", "04", "2024-03-26", "NER", "RUS", "alliance")
    assert len(consolidate([call, elsewhere])) == 2
    assert not types_compatible("call", "alliance")


def test_another_outlet_reporting_only_the_call_joins_the_call_and_its_agreement():
    """The call and the pact told in one sentence are one event; an outlet that reports only "a phone call
    in late March" reports that event (the pact beside the call does not keep it out)."""
    sentence = "Tiani and Putin spoke by telephone and agreed to strengthen security cooperation."
    call, pact = told(sentence, "02", "2024-03-26", "NER", "RUS", "call", "alliance")
    [alone] = told(
        "A phone call in late March between Putin and Tiani.", "04", "2024-03", "RUS", "NER", "call"
    )
    [ce] = consolidate([call, pact, alone])
    assert ce.source_count == 2 and len(ce.mentions) == 3
    # a pact reported alone elsewhere is still not the call
    [signed] = told("They signed a pact.", "05", "2024-03", "NER", "RUS", "alliance")
    assert len(consolidate([call, pact, alone, signed])) == 2


def test_one_statement_told_in_one_sentence_is_one_event():
    """ "The AU condemned the detention and called for his release": a condemnation and a demand."""
    sentence = "The AU condemned the detention and called for the president's release on Tuesday."
    condemned, demanded = told(sentence, "a", "2020-08-18", "AU", "MLI", "condemnation", "pressure")
    [ce] = consolidate([condemned, demanded])
    assert len(ce.mentions) == 2
    # one reprisal: expelling the other's diplomats and recalling one's ambassador, told in one sentence
    reprisal = "Paris ordered 12 Algerian officials to leave and recalled its ambassador on Tuesday."
    expelled, recalled = told(reprisal, "c", "2025-04-15", "FRA", "DZA", "expulsion", "recall_ambassador")
    [ce] = consolidate([expelled, recalled])
    assert len(ce.mentions) == 2
    [elsewhere] = told("It recalled its ambassador.", "d", "2025-04-15", "FRA", "DZA", "recall_ambassador")
    assert len(consolidate([expelled, elsewhere])) == 2
    # other outlets report the expulsion alone; the recall read before the expulsion told with it still joins
    others = [mention(event(a, "expulsion", "2025-04-15", "FRA", "DZA")) for a in ("e", "f")]
    recalled, expelled = told(reprisal, "z", "2025-04-15", "FRA", "DZA", "recall_ambassador", "expulsion")
    [ce] = consolidate([*others, recalled, expelled])
    assert len(ce.mentions) == 4 and ce.source_count == 3
    # an act is not a statement: an expulsion and a sanction in one sentence stay two events
    acts = told("Riyadh expelled and sanctioned.", "b", "2018-08-06", "SAU", "CAN", "expulsion", "sanction")
    assert len(consolidate(acts)) == 2
    # the same statement types from two sentences stay two
    [other] = told("It demanded more.", "a", "2020-08-18", "AU", "MLI", "pressure")
    assert len(consolidate([condemned, other])) == 2


def test_only_asserted_mentions_are_consolidated():
    ces = consolidate(
        [
            mention(event("a", "withdrawal", "2024-09", status="planned")),
            mention(event("b", "expulsion", "2024-09", status="negated")),
            mention(event("c", "expulsion", "2024-09", status="hypothetical")),
        ]
    )
    assert ces == []


def test_consolidation_is_deterministic_and_ids_are_stable():
    mentions = [mention(event(a, "visit", "2023-12", "RUS", "NER", n=i)) for i, a in enumerate("abc")]
    forward, backward = consolidate(mentions), consolidate(list(reversed(mentions)))
    assert forward == backward
    assert str(forward[0].iri).startswith("https://w3id.org/kg/consolidated/NER-RUS/")
    # a new report of the event keeps its id (the id hangs on its first mention)
    more = consolidate(mentions + [mention(event("z", "visit", "2023-12", "RUS", "NER", n=99))])
    assert more[0].id == forward[0].id and more[0].source_count == 4


# ---------------------------------------------------------------------- corrections, without a store


def correction(action: str, subject: str, **kwargs) -> Correction:
    return Correction(
        id=kwargs.pop("id", action),
        action=action,
        subject=subject,
        by="ana",
        at=kwargs.pop("at", "2025-01-01T00:00:00+00:00"),
        **kwargs,
    )


def _iri(m: Mention) -> str:
    return str(m.iri)


def test_mention_corrections_reject_fix_date_type_and_actor():
    a = mention(event("a", "revoke_access", "2024-03-26"))
    b = mention(event("b", "revoke_access", "2024-03-16"))
    c = mention(event("c", "agreement", "2024-03", "USA", "NER"))
    d = mention(event("d", "sanction", "2023-07", "USA", "NER"))
    fixes = [
        correction("date", _iri(a), value="2024-03-16", id="c1"),
        correction("type", _iri(c), value="revoke_access", id="c2"),
        correction("actor", _iri(d), source="ECOWAS", id="c3"),
    ]
    ces = consolidate([a, b, c, d], fixes)
    [revocation] = [ce for ce in ces if ce.type == "revoke_access"]
    assert revocation.source_count == 3 and revocation.date.value == "2024-03-16"
    assert set(revocation.corrections) == {"c1", "c2"}
    [sanction] = [ce for ce in ces if ce.type == "sanction"]
    assert sanction.dyad == "ECOWAS-NER" and sanction.corrections == ("c3",)
    assert consolidate([a, b], [correction("reject", _iri(a))])[0].source_count == 1


def test_consolidated_corrections_reject_merge_split_and_undo():
    a, b = (
        mention(event("a", "expulsion", "2023-08-25", "NER", "FRA")),
        mention(event("b", "expulsion", "2023-08-25", "NER", "FRA")),
    )
    c = mention(event("c", "expulsion", "2023-08-28", "NER", "FRA"))
    first, second = consolidate([a, b, c])
    assert (first.source_count, second.source_count) == (2, 1)
    merge = correction(
        "merge",
        str(first.iri),
        other=str(second.iri),
        mentions=(a.event, b.event),
        other_mentions=(c.event,),
        id="m",
    )
    [merged] = consolidate([a, b, c], [merge])
    assert merged.source_count == 3 and merged.id == first.id and merged.corrections == ("m",)
    split = correction(
        "split",
        str(first.iri),
        other=_iri(b),
        mentions=(a.event, b.event),
        id="s",
        at="2025-01-02T00:00:00+00:00",
    )
    assert sorted(ce.source_count for ce in consolidate([a, b, c], [merge, split])) == [1, 2]
    reject = correction("reject", str(first.iri), mentions=(a.event, b.event), id="r")
    assert [ce.source_count for ce in consolidate([a, b, c], [reject])] == [1]
    date_fix = correction("date", str(second.iri), value="2023-08-25", mentions=(c.event,), id="d")
    fixed = [ce for ce in consolidate([a, b, c], [date_fix]) if ce.id == second.id][0]
    assert fixed.date.value == "2023-08-25" and fixed.date_conflicts == ("2023-08-28",)
    undone = Correction(**{**reject.__dict__, "revoked": True})
    assert consolidate([a, b, c], [undone]) == consolidate([a, b, c])


# ---------------------------------------------------------------------- the consolidation corpus, in a store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, extractor):
    """The consolidation corpus ingested into an on-disk store: its location (open it per test)."""
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    location = tmp_path_factory.mktemp("consolidation") / "store"
    with KnowledgeGraph.open(location) as kg:
        report = ingest_paths(kg, [CORPUS / "articles"], extractor=extractor)
    assert report.errors == [] and report.consolidation.dyads > 0
    return location


@pytest.fixture
def kg(corpus):
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(corpus) as store:
        yield store


def _events(kg, dyad):
    from kg.consolidate import read_corrections

    return consolidate(read_mentions(kg, dyad), read_corrections(kg))


def _stored_events(kg, dyad):
    """The consolidated events of a dyad as stored: IRI → (type, date, source, source count, mention ids)."""
    rows = kg.query(
        """SELECT ?ce ?type ?date ?source ?n ?m WHERE { GRAPH ?g {
        ?ce a kg:ConsolidatedEvent ; kg:eventType ?type ; kg:sourceState ?source ; kg:sourceCount ?n ;
            kg:mention ?m OPTIONAL { ?ce kg:date ?date } } }""",
        {"g": URIRef(f"https://w3id.org/kg/graph/consolidated/{dyad}")},
    ).rows
    found: dict[str, dict] = {}
    for ce, type_, when, source, n, m in rows:
        entry = found.setdefault(
            str(ce),
            {
                "type": str(type_).rsplit("/", 1)[-1],
                "date": when and str(when),
                "source": str(source).rsplit("/", 1)[-1],
                "sources": int(n),
                "mentions": set(),
            },
        )
        entry["mentions"].add(event_id_of(str(m)))
    return found


def _reports(m: Mention, expected: dict) -> bool:
    """Whether an extracted mention reports the expected event: its pair, a compatible type and date."""
    if m.status != "asserted" or m.article not in expected["articles"] or not m.date.known:
        return False
    if dyad_key(m.source, m.target) != dyad_key(*expected["pair"]):
        return False
    if not types_compatible(m.type, EXPECTED_TYPES[expected["key"]]):
        return False
    if expected.get("distinct_from") and m.source != expected["source"]:  # they differ by direction
        return False
    real = expected["date"]
    if m.date.precision == "day" and len(real) == 10 and m.stated:
        return abs((date.fromisoformat(m.date.value) - date.fromisoformat(real)).days) <= 1
    common = min(len(m.date.value), len(real), 7)
    return m.date.value[:common] == real[:common]


def _found(kg, expected):
    """The mentions the extractor found of an expected event, in the articles that report it."""
    return [m for m in read_mentions(kg, dyad_key(*expected["pair"])) if _reports(m, expected)]


@pytest.mark.parametrize("expected", TARGETS, ids=[e["key"] for e in TARGETS])
def test_each_real_event_is_one_consolidated_event_with_all_its_reports(kg, expected):
    found = _found(kg, expected)
    if not found:
        pytest.skip(f"the extractor finds no dated report of {expected['key']} (an extraction miss)")
    dyad = dyad_key(*expected["pair"])
    stored = _stored_events(kg, dyad)
    holding = {iri: e for iri, e in stored.items() if e["mentions"] & {m.event for m in found}}
    assert len(holding) == 1, f"{expected['key']} is split over {len(holding)} consolidated events"
    [(iri, ce)] = holding.items()
    assert {m.event for m in found} <= ce["mentions"], "every report the extractor found is a mention of it"
    assert ce["date"][:7] == expected["date"][:7], "its date agrees to the month"
    [computed] = [e for e in _events(kg, dyad) if str(e.iri) == iri]
    assert computed.category == expected["category"]
    assert {m.article for m in found} <= set(computed.articles)
    same = [
        e
        for e in stored.values()
        if e["type"] == ce["type"]
        and e["source"] == ce["source"]
        and e["date"]
        and e["date"][:7] == ce["date"][:7]
        and e["mentions"] & {m.event for m in read_mentions(kg, dyad) if m.article in expected["articles"]}
    ]
    assert len(same) == 1, "no second event of the same type, direction and month from the same articles"


def test_most_target_events_are_found_in_several_articles_and_consolidated(kg):
    multi = [e for e in TARGETS if len({m.article for m in _found(kg, e)}) >= 2]
    assert len(multi) >= 7, "at least 7 of the 10 pairwise target events are found in 2+ articles"


def test_the_two_chad_germany_expulsions_stay_two(kg):
    expulsions = [
        e
        for e in _stored_events(kg, "DEU-TCD").values()
        if e["type"] == "expulsion" and (e["date"] or "").startswith("2023-04")
    ]
    assert sorted((e["source"], e["date"]) for e in expulsions) == [
        ("DEU", "2023-04-11"),
        ("TCD", "2023-04-07"),
    ]
    assert all(e["sources"] >= 2 for e in expulsions)


def test_the_store_holds_one_graph_per_dyad_and_every_asserted_mention_once(kg):
    graphs = {str(g) for g in kg.list_graphs()}
    assert all(f"https://w3id.org/kg/graph/consolidated/{d}" in graphs for d in stored_dyads(kg))
    mentions = kg.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Event ; kg:status kg:Asserted }")
    events = kg.query("SELECT (COUNT(DISTINCT ?ce) AS ?n) WHERE { ?ce a kg:ConsolidatedEvent }")
    counted = kg.query(
        "SELECT (COUNT(?m) AS ?n) WHERE { SELECT DISTINCT ?ce ?m WHERE { ?ce kg:mention ?m } }"
    )
    distinct = kg.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?ce kg:mention ?m }")
    n_mentions, n_events = int(mentions.rows[0][0]), int(events.rows[0][0])
    assert n_events < n_mentions == int(counted.rows[0][0]) == int(distinct.rows[0][0])
    revocation = kg.query("""SELECT ?n ?c WHERE { ?ce a kg:ConsolidatedEvent ; kg:sourceCount ?n ;
        kg:confidence ?c ; kg:eventType kgt:revoke_access ; kg:dyad dyad:NER-USA ; kg:date ?d
        FILTER(STR(?d) = "2024-03-16") }""")
    assert revocation.rows and int(revocation.rows[0][0]) >= 3 and float(revocation.rows[0][1]) > 0.9


def test_the_store_conforms_to_the_shapes(kg):
    from kg.validate import validate_store

    report = validate_store(kg)
    assert report.conforms, report.text


def test_kg_timeline_lists_each_event_once_with_all_its_sources(corpus):
    from kg.cli import cli

    result = CliRunner().invoke(
        cli, ["timeline", "NER", "USA", "--format", "json", "--store", str(corpus)], catch_exceptions=False
    )
    md = CliRunner().invoke(cli, ["timeline", "NER", "USA", "--store", str(corpus)], catch_exceptions=False)
    assert result.exit_code == 0 and md.exit_code == 0
    data = json.loads(result.output)
    iris = [e["event"] for e in data["events"]]
    assert len(iris) == len(set(iris)), "each consolidated event once"
    [revocation] = [e for e in data["events"] if e["type"] == "revoke_access" and e["date"] == "2024-03-16"]
    articles = {s["article"] for s in revocation["sources"]}
    assert len(articles) >= 4
    assert revocation["source_count"] == len({s["outlet"] for s in revocation["sources"]})
    assert all(s["outlet"] and s["url"] and s["sentence"] and s["published"] for s in revocation["sources"])
    assert md.output.count("2024-03-16 · base access · revoke access: Niger (NER) → United States (USA)") == 1
    assert all(s["url"] in md.output for s in revocation["sources"])
    assert {"events", "states", "scores", "turning_points"} <= set(data)


def test_removing_an_article_detaches_its_mentions_and_ingesting_it_again_restores_them(corpus, extractor):
    from kg.cli import cli
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    def revocation(kg):
        [found] = [
            (iri, e)
            for iri, e in _stored_events(kg, "NER-USA").items()
            if e["type"] == "revoke_access" and e["date"] == "2024-03-16"
        ]
        return found

    with KnowledgeGraph.open(corpus) as kg:
        iri, before = revocation(kg)
        reports = [m for m in read_mentions(kg, "NER-USA") if m.event in before["mentions"]]
    articles_of = {}
    for m in reports:
        articles_of.setdefault(m.outlet, set()).add(m.article)
    # an article whose outlet reports the event nowhere else: removing it loses a source
    article = sorted(a for arts in articles_of.values() if len(arts) == 1 for a in arts)[0]
    result = CliRunner().invoke(cli, ["remove", article, "--store", str(corpus)], catch_exceptions=False)
    try:
        assert result.exit_code == 0 and result.output.startswith("1 articles removed")
        with KnowledgeGraph.open(corpus) as kg:
            iri_after, after = revocation(kg)
        assert not any(m.startswith(article + "/") for m in after["mentions"])
        assert after["mentions"] < before["mentions"] and after["sources"] == before["sources"] - 1
    finally:
        with KnowledgeGraph.open(corpus) as kg:
            ingest_paths(kg, [CORPUS / "articles" / f"{article}.txt"], extractor=extractor)
            iri_again, again = revocation(kg)
    assert iri_again == iri and again == before
    missing = CliRunner().invoke(cli, ["remove", "no-such-article", "--store", str(corpus)])
    assert missing.exit_code == 1 and "not in the store" in missing.output


def test_ingesting_again_changes_nothing(kg, extractor):
    from kg.load import ingest_paths

    before = kg.dump("nq")
    report = ingest_paths(kg, [CORPUS / "articles"], extractor=extractor)
    assert report.stored == 0 and report.consolidation.dyads == 0
    assert kg.dump("nq") == before


def test_consolidated_event_iris_are_under_the_base(kg):
    [row] = kg.query("SELECT ?ce WHERE { ?ce a kg:ConsolidatedEvent } LIMIT 1").rows
    assert str(row[0]).startswith(str(consolidated_iri("")))


def test_a_season_read_back_from_the_store_keeps_its_range_and_joins_the_event_inside_it(kg):
    """ "Russia, whose instructors arrived in Niamey in the spring" (published in August): March to May,
    so the mention is the instructors' arrival of 10 April, not an event of its own in March."""
    [spring] = [m for m in read_mentions(kg, "NER-RUS") if m.date.text == "in the spring"]
    assert (spring.date.value, spring.date.end) == ("2024-03", "2024-05")
    [arrival] = [ce for ce in _events(kg, "NER-RUS") if spring.event in {m.event for m in ce.mentions}]
    assert arrival.date.value == "2024-04-10" and len(arrival.mentions) > 1
