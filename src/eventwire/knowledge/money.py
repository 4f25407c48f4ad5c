"""Amounts of money with their currency and period: 'about $40 million a year', '£28.7m', '80p a week'."""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.numbers import parse_number
from eventwire.records import Quantity

_PERIODS = {"year": "year", "annum": "year", "annually": "year", "yearly": "year", "month": "month",
            "monthly": "month", "week": "week", "weekly": "week", "day": "day", "daily": "day"}


@lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    return {term: code for term, code in lx.read_tsv("currencies.tsv")}


def extract_money(doc) -> list[Quantity]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        q = parse_money(ent.text)
        if q is None:
            continue
        value, value_max, code = q
        period = _period_after(doc, ent.end)
        out.append(Quantity(kind="MONEY", value=value, value_max=value_max, unit=code, object=None,
                            text=ent.text, start=ent.start_char, end=ent.end_char, period=period))
    return out


def parse_money(text: str) -> tuple[float, float | None, str | None] | None:
    """'about $40 million' -> (4e7, None, 'USD'); 'hundreds of millions of dollars' -> (1e8, 999999999, 'USD')."""
    t = lx.plain(text)
    code = None
    for term, c in sorted(_currencies().items(), key=lambda kv: -len(kv[0])):
        if term[0].isalpha():
            if re.search(rf"\b{re.escape(term)}\b", t, flags=re.I):
                code = c
                t = re.sub(rf"\b{re.escape(term)}\b", " ", t, flags=re.I)
                break
        elif term in t:
            code = c
            t = t.replace(term, " ")
            break
    t = re.sub(r"\b(?:about|around|some|nearly|almost|roughly|approximately|over|more than|up to|at least|of|a|an)\b", " ", t, flags=re.I)
    t = re.sub(r"(\d)\s*p\b", r"\1", t)  # 80p: pence are read as a number of pounds' hundredths below
    parsed = parse_number(t.strip(" .,-"))
    if parsed is None:
        return None
    value, value_max = parsed
    if re.search(r"\d\s*p\b", lx.plain(text)) and code is None:
        value, code = value / 100.0, "GBP"
    return value, value_max, code


def _period_after(doc, i: int) -> str | None:
    """'$40 million a year', '£102.80 a week', 'per month', 'annually'."""
    toks = doc[i: i + 3]
    words = [t.lower_ for t in toks]
    if words[:1] and words[0] in _PERIODS and words[0].endswith("ly"):
        return _PERIODS[words[0]]
    if len(words) >= 2 and words[0] in ("a", "per", "each", "every", "an") and words[1] in _PERIODS:
        return _PERIODS[words[1]]
    return None
