"""Quotes: direct speech between quote marks and reported speech, each with its speaker resolved to an actor.

Direct quotes are found from the marks themselves (straight, curly and ``LaTeX'' style); a straight
mark opens when a space is before it and a letter after, and closes the other way round. A quote
left open runs to the next opening mark or the end of the paragraph (the newswire convention for
quotes spanning several paragraphs, and what the BBC corpus looks like once its paragraph breaks
are gone). The speaker comes from a speech verb in the same sentence ("X said", "said X",
"X, director of ..., said", "according to X"), or, for an unattributed continuation, from the quote
before it.

The package reads in order: `marks` (quote marks), `clauses` (speech verbs and their subjects), `speakers`
(who speaks) and `country` (the speaker's codes); `extract_quotes` runs them over one document.
"""

from __future__ import annotations

from eventwire.knowledge.quotes.clauses import main_clause, reported_clauses
from eventwire.knowledge.quotes.country import speaker_codes
from eventwire.knowledge.quotes.marks import (
    MIN_QUOTE_WORDS, Segment, chains, continues, quote_segments, starts_sentence, title_case, word_count
)
from eventwire.knowledge.quotes.people import Speaker, read_context
from eventwire.knowledge.quotes.speakers import (
    attribute, faceless, last_person, name_for, named_text, non_speaker, speaker_name
)
from eventwire.records import Document, Quote

__all__ = ["MIN_QUOTE_WORDS", "Segment", "Speaker", "extract_quotes", "quote_segments", "word_count"]


def extract_quotes(document: Document, doc) -> list[Quote]:
    """Direct quotes of MIN_QUOTE_WORDS or more and reported speech outside them, attributed in reading order."""
    text = document.text
    segments = quote_segments(text)
    quoted = [(s.start, s.end) for s in segments]
    items: list[tuple[int, str, object]] = [(c[0].start, "direct", c) for c in chains(segments)]
    if doc is not None:
        items += [(r[1], "reported", r) for r in reported_clauses(doc, quoted)]
    out: list[Quote] = []
    previous: Speaker | None = None
    ctx = read_context(document, doc, quoted) if doc is not None else None
    for _, kind, item in sorted(items, key=lambda x: x[0]):
        main = True
        if kind == "direct":
            chain = item
            speaker = attribute(ctx, chain, previous) if ctx is not None else None
            said_here = speaker is not None  # a verb or 'according to' in this sentence names who speaks
            opens_sentence = starts_sentence(text, chain[0].start)
            if speaker is None and previous is not None and opens_sentence and continues(text, previous.at, chain[0].start):
                # an unattributed quotation right after an attributed one continues it, unless another person has
                # since been a sentence's subject ('X criticised the system. "There is no logic ..."')
                speaker = last_person(ctx, chain[0].start, previous) if ctx is not None else previous
            words = sum(word_count(text[s.start:s.end]) for s in chain)
            # inside a sentence, quote marks nobody is said to have spoken are a citation or a title, not speech
            # a short quote is a fragment of someone's words when its sentence says who spoke them (he called
            # it "scary"); with nobody said to speak it is a scare quote or a name
            long_enough = words >= MIN_QUOTE_WORDS or said_here and words >= 1
            if long_enough and (speaker is not None or opens_sentence) and not title_case(text, chain) \
                    and not named_text(ctx, chain) and not faceless(ctx, speaker) and not non_speaker(speaker):
                for seg in chain:
                    out.append(_quote(text, seg.start, seg.end, speaker, True))
            end = chain[-1].end
        else:
            verb, start, end, subj = item
            speaker = name_for(ctx, subj, previous)
            if non_speaker(speaker):
                continue  # 'the survey found that ...': a finding, nobody's words
            out.append(_quote(text, start, end, speaker, False))
            main = main_clause(verb)
        if speaker is not None and speaker.name and main:
            previous = Speaker(speaker.name, speaker.start, speaker.end, end, speaker.person)
        elif speaker is not None and kind == "direct":
            previous = None  # attributed to someone we could not name: what follows is theirs, not the last speaker's
    speaker_codes(document, out)
    return sorted(out, key=lambda q: q.start)


def _quote(text: str, start: int, end: int, speaker: Speaker | None, direct: bool) -> Quote:
    name = speaker_name(speaker.name) if speaker and speaker.name else None
    return Quote(speaker=name, text=text[start:end], start=start, end=end, direct=direct,
                 speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None)
