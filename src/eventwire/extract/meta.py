"""Metadata from article lines: publication dates, bylines, page-title suffixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?:\b|(?=T\d))"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<mnum>\d\d)/(?P<day>\d\d)\b"),
]
_BYLINE = re.compile(r"^\s*(?:by|written by|posted by|from)\s+(?P<who>[^\n]+)$", re.I)
_DATELINE_HINT = re.compile(r"\b(published|updated|posted|last modified|first published)\b", re.I)
_CONTRIBUTED = re.compile(
    r"^(?P<who>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3}(?:\s*(?:,|and)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){1,3})*)"
    r"\s+contributed(?: reporting)? to this (?:article|report|story)\.?$"
)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{8,}?)\s+[|\-–—:]\s+(?P<site>[^|\-–—:]{2,40})$")


def find_date(line: str) -> str | None:
    """The first calendar date in `line`, as ISO 8601 (YYYY-MM-DD), or None."""
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(line):
            parts = m.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"].lower()[:3]]
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def is_dateline(line: str) -> bool:
    """A short line that is mostly a date ("August 8, 2007", "Updated: 2024-03-03 10:00")."""
    if find_date(line) is None or len(line.split()) > 12:
        return False
    return bool(_BYLINE.match(line) or _DATELINE_HINT.search(line) or len(line.split()) <= 6 or "/" in line or "|" in line)


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    site: str | None = None
    date: str | None = None


def parse_byline(line: str) -> Byline | None:
    """'By Jane Doe and John Roe / The Daily Planet / March 3, 2024' -> authors, site, date."""
    m = _BYLINE.match(line.strip())
    if not m or len(line.split()) > 20:
        return None
    result = Byline(date=find_date(line))
    who = m.group("who")
    for pattern in _DATE_PATTERNS:
        who = pattern.sub("", who)
    parts = [p.strip(" ,;") for p in re.split(r"\s+[/|•]\s+|\s+[–—]\s+", who) if p.strip(" ,;")]
    if not parts:
        return result
    person = parts[0]
    of_site = re.match(r"^(?P<who>.+?),?\s+(?:of|for)\s+(?P<site>(?:the\s+)?[A-Z][\w.&'\- ]+)$", person)
    if of_site:
        person, result.site = of_site.group("who"), of_site.group("site").strip()
    elif len(parts) > 1 and parts[1][:1].isupper():
        result.site = parts[1]
    result.authors = [a.strip() for a in re.split(r",\s*|\s+and\s+", person) if a.strip()]
    return result


def contributors(line: str) -> list[str]:
    """'Rebecca Kaplan contributed to this article.' -> ['Rebecca Kaplan']."""
    m = _CONTRIBUTED.match(line.strip())
    if not m:
        return []
    return [a.strip() for a in re.split(r",\s*|\s+and\s+", m.group("who")) if a.strip()]


def split_title_suffix(title: str) -> tuple[str, str | None]:
    """'Story headline - WSJ' -> ('Story headline', 'WSJ'); a title without a site suffix is returned whole."""
    m = _TITLE_SUFFIX.match(title.strip())
    if m and len(m.group("site").split()) <= 5:
        return m.group("title").strip(), m.group("site").strip()
    return title.strip(), None


_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?::\d\d)?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?", re.I)
_ISO_STAMP = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_DATE_FILLER = re.compile(
    r"\b(?:published|updated|posted|last|modified|first|on|at|mon|tue|wed|thu|fri|sat|sun|\w+day|"
    r"[ap]\.?m|edt|est|cdt|cst|pdt|pst|gmt|utc|bst|cet|cest|ist|et|pt)\b\.?|[\W_]+",
    re.I,
)


def is_date_only(line: str) -> bool:
    """A line that holds a publication date or time and nothing else: metadata, not article text."""
    text = line.strip()
    if len(text) > 80:
        return False
    stamp = _ISO_STAMP.sub(" ", text)
    has_date = stamp != text or find_date(text) is not None or bool(_NUMERIC_DATE.search(text)) \
        or bool(_TIME.search(text) and _DATELINE_HINT.search(text))
    if not has_date:
        return False
    rest = stamp
    for pattern in _DATE_PATTERNS:
        rest = pattern.sub(" ", rest)
    rest = _NUMERIC_DATE.sub(" ", _TIME.sub(" ", rest))
    rest = _DATE_FILLER.sub(" ", rest)
    return not re.search(r"[^\W\d_]{2,}|\d", rest)
