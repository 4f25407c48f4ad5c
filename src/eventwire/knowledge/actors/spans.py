"""Where a parsed document names its actors: each PERSON/ORG/NORP/GPE entity cleaned of caption debris and
grown to its title and modifiers ("Mexican President Felipe Calderon"), known organisations the parser
missed, and groups named by a common noun ("protesters", "Hamas fighters"). mentions.py merges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.actors.resolve import find_terms, resolve_phrase, sector_of
from eventwire.nlp.spacy_nlp import doc_text

_WORDS = lx.word_classes("actor_words.tsv")

_NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
_MODIFIER_DEPS = {"compound", "nmod", "amod", "det", "poss", "case", "cc", "conj", "punct", "flat", "nummod"}
#: Honorifics and ranks before a name (data/actor_words.tsv).
TITLES = _WORDS["title"]
#: Letters after a name that are not part of it: "Guy Mansfield QC", "Margaret Moran MP" (data/post_nominals.tsv).
_POST_NOMINALS = frozenset(letters for letters, in_mention, _ in lx.read_tsv("post_nominals.tsv")
                           if in_mention == "yes")
_BAD_CHARS = set("()/|")  # caption and credit debris: "Mexico.(Brendan Smialowski/Getty Images"


@dataclass
class Mention:
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
                    or toks[0].lower_.rstrip(".") in TITLES):
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


def name_mentions(doc) -> list[Mention]:
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
                m = Mention(start, end, name, "ORG", phrase)
                m.country, m.sector = resolve_phrase(phrase)
                out.append(m)
                continue
            if label in ("GPE", "LOC", "FAC"):
                continue  # plain places are the places extractor's
        title = _title_start(doc, toks[0].i, toks[-1])
        phrase = doc_text(doc)[doc[title].idx:end]
        m = Mention(start, end, name, label, phrase)
        m.country, m.sector = resolve_phrase(phrase)
        if label == "PERSON":
            app = _appositive(doc, toks)
            if app:
                a_country, a_sector = _resolve_appositive(app)
                m.country = m.country or a_country
                m.sector = m.sector or a_sector
        out.append(m)
    return out


def _known_organisations(doc) -> list[Mention]:
    """Organisations from our table, matched in the text itself (the parser splits 'U.S. Immigration and Customs Enforcement')."""
    out = []
    for m in find_terms("org", lx.plain_same_length(doc_text(doc))):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        first = span[0].i
        title = _title_start(doc, first)
        phrase = doc_text(doc)[doc[title].idx:m.end]
        mention = Mention(m.start, m.end, doc_text(doc)[m.start:m.end], "ORG", phrase)
        mention.country, mention.sector = resolve_phrase(phrase)
        out.append(mention)
    return out


def _group_of_appositive(tok):
    """The group noun a name stands in apposition to (through conjunctions), if that noun is a role word."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.tag_ == "NNS" and sector_of(tok.head.lower_):
        return tok.head
    return None


_GENERIC_GROUPS = _WORDS["generic_group"]


def group_mentions(doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Unnamed groups with a role word as head: 'violent drug cartels', 'Mexican police', 'Senior Hungarian officials'."""
    out = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN" or not sector_of(root.lower_):
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
        m = Mention(start, end, name, "GROUP", name)
        m.country, m.sector = resolve_phrase(name)
        if m.country is None and root.dep_ == "conj":  # "the US Army and Marines": the Marines are American too
            head = root.head
            m.country = resolve_phrase(doc[head.left_edge.i: head.i + 1].text)[0]
        out.append(m)
    return out


def is_subject(doc, start: int) -> bool:
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    return bool(tok) and tok.root.dep_ in ("nsubj", "nsubjpass")
