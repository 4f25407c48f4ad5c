"""Copies survive re-wrapping, boilerplate, trimming and a new headline; different reports do not match."""

from __future__ import annotations

import random

from eventwire.eval.stories import perturb
from eventwire.stories import minhash


def _article(seed: int, paragraphs: int = 6) -> str:
    rng = random.Random(seed)
    words = [f"{w}{rng.randrange(400)}" for w in ("alpha", "beta", "gamma", "delta") for _ in range(60)]
    return "\n\n".join(" ".join(rng.choices(words, k=40)) for _ in range(paragraphs))


def _is_copy(a: str, b: str) -> bool:
    return minhash.is_copy(minhash.signature(a), minhash.signature(b), len(minhash.shingles(a)),
                           len(minhash.shingles(b)))


def test_perturbed_copies_are_detected():
    rng = random.Random(1)
    for seed in range(20):
        body = _article(seed)
        _, copy, changes = perturb("A headline here", body, rng)
        assert _is_copy(body, copy), changes


def test_different_articles_are_not_copies():
    assert not any(_is_copy(_article(s), _article(s + 100)) for s in range(20))


def test_a_trimmed_copy_is_contained_in_its_original():
    body = _article(5, paragraphs=8)
    half = "\n\n".join(body.split("\n\n")[:4])
    assert _is_copy(body, half)


def test_band_keys_are_stable_signed_64_bit():
    keys = minhash.band_keys(minhash.signature("one two three four five six"))
    assert len(keys) == minhash.BANDS
    assert keys == minhash.band_keys(minhash.signature("One two, three four five six."))
    assert all(-2**63 <= k < 2**63 for k in keys)


def _datasketch_sketch(text: str) -> tuple[list[int], int]:
    from datasketch import MinHash

    found = minhash.shingles(text)
    reference = MinHash(num_perm=minhash.NUM_PERM)
    reference.update_batch([s.encode("utf-8") for s in found])
    return [int(v) for v in reference.hashvalues], len(found)


def test_signatures_are_datasketchs_bit_for_bit():
    """Stored signatures and band keys stay valid: the numpy MinHash gives datasketch's values."""
    texts = [_article(seed) for seed in range(30)]
    texts += ["", "one", "two words", "Café déjà vu, naïve façade über Straße ñandú", "x " * 3000,
              "Reuters said on Tuesday that the central bank raised its key rate by half a point."]
    for text in texts:
        assert minhash.sketch(text) == _datasketch_sketch(text), text[:40]
    assert minhash.sketch("")[0] == [2**32 - 1] * minhash.NUM_PERM
