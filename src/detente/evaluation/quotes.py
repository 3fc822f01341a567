"""Quote extraction measured on PolNeAR (political news attribution relations) and its speed.

Matching follows the published quote-extraction evaluations so figures are comparable: text is cut into word tokens
(`\\w+`); a predicted quote matches a gold attribution when it covers at least 30% of the gold content's tokens
(`overlap = |pred ∩ gold| / |gold| >= 0.3`), one-to-one, best overlaps first. A stricter figure requires the same
overlap in both directions (`|pred ∩ gold| / max(|pred|, |gold|) >= 0.3`), so that one long prediction cannot stand
for a short gold quote.

Speaker match on matched quotes: the content words (`\\w+`, lower case, without articles and possessive 's) of the
predicted `speaker_text`, or of the resolved actor's name, share a word with the gold speaker span; a gold attribution
without a source matches a prediction without `speaker_text`.

Subsets: "quote_marks" compares gold attributions with `has_quote_marks` to predicted quotes (direct or block) whose
span holds or is enclosed by double quote marks, the marks the gold flag counts; "all" compares every gold
attribution (indirect speech, beliefs ...) to every predicted quote. Tune on the `dev` split, report on `test`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..model import Quote
from ..quotes import quote_parts
from . import corpus_records, require_file

BENCHMARK = Path("benchmarks") / "quotes" / "polnear.jsonl"
THRESHOLD = 0.3
SPEAKER_STOPWORDS = {"the", "a", "an", "s", "of"}
WORD = re.compile(r"\w+")
DOUBLE_MARKS = set('"“”«»„')

Analyze = Callable[[str, str, str | None], list[Quote]]


def load_records(shared: Path, split: str) -> list[dict[str, Any]]:
    """PolNeAR articles of one split (train, dev, test)."""
    path = require_file(shared / BENCHMARK)
    with path.open(encoding="utf-8") as lines:
        return [record for line in lines if (record := json.loads(line))["meta"]["split"] == split]


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the spans."""
    found: set[int] = set()
    for start, end in spans:
        found.update(m.start() for m in WORD.finditer(text, start, end))
    return found


def _words(text: str | None) -> set[str]:
    return {w for w in WORD.findall((text or "").lower())} - SPEAKER_STOPWORDS


def _marked(quote: Quote, text: str) -> bool:
    """Whether the predicted quote holds text in double quote marks (" “ ” « »), the marks PolNeAR's
    `has_quote_marks` counts (quotes in '' or single marks are not direct quotes there)."""
    return quote.kind != "indirect" and any(ch in DOUBLE_MARKS for ch in text[max(quote.start - 1, 0):quote.end + 1])


def _speaker_ok(quote: Quote, gold: dict[str, Any]) -> bool:
    if not gold["speaker_spans"]:
        return quote.speaker_text is None
    gold_words = _words(gold["speaker"])
    predicted = _words(quote.speaker_text) | _words(quote.speaker.name if quote.speaker else None)
    return bool(gold_words & predicted)


