"""`wirecrawl reextract`: run decoding, extraction, cleaning and language again over stored pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scrapy.settings import BaseSettings
from trafilatura.utils import load_html

from crawler.encoding import decode_html
from pipelines.clean import SiteBodyCleaner
from pipelines.duplicates import text_hash
from pipelines.extract import ArticleExtractor, NotAnArticle
from pipelines.language import LanguageDetector
from pipelines.near_duplicates import StoryMatcher, rebuild_stories
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
    settings: BaseSettings,
    source: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ReextractReport:
    """Re-extract every stored page (of ``source``), update its article, then rebuild the stories.

    Site templates are applied as learned so far (without counting the pages again).
    """
    extractor = ArticleExtractor.from_settings(settings)
    detector = LanguageDetector.from_settings(settings)
    cleaner = SiteBodyCleaner(corpus, settings.getint("CLEAN_TEMPLATE_PAGES", 3))
    report = ReextractReport()
    for article_id, url, content_type, body in list(corpus.stored_pages(source)):
        report.pages += 1
        html, _ = decode_html(body, content_type)
        tree = load_html(html)
        try:
            if tree is None:
                raise NotAnArticle("unparseable")
            found = extractor.extract(tree, url)
        except NotAnArticle:
            report.not_articles += 1
            continue
        # The pages counted for their site's templates when first stored: not again.
        text = "\n\n".join(cleaner.clean(url, found.text.split("\n\n"), found.title, learn=False))
        language = detector.detect(text, {"page_language": found.page_language})
        fields = {
            "title": found.title,
            "author": found.author,
            "published": found.published,
            "published_raw": found.published_raw,
            "sitename": found.sitename,
            "description": found.description,
            "text": text,
            "text_hash": text_hash(text),
            "word_count": len(text.split()),
            "language": language.language,
            "language_probability": language.probability,
            "language_source": language.source,
            "language_variant": language.variant,
        }
        current = corpus.db["articles"].get(article_id)
        if all(current.get(key) == value for key, value in fields.items()):
            report.unchanged += 1
        else:
            corpus.update_article(article_id, fields)
            report.updated += 1
        if progress is not None:
            progress(report.pages)
    report.stories = rebuild_stories(corpus, StoryMatcher.from_settings(corpus, settings))
    return report
