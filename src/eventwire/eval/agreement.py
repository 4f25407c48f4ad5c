"""How far two annotators agree on the doubly read sample of our event corpus (`eventwire eval events
--agreement`). The second reading (`data/events_agreement/`) was done without seeing the first.

- event / no event: raw agreement and Cohen's kappa;
- type: Cohen's kappa on each sentence's first type (NONE when empty), and F1 of one reader's
  (sentence, type) pairs against the other's;
- spans: for types both readers gave a sentence, how often their source (target) spans overlap.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from eventwire.eval import event_corpus

SECOND = event_corpus.LABELS.parent / "events_agreement"


def kappa(a: list[str], b: list[str]) -> float:
    n = len(a)
    if not n:
        return 0.0
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return round((observed - expected) / (1 - expected), 3) if expected < 1 else 1.0


def agreement(first: Path | None = None, second: Path = SECOND, stratum: str = "") -> dict[str, Any]:
    """Agreement on the sentences read twice (`stratum`: only those whose stratum starts so, e.g. 'fourth_')."""
    one = {r["id"]: r for r in event_corpus.load(first)}
    two = {r["id"]: r for r in event_corpus.load(second)} if second.exists() else {}
    ids = sorted(i for i in set(one) & set(two) if one[i]["stratum"].startswith(stratum))
    has = ([bool(one[i]["events"]) for i in ids], [bool(two[i]["events"]) for i in ids])
    first_type = [[(r["events"][0]["type"] if r["events"] else "NONE") for r in (src[i] for i in ids)] for src in (one, two)]
    pairs = [{(i, e["type"]) for i in ids for e in src[i]["events"]} for src in (one, two)]
    both = pairs[0] & pairs[1]
    spans = Counter()
    for i, t in both:
        for side in ("source", "target"):
            a = [e[side] for e in one[i]["events"] if e["type"] == t and e[side]]
            b = [e[side] for e in two[i]["events"] if e["type"] == t and e[side]]
            if a and b:
                spans[side + "_n"] += 1
                spans[side] += any(x["start"] < y["end"] and y["start"] < x["end"] for x in a for y in b)
    return {
        "sentences": len(ids),
        "event_agreement": round(sum(x == y for x, y in zip(*has)) / len(ids), 3) if ids else 0.0,
        "event_kappa": kappa([str(x) for x in has[0]], [str(x) for x in has[1]]),
        "type_kappa": kappa(*first_type),
        "type_pair_f1": round(2 * len(both) / (len(pairs[0]) + len(pairs[1])), 3) if pairs[0] or pairs[1] else 0.0,
        "source_span_agreement": round(spans["source"] / spans["source_n"], 3) if spans["source_n"] else 0.0,
        "target_span_agreement": round(spans["target"] / spans["target_n"], 3) if spans["target_n"] else 0.0,
    }


def render(result: dict[str, Any], what: str = "") -> str:
    return "\n".join([f"Annotator agreement on {result['sentences']} doubly read sentences{what}"] +
                     [f"  {k:<24}{v}" for k, v in result.items() if k != "sentences"])
