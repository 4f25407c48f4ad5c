"""`eventwire export` says what it wrote: one line on stderr with the number of rows and the file."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()


@pytest.mark.parametrize(("args", "rows"), [
    (["--format", "gdelt-events"], 3),
    (["--format", "polecat"], 3),
    (["--format", "plover"], 3),  # the old name of plover-jsonl
    (["--table", "articles", "--format", "csv"], 2),
    (["--table", "events_flat", "--format", "parquet"], 3),
])
def test_export_prints_rows_and_the_absolute_path(events_db, tmp_path, monkeypatch, args, rows):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "--db", events_db, *args, "--out", "out.file"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote {rows} rows to {tmp_path / 'out.file'}"
    assert (tmp_path / "out.file").stat().st_size > 0 and result.stdout == ""


def test_export_to_stdout_keeps_stdout_for_the_data(events_db):
    result = runner.invoke(app, ["export", "--db", events_db, "--format", "icews"])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 3  # ICEWS header and rows, nothing else
    assert result.stderr.strip() == "wrote 3 rows to stdout"
