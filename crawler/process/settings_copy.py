"""Scrapy settings that every crawler of a process copies in a fraction of the time.

Each :class:`~scrapy.crawler.Crawler` starts with ``settings.copy()``, a ``copy.deepcopy`` of
some 270 settings and 21 nested component tables (~4 ms): with a crawler per source, 40 s of
start-up at 10,000 sources. Most values are strings, numbers, booleans or None, which no one
can change in place: the copy shares those and copies the rest, with the same priorities.
"""

from __future__ import annotations

import copy
from typing import Any, Self, TypeVar

from scrapy.settings import BaseSettings, Settings, SettingsAttribute

__all__ = ["CheapCopySettings"]

S = TypeVar("S", bound=BaseSettings)

#: Values shared by the copies: none can be changed in place.
IMMUTABLE = (str, int, float, bool, bytes, type(None))


class CheapCopySettings(Settings):
    """:class:`~scrapy.settings.Settings` whose copies share the immutable values (see the module)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        return _copied(self, memo)


def _copied(settings: S, memo: dict[int, Any]) -> S:
    """``settings`` deep-copied but for the immutable values, which the copy shares."""
    copied = object.__new__(type(settings))
    copied.__dict__.update(
        {name: copy.deepcopy(value, memo) for name, value in vars(settings).items() if name != "attributes"}
    )
    copied.attributes = {}
    for name, attribute in settings.attributes.items():
        value = attribute.value
        if isinstance(value, BaseSettings):
            value = _copied(value, memo)
        elif not isinstance(value, IMMUTABLE):
            value = copy.deepcopy(value, memo)
        twin = object.__new__(SettingsAttribute)
        twin.value, twin.priority = value, attribute.priority
        copied.attributes[name] = twin
    return copied
