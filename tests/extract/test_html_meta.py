"""HTML metadata: meta tags and JSON-LD first, then author elements in the markup."""

from __future__ import annotations

import lxml.html

from eventwire.extract.html import _dom
from eventwire.extract.html_meta import page_meta

PAGE = """<html><head><title>Bridge to close | The County Herald</title>
<meta property="og:site_name" content="The County Herald">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05T10:00:00Z",
 "headline": "Bridge to close"}</script></head>
<body><article><h1>Bridge to close</h1><p class="byline">By <span class="author-name">Jane Doe</span></p>
<p>The council voted on Tuesday to close the old bridge.</p></article>
<section class="comments"><span class="author">troll99</span><p>First!</p></section></body></html>"""


def test_title_date_site_from_markup_and_author_from_the_byline_element():
    meta = page_meta(lxml.html.document_fromstring(PAGE), "https://herald.example/2024/bridge", _dom(PAGE))
    assert meta.title == "Bridge to close"
    assert meta.date == "2024-03-05"
    assert meta.site == "The County Herald"
    assert meta.authors == ["Jane Doe"]


def test_an_author_inside_the_comments_is_not_the_article_s():
    page = PAGE.replace('<p class="byline">By <span class="author-name">Jane Doe</span></p>', "")
    meta = page_meta(lxml.html.document_fromstring(page), None, _dom(page))
    assert meta.authors == []
