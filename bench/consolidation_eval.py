"""Consolidation with the real extractor: how many events the multi-outlet corpus becomes.

    python -m bench.consolidation_eval            # ingest into a temporary store, print the report
    python -m bench.consolidation_eval --brief    # the counts only
    python -m bench.consolidation_eval --corpus data/eval/consolidation-b   # the held-out corpus

Ingests data/eval/consolidation/articles (28 articles, 22 real events in expected.json) with
the real extractor into a temporary store, consolidates, and maps each consolidated event to
the expected.json event its mentions report (same unordered pair, a category the gold accepts
for it, a date within tolerance, the acting side for events marked ``distinct_from``) or to
"FP" (or to "optional" when it is an undated optional event of the gold). Prints the consolidated
events, the real events matched, the real events split over
more than one consolidated event, the consolidated events that mix real events, and the false
positives, each with its mentions' sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "eval" / "consolidation"


def accepted_categories(expected: list[dict], gold: dict) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each real event's category and the ``alt`` categories its gold mentions allow; the types they give."""
    from kg.model import dyad_key

    found = {e["key"]: {e["category"]} for e in expected}
    types: dict[str, set[str]] = {e["key"]: set() for e in expected}
    for article in gold["articles"]:
        for g in article["events"]:
            for e in expected:
                if (
                    dyad_key(g["source"], g["target"]) == dyad_key(*e["pair"])
                    and g["category"] == e["category"]
                    and article["id"] in e["articles"]
                    and g["date"]
                    and not g.get("optional")  # an optional event beside a real one is not a report of it
                    and dates_agree(g["date"], e["date"])
                ):
                    found[e["key"]] |= set(g.get("alt", []))
                    types[e["key"]].add(g["type"])
    return found, types


def dates_agree(value: str, real: str, *, days: int = 1, end: str | None = None) -> bool:
    """Two dates at their common precision (a month at most); two days at most ``days`` apart. A range
    (``value`` to ``end``, "in the spring") agrees with a date inside it."""
    if end is not None:
        common = min(len(value), len(real), 7)
        return value[:common] <= real[:common] <= end[:common]
    if len(value) == 10 and len(real) == 10:
        return abs((date.fromisoformat(value) - date.fromisoformat(real)).days) <= days
    common = min(len(value), len(real), 7)
    return value[:common] == real[:common]


@dataclass(frozen=True)
class Scheme:
    """What a mention is checked against: the real events, their categories and types, the optional gold."""

    expected: list[dict]
    categories: dict[str, set[str]]
    types: dict[str, set[str]]
    optional: dict[str, list[dict]]  # article id -> its optional gold events

    @classmethod
    def load(cls, corpus: Path = CORPUS) -> Scheme:
        expected = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))["events"]
        gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
        categories, types = accepted_categories(expected, gold)
        optional = {a["id"]: [g for g in a["events"] if g.get("optional")] for a in gold["articles"]}
        return cls(expected, categories, types, optional)


def real_events_of(m, scheme: Scheme) -> list[str]:
    """The expected.json keys an extracted mention can report (a compatible type preferred), else
    ["optional"] when it is an optional gold event of its article, else the keys of a mistyped report."""
    from kg.consolidate import types_compatible
    from kg.model import dyad_key

    keys = _candidates(m, scheme, dated=True)
    if not m.stated and not any(_typed(m, k, scheme) for k in keys):
        # a date the extractor only inferred from context is no evidence against the article's own events
        keys = keys + [k for k in _candidates(m, scheme, dated=False) if k not in keys]
    typed = [k for k in keys if _typed(m, k, scheme)]
    if typed:
        return typed
    own = [k for k in keys if m.category == next(e for e in scheme.expected if e["key"] == k)["category"]]
    keys = own or keys  # an event of the mention's own category before one that only allows it as an alt
    if any(
        dyad_key(g["source"], g["target"]) == m.dyad
        and m.category in [g["category"], *g.get("alt", [])]
        and types_compatible(m.type, g["type"])
        for g in scheme.optional.get(m.article, [])
    ):
        return ["optional"]
    return keys


