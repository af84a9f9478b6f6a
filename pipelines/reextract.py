"""`wirecrawl reextract`: the article chain again over the stored pages, then the stories rebuilt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipelines.core import CoreOptions, FetchedPage, Rejected, SiteTemplates, StoryRules, process_page, rebuild_stories
from pipelines.core.cleaning import site_name
from pipelines.core.settings_reader import SettingsReader
from storage.corpus import Corpus

__all__ = ["ReextractReport", "reextract"]


@dataclass
class ReextractReport:
    """What a re-extraction did."""

    pages: int = 0
    updated: int = 0
    unchanged: int = 0
    not_articles: int = 0  # pages the current rules no longer take for articles (left as they were)
    stories: int = 0


def reextract(
    corpus: Corpus,
    settings: SettingsReader,
    source: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReextractReport:
    """Run the crawl's chain on every stored page (of ``source``) with the hints it was found with,
    update its article, then rebuild the stories.

    Site templates are applied as learned so far (without counting the pages again). The
    article keeps its URL: its page is the one stored under it.
    """
    options = CoreOptions.from_settings(settings)
    templates = SiteTemplates.from_settings(corpus, settings)
    report = ReextractReport()
    for page in list(corpus.stored_pages(source)):
        report.pages += 1
        fetched = FetchedPage(page.url, page.body, page.headers, page.hints, page.discovered_via)
        try:
            article = process_page(fetched, options, templates.remove_known)
        except Rejected:
            report.not_articles += 1
            continue
        fields = {key: value for key, value in article.fields().items() if key != "url"}
        current = corpus.article(page.article_id)
        slots = (site_name(current["url"]), article.finished.slots) if article.finished.slots else None
        if all(current.get(key) == value for key, value in fields.items()):
            report.unchanged += 1
        else:
            corpus.update_article(page.article_id, fields, slots)
            report.updated += 1
        if progress is not None:
            progress(report.pages)
    report.stories = rebuild_stories(StoryRules.from_settings(corpus, settings)).stories
    return report
