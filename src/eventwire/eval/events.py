"""`eventwire eval events`: event coding against the PLOVER gold standard, ACLED notes and the BBC corpus.

- PLOVER GSR (one gold event per sentence): the coder's primary event (not negated, in the first
  sentence that has one, highest confidence) against the gold type, with the older gold labels mapped to PLOVER 0.8
  (DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT); source and target
  country of that event against the gold actors' codes (CAMEO country codes mapped to ISO 3166;
  IGO/NGO/IMG compared as codes). A sentence with no event counts as wrong (NONE); a gold side with
  no coded actor is not scored. The figures are also given per half of the file, split by a hash of
  the sentence id: rules were developed looking at half "A" only, so half "B" shows how they carry over.
- ACLED: the primary event of each note against the note's event_type (Protests→PROTEST,
  Riots→PROTEST or ASSAULT, Battles and Violence against civilians→ASSAULT).
- BBC: events per article by category, and ASSAULT/COERCE per article, where sport, business and
  entertainment should stay near zero.
- Speed: seconds in the event stage against seconds in the spaCy stage on the same BBC articles.
- Our annotated corpus (`eval/coders.py`): every coder side by side on one split (test by default).
Each of these is run for every coder asked for (`--coder rules,model,combined`).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

from eventwire.events.tables import PLOVER_TYPES
from eventwire.records import Document, Event
from eventwire.run.shard import MemorySink, run_shard
from eventwire.run.stages import Work, build_stages

GSR_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
#: CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "GMY": "DEU", "UKG": "GBR", "SER": "SRB"}
ACLED_LABELS = {"Protests": {"PROTEST"}, "Riots": {"PROTEST", "ASSAULT"},
                "Violence against civilians": {"ASSAULT"}, "Battles": {"ASSAULT"}}
TARGETS = {"type": 0.80, "source_country": 0.85, "target_country": 0.80, "acled": 0.85}


class Runner:
    """The pipeline's stages over plain texts (no raw record to extract), through the shard runner as one
    batch, timing each stage."""

    def __init__(self, model: str | None = None, coder: str | None = None):
        self.stages = build_stages(model, coder=coder)
        self.seconds: Counter = Counter()

    def __call__(self, texts: list[str], dates: list[str | None] | None = None) -> list[Document]:
        dates = dates or [None] * len(texts)
        batch = [Work(source=None, document=Document(id=str(i), url=None, title=None, date=d, site=None, authors=[],
                                                      language="en", text=t))
                 for i, (t, d) in enumerate(zip(texts, dates))]
        sink = MemorySink()
        run_shard(batch, self.stages, sink, batch_size=max(1, len(batch)), seconds=self.seconds)
        return sink.documents


def primary(events: list[Event]) -> Event | None:
    """The lead sentence's most confident live event: news and ACLED notes state the main event first."""
    live = [e for e in events if not e.negated]
    if not live:
        return None
    lead = min(e.start for e in live)
    return max((e for e in live if e.start == lead), key=lambda e: (e.confidence, -e.verb.start if e.verb else 0))


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {CAMEO_TO_ISO.get(a["code"], a["code"]) for a in actors if isinstance(a, dict) and a.get("code")}


