"""HTML pages: trafilatura (with htmldate for dates) as the first engine, the line cleaner as fallback."""

from __future__ import annotations

from eventwire.extract import lines as line_cleaner


def extract_html(page: str, url: str | None = None):
    from eventwire.extract.article import Article

    doc = _trafilatura(page, url)
    text = (doc or {}).get("text") or ""
    engine = "trafilatura"
    if len(text) < 200:
        fallback = line_cleaner.clean_lines(_visible_text(page))
        if len(fallback.text) > len(text):
            text, engine = fallback.text, "lines"
    doc = doc or {}
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


def _trafilatura(page: str, url: str | None) -> dict | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"},
        )
    except (ValueError, TypeError, AttributeError, RecursionError):
        return None
    if result is None:
        return None
    return result if isinstance(result, dict) else result.as_dict()


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
