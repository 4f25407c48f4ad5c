"""eventwire: evidence-linked political events from raw news.

The public API mirrors the CLI: `process()` analyses one text or HTML page and
returns a `Document`; `run()` processes paths into a DuckDB file.
"""

import eventwire.run as _run_package  # noqa: F401  (loaded first so that `run` below stays the function)
from eventwire.records import Actor, Document, Entity, Event, Location, Quantity, Quote

__version__ = "0.1.0"

__all__ = [
    "Actor", "Document", "Entity", "Event", "Location", "Quantity", "Quote",
    "process", "run", "__version__",
]


def process(text_or_html: str, url: str | None = None, date: str | None = None, *,
            title: str | None = None, model: str | None = None):
    """Analyse one article (plain text, crawl text dump or HTML) without a database."""
    from eventwire.run.pipeline import process_one

    return process_one(text_or_html, url=url, date=date, title=title, model=model)


def run(paths, db: str = "eventwire.duckdb", **options):
    """Process files, folders or '-' into a DuckDB database; returns the run summary."""
    from eventwire.run.pipeline import run_paths

    return run_paths(list(paths) if not isinstance(paths, str) else [paths], db=db, **options)
