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


def test_an_actor_identified_in_one_run_keeps_its_identity_in_the_next(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(
        "Talks on the border\n\nMexican Interior Minister Rosalba Quintanar met farmers in Sonora on Monday to discuss water "
        "rights and the drought that has hit the northern states this year, officials said.\n")
    (second / "b.txt").write_text(
        "Water talks resume\n\nRosalba Quintanar said on Friday that the talks with the farmers would resume next week "
        "after a pause of several days, according to a statement from his office.\n")
    db = str(tmp_path / "r.duckdb")
    eventwire.run([str(first)], db=db)
    eventwire.run([str(second)], db=db)
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("""SELECT ac.country, ac.sector FROM actors ac JOIN documents d ON d.id = ac.doc_id
                          WHERE d.path LIKE '%b.txt' AND ac.name LIKE '%Quintanar%'""").fetchall()
    assert rows == [("MEX", "GOV")]
    assert con.execute("SELECT count(*) FROM actor_registry WHERE name LIKE '%Quintanar%'").fetchone()[0] == 1
