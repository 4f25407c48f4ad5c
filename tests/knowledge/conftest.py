"""A small helper: run the knowledge stage on a short text without the extraction step."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def annotate():
    from eventwire.knowledge.stage import annotate_texts as _annotate

    def run(text: str, date: str | None = None):
        return _annotate([text], [date])[0][0]

    return run
