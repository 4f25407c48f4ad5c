"""Dependency-parse event coder: lexicon triggers, their actors from the parse, then negation and modality.

One pass per sentence:
1. triggers: verbs whose lexicon cue holds ("send" + troops), event nouns after a light verb
   ("held talks", "imposed a curfew") and free-standing event nouns with an actor ("the killing of Z",
   "X's criticism of Y");
2. frames fold their complement in: "refused to meet" is one REJECT, "promised to send aid" one AGREE,
   "stopped short of supporting" one REJECT;
3. roles: subject → source, object / with-, against-, to-phrase → target; passives swap ("was arrested
   by"); "receive ... from" inverts; a controlled complement borrows its governor's subject; "between X
   and Y" is a dyad; a purpose clause is aimed at its governor's object ("summoned the envoy to complain");
   a participle on a document speaks for its issuer ("approved a law recognizing ..."); an arrest with no
   agent is the act of the state where it happens;
4. modality per the PLOVER manual's auxiliary modes: a cooperative act stated as future or intent is
   AGREE, a violent one stated as future or possible is THREATEN, "X must do Y" in reported speech is
   a REQUEST by the speaker, "may"/"if" makes an event hypothetical; a negated cooperative act by an
   actor is a REJECT, "no one is discussing" is no event at all;
5. countries, strongest first: the phrase's own words or the document's actor it names, a place inside the
   phrase ("a missionary from Calgary"), for an ethnic group the place it lives in, for protesters the place
   they protest in, for an unqualified state institution the sentence's one country, for other unnamed
   people (and for what a violent act hit) the event's place, then a country named later in the clause,
   and last the other side's country; every inferred country is marked `country_inferred`. A target is
   the role's own phrase when it names anyone ("arrested twenty activists"), even before a country named
   further on, and people the lexicons do not know are still the target ("abducted 40 schoolchildren").
Every decision reads the parse and the lexicon files; nothing here knows a particular sentence.
The steps live in `triggers`, `roles`, `modality` and `evidence`, over the parse helpers in `parse`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventwire.events import lexicon as lx
from eventwire.events.evidence import (
    CAPITAL, GUESS, NOT_ACTORS, PLACED, PRONOUN_GROUP, PRONOUN_PERSON, STATE_SECTORS, agentless_hazard, antecedent,
    candidate_spans,
    confidence, domestic, has_class, has_identity, is_ethnic, is_figurative, locals_protest, location,
    owner_candidates, place_country, placed, possessive_pronoun, residence, resolve_date, sentence_contexts,
    sentence_country, sport_share, state_context,
)
from eventwire.events.modality import apply_modality
from eventwire.events.parse import hyphen_partner, lemmas, objects_of, sentences, speaker_part, verb_like_root
from eventwire.events.roles import assign_roles, fold_complement, fold_protest_demands, fold_purpose
from eventwire.events.tables import lookup
from eventwire.events.triggers import Found, light_event, noun_event, obligation_event, occurred, verb_event
from eventwire.records import Document, Event, Span

Resolver = Callable[[str], tuple[str | None, str | None]]


class Coder:
    """Codes the events of one parsed document; `resolve` maps a noun phrase to (country, sector)."""

    def __init__(self, resolve: Resolver | None = None, actor_at: Callable | None = None):
        self.resolve = resolve or _default_resolver()
        self.actor_at = actor_at
        self._recent: dict[str, Any] | None = None  # the last event's source: what "they" most likely means

    def __call__(self, document: Document, doc) -> list[Event]:
        sport_doc = self.begin(doc)
        events: list[Event] = []
        for sent in sentences(doc):
            events += [event for _, event in self.sentence_events(document, doc, sent, sport_doc)]
        return events

    def begin(self, doc) -> bool:
        """Start a document; whether it is about sport (its war words are then metaphors)."""
        self._recent = None
        return sport_share(doc) >= 0.2

    def sentence_events(self, document: Document, doc, sent, sport_doc: bool) -> list[tuple[Found, Event]]:
        """The rules' events of one sentence, with the trigger each came from."""
        sporty = sport_doc or has_class(sent, "sport")
        out = []
        for found in self.sentence(sent):
            event = self.to_event(found, document, doc, sent)
            if event is not None and not is_figurative(found, event, sporty):
                out.append((found, event))
                self.remember(event)
        return out

    def remember(self, event: Event) -> None:
        if event.source and event.source.get("country"):
            self._recent = event.source

    # -- triggers --------------------------------------------------------------

    def sentence(self, sent) -> list[Found]:
        found: dict[int, Found] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or verb_like_root(tok):
                hit = verb_event(tok) or light_event(tok) or obligation_event(tok)
                if hit:
                    found[tok.i] = hit
                    consumed.update(t.i for t in objects_of(tok))
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in consumed and tok.i not in found:
                hit = noun_event(tok)
                if hit:
                    found[tok.i] = hit
        for hit in list(found.values()):
            if hit.role in ("frame", "intent", "neg"):
                fold_complement(hit, found)
        fold_protest_demands(found)
        fold_purpose(found)
        out = []
        for hit in found.values():
            if hit.role == "folded":
                continue
            assign_roles(hit)
            if not apply_modality(hit):
                continue
            out.append(hit)
        return out

    # -- events ------------------------------------------------------------------

    def to_event(self, hit: Found, document: Document, doc, sent) -> Event | None:
        code = lookup(hit.cameo)
        if code.plover is None:
            return None
        source = self.actor(hit.source, document, doc, besides={})  # 'Iran said its troops ...': Iran's
        if not has_identity(source) and hit.source_fallback:
            source = self.actor(hit.source_fallback, document, doc) or source
        target = self.actor(_outside(hit.target, source), document, doc, places=code.quad_class == 4,
                            harmed=code.quad_class == 4, own_first=True, besides=_owner_skip(hit, source),
                            towns=set(hit.towns))
        happened = hit.nominal and hit.trigger is hit.clause and occurred(hit.trigger)
        if hit.nominal and hit.role != "light" and not happened:
            needed = target if hit.noun_role == "patient" else source
            if not has_identity(needed):
                return None  # a free-standing event noun needs its agent (or, for "killing of", its victim)
        if source and target and (source == target or source["start"] == target["start"]):
            target = None
        place = location(document, sent, hit.trigger)
        if code.plover == "PROTEST":
            locals_protest(source, place)
        for actor in (source, target):
            residence(actor, place)
        if _stateless(source) or _stateless(target):  # before 'domestic': police arresting Iraqis in Kuwait are Kuwaiti
            country = sentence_country(document, sent, place)
            state_context(source, country)
            if not (target or {}).get("_later"):  # a country the role names itself beats the sentence's one
                state_context(target, country)
        placed(target, place)
        if target and target.get(CAPITAL) and not target.get("country"):
            state_context(target, sentence_country(document, sent, place), any_sector=True)
        if code.quad_class == 4:
            placed(source, place)
        target = _later_named(target)
        source, target = domestic(source, target)
        if not (has_identity(source) or has_identity(target)) and not _material(code):
            return None  # a statement or promise by nobody identifiable is not data; a riot by "locals" still is
        if code.quad_class == 4 and not has_identity(source) and not happened and agentless_hazard(hit, sent):
            return None  # an earthquake, a crash or an outbreak is not an assault: no one did it
        context = list(code.context)
        context += [c for c in sentence_contexts(sent) + hit.aux if c not in context]
        trig = hit.trigger
        score = confidence(hit, source, target)
        if not (target and target.get("country")) and has_identity(source):
            # after the confidence, so that a guessed party never changes which event leads the sentence
            target = self.nearest_party(sent, trig, source, document, doc) or target
        for actor in (source, target):
            if actor is not None:
                actor.pop(GUESS, None)
                actor.pop(PLACED, None)
                actor.pop(CAPITAL, None)
        return Event(
            plover=code.plover, cameo=hit.cameo, goldstein=code.goldstein, quad_class=code.quad_class,
            mode=code.mode, negated=hit.negated, source=source, target=target,
            date=resolve_date(sent.text, document.date), location=place,
            sentence=sent.text, start=sent.start_char, end=sent.end_char,
            confidence=score, context=context, hypothetical=hit.hypothetical,
            verb=Span(trig.idx, trig.idx + len(trig.text), trig.text),
        )

    def nearest_party(self, sent, trigger, source: dict, document: Document, doc) -> dict[str, Any] | None:
        """When the parse gives the act no target with a country, the named party of the sentence nearest
        the trigger in the parse tree that is neither the source nor a speaker ('began a drive to convince the
        Lithuanian parliament ...', 'peacekeepers were shipped out of the Bosnian enclave'): a news sentence
        rarely names a second party that the act is not about. Marked `target_inferred`."""
        ranked = []
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON") or _overlaps_span(ent, source) \
                    or speaker_part(ent.root, trigger):
                continue
            ranked.append((tree_distance(ent.root, trigger), ent.start, ent.root))
        for _, _, tok in sorted(ranked):
            found = self._actor(tok, document, doc) or self._place(tok, document)
            if found and found.get("country") and not _overlaps(found, source):
                found["target_inferred"] = True
                return found
        return None

    def actor(self, candidates: list, document: Document, doc, places: bool = False,
              harmed: bool = False, own_first: bool = False, besides: dict | None = None,
              towns: set[int] = frozenset()) -> dict[str, Any] | None:
        """The first candidate with a country, else the first with a sector ('a general strike' is MIL-less,
        'army reservists' has a sector but 'Iraq' after it has the country). With `places`, a town stands
        for its country, as CAMEO codes the target of an attack ('shelled Jericho'); so does a target town
        that is the act's object or destination ('visited Osaka', 'sent aid to Gorazde'), and, after any
        party, one of `towns`, where the act happened ('protested in Monrovia').

        With `own_first` (targets), the first candidate with a sector is kept even without a country, and a
        later one's country waits under `_later` until the sentence's places have had their say: in
        'police in Dhaka arrested activists ahead of the Indian minister's visit' the activists are the
        target and Bangladeshi, not Indian. With `besides`, a phrase owned by a possessive pronoun takes its
        owner's country ('Iran said its troops ...'); for targets `besides` is the source, which the pronoun
        does not stand for ('gunmen attacked its convoys')."""
        fallback = None
        for tok in candidates:
            town = places or (own_first and (_destination(tok) or (tok is not None and tok.i in towns)))
            found = self._actor(tok, document, doc) or (self._place(tok, document) if town else None)
            if besides is not None and tok is not None and not (found or {}).get("country"):
                found = self._owned(tok, document, doc, besides, found, as_target=own_first, harmed=harmed)
            if found is not None and found.get("country"):
                if fallback is not None and own_first:
                    fallback["_later"] = found
                    return fallback
                return found
            fallback = fallback or found
        return fallback or _people(candidates, harmed)

    def _actor(self, tok, document: Document, doc) -> dict[str, Any] | None:
        """The actor a role token names: the phrase, its possessor or of-phrase, or a pronoun's antecedent."""
        if tok is None or tok.ent_type_ in NOT_ACTORS:
            return None
        if tok.tag_ in ("PRP", "PRP$") and tok.lower_ in PRONOUN_PERSON | PRONOUN_GROUP:
            ante = antecedent(tok, doc)
            if ante is not None and ante.i != tok.i:
                return self._actor(ante, document, doc)
            if tok.lower_ in PRONOUN_GROUP and self._recent is not None:
                return dict(self._recent)
            return None
        found: dict[str, Any] | None = None
        for span in candidate_spans(tok):
            country, sector = self._lookup(span, document)
            if found is None and (country or sector):
                found = {"name": span.text, "country": country, "sector": sector,
                         "start": span.start_char, "end": span.end_char}
            elif found is not None and country and not found["country"]:
                found["country"] = country  # "opposition groups in Zimbabwe": the head's role, the phrase's country
            if found is not None and found["country"]:
                break
        phrase = doc[tok.left_edge.i:tok.right_edge.i + 1]
        if found is not None and not found["country"]:  # "a missionary from Calgary", "police in Nairobi"
            found["country"] = place_country(document, phrase.start_char, phrase.end_char)
        elif found is not None and is_ethnic(tok):
            home = place_country(document, phrase.start_char, phrase.end_char)
            found["country"] = home or found["country"]
            found["residence"] = home is not None  # False: the event's place may still tell where they live
        return found

    def _owned(self, tok, document: Document, doc, besides: dict, found: dict | None,
               as_target: bool = False, harmed: bool = False) -> dict | None:
        """'The UN said gunmen attacked its convoys', 'X's forces' spelt with a pronoun: a phrase owned by
        'its'/'their' belongs to the nearest party above it that is not the event's source (a party acting
        on its own things names no one else: 'Iraq recalled its envoy'). Marked `country_inferred`."""
        if as_target and harmed and tok.tag_ == "PRP" and tok.lower_ in ("it", "them"):
            owner_word = tok  # 'a tanker was set ablaze after a gunboat fired at it'
        else:
            owner_word = possessive_pronoun(tok)
            if owner_word is None or not (_actor_like(tok, found) or (not as_target and _country_word(tok))):
                return found  # 'its plans', 'their debts' name no one; 'his country' does, as a source only
        governor = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if as_target and governor is not None and _moves_own(governor):
            return found  # 'refused to recall its ambassador': the refuser's own
        for cand in owner_candidates(owner_word):
            owner = self._actor(cand, document, doc)
            if not owner or not owner.get("country") or _overlaps(owner, besides):
                continue
            if owner_word.i == tok.i:
                return owner
            span = next(candidate_spans(tok))
            out = found or {"name": span.text, "country": None, "sector": owner.get("sector"),
                            "start": span.start_char, "end": span.end_char}
            out["country"] = owner["country"]
            out["country_inferred"] = True
            return out
        return found

    @staticmethod
    def _place(tok, document: Document) -> dict[str, Any] | None:
        if tok is None or tok.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        span = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        country = place_country(document, span.start_char, span.end_char) if span is not None else None
        if country is None:
            return None
        return {"name": span.text, "country": country, "sector": None, "start": span.start_char, "end": span.end_char}

    def _lookup(self, span, document: Document) -> tuple[str | None, str | None]:
        if self.actor_at is not None:
            from eventwire.knowledge.actors.index import identity_at

            return identity_at(document, span.start_char, span.end_char, span.text, self.resolve, span.doc, infer=False)
        return self.resolve(span.text)


