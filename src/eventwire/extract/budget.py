"""A time budget per document, checked between extraction steps.

The depth guard (`ingest.readers._check_nesting`) keeps every engine near-linear, but an engine can still
meet a page it is slow on. Each step checks the budget when it ends; a document over budget is rejected
with that reason and the run goes on. A check between steps cannot stop a step midway (lxml and lexbor
run in C, and Dask workers run tasks in threads, where no alarm signal reaches), so a document costs at
most the budget plus one step.
"""

from __future__ import annotations

import time

from eventwire import config
from eventwire.errors import RejectedInput


class Budget:
    def __init__(self, seconds: float | None = None):
        self.seconds = config.MAX_DOCUMENT_SECONDS if seconds is None else seconds
        self.started = time.perf_counter()

    def check(self, step: str) -> None:
        spent = time.perf_counter() - self.started
        if spent > self.seconds:
            raise RejectedInput(f"over the time budget: {spent:.1f} s after {step} "
                                f"(limit {self.seconds:g} s per document, EVENTWIRE_MAX_DOCUMENT_SECONDS)")


#: A budget that never runs out (for callers that time nothing).
UNLIMITED = float("inf")
