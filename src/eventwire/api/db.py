"""Read-only access to the DuckDB file for the API: one cursor per request, every query timed out."""

from __future__ import annotations

import json
import os
import threading
from typing import Any

import duckdb

from eventwire.errors import EventwireError


class ApiDatabaseError(EventwireError):
    """The database file is missing or cannot be opened read-only."""


class QueryTimeout(EventwireError):
    """A query ran past the server's time cap."""


class Database:
    """A read-only DuckDB connection shared by request threads through per-request cursors.

    DuckDB connections are not thread-safe, but cursors of one connection are
    independent connections to the same database, so each query gets its own;
    a timer interrupts it when it runs past `timeout` seconds.
    """

    def __init__(self, path: str, timeout: float = 5.0):
        if not os.path.exists(path):
            raise ApiDatabaseError(f"no database at {path!r}: run `eventwire run PATH --db {path}` first")
        try:
            self._con = duckdb.connect(path, read_only=True)
        except duckdb.Error as exc:
            raise ApiDatabaseError(f"cannot open {path!r} read-only: {exc}") from None
        self.path = path
        self.timeout = timeout
        self._lock = threading.Lock()
        self._columns = self._load_columns()

    def close(self) -> None:
        self._con.close()

    def _load_columns(self) -> dict[str, list[str]]:
        rows = self._con.execute(
            "SELECT table_name, column_name FROM information_schema.columns ORDER BY table_name, ordinal_position"
        ).fetchall()
        out: dict[str, list[str]] = {}
        for table, column in rows:
            out.setdefault(table, []).append(column)
        return out

    def tables(self) -> list[str]:
        return sorted(self._columns)

    def has_table(self, name: str) -> bool:
        return name in self._columns

    def columns(self, table: str) -> list[str]:
        return list(self._columns.get(table, []))

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows as dicts; raises QueryTimeout when the query takes longer than the cap."""
        with self._lock:
            cur = self._con.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timed_out = threading.Event()
        timer.function = lambda: (timed_out.set(), cur.interrupt())  # type: ignore[assignment]
        timer.start()
        try:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description]
            return [dict(zip(names, row)) for row in result.fetchall()]
        except duckdb.InterruptException:
            raise QueryTimeout(f"query ran past the {self.timeout:g} s limit; narrow the filters") from None
        except duckdb.Error:
            if timed_out.is_set():
                raise QueryTimeout(f"query ran past the {self.timeout:g} s limit; narrow the filters") from None
            raise
        finally:
            timer.cancel()
            cur.close()

    def one(self, sql: str, params: list[Any] | None = None) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None


def parse_json(value: Any) -> Any:
    """JSON columns come back from DuckDB as text."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value
