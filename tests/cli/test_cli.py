"""The CLI surface: help, version, process JSON shape, export formats."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.cli import app

runner = CliRunner()
DOCUMENT_KEYS = {"id", "url", "title", "date", "site", "authors", "language", "text",
                 "entities", "actors", "locations", "quotes", "quantities", "events"}


def test_help_and_version():
    assert runner.invoke(app, ["--help"]).exit_code == 0
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and eventwire.__version__ in result.output


def test_process_prints_one_document_as_json(sample):
    result = runner.invoke(app, ["process", str(sample / "text" / "lima-pension-protest-2024-04-17.txt")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert DOCUMENT_KEYS <= set(doc)
    assert doc["date"] == "2024-04-17" and doc["language"] == "en"
    for ent in doc["entities"]:
        assert doc["text"][ent["start"]:ent["end"]] == ent["text"]


def test_process_rejects_bad_input_with_one_line(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    result = runner.invoke(app, ["process", str(tmp_path / "e.txt")])
    assert result.exit_code == 1
    assert "empty file" in result.output and "Traceback" not in result.output


def test_python_api_mirrors_process():
    doc = eventwire.process("<html><body><article><h1>Border talks</h1><p>" + "Officials from Peru and Chile met "
                            "in Lima on Monday to discuss border security and trade, the foreign ministry said. " * 3
                            + "</p></article></body></html>", url="http://example.org/a", date="2024-05-01")
    assert doc.date == "2024-05-01" and doc.url == "http://example.org/a"
    assert DOCUMENT_KEYS <= set(doc.to_dict())


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, sample):
    db = str(tmp_path_factory.mktemp("cli") / "cli.duckdb")
    result = runner.invoke(app, ["run", str(sample / "text"), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_export_jsonl_and_csv_round_trip(small_db):
    result = runner.invoke(app, ["export", "--db", small_db, "--table", "articles", "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(rows) == 3 and {"id", "text", "title"} <= set(rows[0])
    result = runner.invoke(app, ["export", "--db", small_db, "--table", "entities", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table and {"doc_id", "text", "label", "start", "end"} <= set(table[0])


def test_export_parquet(small_db, tmp_path):
    out = tmp_path / "a.parquet"
    result = runner.invoke(app, ["export", "--db", small_db, "--table", "articles", "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] == 3


def test_export_unknown_table_is_a_clear_error(small_db):
    result = runner.invoke(app, ["export", "--db", small_db, "--table", "nope"])
    assert result.exit_code == 2 and "unknown table" in result.output


def test_run_on_an_empty_folder_prints_one_line_and_creates_no_database(tmp_path):
    (tmp_path / "news").mkdir()
    result = runner.invoke(app, ["run", str(tmp_path / "news"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code != 0
    errors = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(errors) == 1 and "empty folder" in errors[0], result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_process_on_a_cp1252_note_records_its_encoding(tmp_path):
    (tmp_path / "n.txt").write_bytes("Farmer killed in Selea, a \u00a3500 reward is offered.".encode("cp1252"))
    result = runner.invoke(app, ["process", str(tmp_path / "n.txt")])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "\u00a3500" in doc["text"] and doc["encoding"] == "cp1252"
    assert doc["encoding_source"] in ("detected", "fallback")
