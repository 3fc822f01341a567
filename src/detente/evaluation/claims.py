"""Accuracy and speed of relationship claims (`detente eval claims`, `detente bench`).

The labelled set is tests/data/claims.jsonl: sentences from ../shared/corpora (Kremlin, White House, Wikinews; `source`
names the document, `date` its publication date) and sentences in our own words (`source` "own"), each labelled by
hand before the extractor was run. Labelling rules:

- a claim needs both actors named in the sentence (a name, a demonym, a capital, an organisation; "our"/"we" only
  when the sentence names its speaker, e.g. a transcript label "Vladimir Putin: ..."); people stand for their state;
- relation nouns and friendly/allied relations stated as existing count ("to strengthen the partnership between A and
  B" presupposes it); plans and wishes without an existing relation do not; generic "allies", "partners" without a
  named second actor, wartime "the enemy", "allied forces", "friendly fire", vocatives and domestic politics are not
  claims;
- `a`/`b` are ISO3 codes for states and state officials, upper-case codes for IGOs (NATO), or a lower-case fragment
  of a non-state actor's id or name ("hezbollah", "houthi"; alternatives joined by "|"); REB matches any rebel
  actor; `holder` is the speaker's country,
  the group's words, or null when the sentence alone does not say;
- records alternate between `dev` (even line numbers) and `test` (odd) splits; tune on dev, report test.

A predicted claim matches an expected one on (dyad, relation, polarity): the dyad is unordered for symmetric
relations and ordered for asymmetric ones, after rewriting a relation as its inverse where one is defined
(proxy(a, b) == patron(b, a)). Holder accuracy is measured on matched claims: same holder kind, and the same
country or words where the label names one.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..claims import extract_claims, relations
from ..model import ActorRef, Claim
from . import listed

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "claims.jsonl"
CORPORA = ("wikinews/wikinews_intl_politics_2019_2020.jsonl", "kremlin/kremlin_en_foreign_policy_2016_2020.jsonl",
           "whitehouse/whitehouse_biden_intl_2021_2024.jsonl")


def load(path: Path = DATA, split: str | None = None) -> list[dict[str, Any]]:
    """The labelled records, optionally one split only."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in records if split is None or r["split"] == split]


def _matches(code: str, ref: ActorRef) -> bool:
    """Whether a label code names the actor: ISO3/IGO codes exactly, lower-case codes as a fragment of the id."""
    if "|" in code:
        return any(_matches(part, ref) for part in code.split("|"))
    if code.islower():
        return code in ref.actor_id.lower() or code in ref.name.lower()
    return code in (ref.actor_id.upper(), (ref.country or "").upper(), (ref.sector or "").upper())


def _canonical(relation: str, a: Any, b: Any) -> tuple[str, Any, Any]:
    inverse = relations().get(relation, {}).get("inverse")
    if inverse and inverse < relation:
        return inverse, b, a
    return relation, a, b


def _claim_matches(expected: dict[str, Any], claim: Claim) -> bool:
    vocabulary = relations()
    e_rel, e_a, e_b = _canonical(expected["relation"], expected["a"], expected["b"])
    c_rel, c_a, c_b = _canonical(claim.relation, claim.a, claim.b)
    if e_rel != c_rel or expected["polarity"] != claim.polarity:
        return False
    if _matches(e_a, c_a) and _matches(e_b, c_b):
        return True
    return bool(vocabulary[e_rel].get("symmetric")) and _matches(e_a, c_b) and _matches(e_b, c_a)


def _holder_correct(expected: dict[str, Any], claim: Claim) -> bool:
    if expected["holder_kind"] != claim.holder_kind:
        return False
    wanted = expected.get("holder")
    if not wanted or claim.holder_kind == "author":
        return True
    if claim.holder_kind == "group":
        return (claim.holder_text or "").lower() == wanted.lower()
    return claim.holder is not None and _matches(wanted, claim.holder)


