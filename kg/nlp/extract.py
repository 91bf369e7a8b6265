"""From a parsed article to events: actor mentions, triggers, roles, status, dates, confidence.

    extractor = Extractor.load()
    events = extractor.extract(article)

Each step is a small function over a spaCy ``Doc``; the lexicon (data/triggers.yaml) and the
gazetteer (data/actors/) are data. Roles come from the dependency tree: a trigger's own phrase
first, then its clause, never from the order in which names appear.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.actors import ActorIndex, normalise_name
from kg.dates import DateMention, find_dates, in_year_told
from kg.facilities import Facility
from kg.model import Actor, Article, Event, EventDate, Evidence, Participant, dyad_key
from kg.nlp.patterns import GOVERNMENT_NOUNS, MILITARY_NOUNS, Lexicon, Trigger, load_lexicon
from kg.nlp.pipeline import build_nlp

# Demonyms that news writers confuse: "Nigerian" written for "Nigerien" in stories about Niger.
CONFUSED_DEMONYMS = {"nigerian": ("NGA", "NER")}
# Definite descriptions that stand for the state in focus ("the junta", "the country").
COREF_NOUNS = {
    "junta": "government",
    "regime": "government",
    "government": "government",
    "authorities": "government",
    "rulers": "government",
    "council": "government",  # only "the military council" (see MILITARY_ONLY)
    "country": "state",
    "nation": "state",
    "military": "military",
    "army": "military",
}
MILITARY_REFERENCES = {"junta", "rulers", "military", "army", "regime"}
# Government bodies that, unqualified, belong to the state of the story's dateline ("NIAMEY — The foreign
# ministry said"), not to the state the story is most about.
FILED_BODIES = frozenset({"ministry", "presidency"})
MILITARY_ONLY = {"council"}  # "the military council" is the junta; "the council" alone may be any council
# Event types whose other side may sit in the complement clause ("threatened to expel Mali").
COMPLEMENT_TYPES = {"threat"}
SUBJECT_PRONOUNS = {"it", "they", "he", "she", "we"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj", "expl"}
NOUN_SOURCE_DEPS = {"poss", "compound", "amod", "nmod"}
CLAUSE_BREAKS = {"advcl", "relcl", "ccomp", "parataxis", "acl", "pcomp"}
CLAUSE_DEPS = {"advcl", "ccomp", "relcl", "acl", "conj", "xcomp", "pcomp", "parataxis"}
HYPOTHETICAL_AUX = {"could", "may", "might", "would", "should", "can", "must"}
PLANNED_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_HEADS = {
    "threaten",
    "consider",
    "propose",
    "want",
    "wish",
    "hope",
    "hop",  # spaCy's lemma of "hopes" ("Poland hopes to host a permanent base")
    "seek",
    "offer",
    "ask",
    "call",
    "urge",
    "demand",
    "warn",
    "mull",
    "weigh",
    "discuss",
    "debate",
    "try",
    "avoid",
    "push",
    "press",
    "pressure",
    "encourage",
    "invite",
    "refrain",
    "prevent",
    "stop",
    # "was supposed to visit", "is ready to send troops", "willing to host talks"
    "suppose",
    "ready",
    "willing",
    "eager",
    "keen",
    "unlikely",  # "is unlikely to pull its troops out"
    # "accuse Pyongyang of shipping shells": the shipping is alleged, not reported as fact
    "accuse",
    "allege",
    "suspect",
}
PLANNED_HEADS = {
    "plan",
    "intend",
    "expect",
    "aim",
    "prepare",
    "schedule",
    "set",
    "pledge",
    "promise",
    "vow",
    "due",
    "likely",
    "poise",
    "slate",
    "go",
}
DEMANDING_HEADS = {
    "demand", "ask", "tell", "order", "request", "instruct", "give", "force", "compel", "oblige"
}
ORDERING_HEADS = {"order"}  # "ordered the withdrawal of …" (an authority's act; crowds also "demand")
ANNOUNCING_HEADS = {
    "agree",
    "announce",
    "commit",
    "decide",
    "order",
    "accept",
    "approve",
    "confirm",
}
# Whom a coup arrests: "detained the president", "arrested Bazoum" (a name), not "a consular employee"
RULER_NOUNS = frozenset(
    "president premier minister leader government cabinet parliament council head king monarch ruler prime "
    "emir sultan chancellor".split()
)
# A visit told from the host's side: the visitor is the object (or the passive subject)
HOSTING_LEMMAS = {"host", "welcome", "receive", "greet", "roll"}  # "rolled out the red carpet for Lula"
TRAVEL_LEMMAS = {"arrive", "land", "travel"}  # the visitor is the subject: "Xi Jinping arrived in Moscow"
# Happenings that can endanger something but threaten no one: "a move that threatens the presence of …"
HAPPENING_NOUNS = {"move", "decision", "step", "measure", "policy", "crisis", "row", "dispute", "development",
                   "change", "shift", "withdrawal", "departure", "rupture", "escalation", "situation"}
NEGATING_HEADS = {"refuse", "fail", "deny", "reject", "decline", "dismiss", "rule", "foil", "thwart", "avert",
                  "veto", "block", "unwilling", "reluctant", "unable"}
# Nouns whose to-infinitive is not a fact: "its refusal to withdraw", "a threat to expel", "plans to leave".
NEGATING_NOUNS = {"refusal", "failure", "denial", "rejection", "reluctance", "unwillingness"}
HYPOTHETICAL_NOUNS = {"threat", "offer", "proposal", "demand", "request", "bid", "attempt", "call", "push",
                      "talk", "talks", "negotiation"}
PLANNED_NOUNS = {"plan", "intention", "pledge", "promise", "vow"}
REPORTING_NOUNS = {
    "broadcast",
    "statement",
    "report",
    "interview",
    "speech",
    "address",
    "communique",
    "communiqué",
    "briefing",
    "post",
    "tweet",
    "bulletin",
    "conference",
}
TIMELESS_WORDS = {"historically", "traditionally", "long", "decades", "years", "always", "ever"}
# Events less likely than this are dropped: on data/eval/dev this threshold gave the best F1.
MIN_CONFIDENCE = 0.4
FILLED_PENALTY = 0.05  # an event whose sides the sentence does not name, taken from the story before it
SEQUENCE_VERBS = {"come", "follow", "precede"}  # "the visit came days before the invasion": timed by another
# How much a date's source adds to an event's confidence: its own phrase, its clause, tense, context.
DATE_CONFIDENCE = {"own": 0.08, "clause": 0.05, "present": 0.0, "context": -0.03, "none": -0.05}
LIGHT_VERBS = {
    "impose",
    "sign",
    "hold",
    "have",
    "make",
    "reach",
    "conclude",
    "issue",
    "deliver",
    "announce",
    "receive",
    "resist",
    "face",
    "lift",
    "extend",
    "give",
    "pay",
    "host",
    "level",
    "slap",
    "agree",
    "strike",
    "seal",
    "begin",
    "start",
    "complete",
    "finalise",
    "finalize",
    "order",
    "condemn",
    "form",
    "create",
    "establish",
    "found",
    "launch",
    "unveil",
    "forge",
    "express",
    "voice",
    "proclaim",
    # relations and fire worked on by both sides: "deepened defence ties", "exchanged fire", "locked in a
    # standoff"
    "deepen",
    "strengthen",
    "boost",
    "bolster",
    "enhance",
    "expand",
    "upgrade",
    "exchange",
    "trade",
    "lock",
    "stage",
    "stag",  # spaCy lemmatises "staged" as "stag"
    "elevate",
}


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence: its tokens, the noun it hangs from, the actor it denotes."""

    start: int
    end: int
    root: int
    actor: Actor
    country: str
    label: str
    coref: bool = False  # "the country", "the junta": stands for a state the document is about
    pair: bool = False  # "the two leaders": one of the two states of the story's last event
    filled: str | None = None  # where a side the sentence has no words for came from ("the facility X")

    def tokens(self) -> range:
        return range(self.start, self.end)


@dataclass(frozen=True)
class Focus:
    """What the document is about: used for "the junta", "the country" and confused demonyms."""

    state: str | None
    mentioned: frozenset[str]
    ranked: tuple[str, ...] = ()  # states by how much the document is about them
    host: str | None = None  # the state most often named as where things happen ("in Djibouti")
    filed: str | None = None  # the state of the dateline ("NIAMEY —"): whose "the foreign ministry" it is


class Extractor:
    """Turns articles into events with a spaCy pipeline, the gazetteer and the trigger lexicon."""

    def __init__(
        self, index: ActorIndex, nlp: Language, lexicon: Lexicon, min_confidence: float = MIN_CONFIDENCE
    ) -> None:
        self.index = index
        self.nlp = nlp
        self.lexicon = lexicon
        self.min_confidence = min_confidence

    @classmethod
    def load(cls, index: ActorIndex | None = None) -> Extractor:
        index = index or ActorIndex.load()
        return cls(index, build_nlp(index), load_lexicon())

    def extract(self, article: Article) -> list[Event]:
        """Every event in one article, in text order."""
        return self.events(article, self.nlp(article.text))

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[tuple[Article, list[Event]]]:
        """Events of many articles, parsed in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article, self.events(article, doc)

    def events(self, article: Article, doc: Doc) -> list[Event]:
        published = article.published
        focus = document_focus(doc, self.index)
        dates = _date_mentions(doc, published)
        events: list[Event] = []
        seen: set[tuple] = set()
        pair: tuple[str, str] | None = None  # the two states of the last event: "the two leaders" later on
        subject: str | None = None  # the state the last sentence was about: "France … Its troops"
        referent: str | None = None  # the state or bloc the last sentence's subject named: "ECOWAS … It"
        groups: dict[int, tuple[str, ...]] = {}  # the last list of N states: "the three countries" later on
        bloc: Mention | None = None  # the last organisation named: "the bloc" later on
        sides: dict[str, tuple[str, str]] = {}  # the last pair of each event type and category: a side unsaid
        people: dict[str, Mention] = {}  # "Guyanese President Irfaan Ali": "Ali" later on
        last_named: str | None = None  # the state named last: "France ended its operation in the country"
        stated: EventDate | None = None  # when the joint statement the last sentence told of was made
        for sent in doc.sents:
            if not sent.text.strip() or is_headline(sent):
                continue  # headlines, teasers, captions: they parse badly and repeat or advertise the body
            mentions = _people_mentions(sent, sentence_mentions(sent, self.index, focus, published), people)
            people.update(_introduced_people(sent, mentions))
            if pair is not None:
                mentions = _pair_mentions(sent, mentions, pair, self.index)
            mentions = _group_mentions(sent, mentions, groups, self.index)
            groups.update({len(g): g for g in _coordinated_states(sent, mentions)})
            mentions = _bloc_mentions(sent, mentions, bloc)
            bloc = next((m for m in reversed(mentions) if m.actor.kind == "organisation"), bloc)
            mentions = _opening_its(sent, mentions, subject, self.index, referent)
            mentions = _inner_its(sent, mentions)
            mentions = _whose(sent, _country_named_before(sent, mentions, last_named, self.index), self.index)
            last_named = _last_named(sent, mentions, last_named)
            subject = _subject_state(sent, mentions)
            referent = _subject_state(sent, mentions, IT_KINDS) if not _reports_another(sent) else None
            triggers = find_triggers(sent, self.lexicon, mentions)
            trigger_tokens = {t.i for t, _ in triggers}
            for token, trigger in triggers:
                for event in self._events_at(
                    article, doc, sent, token, trigger, mentions, trigger_tokens, dates, focus, sides, stated
                ):
                    # one event per pair and type per clause, and per date ("in 2020 and again in 2021")
                    where = (_clause_head(token).i, event.source.country, event.target.country)
                    key = (*where, event.type, event.date.value)
                    if key in seen or (event.status == "asserted" and event.confidence < self.min_confidence):
                        continue
                    seen.add(key)
                    events.append(event.model_copy(update={"event": event_id(article.id, token, event)}))
                    for other, when in _gapped(sent, token, mentions, dates, event):
                        # "left Mali in August last year and Burkina Faso in February": the same act on
                        # another state, on its own date (and not on the first one's)
                        repeat = event.model_copy(update={"date": when, **other})
                        for moved in (repeat, event.model_copy(update=other)):
                            seen.add((where[0], moved.source.country, moved.target.country, event.type,
                                      moved.date.value))
                        repeat_id = event_id(article.id, token, repeat)
                        events.append(repeat.model_copy(update={"event": repeat_id}))
                    for when in _dates_again(sent, dates, event.date):
                        # "seized power in August 2020 and again in May 2021": the same act on each date
                        repeat = event.model_copy(update={"date": when})
                        seen.add((*where, event.type, when.value))
                        repeat_id = event_id(article.id, token, repeat, again=True)
                        events.append(repeat.model_copy(update={"event": repeat_id}))
                    if event.source.country != event.target.country:
                        pair = (event.source.country, event.target.country)
                        if event.status == "asserted":  # "the invasion" is not one only threatened
                            sides[event.type] = sides[event.category] = pair
            stated = _joint_statement_date(sent, dates, published)
            last = next((e for e in reversed(events) if e.source.country != e.target.country), None)
            for token, event in _followed_suit(sent, mentions, last, dates, published):
                events.append(event.model_copy(update={"event": event_id(article.id, token, event)}))
        return _one_accord(_without_vaguer(events))

    def _events_at(
        self,
        article: Article,
        doc: Doc,
        sent: Span,
        token: Token,
        trigger: Trigger,
        mentions: list[Mention],
        trigger_tokens: set[int],
        dates: list[tuple[DateMention, Token]],
        focus: Focus,
        sides: dict[str, tuple[str, str]],
        stated: EventDate | None = None,
    ) -> list[Event]:
        phrase = _phrase_lemmas(token)
        type_ = trigger.type_for(phrase)
        if type_ == "military_action" and _against_insurgents(token):
            type_ = "support"  # "French jets struck a column of Chadian rebels": on the government's side
        if type_ == "expulsion" and _forces_expelled(token):
            type_ = "revoke_access"  # "expelled the last French soldiers": the ontology's expulsion is of people
        category = self.lexicon.category_of(type_, trigger.category)
        status = event_status(token)
        if category == "coup" and status == "negated" and _attempted(token):
            type_, status = "coup_attempt", "asserted"  # "foiled a coup attempt": an attempt is an event
        elif category == "coup" and _called_an_attempt(token):
            type_, status = "coup_attempt", "asserted"  # "a failed coup", "tried to seize power"
        when, date_from = event_date(token, sent, dates, trigger_tokens, article.published)
        if type_ in ("access_granted", "alliance") and (decision := _decided_not_to_renew(token)) is not None:
            # "the parliament voted last June not to extend the lease": access ended when it voted
            type_, category, status = "revoke_access", "base_access", event_status(decision)
            when, date_from = event_date(decision, sent, dates, trigger_tokens | {token.i}, article.published)
        participle = token.tag_ == "VBN" and token.lower_.endswith(("ed", "en", "wn"))  # not "overthrew"
        if category == "coup" and token.dep_ == "amod" and participle and date_from != "own":
            # "the ousted president is still held", "Mali's deposed leader died on Sunday": ousted before
            # the clause's time, so dated only by the end of the named leader's tenure
            undated = EventDate(value=None, precision="unknown")
            when = _deposition_date(_described_people(token, mentions), undated, article.published)
            if when.value is None:
                return []
            date_from = "context"
        # a deadline ("leave by September 15") is not when the demand or announcement was made
        dated_itself = date_from == "own" and not (when.text or "").startswith(("by ", "until ", "before "))
        demanded: Token | None = None
        if (
            type_ == "withdrawal"
            and (demand := _demander(token)) is not None
            and (not dated_itself or _before(when, article.published))
        ):
            # "the junta demanded that French troops leave": the host revokes their access; a past date
            # of the leaving ("had asked American forces to leave in the spring") dates the demand when
            # the demand has no date of its own
            type_, status, demanded = "revoke_access", event_status(demand), demand
            asked, asked_from = event_date(demand, sent, dates, trigger_tokens, article.published)
            if not dated_itself or asked_from == "own":
                when, date_from = asked, asked_from
        elif (
            type_ == "withdrawal"
            and not dated_itself
            and status != "negated"
            and _announcer(token) is not token
        ):
            # "agreed to withdraw", "announced the withdrawal", "a withdrawal the two governments agreed in
            # May", "must leave by 15 September under the accord concluded on 19 May": the announcement is
            # the event, dated by its clause
            type_, status = "withdrawal_announced", "asserted"
            announcer = _announcer(token)
            when, date_from = event_date(announcer, sent, dates, trigger_tokens, article.published)
        elif type_ == "withdrawal" and status == "planned" and not dated_itself and stated is not None:
            # "The joint statement the two ministries released on Sunday was short. French troops will be
            # gone by June": what the statement settled is announced when it was made
            type_, status, when, date_from = "withdrawal_announced", "asserted", stated, "context"
        elif type_ == "support" and status == "planned" and _governed_by(token, PLEDGING_HEADS):
            status = "asserted"  # "Bamako pledged to defend Niger": the pledge is the support
        if when.known and article.published:
            start, end = when.bounds()  # type: ignore[misc]
            if status == "asserted" and start > article.published + timedelta(days=2):
                status = "planned"
            elif (
                status == "planned"
                and end < article.published
                and not re.search(r"\b\d{4}\b", when.text or "")
                and (_future(token) or (when.text or "").lower().startswith(("by ", "until ", "before ")))
            ):
                # "will leave by September 15": the coming one ("in late July, Bamako pledged to defend
                # Niger" is the pledge's July)
                when = _next_year(when)
        if when.known:
            mentions = _in_office_on(mentions, when.bounds()[0], self.index)  # type: ignore[index]
        subjects, objects, grammatical = event_roles(token, mentions, trigger_tokens)
        if type_ == "support" and (rivals := [m for m in objects if _rival_of_backed(m, token)]):
            objects = [m for m in objects if m not in rivals]  # "backed Pakistan in its dispute with India"
        if type_ == "withdrawal" and token.pos_ == "VERB" and subjects and all(
            m.actor.kind == "leader" for m in subjects
        ):
            return []  # "Nuland told reporters after leaving Niamey": a person who leaves withdraws no forces
        if type_ == "support" and trigger.type == "military_action" and subjects and not objects:
            # "French jets bombed a rebel column": on the side of the government the rebels fight, the
            # story's most-named other state
            taken = {m.country for m in subjects}
            other = next((c for c in focus.ranked if c not in taken and c in self.index.actors), None)
            objects = [_focus_mention_of(token, other, self.index)] if other else []
        if category == "coup" and token.lemma_.lower() in ASSAULT_LEMMAS:
            if {m.country for m in subjects} - {m.country for m in objects}:
                return []  # "Russian troops attacked the presidential palace in Kyiv": an attack, no coup
        if token.lemma_.lower() == "kill" and len({m.country for m in subjects + objects}) < 2:
            return []  # "two Malian soldiers were killed in clashes with jihadists": one state, no two sides
        if not objects and (under := _placed_under(token, mentions)):
            # "Tiani's government has been under ECOWAS sanctions"
            objects, grammatical = under, bool(subjects)
        if category == "tension" and not subjects and (acted := _passive_doers(token, type_, objects)):
            # "Germany's ambassador was expelled from Venezuela", "Mali was suspended from ECOWAS": the
            # passive's subject was acted on, by the other state named
            subjects, objects, grammatical = *acted, True
        doers = _doers_of_antecedent(token, mentions) if category == "tension" else []
        if not objects and subjects and doers:
            # "… issued a joint statement describing Castillo as a victim, which Lima called interference":
            # what the relative pronoun stands for was done by the subjects of the clause it sits in
            taken = {m.country for m in subjects}
            objects, grammatical = [m for m in doers if m.country not in taken], True
        clause = token.head if token.dep_ == "acomp" else token
        said = clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING_VERBS
        if type_ == "accusation" and said and clause is not token and not subjects and not objects:
            # "Britain said Russia was responsible for the poisoning": who is held responsible
            subjects = [m for m in mentions if m.root in {t.i for t in _subjects_of(clause)}]
        if type_ == "accusation" and said and not objects:
            # "Beijing said Washington and London were fuelling an arms race": who says it accuses them
            sayers, _, _ = event_roles(clause.head, mentions, trigger_tokens)
            accused = [m for m in subjects if m.country not in {s.country for s in sayers}]
            if sayers and accused:
                subjects, objects, grammatical = sayers, accused, True
        if demanded is not None:
            # "Chad asked American special forces to leave": who asked revokes the access of who was asked
            asker, asked_to, _ = event_roles(demanded, mentions, trigger_tokens)
            if asker and not asked_to:
                # "Mali had demanded that a contingent of Danish special forces leave": who must leave
                asked_to = [m for m in subjects if m.country not in {a.country for a in asker}]
            if asker and asked_to:
                subjects, objects, grammatical = asker, asked_to, True
        if type_ == "withdrawal_announced" and not subjects and not objects and token.pos_ == "NOUN":
            # "Campbell and Zeine agreed to begin planning an orderly withdrawal": those who agreed
            announcer = _announcer(token)
            subjects, objects, grammatical = event_roles(announcer, mentions, trigger_tokens)
            if not objects and len(_distinct(subjects)) >= 2:
                # "a withdrawal that the two governments had agreed": who agree are equals, so "the two
                # governments" of the story's last event are its sides
                agreed = [replace(m, pair=False) for m in _distinct(subjects)]
                subjects, objects = agreed[:1], agreed[1:2]
        basing = sides.get("base_access")
        if type_ in ACCORD_TYPES and not subjects and not objects and basing and _basis_of_accord(token):
            # "The junta revoked the agreement under which US troops are stationed. It had rested on an
            # exchange of notes concluded in 2012": the accord's making granted the access it revoked
            type_, category = "access_granted", "base_access"
            told = _told(basing, category)
            subjects = [
                replace(_focus_mention_of(token, code, self.index), filled=f"the {role} of {told}")
                for code, role in zip(basing, ("host", "user"), strict=True)
            ]
            objects = []
        if not objects and subjects and type_ in COMPLEMENT_TYPES:
            # "threatened to terminate the agreement with the United States", "the activation of a standby
            # force to restore President Bazoum in Niger": the threatened side
            inner = _purpose(token) or _answered(token)
            taken = {m.country for m in subjects}
            objects = _distinct([m for m in mentions if m.root in inner and m.country not in taken])[:1]
            grammatical = bool(objects)
        creation = token.lemma_.lower() in CREATION_LEMMAS and token.pos_ in ("VERB", "AUX")
        if creation and category != "base_access":  # "established an airbase in Niger": Niger is a side
            # "the three juntas formed the Alliance of Sahel States": what they created is no side (who
            # they established relations with is)
            made = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            partners = {
                t.i
                for c in made
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in PARTNER_PREPS
                for t in p.subtree
            }
            created = {t.i for c in made for t in c.subtree} - partners
            objects = [m for m in objects if m.root not in created]
        alongside = [m for m in objects if _alongside(doc[m.root])]
        if subjects and alongside and type_ != "military_training":  # "trained alongside": with them
            # "Finland applied together with Sweden": Sweden applied too, it is not who Finland applied to
            subjects = [*subjects, *alongside]
            objects = [m for m in objects if m not in alongside]
        if trigger.object_only and token.pos_ in ("VERB", "AUX") and not _reciprocal(token):
            # "accuse the North of shipping shells to Russia": only the accused is the other side
            direct = {t.i for c in token.children if c.dep_ in ("dobj", "nsubjpass") for t in _phrase(c)}
            objects = [m for m in objects if m.root in direct or m.start in direct]
            if not objects:
                return []
        if category == "base_access" and subjects and not objects:
            # "Russian personnel remain at the Niamey base": whose forces are at the base is the subject of
            # the clause the base is the place of (not the state in focus, nor the facility's other users)
            objects = (
                _clause_user(token, mentions, subjects)
                or _places_among(subjects, doc)
                or _allowed_doers(token, mentions, subjects)
            )
            subjects = [m for m in subjects if m not in objects]
        if category == "base_access" and objects and not subjects:
            # "French troops have been forced out of Mali, Burkina Faso and Niger": the forces leave the places
            subjects, objects = _forces_apart(objects)
        hosts: set[str] = set()
        during = when.bounds() if when.known else (article.published, article.published)
        named = {m.country for m in subjects + objects}
        if category == "base_access" and (facility := _facility_of(token, sent, named, during, self.index)):
            # "Air Base 201 has served since 2019 as a hub for drones": the base stands for its host and
            # for its user on the event's date, where the sentence names neither
            subjects, objects = _facility_sides(token, facility, subjects, objects, during, self.index)
            hosts = {facility.host}
        if type_ == "handover" and token.lemma_.lower() == "take" and not hosts:
            hosts = {m.country for m in subjects}  # "Chad took back the base from French forces": the host
        previous = sides.get(type_) or (sides.get(category) if category == "base_access" else None)
        pairs = _pairs(token, trigger, subjects, objects, focus, grammatical, self.index, mentions, previous)
        if alongside and category == "tension":
            # "Chadian soldiers fought alongside French troops in Mali": who act together are no two sides
            allies = {m.country for m in subjects}
            pairs = [(p, g) for p, g in pairs if not {p[0].country, p[1].country} <= allies]
        if category != "coup":
            # "… demanded the release of the president, as did the UN Secretary-General": the same act by
            # the one who did likewise
            acted = {m.country for m in subjects}
            pairs += [
                ((other, tgt), from_grammar)
                for (src, tgt), from_grammar in list(pairs)
                if src.country in acted
                for other in _as_did(token, mentions)
                if other.country not in (src.country, tgt.country)
            ]
        if category == "coup":
            when = _deposition_date(objects, when, article.published)
            if date_from != "own" and not (when.text or "").startswith("end of") and _background_coup(token):
                return []  # "since the coup", "officers who took power": a reference, not a report
            if date_from == "none" and _plural(token):
                return []  # "after coups in Mali, Guinea-Bissau and Madagascar in recent years": a list
        untold = date_from in ("context", "present", "none")
        if type_ == "military_action" and token.pos_ == "NOUN" and untold:
            return []  # "overshadowed by Russia's invasion of Ukraine": an attack named, not told
        if type_ == "access_used" and untold and _relative_clause(token):
            return []  # "Air Base 201, which has been used for drone flights": what the base is, undated
        out = []
        named = {m.country for m in mentions}
        host_first = trigger.host_is_source or (trigger.type, type_) == ("expulsion", "revoke_access")
        roles = ("host", "user") if host_first else ("source", "target")
        for (src, tgt), from_grammar in pairs:
            if host_first:
                src, tgt = _host_first(src, tgt, type_, doc, hosts)
                if src.actor.kind == "organisation" or _bloc_as_owner(tgt, doc):
                    continue  # "a garrison in Poland, the first on NATO's eastern flank": blocs host no base
            if type_ == "visit" and token.lemma_.lower() in HOSTING_LEMMAS and not _agentless_passive(token):
                src, tgt = tgt, src  # "Tebboune received Barrot", "was received by Tebboune": Barrot visits
            if category == "cooperation" and (
                _bought_from(token, tgt)
                or (src in subjects and _received(token, type_))
                or (
                    type_ in GIVING_TYPES
                    and _agentless_passive(token)
                    and src.country in _passive_subjects(token, mentions)
                )
            ):
                src, tgt = tgt, src  # "Russia bought drones from Iran", "Poland received Korean tanks"
            confidence = trigger.confidence + (0.12 if from_grammar else -0.15) + DATE_CONFIDENCE[date_from]
            if src is not tgt and src.filled is not None and src.filled == tgt.filled:
                confidence -= FILLED_PENALTY  # both sides of one event told before, read again
            filled = filled_note(list(zip(roles, (src, tgt), strict=True)), named, focus)
            out.append(
                Event(
                    article=article.id,
                    event=f"{article.id}/0",
                    category=category,
                    type=type_,
                    source=_participant(src),
                    target=_participant(tgt),
                    date=when,
                    status=status,
                    confidence=round(max(0.05, min(0.99, confidence)), 3),
                    evidence=_evidence(sent, token, filled),
                )
            )
        return out


def _in_office_on(mentions: list[Mention], day: date, index: ActorIndex) -> list[Mention]:
    """Leaders named as the state of the office they held on the event's day, not on the day the story was
    published ("Stoltenberg visited Kyiv in April 2023": NATO's secretary-general then, Norway's minister
    since; "Castro met Putin in 2015": Raúl, not Xiomara)."""
    out = []
    for m in mentions:
        if m.actor.kind == "leader" and not m.coref and m.actor.country_on(day) != m.country:
            named = [m.actor, *index.candidates(m.label)]
            held = [a for a in named if a.kind == "leader" and a.country_on(day)]
            if held:
                m = replace(m, actor=held[0], country=held[0].country_on(day))
        out.append(m)
    return out


BUYING_LEMMAS = frozenset("buy purchase acquire procure import".split())


def _bought_from(trigger: Token, seller: Mention) -> bool:
    """Whether a buying word's other side is who it was bought from ("bought drones from Iran", "India's
    purchase of S-400 systems from Russia"): the seller is the source."""
    return trigger.lemma_.lower() in BUYING_LEMMAS and _under(seller, trigger, "from") is not None


