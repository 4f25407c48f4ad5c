"""Quotes: direct speech between quote marks and reported speech, each with its speaker resolved to an actor.

Direct quotes are found from the marks themselves (straight, curly and ``LaTeX'' style); a straight
mark opens when a space is before it and a letter after, and closes the other way round. A quote
left open runs to the next opening mark or the end of the paragraph (the newswire convention for
quotes spanning several paragraphs, and what the BBC corpus looks like once its paragraph breaks
are gone). The speaker comes from a speech verb in the same sentence ("X said", "said X",
"X, director of ..., said", "according to X"), or, for an unattributed continuation, from the quote
before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.knowledge import lexicon as lx
from eventwire.nlp.spacy_nlp import doc_text
from eventwire.records import Document, Quote

#: Fewer words than this between quote marks is a scare quote or a title ("Plan Mexico"), not speech.
MIN_QUOTE_WORDS = 4

_OPEN = {"“": "”", "``": "''", "«": "»"}
_MARK = re.compile(r"``|''|[“”\"«»]")


@dataclass
class Segment:
    start: int  # inside the marks
    end: int
    closed: bool  # False: ended by the next opening mark or the paragraph end


def _role(text: str, i: int, mark: str) -> str:
    """'open' or 'close' for a quote mark at i, from the mark itself or its neighbours."""
    if mark in ("“", "``", "«"):
        return "open"
    if mark in ("”", "''", "»"):
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([{—–-/":
        return "open" if not after.isspace() else "close"
    return "close"


def quote_segments(text: str) -> list[Segment]:
    """Spans of text between quote marks (offsets of the inner text), paragraph by paragraph."""
    out: list[Segment] = []
    pos = 0
    for para in re.split(r"(\n\s*\n|\n)", text):
        if para.strip() and not para.startswith("\n"):
            out.extend(_paragraph_segments(text, pos, pos + len(para)))
        pos += len(para)
    return out


def _paragraph_segments(text: str, start: int, end: int) -> list[Segment]:
    out: list[Segment] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
        role = _role(text, m.start(), m.group())
        if role == "open":
            if open_at is not None:
                out.append(Segment(open_at, _trim_end(text, open_at, m.start()), False))
            open_at = m.end()
        elif open_at is not None:
            out.append(Segment(open_at, m.start(), True))
            open_at = None
    if open_at is not None:
        out.append(Segment(open_at, _trim_end(text, open_at, end), False))
    return [s for s in out if s.end > s.start]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


# --- speakers ---------------------------------------------------------------------------------

_PRONOUNS = {"he", "she", "they", "i", "we", "it"}
#: Role nouns that name one person: 'a spokeswoman said ... She added' refers back to her.
_PERSON_ROLES = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "chairman", "chairwoman",
                 "official", "aide", "leader", "director", "chief", "president", "mp", "analyst", "source", "lawyer",
                 "commissioner", "member", "chancellor", "premier", "governor", "mayor", "co-chairman", "editor",
                 "executive", "head", "inspector", "adviser", "advisor", "professor", "judge", "ambassador"}
#: Titles that, with 'the' and no name, point back to a person already named ('The minister told delegates').
_ANAPHORIC_TITLES = {"minister", "secretary", "chancellor", "premier", "president", "leader", "chairman",
                     "chairwoman", "co-chairman", "governor", "mayor", "commissioner", "ambassador", "senator",
                     "cardinal", "archbishop", "bishop", "judge", "general", "peer"}
#: Roles that speak for an organisation: 'a spokeswoman for Human Rights Watch' is a 'Human Rights Watch spokeswoman'.
_SPOKES_ROLES = {"spokesman", "spokeswoman", "spokesperson", "source", "official", "aide", "adviser", "advisor"}
#: Nouns that give a named person a role ('Scotsman journalist Hamish MacDonell').
_ROLE_NOUNS = _ANAPHORIC_TITLES | _PERSON_ROLES | {"journalist", "correspondent", "presenter", "commentator", "author",
                                                   "economist", "founder", "campaigner", "officer", "general"}
_MINISTERS = {"minister", "secretary", "chancellor", "premier"}
_VAGUE_ROLES = {"chief", "head", "member", "official", "source"}
#: Qualifiers that do not narrow a title down: 'the former cabinet secretary' is whoever was 'Cabinet Secretary'.
_TIME_QUALIFIERS = {"former", "then", "new", "current", "outgoing", "incoming", "late"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _speech_lemmas() -> dict[str, bool]:
    return {lemma: flag == "yes" for lemma, flag in lx.read_tsv("speech_verbs.tsv")}


_VERBS: dict[str, bool] = {}


def _is_speech_verb(tok) -> bool:
    if not _VERBS:
        _VERBS.update(_speech_lemmas())
    lemma = tok.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
    return tok.pos_ in ("VERB", "AUX") and lemma in _VERBS and tok.dep_ != "amod"  # "so-called rogue states"


_FRAMES: set[str] = set()


def _is_frame_verb(tok) -> bool:
    """A verb that can attribute quote marks in its clause: a speech verb, or a finding or belief (quote_frame_verbs.tsv)."""
    if not _FRAMES:
        _FRAMES.update(row[0] for row in lx.read_tsv("quote_frame_verbs.tsv"))
    if _is_speech_verb(tok):
        return True
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _FRAMES and tok.dep_ != "amod"


@dataclass
class Speaker:
    name: str | None
    start: int | None
    end: int | None
    at: int = 0  # where the speaker last spoke, for binding later pronouns
    person: bool = True  # whether 'he' or 'she' can mean this speaker


@dataclass
class _Context:
    """What speaker resolution reads about one document, computed once per document."""

    document: Document
    doc: object
    quoted: list[tuple[int, int]]
    genders: dict[str, str]  # person name -> "m" / "f", from honorifics ('Mr Howard', 'Ms Hewitt')
    titles: list[tuple[int, str, set[str], str]]  # (where, title noun, its other words, person): 'Tory leader Michael Howard'
    subjects: list[tuple[int, int, str]]  # (start, end, person) of each main-clause subject naming a person
    mentions: list[tuple[int, int, str]]  # (start, end, person) of every mention of a person outside quotes


def _chains(segments: list[Segment]) -> list[list[Segment]]:
    """Consecutive segments where all but the last were left open: one quotation spread over several."""
    out: list[list[Segment]] = []
    for seg in segments:
        if out and not out[-1][-1].closed and seg.start - out[-1][-1].end < 4:
            out[-1].append(seg)
        else:
            out.append([seg])
    return out


def _inside(i: int, spans: list[tuple[int, int]]) -> bool:
    return any(s - 1 <= i < e + 1 for s, e in spans)


_SENTENCE_END = re.compile(r"[.!?][\"”')]?\s")


_NEW_CLAUSE = re.compile(r"[\"”']\s+(?:but|and|while|whereas|although)\b|;")


def _frame_verbs(doc, start: int, end: int, quoted: list[tuple[int, int]], side: str) -> list:
    """Speech verbs outside quotes in the sentence where a quotation opens (side='left') or closes ('right')."""
    pos = start - 1 if side == "left" else min(end, len(doc_text(doc)) - 1)
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return []
    sent = span[0].sent
    if side == "left":
        toks = [t for t in sent if t.idx < start and not _inside(t.idx, quoted)]
        # a verb just before the quote, on the same line ("Ms Hewitt said: ..."), nearest first; not one from the
        # sentence before when the parser ran two together ('... an "explosion" of them. "For over two decades')
        toks = [t for t in toks if "\n" not in doc_text(doc)[t.idx:start]
                and not _SENTENCE_END.search(doc_text(doc), t.idx, max(t.idx, start - 1))]
        verbs = [t for t in reversed(toks) if _is_frame_verb(t)]
        # the verb the quoted words hang from first: in 'said instead of the "bonfire" New Labour had promised, there
        # had been an "explosion"', the explosion is said, not promised
        inner = doc.char_span(start, min(start + 1, len(doc_text(doc))), alignment_mode="expand")
        heads = {a.i for a in inner[0].ancestors} if inner is not None and len(inner) else set()
        return [v for v in verbs if v.i in heads] + [v for v in verbs if v.i not in heads]
    toks = [t for t in sent if t.idx >= end and not _inside(t.idx, quoted)]
    # not a verb of the next clause: '... left "without a stain on his character" but Tory Dominic Grieve branded'
    toks = [t for t in toks if "\n" not in doc_text(doc)[end:t.idx] and not _NEW_CLAUSE.search(doc_text(doc), end, t.idx)]
    return [t for t in toks if _is_frame_verb(t)]


def _subject(verb):
    """Who does the saying: the verb's subject, else a name right before or after it (the parser often loses it)."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if child.ent_type_ != "PERSON":
                # "one of the Guildford Four, Gerry Conlon - who ... - said": the name the parser hung on the verb
                named = [c for c in verb.children if c.ent_type_ == "PERSON" and c.pos_ == "PROPN"
                         and child.i < c.i < verb.i and c.dep_ in ("npadvmod", "appos", "dep", "nsubj")]
                if named:
                    return named[0]
            return child
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj  # "prompted the prime minister to say"
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        speech = next((a for a in verb.ancestors if _is_speech_verb(a)), None)
        return _subject(speech or verb.head)  # "He said Mr Blair had spoken ..., adding:" : he adds
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)  # "Mr Fox responded by accusing the prime minister of ...": Mr Fox accuses
    doc = verb.doc
    if verb.dep_ == "ROOT":
        # 'In an article for the Times newspaper, Ms Dunwoody, who chairs ..., says:' with the name hung elsewhere:
        # the last person named before the verb in its sentence
        named = [t for t in doc[verb.sent.start:verb.i] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                 and (t.i + 1 == len(doc) or doc[t.i + 1].ent_type_ != "PERSON")]
        if named:
            return named[-1]
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) and verb.lemma_.lower() not in _ADDRESSEE_VERBS else None
    for tok in (doc[verb.i - 1] if verb.i > 0 else None, after):  # 'told BBC News': the BBC is told, not telling
        if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG"):
            return tok
    return None


