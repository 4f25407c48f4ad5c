"""Quotes on all five BBC sections (issue 24): direct and reported speech, per section, dev and test.

Labels: `eval/data/quotes/batch*.jsonl` (guide: docs/annotation-quotes.md), offsets into the corpus
files; `second_reading.jsonl` holds ten of the files labelled again by another annotator, for agreement.
Files are split by the SHA-256 of their path (`split_of`): rules are developed on dev, test is read once
per release.

Matching, as the issue's check does it: a prediction and a label are the same quote when they share at
least half the words of the shorter (`same_span`), one to one, best overlap first; the speaker is right
when `knowledge.same_speaker` says so (last word, organisation aliases, acronyms). A prediction's kind
does not have to match the label's; results are given per gold kind (recall) and predicted kind
(precision).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).parent / "data" / "quotes"
SECOND = DATA / "second_reading.jsonl"
SPLITS = ("dev", "test")
KINDS = ("direct", "indirect")

_WORD = re.compile(r"[\w']+")


def split_of(file: str) -> str:
    """dev or test, by the hash of the file's path in the corpus ('business/023.txt')."""
    return SPLITS[int(hashlib.sha256(file.encode()).hexdigest(), 16) % 2]


def read_labels(paths: list[Path]) -> tuple[list[str], list[dict]]:
    """(files, labels) over label files; the first line of each names its files."""
    files: list[str] = []
    labels: list[dict] = []
    for path in paths:
        lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        files += lines[0]["labelled_files"]
        labels += lines[1:]
    return files, labels


def batches() -> list[Path]:
    return sorted(DATA.glob("batch*.jsonl"))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def same_span(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    """The share of the shorter span's words the two spans share (0 when they do not overlap)."""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if hi <= lo:
        return 0.0
    shared = len(_words(text[lo:hi]))
    shorter = min(len(_words(text[a[0]:a[1]])), len(_words(text[b[0]:b[1]]))) or 1
    return shared / shorter


def match(text: str, pred: list[dict], gold: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) sharing at least half the words, best overlap first."""
    pairs = sorted(((same_span(text, (p["start"], p["end"]), (g["start"], g["end"])), i, j)
                    for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for share, i, j in pairs:
        if share < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def score(texts: dict[str, str], pred: dict[str, list[dict]], gold: dict[str, list[dict]]) -> dict:
    """Precision and recall with the right speaker, per kind and per section, plus span-only figures."""
    from eventwire.eval.knowledge import same_speaker

    cells: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    for file, text in texts.items():
        section = file.split("/")[0]
        p, g = pred.get(file, []), gold.get(file, [])
        pairs = match(text, p, g)
        matched_p = {i: j for i, j in pairs}
        matched_g = {j: i for i, j in pairs}
        for i, q in enumerate(p):
            right = i in matched_p and same_speaker(q.get("speaker"), g[matched_p[i]]["speaker"])
            for key in ("all", q["kind"], section):
                cells[key]["predicted"] += 1
                cells[key]["pred_span"] += i in matched_p
                cells[key]["pred_right"] += right
            if not right and len(errors) < 60:
                errors.append({"file": file, "start": q["start"], "kind": q["kind"], "got": q.get("speaker"),
                               "gold": g[matched_p[i]]["speaker"] if i in matched_p else None})
        for j, lab in enumerate(g):
            right = j in matched_g and same_speaker(p[matched_g[j]].get("speaker"), lab["speaker"])
            for key in ("all", lab["kind"], section):
                cells[key]["gold"] += 1
                cells[key]["gold_span"] += j in matched_g
                cells[key]["gold_right"] += right
            if j not in matched_g and len(errors) < 60:
                errors.append({"file": file, "start": lab["start"], "kind": lab["kind"], "missed": lab["speaker"]})
    return {key: _ratios(c) for key, c in cells.items()} | {"errors": errors}


def _ratios(c: dict[str, int]) -> dict:
    def div(a: int, b: int) -> float | None:
        return a / b if b else None

    return {**c, "precision": div(c["pred_right"], c["predicted"]), "recall": div(c["gold_right"], c["gold"]),
            "span_precision": div(c["pred_span"], c["predicted"]), "span_recall": div(c["gold_span"], c["gold"])}


def predictions(texts: dict[str, str]) -> dict[str, list[dict]]:
    """eventwire's quotes on each file (the raw file as the text, so label offsets apply as they are)."""
    from eventwire.knowledge.stage import annotate_texts

    files = sorted(texts)
    out = {}
    for file, (document, _) in zip(files, annotate_texts([texts[f] for f in files])):
        out[file] = [{"start": q.start, "end": q.end, "speaker": q.speaker,
                      "kind": "direct" if q.direct else "indirect"} for q in document.quotes]
    return out


def evaluate(corpus: Path, split: str = "dev") -> dict:
    files, labels = read_labels(batches())
    files = [f for f in files if split_of(f) == split]
    texts = {f: (corpus / f).read_text(encoding="utf-8") for f in files}
    gold: dict[str, list[dict]] = defaultdict(list)
    for lab in labels:
        if lab["file"] in texts:
            gold[lab["file"]].append(lab)
    result = score(texts, predictions(texts), gold)
    result["files"] = len(files)
    result["split"] = split
    return result


def agreement(corpus: Path) -> dict:
    """The second reading scored against the first as if it were a prediction: quote F1 with the same
    matching, and speaker agreement on the quotes both readings have."""
    second_files, second = read_labels([SECOND])
    _, first = read_labels(batches())
    texts = {f: (corpus / f).read_text(encoding="utf-8") for f in second_files}
    by = lambda labels: {f: [x for x in labels if x["file"] == f] for f in texts}  # noqa: E731
    result = score(texts, by(second), by(first))
    overall = result["all"]
    p, r = overall["span_precision"] or 0, overall["span_recall"] or 0
    return {"files": len(texts), "first": overall["gold"], "second": overall["predicted"],
            "quote_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_agreement": overall["pred_right"] / overall["pred_span"] if overall["pred_span"] else None,
            "by_kind": {k: result.get(k) for k in KINDS}}


def render(result: dict) -> str:
    lines = [f"quotes, five BBC sections, {result['split']} split ({result['files']} files): P / R with the right "
             f"speaker (target 0.90 / 0.85), span P / R"]
    for key in ("all", *KINDS, "business", "entertainment", "politics", "sport", "tech"):
        if c := result.get(key):
            lines.append(f"  {key:<14} {c['gold']:>4} labelled {c['predicted']:>4} found: P {_f(c['precision'])} "
                         f"R {_f(c['recall'])}; span P {_f(c['span_precision'])} R {_f(c['span_recall'])}")
    return "\n".join(lines)


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"
