"""The DuckDB schema is generated from the record dataclasses."""

from __future__ import annotations

from dataclasses import fields

from eventwire.records import CHILD_RECORDS, Document
from eventwire.store import Store
from eventwire.store.schema import TABLES


def test_every_record_field_has_a_column():
    article_cols = {name for name, _ in TABLES["articles"][0]}
    assert {f.name for f in fields(Document)} - set(CHILD_RECORDS) <= article_cols
    for name, cls in CHILD_RECORDS.items():
        assert {f.name for f in fields(cls)} <= {n for n, _ in TABLES[name][0]}


def test_store_creates_all_tables(db):
    with Store(db) as store:
        assert set(TABLES) <= set(store.tables())
