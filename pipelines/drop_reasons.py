"""Why the stages drop an item, one class per reason (counted by :class:`crawler.components.drops.DropCounter`)."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from crawler.components.drops import CountedDrop
from pipelines.core import LanguageNotWanted, Rejected

__all__ = [
    "AlreadyStored",
    "ExtractionFailed",
    "NotAnArticlePage",
    "NotStored",
    "SamePage",
    "UnwantedLanguage",
    "drop_for",
]


class NotAnArticlePage(CountedDrop):
    """The core found no article: ``wirecrawl/dropped/<reason>`` (not_article, no_body, unparseable, too_deep)."""


class UnwantedLanguage(CountedDrop):
    """The article's language is not among its source's ``languages``: ``wirecrawl/skipped/language/<code>``."""


class ExtractionFailed(CountedDrop):
    """The page broke extraction (or crashed a worker): ``wirecrawl/dropped/extract_error``."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "dropped/extract_error")


class AlreadyStored(CountedDrop):
    """The page's canonical URL is stored: its URLs are recorded for that article (``wirecrawl/duplicates/url``)."""

    def __init__(self, message: str, article_id: int) -> None:
        super().__init__(message, "duplicates/url", article_id)


class SamePage(AlreadyStored):
    """The same text at the same path under another query string: the stored page again."""


class NotStored(DropItem):
    """The corpus could not be written (counted as an error, ``wirecrawl/errors/corpus*``, where it failed)."""


def drop_for(rejection: Rejected, url: str) -> CountedDrop:
    """The drop for a core rejection of the page at ``url``."""
    if isinstance(rejection, LanguageNotWanted):
        return UnwantedLanguage(f"language {rejection}: {url}", f"skipped/language/{rejection.reason}")
    return NotAnArticlePage(f"{rejection}: {url}", f"dropped/{rejection.reason}")
