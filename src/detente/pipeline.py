"""Runs the stages: ingest → nlp → actors → quotes → events → claims → store → compare → export and report."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import actors, claims, compare, dedup, events, export, quotes, report
from .ingest import read_inputs
from .model import Corpus, Document, DocumentAnalysis, Skip
from .nlp import DEFAULT_MODEL, load_nlp
from .store import Store

SECTIONS = ("title", "body")
Progress = Callable[[int], None]


class Pipeline:
    """The NLP model and actor registry, loaded once, and the per-document stages."""

    def __init__(self, model: str = DEFAULT_MODEL, actor_files: Sequence[Path] = (), batch_size: int = 16,
                 workers: int = 1):
        self.registry = actors.ActorRegistry.load(actor_files)
        self.nlp = load_nlp(self.registry, model=model)
        self.batch_size = batch_size
        self.workers = workers

    def parse(self, texts: Iterable[str]) -> Iterator[Any]:
        """spaCy Docs for the texts, in order."""
        yield from self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.workers)

    def analyze_parsed(self, document: Document, parsed: dict[str, Any]) -> DocumentAnalysis:
        """Run the per-document stages on the parsed sections ({"title": Doc, "body": Doc})."""
        analysis = DocumentAnalysis(document=document)
        for section, doc in parsed.items():
            analysis.mentions += actors.resolve(doc, analysis, section)
        for section, doc in parsed.items():
            found_quotes, signals = quotes.extract_quotes(doc, analysis, section)
            analysis.quotes += found_quotes
            analysis.framing += signals
        for section, doc in parsed.items():
            analysis.events += events.extract_events(doc, analysis, section)
        for section, doc in parsed.items():
            analysis.claims += claims.extract_claims(doc, analysis, section)
        return analysis

    def process(self, documents: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        """Analyse documents in batches through nlp.pipe; yields one DocumentAnalysis per document, in order."""
        documents = iter(documents)
        while batch := list(itertools.islice(documents, self.batch_size * 4)):
            texts = [(doc.title or "") if section == "title" else doc.body
                     for doc in batch for section in SECTIONS]
            parsed = iter(self.parse(texts))
            for document in batch:
                sections = {section: next(parsed) for section in SECTIONS}
                if not document.title:
                    del sections["title"]
                yield self.analyze_parsed(document, sections)

    def analyze_text(self, text: str, title: str | None = None, published: str | None = None,
                     document_id: str = "doc", url: str | None = None) -> DocumentAnalysis:
        """Analyse one text (for notebooks, tests and evaluations)."""
        document = Document(id=document_id, path="<text>", body=text, title=title, published=published, url=url)
        return next(self.process([document]))


@dataclass
class RunSummary:
    """What one `analyze` run did."""

    ingested: int = 0
    processed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    skips: list[Skip] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    outputs: dict[str, Path] = field(default_factory=dict)
    corpus: Corpus | None = None  # everything in the database after the run


def run(paths: Sequence[Path], db: Path, out: Path | None, pipeline: Pipeline | None = None,
        actor_files: Sequence[Path] = (), workers: int = 1, on_skip: Callable[[Skip], None] | None = None,
        progress: Callable[[int, int], None] | None = None, write_report: bool = True) -> RunSummary:
    """Ingest the paths, analyse new or changed documents into the database, then compare and export."""
    summary = RunSummary()
    with Store(db) as store:
        stored = store.document_hashes()
        pending: list[Document] = []
        seen: set[str] = set()
        for item in read_inputs([Path(p) for p in paths]):
            if isinstance(item, Document) and item.id in seen:
                item = Skip(item.path, f"document id {item.id!r} was already read in this run")
            if isinstance(item, Skip):
                summary.skips.append(item)
                if on_skip:
                    on_skip(item)
                continue
            seen.add(item.id)
            summary.ingested += 1
            if stored.get(item.id) == item.content_hash:
                summary.unchanged += 1
            else:
                pending.append(item)
        store.record_skips(summary.skips)
        dedup.mark_duplicates(pending, known=store.document_bodies())
        duplicates = [d for d in pending if d.duplicate_of]
        originals = [d for d in pending if not d.duplicate_of]
        summary.duplicates = len(duplicates)
        for document in duplicates:
            store.save_analysis(DocumentAnalysis(document=document))
        if originals:
            pipeline = pipeline or Pipeline(actor_files=actor_files, workers=workers)
            for analysis in pipeline.process(originals):
                store.save_analysis(analysis)
                summary.processed += 1
                if progress:
                    progress(summary.processed, len(originals))
        corpus = store.load_corpus()
        events.link_across_documents(corpus.events)
        corpus.findings = compare.compare(corpus)
        store.replace_corpus_results(corpus.events, corpus.findings)
        summary.counts = store.counts()
        summary.corpus = corpus
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            summary.outputs["json"] = out / "analysis.json"
            export.write_json(corpus, summary.outputs["json"])
            if write_report:
                summary.outputs["report"] = out / "report.html"
                report.write_report(corpus, corpus.findings, summary.outputs["report"])
    return summary


def analyze(paths: Sequence[str | Path], db: str | Path = "detente.duckdb", out: str | Path | None = None,
            actor_files: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Analyse articles into the database and return the content of `analysis.json` (the Python API)."""
    summary = run([Path(p) for p in paths], Path(db), Path(out) if out else None,
                  actor_files=[Path(p) for p in actor_files], write_report=out is not None)
    return export.corpus_to_dict(summary.corpus)
