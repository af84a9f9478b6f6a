"""Stage 5: storing the article, its URLs and its story in the corpus."""

from __future__ import annotations

from typing import Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler.items import Article
from crawler.shared_corpus import corpus_for
from pipelines.duplicates import text_hash
from storage.corpus import Corpus

__all__ = ["CorpusPipeline"]


class CorpusPipeline:
    """Writes each article with its story in one transaction (``CORPUS_PATH``), and the page
    as fetched, compressed, unless ``CORPUS_STORE_PAGES`` is off."""

    def __init__(self, corpus: Corpus, stats: StatsCollector, store_pages: bool = True) -> None:
        self.corpus = corpus
        self.stats = stats
        self.store_pages = store_pages

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(corpus_for(crawler), crawler.stats, crawler.settings.getbool("CORPUS_STORE_PAGES", True))

    def process_item(self, item: Article) -> Article:
        row = {
            **vars(item),
            "text_hash": item.text_hash or text_hash(item.text),
            "word_count": len(item.text.split()),
            "similarity": item.similarity if item.story_id is not None else 1.0,
        }
        stored = self.corpus.add_article(
            row,
            urls=[item.fetched_url, item.request_url],
            story_id=item.story_id,
            fingerprint=item.fingerprint,
            absorbs=item.absorbs,
            translations=item.alternates,
            page={"url": item.fetched_url or item.url, "status": item.status, "headers": item.headers, "body": item.body}
            if self.store_pages and item.body
            else None,
        )
        item.story_id = stored.story_id
        self.stats.inc_value("wirecrawl/stored")
        if not stored.new_story:
            self.stats.inc_value("wirecrawl/stored/copies")
        return item
