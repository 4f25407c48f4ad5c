"""Dates in the text ('on Thursday', 'last month', 'since 2006', 'in December', '5 August 2024'), resolved
against the publication date; relative ones stay unresolved (value None) when the page gives no date.

Candidates are spaCy's DATE entities; the resolver is small and rule-based because it runs on every
article (dateparser costs milliseconds per call). News convention: a bare weekday or month refers
to the most recent one on or before publication, unless 'next' says otherwise.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from eventwire.records import Document, TimeMention

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIONS = {"since": "since", "before": "before", "after": "after", "until": "until", "by": "by"}


def _pub_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(text: str, pub: date | None) -> tuple[str | None, str | None]:
    """(ISO value, grain) for a date expression; (None, grain) when it needs a publication date it lacks."""
    t = text.lower().strip()
    t = re.sub(r"^(?:the|on|in|at|during|earlier|later)\s+", "", t)
    words = re.findall(r"[a-z]+|\d+", t)
    absolute = _absolute(words)
    if absolute:
        return absolute
    if pub is None:
        return None, _grain(words)
    for w in words:
        if w in _WEEKDAYS:
            offset = (pub.weekday() - _WEEKDAYS[w]) % 7
            if "next" in words:
                return (pub + timedelta(days=(_WEEKDAYS[w] - pub.weekday()) % 7 or 7)).isoformat(), "day"
            return (pub - timedelta(days=offset)).isoformat(), "day"
    if "today" in words or "tonight" in words:
        return pub.isoformat(), "day"
    if "yesterday" in words:
        return (pub - timedelta(days=1)).isoformat(), "day"
    if "tomorrow" in words:
        return (pub + timedelta(days=1)).isoformat(), "day"
    shift = -1 if ("last" in words or "past" in words and len(words) <= 2 or "previous" in words) else 1 if "next" in words else 0
    if "week" in words and len(words) <= 3:
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=shift)
        return monday.isoformat(), "week"
    if "month" in words and len(words) <= 3:
        y, m = pub.year, pub.month + shift
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        return f"{y:04d}-{m:02d}", "month"
    if "year" in words and len(words) <= 3:
        return f"{pub.year + shift:04d}", "year"
    for w in words:
        if w in _MONTHS and len(w) > 2:
            m = _MONTHS[w]
            y = pub.year if m <= pub.month or "next" in words else pub.year - 1
            return f"{y:04d}-{m:02d}", "month"
    return None, _grain(words)


def _absolute(words: list[str]) -> tuple[str, str] | None:
    years = [w for w in words if len(w) == 4 and w.isdigit() and 1800 <= int(w) <= 2099]
    if not years:
        return None
    y = int(years[0])
    month = next((_MONTHS[w] for w in words if w in _MONTHS and len(w) > 2), None)
    if month is None:
        return f"{y:04d}", "year"
    days = [int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31]
    if days:
        try:
            return date(y, month, days[0]).isoformat(), "day"
        except ValueError:
            pass
    return f"{y:04d}-{month:02d}", "month"


def _grain(words: list[str]) -> str | None:
    for w, grain in (("day", "day"), ("week", "week"), ("month", "month"), ("year", "year")):
        if any(x.startswith(w) for x in words):
            return grain
    if any(w in _WEEKDAYS for w in words):
        return "day"
    return None


def extract_dates(document: Document, doc) -> list[TimeMention]:
    pub = _pub_date(document.date)
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value, grain = resolve(ent.text, pub)
        prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        out.append(TimeMention(text=ent.text, start=ent.start_char, end=ent.end_char, value=value, grain=grain,
                               relation=_RELATIONS.get(prev, "at")))
    return out
