"""Every stored document records its input file as an absolute URI at ingest (stdin has none)."""

from __future__ import annotations

import io
import json

from eventwire.ingest import RawItem, read_paths
from eventwire.ingest.readers import read_stream
from eventwire.records import Source
from eventwire.run.pipeline import to_work
from eventwire.store import Store

BODY = ("Protesters marched through the capital on Tuesday to demand higher pensions, and police "
        "blocked the road to parliament, witnesses said. The interior minister said the march was "
        "peaceful and that talks with the unions would resume next week.\n")


def _sources(paths) -> list[Source]:
    return [to_work(item).source for item in read_paths(paths) if isinstance(item, RawItem)]


def test_a_relative_input_path_is_recorded_as_an_absolute_file_uri(tmp_path, monkeypatch):
    (tmp_path / "input" / "bbc").mkdir(parents=True)
    (tmp_path / "input" / "bbc" / "155.txt").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    [source] = _sources(["input/bbc/155.txt"])
    assert source.path == "input/bbc/155.txt"  # as given, for messages and dates from the path
    assert source.uri == (tmp_path / "input" / "bbc" / "155.txt").as_uri()


def test_each_record_of_a_json_lines_file_keeps_the_files_uri_and_its_url(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": BODY.replace("Tuesday", day), "url": url}) for day, url in
                              [("Monday", "https://x.example/1"), ("Friday", None)]) + "\n", encoding="utf-8")
    first, second = _sources([str(feed)])
    assert first.uri == second.uri == feed.as_uri() and (first.record, second.record) == (1, 2)
    assert (first.url, second.url) == ("https://x.example/1", None)


def test_stdin_has_no_file_and_no_uri():
    [item] = [i for i in read_stream(io.BytesIO(BODY.encode()), "-") if isinstance(i, RawItem)]
    assert to_work(item).source.uri is None


def test_a_rerun_fills_the_uri_of_documents_stored_without_one(tmp_path):
    db = str(tmp_path / "old.duckdb")
    with Store(db) as store:
        store.con.execute("INSERT INTO documents (id, path, format, record, content_hash, size) VALUES "
                          "('a', 'in/a.txt', 'text', 0, 'a', 1), ('b', 'in/b.txt', 'text', 0, 'b', 1)")
        store.con.execute("UPDATE documents SET uri = 'file:///kept/b.txt' WHERE id = 'b'")
        store.fill_uris({"a": "file:///new/a.txt", "b": "file:///new/b.txt"})
        found = dict(store.con.execute("SELECT id, uri FROM documents").fetchall())
    assert found == {"a": "file:///new/a.txt", "b": "file:///kept/b.txt"}  # a stored URI is never replaced


def test_the_run_loop_fills_uris_of_stored_documents_it_meets_again(tmp_path, monkeypatch):
    from dataclasses import replace

    from eventwire.run.shard import DuckSink, run_shard
    from eventwire.run.stages import Pipeline

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    work = to_work(next(i for i in read_paths(["a.txt"]) if isinstance(i, RawItem)))
    db = str(tmp_path / "old.duckdb")
    with Store(db) as store:
        store.write([(replace(work.source, uri=None), work.document, "test")])  # as an older release stored it
        summary = run_shard(read_paths(["a.txt"]), Pipeline([]), DuckSink(store))
        assert summary.analysed == 0  # nothing to analyse
        assert summary.unchanged == 1
        assert store.con.execute("SELECT uri FROM documents").fetchone()[0] == (tmp_path / "a.txt").as_uri()
