"""A clean article (BBC corpus: title line, then paragraphs) must come out of the line cleaner whole."""

from __future__ import annotations

from eventwire.eval.extraction import prf
from eventwire.extract.lines import clean_lines


def test_clean_articles_lose_nothing_and_keep_their_title(shared):
    files = sorted((shared / "corpora" / "bbc").glob("*/*.txt"))[::45]
    assert len(files) >= 40
    recalls, titles = [], 0
    for path in files:
        raw = path.read_text("utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        cleaned = clean_lines(raw)
        recalls.append(prf(cleaned.text, body)[1])
        titles += (cleaned.title or "").strip() == title.strip()
    assert sum(recalls) / len(recalls) >= 0.99
    assert titles / len(files) >= 0.95
