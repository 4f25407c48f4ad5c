"""The line cleaner stays linear on pathological dumps (one line repeated tens of thousands of times)."""

from __future__ import annotations

import time

from eventwire.extract.lines import clean_lines

LINE = "The minister said the talks would continue next week in the capital, officials told reporters."


def test_forty_thousand_repeated_lines_clean_in_seconds():
    clean_lines("warm\nup")
    text = "\n".join([LINE] * 40_000)
    started = time.perf_counter()
    result = clean_lines(text)
    assert time.perf_counter() - started < 20
    assert LINE in result.text