def _according_to(doc, start: int, end: int, quoted) -> object | None:
    for side in ("left", "right"):
        pos = start - 1 if side == "left" else min(end, len(doc_text(doc)) - 1)
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):  # whitespace between tokens expands to an empty span
            continue
        for t in span[0].sent:
            if t.lower_ == "according" and not _inside(t.idx, quoted):
                for prep in t.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def _np_span(tok) -> tuple[int, int]:
    """The noun phrase a subject heads, without trailing appositives and relative clauses."""
    left = tok.left_edge
    while left.pos_ == "DET" and left.i < tok.i:
        left = tok.doc[left.i + 1]
    right = tok
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("compound", "flat", "prep") and child.dep_ != "appos":
            if child.dep_ == "prep" and child.lower_ not in ("of", "for", "from"):
                continue
            right = max(right, child.right_edge, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def _name_for(ctx: _Context, tok, previous: Speaker | None) -> Speaker:
    """The speaker as a canonical actor: a name, a pronoun bound to the last person, or a described role."""
    from eventwire.knowledge.actors import actor_at

    document, doc = ctx.document, ctx.doc
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Mr Howard, who ... said": the antecedent speaks
    if tok.lower_ == "it" and tok.pos_ == "PRON":  # 'In a statement, it said': an organisation, never a person
        if previous is not None and previous.name and not previous.person:
            return previous
        return Speaker(None, tok.idx, tok.idx + len(tok.text))
    if tok.lower_ in _PRONOUNS and tok.pos_ == "PRON":
        person = _last_person(ctx, tok.idx, previous, tok.lower_)
        if person is not None:
            return person
        return Speaker(None, tok.idx, tok.idx + len(tok.text))
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
        if actor is None and tok.lemma_.lower() not in _PERSON_ROLES:  # 'the Ealing North MP' is not Ealing North
            actor = actor_at(document, start, end)
        if actor is not None and actor.kind in ("PERSON", "ORG"):
            # the parser may call 'the SNP's leader, Nicola Sturgeon' an organisation; a leader is a person
            person = actor.kind == "PERSON" or named_role is not None and named_role.lemma_.lower() in _PERSON_ROLES
            return Speaker(actor.name, start, end, person=person)
    if _anaphoric_title(tok):
        person = _titled_person(ctx, tok)
        if person is None and tok.lemma_.lower() in _ANAPHORIC_TITLES:
            person = _last_person(ctx, tok.idx, previous, title=tok)
        if person is not None and person.name:
            return person
    elif _role_description(tok):
        person = _titled_person(ctx, tok) or _last_person(ctx, tok.idx, previous, title=tok)
        if person is not None and person.name:
            return Speaker(person.name, start, end)
    lemma = tok.lemma_.lower()
    person = lemma in _PERSON_ROLES and tok.tag_ in ("NN", "NNP") or tok.ent_type_ == "PERSON"
    if named_role is not None:
        person = person or named_role.lemma_.lower() in _PERSON_ROLES
    # 'Theresa May, shadow secretary for the family': a name with a person's role beside it is a person's
    person = person or any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_ROLES for c in tok.children)
    return Speaker(_role_name(tok, doc, start, end), start, end, person=person)


