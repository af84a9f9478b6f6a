"""Stage 2, in order: one article per canonical URL, so one page reached under two URLs is one article."""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler

from crawler.items import Article
from crawler.ordering import ArrivalOrder, order_for
from crawler.shared_corpus import corpus_for, record_urls
from pipelines.drops import AlreadyStored
from storage.corpus import Corpus

__all__ = ["CanonicalUrlPipeline"]

#: Where pages take their turn to claim their URL.
POINT = "canonical_url"


class CanonicalUrlPipeline:
    """Drops a page whose URL (canonical, as extraction found it) is already stored, recording
    the URLs it was reached under for that article.

    Pages take their turn in arrival order; a page whose URL an earlier page still in the
    pipeline has (the same page reached through two links at once) waits for that one's
    outcome, so the URL is stored once and the second link recorded for it. In a dry run
    (``DRY_RUN_ENABLED``) the page is dropped just the same, and nothing recorded.
    """

    def __init__(self, corpus: Corpus, order: ArrivalOrder, record: bool = True) -> None:
        self.corpus = corpus
        self.order = order
        self.record = record

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(corpus_for(crawler), order_for(crawler), not crawler.settings.getbool("DRY_RUN_ENABLED"))

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, POINT)
        try:
            while (earlier := self.order.claim(item, item.url)) is not None:
                await self.order.departure(earlier)
            stored = self.corpus.article_for_url(item.url)
            if stored is not None:
                if self.record:
                    record_urls(self.corpus, stored, [item.fetched_url, item.request_url])
                raise AlreadyStored(f"already stored as {item.url}", stored)
            return item
        finally:
            self.order.release(item, POINT)
