"""Stage 4, in order: the article's story decided (the core's :class:`StoryRules`), then the article stored."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import deferred_from_coro

from crawler.components.failures import count_failure
from crawler.components.ordering import COMMIT, ArrivalOrder, order_for
from crawler.items import Article
from crawler.process.shared_corpus import SharedByCrawlers, corpus_for, corpus_key
from pipelines.core import StoryRules
from pipelines.core.cleaning import site_name
from pipelines.core.identity import Fingerprinter, text_hash
from pipelines.drop_reasons import NotStored, SamePage
from pipelines.recleaning import SiteRecleaner
from storage.corpus import Corpus
from storage.errors import CorpusError
from storage.story_store import StoredArticle

__all__ = ["ArticleStorage", "CorpusPipeline", "Uncommitted", "check_story_index", "uncommitted_for"]

logger = logging.getLogger(__name__)


def check_story_index(path: Path, settings: BaseSettings) -> None:
    """Raise :class:`CorpusError` when the corpus at ``path`` has a near-duplicate index built with
    other ``DEDUP_*`` settings: a crawl refuses it in one line before its first request (the
    store stage checks again as it starts, for a crawl run by other means)."""
    if not settings.getbool("DEDUP_NEAR_ENABLED"):
        return
    corpus = Corpus(path)
    try:
        StoryRules.from_settings(corpus, settings).matcher.check_index()
    except sqlite3.OperationalError as error:
        raise CorpusError(f"the corpus {path} cannot record its index's settings: {error}") from None
    finally:
        corpus.close()


@dataclass(frozen=True)
class Uncommitted:
    """An article written since the corpus's last commit, and the stats of the crawl that wrote it."""

    item: Article
    new_story: bool
    stats: StatsCollector


#: The articles written since the last commit of the crawler's corpus, one list for every crawler
#: of the process writing it: whichever commits, each is counted in its own crawl's stats.
uncommitted_for: SharedByCrawlers[list[Uncommitted]] = SharedByCrawlers(lambda crawler: [], corpus_key)


