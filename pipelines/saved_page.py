"""Extraction, cleaning (general rules; site templates need the corpus) and language detection
on a saved page, as the crawl's stages do them."""

from __future__ import annotations

import gzip
from typing import Any

from scrapy.settings import Settings
from trafilatura.utils import load_html

from crawler.encoding import decode_html
from pipelines.canonical import canonical_url
from pipelines.clean import BoilerplateRules
from pipelines.extract import ArticleExtractor, NotAnArticle
from pipelines.language import LanguageDetector

__all__ = ["extract_saved_page"]

GZIP_MAGIC = b"\x1f\x8b"
FIELDS = ("url", "title", "author", "published", "language", "language_probability", "text")


def extract_saved_page(body: bytes, url: str, settings: Settings | None = None) -> dict[str, Any]:
    """The article fields of a saved page (plain or gzip-compressed HTML) found at ``url``.

    A page that is not an article gets the fields as ``None`` and an ``error`` saying why.
    """
    if settings is None:
        settings = Settings()
        settings.setmodule("crawler.settings", priority="project")
    if body[:2] == GZIP_MAGIC:
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError) as error:
            return {**dict.fromkeys(FIELDS), "url": url, "error": f"bad gzip data: {error}"}
    html, _ = decode_html(body)
    tree = load_html(html)
    if tree is None:
        return {**dict.fromkeys(FIELDS), "url": url, "error": "unparseable HTML"}
    url = canonical_url(tree, url) if url.startswith(("http://", "https://")) else url
    try:
        found = ArticleExtractor.from_settings(settings).extract(tree, url)
    except NotAnArticle as error:
        return {**dict.fromkeys(FIELDS), "url": url, "error": str(error)}
    text = "\n\n".join(BoilerplateRules().clean(found.text.split("\n\n"), found.title))
    language = LanguageDetector.from_settings(settings).detect(text, {"page_language": found.page_language})
    return {
        "url": url,
        "title": found.title,
        "author": found.author,
        "published": found.published,
        "language": language.language,
        "language_probability": language.probability,
        "text": text,
    }
