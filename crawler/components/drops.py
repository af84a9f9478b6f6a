"""Items dropped for a reason, counted and recorded in one place.

Every stage drops an item by raising a :class:`CountedDrop` subclass (its class says why;
Scrapy's core stats count it under ``item_dropped_reasons_count/<class>``), and
:class:`DropCounter` counts it once more under wirecrawl's own key, ``wirecrawl/<stat>``
(``wirecrawl/dropped/no_body``, ``wirecrawl/duplicates/url``, ...), which a run's record
and its summary read. A page that never became an item (skipped by a URL rule, refused by
robots.txt, failed with an HTTP status) is announced with :func:`report_page_not_stored`. Either
way, :class:`DropCounter` records the page's fate in the corpus (``page_outcomes``), which
``wirecrawl why URL`` reads.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler.process.shared_corpus import corpus_for
from storage.crawl_corpus import CrawlCorpus

__all__ = ["CountedDrop", "DropCounter", "report_page_not_stored"]

logger = logging.getLogger(__name__)

#: Signal sent for a page that was skipped or failed before it became an item.
page_not_stored = object()


class CountedDrop(DropItem):
    """A drop counted under ``wirecrawl/<stat>``; ``article_id`` is the stored article it duplicates, if any."""

    def __init__(self, message: str, stat: str, article_id: int | None = None) -> None:
        super().__init__(message)
        self.stat = stat
        self.article_id = article_id


def report_page_not_stored(crawler: Crawler, urls: list[str], source: str, reason: str, detail: str) -> None:
    """Announce that the page at ``urls`` was skipped or failed (``reason``: a stat key such as ``skipped/robots``)."""
    crawler.signals.send_catch_log(page_not_stored, urls=urls, source=source, reason=reason, detail=detail)


class DropCounter:
    """Counts each :class:`CountedDrop` under its stat key and records every page not stored in ``outcomes``
    (none in a dry run, ``DRY_RUN_ENABLED``: the pages are counted, nothing is written)."""

    def __init__(self, stats: StatsCollector, outcomes: CrawlCorpus | None = None, run_id: int | None = None) -> None:
        self.stats = stats
        self.outcomes = outcomes
        self.run_id = run_id

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        outcomes = None if crawler.settings.getbool("DRY_RUN_ENABLED") else corpus_for(crawler)
        counter = cls(crawler.stats, outcomes, crawler.settings.getint("CORPUS_RUN_ID") or None)
        crawler.signals.connect(counter.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(counter.page_not_stored, signal=page_not_stored)
        return counter

    def item_dropped(self, item: Any, exception: BaseException, **_: Any) -> None:
        if not isinstance(exception, CountedDrop):
            return
        self.stats.inc_value(f"wirecrawl/{exception.stat}")
        urls = [getattr(item, name, "") for name in ("request_url", "fetched_url", "url")]
        self._record(urls, getattr(item, "source", ""), exception.stat, str(exception), exception.article_id)

    def page_not_stored(self, urls: list[str], source: str, reason: str, detail: str, **_: Any) -> None:
        self._record(urls, source, reason, detail)

    def _record(self, urls: list[str], source: str, reason: str, detail: str, article_id: int | None = None) -> None:
        if self.outcomes is None:
            return
        try:
            self.outcomes.record_outcome(urls, source, reason, detail, self.run_id, article_id)
        except sqlite3.OperationalError as error:  # a full disk: the store stage stops the crawl
            logger.debug("the outcome of %s could not be recorded: %s", urls[-1], error)
