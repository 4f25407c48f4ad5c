"""Document titles: a text dump's first line is its headline however short, and a title is stored with
its entities decoded whatever container it came in."""

from __future__ import annotations

import json

import pytest

from eventwire.extract import extract
from eventwire.extract.lines import clean_lines
from eventwire.ingest import read_paths
from eventwire.ingest.readers import RawItem, content_hash

BODY = [
    "The party's ruling committee confirmed on Monday that its autumn conference would move to a new city.",
    "Officials said the hall had more room for delegates and that the hotels nearby had offered lower prices.",
    "Local councillors welcomed the decision and said it would bring thousands of visitors in the autumn.",
]


@pytest.mark.parametrize("headline", ["Labour picks Leeds", "Profile: Jane Smith",
                                      "Council vote delayed, mayor says"])
def test_a_short_first_line_of_a_dump_is_its_title(headline):
    cleaned = clean_lines("\n\n".join([headline, *BODY]))
    assert cleaned.title == headline
    assert cleaned.text.split("\n\n") == BODY


def test_a_commenter_line_still_marks_the_comments():
    from eventwire.extract.lines import analyse

    assert analyse(0, "Reader42 says:", frozenset(), "en").furniture == "comments"
    assert analyse(0, "Petrol duties frozen, Brown says", frozenset(), "en").furniture is None


def test_bbc_headlines_of_two_or_three_words_are_kept(shared):
    """Issue 22: these articles showed their hash id for a title."""
    for name in ("politics/004.txt", "politics/041.txt", "politics/158.txt", "sport/199.txt"):
        path = shared / "corpora" / "bbc" / name
        first = path.read_text("latin-1").split("\n", 1)[0].strip()
        item = next(i for i in read_paths([str(path)]) if isinstance(i, RawItem))
        assert extract(item).title == first


def _item(kind: str, content: str, title: str | None = None, fmt: str = "text") -> RawItem:
    data = content.encode()
    return RawItem("t", 0, fmt, kind, content, content_hash(data), len(data), title=title)


@pytest.mark.parametrize("item", [
    _item("text", "\n\n".join(["Smith &amp; Jones&#39;s shop closes", *BODY])),
    _item("plain", "\n\n".join(BODY), title="Smith &amp; Jones&#39;s shop closes", fmt="jsonl"),
    _item("html", "<html><head><meta property='og:title' content='Smith &amp;amp; Jones&amp;#39;s shop closes'>"
                  f"</head><body><article>{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>", fmt="html"),
], ids=["text dump", "container title", "double-escaped HTML meta"])
def test_titles_are_stored_with_their_entities_decoded(item):
    assert extract(item).title == "Smith & Jones's shop closes"


def test_a_jsonl_title_is_decoded_once(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": "\n\n".join(BODY), "title": "R&amp;D spending &lt;b&gt; rises"}) + "\n")
    item = next(read_paths([str(path)]))
    assert extract(item).title == "R&D spending <b> rises"
