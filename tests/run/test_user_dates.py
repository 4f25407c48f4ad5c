"""Undated input gets a date from its path or from `run --date`, and every document says where its date came from."""

from __future__ import annotations

import json

import duckdb
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.cli import app
from eventwire.ingest import RawItem, read_paths
from eventwire.run.pipeline import to_work

BODY = ("Protesters marched through the capital on Tuesday to demand higher pensions, and police "
        "blocked the road to parliament, witnesses said. The interior minister said the march was "
        "peaceful and that talks with the unions would resume next week.\n")
DATELINE = "Pension march in the capital\nBy Ana Ruiz\nMarch 3, 2024\n\n" + BODY
HTML = ('<html><head><title>Pension march</title>'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>'
        f'<body><article><h1>Pension march</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>')


def _write(path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _dated(path, default_date=None) -> list[tuple[str | None, str]]:
    """(date, date_source) of each document in `path`, extraction only (no NLP)."""
    out = []
    for item in read_paths([str(path)]):
        assert isinstance(item, RawItem), item
        doc = to_work(item, default_date=default_date).document
        out.append((doc.date, doc.date_source))
    return out


def test_an_undated_text_takes_the_users_date(tmp_path):
    f = _write(tmp_path / "in" / "march.txt", BODY)
    assert _dated(f, "2011-03-04") == [("2011-03-04", "user")]
    assert _dated(f) == [(None, "none")]


@pytest.mark.parametrize("relative", ["2019/07/08/march.txt", "2019/07/08.txt", "wire-20190708-1.txt",
                                      "20190708/march.txt", "march-2019-07-08.txt", "2019-07-08/march.txt"])
def test_a_path_date_comes_before_the_users(tmp_path, relative):
    f = _write(tmp_path / "in" / relative, BODY)
    assert _dated(f, "2011-03-04") == [("2019-07-08", "path")]


def test_a_dateline_in_the_text_comes_before_path_and_user(tmp_path):
    f = _write(tmp_path / "in" / "2019" / "07" / "08" / "march.txt", DATELINE)
    assert _dated(f, "2011-03-04") == [("2024-03-03", "text")]


def test_an_html_pages_own_date_is_metadata(tmp_path):
    f = _write(tmp_path / "in" / "2019-07-08-march.html", HTML)
    assert _dated(f, "2011-03-04") == [("2024-03-05", "metadata")]


def test_the_jsonl_date_field_is_read_and_counts_as_metadata(tmp_path):
    lines = [{"text": BODY, "date": "2024-03-06"},
             {"text": BODY + "Later.", "date": "6 March 2024"},
             {"text": BODY + "Undated."},
             {"text": BODY + "Impossible.", "date": "2024-02-30"}]
    f = _write(tmp_path / "in" / "2019" / "07" / "08" / "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    assert _dated(f, "2011-03-04") == [("2024-03-06", "metadata"), ("2024-03-06", "metadata"),
                                       ("2019-07-08", "path"), ("2019-07-08", "path")]
    g = _write(tmp_path / "flat" / "feed.jsonl", json.dumps(lines[2]) + "\n")
    assert _dated(g, "2011-03-04") == [("2011-03-04", "user")]


def test_process_marks_a_given_date_as_the_users():
    assert eventwire.process(BODY, date="2011-03-04").date_source == "user"


# -- end to end: the CLI, the database, the Dask worker --------------------------------------------

runner = CliRunner()


@pytest.fixture(scope="module")
def dated_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("dates")
    _write(root / "in" / "undated.txt", BODY)
    _write(root / "in" / "2019" / "07" / "08" / "pathdated.txt", BODY + "From the archive.")
    _write(root / "in" / "dateline.txt", DATELINE)
    _write(root / "in" / "feed.jsonl", json.dumps({"text": BODY + "A feed.", "date": "2024-03-06"}) + "\n")
    db = str(root / "dated.duckdb")
    result = runner.invoke(app, ["run", str(root / "in"), "--db", db, "--date", "2011-03-04"])
    assert result.exit_code == 0, result.output
    return root, db


def test_run_date_fills_only_undated_documents_in_the_database(dated_run):
    _, db = dated_run
    con = duckdb.connect(db, read_only=True)
    rows = dict(con.execute("SELECT d.path, a.date || ' ' || a.date_source FROM articles a "
                            "JOIN documents d ON d.id = a.id").fetchall())
    con.close()
    by_name = {p.rsplit("/", 1)[-1]: v for p, v in rows.items()}
    assert by_name == {"undated.txt": "2011-03-04 user", "pathdated.txt": "2019-07-08 path",
                       "dateline.txt": "2024-03-03 text", "feed.jsonl": "2024-03-06 metadata"}


def test_a_dask_worker_applies_the_users_date_too(dated_run, tmp_path):
    import pyarrow.parquet as pq

    from eventwire.run.distributed import process_shard

    root, _ = dated_run
    files = [str(root / "in" / "undated.txt"), str(root / "in" / "2019" / "07" / "08" / "pathdated.txt")]
    result = process_shard(files, frozenset(), str(tmp_path / "parts"), None, 2, default_date="2011-03-04")
    assert not result.rejects
    table = pq.read_table(f"{result.parts[0]}/articles.parquet").to_pylist()
    assert sorted((r["date"], r["date_source"]) for r in table) == [("2011-03-04", "user"), ("2019-07-08", "path")]


@pytest.mark.parametrize("bad", ["2011-02-30", "04/03/2011", "soon"])
def test_a_bad_date_is_one_line_exit_2_and_no_database(tmp_path, bad):
    _write(tmp_path / "in" / "a.txt", BODY)
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--db", str(db), "--date", bad])
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "YYYY-MM-DD" in lines[0] and bad in lines[0], result.output
    assert not db.exists()


def test_the_python_run_checks_the_date_too(tmp_path):
    from eventwire.errors import BadDate

    _write(tmp_path / "in" / "a.txt", BODY)
    with pytest.raises(BadDate):
        eventwire.run([str(tmp_path / "in")], db=str(tmp_path / "x.duckdb"), date="2011-13-01")
    assert not (tmp_path / "x.duckdb").exists()


def test_process_command_date_is_the_users_and_a_path_date_fills_in(tmp_path):
    f = _write(tmp_path / "in" / "2019-07-08" / "a.txt", BODY)
    given = json.loads(runner.invoke(app, ["process", str(f), "--date", "2011-03-04"]).stdout)
    assert (given["date"], given["date_source"]) == ("2011-03-04", "user")
    found = json.loads(runner.invoke(app, ["process", str(f)]).stdout)
    assert (found["date"], found["date_source"]) == ("2019-07-08", "path")
