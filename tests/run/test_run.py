"""`eventwire run`: idempotent by content hash, every table filled from the same records."""

from __future__ import annotations

import duckdb
import pytest

import eventwire
from eventwire.store.schema import TABLES


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, sample):
    db = str(tmp_path_factory.mktemp("run") / "sample.duckdb")
    first = eventwire.run([str(sample)], db=db)
    return db, first


def _counts(db):
    con = duckdb.connect(db, read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def test_sample_corpus_is_processed_without_rejects(sample_db):
    db, summary = sample_db
    assert summary.new >= 13
    assert summary.rejected == 0
    counts = _counts(db)
    assert counts["documents"] == counts["articles"] == summary.new
    assert counts["entities"] > 100


def test_running_twice_changes_no_row_count(sample_db, sample):
    db, _ = sample_db
    before = _counts(db)
    second = eventwire.run([str(sample)], db=db)
    assert second.new == 0 and second.unchanged == before["documents"]
    assert _counts(db) == before


def test_every_format_of_the_sample_is_stored(sample_db):
    db, _ = sample_db
    con = duckdb.connect(db, read_only=True)
    formats = {f for (f,) in con.execute("SELECT DISTINCT format FROM documents").fetchall()}
    assert formats == {"html", "text", "jsonl", "warc", "wet"}


def test_stored_entity_offsets_point_into_the_article_text(sample_db):
    db, _ = sample_db
    con = duckdb.connect(db, read_only=True)
    bad = con.execute("""
        SELECT count(*) FROM entities e JOIN articles a ON a.id = e.doc_id
        WHERE substr(a.text, e.start + 1, e."end" - e.start) <> e.text""").fetchone()[0]
    assert bad == 0


def test_html_metadata_comes_from_the_page(sample_db):
    db, _ = sample_db
    con = duckdb.connect(db, read_only=True)
    row = con.execute("""SELECT a.title, a.date, a.authors FROM articles a JOIN documents d USING (id)
                         WHERE d.path LIKE '%philippines-china-shoal%'""").fetchone()
    assert row[0].startswith("Philippines accuses China")
    assert row[1] == "2024-01-22"
    assert row[2]
