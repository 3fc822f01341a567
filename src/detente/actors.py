"""Actors: the registry of known actors and the resolution of every mention in a text to an actor.

`ActorRegistry` reads `data/actors/*.yaml` (format in that folder's README.md) plus user files. `resolve` turns the
entities and descriptions of one spaCy Doc into `Mention`s with actor, country and sector, using the entity ruler's
dictionary hits, NER, titles, adjective + institution phrases, possessives, metonyms, epithets, the document date for
roles, and rule-based coreference (`coref.py`). `MentionIndex` and `actor_ref` are what later stages use.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from .model import Actor, ActorRef, DocumentAnalysis, Mention

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_DIR = DATA_DIR / "actors"

# ---------------------------------------------------------------------------------------------------------------------
# Registry records


@dataclass(frozen=True, slots=True)
class Role:
    """A role a person held from `start` to `end` (None = still held), both YYYY-MM-DD."""

    title: str
    sector: str | None
    start: str | None
    end: str | None
    country: str | None = None  # held for another state or an IGO ("UNO" for the UN Secretary-General)

    def covers(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(slots=True)
class Person:
    id: str
    name: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    sector: str | None = None  # outside any role
    reference: bool = False  # derived from the Phoenix dictionaries (no role titles), not hand-written

    def role_at(self, date: str) -> Role | None:
        """The role held at `date` (the most recently started one if several)."""
        held = [role for role in self.roles if role.covers(date)]
        return max(held, key=lambda role: role.start or "") if held else None

    def sector_at(self, date: str) -> str | None:
        role = self.role_at(date)
        if role is not None:
            return role.sector
        if self.sector:
            return self.sector
        return "ELI" if any(role.end and role.end < date for role in self.roles) else None

    def country_at(self, date: str) -> str | None:
        """The country of the role held at `date` (an IGO code while serving one), else the person's own."""
        role = self.role_at(date)
        return role.country if role is not None and role.country else self.country


@dataclass(slots=True)
class Organization:
    id: str
    name: str
    country: str | None  # None for a transnational NGO ("Amnesty International"): it acts for no state
    sector: str | None
    kind: str
    aliases: list[str] = field(default_factory=list)
    loaded: bool = False
    periods: list[Role] = field(default_factory=list)  # dated country and sector ("SPLM": SDN REB, then SSD PTY)

    def period_at(self, date: str | None) -> Role | None:
        if date is None:
            return None
        held = [period for period in self.periods if period.covers(date)]
        return max(held, key=lambda period: period.start or "") if held else None

    def country_at(self, date: str | None) -> str | None:
        period = self.period_at(date)
        return period.country if period is not None and period.country else self.country

    def sector_at(self, date: str | None) -> str | None:
        period = self.period_at(date)
        return period.sector if period is not None and period.sector else self.sector


@dataclass
class Country:
    iso3: str
    name: str
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    metonyms: list[tuple[str, str]] = field(default_factory=list)  # (text, sector)
    epithets: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form names: kind is country | adjective | metonym | epithet | organization | person."""

    kind: str
    key: str
    sector: str | None = None
    loaded: bool = False

    @property
    def ruler_id(self) -> str:
        return f"{self.kind}|{self.key}|{self.sector or ''}|{int(self.loaded)}"

    @classmethod
    def from_ruler_id(cls, ruler_id: str) -> Entry | None:
        parts = ruler_id.split("|")
        if len(parts) != 4:
            return None
        return cls(parts[0], parts[1], parts[2] or None, parts[3] == "1")


ENTRY_LABELS = {"country": "GPE", "adjective": "NORP", "metonym": "GPE", "epithet": "GPE",
                "organization": "ORG", "person": "PERSON", "place": "GPE"}
# When one surface form names several things, the first kind here wins.
ENTRY_PRIORITY = ("country", "organization", "person", "metonym", "epithet", "adjective", "place")
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML file parsed with libyaml when available (several times faster than the pure-Python parser)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)


def read_tsv(path: Path) -> Iterable[list[str]]:
    """Rows of a tab-separated data file without its comment lines and header row."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        rows = (line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#"))
        next(rows, None)
        yield from rows


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_KEY_CHARS = str.maketrans({".": None, "‐": "-", "–": "-"})


