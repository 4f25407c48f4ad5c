"""Negation and the PLOVER manual's auxiliary modes (future, hypothetical, negation) applied to a trigger."""

from __future__ import annotations

from eventwire.events import lexicon as lx
from eventwire.events.parse import (
    CONDITIONAL, FUTURE, OBLIGATION, POSSIBLE, addressees, aux_lemmas, reporting_verb, speaker_of,
)
from eventwire.events.roles import COOPERATIVE
from eventwire.events.tables import lookup
from eventwire.events.triggers import Found

_NOBODY = {"nobody", "none", "noone"}
_VERBAL_CONFLICT = ("REQUEST", "ACCUSE", "REJECT")


def _negation(verb) -> str | None:
    """'not'/'never' on the clause, or a 'no one' subject on it or on a clause it is embedded in."""
    own = _own_negation(verb)
    if own:
        return own
    if _denied_by_noun(verb):
        return "neg"
    tok = verb
    for _ in range(5):
        if tok.dep_ not in ("acl", "pcomp", "pobj", "prep", "xcomp", "dobj", "relcl") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if _own_negation(tok) == "nobody":
            return "nobody"
    return None


def _denied_by_noun(verb) -> bool:
    """'no evidence that any detainee was tortured', 'no sign that troops had withdrawn': a clause on a
    noun of evidence that the sentence denies ('no', 'not any', 'little') did not happen, as far as it says."""
    head = verb.head
    if verb.dep_ not in ("acl", "ccomp") or head.i == verb.i or head.lemma_.lower() not in lx.word_class("evidencenoun"):
        return False
    return any(k.dep_ in ("det", "neg", "amod") and k.lower_ in ("no", "not", "little", "scant") for k in head.children) \
        or _own_negation(head.head) == "neg"


def _own_negation(verb) -> str | None:
    for k in verb.children:
        if k.dep_ == "neg" or (k.dep_ == "advmod" and k.lower_ == "never"):
            return "neg"
        if k.dep_ in ("nsubj", "nsubjpass"):
            if k.lower_ in _NOBODY or any(d.lower_ == "no" and d.dep_ == "det" for d in k.children):
                return "nobody"
    return None


def _intent_governor(verb) -> bool:
    """'is willing to send', 'plans to visit': the clause is an intention, not an act."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i == verb.i:
        return False
    return head.lemma_.lower() in lx.word_class("intentverb") or head.lower_ in lx.word_class("intentadj")


def apply_modality(hit: Found) -> bool:
    """Apply negation and the auxiliary modes; False drops the trigger ('no one is discussing')."""
    verb = hit.clause
    neg = _negation(verb)
    if neg == "nobody":
        return False
    plover = lookup(hit.cameo).plover
    aux = aux_lemmas(verb)
    speaker = speaker_of(verb)
    if neg is None and verb.dep_ == "xcomp" and verb.head.lower_ in lx.word_class("negadj"):
        hit.negated = True  # "reluctant to discuss": not a consultation, not a refusal either
        hit.aux.append("negation")
        return True
    if neg == "neg":
        if plover in COOPERATIVE and hit.role != "recv":
            hit.cameo, hit.aux = "120", hit.aux + ["negation"]
        else:
            hit.negated = True
            hit.aux.append("negation")
        return True
    future = bool(aux & FUTURE) or ("would" in aux and speaker is not None) or _intent_governor(verb)
    intent, threat = lx.shifts().get(plover or "", (None, None))
    if future and (intent or threat) and hit.role != "recv":
        hit.cameo = intent or threat or hit.cameo
        hit.aux.append("future")
    elif aux & POSSIBLE and threat:
        hit.cameo = threat
        hit.aux.append("future")
    elif aux & OBLIGATION and speaker is not None and (hit.role == "oblig" or plover not in _VERBAL_CONFLICT):
        told = addressees(reporting_verb(verb))  # "told Iraq that it must": 'it' is the one told
        pronoun = any(t.pos_ == "PRON" for t in hit.source)
        hit.target = told + hit.source if pronoun else hit.source + told
        hit.source = [speaker]
        hit.cameo = "100"
    if _hypothetical(verb):
        hit.hypothetical = True
        hit.aux.append("hypothetical")
    return True


def _hypothetical(verb) -> bool:
    tok = verb
    for _ in range(6):
        aux = aux_lemmas(tok)
        if aux & POSSIBLE:
            return True
        if any(k.dep_ == "mark" and k.lower_ in CONDITIONAL for k in tok.children):
            return True
        if tok.dep_ in ("relcl", "acl") and "would" in aux:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
