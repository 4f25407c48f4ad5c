"""Bad input never crashes a run: one reject row and a one-line warning each, good documents still stored."""

from __future__ import annotations

import gzip
import os
import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


def _make_bad_inputs(folder, sample) -> dict[str, str]:
    """File name -> words the reject reason must contain."""
    warc = (sample / "warc" / "crawl.warc.gz").read_bytes()
    wet = (sample / "warc" / "crawl.wet").read_bytes()
    good_text = (sample / "text" / "culiacan-raids-2023-09-21.txt").read_bytes()
    gz = gzip.compress(good_text)
    files = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"\n\n   \n", "empty"),
        "binary.txt": (os.urandom(4096) + b"\x00" * 64, "binary"),
        "image.html": (b"\x89PNG\r\n\x1a\n" + os.urandom(512), "binary"),
        "truncated.txt.gz": (gz[: len(gz) // 2], "truncated gzip"),
        "truncated.warc.gz": (warc[: int(len(warc) * 0.7)], "truncated"),
        "truncated.wet": (wet[: int(len(wet) * 0.8)], "truncated"),
        "notext.html": (b"<html><head><script>var a=1;</script></head><body><div> </div></body></html>", "no article text"),
        "bad.jsonl": (b'{"text": "unterminated\n[1, 2]\n{"url": "http://x.org"}\n', "line"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    (folder / "latin1.txt").write_bytes("Le ministre a d\xe9clar\xe9 que la r\xe9forme continue. ".encode("latin-1") * 10)
    (folder / "mixed.txt").write_bytes("Minister said “yes” to talks. ".encode() * 10 + "caf\xe9".encode("cp1252"))
    with open(folder / "oneline.txt", "wb") as fh:  # 50 MB in a single line
        fh.write(b"word " * 10_000_000)
    reasons = {name: words for name, (_, words) in files.items()}
    reasons["oneline.txt"] = "too large"
    return reasons


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, sample):
    folder = tmp_path_factory.mktemp("bad")
    reasons = _make_bad_inputs(folder, sample)
    shutil.copy(sample / "text" / "culiacan-raids-2023-09-21.txt", folder / "good.txt")
    db = str(folder.parent / "bad.duckdb")
    result = runner.invoke(app, ["run", str(folder), "--db", db])
    return folder, reasons, db, result


def test_run_goes_on_and_exits_zero_when_something_succeeded(bad_run):
    _, _, _, result = bad_run
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "Traceback" not in result.output


def test_each_bad_file_gets_a_reject_row_with_its_reason(bad_run):
    folder, reasons, db, _ = bad_run
    rows = duckdb.connect(db, read_only=True).execute("SELECT path, reason FROM rejects").fetchall()
    by_file: dict[str, list[str]] = {}
    for path, reason in rows:
        by_file.setdefault(os.path.basename(path), []).append(reason)
    for name, words in reasons.items():
        assert name in by_file, f"{name} was not rejected"
        assert any(words.lower() in r.lower() for r in by_file[name]), (name, by_file[name])
    assert "good.txt" not in by_file


def test_good_documents_are_stored_next_to_bad_ones(bad_run):
    folder, _, db, _ = bad_run
    con = duckdb.connect(db, read_only=True)
    paths = {os.path.basename(p) for (p,) in con.execute("SELECT path FROM documents").fetchall()}
    assert "good.txt" in paths
    # legacy encodings are read, not rejected (tests/ingest/test_encodings.py has the details)
    assert {"latin1.txt", "mixed.txt"} <= paths
    # the records before the cut in a truncated archive survive
    assert "truncated.warc.gz" in paths and "truncated.wet" in paths


def test_one_warning_line_per_reject(bad_run):
    folder, reasons, db, result = bad_run
    warnings = [ln for ln in result.output.splitlines() if ln.startswith("warning:")]
    assert len(warnings) >= len(reasons)


def test_a_run_with_nothing_usable_fails_with_a_clear_message(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(os.urandom(1000) + b"\x00")
    result = runner.invoke(app, ["run", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code != 0
    assert "no document could be processed" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_path_is_a_reject_not_a_crash(tmp_path, sample):
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), str(sample / "text"), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 0
    assert "no such file" in result.output


def test_rerun_after_rejects_keeps_stored_data(bad_run):
    folder, _, db, _ = bad_run
    before = duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM documents").fetchone()[0]
    result = runner.invoke(app, ["run", str(folder), "--db", db])
    assert result.exit_code == 0
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == before
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == con.execute(
        "SELECT count(DISTINCT (path, record, reason)) FROM rejects").fetchone()[0]