def _person_inside(ctx: _Context, tok, start: int, end: int) -> Speaker | None:
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
    if tok.ent_type_ == "PERSON":
        return None
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
    return nxt if nxt is not None and nxt.lower_ in _PERSON_ROLES else None


def _anaphoric_title(tok) -> bool:
    """'The minister', 'the former cabinet secretary', 'The Spectator editor': a definite role with no name and no
    organisation after it."""
    if tok.lemma_.lower() not in _ROLE_NOUNS or tok.tag_ not in ("NN", "NNP"):
        return False
    if any(c.dep_ == "prep" for c in tok.children) or any(c.dep_ == "appos" for c in tok.children):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _role_description(tok) -> bool:
    """A definite description of a title holder that the article named before ('The Scottish National Party's
    parliamentary leader argued' after 'The SNP's Nicola Sturgeon'; 'The former UN commissioner for human rights and
    Irish president told' after 'Mary Robinson has said'): a title made definite by a possessor ('the party's', 'the
    SNP's') or by 'the' with 'for'/'of' after it. Newswire introduces people by name first and describes them after;
    a spokesman's organisation ('the spokesman for X') stays a described speaker."""
    if tok.lemma_.lower() not in _ANAPHORIC_TITLES or tok.tag_ not in ("NN", "NNP") \
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


