"""HTML pages: trafilatura checked against resiliparse, readability-lxml breaking ties, the line cleaner
as the last fallback; metadata from `extract.html_meta`."""

from __future__ import annotations

import copy
import logging
import re
from functools import lru_cache

from eventwire import config
from eventwire.extract import lines as line_cleaner

_WORD = re.compile(r"\w+", re.UNICODE)


def extract_html(page: str, url: str | None = None, budget=None):
    """Two fast engines of different design (trafilatura: tree rules; resiliparse: C++ DOM scoring)
    settle most pages; readability-lxml is the tie-breaker only where they disagree.

    `budget`: an `extract.budget.Budget`, checked after each engine."""
    from eventwire.extract.article import Article
    from eventwire.extract.budget import Budget
    from eventwire.extract.html_meta import PageMeta, page_meta

    budget = budget or Budget()
    tree, dom = _parse(page), _dom(page)
    budget.check("parsing the HTML")
    meta = page_meta(tree, url, dom) if tree is not None else PageMeta(url=url)
    links = link_texts(tree)
    budget.check("reading the page metadata")
    primary = _trafilatura(tree, url)
    budget.check("trafilatura")
    second = _resiliparse(dom)
    budget.check("resiliparse")

    def tie_breaker() -> str:
        text = _readability(page)
        budget.check("readability")
        return text

    text, engine = settle(primary, second, tie_breaker, links)
    if len(text) < 200:
        visible = _visible_text(page)
        fallback = line_cleaner.clean_lines(visible)
        budget.check("the line cleaner")
        if len(fallback.text) > len(text):
            text, engine = fallback.text, "lines"
        if len(text.strip()) < config.MIN_TEXT_CHARS and len(visible) <= config.SHORT_TEXT_CHARS and visible.strip():
            text, engine = visible.strip(), "whole"  # too short for the filters to judge: a snippet, kept whole
    return Article(text=text, title=meta.title, date=meta.date, site=meta.site,
                   authors=meta.authors or _byline_authors(text), url=meta.url or url, engine=engine)


def _byline_authors(text: str) -> list[str]:
    """A "By ..." line at the top of the article, when the markup names no author."""
    from eventwire.extract.meta import parse_byline

    for line in text.split("\n", 3)[:3]:
        byline = parse_byline(line)
        if byline and byline.authors:
            return byline.authors
    return []


# -- arbitration between two extractors ---------------------------------------------

#: Lines at the edge of an extraction with at most this many words are furniture-sized (captions, links, teasers).
EDGE_LINE_MAX_WORDS = 30
#: Share of one text's word trigrams found in the other for it to count as contained.
CONTAINED = 0.8
#: Readability replaces trafilatura when it holds this share of trafilatura's text and this much more.
SUPERSET_SHARE = 0.9
SUPERSET_GROWTH = 1.5


