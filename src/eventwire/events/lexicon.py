"""The verb and noun lexicons and word classes (package data files written from the CAMEO and PLOVER codebooks).

A lexicon entry says: this lemma, when its dependents satisfy the cue, codes this
CAMEO event, in this role. Cues are what separates "send troops" (MOBILIZE)
from "send aid" (AID), and "beat protesters" (ASSAULT) from "beat Chelsea".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventwire.events.tables import read_tsv


@dataclass(frozen=True)
class Cue:
    kind: str  # prt, prep, obj, adv, of, mod, xcomp, noobj
    words: frozenset[str]
    negated: bool = False


@dataclass(frozen=True)
class Entry:
    lemma: str
    cues: tuple[Cue, ...]
    cameo: str
    role: str
    figurative: bool = False


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(w.strip() for w in row[1].split(",") if w.strip()) for row in read_tsv("classes.tsv")}


def word_class(name: str) -> frozenset[str]:
    return _classes()[name]


def expand(spec: str) -> frozenset[str]:
    """'a|b|@troops' → the words a, b and every word of class troops."""
    words: set[str] = set()
    for part in spec.split("|"):
        words |= word_class(part[1:]) if part.startswith("@") else {part}
    return frozenset(words)


def _cue(text: str) -> Cue:
    negated = text.startswith("!")
    text = text.lstrip("!")
    kind, _, spec = text.partition("=")
    return Cue(kind, expand(spec) if spec else frozenset(), negated)


def _entries(name: str) -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = {}
    for row in read_tsv(name):
        row += [""] * (5 - len(row))
        lemma, cue, cameo, role, flags = (c.strip() for c in row[:5])
        cues = tuple(_cue(c) for c in cue.split() if c != "-")
        table.setdefault(lemma, []).append(Entry(lemma, cues, cameo, role, "fig" in flags.split(",")))
    return table


@lru_cache(maxsize=1)
def verbs() -> dict[str, list[Entry]]:
    return _entries("verbs.tsv")


@lru_cache(maxsize=1)
def nouns() -> dict[str, list[Entry]]:
    return _entries("nouns.tsv")


@lru_cache(maxsize=1)
def contexts() -> dict[str, frozenset[str]]:
    """PLOVER context → the lemmas that signal it in a sentence."""
    return {row[0]: frozenset(w.strip() for w in row[1].split(",") if w.strip()) for row in read_tsv("contexts.tsv")}


@lru_cache(maxsize=1)
def shifts() -> dict[str, tuple[str | None, str | None]]:
    """PLOVER type → (CAMEO code when stated as intent, CAMEO code when stated as threat)."""
    return {r[0]: (None if r[1] == "-" else r[1], None if r[2] == "-" else r[2]) for r in read_tsv("shifts.tsv")}
