"""`eventwire query`: a time cap, rows streamed in chunks, a memory cap, and no way out of the database file."""

from __future__ import annotations

import json
import os
import time

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store.query import QueryError, QueryLimits, QueryTimeout, open_query
from eventwire.store.views import VIEWS

runner = CliRunner()
ENDLESS = "SELECT i FROM range(1000000000000) t(i)"  # a trillion rows: no one can hold them


def test_a_query_past_its_timeout_is_stopped_with_one_line(events_db):
    started = time.perf_counter()
    result = runner.invoke(app, ["query", "SELECT count(*) FROM range(1000000000000)", "--db", events_db,
                                 "--timeout", "0.5"])
    assert time.perf_counter() - started < 10
    assert result.exit_code == 2
    assert "ran past its 0.5 s limit" in result.output and "Traceback" not in result.output
    with pytest.raises(QueryTimeout):
        with open_query(events_db, "SELECT count(*) FROM range(1000000000000)", QueryLimits(timeout=0.3)) as rows:
            list(rows.chunks)


def test_rows_arrive_in_chunks_before_the_query_is_done(events_db):
    with open_query(events_db, ENDLESS, QueryLimits(timeout=20, chunk_rows=1000)) as rows:
        assert rows.columns == ["i"]
        first, second = next(rows.chunks), next(rows.chunks)
    assert [r[0] for r in first] == list(range(1000)) and second[0][0] == 1000


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_the_cli_prints_rows_while_the_query_still_runs(events_db, fmt):
    """The query never ends: whatever was printed before the timeout was streamed."""
    result = runner.invoke(app, ["query", ENDLESS, "--db", events_db, "--format", fmt, "--limit", "0",
                                 "--timeout", "1"])
    assert result.exit_code == 2 and "ran past its 1 s limit" in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 1000
    if fmt == "jsonl":
        assert json.loads(lines[0]) == {"i": 0}


def test_the_memory_cap_is_set_and_a_bad_one_refused(events_db):
    with open_query(events_db, "SELECT current_setting('memory_limit')", QueryLimits(memory_limit="256MB")) as rows:
        assert next(rows.chunks) == [("244.1 MiB",)]
    result = runner.invoke(app, ["query", "SELECT 1", "--db", events_db, "--memory-limit", "lots"])
    assert result.exit_code == 2 and "bad memory limit 'lots'" in result.output


@pytest.fixture
def escape_hatch(events_db, tmp_path):
    """A secret outside the database's folder, a symlink to it in DuckDB's default spill folder `<db>.tmp/`."""
    secret = tmp_path / "outside" / "secret.csv"
    secret.parent.mkdir()
    secret.write_text("secret\nhunter2\n")
    spill = events_db + ".tmp"
    os.makedirs(spill, exist_ok=True)
    os.symlink(secret, os.path.join(spill, "link.csv"))
    return spill


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('{spill}/link.csv')",
    "SELECT * FROM read_text('{spill}/link.csv')",
    "SELECT * FROM glob('{spill}/*')",
    "COPY (SELECT 1) TO '{spill}/written.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SET enable_external_access = true",
    "SET temp_directory = '{spill}'",
])
def test_no_file_outside_the_database_can_be_reached(events_db, escape_hatch, sql):
    result = runner.invoke(app, ["query", sql.format(spill=escape_hatch), "--db", events_db, "--format", "csv"])
    assert result.exit_code == 2, result.output
    assert "hunter2" not in result.output and "root:" not in result.output
    assert not os.path.exists(os.path.join(escape_hatch, "written.csv"))


def test_the_only_allowed_directory_is_the_query_s_own(events_db, escape_hatch):
    with open_query(events_db, "SELECT current_setting('allowed_directories'), current_setting('temp_directory')") as rows:
        [(allowed, temp)] = next(rows.chunks)
    assert allowed == [temp.rstrip("/") + "/"] and "eventwire-query-" in temp
    assert not os.path.exists(temp)  # removed with the query


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_works_with_external_access_off(events_db, view):
    with open_query(events_db, f"SELECT * FROM {view}") as rows:
        assert rows.columns and list(rows.chunks) is not None
    if view == "events_flat":
        with open_query(events_db, "SELECT source_country FROM events_flat ORDER BY 1") as rows:
            assert next(rows.chunks) == [("FRA",), ("GBR",)]


def test_a_bad_statement_is_one_line(events_db):
    with pytest.raises(QueryError, match="read-only"):
        with open_query(events_db, "DELETE FROM events"):
            pass