class Tally:
    """Counts for one subset."""

    def __init__(self) -> None:
        self.gold = self.predicted = self.matched = self.matched_strict = self.speaker = 0

    def add(self, text: str, gold: list[dict[str, Any]], predicted: list[Quote]) -> None:
        gold_tokens = [_tokens(text, g["quote_spans"]) for g in gold]
        pred_tokens = [_tokens(text, quote_parts(q, text)) for q in predicted]
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.matched += len(self._match(gold_tokens, pred_tokens, strict=False))
        pairs = self._match(gold_tokens, pred_tokens, strict=True)
        self.matched_strict += len(pairs)
        self.speaker += sum(_speaker_ok(predicted[p], gold[g]) for g, p in self._match(gold_tokens, pred_tokens, False))

    @staticmethod
    def _match(gold: list[set[int]], predicted: list[set[int]], strict: bool) -> list[tuple[int, int]]:
        scored = []
        for g, gold_set in enumerate(gold):
            for p, pred_set in enumerate(predicted):
                common = len(gold_set & pred_set)
                if not common or not gold_set:
                    continue
                score = common / (max(len(gold_set), len(pred_set)) if strict else len(gold_set))
                if score >= THRESHOLD:
                    scored.append((score, g, p))
        pairs, used_gold, used_pred = [], set(), set()
        for _, g, p in sorted(scored, reverse=True):
            if g not in used_gold and p not in used_pred:
                pairs.append((g, p))
                used_gold.add(g)
                used_pred.add(p)
        return pairs

    def figures(self) -> dict[str, Any]:
        def f1(matched: int) -> dict[str, float]:
            precision = matched / self.predicted if self.predicted else 0.0
            recall = matched / self.gold if self.gold else 0.0
            f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f, 3)}

        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                **f1(self.matched),
                "speaker_accuracy": round(self.speaker / self.matched, 3) if self.matched else 0.0,
                "strict": f1(self.matched_strict)}


def score(records: list[dict[str, Any]], analyze: Analyze) -> dict[str, Any]:
    """Quote-span and speaker figures of `analyze` (text, id, date → body quotes) on PolNeAR records."""
    marked, everything = Tally(), Tally()
    kinds: dict[str, int] = {}
    for record in records:
        text = record["text"]
        predicted = analyze(text, record["id"], record["meta"].get("publication_date"))
        for quote in predicted:
            kinds[quote.kind] = kinds.get(quote.kind, 0) + 1
        marked.add(text, [g for g in record["quotes"] if g["has_quote_marks"]],
                   [q for q in predicted if _marked(q, text)])
        everything.add(text, record["quotes"], predicted)
    return {"articles": len(records), "quote_marks": marked.figures(), "all": everything.figures(),
            "predicted_kinds": dict(sorted(kinds.items()))}


def _pipeline_analyze() -> Analyze:
    from ..pipeline import Pipeline

    pipeline = Pipeline()

    def analyze(text: str, document_id: str, published: str | None) -> list[Quote]:
        analysis = pipeline.analyze_text(text, published=published, document_id=document_id)
        return [q for q in analysis.quotes if q.section == "body"]

    return analyze


def run(shared: Path, split: str = "test") -> dict[str, Any]:
    """PolNeAR figures on the test split (targets: quote-mark F1 >= 0.85, speaker accuracy >= 0.80)."""
    result = {"benchmark": "PolNeAR", "split": split, "threshold": THRESHOLD}
    result.update(score(load_records(shared, split), _pipeline_analyze()))
    return result


def bench(shared: Path) -> dict[str, Any]:
    """Time the quote stage adds to NLP + actor resolution on ../shared/corpora."""
    from .. import actors, quotes
    from ..model import Document, DocumentAnalysis
    from ..pipeline import Pipeline

    texts = [record["text"] for _, record in corpus_records(shared / "corpora")]
    pipeline = Pipeline()
    started = time.perf_counter()
    docs = list(pipeline.parse(texts))
    analyses = []
    for n, doc in enumerate(docs):
        analysis = DocumentAnalysis(document=Document(id=f"d{n}", path="<bench>", body=doc.text))
        analysis.mentions += actors.resolve(doc, analysis, "body")
        analyses.append(analysis)
    nlp_actors = time.perf_counter() - started
    started = time.perf_counter()
    found = 0
    for doc, analysis in zip(docs, analyses):
        found += len(quotes.extract_quotes(doc, analysis, "body")[0])
    quote_time = time.perf_counter() - started
    return {"documents": len(texts), "characters": sum(map(len, texts)), "quotes": found,
            "nlp_actors_seconds": round(nlp_actors, 3), "quotes_seconds": round(quote_time, 3),
            "quotes_share": round(quote_time / nlp_actors, 3)}
