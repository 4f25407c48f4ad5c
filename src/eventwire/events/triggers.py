"""Finding triggers: a verb whose lexicon cue holds, an event noun after a light verb, a free-standing event noun."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.events import lexicon as lx
from eventwire.events.parse import (
    OBLIGATION, aux_lemmas, complement_of, lemmas, objects_of, pobjs, speaker_of, trailing_report, unquantify,
    verb_like_root,
)
from eventwire.events.tables import lookup


@dataclass
class Found:
    """One trigger before it becomes an `Event`."""

    trigger: Any  # the token that carries the event (verb or noun)
    cameo: str
    role: str
    clause: Any  # the verb whose subject, negation and modality apply
    nominal: bool = False
    figurative: bool = False
    source: list = field(default_factory=list)  # candidate tokens, best first
    target: list = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    aux: list[str] = field(default_factory=list)  # auxiliary-mode contexts: future, hypothetical, negation
    noun_role: str = ""  # for nominal events: agentive, patient, request, light
    inner: list = field(default_factory=list)  # target candidates from a folded complement
    source_fallback: list = field(default_factory=list)  # tried only when no source candidate names an actor
    towns: list = field(default_factory=list)  # positions of the places it happened in (targets of last resort)
    folded: bool = False  # a coded complement was folded in ("agreed to impose sanctions on X")


def _lexicon_entries(table: dict[str, list], tok) -> list:
    for lemma in lemmas(tok):
        if lemma in table:
            return table[lemma]
    return []


def verb_event(tok) -> Found | None:
    if tok.pos_ == "NOUN" and not verb_like_root(tok):
        return None
    if tok.dep_ == "amod" and tok.head.pos_ == "NOUN":
        return None  # a participle naming a state, not an act: 'the banned substance', 'the disputed region'
    if tok.dep_ == "amod" and tok.head.pos_ == "PROPN" and tok.i < tok.head.i:
        return None
    entry = _match(_lexicon_entries(lx.verbs(), tok), tok)
    if entry is None or not entry.cameo:
        return None
    if entry.figurative and lookup(entry.cameo).quad_class == 4 and not _concrete_objects(tok):
        return None  # "attacked the legislation", "struck a deal", "drought killed crops"
    return Found(tok, _spoken_protest(tok, entry.cameo), entry.role, tok, figurative=entry.figurative)


def _spoken_protest(tok, cameo: str) -> str:
    """'protested that the authorities were failing', '..., a rights group protested': a protest that
    reports speech is an official complaint (CAMEO 114, PLOVER ACCUSE), not a demonstration."""
    if not cameo.startswith("14") or tok.lemma_.lower() not in lx.word_class("complain"):
        return cameo
    if any(k.dep_ == "ccomp" for k in tok.children) or trailing_report(tok) or _addressed(tok):
        return "114"
    return cameo


def _addressed(tok) -> bool:
    """'protested to Ankara over ...': a protest addressed to a named party is a note, not a demonstration."""
    return any(p.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") for p in pobjs(tok, ("to",)))


#: Verbs that deliver a protest to someone: 'lodged a protest with Moscow' is CAMEO 114, complain officially.
_NOTE_VERBS = {"lodge", "file", "deliver", "register", "send", "hand", "issue"}


_ABSTRACT = lx.word_class("proposal") | lx.word_class("document") | lx.word_class("rule") | lx.word_class("market")


def _concrete_objects(tok) -> bool:
    """True when the verb has no object, or one that can be hurt or taken: people, forces, places, property."""
    objs = [k for k in tok.children if k.dep_ in ("dobj", "nsubjpass")]
    if not objs or pobjs(tok, ("at", "on", "upon", "against")):
        return True
    words = lx.word_class("person") | lx.word_class("person_more") | lx.word_class("troops") \
        | lx.word_class("property") | lx.word_class("target")
    for obj in (unquantify(o) for o in objs):
        if obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or obj.pos_ in ("PRON", "NUM"):
            return True
        if any(k.dep_ in ("amod", "compound") and k.ent_type_ in ("NORP", "GPE") for k in obj.children) \
                and not any(lemma in _ABSTRACT for lemma in lemmas(obj)):
            return True  # "Pakistani intruders", "a Norwegian tanker"; not "the American proposal"
        if any(lemma in words or lemma in _role_words() for lemma in lemmas(obj)):
            return True  # the role words of the actor dictionaries: 'shopkeeper', 'constable', 'bondholder'
        if obj.tag_ == "NNPS" and any(k.dep_ == "nummod" for k in obj.children):
            return True  # 'two Naxalites were killed': a counted group of named people
    return False


#: Endings of words for people ('shopkeeper', 'constable' aside): the actor dictionaries' role words also
#: hold groups and places ('company', 'town', 'website'), which no one shoots dead.
_PERSON_ENDINGS = ("er", "or", "ist", "man", "men", "ee", "ant", "ent", "ian", "eer", "ier", "ess", "ive")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Single-word role words of the actor dictionaries that name a person: 'shopkeeper', 'bondholder'."""
    from eventwire.knowledge.lexicon import sector_terms

    return frozenset(t for t in sector_terms() if t.isalpha() and t.endswith(_PERSON_ENDINGS)
                     and not t.endswith("ment") and t not in lx.word_class("role_not_person")) \
        | lx.word_class("role_person")