class ArticleStorage:
    """Stores articles in a corpus, each with its story decided by the core's :class:`StoryRules`,
    and keeps the articles stored since the last commit, to write them again after a failed one.

    The one place that decides and stores: the crawl's :class:`CorpusPipeline` and the cluster's
    writer (:mod:`pipelines.cluster.writer`) both store through it. ``stats`` counts ``wirecrawl/stored`` and
    ``wirecrawl/stored/copies`` once committed, and ``wirecrawl/duplicates/*``; with ``store_pages`` the page as
    fetched is kept (compressed) with its article, and always the slot of each paragraph; an
    article whose page made slots furniture (``recleans``) has its site's stored articles
    re-cleaned of them first (``recleaner``, counted in ``wirecrawl/recleaned``). In a dry run
    (``dry_run``) the story is decided against the corpus as it is, and nothing is written.
    """

    def __init__(
        self,
        corpus: Corpus,
        rules: StoryRules,
        stats: StatsCollector,
        store_pages: bool,
        dry_run: bool = False,
        recleaner: SiteRecleaner | None = None,
        uncommitted: list[Uncommitted] | None = None,
    ) -> None:
        self.corpus = corpus
        self.rules = rules
        self.stats = stats
        self.store_pages = store_pages
        self.dry_run = dry_run
        self.recleaner = recleaner
        # Written since the corpus's last commit, by every storage of the corpus (one commit is
        # everyone's): counted once committed, written again after a rollback.
        self._uncommitted = uncommitted if uncommitted is not None else []

    @classmethod
    def from_settings(
        cls, corpus: Corpus, settings: BaseSettings, stats: StatsCollector, uncommitted: list[Uncommitted] | None = None
    ) -> Self:
        """Storage with the story rules of ``settings`` (``DEDUP_*``, ``CORPUS_STORE_PAGES``); the
        near-duplicate index is checked against them first (not in a dry run, ``DRY_RUN_ENABLED``:
        the check records the settings of a new index)."""
        rules = StoryRules.from_settings(corpus, settings)
        dry_run = settings.getbool("DRY_RUN_ENABLED")
        if rules.near and not dry_run:
            rules.matcher.check_index()
        fingerprinter = Fingerprinter.from_settings(settings) if settings.getbool("DEDUP_NEAR_ENABLED") else None
        recleaner = SiteRecleaner(corpus, fingerprinter)
        return cls(corpus, rules, stats, settings.getbool("CORPUS_STORE_PAGES"), dry_run, recleaner, uncommitted)

    def store(self, item: Article) -> StoredArticle:
        """Decide the item's story and store it (not committed); raises :class:`SamePage` for a page
        stored before under another query string (its URLs are recorded for it)."""
        if item.recleans and self.recleaner is not None:
            # Before the story: the site's articles stored earlier are all in, this one is clean already.
            if recleaned := self.recleaner.reclean(site_name(item.url), item.recleans):
                self.stats.inc_value("wirecrawl/recleaned", recleaned)
        self.decide(item)
        stored = self._write(item)
        self._uncommitted.append(Uncommitted(item, stored.new_story, self.stats))
        if not self.corpus.in_transaction:  # written on its own: committed already
            self._count_committed()
        return stored

    def commit(self) -> None:
        """Commit what was stored since the last commit."""
        self.corpus.commit()
        self._count_committed()

    def _count_committed(self) -> None:
        """Count the articles stored since the last count, now committed: a run that stops on a
        full disk counts what the corpus holds, not what it tried to write."""
        for written in self._uncommitted:
            written.stats.inc_value("wirecrawl/stored")
            if not written.new_story:
                written.stats.inc_value("wirecrawl/stored/copies")
        self._uncommitted.clear()

    def decide(self, item: Article) -> None:
        """Decide the item's story (``story_id``, ``absorbs``, ``similarity``), writing nothing but,
        for a page stored before under another query string, its URLs (not in a dry run); then
        raises :class:`SamePage`."""
        item.text_hash = item.text_hash or text_hash(item.text)
        decision = self.rules.decide(item.url, item.text_hash, item.language, item.fingerprint, item.shingles)
        if decision.same_page is not None:
            # The same page under a query string we do not know as tracking (?wt_mc=..., ?ref=...).
            if not self.dry_run:
                self.corpus.add_urls(decision.same_page, [item.url, item.fetched_url, item.request_url])
            raise SamePage(f"same page as article {decision.same_page}: {item.url}", decision.same_page)
        item.story_id, item.absorbs = decision.story_id, decision.absorbs
        if decision.exact:
            item.similarity = 1.0
            self.stats.inc_value("wirecrawl/duplicates/exact")
        elif decision.story_id is not None:
            self.stats.inc_value("wirecrawl/duplicates/near")
            self.stats.inc_value("wirecrawl/stories/united", len(decision.absorbs))

    def keep_uncommitted(self, reason: str) -> None:
        """Commit the articles stored before the failing one. On a full disk SQLite may roll the
        whole batch back: then they are written again one by one, as many as fit; each that does
        not is a failure (``reason``) of the crawl that fetched it, fetched again next run."""
        batch = list(self._uncommitted)
        with contextlib.suppress(sqlite3.Error):
            if self.corpus.in_transaction:
                self.commit()
                return
            self._uncommitted.clear()
            while batch:
                self._uncommitted.append(replace(batch[0], new_story=self._write(batch[0].item).new_story))
                self.commit()
                batch.pop(0)
        self._uncommitted.clear()
        for lost in batch:
            count_failure(lost.stats, reason)

    def _write(self, item: Article) -> StoredArticle:
        row = {
            **item.field_values(),
            "text_hash": item.text_hash,
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
            slots=(site_name(item.url), item.slots) if item.slots else None,
            page={
                "url": item.fetched_url or item.url,
                "status": item.status,
                "headers": item.headers,
                "body": item.body,
                "hints": item.hints,
                "discovered_via": item.discovered_via,
            }
            if self.store_pages and item.body
            else None,
        )
        item.story_id = stored.story_id
        return stored


