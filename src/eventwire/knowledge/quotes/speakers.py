"""Speakers: the subject of an attributing verb resolved to a name (a named person or organisation, a pronoun
bound to the last person, a title the article gave someone, or a described role such as 'a Cabinet Office
spokeswoman'), reading the document's people from `people.Context`.
"""

from __future__ import annotations

import re

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.actors import actor_at
from eventwire.knowledge.quotes.clauses import (
    ADDRESSEE_VERBS, SUBJECT_DEPS, according_to, frame_verbs, is_speech_verb, passive_agent, reporting_subject,
    reporting_verb, subject_of
)
from eventwire.knowledge.quotes.marks import Segment
from eventwire.knowledge.quotes.people import (
    ANAPHORIC_TITLES, PERSON_ROLES, PRONOUN_GENDER, Context, Speaker, agrees, anaphoric_title, may_hold,
    titled_person
)
from eventwire.nlp.spacy_nlp import doc_text


_WORDS = lx.word_classes("quote_words.tsv")

_PRONOUNS = _WORDS["pronoun"]
#: Roles that speak for an organisation: 'a spokeswoman for Human Rights Watch' is a 'Human Rights Watch spokeswoman'.
_SPOKES_ROLES = _WORDS["spokes_role"]
#: Sources that are not speakers: a survey's finding or a leaked document is not anyone's quote.
NON_SPEAKERS = _WORDS["non_speaker"]
#: 'the firm', 'the company': the organisation last named.
ORG_ANAPHORS = _WORDS["org_anaphor"]
#: 'the committee', 'the institute': the organisation named before whose name holds the word.
ORG_TITLES = _WORDS["org_title"]
#: 'Foster's Group': words that end a company's full name.
_ORG_DESIGNATORS = _WORDS["org_designator"]
#: 'its chief', 'the head of the panel': the one person heading an organisation.
_HEAD_TITLES = _WORDS["head_title"]


def non_speaker(speaker: Speaker | None) -> bool:
    """Whether the resolved speaker is a survey, report, leak or the like ('Treasury leak', 'the CBI survey')."""
    if speaker is None or not speaker.name:
        return False
    words = re.findall(r"[a-z]+", speaker.name.lower())
    return bool(words) and words[-1] in NON_SPEAKERS


def _org_antecedent(ctx: Context, tok, previous: Speaker | None, definite: bool = True) -> Speaker | None:
    """'BMW said ... The firm added': the organisation that spoke last, else the last organisation named before."""
    if definite and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    orgs = [e for e in tok.doc.ents if e.label_ == "ORG" and e.end_char <= tok.idx
            and not any(s <= e.start_char < t for s, t in ctx.quoted)]
    noun = tok.lemma_.lower()
    holding = [e for e in orgs if noun in e.text.lower().split()]
    if holding:  # 'the institute' after 'the American Film Institute'
        orgs = holding
    elif noun in ORG_TITLES:
        return None  # 'the committee' with no committee named: the description as written
    elif previous is not None and previous.name and not previous.person:
        return Speaker(previous.name, tok.idx, tok.idx + len(tok.text), person=False)
    if not orgs:
        return None
    actor = actor_at(ctx.document, orgs[-1].start_char, orgs[-1].end_char)
    name = actor.name if actor is not None and actor.kind == "ORG" else orgs[-1].text
    return Speaker(name, tok.idx, tok.idx + len(tok.text), person=False)


