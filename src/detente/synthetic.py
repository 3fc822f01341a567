"""Build corpora by hand, sentence by sentence, with offsets that point at the right text.

Used by the report benchmark (a synthetic 1,000-document corpus) and by unit tests of compare, framing, network
and report, which need a `Corpus` without running the NLP pipeline.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from .model import Actor, ActorRef, Claim, Corpus, Document, Event, FramingSignal, Mention, Quote


class CorpusBuilder:
    """A Corpus under construction; actors are registered once and found by name in every sentence."""

    def __init__(self) -> None:
        self.corpus = Corpus()
        self.actors: dict[str, Actor] = {}
        self._names: dict[str, str] = {}  # surface -> actor id
        self._pattern: re.Pattern[str] | None = None

    def actor(self, actor_id: str, name: str, country: str | None, sector: str | None = None,
              kind: str = "state", aliases: tuple[str, ...] = ()) -> ActorRef:
        actor = Actor(actor_id, name, country, sector if sector is not None else ("GOV" if kind == "state" else None),
                      kind)
        self.actors[actor_id] = actor
        self.corpus.actors.append(actor)
        self._names.update({surface: actor_id for surface in (name, *aliases)})
        self._pattern = None
        return self.ref(actor_id)

    def names_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, actor id) of every registered name in the text, longest names first at a position."""
        if self._pattern is None:
            surfaces = sorted(self._names, key=len, reverse=True)
            self._pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in surfaces) + r")\b")
        return [(m.start(), m.end(), self._names[m.group()]) for m in self._pattern.finditer(text)]

    def ref(self, actor_id: str) -> ActorRef:
        actor = self.actors[actor_id]
        return ActorRef(actor.id, actor.name, actor.country, actor.sector)

    def document(self, document_id: str, outlet: str | None = None, published: str | None = None,
                 title: str | None = None, author: str | None = None, duplicate_of: str | None = None
                 ) -> DocumentBuilder:
        document = Document(id=document_id, path=f"{document_id}.txt", body="", title=title, outlet=outlet,
                            author=author, published=published, duplicate_of=duplicate_of)
        self.corpus.documents.append(document)
        return DocumentBuilder(self, document)


@dataclass
class Span:
    start: int
    end: int
    text: str


class DocumentBuilder:
    """Appends sentences to one document's body and records what they state."""

    def __init__(self, builder: CorpusBuilder, document: Document):
        self.builder = builder
        self.document = document
        self.last: Span | None = None
        self._counts = {"m": 0, "e": 0, "q": 0, "c": 0}

    def _id(self, kind: str) -> str:
        self._counts[kind] += 1
        return f"{self.document.id}#{kind}{self._counts[kind]}"

    def say(self, text: str, paragraph: bool = False) -> DocumentBuilder:
        """Append a sentence; every registered actor name in it becomes a mention."""
        body = self.document.body
        separator = "" if not body else ("\n\n" if paragraph else " ")
        start = len(body) + len(separator)
        self.document.body = body + separator + text
        self.last = Span(start, start + len(text), text)
        for begin, end, actor_id in self.builder.names_in(text):
            self.mention(start + begin, start + end, actor_id)
        return self

    def mention(self, start: int, end: int, actor_id: str, loaded: bool = False) -> Mention:
        actor = self.builder.actors[actor_id]
        mention = Mention(self._id("m"), self.document.id, start, end, self.document.body[start:end], actor_id,
                          actor.country, actor.sector, "dictionary", loaded=loaded)
        self.builder.corpus.mentions.append(mention)
        return mention

    def event(self, source: str, target: str | None, plover: str, quad_class: str, goldstein: float,
              date: str | None = None, negated: bool = False, trigger: str = "", modality: str = "asserted",
              reported_by: str | None = None, cameo: str = "") -> Event:
        """An event stated by the last sentence."""
        span = self.last
        event = Event(self._id("e"), self.document.id, span.text, span.start, span.end, self.builder.ref(source),
                      self.builder.ref(target) if target else None, plover, cameo, quad_class, goldstein,
                      date=date, date_precision="day" if date else "none", negated=negated, modality=modality,
                      reported_by=self.builder.ref(reported_by) if reported_by else None, trigger=trigger)
        self.builder.corpus.events.append(event)
        return event

    def claim(self, a: str, b: str, relation: str, polarity: str = "affirmed", holder: str | None = None,
              holder_kind: str = "author", holder_text: str | None = None, modality: str = "asserted") -> Claim:
        """A relationship claim stated by the last sentence."""
        span = self.last
        claim = Claim(self._id("c"), self.document.id, span.text, span.start, span.end, self.builder.ref(a),
                      self.builder.ref(b), relation, polarity, modality,
                      self.builder.ref(holder) if holder else None, holder_kind=holder_kind,
                      holder_text=holder_text)
        self.builder.corpus.claims.append(claim)
        return claim

    def quote(self, words: str, speaker: str | None, kind: str = "direct", cue: str = "said") -> Quote:
        """The quoted words, which must occur in the last sentence."""
        span = self.last
        start = span.start + span.text.index(words)
        quote = Quote(self._id("q"), self.document.id, words, start, start + len(words), kind, cue,
                      self.builder.ref(speaker) if speaker else None)
        self.builder.corpus.quotes.append(quote)
        return quote

    def signal(self, kind: str, words: str, actor_id: str | None = None) -> FramingSignal:
        """A framing signal (scare quote or loaded term) on words of the last sentence."""
        span = self.last
        start = span.start + span.text.index(words)
        signal = FramingSignal(self.document.id, kind, words, start, start + len(words), actor_id)
        self.builder.corpus.framing.append(signal)
        return signal


