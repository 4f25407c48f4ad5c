"""Cross-document line evidence: per-site and per-crawl counts."""

from __future__ import annotations

from eventwire.extract.lines import normalise
from eventwire.extract.repeats import LineCounter, site_of


def test_a_line_on_two_pages_of_one_site_is_that_sites_template():
    counter = LineCounter()
    counter.add("Subscribe to the Herald\nStory one", "herald.example")
    counter.add("Subscribe to the Herald\nStory two", "herald.example")
    assert normalise("Subscribe to the Herald") in counter.view("herald.example")
    assert normalise("Story one") not in counter.view("herald.example")
    # another site has not shown it twice
    assert normalise("Subscribe to the Herald") not in counter.view("other.example")


def test_a_line_on_three_pages_of_a_crawl_is_generic_furniture():
    counter = LineCounter()
    for i, site in enumerate(["a.example", "b.example", "c.example"]):
        counter.add(f"Privacy Policy\nStory {i}", site)
    assert normalise("Privacy Policy") in counter.view(None)
    assert normalise("Story 1") not in counter.view("b.example")


def test_a_line_repeated_inside_one_page_counts_once():
    counter = LineCounter()
    counter.add("Read more\nRead more\nRead more", "a.example")
    assert normalise("Read more") not in counter.view("a.example")


def test_site_of_drops_www():
    assert site_of("https://www.example.com/news/1") == "example.com"
    assert site_of(None) is None
