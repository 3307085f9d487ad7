"""MinHash signatures of article texts and their LSH band keys (near-duplicate lookup).

A signature is NUM_PERM minimum hash values over the article's word 5-shingles;
the share of equal positions between two signatures estimates the Jaccard
similarity of their shingle sets (Broder 1997). Splitting the signature into
BANDS bands of ROWS values and storing one key per band lets the store find the
candidates with an indexed lookup: two articles share at least one band key with
probability 1 - (1 - J**ROWS)**BANDS, about 0.87 at J = 0.5 and 0.23 at J = 0.3,
so copies above DUPLICATE_SIMILARITY are almost always candidates.

The permutations come from a fixed seed: stored signatures stay comparable
across runs and machines. Changing SHINGLE, NUM_PERM or the seed means
re-signing every stored article.
"""
from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 5  # words per shingle: long enough that shared phrases, not shared vocabulary, count
NUM_PERM = 128
BANDS, ROWS = 32, 4
assert BANDS * ROWS == NUM_PERM
DUPLICATE_SIMILARITY = 0.5  # estimated Jaccard at which an article is a near-duplicate

_PRIME = np.uint64(4294967311)  # smallest prime above 2**32: (a*x + b) mod p is a universal hash
_rng = np.random.default_rng(20251125)
_A = _rng.integers(1, 2**31, size=NUM_PERM, dtype=np.uint64)  # a*x < 2**63 for 32-bit x: no overflow
_B = _rng.integers(0, 2**31, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Word k-shingles of the text, case and punctuation ignored; a short text is one shingle."""
    w = words(text)
    if len(w) <= k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def minhash(text: str) -> tuple[int, ...]:
    """The signature: NUM_PERM 32-bit minimum hashes (all 2**32-1 for an empty text)."""
    items = shingles(text)
    if not items:
        return (2**32 - 1,) * NUM_PERM
    hv = np.fromiter((_hash32(s) for s in sorted(items)), dtype=np.uint64, count=len(items))
    permuted = (_A[:, None] * hv[None, :] + _B[:, None]) % _PRIME
    return tuple(int(v) for v in np.minimum(permuted.min(axis=1), np.uint64(2**32 - 1)))


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if len(a) != len(b) or not a:
        raise ValueError("signatures of different sizes")
    return sum(x == y for x, y in zip(a, b)) / len(a)


def band_keys(signature: tuple[int, ...]) -> list[tuple[int, str]]:
    """(band number, key) pairs: articles sharing any pair are near-duplicate candidates."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
        keys.append((band, digest))
    return keys


def encode(signature: tuple[int, ...]) -> str:
    """Stored form: fixed-width hex, portable as TEXT."""
    return "".join(f"{v:08x}" for v in signature)


def decode(text: str) -> tuple[int, ...]:
    return tuple(int(text[i:i + 8], 16) for i in range(0, len(text), 8))


def _hash32(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little")