def fold_accents(text: str) -> str:
    """ "Jüri Ratas" -> "Juri Ratas", "Peñasco" -> "Penasco" (letters without their diacritics)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFKC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def normalize(text: str) -> str:
    """Lookup key of a name: lower case, straight quotes, no dots or diacritics, possessive and leading "the"
    removed."""
    if not text.isascii():
        text = fold_accents(text).translate(_QUOTES)
    text = text.strip()
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    text = " ".join(text.lower().translate(_KEY_CHARS).split())
    return text[4:] if text.startswith("the ") else text


# Spelling variants of transliterated names: "Bouteflicka"/"Bouteflika", "Andrei"/"Andrey", "Kadhafi"/"Kadafi".
_SPELLINGS = (("sch", "sh"), ("ck", "k"), ("ph", "f"), ("kh", "h"), ("dh", "d"), ("th", "t"), ("gh", "g"),
              ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"), ("x", "ks"))
_VOWELS = set("aeiouy")


def name_skeleton(word: str) -> str:
    """A transliteration-tolerant key of one name word: its first letter plus its consonants, common spelling
    variants merged and doubled letters collapsed ("Mohammed", "Muhammad", "Mohamed" -> "mhmd"; "Andrei",
    "Andrey" -> "andr"; "Zelenskiy", "Zelensky" -> "slnsk")."""
    word = "".join(c for c in fold_accents(word).lower() if c.isalpha())
    if len(word) > 2 and word[0] == "y" and word[1] in _VOWELS:  # "Yevgeny" / "Evgeny"
        word = word[1:]
    for old, new in _SPELLINGS:
        word = word.replace(old, new)
    if not word:
        return ""
    out = [word[0]]
    for char in word[1:]:
        if char not in _VOWELS and char != out[-1]:
            out.append(char)
    return "".join(out)


def full_name_skeleton(name: str) -> str:
    return " ".join(filter(None, (name_skeleton(w) for w in normalize(name).replace("-", " ").split())))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "actor"


def _date(value: Any, end: bool = False) -> str | None:
    """A YAML date (YYYY, YYYY-MM, YYYY-MM-DD or a date object) as YYYY-MM-DD; a year alone spans the year."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}", text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text}-31" if end else f"{text}-01"
    return text[:10]


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _pattern_variants(text: str, kind: str) -> set[str]:
    """Surface variants the case-sensitive ruler matches: as written, Capitalised, Title Case, UPPER CASE.

    A leading "the" is optional when several words follow ("the White House" also matches "White House") and for a
    seat of power ("the Pentagon", "Pentagon"), not for other single words ("the States", "The National")."""
    forms = {text}
    rest = text[4:].strip()
    if text.lower().startswith("the ") and (" " in rest or kind == "metonym" and rest[:1].isupper()):
        forms.add(rest)
    variants = set()
    for form in forms:
        variants.add(form)
        variants.add(form[:1].upper() + form[1:])
        variants.add(" ".join(w[:1].upper() + w[1:] for w in form.split(" ")))
        if len(form) > 3 or "." in form:
            variants.add(form.upper())
    return {v for v in variants if v.strip()}


class PhraseTable:
    """Multi-word phrases (titles, institutions) matched case-insensitively at token positions of a Doc."""

    def __init__(self, items: Iterable[tuple[str, dict[str, Any]]]):
        self.phrases: dict[str, dict[str, Any]] = {}
        self.first_words: dict[str, int] = {}
        for text, info in items:
            key = self.key(text)
            if not key or key in self.phrases:
                continue
            self.phrases[key] = info
            words = key.split(" ")
            self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words) + key.count(".") + 1)

    @staticmethod
    def key(text: str) -> str:
        text = text.lower().replace("’", "'").replace("-", " - ")
        return re.sub(r"\s+", " ", text).strip()

    def match(self, doc: Doc, i: int) -> tuple[int, dict[str, Any], str] | None:
        """The longest phrase starting at token i: (end token, info, phrase); a final plural noun may be singular
        ("pressed" is no "press")."""
        first = doc[i]
        limit = self.first_words.get(first.lower_) or self.first_words.get(first.lemma_.lower())
        if limit is None:
            return None
        best = None
        for end in range(i + 1, min(len(doc), i + limit) + 1):
            last = doc[end - 1]
            if last.is_punct and last.text not in (".", "-", "'s"):
                break
            head = self.key(doc[i:end - 1].text) if end - 1 > i else ""
            for last_form in (last.text, last.lemma_) if last.pos_ in ("NOUN", "PROPN") else (last.text,):
                key = (head + " " + self.key(last_form)).strip()
                if key in self.phrases:
                    best = (end, self.phrases[key], key)
                    break
        return best


