"""A publication date recovered from an article's own words, when its container and markup gave none.

Why: most local corpora (text dumps, archives saved by hand) carry no date, yet many of their
articles say it: a wire dateline ("LONDON, March 3, 2011 (Reuters) -") or an explicit date in
the lead ("... said on 4 March 2011"). A date found this way is `date_source` "text".

Strict on purpose: a wrong date is worse than none, because the time prior then pulls an article
into the wrong story. So:
- a dateline counts only with a year ("WASHINGTON (AP) -" and "LONDON, March 3 -" date nothing:
  the year would be a guess);
- a date in the lead counts only as a full day in the opening `LEAD_WORDS` words (the header a
  saved page keeps: "Tuesday, 1 March 2005", "Published 4 March 2011"), and not after 'since', 'until',
  'from' (history). Why so short: further into the prose, full dates are births, deaths, fixtures and
  anniversaries ("Born in Luton on 5 April 1920", "the first call was made on 1 January 1985"):
  of the 8 BBC articles with a full date in their first 60 words, 6 were not the report's day;
- htmldate (maintained, knows the numeric orders 04.03.2011 and 3/4/2011) reads the lead only when it
  holds a numeric date, never a bare year (htmldate turns "2006" into 2006-01-01).
Relative days ("on Thursday") are not dates here: they are resolved against a known publication
date by `events/evidence.py` and `knowledge/dates.py`, never used to invent one.
"""

from __future__ import annotations

import re

from eventwire.extract.meta import _DATE_PATTERNS, find_date

#: How far into the text a dateline may start (a headline line may come first).
DATELINE_CHARS = 300
#: Opening words searched for an explicit date (see the module docstring).
LEAD_WORDS = 12

# The head of a dateline line, up to its dash: "LONDON, March 3, 2011 (Reuters)", "NEW DELHI, 4 March 2011".
_DATELINE = re.compile(r"(?:^|\n)[ \t]*(?P<head>[A-Z][A-Za-z.'\- ]{1,40},[^\n]{4,50}?)\s*[-–—]")
_NUMERIC = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2})\b")
_HISTORY = re.compile(r"\b(?:since|until|till|before|after|from|in|of)\s*$", re.I)


def date_from_text(text: str) -> str | None:
    """The article's date as ISO 8601 from its dateline or lead, or None (see the module docstring)."""
    if not text:
        return None
    return dateline_date(text) or lead_date(text)


def dateline_date(text: str) -> str | None:
    """The date of a wire dateline at the top of the text, when it names a year."""
    m = _DATELINE.search(text[:DATELINE_CHARS])
    return find_date(m.group("head")) if m else None


def lead_date(text: str) -> str | None:
    """The first full date in the lead that is not history ('since March 3, 2006')."""
    lead = " ".join(text.split()[:LEAD_WORDS])
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(lead):
            if _HISTORY.search(lead[max(0, m.start() - 12):m.start()]):
                continue
            if found := find_date(m.group(0)):
                return found
    numeric = _NUMERIC.search(lead)
    return _htmldate(lead, numeric.group(0)) if numeric else None


def _htmldate(lead: str, numeric: str) -> str | None:
    """htmldate's reading of the lead's numeric date `numeric`, when it is that date (not a bare year elsewhere)."""
    from html import escape

    from htmldate import find_date as html_date

    try:
        found = html_date(f"<html><body><p>{escape(lead)}</p></body></html>", extensive_search=True,
                          original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate on odd input: no date rather than a failed article
        return None
    return found if found and found[:4] in numeric else None
