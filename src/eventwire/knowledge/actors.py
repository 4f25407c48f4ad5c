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

from eventwire.codes import DOMESTIC_SECTORS, NON_STATE
from eventwire.knowledge import lexicon as lx
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Actor, Document, Span



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
        "nonstate": re.compile(rf"(?<![\w-])(?:{_terms_body(_nonstate_terms())})(?![\w-])"),
    }


@lru_cache(maxsize=1)
def _nonstate_terms() -> dict[str, str]:
    """Generic names of NGOs, IGOs and multinationals -> their PLOVER non-state code (data/nonstate_terms.tsv)."""
    return {lx.fold(term): code for term, code in lx.read_tsv("nonstate_terms.tsv")}


def _terms_body(terms) -> str:
    """Terms with their plurals: 'group(s)', 'agency' / 'agencies'."""
    return "|".join(re.escape(t[:-1]) + "(?:y|ies)" if t.endswith("y") else re.escape(t) + "(?:s|es)?"
                    for t in sorted(terms, key=len, reverse=True))


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
    bare = re.sub(r"\([^)]*\)?", " ", phrase)  # "Hizbollah (Party of God)": a gloss names no role
    country, sector, role_from = None, None, 0
    orgs = _find("org", phrase)
    if orgs:
        org = max(orgs, key=lambda m: m.end - m.start)
        _, country, sector = lx.organisations()[org.value]  # type: ignore[index]
        role_from = org.end
    named = [m for m in _find("country", phrase) if not any(o.start <= m.start < o.end for o in orgs)
             and not re.search(r"(?:pro|anti)-$", phrase[:m.start], re.I)  # "pro-Iranian" is a stance, not a nationality
             and not _region(phrase, m)]
    if len(named) > 1 or (named and orgs):
        kept = [m for m in named if not _backer(phrase, m)]
        named = kept if kept or orgs else named
    capitals = [m for m in _find("capital", phrase) if not any(o.start <= m.start < o.end for o in orgs)]
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
    leaders = _find("leader", phrase)
    if leaders:
        _, l_country, l_sector = lx.leaders()[lx.fold(leaders[-1].value)]  # type: ignore[arg-type]
        country = country or l_country
        sector = sector or l_sector
    role = _rightmost_sector(bare[:len(phrase)] if role_from else bare, role_from)
    if role:
        sector = role
    return current_code(country) or _nonstate_code(bare), sector


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


# --- actors of one parsed document -------------------------------------------------------------

_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
_MODIFIER_DEPS = {"compound", "nmod", "amod", "det", "poss", "case", "cc", "conj", "punct", "flat", "nummod"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "gen", "col", "sen", "rep", "gov", "prof"}
#: Letters after a name that are not part of it: "Guy Mansfield QC", "Margaret Moran MP".
_POST_NOMINALS = {"QC", "KC", "MP", "MSP", "AM", "MEP", "Jr", "Jr.", "Sr", "Sr.", "OBE", "MBE", "CBE", "KBE", "PhD"}
_BAD_CHARS = set("()/|")  # caption and credit debris: "Mexico.(Brendan Smialowski/Getty Images"


@dataclass
class _Mention:
    start: int  # char offsets of the name itself
    end: int
    name: str
    label: str  # PERSON, ORG, COUNTRY, GROUP
    phrase: str  # the name with its title and modifiers, for resolution
    country: str | None = None
    sector: str | None = None
    canonical: str | None = None


def _clean_tokens(ent) -> list:
    """The name inside a noisy entity span: no leading verbs ('Rejects Obama's'), no caption debris, no possessive."""
    toks = list(ent)
    if any(_BAD_CHARS & set(t.text) for t in toks) or any("\n" in t.text_with_ws for t in toks[:-1]):
        return []
    for i in range(len(toks) - 1, -1, -1):
        if toks[i].text in ("[", "]") or (toks[i].tag_ == "POS" and i < len(toks) - 1):
            toks = toks[i + 1:]  # "Vicente] Fox", "Mexico's Calderon": the name is what follows
            break
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s", "'", "’", ".", ",", "-")
                    or ent.label_ == "PERSON" and toks[-1].text in _POST_NOMINALS):
        toks = toks[:-1]
    while toks and (toks[0].pos_ in ("VERB", "AUX", "PUNCT") or toks[0].lower_ in ("the", "a", "an")
                    or toks[0].lower_.rstrip(".") in _TITLES):
        toks = toks[1:]
    if ent.label_ == "PERSON" and len(toks) > 1 and _headline_case(doc_text(ent.doc), ent.start_char):
        toks = toks[-1:]  # in a Title Case Headline every word looks like a name: "Rejects Obama's"
    if ent.label_ == "ORG" and toks:
        toks = _extend_org(ent.doc, toks)
    return toks