# who gets, and who thanks for what was given ("thanked Greece for its help")
RECEIVING_LEMMAS = frozenset("receive obtain secure get accept win thank".split())
GOODS_DEPS = frozenset({"dobj", "pobj", "prep", "compound"})
# what a subject can get from another: "received tanks", "secured a loan", "received a call from Tehran"
GIVING_TYPES = frozenset("arms_transfer aid call support military_training".split())


def _received(trigger: Token, type_: str) -> bool:
    """Whether the subject of the clause gets what the trigger names ("Poland received its first Korean K2
    tanks", "Egypt took delivery of French-built jets", "Sri Lanka secured a credit line from India",
    "India ordered Russian S-400s", "received a call from Iran's president"): the giver is the source."""
    if type_ not in GIVING_TYPES:
        return False
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in GOODS_DEPS and verb.head != verb:
        verb = verb.head
    getting = RECEIVING_LEMMAS | BUYING_LEMMAS | {"order"}
    if type_ in ("arms_transfer", "aid"):
        getting |= {"take"}  # "took delivery of", "took a loan from"
    return verb.lemma_.lower() in getting and any(c.dep_ == "nsubj" for c in verb.children)


def _agentless_passive(verb: Token) -> bool:
    """A verb in the passive with no agent: a host's ("was welcomed in Washington": the subject is the visitor
    and the place the host, as in the active of a visit) or a giver's ("Mali's army was equipped with Turkish
    drones": the subject gets)."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


CONFLICT_NOUNS = frozenset("dispute conflict war row standoff feud quarrel confrontation fight".split())


def _rival_of_backed(m: Mention, trigger: Token) -> bool:
    """Whether a state is named as the rival in the quarrel of the side backed ("China backed Pakistan in
    its dispute with India", "support for Armenia in its conflict with Azerbaijan"): no side of the
    backing."""
    for word in trigger.doc[m.root].ancestors:
        if word == trigger:
            return False
        quarrel = word.lemma_.lower() in CONFLICT_NOUNS and word.dep_ == "pobj"
        if quarrel and word.head.lower_ in ("in", "during"):
            return True
    return False


def _passive_subjects(verb: Token, mentions: list[Mention]) -> set[str]:
    """The states named in the subject of a passive verb ("Mali's army was equipped with …")."""
    subject = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in _phrase(c)}
    return {m.country for m in mentions if any(i in subject for i in m.tokens())}


def _bloc_as_owner(m: Mention, doc: Doc) -> bool:
    """Whether a bloc is named only as the owner of something other than a force ("NATO's eastern flank",
    not "NATO's battlegroup")."""
    word = doc[m.root]
    return m.actor.kind == "organisation" and word.dep_ == "poss" and _noun_kind(word.head) == "state"


PLACE_ACTS = frozenset({"expulsion", "recall_ambassador", "suspension", "sanction", "border_closure"})
OWN_ENVOY_LEMMAS = frozenset("recall withdraw pull call bring".split())


def _subjects_of(verb: Token) -> list[Token]:
    """The words of a verb's subject phrase."""
    return [t for c in verb.children if c.dep_ == "nsubj" for t in _phrase(c)]


def _passive_doers(
    verb: Token, type_: str, objects: list[Mention]
) -> tuple[list[Mention], list[Mention]] | None:
    """(doers, done to) of an agentless passive diplomatic act: its subject's state is acted on, the other
    state named (where from, where to leave, where the envoy serves) acts: "Twenty Czech diplomats were
    ordered to leave Russia", "Rwanda's ambassador in Kinshasa was expelled" (a state recalls its own
    envoys: "South Africa's diplomats were recalled from Israel" is no such case)."""
    if type_ not in PLACE_ACTS or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in OWN_ENVOY_LEMMAS:
        return None
    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return None
    serving = {
        t.i
        for c in passive
        if _envoy(c)
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in ("in", "to", "at")
        for t in p.subtree
    }
    serving |= {  # "Gabon's membership of the African Union was suspended": the bloc suspends it
        t.i
        for c in passive
        if c.lemma_.lower() == "membership"
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for t in p.subtree
    }
    phrase = {t.i for c in passive for t in _phrase(c)} - serving
    done_to = [m for m in objects if m.root in phrase]
    doers = [m for m in objects if m.country not in {d.country for d in done_to}]
    return (doers, done_to) if done_to and doers else None


def _doers_of_antecedent(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """Who did what a relative clause's object pronoun stands for ("…, which Lima called interference"):
    the subjects of the nearest clause above it that has any."""
    relative = verb.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.tag_ == "WDT" for c in verb.children
    )
    if not relative:
        return []
    t = verb.head
    while t.head != t:
        t = t.head
        subject = {s.i for c in t.children if c.dep_ == "nsubj" for s in _phrase(c)}
        found = [m for m in mentions if m.root in subject]
        if t.pos_ in ("VERB", "AUX") and found:
            return found
    return []


ELLIPTIC_VERBS = frozenset({"do", "have", "be"})
SAYING_VERBS = frozenset({"say", "tell", "claim", "charge", "insist", "argue", "complain", "warn"})


def _as_did(verb: Token, mentions: list[Mention]) -> list[Mention]:
    """Who did the same, per an elliptic "as did X" ("as had X") hanging from the verb or from a verb
    coordinated with it."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    elliptic = [
        c
        for v in verbs
        if v.pos_ in ("VERB", "AUX")
        for c in v.children
        if c.dep_ == "advcl"
        and c.lemma_.lower() in ELLIPTIC_VERBS
        and any(d.dep_ == "mark" and d.lower_ == "as" for d in c.children)
        and not any(d.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr") for d in c.children)
    ]
    doers = {t.i for c in elliptic for s in c.children if s.dep_ == "nsubj" for t in s.subtree}
    return _distinct([m for m in mentions if m.root in doers])


def _purpose(token: Token) -> set[int]:
    """Tokens of the to-clauses saying what a trigger's phrase is for ("threatened to terminate …",
    "a standby force to restore …")."""
    clauses = [
        c
        for t in _phrase(token)
        for c in t.children
        if c.dep_ in ("xcomp", "relcl", "acl", "advcl") and any(a.tag_ == "TO" for a in c.children)
    ]
    return {t.i for c in clauses for t in c.subtree}


def _answered(token: Token) -> set[int]:
    """Tokens of the subject of the clause a warning is coordinated with: "the bloc ordered a standby force
    readied, and Bamako warned that any intervention would be an attack on it" answers the bloc."""
    if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX"):
        return set()
    return {t.i for c in token.head.children if c.dep_ == "nsubj" for t in _phrase(c)}


ACCORD_TYPES = frozenset({"agreement", "alliance"})  # an alliance is an agreement of a finer type


def _one_accord(events: list[Event]) -> list[Event]:
    """Events with an access accord told once: its signing read as access granted ("The Reciprocal Access
    Agreement was signed at Malacañang") gives way to the same accord told in another sentence as an agreement
    between the same two states that month ("Japan and the Philippines signed a defence pact on Monday"); in
    its own sentence the agreement gives way to it ("signed a status of forces agreement")."""

    def key(e: Event) -> tuple[str, str | None]:
        return dyad_key(e.source.country, e.target.country), (e.date.value or "")[:7] or None

    accords = [e for e in events if e.status == "asserted" and e.type in ACCORD_TYPES]
    access = [e for e in events if e.type == "access_granted" and e.evidence.trigger.lower() in ACCORD_WORDS]
    same = [(a, e) for a in accords for e in access if key(a) == key(e)]
    dropped = {id(e) if a.evidence.sentence != e.evidence.sentence else id(a) for a, e in same}
    return [e for e in events if id(e) not in dropped]


ACCORD_WORDS = frozenset(
    "sign signs signed signing conclude concludes concluded ink inked seal sealed agreement accord pact treaty deal "
    "arrangement".split()
)


def _without_vaguer(events: list[Event]) -> list[Event]:
    """Events without the asserted ones a more precise report of the same act covers: "after last year's
    takeover" (the year) once the coup was told with its month; "in anticipation of a coup" (no date)
    beside the dated coup; "The deal, signed by Pompeo and Dendias" (an agreement, no date) beside the
    defence agreement signed on Saturday (an alliance)."""

    def act(e: Event) -> tuple[str, str]:
        kind = "agreement" if e.type in ACCORD_TYPES else e.type
        return kind, dyad_key(e.source.country, e.target.country)

    def covers(e: Event, vague: Event) -> bool:
        finer, coarse = e.date.value, vague.date.value or ""
        return (
            e.status == "asserted"
            and act(e) == act(vague)
            and finer is not None
            and len(finer) > len(coarse)
            and finer.startswith(coarse)
        )

    return [
        e
        for e in events
        if e.status != "asserted"
        or e.date.precision not in ("year", "unknown")
        or not any(covers(other, e) for other in events)
    ]


def _dates_again(sent: Span, dates: list[tuple[DateMention, Token]], when: EventDate) -> list[EventDate]:
    """The later dates a clause's own date is coordinated with by "and again" / "and once more":
    "seized power in August 2020 and again in May 2021" (not "between March and May", not a date in
    another clause)."""
    local = [(m, _prep_of(root)) for m, root in dates if sent.start <= root.i < sent.end]
    first = next((prep for m, prep in local if m.date == when and prep is not None), None)
    if first is None:
        return []
    out = []
    for m, prep in local:
        if prep is None or prep.i <= first.i or prep.head.i != first.head.i:
            continue
        between = {t.lower_ for t in sent.doc[first.i + 1 : prep.i]}
        if "again" in between or {"once", "more"} <= between:
            out.append(m.date)
    return out


def _gapped(
    sent: Span, token: Token, mentions: list[Mention], dates: list[tuple[DateMention, Token]], event: Event
) -> list[tuple[dict[str, Participant], EventDate]]:
    """The other sides a trigger's object is coordinated with, each with its own date, the verb left out:
    "French troops left Mali in August last year and Burkina Faso in February", "the bloc suspended Mali
    in 2021 and Burkina Faso in 2022" (the participant to replace, the date)."""
    doc = sent.doc
    local = [(m, root) for m, root in dates if sent.start <= root.i < sent.end and root.i > token.i]
    first = next((root for m, root in local if m.date == event.date), None)
    if first is None:
        return []
    before = [m for m in mentions if token.i < m.start and m.end <= first.i and not m.coref]
    if not before:
        return []
    replaced = before[-1].country
    sides = {"source": event.source, "target": event.target}
    role = next((r for r, p in sides.items() if p.country == replaced), None)
    if role is None:
        return []
    out = []
    for m in mentions:
        if m.start <= first.i or m.actor.kind != "state" or m.coref:
            continue
        if m.country in {p.country for p in sides.values()}:
            continue
        gap = doc[m.start - 1]
        # "… and Burkina Faso in February", "… and with Britain in January 2023" (the preposition repeated)
        repeated = gap.pos_ == "ADP" and gap.dep_ == "conj" and doc[gap.i - 1].lower_ == "and"
        if not (repeated or (gap.lower_ == "and" and doc[m.root].dep_ == "conj")) or m.end >= sent.end:
            continue
        own = [d for d, root in local if (prep := _prep_of(root)) is not None and prep.i == m.end]
        if own:
            out.append(({role: _participant(m)}, own[0].date))
    return out


def _prep_of(root: Token) -> Token | None:
    """The preposition a date phrase is ("in May 2021" parsed whole or as its object)."""
    if root.dep_ == "prep":
        return root
    return root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else None


def _alongside(token: Token) -> bool:
    """Whether a name is a co-actor: "together with Sweden", "along with Britain", "alongside Canada"."""
    prep = token.head
    if token.dep_ != "pobj" or prep.dep_ not in ("prep", "advmod"):
        return False
    if prep.lower_ == "alongside":
        return True
    words = {prep.head.lower_, *(c.lower_ for c in prep.children)}
    return prep.lower_ == "with" and bool(words & {"together", "along"})


def _followed_suit(
    sent: Span,
    mentions: list[Mention],
    last: Event | None,
    dates: list[tuple[DateMention, Token]],
    published: date | None,
) -> list[tuple[Token, Event]]:
    """ "Saudi Arabia cut ties with Qatar. Within hours, Yemen and the Maldives followed suit": each
    subject of "followed suit" does what the story's last event did, to the same target, about then; its
    target that "responded in kind" does it back to its source."""
    out: list[tuple[Token, Event]] = []
    if last is None:
        return out
    for token in sent:
        kind = _in_kind(token)
        suit = token.lemma_.lower() == "follow" and any(
            c.dep_ == "dobj" and c.lower_ == "suit" for c in token.children
        )
        if not kind and not suit:
            continue
        subject = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)}
        when, date_from = event_date(token, sent, dates, {token.i}, published)
        if date_from == "none":
            when = last.date
        elif last.date.known and when.known and not re.search(r"\b\d{4}\b", when.text or ""):
            when = _year_of(when, last.date)  # "expelled 45 diplomats in March 2022; Russia replied in April"
        told = _told((last.source.country, last.target.country), last.type)
        for m in _distinct([m for m in mentions if m.root in subject]):
            answered = m.country == last.target.country  # in kind: the side acted on answers
            if not answered if kind else m.country in (last.target.country, last.source.country):
                continue
            target = last.source if kind else last.target
            event = last.model_copy(
                update={
                    "source": _participant(m),
                    "target": target,
                    "date": when,
                    "status": event_status(token),
                    "confidence": round(max(0.05, last.confidence - 0.1), 3),
                    "evidence": _evidence(sent, token, f"target: {target.label}, as in {told}"),
                }
            )
            out.append((token, event))
    return out


def _in_kind(verb: Token) -> bool:
    """Whether a verb answers an act with the same act: "Russia responded in kind", "retaliated in kind"."""
    return verb.pos_ in ("VERB", "AUX") and any(
        p.lower_ == "in" and any(o.lower_ == "kind" for o in p.children) for p in verb.children
    )


def event_id(article_id: str, trigger: Token, event: Event, again: bool = False) -> str:
    """A stable id: the same words in the same article give the same id, so analysts' corrections
    keep pointing at their event when the article is ingested again. A repeat of the act on a later
    date ("and again in May 2021") adds its date."""
    key = f"{trigger.idx}|{event.type}|{event.source.id}|{event.target.id}"
    if again:
        key += f"|again {event.date.value}"
    return f"{article_id}/{hashlib.sha1(key.encode()).hexdigest()[:10]}"


def is_headline(sent: Span) -> bool:
    """A headline, caption or teaser: one short line without closing punctuation. They parse badly
    and repeat (or advertise) what the body says."""
    text = sent.text.strip()
    words = [t for t in sent if t.is_alpha]
    if not text or "\n" in text or len(words) > 25:
        return False
    return not text.endswith((".", "!", "?", "”", '"', "’", "'", ":", ";", ")"))


def _year_of(when: EventDate, before: EventDate) -> EventDate:
    """A date told without its year, in the year of the act it follows (or the next, if that is earlier)."""
    shift = int(before.value[:4]) - int(when.value[:4])  # type: ignore[index]
    value = str(int(when.value[:4]) + shift) + when.value[4:]  # type: ignore[index]
    end = str(int(when.end[:4]) + shift) + when.end[4:] if when.end else None
    moved = when.model_copy(update={"value": value, "end": end})
    return _next_year(moved) if value < before.value[: len(value)] else moved  # type: ignore[index]


def _next_year(when: EventDate) -> EventDate:
    value = str(int(when.value[:4]) + 1) + when.value[4:]  # type: ignore[index]
    end = str(int(when.end[:4]) + 1) + when.end[4:] if when.end else None
    return when.model_copy(update={"value": value, "end": end})


def _lead_space(sent: Span) -> int:
    return len(sent.text) - len(sent.text.lstrip())


def _evidence(sent: Span, trigger: Token, filled: str | None = None) -> Evidence:
    return Evidence(
        sentence=sent.text.strip(),
        char_start=sent.start_char + _lead_space(sent),
        char_end=sent.start_char + len(sent.text.rstrip()),
        trigger=trigger.text,
        filled=filled,
    )


def _participant(m: Mention) -> Participant:
    return Participant(id=m.actor.id, label=m.label, kind=m.actor.kind, country=m.country)


# --- actors ---------------------------------------------------------------------------------------


def document_focus(doc: Doc, index: ActorIndex) -> Focus:
    """The state the article is most about, and every state named in it; teasers and furniture after the
    story has begun ("Also today: Kazakhstan renames its capital") are about other stories."""
    counts: Counter[str] = Counter()
    places: Counter[str] = Counter()
    named: set[str] = set()
    sents = [s for s in doc.sents if s.text.strip()]
    body = next((s.start for s in sents if not is_headline(s)), len(doc))
    furniture = {i for s in sents if s.start > body and is_headline(s) for i in range(s.start, s.end)}
    for ent in doc.ents:
        if ent.start in furniture or _not_a_side(ent):
            continue
        if ent.label_ == "KG":
            candidates = index.candidates(ent.text)
            if any(a.kind == "organisation" for a in candidates):
                continue  # "Brussels": the EU's seat before Belgium's capital
            for actor in candidates[:1]:
                if actor.kind == "state" and ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at"):
                    places[actor.country] += 1
                if actor.kind in ("state", "government", "military") and actor.country:
                    counts[actor.country] += 2
                    named.add(actor.country)
                    if _dateline(ent):
                        counts[actor.country] += 2  # "BANGKOK —": where the story is filed from
                elif actor.kind == "leader" and actor.tenures:
                    counts[actor.tenures[-1].country] += 1
        elif (
            ent.label_ == "KG_DEM"
            and ent.text.casefold() not in CONFUSED_DEMONYMS
            and (not ent.text.endswith("-") or _first_of_pair(ent))
        ):
            for actor in index.demonym_states(ent.text)[:1]:
                counts[actor.id] += 1
    if counts:
        counts[next(iter(counts))] += 2  # news leads name their subject first
    ranked = tuple(c for c, _ in counts.most_common())
    host = max(places, key=lambda c: (places[c], -ranked.index(c)), default=None)
    return Focus(ranked[0] if ranked else None, frozenset(named), ranked, host, _filed_state(doc, index))


def _filed_state(doc: Doc, index: ActorIndex) -> str | None:
    """The state of the story's dateline ("NIAMEY —"), whose government bodies a wire leaves unqualified;
    none when the story names any state's ministry or presidency ("Iran's foreign ministry"), which "the
    ministry" may then be."""
    filed = next(
        (
            a.country
            for ent in doc.ents
            if ent.label_ == "KG" and _dateline(ent)
            for a in index.candidates(ent.text)[:1]
            if a.kind in ("state", "government")
        ),
        None,
    )
    bodies = [b for b in doc if b.lower_ in FILED_BODIES]
    named = any(t.ent_type_ in ("KG", "KG_DEM") for b in bodies for t in b.subtree if t.i != b.i)
    return None if named else filed


MONTH_PREFIXES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _dateline(ent: Span) -> bool:
    """A place opening a paragraph before a dash: "NIAMEY —", "WASHINGTON - "."""
    doc = ent.doc
    starts_line = ent.start == 0 or "\n" in doc[ent.start - 1].text + doc[ent.start - 1].whitespace_
    if not starts_line or ent.end >= len(doc):
        return False
    dash = doc[ent.end]
    if dash.text in ("-", "–") and not doc[ent.end - 1].whitespace_ and not dash.whitespace_:
        return False  # "US-China talks", "Russia–Ukraine war": a pair of states, not "NIAMEY - "
    if dash.text in ("—", "-", "–", "("):
        return True
    # "SEOUL, June 19 (Agency) -", "NEW DELHI/PARIS, July 29 -": a capitalised place, then a comma or slash
    if not ent.text.isupper() or doc[ent.end].text not in (",", "/"):
        return False
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return after is not None and (
        after.text[:3].lower() in MONTH_PREFIXES or after.text[:1].isupper() and after.text.isupper()
    )


# A state's name inside the name of a sea, a region or a treaty is not the state: "the Gulf of Thailand",
# "Latin America", "the Vienna Convention", "the Sea of Japan".
PLACE_BEFORE_OF = {"gulf", "bay", "sea", "strait", "straits", "isthmus", "coast", "horn"}
NAME_AFTER = {
    "convention",
    "conventions",
    "sea",
    "gulf",
    "strait",
    "canal",
    "valley",
    "river",
    "delta",
    "basin",
    "peninsula",
    "process",
    "format",
    # outlets named after a country: "(Korea Bureau)", "China Daily", "Russia Today"
    "bureau",
    "press",
    "wire",
    "news",
    "agency",
    "times",
    "herald",
    "desk",
    "daily",
    "today",
    "tribune",
    "review",
    "monitor",
    "observer",
    "journal",
    "gazette",
    "courier",
    "dispatch",
}
REGION_BEFORE = {"latin", "central", "south", "north", "southern", "northern"}


def _inside_other_name(ent: Span) -> bool:
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in NAME_AFTER and after.text[:1].isupper():
        return True
    if before is not None and before.lower_ == "lake" and before.text[:1].isupper():
        return True  # "the Lake Chad basin", "(Lake Chad Review)": the lake, not the state
    if before is not None and before.lower_ == "of" and ent.start > 1:
        place = doc[ent.start - 2]
        return place.lower_ in PLACE_BEFORE_OF and place.text[:1].isupper()
    return (
        before is not None
        and before.lower_ in REGION_BEFORE
        and before.text[:1].isupper()
        and ent.text.casefold() == "america"
    )


def sentence_ents(sent: Span) -> list[Span]:
    """A sentence's entities, read from its tokens (``Span.ents`` builds every entity of the document
    again, for each sentence)."""
    doc, out = sent.doc, []
    for token in sent:
        if token.ent_iob_ == "B":
            end = token.i + 1
            while end < sent.end and doc[end].ent_iob_ == "I":
                end += 1
            out.append(Span(doc, token.i, end, label=token.ent_type_))
    return out


def sentence_mentions(sent: Span, index: ActorIndex, focus: Focus, on: date | None) -> list[Mention]:
    """Actors named in a sentence: gazetteer names, demonym phrases and "the junta"-style references."""
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent in sentence_ents(sent):
        if ent.label_ == "KG" and (_dateline(ent) or _inside_other_name(ent)):
            continue  # "ABUJA — West African leaders …": where the story was filed, not a side
        if _not_a_side(ent):
            continue  # "Iranian-backed militias", "a London-based monitor", "anti-French protests"
        if _provenance(ent):
            continue  # "American-made rockets", "the French-trained army": where a thing came from, no side
        if _compared(ent.root):
            continue  # "Vietnam, like India, buys Russian arms": a state compared, no side
        if ent.label_ == "KG":
            mention = _name_mention(ent, index, focus, on)
        elif ent.label_ == "KG_DEM":
            mention = _demonym_mention(ent, index, focus)
        else:
            continue
        if mention is not None and not _origin_of_private(ent):
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    placed = {m.root: m.country for m in mentions}
    # states named as the other party ("relations with France"): "the government" is not one of them
    others = {m.country for m in mentions if _other_party(sent.doc[m.root])}
    for token in sent:
        role = COREF_NOUNS.get(token.lower_)
        referent = _placed_in(token, placed) or _referent(token, focus, index)
        if token.lower_ in FILED_BODIES:
            # "NIAMEY — The ministry of foreign affairs said": newswires leave the dateline's state unsaid
            # (not "the ministry of defence of Mali", "Iran's foreign ministry")
            qualified = any(t.i in covered for t in _phrase(token))
            role, referent = "government", None if qualified else focus.filed
        # "relations with France", "US troops in the country": the country is neither France nor the US
        excluded = others | _foreign_in(token, placed)
        if referent in excluded:
            referent = next((c for c in focus.ranked if c not in excluded and c in index.actors), None)
        if role is None or token.i in covered or referent is None:
            continue
        if not any((c.dep_, c.lower_) in (("det", "the"), ("poss", "whose")) for c in token.children):
            continue  # "the junta", "Guinea, whose junta": not "a government", "its army"
        if token.lower_ in MILITARY_ONLY and not _military(token):
            continue
        if any(c.i in covered for c in token.children if c.dep_ in ("poss", "compound", "amod")):
            continue
        if role in ("military", "state") and token.lower_ in ("military", "army") and token.dep_ == "amod":
            continue
        actor = index.get(referent if role == "state" else f"{referent}/{role}") or index.get(referent)
        if actor is not None:
            start = (
                token.i - 1 if token.i > sent.start and token.nbor(-1).lower_ in ("military",) else token.i
            )
            label = sent.doc[start - 1 if sent.doc[start - 1].lower_ == "the" else start : token.i + 1].text
            mentions.append(Mention(start, token.i + 1, token.i, actor, referent, label, coref=True))
    return sorted(mentions + _plural_names(sent, index), key=lambda m: m.start)


def _plural_names(sent: Span, index: ActorIndex) -> list[Mention]:
    """The two states a plural name stands for: "the two Koreas", "both Sudans", "the Congos"."""
    out = []
    for token in sent:
        if token.tag_ != "NNPS" or not token.text.endswith("s") or token.ent_type_ in ("KG", "KG_DEM"):
            continue
        states = index.by_last_word.get(normalise_name(token.text[:-1]), frozenset())
        if len(states) == 2:
            out += [_standing_for(token, index[code], code, pair=True) for code in sorted(states)]
    return out


# Participles that, hyphenated after a state, tell where a thing or unit came from ("US-made jets").
PROVENANCE_PARTICIPLES = frozenset(
    "made built designed manufactured produced assembled owned trained supplied funded flagged "
    "registered".split()
)


def _provenance(ent: Span) -> bool:
    """Whether a name is the first half of a provenance compound: "American-made", "Chinese-built" (unless
    what was made is what a state receives or buys: "Egypt took delivery of French-built jets" names the
    supplier)."""
    doc = ent.doc
    return (
        ent.end + 1 < len(doc)
        and doc[ent.end].text in ("-", "‐", "‑")
        and doc[ent.end + 1].lower_ in PROVENANCE_PARTICIPLES
        and not _acquired(doc[ent.end + 1].head)
    )


def _acquired(thing: Token) -> bool:
    """Whether a noun is what its clause's verb receives or buys: "received Russian-made systems", "took
    delivery of its first French-built jets", "bought a shipment of Iranian-made drones"."""
    while thing.dep_ == "pobj" and thing.head.lower_ == "of" and thing.head.head != thing.head:
        thing = thing.head.head  # "delivery of …", "a shipment of …"
    if thing.lemma_.lower() in ("delivery", "shipment", "batch", "consignment") and thing.dep_ == "dobj":
        return True
    verb = thing.head
    return thing.dep_ == "dobj" and _lemma(verb) in RECEIVING_LEMMAS | BUYING_LEMMAS


