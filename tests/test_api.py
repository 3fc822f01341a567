"""The Python API: `detente.analyze` stores a run and returns the content of analysis.json."""

from __future__ import annotations

from pathlib import Path

import detente

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_analyze_returns_what_the_run_stored(tmp_path):
    example = sorted(p for p in EXAMPLES.iterdir() if p.suffix == ".txt")[0]
    result = detente.analyze([example], db=tmp_path / "run.duckdb", out=tmp_path / "out")
    assert [d["path"] for d in result["documents"]] == [str(example)]
    assert result["actors"] and result["mentions"] and result["events"]
    assert all(e["document_id"] == result["documents"][0]["id"] for e in result["events"])
    assert (tmp_path / "out" / "analysis.json").is_file() and (tmp_path / "out" / "report.html").is_file()
    again = detente.analyze([example], db=tmp_path / "run.duckdb")
    assert [e["id"] for e in again["events"]] == [e["id"] for e in result["events"]]  # unchanged input, same store
