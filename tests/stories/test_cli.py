"""`eventwire stories` and `eventwire story ID` on the sample database."""

from __future__ import annotations

import duckdb
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def test_stories_lists_stories_and_storylines(stories_db):
    db, _ = stories_db
    result = runner.invoke(app, ["stories", "--db", db, "--no-refresh"])
    assert result.exit_code == 0, result.output
    assert "Culiac" in result.output
    lines = runner.invoke(app, ["stories", "--db", db, "--storylines", "--no-refresh"])
    assert lines.exit_code == 0 and "sl-" in lines.output


def test_story_shows_a_storyline_timeline(stories_db):
    db, _ = stories_db
    with duckdb.connect(db, read_only=True) as con:
        (line_id,) = con.execute("SELECT id FROM storylines ORDER BY first_date LIMIT 1").fetchone()
        (story_id,) = con.execute("SELECT id FROM stories WHERE storyline_id IS NULL LIMIT 1").fetchone()
    result = runner.invoke(app, ["story", line_id, "--db", db])
    assert result.exit_code == 0, result.output
    assert "2023" in result.output and "2024" in result.output and "Colombia" in result.output
    assert runner.invoke(app, ["story", story_id, "--db", db]).exit_code == 0


def test_unknown_story_is_a_clear_error(stories_db):
    db, _ = stories_db
    result = runner.invoke(app, ["story", "st-nope", "--db", db])
    assert result.exit_code == 1 and "no story" in result.output