def _extend_org(doc, toks) -> list:
    """'the Washington Office' + 'on Latin America': the small model often cuts names at 'of'/'on'/'for'."""
    end = toks[-1].i + 1
    if end + 1 < len(doc) and doc[end].lower_ in ("of", "on", "for") and doc[end + 1].pos_ == "PROPN":
        k = end + 1
        while k < len(doc) and (doc[k].pos_ == "PROPN" or doc[k].lower_ == "and" and doc[k + 1:k + 2].text[:1].isupper()):
            k += 1
        return list(doc[toks[0].i:k])
    return toks


def _headline_case(text: str, pos: int) -> bool:
    """Whether the line around `pos` is Title Case (a headline), where capitals say nothing about names."""
    line = text[text.rfind("\n", 0, pos) + 1: (text.find("\n", pos) + 1 or len(text) + 1) - 1]
    words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) > 3]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _title_start(doc, first: int, root=None) -> int:
    """Left edge of the noun phrase that a name heads: 'U.S. Immigration and Customs Enforcement Agent' + name.

    A title the parser made the head ('President' <-appos- 'Felipe Calderon') counts as part of the phrase.
    """
    j, sent_start = first, doc[first].sent.start
    while j - 1 >= max(sent_start, first - 10):
        tok = doc[j - 1]
        if tok.is_space or "\n" in tok.text_with_ws:
            break
        titled = root is not None and root.dep_ in ("appos", "compound") and root.head.i == j - 1
        if not titled and (tok.dep_ not in _MODIFIER_DEPS or tok.pos_ in ("VERB", "ADP")):
            break
        if tok.text in (",", ";", ":", "“", "”", '"', "(", "–", "—"):
            break
        if tok.dep_ == "punct" and tok.text not in (".", "-", "'s", "’s", "'"):
            break
        j -= 1
    while j < first and doc[j].pos_ in ("DET", "CCONJ", "PUNCT"):
        j += 1
    return j


def _appositive(doc, toks) -> str | None:
    """'Adam Isacson, director of programs at the Center for International Policy in Washington': the role after the name."""
    root = toks[-1]
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.ent_type_ != "PERSON":
            span = doc[child.left_edge.i: child.right_edge.i + 1]
            return span.text if len(span) <= 20 else None
    return None


def _resolve_appositive(text: str) -> tuple[str | None, str | None]:
    """An organisation and its seat in an appositive beat a topic word ('director of Mexico issues at the Washington Office')."""
    _, sector = resolve_phrase(text.split(" at ")[0].split(" of ")[0])
    for marker in (" at ", " of "):
        if marker in text:
            country, org_sector = resolve_phrase(text.split(marker, 1)[1])
            if country:
                return country, sector or org_sector
    country, whole_sector = resolve_phrase(text)
    return country, sector or whole_sector


def _mentions(doc) -> list[_Mention]:
    out = _known_organisations(doc)
    org_spans = [(m.start, m.end) for m in out]
    countries = lx.country_names()
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS:
            continue
        toks = _clean_tokens(ent)
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        name = doc_text(doc)[start:end]
        key = lx.plain(name)
        label = ent.label_
        if any(start < o[1] and o[0] < end for o in org_spans):
            continue  # part of a known organisation's name, found below
        if key in lx.organisations():
            label = "ORG"
        elif key in countries and label in ("GPE", "NORP", "PERSON", "ORG", "LOC"):
            label = "NORP" if key in lx.demonyms_plain() else "COUNTRY"
        elif label == "ORG" and all(lx.plain(p) in countries for p in key.split("-")):
            continue  # "U.S.-Mexico" coordination: two countries, already counted
        elif key in lx.capitals() and label in ("GPE", "ORG", "PERSON"):
            label = "CAPITAL"
        elif label != "PERSON":
            member_of = _group_of_appositive(toks[-1])
            if member_of is not None:
                label = "MEMBER"  # "the two drug gangs – the Sinaloa and Gulf": named members of a group
                phrase = doc[member_of.left_edge.i: member_of.i + 1].text
                m = _Mention(start, end, name, "ORG", phrase)
                m.country, m.sector = resolve_phrase(phrase)
                out.append(m)
                continue
            if label in ("GPE", "LOC", "FAC"):
                continue  # plain places are the places extractor's
        title = _title_start(doc, toks[0].i, toks[-1])
        phrase = doc_text(doc)[doc[title].idx:end]
        m = _Mention(start, end, name, label, phrase)
        m.country, m.sector = resolve_phrase(phrase)
        if label == "PERSON":
            app = _appositive(doc, toks)
            if app:
                a_country, a_sector = _resolve_appositive(app)
                m.country = m.country or a_country
                m.sector = m.sector or a_sector
        out.append(m)
    return out


