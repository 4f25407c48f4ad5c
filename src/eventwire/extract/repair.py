"""Text repairs after extraction: literal HTML entities and mojibake.

Both run on the article text before any offset is taken, so every offset points into the repaired,
stored text. `Document.repairs` names the repairs a document needed.
"""

from __future__ import annotations

import html
import re

#: Entities with their semicolon only: "AT&T", "R&D" and "&c" stay as they are (html.unescape alone would
#: read "&not" or "&copy" without a semicolon as entities).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """Decode literal entities ("communiqu&#233;", "&amp;", "&rsquo;") that text dumps and double-escaped
    pages carry into the extracted text. Unknown names stay as written."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


def fix_mojibake(text: str) -> str:
    """UTF-8 read as cp1252 or latin-1 ("â€˜bhoomi pujaâ€™" -> "‘bhoomi puja’"), with ftfy.

    Only ftfy's encoding repair runs: quotes stay curly, widths, ligatures and line breaks as written.
    ASCII text cannot hold mojibake and is returned at once; the repair costs about 1 ms per 4 kB of
    non-ASCII text (`python -m eventwire.extract.repair`).
    """
    if text.isascii():
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def repair(text: str) -> tuple[str, list[str]]:
    """The repaired text and the names of the repairs that changed it ("entities", "mojibake")."""
    done = []
    unescaped = unescape_entities(text)
    if unescaped != text:
        done.append("entities")
    fixed = fix_mojibake(unescaped)
    if fixed != unescaped:
        done.append("mojibake")
    return fixed, done


if __name__ == "__main__":  # the cost of the repair on a made-up 4 kB article with non-ASCII characters
    import time

    article = "The minister said \u201ctalks failed\u201d in S\u00e3o Paulo \u2013 at a cost of \u00a35m. " * 60
    started = time.perf_counter()
    for _ in range(100):
        repair(article)
    print(f"{(time.perf_counter() - started) * 10:.2f} ms per {len(article):,}-character article")
