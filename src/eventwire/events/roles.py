"""Who did it to whom: frames folding their complements, then source and target candidates from the parse.

Sources and targets are candidate token lists, best first; the coder keeps the first that names an actor.
"""

from __future__ import annotations

from functools import lru_cache

from eventwire.events import lexicon as lx
from eventwire.events.parse import (
    addressees, complement_of, first_in_subtree, hyphen_partner, pobjs, reporting_verb, speaker_part, subject_of,
    trailing_report, unquantify,
)
from eventwire.events.tables import lookup
from eventwire.events.triggers import Found

_TARGET_PREPS = ("with", "against", "to", "on", "into", "upon", "toward", "towards", "over", "for")
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}


def fold_complement(hit: Found, found: dict[int, Found]) -> None:
    comp = complement_of(hit.trigger)
    inner = found.get(comp.i) if comp is not None else None
    if inner is None or inner.role == "folded":
        if hit.role == "neg" or (hit.role == "intent" and hit.cameo in ("", "-")):
            hit.role = "folded"  # "failed to" alone is not an event
        elif comp is not None:  # "demanded that Hamas renounce ...": Hamas is the one asked
            hit.inner = _clause_parties(comp)
        return
    plover = lookup(inner.cameo).plover
    inner_targets = _inner_targets(inner, addressee_first=lookup(hit.cameo).plover == "REQUEST")
    inner.role = "folded"
    hit.folded = plover not in _MUTUAL  # "agreed that their countries should cooperate" stays between them
    if hit.role == "neg":
        if plover in COOPERATIVE:
            hit.cameo, hit.role, hit.inner = "120", "act", inner_targets
        else:
            inner.role, inner.negated = "act", True  # "failed to attack": a negated attack
            hit.role = "folded"
        return
    if hit.role == "frame" and hit.trigger.lemma_.lower() in _COMMANDS and plover in _COMMANDED:
        # "the judge ordered Smith jailed", "ordered the prisoners freed": the one with the power to order it
        # does it (CAMEO codes the authority as the source of the arrest); whom it orders is who is arrested.
        # Not for force: in "ordered his men to fire on the crowd" the men are the means, not the target
        hit.cameo, hit.role = inner.cameo, "act"
        hit.inner = _clause_parties(comp, inner_targets)
        return
    if hit.role == "intent":
        intent, threat = lx.shifts().get(plover or "", (None, None))
        hit.cameo = intent or threat or inner.cameo
        if threat and not intent:
            hit.aux.append("future")
    hit.inner = inner_targets


def _clause_parties(comp, more: list = ()) -> list:
    """Who a complement clause is about: its subject and object first, then its other targets."""
    out = [k for k in comp.children if k.dep_ in ("nsubj", "nsubjpass", "dobj")]
    return out + [t for t in verb_targets(comp) + list(more) if t not in out]


_COMMANDS = {"order", "direct", "instruct", "command"}
_COMMANDED = {"COERCE", "RETREAT", "SANCTION"}


def fold_protest_demands(found: dict[int, Found]) -> None:
    """'staged a protest, demanding the release of ...': per the PLOVER manual a demand made by
    demonstrating is the PROTEST, not a separate REQUEST (it becomes the protest's context); the same
    holds for a demand voiced by rioting or fighting ('clashed with police, demanding ...'). Whom the
    demand addresses is who the protest is aimed at when the protest names no one itself
    ('rioted ..., calling for the removal of President X')."""
    protests = [h for h in found.values() if h.role != "folded"
                and (lookup(h.cameo).plover == "PROTEST" or lookup(h.cameo).quad_class == 4)]
    for hit in found.values():
        if hit.role == "folded" or lookup(hit.cameo).plover not in ("REQUEST", "ACCUSE"):
            continue
        for protest in protests:
            if protest.clause in hit.clause.ancestors or protest.clause in _clause_chain(hit.clause):
                assign_roles(hit)
                protest.inner += [t for t in hit.target if t not in protest.inner]
                hit.role = "folded"
                protest.aux.append("demand")
                break


