"""GDELT files carry CAMEO actor types, never PLOVER-only sector codes."""

from __future__ import annotations

from eventwire.export.gdelt import _actor
from eventwire.export.tables import cameo_type

#: CAMEO 1.1b3 actor type codes (and the international ones GDELT uses).
CAMEO_TYPES = set("COP GOV INS JUD LEG MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB MED "
                  "MNC MOD RAD REF REL UIS IGO IMG INT NGM NGO UNO PKO".split())


def test_plover_sectors_become_cameo_types():
    assert cameo_type("JRN") == "MED"  # journalists: CAMEO's media code
    assert cameo_type("MED") == "HLH"  # health: CAMEO's medical code
    assert cameo_type("PTY") == ""  # CAMEO has no party type
    assert cameo_type("gov") == "GOV"


def test_gdelt_actor_fields_use_only_cameo_codes():
    for sector in "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN MED LAB REF OPP PRE REL SOC".split():
        code, name, country, *_, type1, _, _ = _actor({"name": "x", "country": "GBR", "sector": sector})
        assert type1 in CAMEO_TYPES | {""}, sector
        assert code == "GBR" + type1


def test_an_international_bodys_own_staff_is_coded_as_the_body():
    from eventwire.export.gdelt import _actor

    assert _actor({"country": "IGO", "sector": "IGO", "name": "UN"})[:3] == ("IGO", "UN", "IGO")
    assert _actor({"country": "GBR", "sector": "PTY", "name": "Labour"})[0] == "GBR"  # no PLOVER-only code


def _manual_sectors(shared) -> set[str]:
    """The sector codes of the PLOVER manual's "Sector Codes" table."""
    import re

    tex = (shared / "reference" / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    table = tex[tex.index(r"\section{Sector Codes}"):tex.index(r"\subsection{Sector code notes}")]
    return set(re.findall(r"^\s*([A-Z]{3}) &", table, flags=re.M))


def _lexicon_sectors() -> set[str]:
    """Every sector code eventwire's knowledge lexicons can give an actor (also CAMEO leftovers such as MUS)."""
    from eventwire import datafiles

    def column(name: str, index: int) -> set[str]:
        return {row[index] for row in datafiles.read_tsv("eventwire.knowledge", name) if len(row) > index}

    roles = {role.split()[1] for row in datafiles.read_tsv("eventwire.knowledge", "kb_actors.tsv")[1:]
             for role in row[2].split("|") if len(role.split()) > 1}
    found = column("sectors.tsv", 1) | column("kb_agents.tsv", 1) | column("leaders.tsv", 2) | \
        column("nonstate_terms.tsv", 1) | column("organisations.tsv", 2) | roles
    return {code for code in found if len(code) == 3 and code.isupper()}


def test_every_plover_sector_has_a_cameo_type_or_none_and_an_icews_name(shared):
    from eventwire.export.tables import sector_name

    sectors = _manual_sectors(shared)
    assert {"COP", "GOV", "JRN", "PTY", "PRE", "SOC", "UNK"} <= sectors and len(sectors) >= 25
    for code in sectors:
        assert cameo_type(code) in CAMEO_TYPES or code in ("PTY", "UNK", "PRE"), code  # CAMEO has no such type
        assert sector_name(code) and sector_name(code) != code, code


def test_no_sector_an_actor_can_get_is_written_as_a_plover_only_code(shared):
    from eventwire.export.tables import _mapping, sector_name

    plover_only = _manual_sectors(shared) - CAMEO_TYPES
    assert {"JRN", "PTY", "PRM", "SOC", "UNK", "PRE"} <= plover_only
    icews_names = set(_mapping("icews_sectors.tsv").values())
    for code in _lexicon_sectors() | plover_only:
        assert cameo_type(code) in CAMEO_TYPES | {""}, code
        assert sector_name(code) in icews_names | {""}, code  # an ICEWS name or blank, never the raw code


def test_gdelt_and_icews_files_carry_no_plover_only_code(tmp_path, shared):
    import csv

    from eventwire.export import export_interop
    from eventwire.records import Document, Source
    from eventwire.store import Store
    from tests.export.conftest import _event

    text = "Reporters met party officials."
    sectors = sorted(_manual_sectors(shared) | _lexicon_sectors())
    doc = Document(id="d", url="https://x.example/d", title=None, date="2024-01-02", site="x.example", authors=[],
                   language="en", text=text)
    doc.events = [_event(text, text, "CONSULT", "040", 1.0, 1, {"name": "a", "country": "GBR", "sector": s},
                         {"name": "b", "sector": s}, None) for s in sectors]
    db = str(tmp_path / "sectors.duckdb")
    with Store(db) as store:
        store.write([(Source("d", "/d.txt", doc.url, "text", 0, "d", len(text)), doc, "test")])
    plover_only = _manual_sectors(shared) - CAMEO_TYPES
    gdelt, icews = tmp_path / "e.tsv", tmp_path / "i.tab"
    assert export_interop(db, "gdelt-events", str(gdelt)) == len(sectors)
    for line in gdelt.read_text().splitlines():
        cells = line.split("\t")
        codes = {cells[5][3:], cells[15], *cells[12:15], *cells[22:25]}  # code tails and the Type1-3 fields
        assert not codes & plover_only, codes & plover_only
    export_interop(db, "icews", str(icews))
    icews_sectors = {r[k] for r in csv.DictReader(icews.open(), delimiter="\t") for k in ("Source Sectors", "Target Sectors")}
    assert not icews_sectors & (_manual_sectors(shared) | _lexicon_sectors())  # names, never raw codes
