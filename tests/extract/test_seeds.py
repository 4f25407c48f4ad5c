"""The two seed crawl-text dumps must come out perfectly: every article line kept, every furniture line gone.

Line numbers (1-based) into ../shared/seeds are labels; the article text itself stays in ../shared.
"""

from __future__ import annotations

import pytest

import eventwire

SEEDS = {
    "000_e150f93215b93c0d.txt": {
        "title": 25,
        "date": None,
        # subheading, photo caption, every paragraph, the contributor line
        "keep": [27, 30, 32, 34, 37, 39, 41, 44, 46, 48, 50, 53, 55],
        # skip links, browser warning, doubled page title, ad, paywall, log-in, navigation, comment widget
        "drop": [1, 3, 5, 7, 9, 11, 13, 14, 16, 18, 20, 22, 57],
    },
    "004_0d1d901c4d87722f.txt": {
        "title": 5,
        "date": "2007-08-08",
        # subheading, byline/date line, every paragraph, the mid-article subheading
        "keep": [7, 9, 12, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34],
        "drop": [1, 2, 3, 14],
    },
}


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed(request, shared):
    lines = (shared / "seeds" / request.param).read_text("utf-8").split("\n")
    doc = eventwire.process("\n".join(lines))
    return SEEDS[request.param], lines, doc


def test_every_article_line_is_kept(seed):
    spec, lines, doc = seed
    text_lines = set(doc.text.split("\n"))
    missing = [n for n in spec["keep"] if lines[n - 1].strip() not in text_lines]
    assert not missing, f"article lines lost: {missing}"


def test_every_furniture_line_is_dropped(seed):
    spec, lines, doc = seed
    text_lines = set(doc.text.split("\n"))
    kept = [n for n in spec["drop"] if lines[n - 1].strip() in text_lines]
    assert not kept, f"furniture lines kept: {kept}"


def test_nothing_but_article_lines_remain(seed):
    spec, lines, doc = seed
    allowed = {lines[n - 1].strip() for n in spec["keep"]}
    extra = [ln for ln in doc.text.split("\n") if ln.strip() and ln not in allowed]
    assert not extra, f"unexpected lines: {len(extra)}"


def test_title_and_date_are_metadata(seed):
    spec, lines, doc = seed
    assert doc.title == lines[spec["title"] - 1].strip()
    assert doc.date == spec["date"]
    assert doc.title not in doc.text.split("\n")
    assert doc.language == "en"


def test_byline_gives_site_of_the_monitor(shared):
    doc = eventwire.process((shared / "seeds" / "004_0d1d901c4d87722f.txt").read_text("utf-8"))
    assert doc.site == "The Christian Science Monitor"


def test_entities_carry_offsets_into_the_text(seed):
    _, _, doc = seed
    assert doc.entities, "no entities found"
    for ent in doc.entities:
        assert doc.text[ent.start:ent.end] == ent.text
    assert any(e.text == "Felipe Calderon" or e.text == "Felipe Calderón" for e in doc.entities)
