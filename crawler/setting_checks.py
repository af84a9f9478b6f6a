"""wirecrawl's settings, built in one place (:func:`project_settings`), and one check for every setting a
user gives (``-s NAME=VALUE``, a source's ``[sources.settings]``).

A setting must be known (a name in crawler/settings.py or in Scrapy's defaults) and its value
readable as its default's type; an enumerated one must take one of its values. A problem is
a :class:`ValueError` in one line, with a "did you mean" where a known name or value is close.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.settings import Settings

__all__ = ["check_setting", "project_settings"]

#: How a setting of each default type is read, and what its value must be.
_KINDS = {bool: ("getbool", "true or false"), int: ("getint", "a whole number"), float: ("getfloat", "a number")}
#: The settings whose value is one of a few (trafilatura's trade-off; Python's log levels).
CHOICES: dict[str, tuple[str, ...]] = {
    "EXTRACT_FAVOR": ("", "precision", "recall"),
    "LOG_LEVEL": tuple(logging.getLevelNamesMapping()),
}


def project_settings(overrides: Mapping[str, Any] = {}) -> Settings:
    """Scrapy's defaults with wirecrawl's on top (crawler/settings.py), and ``overrides`` on those, each
    checked by :func:`check_setting` (a ValueError in one line). A crawl adds its run's settings
    (:func:`crawler.run.runner.crawl_settings`); tests, benchmarks and ``wirecrawl extract`` use it as it is.

    Scrapy is imported late: crawler.settings imports crawler.config, and Scrapy is not imported
    before a source's settings are checked, so the CLI starts at once. Every crawler copies them:
    they are :class:`~crawler.process.settings_copy.CheapCopySettings`.
    """
    from crawler.process.settings_copy import CheapCopySettings

    settings = CheapCopySettings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in overrides.items():
        check_setting(name, value)
    settings.setdict(dict(overrides), priority="cmdline")
    return settings


@cache
def _defaults() -> Settings:
    """The settings no one overrode, read by every check (built once)."""
    return project_settings()


def _did_you_mean(value: str, known: list[str]) -> str:
    by_case = {k.casefold(): k for k in known}
    close = difflib.get_close_matches(value.casefold(), list(by_case), n=1)
    return f" (did you mean {by_case[close[0]]}?)" if close else ""


def check_setting(name: str, value: Any) -> None:
    """Raise ValueError, in one line, unless ``name`` is a known setting and ``value`` fits it."""
    defaults = _defaults()
    if name not in defaults:
        raise ValueError(f"unknown setting {name}{_did_you_mean(name, list(defaults))}")
    if name in CHOICES:
        if value not in CHOICES[name]:
            choices = ", ".join(repr(choice) for choice in CHOICES[name])
            raise ValueError(
                f"setting {name}={value!r} is not one of {choices}{_did_you_mean(str(value), list(CHOICES[name]))}"
            )
        return
    default = defaults.get(name)
    if name == "PIPELINE_WORKERS":  # default None: one per core
        getter, expected = "getint", "a whole number of 0 or more"
    elif type(default) in _KINDS:
        getter, expected = _KINDS[type(default)]
    else:
        return
    try:
        if getattr(type(defaults)({name: value}), getter)(name) < 0 and name == "PIPELINE_WORKERS":
            raise ValueError
    except (TypeError, ValueError):
        raise ValueError(f"setting {name}={value!r} is not {expected}") from None
