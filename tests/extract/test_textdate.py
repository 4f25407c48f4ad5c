"""Dates recovered from an article's own words: wire datelines and explicit dates in the lead (issue 19)."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.extract.textdate import date_from_text, dateline_date, lead_date

BODY = " The ministers met for three hours and agreed to meet again next month, officials said."


@pytest.mark.parametrize("text, day", [
    ("LONDON, March 3, 2011 (Reuters) - Oil prices rose." + BODY, "2011-03-03"),
    ("NEW DELHI, 4 March 2011 - The cabinet met." + BODY, "2011-03-04"),
    ("Ministers meet\nMEXICO CITY, Aug. 8, 2007 — Security talks began." + BODY, "2007-08-08"),
])
def test_datelines_with_a_year_give_the_date(text, day):
    assert dateline_date(text) == day == date_from_text(text)


@pytest.mark.parametrize("text", [
    "WASHINGTON (AP) — The Senate voted." + BODY,  # no date at all
    "LONDON, March 3 (Reuters) - Oil prices rose." + BODY,  # no year: it would be a guess
    "The talks failed on Thursday, the minister said." + BODY,  # relative days never invent a date
    "More than 34,000 people have been killed since 2006, when the offensive began." + BODY,
])
def test_no_date_is_made_up(text):
    assert date_from_text(text) is None


def test_an_explicit_date_in_the_lead_counts_and_history_does_not():
    assert lead_date("Tuesday, 4 March 2011. The president signed the decree." + BODY) == "2011-03-04"
    assert lead_date("Violence has grown since March 3, 2006, and talks failed." + BODY) is None
    # further in, a full date is a birth, a death or an anniversary, not the day of the report
    assert lead_date("The author, who wrote many novels, was born in Luton on 5 April 1920." + BODY) is None
    assert lead_date("Results were 0.7-0 up on the year, the firm said in 2004." + BODY) is None


def test_numeric_dates_in_the_lead_go_through_htmldate():
    assert lead_date("Posted 2011-03-04. The minister said talks failed." + BODY) == "2011-03-04"


def test_a_text_file_gets_its_date_from_its_dateline(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Ministers meet\n\nLONDON, March 3, 2011 (Reuters) - The ministers met in London." + BODY * 3)
    doc = eventwire.process(path.read_text())
    assert (doc.date, doc.date_source) == ("2011-03-03", "text")
