"""The comparison on real triplets: BASIL, 100 events each told by three outlets (`detente eval basil`).

../shared/benchmarks/quotes/basil_quotes.jsonl: one article per line with `meta.outlet` (fox, nyt, hpo),
`meta.triplet`, `meta.main_entities` and the annotators' `meta.article_level.author_feeling_<Entity>` (str-neg …
str-pos), plus `quotes`: the spans annotated as biased (only those, so it is partial gold for quotes). Every article
is run through the pipeline; per outlet we report our quote counts next to the annotated quote spans, the share of
quoted voice, and our tone toward each target actor. For the triplets' main entities we compare our per-article tone
toward the entity with the annotated author feeling (Spearman rank correlation and sign agreement on non-neutral
labels).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..framing import document_tones, framing_by_source
from ..model import Corpus, Document
from . import default_shared, require_file
from .compare import corpus_from_analyses

FEELING = {"str-neg": -2, "neg": -1, "neu": 0, "pos": 1, "str-pos": 2}
TARGETS_PER_OUTLET = 10


def load(shared: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """BASIL articles, whole triplets only, at most `limit` articles."""
    path = require_file(shared / "benchmarks" / "quotes" / "basil_quotes.jsonl")
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if limit is None:
        return records
    by_triplet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        by_triplet[record["meta"]["triplet"]].append(record)
    chosen: list[dict[str, Any]] = []
    for triplet in by_triplet.values():
        if len(chosen) + len(triplet) > limit:
            break
        chosen += triplet
    return chosen


def document(record: dict[str, Any]) -> Document:
    meta = record["meta"]
    return Document(id=record["id"], path="basil_quotes.jsonl", body=record["text"], title=meta.get("title"),
                    outlet=meta.get("outlet"), published=meta.get("date"), url=meta.get("url"))


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z ]", "", name.casefold()).strip()


def entity_actor(entity: str, corpus: Corpus, mentioned: set[str]) -> str | None:
    """The actor of an annotated entity ("Barack Obama") among those the article mentions: same name, else same
    surname."""
    wanted = _name_key(entity.replace("_", " "))
    names = {a.id: _name_key(a.name) for a in corpus.actors if a.id in mentioned}
    for actor_id, name in names.items():
        if name == wanted:
            return actor_id
    surname = wanted.split()[-1] if wanted else ""
    candidates = [actor_id for actor_id, name in names.items() if surname and name.split()[-1:] == [surname]]
    return candidates[0] if len(candidates) == 1 else None


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 3:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return round(cov / var, 3) if var else None


def run(shared: Path | None = None, limit: int | None = None, pipeline=None) -> dict[str, Any]:
    """Per-outlet quote counts and tone per target on BASIL, and tone against the annotated author feeling."""
    from ..pipeline import Pipeline

    shared = shared or default_shared()
    records = load(shared, limit)
    pipeline = pipeline or Pipeline()
    corpus = corpus_from_analyses(list(pipeline.process([document(r) for r in records])))
    tones = document_tones(corpus)
    framings = {f.source: f for f in framing_by_source(corpus, tones)}

    quotes_by_doc = Counter(q.document_id for q in corpus.quotes)
    direct_by_doc = Counter(q.document_id for q in corpus.quotes if q.kind == "direct")
    mentioned: dict[str, set[str]] = defaultdict(set)
    for mention in corpus.mentions:
        mentioned[mention.document_id].add(mention.actor_id)

    outlets: dict[str, dict[str, Any]] = {}
    pairs: list[tuple[float, int, str]] = []  # (our tone, annotated feeling, outlet)
    for record in records:
        outlet = record["meta"]["outlet"]
        row = outlets.setdefault(outlet, {"articles": 0, "quotes": 0, "direct_quotes": 0,
                                          "annotated_quote_spans": 0, "annotated_negative_spans": 0})
        row["articles"] += 1
        row["quotes"] += quotes_by_doc[record["id"]]
        row["direct_quotes"] += direct_by_doc[record["id"]]
        spans = [q for q in record.get("quotes") or [] if q.get("is_quote")]
        row["annotated_quote_spans"] += len(spans)
        row["annotated_negative_spans"] += sum(1 for q in spans if q.get("polarity") == "neg")
        feelings = record["meta"].get("article_level") or {}
        for key, label in feelings.items():
            if not key.startswith("author_feeling_") or key == "author_feeling_main_event" or label not in FEELING:
                continue
            actor_id = entity_actor(key[len("author_feeling_"):], corpus, mentioned[record["id"]])
            samples = tones[record["id"]].by_target.get(actor_id, []) if actor_id else []
            if samples:
                pairs.append((sum(s for s, _ in samples) / len(samples), FEELING[label], outlet))

    for outlet, row in outlets.items():
        framing = framings.get(outlet)
        row["quotes_per_article"] = round(row["quotes"] / row["articles"], 3)
        row["annotated_spans_per_article"] = round(row["annotated_quote_spans"] / row["articles"], 3)
        row["words"] = framing.words if framing else 0
        row["voice_share"] = dict(list(framing.voice_share.items())[:5]) if framing else {}
        row["tone_per_target"] = [{"actor": t.name, "tone": t.tone, "sentences": t.sentences}
                                  for t in (framing.tone[:TARGETS_PER_OUTLET] if framing else [])]
        own = [(tone, feeling) for tone, feeling, o in pairs if o == outlet]
        row["tone_toward_main_entities"] = round(sum(t for t, _ in own) / len(own), 3) if own else None

    polar = [(tone, feeling) for tone, feeling, _ in pairs if feeling != 0 and tone != 0]
    return {
        "articles": len(records),
        "triplets": len({r["meta"]["triplet"] for r in records}),
        "outlets": dict(sorted(outlets.items())),
        "entity_tone_vs_author_feeling": {
            "pairs": len(pairs),
            "spearman": spearman([t for t, _, _ in pairs], [float(f) for _, f, _ in pairs]),
            "sign_agreement_non_neutral": round(sum((t > 0) == (f > 0) for t, f in polar) / len(polar), 3)
            if polar else None,
            "non_neutral_pairs": len(polar),
        },
    }
