"""What backs an event: actor phrases and pronoun antecedents, confidence, date, place, and the precision guards."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from eventwire.codes import NON_STATE, STATE_SECTORS
from eventwire.events import lexicon as lx
from eventwire.events.parse import hyphen_partner, pobjs, speaker_of, subject_of
from eventwire.events.triggers import Found
from eventwire.records import Document, Event

PRONOUN_PERSON = {"he", "she", "him", "her"}
PRONOUN_GROUP = {"they", "them", "it", "we", "us", "its", "their"}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def candidate_spans(tok):
    """Phrases to try, most specific first: the noun phrase, its possessor/modifiers, its of-phrase."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and doc[start].dep_ in ("det", "punct", "cc", "predet"):
        start += 1
    while any(t.is_space and "\n" in t.text for t in doc[start:tok.i]):
        start += 1
    partner = hyphen_partner(tok)
    if partner is not None and start <= partner.i:
        start = tok.i  # 'Palestinian' in 'Israeli-Palestinian talks' is one side, not both
    end = tok.i + 1
    for k in tok.rights:  # multiword names the parser split: "Sinaloa and Gulf" stays out, "Jr." in
        if k.dep_ in ("compound", "flat", "appos") and k.pos_ == "PROPN":
            end = k.right_edge.i + 1
    yield doc[start:end]
    for k in tok.children:
        if k.dep_ in ("poss", "compound", "amod", "nmod") and k.i < tok.i:
            yield doc[k.left_edge.i:k.i + 1]
    for p in pobjs(tok, ("of", "in", "from")):
        yield from candidate_spans(p)
    for k in tok.children:
        if k.dep_ == "appos":
            yield doc[k.left_edge.i:k.right_edge.i + 1]


