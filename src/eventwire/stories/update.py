"""The corpus-level step after documents are stored: copies, stories, merged events, storylines.

`update(con)` only looks at articles without a `story_members` row, so it is
incremental and idempotent: a second call with nothing new changes nothing.
Everything it writes for one call is one transaction.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import datetime, timedelta
from functools import lru_cache

import numpy as np

from eventwire.knowledge.actors import resolve_phrase
from eventwire.records import COUNT_FIELDS, Story, Storyline
from eventwire.stories import merge as merging
from eventwire.stories._db import insert
from eventwire.stories.cluster import (BRIEF_WORDS, CENTROID_TERMS, UNDATED_LEAD_WORDS, UNDATED_TERMS, WINDOW_DAYS,
                                       Clusterer, StoryState)
from eventwire.stories.terms import LEAD_WORDS, by_weight, embed_text, name_key, parse_when, term_counts
from eventwire.stories.copies import NewArticle, mark_copies
from eventwire.stories.figures import figures as storyline_figures
from eventwire.stories.storylines import StoryProfile, link
from eventwire.store.schema import TABLES, ddl, to_cell

OWN_TABLES = ("story_members", "stories", "merged_events", "storylines", "doc_sketches", "doc_signatures",
              "story_terms")
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
STORY_ACTORS = 10


def update(con) -> dict:
    """Assign every unassigned article; returns counts of what this call added or changed."""
    for statement in ddl():
        con.execute(statement)
    _add_columns(con)
    con.execute("BEGIN TRANSACTION")
    try:
        counts = _update(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return counts


def _add_columns(con) -> None:
    """Columns added to the stories' records since a database was made (CREATE IF NOT EXISTS keeps old tables)."""
    for table in OWN_TABLES:
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        for name, sql in TABLES[table][0]:
            if name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')


def _update(con) -> dict:
    articles = _new_articles(con)
    counts = {"articles": len(articles), "copies": 0, "stories_new": 0, "stories_changed": 0,
              "merged_events": 0, "storylines_changed": 0}
    if not articles:
        return counts
    copies = mark_copies(con, articles)
    counts["copies"] = len(copies)
    names = _names(con, [a.id for a in articles])
    story_of, similarity, clusterer = _cluster(con, articles, copies, names)
    _write_members(con, articles, copies, story_of, similarity)
    changed = sorted({story_of[a.id] for a in articles})
    stored = {r[0] for r in con.execute("SELECT id FROM stories WHERE id IN (SELECT unnest(?))", [changed]).fetchall()}
    counts["stories_new"] = len(set(changed) - stored)
    counts["stories_changed"] = len(changed)
    _write_stories(con, changed, clusterer, names, {a.id for a in articles})
    counts["merged_events"] = _merge_events(con, [a.id for a in articles])
    counts["storylines_changed"] = _link_storylines(con, changed)
    return counts


# -- reading new articles -----------------------------------------------------------------------


def _new_articles(con) -> list[NewArticle]:
    """The articles no story holds yet: dated ones in time order, then the undated ones.

    Why not the time they were stored for an undated article: a folder read in one run would be
    one burst of 'simultaneous' articles, and the time prior would pull unrelated ones together.
    """
    rows = con.execute(
        """SELECT a.id, a.title, a.text, a.date, a.site FROM articles a
           WHERE a.id NOT IN (SELECT doc_id FROM story_members)""").fetchall()
    rows.sort(key=lambda r: (parse_when(r[3]) is None, _when(r[3]), r[0]))
    return [NewArticle(r[0], r[1], r[2] or "", r[3], r[4], i, r[3]) for i, r in enumerate(rows)]


def _when(value: str | None) -> datetime:
    return parse_when(value) or datetime(1970, 1, 1)


