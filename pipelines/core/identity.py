"""What identifies a body text: its normalized hash (exact copies), MinHash and LSH bands (edited copies)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, Self

import numpy as np

from pipelines.core.settings_reader import SettingsReader
from storage.scripts import UNSPACED_CHARACTERS, has_unspaced_script
from storage.signatures import Fingerprint, pack_signature

__all__ = [
    "Fingerprinter",
    "TextIdentity",
    "normalized_text",
    "shingle_hash",
    "shingle_sequence",
    "shingles",
    "text_hash",
    "tokens",
]

_NOT_WORD = re.compile(r"[\W_]+")


def normalized_text(text: str) -> str:
    """Text reduced to what identifies a story: NFKC, case-folded, punctuation and spacing folded."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def text_hash(text: str) -> str:
    """SHA-1 of the normalized text."""
    return hashlib.sha1(normalized_text(text).encode("utf-8")).hexdigest()


#: Combining marks that belong inside words (\w leaves them out): Indic vowel signs, Arabic and
#: Hebrew points, Thai/Lao/Myanmar/Khmer marks, Latin and Cyrillic combining marks.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
)
_WORD = re.compile(f"(?:[^\\W_]|[{_MARKS}])+")
_DIGITS = re.compile(r"\d+")
_UNSPACED_OR_RUN = re.compile(f"[{UNSPACED_CHARACTERS}]|[^{UNSPACED_CHARACTERS}]+")


def tokens(text: str) -> list[str]:
    """Words of the normalized text (NFKC, case-folded, punctuation dropped, digits folded to 0).

    In scripts written without spaces (Chinese, Japanese, Thai, ...) each character is a token.
    """
    folded = _DIGITS.sub("0", unicodedata.normalize("NFKC", text).casefold())
    result: list[str] = []
    for word in _WORD.findall(folded):
        if has_unspaced_script(word):
            result.extend(_UNSPACED_OR_RUN.findall(word))
        else:
            result.append(word)
    return result


def shingles(text: str, size: int) -> set[str]:
    """The text's distinct runs of ``size`` consecutive tokens (the whole text if shorter)."""
    return set(shingle_sequence(text, size))


def shingle_sequence(text: str, size: int) -> list[str]:
    """The text's runs of ``size`` consecutive tokens in text order (the whole text if shorter)."""
    words = tokens(text)
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


@dataclass(frozen=True)
class TextIdentity:
    """What identifies a body text: its hash, its index entry and its shingles (hashed) for verification."""

    text_hash: str
    fingerprint: Fingerprint | None
    shingles: np.ndarray | None  # sorted distinct 32-bit hashes of the shingles


@dataclass(frozen=True)
class Fingerprinter:
    """MinHash and LSH band hashes of a text; pure computation, so it runs in the worker processes.

    Two bandings go into the index: ``bands`` over the whole text's MinHash, which proposes
    copies of Jaccard ~0.4 and up, and ``lead_bands`` of ``lead_rows`` over a MinHash of the
    first ``lead_shingles`` shingles only. A copy cut to its first paragraphs keeps that lead
    though its Jaccard with the whole story may be 0.3: the second banding proposes it.
    """

    shingle_size: int
    num_perm: int
    bands: int
    lead_shingles: int
    lead_bands: int
    lead_rows: int

    def __post_init__(self) -> None:
        if not 0 < self.bands <= self.num_perm:
            raise ValueError(f"DEDUP_BANDS must be between 1 and DEDUP_NUM_PERM ({self.num_perm}), got {self.bands}")
        if self.lead_bands < 0 or self.lead_rows < 1 or self.lead_bands * self.lead_rows > self.num_perm:
            raise ValueError(
                f"DEDUP_LEAD_BANDS x DEDUP_LEAD_ROWS must be at most DEDUP_NUM_PERM ({self.num_perm}), "
                f"got {self.lead_bands} x {self.lead_rows}"
            )

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> Self:
        """A fingerprinter configured by the ``DEDUP_*`` settings."""
        return cls(
            shingle_size=settings.getint("DEDUP_SHINGLE_SIZE"),
            num_perm=settings.getint("DEDUP_NUM_PERM"),
            bands=settings.getint("DEDUP_BANDS"),
            lead_shingles=settings.getint("DEDUP_LEAD_SHINGLES"),
            lead_bands=settings.getint("DEDUP_LEAD_BANDS"),
            lead_rows=settings.getint("DEDUP_LEAD_ROWS"),
        )

    @property
    def rows(self) -> int:
        """Hash values per band."""
        return self.num_perm // self.bands

    def shingle_hashes(self, text: str) -> np.ndarray:
        """The text's shingles as sorted distinct 32-bit hashes (the values MinHash is built from)."""
        return np.unique(self._hash_sequence(text))

    def _hash_sequence(self, text: str) -> np.ndarray:
        return np.fromiter((shingle_hash(s) for s in shingle_sequence(text, self.shingle_size)), dtype=np.uint32)

    def fingerprint(self, text: str, language: str | None) -> tuple[Fingerprint, np.ndarray]:
        """The text's index entry (whole-text and lead bands, keyed by ``language``) and its shingle hashes."""
        sequence = self._hash_sequence(text)
        hashed = np.unique(sequence)
        values = self._minhash(hashed)
        bands = _band_hashes(values, self.bands, self.rows, f"{language or ''}|".encode())
        if self.lead_bands:
            lead = self._minhash(np.unique(sequence[: self.lead_shingles]))
            bands += _band_hashes(lead, self.lead_bands, self.lead_rows, f"{language or ''}|lead|".encode())
        return Fingerprint(pack_signature(values), len(hashed), bands), hashed

    def _minhash(self, hashed: np.ndarray) -> np.ndarray:
        from datasketch import MinHash  # see _permutations

        permutations, scheme = _permutations(self.num_perm)
        minhash = MinHash(num_perm=self.num_perm, permutations=permutations, scheme=scheme, hashfunc=int)
        minhash.update_batch(hashed.tolist())
        return np.asarray(minhash.hashvalues, dtype="<u4")

    def identify(self, text: str, language: str | None) -> TextIdentity:
        """Hash, fingerprint and shingle hashes of ``text``: everything the duplicate stages need."""
        fingerprint, hashed = self.fingerprint(text, language)
        return TextIdentity(text_hash(text), fingerprint, hashed)


def _band_hashes(values: np.ndarray, bands: int, rows: int, prefix: bytes) -> tuple[int, ...]:
    """One 64-bit hash per band of ``rows`` MinHash values; ``prefix`` keeps languages and bandings apart."""
    return tuple(
        int.from_bytes(
            hashlib.blake2b(
                prefix + band.to_bytes(2, "little") + values[band * rows : (band + 1) * rows].tobytes(), digest_size=8
            ).digest(),
            "little",
            signed=True,
        )
        for band in range(bands)
    )


def shingle_hash(shingle: str) -> int:
    """The shingle's 32-bit hash: the first 4 bytes of its UTF-8 SHA-1, little-endian (datasketch's
    ``sha1_hash32``, which the stored signatures were built with)."""
    return int.from_bytes(hashlib.sha1(shingle.encode("utf-8")).digest()[:4], "little")


@cache
def _permutations(num_perm: int) -> tuple[Any, str]:
    # datasketch loads SciPy (~0.6 s): imported where a MinHash is made, which the worker
    # processes do (they preload it); the crawl process only hashes shingles.
    from datasketch import MinHash

    # Generating the permutations costs more than hashing a text: once per process.
    template = MinHash(num_perm=num_perm, seed=1)
    return template.permutations, template.scheme
