"""Compact logging for unattended runs: one line per event that matters, no per-page noise.

At the default level (WARNING) a run logs what an operator must know (a source given up,
an unreadable feed, a summary of each source's failures by reason); each failed page is
one INFO line, and Scrapy's own per-page warnings (size limits, a robots.txt that could not
be fetched, with its traceback) are demoted to INFO without the traceback: those pages
are counted by reason anyway.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from crawler.components.failures import ERRORS

__all__ = ["PerPageNoise", "quiet_per_page_noise", "failure_summary"]

#: Scrapy loggers whose warnings and errors are about one page, not the run.
PER_PAGE_LOGGERS = (
    "scrapy.downloadermiddlewares.robotstxt",
    "scrapy.downloadermiddlewares.httpcompression",
    "scrapy.core.downloader.handlers.http11",
    "scrapy.downloadermiddlewares.retry",
)


class PerPageNoise(logging.Filter):
    """Demotes a per-page warning or error to one INFO line without its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.exc_info, record.exc_text = None, None
        return True  # the handler's level decides, on the demoted level


def quiet_per_page_noise() -> None:
    """Install :class:`PerPageNoise` on Scrapy's per-page loggers (idempotent)."""
    for name in PER_PAGE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, PerPageNoise) for f in logger.filters):
            logger.addFilter(PerPageNoise())


def failure_summary(source: str, stats: Mapping[str, object]) -> str | None:
    """One line with a source's failed pages by reason, e.g. ``source x: 7 pages failed (timeout 4, http_404 3)``."""
    reasons = {
        key.removeprefix(ERRORS): int(value)  # type: ignore[call-overload]
        for key, value in stats.items()
        if key.startswith(ERRORS) and isinstance(value, int) and value
    }
    if not reasons:
        return None
    ordered = sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))
    listed = ", ".join(f"{reason} {count}" for reason, count in ordered)
    return f"source {source}: {sum(reasons.values())} failed (by reason: {listed})"
