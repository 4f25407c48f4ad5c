"""Reading coded events back from a DuckDB file (`eventwire events --db FILE`), with filters.

`EventFilters` is the one builder of event filters: a WHERE condition and its parameters, over the stored
`events` table (`TABLE_COLUMNS`, for the CLI) or the flattened events view (`FLAT_COLUMNS`, for the API).
Values always travel as parameters, and a user's text is matched literally (`like`: its % and _ match
themselves).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from eventwire.errors import EventwireError
from eventwire.events.tables import PLOVER_TYPES
from eventwire.knowledge.countries import filter_code

COLUMNS = ("doc_id", "idx", "date", "plover", "cameo", "goldstein", "quad_class", "mode", "negated",
           "hypothetical", "confidence", "source", "target", "sentence", "start", "end")


class EventQueryError(EventwireError):
    """The database is missing, has no events table, or a filter is malformed."""


#: Where each filtered value lives, over the flattened view (`api.queries.EVENTS_VIEW`, date as `day`)...
FLAT_COLUMNS = {
    "source_name": "source_name", "target_name": "target_name",
    "source_country": "source_country", "target_country": "target_country", "location_country": "location_country",
    "source_sector": "source_sector", "target_sector": "target_sector",
    "plover": "plover", "cameo": "cameo", "quad_class": "quad_class", "day": "day", "negated": "negated",
    "sentence": "sentence", "title": "title", "doc_id": "doc_id", "lat": "lat", "lon": "lon",
}
#: ... and over the stored `events` table, whose parties and place are JSON (it has no headline).
TABLE_COLUMNS = {
    **{f"{side}_{key}": f"json_extract_string({side}, '$.{key}')"
       for side in ("source", "target") for key in ("country", "sector")},
    # a party's name is its identity's canonical name where it has one ('Mr Blair' -> 'Tony Blair')
    **{f"{side}_name": f"coalesce(json_extract_string({side}, '$.actor'), json_extract_string({side}, '$.name'))"
       for side in ("source", "target")},
    "location_country": "json_extract_string(location, '$.country')",
    "plover": "plover", "cameo": "cameo", "quad_class": "quad_class", "day": "date", "negated": "negated",
    "sentence": "sentence", "doc_id": "doc_id",
    "lat": "json_extract(location, '$.lat')", "lon": "json_extract(location, '$.lon')",
}


def like(text: str) -> str:
    """A user's text as a literal ILIKE pattern (its % and _ match themselves)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class EventFilters:
    """Every filter is optional; the given ones must all hold. `actor` and `q` match part of a name or text,
    `country` the source or target (and with `place_country`, the event's place), dates are inclusive;
    `dated` / `placed` keep only the events with (True) or without (False) a date / map coordinates."""

    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    plover: list[str] = field(default_factory=list)
    cameo_root: str | None = None
    quad_class: int | None = None
    date_from: date | str | None = None
    date_to: date | str | None = None
    q: str | None = None
    doc_id: str | None = None
    dated: bool | None = None
    placed: bool | None = None
    place_country: bool = True
    include_negated: bool = True

    def where(self, columns: dict[str, str] = FLAT_COLUMNS) -> tuple[str, list[Any]]:
        """A WHERE condition (without the keyword) over the relation `columns` describes, and its parameters."""
        def col(name: str) -> str:
            if name not in columns:
                raise EventQueryError(f"this relation has no {name!r} to filter on")
            return columns[name]

        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            clauses.append(f"({col('source_name')} ILIKE ? ESCAPE '\\' OR {col('target_name')} ILIKE ? ESCAPE '\\')")
            params += [like(self.actor)] * 2
        if self.country:
            sides = ["source_country", "target_country"] + (["location_country"] if self.place_country else [])
            clauses.append("(" + " OR ".join(f"{col(side)} = ?" for side in sides) + ")")
            params += [self.country] * len(sides)
        if self.sector:
            clauses.append(f"({col('source_sector')} = ? OR {col('target_sector')} = ?)")
            params += [self.sector] * 2
        if self.plover:
            clauses.append(f"{col('plover')} IN (SELECT unnest(?))")
            params.append(list(self.plover))
        if self.cameo_root:
            clauses.append(f"substr({col('cameo')}, 1, 2) = ?")
            params.append(self.cameo_root)
        if self.quad_class is not None:
            clauses.append(f"{col('quad_class')} = ?")
            params.append(self.quad_class)
        if self.date_from:
            clauses.append(f"{col('day')} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{col('day')} <= ?")
            params.append(self.date_to)
        if self.q:
            clauses.append(f"({col('sentence')} ILIKE ? ESCAPE '\\' OR {col('title')} ILIKE ? ESCAPE '\\')")
            params += [like(self.q)] * 2
        if self.doc_id:
            clauses.append(f"{col('doc_id')} = ?")
            params.append(self.doc_id)
        if self.dated is not None:
            clauses.append(f"{col('day')} IS {'NOT ' if self.dated else ''}NULL")
        if self.placed is not None:
            located = f"({col('lat')} IS NOT NULL AND {col('lon')} IS NOT NULL)"
            clauses.append(located if self.placed else f"NOT {located}")
        if not self.include_negated:
            clauses.append(f"NOT {col('negated')}")
        return " AND ".join(clauses), params


def list_events(db: str, actor: str | None = None, country: str | None = None, plover: str | None = None,
                since: str | None = None, until: str | None = None, include_negated: bool = False,
                limit: int = 50) -> list[dict[str, Any]]:
    """Events matching every given filter, newest first; actor/country match source or target (`country`:
    a code or name, `knowledge.countries.country_code`; `UnknownCountry` when it is neither)."""
    if not os.path.exists(db):
        raise EventQueryError(f"no database at {db!r}: run `eventwire run PATH --db {db}` first")
    where, args = _filters(actor, country, plover, since, until, include_negated)
    cols = ", ".join(f'"{c}"' for c in COLUMNS)
    sql = f"SELECT {cols} FROM events {where} ORDER BY date DESC NULLS LAST, doc_id, idx LIMIT {int(limit)}"
    try:
        with duckdb.connect(db, read_only=True) as con:
            rows = con.execute(sql, args).fetchall()
    except duckdb.CatalogException:
        raise EventQueryError(f"{db!r} has no events table: it was written by an older eventwire") from None
    return [_decoded(dict(zip(COLUMNS, row))) for row in rows]


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """Actor columns are JSON text in DuckDB; callers get them back as objects."""
    for key in ("source", "target"):
        row[key] = json.loads(row[key]) if row[key] else None
    return row


def _filters(actor, country, plover, since, until, include_negated) -> tuple[str, list]:
    kinds = []
    if plover:
        kind = plover.upper()
        if kind not in PLOVER_TYPES:
            raise EventQueryError(f"unknown event type {plover!r}; one of: {', '.join(PLOVER_TYPES)}")
        kinds = [kind]
    filters = EventFilters(actor=actor, country=filter_code(country) if country else None, plover=kinds, date_from=since,
                           date_to=until, place_country=False, include_negated=include_negated)
    where, args = filters.where(TABLE_COLUMNS)
    return f"WHERE {where}", args
