"""PLOVER records as JSON Lines (`--format plover-jsonl`): one JSON object per line.

Fields: those of the PLOVER manual's "Data Fields" chapter (id, date, actor, recipient, event, event_loc,
event_text, quad_code, event_scale, mode, context, text_info, cite_info, coder, coded_date), where
`event`, `event_text`, `mode` and `context` are lists as the manual specifies; the fields POLECAT's own
JSON (NGEC's output) names differently, with its shapes: `event_type` (one PLOVER type), `event_mode` and
`contexts` (lists), `pub_date` (YYYY-MM-DD) and `publisher`; and eventwire's extras (cameo, num_mentions,
num_sources, num_articles, story_id, and every mention with its character offsets). A country-level
`event_loc` carries its country's point (`export/places.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eventwire import __version__
from eventwire.export.places import placed
from eventwire.export.source import Happening, day, happenings


def plover_records(con) -> Iterator[dict]:
    coded = date.today().isoformat()
    for h in happenings(con):
        yield plover_record(h, coded)


def plover_record(h: Happening, coded: str) -> dict:
    first = h.first
    return {
        "id": h.id,
        "date": h.date,
        "actor": [_entity(h.source)] if h.source else [],
        "recipient": [_entity(h.target)] if h.target else [],
        "event": [h.plover],
        "event_loc": _location(h.location),
        "event_text": [first.get("sentence")],
        "quad_code": h.quad_class,
        "event_scale": h.goldstein,
        "mode": [h.mode] if h.mode else [],
        "context": h.context,
        "text_info": {"sequence": first.get("a_sentence"), "start": first.get("start"), "end": first.get("end")},
        "cite_info": {"url": first.get("a_url"), "source": first.get("a_site"), "doc_id": first.get("doc_id"),
                      "date": first.get("a_date"), "title": first.get("a_title")},
        "event_type": h.plover,
        "event_mode": [h.mode] if h.mode else [],
        "contexts": h.context,
        "pub_date": day(first.get("a_date")),
        "publisher": first.get("a_site"),
        "coder": f"eventwire {__version__}",
        "coded_date": coded,
        "cameo": h.cameo,
        "story_id": h.story_id,
        "num_mentions": len(h.mentions),
        "num_sources": h.num_sources,
        "num_articles": h.num_articles,
        "mentions": [{"doc_id": m.get("doc_id"), "idx": m.get("idx"), "start": m.get("start"), "end": m.get("end"),
                      "url": m.get("a_url"), "confidence": m.get("confidence")} for m in h.mentions],
    }


def _entity(actor: dict) -> dict:
    return {"code": actor.get("country"), "sector": actor.get("sector"), "entity_text": actor.get("name")}


def _location(loc: dict | None) -> dict | None:
    loc = placed(loc)
    if not loc:
        return None
    keep = ("name", "country", "lat", "lon", "feature", "geonameid")
    return {k: loc.get(k) for k in keep if loc.get(k) is not None}