def _candidates(m, scheme: Scheme, *, dated: bool) -> list[str]:
    """The real events of the mention's pair and category at its date (or, undated, in its article)."""
    from kg.model import dyad_key

    keys = []
    for e in scheme.expected:
        if (
            dyad_key(m.source, m.target) != dyad_key(*e["pair"])
            or m.category not in scheme.categories[e["key"]]
        ):
            continue
        if e.get("distinct_from") and m.source != e["source"]:
            continue
        if dated and m.date.known:
            if not dates_agree(m.date.value, e["date"], end=m.date.end):
                continue
        elif m.article not in e["articles"] + e.get("undated_mentions", []):
            continue
        keys.append(e["key"])
    return keys


def _typed(m, key: str, scheme: Scheme) -> bool:
    """Whether a mention's type fits a real event (any type fits one the gold gives no type for: its only
    gold mentions are optional, e.g. background "has served since 2019 as a hub for drones")."""
    from kg.consolidate import types_compatible

    return not scheme.types[key] or any(types_compatible(m.type, t) for t in scheme.types[key])


def key_of(event, scheme: Scheme) -> tuple[str, Counter]:
    """The real event a consolidated event is (the one most of its mentions report), "optional" or "FP"."""
    votes: Counter = Counter()
    for m in event.mentions:
        keys = real_events_of(m, scheme)
        for k in keys:
            votes[k] += 1 / len(keys)
    if not votes:
        return "FP", votes
    best = max(votes.values())
    winners = sorted(k for k, v in votes.items() if v == best)
    # a tie: the real event whose articles hold the mentions
    articles = {m.article for m in event.mentions}
    by_article = {e["key"]: len(articles & set(e["articles"])) for e in scheme.expected}
    return max(winners, key=lambda k: (by_article.get(k, -1), k)), votes


def consolidated_events(store: Path, corpus: Path = CORPUS):
    """Ingest the corpus into ``store`` with the real extractor; every consolidated event there."""
    from kg.consolidate import consolidate, read_corrections, read_dyads_mentions, stored_dyads
    from kg.load import ingest_paths
    from kg.store import KnowledgeGraph

    with KnowledgeGraph.open(store) as kg:
        report = ingest_paths(kg, [corpus / "articles"])
        corrections = read_corrections(kg)
        by_dyad = read_dyads_mentions(kg, sorted(stored_dyads(kg)))
        events = [e for d in sorted(by_dyad) for e in consolidate(by_dyad[d], corrections)]
        mentions = [m for d in sorted(by_dyad) for m in by_dyad[d]]
    return report, events, mentions


def describe(event) -> str:
    return (
        f"{event.type} {event.source}→{event.target} {event.date.value or 'undated'} "
        f"({len(event.mentions)} mentions, {event.source_count} outlets)"
    )


def mention_lines(event) -> list[str]:
    return [
        f"      {m.article[:2]} {m.type} {m.source}→{m.target} {m.date.value or '-'}"
        f" [{m.date.text or ''}] «{m.sentence.strip()[:160]}»"
        for m in event.mentions
    ]


def evaluate(events, scheme: Scheme) -> dict:
    """Consolidated events by the real event they are; splits, mixtures, optional events, false positives."""
    by_key: dict[str, list] = defaultdict(list)
    mixed = []
    for ce in events:
        key, votes = key_of(ce, scheme)
        by_key[key].append(ce)
        if _mixes(ce, scheme):
            mixed.append((ce, votes))
    real = [k for k in by_key if k not in ("FP", "optional")]
    expected = {e["key"]: set(e["articles"]) for e in scheme.expected}
    listed = {k: {m.article for ce in by_key[k] for m in ce.mentions} & expected[k] for k in real}
    return {
        "by_key": by_key,
        # of the matched real events' reporting articles (expected.json), those among their mentions
        "sources": (sum(len(v) for v in listed.values()), sum(len(expected[k]) for k in real)),
        "matched": sorted(real),
        "unread": {k: expected[k] - listed[k] for k in real},
        "split": sorted(k for k in real if len(by_key[k]) > 1),
        "missing": sorted(e["key"] for e in scheme.expected if e["key"] not in by_key),
        "mixed": mixed,
        "optional": by_key.get("optional", []),
        "fp": by_key.get("FP", []),
    }


