"""`eventwire events`: a country as people write it ('UK', 'Britain') finds the stored ISO-3 events, an unknown
one is refused in one line, and table cells end at a word."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from tests.cli.conftest import LONG_SENTENCE

runner = CliRunner()


@pytest.mark.parametrize("country", ["UK", "uk", "GB", "gbr", "Britain", "United Kingdom"])
def test_a_country_as_people_write_it_finds_the_gbr_events(events_db, country):
    result = runner.invoke(app, ["events", "--db", events_db, "--country", country, "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [(r["source"]["country"], r["target"]["country"]) for r in rows] == [("GBR", "GBR")]


def test_an_unknown_country_is_refused_in_one_line(events_db):
    result = runner.invoke(app, ["events", "--db", events_db, "--country", "Narnia"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "unknown country 'Narnia'" in lines[0] and "Traceback" not in result.output


def test_the_events_table_cuts_a_sentence_at_a_word(events_db):
    result = CliRunner().invoke(app, ["events", "--db", events_db, "--country", "GBR"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    cell = next(part.strip() for line in result.stdout.splitlines() for part in line.split("│")
                if part.strip().startswith("The prime minister"))
    assert cell.endswith("…") and len(cell) <= 100
    assert LONG_SENTENCE.startswith(cell[:-1]) and LONG_SENTENCE[len(cell) - 1] == " "  # a whole word before the cut
