"""One raw record to one clean article: text, title, date, site, authors, language."""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from eventwire import config
from eventwire.errors import RejectedInput
from eventwire.extract import html as html_extract
from eventwire.extract import lines as line_cleaner
from eventwire.extract.budget import Budget
from eventwire.extract.lang import detect_language
from eventwire.extract.meta import find_date
from eventwire.extract.repair import repair
from eventwire.extract.textdate import date_from_text
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
    date_source: str = "none"  # metadata (container or markup), text (a dateline or byline), user or none
    repairs: list[str] = field(default_factory=list)  # repairs the text needed: entities, mojibake


def extract(item: RawItem, repeated: Container[str] = frozenset(), budget: Budget | None = None) -> Article:
    """Raises `RejectedInput` when no article text can be found, or when extraction runs over `budget`
    (default: `config.MAX_DOCUMENT_SECONDS`).

    `repeated`: normalised lines seen on other pages of the site or crawl (see `extract.repeats`).
    """
    budget = budget or Budget()
    if item.kind == "html":
        article = html_extract.extract_html(item.content, url=item.url, budget=budget)
    elif item.kind == "plain":
        article = Article(text=_normalise_plain(item.content), engine="plain")
    else:
        cleaned = line_cleaner.clean_lines(item.content, repeated)
        article = Article(cleaned.text, cleaned.title, cleaned.date, cleaned.site, cleaned.authors, engine="lines")
        keep_short_whole(article, item.content)
    budget.check("extraction")
    article.url = article.url or item.url
    article.title = item.title or article.title
    _set_date(article, normalise_date(item.date), item)
    if not article.site and article.url:
        article.site = urlsplit(article.url).hostname
    if not article.text.strip() and article.title and item.kind == "html":
        article.text, article.engine = article.title, "title"  # a page that is only a headline
    if not article.text.strip():
        raise RejectedInput("no article text found")
    article.text, article.repairs = repair(article.text)
    if article.title:
        article.title = repair(article.title)[0]
    if not article.date and (found := date_from_text(article.text)):
        article.date, article.date_source = found, "text"  # a dateline or the lead's explicit date
    article.language = detect_language(article.text)
    return article


def keep_short_whole(article: Article, raw: str) -> None:
    """A text too short for the boilerplate filter to judge is kept whole.

    The line cleaner decides from context (repeated lines, furniture patterns, the longest run of
    prose); a one-line note, a headline or a wire flash has none, and "2 soldiers killed in Wau." is
    an article. Below `config.MIN_TEXT_CHARS` of cleaned text, an input of at most
    `config.SHORT_TEXT_CHARS` is kept as it came (lines unwrapped).
    """
    if len(article.text.strip()) >= config.MIN_TEXT_CHARS or len(raw.strip()) > config.SHORT_TEXT_CHARS:
        return
    whole = _normalise_plain(raw)
    if len(whole) > len(article.text.strip()):
        article.text, article.engine = whole, "whole"


def _set_date(article: Article, container: str | None, item: RawItem) -> None:
    """The container's date (JSON Lines `date`, SGML `<DATE>`, `process(date=...)`) wins over the page's;
    a page's date is metadata for HTML (meta tags, JSON-LD, htmldate) and text for a text's dateline."""
    if container:
        article.date, article.date_source = container, item.date_source
    elif article.date:
        article.date_source = "metadata" if item.kind == "html" else "text"


def normalise_date(value: str | None) -> str | None:
    """Container dates (JSON Lines `date`, SGML `<DATE>`) to ISO 8601; unparseable ones and days that do
    not exist (2011-02-30) are dropped."""
    if not value:
        return None
    value = value.strip()
    if re.match(r"^\d{4}-\d\d-\d\d([T ][\d:.]+(Z|[+-]\d\d:?\d\d)?)?$", value):
        return _real_day(value[:10])
    found = find_date(value)
    if found:
        return found
    m = re.match(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})", value)  # Reuters: 26-FEB-1987 15:01:01.79
    return find_date(f"{m.group(1)} {m.group(2)} {m.group(3)}") if m else None


def _normalise_plain(text: str) -> str:
    return line_cleaner.unwrap(text).strip()


def _real_day(iso: str) -> str | None:
    try:
        return date.fromisoformat(iso).isoformat()
    except ValueError:
        return None