def _main_subject(span) -> bool:
    root = span.root
    if root.dep_ == "appos":
        root = root.head  # "The SNP's Holyrood leader, Nicola Sturgeon, welcomed the move"
    if root.dep_ not in _SUBJECT_DEPS:
        return False
    verb = root.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _last_person(ctx: _Context, before: int, previous: Speaker | None, pronoun: str | None = None,
                 title=None) -> Speaker | None:
    """The person a pronoun or a bare title most likely means: the last speaker or the last person who was a
    sentence's subject, whichever is later, skipping anyone whose honorific says the pronoun's gender is wrong
    ('She said' after Mr X) or whom the article gave another role ('the first minister' is not 'journalist X')."""
    def fits(name: str) -> bool:
        return _agrees(ctx, name, pronoun) and (title is None or _may_hold(ctx, name, title))

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
    if pronoun not in _PRONOUN_GENDER and title is None:
        return previous  # 'they', 'we', 'it' may well be the organisation that spoke last
    if previous is not None and previous.name and previous.person and fits(previous.name):
        return previous
    # 'he' is a person: the last one named at all ('..., according to Mr Cable. "..." he said'), never an organisation
    named = [(start, end, name) for start, end, name in ctx.mentions if end <= before and fits(name)]
    return Speaker(named[-1][2], named[-1][0], named[-1][1]) if named else None


