"""What a crawl of some names crawls: declared sources by name, article URLs by the spider of their source."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from crawler.config import Source

if TYPE_CHECKING:
    from spiders.source import SourceSpider

__all__ = ["UnknownTarget", "check_http_url", "crawl_targets", "source_names"]


class UnknownTarget(ValueError):
    """A name that is no declared source, or an article URL that is not http(s)."""


def check_http_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnknownTarget(f"{url!r} is not an http(s) URL")


def source_names(names: Sequence[str], sources: Sequence[Source], sources_file: Path) -> list[str]:
    """The ``names`` given, each a source declared in ``sources_file``; every source when none is given."""
    _check_declared(names, sources, sources_file)
    return list(names) or [source.name for source in sources]


def crawl_targets(
    names: Sequence[str], sources: Sequence[Source], sources_file: Path
) -> list[str | type[SourceSpider]]:
    """What to crawl: the named sources, then a spider per source for the article URLs (the
    names with ``://``) among ``names``; every source when no name is given."""
    if not names:
        return [*source_names(names, sources, sources_file)]
    urls = [name for name in names if "://" in name]
    named = [name for name in names if name not in urls]
    _check_declared(named, sources, sources_file)
    return [*named, *_url_spiders(urls, sources)]


def _check_declared(names: Sequence[str], sources: Sequence[Source], sources_file: Path) -> None:
    known = [source.name for source in sources]
    if unknown := [name for name in names if name not in known]:
        raise UnknownTarget(f"no source named {unknown[0]!r} in {sources_file} (known: {', '.join(known)})")


def _url_spiders(urls: Sequence[str], sources: Sequence[Source]) -> list[type[SourceSpider]]:
    """One spider per source for the article ``urls``: the declared source whose site each is on,
    else a source named after its host."""
    if not urls:
        return []  # Scrapy is not imported before the crawl's first line
    from crawler.web.urls import normalize_url
    from spiders.source import SourceSpider

    by_source: dict[Source, list[str]] = {}
    for url in urls:
        check_http_url(url)
        declared = next((source for source in sources if source.declares_site_of(url)), None)
        by_source.setdefault(declared or Source(name=urlsplit(url).hostname or url), []).append(normalize_url(url))
    return [SourceSpider.for_source(source, tuple(given)) for source, given in by_source.items()]