def antecedent(tok, doc):
    """A pronoun's referent: the governing speaker for reported speech, else the nearest earlier name."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.dep_ == "ccomp":
        speaker = speaker_of(head)
        if speaker is not None and speaker.i != tok.i and speaker.lower_ not in PRONOUN_PERSON | PRONOUN_GROUP:
            return speaker
    if tok.lower_ in PRONOUN_GROUP:
        return None  # too ambiguous for the nearest name; the caller falls back on the last event's actor
    labels = ("PERSON",)
    for ent in reversed([e for e in doc.ents if e.end <= tok.i and e.label_ in labels]):
        if tok.i - ent.end > 200:
            break
        return ent.root
    return None


def owner_candidates(tok) -> list:
    """Who 'its'/'their'/'his' (or 'it', 'them') in a role phrase may stand for: the subjects of the clauses
    above it, nearest first, each followed by the speaker when the clause is reported speech ('the UN said
    gunmen attacked its convoys', 'Iran said its troops attacked ...'). For a target the caller skips the
    event's own source: nobody shells their own villages, and 'Iraq recalled its envoy' names no one else."""
    out = []
    for verb in (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")):
        subj, _ = subject_of(verb)  # a passive subject too: 'a tanker was set ablaze after ... fired at it'
        if subj is not None and subj.tag_ not in ("PRP", "PRP$", "WDT", "WP") and subj not in out \
                and tok not in subj.subtree:  # 'its troops' is not its own owner
            out.append(subj)
        speaker = speaker_of(verb) if verb.dep_ == "ccomp" else None
        if speaker is not None and speaker.tag_ not in ("PRP", "PRP$") and speaker not in out:
            out.append(speaker)
    return out


def possessive_pronoun(tok):
    """The 'its'/'their'/'his'/'her' that owns this noun ('its convoys'), if any."""
    return next((k for k in tok.children if k.dep_ == "poss" and k.tag_ == "PRP$"
                 and k.lower_ in PRONOUN_GROUP | PRONOUN_PERSON | {"his"}), None)


def domestic(source, target):
    """An actor named without a country in an event whose other side has one is taken to share it
    ('An Argentine judge ordered former president Carlos Menem'); marked `country_inferred`. A source
    takes no country that was itself only guessed for the target."""
    for one, other in ((target, source), (source, target)):
        if other and (other.get(PLACED) or other.get(GUESS)) and one is source:
            continue
        if one and other and not one.get("country") and other.get("country") not in NON_STATE | {None}:
            one["country"] = other["country"]
            one["country_inferred"] = True
    return source, target


def is_ethnic(tok) -> bool:
    """'ethnic Albanians', 'the Albanian population', 'the Tamil minority', 'a Kurdish editor': an ethnic
    group, whose demonym names no nationality (a people living across borders never does); CAMEO codes
    such a group to the country it lives in."""
    across = lx.word_class("transnational")
    mods = [k for k in tok.children if k.dep_ in ("amod", "compound")]
    if tok.lemma_.lower() in lx.word_class("residents") or any(k.lower_ == "ethnic" for k in mods):
        return True
    stated = any(k.ent_type_ in ("NORP", "GPE") and k.lower_ not in across for k in mods)  # "Iraqi Kurds"
    return not stated and (tok.lower_ in across or any(k.lower_ in across for k in mods))


def locals_protest(source: dict | None, place: dict | None) -> None:
    """'Students demonstrated outside the US embassy in Jakarta': protesters named without a nationality
    are people of the place they protest in, not of whom they protest against."""
    if source and not source.get("country") and place and place.get("country"):
        source["country"] = place["country"]
        source["country_inferred"] = True


#: Marks on the coder's working dicts, removed before the event is built: an actor found only by the weakest
#: rule (people the lexicons do not know), and a country taken from the event's place.
GUESS = "_guess"
PLACED = "_placed"
#: A target that is 'the capital' with no name: the capital of the country the sentence is about.
CAPITAL = "_capital"


def placed(actor: dict | None, place: dict | None) -> None:
    """An actor named without a country or state role is of the place where the event happens ('arrested
    50 people in Lagos', 'killed 20 people in Baghdad', 'met opposition leaders in Harare'): CAMEO codes
    unidentified people by location. Runs before 'domestic', whose guess (the other side's country)
    is weaker: foreign troops act abroad. Marked `country_inferred`."""
    if actor and not actor.get("country") and actor.get("sector") not in STATE_SECTORS and (place or {}).get("country"):
        actor["country"] = place["country"]
        actor["country_inferred"] = True
        actor[PLACED] = True


def residence(actor: dict | None, place: dict | None) -> None:
    """An ethnic group named with no place of its own lives where the event happens
    ('ethnic cleansing in Montenegro against the Albanian population')."""
    if actor is None or "residence" not in actor:
        return
    if not actor.pop("residence") and place and place.get("country") and place["country"] != actor.get("country"):
        actor["country"] = place["country"]
        actor["country_inferred"] = True


def sentence_country(document: Document, sent, place: dict | None = None) -> str | None:
    """The one state a sentence is about: where the event happened, else the only country its places
    and country actors name ('Police fired tear gas at protesters in Dhaka': Bangladeshi police); none
    when it names two and places the event in neither."""
    if place and place.get("country"):
        return place["country"]
    found = {loc.country for loc in document.locations
             if sent.start_char <= loc.start and loc.end <= sent.end_char and loc.country}
    for actor in document.actors:  # "..., Kenyan officials said": a nationality counts too
        if actor.country and actor.country not in NON_STATE:
            found |= {actor.country for m in actor.mentions if sent.start_char <= m.start and m.end <= sent.end_char}
    return found.pop() if len(found) == 1 else None


def state_context(actor: dict | None, country: str | None, any_sector: bool = False) -> None:
    """An unqualified state institution ('the government', 'police', 'troops') with no country of its own
    takes the sentence's country; marked `country_inferred` like the other inferences. With `any_sector`,
    so does whatever the caller knows to belong to a state ('the capital')."""
    if actor and country and not actor.get("country") and (any_sector or actor.get("sector") in STATE_SECTORS):
        actor["country"] = country
        actor["country_inferred"] = True


def has_identity(actor: dict | None) -> bool:
    return bool(actor and (actor.get("country") or actor.get("sector")))


def _evident(actor, other) -> bool:
    if not actor or not actor.get("country") or actor.get(GUESS):
        return False
    if actor.get(PLACED):  # as much as 'domestic' would have given from the other side's own country
        other = other or {}
        guessed = other.get(PLACED) or other.get(GUESS)
        return other.get("country") not in NON_STATE | {None} and not guessed
    return True


def _known(actor) -> bool:
    if not actor or actor.get(GUESS):
        return False
    return bool(actor.get("sector")) if actor.get(PLACED) else has_identity(actor)


def confidence(hit: Found, source, target) -> float:
    score = 0.45
    # countries the coder only guessed (from the event's place, for people the lexicons do not know) add no
    # evidence that this is the sentence's news beyond what the other side's country would have given
    score += 0.25 if _evident(source, target) else 0.1 if _known(source) else 0.0
    score += 0.15 if _evident(target, source) else 0.05 if _known(target) else 0.0
    score += 0.0 if hit.nominal and hit.role != "light" else 0.1
    score -= 0.2 if hit.hypothetical else 0.0
    score -= 0.3 if hit.negated else 0.0
    clause = hit.clause
    depth = 0
    while clause.head.i != clause.i and depth < 8:
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


_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into"}


def place_country(document: Document, start: int, end: int) -> str | None:
    """The country of a place named inside an actor phrase: CAMEO codes a group placed by a city as that
    city's country ('a missionary from Calgary', 'the mayor of Tokyo'). A bare city is no actor."""
    inside = [loc for loc in document.locations if start <= loc.start and loc.end <= end and loc.country]
    return inside[-1].country if inside else None


def location(document: Document, sent, trigger) -> dict[str, Any] | None:
    """The place the sentence puts the event: a location after in/at/near, nearest the trigger
    ('US involvement' names a country, not where the talks are)."""
    doc = trigger.doc
    inside = [loc for loc in document.locations if sent.start_char <= loc.start and loc.end <= sent.end_char]
    placed = [loc for loc in inside if _after_place_preposition(doc, loc.start)]
    if not placed:
        return None
    # a place that heads its phrase beats one that modifies a noun: 'outside the US embassy in Jakarta' is in Jakarta
    loc = min(placed, key=lambda item: (_modifier(doc, item.start), abs(item.start - trigger.idx)))
    return {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon,
            "start": loc.start, "end": loc.end}


def _modifier(doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while tok.dep_ in ("compound", "flat") and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head  # "New" in "New Delhi"
    return tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.pos_ == "NOUN"


def _after_place_preposition(doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(4):  # walk up the noun phrase to its preposition ("in the northern town of X")
        if tok.dep_ == "pobj":
            return tok.head.lower_ in _PLACE_PREPS
        if tok.head.i == tok.i or tok.dep_ not in ("compound", "amod", "appos", "pobj", "nmod", "conj", "poss"):
            return False
        tok = tok.head
    return False


def sentence_contexts(sent) -> list[str]:
    """PLOVER contexts whose cue words occur in the sentence (the manual codes context from the text around)."""
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return [name for name, cues in lx.contexts().items() if words & cues]


def has_class(sent, name: str) -> bool:
    words = lx.word_class(name)
    return any(t.lemma_.lower() in words for t in sent if t.pos_ == "NOUN" and t.text.islower())  # not "Awami League"


def sport_share(doc) -> float:
    sents = list(doc.sents)
    return sum(has_class(s, "sport") for s in sents) / len(sents) if sents else 0.0


def is_figurative(hit: Found, event: Event, sporty: bool) -> bool:
    """Sports and markets talk in war metaphors ('Arsenal thrash Chelsea', 'shares battle back')."""
    if not sporty:
        return False
    if hit.figurative:
        return True
    countries = [(actor or {}).get("country") for actor in (event.source, event.target)]
    return event.quad_class in (3, 4) and not any(countries)


def agentless_hazard(hit, sent) -> bool:
    """'An earthquake killed eight people', 'a tank at the plant exploded, killing three', 'died in a
    crash': a disaster, accident or illness is what did it, and no human agent is named. Its clause's subject,
    a verb governing it, or what it happened 'in' or 'by' is a hazard word (`hazard`, `accidentverb`), and
    nothing in the sentence speaks of a weapon or an attacker (`weaponword`: 'a bomb blast killed')."""
    hazard, accident, weapons = lx.word_class("hazard"), lx.word_class("accidentverb"), lx.word_class("weaponword")
    if any(t.lemma_.lower() in weapons or t.lower_ in weapons for t in sent):
        return False
    tok, seen = hit.trigger, 0
    while seen < 3:
        seen += 1
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in accident:
            return True
        for kid in tok.children:
            if kid.dep_ in ("nsubj", "nsubjpass") and kid.lemma_.lower() in hazard and kid.dep_ != "nsubjpass":
                return True
            if kid.dep_ in ("prep", "agent") and kid.lower_ in ("in", "by", "from", "during", "after"):
                if any(p.dep_ == "pobj" and p.lemma_.lower() in hazard for p in kid.children):
                    return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False