def _compared(word: Token) -> bool:
    """Whether a name is what a clause or its subject is compared to: "Like Mali, Niger …", "Vietnam,
    like India, …", "unlike Senegal" (not "states like Mali and Niger", which names examples)."""
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    prep = word.head
    return (
        word.dep_ == "pobj"
        and prep.lower_ in ("like", "unlike")
        and prep.head.pos_ in ("VERB", "AUX", "PROPN")
    )


def _introduced_people(sent: Span, mentions: list[Mention]) -> dict[str, Mention]:
    """People named in full, by what the rest of the story may call them: a leader the gazetteer knows
    by each word of the full name ("Prabowo Subianto" then "Prabowo"; "Anwar Ibrahim" then "Anwar"),
    and a person it does not know, introduced by an office of a state ("Guyanese President Irfaan
    Ali", "Tajik President Emomali Rahmon"), by the last name, with the office's mention."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.coref:
            continue
        if m.actor.kind == "leader" and m.end - m.start >= 2:
            name = set(m.actor.label.split())  # not the office: "President", "Secretary"
            out.update({t.text: m for t in sent.doc[m.start : m.end] if t.text in name and t.is_title})
            continue
        title = sent.doc[m.root]
        person = title.head
        if m.actor.kind not in ("government", "military") or title.dep_ != "compound":
            continue
        if person.ent_type_ == "PERSON" and person.is_title:
            out[person.text] = m
    return out


def _people_mentions(sent: Span, mentions: list[Mention], people: dict[str, Mention]) -> list[Mention]:
    """Mentions with the people introduced earlier by their office added: "Ali and Maduro met"."""
    taken = {i for m in mentions for i in m.tokens()}
    added = [
        Mention(t.i, t.i + 1, t.i, m.actor, m.country, t.text)
        for t in sent
        if t.pos_ == "PROPN" and t.i not in taken and (m := people.get(t.text)) is not None
    ]
    return _merged(mentions, added)


def _foreign_in(place: Token, placed: dict[int, str]) -> set[str]:
    """The states whose forces a place noun says are "in" it ("the accord governing US troops in the
    country", "American soldiers in the country"): the place is not theirs."""
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ != "in":
        return set()
    nouns = [prep.head, *(c for c in prep.head.children if c.dep_ == "dobj")]
    return {placed[n.i] for n in nouns if n.i in placed and n.pos_ == "NOUN"}


def _other_party(word: Token) -> bool:
    """Whether a name is the other party of a relation: "relations with France", "a case against Russia"."""
    return word.dep_ == "pobj" and word.head.lower_ in ("with", "against", "toward", "towards")


def _subject_state(sent: Span, mentions: list[Mention], kinds: tuple[str, ...] = ("state",)) -> str | None:
    """The state (or actor of `kinds`) named as the subject of a sentence's main verb ("France has not
    said …"), if one is."""
    subject = {t.i for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)}
    found = [m for m in mentions if m.root in subject and m.actor.kind in kinds]
    return found[0].country if len(found) == 1 else None


def _reports_another(sent: Span) -> bool:
    """Whether the sentence's main verb reports what someone else did or should do ("The United States
    said the army should restore civilian rule"): a following "It" may be that other one."""
    return any(
        c.dep_ == "ccomp" and any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ != "PRON" for s in c.children)
        for c in sent.root.children
    )


def _last_named(sent: Span, mentions: list[Mention], before: str | None) -> str | None:
    """The state a sentence names last by its name or its capital (not by a demonym, "American forces", or
    a leader, who travel), or the one named before."""
    named = [
        m
        for m in mentions
        if not m.coref
        and not m.pair
        and m.actor.kind not in ("organisation", "leader")
        and sent.doc[m.start].ent_type_ == "KG"
    ]
    return named[-1].country if named else before


def _country_named_before(
    sent: Span, mentions: list[Mention], before: str | None, index: ActorIndex
) -> list[Mention]:
    """ "did not impose sanctions on the country, whose army seized power", "France ended its operation in
    the country": "the country" after a preposition is the state named last before it (in its sentence, or
    else the sentence before), unless that is the clause's own subject; the state in focus keeps it when
    the sentence names it ("Niger's junta resisted US pressure on the country")."""
    named_here = {m.country for m in mentions if not m.coref}
    out = []
    for m in mentions:
        word = sent.doc[m.root]
        if m.coref and word.lower_ == "country" and word.dep_ == "pobj" and m.country not in named_here:
            clause = _clause_head(word)
            subject = {
                t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)
            }
            own = {x.country for x in mentions if x.root in subject}
            before_it = [x for x in mentions if x.end <= m.start and x.root not in subject]
            earlier = _last_named(sent, before_it, None)
            named = earlier or before
            actor = index.get(named) if named and named not in own else None
            if actor is not None:
                m = Mention(m.start, m.end, m.root, actor, named, m.label, coref=True)
        out.append(m)
    return out


def _whose(sent: Span, mentions: list[Mention], index: ActorIndex) -> list[Mention]:
    """ "sanctions on the country, whose army seized power", "Guinea, whose junta ...": the army, junta or
    government of a relative clause belongs to the state the clause describes."""
    by_root = {m.root: m for m in mentions}
    out = []
    for m in mentions:
        word = sent.doc[m.root]
        clause = _clause_head(word)
        owner = by_root.get(clause.head.i) if clause.dep_ == "relcl" else None
        if (
            m.coref
            and owner is not None
            and owner.country != m.country
            and any(c.dep_ == "poss" and c.lower_ == "whose" for c in word.children)
        ):
            role = COREF_NOUNS.get(word.lower_, "state")
            actor = index.get(owner.country if role == "state" else f"{owner.country}/{role}")
            actor = actor or index.get(owner.country)
            if actor is not None:
                m = Mention(m.start, m.end, m.root, actor, owner.country, m.label, coref=True)
        out.append(m)
    return out


# what a sentence-opening "It" can stand for: a state, its government, or a bloc ("ECOWAS said … It also
# imposed sanctions")
IT_KINDS = ("state", "government", "organisation")
OPENING_PRONOUNS = {("its", "poss"), ("it", "nsubj"), ("it", "nsubjpass")}


def _opening_its(
    sent: Span, mentions: list[Mention], subject: str | None, index: ActorIndex, referent: str | None = None
) -> list[Mention]:
    """Mentions with a sentence-opening "Its" as the state the sentence before was about ("France has not
    said where the soldiers will go. Its troops completed their withdrawal from Mali in August"), and a
    sentence-opening subject "It" as the state or bloc that sentence's subject named ("the Economic
    Community of West African States said it would take all necessary measures. It also imposed
    sanctions")."""
    first = sent[0] if len(sent) else None
    if first is None or (first.lower_, first.dep_) not in OPENING_PRONOUNS:
        return mentions
    if first.lower_ == "it":
        subject = referent
    actor = index.get(subject) if subject else None
    if actor is None:
        return mentions
    return _merged(mentions, [_standing_for(first, actor, subject)])


def _inner_its(sent: Span, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a subject "it" (or the "its" of a subject) inside a sentence as the state, government or
    bloc that is the subject of a clause before it, when one is ("The military council has told Paris the
    accords are over: on August 3 it announced that it was revoking them")."""
    subjects = [
        m for m in mentions if sent.doc[m.root].dep_ in ("nsubj", "nsubjpass") and m.actor.kind in IT_KINDS
    ]
    added = []
    for token in sent[1:]:
        # "ECOWAS threatened to use force and its leaders ordered …": "its" of a subject too
        owner = token.lower_ == "its" and token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass")
        if not owner and (token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass")):
            continue
        before = {m.country: m for m in subjects if m.root < token.i}
        if len(before) == 1:
            [m] = before.values()
            added.append(_standing_for(token, m.actor, m.country))
    return _merged(mentions, added)


# "the two leaders", "both countries", "their summit": the two states of the story's last event
PAIR_NOUNS = {
    "leader",
    "country",
    "side",
    "government",
    "nation",
    "president",
    "capital",
    "neighbour",
    "neighbor",
    "state",
    "minister",
    "army",
    "military",
    "counterpart",
}
PAIR_EVENT_NOUNS = {
    "summit",
    "meeting",
    "talks",
    "talk",
    "call",
    "conversation",
    "agreement",
    "pact",
    "treaty",
}


def _pair_mentions(
    sent: Span, mentions: list[Mention], pair: tuple[str, str], index: ActorIndex
) -> list[Mention]:
    """Mentions with the last event's two states added where the sentence refers to them together."""
    named = {i for m in mentions for i in m.tokens()}
    here = list(dict.fromkeys(m.country for m in mentions if not m.coref))
    if len(here) >= 2:
        pair = (here[-2], here[-1])  # "Russia's minister visited Niamey, and the two countries agreed"
    elif len(here) == 1 and here[0] not in pair:
        return mentions  # the sentence is about another state: the story's last pair is not meant
    added: list[Mention] = []
    for token in sent:
        if token.i in named:
            continue
        # as the subject only: "the two leaders met"; "cooperation between the two countries" restates
        # "troops of the two countries faced each other": of the subject
        of_subject = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "nsubj"
        two = (
            (token.dep_ in ("nsubj", "nsubjpass") or of_subject)
            and token.lemma_.lower() in PAIR_NOUNS
            and any(
                (c.dep_ == "nummod" and c.lower_ == "two")
                or (c.dep_ in ("det", "predet") and c.lower_ == "both")
                for c in token.children
            )
        )
        their = (
            token.lower_ == "their"
            and token.dep_ == "poss"
            and token.head.lemma_.lower() in PAIR_EVENT_NOUNS
            and not mentions
        )
        if two or their:
            for code in pair:
                actor = index.get(code)
                if actor is not None:
                    added.append(_standing_for(token, actor, code, pair=True))
    return _merged(mentions, added)


def _standing_for(token: Token, actor: Actor, code: str, pair: bool = False) -> Mention:
    """A one-word mention that stands for an actor named elsewhere: "the bloc", "the two countries"."""
    return Mention(token.i, token.i + 1, token.i, actor, code, token.text, coref=True, pair=pair)


def _merged(mentions: list[Mention], added: list[Mention]) -> list[Mention]:
    """The sentence's mentions with the added ones, in text order."""
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


PARTNER_PREPS = frozenset({"with", "between", "among"})
CREATION_LEMMAS = frozenset("form create establish found launch forge unveil".split())
GROUP_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6}
LIST_DEPS = {"conj", "appos"}


def _coordinated_states(sent: Span, mentions: list[Mention]) -> list[tuple[str, ...]]:
    """The lists of three or more states a sentence names together ("Mali, Burkina Faso and Niger")."""
    states = {m.root: m.country for m in mentions if m.actor.kind == "state" and not m.coref}
    out = []
    for token in sent:
        if token.i not in states or (token.dep_ in LIST_DEPS and token.head.i in states):
            continue
        chain, todo = [], [token]
        while todo:
            t = todo.pop(0)
            if t.i in states:
                chain.append(states[t.i])
            todo.extend(c for c in t.children if c.dep_ in LIST_DEPS)  # lists are parsed as appositions too
        group = tuple(dict.fromkeys(chain))
        if len(group) >= 3:
            out.append(group)
    return out


def _group_mentions(
    sent: Span, mentions: list[Mention], groups: dict[int, tuple[str, ...]], index: ActorIndex
) -> list[Mention]:
    """Mentions with "the three countries", "the three juntas" as the last list of three states named
    together ("Mali, Burkina Faso and Niger announced their departure … The three countries formed the
    Alliance of Sahel States")."""
    named = {i for m in mentions for i in m.tokens()}
    added: list[Mention] = []
    for token in sent:
        if (
            token.i in named
            or token.dep_ not in ("nsubj", "nsubjpass")  # as the subject only, as "the two leaders"
            or token.lemma_.lower() not in PAIR_NOUNS | {"junta", "regime"}
        ):
            continue
        numbers = [GROUP_NUMBERS.get(c.lower_, 0) for c in token.children if c.dep_ == "nummod"]
        n = numbers[0] if numbers else 0
        for code in groups.get(n, ()):
            if (actor := index.get(code)) is not None:
                added.append(_standing_for(token, actor, code))
    return _merged(mentions, added)


BLOC_NOUNS = frozenset("bloc alliance organisation organization".split())
# "the regional bloc" is the bloc already named ("the new bloc", "a rival alliance" are another)
BLOC_ADJECTIVES = frozenset("regional continental".split())


def _bloc_mentions(sent: Span, mentions: list[Mention], bloc: Mention | None) -> list[Mention]:
    """Mentions with "the bloc", "the alliance", "the organisation" as the last organisation named, in
    this sentence or before ("Mali left ECOWAS on Sunday. The bloc said it regretted the decision")."""
    named = {i for m in mentions for i in m.tokens()}
    added: list[Mention] = []
    for token in sent:
        if (
            token.i in named
            or token.lower_ not in BLOC_NOUNS
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            or any(
                c.dep_ in ("compound", "amod", "poss") and c.lower_ not in BLOC_ADJECTIVES
                for c in token.children
            )
        ):
            continue
        before = [m for m in mentions if m.end <= token.i and m.actor.kind == "organisation"]
        named_last = before[-1] if before else bloc
        if named_last is not None:
            added.append(_standing_for(token, named_last.actor, named_last.country))
    return _merged(mentions, added)


def _placed_in(token: Token, placed: dict[int, str]) -> str | None:
    """The state a description names as its seat: "the military government in Niamey", "Niger, where
    the military took power"."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            found = [placed[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in placed]
            if found:
                return found[0]
    clause = _clause_head(token)
    if (
        clause.dep_ == "relcl"
        and clause.head.i in placed
        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children)
    ):
        return placed[clause.head.i]
    return None


def _military(noun: Token) -> bool:
    """Whether a noun is described as military ("the military government", "the military council")."""
    return any(c.dep_ == "amod" and c.lower_ == "military" for c in noun.children)


def _referent(token: Token, focus: Focus, index: ActorIndex) -> str | None:
    """The state "the junta" or "the army" stands for: the most talked-about state that has had military
    rulers; "the country" or "the government": the state in focus ("the military government": the
    military-ruled one)."""
    military = _military(token)
    if token.lower_ in MILITARY_REFERENCES or (
        military and token.lower_ in ("government", "authorities", *MILITARY_ONLY)
    ):
        return next((c for c in focus.ranked if c in index.military_ruled), focus.state)
    return focus.state


def _name_mention(ent: Span, index: ActorIndex, focus: Focus, on: date | None) -> Mention | None:
    candidates = index.candidates(ent.text)
    if not candidates:
        return None
    non_leaders = [a for a in candidates if a.kind != "leader"]
    if non_leaders:
        # "Brussels" in a story that never names Belgium is the EU
        organisations = [a for a in non_leaders if a.kind == "organisation"]
        actor = next(
            (a for a in non_leaders if a.country in focus.mentioned), (organisations or non_leaders)[0]
        )
    else:
        in_office = [a for a in candidates if a.country_on(on) is not None]
        actor = (in_office or candidates)[0]
    if actor.kind == "leader" and actor.country_on(on) is None and _former(ent):
        return None  # "former Nigerian president Goodluck Jonathan", the bloc's mediator: not his state now
    country = actor.country_on(on) or (actor.tenures[-1].country if actor.tenures else None)
    if country is None:
        return None
    root = ent.root
    if actor.kind == "state" and _across_frontier(root) and _fights_insurgents(root, index):
        return None  # "clashed with rebels near the border with Chad": where the fight was, not a side
    if actor.kind == "state" and root.dep_ == "poss" and _non_state_body(root.head):
        return None  # "Germany's opposition Christian Democrats criticised Russia": not the state
    if (
        actor.kind == "state"
        and ent.root.dep_ in ("compound", "amod", "nmod")
        and ent.root.head.pos_ in ("NOUN", "PROPN")
    ):
        head = ent.root.head
        kind = _noun_kind(head)
        if kind != "state":
            actor = index.get(f"{actor.id}/{kind}") or actor
            root = head
    label = ent.doc[min(ent.start, root.i) : max(ent.end, root.i + 1)].text
    return Mention(ent.start, ent.end, root.i, actor, country, label)


def _demonym_mention(ent: Span, index: ActorIndex, focus: Focus) -> Mention | None:
    word = ent.text.casefold()
    states = index.demonym_states(ent.text)
    if word in CONFUSED_DEMONYMS:
        written, meant = CONFUSED_DEMONYMS[word]
        if meant in focus.mentioned and written not in focus.mentioned:
            states = [index[meant]] if meant in index.actors else states
    if not states or (ent.text.endswith("-") and not _first_of_pair(ent)):
        return None
    if len(states) > 1 and _names_someone(ent):
        return None  # "Congolese President Félix Tshisekedi": the name says which Congo
    state = next((s for s in states if s.id in focus.mentioned), states[0])
    root = ent.root
    head = (
        root.head
        if root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN")
        else root
    )
    if head != root and _former(ent):
        return None  # "former Nigerian president Goodluck Jonathan", the bloc's mediator: not his state now
    if head == root and _a_people(root):
        return None  # "100,000 ethnic Armenians fled", "Malians protested": people, not their state
    if head != root and head.lemma_.lower() in FRONTIER_NOUNS and _locates(head):
        return None  # "the downing of a Russian warplane near the Syrian border": a place, not a side
    if head != root and _non_state_body(head):
        return None  # "Indian newspapers condemned Pakistan", "Japanese analysts": not their state
    if head != root and head.lemma_.lower() in INSURGENT_NOUNS:
        return None  # "French jets struck a column of Chadian rebels": armed opponents of the state, not it
    if head != root and head.lemma_.lower() in PRIVATE_PEOPLE:
        return None  # "a British journalist", "Indian cricketers": private people, not their state
    kind = _noun_kind(head) if head != root else "state"
    actor = index.get(f"{state.id}/{kind}") if kind != "state" else state
    actor = actor or state
    label = ent.doc[min(ent.start, head.i) : max(ent.end, head.i + 1)].text
    return Mention(ent.start, ent.end, head.i, actor, state.id, label)


# "Iranian-backed militias", "US-trained units", "a London-based monitor": a force a state sponsors, or a
# body based in a state, is not the state (not "Saudi-led")
DESCRIBING_PARTICIPLES = frozenset(
    "backed sponsored funded financed supported aligned allied armed trained affiliated linked leaning "
    "based headquartered born".split()
)
# "pro-Russian separatists", "anti-French protests": a stance towards a state, not the state
STANCE_PREFIXES = frozenset({"pro", "anti"})


def _not_a_side(ent: Span) -> bool:
    """Whether a name or demonym only describes something hyphenated to it: who sponsors it
    ("Iranian-backed"), where it is based ("London-based"), a stance towards the state ("anti-French")."""
    doc = ent.doc
    glued_after = ent.end + 1 < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_
    glued_before = ent.start >= 2 and doc[ent.start - 1].text == "-" and not doc[ent.start - 2].whitespace_
    return (glued_after and doc[ent.end + 1].lower_ in DESCRIBING_PARTICIPLES) or (
        glued_before and doc[ent.start - 2].lower_ in STANCE_PREFIXES
    )


# Hyphenated names of one thing, not of two states: an empire, languages
NOT_PAIRS = frozenset({"austro-hungarian", "austro-hungary", "serbo-croatian", "serbo-croat", "indo-iranian"})


def _first_of_pair(ent: Span) -> bool:
    """Whether a combining form ("Sino-", "Franco-") is the first half of a pair of states: another
    state's name or demonym follows ("Sino-Russian", "Franco-German"; not "Indo-Pacific",
    "Austro-Hungarian")."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].ent_type_ not in ("KG", "KG_DEM"):
        return False
    return f"{ent.text}{doc[ent.end].text}".casefold() not in NOT_PAIRS


def _a_people(noun: Token) -> bool:
    """Whether a plural demonym names people rather than their state: it is the state only as "the Malians"
    (not "100,000 ethnic Armenians", "Nigeriens protested")."""
    if not noun.text.endswith("s") or noun.tag_ not in ("NNS", "NNPS"):
        return False
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    counted = any(c.dep_ in ("nummod", "amod", "quantmod") for c in noun.children)
    return not the or counted


FRONTIER_NOUNS = frozenset("border frontier coast coastline".split())
NEAR_PREPOSITIONS = frozenset("near along beside by".split())
# Bodies and people of a state that do not speak for it: its press, its opposition, its analysts
NON_STATE_BODIES = frozenset(
    "newspaper paper media medium outlet broadcaster daily tabloid editorial press opposition analyst expert "
    "commentator scholar academic researcher pundit journalist reporter correspondent".split()
)


def _locates(frontier: Token) -> bool:
    """Whether a border is where something happened: "near the border", "along the frontier", "close to
    the border"."""
    prep = frontier.head
    if frontier.dep_ != "pobj":
        return False
    return prep.lower_ in NEAR_PREPOSITIONS or (prep.lower_ == "to" and prep.head.lower_ in ("close", "next"))


def _across_frontier(token: Token) -> bool:
    """Whether a state is named only as the other side of a border that places an act ("fought rebels
    near the border with Chad")."""
    with_ = token.head
    return (
        token.dep_ == "pobj"
        and with_.lower_ == "with"
        and with_.head.lemma_.lower() in FRONTIER_NOUNS
        and _locates(with_.head)
    )


def _fights_insurgents(token: Token, index: ActorIndex) -> bool:
    """Whether the act a word is placed in is against rebels or an armed group ("clashed with the Rapid
    Support Forces", "fought rebels", "Boko Haram fighters"), so a state across the border is no side (as it is in "built up
    troops near the border with Ukraine")."""
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return False
    opponents = [c for c in verb.children if c.dep_ == "dobj"]
    opponents += [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against") for p in c.children
    ]
    groups = {
        ent.root.i
        for ent in token.doc.ents
        if ent.label_ == "KG"
        and any(a.kind == "group" and a.country == a.id for a in index.candidates(ent.text))
    }
    named = [w for o in opponents for w in (o, *(c for c in o.children if c.dep_ in ("compound", "amod")))]
    return any(w.lemma_.lower() in INSURGENT_NOUNS or w.i in groups for w in named)


def _non_state_body(noun: Token) -> bool:
    """Whether a noun names a state's press, opposition or commentators: "newspapers", or as the one who
    acts, "opposition Christian Democrats" (not "the release of Georgian opposition leaders", whose
    state is the one asked)."""
    described = noun.dep_ == "nsubj" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in NON_STATE_BODIES for c in noun.children
    )
    return noun.lemma_.lower() in NON_STATE_BODIES or described


INSURGENT_NOUNS = frozenset(
    "rebel insurgent militant jihadist separatist secessionist guerrilla gunman mutineer dissident "
    "opposition protester demonstrator".split()
)
PRIVATE_TRAVELLERS = frozenset(
    "tourist holidaymaker visitor traveller traveler pilgrim fan student backpacker "
    "cricketer footballer athlete player supporter".split()
)
PRIVATE_PARTIES = PRIVATE_TRAVELLERS | {"club", "company", "firm"}
PRIVATE_PEOPLE = (PRIVATE_TRAVELLERS - {"visitor"}) | {"journalist", "reporter", "correspondent"}


def _origin_of_private(ent: Span) -> bool:
    """A state named only as where private people or firms come from ("two clubs from Spain and Italy",
    "fans from Morocco"): no side of any act."""
    word = ent.root
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    from_ = word.head
    return word.dep_ == "pobj" and from_.lower_ == "from" and from_.head.lemma_.lower() in PRIVATE_PARTIES


def _former(ent: Span) -> bool:
    """Whether a name or demonym describes someone by an office they no longer hold ("former Nigerian
    president Goodluck Jonathan", "ex-president Jonathan")."""
    nouns = [ent.root, ent.root.head] + [c for c in ent.root.children if c.dep_ == "compound"]
    return any(c.lower_ in FORMER_WORDS for n in nouns for c in n.children) or any(
        t.lower_ in FORMER_WORDS for t in ent
    )


FORMER_WORDS = frozenset({"former", "ex", "ex-"})


def _names_someone(ent: Span) -> bool:
    """Whether a demonym modifies a gazetteer name: "Congolese President Félix Tshisekedi"."""
    head = ent.root
    for _ in range(3):
        if head.dep_ not in ("amod", "compound", "nmod") or head.head == head:
            return False
        head = head.head
        if head.ent_type_ == "KG":
            return True
    return False


def _noun_kind(noun: Token) -> str:
    words = {noun.lower_, noun.lemma_.lower()} | {
        c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")
    }
    if words & MILITARY_NOUNS:
        return "military"
    if words & GOVERNMENT_NOUNS:
        return "government"
    return "state"


# --- triggers ---------------------------------------------------------------------------------------


def find_triggers(sent: Span, lexicon: Lexicon, mentions: list[Mention]) -> list[tuple[Token, Trigger]]:
    """Tokens that signal an event, each with the first lexicon entry whose constraints hold."""
    in_names = {i for m in mentions for i in m.tokens()}
    found = []
    for token in sent:
        if (
            token.i in in_names
            # "Air Base 201 cost $100 million", "the Lombrum base": a facility's name, no basing event
            or token.ent_type_ == "KG_FAC"
            or any(c.ent_type_ == "KG_FAC" and c.dep_ == "compound" for c in token.children)
            or (token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ") and not _foreign_head_noun(token))
            or token.lower_ == "according"
        ):
            continue
        lemma = "unwelcome" if _no_longer_welcome(token) else token.lemma_.lower()
        entries = lexicon.for_lemma(lemma) or lexicon.for_lemma(token.lower_)
        if not entries:
            continue
        phrase = _phrase_lemmas(token)
        near = _words(t for c in _near_dependents(token) for t in (c, *c.children))  # "bases": "basis"
        if _not_an_event_use(token):
            continue
        for entry in entries:
            if entry.pos and token.pos_ not in entry.pos:
                continue
            if entry.type == "access_used" and token.dep_ == "acl" and token.tag_ == "VBN":
                continue  # "the 1,500 French soldiers deployed in Niger": who they are, not an event
            if entry.type == "access_used" and token.pos_ == "NOUN" and token.lemma_.lower() in BASE_NOUNS:
                continue  # "Camp Lemonnier is the only U.S. base in Africa": no event without a verb
            if entry.type == "military_training" and _stationed(token):
                break  # "1,000 US military personnel are deployed in Niger": a presence, no training begun
            if token.head.pos_ == "ADP" and _stationed(_clause_head(token)):
                break  # "… are deployed at Air Base 201": where the forces are, not an event of its own
            if entry.type == "coup" and token.lemma_.lower() == "hold" and not any(
                c.dep_ in ("dobj", "nsubjpass") and (c.pos_ == "PROPN" or c.lemma_.lower() in RULER_NOUNS)
                for c in token.children
            ):
                continue  # "held talks with President Tinubu", "held elections": holding a ruler detains
            if entry.type == "coup" and entry.needs == {"over"} and not _took_over(token):
                continue  # "took over the base", "the vice-president took over": no seizure of power
            if entry.type == "coup" and _no_putsch(token, mentions):
                continue  # "voters ousted the ruling coalition", "took control of the region from Armenia"
            if entry.type == "withdrawal" and _diplomat_leaves(token):
                continue  # "ordered France's ambassador to leave": an expulsion, not forces withdrawing
            if entry.transitive and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass")  # "met Putin", "a facility that has been used"
                or (c.dep_ == "nsubj" and any(d.dep_ == "conj" for d in c.children))
                for c in token.children
            ):
                continue  # "met Putin", "Ali and Maduro met" (not "a meeting in Abuja")
            if entry.also and not entry.also & (near if entry.near else phrase):
                continue  # "sent troops to the border": the troops and the border both
            if (
                not entry.needs
                or entry.needs & (near if entry.near else phrase)
                or (entry.type == "withdrawal" and _state_leaves_state(token, mentions))
                or (entry.type == "visit" and _leader_visit(token, mentions))
                # "Egypt and Turkey held talks", "US-China talks": partners named together, as "with" would
                or (entry.symmetric and "with" in entry.needs and _named_together(token, mentions))
                # "agreed to begin planning an orderly withdrawal": an agreed withdrawal is of forces
                or (
                    entry.type == "withdrawal"
                    and token.lemma_.lower() in WITHDRAWAL_NOUNS
                    and _announcer(token) is not token
                )
            ):
                found.append((token, entry))
                break
    return _absorb_objects(found)


