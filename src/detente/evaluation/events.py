"""Event-coder accuracy (`detente eval events`) and speed (`detente bench events`).

Three measurements, each on sentences the coder was not written for:

* `plover_gsr_cameo.jsonl`, test half (odd 0-based lines): CAMEO-manual sentences recoded in PLOVER.
* `up_petr2_gsr_validation.jsonl`, test half: AFP sentences with hand-corrected CAMEO codes.
* `tests/data/event_sentences.jsonl`: our own sentences from ../shared/corpora, labelled by hand with the expected
  events and their truth conditions, one phenomenon per sentence. Split deterministically by position: records at
  even 0-based positions are the dev half (diagnosed and tuned on), records at odd positions the test half; accuracy
  is reported for dev, test and all.

Matching, per sentence (each sentence is analysed as a one-sentence document with the record's date and its
document's URL):
* Predictions are the body events that a gold standard of asserted events can contain: negated and hypothetical
  events are left out (the gold codes neither). For PLOVER, our STATEMENT type (CAMEO 01) has no PLOVER counterpart and
  is left out, and APPEAL (CAMEO 02) is scored as REQUEST, the PLOVER type that covers appeals. PLOVER codes a
  reciprocal event (two parties meeting or agreeing) as each party acting with no recipient, so a mirrored pair
  A->B, B->A of one type in one sentence is scored as A->(none), B->(none). Every REQUEST, THREATEN, ASSAULT and COERCE
  of the PLOVER gold's dev half (63 events) has a recipient; where the text names none, it is the source's own country
  ("Egyptian police opened fire to disperse demonstrators": EGY->EGY). Our events of these types without a recipient
  are scored with the source's country as recipient (our own output keeps the recipient empty: we do not invent one).
* PETRARCH codes an event only when it has both a source and a target, so the CAMEO dyad score counts our events
  with a target; the root score counts every event.
* Gold and predicted items of a sentence are multisets; true positives are the size of their intersection, summed
  over sentences (micro-averaged precision, recall and F1). A sentence with empty `expected` contributes its
  predictions as false positives.
* Type scores compare the type (PLOVER type or CAMEO root) alone; dyad scores compare (source country, target
  country, type). Countries are the first three letters of CAMEO actor codes; the gold's CAMEO-era country codes
  are read as ISO 3166 (JAP=JPN, ITL=ITA, ...); every international organisation counts as IGO, transnational
  non-governmental ones (no country, sector NGO: the Red Cross, Amnesty International) too, as the gold codes them;
  an actor without a country is "---", an absent target "". A gold source "---" (an unknown perpetrator) therefore
  matches the coder's unknown actor (id "---", no country) and its country-less sectors alike; no side drops unknown
  sources.
* Own set: a sentence is correct when the multiset of its events, each as (source country, target country, PLOVER
  type, negated, modality, date when labelled, reporting country when labelled), equals the labelled multiset; here
  negated and hypothetical events are kept, since they are what is being tested. Only body events count.

Labelling conventions of the own set (decided before looking at the coder's output): sentences are verbatim from
../shared/corpora and coded on their own (knowing only their document's publisher and date), so a pronoun without an
antecedent in the sentence names no actor; countries are ISO3, international organisations IGO, actors without a country
"---"; "X and Y met/discussed" is a CONSULT in both directions, "X met with Y" one event X->Y, "X and Y agreed" two
AGREE events without target (the PLOVER rule); commitments and threats are asserted AGREE / THREATEN events, plans
("plans to") are intended, "will" is future, and cooperative actions announced for the future are AGREE, harmful ones
THREATEN; an if-clause, the clause it conditions and could / might / would outside reported speech are hypothetical,
except that a conditioned clause announcing an action ("will defend ... if", "said it would not accept ... if") is a
conditional promise or threat, future as in the PLOVER gold (revised after the first measurement; one record, ev065,
relabelled); an event stated in someone's speech (a reporting verb or a transcript line) is reported, with `reported_by`
labelled in the reported-speech records; a denial is a STATEMENT and the denied event is negated; "not just" does not
negate; `date` is the day the sentence gives for the event (the first day of a month or year, the Monday of a week),
null when it gives none.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..model import Event
from . import corpus_records, require_file

REPO = Path(__file__).resolve().parents[3]
OWN_SET = REPO / "tests" / "data" / "event_sentences.jsonl"
RECIPIENT_ALWAYS = {"REQUEST", "THREATEN", "ASSAULT", "COERCE"}
EVENT_FILES = ("plover_gsr_cameo.jsonl", "up_petr2_gsr_validation.jsonl")
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UKG": "GBR", "ROM": "ROU",
                    "TAW": "TWN", "SER": "SRB", "YUG": "SRB", "ZAI": "COD", "BUR": "MMR", "GER": "DEU"}
IGO_CODES = {"IGO", "UNO", "NATO", "EUR", "EU", "AFR", "ARL", "ASN", "OPC", "WTO", "IMF", "WBK", "ICC", "OSCE",
             "AU", "ASEAN", "OPEC", "GCC", "SCO", "BRICS", "CIS", "CSTO", "EAEU", "ICJ", "WHO", "IAEA", "OAS",
             "COE", "OPCW", "PCA", "APEC", "COMMONWEALTH", "COMECON", "ECOWAS", "G20", "G7", "IGAD", "INTERPOL",
             "MERCOSUR", "NON", "OECD", "OIC", "SAARC", "SADC", "WARSAW"}


def split(path: Path, part: str) -> list[dict[str, Any]]:
    """Records of the dev (even 0-based lines) or test (odd lines) half of a gold file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for i, line in enumerate(handle) if line.strip() and (i % 2 == 1) == (part == "test")]


