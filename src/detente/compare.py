"""Agreement and contradiction across sources, each finding with its evidence side by side.

Contradictions (topic = kind):
- `claim_polarity`: one source affirms a relation of a dyad ("close allies"), another denies it ("not allies");
- `claim_relation`: two sources affirm incompatible relations (ally vs enemy; data/compare/relations.yaml);
- `event_denial`: an event reported as fact in one source and negated (same dyad and type), or denied by a denial
  statement ("Iran denied that ..."; cue words in data/compare/denial_cues.txt), in another. A denial statement
  answers a fact only when what it denies is that fact: its content (the words after the cue, with the actors they
  name and the events coded in them) names the fact's dyad, or the denier took part in the fact and the content
  names its type or trigger ("Iran denied any role in the attack"). A bare "posted his denial" answers nothing;
- `event_date`: the same occurrence (same dyad, PLOVER type and trigger, dates a few days apart) dated differently;
- `event_actor`: the same occurrence (same type, trigger and date, one shared actor) done by or to someone else.
Agreements (topic `claim` or `event`): the same claim or the same occurrence stated by two or more independent
sources. Two documents are independent unless they share an outlet or one is a near-duplicate (`duplicate_of`)
of the other; documents without an outlet are each their own source. Explanations name one voice per source
("Meridian Wire (own voice; citing analysts)"), the number of independent sources, and actors as resolved
("Hezbollah (Lebanon)") while the dyad stays at country level.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from .model import ActorRef, Claim, Corpus, Document, Event, Finding
from .network import (MentionLookup, RelationTable, dyad_key, event_occurred, known_country, node_names, node_of,
                      relation_table)

CONTRADICTION_TOPICS = ("claim_polarity", "claim_relation", "event_denial", "event_date", "event_actor")
AGREEMENT_TOPICS = ("claim", "event")
SAME_DAY_TOLERANCE = 1  # days between two datings that still agree (time zones, "overnight")
DATE_CONFLICT_WINDOW = 4  # days: further apart, two events of one type are taken to be different occurrences
PUBLICATION_WINDOW = 14  # days between publications for undated events to be compared at all
VERBAL_TYPES = ("STATEMENT", "APPEAL", "REQUEST", "ACCUSE", "REJECT", "THREATEN")  # a denial denies none of these


class Sources:
    """Which source each document speaks for, and how to name it in an explanation."""

    def __init__(self, documents: Iterable[Document]):
        self.documents = {d.id: d for d in documents}
        self.position = {d: i for i, d in enumerate(self.documents)}

    def root(self, document_id: str) -> Document | None:
        """The original of a near-duplicate chain."""
        document = self.documents.get(document_id)
        seen: set[str] = set()
        while document is not None and document.duplicate_of in self.documents and document.id not in seen:
            seen.add(document.id)
            document = self.documents[document.duplicate_of]
        return document

    def key(self, document_id: str) -> str:
        """Documents with the same key are not independent of each other."""
        root = self.root(document_id)
        if root is None:
            return f"doc:{document_id}"
        outlet = root.outlet or self.documents[document_id].outlet
        return f"outlet:{outlet.strip().casefold()}" if outlet and outlet.strip() else f"doc:{root.id}"

    def label(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        if document is None:
            return document_id
        if document.outlet:
            return document.outlet
        return f'"{document.title}"' if document.title else f"document {document.id}"

    def published(self, document_id: str) -> date | None:
        document = self.documents.get(document_id)
        return _parse_date(document.published) if document else None

    def order(self, document_ids: Iterable[str]) -> list[str]:
        return sorted(set(document_ids), key=lambda d: (self.position.get(d, len(self.position)), d))


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _day(event: Event) -> date | None:
    return _parse_date(event.date) if event.date_precision == "day" else None


_SUFFIXES = re.compile(r"(?:ing|ed|es|e|s)$")
MIN_TRIGGER_WORD = 4  # shorter trigger words ("met in", "fired at") are particles, not what was done


@lru_cache(maxsize=1)
def _irregular() -> dict[str, str]:
    text = resources.files("detente").joinpath("data/compare/irregular_verbs.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {form: base for form, base in rows}


def trigger_stem_of(word: str) -> str:
    """A crude stem: "strike", "strikes", "striking" and "struck" share one; so do "supplied" and "supplying"."""
    word = _irregular().get(word, word)
    if word.endswith("ied"):
        word = word[:-3] + "y"
    return _SUFFIXES.sub("", word) if len(word) > 4 else word


def trigger_stems(event: Event) -> frozenset[str]:
    """Stems of the content words of an event's trigger ("launched drones attack" → launch, drone, attack)."""
    words = (event.trigger or "").casefold().split()
    stems = {trigger_stem_of(w) for w in words if len(w) >= MIN_TRIGGER_WORD}
    return frozenset(stems or {trigger_stem_of(w) for w in words})


