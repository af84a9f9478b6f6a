"""What Scrapy's ``WARN_ON_GENERATOR_RETURN_VALUE`` would check per spider at run time (it is off:
see crawler/settings.py), checked once here: no callback of ours is a generator that returns a value."""

from __future__ import annotations

import inspect

import pytest
from scrapy import Spider
from scrapy.utils.misc import is_generator_with_return_value

from spiders.discovery import SiteDiscoverySpider
from spiders.source import SourceSpider


def _generator_methods(spider: type[Spider]) -> list[str]:
    return [name for name, member in inspect.getmembers(spider) if inspect.isgeneratorfunction(member)]


@pytest.mark.parametrize("spider", [SourceSpider, SiteDiscoverySpider])
def test_no_callback_is_a_generator_returning_a_value(spider: type[Spider]) -> None:
    names = _generator_methods(spider)
    assert names  # the spiders' callbacks are generators: the check looks at them
    assert [name for name in names if is_generator_with_return_value(getattr(spider, name))] == []


def test_the_check_finds_a_generator_returning_a_value() -> None:
    def callback(response):  # type: ignore[no-untyped-def]
        yield response
        return "lost"

    assert is_generator_with_return_value(callback)