def _leader_visit(token: Token, mentions: list[Mention]) -> bool:
    """Whether a visit verb names a leader as the visitor, the visit word the lexicon needs unsaid: the
    object of a hosting verb ("Kim Jong Un received Vladimir Putin", "Macron hosted Narendra Modi", "Xi
    greeted the French president") or the subject of a travelling one ("Xi Jinping arrived in Moscow")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return False
    # the active object only: "was greeted by officials" names no host, so the story's focus would be one
    deps = ("dobj",) if lemma in HOSTING_LEMMAS else ("nsubj",) if lemma in TRAVEL_LEMMAS else ()
    visitors = [t for c in token.children if c.dep_ in deps for t in c.subtree]
    if lemma == "greet" and any(t.lemma_.lower() in RULER_NOUNS for t in visitors):
        return True  # "Xi greeted the French president"
    return any(m.actor.kind == "leader" and m.root in {t.i for t in visitors} for m in mentions)


def _named_together(token: Token, mentions: list[Mention]) -> bool:
    """Whether two or more states are named together as who acts: the subject of the trigger's clause
    ("Egypt and Turkey held talks", "the leaders of Egypt, Jordan and Iraq met") or the noun's own modifiers
    ("US-China talks")."""
    if token.lemma_.lower() in LIGHT_VERBS:
        return False  # "China and Russia held drills": what they held tells the event, not "held"
    own = [c for c in token.children if c.dep_ in NOUN_SOURCE_DEPS] if token.pos_ == "NOUN" else []
    verb = token if token.pos_ in ("VERB", "AUX") else token.head if token.dep_ == "dobj" else None
    going_on = verb is not None and verb.tag_ == "VBG"
    if going_on and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return False  # "Baku and Yerevan are negotiating a treaty": a process going on, not talks held
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    inside = {t.i for c in own + subjects for t in _phrase(c)}
    named = {
        m.country
        for m in mentions
        if (m.root in inside or m.start in inside)  # "Anglo-French summit": demonyms headed on the noun
        and (m.actor.kind in SIDE_KINDS or _hyphened(m, token.doc))  # "the EU-China summit"
        and not m.coref
    }
    return len(named) >= 2  # named here, not "the three countries" of a list before


def _hyphened(m: Mention, doc: Doc) -> bool:
    """Whether a mention is the first of a hyphenated pair ("EU-China", "NATO-Russia")."""
    return m.end < len(doc) and doc[m.end].text in ("-", "–") and not doc[m.end - 1].whitespace_


SIDE_KINDS = frozenset({"state", "government", "military"})


def _no_longer_welcome(token: Token) -> bool:
    """Whether an adjective "welcome" is said no longer to hold of a person ("the envoy was no longer
    welcome", "told Paris that Mr Itte was no longer welcome"): it reads as "unwelcome", an expulsion
    ("told France it was no longer welcome" is about its forces, not a diplomat)."""
    if token.lemma_.lower() != "welcome" or token.pos_ != "ADJ":
        return False
    copula = token.head if token.dep_ == "acomp" else token
    around = [*token.children, *copula.children]
    if not any(a.lower_ == "longer" and any(n.lower_ == "no" for n in a.children) for a in around):
        return False
    who = [c for c in copula.children if c.dep_ == "nsubj"]
    return any(
        w.lemma_.lower() in DIPLOMAT_NOUNS
        or w.lower_ in ("he", "she")
        or (w.pos_ == "PROPN" and w.ent_type_ in ("PERSON", "KG"))
        for w in who
    )


VOTING_NOUNS = frozenset(
    "voter voters electorate parliament lawmaker lawmakers legislature legislator mp mps court party caucus "
    "shareholder shareholders board".split()
)
OFFICE_NOUNS = frozenset(
    "power office presidency throne post premiership helm seat junta regime administration transition "
    "civilian civilians authorities party dynasty family palace".split()
)


# "coup" used of no seizure of power: "a diplomatic coup for China", "a boardroom coup", "coup-proofing",
# "the coup de grace"
FIGURATIVE_COUP_MODIFIERS = frozenset(
    "diplomatic boardroom electoral propaganda publicity media commercial marketing financial".split()
)
FIGURATIVE_COUP_HEADS = frozenset("proofing proof grace main".split())


def _foreign_head_noun(token: Token) -> bool:
    """A foreign word heading its noun phrase: "launched a coup d'etat" (the model tags "d'etat" a foreign
    word and hangs "coup" from it)."""
    return token.tag_ == "FW" and token.dep_ not in ("nmod", "compound", "amod")


def _took_over(verb: Token) -> bool:
    """ "The military took over in Myanmar", "a military council took over the government": armed men taking
    over (no object, or an office or a ruler's seat), not "took over the base" or "the vice-president took
    over"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    armed = any(
        c.dep_ == "nsubj" and _words(_phrase(c)) & PUTSCHIST_WORDS for c in verb.children
    )
    return armed and all(o.lemma_.lower() in OFFICE_NOUNS | RULER_NOUNS | {"country"} for o in objects)


PUTSCHIST_WORDS = frozenset(
    "military junta officer officers soldier soldiers troop troops putschist putschists mutineer mutineers "
    "general generals colonel colonels army force forces guard".split()
)


def _figurative_coup(noun: Token) -> bool:
    """Whether "coup" names a success or a finishing blow, not a seizure of power ("a diplomatic coup",
    "coup-proofing", "the coup de grace"); "a military coup" and "a coup d'etat" are coups."""
    figurative = any(c.dep_ in ("amod", "compound") and c.lower_ in FIGURATIVE_COUP_MODIFIERS for c in noun.children)
    head = noun.dep_ in ("compound", "nmod") and noun.head.lemma_.lower() in FIGURATIVE_COUP_HEADS
    return figurative or head


def _no_putsch(verb: Token, mentions: list[Mention]) -> bool:
    """A coup verb used of no coup: ousting by a vote or a court ("voters ousted the ruling coalition",
    "parliament ousted the prime minister"), or taking from other than a ruler or an office ("ousted Morocco
    from the World Cup", "took control of the region from Armenia"; "seized power from Bazoum" is a coup)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    voted = any(c.dep_ in ("nsubj", "agent") and VOTING_NOUNS & _words(c.subtree) for c in verb.children)
    rulers = {m.root for m in mentions if m.actor.kind in ("leader", "government")}
    taken_from = [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return voted or any(
        p.lemma_.lower() not in OFFICE_NOUNS | RULER_NOUNS and p.ent_type_ != "PERSON" and p.i not in rulers
        for p in taken_from
    )


def _near_dependents(token: Token) -> list[Token]:
    """A word's dependents, with the subject a coordinated verb shares with the verb before it ("Air Base
    201 cost $100 million and has served as a hub") and the noun a relative clause's "that" stands for
    ("a drone facility that has been used since 2019")."""
    children = list(token.children)
    clause = token
    if token.dep_ == "conj" and token.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in children):
        clause = token.head
        children += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    relative = any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in clause.children)
    if clause.dep_ == "relcl" and relative:
        children.append(clause.head)
    return children


def _relative_clause(token: Token) -> bool:
    """Whether a verb heads (or is coordinated in) a relative clause: "a facility which has been used"."""
    return token.dep_ == "relcl" or (token.dep_ == "conj" and token.head.dep_ == "relcl")


WITHDRAWAL_NOUNS = frozenset("withdrawal pullout departure exit drawdown".split())
PRESENCE_VERBS = frozenset("deploy station base post garrison".split())
BASE_NOUNS = frozenset("base airbase".split())


def _stationed(verb: Token) -> bool:
    """A state of presence, not an arrival: "personnel are deployed in Niger", "remain stationed there"."""
    present = any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in verb.children)
    remains = verb.dep_ in ("xcomp", "acomp", "oprd") and verb.head.lemma_.lower() in ("remain", "stay")
    return verb.lemma_.lower() in PRESENCE_VERBS and verb.tag_ == "VBN" and (present or remains)


def _state_leaves_state(token: Token, mentions: list[Mention]) -> bool:
    """ "France's withdrawal from Mali", "France's exit from Niger": a state leaving another state is its
    forces leaving, though no soldier is named; so is a state's armed force ("the Bundeswehr completed its
    withdrawal from Mali")."""
    states = {m.root for m in mentions if m.actor.kind in ("state", "military")}
    subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    owner = any(
        c.dep_ in ("poss", "nsubj") and c.i in states
        or c.dep_ == "poss" and c.lower_ in ("its", "their") and subject is not None and subject.i in states
        for c in token.children
    )
    left = any(
        c.dep_ == "prep" and c.lower_ == "from" and any(p.i in states for p in c.children)
        for c in token.children
    )
    return owner and left


# Places and facilities: taking control of one is no coup ("officers took control of Air Base 201").
FACILITY_NOUNS = frozenset(
    "base airbase airfield airport port harbour harbor camp site facility installation runway garrison "
    "town city village border crossing mine territory region area building compound barracks".split()
)
DIPLOMAT_NOUNS = frozenset(
    "ambassador envoy diplomat attaché attache chargé charge consul representative".split()
)
# People a state evacuates or flies out, not its forces: "evacuated its citizens from Niger"
CIVILIAN_NOUNS = frozenset("citizen national civilian expatriate evacuee tourist resident".split())


def _from_base(prep: Token) -> bool:
    """Whether a preposition is "from" a base: "flew from Hmeimim", "flew from the air base at Incirlik"."""
    return prep.dep_ == "prep" and prep.lower_ == "from" and bool(_words(prep.subtree) & BASE_NOUNS)


def _not_an_event_use(token: Token) -> bool:
    """Uses of a trigger word that report no event between states: "joined in" (took part, not membership),
    "signed up for" (no document), "arrested a former president" (an arrest, not a coup), "took control
    of the base" (no coup),
    "Bazoum, a close French ally" (a description, not an alliance)."""
    lemma = token.lemma_.lower()
    if lemma == "ally" and token.pos_ == "NOUN" and token.dep_ in ("appos", "attr"):
        return True
    messages = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS]
    if lemma == "receive" and messages:
        return True  # "received a call from Iran's president": the call is the event, no one visits
    if lemma == "be" and not any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in token.children):
        return True  # "the delegation was in Niamey" tells of a stay; "the delegation was late" does not
    if _accord_described(token) or _accord_held(token) or _accord_negotiated(token):
        return True
    if lemma == "deal" and token.pos_ == "VERB":
        return True  # "dealing a blow to the bloc", "to deal with the crisis": no deal is made
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in ("expire", "lapse"):
        return True  # "UN sanctions on Iran's missile programme expired": a measure that ends is not imposed
    if lemma in ("seize", "take", "grab", "assume", "gain"):
        controlled = [
            p
            for c in token.children
            if c.dep_ == "dobj" and c.lemma_.lower() == "control"
            for prep in c.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "over")
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        if any({t.lemma_.lower() for t in _phrase(p)} & FACILITY_NOUNS for p in controlled):
            return True
    if lemma == "join" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children):
        return True
    if lemma in ("face", "confront") and not any(
        c.dep_ == "nsubj" and c.lemma_.lower() in ARMED_NOUNS for c in token.children
    ):
        return True  # "Greece and Turkey face each other in the final": only armed forces face off
    if lemma == "open" and any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in token.children):
        return True  # "opened fire near the embassy": shooting, no mission opened
    if lemma in COUP_NOUNS and token.pos_ in ("NOUN", "PROPN") and (_label(token) or _coup_people(token)):
        return True  # "designated the takeover a coup", "the leaders of Niger's coup": a name, people
    if token.tag_ == "VBN" and token.i > 0 and token.nbor(-1).text in ("-", "\u2010", "\u2011"):
        return True  # "the French-trained army", "Russian-supplied jets": a description of a thing or unit
    if lemma == "coup" and _figurative_coup(token):
        return True  # "a diplomatic coup", "coup-proofing", "the coup de grace": no seizure of power
    if lemma == "dispute" and token.dep_ == "amod":
        return True  # "talks on their disputed border": a description of the border, no new dispute
    if lemma in ("recognise", "recognize") and token.dep_ in ("amod", "acl"):
        return True  # "Yemen's internationally recognised government": a description, no recognition
    if lemma == "fly" and not any(
        c.dep_ == "nsubjpass" or (c.dep_ == "prep" and c.lower_ == "to") or _from_base(c) for c in token.children
    ):
        return True  # "drones fly surveillance missions": only what "was flown into" (or flew to) a state counts
    if (
        lemma == "call"
        and token.pos_ == "NOUN"
        and any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    ):
        return True  # "Ottawa's call for the release of activists": a demand, not a phone call
    if lemma == "press" and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" for c in token.children
    ):
        return True  # "Polish leaders pressed for a permanent American presence": lobbying, no one pressed
    if lemma == "attend" and token.dep_ == "acl":
        return True  # "a ceremony attended by Bahraini ministers": who attended names no host
    if lemma == "bring" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return True  # "the plane was brought down by a Syrian missile": shot down, nothing delivered
    if lemma in ("sign", "give") and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return True  # "signed up for closer ties": a choice of side; "giving up the base": nothing granted
    if lemma == "sign" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DOMESTIC_ACTS for c in token.children
    ):
        return True  # "signed a decree imposing sanctions", "signed the bill into law": no accord
    verb = token.head if token.dep_ == "dobj" else token
    if any(
        c.dep_ == "nsubj" and c.lemma_.lower() in PRIVATE_TRAVELLERS and c.ent_type_ != "KG"  # not "FAN"
        for c in verb.children
    ):
        return True  # "Russian tourists made 4.5 million trips to Turkey": people travel, not states
    if token.dep_ == "acl" and token.head.lemma_.lower() in PRIVATE_TRAVELLERS:
        return True  # "Indian cricketers trained in Australia", parsed as a noun phrase
    trainees = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in CIVILIAN_TRAINEES]
    if lemma == "train" and trainees:
        return True  # "Chinese engineers trained Kenyan railway staff": no armed forces trained
    if any(c.dep_ == "nsubj" and _non_state_agent(c) for c in verb.children):
        return True  # "the Indian cricket team toured Australia", "an American oil company signed a deal"
    settled = token.dep_ in ("dobj", "nsubjpass") and _lemma(token.head) in SETTLING_VERBS
    if lemma in QUARREL_NOUNS and settled:
        return True  # "agreed to resolve a dispute over sea access": the old dispute, no new tension
    lasting_or_topic = _standing_quarrel(token) or _quarrel_topic(token)
    if lemma in QUARREL_NOUNS and token.pos_ == "NOUN" and lasting_or_topic:
        return True  # "have a long-standing dispute", "discussed tensions", "concern over tensions"
    if lemma == "urge" and _restraint_urged(token):
        return True  # "China urged India and Pakistan to exercise restraint": an appeal, no pressure
    if lemma == "sink" and token.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in token.children
    ):
        return True  # "a boat carrying migrants sank off Greece": a wreck; only what was sunk was attacked
    if lemma == "press" and token.pos_ in ("NOUN", "PROPN"):
        return True  # "Nigeria's press covered the vote", "a press conference": the media, no pressure
    if lemma in ("arrest", "detain", "capture") or (lemma in ("place", "put", "keep") and token.pos_ == "VERB"):
        objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(t.lower_ in ("former", "ex", "ex-") for o in objects for t in o.subtree):
            return True
        # "the arrest in France of one of its consular employees": no ruler, no named person, no coup
        objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        return bool(objects) and not any(
            t.lemma_.lower() in RULER_NOUNS or t.pos_ == "PROPN" for o in objects for t in _phrase(o)
        )
    if lemma == "threaten" and token.pos_ == "VERB":
        # "a move that threatens the presence of French troops": a happening endangers, nobody threatens
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in ("that", "which") and token.dep_ == "relcl":
            subject = token.head
        return subject is not None and subject.lemma_.lower() in HAPPENING_NOUNS
    return False


CIVILIAN_TRAINEES = frozenset(
    "staff worker employee student doctor nurse teacher journalist technician farmer".split()
)
MESSAGE_NOUNS = frozenset("call phone message letter".split())
ARMED_NOUNS = frozenset("troop soldier force army navy warship ship vessel unit guard".split())
# Verbs whose object is an existing quarrel they end: "resolve a dispute", "defuse the row", "heal the rift".
SETTLING_VERBS = frozenset("resolve settle defuse ease calm heal mend overcome bridge de-escalate".split())
QUARREL_NOUNS = frozenset(
    "dispute row rift feud standoff spat quarrel crisis tension friction discord".split()
)

# Doers that are no state: firms, sportspeople, performers, and natural hazards ("swarms of locusts").
NON_STATE_AGENTS = frozenset(
    "company firm corporation conglomerate carmaker automaker planemaker airline bank insurer utility "
    "manufacturer maker exporter importer retailer player footballer cricketer athlete runner forward "
    "striker midfielder club band singer musician artist locust storm typhoon cyclone hurricane earthquake "
    "quake flood wildfire smoke drought virus".split()
)
SPORT_WORDS = frozenset(
    "national cricket football soccer rugby olympic hockey basketball volleyball tennis".split()
)


# What tells a quarrel as a lasting state: "a long-standing dispute", "a decades-old feud"
DURATIVE_WORDS = frozenset(
    "standing longstanding old running lingering protracted perennial simmering".split()
)
# Verbs whose subject quarrel only goes on: "tensions simmered for decades", "the dispute persists"
STATIVE_VERBS = frozenset("simmer persist linger remain endure date".split())
# Verbs and prepositions whose object quarrel is what is talked about: "discussed tensions", "talks on the
# dispute", "concern over tensions"
QUARREL_TOPIC_VERBS = frozenset("discuss mediate address debate examine".split())
QUARREL_TOPIC_PREPOSITIONS = frozenset("on over about".split())
RESTRAINT_WORDS = frozenset("restraint calm escalation de-escalation dialogue".split())


def _standing_quarrel(noun: Token) -> bool:
    """Whether a quarrel noun tells a lasting state, no new act: "Japan and China have a long-standing
    dispute", "Tensions between Riyadh and Tehran simmered for decades"."""
    described = any(
        w.lower_ in DURATIVE_WORDS for c in noun.children if c.dep_ in ("amod", "compound") for w in c.subtree
    )
    had = noun.dep_ == "dobj" and noun.head.lemma_.lower() == "have"
    lasting = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in STATIVE_VERBS
    return described or had or lasting


def _quarrel_topic(noun: Token) -> bool:
    """Whether a quarrel noun is what a meeting or a comment is about ("discussed border tensions",
    "talks on their trade dispute", "expressed concern over tensions between Venezuela and Guyana")."""
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in QUARREL_TOPIC_VERBS
    return noun.dep_ == "pobj" and noun.head.lower_ in QUARREL_TOPIC_PREPOSITIONS


def _restraint_urged(verb: Token) -> bool:
    """Whether "urge" asks for restraint ("urged both to exercise restraint", "to avoid escalation")."""
    return any(
        t.lemma_.lower() in RESTRAINT_WORDS and t.head.dep_ in ("xcomp", "advcl", "ccomp")
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl", "ccomp")
        for t in c.subtree
    )


