"""Stage 2: one article per canonical URL, so one page reached under two URLs is one article."""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.ordering import ArrivalOrder, order_for
from crawler.shared_corpus import corpus_for
from crawler.urls import normalize_url, same_site
from storage.corpus import Corpus

__all__ = ["CanonicalUrlPipeline", "canonical_url"]

#: Where pages take their turn to claim their URL.
POINT = "canonical_url"


def canonical_url(tree, url: str) -> str:  # noqa: ANN001 (lxml element)
    """The page's ``rel=canonical`` (else ``og:url``) when on the same site, normalized; else ``url``.

    A canonical pointing to another site (syndication partners do this) is ignored: the copy
    on this site is an article of its own.
    """
    if tree is not None:
        for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
            for value in tree.xpath(xpath):
                candidate = value.strip()
                if not candidate:
                    continue
                candidate = urljoin(url, candidate)
                if candidate.startswith(("http://", "https://")) and same_site(candidate, url):
                    return normalize_url(candidate)
    return normalize_url(url)


class CanonicalUrlPipeline:
    """Drops a page whose canonical URL (found by the extraction stage) is already stored.

    Pages take their turn in arrival order; a page whose URL an earlier page still in the
    pipeline has (the same page reached through two links at once) waits for that one's
    outcome, so the URL is stored once and the second link recorded for it.

    Settings: ``CANONICAL_ENABLED`` (default True).
    """

    def __init__(self, corpus: Corpus, stats: StatsCollector, order: ArrivalOrder | None = None) -> None:
        self.corpus = corpus
        self.stats = stats
        self.order = order or ArrivalOrder()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("CANONICAL_ENABLED", True):
            raise NotConfigured("CANONICAL_ENABLED is off")
        return cls(corpus_for(crawler), crawler.stats, order_for(crawler))

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, POINT)
        try:
            while (earlier := self.order.claim(item, item.url)) is not None:
                await self.order.departure(earlier)
            stored = self.corpus.article_for_url(item.url)
            if stored is not None:
                self.corpus.add_urls(stored, [item.fetched_url, item.request_url])
                self.stats.inc_value("wirecrawl/duplicates/url")
                raise DropItem(f"already stored as {item.url}")
            return item
        finally:
            self.order.release(item, POINT)
