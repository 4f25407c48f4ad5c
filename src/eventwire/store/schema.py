"""DuckDB tables generated from the record dataclasses, so schema and JSON never drift apart."""

from __future__ import annotations

import json
import types
import typing
from dataclasses import fields, is_dataclass
from typing import Any

from eventwire.records import (CHILD_RECORDS, DocSignature, DocSketch, Document, MergedEvent, Reject, Source, Story,
                               Storyline, StoryMember, TermCount)

from eventwire.records import KnownActor  # the knowledge stage's actor registry

_SCALARS = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


def column_type(hint: Any) -> str:
    """SQL type of a dataclass field; nested records and dicts are stored as JSON."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return column_type(args[0])
    if hint in _SCALARS:
        return _SCALARS[hint]
    if typing.get_origin(hint) is list and typing.get_args(hint) == (str,):
        return "VARCHAR[]"
    return "JSON"


def record_columns(cls: type) -> list[tuple[str, str]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, column_type(hints[f.name])) for f in fields(cls)]


def article_columns() -> list[tuple[str, str]]:
    """Document's scalar fields; its lists of records become child tables."""
    return [(n, t) for n, t in record_columns(Document) if n not in CHILD_RECORDS] + [("engine", "VARCHAR")]


def child_columns(name: str) -> list[tuple[str, str]]:
    return [("doc_id", "VARCHAR"), ("idx", "INTEGER")] + record_columns(CHILD_RECORDS[name])


TABLES: dict[str, tuple[list[tuple[str, str]], str]] = {
    "documents": (record_columns(Source) + [("ingested_at", "TIMESTAMP")], "id"),
    "articles": (article_columns(), "id"),
    **{name: (child_columns(name), "doc_id, idx") for name in CHILD_RECORDS},
    "rejects": ([("id", "VARCHAR")] + record_columns(Reject) + [("first_seen", "TIMESTAMP")], "id"),
    # corpus level, written from the knowledge stage's ActorRegistry (knowledge/registry.py)
    "actor_registry": (record_columns(KnownActor), "key"),
    # corpus level, written by eventwire.stories.update
    "story_members": (record_columns(StoryMember), "doc_id"),
    "stories": (record_columns(Story), "id"),
    "merged_events": (record_columns(MergedEvent), "id"),
    "storylines": (record_columns(Storyline), "id"),
    "doc_sketches": (record_columns(DocSketch), "doc_id, band"),
    "doc_signatures": (record_columns(DocSignature), "doc_id"),
    "story_terms": (record_columns(TermCount), "term"),
}


def ddl() -> list[str]:
    out = []
    for table, (columns, key) in TABLES.items():
        cols = ", ".join(f'"{name}" {sql}' for name, sql in columns)
        out.append(f'CREATE TABLE IF NOT EXISTS {table} ({cols}, PRIMARY KEY ({key}))')
    return out


def to_cell(value: Any, sql: str) -> Any:
    """Python value to what DuckDB expects for a column of type `sql`."""
    if sql == "JSON":
        if value is None:
            return None
        if is_dataclass(value):
            value = value.to_dict()  # type: ignore[union-attr]
        elif isinstance(value, list):
            value = [v.to_dict() if is_dataclass(v) else v for v in value]  # type: ignore[union-attr]
        return json.dumps(value, ensure_ascii=False)
    return value


def memory_db():
    """An in-memory DuckDB database with the whole schema: for evaluations and tests of the corpus steps."""
    import duckdb

    con = duckdb.connect(":memory:")
    for statement in ddl():
        con.execute(statement)
    return con