def settle(primary: str, fast_second: str, tie_breaker, links: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Trafilatura's text, trimmed at its edges by resiliparse's, unless the two disagree.

    They disagree when trafilatura found nothing, when resiliparse holds all of trafilatura's text and
    much more (trafilatura may have lost part of a split body), or when resiliparse's text is mostly
    elsewhere on the page. Only then does the slower readability-lxml run, through `arbitrate`: a
    third, independent opinion costs a page in ten instead of every page.
    """
    grams_p, grams_s = trigrams(primary), trigrams(fast_second)
    lost_part = _share(grams_p, grams_s) >= SUPERSET_SHARE and len(grams_s) > SUPERSET_GROWTH * len(grams_p)
    if not primary.strip() or lost_part or _share(grams_s, grams_p) < CONTAINED:
        return arbitrate(primary, tie_breaker())
    return _trim_unsupported_edges(primary, grams_s, links), "trafilatura+resiliparse"


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
    return set(zip(tokens, tokens[1:], tokens[2:]))


def _share(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _trim_unsupported_edges(text: str, support: set, links: frozenset[str] = frozenset()) -> str:
    """Short lines at the article's edges go when the second engine lacks them, or when they are
    page furniture anyway: the whole text of a link (related-story teasers) or a boilerplate line."""
    lines = [ln for ln in text.split("\n") if ln.strip()]

    def unsupported(line: str) -> bool:
        words = len(_WORD.findall(line))
        if words > EDGE_LINE_MAX_WORDS:
            return False
        return (_share(trigrams(line), support) < 0.5 or _link_share(line, links) >= 0.5
                or line_cleaner.furniture_class(line, words) is not None)

    start, end = 0, len(lines)
    while start < end and unsupported(lines[start]):
        start += 1
    while end > start and unsupported(lines[end - 1]):
        end -= 1
    return "\n".join(lines[start:end])


def _link_share(line: str, links: frozenset[str]) -> float:
    """Share of the line's characters that are the text of some link on the page."""
    line = " ".join(line.split())
    if not line:
        return 0.0
    if line in links:
        return 1.0
    return min(1.0, sum(len(link) for link in links if len(link) >= 8 and link in line) / len(line))


def link_texts(tree) -> frozenset[str]:
    """Whole texts of the page's links, whitespace-normalised."""
    if tree is None:
        return frozenset()
    found = set()
    for anchor in tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if text:
            found.add(text)
    return frozenset(found)


# -- engines ---------------------------------------------------------------------------

def _parse(page: str):
    """One lxml parse, shared by the metadata reader and trafilatura; None for markup lxml refuses."""
    import lxml.html

    try:
        return lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None


def _trafilatura(tree, url: str | None) -> str:
    """Trafilatura in its fast mode (no internal fallback: resiliparse and readability play that part).
    Consumes `tree`."""
    import trafilatura

    if tree is None:
        return ""
    from lxml import etree

    etree.strip_elements(tree, "script", "style", "noscript", "template", etree.Comment, with_tail=False)
    options = copy.copy(_trafilatura_options())
    options.url = options.source = url
    try:
        result = trafilatura.bare_extraction(tree, options=options)
    except (ValueError, TypeError, AttributeError, RecursionError):
        return ""
    if result is None:
        return ""
    return (result if isinstance(result, dict) else result.as_dict()).get("text") or ""


#: trafilatura re-runs a short extraction in recall mode only when `focus` is exactly "balanced"; its other
#: rules test for "precision" or "recall", so any other label extracts as balanced. That re-run first
#: measures the whole page's text (about a third of trafilatura's time on the pages that trigger it) and
#: rescues under-extraction, which `settle` already catches with resiliparse and readability.
NO_RECALL_RETRY = "balanced without recall retry"


@lru_cache(maxsize=1)
def _trafilatura_options():
    """Built once: trafilatura's Extractor reads its config file options on every construction."""
    from trafilatura.settings import Extractor

    options = Extractor(output_format="python", fast=True, comments=False, tables=False)
    options.focus = NO_RECALL_RETRY
    return options


def _dom(page: str):
    """The page in resiliparse's C++ DOM (lexbor): main-content text and author elements come from it."""
    from resiliparse.parse.html import HTMLTree

    try:
        return HTMLTree.parse(page)
    except (ValueError, UnicodeError):
        return None


def _resiliparse(dom) -> str:
    """Resiliparse's main-content text: a second opinion at a tenth of trafilatura's cost."""
    from resiliparse.extract.html2text import extract_plain_text

    if dom is None:
        return ""
    try:
        return extract_plain_text(dom, main_content=True, preserve_formatting=True, list_bullets=False,
                                  alt_texts=False, links=False, form_fields=False, noscript=False)
    except (ValueError, TypeError, RecursionError):
        return ""


def _readability(page: str) -> str:
    """readability-lxml's article node as block text; "" when it finds none."""
    from readability import Document

    class Prepared(Document):
        """readability on a tree we prepared: its own lxml Cleaner pass rewrites every link to strip
        javascript, a third of its time for no change in the text. A copy per pass, since a retry
        must start again from the whole page."""

        def _parse(self, tree):
            return copy.deepcopy(tree)

    tree = _parse(page)
    if tree is None:
        return ""
    _strip_invisible(tree)
    # readability logs every page it cannot summarise at ERROR level; here that is an ordinary outcome.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        return html_to_text(Prepared(tree).summary(html_partial=True))
    except Exception:  # readability raises bare Exception (Unparseable and others) on odd pages
        return ""


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _strip_invisible(tree) -> None:
    """Scripts, styles, comments and hidden elements: never article text."""
    from lxml import etree

    etree.strip_elements(tree, "script", "style", "noscript", "template", etree.Comment, with_tail=False)
    for element in tree.xpath("//*[@hidden]|//*[@style]"):
        if element.get("hidden") is not None or _DISPLAY_NONE.search(element.get("style") or ""):
            element.drop_tree()


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