def _people(candidates: list, harmed: bool = False) -> dict[str, Any] | None:
    """'released 20 political prisoners', 'abducted 40 schoolchildren', 'met Joe Bloggs': people with no role
    word or country, or a named person the lexicons do not know, are still the ones acted on; with `harmed`
    (material conflict) so is what was hit ('shelled the enclave', 'set fire to houses'), which stands for
    whoever lives there. An actor without identity, whose country the event's place or the other side's
    country may fill ('placed', 'domestic')."""
    words = _unnamed_words(harmed)
    for tok in candidates:
        if tok is None or tok.tag_ in ("PRP", "PRP$"):
            continue
        if tok.lemma_.lower() in lx.word_class("capital") and not _bare_capital(tok):
            continue  # 'foreign capital', 'venture capital': money, not a city
        if (tok.pos_ == "NOUN" and any(l in words for l in lemmas(tok))) or tok.ent_type_ == "PERSON":
            span = next(candidate_spans(tok))
            found = {"name": span.text, "country": None, "sector": None, "start": span.start_char, "end": span.end_char}
            if not any(l in lx.word_class("person") for l in lemmas(tok)):
                found[GUESS] = True  # beyond the people the lexicon knows: weaker evidence for the event
            if tok.lemma_.lower() in lx.word_class("capital"):
                found[CAPITAL] = True  # 'shelled the capital': the capital of the country the sentence is about
            return found
    return None


