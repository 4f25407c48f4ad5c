"""Readers: turn paths (folders, files, stdin) into raw records, lazily."""

from eventwire.ingest.readers import RawItem, read_paths

__all__ = ["RawItem", "read_paths"]
