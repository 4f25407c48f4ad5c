"""Clauses that attribute speech: speech and frame verbs, the verb's subject, 'according to', and reported
clauses ('Calderon said he supports ...'). Everything here reads the spaCy parse of one sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.knowledge import lexicon as lx
from eventwire.knowledge.quotes.marks import MIN_QUOTE_WORDS, inside, word_count
from eventwire.nlp.spacy_nlp import doc_text


_WORDS = lx.word_classes("quote_words.tsv")

SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@lru_cache(maxsize=1)
def _speech_lemmas() -> dict[str, bool]:
    """Speech verb lemma -> whether it also introduces reported speech (data/speech_verbs.tsv)."""
    return {lemma: flag == "yes" for lemma, flag in lx.read_tsv("speech_verbs.tsv")}


@lru_cache(maxsize=1)
def _frame_lemmas() -> frozenset[str]:
    """Findings and beliefs that can attribute quote marks (data/quote_frame_verbs.tsv)."""
    return frozenset(row[0] for row in lx.read_tsv("quote_frame_verbs.tsv"))


def is_speech_verb(tok) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "go":
        return any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
    return tok.pos_ in ("VERB", "AUX") and lemma in _speech_lemmas() and tok.dep_ != "amod"  # "so-called rogue states"


def _is_frame_verb(tok) -> bool:
    """A verb that can attribute quote marks in its clause: a speech verb, or a finding or belief (quote_frame_verbs.tsv)."""
    if is_speech_verb(tok):
        return True
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _frame_lemmas() and tok.dep_ != "amod"


_SENTENCE_END = re.compile(r"[.!?][\"”')]?\s")
_NEW_CLAUSE = re.compile(r"[\"”']\s+(?:but|and|while|whereas|although)\b|;")


def frame_verbs(doc, start: int, end: int, quoted: list[tuple[int, int]], side: str) -> list:
    """Speech verbs outside quotes in the sentence where a quotation opens (side='left') or closes ('right')."""
    pos = start - 1 if side == "left" else min(end, len(doc_text(doc)) - 1)
    span = doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return []
    sent = span[0].sent
    if side == "left":
        toks = [t for t in sent if t.idx < start and not inside(t.idx, quoted)]
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
    toks = [t for t in sent if t.idx >= end and not inside(t.idx, quoted)]
    # not a verb of the next clause: '... left "without a stain on his character" but Tory Dominic Grieve branded'
    toks = [t for t in toks if "\n" not in doc_text(doc)[end:t.idx] and not _NEW_CLAUSE.search(doc_text(doc), end, t.idx)]
    return [t for t in toks if _is_frame_verb(t)]


def subject_of(verb):
    """Who does the saying: the verb's subject, else a name right before or after it (the parser often loses it)."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
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
        speech = next((a for a in verb.ancestors if is_speech_verb(a)), None)
        return subject_of(speech or verb.head)  # "He said Mr Blair had spoken ..., adding:" : he adds
    if verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "Mr Fox responded by accusing the prime minister of ...": Mr Fox accuses
    doc = verb.doc
    if verb.dep_ == "ROOT":
        # 'In an article for the Times newspaper, Ms Dunwoody, who chairs ..., says:' with the name hung elsewhere:
        # the last person named before the verb in its sentence
        named = [t for t in doc[verb.sent.start:verb.i] if t.ent_type_ == "PERSON" and t.pos_ == "PROPN"
                 and (t.i + 1 == len(doc) or doc[t.i + 1].ent_type_ != "PERSON")]
        if named:
            return named[-1]
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) and verb.lemma_.lower() not in ADDRESSEE_VERBS else None
    for tok in (doc[verb.i - 1] if verb.i > 0 else None, after):  # 'told BBC News': the BBC is told, not telling
        if tok is not None and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "ORG"):
            return tok
    return None


def according_to(doc, start: int, end: int, quoted) -> object | None:
    for side in ("left", "right"):
        pos = start - 1 if side == "left" else min(end, len(doc_text(doc)) - 1)
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):  # whitespace between tokens expands to an empty span
            continue
        for t in span[0].sent:
            if t.lower_ == "according" and not inside(t.idx, quoted):
                for prep in t.children:
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


#: Verbs whose subject is the one spoken to when passive: 'she was told: "..."' does not make her the speaker.
ADDRESSEE_VERBS = _WORDS["addressee_verb"]


def passive_agent(verb):
    """The 'by' agent of a passive verb ('was agreed by a psychiatric adviser'): who did it."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def reporting_verb(verb):
    """The speech verb whose report a clause is part of ('The spokeswoman said the recommendation was agreed by ...'):
    the quotation inside is the reporter's words, not the words of someone in the reported clause."""
    for anc in verb.ancestors:
        if is_speech_verb(anc) and subject_of(anc) is not None:
            return anc
    return None


def reporting_subject(verb, subj):
    """'The Tories said ... in what they describe as a "..."': a plural pronoun inside someone's report is the
    reporter (the antecedent c-commands it), not whoever spoke last."""
    if subj.lower_ not in ("they", "we") or subj.pos_ != "PRON":
        return subj
    reporter = reporting_verb(verb)
    outer = subject_of(reporter) if reporter is not None else None
    return outer if outer is not None and outer.pos_ != "PRON" else subj


