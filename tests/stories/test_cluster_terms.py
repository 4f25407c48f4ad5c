"""Clustering terms: digit runs, single letters and stop words dropped, plurals and possessives off,
hyphenated compounds whole; and reports of one happening worded differently still meet."""

from __future__ import annotations

from datetime import datetime, timedelta

from eventwire.stories.cluster import Clusterer
from eventwire.stories.terms import term_counts
from eventwire.stories.terms import term, tokens

T0 = datetime(2024, 5, 2, 9)


def test_digit_runs_stop_words_plurals_and_possessives():
    assert tokens("Flu cases pass 3.5M in the Governor's state") == ["flu", "case", "pass", "governor", "state"]
    assert tokens("Senators' bills and the party's policies") == ["senator", "bill", "party", "policy"]
    assert tokens("Q4 sales of the G7 states") == ["q4", "sale", "g7", "state"]
    assert tokens("Calderón visits Calderon") == ["calderon", "visit", "calderon"]
    assert tokens("") == [] and tokens(None) == []


def test_a_hyphenated_compound_is_one_term():
    assert tokens("Harbor-Bridge toll plan stalls") == ["harbor-bridge", "toll", "plan", "stall"]
    assert tokens("Non-profit feeds the city") == ["non-profit", "feed", "city"]


def test_one_word_is_a_term_or_nothing():
    assert term("mayors") == "mayor"
    assert term("the") is None and term("x") is None and term("2024") is None and term("-") is None


def test_reports_with_other_plurals_and_possessives_make_one_story():
    first = term_counts("Council approves the harbor merger", None, ())
    second = term_counts("Harbor's mergers approved by councils", None, ())
    other = term_counts("Storm closes schools across the valley", None, ())
    c = Clusterer()
    c.count([first, second, other])
    a, _ = c.add("a", first, T0)
    b, score = c.add("b", second, T0 + timedelta(minutes=20))
    d, _ = c.add("d", other, T0 + timedelta(minutes=30))
    assert a == b and score >= 0.25
    assert d != a
