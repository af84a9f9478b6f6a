"""MinHash signatures as stored in the corpus, and the similarity they estimate."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Fingerprint", "estimated_similarity", "pack_signature", "unpack_signature"]


@dataclass(frozen=True)
class Fingerprint:
    """What the near-duplicate index stores of an article."""

    signature: bytes  # packed MinHash hash values
    shingles: int  # number of distinct shingles of the text
    bands: tuple[int, ...]  # LSH band hashes (64-bit, language included)


def pack_signature(hashvalues: np.ndarray) -> bytes:
    """A MinHash signature as a compact blob (4 bytes per permutation)."""
    return np.asarray(hashvalues, dtype="<u4").tobytes()


def unpack_signature(blob: bytes) -> np.ndarray:
    """The hash values of a stored signature."""
    return np.frombuffer(blob, dtype="<u4")


def estimated_similarity(signature: bytes, shingles: int, other: bytes, other_shingles: int) -> float:
    """How much of one text the other covers, estimated from their signatures and shingle counts.

    The larger of the Jaccard similarity (share of equal hash values) and the containment of
    the shorter text in the longer (|A ∩ B| / min(|A|, |B|), from Jaccard and the set sizes),
    so a copy that drops the last paragraphs still scores near 1.
    """
    a, b = unpack_signature(signature), unpack_signature(other)
    if len(a) != len(b) or not len(a):
        return 0.0
    jaccard = float(np.count_nonzero(a == b)) / len(a)
    smaller = min(shingles, other_shingles)
    if smaller <= 0:
        return jaccard
    intersection = jaccard * (shingles + other_shingles) / (1 + jaccard)
    return round(max(jaccard, min(1.0, intersection / smaller)), 4)
