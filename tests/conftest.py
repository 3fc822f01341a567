"""Shared fixtures: the shared data folder and one Pipeline per test session (loading spaCy is slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.evaluation import default_shared

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = REPO / "tests" / "data"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository; tests that need it are skipped when it is absent."""
    path = default_shared()
    if not (path / "corpora").is_dir():
        pytest.skip(f"shared data folder not found at {path} (integration test needs ../shared)")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """The full pipeline, built once for the whole test session."""
    from detente.pipeline import Pipeline

    return Pipeline()