def tree_distance(one, other) -> int:
    """Edges between two tokens in the dependency tree."""
    up = {t.i: n for n, t in enumerate([one] + list(one.ancestors))}
    for n, t in enumerate([other] + list(other.ancestors)):
        if t.i in up:
            return n + up[t.i]
    return 99


def _overlaps_span(ent, actor: dict | None) -> bool:
    return bool(actor) and ent.start_char < actor["end"] and actor["start"] < ent.end_char


def _destination(tok) -> bool:
    """The object of a verb, or a place its act goes to or is laid on ('sent aid to Gorazde', 'lifted the
    curfew on Hebron'): where an act goes."""
    if tok is None:
        return False
    if tok.dep_ == "dobj":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into", "on", "upon", "against", "toward", "towards") \
        and tok.head.head.pos_ in ("VERB", "NOUN")


def _bare_capital(tok) -> bool:
    """'the capital' as a place: with 'the' and no noun modifier ('the venture capital')."""
    kids = list(tok.children)
    return any(k.dep_ == "det" and k.lower_ == "the" for k in kids) and not any(k.dep_ == "compound" for k in kids)


def _later_named(target: dict | None) -> dict | None:
    """The deferred later candidate of `actor(own_first=True)` when the first is still without a country."""
    if target is None or "_later" not in target:
        return target
    later = target.pop("_later")
    if not target.get("country"):
        return later
    target.pop(PLACED, None)  # a country was named for this role anyway: as good evidence as before
    return target


