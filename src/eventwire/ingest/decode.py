"""Bytes to text, strictly: a wrong guess at an encoding silently corrupts names and quotes."""

from __future__ import annotations

import codecs
import re

from eventwire.errors import RejectedInput

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def declared_charset(html_head: bytes) -> str | None:
    m = _META_CHARSET.search(html_head[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, declared: str | None = None) -> str:
    """Decode UTF-8 (BOMs honoured) or a charset the document declares; otherwise reject.

    Undeclared non-UTF-8 bytes are rejected rather than guessed: mixed encodings
    (a UTF-8 page with pasted cp1252 quotes) cannot be repaired reliably.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise RejectedInput(f"invalid UTF-16 at byte {exc.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if declared and declared not in ("utf-8", "utf_8"):
            try:
                return data.decode(declared)
            except (UnicodeDecodeError, LookupError):
                pass
        kind = "mixed encodings" if _has_utf8_multibyte(data) else "invalid UTF-8"
        raise RejectedInput(
            f"{kind}: undecodable byte 0x{data[exc.start]:02x} at offset {exc.start} (convert the file to UTF-8)"
        ) from None


def _has_utf8_multibyte(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", data) is not None
