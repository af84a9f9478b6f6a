"""A stop signal received while a crawl starts, before Scrapy's handlers are installed."""

from __future__ import annotations

import os
import signal
from types import FrameType

__all__ = ["EarlyStop"]


class EarlyStop:
    """Records a SIGINT/SIGTERM received while Scrapy is imported and the crawlers are made,
    so that the crawl stops as soon as its reactor runs (a KeyboardInterrupt there was
    swallowed by a Deferred and skipped one source silently; SIGTERM killed the run unrecorded).
    A second signal ends the process at once, with status 1.
    """

    def __init__(self) -> None:
        self.received = False
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._receive)

    def _receive(self, signum: int, frame: FrameType | None) -> None:
        if self.received:
            os._exit(1)
        self.received = True
