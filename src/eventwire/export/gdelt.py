"""GDELT 2.0 Events and Mentions tables (tab-separated, no header, 61 and 16 columns in published order).

Conventions kept from the GDELT 2.0 Event Codebook: SQLDATE is YYYYMMDD, FractionDate is
YYYY + (MONTH * 30 + DAY) / 365, geographic country codes are FIPS 10-4 (actor country codes stay CAMEO/ISO3),
*Geo_Type is 1 country, 2 US state, 3 US city, 4 world city, 5 world state, and NumMentions /
NumSources / NumArticles count the reports merged into one event. A country-level place has its country's
point as latitude and longitude (`export/places.py`), as in GDELT. Actor1Geo and Actor2Geo are the event's
place when known, else the actor's own country (`places.actor_place`). Actor type codes are CAMEO's, mapped
from PLOVER sectors (`tables.cameo_type`: PLOVER-only codes such as JRN and PTY never reach the file).
SOURCEURL is always absolute (`source.source_url`). Where GDELT would fill a field eventwire cannot (ethnic
and religious codes), the field is blank. AvgTone is eventwire's opinion-word polarity (-1..1) scaled by 100
to GDELT's range; it is not GDELT's tone dictionary.
GLOBALEVENTID is a stable 60-bit hash of the merged event id (or `doc_id:idx`). In Mentions, SentenceID
counts sentence ends before the event, Confidence is eventwire's confidence x 100, and Extras holds
what GDELT leaves out: `<SPAN>start-end</SPAN><DOC_ID>id</DOC_ID>`, the event's character span in its article.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from eventwire.export.places import actor_place, country_level, placed
from eventwire.export.source import Happening, day, happenings, numeric_id, source_url
from eventwire.export.tables import cameo_type, columns, country_name, fips

_US_STATE, _US_CITY, _COUNTRY, _WORLD_CITY, _WORLD_STATE = 2, 3, 1, 4, 5


def event_rows(con) -> Iterator[tuple]:
    for h in happenings(con):
        yield event_row(h)


def mention_rows(con) -> Iterator[tuple]:
    for h in happenings(con):
        added = _stamp(_earliest_ingest(h))
        for m in h.mentions:
            yield mention_row(h, m, added)


def event_row(h: Happening) -> tuple:
    first = h.first
    cameo = h.cameo or ""
    row = (
        numeric_id(h.id), *_dates(h.date),
        *_actor(h.source), *_actor(h.target),
        1 if first.get("a_lead") else 0, cameo, cameo[:3], cameo[:2],
        h.quad_class, h.goldstein, len(h.mentions), h.num_sources, h.num_articles, _avg_tone(h),
        *_geo(actor_place(h.source, h.location)), *_geo(actor_place(h.target, h.location)), *_geo(h.location),
        _stamp(_earliest_ingest(h)), source_url(first),
    )
    assert len(row) == len(columns("gdelt_events"))
    return row


def mention_row(h: Happening, m: dict, added: int | None) -> tuple:
    verb = m.get("verb") or {}
    source, target = h.source or {}, h.target or {}
    return (
        numeric_id(h.id), added, _stamp(m.get("d_ingested")), 1 if m.get("a_url") else 2,
        m.get("a_site") or "", source_url(m), m.get("a_sentence"),
        _offset(m.get("source"), source), _offset(m.get("target"), target),
        verb.get("start", m.get("start")), 1, round(100 * (m.get("confidence") or 0)),
        m.get("a_length"), _tone(m.get("a_tone")), _translation(m.get("a_language")),
        f"<SPAN>{m.get('start')}-{m.get('end')}</SPAN><DOC_ID>{m.get('doc_id')}</DOC_ID>",
    )


def _dates(iso: str | None) -> tuple:
    if not day(iso):
        return (None, None, None, None)
    y, mo, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return (y * 10000 + mo * 100 + d, y * 100 + mo, y, round(y + (mo * 30 + d) / 365, 4))


def _actor(actor: dict | None) -> tuple:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1/2, Type1/2/3 (CAMEO actor fields)."""
    if not actor:
        return ("",) * 10
    country = (actor.get("country") or "").upper()
    sector = cameo_type(actor.get("sector"))
    if sector and sector == country:
        sector = ""  # an IGO's or NGO's own staff: CAMEO writes 'IGO', not 'IGOIGO'
    name = (actor.get("name") or "").upper()
    return (country + sector, name, country, "", "", "", "", sector, "", "")


def _no_geo() -> tuple:
    return (0, "", "", "", "", None, None, "")


def _geo(loc: dict | None) -> tuple:
    """Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not loc or not (loc.get("name") or loc.get("country")):
        return _no_geo()
    loc = placed(loc)
    iso3 = (loc.get("country") or "").upper()
    code = fips(iso3)
    kind = _geo_type(loc, iso3)
    name = loc.get("name") or country_name(iso3)
    if kind == _COUNTRY:
        full = country_name(iso3) or name
    else:
        full = name if not country_name(iso3) else f"{name}, {country_name(iso3)}"
    adm1 = code if kind == _COUNTRY else ""
    feature = code if kind == _COUNTRY else (str(loc["geonameid"]) if loc.get("geonameid") else "")
    return (kind, full, code, adm1, "", loc.get("lat"), loc.get("lon"), feature)


def _geo_type(loc: dict, iso3: str) -> int:
    """GDELT's geographic resolution."""
    feature = loc.get("feature")
    if country_level(loc):
        return _COUNTRY
    if feature == "admin1":
        return _US_STATE if iso3 == "USA" else _WORLD_STATE
    return _US_CITY if iso3 == "USA" else _WORLD_CITY


def _avg_tone(h: Happening) -> float | None:
    tones = [t for m in h.mentions if (t := _tone(m.get("a_tone"))) is not None]
    return round(sum(tones) / len(tones), 4) if tones else None


def _tone(value: float | None) -> float | None:
    return None if value is None else round(100 * float(value), 4)


def _earliest_ingest(h: Happening):
    stamps = [m["d_ingested"] for m in h.mentions if m.get("d_ingested")]
    return min(stamps) if stamps else None


def _stamp(when) -> int | None:
    """YYYYMMDDHHMMSS as GDELT's DATEADDED."""
    if when is None:
        return None
    if not isinstance(when, datetime):
        when = datetime.fromisoformat(str(when))
    return int(when.strftime("%Y%m%d%H%M%S"))


def _offset(mention_actor: dict | None, actor: dict) -> int | None:
    for candidate in (mention_actor or {}, actor):
        if isinstance(candidate.get("start"), int):
            return candidate["start"]
    return None


def _translation(language: str | None) -> str:
    return "" if language in (None, "en") else f"srclc:{language};eng:none"
