"""One raw record to one clean article: text, title, date, site, authors, language."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire import config
from eventwire.errors import RejectedInput
from eventwire.extract import html as html_extract
from eventwire.extract import lines as line_cleaner
from eventwire.extract.lang import detect_language
from eventwire.extract.meta import find_date
from eventwire.ingest.readers import RawItem


@dataclass
class Article:
    text: str
    title: str | None = None
    date: str | None = None
    site: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    engine: str = ""  # which extractor produced the text


def extract(item: RawItem, repeated: Container[str] = frozenset()) -> Article:
    """Raises `RejectedInput` when no article text can be found.

    `repeated`: normalised lines seen on other pages of the site or crawl (see `extract.repeats`).
    """
    if item.kind == "html":
        article = html_extract.extract_html(item.content, url=item.url)
    elif item.kind == "plain":
        article = Article(text=_normalise_plain(item.content), engine="plain")
    else:
        cleaned = line_cleaner.clean_lines(item.content, repeated)
        article = Article(cleaned.text, cleaned.title, cleaned.date, cleaned.site, cleaned.authors, engine="lines")
    article.url = article.url or item.url
    article.title = item.title or article.title
    article.date = normalise_date(item.date) or article.date
    if not article.site and article.url:
        article.site = urlsplit(article.url).hostname
    if len(article.text.strip()) < config.MIN_TEXT_CHARS:
        raise RejectedInput("no article text found")
    article.language = detect_language(article.text)
    return article


def normalise_date(value: str | None) -> str | None:
    """Container dates (JSON Lines `date`, SGML `<DATE>`) to ISO 8601; unparseable ones are dropped."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$", value):
        return value[:10]
    found = find_date(value)
    if found:
        return found
    m = re.match(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})", value)  # Reuters: 26-FEB-1987 15:01:01.79
    return find_date(f"{m.group(1)} {m.group(2)} {m.group(3)}") if m else None


def _normalise_plain(text: str) -> str:
    return line_cleaner.unwrap(text).strip()
