"""Accuracy and speed of actor resolution (`detente eval actors`, `detente bench nlp`).

- NGEC actor-resolution tests: country (and sector) of short actor texts; dev = even lines, test = odd lines.
- PLOVER GSR and UniversalPetrarch GSR sentences: is each gold source/target actor's country among the countries of
  the mentions resolved in its sentence (test half = odd lines)?
- tests/data/mentions.jsonl: our labelled mentions from ../shared/corpora sentences (resolution and coreference).
"""

from __future__ import annotations

import json
import re
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from ..actors import ActorRegistry, MentionIndex, resolve
from ..model import Document, DocumentAnalysis, Mention
from ..nlp import DEFAULT_MODEL, load_bare, load_nlp
from . import corpus_records, listed, require_file

REPO = Path(__file__).resolve().parents[3]
LABELLED = REPO / "tests" / "data" / "mentions.jsonl"
EVENT_FILES = ("plover_gsr_cameo.jsonl", "up_petr2_gsr_validation.jsonl")
# Codes of the older CAMEO country list that differ from ISO 3166-1 alpha-3 (seen in the GSR gold files).
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Codes of international and non-state actors whose country part is a code of their own ("IGOUNO", "IGOEUREEC").
NONSTATE_PREFIXES = ("IGO", "NGO", "IMG", "ISM", "MNC")
COREF_PHENOMENA = {"pronoun", "description"}


class Analyzer:
    """Parses texts and runs actor resolution on their sections (title first, then body)."""

    def __init__(self, model: str = DEFAULT_MODEL):
        self.registry = ActorRegistry.load()
        self.nlp = load_nlp(self.registry, model=model)

    def analyze(self, body: str, title: str | None = None, published: str | None = None,
                document_id: str = "doc") -> tuple[DocumentAnalysis, Any]:
        """The analysis (actors and mentions) and the spaCy Doc of the body."""
        analysis = DocumentAnalysis(Document(document_id, "<text>", body, title=title, published=published))
        body_doc = None
        for section, text in (("title", title), ("body", body)):
            if text is None:
                continue
            doc = self.nlp(text)
            analysis.mentions += resolve(doc, analysis, section, self.registry)
            body_doc = doc if section == "body" else body_doc
        return analysis, body_doc


@cache
def analyzer(model: str = DEFAULT_MODEL) -> Analyzer:
    return Analyzer(model)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _ratio(good: int, total: int) -> float | None:
    return round(good / total, 3) if total else None


# ---------------------------------------------------------------------------------------------------------------------
# NGEC actor resolution tests


def _query_date(value: str | None) -> str | None:
    """The record's query date as YYYY-MM-DD; "today" and missing dates mean the present (None)."""
    if not value or value.strip().lower() == "today":
        return None
    import dateparser

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def _main_mention(mentions: list[Mention]) -> Mention | None:
    """The mention standing for the whole actor text: the longest, the first on ties."""
    body = [m for m in mentions if m.section == "body"]
    return max(body, key=lambda m: (m.end - m.start, -m.start)) if body else None


def _check(expected: Any, predicted: str | None, registry: ActorRegistry) -> bool:
    if isinstance(expected, dict):
        op, value = expected.get("op"), expected.get("value")
        if op == "!=":
            return predicted != value
        if op == "in":
            return predicted in value
        if op == "is":
            return predicted is value
        raise ValueError(f"unknown operator {op!r}")
    if expected in ("", None):
        return predicted is None
    if expected == "IGO":
        return predicted is not None and predicted not in registry.countries
    return predicted == expected


