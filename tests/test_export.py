"""analysis.json follows its JSON Schema; CSV export writes every table and a GDELT-like events table."""

from __future__ import annotations

import csv
import json

import jsonschema

from detente import export
from detente.model import Corpus, Finding
from tests.test_store import sample_analysis


def sample_corpus() -> Corpus:
    analysis = sample_analysis()
    return Corpus(documents=[analysis.document], actors=list(analysis.actors.values()),
                  mentions=analysis.mentions, events=analysis.events, quotes=analysis.quotes,
                  claims=analysis.claims, framing=analysis.framing,
                  findings=[Finding("f1", "contradiction", "relation", ("ISR", "RUS"), ["a#c1"], [], ["a"], "x"),
                            Finding("f2", "agreement", "relation", ("ISR", "RUS"), ["a#c1"], [], ["a"], "y")])


def test_analysis_json_matches_the_schema(tmp_path):
    path = export.write_json(sample_corpus(), tmp_path / "analysis.json")
    data = json.loads(path.read_text())
    jsonschema.validate(data, export.schema())
    assert data["contradictions"][0]["dyad"] == ["ISR", "RUS"]
    assert [a["id"] for a in data["agreements"]] == ["f2"]
    assert "content_hash" not in data["documents"][0]


def test_csv_export_has_gdelt_events(tmp_path):
    written = {p.name for p in export.write_csv(sample_corpus(), tmp_path)}
    assert {"documents.csv", "events.csv", "claims.csv", "events_gdelt.csv"} <= written
    rows = list(csv.DictReader((tmp_path / "events_gdelt.csv").open()))
    assert rows[0]["cameo_root"] == "19" and rows[0]["source_country"] == "RUS" and rows[0]["target_country"] == "ISR"
    events = list(csv.DictReader((tmp_path / "events.csv").open()))
    assert events[0]["source_actor_id"] == "RUS"
