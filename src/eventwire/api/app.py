"""The explorer's HTTP side: a read-only JSON API over the DuckDB file, plus the static web UI.

Every value from a request reaches DuckDB as a bound parameter; the only SQL
spliced in comes from fixed tables (sort orders, periods). Page sizes are
capped by validation and every query by a timer (`Database.query`).
"""

from __future__ import annotations

import hmac
from datetime import date
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from eventwire import __version__
from eventwire.api import names
from eventwire.errors import UnknownCountry
from eventwire.knowledge.countries import filter_code
from eventwire.api.db import Database, QueryTimeout, parse_json
from eventwire.api.params import MAX_PAGE_SIZE, ApiError, Page, PageSize, paged
from eventwire.api.queries import (ACTOR_SORTS, ACTORS_SQL, EVENT_SORTS, GROUPS, PERIODS, EventFilters,
                                   events_cte, like)
from eventwire.api.story_routes import install_story_routes

MAX_TEXT = 200
TOKEN_COOKIE = "eventwire_token"
STATIC = resources.files("eventwire.web") / "static"
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


# -- request parameters --------------------------------------------------------

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


def event_filters(
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Part of a source or target actor name.")] = None,
    country: Annotated[str | None, Query(max_length=60, description="Country of the source, target or place: ISO 3166 code (GBR, GB), name (United Kingdom, Britain) or PLOVER code (IGO).")] = None,
    sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,10}$", description="Actor sector code: GOV, MIL, COP, ...")] = None,
    plover: Annotated[list[str], Query(description="PLOVER event type(s); repeat or separate with commas.")] = [],  # noqa: B006
    cameo_root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="Two-digit CAMEO root code.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal/2 material cooperation, 3 verbal/4 material conflict.")] = None,
    date_from: Annotated[date | None, Query(description="First day (YYYY-MM-DD), inclusive.")] = None,
    date_to: Annotated[date | None, Query(description="Last day (YYYY-MM-DD), inclusive.")] = None,
    q: Annotated[str | None, Query(max_length=MAX_TEXT, description="Text in the evidence sentence or the headline.")] = None,
    doc_id: Annotated[str | None, Query(max_length=128)] = None,
    dated: Annotated[bool | None, Query(description="Only events with (true) or without (false) a date.")] = None,
    placed: Annotated[bool | None, Query(description="Only events with (true) or without (false) map coordinates.")] = None,
) -> EventFilters:
    types = [p.strip().upper() for value in plover for p in value.split(",") if p.strip()]
    for p in types:
        if not p.replace("_", "").isalpha() or len(p) > 40:
            raise ApiError(422, f"plover: {p!r} is not a PLOVER type name (letters and _ only)", "plover")
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, "date_from is after date_to", "date_from")
    return EventFilters(actor=actor or None, country=_country(country),
                        sector=sector.upper() if sector else None, plover=types, cameo_root=cameo_root,
                        quad_class=quad_class, date_from=date_from, date_to=date_to, q=q or None, doc_id=doc_id,
                        dated=dated, placed=placed)


Filters = Annotated[EventFilters, Depends(event_filters)]


def _where(always: str, *conditions: tuple[str, Any]) -> tuple[str, list[Any]]:
    """A WHERE clause of `always` and each (sql, value) whose value was given, with its bound parameters."""
    given = [(sql, value) for sql, value in conditions if value]
    return " AND ".join([always] + [sql for sql, _ in given]), [value for _, value in given]


def _country(text: str | None) -> str | None:
    """The stored code for a country as people write it ('UK', 'GB', 'Britain' -> GBR), or a 422."""
    if not text:
        return None
    try:
        return filter_code(text)
    except UnknownCountry as exc:
        raise ApiError(422, str(exc), "country") from None


# -- shaping rows ----------------------------------------------------------------