def _may_hold(ctx: _Context, name: str, tok) -> bool:
    """Whether a person can be 'the <title>' (tok): not when the article gave them only other roles ('Scotsman
    journalist Hamish MacDonell' is not 'the first minister', 'Home Secretary Charles Clarke' not 'the prime
    minister'). Ministers and secretaries of state are one kind; a vague role ('civil service chief') fits any title."""
    title, want = tok.lemma_.lower(), _qualifiers(tok)
    held = [(noun, words) for _, noun, words, person in ctx.titles if person == name]
    return not held or any(noun in _VAGUE_ROLES or (noun == title or {noun, title} <= _MINISTERS) and want <= words
                           for noun, words in held)


_GENDER_WORDS = {"mr": "m", "sir": "m", "lord": "m", "prince": "m", "king": "m", "rabbi": "m", "father": "m",
                 "ms": "f", "mrs": "f", "miss": "f", "lady": "f", "dame": "f", "baroness": "f", "princess": "f",
                 "queen": "f", "spokesman": "m", "chairman": "m", "spokeswoman": "f", "chairwoman": "f"}
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def _agrees(ctx: _Context, name: str, pronoun: str | None) -> bool:
    want = _PRONOUN_GENDER.get(pronoun or "")
    if want is None:
        return True
    have = ctx.genders.get(name) or _GENDER_WORDS.get(name.split()[-1].lower() if name.split() else "")
    return have is None or have == want


def _genders(document: Document, text: str) -> dict[str, str]:
    """Each person's gender where the article gives it by an honorific before one of their mentions (the parser
    sometimes calls a person an organisation: 'Mr Cable' is a man all the same)."""
    out: dict[str, str] = {}
    for actor in document.actors:
        if actor.kind not in ("PERSON", "ORG"):
            continue
        seen = set()
        for m in actor.mentions:
            before = re.findall(r"[A-Za-z]+", text[max(0, m.start - 12):m.start])
            words = before[-1:] + re.findall(r"[A-Za-z]+", text[m.start:m.end])[:1]
            seen.update(_GENDER_WORDS[w.lower()] for w in words if w.lower() in _GENDER_WORDS)
        if not seen and actor.kind == "PERSON" and len(actor.name.split()) > 1:
            given = _given_names().get(actor.name.split()[0])  # 'Margaret Davidson', never called Ms Davidson
            seen = {given} if given else seen
        if len(seen) == 1:
            out[actor.name] = seen.pop()
    return out


_GIVEN: dict[str, str] = {}


def _given_names() -> dict[str, str]:
    if not _GIVEN:
        _GIVEN.update((name, gender) for name, gender in lx.read_tsv("given_names.tsv"))
    return _GIVEN


def _people(document: Document, genders: dict[str, str]) -> list:
    """The document's people: its PERSON actors, and actors the parser took for organisations but an honorific shows
    to be people ('Mr Cable')."""
    return [a for a in document.actors if a.kind == "PERSON" or a.kind == "ORG" and a.name in genders]


def _main_subjects(people, doc, quoted) -> list[tuple[int, int, str]]:
    """Mentions of a person as a main clause's subject, in text order: whom a later 'he' or 'she' most likely means."""
    out = []
    for actor in people:
        for m in actor.mentions:
            if _inside(m.start, quoted):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _main_subject(span):
                out.append((m.start, m.end, actor.name))
    return sorted(out)


def _titled_subjects(ctx: _Context) -> list[tuple[int, int, str]]:
    """'The Tory leader was asked ...': a main-clause subject that is a title the article gave a named person."""
    out = []
    for tok in ctx.doc:
        if tok.dep_ in _SUBJECT_DEPS and _anaphoric_title(tok) and not _inside(tok.idx, ctx.quoted):
            span = tok.doc[tok.left_edge.i:tok.i + 1]
            person = _titled_person(ctx, tok) if _main_subject(span) else None
            if person is not None:
                out.append((span.start_char, span.end_char, person.name))
    return out


