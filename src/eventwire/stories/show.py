"""Rich views of stories and storylines for the CLI (`eventwire stories`, `eventwire story ID`)."""

from __future__ import annotations

import json

from rich.console import Group
from rich.table import Table

from eventwire.display import cut
from eventwire.errors import EventwireError


class StoryNotFound(EventwireError):
    """No story or storyline has this id."""


def _has_tables(con) -> bool:
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return {"stories", "storylines", "story_members"} <= names


def list_stories(con, limit: int = 30) -> Table:
    table = Table(title="stories (largest first; copies not counted)")
    for col in ("id", "first", "last", "articles", "sources", "copies", "storyline", "title"):
        table.add_column(col, justify="right" if col in ("articles", "sources", "copies") else "left")
    if not _has_tables(con):
        return table
    for sid, first, last, n, src, copies, line, title in con.execute(
            """SELECT id, first_date, last_date, num_articles, num_sources, num_copies, storyline_id, title
               FROM stories ORDER BY num_articles DESC, first_date, id LIMIT ?""", [limit]).fetchall():
        table.add_row(sid, (first or "")[:10], (last or "")[:10], str(n), str(src), str(copies), line or "",
                      cut(title, 70))
    return table


def list_storylines(con, limit: int = 30) -> Table:
    table = Table(title="storylines (stories linked over time)")
    for col in ("id", "first", "last", "stories", "figures", "actors", "title"):
        table.add_column(col)
    if not _has_tables(con):
        return table
    for lid, first, last, ids, actors, figures, title in con.execute(
            """SELECT id, first_date, last_date, story_ids, actors, figures, title FROM storylines
               ORDER BY len(story_ids) DESC, first_date, id LIMIT ?""", [limit]).fetchall():
        table.add_row(lid, (first or "")[:10], (last or "")[:10], str(len(ids)), str(len(_json(figures) or [])),
                      cut(", ".join((actors or [])[:5]), 60), cut(title, 60))
    return table


def show(con, item_id: str) -> Group:
    if not _has_tables(con):
        raise StoryNotFound("this database has no stories yet: run `eventwire stories --db FILE` once")
    line = con.execute("SELECT id, title, first_date, last_date, story_ids, actors, figures FROM storylines "
                       "WHERE id = ?", [item_id]).fetchone()
    if line:
        return _show_storyline(con, line)
    story = con.execute("SELECT id FROM stories WHERE id = ?", [item_id]).fetchone()
    if story:
        return Group(*_story_parts(con, item_id))
    raise StoryNotFound(f"no story or storyline {item_id!r}; list them with `eventwire stories --db FILE`")


def _show_storyline(con, line) -> Group:
    lid, title, first, last, story_ids, actors, figures = line
    parts: list = [f"[bold]{lid}[/] {title or ''}  ({(first or '')[:10]} → {(last or '')[:10]}, "
                   f"{len(story_ids)} stories)", "actors: " + ", ".join(actors or [])]
    figures = _json(figures) or []
    if figures:
        table = Table(title="figures over time")
        for col in ("figure", "date", "value", "as reported"):
            table.add_column(col)
        for fig in figures:
            for point in fig["points"]:
                table.add_row(fig["label"], (point["date"] or "")[:10], f"{point['value']:,.0f}",
                              cut(point["text"], 100))
        parts.append(table)
    for sid in story_ids:
        parts.extend(_story_parts(con, sid))
    return Group(*parts)


def _story_parts(con, sid: str) -> list:
    title, first, last, n, sources, copies, actors, line = con.execute(
        """SELECT title, first_date, last_date, num_articles, num_sources, num_copies, actors, storyline_id
           FROM stories WHERE id = ?""", [sid]).fetchone()
    head = (f"[bold]{sid}[/] {title or ''}  ({(first or '')[:10]} → {(last or '')[:10]}; {n} articles, "
            f"{sources} sources, {copies} copies{'; storyline ' + line if line else ''})")
    articles = Table(title="articles")
    for col in ("date", "site", "title", "copy of"):
        articles.add_column(col)
    for date, site, atitle, copy_of in con.execute(
            """SELECT m.date, m.site, a.title, m.copy_of FROM story_members m JOIN articles a ON a.id = m.doc_id
               WHERE m.story_id = ? ORDER BY m.date, m.doc_id""", [sid]).fetchall():
        articles.add_row((date or "")[:10], site or "", cut(atitle, 70), (copy_of or "")[:12])
    events = Table(title="events (one per happening)")
    for col in ("date", "plover", "source", "target", "articles", "sources", "first reported"):
        events.add_column(col)
    for date, plover, source, target, n_art, n_src, earliest in con.execute(
            """SELECT date, plover, source, target, num_articles, num_sources, earliest_date FROM merged_events
               WHERE story_id = ? ORDER BY date, id""", [sid]).fetchall():
        events.add_row(date or "", plover, _name(source), _name(target), str(n_art), str(n_src), (earliest or "")[:10])
    return [head, "actors: " + ", ".join(actors or []), articles, events]


def _name(actor) -> str:
    actor = _json(actor)
    return (actor or {}).get("name") or ""


def _json(value):
    return json.loads(value) if isinstance(value, str) else value
