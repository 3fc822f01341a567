"""Framing per source: loaded terms, scare quotes, tone toward each actor and the share of quoted voice.

A source is an outlet; documents without an outlet are grouped under "unknown". Tone is VADER's compound score
(-1 … +1, with data/framing/political_tone.tsv added to its lexicon) of every sentence that mentions an actor,
averaged per target actor over all the source's sentences, not per document.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from .model import ActorRef, Corpus, Document
from .network import MentionLookup, node_names, node_of, source_name

Location = tuple[str, str, int, int]  # (document id, section, start, end)


def _data_lines(name: str) -> list[str]:
    text = resources.files("detente").joinpath(f"data/framing/{name}").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def analyzer() -> SentimentIntensityAnalyzer:
    """VADER with our political-prose lexicon added."""
    sentiment = SentimentIntensityAnalyzer()
    for line in _data_lines("political_tone.tsv"):
        word, valence = line.split("\t")
        sentiment.lexicon[word] = float(valence)
    return sentiment


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(_data_lines("abbreviations.txt"))


_BREAK = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"  # a stop, closing marks, then the start of a sentence
    r"|\n"  # or a line break
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group() == "\n" or not match.group().startswith("."):
        return True
    word = _WORD_BEFORE.search(text, 0, match.start())
    if word is None:
        return True
    token = word.group(1).casefold()
    is_initial = len(token) == 1 and token.isalpha()
    return not is_initial and token not in _abbreviations()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (and line) spans of a text, without surrounding white space."""
    spans = []
    start = 0
    for match in _BREAK.finditer(text):
        if _ends_sentence(text, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def section_text(document: Document, section: str) -> str:
    return (document.title or "") if section == "title" else document.body


@dataclass
class TermUse:
    """A loaded term or scare-quoted phrase as one source uses it."""

    text: str
    actor_id: str | None
    count: int = 0
    locations: list[Location] = field(default_factory=list)


@dataclass
class TargetTone:
    """A source's tone toward one actor: mean VADER compound of the sentences that mention it."""

    actor_id: str
    name: str
    tone: float
    sentences: int
    locations: list[Location] = field(default_factory=list)


@dataclass
class SourceFraming:
    source: str
    documents: list[str]
    words: int
    loaded_terms: list[TermUse]
    scare_quotes: list[TermUse]
    tone: list[TargetTone]  # most mentioned first
    voice_share: dict[str, float]  # speaker's country (or actor) -> share of the quoted characters
    quoted_chars: int


@dataclass
class DocumentTone:
    """Mean compound score of a document's sentences that mention an actor (all sentences when none does)."""

    tone: float | None
    by_target: dict[str, list[tuple[float, Location]]]


def document_tone(document: Document, lookup: MentionLookup) -> DocumentTone:
    sentiment = analyzer()
    scores: list[float] = []
    plain: list[float] = []
    by_target: dict[str, list[tuple[float, Location]]] = defaultdict(list)
    for section in ("title", "body"):
        text = section_text(document, section)
        for start, end in sentence_spans(text):
            score = sentiment.polarity_scores(text[start:end])["compound"]
            targets = {m.actor_id for m in lookup.within(document.id, section, start, end)}
            if targets:
                scores.append(score)
            else:
                plain.append(score)
            for actor_id in targets:
                by_target[actor_id].append((score, (document.id, section, start, end)))
    chosen = scores or plain
    return DocumentTone(round(sum(chosen) / len(chosen), 3) if chosen else None, dict(by_target))


def word_count(document: Document) -> int:
    return len(document.body.split())


def document_tones(corpus: Corpus) -> dict[str, DocumentTone]:
    lookup = MentionLookup(corpus.mentions)
    return {d.id: document_tone(d, lookup) for d in corpus.documents if not d.duplicate_of}


def is_placeholder(actor_id: str) -> bool:
    """An actor id standing for "someone of unknown country" (`---GOV`): not a target worth a tone."""
    return actor_id.startswith("-")


def _voice(speaker: ActorRef | None) -> str:
    """Whose voice a quote is: the speaker's country, else the speaker, else "unattributed"."""
    if speaker is None:
        return "unattributed"
    if node_of(speaker):
        return node_of(speaker)
    return "unknown country" if is_placeholder(speaker.actor_id) else speaker.actor_id


def framing_by_source(corpus: Corpus, tones: dict[str, DocumentTone] | None = None) -> list[SourceFraming]:
    """Framing of every source, largest source first; near-duplicates are left out (they repeat another text)."""
    tones = tones if tones is not None else document_tones(corpus)
    names = node_names(corpus)
    documents = {d.id: d for d in corpus.documents if not d.duplicate_of}
    by_source: dict[str, list[Document]] = defaultdict(list)
    for document in documents.values():
        by_source[source_name(document.outlet)].append(document)

    def source_of(document_id: str) -> str | None:
        document = documents.get(document_id)
        return source_name(document.outlet) if document else None

    loaded: dict[str, dict[tuple[str, str | None], TermUse]] = defaultdict(dict)
    scare: dict[str, dict[str, TermUse]] = defaultdict(dict)
    signalled: set[tuple[str, int, int]] = set()
    for signal in corpus.framing:
        source = source_of(signal.document_id)
        if source is None:
            continue
        location = (signal.document_id, "body", signal.start, signal.end)
        if signal.kind == "scare_quote":
            use = scare[source].setdefault(signal.text.casefold(), TermUse(signal.text, signal.actor_id))
        else:
            signalled.add((signal.document_id, signal.start, signal.end))
            use = loaded[source].setdefault((signal.text.casefold(), signal.actor_id),
                                            TermUse(signal.text, signal.actor_id))
        use.count += 1
        use.locations.append(location)
    for mention in corpus.mentions:
        source = source_of(mention.document_id)
        if not mention.loaded or source is None or (mention.document_id, mention.start, mention.end) in signalled:
            continue
        use = loaded[source].setdefault((mention.text.casefold(), mention.actor_id),
                                        TermUse(mention.text, mention.actor_id))
        use.count += 1
        use.locations.append((mention.document_id, mention.section, mention.start, mention.end))

    position = {d: n for n, d in enumerate(documents)}
    for use in [u for terms in loaded.values() for u in terms.values()] + \
            [u for terms in scare.values() for u in terms.values()]:
        use.locations.sort(key=lambda loc: (position[loc[0]], loc[1] != "title", loc[2]))

    voice: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in corpus.quotes:
        source = source_of(quote.document_id)
        if source is not None:
            speaker = _voice(quote.speaker)
            voice[source][speaker] += len(quote.text)

    result = []
    for source, members in by_source.items():
        targets: dict[str, list[tuple[float, Location]]] = defaultdict(list)
        for document in members:
            for actor_id, samples in tones[document.id].by_target.items():
                if not is_placeholder(actor_id):
                    targets[actor_id] += samples
        tone = [TargetTone(actor_id, names.get(actor_id, actor_id),
                           round(sum(s for s, _ in samples) / len(samples), 3), len(samples),
                           [location for _, location in samples])
                for actor_id, samples in targets.items()]
        tone.sort(key=lambda t: (-t.sentences, t.name))
        quoted = sum(voice[source].values())
        shares = {names.get(k, k): round(v / quoted, 3)
                  for k, v in voice[source].most_common()} if quoted else {}
        result.append(SourceFraming(
            source=source,
            documents=[d.id for d in members],
            words=sum(word_count(d) for d in members),
            loaded_terms=sorted(loaded[source].values(), key=lambda u: (-u.count, u.text)),
            scare_quotes=sorted(scare[source].values(), key=lambda u: (-u.count, u.text)),
            tone=tone,
            voice_share=shares,
            quoted_chars=quoted,
        ))
    result.sort(key=lambda f: (-len(f.documents), f.source))
    return result
