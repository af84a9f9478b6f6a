"""Stages 5 and 7: fingerprints, and near-duplicate stories (an edited copy of a stored story joins it).

MinHash over shingles of the normalized text finds candidates through LSH bands stored in
the corpus; each candidate is then verified exactly on its text: the copy joins the story
when the Jaccard similarity of the shingle sets reaches ``DEDUP_JACCARD`` or the shorter
text is contained in the longer to at least ``DEDUP_CONTAINMENT`` (a copy that drops the
last paragraphs or wraps the story in extra material). Copies in different languages are
different stories.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Self

import numpy as np
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.ordering import COMMIT, ArrivalOrder, order_for
from storage.scripts import UNSPACED_CHARACTERS, has_unspaced_script
from crawler.shared_corpus import corpus_for
from crawler.workers import WorkerPool, pool_for
from storage.corpus import Corpus, CorpusError
from pipelines.duplicates import text_hash
from storage.signatures import Fingerprint, pack_signature

__all__ = [
    "FingerprintPipeline",
    "Fingerprinter",
    "NearDuplicatePipeline",
    "StoryMatcher",
    "TextIdentity",
    "decide_story",
    "rebuild_stories",
    "shingles",
    "tokens",
]

INDEX_NAME = "near_duplicate_index"
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
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class TextIdentity:
    """What identifies a body text: its hash, its index entry and its shingles (hashed) for verification."""

    text_hash: str
    fingerprint: Fingerprint | None
    shingles: np.ndarray | None  # sorted distinct 32-bit hashes of the shingles


@dataclass(frozen=True)
class Fingerprinter:
    """MinHash and LSH band hashes of a text; pure computation, so it runs in the worker processes."""

    shingle_size: int = 5
    num_perm: int = 128
    bands: int = 32

    def __post_init__(self) -> None:
        if not 0 < self.bands <= self.num_perm:
            raise ValueError(f"DEDUP_BANDS must be between 1 and DEDUP_NUM_PERM ({self.num_perm}), got {self.bands}")

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        """A fingerprinter configured by the ``DEDUP_*`` settings."""
        return cls(
            shingle_size=settings.getint("DEDUP_SHINGLE_SIZE", 5),
            num_perm=settings.getint("DEDUP_NUM_PERM", 128),
            bands=settings.getint("DEDUP_BANDS", 32),
        )

    @property
    def rows(self) -> int:
        """Hash values per band."""
        return self.num_perm // self.bands

    def shingle_hashes(self, text: str) -> np.ndarray:
        """The text's shingles as sorted distinct 32-bit hashes (the values MinHash is built from)."""
        return np.unique(np.fromiter((sha1_hash32(s.encode("utf-8")) for s in shingles(text, self.shingle_size)), dtype=np.uint32))

    def fingerprint(self, text: str, language: str | None) -> tuple[Fingerprint, np.ndarray]:
        """The text's index entry (bands keyed by ``language``) and its shingle hashes."""
        hashed = self.shingle_hashes(text)
        permutations, scheme = _permutations(self.num_perm)
        minhash = MinHash(num_perm=self.num_perm, permutations=permutations, scheme=scheme, hashfunc=int)
        minhash.update_batch(hashed.tolist())
        values = np.asarray(minhash.hashvalues, dtype="<u4")
        prefix = f"{language or ''}|".encode()
        bands = tuple(
            int.from_bytes(
                hashlib.blake2b(
                    prefix + band.to_bytes(2, "little") + values[band * self.rows : (band + 1) * self.rows].tobytes(),
                    digest_size=8,
                ).digest(),
                "little",
                signed=True,
            )
            for band in range(self.bands)
        )
        return Fingerprint(pack_signature(values), len(hashed), bands), hashed

    def identify(self, text: str, language: str | None) -> TextIdentity:
        """Hash, fingerprint and shingle hashes of ``text``: everything the duplicate stages need."""
        fingerprint, hashed = self.fingerprint(text, language)
        return TextIdentity(text_hash(text), fingerprint, hashed)


@cache
def _permutations(num_perm: int) -> tuple[Any, str]:
    # Generating the permutations costs more than hashing a text: once per process.
    template = MinHash(num_perm=num_perm, seed=1)
    return template.permutations, template.scheme


@dataclass(frozen=True)
class Match:
    """The story an article joins, how strongly its best copy matched, and stories it unites.

    ``absorbs`` are further stories with a copy the article is Jaccard-similar to: copies that
    arrived before it were too far apart to find each other (one dropped the end, another
    changed words), and it shows they are one story. Containment alone never unites stories,
    so a roundup page that contains two stories does not chain them together.
    """

    story_id: int
    jaccard: float
    containment: float
    absorbs: tuple[int, ...] = ()


