"""The offline knowledge base of political actors (data/kb_actors.tsv, built from PETRARCH2 by build_kb.py):
who a full name is, as a country and sector, *at the article's date*.

Tony Blair is GBR GOV from 1997-05-02 to 2007-06-27 and GBR ELI after; an article of 2010 gets ELI. A
name is looked up whole ('liam fox', 'james baker'): a surname alone never reaches this table, so one
Fox never lends his country to another. Users add their own actors with the same columns (`--actors`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.knowledge import lexicon as lx


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str | None
    start: str | None  # ISO date, None when open
    end: str | None

    def active(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Entry:
    canonical: str
    roles: tuple[Role, ...]
    source: str  # 'petrarch2' or the user's file


def _parse_roles(text: str) -> tuple[Role, ...]:
    roles = []
    for part in text.split(";"):
        cells = part.split()
        if len(cells) != 4:
            continue
        country, sector, start, end = (None if c == "-" else c for c in cells)
        roles.append(Role(country, sector, start, end))
    return tuple(roles)


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Entry]:
    return {alias: Entry(canonical, _parse_roles(roles), "petrarch2")
            for alias, canonical, roles in lx.read_tsv("kb_actors.tsv")}


_USER: dict[str, Entry] = {}


def load_user_actors(path: Path) -> int:
    """A user's own actors (TSV: name, country, sector[, start, end]); they win over the shipped table."""
    count = 0
    for line in Path(path).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 3:
            continue
        start, end = (cells[3] or None) if len(cells) > 3 else None, (cells[4] or None) if len(cells) > 4 else None
        key = lx.fold(cells[0])
        role = Role(cells[1] or None, cells[2] or None, start, end)
        old = _USER.get(key)
        _USER[key] = Entry(cells[0], (old.roles if old else ()) + (role,), str(path))
        count += 1
    return count


def entry(name: str) -> Entry | None:
    folded = lx.fold(name)
    for key in dict.fromkeys((folded, folded.replace(".", ""))):
        found = _USER.get(key) or _shipped().get(key)
        if found is not None:
            return found
    return None


def lookup(name: str, date: str | None = None) -> tuple[str | None, str | None] | None:
    """(country, sector) of a known actor at `date` (ISO, or None for an undated article).

    At a date: the roles held then, a specific one over the 'elite' default; a role that ended before the
    date leaves the country and ELI (a former office holder); one that starts later gives the country only.
    Undated: the role with the latest start (the best-known office), else the open default.
    """
    found = entry(name)
    if found is None or not found.roles:
        return None
    roles = found.roles
    if date:
        day = date[:10]
        active = [r for r in roles if r.active(day) and (r.start or r.end)]
        if active:
            best = next((r for r in active if r.sector not in (None, "ELI")), active[0])
            return best.country or _any_country(roles), best.sector
        plain = [r for r in roles if not r.start and not r.end]
        if plain:
            return plain[0].country or _any_country(roles), plain[0].sector
        past = [r for r in roles if r.end and r.end < day]
        if past:
            return past[0].country or _any_country(roles), "ELI"
        return _any_country(roles), None
    dated = sorted((r for r in roles if r.start), key=lambda r: r.start or "", reverse=True)
    best = dated[0] if dated else roles[0]
    return best.country or _any_country(roles), best.sector


def _any_country(roles: tuple[Role, ...]) -> str | None:
    countries = {r.country for r in roles if r.country}
    return countries.pop() if len(countries) == 1 else None
