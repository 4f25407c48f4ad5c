"""Actor and action geography: filled when a place is known, a country's point for a country-level place."""

from __future__ import annotations

import csv

import pycountry
import pytest

from eventwire.export import export_interop
from eventwire.export.places import actor_place, centroid, placed
from eventwire.export.tables import columns
from eventwire.records import Document, Source
from eventwire.store import Store
from tests.export.conftest import _event
from tests.export.test_interop import read_typed

TEXT = "Sudria accused Norland of lying. Norland rejected the claim."
SUDRIA = {"name": "Sudria", "country": "SDN", "sector": "GOV"}
NORLAND = {"name": "Norland", "country": "NOR", "sector": "GOV"}
# as an older database stores a country named in the text: no feature class, no coordinates
IN_SUDAN = {"name": "Sudria", "country": "SDN", "lat": None, "lon": None, "start": 0, "end": 6}


@pytest.fixture(scope="module")
def country_db(tmp_path_factory) -> str:
    doc = Document(id="doc-c", url="https://news.example/c", title=None, date="2024-05-06", site="news.example",
                   authors=[], language="en", text=TEXT)
    doc.events = [
        _event(TEXT, "Sudria accused Norland of lying.", "ACCUSE", "112", -2.0, 3, SUDRIA, NORLAND, IN_SUDAN),
        _event(TEXT, "Norland rejected the claim.", "REJECT", "120", -4.0, 3, NORLAND, SUDRIA, None),
    ]
    path = str(tmp_path_factory.mktemp("geo") / "country.duckdb")
    with Store(path) as store:
        store.write([(Source(doc.id, "/c.html", doc.url, "html", 0, doc.id, len(TEXT)), doc, "test")])
    return path


def _gdelt(db, tmp_path) -> dict[str, dict]:
    out = tmp_path / "e.tsv"
    export_interop(db, "gdelt-events", str(out))
    rel = read_typed(out, columns("gdelt_events"), header=False)
    names = [d[0] for d in rel.description]
    return {row[names.index("EventCode")]: dict(zip(names, row)) for row in rel.fetchall()}


def _geo(row: dict, prefix: str) -> tuple:
    return tuple(row[f"{prefix}_{field}"] for field in ("Type", "FullName", "CountryCode", "Lat", "Long"))


def test_actor_geo_is_the_events_place_when_it_is_known(events_db, tmp_path):
    rows = _gdelt(events_db, tmp_path)
    velmar = (4, "Velmar, Norway", "NO", pytest.approx(59.9), pytest.approx(10.7))
    consult, arrest = rows["040"], rows["173"]
    assert _geo(consult, "Actor1Geo") == _geo(consult, "Actor2Geo") == _geo(consult, "ActionGeo") == velmar
    assert consult["Actor1Geo_FeatureID"] == "3143244"
    assert _geo(arrest, "Actor1Geo") == velmar and arrest["Actor2Geo_Type"] == 0  # no recipient, no place


def test_a_country_level_place_has_its_countrys_point(country_db, tmp_path):
    lat, lon = centroid("SDN")
    accuse = _gdelt(country_db, tmp_path)["112"]
    sudan = (1, "Sudan", "SU", pytest.approx(lat), pytest.approx(lon))
    assert _geo(accuse, "ActionGeo") == _geo(accuse, "Actor1Geo") == _geo(accuse, "Actor2Geo") == sudan
    assert accuse["ActionGeo_FeatureID"] == "SU"  # GDELT's country-level feature id is the FIPS code


def test_without_an_event_place_each_actor_is_placed_in_its_own_country(country_db, tmp_path):
    reject = _gdelt(country_db, tmp_path)["120"]
    assert reject["ActionGeo_Type"] == 0 and reject["ActionGeo_Lat"] is None
    assert _geo(reject, "Actor1Geo")[:3] == (1, "Norway", "NO")
    assert (reject["Actor1Geo_Lat"], reject["Actor1Geo_Long"]) == pytest.approx(centroid("NOR"))
    assert _geo(reject, "Actor2Geo")[:3] == (1, "Sudan", "SU")


def test_icews_and_polecat_give_a_country_level_place_its_countrys_point(country_db, tmp_path):
    lat, lon = centroid("SDN")
    for fmt in ("icews", "polecat"):
        out = tmp_path / f"{fmt}.tsv"
        export_interop(country_db, fmt, str(out))
        rows = list(csv.DictReader(out.open(), delimiter="\t"))
        placed_row = next(r for r in rows if r["Country"] in ("Sudan", "SDN"))
        assert (float(placed_row["Latitude"]), float(placed_row["Longitude"])) == pytest.approx((lat, lon)), fmt
        assert placed_row["City"] == ""  # a country is no city


def test_actor_place_never_invents_a_country_for_an_international_body():
    assert actor_place({"name": "UN", "country": "IGO", "sector": "IGO"}, None) is None
    assert actor_place({"name": "UN", "country": "IGO"}, {"name": "Geneva", "country": "CHE", "lat": 46.2,
                                                          "lon": 6.1, "feature": "city"})["name"] == "Geneva"
    assert actor_place(None, {"name": "Geneva", "country": "CHE"}) is None
    assert placed({"name": "Texas", "country": "USA", "feature": "admin1"}).get("lat") is None  # only countries


def test_every_country_point_is_a_real_code_and_lies_in_its_country():
    from eventwire.export.places import _centroids

    table = _centroids()
    assert len(table) > 240
    assert all(pycountry.countries.get(alpha_3=code) or code == "XKX" for code in table)
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in table.values())
    boxes = {"GBR": (49.9, 59, -8.2, 1.8), "USA": (24.5, 49.5, -125, -66.9), "NOR": (57.9, 71.2, 4.6, 31.1),
             "IDN": (-11, 6, 95, 141), "HRV": (42.4, 46.6, 13.5, 19.5), "FJI": (-21, -12, 176, 180),
             "RUS": (41, 82, 19, 180), "CHL": (-56, -17.5, -76, -66.4)}
    for code, (south, north, west, east) in boxes.items():
        lat, lon = table[code]
        assert south <= lat <= north and west <= lon <= east, code


@pytest.mark.slow
def test_the_country_points_are_what_the_tool_writes(capsys):
    import importlib.util
    from pathlib import Path

    import eventwire.export

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("country_centroids", root / "tools" / "country_centroids.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.main()
    shipped = Path(eventwire.export.__file__).parent / "data" / "country_centroids.tsv"
    assert capsys.readouterr().out == shipped.read_text(encoding="utf-8")