def _non_state_agent(subject: Token) -> bool:
    """Whether a subject names a doer that is no state: "an American oil company", "Brazil's forwards",
    "swarms of locusts", "the Indian cricket team" (a team with a sport word; "the negotiating team" is
    a state's)."""
    nouns = [subject, *(c for c in subject.children if c.dep_ in ("appos", "compound"))]
    nouns += [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if any(n.lemma_.lower() in NON_STATE_AGENTS for n in nouns):
        return True
    return subject.lemma_.lower() in ("team", "squad", "side") and any(
        c.lower_ in SPORT_WORDS for c in subject.children if c.dep_ in ("amod", "compound")
    )


# Verbs whose subject is an accord being made: "the deal was reached", "the pact was signed on Monday".
MAKING_VERBS = frozenset(
    "sign conclude ink seal reach strike agree finalise finalize approve ratify adopt announce unveil "
    "negotiate broker renew extend".split()
)


def _accord_described(noun: Token) -> bool:
    """ "the agreement had been imposed on the country", "the accord dates from 2012": an existing accord,
    the subject of what is said about it, is no new agreement (unless the clause makes it: "the deal
    was signed")."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in ACCORD_NOUNS
        and noun.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "no") for c in noun.children)
        and noun.head.lemma_.lower() not in MAKING_VERBS
    )


# Talks whose "on" or "for" names the accord they seek: "talks on a free trade deal stalled"
NEGOTIATION_NOUNS = frozenset("talk talks negotiation negotiations discussion discussions".split())


def _accord_negotiated(noun: Token) -> bool:
    """ "talks on a free trade deal between India and Britain stalled", "negotiations for a peace treaty":
    the accord sought by talks is not made by them."""
    prep = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in ACCORD_NOUNS
        and noun.dep_ == "pobj"
        and prep.lower_ in ("on", "for", "over", "toward", "towards")
        and prep.head.lemma_.lower() in NEGOTIATION_NOUNS
    )


def _accord_held(noun: Token) -> bool:
    """ "the United States, which has a defence treaty with the Philippines": an accord a state has is a
    standing fact, no agreement made in the story's time."""
    return (
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in ACCORD_NOUNS
        and noun.dep_ == "dobj"
        and noun.head.lemma_.lower() == "have"
        and noun.head.tag_ in ("VBZ", "VBP")
    )


DOMESTIC_ACTS = frozenset("decree law bill order legislation budget ordinance resolution".split())
LABEL_VERBS = frozenset("designate declare call describe label brand term deem classify qualify".split())


def _label(noun: Token) -> bool:
    """Whether a noun is what something is called: "designated the takeover a coup", "described the events
    as a coup within a coup" (the act was reported, or not, elsewhere)."""
    head = noun.head
    if head.dep_ == "prep" and head.head.lemma_.lower() in COUP_NOUNS and head.head != noun:
        return _label(head.head)  # "as a coup within a coup"
    if head.lower_ == "as" and head.dep_ == "prep":
        head = head.head
    if head.lemma_.lower() not in LABEL_VERBS or head == noun:
        return False
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    second_object = noun.dep_ == "dobj" and objects[:1] != [noun]  # "designated the takeover a coup"
    return noun.dep_ in ("oprd", "attr", "xcomp", "ccomp") or noun.head.lower_ == "as" or second_object


def _coup_people(noun: Token) -> bool:
    """ "the leaders of Niger's coup", "the officers behind the coup": the people, not the act."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("of", "behind") and prep.head.lemma_.lower() in COUP_PEOPLE


def _diplomat_leaves(token: Token) -> bool:
    """Whether the one who leaves is a diplomat or a civilian: "the ambassador left", "ordered the envoy to
    leave", "evacuated its citizens"."""
    leavers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if token.dep_ == "xcomp":  # "ordered the envoy to leave", "the envoy was ordered to leave"
        leavers += [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(c.lemma_.lower() in DIPLOMAT_NOUNS | CIVILIAN_NOUNS for c in leavers)


def _backed_acts(token: Token) -> set[int]:
    """The gerunds of what a supporter backs someone in doing ("backed ECOWAS in demanding …")."""
    return {
        t.i
        for t in token.subtree
        if t.dep_ == "pcomp"
        and t.tag_ == "VBG"
        and t.head.lower_ == "in"
        and token in (t.head.head, t.head.head.head)  # "backed X in …" or "backed X, in …"
    }


# Nouns of a span or a part of something: the verb acting on them acts on what they measure
PORTION_NOUNS = frozenset("decade year month week some most part all rest half".split())


def _absorb_objects(found: list[tuple[Token, Trigger]]) -> list[tuple[Token, Trigger]]:
    """ "revoked the accord" is one event: a noun trigger governed by a verb trigger gives way to it.
    But an order gives way to the event it orders ("ordered the activation of a standby force", "ordered the
    withdrawal of Danish forces")."""
    ordered = {
        t.head.i
        for t, e in found
        if t.dep_ == "dobj"
        and (t.head.lemma_.lower() in ORDERING_HEADS or (e.category == "base_access" and _state_demands(t.head)))
    }
    # "backed ECOWAS in demanding Bazoum's release": the backer joins the act it backs
    joined = {t.i for t, e in found if e.type == "support" and any(g.i in _backed_acts(t) for g, _ in found)}
    found = [(t, e) for t, e in found if t.i not in ordered | joined]
    verbs = {t.i for t, _ in found if t.pos_ in ("VERB", "AUX")}
    # "the end of military cooperation": the event noun governs the noun it is about
    verbs |= {t.i for t, e in found if t.pos_ == "NOUN" and e.category != "cooperation"}
    at = {t.i for t, _ in found}
    categories = {t.i: e.category for t, e in found}
    kept, absorbed = [], {}  # absorbed: event noun -> category of the verb it gave way to
    for token, entry in found:
        if (
            entry.type == "agreement"
            and any(c.dep_ == "xcomp" and c.i in at for c in token.children)
            and not entry.needs & _words(
                t for c in token.children if c.dep_ in ("dobj", "prep") for t in c.subtree
            )
        ):
            # "agreed to withdraw its soldiers": what was agreed is the event ("agreed to a ceasefire and
            # to pull back troops" names an accord of its own)
            continue
        head = token.head
        while head.pos_ == "ADP" and head.head != head:
            head = head.head
            if head.lemma_.lower() in PORTION_NOUNS and head.dep_ in ("dobj", "nsubjpass"):
                head = head.head  # "ended decades of US restrictions", "lifted some of the sanctions"
        if (
            token.pos_ in ("NOUN", "PROPN")
            and entry.category != "coup"
            and head.i in verbs
            and token.dep_ in ("dobj", "nsubjpass", "pobj", "attr")
            and head.lemma_.lower() not in MEDIATING_LEMMAS  # "Oman hosted talks": the talks are an event too
            and not (entry.type in ENCOUNTER_TYPES and _framing(token))
            # "received the jets under an accord signed in 2016": the accord is an event of its own
            and token.head.lower_ not in FRAME_PREPOSITIONS
        ):
            absorbed[token.i] = categories[head.i]
            continue
        kept.append((token, entry))
    # "a coup that overthrew the president": one coup; but "lifted the sanctions imposed on Mali in
    # January" keeps the imposing, the noun it describes having given way to a lifting (of another kind),
    # and "would reward the coup that toppled Bazoum last July" the toppling (the noun names it in passing)
    return [
        (token, entry)
        for token, entry in kept
        if not (
            token.dep_ in ("relcl", "acl")
            and categories.get(token.head.i) == entry.category
            and absorbed.get(token.head.i, entry.category) == entry.category
            and not (entry.category == "coup" and _background_coup(token.head))
        )
    ]


ENCOUNTER_TYPES = frozenset({"call", "visit", "meeting"})


def _framing(noun: Token) -> bool:
    """A noun that frames a clause ("In a call with Putin, Macron urged a ceasefire", "pledged tanks during a
    visit to Kyiv"): an encounter framing a verb is an event of its own, neither what the verb acts on nor
    as hypothetical as what is urged."""
    prep, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return False
    return prep.lower_ == "during" or (prep.lower_ in ("in", "on") and noun.i < verb.i)


def _against_insurgents(token: Token) -> bool:
    """Whether an attack's object is rebels or militants ("struck a column of Chadian rebels", "bombed
    jihadist camps"), not a state."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    against = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
    objects += [p for c in against for p in c.children]
    of = [c for o in objects for c in o.children if (c.dep_, c.lower_) == ("prep", "of")]
    objects += [p for c in of for p in c.children]
    return any(
        w.lemma_.lower() in INSURGENT_NOUNS
        for o in objects
        for w in [o, *(c for c in o.children if c.dep_ in ("compound", "amod"))]
    )


def _phrase_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's phrase: its subtree and the head it hangs from, minus other clauses
    and attributions ("according to a statement" names no accord)."""
    words = _words(token.subtree)
    head = token.head
    if head != token and token.dep_ not in ("conj", "advcl", "ccomp", "relcl", "parataxis"):
        words |= {head.lemma_.lower(), head.lower_}
        for child in head.children:
            if (
                child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "prep", "dative", "oprd")
                and child != token
                and child.lower_ != "according"
            ):
                words |= _words(child.subtree)
    clause = token
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP" for c in clause.children)
    if clause.dep_ == "relcl" and relative:
        # "Russian fighters from the Wagner group, who began arriving in December": who arrived
        words |= _words(_phrase(clause.head))
    return words


def _words(tokens: Iterable[Token]) -> set[str]:
    tokens = list(tokens)
    skip = {s.i for t in tokens if t.lower_ == "according" for s in t.subtree}
    words = {w for t in tokens if t.i not in skip for w in (t.lemma_.lower(), t.lower_)}
    if any(t.ent_type_ == "KG_FAC" for t in tokens):
        words.add("base")  # a named facility is a base: "Russia uses Hmeimim", "handed Tartus over"
    return words


# --- roles ------------------------------------------------------------------------------------------


def _carrier(token: Token) -> Token:
    """The word that carries a trigger's roles and time: "deteriorating relations" -> "relations"."""
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    if token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.lemma_.lower() in CARRYING_NOUNS:
        return token.head  # "a training mission for Mozambique": the mission carries the training's roles
    copula = token.head
    if _no_longer_welcome(token) and token.dep_ == "acomp" and copula.dep_ == "ccomp":
        return copula.head  # "told the embassy that its ambassador was no longer welcome": who told whom
    return token


CARRYING_NOUNS = frozenset({"mission", "operation"})
LEADING_VERBS = frozenset({"lead", "run", "command"})


def _clause_head(token: Token) -> Token:
    """The verb whose clause a token belongs to (the token itself for verbs)."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head != t:
        t = t.head
    return t


def _phrase(token: Token, described: bool = False) -> Iterator[Token]:
    """The token's subtree without the clauses hanging from it (relative, adverbial, coordinated verbs).
    An apposition adds its names, not who it relates them to ("the Solomon Islands, Taiwan's largest
    ally": Taiwan is no side)."""
    yield token
    for child in token.children:
        if child.dep_ in CLAUSE_BREAKS or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            continue
        if described and child.dep_ not in APPOSITION_NAME_DEPS:
            continue
        yield from _phrase(child, described or child.dep_ == "appos")


APPOSITION_NAME_DEPS = frozenset({"compound", "flat", "conj", "cc", "appos"})


def _excluded(token: Token, trigger_tokens: set[int]) -> set[int]:
    """Tokens of nested clauses and phrases that carry their own trigger."""
    out: set[int] = set()
    for t in token.subtree:
        if t == token or t.i not in trigger_tokens:
            continue
        if t.dep_ in CLAUSE_DEPS or t.pos_ in ("NOUN", "PROPN"):
            out.update(s.i for s in t.subtree)
    return out


def event_roles(
    token: Token, mentions: list[Mention], trigger_tokens: set[int]
) -> tuple[list[Mention], list[Mention], bool]:
    """The mentions on the subject side and on the other side of a trigger, and whether grammar found both."""
    by_token: dict[int, list[Mention]] = {}
    for m in mentions:
        for i in m.tokens():
            by_token.setdefault(i, []).append(m)  # "the two leaders": two states on one token

    def collect(tokens: Iterable[Token], exclude: set[int]) -> list[Mention]:
        out: list[Mention] = []
        for t in tokens:
            if t.i in exclude:
                continue
            out.extend(m for m in by_token.get(t.i, ()) if m not in out)
        return out

    token = _carrier(token)
    own_excluded = _excluded(token, trigger_tokens)
    if token.pos_ in ("NOUN", "PROPN", "ADJ"):
        subject_tokens = [t for c in token.children if c.dep_ in NOUN_SOURCE_DEPS for t in _phrase(c)]
        subjects = collect(subject_tokens, own_excluded)
        rest = collect(_phrase(token), own_excluded | {t.i for t in subject_tokens})
        makers, partners = _made_by(token, collect)
        if not subjects and makers:
            # "the partnership unveiled by Biden, Morrison and Johnson": who made it are its sides
            subjects = makers
        rest += [m for m in partners if m not in rest and m not in subjects]
        if not subjects and not rest and (_dated_accord_frame(token) or _encounter_frame(token)):
            # "the two countries have drawn closer since the 2008 nuclear agreement": the clause's parties
            parties = _clause_subject(token, collect, own_excluded)
            if len(_distinct(parties)) >= 2:
                return parties, [], False
        if undergone := _undergone(token, subjects, rest, collect, own_excluded):
            return *undergone, True
        if not subjects and not rest and (imposed := _imposed_by(token, collect)):
            return *imposed, True
        if not subjects and not rest and (aimed := _aimed_with(token, collect, own_excluded)):
            return *aimed, True
        if subjects and not rest and token.lemma_.lower() in CHARGING_NOUNS:
            # "Canada's accusation that India was behind the killing": who the claim is about
            rest = [m for m in _that_subject(token, collect, own_excluded) if m not in subjects]
        if subjects and rest:
            return subjects, rest, True
        if not subjects and not rest and token.head.pos_ in ("VERB", "AUX"):
            # "followed a phone call in late March between Putin and Tiani", "follows the revocation, in
            # March, of the accord governing US troops": the parse hangs the noun's "between" or "of" on the
            # verb (an "of" with the clauses describing its object: "of the accord governing US troops")
            stray = _stray_preps(token)
            rest = collect(
                [t for c in stray for t in (c.subtree if c.lower_ == "of" else _phrase(c))], own_excluded
            )
        head = token.head
        while head.pos_ in ("ADP", "ADV", "PART") and head.head != head:
            head = head.head
        if token.head.lower_ == "in" and _sum(head) and head.dep_ in ("dobj", "nsubjpass"):
            head = head.head  # "received $3bn in aid", "approved 18 billion euros in budget support"
        # "put the blame on Armenia", "laid the blame on Kyiv" (not "for the shelling": what is blamed)
        placing = token.dep_ == "dobj" and head.lemma_.lower() in PLACING_VERBS
        light = head.lemma_.lower() in LIGHT_VERBS or placing
        between = _distinct([m for m in rest if _under(m, token, "between") is not None])
        if len(between) >= 2 and head.lemma_.lower() in MEDIATING_LEMMAS:
            # "Turkey hosted talks between Russia and Ukraine", "Qatar mediated a truce between Israel and
            # Hamas": the noun names its two sides, the host or mediator is neither
            return between[:1], between[1:], True
        if head.pos_ in ("VERB", "AUX") and (light or (token.dep_ in ("pobj", "dobj") and rest)):
            # "imposed sanctions on Y": the light verb's subject; "came away from a call with Putin":
            # the subject of the clause the event noun sits in
            verb_subjects, verb_objects, _ = _verb_roles(
                head, collect, trigger_tokens | {token.i}, skip=token
            )
            if not subjects:
                subjects = [m for m in verb_subjects if m not in rest]
            if not rest and light:  # the noun's own phrase names no one: take the clause's other side
                rest = [m for m in verb_objects if m not in subjects]
        topic = _topic(token, rest)
        if not subjects and topic:
            # "US officials used the visit to voice concern about Niger's dealings with Russia": the
            # concern is about Niger (not Russia), and voiced by the subject of the clause around it
            speaker = _clause_subject(token, collect, own_excluded)
            if speaker:
                return speaker, topic, True
        movers = [
            m
            for m in rest
            if _under(m, token, "of") is not None
            and all(_under(m, token, p) is None for p in PLACE_PREPOSITIONS)
        ]
        if not subjects and movers and token.lemma_.lower() in ARRIVAL_NOUNS:
            # "the arrival of the first Russian paratroopers (in Kazakhstan)": who arrives acts
            places = [m for m in rest if m not in movers]
            return movers, places, bool(places)
        agents = [m for m in rest if _under(m, token, "by") is not None]
        if not subjects and agents and len(agents) < len(rest):
            # "a visit to Niamey by senior US officials": the "by" phrase names who acted
            return agents, [m for m in rest if m not in agents], True
        if not subjects and len(rest) >= 2 and not _partners(rest, token):
            return rest[:1], rest[1:], True
        return subjects, rest, bool(subjects and rest)
    subjects, objects, _ = _verb_roles(token, collect, trigger_tokens, skip=None)
    if not subjects:
        # "the jets bought from France touched down in India", "troops sent by Moscow arrived": who the
        # subject came from
        subjects = [m for m in _sent_by(token, collect) if m not in objects]
    return subjects, objects, bool(subjects and objects)


CURRENCY_SIGNS = frozenset("$ € £ ¥".split())


def _sum(noun: Token) -> bool:
    """Whether a noun is a sum of money or a number ("$3bn", "18 billion euros", "2 million")."""
    counted = [c for c in noun.children if c.dep_ in ("nummod", "nmod", "compound")]
    signed = any(c.like_num or c.lemma_ in CURRENCY_SIGNS for c in counted)
    return noun.like_num or noun.text[:1].isdigit() or signed


PLACING_VERBS = frozenset("put lay place".split())
CHARGING_NOUNS = frozenset("accusation allegation charge claim warning threat complaint".split())


def _that_subject(noun: Token, collect, excluded: set[int]) -> list[Mention]:
    """The subject of a noun's "that" clause: "the accusation that India was behind it" -> India."""
    clauses = [
        c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
    ]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return collect([t for s in subjects for t in _phrase(s)], excluded)


WH_TAGS = ("WDT", "WP")
AIMING_VERBS = frozenset("target hit punish slap threaten squeeze".split())


def _aimed_with(noun: Token, collect, excluded: set[int]) -> tuple[list[Mention], list[Mention]] | None:
    """(doers, targets) of a measure a clause aims at its object: "Washington targeted Iran's oil exports with
    new sanctions", "hit Moscow with tariffs" (the parse may hang "with" on the object)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    verb = _clause_head(noun)
    if verb.lemma_.lower() not in AIMING_VERBS:
        return None
    doers = collect([t for c in verb.children if c.dep_ == "nsubj" for t in _phrase(c)], excluded)
    measure = {t.i for t in noun.subtree}
    aimed = collect([t for c in verb.children if c.dep_ == "dobj" for t in _phrase(c)], excluded | measure)
    targets = [m for m in aimed if m not in doers]
    return (doers, targets) if doers and targets else None


IMPOSING_VERBS = frozenset("impose slap level place announce adopt introduce extend".split())


def _imposed_by(noun: Token, collect) -> tuple[list[Mention], list[Mention]] | None:
    """(doers, targets) named by the clause describing a measure: "sanctions imposed by Britain on Iran", "the
    sanctions that the United States imposed on Venezuela"."""
    for verb in noun.children:
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in IMPOSING_VERBS:
            continue
        by = [c for c in verb.children if c.dep_ == "agent" or (c.dep_ == "nsubj" and c.tag_ not in WH_TAGS)]
        on = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against")]
        doers = collect([t for c in by for t in _phrase(c)], set())
        # "imposed on 9 January, which France and the EU have backed": the phrase, not clauses hung on it
        on_phrase = [t for c in on for o in c.children if o.dep_ == "pobj" for t in _phrase(o)]
        targets = [m for m in collect(on_phrase, set()) if m not in doers]
        if doers and targets:
            return doers, targets
    return None


UNDERGOING_VERBS = frozenset("draw attract face suffer incur earn prompt provoke spark trigger".split())


def _undergone(
    noun: Token, makers: list[Mention], rest: list[Mention], collect, excluded: set[int]
) -> tuple[list[Mention], list[Mention]] | None:
    """(doers, done to) of an act that a clause's subject undergoes or brings on itself: "North Korea's
    launch drew condemnation from South Korea", "Iran faced fresh American sanctions" (the noun's own maker
    or a "from" phrase acts)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in UNDERGOING_VERBS:
        return None
    preps = [p for w in (noun, verb) for p in w.children if p.dep_ == "prep" and p.lower_ == "from"]
    sources = collect([t for p in preps for t in p.subtree], excluded)
    if any(m not in sources for m in rest):
        return None  # "faced calls for talks with Russia": the noun names its own other side
    doers = makers + [m for m in sources if m not in makers]
    taken = {d.country for d in doers}
    done_to = [m for m in _clause_subject(noun, collect, excluded) if m.country not in taken]
    return (doers, done_to) if doers and done_to else None


def _stray_preps(noun: Token) -> list[Token]:
    """The "between" phrases of a verb whose object the noun is, and its "of" phrases after the noun (the
    noun's own, hung on the verb by the parse)."""
    verb = noun.head
    return [
        c
        for c in verb.children
        if c.dep_ == "prep"
        and (c.lower_ == "between" or (c.lower_ == "of" and noun.dep_ == "dobj" and c.i > noun.i))
    ]


def _sent_by(verb: Token, collect) -> list[Mention]:
    """Who the verb's subject comes from, per the participle describing it ("sent by …", "bought from …")."""
    return [
        m
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass")
        for p in _participles(c)
        for d in p.children
        if d.dep_ == "agent" or (d.dep_ == "prep" and d.lower_ == "from")
        for m in collect(d.subtree, set())
    ]


def _participles(noun: Token) -> list[Token]:
    """The past participles describing a noun: "an agreement signed in 2017" (the parser also tags them
    VBD: "the partnership unveiled on Wednesday", or hangs one right after the noun's phrase from the clause's
    verb: "rested on an exchange of notes concluded in 2012").
    """
    end = max(t.i for t in _phrase(noun)) + 1
    after = noun.doc[end] if end < len(noun.doc) else noun
    loose = (
        noun.pos_ in ("NOUN", "PROPN")
        and after.dep_ == "advcl"
        and after.head == _clause_head(noun)
        and not any(c.dep_.startswith("nsubj") for c in after.children)
    )
    described = [c for c in noun.children if c.dep_ == "acl"] + ([after] if loose else [])
    return [c for c in described if c.tag_ in ("VBN", "VBD")]


def _made_by(noun: Token, collect) -> tuple[list[Mention], list[Mention]]:
    """Who made an accord, per the participle describing it ("the pact signed by Mali and Niger", "the
    partnership unveiled by Biden, Morrison and Johnson"), and who it was made with ("the agreement,
    signed with Greece in June 2018")."""
    makers: list[Mention] = []
    partners: list[Mention] = []
    for verb in _participles(noun):
        leading = noun.lemma_.lower() in CARRYING_NOUNS and verb.lemma_.lower() in LEADING_VERBS
        if verb.lemma_.lower() not in MAKING_VERBS | CREATION_LEMMAS and not leading:
            continue  # "a training mission led by the EU": who leads a mission makes it
        for c in verb.children:
            if c.dep_ == "agent":
                makers += collect(c.subtree, set())
            elif c.dep_ == "prep" and c.lower_ in PARTNER_PREPS:
                partners += collect(c.subtree, set())
    return makers, partners


ACCORD_NOUNS = {"agreement", "accord", "pact", "treaty", "arrangement", "deal", "framework", "basis"}
ARRIVAL_NOUNS = frozenset({"arrival", "deployment"})
PLACE_PREPOSITIONS = ("in", "to", "at", "into")
FRAME_PREPOSITIONS = frozenset({"since", "under"})


ENCOUNTER_NOUNS = frozenset("call conversation meeting talks videoconference summit".split())


def _encounter_frame(noun: Token) -> bool:
    """An encounter named as the means or setting of a clause ("the foreign ministers of Iran and Saudi Arabia
    discussed Gaza in a phone call"): the clause's parties are its sides."""
    framed = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during")
    return framed and noun.lemma_.lower() in ENCOUNTER_NOUNS


def _dated_accord_frame(noun: Token) -> bool:
    """An accord named by its year as the frame of a clause: "since the 2008 agreement", "under the 2014
    accord"."""
    return (
        noun.lemma_.lower() in ACCORD_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in FRAME_PREPOSITIONS
        and any(
            re.fullmatch(r"(19|20)\d\d", c.text)
            for c in noun.children
            if c.dep_ in ("nummod", "compound", "amod")
        )
    )
TOPIC_PREPOSITIONS = {"about", "over", "regarding", "concerning"}


def _topic(noun: Token, rest: list[Mention]) -> list[Mention]:
    """When every other mention sits in the noun's topic ("concern about Niger's dealings with Russia"),
    the ones the topic is about: its head and possessor (Niger), not the nested names (Russia)."""
    topics = [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
        for p in c.children
        if p.dep_ == "pobj"
    ]
    inside = {t.i for p in topics for t in p.subtree}
    if not topics or not rest or any(m.root not in inside for m in rest):
        return []
    main = {p.i for p in topics} | {c.i for p in topics for c in p.children if c.dep_ in NOUN_SOURCE_DEPS}
    return [m for m in rest if m.root in main] or rest


def _clause_subject(token: Token, collect, excluded: set[int]) -> list[Mention]:
    """The subject of the nearest verb above a noun, however deep the noun sits."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    return collect([t for c in verb.children if c.dep_ == "nsubj" for t in _phrase(c)], excluded)


UNWELCOME_WORDS = frozenset({"persona", "grata", "unwelcome"})
JOINING_LEMMAS = frozenset({"join"})


def _verb_roles(verb: Token, collect, trigger_tokens: set[int], skip: Token | None):
    excluded = _excluded(verb, trigger_tokens - ({skip.i} if skip is not None else set()))
    if skip is not None:
        excluded -= {t.i for t in skip.subtree}
    subj_tokens: list[Token] = []
    obj_tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                obj_tokens.extend(_phrase(child))
            else:
                subj_tokens.extend(_phrase(child))
        elif child.dep_ in ("npadvmod", "dep", "advcl") and child.i < verb.i and child.pos_ == "PROPN":
            subj_tokens.extend(
                _phrase(child)
            )  # "ECOWAS, the AU and France condemned": a mis-attached first conjunct
        elif child.dep_ == "prep" and (behalf := _on_behalf_of(child)):
            # "condemned the coup on behalf of the European Union": who acts (a side named, not "the two")
            subj_tokens.extend(t for t in behalf if not any(m.pair for m in collect([t], set())))
        elif child.dep_ not in ("advcl", "ccomp", "relcl", "conj", "parataxis", "punct", "cc", "mark") and not (
            _beside(child)
        ):
            obj_tokens.extend(_phrase(child))
        elif child.dep_ == "ccomp" and (
            child.lemma_.lower() in UNWELCOME_WORDS or any(_no_longer_welcome(c) for c in child.children)
        ):
            # "declared the French ambassador persona non grata", parsed as a clause: the ambassador
            obj_tokens.extend(t for c in child.children if c.dep_ == "nsubj" for t in _phrase(c))
    if not any(c.dep_ in ("nsubj", "agent", "csubj") for c in verb.children):
        # conj and xcomp verbs share their head's subject; a relative clause's subject is its noun
        head = verb.head
        while head.pos_ == "ADP" and head.head != head:
            head = head.head
        while verb.dep_ == "pcomp" and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            # "backed the bloc ECOWAS in demanding": the parse may hang "in" on a noun, or a mis-tagged verb
            up = _clause_head(head.head)
            if up == head:
                break
            head = up
        if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and head != verb:
            # "Erdogan appeared reassured after meeting Trump": the clause's subject, passive or not
            shared = (
                ("nsubj", "agent", "nsubjpass") if verb.dep_ in ("advcl", "pcomp") else ("nsubj", "agent")
            )
            up = head
            for _ in range(3):  # "Ankara continues to hold up its bid, accusing Stockholm": up the xcomp
                found = [c for c in up.children if c.dep_ in shared]
                if found or up.dep_ not in ("xcomp", "conj") or up.head == up:
                    break
                up = up.head
            for child in found:
                subj_tokens.extend(_phrase(child))
            joined = verb.dep_ == "pcomp" and verb.head.lower_ == "in" and head.lemma_ in JOINING_LEMMAS
            if verb.dep_ == "xcomp" or joined:  # "Canada joined Britain in condemning": Britain condemns too
                for child in head.children:
                    if child.dep_ == "dobj":
                        subj_tokens.extend(_phrase(child))
        elif verb.dep_ in ("relcl", "acl") and head != verb:
            subj_tokens.append(head)
            subj_tokens.extend(t for c in head.children if c.dep_ in NOUN_SOURCE_DEPS for t in _phrase(c))
            if head.lemma_.lower() in ACCORD_NOUNS:
                # "the agreement between Russia and North Korea, signed in June": its parties signed it
                subj_tokens.extend(
                    t for c in head.children if c.dep_ == "prep" and c.lower_ == "between" for t in c.subtree
                )
            if verb.dep_ == "acl" and head.lemma_.lower() in DECISION_NOUNS:
                # "the decision of the Chadian authorities to expel the ambassador": whose decision it is
                subj_tokens.extend(t for p in _of_objects(head) for t in _phrase(p))
    relatives = [t for t in subj_tokens if t.tag_ in ("WP", "WDT") and t.head.dep_ == "relcl"]
    for who in relatives:
        # "Russian fighters from the Wagner group, who began arriving in December": the antecedent arrived
        noun = who.head.head
        subj_tokens.append(noun)
        subj_tokens.extend(t for c in noun.children if c.dep_ in NOUN_SOURCE_DEPS for t in _phrase(c))
    whose = verb.dep_ == "relcl" and any(t.lower_ == "whose" for t in subj_tokens)
    if whose:
        subj_tokens.append(verb.head)  # "Russia, whose instructors arrived": Russia's instructors
    subjects = collect(subj_tokens, excluded)
    told_in = verb.head.lemma_.lower() in REPORTING_NOUNS and verb.head.dep_ == "pobj"
    if not subjects and verb.dep_ == "acl" and told_in:
        # "In a statement condemning North Korea's launch, Japan said": who spoke in the statement
        subjects = _clause_subject(verb.head, collect, excluded)
    if (
        not subjects
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "dobj"
        and verb.head.head.lemma_.lower() in UNDOING_VERBS
    ):
        # "West African leaders lifted the sanctions imposed on Mali": who lifts them had imposed them
        undoer = verb.head.head
        subjects = collect([t for c in undoer.children if c.dep_ == "nsubj" for t in _phrase(c)], excluded)
    pronoun = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in SUBJECT_PRONOUNS]
    if not subjects and pronoun:
        # "The United States said it had suspended aid", "Obama said he was deeply concerned": the pronoun
        # is the speaker
        speaker = _clause_head(verb)
        while speaker.dep_ in ("conj", "xcomp") and speaker.head != speaker:
            speaker = speaker.head
        if speaker.dep_ == "ccomp" and speaker.head != speaker:
            said = speaker.head
            subjects = collect([t for c in said.children if c.dep_ == "nsubj" for t in _phrase(c)], excluded)
        elif verb.dep_ in ("conj", "advcl") and verb.head != verb:
            # "The junta revoked the accord, and this month it welcomed Russian instructors", "Biden spoke
            # in Warsaw a day after he visited Kyiv": the pronoun is the subject of the clause it hangs from
            main = verb.head
            subjects = collect([t for c in main.children if c.dep_ == "nsubj" for t in _phrase(c)], excluded)
    if not subjects and (stray := _stray_agent(verb)):
        subjects = collect(stray, excluded)  # "was supplied with IRIS-T systems by Germany"
    hosts = [m for m in subjects if _hosted(m, verb.doc)]
    if len(hosts) < len(subjects):
        # "Russia's embassy in Washington described the decision as a provocation": the host is the other side
        subjects = [m for m in subjects if m not in hosts]
        obj_tokens = [verb.doc[m.root] for m in hosts] + obj_tokens
    objects = [m for m in collect(obj_tokens, excluded) if m not in subjects]
    if not objects:
        # "condemned the coup in Gabon": the object is another event; its participants are the other side
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i in trigger_tokens:
                objects = [m for m in collect(_phrase(child), set()) if m not in subjects]
                # "condemned Russia's invasion of Ukraine": whose act it is, not who suffered it
                owners = collect([t for c in child.children if c.dep_ == "poss" for t in _phrase(c)], set())
                objects = [m for m in objects if m in owners] or objects
    if not objects:
        # "revoking the agreement under which American troops are stationed", "the UAE and Bahrain signed
        # agreements establishing relations with Israel": the accord's own clause names its other party
        # (among that clause's own arguments)
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in ACCORD_NOUNS:
                clauses = [c for c in child.children if c.dep_ in ("relcl", "acl")]
                # "the agreement that allowed US troops to operate": the allowed clause's subject too
                clauses += [x for c in clauses for x in c.children if x.dep_ in ("ccomp", "xcomp")]
                inner = [
                    t
                    for c in clauses
                    for a in c.children
                    if a.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "agent", "prep")
                    for t in _phrase(a)
                ]
                objects = [m for m in collect(inner, set()) if m not in subjects and not m.coref]
    if not objects:
        # "deeply concerned by the decision to remove Morsi": who the decided act is done to
        decided = [
            d
            for child in verb.children
            for d in ([child] if child.dep_ == "dobj" else [p for p in child.children if p.dep_ == "pobj"])
            if d.lemma_.lower() in DECISION_NOUNS
        ]
        acts = [a for d in decided for a in d.children if a.dep_ == "acl" and a.pos_ == "VERB"]
        done_to = [t for a in acts for c in a.children if c.dep_ == "dobj" for t in _phrase(c)]
        objects = [m for m in collect(done_to, set()) if m not in subjects]
    if whose and not objects:
        # "Niger deepened its ties with Russia, whose instructors arrived in April": the other side is the
        # subject of the clause Russia is named in; without one, no side is guessed
        objects = [m for m in _clause_subject(verb.head, collect, excluded) if m not in subjects]
        subjects = subjects if objects else []
    return subjects, objects, bool(subjects and objects)


def _beside(child: Token) -> bool:
    """Whether a verb's dependent only places the act beside a state: "stationed a brigade in Lithuania, next to
    Poland and Latvia", "deployed near the border with Russia" (a neighbour, not a side)."""
    if child.dep_ == "advmod" and child.lower_ in ("next", "close"):
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in child.children)
    return child.dep_ == "prep" and child.lower_ in ("near", "beside", "bordering")


def _stray_agent(verb: Token) -> list[Token]:
    """The words of a passive verb's agent hung by the parse on the noun of its "with" phrase ("Ukraine was
    supplied with air defence systems by Germany"); none when the verb has an agent of its own."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return []
    return [
        t
        for w in verb.children
        if w.dep_ == "prep" and w.lower_ == "with"
        for n in w.children
        if n.dep_ == "pobj"
        for b in n.children
        if b.dep_ == "prep" and b.lower_ == "by"
        for t in b.subtree
    ]


def _on_behalf_of(prep: Token) -> list[Token]:
    """The words of X in a phrase "on behalf of X" (none for any other phrase)."""
    if prep.lower_ != "on":
        return []
    return [
        t
        for b in prep.children
        if b.dep_ == "pobj" and b.lower_ == "behalf"
        for of in b.children
        if of.dep_ == "prep" and of.lower_ == "of"
        for t in of.subtree
    ]


# Who lifts, eases, ends or renews sanctions or an accord is who imposed or signed them.
UNDOING_VERBS = frozenset("lift ease end scrap revoke remove terminate denounce renew extend tighten".split())


# Triggers whose place is a side of the event: "arrived in Bamako", "troops stationed in Niamey".
MOVEMENT_LEMMAS = frozenset(
    "arrive arrival visit trip tour travel land deploy deployment station base fly send withdraw "
    "withdrawal leave pull exit depart departure return host welcome receive reopen".split()
)  # "reopened its embassy in Ouagadougou": the capital is the other side


# Forces or envoys coming into a state: "arrived", "landed", "were deployed".
ARRIVAL_LEMMAS = frozenset("arrive arrival land deploy deployment station fly send".split())


def _location(m: Mention, doc: Doc) -> bool:
    """A capital or a bloc's seat named as a place ("signed in Bamako", "at the alliance's headquarters in
    Brussels"), not as an actor."""
    token = doc[m.root]
    seat = m.actor.kind == "organisation" and m.label.isalpha() and m.label.istitle()  # not "ECOWAS"
    placed = token.dep_ == "pobj" and token.head.lower_ in ("in", "at")
    return (m.actor.kind == "government" or seat) and placed and not _hosted(m, doc)


MISSION_NOUNS = frozenset("embassy consulate office mission representation ambassador envoy".split())


def _hosted(m: Mention, doc: Doc) -> bool:
    """A state named as the host of a diplomatic mission: "an embassy in Kigali", "Russia's embassy in
    Washington", "its ambassador in London"."""
    token = doc[m.root]
    in_ = token.head
    return token.dep_ == "pobj" and in_.lower_ == "in" and in_.head.lemma_.lower() in MISSION_NOUNS


def _pairs(
    trigger: Token,
    entry: Trigger,
    subjects: list[Mention],
    objects: list[Mention],
    focus: Focus,
    grammatical: bool,
    index: ActorIndex,
    mentions: list[Mention],
    previous: tuple[str, str] | None = None,
) -> list[tuple[tuple[Mention, Mention], bool]]:
    """(source, target) pairs of distinct states; a coup is one state with itself; `previous` is the pair
    of the story's last event of the same type (for base access, of the category).

    Coordinated subjects give pairwise events only for symmetric types (agreements, alliances);
    a side the grammar leaves empty is the state in focus ("ECOWAS condemned the coup").
    """
    if entry.category == "coup":
        return [
            ((m, m), bool(objects or subjects))
            for m in _coup_states(trigger, subjects, objects, focus, index, mentions)
        ]
    if not subjects and not objects and previous is not None and _refers_back(trigger):
        return [(_antecedent_sides(trigger, entry.type, previous, index), False)]
    out: list[tuple[tuple[Mention, Mention], bool]] = []
    seen: set[tuple[str, str]] = set()

    def add(a: Mention, b: Mention, grammar: bool) -> None:
        if a.country == b.country and entry.host_is_source and (_host_place(a) or _host_place(b)):
            # "US forces left the country": the country is the host, not the state whose forces leave
            other = next((c for c in focus.ranked if c != a.country and c in index.actors), None)
            if other is None:
                return
            swap = _focus_mention_of(trigger, other, index)
            a, b = (swap, b) if _host_place(a) else (a, swap)
        if (a.pair or b.pair) and not entry.symmetric:
            return  # "the two sides" are a pair only for events between equals (met, signed, talked)
        key = (a.country, b.country)
        if a.country == b.country or key in seen or key[::-1] in seen:
            return
        seen.add(key)
        out.append(((a, b), grammar))

    if not entry.host_is_source and trigger.lemma_.lower() not in MOVEMENT_LEMMAS and entry.type != "visit":
        # "lifted sanctions at a summit in Accra": a capital named as the place is not a side (where a
        # visit was is)
        objects = [m for m in objects if not _location(m, trigger.doc)]
    # "met Trump on the sidelines of the G20 summit": the summit is where, not who
    objects = [m for m in objects if _under(m, trigger, "sidelines") is None]
    # "expelled Russian diplomats in solidarity with Britain": Britain is who they stood by, not a side
    objects = [m for m in objects if not _in_solidarity(m, trigger)]
    # "after talks brokered by China", "in the presence of King Salman": a go-between is no side
    subjects = [m for m in subjects if not _go_between(m, trigger)]
    objects = [m for m in objects if not _go_between(m, trigger)]
    if entry.type == "condemnation":
        # "condemned the attack on the Saudi embassy in Tehran": who was attacked is not who is condemned
        objects = [m for m in objects if not _attacked(m, trigger)]
    # "joined NATO despite objections from Russia": who objected is not a side of the joining
    objects = [m for m in objects if _under(m, trigger, "despite") is None]
    # "to support its operations in Libya": backing one's own operations supports no state
    if entry.type == "support" and objects and all(_in_own(m, trigger) for m in objects):
        return out
    # "expressed concern over tensions between Venezuela and Guyana": the sides of another quarrel
    objects = [m for m in objects if not _in_others_quarrel(m, trigger)]
    # "Analysts in Canberra accused China": where the people who speak are, not a state that speaks
    subjects = [m for m in subjects if not _home_of_people(m, trigger.doc)]
    # "The French president, on a visit to Morocco, criticised Algeria": where the subject is, not who
    subjects = [m for m in subjects if not _aside_of_subject(m, trigger.doc)]
    # "the African Union's chairman, Congolese President Félix Tshisekedi": he speaks for the bloc
    subjects = [m for m in subjects if not _holds_office_of(m, trigger.doc, mentions)]
    # "urged other EU members to follow": unnamed member states, neither the bloc nor the story's focus
    if objects and all(_other_members(m, trigger.doc) for m in objects):
        return out
    subjects = [m for m in subjects if not _other_members(m, trigger.doc)]
    # "support for Morocco's plan for Western Sahara": what Morocco's plan is about is not a side
    # ("signed Rwanda's deal with Britain": a symmetric act's own noun names its partner)
    objects = [m for m in objects if not _owned_by_another(m, trigger, objects, not entry.symmetric)]
    subjects, objects = _distinct(subjects), _distinct(objects)
    if not entry.host_is_source and len(own := {m.country for m in subjects}) == 1:
        # "In Paris, Macron condemned the mutiny, according to the Élysée": the subject's own state named
        # as the place or the source is not the other side (the coup's state is)
        objects = [
            m
            for m in objects
            if m.country not in own or not (_place(m, trigger.doc) or _under(m, trigger, "according"))
        ]
    # "Serbia and Montenegro expelled each other's ambassadors": a reciprocal act is between its doers
    mutual = entry.symmetric or entry.type in MUTUAL_TYPES or _reciprocal(trigger)
    if entry.symmetric and len(subjects) >= 2 and trigger.lemma_.lower() not in MOVEMENT_LEMMAS:
        # "Modi and Xi met at a summit in Russia": a state named as the place is where, not a side
        objects = [m for m in objects if not _placed(m, trigger.doc)]
    others = {m.country for m in objects} - {m.country for m in subjects}
    if mutual and len(subjects) >= 2 and not others:
        # "Mali, Burkina Faso and Niger signed a pact" (with one another; "the UAE and Bahrain signed
        # accords with Israel": each with Israel); an act mutual by its words only between states it names
        for a, b in itertools.combinations(subjects, 2):
            if entry.symmetric or not (a.coref or b.coref):
                add(a, b, True)
    if subjects and objects:
        for a in subjects:
            for b in objects:
                add(a, b, grammatical)
        if (
            entry.symmetric
            and len(objects) >= 2
            and _one_thing_signed(trigger)
            and not _partners(objects, trigger)
        ):
            # "he had signed it with the heads of state of Burkina Faso and Niger": one charter, whose
            # signatories are all parties to one another
            for a, b in itertools.combinations(objects, 2):
                add(a, b, grammatical)
    elif mutual and len(subjects) >= 2:
        pass
    elif entry.symmetric and len(objects) >= 2 and not subjects and not _partners(objects, trigger):
        for a, b in itertools.combinations(objects, 2):
            add(a, b, False)
    elif subjects and (coup := _coup_object(trigger) or _coup_after(trigger)) is not None:
        # "ECOWAS condemned the seizure of power", "After soldiers seized power in Niamey, ECOWAS threatened
        # to use force": the other side is where the coup happened (a clause's coup, by its own roles)
        doers, done_to, _ = event_roles(coup, mentions, set()) if coup.pos_ == "VERB" else ([], [], False)
        for place in _coup_states(coup, doers, done_to, focus, index, mentions):
            for m in subjects:
                add(m, place, False)
    elif _generic_sides(trigger):
        pass  # "urged both sides to resolve their differences": no state in focus is meant
    elif focus.state is not None and (subjects or objects):
        # the state in focus, unless it is already a side ("the US, Britain and Canada imposed
        # sanctions" does not pair Britain with the US)
        if not subjects and _people_subject(trigger):
            return out  # "critics accused the junta of …": no state accuses
        if not subjects and _unknown_person_subject(trigger, mentions):
            return out  # "Bakiyev announced during a visit to Moscow": a visitor the gazetteer does not know
        taken = {m.country for m in subjects}
        other = focus.state
        if (
            not objects
            and trigger.lemma_.lower() in ARRIVAL_LEMMAS
            and other not in {m.country for m in mentions}
            and len(named := _other_actors(mentions, taken)) == 1
        ):
            # "Russian personnel who arrived in the spring remain at the Niamey base" in a story about the US:
            # forces arrive in the one state the sentence names, not in the story's
            other = named[0]
        alongside = _parallel_subjects(trigger, mentions) - taken
        if other in alongside:
            # "Brussels froze the assets while Washington targeted the divisions": the subject of the
            # clause beside it acts alongside, it is not the target
            other = next((c for c in focus.ranked if c not in taken | alongside and c in index.actors), None)
            if other is None:
                return out
        if (
            entry.host_is_source
            and subjects
            and not objects
            and focus.host not in taken | {None}
            and _own_facility(trigger)
        ):
            # "Japan opened its own facility in 2011" in a story about China's base in Djibouti: the
            # user's host is the state the story happens in, not the state it is most about
            host = _focus_mention_of(trigger, focus.host, index)
            for m in subjects:
                add(host, m, False)
            return out
        transfer = entry.category == "cooperation" and not entry.symmetric
        withdrawn = entry.type == "withdrawal" and trigger.lemma_.lower() in WITHDRAWAL_NOUNS
        if previous is not None and len(taken) == 1 and not objects and withdrawn and taken < set(previous):
            # "It is a step in the American withdrawal" after the US handed a base to Niger: the host of the
            # story's last basing event (not the state the story is most about), host first
            host = _focus_mention_of(trigger, next(c for c in previous if c not in taken), index)
            host = replace(host, filled="the host in " + _told(previous, "basing or withdrawal"))
            for m in subjects:
                add(host, m, False)
            return out
        if previous is not None and subjects and not objects and transfer:
            # who the story's last event of this kind went to: "Britain had already pledged 14 tanks" after
            # Germany's tanks for Ukraine
            if previous[1] not in taken and previous[1] in index.actors:
                other = previous[1]
        places = [
            m
            for m in mentions
            if m.actor.kind == "state" and _place(m, trigger.doc) and m.country not in taken
        ]
        if entry.type == "withdrawal" and not objects and len({m.country for m in places}) == 1:
            # "France, which kept soldiers in Niger, pulled its troops out": the host is the state named
            # as a place
            for m in subjects:
                add(places[0], m, False)
            return out
        receivers = {m.country for m in objects} if entry.type == "handover" else set()
        if (not objects and len(taken) >= 2 and other in taken) or (not subjects and other in receivers):
            # "the bases were handed over to Malian troops" in a story about Mali: the next state in focus;
            # for several actors, one the story is more about than about one of them ("the US, Britain and
            # Canada imposed sanctions" on Myanmar), as a story about the actors themselves ("Kyrgyzstan and
            # Tajikistan agreed to pull back troops") names no third side
            ranked = [c for c in focus.ranked if c in taken]
            last = focus.ranked.index(ranked[-1]) if len(taken) >= 2 and ranked else len(focus.ranked)
            other = next(
                (c for c in focus.ranked[:last] if c not in taken | receivers and c in index.actors), None
            )
            if other is None:
                return out
        elif (
            not objects
            and taken == {other}
            and _on_an_accord(trigger)
            and len(named := _other_actors(mentions, taken)) == 1
        ):
            # "The US still has troops in Niger, but in March the junta revoked the accord": the state in
            # focus ended an accord with the one other state the sentence names
            other = named[0]
        if _names_someone_else(mentions, taken, other, trigger.doc):
            return out
        here = _focus_mention_of(trigger, other, index)
        if transfer and previous is not None and other == previous[1]:
            here = replace(here, filled="as in " + _told(previous, entry.type))
        for m in subjects:
            add(m, here, False)
        for m in objects:
            add(here, m, False)
    return out


ATTACK_NOUNS = frozenset("attack strike airstrike assault raid bombing shelling storming".split())


def _attacked(m: Mention, trigger: Token) -> bool:
    """Whether a mention is what an attack condemned was on: "condemned the attack on the Saudi embassy" (not
    "called the takeover an assault on the country's democracy": the assault names the act condemned)."""
    prep = next((t for t in trigger.doc[m.root].ancestors if t.pos_ == "ADP" or t == trigger), trigger)
    attack = prep.head
    condemned = attack.head == trigger and attack.dep_ in ("dobj", "nsubjpass")
    return prep.lower_ in ("on", "against") and attack.lemma_.lower() in ATTACK_NOUNS and condemned


def _names_someone_else(mentions: list[Mention], taken: set[str], other: str, doc: Doc) -> bool:
    """Whether a sentence that names the doer but not the other side names another state, not as a doer, and
    not the state in focus: "Modi was greeted in Port Moresby" in a story about the US is not about the US,
    and who the other side is stays unknown. A state that is itself a subject ("while the Czech Republic
    sent three home") acts alongside, and does not say the state in focus is absent."""
    return (
        bool(taken)
        and other not in {m.country for m in mentions}
        and any(
            m.actor.kind in ("state", "government", "military")
            and m.country not in taken
            and not _a_subject(doc[m.root])
            for m in mentions
        )
    )


def _a_subject(token: Token) -> bool:
    """A subject, or one of a list of subjects ("Germany, France and Poland")."""
    return _first_conjunct(token).dep_ in ("nsubj", "nsubjpass")


def _first_conjunct(token: Token) -> Token:
    """The first of the words or clauses a token is coordinated with ("Germany" for the "Poland" of
    "Germany, France and Poland"); the token itself when it is not a conjunct."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _refers_back(trigger: Token) -> bool:
    """Whether an event noun is definite, an event the story has told already: "the deal was signed on
    Tuesday", "their first summit took place in 2019" (not "a deal", "talks"). Not the subject of a verb
    that times it by another event: in "That visit followed a call on 31 March" the date is the call's."""
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_ in SEQUENCE_VERBS:
        return False
    return trigger.pos_ == "NOUN" and any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and c.lower_ == "their")
        for c in trigger.children
    )


