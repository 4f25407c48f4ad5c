"""Bytes to text, in a fixed order: byte-order mark, declared charset, UTF-8, a detector, cp1252.

Every file a user has is text in *some* encoding; rejecting a legacy-encoded article loses it. The order
follows the WHATWG encoding standard that browsers use, with charset-normalizer where a browser would
fall back to the locale's code page:

1. a byte-order mark (UTF-8, UTF-16, UTF-32): it cannot be there by accident;
2. the charset the document declares (HTTP `Content-Type` in a WARC record, HTML `<meta>`, XML prolog);
   `iso-8859-1` and `us-ascii` mean cp1252, as in browsers (pages that say latin-1 use curly quotes);
3. valid UTF-8, or UTF-8 with stray cp1252 bytes (a UTF-8 page with quotes pasted from Word);
4. charset-normalizer's guess; among guesses that fit equally well, cp1252 (the code page of most
   legacy English news; charset-normalizer alone reads "£5m" in cp1252 as "Ł5m" in cp1250);
5. cp1252 for any other 8-bit text, its five undefined bytes read as latin-1 (never fails).

`Decoded.method` records which step decided (stored as `Document.encoding_source`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from eventwire.errors import RejectedInput

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9_\-:.]+)["']""", re.IGNORECASE)
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: WHATWG: these labels decode as windows-1252.
_AS_CP1252 = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})
#: Guesses whose fit (charset-normalizer's "chaos" percentage) is within this of the best are ties.
DETECTOR_TIE = 1.0
#: The detector reads at most this much: its guess is settled long before, and it costs ~1 ms per 100 kB.
DETECTOR_SAMPLE = 256_000


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name: utf-8, cp1252, utf-16-le, ...
    method: str  # bom, http, meta, xml, utf-8, utf-8+cp1252, detected, fallback


def declared_charset(html_head: bytes) -> str | None:
    """The codec a page's `<meta>` or XML prolog names, or None."""
    found = declared(html_head)
    return found[0] if found else None


def declared(head: bytes) -> tuple[str, str] | None:
    """(codec, "xml" or "meta") for the charset an XML prolog or an HTML `<meta>` declares."""
    for how, pattern in (("xml", _XML_ENCODING), ("meta", _META_CHARSET)):
        m = pattern.search(head[:4096])
        if m and (codec := codec_name(m.group(1).decode("ascii", "ignore"))):
            return codec, how
    return None


def codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def decode(data: bytes, *, declared: str | None = None) -> str:
    """The text of `data` (see `decode_bytes`)."""
    return decode_bytes(data, declared=declared).text


def decode_bytes(data: bytes, *, declared: str | None = None, declared_by: str = "meta") -> Decoded:
    """Decode in the module's order; `declared`: the codec the container or markup names (`declared_by`:
    http, meta or xml). Raises `RejectedInput` only for bytes that no step can read as text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(codec), codec, "bom")
            except UnicodeDecodeError as exc:
                raise RejectedInput(f"invalid {codec.upper()} after its byte-order mark at byte {exc.start}") from None
    if wide := utf16_without_bom(data):
        try:
            return Decoded(data.decode(wide), wide, "detected")
        except UnicodeDecodeError:
            pass
    if declared and (found := _decode_declared(data, declared)):
        return Decoded(found[0], found[1], declared_by)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    if _has_utf8_multibyte(data):
        return Decoded(data.decode("utf-8", "eventwire-cp1252"), "utf-8", "utf-8+cp1252")
    guess = detect(data)
    if guess:
        try:
            return Decoded(data.decode(guess), guess, "detected")
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(decode_cp1252(data), "cp1252", "fallback")


def _decode_declared(data: bytes, codec: str) -> tuple[str, str] | None:
    """The declared codec's text, or None when the bytes are not in it (the declaration lies)."""
    if codec.startswith(("utf-16", "utf-32")):
        return None  # WHATWG: a byte page declaring UTF-16 without a BOM is not UTF-16
    if codec in _AS_CP1252:
        return decode_cp1252(data), "cp1252"
    try:
        return data.decode(codec), codec
    except (UnicodeDecodeError, LookupError):
        return None


def detect(data: bytes) -> str | None:
    """charset-normalizer's best codec for `data`, preferring cp1252 among equally good guesses."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:DETECTOR_SAMPLE])
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.percent_chaos <= best.percent_chaos + DETECTOR_TIE and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return codec_name(best.encoding)


# cp1252 leaves 0x81, 0x8d, 0x8f, 0x90 and 0x9d undefined; WHATWG reads them as the C1 controls latin-1 has.
_CP1252 = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256))
_LATIN1_TO_CP1252 = {i: ch for i, ch in enumerate(_CP1252) if chr(i) != ch}


def decode_cp1252(data: bytes) -> str:
    return data.decode("latin-1").translate(_LATIN1_TO_CP1252)


def _cp1252_errors(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as cp1252 (a Word quote in a UTF-8 page)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return decode_cp1252(exc.object[exc.start:exc.end]), exc.end


codecs.register_error("eventwire-cp1252", _cp1252_errors)


def _has_utf8_multibyte(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}", data) is not None


def wide_codec(head: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec of text that starts with its BOM or has UTF-16's NUL pattern; None otherwise."""
    for bom, codec in _BOMS:
        if head.startswith(bom) and codec != "utf-8":
            return codec
    return utf16_without_bom(head)


def utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for BOM-less UTF-16 of mostly Latin text: every other byte is NUL.

    Such files would otherwise look binary (NUL bytes). Text in other scripts has few NULs and
    is left to the detector.
    """
    sample = head[:4096]
    if len(sample) < 8:
        return None
    sample = sample[: len(sample) // 2 * 2]
    evens, odds = sample[0::2], sample[1::2]
    half = len(sample) // 2
    for zeros, other, codec in ((odds, evens, "utf-16-le"), (evens, odds, "utf-16-be")):
        if zeros.count(0) >= 0.9 * half and other.count(0) <= 0.01 * half + 1:
            try:
                sample.decode(codec)
            except UnicodeDecodeError:
                continue
            return codec
    return None
