"""`eventwire eval stories` floors (slow: they run on the shared data)."""

from __future__ import annotations

import pytest

from eventwire.eval.stories import eval_clustering, eval_copies, eval_speed, read_uci


@pytest.mark.slow
def test_copies_of_bbc_articles_are_found_precisely(shared):
    result = eval_copies(shared / "corpora" / "bbc")
    assert result["precision"] >= 0.98 and result["recall"] >= 0.98


@pytest.mark.slow
def test_uci_story_clustering_floor(shared):
    """Target 0.90: measured 0.904 B-cubed F1 on the whole file with the default static headline
    vectors (0.899 on words and names alone)."""
    result = eval_clustering(shared / "eval" / "stories" / "uci-news-aggregator-sample.csv")
    assert result["f1"] >= 0.90


@pytest.mark.slow
def test_uci_held_out_half_and_time_blind_floors(shared):
    """Held-out half (parameters were chosen on half 0) measured 0.922; text alone (no time) 0.803."""
    path = shared / "eval" / "stories" / "uci-news-aggregator-sample.csv"
    assert eval_clustering(path, half=1)["f1"] >= 0.90
    assert eval_clustering(path, mode="blind")["f1"] >= 0.75


@pytest.mark.slow
def test_clustering_cost_per_article_does_not_grow_with_the_corpus():
    small, large = eval_speed((5_000, 20_000))["runs"]
    assert large["seconds_per_10k"] < 2.5 * small["seconds_per_10k"]


@pytest.mark.slow
def test_uci_clustering_in_time_ordered_batches_matches_one_pass(shared):
    """Incremental: four `update` calls, each joining the stories stored by the earlier ones (measured 0.900)."""
    path = shared / "eval" / "stories" / "uci-news-aggregator-sample.csv"
    assert eval_clustering(path, batches=4)["f1"] >= 0.86


@pytest.mark.slow
def test_uci_clustering_with_embeddings_beats_words_alone(shared):
    """Blend weight and bars were chosen on half 0 with jittered time; half 1 is held out
    (measured 0.908 against 0.893)."""
    path = shared / "eval" / "stories" / "uci-news-aggregator-sample.csv"
    rows = read_uci(path)
    plain = eval_clustering(path, mode="jitter", half=1, rows=rows, embeddings="off")
    embedded = eval_clustering(path, mode="jitter", half=1, rows=rows, embeddings="static")
    assert embedded["f1"] >= plain["f1"] + 0.005


def test_headline_entities_reach_update_as_names():
    """The eval stores the NLP stage's entities, so `update._names` gives the clusterer names."""
    from eventwire.eval.stories import headline_entities, load_articles, load_entities
    from eventwire.store.schema import memory_db
    from eventwire.stories.update import _names

    article = {"id": "a1", "title": "Obama meets Merkel in Berlin", "text": "Obama meets Merkel in Berlin",
               "date": "2014-03-10T10:00:00"}
    entities = headline_entities([article["title"]])
    con = memory_db()
    load_articles(con, [article])
    load_entities(con, [article], entities)
    keys = set(_names(con, ["a1"])["a1"])
    assert {"obama", "merkel", "berlin", "=DEU"} <= keys


@pytest.mark.slow
def test_uci_with_dates_removed_runs_the_undated_path(shared):
    """Dates removed, headlines are brief undated articles, placed on content alone against centroids;
    measured 0.803 on the whole file, as with every article at one instant (the group average that
    long undated bodies get scored 0.667 here)."""
    result = eval_clustering(shared / "eval" / "stories" / "uci-news-aggregator-sample.csv", mode="undated")
    assert result["f1"] >= 0.78


def test_undated_score_counts_purity_and_merged_events_across_labels():
    import json

    from eventwire.store.schema import memory_db
    from eventwire.eval.undated import score

    con = memory_db()
    con.execute("CREATE OR REPLACE TABLE story_members (doc_id VARCHAR, story_id VARCHAR)")
    con.executemany("INSERT INTO story_members VALUES (?, ?)",
                    [("a", "s1"), ("b", "s1"), ("c", "s1"), ("d", "s2")])
    con.execute("CREATE OR REPLACE TABLE merged_events (mentions VARCHAR)")
    con.executemany("INSERT INTO merged_events VALUES (?)",
                    [[json.dumps([{"doc_id": "a"}, {"doc_id": "c"}])], [json.dumps([{"doc_id": "a"}, {"doc_id": "b"}])]])
    result = score(con, {"a": "x", "b": "x", "c": "y", "d": "y"})
    assert result["purity"] == 0.75 and result["stories"] == 2
    assert result["merged_multi_article"] == 2 and result["merged_crossing"] == 1
