"""Counts on the event: each killed, wounded, arrested, kidnapped or displaced count goes to one event.

Reads `Document.quantities` (the knowledge stage) and `Document.events`; assigns `Event.killed`,
`.wounded`, `.arrested`, `.kidnapped`, `.displaced` (records.EventCount).

A researcher asks "how many did this attack kill", not "how many deaths does this article
mention". So every count is given to exactly one event, and summing the events of an article
never counts a death twice:
- the event of the count's own sentence whose type fits the kind best (a death to an ASSAULT before
  a COERCE before a PROTEST, an arrest to a COERCE first), the nearest verb breaking ties;
- a sentence with no event at all ("Five people died.") hands its counts to the best-fitting event of
  the sentence before it (else the latest fitting one) in the same paragraph: reports give the attack
  first and its toll after;
- a stated total in a sentence of its own ("Total: 8 fatalities") tallies the happening its paragraph
  leads with: it goes to the paragraph's first fitting event, which takes over the paragraph's other
  counts of that kind, so the events' tolls still sum to the article's.
Counts of one kind on one event are combined by the article total rule (`kind_total`: a stated
total, else distinct counts, subsets left out), so "1 soldier was killed ... (1 fatality)" is one.
"""

from __future__ import annotations

import re

from eventwire.knowledge.quantities import kind_total
from eventwire.records import COUNT_FIELDS, Document, Event, EventCount, Quantity

#: Quantity kind -> the event field it fills.
FIELDS = dict(zip(("KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACE"), COUNT_FIELDS))

#: Event types a count of each kind belongs to, best first; other types take it only when nothing fits.
FITS = {
    "KILL": ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN"),
    "WOUND": ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN"),
    "ARREST": ("COERCE", "ASSAULT", "PROTEST", "SANCTION"),
    "KIDNAP": ("ASSAULT", "COERCE", "THREATEN"),
    "DISPLACE": ("ASSAULT", "COERCE", "MOBILIZE", "RETREAT"),
}

#: "at least 5", "more than 20", "over 100": a count with no upper end.
_OPEN = r"(?:at least|more than|over|upwards of|no fewer than|not less than)"
_OPEN_ENDED = re.compile(rf"^{_OPEN}\b", re.I)
_OPEN_BEFORE = re.compile(rf"\b{_OPEN}\s+$", re.I)


def attach_counts(document: Document, sentences: list[tuple[int, int]]) -> None:
    """Fill the count fields of `document.events`; `sentences` are the parse's (start, end) character spans."""
    if not document.events or not document.quantities:
        return
    given: dict[tuple[int, str], list[Quantity]] = {}
    tallies: list[tuple[int, str, int, int]] = []  # (event, kind, paragraph start, end) of stated totals
    for q in document.quantities:
        if q.kind not in FIELDS:
            continue
        index, paragraph = _event_for(q, document, sentences)
        if index is not None:
            given.setdefault((index, q.kind), []).append(q)
            if paragraph:
                tallies.append((index, q.kind, *paragraph))
    for lead, kind, start, end in tallies:  # the tally covers the paragraph's other counts of its kind
        for (index, other), counts in list(given.items()):
            if other == kind and index != lead and start <= document.events[index].start < end:
                given[(lead, kind)].extend(given.pop((index, other)))
    for (index, kind), counts in given.items():
        setattr(document.events[index], FIELDS[kind], combine(counts, kind, document.text))


def combine(counts: list[Quantity], kind: str, text: str) -> EventCount:
    """One figure from the counts of one kind an event's words give (the total rule of `kind_total`)."""
    known = [q for q in counts if q.value is not None]
    start, end = min(q.start for q in counts), max(q.end for q in counts)
    if not known:
        return EventCount(None, None, None, text[start:end], start, end, len(counts))
    value = kind_total(counts, kind)
    used = _used(known, value)
    high = None if any(_open_ended(q, text) for q in used) else sum(q.value_max or q.value for q in used)
    return EventCount(value, value, high, text[start:end], start, end, len(counts))


def _open_ended(q: Quantity, text: str) -> bool:
    """'at least 5 people were killed': the count's words, or the few before them, leave the top open."""
    return bool(_OPEN_ENDED.match(q.text) or _OPEN_BEFORE.search(text[max(0, q.start - 20):q.start]))


def _used(known: list[Quantity], value: float) -> list[Quantity]:
    """The counts the total was made of, for its range: the stated total, else the distinct counts."""
    totals = [q for q in known if q.role == "total" and q.value == value]
    if totals:
        return totals[:1]
    out, seen = [], set()
    for q in known:
        key = (q.value, (q.object or "").lower())
        if q.role not in ("part", "definite", "total") and key not in seen:
            seen.add(key)
            out.append(q)
    return out if out and sum(q.value for q in out) == value else [q for q in known if q.value == value][:1]


def _event_for(q: Quantity, document: Document,
               sentences: list[tuple[int, int]]) -> tuple[int | None, tuple[int, int] | None]:
    """The event a count goes to, and, for a stated total in a sentence of its own, the paragraph it tallies."""
    here = _sentence_of(q.start, sentences)
    if here is None:
        return None, None
    index = _best(q, document.events, [sentences[here]])
    if index is not None or _has_event(document.events, sentences[here]):
        return index, None
    before = _paragraph_before(document.text, sentences, here)
    if not before:
        return None, None
    if q.role == "total":  # "Total: 8 fatalities" tallies the happening the paragraph leads with
        return _best(q, document.events, before, lead=True), (before[0][0], sentences[here][1])
    if _has_fit(q, document.events, before[-1]):
        return _best(q, document.events, before[-1:]), None
    return _best(q, document.events, before, latest=True), None


def _paragraph_before(text: str, sentences: list[tuple[int, int]], here: int) -> list[tuple[int, int]]:
    """The sentences before `here` in its paragraph (no line break between), first to last."""
    out: list[tuple[int, int]] = []
    start = sentences[here][0]
    for i in range(here - 1, -1, -1):
        words = text[sentences[i][0]:sentences[i][1]]
        if not words.strip():
            continue
        if "\n" in text[sentences[i][0] + len(words.rstrip()):start]:
            break
        out.insert(0, sentences[i])
        start = sentences[i][0]
    return out


def _best(q: Quantity, events: list[Event], spans: list[tuple[int, int]], lead: bool = False,
          latest: bool = False) -> int | None:
    """The event in `spans` that fits the count's kind best; then the first (`lead`), the last (`latest`)
    or the one whose verb is nearest the count."""
    fits = FITS[q.kind]
    best, best_key = None, None
    for i, event in enumerate(events):
        if event.negated or event.hypothetical or not any(a <= event.start < b for a, b in spans):
            continue
        rank = fits.index(event.plover) if event.plover in fits else len(fits)
        anchor = event.verb.start if event.verb is not None else event.start
        order = anchor if lead else -anchor if latest else abs(anchor - q.start)
        key = (rank, order)
        if best_key is None or key < best_key:
            best, best_key = i, key
    return best


def _has_fit(q: Quantity, events: list[Event], span: tuple[int, int]) -> bool:
    return any(span[0] <= e.start < span[1] and e.plover in FITS[q.kind] and not e.negated for e in events)


def _has_event(events: list[Event], span: tuple[int, int]) -> bool:
    return any(span[0] <= e.start < span[1] for e in events)


def _sentence_of(offset: int, sentences: list[tuple[int, int]]) -> int | None:
    for i, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return i
    return None
