"""Writers for the interop exports: rows typed by a published schema, to TSV, CSV, Parquet or JSON Lines.

GDELT and ICEWS files are tab-separated and unquoted, so a tab or newline inside a value would shift every
later column: values are flattened to one line before writing.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

_BREAKS = re.compile(r"[\t\r\n\x0b\x0c\x85\u2028\u2029]+")
_ARROW = {"INTEGER": "int64", "FLOAT": "float64", "STRING": "string", "DATE": "string"}


def flat(value: Any) -> str:
    """One cell of an unquoted TSV: '' for missing, no tabs or line breaks, floats without exponent noise."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:  # the common case: printable text needs no cleaning (isprintable is False for tabs, breaks)
        return value if value.isprintable() else _BREAKS.sub(" ", value)
    if kind is int:
        return str(value)
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return _BREAKS.sub(" ", str(value))


@contextmanager
def _open(out: str | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def write_rows(rows: Iterable[tuple], schema: tuple[tuple[str, str], ...], out: str | None, *,
               header: bool, native: str = "tsv") -> int:
    """Write rows by the output's extension: .parquet (typed), .csv (quoted, header), else the format's
    native file: TSV as published, or CSV for a format published as CSV (`native="csv"`, ACLED)."""
    if out and out.endswith(".parquet"):
        return _parquet(rows, schema, out)
    n = 0
    with _open(out) as fh:
        if native == "csv" or (out and out.endswith(".csv")):
            writer = csv.writer(fh)
            writer.writerow([name for name, _ in schema])
            for row in rows:
                writer.writerow(["" if v is None else v for v in row])
                n += 1
            return n
        if header:
            fh.write("\t".join(name for name, _ in schema) + "\n")
        for row in rows:
            fh.write("\t".join(flat(v) for v in row) + "\n")
            n += 1
    return n


def write_jsonl(records: Iterable[dict], out: str | None) -> int:
    n = 0
    with _open(out) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def _parquet(rows: Iterable[tuple], schema: tuple[tuple[str, str], ...], out: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(name, getattr(pa, _ARROW[kind])()) for name, kind in schema]
    arrow_schema = pa.schema(fields)
    n = 0
    with pq.ParquetWriter(out, arrow_schema) as writer:
        for chunk in _chunks(rows, 10_000):
            columns = list(zip(*chunk))
            arrays = [pa.array([_typed(v, kind) for v in c], type=f.type)
                      for c, f, (_, kind) in zip(columns, fields, schema)]
            writer.write_table(pa.table(arrays,
                                        schema=arrow_schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(arrow_schema.empty_table())
    return n


def _typed(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return None
    if kind == "INTEGER":
        return int(value)
    if kind == "FLOAT":
        return float(value)
    return str(value)


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
