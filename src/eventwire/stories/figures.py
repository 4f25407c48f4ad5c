"""How a storyline's figures moved: the same kind of count, reported again in later articles.

A figure is a count of one kind (KILL, ARREST, ...) with the same baseline
("since 2006") or the same unit, reported on at least two dates. The baseline
is read from the quantity's sentence, because "34,000 killed since 2006" and
"34,000 killed this year" are different figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from eventwire import datafiles
from eventwire.records import Figure, FigurePoint

_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid-?|january|february|march|april|may|june|july|august|"
                    r"september|october|november|december)\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    return {kind: label for kind, label in datafiles.read_tsv("eventwire.stories", "figure_labels.tsv")}


def sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1:right + 1].strip()


def baseline(sentence: str) -> str | None:
    match = _SINCE.search(sentence)
    return match.group(1) if match else None


def figures(quantities: list[dict], texts: dict[str, str], dates: dict[str, str | None]) -> list[Figure]:
    """Figures reported on two or more dates, oldest point first (undated articles last).

    `quantities` are rows of the `quantities` table (doc_id, kind, value, unit, text, start, end).
    """
    series: dict[tuple, list[FigurePoint]] = defaultdict(list)
    for q in quantities:
        if q.get("value") is None or not q.get("kind"):
            continue
        since = baseline(sentence_around(texts.get(q["doc_id"], ""), q["start"], q["end"]))
        key = (str(q["kind"]).upper(), since, None if since else (q.get("unit") or None))
        series[key].append(FigurePoint(dates.get(q["doc_id"]), float(q["value"]), q["doc_id"], q.get("text") or "",
                                       q["start"], q["end"]))
    out = []
    for (kind, since, unit), points in series.items():
        by_date = {}
        # the largest count reported that day; on a tie the first article by id, so reruns agree
        for point in sorted(points, key=lambda p: (p.date or "9999", -p.value, p.doc_id, p.start)):
            by_date.setdefault((point.date or point.doc_id)[:10], point)
        if len(by_date) < 2:
            continue
        label = labels().get(kind, kind.lower()) + (f" since {since}" if since else "") + (f" ({unit})" if unit else "")
        out.append(Figure(label=label, kind=kind, since=since, points=list(by_date.values())))
    return sorted(out, key=lambda f: (-len(f.points), f.label))
