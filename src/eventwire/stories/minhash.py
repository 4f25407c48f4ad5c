"""Near-duplicate and syndicated-copy detection with MinHash LSH, banded into DuckDB.

Why word shingles of the body only: syndicated copies re-wrap lines, change the
headline and swap the outlet's boilerplate, so neither the title nor line breaks
nor the first/last lines may decide. Why LSH bands stored as rows: a new batch
finds its candidates with one join on (band, key) instead of comparing against
every stored article, so marking copies stays linear in the corpus.

Why our own MinHash: the signatures are datasketch's (2.0, its default "affine32" scheme, seed 1),
computed by the same numpy arithmetic here, because `import datasketch` loads its LSH modules and
with them scipy.integrate, about 0.5 s in every Dask worker and in the client, for classes we never
use. tests/stories/test_minhash.py checks the signatures against datasketch's own.
"""

from __future__ import annotations

import json
import re
import struct
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from hashlib import blake2b, sha1

import numpy as np

NUM_PERM = 128
BANDS, ROWS = 32, 4  # candidate threshold about (1/32)**(1/4) = 0.42 estimated Jaccard
SHINGLE = 4  # words
#: Estimated Jaccard of body shingles above which two articles are copies. Reworded
#: follow-ups of one story share a few sentences (Jaccard < 0.3); copies with swapped
#: boilerplate or a trimmed paragraph keep well above 0.5.
COPY_JACCARD = 0.5
#: Shingle containment of the shorter text in the longer one that also makes a copy
#: (a wire story trimmed to its first half by the outlet that runs it).
COPY_CONTAINMENT = 0.8
_WORD = re.compile(r"\w+", re.UNICODE)
_SEED = 1  # datasketch's default: the permutations, hence the stored signatures, depend on it
_EMPTY = 0xFFFFFFFF  # the value of every slot of an empty set's signature


def words(text: str) -> list[str]:
    if text.isascii():
        return _WORD.findall(text.lower())
    folded = unicodedata.normalize("NFKD", text.lower())
    return _WORD.findall("".join(c for c in folded if not unicodedata.combining(c)))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> list[int]:
    return sketch(text)[0]


def sketch(text: str) -> tuple[list[int], int]:
    """The MinHash signature and the number of distinct shingles it summarises."""
    found = shingles(text)
    return minhash_values(s.encode("utf-8") for s in found).tolist(), len(found)


def minhash_values(items: Iterable[bytes]) -> np.ndarray:
    """datasketch's `MinHash(num_perm=NUM_PERM).update_batch(items).hashvalues`: the first 4 bytes of
    each item's SHA-1 (little-endian), MurmurHash3's 32-bit finalizer, then per slot the least
    `a * h + b` modulo 2**32 (numpy's uint32 arithmetic wraps, as the scheme intends)."""
    digests = b"".join(sha1(item).digest()[:4] for item in items)
    if not digests:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    hashed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    a, b = _permutations()
    return (hashed * a + b).min(axis=0)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The odd multipliers and the offsets, drawn as datasketch draws them."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature_row(doc_id: str, text: str) -> tuple[str, str, int]:
    """A `doc_signatures` row; Dask workers write these so the corpus step only bands and compares."""
    sig, n = sketch(text)
    return doc_id, json.dumps(sig), n


def band_keys(sig: list[int]) -> list[int]:
    """One signed 64-bit key per band (DuckDB BIGINT)."""
    keys = []
    for band in range(BANDS):
        chunk = struct.pack(f"<{ROWS}I", *sig[band * ROWS:(band + 1) * ROWS])
        keys.append(int.from_bytes(blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return keys


def jaccard(sig_a: Iterable[int], sig_b: Iterable[int]) -> float:
    a, b = np.asarray(list(sig_a)), np.asarray(list(sig_b))
    return float(np.mean(a == b))


def containment(j: float, len_a: int, len_b: int) -> float:
    """Containment of the shorter shingle set in the longer one, from Jaccard and the set sizes."""
    if min(len_a, len_b) == 0:
        return 0.0
    inter = j * (len_a + len_b) / (1 + j)
    return inter / min(len_a, len_b)


def is_copy(sig_a: list[int], sig_b: list[int], len_a: int, len_b: int) -> bool:
    j = jaccard(sig_a, sig_b)
    return j >= COPY_JACCARD or (j >= 0.25 and containment(j, len_a, len_b) >= COPY_CONTAINMENT)
