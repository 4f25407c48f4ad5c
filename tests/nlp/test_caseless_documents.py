"""Lower-case and all-caps articles still give names, with offsets into the stored text (issue 18)."""

import eventwire

ARTICLE = ("tony blair has told mps that the government will not back down over the new police powers. "
           "speaking in the commons on wednesday, mr blair said the home secretary would meet police chiefs "
           "in london next week. tory leader michael howard accused him of ignoring the concerns of judges.")


def _people(document) -> set[str]:
    return {e.text.lower() for e in document.entities if e.label == "PERSON"}


def test_lower_case_article_is_recased_for_the_parse_and_stored_as_given():
    document = eventwire.process(ARTICLE)
    assert document.recased and document.text == ARTICLE
    assert {"tony blair", "michael howard"} <= _people(document)
    for entity in document.entities:
        assert document.text[entity.start:entity.end] == entity.text
    for event in document.events:
        assert document.text[event.start:event.end] == event.sentence


def test_all_caps_article_is_recased_too():
    text = ARTICLE.upper()
    document = eventwire.process(text)
    assert document.recased and document.text == text
    assert "tony blair" in _people(document)


def test_ordinary_article_is_not_recased():
    document = eventwire.process("Tony Blair has told MPs that the government will not back down. Mr Blair spoke in London.")
    assert not document.recased
