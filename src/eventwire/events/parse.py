"""Reading the dependency parse: objects, complements, subjects through control and relative clauses, auxiliaries.

Small helpers over spaCy tokens that the trigger, role and modality steps share.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from eventwire.events import lexicon as lx

FUTURE = {"will", "shall", "'ll", "wo"}
POSSIBLE = {"may", "might", "could"}
OBLIGATION = {"must", "should", "ought"}
CONDITIONAL = {"if", "unless", "whether"}
_SUFFIXES = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""))


def lemmas(tok) -> list[str]:
    """The lemma, then crude stems of the word where the small model's lemmatizer only chopped or kept the
    ending ('staged' → 'stag', 'gheraoed' → 'gheraoed'); a real irregular lemma ('wound' → 'wind') stays alone,
    but for a plural noun."""
    word = tok.lower_
    lemma = tok.lemma_.lower()
    if lemma != word and not word.startswith(lemma):
        if tok.tag_ not in ("NNS", "NNPS"):
            return [lemma]
        # a plural the lemmatizer took for another word ('bases' → 'basis'): the plain singular too
        return [lemma] + [word[: -len(suffix)] + repl for suffix, repl in (("ies", "y"), ("s", ""))
                          if word.endswith(suffix) and len(word) > len(suffix) + 2]
    out = [lemma, word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return out


def verb_like_root(tok) -> bool:
    """Headlines and captions ('Calderon balks at ...') often get their verb tagged as a plural noun."""
    return (tok.dep_ == "ROOT" and tok.tag_ == "NNS"
            and any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in tok.lefts)
            and any(k.dep_ == "prep" for k in tok.rights))


def objects_of(tok) -> list:
    """Direct objects (with their conjuncts), passive subjects, and for prepositional verbs the first pobj."""
    objs = [k for k in tok.children if k.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not objs:
        objs = [p for k in tok.children if k.dep_ in ("prep", "prt")
                for p in k.children if p.dep_ in ("pobj", "pcomp")][:1]
    objs = [unquantify(o) for o in objs]
    return objs + [c for o in objs for c in o.conjuncts]


def pobjs(tok, preps: tuple[str, ...]) -> list:
    return [p for k in tok.children if k.dep_ in ("prep", "agent") and k.lower_ in preps
            for p in k.children if p.dep_ == "pobj"]


def complement_of(tok):
    """The clause a verb governs: xcomp/ccomp, or a gerund after a preposition ('short of supporting')."""
    for k in tok.children:
        if k.dep_ in ("xcomp", "ccomp") and k.pos_ in ("VERB", "AUX"):
            return k
    for k in tok.children:
        if k.dep_ in ("prep", "advmod", "acomp"):
            for p in k.subtree:
                if p.dep_ == "pcomp" and p.pos_ == "VERB":
                    return p
        if k.dep_ == "dobj":
            for p in k.children:
                if p.dep_ in ("acl", "relcl") and p.pos_ == "VERB" and p.tag_ in ("VB", "VBG"):
                    return p
    return None


def hyphen_partner(tok):
    """'Israeli-Palestinian talks', 'India-Pakistan clashes': the first of two names joined by a hyphen,
    which the parser hangs on the second; each names one side of a dyad."""
    if tok.i < 2 or tok.doc[tok.i - 1].text not in ("-", "–") or not _name_like(tok):
        return None
    return next((k for k in tok.children if k.i == tok.i - 2 and _name_like(k)), None)


def _name_like(tok) -> bool:
    """A country name or demonym, or a capitalised word that is no person or date ('Palestinian' may carry no
    entity label, 'Ukrainian-Moldovan' may be taken for a person's name; 'backed' is none)."""
    if not tok.text[:1].isupper() or tok.ent_type_ in ("DATE", "TIME"):
        return False
    return tok.ent_type_ != "PERSON" or tok.text in _country_words()


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    from eventwire.knowledge.lexicon import country_names  # an earlier stage's table

    return frozenset(country_names())


def first_in_subtree(tok, preps: tuple[str, ...]):
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in preps:
            for p in t.children:
                if p.dep_ == "pobj":
                    return p
    return None


def unquantify(tok):
    """'thousands of troops' → troops: a quantity head hands over to its of-phrase."""
    if tok.pos_ == "NUM" or tok.lemma_.lower() in lx.word_class("quantity"):
        inner = pobjs(tok, ("of",))
        if inner:
            return inner[0]
    return tok


def subject_of(verb) -> tuple[Any, bool]:
    """(subject token, passive?); a subject the parser found across a line break is exchanged for its
    apposition on the verb's side ('<caption>\n\nPresident Calderon said')."""
    subj, passive = _raw_subject(verb)
    if subj is not None and _line_start(subj) != _line_start(verb):
        near = [t for t in subj.subtree if t.dep_ == "appos" and _line_start(t) == _line_start(verb)]
        subj = near[0] if near else None
    return subj, passive


def _line_start(tok) -> int:
    doc = tok.doc
    i = tok.i
    while i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text) and tok.i - i < 300:
        i -= 1
    return i


