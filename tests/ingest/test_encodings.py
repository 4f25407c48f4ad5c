"""Every news file is read: BOM, declared charset, UTF-8, charset-normalizer, cp1252 — in that order.

All texts are made up here. A wrong guess garbles names and money ("£5m" read as cp1250 is "Ł5m").
"""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import RejectedInput
from eventwire.ingest.decode import decode_bytes, utf16_without_bom
from eventwire.ingest.readers import RawItem, read_paths
from eventwire.ingest.sniff import sniff

POUNDS = ("\u201cWe will not pay,\u201d the mayor of Velmar said on Tuesday, after the council\u2019s "
          "\u00a35m repair bill \u2013 twice the estimate \u2013 was published.\r\n"
          "Opposition members called it \u2018a scandal\u2019.\r\n")
FRENCH = "Le ministre a d\u00e9clar\u00e9 que la r\u00e9forme des retraites continue malgr\u00e9 la gr\u00e8ve. "
RUSSIAN = "Министр иностранных дел заявил, что переговоры продолжатся в понедельник. "


def _read_one(path) -> RawItem:
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and isinstance(items[0], RawItem), items
    return items[0]


def test_cp1252_text_with_pounds_and_curly_quotes_is_read_as_cp1252(tmp_path):
    (tmp_path / "a.txt").write_bytes(POUNDS.encode("cp1252"))
    item = _read_one(tmp_path / "a.txt")
    assert "\u00a35m" in item.content and "\u201cWe will not pay,\u201d" in item.content
    assert item.encoding == "cp1252" and item.encoding_source in ("detected", "fallback")


def test_a_short_cp1252_line_keeps_its_pound_sign():
    decoded = decode_bytes("The repairs cost \u00a35m.".encode("cp1252"))
    assert decoded.text == "The repairs cost \u00a35m." and decoded.encoding == "cp1252"


def test_latin1_text_is_read(tmp_path):
    (tmp_path / "fr.txt").write_bytes((FRENCH * 5).encode("latin-1"))
    item = _read_one(tmp_path / "fr.txt")
    assert "d\u00e9clar\u00e9" in item.content and "gr\u00e8ve" in item.content


def test_cyrillic_code_page_is_detected():
    decoded = decode_bytes((RUSSIAN * 3).encode("cp1251"))
    assert decoded.text == RUSSIAN * 3 and decoded.method == "detected"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_are_text(tmp_path, codec):
    data = (POUNDS * 3).encode(codec)
    (tmp_path / "u.txt").write_bytes(data)
    assert sniff(data[:8192], "u.txt") == "text"
    item = _read_one(tmp_path / "u.txt")
    assert item.content.lstrip("\ufeff").startswith("\u201cWe will not pay")
    assert item.encoding_source == ("bom" if codec in ("utf-16", "utf-32") else "detected")


def test_utf16_without_bom_is_recognised_by_its_nul_pattern():
    assert utf16_without_bom("Police arrested twelve men.".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("Police arrested twelve men.".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"plain ascii text, no NULs") is None


def test_utf16_html_with_bom_is_sniffed_as_html(tmp_path):
    page = f"<html><head><title>Bill</title></head><body><p>{POUNDS * 3}</p></body></html>"
    (tmp_path / "p.html").write_bytes(page.encode("utf-16"))
    item = _read_one(tmp_path / "p.html")
    assert item.kind == "html" and item.encoding_source == "bom" and "\u00a35m" in item.content


def test_declared_meta_charset_wins_over_detection(tmp_path):
    page = (f'<html><head><meta charset="windows-1251"><title>t</title></head>'
            f"<body><p>{RUSSIAN * 4}</p></body></html>")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    item = _read_one(tmp_path / "ru.html")
    assert RUSSIAN.strip() in item.content
    assert (item.encoding, item.encoding_source) == ("cp1251", "meta")


def test_xml_prolog_encoding_is_a_declaration():
    page = f'<?xml version="1.0" encoding="ISO-8859-1"?><html><body><p>{FRENCH}</p></body></html>'
    from eventwire.ingest.decode import declared

    data = page.encode("latin-1")
    assert declared(data) == ("iso8859-1", "xml")
    decoded = decode_bytes(data, declared="iso8859-1", declared_by="xml")
    assert FRENCH in decoded.text and decoded.encoding == "cp1252"  # WHATWG: latin-1 means cp1252


def test_declared_latin1_reads_curly_quotes_as_cp1252():
    decoded = decode_bytes("\u201cNo,\u201d she said.".encode("cp1252"), declared="iso8859-1")
    assert decoded.text == "\u201cNo,\u201d she said."


def test_a_lying_declaration_falls_through_to_detection():
    decoded = decode_bytes((RUSSIAN * 3).encode("cp1251"), declared="utf-8")
    assert decoded.text == RUSSIAN * 3 and decoded.method == "detected"


def test_warc_http_charset_is_the_declaration(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = f"<html><body><p>{FRENCH * 4}</p></body></html>".encode("cp1252")
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1252")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://news.example/a", "response", payload=io.BytesIO(body),
                                                  http_headers=headers))
    (tmp_path / "c.warc").write_bytes(out.getvalue())
    item = _read_one(tmp_path / "c.warc")
    assert "d\u00e9clar\u00e9" in item.content and (item.encoding, item.encoding_source) == ("cp1252", "http")


def test_utf8_with_a_stray_cp1252_byte_keeps_both():
    data = "Minister said \u201cyes\u201d to talks in Z\u00fcrich. ".encode() * 3 + "caf\u00e9".encode("cp1252")
    decoded = decode_bytes(data)
    assert decoded.text.endswith("caf\u00e9") and "Z\u00fcrich" in decoded.text
    assert decoded.method == "utf-8+cp1252"


def test_bom_marked_utf8_is_read_without_the_mark():
    decoded = decode_bytes(b"\xef\xbb\xbf" + "Caf\u00e9 talks.".encode())
    assert (decoded.text, decoded.method) == ("Caf\u00e9 talks.", "bom")


def test_cp1252_undefined_bytes_never_fail():
    decoded = decode_bytes(b"Talks \x81\x8d\x8f\x90\x9d ended.")
    assert decoded.text.startswith("Talks ") and decoded.text.endswith(" ended.")


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=600).filter(lambda b: b"\x00" not in b))
def test_text_without_nul_bytes_always_decodes(data):
    try:
        assert isinstance(decode_bytes(data).text, str)
    except RejectedInput as exc:  # only a broken UTF-16/32 body after its byte-order mark
        assert "byte-order mark" in str(exc)


def test_binary_files_are_still_rejected(tmp_path):
    (tmp_path / "x.txt").write_bytes(bytes(range(256)) * 8)
    items = list(read_paths([str(tmp_path / "x.txt")]))
    assert len(items) == 1 and "binary" in items[0].reason
