"""Accuracy floors on the shared evaluation data (slow: run with -m slow). Floors sit just under the measured figures."""

from __future__ import annotations

import pytest

from eventwire.eval import knowledge as ev


@pytest.mark.slow
def test_acled_kill_counts_agree(shared):
    result = ev.casualties(shared / "eval" / "acled" / "bangladesh.jsonl")
    assert result["kill_exact"] >= 0.90
    assert result["no_kill_on_zero"] >= 0.95


@pytest.mark.slow
def test_bbc_quotes_and_speakers(shared):
    result = ev.quotes(shared / "corpora" / "bbc")
    assert result["precision"] >= 0.90 and result["recall"] >= 0.85
    heldout = ev.quotes(shared / "corpora" / "bbc", ev.HELDOUT)
    assert heldout["precision"] >= 0.80 and heldout["recall"] >= 0.78


@pytest.mark.slow
def test_plover_gsr_actor_codes(shared):
    result = ev.actors(shared / "eval" / "plover_gsr" / "dev.jsonl")
    assert result["country_accuracy"] >= 0.84
    assert result["sector_accuracy"] >= 0.74


def test_speaker_matching_rule():
    assert ev.same_speaker("Hewitt", "Patricia Hewitt")
    assert ev.same_speaker("QCA", "Qualifications and Curriculum Authority")
    assert not ev.same_speaker("Tony Blair", "Mr Blair's official spokesman")
