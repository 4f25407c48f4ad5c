"""The event coders side by side on our annotated sentence corpus (`event_corpus`, one split at a time).

Each labelled sentence's whole document is parsed once (spaCy and the knowledge stage, as in a run) and
coded by every coder. An event belongs to the labelled sentence its trigger (else its sentence) lies in.
- **type**: per sentence, the set of counted PLOVER types (not negated, not hypothetical) against the gold
  set: precision, recall and F1 per type, macro F1 over the types the split holds;
- **event / no event**: whether a sentence reports any counted event;
- **spans**: for events whose type matches a gold event of the sentence, the source (target) span is right
  when it overlaps the gold span; precision over predicted spans, recall over gold spans, F1;
  country accuracy on the matched spans;
- **confusion**: sentences with at most one gold type: gold against the most confident predicted type;
- **hard negatives**: share of the disaster and metaphor strata's event-free sentences that get a violent
  type (ASSAULT, COERCE, PROTEST).
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from eventwire.eval import event_corpus
from eventwire.events.tables import PLOVER_TYPES
from eventwire.records import Document, Event

VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}


def parse_documents(doc_ids: list[str], model: str | None = None, batch: int = 64) -> Iterator[tuple[str, Document, Any]]:
    """(id, Document with its knowledge filled, spaCy doc) for corpus documents, in batches."""
    from eventwire.knowledge.stage import KnowledgeStage
    from eventwire.run.stages import NlpStage, Work

    nlp, knowledge = NlpStage(model), KnowledgeStage()
    for i in range(0, len(doc_ids), batch):
        ids = doc_ids[i:i + batch]
        work = [Work(source=None, document=Document(id=d, url=None, title=None, date=None, site=None, authors=[],
                                                     language="en", text=unwrapped(event_corpus.doc_text(d))))
                for d in ids]
        nlp(work)
        knowledge(work)
        for d, w in zip(ids, work):
            if w.doc is not None:
                yield d, w.document, w.doc


def unwrapped(text: str) -> str:
    """Hard-wrapped wire text (Reuters breaks every line) with its single line breaks as spaces (an indented
    line still starts a paragraph), as the
    pipeline's text reader joins them, so that the parser sees whole sentences; offsets do not move."""
    return re.sub(r"(?<=\S)\n(?=\S)", " ", text)


