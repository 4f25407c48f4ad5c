"""One database file, a writer and readers in other processes: each waits for the other, nobody fails."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest

from eventwire.store import Store, lock
from eventwire.store.duck import StoreError

HOLD = textwrap.dedent("""
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("held", flush=True)
    time.sleep(float(sys.argv[3]))
    con.close()
""")


def _hold(path: str, mode: str, seconds: float) -> subprocess.Popen:
    """Another process holding the file (read-only: like `serve`; read-write: like `run`) for `seconds`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, path, mode, str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "shared.duckdb")
    Store(path).close()
    return path


def test_writer_waits_for_a_reader_in_another_process(db):
    reader = _hold(db, "ro", 0.8)
    started = time.monotonic()
    with Store(db) as store:  # would fail with "Could not set lock" without waiting
        assert store.counts()["documents"] == 0
    assert time.monotonic() - started >= 0.5
    reader.wait(timeout=10)


def test_reader_waits_for_the_writer(db):
    writer = _hold(db, "rw", 0.8)
    con = lock.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    con.close()
    writer.wait(timeout=10)


def test_a_writer_that_waits_too_long_gets_one_clear_line(db):
    reader = _hold(db, "ro", 3)
    with pytest.raises(StoreError, match=r"is being read .* stayed locked for 0.3 s"):
        Store(db, wait=0.3)
    reader.kill()
    reader.wait()
    assert not os.path.exists(lock.flag_path(db)), "a writer that gave up leaves no flag behind"


def test_released_store_lets_others_in_and_reopens_on_use(db):
    store = Store(db)
    store.release()
    con = duckdb.connect(db, read_only=True)  # same process would clash with an open writer
    con.close()
    assert store.counts()["documents"] == 0  # reopened on use
    store.close()


def test_settings_survive_release(db):
    store = Store(db)
    store.setting("SET threads = 1")
    store.release()
    assert store.con.execute("SELECT current_setting('threads')").fetchone() == (1,)
    store.reset_settings()
    store.close()


def test_waiting_writer_flag_and_stale_flag(db):
    flag = lock.flag_path(db)
    assert not lock.writer_waiting(db)
    open(flag, "w").close()
    assert lock.writer_waiting(db)
    old = time.time() - lock.STALE_FLAG - 1
    os.utime(flag, (old, old))
    assert not lock.writer_waiting(db), "a flag left by a dead writer is ignored"
    os.remove(flag)
