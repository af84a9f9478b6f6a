"""Crawler objects for unit tests: wirecrawl's settings, no sources file, no reactor needed."""

import asyncio
import atexit
import inspect
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from crawler import settings as project_settings
from crawler.components.drops import CountedDrop, DropCounter
from crawler.components.ordering import order_for

#: Settings that tie a crawler to a real run (reactor, sources file); unit tests leave them out.
RUN_ONLY = {"TWISTED_REACTOR", "SPIDER_LOADER_CLASS"}
#: The corpus of a crawler whose test names none (its extensions open one): a directory of the
#: session's own, not the default ./corpus.db, which the suite used to leave in the repo root.
_SCRATCH = Path(tempfile.mkdtemp(prefix="wirecrawl-tests-"))
atexit.register(shutil.rmtree, _SCRATCH, ignore_errors=True)


def make_crawler(spider_class: Any = None, **overrides: Any) -> Crawler:
    """A configured crawler with wirecrawl's settings and ``overrides`` on top."""
    settings = {
        name: getattr(project_settings, name)
        for name in dir(project_settings)
        if name.isupper() and name not in RUN_ONLY
    }
    # Stages run in the test's thread unless a test asks for worker processes.
    return get_crawler(
        spider_class, {**settings, "PIPELINE_WORKERS": 0, "CORPUS_PATH": str(_SCRATCH / "corpus.db"), **overrides}
    )


def processed(stage: Any, item: Any) -> Any:
    """``item`` after the pipeline ``stage`` (whose ``process_item`` may be a coroutine)."""
    result = stage.process_item(item)
    return asyncio.run(result) if inspect.iscoroutine(result) else result


def run_stages(crawler: Crawler, item: Any, stages: Iterable[Any]) -> Any:
    """``item`` through the pipeline ``stages`` (classes), as the engine runs them: a drop is
    counted as the ``item_dropped`` signal counts it, and the item leaves the arrival order."""
    try:
        for stage in stages:
            item = processed(stage.from_crawler(crawler), item)
        return item
    except CountedDrop as drop:
        DropCounter(crawler.stats).item_dropped(item=item, exception=drop)
        raise
    finally:
        order_for(crawler).leave(item)  # as Scrapy's item_scraped / item_dropped signals do
