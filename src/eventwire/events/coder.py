"""Dependency-parse event coder: lexicon triggers, their actors from the parse, then negation and modality.

One pass per sentence:
1. triggers: verbs whose lexicon cue holds ("send" + troops), event nouns after a light verb
   ("held talks", "imposed a curfew") and free-standing event nouns with an actor ("the killing of Z",
   "X's criticism of Y");
2. frames fold their complement in: "refused to meet" is one REJECT, "promised to send aid" one AGREE,
   "stopped short of supporting" one REJECT;
3. roles: subject → source, object / with-, against-, to-phrase → target; passives swap ("was arrested
   by"); "receive ... from" inverts; a controlled complement borrows its governor's subject;
4. modality per the PLOVER manual's auxiliary modes: a cooperative act stated as future or intent is
   AGREE, a violent one stated as future or possible is THREATEN, "X must do Y" in reported speech is
   a REQUEST by the speaker, "may"/"if" makes an event hypothetical; a negated cooperative act by an
   actor is a REJECT, "no one is discussing" is no event at all.
Every decision reads the parse and the lexicon files; nothing here knows a particular sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwire.events import lexicon as lx
from eventwire.events.tables import lookup
from eventwire.records import Document, Event, Span

Resolver = Callable[[str], tuple[str | None, str | None]]

_FUTURE = {"will", "shall", "'ll", "wo"}
_POSSIBLE = {"may", "might", "could"}
_OBLIGATION = {"must", "should", "ought"}
_CONDITIONAL = {"if", "unless", "whether"}
_NOBODY = {"nobody", "none", "noone"}
_PRONOUN_PERSON = {"he", "she", "him", "her"}
_PRONOUN_GROUP = {"they", "them", "it", "we", "us", "its", "their"}
_TARGET_PREPS = ("with", "against", "to", "on", "into", "upon", "toward", "towards", "over", "for")
_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
_MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
_NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass
class _Found:
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


class Coder:
    """Codes the events of one parsed document; `resolve` maps a noun phrase to (country, sector)."""

    def __init__(self, resolve: Resolver | None = None, actor_at: Callable | None = None):
        self.resolve = resolve or _default_resolver()
        self.actor_at = actor_at

    def __call__(self, document: Document, doc) -> list[Event]:
        sport_doc = _sport_share(doc) >= 0.2
        events: list[Event] = []
        self._recent: dict[str, Any] | None = None
        for sent in sentences(doc):
            sporty = sport_doc or _has_class(sent, "sport")
            for found in self.sentence(sent):
                event = self.to_event(found, document, doc, sent)
                if event is not None and not _figurative(found, event, sporty):
                    events.append(event)
                    if event.source and event.source.get("country"):
                        self._recent = event.source
        return events

    # -- triggers --------------------------------------------------------------

    def sentence(self, sent) -> list[_Found]:
        found: dict[int, _Found] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or _verb_like_root(tok):
                hit = _verb_event(tok) or _light_event(tok) or _obligation_event(tok)
                if hit:
                    found[tok.i] = hit
                    consumed.update(t.i for t in _objects(tok))
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed and tok.i not in found:
                hit = _noun_event(tok)
                if hit:
                    found[tok.i] = hit
        for hit in list(found.values()):
            if hit.role in ("frame", "intent", "neg"):
                _fold_complement(hit, found)
        _fold_protest_demands(found)
        out = []
        for hit in found.values():
            if hit.role == "folded":
                continue
            _roles(hit)
            if not _modality(hit):
                continue
            out.append(hit)
        return out

    # -- events ------------------------------------------------------------------

    def to_event(self, hit: _Found, document: Document, doc, sent) -> Event | None:
        code = lookup(hit.cameo)
        if code.plover is None:
            return None
        source = self.actor(hit.source, document, doc)
        target = self.actor(hit.target, document, doc)
        if hit.nominal and hit.role != "light":
            needed = target if hit.noun_role == "patient" else source
            if not _has_identity(needed):
                return None  # a free-standing event noun needs its agent (or, for "killing of", its victim)
        if source and target and (source == target or source["start"] == target["start"]):
            target = None
        source, target = _domestic(source, target)
        context = list(code.context) + [a for a in hit.aux if a not in code.context]
        trig = hit.trigger
        return Event(
            plover=code.plover, cameo=hit.cameo, goldstein=code.goldstein, quad_class=code.quad_class,
            mode=code.mode, negated=hit.negated, source=source, target=target,
            date=resolve_date(sent.text, document.date), location=_location(document, sent, trig),
            sentence=sent.text, start=sent.start_char, end=sent.end_char,
            confidence=_confidence(hit, source, target), context=context, hypothetical=hit.hypothetical,
            verb=Span(trig.idx, trig.idx + len(trig.text), trig.text),
        )

    def actor(self, candidates: list, document: Document, doc) -> dict[str, Any] | None:
        """The first candidate with a country, else the first with a sector ('a general strike' is MIL-less,
        'army reservists' has a sector but 'Iraq' after it has the country)."""
        fallback = None
        for tok in candidates:
            found = self._actor(tok, document, doc)
            if found is not None and found.get("country"):
                return found
            fallback = fallback or found
        return fallback

    def _actor(self, tok, document: Document, doc) -> dict[str, Any] | None:
        """The actor a role token names: the phrase, its possessor or of-phrase, or a pronoun's antecedent."""
        if tok is None or tok.ent_type_ in _NOT_ACTORS:
            return None
        if tok.tag_ in ("PRP", "PRP$") and tok.lower_ in _PRONOUN_PERSON | _PRONOUN_GROUP:
            ante = _antecedent(tok, doc)
            if ante is not None and ante.i != tok.i:
                return self._actor(ante, document, doc)
            return getattr(self, "_recent", None) if tok.lower_ in _PRONOUN_GROUP else None
        found: dict[str, Any] | None = None
        for span in _candidate_spans(tok):
            country, sector = self._lookup(span, document)
            if found is None and (country or sector):
                found = {"name": span.text, "country": country, "sector": sector,
                         "start": span.start_char, "end": span.end_char}
            elif found is not None and country and not found["country"]:
                found["country"] = country  # "opposition groups in Zimbabwe": the head's role, the phrase's country
            if found is not None and found["country"]:
                break
        return found

    def _lookup(self, span, document: Document) -> tuple[str | None, str | None]:
        if self.actor_at is not None:
            actor = self.actor_at(document, span.start_char, span.end_char)
            if actor is not None and actor.country:
                return actor.country, actor.sector
        return self.resolve(span.text)


