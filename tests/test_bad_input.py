"""Bad input never raises: each gives one Skip whose message names the file (and line) and the reason."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from detente.ingest import MAX_FILE_BYTES, read_inputs
from detente.model import Document, Skip

ARTICLE = (
    "Russia and Ukraine exchanged hundreds of prisoners of war on Wednesday in one of the largest swaps since the "
    "start of the full-scale invasion, with the United Arab Emirates acting as mediator.\n"
)


def only_skip(path: Path) -> Skip:
    (item,) = list(read_inputs([path]))
    assert isinstance(item, Skip)
    message = item.message()
    assert "\n" not in message and message.startswith(str(path))
    return item


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n")
    assert only_skip(path).reason == "empty file"


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert only_skip(path).reason == "binary file, not text"


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(ARTICLE.encode() + "Talks in Zürich and São Paulo.".encode("cp1252"))
    assert only_skip(path).reason.startswith("undecodable bytes: not UTF-8")


def test_file_above_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    chunk = ARTICLE.encode() * 1000
    with path.open("wb") as handle:
        while handle.tell() < 50 * 2**20:
            handle.write(chunk)
    assert path.stat().st_size > MAX_FILE_BYTES
    assert only_skip(path).reason.startswith("file too large (50.")


def test_html_full_of_scripts(tmp_path):
    path = tmp_path / "scripts.html"
    path.write_text("<html><body>" + "<script>track({id: 1});</script>" * 5000 + "</body></html>", encoding="utf-8")
    assert only_skip(path).reason == "no article text found"


def test_non_english_text(tmp_path):
    path = tmp_path / "nachricht.txt"
    path.write_text(
        "Die Außenminister der Europäischen Union haben sich am Montag in Brüssel getroffen, um über neue Sanktionen "
        "gegen Russland zu beraten. Eine Einigung wurde nicht erzielt, die Gespräche sollen nächste Woche weitergehen.",
        encoding="utf-8",
    )
    assert only_skip(path).reason.startswith("not English")


def test_jsonl_with_a_broken_line_keeps_the_other_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "ok-1", "text": ARTICLE})
    path.write_text("\n".join([good, '{"id": "broken", "text": "unterminated', good.replace("ok-1", "ok-3")]) + "\n")
    items = list(read_inputs([path]))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Document"]
    assert items[1].line == 2
    assert items[1].message().startswith(f"{path}:2: invalid JSON")


def test_folder_of_ten_thousand_files_streams(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10_000):
        (folder / f"{n:05d}.txt").write_text(f"Ceasefire report number {n} from Idlib.\n", encoding="utf-8")
    stream = read_inputs([folder])
    first = list(islice(stream, 3))
    assert [d.id for d in first] == ["00000.txt", "00001.txt", "00002.txt"]
    rest = sum(1 for item in stream if isinstance(item, Document))
    assert rest == 9_997
