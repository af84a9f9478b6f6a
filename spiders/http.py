"""Scrapy's HTTP/1.1 download handler with a shutdown that cannot race."""

from __future__ import annotations

from typing import Any

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

__all__ = ["HttpDownloadHandler"]


class HttpDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's handler, but closing its kept-alive connections without a traceback.

    Scrapy gives the pool's close a second by firing the pool's own deferred when the second
    is up; on a busy machine the pool then fires it too, and Twisted logs an
    ``AlreadyCalledError`` traceback at the end of an ordinary run. Here the wait is a
    deferred of its own, fired by whichever comes first.
    """

    async def close(self) -> None:
        from twisted.internet import reactor

        closed: Deferred[None] = Deferred()

        def done(_: Any = None) -> None:
            if not closed.called:
                closed.callback(None)

        self._pool.closeCachedConnections().addBoth(done)
        timeout = reactor.callLater(self._disconnect_timeout, done)
        try:
            await maybe_deferred_to_future(closed)
        finally:
            if timeout.active():
                timeout.cancel()
