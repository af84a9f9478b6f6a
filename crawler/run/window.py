"""Crawls started one by one in a running Scrapy process, at most so many at once.

A source's crawl is a Scrapy crawler of its own, and its pace is its hosts' politeness, so one
process crawls many sources at once. Making every crawler up front costs start-up time and
memory in proportion to the sources (thousands of them in a cron run, hundreds of jobs in a
cluster worker); the window makes a crawler only when a place is free, and lets the reactor
run between two, so the first request goes out as soon as the first crawler is made.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from twisted.python.failure import Failure

__all__ = ["CrawlWindow", "PendingCrawl"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PendingCrawl:
    """A crawl waiting for its place: its name (the source), how to make its crawler, and who
    is told when it ends (with the crawler, or None when it could not be made)."""

    name: str
    make: Callable[[], Crawler]
    ended: Callable[[str, Crawler | None], None]


class CrawlWindow:
    """Runs the crawls :meth:`add` queues in ``process``, at most ``limit`` at once, in order.

    Nothing more starts once ``stopped()`` is true; :attr:`waiting` then holds what never started.
    ``idle`` is called each time the last running crawl ends and none is waiting.
    """

    def __init__(
        self,
        process: CrawlerProcess,
        limit: int,
        stopped: Callable[[], bool],
        idle: Callable[[], None] = lambda: None,
    ) -> None:
        self.process = process
        self.limit = max(1, limit)
        self.stopped = stopped
        self.idle = idle
        self.waiting: deque[PendingCrawl] = deque()
        self.running: dict[str, Crawler] = {}
        self._filling = False

    def add(self, crawl: PendingCrawl) -> None:
        """Queue ``crawl``; it starts as soon as a place is free (from the reactor thread)."""
        self.waiting.append(crawl)
        self._schedule_fill()

    @property
    def busy(self) -> bool:
        """Whether a crawl runs or waits."""
        return bool(self.running or self.waiting)

    def _schedule_fill(self) -> None:
        from twisted.internet import reactor

        if not self._filling:
            self._filling = True
            reactor.callLater(0, self._fill_one)

    def _fill_one(self) -> None:
        """Start the next crawl if there is room, then let the reactor run before the next one."""
        self._filling = False
        if self.stopped() or not self.waiting or len(self.running) >= self.limit:
            return
        crawl = self.waiting.popleft()
        try:
            crawler = crawl.make()
        except Exception:
            logger.exception("the crawl of %s could not start", crawl.name)
            crawl.ended(crawl.name, None)
            self._check_idle()
        else:
            self.running[crawl.name] = crawler
            self.process.crawl(crawler).addBoth(self._ended, crawl, crawler)
        if self.waiting and len(self.running) < self.limit:
            self._schedule_fill()

    def _ended(self, result: Any, crawl: PendingCrawl, crawler: Crawler) -> None:
        if isinstance(result, Failure):
            logger.error("the crawl of %s failed: %s", crawl.name, result.getErrorMessage())
        self.running.pop(crawl.name, None)
        crawl.ended(crawl.name, crawler)
        if self.waiting:
            self._schedule_fill()
        self._check_idle()

    def _check_idle(self) -> None:
        if not self.running and (not self.waiting or self.stopped()):
            self.idle()
