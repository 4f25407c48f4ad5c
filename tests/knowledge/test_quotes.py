"""Direct and reported speech, with speakers resolved to actors rather than pronouns."""

from __future__ import annotations

from eventwire.knowledge.quotes import quote_segments


def test_straight_curly_and_latex_quote_marks_are_paired():
    text = 'He said "one two three four." Then “five six seven eight,” and ``nine ten eleven twelve.\'\''
    inner = [text[s.start:s.end] for s in quote_segments(text)]
    assert inner == ["one two three four.", "five six seven eight,", "nine ten eleven twelve."]


def test_an_unclosed_quote_runs_to_the_next_opening_mark():
    text = 'She said: "First part of it. "Second part of it," she said.'
    segs = quote_segments(text)
    assert [text[s.start:s.end] for s in segs] == ["First part of it.", "Second part of it,"]
    assert [s.closed for s in segs] == [False, True]


def test_speaker_after_and_before_the_quote(annotate):
    doc = annotate('Mark Oaten said: "There is a lot of talking left to do." '
                   '"We will vote against the bill in the end," said Mr Davis.')
    direct = [q for q in doc.quotes if q.direct]
    assert [q.speaker for q in direct] == ["Mark Oaten", "Davis"]


def test_pronoun_speaker_binds_to_the_named_person(annotate):
    doc = annotate('Tony Blair visited Leeds on Monday. "We have to win this election for the country," he said.')
    assert [q.speaker for q in doc.quotes if q.direct] == ["Tony Blair"]


def test_continuation_quote_keeps_the_speaker(annotate):
    doc = annotate('Patricia Hewitt said: "We have already doubled the length of maternity pay."\n\n'
                   '"We are going to extend the pay to nine months by 2007."')
    assert [q.speaker for q in doc.quotes if q.direct] == ["Patricia Hewitt", "Patricia Hewitt"]


def test_scare_quotes_are_not_quotes(annotate):
    doc = annotate('The plan was dubbed "Plan Mexico" in some circles.')
    assert not [q for q in doc.quotes if q.direct]


def test_reported_speech_is_indirect(annotate):
    doc = annotate("President Felipe Calderon said he supports enhancing protection for agents working in Mexico.")
    reported = [q for q in doc.quotes if not q.direct]
    assert reported and reported[0].speaker == "Felipe Calderon"
    assert reported[0].text.startswith("he supports")
