"""The one item type that flows from the spiders through the pipeline stages to storage."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article"]


@dataclass(slots=True)
class Article:
    """A fetched article page; the spider fills the fetch fields, each stage adds its own with :meth:`fill`.

    Its fields are slots: a misspelt field name fails (AttributeError) instead of adding an attribute
    no stage reads. tests/unit/test_article_shape.py holds these fields to the core's result, the
    corpus's ``articles`` columns, the export and the Datasette metadata.
    """

    # --- set by the spider -------------------------------------------------------------
    source: str  # name of the source (sources file) that discovered the page
    url: str  # final URL after redirects; the canonical stage replaces it with the canonical URL
    # the page's bytes as received (decoded by extraction; kept in the corpus)
    body: bytes = field(default=b"", repr=False)
    headers: dict[str, str] = field(default_factory=dict)  # response headers that matter: content type, language, dates
    fetched_at: str = ""  # ISO 8601 UTC time the response arrived
    request_url: str = ""  # URL as discovered (feed, sitemap or listing link), before redirects
    discovered_via: str = ""  # "feed", "sitemap" or "listing"
    status: int = 200  # HTTP status of the response
    # discovery: title, published, language, source_language(s), allow_matched
    hints: dict[str, Any] = field(default_factory=dict)
    # --- set on entering the pipeline ----------------------------------------------------
    arrival: int | None = None  # arrival number: stages that decide (URL, templates, stories) go in this order
    # --- extraction stage (with the canonical URL: one parse in a worker process) ---------
    fetched_url: str = ""  # the final URL the page was fetched from (kept when url becomes canonical)
    title: str | None = None  # headline
    author: str | None = None  # byline, authors separated by "; "
    published: str | None = None  # publication time, ISO 8601 (date, or date and time with offset)
    published_raw: str | None = None  # the publication value as found on the page or in the feed
    sitename: str | None = None  # publisher name
    description: str | None = None  # summary from meta description / og:description
    text: str = field(default="", repr=False)  # body text, paragraphs separated by blank lines
    page_language: str | None = None  # language declared by the page (<html lang>, og:locale)
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> URL of the page's translations
    credit: str | None = None  # syndication credit lines taken out of the body, as found
    credited_source: str | None = None  # the outlet the credit names, else the host of a canonical on another site
    # the structural slot of each paragraph of ``text`` (see pipelines.core.slots); () when not known
    slots: tuple[str, ...] = ()
    # --- text stage: site templates ------------------------------------------------------
    # what this page made its site's templates, (slot, "") or (slot, words' key): its site's stored articles are re-cleaned
    recleans: tuple[tuple[str, str], ...] = ()
    # --- text stage: language ------------------------------------------------------------
    language: str | None = None  # ISO 639-1 code
    language_probability: float | None = None  # langdetect's probability (None when a hint decided)
    language_source: str | None = None  # signal that decided: langdetect, letters, page, http, feed or source
    language_variant: str | None = None  # zh-cn or zh-tw (simplified or traditional Chinese) when detected
    # --- text stage: identity; storage stage: story ------------------------------------
    text_hash: str = ""  # SHA-1 of the normalized body text
    story_id: int | None = None  # story this copy joins; None starts a new story
    absorbs: tuple[int, ...] = ()  # further stories this copy shows to be the same story (united on storage)
    similarity: float = 1.0  # similarity to the story's representative copy
    fingerprint: Any = field(default=None, repr=False)  # near-duplicate index entry (MinHash, LSH bands)
    shingles: Any = field(default=None, repr=False)  # the text's shingles, hashed (numpy), to verify candidates

    def fill(self, **fields: Any) -> None:
        """Set the fields a stage decided (the core's results, by name); a name that is no field raises TypeError."""
        if unknown := fields.keys() - _FIELD_NAMES:
            raise TypeError(f"Article has no field {', '.join(sorted(unknown))}")
        for name, value in fields.items():
            setattr(self, name, value)

    def field_values(self) -> dict[str, Any]:
        """Every field by name (the item's own values, not copies)."""
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Article))
