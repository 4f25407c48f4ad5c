"""Quantities: counts of people killed, wounded, arrested, ... (here) and amounts of money (money.py), each with its words.

Counts are read off the parse, not a regex over digits: a count belongs to a keyword from
data/count_keywords.tsv either as the victims of a verb ('two people were killed', 'killed 34,000
Mexicans', 'One person died') or as a number on the keyword noun itself ('3,000 drug-related
killings', '18 injured', 'thousands of troops'). A number that does not parse as one ('5,were') is
never a count. A killing named as the reason for something else ('protesting the killing of a
student') or only attempted or threatened is not a count of what happened.

Wire and ACLED-notes style adds (each a rule below, with its own test in tests/knowledge/test_counts_notes.py):
hedged and reported forms ('were reported killed', 'said to have died', 'left three dead', 'claimed the
lives of'); ranges ('2-4': value is the low end, value_max the high end; 'at least 5' is value 5 with no
max, the record has no field for an open bound); 'in addition to' and conjoined groups added up; an
all-capital acronym between a number and its noun ('5 IS militants') read as part of the noun whatever the
parser made of it; a victim noun with no number ('killed militants and civilians') kept as a count of
unknown number (value None, role 'unknown'), never as zero.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.head_counts import number_of
from eventwire.knowledge.money import extract_money, parse_money  # noqa: F401  (parse_money: public here too)
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Document, Quantity

#: Heads under which a killing is the topic, not the news: protests about it, trials for it, attempts at it.
_REPORTED_CAUSE = {"protest", "demand", "justice", "condemn", "mourn", "commemorate", "anniversary", "accuse",
                   "charge", "sentence", "verdict", "trial", "case", "allege", "suspect", "blame", "investigate",
                   "follow", "claim"}  # "following the death of a worker, ...": the death is the background, not this event
_MODAL_HEADS = {"attempt", "try", "threaten", "plan", "plot", "seek", "want", "vow", "conspire"}
_VICTIM_DEPS = {"nsubjpass", "dobj", "nsubj"}
#: Verbs that report or hedge a death without being it: 'were reported killed', 'were said to have died'.
_HEDGES = {"report", "say", "believe", "fear", "confirm", "feel", "think", "presume", "understand", "know",
           "claim", "allege", "find", "declare", "pronounce", "rumour", "rumor", "suspect", "estimate"}
#: Heads whose result complement names what happened to their object: 'left three people dead'.
_RESULT_VERBS = {"leave", "render"}
#: Words that add one group of victims to another: 'in addition to 3 of his guards', 'besides', 'as well as'.
_VAGUE_WORDS = {"several", "many", "some", "numerous", "multiple", "unknown", "undisclosed", "unspecified",
               "unconfirmed", "few", "a", "an"}
_ADDING = {("in", "addition", "to"), ("besides",), ("plus",), ("alongside",)}

@lru_cache(maxsize=1)
def _keywords() -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    out = {}
    for lemma, kind, pos, needs in lx.read_tsv("count_keywords.tsv"):
        out[(lemma, pos)] = (kind, tuple() if needs == "-" else tuple(needs.split("|")))
    return out


def extract_quantities(document: Document, doc) -> list[Quantity]:
    out = _counts(doc) + extract_money(doc)
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
    ancestors = list(tok.ancestors)[:6]
    if tok.lemma_.lower() == "life":
        ancestors = ancestors[1:]  # 'claimed the lives of': here the claim is the killing itself
    for anc in ancestors:
        if anc.lemma_.lower() in _MODAL_HEADS:
            return True
        if anc.lemma_.lower() in _REPORTED_CAUSE and anc.pos_ in ("NOUN", "VERB"):
            return True
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("over", "against", "for"):
        return True  # "protests over the killing of ...", "justice for the deaths"
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if _disjoined(tok):
        return True
    clause = tok.head if tok.dep_ in ("oprd", "xcomp", "acomp") and tok.head.lemma_.lower() in _HEDGES else tok
    if clause.dep_ in ("advcl", "ROOT") and any(c.dep_ == "mark" and c.lower_ in ("after", "before", "since", "because") for c in clause.children):
        return True  # "students protested after a student died / was found dead": the death is why, not what happened here
    return False


def _disjoined(tok) -> bool:
    """'were either injured or killed', 'killed or wounded': one number for two outcomes says how many of neither."""
    first = tok.head if tok.dep_ == "conj" else tok
    if first is not tok and first.pos_ != tok.pos_:
        return False
    joined = [first] + [c for c in first.children if c.dep_ == "conj"]
    return len(joined) > 1 and any(c.dep_ in ("cc", "preconj") and c.lower_ in ("or", "either") for c in first.children)


def _victims(verb):
    """The noun phrase counting who it happened to: passive subject, object, or subject of 'die'."""
    deps: dict = {}
    for c in verb.children:
        deps.setdefault(c.dep_, c)  # the first object is the victim: 'killed a youth in X village, Y upazila'
    if "nsubjpass" in deps:
        return deps["nsubjpass"]
    if "dobj" in deps:
        return deps["dobj"]
    if "nsubj" in deps and ("auxpass" in deps or verb.tag_ == "VBN" and "aux" not in deps):
        return deps["nsubj"]  # 'were charred to death' with the subject mislabelled; headline 'Three persons killed.'
    stranded = _stranded_subject(verb, deps)
    if stranded is not None:
        return stranded
    if verb.lemma_.lower() in ("die", "perish", "succumb") and "nsubj" in deps:
        return deps["nsubj"]
    if verb.dep_ == "conj" and "nsubj" in deps and number_of(deps["nsubj"]) is not None:
        return deps["nsubj"]  # "3 were killed and 12 injured": the second verb has its own (elliptical) subject
    hedge = _hedged_by(verb)
    if hedge is not None:
        return _victims_of_head(hedge, any_subject=False)
    own_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not own_aux:
        return _victims_of_head(verb.head)  # "were shot and killed": the subject sits on the first verb
    if verb.dep_ in ("amod", "acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return verb.head  # "two people killed in the clash", "the man who was killed"
    return None


def _stranded_subject(verb, deps):
    """'..., and a leader of the union was killed': a passive with its own auxiliary but no subject, because the
    parser joined the noun to an earlier list. The noun phrase that ends right before the auxiliary is it."""
    aux = deps.get("auxpass")
    if aux is None or "nsubj" in deps or aux.i == 0 or aux.i > verb.i:
        return None
    t = verb.doc[aux.i - 1]
    while t.dep_ in ("pobj", "prep", "compound") and t.head.i < t.i:
        t = t.head
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("conj", "appos") or t.i >= aux.i:
        return None
    first = t
    while first.dep_ in ("conj", "appos") and first.head.i < first.i:
        first = first.head
    if _is_including(first) and _subset_kind(first) == (_keyword(verb) or ("",))[0]:
        return None  # '..., including 2 students and 1 guard was stabbed': one more of the subset
    return t


def _victims_of_head(verb, any_subject: bool = False):
    deps = {c.dep_: c for c in verb.children}
    return deps.get("nsubjpass") or deps.get("dobj") or (deps.get("nsubj") if verb.lemma_.lower() in ("die",) else None)


def _hedged_by(verb):
    """The reporting verb a death hangs from: 'were reported killed', 'were said to have died', 'are feared dead'.

    The hedge is passive and takes the death as its complement, so its passive subject is the victim."""
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp", "oprd", "acomp") and head.lemma_.lower() in _HEDGES and any(
            c.dep_ == "nsubjpass" for c in head.children):
        return head
    return None


def _result_object(tok):
    """'left three people dead', 'left 2 wounded': the object of a result verb whose complement is the keyword;
    'were feared dead': the passive subject of a hedge whose complement it is."""
    head = tok.head
    if tok.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "advcl", "conj") and head.lemma_.lower() in _RESULT_VERBS:
        return next((c for c in head.children if c.dep_ == "dobj"), None)
    if tok.dep_ in ("oprd", "xcomp", "acomp") and _hedged_by(tok) is not None:
        return next(c for c in head.children if c.dep_ == "nsubjpass")  # 'were feared dead', 'reported dead'
    return None


def _lives_lost(tok):
    """'claimed the lives of 9 people', 'took the lives of two', '3 men lost their lives': whose lives."""
    if tok.lemma_.lower() != "life" or tok.head.lemma_.lower() not in ("claim", "take", "cost", "lose"):
        return None
    owner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    victims = next((g for g in owner.children if g.dep_ == "pobj"), None) if owner is not None else None
    if victims is None and tok.head.lemma_.lower() == "lose":
        victims = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return victims


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
            if noun is None or _is_including(noun) or _joined_to_subset(noun, kind):
                continue
            counted = number_of(noun, victim=True) if noun.lower_ != "number" else None
            obj = noun
            if counted is None and _unknown_number(noun):
                out.append(_unknown(doc, kind, tok, noun))
                continue
        else:
            counted = number_of(tok)
            obj = tok
            left = _result_object(tok) if counted is None else None
            lives = _lives_lost(tok) if counted is None and left is None else None
            if left is not None or lives is not None:
                obj = left if left is not None else lives
                counted = number_of(obj, victim=True)
                pos = "verb"  # the victims are a noun phrase of their own: add its conjoined groups below
            elif counted is None and tok.lemma_.lower() in ("death", "killing", "murder"):
                owner = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                victims = next((g for g in owner.children if g.dep_ == "pobj"), None) if owner is not None else None
                counted = number_of(victims) if victims is not None else None  # "the killing of 1 person"
                obj = victims if counted is not None else tok
        if counted is None or _elsewhere(tok):
            continue
        value, value_max, start, end = counted
        definite = value_max == -1.0  # a singular definite victim: often a second mention of one already counted
        value_max = None if definite else value_max
        if pos == "verb":
            extra_low, extra_high = _coordinated(obj)
            add_low, add_high = _added(tok, obj)
            if value_max is not None or extra_high != extra_low or add_high != add_low:
                value_max = (value if value_max is None else value_max) + extra_high + add_high
            value += extra_low + add_low
        head_end = obj.idx + len(obj.text)
        span_start, span_end = min(start, obj.idx, tok.idx), max(end, head_end, tok.idx + len(tok.text))
        out.append(Quantity(kind=kind, value=value, value_max=value_max, unit=None, object=_object_text(obj),
                            text=doc_text(doc)[span_start:span_end], start=span_start, end=span_end,
                            role=_role(tok, obj) or ("definite" if definite else None)))
    return out


#: ACLED-style bookkeeping: a count said to be coded to other events is not this report's.
_ELSEWHERE = ("coded separately", "coded to specific events", "split across", "coded to other events")
#: ... and one said to be coded to this event is the note's total: '3 were shot; 1 fatality coded to this event'.
_CODED_HERE = ("coded to this event", "coded to the event", "attributed to this event")


def _elsewhere(tok) -> bool:
    sent = tok.sent.text.lower()
    return any(marker in sent for marker in _ELSEWHERE)


def _role(tok, noun) -> str | None:
    """'total' for a stated total ('Total 6 fatalities', 'in all'), 'part' for a subset ('including 3', 'of whom 3')."""
    if _is_including(noun) or any(c.lower_ in ("whom", "which", "them", "those") for c in noun.subtree) or noun.lower_ in ("whom", "which"):
        return "part"
    if tok.pos_ == "NOUN" and any(marker in tok.sent.text.lower() for marker in _CODED_HERE):
        return "total"
    words = {t.lower_ for t in tok.sent}
    if "total" in words or "all" in words and "in" in words and tok.pos_ != "VERB":
        return "total"
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
        return "total"  # a sentence that is only a count: "3 fatalities."
    if tok.pos_ == "NOUN" and _in_brackets(tok):
        return "total"  # "A soldier was killed in the raid (1 fatality)": the note's own tally of what it said
    return None


def _in_brackets(tok) -> bool:
    """The count noun sits in a bracketed aside: '(2 fatalities)', '(total 3 dead)'."""
    doc = tok.doc
    left = next((t for t in reversed(doc[max(0, tok.i - 4): tok.i]) if t.text in ("(", ")")), None)
    right = next((t for t in doc[tok.i + 1: tok.i + 3] if t.text in ("(", ")")), None)
    return left is not None and left.text == "(" and right is not None and right.text == ")"


def _coordinated(noun) -> tuple[float, float]:
    """More victims joined to the first: 'a UP chairman and his driver', 'the leader along with 5 of his relatives',
    '5 rebels and 2-4 policemen' (low and high ends added, so a range stays a range). A subset ('including')
    is not a conjunct and is never added."""
    low = high = 0.0
    if _breaks_down(noun):
        return low, high
    for c in noun.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "NUM"):
            n = number_of(c)
            if n is not None:
                low, high = low + n[0], high + (n[1] if n[1] is not None else n[0])
            elif c.tag_ in ("NN", "NNP") and any(d.dep_ in ("det", "poss") for d in c.children):
                low, high = low + 1, high + 1
        if c.dep_ == "prep" and c.lower_ == "with" and any(g.lower_ == "along" for g in noun.children):
            for g in c.children:
                if g.dep_ == "pobj":
                    n = number_of(g)
                    low, high = low + (n[0] if n else 0), high + ((n[1] if n[1] is not None else n[0]) if n else 0)
    return low, high


def _breaks_down(noun) -> bool:
    """'four aid workers, three Americans and one Briton': after a comma, counted groups that add up to the
    first count are who its members were, not more victims."""
    own = number_of(noun)
    chain, tok = [], noun
    while True:
        nxt = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None:
            break
        chain.append(nxt)
        tok = nxt
    if own is None or len(chain) < 2 or noun.doc[chain[0].left_edge.i - 1].text != ",":
        return False
    parts = [number_of(c) for c in chain]
    return all(p is not None for p in parts) and sum(p[0] for p in parts) == own[0]


def _added(verb, noun) -> tuple[float, float]:
    """'killed 1 councillor in addition to 3 of his guards', '... besides 2 civilians': a second group on the
    verb or the first group's noun, added to it."""
    low = high = 0.0
    for head in (verb, noun):
        for c in head.children:
            if c.dep_ != "prep":
                continue
            chain, tok = [c], c
            while len(chain) < 3:
                nxt = next((g for g in tok.children if g.dep_ in ("pobj", "prep")), None)
                if nxt is None:
                    break
                chain.append(nxt)
                tok = nxt
            words = tuple(t.lower_ for t in chain)
            for pattern in _ADDING:
                if words[:len(pattern)] == pattern:
                    target = chain[len(pattern) - 1]
                    obj = next((g for g in target.children if g.dep_ == "pobj"), None)
                    n = number_of(obj, victim=True) if obj is not None else None
                    if n is not None:
                        low, high = low + n[0], high + (n[1] if n[1] not in (None, -1.0) else n[0])
    return low, high


