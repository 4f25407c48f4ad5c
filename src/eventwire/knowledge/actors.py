"""Actors: who a noun phrase names, as a PLOVER country and sector, and the document's merged actors.

`resolve_phrase` is context-free (the event coder calls it on argument phrases); `extract_actors`
reads a parsed document, grows each PERSON/ORG/NORP/GPE mention to its title and modifiers
("Mexican President Felipe Calderon"), resolves it, and merges mentions of one actor
(Calderón / Calderon / Mr. Calderón / Mexico's Calderon). `actor_at` maps a character span back
to the merged actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.records import Actor, Document, Span

# Non-state codes that PLOVER puts in the country field (manual, table "International Non-state actor names").
NON_STATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


@dataclass
class _Match:
    start: int
    end: int
    value: object


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    terms = lx.sector_terms()
    plural = r"(?:s|es)?"
    body = "|".join(re.escape(t) + plural for t in sorted(terms, key=len, reverse=True))
    return {
        "org": lx.alternation(lx.organisations()),
        "country": lx.alternation(lx.country_names()),
        "capital": lx.alternation(lx.capitals()),
        "leader": lx.alternation({n for n, _, _ in lx.leaders().values()}
                                 | {k.title() for k in lx.leaders() if " " not in k}),
        "sector": re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"),
    }


def _find(kind: str, text: str) -> list[_Match]:
    return [_Match(m.start(), m.end(), m.group(0)) for m in _patterns()[kind].finditer(text)]


def _sector_of(term: str) -> str | None:
    terms = lx.sector_terms()
    for key in (term, re.sub(r"es$", "", term), re.sub(r"s$", "", term)):
        if key in terms:
            return terms[key]
    return None


def _rightmost_sector(text: str, after: int = 0) -> str | None:
    """The role word nearest the head noun decides: 'Algerian government forces' -> MIL."""
    hits = [m for m in _find("sector", text.lower()) if m.start >= after]
    return _sector_of(hits[-1].value) if hits else None  # type: ignore[arg-type]


def resolve_phrase(text: str) -> tuple[str | None, str | None]:
    """(ISO3 country or PLOVER non-state code, sector code) for a noun phrase, from its words alone.

    Evidence, strongest first: a named organisation (country and default sector), an explicit
    country name, demonym or capital in the phrase (beats an organisation's home country:
    'Mexican Senate'), a well-known leader's name, then the role word closest to the head.
    """
    phrase = lx.plain(text)
    country, sector, role_from = None, None, 0
    orgs = _find("org", phrase)
    if orgs:
        org = max(orgs, key=lambda m: m.end - m.start)
        _, country, sector = lx.organisations()[org.value]  # type: ignore[index]
        role_from = org.end
    named = [m for m in _find("country", phrase) if not any(o.start <= m.start < o.end for o in orgs)]
    capitals = [m for m in _find("capital", phrase) if not any(o.start <= m.start < o.end for o in orgs)]
    if named and (country is None or country not in NON_STATE):
        country = lx.country_names()[named[0].value]  # type: ignore[index]
    elif capitals and country is None:
        country = lx.capitals()[capitals[0].value]  # type: ignore[index]
        if capitals[0].value == phrase:
            return country, "GOV"  # "Washington said": the seat of government speaks for it
    leaders = _find("leader", phrase)
    if leaders:
        _, l_country, l_sector = lx.leaders()[lx.fold(leaders[-1].value)]  # type: ignore[arg-type]
        country = country or l_country
        sector = sector or l_sector
    role = _rightmost_sector(phrase, role_from)
    if role:
        sector = role
    return country, sector


def actor_at(document: Document, start: int, end: int) -> Actor | None:
    """The document's actor whose mention covers (or lies inside) the span start..end; the tightest wins."""
    best, best_size = None, None
    for actor in document.actors:
        for m in actor.mentions:
            if m.start < end and start < m.end and (m.start <= start and end <= m.end or start <= m.start and m.end <= end):
                size = abs((m.end - m.start) - (end - start))
                if best_size is None or size < best_size:
                    best, best_size = actor, size
    return best
