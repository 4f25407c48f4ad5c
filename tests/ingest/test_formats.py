"""Formats are detected by content: misnamed files, gzip wrappers, JSON Lines, WARC, WET, SGML and stdin."""

from __future__ import annotations

import gzip
import io
import json

from eventwire.ingest import read_paths
from eventwire.ingest.readers import read_stream
from eventwire.ingest.sniff import sniff
from eventwire.records import Reject

PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello</p></body></html>"


def test_sniff_uses_content_not_the_extension():
    assert sniff(PAGE, "page.txt") == "html"
    assert sniff(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.txt") == "warc"
    assert sniff(b'{"text": "a"}\n', "dump.dat") == "jsonl"
    assert sniff(gzip.compress(b"abc"), "x.html") == "gzip"
    assert sniff(b"Plain words only.\n", "a.html") == "text"
    assert sniff(b"%PDF-1.4 ...", "a.txt") == "binary"
    assert sniff(b"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS>", "reut2-000.sgm") == "sgml"


def _items(path):
    return [i for i in read_paths([str(path)]) if not isinstance(i, Reject)]


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    (tmp_path / "page.txt").write_bytes(PAGE)
    assert [i.kind for i in _items(tmp_path / "page.txt")] == ["html"]


def test_gzipped_html_is_unpacked(sample):
    items = _items(sample / "html" / "ecuador-colombia-border-dispute-2024-02-09.html.gz")
    assert len(items) == 1 and items[0].kind == "html"


def test_json_lines_give_one_item_per_line_with_metadata(sample):
    items = _items(sample / "jsonl" / "articles.jsonl")
    assert [i.record for i in items] == [1, 2, 3]
    assert {i.kind for i in items} == {"text", "html"}
    assert all(i.url and i.date and i.title for i in items)


def test_warc_yields_http_responses_with_their_urls(sample):
    items = _items(sample / "warc" / "crawl.warc.gz")
    assert len(items) == 2
    assert all(i.format == "warc" and i.kind == "html" and i.url.startswith("http://example-news.org/") for i in items)


def test_wet_conversion_records_are_text(sample):
    items = _items(sample / "warc" / "crawl.wet")
    assert items and all(i.format == "wet" and i.kind == "text" for i in items)


def test_sgml_stories_are_split(tmp_path):
    sgml = (b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
            b'<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>A &amp; B</TITLE>'
            b'<BODY>Grain exports rose sharply in the first quarter, officials said.\n&#3;</BODY></TEXT></REUTERS>\n'
            b'<REUTERS NEWID="2"><TEXT><BODY>Second story body text here for the test.</BODY></TEXT></REUTERS>')
    (tmp_path / "r.sgm").write_bytes(sgml)
    items = _items(tmp_path / "r.sgm")
    assert [i.title for i in items] == ["A & B", None]
    assert items[0].kind == "plain" and "\x03" not in items[0].content


def test_stdin_is_read_like_a_file():
    data = json.dumps({"text": "Officials met in Lima on Monday to discuss the border."}).encode() + b"\n"
    items = [i for i in read_stream(io.BytesIO(data), "-") if not isinstance(i, Reject)]
    assert len(items) == 1 and items[0].path == "-"


def test_same_content_gives_same_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same article text.\n")
    (tmp_path / "b.txt").write_text("Same article text.\n")
    a, b = _items(tmp_path / "a.txt")[0], _items(tmp_path / "b.txt")[0]
    assert a.content_hash == b.content_hash
