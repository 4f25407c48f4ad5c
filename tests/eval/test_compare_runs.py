import duckdb

from eventwire.eval.compare_runs import compare


def _db(path, rows, extra_table=False):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (a INTEGER, b VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", rows)
    if extra_table:
        con.execute("CREATE TABLE u (a INTEGER)")
    con.close()
    return str(path)


def test_same_rows_in_another_order_are_identical(tmp_path):
    a = _db(tmp_path / "a.duckdb", [(1, "x"), (2, "y")])
    b = _db(tmp_path / "b.duckdb", [(2, "y"), (1, "x")])
    assert compare(a, b) == []


def test_a_changed_row_a_missing_duplicate_or_table_is_reported(tmp_path):
    a = _db(tmp_path / "a.duckdb", [(1, "x"), (1, "x")])
    b = _db(tmp_path / "b.duckdb", [(1, "x")])
    c = _db(tmp_path / "c.duckdb", [(1, "x"), (1, "z")], extra_table=True)
    assert compare(a, b) == ["t"]
    assert compare(a, c) == ["t", "u"]
