"""Scrapy extension recording each crawl in the corpus's ``crawl_runs`` table."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from typing import Any, Self

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.components.failures import ERRORS
from crawler.process.logs import failure_summary
from crawler.process.shared_corpus import corpus_for
from storage.crawl_corpus import CrawlCorpus

__all__ = ["CrawlRunRecorder", "finish_reason", "record_source", "run_counts", "run_status", "same_page_duplicates"]

logger = logging.getLogger(__name__)


def run_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """The crawl_runs counters from a crawler's stats (``wirecrawl/*`` and Scrapy's own)."""

    def total(prefix: str) -> int:
        return sum(int(v) for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int))

    return {
        "pages_fetched": int(stats.get("downloader/response_count", 0)),
        "articles_added": int(stats.get("wirecrawl/stored", 0)),
        # duplicates: pages already stored under another URL (not stored again) plus stored
        # copies of stories seen before (each kept with its own URL)
        "duplicates": int(stats.get("wirecrawl/duplicates/url", 0)) + int(stats.get("wirecrawl/stored/copies", 0)),
        "copies": int(stats.get("wirecrawl/stored/copies", 0)),
        "dropped": total("wirecrawl/dropped/"),
        "errors": total(ERRORS),
        "http_errors": total(ERRORS + "http_"),  # the failures that were answered (4xx, 5xx)
        "skipped_stored": int(stats.get("wirecrawl/skipped/stored", 0)),
        "recleaned": int(stats.get("wirecrawl/recleaned", 0)),  # stored articles re-cleaned of their site's templates
    }


def same_page_duplicates(counts: Mapping[str, int]) -> int:
    """Of the ``duplicates`` of :func:`run_counts`, the pages already stored under another URL
    (not stored again): the others are the stored ``copies``."""
    return counts.get("duplicates", 0) - counts.get("copies", 0)


#: Close reasons of Scrapy's CloseSpider extension for a limit the run was given (CLOSESPIDER_ITEMCOUNT,
#: _PAGECOUNT, _TIMEOUT and their _NO_ITEM variants): the run ended as asked. Its _ERRORCOUNT
#: is not among them: that run stopped because too much went wrong.
LIMIT_REASONS = frozenset(
    {
        "closespider_itemcount",
        "closespider_pagecount",
        "closespider_pagecount_no_item",
        "closespider_timeout",
        "closespider_timeout_no_item",
    }
)


#: The close reasons of a crawl stopped because the corpus could not be written, by failure.
CORPUS_FAILURES = {"corpus_full": "corpus_full", "corpus": "corpus_error"}


def finish_reason(reason: str, stats: Mapping[str, Any]) -> str:
    """The spider's close reason, or the corpus failure that ended it: a corpus that cannot be
    written fails the run also when only the spider's last commit found it, too late to close
    the spider for it."""
    if reason == "finished":
        for failure, closed in CORPUS_FAILURES.items():
            if stats.get(ERRORS + failure):
                return closed
    return reason


def run_status(finish_reasons: list[str], errors: int) -> str:
    """A run's status from its spiders' close reasons and its error count."""
    if any(reason == "shutdown" for reason in finish_reasons):
        return "interrupted"
    if any(reason != "finished" and reason not in LIMIT_REASONS for reason in finish_reasons):
        return "failed"
    return "finished_with_errors" if errors else "finished"


class CrawlRunRecorder:
    """Adds each spider's counts to its run in ``crawl_runs`` / ``crawl_run_sources``.

    `wirecrawl crawl` opens one run for all its spiders (``CORPUS_RUN_ID``) and closes it;
    a bare ``scrapy crawl NAME`` gets a run of its own, opened and closed here.
    Settings: ``CORPUS_RUNS_ENABLED`` (default True); off in a dry run (``DRY_RUN_ENABLED``).
    """

    def __init__(self, crawler: Crawler, corpus: CrawlCorpus, run_id: int | None) -> None:
        self.crawler = crawler
        self.corpus = corpus
        self.run_id = run_id
        self.owns_run = run_id is None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("CORPUS_RUNS_ENABLED"):
            raise NotConfigured("CORPUS_RUNS_ENABLED is off")
        if crawler.settings.getbool("DRY_RUN_ENABLED"):
            raise NotConfigured()  # a dry run records no run (no "Disabled" warning: it is meant)
        run_id = crawler.settings.getint("CORPUS_RUN_ID") or None
        recorder = cls(crawler, corpus_for(crawler), run_id)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        return recorder

    def spider_opened(self, spider: Spider) -> None:
        if self.owns_run:
            self.run_id = self.corpus.start_run([spider.name])

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = self.crawler.stats.get_stats()
        reason = finish_reason(reason, stats)
        counts = record_source(self.corpus, self.run_id, spider.name, stats, reason)
        if self.owns_run and counts is not None:
            try:
                self.corpus.finish_run(self.run_id, run_status([reason], counts["errors"]))
            except sqlite3.OperationalError as error:
                logger.error("source %s: its run could not be recorded: %s", spider.name, error)


def record_source(
    corpus: CrawlCorpus, run_id: int | None, source: str, stats: Mapping[str, Any], reason: str
) -> dict[str, int] | None:
    """Log the source's failure summary and add its counts to run ``run_id``; the counts, or
    None when the corpus cannot be written (a full disk: the corpus itself is intact)."""
    counts = run_counts(stats)
    wirecrawl_stats = {k: v for k, v in stats.items() if k.startswith("wirecrawl/")}
    if summary := failure_summary(source, wirecrawl_stats):
        logger.warning(summary)
    try:
        corpus.record_run_source(run_id, source, {**counts, "finish_reason": reason, "stats": wirecrawl_stats})
    except sqlite3.OperationalError as error:
        logger.error("source %s: its counts could not be recorded: %s", source, error)
        return None
    return counts
