"""Near-duplicate and syndicated-copy detection with MinHash LSH (datasketch), banded into DuckDB.

Why word shingles of the body only: syndicated copies re-wrap lines, change the
headline and swap the outlet's boilerplate, so neither the title nor line breaks
nor the first/last lines may decide. Why LSH bands stored as rows: a new batch
finds its candidates with one join on (band, key) instead of comparing against
every stored article, so marking copies stays linear in the corpus.
"""

from __future__ import annotations

import json
import re
import struct
import unicodedata
from collections.abc import Iterable
from hashlib import blake2b

import numpy as np
from datasketch import MinHash

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
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch([s.encode("utf-8") for s in found])
    return [int(v) for v in minhash.hashvalues], len(found)


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