def _antecedent_sides(
    trigger: Token, type_: str, pair: tuple[str, str], index: ActorIndex
) -> tuple[Mention, Mention]:
    """The two sides of the story's last event of a type, for a sentence that names neither: "The deal was
    signed on Tuesday" after "Rabat and Madrid agreed a deal" is Morocco's and Spain's."""
    a, b = (replace(_focus_mention_of(trigger, code, index), filled=_told(pair, type_)) for code in pair)
    return a, b


def _basis_of_accord(trigger: Token) -> bool:
    """Whether an accord (or its signing) is what an accord named before rests on: "It had rested on an
    exchange of notes", "The arrangement was based on a treaty signed in 1994" (the subject an accord or
    "it")."""
    noun = trigger.head if trigger.dep_ == "acl" and trigger.tag_ == "VBN" else trigger
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("on", "upon", "from"):
        return False
    if verb.lemma_.lower() not in BASIS_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(c.lower_ == "it" or c.lemma_.lower() in ACCORD_NOUNS for c in subjects)


BASIS_VERBS = frozenset("rest base date stem derive".split())


def _one_thing_signed(verb: Token) -> bool:
    """Whether a verb's object is one thing ("signed it", "signed the charter"), not several accords."""
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and c.tag_ in ("NN", "NNP", "PRP")
        and c.lower_ not in ("them", "they")
        for c in verb.children
    )


def _on_an_accord(verb: Token) -> bool:
    """Whether a verb's object is an accord ("revoked the accord", "tore up a military agreement")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ACCORD_NOUNS for c in verb.children)


def _other_actors(mentions: list[Mention], taken: set[str]) -> list[str]:
    """The actors a sentence names besides the ``taken`` states, in order."""
    return list(dict.fromkeys(m.country for m in mentions if m.country not in taken))


PARALLEL_MARKS = frozenset({"while", "whereas"})


def _parallel_subjects(trigger: Token, mentions: list[Mention]) -> set[str]:
    """States that are the subject of a clause set beside the trigger's by "while" ("Brussels froze assets
    while Washington targeted divisions"), either way round."""

    def parallel(verb: Token) -> bool:
        return verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in PARALLEL_MARKS for c in verb.children
        )

    head = _clause_head(trigger)
    beside = [c for c in head.children if c.pos_ in ("VERB", "AUX") and parallel(c)]
    if parallel(head):
        beside.append(head.head)
    subjects = {t.i for v in beside for c in v.children if c.dep_ == "nsubj" for t in _phrase(c)}
    return {m.country for m in mentions if m.root in subjects}


def _own_facility(trigger: Token) -> bool:
    """Whether a verb acts on the subject's own facility: "Japan opened its own facility", "France closed
    its base" (the subject is the user, the other side the host)."""
    return any(
        c.dep_ in ("dobj", "nsubjpass")
        and c.lemma_.lower() in FACILITY_NOUNS
        and any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children)
        for c in trigger.children
    )


def _generic_sides(trigger: Token) -> bool:
    """Whether the verb's object is "both sides", "the parties", "all sides", or its subject some unnamed
    ones ("some governments favour lifting the sanctions", "others fear")."""
    if any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("side", "party") and c.tag_ == "NNS"
        for c in trigger.children
    ):
        return True
    verbs = (trigger, trigger.head) if trigger.dep_ == "xcomp" else (trigger,)  # "some favour lifting"
    subjects = [c for verb in verbs for c in verb.children if c.dep_ == "nsubj"]
    return any(
        c.lower_ in ("some", "others", "many", "several")
        or (c.tag_ == "NNS" and any(d.lower_ in QUANTIFIERS for d in c.children if d.dep_ in ("det", "amod")))
        for c in subjects
    )


QUANTIFIERS = frozenset({"some", "many", "several", "few", "other", "most", "various"})


def _partners(mentions: list[Mention], trigger: Token) -> bool:
    """Whether each side has its own "with" ("ties with Russia and with Mali"): partners of a side the
    sentence leaves unnamed, not of each other ("the border area with Mali and Burkina Faso": one "with")."""
    withs = [_under(m, trigger, "with") for m in mentions]
    return all(w is not None for w in withs) and len({w.i for w in withs if w is not None}) >= 2


def _envoy(noun: Token) -> bool:
    """Whether a noun names a diplomat or a mission ("ambassador to Togo": the host is a side)."""
    return noun.lemma_.lower() in DIPLOMAT_NOUNS | MISSION_NOUNS


TOPIC_OWNED = frozenset("for on over about regarding".split())
OBJECT_OWNED = frozenset("of to against into with".split())


def _owned_by_another(m: Mention, trigger: Token, others: list[Mention], acts: bool = True) -> bool:
    """Whether a mention hangs from a noun another side owns ("Morocco's plan for Western Sahara"); with
    `acts`, also as the object of an owned act ("Russia's invasion of Ukraine", "Sweden's NATO bid")."""
    doc = trigger.doc
    owners = {i for o in others if o is not m for i in o.tokens()}
    below = doc[m.root]
    for t in doc[m.root].ancestors:
        if t.i == trigger.i:
            return False
        if (
            t.pos_ == "NOUN"
            # the plan's topic ("for Western Sahara"), the act's own object ("Russia's invasion of Ukraine",
            # not "Russia's rights of representation in the organisation"), not a place ("Russia's bases in
            # Syria")
            and (
                below.lower_ in TOPIC_OWNED
                # ("the functions of Niger's ambassador to Togo": an envoy's host is a side)
                or (acts and below.lower_ in OBJECT_OWNED and doc[m.root].head == below and not _envoy(t))
                or (acts and below.i == m.root and below.dep_ == "compound")  # "Sweden's NATO membership"
            )
            and any(c.dep_ == "poss" and c.i in owners for c in t.children)
        ):
            return True
        below = t
    return False


# People who are no state: what they do has no state for its source (armed groups too: "Iranian-backed
# militias attacked US troops" is no act of the state the story is about)
PEOPLE_NOUNS = frozenset(
    "critic analyst activist opponent protester protestor demonstrator observer expert resident witness "
    "campaigner commentator academic researcher scholar journalist "
    "militia rebel insurgent militant jihadist gunman separatist".split()
)


def _people_subject(trigger: Token) -> bool:
    """Whether the trigger's clause has for subject people who are no state ("critics", "analysts"), or a
    state's press or opposition ("Indian newspapers", "the opposition")."""
    return any(c.dep_ == "nsubj" and _no_state_people(c) for c in _clause_head(trigger).children)


def _no_state_people(noun: Token) -> bool:
    """Whether a noun names people who are no state ("critics", "analysts"), or a state's press or
    opposition."""
    return (noun.lemma_.lower() in PEOPLE_NOUNS and noun.tag_ == "NNS") or _non_state_body(noun)


def _in_others_quarrel(m: Mention, trigger: Token) -> bool:
    """Whether a state is named as a side of a quarrel the trigger is about ("concern over tensions between
    Venezuela and Guyana"), not as a side of the trigger's own act."""
    word = trigger.doc[m.root]
    while word.dep_ == "conj" and word.head != word:
        word = word.head
    between = word.head
    quarrel = between.head
    return (
        word.dep_ == "pobj"
        and between.lower_ == "between"
        and quarrel != trigger
        and quarrel.lemma_.lower() in QUARREL_NOUNS
    )


def _home_of_people(m: Mention, doc: Doc) -> bool:
    """Whether a state is named only as where people who are no state are ("analysts in Canberra",
    "journalists from Britain")."""
    token = doc[m.root]
    prep = token.head
    people = prep.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in ("in", "from")
        and _no_state_people(people)
    )


# Words of the names of rights groups and research bodies: "Human Rights Watch", "Amnesty International"
WATCHDOG_WORDS = frozenset("rights watch amnesty institute foundation".split())


def _watchdog(noun: Token) -> bool:
    """Whether a name is a rights group's or a research body's ("Human Rights Watch", "Amnesty")."""
    return noun.pos_ == "PROPN" and any(
        w.lower_ in WATCHDOG_WORDS for w in (noun, *(c for c in noun.children if c.dep_ == "compound"))
    )


def _unknown_person_subject(trigger: Token, mentions: list[Mention]) -> bool:
    """Whether the trigger's clause has a named person or body for subject that is no known actor: the
    side is that person's state, which the story's focus does not tell; a body such as "Human Rights
    Watch" speaks for no state."""
    known = {i for m in mentions for i in m.tokens()}
    return any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or _watchdog(c)) and c.i not in known
        for c in _clause_head(trigger).children
    )


MEMBER_NOUNS = frozenset("member state country government partner ally".split())


def _other_members(m: Mention, doc: Doc) -> bool:
    """Whether a bloc named as a modifier stands for some of its members ("other EU members", "fellow
    ECOWAS states")."""
    word = doc[m.root]
    noun = word.head
    return (
        m.actor.kind == "organisation"
        and word.dep_ in ("compound", "amod", "nmod")
        and noun.lemma_.lower() in MEMBER_NOUNS
        and any(c.lower_ in ("other", "fellow") for c in noun.children)
    )


ASIDE_PREPOSITIONS = frozenset("on during at after before while".split())


def _aside_of_subject(m: Mention, doc: Doc) -> bool:
    """Whether a mention is in an aside about the subject ("the French president, on a visit to Morocco")."""
    for t in doc[m.root].ancestors:
        if t.dep_ == "prep" and t.lower_ in ASIDE_PREPOSITIONS and t.head.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ in ("nsubj", "nsubjpass") or t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _holds_office_of(m: Mention, doc: Doc, mentions: list[Mention]) -> bool:
    """Whether a mention names the person in apposition to an organisation's office ("the African Union's
    chairman, Congolese President Félix Tshisekedi"): the organisation acts, not the person's state."""
    owners = {i for o in mentions if o.actor.kind == "organisation" for i in o.tokens()}
    for word in [doc[m.root], *doc[m.root].ancestors]:
        if word.dep_ == "appos":
            return any(c.dep_ == "poss" and c.i in owners for c in word.head.children)
        if word.dep_ not in ("compound", "amod", "flat"):
            return False
    return False


def _in_own(m: Mention, trigger: Token) -> bool:
    """Whether a mention is where a subject's own object is ("supporting its operations in Libya"; not "its
    ally Syria")."""
    own = [
        c
        for c in trigger.children
        if c.dep_ == "dobj" and any(p.dep_ == "poss" and p.lower_ in ("its", "their") for p in c.children)
    ]
    word = trigger.doc[m.root]
    placed = word.dep_ == "pobj" and word.head.lower_ in ("in", "at")
    return placed and bool(own) and (word.head.head == trigger or any(o.is_ancestor(word) for o in own))


def _in_solidarity(m: Mention, trigger: Token) -> bool:
    """Whether a mention is who the actors stood by: "in solidarity with Britain" (a side when solidarity
    is the event: "expressed their solidarity with Niger's new rulers")."""
    if trigger.lemma_.lower() == "solidarity":
        return False
    for t in trigger.doc[m.root].ancestors:
        if t.i == trigger.i:
            return False
        if t.lower_ == "with" and t.i > 0 and trigger.doc[t.i - 1].lower_ == "solidarity":
            return True
    return False


RECIPROCALS = frozenset({("each", "other"), ("one", "another")})
# acts that are mutual whoever names them: "Qatar and the UAE restored relations" (with each other), but not
# "the two countries" a story named before (symmetric entries take those too)
MUTUAL_TYPES = frozenset({"restore_relations"})


def _reciprocal(trigger: Token) -> bool:
    """Whether the trigger's clause says its doers act on each other ("accused one another", "expelled
    each other's ambassadors", "restore ties with each other")."""
    doc = trigger.doc
    return any(
        t.i + 1 < len(doc) and (t.lower_, doc[t.i + 1].lower_) in RECIPROCALS
        for t in _phrase(_clause_head(trigger))
    )


# who brings the sides together without being one: "talks brokered by China", "hosted talks between"
MEDIATING_LEMMAS = frozenset("broker mediate host facilitate sponsor convene oversee witness".split())
ADJUNCT_PREPOSITIONS = frozenset("in with under through via".split())
GO_BETWEEN_NOUNS = frozenset("mediation presence auspices facilitation sponsorship aegis".split())


def _go_between(m: Mention, trigger: Token) -> bool:
    """Whether a mention names a broker, mediator, host or witness of the act: who does a mediating verb
    below the trigger ("a deal brokered by the United States", "talks mediated by Russia", "Turkey-hosted
    talks") or the one whose mediation or presence it is ("with the mediation of Qatar", "in the presence
    of King Salman")."""
    below = trigger.doc[m.root]
    for t in below.ancestors:
        if t.i == trigger.i:
            return False
        if t.lemma_.lower() in MEDIATING_LEMMAS and below.dep_ in ("nsubj", "npadvmod", "agent"):
            return True  # not "a base hosting US troops"
        named = {t.lemma_.lower(), t.lower_} & GO_BETWEEN_NOUNS  # "auspices" is lemmatised "auspex"
        if t.pos_ == "NOUN" and named and t.head.lower_ in ADJUNCT_PREPOSITIONS:
            return True  # "in the presence of", not "the presence of American soldiers"
        below = t
    return False


def _placed(m: Mention, doc: Doc) -> bool:
    """A state named as where something happened: "in Russia", "at Camp David"."""
    word = doc[m.root]
    return word.dep_ == "pobj" and word.head.lower_ in ("in", "at")


def _under(m: Mention, trigger: Token, preposition: str) -> Token | None:
    """The word ``preposition`` that introduces the trigger's phrase holding the mention, if any."""
    for t in trigger.doc[m.root].ancestors:
        if t.i == trigger.i:
            return None
        if t.lower_ == preposition:
            return t
    return None


