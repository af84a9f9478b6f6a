"""Reading article links out of RSS 2.0, RSS 1.0 (RDF) and Atom feeds."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree

__all__ = ["Feed", "FeedEntry", "UnreadableDocument", "parse_feed", "parse_xml", "read_xml"]

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"


class UnreadableDocument(ValueError):
    """A feed or sitemap that cannot be read (HTML error page, broken XML, bad gzip, ...)."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: the article's link and what the feed says about it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Feed:
    """A parsed feed: its declared language and its entries in document order."""

    language: str | None = None
    entries: list[FeedEntry] = field(default_factory=list)
    malformed: str | None = None  # the XML error of a malformed feed read as far as possible


def parse_xml(body: bytes, http_charset: str | None = None) -> etree._Element:
    """Parse an XML document safely (no entity expansion, no network), tolerating small errors.

    The document's own BOM or XML declaration names its encoding; without either, the
    HTTP charset does (lxml would assume UTF-8).
    """
    return read_xml(body, http_charset)[0]


def read_xml(body: bytes, http_charset: str | None = None) -> tuple[etree._Element, str | None]:
    """:func:`parse_xml`, and what was wrong with a malformed document (None when well-formed).

    A malformed document (truncated, a stray ``&``) is read as far as lxml can recover it.
    """
    body = body.lstrip(b" \t\r\n")
    declared = body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or _XML_ENCODING.match(body[:200])
    encoding = None if declared or not http_charset else _codec(http_charset)
    malformed = None
    for recover in (False, True):
        parser = etree.XMLParser(
            recover=recover,
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            encoding=encoding,
        )
        try:
            root = etree.fromstring(body, parser=parser)
            break
        except etree.XMLSyntaxError as error:
            if recover:
                raise UnreadableDocument(f"not XML: {error}") from None
            malformed = str(error)
    if root is None:
        raise UnreadableDocument("empty or unparseable XML document")
    return root, malformed


_XML_ENCODING = re.compile(rb"<\?xml[^>]*encoding=")


def _codec(charset: str) -> str | None:
    """The charset's Python codec name, if Python knows it."""
    try:
        return codecs.lookup(charset.strip(" \"'")).name
    except LookupError:
        return None


def local_name(element: etree._Element) -> str:
    """The tag without its namespace, lower-cased."""
    tag = element.tag
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def parse_feed(body: bytes, base_url: str, http_charset: str | None = None) -> Feed:
    """Parse a feed; relative links are resolved against ``base_url`` (and ``xml:base``).

    Of a malformed feed (truncated, say) the entries before the error are read; the last
    one is left out, as it may be cut short.
    """
    root, malformed = read_xml(body, http_charset)
    feed = _read_feed(root, base_url)
    if malformed:
        feed.malformed = malformed
        feed.entries = feed.entries[:-1]
    return feed


def _read_feed(root: etree._Element, base_url: str) -> Feed:
    kind = local_name(root)
    if kind == "rss":
        channel = _child(root, "channel")
        if channel is None:
            raise UnreadableDocument("RSS document without <channel>")
        return Feed(_text(_child(channel, "language")), list(_rss_entries(channel.iter(), base_url)))
    if kind == "rdf":
        channel = _child(root, "channel")
        language = _text(_child(channel, "language")) if channel is not None else None
        return Feed(language, list(_rss_entries(root.iter(), base_url)))
    if kind == "feed":
        base = urljoin(base_url, root.get(XML_BASE, ""))
        entries = [
            entry
            for element in root
            if local_name(element) == "entry" and (entry := _atom_entry(element, base)) is not None
        ]
        return Feed(root.get(XML_LANG), entries)
    if kind == "html":
        raise UnreadableDocument("an HTML page, not a feed")
    raise UnreadableDocument(f"root element <{kind}> is not rss, rdf:RDF or feed")


def _rss_entries(elements: Iterator[etree._Element], base_url: str) -> Iterator[FeedEntry]:
    for item in elements:
        if local_name(item) != "item":
            continue
        link = _text(_child(item, "link")) or item.get(RDF_ABOUT)
        guid = _child(item, "guid")
        if not link and guid is not None and guid.get("isPermaLink", "true").lower() == "true":
            link = _text(guid)
        if link:
            published = _text(_child(item, "pubdate")) or _text(_child(item, "date"))
            yield FeedEntry(urljoin(base_url, link), _text(_child(item, "title")), published)


def _atom_entry(entry: etree._Element, base_url: str) -> FeedEntry | None:
    base = urljoin(base_url, entry.get(XML_BASE, ""))
    links = [link for link in entry if local_name(link) == "link" and link.get("href")]
    chosen = next((link for link in links if link.get("rel", "alternate") == "alternate"), None)
    if chosen is None:
        return None
    published = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
    return FeedEntry(urljoin(base, chosen.get("href", "").strip()), _text(_child(entry, "title")), published)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((child for child in element if local_name(child) == name), None)


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = "".join(element.itertext()).strip()
    return text or None
