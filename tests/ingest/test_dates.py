"""Dates for undated input: strict dates from file paths, and the user's `--date`, checked."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import BadDate, EventwireError
from eventwire.ingest.dates import path_date, resolve_date, user_date


@pytest.mark.parametrize("path, expected", [
    ("news/2011/03/04/story.html", "2011-03-04"),  # year/month/day folders
    ("news/2011/03/04.html", "2011-03-04"),  # the day as the file name
    ("wire/reuters-20110304-017.txt", "2011-03-04"),  # compact, in a file name
    ("wire/20110304/017.txt", "2011-03-04"),  # compact, as a folder
    ("wire/20110304T120000.html", "2011-03-04"),  # a timestamp that starts with the day
    ("wire/lima-protest-2011-03-04.txt", "2011-03-04"),  # dashed, in a file name
    ("wire/2011-03-04/a.txt", "2011-03-04"),  # dashed, as a folder
    ("wire/story.2011-03-04.jsonl.gz", "2011-03-04"),
])
def test_each_path_shape_gives_its_date(path, expected):
    assert path_date(path) == expected


@pytest.mark.parametrize("path", [
    "wire/20111340.txt",  # month 13
    "wire/2011-02-30.txt",  # no such day
    "wire/1899-12-31.txt",  # before 1900
    f"wire/{date.today().year + 2}-01-01.txt",  # after next year
    "wire/id_123420110304.txt",  # inside a longer run of digits: an id
    "wire/2011/3/4/a.txt",  # one-digit folders are not the archive shape
    "wire/2011/03/a.txt",  # a month folder alone is not a day
    "story.txt",
    "-",
    "",
])
def test_what_is_not_a_real_date_in_a_path_gives_none(path):
    assert path_date(path) is None


def test_the_component_nearest_the_file_wins():
    assert path_date("2011/03/04/20110305.txt") == "2011-03-05"
    assert path_date("2010-01-01/2011/03/04/a.txt") == "2011-03-04"


def test_user_date_accepts_a_real_day_and_refuses_anything_else():
    assert user_date("2011-03-04") == "2011-03-04"
    assert user_date(None) is None
    for bad in ("2011-02-30", "04/03/2011", "2011-3-4", "yesterday", "1850-01-01", "2011-03-04T10:00"):
        with pytest.raises(BadDate, match="YYYY-MM-DD") as info:
            user_date(bad)
        assert isinstance(info.value, EventwireError) and "\n" not in str(info.value)


def test_a_documents_own_date_comes_before_the_path_and_the_user():
    assert resolve_date("2020-05-05", "text", "2011/03/04/a.txt", "2001-01-01") == ("2020-05-05", "text")
    assert resolve_date(None, "none", "2011/03/04/a.txt", "2001-01-01") == ("2011-03-04", "path")
    assert resolve_date(None, "none", "a.txt", "2001-01-01") == ("2001-01-01", "user")
    assert resolve_date(None, "none", "a.txt", None) == (None, "none")