COUP_PEOPLE = frozenset(
    "leader leaders plotter plotters maker makers officer officers government regime rulers authorities "
    "junta soldiers troops".split()
)
COUP_NOUNS = frozenset("coup putsch takeover seizure overthrow mutiny ouster".split())


def _coup_object(trigger: Token) -> Token | None:
    """The coup a verb is about: "condemned the coup", "denounced the seizure of power"."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    return next(
        (c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in COUP_NOUNS),
        None,
    )


def _coup_after(trigger: Token) -> Token | None:
    """The coup told in an "after" clause of the trigger's clause (or of the clause it is coordinated
    with), which the act answers: "After soldiers seized power in Niamey, ECOWAS threatened to use force
    and its leaders ordered a standby force readied"."""
    clause = _first_conjunct(_clause_head(trigger))
    for verb in clause.children:
        after = any(m.dep_ == "mark" and m.lower_ in ("after", "once") for m in verb.children)
        power = any(d.dep_ == "dobj" and d.lemma_.lower() == "power" for d in verb.children)
        if verb.dep_ == "advcl" and after and power and verb.lemma_.lower() in COUP_VERBS:
            return verb
    return None


def _told(pair: tuple[str, str], kind: str) -> str:
    """Where a side taken from an event told before came from: "the story's last call event (CHL-ARG)"."""
    return f"the story's last {kind.replace('_', ' ')} event ({pair[0]}-{pair[1]})"


def filled_note(sides: list[tuple[str, Mention]], named: set[str], focus: Focus) -> str | None:
    """For the analyst, the sides of an event that no words of its sentence denote, and where each came
    from: "target: Niger, the state the story is most about, not named in the sentence" (None: the
    sentence names both sides). Words that stand for a state ("the junta", "it", "the two countries")
    are resolution, not filling: the sentence shows them."""
    bare = [(role, m) for role, m in sides if m.start == m.end]
    if len(bare) == 2 and bare[0][1] is bare[1][1]:
        bare = [("state", bare[0][1])]  # a coup: one state on both sides
    origins = [m.filled or _focus_origin(m.country, named, focus) for _, m in bare]
    if len(bare) == 2 and origins[0] == origins[1] and bare[0][1].filled:
        return f"both sides from {origins[0]}"
    notes = [
        f"{role}: {m.label}, {origin}" + ("" if m.country in named else ", not named in the sentence")
        for (role, m), origin in zip(bare, origins, strict=True)
    ]
    return "; ".join(notes) or None


def _focus_origin(code: str, named: set[str], focus: Focus) -> str:
    """Why a state the sentence does not give a side's role was taken as that side, from the story's focus."""
    if code == focus.state:
        return "the state the story is most about"
    if code == focus.host:
        return "the state the story happens in"
    if code in named:
        return "the one other state the sentence names, not as a side"
    return "a state the story is about"


def _host_place(m: Mention) -> bool:
    return m.coref and m.actor.kind == "state"


def _focus_mention_of(trigger: Token, code: str, index: ActorIndex) -> Mention:
    state = index[code]
    return Mention(trigger.i, trigger.i, trigger.i, state, state.id, state.label)


# A ruler who "has been" or "remained" something since a coup is where it happened (not a reaction to it)
RULING_VERBS = {"be", "remain", "rule", "govern", "stay"}
COUP_VERBS = {
    "take",
    "seize",
    "stage",
    "stag",  # spaCy lemmatises "staged" as "stag"
    "lead",
    "mount",
    "launch",
    "carry",
    "attempt",
    "see",
    "experience",
    "suffer",
    "witness",
    "plot",
    "come",
    "install",
    "bring",
    "grab",
    "topple",
    "oust",
    "overthrow",
    "involve",
    "participate",
    "execute",
    "orchestrate",
    "perpetrate",
}


def _attached_to(word: Token, noun: Token) -> bool:
    """Whether a name modifies the noun itself: "Niger's coup", "the Nigerien coup", "the coup in Niger"."""
    head = word.head if word.dep_ != "compound" else word.head
    while head.dep_ == "compound" and head.i != noun.i:
        head = head.head
    if head.i == noun.i:
        return True
    return head.pos_ == "ADP" and head.lower_ in ("in", "of") and head.head.i == noun.i


def _coup_states(
    trigger: Token,
    subjects: list[Mention],
    objects: list[Mention],
    focus: Focus,
    index: ActorIndex,
    mentions: list[Mention],
) -> list[Mention]:
    """Where coups happened: named in the coup's own phrase; else the putschists' or the deposed
    leader's state ("Traoré took power in a coup", "Mali and Burkina Faso have seen takeovers");
    else the state in focus (never the state of whoever condemned it)."""
    own = {t.i for t in _phrase(trigger)}
    doc = trigger.doc
    named = [m for m in mentions if (m.root in own or m.start in own) and _attached_to(doc[m.start], trigger)]
    if named:
        return _distinct(named)[:1]
    head = trigger.head
    coup_verb = head.lemma_.lower() in COUP_VERBS | ATTEMPT_ENDING_HEADS
    if trigger.pos_ not in ("VERB", "AUX") and coup_verb and trigger.dep_ == "dobj":
        # "staged a putsch in Burkina Faso", "foiled a coup in Guinea-Bissau": the place of the verb is the coup's
        at = {p.i for c in head.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children}
        placed = [m for m in mentions if m.root in at and m.actor.kind == "state"]
        if placed:
            return placed[:1]
    if trigger.pos_ in ("VERB", "AUX"):
        found = [
            m for m in objects + subjects if m.actor.kind in ("leader", "military", "government", "state")
        ]
        if found:
            return found[:1]
        verb = trigger  # "it seized power": placed like an unplaced coup noun
    else:
        verb = trigger.head
        while verb.pos_ in ("ADP", "SCONJ") and verb.head != verb:  # "since the coup": since may be SCONJ
            verb = verb.head
    doers = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)}
    found = [
        m
        for m in mentions
        if m.root in doers and m.actor.kind in ("state", "military", "leader", "government")
    ]
    if verb.lemma_.lower() in COUP_VERBS | ATTEMPT_ENDING_HEADS and found:
        return _distinct(found)  # "the army foiled a coup": those who end an attempt are where it was made
    rulers = [m for m in found if m.country in index.military_ruled]
    if verb.lemma_.lower() in RULING_VERBS and rulers:
        # "General Tiani's government has been under sanctions since the coup": the coup that brought it
        return _distinct(rulers)[:1]
    # whoever condemned or reacted to the coup is not where it happened
    outsiders = {m.country for m in found}
    places = [c for c in focus.ranked if c not in outsiders]
    place = next((c for c in places if c in index.military_ruled), places[0] if places else None)
    return [_focus_mention_of(trigger, place, index)] if place else []


def _distinct(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(m.country != o.country for o in out):
            out.append(m)
    return out


def _place(m: Mention, doc: Doc) -> bool:
    """A state named as a place: "from Niger", "in Djibouti", "to Niger"."""
    word, prep = doc[m.root], doc[m.root].head
    out_of = prep.lower_ == "of" and prep.i > 0 and doc[prep.i - 1].lower_ == "out"  # not "a contingent of"
    return word.dep_ == "pobj" and (prep.lower_ in ("from", "in", "at", "to", "out") or out_of)


def _granted_to(m: Mention, doc: Doc) -> bool:
    """Whether a state is who a grant goes to ("leased land to China", "opened its ports to US warships"):
    the user, not the place the forces go to."""
    word = doc[m.root]
    return word.dep_ == "pobj" and word.head.lower_ == "to"


def _host_first(
    src: Mention, tgt: Mention, type_: str, doc: Doc, hosts: set[str] = frozenset()
) -> tuple[Mention, Mention]:
    """Base access: the host state is the source, the foreign forces' state the target.

    The host is the host of a facility named in the sentence; else the place ("from Niger", "in
    Djibouti", "to Niger" for a handover); else the side that is not the foreign forces ("US troops",
    "the French military")."""

    def place(m: Mention) -> bool:
        return _place(m, doc) and not (type_ == "access_granted" and _granted_to(m, doc))

    if (src.country in hosts) != (tgt.country in hosts):
        return (src, tgt) if src.country in hosts else (tgt, src)
    if place(src) and not place(tgt):
        return src, tgt
    if place(tgt) and not place(src):
        return tgt, src
    if type_ == "handover":  # "X handed the base over to Y": Y is the host
        return tgt, src
    if src.actor.kind == "military" and tgt.actor.kind != "military":
        return tgt, src
    return src, tgt


def _facility_of(
    token: Token, sent: Span, named: set[str], during: tuple[date | None, date | None], index: ActorIndex
) -> Facility | None:
    """The foreign military facility a trigger is about: the first named in its clause ("Air Base 201",
    "Hmeimim"), else one named in another clause whose host or user on the date is a side ("Camp Lemonnier
    is a U.S. base, and Washington pays for a lease renewed in 2014"; not "US soldiers withdrew in 2021,
    while Russia kept its jets at Hmeimim")."""
    own = _clause_tokens(token)
    named_here = [
        (ent, f) for ent in sentence_ents(sent) if ent.label_ == "KG_FAC" and (f := index.facility(ent.text))
    ]
    in_clause = [f for ent, f in named_here if own.intersection(range(ent.start, ent.end))]
    related = [f for _, f in named_here if named & {f.host, *f.users_during(*during)}]
    return next(iter(in_clause + related), None)


def _clause_tokens(token: Token) -> set[int]:
    """The tokens of a trigger's clause without the other clauses hanging from it, with the subject a
    coordinated verb shares ("Air Base 201 cost $110 million and has served as a hub") and the noun phrase a
    relative clause is about ("Air Base 201, a drone facility that has been used since 2019")."""
    clause = _clause_head(token)

    def own(t: Token) -> bool:
        for a in [t, *t.ancestors]:
            if a == clause:
                return True
            other = a.pos_ in ("VERB", "AUX") and a.dep_ in CLAUSE_DEPS
            if other and not (a == token or a.is_ancestor(token)):
                return False  # "…, while Russia kept its jets at Hmeimim": another clause
        return False

    out = {t.i for t in clause.subtree if own(t)}
    verb = clause
    if clause.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        verb = clause.head
        out.update(t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree)
    if verb.dep_ == "relcl":
        noun = verb.head
        phrase = itertools.takewhile(lambda t: t.pos_ not in ("VERB", "AUX"), [noun, *noun.ancestors])
        out.update(t.i for t in phrase)
    return out


def _facility_sides(
    trigger: Token,
    facility: Facility,
    subjects: list[Mention],
    objects: list[Mention],
    during: tuple[date | None, date | None],
    index: ActorIndex,
) -> tuple[list[Mention], list[Mention]]:
    """The sides of a basing event with the facility's host, and its user on the event's date, added where
    the sentence names no side ("Russian troops moved into Air Base 101": Niger hosts Russia; "Air Base 201
    has served since 2019 as a hub": Niger hosts the United States, its user in 2019)."""
    if subjects and objects:
        return subjects, objects
    named = {m.country for m in subjects + objects}
    users = facility.users_during(*during)
    missing = [] if facility.host in named else [facility.host]
    if not named - {facility.host} and users:
        missing.append(users[0])
    how = {code: f"{facility.name}'s user then" for code in missing} | {
        facility.host: f"from the facility {facility.name}"
    }
    added = [
        replace(_focus_mention_of(trigger, code, index), filled=how[code])
        for code in missing
        if code in index.actors
    ]
    if not subjects:
        return added[:1], [*objects, *added[1:]]
    return subjects, [*objects, *added]


def _forces_apart(sides: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Foreign forces and the states they are in or leave, when a clause names both and no doer ("French troops
    were forced out of Mali and Niger"): (the forces, the states); else (nothing, the sides)."""
    forces = [m for m in sides if m.actor.kind == "military"]
    places = [m for m in sides if m not in forces]
    return (forces, places) if forces and places else ([], sides)


def _allowed_doers(verb: Token, mentions: list[Mention], sides: list[Mention]) -> list[Mention]:
    """Who a grant lets act, parsed as the subject of the clause it allows ("allowed Chinese warships to use
    the port"), other than the sides already found; "allows US troops to rotate" tells a standing arrangement."""
    if verb.tag_ not in ("VBD", "VBN"):
        return []
    doers = {
        t.i
        for clause in verb.children
        if clause.dep_ in ("ccomp", "xcomp")
        for c in clause.children
        if c.dep_ == "nsubj"
        for t in _phrase(c)
    }
    taken = {m.country for m in sides}
    return _distinct([m for m in mentions if m.root in doers and m.country not in taken])


def _places_among(subjects: list[Mention], doc: Doc) -> list[Mention]:
    """The states a subject's phrase names as places, when it also names another ("the American presence in
    Niger ended", "French troops in Mali left"): the hosts, the others the users."""
    places = [m for m in subjects if _place(m, doc)]
    return places if places and len(places) < len(subjects) else []


def _clause_user(noun: Token, mentions: list[Mention], sides: list[Mention]) -> list[Mention]:
    """The states the subject of a base noun's verb names, when the noun is that verb's place ("Russian
    personnel remain at the Niamey base", "Chinese sailors are now training at the Ream base"), other
    than the sides already found."""
    verb = noun.head.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or verb.pos_ not in ("VERB", "AUX"):
        return []
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)}
    taken = {m.country for m in sides}
    return _distinct([m for m in mentions if m.root in subject and m.country not in taken])


def _plural(noun: Token) -> bool:
    """A plural noun: "coups", "takeovers"; not "a putsch", which the model may tag plural by its ending."""
    return noun.tag_ in ("NNS", "NNPS") and noun.lower_ != noun.lemma_.lower()


def _background_coup(token: Token) -> bool:
    """A coup mentioned in passing: "the coup", "coups", or a relative clause about the putschists."""
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ in ("compound", "amod") and token.head.lower_ in COUP_PEOPLE:
            return True  # "the coup leaders": people, not an event
        if any(t.ent_type_ in ("KG", "KG_DEM") and _attached_to(t, token) for t in _phrase(token)):
            return False  # "the coup in Niger" reports where it happened
        return _plural(token) or any(c.lower_ in ("the", "this", "that") for c in token.children)
    return any(t.dep_ in ("relcl", "acl") for t in [token, *token.ancestors][:3])


def _described_people(participle: Token, mentions: list[Mention]) -> list[Mention]:
    """The leaders a participle describes: "Bazoum, the ousted president", "the deposed leader, Keita"."""
    person = participle.head
    near = {person.i, *(c.i for c in person.children if c.dep_ == "appos")}
    if person.dep_ == "appos":
        near.add(person.head.i)
    return [m for m in mentions if m.actor.kind == "leader" and m.root in near]


def _deposition_date(objects: list[Mention], when: EventDate, published: date | None) -> EventDate:
    """A coup that deposed a known leader happened the day their tenure ended, if the text says less."""
    if when.precision == "day":
        return when
    for m in objects:
        ends = [
            t.end
            for t in m.actor.tenures
            if t.end
            and t.role in ("head_of_state", "head_of_government")
            and (published is None or t.end <= published)
            and (when.value is None or t.end.isoformat().startswith(when.value))
        ]
        if ends:
            return EventDate(
                value=max(ends).isoformat(), precision="day", text=f"end of {m.actor.label}'s tenure"
            )
    return when


# --- status -----------------------------------------------------------------------------------------


def _governing_chain(token: Token) -> list[Token]:
    """The trigger and the verbs it is an argument of, up to its clause head and beyond xcomp links."""
    chain = [token]
    t = token
    while t.head != t and (
        (t.dep_ == "conj" and t.head.dep_ == "xcomp")  # "promised to treat … and to fight": both promised
        or _infinitive_of_modal_verb(t)
        or _small_clause(t)
        or t.dep_
        in (
            "xcomp",
            "dobj",
            "pobj",
            "prep",
            "nsubj",
            "nsubjpass",
            "amod",
            "compound",
            "acomp",
            "attr",
            "pcomp",
            "oprd",
            "auxpass",
            "aux",
            "csubj",  # "supplying weapons to Ukraine would be a mistake": the supplying is hypothetical
        )
        or t.pos_ not in ("VERB", "AUX")
    ):
        t = t.head
        chain.append(t)
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("xcomp", "pcomp", "aux", "auxpass", "conj"):
            break
    return chain


def _small_clause(verb: Token) -> bool:
    """Whether a bare infinitive is what a verb of seeing or causing brings about: "a decision that will
    see French troops leave", "would make Russia withdraw" (its time is that verb's)."""
    return (
        verb.dep_ == "ccomp"
        and verb.tag_ in ("VB", "VBP")
        and verb.head.lemma_.lower() in ("see", "make", "let", "watch")
        and not any(c.dep_ in ("mark", "aux", "auxpass") for c in verb.children)
    )


CLAIM_NOUNS = frozenset("report claim allegation rumour rumor suggestion speculation".split())
CONFIRMING_HEADS = frozenset("confirm verify corroborate acknowledge".split())


def _claim_status(noun: Token) -> str:
    """The status of what a claim says ("reports that Russia had deployed troops"): alleged, unless the
    verb the claim hangs from confirms it ("confirmed reports that …") or denies it ("denied reports",
    "reports … were denied")."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    if _negating(verb):
        return "negated"
    return "asserted" if verb.lemma_.lower() in CONFIRMING_HEADS else "hypothetical"


def _infinitive_of_modal_verb(verb: Token) -> bool:
    """An infinitive parsed as an adverbial clause of a verb that makes it unreal: "threatened on Monday to
    expel the ambassador" (an aside between the verb and its complement)."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
        and verb.head.lemma_.lower() in HYPOTHETICAL_HEADS | PLANNED_HEADS | NEGATING_HEADS
    )


PLEDGING_HEADS = {"pledge", "promise", "vow"}


def _future(token: Token) -> bool:
    """Whether the trigger's clause is in the future tense ("will leave", "shall withdraw")."""
    chain = _governing_chain(token)
    return any(c.dep_ == "aux" and c.lower_ in PLANNED_AUX for t in chain for c in t.children)


def _governed_by(token: Token, lemmas: set[str]) -> bool:
    """Whether a verb of `lemmas` governs the trigger, also as reported speech ("announced that … would pull")."""
    return _governor(token, lemmas) is not token


def _placed_under(token: Token, mentions: list[Mention]) -> list[Mention]:
    """Who is "under" an event noun: the subject of "has been / remains / came under sanctions"."""
    prep = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or prep.lower_ != "under":
        return []
    verb = prep.head
    if verb.lemma_.lower() not in ("be", "remain", "come", "stay", "fall", "live"):
        return []
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in _phrase(c)}
    return _distinct([m for m in mentions if m.root in subject])


def _before(when: EventDate, published: date | None) -> bool:
    """Whether a known date ends before the publication date."""
    return when.known and published is not None and when.bounds()[1] < published  # type: ignore[index]


def _demander(token: Token) -> Token | None:
    """The verb demanding the trigger's clause: "asked French troops to leave", "demanded that they
    leave" (not "told reporters after leaving Niamey")."""
    clause = _clause_head(token)
    head = clause.head
    if clause.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in DEMANDING_HEADS:
        return head
    if token.dep_ == "dobj" and (token.head.lemma_.lower() in ORDERING_HEADS or _state_demands(token.head)):
        return token.head  # "ordered the withdrawal of Danish special forces", "Mali demanded the departure of"
    return _said_must(clause)


def _forces_expelled(token: Token) -> bool:
    """Whether an expulsion is of armed forces, not of diplomats: "expelled the last French soldiers", "the
    expulsion of French troops" (not "expelled the ambassador, and France has since withdrawn its troops")."""
    expelled = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    expelled += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    if token.dep_ == "acl" or (token.dep_ == "amod" and token.tag_ == "VBN"):
        expelled.append(token.head)  # "French troops expelled from Mali"
    return any(t.lemma_.lower() in EXPELLED_FORCES for t in expelled)


EXPELLED_FORCES = frozenset("troop soldier force contingent garrison peacekeeper marine paratrooper".split())


def _state_demands(verb: Token) -> bool:
    """Whether a demanding verb's subject names a state ("Mali demanded", "the Malian junta asked"), not a crowd
    ("Malian protesters demanded the departure of French troops") nor rulers named by no state ("the military
    governments there demanded their departure")."""
    subject = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    return (
        verb.lemma_.lower() in DEMANDING_HEADS
        and any(t.ent_type_ in ("KG", "KG_DEM") for t in subject)
        and not any(t.lemma_.lower() in CROWD_NOUNS for t in subject)
    )


CROWD_NOUNS = frozenset("protester demonstrator crowd activist opposition".split())


def _said_must(clause: Token) -> Token | None:
    """The saying verb of a clause that says foreign forces must go: "said that France must close its bases",
    "said the French bases would have to close" (a demand, not a forecast)."""
    have_to = clause.dep_ == "xcomp" and clause.head.lemma_ == "have" and any(c.lower_ == "to" for c in clause.children)
    if have_to:
        clause = clause.head  # "will have to close"
    obliged = have_to or any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in clause.children)
    if obliged and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SAYING_VERBS:
        return clause.head
    return None


def _governor(token: Token, lemmas: set[str]) -> Token:
    """The nearest verb of `lemmas` governing the trigger (the trigger itself when there is none)."""
    chain = _governing_chain(token)
    if chain[-1].dep_ == "ccomp":
        chain.append(chain[-1].head)
    return next((t for t in chain[1:] if t.lemma_.lower() in lemmas), token)


def _announcer(token: Token) -> Token:
    """The verb that announced or agreed the trigger's act: one governing it ("agreed to begin planning a
    withdrawal"), a relative clause agreeing it ("a withdrawal that the two governments had agreed"), or
    the accord it is done under ("must have left by 15 September under the accord concluded on 19 May");
    the trigger itself when there is none, or when the trigger is its clause's subject ("announced that
    the withdrawal was complete" tells of it)."""
    if token.pos_ == "NOUN" and token.dep_ in SUBJECT_DEPS:
        return token
    governor = _governor(token, ANNOUNCING_HEADS)
    if governor is not token:
        return governor
    clauses = [token, *(c for c in token.children if c.dep_ == "relcl")]
    for clause in clauses[1:]:
        if clause.lemma_.lower() in ANNOUNCING_HEADS and any(
            c.dep_ == "dobj" and c.tag_ == "WDT" for c in clause.children
        ):
            return clause
    for clause in clauses:
        for prep in clause.children:
            if prep.dep_ != "prep" or prep.lower_ != "under":
                continue
            for accord in prep.children:
                if accord.dep_ == "pobj" and accord.lemma_.lower() in ACCORD_NOUNS:
                    return next((c for c in accord.children if c.dep_ == "acl" and c.pos_ == "VERB"), accord)
    return token


def _negating(verb: Token) -> bool:
    """Whether a governing verb denies its complement: "refused to", "denied that", "ruled out"
    ("ruled the country for decades after seizing power" denies nothing)."""
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in NEGATING_HEADS


# Verbs that call off an arranged act: "cancelled the summit" (it did not happen), "postponed the visit",
# "put off the talks", "put the deal on hold" (it is still to come)
CANCELLING_HEADS = {"cancel", "cancellation", "scrap", "shelve", "abort", "axe", "scrub"}
POSTPONING_HEADS = {"postpone", "postponement", "defer", "reschedule"}
# Modifiers that tell the act is not (yet) a fact: "the cancelled visit", "the alleged transfer", "a possible
# normalisation", "a draft deal" (a "planned" or "postponed" act that "took place" is one: _realised)
UNREAL_MODIFIERS = {
    **dict.fromkeys(("cancel", "scrap", "shelve", "abort"), "negated"),
    **dict.fromkeys(("postpone", "plan", "schedule", "upcoming", "forthcoming", "future", "intended",
                     "expected", "impending", "prospective"), "planned"),
    **dict.fromkeys(("alleged", "allege", "purported", "rumoured", "rumored", "possible",
                     "potential", "would-be", "proposed", "propose", "mooted", "hypothetical", "draft"),
                    "hypothetical"),
}
HEDGING_ADVERBS = {"allegedly", "purportedly", "supposedly", "possibly", "potentially"}
# Nouns that hold an act in prospect: "the prospect of a deal", "fears of an invasion", "plans for a base"
PROSPECT_NOUNS = {
    **dict.fromkeys(("prospect", "possibility", "fear", "risk", "danger", "threat", "hope", "chance",
                     "likelihood", "spectre", "specter", "idea", "proposal"), "hypothetical"),
    "plan": "planned",
}
# Nouns whose topic is an act still negotiated: "talks on hosting forces", "negotiations over a base"
TALK_NOUNS = {"talk", "talks", "negotiation", "discussion"}
# Speculation verbs that raise the act's subject: "is believed to have sent", "is alleged to have supplied"
# (not the attribution hedges "reportedly", "is said to", "appears to", "suspected": the act is told as real)
RAISING_HEADS = {"believe", "think", "rumour", "rumor", "allege"}
# Verbs that undo a decision: "reversed its decision to expel", "abandoned its plan to build"
REVERSING_HEADS = {"reverse", "rescind", "overturn", "abandon", "drop"}
# Speech acts a denial presupposes: "denied the accusation", "rejected the ultimatum" (they were made)
SPEECH_ACT_NOUNS = {"accusation", "charge", "ultimatum", "demand", "request", "offer", "proposal", "threat",
                    "warning", "criticism", "condemnation"}
ABSENCE_NOUNS = {"lack", "absence"}
# "did not hesitate to condemn": the negated verb asserts its complement
LITOTES_HEADS = {"hesitate"}
# Heads that end an attempt: "foiled a coup attempt", "the coup failed" (ontology coup_attempt)
ATTEMPT_ENDING_HEADS = {"foil", "thwart", "fail", "crush", "defeat", "repel", "repulse"}
PLOT_NOUNS = {"plot", "plan", "conspiracy"}
REALISING_HEADS = {"complete", "finish", "hold", "conduct", "carry", "finalise", "finalize", "begin", "start",
                   "implement", "execute", "resume", "end", "conclude", "happen", "occur"}
# spaCy's small model lemmatises "hopes" as "hop" and "slated" as "slat"
MISLEMMATISED = {"hopes": "hope", "hoped": "hope", "slated": "slate"}


def _lemma(token: Token) -> str:
    """The token's lower-case lemma, corrected where the model gets it wrong."""
    return MISLEMMATISED.get(token.lower_, token.lemma_.lower())


def _called_off(verb: Token) -> str | None:
    """What a governing verb does to the arranged act it takes as object: "cancelled the summit" (negated),
    "postponed the visit", "put off the talks", "put the deal on hold" (planned); None for other verbs."""
    lemma = _lemma(verb)
    if lemma in CANCELLING_HEADS:
        return "negated"
    if lemma in POSTPONING_HEADS:
        return "planned"
    if lemma == "put" and any(
        (c.dep_ == "prt" and c.lower_ == "off")
        or (c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "hold" for g in c.children))
        for c in verb.children
    ):
        return "planned"
    return None


def _realised(token: Token) -> bool:
    """Whether an act named by a noun is said to happen: "completed its planned withdrawal", "the postponed
    summit finally took place"."""
    head = token.head
    if token.dep_ not in ("dobj", "nsubj", "nsubjpass") or head == token:
        return False
    lemma = _lemma(head)
    return lemma in REALISING_HEADS or _goes_ahead(head) or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)
    )


def _goes_ahead(verb: Token) -> bool:
    """ "the summit went ahead": it took place ("go" is otherwise the planned "going to"); so did what "set
    off" a war (a phrasal "set" is not the planned "set to")."""
    phrasal = _lemma(verb) == "set" and any(c.dep_ == "prt" for c in verb.children)
    return phrasal or _lemma(verb) == "go" and any(c.dep_ == "advmod" and c.lower_ == "ahead" for c in verb.children)


