"""Stories and storylines, read from whatever tables the stories stage wrote.

The stories stage owns its tables, so the API discovers them instead of
assuming a layout: a `stories` / `storylines` table keyed by `id` (or
`story_id` / `storyline_id`), and membership either as a column
(`articles.story_id`, `stories.storyline_id`) or as a link table holding both
keys. Without the tables the endpoints answer empty lists and 404s.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.api.db import Database, parse_json


@dataclass
class Layout:
    table: str
    key: str
    member_table: str | None  # table holding (key column, member column)
    member_key: str | None
    member_column: str | None


def _key(db: Database, table: str, own: str) -> str:
    cols = db.columns(table)
    for name in ("id", own):
        if name in cols:
            return name
    return cols[0]


def _link(db: Database, owner: str, key_column: str, member_column: str, owner_key: str) -> tuple[str, str] | None:
    """(table, owner-key column) of a table linking owner ids to member ids, if any."""
    members = {"doc_id": "articles", "story_id": "stories"}[member_column]
    if key_column in db.columns(members):
        return members, key_column
    candidates = [t for t in db.tables() if t not in (owner, members)]
    for table in sorted(candidates, key=lambda t: (owner[:4] not in t, t)):
        cols = db.columns(table)
        if key_column in cols and member_column in cols:
            return table, key_column
    if member_column in db.columns(owner):  # one row per (owner, member)
        return owner, owner_key
    return None


def layout(db: Database, kind: str) -> Layout | None:
    """How `stories` (members: articles) or `storylines` (members: stories) are stored; None when absent."""
    if not db.has_table(kind):
        return None
    own = "story_id" if kind == "stories" else "storyline_id"
    member = "doc_id" if kind == "stories" else "story_id"
    key = _key(db, kind, own)
    link = _link(db, kind, own, member, key)
    if link is None:
        return Layout(kind, key, None, None, None)
    table, link_key = link
    member_column = member
    if table == "articles":
        member_column = "id"
    elif table == "stories":
        member_column = _key(db, "stories", "story_id")
    return Layout(kind, key, table, link_key, member_column)


#: Columns the stories stage keeps for its own work (vectors, term weights, member lists the answer
#: gives as rows): never sent. They made one storyline's answer 860 KB.
INTERNAL_COLUMNS = frozenset({"embedding", "terms", "story_ids", "centroid", "signature", "sketch"})


def clean(row: dict[str, Any]) -> dict[str, Any]:
    out = {k: parse_json(v) if isinstance(v, str) and v[:1] in "[{" else v for k, v in row.items()
           if k not in INTERNAL_COLUMNS}
    if isinstance(row.get("story_ids"), list):
        out["num_stories"] = len(row["story_ids"])
    return out


def list_rows(db: Database, lay: Layout, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total = db.one(f'SELECT count(DISTINCT "{lay.key}") AS n FROM {lay.table}')["n"]  # type: ignore[index]
    rows = db.query(f'SELECT * FROM {lay.table} ORDER BY "{lay.key}" LIMIT ? OFFSET ?', [limit, offset])
    return total, [clean(r) for r in rows]


def get_row(db: Database, lay: Layout, ident: str) -> dict[str, Any] | None:
    row = db.one(f'SELECT * FROM {lay.table} WHERE CAST("{lay.key}" AS VARCHAR) = ? LIMIT 1', [ident])
    return clean(row) if row else None


def member_ids(db: Database, lay: Layout, ident: str) -> list[str]:
    if not lay.member_table:
        return []
    rows = db.query(
        f'SELECT DISTINCT CAST("{lay.member_column}" AS VARCHAR) AS m FROM {lay.member_table} '
        f'WHERE CAST("{lay.member_key}" AS VARCHAR) = ? AND "{lay.member_column}" IS NOT NULL ORDER BY 1',
        [ident])
    return [r["m"] for r in rows]


def story_docs(db: Database, story_ids: list[str]) -> list[str]:
    lay = layout(db, "stories")
    if lay is None:
        return []
    docs: list[str] = []
    for sid in story_ids:
        docs += [d for d in member_ids(db, lay, sid) if d not in docs]
    return docs


def copies(db: Database, doc_ids: list[str]) -> dict[str, str]:
    """{copy: original} for member articles the stories stage marked as copies (never counted twice)."""
    table = next((t for t in db.tables() if {"doc_id", "copy_of"} <= set(db.columns(t))), None)
    if table is None or not doc_ids:
        return {}
    rows = db.query(f"SELECT DISTINCT doc_id, copy_of FROM {table} WHERE copy_of IS NOT NULL "
                    "AND doc_id IN (SELECT unnest(?))", [doc_ids])
    return {r["doc_id"]: r["copy_of"] for r in rows}


def articles_of(db: Database, doc_ids: list[str], copied: dict[str, str] | None = None) -> list[dict[str, Any]]:
    rows = db.query("SELECT id, title, date, site, url FROM articles WHERE id IN (SELECT unnest(?)) "
                    "ORDER BY date NULLS LAST, id", [doc_ids])
    return [{**r, "copy_of": (copied or {}).get(r["id"])} for r in rows]


def timeline(db: Database, doc_ids: list[str], limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(all events of these articles, one page of them in date order): the fields the pages show."""
    from eventwire.api.queries import events_cte

    total = db.one(f"{events_cte()} SELECT count(*) AS n FROM ev WHERE doc_id IN (SELECT unnest(?))", [doc_ids])
    rows = db.query(f"{events_cte()} SELECT doc_id, idx, plover, goldstein, quad_class, source_name, "
                    "target_name, CAST(day AS VARCHAR) AS day, sentence "
                    "FROM ev WHERE doc_id IN (SELECT unnest(?)) ORDER BY day NULLS LAST, doc_id, idx LIMIT ? OFFSET ?",
                    [doc_ids, limit, offset])
    return total["n"], rows  # type: ignore[index]