def _unknown_number(noun) -> bool:
    """'killed militants and civilians', 'civilians died', 'several people were killed', 'an unknown number of
    fighters': victims named with no number, a plural noun with no number, possessive or 'no'/'the' before it, or
    with only a vague word ('several', 'many', 'unknown number of'). The count is unknown, not zero."""
    if noun.lower_ == "number" and any(c.lower_ in _VAGUE_WORDS for c in noun.children):
        return True  # 'an unknown number of fighters'
    if noun.tag_ not in ("NNS", "NNPS") or noun.lower_ in ("dozens", "hundreds", "thousands", "scores", "millions"):
        return False
    if any(c.dep_ in ("nummod", "poss", "quantmod") or c.like_num for c in noun.children):
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "amod")]
    return all(c.dep_ == "amod" and c.lower_ not in ("other",) or c.lower_ in _VAGUE_WORDS for c in dets)


def _unknown(doc, kind: str, tok, noun) -> Quantity:
    start, end = min(tok.idx, noun.left_edge.idx), max(tok.idx + len(tok.text), noun.right_edge.idx + len(noun.right_edge.text))
    return Quantity(kind=kind, value=None, value_max=None, unit=None, object=_object_text(noun),  # type: ignore[arg-type]
                    text=doc_text(doc)[start:end], start=start, end=end, role="unknown")


