"""The pure article core: plain functions and small dataclasses, no Scrapy.

A fetched page goes in (:class:`FetchedPage`), an article or a typed rejection comes out
(:class:`Rejected`), configured by :class:`CoreOptions` built once from the settings. The
crawl's stages, ``wirecrawl extract``, ``wirecrawl reextract``, ``wirecrawl dedupe`` and the
benchmarks all call it; none assembles the chain itself. Story decisions live here too
(:class:`StoryRules`), used by the crawl and by ``dedupe --rebuild``.
"""

from pipelines.core.chain import (
    CoreOptions,
    FetchedPage,
    Finished,
    ProcessedPage,
    extract_page,
    finish_text,
    language_hints,
    process_page,
)
from pipelines.core.cleaning import SiteTemplates
from pipelines.core.extraction import Extracted
from pipelines.core.rejections import LanguageNotWanted, NotAnArticle, Rejected
from pipelines.core.story_rules import StoryDecision, StoryRules, rebuild_stories

__all__ = [
    "CoreOptions",
    "Extracted",
    "FetchedPage",
    "Finished",
    "LanguageNotWanted",
    "NotAnArticle",
    "ProcessedPage",
    "Rejected",
    "SiteTemplates",
    "StoryDecision",
    "StoryRules",
    "extract_page",
    "finish_text",
    "language_hints",
    "process_page",
    "rebuild_stories",
]