def _np_span(tok) -> tuple[int, int]:
    """The noun phrase a subject heads, without trailing appositives and relative clauses."""
    left = tok.left_edge
    while left.pos_ in ("DET", "PUNCT") and left.i < tok.i:  # and a quote mark the parser hung on the name
        left = tok.doc[left.i + 1]
    right = tok
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("compound", "flat", "prep") and child.dep_ != "appos":
            if child.dep_ == "prep" and child.lower_ not in ("of", "for", "from"):
                continue
            if child.dep_ == "prep" and tok.doc[child.i - 1].text == ",":
                continue  # 'Jean-Michel Lemetayer, from the FNSEA union, told': an aside, not part of the name
            right = max(right, child.right_edge, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def name_for(ctx: Context, tok, previous: Speaker | None) -> Speaker:
    """The speaker as a canonical actor: a name, a pronoun bound to the last person, or a described role;
    conjoined subjects speak together ('Cable & Wireless and NTL have announced that ...')."""
    speaker = _name_for(ctx, tok, previous)
    others = _conjuncts(tok)
    if not others or speaker.name is None or tok.pos_ == "PRON":
        return speaker
    names = [speaker.name]
    for name in (_name_for(ctx, c, previous).name for c in others):
        if name and name not in names:
            names.append(name)
    if len(names) == 1:
        return speaker
    end = max(c.right_edge.idx + len(c.right_edge.text) for c in others)
    return Speaker(" and ".join(names), speaker.start, max(end, speaker.end or end), person=False)


def _entity_of(tok, label: str | None = None):
    """The named entity `tok` is part of (of `label`, when given), or None."""
    return next((e for e in tok.doc.ents if e.start <= tok.i < e.end and label in (None, e.label_)), None)


def _conjuncts(tok) -> list:
    """The subjects conjoined to `tok`, outside the name it is part of ('Cable & Wireless and NTL': NTL)."""
    own = _entity_of(tok)
    out, stack = [], [tok]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") and c.i > tok.i:
                stack.append(c)
                if own is None or not own.start <= c.i < own.end:
                    out.append(c)
    return sorted(out, key=lambda t: t.i)


def _name_for(ctx: Context, tok, previous: Speaker | None) -> Speaker:
    document, doc = ctx.document, ctx.doc
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Mr Howard, who ... said": the antecedent speaks
    if tok.lower_ == "it" and tok.pos_ == "PRON":  # 'In a statement, it said': an organisation, never a person
        if previous is not None and previous.name and not previous.person:
            return previous
        org = _org_antecedent(ctx, tok, None, definite=False)  # 'The institute ... It claimed': the last one named
        return org or Speaker(None, tok.idx, tok.idx + len(tok.text))
    if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
        person = last_person(ctx, tok.idx, previous, tok.lower_)
        if person is not None:
            return person
        return Speaker(None, tok.idx, tok.idx + len(tok.text))
    firm = _possessive_firm(ctx, tok)
    if firm is not None:
        return firm
    named_role = None
    appositive = _appositive_name(tok)
    if appositive is not None:  # "The Shadow Secretary of State for the Family, Theresa May, said"
        named_role, tok = tok, appositive
    start, end = _np_span(tok)
    named = _person_inside(ctx, tok, start, end)
    if named is not None:
        return named
    role = _role_after_org(tok)
    if role is not None:
        return Speaker(f"{doc_text(doc)[start:role.idx].strip()} {role.text}", start, role.idx + len(role.text))
    if tok.pos_ == "PROPN" or tok.ent_type_:
        actor = actor_at(document, tok.idx, tok.idx + len(tok.text))
        if actor is None and tok.lemma_.lower() not in PERSON_ROLES:  # 'the Ealing North MP' is not Ealing North
            actor = actor_at(document, start, end)
        if actor is not None and actor.kind in ("PERSON", "ORG"):
            # the parser may call 'the SNP's leader, Nicola Sturgeon' an organisation; a leader is a person
            person = actor.kind == "PERSON" or named_role is not None and named_role.lemma_.lower() in PERSON_ROLES
            return Speaker(actor.name, start, end, person=person)
        named = _surname_of_person(ctx, tok, start, end)
        if named is not None:
            return named
    if _house_staff(tok):  # 'our correspondent added': the reporter the article named with that title
        person = titled_person(ctx, tok)
        if person is not None and person.name:
            return Speaker(person.name, start, end)
    if anaphoric_title(tok):
        person = titled_person(ctx, tok)
        if person is None and tok.lemma_.lower() in ANAPHORIC_TITLES:
            person = last_person(ctx, tok.idx, previous, title=tok)
        if person is not None and person.name:
            return person
    elif _role_description(tok):
        person = titled_person(ctx, tok) or last_person(ctx, tok.idx, previous, title=tok)
        if person is not None and person.name:
            return Speaker(person.name, start, end)
    if tok.ent_type_ == "PERSON":  # a person the actor step did not keep: their name, not the phrase around it
        ent = _entity_of(tok, "PERSON")
        if ent is not None:
            return Speaker(ent.text, ent.start_char, ent.end_char)
    lemma = tok.lemma_.lower()
    if (lemma in ORG_ANAPHORS or lemma in ORG_TITLES) and tok.pos_ == "NOUN":
        org = _org_antecedent(ctx, tok, previous)
        if org is not None:
            return org
    person = lemma in PERSON_ROLES and tok.tag_ in ("NN", "NNP") or tok.ent_type_ == "PERSON"
    if named_role is not None:
        person = person or named_role.lemma_.lower() in PERSON_ROLES
    # 'Theresa May, shadow secretary for the family': a name with a person's role beside it is a person's
    person = person or any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_ROLES for c in tok.children)
    if named_role is None:
        ahead = _named_next(ctx, tok)
        if ahead is not None:
            return Speaker(ahead, start, end)
    return Speaker(_role_name(tok, doc, start, end), start, end, person=person)


