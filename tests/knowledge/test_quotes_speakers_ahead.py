"""Issue 24, second round: a firm named by a possessive ('Foster's said'), a head title named only in the next
sentence ('its chief has said. Anna Kowalski met ...'), impersonal passives that name no speaker, and two reports
joined by 'and' in one sentence. Texts are written for the tests."""

from __future__ import annotations


def _quotes(doc, direct=None):
    return [(q.speaker, q.text) for q in doc.quotes if direct is None or q.direct is direct]


def test_a_possessive_firm_as_subject_keeps_its_full_name(annotate):
    doc = annotate("Brewer Hobson's Group made an offer for the vineyard on Monday. "
                   "Hobson's said the deal would create the largest wine maker in the region.")
    reported = _quotes(doc, direct=False)
    assert ("Hobson's Group", "the deal would create the largest wine maker in the region") in reported, reported


def test_a_possessive_firm_without_a_full_name_is_kept_as_written(annotate):
    doc = annotate("Shares in the retailer rose on Tuesday. Marlow's said sales over Christmas had beaten its forecasts.")
    speakers = {s for s, _ in _quotes(doc, direct=False)}
    assert speakers == {"Marlow's"}, speakers


def test_a_head_title_is_the_person_the_next_sentence_names(annotate):
    doc = annotate("Nordbank has held friendly talks with the Oslo exchange about a merger, its chief has said. "
                   "Anna Kowalski met the exchange's board in Oslo on Tuesday.")
    assert {s for s, _ in _quotes(doc, direct=False)} == {"Anna Kowalski"}, _quotes(doc)


def test_a_head_title_after_a_named_person_stays_unresolved_forward(annotate):
    # Anna Kowalski was named before the title: the title does not reach forward to her
    doc = annotate("Anna Kowalski joined the board in May. The group expects profits to fall, its chief has said. "
                   "Anna Kowalski met the exchange's board in Oslo on Tuesday.")
    assert all(s != "Anna Kowalski" or not t.startswith("The group") for s, t in _quotes(doc, direct=False))


def test_an_impersonal_passive_names_no_speaker(annotate):
    doc = annotate("New stadiums will be required to install safe standing areas by 2008, it has been suggested.")
    assert _quotes(doc) == [], _quotes(doc)


def test_two_reports_joined_by_and_are_two_quotes(annotate):
    doc = annotate("Speaking on the radio, economist Petra Lindqvist said the bank's earlier forecast was far too "
                   "gloomy and warned inflation would be just 2% next year.")
    texts = [t for _, t in _quotes(doc, direct=False)]
    assert any(t.startswith("the bank's earlier forecast") and "warned" not in t for t in texts), texts


def test_a_parenthetical_speech_verb_reports_the_sentence_around_it(annotate):
    doc = annotate("Maria Lopez runs Nokta. The role of firms such as Nokta now, she said in a speech at the Berlin fair, "
                   "was to ensure mobile and home networks fully merged.")
    reported = _quotes(doc, direct=False)
    assert any(s == "Maria Lopez" and t.startswith("The role of firms") and t.endswith("fully merged")
               for s, t in reported), reported
