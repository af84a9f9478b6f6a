"""Log lines for items that name the page and the reason, never dump the whole item."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure

__all__ = ["QuietLogFormatter"]


class QuietLogFormatter(LogFormatter):
    """Stored and dropped pages are logged at DEBUG, one short line each.

    A dropped page (no article body, duplicate URL, ...) is routine for a news crawler and
    is counted in the stats; the item (with its full text) is never written to the log.
    """

    def scraped(self, item: Any, response: Response | Failure | None, spider: Spider) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Stored %(url)s", "args": {"url": getattr(item, "url", "?")}}

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Dropped: %(reason)s", "args": {"reason": exception}}