def same_trigger(first: Event, second: Event) -> bool:
    return bool(trigger_stems(first) & trigger_stems(second))


def trigger_stem(event: Event) -> str:
    """The stem of the event's first trigger word (the verb or event noun)."""
    words = (event.trigger or "").strip().casefold().split()
    return trigger_stem_of(words[0]) if words else ""


@lru_cache(maxsize=1)
def _denial_cues() -> tuple[frozenset[str], ...]:
    text = resources.files("detente").joinpath("data/compare/denial_cues.txt").read_text("utf-8")
    return tuple(frozenset(trigger_stem_of(w) for w in line.split()) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))


_LEFTOVER_START = re.compile(r"^\s*(?:[\"'“”‘’»)\]]+(?=\s|$)\s*)+")  # a quote closing the sentence before
_LEFTOVER_END = re.compile(r"(?:(?<=\s)|^)[\"'“”‘’«(\[]+\s*$")  # a quote opening the next sentence


def display_sentence(text: str) -> str:
    """An evidence sentence as shown to a reader: without quote marks left over from the neighbouring sentences
    (a closing quote and line break before it, an opening quote after it) and with white space collapsed."""
    text = _LEFTOVER_END.sub("", _LEFTOVER_START.sub("", text))
    return " ".join(text.split())


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else str(n)


@lru_cache(maxsize=1)
def _word_types() -> dict[str, frozenset[str]]:
    """Stem -> PLOVER types of the single-word triggers of the event lexicon ("attack" -> ASSAULT), to read
    what a denial's content is about."""
    from .events import load_lexicon

    lexicon = load_lexicon()
    types: dict[str, set[str]] = defaultdict(set)
    for table in (lexicon.verbs, lexicon.nouns):
        for head, patterns in table.items():
            for pattern in patterns:
                if not pattern.words and pattern.code and pattern.code in lexicon.codes:
                    types[trigger_stem_of(head)].add(lexicon.codes[pattern.code].plover)
    return {stem: frozenset(found) for stem, found in types.items()}


def _join(parts: Sequence[str], most: int = 4) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C, D and 5 more"."""
    parts = list(dict.fromkeys(parts))
    if len(parts) > most:
        parts = parts[:most] + [f"{len(parts) - most} more"]
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _say(voices: Sequence[str], singular: str, plural: str) -> str:
    """The voices and a verb that agrees with them: "Wikinews says", "Wikinews and TASS say"."""
    return f"{_join(voices)} {singular if len(set(voices)) == 1 else plural}"


@dataclass(frozen=True)
class DenialContent:
    """What a denial statement denies: countries named after its cue, event types coded there, word stems."""

    nodes: frozenset[str]
    types: frozenset[str]
    stems: frozenset[str]


def _cue_end(text: str, trigger: str) -> int:
    """Where the first word of a trigger ends in a text (0 when it does not occur)."""
    words = trigger.split()
    found = re.search(r"\b" + re.escape(words[0]) + r"\b", text, re.IGNORECASE) if words else None
    return found.end() if found else 0


