"""Lazy readers for folders, files and stdin: each yields `RawItem`s or `Reject`s.

A reader never raises for bad input: it yields a `Reject` with a one-line reason
and goes on with the next record or file, so one broken file cannot stop a run.
Large inputs are streamed (WARC records, JSON lines); single documents are
size-capped before they are read.
"""

from __future__ import annotations

import gzip
import hashlib
import html as html_lib
import io
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from eventwire import config
from eventwire.errors import NoInput, RejectedInput
from eventwire.ingest.decode import Decoded, codec_name, decode_bytes, declared, wide_codec
from eventwire.ingest.sniff import sniff
from eventwire.records import Reject

STDIN = "-"


@dataclass
class RawItem:
    """One raw record before extraction: an HTML page or a text, with any metadata its container gave."""

    path: str
    record: int
    format: str  # container format: html, text, jsonl, warc, wet, sgml
    kind: str  # what `content` is: "html", "text" (may carry boilerplate lines) or "plain" (already clean)
    content: str
    content_hash: str
    size: int
    url: str | None = None
    date: str | None = None
    title: str | None = None
    encoding: str | None = None  # codec the raw bytes were decoded with (None: given as text)
    encoding_source: str | None = None  # how it was found: bom, http, meta, xml, utf-8, detected, fallback, ...
    date_source: str = "metadata"  # what `date` is: the container's (metadata) or given by the user (user)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def file_uri(path: str) -> str | None:
    """The input file as an absolute `file://` URI, None for stdin (it has no file).

    Resolved when the file is read, against the directory the run was started in: the only moment a
    relative path on the command line still means one file (a later export runs elsewhere).
    """
    if path == STDIN or path.startswith("<"):
        return None
    return Path(os.path.abspath(path)).as_uri()


def read_paths(paths: Iterable[str]) -> Iterator[RawItem | Reject]:
    for path in paths:
        if path == STDIN:
            yield from _guard(STDIN, lambda: read_stream(sys.stdin.buffer, STDIN))
        elif os.path.isdir(path):
            for file_path in iter_files(path):
                yield from _guard(file_path, lambda p=file_path: read_file(p))
        elif os.path.exists(path):
            yield from _guard(path, lambda: read_file(path))
        else:
            yield Reject(path, "no such file or directory")


def check_inputs(paths: Iterable[str]) -> None:
    """Raise `NoInput` when no path holds a file, before a run creates its database.

    Reads at most one file name per folder. A path that does not exist next to one that has files
    is only a reject (the run goes on).
    """
    paths = list(paths)
    if STDIN in paths or any(os.path.isfile(p) or (os.path.isdir(p) and next(iter_files(p), None)) for p in paths):
        return
    problems = [f"{p} is an empty folder (hidden files are skipped)" if os.path.isdir(p)
                else f"{p} does not exist" if not os.path.exists(p) else f"{p} is not a regular file" for p in paths]
    raise NoInput("nothing to process: " + "; ".join(problems) if problems else "nothing to process: no path given")


