"""Accuracy floors on the shared evaluation data (slow: run with -m slow). Floors sit just under the measured figures."""

from __future__ import annotations

import pytest

from eventwire.eval import knowledge as ev


@pytest.mark.slow
def test_acled_kill_counts_agree(shared):
    result = ev.casualties(shared / "eval" / "acled" / "bangladesh.jsonl")
    assert result["kill_exact"] >= 0.90
    assert result["no_kill_on_zero"] >= 0.95
    assert result["event_killed_exact"] >= 0.92 and result["events_sum_exact"] >= 0.92  # dev: 0.937 / 0.937


@pytest.mark.slow
def test_bbc_quotes_and_speakers(shared):
    result = ev.quotes(shared / "corpora" / "bbc")
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95
    heldout = ev.quotes(shared / "corpora" / "bbc", ev.HELDOUT)
    assert heldout["precision"] >= 0.95 and heldout["recall"] >= 0.93


@pytest.mark.slow
def test_bbc_quotes_on_the_second_heldout_set(shared):
    """Held-out 2 measured P 0.857 / R 0.874 untuned (round 1); round 2 developed on it (P 0.981 / R 0.981)."""
    heldout2 = ev.quotes(shared / "corpora" / "bbc", ev.HELDOUT2)
    assert heldout2["precision"] >= 0.97 and heldout2["recall"] >= 0.97


@pytest.mark.slow
def test_bbc_quotes_on_the_untuned_heldout_set(shared):
    """Held-out 3 was never used to develop rules; its floor sits just under P 0.936 / R 0.919, measured once the
    round-2 rules were frozen: a floor against regressions."""
    heldout3 = ev.quotes(shared / "corpora" / "bbc", ev.HELDOUT3)
    assert heldout3["precision"] >= 0.93 and heldout3["recall"] >= 0.91


@pytest.mark.slow
def test_plover_gsr_actor_codes(shared):
    result = ev.actors(shared / "eval" / "plover_gsr" / "dev.jsonl")
    assert result["country_accuracy"] >= 0.84
    assert result["sector_accuracy"] >= 0.74


def test_speaker_matching_rule():
    assert ev.same_speaker("Hewitt", "Patricia Hewitt")
    assert ev.same_speaker("QCA", "Qualifications and Curriculum Authority")
    assert not ev.same_speaker("Tony Blair", "Mr Blair's official spokesman")
    assert ev.same_speaker("Conservative Party", "Tories")
    assert not ev.same_speaker("Labour Party", "Tories")


def test_held_out_sets_pool_by_counts_not_by_averaging_ratios():
    a = {"articles": 10, "gold_quotes": 50, "predicted": 40, "span_tp": 40, "speaker_tp": 36, "found": 40, "speaker_right": 36}
    b = {"articles": 20, "gold_quotes": 100, "predicted": 110, "span_tp": 100, "speaker_tp": 88, "found": 100, "speaker_right": 90}
    both = ev.pooled(a, b)
    assert both["articles"] == 30 and both["gold_quotes"] == 150
    assert both["precision"] == pytest.approx((36 + 88) / (40 + 110))
    assert both["recall"] == pytest.approx((36 + 90) / 150)


def test_label_files_cover_disjoint_articles():
    import json

    sets = [json.loads(path.open(encoding="utf-8").readline())["labelled_files"] for path in (ev.LABELS, ev.HELDOUT, ev.HELDOUT2, ev.HELDOUT3)]
    assert [len(s) for s in sets] == [42, 10, 20, 20]
    assert len(set().union(*sets)) == 92
