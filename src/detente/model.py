"""The data that flows between stages: one dataclass per record of `analysis.json`.

Every stage reads and returns these types; only `store` turns them into SQL rows and only
`export` turns them into JSON. Offsets (`start`, `end`) are character offsets into `Document.body`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

QuadClass = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
Polarity = Literal["affirmed", "denied"]
QuoteKind = Literal["direct", "indirect", "block"]
DatePrecision = Literal["day", "month", "year", "none"]
EventModality = Literal["asserted", "reported", "hypothetical", "intended", "future"]
ClaimModality = Literal["asserted", "hedged", "reported"]
HolderKind = Literal["author", "speaker", "group"]


@dataclass
class Comment:
    """A reader comment found under an article: never part of the article's own voice."""

    author: str | None
    text: str


@dataclass
class Document:
    """One article after ingestion: cleaned body plus metadata (unknown values are None)."""

    id: str
    path: str
    body: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    reader_comments: list[Comment] = field(default_factory=list)
    duplicate_of: str | None = None
    content_hash: str = ""  # sha256 of the raw input record; re-ingesting the same input is a no-op


@dataclass
class Skip:
    """An input that could not be ingested, with the reason shown to the user."""

    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass
class Actor:
    """A political actor. `kind` is state | person | organization | group | sector."""

    id: str
    name: str
    country: str | None  # ISO 3166-1 alpha-3, or an IGO code such as NATO / UNO / EUR
    sector: str | None  # CAMEO-style sector: GOV, MIL, REB, MED, BUS, LEG, JUD, OPP, IGO, ...
    kind: str


@dataclass(frozen=True)
class ActorRef:
    """How an event, quote or claim names an actor: the actor plus country and sector at that moment."""

    actor_id: str
    name: str
    country: str | None
    sector: str | None


@dataclass
class Mention:
    """A span of `body` that names (or refers back to) an actor.

    `resolved_by` says how: dictionary | ner | title | institution | demonym | metonym | epithet |
    coreference | new_actor. `loaded` marks partisan epithets (framing, never adopted)."""

    id: str
    document_id: str
    start: int
    end: int
    text: str
    actor_id: str
    country: str | None
    sector: str | None
    resolved_by: str
    loaded: bool = False
    section: str = "body"  # "title" for the headline

    def ref(self, name: str) -> ActorRef:
        return ActorRef(self.actor_id, name, self.country, self.sector)


@dataclass
class Evidence:
    """A sentence that states an event; an event stated several times keeps every one."""

    document_id: str
    sentence: str
    start: int
    end: int


@dataclass
class Event:
    """Who did what to whom, coded in PLOVER and CAMEO, with its truth conditions and date."""

    id: str
    document_id: str
    sentence: str
    start: int
    end: int
    source: ActorRef
    target: ActorRef | None
    plover: str  # PLOVER event type, or STATEMENT / APPEAL for CAMEO roots 01 / 02
    cameo: str  # CAMEO code, e.g. "0431"
    quad_class: QuadClass
    goldstein: float
    date: str | None = None
    date_precision: DatePrecision = "none"
    negated: bool = False
    modality: EventModality = "asserted"
    reported_by: ActorRef | None = None
    mode: str | None = None  # PLOVER mode where the coder knows it
    trigger: str = ""  # the verb or event noun that was coded
    evidence: list[Evidence] = field(default_factory=list)  # further sentences stating the same event
    section: str = "body"
    linked: list[str] = field(default_factory=list)  # equal events in other documents


@dataclass
class Quote:
    """Something an actor said, directly (in quote marks), indirectly, or as a block."""

    id: str
    document_id: str
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    speaker: ActorRef | None
    speaker_text: str | None = None  # the words that name the speaker in the text
    channel: ActorRef | None = None  # "... told Interfax": the outlet that carried it
    section: str = "body"


@dataclass
class FramingSignal:
    """A framing device in an article: a scare-quoted phrase or a loaded term for an actor."""

    document_id: str
    kind: Literal["scare_quote", "loaded_term"]
    text: str
    start: int
    end: int
    actor_id: str | None = None
    section: str = "body"


@dataclass
class Claim:
    """A statement of how two actors relate, with who holds it."""

    id: str
    document_id: str
    sentence: str
    start: int
    end: int
    a: ActorRef
    b: ActorRef
    relation: str  # see data/relations.yaml
    polarity: Polarity
    modality: ClaimModality
    holder: ActorRef | None  # None with holder_kind "author" means the outlet's own voice
    holder_kind: HolderKind = "author"
    holder_text: str | None = None  # "officials", "experts", a speaker's name as written
    section: str = "body"


@dataclass
class Finding:
    """A contradiction or agreement between sources, with the evidence side by side."""

    id: str
    kind: Literal["contradiction", "agreement"]
    topic: str
    dyad: tuple[str, str]
    claim_ids: list[str]
    event_ids: list[str]
    document_ids: list[str]
    explanation: str


@dataclass
class DocumentAnalysis:
    """Everything the per-document stages found in one document."""

    document: Document
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: list[FramingSignal] = field(default_factory=list)


def to_dict(record: Any) -> dict[str, Any]:
    """A dataclass as plain JSON-ready data (tuples become lists)."""
    return asdict(record)


@dataclass
class Corpus:
    """Everything stored for a set of documents: the input of compare, framing, report and export."""

    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: list[FramingSignal] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
