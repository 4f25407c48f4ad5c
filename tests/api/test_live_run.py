"""`eventwire run` adds articles while `eventwire serve` has the same database open (issue 22).

The server runs in its own process, as a user would start it; the run happens here while a
client keeps asking the API. Every request must be answered, and the new articles must show
within seconds of the run's commit.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from eventwire.run.pipeline import run_paths
from eventwire.store import Store

CITIES = ["Lagos", "Nairobi", "Accra", "Dakar", "Kampala", "Lusaka", "Harare", "Maputo", "Luanda", "Abuja",
          "Kigali", "Bamako", "Niamey", "Conakry", "Freetown", "Monrovia", "Lome", "Cotonou", "Juba", "Asmara",
          "Dodoma", "Gaborone", "Windhoek", "Maseru", "Mbabane"]


def _write_articles(folder, first: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(first, first + count):
        city = CITIES[i % len(CITIES)]
        (folder / f"{i:03d}.txt").write_text(
            f"Police arrest {i + 2} protesters in {city}\n\n"
            f"Police in {city} arrested {i + 2} protesters on Monday after a march against fuel prices, "
            f"officials said. The interior minister met union leaders on Tuesday to discuss the dispute "
            f"over price number {i}.\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, {}


@pytest.fixture
def server(tmp_path):
    db = str(tmp_path / "live.duckdb")
    _write_articles(tmp_path / "first", 0, 5)
    run_paths([str(tmp_path / "first")], db=db)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from eventwire.cli import app; app()", "serve", "--db", db,
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if _get(url + "/api/meta")[0] == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the explorer did not start: {proc.stderr.read()[-500:]}")
        time.sleep(0.1)
    yield db, url, tmp_path
    proc.terminate()
    proc.wait(timeout=10)


def test_run_adds_articles_while_serve_is_open(server, monkeypatch):
    db, url, tmp_path = server
    monkeypatch.setattr(sys.modules["eventwire.run.pipeline"], "WRITE_DOCS", 4)  # five commits
    commits: list[float] = []
    write, release = Store.insert, Store.release  # the run commits through `insert` (run.shard.DuckSink)

    def noted_write(self, *args, **kwargs):
        new = write(self, *args, **kwargs)
        commits.append(time.monotonic())
        return new

    def slow_release(self):
        """Let go of the file, then dawdle like a slow batch of NLP, so requests come between commits."""
        release(self)
        time.sleep(0.2)

    monkeypatch.setattr(Store, "insert", noted_write)
    monkeypatch.setattr(Store, "release", slow_release)
    assert _get(url + "/api/meta")[1]["counts"]["articles"] == 5
    statuses: list[int] = []
    answered: list[float] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            statuses.append(_get(url + "/api/meta")[0])
            answered.append(time.monotonic())
            time.sleep(0.02)

    asking = threading.Thread(target=keep_asking)
    asking.start()
    try:
        _write_articles(tmp_path / "more", 5, 20)
        summary = run_paths([str(tmp_path / "more")], db=db, batch_size=4)
    finally:
        committed = time.monotonic()
        stop.set()
        asking.join(timeout=60)
    assert summary.new == 20
    assert set(statuses) == {200}, f"requests during the run: {sorted(set(statuses))}"
    assert len(commits) >= 5
    assert sum(commits[0] < t < commits[-1] for t in answered) >= 2, "requests were answered between commits"
    while _get(url + "/api/meta")[1]["counts"]["articles"] != 25:
        assert time.monotonic() - committed < 5, "new articles must show within seconds of the commit"
        time.sleep(0.1)
    events = _get(url + "/api/events?page_size=100")[1]
    assert events["total"] >= 20  # one arrest per article at least
