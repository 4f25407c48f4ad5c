"""Quote marks: the spans of text between them, paragraph by paragraph, and the tests on a quotation's shape.

A straight mark opens when a space is before it and a letter after, and closes the other way round; curly and
``LaTeX'' style marks say which they are. A quote left open runs to the next opening mark or the end of the
paragraph (the newswire convention for quotes spanning several paragraphs, and what the BBC corpus looks like once
its paragraph breaks are gone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


#: Fewer words than this between quote marks is a scare quote or a title ("Plan Mexico"), not speech.
MIN_QUOTE_WORDS = 4
_OPEN = {"“": "”", "``": "''", "«": "»"}
_MARK = re.compile(r"``|''|[“”\"«»]")


@dataclass
class Segment:
    start: int  # inside the marks
    end: int
    closed: bool  # False: ended by the next opening mark or the paragraph end


def _role(text: str, i: int, mark: str) -> str:
    """'open' or 'close' for a quote mark at i, from the mark itself or its neighbours."""
    if mark in ("“", "``", "«"):
        return "open"
    if mark in ("”", "''", "»"):
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return "open" if not after.isspace() else "close"
    return "close"


def quote_segments(text: str) -> list[Segment]:
    """Spans of text between quote marks (offsets of the inner text), paragraph by paragraph."""
    out: list[Segment] = []
    pos = 0
    for para in re.split(r"(\n\s*\n|\n)", text):
        if para.strip() and not para.startswith("\n"):
            out.extend(_paragraph_segments(text, pos, pos + len(para)))
        pos += len(para)
    return out


def _paragraph_segments(text: str, start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        role = _role(text, m.start(), m.group())
        if role == "open":
            if open_at is not None:
                out.append(Segment(open_at, _trim_end(text, open_at, m.start()), False))
            open_at = m.end()
        elif open_at is not None:
            out.append(Segment(open_at, m.start(), True))
            open_at = None
    if open_at is not None:
        out.append(Segment(open_at, _trim_end(text, open_at, end), False))
    return [s for s in out if s.end > s.start]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def chains(segments: list[Segment]) -> list[list[Segment]]:
    """Consecutive segments where all but the last were left open: one quotation spread over several."""
    out: list[list[Segment]] = []
    for seg in segments:
        if out and not out[-1][-1].closed and seg.start - out[-1][-1].end < 4:
            out[-1].append(seg)
        else:
            out.append([seg])
    return out


def inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= i < e + 1 for s, e in spans)


def starts_sentence(text: str, start: int) -> bool:
    """Whether the quotation begins a sentence or paragraph (its mark follows a full stop, a colon or a line break)."""
    before = text[max(0, start - 4):start - 1].rstrip(" \u00a0")
    return not before or before[-1] in ".!?:\n\"”'"


def title_case(text: str, chain: list[Segment]) -> bool:
    """'Whose Secretary are You, minister': a title is quoted in Title Case, speech is not."""
    words = [w for s in chain for w in re.findall(r"[A-Za-z]+", text[s.start:s.end]) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a quotation follows the last attribution closely enough to be its continuation."""
    gap = text[previous_end:start]
    return 0 <= previous_end <= start and len(gap) < 400 and gap.count("\n\n") <= 1
