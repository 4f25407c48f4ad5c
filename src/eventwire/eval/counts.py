"""Counts on the events of our own sentences: the ASSAULT, COERCE and PROTEST sentences of the event corpus,
labelled with the killed, wounded, arrested, kidnapped and displaced figures they report
(`data/counts/labels.jsonl`, guide docs/annotation-counts.md; ids, numbers and offsets, never text).

Each labelled sentence's document goes through the whole pipeline; the figure eventwire gives a sentence
is the sum of its events' counts of that kind (events/counts.py gives each count to one event, so the sum
counts once). Scored per kind: on sentences whose label gives a number, the share eventwire gets exactly;
on sentences with no count of that kind, the share where eventwire gives none. Split by document hash
(the event corpus's split); rules are developed on dev, test is read once per release.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from eventwire.eval.event_corpus import doc_date, doc_text, split_of
from eventwire.records import COUNT_FIELDS

LABELS = Path(__file__).parent / "data" / "counts" / "labels.jsonl"
AGREEMENT = Path(__file__).parent / "data" / "counts" / "second_reading.jsonl"


def load(path: Path = LABELS, split: str | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [r for r in rows if split is None or split_of(r["doc"]) == split]


def gold_figures(row: dict) -> dict[str, float | None]:
    """Kind -> the sentence's figure (summed over its counts of that kind; None when only unknown numbers)."""
    out: dict[str, float | None] = {}
    for c in row["counts"]:
        if c["value"] is None:
            out.setdefault(c["kind"], None)
        else:
            out[c["kind"]] = (out.get(c["kind"]) or 0) + c["value"]
    return out


def evaluate(split: str = "dev", path: Path = LABELS) -> dict:
    from eventwire.run.pipeline import process_one

    rows = load(path, split)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_doc[row["doc"]].append(row)
    hits: Counter = Counter()
    misses = []
    for doc, labelled in by_doc.items():
        document = process_one(doc_text(doc), date=doc_date(doc), path=doc)
        for row in labelled:
            gold = gold_figures(row)
            events = [e for e in document.events if row["start"] <= e.start < row["end"] or e.start <= row["start"] < e.end]
            for kind in COUNT_FIELDS:
                counts = [getattr(e, kind) for e in events if getattr(e, kind) is not None]
                got = sum(c.value for c in counts if c.value is not None) if counts else 0
                if kind in gold and gold[kind] is not None:
                    hits[kind + "_n"] += 1
                    hits[kind + "_ok"] += got == gold[kind]
                    if got != gold[kind] and len(misses) < 30:
                        misses.append({"id": row["id"], "kind": kind, "gold": gold[kind], "got": got})
                elif kind not in gold:
                    hits[kind + "_none_n"] += 1
                    hits[kind + "_none_ok"] += not counts
    out = {"split": split, "sentences": len(rows), "documents": len(by_doc), "misses": misses}
    for kind in COUNT_FIELDS:
        out[kind] = {"labelled": hits[kind + "_n"], "exact": _share(hits[kind + "_ok"], hits[kind + "_n"]),
                     "clean": _share(hits[kind + "_none_ok"], hits[kind + "_none_n"])}
    numbered = sum(hits[k + "_n"] for k in COUNT_FIELDS)
    out["all_exact"] = _share(sum(hits[k + "_ok"] for k in COUNT_FIELDS), numbered)
    return out


def agreement(first: Path = LABELS, second: Path = AGREEMENT) -> dict:
    """The share of (sentence, kind) pairs two readings give the same figure, over the second reading's sample."""
    if not second.exists():
        return {}
    a = {r["id"]: gold_figures(r) for r in load(first)}
    same = total = 0
    for row in load(second):
        if row["id"] not in a:
            continue
        b = gold_figures(row)
        if not a[row["id"]] and not b:  # both read no count: they agree on the sentence
            total, same = total + 1, same + 1
        for kind in set(a[row["id"]]) | set(b):
            total += 1
            same += a[row["id"]].get(kind, "none") == b.get(kind, "none")
    return {"sentences": len(load(second)), "pairs": total, "agreement": _share(same, total)}


def _share(hits: int, n: int) -> float | None:
    return hits / n if n else None
