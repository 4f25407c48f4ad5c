"""Round trips: every interop export read back with DuckDB against the published column lists and types."""

from __future__ import annotations

import json

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.records import Document
from eventwire.export import export_interop
from eventwire.export.tables import columns, fips

DUCK = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR", "DATE": "DATE"}
TSV = {"gdelt-events": "gdelt_events", "gdelt-mentions": "gdelt_mentions", "gkg": "gdelt_gkg"}
runner = CliRunner()
DOCUMENT_FIELDS = set(Document.__dataclass_fields__)


def read_typed(path, schema, header: bool):
    """Parse a TSV with the published types: fails if any value does not fit its column type."""
    cols = "{" + ", ".join(f"'{n}': '{DUCK[t]}'" for n, t in schema) + "}"
    con = duckdb.connect()
    return con.execute(f"SELECT * FROM read_csv(?, delim='\\t', header={header}, quote='', escape='', "
                       f"columns={cols}, auto_detect=false)", [str(path)])


def test_published_column_lists_match_the_reference(shared):
    import csv

    ref = shared / "reference" / "gdelt"
    events = [(r["tableId"], r["dataType"]) for r in
              csv.DictReader(open(ref / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"))]
    assert list(columns("gdelt_events")) == events
    gkg = json.loads((ref / "gkgv2.json").read_text())["schema"]["fields"]
    assert [c for c, _ in columns("gdelt_gkg")] == [f["name"] for f in gkg]
    mentions = json.loads((ref / "mentions.json").read_text())["schema"]["fields"]
    assert [c for c, _ in columns("gdelt_mentions")] == [f["name"] for f in mentions]


@pytest.mark.parametrize("fmt", list(TSV))
def test_gdelt_tsv_has_published_columns_and_types(events_db, tmp_path, fmt):
    out = tmp_path / f"{fmt}.tsv"
    n = export_interop(events_db, fmt, str(out))
    schema = columns(TSV[fmt])
    rel = read_typed(out, schema, header=False)
    rows = rel.fetchall()
    assert len(rows) == n > 0
    assert [d[0] for d in rel.description] == [c for c, _ in schema]
    assert all(len(line.split("\t")) == len(schema) for line in out.read_text().splitlines())


def test_gdelt_events_follow_gdelt_conventions(events_db, tmp_path):
    out = tmp_path / "events.tsv"
    export_interop(events_db, "gdelt-events", str(out))
    rows = _records(out, "gdelt_events")
    consult = rows["040"]
    assert (consult["SQLDATE"], consult["MonthYear"], consult["Year"]) == (20240304, 202403, 2024)
    assert consult["FractionDate"] == pytest.approx(2024 + (3 * 30 + 4) / 365, abs=1e-4)
    actors = (consult["Actor1Code"], consult["Actor1CountryCode"], consult["Actor2CountryCode"])
    assert actors == ("NORGOV", "NOR", "SDN")
    assert (consult["EventBaseCode"], consult["EventRootCode"], consult["QuadClass"]) == ("040", "04", 1)
    assert consult["ActionGeo_CountryCode"] == "NO" == fips("NOR")  # FIPS, not ISO2/ISO3
    assert consult["ActionGeo_Type"] == 4 and consult["ActionGeo_Lat"] == pytest.approx(59.9)
    assert consult["SOURCEURL"] == "https://news.example/a" and consult["IsRootEvent"] == 1
    assert rows["173"]["IsRootEvent"] == 0  # second paragraph
    assert rows["195"]["ActionGeo_CountryCode"] == "SU"  # Sudan is SU in FIPS (SD is ISO2)
    assert "120" not in rows  # negated events are not events in GDELT
    assert all(r["NumMentions"] == r["NumSources"] == r["NumArticles"] == 1 for r in rows.values())
    assert len(str(consult["DATEADDED"])) == 14


def _records(path, schema_name: str) -> dict[str, dict]:
    rel = read_typed(path, columns(schema_name), header=False)
    names = [d[0] for d in rel.description]
    return {row[names.index("EventCode")]: dict(zip(names, row)) for row in rel.fetchall()}


def test_merged_events_give_gdelt_their_mention_counts(merged_db, tmp_path):
    events, mentions = tmp_path / "e.tsv", tmp_path / "m.tsv"
    written = export_interop(merged_db, "gdelt-events", str(events))
    rows = _records(events, "gdelt_events")
    row = rows["173"]
    # the merged event, and each raw event no merged event holds: an export never drops one silently
    assert written == len(rows) == 2 and set(rows) == {"040", "173"}
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (2, 2, 2)
    assert export_interop(merged_db, "gdelt-mentions", str(mentions)) == 3
    ment = [m for m in read_typed(mentions, columns("gdelt_mentions"), False).fetchall()
            if m[0] == row["GLOBALEVENTID"]]
    assert sorted(m[3] for m in ment) == [1, 2]  # a URL (WEB) and a file citation


def test_mentions_carry_sentence_and_character_offsets(events_db, tmp_path):
    from tests.export.conftest import TEXT_A

    out = tmp_path / "m.tsv"
    export_interop(events_db, "gdelt-mentions", str(out))
    rel = read_typed(out, columns("gdelt_mentions"), False)
    names = [d[0] for d in rel.description]
    rows = [dict(zip(names, r)) for r in rel.fetchall()]
    arrest = next(r for r in rows if r["MentionIdentifier"].endswith("/a") and r["SentenceID"] == 2)
    assert TEXT_A[arrest["ActionCharOffset"]:].startswith("Police")
    assert arrest["MentionDocLen"] == len(TEXT_A) and arrest["Confidence"] == 80


def test_gkg_fields_use_gdelt_syntax_with_offsets(events_db, tmp_path):
    from tests.export.conftest import TEXT_A

    out = tmp_path / "gkg.tsv"
    assert export_interop(events_db, "gkg", str(out)) == 2
    rel = read_typed(out, columns("gdelt_gkg"), False)
    names = [d[0] for d in rel.description]
    row = next(dict(zip(names, r)) for r in rel.fetchall() if r[names.index("DocumentIdentifier")].endswith("/a"))
    count = row["V2Counts"].split("#")
    assert count[:3] == ["ARREST", "12", "protesters"] and len(count) == 11
    assert TEXT_A[int(count[-1]):].startswith("12 protesters")
    person, offset = row["V2Persons"].split(",")
    assert person == "Mara Olsen" and TEXT_A[int(offset):].startswith(person)
    locs = [loc.split("#") for loc in row["V2Locations"].split(";")]
    assert all(len(loc) == 9 for loc in locs) and locs[0][1:3] == ["Velmar, Norway", "NO"]
    assert all(len(loc.split("#")) == 7 for loc in row["Locations"].split(";"))
    assert all(len(c.split("#")) == 10 for c in row["Counts"].split(";"))
    offset, length, verb, quote = row["Quotations"].split("|")
    assert TEXT_A[int(offset):int(offset) + int(length)].startswith(quote)
    assert row["Amounts"] == f"12,protesters,{count[-1]}"
    assert len(row["V2Tone"].split(",")) == 7
    if "tone" in DOCUMENT_FIELDS:
        assert float(row["V2Tone"].split(",")[0]) == -25  # polarity -0.25 on GDELT's -100..100 scale
    if "dates" in DOCUMENT_FIELDS:
        resolution, month, day, year, offset = row["Dates"].split("#")
        assert (resolution, month, day, year) == ("3", "3", "4", "2024")  # resolution 3: a full date
        assert TEXT_A[int(offset):].startswith("Monday")
    assert "quote:" in row["Extras"] and "<PAGE_TITLE>Talks in Velmar</PAGE_TITLE>" in row["Extras"]


def test_icews_has_its_20_columns_with_header(events_db, tmp_path):
    out = tmp_path / "icews.tab"
    export_interop(events_db, "icews", str(out))
    rel = read_typed(out, columns("icews"), header=True)
    names = [d[0] for d in rel.description]
    assert len(names) == 20 and names[0] == "Event ID" and names[-1] == "Longitude"
    rows = {r[names.index("CAMEO Code")]: dict(zip(names, r)) for r in rel.fetchall()}
    consult = rows["040"]
    assert consult["Source Country"] == "Norway" and consult["Target Country"] == "Sudan"
    assert consult["Source Sectors"] == "Government" and consult["Intensity"] == 1.0
    assert consult["Event Text"].startswith("Consult") and consult["City"] == "Velmar"
    assert str(consult["Event Date"]) == "2024-03-04" and consult["Publisher"] == "news.example"


def test_plover_records_have_the_manual_fields(events_db, tmp_path):
    out = tmp_path / "p.jsonl"
    export_interop(events_db, "plover", str(out))
    records = [json.loads(line) for line in out.read_text().splitlines()]
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_json_auto(?)", [str(out)]).fetchone()[0] == len(records) == 3
    for r in records:
        assert {"id", "date", "actor", "event", "event_text", "quad_code", "event_scale", "mode", "context"} <= set(r)
        assert isinstance(r["event"], list) and r["text_info"]["end"] > r["text_info"]["start"]
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    assert consult["actor"] == [{"code": "NOR", "sector": "GOV", "entity_text": "Norland government"}]
    assert consult["recipient"][0]["code"] == "SDN" and consult["event_loc"]["name"] == "Velmar"


@pytest.mark.parametrize("fmt", ["gdelt-events", "icews", "acled"])
def test_parquet_and_csv_containers_keep_the_schema(events_db, tmp_path, fmt):
    name = TSV.get(fmt, fmt)
    pq_path, csv_path = tmp_path / "x.parquet", tmp_path / "x.csv"
    export_interop(events_db, fmt, str(pq_path))
    export_interop(events_db, fmt, str(csv_path))
    schema = pq.read_schema(pq_path)
    expected = {"INTEGER": "int64", "FLOAT": "double", "STRING": "string", "DATE": "string"}
    assert [(f.name, str(f.type)) for f in schema] == [(n, expected[t]) for n, t in columns(name)]
    con = duckdb.connect()
    from_csv = con.execute("SELECT * FROM read_csv(?, header=true)", [str(csv_path)])
    assert [d[0] for d in from_csv.description] == [n for n, _ in columns(name)]
    assert len(from_csv.fetchall()) == con.execute("SELECT count(*) FROM read_parquet(?)", [str(pq_path)]).fetchone()[0]


def test_cli_export_formats_and_errors(events_db, tmp_path):
    result = runner.invoke(app, ["export", "--db", events_db, "--format", "gdelt-events"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert all(len(line.split("\t")) == 61 for line in result.stdout.splitlines())
    out = tmp_path / "p.jsonl"
    assert runner.invoke(app, ["export", "--db", events_db, "--format", "plover", "--out", str(out)]).exit_code == 0
    assert len(out.read_text().splitlines()) == 3
    bad = runner.invoke(app, ["export", "--db", events_db, "--format", "gdelt-evnts"])
    assert bad.exit_code == 2 and "unknown format" in bad.stderr


def test_a_database_without_events_exports_empty_files(tmp_path):
    from eventwire.store import Store

    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    for fmt in ("gdelt-events", "gdelt-mentions", "gkg", "icews", "plover", "acled"):
        assert export_interop(db, fmt, str(tmp_path / f"{fmt}.out")) == 0
    assert export_interop(db, "gdelt-events", str(tmp_path / "e.parquet")) == 0
    assert pq.read_table(tmp_path / "e.parquet").num_columns == 61


def test_gdelt_geography_resolution_follows_the_codebook():
    from eventwire.export.gdelt import _geo

    country_only = _geo({"name": "U.S.", "country": "USA"})
    assert country_only[:4] == (1, "United States", "US", "US")  # type 1: country; ADM1 is the FIPS code
    assert _geo({"name": "Texas", "country": "USA", "feature": "admin1"})[0] == 2
    assert _geo({"name": "Austin", "country": "USA", "feature": "city", "lat": 30.3, "lon": -97.7})[0] == 3
    city = _geo({"name": "Lima", "country": "PER", "feature": "city", "lat": -12.0, "lon": -77.0, "geonameid": 3936456})
    assert city == (4, "Lima, Peru", "PE", "", "", -12.0, -77.0, "3936456")
    assert _geo({"name": "Punjab", "country": "PAK", "feature": "admin1"})[0] == 5
    assert _geo(None)[0] == 0


def test_gkg_values_lose_only_their_own_field_delimiters(events_db, tmp_path):
    out = tmp_path / "gkg.tsv"
    export_interop(events_db, "gkg", str(out))
    text = out.read_text()
    assert "||We will not give in," in text  # commas stay in quotes (OFFSET|LENGTH|VERB|QUOTE)
    for line in text.splitlines():
        quotes = line.split("\t")[22]
        assert all(len(block.split("|")) == 4 for block in quotes.split("#") if block)


def test_fips_table_is_one_to_one_over_iso3_codes():
    import pycountry

    from eventwire.export.tables import _mapping

    table = _mapping("iso3_fips.tsv")
    assert len(table) > 240 and len(set(table.values())) == len(table)
    assert all(len(code) == 2 and code.isupper() for code in table.values())
    assert all(pycountry.countries.get(alpha_3=iso3) for iso3 in table if iso3 != "XKX")
    # the codes where FIPS differs from ISO 3166 alpha-2 are the ones that matter
    assert [fips(c) for c in ("DEU", "GBR", "CHN", "RUS", "SDN", "SSD", "IRQ", "AUS", "XKX", "xxx")] == \
        ["GM", "UK", "CH", "RS", "SU", "OD", "IZ", "AS", "KV", ""]


def test_flat_events_view_exports_as_parquet_with_typed_columns(events_db, tmp_path):
    out = tmp_path / "events.parquet"
    result = runner.invoke(app, ["export", "--db", events_db, "--table", "events_flat", "--format", "parquet",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    schema = {f.name: str(f.type) for f in pq.read_schema(out)}
    assert schema["source_country"] == "string" and schema["goldstein"] == "double" and schema["date"] == "date32[day]"
    assert pq.read_table(out).num_rows == 3  # the negated event is left out