def _names(con, ids: list[str]) -> dict[str, Counter]:
    """Mentions of actors and places per article, as normalised keys (knowledge tables, else NER entities).

    A person counts under the surname (spaCy and the knowledge stage see 'Felipe Calderón'
    and 'Calderón' as two names) and every name also under its country ('=MEX'), so
    'U.S.', 'the United States' and 'Washington' agree.
    """
    rows = con.execute(
        f"""SELECT doc_id, name, kind, coalesce(json_array_length(mentions), 1), country FROM actors
                WHERE doc_id IN (SELECT unnest($ids))
            UNION ALL SELECT doc_id, name, 'PLACE', 1, country FROM locations WHERE doc_id IN (SELECT unnest($ids))
            UNION ALL SELECT doc_id, text, label, 1, NULL FROM entities WHERE doc_id IN (SELECT unnest($ids))
                AND label IN {_NAME_LABELS}""", {"ids": ids}).fetchall()
    out: dict[str, Counter] = {}
    for doc_id, name, kind, mentions, country in rows:
        for key in _name_keys(name, kind, country):
            out.setdefault(doc_id, Counter())[key] += max(1, mentions or 1)
    return out


@lru_cache(maxsize=65536)
def _name_keys(name: str | None, kind: str | None, country: str | None) -> tuple[str, ...]:
    """Cached: a corpus names the same people and places in article after article."""
    key = name_key(name or "")
    if not key:
        return ()
    if kind == "PERSON" and "_" in key:
        key = key.rsplit("_", 1)[1]
    keys = [key.removeprefix("the_")]
    country = country or _country_of(name)
    if country:
        keys.append("=" + country)
    return tuple(keys)


@lru_cache(maxsize=65536)
def _country_of(name: str) -> str | None:
    country, _ = resolve_phrase(name)
    return country if country and len(country) == 3 and country.isalpha() and country.isupper() else None


# -- clustering ---------------------------------------------------------------------------------


def _cluster(con, articles, copies, names):
    dated = [w for a in articles if (w := parse_when(a.when))]
    start = (min(dated) if dated else datetime.max) - timedelta(days=WINDOW_DAYS + 1)
    # dated stories near the batch's dates; undated stories stay open to content for good
    live = [_state(r) for r in con.execute(
        "SELECT id, terms, num_articles + num_copies, first_date, last_date, title, active, spread_hours, embedding, "
        "brief FROM stories "
        "WHERE last_date >= ? OR last_date IS NULL ORDER BY id", [start.isoformat()]).fetchall()]
    df = dict(con.execute("SELECT term, df FROM story_terms").fetchall())
    clusterer = Clusterer(live, df=df, n_docs=df.pop("", 0))
    # An undated article: more of its body and no name keys (on undated topics they tie articles to
    # the country every article names), and its lead embedded with the headline; see `eval/undated.py`.
    no_date = {a.id for a in articles if not parse_when(a.when)}
    brief = {a.id for a in articles if a.id in no_date and len(a.text.split()) < BRIEF_WORDS}
    undated = no_date - brief
    bags = {a.id: term_counts(a.title, a.text, () if a.id in undated else names.get(a.id, {}),
                              lead=UNDATED_LEAD_WORDS if a.id in undated else LEAD_WORDS) for a in articles}
    leads = {a.id: embed_text(a.title, a.text) for a in articles if a.id in undated}
    originals = [a for a in articles if a.id not in copies]
    clusterer.count(bags[a.id] for a in originals)
    clusterer.embed_batch(leads.get(a.id, a.title) for a in originals)
    stored_story = dict(con.execute(
        "SELECT doc_id, story_id FROM story_members WHERE doc_id IN (SELECT unnest(?))",
        [sorted({c[0] for c in copies.values()})]).fetchall())
    story_of: dict[str, str] = {}
    similarity: dict[str, float] = {}
    for article in articles:
        when = parse_when(article.when)
        if article.id in copies:
            original, jaccard = copies[article.id]
            story_of[article.id] = story_of.get(original) or stored_story.get(original) or "st-" + original[:16]
            similarity[article.id] = jaccard
            clusterer.join(story_of[article.id], article.id, Counter(), when)
            continue
        story_of[article.id], similarity[article.id] = clusterer.add(article.id, bags[article.id], when, article.title,
                                                                        leads.get(article.id), article.id in brief)
    moved = clusterer.consolidate()
    story_of = {d: moved.get(s, s) for d, s in story_of.items()}
    _write_terms(con, bags, originals, clusterer)
    return story_of, similarity, clusterer


