"""The core's options for a crawler, built once from its settings and shared by its stages."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler

from pipelines.core import CoreOptions

__all__ = ["options_for"]

_BUILT: WeakKeyDictionary[Crawler, CoreOptions] = WeakKeyDictionary()


def options_for(crawler: Crawler) -> CoreOptions:
    """The :class:`CoreOptions` of ``crawler``'s settings (each source may set its own)."""
    if crawler not in _BUILT:
        _BUILT[crawler] = CoreOptions.from_settings(crawler.settings)
    return _BUILT[crawler]
