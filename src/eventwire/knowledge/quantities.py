"""Quantities: counts of people killed, wounded, arrested, ... and amounts of money, each with the words that say so.

Counts are read off the parse, not a regex over digits: a count belongs to a keyword from
data/count_keywords.tsv either as the victims of a verb ('two people were killed', 'killed 34,000
Mexicans', 'One person died') or as a number on the keyword noun itself ('3,000 drug-related
killings', '18 injured', 'thousands of troops'). A number that does not parse as one ('5,were') is
never a count. A killing named as the reason for something else ('protesting the killing of a
student') or only attempted or threatened is not a count of what happened.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.numbers import parse_number
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Document, Quantity

#: Heads under which a killing is the topic, not the news: protests about it, trials for it, attempts at it.
_REPORTED_CAUSE = {"protest", "demand", "justice", "condemn", "mourn", "commemorate", "anniversary", "accuse",
                   "charge", "sentence", "verdict", "trial", "case", "allege", "suspect", "blame", "investigate",
                   "follow", "claim"}  # "following the death of a worker, ...": the death is the background, not this event
_MODAL_HEADS = {"attempt", "try", "threaten", "plan", "plot", "seek", "want", "vow", "conspire"}
_VICTIM_DEPS = {"nsubjpass", "dobj", "nsubj"}
_PERIODS = {"year": "year", "annum": "year", "annually": "year", "yearly": "year", "month": "month",
            "monthly": "month", "week": "week", "weekly": "week", "day": "day", "daily": "day"}


@lru_cache(maxsize=1)
def _keywords() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    out = {}
    for lemma, kind, pos, needs in lx.read_tsv("count_keywords.tsv"):
        out[(lemma, pos)] = (kind, tuple() if needs == "-" else tuple(needs.split("|")))
    return out


@lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    return {term: code for term, code in lx.read_tsv("currencies.tsv")}


def extract_quantities(document: Document, doc) -> list[Quantity]:
    out = _counts(doc) + _money(doc)
    return sorted(_dedupe(out), key=lambda q: q.start)


# --- counts -----------------------------------------------------------------------------------

def _keyword(tok) -> tuple[str, str, tuple[str, ...]] | None:
    """(kind, pos, needs) when the token is a count keyword in the right part of speech."""
    lemma = tok.lemma_.lower()
    table = _keywords()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
        if (lemma, "verb") in table:
            return (*table[(lemma, "verb")][:1], "verb", table[(lemma, "verb")][1])  # type: ignore[return-value]
    for key in ((lemma, "noun"), (tok.lower_, "noun")):
        if tok.pos_ in ("NOUN", "ADJ", "PROPN", "VERB") and key in table:
            return (table[key][0], "noun", table[key][1])
    return None


def _has_needed(tok, needs: tuple[str, ...]) -> bool:
    if not needs:
        return True
    near = tok.doc[max(0, tok.i - 2): tok.i + 5]
    return any(t.lower_ in needs or t.lemma_.lower() in needs for t in near)


def _is_topic_not_news(tok) -> bool:
    """A killing that is the object of a protest, trial or attempt rather than an event of this report."""
    for anc in list(tok.ancestors)[:6]:
        if anc.lemma_.lower() in _MODAL_HEADS:
            return True
        if anc.lemma_.lower() in _REPORTED_CAUSE and anc.pos_ in ("NOUN", "VERB"):
            return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("over", "against", "for"):
        return True  # "protests over the killing of ...", "justice for the deaths"
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "because") for c in tok.children):
        return True  # "students protested after a student died": the death is why, not what happened here
    return False


def _number_of(noun, victim: bool = False) -> tuple[float, float | None, int, int] | None:
    """How many the noun phrase counts: its number modifier, 'a'/'one', a vague 'hundreds of', or the noun itself."""
    doc = noun.doc
    if noun.like_num or noun.lower_ in ("one", "dozens", "hundreds", "thousands", "scores", "millions"):
        return _value_span(doc, _number_tokens(noun))
    nums = [c for c in noun.children if c.dep_ == "nummod" and (c.like_num or c.lower_ in ("one", "dozen"))]
    if nums:
        return _value_span(doc, _number_tokens(nums[0]))
    if noun.head.dep_ == "pobj" or noun.dep_ == "pobj":
        prep = noun.head
        if prep.lower_ == "of" and prep.head.lower_ in ("dozens", "hundreds", "thousands", "scores", "millions", "tens"):
            return _value_span(doc, _number_tokens(prep.head))
    dets = [c for c in noun.children if c.dep_ == "det" and c.lower_ in ("a", "an", "one")]
    if dets and noun.tag_ in ("NN", "NNP"):
        return 1.0, None, dets[0].idx, dets[0].idx + len(dets[0].text)
    if victim and noun.tag_ in ("NN", "NNP") and (noun.ent_type_ == "PERSON" or any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("no", "any", "some", "every", "each") for c in noun.children)):
        return 1.0, -1.0, noun.idx, noun.idx + len(noun.text)  # "killed the president", "his son", "Jaime Zapata"
    return None


def _number_tokens(tok) -> list:
    """The number word with its own modifiers ('1.5 million', 'twenty - five', 'tens of thousands')."""
    toks = [tok] + [c for c in tok.children if c.dep_ in ("compound", "quantmod", "nummod") and (c.like_num or c.lower_ in ("hundred", "thousand", "million", "billion"))]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.lower_ in ("thousands", "millions", "hundreds"):
                    toks += [c, g]
    return sorted(toks, key=lambda t: t.i)


def _value_span(doc, toks) -> tuple[float, float | None, int, int] | None:
    if any(t.ent_type_ in ("DATE", "TIME", "PERCENT", "ORDINAL", "MONEY") for t in toks):
        return None  # '23 December 2023, victims': a date is not a head count
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    parsed = parse_number(doc_text(doc)[start:end])
    if parsed is None:
        return None
    return parsed[0], parsed[1], start, end


def _victims(verb):
    """The noun phrase counting who it happened to: passive subject, object, or subject of 'die'."""
    deps = {c.dep_: c for c in verb.children}
    if "nsubjpass" in deps:
        return deps["nsubjpass"]
    if "dobj" in deps:
        return deps["dobj"]
    if verb.lemma_.lower() in ("die", "perish", "succumb") and "nsubj" in deps:
        return deps["nsubj"]
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not own_aux:
        return _victims_of_head(verb.head)  # "were shot and killed": the subject sits on the first verb
    if verb.dep_ in ("amod", "acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return verb.head  # "two people killed in the clash", "the man who was killed"
    return None


def _victims_of_head(verb):
    deps = {c.dep_: c for c in verb.children}
    return deps.get("nsubjpass") or deps.get("dobj") or (deps.get("nsubj") if verb.lemma_.lower() in ("die",) else None)


def _counts(doc) -> list[Quantity]:
    out = []
    for tok in doc:
        hit = _keyword(tok)
        if hit is None:
            continue
        kind, pos, needs = hit
        if not _has_needed(tok, needs) or _is_topic_not_news(tok):
            continue
        if pos == "verb":
            noun = _victims(tok)
            if noun is None or _is_including(noun):
                continue
            counted = _number_of(noun, victim=True)
            obj = noun
        else:
            counted = _number_of(tok)
            obj = tok
            if counted is None and tok.lemma_.lower() in ("death", "killing", "murder"):
                owner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                victims = next((g for g in owner.children if g.dep_ == "pobj"), None) if owner is not None else None
                counted = _number_of(victims) if victims is not None else None  # "the killing of 1 person"
                obj = victims if counted is not None else tok
        if counted is None or _elsewhere(tok):
            continue
        value, value_max, start, end = counted
        definite = value_max == -1.0  # a singular definite victim: often a second mention of one already counted
        value_max = None if definite else value_max
        if pos == "verb":
            value += _coordinated(obj)
        head_end = obj.idx + len(obj.text)
        span_start, span_end = min(start, obj.idx, tok.idx), max(end, head_end, tok.idx + len(tok.text))
        out.append(Quantity(kind=kind, value=value, value_max=value_max, unit=None, object=_object_text(obj),
                            text=doc_text(doc)[span_start:span_end], start=span_start, end=span_end,
                            role=_role(tok, obj) or ("definite" if definite else None)))
    return out


#: ACLED-style bookkeeping: a count said to be coded to other events is not this report's.
_ELSEWHERE = ("coded separately", "coded to specific events", "split across", "coded to other events")


def _elsewhere(tok) -> bool:
    sent = tok.sent.text.lower()
    return any(marker in sent for marker in _ELSEWHERE)


def _role(tok, noun) -> str | None:
    """'total' for a stated total ('Total 6 fatalities', 'in all'), 'part' for a subset ('including 3', 'of whom 3')."""
    if _is_including(noun) or any(c.lower_ in ("whom", "which", "them", "those") for c in noun.subtree) or noun.lower_ in ("whom", "which"):
        return "part"
    words = {t.lower_ for t in tok.sent}
    if "total" in words or "all" in words and "in" in words and tok.pos_ != "VERB":
        return "total"
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
        return "total"  # a sentence that is only a count: "3 fatalities."
    return None


def _coordinated(noun) -> float:
    """More victims joined to the first: 'a UP chairman and his driver', 'the leader along with 5 of his relatives'."""
    extra = 0.0
    for c in noun.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
            n = _number_of(c)
            if n is not None:
                extra += n[0]
            elif c.tag_ in ("NN", "NNP") and any(d.dep_ in ("det", "poss") for d in c.children):
                extra += 1
        if c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ == "along" for g in noun.children):
            for g in c.children:
                if g.dep_ == "pobj":
                    n = _number_of(g)
                    extra += n[0] if n else 0
    return extra


def kind_total(quantities: list[Quantity], kind: str = "KILL") -> float:
    """How many in all a report counts: a stated total if there is one, else the sum of distinct counts, subsets left out."""
    counts = [q for q in quantities if q.kind == kind]
    if any(q.role is None or q.role == "total" for q in counts):
        counts = [q for q in counts if q.role not in ("part", "definite")]
    elif any(q.role == "definite" for q in counts):
        counts = [q for q in counts if q.role != "part"]
    totals = [q.value for q in counts if q.role == "total"]
    seen, total = set(), 0.0
    for q in counts:
        key = (q.value, (q.object or "").lower())
        if key not in seen:
            seen.add(key)
            total += q.value
    return max(totals) if totals else total


def _is_including(noun) -> bool:
    """'7 people were killed, including 3 police personnel': the subset is not a second count."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in ("including", "among")


