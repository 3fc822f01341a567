"""Measured accuracy and speed: `detente eval NAME` and `detente bench NAME` call `run` / `bench` of these modules."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path


def default_shared() -> Path:
    """The shared data folder: $DETENTE_SHARED, else `../shared` beside the repository (or the working folder)."""
    if env := os.environ.get("DETENTE_SHARED"):
        return Path(env)
    repo = Path(__file__).resolve().parents[3]
    for candidate in (repo / ".." / "shared", Path.cwd() / ".." / "shared"):
        if candidate.is_dir():
            return candidate.resolve()
    return (repo / ".." / "shared").resolve()


def require_file(path: Path) -> Path:
    """The path, or a clear error naming it when the shared data is absent."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found (the evaluation needs ../shared beside the repository)")
    return path


def corpus_records(corpora: Path) -> Iterator[tuple[Path, dict]]:
    """Every record of the shared corpora (`corpora/*/*.jsonl`) with its file, in file order; none when absent."""
    for path in sorted(corpora.glob("*/*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield path, json.loads(line)


def listed(errors: list, split: str, name: str) -> dict:
    """Errors are listed for the dev split only; any other split, being for measuring, gets their number."""
    return {name: errors} if split == "dev" else {f"{name}_count": len(errors)}