def figures(db: Database, doc_ids: list[str], limit: int = 500) -> list[dict[str, Any]]:
    """Quantities reported by the member articles, dated by their article: how the figures moved."""
    return db.query(
        "SELECT q.doc_id, q.idx, q.kind, q.value, q.value_max, q.unit, q.object, q.text, "
        "CAST(TRY_CAST(substr(a.date, 1, 10) AS DATE) AS VARCHAR) AS day, a.title "
        "FROM quantities q LEFT JOIN articles a ON a.id = q.doc_id WHERE q.doc_id IN (SELECT unnest(?)) "
        "ORDER BY day NULLS LAST, q.kind, q.doc_id, q.idx LIMIT ?", [doc_ids, limit])


def stories_of(db: Database, story_ids: list[str]) -> list[dict[str, Any]]:
    lay = layout(db, "stories")
    if lay is None or not story_ids:
        return []
    rows = db.query(f'SELECT * FROM stories WHERE CAST("{lay.key}" AS VARCHAR) IN (SELECT unnest(?)) '
                    f'ORDER BY "{lay.key}"', [story_ids])
    return [{k: v for k, v in clean(r).items() if k in STORY_SUMMARY or k == lay.key} for r in rows]


#: What a storyline's page shows of each of its stories.
STORY_SUMMARY = ("id", "title", "first_date", "last_date", "num_articles", "num_sources")


def merged_events(db: Database, story_ids: list[str], limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """(how many, the `limit` most reported) canonical events (one per happening) of these stories, when the
    stories stage wrote them."""
    cols = db.columns("merged_events")
    if "story_id" not in cols or not story_ids:
        return 0, []
    member = "CAST(story_id AS VARCHAR) IN (SELECT unnest(?))"
    order = ", ".join(c for c in ('num_articles DESC NULLS LAST', '"date" NULLS LAST') if c.split()[0].strip('"') in cols)
    total = db.one(f"SELECT count(*) AS n FROM merged_events WHERE {member}", [story_ids])["n"]  # type: ignore[index]
    rows = db.query(f"SELECT * FROM merged_events WHERE {member} ORDER BY {order + ', ' if order else ''}1 LIMIT ?",
                    [story_ids, limit])
    shown = ("id", "plover", "date", "num_articles", "num_sources", "earliest_doc_id", "earliest_date")
    out = []
    for row in map(clean, rows):
        item = {k: row.get(k) for k in shown}
        for side in ("source", "target"):  # a party as the page shows it, not every stored field
            party = row.get(side) if isinstance(row.get(side), dict) else {}
            item[side] = {k: party.get(k) for k in ("name", "country")} if party else None
        out.append(item)
    return total, out