def iter_files(folder: str) -> Iterator[str]:
    """Files under `folder`, recursively, in a stable order; hidden files and folders are skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def _guard(path: str, make: callable) -> Iterator[RawItem | Reject]:
    """Turn any failure inside a reader into a reject for that file."""
    try:
        yield from make()
    except RejectedInput as exc:
        yield Reject(path, str(exc))
    except (OSError, EOFError, zlib.error, ValueError, UnicodeError) as exc:
        yield Reject(path, f"unreadable: {type(exc).__name__}: {exc}".splitlines()[0][:300])


def read_file(path: str) -> Iterator[RawItem | Reject]:
    if not os.path.isfile(path):
        raise RejectedInput("not a regular file")
    with open(path, "rb") as fh:
        yield from read_stream(fh, path)


def read_stream(fh: BinaryIO, path: str) -> Iterator[RawItem | Reject]:
    buffered = fh if hasattr(fh, "peek") else io.BufferedReader(fh)  # type: ignore[arg-type]
    head = buffered.peek(8192)[:8192]
    fmt = sniff(head, path)
    if fmt == "jsonl" and (wide := wide_codec(head)):  # JSON Lines in UTF-16: split lines on the text
        data = _read_capped(buffered, config.MAX_DOCUMENT_BYTES).decode(wide, "replace").lstrip("\ufeff")
        yield from read_jsonl(io.BytesIO(data.encode("utf-8")), path)
    elif fmt == "gzip":
        yield from _read_gzip(buffered, path)
    elif fmt == "warc":
        yield from read_warc(buffered, path)
    elif fmt == "jsonl":
        yield from read_jsonl(buffered, path)
    elif fmt == "empty":
        raise RejectedInput("empty file")
    elif fmt == "binary":
        raise RejectedInput("binary file, not text, HTML, JSON Lines or WARC")
    else:
        data = _read_capped(buffered, config.MAX_DOCUMENT_BYTES)
        yield from _single(data, path, fmt)


def _read_capped(fh: BinaryIO, limit: int) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise RejectedInput(f"too large: over {limit // 1_000_000} MB for a single document")
    return data


def _read_gzip(fh: BinaryIO, path: str) -> Iterator[RawItem | Reject]:
    inner_head = _gunzip_head(fh)
    inner = sniff(inner_head, path[:-3] if path.endswith(".gz") else path)
    if inner == "warc":
        yield from read_warc(fh, path)
        return
    with gzip.GzipFile(fileobj=fh) as gz:
        try:
            if inner == "jsonl":
                yield from read_jsonl(gz, path)
                return
            data = _read_capped(gz, config.MAX_DECOMPRESSED_BYTES)
        except EOFError:
            raise RejectedInput("truncated gzip: the compressed stream ends early") from None
        except (OSError, zlib.error) as exc:
            raise RejectedInput(f"corrupt gzip: {exc}") from None
    if inner == "gzip":
        raise RejectedInput("nested gzip is not supported")
    yield from _single(data, path, sniff(data[:8192], path[:-3]))


def _gunzip_head(fh: BinaryIO) -> bytes:
    raw = fh.peek(65536)[:65536]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 8192)
    except zlib.error as exc:
        raise RejectedInput(f"corrupt gzip: {exc}") from None


def _single(data: bytes, path: str, fmt: str) -> Iterator[RawItem]:
    if not data.strip():
        raise RejectedInput("empty file")
    if fmt == "binary":
        raise RejectedInput("binary file, not text, HTML, JSON Lines or WARC")
    if fmt == "sgml":
        yield from read_sgml(data, path)
        return
    kind = "html" if fmt == "html" else "text"
    decoded = _decode(data, declared(data) if kind == "html" else None)
    text = decoded.text
    if not text.strip():  # only Unicode spaces or separators (\x1c-\x1f, U+3000, ...)
        raise RejectedInput("empty file")
    if kind == "text":
        _check_line_lengths(text)
    else:
        text = _html_text(text)
    yield RawItem(path, 0, fmt, kind, text, content_hash(data), len(data),
                  encoding=decoded.encoding, encoding_source=decoded.method)


def _decode(data: bytes, found: tuple[str, str] | None) -> Decoded:
    """`decode_bytes` with a declaration (codec, how it was declared) when the container or markup has one."""
    if found is None:
        return decode_bytes(data)
    return decode_bytes(data, declared=found[0], declared_by=found[1])


def _check_line_lengths(text: str) -> None:
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > config.MAX_LINE_BYTES:
        raise RejectedInput(f"line too long: {longest:,} characters in one line (limit {config.MAX_LINE_BYTES:,})")


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)")
# Elements that never nest (void) or whose end tag is optional: they do not deepen a real page's tree.
_FLAT_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr p li dt dd tr td th "
                       "option thead tbody tfoot colgroup rb rt rp optgroup caption".split())


_XML_INCOMPATIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _html_text(html: str) -> str:
    """HTML with control characters blanked: lxml refuses them ("All strings must be XML compatible") and a
    single stray \\x1f in a crawled page would otherwise crash extraction."""
    _check_nesting(html)
    return _XML_INCOMPATIBLE.sub(" ", html)


def _check_nesting(html: str) -> None:
    """Reject pages nested deeper than any real article: tree walkers recurse, libxml2 silently truncates,
    and extraction time grows with the square of the depth (100,000 unclosed `<div>`s: 121 s for 0.9 MB).

    Counts real nesting as a parser builds it, in one linear scan (about 1 s for 20 MB of tags): an
    end tag closes its open element and every element opened inside it, and an end tag with no open
    element of its name is ignored, so `<div></i>` repeated cannot keep the count down. Sample and
    evaluation pages nest under 50 levels.
    """
    if html.count("<") <= config.MAX_HTML_DEPTH:
        return
    stack: list[str] = []
    open_count: dict[str, int] = {}
    for close, name in _TAG.findall(html):
        name = name.lower()
        if name in _FLAT_TAGS:
            continue
        if not close:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > config.MAX_HTML_DEPTH:
                raise RejectedInput(f"HTML nested too deeply: over {config.MAX_HTML_DEPTH:,} levels of elements")
        elif open_count.get(name):
            while True:  # each element is pushed and popped once: linear overall
                top = stack.pop()
                open_count[top] -= 1
                if top == name:
                    break


# -- JSON Lines ---------------------------------------------------------------

def read_jsonl(fh: BinaryIO, path: str) -> Iterator[RawItem | Reject]:
    """One article per line: `text` or `html`, optional `url`, `date`, `title`."""
    limit = config.MAX_LINE_BYTES
    number = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            break
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield Reject(path, f"line {number}: too long (over {limit:,} bytes)", number)
            continue
        if not line.strip():
            continue
        try:
            yield _jsonl_item(line, path, number)
        except RejectedInput as exc:
            yield Reject(path, f"line {number}: {exc}", number)


def _jsonl_item(line: bytes, path: str, number: int) -> RawItem:
    try:
        decoded = decode_bytes(line)
        obj = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise RejectedInput(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RejectedInput("JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise RejectedInput("not a JSON object")
    body = obj.get("html") if isinstance(obj.get("html"), str) and obj.get("html").strip() else None
    kind = "html" if body else "text"
    body = body or obj.get("text") or obj.get("content") or obj.get("body")
    if not isinstance(body, str) or not body.strip():
        raise RejectedInput('no "text" or "html" field')
    if kind == "text":
        _check_line_lengths(body)
    else:
        body = _html_text(body)
    url, date, title = (_opt_str(obj, k) for k in ("url", "date", "title"))
    return RawItem(path, number, "jsonl", kind, body, content_hash(line.strip()), len(line), _url(url), date, title,
                   decoded.encoding, decoded.method)


def _url(value: str | None) -> str | None:
    """A container's URL, or None when it cannot be parsed ("http://[bad" makes urlsplit raise downstream)."""
    if not value:
        return None
    try:
        urlsplit(value.strip()).hostname
    except ValueError:
        return None
    return value.strip()


