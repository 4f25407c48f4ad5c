"""The actors of one parsed document: its mentions (spans.py) resolved, and merged with the other mentions
of the same actor (Calderón / Calderon / Mr. Calderón / Mexico's Calderon).
"""

from __future__ import annotations

import re

from eventwire.codes import DOMESTIC_SECTORS
from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.actors import kb
from eventwire.knowledge.actors.home import home_country
from eventwire.knowledge.actors.resolve import leader_surname_in, resolve_phrase
from eventwire.knowledge.actors.spans import TITLES, Mention, group_mentions, is_subject, name_mentions
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Actor, Span

_WORDS = lx.word_classes("actor_words.tsv")

def _person_key(name: str) -> list[str]:
    return [t for t in lx.fold(name).replace(".", "").split() if t not in TITLES]


def _vote(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    return max(known, key=known.count) if known else None


def extract_actors(doc, date: str | None = None) -> list[Actor]:
    """Merged actors of a parsed document, in order of first mention; `date` (the article's) picks the
    knowledge base's role for a named person ('Tony Blair' in 2004 is GBR GOV)."""
    mentions = name_mentions(doc)
    mentions += group_mentions(doc, [(m.start, m.end) for m in mentions if m.label != "NORP"])
    mentions.sort(key=lambda m: m.start)
    groups: dict[tuple, list[Mention]] = {}
    full_names: dict[str, tuple] = {}
    first_names: dict[str, tuple] = {}
    for m in mentions:
        if m.label == "PERSON" and len(_person_key(m.name)) >= 2:
            key = _person_key(m.name)
            full_names.setdefault(key[-1], ("PERSON", " ".join(key)))
            first_names.setdefault(key[0], ("PERSON", " ".join(key)))
    for m in mentions:  # "Sir Digby" is Sir Digby Jones: knights and dames go by their first name
        words = _person_key(m.name)
        if m.label == "PERSON" and len(words) == 1 and words[0] in first_names and words[0] not in full_names \
                and re.search(r"\b(?:Sir|Dame)\s+$", doc_text(doc)[max(0, m.start - 6):m.start]):
            full_names[words[0]] = first_names[words[0]]
    for m in mentions:
        key = _group_key(m, full_names, doc)
        if key is None:
            continue
        if key[0] == "GROUP":
            key = _merge_group(key, groups)
        groups.setdefault(key, []).append(m)
    actors = [_actor(key, ms) for key, ms in groups.items()]
    _surname_in_context(actors, groups, doc)
    _disambiguate(actors)
    _fill_known(actors, date)
    _fill_home_country(actors)
    return actors


def _surname_in_context(actors: list[Actor], groups: dict, doc) -> None:
    """'Mr Fox said' in an article that never gives his first name: the leader of that surname only if the
    article names his country somewhere; else the phrase is read without the leader table. A country is
    never taken on a shared surname alone."""
    named = None
    for actor, ms in zip(actors, groups.values()):
        if actor.kind not in ("PERSON", "ORG") or any(len(_person_key(m.name)) >= 2 for m in ms) \
                or not any(leader_surname_in(m.phrase) for m in ms):
            continue
        if named is None:
            named = _named_countries(doc)
        others = {a.country for a in actors if a is not actor and a.country and not a.country_inferred}
        if actor.country in named | others:
            continue
        for m in ms:
            if leader_surname_in(m.phrase):
                m.country, m.sector = resolve_phrase(m.phrase, leaders=False)
        actor.country = _vote([m.country for m in ms])
        actor.sector = _vote([m.sector for m in ms])
        actor.evidence = "text" if actor.country else None
        actor.name = " ".join(w for w in ms[0].name.split() if w.lower().rstrip(".") not in TITLES) or actor.name
        actor.id = identity_id(actor.kind, actor.name, actor.country)


def _named_countries(doc) -> set[str]:
    """Countries the article names: places, nationality words, capitals."""
    out = set()
    countries, capitals = lx.country_names(), lx.capitals()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            key = lx.plain(ent.text)
            code = countries.get(key) or capitals.get(key)
            if code:
                out.add(code)
    return out


def _disambiguate(actors: list[Actor]) -> None:
    """'the BNP' in a story about Britain is the British National Party; in one about Dhaka, Bangladesh's
    party: an ambiguous acronym takes the reading of the article's main country (the other actors'), or of
    a country the article names; with neither, no country at all rather than a guess."""
    for actor in actors:
        if actor.kind != "ORG":
            continue
        readings = next((lx.organisation_readings()[lx.plain(m.text)] for m in actor.mentions
                         if lx.plain(m.text) in lx.organisation_readings()), None)
        if not readings or len({r[1] for r in readings}) < 2:
            continue
        others = [a for a in actors if a is not actor]
        named = {a.country for a in others if a.country}
        home = home_country(others)
        reading = next((r for r in readings if r[1] == home), None) or \
            next((r for r in readings if r[1] in named), None)
        if reading is None:
            actor.name = next(m.text for m in actor.mentions if lx.plain(m.text) in lx.organisation_readings())
            actor.id, actor.country, actor.evidence = identity_id("ORG", actor.name, None), None, None
            sectors = {r[2] for r in readings}
            actor.sector = sectors.pop() if len(sectors) == 1 else None
            continue
        actor.name, actor.country, actor.sector = reading
        actor.id = identity_id("ORG", actor.name, actor.country)
        acronyms = {m.text for m in actor.mentions}
        for other in others:  # 'BNP activists', 'BNP voters': the party's people share its country
            if other.country is None and other.kind == "GROUP" and \
                    any(re.search(rf"\b{re.escape(a)}\b", m.text) for a in acronyms for m in other.mentions):
                other.country, other.evidence = reading[1], "text"


def _fill_known(actors: list[Actor], date: str | None) -> None:
    """What the article leaves open about a named person or organisation, from the knowledge base at the
    article's date. A person is looked up by the full name the article gives, never by a surname alone."""
    for a in actors:
        if a.kind not in ("PERSON", "ORG") or (a.country and a.sector):
            continue
        if a.kind == "PERSON" and len(a.name.split()) < 2:
            continue
        if a.kind == "ORG" and len(a.name.split()) < 2 and not (a.name.isupper() or a.name[:1].isupper()):
            continue
        known = kb.lookup(a.name, date)
        if known is None:
            continue
        if a.country is None and known[0]:
            a.country, a.evidence = known[0], "knowledge base"
        a.sector = a.sector or known[1]


def _fill_home_country(actors: list[Actor]) -> None:
    """'President Francois Mitterand' in a story naming France and no other country: French."""
    home = home_country(actors)
    if home is None:
        return
    for a in actors:
        if a.country is None and a.kind in ("PERSON", "GROUP", "ORG") and a.sector in DOMESTIC_SECTORS:
            a.country = home
            a.country_inferred = True
            a.evidence = "document country"


def _group_key(m: Mention, full_names: dict[str, tuple], doc) -> tuple | None:
    words = _person_key(m.name)
    if m.label in ("PERSON", "ORG") and words and words[-1] in full_names and len(words) <= 2 \
            and lx.plain(m.name) not in lx.organisations():
        m.label = "PERSON"
        return full_names[words[-1]]  # surname-only, ORG-mislabelled or possessive forms of a named person
    if m.label == "PERSON":
        return ("PERSON", " ".join(words))
    if m.label == "ORG":
        org = lx.organisations().get(lx.plain(m.name))
        return ("ORG", org[0] if org else " ".join(lx.fold(m.name).split()))
    if m.label == "COUNTRY":
        return ("COUNTRY", m.country)
    if m.label == "CAPITAL":
        return ("COUNTRY", m.country, "GOV") if is_subject(doc, m.start) else None
    if m.label == "NORP":
        tok = doc.char_span(m.start, m.end, alignment_mode="expand")
        if tok is None or tok.root.dep_ in ("amod", "compound") or tok.root.tag_ != "NNPS" and not m.name.endswith("s"):
            return None  # a modifier ("Mexican police"); it already coloured its phrase
        m.label = "GROUP"
        return ("GROUP", m.sector, lx.fold(m.name), m.country)
    if m.label == "GROUP":
        tok = doc.char_span(m.start, m.end, alignment_mode="expand")
        return ("GROUP", m.sector, tok.root.lemma_.lower() if tok else lx.fold(m.name), m.country)
    return None


def _merge_group(key: tuple, groups: dict) -> tuple:
    """'drug cartels' and 'Mexican drug cartels' are one group; U.S. and Moroccan diplomats are two."""
    _, sector, head, country = key
    for other in groups:
        if other[0] == "GROUP" and other[1] == sector and other[2] == head and (country is None or other[3] in (None, country)):
            return other
    return key


def _actor(key: tuple, ms: list[Mention]) -> Actor:
    kind = ms[0].label if ms[0].label in ("PERSON", "ORG", "GROUP", "COUNTRY") else "ORG"
    if kind == "PERSON":
        _not_the_leader(ms)
    titled = [m for m in ms if len(m.phrase) > len(m.name)] or ms
    country = _vote([m.country for m in titled]) or _vote([m.country for m in ms])
    sector = _vote([m.sector for m in titled]) or _vote([m.sector for m in ms])
    name = _canonical(kind, key, ms)
    if kind == "COUNTRY":
        sector = key[2] if len(key) > 2 else None
    spans = [Span(m.start, m.end, m.name) for m in ms]
    return Actor(name=name, country=country, sector=sector, kind=kind, mentions=spans,
                 start=spans[0].start, end=spans[0].end, id=identity_id(kind, name, country),
                 evidence="text" if country else None)


def identity_id(kind: str | None, name: str, country: str | None) -> str | None:
    """The id one actor has in every article: a person or organisation by its folded canonical name, a
    country by its code ('UK', 'Britain' and 'British' are one); unnamed groups ('police') have none."""
    if kind == "COUNTRY" and country:
        return f"country:{country}"
    if kind in ("PERSON", "ORG"):
        return f"{kind.lower()}:{lx.fold(name)}"
    return None


def _not_the_leader(ms: list[Mention]) -> None:
    """'Liam Fox ... Mr Fox said': when the article gives a full name that is not the leader's, its
    surname-only mentions are resolved without the leader table (no Fox but Vicente is Mexican)."""
    full = [m for m in ms if len(_person_key(m.name)) >= 2]
    if not full or any(lx.fold(" ".join(_person_key(m.name))) in lx.leaders() for m in full):
        return
    for m in ms:
        if leader_surname_in(m.phrase):
            m.country, m.sector = resolve_phrase(m.phrase, leaders=False)


def _canonical(kind: str, key: tuple, ms: list[Mention]) -> str:
    if kind == "PERSON":
        longest = max(ms, key=lambda m: (len(_person_key(m.name)), -m.start)).name
        words = longest.split()
        while words and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
        known = lx.leaders().get(lx.fold(" ".join(words)))
        return known[0] if known and len(words) == 1 else " ".join(words)
    if kind == "COUNTRY":
        return _country_name(key[1]) or ms[0].name
    if kind == "ORG":
        org = lx.organisations().get(lx.plain(ms[0].name))
        return org[0] if org else re.sub(r"^(?:the|The)\s+", "", ms[0].name)
    return ms[0].name


def _country_name(iso3: str | None) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return getattr(c, "common_name", None) or getattr(c, "name", None) if c else None
