"""Relationship claims: sentences that characterise how two actors relate, with polarity, modality and holder.

A claim needs a trigger from the relation vocabulary (data/claims/relations.yaml) and two different actors that the
dependency parse links to it:

- role nouns name one side: the *filler* (who is the ally) and the *owner* (whose ally): "Turkey is a partner of
  Russia", "Moscow's ally Damascus", "Hezbollah, an Iranian proxy", "officials regard China as a rival of the US";
  coordinated fillers without an owner relate to each other ("Qatar and Iran remain close friends");
- relation nouns and adjectives name the relation: "the partnership between Russia and Morocco", "Russian-Turkish
  partnership", "friendly ties with Algeria", "Russia values its friendship with Israel";
- verbs and hyphenated participles: "Iran backs the Houthis", "Iran-backed Houthis", "a US-brokered ceasefire
  between Israel and Hezbollah", "North Korea depends on China".

People stand for their state (Putin and Assad allies → RUS–SYR, keeping the person's sector); two actors of the same
state make no claim (a senator's ally in the Senate). Polarity, modality and holder are read from the path between
the trigger and the sentence root (data/claims/cues.yaml): negation, "no longer", "far from", "ceased to be",
"former" deny; modals, "appears to", "some say" hedge; a reporting or regard verb, "according to", an enclosing quote
or a transcript label ("Vladimir Putin: ...") make the claim reported, held by the speaker or by an unnamed group
(data/claims/holders.yaml). Otherwise the author holds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from .actors import actor_ref, registry_for
from .model import ActorRef, Claim, DocumentAnalysis, Mention, Quote

STATE_KINDS = {"state", "sector", "person"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PREDICATE_DEPS = {"attr", "acomp", "oprd"}
OWNER_PREPOSITIONS = {"of", "for", "to", "with", "towards", "toward"}


@dataclass(frozen=True)
class Lexicon:
    """Trigger words by kind, and the cue lists."""

    role_nouns: dict[str, str]
    relation_nouns: dict[str, str]
    adjectives: dict[str, str]
    verbs: dict[str, str]
    hyphen_verbs: dict[str, str]
    symmetric: frozenset[str]
    cues: dict[str, frozenset[str]]
    groups: frozenset[str]


def _read(name: str) -> Any:
    return yaml.safe_load(resources.files("detente").joinpath("data", "claims", name).read_text(encoding="utf-8"))


@cache
def lexicon() -> Lexicon:
    """The relation vocabulary and cues, read once from data/claims/."""
    relations = _read("relations.yaml")["relations"]
    by_kind: dict[str, dict[str, str]] = {k: {} for k in
                                          ("role_nouns", "relation_nouns", "adjectives", "verbs", "hyphen_verbs")}
    for relation, spec in relations.items():
        for kind, words in by_kind.items():
            for word in spec.get(kind) or ():
                words[word.lower()] = relation
    cues = {key: frozenset(str(v).lower() for v in values) for key, values in _read("cues.yaml").items()}
    return Lexicon(**by_kind, symmetric=frozenset(r for r, s in relations.items() if s.get("symmetric")),
                   cues=cues, groups=frozenset(_read("holders.yaml")["groups"]))


def relations() -> dict[str, dict[str, Any]]:
    """The documented relation vocabulary (definition, symmetry, inverse, incompatible relations)."""
    return _read("relations.yaml")["relations"]


@dataclass
class _Holder:
    kind: str  # author | speaker | group
    ref: ActorRef | None = None
    text: str | None = None
    verb: Token | None = None
    hedged: bool = False


class _Sentence:
    """One sentence with the actors of its tokens and the speaker, if any, for first-person words."""

    def __init__(self, sent: Span, tokens: dict[int, Mention], analysis: DocumentAnalysis, quotes: list[Quote]):
        self.sent = sent
        self.tokens = tokens
        self.analysis = analysis
        self.quotes = quotes
        self.lex = lexicon()
        self.label = self._transcript_label()

    # -- actors -----------------------------------------------------------------------------------------------------
    def actors(self, token: Token | None, seen: frozenset[int] = frozenset()) -> list[Mention | str]:
        """The actors a token names: its mention (with conjuncts), a possessive pronoun's antecedent, or "SELF"
        for a first-person word (the speaker's state)."""
        if token is None or token.i in seen:
            return []
        found: list[Mention | str] = []
        for item in [token, *token.conjuncts] if token.dep_ != "conj" else [token]:
            mention = self.tokens.get(item.i)
            if mention is None and item.dep_ != "conj":
                mention = self._inner_mention(item)
            if mention is not None:
                found += self._pair(mention)
            elif item.lower_ in self.lex.cues["first_person"]:
                found.append("SELF")
            elif item.lower_ in POSSESSIVE_PRONOUNS or item.lower_ in ("it", "they", "them"):
                found += self._antecedent(item, seen | {token.i})
        return found

    def _pair(self, mention: Mention) -> list[Mention]:
        """A hyphenated pair the NER took for one organisation ("U.S.-Israel") as its two states."""
        actor = self.analysis.actors.get(mention.actor_id)
        if "-" not in mention.text or mention.country or (actor and actor.kind != "organization"):
            return [mention]
        registry = registry_for(self.sent.doc)
        parts = []
        for part in mention.text.split("-"):
            entry = registry.lookup(part.strip())
            if entry is None or entry.kind not in ("country", "adjective"):
                return [mention]
            parts.append(replace(mention, actor_id=entry.key, country=entry.key, sector=None, text=part))
        return parts

    def is_state(self, token: Token) -> bool:
        """Whether the token names a state or a state body ("Iranian", "Moscow"), not an organisation ("NATO")."""
        mention = self.tokens.get(token.i)
        actor = self.analysis.actors.get(mention.actor_id) if mention else None
        return actor is not None and actor.kind in STATE_KINDS and bool(actor.country)

    def _inner_mention(self, token: Token) -> Mention | None:
        """A mention inside a noun phrase headed by `token` ("the Kingdom of Morocco", "the Republic of Korea")."""
        if token.pos_ not in ("PROPN", "NOUN"):
            return None
        for child in token.children:
            if child.dep_ == "compound" and child.i in self.tokens:
                return self.tokens[child.i]
            if child.dep_ == "prep" and child.lower_ == "of" and token.lower_ in ("kingdom", "republic", "state",
                                                                                   "government", "people"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.i in self.tokens:
                    return self.tokens[obj.i]
        return None

    def _antecedent(self, pronoun: Token, seen: frozenset[int]) -> list[Mention | str]:
        """"its"/"their": the subject of the nearest clause above that names an actor."""
        owner = pronoun.head
        if owner.dep_ == "conj" and owner.head.i in self.tokens:  # "the United States and its allies"
            return [self.tokens[owner.head.i]]
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subject = _subject(node)
                if subject is None or subject.i in seen or subject.is_ancestor(pronoun):
                    return []
                return self.actors(subject, seen | {pronoun.i})
        return []

    def ref(self, item: Mention | str, holder: _Holder) -> ActorRef | None:
        """A claim's ActorRef: people and state bodies stand for their state (keeping their sector)."""
        if item == "SELF":
            if holder.ref is not None and holder.ref.country:
                return self._state_ref(holder.ref.country, holder.ref.sector)
            return None
        assert isinstance(item, Mention)
        ref = actor_ref(item, self.analysis)
        actor = self.analysis.actors.get(item.actor_id)
        kind = actor.kind if actor else None
        if ref.country and len(ref.country) == 3 and ref.country.isupper() and kind in STATE_KINDS:
            return self._state_ref(ref.country, ref.sector)
        return ref

    def _state_ref(self, country: str, sector: str | None) -> ActorRef:
        state = self.analysis.actors.get(country)
        return ActorRef(country, state.name if state else country, country, sector)

    # -- holder -----------------------------------------------------------------------------------------------------
    def _transcript_label(self) -> Mention | None:
        """"Vladimir Putin: ..." — the speaker named before a colon at the start of the sentence."""
        for token in self.sent[:12]:
            if token.text == ":":
                before = [self.tokens[t.i] for t in self.sent[: token.i - self.sent.start] if t.i in self.tokens]
                return before[-1] if before else None
            if token.is_sent_end:
                break
        return None

    def holder(self, trigger: Token) -> _Holder:
        """Who asserts the claim whose trigger is `trigger`."""
        cues = self.lex.cues
        for node, child in _path_up(trigger):
            if node.pos_ not in ("VERB", "AUX"):
                continue
            lemma = node.lemma_.lower()
            regard = lemma in cues["regard_verbs"] and child.dep_ in ("prep", "ccomp", "xcomp", "oprd", "dobj")
            if lemma in cues["reporting_verbs"] or regard:
                subject = _subject(node)
                if subject is not None and subject.i <= trigger.i <= subject.right_edge.i:
                    continue
                return self._holder_from(subject, node)
        according = next((t for t in self.sent if t.lower_ == "according"), None)
        if according is not None:
            obj = next((g for c in according.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"),
                       None)
            if obj is not None:
                return self._holder_from(obj, None)
        for quote in self.quotes:
            if quote.start <= trigger.idx < quote.end:
                return _Holder("speaker", quote.speaker, quote.speaker_text)
        if self.label is not None:
            return _Holder("speaker", actor_ref(self.label, self.analysis), self.label.text)
        return _Holder("author")

    def _holder_from(self, subject: Token | None, verb: Token | None) -> _Holder:
        if subject is None:
            return _Holder("speaker", verb=verb)
        phrase = self.sent.doc[subject.left_edge.i: subject.right_edge.i + 1]
        words = {t.lemma_.lower() for t in phrase} | {subject.lower_}
        quantified = any(t.lower_ in self.lex.cues["hedge_quantifiers"] for t in phrase)
        if subject.lemma_.lower() in self.lex.groups or subject.lower_ in self.lex.groups:
            mention = self.tokens.get(subject.i) or next((self.tokens[t.i] for t in phrase if t.i in self.tokens), None)
            ref = actor_ref(mention, self.analysis) if mention else None
            return _Holder("group", ref, phrase.text, verb, hedged=quantified)
        if words & {"i", "we"} and subject.i not in self.tokens:
            return _Holder("author", verb=verb) if self.label is None else \
                _Holder("speaker", actor_ref(self.label, self.analysis), self.label.text, verb)
        found = [a for a in self.actors(subject) if isinstance(a, Mention)]
        if found:
            return _Holder("speaker", actor_ref(found[0], self.analysis), found[0].text, verb)
        return _Holder("speaker", None, phrase.text, verb)


def _subject(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the verb it depends on for participles, infinitives and conjuncts."""
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            return subject
        if node.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _path_up(token: Token) -> Iterator[tuple[Token, Token]]:
    """(ancestor, child on the way) pairs from the token to the sentence root."""
    child = token
    while child.head.i != child.i:
        yield child.head, child
        child = child.head


def _is_copula(token: Token) -> bool:
    return token.lemma_.lower() in lexicon().cues["role_verbs"]


# ---------------------------------------------------------------------------------------------------------------------
# Finding the two sides of a relation


@dataclass
class _Found:
    relation: str
    trigger: Token
    a: list[Mention | str]
    b: list[Mention | str]
    anchor: Token  # the predicate whose modifiers decide polarity and modality


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _preps(token: Token, words: Iterable[str]) -> list[Token]:
    words = set(words)
    return [obj for c in token.children if c.dep_ == "prep" and c.lower_ in words for obj in _pobjs(c)]


def _predicate_root(token: Token) -> Token:
    """The node that stands in for a role noun in its clause: the first conjunct, then "one of", "among"."""
    node = token
    while node.dep_ == "conj":
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "among"):
        prep = node.head
        if prep.head.lower_ in ("one", "some", "many", "each", "all", "none") or \
                prep.head.lemma_.lower() in lexicon().cues["transparent_nouns"]:
            node = prep.head
        elif _is_copula(prep.head):  # "Turkey is among Russia's main partners": stands as the predicate
            return prep
    return node


class _Finder:
    """Dyads for each trigger of one sentence."""

    def __init__(self, sentence: _Sentence):
        self.s = sentence
        self.lex = sentence.lex

    def headline(self) -> Iterator[_Found]:
        """Title Case headlines parse poorly: a trigger word and exactly two actors (or a mediator "between" two
        parties) make the claim."""
        s = self.s
        forms = {}
        for table in (self.lex.role_nouns, self.lex.relation_nouns, self.lex.adjectives, self.lex.verbs):
            for word, relation in table.items():
                for form in (word, word + "s", word + "es", word[:-1] + "ies", word + "d", word + "ed"):
                    forms[form] = relation
        trigger = next((t for t in s.sent if t.lower_ in forms), None)
        if trigger is None:
            return
        relation = forms[trigger.lower_]
        mentions = list({m.id: m for t in s.sent if t.i in s.tokens for m in s._pair(s.tokens[t.i])}.values())
        between = next((t for t in s.sent if t.lower_ == "between"), None)
        if relation == "mediator" and between is not None:
            mediators = [m for m in mentions if m.start < between.idx]
            for party in (m for m in mentions if m.start > between.idx):
                yield _Found(relation, trigger, mediators[:1], [party], trigger)
        elif len(mentions) == 2 and relation in self.lex.symmetric:
            yield _Found(relation, trigger, mentions[:1], mentions[1:], trigger)

    def run(self) -> Iterator[_Found]:
        lex = self.lex
        for token in self.s.sent:
            text = token.lower_
            lemma = token.lemma_.lower()
            if token.pos_ in ("NOUN", "PROPN") and (lemma in lex.role_nouns or text in lex.role_nouns):
                yield from self.role_noun(token, lex.role_nouns.get(lemma) or lex.role_nouns[text])
            elif token.pos_ in ("NOUN", "PROPN") and lemma in lex.relation_nouns:
                yield from self.relation_noun(token, lex.relation_nouns[lemma])
            elif token.pos_ in ("ADJ", "VERB") and text in lex.adjectives and not self._hyphen_actor(token):
                yield from self.adjective(token, lex.adjectives[text])
            elif text in lex.hyphen_verbs and self._hyphen_actor(token):
                yield from self.hyphen_verb(token, lex.hyphen_verbs[text])
            elif token.pos_ == "VERB" and lemma in lex.verbs:
                yield from self.verb(token, lex.verbs[lemma])
            elif text == "state" and token.i > 0 and token.nbor(-1).lower_ == "client":
                yield from self.role_noun(token, lex.role_nouns["client state"])

    # -- role nouns -------------------------------------------------------------------------------------------------
    def role_noun(self, noun: Token, relation: str) -> Iterator[_Found]:
        s = self.s
        owners: list[Mention | str] = []
        modifiers: list[Mention | str] = []
        for node in [noun, *noun.conjuncts]:
            for child in node.children:
                if child.dep_ == "poss":
                    owners += s.actors(child)
                elif child.dep_ in ("amod", "compound", "npadvmod", "nmod") and s.is_state(child):
                    modifiers.append(s.tokens[child.i])
            owners += [a for obj in _preps(node, OWNER_PREPOSITIONS) for a in s.actors(obj)]
        between = [a for obj in _preps(noun, ["between"]) for a in s.actors(obj)]
        fillers, anchor = self._fillers(noun)
        listed = any(c.dep_ == "prep" and c.lower_ in ("as", "like", "including") for c in noun.children)
        if fillers and not owners and listed and noun.dep_ == "dobj":  # "the US encouraged allies such as Germany"
            owners = s.actors(_subject(noun.head))
        if not fillers and modifiers and owners:
            fillers, modifiers = modifiers, []  # "our Turkish partners": the partners are Turkish
        owners += modifiers
        if relation == "mediator" and between:
            for party in between:
                yield _Found(relation, noun, fillers, [party], anchor)
            return
        if fillers and owners:
            yield _Found(relation, noun, fillers, owners, anchor)
        elif len(fillers) >= 2 and relation in self.lex.symmetric:
            yield _Found(relation, noun, fillers[:1], fillers[1:], anchor)
        elif not fillers and len(owners) >= 2 and noun.tag_ == "NNS" and relation in self.lex.symmetric:
            yield _Found(relation, noun, owners[:1], owners[1:], anchor)

    def _fillers(self, noun: Token) -> tuple[list[Mention | str], Token]:
        """Who takes the role, and the predicate carrying polarity and modality."""
        s = self.s
        for child in noun.children:  # "Moscow's ally Damascus", "the two rivals, Greece and Turkey"
            if child.dep_ == "appos" and s.actors(child):
                return s.actors(child), noun
        for child in noun.children:  # "allies such as Germany"
            if child.dep_ == "prep" and child.lower_ in ("as", "like", "including"):
                objects = [a for obj in _pobjs(child) for a in s.actors(obj)]
                if objects:
                    return objects, noun
        node = _predicate_root(noun)
        if node.dep_ == "dobj" and node.lemma_.lower() in self.lex.cues["transparent_nouns"]:
            return s.actors(_subject(node.head)), node.head
        if node.dep_ == "appos":  # "Hezbollah, an Iranian proxy"
            return s.actors(node.head), node.head
        if node.dep_ == "prep" and _is_copula(node.head):
            return s.actors(_subject(node.head)), node.head
        if node.dep_ in PREDICATE_DEPS or (node.dep_ in ("ccomp", "xcomp") and _subject(node) is not None):
            verb = node.head if node.dep_ in PREDICATE_DEPS else node
            if node.dep_ == "oprd" or (node.dep_ in PREDICATE_DEPS and not _is_copula(verb)):
                objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i < node.i]
                if objects and verb.lemma_.lower() in self.lex.cues["regard_verbs"]:
                    return s.actors(objects[-1]), verb
            own_subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
            subject = own_subject if own_subject is not None else _subject(verb)
            if subject is not None and subject.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                subject = verb.head
            return s.actors(subject), verb
        if node.dep_ == "pobj" and node.head.lower_ == "as":  # regard X as a rival; serve as mediator
            verb = node.head.head
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if objects and verb.lemma_.lower() not in self.lex.cues["role_verbs"]:
                return s.actors(objects[0]), verb
            return s.actors(_subject(verb)), verb
        if node.dep_ == "pobj" and node.head.lower_ == "from" and node.head.head.lower_ == "far":
            far = node.head.head
            return s.actors(_subject(far.head)), far.head
        if node.dep_ in SUBJECT_DEPS and _is_copula(node.head):  # "Russia's closest ally is Belarus"
            attr = next((c for c in node.head.children if c.dep_ == "attr"), None)
            return s.actors(attr), node.head
        return [], noun

    # -- relation nouns and adjectives ----------------------------------------------------------------------------
    def participants(self, noun: Token) -> tuple[list[Mention | str], list[Mention | str], Token]:
        """The two sides of a relation noun ("partnership", "relations"): between-phrases, hyphenated or coordinated
        modifiers, "with"-phrases with the owner or clause subject."""
        s = self.s
        group = [noun, *noun.conjuncts]
        between = [a for node in group for obj in _preps(node, ["between", "among"]) for a in s.actors(obj)]
        if len(between) >= 2:
            return between[:1], between[1:], noun
        modifiers = [m for node in group for t in node.doc[node.left_edge.i: node.i]  # "the U.S.-Israel partnership"
                     if t.i in s.tokens and t.dep_ != "poss" and not any(a.dep_ in ("poss", "prep") and a.i < node.i
                                                                        for a in t.ancestors if a.i != node.i)
                     for m in s._pair(s.tokens[t.i])]
        modifiers = list({m.id: m for m in modifiers}.values())
        if len(modifiers) >= 2:
            return modifiers[:1], modifiers[1:], noun
        partners = [a for node in group for obj in _preps(node, ["with", "to", "towards", "toward", "of", "on"])
                    for a in s.actors(obj)]
        owners = [a for node in group for c in node.children if c.dep_ == "poss" for a in s.actors(c)]
        anchor = _predicate_root(noun)
        clause, via = anchor, anchor
        for _ in range(4):  # up through "traditions of friendship", "an example of partnership" to the verb
            if clause.pos_ in ("VERB", "AUX") or clause.dep_ in SUBJECT_DEPS or clause.head.i == clause.i:
                break
            via, clause = clause, clause.head
        subject = _subject(clause) if clause.pos_ in ("VERB", "AUX") and via.dep_ not in SUBJECT_DEPS else None
        subjects = s.actors(subject) if subject is not None else []
        if subject is not None and subject.lemma_.lower() in self.lex.cues["relation_heads"] and \
                subject.i != noun.i and _is_copula(clause):  # "relations between A and B are a partnership"
            return self.participants(subject)
        near = (owners or modifiers or subjects)
        if partners and near:
            return near[:1], partners, clause
        if len(owners) >= 2:
            return owners[:1], owners[1:], clause
        if not partners and len(subjects) >= 2 and (owners or anchor.dep_ in ("pobj", "dobj", "attr")):
            return subjects[:1], subjects[1:], clause
        if owners and subjects and owners != subjects:
            return subjects[:1], owners, clause
        return [], [], clause

    def relation_noun(self, noun: Token, relation: str) -> Iterator[_Found]:
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
            # "(sanctioned) in partnership with": a joint action, not a standing relation
            return
        a, b, anchor = self.participants(noun)
        if relation in ("mediator", "neutral"):
            holder_side = [self.s.tokens[c.i] for c in noun.children if c.dep_ == "poss" and c.i in self.s.tokens]
            parties = [x for obj in _preps(noun, ["between", "in", "of"]) for x in self.s.actors(obj)]
            if holder_side and parties:
                for party in parties:
                    yield _Found(relation, noun, holder_side, [party], anchor)
            return
        if a and b:
            yield _Found(relation, noun, a, b, anchor)

    def adjective(self, adj: Token, relation: str) -> Iterator[_Found]:
        s = self.s
        head = adj.head
        while adj.dep_ == "conj" and head.dep_ in ("amod", "acomp") and head.head.i != head.i:
            adj, head = head, head.head
        if adj.dep_ == "amod":
            if head.lemma_.lower() in self.lex.cues["relation_heads"]:
                a, b, anchor = self.participants(head)
                if a and b:
                    yield _Found(relation, adj, a, b, anchor)
            return
        if adj.dep_ not in ("acomp", "attr", "oprd", "xcomp", "ROOT", "conj"):
            return
        verb = head if adj.dep_ != "ROOT" else adj
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None:
            return
        if subject.lemma_.lower() in self.lex.cues["relation_heads"]:
            a, b, _ = self.participants(subject)
            if a and b:
                yield _Found(relation, adj, a, b, verb)
            return
        sides = s.actors(subject)
        others = [x for obj in _preps(adj, ["with", "on", "to", "towards", "toward", "upon"]) for x in s.actors(obj)]
        if relation == "neutral":
            conflict = [p for c in verb.children if c.dep_ == "prep" for obj in _pobjs(c)
                        for p in [x for o in _preps(obj, ["between"]) for x in s.actors(o)] + s.actors(obj)]
            others += conflict
            for other in others:
                yield _Found(relation, adj, sides, [other], verb)
            return
        if sides and others:
            yield _Found(relation, adj, sides, others, verb)
        elif len(sides) >= 2 and relation in self.lex.symmetric:
            yield _Found(relation, adj, sides[:1], sides[1:], verb)

    # -- verbs ------------------------------------------------------------------------------------------------------
    def _hyphen_actor(self, token: Token) -> Token | None:
        """The actor before "-" in "Iran-backed", "US-brokered"."""
        if token.i < 2 or token.nbor(-1).text != "-":
            return None
        before = token.nbor(-2)
        return before if before.i in self.s.tokens else None

    def hyphen_verb(self, token: Token, relation: str) -> Iterator[_Found]:
        s = self.s
        agent = [s.tokens[self._hyphen_actor(token).i]]
        noun = token.head
        if relation == "mediator":
            parties = [a for obj in _preps(noun, ["between"]) for a in s.actors(obj)]
            parties += [s.tokens[c.i] for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                        and c.i in s.tokens and c.i != token.i]
            for party in parties:
                yield _Found(relation, token, agent, [party], noun.head)
            return
        target = s.actors(noun.head) if noun.dep_ == "appos" else []
        target = target or s.actors(noun)
        if not target:
            target = [s.tokens[t.i] for t in noun.subtree if t.i in s.tokens and t.i > token.i]
        if target:
            yield _Found(relation, token, agent, target[:1], noun.head)

    def verb(self, verb: Token, relation: str) -> Iterator[_Found]:
        s = self.s
        agents = [a for c in verb.children if c.dep_ == "agent" for obj in _pobjs(c) for a in s.actors(obj)]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Hamas, backed by Iran"; "a deal mediated by the US"
            undergoer, anchor = verb.head, verb.head.head
        else:
            undergoer, anchor = None, verb
        if relation == "dependent":
            subject = _subject(verb)
            others = [a for obj in _preps(verb, ["on", "upon"]) for a in s.actors(obj)]
            if subject is not None and others:
                yield _Found(relation, verb, s.actors(subject), others, verb)
            return
        if relation == "mediator":
            mediators = agents or (s.actors(_subject(verb)) if not verb.tag_ == "VBN" else [])
            parties = [a for obj in _preps(verb, ["between"]) for a in s.actors(obj)]
            if undergoer is not None:
                parties += [a for obj in _preps(undergoer, ["between"]) for a in s.actors(obj)]
            for party in parties:
                yield _Found(relation, verb, mediators, [party], anchor)
            return
        if verb.tag_ == "VBN" and (agents or undergoer is not None):
            patient = s.actors(undergoer) if undergoer is not None else s.actors(_subject(verb))
            if agents and patient:
                yield _Found(relation, verb, agents, patient, anchor)
            return
        subject = _subject(verb)
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if subject is not None and objects:
            yield _Found(relation, verb, s.actors(subject), s.actors(objects[0]), verb)


# ---------------------------------------------------------------------------------------------------------------------
# Polarity and modality


def _denies(node: Token, found: _Found, cues: dict[str, frozenset[str]]) -> bool:
    """Whether this node of the path carries a denial: a negator, "no longer", "far from", "ceased", "former"."""
    for child in node.children:
        low = child.lower_
        if child.dep_ == "neg" and (low != "no" or node.lower_ != "longer"):
            return True
        if child.dep_ == "advmod" and low in ("never", "hardly"):
            return True
        if low == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
        if child.dep_ == "det" and low == "no" and node == found.trigger:
            if not any(g.lower_ in cues["comparatives"] for g in node.children):  # "no better friend than"
                return True
        if low in cues["past_markers"] and child.dep_ in ("amod", "advmod") and node in (found.trigger, found.anchor):
            return True
    if node.lower_ == "far" and any(c.lower_ == "from" for c in node.children):
        return True
    return node.pos_ == "VERB" and node.lemma_.lower() in cues["ending_verbs"]


def _polarity(found: _Found, holder: _Holder) -> str:
    """Denied when the claim's own predicate (up to its anchor, or a regard verb holding it) is negated."""
    cues = lexicon().cues
    for node in [found.trigger, *(n for n, _ in _path_up(found.trigger))]:
        if node == holder.verb:  # "officials no longer consider X a friend"; "did not say" leaves the claim alone
            regard = node.lemma_.lower() in cues["regard_verbs"]
            return "denied" if regard and _denies(node, found, cues) else "affirmed"
        if _denies(node, found, cues):
            return "denied"
        if node == found.anchor and node.dep_ not in ("xcomp", "ccomp", "conj", "relcl"):
            break
    return "affirmed"


def _hedged(found: _Found, holder: _Holder) -> bool:
    cues = lexicon().cues
    if holder.hedged:
        return True
    for node in [found.trigger, *(n for n, _ in _path_up(found.trigger))]:
        if node == holder.verb:
            break
        if node.lemma_.lower() in cues["hedge_verbs"]:
            return True
        for child in node.children:
            if child.dep_ == "aux" and child.lower_ in cues["hedge_modals"]:
                return True
            if child.dep_ == "advmod" and child.lower_ in cues["hedge_adverbs"]:
                return True
    return False


# ---------------------------------------------------------------------------------------------------------------------


def _token_mentions(doc: Doc, mentions: Iterable[Mention]) -> dict[int, Mention]:
    """Each token index covered by a mention (the shortest mention wins)."""
    covered: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start, reverse=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            covered[token.i] = mention
    return covered


def extract_claims(doc: Doc, analysis: DocumentAnalysis, section: str) -> list[Claim]:
    """Every relationship claim stated in one section of a document."""
    mentions = [m for m in analysis.mentions if m.section == section]
    if not mentions:
        return []
    tokens = _token_mentions(doc, mentions)
    quotes = [q for q in analysis.quotes if q.section == section]
    doc_id = analysis.document.id
    claims: list[Claim] = []
    for sent in doc.sents:
        if not any(t.i in tokens for t in sent):
            continue
        sentence = _Sentence(sent, tokens, analysis, quotes)
        seen: set[tuple[str, str, str]] = set()
        finder = _Finder(sentence)
        found_all = list(finder.run())
        if section == "title" and not found_all:
            found_all = list(finder.headline())
        for found in found_all:
            holder = sentence.holder(found.trigger)
            polarity = _polarity(found, holder)
            if _hedged(found, holder):
                modality = "hedged"
            else:
                modality = "reported" if holder.kind != "author" else "asserted"
            for a in found.a:
                for b in found.b:
                    ref_a, ref_b = sentence.ref(a, holder), sentence.ref(b, holder)
                    if ref_a is None or ref_b is None or ref_a.actor_id == ref_b.actor_id:
                        continue
                    if ref_a.actor_id.startswith("-") or ref_b.actor_id.startswith("-"):  # "militia", "officials"
                        continue
                    pair = (ref_a.actor_id, ref_b.actor_id)
                    if found.relation in lexicon().symmetric:
                        pair = tuple(sorted(pair))
                    key = (found.relation, *pair)
                    if key in seen:
                        continue
                    seen.add(key)
                    claims.append(Claim(
                        id=f"{doc_id}#c{len(analysis.claims) + len(claims) + 1}", document_id=doc_id,
                        sentence=sent.text, start=sent.start_char, end=sent.end_char, a=ref_a, b=ref_b,
                        relation=found.relation, polarity=polarity, modality=modality,
                        holder=holder.ref if holder.kind != "author" else None, holder_kind=holder.kind,
                        holder_text=holder.text, section=section))
    return claims
