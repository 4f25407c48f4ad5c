"""A sample-corpus database with stories, built once for the stories tests."""

from __future__ import annotations

import duckdb
import pytest

import eventwire
from eventwire.stories import update


@pytest.fixture(scope="session")
def stories_db(tmp_path_factory, sample):
    db = str(tmp_path_factory.mktemp("stories") / "sample.duckdb")
    summary = eventwire.run([str(sample)], db=db)  # `run` ends with stories.update
    with duckdb.connect(db) as con:
        rest = update(con)  # a no-op when the pipeline already called it
    first = summary.stories if summary.stories.get("articles") else rest
    return db, first
