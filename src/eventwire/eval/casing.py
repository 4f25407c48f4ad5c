"""Broken casing: what survives when an article comes all lower case or all caps (issue 18).

For each of the first N BBC politics articles (../shared/corpora/bbc/politics), `eventwire.process`
runs on the original text, on a lower-case copy and on an upper-case copy (same length, so every
offset means the same character in all three). Each copy's items are compared with the original's:

- events: (sentence index, PLOVER type, source country, target country); the sentence index comes
  from a case-blind split of the original text, so it is the same for all three copies;
- actors: (name lower-cased, country);
- quotes: (start offset, speaker lower-cased).

`recall` is the share of the original's items the copy also has; `overlap` is their Dice overlap
(2|A∩B| / (|A|+|B|)), pooled over the articles. Run with `--plain` to switch the truecaser off
(the figure before it existed).

    python -m eventwire.eval.casing [--shared ../shared] [--limit 60] [--plain]
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

#: Sentence ends for the case-blind split: . ! ? (and a closing quote) before white space, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n+")


def same_length_case(text: str, upper: bool) -> str:
    """`text` lower- or upper-cased character by character, keeping any character whose case
    mapping would change the length ('ß'.upper() is 'SS'), so offsets stay valid."""
    out = []
    for ch in text:
        mapped = ch.upper() if upper else ch.lower()
        out.append(mapped if len(mapped) == 1 else ch)
    return "".join(out)


def sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_index(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def _country(party) -> str | None:
    return (party or {}).get("country")


def items(document, starts: list[int]) -> dict[str, set]:
    """The comparable items of one analysed document."""
    return {
        "events": {(_sentence_index(starts, e.start), e.plover, _country(e.source), _country(e.target))
                   for e in document.events},
        "actors": {(a.name.lower(), a.country) for a in document.actors},
        "quotes": {(q.start, (q.speaker or "").lower()) for q in document.quotes},
    }


def _score(pairs: list[tuple[set, set]]) -> dict:
    ref = sum(len(a) for a, _ in pairs)
    got = sum(len(b) for _, b in pairs)
    both = sum(len(a & b) for a, b in pairs)
    return {"original": ref, "copy": got, "shared": both,
            "recall": round(both / ref, 3) if ref else None,
            "overlap": round(2 * both / (ref + got), 3) if ref + got else None}


def evaluate(shared: Path, limit: int = 60, truecase: bool = True) -> dict:
    from eventwire import process
    from eventwire.nlp import truecase as tc

    folder = shared / "corpora" / "bbc" / "politics"
    files = sorted(folder.glob("*.txt"))[:limit]
    saved = tc.ENABLED
    tc.ENABLED = truecase
    try:
        pairs: dict[str, dict[str, list]] = {v: {k: [] for k in ("events", "actors", "quotes")} for v in ("lower", "upper")}
        recased = {"lower": 0, "upper": 0, "original": 0}
        for path in files:
            text = path.read_text(encoding="utf-8", errors="replace")
            starts = sentence_starts(text)
            original = process(text)
            recased["original"] += bool(getattr(original, "recased", False))
            base = items(original, starts)
            for variant in ("lower", "upper"):
                copy = process(same_length_case(text, upper=variant == "upper"))
                recased[variant] += bool(getattr(copy, "recased", False))
                got = items(copy, starts)
                for kind in base:
                    pairs[variant][kind].append((base[kind], got[kind]))
    finally:
        tc.ENABLED = saved
    return {"articles": len(files), "truecase": truecase, "recased": recased,
            **{v: {k: _score(p) for k, p in kinds.items()} for v, kinds in pairs.items()}}


def render(result: dict) -> str:
    lines = [f"{result['articles']} BBC politics articles, truecaser {'on' if result['truecase'] else 'off'}; "
             f"documents recased: {result['recased']}",
             f"{'copy':<7}{'items':<8}{'original':>9}{'copy':>7}{'shared':>8}{'recall':>8}{'overlap':>9}"]
    for variant in ("lower", "upper"):
        for kind, s in result[variant].items():
            lines.append(f"{variant:<7}{kind:<8}{s['original']:>9}{s['copy']:>7}{s['shared']:>8}"
                         f"{s['recall'] if s['recall'] is not None else '-':>8}{s['overlap'] if s['overlap'] is not None else '-':>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--plain", action="store_true", help="switch the truecaser off (the 'before' figure)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = evaluate(args.shared, args.limit, truecase=not args.plain)
    print(json.dumps(result, indent=1) if args.json else render(result))


if __name__ == "__main__":
    main()
