"""Exports that drop into existing event-data code: GDELT 2.0 Events/Mentions, GKG 2.1, ICEWS, POLECAT, ACLED,
and PLOVER records as JSON Lines.

Every format reads the database read-only and streams. The tabular ones follow their published column
lists (`export/data/*_columns.tsv`); the output's extension picks the container: `.parquet` (typed by the
published schema), `.csv` (quoted, with a header), anything else or stdout the format's native file
(GDELT: tab-separated without a header; ICEWS and POLECAT: tab-separated with their header row; ACLED: CSV
with a header). `plover` is the old name of `plover-jsonl`, still accepted.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.errors import EventwireError
from eventwire.store.duck import Store


class InteropExportError(EventwireError):
    """Unknown interop format, or an output that cannot be written."""


def _gdelt_events(con, out):
    from eventwire.export.gdelt import event_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(event_rows(con), columns("gdelt_events"), out, header=False)


def _gdelt_mentions(con, out):
    from eventwire.export.gdelt import mention_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(mention_rows(con), columns("gdelt_mentions"), out, header=False)


def _gkg(con, out):
    from eventwire.export.gkg import gkg_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(gkg_rows(con), columns("gdelt_gkg"), out, header=False)


def _icews(con, out):
    from eventwire.export.icews import icews_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(icews_rows(con), columns("icews"), out, header=True)


def _polecat(con, out):
    from eventwire.export.polecat import polecat_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(polecat_rows(con), columns("polecat"), out, header=True)


def _acled(con, out):
    from eventwire.export.acled import acled_rows
    from eventwire.export.tables import columns
    from eventwire.export.write import write_rows

    return write_rows(acled_rows(con), columns("acled"), out, header=True, native="csv")


def _plover(con, out):
    from eventwire.export.plover import plover_records
    from eventwire.export.write import write_jsonl

    if out and out.endswith((".parquet", ".csv")):
        raise InteropExportError("plover-jsonl records are nested JSON: write them to a .jsonl file or stdout "
                                 "(--format polecat writes POLECAT's flat columns as .tsv, .csv or .parquet)")
    return write_jsonl(plover_records(con), out)


FORMATS: dict[str, Callable] = {
    "gdelt-events": _gdelt_events,
    "gdelt-mentions": _gdelt_mentions,
    "gkg": _gkg,
    "icews": _icews,
    "polecat": _polecat,
    "plover-jsonl": _plover,
    "acled": _acled,
}
#: older names still accepted
ALIASES = {"plover": "plover-jsonl"}


def is_interop(fmt: str) -> bool:
    return fmt in FORMATS or fmt in ALIASES


def export_interop(db: str, fmt: str, out: str | None = None) -> int:
    """Write the database's events (or articles, for gkg) in format `fmt`; returns the number of records."""
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise InteropExportError(f"unknown format {fmt!r}; one of: {', '.join(FORMATS)}")
    with Store(db, read_only=True) as store:
        try:
            return FORMATS[fmt](store.con, out)
        except OSError as exc:
            raise InteropExportError(f"cannot write {out!r}: {exc.strerror or exc}") from None
