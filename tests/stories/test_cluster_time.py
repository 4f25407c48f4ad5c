"""Time awareness of the clusterer: a burst stays one story, the same words half a day later do not,
and two established stories are not folded together on a middling similarity."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from eventwire.stories.cluster import FRAGMENT, Clusterer, StoryState
from eventwire.stories.terms import term_counts

T0 = datetime(2024, 3, 1)


def test_similarity_halves_every_half_life_beyond_the_spread_of_recent_articles():
    c = Clusterer(half_life_hours=6)
    story = StoryState("s", {"x": 1.0}, 3, T0, T0 + timedelta(hours=2), active=T0 + timedelta(hours=1),
                       spread=timedelta(hours=1))
    assert c.decay(story, T0 + timedelta(hours=2)) == 1.0
    assert c.decay(story, T0 + timedelta(hours=8)) == 0.5
    assert c.decay(story, T0 + timedelta(hours=14)) == 0.25
    assert c.decay(story, T0 - timedelta(hours=6)) == 0.5


def test_one_late_article_does_not_reopen_a_burst():
    c = Clusterer()
    bag = Counter({"cosmos": 3, "tyson": 3})
    c.count([bag] * 21)
    for i in range(20):
        c.add(f"d{i}", bag, T0 + timedelta(minutes=i))
    (story,) = c.stories.values()
    c.add("late", bag, T0 + timedelta(hours=10))
    assert story.last == T0 + timedelta(hours=10)
    assert c.decay(story, T0 + timedelta(hours=22)) < 0.25


def test_a_follow_up_a_day_later_starts_a_new_story_but_a_steady_flow_keeps_one():
    bag = term_counts("Stocks slip on weak China trade data", None, ())
    c = Clusterer()
    c.count([bag] * 6)
    hourly = {c.add(f"h{i}", bag, T0 + timedelta(hours=3 * i))[0] for i in range(5)}
    next_day, _ = c.add("late", bag, T0 + timedelta(hours=12 + 24))
    assert len(hourly) == 1 and next_day not in hourly


def test_two_big_related_stories_are_not_folded_together():
    c = Clusterer()
    a = Counter({"titanfall": 3, "review": 3, "game": 1})
    b = Counter({"xbox": 3, "titanfall": 1, "interview": 3, "game": 1})
    n = FRAGMENT + 2
    c.count([a] * n + [b] * n)
    ids_a = {c.add(f"a{i}", a, T0)[0] for i in range(n)}
    ids_b = {c.add(f"b{i}", b, T0)[0] for i in range(n)}
    moved = c.consolidate(threshold=0.0)
    assert len(ids_a) == len(ids_b) == 1 and ids_a != ids_b
    assert moved == {}


def test_story_halves_split_by_gold_id_not_by_article():
    from eventwire.eval.stories import story_half, time_switches

    assert {story_half("a"), story_half("b"), story_half("c"), story_half("d")} == {0, 1}
    rows = [{"STORY": s, "TIMESTAMP": str(t)} for t, s in enumerate("aabbba")]
    assert time_switches(rows) == 2
