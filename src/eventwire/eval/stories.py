"""`eventwire eval stories`: story clustering, copy detection, event merging and clustering speed.

- Clustering: ../shared/eval/stories/uci-news-aggregator-sample.csv (headline, URL, publisher,
  timestamp, gold STORY id), scored with B-cubed precision/recall/F1 over articles. The
  articles go through `stories.update` on an in-memory database, headline as the text and
  the headline's spaCy entities stored as the NLP stage would (so `update` gets names, as in
  the pipeline; a row without them is shown too). Also per half of the gold stories (half 0
  tuned on, half 1 held out) and with timestamps jittered or removed, since the sample's
  stories are each one timestamp burst; and with each other headline-embedding setting
  (`cluster.EMBEDDINGS`: static word-piece vectors by default, the full MiniLM, or words alone).
- Copies: BBC articles (../shared/corpora/bbc) and one perturbed copy of each, made here at
  run time (re-wrapped lines, other boilerplate, trimmed or reordered paragraphs, changed
  headline); precision and recall of the (copy, original) links `update` marks.
- Merging: generated happenings, each reported several ways (actor named differently, missing
  target or place, date from the article), scored on merged count against the truth and on
  purity (no merged event spans two happenings): once on event records directly, once end to
  end (generated articles through `eventwire.run`, so the event coder's own variation counts).
- Speed: synthetic articles through the clusterer, seconds per 10,000 at growing corpus sizes
  (linear means the per-10,000 figure stays flat).
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import re
import textwrap
import time
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path


from eventwire.stories._db import insert
from eventwire.stories import cluster as clustering
from eventwire.stories import embed
from eventwire.stories.cluster import Clusterer
from eventwire.stories.terms import term_counts
from eventwire.eval.merging import eval_merging, eval_merging_pipeline, stable_id
from eventwire.stories.update import update
from eventwire.store.schema import TABLES, memory_db, to_cell

# -- helpers ------------------------------------------------------------------------------------


def load_articles(con, articles: list[dict]) -> None:
    """Insert minimal `documents` and `articles` rows (id, title, text, date, site, url)."""
    for table in ("documents", "articles"):
        columns = TABLES[table][0]
        insert(con, table, [tuple(to_cell(_defaults(table, a).get(n), sql) for n, sql in columns) for a in articles])


def _defaults(table: str, a: dict) -> dict:
    if table == "documents":
        return {"id": a["id"], "path": "<eval>", "url": a.get("url"), "format": "text", "record": 0,
                "content_hash": a["id"], "size": len(a["text"]), "ingested_at": "2000-01-01 00:00:00"}
    return {"authors": [], "language": "en", "engine": "eval", **a}


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> dict[str, float]:
    gold_sets, pred_sets = defaultdict(set), defaultdict(set)
    for item, g in gold.items():
        gold_sets[g].add(item)
    for item, p in pred.items():
        pred_sets[p].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = pred_sets[pred[item]], gold_sets[gold[item]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    precision, recall = precision / len(gold), recall / len(gold)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / (precision + recall)}


# -- story clustering (UCI headlines) -----------------------------------------------------------


def url_words(url: str) -> str:
    """The slug words of a URL path ('.../fed-official-says-weak-data...'), often fuller than the headline."""
    path = re.sub(r"^\w+://[^/]+", "", url or "")
    return " ".join(p.replace("-", " ") for p in re.split(r"[/?#&=._,]", path) if p.count("-") >= 2)


#: How the UCI timestamps are fed to the clusterer. The sample's gold stories are each one burst
#: (all articles within seconds, stories minutes apart), so real timestamps flatter any
#: time-aware method; jittered and blind runs show what the text alone carries. `blind` gives every
#: article one instant (the dated path, time prior flat); `undated` removes the dates, so the
#: clusterer's undated path (content alone, group average) runs, as on a folder of text dumps.
TIME_MODES = ("real", "jitter", "blind")  # and "undated", reported in the undated view (`eval_undated`)
JITTER_HOURS = 6


def story_half(story: str) -> int:
    """0 or 1 by a hash of the gold story id: parameters are chosen on half 0, half 1 is held out."""
    return hashlib.sha256(story.encode()).digest()[-1] % 2


def read_uci(path: Path, limit: int = 0) -> list[dict]:
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8")) if r.get("STORY") and r.get("TIMESTAMP")]
    return rows[:limit] if limit else rows


def time_switches(rows: list[dict]) -> int:
    """Gold-story changes between consecutive articles in time order (stories - 1 when each story is one burst)."""
    ordered = sorted(rows, key=lambda r: int(r["TIMESTAMP"]))
    return sum(1 for a, b in zip(ordered, ordered[1:]) if a["STORY"] != b["STORY"])


def _seconds(row: dict, mode: str, rng: random.Random) -> float:
    seconds = int(row["TIMESTAMP"]) / 1000
    if mode == "jitter":
        return seconds + rng.uniform(-JITTER_HOURS, JITTER_HOURS) * 3600
    return 1394409600.0 if mode == "blind" else seconds  # blind: every article on 2014-03-10


def headline_entities(titles: list[str]) -> dict[str, list[tuple[str, str, int, int]]]:
    """spaCy entities of each headline (text, label, start, end), as the NLP stage stores them.

    Why: in the pipeline `stories.update` reads each article's names from the stored entities
    (`update._names`); feeding headlines without them would measure a clusterer the pipeline never runs.
    """
    from eventwire.nlp import NLP

    unique = sorted(set(titles))
    missing = [t for t in unique if t not in _ENTITY_CACHE]
    if missing:
        nlp = NLP()
        for title, doc in zip(missing, nlp.parse(missing)):
            _ENTITY_CACHE[title] = [(e.text, e.label, e.start, e.end) for e in nlp.entities(doc)]
    return {t: _ENTITY_CACHE[t] for t in unique}


_ENTITY_CACHE: dict[str, list[tuple[str, str, int, int]]] = {}


def load_entities(con, articles: list[dict], entities: dict[str, list[tuple]]) -> None:
    """Entity rows for the articles' headlines (offsets hold in the text, which starts with the headline)."""
    insert(con, "entities", [(a["id"], i, *e) for a in articles for i, e in enumerate(entities[a["title"]])])


