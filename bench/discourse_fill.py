"""Which discourse filler would give the side a clause leaves unsaid? A measurement, not a feature.

    python -m bench.discourse_fill data/eval/dev-{a,b,c,d,e}.gold.json [--named 0|1|2] [--cue C] [-v]

Runs the extractor with `_pairs` wrapped: where it returns no pair for a two-sided event (`--named 1`: the
clause names one side, which is the story's main state, so the extractor's own filler gives nothing;
`--named 0`: the clause names no side; `--named 2`: one side named and the extractor filled the other with
the story's main state, which the filler replaces), each candidate filler proposes the missing side(s)
and the event is built as usual. Per filler it prints P/R/F1, the gold events gained and the new false
positives (`-v` lists them). `--cue` fills only triggers of one shape (`definite`: "the call", "their
summit"; `their`; `noun`).

Fillers: `previous` the other side of the last event told in the previous sentence; `last` the same from
any earlier sentence; `-type`/`-category` suffixes: only an event of the same type/category; `dateline`
the state of the dateline ("NIAMEY -"); `ranked` the article's most named state not already a side;
`paragraph` the state named last earlier in the paragraph; `oracle` every completion with the article's
states (what any filler could reach).

Measured on dev a..e at 6e86131 (P 0.933 R 0.777 F1 0.848, tp 307 fp 22, 88 misses), tp/fp change:
  --named 1 (one side unsaid):  oracle +16/+176; previous +4/+12, last +5/+17, dateline +1/+8,
                                ranked +9/+28, paragraph +2/+7, last-type +1/+3 -- all lower F1
  --named 2 (replace the main-state filler): previous +0/+1, last -1/+2, paragraph -3/+4,
                                dateline -6/+10, same-type fillers +0/+0 -- none helps
  --named 0 (no side named):    oracle +25/+1359; previous +7/+54, ranked +14/+67, paragraph +0/+11,
                                previous-type +1/+0, last-type +4/+5
  --named 0 --cue definite:     last-type +3/+1 (F1 0.852), last-category +4/+6, last +3/+12
  --named 0 --cue their:        last-type +2/+0 (F1 0.851)
Of the 88 misses, at most 16 (one side named) and 26 (none named) could be reached by filling sides at
all; the rest are not triggered or are dropped for status, date or confidence. The extractor keeps
`--named 0 --cue definite` with `last-type`, antecedents asserted only (kg.nlp.extract._refers_back):
dev F1 0.848 -> 0.853, test a..e unchanged (0.518, P 0.595).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.actors import ActorIndex
from kg.evaluate import load_gold, score
from kg.ingest import read_article
from kg.nlp import extract as x

FILLERS = ("previous", "last", "dateline", "ranked", "paragraph")


@dataclass
class Story:
    """What the wrapped extractor knows about the article so far."""

    sent_start: int = -1
    # (sentence start, sentence end, pair, type, category) of each event told so far
    told: list[tuple[int, int, tuple[str, str], str, str]] = field(default_factory=list)


def _states_before(trigger, sent, index: ActorIndex, paragraph: bool) -> list[str]:
    doc = trigger.doc
    out = []
    for ent in doc.ents:
        if ent.end > sent.start:
            break
        if ent.label_ != "KG" or (paragraph and not x._same_paragraph(ent[0], sent)):
            continue
        actor = next(iter(index.candidates(ent.text)), None)
        if actor is not None and actor.kind in ("state", "government", "military") and actor.country:
            out.append(actor.country)
    return out


def _dateline_state(doc, index: ActorIndex) -> str | None:
    for ent in doc.ents:
        if ent.label_ == "KG" and x._dateline(ent):
            actor = next(iter(index.candidates(ent.text)), None)
            if actor is not None and actor.country:
                return actor.country
    return None


def filler(name: str, story: Story) -> Callable:
    def fill(trigger, sent, named: set[str], focus, index: ActorIndex, entry) -> list[str]:
        """The missing side(s): one state when `named` has one, two when it is empty."""
        need = 2 - len(named)
        if name.startswith(("previous", "last")):
            earlier = [t for t in story.told if t[1] <= sent.start]
            if name.endswith("-type"):
                earlier = [t for t in earlier if t[3] == entry.type]
            if name.endswith("-category"):
                earlier = [t for t in earlier if t[4] == entry.category]
            if name.startswith("previous"):
                earlier = [t for t in earlier if t[1] == sent.start or t[0] == story.prev_start(sent)]
            if not earlier:
                return []
            pair = earlier[-1][2]
            if not named:
                return list(pair)
            (side,) = named
            return [pair[1]] if pair[0] == side else [pair[0]] if pair[1] == side else []
        if name == "dateline":
            found = _dateline_state(trigger.doc, index)
            return [found] if found and found not in named and need == 1 else []
        if name == "ranked":
            pool = list(focus.ranked)
        else:
            pool = list(reversed(_states_before(trigger, sent, index, paragraph=True)))
        pool = [c for c in dict.fromkeys(pool) if c not in named and c in index.actors]
        return pool[:need]

    return fill


def _their(trigger) -> bool:
    """ "Their previous call", "their first summit": a plural possessive on the event noun."""
    return trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ == "their" for c in trigger.children)


CUES = {
    "none": lambda t: True,
    "their": _their,
    "definite": x._refers_back,
    "noun": lambda t: t.pos_ == "NOUN",
}


def run(
    extractor: x.Extractor, gold_set, fill_name: str | None, sides_named: int = 1, cue: str = "none"
) -> dict[str, list]:
    story = Story()
    starts: list[int] = []
    story.prev_start = lambda sent: max((s for s in starts if s < sent.start), default=-2)  # type: ignore[attr-defined]
    plain_pairs, plain_events = x._pairs, x.Extractor._events_at
    fill = filler(fill_name, story) if fill_name and fill_name != "oracle" else None

    def pairs(trigger, entry, subjects, objects, focus, grammatical, index, mentions, previous=None):
        out = plain_pairs(trigger, entry, subjects, objects, focus, grammatical, index, mentions, previous)
        if fill_name is None or entry.category == "coup":
            return out
        named = {m.country for m in subjects + objects}
        if sides_named == 2:  # one side named, the other filled with the story's main state: replace it
            if len(out) != 1 or out[0][1] or len(named) != 1 or fill_name == "oracle":
                return out
        elif out or len(named) != sides_named:
            return out
        if not CUES[cue](trigger):
            return out
        sent = trigger.sent
        if fill_name == "oracle":  # every completion with the article's states: what any filler could reach
            states = [c for c in focus.ranked if c in index.actors][:8]
            sides = [x._focus_mention_of(trigger, c, index) for c in states]
            if named:
                m = (subjects + objects)[0]
                return [((m, o), False) for o in sides if o.country != m.country]
            return [((a, b), False) for a, b in itertools.combinations(sides, 2)]
        found = fill(trigger, sent, named, focus, index, entry)
        if len(found) + len(named) != 2 or len(set(found) | named) != 2:
            return out
        if sides_named == 2 and found[0] in {out[0][0][0].country, out[0][0][1].country}:
            return out
        ms = [m for m in subjects + objects][:1] or [x._focus_mention_of(trigger, found.pop(0), index)]
        other = x._focus_mention_of(trigger, found[0], index)
        a, b = (ms[0], other) if subjects or not objects else (other, ms[0])
        return [((a, b), False)]

    def events_at(self, article, doc, sent, token, *rest):
        if sent.start not in starts:
            starts.append(sent.start)
        out = plain_events(self, article, doc, sent, token, *rest)
        for e in out:
            if e.source.country != e.target.country:
                story.told.append(
                    (sent.start, sent.end, (e.source.country, e.target.country), e.type, e.category)
                )
        return out

    x._pairs, x.Extractor._events_at = pairs, events_at
    try:
        extracted = {}
        for g in gold_set.articles:
            story.told.clear()
            starts.clear()
            article = read_article(g.file, published=g.published, article_id=g.id)
            extracted[article.id] = extractor.extract(article)
    finally:
        x._pairs, x.Extractor._events_at = plain_pairs, plain_events
    return extracted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--fillers", default=",".join(FILLERS))
    parser.add_argument(
        "--named",
        type=int,
        choices=(0, 1, 2),
        default=1,
        help="sides the clause names (2: one, the other filled with the story's main state: replace it)",
    )
    parser.add_argument(
        "--cue", choices=sorted(CUES), default="none", help="fill only triggers with this cue"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list each event gained and lost")
    args = parser.parse_args(argv)
    golds = [load_gold(p) for p in args.gold]
    gold_set = golds[0].model_copy(update={"articles": [a for g in golds for a in g.articles]})
    extractor = x.Extractor.load(ActorIndex.load())
    base = score(gold_set, run(extractor, gold_set, None, args.named))
    print(
        f"plain      P {base.precision:.3f} R {base.recall:.3f} F1 {base.f1:.3f}  tp {base.tp} fp {base.fp}"
    )
    fns = {(m.article, m.pair, m.category, m.date): m for m in base.errors if m.kind == "fn"}
    fps = {m.event for m in base.errors if m.kind == "fp"}
    for name in args.fillers.split(","):
        s = score(gold_set, run(extractor, gold_set, name, args.named, args.cue))
        left = {(m.article, m.pair, m.category, m.date) for m in s.errors if m.kind == "fn"}
        fixed = [m for k, m in fns.items() if k not in left]
        new_fp = [m for m in s.errors if m.kind == "fp" and m.event not in fps]
        print(
            f"{name:10} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}  tp {s.tp:+d} fp {s.fp:+d}  "
            f"misses filled {len(fixed)}, new false positives {len(new_fp)}".replace(
                f"tp {s.tp:+d}", f"tp {s.tp - base.tp:+d}"
            ).replace(f"fp {s.fp:+d}", f"fp {s.fp - base.fp:+d}")
        )
        if args.verbose:
            for m in fixed:
                print(f"    + {m.article} {m.category} {'-'.join(m.pair)} {m.date}: {m.note}")
            for m in new_fp:
                print(
                    f"    - {m.article} {m.type} {'-'.join(m.pair)} {m.date} {m.confidence}: "
                    f'"{(m.sentence or "")[:120]}"'
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
