"""The DuckDB store: the only module that speaks SQL.

Each record type of `model.py` has one table whose columns follow the dataclass fields: an `ActorRef` field becomes
four columns (`source_actor_id`, `source_name`, ...), lists become JSON text. A document and everything found in it are
written in one transaction, so a run killed at any moment leaves whole documents or none, and the next run resumes.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from .model import (
    Actor,
    ActorRef,
    Claim,
    Comment,
    Corpus,
    Document,
    DocumentAnalysis,
    Event,
    Evidence,
    Finding,
    FramingSignal,
    Mention,
    Quote,
    Skip,
)

SCHEMA_VERSION = 1
INSERT_CHUNK = 500

# table name -> record type; every per-document table has a `document_id` column
TABLES: dict[str, type] = {
    "documents": Document,
    "actors": Actor,
    "mentions": Mention,
    "events": Event,
    "quotes": Quote,
    "claims": Claim,
    "framing": FramingSignal,
    "findings": Finding,
}
PER_DOCUMENT = ("mentions", "events", "quotes", "claims", "framing")
NESTED_LISTS = {"reader_comments": Comment, "evidence": Evidence}


def _is_actor_ref(hint: Any) -> bool:
    return hint is ActorRef or (typing.get_origin(hint) in (typing.Union, types.UnionType)
                                 and ActorRef in typing.get_args(hint))


def _sql_type(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    base = args[0]
    if base is bool:
        return "BOOLEAN"
    if base is int:
        return "BIGINT"
    if base is float:
        return "DOUBLE"
    return "VARCHAR"


class _Table:
    """Maps one dataclass to columns and back."""

    def __init__(self, name: str, record_type: type):
        self.name = name
        self.record_type = record_type
        self.hints = typing.get_type_hints(record_type)
        self.columns: list[tuple[str, str]] = []
        for f in dataclasses.fields(record_type):
            hint = self.hints[f.name]
            if _is_actor_ref(hint):
                self.columns += [(f"{f.name}_{part}", "VARCHAR") for part in ("actor_id", "name", "country", "sector")]
            elif typing.get_origin(hint) in (list, tuple):
                self.columns.append((f.name, "VARCHAR"))
            else:
                self.columns.append((f.name, _sql_type(hint)))

    def ddl(self) -> str:
        cols = ", ".join(f'"{name}" {kind}' for name, kind in self.columns)
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({cols})"

    def row(self, record: Any) -> list[Any]:
        values: list[Any] = []
        for f in dataclasses.fields(self.record_type):
            value = getattr(record, f.name)
            hint = self.hints[f.name]
            if _is_actor_ref(hint):
                values += [None] * 4 if value is None else [value.actor_id, value.name, value.country, value.sector]
            elif typing.get_origin(hint) in (list, tuple):
                items = [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
                values.append(json.dumps(items, ensure_ascii=False))
            else:
                values.append(value)
        return values

    def record(self, row: tuple[Any, ...]) -> Any:
        by_name = dict(zip((c for c, _ in self.columns), row))
        kwargs: dict[str, Any] = {}
        for f in dataclasses.fields(self.record_type):
            hint = self.hints[f.name]
            if _is_actor_ref(hint):
                parts = [by_name[f"{f.name}_{p}"] for p in ("actor_id", "name", "country", "sector")]
                kwargs[f.name] = None if parts[0] is None else ActorRef(*parts)
            elif typing.get_origin(hint) in (list, tuple):
                items = json.loads(by_name[f.name] or "[]")
                item_type = NESTED_LISTS.get(f.name)
                items = [item_type(**i) for i in items] if item_type else items
                kwargs[f.name] = tuple(items) if typing.get_origin(hint) is tuple else items
            else:
                kwargs[f.name] = by_name[f.name]
        return self.record_type(**kwargs)


class Store:
    """A detente database file (embedded DuckDB)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(self.path)
        self.tables = {name: _Table(name, cls) for name, cls in TABLES.items()}
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)")
        self.con.execute("CREATE TABLE IF NOT EXISTS skips (path VARCHAR, line BIGINT, reason VARCHAR)")
        for table in self.tables.values():
            self.con.execute(table.ddl())
        self._migrate_columns()
        if self.con.execute("SELECT count(*) FROM meta WHERE key = 'schema_version'").fetchone()[0] == 0:
            self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _migrate_columns(self) -> None:
        """Add columns that newer versions of the record types have (databases stay readable across upgrades)."""
        for table in self.tables.values():
            existing = {r[0] for r in self.con.execute(f"DESCRIBE {table.name}").fetchall()}
            for name, kind in table.columns:
                if name not in existing:
                    self.con.execute(f'ALTER TABLE {table.name} ADD COLUMN "{name}" {kind}')

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------------------

    def _insert(self, name: str, records: Iterable[Any]) -> None:
        table = self.tables[name]
        rows = [table.row(r) for r in records]
        cols = ", ".join(f'"{c}"' for c, _ in table.columns)
        one = "(" + ", ".join("?" * len(table.columns)) + ")"
        for i in range(0, len(rows), INSERT_CHUNK):
            chunk = rows[i:i + INSERT_CHUNK]
            sql = f"INSERT INTO {name} ({cols}) VALUES " + ", ".join([one] * len(chunk))
            self.con.execute(sql, [v for row in chunk for v in row])

    def _delete_document_rows(self, document_id: str) -> None:
        for name in PER_DOCUMENT:
            self.con.execute(f"DELETE FROM {name} WHERE document_id = ?", [document_id])
        self.con.execute("DELETE FROM documents WHERE id = ?", [document_id])

    def save_analysis(self, analysis: DocumentAnalysis) -> None:
        """Replace one document and everything found in it, atomically."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._delete_document_rows(analysis.document.id)
            self._upsert_actors(analysis.actors.values())
            self._insert("documents", [analysis.document])
            self._insert("mentions", analysis.mentions)
            self._insert("events", analysis.events)
            self._insert("quotes", analysis.quotes)
            self._insert("claims", analysis.claims)
            self._insert("framing", analysis.framing)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def _upsert_actors(self, actors: Iterable[Actor]) -> None:
        actors = list(actors)
        if not actors:
            return
        ids = [a.id for a in actors]
        self.con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?))", [ids])
        self._insert("actors", actors)

    def replace_corpus_results(self, events: list[Event], findings: list[Finding]) -> None:
        """Store what the corpus-level steps computed: cross-document event links and the findings."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for event in events:
                self.con.execute("UPDATE events SET linked = ? WHERE id = ?",
                                 [json.dumps(event.linked), event.id])
            self.con.execute("DELETE FROM findings")
            self._insert("findings", findings)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def record_skips(self, skips: list[Skip]) -> None:
        """Remember the inputs of the latest run that could not be ingested."""
        self.con.execute("DELETE FROM skips")
        if skips:
            self.con.executemany("INSERT INTO skips VALUES (?, ?, ?)", [[s.path, s.line, s.reason] for s in skips])

    # -- reading -------------------------------------------------------------------------------------------

    def document_hashes(self) -> dict[str, str]:
        """Stored document id -> content hash: what a new run need not process again."""
        return dict(self.con.execute("SELECT id, content_hash FROM documents").fetchall())

    def document_bodies(self) -> Iterator[tuple[str, str]]:
        """(id, body) of every stored original (non-duplicate) document, for near-duplicate detection."""
        yield from self.con.execute("SELECT id, body FROM documents WHERE duplicate_of IS NULL ORDER BY id").fetchall()

    def records(self, name: str, where: str = "", params: list[Any] | None = None) -> list[Any]:
        table = self.tables[name]
        cols = ", ".join(f'"{c}"' for c, _ in table.columns)
        order = "document_id, start" if name in PER_DOCUMENT else "id"
        rows = self.con.execute(f"SELECT {cols} FROM {name} {where} ORDER BY {order}", params or []).fetchall()
        return [table.record(r) for r in rows]

    def load_corpus(self) -> Corpus:
        return Corpus(**{name: self.records(name) for name in TABLES})

    def skips(self) -> list[Skip]:
        rows = self.con.execute("SELECT path, reason, line FROM skips ORDER BY path, line").fetchall()
        return [Skip(path, reason, line) for path, reason, line in rows]

    def counts(self) -> dict[str, int]:
        counts = {name: self.con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in TABLES}
        counts["duplicates"] = self.con.execute(
            "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
        for kind in ("contradiction", "agreement"):
            counts[kind + "s"] = self.con.execute(
                "SELECT count(*) FROM findings WHERE kind = ?", [kind]).fetchone()[0]
        counts["skipped"] = self.con.execute("SELECT count(*) FROM skips").fetchone()[0]
        return counts

    def actor_summary(self, country: str | None = None) -> list[dict[str, Any]]:
        """Actors with mention counts, the aliases seen and the documents they appear in."""
        sql = """
            SELECT a.id, a.name, a.country, a.sector, a.kind, count(m.id) AS mentions,
                   list(DISTINCT m.text ORDER BY m.text) AS aliases,
                   list(DISTINCT m.document_id ORDER BY m.document_id) AS documents
            FROM actors a JOIN mentions m ON m.actor_id = a.id
            WHERE (? IS NULL OR a.country = ?)
            GROUP BY ALL ORDER BY mentions DESC, a.id"""
        cur = self.con.execute(sql, [country, country])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def events(self, actor: str | None = None, dyad: tuple[str, str] | None = None, plover: str | None = None,
               since: str | None = None) -> list[Event]:
        """Events filtered by an actor (id or country), a dyad of countries (either direction), type and date."""
        clauses, params = [], []
        if actor:
            clauses.append("(? IN (source_actor_id, source_country, target_actor_id, target_country))")
            params.append(actor)
        if dyad:
            clauses.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
            params += [dyad[0], dyad[1], dyad[1], dyad[0]]
        if plover:
            clauses.append("plover = ?")
            params.append(plover.upper())
        if since:
            clauses.append("date >= ?")
            params.append(since)
        return self.records("events", "WHERE " + " AND ".join(clauses) if clauses else "", params)

    def quotes(self, speaker: str | None = None, actor: str | None = None) -> list[Quote]:
        """Quotes filtered by speaker name (substring) or speaker actor id / country."""
        clauses, params = [], []
        if speaker:
            clauses.append("(lower(speaker_name) LIKE ? OR lower(speaker_text) LIKE ?)")
            params += [f"%{speaker.lower()}%"] * 2
        if actor:
            clauses.append("(? IN (speaker_actor_id, speaker_country))")
            params.append(actor)
        return self.records("quotes", "WHERE " + " AND ".join(clauses) if clauses else "", params)

    def claims(self, dyad: tuple[str, str] | None = None) -> list[Claim]:
        """Claims, optionally about one dyad of countries (either order)."""
        if not dyad:
            return self.records("claims")
        return self.records("claims", "WHERE (a_country = ? AND b_country = ?) OR (a_country = ? AND b_country = ?)",
                            [dyad[0], dyad[1], dyad[1], dyad[0]])

    def findings(self, dyad: tuple[str, str] | None = None) -> list[Finding]:
        """Contradictions and agreements, optionally for one dyad."""
        findings = self.records("findings")
        if dyad:
            findings = [f for f in findings if set(f.dyad) == set(dyad)]
        return findings