def _object_text(noun) -> str:
    if noun.like_num:
        return noun.text
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    start = min([noun] + [m.left_edge for m in mods], key=lambda t: t.i)  # "drug-related killings"
    return noun.doc[start.i: noun.i + 1].text


# --- money ------------------------------------------------------------------------------------

def _money(doc) -> list[Quantity]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "MONEY":
            continue
        q = parse_money(ent.text)
        if q is None:
            continue
        value, value_max, code = q
        period = _period_after(doc, ent.end)
        out.append(Quantity(kind="MONEY", value=value, value_max=value_max, unit=code, object=None,
                            text=ent.text, start=ent.start_char, end=ent.end_char, period=period))
    return out


def parse_money(text: str) -> tuple[float, float | None, str | None] | None:
    """'about $40 million' -> (4e7, None, 'USD'); 'hundreds of millions of dollars' -> (1e8, 999999999, 'USD')."""
    t = lx.plain(text)
    code = None
    for term, c in sorted(_currencies().items(), key=lambda kv: -len(kv[0])):
        if term[0].isalpha():
            if re.search(rf"\b{re.escape(term)}\b", t, flags=re.I):
                code = c
                t = re.sub(rf"\b{re.escape(term)}\b", " ", t, flags=re.I)
                break
        elif term in t:
            code = c
            t = t.replace(term, " ")
            break
    t = re.sub(r"\b(?:about|around|some|nearly|almost|roughly|approximately|over|more than|up to|at least|of|a|an)\b", " ", t, flags=re.I)
    t = re.sub(r"(\d)\s*p\b", r"\1", t)  # 80p: pence are read as a number of pounds' hundredths below
    parsed = parse_number(t.strip(" .,-"))
    if parsed is None:
        return None
    value, value_max = parsed
    if re.search(r"\d\s*p\b", lx.plain(text)) and code is None:
        value, code = value / 100.0, "GBP"
    return value, value_max, code


def _period_after(doc, i: int) -> str | None:
    """'$40 million a year', '£102.80 a week', 'per month', 'annually'."""
    toks = doc[i: i + 3]
    words = [t.lower_ for t in toks]
    if words[:1] and words[0] in _PERIODS and words[0].endswith("ly"):
        return _PERIODS[words[0]]
    if len(words) >= 2 and words[0] in ("a", "per", "each", "every", "an") and words[1] in _PERIODS:
        return _PERIODS[words[1]]
    return None


def _dedupe(items: list[Quantity]) -> list[Quantity]:
    """One quantity per number: the same words found from the verb and from the noun count once."""
    seen: dict[tuple[int, str], Quantity] = {}
    for q in items:
        key = (q.start if q.kind != "MONEY" else q.start, q.kind)
        inner = [k for k in seen if k[1] == q.kind and (seen[k].start <= q.start < seen[k].end or q.start <= seen[k].start < q.end)]
        if inner:
            continue
        seen[key] = q
    return list(seen.values())