def kind_total(quantities: list[Quantity], kind: str = "KILL") -> float:
    """How many in all a report counts: a stated total if there is one, else the sum of distinct counts, subsets left out."""
    counts = [q for q in quantities if q.kind == kind and q.value is not None]  # an unknown number adds nothing
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


def _joined_to_subset(noun, kind: str) -> bool:
    """'..., including 3 farmers who were shot and 1 boy was stabbed': the 'and' before the noun hangs off a
    subset of a count of the same kind, so the clause it starts lists one more of the subset, whatever the parser
    made the clause. A subset of the injured ('30 hurt, including police, and a guard was killed') is not."""
    i = noun.left_edge.i - 1
    if i < 0 or noun.doc[i].dep_ != "cc":
        return False
    first = noun.doc[i].head
    while first.dep_ in ("conj", "appos") and first.head.i < first.i:
        first = first.head
    return first.pos_ in ("NOUN", "PROPN", "NUM") and _is_including(first) and _subset_kind(first) == kind


def _subset_kind(member) -> str | None:
    """The kind of the count a subset ('including 3 farmers') belongs to: its governing verb's or noun's."""
    for anc in list(member.head.ancestors)[:3]:
        hit = _keyword(anc)
        if hit is not None:
            return hit[0]
        if anc.pos_ in ("NOUN", "PROPN", "NUM"):
            hit = _keyword(anc.head) if anc.dep_ in _VICTIM_DEPS else None
            if hit is not None:
                return hit[0]
    return None


def _object_text(noun) -> str:
    if noun.like_num:
        return noun.text
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    start = min([noun] + [m.left_edge for m in mods], key=lambda t: t.i)  # "drug-related killings"
    return noun.doc[start.i: noun.i + 1].text


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
