"""Ingestion accuracy and speed: `detente eval ingest` and `detente bench ingest`.

(a) html-bench (`../shared/corpora/html-bench`, 15 saved kremlin.ru pages): token F1 of the extracted body against
    the expected article text, title and date matches. The page's lead paragraph is article text, so the reference
    is `lead` + `body_text`; F1 against `body_text` alone is reported too.
(b) The same pages rendered to plain text with all page chrome kept (menus, tags, share block, footer), cleaned as a
    `.txt` file: token F1 against the same reference.
(c) The labelled noisy plain-text cases in `tests/data/noisy` when present (body sentences and metadata).
`bench(shared)` times `read_inputs` + `mark_duplicates` on the 656 records of the large corpora (wikinews, kremlin,
whitehouse), and separately on the html-bench pages.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html

from detente.cleaning import clean_text
from detente.dedup import mark_duplicates
from detente.html import extract_html
from detente.ingest import read_inputs
from detente.model import Document

# The large corpora of ../shared/corpora whose records the throughput bench ingests.
BENCH_CORPORA = ("wikinews", "kremlin", "whitehouse")
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
# Elements a text-mode browser shows as blocks: blank line around them; list-like ones on their own line.
_PARAGRAPH_TAGS = {
    "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "blockquote", "pre", "figure", "figcaption", "form", "ul", "ol", "dl", "address", "hr", "body",
}
_LINE_TAGS = {"li", "br", "tr", "dt", "dd", "option"}
_HIDDEN_TAGS = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select"}


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.casefold()))


def token_f1(found: str, expected: str) -> float:
    """Bag-of-words F1 of two texts (case-folded word tokens)."""
    got, want = tokens(found), tokens(expected)
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def render_text(raw: str) -> str:
    """A saved page as a text-mode browser shows it: every visible text, menus and footers included, one block per
    paragraph. Used to make realistic "web page saved as text" inputs; not part of the product."""
    root = lxml_html.document_fromstring(raw)
    parts: list[str] = []

    def walk(element) -> None:
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag in _HIDDEN_TAGS:
            if element.tail:
                parts.append(_SPACES.sub(" ", element.tail))
            return
        breaker = "\n\n" if tag in _PARAGRAPH_TAGS else "\n" if tag in _LINE_TAGS else ""
        parts.append(breaker)
        if element.text:
            parts.append(_SPACES.sub(" ", element.text))
        for child in element:
            walk(child)
        parts.append(breaker)
        if element.tail:
            parts.append(_SPACES.sub(" ", element.tail))

    walk(root)
    text = "".join(parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _norm(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _html_bench(shared: Path) -> dict:
    bench = shared / "corpora" / "html-bench"
    manifest = json.loads((bench / "manifest.json").read_text(encoding="utf-8"))
    rows = []
    for page in manifest:
        raw = (bench / page["html"]).read_text(encoding="utf-8")
        expected = json.loads((bench / page["expected"]).read_text(encoding="utf-8"))
        reference = "\n\n".join(p for p in (expected.get("lead"), expected["body_text"]) if p)
        extracted = extract_html(raw)
        as_text = clean_text(render_text(raw))
        rows.append(
            {
                "id": page["id"],
                "html_f1": round(token_f1(extracted.body, reference), 3),
                "html_f1_body_text": round(token_f1(extracted.body, expected["body_text"]), 3),
                "title": _norm(extracted.title) == _norm(expected["title"]),
                "date": extracted.published == expected["date"],
                "text_f1": round(token_f1(as_text.body, reference), 3),
                "text_f1_body_text": round(token_f1(as_text.body, expected["body_text"]), 3),
                "text_title": _norm(as_text.title) == _norm(expected["title"]),
                "text_date": as_text.published == expected["date"],
            }
        )
    n = len(rows)

    def mean(key: str) -> float:
        return round(sum(r[key] for r in rows) / n, 3) if n else 0.0

    return {
        "pages": n,
        "html_body_f1": mean("html_f1"),
        "html_body_f1_vs_body_text": mean("html_f1_body_text"),
        "html_title_matches": sum(r["title"] for r in rows),
        "html_date_matches": sum(r["date"] for r in rows),
        "text_body_f1": mean("text_f1"),
        "text_body_f1_vs_body_text": mean("text_f1_body_text"),
        "text_title_matches": sum(r["text_title"] for r in rows),
        "text_date_matches": sum(r["text_date"] for r in rows),
        "rows": rows,
    }


def noisy_cases(folder: Path) -> dict:
    """Score `clean_text` on labelled noisy pages: required / forbidden body passages and every metadata field."""
    cases = sorted(folder.glob("*.expected.json"))
    passed_passages = total_passages = passed_fields = total_fields = 0
    failures = []
    for expected_file in cases:
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        source = expected_file.with_name(expected_file.name.replace(".expected.json", ".txt"))
        cleaned = clean_text(source.read_text(encoding="utf-8"))
        checks = [(p, p in cleaned.body) for p in expected.get("body_contains", [])]
        checks += [(f"not: {p}", p not in cleaned.body) for p in expected.get("body_excludes", [])]
        for passage, ok in checks:
            total_passages += 1
            passed_passages += ok
            if not ok:
                failures.append({"case": source.stem, "passage": passage[:80]})
        for key, value in expected.get("metadata", {}).items():
            total_fields += 1
            ok = getattr(cleaned, key) == value
            passed_fields += ok
            if not ok:
                failures.append({"case": source.stem, "field": key, "expected": value, "found": getattr(cleaned, key)})
    return {
        "cases": len(cases),
        "body_passages_correct": round(passed_passages / total_passages, 3) if total_passages else None,
        "metadata_fields_correct": round(passed_fields / total_fields, 3) if total_fields else None,
        "failures": failures,
    }


def run(shared: Path) -> dict:
    """Accuracy of body extraction and metadata on html-bench (as HTML and as plain text) and the noisy cases."""
    result: dict = {}
    if (shared / "corpora" / "html-bench" / "manifest.json").exists():
        bench = _html_bench(shared)
        result.update({k: v for k, v in bench.items() if k != "rows"})
        result["details"] = {"html_bench": bench["rows"]}
    noisy = Path(__file__).resolve().parents[3] / "tests" / "data" / "noisy"
    if noisy.is_dir():
        cases = noisy_cases(noisy)
        result["noisy"] = {k: v for k, v in cases.items() if k != "failures"}
        result.setdefault("details", {})["noisy_failures"] = cases["failures"]
    return result


def bench(shared: Path) -> dict:
    """Ingestion speed (everything before the NLP stage: reading, cleaning, metadata, near-duplicate marking) on the
    documents of the large corpora (`BENCH_CORPORA`, 656 records), and separately on the html-bench pages."""
    corpora = shared / "corpora"
    files = sorted(path for name in BENCH_CORPORA for path in (corpora / name).glob("*.jsonl"))
    result = {"inputs": [path.relative_to(shared).as_posix() for path in files], **_timed(files)}
    pages = sorted((corpora / "html-bench" / "pages").glob("*.html"))
    if pages:
        result["html_bench"] = _timed(pages)
    return result


def _timed(paths: list[Path]) -> dict:
    start, cpu_start = time.perf_counter(), time.process_time()
    documents: list[Document] = []
    skipped = 0
    for item in read_inputs(paths):
        if isinstance(item, Document):
            documents.append(item)
        else:
            skipped += 1
    mark_duplicates(documents)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "documents": len(documents),
        "skipped": skipped,
        "near_duplicates": sum(d.duplicate_of is not None for d in documents),
        "seconds": round(seconds, 3),
        "documents_per_second": round(len(documents) / seconds, 1) if seconds else None,
        "cpu_seconds": round(cpu_seconds, 3),
        "documents_per_cpu_second": round(len(documents) / cpu_seconds, 1) if cpu_seconds else None,
    }
