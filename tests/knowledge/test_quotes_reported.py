"""Issue 24: reported speech as a first-class quote, attributed fragments, and speakers resolved through
organisations, conjoined subjects and non-speaker sources. Texts are written for the tests."""

from __future__ import annotations

import pytest


def _quotes(doc, direct=None):
    return [(q.speaker, q.text) for q in doc.quotes if direct is None or q.direct is direct]


@pytest.mark.parametrize("text, speaker, clause", [
    ("Cara Diemont, an analyst at Datamonitor, said call centres also saw a sharp rise in staff turnover.",
     "Cara Diemont", "call centres also saw a sharp rise in staff turnover"),
    ("The minister told reporters that the talks had failed after two days.", "minister", "the talks had failed"),
    ("Union leader Bob Crow warned that the strike would go ahead on Monday.", "Bob Crow", "the strike would go ahead"),
    ("Mr Howard denied that his party would cut public spending.", "Howard", "his party would cut public spending"),
    ("According to Sarah Jones, the plan will fail within a year.", "Sarah Jones", "the plan will fail within a year"),
    ("The plan will fail within a year, according to Sarah Jones.", "Sarah Jones", "The plan will fail within a year"),
    ("Referees chief Keith Hackett believes the manager should retract his comments.", "Keith Hackett",
     "the manager should retract his comments"),
])
def test_reported_speech_frames(annotate, text, speaker, clause):
    reported = _quotes(annotate(text), direct=False)
    assert any(s and s.split()[-1] == speaker.split()[-1] and clause in t for s, t in reported), reported


def test_a_fragment_inside_a_reported_clause_is_both(annotate):
    doc = annotate('Labour leader Sarah Jones said the tax plan was "a disaster waiting to happen" for families.')
    assert ("Sarah Jones", "a disaster waiting to happen") in _quotes(doc, direct=True)
    assert any(t.startswith("the tax plan was") for _, t in _quotes(doc, direct=False))


def test_short_fragments_count_when_someone_is_said_to_speak_them(annotate):
    doc = annotate('The chancellor, Gordon Brown, described the figures as "alarming" and called the delay "scary".')
    assert [t for _, t in _quotes(doc, direct=True)] == ["alarming", "scary"]
    assert {s for s, _ in _quotes(doc, direct=True)} == {"Gordon Brown"}


@pytest.mark.parametrize("text", [
    'Critics mocked the so-called "dream team" at the weekend.',  # scare quotes
    'The film "Ray" opened in London last week to good reviews.',  # a title
    'The striker, known as "Big Sam", scored twice on Saturday.',  # a nickname
])
def test_scare_quotes_titles_and_nicknames_stay_out(annotate, text):
    assert not _quotes(annotate(text), direct=True)


def test_a_quote_split_by_he_said_is_two_quotes_of_one_speaker(annotate):
    doc = annotate('Tony Blair visited Leeds. "We will win this election," he said, "and we will win it well."')
    assert _quotes(doc, direct=True) == [("Tony Blair", "We will win this election,"),
                                        ("Tony Blair", "and we will win it well.")]


def test_a_paragraph_that_continues_a_quote_keeps_its_speaker(annotate):
    doc = annotate('"We will fight this decision," said union leader Bob Crow. "It is a scandal and our members '
                   'will not accept it."\n\n"The strike will go ahead next week unless the company talks to us."')
    assert [s for s, _ in _quotes(doc, direct=True)] == ["Bob Crow"] * 3


def test_the_firm_and_the_company_are_the_organisation_named_before(annotate):
    doc = annotate("Highfields Capital Management said it intends to take the retailer private. "
                   "The firm added that talks with the board were at an early stage.")
    assert {s for s, _ in _quotes(doc, direct=False)} == {"Highfields Capital Management"}


def test_it_after_an_organisation_is_that_organisation(annotate):
    doc = annotate('The American Film Institute named its films of the year. It claimed both directors had '
                   '"tossed Hollywood convention out the window".')
    assert ("American Film Institute", "tossed Hollywood convention out the window") in _quotes(doc, direct=True)


def test_conjoined_organisations_speak_together(annotate):
    doc = annotate("Cable & Wireless and NTL have announced that they are investing millions in new lines.")
    (speaker, _), = _quotes(doc, direct=False)
    assert "Cable & Wireless" in speaker and "NTL" in speaker


@pytest.mark.parametrize("text", [
    "A survey by the CBI found that 40% of firms planned to cut jobs this year.",
    "The report said growth would slow sharply in the coming year.",
    "According to the Treasury leak, the chancellor plans to raise taxes next spring.",
    "Readers should note that the offer closes on Friday at noon.",
])
def test_surveys_reports_leaks_and_unreal_speech_are_not_quotes(annotate, text):
    assert not annotate(text).quotes


def test_survey_respondents_are_speakers(annotate):
    doc = annotate("Most respondents said they expected prices to rise over the next year.")
    assert [s for s, _ in _quotes(doc, direct=False)] == ["Most respondents"]


def test_our_correspondent_is_the_reporter_the_article_named(annotate):
    doc = annotate('BBC correspondent Anna Holt said the unions were "a formidable force" before the election. '
                   'Opposition to the plan is "one thing all the unions agree on", our correspondent added. '
                   'Our correspondent said that no deal had been offered at the meeting.')
    speakers = {s for s, _ in _quotes(doc)}
    assert speakers == {"Anna Holt"}, _quotes(doc)


def test_a_bare_surname_the_parser_missed_is_the_person_the_article_named(annotate):
    doc = annotate('Manager Jose Mourinho was angry. Referees chief Keith Hackett said: "He should look at the facts." '
                   'Mourinho added that the match was entertaining and insisted his team could still reach the final. '
                   '"It is 0-0, so if we win we go through to the final," he said.')
    last = max(doc.quotes, key=lambda q: q.start)
    assert last.direct and last.speaker == "Jose Mourinho", _quotes(doc)


def test_a_named_source_keeps_her_name_beside_her_company(annotate):
    doc = annotate("The digital revolution is about letting people share their own stories, according to "
                   "Carly Fiorina, chief of technology giant Hewlett Packard.")
    assert [s for s, _ in _quotes(doc, direct=False)] == ["Carly Fiorina"], _quotes(doc)