def _unnamed_words(harmed: bool) -> frozenset[str]:
    words = lx.word_class("person") | lx.word_class("person_more") | lx.word_class("residents") \
        | lx.word_class("group") | lx.word_class("capital")
    return words | lx.word_class("property") | lx.word_class("target") if harmed else words


def _actor_like(tok, found: dict | None) -> bool:
    """People, forces, groups or what can be hit: 'its convoys', 'their envoy', not 'its plans'."""
    if found is not None and found.get("sector"):
        return True
    words = _unnamed_words(True) | lx.word_class("troops") | lx.word_class("envoy")
    return any(lemma in words for lemma in lemmas(tok))


def _country_word(tok) -> bool:
    return tok.lemma_.lower() in lx.word_class("owned")


def _owner_skip(hit: Found, source: dict | None) -> dict | None:
    """Whom a possessive pronoun in the target does not stand for (the source), or None where 'its' most likely
    is the source's own and names no target: in cooperation ('promised aid to its allies', 'agreed to withdraw
    its troops') and where the source moves its own people ('Peru recalled its ambassador'). Only a hostile
    act is aimed at someone else's things ('gunmen attacked its convoys')."""
    if lookup(hit.cameo).quad_class not in (3, 4) or _moves_own(hit.clause):
        return None
    return source or {}