def ngec(shared: Path, split: str = "test", model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Country and sector accuracy on the NGEC actor-resolution records of one split."""
    records = _read_jsonl(require_file(shared / "benchmarks" / "events" / "ngec_actor_resolution_tests.jsonl"))
    parity = 1 if split == "test" else 0
    tool = analyzer(model)
    counts: Counter[str] = Counter()
    misses = []
    for line, record in enumerate(records):
        if line % 2 != parity:
            continue
        counts["records"] += 1
        if not record.get("enabled", True):
            counts["excluded_disabled"] += 1
            continue
        expected = record["expected"][0] if record["expected"] else {}
        if "country" not in expected and "code_1" not in expected and "code" not in expected:
            counts["excluded_no_country_or_sector"] += 1  # e.g. query_wiki: a Wikipedia title only
            continue
        analysis, _ = tool.analyze(record["text"], title=record.get("context") or None,
                                   published=_query_date(record.get("query_date")))
        main = _main_mention(analysis.mentions)
        country = main.country if main else None
        sector = main.sector if main else None
        if "code" in expected:  # the resolver should find no actor
            counts["no_actor_total"] += 1
            good = country is None and sector is None
            counts["no_actor_correct"] += good
            if not good:
                misses.append([record["id"], record["text"], "no actor", country, sector])
        if "country" in expected:
            counts["country_total"] += 1
            good = _check(expected["country"], country, tool.registry)
            counts["country_correct"] += good
            if not good:
                misses.append([record["id"], record["text"], expected["country"], country, sector])
        sectors = [expected.get(k) for k in ("code_1", "code_2") if k in expected]
        if sectors and sectors[0] != "????":
            counts["sector_total"] += 1
            good = any(_check(s, sector, tool.registry) for s in sectors)
            counts["sector_correct"] += good
            if not good:
                misses.append([record["id"], record["text"], f"sector {sectors}", country, sector])
    return {
        "split": split,
        "records": counts["records"],
        "excluded_disabled": counts["excluded_disabled"],
        "excluded_no_country_or_sector": counts["excluded_no_country_or_sector"],
        "country_accuracy": _ratio(counts["country_correct"], counts["country_total"]),
        "country_n": counts["country_total"],
        "sector_accuracy": _ratio(counts["sector_correct"], counts["sector_total"]),
        "sector_n": counts["sector_total"],
        "no_actor_accuracy": _ratio(counts["no_actor_correct"], counts["no_actor_total"]),
        "no_actor_n": counts["no_actor_total"],
        "details": listed(misses, split, "errors"),
    }


# ---------------------------------------------------------------------------------------------------------------------
# Gold event sentences


def _gold_actor_codes(expected: dict[str, Any]) -> Iterable[tuple[str, str]]:
    for role in ("source", "target"):
        code = (expected.get(role) or "").strip()
        country = (expected.get(f"{role}_country") or "").strip() or code[:3]
        if not country or country.startswith("-"):
            continue
        yield role, (code if country in NONSTATE_PREFIXES and code else country)


def _country_found(gold: str, mentions: list[Mention], registry: ActorRegistry) -> bool:
    """A state must be found by its code; an international or non-state actor ("IGOUNOMIL", PLOVER's bare "IGO")
    by any mention of an organisation that is not a state (an IGO's code, or a transnational NGO's missing one)."""
    gold = LEGACY_CODES.get(gold, gold)
    if gold[:3] in NONSTATE_PREFIXES:
        return any(m.country not in registry.countries and (m.country or m.sector == "NGO") for m in mentions)
    return any(m.country == gold for m in mentions)


def gold_sentences(shared: Path, split: str = "test", model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Share of gold source/target actors whose country is among the resolved mentions of their sentence."""
    tool = analyzer(model)
    parity = 1 if split == "test" else 0
    result: dict[str, Any] = {"split": split}
    total = found = 0
    misses = []
    for name in EVENT_FILES:
        records = _read_jsonl(require_file(shared / "benchmarks" / "events" / name))
        file_total = file_found = 0
        for line, record in enumerate(records):
            if line % 2 != parity or not record.get("enabled", True):
                continue
            gold = {code for expected in record["expected"] for _, code in _gold_actor_codes(expected)}
            if not gold:
                continue
            date = record.get("date")
            analysis, _ = tool.analyze(record["text"], published=None if date == "2000-01-01" else date)
            countries = {m.country for m in analysis.mentions}
            for code in sorted(gold):
                file_total += 1
                if _country_found(code, analysis.mentions, tool.registry):
                    file_found += 1
                else:
                    misses.append([name, record["id"], code, sorted(c for c in countries if c), record["text"]])
        result[name] = {"gold_actors": file_total, "country_found": _ratio(file_found, file_total)}
        total += file_total
        found += file_found
    result["gold_actors"] = total
    result["country_found"] = _ratio(found, total)
    result["details"] = listed(misses, split, "misses")
    return result


# ---------------------------------------------------------------------------------------------------------------------
# Our labelled mentions


def _gold_span(record: dict[str, Any]) -> tuple[int, int]:
    if "start" in record:
        return record["start"], record["end"]
    pattern = r"(?<!\w)" + re.escape(record["mention"]) + r"(?!\w)"
    found = list(re.finditer(pattern, record["text"]))[record.get("occurrence", 0)]
    return found.start(), found.end()


def _labelled_match(mention: Mention, record: dict[str, Any], analysis: DocumentAnalysis) -> bool:
    if (mention.country, mention.sector) != (record["country"], record["sector"]):
        return False
    actor = analysis.actors.get(mention.actor_id)
    return not record.get("actor") or actor is not None and record["actor"].lower() in actor.name.lower()


def labelled(path: Path = LABELLED, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Resolution accuracy (country and sector) on tests/data/mentions.jsonl, coreference reported apart."""
    tool = analyzer(model)
    counts: Counter[str] = Counter()
    by_phenomenon: dict[str, Counter[str]] = {}
    misses = []
    for record in _read_jsonl(path):
        analysis, _ = tool.analyze(record["text"], published=record.get("published"))
        start, end = _gold_span(record)
        body = [m for m in analysis.mentions if m.section == "body"]
        mention = MentionIndex(body).at(start, end)
        # a coordinated phrase ("Russian and American ministers") is one span with a mention per actor
        same_span = [m for m in body if mention and (m.start, m.end) == (mention.start, mention.end)]
        matching = [m for m in same_span if _labelled_match(m, record, analysis)]
        mention = matching[0] if matching else mention
        good = bool(matching)
        group = "coreference" if record["phenomenon"] in COREF_PHENOMENA else "resolution"
        counts[f"{group}_total"] += 1
        counts[f"{group}_correct"] += good
        tally = by_phenomenon.setdefault(record["phenomenon"], Counter())
        tally["n"] += 1
        tally["correct"] += good
        if not good:
            got = [mention.text, mention.actor_id, mention.country, mention.sector, mention.resolved_by] \
                if mention else None
            misses.append([record["id"], record["mention"], record["country"], record["sector"], got])
    return {
        "mentions": counts["resolution_total"] + counts["coreference_total"],
        "resolution_accuracy": _ratio(counts["resolution_correct"], counts["resolution_total"]),
        "resolution_n": counts["resolution_total"],
        "coreference_accuracy": _ratio(counts["coreference_correct"], counts["coreference_total"]),
        "coreference_n": counts["coreference_total"],
        "by_phenomenon": {k: {"n": v["n"], "accuracy": _ratio(v["correct"], v["n"])}
                          for k, v in sorted(by_phenomenon.items())},
        "details": {"errors": misses},
    }


def run(shared: Path) -> dict[str, Any]:
    """All actor figures on the test halves, plus the labelled mentions of tests/data."""
    return {
        "ngec_actor_resolution": ngec(shared, "test"),
        "gold_event_actors": gold_sentences(shared, "test"),
        "labelled_mentions": labelled(),
    }


# ---------------------------------------------------------------------------------------------------------------------
# Speed


def corpus_texts(shared: Path, max_words: int = 60_000) -> list[str]:
    """Article texts from ../shared/corpora (round robin over the collections) up to about `max_words` words."""
    by_file: dict[Path, list[str]] = {}
    for path, record in corpus_records(shared / "corpora"):
        if path.parent.name != "focus" and record.get("text"):
            by_file.setdefault(path, []).append(record["text"])
    collections = list(by_file.values())
    if not collections:
        raise FileNotFoundError(f"{shared / 'corpora'}: no corpora found")
    texts: list[str] = []
    words = 0
    for index in range(max(len(c) for c in collections)):
        for collection in collections:
            if index < len(collection) and words < max_words:
                texts.append(collection[index])
                words += len(collection[index].split())
    return texts


def _timed(work: Callable[[], None]) -> float:
    """CPU seconds of this process: steadier than wall time on a machine shared with other jobs."""
    started = time.process_time()
    work()
    return time.process_time() - started


def bench(shared: Path, model: str = DEFAULT_MODEL, max_words: int = 40_000,
          rounds: int = 3) -> dict[str, Any]:
    """Words per CPU second of bare `nlp.pipe` and of the same model with the actor ruler and `resolve` (best of
    `rounds` alternating runs), and peak memory."""
    texts = corpus_texts(shared, max_words)
    words = sum(len(t.split()) for t in texts)
    bare = load_bare(model)
    registry = ActorRegistry.load()
    full = load_nlp(registry, model=model)

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=16):
            pass

    def run_full() -> None:
        for n, doc in enumerate(full.pipe(texts, batch_size=16)):
            analysis = DocumentAnalysis(Document(f"d{n}", "<bench>", doc.text, published="2020-01-01"))
            analysis.mentions += resolve(doc, analysis, "body", registry)

    run_bare()  # warm up both pipelines before timing
    bare_time = full_time = float("inf")
    for _ in range(rounds):
        bare_time = min(bare_time, _timed(run_bare))
        full_time = min(full_time, _timed(run_full))
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "model": model,
        "documents": len(texts),
        "words": words,
        "bare_words_per_cpu_s": round(words / bare_time),
        "actors_words_per_cpu_s": round(words / full_time),
        "actor_overhead": round(full_time / bare_time - 1, 3),
        "peak_memory_mb": round(peak_kb / 1024, 1),
    }
