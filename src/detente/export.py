"""Exports: `analysis.json` (the contract, schema in schema/analysis.schema.json), CSV tables and GraphML."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

from .model import SCHEMA_VERSION, Corpus, Finding

FINDING_FIELDS = ("id", "topic", "dyad", "claim_ids", "event_ids", "document_ids", "explanation")
GDELT_COLUMNS = ("event_id", "date", "date_precision", "source_actor_id", "source_country", "source_sector",
                 "target_actor_id", "target_country", "target_sector", "cameo", "cameo_root", "plover", "quad_class",
                 "goldstein", "negated", "modality", "document_id", "sentence")


def _finding(finding: Finding) -> dict[str, Any]:
    data = asdict(finding)
    data["dyad"] = list(finding.dyad)
    return {key: data[key] for key in FINDING_FIELDS}


def corpus_to_dict(corpus: Corpus) -> dict[str, Any]:
    """The content of analysis.json."""
    documents = []
    for document in corpus.documents:
        data = asdict(document)
        data.pop("content_hash")
        documents.append(data)
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": documents,
        "actors": [asdict(a) for a in corpus.actors],
        "mentions": [asdict(m) for m in corpus.mentions],
        "events": [asdict(e) for e in corpus.events],
        "quotes": [asdict(q) for q in corpus.quotes],
        "claims": [asdict(c) for c in corpus.claims],
        "contradictions": [_finding(f) for f in corpus.findings if f.kind == "contradiction"],
        "agreements": [_finding(f) for f in corpus.findings if f.kind == "agreement"],
        "framing_signals": [asdict(s) for s in corpus.framing],
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of analysis.json."""
    return json.loads(resources.files("detente").joinpath("schema/analysis.schema.json").read_text("utf-8"))


def write_json(corpus: Corpus, path: Path) -> Path:
    path.write_text(json.dumps(corpus_to_dict(corpus), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: nested actor references become prefixed columns, lists become JSON."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            row.update({f"{key}_{k}": v for k, v in value.items()})
        elif isinstance(value, list):
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


def _write_rows(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> None:
    columns = columns or sorted({k for row in rows for k in row}, key=lambda k: (k != "id", k))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def gdelt_rows(corpus: Corpus) -> list[dict[str, Any]]:
    """A GDELT-like event table: one row per event with actor codes, CAMEO, quad class, Goldstein and the sentence."""
    rows = []
    for e in corpus.events:
        target = e.target
        rows.append({
            "event_id": e.id, "date": e.date, "date_precision": e.date_precision,
            "source_actor_id": e.source.actor_id, "source_country": e.source.country,
            "source_sector": e.source.sector,
            "target_actor_id": target.actor_id if target else None,
            "target_country": target.country if target else None,
            "target_sector": target.sector if target else None,
            "cameo": e.cameo, "cameo_root": e.cameo[:2], "plover": e.plover, "quad_class": e.quad_class,
            "goldstein": e.goldstein, "negated": e.negated, "modality": e.modality,
            "document_id": e.document_id, "sentence": e.sentence,
        })
    return rows


def write_csv(corpus: Corpus, out: Path) -> list[Path]:
    """One CSV per table of analysis.json, plus `events_gdelt.csv`."""
    out.mkdir(parents=True, exist_ok=True)
    data = corpus_to_dict(corpus)
    written = []
    for table, records in data.items():
        if not isinstance(records, list):
            continue
        path = out / f"{table}.csv"
        _write_rows(path, [_flatten(r) for r in records])
        written.append(path)
    path = out / "events_gdelt.csv"
    _write_rows(path, gdelt_rows(corpus), list(GDELT_COLUMNS))
    written.append(path)
    return written
