"""Context-free resolution: who a noun phrase names, as a PLOVER country and sector (`resolve_phrase`), from
the lexicons alone; the event coder and the story update call it on argument phrases and headlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.codes import NON_STATE
from eventwire.knowledge import lexicon as lx


@dataclass
class _Match:
    start: int
    end: int
    value: object


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    body = lx.trie_body({form for t in lx.sector_terms() for form in _plurals(t)})
    return {
        "org": lx.alternation(lx.organisations()),
        "country": lx.alternation(lx.country_names()),
        "capital": lx.alternation(lx.capitals()),
        "leader": lx.alternation({n for n, _, _ in lx.leaders().values()}
                                 | {k.title() for k in lx.leaders() if " " not in k}),
        "sector": re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"),
        "nonstate": re.compile(rf"(?<![\w-])(?:{_terms_body(_nonstate_terms())})(?![\w-])"),
    }


@lru_cache(maxsize=1)
def _nonstate_terms() -> dict[str, str]:
    """Generic names of NGOs, IGOs and multinationals -> their PLOVER non-state code (data/nonstate_terms.tsv)."""
    return {lx.fold(term): code for term, code in lx.read_tsv("nonstate_terms.tsv")}


def _terms_body(terms) -> str:
    """Terms with their plurals: 'group(s)', 'agency' / 'agencies'."""
    return lx.trie_body({form for t in terms
                         for form in ((t, t[:-1] + "ies") if t.endswith("y") else (t, t + "s", t + "es"))})


def find_terms(kind: str, text: str) -> list[_Match]:
    return [_Match(m.start(), m.end(), m.group(0)) for m in _patterns()[kind].finditer(text)]


def _plurals(term: str) -> tuple[str, ...]:
    """A role word and its plurals: 'official(s)', 'boss(es)', 'company' / 'companies'."""
    if term.endswith("y") and term[-2:-1] not in ("a", "e", "o", "u"):
        return term, term[:-1] + "ies"
    return term, term + "s", term + "es"


def sector_of(term: str) -> str | None:
    terms = lx.sector_terms()
    for key in (term, re.sub(r"ies$", "y", term), re.sub(r"es$", "", term), re.sub(r"s$", "", term)):
        if key in terms:
            return terms[key]
    return None


def rightmost_sector(text: str, after: int = 0) -> str | None:
    """The role word nearest the head noun decides: 'Algerian government forces' -> MIL."""
    hits = [m for m in find_terms("sector", text.lower()) if m.start >= after]
    return sector_of(hits[-1].value) if hits else None  # type: ignore[arg-type]


def leader_surname_in(text: str) -> bool:
    """Whether the phrase names a leader by surname alone ('Mr Fox'): true of every Fox."""
    return any(" " not in str(m.value) and not _other_bearer(text, m) for m in find_terms("leader", lx.plain(text)))


def resolve_phrase(text: str, leaders: bool = True) -> tuple[str | None, str | None]:
    """(ISO3 country or PLOVER non-state code, sector code) for a noun phrase, from its words alone.

    Evidence, strongest first: a named organisation (country and default sector), an explicit
    country name, demonym or capital in the phrase (beats an organisation's home country:
    'Mexican Senate'), a well-known leader's name, then the role word closest to the head.
    """
    phrase = lx.plain(text)
    bare = re.sub(r"\([^)]*\)?", " ", phrase)  # "Hizbollah (Party of God)": a gloss names no role
    country, sector, role_from = None, None, 0
    orgs = find_terms("org", phrase)
    if orgs:
        org = max(orgs, key=lambda m: m.end - m.start)
        _, country, sector = lx.organisations()[org.value]  # type: ignore[index]
        readings = lx.organisation_readings().get(str(org.value))
        if readings and len({r[1] for r in readings}) > 1:
            country = None  # 'BNP' alone: Bangladesh's or Britain's; the document's context decides (mentions)
        role_from = org.end
    named = [m for m in find_terms("country", phrase) if not any(o.start <= m.start < o.end for o in orgs)
             and not re.search(r"(?:pro|anti)-$", phrase[:m.start], re.I)  # "pro-Iranian" is a stance, not a nationality
             and not _region(phrase, m)]
    if len(named) > 1 or (named and orgs):
        kept = [m for m in named if not _backer(phrase, m)]
        named = kept if kept or orgs else named
    capitals = [m for m in find_terms("capital", phrase) if not any(o.start <= m.start < o.end for o in orgs)]
    located = [m for m in named if re.search(r"\bin (?:\w+ )?$", phrase[:m.start])]
    if located and not orgs:
        country = lx.country_names()[located[-1].value]  # "Ethnic Albanians in south Serbia": where they live
    elif named and (country is None or country not in NON_STATE or named[-1].end == len(phrase)):
        head = named[-1] if named[-1].end == len(phrase) else named[0]  # "NATO-member Norway" is Norway
        country = lx.country_names()[head.value]  # type: ignore[index]
    elif capitals and country is None:
        country = lx.capitals()[capitals[0].value]  # type: ignore[index]
        if capitals[0].value == phrase:
            return current_code(country), "GOV"  # "Washington said": the seat of government speaks for it
    named_leaders = [m for m in find_terms("leader", phrase) if not _other_bearer(phrase, m)] if leaders else []
    if named_leaders:
        _, l_country, l_sector = lx.leaders()[lx.fold(named_leaders[-1].value)]  # type: ignore[arg-type]
        country = country or l_country
        sector = sector or l_sector
    text = bare[:len(phrase)] if role_from else bare
    head = re.split(r"\s+of\s+", text, maxsplit=1)[0]
    if len(head) < len(text) and rightmost_sector(head, role_from):
        text = head  # 'forces of President Habre' are forces; 'Minister of Defence' stays a minister
    role = rightmost_sector(text, role_from)
    if role and not (sector in ("PTY", "OPP") and _party_role(text, role_from)):
        sector = role  # ... but 'UKIP leader', 'Labour general secretary' speak for their party
    return current_code(country) or _nonstate_code(bare), sector


def _party_role(text: str, after: int) -> bool:
    """Whether the role word nearest the head is one a party has too (leader, spokesman, chairman)."""
    hits = [m for m in find_terms("sector", text.lower()) if m.start >= after]
    return bool(hits) and _plain_singular(str(hits[-1].value)) in _actor_words()["party_role"]


def _plain_singular(term: str) -> str:
    return re.sub(r"(?<=[^s])s$", "", re.sub(r"ies$", "y", term))


def _other_bearer(phrase: str, match: _Match) -> bool:
    """'Liam Fox', 'Chris Fox': a leader's surname after another first name is someone else with that name.
    A title before it ('President Fox', 'Mr Fox') or nothing at all leaves it the leader's."""
    if " " in str(match.value):
        return False
    before = re.search(r"([A-Z][\w.'-]*)\s+$", phrase[:match.start])
    if before is None:
        return False
    word = before.group(1).lower().rstrip(".")
    return word not in _titles() and sector_of(word) is None  # 'President Fox', 'Mr Fox' stay his


