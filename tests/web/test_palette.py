"""The explorer's colours (web/static/palette.json) stay distinct for colour-blind readers, and every
PLOVER type and sector gets a colour-and-mark of its own."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from eventwire.events.tables import PLOVER_TYPES
from tests.web.colour_vision import SIMULATIONS, ciede2000, closest_pair, lab

PALETTE = json.loads((resources.files("eventwire.web") / "static" / "palette.json").read_text("utf-8"))
#: The PLOVER manual's "Sector Codes" table, and the non-state codes this project writes as sectors.
PLOVER_SECTORS = ("COP GOV JUD LEG MIL PRM PTY REB SPY UAF AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC "
                  "IGO NGO").split()
OLD_TYPE_COLOURS = ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7",
                    "#9c755f", "#bab0ab"]  # d3.schemeTableau10, the explorer's type colours before issue 22


@pytest.mark.parametrize("lab1, lab2, expected", [  # Sharma, Wu & Dalal (2005), table 1, pairs 1, 7, 17, 25
    ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
    ((50, 0, 0), (50, -1, 2), 2.3669),
    ((50, 2.5, 0), (73, 25, -18), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
])
def test_ciede2000_matches_the_published_test_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_the_simulation_merges_red_and_green_for_deuteranopes_only():
    normal = ciede2000(lab("#d62728"), lab("#2ca02c"))
    deutan = ciede2000(lab("#d62728", "deuteranopia"), lab("#2ca02c", "deuteranopia"))
    assert normal > 50 and deutan < normal / 3
    assert ciede2000(lab("#777777", "protanopia"), lab("#777777")) < 1  # greys are left alone


@pytest.mark.parametrize("vision", sorted(SIMULATIONS))
def test_every_colour_differs_from_every_other_by_at_least_10(vision):
    distance, a, b = closest_pair(PALETTE["colours"] + [PALETTE["none"]], vision)
    assert distance >= 10, f"{a} and {b} are only {distance:.1f} apart with {vision}"


def test_the_old_type_colours_fail_the_same_check():
    assert closest_pair(OLD_TYPE_COLOURS, "deuteranopia")[0] < 5


def test_each_plover_type_has_its_own_colour_and_pattern():
    order = PALETTE["plover"]["order"]
    assert tuple(order) == PLOVER_TYPES
    marks = {(PALETTE["colours"][i % 8], i >= 8) for i, _ in enumerate(order)}
    assert len(marks) == 16
    half = len(order) // 2
    assert len({PALETTE["colours"][i % 8] for i in range(half)}) == half  # the cooperation half: all colours differ


def test_each_sector_has_its_own_colour_and_symbol():
    families = PALETTE["sectors"]["families"]
    symbols = PALETTE["sectors"]["symbols"]
    seen: dict[str, tuple[int, str]] = {}
    for family in families:
        assert len(family["sectors"]) <= len(symbols), family["name"]
        for i, code in enumerate(family["sectors"]):
            assert code not in seen, f"{code} is in two families"
            seen[code] = (family["colour"], symbols[i])
    assert len(set(seen.values())) == len(seen)
    assert len({f["colour"] for f in families}) == len(families) <= len(PALETTE["colours"])
    assert set(PLOVER_SECTORS) <= set(seen)