def score(records: list[dict[str, Any]], predictions: list[list[Claim]]) -> dict[str, Any]:
    """Precision, recall, F1 and holder accuracy of predicted claims against the labels."""
    tp = fp = fn = holder_ok = 0
    modality_ok = 0
    errors: list[dict[str, Any]] = []
    per_relation: Counter[tuple[str, str]] = Counter()
    for record, claims in zip(records, predictions):
        unmatched = list(claims)
        for expected in record["expected"]:
            hit = next((c for c in unmatched if _claim_matches(expected, c)), None)
            if hit is None:
                fn += 1
                per_relation[(expected["relation"], "fn")] += 1
                errors.append({"id": record["id"], "error": "missed", "expected": expected, "text": record["text"]})
                continue
            unmatched.remove(hit)
            tp += 1
            per_relation[(expected["relation"], "tp")] += 1
            holder_ok += _holder_correct(expected, hit)
            modality_ok += expected["modality"] == hit.modality
        for claim in unmatched:
            fp += 1
            per_relation[(claim.relation, "fp")] += 1
            errors.append({"id": record["id"], "error": "spurious", "text": record["text"],
                           "claim": [claim.a.actor_id, claim.relation, claim.b.actor_id, claim.polarity]})
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    relations_seen = sorted({r for r, _ in per_relation})
    return {
        "sentences": len(records),
        "negative_sentences": sum(1 for r in records if not r["expected"]),
        "expected_claims": tp + fn,
        "predicted_claims": tp + fp,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "holder_accuracy": round(holder_ok / tp, 3) if tp else 0.0,
        "modality_accuracy": round(modality_ok / tp, 3) if tp else 0.0,
        "details": {
            "per_relation": [[r, per_relation[(r, "tp")], per_relation[(r, "fp")], per_relation[(r, "fn")]]
                             for r in relations_seen],
            "per_relation_columns": ["relation", "tp", "fp", "fn"],
            "errors": errors,
        },
    }


def predict(records: list[dict[str, Any]], pipeline: Any = None) -> list[list[Claim]]:
    """Run the full pipeline on each labelled sentence (as a headline or a body) and keep its claims."""
    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    predictions = []
    for record in records:
        text = record["text"]
        if record["section"] == "title":
            analysis = pipeline.analyze_text("", title=text, published=record.get("date"), document_id=record["id"])
        else:
            analysis = pipeline.analyze_text(text, published=record.get("date"), document_id=record["id"])
        predictions.append([c for c in analysis.claims if c.section == record["section"]])
    return predictions


def run(shared: Path | None = None, split: str = "test", pipeline: Any = None) -> dict[str, Any]:
    """Claims accuracy on one split of tests/data/claims.jsonl (`shared` is unused: the set lives in the repo)."""
    records = load(split=None if split == "all" else split)
    result = score(records, predict(records, pipeline))
    result["details"] |= listed(result["details"].pop("errors"), split, "errors")
    return {"split": split, **result}


def bench(shared: Path, limit: int | None = None, pipeline: Any = None) -> dict[str, Any]:
    """Time the claims stage against NLP + actors on ../shared/corpora (seconds and the share it adds)."""
    from .. import actors
    from ..model import Document, DocumentAnalysis

    if pipeline is None:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    documents = []
    for name in CORPORA:
        for line in (shared / "corpora" / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            documents.append(Document(id=record["id"], path=name, body=record["text"], title=record.get("title"),
                                      published=record.get("date")))
    documents = documents[:limit] if limit else documents
    nlp_seconds = actor_seconds = claim_seconds = 0.0
    found = 0
    for document in documents:
        sections = {"title": document.title or "", "body": document.body}
        start = time.perf_counter()
        parsed = dict(zip(sections, pipeline.parse(sections.values())))
        nlp_seconds += time.perf_counter() - start
        analysis = DocumentAnalysis(document=document)
        start = time.perf_counter()
        for section, doc in parsed.items():
            analysis.mentions += actors.resolve(doc, analysis, section)
        actor_seconds += time.perf_counter() - start
        start = time.perf_counter()
        for section, doc in parsed.items():
            found += len(extract_claims(doc, analysis, section))
        claim_seconds += time.perf_counter() - start
    base = nlp_seconds + actor_seconds
    return {
        "documents": len(documents),
        "claims": found,
        "nlp_seconds": round(nlp_seconds, 3),
        "actors_seconds": round(actor_seconds, 3),
        "claims_seconds": round(claim_seconds, 3),
        "claims_share_of_nlp_actors": round(claim_seconds / base, 3) if base else 0.0,
    }
