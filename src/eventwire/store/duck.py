"""Reading and writing the DuckDB file; every batch is one transaction, so a crash never half-writes a document."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import datetime, timezone

import duckdb

from eventwire.errors import EventwireError
from eventwire.records import CHILD_RECORDS, Document, Reject, Source
from eventwire.store.schema import TABLES, ddl, to_cell


class StoreError(EventwireError):
    """The database file cannot be opened or written."""


class Store:
    def __init__(self, path: str, read_only: bool = False):
        self.path = path
        if read_only and not os.path.exists(path):
            raise StoreError(f"no database at {path!r}: run `eventwire run PATH --db {path}` first")
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path!r}: {exc}") from None
        if not read_only:
            for statement in ddl():
                self.con.execute(statement)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def write(self, batch: list[tuple[Source, Document, str]]) -> int:
        """Insert (source, document, engine) triples not stored yet; returns how many were new."""
        fresh = self.existing_ids(src.id for src, _, _ in batch)
        rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        for src, doc, engine in batch:
            if src.id in fresh:
                continue
            fresh.add(src.id)
            rows["documents"].append(self._row("documents", {**src.to_dict(), "ingested_at": now}))
            rows["articles"].append(self._row("articles", {**doc.__dict__, "engine": engine}))
            for name in CHILD_RECORDS:
                for idx, item in enumerate(getattr(doc, name)):
                    rows[name].append(self._row(name, {"doc_id": doc.id, "idx": idx, **item.__dict__}))
        new = len(rows["documents"])
        if not new:
            return 0
        self._insert(rows)
        return new

    def reject(self, rejects: list[Reject]) -> None:
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        rows = {"rejects": [
            self._row("rejects", {"id": _reject_id(r), **r.to_dict(), "first_seen": now}) for r in rejects
        ]}
        if rows["rejects"]:
            self._insert(rows, conflict="DO NOTHING")

    def _row(self, table: str, values: dict) -> tuple:
        return tuple(to_cell(values.get(name), sql) for name, sql in TABLES[table][0])

    def _insert(self, rows: dict[str, list[tuple]], conflict: str = "DO NOTHING") -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, values in rows.items():
                if values:
                    marks = ", ".join("?" * len(TABLES[table][0]))
                    self.con.executemany(f"INSERT INTO {table} VALUES ({marks}) ON CONFLICT {conflict}", values)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    # -- reading ----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def tables(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]


def _reject_id(reject: Reject) -> str:
    return hashlib.sha256(f"{reject.path}\0{reject.record}\0{reject.reason}".encode()).hexdigest()[:24]
