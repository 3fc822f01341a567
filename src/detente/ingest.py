"""Reading input files and folders into `Document`s, lazily and in a stable order; bad input becomes a `Skip`.

Formats: `.txt` / `.md` (a web page saved as text, cleaned by `cleaning.clean_text`), `.html` / `.htm` (a saved web
page, `html.extract_html`), `.jsonl` (one article per line). Hidden files and folders (names starting with ".") are
not read; project documentation (README, LICENSE, CHANGELOG, CONTRIBUTING files, any extension) is skipped. A `.txt`, `.md` or `.html` file above `MAX_FILE_BYTES` is skipped; a `.jsonl` file is read line by line, so
only a single record above that size is skipped.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.cleaning import CleanedText, clean_article, clean_text, detect_language, find_dates, same_name
from detente.html import extract_html
from detente.model import Document, Skip

MAX_FILE_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# README.md, LICENSE, CHANGELOG.txt, CONTRIBUTING-fr.md ...: the folder's own documentation, not an article.
_PROJECT_DOCUMENT = re.compile(r"(?:readme|licen[cs]e|changelog|contributing)(?:[^a-z].*)?", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
# Bytes that are not control characters (tab, line breaks and form feed count as text).
_TEXT_BYTES = bytes([9, 10, 11, 12, 13, *range(32, 256)])
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class BadInput(Exception):
    """An input that cannot be read; its message is the reason shown to the user."""


def read_inputs(paths: Iterable[Path]) -> Iterator[Document | Skip]:
    """Every document under `paths` (files, or folders walked recursively in name order), or why it was skipped."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in _walk(path):
                yield from read_file(file, file.relative_to(path).as_posix())
        elif path.is_file():
            yield from read_file(path, path.name)
        else:
            yield Skip(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, depth first, sorted by name at each level, without hidden entries or folder links."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_file(path: Path, doc_id: str) -> Iterator[Document | Skip]:
    """The documents of one file (several for `.jsonl`), or Skips saying why not."""
    suffix = path.suffix.lower()
    if _PROJECT_DOCUMENT.fullmatch(path.name):
        yield Skip(str(path), "project documentation, not an article")
        return
    if suffix not in SUPPORTED:
        yield Skip(str(path), f"unsupported file type '{suffix or path.name}' (expected .txt, .md, .html, .htm, .jsonl)")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise BadInput(f"file too large ({size / 2**20:.1f} MB > {MAX_FILE_BYTES // 2**20} MB limit)")
        raw = path.read_bytes()
        if not raw.strip():
            raise BadInput("empty file")
        text = _decode(raw, html=suffix in HTML_SUFFIXES)
        cleaned = extract_html(text) if suffix in HTML_SUFFIXES else clean_text(text)
        yield _document(doc_id, str(path), cleaned, hashlib.sha256(raw).hexdigest())
    except BadInput as error:
        yield Skip(str(path), str(error))
    except OSError as error:
        yield Skip(str(path), f"cannot read file ({error.strerror or error})")


def _decode(raw: bytes, *, html: bool) -> str:
    """Text of a file: UTF-8 (or a BOM's encoding, or an HTML page's declared charset); binary data is refused."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    head = raw[:8192]
    if b"\x00" in head or len(head.translate(None, _TEXT_BYTES)) > len(head) // 100:
        raise BadInput("binary file, not text")
    if html and (m := _CHARSET.search(raw[:4096])):
        try:
            return raw.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadInput(
            f"undecodable bytes: not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None


def _document(doc_id: str, path: str, cleaned: CleanedText, content_hash: str) -> Document:
    if not cleaned.body.strip():
        raise BadInput("no article text found")
    if cleaned.language == "und":
        ratio = detect_language(cleaned.body)[1]
        raise BadInput(f"not English (English function words are {ratio:.0%} of the words)")
    return Document(
        id=doc_id,
        path=path,
        body=cleaned.body,
        title=cleaned.title,
        outlet=cleaned.outlet,
        author=None if same_name(cleaned.author, cleaned.outlet) else cleaned.author,  # an outlet is never the author
        published=cleaned.published,
        url=cleaned.url,
        language=cleaned.language,
        reader_comments=cleaned.reader_comments,
        content_hash=content_hash,
    )


def _field(record: dict, *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
    return None


def _read_jsonl(path: Path) -> Iterator[Document | Skip]:
    """One document per line; a broken line is skipped with its line number and the others are kept."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield Skip(str(path), f"cannot read file ({error.strerror or error})")
        return
    with handle:
        records = 0
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            records += 1
            try:
                yield _record(path, number, line)
            except BadInput as error:
                yield Skip(str(path), str(error), line=number)
        if records == 0:
            yield Skip(str(path), "empty file")


def _record(path: Path, number: int, line: bytes) -> Document:
    if len(line) > MAX_FILE_BYTES:
        raise BadInput(f"record too large ({len(line) / 2**20:.1f} MB > {MAX_FILE_BYTES // 2**20} MB limit)")
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"undecodable bytes: not UTF-8 (byte 0x{line[error.start]:02x})") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"invalid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise BadInput("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput("no 'text' field")
    cleaned = clean_article(text)
    published = _field(record, "date", "published")
    cleaned.title = _field(record, "title")
    cleaned.outlet = _field(record, "outlet")
    cleaned.author = _field(record, "author")
    cleaned.url = _field(record, "url")
    cleaned.published = _iso_date(published)
    doc_id = _field(record, "id") or f"{path.name}:{number}"
    return _document(doc_id, str(path), cleaned, hashlib.sha256(line.rstrip(b"\r\n")).hexdigest())


def _iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from a record's date (ISO date or timestamp, or a written date); None when it has no full date."""
    if not value:
        return None
    dates = find_dates(value)
    return dates[0][2] if dates else None
