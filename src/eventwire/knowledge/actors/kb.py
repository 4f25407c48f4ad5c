"""The offline knowledge base of political actors (data/kb_actors.tsv, built from PETRARCH2 by build_kb.py):
who a full name is, as a country and sector, *at the article's date*.

Tony Blair is GBR GOV from 1997-05-02 to 2007-06-27 and GBR ELI after; an article of 2010 gets ELI. A
name is looked up whole ('liam fox', 'james baker'): a surname alone never reaches this table, so one
Fox never lends his country to another. Users add their own actors (`eventwire run --actors FILE`: name, country, sector[, start, end]).
"""

from __future__ import annotations

import os
import re
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


#: The environment variable naming the user's actors files (`eventwire run --actors FILE`; several joined
#: by os.pathsep). A variable, so that local Dask workers started by the run read the same files.
ACTORS_ENV = "EVENTWIRE_ACTORS"


def read_user_actors(path: Path) -> dict[str, Entry]:
    """A user's own actors: TSV rows of name, country, sector[, start, end] (ISO dates; '#' lines are
    comments). They win over the shipped table. `BadActorsFile` names the first bad row."""
    from eventwire.errors import BadActorsFile

    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadActorsFile(f"cannot read the actors file {path}: {exc}") from None
    out: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        dates = cells[3:5] + [""] * (5 - len(cells))
        if len(cells) < 3 or len(cells) > 5 or not cells[0] or \
                not all(d == "" or _ISO.fullmatch(d) for d in dates[:2]):
            raise BadActorsFile(f"{path}, line {number}: expected name<TAB>country<TAB>sector[<TAB>start<TAB>end] "
                                f"with dates as YYYY-MM-DD, got {line[:80]!r}")
        key = lx.fold(cells[0])
        role = Role(cells[1].upper() or None, cells[2].upper() or None, dates[0] or None, dates[1] or None)
        old = out.get(key)
        out[key] = Entry(cells[0], (old.roles if old else ()) + (role,), str(path))
    return out


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=4)
def _user(paths: str) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for path in filter(None, paths.split(os.pathsep)):
        out.update(read_user_actors(Path(path)))
    return out


def user_entries() -> dict[str, Entry]:
    return _user(os.environ.get(ACTORS_ENV, ""))


def entry(name: str) -> Entry | None:
    folded = lx.fold(name)
    for key in dict.fromkeys((folded, folded.replace(".", ""))):
        found = user_entries().get(key) or _shipped().get(key)
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