class CorpusPipeline:
    """Decides each article's story and writes it with its story atomically (``CORPUS_PATH``),
    and the page as fetched, compressed, unless ``CORPUS_STORE_PAGES`` is off.

    One item at a time, in arrival order (:data:`crawler.components.ordering.COMMIT`, taken and released
    here), so a copy always sees the copies that arrived before it. The same text at the same
    path under another query string is the stored page again: its URLs are recorded and the
    copy dropped. Settings: ``DEDUP_EXACT_ENABLED``, ``DEDUP_NEAR_ENABLED`` and the ``DEDUP_*``
    thresholds (see :class:`pipelines.core.StoryRules`).
    Commits are batched: every ``CORPUS_COMMIT_ARTICLES`` articles or ``CORPUS_COMMIT_SECONDS``
    seconds, whichever comes first (a crash loses at most that, to be fetched again).

    When the corpus cannot be written (a full disk, ``CORPUS_MAX_SIZE`` reached, an I/O
    error), the transaction is rolled back, so the corpus stays valid, and the crawl stops
    (close reason ``corpus_full`` or ``corpus_error``): fetching pages that cannot be
    stored would only cost the sites bandwidth.

    In a dry run (``DRY_RUN_ENABLED``) the story is decided against the corpus as it is, and
    nothing is written: the item leaves the pipeline as the article that would be stored.
    """

    def __init__(
        self,
        storage: ArticleStorage,
        crawler: Crawler | None,
        order: ArrivalOrder,
        commit_articles: int,
        commit_seconds: float,
    ) -> None:
        self.storage = storage
        self.corpus = storage.corpus
        self.stats = storage.stats
        self.crawler = crawler
        self.order = order
        self.commit_articles = commit_articles
        self.commit_seconds = commit_seconds
        self._commit_timer: asyncio.TimerHandle | None = None
        self._stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        corpus = corpus_for(crawler)
        if not isinstance(corpus, Corpus):
            raise NotConfigured()  # another backend's stage stores the articles (a cluster worker's: silently)
        return cls(
            ArticleStorage.from_settings(corpus, settings, crawler.stats, uncommitted_for(crawler)),
            crawler,
            order_for(crawler),
            commit_articles=settings.getint("CORPUS_COMMIT_ARTICLES"),
            commit_seconds=settings.getfloat("CORPUS_COMMIT_SECONDS"),
        )

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, COMMIT)
        try:
            if self.storage.dry_run:
                self.storage.decide(item)
                return item
            if self.commit_articles > 1 and self.corpus.hold_writes():
                if self._commit_timer is not None:  # its batch ended without it (a rollback on a full disk)
                    self._commit_timer.cancel()
                self._commit_timer = asyncio.get_running_loop().call_later(self.commit_seconds, self._commit)
            self.storage.store(item)
            if self.corpus.held_articles >= self.commit_articles:
                self._commit()
            return item
        except sqlite3.OperationalError as error:
            self._failed(error, lost=1)
            raise NotStored(f"not stored, the corpus cannot be written: {error}") from None
        finally:
            self.order.release(item, COMMIT)

    def close_spider(self) -> None:
        """Commit now: the spider's articles are counted in its run (another crawler's transaction may
        hold them), and its timer must not fire after the corpus is closed."""
        if not self.storage.dry_run:
            self._commit()

    def _commit(self) -> None:
        if self._commit_timer is not None:
            self._commit_timer.cancel()
            self._commit_timer = None
        try:
            self.storage.commit()
        except sqlite3.OperationalError as error:
            self._failed(error, lost=0)

    def _failed(self, error: sqlite3.OperationalError, lost: int) -> None:
        """Keep what fits, count every article not stored (``lost`` of them besides the batch's)
        as a failure, and stop the crawl; what the corpus holds stays committed."""
        full = "full" in str(error)
        reason = "corpus_full" if full else "corpus"
        for _ in range(lost):
            count_failure(self.stats, reason)
        self.storage.keep_uncommitted(reason)
        if self._stopping or self.crawler is None or self.crawler.engine is None:
            return
        self._stopping = True
        logger.error("the corpus cannot be written (%s): stopping the crawl", error)
        self.crawler.engine.pause()  # no request leaves the scheduler, those waiting their turn are dropped
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="corpus_full" if full else "corpus_error"))