def _state(row) -> StoryState:
    """A stored story as the clusterer left it (stories stored before `active` was kept start from `last`)."""
    sid, terms, n, first, last, title, active, spread, embedding, brief = row
    return StoryState(sid, json.loads(terms) if isinstance(terms, str) else dict(terms or {}), n,
                      parse_when(first), parse_when(last), title, active=parse_when(active),
                      spread=timedelta(hours=spread or 0.0), embedding=_vector(_json(embedding)),
                      brief=bool(brief))


def _write_terms(con, bags, originals, clusterer) -> None:
    batch: Counter = Counter()
    for a in originals:
        batch.update(bags[a.id].keys())
    batch[""] = len(originals)
    known = dict(con.execute("SELECT term, df FROM story_terms WHERE term IN (SELECT unnest(?))",
                             [list(batch)]).fetchall())
    insert(con, "story_terms", [(t, n + known.get(t, 0)) for t, n in batch.items()], replace=True)


def _write_members(con, articles, copies, story_of, similarity) -> None:
    rows = [(a.id, story_of[a.id], a.date, a.site, copies.get(a.id, (None,))[0], similarity.get(a.id))
            for a in articles]
    insert(con, "story_members", rows)


def _write_stories(con, story_ids: list[str], clusterer: Clusterer, names: dict[str, Counter],
                   named: set[str]) -> None:
    stats = con.execute(
        """SELECT m.story_id,
                  count(*) FILTER (WHERE m.copy_of IS NULL),
                  count(DISTINCT coalesce(m.site, m.doc_id)) FILTER (WHERE m.copy_of IS NULL),
                  count(*) FILTER (WHERE m.copy_of IS NOT NULL),
                  min(m.date), max(m.date),
                  arg_min(a.title, coalesce(m.date, '9999')) FILTER (WHERE m.copy_of IS NULL)
           FROM story_members m JOIN articles a ON a.id = m.doc_id
           WHERE m.story_id IN (SELECT unnest(?)) GROUP BY m.story_id""", [story_ids]).fetchall()
    old_lines = dict(con.execute("SELECT id, storyline_id FROM stories WHERE id IN (SELECT unnest(?))",
                                 [story_ids]).fetchall())
    actors = _story_actors(con, story_ids, names, named)
    stored = {r[0]: r[1:] for r in con.execute(
        "SELECT id, terms, active, spread_hours, embedding, brief FROM stories WHERE id IN (SELECT unnest(?))",
        [story_ids]).fetchall()}
    rows = []
    for sid, n, sources, n_copies, first, last, title in stats:
        state = clusterer.stories.get(sid)
        if state:
            terms = dict(sorted(state.centroid.items(), key=by_weight)[
                :CENTROID_TERMS if state.dated else UNDATED_TERMS])
            kept = (state.active.isoformat(timespec="seconds") if state.dated else None,
                    state.spread.total_seconds() / 3600 if state.dated else None,
                    np.round(state.embedding, 6).tolist() if state.embedding is not None else None,
                    state.brief)
        else:
            terms, *kept = stored.get(sid) or ({}, None, None, None, None)
            terms = _json(terms) or {}
            kept[2] = _json(kept[2])
        story = Story(sid, title, first, last, n, sources, n_copies, {t: round(v, 4) for t, v in terms.items()},
                      actors.get(sid, []), old_lines.get(sid), *kept)
        rows.append(_row("stories", story.to_dict()))
    _upsert(con, "stories", rows)


def _story_actors(con, story_ids: list[str], names: dict[str, Counter], named: set[str]) -> dict[str, list[str]]:
    """The names most articles of each story mention (normalised keys); `names` already holds those
    of the articles in `named` (this call's), so only earlier members are read again."""
    members = con.execute("SELECT doc_id, story_id FROM story_members WHERE story_id IN (SELECT unnest(?)) "
                          "AND copy_of IS NULL", [story_ids]).fetchall()
    missing = [d for d, _ in members if d not in named]
    if missing:
        names = {**names, **_names(con, missing)}
    counts: dict[str, Counter] = {}
    for doc_id, sid in members:
        weights = {k: 1 + math.log(n) for k, n in names.get(doc_id, {}).items()}
        counts.setdefault(sid, Counter()).update(weights)
    return {sid: _top(c, STORY_ACTORS) for sid, c in counts.items()}