def half_of(sentence_id: str) -> str:
    """'A' (the half rules were developed on) or 'B' (held back), from a hash of the sentence id."""
    return "A" if hashlib.sha1(sentence_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def evaluate_gsr(path: Path, runner: Runner) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    docs = _in_batches(runner, [r["text"] for r in rows])
    confusion: dict[str, Counter] = defaultdict(Counter)
    hits: dict[str, Counter] = defaultdict(Counter)  # "all", "A", "B"
    misses = []
    for row, doc in zip(rows, docs):
        gold = GSR_LABELS.get(row["event"], row["event"])
        event = primary(doc.events)
        got = event.plover if event else "NONE"
        confusion[gold][got] += 1
        miss: dict[str, Any] = {"id": row["id"], "half": half_of(row["id"]), "gold": gold, "got": got}
        scores = {"type": got == gold}
        src, tgt = _codes(row.get("source")), _codes(row.get("target"))
        if src:
            scores["source_country"] = _country_of(event, "source") in src
            miss["source"] = [sorted(src), _country_of(event, "source")]
        if tgt:
            scores["target_country"] = _country_of(event, "target") in tgt
            miss["target"] = [sorted(tgt), _country_of(event, "target")]
        for part in ("all", half_of(row["id"])):
            hits[part]["n"] += 1
            for name, ok in scores.items():
                hits[part][name + "_n"] += 1
                hits[part][name] += ok
        if not all(scores.values()):
            misses.append(miss)
    result = _gsr_scores(hits["all"])
    result["halves"] = {part: _gsr_scores(hits[part]) for part in ("A", "B")}
    result["confusion"] = {g: dict(c) for g, c in sorted(confusion.items())}
    result["misses"] = misses
    return result


def _country_of(event: Event | None, side: str) -> str | None:
    actor = getattr(event, side) if event else None
    return actor.get("country") if actor else None


def _gsr_scores(hits: Counter) -> dict[str, Any]:
    return {
        "sentences": hits["n"],
        "type_accuracy": _ratio(hits["type"], hits["type_n"]),
        "source_country_accuracy": _ratio(hits["source_country"], hits["source_country_n"]),
        "source_scored": hits["source_country_n"],
        "target_country_accuracy": _ratio(hits["target_country"], hits["target_country_n"]),
        "target_scored": hits["target_country_n"],
    }


def evaluate_acled(path: Path, runner: Runner, limit: int = 0, seed: int = 13) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("event_type") in ACLED_LABELS and r.get("notes")]
    if limit and limit < len(rows):
        rows = random.Random(seed).sample(rows, limit)
    docs = _in_batches(runner, [r["notes"] for r in rows], [_acled_date(r.get("event_date")) for r in rows])
    agree = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    for row, doc in zip(rows, docs):
        event = primary(doc.events)
        got = event.plover if event else "NONE"
        ok = got in ACLED_LABELS[row["event_type"]]
        agree["n"] += 1
        agree["ok"] += ok
        by_type[row["event_type"]][got] += 1
    return {"notes": agree["n"], "agreement": _ratio(agree["ok"], agree["n"]),
            "by_type": {t: dict(c.most_common()) for t, c in sorted(by_type.items())}}


def evaluate_bbc(folder: Path, runner: Runner, per_category: int = 100) -> dict[str, Any]:
    out: dict[str, Any] = {}
    parse_before, events_before = runner.seconds["nlp"], runner.seconds["events"]
    for category in sorted(p.name for p in folder.iterdir() if p.is_dir()):
        files = sorted((folder / category).glob("*.txt"))[:per_category]
        texts = [f.read_text("utf-8", errors="replace") for f in files]
        docs = _in_batches(runner, texts)
        types = Counter(e.plover for d in docs for e in d.events if not e.negated)
        n = len(docs) or 1
        out[category] = {
            "articles": len(docs),
            "events_per_article": round(sum(types.values()) / n, 2),
            "assault_coerce_per_article": round((types["ASSAULT"] + types["COERCE"]) / n, 3),
            "types": dict(types.most_common()),
        }
    parse = runner.seconds["nlp"] - parse_before
    coded = runner.seconds["events"] - events_before
    out["_speed"] = {"parse_seconds": round(parse, 2), "event_seconds": round(coded, 2),
                     "event_share_of_parse": _ratio(coded, parse)}
    return out


def evaluate(shared: Path, model: str | None = None, acled_limit: int = 0, bbc_per_category: int = 100,
             coders: tuple[str, ...] = ("rules", "model", "combined"), split: str = "test") -> dict:
    """Every coder on our corpus's `split`, the PLOVER gold file, the ACLED notes and the BBC articles."""
    from eventwire.eval.coders import evaluate_corpus

    result: dict[str, Any] = {"coders": list(coders)}
    if split:
        result["corpus"] = evaluate_corpus(split, list(coders), model)
    result["by_coder"] = {name: evaluate_one(shared, model, name, acled_limit, bbc_per_category) for name in coders}
    return result


