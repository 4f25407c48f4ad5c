"""The run's progress model: totals counted up front, speed and time left, and one callback per document."""

from __future__ import annotations

import shutil

import pytest

from eventwire.run.pipeline import run_paths
from eventwire.run.progress import RunProgress, count_files


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_speed_and_time_left_come_from_documents_done_out_of_the_total():
    clock = Clock()
    state = RunProgress(files_total=262, docs_total=266, clock=clock)
    state.begin()
    clock.now += 10
    state.settle("analysed", 38)
    state.settle("rejected", 2)
    state.files_done = 40
    assert state.fraction() == pytest.approx(40 / 266)
    assert state.rate() == pytest.approx(4.0)
    assert state.seconds_left() == pytest.approx(226 / 4.0)
    line = state.describe()
    assert "40/266 documents" in line and "38 analysed" in line and "2 rejected" in line
    assert "file 40/262" in line and "4.0 docs/s" in line and "0:56 left" in line


def test_a_dask_run_measures_its_share_in_bytes():
    clock = Clock()
    state = RunProgress(files_total=10, bytes_total=1000, clock=clock)
    state.begin()
    clock.now += 30
    state.bytes_done, state.analysed = 250, 50
    assert state.fraction() == 0.25
    assert state.seconds_left() == pytest.approx(90.0)
    assert "25% of the input" in state.describe()


def test_nothing_done_yet_has_no_time_left_and_stdin_has_no_total():
    state = RunProgress(clock=Clock())
    state.begin()
    assert state.fraction() is None and state.seconds_left() is None and state.rate() == 0.0
    assert count_files(["-"]) is None


def test_files_are_counted_from_the_listing(tmp_path):
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert count_files([str(tmp_path), str(tmp_path / "a.txt")]) == 4


def test_run_counts_every_document_first_and_reports_each_one(sample, tmp_path, db):
    inputs = tmp_path / "in"
    shutil.copytree(sample / "text", inputs)
    shutil.copy(sample / "text" / "lima-pension-protest-2024-04-17.txt", inputs / "copy.txt")  # seen earlier: unchanged
    (inputs / "empty.txt").write_bytes(b"")  # rejected
    files = len(list(inputs.iterdir()))
    seen = []
    summary = run_paths([str(inputs)], db=db, progress=lambda s: seen.append(
        (s.progress.phase, s.progress.docs_total, s.progress.done, s.progress.files_done, s.progress.in_analysis)))
    counting = [s for s in seen if s[0] == "counting"]
    analysing = [s for s in seen if s[0] == "analysing"]
    assert [s[3] for s in counting] == list(range(1, files + 1))  # one update per file read
    assert all(s[1] == files for s in analysing)  # the total is known before the first document
    assert analysing[0][2] == 0  # shown as soon as analysing starts
    assert any(s[4] > 0 and s[2] < files for s in analysing)  # a batch is shown going into the stages
    done = [s[2] for s in analysing]
    assert {b - a for a, b in zip(done, done[1:])} <= {0, 1}  # one update per document, not per batch
    assert done[-1] == files and analysing[-1][4] == 0
    state = summary.progress
    assert (state.analysed, state.unchanged, state.rejected) == (summary.new, 1, 1)
    assert state.fraction() == 1.0 and state.files_done == files


def test_a_dask_run_reports_each_finished_shard(sample, db):
    from eventwire.run.distributed import run_distributed

    seen = []
    summary = run_distributed([str(sample / "text")], db, workers=1, shard_files=1,
                              progress=lambda s: seen.append((s.progress.bytes_done, s.progress.done)))
    files = len(list((sample / "text").iterdir()))
    assert len(seen) == files + 1 and seen[0] == (0, 0)  # when the shards are sent, then one per shard of one file
    assert [b for b, _ in seen] == sorted(b for b, _ in seen) and seen[-1][1] == summary.new == files
    assert summary.progress.fraction() == 1.0 and summary.progress.files_total == files