# -- trigger helpers -------------------------------------------------------------------


def lemmas(tok) -> list[str]:
    """The lemma, then crude stems of the word: the small model's lemmatizer sometimes slips ('staged' → 'stag')."""
    word = tok.lower_
    out = [tok.lemma_.lower(), word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return out


def _lexicon_entries(table: dict[str, list], tok) -> list:
    for lemma in lemmas(tok):
        if lemma in table:
            return table[lemma]
    return []


def _verb_event(tok) -> _Found | None:
    if tok.pos_ == "NOUN" and not _verb_like_root(tok):
        return None
    entry = _match(_lexicon_entries(lx.verbs(), tok), tok)
    if entry is None or not entry.cameo:
        return None
    if entry.figurative and lookup(entry.cameo).quad_class == 4 and not _concrete_objects(tok):
        return None  # "attacked the legislation", "struck a deal", "drought killed crops"
    return _Found(tok, entry.cameo, entry.role, tok, figurative=entry.figurative)


def _concrete_objects(tok) -> bool:
    """True when the verb has no object, or one that can be hurt or taken: people, forces, places, property."""
    objs = [k for k in tok.children if k.dep_ in ("dobj", "nsubjpass")]
    if not objs or _pobjs(tok, ("at", "on", "upon", "against")):
        return True
    words = lx.word_class("person") | lx.word_class("troops") | lx.word_class("property") | lx.word_class("target")
    for obj in (_unquantify(o) for o in objs):
        if obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") or obj.pos_ in ("PRON", "NUM"):
            return True
        if any(lemma in words for lemma in lemmas(obj)):
            return True
    return False


def _obligation_event(tok) -> _Found | None:
    """'Russia said Sudan must return the helicopter': a demand by the speaker, whatever the verb."""
    if _aux_lemmas(tok) & _OBLIGATION and _speaker(tok) is not None:
        return _Found(tok, "100", "oblig", tok)
    return None


def _verb_like_root(tok) -> bool:
    """Headlines and captions ('Calderon balks at ...') often get their verb tagged as a plural noun."""
    return (tok.dep_ == "ROOT" and tok.tag_ == "NNS" and any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in tok.lefts)
            and any(k.dep_ == "prep" for k in tok.rights))


