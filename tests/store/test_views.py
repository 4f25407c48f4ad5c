"""`eventwire query`: read-only SQL with the documented views."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import Store
from eventwire.store.views import VIEWS, create_views
from tests.export.conftest import documents

runner = CliRunner()


def _db(tmp_path) -> str:
    path = str(tmp_path / "q.duckdb")
    with Store(path) as store:
        store.write(documents())
    return path


def test_query_prints_rows_from_a_documented_view(tmp_path):
    db = _db(tmp_path)
    result = runner.invoke(app, ["query", "SELECT * FROM country_pairs ORDER BY events DESC, plover", "--db", db,
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["source_country"], r["target_country"], r["plover"]) for r in rows} == {
        ("NOR", "SDN", "CONSULT"), ("NOR", None, "ARREST"), ("NOR", None, "ASSAULT")}  # negated REJECT left out


def test_every_documented_view_runs(tmp_path):
    db = _db(tmp_path)
    with Store(db) as store:
        assert create_views(store.con) == list(VIEWS)
        for name in VIEWS:
            store.con.execute(f"SELECT * FROM {name}").fetchall()
        casualties = store.con.execute("SELECT kind, value FROM casualties ORDER BY kind").fetchall()
    assert casualties == [("ARREST", 12.0), ("KILL", 3.0)]


def test_query_cannot_change_the_database_or_touch_files(tmp_path):
    db = _db(tmp_path)
    for sql in ("DELETE FROM articles", "DROP TABLE events", f"COPY articles TO '{tmp_path / 'x.csv'}'",
                "SET enable_external_access = true"):
        result = runner.invoke(app, ["query", sql, "--db", db])
        assert result.exit_code == 2, sql
        assert "error:" in result.stderr
    assert not (tmp_path / "x.csv").exists()
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_query_csv_output_and_bad_sql(tmp_path):
    db = _db(tmp_path)
    result = runner.invoke(app, ["query", "SELECT id, site FROM articles ORDER BY id", "--db", db, "--format", "csv"])
    assert result.stdout.splitlines() == ["id,site", "doc-a,news.example", "doc-b,"]
    bad = runner.invoke(app, ["query", "SELEC 1", "--db", db])
    assert bad.exit_code == 2 and "syntax" in bad.stderr.lower()


def test_event_casualties_lists_the_counts_on_events(tmp_path):
    from eventwire.records import EventCount

    batch = documents()
    for _, document, _ in batch:
        for event in document.events:
            if event.plover == "ASSAULT":
                event.killed = EventCount(3, 3, None, "at least 3 killed", event.start, event.start + 17)
            if event.plover == "ARREST":
                event.arrested = EventCount(12, 12, 12, "12 protesters", event.start, event.start + 13)
    path = str(tmp_path / "c.duckdb")
    with Store(path) as store:
        store.write(batch)
        create_views(store.con)
        rows = store.con.execute("SELECT plover, killed, killed_max, arrested, killed_text FROM event_casualties "
                                 "ORDER BY plover").fetchall()
    assert rows == [("ARREST", None, None, 12.0, None), ("ASSAULT", 3.0, None, None, "at least 3 killed")]
