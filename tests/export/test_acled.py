"""`export --format acled`: ACLED's column names, PLOVER→ACLED types by the data file, one fatality figure per event.

The database is built by the real pipeline (`eventwire.run`) from a few sentences written here.
"""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import eventwire
from eventwire.cli import app
from eventwire.export import export_interop
from eventwire.export.acled import acled_type, fatalities, sentence_fatalities
from eventwire.export.tables import acled_types, columns

#: ACLED Codebook (2023), "Data columns", in the order of ACLED's export files.
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp"]
#: ACLED Codebook (2023), "Event types and sub-event types".
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
#: The PLOVER manual's 16 event types.
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

ARTICLES = [
    {"url": "https://wire.example/a", "date": "2024-03-04", "title": "Attack in Kandahar",
     "text": "Soldiers killed five civilians in Kandahar on Sunday, police said. Police arrested 20 protesters "
             "in Kabul.\nOne soldier was killed in the ambush in Herat (1 fatality). The president met the "
             "Iranian foreign minister in Kabul."},
    {"url": "https://daily.example/b", "date": "2024-03-05", "title": "Clashes",
     "text": "Thousands of students protested in Dhaka against the new law. Rebels attacked an army patrol near "
             "Goma, killing 12 soldiers. Seven people, including two women, were killed in a market in Idlib."},
]
runner = CliRunner()


@pytest.fixture(scope="module")
def acled_db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("acled")
    corpus = folder / "articles.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = str(folder / "acled.duckdb")
    eventwire.run([str(corpus)], db=db)
    return db


@pytest.fixture(scope="module")
def rows(acled_db, tmp_path_factory) -> dict[str, dict]:
    """Exported rows by their notes (the evidence sentence)."""
    out = tmp_path_factory.mktemp("acled_out") / "acled.csv"
    export_interop(acled_db, "acled", str(out))
    with open(out, newline="", encoding="utf-8") as fh:
        read = list(csv.DictReader(fh))
    by_notes = {r["notes"]: r for r in read}
    assert len(by_notes) == len(read), "one row per event: no sentence is exported twice"
    return by_notes


def _row(rows: dict[str, dict], start: str) -> dict:
    found = [r for notes, r in rows.items() if notes.startswith(start)]
    assert len(found) == 1, (start, list(rows))
    return found[0]


def test_columns_are_named_and_ordered_as_in_acleds_codebook(acled_db, tmp_path):
    names = [n for n, _ in columns("acled")]
    assert set(names) <= set(ACLED_COLUMNS)
    assert names == [c for c in ACLED_COLUMNS if c in names]
    assert {"event_type", "sub_event_type", "actor1", "actor2", "notes", "fatalities", "latitude"} <= set(names)
    out = tmp_path / "acled.csv"
    export_interop(acled_db, "acled", str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0] == ",".join(names)