class ActorRegistry:
    """Known countries, organisations and people, plus the title and institution words."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.organizations: dict[str, Organization] = {}
        self.people: dict[str, Person] = {}
        self.titles: list[tuple[str, str]] = []
        self.shared_titles: set[str] = set()  # keys of titles many hold at once ("ambassador")
        self.title_countries: dict[str, str] = {}  # keys of titles only one state's officials bear
        self._country_words: dict[str, Entry] = {}  # one-word country names and adjectives, for misspellings
        self.institutions: list[tuple[str, str, bool, bool]] = []  # text, sector, loaded, needs an owner
        self.words: dict[str, Any] = {}
        self.publishers: dict[str, str] = {}  # government web domain -> the state publishing there
        self._surfaces: dict[str, list[Entry]] = defaultdict(list)  # surface as written (ruler) -> entries
        self._lookup: dict[str, list[Entry]] = defaultdict(list)  # normalized -> entries
        self._lookup_only: dict[str, list[Entry]] = defaultdict(list)  # the same for names not in the ruler
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._person_by_name: dict[str, str] = {}  # normalized full name -> person id
        self._skeletons: dict[str, set[str]] = defaultdict(set)  # full_name_skeleton of names of 2+ words -> ids
        self._entries: dict[Entry, Entry] = {}

    # -- loading ------------------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, extra_files: Sequence[str | Path] = (), reference: bool = True) -> ActorRegistry:
        """The packaged actor data plus the user's files (same shape, top-level keys countries/organizations/people).

        `reference=False` leaves out the derived data files (reference people and groups, places)."""
        registry = cls()
        registry.words = read_yaml(DATA_DIR / "resolution.yaml")

        def read(name: str) -> Any:
            path = ACTORS_DIR / name
            return (read_yaml(path) or []) if path.exists() else []

        registry.words.update(read("words.yaml") or {})

        registry.add_countries(read("countries.yaml"))
        registry.add_organizations(read("organizations.yaml"))
        registry.add_people(read("people.yaml"))
        titles = read("titles.yaml")
        registry.titles = [(str(t["text"]), t.get("sector")) for t in titles]
        registry.shared_titles = {PhraseTable.key(str(t["text"])) for t in titles if t.get("shared")}
        registry.title_countries = {PhraseTable.key(str(t["text"])): str(t["country"]) for t in titles
                                    if t.get("country")}
        registry.institutions = [(str(t["text"]), t.get("sector"), bool(t.get("loaded")), bool(t.get("owned")))
                                 for t in read("institutions.yaml")]
        registry.publishers = {str(p["domain"]).lower(): str(p["country"]) for p in read("publishers.yaml")}
        registry.add_places(read("regions.yaml"), in_ruler=True)
        if reference:
            registry.add_reference_people(read_tsv(ACTORS_DIR / "reference_people.tsv"))
            registry.add_reference_groups(read_tsv(ACTORS_DIR / "reference_groups.tsv"))
            registry.add_places(({"name": row[0], "country": row[1]} for row in read_tsv(ACTORS_DIR / "places.tsv")),
                                in_ruler=False)
        for extra in extra_files:
            data = yaml.load(Path(extra).read_text(encoding="utf-8"), Loader=YAML_LOADER) or {}
            if not isinstance(data, dict):
                raise ValueError(f"{extra}: expected a mapping with countries/organizations/people")
            registry.add_countries(data.get("countries") or [])
            registry.add_organizations(data.get("organizations") or [])
            registry.add_people(data.get("people") or [])
        registry._finish()
        return registry

    @classmethod
    @cache
    def default(cls) -> ActorRegistry:
        """The packaged registry, loaded once per process."""
        return cls.load()

    def add_countries(self, records: Iterable[dict]) -> None:
        for rec in records:
            iso3 = str(rec["iso3"]).upper()
            metonyms = []
            for item in _as_list(rec.get("metonyms")):
                if isinstance(item, dict):
                    metonyms.append((str(item["text"]), item.get("sector") or "GOV"))
                else:
                    metonyms.append((str(item), "GOV"))
            country = Country(iso3, str(rec.get("name") or iso3), [str(a) for a in _as_list(rec.get("aliases"))],
                              [str(a) for a in _as_list(rec.get("adjectives"))], metonyms,
                              [str(e.get("text") if isinstance(e, dict) else e) for e in _as_list(rec.get("epithets"))])
            self.countries[iso3] = country
            for text in [country.name, *country.aliases]:
                self._add_surface(text, Entry("country", iso3))
            for text in country.adjectives:
                self._add_surface(text, Entry("adjective", iso3))
            for text, sector in country.metonyms:
                self._add_surface(text, Entry("metonym", iso3, sector))
            for text in country.epithets:
                self._add_surface(text, Entry("epithet", iso3, "GOV", loaded=True))

    def add_organizations(self, records: Iterable[dict]) -> None:
        for rec in records:
            periods = [Role("", p.get("sector"), _date(p.get("start")), _date(p.get("end"), True), p.get("country"))
                       for p in _as_list(rec.get("periods"))]
            org = Organization(str(rec["id"]), str(rec["name"]), rec.get("country"), rec.get("sector"),
                               str(rec.get("kind") or "group"), [str(a) for a in _as_list(rec.get("aliases"))],
                               bool(rec.get("loaded")), periods)
            self.organizations[org.id] = org
            for text in {v for t in [org.name, *org.aliases] for v in _spellings(t)}:
                self._add_surface(text, Entry("organization", org.id, loaded=org.loaded))

    def add_people(self, records: Iterable[dict]) -> None:
        for rec in records:
            roles = [Role(str(r.get("title") or ""), r.get("sector"), _date(r.get("start")), _date(r.get("end"), True),
                          r.get("country")) for r in _as_list(rec.get("roles"))]
            person = Person(str(rec["id"]), str(rec["name"]), rec.get("country"),
                            [str(a) for a in _as_list(rec.get("aliases"))], roles, rec.get("sector"))
            self._add_person(person, in_ruler=True)

    def _add_person(self, person: Person, in_ruler: bool) -> None:
        key = normalize(person.name)
        known = self.people.get(self._person_by_name.get(key, ""))
        if known is not None and known.id != person.id:
            del self.people[known.id]  # a user's entry replaces the packaged one of the same name
            self._surnames[key.split(" ")[-1]].discard(known.id)
        self._person_by_name[key] = person.id
        self.people[person.id] = person
        for text in [person.name, *person.aliases]:
            self._add_surface(text, Entry("person", person.id), in_ruler)
            skeleton = full_name_skeleton(text)
            if " " in skeleton:
                self._skeletons[skeleton].add(person.id)
        self._surnames[key.split(" ")[-1]].add(person.id)

    def add_reference_people(self, rows: Iterable[list[str]]) -> None:
        """Rows of reference_people.tsv: id, names (|), country, fallback sector, roles (sector:start:end;...).

        Their names are looked up after NER (not ruler patterns); a hand-written person of the same id wins."""
        for person_id, names, country, sector, roles in rows:
            if person_id in self.people:
                continue
            name, *aliases = names.split("|")
            parsed = []
            for role in filter(None, roles.split(";")):
                role_sector, start, end = role.split(":")
                parsed.append(Role("", role_sector, start or None, end or None))
            self._add_person(Person(person_id, name, country, aliases, parsed, sector or None, reference=True),
                             in_ruler=False)

    def add_reference_groups(self, rows: Iterable[list[str]]) -> None:
        """Rows of reference_groups.tsv: id, names (|), country, sector, kind; looked up after NER."""
        for org_id, names, country, sector, kind in rows:
            if org_id in self.organizations:
                continue
            name, *aliases = names.split("|")
            self.organizations[org_id] = Organization(org_id, name, country, sector or None, kind, aliases)
            for text in names.split("|"):
                self._add_surface(text, Entry("organization", org_id), in_ruler=False)

    def add_places(self, records: Iterable[dict], in_ruler: bool) -> None:
        """Cities and regions: `{name, aliases, country}`; a place names the state it lies in (no sector)."""
        for rec in records:
            country = str(rec["country"])
            for text in [rec["name"], *_as_list(rec.get("aliases"))]:
                self._add_surface(str(text), Entry("place", country), in_ruler)

    def _add_surface(self, text: str, entry: Entry, in_ruler: bool = True) -> None:
        text = text.strip()
        if not text:
            return
        entry = self._entries.setdefault(entry, entry)  # one object per entry: 37,000 places share ~200
        # a later entry (a user's file) wins over an earlier one of the same kind for the same name
        if in_ruler and entry not in self._surfaces[text]:
            self._surfaces[text].insert(0, entry)
        key = normalize(text)
        for table in (self._lookup,) if in_ruler else (self._lookup, self._lookup_only):
            entries = table[key]
            if entry not in entries:
                entries.insert(0, entry)

    def _finish(self) -> None:
        self.title_table = PhraseTable((text, {"sector": sector, "kind": "title"}) for text, sector in self.titles)
        self.institution_table = PhraseTable(
            (text, {"sector": sector, "kind": "institution", "loaded": loaded, "owned": owned})
            for text, sector, loaded, owned in self.institutions)
        self.modifier_table = PhraseTable((m, {}) for m in self.words.get("modifiers", []))
        self.leader_titles = {PhraseTable.key(t) for t in self.words.get("leader_titles", [])}
        self.titled_people = [p for p in self.people.values() if not p.reference]  # reference roles have no titles
        self._country_words = {key: Entry(kind, c.iso3) for c in self.countries.values()
                               for kind, texts in (("country", [c.name, *c.aliases]), ("adjective", c.adjectives))
                               for key in map(normalize, texts) if len(key) >= 5 and key.isalpha()}

    # -- lookups ------------------------------------------------------------------------------------------------------
    def _best(self, entries: list[Entry]) -> Entry | None:
        entries = [e for e in entries if e.kind != "person" or e.key in self.people]
        if not entries:
            return None
        return min(entries, key=lambda e: ENTRY_PRIORITY.index(e.kind))

    def lookup(self, text: str) -> Entry | None:
        """The entry a name refers to ("U.S.", "the Kremlin", "Lavrov's" ...), or None; a hyphenated name may be
        known without its hyphens ("Jean-Bertrand Aristide")."""
        key = normalize(text)
        found = self._best(self._lookup.get(key, []))
        if found is None and "-" in key:
            found = self._best(self._lookup.get(" ".join(key.replace("-", " ").split()), []))
        return found

    def place(self, text: str) -> Entry | None:
        """The place a name also names: "Brussels" stands for the EU and is a city of Belgium."""
        return next((e for e in self._lookup.get(normalize(text), []) if e.kind == "place"), None)

    def lookup_unruled(self, text: str) -> Entry | None:
        """The entry of a name that the entity ruler does not match (reference people and groups, cities)."""
        return self._best(self._lookup_only.get(normalize(text), []))

    def lookup_keys(self) -> Iterable[str]:
        """Every normalized name the registry knows."""
        return self._lookup.keys()

    def person_by_surname(self, name: str) -> Person | None:
        """The one known person whose surname is the last word of `name`: the one hand-written person with it, else
        the one reference person. Given names in `name` must fit the person's ("Tom King" is not "Stephenson
        King"; "Javad Zarif" is "Mohammad Javad Zarif")."""
        words = normalize(name).replace("-", " ").split(" ")
        people = [self.people[i] for i in self._surnames.get(words[-1], ()) if i in self.people]
        people = [p for p in people if _given_names_fit(words[:-1], p)]
        for group in ([p for p in people if not p.reference], [p for p in people if p.reference]):
            if group:
                return group[0] if len(group) == 1 else None
        return None

    def given_names_fit(self, given: list[str], person_id: str) -> bool:
        """Whether the words written before a surname fit the given names of the person `person_id`."""
        person = self.people.get(person_id)
        return person is not None and _given_names_fit([normalize(w) for w in given], person)

    def titled_namesake(self, name: str, title: str, date: str) -> Person | None:
        """The one known person with the surname of `name` whose given names fit and who holds a role named `title`
        at `date`: "Prime Minister Bhutto" in 1995 is Benazir, not Bilawal."""
        words = normalize(name).replace("-", " ").split(" ")
        wanted = set(_title_words(title))
        found = [p for i in self._surnames.get(words[-1], ()) if (p := self.people.get(i)) is not None and
                 _given_names_fit(words[:-1], p) and (role := p.role_at(date)) is not None and wanted and
                 wanted <= set(_title_words(role.title))]
        return found[0] if len(found) == 1 else None

    def country_by_misspelling(self, text: str) -> Entry | None:
        """The one country name or adjective that `text`, six letters or more, misspells by one letter dropped,
        added, changed or two swapped ("Ethopia", "Quatar"); never a name that is known as written."""
        key = normalize(text)
        if len(key) < 6 or not key.isalpha() or self.lookup(text) is not None:
            return None
        found = {entry for word, entry in self._country_words.items()
                 if abs(len(word) - len(key)) <= 1 and _one_edit(word, key)}
        return found.pop() if len(found) == 1 else None

    def person_by_spelling(self, name: str) -> Person | None:
        """The one known person whose full name is spelt like `name` up to transliteration ("Abdelaziz
        Bouteflicka", "Juvenal Habyariman", "Andrey Kartapolov"); the hand-written person first."""
        skeleton = full_name_skeleton(name)
        if " " not in skeleton:
            return None
        people = [self.people[i] for i in self._skeletons.get(skeleton, ()) if i in self.people]
        for group in ([p for p in people if not p.reference], [p for p in people if p.reference]):
            if group:
                return group[0] if len(group) == 1 else None
        return None

    def role_holders(self, country: str, title: str, date: str) -> list[Person]:
        """People of `country` holding a role named `title` (or a leader's role for "leader") at `date`."""
        wanted = set(_title_words(title))
        leader = PhraseTable.key(title) in ("leader", "leaders", "head of state", "ruler", "strongman")
        found = []
        for person in self.titled_people:
            role = person.role_at(date)
            if role is None or (role.country or person.country) != country:
                continue
            role_key = PhraseTable.key(role.title)
            words = set(_title_words(role.title))
            if leader and role_key in self.leader_titles or wanted and (
                    wanted == words if PhraseTable.key(title) in self.shared_titles else wanted <= words):
                found.append(person)
        exact = [p for p in found if set(_title_words(p.role_at(date).title)) == wanted]  # not "deputy ..."
        return exact or found

    def ruler_patterns(self) -> list[dict[str, str]]:
        """Entity-ruler phrase patterns (ORTH) for every surface form, with the entry in the pattern id."""
        patterns = []
        for text, entries in self._surfaces.items():
            entry = self._best(entries)
            if entry is None:
                continue
            for variant in _pattern_variants(text, entry.kind):
                patterns.append({"label": ENTRY_LABELS[entry.kind], "pattern": variant, "id": entry.ruler_id})
        return patterns

    # -- actors -------------------------------------------------------------------------------------------------------
    def publisher_country(self, url: str | None) -> str | None:
        """The state whose government publishes at the URL's domain or a subdomain of it, else None."""
        host = (urlsplit(url).hostname or "") if url and "//" in url else ""
        parts = host.lower().removeprefix("www.").split(".")
        for n in range(len(parts) - 1):
            if country := self.publishers.get(".".join(parts[n:])):
                return country
        return None

    def country_name(self, iso3: str | None) -> str:
        if iso3 and iso3 in self.countries:
            return self.countries[iso3].name
        return iso3 or "unknown"

    def state_actor(self, iso3: str) -> Actor:
        return Actor(iso3, self.country_name(iso3), iso3, None, "state")

    def sector_actor(self, iso3: str | None, sector: str | None, name: str | None = None) -> Actor:
        """A country's (or an IGO's) sector: "RUS-MIL", "UNO-MIL"; the state itself without a sector; a sector of an
        unknown country without one ("---CVL")."""
        if iso3 is None:
            return Actor(f"---{sector}", f"unknown country ({sector})", None, sector, "sector")
        if not sector:
            return self.state_actor(iso3)
        return Actor(f"{iso3}-{sector}", f"{name or self.country_name(iso3)} ({sector})", iso3, sector, "sector")

    def organization_actor(self, org: Organization, date: str | None = None) -> Actor:
        """The organisation as an actor, with its country and sector at `date` when they changed over time."""
        kind = "group" if org.kind == "group" else "organization"
        return Actor(org.id, org.name, org.country_at(date), org.sector_at(date), kind)

    def person_actor(self, person: Person, date: str) -> Actor:
        return Actor(person.id, person.name, person.country_at(date), person.sector_at(date), "person")


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words differ by one letter dropped, added or changed, or two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and
                                  a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