def _possessive_firm(ctx: Context, tok) -> Speaker | None:
    """'Foster's said': a proper noun with 's that is itself the subject possesses nothing, so the 's is part of a
    firm's name (Foster's, Sainsbury's); the firm's full name when the article gives one with a company designator
    ('Foster's Group'), else the name as written, never a person called 'Foster'."""
    if tok.pos_ != "PROPN" or tok.dep_ not in SUBJECT_DEPS:
        return None
    case = next((c for c in tok.children if c.dep_ == "case" and c.lower_ in ("'s", "’s")), None)
    if case is None or case.i != tok.i + 1:
        return None
    text = ctx.document.text
    start, end = tok.left_edge.idx, case.idx + len(case.text)
    name = text[start:end]
    for m in re.finditer(re.escape(name) + r"((?:\s+[A-Z][\w&.-]*)+)", text):
        words = m.group(1).split()
        for k in range(len(words), 0, -1):
            if words[k - 1].lower().rstrip(".") in _ORG_DESIGNATORS:
                return Speaker(f"{name} {' '.join(words[:k])}", start, end, person=False)
    return Speaker(name, start, end, person=False)


def _named_next(ctx: Context, tok) -> str | None:
    """'Deutsche Boerse bosses have held talks with the LSE, its chief has said. Werner Seifert met ...': a head
    title with 'its' or 'the' that nothing before resolves names the person the next sentence has as its subject,
    when the article has not named them before (a news lead describes first and names after)."""
    if tok.lemma_.lower() not in _HEAD_TITLES or tok.tag_ != "NN" \
            or not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its") for c in tok.children):
        return None
    doc = tok.doc
    k = tok.sent.end
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k >= len(doc):
        return None
    after = doc[k].sent
    for start, _, name in ctx.subjects:
        if after.start_char <= start < after.end_char:
            if any(n == name and e <= tok.idx for _, e, n in ctx.mentions):
                return None
            return name
    return None


def _surname_of_person(ctx: Context, tok, start: int, end: int) -> Speaker | None:
    """'Mourinho added that ...' where the parser tagged no name: a bare proper noun that is the surname of one
    person the article names ('Jose Mourinho') is that person."""
    if tok.ent_type_ or any(c.dep_ == "compound" for c in tok.children):
        return None
    people = {name for _, _, name in ctx.mentions if len(name.split()) > 1 and name.split()[-1] == tok.text}
    return Speaker(people.pop(), start, end) if len(people) == 1 else None


def _person_inside(ctx: Context, tok, start: int, end: int) -> Speaker | None:
    """'Shadow leader of the Commons Oliver Heald said': the role's phrase ends in a person's name, and they speak."""
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
        return None
    for m_start, m_end, name in ctx.mentions:
        if tok.idx < m_start and m_end == end:
            return Speaker(name, start, end)
    return None