def main_clause(verb) -> bool:
    """Whether a speech verb carries its sentence ('X said ...', 'X said ... and added ...'), not a clause inside
    another's report ('Mr Howard said Mr Blunkett had complained ...'): only the former sets who speaks next."""
    while verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def reported_clauses(doc, quoted) -> list[tuple]:
    """'Calderon said he supports ...': (verb, start, end, subject) for each clause a reporting verb governs outside quotes."""
    out = []
    for tok in doc:
        if not (is_speech_verb(tok) and _speech_lemmas().get(tok.lemma_.lower())) or inside(tok.idx, quoted):
            continue
        # 'X said it was ...' and 'It was ..., the spokesman said': either way the clause is what was said
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None) \
            or next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        subj = subject_of(tok)
        if clause is None and tok.dep_ == "parataxis" and tok.head.i != tok.i:
            clause = tok.head  # 'The job of firms now, she said in a speech, was to ensure ...': the sentence around
        if clause is None or subj is None or _unreal(tok) or impersonal(tok, subj):
            continue
        left, right = clause.left_edge, clause.right_edge
        while right.i > left.i and (right.is_punct or right.is_space):
            right = doc[right.i - 1]
        if left.lower_ == "that":
            left = doc[left.i + 1]
        for start, end in _split_at_speech(doc, left, right):
            if _mostly_quoted(doc_text(doc), start, end, quoted) or word_count(doc_text(doc)[start:end]) < MIN_QUOTE_WORDS:
                continue
            out.append((tok, start, end, subj))
    out += _according_clauses(doc, quoted)
    return out


def impersonal(verb, subj) -> bool:
    """'..., it has been suggested' and 'It is understood that ...': an expletive 'it' as the passive subject with
    no 'by' agent names nobody who spoke; the clause is the reporter's, not a quote."""
    return subj.lower_ == "it" and subj.dep_ == "nsubjpass" and subj.head.i == verb.i and passive_agent(verb) is None


def _split_at_speech(doc, left, right) -> list[tuple[int, int]]:
    """Character spans of a reported clause, cut where 'and' brings in a second speech verb ('said the forecast was
    too optimistic and warned growth would be 1%'): the parser sometimes hangs the second report inside the first,
    and each report is its own quotation. The words after the second verb are its report, with the same speaker,
    unless the parser gave that verb a clause of its own (then it is reported there)."""
    text = doc_text(doc)
    for tok in doc[left.i + 1:right.i]:
        prev = doc[tok.i - 1]
        if prev.lower_ == "and" and tok.lemma_.lower() in _speech_lemmas() and _speech_lemmas()[tok.lemma_.lower()] \
                and tok.tag_ in ("VBD", "VBN", "VBZ") and tok.i + 1 <= right.i:
            first_end = doc[prev.i - 1]
            while first_end.is_punct and first_end.i > left.i:
                first_end = doc[first_end.i - 1]
            first = (left.idx, first_end.idx + len(first_end.text))
            if is_speech_verb(tok) and any(c.dep_ == "ccomp" for c in tok.children):
                return [first]  # the second verb reports its own clause
            after = doc[tok.i + 1]
            if after.lower_ == "that" and after.i < right.i:
                after = doc[after.i + 1]
            return [first, (after.idx, right.idx + len(right.text))]
    return [(left.idx, right.idx + len(right.text))]


#: Modal auxiliaries: 'readers should note that ...', 'he would say that ...' report no speech that took place.
_MODALS = frozenset({"should", "must", "might", "may", "could", "can", "would", "will", "shall", "'ll"})


def _unreal(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def _mostly_quoted(text: str, start: int, end: int, quoted) -> bool:
    """A reported clause that is mostly a direct quote ('He said "we will win"') is that quote; one with a
    fragment in it ('Mr Fox said the plan was "a disaster"') is reported speech, and the fragment a quote too."""
    inner = sum(word_count(text[max(s, start):min(e, end)]) for s, e in quoted if s < end + 1 and start < e + 1)
    return inner >= 0.8 * max(1, word_count(text[start:end]))


def _according_clauses(doc, quoted) -> list[tuple]:
    """'According to X, the plan will fail' and 'The plan will fail, according to X': the rest of the sentence is
    what X said; (the word 'according', start, end, X)."""
    text = doc_text(doc)
    out = []
    for tok in doc:
        if tok.lower_ != "according" or inside(tok.idx, quoted):
            continue
        prep = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if source is None:
            continue
        sent = tok.sent
        phrase = (tok.i, max(t.i for t in prep.subtree))
        if phrase[0] == sent.start or (phrase[0] == sent.start + 1 and doc[sent.start].pos_ == "CCONJ"):
            body = [t for t in sent if t.i > phrase[1]]
        else:
            body = [t for t in sent if t.i < phrase[0]]
        body = [t for t in body if not t.is_space]
        while body and body[-1].is_punct:
            body.pop()
        while body and body[0].is_punct:
            body.pop(0)
        if not body:
            continue
        start, end = body[0].idx, body[-1].idx + len(body[-1].text)
        if _mostly_quoted(text, start, end, quoted) or word_count(text[start:end]) < MIN_QUOTE_WORDS:
            continue
        out.append((tok, start, end, source))
    return out
