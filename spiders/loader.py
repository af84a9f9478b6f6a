"""Spider loader that makes one spider per source of the sources file (``SPIDER_LOADER_CLASS``).

This is what lets ``scrapy list`` and ``scrapy crawl NAME`` work on declared sources.
"""

from __future__ import annotations

import sys

from scrapy import Request
from scrapy.settings import BaseSettings

from crawler.config import Source, SourcesError, load_sources
from crawler.exit_status import ExitStatus
from spiders.source import SourceSpider

__all__ = ["SourceSpiderLoader"]


class SourceSpiderLoader:
    """Spider classes built from the sources file named by the ``SOURCES_FILE`` setting.

    A missing or invalid sources file ends the process with one line on stderr and exit
    status 2, before any request: there is nothing sensible to crawl.
    """

    def __init__(self, sources: list[Source]) -> None:
        self._spiders = {source.name: SourceSpider.for_source(source) for source in sources}

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> SourceSpiderLoader:
        try:
            return cls(load_sources(settings.get("SOURCES_FILE")))
        except SourcesError as error:
            print(f"wirecrawl: {error}", file=sys.stderr)
            raise SystemExit(ExitStatus.CONFIG) from None

    def load(self, spider_name: str) -> type[SourceSpider]:
        """The spider of the named source; an unknown name ends the process like a bad file does."""
        try:
            return self._spiders[spider_name]
        except KeyError:
            known = ", ".join(self._spiders) or "none"
            print(f"wirecrawl: no source named {spider_name!r} (known: {known})", file=sys.stderr)
            raise SystemExit(ExitStatus.CONFIG) from None

    def list(self) -> list[str]:
        """Source names, in sources-file order."""
        return list(self._spiders)

    def find_by_request(self, request: Request) -> list[str]:
        """Sources that declare a URL on the request's site."""
        return [name for name, spider in self._spiders.items() if spider.source.declares_site_of(request.url)]
