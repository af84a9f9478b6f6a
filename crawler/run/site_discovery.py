"""Running the discovery of a site's feeds and sitemaps (``wirecrawl sources add``)."""

from __future__ import annotations

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.process.logs import quiet_per_page_noise
from spiders.discovery import SiteDiscoverySpider, SiteDocuments

__all__ = ["discover_site"]


def discover_site(url: str, settings: Settings) -> SiteDocuments:
    """The feeds and sitemaps found on the site at ``url`` (:class:`SiteDiscoverySpider`).

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
