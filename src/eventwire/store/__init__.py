"""DuckDB store: one file holding documents, articles, their extracted items and rejects."""

from eventwire.store.duck import Store

__all__ = ["Store"]