def _titles(document: Document, doc) -> list[tuple[int, str, set[str], str]]:
    """(title noun, other title words, person) for each titled mention: 'Tory leader Michael Howard',
    'Rhona Brankin, the deputy health minister', 'The SNP's Holyrood leader, Nicola Sturgeon'."""
    out = []
    for actor in document.actors:
        if actor.kind != "PERSON":
            continue
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            words = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "poss", "nmod")
                     and t.ent_type_ != "PERSON"]
            for c in head.children:
                if c.dep_ == "appos" and c.lemma_.lower() in _ROLE_NOUNS:
                    words += [t for t in c.subtree if t.i <= c.i]
            if head.dep_ == "appos" and head.head.lemma_.lower() in _ROLE_NOUNS:
                words += [t for t in head.head.subtree if t.i <= head.head.i]
            nouns = [t for t in words if t.lemma_.lower() in _ROLE_NOUNS]
            if nouns:
                rest = {_word(t) for t in words if t is not nouns[-1] and t.pos_ not in ("DET", "PUNCT", "PART")}
                out.append((m.start, nouns[-1].lemma_.lower(), rest, actor.name))
    return sorted(out, key=lambda x: x[0])


def _word(tok) -> str:
    return lx.fold(tok.text)


def _qualifiers(tok) -> set[str]:
    """The words that narrow a title: 'the first minister' -> {'first'}, 'the Tory leader' -> {'tory'}."""
    return {_word(t) for t in tok.subtree if t.i < tok.i and t.pos_ not in ("DET", "PUNCT", "PART")} - _TIME_QUALIFIERS


def _titled_person(ctx: _Context, tok) -> Speaker | None:
    """The person the article introduced with this title before ('Tory leader Michael Howard' ... 'the Tory leader'),
    the latest one when several share the title."""
    want = _qualifiers(tok)
    lemma = tok.lemma_.lower()
    names = [name for at, noun, words, name in ctx.titles if at < tok.idx and noun == lemma and want <= words]
    if not names:
        return None
    return Speaker(names[-1], tok.idx, tok.idx + len(tok.text))


#: Verbs whose subject is the one spoken to when passive: 'she was told: "..."' does not make her the speaker.
_ADDRESSEE_VERBS = {"tell", "ask", "urge", "warn", "brief", "call"}


def _agent(verb):
    """The 'by' agent of a passive verb ('was agreed by a psychiatric adviser'): who did it."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _reporter(verb):
    """The speech verb whose report a clause is part of ('The spokeswoman said the recommendation was agreed by ...'):
    the quotation inside is the reporter's words, not the words of someone in the reported clause."""
    for anc in verb.ancestors:
        if _is_speech_verb(anc) and _subject(anc) is not None:
            return anc
    return None


def _reporting_subject(verb, subj):
    """'The Tories said ... in what they describe as a "..."': a plural pronoun inside someone's report is the
    reporter (the antecedent c-commands it), not whoever spoke last."""
    if subj.lower_ not in ("they", "we") or subj.pos_ != "PRON":
        return subj
    reporter = _reporter(verb)
    outer = _subject(reporter) if reporter is not None else None
    return outer if outer is not None and outer.pos_ != "PRON" else subj


def _attribute(ctx: _Context, chain: list[Segment], previous: Speaker | None) -> Speaker | None:
    first, last = chain[0], chain[-1]
    doc, quoted = ctx.doc, ctx.quoted
    verbs = []
    if last.closed:
        verbs += _frame_verbs(doc, first.start, last.end, quoted, "right")
    verbs += _frame_verbs(doc, first.start, last.end, quoted, "left")
    for verb in verbs:
        subj = _subject(verb)
        if subj is None or subj.dep_ == "nsubjpass" and verb.lemma_.lower() in _ADDRESSEE_VERBS:
            continue  # the nearest verb names nobody ("so-called", "she was told"): the next one may
        if subj.dep_ == "nsubjpass" and subj.head.i == verb.i:
            agent = _agent(verb)
            if agent is not None and _reporter(verb) is None:
                return _name_for(ctx, agent, previous)
            continue  # 'the recommendation was agreed by an adviser': the thing agreed never speaks
        return _name_for(ctx, _reporting_subject(verb, subj), previous)
    source = _according_to(doc, first.start, last.end, quoted)
    if source is not None:
        return _name_for(ctx, source, previous)
    return None


