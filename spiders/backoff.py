"""Politeness under failure: back off from a failing host, honour Retry-After, give a dead host up."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Self

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from scrapy.utils.httpobj import urlparse_cached

from crawler.components.failures import DroppedOnStop, count_failure, failure_reason

__all__ = ["HostGivenUp", "PoliteBackoff", "retry_after_seconds"]

logger = logging.getLogger(__name__)

#: Answers that mean "the server is in trouble or wants us to slow down".
BACKOFF_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


#: Request meta key marking a request that holds its host's gate.
GATE_KEY = "_wirecrawl_backoff_gate"


class HostGivenUp(IgnoreRequest):
    """The host kept failing: its remaining requests are skipped for the rest of the run."""


@dataclass
class _Host:
    gate: asyncio.Semaphore  # requests of this host between the middleware and their outcome
    failures: int = 0  # consecutive failed attempts
    not_before: float = 0.0  # monotonic time before which no request starts
    given_up: bool = False


def retry_after_seconds(value: bytes | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date), if readable."""
    if not value:
        return None
    text = value.decode("latin-1").strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class PoliteBackoff:
    """Waits before each request to a host that is failing or asked us to slow down.

    A failed attempt (timeout, refused or reset connection, 5xx, 429) doubles the wait
    before the next request to its host: ``BACKOFF_BASE_DELAY`` x 2^(failures - 1), at most
    ``BACKOFF_MAX_DELAY``; a ``Retry-After`` on 429/503 is honoured when longer. Any answer
    that is not a failure resets the count. After ``BACKOFF_MAX_FAILURES`` failed attempts
    in a row, or a Retry-After beyond ``BACKOFF_MAX_DELAY``, the host is given up for the
    rest of the run: one warning, and its remaining requests are skipped
    (``wirecrawl/skipped/host_given_up``), not retried forever.

    Settings: ``BACKOFF_ENABLED`` (default True), ``BACKOFF_BASE_DELAY``, ``BACKOFF_MAX_DELAY``,
    ``BACKOFF_MAX_FAILURES``. It sits next to the downloader, so it sees each outcome before
    RetryMiddleware or RedirectMiddleware turn it into a new request: a retry waits too.

    It lets at most ``CONCURRENT_REQUESTS_PER_DOMAIN`` requests of a host past it until
    their outcome is known, so no request already queued in the downloader escapes a
    backoff decided meanwhile.
    """

    def __init__(
        self,
        stats: StatsCollector,
        source: str,
        base_delay: float,
        max_delay: float,
        max_failures: int,
        concurrency: int = 1,
        stopping: Callable[[], bool] = lambda: False,
    ) -> None:
        self.stats = stats
        self.stopping = stopping  # whether the run is being stopped: requests at the gate are dropped
        self.source = source
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_failures = max_failures
        self.concurrency = max(1, concurrency)
        self._hosts: dict[str, _Host] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        if not settings.getbool("BACKOFF_ENABLED"):
            raise NotConfigured("BACKOFF_ENABLED is off")
        assert crawler.stats is not None
        source = getattr(crawler.spidercls, "name", "") or "?"
        return cls(
            crawler.stats,
            source,
            settings.getfloat("BACKOFF_BASE_DELAY"),
            settings.getfloat("BACKOFF_MAX_DELAY"),
            settings.getint("BACKOFF_MAX_FAILURES"),
            settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"),
            stopping=lambda: crawler.engine is not None and (not crawler.engine.running or crawler.engine.paused),
        )

    def _host(self, netloc: str) -> _Host:
        if netloc not in self._hosts:
            self._hosts[netloc] = _Host(asyncio.Semaphore(self.concurrency))
        return self._hosts[netloc]

    async def process_request(self, request: Request) -> None:
        netloc = urlparse_cached(request).netloc
        host = self._host(netloc)
        await host.gate.acquire()
        request.meta[GATE_KEY] = netloc
        try:
            if self.stopping():  # waited at the gate while the run was being stopped
                raise DroppedOnStop(f"dropped, the run is stopping: {request.url}")
            if host.given_up:
                self.stats.inc_value("wirecrawl/skipped/host_given_up")
                raise HostGivenUp(f"host given up for this run: {request.url}")
            while (wait := host.not_before - time.monotonic()) > 0:
                self.stats.inc_value("wirecrawl/backoff/waits")
                await asyncio.sleep(wait)
                if host.given_up:
                    self.stats.inc_value("wirecrawl/skipped/host_given_up")
                    raise HostGivenUp(f"host given up for this run: {request.url}")
        except BaseException:
            self._release(request)
            raise

    def _release(self, request: Request) -> None:
        netloc = request.meta.pop(GATE_KEY, None)
        if netloc is not None:
            self._hosts[netloc].gate.release()

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        netloc = urlparse_cached(request).netloc
        if response.status in BACKOFF_STATUSES:
            asked = retry_after_seconds(response.headers.get(b"Retry-After")) if response.status in (429, 503) else None
            self._failed(netloc, f"HTTP {response.status}", asked)
        elif netloc in self._hosts:
            self._hosts[netloc].failures = 0
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._release(request)
        if failure_reason(exception) is not None and not isinstance(exception, IgnoreRequest):
            self._failed(urlparse_cached(request).netloc, type(exception).__name__, None)

    def _failed(self, netloc: str, reason: str, retry_after: float | None) -> None:
        host = self._host(netloc)
        if host.given_up:
            return
        host.failures += 1
        if retry_after is not None and retry_after > self.max_delay:
            self._give_up(netloc, host, f"{reason} asking to wait {retry_after:.0f} s")
            return
        if host.failures >= self.max_failures:
            self._give_up(netloc, host, f"{host.failures} failed attempts in a row, the last {reason}")
            return
        delay = min(self.base_delay * 2 ** (host.failures - 1), self.max_delay)
        if retry_after is not None:
            self.stats.inc_value("wirecrawl/backoff/retry_after")
            delay = max(delay, retry_after)
        host.not_before = max(host.not_before, time.monotonic() + delay)

    def _give_up(self, netloc: str, host: _Host, why: str) -> None:
        host.given_up = True
        count_failure(self.stats, "host_given_up")
        logger.warning("source %s: giving %s up for the rest of this run (%s)", self.source, netloc, why)
