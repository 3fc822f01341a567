"""Reading files and folders: formats, ids, content hashes, order, laziness; the shared corpora."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import detente.ingest as ingest
from detente.dedup import mark_duplicates
from detente.evaluation.ingest import BENCH_CORPORA, bench
from detente.ingest import read_inputs
from detente.model import Document, Skip

ARTICLE = (
    "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations after seven years, in a deal brokered "
    "by China following talks in Beijing.\n\nThe two countries said they would reopen embassies within two months."
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_is_walked_recursively_in_name_order_with_relative_ids(tmp_path):
    write(tmp_path / "b" / "z.txt", "Deal restores ties\n\n" + ARTICLE)
    write(tmp_path / "a.md", "# Deal restores ties\n\n" + ARTICLE)
    write(tmp_path / ".hidden" / "x.txt", ARTICLE)
    write(tmp_path / "notes.pdf", "x")
    items = list(read_inputs([tmp_path]))
    assert [i.id if isinstance(i, Document) else Path(i.path).name for i in items] == ["a.md", "b/z.txt", "notes.pdf"]
    assert isinstance(items[2], Skip) and "unsupported file type '.pdf'" in items[2].message()
    assert items[0].title == "Deal restores ties"
    assert items[0].content_hash == hashlib.sha256((tmp_path / "a.md").read_bytes()).hexdigest()


def test_single_file_id_is_its_name(tmp_path):
    path = write(tmp_path / "deep" / "article.txt", ARTICLE)
    (document,) = read_inputs([path])
    assert document.id == "article.txt" and document.path == str(path)
    assert document.body.startswith("Saudi Arabia and Iran agreed")


def test_jsonl_records_keep_their_metadata(tmp_path):
    lines = [
        {"id": "r1", "text": ARTICLE, "title": "Ties restored", "published": "2023-03-10T12:00:00Z",
         "outlet": "Gulf Courier", "author": "Jane Roe", "url": "https://example.org/r1"},
        {"text": ARTICLE, "date": "March 11, 2023"},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = read_inputs([path])
    assert (first.id, first.title, first.published, first.outlet, first.author, first.url) == (
        "r1", "Ties restored", "2023-03-10", "Gulf Courier", "Jane Roe", "https://example.org/r1",
    )
    assert first.content_hash == hashlib.sha256(json.dumps(lines[0]).encode()).hexdigest()
    assert (second.id, second.published, second.title) == ("feed.jsonl:2", "2023-03-11", None)


def test_reading_is_lazy(tmp_path, monkeypatch):
    for n in range(5):
        write(tmp_path / f"{n}.txt", ARTICLE)
    calls = []
    original = ingest.read_file
    monkeypatch.setattr(ingest, "read_file", lambda path, doc_id: calls.append(doc_id) or original(path, doc_id))
    first = next(read_inputs([tmp_path]))
    assert first.id == "0.txt" and calls == ["0.txt"]


def test_missing_path_is_a_skip(tmp_path):
    (skip,) = read_inputs([tmp_path / "nope"])
    assert isinstance(skip, Skip) and skip.message().endswith("no such file or folder")


@pytest.mark.integration
def test_bench_reads_the_large_corpora_in_full(shared):
    result = bench(shared)
    records = sum(
        1
        for name in BENCH_CORPORA
        for path in (shared / "corpora" / name).glob("*.jsonl")
        for line in path.open(encoding="utf-8")
        if line.strip()
    )
    assert (result["documents"], result["skipped"]) == (records, 0)
    assert result["html_bench"]["documents"] == len(list((shared / "corpora").glob("html-bench/pages/*.html")))


@pytest.mark.integration
def test_html_bench_pages_are_duplicates_of_their_kremlin_records(shared):
    kremlin = sorted((shared / "corpora" / "kremlin").glob("*.jsonl"))
    pages = sorted((shared / "corpora" / "html-bench" / "pages").glob("*.html"))
    documents = [item for item in read_inputs(kremlin + pages) if isinstance(item, Document)]
    mark_duplicates(documents)
    assert sum(d.duplicate_of is not None for d in documents) >= 5


@pytest.mark.parametrize(
    "name", ["README.md", "readme.txt", "LICENSE", "LICENCE.md", "CHANGELOG.md", "CONTRIBUTING-fr.txt"]
)
def test_project_documentation_is_skipped(tmp_path, name):
    write(tmp_path / name, "# Notes\n\n" + ARTICLE)
    write(tmp_path / "licensed-drone-exports.txt", ARTICLE)
    items = list(read_inputs([tmp_path]))
    assert [i.message() for i in items if isinstance(i, Skip)] == [
        f"{tmp_path / name}: project documentation, not an article"
    ]
    assert [i.id for i in items if isinstance(i, Document)] == ["licensed-drone-exports.txt"]
