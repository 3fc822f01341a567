"""Resolution of one section's mentions, including coreference by rules.

Order of work on a Doc: (1) people named in the text, with the titles, nationalities and appositives around their
names; (2) the other entities (countries, demonyms, metonyms, epithets, organisations), joined with a following
institution or title ("Russia's Defence Ministry", "the Iranian general"); (3) bare descriptions ("the president",
"the ministry", "the two leaders") and personal pronouns, resolved against the actors already found earlier in the
document (title section first). What is and is not resolved is described in docs/nlp.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .actors import ENTRY_LABELS
from .model import Actor, DocumentAnalysis, Mention

if TYPE_CHECKING:
    from .actors import ActorRegistry, Entry, Organization, Person

NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
POSSESSIVE = {"'s", "’s", "'", "’"}
DETERMINERS = {"the", "this", "that", "these", "those"}
SECTION_RANK = {"title": 0, "body": 1}
OBJECT_CASE = {"him", "her", "them"}  # object pronouns that the parser may make the subject of a small clause


@dataclass
class Descriptor:
    """A title ("foreign minister") or institution ("air force") found at tokens [start, end)."""

    start: int
    end: int
    key: str
    kind: str  # title | institution
    sector: str | None
    loaded: bool = False
    former: bool = False
    plural: bool = False
    owned: bool = False  # only with an owner: "the Israeli side", never "the side" alone


@dataclass
class Referent:
    """A resolved span: becomes a Mention; earlier referents are the antecedents of coreference."""

    start: int  # token offsets in the doc (-1 for earlier sections)
    end: int
    start_char: int
    end_char: int
    actor: Actor
    country: str | None
    sector: str | None
    resolved_by: str
    loaded: bool = False
    titles: set[str] = field(default_factory=set)  # title or institution keys that describe it
    person: bool = False
    sent: int = -1
    subject: bool = False
    rank: int = 1  # SECTION_RANK of its section


@dataclass
class Pending:
    """Something to resolve against earlier referents: a pronoun or a description."""

    start: int
    end: int
    descriptor: Descriptor | None = None
    country: str | None = None
    count: int = 1  # "the two leaders" -> 2
    definite: bool = True  # may refer back to an earlier actor
    holders: bool = True  # the country's role holders may be meant (not for a region: "Abkhazia's president")
    thing: bool = False  # "it" / "its": a state or organisation, never a person


class Resolver:
    """Resolves the mentions of one section of a document."""

    def __init__(self, registry: ActorRegistry, doc: Doc, analysis: DocumentAnalysis, section: str):
        from .actors import document_date

        self.registry = registry
        self.doc = doc
        self.analysis = analysis
        self.section = section
        self.rank = SECTION_RANK.get(section, 1)
        self.date = document_date(analysis)
        self.home = registry.publisher_country(analysis.document.url)  # a government's own site: its officials
        self.words = registry.words
        self.place_prepositions = set(self.words.get("place_prepositions", ()))  # "in Cairo": where, not who
        self.first_person = set(self.words.get("first_person", ()))
        self.settlements = set(self.words.get("settlement_words", ()))  # "the town of Samarra"
        self.stateless = set(self.words.get("stateless_modifiers", ()))  # "international aid agencies"
        self.honorifics = set(self.words.get("honorifics", ()))  # "Mrs Clinton" is Clinton
        self.venue_nouns = set(self.words.get("venue_nouns", ()))  # "the Madrid peace conference"
        self.stance_prefixes = set(self.words.get("stance_prefixes", ()))  # "anti-government"
        self.lookalikes = set(self.words.get("title_lookalikes", ()))  # "a general strike"
        self.ethnic = set(self.words.get("ethnic_markers", ()))  # "ethnic Albanians": a group, not a state
        self.compass = set(self.words.get("compass_words", ()))  # "North and South Korea"
        self.claimed = [False] * len(doc)
        self.desc_ending: dict[int, Descriptor] = {}
        self.desc_starting: dict[int, Descriptor] = {}
        self.referents: list[Referent] = []
        self.pending: list[Pending] = []
        self.strangers: list[Referent] = []  # new people with a title but no country ("Minister Tran Xuan Gia")
        # states named in each sentence so far, with the token their span hangs from (-1 for a place: see _anchor)
        self._sent_countries: dict[int, list[tuple[str, int]]] = defaultdict(list)
        self._pending_countries: dict[int, list[tuple[str, int]]] | None = None
        self.sent_of = self._sentence_index()
        self.earlier = self._earlier_referents()

    # -- driver -------------------------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        entities = self._entities()
        self.descriptors = self._descriptors(entities)
        entities = self._drop_name_prefixes(entities)
        self.desc_ending = {d.end: d for d in self.descriptors}
        self.desc_starting = {d.start: d for d in self.descriptors}
        self.entity_ending = {span.end: (span, entry) for span, entry in entities}
        self.entity_starting = {span.start: (span, entry) for span, entry in entities}
        entities = self._names_after_titles(entities)
        for span, entry in entities:
            if span.label_ == "PERSON" and not self._is_claimed(span.start, span.end):
                self._person(span, entry)
        for span, entry in entities:
            if not self._is_claimed(span.start, span.end):
                self._entity(span, entry)
        self._repeated_surnames()
        self._bare_descriptors()
        self._pronouns()
        self._place_strangers()
        self._local_bodies()
        self._resolve_pending()
        return self._mentions()

    # -- preparation --------------------------------------------------------------------------------------------------
    def _sentence_index(self) -> list[int]:
        index = [0] * len(self.doc)
        if self.doc.has_annotation("SENT_START"):
            for n, sent in enumerate(self.doc.sents):
                for i in range(sent.start, sent.end):
                    index[i] = n
        return index

    def _earlier_referents(self) -> list[Referent]:
        """Mentions of earlier sections of the same document, as antecedents."""
        found = []
        for mention in self.analysis.mentions:
            rank = SECTION_RANK.get(mention.section, 1)
            if rank >= self.rank or mention.actor_id not in self.analysis.actors:
                continue
            actor = self.analysis.actors[mention.actor_id]
            titles = {self.registry.title_table.key(mention.text)} if actor.kind != "person" else set()
            found.append(Referent(-1, -1, mention.start, mention.end, actor, mention.country, mention.sector,
                                  mention.resolved_by, mention.loaded, titles | self._role_titles(actor),
                                  actor.kind == "person", -1, False, rank))
        return found

    def _entities(self) -> list[tuple[Span, Entry | None]]:
        """Named entities with their registry entry (from the ruler id or a lookup); possessives stripped."""
        from .actors import Entry

        result = []
        self.ruler_starts = set()
        self.ruler_person_starts = set()
        for ent in self.doc.ents:
            if ent.label_ not in NAME_LABELS:
                continue
            if ent.ent_id_:
                self.ruler_starts.add(ent.start)
                if ent.ent_id_.startswith("person|"):
                    self.ruler_person_starts.add(ent.start)
            end = ent.end
            while end > ent.start and (self.doc[end - 1].text in POSSESSIVE or
                                       not ent.ent_id_ and self.doc[end - 1].lower_ in ("of", "the", "and")):
                end -= 1
            if end == ent.start:
                continue
            span = Span(self.doc, ent.start, end, label=ent.label_)
            entry = Entry.from_ruler_id(ent.ent_id_) if ent.ent_id_ else None
            if entry is None:
                entry = self.registry.lookup(span.text) or self._region_place(span)
                if entry is None and len(span) == 1 and \
                        (entry := self.registry.country_by_misspelling(span.text)) is not None:  # "Ethopia"
                    span = Span(self.doc, span.start, span.end, label=ENTRY_LABELS[entry.kind])
                if entry is not None and (entry.kind == "organization" or entry.kind == "person" and " " in span.text):
                    # NER's label varies ("Jean-Bertrand Aristide" as ORG); a lone word ("Catalan") is no full name
                    span = Span(self.doc, span.start, span.end, label=ENTRY_LABELS[entry.kind])
            if entry is None:
                span, entry = self._longer_known_name(span)
                if entry is not None and entry.kind in ("adjective", "metonym", "place") and ent.label_ == "PERSON":
                    entry = None
                if entry is not None and entry.kind in ("person", "organization", "place"):
                    span = Span(self.doc, span.start, span.end, label=ENTRY_LABELS[entry.kind])
            if entry is None or entry.kind == "person":
                span, entry = self._given_names_before(span, entry)
            if entry is not None and entry.kind == "adjective" and self._stance_prefixed(span.start):
                continue  # "anti-Japanese protesters" are not Japan's
            if entry is not None and entry.kind == "person" and self._hyphenated_name(span):
                continue  # the "Shaheen-III" missile is no Shaheen
            result.append((span, entry))
            if entry is not None and entry.kind == "country":
                result += self._elided_country(span)
        result += self._unlabelled_names(result)
        return self._merge_names(sorted(result, key=lambda item: item[0].start))

    def _elided_country(self, span: Span) -> list[tuple[Span, Entry]]:
        """The country a compass word before "and" names with the rest of the next country's name: "North" of
        "North and South Korea"."""
        doc, start = self.doc, span.start
        if len(span) < 2 or start < 2 or span[0].lower_ not in self.compass or doc[start - 1].lower_ != "and" or \
                doc[start - 2].lower_ not in self.compass or not doc[start - 2].text[:1].isupper():
            return []
        entry = self.registry.lookup(f"{doc[start - 2].text} {span[1:].text}")
        return [(Span(doc, start - 2, start - 1, label="GPE"), entry)] if entry and entry.kind == "country" else []

    def _given_names_before(self, span: Span, entry: Entry | None) -> tuple[Span, Entry | None]:
        """Capitalised words NER left out before a name that make the full name of a known person with it ("Ion" +
        "Iliescu"; "Heydar" + "Aliyev" when the surname alone is Ilham Aliyev's). Words that are a name of their own
        are not taken."""
        doc = self.doc
        start = span.start
        while start > max(span.start - 3, 0) and not doc[start - 1].ent_type_ and (
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and
                not self._honorific(doc[start - 1]) and
                not self.registry.title_table.match(doc, start - 1) and
                not self.registry.institution_table.match(doc, start - 1) and
                self.registry.lookup(doc[start - 1:span.start].text) is None):
            start -= 1
        for begin in range(start, span.start):
            found = self.registry.lookup(doc[begin:span.end].text)
            if found is not None and found.kind == "person":
                return Span(doc, begin, span.end, label="PERSON"), found
        return span, entry

    def _hyphenated_name(self, span: Span) -> bool:
        """A one-word name joined by a hyphen to a capitalised word that names nothing ("Shaheen-III")."""
        doc, end = self.doc, span.end
        return len(span) == 1 and end + 1 < len(doc) and doc[end].text == "-" and not span[-1].whitespace_ and \
            not doc[end].whitespace_ and doc[end + 1].text[:1].isupper() and not doc[end + 1].ent_type_

    def _unlabelled_names(self, entities: list[tuple[Span, Entry | None]]) -> list[tuple[Span, Entry]]:
        """Known names in runs of proper nouns that NER left unlabelled ("Laurent Gbagbo", "Transnistria"): the
        registry entries not in the ruler (reference people and groups, cities) are found here. The longest known
        stretch of each run wins; in a Title Case headline only names of two words or more count. A run stops at a
        title or institution word ("National Police")."""
        doc = self.doc
        registry = self.registry
        taken = [False] * len(doc)
        for span, _ in entities:
            for i in range(span.start, span.end):
                taken[i] = True
        for i, token in enumerate(doc):
            if not taken[i] and token.pos_ == "PROPN" and (registry.title_table.match(doc, i) or
                                                           registry.institution_table.match(doc, i)):
                taken[i] = True
        words = [t for t in doc if t.is_alpha]
        headline = len(words) > 3 and sum(t.text[:1].isupper() for t in words) > len(words) / 2
        found = []
        i = 0
        while i < len(doc):
            end = i
            while end < len(doc) and not taken[end] and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            if end == i:
                i += 1
                continue
            start = i
            while start < end:
                match = None
                for stop in range(min(end, start + 6), start, -1):
                    entry = registry.lookup_unruled(doc[start:stop].text)
                    if entry is not None and entry.kind != "adjective" and (stop - start > 1 or not headline):
                        match = (stop, entry)
                        break
                if match is None:
                    start += 1
                    continue
                stop, entry = match
                found.append((Span(doc, start, stop, label=ENTRY_LABELS[entry.kind]), entry))
                start = stop
            i = end
        return found

    def _drop_name_prefixes(self, entities: list[tuple[Span, Entry | None]]) -> list[tuple[Span, Entry | None]]:
        """A dictionary organisation or person whose match ends inside a longer title or institution is only the
        start of that phrase: "The National" (a newspaper) in "The National Guard"."""
        kept = []
        for span, entry in entities:
            if entry is not None and entry.kind in ("organization", "person") and \
                    any(span.start <= d.start < span.end < d.end for d in self.descriptors):
                continue
            kept.append((span, entry))
        return kept

    def _longer_known_name(self, span: Span) -> tuple[Span, Entry | None]:
        """NER's unknown name cut short ("Puerto" of "Puerto Penasco"): the proper nouns after it that make a known
        name with it."""
        doc = self.doc
        end = span.end
        while end < len(doc) and end < span.end + 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and not doc[end].ent_type_:
            end += 1
        for stop in range(end, span.end, -1):
            entry = self.registry.lookup(doc[span.start:stop].text)
            if entry is not None and entry.kind != "adjective":
                return Span(doc, span.start, stop, label=ENTRY_LABELS[entry.kind]), entry
        return span, None

    def _region_place(self, span: Span) -> Entry | None:
        """ "Sindh province", "Kano State": a known place followed by a word for a region is that place."""
        if len(span) > 1 and span[-1].lower_ in self.words.get("region_words", []):
            entry = self.registry.lookup(span[:-1].text)
            if entry is not None and entry.kind == "place":
                return entry
        return None

    def _merge_names(self, entities: list[tuple[Span, Entry | None]]) -> list[tuple[Span, Entry | None]]:
        """"Joseph R." + "Biden": an unknown name right before a known person's name is one name, that person's
        when its words fit the person's given names ("Nazanin Zaghari-" + "Ratcliffe" is not John Ratcliffe). "Boris" +
        "Yeltsin": a known first name before a surname is another person's name. "Bosnian" + "Serbs": a
        demonym after a nationality belongs to it ("Bosnian Serb forces" are Bosnia's). Two names that together
        are a known name are that name ("Bandar" + "Abbas" is the port of Bandar Abbas)."""
        merged: list[tuple[Span, Entry | None]] = []
        for span, entry in self._first_names_with_surnames(entities):
            if merged and entry is not None and merged[-1][0].end == span.start:
                prev, prev_entry = merged[-1]
                whole = self.registry.lookup(self.doc[prev.start:span.end].text)
                if whole is not None and whole.kind in ("place", "organization", "person"):
                    merged[-1] = (Span(self.doc, prev.start, span.end, label=ENTRY_LABELS[whole.kind]), whole)
                    continue
                if entry.kind == "person" and prev_entry is None and prev.label_ == "PERSON":
                    given = self._given_words(prev)  # one known given name is enough: "Sayyid Ali Hosseini Khamenei"
                    fits = not given or any(self.registry.given_names_fit([word], entry.key) for word in given)
                    merged[-1] = (Span(self.doc, prev.start, span.end, label="PERSON"), entry if fits else None)
                    continue
                if entry.kind == "adjective" and prev_entry is not None and \
                        prev_entry.kind in ("adjective", "country") and prev_entry.key != entry.key and \
                        span.start not in self.ruler_person_starts:
                    merged[-1] = (Span(self.doc, prev.start, span.end, label="NORP"), replace(prev_entry,
                                                                                             kind="adjective"))
                    continue
            merged.append((span, entry))
        return merged

    def _given_words(self, span: Span) -> list[str]:
        """The words of a name before its surname, without honorifics ("Mrs", "Dr") or hyphens."""
        return [t.text for t in span if t.is_alpha and not self._honorific(t)]

    def _honorific(self, token: Token) -> bool:
        return token.lower_.rstrip(".") in self.honorifics

    def _first_names_with_surnames(self, entities: list[tuple[Span, Entry | None]]) -> list[tuple[Span,
                                                                                                 Entry | None]]:
        """A one-word match of a known person's first name ("Boris") followed by another proper noun ("Yeltsin")
        is the full name of whoever bears it."""
        doc = self.doc
        starts = {span.start: n for n, (span, _) in enumerate(entities)}
        result = []
        skip = set()
        for n, (span, entry) in enumerate(entities):
            if n in skip:
                continue
            person = self.registry.people.get(entry.key) if entry is not None and entry.kind == "person" else None
            end = span.end
            if person is not None and len(span) == 1 and span[0].lower_ == person.name.split(" ")[0].lower():
                if end in starts and entities[starts[end]][0].label_ == "PERSON":
                    skip.add(starts[end])
                    end = entities[starts[end]][0].end
                else:
                    while end < len(doc) and end not in starts and doc[end].pos_ == "PROPN" and \
                            doc[end].text[:1].isupper() and doc[end].is_alpha and \
                            not self.registry.title_table.match(doc, end) and \
                            not self.registry.institution_table.match(doc, end):
                        end += 1
            if end > span.end:
                full = Span(doc, span.start, end, label="PERSON")
                found = self.registry.lookup(full.text)
                result.append((full, found if found is not None and found.kind == "person" else None))
                continue
            result.append((span, entry))
        return result

    def _descriptors(self, entities: list[tuple[Span, Entry | None]]) -> list[Descriptor]:
        """Titles and institutions outside dictionary entities; the longest match wins. One may start where a known
        organisation's or person's name does ("The National" + "Guard"), not inside it ("European" + "Union
        leaders")."""
        blocked = [False] * len(self.doc)
        starts = {span.start for span, _ in entities}
        for span, entry in entities:
            if entry is not None:
                named = span.start + (span[0].lower_ == "the")
                for i in range(named + 1 if entry.kind in ("person", "organization") else span.start, span.end):
                    blocked[i] = True
        found = []
        i = 0
        while i < len(self.doc):
            if blocked[i]:
                i += 1
                continue
            title = self.registry.title_table.match(self.doc, i)
            institution = self.registry.institution_table.match(self.doc, i)
            best = max((m for m in (title, institution) if m), key=lambda m: m[0], default=None)
            if best is None or any(blocked[i:best[0]]) or self._stance_prefixed(i) or \
                    any(self.doc[i:i + n].text.lower() in self.lookalikes for n in (2, 3)):
                i += 1
                continue
            end, info, key = best
            while end < len(self.doc) and not blocked[end] and end not in starts:  # "government troops"
                following = self.registry.institution_table.match(self.doc, end) or \
                    self.registry.title_table.match(self.doc, end)
                if following is None or any(blocked[end:following[0]]):
                    break
                end, info, key = following[0], following[1], key + " " + following[2]
            last = self.doc[end - 1]
            found.append(Descriptor(i, end, key, info["kind"], info.get("sector"), bool(info.get("loaded")),
                                    self._former_before(i), last.tag_ in ("NNS", "NNPS"), bool(info.get("owned"))))
            i = end
        return found

    def _stance_prefixed(self, i: int) -> bool:
        """Whether a word is the second half of a stance adjective ("anti-government", "pro-Russian"): it names a
        position, not the institution or the state."""
        j = i + 1 if self.doc[i].text == "-" else i
        return j >= 2 and self.doc[j - 1].text == "-" and self.doc[j - 2].lower_ in self.stance_prefixes

    def _names_after_titles(self, entities: list[tuple[Span, Entry | None]]) -> list[tuple[Span, Entry | None]]:
        """Capitalised words right after a title that NER left unlabelled are a name: "Prime Minister of the
        Hellenic Republic Alexis Tsipras"."""
        in_entity = [False] * len(self.doc)
        for span, _ in entities:
            for i in range(span.start, span.end):
                in_entity[i] = True
        added = []
        for desc in self.descriptors:
            if desc.kind != "title" or desc.plural:
                continue
            start, _ = self._country_after_of(desc.end)
            end = start
            while end < len(self.doc) and end < start + 4 and not in_entity[end] and \
                    self.doc[end].pos_ == "PROPN" and self.doc[end].text[:1].isupper():
                end += 1
            if end > start and end not in self.desc_starting and (end == len(self.doc) or
                                                                   self.doc[end].pos_ != "PROPN"):
                span = Span(self.doc, start, end, label="PERSON")
                added.append((span, self.registry.lookup(span.text)))
                self.entity_starting[start] = added[-1]
                self.entity_ending[end] = added[-1]
        return sorted(entities + added, key=lambda item: item[0].start)

    def _former_before(self, i: int) -> bool:
        former = set(self.words.get("former", []))
        j = i - 1
        while j >= 0 and j >= i - 3:
            word = self.doc[j].lower_
            if word in former:
                return True
            if not self._is_modifier(j):
                return False
            j -= 1
        return False

    def _is_modifier(self, i: int) -> bool:
        """A word that may stand between an owner and a title: "deputy", "top", "security" (minister)."""
        token = self.doc[i]
        if token.lower_ in self.words.get("modifiers", []) or token.lower_ == "-":
            return True
        return token.is_lower and token.pos_ in ("NOUN", "ADJ") and token.dep_ in ("compound", "amod") and \
            token.head.i > i and token.head.i + 1 in self.desc_ending

    # -- helpers ------------------------------------------------------------------------------------------------------
    def _is_claimed(self, start: int, end: int) -> bool:
        return any(self.claimed[start:end])

    def _claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.claimed[i] = True

    def _role_titles(self, actor: Actor) -> set[str]:
        person = self.registry.people.get(actor.id) if actor.kind == "person" else None
        role = person.role_at(self.date) if person else None
        return {self.registry.title_table.key(role.title)} if role and role.title else set()

    def _add(self, start: int, end: int, actor: Actor, sector: str | None, resolved_by: str, loaded: bool = False,
             titles: set[str] | None = None, country: str | None = None) -> Referent:
        doc = self.doc
        span = doc[start:end]
        referent = Referent(start, end, span.start_char, span.end_char, actor,
                            country if country is not None else actor.country, sector, resolved_by, loaded,
                            set(titles or ()) | self._role_titles(actor), actor.kind == "person",
                            self.sent_of[start] if start < len(doc) else -1,
                            span.root.dep_ in ("nsubj", "nsubjpass"), self.rank)
        self.referents.append(referent)
        if referent.country in self.registry.countries:
            self._sent_countries[referent.sent].append((referent.country, self._anchor(start, end)))
        self._claim(start, end)
        return referent

    def _skip_modifiers_forward(self, i: int) -> int:
        while i < len(self.doc) and i not in self.desc_starting and self._is_modifier(i):
            i += 1
        return i

    def _skip_modifiers_backward(self, i: int) -> int:
        """Start of the modifiers ending at token i (exclusive)."""
        while i > 0 and (i - 1) not in self.desc_ending and self._is_modifier(i - 1):
            i -= 1
        return i

    def _country_of(self, entry: Entry | None) -> str | None:
        if entry is None:
            return None
        if entry.kind in ("country", "adjective", "metonym", "epithet", "place"):
            return entry.key
        if entry.kind == "organization":
            org = self.registry.organizations.get(entry.key)
            return org.country_at(self.date) if org else None
        return None

    def _country_before(self, i: int) -> tuple[int, str | None]:
        """A nationality ending at token i: "Russian", "Russia's", "the Kremlin's" -> (start token, ISO3)."""
        if i > 0 and self.doc[i - 1].text in POSSESSIVE:
            found = self.entity_ending.get(i - 1)
            if found and found[1] is not None and found[1].kind in ("country", "metonym", "place"):
                return found[0].start, found[1].key
        found = self.entity_ending.get(i)
        if found and found[1] is not None and found[1].kind in ("adjective", "country"):
            return found[0].start, found[1].key
        return i, None

    def _country_after_of(self, i: int, prepositions: tuple[str, ...] = ("of",)) -> tuple[int, str | None]:
        """ "of [the] Russia" starting at token i -> (end token, ISO3)."""
        doc = self.doc
        if i < len(doc) and doc[i].lower_ in prepositions:
            j = i + 1
            if j < len(doc) and doc[j].lower_ == "the" and j not in self.entity_starting:
                j += 1
            found = self.entity_starting.get(j)
            if found and found[1] is not None and found[1].kind in ("country", "metonym"):
                return found[0].end, found[1].key
        return i, None

    # -- people -------------------------------------------------------------------------------------------------------
    def _person(self, span: Span, entry: Entry | None) -> None:
        registry = self.registry
        if entry is not None and entry.kind == "place" and self._in_place_phrase(span):
            self._entity(span, entry)  # "near the town of Samarra": NER's person is the town
            return
        name_start = span.start
        inner = self.desc_starting.get(span.start)
        if inner is not None and inner.kind == "title" and inner.end < span.end and span.start not in self.desc_ending:
            name_start = inner.end  # NER put the title inside the name
        while name_start < span.end - 1 and self._honorific(self.doc[name_start]):
            name_start += 1  # "Mrs Clinton"
        name = self.doc[name_start:span.end]
        if not any(t.is_alpha and t.text[:1].isupper() for t in name):
            return
        person = self._known_person(name, entry)
        start, title, country, owner = self._person_left_context(name_start)
        if person is None and title is not None and not title.former:
            person = registry.titled_namesake(name.text, title.key, self.date)  # "Prime Minister Bhutto" in 1995
        appositive = self._appositive(span.end)
        if appositive is not None:
            title = title or appositive[1]
            country = country or appositive[2]
        titles = {title.key} if title else set()
        serves = None  # (country, sector) of the organisation whose title the person bears here
        if owner is not None and title is not None and not title.former:
            serves = (owner.country_at(self.date), "IGO" if owner.kind == "igo" else owner.sector_at(self.date))
        if person is not None:
            actor = registry.person_actor(person, self.date)
            sector = actor.sector or (title.sector if title else None)
            if title is not None and title.former and not person.role_at(self.date):
                sector = "ELI"
            mention_country = None
            if serves is not None and owner.kind == "igo":  # "U.N. mediator Diego Cordovez" acts for the UN
                mention_country, sector = serves
            resolved_by = "dictionary" if entry is not None and entry.kind == "person" else "ner"
            self._add(start, span.end, actor, sector, resolved_by, titles=titles, country=mention_country)
        elif serves is not None:  # "Hamas spokesman Fawzi Barhoum", "NATO Secretary-General Manfred Woerner"
            from .actors import slug

            actor = Actor(slug(name.text), name.text, serves[0], serves[1], "person")
            self._add(start, span.end, actor, serves[1], "new_actor", titles=titles)
        else:
            earlier = self._same_name(name.text)
            if earlier is not None and not country and not title:
                self._add(start, span.end, earlier.actor, earlier.sector, earlier.resolved_by,
                          titles=earlier.titles, country=earlier.country)
            else:
                from .actors import slug

                sector = "ELI" if title is not None and title.former else (title.sector if title else None)
                actor = Actor(slug(name.text), name.text, country, sector, "person")
                referent = self._add(start, span.end, actor, sector, "new_actor", titles=titles)
                if title is not None and not title.former and not country:
                    self.strangers.append(referent)
        if appositive is not None:
            self._claim(span.end, appositive[0])

    def _repeated_surnames(self) -> None:
        """A surname the NER missed, of a person named earlier in the document ("... Petrov was sceptical")."""
        people: dict[str, Referent] = {}
        for ref in self.earlier + sorted(self.referents, key=lambda r: r.start):
            if ref.person:
                people.setdefault(ref.actor.name.split(" ")[-1], ref)
        if not people:
            return
        for token in self.doc:
            ref = people.get(token.text)
            if ref is not None and not self.claimed[token.i] and token.pos_ == "PROPN" and \
                    (ref.rank < self.rank or ref.start < token.i):
                self._add(token.i, token.i + 1, ref.actor, ref.sector, "coreference", titles=ref.titles,
                          country=ref.country)

    def _known_person(self, name: Span, entry: Entry | None) -> Person | None:
        registry = self.registry
        if entry is not None and entry.kind == "person":
            return registry.people.get(entry.key)
        found = registry.lookup(name.text)
        if found is not None and found.kind == "person":
            return registry.people.get(found.key)
        if found is None and len(name) > 1:
            return registry.person_by_spelling(name.text) or registry.person_by_surname(name.text)
        return None

    def _same_name(self, text: str) -> Referent | None:
        """An earlier person of this document with the same surname ("Ivan Petrov" ... "Petrov")."""
        from .actors import normalize

        surname = normalize(text).split(" ")[-1]
        for ref in reversed(self.earlier + self.referents):
            if ref.person and normalize(ref.actor.name).split(" ")[-1] == surname:
                return ref
        return None

    def _person_left_context(self, i: int) -> tuple[int, Descriptor | None, str | None, Organization | None]:
        """Title and nationality (or organisation) before a name: "Russian Foreign Minister", "President of
        France", "NATO Secretary-General" -> (start, title, ISO3, organisation)."""
        doc = self.doc
        found = self.entity_ending.get(i)
        if found is not None and found[1] is not None and found[1].kind in ("country", "metonym"):
            country_start = found[0].start
            j = country_start - 1 if country_start > 0 and doc[country_start - 1].lower_ == "the" else country_start
            title = self.desc_ending.get(j - 1) if j > 0 and doc[j - 1].lower_ == "of" else None
            if title is not None and title.kind == "title":  # "President of France Emmanuel Macron"
                start = self._skip_modifiers_backward(title.start)
                return start, title, found[1].key, None
        title = self.desc_ending.get(i)
        if title is None or title.kind != "title":
            start, country = self._state_before_name(i)
            return (start, None, country, None) if country else (i, None, None, None)
        start = self._skip_modifiers_backward(title.start)
        begin, country = self._country_before(start)
        owner = None
        if country:
            start = begin
        else:
            begin, owner = self._organization_before(start)
            if owner is not None:
                start = begin
            elif start > 0 and doc[start - 1].lower_ in DETERMINERS:
                start -= 1
        return start, title, country, owner

    def _state_before_name(self, i: int) -> tuple[int, str | None]:
        """The nationality before the name at token i ("Iranian Qassem Soleimani"), also across the common nouns and
        adjectives describing the person ("American basketball star Brittney Griner"), or the state of a known
        organisation before such words ("IRA prisoner Bobby Sands") -> (start, ISO3). A hyphenated nationality
        ("pro-Russian", "Iranian-born") says nothing of the person's own."""
        doc = self.doc
        j = i
        while j > 0 and i - j < 4 and doc[j - 1].is_lower and doc[j - 1].is_alpha and \
                doc[j - 1].pos_ in ("NOUN", "ADJ") and j not in self.entity_ending:
            j -= 1
        if j < i:
            start, country = self._country_before(j)
            if country is None:
                start, org = self._organization_before(j)
                country = org.country_at(self.date) if org is not None and org.kind != "igo" else None
            if country is not None and not (start > 0 and doc[start - 1].text == "-"):
                return start, country
        return self._country_before(i)

    def _organization_before(self, i: int) -> tuple[int, Organization | None]:
        """A known organisation ending at token i, possessive or not: "UN", "NATO's", "Hamas" -> (start, it)."""
        end = i - 1 if i > 0 and self.doc[i - 1].text in POSSESSIVE else i
        found = self.entity_ending.get(end)
        if found is None or found[1] is None or found[1].kind != "organization":
            return i, None
        org = self.registry.organizations.get(found[1].key)
        if org is None:
            return i, None
        start = found[0].start
        if start > 0 and self.doc[start - 1].lower_ == "the":
            start -= 1
        return start, org

    def _appositive(self, i: int) -> tuple[int, Descriptor, str | None] | None:
        """", a researcher at a Moscow think tank," after a name -> (end of the title, title, country).

        A generic title ("a spokesperson for the National Police") takes the sector of the institution or
        organisation named after it."""
        doc = self.doc
        if i >= len(doc) or doc[i].text != ",":
            return None
        end = i + 1
        title = None
        country = None
        sector = None
        while end < len(doc) and end < i + 16 and doc[end].text not in (",", ";", ":", "(", ")", '"', "“", "”"):
            if doc[end].is_sent_start or doc[end].pos_ in ("VERB", "AUX"):
                return None  # a clause, not an apposition
            desc = self.desc_starting.get(end)
            if desc is not None:
                if title is None and desc.kind != "title":
                    return None
                if title is None:
                    title = desc
                else:
                    sector = sector or desc.sector
                end = desc.end
                continue
            found = self.entity_starting.get(end)
            if found is not None:
                ent_span, entry = found
                if entry is not None and entry.kind == "person" or ent_span.label_ == "PERSON":
                    return None  # another person: a list, not an apposition
                country = country or self._country_of(entry)
                if entry is not None and entry.kind == "organization" and title is not None:
                    sector = sector or self.registry.organizations[entry.key].sector_at(self.date)
                end = ent_span.end
                continue
            if title is None and not (doc[end].pos_ in ("DET", "ADJ", "NUM", "PART") or self._is_modifier(end)
                                      or doc[end].text in POSSESSIVE):
                return None
            end += 1
        if title is None:
            return None
        if sector and title.key in self.words.get("generic_titles", []):
            title = replace(title, sector=sector)
        return title.end, title, country

    # -- other entities -----------------------------------------------------------------------------------------------
    def _entity(self, span: Span, entry: Entry | None) -> None:
        registry = self.registry
        resolved_by_name = "dictionary" if self._from_ruler(span) else "ner"
        if entry is None:
            if any(d.start <= span.start + (span[0].lower_ == "the") and span.end <= d.end for d in self.descriptors):
                return  # "the Foreign Ministry", "State" of "Secretary of State": resolved with the descriptors
            if span.label_ == "ORG":  # "North Korea's National Defence Commission" is North Korea's
                owner = self._country_before(span.start)[1] if span.start > 0 and \
                    self.doc[span.start - 1].text in POSSESSIVE else None
                self._new_organization(span, owner)
            return
        if entry.kind == "person":
            return
        if entry.kind == "organization":
            place = registry.place(span.text) if self._names_a_place(span) else None
            if place is not None and place.key in registry.countries:  # "met in Brussels"
                self._add(span.start, span.end, registry.state_actor(place.key), None, "place")
                return
            org = registry.organizations.get(entry.key)
            if org is not None and not self._join_descriptor(span, entry):
                actor = registry.organization_actor(org, self.date)
                self._add(span.start, span.end, actor, actor.sector, resolved_by_name, loaded=org.loaded)
            return
        iso3 = entry.key
        namesake = self._namesake_state(span, iso3) if entry.kind in ("metonym", "place") else None
        if namesake is not None:  # "Tripoli, the north Lebanese port": the Lebanese city, a place
            self._add(span.start, span.end, registry.state_actor(namesake), None, "place")
            return
        if iso3 not in registry.countries or self._join_descriptor(span, entry):
            return
        if entry.kind == "country":
            self._add(span.start, span.end, registry.state_actor(iso3), None, resolved_by_name)
        elif entry.kind == "adjective" and span.start > 0 and self.doc[span.start - 1].lower_ in self.ethnic:
            # "ethnic Albanians demonstrated in Serbia": an ethnic group, not the state; its place gives its country
            self._add(span.start - 1, span.end, registry.sector_actor(None, "CVL"), "CVL", "demonym")
        elif entry.kind == "adjective":
            self._add(span.start, span.end, registry.state_actor(iso3), None, "demonym")
        elif entry.kind == "metonym":
            if span.root.dep_ == "compound" and span.root.head.lemma_.lower() in self.venue_nouns:
                return  # "the Madrid peace conference", "the Minsk agreements": where, not who
            if self._names_a_place(span):
                self._add(span.start, span.end, registry.state_actor(iso3), None, "metonym")
            else:
                sector = entry.sector or "GOV"
                self._add(span.start, span.end, registry.sector_actor(iso3, sector), sector, "metonym")
        elif entry.kind == "epithet":
            self._add(span.start, span.end, registry.sector_actor(iso3, "GOV"), "GOV", "epithet", loaded=True)
        elif entry.kind == "place":
            self._add(span.start, span.end, registry.state_actor(iso3), None, "place")

    def _namesake_state(self, span: Span, iso3: str) -> str | None:
        """The other state a city name shared by two states names ("Tripoli": Libya's capital, a Lebanese port) when
        the text names that state and never the usual one."""
        others = set(self.words.get("namesake_places", {}).get(span.text, ())) - {iso3}
        if not others:
            return None
        named = {entry.key for _, entry in self.entity_starting.values()
                 if entry is not None and entry.kind in ("country", "adjective")}
        found = others & named
        return found.pop() if len(found) == 1 and iso3 not in named else None

    def _names_a_place(self, span: Span) -> bool:
        """ "talks in Moscow", "a visit to Riyadh": the capital as a place, not its government."""
        start = span.start - 1 if span.start > 0 and self.doc[span.start - 1].lower_ == "the" else span.start
        if start == 0:
            return False
        before = self.doc[start - 1]
        if before.lower_ in self.place_prepositions:
            return True
        return before.lower_ in self.words.get("directional_prepositions", []) and \
            before.head.lemma_.lower() in self.words.get("place_heads", [])

    def _in_place_phrase(self, span: Span) -> bool:
        """Whether a name stands where a place does: after a place preposition ("in Samarra") or "the town of"."""
        before = [t.lower_ for t in self.doc[max(span.start - 2, 0):span.start]]
        return bool(before) and (before[-1] in self.place_prepositions or
                                 (len(before) == 2 and before[1] == "of" and before[0] in self.settlements))

    def _from_ruler(self, span: Span) -> bool:
        return span.start in self.ruler_starts

    def _new_organization(self, span: Span, country: str | None, start: int | None = None) -> None:
        """An organisation the registry does not know; its sector from a final institution noun ("Baltic Fleet")."""
        from .actors import slug

        name = span.text[4:] if span.text.lower().startswith("the ") else span.text
        sector = None
        for i in range(span.start, span.end):
            found = self.registry.institution_table.match(self.doc, i)
            if found and found[0] == span.end or found and i == span.start + (span[0].lower_ == "the") and \
                    found[1].get("sector") == "EDU":  # "Oxford University", "University of Tehran"
                sector = found[1].get("sector")
                break
        country = country or self._country_in_name(span)
        actor = Actor(slug(name), name, country, sector, "organization")
        self._add(span.start if start is None else start, span.end, actor, sector, "new_actor" if country else "ner")

    def _country_in_name(self, span: Span) -> str | None:
        """The state named inside an unknown organisation's name: "Oxford University" -> GBR, "Moscow Times" ->
        RUS, "Massachusetts Institute of Technology" -> USA (the longest known name inside wins)."""
        for size in range(min(3, len(span)), 0, -1):
            for i in range(span.start, span.end - size + 1):
                words = self.doc[i:i + size]
                if not words[0].text[:1].isupper():
                    continue
                entry = self.registry.lookup(words.text)
                if entry is not None and entry.kind in ("country", "adjective", "metonym", "place"):
                    return entry.key
        return None

    def _descriptor_at(self, i: int) -> tuple[Descriptor | None, Span | None]:
        """The title or institution at token i, or an organisation entity there (known or not)."""
        desc = self.desc_starting.get(i)
        if desc is not None:
            return desc, None
        found = self.entity_starting.get(i)
        if found is not None and found[0].label_ == "ORG" and (found[1] is None or found[1].kind == "organization"):
            return None, found[0]
        return None, None

    def _join_descriptor(self, span: Span, entry: Entry) -> bool:
        """Owner + institution or title: "Russia's army", "Syrian army", "US forces", "Kyiv police", "the Foreign
        Ministry of Russia", "Hungarian and Romanian officials", "EU officials", "a former CIA official",
        "Russia's Baltic Fleet". The owner is a country (name, adjective, metonym) or an organisation."""
        doc = self.doc
        owner = entry.key
        # "the Foreign Ministry of Russia", "Minister of Defence of Israel", "protesters in Iran"
        for d in self.descriptors:
            if d.end < span.start and not self._is_claimed(d.start, d.end) and entry.kind != "organization":
                end, found = self._country_after_of(d.end, ("of", "in", "from") if d.plural else ("of",))
                if found == owner and end == span.end:
                    start = d.start - 1 if d.start > 0 and doc[d.start - 1].lower_ == "the" else d.start
                    self._describe(start, span.end, d, owner)
                    return True
        if entry.kind == "epithet":
            return False
        i = span.end
        if i < len(doc) and doc[i].text in POSSESSIVE and entry.kind != "adjective":
            i += 1
        if entry.kind in ("adjective", "country") and i + 1 < len(doc) and doc[i].text in ("-", "–") and \
                doc[i + 1].lower_ in self.words.get("backing_words", []):
            i += 2  # "Vietnamese-led forces", "U.S.-backed militias"
        chain = [owner]  # coordinated adjectives: "Hungarian and Romanian officials"
        while entry.kind == "adjective" and i + 1 < len(doc) and doc[i].lower_ in ("and", ",", "or"):
            found = self.entity_starting.get(i + 1)
            if not found or found[1] is None or found[1].kind != "adjective":
                break
            chain.append(found[1].key)
            i = found[0].end
        i = self._skip_modifiers_forward(i)
        desc, org_span = self._descriptor_at(i)
        start = self._skip_modifiers_backward(span.start)
        former = self._former_before(span.start)
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
            start -= 1
        if desc is None:
            if org_span is None or entry.kind == "organization" or len(chain) > 1:
                return False
            known = self.entity_starting[org_span.start][1]
            institution = self.registry.institution_table.match(doc, org_span.start)
            if known is not None and institution is not None and institution[0] == org_span.end:
                # a named institution of another country: "Chile's Defense Department"
                end, info, key = institution
                desc = Descriptor(org_span.start, end, key, "institution", info.get("sector"), bool(info.get("loaded")))
            elif known is None:
                self._new_organization(org_span, owner, start)  # "Russia's Baltic Fleet"
                return True
            else:
                return False
        if len(chain) > 1 and not desc.plural:
            return False
        if former:
            desc = replace(desc, former=True)
        if entry.kind == "organization":
            return self._organization_descriptor(start, span, entry, desc)
        for country in chain:
            self._describe(start, desc.end, desc, country, holders=entry.kind != "place")
        self._claim(start, desc.end)
        return True

    def _organization_descriptor(self, start: int, span: Span, entry: Entry, desc: Descriptor) -> bool:
        """ "EU officials" -> the IGO's sector; "a former CIA official" -> the organisation, its member's sector;
        "Shin Bet Security Service" -> the organisation."""
        org = self.registry.organizations[entry.key]
        if org.kind == "igo" and org.country:
            if desc.kind == "institution" or desc.plural:
                sector = desc.sector if desc.kind == "institution" else "ELI" if desc.former else "IGO"
                actor = self.registry.sector_actor(org.country, sector, name=org.name)
                self._add(start, desc.end, actor, sector, "institution", desc.loaded, titles={desc.key})
            else:
                self._describe(start, desc.end, desc, org.country)
            return True
        actor = self.registry.organization_actor(org, self.date)
        sector = "ELI" if desc.former else actor.sector
        self._add(start, desc.end, actor, sector,
                  "title" if desc.kind == "title" else "dictionary", org.loaded, titles={desc.key})
        return True

    def _describe(self, start: int, end: int, desc: Descriptor, iso3: str, holders: bool = True) -> None:
        """A country's institution becomes its sector actor; a country's title waits for coreference."""
        registry = self.registry
        if desc.kind == "institution":
            sector = desc.sector
            self._add(start, end, registry.sector_actor(iso3, sector), sector, "institution", desc.loaded,
                      titles={desc.key})
            return
        count = self._count_before(start)
        self.pending.append(Pending(start, end, desc, iso3, count, holders=holders))
        self._claim(start, end)

    def _count_before(self, start: int) -> int:
        numbers = self.words.get("numbers", {})
        for j in (start - 1, start):
            if 0 <= j < len(self.doc) and self.doc[j].lower_ in numbers:
                return numbers[self.doc[j].lower_]
        return 1

    # -- descriptions and pronouns ------------------------------------------------------------------------------------
    def _bare_descriptors(self) -> None:
        """Titles and institutions without a country: "the president", "the two leaders", "the ministry" refer
        back (after a determiner or number word); others ("soldiers", "a former minister") name a sector."""
        doc = self.doc
        numbers = self.words.get("numbers", {})
        for desc in self.descriptors:
            if self._is_claimed(desc.start, desc.end) or desc.owned:
                continue
            j = self._skip_modifiers_backward(desc.start)
            count = 1
            if j > 0 and doc[j - 1].lower_ in numbers:
                count = numbers[doc[j - 1].lower_]
                j -= 1
            definite = count > 1
            if j > 0 and doc[j - 1].lower_ in DETERMINERS:
                j -= 1
                definite = not desc.former
            elif j > 0 and doc[j - 1].lower_ in ("a", "an"):
                j -= 1
            self.pending.append(Pending(j, desc.end, desc, None, count, definite))
            self._claim(j, desc.end)

    def _pronouns(self) -> None:
        pronouns = set(self.words.get("person_pronouns", []))
        things = set(self.words.get("thing_pronouns", []))
        expletive_heads = set(self.words.get("expletive_heads", []))
        for token in self.doc:
            if self.claimed[token.i] or token.pos_ not in ("PRON", "DET", ""):
                continue
            if token.lower_ in pronouns:
                self.pending.append(Pending(token.i, token.i + 1))
            elif token.lower_ in things and (token.dep_ == "poss" or (
                    token.dep_ in ("nsubj", "nsubjpass") and not self._expletive(token, expletive_heads))):
                self.pending.append(Pending(token.i, token.i + 1, thing=True))

    def _expletive(self, pronoun: Token, heads: set[str]) -> bool:
        """An empty subject "it": "it is clear that ...", "it seems that ...", "it takes time to ..." (but "it is
        willing to ..." means someone)."""
        head = pronoun.head
        if head.lemma_.lower() not in heads:
            return False
        stance = set(self.words.get("stance_adjectives", []))
        complements = [c for c in head.children if c.dep_ in ("acomp", "attr")]
        if any(c.lower_ in stance for c in complements):
            return False
        return any(c.dep_ in ("ccomp", "csubj", "xcomp") for t in [head] + complements for c in t.children)

    def _resolve_pending(self) -> None:
        for item in sorted(self.pending, key=lambda p: p.start):
            if item.thing:
                found = self._thing_antecedent(item.start)
                if found is not None:
                    self._copy(item, found, "coreference")
                continue
            if item.descriptor is None:
                found = self._pronoun_antecedent(item.start)
                if found is not None:
                    self._copy(item, found, "coreference")
                continue
            self._resolve_description(item)

    def _copy(self, item: Pending, ref: Referent, resolved_by: str) -> None:
        titles = set(ref.titles) | ({item.descriptor.key} if item.descriptor else set())
        self._add(item.start, item.end, ref.actor, ref.sector, resolved_by, ref.loaded, titles,
                  country=ref.country or item.country)

    def _candidates(self, before: int) -> list[Referent]:
        """Antecedents before token `before`, nearest last (earlier sections first)."""
        here = [r for r in self.referents if r.start < before and r.resolved_by != "pending"]
        return self.earlier + sorted(here, key=lambda r: r.start)

    def _pronoun_antecedent(self, i: int) -> Referent | None:
        """Same sentence: its subject, else the nearest person; then the subject (else first person) of each of the
        three sentences before; then the last person of an earlier section."""
        people = [r for r in self._candidates(i) if r.person]
        if not people:
            return None
        sent = self.sent_of[i]
        same = [r for r in people if r.rank == self.rank and r.sent == sent]
        if same:
            return self._same_sentence_antecedent(i, same)
        for back in range(sent - 1, max(sent - 4, -1), -1):
            in_sent = [r for r in people if r.rank == self.rank and r.sent == back]
            if in_sent:
                subjects = [r for r in in_sent if r.subject]
                return subjects[0] if subjects else in_sent[0]
        return people[-1]

    def _thing_antecedent(self, i: int) -> Referent | None:
        """"it" / "its": the subject of its own sentence before it when that is a single state, organisation or
        sector ("Russia said it would ...", "Syria agreed to reopen its borders"); a subject "it" opening its clause
        may also take the subject of the sentence before ("Iran fired missiles. It said ..."). The subject's verb must
        govern the pronoun. Nothing else."""
        sent = self.sent_of[i]
        def singular_actor(r: Referent) -> bool:
            root = self.doc[r.start:r.end].root if r.start >= 0 else None
            return not r.person and r.resolved_by != "place" and r.rank == self.rank and root is not None and \
                (r.actor.kind == "state" or root.tag_ not in ("NNS", "NNPS"))
        subjects = [r for r in self._candidates(i) if r.subject and singular_actor(r)]
        pronoun = self.doc[i]
        same = [r for r in subjects if r.sent == sent]
        if same:  # its verb must govern the pronoun: not "If Russia stopped invading, it would end the war"
            governing = [r for r in same if self.doc[r.start:r.end].root.head in pronoun.ancestors]
            return governing[-1] if governing else None
        if pronoun.dep_ == "poss" or any(self.sent_of[r.start] == sent for r in self.referents
                                             if r.start >= 0 and r.start < i):
            return None
        before = [r for r in subjects if r.sent == sent - 1]
        return before[0] if len(before) == 1 else None

    def _governing_verb(self, i: int) -> int:
        token = self.doc[i]
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token.i

    def _same_sentence_antecedent(self, i: int, same: list[Referent]) -> Referent | None:
        """An object pronoun never means its own verb's subject ("Putin told him"), stated or understood ("Lukashenko
        rejected Macron's mediation, offering to help him"); a possessive in a phrase of the verb means its object ("X
        congratulated Y on his victory"); otherwise the subject, else the nearest."""
        pronoun = self.doc[i]
        verb = self._governing_verb(i)
        roles = {id(r): (self.doc[r.start:r.end].root.dep_, self.doc[r.start:r.end].root.head.i) for r in same}
        if pronoun.dep_ == "nsubj" and pronoun.lower_ in OBJECT_CASE and pronoun.head.dep_ == "ccomp":
            verb = pronoun.head.head.i  # "help him deal with": the object of "help"
            pronoun_is_object = True
        else:
            pronoun_is_object = pronoun.dep_ in ("dobj", "dative", "iobj", "pobj")
        if pronoun_is_object:
            own = {verb, self._controlling_verb(verb)}
            same = [r for r in same if not (roles[id(r)][0] in ("nsubj", "nsubjpass") and roles[id(r)][1] in own)]
            if not same:
                return None
        if pronoun.dep_ == "poss":
            objects = [r for r in same if roles[id(r)][0] in ("dobj", "dative") and roles[id(r)][1] == verb]
            if objects:
                return objects[-1]
        subjects = [r for r in same if r.subject]
        return subjects[0] if subjects else same[-1]

    def _controlling_verb(self, i: int) -> int:
        """The verb whose subject is understood as the subject of a subjectless non-finite verb ("offering to help",
        "wants to meet"): up through infinitive and participle clauses to the first verb with a subject."""
        token = self.doc[i]
        while token.dep_ in ("xcomp", "advcl", "conj") and token.tag_ in ("VB", "VBG", "VBN") and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            token = token.head
        return token.i

    def _compatible(self, ref: Referent, desc: Descriptor, country: str | None) -> bool:
        if country and ref.country not in (country, None):
            return False
        key = desc.key
        if desc.kind == "institution":
            return not ref.person and any(t.split(" ")[-1] == key.split(" ")[-1] for t in ref.titles)
        if not ref.person:
            return False
        if key in self.registry.leader_titles and key.startswith("leader") or key in ("head of state", "ruler"):
            return ref.sector in ("GOV", None) and (not ref.titles or bool(ref.titles & self.registry.leader_titles))
        from .actors import _title_words

        wanted = set(_title_words(key.rstrip("s") if desc.plural else key))
        if any(wanted <= set(_title_words(t)) for t in ref.titles):
            return True
        if desc.sector == "MIL" and ref.sector == "MIL":
            return True  # ranks vary: "Maj. Gen. X" ... "the general", "the commander"
        return not ref.titles and desc.sector is not None and ref.sector == desc.sector

    def _resolve_description(self, item: Pending) -> None:
        desc = item.descriptor
        assert desc is not None
        matches: list[Referent] = []
        seen: set[str] = set()
        if item.definite and (not desc.plural or item.count > 1):
            for ref in reversed(self._candidates(item.start)):
                if ref.actor.id not in seen and self._compatible(ref, desc, item.country):
                    matches.append(ref)
                    seen.add(ref.actor.id)
                    if len(matches) == item.count:
                        break
        if matches and (item.count == 1 or len(matches) == item.count):
            for ref in sorted(matches, key=lambda r: (r.rank, r.start_char)):
                self._copy(item, ref, "coreference")
            return
        if item.country is None:
            if self._publisher_own(item):
                item = replace(item, country=self.home, holders=desc.kind == "title")
            elif desc.kind == "title" and desc.key in self.registry.title_countries:
                item = replace(item, country=self.registry.title_countries[desc.key])  # "the Secretary of State"
            elif (context := self._context_country(item) if desc.sector and not self._stateless(item) else None) \
                    is not None:
                item = replace(item, country=context, holders=False)
            else:
                sector = "ELI" if desc.former else desc.sector
                if sector:
                    actor = self.registry.sector_actor(None, sector)
                    self._add(item.start, item.end, actor, sector, desc.kind, desc.loaded, titles={desc.key})
                return
        holders = [] if desc.plural or not item.holders else \
            self.registry.role_holders(item.country, desc.key, self.date)
        if len(holders) == 1:
            actor = self.registry.person_actor(holders[0], self.date)
            self._add(item.start, item.end, actor, actor.sector, "title", titles={desc.key})
            return
        igo_title = desc.kind == "title" and item.country not in self.registry.countries  # "a UN official"
        sector = "ELI" if desc.former else "IGO" if igo_title else desc.sector
        self._add(item.start, item.end, self.registry.sector_actor(item.country, sector), sector, "title",
                  titles={desc.key})

    def _publisher_own(self, item: Pending) -> bool:
        """On a government's own site, the subject of a narrative sentence that is a bare singular government title
        or institution is that government's: "The Vice President condemned ...", "The Administration welcomed ...".
        Not in speech (a first-person or quoted sentence: a visitor's "the Foreign Minister" is his own)."""
        desc = item.descriptor
        if not (self.home and desc and desc.sector == "GOV" and item.definite and item.count == 1 and not desc.plural):
            return False
        if self.doc[item.start:item.end].root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        sentence = self.doc[item.start].sent
        return not any(t.lower_ in self.first_person or t.is_quote for t in sentence)

    def _place_strangers(self) -> None:
        """A new person with a title but no country serves the one state named in the sentence, as a bare title
        does ("Planning and Investment Minister Tran Xuan Gia said Vietnam ..."), unless only one state's officials
        bear the title ("Secretary of State Baker ... in Geneva")."""
        for stranger in self.strangers:
            country = next((self.registry.title_countries[t] for t in stranger.titles
                            if t in self.registry.title_countries), None) or \
                self._context_country(Pending(stranger.start, stranger.end))
            if country is None:
                continue
            actor = replace(stranger.actor, country=country)
            for referent in self.referents:
                if referent.actor.id == actor.id and referent.country is None:
                    referent.actor, referent.country = actor, country

    def _local_bodies(self) -> None:
        """A body named only by a name many states' bodies share ("Congress") is, in a text that never names its own
        state, that of the one other state whose leaders or government its sentence names ("Fujimori suspended
        Peru's constitution and dissolved Congress")."""
        shared = self.words.get("shared_body_names", {})
        for referent in self.referents:
            text = self.doc[referent.start:referent.end].text
            sector = shared.get(text[4:] if text.lower().startswith("the ") else text)
            before = self.doc[referent.start - 1] if referent.start > 0 else None
            if sector is None or (before is not None and before.text[:1].isupper() and not before.is_sent_start) or \
                    any(r.country == referent.country for r in self.earlier + self.referents
                        if r.actor.id != referent.actor.id):
                continue  # part of a longer name ("World Jewish Congress"), or its own state is named elsewhere
            parties = self._parties_of(self.doc[referent.start:referent.end].root)  # not whom it acts on
            named = {r.country for r in self.referents if r.sent == referent.sent and r is not referent and
                     r.country in self.registry.countries and (r.person or r.sector == "GOV") and
                     not self._party_named(self._anchor(r.start, r.end), parties)}
            if len(named) == 1:
                actor = self.registry.sector_actor(named.pop(), sector)
                referent.actor, referent.country, referent.sector = actor, actor.country, sector

    def _stateless(self, item: Pending) -> bool:
        """Whether a description is marked as of no state of the context ("international aid agencies")."""
        root = self.doc[item.start:item.end].root
        modifiers = list(self.doc[item.start:item.end]) + [c for c in root.children if c.dep_ == "amod"]
        return any(t.lower_ in self.stateless for t in modifiers)

    def _context_country(self, item: Pending) -> str | None:
        """The one state named in the description's sentence (else in the headline): "Police arrested 20 people in
        Cairo" -> Egypt's police. None when several states or none are named. A state that is the other party of
        the description's own verb ("officials accused Turkey of ...") says nothing of where the officials are from."""
        countries = self.registry.countries
        if self._pending_countries is None:
            self._pending_countries = defaultdict(list)
            for pending in self.pending:
                if pending.country in countries:
                    anchor = self._anchor(pending.start, pending.end)
                    self._pending_countries[self.sent_of[pending.start]].append((pending.country, anchor))
        sent = self.sent_of[item.start]
        parties = self._parties_of(self.doc[item.start:item.end].root)
        here = {country for country, root in self._sent_countries.get(sent, []) + self._pending_countries.get(sent, [])
                if not self._party_named(root, parties)}
        for named in (here, {r.country for r in self.earlier if r.country in countries}):
            if named:
                return next(iter(named)) if len(named) == 1 else None
        return None

    def _anchor(self, start: int, end: int) -> int:
        """The token a span naming a state hangs from, or -1 when it names a place ("in Cairo", "protesters in
        Cairo"): a place tells where a description's actor is, whatever role the phrase has."""
        if any(t.lower_ in self.place_prepositions for t in self.doc[max(start - 1, 0):end]):
            return -1
        return self.doc[start:end].root.i

    def _party_named(self, i: int, parties: set[int]) -> bool:
        """Whether token i names one of the `parties` or lies in one, outside a place phrase within it ("imposed a
        curfew in the Kyrgyz city of Osh": Kyrgyzstan is where, not whom); a place (i < 0, see `_anchor`) is none."""
        for token in [self.doc[i], *self.doc[i].ancestors] if i >= 0 else []:
            if token.i in parties:
                return True
            if token.dep_ == "prep" and token.lower_ in self.place_prepositions and any(
                    p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC") or p.lemma_.lower() in self.settlements)
                    for p in token.children):
                return False
        return False

    def _parties_of(self, subject: Token) -> set[int]:
        """The objects, non-place prepositional objects and reported clauses of the verb a subject acts in."""
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return set()
        verb = subject.head
        return {c.i for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd", "ccomp")} | \
            {p.i for c in verb.children if c.dep_ == "prep" and c.lower_ not in self.place_prepositions
             for p in c.children if p.dep_ == "pobj"}

    # -- output -------------------------------------------------------------------------------------------------------
    def _mentions(self) -> list[Mention]:
        analysis = self.analysis
        doc_id = analysis.document.id
        first = len(analysis.mentions) + 1
        text = self.doc.text
        mentions = []
        for n, ref in enumerate(sorted(self.referents, key=lambda r: (r.start, r.end))):
            analysis.actors.setdefault(ref.actor.id, ref.actor)
            mentions.append(Mention(f"{doc_id}#m{first + n}", doc_id, ref.start_char, ref.end_char,
                                    text[ref.start_char:ref.end_char], ref.actor.id, ref.country,
                                    ref.sector, ref.resolved_by, ref.loaded, self.section))
        return mentions
