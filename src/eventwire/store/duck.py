"""Reading and writing the DuckDB file; every batch is one transaction, so a crash never half-writes a document."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from datetime import datetime, timezone

import duckdb

from eventwire.errors import EventwireError
from eventwire.records import CHILD_RECORDS, Document, KnownActor, Reject, Source
from eventwire.store import lock
from eventwire.store.schema import TABLES, ddl, to_cell


class StoreError(EventwireError):
    """The database file cannot be opened or written."""


class Store:
    """The database file, opened on first use and let go by `release()` so that a server reading the same
    file gets its turn between batches (see `store.lock`)."""

    def __init__(self, path: str, read_only: bool = False, wait: float | None = None):
        self.path = path
        self.read_only = read_only
        self.wait = wait
        if read_only and not os.path.exists(path):
            raise StoreError(f"no database at {path!r}: run `eventwire run PATH --db {path}` first")
        self._con: duckdb.DuckDBPyConnection | None = None
        self._settings: list[str] = []
        _ = self.con  # fail now, not in the middle of a run, when the file cannot be opened
        if not read_only:
            for statement in ddl():
                self.con.execute(statement)
            self._add_new_columns()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection; (re)opened here, waiting while another process holds the file."""
        if self._con is None:
            try:
                self._con = lock.connect(self.path, read_only=self.read_only, wait=self.wait)
            except lock.DatabaseBusy as exc:
                raise StoreError(str(exc)) from None
            except duckdb.Error as exc:
                raise StoreError(f"cannot open {self.path!r}: {exc}") from None
            for statement in self._settings:
                self._con.execute(statement)
        return self._con

    def setting(self, statement: str) -> None:
        """A `SET ...` that lasts across `release()` (a new connection gets it again)."""
        self._settings.append(statement)
        self.con.execute(statement)

    def reset_settings(self) -> None:
        for statement in self._settings:
            if self._con is not None:
                self._con.execute("RESET " + statement.split()[1])
        self._settings.clear()

    def release(self) -> None:
        """Close the file until the next use, so other processes can open it (committed data stays)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def _add_new_columns(self) -> None:
        """A database written by an older release gets the columns added since (NULL in its old rows);
        rows are inserted by column name, so the order of columns does not matter."""
        have: dict[str, set[str]] = {}
        for table, column in self.con.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'").fetchall():
            have.setdefault(table, set()).add(column)
        for table, (columns, _) in TABLES.items():
            for name, sql in columns:
                if table in have and name not in have[table]:
                    self.con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')

    def close(self) -> None:
        self.release()

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

    def write(self, batch: list[tuple[Source, Document, str]], known_actors: list[KnownActor] | None = None) -> int:
        """Insert (source, document, engine) triples not stored yet, and the actor identities they changed,
        in one transaction (a crash loses neither without the other); returns how many were new."""
        stored = self.existing_ids(src.id for src, _, _ in batch)
        rows = table_rows([item for item in batch if item[0].id not in stored])
        if not rows.get("documents"):
            self.save_known_actors(known_actors or [])
            return 0
        before = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        self._insert(rows, known_actors)
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0] - before

    def insert(self, rows: dict[str, list[tuple]], known_actors: list[KnownActor] | None = None) -> int:
        """Insert prepared rows (from `run.shard.shard_rows`) and the actor identities learnt with them in one
        transaction; returns how many documents were new (a document stored already is left as it is)."""
        if not rows.get("documents"):
            self.save_known_actors(known_actors or [])
            return 0
        before = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        self._insert(rows, known_actors)
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0] - before

    def insert_parquet(self, folder: str, known_actors: list[KnownActor] | None = None) -> int:
        """Load one worker part (a folder of `<table>.parquet`) in one transaction, with the worker's actor
        identities merged into the stored ones (`merge_rows`: the order workers finish in does not matter);
        duplicates are ignored."""
        before = self.con.execute("SELECT count(*) FROM documents").fetchone()[0]
        merged = self._merged_known(known_actors or [])
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in TABLES:
                path = os.path.join(folder, f"{table}.parquet")
                if os.path.exists(path):
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?) ON CONFLICT DO NOTHING", [path])
            self._upsert_known(merged)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return self.con.execute("SELECT count(*) FROM documents").fetchone()[0] - before

    def fill_uris(self, uris: dict[str, str]) -> None:
        """Record the input file's URI (doc id -> URI) of stored documents that have none: a database written
        before `Source.uri` existed gets it when the same inputs are run again (they are not re-analysed)."""
        if not uris:
            return
        self.con.execute("UPDATE documents SET uri = p.uri FROM (SELECT unnest(?) AS id, unnest(?) AS uri) p "
                         "WHERE documents.id = p.id AND documents.uri IS NULL", [list(uris), list(uris.values())])

    def reject(self, rejects: list[Reject]) -> None:
        rows = {"rejects": reject_rows(rejects)}
        if rows["rejects"]:
            self._insert(rows)

    def _insert(self, rows: dict[str, list[tuple]], known_actors: list[KnownActor] | None = None) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, values in rows.items():
                if values:
                    self.con.register("_incoming", to_arrow(table, values))
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming ON CONFLICT DO NOTHING")
                    self.con.unregister("_incoming")
            self._upsert_known(known_actors or [])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def load_known_actors(self) -> list[KnownActor]:
        rows = self.con.execute("SELECT * FROM actor_registry").fetchall()
        names = [name for name, _ in TABLES["actor_registry"][0]]
        return [KnownActor(**dict(zip(names, row))) for row in rows]

    def save_known_actors(self, actors: list[KnownActor], merge: bool = False) -> None:
        """Replace the registry rows this run touched (a later run's view of an actor wins); with `merge`
        (a Dask worker's rows), merge them with the stored ones instead."""
        if not actors:
            return
        actors = self._merged_known(actors) if merge else actors
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._upsert_known(actors)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _merged_known(self, actors: list[KnownActor]) -> list[KnownActor]:
        from eventwire.knowledge.registry import merge_rows

        if not actors:
            return []
        stored = {a.key: a for a in self.load_known_actors()}
        return [merge_rows(stored[a.key], a) if a.key in stored else a for a in actors]

    def _upsert_known(self, actors: list[KnownActor]) -> None:
        """Inside the caller's transaction."""
        if not actors:
            return
        self.con.register("_known", to_arrow("actor_registry", [_row("actor_registry", a.to_dict()) for a in actors]))
        self.con.execute("INSERT OR REPLACE INTO actor_registry BY NAME SELECT * FROM _known")
        self.con.unregister("_known")

    # -- reading ----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def tables(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]


def table_rows(batch: list[tuple[Source, Document, str]]) -> dict[str, list[tuple]]:
    """Rows for every table from (source, document, engine) triples; pure, so workers can run it."""
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    seen: set[str] = set()
    for src, doc, engine in batch:
        if src.id in seen:
            continue
        seen.add(src.id)
        rows["documents"].append(_row("documents", {**src.to_dict(), "ingested_at": now}))
        rows["articles"].append(_row("articles", {**doc.__dict__, "engine": engine}))
        for name in CHILD_RECORDS:
            for idx, item in enumerate(getattr(doc, name)):
                rows[name].append(_row(name, {"doc_id": doc.id, "idx": idx, **item.__dict__}))
    return rows


def reject_rows(rejects: list[Reject]) -> list[tuple]:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    return [_row("rejects", {"id": _reject_id(r), **r.to_dict(), "first_seen": now}) for r in rejects]


def _row(table: str, values: dict) -> tuple:
    return tuple(to_cell(values.get(name), sql) for name, sql in TABLES[table][0])


def to_arrow(table: str, values: list[tuple]):
    """Rows of `table` as an Arrow table with the column types DuckDB expects."""
    import pyarrow as pa

    columns = TABLES[table][0]
    arrays = {name: [row[i] for row in values] for i, (name, _) in enumerate(columns)}
    return pa.table({name: pa.array(arrays[name], type=_arrow_type(sql)) for name, sql in columns})


def _arrow_type(sql: str):
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "JSON": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
            "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "TIMESTAMP": pa.timestamp("us"),
            "VARCHAR[]": pa.list_(pa.string())}[sql]


def _reject_id(reject: Reject) -> str:
    return hashlib.sha256(f"{reject.path}\0{reject.record}\0{reject.reason}".encode()).hexdigest()[:24]
