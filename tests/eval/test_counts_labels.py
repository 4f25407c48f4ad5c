"""The count labels on our event sentences (eval/counts.py): ids and offsets only, one row per sentence, and
the figure of a sentence is its counts of one kind added up (an unknown number stays unknown)."""

from __future__ import annotations

import pytest

from eventwire.eval import counts
from eventwire.records import COUNT_FIELDS


def test_labels_are_ids_offsets_and_numbers_never_text():
    rows = counts.load()
    assert len(rows) == len({r["id"] for r in rows}) >= 150
    for row in rows:
        assert set(row) == {"id", "doc", "start", "end", "counts"}
        for c in row["counts"]:
            assert c["kind"] in COUNT_FIELDS and row["start"] <= c["start"] < c["end"] <= row["end"] + 1
            assert set(c) <= {"kind", "value", "max", "open", "start", "end"}


def test_a_sentence_figure_adds_its_groups_and_keeps_unknown_numbers_unknown():
    row = {"counts": [{"kind": "killed", "value": 5}, {"kind": "killed", "value": 2}, {"kind": "wounded", "value": None}]}
    assert counts.gold_figures(row) == {"killed": 7, "wounded": None}


@pytest.mark.slow
def test_counts_on_our_dev_sentences(shared):
    result = counts.evaluate("dev")
    assert result["killed"]["clean"] >= 0.95 and result["arrested"]["clean"] >= 0.95