def _context(document: Document, doc, quoted) -> _Context:
    genders = _genders(document, document.text)
    people = _people(document, genders)
    mentions = sorted((m.start, m.end, a.name) for a in people for m in a.mentions if not _inside(m.start, quoted))
    ctx = _Context(document, doc, quoted, genders, _titles(document, doc), _main_subjects(people, doc, quoted),
                   mentions)
    ctx.subjects = sorted(ctx.subjects + _titled_subjects(ctx))
    return ctx


def _main_clause(verb) -> bool:
    """Whether a speech verb carries its sentence ('X said ...', 'X said ... and added ...'), not a clause inside
    another's report ('Mr Howard said Mr Blunkett had complained ...'): only the former sets who speaks next."""
    while verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def extract_quotes(document: Document, doc) -> list[Quote]:
    """Direct quotes of MIN_QUOTE_WORDS or more and reported speech outside them, attributed in reading order."""
    text = document.text
    segments = quote_segments(text)
    quoted = [(s.start, s.end) for s in segments]
    items: list[tuple[int, str, object]] = [(c[0].start, "direct", c) for c in _chains(segments)]
    if doc is not None:
        items += [(r[1], "reported", r) for r in _reported_clauses(doc, quoted)]
    out: list[Quote] = []
    previous: Speaker | None = None
    ctx = _context(document, doc, quoted) if doc is not None else None
    for _, kind, item in sorted(items, key=lambda x: x[0]):
        main = True
        if kind == "direct":
            chain = item
            speaker = _attribute(ctx, chain, previous) if ctx is not None else None
            opens_sentence = _opens_sentence(text, chain[0].start)
            if speaker is None and previous is not None and opens_sentence and _continues(text, previous.at, chain[0].start):
                # an unattributed quotation right after an attributed one continues it, unless another person has
                # since been a sentence's subject ('X criticised the system. "There is no logic ..."')
                speaker = _last_person(ctx, chain[0].start, previous) if ctx is not None else previous
            words = sum(word_count(text[s.start:s.end]) for s in chain)
            # inside a sentence, quote marks nobody is said to have spoken are a citation or a title, not speech
            if words >= MIN_QUOTE_WORDS and (speaker is not None or opens_sentence) and not _title_case(text, chain) \
                    and not _named_text(ctx, chain) and not _faceless(ctx, speaker):
                for seg in chain:
                    out.append(_quote(text, seg.start, seg.end, speaker, True))
            # a short quote ("very important", Mr Howard said) is not emitted, but it does say who speaks next
            end = chain[-1].end
        else:
            verb, start, end, subj = item
            speaker = _name_for(ctx, subj, previous)
            out.append(_quote(text, start, end, speaker, False))
            main = _main_clause(verb)
        if speaker is not None and speaker.name and main:
            previous = Speaker(speaker.name, speaker.start, speaker.end, end, speaker.person)
        elif speaker is not None and kind == "direct":
            previous = None  # attributed to someone we could not name: what follows is theirs, not the last speaker's
    _speaker_codes(document, out)
    return sorted(out, key=lambda q: q.start)


def _speaker_codes(document: Document, quotes: list[Quote]) -> None:
    """Each speaker's country and sector, from the actor of that name (or the role phrase resolved on its own)."""
    from eventwire.knowledge.actors import resolve_phrase

    by_name = {a.name: a for a in document.actors or []}
    for q in quotes:
        if not q.speaker:
            continue
        actor = by_name.get(q.speaker)
        q.speaker_country, q.speaker_sector = (actor.country, actor.sector) if actor else resolve_phrase(q.speaker)


