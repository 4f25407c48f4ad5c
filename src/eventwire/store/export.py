"""`eventwire export`: a table to JSON Lines, CSV or Parquet, using DuckDB's own writers."""

from __future__ import annotations

import os
import sys
import tempfile

from eventwire.errors import EventwireError
from eventwire.store.duck import Store
from eventwire.store.schema import TABLES

FORMATS = {"jsonl": "(FORMAT JSON)", "csv": "(FORMAT CSV, HEADER)", "parquet": "(FORMAT PARQUET)"}


class ExportError(EventwireError):
    """Unknown table or format, or an unwritable output."""


def export_table(db: str, table: str, fmt: str, out: str | None = None) -> int:
    """A table, or one of the documented views (`store.views`, e.g. `events_flat`: one flat row per event);
    returns the number of rows written."""
    from eventwire.store.views import VIEWS, create_views

    if table not in TABLES and table not in VIEWS:
        raise ExportError(f"unknown table {table!r}; one of: {', '.join([*TABLES, *VIEWS])}")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    if fmt == "parquet" and not out:
        raise ExportError("parquet needs --out FILE")
    with Store(db, read_only=True) as store:
        if table in VIEWS:
            create_views(store.con, temporary=True)
        target = out or tempfile.mktemp(suffix=f".{fmt}")
        store.con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{_quote(target)}' {FORMATS[fmt]}")
        rows = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if not out:
        with open(target, "rb") as fh:
            sys.stdout.buffer.write(fh.read())
        os.unlink(target)
    return rows


def _quote(path: str) -> str:
    return path.replace("'", "''")
