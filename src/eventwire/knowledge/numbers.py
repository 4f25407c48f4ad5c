"""Numbers as newswire writes them: '34,000', 'two', 'twenty-five', '1.5 million', '£3bn', 'hundreds of', 'dozens'.

`parse_number` returns (value, value_max) or None; a vague plural ('thousands') is a range, never a guess.
A word that is not a number ('were', '5,were') is never one.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "dozen": 12, "single": 1, "both": 2, "couple": 2,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
           "bn": 1_000_000_000, "b": 1_000_000_000, "tn": 1_000_000_000_000, "crore": 10_000_000, "lakh": 100_000}
#: Vague plurals: 'dozens of' is 12..99, 'tens of' 10..99, 'hundreds of' 100..999, 'thousands of' 1,000..9,999.
#: The low end is the conservative reading conflict coders use (ACLED codes 'dozens' as 12, 'tens' as 10,
#: 'hundreds' as 100), so a total over many reports neither inflates nor needs a second convention.
_VAGUE = {"dozens": (12, 99), "tens": (10, 99), "scores": (40, 99), "hundreds": (100, 999), "thousands": (1_000, 9_999),
          "millions": (1_000_000, 999_999_999), "billions": (1_000_000_000, 999_999_999_999)}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def _word_value(word: str) -> float | None:
    word = word.lower().strip()
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    if word in _UNITS:
        return float(_UNITS[word])
    if "-" in word:  # twenty-five
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in _UNITS and parts[1] in _UNITS and _UNITS[parts[0]] >= 20:
            return float(_UNITS[parts[0]] + _UNITS[parts[1]])
    m = re.match(r"^(\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$", word)
    if m:
        return float(m.group(1)) * _SCALES[m.group(2)]
    return None


#: 'A-B', 'A to B', 'A or B', 'between A and B': a stated range, read as (low, high).
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:-|\u2013|\s+to\s+|\s+or\s+|\s+and\s+)\s*(.+)$", re.I)


def parse_range(text: str) -> tuple[float, float] | None:
    """'2-4' -> (2, 4); 'two to four' -> (2, 4); 'between 10 and 12' -> (10, 12). Both ends must be plain
    numbers and the second larger, so 'twenty-five' and '1,000' stay single numbers."""
    m = _RANGE.match(text.strip())
    if m is None or (" and " in text.lower() and not text.lower().lstrip().startswith("between")):
        return None
    low, high = _single(m.group(1)), _single(m.group(2))
    if low is None or high is None or low[1] is not None or high[1] is not None or not low[0] < high[0]:
        return None
    return low[0], high[0]


def parse_number(text: str) -> tuple[float, float | None] | None:
    """'34,000' -> (34000, None); 'hundreds of millions' -> (1e8, 999999999); '2-4' -> (2, 4); 'were' -> None."""
    stripped = re.sub(r"^(?:at least|about|around|some|nearly|almost|up to|approximately|roughly|an estimated)\s+", "",
                      text.strip(), flags=re.I)
    if re.search(r"\d\s*(?:-|\u2013)\s*\d|\s(?:to|or)\s|^between\s", stripped, flags=re.I):
        ranged = parse_range(stripped)
        if ranged is not None:
            return ranged
    return _single(text)


def _single(text: str) -> tuple[float, float | None] | None:
    words = [w for w in re.split(r"\s+|(?<=\w)-(?=(?:hundred|thousand|million|billion)\b)", text.lower().strip()) if w]
    words = [w for w in words if w not in ("of", "and", "about", "some", "nearly", "almost", "around", "approximately",
                                           "over", "more", "than", "at", "least", "up", "to", "roughly", "estimated", "an", "a")
             or w in ("a", "an") and len(words) == 1]
    if not words:
        return None
    if words[0] in _VAGUE:
        low, high = _VAGUE[words[0]]
        for w in words[1:]:
            scale = _SCALES.get(w) or (_VAGUE[w][0] if w in _VAGUE else None)
            if scale is None:
                return None
            low, high = low * scale, (high + 1) * scale - 1
        return float(low), float(high)
    total, current, seen = 0.0, None, False
    for w in words:
        value = _word_value(w)
        if value is not None:
            if current is not None and not (current >= 20 and value < 10):
                return None  # two numbers side by side: not one quantity
            current = value if current is None else current + value
            seen = True
        elif w in _SCALES and seen:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, None
        else:
            return None
    if not seen:
        return None
    return total + (current or 0), None
