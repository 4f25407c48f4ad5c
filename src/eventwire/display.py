"""Terminal output shared by the CLI's tables: cells cut at word boundaries, and query rows printed as they come.

Issue 22: event tables cut sentences at a fixed character ("Commission for Rac"). Every table printer
(`eventwire events`, `query`, `stories`, `story`) cuts its long cells with `cut`.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

ELLIPSIS = "…"
#: A cut falls back to the last space only if that keeps at least this share of the width (a 60-character
#: word is cut inside it rather than left as a stub).
_MIN_KEPT = 0.5
#: Rows per printed table when a query streams in table format (each block is laid out on its own).
TABLE_BLOCK = 200
#: Widest query cell in table format; csv and jsonl print every value whole.
QUERY_CELL = 200


def cut(text: str | None, width: int) -> str:
    """`text` in at most `width` characters: whitespace runs as one space, and a longer text cut at the last
    word boundary that fits, with an ellipsis ('Commission for Racial Equality' at 20: 'Commission for…')."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    room = max(1, width - len(ELLIPSIS))
    head = text[:room]
    if not text[room].isspace():  # the cut falls inside a word: go back to the space before it
        space = head.rfind(" ")
        if space >= room * _MIN_KEPT:
            head = head[:space]
    return head.rstrip(" ,;:-–—") + ELLIPSIS


def print_rows(columns: Sequence[str], chunks: Iterable[list[tuple]], fmt: str, limit: int = 0,
               out: TextIO | None = None, console=None) -> tuple[int, bool]:
    """Print rows chunk by chunk as they arrive, so that nothing holds the whole result: csv, jsonl, or
    table (`limit`: rows shown at most, 0 for all). Returns the rows printed and whether rows were left
    out (table format: one row beyond `limit` is fetched to know, and no further)."""
    out = out or sys.stdout
    printed = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for rows in chunks:
            writer.writerows(rows)
            out.flush()
            printed += len(rows)
        return printed, False
    if fmt == "jsonl":
        for rows in chunks:
            out.write("".join(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str) + "\n"
                              for row in rows))
            out.flush()
            printed += len(rows)
        return printed, False
    return _print_table(columns, chunks, limit, console)


def _print_table(columns: Sequence[str], chunks: Iterable[list[tuple]], limit: int, console) -> tuple[int, bool]:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    block: list[tuple] = []
    printed, more = 0, False

    def flush() -> None:
        table = Table(show_header=True)
        for name in columns:
            table.add_column(name)
        for row in block:
            table.add_row(*(cut(str(v), QUERY_CELL) if v is not None else "" for v in row))
        console.print(table)
        block.clear()

    for rows in chunks:
        for row in rows:
            if limit and printed >= limit:
                more = True
                break
            block.append(row)
            printed += 1
            if len(block) >= TABLE_BLOCK:
                flush()
        if more:
            break
    if block or not printed:
        flush()
    return printed, more
