"""Finding a site's feeds and sitemaps, for ``wirecrawl sources add``: a spider that reads the home
page and robots.txt and tries the usual paths, keeping only documents that read as a feed or
sitemap with entries (the crawl's own parsers decide)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from scrapy import Request, Spider
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from scrapy.settings import Settings
from twisted.python.failure import Failure

from crawler.components.failures import failure_reason
from crawler.config import LANGUAGE_PATTERN
from crawler.process.logs import quiet_per_page_noise
from spiders.feeds import UnreadableDocument, parse_feed
from spiders.sitemaps import parse_sitemap, robots_sitemaps
from spiders.source import http_charset

__all__ = ["FEED_PATHS", "FEED_TYPES", "SITEMAP_PATHS", "SiteDiscoverySpider", "SiteDocuments", "discover_site"]

#: Where sites usually serve their feed (WordPress, Hugo, Jekyll, Ghost, Drupal, ...).
FEED_PATHS = ("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml", "/feed.json")
#: Where sites usually serve their sitemaps besides robots.txt's ``Sitemap:`` lines (news ones too).
SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/sitemap-news.xml")
#: ``<link rel="alternate" type=...>`` types of a feed (JSON Feed 1.1's, and 1.0's plain JSON).
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
)


@dataclass
class SiteDocuments:
    """What was found on a site: its feeds and sitemaps (final URL -> entries); those the site names
    (home page links, then robots.txt) first, then those at the usual paths, each in the order named."""

    home: str
    feeds: dict[str, int] = field(default_factory=dict)
    sitemaps: dict[str, int] = field(default_factory=dict)  # entries: articles, or sitemaps of an index
    language: str | None = None  # the home page's <html lang>, as an ISO 639-1 code
    home_failure: str | None = None  # why the home page could not be read, if it could not

    def source_table(self, name: str) -> dict[str, Any]:
        """A ``[[sources]]`` table named ``name`` declaring what was found (for :func:`crawler.config.dump_sources`)."""
        table: dict[str, Any] = {"name": name, "feeds": list(self.feeds), "sitemaps": list(self.sitemaps)}
        table = {key: value for key, value in table.items() if value}
        if self.language:
            table["language"] = self.language
        return table


class SiteDiscoverySpider(Spider):
    """Reads ``url`` (a site's home page) for ``<link rel="alternate">`` feeds, its robots.txt for
    ``Sitemap:`` lines, and tries :data:`FEED_PATHS` and :data:`SITEMAP_PATHS`. A document counts
    when the crawl's feed or sitemap parser reads at least one entry from it; the findings are
    in ``found`` when the crawl ends. robots.txt and the politeness settings apply.
    """

    name = "site-discovery"
    custom_settings = {"ITEM_PIPELINES": {}, "DISCOVERY_SKIP_STORED": False}  # requests only; no corpus read

    def __init__(self, url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.found = SiteDocuments(url)
        self._ranks: dict[str, tuple[int, int]] = {}  # where each document was named, to list them in that order

    async def start(self) -> AsyncIterator[Request]:
        home = self.found.home
        yield Request(home, callback=self.parse_home, errback=self.home_failed)
        yield Request(
            urljoin(home, "/robots.txt"),
            callback=self.parse_robots,
            meta={"dont_obey_robotstxt": True},
            errback=self.not_there,
        )
        for rank, path in enumerate(FEED_PATHS):
            yield self._candidate(urljoin(home, path), self.parse_feed, (2, rank))
        for rank, path in enumerate(SITEMAP_PATHS):
            yield self._candidate(urljoin(home, path), self.parse_sitemap, (2, rank))

    def _candidate(self, url: str, callback: Any, rank: tuple[int, int]) -> Request:
        return Request(url, callback=callback, errback=self.not_there, meta={"rank": rank})

    def parse_home(self, response: Response) -> Iterator[Request]:
        """Feeds the home page links to, and its language."""
        if not isinstance(response, TextResponse):
            self.found.home_failure = "not an HTML page"
            return
        language = (response.xpath("/html/@lang").get() or "").split("-")[0].strip().lower()
        self.found.language = language if LANGUAGE_PATTERN.match(language) else None
        for rank, link in enumerate(response.xpath("//link[@href]")):
            rel = (link.attrib.get("rel") or "").lower().split()
            if "alternate" in rel and (link.attrib.get("type") or "").lower().strip() in FEED_TYPES:
                yield self._candidate(response.urljoin(link.attrib["href"]), self.parse_feed, (0, rank))

    def parse_robots(self, response: Response) -> Iterator[Request]:
        """The sitemaps (and feeds) robots.txt names."""
        for rank, url in enumerate(robots_sitemaps(response.body, response.url)):
            yield self._candidate(url, self.parse_sitemap, (1, rank))

    def parse_feed(self, response: Response) -> None:
        """Keep the document if it reads as a feed with entries."""
        try:
            entries = len(parse_feed(response.body, response.url, http_charset(response)).entries)
        except UnreadableDocument:
            return
        if entries:
            self._ranks.setdefault(response.url, response.meta["rank"])
            self.found.feeds.setdefault(response.url, entries)

    def parse_sitemap(self, response: Response) -> None:
        """Keep the document if it reads as a sitemap (or sitemap index) with entries."""
        try:
            sitemap = parse_sitemap(
                response.body, response.url, self.settings.getint("DOWNLOAD_MAXSIZE"), http_charset(response)
            )
        except UnreadableDocument:
            return
        if sitemap.entries:  # a feed robots.txt names as a sitemap is a feed
            self._ranks.setdefault(response.url, response.meta["rank"])
            found = self.found.feeds if sitemap.feed else self.found.sitemaps
            found.setdefault(response.url, len(sitemap.entries))

    def closed(self, reason: str) -> None:
        """Put what was found in the order it was named."""
        for documents in (self.found.feeds, self.found.sitemaps):
            ordered = sorted(documents.items(), key=lambda item: self._ranks[item[0]])
            documents.clear()
            documents.update(ordered)

    def home_failed(self, failure: Failure) -> None:
        self.found.home_failure = failure_reason(failure.value) or failure.getErrorMessage()

    def not_there(self, failure: Failure) -> None:
        """A usual path the site does not serve (404, refused by robots.txt, ...): nothing found there."""


def discover_site(url: str, settings: Settings) -> SiteDocuments:
    """The feeds and sitemaps found on the site at ``url`` (``wirecrawl sources add``), by a
    process of its own running :class:`SiteDiscoverySpider`.

    ``settings`` are a crawl's; nothing is written and no sources file is read.
    """
    settings.set("DRY_RUN_ENABLED", True, priority="cmdline")
    settings.set("SPIDER_LOADER_CLASS", "scrapy.spiderloader.SpiderLoader", priority="cmdline")
    process = CrawlerProcess(settings)
    quiet_per_page_noise()
    crawler = process.create_crawler(SiteDiscoverySpider)
    process.crawl(crawler, url=url)
    process.start()
    assert isinstance(crawler.spider, SiteDiscoverySpider)
    return crawler.spider.found
