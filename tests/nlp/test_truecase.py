"""The truecaser: caseless documents are detected, and recased copies keep every offset."""

import pytest

from eventwire.nlp import truecase
from eventwire.nlp.truecase import Lexicon, Truecaser, caseless, load_lexicon, restore_original_spans
from eventwire.records import Document, Entity, Event, Span

COMMON = {"said", "met", "in", "on", "the", "and", "agreed", "a", "deal", "brown", "talks", "with", "told", "he", "would",
          "to", "of", "leader", "visit", "will", "may", "be", "minister", "new", "london"}


@pytest.fixture(scope="module")
def small() -> Truecaser:
    lexicon = load_lexicon(COMMON, names=["Jacques Chirac", "Gordon Brown", "Brown"], always=["Labour", "NATO"],
                           given=["Tony"], places=False)
    lexicon.add("Paris", always=True)
    return Truecaser(lexicon)


def test_caseless_tells_lower_upper_and_ordinary_text():
    assert caseless("the minister said the talks had failed and would resume on monday.") == "lower"
    assert caseless("THE MINISTER SAID THE TALKS HAD FAILED AND WOULD RESUME ON MONDAY.") == "upper"
    assert caseless("The minister said the talks had failed. Mr Blair will go to Paris.") is None
    assert caseless("ok then") is None  # too short to judge


def test_recased_copy_has_the_same_length_and_differs_only_in_case(small):
    text = "mr brown met jacques chirac in paris on monday.\nthe u.s. and nato agreed a deal, i said."
    out = small.recase(text)
    assert len(out) == len(text) and out.lower() == text
    assert out == "Mr Brown met Jacques Chirac in Paris on Monday.\nThe U.S. and NATO agreed a deal, I said."


def test_surnames_of_known_names_and_after_titles_are_capitalised_throughout(small):
    out = small.recase("tony blair met jacques chirac. later chirac said mr blair told him so.")
    assert out == "Tony Blair met Jacques Chirac. Later Chirac said Mr Blair told him so."


def test_common_words_are_not_capitalised_on_a_guess(small):
    # "brown" alone is a common word: only "gordon brown" or "mr brown" make it a name
    out = small.recase("the leaves turned brown. gordon brown said labour will win in may 2005, not may.")
    assert out == "The leaves turned brown. Gordon Brown said Labour will win in May 2005, not may."


def test_all_caps_text_is_recased_from_lower_case(small):
    text = 'MR BROWN SAID: "NATO WILL MEET IN PARIS."'
    out = small.recase(text)
    assert out == 'Mr Brown said: "NATO will meet in Paris."' and len(out) == len(text)


def test_restore_original_spans_rereads_mentions_from_the_stored_text():
    doc = Document(id="x", url=None, title=None, date=None, site=None, authors=[], language="en",
                   text="mr brown met chirac.")
    doc.entities = [Entity("Brown", "PERSON", 3, 8)]
    doc.events = [Event("CONSULT", None, None, None, None, False, None, None, None, None, "Mr Brown met Chirac.", 0, 20,
                        0.5, verb=Span(9, 12, "met"))]
    restore_original_spans(doc)
    assert doc.entities[0].text == "brown" and doc.events[0].sentence == "mr brown met chirac."


def test_truecaser_can_be_switched_off_for_measurement(monkeypatch):
    from eventwire.run.stages import NlpStage

    monkeypatch.setattr(truecase, "ENABLED", False)
    doc = Document(id="x", url=None, title=None, date=None, site=None, authors=[], language="en",
                   text="the minister said the talks had failed.")
    assert NlpStage()._text(doc) == doc.text and not doc.recased


def test_bracketed_acronym_capitalises_its_name_and_every_later_use(small):
    out = small.recase("the national audit office (nao) said on monday. the nao will report.")
    assert out == "The National Audit Office (NAO) said on Monday. The NAO will report."


def test_a_leading_article_in_a_known_name_does_not_override_an_abbreviation():
    lexicon = load_lexicon(COMMON, names=["The Uk", "The United Nations"], places=False)
    out = Truecaser(lexicon).recase("workers allowed into the uk, said the united nations.")
    assert "the UK" in out and "the United Nations" in out
