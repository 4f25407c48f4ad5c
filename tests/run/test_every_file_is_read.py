"""`run` on what users have: legacy code pages, one-line notes, mojibake, entities; and an empty folder."""

from __future__ import annotations

import json

import duckdb
import pytest

from eventwire import config
from eventwire.errors import NoInput
from eventwire.run.pipeline import run_paths

STORY = ("\u201cWe will not pay,\u201d the mayor of Velmar said on Tuesday after the council\u2019s \u00a3{n}m "
         "repair bill was published.\r\nOpposition members in Sudria called it \u2018a scandal\u2019 and "
         "police arrested {n} protesters outside the town hall.\r\n")


@pytest.fixture(scope="module")
def legacy_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("legacy")
    for n in range(1, 13):
        (folder / f"cp1252-{n:02}.txt").write_bytes(STORY.format(n=n).encode("cp1252"))
    (folder / "latin1.txt").write_bytes("Le ministre a d\u00e9clar\u00e9 que la r\u00e9forme continue.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(STORY.format(n=99).encode("utf-16"))
    (folder / "mojibake.txt").write_text("Officials permitted \u00e2\u20ac\u02dcbhoomi puja\u00e2\u20ac\u2122 at the "
                                        "site, the district council of Velmar said.", encoding="utf-8")
    (folder / "entities.txt").write_text("The government of Sudria issued a communiqu&#233; on the talks.",
                                         encoding="utf-8")
    notes = ["2 soldiers killed in Wau.", "Farmer killed in Selea.", "Rioters tore up campaign billboards."]
    (folder / "notes.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in notes), encoding="utf-8")
    db = str(folder.parent / "legacy.duckdb")
    summary = run_paths([str(folder)], db=db)
    return summary, duckdb.connect(db, read_only=True)


def test_every_legacy_file_and_note_is_stored(legacy_run):
    summary, con = legacy_run
    assert summary.rejected == 0, [r.reason for r in summary.reject_reasons]
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 12 + 4 + 3


def test_the_encoding_and_how_it_was_found_are_stored(legacy_run):
    _, con = legacy_run
    rows = dict(con.execute("SELECT d.path, a.encoding || '/' || a.encoding_source FROM articles a "
                            "JOIN documents d USING (id)").fetchall())
    by_name = {path.rsplit("/", 1)[-1]: value for path, value in rows.items()}
    assert by_name["cp1252-01.txt"] in ("cp1252/detected", "cp1252/fallback")
    assert by_name["utf16.txt"] == "utf-16-le/bom"
    assert by_name["entities.txt"] == "utf-8/utf-8"
    text = con.execute("SELECT text FROM articles a JOIN documents d USING (id) "
                       "WHERE d.path LIKE '%cp1252-05.txt'").fetchone()[0]
    assert "\u00a35m" in text and "\u2018a scandal\u2019" in text


def test_mojibake_and_entities_are_repaired_in_the_stored_text(legacy_run):
    _, con = legacy_run
    texts = [t for (t,) in con.execute("SELECT text FROM articles").fetchall()]
    assert any("\u2018bhoomi puja\u2019" in t for t in texts)
    assert any("communiqu\u00e9" in t for t in texts)
    assert not any("\u00e2\u20ac" in t or "&#233;" in t for t in texts)
    repairs = {tuple(r) for (r,) in con.execute("SELECT repairs FROM articles").fetchall()}
    assert ("mojibake",) in repairs and ("entities",) in repairs


def test_an_empty_folder_raises_and_creates_no_database(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".hidden").write_text("x")
    with pytest.raises(NoInput, match="empty folder"):
        run_paths([str(tmp_path / "in")], db=str(tmp_path / "x.duckdb"))
    assert not (tmp_path / "x.duckdb").exists()


def test_a_document_over_budget_is_rejected_and_the_run_goes_on(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_text("<html><body><p>" + "The minister said talks failed. " * 30 + "</p></body></html>")
    (folder / "b.txt").write_text("Police arrested twelve protesters in Velmar on Monday, officials said.")
    monkeypatch.setattr(config, "MAX_DOCUMENT_SECONDS", 0.0)
    summary = run_paths([str(folder)], db=str(tmp_path / "x.duckdb"))
    reasons = [r.reason for r in summary.reject_reasons]
    assert summary.rejected == 2 and all("over the time budget" in r for r in reasons)