def fold_purpose(found: dict[int, Found]) -> None:
    """'summoned the envoy to complain', 'attacked the town to punish it': a purpose clause coding the same
    PLOVER type as its governing verb is the same act, coded once (the PLOVER manual codes a summons to
    complain as one ACCUSE)."""
    for hit in found.values():
        if hit.role == "folded" or hit.nominal or not _purpose_clause(hit.clause):
            continue
        governor = found.get(hit.clause.head.i)
        if governor is not None and governor is not hit and governor.role != "folded" \
                and lookup(governor.cameo).plover == lookup(hit.cameo).plover:
            assign_roles(hit)  # "staged a sit-in to protest against X": whom the purpose names is the act's target
            governor.inner += [t for t in hit.target if t not in governor.inner]
            hit.role = "folded"


def _purpose_clause(verb) -> bool:
    """A to-infinitive without a subject of its own hung on a verb ('summoned the envoy to complain'); not a
    clause of time or cause ('after a gunboat fired at it')."""
    kids = list(verb.children)
    return verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VB" \
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) and not any(k.dep_ == "nsubj" for k in kids)


def _clause_chain(verb) -> list:
    """Clauses linked to this one by coordination: 'staged a protest ... and demanded'."""
    return [verb.head] + list(verb.conjuncts) if verb.dep_ == "conj" else list(verb.conjuncts)


def assign_roles(hit: Found) -> None:
    if hit.role == "folded":
        return
    if hit.nominal and hit.clause is hit.trigger:
        _noun_roles(hit)
        return
    verb = hit.clause
    subj, passive = subject_of(verb)
    if passive:
        hit.source = pobjs(verb, ("by",)) or _state_of_place(verb, hit.cameo) or _violence_agent(verb)
        hit.target = [subj] + hit.target if subj is not None else hit.target
    else:
        hit.source = [unquantify(subj)] if subj is not None else []  # "hundreds of students"
    hit.source_fallback = _issuer(verb)
    first, others = _between(verb)
    # "Egypt mediated between Israel and Hamas": with a subject the first party is acted on too;
    # "fighting between troops and rebels": without one it is the source
    hit.target += (first if hit.source else []) + others
    hit.source += first
    if hit.role == "recv":
        givers = [t for t in (first_in_subtree(verb, ("from",)),) if t is not None] + pobjs(verb, ("by",))
        hit.target, hit.source = hit.source, givers
        return
    if hit.nominal:  # light verb: the noun's own with/against/of-phrase first, then the verb's
        one, other = hyphen_dyad(hit.trigger)  # "held Israeli-Syrian talks": both sides are met
        hit.target = hit.target + _noun_targets(hit.trigger, hit.noun_role) + one + other \
            + verb_targets(verb, exclude=hit.trigger)
    else:
        hit.target = hit.target + verb_targets(verb)
    # "Israel and Lebanon renewed negotiations": each conjoined subject is the other's counterpart
    partners = [c for s in hit.source if s is not None for c in counterparts(s)]
    heads = (verb.i, hit.trigger.i)
    own = [t for t in hit.target if t is not None and (t.head.i in heads or t.head.head.i in heads)]
    if partners and lookup(hit.cameo).plover in _MUTUAL and not hit.folded and not any(_named(t) for t in own):
        # "Hungary and Slovakia agreed to take their dispute to the court": they agreed with each other
        hit.target = own + partners + [t for t in hit.target if t not in own] + hit.inner
    else:
        hit.target += hit.inner  # the verb's own object first: "rejected North Korea's demand to sever ties with X"
        hit.target += partners
    # the polity it happened in comes after the parties: 'Israel and Syria met in Washington'; a town
    # there stands for its country ('protested in Monrovia': CAMEO aims the protest at that country)
    hit.towns = [t.i for t in pobjs(verb, ("in",)) if t.ent_type_ == "GPE"]
    there = [t for t in hit.target if t is not None and t.i in hit.towns]
    hit.target = [t for t in hit.target if t not in there] + there
    quad = lookup(hit.cameo).quad_class
    if quad in (1, 3):  # said or proposed to someone; "joined troops to fight X" is no attack on them
        hit.target += _governor_objects(verb)
    if quad in (3, 4):  # conflict aimed at someone: "fired rockets at Sderot", "threw stones at police"
        hit.target += _aimed_at(verb) + _governor_aim(verb)
    if lookup(hit.cameo).plover in ("ACCUSE", "PROTEST") and not hit.nominal:
        hit.target += _reported_subjects(verb)
    if lookup(hit.cameo).plover == "REQUEST":
        hit.target = _holders_first(hit.target)
    hit.target += _clause_names(verb, hit.source)
    hit.target += _told(verb)
    if lookup(hit.cameo).plover in ("MOBILIZE", "AID"):  # "sent troops into", "gave aid to": the thing sent
        moved = lx.word_class("troops") | lx.word_class("aid")
        hit.target = [t for t in hit.target if t.lemma_.lower() not in moved]


