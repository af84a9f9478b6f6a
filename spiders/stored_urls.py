"""Downloader middleware for incremental crawls."""

from __future__ import annotations

from collections import defaultdict
from typing import Self

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.process.shared_corpus import corpus_for, record_urls
from storage.crawl_corpus import CrawlCorpus

__all__ = ["StoredUrlFilter"]


class StoredUrlFilter:
    """Skips article requests whose URL is already stored; feeds, sitemaps and listings always go.

    Every URL of a redirect chain that ends at a stored article is recorded for it.

    Settings: ``DISCOVERY_SKIP_STORED`` (default True); in a dry run (``DRY_RUN_ENABLED``) no URL is recorded.
    """

    def __init__(self, corpus: CrawlCorpus, stats: StatsCollector, record: bool = True) -> None:
        self.corpus = corpus
        self.stats = stats
        self.record = record  # record the URLs of redirect chains that end at a stored article
        # Redirect chains dropped as duplicates before their target was stored, by target URL.
        self._pending_redirects: dict[str, list[str]] = defaultdict(list)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DISCOVERY_SKIP_STORED"):
            raise NotConfigured("DISCOVERY_SKIP_STORED is off")
        middleware = cls(corpus_for(crawler), crawler.stats, not crawler.settings.getbool("DRY_RUN_ENABLED"))
        crawler.signals.connect(middleware.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def request_dropped(self, request: Request) -> None:
        """A redirect to an article already requested in this run: remember its chain too."""
        sources = request.meta.get("redirect_urls")
        if not request.meta.get("article") or not sources or not self.record:
            return
        stored = self.corpus.article_for_url(request.url)
        if stored is not None:
            record_urls(self.corpus, stored, sources)
        else:
            self._pending_redirects[request.url].extend(sources)

    def spider_closed(self) -> None:
        for target, sources in self._pending_redirects.items():
            if (stored := self.corpus.article_for_url(target)) is not None:
                record_urls(self.corpus, stored, sources)
        self._pending_redirects.clear()

    def process_request(self, request: Request) -> None:
        if not request.meta.get("article"):
            return
        stored = self.corpus.article_for_url(request.url)
        if stored is not None:
            # A redirect that lands on a stored article: remember where it came from, so the
            # next run does not follow it again.
            if self.record:
                record_urls(self.corpus, stored, request.meta.get("redirect_urls", []))
            self.stats.inc_value("wirecrawl/skipped/stored")
            raise IgnoreRequest(f"already stored: {request.url}")