def code_corpus(rows: list[dict], coders: dict[str, Any], model: str | None = None) -> dict[str, dict[str, list[Event]]]:
    """coder name → sentence id → that coder's events in the sentence; also the seconds each coder took."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    out: dict[str, dict[str, list[Event]]] = {name: {} for name in coders}
    seconds: Counter = Counter()
    for doc_id, document, doc in parse_documents(sorted(by_doc), model):
        for name, coder in coders.items():
            started = time.perf_counter()
            events = coder(document, doc)
            seconds[name] += time.perf_counter() - started
            for r in by_doc[doc_id]:
                out[name][r["id"]] = [e for e in events if r["start"] <= _at(e) < r["end"]]
    out["_seconds"] = dict(seconds)  # type: ignore[assignment]
    return out


def _at(event: Event) -> int:
    return event.verb.start if event.verb is not None else event.start


def _counted(events) -> list:
    return [e for e in events if not _flag(e, "negated") and not _flag(e, "hypothetical")]


def _flag(event, name: str) -> bool:
    return bool(event[name] if isinstance(event, dict) else getattr(event, name))


def _type(event) -> str:
    return event["type"] if isinstance(event, dict) else event.plover


def _overlap(a: dict | None, b: dict | None) -> bool:
    return bool(a and b) and a["start"] < b["end"] and b["start"] < a["end"]


def score(rows: list[dict], predicted: dict[str, list[Event]]) -> dict[str, Any]:
    tp, fp, fn = Counter(), Counter(), Counter()
    spans = {side: Counter() for side in ("source", "target")}
    confusion: dict[str, Counter] = defaultdict(Counter)
    event_hits = Counter()
    hard = Counter()
    for r in rows:
        gold_events = _counted(r["events"])
        pred_events = _counted(predicted.get(r["id"], []))
        gold, pred = {_type(e) for e in gold_events}, {_type(e) for e in pred_events}
        for t in PLOVER_TYPES:
            tp[t] += t in gold and t in pred
            fp[t] += t in pred and t not in gold
            fn[t] += t in gold and t not in pred
        event_hits["n"] += 1
        event_hits["ok"] += bool(gold) == bool(pred)
        event_hits["tp"] += bool(gold) and bool(pred)
        event_hits["gold"] += bool(gold)
        event_hits["pred"] += bool(pred)
        if len(gold) <= 1:
            top = max(pred_events, key=lambda e: e.confidence).plover if pred_events else "NONE"
            confusion[next(iter(gold)) if gold else "NONE"][top] += 1
        if r["stratum"] in ("disaster", "metaphor") and not gold:
            hard[r["stratum"] + "_n"] += 1
            hard[r["stratum"]] += bool(pred & VIOLENT)
        for side in ("source", "target"):
            c = spans[side]
            for t in gold & pred:
                g = [e[side] for e in gold_events if e["type"] == t and e[side]]
                p = [getattr(e, side) for e in pred_events if e.plover == t and getattr(e, side)]
                c["gold"] += len(g)
                c["pred"] += len(p)
                c["recall_hits"] += sum(any(_overlap(x, y) for y in p) for x in g)
                c["precision_hits"] += sum(any(_overlap(y, x) for x in g) for y in p)
                for x in g:
                    match = next((y for y in p if _overlap(x, y)), None)
                    if match is not None and x.get("country"):
                        c["country_n"] += 1
                        c["country_ok"] += match.get("country") == x["country"]
    per_type = {}
    for t in PLOVER_TYPES:
        support = tp[t] + fn[t]
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        rc = tp[t] / support if support else 0.0
        per_type[t] = {"support": support, "precision": round(p, 3), "recall": round(rc, 3),
                       "f1": round(2 * p * rc / (p + rc), 3) if p + rc else 0.0}
    scored = [v["f1"] for v in per_type.values() if v["support"]]
    out: dict[str, Any] = {
        "sentences": len(rows),
        "type_macro_f1": round(sum(scored) / len(scored), 3) if scored else 0.0,
        "types_scored": len(scored),
        "type_micro_f1": _f1(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "event_accuracy": round(event_hits["ok"] / max(1, event_hits["n"]), 3),
        "event_f1": _f1(event_hits["tp"], event_hits["pred"] - event_hits["tp"], event_hits["gold"] - event_hits["tp"]),
        "per_type": per_type,
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
    }
    for side, c in spans.items():
        p = c["precision_hits"] / c["pred"] if c["pred"] else 0.0
        rc = c["recall_hits"] / c["gold"] if c["gold"] else 0.0
        out[f"{side}_span_f1"] = round(2 * p * rc / (p + rc), 3) if p + rc else 0.0
        out[f"{side}_spans"] = c["gold"]
        out[f"{side}_country_accuracy"] = round(c["country_ok"] / c["country_n"], 3) if c["country_n"] else 0.0
    for stratum in ("disaster", "metaphor"):
        out[f"{stratum}_violent_share"] = round(hard[stratum] / hard[stratum + "_n"], 3) if hard[stratum + "_n"] else 0.0
    return out


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


def evaluate_corpus(split: str, coders: list[str], model: str | None = None, labels=None) -> dict[str, Any]:
    from eventwire.events.coder import Coder
    from eventwire.events.coders import make_coder
    from eventwire.events.stage import _actor_at

    rows = event_corpus.load(labels, split=split)
    made = {name: make_coder(name, Coder(actor_at=_actor_at())) for name in coders}
    coded = code_corpus(rows, made, model)
    seconds = coded.pop("_seconds")
    result = {name: score(rows, coded[name]) for name in coders}
    for name in coders:
        result[name]["seconds"] = round(seconds.get(name, 0.0), 2)
    return {"split": split, "sentences": len(rows), "coders": result}


def render_corpus(result: dict[str, Any]) -> str:
    from eventwire.eval.events import render_confusion

    coders = result["coders"]
    names = list(coders)
    lines = [f"Our corpus, {result['split']} split ({result['sentences']} sentences)"]
    head = f"  {'':<26}" + "".join(f"{n:>10}" for n in names)
    lines.append(head)
    for key, label in (("type_macro_f1", "type macro F1"), ("type_micro_f1", "type micro F1"),
                       ("event_f1", "event / no event F1"), ("source_span_f1", "source span F1"),
                       ("target_span_f1", "target span F1"), ("source_country_accuracy", "source country acc."),
                       ("target_country_accuracy", "target country acc."),
                       ("disaster_violent_share", "disasters coded violent"),
                       ("metaphor_violent_share", "metaphors coded violent"), ("seconds", "seconds")):
        lines.append(f"  {label:<26}" + "".join(f"{coders[n][key]:>10.3f}" for n in names))
    lines.append(f"  per type F1 (support){'':<4}" + "".join(f"{n:>10}" for n in names))
    for t in PLOVER_TYPES:
        support = coders[names[0]]["per_type"][t]["support"]
        lines.append(f"    {t:<14}{support:>8}  " + "".join(f"{coders[n]['per_type'][t]['f1']:>10.3f}" for n in names))
    best = names[-1]
    lines.append(f"  confusion ({best}):")
    lines.append(render_confusion(coders[best]["confusion"]))
    return "\n".join(lines)