def eval_clustering(path: Path, limit: int = 0, mode: str = "real", half: int | None = None,
                    rows: list[dict] | None = None, batches: int = 1, names: bool = True,
                    embeddings: str | None = None) -> dict:
    """B-cubed of `stories.update`; with batches > 1 the articles arrive in that many time-ordered
    batches, each `update` joining the stories the earlier ones stored. With `names`, the headlines'
    spaCy entities are stored first, so `update` sees the actor and place names it would in the pipeline.
    `embeddings`: one of `cluster.EMBEDDINGS`; None for the default (see `cluster.EMBED_ENV`)."""
    if embeddings is None:
        embeddings = clustering.embeddings_default()
    rows = rows if rows is not None else read_uci(path, limit)
    if half is not None:
        rows = [r for r in rows if story_half(r["STORY"]) == half]
    rng = random.Random(11)
    articles = []
    for r in rows:
        when = None if mode == "undated" else \
            datetime.fromtimestamp(_seconds(r, mode, rng), timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
        text = " ".join(x for x in (r["TITLE"], url_words(r["URL"])) if x)
        articles.append({"id": stable_id("uci", r["ID"]), "title": r["TITLE"], "text": text, "date": when,
                         "site": r.get("HOSTNAME") or r.get("PUBLISHER"), "url": r["URL"]})
    con = memory_db()
    entities = headline_entities([a["title"] for a in articles]) if names else None
    ordered = sorted(articles, key=lambda a: (a["date"] or "", a["id"]))
    seconds, copies = 0.0, 0
    before = os.environ.get(clustering.EMBED_ENV)
    os.environ[clustering.EMBED_ENV] = embeddings
    try:
        for k in range(batches):
            batch = ordered[k * len(ordered) // batches:(k + 1) * len(ordered) // batches]
            load_articles(con, batch)
            if entities is not None:
                load_entities(con, batch, entities)
            started = time.perf_counter()
            copies += update(con)["copies"]
            seconds += time.perf_counter() - started
    finally:
        if before is None:
            del os.environ[clustering.EMBED_ENV]
        else:
            os.environ[clustering.EMBED_ENV] = before
    pred = dict(con.execute("SELECT doc_id, story_id FROM story_members").fetchall())
    gold = {a["id"]: r["STORY"] for a, r in zip(articles, rows)}
    return {"articles": len(rows), "gold_stories": len(set(gold.values())),
            "predicted_stories": len(set(pred.values())), "copies_marked": copies,
            **bcubed(gold, pred), "seconds": seconds, "time": mode, "half": half, "batches": batches,
            "names": names, "embeddings": embeddings}


def eval_clustering_variants(path: Path, limit: int = 0) -> dict:
    """The whole file with real timestamps, plus each half and each time mode (see `TIME_MODES`)."""
    rows = read_uci(path, limit)
    result = eval_clustering(path, rows=rows)
    result["time_switches"] = time_switches(rows)
    result["variants"] = [eval_clustering(path, mode=mode, half=half, rows=rows)
                          for mode in TIME_MODES for half in (None, 0, 1)
                          if (mode, half) != ("real", None)]
    result["incremental"] = eval_clustering(path, rows=rows, batches=4)
    result["no_names"] = eval_clustering(path, rows=rows, names=False)
    others = [e for e in clustering.EMBEDDINGS if e != result["embeddings"]
              and (e != "minilm" or embed.model_dir() is not None)]
    result["other_setting"] = [eval_clustering(path, mode=mode, half=half, rows=rows, embeddings=other)
                               for other in others
                               for mode, half in (("real", None), ("real", 0), ("real", 1),
                                                  ("jitter", 0), ("jitter", 1))]
    return result


# -- near-duplicates (BBC + generated perturbations) --------------------------------------------

_BOILERPLATE_TOP = ["Share this article", "Advertisement", "Skip to main content", "Subscribe for full access",
                    "By Staff Reporter | Wire Service", "Sign in | Register", "Most read stories"]
_BOILERPLATE_END = ["All rights reserved.", "Related stories", "Follow us on social media",
                    "Copyright the wire service. This material may not be republished.",
                    "Click here to read more news from our partners", "Comments are closed."]


def perturb(title: str, body: str, rng: random.Random) -> tuple[str, str, list[str]]:
    """A syndicated-looking copy: always re-wrapped, plus two or three other changes."""
    paras = [p for p in body.split("\n\n") if p.strip()]
    done = ["rewrap"]
    for change in rng.sample(["boilerplate", "trim", "reorder", "headline"], rng.choice([2, 3])):
        if change == "boilerplate":
            paras = rng.sample(_BOILERPLATE_TOP, 2) + paras + rng.sample(_BOILERPLATE_END, 2)
        elif change == "trim" and len(paras) >= 4:
            del paras[rng.choice([0, len(paras) - 1])]
        elif change == "reorder" and len(paras) >= 3:
            i = rng.randrange(len(paras) - 1)
            paras[i], paras[i + 1] = paras[i + 1], paras[i]
        elif change == "headline":
            words = title.split()
            title = "UPDATE: " + " ".join(rng.sample(words, len(words)))
        else:
            continue
        done.append(change)
    width = rng.randint(50, 90)
    text = "\n\n".join(textwrap.fill(" ".join(p.split()), width) for p in paras)
    return title, text, done


def eval_copies(bbc: Path, sample: int = 400, seed: int = 13) -> dict:
    files = sorted(bbc.glob("*/*.txt"))
    rng = random.Random(seed)
    originals, seen = [], set()
    for f in rng.sample(files, min(len(files), sample * 2)):
        raw = f.read_text(encoding="latin-1")
        title, _, body = raw.strip().partition("\n")
        keys = {" ".join(body.lower().split()), " ".join(title.lower().split())}
        if keys & seen or len(body.split()) < 60:
            continue  # the corpus holds duplicates of its own (same headline, body lightly edited); keep one
        seen.update(keys)
        originals.append((f, title.strip(), body.strip()))
        if len(originals) == sample:
            break
    articles, truth = [], {}
    day = date(2005, 1, 1)
    for n, (f, title, body) in enumerate(originals):
        oid = stable_id("bbc", f.parent.name, f.name)
        articles.append({"id": oid, "title": title, "text": body, "date": (day + timedelta(days=n % 60)).isoformat(),
                         "site": "bbc"})
        ctitle, ctext, _ = perturb(title, body, rng)
        cid = stable_id("copy", oid)
        articles.append({"id": cid, "title": ctitle, "text": ctext,
                         "date": (day + timedelta(days=n % 60 + 1)).isoformat(), "site": "wire"})
        truth[cid] = oid
    con = memory_db()
    load_articles(con, articles)
    update(con)
    marked = dict(con.execute("SELECT doc_id, copy_of FROM story_members WHERE copy_of IS NOT NULL").fetchall())
    correct = sum(1 for c, o in marked.items() if truth.get(c) == o)
    wrong = [(c, o) for c, o in marked.items() if truth.get(c) != o]
    return {"originals": len(originals), "copies": len(truth), "marked": len(marked),
            "precision": correct / len(marked) if marked else 0.0, "recall": correct / len(truth),
            "false_links": len(wrong)}


def synthetic_articles(n: int, seed: int = 3, per_day: int = 500):
    """Articles drawn from stories that each live a few days, with their own topic words and names."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(20000)]
    names = [f"name{i}" for i in range(5000)]
    stories: list[tuple] = []
    start = datetime(2020, 1, 1)
    for i in range(n):
        when = start + timedelta(days=i / per_day)
        if not stories or rng.random() < 0.1:
            stories.append((rng.sample(vocab, 12), rng.sample(names, 3), when))
        stories = [s for s in stories if (when - s[2]).days < 4][-300:]
        words, who, _ = rng.choice(stories)
        title = " ".join(rng.sample(words, 6) + rng.sample(vocab, 3))
        text = " ".join(rng.choices(words, k=30) + rng.sample(vocab, 50))
        yield f"syn{i}", title, text, {n: 1 for n in who}, when


def eval_speed(sizes: tuple[int, ...] = (10_000, 30_000)) -> dict:
    out = []
    for n in sizes:
        clusterer = Clusterer()
        items = [(i, term_counts(t, x, names), w) for i, t, x, names, w in synthetic_articles(n)]
        started, cpu_started = time.perf_counter(), time.process_time()
        clusterer.count(c for _, c, _ in items)
        for doc_id, counts, when in items:
            clusterer.add(doc_id, counts, when)
        clusterer.consolidate()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        out.append({"articles": n, "seconds": seconds, "seconds_per_10k": seconds / n * 10_000,
                    "cpu_seconds_per_10k": cpu / n * 10_000, "stories": len(clusterer.stories)})
    return {"runs": out, "update": eval_update_speed(10_000)}


def eval_update_speed(n: int) -> dict:
    """The whole `stories.update` (sketches, copies, clustering, DuckDB writes) on n synthetic articles,
    in two halves, so the second half also shows the cost of joining an existing corpus."""
    articles = [{"id": i, "title": t, "text": x, "date": w.isoformat(), "site": f"site{k % 50}"}
                for k, (i, t, x, _, w) in enumerate(synthetic_articles(n))]
    con = memory_db()
    times = []
    for half in (articles[: n // 2], articles[n // 2:]):
        load_articles(con, half)
        started = time.perf_counter()
        update(con)
        times.append(time.perf_counter() - started)
    return {"articles": n, "first_half_seconds": times[0], "second_half_seconds": times[1],
            "seconds_per_10k": sum(times) / n * 10_000}


def evaluate(shared: Path, parts: tuple[str, ...] = ("clustering", "copies", "merging", "speed", "undated"),
             limit: int = 0, sizes: tuple[int, ...] = (10_000, 30_000)) -> dict:
    result: dict = {}
    if "clustering" in parts:
        result["clustering"] = eval_clustering_variants(shared / "eval/stories/uci-news-aggregator-sample.csv", limit)
    if "copies" in parts:
        result["copies"] = eval_copies(shared / "corpora/bbc")
    if "merging" in parts:
        result["merging"] = eval_merging()
        result["merging_pipeline"] = eval_merging_pipeline()
    if "speed" in parts:
        result["speed"] = eval_speed(sizes)
    if "undated" in parts:
        result["undated"] = eval_undated(shared, halves=(0,) if "undated-test" not in parts else (0, 1))
    return result


def eval_undated(shared: Path, halves: tuple[int, ...] = (0,)) -> dict:
    """Undated corpora (issue 19): the UCI sample with its dates removed, BBC section purity and
    Reuters topics (`eval/undated.py`); half 1 of each only with the `undated-test` part."""
    from eventwire.eval import undated

    uci = shared / "eval/stories/uci-news-aggregator-sample.csv"
    rows = read_uci(uci)
    out = {"uci": [eval_clustering(uci, mode="undated", half=h, rows=rows) for h in (None, *halves)]}
    out.update(undated.evaluate(shared, halves=halves))
    return out