def _light_event(tok) -> _Found | None:
    """'held talks with', 'imposed a curfew', 'resorted to throwing': the noun names the event."""
    light = lx.word_class("light")
    if not any(lemma in light for lemma in lemmas(tok)):
        return None
    for obj in _objects(tok) + _pobjs(tok, ("in", "to", "into")):  # "engaged in a clash", "resorted to"
        for noun in [obj] + [k for k in obj.children if k.dep_ == "compound"]:  # "undertook a mediation mission"
            entry = _match(lx.nouns().get(noun.lemma_.lower(), []), noun)
            if entry is not None:
                return _Found(noun, entry.cameo, "light", tok, nominal=True, noun_role=entry.role)
    return None


def _noun_event(tok) -> _Found | None:
    if tok.ent_type_ in ("DATE", "TIME") or not tok.text[:1].islower():
        return None
    entry = _match(lx.nouns().get(tok.lemma_.lower(), []), tok)
    if entry is None or entry.role == "light":
        return None
    return _Found(tok, entry.cameo, entry.role, tok, nominal=True, noun_role=entry.role)


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
        ok = any(k.dep_ in ("prep", "agent", "dative") and k.lower_ in cue.words for k in kids)
    elif cue.kind == "adv":
        ok = any(k.dep_ in ("advmod", "acomp", "oprd", "dobj", "npadvmod") and k.lower_ in cue.words for k in kids)
    elif cue.kind == "xcomp":
        ok = _complement(tok) is not None
    elif cue.kind == "noobj":
        ok = not _objects(tok)
    elif cue.kind == "obj":
        objs = _objects(tok)
        objs += [k for o in objs for k in o.children if k.dep_ == "compound"]  # "halt mediation efforts"
        ok = any(_lemma_in(o, cue.words) for o in objs)
        if cue.negated:
            return not ok
    elif cue.kind == "of":
        ok = any(_lemma_in(o, cue.words) for o in _pobjs(tok, ("of",)))
    elif cue.kind == "advcl":
        ok = any(k.dep_ in ("advcl", "xcomp", "conj") and any(l in cue.words for l in lemmas(k)) for k in kids)
    elif cue.kind == "mod":
        ok = any(k.dep_ in ("compound", "amod") and k.lower_ in cue.words for k in kids)
    else:
        ok = False
    return not ok if cue.negated else ok