def _raw_subject(verb) -> tuple[Any, bool]:
    if verb_like_root(verb):
        heads = [k for k in verb.lefts if k.dep_ == "compound"]
        return (heads[-1] if heads else None), False
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for k in tok.children:
            if k.dep_ in ("nsubj", "csubj"):
                if k.tag_ in ("WDT", "WP") and tok.dep_ in ("relcl", "acl"):
                    return tok.head, False
                return k, False
            if k.dep_ == "nsubjpass":
                adjectival = tok.lower_ in lx.word_class("adjpassive") and not pobjs(tok, ("by",))
                return k, not adjectival  # "Israel is opposed to": Israel opposes
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lx.word_class("objcontrol"):
            obj = next((k for k in tok.head.children if k.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj, False
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head, _reduced_passive(tok)
        blamed = _for_gerund_agent(tok)
        if blamed is not None:
            return blamed, False
        if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp", "ccomp") and tok.head.i != tok.i:
            if tok.dep_ == "ccomp":
                return None, False
            if tok.dep_ == "conj" and _verb_read_as_noun(tok.head):
                return [k for k in tok.head.lefts if k.dep_ == "compound"][-1], False
            tok = tok.head
            continue
        break
    return None, False


def _verb_read_as_noun(tok) -> bool:
    """'..., and the FBI trains and works with police': the parser made 'the FBI trains' a noun phrase
    conjoined to the first clause's verb; its compound is the subject of the verbs conjoined to it."""
    return tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") \
        and tok.tag_ in ("NNS", "VBZ") and any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in tok.lefts) \
        and any(k.dep_ == "conj" and k.pos_ == "VERB" for k in tok.rights)


def _reduced_passive(verb) -> bool:
    """'houses burned by the mob' is passive, 'youths resorted to stones' is not (the parser calls both acl)."""
    if verb.tag_ != "VBN":
        return False
    if pobjs(verb, ("by",)):
        return True
    if trailing_report(verb):
        return False
    return not any(k.dep_ == "prep" and k.lower_ in ("to", "against", "with", "for", "from") for k in verb.children)


def trailing_report(verb) -> bool:
    """'..., a human rights group protested here Wednesday': a speaker after a comma at the end of the
    sentence, whose verb the parser hangs on the noun as a participle or on the clause as a modifier; it
    has no object or addressee of its own, and it is no reduced passive."""
    if verb.dep_ not in ("acl", "advcl", "conj") or verb.head.i >= verb.i:
        return False
    if verb.lemma_.lower() not in lx.word_class("say") | lx.word_class("complain"):
        return False
    if any(k.dep_ in ("dobj", "ccomp", "xcomp") or (k.dep_ == "prep" and k.lower_ in _AIMED) for k in verb.children):
        return False
    if verb.dep_ != "acl" and not any(k.dep_ == "nsubj" for k in verb.children):
        return False  # "..., blocked the road and protested": the same protesters, no speaker of their own
    first = verb.head.left_edge if verb.dep_ == "acl" else verb.left_edge
    return first.text == "," or (first.i > 0 and verb.doc[first.i - 1].text == ",")


_AIMED = {"to", "against", "at", "over", "about", "with", "for"}


_STATEMENTS = lx.word_class("speechnoun") | {"release", "communique", "report", "broadcast", "bulletin"}


def speaker_part(tok, trigger) -> bool:
    """A name inside the subject of a reporting verb other than the trigger, or after 'according to' or
    'a statement by': who told of the event, not whom it was aimed at."""
    child = tok
    for head in tok.ancestors:
        if head.i == trigger.i:
            return False
        if child.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lx.word_class("say"):
            return True
        if child.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if child.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in _STATEMENTS:
            return True
        child = head
    return False


def aux_lemmas(verb) -> set[str]:
    words = {k.lower_ for k in verb.children if k.dep_ in ("aux", "auxpass")}
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and verb.head.head is not None:
        words.add("must")
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
        words.add("will")
    return words


def speaker_of(verb):
    """The subject of the reporting verb a clause hangs from ('Russia said that Sudan must ...'), or of the
    verb whose speech-noun object the clause spells out ('issued a reminder to Iraq that it must ...')."""
    head = reporting_verb(verb)
    return subject_of(head)[0] if head is not None else None


def reporting_verb(verb):
    tok = verb
    for _ in range(3):
        if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.lemma_.lower() in lx.word_class("speechnoun"):
            return tok.head.head
        if tok.dep_ != "ccomp" or tok.head.i == tok.i:
            return None
        head = tok.head
        if head.lemma_.lower() in lx.word_class("say") or head.lemma_.lower() in ("remind", "issue"):
            return head
        tok = head
    return None


def addressees(verb) -> list:
    """Whom a reporting verb speaks to: 'told Iraq', 'issued a reminder to Iraq', 'warned Syria that ...'."""
    if verb is None:
        return []
    out = []
    for k in verb.children:
        if k.dep_ == "dative":
            out += [p for p in k.children if p.dep_ == "pobj"] if k.pos_ == "ADP" else [k]
        elif k.dep_ == "dobj" and k.lemma_.lower() not in lx.word_class("speechnoun"):
            out.append(k)
    return out + pobjs(verb, ("to",))


def sentences(doc):
    """spaCy's sentences, cut again at line breaks: a headline or caption is never part of the next sentence."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    yield doc[start:tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def _for_gerund_agent(tok):
    """'police arrested the husband for killing his wife', 'the UN criticised Israel for attacking Gaza':
    the doer of a gerund after 'for' is the one the main verb acts on (its object, or its passive
    subject), not the main verb's subject."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.lower_ != "for":
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.i == tok.head.i:
        return None
    for k in verb.children:
        if k.dep_ in ("dobj", "nsubjpass") and k.i < tok.i:
            return k
    return None
