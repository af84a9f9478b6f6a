"""Stage 3: the body's text. The site's templates in order, then cleaning rules, language and
text identity in one worker call (the core's second half)."""

from __future__ import annotations

import logging
import sqlite3
from typing import Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.components.ordering import ArrivalOrder, order_for
from crawler.items import Article
from crawler.process.cpu_pool import WorkerPool, pool_for
from crawler.process.shared_corpus import corpus_for
from pipelines.core import CoreOptions, Rejected, SiteTemplates, finish_text, language_hints
from pipelines.core.cleaning import site_name
from pipelines.drop_reasons import ExtractionFailed, drop_for
from pipelines.options import options_for

__all__ = ["TextPipeline"]

logger = logging.getLogger(__name__)

#: Where pages take their turn with their site's templates.
POINT = "site_templates"


class TextPipeline:
    """Cleans the body, decides its language and computes what identifies it.

    Pages consult and teach their site's templates in arrival order (so the outcome does not
    depend on which worker finished first); the rest is :func:`pipelines.core.finish_text`
    in a worker process. Pages left too short, or in a language their source does not list
    (``languages``), are dropped. A page whose templates cannot be learned (the corpus is full)
    goes on with those learned so far: the store stage decides what a full corpus means.
    Settings: ``CLEAN_ENABLED`` (templates and rules), ``CLEAN_TEMPLATE_PAGES``, ``CLEAN_MIN_LENGTH``;
    ``LANGUAGE_ENABLED``, ``LANGUAGE_*``; ``DEDUP_NEAR_ENABLED`` (the fingerprint), ``DEDUP_SHINGLE_SIZE``,
    ``DEDUP_NUM_PERM``, ``DEDUP_BANDS``; ``DRY_RUN_ENABLED`` (the templates are used, not taught).
    """

    def __init__(
        self,
        options: CoreOptions,
        templates: SiteTemplates | None,
        stats: StatsCollector,
        pool: WorkerPool,
        order: ArrivalOrder,
        learn: bool = True,
    ) -> None:
        self.options = options
        self.templates = templates
        self.stats = stats
        self.pool = pool
        self.order = order
        self.learn = learn  # each page counts for its site's templates (not in a dry run)
        # What a dropped page made its site's templates: the next stored page of the site takes it to storage.
        self._recleans: dict[str, tuple[tuple[str, str], ...]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        options = options_for(crawler)
        templates = SiteTemplates.from_settings(corpus_for(crawler), crawler.settings) if options.rules else None
        learn = not crawler.settings.getbool("DRY_RUN_ENABLED")
        return cls(options, templates, crawler.stats, pool_for(crawler), order_for(crawler), learn)

    async def process_item(self, item: Article) -> Article:
        blocks = item.text.split("\n\n") if item.text else []
        kept, slots = blocks, item.slots
        if self.templates is not None:
            await self.order.turn(item, POINT)
            try:
                templated = self.templates.remove(item.url, blocks, item.slots, learn=self.learn)
            except sqlite3.OperationalError:  # a full disk: the store stage fails on this page and stops the crawl
                templated = self.templates.remove_known(item.url, blocks, item.slots)
            finally:
                self.order.release(item, POINT)
            kept, slots = templated.kept, templated.slots
            site = site_name(item.url)
            item.recleans = tuple(dict.fromkeys(self._recleans.pop(site, ()) + templated.recleans))
        hints = language_hints(item.hints, item.headers, item.page_language)
        try:
            finished = await self.pool.run(finish_text, kept, item.title, hints, self.options, slots)
        except Exception as error:  # a broken page must not stop the crawl
            if item.recleans:
                self._recleans[site] = item.recleans
            if isinstance(error, Rejected):
                raise drop_for(error, item.url) from None
            logger.warning("text stages failed (%s: %s): %s", type(error).__name__, error, item.url)
            raise ExtractionFailed(f"text stages failed: {item.url}") from None
        if removed := len(blocks) - len(kept) + finished.removed_blocks:
            self.stats.inc_value("wirecrawl/cleaned/blocks", removed)
        if self.options.detector is not None:
            self.stats.inc_value(f"wirecrawl/language/{finished.language.source or 'unknown'}")
        item.fill(
            **finished.fields(), fingerprint=finished.fingerprint, shingles=finished.shingles, slots=finished.slots
        )
        return item