def obligation_event(tok) -> Found | None:
    """'Russia said Sudan must return the helicopter': a demand by the speaker, whatever the verb."""
    if aux_lemmas(tok) & OBLIGATION and speaker_of(tok) is not None:
        return Found(tok, "100", "oblig", tok)
    return None


def light_event(tok) -> Found | None:
    """'held talks with', 'imposed a curfew', 'resorted to throwing': the noun names the event."""
    light = lx.word_class("light")
    if not any(lemma in light for lemma in lemmas(tok)):
        return None
    for obj in objects_of(tok) + pobjs(tok, ("in", "to", "into")):  # "engaged in a clash", "resorted to"
        for noun in [obj] + [k for k in obj.children if k.dep_ == "compound"]:  # "undertook a mediation mission"
            if noun.ent_type_ in ("DATE", "TIME"):
                continue  # "held since March": a month, not a march
            entry = _match(lx.nouns().get(noun.lemma_.lower(), []), noun)
            if entry is not None:
                cameo = entry.cameo
                if cameo.startswith("14") and noun.lemma_.lower() == "protest" and tok.lemma_.lower() in _NOTE_VERBS:
                    cameo = "114"
                return Found(noun, cameo, "light", tok, nominal=True, noun_role=entry.role)
    return None


def noun_event(tok) -> Found | None:
    if tok.ent_type_ in ("DATE", "TIME") or not (tok.text[:1].islower() or _sentence_initial_noun(tok)):
        return None
    entry = _match(lx.nouns().get(tok.lemma_.lower(), []), tok)
    if entry is None or (entry.role == "light" and not occurred(tok)):
        return None
    return Found(tok, entry.cameo, entry.role, tok, nominal=True, noun_role=entry.role)


def occurred(tok) -> bool:
    """'Clashes left five dead', 'riots broke out in several towns', 'fighting erupted': a clash, riot or
    protest said to have happened is an event even when no party is named (ACLED reports them so); only
    for violence and protest, not 'talks resumed' or 'a patrol hit a mine'."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_.lower() not in lx.word_class("occurverb"):
        return False
    entry = _match(lx.nouns().get(tok.lemma_.lower(), []), tok)
    code = lookup(entry.cameo) if entry is not None else None
    return code is not None and code.plover in ("ASSAULT", "PROTEST")


def _sentence_initial_noun(tok) -> bool:
    """'Talks between ... resumed': a capital at the start of a sentence says nothing of a name (mid-line
    capitals do: 'Awami League'); headlines, where every word is capitalised, stay out."""
    if tok.pos_ != "NOUN" or not tok.is_sent_start:
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3 and t.pos_ != "PROPN" and t.i != tok.i]
    return bool(words) and sum(t.text[0].isupper() for t in words) <= len(words) / 2


def _match(entries: list[lx.Entry], tok) -> lx.Entry | None:
    """The most specific entry whose cues all hold (file order breaks ties)."""
    best, best_n = None, -1
    for entry in entries:
        if all(_cue_holds(c, tok) for c in entry.cues) and len(entry.cues) > best_n:
            best, best_n = entry, len(entry.cues)
    return best


def _cue_holds(cue: lx.Cue, tok) -> bool:
    kids = list(tok.children)
    if cue.kind == "prt":
        ok = any(k.dep_ == "prt" and k.lower_ in cue.words for k in kids)
    elif cue.kind == "prep":
        ok = any(k.dep_ in ("prep", "agent", "dative") and k.lower_ in cue.words and k.i > tok.i for k in kids)
    elif cue.kind == "adv":
        ok = any(k.dep_ in ("advmod", "acomp", "oprd", "dobj", "npadvmod") and k.lower_ in cue.words for k in kids)
    elif cue.kind == "xcomp":
        ok = complement_of(tok) is not None
    elif cue.kind == "noobj":
        ok = not objects_of(tok)
    elif cue.kind == "nodobj":  # "demonstrated in Jakarta" (no thing shown): a place after it is no object
        ok = not any(k.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "attr") for k in kids)
    elif cue.kind == "obj":
        objs = objects_of(tok)
        objs += [k for o in objs for k in o.children if k.dep_ == "compound"]  # "halt mediation efforts"
        ok = any(_lemma_in(o, cue.words) for o in objs)
        if cue.negated:
            return not ok
    elif cue.kind == "of":
        ok = any(_lemma_in(o, cue.words) for o in pobjs(tok, ("of",)))
    elif cue.kind == "advcl":
        ok = any(k.dep_ in ("advcl", "xcomp", "conj") and any(l in cue.words for l in lemmas(k)) for k in kids)
    elif cue.kind == "mod":
        ok = any(k.dep_ in ("compound", "amod") and k.lower_ in cue.words for k in kids)
    else:
        ok = False
    return not ok if cue.negated else ok


def _lemma_in(tok, words: frozenset[str]) -> bool:
    if tok.lemma_.lower() in words or tok.lower_ in words:
        return True
    # @person also holds for a PERSON name and for the actor dictionaries' role words ('shopkeeper')
    return "person" in words and (tok.ent_type_ == "PERSON" or tok.lemma_.lower() in _role_words())
