"""Read-only JSON API and web explorer over an eventwire DuckDB file (`eventwire serve`)."""

from eventwire.api.app import create_app

__all__ = ["create_app"]
