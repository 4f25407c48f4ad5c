"""Table cells are cut at a word boundary with an ellipsis, never inside a word ('Commission for Rac')."""

from __future__ import annotations

import io
import json

import pytest

from eventwire.display import cut, print_rows


@pytest.mark.parametrize("text, width, expected", [
    ("Commission for Racial Equality", 20, "Commission for…"),
    ("Commission for Racial Equality", 30, "Commission for Racial Equality"),
    ("Commission for Racial Equality", 15, "Commission for…"),  # the cut falls on a space
    ("Talks failed, officials said today", 15, "Talks failed…"),  # no dangling comma
    ("Pneumonoultramicroscopicsilicovolcanoconiosis spreads", 12, "Pneumonoult…"),  # one long word: cut inside
    ("a\n\nb   c", 10, "a b c"),
    (None, 10, ""),
])
def test_cut_ends_at_a_word(text, width, expected):
    assert cut(text, width) == expected
    assert len(cut(text, width)) <= width


def test_rows_are_printed_chunk_by_chunk():
    printed = []

    def chunks():
        for start in (0, 2):
            yield [(start + i, f"r{start + i}") for i in range(2)]
            printed.append(out.getvalue().count("\n"))  # what was written before the next chunk was asked for

    out = io.StringIO()
    assert print_rows(["n", "s"], chunks(), "jsonl", out=out) == (4, False)
    assert printed == [2, 4]
    assert json.loads(out.getvalue().splitlines()[3]) == {"n": 3, "s": "r3"}


def test_a_table_stops_fetching_one_row_past_its_limit():
    asked = []

    def chunks():
        for start in range(0, 100, 10):
            asked.append(start)
            yield [(start + i,) for i in range(10)]

    from rich.console import Console

    console = Console(file=io.StringIO(), width=80)
    assert print_rows(["n"], chunks(), "table", limit=15, console=console) == (15, True)
    assert asked == [0, 10]