def evaluate_one(shared: Path, model: str | None, coder: str, acled_limit: int, bbc_per_category: int) -> dict:
    runner = Runner(model, coder)
    result: dict[str, Any] = {}
    gsr = shared / "eval" / "plover_gsr" / "dev.jsonl"
    if gsr.exists():
        result["plover_gsr"] = evaluate_gsr(gsr, runner)
    acled = shared / "eval" / "acled" / "bangladesh.jsonl"
    if acled.exists() and acled_limit >= 0:
        result["acled"] = evaluate_acled(acled, runner, limit=acled_limit)
    bbc = shared / "corpora" / "bbc"
    if bbc.is_dir() and bbc_per_category:
        result["bbc"] = evaluate_bbc(bbc, runner, per_category=bbc_per_category)
    result["seconds_by_stage"] = {k: round(v, 2) for k, v in runner.seconds.items()}
    return result


def render(result: dict) -> str:
    from eventwire.eval.coders import render_corpus

    lines = []
    if result.get("corpus"):
        lines.append(render_corpus(result["corpus"]))
    by_coder = result.get("by_coder", {})
    names = list(by_coder)
    gsrs = {n: by_coder[n]["plover_gsr"] for n in names if by_coder[n].get("plover_gsr")}
    if gsrs:
        first = next(iter(gsrs.values()))
        lines.append(f"PLOVER GSR ({first['sentences']} sentences; a test set: nothing is tuned on it)")
        lines.append(f"  {'':<26}" + "".join(f"{n:>10}" for n in gsrs))
        for key, label, target in (("type_accuracy", "event type accuracy", "type"),
                                   ("source_country_accuracy", "source country accuracy", "source_country"),
                                   ("target_country_accuracy", "target country accuracy", "target_country")):
            lines.append(f"  {label:<26}" + "".join(f"{g[key]:>10.3f}" for g in gsrs.values())
                         + f"   (target {TARGETS[target]:.2f})")
        for name, gsr in gsrs.items():
            lines.append(f"  confusion ({name}):")
            lines.append(render_confusion(gsr["confusion"]))
    acleds = {n: by_coder[n]["acled"] for n in names if by_coder[n].get("acled")}
    if acleds:
        first = next(iter(acleds.values()))
        lines.append(f"ACLED Bangladesh ({first['notes']} notes): agreement "
                     + ", ".join(f"{n} {a['agreement']:.3f}" for n, a in acleds.items())
                     + f"  (target {TARGETS['acled']:.2f})")
    for name in names:
        bbc = by_coder[name].get("bbc")
        if not bbc:
            continue
        lines.append(f"BBC ({name}): events per article by category")
        for cat, row in bbc.items():
            if cat.startswith("_"):
                continue
            lines.append(f"  {cat:<14} {row['articles']:>4} articles  {row['events_per_article']:>5} events/article"
                         f"  ASSAULT+COERCE {row['assault_coerce_per_article']:.3f}/article")
        speed = bbc["_speed"]
        lines.append(f"  speed: event stage {speed['event_seconds']} s vs spaCy parse {speed['parse_seconds']} s"
                     f" = {speed['event_share_of_parse']:.3f} of parse time (budget 0.40)")
    return "\n".join(lines)


def render_confusion(confusion: dict[str, dict[str, int]]) -> str:
    labels = [t for t in PLOVER_TYPES if t in confusion or any(t in row for row in confusion.values())]
    labels += ["NONE"] if any("NONE" in row for row in confusion.values()) else []
    short = {t: t[:4] for t in labels}
    head = "  gold\\got  " + " ".join(f"{short[t]:>4}" for t in labels)
    rows = [head]
    for gold in labels:
        if gold not in confusion:
            continue
        row = confusion[gold]
        rows.append(f"  {gold:<10}" + " ".join(f"{row.get(t, 0) or '.':>4}" for t in labels))
    return "\n".join(rows)


def _in_batches(runner: Runner, texts: list[str], dates: list[str | None] | None = None, size: int = 64):
    dates = dates or [None] * len(texts)
    out: list[Document] = []
    for i in range(0, len(texts), size):
        out += runner(texts[i:i + size], dates[i:i + size])
    return out


def _acled_date(value: str | None) -> str | None:
    try:
        return datetime.strptime(value or "", "%d-%b-%y").date().isoformat()
    except ValueError:
        return None


def _ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else 0.0
