"""The exit statuses of every wirecrawl process, as docs/commands.md documents them."""

from __future__ import annotations

from enum import IntEnum

__all__ = ["ExitStatus"]


class ExitStatus(IntEnum):
    """What a wirecrawl process's exit status says; users' scripts test these numbers."""

    OK = 0
    FAILED = 1  # interrupted or failed; a page that is not an article (extract); a source announcing none
    CONFIG = 2  # a bad argument, setting, sources file or corpus file: one line on stderr, nothing written
    LOCKED = 3  # another run holds the corpus lock
    ERRORS = 4  # the crawl finished, but more pages failed than CORPUS_RUNS_MAX_ERROR_RATE