def _event(row: dict[str, Any]) -> dict[str, Any]:
    def party(prefix: str) -> dict[str, Any] | None:
        if row.get(f"{prefix}_name") is None:
            return None
        return {"name": row[f"{prefix}_name"], "country": row[f"{prefix}_country"], "sector": row[f"{prefix}_sector"]}

    location = None
    if row.get("location_name") is not None or row.get("lat") is not None:
        location = {"name": row["location_name"], "country": row["location_country"], "lat": row["lat"], "lon": row["lon"]}
    return {
        "id": f"{row['doc_id']}:{row['idx']}", "doc_id": row["doc_id"], "idx": row["idx"],
        "plover": row["plover"], "cameo": row["cameo"], "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "mode": row["mode"], "negated": row["negated"], "source": party("source"), "target": party("target"),
        "location": location, "date": row["day"], "event_date": row["event_date"], "sentence": row["sentence"],
        "start": row["start"], "end": row["end"], "confidence": row["confidence"],
        "article": {"title": row["title"], "site": row["site"], "url": row["url"], "date": row["article_date"]},
    }


def _json_row(row: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    return {k: parse_json(v) if k in columns else v for k, v in row.items()}


# -- the app ---------------------------------------------------------------------

def create_app(db_path: str, token: str | None = None, query_timeout: float = 5.0,
               allowed_hosts: list[str] | None = None) -> FastAPI:
    """The explorer app over `db_path` (opened read-only); with `token`, every request must present it."""
    db = Database(db_path, timeout=query_timeout)
    # No /docs or /redoc: FastAPI's pages load their scripts from a CDN; the OpenAPI document is enough.
    app = FastAPI(title="eventwire explorer", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only access to an eventwire database: events, articles with their evidence "
                              "spans, actors, stories and counts.")
    app.state.db = db
    _install_errors(app)
    _install_security(app, token, allowed_hosts)
    _install_routes(app, db)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": exc.message, "param": exc.param}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [{"param": str(e["loc"][-1]) if e.get("loc") else None, "message": e.get("msg", "invalid")}
                   for e in exc.errors()]
        summary = "; ".join(f"{d['param']}: {d['message']}" for d in details)
        return JSONResponse({"error": f"invalid parameter: {summary}", "details": details}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(QueryTimeout)
    async def timeout(_: Request, exc: QueryTimeout) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=503, headers={"Retry-After": "5"})


def _presented_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.query_params.get("token") or request.cookies.get(TOKEN_COOKIE)


def _install_security(app: FastAPI, token: str | None, allowed_hosts: list[str] | None) -> None:
    @app.middleware("http")
    async def guard(request: Request, call_next):
        if token is not None:
            given = _presented_token(request) or ""
            if not hmac.compare_digest(given.encode(), token.encode()):
                return JSONResponse({"error": "this server needs a token: open /?token=TOKEN in the browser, "
                                              "or send the header 'Authorization: Bearer TOKEN'"}, status_code=401)
        response = await call_next(request)
        if token is not None and request.query_params.get("token") and request.url.path == "/":
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)


