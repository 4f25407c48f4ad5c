"""HTML pages: trafilatura (precision mode, with htmldate for dates) arbitrated against readability-lxml;
the line cleaner as the last fallback."""

from __future__ import annotations

import logging
import re

from eventwire.extract import lines as line_cleaner

_WORD = re.compile(r"\w+", re.UNICODE)


def extract_html(page: str, url: str | None = None):
    from eventwire.extract.article import Article

    doc = _trafilatura(page, url, favor_precision=True) or {}
    text = doc.get("text") or ""
    readable = _readability(page)
    if len(text) < 0.5 * len(readable):
        # Precision mode can drop a whole article part; recall mode is the same engine without that bias.
        recall = (_trafilatura(page, url, favor_recall=True) or {}).get("text") or ""
        if len(recall) > len(text):
            text = recall
    text, engine = arbitrate(text, readable)
    if len(text) < 200:
        fallback = line_cleaner.clean_lines(_visible_text(page))
        if len(fallback.text) > len(text):
            text, engine = fallback.text, "lines"
    authors = [a.strip() for a in (doc.get("author") or "").split(";") if a.strip()]
    return Article(
        text=text,
        title=doc.get("title") or None,
        date=(doc.get("date") or None),
        site=doc.get("sitename") or doc.get("hostname") or None,
        authors=authors,
        url=doc.get("url") or url,
        engine=engine,
    )


# -- arbitration between two extractors ---------------------------------------------

#: Lines at the edge of an extraction with at most this many words are furniture-sized (captions, links, teasers).
EDGE_LINE_MAX_WORDS = 30
#: Share of one text's word trigrams found in the other for it to count as contained.
CONTAINED = 0.8
#: Readability replaces trafilatura when it holds this share of trafilatura's text and this much more.
SUPERSET_SHARE = 0.9
SUPERSET_GROWTH = 1.5


def arbitrate(primary: str, second: str) -> tuple[str, str]:
    """Combine two extractors of different design (trafilatura: tree heuristics; readability: node scores).

    - One text empty: the other.
    - `second` contains `primary` and is much longer: `primary` lost part of the article (a body split
      across containers), so `second` wins.
    - `second` is (mostly) inside `primary`: both agree where the article is, and the short lines at
      `primary`'s edges that `second` does not have are teasers, captions or link lists; they go.
    Otherwise `primary` stands. Agreement between independent extractors is the evidence, not any site rule.
    """
    if not primary.strip():
        return second, "readability"
    if not second.strip():
        return primary, "trafilatura"
    grams_p, grams_s = trigrams(primary), trigrams(second)
    if _share(grams_p, grams_s) >= SUPERSET_SHARE and len(grams_s) > SUPERSET_GROWTH * len(grams_p):
        return second, "readability"
    if _share(grams_s, grams_p) >= CONTAINED:
        return _trim_unsupported_edges(primary, grams_s), "trafilatura+readability"
    return primary, "trafilatura"


def trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < 3:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


def _share(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _trim_unsupported_edges(text: str, support: set) -> str:
    lines = [ln for ln in text.split("\n") if ln.strip()]

    def unsupported(line: str) -> bool:
        return len(_WORD.findall(line)) <= EDGE_LINE_MAX_WORDS and _share(trigrams(line), support) < 0.5

    start, end = 0, len(lines)
    while start < end and unsupported(lines[start]):
        start += 1
    while end > start and unsupported(lines[end - 1]):
        end -= 1
    return "\n".join(lines[start:end])


# -- engines ---------------------------------------------------------------------------

def _trafilatura(page: str, url: str | None, favor_precision: bool = False, favor_recall: bool = False) -> dict | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=favor_precision, favor_recall=favor_recall,
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


def _readability(page: str) -> str:
    """readability-lxml's article node as block text; "" when it finds none."""
    from readability import Document

    # readability logs every page it cannot summarise at ERROR level; here that is an ordinary outcome.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        return html_to_text(Document(page).summary(html_partial=True))
    except Exception:  # readability raises bare Exception (Unparseable and others) on odd pages
        return ""


def _visible_text(page: str) -> str:
    """All visible text, one block per line: what a crawl-text dump (WET) would hold."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    blocks = []
    for el in tree.iter("p", "h1", "h2", "h3", "h4", "li", "td", "div", "span", "a", "blockquote", "figcaption"):
        own = " ".join(t.strip() for t in [el.text or ""] + [c.tail or "" for c in el] if t and t.strip())
        if own:
            blocks.append(own)
    return "\n".join(blocks)


_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "td", "th",
               "ul", "ol", "table", "figure", "figcaption", "section", "article", "header", "footer", "dd", "dt"}


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block, so words of adjacent blocks never run together."""
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    try:
        tree = lxml.html.fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return ""
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript"):
            if isinstance(el.tail, str):
                parts.append(el.tail)
            return
        block = el.tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(tree)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
