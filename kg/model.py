"""The values kg passes around (pydantic) and the namespaces of its graph.

Base IRI: ``https://w3id.org/kg/``. Everything kg mints lives under it:

    https://w3id.org/kg/ontology#        classes and properties          (prefix kg:)
    https://w3id.org/kg/type/            SKOS event categories and types (prefix kgt:)
    https://w3id.org/kg/actor/NER        a state; .../NER/military, .../NER/government
    https://w3id.org/kg/actor/leader/…   a leader; .../org/ECOWAS, .../group/WAGNER
    https://w3id.org/kg/article/ID       an article (schema:NewsArticle)
    https://w3id.org/kg/event/ID/N       the N-th event extracted from an article
    https://w3id.org/kg/dyad/NER-USA     an unordered pair of state-level codes
    https://w3id.org/kg/graph/…          named graphs: article/ID, actors, ontology
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rdflib import Namespace, URIRef


class Vocabulary(Namespace):
    """An rdflib Namespace whose terms are built once: rdflib builds and checks a new URIRef on every
    ``KG.dyad``, about 2 µs, and consolidating 10k events asks for about a million of them."""

    @lru_cache(maxsize=1 << 16)  # noqa: B019 (the namespaces live as long as the process)
    def term(self, name: str) -> URIRef:
        return super().term(name)


BASE = "https://w3id.org/kg/"
KG = Vocabulary(BASE + "ontology#")
KGT = Vocabulary(BASE + "type/")
ACTOR = Vocabulary(BASE + "actor/")
ARTICLE = Vocabulary(BASE + "article/")
EVENT = Vocabulary(BASE + "event/")
DYAD = Vocabulary(BASE + "dyad/")
GRAPH = Vocabulary(BASE + "graph/")
SCHEMA = Vocabulary("https://schema.org/")
PROV = Vocabulary("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")

EXTRACTOR_VERSION = "kg-extract/0.7.0"  # bump when extraction changes: kg ingest re-extracts stored articles

Category = Literal["cooperation", "tension", "coup", "base_access"]
CATEGORIES: tuple[str, ...] = ("cooperation", "tension", "coup", "base_access")
Status = Literal["asserted", "negated", "hypothetical", "planned"]
STATUSES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "planned")
Kind = Literal["state", "military", "government", "leader", "organisation", "group"]
KINDS: tuple[str, ...] = ("state", "military", "government", "leader", "organisation", "group")
Precision = Literal["day", "month", "year", "unknown"]

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(_Value):
    """One news article, its text already cleaned of page furniture."""

    id: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    path: str | None = None


class Tenure(_Value):
    """A dated office: a leader counts as ``country`` between ``start`` and ``end``."""

    country: str
    role: str = "other"
    title: str | None = None
    start: date | None = None
    end: date | None = None

    def covers(self, on: date | None) -> bool:
        if on is None:
            return True
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


class Actor(_Value):
    """An entry of the gazetteer: a state, its military or government, a leader, an organisation, a group."""

    id: str  # path under ACTOR: "NER", "NER/military", "leader/mohamed-bazoum", "org/ECOWAS"
    label: str
    kind: Kind
    country: str | None = None  # state-level code it counts as (None for leaders: see tenures)
    qid: str | None = None
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    tenures: tuple[Tenure, ...] = ()
    members: tuple[str, ...] = ()

    def country_on(self, on: date | None) -> str | None:
        """The state-level code this actor counts as on a date (a leader: the office held then)."""
        if self.kind != "leader":
            return self.country
        held = [t for t in self.tenures if t.covers(on)]
        if held:
            return held[0].country
        return self.tenures[-1].country if self.tenures and on is None else None


class EventDate(_Value):
    """When an event happened: ``value`` is YYYY, YYYY-MM or YYYY-MM-DD, or None when unknown."""

    value: str | None = None
    precision: Precision = "unknown"
    text: str | None = None  # the words the date came from
    end: str | None = None  # the last day/month/year of a range, same format as value

    def model_post_init(self, __context: object) -> None:
        for v in (self.value, self.end):
            if v is not None and not DATE_RE.match(v):
                raise ValueError(f"date {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        expected = {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(self.value) if self.value else None]
        if expected != self.precision:
            raise ValueError(f"date {self.value!r} has precision {expected}, not {self.precision}")

    @property
    def known(self) -> bool:
        return self.value is not None

    def bounds(self) -> tuple[date, date] | None:
        """First and last day the date (or range) covers."""
        if self.value is None:
            return None
        return first_day(self.value), last_day(self.end or self.value)


def first_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_day(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    year, month = parts
    if month == 12:  # not via 1 January of the next year, which does not exist after 9999
        return date(year, 12, 31)
    return date.fromordinal(date(year, month + 1, 1).toordinal() - 1)


class Participant(_Value):
    """One side of an event: the gazetteer actor and the words that named it."""

    id: str
    label: str
    kind: Kind
    country: str


class Evidence(_Value):
    """Where an event was read: the sentence, its offsets in the article text, the trigger."""

    sentence: str
    char_start: int = Field(ge=0)
    char_end: int = Field(ge=0)
    trigger: str
    filled: str | None = None  # how a side the sentence leaves unsaid was supplied, for the analyst


def inferred(filled: str | None) -> str:
    """How the sides an event's sentence leaves unsaid are shown after it: " (inferred target: Niger, …)"."""
    return f" (inferred {filled})" if filled else ""


class Event(_Value):
    """An event between two actors, as extracted from one article."""

    article: str
    event: str  # id, unique within the store: "<article>/<n>"
    category: Category
    type: str
    source: Participant
    target: Participant
    date: EventDate = EventDate()
    status: Status = "asserted"
    confidence: float = Field(ge=0.0, le=1.0, default=0.5)
    evidence: Evidence

    def to_record(self) -> dict:
        """The ``kg extract`` JSON Lines record (DESIGN.md)."""
        return {
            "article": self.article,
            "event": self.event,
            "category": self.category,
            "type": self.type,
            "source": self.source.model_dump(),
            "target": self.target.model_dump(),
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_text": self.date.text,
            "status": self.status,
            "confidence": round(self.confidence, 3),
            "sentence": self.evidence.sentence,
            "char_start": self.evidence.char_start,
            "char_end": self.evidence.char_end,
            "trigger": self.evidence.trigger,
            "filled": self.evidence.filled,
        }


def dyad_key(a: str, b: str) -> str:
    """The unordered pair of state-level codes, as used in dyad IRIs: ``NER-USA``."""
    return "-".join(sorted((a, b)))
