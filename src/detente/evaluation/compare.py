"""Contradictions and agreements found across sources, against labelled article groups (`detente eval compare`).

The groups are tests/data/compare/groups.yaml (format in that folder's README): each group lists its documents (ids
in `<group>.jsonl`, or `shared:<file>#<id>` records of ../shared/corpora) and the contradictions and agreements a
careful reader finds, each with its dyad, kind, documents and evidence. Every group is ingested as `detente
analyze` would (cleaning, near-duplicate detection), run through the pipeline and compared on its own.

A system finding matches a label of its group when the label's dyad is the finding's dyad (or the dyad of one of its
events or claims, as for a disputed actor) and the finding's documents include all the label's documents, and both
are about claims or both about events (`claim_polarity`/`claim_relation`/`claim` vs `event_*`/`event`). Recall: the
share of labels matched by some finding; precision: the share of findings that match some label. Groups at even
positions of groups.yaml are the dev split (the only ones to tune on), odd positions the test split.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..compare import compare
from ..model import Actor, Corpus, Document, DocumentAnalysis, Finding
from ..network import dyad_key, node_of
from . import default_shared, require_file

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "compare"


def load_groups(folder: Path = DATA) -> list[dict[str, Any]]:
    return yaml.safe_load((folder / "groups.yaml").read_text("utf-8"))


def _read_jsonl(path: Path) -> dict[str, Document]:
    from ..ingest import read_inputs

    return {item.id: item for item in read_inputs([path]) if isinstance(item, Document)}


class DocumentSource:
    """Documents of the groups, read (and cleaned) once per file."""

    def __init__(self, shared: Path, folder: Path = DATA):
        self.shared = shared
        self.folder = folder
        self._files: dict[Path, dict[str, Document]] = {}

    def _file(self, path: Path) -> dict[str, Document]:
        if path not in self._files:
            self._files[path] = _read_jsonl(require_file(path))
        return self._files[path]

    def resolve(self, reference: str, group_file: str) -> Document:
        """The document a group names: `shared:<file>#<id>` or an id of the group's own file."""
        if reference.startswith("shared:"):
            name, record_id = reference[len("shared:"):].split("#", 1)
            matches = sorted((self.shared / "corpora").glob(f"**/{name}"))
            if not matches:
                raise FileNotFoundError(f"{name}: not found under {self.shared / 'corpora'}")
            document = self._file(matches[0])[record_id]
        else:
            document = self._file(self.folder / group_file)[reference]
        return Document(**{**document.__dict__, "reader_comments": list(document.reader_comments)})


def document_key(reference: str) -> str:
    """The document id a group reference resolves to."""
    return reference.split("#", 1)[1] if reference.startswith("shared:") else reference


def corpus_from_analyses(analyses: list[DocumentAnalysis], extra_documents: list[Document] = ()) -> Corpus:
    """One Corpus from per-document analyses (actors merged by id), with equal events linked across documents."""
    from ..events import link_across_documents

    corpus = Corpus()
    actors: dict[str, Actor] = {}
    for analysis in analyses:
        corpus.documents.append(analysis.document)
        actors.update(analysis.actors)
        corpus.mentions += analysis.mentions
        corpus.events += analysis.events
        corpus.quotes += analysis.quotes
        corpus.claims += analysis.claims
        corpus.framing += analysis.framing
    corpus.documents += list(extra_documents)
    corpus.actors = sorted(actors.values(), key=lambda a: a.id)
    link_across_documents(corpus.events)
    return corpus


def analyze_group(pipeline, documents: list[Document]) -> Corpus:
    """Mark near-duplicates, analyse the originals, and return the group's corpus."""
    from ..dedup import mark_duplicates

    mark_duplicates(documents)
    originals = [d for d in documents if not d.duplicate_of]
    duplicates = [d for d in documents if d.duplicate_of]
    return corpus_from_analyses(list(pipeline.process(originals)), duplicates)


def family(kind: str) -> str:
    return "claim" if kind.startswith("claim") else "event"


def finding_dyads(finding: Finding, corpus: Corpus) -> set[tuple[str, str]]:
    dyads = {tuple(finding.dyad)}
    events = {e.id: e for e in corpus.events}
    claims = {c.id: c for c in corpus.claims}
    for event_id in finding.event_ids:
        event = events.get(event_id)
        if event is not None and event.target is not None:
            dyads.add(dyad_key(node_of(event.source), node_of(event.target)))
    for claim_id in finding.claim_ids:
        claim = claims.get(claim_id)
        if claim is not None:
            dyads.add(dyad_key(node_of(claim.a), node_of(claim.b)))
    return dyads


