"""The dyad model: how each pair of actors relates across the corpus, with the evidence behind every number.

A dyad is an unordered pair of nodes. At the `country` level a node is a country (ISO3) or an IGO code; `sector`
drills down to `RUS-MIL`-style country sectors and `actor` to single actors (people, organisations). Only events
that are said to have happened (not negated, not hypothetical, intended or future) count towards the figures.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import networkx as nx
import yaml

from .model import ActorRef, Claim, Corpus, Event, Mention

Level = Literal["country", "sector", "actor"]
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
OCCURRED = ("asserted", "reported")


@dataclass(frozen=True)
class RelationTable:
    """Valence and wording of each relation (data/compare/relations.yaml), with the symmetry, inverses and
    incompatible pairs of the claims vocabulary (data/claims/relations.yaml)."""

    valence: dict[str, float]
    denied_factor: float
    incompatible: frozenset[frozenset[str]]
    phrases: dict[str, str]
    symmetric: frozenset[str]
    inverse: dict[str, str]

    def canonical(self, claim: Claim) -> tuple[str, str, str]:
        """(relation, a node, b node) with inverse relations written one way: proxy(a, b) becomes patron(b, a)."""
        relation, a, b = claim.relation, node_of(claim.a), node_of(claim.b)
        inverse = self.inverse.get(relation)
        if inverse and inverse < relation:
            relation, a, b = inverse, b, a
        return relation, a, b

    def phrase(self, relation: str, a: str, b: str) -> str:
        """An affirmed claim in words: "Russia and Iran are allies"."""
        return self.phrases.get(relation, "{a} and {b}: " + relation).format(a=a, b=b)

    def claim_score(self, claim: Claim) -> float | None:
        """Where a claim sits on the cooperation (+1) / conflict (-1) scale; None for an unknown relation."""
        value = self.valence.get(claim.relation)
        if value is None:
            return None
        return value if claim.polarity == "affirmed" else value * self.denied_factor

    def incompatible_with(self, relation: str) -> set[str]:
        return {other for pair in self.incompatible if relation in pair for other in pair if other != relation}


@lru_cache(maxsize=1)
def relation_table() -> RelationTable:
    from .claims import relations

    text = resources.files("detente").joinpath("data/compare/relations.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    vocabulary = relations()
    return RelationTable(
        valence={k: float(v) for k, v in data["valence"].items()},
        denied_factor=float(data["denied_factor"]),
        incompatible=frozenset([frozenset((name, other)) for name, spec in vocabulary.items()
                                for other in spec.get("incompatible") or ()]
                               + [frozenset(pair) for pair in data.get("also_incompatible") or ()]),
        phrases=dict(data["phrases"]),
        symmetric=frozenset(name for name, spec in vocabulary.items() if spec.get("symmetric")),
        inverse={name: spec["inverse"] for name, spec in vocabulary.items() if spec.get("inverse")},
    )


def known_country(ref: ActorRef | Mention) -> str | None:
    """The actor's country or IGO code; None when the text does not say ("---" codes an unknown country)."""
    country = ref.country
    return country if country and not country.startswith("-") else None


def node_of(ref: ActorRef | Mention, level: Level = "country") -> str | None:
    """The network node an actor reference belongs to at a level of detail (None: no country known)."""
    if level == "actor":
        return ref.actor_id
    country = known_country(ref)
    if country is None:
        return None
    if level == "sector":
        return f"{country}-{ref.sector}" if ref.sector and ref.sector != country else country
    return country


def dyad_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def event_occurred(event: Event) -> bool:
    return not event.negated and event.modality in OCCURRED


def event_date(event: Event, published: dict[str, str | None]) -> str | None:
    """The event's own date, else the publication date of its document."""
    return event.date or published.get(event.document_id)


@dataclass
class Dyad:
    """Everything the corpus says about one pair of nodes; every figure lists the ids it was computed from."""

    key: tuple[str, str]
    level: Level
    events: list[str] = field(default_factory=list)
    quad_counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUAD_CLASSES, 0))
    goldstein_mean: float | None = None
    timeline: list[tuple[str | None, str]] = field(default_factory=list)  # (date, event id), dated first
    claims_by_source: dict[str, list[str]] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)  # one side's quotes that name the other side
    balance: float | None = None  # mean cooperation (+1) / conflict (-1) score of its events and claims
    balance_evidence: list[str] = field(default_factory=list)

    @property
    def evidence(self) -> list[str]:
        claims = [c for ids in self.claims_by_source.values() for c in ids]
        return self.events + claims + self.quotes

    @property
    def weight(self) -> int:
        return len(self.evidence)


class MentionLookup:
    """Mentions of each document section, sorted by offset, for span queries."""

    def __init__(self, mentions: Iterable[Mention]):
        grouped: dict[tuple[str, str], list[Mention]] = defaultdict(list)
        for m in mentions:
            grouped[(m.document_id, m.section)].append(m)
        self._mentions = {k: sorted(v, key=lambda m: m.start) for k, v in grouped.items()}
        self._starts = {k: [m.start for m in v] for k, v in self._mentions.items()}

    def within(self, document_id: str, section: str, start: int, end: int) -> list[Mention]:
        key = (document_id, section)
        if key not in self._mentions:
            return []
        mentions, starts = self._mentions[key], self._starts[key]
        i = bisect.bisect_left(starts, start)
        found = []
        while i < len(mentions) and mentions[i].start < end:
            if mentions[i].end <= end:
                found.append(mentions[i])
            i += 1
        return found


def source_name(outlet: str | None) -> str:
    """The source a document is counted under: its outlet, or "unknown"."""
    return outlet.strip() if outlet and outlet.strip() else "unknown"


