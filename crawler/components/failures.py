"""Why a request failed, as one short reason key counted in the crawl stats.

Every failed page is counted once under ``wirecrawl/errors/<reason>`` and logged with the
same reason, so a run's record says what went wrong and how often (timeouts, refused
connections, oversized pages, redirect loops, HTTP statuses, ...).
"""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    NotSupported,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost
from twisted.internet.error import TimeoutError as TwistedTimeout

__all__ = ["ERRORS", "DroppedOnStop", "RefusedResponse", "count_failure", "error_rate", "failure_reason"]

#: The stats prefix every failure is counted under, by reason.
ERRORS = "wirecrawl/errors/"


class DroppedOnStop(IgnoreRequest):
    """A request still waiting for its turn when the run was stopped: not fetched, not an
    error (the next run discovers and fetches it)."""


class RefusedResponse(IgnoreRequest):
    """A response wirecrawl refuses to use (a redirect loop, a redirect off the site, ...)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def failure_reason(error: BaseException) -> str | None:
    """The reason key for a request's failure; None for deliberate skips counted where decided.

    Deliberate skips are robots.txt, "already stored" and a host given up for the run.
    """
    if isinstance(error, RefusedResponse):
        return error.reason
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if isinstance(error, IgnoreRequest):
        # Scrapy's decompression guard: a small body that inflates past DOWNLOAD_MAXSIZE.
        if "DOWNLOAD_MAXSIZE" in str(error):
            return "too_large_decompressed"
        return None
    if isinstance(error, DownloadCancelledError):
        return "too_large"  # Scrapy cancels a download only for exceeding DOWNLOAD_MAXSIZE
    if isinstance(error, (DownloadTimeoutError, TwistedTimeout)):
        return "timeout"
    if isinstance(error, DownloadConnectionRefusedError):
        return "refused"
    if isinstance(error, CannotResolveHostError):
        return "dns"
    if isinstance(error, ConnectError):
        return "connect"
    if isinstance(error, (ResponseDataLossError, DownloadFailedError, ConnectionLost, ConnectionDone)):
        return "connection_lost"  # reset or closed mid-response
    if isinstance(error, NotSupported):
        return "unsupported_url"
    return "download"


def count_failure(stats: StatsCollector, reason: str) -> None:
    """Count one failure under ``wirecrawl/errors/<reason>``."""
    stats.inc_value(ERRORS + reason)


def error_rate(errors: int, pages_fetched: int, answered_errors: int) -> float | None:
    """The share of pages tried that failed: errors / (pages answered + failures without an answer).

    ``answered_errors`` are the failures that were answered (HTTP 4xx/5xx), so already among
    ``pages_fetched``. None when nothing was tried.
    """
    tried = pages_fetched + errors - answered_errors
    return min(1.0, errors / tried) if tried > 0 else None
