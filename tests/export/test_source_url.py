"""GDELT's SOURCEURL and MentionIdentifier, and GKG's DocumentIdentifier, are always absolute identifiers."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from eventwire.export import export_interop
from eventwire.export.source import source_url
from eventwire.export.tables import columns
from eventwire.store import Store
from tests.export.conftest import documents
from tests.export.test_interop import read_typed


def _db(db_path, **source_changes) -> str:
    """The fixture corpus, its URL-less article (doc-b) stored with `source_changes` to its Source."""
    rows = [(replace(src, **source_changes) if doc.url is None else src, doc, engine)
            for src, doc, engine in documents()]
    with Store(str(db_path)) as store:
        store.write(rows)
    return str(db_path)


def _identifiers(db, tmp_path) -> list[str]:
    out = []
    for fmt, schema, column in (("gdelt-events", "gdelt_events", "SOURCEURL"),
                                ("gdelt-mentions", "gdelt_mentions", "MentionIdentifier"),
                                ("gkg", "gdelt_gkg", "DocumentIdentifier")):
        path = tmp_path / f"{fmt}.tsv"
        export_interop(db, fmt, str(path))
        rel = read_typed(path, columns(schema), header=False)
        names = [d[0] for d in rel.description]
        out += [row[names.index(column)] for row in rel.fetchall()]
    return out


def test_no_gdelt_row_has_a_relative_source_url(tmp_path):
    # an older database: the path as given on the command line, no URI recorded at ingest
    db = _db(tmp_path / "old.duckdb", path="input/bbc/155.txt", uri=None)
    found = _identifiers(db, tmp_path)
    assert len(found) == 3 + 3 + 2  # events, mentions, articles
    assert all(urlsplit(value).scheme for value in found), found
    assert "input/bbc/155.txt" not in found and "eventwire:doc-b" in found  # not resolved against a guess


def test_the_input_files_uri_is_the_source_url_of_an_article_without_a_url(tmp_path):
    db = _db(tmp_path / "new.duckdb", path="input/b.html", uri="file:///data/input/b.html")
    found = _identifiers(db, tmp_path)
    assert found.count("file:///data/input/b.html") == 3 and "https://news.example/a" in found


def test_one_record_of_a_multi_record_file_is_named_by_its_record_number(tmp_path):
    db = _db(tmp_path / "jsonl.duckdb", path="feed.jsonl", format="jsonl", record=7, uri="file:///data/feed.jsonl")
    assert "file:///data/feed.jsonl#record=7" in _identifiers(db, tmp_path)


@pytest.mark.parametrize(("row", "expected"), [
    ({"a_url": "https://x.example/1", "d_uri": "file:///a.txt"}, "https://x.example/1"),
    ({"a_url": None, "d_uri": None, "d_path": "/abs/dir/a b.txt"}, "file:///abs/dir/a%20b.txt"),
    ({"a_url": None, "d_uri": None, "d_path": "-", "doc_id": "d9"}, "eventwire:d9"),  # stdin: no file
    ({"a_url": None, "d_uri": "file:///w.warc.gz", "d_format": "warc", "d_record": 2}, "file:///w.warc.gz#record=2"),
    ({"url": None, "d_uri": "file:///p.html", "d_format": "html", "d_record": 0, "id": "d1"}, "file:///p.html"),
])
def test_source_url_prefers_the_url_then_the_file_then_the_document_id(row, expected):
    assert source_url(row) == expected
