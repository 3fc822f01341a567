"""The `detente` command: a thin layer over the pipeline, the store and the evaluation modules."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from . import export
from .compare import display_sentence
from .evaluation import default_shared
from .model import ActorRef, Skip
from .store import Store

app = typer.Typer(help="detente: a sourced, queryable map of international politics from news articles.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True)

DB_OPTION = typer.Option(Path("detente.duckdb"), "--db", help="DuckDB database file.")
SHARED_OPTION = typer.Option(None, "--shared", help="The shared data folder (default: ../shared).")
EVALUATIONS = ("ingest", "actors", "events", "quotes", "claims", "compare", "basil")
BENCHES = {"ingest": "ingest", "nlp": "actors", "events": "events", "quotes": "quotes", "claims": "claims",
           "report": "compare"}


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    parts = [p.strip().upper() for p in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise typer.BadParameter("a dyad is two codes separated by a comma, e.g. RUS,ISR")
    return parts[0], parts[1]


def _ref(ref: ActorRef | None) -> str:
    if ref is None:
        return ""
    code = "-".join(p for p in (ref.country, ref.sector) if p)
    return f"{ref.name} ({code})" if code else ref.name


def _open_store(db: Path) -> Store:
    if not db.exists():
        errors.print(f"{db}: no such database (run `detente analyze` first)")
        raise typer.Exit(2)
    return Store(db)


def _print_table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles (.txt .md .html .htm .jsonl)."),
    db: Path = DB_OPTION,
    out: Path = typer.Option(Path("out"), "--out", help="Folder for analysis.json and report.html."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor definitions (YAML); repeatable."),
    workers: int = typer.Option(1, "--workers", min=1, help="Processes for the NLP stage."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input is skipped."),
) -> None:
    """Ingest articles, run every stage, store the results and write analysis.json and report.html."""
    from . import pipeline

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=errors, transient=True) as bar:
        task = bar.add_task("analysing", total=None)

        def on_progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        def on_skip(skip: Skip) -> None:
            bar.console.print(f"[yellow]skipped[/] {skip.message()}", highlight=False)

        summary = pipeline.run(paths, db, out, actor_files=actors, workers=workers, on_skip=on_skip,
                               progress=on_progress)
    counts = summary.counts
    console.print(
        f"documents: {summary.ingested} read, {summary.processed} analysed, {summary.unchanged} unchanged, "
        f"{summary.duplicates} near-duplicates, {len(summary.skips)} skipped\n"
        f"database {db}: {counts['documents']} documents, {counts['actors']} actors, {counts['mentions']} mentions, "
        f"{counts['events']} events, {counts['quotes']} quotes, {counts['claims']} claims, "
        f"{counts['contradictions']} contradictions, {counts['agreements']} agreements", highlight=False)
    for name, path in summary.outputs.items():
        console.print(f"{name}: {path}", highlight=False)
    if summary.ingested == 0 or (strict and summary.skips):
        raise typer.Exit(1)


@app.command("export")
def export_command(
    db: Path = DB_OPTION,
    format: str = typer.Option("json", "--format", help="json | csv | graphml"),
    out: Path = typer.Option(Path("out"), "--out", help="Output folder."),
) -> None:
    """Write analysis.json, one CSV per table (with a GDELT-like events table), or the actor network as GraphML."""
    with _open_store(db) as store:
        corpus = store.load_corpus()
    out.mkdir(parents=True, exist_ok=True)
    if format == "json":
        written = [export.write_json(corpus, out / "analysis.json")]
    elif format == "csv":
        written = export.write_csv(corpus, out)
    elif format == "graphml":
        from .network import write_graphml

        written = [write_graphml(corpus, out / "network.graphml")]
    else:
        raise typer.BadParameter("format must be json, csv or graphml")
    for path in written:
        console.print(str(path), highlight=False)


@app.command()
def stats(db: Path = DB_OPTION) -> None:
    """Counts of everything in the database, and the inputs skipped by the last run."""
    with _open_store(db) as store:
        counts = store.counts()
        skips = store.skips()
    _print_table(f"{db}", ["table", "rows"], [[k, v] for k, v in counts.items()])
    for skip in skips:
        console.print(f"skipped {skip.message()}", highlight=False)


@app.command("actors")
def actors_command(db: Path = DB_OPTION, country: Optional[str] = typer.Option(None, "--country")) -> None:
    """Actors with mention counts, the aliases seen and the documents they appear in."""
    with _open_store(db) as store:
        rows = store.actor_summary(country.upper() if country else None)
    _print_table("actors", ["actor", "name", "country", "sector", "kind", "mentions", "aliases seen", "documents"],
                 [[r["id"], r["name"], r["country"], r["sector"], r["kind"], r["mentions"],
                   "; ".join(r["aliases"][:8]), len(r["documents"])] for r in rows])


@app.command("events")
def events_command(
    db: Path = DB_OPTION,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id or country code."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="Two country codes, e.g. RUS,ISR."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD."),
) -> None:
    """Who did what to whom, with the sentence that says so."""
    with _open_store(db) as store:
        found = store.events(actor, _dyad(dyad), type, since)
    _print_table(f"{len(found)} events", ["date", "source", "type", "cameo", "target", "truth", "sentence"],
                 [[e.date or "?", _ref(e.source), e.plover, e.cameo, _ref(e.target),
                   ("negated " if e.negated else "") + e.modality, e.sentence] for e in found])


@app.command("quotes")
def quotes_command(
    db: Path = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Part of the speaker's name."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Speaker actor id or country code."),
) -> None:
    """Who said what."""
    with _open_store(db) as store:
        found = store.quotes(speaker, actor)
    _print_table(f"{len(found)} quotes", ["speaker", "cue", "kind", "quote", "document"],
                 [[_ref(q.speaker) or q.speaker_text, q.cue, q.kind, q.text, q.document_id] for q in found])


@app.command("claims")
def claims_command(db: Path = DB_OPTION, dyad: Optional[str] = typer.Option(None, "--dyad")) -> None:
    """How the sources characterise relations between actors."""
    with _open_store(db) as store:
        found = store.claims(_dyad(dyad))
    _print_table(f"{len(found)} claims", ["a", "relation", "b", "polarity", "modality", "holder", "sentence"],
                 [[_ref(c.a), c.relation, _ref(c.b), c.polarity, c.modality,
                   _ref(c.holder) or c.holder_text or "author", c.sentence] for c in found])


@app.command("compare")
def compare_command(db: Path = DB_OPTION, dyad: Optional[str] = typer.Option(None, "--dyad")) -> None:
    """Where the sources agree and where they contradict each other."""
    with _open_store(db) as store:
        findings = store.findings(_dyad(dyad))
        claims = {c.id: c for c in store.claims()}
        events = {e.id: e for e in store.events()}
    for kind in ("contradiction", "agreement"):
        selected = [f for f in findings if f.kind == kind]
        console.rule(f"{len(selected)} {kind}s")
        for finding in selected:
            console.print(f"[bold]{finding.topic}[/] ({'–'.join(finding.dyad)}): {finding.explanation}",
                          highlight=False)
            shown: set[tuple[str, str]] = set()
            for item_id in finding.claim_ids + finding.event_ids:
                item = claims.get(item_id) or events.get(item_id)
                if item is None or (item.document_id, item.sentence) in shown:
                    continue
                shown.add((item.document_id, item.sentence))
                console.print(f"  [dim]{item.document_id}[/] {display_sentence(item.sentence)}", highlight=False)


def _print_result(result: dict[str, Any], prefix: str = "") -> None:
    for key, value in result.items():
        if isinstance(value, dict):
            console.print(f"[bold]{prefix}{key}[/]")
            _print_result(value, prefix + "  ")
        elif isinstance(value, list) and value and isinstance(value[0], (list, dict)):
            console.print(f"[bold]{prefix}{key}[/] ({len(value)} rows)")
            for row in value[:40]:
                console.print(f"{prefix}  {json.dumps(row, ensure_ascii=False)}", highlight=False)
        else:
            console.print(f"{prefix}{key}: {value}", highlight=False)


def _run_measurement(module: str, function: str, shared: Path | None, json_out: Path | None,
                     **options: Any) -> None:
    shared = shared or default_shared()
    if not shared.is_dir():
        errors.print(f"{shared}: shared data folder not found (use --shared DIR or DETENTE_SHARED)")
        raise typer.Exit(2)
    measure = getattr(importlib.import_module(f"detente.evaluation.{module}"), function)
    result = measure(shared, **{k: v for k, v in options.items() if v is not None})
    _print_result(result)
    if json_out:
        json_out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")


@app.command("eval")
def eval_command(
    name: str = typer.Argument(..., help="ingest | actors | events | quotes | claims | compare | basil"),
    shared: Optional[Path] = SHARED_OPTION,
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures to this file."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="basil: analyse only the first N articles."),
) -> None:
    """Measure accuracy against labelled data."""
    if name not in EVALUATIONS:
        raise typer.BadParameter(f"choose one of {', '.join(EVALUATIONS)}")
    if limit is not None and name != "basil":
        raise typer.BadParameter("--limit applies to `eval basil` only")
    _run_measurement(name, "run", shared, json_out, limit=limit)


@app.command("bench")
def bench_command(
    name: str = typer.Argument(..., help="ingest | nlp | events | quotes | claims | report"),
    shared: Optional[Path] = SHARED_OPTION,
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures to this file."),
) -> None:
    """Measure speed on ../shared/corpora."""
    if name not in BENCHES:
        raise typer.BadParameter(f"choose one of {', '.join(BENCHES)}")
    _run_measurement(BENCHES[name], "bench", shared, json_out)
