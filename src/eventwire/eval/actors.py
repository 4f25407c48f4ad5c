"""Actor country and sector on text no actor rule was written against (`eventwire eval knowledge --part actors`).

- corpus: the parties (source/target spans with country and sector) of our annotated event corpus
  (eval/data/events, guide docs/annotation-events.md; BBC and Reuters-21578 articles). Each labelled
  document is read whole, in a fixed order, through the knowledge stage with one actor registry, as a run
  would; each labelled span is coded with `identity_at`, the rule the event coder uses. Split by the
  corpus's document hash: dev to work on, test once per release.
- shuffle: the same documents in two other orders; an actor whose country differs between orders got it
  from another article (a leak), not from its own words.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

from eventwire.eval import event_corpus


def _gold_parties(rows: list[dict]) -> dict[str, list[dict]]:
    """doc -> its labelled parties (document offsets, country, sector), one per distinct span."""
    out: dict[str, dict[tuple[int, int], dict]] = {}
    for row in rows:
        for event in row["events"]:
            for role in ("source", "target"):
                party = event.get(role)
                if not party or party.get("start") is None:
                    continue
                out.setdefault(row["doc"], {}).setdefault((party["start"], party["end"]), party)
    return {doc: list(parties.values()) for doc, parties in out.items()}


def _annotate(docs: list[str], texts: dict[str, str], dates: dict[str, str | None]):
    from eventwire.knowledge.stage import KnowledgeStage
    from eventwire.nlp import load_model
    from eventwire.records import Document

    stage, out = KnowledgeStage(), {}
    for doc_id, parsed in zip(docs, load_model(None).pipe([texts[d] for d in docs], batch_size=16)):
        document = Document(id=doc_id, url=None, title=None, date=dates.get(doc_id), site=None, authors=[],
                            language="en", text=texts[doc_id])
        stage.annotate(document, parsed)
        out[doc_id] = (document, parsed)
    return out


def corpus(split: str = "dev", limit: int = 0, shuffles: int = 2, seed: int = 7) -> dict[str, Any]:
    """Country and sector accuracy of the labelled parties of one split, and the shuffle check."""
    from eventwire.knowledge.actors.index import identity_at

    gold = _gold_parties(event_corpus.load(split=split))
    docs = sorted(gold)[:limit] if limit else sorted(gold)
    texts = {d: event_corpus.doc_text(d) for d in docs}
    dates = {d: event_corpus.doc_date(d) for d in docs}
    annotated = _annotate(docs, texts, dates)
    counts: Counter = Counter()
    misses = []
    for doc in docs:
        document, parsed = annotated[doc]
        for party in gold[doc]:
            text = texts[doc][party["start"]:party["end"]]
            country, sector = identity_at(document, party["start"], party["end"], text, doc=parsed)
            if party.get("country"):
                counts["country_n"] += 1
                counts["country_ok"] += country == party["country"]
            if party.get("sector"):
                counts["sector_n"] += 1
                counts["sector_ok"] += sector == party["sector"]
            wrong = (party.get("country") and country != party["country"]) or \
                    (party.get("sector") and sector != party["sector"])
            if wrong:
                misses.append({"doc": doc, "text": text, "gold": [party.get("country"), party.get("sector")],
                               "got": [country, sector]})
    result = {"split": split, "documents": len(docs), "parties": sum(len(gold[d]) for d in docs),
              "with_country": counts["country_n"], "with_sector": counts["sector_n"],
              "country_accuracy": _ratio(counts["country_ok"], counts["country_n"]),
              "sector_accuracy": _ratio(counts["sector_ok"], counts["sector_n"]),
              "misses": misses}
    if shuffles:
        result["shuffle"] = shuffle_check(docs, texts, dates, annotated, shuffles, seed)
    return result


def shuffle_check(docs: list[str], texts: dict[str, str], dates: dict, first: dict, shuffles: int = 2, seed: int = 7) -> dict:
    """Actors (document, name) whose country changes when the same documents are read in another order."""
    def countries(annotated: dict) -> dict[tuple[str, str], str | None]:
        return {(doc, a.name): a.country for doc, (document, _) in annotated.items() for a in document.actors}

    base = countries(first)
    changed: set[tuple[str, str]] = set()
    rng = random.Random(seed)
    for _ in range(shuffles):
        order = docs[:]
        rng.shuffle(order)
        other = countries(_annotate(order, texts, dates))
        changed |= {key for key, value in base.items() if key in other and other[key] != value}
    return {"actors": len(base), "orders": shuffles + 1, "changed": len(changed),
            "changed_share": _ratio(len(changed), len(base)),
            "examples": sorted(f"{doc}: {name}" for doc, name in changed)[:20]}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None
