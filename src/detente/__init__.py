"""detente: a sourced, queryable map of international politics from news and opinion articles."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def analyze(paths: Any, db: Any = "detente.duckdb", out: Any = None, actor_files: Any = ()) -> dict[str, Any]:
    """Analyse articles into the database and return the content of analysis.json (see `pipeline.analyze`)."""
    from .pipeline import analyze as run_analysis

    return run_analysis(paths, db=db, out=out, actor_files=actor_files)