def matches(finding: Finding, label: dict[str, Any], corpus: Corpus) -> bool:
    dyad = dyad_key(*label["dyad"])
    documents = {document_key(d) for d in label["documents"]}
    return (family(finding.topic) == family(label["kind"]) and dyad in finding_dyads(finding, corpus)
            and documents <= set(finding.document_ids))


@dataclass
class Tally:
    labels: int = 0
    found: int = 0
    findings: int = 0
    correct: int = 0

    def metrics(self) -> dict[str, Any]:
        return {"labelled": self.labels, "matched": self.found, "system": self.findings, "correct": self.correct,
                "recall": round(self.found / self.labels, 3) if self.labels else None,
                "precision": round(self.correct / self.findings, 3) if self.findings else None}


def split_of(position: int) -> str:
    """Groups at even positions of groups.yaml are the dev split (tune on these), odd positions the test split."""
    return "dev" if position % 2 == 0 else "test"


def _label_words(label: dict[str, Any]) -> str:
    return f"{label['kind']} {'-'.join(label['dyad'])} {' / '.join(document_key(d) for d in label['documents'])}"


def _finding_words(finding: Finding) -> str:
    return f"{finding.topic} {'-'.join(finding.dyad)}: {finding.explanation}"


def score_group(group: dict[str, Any], corpus: Corpus, findings: list[Finding],
                tallies: dict[str, Tally]) -> dict[str, Any]:
    """Add a group's matches to the tallies; return its row: counts, misses and false findings."""
    row: dict[str, Any] = {"group": group["group"]}
    for kind in ("contradiction", "agreement"):
        labels = group.get(f"{kind}s") or []
        system = [f for f in findings if f.kind == kind]
        tally = tallies[kind]
        missed = [label for label in labels if not any(matches(f, label, corpus) for f in system)]
        false = [f for f in system if not any(matches(f, label, corpus) for label in labels)]
        tally.labels += len(labels)
        found, right = len(labels) - len(missed), len(system) - len(false)
        tally.found += found
        tally.findings += len(system)
        tally.correct += right
        row[f"{kind}s"] = f"{found}/{len(labels)} found, {right}/{len(system)} right"
        row[f"missed {kind}s"] = [_label_words(label) for label in missed]
        row[f"false {kind}s"] = [_finding_words(f) for f in false]
    return row


def run(shared: Path | None = None, pipeline=None, folder: Path = DATA) -> dict[str, Any]:
    """Contradiction and agreement recall and precision on the dev groups, the test groups and all of them, with
    each group's misses and false findings in "details"."""
    from ..pipeline import Pipeline

    shared = shared or default_shared()
    pipeline = pipeline or Pipeline()
    source = DocumentSource(shared, folder)
    tallies = {split: {"contradiction": Tally(), "agreement": Tally()} for split in ("dev", "test", "all")}
    details: list[dict[str, Any]] = []
    by_topic: Counter[str] = Counter()
    groups = load_groups(folder)
    for position, group in enumerate(groups):
        documents = [source.resolve(reference, group["file"]) for reference in group["documents"]]
        corpus = analyze_group(pipeline, documents)
        findings = compare(corpus)
        by_topic.update(f.topic for f in findings)
        split = split_of(position)
        score_group(group, corpus, findings, tallies["all"])
        details.append({"split": split, **score_group(group, corpus, findings, tallies[split])})
    return {
        "groups": {split: sum(1 for p in range(len(groups)) if split_of(p) == split) for split in ("dev", "test")},
        "documents": sum(len(g["documents"]) for g in groups),
        "contradictions": {split: t["contradiction"].metrics() for split, t in tallies.items()},
        "agreements": {split: t["agreement"].metrics() for split, t in tallies.items()},
        "findings_by_topic": dict(sorted(by_topic.items())),
        "details": details,
    }


def bench(shared: Path | None = None, documents: int = 1000, out: Path | None = None) -> dict[str, Any]:
    """`detente bench report`: size and Chromium load time of report.html for a synthetic corpus (see report.bench).

    The corpus is generated, so `shared` is not read; the report is written to `out` (default: a new temporary
    folder) and its path is part of the result."""
    import tempfile

    from ..report import bench as report_bench

    out = out or Path(tempfile.mkdtemp(prefix="detente-report-bench-"))
    return report_bench(out, documents=documents)