def _modified_status(token: Token) -> str | None:
    """The status a modifier of the trigger gives it: "the cancelled visit", "the alleged transfer", "a
    possible normalisation", "no agreement was reached", "allegedly supplied"."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and _lemma(child) in UNREAL_MODIFIERS and not _realised(token):
            return UNREAL_MODIFIERS[_lemma(child)]
        if child.dep_ == "advmod" and child.lower_ in HEDGING_ADVERBS:
            return "hypothetical"
        if token.pos_ == "VERB" and child.dep_ in ("dobj", "nsubjpass", "nsubj") and any(
            g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in child.children
        ):
            return "negated"  # "no agreement was reached", "sent no troops", "neither Chad nor Niger sent"
    return None


def _absent(token: Token) -> bool:
    """Whether the act is named as missing: "ended without a deal", "the lack of an agreement"."""
    prep = token.head
    return token.dep_ == "pobj" and (
        prep.lower_ == "without" or (prep.lower_ == "of" and _lemma(prep.head) in ABSENCE_NOUNS)
    )


def _rebutted(token: Token, verb: Token) -> bool:
    """Whether a denial answers a speech act the trigger names: "denied the accusation" (it was made)."""
    return token.dep_ == "dobj" and token.head == verb and _lemma(token) in SPEECH_ACT_NOUNS


def _not_yet(verb: Token) -> bool:
    """Whether a verb says its complement has not happened yet: "has yet to join", "is yet to sign"."""
    yet = any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)
    return yet and _lemma(verb) in ("have", "be")


def _no_longer(verb: Token) -> bool:
    """ "no longer hosts French troops": the act is not a fact now."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
        for c in verb.children
    )


# What makes a coup an attempt: "a failed coup", "an attempted putsch", "a coup attempt", "tried to seize power"
ATTEMPT_MODIFIERS = frozenset("failed attempted abortive foiled thwarted botched aborted unsuccessful".split())


def _called_an_attempt(token: Token) -> bool:
    """Whether a coup trigger is named or told as an attempt: "the failed coup of July 2016", "an attempted
    putsch", "a coup attempt", "a coup bid", "soldiers tried to seize power"."""
    modified = any(c.dep_ == "amod" and c.lower_ in ATTEMPT_MODIFIERS for c in token.children)
    compound = token.dep_ == "compound" and token.head.lemma_.lower() in ("attempt", "bid")
    tried = token.dep_ == "xcomp" and token.head.lemma_.lower() in ("try", "attempt")
    return modified or compound or tried


def _attempted(token: Token) -> bool:
    """Whether a coup trigger was foiled or failed: "foiled a coup attempt", "the coup failed" (not "foiled a
    coup plot": a plot may never have been acted on)."""
    chain = _governing_chain(token)[1:]
    lemmas = {_lemma(t) for t in chain}
    return bool(lemmas & ATTEMPT_ENDING_HEADS) and not lemmas & PLOT_NOUNS


def _link_status(t: Token, token: Token, chain: list[Token]) -> str | None:
    """The status one link `t` of the trigger's governing chain gives it, if any: an act named as missing
    ("without a deal"), no longer or not yet done, called off ("cancelled the summit"), claimed ("rumours of
    a coup"), in prospect ("fears of an invasion"), arranged ("is to visit") or speculated ("is believed to
    have sent")."""
    infinitive = [c for c in t.children if c.dep_ == "xcomp" and c in chain] if t != token else []
    if _absent(t) or (_no_longer(t) and not _no_longer_welcome(token)) or (infinitive and _not_yet(t)):
        return "negated"  # ("no longer welcome" is an expulsion; "the largest drills yet" were held)
    if t != token and t.pos_ in ("VERB", "NOUN") and (undone := _called_off(t)) is not None:
        return undone
    holder = t.head.head  # "rumours of a coup", "plans for a base"
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                   for c in t.children)
    if t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(holder) in CLAIM_NOUNS and not definite:
        return _claim_status(holder)  # ("reports of the coup" take it as known)
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and _lemma(holder) in PROSPECT_NOUNS:
        return PROSPECT_NOUNS[_lemma(holder)]
    if t.dep_ in ("pobj", "pcomp") and t.head.lower_ in ("on", "over", "about") and _lemma(holder) in TALK_NOUNS:
        return "planned"  # "talks on hosting American forces": the act is what is negotiated
    if _lemma(t) == "be" and any(g.tag_ == "TO" for c in infinitive for g in c.children):
        return "planned"  # "the president is to visit France", "the ministers were to meet"
    if _lemma(t) in RAISING_HEADS and infinitive:
        return "hypothetical"  # "is believed to have sent mercenaries"
    return None


def event_status(token: Token) -> str:
    """asserted, negated, hypothetical or planned, from negation, modals and governing verbs."""
    chain = _governing_chain(token)
    # "In a call with Putin, Macron urged", "discussed Gaza in a phone call": the call happened
    framed = chain[-1] if _framing(token) or _encounter_frame(token) else None
    last = chain[-1]
    if (modified := _modified_status(token)) is not None:
        return modified
    if (
        last.dep_ == "acl"
        and last.head != last
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in last.children)
    ):
        noun = last.head.lemma_.lower()  # "stood by its refusal to withdraw its ambassador"
        decider = last.head.head
        if _negating(decider) or _lemma(decider) in REVERSING_HEADS or _called_off(decider) == "negated":
            return "negated"  # "vetoed a resolution to impose sanctions", "reversed its decision to expel"
        for nouns, status in (
            (NEGATING_NOUNS, "negated"),
            (HYPOTHETICAL_NOUNS, "hypothetical"),
            (PLANNED_NOUNS, "planned"),
        ):
            if noun in nouns:
                return status
    if (
        last.dep_ == "advcl"
        and last.tag_ == "VBG"
        and not any(c.dep_ == "mark" for c in last.children)
        and _negating(last.head)
    ):
        return "negated"  # "ruled out withdrawing its troops": the gerund parsed as an adverbial clause
    if last.dep_ in ("ccomp", "acl") and last.head.pos_ == "NOUN" and last.head.lemma_.lower() in CLAIM_NOUNS:
        return _claim_status(last.head)
    if last.dep_ == "ccomp" and last.head != last:
        said = last.head  # "has not said it is breaking off", "denied that it had sent"
        claim = next((c for c in said.children if c.dep_ == "nsubj" and _lemma(c) in CLAIM_NOUNS), None)
        if claim is not None:
            return _claim_status(claim)  # "unconfirmed reports said Egypt had sent warplanes"
        if _negating(said) or any(c.dep_ == "neg" for c in said.children):
            return "negated"
    for t in chain:
        lemma = _lemma(t)
        if t != token and lemma in LITOTES_HEADS and any(c.dep_ == "neg" for c in t.children):
            continue  # "did not hesitate to condemn"
        if (status := _link_status(t, token, chain)) is not None:
            return status
        if t != token and _negating(t) and not _rebutted(token, t):
            return "negated"
        if t != token and t != framed and lemma in HYPOTHETICAL_HEADS:
            return "hypothetical"
        if t != token and t != framed and lemma in PLANNED_HEADS and not _goes_ahead(t):
            return "planned"
        for child in t.children:
            word = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and word == "no"):
                return "negated"
            if child.dep_ in ("aux", "auxpass"):
                if word in HYPOTHETICAL_AUX:
                    return "hypothetical"
                if word in PLANNED_AUX:
                    return "planned"
            if child.dep_ == "mark" and word in ("if", "unless", "whether"):
                return "hypothetical"
    return "asserted"


# --- dates ------------------------------------------------------------------------------------------


def _date_mentions(doc: Doc, published: date | None) -> list[tuple[DateMention, Token]]:
    out = []
    for mention in find_dates(doc.text, published):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((mention, _measured_clause(span)))
    return _years_told(out, published)


def _years_told(
    dates: list[tuple[DateMention, Token]], published: date | None
) -> list[tuple[DateMention, Token]]:
    """Months named without their year in a paragraph telling older history, in the year it tells: "In
    January 2022 the junta expelled the ambassador. In August the last French troops left." (August 2022,
    not the August before publication). The anchor is the last month or day told in a main clause of an
    earlier sentence (not "Mali, which expelled French troops in August 2022, …"); a recent date ends the
    history ("on Monday"), and so does one in background ("Its soldiers first took power in August 2020").
    Within one sentence the month keeps its latest year before publication ("left Mali in February 2022 and
    Niger in May" published in June 2024: May 2024)."""
    if published is None:
        return dates
    out, anchor = [], None
    for m, root in dates:
        if anchor is not None and not _same_paragraph(anchor[1], root.sent):
            anchor = None
        earlier = anchor is not None and anchor[1].sent.start < root.sent.start  # not "in 2022 … and in May"
        m = (in_year_told(m, anchor[0].date, published) if earlier else None) or m
        clause = _anchor(root, set(), set())
        recent = (m.date.bounds() or (date.min, date.min))[1] >= published - timedelta(days=62)
        if recent or _background(clause):
            anchor = None
        elif m.date.precision in ("month", "day") and clause.dep_ not in ("relcl", "acl"):
            anchor = (m, root)
        out.append((m, root))
    return out


def _measured_clause(span: Span) -> Token:
    """Where a date phrase hangs: its root, but for "Three days after the junta revoked the accord, …" the
    clause 'after' opens (its 'after' a mark), so that the date reaches the main clause through it."""
    last = span[-1]
    opens_clause = last.lower_ in ("after", "before") and last.dep_ == "mark"
    if opens_clause and not span.start <= last.head.i < span.end:
        return last.head
    return span.root


def _dateline_date(m: DateMention, text: str) -> bool:
    """Whether a date is a wire story's dateline ("NIAMEY, March 17 (Reuters) -"): when it was filed, the
    story's time (``_reference_date``), not the own date of the sentence it opens."""
    before = text[text.rfind("\n", 0, m.start) + 1 : m.start]
    return bool(DATELINE_PLACE.fullmatch(before) and DATELINE_END.match(text, m.end))


DATELINE_PLACE = re.compile(r"[A-Z][A-Z .'/-]*,\s*")
DATELINE_END = re.compile(r",?\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]")


def _anchor(token: Token, trigger_tokens: set[int], stop: set[int]) -> Token:
    """The trigger or verb a date expression hangs from."""
    t = token
    while t.head != t:
        t = t.head
        if (
            t.i in trigger_tokens
            or t.i in stop
            or t.pos_ in ("VERB", "AUX")
            or t.lemma_.lower() in REPORTING_NOUNS
        ):
            return t
    return t


_OFFSET_NUMBERS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                   "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_OFFSET_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
                 "months": "month", "year": "year", "years": "year"}


def _offset_mark(head: Token, token: Token) -> Token | None:
    """The 'after'/'before' that places the trigger's clause (or the noun trigger itself: "eight months
    after an earlier putsch") relative to the clause the date was given in."""
    prep = token.head
    if token.pos_ in ("NOUN", "PROPN") and prep.dep_ == "prep" and prep.lower_ in ("after", "before"):
        return token.head
    if token.dep_ == "pcomp" and prep.lower_ in ("after", "before"):
        return prep  # "signed a deal in December, a month after expelling French troops"
    for mark in head.children:
        if mark.dep_ not in ("mark", "prep") or mark.lower_ not in ("after", "before"):
            continue
        # "took power in September 2022, eight months after an earlier putsch": the noun after
        # 'after' is another event, the clause's own is not moved
        if mark.dep_ == "prep" and any(c.dep_ == "pobj" for c in mark.children) and token.i not in {
            t.i for t in mark.subtree
        }:
            continue
        return mark
    return None


def _day_offset(head: Token, token: Token | None = None) -> tuple[int, str, str] | None:
    """How far the clause a clause hangs from is from its own, the unit and the words saying so:
    "retaliating a day after Algeria expelled …" (-1 day), "two days before the summit opened" (+2 days),
    "three weeks after it invaded Ukraine" (-3 weeks), "eight months after an earlier putsch" (-8 months)."""
    doc = head.doc
    mark = _offset_mark(head, token if token is not None else head)
    clause = head
    while mark is None and clause.dep_ in ("ccomp", "xcomp") and clause.head != clause:
        # "a month after Niger, Mali and Burkina Faso announced that they were leaving ECOWAS": the
        # 'after' of the clause the trigger's clause is reported in
        clause = _clause_head(clause.head)
        mark = _offset_mark(clause, clause)
    if mark is None:
        return None
    i = mark.i
    if i >= 3 and doc[i - 3].lower_ == "than":
        return None  # "less than a month after": no distance to move by
    if i >= 2 and doc[i - 1].lower_ in _OFFSET_UNITS and doc[i - 2].lower_ in _OFFSET_NUMBERS:
        n = _OFFSET_NUMBERS[doc[i - 2].lower_]
        unit = _OFFSET_UNITS[doc[i - 1].lower_]
        return (-n if mark.lower_ == "after" else n), unit, doc[i - 2 : i + 1].text
    return None


def _offset(when: EventDate, head: Token, date_from: str, token: Token | None = None) -> EventDate:
    """A date borrowed from another clause, moved by the clause's own "a day after" / "two days before"
    (to the day), "three weeks after" or "eight months before" (to the month), "a year after" (to the year
    when only the year is known)."""
    offset = _day_offset(head, token)
    if offset is None or when.end or when.value is None:
        return when
    n, unit, words = offset
    marks = " (earlier in the article)" if date_from == "context" else ""
    if unit in ("day", "week"):
        if when.precision != "day":
            return when
        shifted = date.fromisoformat(when.value) + timedelta(days=n if unit == "day" else 7 * n)
        value = shifted.isoformat() if unit == "day" else shifted.strftime("%Y-%m")
    else:
        year, month = int(when.value[:4]), int(when.value[5:7] or "1")
        if unit == "year":
            year += n
        elif when.precision == "year":
            return when
        else:
            months = year * 12 + month - 1 + n
            year, month = divmod(months, 12)
            month += 1
        value = f"{year:04d}" if when.precision == "year" else f"{year:04d}-{month:02d}"
    precision = {4: "year", 7: "month", 10: "day"}[len(value)]
    return EventDate(value=value, precision=precision, text=words + marks)


def _names_a_thing(m: DateMention, root: Token, token: Token) -> bool:
    """Whether a year is part of the name of something the trigger acts on: "denounced the 2018
    agreement" (signed in 2018, denounced later); "the 2023 coup" dates the coup itself."""
    return (
        m.date.precision == "year"
        and root.dep_ in ("nummod", "compound", "amod")
        and root.head.i != token.i
        and root.head.lemma_.lower() in DOCUMENT_NOUNS
    )


# Documents named by the year they were signed ("the 2018 agreement"); "a 1987 coup" is dated by its year
DOCUMENT_NOUNS = frozenset(
    "agreement accord treaty pact deal charter constitution convention protocol memorandum framework "
    "arrangement partnership".split()
)


def _other_event_time(anchor: Token, token: Token, trigger_tokens: set[int]) -> bool:
    """Whether a date dates another event named in a time phrase of the trigger's: "agreed to restart
    cooperation after a phone call at the end of March" dates the call, not the agreement."""
    if anchor.i == token.i or anchor.i not in trigger_tokens:
        return False
    t = anchor
    while t.head != t and t.i != token.i:
        if t.dep_ in ("prep", "mark") and t.lower_ in ("after", "before", "since", "following", "until"):
            return True
        t = t.head
    return False


def event_date(
    token: Token,
    sent: Span,
    dates: list[tuple[DateMention, Token]],
    trigger_tokens: set[int],
    published: date | None,
) -> tuple[EventDate, str]:
    """The date of the trigger's own clause, then of the clauses it depends on.

    Without one: present tense means the time of publication; a past-tense news clause takes the
    date the story last gave (its reference time); background (past perfect, "historically") stays unknown.
    A clause "a day after" (or "two days before") the one giving the day is that many days off it.
    """
    token = _carrier(token)
    local = [
        (m, root)
        for m, root in dates
        if sent.start <= root.i < sent.end and not _dateline_date(m, _text(root.doc))
    ]
    head = _clause_head(token)
    if local:
        anchors = {id(m): _anchor(root, trigger_tokens, {head.i}) for m, root in local}
        inside = {t.i for t in _phrase(token)}
        # "revoked the agreement covering American troops in March": a present participle describing the
        # trigger's object is read with it ("the accord signed in 2012", a past participle, is not)
        inside |= {
            s.i
            for t in list(_phrase(token))
            for c in t.children
            if c.dep_ == "acl" and c.tag_ == "VBG" and t.i != token.i
            for s in c.subtree
        }
        # "an agreement signed in 2017", "the sanctions imposed on Mali in January": the event noun's own
        # past participle dates it
        inside |= {s.i for c in _participles(token) for s in c.subtree}
        inside |= _signing_described(token)
        own = [
            m
            for m, root in local
            if root.i in inside
            and anchors[id(m)].i in inside
            and anchors[id(m)].lemma_.lower() not in REPORTING_NOUNS
            and not _reported(root)
            and not _other_event_time(anchors[id(m)], token, trigger_tokens)
            and not _names_a_thing(m, root, token)
            and not _takes_effect(m, root)
        ]
        own.sort(key=lambda m: anchors[id(m)].i != token.i)
        if own:
            return own[0].date, "own"
        framed = _decision_time(token)
        framing = [m for m, root in local if root.i in framed and not _reported(root)]
        if framing:
            return framing[0].date, "own"
        shift = _time_shift(head)
        if shift == "after":
            return EventDate(), "none"  # "…, and France has since withdrawn its troops": some time after
        if shift == "now":
            local = []  # "…, while Russia now trains its army": the time of the story, not the clause before
        h = head
        spans = {
            i: m
            for m, root in local
            for i in range(_token_at(root.doc, m.start), _token_at(root.doc, m.end - 1) + 1)
        }
        for _ in range(4):
            hits = [m for m, _root in local if anchors[id(m)].i == h.i]
            if hits:
                return _offset(hits[0].date, head, "clause", token), "clause"
            if h.dep_ in ("relcl", "advcl", "acl") and h.head.i in spans:
                return spans[h.head.i].date, "clause"  # "in March, when the junta revoked…"
            # "signed on Saturday a decree imposing sanctions": a present participle describing the object
            # of a dated clause happens with it
            described = h.dep_ == "acl" and h.tag_ == "VBG"
            if (h.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "ccomp") and not described) or h.head == h:
                break
            h = _clause_head(h.head)
        # a date opening the sentence ("In March 2022, after …, Algeria recalled …") frames its main clause
        opening = [
            m for m, root in local if root.i < token.i and not _reported(root) and root.i - sent.start <= 3
        ]
        if opening and (h.dep_ == "ROOT" or len(local) == 1):
            # the sentence's only date, opening it, frames every clause even when the parse is lost
            return _offset(opening[0].date, head, "clause", token), "clause"
    if any(t.lower_ in TIMELESS_WORDS for t in sent) or published is None:
        return EventDate(), "none"
    tense = _tense(head)
    if tense == "present":
        return EventDate(
            value=published.strftime("%Y-%m"), precision="month", text="(present tense)"
        ), "present"
    if tense in ("past", "pluperfect"):
        if _background(head):
            return EventDate(), "none"
        context = _reference_date(sent, dates, published, before_only=tense == "pluperfect")
        if tense == "pluperfect" and context is not None and context.precision == "day":
            # "Barrot had met President Déby during a visit": before the story's time, in its month
            context = EventDate(value=context.value[:7], precision="month", text=context.text)
        if context is not None:
            marked = context.model_copy(update={"text": f"{context.text} (earlier in the article)"})
            return _offset(marked, head, "context", token), "context"
    return EventDate(), "none"


# Verbs of making an accord that name the same act: "concluded arrangements with Australia, signed in
# January 2022" ("renewed the accord signed in 2012" is two acts: renew and extend are not here)
SIGNING_VERBS = frozenset("sign conclude ink seal strike agree finalise finalize reach".split())


def _joint_statement_date(
    sent: Span, dates: list[tuple[DateMention, Token]], published: date | None
) -> EventDate | None:
    """The date of a joint statement the sentence tells of, from the clause that made it ("the joint
    statement the two ministries released on Sunday", "issued a joint statement on Friday")."""
    for noun in sent:
        if noun.lemma_.lower() != "statement" or not any(c.lower_ == "joint" for c in noun.children):
            continue
        makers = [c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        makers += [noun.head] if noun.dep_ == "dobj" else []
        for verb in makers:
            when, came = event_date(verb, sent, dates, set(), published)
            if came == "own" and when.known:
                return when
    return None


def _signing_described(token: Token) -> set[int]:
    """Tokens of a past participle of signing that describes the accord a signing trigger makes: its
    date is the trigger's own."""
    if token.lemma_.lower() not in SIGNING_VERBS:
        return set()
    return {
        s.i
        for t in _phrase(token)
        if t.i != token.i
        for c in t.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in SIGNING_VERBS
        for s in c.subtree
    }


AFTER_WORDS = frozenset("since later afterwards subsequently thereafter".split())
NOW_WORDS = frozenset("now currently".split())


def _time_shift(verb: Token) -> str | None:
    """Whether a clause says it is at another time than the clauses around it: "after" ("has since
    withdrawn", "later signed"; not "have been training since", from then on) or "now" ("Russia now
    trains its army")."""
    for c in verb.children:
        if c.dep_ != "advmod":
            continue
        if c.lower_ in AFTER_WORDS and not (c.lower_ == "since" and verb.tag_ == "VBG"):
            return "after"
        if c.lower_ in NOW_WORDS:
            return "now"
    return None


def _background(verb: Token) -> bool:
    """Whether a clause says itself it is background: "France first sent troops", "had previously
    hosted", "have drawn closer since 2008", "in the past"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS:
            return True
        if c.dep_ != "prep":
            continue
        if c.lower_ == "since" or (c.lower_ == "in" and any(p.lower_ == "past" for p in c.children)):
            return True
    return False


BACKGROUND_ADVERBS = frozenset("first previously formerly once".split())


def _takes_effect(m: DateMention, root: Token) -> bool:
    """Whether a date says from when a measure applies, not when it was taken: "a ban on charter flights
    from January", "flights suspended starting July 8" ("from March to May" is a span of the act)."""
    first = (m.text or "").split(" ", 1)[0].lower()
    effect = first in EFFECT_WORDS or root.head.lower_ in EFFECT_WORDS
    return effect and not re.search(r"\b(to|until|till|through)\b", m.text or "")


EFFECT_WORDS = frozenset({"from", "starting", "effective"})


def _token_at(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _reported(token: Token) -> bool:
    """Inside "according to …": the time of the report, not of the event."""
    return any(t.lower_ == "according" for t in token.ancestors)


def _same_paragraph(token: Token, sent: Span) -> bool:
    """Whether no line break separates a token from a sentence after it."""
    return "\n" not in token.doc[token.i : sent.start].text_with_ws


def _text(doc: Doc) -> str:
    """The document's text, joined once (spaCy's ``Doc.text`` joins every token on each call)."""
    if "kg.text" not in doc.user_data:
        doc.user_data["kg.text"] = doc.text
    return doc.user_data["kg.text"]


def _furniture(m: DateMention, doc: Doc) -> bool:
    """Whether a date stands on a line without a verb ("By Staff | Tuesday 1 February 2022", "13 December
    2024 | Updated 10:42 GMT"): when the page was published, not a time the story tells."""
    text = _text(doc)
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    return line is not None and not any(t.pos_ in ("VERB", "AUX") for t in line)


def _reference_date(
    sent: Span, dates: list[tuple[DateMention, Token]], published: date, before_only: bool = False
) -> EventDate | None:
    """The story's reference time: the last recent date given before the sentence, else (unless
    `before_only`: a past perfect is before a time already told) the first after it; none when the
    paragraph's main clauses last gave an older date ("France sent troops in January 2013. Paris signed a
    defence pact with Bamako." is history, not the story's Monday)."""
    dates = [(m, root) for m, root in dates if not _furniture(m, root.doc)]
    told = [
        (root, m)
        for m, root in dates
        if root.i < sent.start and _anchor(root, set(), set()).dep_ not in ("relcl", "acl")
    ]
    # the last date told before the sentence, if in its paragraph (if not, no earlier one is)
    root, last_told = max(told, key=lambda t: t[0].i, default=(None, None))
    last = last_told.date.bounds() if last_told and _same_paragraph(root, sent) else None
    if last and last[1] < published - timedelta(days=62):
        return None  # the paragraph tells older history: its past clauses are not the story's time
    recent = []
    for mention, root in dates:
        bounds = mention.date.bounds()
        if _names_an_event(root):
            continue  # "its reaction to the events of July 26", "the July 26 coup": not the story's time
        if (
            mention.date.precision in ("day", "month")
            and bounds
            and published - timedelta(days=62) <= bounds[0] <= published + timedelta(days=2)
        ):
            recent.append((mention, root))
    before = [m for m, root in recent if root.i < sent.start]
    if before:
        return before[-1].date
    return recent[0][0].date if recent and not before_only else None


# Nouns whose to-clause is the act they decide or announce: "the junta's decision in March to revoke …"
DECISION_NOUNS = frozenset("decision announcement move order vote choice resolution".split())


ASSAULT_LEMMAS = frozenset({"attack", "storm", "assault"})  # on a palace: a coup, unless from abroad


def _decided_not_to_renew(token: Token) -> Token | None:
    """The verb deciding against a renewal: "voted not to extend the lease", "decided not to renew the
    defence pact"."""
    verb = token.head
    if (
        token.lemma_.lower() in RENEWAL_LEMMAS
        and token.dep_ == "xcomp"
        and verb.lemma_.lower() in DECIDING_VERBS
        and any(c.dep_ == "neg" for c in token.children)
    ):
        return verb
    return None


RENEWAL_LEMMAS = frozenset("extend renew prolong".split())
DECIDING_VERBS = frozenset("vote decide choose opt resolve".split())


def _decision_time(token: Token) -> set[int]:
    """Tokens dating the decision a trigger's clause is the content of: "the junta's decision in March to
    revoke the legal basis", "their decision to leave ECOWAS, announced in January"."""
    noun = token.head
    if token.dep_ != "acl" or token.pos_ not in ("VERB", "AUX"):
        return set()
    if noun.lemma_.lower() not in DECISION_NOUNS:
        return set()
    # "the decision in March to revoke", "the decision of the authorities last Friday to expel"
    frames = [
        c
        for c in noun.children
        if (c.dep_ == "prep" and c.lower_ in ("in", "on", "at")) or c.dep_ == "npadvmod"
    ]
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    frames += [p for c in participles for p in c.children if p.dep_ == "prep"]
    return {t.i for f in frames for t in f.subtree}


def _of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of" phrases ("the decision of the Chadian authorities")."""
    return [
        p
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _names_an_event(root: Token) -> bool:
    """Whether a date is part of a noun's name for another event ("the events of July 26", "the July 26
    coup") rather than the time of a clause."""
    if root.dep_ == "pobj":
        root = root.head
    if root.dep_ == "prep":
        return root.lower_ == "of" and root.head.pos_ in ("NOUN", "PROPN")
    return root.dep_ in ("compound", "nummod", "amod") and root.head.pos_ == "NOUN"


def _tense(verb: Token) -> str:
    """present, past (simple past or present perfect: news time), pluperfect (before the news time, in
    its month) or other (future, none)."""
    while (
        verb.tag_ in ("VB", "VBN", "VBG")
        and verb.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp")
        and verb.head != verb
        and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)
    ):
        verb = verb.head
        while (
            verb.pos_ == "ADP" and verb.head != verb
        ):  # "after speaking": the tense of the clause it modifies
            verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "other"
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "would", "'d", "shall") for a in auxes):
        return "other"
    if "had" in auxes:
        return "pluperfect"
    if verb.tag_ == "VBN" and any(a in ("is", "are", "am") for a in auxes):
        return "present"  # "troops are stationed": present passive
    if any(a in ("has", "have", "was", "were", "did") for a in auxes) or verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(a in ("is", "are", "am") for a in auxes)):
        return "present"
    return "other"
