"""kg.evaluate: the scoring rules of ../shared/eval/FORMAT.md, and reading gold files."""

from __future__ import annotations

import itertools
import json
import random
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from pydantic import ValidationError

from kg.errors import EvalError
from kg.evaluate import (
    Gold,
    GoldArticle,
    GoldEvent,
    format_score,
    load_gold,
    match_events,
    matches,
    score,
    score_to_dict,
)
from kg.model import Event, EventDate, Evidence, Participant

SEED = Path("/work/shared/eval/seed.gold.json")
_ids = itertools.count()


def ev(
    source: str,
    target: str,
    category: str,
    when: str | None = None,
    *,
    status: str = "asserted",
    confidence: float = 0.5,
    article: str = "a1",
    sentence: str = "A sentence.",
    trigger: str = "did",
) -> Event:
    """An extracted event between two states."""
    precision = {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(when) if when else None]
    return Event(
        article=article,
        event=f"{article}/{next(_ids)}",
        category=category,
        type="test",
        source=Participant(id=source, label=source, kind="state", country=source),
        target=Participant(id=target, label=target, kind="state", country=target),
        date=EventDate(value=when, precision=precision),
        status=status,
        confidence=confidence,
        evidence=Evidence(sentence=sentence, char_start=0, char_end=len(sentence), trigger=trigger),
    )


def gev(
    source: str,
    target: str,
    category: str,
    when: str | None = None,
    *,
    alt: tuple[str, ...] = (),
    optional: bool = False,
    note: str | None = None,
) -> GoldEvent:
    return GoldEvent(source=source, target=target, category=category, alt=list(alt), date=when,
                     optional=optional, note=note)


def gold_of(**articles: list[GoldEvent]) -> Gold:
    return Gold(
        path=Path("gold.json"),
        articles=[GoldArticle(id=a, file=Path(f"{a}.txt"), events=events) for a, events in articles.items()],
    )


def g(spec: str) -> GoldEvent:
    """A gold event from "SRC TGT category [date] [alt=a,b] [optional]"."""
    source, target, category, *rest = spec.split()
    when = next((r for r in rest if r[0].isdigit()), None)
    alt = next((tuple(r[4:].split(",")) for r in rest if r.startswith("alt=")), ())
    return gev(source, target, category, when, alt=alt, optional="optional" in rest)


def x(spec: str) -> Event:
    """An extracted event from "SRC TGT category [date] [status] [conf=0.7]"."""
    source, target, category, *rest = spec.split()
    when = next((r for r in rest if r[0].isdigit()), None)
    status = next((r for r in rest if r in ("negated", "hypothetical", "planned")), "asserted")
    confidence = next((float(r[5:]) for r in rest if r.startswith("conf=")), 0.5)
    return ev(source, target, category, when, status=status, confidence=confidence)