BRITISH_SPELLINGS = (("ization", "isation"), ("Defense", "Defence"), ("Labor", "Labour"), ("Center", "Centre"))


def _spellings(name: str) -> set[str]:
    """A name in its American and British spellings ("World Health Organization", "... Organisation")."""
    forms = {name}
    for american, british in BRITISH_SPELLINGS:
        forms |= {f.replace(american, british) for f in forms} | {f.replace(british, american) for f in forms}
    return forms


def _given_names_fit(given: list[str], person: Person) -> bool:
    """Each given name or initial of a text fits a word of the person's names ("J." fits "Joseph")."""
    if not given:
        return True
    names = (normalize(text).replace("-", " ").split(" ") for text in (person.name, *person.aliases))
    known = {w for words in names for w in words[:-1]}
    initials = {w[:1] for w in known}
    skeletons = {name_skeleton(w) for w in known}
    return all(w in known or (len(w) == 1 and w in initials) or name_skeleton(w) in skeletons for w in given)


def _title_words(title: str) -> list[str]:
    """Content words of a title, for comparing "foreign minister" with "Minister of Foreign Affairs"."""
    skip = {"of", "the", "for", "and", "affairs", "&"}
    words = re.findall(r"[a-z]+", title.lower().replace("defence", "defense"))
    return [w for w in words if w not in skip]


