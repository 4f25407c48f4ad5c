"""Read-only access to the DuckDB file for the API: one cursor per request, every query timed out,
the file let go between bursts of requests so `eventwire run` can add to it while the server runs."""

from __future__ import annotations

import json
import os
import threading
import time
from typing import Any

import duckdb

from eventwire.errors import EventwireError
from eventwire.store import lock


class ApiDatabaseError(EventwireError):
    """The database file is missing or cannot be opened read-only."""


class QueryTimeout(EventwireError):
    """A query ran past the server's time cap."""


class Database:
    """Read-only access shared by request threads: per-request cursors of one connection, which is
    closed whenever no request needs it, so that `eventwire run` can write the same file meanwhile.

    DuckDB connections are not thread-safe, but cursors of one connection are independent
    connections to the same database, so each query gets its own; a timer interrupts it when it
    runs past `timeout` seconds. The file is opened on the first request of a burst and closed
    `LINGER` seconds after the last one (at once when a writer is waiting, see `store.lock`), so
    each request reads what was committed before it started.
    """

    #: Seconds an idle connection stays open for the next request of the same page load.
    LINGER = 0.25

    def __init__(self, path: str, timeout: float = 5.0, wait: float = lock.READER_WAIT):
        if not os.path.exists(path):
            raise ApiDatabaseError(f"no database at {path!r}: run `eventwire run PATH --db {path}` first")
        self.path = path
        self.timeout = timeout
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._cond = threading.Condition()
        self._closer: threading.Timer | None = None
        try:
            con = self._acquire()
        except QueryTimeout as exc:
            raise ApiDatabaseError(str(exc)) from None
        try:
            self._columns = self._load_columns(con)
        finally:
            self._release()

    def close(self) -> None:
        with self._cond:
            if self._closer:
                self._closer.cancel()
            if self._con is not None:
                self._con.close()
                self._con = None

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        """The shared connection, opened if needed; a waiting writer goes first."""
        deadline = time.monotonic() + self.wait
        with self._cond:
            while True:
                if self._con is not None and not lock.writer_waiting(self.path):
                    self._users += 1
                    return self._con
                if self._con is not None and self._users == 0:
                    self._con.close()
                    self._con = None
                if self._con is None:
                    try:
                        self._con = lock.connect(self.path, read_only=True, wait=max(0.0, deadline - time.monotonic()))
                    except lock.DatabaseBusy as exc:
                        raise QueryTimeout(str(exc)) from None
                    except duckdb.Error as exc:
                        raise ApiDatabaseError(f"cannot open {self.path!r} read-only: {exc}") from None
                    self._users += 1
                    return self._con
                # the writer waits for the requests in flight: do not join them
                if time.monotonic() >= deadline:
                    raise QueryTimeout(f"{self.path!r} is being written; try again in a moment")
                self._cond.wait(0.02)

    def _release(self) -> None:
        with self._cond:
            self._users -= 1
            if self._users:
                return
            self._cond.notify_all()
            if self._closer:
                self._closer.cancel()
            self._closer = threading.Timer(0 if lock.writer_waiting(self.path) else self.LINGER, self._close_if_idle)
            self._closer.daemon = True
            self._closer.start()

    def _close_if_idle(self) -> None:
        with self._cond:
            if self._users == 0 and self._con is not None:
                self._con.close()
                self._con = None
                self._cond.notify_all()

    @staticmethod
    def _load_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
        rows = con.execute(
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
        con = self._acquire()
        try:
            cur = con.cursor()
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
        finally:
            self._release()

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