#: A peer's territorial designation: 'Lord Nicholls of Birkenhead' is Lord Nicholls.
_PEERAGE_PLACE = re.compile(r"^((?:Lord|Baroness|Lady|Viscount|Earl)\s+[A-Z][\w'-]+)\s+of\s+[A-Z].*$")
#: Letters after a name that are not part of it: 'Guy Mansfield QC' is Guy Mansfield.
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:QC|KC|MP|MSP|MEP|AM|OBE|MBE|CBE|KBE|PC))+$")


def _quote(text: str, start: int, end: int, speaker: Speaker | None, direct: bool) -> Quote:
    name = _PEERAGE_PLACE.sub(r"\1", _POST_NOMINALS.sub("", speaker.name)) if speaker and speaker.name else None
    return Quote(speaker=name, text=text[start:end], start=start, end=end, direct=direct,
                 speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the quotation begins a sentence or paragraph (its mark follows a full stop, a colon or a line break)."""
    before = text[max(0, start - 4):start - 1].rstrip(" \u00a0")
    return not before or before[-1] in ".!?:\n\"”'"


#: Nouns whose quoted value is a text on display, not anyone's speech: 'Labour's slogan would be "..."'.
_TEXT_NOUNS = {"slogan", "motto", "headline", "catchphrase", "banner", "poster", "title", "question", "caption"}


def _named_text(ctx: _Context | None, chain: list[Segment]) -> bool:
    """Whether the quotation is what a slogan, headline or title is ('its slogan would be "..."'): a quoted text."""
    if ctx is None:
        return False
    inner = ctx.doc.char_span(chain[0].start, min(chain[0].start + 1, len(ctx.document.text)), alignment_mode="expand")
    if inner is None or not len(inner):
        return False
    for verb in inner[0].ancestors:  # up to the verb that reports it, if any
        if _is_speech_verb(verb):
            return False
        if verb.lemma_.lower() == "be" and any(c.dep_ in _SUBJECT_DEPS and c.lemma_.lower() in _TEXT_NOUNS
                                               for c in verb.children):
            return True
    return False


def _faceless(ctx: _Context | None, speaker: Speaker | None) -> bool:
    """'At its simplest, it is saying: "..."' with no organisation for 'it' to be: a writer's paraphrase of what a
    message or plan says, in the present tense, not a statement someone made ('In a statement, it said')."""
    if ctx is None or speaker is None or speaker.name is not None or speaker.start is None \
            or ctx.document.text[speaker.start:speaker.end].lower() not in ("it", "this"):
        return False
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].head.tag_ in ("VBZ", "VBG", "VBP")


def _title_case(text: str, chain: list[Segment]) -> bool:
    """'Whose Secretary are You, minister': a title is quoted in Title Case, speech is not."""
    words = [w for s in chain for w in re.findall(r"[A-Za-z]+", text[s.start:s.end]) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _continues(text: str, previous_end: int, start: int) -> bool:
    """Whether a quotation follows the last attribution closely enough to be its continuation."""
    gap = text[previous_end:start]
    return 0 <= previous_end <= start and len(gap) < 400 and gap.count("\n\n") <= 1


def _reported_clauses(doc, quoted) -> list[tuple]:
    """'Calderon said he supports ...': (verb, start, end, subject) for each clause a reporting verb governs outside quotes."""
    if not _VERBS:
        _VERBS.update(_speech_lemmas())
    out = []
    for tok in doc:
        if not (_is_speech_verb(tok) and _VERBS.get(tok.lemma_.lower())) or _inside(tok.idx, quoted):
            continue
        # 'X said it was ...' and 'It was ..., the spokesman said': either way the clause is what was said
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None) \
            or next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        subj = _subject(tok)
        if clause is None or subj is None:
            continue
        left, right = clause.left_edge, clause.right_edge
        if left.lower_ == "that":
            left = doc[left.i + 1]
        start, end = left.idx, right.idx + len(right.text)
        if any(s - 1 <= end and start <= e + 1 for s, e in quoted) or word_count(doc_text(doc)[start:end]) < MIN_QUOTE_WORDS:
            continue
        out.append((tok, start, end, subj))
    return out
