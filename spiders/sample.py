"""Downloader middleware of a dry run: a few of the new article pages are fetched, the rest counted."""

from __future__ import annotations

from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.components.signals import page_sampled

__all__ = ["ArticleSample", "NotSampled"]


class NotSampled(IgnoreRequest):
    """A new article page a dry run counts without fetching it (the sample is full)."""


class ArticleSample:
    """Lets the first ``DRY_RUN_SAMPLE`` new article requests of a dry run through; ignores the
    others, counted under ``wirecrawl/dry_run/not_fetched`` (the sampled ones under
    ``wirecrawl/dry_run/sampled``).

    It runs after :class:`spiders.stored_urls.StoredUrlFilter`, so every article request it
    sees is new; redirects and retries of a sampled page go through uncounted. Feeds,
    sitemaps and listings always go. Settings: ``DRY_RUN_ENABLED`` (off: not installed),
    ``DRY_RUN_SAMPLE``.
    """

    def __init__(self, crawler: Crawler, stats: StatsCollector, size: int) -> None:
        self.crawler = crawler
        self.stats = stats
        self.size = size
        self.sampled = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DRY_RUN_ENABLED"):
            raise NotConfigured()  # the usual case, not worth a line in the log
        assert crawler.stats is not None
        return cls(crawler, crawler.stats, crawler.settings.getint("DRY_RUN_SAMPLE"))

    def process_request(self, request: Request) -> None:
        if not request.meta.get("article") or "redirect_urls" in request.meta or request.meta.get("retry_times"):
            return
        if self.sampled >= self.size:
            self.stats.inc_value("wirecrawl/dry_run/not_fetched")
            raise NotSampled(f"not in the dry run's sample: {request.url}")
        self.sampled += 1
        self.stats.inc_value("wirecrawl/dry_run/sampled")
        self.crawler.signals.send_catch_log(page_sampled, url=request.url)