def _lemma_in(tok, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words or (tok.ent_type_ == "PERSON" and "person" in words)


def _objects(tok) -> list:
    """Direct objects (with their conjuncts), passive subjects, and for prepositional verbs the first pobj."""
    objs = [k for k in tok.children if k.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not objs:
        objs = [p for k in tok.children if k.dep_ in ("prep", "prt") for p in k.children if p.dep_ in ("pobj", "pcomp")][:1]
    objs = [_unquantify(o) for o in objs]
    return objs + [c for o in objs for c in o.conjuncts]


def _pobjs(tok, preps: tuple[str, ...]) -> list:
    return [p for k in tok.children if k.dep_ in ("prep", "agent") and k.lower_ in preps
            for p in k.children if p.dep_ == "pobj"]


def _complement(tok):
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


def _fold_complement(hit: _Found, found: dict[int, _Found]) -> None:
    comp = _complement(hit.trigger)
    inner = found.get(comp.i) if comp is not None else None
    if inner is None or inner.role == "folded":
        if hit.role == "neg" or (hit.role == "intent" and hit.cameo in ("", "-")):
            hit.role = "folded"  # "failed to" alone is not an event
        elif comp is not None:  # "demanded that Hamas renounce ...": Hamas is the one asked
            hit.target += [k for k in comp.children if k.dep_ in ("nsubj", "nsubjpass", "dobj")]
            hit.target += [t for t in _verb_targets(comp) if t not in hit.target]
        return
    plover = lookup(inner.cameo).plover
    inner_targets = _inner_targets(inner)
    inner.role = "folded"
    if hit.role == "neg":
        if plover in _COOPERATIVE:
            hit.cameo, hit.role, hit.target = "120", "act", inner_targets
        else:
            inner.role, inner.negated = "act", True  # "failed to attack": a negated attack
            hit.role = "folded"
        return
    if hit.role == "intent":
        intent, threat = lx.shifts().get(plover or "", (None, None))
        hit.cameo = intent or threat or inner.cameo
        if threat and not intent:
            hit.aux.append("future")
    hit.target = hit.target + [t for t in inner_targets if t not in hit.target]


def _fold_protest_demands(found: dict[int, _Found]) -> None:
    """'staged a protest, demanding the release of ...': per the PLOVER manual a demand made by
    demonstrating is the PROTEST, not a separate REQUEST (it becomes the protest's context); the same
    holds for a demand voiced by rioting or fighting ('clashed with police, demanding ...')."""
    protests = [h for h in found.values() if h.role != "folded"
                and (lookup(h.cameo).plover == "PROTEST" or lookup(h.cameo).quad_class == 4)]
    for hit in found.values():
        if hit.role == "folded" or lookup(hit.cameo).plover not in ("REQUEST", "ACCUSE"):
            continue
        for protest in protests:
            if protest.clause in hit.clause.ancestors or protest.clause in _clause_chain(hit.clause):
                hit.role = "folded"
                protest.aux.append("demand")
                break


def _clause_chain(verb) -> list:
    """Clauses linked to this one by coordination: 'staged a protest ... and demanded'."""
    return [verb.head] + list(verb.conjuncts) if verb.dep_ == "conj" else list(verb.conjuncts)


# -- roles -------------------------------------------------------------------------------
# `source` and `target` are candidate lists, best first; the first that names an actor wins.


def _roles(hit: _Found) -> None:
    if hit.role == "folded":
        return
    if hit.nominal and hit.clause is hit.trigger:
        _noun_roles(hit)
        return
    verb = hit.clause
    subj, passive = _subject(verb)
    if passive:
        hit.source = _pobjs(verb, ("by",))
        hit.target = [subj] + hit.target if subj is not None else hit.target
    else:
        hit.source = [subj] if subj is not None else []
    if hit.role == "recv":
        givers = [t for t in (_first_in_subtree(verb, ("from",)),) if t is not None] + _pobjs(verb, ("by",))
        hit.target, hit.source = hit.source, givers
        return
    if hit.nominal:  # light verb: the noun's own with/against/of-phrase first, then the verb's
        hit.target = hit.target + _noun_targets(hit.trigger, hit.noun_role) + _verb_targets(verb, exclude=hit.trigger)
    else:
        hit.target = hit.target + _verb_targets(verb)
    hit.target += _clause_names(verb, hit.source)


def _clause_names(verb, sources: list) -> list:
    """Last resort: named polities and organisations inside the clause, outside the source, nearest
    after the verb first ('threatened to launch an offensive in its war with Iraq')."""
    taken = {t.i for s in sources if s is not None for t in s.subtree}
    inside = {t.i for t in verb.subtree}
    names = [e.root for e in verb.doc.ents if e.label_ in ("GPE", "NORP", "ORG")
             and e.root.i in inside and e.root.i not in taken]
    return sorted(names, key=lambda t: (t.i < verb.i, abs(t.i - verb.i)))


def _noun_roles(hit: _Found) -> None:
    noun = hit.trigger
    owners = [k for k in noun.children if k.dep_ == "poss"]
    mods = [k for k in noun.children if k.dep_ in ("compound", "amod", "nmod") and k.pos_ in ("PROPN", "ADJ", "NOUN")]
    by = _pobjs(noun, ("by",))
    if hit.noun_role == "patient":
        hit.target = _pobjs(noun, ("of",)) + owners + mods
        hit.source = by
    else:
        hit.source = owners + by + mods
        hit.target = _noun_targets(noun, hit.noun_role)


def _noun_targets(noun, role: str) -> list:
    if role == "request":
        return [t for t in (_first_in_subtree(noun, ("from", "to")),) if t is not None]
    return _pobjs(noun, ("of", "on", "against", "with", "to", "into"))


def _first_in_subtree(tok, preps: tuple[str, ...]):
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in preps:
            for p in t.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _verb_targets(verb, exclude=None) -> list:
    out = [k for k in verb.children if k.dep_ in ("dobj", "dative", "attr") and k is not exclude and k.pos_ != "VERB"]
    for prep in _TARGET_PREPS:
        out += _pobjs(verb, (prep,))
    for k in verb.children:
        if k.dep_ in ("dobj", "xcomp"):
            inner = _first_in_subtree(k, _TARGET_PREPS)
            if inner is not None:
                out.append(inner)
    # last resort: the place it happened, when that place is a polity ("imposed a curfew in Algiers")
    out += [p for p in _pobjs(verb, ("in",)) if p.ent_type_ == "GPE"]
    return [_unquantify(t) for t in out]


def _inner_targets(hit: _Found) -> list:
    """Targets of a folded complement: its own, else its subject ('demanded that Hamas renounce')."""
    _roles(hit)
    own = list(hit.target)
    if hit.clause.dep_ == "ccomp" or hit.clause.dep_ == "xcomp" and hit.source:
        own += [s for s in hit.source if s.dep_ in ("nsubj", "dobj", "dative")]
    return own


def _unquantify(tok):
    """'thousands of troops' → troops: a quantity head hands over to its of-phrase."""
    if tok.pos_ == "NUM" or tok.lemma_.lower() in lx.word_class("quantity"):
        inner = _pobjs(tok, ("of",))
        if inner:
            return inner[0]
    return tok


def _subject(verb) -> tuple[Any, bool]:
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
    if _verb_like_root(verb):
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
                adjectival = tok.lower_ in lx.word_class("adjpassive") and not _pobjs(tok, ("by",))
                return k, not adjectival  # "Israel is opposed to": Israel opposes
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in lx.word_class("objcontrol"):
            obj = next((k for k in tok.head.children if k.dep_ in ("dobj", "dative")), None)
            if obj is not None:
                return obj, False
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return (tok.head, tok.tag_ == "VBN")
        if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "acomp", "ccomp") and tok.head is not tok:
            if tok.dep_ == "ccomp":
                return None, False
            tok = tok.head
            continue
        break
    return None, False


# -- modality and negation --------------------------------------------------------------


def _aux_lemmas(verb) -> set[str]:
    words = {k.lower_ for k in verb.children if k.dep_ in ("aux", "auxpass")}
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "have" and verb.head.head is not None:
        words.add("must")
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "go" and verb.head.tag_ == "VBG":
        words.add("will")
    return words


def _negation(verb) -> str | None:
    """'not'/'never' on the clause, or a 'no one' subject on it or on a clause it is embedded in."""
    own = _own_negation(verb)
    if own:
        return own
    tok = verb
    for _ in range(5):
        if tok.dep_ not in ("acl", "pcomp", "pobj", "prep", "xcomp", "dobj", "relcl") or tok.head is tok:
            return None
        tok = tok.head
        if _own_negation(tok) == "nobody":
            return "nobody"
    return None


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
    if verb.dep_ != "xcomp" or head is verb:
        return False
    return head.lemma_.lower() in lx.word_class("intentverb") or head.lower_ in lx.word_class("intentadj")


def _modality(hit: _Found) -> bool:
    """Apply negation and the auxiliary modes; False drops the trigger ('no one is discussing')."""
    verb = hit.clause
    neg = _negation(verb)
    if neg == "nobody":
        return False
    plover = lookup(hit.cameo).plover
    aux = _aux_lemmas(verb)
    speaker = _speaker(verb)
    if neg is None and verb.dep_ == "xcomp" and verb.head.lower_ in lx.word_class("negadj"):
        hit.negated = True  # "reluctant to discuss": not a consultation, not a refusal either
        hit.aux.append("negation")
        return True
    if neg == "neg":
        if plover in _COOPERATIVE and hit.role != "recv":
            hit.cameo, hit.aux = "120", hit.aux + ["negation"]
        else:
            hit.negated = True
            hit.aux.append("negation")
        return True
    future = bool(aux & _FUTURE) or ("would" in aux and speaker is not None) or _intent_governor(verb)
    intent, threat = lx.shifts().get(plover or "", (None, None))
    if future and (intent or threat) and hit.role != "recv":
        hit.cameo = intent or threat or hit.cameo
        hit.aux.append("future")
    elif aux & _POSSIBLE and threat:
        hit.cameo = threat
        hit.aux.append("future")
    elif aux & _OBLIGATION and speaker is not None and (hit.role == "oblig" or plover not in ("REQUEST", "ACCUSE", "REJECT")):
        hit.target = hit.source
        hit.source = [speaker]
        hit.cameo = "100"
    if _hypothetical(verb):
        hit.hypothetical = True
        hit.aux.append("hypothetical")
    return True


def _speaker(verb):
    """The subject of the reporting verb a clause hangs from ('Russia said that Sudan must ...')."""
    tok = verb
    for _ in range(3):
        if tok.dep_ != "ccomp" or tok.head is tok:
            return None
        head = tok.head
        if head.lemma_.lower() in lx.word_class("say") or head.lemma_.lower() in ("remind", "issue"):
            subj, _ = _subject(head)
            return subj
        tok = head
    return None


def _hypothetical(verb) -> bool:
    tok = verb
    for _ in range(6):
        aux = _aux_lemmas(tok)
        if aux & _POSSIBLE:
            return True
        if any(k.dep_ == "mark" and k.lower_ in _CONDITIONAL for k in tok.children):
            return True
        if tok.dep_ in ("relcl", "acl") and "would" in aux:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


# -- actors ------------------------------------------------------------------------------


def _candidate_spans(tok):
    """Phrases to try, most specific first: the noun phrase, its possessor/modifiers, its of-phrase."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].dep_ in ("det", "punct", "cc", "predet"):
        start += 1
    while any(t.is_space and "\n" in t.text for t in doc[start:tok.i]):
        start += 1
    end = tok.i + 1
    for k in tok.rights:  # multiword names the parser split: "Sinaloa and Gulf" stays out, "Jr." in
        if k.dep_ in ("compound", "flat", "appos") and k.pos_ == "PROPN":
            end = k.right_edge.i + 1
    yield doc[start:end]
    for k in tok.children:
        if k.dep_ in ("poss", "compound", "amod", "nmod") and k.i < tok.i:
            yield doc[k.left_edge.i:k.i + 1]
    for p in _pobjs(tok, ("of", "in", "from")):
        yield from _candidate_spans(p)
    for k in tok.children:
        if k.dep_ == "appos":
            yield doc[k.left_edge.i:k.right_edge.i + 1]


def _antecedent(tok, doc):
    """A pronoun's referent: the governing speaker for reported speech, else the nearest earlier name."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ccomp":
        speaker = _speaker(head)
        if speaker is not None and speaker.i != tok.i and speaker.lower_ not in _PRONOUN_PERSON | _PRONOUN_GROUP:
            return speaker
    if tok.lower_ in _PRONOUN_GROUP:
        return None  # too ambiguous for the nearest name; the caller falls back on the last event's actor
    labels = ("PERSON",)
    for ent in reversed([e for e in doc.ents if e.end <= tok.i and e.label_ in labels]):
        if tok.i - ent.end > 200:
            break
        return ent.root
    return None


def _domestic(source, target):
    """An actor named without a country in an event whose other side has one is taken to share it
    ('An Argentine judge ordered former president Carlos Menem'); marked `country_inferred`."""
    for one, other in ((target, source), (source, target)):
        if one and other and not one.get("country") and other.get("country") not in (None, "IGO", "NGO", "IMG", "MNC"):
            one["country"] = other["country"]
            one["country_inferred"] = True
    return source, target


def _has_identity(actor: dict | None) -> bool:
    return bool(actor and (actor.get("country") or actor.get("sector")))


def _default_resolver() -> Resolver:
    try:
        from eventwire.knowledge.actors import resolve_phrase
    except ImportError:  # knowledge stage not installed: events still come out, without actors' countries
        return lambda text: (None, None)
    return resolve_phrase


# -- evidence --------------------------------------------------------------------------------


def _confidence(hit: _Found, source, target) -> float:
    score = 0.45
    score += 0.25 if source and source.get("country") else 0.1 if _has_identity(source) else 0.0
    score += 0.15 if target and target.get("country") else 0.05 if _has_identity(target) else 0.0
    score += 0.0 if hit.nominal and hit.role != "light" else 0.1
    score -= 0.2 if hit.hypothetical else 0.0
    score -= 0.3 if hit.negated else 0.0
    clause = hit.clause
    depth = 0
    while clause.head is not clause and depth < 8:
        if clause.dep_ not in ("ccomp", "conj"):
            depth += 1
        clause = clause.head
    score -= 0.03 * depth
    if hit.clause.dep_ in ("acl", "relcl") and not hit.nominal:
        score -= 0.2  # "supporters, backed by the party, assaulted ...": background, not the news
    return round(max(0.05, min(0.99, score)), 2)


def resolve_date(sentence: str, published: str | None) -> str | None:
    """The event day from the publication date and a weekday/yesterday/today in the sentence."""
    if not published:
        return None
    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    low = sentence.lower()
    if re.search(r"\byesterday\b", low):
        return (day - timedelta(days=1)).isoformat()
    for n, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            back = (day.weekday() - n) % 7
            return (day - timedelta(days=back)).isoformat()
    return day.isoformat()


def _location(document: Document, sent, trigger) -> dict[str, Any] | None:
    inside = [loc for loc in document.locations if sent.start_char <= loc.start and loc.end <= sent.end_char]
    if not inside:
        return None
    loc = min(inside, key=lambda item: abs(item.start - trigger.idx))
    return {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            "start": loc.start, "end": loc.end}


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


# -- precision guards ------------------------------------------------------------------------


def _has_class(sent, name: str) -> bool:
    words = lx.word_class(name)
    return any(t.lemma_.lower() in words for t in sent if t.pos_ == "NOUN" and t.text.islower())  # not "Awami League"


def _sport_share(doc) -> float:
    sents = list(doc.sents)
    return sum(_has_class(s, "sport") for s in sents) / len(sents) if sents else 0.0


def _figurative(hit: _Found, event: Event, sporty: bool) -> bool:
    """Sports and markets talk in war metaphors ('Arsenal thrash Chelsea', 'shares battle back')."""
    if not sporty:
        return False
    if hit.figurative:
        return True
    return event.quad_class in (3, 4) and not ((event.source or {}).get("country") or (event.target or {}).get("country"))
