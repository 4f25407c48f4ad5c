"""Published column lists and code tables, read from the data files shipped in `export/data`."""

from __future__ import annotations

from functools import cache

from eventwire import datafiles


def _rows(name: str) -> list[list[str]]:
    return datafiles.read_tsv("eventwire.export", name, header=True)


@cache
def columns(name: str) -> tuple[tuple[str, str], ...]:
    """(column, type) pairs of a published schema: gdelt_events, gdelt_mentions, gdelt_gkg, icews."""
    return tuple((r[0], r[1]) for r in _rows(f"{name}_columns.tsv"))


@cache
def _mapping(name: str) -> dict[str, str]:
    return {r[0]: r[1] for r in _rows(name)}


def fips(iso3: str | None) -> str:
    """FIPS 10-4 code for an ISO3 country code; '' when unknown (GDELT leaves the field blank)."""
    return _mapping("iso3_fips.tsv").get((iso3 or "").upper(), "")


def cameo_text(code: str | None) -> str:
    return _mapping("cameo_codes.tsv").get(code or "", "")


def sector_name(code: str | None) -> str:
    """The ICEWS sector name for a PLOVER/CAMEO sector code; '' for a code ICEWS has no name for (the
    knowledge base carries CAMEO leftovers such as MUS or RAD): a raw code is no ICEWS sector."""
    return _mapping("icews_sectors.tsv").get((code or "").upper(), "")


def cameo_type(sector: str | None) -> str:
    """The CAMEO actor type for a PLOVER sector ('' where CAMEO has none): GDELT readers expect CAMEO's
    codes, and PLOVER's JRN and MED are CAMEO's MED and HLH."""
    code = (sector or "").upper()
    table = _mapping("plover_cameo_types.tsv")
    return table[code] if code in table else ""


@cache
def _scores() -> dict[tuple[str, str], float]:
    return {(plover, mode): float(score) for plover, mode, score in _rows("plover_scores.tsv")}


def plover_score(plover: str | None, mode: str | None) -> float | None:
    """The PLOVER manual's conflict-cooperation score of an event type and mode (POLECAT's Event Intensity);
    a mode the table has no score for takes its type's own."""
    table = _scores()
    return table.get((plover or "", mode or ""), table.get((plover or "", "")))


def count_type(kind: str | None) -> str | None:
    return _mapping("gkg_count_types.tsv").get(kind or "")


@cache
def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.upper())
    return country.name if country else ""


@cache
def acled_types() -> tuple[tuple[str, frozenset[str], frozenset[str], frozenset[str], str, str], ...]:
    """Rows of `acled_types.tsv` in order: (PLOVER type, modes, actor classes, recipient classes, event_type,
    sub_event_type)."""
    return tuple((plover, frozenset(mode.split("|")), frozenset(actor.split("|")), frozenset(target.split("|")),
                  event_type, sub_event_type)
                 for plover, mode, actor, target, event_type, sub_event_type in _rows("acled_types.tsv"))


@cache
def acled_country(iso3: str | None) -> str:
    """The country name ACLED writes ("Democratic Republic of Congo", "Syria"); '' when unknown."""
    code = (iso3 or "").upper()
    if not code:
        return ""
    named = _mapping("acled_countries.tsv").get(code)
    if named:
        return named
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return (getattr(country, "common_name", None) or country.name) if country else ""
