"""One canonical event per happening: raw per-sentence events that report the same thing are merged.

Two reports are one happening when they share the PLOVER type, fall within
`DAY_TOLERANCE` days, and their actors and place agree: no actor may conflict, at
least one slot must positively match, and a conflicting place (the slot event
coders get wrong most, e.g. "police in Mexico" read as the place) only vetoes
when source and target do not both match. Linkage is complete (a report must agree
with every report already in the group), so a chain of near matches never
joins two different happenings, the failure GDELT is known for.

An undated report has no day to bound it, and a story of undated articles can still be loose
(a week of Westminster politics), so being in the same story is never enough: two undated reports
merge only when both actors agree slot by slot (or are absent from both) and their sentences share
`SENTENCE_OVERLAP` of their content words. A dated and an undated report never merge.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from eventwire.records import CountReport, Mention, MergedEvent
from eventwire.stories.terms import fold, tokens

DAY_TOLERANCE = 1
#: Content-word Jaccard two undated reports' sentences need: a report retold in other words still
#: shares its names and its verb; two happenings in one loose story share little else.
SENTENCE_OVERLAP = 0.3


@dataclass
class Report:
    """One raw event row with the facts merging needs."""

    doc_id: str
    idx: int
    plover: str
    cameo: str | None
    source: dict | None
    target: dict | None
    location: dict | None
    day: date | None
    sentence: str
    start: int
    end: int
    doc_date: str | None
    site: str | None
    story_id: str | None
    copy: bool = False
    counts: dict[str, dict] = field(default_factory=dict)  # Event count field -> its EventCount as stored


@dataclass
class _Group:
    reports: list[Report] = field(default_factory=list)


def name_words(name: str | None) -> set[str]:
    return set(re.findall(r"\w+", fold(name or "").replace(".", ""))) - {"the", "of", "s"}


def same_actor(a: dict | None, b: dict | None) -> bool | None:
    """True: the same actor; False: different actors; None: cannot tell (one is unknown)."""
    if not a or not b:
        return None
    wa, wb = name_words(a.get("name")), name_words(b.get("name"))
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    for key in ("country", "sector"):
        if a.get(key) and b.get(key) and a[key] != b[key]:
            return False
    if a.get("country") and a.get("country") == b.get("country") and (
            a.get("sector") == b.get("sector") or not (a.get("sector") and b.get("sector"))):
        return True  # 'Colombian troops' and 'Colombia's army': one actor named two ways
    return False


def same_place(a: dict | None, b: dict | None) -> bool | None:
    if not a or not b:
        return None
    wa, wb = name_words(a.get("name")), name_words(b.get("name"))
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    return None  # a city and its province, or two towns of one country: not evidence either way


def compatible(x: Report, y: Report) -> bool:
    if x.plover != y.plover:
        return False
    if x.day and y.day:
        if abs((x.day - y.day).days) > DAY_TOLERANCE:
            return False
    elif x.day or y.day:
        return False  # one date known, the other not: nothing says they are one happening
    else:
        return _undated_compatible(x, y)
    actors = [same_actor(x.source, y.source), same_actor(x.target, y.target)]
    if False in actors:
        return False
    place = same_place(x.location, y.location)
    if place is False and actors != [True, True]:
        return False  # place is the noisiest slot: it only vetoes when the actors do not both agree
    return True in actors or place is True


def _undated_compatible(x: Report, y: Report) -> bool:
    """Two undated reports: the same story, both actor slots agreeing, similar sentences."""
    if x.story_id is None or x.story_id != y.story_id:
        return False
    slots = [same_actor(x.source, y.source), same_actor(x.target, y.target)]
    absent = [not (x.source or y.source), not (x.target or y.target)]
    if not all(s is True or gone for s, gone in zip(slots, absent)) or True not in slots:
        return False
    return sentence_overlap(x.sentence, y.sentence) >= SENTENCE_OVERLAP


def sentence_overlap(a: str, b: str) -> float:
    """Jaccard of the two sentences' content words (stemmed, stop words out); 1 for equal sentences."""
    if a == b:
        return 1.0
    wa, wb = set(tokens(a)), set(tokens(b))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def merge_reports(reports: list[Report]) -> list[list[Report]]:
    """Group reports of one happening, earliest first, complete linkage."""
    groups: list[_Group] = []
    # Only a group with a member of the same type within the day tolerance, or (for undated
    # reports) from the same story, can be compatible: looking only at those keeps merging linear.
    index: dict[tuple, list[int]] = defaultdict(list)
    for report in sorted(reports, key=_report_order):
        for number in _candidates(report, index):
            if all(compatible(report, other) for other in groups[number].reports):
                groups[number].reports.append(report)
                break
        else:
            number = len(groups)
            groups.append(_Group([report]))
        for key in _keys(report):
            if number not in index[key][-1:]:
                index[key].append(number)
    return [g.reports for g in groups]


def _keys(report: Report) -> list[tuple]:
    return [(report.plover, "story", report.story_id)] + ([(report.plover, "day", report.day)] if report.day else [])


def _candidates(report: Report, index: dict[tuple, list[int]]) -> list[int]:
    """Groups the report could join, oldest first (the order the full scan would try them in)."""
    keys = [(report.plover, "story", report.story_id)]
    if report.day:
        keys += [(report.plover, "day", report.day + timedelta(days=k))
                 for k in range(-DAY_TOLERANCE, DAY_TOLERANCE + 1)]
    return sorted({n for key in keys for n in index.get(key, ())})


def canonical(reports: list[Report]) -> MergedEvent:
    """The merged record: most reported values, every mention, the earliest report."""
    first = min(reports, key=_report_order)
    counted = [r for r in reports if not r.copy]
    return MergedEvent(
        id="me-" + hashlib.sha1(f"{first.doc_id}:{first.idx}".encode()).hexdigest()[:16],
        plover=first.plover,
        cameo=_most_common(r.cameo for r in reports),
        source=_richest(r.source for r in reports),
        target=_richest(r.target for r in reports),
        date=_most_common(r.day.isoformat() if r.day else None for r in reports),
        location=_richest(r.location for r in reports),
        story_id=_most_common(r.story_id for r in reports),
        mentions=[Mention(r.doc_id, r.idx, r.sentence, r.start, r.end, r.doc_date, r.site, r.copy)
                  for r in sorted(reports, key=_report_order)],
        num_articles=len({r.doc_id for r in counted}),
        num_sources=len({r.site or r.doc_id for r in counted}),
        earliest_doc_id=first.doc_id,
        earliest_date=first.doc_date,
        **latest_counts(reports),
    )


def latest_counts(reports: list[Report]) -> dict:
    """Each count field's latest report (a rising toll is updated, not added up), and every report's figure."""
    figures = [CountReport(kind, c.get("value"), c.get("max"), r.doc_date, r.doc_id, r.idx, c.get("text") or "",
                           c.get("start") or 0, c.get("end") or 0)
               for r in sorted((r for r in reports if not r.copy), key=_report_order)
               for kind, c in sorted(r.counts.items()) if c]
    latest = {f.kind: f.value for f in figures if f.value is not None}  # later reports overwrite earlier ones
    return {**latest, "count_reports": figures}


def _report_order(r: Report) -> tuple:
    return (r.doc_date or "9999", r.copy, r.doc_id, r.idx)


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _richest(values) -> dict | None:
    """The most reported actor or place, preferring the version with the most fields filled."""
    present = [v for v in values if v]
    if not present:
        return None
    names = Counter(fold(v.get("name") or "") for v in present)
    return max(present, key=lambda v: (names[fold(v.get("name") or "")], sum(1 for x in v.values() if x)))