class _Comparer:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.sources = Sources(corpus.documents)
        self.names = node_names(corpus)
        self.table: RelationTable = relation_table()
        self.mentions = MentionLookup(corpus.mentions)
        self.sentence_events: dict[tuple[str, str, int], list[Event]] = defaultdict(list)
        for event in corpus.events:
            self.sentence_events[(event.document_id, event.section, event.start)].append(event)
        self.dated_differently: set[frozenset[str]] = set()  # event pairs of an event_date contradiction

    # -- wording ------------------------------------------------------------------------------------------
    def name(self, node: str) -> str:
        return self.names.get(node, node)

    def actor(self, ref: ActorRef) -> str:
        """An actor as resolved: the country for a state or its government, "Hezbollah (Lebanon)" for others."""
        country = known_country(ref)
        if country is None:
            return ref.name
        country_name = self.name(country)
        if ref.actor_id in (country, f"{country}-GOV"):
            return country_name
        if country_level(ref) or country_name.casefold() in ref.name.casefold():
            return ref.name
        return f"{ref.name} ({country_name})"

    def actors(self, refs: Iterable[ActorRef]) -> str:
        return " / ".join(dict.fromkeys(self.actor(ref) for ref in refs))

    def claim_holder(self, claim: Claim) -> str:
        """ "own voice", "quoting Sergei Lavrov", "citing officials, hedged"."""
        holder = claim.holder
        if claim.holder_kind == "speaker":
            person = holder is not None and not country_level(holder)
            who = holder.name if person else claim.holder_text or (self.speaker(holder) if holder else "a speaker")
            words = f"quoting {who}"
        elif claim.holder_kind == "group":
            words = f"citing {claim.holder_text or (self.actor(holder) if holder else 'unnamed sources')}"
        else:
            words = "own voice"
        return words + (", hedged" if claim.modality == "hedged" else "")

    def speaker(self, ref: ActorRef) -> str:
        """A quoted speaker: a person or organisation by name, a state or sector as `actor` words it."""
        return self.actor(ref) if country_level(ref) else ref.name

    def event_holder(self, event: Event) -> str:
        return f"quoting {self.speaker(event.reported_by)}" if event.reported_by else "own report"

    def voices(self, items: Iterable[Claim | Event], holder: Callable[[Claim | Event], str],
               plain: str | None = None) -> list[str]:
        """One entry per independent source, with the voices it speaks in: "Meridian Wire (own voice; citing
        analysts)". `plain` is the voice left unsaid when it is a source's only one (events: "own report")."""
        by_source: dict[str, list[Claim | Event]] = defaultdict(list)
        for item in sorted(items, key=lambda i: self.sources.position.get(i.document_id, 0)):
            by_source[self.sources.key(item.document_id)].append(item)
        entries = []
        for members in by_source.values():
            labels = list(dict.fromkeys(self.sources.label(i.document_id) for i in members))
            root = self.sources.root(members[0].document_id)
            label = self.sources.label(root.id) if root is not None else labels[0]
            notes = list(dict.fromkeys(holder(i) for i in members))
            if notes == [plain]:
                notes = []
            copies = [other for other in labels if other != label]
            if copies:
                notes.append(f"republished by {_join(copies)}")
            entries.append(f"{label} ({'; '.join(notes)})" if notes else label)
        return entries

    def claim_voices(self, claims: Iterable[Claim]) -> list[str]:
        return self.voices(claims, self.claim_holder)

    def event_voices(self, events: Iterable[Event]) -> list[str]:
        return self.voices(events, self.event_holder, plain="own report")

    def event_voice(self, event: Event) -> str:
        return self.event_voices([event])[0]

    def event_words(self, events: Sequence[Event]) -> str:
        """ "Benjamin Netanyahu (Israel) → Saudi Arabia CONSULT ('met', 2020-11-22)", actors of every event."""
        first = events[0]
        source_node = node_of(first.source)
        sources = [e.source if node_of(e.source) == source_node else e.target for e in events if e.target]
        targets = [e.target if node_of(e.source) == source_node else e.source for e in events if e.target]
        target = self.actors(targets) if targets else "?"
        when = f", {first.date}" if first.date else ""
        return f"{self.actors(sources or [first.source])} → {target} {first.plover} ('{first.trigger}'{when})"

    def relation_words(self, claims: Sequence[Claim]) -> str:
        """The first claim's relation, affirmed, between the actors that every claim names on each side."""
        first = claims[0]
        sides: dict[str | None, list[ActorRef]] = defaultdict(list)
        for claim in claims:
            for ref in (claim.a, claim.b):
                sides[node_of(ref)].append(ref)
        return self.table.phrase(first.relation, self.actors(sides[node_of(first.a)]),
                                 self.actors(sides[node_of(first.b)]))

    def sources_phrase(self, voices: Sequence[str]) -> str:
        """ "A (own voice) and B (citing officials), two independent sources," for an agreement."""
        return f"{_join(voices)}, {_count(len(voices))} independent sources,"

    # -- building findings --------------------------------------------------------------------------------
    def finding(self, kind: str, topic: str, dyad: tuple[str, str], claims: Sequence[Claim] = (),
                events: Sequence[Event] = (), explanation: str = "") -> Finding:
        documents = [c.document_id for c in claims] + [e.document_id for e in events]
        return Finding(id="", kind=kind, topic=topic, dyad=dyad,
                       claim_ids=sorted({c.id for c in claims}), event_ids=sorted({e.id for e in events}),
                       document_ids=self.sources.order(documents), explanation=explanation)

    def independent(self, items: Iterable[Claim | Event]) -> set[str]:
        return {self.sources.key(item.document_id) for item in items}

    def cross_source(self, left: Sequence[Claim | Event], right: Sequence[Claim | Event]) -> bool:
        """True when some item of `left` and some item of `right` come from different sources."""
        left_keys, right_keys = self.independent(left), self.independent(right)
        return bool(left_keys and right_keys) and (len(left_keys | right_keys) > 1)

    # -- claims -------------------------------------------------------------------------------------------
    def claim_groups(self) -> dict[tuple[tuple[str, str], str, tuple[str, str] | None], list[Claim]]:
        """Claims by (unordered dyad, relation, direction); direction is None for symmetric relations."""
        groups: dict[tuple[tuple[str, str], str, tuple[str, str] | None], list[Claim]] = defaultdict(list)
        for claim in self.corpus.claims:
            relation, a, b = self.table.canonical(claim)
            if a is not None and b is not None and a != b:
                direction = None if relation in self.table.symmetric else (a, b)
                groups[(dyad_key(a, b), relation, direction)].append(claim)
        return groups

    def claim_findings(self) -> list[Finding]:
        findings = []
        groups = self.claim_groups()
        for (dyad, _, _), claims in groups.items():
            affirmed = [c for c in claims if c.polarity == "affirmed"]
            denied = [c for c in claims if c.polarity == "denied"]
            if affirmed and denied and self.cross_source(affirmed, denied):
                findings.append(self.finding(
                    "contradiction", "claim_polarity", dyad, affirmed + denied,
                    explanation=(f"Sources disagree on whether {self.relation_words(affirmed + denied)}: "
                                 f"{_say(self.claim_voices(affirmed), 'says', 'say')} so, "
                                 f"{_say(self.claim_voices(denied), 'says', 'say')} not.")))
            for polarity, same in (("affirmed", affirmed), ("denied", denied)):
                if len(self.independent(same)) > 1:
                    verb = "affirm" if polarity == "affirmed" else "deny"
                    findings.append(self.finding(
                        "agreement", "claim", dyad, same,
                        explanation=(f"{self.sources_phrase(self.claim_voices(same))} {verb} "
                                     f"that {self.relation_words(same)}.")))
        by_dyad: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(dict)
        for (dyad, relation, _), claims in groups.items():
            affirmed = [c for c in claims if c.polarity == "affirmed"]
            if affirmed:
                by_dyad[dyad].setdefault(relation, []).extend(affirmed)
        for dyad, relations in by_dyad.items():
            for pair in sorted(sorted(p) for p in self.table.incompatible):
                first, second = relations.get(pair[0]), relations.get(pair[1])
                if first and second and self.cross_source(first, second):
                    findings.append(self.finding(
                        "contradiction", "claim_relation", dyad, first + second,
                        explanation=(f"Sources disagree on how {self.name(dyad[0])} and {self.name(dyad[1])} relate: "
                                     f"{_say(self.claim_voices(first), 'says', 'say')} "
                                     f"{self.relation_words(first)}, "
                                     f"{_say(self.claim_voices(second), 'says', 'say')} "
                                     f"{self.relation_words(second)}.")))
        return findings

    # -- events -------------------------------------------------------------------------------------------
    def event_groups(self) -> dict[tuple[tuple[str, str], str], list[Event]]:
        """Events with a target, by unordered country dyad and PLOVER type."""
        groups: dict[tuple[tuple[str, str], str], list[Event]] = defaultdict(list)
        for event in self.corpus.events:
            if event.target is None or event.modality not in ("asserted", "reported"):
                continue
            a, b = node_of(event.source), node_of(event.target)
            if a is not None and b is not None and a != b:
                groups[(dyad_key(a, b), event.plover)].append(event)
        return groups

    def published_close(self, first: Event, second: Event) -> bool:
        one, two = self.sources.published(first.document_id), self.sources.published(second.document_id)
        return one is None or two is None or abs((one - two).days) <= PUBLICATION_WINDOW

    def same_occurrence(self, first: Event, second: Event) -> bool:
        """Whether two events of one dyad and type are told as the same occurrence: linked by the event coder, or
        dated within a day with the same trigger or CAMEO code (a meeting and a phone call the next day are two),
        or undated with the same trigger in articles published close together."""
        if second.id in first.linked or first.id in second.linked:
            return True
        one, two = _day(first), _day(second)
        if one and two:
            close = abs((one - two).days) <= SAME_DAY_TOLERANCE
            return close and (same_trigger(first, second) or first.cameo == second.cameo)
        return same_trigger(first, second) and self.published_close(first, second)

    def is_denial(self, event: Event) -> bool:
        """A statement that something did not happen ("denied", "dismissed the reports as false")."""
        stems = trigger_stems(event)
        return not event.negated and any(cue <= stems for cue in _denial_cues())

    def denial_content(self, denial: Event) -> DenialContent:
        """What a denial statement denies: the words after its cue, the countries they name (and the statement's
        target), and the types of the events coded in them (else of the trigger words they contain)."""
        text = denial.sentence
        cue = _cue_end(text, denial.trigger)
        content = text[cue:]
        nodes = {node_of(m) for m in self.mentions.within(denial.document_id, denial.section,
                                                              denial.start + cue, denial.end)}
        if denial.target is not None:
            nodes.add(node_of(denial.target))
        types = {e.plover for e in self.sentence_events[(denial.document_id, denial.section, denial.start)]
                 if e.id != denial.id and not self.is_denial(e) and _cue_end(content, e.trigger)}
        words = re.findall(r"[\w-]+", content.casefold())
        if not types:  # no event coded in the content: read its type from the trigger words it contains
            types = {t for word in words for t in _word_types().get(trigger_stem_of(word), ())}
        stems = {trigger_stem_of(w) for w in words if len(w) >= MIN_TRIGGER_WORD}
        return DenialContent(frozenset(nodes - {None}), frozenset(types), frozenset(stems))

    def denies(self, denial: Event, content: DenialContent, fact: Event) -> bool:
        """Whether a denial statement is about a fact: its content names the fact's type or trigger, and either
        names the fact's dyad (the denier may be one side) or, naming no other country ("denied any role in the
        attack"), comes from one of the fact's actors."""
        if fact.plover in VERBAL_TYPES:
            return False
        if fact.plover not in content.types and not trigger_stems(fact) & content.stems:
            return False
        nodes = {node_of(fact.source), node_of(fact.target)}
        denier = node_of(denial.source)
        if content.nodes - {denier}:
            return bool(nodes & content.nodes) and nodes <= content.nodes | {denier}
        return denier in nodes

    def denial_findings(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
        """Events one source states as fact and another negates (same dyad and type) or denies (a denial
        statement about that event, see `denies`), within a date window."""
        by_dyad: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for (dyad, _), events in groups.items():
            by_dyad[dyad] += events
        statements = [(e, self.denial_content(e)) for e in self.corpus.events
                      if self.is_denial(e) and e.modality in ("asserted", "reported")]
        findings = []
        for dyad, events in by_dyad.items():
            facts = [e for e in events if not e.negated and not self.is_denial(e)]
            pairs = []
            for negated in (e for e in events if e.negated):
                pairs += [(fact, negated) for fact in facts if fact.plover == negated.plover
                          and self._denial_applies(fact, negated)]
            for statement, content in statements:
                pairs += [(fact, statement) for fact in facts
                          if self.denies(statement, content, fact) and self._denial_applies(fact, statement)]
            if not pairs:
                continue
            said = _unique(s for s, _ in pairs)
            negated = _unique(d for _, d in pairs)
            findings.append(self.finding(
                "contradiction", "event_denial", dyad, events=said + negated,
                explanation=(f"{_say(self.event_voices(said), 'reports', 'report')} "
                             f"{self.event_words(said)} as fact, while "
                             f"{_say(self.event_voices(negated), 'denies', 'deny')} it "
                             f"('{negated[0].trigger}').")))
        return findings

    def _denial_applies(self, fact: Event, denial: Event) -> bool:
        """From another source and close enough in time: a negation dated within a few days, a denial up to two
        weeks after the fact."""
        if self.sources.key(fact.document_id) == self.sources.key(denial.document_id):
            return False
        one, two = _day(fact), _day(denial)
        if one and two:
            gap = (two - one).days
            later = PUBLICATION_WINDOW if not denial.negated else DATE_CONFLICT_WINDOW
            return -DATE_CONFLICT_WINDOW <= gap <= later
        return self.published_close(fact, denial)

    def date_findings(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
        """Occurrences dated differently by different sources; a source that gives the same date as one side of a
        conflict ("Levant Courier and The White House: 13 April") is on that side, whatever its trigger word."""
        findings = []
        for (dyad, plover), events in groups.items():
            dated = [e for e in events if event_occurred(e) and _day(e)]
            by_source: dict[str, list[Event]] = defaultdict(list)
            for event in dated:
                by_source[self.sources.key(event.document_id)].append(event)
            conflicts: list[tuple[Event, Event]] = []
            keys = sorted(by_source)
            for i, left_key in enumerate(keys):
                for right_key in keys[i + 1:]:
                    conflicts += self._date_conflicts(by_source[left_key], by_source[right_key])
            days = {key: {_day(e) for e in told} for key, told in by_source.items()}
            conflicts += [(event, other) for one, two in conflicts for anchor, other in ((one, two), (two, one))
                          for event in dated if event.id != anchor.id and _day(event) == _day(anchor)
                          and _day(other) not in days[self.sources.key(event.document_id)]]
            self.dated_differently |= {frozenset((one.id, two.id)) for one, two in conflicts}
            if conflicts:
                involved = _unique(e for pair in conflicts for e in pair)
                by_day: dict[date, list[Event]] = defaultdict(list)
                for event in involved:
                    by_day[_day(event)].append(event)
                first = conflicts[0][0]
                dates = "; ".join(f"{_join(self.event_voices(told))} on {day.isoformat()}"
                                  for day, told in sorted(by_day.items()))
                findings.append(self.finding(
                    "contradiction", "event_date", dyad, events=involved,
                    explanation=(f"Sources date {self.actor(first.source)} → {self.actor(first.target)} {plover} "
                                 f"('{first.trigger}') differently: {dates}.")))
        return findings

    def _date_conflicts(self, left: list[Event], right: list[Event]) -> list[tuple[Event, Event]]:
        """Pairs told as one occurrence (same trigger, a few days apart) where neither source has the other date."""
        left_days = {_day(e) for e in left}
        right_days = {_day(e) for e in right}
        pairs = []
        for one in left:
            for two in right:
                gap = abs((_day(one) - _day(two)).days)
                if (0 < gap <= DATE_CONFLICT_WINDOW and same_trigger(one, two)
                        and _day(one) not in right_days and _day(two) not in left_days):
                    pairs.append((one, two))
        return pairs

    def actor_findings(self) -> list[Finding]:
        """Same type, trigger and date, one actor shared in the same role, the other actor different."""
        by_day: dict[tuple[str, str, date], list[Event]] = defaultdict(list)
        for event in self.corpus.events:
            nodes = (node_of(event.source), node_of(event.target)) if event.target else (None, None)
            if None not in nodes and event_occurred(event) and _day(event) and nodes[0] != nodes[1]:
                by_day[(event.plover, trigger_stem(event), _day(event))].append(event)
        versions = {(e.plover, trigger_stem(e), self.sources.key(e.document_id), node_of(e.source),
                     node_of(e.target), _day(e)) for events in by_day.values() for e in events}
        findings = []
        for (plover, stem, day), events in sorted(by_day.items(), key=lambda item: item[0]):
            later = [e for d in _around(day) if d >= day for e in by_day.get((plover, stem, d), [])]
            for one in events:
                for two in later:
                    if two.id <= one.id and _day(two) == day:
                        continue
                    role = self._actor_conflict(one, two, versions)
                    if role is None:
                        continue
                    what = f"{plover} ('{one.trigger}', {one.date})"
                    if role == "target":
                        explanation = (f"{self.event_voice(one)} says {self.actor(one.source)} carried out {what} "
                                       f"against {self.actor(one.target)}, {self.event_voice(two)} says "
                                       f"{self.actor(two.source)} did.")
                    else:
                        explanation = (f"{self.event_voice(one)} says {self.actor(one.source)} directed {what} at "
                                       f"{self.actor(one.target)}, {self.event_voice(two)} says at "
                                       f"{self.actor(two.target)}.")
                    dyad = dyad_key(node_of(one.source), node_of(one.target))
                    findings.append(self.finding("contradiction", "event_actor", dyad, events=[one, two],
                                                 explanation=explanation))
        return findings

    def _actor_conflict(self, one: Event, two: Event, versions: set) -> str | None:
        """The role ("source" or "target") of the actor two versions share while the other actor differs."""
        one_key, two_key = self.sources.key(one.document_id), self.sources.key(two.document_id)
        if one_key == two_key:
            return None
        s1, t1, s2, t2 = node_of(one.source), node_of(one.target), node_of(two.source), node_of(two.target)
        if t1 == t2 and s1 != s2:
            role = "target"
        elif s1 == s2 and t1 != t2:
            role = "source"
        else:
            return None
        stem = trigger_stem(one)
        told_by_both = any((one.plover, stem, two_key, s1, t1, d) in versions for d in _around(_day(one))) or \
            any((one.plover, stem, one_key, s2, t2, d) in versions for d in _around(_day(two)))
        return None if told_by_both else role

    def event_agreements(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
        findings = []
        for (dyad, plover), events in groups.items():
            occurred = [e for e in events if event_occurred(e)]
            for cluster in self._clusters(occurred):
                if len(self.independent(cluster)) < 2:
                    continue
                findings.append(self.finding(
                    "agreement", "event", dyad, events=cluster,
                    explanation=(f"{self.sources_phrase(self.event_voices(cluster))} report "
                                 f"{self.event_words(cluster)}.")))
        return findings

    def _clusters(self, events: list[Event]) -> list[list[Event]]:
        """Groups of events told as one occurrence (connected by `same_occurrence`)."""
        parent = list(range(len(events)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, one in enumerate(events):
            for j in range(i + 1, len(events)):
                if (find(i) != find(j) and frozenset((one.id, events[j].id)) not in self.dated_differently
                        and self.same_occurrence(one, events[j])):
                    parent[find(j)] = find(i)
        clusters: dict[int, list[Event]] = defaultdict(list)
        for i, event in enumerate(events):
            clusters[find(i)].append(event)
        return list(clusters.values())

    def run(self) -> list[Finding]:
        groups = self.event_groups()
        findings = (self.claim_findings() + self.denial_findings(groups) + self.date_findings(groups)
                    + self.actor_findings() + self.event_agreements(groups))
        topics = CONTRADICTION_TOPICS + AGREEMENT_TOPICS
        findings.sort(key=lambda f: (f.kind != "contradiction", topics.index(f.topic), f.dyad,
                                     (f.claim_ids + f.event_ids)[:1]))
        for number, finding in enumerate(findings, start=1):
            finding.id = f"f{number}"
        return findings


def country_level(ref: ActorRef) -> bool:
    """A state or one of its sectors ("RUS", "RUS-MIL"), not a person or organisation."""
    return ref.actor_id == ref.country or ref.actor_id == f"{ref.country}-{ref.sector}" or ref.actor_id.startswith("-")


def _unique(events: Iterable[Event]) -> list[Event]:
    return list({e.id: e for e in events}.values())


def _around(day: date) -> list[date]:
    return [date.fromordinal(day.toordinal() + shift) for shift in range(-SAME_DAY_TOLERANCE, SAME_DAY_TOLERANCE + 1)]


def compare(corpus: Corpus) -> list[Finding]:
    """All contradictions (first) and agreements between the sources of a corpus, ids f1, f2, ... in stable order."""
    return _Comparer(corpus).run()
