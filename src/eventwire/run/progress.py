"""How far a run is, for whoever shows it: documents settled out of those counted up front, speed and time left.

Issue 22: the run's line was a spinner over "0 new, 0 unchanged, 0 rejected" that stood still for 23 s
on 262 files (documents counted as new only when a group of 256 was written) and then jumped to 256.
The in-process run reads every input once before analysing anyway (`pipeline.line_evidence`); that pass
counts the records too, so the total costs nothing more. The Dask executor does not read the inputs in
this process: its share done is the bytes of the finished shards out of the input's bytes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from eventwire.ingest.readers import STDIN, iter_files


@dataclass
class RunProgress:
    """What a run has done so far. A document is settled once analysed, found already stored, or rejected."""

    phase: str = "counting"  # counting (the first, read-only pass), analysing
    files_total: int | None = None  # None: unknown (stdin)
    files_done: int = 0
    docs_total: int | None = None  # None: not counted (stdin, Dask)
    analysed: int = 0
    unchanged: int = 0
    rejected: int = 0
    in_analysis: int = 0  # documents handed to the analysis stages and not yet back (a batch)
    bytes_total: int | None = None  # Dask: the input's bytes, dealt out in shards
    bytes_done: int = 0
    started: float | None = None  # when analysing began
    clock: Callable[[], float] = field(default=time.perf_counter, repr=False)

    @property
    def done(self) -> int:
        return self.analysed + self.unchanged + self.rejected

    def begin(self) -> None:
        """Analysing starts: the speed is measured from here (the counting pass and model loading left out)."""
        self.phase, self.started, self.files_done = "analysing", self.clock(), 0

    def settle(self, kind: str, n: int = 1) -> None:
        """`n` more documents of `kind`: analysed, unchanged or rejected."""
        setattr(self, kind, getattr(self, kind) + n)
        if kind == "analysed":
            self.in_analysis = max(0, self.in_analysis - n)

    def fraction(self) -> float | None:
        """The share of the run done: documents out of the counted total, else bytes out of bytes."""
        if self.docs_total:
            return min(1.0, self.done / self.docs_total)
        if self.bytes_total:
            return min(1.0, self.bytes_done / self.bytes_total)
        return None

    def rate(self) -> float:
        """Documents per second since analysing began."""
        if self.started is None:
            return 0.0
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def seconds_left(self) -> float | None:
        """None while nothing is done or the total is unknown."""
        if self.started is None or not self.done:
            return None
        if self.docs_total:
            rate = self.rate()
            return max(0, self.docs_total - self.done) / rate if rate else None
        share = self.fraction()
        if not share:
            return None
        return (self.clock() - self.started) * (1 - share) / share

    def describe(self) -> str:
        """One line: '120/266 documents (118 analysed, 0 unchanged, 2 rejected), file 118/262, 4.1 docs/s, 0:35 left'."""
        files = f"file {self.files_done}/{self.files_total}" if self.files_total else f"{self.files_done} files"
        if self.phase == "counting":
            return f"counting documents: {files}, {self.docs_total or 0:,} documents so far"
        total = f"/{self.docs_total:,}" if self.docs_total else ""
        share = f" ({self.fraction():.0%} of the input)" if not self.docs_total and self.bytes_total else ""
        left = self.seconds_left()
        eta = f", {_clock(left)} left" if left is not None else ""
        busy = f", {self.in_analysis:,} in analysis" if self.in_analysis else ""
        return (f"{self.done:,}{total} documents{share} ({self.analysed:,} analysed, {self.unchanged:,} unchanged, "
                f"{self.rejected:,} rejected){busy}, {files}, {self.rate():.1f} docs/s{eta}")


def count_files(paths: Iterable[str]) -> int | None:
    """Input files, from the folder listings only (nothing is read); None when stdin is among them."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        total += sum(1 for _ in iter_files(path)) if os.path.isdir(path) else 1
    return total


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