def _top(counts: Counter, k: int, min_count: float = 0) -> list[str]:
    """The k heaviest keys, ties broken by name so that reruns agree."""
    ranked = sorted((kv for kv in counts.items() if kv[1] > min_count), key=lambda kv: (-kv[1], kv[0]))
    return [key for key, _ in ranked[:k]]


# -- merged events ------------------------------------------------------------------------------


def _merge_events(con, new_ids: list[str]) -> int:
    """Re-merge the (type, day) blocks that the new articles' events fall in; returns merged events written."""
    new = _reports(con, "e.doc_id IN (SELECT unnest($ids))", {"ids": new_ids})
    if not new:
        return 0
    tol = merging.DAY_TOLERANCE
    blocks: dict[str, set] = {}
    for r in new:
        if r.day:
            blocks.setdefault(r.plover, set()).update(r.day + timedelta(days=k) for k in range(-tol, tol + 1))
    reports = {(r.doc_id, r.idx): r for r in new}
    for plover, days in blocks.items():
        lo, hi = min(days), max(days)
        for r in _reports(con, "e.plover = $p AND m.date IS NOT NULL AND "
                               "coalesce(e.date, m.date)[:10] BETWEEN $lo AND $hi",
                          {"p": plover, "lo": lo.isoformat(), "hi": hi.isoformat()}):
            reports.setdefault((r.doc_id, r.idx), r)
        con.execute("DELETE FROM merged_events WHERE plover = ? AND date BETWEEN ? AND ?",
                    [plover, lo.isoformat(), hi.isoformat()])
    # An undated report can only merge within its story: the story's earlier undated reports come too.
    undated_stories = sorted({r.story_id for r in new if r.day is None and r.story_id})
    if undated_stories:
        for r in _reports(con, "m.story_id IN (SELECT unnest($s)) AND coalesce(e.date, m.date) IS NULL",
                          {"s": undated_stories}):
            reports.setdefault((r.doc_id, r.idx), r)
    keys = {f"{d}:{i}" for d, i in reports}
    plovers = sorted({r.plover for r in reports.values()})
    stale = [r[0] for r in con.execute("SELECT id, mentions FROM merged_events WHERE plover IN (SELECT unnest(?))",
                                       [plovers]).fetchall()
             if any(f"{m['doc_id']}:{m['idx']}" in keys for m in json.loads(r[1]))]
    if stale:
        con.execute("DELETE FROM merged_events WHERE id IN (SELECT unnest(?))", [stale])
    merged = [merging.canonical(g) for g in merging.merge_reports(list(reports.values()))]
    _upsert(con, "merged_events", [_row("merged_events", m.to_dict()) for m in merged])
    return len(merged)


def _reports(con, where: str, params: dict) -> list[merging.Report]:
    rows = con.execute(
        f"""SELECT e.doc_id, e.idx, e.plover, e.cameo, e.source, e.target, e.location,
                   coalesce(e.date, m.date), e.sentence, e.start, e."end", m.date, m.site, m.story_id,
                   m.copy_of IS NOT NULL, e.killed, e.wounded, e.arrested, e.kidnapped, e.displaced
            FROM events e JOIN story_members m ON m.doc_id = e.doc_id
            WHERE {where} AND NOT coalesce(e.negated, false) AND NOT coalesce(e.hypothetical, false)
            ORDER BY e.doc_id, e.idx""",
        params).fetchall()
    out = []
    for r in rows:
        when = parse_when(r[7])
        out.append(merging.Report(r[0], r[1], r[2], r[3], _json(r[4]), _json(r[5]), _json(r[6]),
                                  when.date() if when else None, r[8] or "", r[9], r[10], r[11], r[12], r[13],
                                  bool(r[14]), {k: _json(v) for k, v in zip(COUNT_FIELDS, r[15:20]) if v}))
    return out


def _vector(values) -> np.ndarray | None:
    return np.asarray(values, dtype=np.float32) if values else None


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


# -- storylines ---------------------------------------------------------------------------------


