"""Title, date, authors and site of an HTML page, from its markup (meta tags, JSON-LD, htmldate).

Why not `trafilatura.extract_metadata`: it also mines categories, tags and licences and falls
back to a whole-tree author search, which together cost as much as extracting the article.
We call the same trafilatura and htmldate parts for the four fields we store; a byline in the
article text (`extract.meta.parse_byline`) stands in for the author search.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: htmldate in its quick mode: markup and URL, no scan of every text node.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


@dataclass
class PageMeta:
    title: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    authors: list[str] = field(default_factory=list)


def page_meta(tree, url: str | None) -> PageMeta:
    """Reads `tree` without changing it; run it before scripts are stripped (JSON-LD lives in them)."""
    from htmldate import find_date
    from trafilatura import metadata as tm

    found = tm.examine_meta(tree)
    if found.author and " " not in found.author:  # a lone handle, not a name (trafilatura's own rule)
        found.author = None
    try:
        found = tm.extract_meta_json(tree, found)
    except Exception:  # trafilatura's JSON-LD reader raises on malformed blocks; the meta tags stand
        pass
    page_url = found.url or tm.extract_url(tree, url) or url
    try:
        date = find_date(tree, url=page_url, **DATE_PARAMS)
    except (ValueError, TypeError):
        date = None
    return PageMeta(
        title=found.title or tm.extract_title(tree) or None,
        date=date or None,
        site=(found.sitename or tm.extract_sitename(tree) or "").lstrip("@") or None,
        url=page_url,
        authors=[a.strip() for a in (found.author or "").split(";") if a.strip()],
    )
