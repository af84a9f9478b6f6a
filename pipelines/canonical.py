"""Stage 1: the article's canonical URL, so one page reached under two URLs is one article."""

from __future__ import annotations

from typing import Self
from urllib.parse import urljoin

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector
from trafilatura.utils import load_html

from crawler.items import Article
from crawler.shared_corpus import corpus_for
from crawler.urls import normalize_url, same_site
from storage.corpus import Corpus

__all__ = ["CanonicalUrlPipeline", "canonical_url"]


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
    """Sets ``url`` to the canonical URL; drops a page whose canonical URL is already stored.

    Settings: ``CANONICAL_ENABLED`` (default True).
    """

    def __init__(self, corpus: Corpus, stats: StatsCollector) -> None:
        self.corpus = corpus
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("CANONICAL_ENABLED", True):
            raise NotConfigured("CANONICAL_ENABLED is off")
        return cls(corpus_for(crawler), crawler.stats)

    def process_item(self, item: Article) -> Article:
        item.fetched_url = item.url
        item.tree = load_html(item.html)
        if item.tree is None:
            self.stats.inc_value("wirecrawl/dropped/unparseable")
            raise DropItem(f"unparseable HTML: {item.url}")
        item.url = canonical_url(item.tree, item.url)
        stored = self.corpus.article_for_url(item.url)
        if stored is not None:
            self.corpus.add_urls(stored, [item.fetched_url, item.request_url])
            self.stats.inc_value("wirecrawl/duplicates/url")
            raise DropItem(f"already stored as {item.url}")
        return item
