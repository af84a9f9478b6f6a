"""Downloader middleware for incremental crawls."""

from __future__ import annotations

from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.shared_corpus import corpus_for
from storage.corpus import Corpus

__all__ = ["StoredUrlFilter"]


class StoredUrlFilter:
    """Skips article requests whose URL is already stored; feeds, sitemaps and listings always go.

    Settings: ``DISCOVERY_SKIP_STORED`` (default True).
    """

    def __init__(self, corpus: Corpus, stats: StatsCollector) -> None:
        self.corpus = corpus
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DISCOVERY_SKIP_STORED", True):
            raise NotConfigured("DISCOVERY_SKIP_STORED is off")
        return cls(corpus_for(crawler), crawler.stats)

    def process_request(self, request: Request) -> None:
        if request.meta.get("article") and self.corpus.article_for_url(request.url) is not None:
            self.stats.inc_value("wirecrawl/skipped/stored")
            raise IgnoreRequest(f"already stored: {request.url}")
