"""The read-only SQL behind `eventwire query`: one statement, its rows streamed in chunks, under a time and a
memory cap, with no file or network access.

Issue 22: the command had no timeout, fetched every row before printing (50M rows passed 4.4 GB), and its
"no file access" left DuckDB's default allowed directory, the spill folder `<db>.tmp/`, open to the query:
a file or symlink placed there could be read, and a `COPY ... TO '<db>.tmp/x'` wrote beside the database.
Here the spill folder is a fresh private one made for this query (0700, removed after), set before
external access is switched off, so it is the only directory DuckDB allows and nobody else can place
anything in it.
"""

from __future__ import annotations

import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from eventwire.errors import EventwireError
from eventwire.store.views import create_views


class QueryError(EventwireError):
    """The SQL failed, tried to change the database or to reach a file, or ran past the memory cap."""


class QueryTimeout(QueryError):
    """The query ran past its time cap."""


@dataclass(frozen=True)
class QueryLimits:
    """`timeout`: seconds for the whole query, fetching included (0: none); `memory_limit`: DuckDB's cap
    ('2GB'; beyond it a query spills to the private folder, then fails); `chunk_rows`: rows fetched at once."""

    timeout: float = 30.0
    memory_limit: str = "2GB"
    chunk_rows: int = 10_000


@dataclass
class QueryRows:
    columns: list[str]
    chunks: Iterator[list[tuple]]  # lists of at most `chunk_rows` rows, fetched as they are asked for


@contextmanager
def open_query(db: str, sql: str, limits: QueryLimits = QueryLimits()) -> Iterator[QueryRows]:
    """Run `sql` on a read-only, sandboxed connection; its rows come while the context is open.
    Raises `QueryError` (`QueryTimeout`) with one line a user can act on."""
    from eventwire.store.duck import Store

    with tempfile.TemporaryDirectory(prefix="eventwire-query-") as spill, Store(db, read_only=True) as store:
        con = store.con
        create_views(con, temporary=True)  # before the sandbox: nothing a view reads is outside the file
        _sandbox(con, spill, limits.memory_limit)
        timed_out = threading.Event()
        timer = threading.Timer(limits.timeout, _interrupt, [con, timed_out]) if limits.timeout else None
        if timer:
            timer.daemon = True
            timer.start()
        try:
            try:
                cur = con.execute(sql)
            except duckdb.Error as exc:
                raise _error(exc, timed_out, limits) from None
            columns = [d[0] for d in cur.description] if cur.description else []
            yield QueryRows(columns, _chunks(cur, limits, timed_out) if columns else iter(()))
        finally:
            if timer:
                timer.cancel()


def allowed_directories(con) -> list[str]:
    """The directories DuckDB lets this connection's SQL reach with external access off."""
    return list(con.execute("SELECT current_setting('allowed_directories')").fetchone()[0])


def _sandbox(con, spill: str, memory_limit: str) -> None:
    """Order matters: the spill folder and memory cap are set while settings may change, then external
    access is switched off (DuckDB allows only the temp directory set at that moment), then the
    configuration is locked so the query cannot switch it back."""
    try:
        con.execute(f"SET temp_directory = {_literal(spill)}")
        con.execute(f"SET memory_limit = {_literal(memory_limit)}")
    except duckdb.Error as exc:
        raise QueryError(f"bad memory limit {memory_limit!r} (e.g. 2GB, 500MB): {_one_line(exc)}") from None
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def _literal(text: str) -> str:
    """A SQL string literal (SET takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def _interrupt(con, timed_out: threading.Event) -> None:
    timed_out.set()
    try:
        con.interrupt()
    except duckdb.Error:  # the query ended and the connection closed meanwhile
        pass


def _chunks(cur, limits: QueryLimits, timed_out: threading.Event) -> Iterator[list[tuple]]:
    while True:
        try:
            rows = cur.fetchmany(limits.chunk_rows)
        except duckdb.Error as exc:
            raise _error(exc, timed_out, limits) from None
        if not rows:
            return
        yield rows


def _error(exc: duckdb.Error, timed_out: threading.Event, limits: QueryLimits) -> QueryError:
    if timed_out.is_set() or isinstance(exc, duckdb.InterruptException):
        return QueryTimeout(f"the query ran past its {limits.timeout:g} s limit and was stopped "
                            "(--timeout SECONDS, 0 for none)")
    if isinstance(exc, duckdb.OutOfMemoryException):
        return QueryError(f"the query needs more than its {limits.memory_limit} memory limit (--memory-limit): "
                          f"{_one_line(exc)}")
    return QueryError(_one_line(exc))


def _one_line(exc: Exception) -> str:
    text = re.sub(r"\s+", " ", str(exc)).strip()
    if "read-only" in text.lower() or "read only" in text.lower():
        return f"the database is opened read-only: {text}"
    if "disabled by configuration" in text:
        return f"queries cannot reach files or the network: {text}"
    return text
