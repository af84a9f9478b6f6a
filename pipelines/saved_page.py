"""`wirecrawl extract`: the article chain on a saved page, as the crawl runs it."""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from typing import Any

from pipelines.core import CoreOptions, FetchedPage, Rejected, SiteTemplates, process_page
from pipelines.core.credits import CREDIT_FIELDS
from pipelines.core.removals import Removals
from pipelines.core.settings_reader import SettingsReader

__all__ = ["FIELDS", "extract_saved_page"]

GZIP_MAGIC = b"\x1f\x8b"
#: What is printed: the article, then its syndication credit (see pipelines.core.credits).
FIELDS = ("url", "title", "author", "published", "language", "language_probability", "text", *CREDIT_FIELDS)


def extract_saved_page(
    body: bytes,
    url: str,
    settings: SettingsReader,
    hints: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    templates: SiteTemplates | None = None,
    removals: Removals | None = None,
) -> dict[str, Any]:
    """The article fields of a saved page (plain or gzip-compressed HTML) found at ``url``.

    ``hints`` are what discovery would have said (``title``, ``published``, ``language``,
    ``source_language``, ``source_languages``, ``allow_matched``, ``discovered_via``) and
    ``headers`` the response headers (``Content-Type``, ``Content-Language``); ``templates``
    the site templates a corpus learned (a saved page alone has no site history). A page
    that is not an article gets the fields as ``None`` and an ``error`` saying why. The blocks
    the chain removed are recorded in ``removals`` when given (a rejected page's too).
    """
    if body[:2] == GZIP_MAGIC:
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError) as error:
            return {**dict.fromkeys(FIELDS), "url": url, "error": f"bad gzip data: {error}"}
    hints = dict(hints or {})
    page = FetchedPage(url, body, dict(headers or {}), hints, hints.pop("discovered_via", ""))
    try:
        article = process_page(
            page, CoreOptions.from_settings(settings), templates.remove_known if templates else None, removals
        )
    except Rejected as error:
        return {**dict.fromkeys(FIELDS), "url": url, "error": str(error)}
    fields = article.fields()
    return {name: fields[name] for name in FIELDS}
