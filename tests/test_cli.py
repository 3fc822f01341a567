"""End to end through the `detente` command: analyze, re-run, export, queries, bad runs, kill -9 and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from detente import export
from detente.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def detente(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=900)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    """The example corpus analysed once into a temporary folder."""
    work = tmp_path_factory.mktemp("cli")
    result = detente("analyze", str(EXAMPLES), "--db", "t.duckdb", "--out", "out", cwd=work)
    assert result.returncode == 0, result.stdout + result.stderr
    return work


def test_analyze_writes_a_valid_analysis_and_a_report(analysed):
    data = json.loads((analysed / "out" / "analysis.json").read_text())
    jsonschema.validate(data, export.schema())
    assert len(data["documents"]) >= 12
    for key in ("actors", "mentions", "events", "quotes", "claims"):
        assert data[key], f"the example corpus yields no {key}"
    assert (analysed / "out" / "report.html").stat().st_size > 10_000


def test_rerun_does_no_duplicate_work(analysed):
    with Store(analysed / "t.duckdb") as store:
        before = store.counts()
    result = detente("analyze", str(EXAMPLES), "--db", "t.duckdb", "--out", "out", cwd=analysed)
    assert result.returncode == 0, result.stderr
    assert " 0 analysed" in result.stdout
    with Store(analysed / "t.duckdb") as store:
        assert store.counts() == before


def test_queries_and_exports(analysed):
    for args in (["stats"], ["actors", "--country", "RUS"], ["events", "--dyad", "USA,IRN"], ["quotes"],
                 ["claims"], ["compare"]):
        result = detente(*args, "--db", "t.duckdb", cwd=analysed)
        assert result.returncode == 0, (args, result.stderr)
    result = detente("export", "--db", "t.duckdb", "--format", "csv", "--out", "csv", cwd=analysed)
    assert result.returncode == 0 and (analysed / "csv" / "events_gdelt.csv").exists()
    result = detente("export", "--db", "t.duckdb", "--format", "graphml", "--out", "g", cwd=analysed)
    assert result.returncode == 0 and (analysed / "g" / "network.graphml").exists()


def test_exit_status_when_nothing_or_something_is_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = detente("analyze", str(tmp_path), "--db", "t.duckdb", "--out", "o", cwd=tmp_path)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "notes.docx" in result.stderr
    (tmp_path / "ok.txt").write_text("Russia and Iran signed a defence agreement in Tehran on Monday, officials said.")
    assert detente("analyze", str(tmp_path), "--db", "t.duckdb", "--out", "o", cwd=tmp_path).returncode == 0
    assert detente("analyze", str(tmp_path), "--db", "t.duckdb", "--out", "o", "--strict", cwd=tmp_path).returncode == 1


def test_kill_minus_nine_leaves_a_consistent_database_and_the_next_run_resumes(tmp_path, shared):
    source = shared / "corpora" / "wikinews" / "wikinews_intl_politics_2019_2020.jsonl"
    lines = source.read_text(encoding="utf-8").splitlines()[:40]
    folder = tmp_path / "in"
    folder.mkdir()
    for i, line in enumerate(lines):
        (folder / f"part{i:02d}.jsonl").write_text(line + "\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "detente", "analyze", str(folder), "--db", "t.duckdb",
                                "--out", "o"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = tmp_path / "t.duckdb.wal"
    deadline = time.time() + 300
    while time.time() < deadline and process.poll() is None:  # wait until the first documents are committed
        time.sleep(0.2)
        if wal.exists() and wal.stat().st_size > 0:
            time.sleep(3)
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with Store(tmp_path / "t.duckdb") as store:
        partial = store.counts()["documents"]
        orphans = store.con.execute(
            "SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)").fetchone()[0]
    assert orphans == 0
    assert partial < 40
    result = detente("analyze", str(folder), "--db", "t.duckdb", "--out", "o", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"{40 - partial} analysed" in result.stdout
    with Store(tmp_path / "t.duckdb") as store:
        assert store.counts()["documents"] == 40
        assert store.con.execute("SELECT count(DISTINCT id) FROM mentions").fetchone()[0] == \
            store.counts()["mentions"]
