"""Stage 8: storing the article, its URLs and its story in the corpus."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro

from crawler.items import Article
from crawler.ordering import COMMIT, ArrivalOrder, order_for
from crawler.shared_corpus import corpus_for
from pipelines.duplicates import text_hash
from storage.corpus import Corpus

__all__ = ["CorpusPipeline"]

logger = logging.getLogger(__name__)


class CorpusPipeline:
    """Writes each article with its story atomically (``CORPUS_PATH``), and the page as
    fetched, compressed, unless ``CORPUS_STORE_PAGES`` is off. Articles are stored in
    arrival order, each right after its story was decided (:data:`crawler.ordering.COMMIT`).
    Commits are batched: every ``CORPUS_COMMIT_ARTICLES`` articles or ``CORPUS_COMMIT_SECONDS``
    seconds, whichever comes first (a crash loses at most that, to be fetched again).

    When the corpus cannot be written (a full disk, ``CORPUS_MAX_SIZE`` reached, an I/O
    error), the transaction is rolled back, so the corpus stays valid, and the crawl stops
    (close reason ``corpus_full`` or ``corpus_error``): fetching pages that cannot be
    stored would only cost the sites bandwidth.
    """

    def __init__(
        self,
        corpus: Corpus,
        stats: StatsCollector,
        crawler: Crawler | None = None,
        store_pages: bool = True,
        order: ArrivalOrder | None = None,
        commit_articles: int = 1,
        commit_seconds: float = 1.0,
    ) -> None:
        self.corpus = corpus
        self.stats = stats
        self.crawler = crawler
        self.store_pages = store_pages
        self.order = order or ArrivalOrder()
        self.commit_articles = commit_articles
        self.commit_seconds = commit_seconds
        self._commit_timer: asyncio.TimerHandle | None = None
        self._stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        return cls(
            corpus_for(crawler),
            crawler.stats,
            crawler,
            settings.getbool("CORPUS_STORE_PAGES", True),
            order_for(crawler),
            commit_articles=settings.getint("CORPUS_COMMIT_ARTICLES", 100),
            commit_seconds=settings.getfloat("CORPUS_COMMIT_SECONDS", 1.0),
        )

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, COMMIT)
        try:
            if self.commit_articles > 1 and self.corpus.hold_writes():
                self._commit_timer = asyncio.get_running_loop().call_later(self.commit_seconds, self._commit)
            stored = self._store(item)
            if self.corpus.held_articles >= self.commit_articles:
                self._commit()
            return stored
        except sqlite3.OperationalError as error:
            self._failed(error)
            raise DropItem(f"not stored, the corpus cannot be written: {error}") from None
        finally:
            self.order.release(item, COMMIT)

    def _commit(self) -> None:
        if self._commit_timer is not None:
            self._commit_timer.cancel()
            self._commit_timer = None
        try:
            self.corpus.commit()
        except sqlite3.OperationalError as error:
            self._failed(error)

    def _failed(self, error: sqlite3.OperationalError) -> None:
        """Count the failure and stop the crawl; what the corpus holds stays committed."""
        full = "full" in str(error)
        self.stats.inc_value("wirecrawl/errors/corpus_full" if full else "wirecrawl/errors/corpus")
        with contextlib.suppress(sqlite3.Error):
            self.corpus.commit()  # the articles stored before the failing one
        if self._stopping or self.crawler is None or self.crawler.engine is None:
            return
        self._stopping = True
        logger.error("the corpus cannot be written (%s): stopping the crawl", error)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="corpus_full" if full else "corpus_error"))

    def _store(self, item: Article) -> Article:
        row = {
            **vars(item),
            "text_hash": item.text_hash or text_hash(item.text),
            "word_count": len(item.text.split()),
            "similarity": item.similarity if item.story_id is not None else 1.0,
        }
        stored = self.corpus.add_article(
            row,
            urls=[item.fetched_url, item.request_url],
            story_id=item.story_id,
            fingerprint=item.fingerprint,
            absorbs=item.absorbs,
            translations=item.alternates,
            page={"url": item.fetched_url or item.url, "status": item.status, "headers": item.headers, "body": item.body}
            if self.store_pages and item.body
            else None,
        )
        item.story_id = stored.story_id
        self.stats.inc_value("wirecrawl/stored")
        if not stored.new_story:
            self.stats.inc_value("wirecrawl/stored/copies")
        return item