def _install_routes(app: FastAPI, db: Database) -> None:  # noqa: C901 - one place listing every endpoint
    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), headers={"Cache-Control": "no-store"})

    @app.get("/api/meta", tags=["meta"], summary="Table sizes, date range, event types and limits")
    def meta() -> dict[str, Any]:
        counts = {t: db.one(f"SELECT count(*) AS n FROM {t}")["n"]  # type: ignore[index]
                  for t in ("articles", "events", "actors", "locations", "quotes", "quantities", "stories",
                            "storylines") if db.has_table(t)}
        span = db.one(f"{events_cte()} SELECT CAST(min(day) AS VARCHAR) AS first, CAST(max(day) AS VARCHAR) AS last, "
                      "count(*) FILTER (WHERE day IS NULL) AS undated FROM ev")
        types = db.query("SELECT plover, count(*) AS count FROM events GROUP BY 1 ORDER BY 2 DESC, 1")
        undated = span.pop("undated")  # type: ignore[union-attr]
        return {"version": __version__, "counts": counts, "dates": span, "undated": undated, "plover": types,
                "stories": db.has_table("stories"), "storylines": db.has_table("storylines"),
                "limits": {"page_size": MAX_PAGE_SIZE, "query_seconds": db.timeout}}

    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page")
    def events(filters: Filters, page: Page = 1, page_size: PageSize = 50,
               sort: Annotated[str, Query(pattern="^(" + "|".join(EVENT_SORTS) + ")$")] = "-date") -> dict[str, Any]:
        where, params = filters.where()
        total = db.one(f"{events_cte()} SELECT count(*) AS n FROM ev WHERE {where}", params)["n"]  # type: ignore[index]
        rows = db.query(f"{events_cte()} SELECT * FROM ev WHERE {where} ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?",
                        params + [page_size, (page - 1) * page_size])
        return paged(total, page, page_size, [_event(r) for r in rows])

    @app.get("/api/events/{doc_id}/{idx}", tags=["events"], summary="One event with every stored field")
    def event(doc_id: Annotated[str, Path(max_length=128)], idx: Annotated[int, Path(ge=0)]) -> dict[str, Any]:
        row = db.one(f"{events_cte()} SELECT * FROM ev WHERE doc_id = ? AND idx = ?", [doc_id, idx])
        if row is None:
            raise ApiError(404, f"no event {doc_id}:{idx}")
        extra = db.one("SELECT * FROM events WHERE doc_id = ? AND idx = ?", [doc_id, idx]) or {}
        out = _event(row)
        out.update({k: parse_json(v) if k == "verb" else v for k, v in extra.items() if k not in out
                    and k not in ("source", "target", "location")})
        return out

    @app.get("/api/counts", tags=["events"], summary="Event counts per period and group, with mean Goldstein")
    def counts(filters: Filters,
               by: Annotated[str, Query(pattern="^(" + "|".join(PERIODS) + ")$")] = "month",
               group: Annotated[str, Query(pattern="^(" + "|".join(GROUPS) + ")$")] = "plover") -> dict[str, Any]:
        where, params = filters.where()
        rows = db.query(
            f"{events_cte()} SELECT CAST(date_trunc('{PERIODS[by]}', day) AS DATE) AS period, {GROUPS[group]} AS key, "
            f"count(*) AS count, avg(goldstein) AS goldstein FROM ev WHERE {where} AND day IS NOT NULL "
            "GROUP BY ALL ORDER BY period, key NULLS LAST", params)
        undated = db.one(f"{events_cte()} SELECT count(*) AS n FROM ev WHERE {where} AND day IS NULL", params)
        return {"by": by, "group": group, "items": rows, "undated": undated["n"]}  # type: ignore[index]

    @app.get("/api/map", tags=["events"], summary="Event places with coordinates, counted; and where the others are")
    def event_map(filters: Filters, limit: Annotated[int, Query(ge=1, le=5000)] = 2000) -> dict[str, Any]:
        where, params = filters.where()
        cte = events_cte()
        rows = db.query(
            f"{cte} SELECT location_name AS name, location_country AS country, lat, lon, count(*) AS count, "
            f"avg(goldstein) AS goldstein, list(plover ORDER BY plover)[1] AS plover FROM ev "
            f"WHERE {where} AND lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180 "
            "GROUP BY ALL ORDER BY count DESC, name LIMIT ?", params + [limit])
        unplaced = f"{where} AND NOT coalesce(lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180, false)"
        split = db.one(f"{cte} SELECT count(*) AS n, count(*) FILTER (WHERE location_name IS NULL AND "
                       f"location_country IS NULL) AS nowhere FROM ev WHERE {unplaced}", params)
        # events placed only as a country ('UK', 'Wales'): shaded on the map as countries
        countries = db.query(f"{cte} SELECT location_country AS country, count(*) AS count, avg(goldstein) AS goldstein "
                             f"FROM ev WHERE {unplaced} AND location_country IS NOT NULL GROUP BY 1 "
                             "ORDER BY count DESC, country", params)
        places = db.query(f"{cte} SELECT location_name AS name, location_country AS country, count(*) AS count FROM ev "
                          f"WHERE {unplaced} AND location_name IS NOT NULL GROUP BY ALL ORDER BY count DESC, name "
                          "LIMIT 20", params)
        for c in countries:
            c.update(name=names.country(c["country"])["name"], numeric=names.country(c["country"])["numeric"])
        return {"items": rows, "unplaced": split["n"], "no_place": split["nowhere"],  # type: ignore[index]
                "countries": countries, "unplaced_places": places}

    @app.get("/api/network", tags=["actors"], summary="Who acts on whom: source→target edges weighted by events")
    def network(filters: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
        where, params = filters.where()
        edges = db.query(
            f"{events_cte()} SELECT source_name AS source, target_name AS target, count(*) AS count, "
            f"avg(goldstein) AS goldstein FROM ev WHERE {where} AND source_name IS NOT NULL AND target_name IS NOT NULL "
            "GROUP BY ALL ORDER BY count DESC, source, target LIMIT ?", params + [limit])
        names = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = db.query(
            f"{events_cte()}, parties AS (SELECT source_name AS name, source_country AS country, source_sector AS sector "
            f"FROM ev WHERE {where} UNION ALL SELECT target_name, target_country, target_sector FROM ev WHERE {where}) "
            "SELECT name, mode(country) AS country, mode(sector) AS sector, count(*) AS events FROM parties "
            "WHERE name IN (SELECT unnest(?)) GROUP BY name ORDER BY name", params + params + [names])
        paired = db.one(f"{events_cte()} SELECT count(*) AS n FROM ev WHERE {where} AND source_name IS NOT NULL "
                        "AND target_name IS NOT NULL", params)
        return {"nodes": nodes, "edges": edges, "events": paired["n"]}  # type: ignore[index]

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first")
    def articles(page: Page = 1, page_size: PageSize = 50, q: Text = None,
                 site: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
                 date_from: date | None = None, date_to: date | None = None) -> dict[str, Any]:
        where, params = _where("TRUE", ("title ILIKE ? ESCAPE '\\'", q and like(q)), ("site = ?", site),
                               ("TRY_CAST(substr(date, 1, 10) AS DATE) >= ?", date_from),
                               ("TRY_CAST(substr(date, 1, 10) AS DATE) <= ?", date_to))
        total = db.one(f"SELECT count(*) AS n FROM articles WHERE {where}", params)["n"]  # type: ignore[index]
        rows = db.query(
            f"SELECT id, title, date, site, url, language, length(text) AS chars, "
            f"(SELECT count(*) FROM events e WHERE e.doc_id = a.id) AS events FROM articles a WHERE {where} "
            "ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?", params + [page_size, (page - 1) * page_size])
        return paged(total, page, page_size, rows)

    @app.get("/api/articles/{doc_id}", tags=["articles"],
             summary="One article's text with the spans of its entities, actors, places, quotes, counts and events")
    def article(doc_id: Annotated[str, Path(max_length=128)]) -> dict[str, Any]:
        row = db.one("SELECT * FROM articles WHERE id = ?", [doc_id])
        if row is None:
            raise ApiError(404, f"no article {doc_id!r}")
        out = dict(row)
        for table, json_cols in (("entities", ()), ("actors", ("mentions",)), ("locations", ()), ("quotes", ()),
                                 ("quantities", ()), ("events", ("source", "target", "location", "verb"))):
            rows = db.query(f"SELECT * EXCLUDE (doc_id) FROM {table} WHERE doc_id = ? ORDER BY idx", [doc_id])
            out[table] = [_json_row(r, json_cols) for r in rows]
        return out

    @app.get("/api/actors", tags=["actors"], summary="Actors with mention, document and event counts")
    def actors(page: Page = 1, page_size: PageSize = 50, q: Text = None,
               country: Annotated[str | None, Query(max_length=60)] = None,
               sector: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,10}$")] = None,
               sort: Annotated[str, Query(pattern="^(" + "|".join(ACTOR_SORTS) + ")$")] = "documents") -> dict[str, Any]:
        where, params = _where("name IS NOT NULL", ("name ILIKE ? ESCAPE '\\'", q and like(q)),
                               ("country = ?", _country(country)), ("sector = ?", sector and sector.upper()))
        total = db.one(f"{ACTORS_SQL} SELECT count(*) AS n FROM merged WHERE {where}", params)["n"]  # type: ignore[index]
        rows = db.query(f"{ACTORS_SQL} SELECT * FROM merged WHERE {where} ORDER BY {ACTOR_SORTS[sort]} LIMIT ? OFFSET ?",
                        params + [page_size, (page - 1) * page_size])
        return paged(total, page, page_size, rows)

    @app.get("/api/actors/cooccurrences", tags=["actors"],
             summary="Actors named in the same articles (pairs, or the partners of one actor)")
    def cooccurrences(actor: Text = None, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> dict[str, Any]:
        if actor:
            rows = db.query("SELECT ? AS actor, b.name AS other, count(DISTINCT a.doc_id) AS documents "
                            "FROM actors a JOIN actors b ON a.doc_id = b.doc_id AND a.name <> b.name "
                            "WHERE a.name = ? GROUP BY b.name ORDER BY documents DESC, other LIMIT ?",
                            [actor, actor, limit])
        else:
            rows = db.query("SELECT a.name AS actor, b.name AS other, count(DISTINCT a.doc_id) AS documents "
                            "FROM actors a JOIN actors b ON a.doc_id = b.doc_id AND a.name < b.name "
                            "GROUP BY ALL ORDER BY documents DESC, actor, other LIMIT ?", [limit])
        return {"items": rows}

    @app.get("/api/actors/{name}", tags=["actors"], summary="One actor: counts, partners and where it appears")
    def actor(name: Annotated[str, Path(max_length=MAX_TEXT)]) -> dict[str, Any]:
        row = db.one(f"{ACTORS_SQL} SELECT * FROM merged WHERE name = ?", [name])
        if row is None:
            raise ApiError(404, f"no actor named {name!r}")
        row["cooccurrences"] = cooccurrences(actor=name, limit=20)["items"]
        row["documents_list"] = db.query(
            "SELECT DISTINCT a.id, a.title, a.date FROM articles a WHERE a.id IN "
            "(SELECT doc_id FROM actors WHERE name = ? UNION SELECT doc_id FROM events "
            "WHERE source->>'name' = ? OR target->>'name' = ?) ORDER BY a.date NULLS LAST, a.id LIMIT 100",
            [name, name, name])
        return row

    @app.get("/api/search", tags=["search"], summary="Full-text search over headlines, article text and evidence")
    def search(q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)], page: Page = 1,
               page_size: PageSize = 20) -> dict[str, Any]:
        pattern = like(q)
        where = "(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')"
        total = db.one(f"SELECT count(*) AS n FROM articles WHERE {where}", [pattern, pattern])["n"]  # type: ignore[index]
        rows = db.query(
            "SELECT id, title, date, site, "
            "substr(text, greatest(1, instr(lower(text), lower(?)) - 80), 240) AS snippet, "
            "(SELECT count(*) FROM events e WHERE e.doc_id = a.id AND e.sentence ILIKE ? ESCAPE '\\') AS events "
            f"FROM articles a WHERE {where} ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [q, pattern, pattern, pattern, page_size, (page - 1) * page_size])
        return paged(total, page, page_size, rows)

    install_story_routes(app, db)
