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