@lru_cache(maxsize=1)
def _actor_words() -> dict[str, frozenset[str]]:
    """actor_words.tsv by class, read once (resolve_phrase runs for every argument phrase)."""
    return lx.word_classes("actor_words.tsv")


def _titles() -> frozenset[str]:
    return _actor_words()["title"]


def _region(phrase: str, match: _Match) -> bool:
    """'Latin American debtor nations', 'Central American presidents', 'Pan-American': a region, not the United
    States ('Pan American World Airways' is a US company)."""
    return str(match.value).lower().startswith("american") and \
        re.search(r"(?:(?:latin|south|central|north|meso)[ -]|pan-)$", phrase[:match.start], re.I) is not None


def _backer(phrase: str, match: _Match) -> bool:
    """'U.S.-backed Afghan government', 'Kenyan-born British journalist', 'Iranian-backed Hezbollah': a
    country joined by a hyphen to a participle describes who backs, trained or bore the actor, not its
    nationality, when the phrase names another country or organisation."""
    return re.match(r"-[a-z]+(?:ed|n|t)\b", phrase[match.end:]) is not None


@lru_cache(maxsize=1)
def _retired_codes() -> dict[str, str]:
    return dict(lx.read_tsv("retired_codes.tsv"))


def current_code(country: str | None) -> str | None:
    """'SCG' (Serbia and Montenegro, retired 2006) -> 'SRB': the code PLOVER uses today."""
    return _retired_codes().get(country, country) if country else country


def _nonstate_code(text: str) -> str | None:
    """'a human rights group', 'aid agencies': an unnamed NGO (or IGO, multinational) is coded by kind."""
    hits = [m.group(0) for m in _patterns()["nonstate"].finditer(text.lower())]
    if not hits:
        return None
    terms = _nonstate_terms()
    term = hits[-1]
    for key in (term, re.sub(r"ies$", "y", term), re.sub(r"es$", "", term), re.sub(r"s$", "", term)):
        if key in terms:
            return terms[key]
    return None
