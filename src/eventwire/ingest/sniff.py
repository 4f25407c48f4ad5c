"""Format detection from content, with the file name only as a tie-breaker.

Crawl outputs are often misnamed (`.txt` holding HTML, `.gz` without a hint of
what is inside), so the first bytes decide.
"""

from __future__ import annotations

import re

from eventwire.ingest.decode import wide_codec

GZIP_MAGIC = b"\x1f\x8b"
_HTML_RE = re.compile(
    rb"^\s*(<!--.*?-->\s*)*(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<p[\s>]|<article|<section)",
    re.IGNORECASE | re.DOTALL,
)
_SGML_RE = re.compile(rb"<!DOCTYPE\s+lewis|<REUTERS\b", re.IGNORECASE)
_BINARY_MAGICS = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"BZh",
    b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf", b"MZ", b"\x00\x00\x01\x00", b"ID3", b"OggS",
    b"RIFF", b"\xca\xfe\xba\xbe", b"SQLite format 3",
)


def sniff(head: bytes, name: str = "") -> str:
    """Return one of: gzip, warc, html, jsonl, sgml, text, binary, empty."""
    if not head.strip():
        return "empty"
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if wide := wide_codec(head):  # UTF-16/32: sniff the same text as UTF-8
        head = head.decode(wide, "ignore").lstrip("\ufeff").encode("utf-8")
        if not head.strip():
            return "empty"
    body = head.lstrip(b"\xef\xbb\xbf")
    if body.startswith(b"WARC/"):
        return "warc"
    if any(body.startswith(m) for m in _BINARY_MAGICS) or looks_binary(body):
        return "binary"
    if _SGML_RE.search(body[:4096]):
        return "sgml"
    if _HTML_RE.match(body[:4096]):
        return "html"
    stripped = body.lstrip()
    if stripped.startswith(b"{") and (name.endswith((".jsonl", ".ndjson", ".json")) or b'"' in stripped[:200]):
        return "jsonl"
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml")) and b"<" in body[:4096]:
        return "html"
    return "text"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean binary (UTF-16 with a BOM is text)."""
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 50)
