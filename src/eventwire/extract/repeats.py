"""Cross-document line evidence: lines that recur on many pages of one site, or of one crawl, are boilerplate.

CCNet (Wenzek et al. 2020) removes lines that repeat across the documents of a crawl shard; on news
sites the same holds within a site (menus, footers, "Sign up for our newsletter"). `LineCounter`
counts, for each normalised line, how many documents of each site and of the whole crawl hold it.
It stores 8-byte digests, not text, so a first pass over a large crawl stays small in memory, and
it can also be fed incrementally (each document then sees the evidence of the ones before it).

Usage, two passes over a folder or WARC (count, then extract)::

    counter = LineCounter()
    for item in items: counter.add(item.content, site_of(item.url))
    for item in items: extract(item, repeated=counter.view(site_of(item.url)))

or one pass, where each text dump sees the pages read before it::

    counter = LineCounter()
    for item in items: extract(item, repeated=counter.observe(item.content, item.url))
"""

from __future__ import annotations

import hashlib
from collections import Counter
from urllib.parse import urlsplit

from eventwire.extract.lines import normalise

#: A line on this many documents of one site is that site's template.
SITE_MIN_DOCS = 2
#: A line on this many documents of a crawl (any sites) is generic furniture ("Privacy Policy").
CRAWL_MIN_DOCS = 3


def _digest(key: str) -> bytes:
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


def site_of(url: str | None) -> str | None:
    """Host without a leading "www.": pages of one site share their template."""
    host = urlsplit(url or "").hostname
    return host[4:] if host and host.startswith("www.") else host


class LineCounter:
    def __init__(self, site_min: int = SITE_MIN_DOCS, crawl_min: int = CRAWL_MIN_DOCS):
        self.site_min, self.crawl_min = site_min, crawl_min
        self.crawl: Counter[bytes] = Counter()
        self.site: Counter[tuple[str, bytes]] = Counter()
        self.documents = 0

    def add(self, text: str, site: str | None = None) -> None:
        """Count each distinct line of one document once."""
        keys = {_digest(k) for k in (normalise(line) for line in text.split("\n")) if k}
        self.crawl.update(keys)
        if site:
            self.site.update((site, k) for k in keys)
        self.documents += 1

    def observe(self, text: str, url: str | None = None) -> RepeatedLines:
        """Count one document, then return the evidence for it (one-pass use)."""
        site = site_of(url)
        self.add(text, site)
        return self.view(site)

    def view(self, site: str | None = None) -> RepeatedLines:
        return RepeatedLines(self, site)


class RepeatedLines:
    """Membership test for `lines.clean_lines(repeated=...)`: `normalised_line in view`."""

    def __init__(self, counter: LineCounter, site: str | None):
        self.counter, self.site = counter, site

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not key:
            return False
        digest = _digest(key)
        if self.counter.crawl[digest] >= self.counter.crawl_min:
            return True
        return bool(self.site) and self.counter.site[(self.site, digest)] >= self.counter.site_min

    def __bool__(self) -> bool:
        return self.counter.documents > 0
