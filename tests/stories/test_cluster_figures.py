"""Clustering is incremental and time-aware; figures follow one count over a storyline's dates."""

from __future__ import annotations

from datetime import datetime, timedelta

from eventwire.eval.stories import bcubed
from eventwire.stories.cluster import Clusterer
from eventwire.stories.terms import term_counts
from eventwire.stories.figures import baseline, figures

T0 = datetime(2024, 3, 1)


def test_articles_about_one_happening_join_one_story():
    c = Clusterer()
    texts = ["Police raid cartel hideout in Culiacan, arrest 12", "Culiacan raid: police arrest 12 cartel suspects",
             "Japan pledges aid for Sudan at Geneva conference", "Geneva donors: Japan pledges Sudan aid"]
    bags = [term_counts(t, None, ()) for t in texts]
    c.count(bags)
    ids = [c.add(f"d{i}", b, T0 + timedelta(hours=i))[0] for i, b in enumerate(bags)]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_the_same_words_a_month_later_start_a_new_story():
    c = Clusterer()
    bag = term_counts("Police raid cartel hideout in Culiacan", None, ())
    c.count([bag, bag])
    first, _ = c.add("a", bag, T0)
    later, _ = c.add("b", bag, T0 + timedelta(days=30))
    assert first != later


def test_bcubed_of_a_perfect_and_a_lumped_clustering():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"})["f1"] == 1.0
    assert round(bcubed(gold, {"a": "x", "b": "x", "c": "x"})["precision"], 3) == 0.556


def test_a_count_since_a_year_becomes_a_figure_over_time():
    texts = {"old": "Since 2006, Mexico has suffered 3,000 drug-related killings. Other text.",
             "new": "Violence has killed 34,000 Mexicans since 2006. It said 12 were arrested."}
    quantities = [
        {"doc_id": "old", "kind": "KILL", "value": 3000, "unit": None, "text": "3,000", "start": 31, "end": 36},
        {"doc_id": "new", "kind": "KILL", "value": 34000, "unit": None, "text": "34,000", "start": 20, "end": 26},
        {"doc_id": "new", "kind": "ARREST", "value": 12, "unit": None, "text": "12", "start": 58, "end": 60},
    ]
    (figure,) = figures(quantities, texts, {"old": "2007-08-08", "new": "2011-03-03"})
    assert figure.kind == "KILL" and figure.since == "2006"
    assert [(p.date, p.value) for p in figure.points] == [("2007-08-08", 3000), ("2011-03-03", 34000)]


def test_baseline_reads_since_a_month_and_year():
    assert baseline("killed since March 2011 in the north") == "2011"
    assert baseline("killed this year") is None
