"""A database written before a column existed opens, gains the column, and takes new rows."""

from __future__ import annotations

import duckdb

from eventwire.store.duck import Store


def test_an_older_events_table_gains_the_coder_column(db):
    with Store(db):
        pass
    con = duckdb.connect(db)
    con.execute("ALTER TABLE events DROP COLUMN coder")  # as written by the release before the coder seam
    con.close()
    with Store(db) as store:
        columns = {r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'").fetchall()}
    assert "coder" in columns


def test_an_older_articles_table_gains_the_date_source_column(db):
    with Store(db):
        pass
    con = duckdb.connect(db)
    con.execute("ALTER TABLE articles DROP COLUMN date_source")  # as written before dates had a source
    con.close()
    with Store(db) as store:
        columns = {r[0] for r in store.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'articles'").fetchall()}
    assert "date_source" in columns
