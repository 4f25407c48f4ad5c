"""Notes, snippets, headlines and wire flashes are articles: too short to judge, kept whole."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.extract import extract
from eventwire.ingest.readers import RawItem

NOTES = ["2 soldiers killed in Wau.", "Farmer killed in Selea.", "Rioters tore up campaign billboards.",
         "Police arrest 3 in Juba"]


def _item(text: str, kind: str = "text") -> RawItem:
    return RawItem("note", 0, "html" if kind == "html" else "text", kind, text, "0" * 24, len(text))


@pytest.mark.parametrize("note", NOTES)
def test_one_line_notes_are_kept_whole(note):
    article = extract(_item(note))
    assert article.text == note


def test_html_snippet_is_kept_whole():
    assert extract(_item("<p>Farmer killed in Selea.</p>", "html")).text == "Farmer killed in Selea."


def test_a_page_with_only_a_headline_keeps_the_headline():
    page = "<html><head><title>Farmer killed in Selea</title></head><body></body></html>"
    assert extract(_item(page, "html")).text == "Farmer killed in Selea"


def test_process_returns_the_events_of_a_one_line_note():
    doc = eventwire.process("2 soldiers killed in Wau.")
    assert doc.text == "2 soldiers killed in Wau."
    assert doc.events and doc.events[0].sentence == "2 soldiers killed in Wau."


def test_process_never_raises_on_short_non_empty_text():
    for note in NOTES + ["Talks.", "Ceasefire"]:
        assert eventwire.process(note).text == note


def test_process_repairs_entities_and_mojibake_and_offsets_point_into_the_repaired_text():
    doc = eventwire.process("Police in Velmar issued a communiqu&#233; on Monday permitting "
                            "\u00e2\u20ac\u02dcbhoomi puja\u00e2\u20ac\u2122 at the temple of Sudria.")
    assert "communiqu\u00e9" in doc.text and "\u2018bhoomi puja\u2019" in doc.text
    assert doc.repairs == ["entities", "mojibake"]
    for ent in doc.entities:
        assert doc.text[ent.start:ent.end] == ent.text
