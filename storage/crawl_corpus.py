"""The corpus as a crawl's stages and middlewares see it: one interface, two backends.

``CORPUS_BACKEND`` names the class a crawl opens (loaded with Scrapy's ``load_object``, as
``HTTPCACHE_STORAGE`` is): :class:`storage.corpus.Corpus`, the SQLite file (the embedded
default), or :class:`storage.redis_state.ClusterCorpus`, a cluster worker's view of the
writer's corpus in Redis. mypy checks both against :class:`CrawlCorpus` where the backend is
loaded (:mod:`crawler.process.shared_corpus`).
Storing articles is not part of it: the last stage that stores them needs the SQLite corpus
itself, and a worker's hands them to the writer instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Protocol, Self

__all__ = ["CrawlCorpus", "CrawlSettings"]


class CrawlSettings(Protocol):
    """What a backend reads of a crawl's settings (Scrapy's settings object has it)."""

    def get(self, name: str, default: Any = None) -> Any: ...
    def getbool(self, name: str, default: bool = False) -> bool: ...
    def getint(self, name: str, default: int = 0) -> int: ...
    def getfloat(self, name: str, default: float = 0.0) -> float: ...


class CrawlCorpus(Protocol):
    """What a crawl reads and records of the corpus, whichever backend holds it."""

    @classmethod
    def for_crawl(cls, settings: CrawlSettings) -> Self:
        """The corpus a crawl with ``settings`` uses (``CORPUS_PATH``, ``CLUSTER_REDIS_URL``, ...)."""
        ...

    # Stored articles, by URL (a stored URL is never fetched again).
    def article_for_url(self, url: str) -> int | None: ...
    def article_text(self, article_id: int) -> str | None: ...
    def add_urls(self, article_id: int, urls: Iterable[str]) -> None: ...

    # Why a page was not stored, and the run's record.
    def record_outcome(
        self,
        urls: Iterable[str],
        source: str,
        reason: str,
        detail: str = "",
        run_id: int | None = None,
        article_id: int | None = None,
    ) -> None: ...
    def start_run(self, sources: Iterable[str]) -> int: ...
    def record_run_source(self, run_id: int, source: str, counts: Mapping[str, Any]) -> None: ...
    def finish_run(self, run_id: int, status: str) -> dict[str, Any]: ...

    # Conditional GET validators of feeds and sitemaps.
    def validators(self, url: str) -> tuple[str | None, str | None] | None: ...
    def save_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None: ...
    def forget_validators(self, urls: Iterable[str]) -> None: ...

    # Site templates: blocks by their words, slots by their structure.
    def site_block_pages(self, site: str, blocks: Iterable[str]) -> dict[str, int]: ...
    def record_site_blocks(self, site: str, blocks: Iterable[str], page_url: str) -> None: ...
    def site_slot_counts(self, site: str, slots: Iterable[str]) -> dict[str, tuple[int, int, float]]: ...
    def record_site_slots(self, site: str, slots: Mapping[str, tuple[bool, float]], page_url: str) -> None: ...

    def close(self) -> None: ...