class StoryMatcher:
    """Finds the stored story an article is a near-duplicate of, through the corpus's LSH index."""

    def __init__(
        self,
        corpus: Corpus,
        fingerprinter: Fingerprinter | None = None,
        jaccard: float = 0.5,
        containment: float = 0.8,
        min_shingles: int = 20,
        max_candidates: int = 50,
    ) -> None:
        self.corpus = corpus
        self.fingerprinter = fingerprinter or Fingerprinter()
        self.jaccard = jaccard
        self.containment = containment
        self.min_shingles = min_shingles
        self.max_candidates = max_candidates
        self._shingle_cache: OrderedDict[int, np.ndarray] = OrderedDict()

    @classmethod
    def from_settings(cls, corpus: Corpus, settings: BaseSettings) -> Self:
        """A matcher configured by the ``DEDUP_*`` settings."""
        return cls(
            corpus,
            Fingerprinter.from_settings(settings),
            jaccard=settings.getfloat("DEDUP_JACCARD", 0.5),
            containment=settings.getfloat("DEDUP_CONTAINMENT", 0.8),
            min_shingles=settings.getint("DEDUP_MIN_SHINGLES", 20),
            max_candidates=settings.getint("DEDUP_MAX_CANDIDATES", 50),
        )

    @property
    def index_settings(self) -> dict[str, int]:
        """What the stored index depends on: change any and the index must be rebuilt."""
        f = self.fingerprinter
        return {"shingle_size": f.shingle_size, "num_perm": f.num_perm, "bands": f.bands}

    def check_index(self) -> None:
        """Raise :class:`CorpusError` when the corpus's index was built with other settings."""
        built = self.corpus.index_settings(INDEX_NAME, self.index_settings)
        if built != self.index_settings:
            raise CorpusError(
                f"the corpus's near-duplicate index was built with {built}, the settings say "
                f"{self.index_settings}: run `wirecrawl dedupe --rebuild` (or restore the settings)"
            )

    def find_story(self, fingerprint: Fingerprint, shingle_hashes: np.ndarray, language: str | None) -> Match | None:
        """The story of the best verified candidate, if any candidate is a near-duplicate."""
        candidates = self.corpus.band_candidates(fingerprint.bands, self.max_candidates)
        best: Match | None = None
        similar_stories: set[int] = set()
        for article_id, story_id, other_language, text in self.corpus.texts(candidates):
            if story_id is None or other_language != language:
                continue
            other = self._shingles_of(article_id, text)
            jaccard, containment = self.overlap(shingle_hashes, other)
            if not self.is_same_story(jaccard, containment, min(len(shingle_hashes), len(other))):
                continue
            if jaccard >= self.jaccard:
                similar_stories.add(story_id)
            if best is None or max(jaccard, containment) > max(best.jaccard, best.containment):
                best = Match(story_id, jaccard, containment)
        if best is None:
            return None
        united = sorted(similar_stories | {best.story_id})  # the oldest story keeps its id
        return Match(united[0], best.jaccard, best.containment, tuple(united[1:]))

    @staticmethod
    def overlap(first: np.ndarray, second: np.ndarray) -> tuple[float, float]:
        """Jaccard similarity and containment of the smaller set in the larger (sorted distinct hashes)."""
        if not len(first) or not len(second):
            return 0.0, 0.0
        common = len(np.intersect1d(first, second, assume_unique=True))
        return common / (len(first) + len(second) - common), common / min(len(first), len(second))

    def is_same_story(self, jaccard: float, containment: float, smaller: int) -> bool:
        """The decision: similar enough, or the shorter text (of ``smaller`` shingles) contained in the longer."""
        return jaccard >= self.jaccard or (containment >= self.containment and smaller >= self.min_shingles)

    def _shingles_of(self, article_id: int, text: str) -> np.ndarray:
        cached = self._shingle_cache.get(article_id)
        if cached is None:
            cached = self.fingerprinter.shingle_hashes(text)
            self._shingle_cache[article_id] = cached
            if len(self._shingle_cache) > 1024:
                self._shingle_cache.popitem(last=False)
        else:
            self._shingle_cache.move_to_end(article_id)
        return cached