def country(code: str | None, sector: str | None = None) -> str:
    """A country code for scoring: ISO3, IGO for international organisations, --- when unknown."""
    if sector == "IGO" or (code or "").upper() in IGO_CODES or (not code and sector == "NGO"):
        return "IGO"
    if not code:
        return "---"
    code = code.upper()[:3]
    return LEGACY_COUNTRIES.get(code, code)


def event_country(ref) -> str:
    return "" if ref is None else country(ref.country, ref.sector)


def prf(tp: int, predicted: int, gold: int) -> dict[str, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


class Scorer:
    """Micro-averaged multiset matching of predicted against gold items, per sentence."""

    def __init__(self) -> None:
        self.tp = self.predicted = self.gold = 0

    def add(self, predicted: Iterable, gold: Iterable) -> None:
        p, g = Counter(predicted), Counter(gold)
        self.tp += sum((p & g).values())
        self.predicted += sum(p.values())
        self.gold += sum(g.values())

    def result(self) -> dict[str, float]:
        return prf(self.tp, self.predicted, self.gold) | {"gold": self.gold, "predicted": self.predicted}


def counted(events: Iterable[Event]) -> list[Event]:
    """The events a gold standard of asserted events can contain."""
    return [e for e in events if e.section == "body" and not e.negated and e.modality != "hypothetical"]


def plover_items(events: list[Event]) -> list[tuple[str, str, str]]:
    """(source country, target country, PLOVER type) in the PLOVER gold's conventions (see module docstring)."""
    items = []
    for event in events:
        kind = {"APPEAL": "REQUEST"}.get(event.plover, event.plover)
        if kind == "STATEMENT":
            continue
        source, target = event_country(event.source), event_country(event.target)
        if not target and kind in RECIPIENT_ALWAYS and source not in ("---", "IGO"):
            target = source  # PLOVER's convention: a request, threat, assault or coercion with no named recipient
        items.append((source, target, kind))
    mirrored = Counter(items)
    result = []
    for source, target, kind in items:
        if target and source != target and mirrored[(target, source, kind)]:
            result.append((source, "", kind))
        else:
            result.append((source, target, kind))
    return result


def _pipeline(pipeline=None):
    if pipeline is not None:
        return pipeline
    from ..pipeline import Pipeline

    return Pipeline()


def evaluate_plover(path: Path, pipeline, part: str = "test") -> dict[str, Any]:
    types, dyads = Scorer(), Scorer()
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    for record in split(path, part):
        analysis = pipeline.analyze_text(record["text"], published=record.get("date"), document_id=record["id"])
        predicted = plover_items(counted(analysis.events))
        gold = [(country(e.get("source_country")) if e.get("source_country") else "---",
                 country(e.get("target_country")) if e.get("target_country") else "",
                 e.get("code_current_plover") or e["code"]) for e in record["expected"]]
        types.add([p[2] for p in predicted], [g[2] for g in gold])
        dyads.add(predicted, gold)
        _confuse(confusion, [p[2] for p in predicted], [g[2] for g in gold])
    return {"sentences": len(split(path, part)), "type": types.result(), "dyad": dyads.result(),
            "confusion": _confusion_rows(confusion)}


def evaluate_cameo(path: Path, pipeline, part: str = "test") -> dict[str, Any]:
    roots, dyads = Scorer(), Scorer()
    confusion: dict[tuple[str, str], int] = defaultdict(int)
    records = split(path, part)
    for record in records:
        analysis = pipeline.analyze_text(record["text"], published=record.get("date"), document_id=record["id"])
        events = counted(analysis.events)
        predicted = [(event_country(e.source), event_country(e.target), e.cameo[:2]) for e in events]
        gold = [(country(e["source"][:3] if not e["source"].startswith("---") else None),
                 country(e["target"][:3] if not e["target"].startswith("---") else None) if e.get("target") else "",
                 e["code"][:2]) for e in record["expected"]]
        roots.add([p[2] for p in predicted], [g[2] for g in gold])
        dyads.add([p for p in predicted if p[1]], gold)  # PETRARCH codes a dyad only for events with both parties
        _confuse(confusion, [p[2] for p in predicted], [g[2] for g in gold])
    return {"sentences": len(records), "root": roots.result(), "dyad": dyads.result(),
            "confusion": _confusion_rows(confusion)}


def _confuse(table: dict[tuple[str, str], int], predicted: list[str], gold: list[str]) -> None:
    """Count (gold, predicted) pairs: matches first, then leftovers paired in order, the rest against "none"."""
    p, g = Counter(predicted), Counter(gold)
    for kind, n in (p & g).items():
        table[(kind, kind)] += n
    missing = list((g - p).elements())
    extra = list((p - g).elements())
    for i in range(max(len(missing), len(extra))):
        table[(missing[i] if i < len(missing) else "none", extra[i] if i < len(extra) else "none")] += 1


def _confusion_rows(table: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
    return [{"gold": gold, "predicted": predicted, "count": count}
            for (gold, predicted), count in sorted(table.items(), key=lambda item: (-item[1], item[0]))]


def own_items(events: Iterable[Event], labelled: list[dict[str, Any]]) -> list[tuple]:
    """Events as comparable tuples, with date and reporter only where the labels state them."""
    with_date = any("date" in e for e in labelled)
    with_reporter = any("reported_by" in e for e in labelled)
    items = []
    for event in events:
        if event.section != "body":
            continue
        item = (event_country(event.source), event_country(event.target), event.plover, event.negated,
                event.modality)
        if with_date:
            item += (event.date if event.date_precision != "none" else None,)
        if with_reporter:
            item += (event_country(event.reported_by) or None,)
        items.append(item)
    return items


def gold_items(labelled: list[dict[str, Any]]) -> list[tuple]:
    with_date = any("date" in e for e in labelled)
    with_reporter = any("reported_by" in e for e in labelled)
    items = []
    for e in labelled:
        item = (country(e["source"]), country(e["target"]) if e.get("target") else "", e["plover"],
                bool(e.get("negated", False)), e.get("modality", "asserted"))
        if with_date:
            item += (e.get("date"),)
        if with_reporter:
            item += (country(e["reported_by"]) if e.get("reported_by") else None,)
        items.append(item)
    return items


def _accuracy(by_phenomenon: dict[str, list[bool]]) -> dict[str, Any]:
    overall = [c for values in by_phenomenon.values() for c in values]
    return {"sentences": len(overall),
            "accuracy": round(sum(overall) / len(overall), 3) if overall else 0.0,
            "by_phenomenon": {name: {"sentences": len(v), "accuracy": round(sum(v) / len(v), 3)}
                              for name, v in sorted(by_phenomenon.items())}}


def document_urls(corpora: Path) -> dict[str, str]:
    """Document id -> URL for every document of the shared corpora (empty when they are absent)."""
    return {record["id"]: record["url"] for _, record in corpus_records(corpora) if record.get("url")}


def evaluate_own(path: Path, pipeline, urls: dict[str, str] | None = None) -> dict[str, Any]:
    """Sentence accuracy on the own set, for all records and for its dev (even positions) and test (odd) halves.

    `urls` gives each record's document URL (see `document_urls`), as a run over the whole document would have it."""
    by_part: dict[str, dict[str, list[bool]]] = {part: defaultdict(list) for part in ("all", "dev", "test")}
    errors = []
    with open(path, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for position, record in enumerate(records):
        part = "test" if position % 2 else "dev"
        analysis = pipeline.analyze_text(record["text"], published=record.get("date"), document_id=record["id"],
                                         url=(urls or {}).get(record["document"]))
        predicted = Counter(own_items(analysis.events, record["expected"]))
        gold = Counter(gold_items(record["expected"]))
        correct = predicted == gold
        for name in ("all", part):
            by_part[name][record["phenomenon"]].append(correct)
        if not correct and part == "dev":  # the test half is for measuring: its errors are counted, not listed
            errors.append({"id": record["id"], "part": part, "phenomenon": record["phenomenon"],
                           "missing": [list(i) for i in (gold - predicted).elements()],
                           "extra": [list(i) for i in (predicted - gold).elements()]})
    return _accuracy(by_part["all"]) | {"dev": _accuracy(by_part["dev"]), "test": _accuracy(by_part["test"]),
                                        "dev_errors": errors}


def run(shared: Path, pipeline=None) -> dict[str, Any]:
    """All three measurements on the test halves and the own labelled set."""
    pipeline = _pipeline(pipeline)
    events_dir = shared / "benchmarks" / "events"
    plover = evaluate_plover(require_file(events_dir / EVENT_FILES[0]), pipeline)
    cameo = evaluate_cameo(require_file(events_dir / EVENT_FILES[1]), pipeline)
    own = evaluate_own(OWN_SET, pipeline, document_urls(shared / "corpora"))
    return {
        "plover_type_f1": plover["type"]["f1"],
        "plover_dyad_f1": plover["dyad"]["f1"],
        "cameo_root_f1": cameo["root"]["f1"],
        "cameo_dyad_f1": cameo["dyad"]["f1"],
        "own_accuracy": own["accuracy"],
        "own_dev_accuracy": own["dev"]["accuracy"],
        "own_test_accuracy": own["test"]["accuracy"],
        "targets": {"plover_type_f1": 0.70, "plover_dyad_f1": 0.55, "cameo_root_f1": 0.60, "cameo_dyad_f1": 0.50,
                    "own_accuracy": 0.80},
        "details": {"plover_gsr_cameo": plover, "up_petr2_gsr_validation": cameo, "own": own},
    }


def bench(shared: Path, pipeline=None, limit: int = 60) -> dict[str, Any]:
    """Time that event coding adds to parsing and actor resolution, on the first `limit` corpus documents."""
    from .. import actors, quotes
    from ..events import extract_events
    from ..model import Document, DocumentAnalysis

    pipeline = _pipeline(pipeline)
    documents = []
    for path in sorted((shared / "corpora").glob("*/*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                documents.append(Document(id=record["id"], path=str(path.name), body=record["text"],
                                          title=record.get("title"), published=record.get("date")))
    documents = documents[:: max(1, len(documents) // limit)][:limit]
    nlp_actors = events_time = 0.0
    count = 0
    for document in documents:
        started = time.perf_counter()
        doc = next(iter(pipeline.parse([document.body])))
        analysis = DocumentAnalysis(document=document)
        analysis.mentions += actors.resolve(doc, analysis, "body")
        nlp_actors += time.perf_counter() - started
        analysis.quotes += quotes.extract_quotes(doc, analysis, "body")[0]
        started = time.perf_counter()
        count += len(extract_events(doc, analysis, "body"))
        events_time += time.perf_counter() - started
    return {"documents": len(documents), "events": count, "nlp_actors_seconds": round(nlp_actors, 3),
            "events_seconds": round(events_time, 3),
            "events_share": round(events_time / nlp_actors, 3) if nlp_actors else 0.0, "target_share": 0.15}
