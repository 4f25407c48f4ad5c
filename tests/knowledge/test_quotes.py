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


def _direct(doc):
    return [q.speaker for q in doc.quotes if q.direct]


def _surnames(doc):
    return [q.speaker.split()[-1] if q.speaker else None for q in doc.quotes if q.direct]


def test_she_does_not_bind_to_a_man_named_later(annotate):
    doc = annotate('Labour leader Sarah Jones welcomed the plan. Mr Peter Smith, the Tory spokesman, attacked it. '
                   'She said: "We have waited far too long for this reform to arrive."')
    assert _direct(doc) == ["Sarah Jones"]


def test_a_title_means_the_person_the_article_gave_it(annotate):
    doc = annotate('Tory leader Michael Howard visited Leeds. Scotsman journalist Hamish MacDonell wrote about it. '
                   'The Tory leader said: "We are going to win this election with a clear plan."')
    assert _direct(doc) == ["Michael Howard"]


def test_a_report_inside_a_report_does_not_set_the_next_speaker(annotate):
    doc = annotate('Mr Howard said Mr Blunkett had complained he had inherited a mess at the Home Office. '
                   'The Tory leader went on: "He thinks the culture secretary is weak and the chancellor is worse."')
    assert _surnames(doc) == ["Howard"]


def test_the_one_who_was_told_is_not_the_speaker(annotate):
    doc = annotate('Harriet Harman described the hostility. Another member of the Cabinet says she was told: '
                   '"Oh, you have had a very fast rise in this place."')
    assert _direct(doc) and _direct(doc)[0].endswith("member of the Cabinet")


def test_a_named_subject_keeps_its_name_over_its_appositive(annotate):
    doc = annotate('Liberal Democrat Sarah Teather, the most recent female MP to be elected, told researchers: '
                   '"Lots of people say it is like an old boys club." On Thursday, Lord Bingham - a senior law lord - '
                   'said the rules allowed detentions "in a way that discriminates on the ground of nationality".')
    assert _surnames(doc) == ["Teather", "Bingham"]


def test_a_finding_frames_the_quoted_words_of_its_subject(annotate):
    doc = annotate('The select committee found that the founders had been caught up in the "general atmosphere of '
                   'enthusiasm" around the internet.')
    assert _direct(doc) and _direct(doc)[0].endswith("committee")


def test_post_nominal_letters_are_not_part_of_the_speaker(annotate):
    doc = annotate('The chairman of the Bar Council, Guy Mansfield QC, said: "There is a real risk to people on the margins."')
    assert _direct(doc) == ["Guy Mansfield"]


def test_so_called_is_not_a_speech_verb(annotate):
    doc = annotate('Professor Amitai Etzioni spoke in London. He suggests so-called rogue states are less of a '
                   'problem than "failed and failing states" today.')
    assert _direct(doc) == ["Amitai Etzioni"]


def test_it_is_never_a_person(annotate):
    doc = annotate('Mr Mubanga said he had been chained. The US government denied the claims. In a statement, it said: '
                   '"The Department of Defense has no doubt that he was properly detained."')
    speakers = _direct(doc)
    assert len(speakers) == 1 and "Mubanga" not in (speakers[0] or "")


def test_the_one_told_after_the_verb_is_not_the_speaker(annotate):
    doc = annotate('Mr Blair said he had not read the report. But told BBC News: "As far as I am concerned, we have drawn a line."')
    assert _surnames(doc) == ["Blair"]


def test_a_role_phrase_ending_in_a_name_is_that_person(annotate):
    doc = annotate('Shadow leader of the Commons Oliver Heald said: "This will be part of our aim to reduce unelected posts."')
    assert _surnames(doc) == ["Heald"]


def test_an_unattributed_quote_goes_to_the_person_who_just_took_the_floor(annotate):
    doc = annotate('Ms Hodge said: "Foster carers must not be out of pocket when caring for a child." '
                   'Fostering Network executive director Robert Tapsfield criticised the existing system. '
                   '"There is just no logic to a system which values children differently."')
    assert _surnames(doc) == ["Hodge", "Tapsfield"]


def test_a_given_name_tells_he_from_she(annotate):
    doc = annotate('Jack McConnell spoke to pupils in the Highlands. Margaret Davidson asked him a question. '
                   'He said: "I hope I am not going to be seen as preaching to anyone here."')
    assert _surnames(doc) == ["McConnell"]


def test_a_peer_is_named_without_the_place_in_the_title(annotate):
    doc = annotate('Lord Nicholls of Birkenhead said: "Indefinite imprisonment without charge is anathema in any country."')
    assert _direct(doc) == ["Lord Nicholls"]


def test_a_report_given_after_its_clause_sets_the_next_speaker(annotate):
    doc = annotate('Mr Tamimi said: "She is demonising our whole community here." The law was not aimed at one '
                   'community, the Home Office spokesman said.\n\n"What is happening is that those powers are used on suspects."')
    assert _direct(doc)[-1] == "Home Office spokesman"


def test_a_possessive_role_description_is_the_person_named_before(annotate):
    doc = annotate('Plaid Cymru\'s Helen Mary Jones has demanded answers from ministers.\n\n'
                   'The nationalist party\'s assembly leader argued that the decision was rushed. '
                   'She said: "We need to see every paper that was put before the minister."')
    assert [q.speaker for q in doc.quotes if q.direct] == ["Helen Mary Jones"]


def test_a_passive_subject_never_speaks_and_the_reporter_does(annotate):
    doc = annotate('The council spokeswoman said the plan was approved by a senior planning officer '
                   '"after a full consultation with local residents".')
    speakers = [q.speaker for q in doc.quotes if q.direct]
    assert speakers and "plan" not in (speakers[0] or "") and speakers[0].endswith("spokeswoman")


def test_a_passive_agent_outside_any_report_is_the_speaker(annotate):
    doc = annotate('The new rules were described by Michael Howard as "a recipe for chaos in every school".')
    assert [q.speaker for q in doc.quotes if q.direct] == ["Michael Howard"]


def test_a_verb_after_but_belongs_to_the_next_clause(annotate):
    doc = annotate('Gordon Brown said the budget was "fair to every family in the land" but Oliver Letwin '
                   'called it a con.')
    assert [q.speaker for q in doc.quotes if q.direct] == ["Gordon Brown"]


def test_a_quoted_slogan_is_not_speech(annotate):
    doc = annotate('Mr Milburn said the party\'s slogan would be "Forward together, not back to the past".')
    assert [q for q in doc.quotes if q.direct] == []


def test_a_message_paraphrased_as_it_is_not_anyones_speech(annotate):
    doc = annotate('The plan was cautious and modest. At its simplest, it is saying: "Trust us with the economy '
                   'for five more years."')
    assert [q for q in doc.quotes if q.direct] == []
