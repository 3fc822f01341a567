"""Agreement and contradiction across sources, each finding with its evidence side by side.

Contradictions (topic = kind):
- `claim_polarity`: one source affirms a relation of a dyad ("close allies"), another denies it ("not allies");
- `claim_relation`: two sources affirm incompatible relations (ally vs enemy; data/compare/relations.yaml);
- `event_denial`: an event reported as fact in one source and negated, or denied by a denial statement
  ("Iran denied that ..."; cue words in data/compare/denial_cues.txt), in another;
- `event_date`: the same occurrence (same dyad, PLOVER type and trigger, dates a few days apart) dated differently;
- `event_actor`: the same occurrence (same type, trigger and date, one shared actor) done by or to someone else.
Agreements (topic `claim` or `event`): the same claim or the same occurrence stated by two or more independent
sources. Two documents are independent unless they share an outlet or one is a near-duplicate (`duplicate_of`)
of the other; documents without an outlet are each their own source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from importlib import resources

from .model import Claim, Corpus, Document, Event, Finding
from .network import RelationTable, dyad_key, event_occurred, node_names, node_of, relation_table

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


class _Comparer:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.sources = Sources(corpus.documents)
        self.names = node_names(corpus)
        self.table: RelationTable = relation_table()
        self.dated_differently: set[frozenset[str]] = set()  # event pairs of an event_date contradiction

    # -- wording ------------------------------------------------------------------------------------------
    def name(self, node: str) -> str:
        return self.names.get(node, node)

    def claim_voice(self, claim: Claim) -> str:
        """ "Wikinews (own voice)", "TASS (quoting Sergei Lavrov)", "Fox (citing officials, hedged)"."""
        if claim.holder_kind == "speaker":
            holder = f"quoting {claim.holder.name if claim.holder else claim.holder_text or 'a speaker'}"
        elif claim.holder_kind == "group":
            holder = f"citing {claim.holder_text or (claim.holder.name if claim.holder else 'unnamed sources')}"
        else:
            holder = "own voice"
        if claim.modality == "hedged":
            holder += ", hedged"
        return f"{self.sources.label(claim.document_id)} ({holder})"

    def event_voice(self, event: Event) -> str:
        label = self.sources.label(event.document_id)
        return f"{label} (quoting {event.reported_by.name})" if event.reported_by else label

    def event_words(self, event: Event) -> str:
        target = self.name(node_of(event.target)) if event.target else "?"
        when = f", {event.date}" if event.date else ""
        return f"{self.name(node_of(event.source))} → {target} {event.plover} ('{event.trigger}'{when})"

    def relation_words(self, claim: Claim) -> str:
        return self.table.phrase(claim.relation, self.name(node_of(claim.a)), self.name(node_of(claim.b)))

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
                    explanation=(f"Sources disagree on whether {self.relation_words(affirmed[0])}: "
                                 f"{_say([self.claim_voice(c) for c in affirmed], 'says', 'say')} so, "
                                 f"{_say([self.claim_voice(c) for c in denied], 'says', 'say')} not.")))
            for polarity, same in (("affirmed", affirmed), ("denied", denied)):
                if len(self.independent(same)) > 1:
                    verb = "affirm" if polarity == "affirmed" else "deny"
                    findings.append(self.finding(
                        "agreement", "claim", dyad, same,
                        explanation=(f"{_join([self.claim_voice(c) for c in same])} independently {verb} "
                                     f"that {self.relation_words(same[0])}.")))
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
                                     f"{_say([self.claim_voice(c) for c in first], 'says', 'say')} "
                                     f"{self.relation_words(first[0])}, "
                                     f"{_say([self.claim_voice(c) for c in second], 'says', 'say')} "
                                     f"{self.relation_words(second[0])}.")))
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
        """Whether two events of one dyad and type are told as the same occurrence."""
        if second.id in first.linked or first.id in second.linked:
            return True
        one, two = _day(first), _day(second)
        if one and two:
            return abs((one - two).days) <= SAME_DAY_TOLERANCE
        return same_trigger(first, second) and self.published_close(first, second)

    def is_denial(self, event: Event) -> bool:
        """A statement that something did not happen ("denied", "dismissed the reports as false")."""
        stems = trigger_stems(event)
        return not event.negated and any(cue <= stems for cue in _denial_cues())

    def denial_findings(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
        """Events one source states as fact and another negates (same type) or denies (a denial statement).

        A denial without a target ("Iran denied any role in the attack") answers the facts whose actor is the
        denier."""
        by_dyad: dict[tuple[str, str], list[Event]] = defaultdict(list)
        for (dyad, _), events in groups.items():
            by_dyad[dyad] += events
        untargeted = [e for e in self.corpus.events
                      if e.target is None and self.is_denial(e) and node_of(e.source) is not None]
        findings = []
        for dyad, events in by_dyad.items():
            facts = [e for e in events if not e.negated and not self.is_denial(e)]
            pairs = []
            for denial in events + [d for d in untargeted if node_of(d.source) in dyad]:
                if denial.negated:
                    candidates = [e for e in facts if e.plover == denial.plover]
                elif self.is_denial(denial):
                    candidates = [e for e in facts if e.plover not in VERBAL_TYPES
                                  and (denial.target is not None or node_of(e.source) == node_of(denial.source))]
                else:
                    continue
                pairs += [(fact, denial) for fact in candidates
                          if self.sources.key(fact.document_id) != self.sources.key(denial.document_id)
                          and self._denial_matches(fact, denial)]
            if not pairs:
                continue
            said = _unique(s for s, _ in pairs)
            negated = _unique(d for _, d in pairs)
            findings.append(self.finding(
                "contradiction", "event_denial", dyad, events=said + negated,
                explanation=(f"{_say([self.event_voice(e) for e in said], 'reports', 'report')} "
                             f"{self.event_words(said[0])} as fact, while "
                             f"{_say([self.event_voice(e) for e in negated], 'denies', 'deny')} it "
                             f"('{negated[0].trigger}').")))
        return findings

    def _denial_matches(self, fact: Event, denial: Event) -> bool:
        """Close enough in time: a negation dated within a few days, a denial up to two weeks after the fact."""
        one, two = _day(fact), _day(denial)
        if one and two:
            gap = (two - one).days
            later = PUBLICATION_WINDOW if not denial.negated else DATE_CONFLICT_WINDOW
            return -DATE_CONFLICT_WINDOW <= gap <= later
        return self.published_close(fact, denial)

    def date_findings(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
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
            self.dated_differently |= {frozenset((one.id, two.id)) for one, two in conflicts}
            if conflicts:
                involved = _unique(e for pair in conflicts for e in pair)
                first, second = conflicts[0]
                findings.append(self.finding(
                    "contradiction", "event_date", dyad, events=involved,
                    explanation=(f"{self.event_voice(first)} dates {self.name(node_of(first.source))} → "
                                 f"{self.name(node_of(first.target))} {plover} ('{first.trigger}') on {first.date}, "
                                 f"{self.event_voice(second)} on {second.date}.")))
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
                    pair = self._actor_conflict(one, two, versions)
                    if pair is None:
                        continue
                    role, shared, first_other, second_other = pair
                    what = f"{plover} ('{one.trigger}', {one.date})"
                    if role == "target":
                        explanation = (f"{self.event_voice(one)} says {self.name(first_other)} carried out {what} "
                                       f"against {self.name(shared)}, {self.event_voice(two)} says "
                                       f"{self.name(second_other)} did.")
                    else:
                        explanation = (f"{self.event_voice(one)} says {self.name(shared)} directed {what} at "
                                       f"{self.name(first_other)}, {self.event_voice(two)} says at "
                                       f"{self.name(second_other)}.")
                    dyad = dyad_key(node_of(one.source), node_of(one.target))
                    findings.append(self.finding("contradiction", "event_actor", dyad, events=[one, two],
                                                 explanation=explanation))
        return findings

    def _actor_conflict(self, one: Event, two: Event, versions: set) -> tuple[str, str, str, str] | None:
        """(role of the shared actor, shared node, first version's other node, second's) or None."""
        one_key, two_key = self.sources.key(one.document_id), self.sources.key(two.document_id)
        if one_key == two_key:
            return None
        s1, t1, s2, t2 = node_of(one.source), node_of(one.target), node_of(two.source), node_of(two.target)
        if t1 == t2 and s1 != s2:
            role, shared, first_other, second_other = "target", t1, s1, s2
        elif s1 == s2 and t1 != t2:
            role, shared, first_other, second_other = "source", s1, t1, t2
        else:
            return None
        stem = trigger_stem(one)
        told_by_both = any((one.plover, stem, two_key, s1, t1, d) in versions for d in _around(_day(one))) or \
            any((one.plover, stem, one_key, s2, t2, d) in versions for d in _around(_day(two)))
        return None if told_by_both else (role, shared, first_other, second_other)

    def event_agreements(self, groups: dict[tuple[tuple[str, str], str], list[Event]]) -> list[Finding]:
        findings = []
        for (dyad, plover), events in groups.items():
            occurred = [e for e in events if event_occurred(e)]
            for cluster in self._clusters(occurred):
                if len(self.independent(cluster)) < 2:
                    continue
                findings.append(self.finding(
                    "agreement", "event", dyad, events=cluster,
                    explanation=(f"{_join([self.event_voice(e) for e in cluster])} independently report "
                                 f"{self.event_words(cluster[0])}.")))
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


def _unique(events: Iterable[Event]) -> list[Event]:
    return list({e.id: e for e in events}.values())


def _around(day: date) -> list[date]:
    return [date.fromordinal(day.toordinal() + shift) for shift in range(-SAME_DAY_TOLERANCE, SAME_DAY_TOLERANCE + 1)]


def compare(corpus: Corpus) -> list[Finding]:
    """All contradictions (first) and agreements between the sources of a corpus, ids f1, f2, ... in stable order."""
    return _Comparer(corpus).run()