def _known_organisations(doc) -> list[_Mention]:
    """Organisations from our table, matched in the text itself (the parser splits 'U.S. Immigration and Customs Enforcement')."""
    out = []
    for m in _find("org", lx.plain_same_length(doc_text(doc))):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        first = span[0].i
        title = _title_start(doc, first)
        phrase = doc_text(doc)[doc[title].idx:m.end]
        mention = _Mention(m.start, m.end, doc_text(doc)[m.start:m.end], "ORG", phrase)
        mention.country, mention.sector = resolve_phrase(phrase)
        out.append(mention)
    return out


def _group_of_appositive(tok):
    """The group noun a name stands in apposition to (through conjunctions), if that noun is a role word."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.tag_ == "NNS" and _sector_of(tok.head.lower_):
        return tok.head
    return None


_GENERIC_GROUPS = {"people", "person", "national", "resident", "citizen", "official", "leader", "force"}


def _group_mentions(doc, taken: list[tuple[int, int]]) -> list[_Mention]:
    """Unnamed groups with a role word as head: 'violent drug cartels', 'Mexican police', 'Senior Hungarian officials'."""
    out = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN" or not _sector_of(root.lower_):
            continue
        toks = [t for t in chunk if t.i <= root.i]
        for i in range(len(toks) - 1, -1, -1):
            if "\n" in toks[i].text_with_ws or toks[i].tag_ == "POS":
                toks = toks[i + 1:]
                break
        while toks and (toks[0].pos_ in ("DET", "NUM", "PRON", "PUNCT") or toks[0].dep_ in ("nummod", "poss") or toks[0].like_num):
            toks = toks[1:]
        if not toks or any(t.ent_type_ == "PERSON" for t in toks):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(s <= start and end <= e for s, e in taken):
            continue
        if len(toks) == 1 and (root.lemma_.lower() in _GENERIC_GROUPS or root.tag_ != "NNS"):
            continue
        name = doc_text(doc)[start:end]
        m = _Mention(start, end, name, "GROUP", name)
        m.country, m.sector = resolve_phrase(name)
        if m.country is None and root.dep_ == "conj":  # "the US Army and Marines": the Marines are American too
            head = root.head
            m.country = resolve_phrase(doc[head.left_edge.i: head.i + 1].text)[0]
        out.append(m)
    return out


def _is_subject(doc, start: int) -> bool:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    return bool(tok) and tok.root.dep_ in ("nsubj", "nsubjpass")


def _person_key(name: str) -> list[str]:
    return [t for t in lx.fold(name).replace(".", "").split() if t not in _TITLES]


def _vote(values: list[str | None]) -> str | None:
    known = [v for v in values if v]
    return max(known, key=known.count) if known else None


def extract_actors(doc) -> list[Actor]:
    """Merged actors of a parsed document, in order of first mention."""
    mentions = _mentions(doc)
    mentions += _group_mentions(doc, [(m.start, m.end) for m in mentions if m.label != "NORP"])
    mentions.sort(key=lambda m: m.start)
    groups: dict[tuple, list[_Mention]] = {}
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
    _fill_home_country(actors)
    return actors


def _fill_home_country(actors: list[Actor]) -> None:
    """'President Francois Mitterand' in a story naming France and no other country: French."""
    counts: dict[str, int] = {}
    for a in actors:
        if a.kind in ("COUNTRY", "GROUP", "PERSON", "ORG") and a.country and a.country not in NON_STATE:
            counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
    if not counts:
        return
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return
    home = ranked[0][0]
    for a in actors:
        if a.country is None and a.kind in ("PERSON", "GROUP", "ORG") and a.sector in DOMESTIC_SECTORS:
            a.country = home
            a.country_inferred = True


def _group_key(m: _Mention, full_names: dict[str, tuple], doc) -> tuple | None:
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
        return ("COUNTRY", m.country, "GOV") if _is_subject(doc, m.start) else None
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


def _actor(key: tuple, ms: list[_Mention]) -> Actor:
    kind = ms[0].label if ms[0].label in ("PERSON", "ORG", "GROUP", "COUNTRY") else "ORG"
    titled = [m for m in ms if len(m.phrase) > len(m.name)] or ms
    country = _vote([m.country for m in titled]) or _vote([m.country for m in ms])
    sector = _vote([m.sector for m in titled]) or _vote([m.sector for m in ms])
    name = _canonical(kind, key, ms)
    if kind == "COUNTRY":
        sector = key[2] if len(key) > 2 else None
    spans = [Span(m.start, m.end, m.name) for m in ms]
    return Actor(name=name, country=country, sector=sector, kind=kind, mentions=spans,
                 start=spans[0].start, end=spans[0].end)


def _canonical(kind: str, key: tuple, ms: list[_Mention]) -> str:
    if kind == "PERSON":
        longest = max(ms, key=lambda m: (len(_person_key(m.name)), -m.start)).name
        words = longest.split()
        while words and words[0].lower().rstrip(".") in _TITLES:
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