def _moves_own(verb) -> bool:
    return any(lemma in lx.word_class("ownverbs") for lemma in lemmas(verb))


def _overlaps(one: dict, other: dict | None) -> bool:
    return bool(other) and one["start"] < other["end"] and other["start"] < one["end"]


def _outside(candidates: list, actor: dict | None) -> list:
    """Target candidates that are not the source itself ('refused to allow UN planes': the controlled
    subject of 'allow' is the refuser again), nor the source's phrase under another head ('talks between the
    EC and the US' whose source is 'European Community'); 'Palestinian' in 'Israeli-Palestinian talks' is
    the other side of the source 'Israeli'."""
    if not actor:
        return candidates
    start = actor["start"]
    return [t for t in candidates if t is None or not (start in (t.idx, next(candidate_spans(t)).start_char)
                                                       or (start == t.left_edge.idx and hyphen_partner(t) is None))]


def _stateless(actor: dict | None) -> bool:
    return bool(actor and not actor.get("country") and actor.get("sector") in STATE_SECTORS)


def _material(code) -> bool:
    return code.quad_class == 4 or code.plover == "PROTEST"


def _default_resolver() -> Resolver:
    try:
        from eventwire.knowledge.actors import resolve_phrase
    except ImportError:  # knowledge stage not installed: events still come out, without actors' countries
        return lambda text: (None, None)
    return resolve_phrase
