"""Span lookup: the merged actor of a document that a character span names, and the identity (country,
sector) a span is coded with: the one rule the event coder, the evaluations and the API share."""

from __future__ import annotations

import re
from typing import Callable

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.actors.home import home_country
from eventwire.knowledge.actors.resolve import leader_surname_in
from eventwire.records import Actor, Document


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


def identity_at(document: Document, start: int, end: int, text: str,
                resolve: Callable[[str], tuple[str | None, str | None]] | None = None,
                doc=None, infer: bool = True) -> tuple[str | None, str | None]:
    """(country, sector) for the phrase document.text[start:end] (`text`).

    The document's actor when its country is stated and the phrase is that actor's own mention; else the
    phrase's own words, with the actor's sector (or country) filling what the words leave open. Then what
    is still open, by PLOVER's conventions: a modifier takes its head noun's role ('Iranian' in 'Iranian
    troops' is MIL; needs the parse, `doc`), a state's institution named without a country belongs to
    the document's main country ('the government', 'police'), a country named alone is its government,
    and an international body or NGO is its own sector.

    With `infer` (the default), also what the phrase does not say: a pronoun is its antecedent's actor, and
    a person or a state's institution named without a country belongs to the document's main country.
    The event coder passes infer=False: it has the sentence's places and the other party to go by first.
    """
    pronoun = _PRONOUNS.get(text.strip().lower()) if infer else None
    if pronoun is not None:
        antecedent = _antecedent(document, start, pronoun)
        return (antecedent.country, antecedent.sector) if antecedent is not None else (None, None)
    if infer and _STATE_WORDS.fullmatch(text.strip()):
        return _nearby_country(document, start) or document_country(document), "GOV"  # 'the country', 'his nation'
    country, sector = _stated(document, start, end, text, resolve)
    if sector is None and doc is not None:
        sector = _head_sector(doc, start, end)
    if infer and country is None and (sector and sector not in NON_STATE_SECTORS or _is_named(document, start, end)):
        country = _nearby_country(document, start) or document_country(document)
    if sector is None:
        sector = _default_sector(country, text)
    return country, sector


#: Personal pronouns -> the kinds of actor they can stand for.
_PRONOUNS = {**dict.fromkeys(("he", "him", "his", "she", "her"), ("PERSON",)),
             **dict.fromkeys(("it", "its"), ("ORG", "COUNTRY"))}
#: Sectors of bodies that belong to no state; an unnamed one never takes the document's country.
NON_STATE_SECTORS = frozenset({"IGO", "NGO"})


def _antecedent(document: Document, start: int, kinds: tuple[str, ...]) -> Actor | None:
    """'He said ...': the actor of the nearest earlier mention of that kind, within about two sentences,
    passing over names we know nothing about (often a place the parser took for a person)."""
    best, best_end = None, -1
    for actor in document.actors:
        if actor.kind not in kinds or not (actor.country or actor.sector):
            continue
        for m in actor.mentions:
            if best_end < m.end <= start and start - m.end <= 400:
                best, best_end = actor, m.end
    return best


#: How far back (characters, about two sentences) a country named before a phrase still frames it.
NEARBY = 300


def _nearby_country(document: Document, start: int) -> str | None:
    """'Japan's trade surplus grew ... the government said': the state named just before the phrase frames
    it more surely than the article's most named one (a Reuters story on Japan names the U.S. often)."""
    from eventwire.codes import NON_STATE

    best, best_end = None, -1
    for actor in document.actors:
        if not actor.country or actor.country_inferred or actor.country in NON_STATE:
            continue
        for m in actor.mentions:
            if best_end < m.end <= start and start - m.end <= NEARBY:
                best, best_end = actor.country, m.end
    return best


_STATE_WORDS = re.compile(r"(?i)(?:the|his|her|its|their|our) (?:country|nation)")


def _is_named(document: Document, start: int, end: int) -> bool:
    """A person or organisation the tables do not know ('Bongard', 'IG Metall'): most likely of the
    article's country, as annotators and PLOVER's coders read it."""
    actor = actor_at(document, start, end)
    return actor is not None and actor.kind in ("PERSON", "ORG")


def document_country(document: Document) -> str | None:
    """The article's main country from its actors, else from the places it names."""
    home = home_country(document.actors)
    if home is not None:
        return home
    counts: dict[str, int] = {}
    for place in document.locations:
        if place.country:
            counts[place.country] = counts.get(place.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _stated(document, start, end, text, resolve) -> tuple[str | None, str | None]:
    if resolve is None:
        from eventwire.knowledge.actors.resolve import resolve_phrase as resolve
    actor = actor_at(document, start, end)
    stated = actor is not None and actor.country and not actor.country_inferred
    if stated and (not _encloses(actor, start, end, text) or leader_surname_in(text)):
        return actor.country, actor.sector  # 'Dr Fox's view': the article's Fox, not the leader of that surname
    own = resolve(text)
    if stated and not own[0]:
        return actor.country, actor.sector
    if actor is not None and actor.country and not own[1]:
        return own[0], actor.sector  # a document-level guess yields to the sentence's evidence
    return own


def _head_sector(doc, start: int, end: int) -> str | None:
    """'Senior Hungarian and Romanian officials': a name that modifies a role noun takes the noun's sector."""
    from eventwire.knowledge.actors.resolve import rightmost_sector

    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    head = tok
    while head.dep_ in ("amod", "compound", "nmod", "poss") and head.head.i > head.i:  # a head is in its sentence
        head = head.head
    if head is tok or head.pos_ not in ("NOUN", "PROPN"):
        return None
    from eventwire.nlp.spacy_nlp import doc_text

    return rightmost_sector(doc_text(doc)[span.end_char:head.idx + len(head.text)])


def _default_sector(country: str | None, text: str) -> str | None:
    if country in ("IGO", "NGO"):
        return country
    if country == "MNC":
        return "BUS"
    name = lx.plain(re.sub(r"^(?:the|The)\s+", "", text.strip()))
    if country and (name in lx.country_names() or name in lx.capitals()):
        return "GOV"  # "Iran said", "Washington rejected": a state named alone speaks for its government
    return None


def _encloses(actor: Actor, start: int, end: int, text: str) -> bool:
    """Whether the actor is only known by a longer phrase around this one: 'Romanian' inside 'Senior
    Hungarian and Romanian officials' is Romania, not the phrase's first country."""
    return not any(m.start <= start and end <= m.end and (m.end - m.start) <= len(text) + 1
                   for m in actor.mentions)