_MUTUAL = {"AGREE", "CONSULT", "COOPERATE"}


def _named(tok) -> bool:
    return tok is not None and tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")


def _issuer(verb) -> list:
    """'the parliament approved a law recognizing ...', 'the UN adopted a resolution condemning ...': a
    participle on a document-like object speaks for whoever approved or issued it (a fallback after the
    noun itself, which the coder keeps only when it names an actor)."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBG", "VBN") or verb.head.dep_ != "dobj":
        return []
    if verb.head.lemma_.lower() not in lx.word_class("document") | lx.word_class("speechnoun"):
        return []  # "a forum of stakeholders allowing them to speak": the forum's host did not allow anything
    subj, passive = subject_of(verb.head.head)
    return [subj] if subj is not None and not passive else []


def _holders_first(targets: list) -> list:
    """'called for the release of two pilots held by the Taliban': a demand about people someone holds is
    made of the holder, the agent of the participle on them, who comes before the people themselves."""
    out = []
    for tok in targets:
        if tok is not None:  # the people themselves, or those the release of whom is asked
            out += [a for held in [tok] + pobjs(tok, ("of",)) for k in held.children
                    if k.dep_ == "acl" and k.tag_ == "VBN" for a in pobjs(k, ("by",))]
        out.append(tok)
    return out


def _told(verb) -> list:
    """'Syria told its Lebanese counterpart that Damascus would not withdraw its troops': an act reported to
    someone is aimed at the one told, after whatever the reported clause names itself (a last resort)."""
    return [t for t in addressees(reporting_verb(verb)) if t.i not in {k.i for k in verb.subtree}]


def _state_of_place(verb, cameo: str) -> list:
    """'was arrested in Lebanon': an arrest, expulsion or sentence with no agent named is the act of the
    state where it happened (CAMEO codes the country as the source), so the polity after 'in' is the source.
    Only coercion: 'was killed in Iraq' says nothing about who killed."""
    if lookup(cameo).plover != "COERCE":
        return []
    return [p for p in pobjs(verb, ("in",)) if p.ent_type_ == "GPE"]


def _violence_agent(verb) -> list:
    """'99 persons have been killed in police firing', 'were wounded in an army raid': with no by-phrase,
    the one named on the violent act the passive happened in is its agent."""
    out = []
    violent = lx.word_class("violentnoun")
    for noun in pobjs(verb, ("in", "during")):
        if any(k.dep_ == "acl" and (k.lower_ in violent or k.lemma_.lower() in ("fire", "shoot")) for k in noun.children):
            out.append(noun)  # the parser's reading of 'in police firing': 'police', then 'firing' on it
        elif noun.lemma_.lower() in violent:
            out += [k for k in noun.children if k.dep_ in ("compound", "amod", "poss") and k.pos_ in ("NOUN", "PROPN", "ADJ")
                    and k.lemma_.lower() not in lx.word_class("weaponword") | {"gun", "heavy", "indiscriminate"}]
            out += pobjs(noun, ("with",))  # 'killed in an encounter with the police': the other side did it
    return out


def _aimed_at(verb) -> list:
    ats = pobjs(verb, ("at",))
    ats += [t for k in verb.children if k.dep_ == "dobj" for t in (first_in_subtree(k, ("at",)),) if t is not None]
    return [unquantify(t) for t in ats]


def _governor_objects(verb) -> list:
    """'summoned the ambassador to complain', 'met rebels to discuss': a purpose clause is aimed at
    the governing verb's object when it names none of its own (a fallback after the clause's own targets)."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
        return []
    return [unquantify(k) for k in verb.head.children if k.dep_ in ("dobj", "dative")]