def _link_storylines(con, changed: list[str]) -> int:
    rows = con.execute("SELECT id, actors, terms, storyline_id, first_date FROM stories ORDER BY id").fetchall()
    profiles = [StoryProfile(r[0], list(r[1] or []), _json(r[2]) or {}, r[3], r[4]) for r in rows]
    wanted = set(changed)
    assignment = link([p for p in profiles if p.id in wanted], [p for p in profiles if p.id not in wanted])
    if assignment:
        moved = [r for r in con.execute("SELECT * FROM stories WHERE id IN (SELECT unnest(?))",
                                        [list(assignment)]).fetchall()]
        line_col = [n for n, _ in TABLES["stories"][0]].index("storyline_id")
        insert(con, "stories", [tuple(assignment[r[0]] if i == line_col else _cell(v) for i, v in enumerate(r))
                                for r in moved], replace=True)
    lines = sorted(set(assignment.values()) | {p.storyline_id for p in profiles if p.id in wanted and p.storyline_id})
    if not lines:
        return 0
    old = sorted({p.storyline_id for p in profiles if p.id in assignment and p.storyline_id} - set(lines))
    if old:
        con.execute("DELETE FROM storylines WHERE id IN (SELECT unnest(?))", [old])
    _upsert(con, "storylines", [_row("storylines", line.to_dict()) for line in _storylines(con, lines)])
    return len(lines)


def _storylines(con, line_ids: list[str]) -> list[Storyline]:
    """The storylines as stored: three queries for all of them, not three per storyline."""
    stories: dict[str, list[tuple]] = {lid: [] for lid in line_ids}
    for row in con.execute("SELECT storyline_id, id, title, first_date, last_date, actors FROM stories "
                           "WHERE storyline_id IN (SELECT unnest(?)) ORDER BY first_date, id", [line_ids]).fetchall():
        stories[row[0]].append(row[1:])
    docs: dict[str, list[tuple]] = {lid: [] for lid in line_ids}
    for row in con.execute(
            """SELECT s.storyline_id, m.doc_id, m.date FROM story_members m JOIN stories s ON s.id = m.story_id
               WHERE s.storyline_id IN (SELECT unnest(?)) AND m.copy_of IS NULL""", [line_ids]).fetchall():
        docs[row[0]].append(row[1:])
    # Only articles that report a count need their text (to read a figure's "since" baseline).
    quantities: dict[str, list[dict]] = {}
    texts: dict[str, str] = {}
    for row in con.execute(
            """SELECT q.doc_id, q.kind, q.value, q.unit, q.text, q.start, q."end", a.text
               FROM quantities q JOIN articles a ON a.id = q.doc_id
               WHERE q.doc_id IN (SELECT m.doc_id FROM story_members m JOIN stories s ON s.id = m.story_id
                                  WHERE s.storyline_id IN (SELECT unnest(?)) AND m.copy_of IS NULL)""",
            [line_ids]).fetchall():
        quantities.setdefault(row[0], []).append(dict(zip(("doc_id", "kind", "value", "unit", "text", "start", "end"),
                                                          row[:7])))
        texts[row[0]] = row[7]
    return [_storyline(lid, stories[lid], docs[lid], quantities, texts) for lid in line_ids]


def _storyline(line_id: str, stories: list[tuple], docs: list[tuple], quantities: dict[str, list[dict]],
               texts: dict[str, str]) -> Storyline:
    actors = Counter(a for s in stories for a in (s[4] or []))
    return Storyline(
        id=line_id, title=stories[0][1] if stories else None,
        first_date=min((s[2] for s in stories if s[2]), default=None),
        last_date=max((s[3] for s in stories if s[3]), default=None),
        story_ids=[s[0] for s in stories], actors=_top(actors, STORY_ACTORS, min_count=1) or _top(actors, STORY_ACTORS),
        figures=storyline_figures([q for d in docs for q in quantities.get(d[0], [])],
                                  {d[0]: texts[d[0]] for d in docs if d[0] in texts}, {d[0]: d[1] for d in docs}),
    )


# -- writing ------------------------------------------------------------------------------------


def _row(table: str, values: dict) -> tuple:
    return tuple(to_cell(values.get(name), sql) for name, sql in TABLES[table][0])


def _upsert(con, table: str, rows: list[tuple]) -> None:
    insert(con, table, rows, replace=True)


def _cell(value):
    """A value read back from DuckDB, ready to be written again (JSON comes back parsed)."""
    return json.dumps(value) if isinstance(value, dict) else value
