"""PETRARCH2's CAMEO.2.0 verb dictionary, reduced to what the event model reads: verb forms and their
(verb, object word) patterns, each with the PLOVER type of its CAMEO code.

Source: Open Event Data Alliance, PETRARCH2 `petrarch2/data/dictionaries/CAMEO.2.0.txt` (MIT; licence in
`data/cameo2_LICENSE`). `python -m eventwire.events.cameo2 PATH` rebuilds `data/cameo2_verbs.tsv` from it.
A pattern coded `---` (an aircraft crash, "killed in an accident") is kept as type NONE: the dictionary's own
word that the verb is not an event there.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from eventwire.events.tables import lookup, read_tsv

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")


def _plover(code: str) -> str | None:
    code = code.strip().split(":")[0]
    if code == "---":
        return "NONE"
    if not code[:2].isdigit():
        return None
    return lookup(code.lstrip("0").rjust(2, "0") if len(code) < 2 else code).plover


def _forms(word: str, explicit: list[str]) -> set[str]:
    """A verb's regular forms (PETRARCH generates them the same way) plus the irregular ones it lists."""
    w = word.lower()
    forms = {w, *(e.lower() for e in explicit)}
    if explicit:
        return forms
    stem = w[:-1] if w.endswith("e") else w
    forms |= {w + "s" if not w.endswith(("s", "sh", "ch", "x")) else w + "es",
              stem + "ed" if not w.endswith("e") else w + "d", stem + "ing"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    return forms


def build(path: Path) -> list[tuple[str, str, str]]:
    """(form, object word or '', PLOVER type) rows from the dictionary file."""
    rows: set[tuple[str, str, str]] = set()
    block_type: str | None = None
    forms: set[str] = set()
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        block = _BLOCK.match(line)
        if block:
            block_type, forms = _plover(block.group(2)), set()
            continue
        if line.startswith("-"):
            code = _CODE.search(line)
            body = line[1:code.start()] if code else line[1:]
            words = body.split()
            if code is None or "*" not in words:
                continue
            after = [re.sub(r"[^a-z]", "", w.lower()) for w in words[words.index("*") + 1:]]
            obj = next((w for w in after if len(w) > 2), "")
            ptype = _plover(code.group(1))
            if obj and ptype:
                rows.update((f, obj, ptype) for f in forms)
            continue
        if line.startswith(("&", "+", "~")) or "_" in line.split()[0]:
            continue
        own = _CODE.search(line)  # a synonym may carry its own code: 'ARREST [173]' in APPREHEND [171]
        word_type = _plover(own.group(1)) if own else block_type
        line = _CODE.sub("", line)
        head = line.split("{")[0].split()
        if len(head) != 1 or not head[0].isalpha():
            continue
        explicit = line.split("{", 1)[1].split("}")[0].split() if "{" in line else []
        new = _forms(head[0], [e for e in explicit if e.isalpha()])
        forms |= new
        if word_type and word_type != "NONE":
            rows.update((f, "", word_type) for f in new)
    return sorted(rows)


@lru_cache(maxsize=1)
def verbs() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """form → default PLOVER type; form → {object word → PLOVER type or NONE}."""
    default: dict[str, str] = {}
    patterns: dict[str, dict[str, str]] = defaultdict(dict)
    for form, obj, ptype in read_tsv("cameo2_verbs.tsv"):
        if obj:
            patterns[form].setdefault(obj, ptype)
        else:
            default.setdefault(form, ptype)
    return default, dict(patterns)


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[4] / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
    out = Path(__file__).with_name("data") / "cameo2_verbs.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# form\tobject word ('' = the verb's default)\tPLOVER type (NONE: not an event)\n"
                "# Source: Open Event Data Alliance, PETRARCH2 CAMEO.2.0.txt verb dictionary (MIT, see cameo2_LICENSE);\n"
                "# built by `python -m eventwire.events.cameo2`. CAMEO codes mapped with cameo2plover.tsv.\n")
        for row in build(source):
            f.write("\t".join(row) + "\n")
    print(f"wrote {out}")
