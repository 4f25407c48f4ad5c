"""Clean article extraction: HTML pages, crawl-text dumps and plain texts become an `Article`."""

from eventwire.extract.article import Article, extract

__all__ = ["Article", "extract"]