def _governor_aim(verb) -> list:
    """'hurled stones at the embassy to protest', 'opened fire on the crowd to disperse it': a purpose
    clause of a violent or protest act is aimed where its governing verb was aimed."""
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i:
        return []
    return _aimed_at(verb.head) + [unquantify(t) for t in pobjs(verb.head, ("on", "upon", "against"))]


def _reported_subjects(verb) -> list:
    """'complained that the police had ...', 'Croatian authorities are failing ..., a rights group protested':
    a complaint is aimed at whoever the reported clause is about, whether it follows the verb or comes first
    with the speaker trailing after a comma (which the parser often hangs on the clause as a modifier)."""
    clauses = [k for k in verb.children if k.dep_ == "ccomp"]
    root = verb.sent.root if hasattr(verb, "sent") else None
    if root is not None and root is not verb and root.i < verb.i and trailing_report(verb):
        clauses.append(root)
    out = []
    for clause in clauses:
        subj, passive = subject_of(clause)
        if subj is not None and not passive and subj.tag_ not in ("PRP", "PRP$"):
            out.append(unquantify(subj))
    return out


def _clause_names(verb, sources: list) -> list:
    """Last resort: named polities and organisations inside the clause, outside the source, nearest
    after the verb first ('threatened to launch an offensive in its war with Iraq')."""
    inside = {t.i for t in verb.subtree}
    taken = set()
    for s in (s for s in sources if s is not None):
        # a subject heading its own clause through a misparse ("youths <-acl- resorted to ...") takes only itself
        taken |= {t.i for t in s.subtree} - inside if s in verb.ancestors else {t.i for t in s.subtree}
    names = [e.root for e in verb.doc.ents if e.label_ in ("GPE", "NORP", "ORG")
             and e.root.i in inside and e.root.i not in taken and not _in_modifier_clause(e.root, verb)
             and not speaker_part(e.root, verb)]  # 'according to a statement by the Angolan embassy'
    return sorted(names, key=lambda t: (t.i < verb.i, abs(t.i - verb.i)))


def _in_modifier_clause(tok, verb) -> bool:
    """'executed four men convicted of spying for Israel': a name inside a clause that describes the
    verb's object tells about that object, not whom the event is aimed at ('a rally that marched through
    Dhaka' describes the event itself, and its place still counts)."""
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl") and tok.head.dep_ in ("dobj", "nsubjpass") and tok.head.head.i == verb.i \
                and tok.head.lemma_.lower() not in lx.nouns():
            return True
        tok = tok.head
    return False


def _noun_roles(hit: Found) -> None:
    noun = hit.trigger
    owners = [k for k in noun.children if k.dep_ == "poss"]
    mods = [k for k in noun.children if k.dep_ in ("compound", "amod", "nmod") and k.pos_ in ("PROPN", "ADJ", "NOUN")]
    by = pobjs(noun, ("by",))
    first, others = _between(noun)
    one, other = hyphen_dyad(noun)
    if hit.noun_role == "patient":
        hit.target = pobjs(noun, ("of",)) + owners + mods
        hit.source = by
    else:
        hit.source = owners + by + one + mods + first
        hit.target = other + _noun_targets(noun, hit.noun_role) + (first if owners or by or mods else []) + others
        if lookup(hit.cameo).plover == "CONSULT":
            _meeting_in_a_clause(hit, noun)


