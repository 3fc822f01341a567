"""Integrity of the labelled comparison set: files parse, labels point at real documents and sentences."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent / "data" / "compare"
REPO = Path(__file__).resolve().parents[1]
CONTRADICTION_KINDS = {"claim_polarity", "claim_relation", "event_denial", "event_date", "event_actor"}
AGREEMENT_KINDS = {"claim", "event"}
RECORD_FIELDS = {"id", "title", "date", "outlet", "author", "url", "text"}


def _groups() -> list[dict]:
    return yaml.safe_load((HERE / "groups.yaml").read_text(encoding="utf-8"))


def _records(group: dict) -> dict[str, dict]:
    lines = (HERE / group["file"]).read_text(encoding="utf-8").splitlines()
    return {record["id"]: record for record in map(json.loads, lines)}


def _findings(group: dict):
    for item in group["contradictions"]:
        yield "contradiction", item
    for item in group["agreements"]:
        yield "agreement", item


def _shared_root() -> Path:
    return Path(os.environ.get("DETENTE_SHARED", REPO / ".." / "shared"))


def test_every_group_file_parses_and_has_the_record_fields():
    ids: set[str] = set()
    for group in _groups():
        records = _records(group)
        assert 2 <= len(group["documents"]) <= 4, group["group"]
        for record_id, record in records.items():
            assert RECORD_FIELDS <= set(record), record_id
            assert len(record["date"]) == 10 and record["date"][4] == "-", record_id
            assert record_id not in ids, record_id
            ids.add(record_id)
        assert set(records) <= set(group["documents"]), group["group"]
        assert not set(group) - {"group", "file", "documents", "contradictions", "agreements"}
    assert len(_groups()) >= 12


def test_labels_are_well_formed_and_quote_their_documents():
    for group in _groups():
        records = _records(group)
        for finding, item in _findings(group):
            kinds = CONTRADICTION_KINDS if finding == "contradiction" else AGREEMENT_KINDS
            assert item["kind"] in kinds, (group["group"], item["kind"])
            assert len(item["dyad"]) == 2 and all(code.isupper() for code in item["dyad"])
            assert len(item["documents"]) == len(item["evidence"]) >= 2
            assert set(item["documents"]) <= set(group["documents"])
            assert item["explanation"].strip()
            for document_id, evidence in zip(item["documents"], item["evidence"]):
                if not document_id.startswith("shared:"):
                    assert evidence in records[document_id]["text"], (document_id, evidence)


def test_totals_meet_the_evaluation_brief():
    groups = _groups()
    assert sum(len(group["contradictions"]) for group in groups) >= 20
    assert sum(len(group["agreements"]) for group in groups) >= 15
    assert any(not group["contradictions"] for group in groups)


@pytest.mark.integration
def test_shared_references_resolve_to_the_quoted_sentences():
    corpora = _shared_root() / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"shared corpora not found at {corpora} (set DETENTE_SHARED)")
    texts: dict[str, str] = {}
    for path in corpora.rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[f"shared:{path.name}#{record['id']}"] = record["text"]
    for group in _groups():
        for document_id in group["documents"]:
            if document_id.startswith("shared:"):
                assert document_id in texts, document_id
        for _, item in _findings(group):
            for document_id, evidence in zip(item["documents"], item["evidence"]):
                if document_id.startswith("shared:"):
                    assert evidence in texts[document_id], (document_id, evidence)
