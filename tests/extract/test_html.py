"""Arbitration between trafilatura and readability, and block-aware HTML-to-text."""

from __future__ import annotations

from eventwire.extract.html import arbitrate, html_to_text

BODY = [
    "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.",
    "Residents who cross the river every day will have to drive an extra twenty minutes until a ferry starts.",
    "The mayor said that the repairs would take at least a year and that the money had been set aside.",
]


def test_short_edge_lines_the_other_extractor_lacks_are_trimmed():
    primary = "\n".join(["Read our guide to the best bridges", *BODY, "Photo gallery: bridges of the county"])
    text, engine = arbitrate(primary, "\n".join(BODY))
    assert text.split("\n") == BODY
    assert engine == "trafilatura+readability"


def test_a_long_edge_paragraph_is_kept_even_without_support():
    extra = ("Engineers from the state transport department will inspect the remaining three bridges over the "
             "river next month, and a report on all of them is expected to reach the council well before the end "
             "of the year.")
    text, _ = arbitrate("\n".join([*BODY, extra]), "\n".join(BODY))
    assert extra in text


def test_the_second_extractor_wins_when_it_holds_the_first_and_much_more():
    more = BODY + [s.replace("bridge", "tunnel") for s in BODY]
    text, engine = arbitrate(BODY[0], "\n".join(more))
    assert engine == "readability" and text.count("\n") == len(more) - 1


def test_an_empty_extraction_falls_back_to_the_other():
    assert arbitrate("", "x y z")[0] == "x y z"
    assert arbitrate("x y z", "")[0] == "x y z"


def test_html_to_text_never_glues_words_of_adjacent_blocks():
    assert html_to_text("<div><p>end.</p><p>Next</p><ul><li>one</li><li>two</li></ul></div>").split("\n") == [
        "end.", "Next", "one", "two"]