# (case, gold events of one article, extracted events, (tp, fp, fn))
CASES = [
    ("exact match", ["RUS NER cooperation 2024-04-10"], ["RUS NER cooperation 2024-04-10"], (1, 0, 0)),
    ("reversed direction, unordered pair",
     ["RUS NER cooperation 2024-04-10"], ["NER RUS cooperation 2024-04-10"], (1, 0, 0)),
    ("other pair", ["RUS NER cooperation 2024-04"], ["RUS MLI cooperation 2024-04"], (0, 1, 1)),
    ("coup: source = target", ["NER NER coup 2023"], ["NER NER coup 2023-07-26"], (1, 0, 0)),
    ("alt category", ["NER USA base_access 2024-03 alt=tension"], ["USA NER tension 2024-03"], (1, 0, 0)),
    ("category neither gold nor alt",
     ["NER USA base_access 2024-03 alt=tension"], ["USA NER cooperation 2024-03"], (0, 1, 1)),
    ("gold day, extracted other day same month",
     ["RUS NER cooperation 2024-04-10"], ["RUS NER cooperation 2024-04-22"], (1, 0, 0)),
    ("gold day, extracted month", ["RUS NER cooperation 2024-04-10"], ["RUS NER cooperation 2024-04"],
     (1, 0, 0)),
    ("gold day, extracted other month",
     ["RUS NER cooperation 2024-04-10"], ["RUS NER cooperation 2024-05-10"], (0, 1, 1)),
    ("gold month, extracted day", ["NER USA tension 2024-03"], ["NER USA tension 2024-03-16"], (1, 0, 0)),
    ("gold month, extracted year: vague", ["NER USA tension 2024-03"], ["NER USA tension 2024"], (0, 1, 1)),
    ("gold month, extracted undated", ["NER USA tension 2024-03"], ["NER USA tension"], (0, 1, 1)),
    ("gold month, other year", ["NER USA tension 2024-03"], ["NER USA tension 2023-03"], (0, 1, 1)),
    ("gold year, extracted year", ["NER NER coup 2023"], ["NER NER coup 2023"], (1, 0, 0)),
    ("gold year, extracted day in it", ["NER NER coup 2023"], ["NER NER coup 2023-07-26"], (1, 0, 0)),
    ("gold year, extracted other year", ["NER NER coup 2023"], ["NER NER coup 2024-04"], (0, 1, 1)),
    ("gold year, extracted undated", ["NER NER coup 2023"], ["NER NER coup"], (0, 1, 1)),
    ("gold null, extracted dated", ["NER USA cooperation"], ["NER USA cooperation 2019-06-01"], (1, 0, 0)),
    ("gold null, extracted undated", ["NER USA cooperation"], ["NER USA cooperation"], (1, 0, 0)),
    ("duplicates in one month count once", ["RUS NER cooperation 2024-04"],
     ["RUS NER cooperation 2024-04-10", "NER RUS cooperation 2024-04-11", "RUS NER cooperation 2024-04"],
     (1, 0, 0)),
    ("duplicates without gold are one false positive",
     [], ["RUS NER cooperation 2024-04-10", "RUS NER cooperation 2024-04-12"], (0, 1, 0)),
    ("undated duplicates count once", [], ["RUS NER cooperation", "NER RUS cooperation"], (0, 1, 0)),
    ("year-only duplicates count once", [], ["NER NER coup 2023", "NER NER coup 2023"], (0, 1, 0)),
    ("year-only and month are two groups", [], ["NER NER coup 2023", "NER NER coup 2023-07"], (0, 2, 0)),
    ("different months are different events", ["RUS NER cooperation 2024-04"],
     ["RUS NER cooperation 2024-04-10", "RUS NER cooperation 2024-05-10"], (1, 1, 0)),
    ("different categories are different events", ["NER USA tension 2024-03"],
     ["NER USA tension 2024-03", "NER USA base_access 2024-03"], (1, 1, 0)),
    ("negated, hypothetical and planned are ignored", ["NER USA base_access 2024-05"],
     [f"NER USA base_access 2024-05 {s}" for s in ("negated", "hypothetical", "planned")], (0, 0, 1)),
    ("a non-asserted duplicate does not hide an asserted one", ["NER USA base_access 2024-05"],
     ["NER USA base_access 2024-05-19 planned conf=0.99", "NER USA base_access 2024-05 conf=0.1"], (1, 0, 0)),
    ("matched optional is no false positive", ["NER USA cooperation optional"], ["USA NER cooperation 2015"],
     (0, 0, 0)),
    ("unmatched optional is no false negative", ["NER USA cooperation optional"], [], (0, 0, 0)),
    ("an extraction matching core or optional goes to core",
     ["NER USA tension optional", "NER USA tension 2024-03"], ["NER USA tension 2024-03"], (1, 0, 0)),
    ("maximum, not greedy: E1 fits G1 (null) and G2, E2 only G1",
     ["NER USA tension", "NER USA tension 2024-03"], ["NER USA tension 2024-03", "NER USA tension 2024-05"],
     (2, 0, 0)),
    ("core first, leftovers still reach optional: E1 fits core and optional, E2 only core",
     ["NER USA base_access 2024-03 alt=tension", "NER USA tension optional"],
     ["NER USA tension 2024-03", "NER USA base_access 2024-03"], (1, 0, 0)),
    ("one extraction cannot match two gold events",
     ["NER USA tension 2024-03", "USA NER tension 2024-03"], ["NER USA tension 2024-03-02"], (1, 0, 1)),
    ("nothing extracted, nothing in gold", [], [], (0, 0, 0)),
]


