"""Arbitration between the extraction engines, and block-aware HTML-to-text."""

from __future__ import annotations

from eventwire.extract.html import arbitrate, html_to_text, link_texts, settle

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


def _tie_breaker(calls: list):
    def run() -> str:
        calls.append(1)
        return "\n".join(BODY)
    return run


def test_when_the_fast_engines_agree_readability_is_not_run():
    calls: list = []
    primary = "\n".join([*BODY, "Photo gallery: bridges of the county"])
    text, engine = settle(primary, "\n".join(BODY), _tie_breaker(calls))
    assert calls == [] and engine == "trafilatura+resiliparse"
    assert text.split("\n") == BODY


def test_when_the_fast_engines_disagree_readability_decides():
    calls: list = []
    elsewhere = "Sign up for our newsletter and win a trip to the seaside with the whole family this summer."
    text, engine = settle("\n".join(BODY), elsewhere, _tie_breaker(calls))
    assert calls == [1] and engine.startswith("trafilatura")
    text, engine = settle("", elsewhere, _tie_breaker(calls))
    assert calls == [1, 1] and engine == "readability"


def test_a_teaser_link_at_the_edge_goes_even_when_both_engines_kept_it():
    import lxml.html

    teaser = "Ten bridges you have to see before they close for good"
    page = lxml.html.document_fromstring(f"<html><body><p>{BODY[0]}</p><a href='/t'>{teaser}</a></body></html>")
    both = "\n".join([*BODY, teaser])
    text, _ = settle(both, both, _tie_breaker([]), link_texts(page))
    assert text.split("\n") == BODY


def test_html_to_text_never_glues_words_of_adjacent_blocks():
    assert html_to_text("<div><p>end.</p><p>Next</p><ul><li>one</li><li>two</li></ul></div>").split("\n") == [
        "end.", "Next", "one", "two"]
