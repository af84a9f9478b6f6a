"""Reading article links out of feeds: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as feedparser reads them
(malformed ones too), and JSON Feed 1.0/1.1."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin
from xml.sax import SAXException

import feedparser

__all__ = ["Feed", "FeedEntry", "UnreadableDocument", "absolute_url", "parse_feed"]

#: The ``version`` of a JSON Feed (1.0 and 1.1); http:// was written by some early feeds.
JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
#: Byte-order mark and whitespace a server may send before the document.
LEADING_NOISE = b"\xef\xbb\xbf \t\r\n"


class UnreadableDocument(ValueError):
    """A feed or sitemap that cannot be read (HTML error page, broken XML, bad gzip, ...)."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article's link and what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None  # as the feed wrote it (published, else updated)
    language: str | None = None  # the entry's own language (JSON Feed 1.1), else None


@dataclass
class Feed:
    """A parsed feed: its declared language and its entries in document order."""

    language: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    malformed: str | None = None  # the XML error of a malformed feed read as far as possible
    linkless: int = 0  # items without a usable link (none, or not a URL), left out of ``entries``


def parse_feed(body: bytes, base_url: str, http_charset: str | None = None) -> Feed:
    """Parse a feed; relative links are resolved against ``base_url`` (and ``xml:base``).

    A malformed feed (an undeclared prefix, a raw ``&``, a truncated end) is read as feedparser's
    lenient parser reads it: every entry whose link element is complete is kept. One entry's bad
    link costs that entry only. Raises :class:`UnreadableDocument` for what is no feed at all.
    """
    if body.lstrip(LEADING_NOISE)[:1] == b"{":
        return _json_feed(body, base_url)
    headers = {"content-location": base_url}
    if http_charset:  # application/xml, so that RFC 3023's us-ascii default for text/xml never applies
        headers["content-type"] = f"application/xml; charset={http_charset}"
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers=headers, sanitize_html=False, resolve_relative_uris=False
    )
    version = parsed.get("version", "")
    if not version and not parsed.entries:
        raise UnreadableDocument(_why_unreadable(body, parsed))
    feed = Feed(language=parsed.feed.get("language") or None)
    error = parsed.get("bozo_exception")
    if isinstance(error, SAXException):
        feed.malformed = str(error)
    atom = version.startswith("atom")
    for entry in parsed.entries:
        url = absolute_url(base_url, _entry_link(entry, atom))
        if url is None:
            feed.linkless += 1
            continue
        published = entry.get("published") or entry.get("updated")
        feed.entries.append(FeedEntry(url, entry.get("title") or None, published or None))
    return feed


def _entry_link(entry: Any, atom: bool) -> str | None:
    """The entry's article: its first alternate link (text or ``href``); in RSS, else a permalink guid.

    An Atom ``<id>`` is a name, not an address, even where feedparser takes it as the link.
    """
    for link in entry.get("links", ()):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    if not atom and entry.get("guidislink") and entry.get("id"):
        return str(entry["id"])
    return None


def absolute_url(base_url: str, link: str | None) -> str | None:
    """``link`` made absolute, or None when it is not a URL (an unbalanced IPv6 bracket)."""
    if not link or not link.strip():
        return None
    try:
        return urljoin(base_url, link.strip())
    except ValueError:
        return None


def _why_unreadable(body: bytes, parsed: Any) -> str:
    head = body.lstrip(LEADING_NOISE)[:512].lower()
    if not head:
        return "empty document"
    if b"<html" in head or b"<!doctype html" in head:
        return "an HTML page, not a feed"
    error = parsed.get("bozo_exception")
    if isinstance(error, SAXException):
        return f"not XML: {error}"
    return "not an RSS, Atom or JSON feed"


def _json_feed(body: bytes, base_url: str) -> Feed:
    """A JSON Feed (https://jsonfeed.org/version/1.1): items with ``url`` (else ``external_url``)."""
    try:
        document = json.loads(body.lstrip(LEADING_NOISE).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise UnreadableDocument(f"not JSON: {error}") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(JSON_FEED_VERSIONS):
        raise UnreadableDocument("JSON, but not a JSON Feed (no jsonfeed.org version)")
    items = document.get("items")
    feed = Feed(language=_string(document.get("language")))
    for item in items if isinstance(items, list) else ():
        item = item if isinstance(item, dict) else {}
        url = absolute_url(base_url, _string(item.get("url")) or _string(item.get("external_url")))
        if url is None:
            feed.linkless += 1
            continue
        published = _string(item.get("date_published")) or _string(item.get("date_modified"))
        feed.entries.append(FeedEntry(url, _string(item.get("title")), published, _string(item.get("language"))))
    return feed


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
