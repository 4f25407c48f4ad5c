"""POLECAT rows with the published column names, and PLOVER JSON Lines with POLECAT's fields."""

from __future__ import annotations

import csv
import json

import duckdb
import pyarrow.parquet as pq
import pytest

from eventwire import datafiles
from eventwire.export import export_interop
from eventwire.export.tables import columns

#: the header row of POLECAT's published tab-separated files (current releases)
PUBLISHED = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
]


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _mapping() -> dict[str, str]:
    return {name: source for name, _, source in datafiles.read_tsv("eventwire.export", "polecat_columns.tsv",
                                                                  header=True)}


def test_polecat_columns_are_the_published_ones_each_with_its_documented_source(events_db, tmp_path):
    out = tmp_path / "polecat.tsv"
    assert export_interop(events_db, "polecat", str(out)) == 3
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == [name for name, _ in columns("polecat")] == list(_mapping()) == PUBLISHED
    assert all(_mapping().values())  # every column names what fills it, or "-" for empty


def test_columns_documented_as_empty_stay_empty(events_db, tmp_path):
    out = tmp_path / "polecat.tsv"
    export_interop(events_db, "polecat", str(out))
    empty = [name for name, source in _mapping().items() if source == "-"]
    assert {"Actor COW", "Wikipedia Actor ID", "District"} <= set(empty)
    assert all(row[name] == "" for row in _rows(out) for name in empty)


def test_polecat_rows_carry_event_actors_place_and_story(events_db, tmp_path):
    out = tmp_path / "polecat.tsv"
    export_interop(events_db, "polecat", str(out))
    rows = {r["Event Type"]: r for r in _rows(out)}
    assert set(rows) == {"CONSULT", "ARREST", "ASSAULT"}  # the negated REJECT is no event
    consult = rows["CONSULT"]
    assert (consult["Event Date"], consult["Quad Code"], consult["Event Intensity"]) == ("2024-03-04",
                                                                                        "VERBAL COOPERATION", "2.5")
    assert (consult["Actor Name"], consult["Actor Country"], consult["Primary Actor Sector"]) == \
        ("Norland government", "NOR", "GOV")
    assert (consult["Recipient Name Raw"], consult["Recipient Country"]) == ("Sudria", "SDN")
    assert (consult["City"], consult["Country"], consult["Feature Type"], consult["GeoNames ID"]) == \
        ("Velmar", "NOR", "PPL", "3143244")
    assert float(consult["Latitude"]) == pytest.approx(59.9) and consult["Contexts"] == "diplomacy"
    assert (consult["Source"], consult["Publication Date"], consult["Language"]) == ("news.example", "2024-03-04",
                                                                                   "en")
    assert "Mara Olsen" in consult["Story People"].split("; ") and consult["Story Locations"] == "Sudria; Velmar"  # in text order
    assert consult["Version"].startswith("eventwire ")
    assert rows["ARREST"]["Quad Code"] == "MATERIAL CONFLICT" and rows["ASSAULT"]["Publication Date"] == ""


def test_polecat_parquet_is_typed_by_the_documented_schema(events_db, tmp_path):
    out = tmp_path / "polecat.parquet"
    export_interop(events_db, "polecat", str(out))
    schema = {f.name: str(f.type) for f in pq.read_schema(out)}
    assert list(schema) == PUBLISHED
    assert schema["Latitude"] == "double" and schema["GeoNames ID"] == "int64" and schema["Event ID"] == "string"


def test_plover_json_lines_have_polecats_fields(events_db, tmp_path):
    out = tmp_path / "p.jsonl"
    assert export_interop(events_db, "plover-jsonl", str(out)) == 3
    records = [json.loads(line) for line in out.read_text().splitlines()]
    consult = next(r for r in records if r["event_type"] == "CONSULT")
    assert consult["event"] == ["CONSULT"] and consult["event_mode"] == [] and consult["contexts"] == ["diplomacy"]
    assert (consult["pub_date"], consult["publisher"]) == ("2024-03-04", "news.example")
    assert all(isinstance(r["event_type"], str) and isinstance(r["contexts"], list) for r in records)
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_json_auto(?, format='newline_delimited')",
                       [str(out)]).fetchone()[0] == 3


def test_plover_is_still_accepted_as_the_old_name_of_plover_jsonl(events_db, tmp_path):
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    export_interop(events_db, "plover", str(old))
    export_interop(events_db, "plover-jsonl", str(new))
    strip = [{k: v for k, v in json.loads(line).items() if k != "coded_date"} for line in old.read_text().splitlines()]
    assert strip == [{k: v for k, v in json.loads(line).items() if k != "coded_date"}
                     for line in new.read_text().splitlines()]


def test_event_intensity_is_the_plover_score_of_type_and_mode():
    from eventwire.export.tables import plover_score

    assert (plover_score("CONSULT", None), plover_score("CONSULT", "visit")) == (2.5, 4.0)
    assert plover_score("COERCE", "arrest") == -7.0 and plover_score("ASSAULT", "unconventional") == -10.0
    assert plover_score("ASSAULT", "pro_autocracy") == -9.0  # no score for that mode: the type's own
    assert plover_score("ACCUSE", None) == -3.0  # printed +3 in the manual, out of line with its modes


def test_the_plover_scores_are_what_the_tool_reads_from_the_manual(shared):
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("plover_scores", root / "tools" / "plover_scores.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    found = tool.scores((shared / "reference" / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8"))
    shipped = datafiles.read_tsv("eventwire.export", "plover_scores.tsv", header=True)
    assert [list(r) for r in found] == shipped and len(shipped) == 82
    assert {plover for plover, _, _ in shipped} >= {"AGREE", "CONSULT", "ASSAULT", "COERCE", "RETREAT", "AID"}
