"""Items dropped for a reason, counted in one place.

Every stage drops an item by raising a :class:`CountedDrop` subclass (its class says why;
Scrapy's core stats count it under ``item_dropped_reasons_count/<class>``), and
:class:`DropCounter` counts it once more under wirecrawl's own key, ``wirecrawl/<stat>``
(``wirecrawl/dropped/no_body``, ``wirecrawl/duplicates/url``, ...), which a run's record
and its summary read.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

__all__ = ["CountedDrop", "DropCounter"]


class CountedDrop(DropItem):
    """A drop counted under ``wirecrawl/<stat>``."""

    def __init__(self, message: str, stat: str) -> None:
        super().__init__(message)
        self.stat = stat


class DropCounter:
    """Counts each :class:`CountedDrop` under its stat key."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        counter = cls(crawler.stats)
        crawler.signals.connect(counter.item_dropped, signal=signals.item_dropped)
        return counter

    def item_dropped(self, exception: BaseException, **_: Any) -> None:
        if isinstance(exception, CountedDrop):
            self.stats.inc_value(f"wirecrawl/{exception.stat}")
