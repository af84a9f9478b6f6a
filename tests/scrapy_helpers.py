"""Crawler objects for unit tests: wirecrawl's settings, no sources file, no reactor needed."""

from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings

#: Settings that tie a crawler to a real run (reactor, sources file); unit tests leave them out.
RUN_ONLY = {"TWISTED_REACTOR", "SPIDER_LOADER_CLASS"}


def make_crawler(spider_class: Any = None, **overrides: Any) -> Crawler:
    """A configured crawler with wirecrawl's settings and ``overrides`` on top."""
    settings = {
        name: getattr(project_settings, name)
        for name in dir(project_settings)
        if name.isupper() and name not in RUN_ONLY
    }
    return get_crawler(spider_class, {**settings, **overrides})
