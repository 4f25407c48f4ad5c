"""Line cleaner rules on small hand-written dumps (no shared data needed)."""

from __future__ import annotations

from eventwire.extract import meta
from eventwire.extract.lines import analyse, clean_lines, normalise

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old bridge after engineers found cracks in two of its piers.",
    "Residents who cross the river every day will have to drive an extra twenty minutes until a ferry starts running.",
    "The mayor said that the repairs would take at least a year and that the money had already been set aside.",
    "Several shop owners near the bridge told reporters that they were worried about losing their customers.",
]


def dump(*blocks: list[str]) -> str:
    return "\n".join(line for block in blocks for line in block)


def test_body_follows_the_line_that_repeats_the_page_title():
    page = dump(
        ["Council shuts the old river bridge - Town Herald", "Home", "News", "Sport"],
        # a teaser box with prose of its own, before the headline
        ["A long teaser paragraph about another story that has nothing to do with the bridge at all, really.",
         "Another teaser sentence that is long enough to look like prose when it stands on its own here."],
        ["Council shuts the old river bridge"],
        PARAGRAPHS,
        ["Privacy Policy"],
    )
    cleaned = clean_lines(page)
    assert cleaned.text.split("\n\n") == PARAGRAPHS
    assert cleaned.title == "Council shuts the old river bridge"


def test_readers_comments_longer_than_the_article_are_not_the_body():
    comments = [f"Reader{i} says:" for i in range(6)]
    long_comment = ("I have lived here for thirty years and I think that the council has never once listened to "
                    "the people who actually use that bridge every single morning of the week.")
    page = dump(["Council shuts the old river bridge - Town Herald"], PARAGRAPHS[:2], ["Comments"],
                [x for c in comments for x in (c, long_comment)])
    text = clean_lines(page).text
    assert PARAGRAPHS[0] in text
    assert long_comment not in text


def test_list_lines_after_the_last_sentence_stay_with_the_article():
    schedule = ["June 9 -- Riverside Arena, Springfield", "June 12 -- Lakeside Park, Shelbyville",
                "June 15 -- Harbour Hall, Capital City"]
    page = dump(["Band announces summer tour - Music Weekly", "Band announces summer tour"], PARAGRAPHS,
                schedule, ["Facebook", "Twitter", "Privacy Policy"])
    text = clean_lines(page).text
    assert all(line in text for line in schedule)
    assert "Facebook" not in text


def test_a_paragraph_printed_twice_is_kept_once():
    page = dump(["Council shuts the old river bridge - Town Herald"], PARAGRAPHS, PARAGRAPHS)
    assert clean_lines(page).text.count(PARAGRAPHS[0]) == 1


def test_date_stamps_are_metadata_not_text():
    page = dump(["Council shuts the old river bridge - Town Herald", "Council shuts the old river bridge",
                 "November 19, 2019 at 9:45 am"], PARAGRAPHS)
    cleaned = clean_lines(page)
    assert "9:45" not in cleaned.text
    assert cleaned.date == "2019-11-19"


def test_repeated_lines_from_other_pages_are_dropped():
    teaser = "Sign up now and get the best of the Herald delivered to you each and every morning."
    page = dump(["Council shuts the old river bridge - Town Herald"], PARAGRAPHS, [teaser])
    assert teaser in clean_lines(page).text  # on its own it reads like a closing sentence
    cleaned = clean_lines(page, repeated=frozenset({normalise(teaser)}))
    assert teaser not in cleaned.text
    assert cleaned.text.split("\n\n") == PARAGRAPHS


def test_stop_words_follow_the_page_language():
    line = "A prefeitura decidiu fechar a ponte velha depois que os engenheiros encontraram rachaduras nos pilares."
    assert analyse(0, line, lang="pt").stop_ratio > analyse(0, line, lang="en").stop_ratio
    assert analyse(0, line, lang="pt").prose


def test_is_date_only():
    assert meta.is_date_only("2019-11-13T23:06:00+01:00")
    assert meta.is_date_only("Published 2:16 AM EST Nov 20, 2019")
    assert meta.is_date_only("Updated at 1:23 p.m.")
    assert not meta.is_date_only("By Staff writer / August 8, 2007")
    assert not meta.is_date_only("The meeting on November 19, 2019 was long.")
    assert meta.find_date("2019-11-13T23:06:00+01:00") == "2019-11-13"