def _mixes(ce, scheme: Scheme) -> bool:
    """Whether two mentions of one consolidated event report different real events (not just ambiguously)."""
    sets = [set(real_events_of(m, scheme)) for m in ce.mentions]
    sets = [s for s in sets if s and s != {"optional"}]
    return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1 :])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--brief", action="store_true", help="print the counts only")
    parser.add_argument("--store", type=Path, help="store directory (default: a temporary one)")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="folder with articles/, gold.json, expected.json"
    )
    args = parser.parse_args(argv)
    scheme = Scheme.load(args.corpus)
    expected = scheme.expected
    with tempfile.TemporaryDirectory() as tmp:
        report, events, mentions = consolidated_events(args.store or Path(tmp) / "store", args.corpus)
    result = evaluate(events, scheme)
    asserted = sum(1 for m in mentions if m.status == "asserted")
    counts = {
        "mentions": len(mentions),
        "asserted_mentions": asserted,
        "consolidated": len(events),
        "real": len(expected),
        "matched": len(result["matched"]),
        "split": len(result["split"]),
        "extra_from_splits": sum(len(result["by_key"][k]) - 1 for k in result["split"]),
        "missing": len(result["missing"]),
        "mixed": len(result["mixed"]),
        "optional": len(result["optional"]),
        "fp": len(result["fp"]),
        "sources_listed": result["sources"][0],
        "sources_expected": result["sources"][1],
    }
    if args.json:
        print(json.dumps(counts))
        return 0
    print(
        f"{counts['asserted_mentions']} asserted mentions ({counts['mentions']} stored) → "
        f"{counts['consolidated']} consolidated events for {counts['real']} real ones: "
        f"{counts['matched']} matched, {counts['split']} split (+{counts['extra_from_splits']}), "
        f"{counts['missing']} missing, {counts['mixed']} mixed, "
        f"{counts['optional']} optional gold events, {counts['fp']} FP; the matched events list "
        f"{counts['sources_listed']} of their {counts['sources_expected']} reporting articles"
    )
    if args.brief:
        return 0
    targets = {e["key"] for e in expected if not e.get("background")}
    print("\nreal events")
    for e in expected:
        ces = result["by_key"].get(e["key"], [])
        mark = "target" if e["key"] in targets else "backgr"
        print(f"  [{mark}] {e['key']:38} {e['date']:10} → {len(ces)} consolidated")
        if len(ces) > 1:
            for ce in ces:
                print(f"    {describe(ce)}")
                print("\n".join(mention_lines(ce)))
    unread = [(k, sorted(arts)) for k, arts in result["unread"].items() if arts]
    print(f"\nreporting articles not among a matched event's sources: {sum(len(a) for _, a in unread)}")
    for key, arts in unread:
        print(f"  {key}: {', '.join(arts)}")
    for title, items in (("split real events", result["split"]), ("missing real events", result["missing"])):
        print(f"\n{title}: {', '.join(items) or 'none'}")
    print(f"\nconsolidated events mixing real events: {len(result['mixed'])}")
    for ce, votes in result["mixed"]:
        print(f"  {describe(ce)} {dict(votes)}")
        print("\n".join(mention_lines(ce)))
    for title, items in (("optional gold events", result["optional"]), ("false positives", result["fp"])):
        print(f"\n{title}: {len(items)}")
        for ce in items:
            print(f"  {describe(ce)}")
            print("\n".join(mention_lines(ce)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