# ---------------------------------------------------------------------------------------------------------------------
# Connecting spaCy pipelines to registries

_REGISTRIES: dict[int, tuple[Any, ActorRegistry]] = {}


def register_nlp(nlp: Language, registry: ActorRegistry) -> None:
    """Remember which registry built `nlp`'s ruler, so `resolve` finds it from a Doc."""
    _REGISTRIES[id(nlp.vocab)] = (nlp.vocab, registry)


def registry_for(doc: Doc) -> ActorRegistry:
    found = _REGISTRIES.get(id(doc.vocab))
    return found[1] if found and found[0] is doc.vocab else ActorRegistry.default()


# ---------------------------------------------------------------------------------------------------------------------
# Resolution


def document_date(analysis: DocumentAnalysis) -> str:
    """The publication date, or today when unknown (roles are then read as of now)."""
    published = analysis.document.published
    return published[:10] if published else datetime.date.today().isoformat()


def resolve(doc: Doc, analysis: DocumentAnalysis, section: str = "body",
            registry: ActorRegistry | None = None) -> list[Mention]:
    """Every mention of an actor in `doc` (one section of `analysis.document`), in text order.

    Fills `analysis.actors` with each actor referenced; the caller appends the mentions to `analysis.mentions`."""
    from .coref import Resolver

    return Resolver(registry or registry_for(doc), doc, analysis, section).run()


