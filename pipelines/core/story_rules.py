"""Stories: which stored story an article joins (an equal text's, else a verified near-duplicate's), decided once."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any, Self

import numpy as np

from crawler.web.urls import same_path
from pipelines.core.identity import Fingerprinter
from pipelines.core.settings_reader import SettingsReader
from storage.corpus import Corpus
from storage.errors import CorpusError
from storage.signatures import Fingerprint
from storage.story_store import StoryChanges

__all__ = ["Match", "StoryDecision", "StoryMatcher", "StoryRules", "index_fingerprinter", "rebuild_stories"]

INDEX_NAME = "near_duplicate_index"


def index_fingerprinter(recorded: Mapping[str, Any] | None, settings: SettingsReader) -> Fingerprinter:
    """The fingerprinter a corpus's index was built with (``recorded``, its index settings), the settings'
    for what it did not record: copies compared with it show the similarity the crawl saw."""
    return replace(Fingerprinter.from_settings(settings), **(recorded or {}))


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
        fingerprinter: Fingerprinter,
        jaccard: float,
        containment: float,
        min_shingles: int,
        max_candidates: int,
    ) -> None:
        self.corpus = corpus
        self.fingerprinter = fingerprinter
        self.jaccard = jaccard
        self.containment = containment
        self.min_shingles = min_shingles
        self.max_candidates = max_candidates
        self._shingle_cache: OrderedDict[int, np.ndarray] = OrderedDict()

    @classmethod
    def from_settings(cls, corpus: Corpus, settings: SettingsReader) -> Self:
        """A matcher configured by the ``DEDUP_*`` settings."""
        return cls(
            corpus,
            Fingerprinter.from_settings(settings),
            jaccard=settings.getfloat("DEDUP_JACCARD"),
            containment=settings.getfloat("DEDUP_CONTAINMENT"),
            min_shingles=settings.getint("DEDUP_MIN_SHINGLES"),
            max_candidates=settings.getint("DEDUP_MAX_CANDIDATES"),
        )

    @property
    def index_settings(self) -> dict[str, int]:
        """What the stored index depends on: change any and the index must be rebuilt (every
        parameter of the fingerprints, so a new one cannot be forgotten here)."""
        return asdict(self.fingerprinter)

    def check_index(self) -> None:
        """Raise :class:`CorpusError` when the corpus's index was built with other settings."""
        built = self.corpus.index_settings(INDEX_NAME, self.index_settings)
        if built != self.index_settings:
            raise CorpusError(
                f"the corpus's near-duplicate index was built with {built}, the settings say "
                f"{self.index_settings}: run `wirecrawl dedupe --rebuild` (or restore the settings)"
            )

    def find_story(self, fingerprint: Fingerprint, shingle_hashes: np.ndarray, language: str | None) -> Match | None:
        """The story of the best verified candidate, if any candidate is a near-duplicate.

        Equal scores go to the oldest story: a passage two stories share (the lead a follow-up
        quotes) was the earlier story's first.
        """
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
            if (
                jaccard < self.jaccard
                and len(other) < len(shingle_hashes)
                and not self._copies_longest(story_id, shingle_hashes)
            ):
                continue  # it contains a short copy of the story, as a follow-up that quotes the lead does
            if jaccard >= self.jaccard:
                similar_stories.add(story_id)
            if best is None or (max(jaccard, containment), -story_id) > (
                max(best.jaccard, best.containment),
                -best.story_id,
            ):
                best = Match(story_id, jaccard, containment)
        if best is None:
            return None
        united = sorted(similar_stories | {best.story_id})  # the oldest story keeps its id
        return Match(united[0], best.jaccard, best.containment, tuple(united[1:]))

    def _copies_longest(self, story_id: int, shingle_hashes: np.ndarray) -> bool:
        """Whether the text is also a near-duplicate of the story's longest copy.

        A text that contains a truncated copy is that story only if it repeats the rest of it
        too; a follow-up quoting the lead contains every lead-only copy but adds its own text.
        """
        article_id, text = self.corpus.longest_copy(story_id)
        longest = self._shingles_of(article_id, text)
        jaccard, containment = self.overlap(shingle_hashes, longest)
        return self.is_same_story(jaccard, containment, min(len(shingle_hashes), len(longest)))

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


@dataclass(frozen=True)
class StoryDecision:
    """Where an article belongs: the page it repeats, or the story it joins (None: a new story)."""

    same_page: int | None = None  # a stored article this is the same page of (same path, same text)
    story_id: int | None = None
    absorbs: tuple[int, ...] = ()  # further stories it shows to be the same story
    exact: bool = False  # joined for an equal text (similarity 1), not a near-duplicate


class StoryRules:
    """The story decision, the same for the crawl and for ``dedupe --rebuild``.

    An article whose text equals a stored one at the same path (another query string) is
    that page again; else it joins the story of an equal text, else of a verified
    near-duplicate, else it starts one. ``exact`` (``DEDUP_EXACT_ENABLED``) and ``near``
    (``DEDUP_NEAR_ENABLED``) switch the two rules.
    """

    def __init__(
        self,
        matcher: StoryMatcher,
        exact: bool,
        near: bool,
    ) -> None:
        self.corpus = matcher.corpus
        self.matcher = matcher
        self.exact = exact
        self.near = near

    @classmethod
    def from_settings(cls, corpus: Corpus, settings: SettingsReader) -> Self:
        """The rules as ``DEDUP_*`` configures them."""
        return cls(
            StoryMatcher.from_settings(corpus, settings),
            exact=settings.getbool("DEDUP_EXACT_ENABLED"),
            near=settings.getbool("DEDUP_NEAR_ENABLED"),
        )

    def decide(
        self,
        url: str,
        text_hash: str,
        language: str | None,
        fingerprint: Fingerprint | None,
        shingle_hashes: np.ndarray | None,
    ) -> StoryDecision:
        """The decision for an article at ``url`` (its text's hash, language and fingerprint)."""
        if self.exact:
            equal = self.corpus.articles_with_text_hash(text_hash)
            for article_id, other_url, story_id in equal:
                if same_path(other_url, url):
                    return StoryDecision(same_page=article_id, story_id=story_id, exact=True)
            if equal:
                return StoryDecision(story_id=equal[0][2], exact=True)
        if self.near and fingerprint is not None and shingle_hashes is not None:
            match = self.matcher.find_story(fingerprint, shingle_hashes, language)
            if match is not None:
                return StoryDecision(story_id=match.story_id, absorbs=match.absorbs)
        return StoryDecision()


def rebuild_stories(rules: StoryRules, progress: Callable[[int, int], None] | None = None) -> StoryChanges:
    """Recompute every story and the index from the stored texts, in one transaction; returns the
    story count and how the stories changed (united, split, unchanged).

    Articles are taken in fetch order, each decided by ``rules`` exactly as the crawl decides
    (a stored article repeated at the same path joins that article's story).
    """
    corpus, fingerprinter = rules.corpus, rules.matcher.fingerprinter
    with corpus.atomic():
        article_ids = list(corpus.reset_stories(INDEX_NAME, rules.matcher.index_settings))
        for done, article_id in enumerate(article_ids, start=1):
            url, text, language, text_hash = corpus.story_input(article_id)
            fingerprint, hashed = fingerprinter.fingerprint(text, language) if rules.near else (None, None)
            decision = rules.decide(url, text_hash, language, fingerprint, hashed)
            corpus.reattach(article_id, decision.story_id, fingerprint, decision.absorbs)
            if progress is not None:
                progress(done, len(article_ids))
        return corpus.story_changes()