def _meeting_in_a_clause(hit: Found, noun) -> None:
    """'arrived in Pyongyang on a three-day visit', 'flew to Rome for talks': a meeting that a verb goes on or
    for is held by that verb's subject (a fallback after the noun's own agent), in the polity it went to."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("on", "for") \
            or prep.head.pos_ not in ("VERB", "AUX") or pobjs(noun, ("of", "between")):
        return  # 'fired tear gas during a meeting of opposition supporters': the meeting is theirs
    verb = prep.head
    subj, passive = subject_of(verb)
    if subj is not None and not passive:
        hit.source = hit.source + [unquantify(subj)]
    hit.target = hit.target + [t for t in pobjs(verb, ("in", "to")) if t.ent_type_ == "GPE"]


def hyphen_dyad(noun) -> tuple[list, list]:
    """'Israeli-Palestinian talks', 'India-Pakistan clashes': the first name acts, the second is acted on."""
    for k in noun.children:
        if k.dep_ in ("amod", "compound", "nmod"):
            partner = hyphen_partner(k)
            if partner is not None:
                return [partner], [k]
    return [], []


def _between(tok) -> tuple[list, list]:
    """'talks between Israel and Syria', 'fighting between troops and rebels': the first party acts,
    the others are its counterparts (PLOVER codes a dyad from the order of mention)."""
    for first in pobjs(tok, ("between",)):
        return [first], counterparts(first)
    return [], []


def counterparts(tok) -> list:
    """The other members of a conjoined actor: 'Israel and Syria', and inside one noun phrase
    'Israeli and Palestinian negotiators', 'Senior Hungarian and Romanian officials'."""
    if tok.conjuncts:
        return list(tok.conjuncts)
    return [c for k in tok.children if k.dep_ in ("amod", "compound", "nmod") for c in k.conjuncts]


def _noun_targets(noun, role: str) -> list:
    if role == "request":
        return [t for t in (first_in_subtree(noun, ("from", "to")),) if t is not None]
    return pobjs(noun, ("of", "on", "against", "with", "to", "into"))


def verb_targets(verb, exclude=None) -> list:
    out = [k for k in verb.children if k.dep_ in ("dobj", "dative", "attr") and k.pos_ != "VERB"
           and (exclude is None or k.i != exclude.i)]  # tokens are made afresh on access: compare positions
    for prep in _TARGET_PREPS:
        out += pobjs(verb, (prep,))
    for k in verb.children:
        if k.dep_ in ("dobj", "xcomp"):
            inner = first_in_subtree(k, _TARGET_PREPS)
            if inner is not None and not _in_modifier_clause(inner, verb):
                out.append(inner)
    out += _object_dyad(verb)
    # last resort: the place it happened, when that place is a polity ("imposed a curfew in Algiers")
    out += [p for p in pobjs(verb, ("in",)) if p.ent_type_ == "GPE"]
    return [unquantify(t) for t in out]


def _object_dyad(verb) -> list:
    """'brokered a truce between Israel and Hamas', 'hosted talks between the government and the rebels':
    the parties of a dyad inside the object are whom the act is aimed at, the first named first."""
    for k in verb.children:
        if k.dep_ == "dobj":
            for first in pobjs(k, ("between",)):
                parties = [first] + counterparts(first)
                return parties if all(_party(t) for t in parties) else []
    return []


def _party(tok) -> bool:
    """A name or a word for people or forces: 'between Israel and Hamas', not 'between practice and justice'."""
    return tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or tok.lemma_.lower() in _party_words()


@lru_cache(maxsize=1)
def _party_words() -> frozenset[str]:
    """Built once: `_party` runs for every conjunct of every object phrase."""
    return lx.word_class("person") | lx.word_class("group") | lx.word_class("troops") | lx.word_class("person_more")


def _inner_targets(hit: Found, addressee_first: bool = False) -> list:
    """Targets of a folded complement: its own, and its subject ('demanded that Hamas renounce'),
    which comes first when the outer event is a request (the one asked to act is the recipient)."""
    assign_roles(hit)
    subjects = []
    if hit.clause.dep_ == "ccomp" or hit.clause.dep_ == "xcomp" and hit.source:
        subjects = [s for s in hit.source if s.dep_ in ("nsubj", "dobj", "dative")]
    return subjects + hit.target if addressee_first else hit.target + subjects
