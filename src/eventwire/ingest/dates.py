"""Dates for undated input: from the file's path, or given by the user (`run --date`).

A document's own date (container metadata, HTML markup, a dateline in the text) always wins; these
only fill the gap, path first, then the user's date (`resolve_date`). Both are strict: a path date
is a real calendar date between `FIRST_YEAR` and next year in one of three shapes, so ids, counters
and prices in file names are not taken for dates.
"""

from __future__ import annotations

import os
import re
from datetime import date

from eventwire.errors import BadDate

#: Dates before this year in a path are ids or counters, not publication dates.
FIRST_YEAR = 1900

#: Where a document's date came from (`Document.date_source`).
DATE_SOURCES = ("metadata", "text", "path", "user", "none")

# 20110304 or 2011-03-04 inside one directory or file name, not inside a longer run of digits.
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_DASHED = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_USER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR, _TWO = re.compile(r"^\d{4}$"), re.compile(r"^\d{2}$")


def calendar_date(year: str | int, month: str | int, day: str | int) -> str | None:
    """ISO date when (year, month, day) is a real day between `FIRST_YEAR` and next year, else None."""
    year, month, day = int(year), int(month), int(day)
    if not FIRST_YEAR <= year <= date.today().year + 1:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def path_date(path: str) -> str | None:
    """The date a file's path gives, or None.

    Three shapes, as news archives and crawls name their files:
    - folders `2011/03/04/...` (the day may also be the file name: `2011/03/04.html`);
    - `20110304` in one folder or file name (`reuters-20110304-017.txt`);
    - `2011-03-04` in one folder or file name (`lima-protest-2011-03-04.txt`).
    The component nearest the file wins: the file name, then its folder, and so on up the path as
    the user gave it. A shape that is not a real date (`20111340`, `1899-01-01`) does not count.
    """
    if not path or path == "-":
        return None
    parts = [p for p in re.split(r"[\\/]+", os.path.normpath(path)) if p]
    if not parts:
        return None
    stems = parts[:-1] + [parts[-1].split(".", 1)[0]]  # 2011/03/04.html: the day is the file's stem
    for i in range(len(parts) - 1, -1, -1):
        for rx in (_DASHED, _COMPACT):
            for m in rx.finditer(parts[i]):
                if found := calendar_date(*m.groups()):
                    return found
        if i >= 2 and _YEAR.match(stems[i - 2]) and _TWO.match(stems[i - 1]) and _TWO.match(stems[i]):
            if found := calendar_date(stems[i - 2], stems[i - 1], stems[i]):
                return found
    return None


def user_date(value: str | None) -> str | None:
    """A date given on the command line or to `run(date=...)`, checked: YYYY-MM-DD, a real day
    between `FIRST_YEAR` and next year. Raises `BadDate` with a message naming what is wrong."""
    if value is None:
        return None
    m = _USER.match(value.strip())
    found = calendar_date(*m.groups()) if m else None
    if found is None:
        raise BadDate(f"--date {value!r} is not a date: give a real day as YYYY-MM-DD, "
                      f"between {FIRST_YEAR} and {date.today().year + 1}")
    return found


def resolve_date(own: str | None, own_source: str | None, path: str, user: str | None) -> tuple[str | None, str]:
    """The document's date and where it came from: its own (metadata or text), else the path's,
    else the user's, else none."""
    if own:
        return own, own_source or "metadata"
    if found := path_date(path):
        return found, "path"
    if user:
        return user, "user"
    return None, "none"
