"""What speaker resolution reads about a document's people, computed once per document (`Context`): their
genders (from honorifics and given names), the titles the article gives them ('Tory leader Michael Howard') and
their mentions as main-clause subjects, whom a later 'he' or 'the minister' most likely means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.quotes.clauses import SUBJECT_DEPS
from eventwire.knowledge.quotes.marks import inside
from eventwire.records import Document


_WORDS = lx.word_classes("quote_words.tsv")

#: Role nouns that name one person: 'a spokeswoman said ... She added' refers back to her.
PERSON_ROLES = _WORDS["person_role"]
#: Titles that, with 'the' and no name, point back to a person already named ('The minister told delegates').
ANAPHORIC_TITLES = _WORDS["anaphoric_title"]
#: Nouns that give a named person a role ('Scotsman journalist Hamish MacDonell').
_ROLE_NOUNS = ANAPHORIC_TITLES | PERSON_ROLES | _WORDS["role_noun"]
_MINISTERS = _WORDS["minister"]
_VAGUE_ROLES = _WORDS["vague_role"]
#: Qualifiers that do not narrow a title down: 'the former cabinet secretary' is whoever was 'Cabinet Secretary'.
_TIME_QUALIFIERS = _WORDS["time_qualifier"]


@dataclass
class Speaker:
    name: str | None
    start: int | None
    end: int | None
    at: int = 0  # where the speaker last spoke, for binding later pronouns
    person: bool = True  # whether 'he' or 'she' can mean this speaker


@dataclass
class Context:
    """What speaker resolution reads about one document, computed once per document."""

    document: Document
    doc: object
    quoted: list[tuple[int, int]]
    genders: dict[str, str]  # person name -> "m" / "f", from honorifics ('Mr Howard', 'Ms Hewitt')
    titles: list[tuple[int, str, set[str], str]]  # (where, title noun, its other words, person): 'Tory leader Michael Howard'
    subjects: list[tuple[int, int, str]]  # (start, end, person) of each main-clause subject naming a person
    mentions: list[tuple[int, int, str]]  # (start, end, person) of every mention of a person outside quotes


def anaphoric_title(tok) -> bool:
    """'The minister', 'the former cabinet secretary', 'The Spectator editor': a definite role with no name and no
    organisation after it."""
    if tok.lemma_.lower() not in _ROLE_NOUNS or tok.tag_ not in ("NN", "NNP"):
        return False
    if any(c.dep_ == "prep" for c in tok.children) or any(c.dep_ == "appos" for c in tok.children):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def _main_subject(span) -> bool:
    root = span.root
    if root.dep_ == "appos":
        root = root.head  # "The SNP's Holyrood leader, Nicola Sturgeon, welcomed the move"
    if root.dep_ not in SUBJECT_DEPS:
        return False
    verb = root.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def may_hold(ctx: Context, name: str, tok) -> bool:
    """Whether a person can be 'the <title>' (tok): not when the article gave them only other roles ('Scotsman
    journalist Hamish MacDonell' is not 'the first minister', 'Home Secretary Charles Clarke' not 'the prime
    minister'). Ministers and secretaries of state are one kind; a vague role ('civil service chief') fits any title."""
    title, want = tok.lemma_.lower(), _qualifiers(tok)
    held = [(noun, words) for _, noun, words, person in ctx.titles if person == name]
    return not held or any(noun in _VAGUE_ROLES or (noun == title or {noun, title} <= _MINISTERS) and want <= words
                           for noun, words in held)


#: Honorifics and gendered roles -> "m" / "f" (data/gender_words.tsv), and the pronouns that must agree.
_GENDER_WORDS = {word: gender for word, gender, kind in lx.read_tsv("gender_words.tsv") if kind == "title"}
PRONOUN_GENDER = {word: gender for word, gender, kind in lx.read_tsv("gender_words.tsv") if kind == "pronoun"}


def agrees(ctx: Context, name: str, pronoun: str | None) -> bool:
    want = PRONOUN_GENDER.get(pronoun or "")
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
        if not seen and len(actor.name.split()) > 1 and (actor.kind == "PERSON" or _person_like(actor.name)):
            given = _given_names().get(actor.name.split()[0])  # 'Margaret Davidson', never called Ms Davidson
            seen = {given} if given else seen
        if len(seen) == 1:
            out[actor.name] = seen.pop()
    return out


def _person_like(name: str, surnames: frozenset[str] | set[str] = frozenset()) -> bool:
    """An organisation by the parser that reads as a person's name: two capitalised words, a known given name
    first, or a last word the article uses alone for a person ('Carly Fiorina' ... 'Fiorina said')."""
    words = name.split()
    return len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words) and (
        words[0] in _given_names() or words[1] in surnames)


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {name: gender for name, gender in lx.read_tsv("given_names.tsv")}


def _people(document: Document, genders: dict[str, str]) -> list:
    """The document's people: its PERSON actors, and actors the parser took for organisations but an honorific shows
    to be people ('Mr Cable')."""
    surnames = {a.name.split()[-1] for a in document.actors if a.kind == "PERSON" and a.name.split()}
    return [a for a in document.actors if a.kind == "PERSON" or a.kind == "ORG" and (
        a.name in genders or _person_like(a.name, surnames))]


def _main_subjects(people, doc, quoted) -> list[tuple[int, int, str]]:
    """Mentions of a person as a main clause's subject, in text order: whom a later 'he' or 'she' most likely means."""
    out = []
    for actor in people:
        for m in actor.mentions:
            if inside(m.start, quoted):
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and _main_subject(span):
                out.append((m.start, m.end, actor.name))
    return sorted(out)


def _titled_subjects(ctx: Context) -> list[tuple[int, int, str]]:
    """'The Tory leader was asked ...': a main-clause subject that is a title the article gave a named person."""
    out = []
    for tok in ctx.doc:
        if tok.dep_ in SUBJECT_DEPS and anaphoric_title(tok) and not inside(tok.idx, ctx.quoted):
            span = tok.doc[tok.left_edge.i:tok.i + 1]
            person = titled_person(ctx, tok) if _main_subject(span) else None
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
    return {_word(t) for t in tok.subtree if t.i < tok.i and t.pos_ not in ("DET", "PUNCT", "PART")} - _TIME_QUALIFIERS \
        - {"our"}  # 'our correspondent' is the publication's own: 'BBC correspondent Stephen Cape'


def titled_person(ctx: Context, tok) -> Speaker | None:
    """The person the article introduced with this title before ('Tory leader Michael Howard' ... 'the Tory leader'),
    the latest one when several share the title."""
    want = _qualifiers(tok)
    lemma = tok.lemma_.lower()
    names = [name for at, noun, words, name in ctx.titles if at < tok.idx and noun == lemma and want <= words]
    if not names:
        return None
    return Speaker(names[-1], tok.idx, tok.idx + len(tok.text))


def read_context(document: Document, doc, quoted) -> Context:
    genders = _genders(document, document.text)
    people = _people(document, genders)
    mentions = sorted((m.start, m.end, a.name) for a in people for m in a.mentions if not inside(m.start, quoted))
    ctx = Context(document, doc, quoted, genders, _titles(document, doc), _main_subjects(people, doc, quoted),
                   mentions)
    ctx.subjects = sorted(ctx.subjects + _titled_subjects(ctx))
    return ctx
