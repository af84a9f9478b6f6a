"""Stage 1, in a worker: decode, one parse, canonical URL, title, author, dates and body text (the core's first half)."""

from __future__ import annotations

import logging
from typing import Self

from scrapy.crawler import Crawler

from crawler.components.ordering import ArrivalOrder, order_for
from crawler.items import Article
from crawler.process.cpu_pool import WorkerPool, pool_for
from pipelines.core import CoreOptions, FetchedPage, Rejected, extract_page
from pipelines.drop_reasons import ExtractionFailed, drop_for
from pipelines.options import options_for

__all__ = ["ExtractionPipeline"]

logger = logging.getLogger(__name__)


class ExtractionPipeline:
    """Turns the fetched page into the article's fields (:func:`pipelines.core.extract_page`) in a
    worker process; a page that is not an article is dropped with the core's reason.

    Settings: ``EXTRACT_ENABLED`` (off: the page's text as it is, nothing judged),
    ``EXTRACT_MIN_LENGTH``, ``EXTRACT_NON_ARTICLE_URL``, ``EXTRACT_FAVOR``, ``CANONICAL_ENABLED``
    (off: the article URL is the fetched URL); the workers: ``PIPELINE_WORKERS``, ``PIPELINE_MAX_PENDING``.
    """

    def __init__(self, options: CoreOptions, pool: WorkerPool, order: ArrivalOrder) -> None:
        self.options = options
        self.pool = pool
        self.order = order

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(options_for(crawler), pool_for(crawler), order_for(crawler))

    async def process_item(self, item: Article) -> Article:
        self.order.enter(item)
        page = FetchedPage(item.url, item.body, item.headers, item.hints, item.discovered_via)
        try:
            found = await self.pool.run(extract_page, page, self.options)
        except Rejected as rejection:
            raise drop_for(rejection, item.url) from None
        except Exception as error:  # a broken page must not stop the crawl
            logger.warning("extraction failed (%s: %s): %s", type(error).__name__, error, item.url)
            raise ExtractionFailed(f"extraction failed: {item.url}") from None
        item.fill(fetched_url=item.url, **vars(found))
        return item
