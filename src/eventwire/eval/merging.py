"""Event merging measured on generated reports: happenings told several times with other words, actor
names and dates, straight through `merge_reports` (`eval_merging`) and through the whole pipeline
(`eval_merging_pipeline`). Close pairs are made on purpose, so over-merging shows."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from pathlib import Path

import duckdb

from eventwire.stories import merge as merging
from eventwire.stories.update import update


def stable_id(*parts) -> str:
    """A 32-hex id from its parts (generated and sampled articles get the same id in every run)."""
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:32]

# -- event merging (generated multi-report set) -------------------------------------------------

_ACTORS = [  # (country, sector, ways a report may name it)
    ("COL", "MIL", ["Colombian troops", "Colombia's army", "the Colombian military"]),
    ("ECU", "GOV", ["Ecuador", "the Ecuadorian government", "Quito"]),
    ("MEX", "COP", ["Mexican police", "police in Mexico", "Mexico's federal police"]),
    ("USA", "GOV", ["the United States", "Washington", "the U.S. government"]),
    ("NGA", "MIL", ["Nigerian soldiers", "the Nigerian army", "Nigeria's military"]),
    ("PHL", "GOV", ["the Philippines", "Manila", "the Philippine government"]),
    ("CHN", "GOV", ["China", "Beijing", "the Chinese government"]),
    ("SDN", "REB", ["Sudanese rebels", "rebels in Sudan", "the Sudanese insurgents"]),
]
_TYPES = {"ASSAULT": ["190", "193", "195"], "ACCUSE": ["112", "111"], "AID": ["070", "071"],
          "PROTEST": ["140", "141"], "COERCE": ["170", "173"], "AGREE": ["057", "050"]}
_PLACES = [("Bogota", "COL"), ("Quito", "ECU"), ("Culiacan", "MEX"), ("Zamfara", "NGA"), ("Manila", "PHL"),
           ("Khartoum", "SDN"), ("Washington", "USA")]


def generate_reports(n_happenings: int = 120, seed: int = 7) -> tuple[list[merging.Report], dict[tuple, int]]:
    """Happenings and their reports; close pairs on purpose (same actors, type a few days apart;
    same type and day, other actors) so that over-merging shows."""
    rng = random.Random(seed)
    reports, truth = [], {}
    start = date(2024, 1, 1)
    happenings = []
    for h in range(n_happenings):
        if h % 4 == 1 and happenings:  # same actors and type as the previous one, days later
            prev = happenings[-1]
            happenings.append({**prev, "day": prev["day"] + timedelta(days=rng.choice([3, 5, 9]))})
            continue
        if h % 4 == 2 and happenings:  # same type and day as the previous one, other actors
            prev = happenings[-1]
            src, tgt = rng.sample([a for a in _ACTORS if a not in (prev["source"], prev["target"])], 2)
            happenings.append({**prev, "source": src, "target": tgt, "place": rng.choice(_PLACES)})
            continue
        src, tgt = rng.sample(_ACTORS, 2)
        happenings.append({"type": rng.choice(sorted(_TYPES)), "source": src, "target": tgt,
                           "place": rng.choice(_PLACES), "day": start + timedelta(days=rng.randrange(300))})
    for h, hap in enumerate(happenings):
        for k in range(rng.randint(1, 6)):
            doc = stable_id("merge", h, k)
            src_name = rng.choice(hap["source"][2])
            tgt_name = rng.choice(hap["target"][2])
            verb = hap["type"].lower()
            sentence = f"{src_name} {verb} {tgt_name} in {hap['place'][0]}, the report said."
            source = {"name": src_name, "country": hap["source"][0], "sector": hap["source"][1]}
            target = {"name": tgt_name, "country": hap["target"][0], "sector": hap["target"][1]}
            if rng.random() < 0.25:
                target = None  # the report names no target
            location = {"name": hap["place"][0], "country": hap["place"][1]} if rng.random() < 0.7 else None
            day = hap["day"] + timedelta(days=rng.choice([0, 0, 0, 1]))  # reported the next day
            reports.append(merging.Report(doc, 0, hap["type"], rng.choice(_TYPES[hap["type"]]), source, target,
                                          location, day, sentence, 0, len(sentence), day.isoformat(),
                                          f"site{rng.randrange(8)}", None, rng.random() < 0.1))
            truth[(doc, 0)] = h
    return reports, truth


def eval_merging(n_happenings: int = 120, seed: int = 7) -> dict:
    reports, truth = generate_reports(n_happenings, seed)
    groups = merging.merge_reports(reports)
    impure = sum(1 for g in groups if len({truth[(r.doc_id, r.idx)] for r in g}) > 1)
    n_true = len(set(truth.values()))
    return {"reports": len(reports), "happenings": n_true, "merged": len(groups),
            "count_error": (len(groups) - n_true) / n_true, "groups_spanning_happenings": impure}


# -- speed ----------------------------------------------------------------------------------------


_PHRASES = {  # how a report may put each type: {s} source, {t} target, {p} place, {w} " on Monday" or ""
    "ASSAULT": ["{s} attacked {t} in {p}{w}.", "{s} launched an attack on {t} near {p}{w}."],
    "ACCUSE": ["{s} accused {t} of violating the agreement{w}, officials in {p} said.",
               "{s} accused {t}{w} of provoking the crisis in {p}."],
    "PROTEST": ["{s} protested against {t} in {p}{w}.", "{s} staged protests in {p} against {t}{w}."],
}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def generate_articles(n_happenings: int = 40, seed: int = 5) -> tuple[list[dict], dict[str, int]]:
    """Short articles, several per happening, written with different phrasings, actor names and dates."""
    rng = random.Random(seed)
    actors = [a for a in _ACTORS if a[0] not in ("SDN",)]
    articles, truth = [], {}
    start = date(2024, 1, 1)
    for h in range(n_happenings):
        kind = sorted(_PHRASES)[h % len(_PHRASES)]
        src, tgt = rng.sample(actors, 2)
        place = rng.choice(_PLACES)[0]
        day = start + timedelta(days=7 * h + rng.randrange(3))  # a week apart: happenings never share a day
        for k in range(rng.randint(1, 5)):
            published = day + timedelta(days=rng.choice([0, 0, 1]))
            weekday = f" on {_WEEKDAYS[day.weekday()]}" if published != day else ""
            sentence = rng.choice(_PHRASES[kind]).format(s=rng.choice(src[2]), t=rng.choice(tgt[2]), p=place,
                                                         w=weekday)
            text = sentence[0].upper() + sentence[1:] + " The report could not be independently verified."
            doc = {"url": f"http://example-news.org/gen/{h}/{k}.html", "date": published.isoformat(),
                   "title": f"Report {h}-{k}", "text": text}
            articles.append(doc)
            truth[doc["url"]] = h
    return articles, truth


def eval_merging_pipeline(n_happenings: int = 40, seed: int = 5) -> dict:
    """Generated articles through `eventwire.run` (extraction, NLP, event coder, stories.update)."""
    import json
    import tempfile

    from eventwire.run.pipeline import run_paths

    articles, truth = generate_articles(n_happenings, seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "generated.jsonl"
        path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
        db = str(Path(tmp) / "merge.duckdb")
        run_paths([str(path)], db=db)
        with duckdb.connect(db) as con:
            update(con)
            url_of = dict(con.execute("SELECT id, url FROM articles").fetchall())
            merged = con.execute("SELECT plover, mentions FROM merged_events").fetchall()
            raw = con.execute("SELECT count(*) FROM events").fetchone()[0]
    groups = [{truth[url_of[m["doc_id"]]] for m in json.loads(mentions)} for _, mentions in merged]
    coded = set().union(*groups) if groups else set()
    return {"articles": len(articles), "happenings": n_happenings, "raw_events": raw,
            "happenings_coded": len(coded), "merged": len(groups),
            "count_error": (len(groups) - len(coded)) / max(1, len(coded)),
            "groups_spanning_happenings": sum(1 for g in groups if len(g) > 1)}
