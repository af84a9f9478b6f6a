"""Stage 6: exact duplicates, a copy whose normalized text equals a stored one joins its story.

Near-duplicate detection (edited copies) slots in after this stage: it sets ``story_id``
and ``similarity`` for items this stage left without a story.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.ordering import COMMIT, ArrivalOrder, order_for
from crawler.shared_corpus import corpus_for
from crawler.urls import same_path
from storage.corpus import Corpus

__all__ = ["ExactDuplicatePipeline", "normalized_text", "text_hash"]

_NOT_WORD = re.compile(r"[\W_]+")


def normalized_text(text: str) -> str:
    """Text reduced to what identifies a story: NFKC, case-folded, punctuation and spacing folded."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def text_hash(text: str) -> str:
    """SHA-1 of the normalized text."""
    return hashlib.sha1(normalized_text(text).encode("utf-8")).hexdigest()


class ExactDuplicatePipeline:
    """An article whose ``text_hash`` is stored joins that article's story.

    Decides in arrival order, with storage (see :data:`crawler.ordering.COMMIT`).

    The same text at the same path under another query string is the same page: its URL is
    recorded for the stored article and the copy dropped.

    Settings: ``DEDUP_EXACT_ENABLED``.
    """

    def __init__(self, corpus: Corpus, stats: StatsCollector, order: ArrivalOrder | None = None) -> None:
        self.corpus = corpus
        self.stats = stats
        self.order = order or ArrivalOrder()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DEDUP_EXACT_ENABLED", True):
            raise NotConfigured("DEDUP_EXACT_ENABLED is off")
        return cls(corpus_for(crawler), crawler.stats, order_for(crawler))

    async def process_item(self, item: Article) -> Article:
        item.text_hash = item.text_hash or text_hash(item.text)
        await self.order.turn(item, COMMIT)
        for article_id, url in self.corpus.articles_with_text_hash(item.text_hash):
            if same_path(url, item.url):
                # The same page under a query string we do not know as tracking (?wt_mc=..., ?ref=...).
                self.corpus.add_urls(article_id, [item.url, item.fetched_url, item.request_url])
                self.stats.inc_value("wirecrawl/duplicates/url")
                raise DropItem(f"same page as {url}: {item.url}")
        story = self.corpus.story_for_text_hash(item.text_hash)
        if story is not None:
            item.story_id, item.similarity = story, 1.0
            self.stats.inc_value("wirecrawl/duplicates/exact")
        return item
