"""How much of a legacy-encoded folder the readers store, and how long the hostile-HTML page takes.

    PYTHONPATH=src .venv/bin/python tests/ingest/bench_legacy.py

Builds, in a temporary folder, 130 made-up files (100 cp1252 CRLF articles, 40 of them with £ signs and
curly quotes; 20 latin-1; 10 UTF-16, half without a BOM), reads and extracts each, and times the issue's
page of 100,000 `<div></i>` (read, guard, extract). Prints what was stored and what was rejected.
"""

from __future__ import annotations

import collections
import sys
import tempfile
import time
from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.records import Reject
from eventwire.run.pipeline import to_work


def build(folder: Path) -> None:
    for i in range(100):
        body = (f"Council row over repairs {i}\r\n\r\nThe council of Velmar met on Tuesday to discuss the repair "
                "bill for the town hall, officials said.\r\nOpposition members said the cost had doubled since "
                "the works began last year.\r\n")
        if i < 40:
            body += f"\u201cWe will not pay \u00a3{i}m for this,\u201d one member said \u2013 \u2018a scandal\u2019.\r\n"
        (folder / f"cp1252-{i:03}.txt").write_bytes(body.encode("cp1252"))
    for i in range(20):
        (folder / f"latin1-{i:03}.txt").write_bytes(
            (f"Le ministre a d\u00e9clar\u00e9 que la r\u00e9forme continue, malgr\u00e9 la gr\u00e8ve num\u00e9ro {i}. "
             "Les syndicats ont appel\u00e9 \u00e0 manifester.\r\n").encode("latin-1"))
    for i in range(10):
        (folder / f"utf16-{i:03}.txt").write_bytes(
            (f"Police arrested {i} protesters in Velmar on Monday, the interior ministry said in a "
             "statement.\r\n").encode("utf-16" if i % 2 else "utf-16-le"))


def stored_and_rejected(paths: list[str]) -> tuple[list, collections.Counter]:
    stored, rejected = [], collections.Counter()
    for item in read_paths(paths):
        if isinstance(item, Reject):
            rejected[item.reason.split(":")[0]] += 1
            continue
        try:
            stored.append(to_work(item).document)
        except Exception as exc:  # noqa: BLE001 (a bench: count whatever happens)
            rejected[str(exc).split(":")[0]] += 1
    return stored, rejected


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "legacy"
        folder.mkdir()
        build(folder)
        stored, rejected = stored_and_rejected([str(folder)])
        pounds = sum("\u00a3" in d.text for d in stored)
        print(f"legacy folder: {len(stored)} of 130 stored ({pounds} with their £ of 40), rejected: {dict(rejected)}")
        page = Path(tmp) / "d.html"
        page.write_text("<html><body>" + "<div></i>" * 100_000 + "<p>" + "The minister said talks failed. " * 20
                        + "</p></body></html>")
        started = time.perf_counter()
        stored, rejected = stored_and_rejected([str(page)])
        print(f"hostile page: {time.perf_counter() - started:.2f} s, stored {len(stored)}, rejected: {dict(rejected)}")


if __name__ == "__main__":
    sys.exit(main())