def _appositive_name(tok):
    """The name in apposition to a role noun ('The SNP's leader, Nicola Sturgeon'); a named speaker keeps their name
    ('Lord Bingham - a senior law lord -', 'Rabbi Marvin Hier, founder of ... the Simon Wiesenthal Center')."""
    if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" and tok.ent_type_ and tok.lemma_.lower() not in PERSON_ROLES:
        return None  # 'Carly Fiorina, chief of ... Hewlett Packard', even tagged as an organisation: a name is no role
    appos = [c for c in tok.children if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")]
    return next((c for c in appos if c.ent_type_ == "PERSON"), appos[0] if appos else None)


def _role_after_org(tok):
    """'A Department for Education and Skills spokeswoman said': the spokeswoman speaks, not the department."""
    if tok.ent_type_ != "ORG":
        return None
    doc = tok.doc
    k = tok.i
    while k + 1 < len(doc) and doc[k + 1].ent_type_ == "ORG" or k + 1 < len(doc) and doc[k + 1].lower_ in ("and", "for", "of") and k + 2 < len(doc) and doc[k + 2].is_title:
        k += 1
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt if nxt is not None and nxt.lower_ in PERSON_ROLES else None


def _house_staff(tok) -> bool:
    """'our correspondent', 'our political editor': the publication's own staff, whom it names with the same
    title elsewhere ('BBC correspondent Stephen Cape said'), never a speaker called 'our correspondent'."""
    return tok.tag_ in ("NN", "NNP") and any(c.dep_ == "poss" and c.lower_ == "our" for c in tok.children)


def _role_description(tok) -> bool:
    """A definite description of a title holder that the article named before ('The Scottish National Party's
    parliamentary leader argued' after 'The SNP's Nicola Sturgeon'; 'The former UN commissioner for human rights and
    Irish president told' after 'Mary Robinson has said'): a title made definite by a possessor ('the party's', 'the
    SNP's') or by 'the' with 'for'/'of' after it. Newswire introduces people by name first and describes them after;
    a spokesman's organisation ('the spokesman for X') stays a described speaker."""
    if tok.lemma_.lower() not in ANAPHORIC_TITLES or tok.tag_ not in ("NN", "NNP") \
            or any(c.dep_ == "appos" for c in tok.children):
        return False
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss.lower_ not in ("his", "her", "their", "its", "my", "our", "your") \
            and poss.left_edge.lower_ == "the" or poss.ent_type_ in ("ORG", "NORP")
    preps = [c for c in tok.children if c.dep_ == "prep"]
    return bool(preps) and all(c.lower_ in ("for", "of") for c in preps) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _role_name(tok, doc, start: int, end: int) -> str:
    """A described speaker: 'a Cabinet Office spokeswoman', 'A spokeswoman for Human Rights Watch' -> 'Human Rights Watch spokeswoman'."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "at", "of"):
            obj = next((g for g in child.children if g.dep_ == "pobj" and (g.ent_type_ in ("ORG", "GPE", "NORP") or g.pos_ == "PROPN")), None)
            if obj is not None and child.lower_ == "of" and tok.lemma_.lower() not in _SPOKES_ROLES:
                break  # 'a member of the Cabinet', 'the Archbishop of Canterbury': keep them as written
            if obj is not None:
                o_start, o_end = _np_span(obj)
                head = doc_text(doc)[start:tok.idx + len(tok.text)]
                return re.sub(r"^(?:the|a|an)\s+", "", f"{doc_text(doc)[o_start:o_end]} {head}", flags=re.I)
    return re.sub(r"^(?:the|a|an)\s+", "", doc_text(doc)[start:end], flags=re.I)


def last_person(ctx: Context, before: int, previous: Speaker | None, pronoun: str | None = None,
                 title=None) -> Speaker | None:
    """The person a pronoun or a bare title most likely means: the last speaker or the last person who was a
    sentence's subject, whichever is later, skipping anyone whose honorific says the pronoun's gender is wrong
    ('She said' after Mr X) or whom the article gave another role ('the first minister' is not 'journalist X')."""
    def fits(name: str) -> bool:
        return agrees(ctx, name, pronoun) and (title is None or may_hold(ctx, name, title))

    best = None
    for start, end, name in ctx.subjects:
        if end > before:
            break
        if fits(name):
            best = (start, end, name)
    if previous is not None and previous.name and previous.person and fits(previous.name) \
            and (best is None or previous.at > best[0]):
        return previous
    if best is not None:
        return Speaker(best[2], best[0], best[1])
    if pronoun not in PRONOUN_GENDER and title is None:
        return previous  # 'they', 'we', 'it' may well be the organisation that spoke last
    if previous is not None and previous.name and previous.person and fits(previous.name):
        return previous
    # 'he' is a person: the last one named at all ('..., according to Mr Cable. "..." he said'), never an organisation
    named = [(start, end, name) for start, end, name in ctx.mentions if end <= before and fits(name)]
    return Speaker(named[-1][2], named[-1][0], named[-1][1]) if named else None


def attribute(ctx: Context, chain: list[Segment], previous: Speaker | None) -> Speaker | None:
    first, last = chain[0], chain[-1]
    doc, quoted = ctx.doc, ctx.quoted
    verbs = []
    if last.closed:
        verbs += frame_verbs(doc, first.start, last.end, quoted, "right")
    verbs += frame_verbs(doc, first.start, last.end, quoted, "left")
    for verb in verbs:
        subj = subject_of(verb)
        if subj is None or subj.dep_ == "nsubjpass" and verb.lemma_.lower() in ADDRESSEE_VERBS:
            continue  # the nearest verb names nobody ("so-called", "she was told"): the next one may
        if subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
            agent = passive_agent(verb)
            if agent is not None and reporting_verb(verb) is None:
                return name_for(ctx, agent, previous)
            continue  # 'the recommendation was agreed by an adviser': the thing agreed never speaks
        return name_for(ctx, reporting_subject(verb, subj), previous)
    source = according_to(doc, first.start, last.end, quoted)
    if source is not None:
        return name_for(ctx, source, previous)
    return None


#: A peer's territorial designation: 'Lord Nicholls of Birkenhead' is Lord Nicholls.
_PEERAGE_PLACE = re.compile(r"^((?:Lord|Baroness|Lady|Viscount|Earl)\s+[A-Z][\w'-]+)\s+of\s+[A-Z].*$")
#: Letters after a name that are not part of it: 'Guy Mansfield QC' is Guy Mansfield (data/post_nominals.tsv).
_OFF_SPEAKER = [letters for letters, _, off in lx.read_tsv("post_nominals.tsv") if off == "yes"]
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:" + "|".join(map(re.escape, _OFF_SPEAKER)) + r"))+$")


def speaker_name(name: str) -> str:
    """A speaker's name without post-nominal letters or a peer's territorial designation."""
    return _PEERAGE_PLACE.sub(r"\1", _POST_NOMINALS.sub("", name))


#: Nouns whose quoted value is a text on display, not anyone's speech: 'Labour's slogan would be "..."'.
_TEXT_NOUNS = _WORDS["text_noun"]


def named_text(ctx: Context | None, chain: list[Segment]) -> bool:
    """Whether the quotation is what a slogan, headline or title is ('its slogan would be "..."'): a quoted text."""
    if ctx is None:
        return False
    inner = ctx.doc.char_span(chain[0].start, min(chain[0].start + 1, len(ctx.document.text)), alignment_mode="expand")
    if inner is None or not len(inner):
        return False
    for verb in inner[0].ancestors:  # up to the verb that reports it, if any
        if is_speech_verb(verb):
            return False
        if verb.lemma_.lower() == "be" and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in _TEXT_NOUNS
                                               for c in verb.children):
            return True
    return False


def faceless(ctx: Context | None, speaker: Speaker | None) -> bool:
    """'At its simplest, it is saying: "..."' with no organisation for 'it' to be: a writer's paraphrase of what a
    message or plan says, in the present tense, not a statement someone made ('In a statement, it said')."""
    if ctx is None or speaker is None or speaker.name is not None or speaker.start is None \
            or ctx.document.text[speaker.start:speaker.end].lower() not in ("it", "this"):
        return False
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].head.tag_ in ("VBZ", "VBG", "VBP")
