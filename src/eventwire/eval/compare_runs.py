"""Two runs over the same input, table by table: the check that a refactoring changed no output.

    python -m eventwire.eval.compare_runs build before.duckdb corpus/ more.sgm   # at the old commit
    python -m eventwire.eval.compare_runs build after.duckdb corpus/ more.sgm    # at the new one
    python -m eventwire.eval.compare_runs compare before.duckdb after.duckdb

`build` makes a run repeatable: string hashing is seeded (the command re-executes itself with
PYTHONHASHSEED=0 when it is not), the clock that stamps `documents.ingested_at` and
`rejects.first_seen` is fixed, DuckDB runs on one thread (so that the order of rows inserted by a
query is the same every time), and the event coder is the rule coder unless EVENTWIRE_CODER says
otherwise. `compare` checks every table of either file: the same columns with the same types, and
the same rows as a multiset (so the physical order of rows does not matter). It prints one line per
table and exits 1 when any differs.

The input used for the house redesign (issue 23), on 2 shared cores about a minute a build:

    EVENTWIRE_CODER=rules python -m eventwire.eval.compare_runs build base.duckdb \
        $(ls ../shared/corpora/bbc/politics/*.txt | sort | head -200) ../shared/corpora/reuters21578/reut2-000.sgm
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime

#: The clock of a comparison build.
FIXED_NOW = datetime(2000, 1, 1)
#: Rows of a differing table shown, from each side.
SHOW_ROWS = 3


def build(db: str, paths: list[str]) -> None:
    """Run the pipeline over `paths` into a new `db` with hashing, clock and threads fixed."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, "-m", "eventwire.eval.compare_runs", "build", db, *paths], env)
    os.environ.setdefault("EVENTWIRE_CODER", "rules")  # read by the event stage; this is the edge of the run
    if os.path.exists(db):
        os.remove(db)
    _fix_clock_and_threads()
    from eventwire.run.pipeline import run_paths

    summary = run_paths(paths, db=db)
    print(f"built {db}: {summary.new} documents, {summary.rejected} rejected, {summary.seconds:.0f} s "
          f"(coder {os.environ['EVENTWIRE_CODER']})")


def _fix_clock_and_threads() -> None:
    import duckdb

    import eventwire.store.duck as duck
    import eventwire.store.lock as lock

    class _Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return FIXED_NOW.replace(tzinfo=tz)

    duck.datetime = _Clock
    connect = duckdb.connect

    class _OneThread:
        """duckdb, whose connections run on one thread. `Store` connects through `store.lock`, so patching
        `store.duck` alone left the run multi-threaded: the story tables then differed between two builds
        of the same code (rows of an unordered join came in another order)."""

        def __getattr__(self, name):
            return getattr(duckdb, name)

        @staticmethod
        def connect(database=":memory:", read_only=False, config=None):
            return connect(database, read_only=read_only, config={**(config or {}), "threads": 1})

    duck.duckdb = lock.duckdb = _OneThread()


def compare(db1: str, db2: str) -> list[str]:
    """Tables that differ between the two files (empty when every table is identical); prints a report."""
    import duckdb

    con = duckdb.connect()
    con.execute("ATTACH ? AS a (READ_ONLY)", [db1])
    con.execute("ATTACH ? AS b (READ_ONLY)", [db2])
    tables = {side: _tables(con, side) for side in ("a", "b")}
    differing = []
    for table in sorted(set(tables["a"]) | set(tables["b"])):
        problem = _compare_table(con, table, tables["a"].get(table), tables["b"].get(table))
        if problem:
            differing.append(table)
            print(f"DIFFERS {table}: {problem}")
        else:
            rows = con.execute(f'SELECT count(*) FROM a."{table}"').fetchone()[0]
            print(f"same    {table}: {rows} rows")
    print(f"{len(differing)} of {len(set(tables['a']) | set(tables['b']))} tables differ")
    return differing


def _tables(con, side: str) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                       "WHERE table_catalog = ? AND table_schema = 'main' "
                       "AND table_name IN (SELECT table_name FROM information_schema.tables "
                       "WHERE table_catalog = ? AND table_type = 'BASE TABLE') "
                       "ORDER BY table_name, ordinal_position", [side, side]).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        out.setdefault(table, []).append((column, kind))
    return out


def _compare_table(con, table: str, cols_a, cols_b) -> str | None:
    if cols_a is None or cols_b is None:
        return f"only in {'the second' if cols_a is None else 'the first'} file"
    if sorted(cols_a) != sorted(cols_b):
        return f"columns differ: {sorted(set(cols_a) ^ set(cols_b))}"
    names = ", ".join(f'"{c}"' for c, _ in cols_a)
    only = {}
    for this, other in (("a", "b"), ("b", "a")):
        query = f'SELECT {names} FROM {this}."{table}" EXCEPT ALL SELECT {names} FROM {other}."{table}"'
        only[this] = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
        if only[this]:
            for row in con.execute(f"{query} LIMIT {SHOW_ROWS}").fetchall():
                print(f"  only in {'first' if this == 'a' else 'second'}: {str(row)[:300]}")
    if only["a"] or only["b"]:
        return f"{only['a']} rows only in the first file, {only['b']} only in the second"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.eval.compare_runs", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="run the pipeline into a new database, repeatably")
    b.add_argument("db")
    b.add_argument("paths", nargs="+")
    c = sub.add_parser("compare", help="compare every table of two databases")
    c.add_argument("db1")
    c.add_argument("db2")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.db, args.paths)
        return 0
    return 1 if compare(args.db1, args.db2) else 0


if __name__ == "__main__":
    sys.exit(main())
