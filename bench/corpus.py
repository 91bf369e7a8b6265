"""A deterministic synthetic news corpus for benchmarks: JSON Lines of realistic article shapes.

    python -m bench.corpus --articles 10000 --seed 7 -o bench/out/corpus-10k.jsonl

Each article has a headline, a dateline ("NIAMEY, April 12 (Sahel Wire) -"), and 4-12
paragraphs mixing event sentences (actors from the gazetteer in data/actors, triggers from the
lexicon in data/triggers.yaml, relative dates such as "on Wednesday" or "last month") with
filler prose. The same seed gives the same corpus, byte for byte. Also used by bench/run.py
for synthetic events (``synthetic_events``) that skip the NLP, to build large stores fast.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUTLETS = (
    "Sahel Wire",
    "Niamey Ledger",
    "Continental Review",
    "Global Brief",
    "Capital Dispatch",
    "Atlantic Monitor",
    "Gulf Courier",
    "Eastern Herald",
    "Andes Post",
    "Baltic Observer",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
IRREGULAR = {
    "sign": "signed",
    "hold": "held",
    "meet": "met",
    "send": "sent",
    "sell": "sold",
    "bring": "brought",
    "speak": "spoke",
    "give": "gave",
    "take": "took",
    "seize": "seized",
    "lead": "led",
    "make": "made",
    "leave": "left",
    "withdraw": "withdrew",
    "put": "put",
    "cut": "cut",
    "strike": "struck",
    "break": "broke",
    "oust": "ousted",
    "overthrow": "overthrew",
    "ship": "shipped",
    "ink": "inked",
    "seal": "sealed",
    "say": "said",
    "pull": "pulled",
    "begin": "began",
    "tell": "told",
    "win": "won",
    "expel": "expelled",
    "ban": "banned",
    "halt": "halted",
    "suspend": "suspended",
    "plan": "planned",
    "shut": "shut",
    "set": "set",
    "freeze": "froze",
    "rebuff": "rebuffed",
    "quit": "quit",
    "fight": "fought",
}
NOUN_ENDINGS = ("ing", "ion", "ment", "al", "ure", "s", "ty", "ship", "cy", "ance", "ence", "ade", "ism")
FUNCTION_WORDS = {
    "with",
    "between",
    "on",
    "against",
    "to",
    "from",
    "of",
    "in",
    "by",
    "for",
    "over",
    "at",
    "sideline",
    "counterpart",
    "bilateral",
    "host",
}
FILLER = (
    "Analysts in the region said the situation remained fluid.",
    "Markets in the capital were calm on the day, traders said.",
    "The statement did not give further details.",
    "Officials declined to comment on the record.",
    "Diplomats said talks would continue in the coming weeks.",
    "The announcement was broadcast on state television in the evening.",
    "Residents described long queues at fuel stations across the city.",
    "Prices of staple foods have risen sharply since the start of the year.",
    "The ministry said more information would be released later.",
    "Opposition figures criticised the decision in posts on social media.",
    "Aid agencies warned that humanitarian needs were growing.",
    "The move was widely expected by observers of the region.",
    "Security was tight around government buildings, witnesses said.",
    "A spokesperson said the government remained committed to dialogue.",
    "Several hundred people gathered in the main square on the day.",
)
QUOTES = (
    "This is a turning point for our country",
    "We will not be dictated to",
    "Our partnership is built on mutual respect",
    "The door to dialogue remains open",
    "We have taken note of the decision",
)


@dataclass(frozen=True)
class Gazetteer:
    states: list[dict]
    leaders: list[dict]
    weights: list[float]


def load_gazetteer() -> Gazetteer:
    states = [
        s
        for s in yaml.safe_load((DATA / "actors" / "states.yaml").read_text(encoding="utf-8"))
        if s.get("demonyms") and s.get("capital")
    ]
    leaders = yaml.safe_load((DATA / "actors" / "leaders.yaml").read_text(encoding="utf-8"))
    leaders = [leader for leader in leaders if leader.get("tenures")]
    # Zipf-like: a few states are in most of the news, as in real corpora (cumulative weights).
    weights, total = [], 0.0
    for rank in range(len(states)):
        total += 1.0 / (rank + 1) ** 0.9
        weights.append(total)
    return Gazetteer(states, leaders, weights)


def load_triggers() -> list[dict]:
    return [
        t for t in yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8")) if t.get("lemmas")
    ]


def past(lemma: str) -> str:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


class Writer:
    """Articles from a seed: ``Writer(seed).article(n)`` is always the same text."""

    def __init__(self, seed: int = 7) -> None:
        self.seed = seed
        self.gazetteer = load_gazetteer()
        self.triggers = load_triggers()
        self.leaders_by_state: dict[str, list[str]] = {}
        for leader in self.gazetteer.leaders:
            for tenure in leader["tenures"]:
                self.leaders_by_state.setdefault(tenure["country"], []).append(leader["name"])

    def _state(self, rng: random.Random, but: dict | None = None) -> dict:
        while True:
            state = rng.choices(self.gazetteer.states, cum_weights=self.gazetteer.weights)[0]
            if state is not but:
                return state

    def _name(self, rng: random.Random, state: dict, subject: bool) -> str:
        roll = rng.random()
        if roll < 0.45:
            return state["name"]
        if roll < 0.6:
            return state["capital"]
        if roll < 0.75 and state.get("military"):
            return "the " + state["military"][0] if subject else state["military"][0]
        if roll < 0.9 and self.leaders_by_state.get(state["code"]):
            return rng.choice(self.leaders_by_state[state["code"]])
        return f"{state['demonyms'][0]} officials"

    def _when(self, rng: random.Random, published: date) -> str:
        roll = rng.random()
        if roll < 0.3:
            return f"on {WEEKDAYS[(published - timedelta(days=rng.randint(1, 6))).weekday()]}"
        if roll < 0.45:
            return "last month"
        if roll < 0.6:
            return f"in {MONTHS[(published.month - 1 - rng.randint(0, 5)) % 12]}"
        if roll < 0.7:
            day = published - timedelta(days=rng.randint(1, 40))
            return f"on {day.day} {MONTHS[day.month - 1]}"
        if roll < 0.8:
            return "last year"
        if roll < 0.9:
            return "earlier this week"
        return ""

    def _event_sentence(self, rng: random.Random, focus: dict, published: date) -> tuple[str, str]:
        trigger = rng.choice(self.triggers)
        other = self._state(rng, but=focus)
        src, tgt = (focus, other) if rng.random() < 0.5 else (other, focus)
        a, b = self._name(rng, src, True), self._name(rng, tgt, False)
        lemma = rng.choice(trigger["lemmas"])
        needs = [w for w in trigger.get("needs", []) if w not in FUNCTION_WORDS and " " not in w]
        need = rng.choice(needs) if needs else ""
        when = self._when(rng, published)
        noun = "NOUN" in trigger.get("pos", []) or " " in lemma or lemma.endswith(NOUN_ENDINGS)
        if noun:
            text = f"The {lemma} between {a} and {b} {('took place ' + when) if when else 'was confirmed'}"
        elif rng.random() < 0.2:
            text = f"{a} could {lemma} {b}"
        else:
            text = f"{a} {past(lemma)} {need + ' ' if need else ''}with {b} {when}".strip()
        if rng.random() < 0.3:
            text += f", {rng.choice(('officials said', 'the ministry said', 'state media reported'))}"
        text = text[0].upper() + text[1:] + "."
        return text, trigger["type"]

    def article(self, n: int) -> dict:
        rng = random.Random(f"{self.seed}:{n}")
        published = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
        focus = self._state(rng)
        outlet = rng.choice(OUTLETS)
        headline_event, _ = self._event_sentence(rng, focus, published)
        headline = headline_event.rstrip(".").split(",")[0]
        paragraphs = []
        for p in range(rng.randint(4, 12)):
            sentences = []
            for _ in range(rng.randint(2, 4)):
                roll = rng.random()
                if roll < 0.45:
                    sentences.append(self._event_sentence(rng, focus, published)[0])
                elif roll < 0.55:
                    speaker = self._name(rng, self._state(rng), True)
                    sentences.append(f"\u201c{rng.choice(QUOTES)},\u201d {speaker} said.")
                else:
                    sentences.append(rng.choice(FILLER))
            text = " ".join(sentences)
            if p == 0:
                dateline = f"{focus['capital'].upper()}, {MONTHS[published.month - 1]} {published.day}"
                text = f"{dateline} ({outlet}) - {text}"
            paragraphs.append(text)
        return {
            "id": f"synth-{self.seed}-{n:06d}",
            "title": headline,
            "published": published.isoformat(),
            "source": outlet,
            "url": f"https://news.example.org/{self.seed}/{n}",
            "text": headline + "\n\n" + "\n\n".join(paragraphs) + "\n",
        }

    def articles(self, count: int, start: int = 0) -> Iterator[dict]:
        for n in range(start, start + count):
            yield self.article(n)


def write_corpus(path: Path, count: int, seed: int = 7) -> Path:
    """Write ``count`` articles as JSON Lines (skipped if the file already holds exactly them)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed)
    with open(path, "w", encoding="utf-8") as out:
        for record in writer.articles(count):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (up to 100000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, default=None, help="JSONL file (default stdout)")
    args = parser.parse_args(argv)
    if not 1 <= args.articles <= 100_000:
        parser.error("--articles must be between 1 and 100000")
    if args.output:
        write_corpus(args.output, args.articles, args.seed)
        print(f"wrote {args.articles} articles to {args.output}", file=sys.stderr)
        return 0
    for record in Writer(args.seed).articles(args.articles):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