@pytest.mark.parametrize(("gold", "extracted", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_counts(gold: list[str], extracted: list[str], expected: tuple[int, int, int]) -> None:
    s = score(gold_of(a1=[g(e) for e in gold]), {"a1": [x(e) for e in extracted]})
    assert (s.tp, s.fp, s.fn) == expected


def test_same_key_in_two_articles_counts_twice() -> None:
    gold = gold_of(a1=[gev("RUS", "NER", "cooperation", "2024-04")], a2=[])
    extracted = {a: [ev("RUS", "NER", "cooperation", "2024-04", article=a)] for a in ("a1", "a2")}
    s = score(gold, extracted)
    assert (s.tp, s.fp, s.fn, s.extracted, s.articles) == (1, 1, 0, 2, 2)
    s = score(gold_of(a1=[gev("RUS", "NER", "cooperation", "2024-04")],
                      a2=[gev("RUS", "NER", "cooperation", "2024-04")]), extracted)
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)


def test_gold_article_with_nothing_extracted_and_unknown_articles() -> None:
    gold = gold_of(a1=[gev("RUS", "NER", "cooperation", "2024-04")])
    s = score(gold, {"elsewhere": [ev("RUS", "NER", "cooperation", "2024-04", article="elsewhere")]})
    assert (s.tp, s.fp, s.fn) == (0, 0, 1)
    assert s.ignored_articles == ["elsewhere"]
    assert "not scored: 1 article (elsewhere)" in format_score(s)


def test_counts_of_merged_and_not_asserted() -> None:
    specs = ("NER USA tension 2024-03-01", "NER USA tension 2024-03", "NER USA tension 2024-03 negated")
    extracted = [x(spec) for spec in specs]
    s = score(gold_of(a1=[]), {"a1": extracted})
    assert (s.extracted, s.merged, s.not_asserted, s.fp) == (1, 1, 1, 1)


def test_duplicate_representative_is_most_precise_then_most_confident() -> None:
    events = [ev("NER", "USA", "tension", "2024-03", confidence=0.99, sentence="month"),
              ev("NER", "USA", "tension", "2024-03-16", confidence=0.4, sentence="day, less sure"),
              ev("NER", "USA", "tension", "2024-03-17", confidence=0.6, sentence="day, surer")]
    s = score(gold_of(a1=[]), {"a1": events})
    assert [(e.sentence, e.date, e.confidence) for e in s.errors] == [("day, surer", "2024-03-17", 0.6)]


def _brute_force(extracted: list[Event], gold: list[GoldEvent]) -> tuple[int, int]:
    """(core, optional) matched by the best one-to-one matching, core first, by trying them all."""
    best = (0, 0)

    def walk(i: int, used: frozenset[int], core: int, optional: int) -> None:
        nonlocal best
        if i == len(extracted):
            best = max(best, (core, optional))
            return
        walk(i + 1, used, core, optional)
        for j, g in enumerate(gold):
            if j not in used and matches(extracted[i], g):
                walk(i + 1, used | {j}, core + (not g.optional), optional + g.optional)

    walk(0, frozenset(), 0, 0)
    return best


def test_matching_is_maximum_on_random_articles() -> None:
    """Against exhaustive search, and the core size against networkx's Hopcroft-Karp."""
    rng = random.Random(7)
    states, categories = ("NER", "USA", "RUS"), ("tension", "cooperation")
    dates = (None, "2024", "2024-03", "2024-03-16", "2024-04", "2023")
    for _ in range(300):
        gold = [gev(*rng.sample(states, 2), rng.choice(categories), rng.choice(dates),
                    alt=tuple(c for c in categories if rng.random() < 0.3), optional=rng.random() < 0.3)
                for _ in range(rng.randint(0, 5))]
        extracted = [ev(*rng.sample(states, 2), rng.choice(categories), rng.choice(dates))
                     for _ in range(rng.randint(0, 5))]
        # one event per key, as after deduplication
        extracted = list({(frozenset((e.source.country, e.target.country)), e.category, e.date.value): e
                          for e in extracted}.values())
        pairs = match_events(extracted, gold)
        assert len(set(pairs.values())) == len(pairs)
        assert all(matches(extracted[i], gold[j]) for i, j in pairs.items())
        core = sum(not gold[j].optional for j in pairs.values())
        assert (core, len(pairs) - core) == _brute_force(extracted, gold)
        graph = nx.Graph()
        graph.add_nodes_from(("x", i) for i in range(len(extracted)))
        graph.add_edges_from((("x", i), ("g", j)) for i, e in enumerate(extracted) for j, g in enumerate(gold)
                             if not g.optional and matches(e, g))
        top = {("x", i) for i in range(len(extracted))}
        assert core == len(nx.bipartite.hopcroft_karp_matching(graph, top_nodes=top)) // 2


# ----------------------------------------------------------------------------------- other measures

UNDATED = [
    ("wrong month", [gev("NER", "USA", "tension", "2024-03")], [ev("NER", "USA", "tension", "2024-05")],
     (0, 1, 1), (1, 0, 0)),
    ("too vague", [gev("NER", "USA", "tension", "2024-03")], [ev("NER", "USA", "tension", "2024")],
     (0, 1, 1), (1, 0, 0)),
    ("no date", [gev("NER", "NER", "coup", "2023")], [ev("NER", "NER", "coup")], (0, 1, 1), (1, 0, 0)),
    ("wrong category stays wrong", [gev("NER", "USA", "tension", "2024-03")],
     [ev("NER", "USA", "cooperation", "2024-05")], (0, 1, 1), (0, 1, 1)),
    ("two misdated extractions, one gold", [gev("NER", "USA", "tension", "2024-03")],
     [ev("NER", "USA", "tension", "2024-05"), ev("NER", "USA", "tension", "2024-06")], (0, 2, 1), (1, 1, 0)),
]


@pytest.mark.parametrize(("gold_events", "extracted", "dated", "undated"), [c[1:] for c in UNDATED],
                         ids=[c[0] for c in UNDATED])
def test_undated_scores_ignore_dates(gold_events, extracted, dated, undated) -> None:
    s = score(gold_of(a1=gold_events), {"a1": extracted})
    assert (s.tp, s.fp, s.fn) == dated
    assert (s.undated.tp, s.undated.fp, s.undated.fn) == undated


DAYS = [
    ("exact day", "2024-04-10", ["2024-04-10"], 1, 1),
    ("other day, same month: a match but not exact", "2024-04-10", ["2024-04-11"], 0, 1),
    ("month only: a match but not exact", "2024-04-10", ["2024-04"], 0, 1),
    ("gold month: not counted", "2024-04", ["2024-04-10"], 0, 0),
    ("gold null: not counted", None, ["2024-04-10"], 0, 0),
    ("no match: not counted", "2024-04-10", ["2024-05-10"], 0, 0),
]


@pytest.mark.parametrize(("gold_date", "extracted_dates", "correct", "n"), [c[1:] for c in DAYS],
                         ids=[c[0] for c in DAYS])
def test_day_accuracy(gold_date, extracted_dates, correct, n) -> None:
    s = score(gold_of(a1=[gev("RUS", "NER", "cooperation", gold_date)]),
              {"a1": [ev("RUS", "NER", "cooperation", d) for d in extracted_dates]})
    assert (s.day_correct, s.day_n) == (correct, n)
    assert s.day_accuracy == (correct / n if n else 0.0)


def test_day_accuracy_prefers_the_exact_date_among_equal_matchings() -> None:
    gold = [gev("NER", "USA", "base_access", "2024-03-16", alt=("tension",))]
    extracted = [ev("NER", "USA", "base_access", "2024-03-10"), ev("NER", "USA", "tension", "2024-03-16")]
    s = score(gold_of(a1=gold), {"a1": extracted})
    assert (s.tp, s.fp, s.day_correct, s.day_n) == (1, 1, 1, 1)
    assert [e.category for e in s.errors] == ["base_access"]


def test_optional_matches_do_not_count_for_day_accuracy() -> None:
    s = score(gold_of(a1=[gev("RUS", "NER", "cooperation", "2024-04-10", optional=True)]),
              {"a1": [ev("RUS", "NER", "cooperation", "2024-04-10")]})
    assert (s.tp, s.fp, s.fn, s.matched_optional, s.day_n) == (0, 0, 0, 1, 0)


def test_by_category() -> None:
    gold = [gev("RUS", "NER", "cooperation", "2024-04"), gev("NER", "USA", "tension", "2024-03"),
            gev("NER", "USA", "base_access", "2024-03", alt=("tension",))]
    extracted = [ev("RUS", "NER", "cooperation", "2024-04"), ev("NER", "USA", "tension", "2024-03-20"),
                 ev("NER", "USA", "coup", "2024-03")]
    s = score(gold_of(a1=gold), {"a1": extracted})
    got = {c: (t.tp, t.fp, t.fn) for c, t in s.by_category.items()}
    # the tension extraction could fill either slot; the primary category wins the tie;
    # the false positive is counted under the extracted category
    assert got == {
        "cooperation": (1, 0, 0), "tension": (1, 0, 0), "coup": (0, 1, 0), "base_access": (0, 0, 1),
    }
    assert s.by_category["cooperation"].precision == 1.0
    assert s.by_category["coup"].precision == 0.0 and s.by_category["coup"].recall == 0.0


def test_by_category_credits_alt_matches_to_the_gold_category() -> None:
    s = score(gold_of(a1=[gev("NER", "USA", "base_access", "2024-03", alt=("tension",))]),
              {"a1": [ev("NER", "USA", "tension", "2024-03")]})
    assert (s.by_category["base_access"].tp, s.by_category["tension"].tp) == (1, 0)


def test_confidence_bands() -> None:
    gold = [gev("NER", "USA", "tension", "2024-03"), gev("RUS", "NER", "cooperation", "2024-04"),
            gev("NER", "USA", "cooperation", optional=True), gev("NER", "NER", "coup", "2023")]
    extracted = [
        ev("NER", "USA", "tension", "2024-03", confidence=0.5),  # core hit, band 2 (0.5 is its low edge)
        ev("NER", "MLI", "tension", "2024-03", confidence=0.3),  # false positive, band 1
        ev("NER", "USA", "cooperation", "2019", confidence=0.75),  # optional hit, band 3
        ev("RUS", "NER", "cooperation", "2024-04", confidence=0.85),  # core hit, band 4
        ev("NER", "NER", "coup", "2023", confidence=1.0),  # core hit, band 4
        ev("NER", "BFA", "tension", "2024-03", confidence=0.9),  # false positive, band 4
    ]
    s = score(gold_of(a1=gold), {"a1": extracted})
    assert [(b.low, b.high, b.n, b.correct) for b in s.bands] == [
        (0.0, 0.5, 1, 0), (0.5, 0.7, 1, 1), (0.7, 0.85, 1, 1), (0.85, 1.0, 3, 2)]
    assert [round(b.precision, 3) for b in s.bands] == [0.0, 1.0, 1.0, 0.667]


def test_zero_denominators_are_zero() -> None:
    s = score(gold_of(a1=[]), {})
    assert (s.precision, s.recall, s.f1, s.day_accuracy) == (0.0, 0.0, 0.0, 0.0)
    assert (s.undated.precision, s.bands[0].precision) == (0.0, 0.0)
    s = score(gold_of(a1=[gev("NER", "USA", "tension", "2024-03")]), {})
    assert (s.precision, s.recall, s.f1, s.fn) == (0.0, 0.0, 0.0, 1)


def test_errors_list_false_positives_and_negatives() -> None:
    gold = [gev("NER", "USA", "tension", "2024-03", note="US pressure"), gev("NER", "NER", "coup", "2023")]
    extracted = [ev("USA", "NER", "tension", "2024-05", sentence="Tensions rose in May.", trigger="rose",
                    confidence=0.7), ev("NER", "NER", "coup", "2023-07-26")]
    s = score(gold_of(a1=gold), {"a1": extracted})
    fp, fn = s.errors
    assert (fp.kind, fp.article, fp.category, fp.pair, fp.date) == (
        "fp", "a1", "tension", ("NER", "USA"), "2024-05")
    assert (fp.sentence, fp.trigger, fp.status, fp.confidence) == (
        "Tensions rose in May.", "rose", "asserted", 0.7)
    assert fp.hint is not None and "2024-03" in fp.hint
    assert (fn.kind, fn.category, fn.pair, fn.date, fn.note) == ("fn", "tension", ("NER", "USA"), "2024-03",
                                                                  "US pressure")
    text = format_score(s, errors=True)
    assert "false positives (1)" in text and "false negatives (1)" in text
    assert '"Tensions rose in May."' in text and 'trigger "rose"' in text and "note: US pressure" in text
    assert "Tensions rose" not in format_score(s)


# ------------------------------------------------------------------------------------ the seed file

def seed_extraction() -> list[Event]:
    """What a good extractor finds in the seed article, plus one false positive."""
    return [
        ev("RUS", "NER", "cooperation", "2024-04-10", confidence=0.9),
        ev("NER", "USA", "tension", "2024-04", confidence=0.8),
        ev("NER", "NER", "coup", "2023", confidence=0.8),
        ev("NER", "USA", "base_access", "2024-03-16", confidence=0.7),  # the revoked access
        ev("USA", "NER", "tension", "2024-03", confidence=0.7),  # the pressure
        ev("NER", "RUS", "cooperation", "2024-03", confidence=0.9),
        ev("NER", "IRN", "cooperation", "2024-03", confidence=0.4, sentence="Niger and Iran ...",
           trigger="partner"),
        ev("NER", "USA", "cooperation", confidence=0.6),  # the old alliance: optional
        ev("USA", "NER", "base_access", "2024-05", status="planned"),
    ]


def test_load_seed() -> None:
    gold = load_gold(SEED)
    assert gold.path == SEED
    [article] = gold.articles
    assert article.id == "seed-niger-russia-trainers"
    assert article.file == SEED.parent / "articles" / "seed-niger-russia-trainers.txt"
    assert article.file.is_absolute() and article.file.is_file()
    assert article.published == date(2024, 4, 12)
    assert len(article.events) == 8
    assert sum(e.optional for e in article.events) == 2
    assert [e.alt for e in article.events if e.alt] == [["tension"]]
    assert article.events[0].type == "military_training" and article.events[2].date == "2023"


def test_score_and_format_seed() -> None:
    s = score(load_gold(SEED), {"seed-niger-russia-trainers": seed_extraction()})
    assert (s.tp, s.fp, s.fn, s.extracted, s.matched_optional) == (6, 1, 0, 8, 1)
    assert (round(s.precision, 3), s.recall, round(s.f1, 3)) == (0.857, 1.0, 0.923)
    assert (s.day_correct, s.day_n) == (1, 1)
    text = format_score(s)
    lines = text.splitlines()
    assert lines[0].startswith("articles 1   gold events 6 (+2 optional)   extracted 8")
    header = next(line for line in lines if "precision" in line)
    assert "recall" in header and "F1" in header and "tp" in header
    dated = next(line for line in lines if line.startswith("dated"))
    assert dated.split() == ["dated", "0.857", "1.000", "0.923", "6", "1", "0"]
    # a clean table: the numbers line up under their headers
    assert header.index("F1") + 2 == dated.index("0.923") + 5
    assert "day-exact dates: 1/1 (1.000)" in text
    assert "  base_access" in text and "[0.85, 1.00]" in text
    assert "Niger and Iran" in format_score(s, errors=True)


def test_score_to_dict_is_json() -> None:
    s = score(load_gold(SEED), {"seed-niger-russia-trainers": seed_extraction()})
    data = json.loads(json.dumps(score_to_dict(s)))
    assert (data["tp"], data["fp"], data["fn"], data["articles"]) == (6, 1, 0, 1)
    assert round(data["f1"], 3) == 0.923 and data["undated"]["recall"] == 1.0
    assert data["day_accuracy"] == 1.0 and data["day_n"] == 1
    assert set(data["by_category"]) == {"cooperation", "tension", "coup", "base_access"}
    assert [b["n"] for b in data["bands"]] == [1, 1, 4, 2]
    assert data["errors"][0]["pair"] == ["IRN", "NER"] and data["errors"][0]["kind"] == "fp"


# ----------------------------------------------------------------------------------- malformed gold

EVENT = '{"source": "NER", "target": "USA", "category": "tension", "date": "2024-03"}'


def write_gold(folder: Path, events: list[str], article_extra: str = "") -> Path:
    """A gold file whose events start on line 4, one a line."""
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "articles" / "a.txt").write_text("Text.")
    lines = [
        '{"articles": [',
        f'  {{"id": "a1", "file": "articles/a.txt", "published": "2024-04-12"{article_extra},',
        '   "events": [',
        *[f"    {e}," for e in events[:-1]],
        *[f"    {e}" for e in events[-1:]],
        "  ]}",
        "]}",
    ]
    path = folder / "gold.json"
    path.write_text("\n".join(lines) + "\n")
    return path


