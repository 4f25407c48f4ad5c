"""Reading coded events back from a DuckDB file (`eventwire events --db FILE`), with filters."""

from __future__ import annotations

import json
import os
from typing import Any

import duckdb

from eventwire.errors import EventwireError
from eventwire.events.tables import PLOVER_TYPES

COLUMNS = ("doc_id", "idx", "date", "plover", "cameo", "goldstein", "quad_class", "mode", "negated",
           "hypothetical", "confidence", "source", "target", "sentence", "start", "end")


class EventQueryError(EventwireError):
    """The database is missing, has no events table, or a filter is malformed."""


def list_events(db: str, actor: str | None = None, country: str | None = None, plover: str | None = None,
                since: str | None = None, until: str | None = None, include_negated: bool = False,
                limit: int = 50) -> list[dict[str, Any]]:
    """Events matching every given filter, newest first; actor/country match source or target."""
    if not os.path.exists(db):
        raise EventQueryError(f"no database at {db!r}: run `eventwire run PATH --db {db}` first")
    where, args = _filters(actor, country, plover, since, until, include_negated)
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    sql = f"SELECT {cols} FROM events {where} ORDER BY date DESC NULLS LAST, doc_id, idx LIMIT {int(limit)}"
    try:
        with duckdb.connect(db, read_only=True) as con:
            rows = con.execute(sql, args).fetchall()
    except duckdb.CatalogException:
        raise EventQueryError(f"{db!r} has no events table: it was written by an older eventwire") from None
    return [_decoded(dict(zip(COLUMNS, row))) for row in rows]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """Actor columns are JSON text in DuckDB; callers get them back as objects."""
    for key in ("source", "target"):
        row[key] = json.loads(row[key]) if row[key] else None
    return row


def _filters(actor, country, plover, since, until, include_negated) -> tuple[str, list]:
    clauses: list[str] = []
    args: list[Any] = []
    if plover:
        kind = plover.upper()
        if kind not in PLOVER_TYPES:
            raise EventQueryError(f"unknown event type {plover!r}; one of: {', '.join(PLOVER_TYPES)}")
        clauses.append("plover = ?")
        args.append(kind)
    if country:
        clauses.append("(json_extract_string(source, '$.country') = ? OR json_extract_string(target, '$.country') = ?)")
        args += [country.upper()] * 2
    if actor:
        clauses.append("(json_extract_string(source, '$.name') ILIKE ?"
                       " OR json_extract_string(target, '$.name') ILIKE ?)")
        args += [f"%{actor}%"] * 2
    if since:
        clauses.append("date >= ?")
        args.append(since)
    if until:
        clauses.append("date <= ?")
        args.append(until)
    if not include_negated:
        clauses.append("NOT negated")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args