class MentionIndex:
    """Mentions of one section looked up by character span."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        return [m for m in self.mentions[lo:bisect.bisect_left(self._starts, end)] if m.end <= end]

    def alike(self, mention: Mention) -> list[Mention]:
        """The mention and the others of exactly its span: "Sierra Leonean and Liberian refugees" is two actors."""
        lo = bisect.bisect_left(self._starts, mention.start)
        return [mention] + [m for m in self.mentions[lo:bisect.bisect_right(self._starts, mention.start)]
                            if m.end == mention.end and m is not mention]

    def at(self, start: int, end: int, head: int | None = None) -> Mention | None:
        """The mention of exactly this span, else one covering it, else (for a phrase) the one holding its head.

        `head` is the character offset of the phrase's head word when known; otherwise the longest mention
        inside the span wins (the first on ties)."""
        covering = [m for m in self.mentions[:bisect.bisect_right(self._starts, start)] if m.end >= end]
        exact = [m for m in covering if m.start == start and m.end == end]
        if exact:
            return exact[0]
        if covering:
            return min(covering, key=lambda m: m.end - m.start)
        inside = self.within(start, end)
        if head is not None:
            at_head = [m for m in inside if m.start <= head < m.end]
            if at_head:
                return at_head[0]
        return max(inside, key=lambda m: m.end - m.start) if inside else None


def actor_ref(mention: Mention, analysis: DocumentAnalysis) -> ActorRef:
    """The ActorRef of a mention: its actor's name with the country and sector at the time of the text."""
    actor = analysis.actors.get(mention.actor_id)
    return mention.ref(actor.name if actor else mention.text)