class FingerprintPipeline:
    """Computes, in a worker process, what identifies the body text: its hash (exact
    duplicates) and its near-duplicate fingerprint, before the stages that decide its story.

    Settings: ``DEDUP_NEAR_ENABLED`` (off: only the hash, in the reactor thread),
    ``DEDUP_SHINGLE_SIZE``, ``DEDUP_NUM_PERM``, ``DEDUP_BANDS``.
    """

    def __init__(self, fingerprinter: Fingerprinter | None, pool: WorkerPool | None = None) -> None:
        self.fingerprinter = fingerprinter
        self.pool = pool or WorkerPool(0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        near = crawler.settings.getbool("DEDUP_NEAR_ENABLED", True)
        return cls(Fingerprinter.from_settings(crawler.settings) if near else None, pool_for(crawler))

    async def process_item(self, item: Article) -> Article:
        if self.fingerprinter is None:
            item.text_hash = text_hash(item.text)
            return item
        identity = await self.pool.run(self.fingerprinter.identify, item.text, item.language)
        item.text_hash, item.fingerprint, item.shingles = identity.text_hash, identity.fingerprint, identity.shingles
        return item


class NearDuplicatePipeline:
    """An article without a story yet joins the story of a verified near-duplicate.

    Decides in arrival order, with storage (see :data:`crawler.ordering.COMMIT`), so a copy
    always sees the copies that arrived before it.
    Settings: ``DEDUP_NEAR_ENABLED``, ``DEDUP_SHINGLE_SIZE``, ``DEDUP_NUM_PERM``,
    ``DEDUP_BANDS``, ``DEDUP_JACCARD``, ``DEDUP_CONTAINMENT``, ``DEDUP_MIN_SHINGLES``,
    ``DEDUP_MAX_CANDIDATES``.
    """

    def __init__(self, matcher: StoryMatcher, stats: StatsCollector, order: ArrivalOrder | None = None) -> None:
        self.matcher = matcher
        self.stats = stats
        self.order = order or ArrivalOrder()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DEDUP_NEAR_ENABLED", True):
            raise NotConfigured("DEDUP_NEAR_ENABLED is off")
        matcher = StoryMatcher.from_settings(corpus_for(crawler), crawler.settings)
        matcher.check_index()
        return cls(matcher, crawler.stats, order_for(crawler))

    async def process_item(self, item: Article) -> Article:
        if item.fingerprint is None or item.shingles is None:  # no FingerprintPipeline before this one
            item.fingerprint, item.shingles = self.matcher.fingerprinter.fingerprint(item.text, item.language)
        await self.order.turn(item, COMMIT)
        if item.story_id is None:
            match = self.matcher.find_story(item.fingerprint, item.shingles, item.language)
            if match is not None:
                item.story_id, item.absorbs = match.story_id, match.absorbs
                self.stats.inc_value("wirecrawl/duplicates/near")
                self.stats.inc_value("wirecrawl/stories/united", len(match.absorbs))
        return item


def decide_story(
    corpus: Corpus, matcher: StoryMatcher, text: str, language: str | None, text_hash: str
) -> tuple[Fingerprint, int | None, tuple[int, ...]]:
    """The crawl's story decision for one article, outside the Scrapy pipeline.

    Returns its fingerprint, the story it joins (an equal text's, else a verified
    near-duplicate's; None for a new story) and the stories it unites with that one.
    """
    fingerprint, shingle_hashes = matcher.fingerprinter.fingerprint(text, language)
    story_id = corpus.story_for_text_hash(text_hash)
    if story_id is None and (match := matcher.find_story(fingerprint, shingle_hashes, language)):
        return fingerprint, match.story_id, match.absorbs
    return fingerprint, story_id, ()


def rebuild_stories(corpus: Corpus, matcher: StoryMatcher, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every story and the index from the stored texts, in one transaction; returns the story count.

    Articles are taken in fetch order, each exactly as the crawl would have: an equal text
    joins its story, else a verified near-duplicate's story, else it starts one.
    """
    with corpus.db.atomic():
        article_ids = list(corpus.reset_stories(INDEX_NAME, matcher.index_settings))
        for done, article_id in enumerate(article_ids, start=1):
            ((text, language, text_hash),) = corpus.db.execute(
                "SELECT text, language, text_hash FROM articles WHERE id = ?", [article_id]
            ).fetchall()
            fingerprint, story_id, absorbs = decide_story(corpus, matcher, text, language, text_hash)
            corpus.reattach(article_id, story_id, fingerprint, absorbs)
            if progress is not None:
                progress(done, len(article_ids))
    return corpus.db["stories"].count