def test_native_file_is_csv_with_a_header_and_parquet_is_typed(acled_db, tmp_path):
    result = runner.invoke(app, ["export", "--db", acled_db, "--format", "acled"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year,event_type,sub_event_type,")
    out = tmp_path / "acled.parquet"
    result = runner.invoke(app, ["export", "--db", acled_db, "--format", "acled", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    assert table.num_rows == len(lines) - 1 > 0


def test_pipeline_events_get_acled_types_and_actors(rows):
    civilians = _row(rows, "Soldiers killed five civilians")
    assert (civilians["event_type"], civilians["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (civilians["actor1"], civilians["actor2"]) == ("Soldiers", "five civilians")
    assert civilians["country"] == "Afghanistan" and civilians["location"].startswith("Kandah")
    assert civilians["geo_precision"] == "1" and float(civilians["latitude"]) == pytest.approx(31.6, abs=0.1)
    assert civilians["event_date"] == "2024-03-03" and civilians["year"] == "2024"  # "on Sunday"
    assert civilians["source"] == "wire.example" and civilians["event_id_cnty"].startswith("AFG")
    assert int(civilians["timestamp"]) > 1_700_000_000
    battle = _row(rows, "Rebels attacked an army patrol")
    assert (battle["event_type"], battle["sub_event_type"]) == ("Battles", "Armed clash")
    arrest = _row(rows, "Police arrested 20 protesters")
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")


def test_protesters_are_named_as_acled_names_them(rows):
    protest = _row(rows, "Thousands of students protested")
    assert (protest["event_type"], protest["sub_event_type"]) == ("Protests", "Peaceful protest")
    assert (protest["actor1"], protest["assoc_actor_1"]) == ("Protesters (Bangladesh)", "students")


def test_countries_are_named_as_acled_names_them(rows):
    assert _row(rows, "Rebels attacked an army patrol")["country"] == "Democratic Republic of Congo"
    assert _row(rows, "Seven people, including two women")["country"] == "Syria"


def test_verbal_cooperation_is_left_out(rows):
    assert not [n for n in rows if n.startswith("The president met")]


def test_fatalities_come_from_the_sentences_kill_count_once(rows):
    assert _row(rows, "Soldiers killed five civilians")["fatalities"] == "5"
    assert _row(rows, "Rebels attacked an army patrol")["fatalities"] == "12"
    # the sentence states its one death twice: "One soldier was killed" and "(1 fatality)"
    assert _row(rows, "One soldier was killed in the ambush")["fatalities"] == "1"
    # a subset is not a second count
    assert _row(rows, "Seven people, including two women")["fatalities"] == "7"


def test_fatalities_are_zero_when_the_sentence_reports_none(rows):
    assert _row(rows, "Thousands of students protested")["fatalities"] == "0"
    assert _row(rows, "Police arrested 20 protesters")["fatalities"] == "0"  # arrests are not deaths


def test_a_sentence_gives_a_stated_total_else_its_largest_count_never_a_sum():
    assert sentence_fatalities([]) is None
    assert sentence_fatalities([{"value": 3.0, "role": None}, {"value": 3.0, "role": None}]) == 3
    assert sentence_fatalities([{"value": 5.0, "role": None}, {"value": 2.0, "role": None}]) == 5
    assert sentence_fatalities([{"value": 2.0, "role": "part"}, {"value": 9.0, "role": "total"},
                                {"value": 12.0, "role": None}]) == 9
    assert sentence_fatalities([{"value": 2.0, "role": "part"}]) == 2


def test_a_merged_event_takes_its_latest_reports_figure_not_the_sum():
    early = {"doc_id": "d1", "start": 0, "end": 50, "sentence": "Three were killed."}
    late = {"doc_id": "d2", "start": 100, "end": 160, "sentence": "The toll rose to five."}
    silent = {"doc_id": "d3", "start": 0, "end": 40, "sentence": "Fighting went on."}
    kills = {"d1": [{"value": 3.0, "role": None, "start": 5, "end": 20}],
             "d2": [{"value": 5.0, "role": None, "start": 120, "end": 130},
                    {"value": 7.0, "role": None, "start": 200, "end": 210}]}  # another sentence of d2
    assert fatalities([early, late, silent], kills) == (5, late)
    assert fatalities([early, silent], kills) == (3, early)
    assert fatalities([silent], kills) == (0, silent)


@pytest.mark.parametrize("plover, mode, target, expected", [
    ("ASSAULT", None, {"name": "soldiers", "sector": "MIL"}, ("Battles", "Armed clash")),
    ("ASSAULT", None, {"name": "villagers", "sector": "CVL"}, ("Violence against civilians", "Attack")),
    ("ASSAULT", None, None, ("Battles", "Armed clash")),  # PLOVER: two-sided violence has no recipient
    ("ASSAULT", None, {"name": "Goma", "country": "COD", "sector": None}, ("Battles", "Armed clash")),
    ("ASSAULT", "aerial", {"name": "villagers", "sector": "CVL"}, ("Explosions/Remote violence", "Air/drone strike")),
    ("ASSAULT", "explosives", None, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("ASSAULT", "abduct", {"name": "a journalist", "sector": "JRN"},
     ("Violence against civilians", "Abduction/forced disappearance")),
    ("PROTEST", "riot", None, ("Riots", "Violent demonstration")),
    ("PROTEST", None, None, ("Protests", "Peaceful protest")),
    ("PROTEST", "boycott", None, None),
    ("COERCE", "arrest", None, ("Strategic developments", "Arrests")),
    ("COERCE", "censor", None, None),
    ("MOBILIZE", "troops", None, ("Strategic developments", "Other")),
    ("RETREAT", "ceasefire", None, ("Strategic developments", "Agreement")),
    ("AGREE", None, None, None),
    ("THREATEN", "violence", None, None),
])
def test_plover_type_mode_and_recipient_map_to_acleds_categories(plover, mode, target, expected):
    assert acled_type(plover, mode, target, {"name": "soldiers", "sector": "MIL"}) == expected


@pytest.mark.parametrize("source, expected", [
    ({"name": "supporters", "country": "BGD", "sector": "PTY"}, ("Riots", "Mob violence")),
    ({"name": "the government", "country": "BGD", "sector": "GOV"}, ("Violence against civilians", "Attack")),
    ({"name": "police", "sector": "COP"}, ("Violence against civilians", "Attack")),
    ({"name": "unidentified assailants", "sector": None}, ("Violence against civilians", "Attack")),
    (None, ("Violence against civilians", "Attack")),
])
def test_the_actor_decides_between_mob_violence_and_an_attack(source, expected):
    """Violence by an unarmed, disorganised actor (supporters, villagers) is ACLED's Mob violence."""
    assert acled_type("ASSAULT", None, {"name": "a shopkeeper", "sector": "BUS"}, source) == expected


def test_the_mapping_file_uses_only_acleds_categories_and_covers_every_plover_type():
    table = acled_types()
    for plover, modes, actors, targets, event_type, sub_event_type in table:
        assert plover in PLOVER_TYPES
        assert actors | targets <= {"*", "armed", "unarmed", "unknown", "none"}
        if event_type != "-":
            assert sub_event_type in ACLED_TYPES[event_type], (plover, modes, event_type, sub_event_type)
    assert {row[0] for row in table} == PLOVER_TYPES  # each type decided: mapped or left out
    # an unlisted mode falls through to the type's default row (ASSAULT's: one per recipient class)
    defaults = {(p, t) for p, modes, actors, targets, _, _ in table if "*" in modes and "*" in actors
                for t in targets}
    assert all((p, "*") in defaults for p in PLOVER_TYPES - {"ASSAULT"})
    assert {("ASSAULT", t) for t in ("armed", "unarmed", "unknown", "none")} <= defaults


def test_a_database_without_merged_events_exports_each_raw_event(events_db, tmp_path):
    """The fictional store-written corpus (conftest): no stories stage, so every live raw event is a row."""
    out = tmp_path / "acled.csv"
    export_interop(events_db, "acled", str(out))
    with open(out, newline="", encoding="utf-8") as fh:
        read = list(csv.DictReader(fh))
    shelling = next(r for r in read if r["notes"].startswith("Troops of Norland shelled"))
    assert shelling["fatalities"] == "3" and shelling["actor1"] == "Norland troops"
    assert shelling["location"] == "Port Aster" and shelling["geo_precision"] == ""  # no coordinates
    assert shelling["country"] == "Sudan" and shelling["event_id_cnty"].startswith("SDN")
    assert not [r for r in read if r["notes"].startswith("Ministers of Norland met")]  # CONSULT: left out