def _opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return value if isinstance(value, str) and value.strip() else None


# -- WARC / WET -----------------------------------------------------------------

def read_warc(fh: BinaryIO, path: str) -> Iterator[RawItem | Reject]:
    """Stream WARC/WET records with warcio; a broken record ends the file with a reject, keeping earlier ones."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = found = 0
    try:
        for record in ArchiveIterator(fh, check_digests=False):
            number += 1
            item = _warc_item(record, path, number)
            if item is not None:
                found += 1
                yield item
        if not found:
            yield Reject(path, f"no HTML or text record among {number} WARC record(s)", 0)
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError, TypeError,
            IndexError, KeyError) as exc:
        # warcio trusts the headers: a response record without WARC-Target-URI raises AttributeError,
        # a malformed status line IndexError
        reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        yield Reject(path, f"record {number + 1}: truncated or invalid WARC record ({reason})", number + 1)


def _warc_item(record, path: str, number: int) -> RawItem | Reject | None:
    rtype = record.rec_type
    if rtype is None:
        return Reject(path, f"record {number}: truncated or invalid WARC record header", number)
    if rtype not in ("response", "resource", "conversion"):
        return None
    url = _url(record.rec_headers.get_header("WARC-Target-URI"))
    if rtype == "response":
        if not record.http_headers or record.http_headers.get_statuscode() not in ("200", None):
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    data = record.content_stream().read(config.MAX_DOCUMENT_BYTES + 1)
    if len(data) > config.MAX_DOCUMENT_BYTES:
        return Reject(path, f"record {number}: too large (over {config.MAX_DOCUMENT_BYTES // 1_000_000} MB)", number)
    missing = getattr(record.raw_stream, "limit", 0) or 0
    if missing > 0:
        declared = record.rec_headers.get_header("Content-Length")
        return Reject(path, f"record {number}: truncated WARC record ({missing:,} of {declared} bytes missing)", number)
    if not data.strip():
        return None
    fmt = sniff(data[:8192], "")
    if "html" in ctype or fmt == "html":
        kind = "html"
    elif ctype.startswith("text/") or rtype == "conversion" or fmt == "text":
        kind = "text"
    else:
        return None  # images, scripts, PDFs: not articles, not an error either
    container = "wet" if rtype == "conversion" else "warc"
    try:
        http = _charset(ctype)
        decoded = _decode(data, (http, "http") if http else (declared(data) if kind == "html" else None))
        text = decoded.text
        if kind == "html":
            text = _html_text(text)
    except RejectedInput as exc:
        return Reject(path, f"record {number}: {exc}", number)
    return RawItem(path, number, container, kind, text, content_hash(data), len(data), url,
                   encoding=decoded.encoding, encoding_source=decoded.method)


def _charset(ctype: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w\-:.]+)", ctype)
    return codec_name(m.group(1)) if m else None


# -- SGML (Reuters-21578) ---------------------------------------------------------

_REUTERS = re.compile(rb"<REUTERS\b.*?</REUTERS>", re.DOTALL)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>".encode(), re.DOTALL) for name in ("DATE", "TITLE", "BODY")}


def read_sgml(data: bytes, path: str) -> Iterator[RawItem | Reject]:
    """Reuters-21578 style SGML: one `<REUTERS>` element per story."""
    found = 0
    for number, match in enumerate(_REUTERS.finditer(data), start=1):
        block = match.group(0)
        fields = {k: (m.group(1) if (m := rx.search(block)) else b"") for k, rx in _FIELD.items()}
        body = html_lib.unescape(fields["BODY"].decode("latin-1")).replace("\x03", "").strip()
        if not body:
            continue
        title = html_lib.unescape(fields["TITLE"].decode("latin-1")).strip() or None
        date = fields["DATE"].decode("latin-1").strip() or None
        found += 1
        yield RawItem(path, number, "sgml", "plain", body, content_hash(block), len(block), None, date, title,
                      "latin-1", "format")  # Reuters-21578 is latin-1 by its documentation
    if not found:
        raise RejectedInput("no <REUTERS> story with a <BODY> in this SGML file")