BAD = [
    ("missing comma", [EVENT, EVENT.replace(', "date"', ' "date"')], "", 5, "not valid JSON"),
    ("trailing comma", [EVENT + ","], "", 5, "not valid JSON"),
    ("no category", [EVENT, EVENT.replace('"category": "tension", ', "")], "", 5, 'no "category"'),
    ("no source", [EVENT.replace('"source": "NER", ', "")], "", 4, 'no "source"'),
    ("no date", [EVENT.replace(', "date": "2024-03"', "")], "", 4, 'no "date"'),
    ("misspelt category", [EVENT, EVENT, EVENT.replace('"tension"', '"tensions"')], "", 6,
     'did you mean "tension"?'),
    ("unknown category", [EVENT.replace('"tension"', '"war"')], "", 4, "tension, coup, base_access"),
    ("bad alt", [EVENT.replace('"date"', '"alt": ["war"], "date"')], "", 4, "not a list of categories"),
    ("month 13", [EVENT.replace("2024-03", "2024-13")], "", 4, 'date "2024-13" is not a date'),
    ("slashes", [EVENT.replace("2024-03", "2024/03/01")], "", 4, "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("words", [EVENT.replace("2024-03", "March 2024")], "", 4, "YYYY, YYYY-MM or YYYY-MM-DD"),
    ("31 April", [EVENT.replace("2024-03", "2024-04-31")], "", 4, "is not a date"),
    ("number", [EVENT.replace('"2024-03"', "2024")], "", 4, "is not a date"),
    ("lower-case code", [EVENT.replace('"NER"', '"ner"')], "", 4, '("NER"?)'),
    ("optional not boolean", [EVENT.replace('"date"', '"optional": "yes", "date"')], "", 4, "not a boolean"),
    ("misspelt key", [EVENT.replace('"date"', '"optinal": true, "date"')], "", 4, 'did you mean "optional"?'),
    ("bad published", [EVENT], ', "published": "April 12"', 2, 'published "April 12" is not a date'),
    ("event not an object", ['"NER-USA"'], "", 3, "is not an object"),
]


@pytest.mark.parametrize(("events", "article_extra", "line", "message"), [c[1:] for c in BAD],
                         ids=[c[0] for c in BAD])
def test_load_gold_errors(
    tmp_path: Path, events: list[str], article_extra: str, line: int, message: str
) -> None:
    path = write_gold(tmp_path, events, article_extra)
    with pytest.raises(EvalError) as info:
        load_gold(path)
    text = str(info.value)
    assert text.startswith(f"{path} line {line}: "), text
    assert message in text
    assert "; " in text  # what failed; what to do


def test_load_gold_missing_article_file(tmp_path: Path) -> None:
    path = write_gold(tmp_path, [EVENT])
    path.write_text(path.read_text().replace("articles/a.txt", "articles/x.txt"))
    with pytest.raises(EvalError, match=r"gold.json line 2: article file articles/x.txt not found; "):
        load_gold(path)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("", 1, "not valid JSON"),
    ('["a1"]', 1, "not a JSON object"),
    ('{"articles": {}}', 1, 'no "articles" list'),
    ('{\n"articles": [\n {"id": "a1", "file": "articles/a.txt", "events": []},\n'
     ' {"id": "a1", "file": "articles/a.txt", "events": []}\n]}', 4,
     'article id "a1" is used twice (also line 3)'),
    ('{"articles": [\n  {"id": "a1",\n   "file": "articles/a.txt"}]}', 2, 'no "events" list'),
    ('{"articles": [\n  {"id": "a1",\n   "file": "articles/a.txt", "published": "12/04/2024",\n'
     '   "events": []}]}', 3, 'published "12/04/2024" is not a date'),
    ('{"articles": [\n  {"file": "articles/a.txt", "events": []}]}', 2, 'article has no "id"'),
    ('{"articles": [\n  {"id": "a1", "file": "articles/a.txt",\n   "evnts": []}]}', 3,
     'did you mean "events"?'),
])
def test_load_gold_file_level_errors(tmp_path: Path, text: str, line: int, message: str) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Text.")
    (tmp_path / "gold.json").write_text(text)
    with pytest.raises(EvalError) as info:
        load_gold(tmp_path / "gold.json")
    assert str(info.value).startswith(f"{tmp_path / 'gold.json'} line {line}: ")
    assert message in str(info.value)


def test_load_gold_missing_gold_file(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="gold file not found"):
        load_gold(tmp_path / "nope.json")


def test_load_gold_ignores_extra_fields(tmp_path: Path) -> None:
    extra = EVENT.replace('"date"', '"sentence": "...", "dates": "x", "date"')
    events = [extra, EVENT.replace("2024-03", "2024-03-16")]
    path = write_gold(tmp_path, events, ', "split": "dev", "note": "n"')
    [article] = load_gold(path).articles
    assert [e.date for e in article.events] == ["2024-03", "2024-03-16"]
    assert article.file == (tmp_path / "articles" / "a.txt").resolve()


def test_gold_event_model_checks_dates_and_categories() -> None:
    with pytest.raises(ValidationError):
        GoldEvent(source="NER", target="USA", category="tension", date="2024-3")
    with pytest.raises(ValidationError):
        GoldEvent(source="NER", target="USA", category="war")
    assert GoldEvent(source="USA", target="NER", category="coup").pair == ("NER", "USA")
