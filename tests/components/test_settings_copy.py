"""A crawler's copy of the run's settings: equal to Scrapy's deep copy, and independent of the original."""

from __future__ import annotations

import copy
from typing import Any

from scrapy.settings import BaseSettings, Settings

from crawler.process.settings_copy import CheapCopySettings
from crawler.setting_checks import project_settings


def _contents(settings: BaseSettings) -> dict[str, Any]:
    """Every setting's value (nested tables opened) and priority."""
    return {
        name: (_contents(a.value) if isinstance(a.value, BaseSettings) else a.value, a.priority)
        for name, a in settings.attributes.items()
    }


def test_the_copy_holds_what_scrapys_deep_copy_holds() -> None:
    settings = project_settings({"DOWNLOAD_DELAY": 2})
    assert isinstance(settings, CheapCopySettings)
    as_scrapy = Settings()
    as_scrapy.attributes = copy.deepcopy(settings.attributes)
    copied = settings.copy()
    assert type(copied) is CheapCopySettings and not copied.frozen
    assert _contents(copied) == _contents(settings.copy()) == _contents(as_scrapy.copy()) == _contents(settings)


def test_changing_the_copy_leaves_the_original_as_it_was() -> None:
    settings = project_settings()
    before = _contents(settings)
    copied = settings.copy()
    copied.set("DOWNLOAD_DELAY", 5, "spider")
    copied["ITEM_PIPELINES"]["pipelines.extra.Stage"] = 950
    copied["RETRY_HTTP_CODES"].append(418)
    copied.freeze()
    assert _contents(settings) == before and not settings.frozen