_COUNTRIES = [
    ("RUS", "Russia"), ("IRN", "Iran"), ("ISR", "Israel"), ("SYR", "Syria"), ("USA", "the United States"),
    ("TUR", "Turkey"), ("FRA", "France"), ("DEU", "Germany"), ("CHN", "China"), ("UKR", "Ukraine"),
    ("IRQ", "Iraq"), ("SAU", "Saudi Arabia"), ("QAT", "Qatar"), ("EGY", "Egypt"), ("LBN", "Lebanon"),
    ("GBR", "the United Kingdom"), ("JOR", "Jordan"), ("ARE", "the United Arab Emirates"), ("IND", "India"),
    ("JPN", "Japan"),
]
_OUTLETS = ["Wire One", "Daily Ledger", "Evening Post", "State Herald", "Global Review", "Capital Times",
            "Frontier Weekly", "Harbour News"]
_EVENTS = [  # (plover, quad class, goldstein, sentence pattern, trigger)
    ("CONSULT", "verbal_cooperation", 1.0, "Officials of {a} met their counterparts from {b} on {d}.", "met"),
    ("AGREE", "verbal_cooperation", 3.0, "{a} agreed with {b} on a plan to reopen trade routes on {d}.", "agreed"),
    ("AID", "material_cooperation", 7.0, "{a} sent humanitarian aid to {b} on {d}.", "sent"),
    ("ACCUSE", "verbal_conflict", -2.0, "{a} accused {b} of violating the ceasefire on {d}.", "accused"),
    ("THREATEN", "verbal_conflict", -4.0, "{a} threatened {b} with new sanctions on {d}.", "threatened"),
    ("ASSAULT", "material_conflict", -10.0, "Forces of {a} struck targets linked to {b} on {d}.", "struck"),
]
_FILLER = [
    "Analysts said the talks had been expected for several weeks.",
    "The statement did not give further details about the timing.",
    "Diplomats in the region described the atmosphere as tense but workable.",
    "Markets reacted calmly to the news, with oil prices almost unchanged.",
    "Local media carried the story on their front pages the next morning.",
    "Several lawmakers called for a public debate on the country's foreign policy.",
    "The announcement came after a week of intense contacts between the capitals.",
    "Observers noted that similar promises had been made before without result.",
]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def synthetic_corpus(documents: int = 1000, seed: int = 1, sentences: int = 30) -> Corpus:
    """A corpus of `documents` articles about 20 states from 8 outlets, each with events, claims and quotes.

    Article text is made of fixed patterns and filler sentences (about 20 words each); one article in fifty
    carries a `<script>` tag in its body, as hostile input would."""
    rng = random.Random(seed)
    builder = CorpusBuilder()
    for code, name in _COUNTRIES:
        builder.actor(code, name, code)
        builder.actor(f"{code.lower()}-minister", f"Minister {name.split()[-1]}ov", code, "GOV", "person")
    codes = [code for code, _ in _COUNTRIES]
    for number in range(documents):
        day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        a, b = rng.sample(codes, 2)
        names = {code: name for code, name in _COUNTRIES}
        doc = builder.document(f"doc-{number:04d}", outlet=rng.choice(_OUTLETS), published=day,
                               title=f"{names[a]} and {names[b]}: talks and tensions", author=f"Reporter {number % 37}")
        for index in range(sentences):
            roll = rng.random()
            if number % 50 == 0 and index == 3:
                doc.say("A reader posted <script>alert('x')</script> in the comments, which we print as text.")
            elif roll < 0.25:
                plover, quad, goldstein, pattern, trigger = rng.choice(_EVENTS)
                source, target = rng.sample([a, b, rng.choice([c for c in codes if c not in (a, b)])], 2)
                doc.say(_capital(pattern.format(a=names[source], b=names[target], d=day)), paragraph=index % 5 == 0)
                doc.event(source, target, plover, quad, goldstein, date=day, trigger=trigger,
                          negated=rng.random() < 0.03)
            elif roll < 0.32:
                relation = rng.choice(["ally", "partner", "rival", "enemy"])
                polarity = "denied" if rng.random() < 0.3 else "affirmed"
                words = {"ally": "allies", "partner": "partners", "rival": "rivals", "enemy": "enemies"}[relation]
                negation = "not " if polarity == "denied" else ""
                doc.say(f"{_capital(names[a])} and {names[b]} are {negation}{words}, "
                        f"the outlet's editors wrote.")
                doc.claim(a, b, relation, polarity)
            elif roll < 0.45:
                speaker = rng.choice([a, b])
                other = b if speaker == a else a
                words = f"We will not accept pressure from {names[other]} and we expect respect"
                doc.say(f"\u201c{words},\u201d Minister {names[speaker].split()[-1]}ov said.")
                doc.quote(words, f"{speaker.lower()}-minister")
            else:
                doc.say(rng.choice(_FILLER), paragraph=index % 6 == 0)
    return builder.corpus
