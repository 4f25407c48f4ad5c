"""How many a noun phrase counts, read off the parse: its number ('34,000 Mexicans', '2-4 policemen',
'tens of thousands'), 'a'/'one', a vague 'hundreds of', a number split from its noun by an acronym
('5 IS militants'), or the one person a definite noun names ('killed the president').

Returns (value, value_max, start, end): value_max is the high end of a range, -1 for a definite
single victim (quantities.py reads it as role 'definite'); dates, times and percentages are never
head counts.
"""

from __future__ import annotations

from eventwire.knowledge.numbers import parse_number
from eventwire.nlp.spacy_nlp import doc_text


#: 'a third was wounded' (when the parse makes it the victim), like 'another was detained': one more person.
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def number_of(noun, victim: bool = False) -> tuple[float, float | None, int, int] | None:
    """How many the noun phrase counts: its number modifier, 'a'/'one', a vague 'hundreds of', or the noun itself."""
    doc = noun.doc
    if noun.like_num or noun.lower_ in ("one", "dozens", "hundreds", "thousands", "scores", "millions"):
        return value_span(doc, number_tokens(noun))
    nums = [c for c in noun.children if c.dep_ == "nummod" and (c.like_num or c.lower_ in ("one", "dozen"))]
    if nums:
        return value_span(doc, number_tokens(nums[0]))
    if noun.head.dep_ == "pobj" or noun.dep_ == "pobj":
        prep = noun.head
        if prep.lower_ == "of" and prep.head.lower_ in ("dozens", "hundreds", "thousands", "scores", "millions", "tens"):
            return value_span(doc, number_tokens(prep.head))
    if victim and noun.lower_ in ("himself", "herself") and any(c.dep_ == "conj" for c in noun.children):
        return 1.0, None, noun.idx, noun.idx + len(noun.text)  # 'a bomber killed himself and 4 soldiers': 5 dead;
        # alone ('before killing herself') it is a suicide, which conflict counts leave out
    before = number_before_acronym(noun)
    if before is not None:
        return before
    dets = [c for c in noun.children if c.dep_ == "det" and c.lower_ in ("a", "an", "one")]
    if victim and (noun.lower_ == "another" or dets and noun.lower_ in _ORDINALS) \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return 1.0, None, noun.left_edge.idx, noun.idx + len(noun.text)  # 'another was detained'; not 'a third of them'
    if dets and noun.tag_ in ("NN", "NNP"):
        return 1.0, None, dets[0].idx, dets[0].idx + len(dets[0].text)
    if victim and noun.tag_ in ("NN", "NNP") and (noun.ent_type_ == "PERSON" or any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any", "some", "every", "each") for c in noun.children)):
        return 1.0, -1.0, noun.idx, noun.idx + len(noun.text)  # "killed the president", "his son", "Jaime Zapata"
    return None


def number_before_acronym(noun) -> tuple[float, float | None, int, int] | None:
    """'5 IS militants', '2 NDC-R fighters', '7 AQAP members': a number, then an all-capital name, then the noun;
    or a number right before a noun the parser split ('1 passer-by') and left hanging off something else.

    The parser often takes a short acronym for a word ('IS' as a verb) and hangs the number elsewhere; an
    acronym of capitals (hyphens allowed) right before the noun is a modifier, so the number before it counts
    the noun."""
    doc, i, skipped = noun.doc, noun.i - 1, 0
    while i >= 0 and skipped < 4 and (is_acronym(doc[i]) or doc[i].text in ("-", "/") and skipped):
        i, skipped = i - 1, skipped + 1
    if i < 0 or not doc[i].like_num:
        return None
    if skipped and not is_acronym(doc[i + 1]):
        return None
    if not skipped and doc[i].dep_ not in ("meta", "npadvmod", "dep", "advmod", "compound"):
        return None  # right before the noun with no acronym: only a number the parser left dangling ('1 passer-by')
    return value_span(doc, [doc[i]])


def is_acronym(tok) -> bool:
    text = tok.text.replace("-", "")
    return len(text) >= 1 and text.isalpha() and text.isupper() and (len(tok.text) >= 2 or tok.i > 0 and tok.nbor(-1).text == "-")


def number_tokens(tok) -> list:
    """The number word with its own modifiers ('1.5 million', 'twenty - five', 'tens of thousands')."""
    toks = [tok] + [c for c in tok.children if c.dep_ in ("compound", "quantmod", "nummod") and (c.like_num or c.lower_ in ("hundred", "thousand", "million", "billion"))]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.lower_ in ("thousands", "millions", "hundreds"):
                    toks += [c, g]
    if any(c.lower_ == "between" for c in tok.children):  # 'between 4 and 6 fishermen'
        toks += [c for c in tok.children if c.lower_ == "between" or c.dep_ == "conj" and c.like_num]
    toks = sorted(toks, key=lambda t: t.i)
    doc, last = tok.doc, toks[-1].i
    if last + 2 < len(doc) and doc[last + 1].text in ("-", "\u2013", "to", "or") and doc[last + 2].like_num:
        toks += [doc[last + 1], doc[last + 2]]  # '2-4 people': the parser hangs the high end anywhere
    return toks


def value_span(doc, toks) -> tuple[float, float | None, int, int] | None:
    if any(t.ent_type_ in ("DATE", "TIME", "PERCENT", "ORDINAL", "MONEY") for t in toks):
        return None  # '23 December 2023, victims': a date is not a head count
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    parsed = parse_number(doc_text(doc)[start:end])
    if parsed is None:
        return None
    return parsed[0], parsed[1], start, end