def dyads(corpus: Corpus, level: Level = "country") -> dict[tuple[str, str], Dyad]:
    """Every dyad of the corpus at a level, keyed by its sorted node pair (pairs of one node are left out)."""
    table = relation_table()
    published = {d.id: d.published for d in corpus.documents}
    outlets = {d.id: source_name(d.outlet) for d in corpus.documents}
    found: dict[tuple[str, str], Dyad] = {}
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    goldstein: dict[tuple[str, str], list[float]] = defaultdict(list)

    def dyad_for(a: str | None, b: str | None) -> Dyad | None:
        if a is None or b is None or a == b:
            return None
        key = dyad_key(a, b)
        if key not in found:
            found[key] = Dyad(key=key, level=level)
        return found[key]

    for event in corpus.events:
        if event.target is None or not event_occurred(event):
            continue
        dyad = dyad_for(node_of(event.source, level), node_of(event.target, level))
        if dyad is None:
            continue
        dyad.events.append(event.id)
        dyad.quad_counts[event.quad_class] = dyad.quad_counts.get(event.quad_class, 0) + 1
        dyad.timeline.append((event_date(event, published), event.id))
        goldstein[dyad.key].append(event.goldstein)
        scores[dyad.key].append(event.goldstein / 10)
        dyad.balance_evidence.append(event.id)

    for claim in corpus.claims:
        dyad = dyad_for(node_of(claim.a, level), node_of(claim.b, level))
        if dyad is None:
            continue
        dyad.claims_by_source.setdefault(outlets.get(claim.document_id, "unknown"), []).append(claim.id)
        score = table.claim_score(claim)
        if score is not None:
            scores[dyad.key].append(score)
            dyad.balance_evidence.append(claim.id)

    lookup = MentionLookup(corpus.mentions)
    for quote in corpus.quotes:
        if quote.speaker is None:
            continue
        speaker = node_of(quote.speaker, level)
        named = {node_of(m, level) for m in lookup.within(quote.document_id, quote.section, quote.start, quote.end)}
        for other in sorted(named - {speaker, None}):
            dyad = dyad_for(speaker, other)
            if dyad is not None:
                dyad.quotes.append(quote.id)

    for key, dyad in found.items():
        if goldstein[key]:
            dyad.goldstein_mean = round(sum(goldstein[key]) / len(goldstein[key]), 3)
        if scores[key]:
            dyad.balance = round(sum(scores[key]) / len(scores[key]), 3)
        dyad.timeline.sort(key=lambda item: (item[0] is None, item[0] or "", item[1]))
    return found


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 code -> name of every state in the actor data (data/actors/countries.yaml)."""
    text = resources.files("detente").joinpath("data/actors/countries.yaml").read_text("utf-8")
    return {record["iso3"]: record["name"] for record in yaml.safe_load(text)}


def node_names(corpus: Corpus) -> dict[str, str]:
    """Display names of actors and countries: the state actor's name for a country code (from the actor data when
    the corpus has no such actor), else the code itself."""
    names = {a.id: a.name for a in corpus.actors}
    for actor in corpus.actors:
        if actor.kind in ("state", "igo", "organization") and actor.country and actor.country not in names:
            names[actor.country] = actor.name
    countries = {actor.country for actor in corpus.actors if actor.country}
    names.update({code: name for code, name in country_names().items() if code in countries and code not in names})
    return names


def build_graph(corpus: Corpus, dyad_table: dict[tuple[str, str], Dyad] | None = None) -> nx.Graph:
    """The country-level actor network: nodes are countries or IGOs, one edge per dyad.

    Edge attributes: `balance` (cooperation +1 … conflict -1, None without scored evidence), `weight` (evidence
    count), `evidence` (event, claim and quote ids), per-quad-class event counts, `goldstein_mean`, `claims`, `quotes`.
    """
    dyad_table = dyad_table if dyad_table is not None else dyads(corpus, "country")
    names = node_names(corpus)
    graph = nx.Graph()
    for key, dyad in dyad_table.items():
        for node in key:
            if node not in graph:
                graph.add_node(node, label=names.get(node, node), evidence=0)
            graph.nodes[node]["evidence"] += dyad.weight
        graph.add_edge(
            *key,
            balance=dyad.balance,
            weight=dyad.weight,
            evidence=dyad.evidence,
            events=len(dyad.events),
            claims=sum(len(v) for v in dyad.claims_by_source.values()),
            quotes=len(dyad.quotes),
            goldstein_mean=dyad.goldstein_mean,
            **dyad.quad_counts,
        )
    return graph


def write_graphml(corpus: Corpus, path: Path) -> Path:
    """Write the actor network as GraphML (lists become space-separated strings; missing numbers are left out)."""
    graph = build_graph(corpus)
    flat = nx.Graph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **data)
    for a, b, data in graph.edges(data=True):
        attributes = {k: v for k, v in data.items() if v is not None and k != "evidence"}
        attributes["evidence"] = " ".join(data["evidence"])
        flat.add_edge(a, b, **attributes)
    nx.write_graphml(flat, path)
    return path


def layout(graph: nx.Graph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Spring layout positions in [0, 1] × [0, 1] (evidence-weighted, deterministic for a seed)."""
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() == 1:
        return {next(iter(graph.nodes)): (0.5, 0.5)}
    weighted = nx.Graph()
    weighted.add_nodes_from(sorted(graph.nodes))
    for a, b, data in graph.edges(data=True):
        weighted.add_edge(a, b, strength=math.log1p(data.get("weight", 1)))
    k = 1.6 / math.sqrt(weighted.number_of_nodes())
    positions = nx.spring_layout(weighted, seed=seed, weight="strength", k=k, iterations=200)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {n: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for n, p in positions.items()}

