"""The explorer's story and storyline endpoints: lists, and one story or storyline with its articles,
a page of its events, its figures and its actors by name (never the stories stage's internal columns)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Path, Query

from eventwire.api import names
from eventwire.api import stories as story_store
from eventwire.api.db import Database
from eventwire.api.params import MAX_PAGE, MAX_PAGE_SIZE, ApiError, Page, PageSize, paged

EventsPage = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page of the timeline's events.")]
EventsPageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Events per page of the timeline.")]


def install_story_routes(app: FastAPI, db: Database) -> None:
    def listing(kind: str, page: int, page_size: int) -> dict[str, Any]:
        lay = story_store.layout(db, kind)
        if lay is None:
            return {**paged(0, page, page_size, []), "available": False}
        total, rows = story_store.list_rows(db, lay, page_size, (page - 1) * page_size)
        for row in rows:
            if isinstance(row.get("actors"), list):  # names from the keys alone: a list reads no member articles
                row["actors"] = names.actor_names(db, row["actors"], [])
        return {**paged(total, page, page_size, rows), "available": True}

    def detail(kind: str, ident: str, events_page: int, events_page_size: int) -> dict[str, Any]:
        lay = story_store.layout(db, kind)
        row = story_store.get_row(db, lay, ident) if lay else None
        if lay is None or row is None:
            what = "story" if kind == "stories" else "storyline"
            raise ApiError(404, f"no {what} {ident!r}" + ("" if lay else f" (this database has no {kind} table)"))
        members = story_store.member_ids(db, lay, ident)
        story_ids = members if kind == "storylines" else [ident]
        docs = story_store.story_docs(db, members) if kind == "storylines" else members
        copied = story_store.copies(db, docs)
        originals = [d for d in docs if d not in copied]  # copies are listed but never counted twice
        if isinstance(row.get("actors"), list):
            row["actors"] = names.actor_names(db, row["actors"], originals)
        total, events = story_store.timeline(db, originals, events_page_size, (events_page - 1) * events_page_size)
        merged_total, merged = story_store.merged_events(db, story_ids)
        stored = isinstance(row.get("figures"), list) and bool(row["figures"])  # the page draws these, not quantities
        return {"storyline" if kind == "storylines" else "story": row,
                "stories": story_store.stories_of(db, story_ids) if kind == "storylines" else [],
                "articles": story_store.articles_of(db, docs, copied),
                "timeline": events,
                "timeline_page": {"total": total, "page": events_page, "page_size": events_page_size},
                "merged_events": merged, "merged_total": merged_total,
                "quantities": [] if stored else story_store.figures(db, originals)}

    @app.get("/api/stories", tags=["stories"], summary="Stories (articles about one happening), if computed")
    def stories(page: Page = 1, page_size: PageSize = 50) -> dict[str, Any]:
        return listing("stories", page, page_size)

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story: articles, event timeline, figures")
    def story(story_id: Annotated[str, Path(max_length=128)], events_page: EventsPage = 1,
              events_page_size: EventsPageSize = 100) -> dict[str, Any]:
        return detail("stories", story_id, events_page, events_page_size)

    @app.get("/api/storylines", tags=["stories"], summary="Storylines (stories linked over time), if computed")
    def storylines(page: Page = 1, page_size: PageSize = 50) -> dict[str, Any]:
        return listing("storylines", page, page_size)

    @app.get("/api/storylines/{storyline_id}", tags=["stories"],
             summary="One storyline: its stories, a page of its events, how its figures changed, its actors")
    def storyline(storyline_id: Annotated[str, Path(max_length=128)], events_page: EventsPage = 1,
                  events_page_size: EventsPageSize = 100) -> dict[str, Any]:
        return detail("storylines", storyline_id, events_page, events_page_size)
