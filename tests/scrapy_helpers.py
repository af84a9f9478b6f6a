"""Crawler objects for unit tests: wirecrawl's settings, no sources file, no reactor needed."""

import asyncio
import inspect
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
    # Stages run in the test's thread unless a test asks for worker processes.
    return get_crawler(spider_class, {**settings, "PIPELINE_WORKERS": 0, **overrides})


def processed(stage: Any, item: Any) -> Any:
    """``item`` after the pipeline ``stage`` (whose ``process_item`` may be a coroutine)."""
    result = stage.process_item(item)
    return asyncio.run(result) if inspect.iscoroutine(result) else result
