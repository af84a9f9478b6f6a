"""Reading sitemaps: URL sets, sitemap indexes, Google News sitemaps, plain-text and gzipped ones,
and feeds named as sitemaps."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from lxml import etree
from scrapy.utils.gz import gunzip

from spiders.feeds import LEADING_NOISE, UnreadableDocument, absolute_url, parse_feed

__all__ = ["Sitemap", "SitemapEntry", "parse_sitemap", "read_xml", "robots_sitemaps"]

GZIP_MAGIC = b"\x1f\x8b"
#: Root elements of a feed: a robots.txt ``Sitemap:`` line often names the site's feed.
FEED_ROOTS = ("rss", "rdf", "feed")
#: robots.txt's ``Sitemap:`` line, also spelled ``Site-map:``.
ROBOTS_SITEMAP = re.compile(rb"^\s*site-?map\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` (or nested ``<sitemap>``) with the news metadata it carries."""

    url: str
    title: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass
class Sitemap:
    """A parsed sitemap: an index of further sitemaps, or a set of page URLs."""

    is_index: bool
    entries: list[SitemapEntry] = field(default_factory=list)
    malformed: str | None = None  # the XML error of a malformed sitemap read as far as possible
    feed: bool = False  # a feed named as a sitemap, read as a feed


def parse_sitemap(body: bytes, base_url: str, max_size: int = 0, http_charset: str | None = None) -> Sitemap:
    """Parse a sitemap document (gzipped or not); ``max_size`` caps the decompressed size."""
    if body[:2] == GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, ValueError) as error:
            raise UnreadableDocument(f"bad gzip data: {error}") from None
    start = body.lstrip(LEADING_NOISE)[:1]
    if start == b"{":
        return _feed_sitemap(body, base_url, http_charset)
    if start != b"<":
        return _text_sitemap(body, base_url)
    root, malformed = read_xml(body, http_charset)
    kind = local_name(root)
    if kind in FEED_ROOTS:
        return _feed_sitemap(body, base_url, http_charset)
    if kind == "html":
        raise UnreadableDocument("an HTML page, not a sitemap")
    if kind not in ("urlset", "sitemapindex"):
        raise UnreadableDocument(f"root element <{kind}> is not urlset or sitemapindex")
    child_tag = "sitemap" if kind == "sitemapindex" else "url"
    # Of a malformed document, lxml's recovery closes the element it was cut in: an entry counts
    # only when its own closing tag is in the document.
    complete = _closing_tags(body, child_tag) if malformed else None
    entries = []
    for index, element in enumerate(element for element in root if local_name(element) == child_tag):
        if complete is not None and index >= complete:
            break
        fields = _fields(element)
        if url := absolute_url(base_url, fields.get("loc")):
            entries.append(
                SitemapEntry(
                    url,
                    title=fields.get("title"),
                    # lastmod is when the page changed (service pages too), not when it was published
                    published=fields.get("publication_date"),
                    language=fields.get("language"),
                )
            )
    return Sitemap(kind == "sitemapindex", entries, malformed)


def _closing_tags(body: bytes, tag: str) -> int:
    """How many ``</tag>`` (with any namespace prefix) the raw document holds."""
    return len(re.findall(rb"</(?:[\w.-]+:)?" + tag.encode() + rb"\s*>", body))


def _feed_sitemap(body: bytes, base_url: str, http_charset: str | None) -> Sitemap:
    feed = parse_feed(body, base_url, http_charset)
    entries = [
        SitemapEntry(entry.url, entry.title, entry.published, entry.language or feed.language) for entry in feed.entries
    ]
    return Sitemap(is_index=False, entries=entries, malformed=feed.malformed, feed=True)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The ``Sitemap:`` (or ``Site-map:``) URLs listed in a robots.txt."""
    urls = (absolute_url(base_url, url.decode("utf-8", "replace")) for url in ROBOTS_SITEMAP.findall(body))
    return [url for url in urls if url]


def _fields(element) -> dict[str, str]:  # noqa: ANN001 (lxml element)
    """Text of the entry's descendants by local name (``loc``, ``lastmod``, ``news:title``, ...)."""
    fields: dict[str, str] = {}
    for child in element.iter():
        text = (child.text or "").strip()
        if text:
            fields.setdefault(local_name(child), text)
    return fields


def read_xml(body: bytes, http_charset: str | None = None) -> tuple[etree._Element, str | None]:
    """Parse an XML document safely (no entity expansion, no network), and say what was wrong with a
    malformed one (None when well-formed); a malformed one is read as far as lxml can recover it.

    A BOM or whitespace before the document is skipped. The document's own XML declaration names
    its encoding; without one, the HTTP charset does (lxml would assume UTF-8).
    """
    body = body.lstrip(LEADING_NOISE)
    declared = body.startswith((b"\xff\xfe", b"\xfe\xff")) or _XML_ENCODING.match(body[:200])
    encoding = None if declared or not http_charset else _codec(http_charset)
    malformed = None
    for recover in (False, True):
        if malformed:  # a raw "&" is the commonest error; lxml's recovery would drop what follows it
            body = _BARE_AMPERSAND.sub(b"&amp;", body)
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
_BARE_AMPERSAND = re.compile(rb"&(?!#?\w+;)")


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


def _text_sitemap(body: bytes, base_url: str) -> Sitemap:
    """A plain-text sitemap: one absolute URL per line."""
    lines = body.lstrip(LEADING_NOISE).decode("utf-8", "replace").split()
    urls = [line for line in lines if line.startswith(("http://", "https://"))]
    if not urls:
        raise UnreadableDocument("neither an XML sitemap nor a list of URLs")
    return Sitemap(
        is_index=False, entries=[SitemapEntry(url) for line in urls if (url := absolute_url(base_url, line))]
    )
