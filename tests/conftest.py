"""Shared fixtures: paths to ../shared (evaluation data, never copied into the repo) and the sample corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "sample" / "news"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def sample() -> Path:
    return SAMPLE


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "test.duckdb")
