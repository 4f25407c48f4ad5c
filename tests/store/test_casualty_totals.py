"""`casualty_totals`: one total per article and kind by the rule of `kind_total`, so summing it counts once."""

from __future__ import annotations

import pytest

from eventwire.knowledge.quantities import kind_total
from eventwire.records import Quantity
from eventwire.store import Store
from eventwire.store.views import create_views


def _q(value, role=None, obj="people", value_max=None, kind="KILL"):
    return Quantity(kind, value, value_max, None, obj, f"{value} {obj}", 0, 1, role=role)


CASES = {
    "plain": [_q(4)],
    "mention_and_tally": [_q(1, obj="soldier"), _q(1, "total", "fatality")],
    "same_count_twice": [_q(3), _q(3)],
    "two_groups": [_q(5, obj="militants"), _q(2, obj="policemen")],
    "subset": [_q(9), _q(2, "part", "women")],
    "only_subsets": [_q(2, "part", "women"), _q(1, "part", "boy")],
    "definite_and_subset": [_q(1, "definite", "the chairman"), _q(1, "part", "driver")],
    "definite_beside_plain": [_q(1, "definite", "the man"), _q(3)],
    "stated_total_wins": [_q(2, obj="rebels"), _q(3, obj="soldiers"), _q(6, "total", "fatalities")],
    "range": [_q(2, value_max=4)],
    "unknown_only": [_q(None, "unknown", "militants")],
    "unknown_beside_known": [_q(None, "unknown", "civilians"), _q(7, obj="soldiers")],
}


@pytest.fixture(scope="module")
def totals(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("t") / "t.duckdb")) as store:
        for doc_id, qs in CASES.items():
            for i, q in enumerate(qs):
                store.con.execute("INSERT INTO quantities (doc_id, idx, kind, value, value_max, unit, object, text, start, "
                                  '"end", role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                                  [doc_id, i, q.kind, q.value, q.value_max, q.unit, q.object, q.text, q.start, q.end, q.role])
        assert "casualty_totals" in create_views(store.con)
        rows = store.con.execute("SELECT doc_id, total, total_max, counts, unknown FROM casualty_totals "
                                 "WHERE kind = 'KILL'").fetchall()
    return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("doc_id", list(CASES))
def test_the_view_applies_the_same_total_rule_as_kind_total(totals, doc_id):
    assert totals[doc_id][0] == kind_total(CASES[doc_id], "KILL")


def test_one_death_said_twice_sums_to_one(totals):
    assert totals["mention_and_tally"][0] == 1
    assert sum(t[0] for t in totals.values()) == sum(kind_total(qs, "KILL") for qs in CASES.values())


def test_a_range_keeps_its_high_end_and_an_unknown_number_is_flagged_not_zeroed(totals):
    assert totals["range"][:2] == (2, 4)
    assert totals["unknown_only"][2:] == (0, True)  # no known count, but a death of unknown number was said
    assert totals["unknown_beside_known"][0] == 7 and totals["unknown_beside_known"][3] is True
