"""Feeds, sitemaps and robots.txt for local sites: the one generator of the tests, benchmarks and demo.

RSS 2.0, RSS 1.0 (RDF) and Atom feeds, sitemaps (urlset, index, Google News, gzip) and
robots.txt as text, to be served as :class:`~crawler.testing.localsites.Page` bodies. Dates are
ISO 8601 strings throughout. A feed's body is text: declare its ``encoding`` when the page is
served in another charset than UTF-8.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape

from crawler.testing.localsites import Page

__all__ = [
    "ATOM_TYPE",
    "GZIP_TYPE",
    "RDF_TYPE",
    "RSS_TYPE",
    "TEXT_TYPE",
    "XML_TYPE",
    "FeedItem",
    "atom",
    "gzipped",
    "news_sitemap",
    "rdf",
    "robots_txt",
    "rss2",
    "sitemap_index",
    "urlset",
    "xml_page",
]

RSS_TYPE = "application/rss+xml; charset=utf-8"
RDF_TYPE = "application/rdf+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
GZIP_TYPE = "application/x-gzip"
TEXT_TYPE = "text/plain; charset=utf-8"

#: A feed's date when it has no items.
_EMPTY_FEED_DATE = "2024-03-01T00:00:00+00:00"


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed or a news sitemap: the article's URL and what the feed says of it."""

    url: str
    title: str
    published: str  # ISO 8601
    summary: str = ""
    author: str = ""
    language: str = ""  # ISO 639-1, for a news sitemap
    category: str = ""  # left out when empty
    guid: str = ""  # the entry's id; empty: numbered by position in the feed


def _rfc822(iso: str) -> str:
    """An ISO 8601 date as RSS writes it."""
    return format_datetime(datetime.fromisoformat(iso))


def _latest(items: Sequence[FeedItem]) -> str:
    """When the newest item was published (ISO 8601), the feed's date."""
    return max((it.published for it in items), key=datetime.fromisoformat, default=_EMPTY_FEED_DATE)


def _lines(*lines: str | None) -> str:
    """The lines given, each ending in a newline; ``None`` (an element left out) is skipped."""
    return "".join(f"{line}\n" for line in lines if line is not None)


def _declaration(encoding: str) -> str:
    """The XML declaration of a document whose text is served in ``encoding``."""
    return f'<?xml version="1.0" encoding="{encoding}"?>'


def rss2(
    title: str,
    link: str,
    items: Sequence[FeedItem],
    *,
    language: str | None = "en",
    description: str | None = None,
    feed_url: str | None = None,
    encoding: str = "UTF-8",
) -> str:
    """An RSS 2.0 feed of ``items`` in the order given; ``language=None`` declares none.

    ``description`` defaults to "Latest stories from <title>"; ``feed_url`` adds the feed's own
    address (``atom:link rel="self"``).
    """
    entries = "".join(
        _lines(
            "    <item>",
            f"      <title>{escape(it.title)}</title>",
            f"      <link>{escape(it.url)}</link>",
            f'      <guid isPermaLink="false">{escape(it.guid or f"urn:wirecrawl-test:{n}")}</guid>',
            f"      <pubDate>{_rfc822(it.published)}</pubDate>",
            f"      <dc:creator>{escape(it.author)}</dc:creator>",
            f"      <category>{escape(it.category)}</category>" if it.category else None,
            f"      <description>{escape(it.summary)}</description>",
            "    </item>",
        )
        for n, it in enumerate(items, 1)
    )
    if description is None:
        description = f"Latest stories from {title}"
    return (
        _lines(
            _declaration(encoding),
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
            "  <channel>",
            f"    <title>{escape(title)}</title>",
            f"    <link>{escape(link)}</link>",
            f'    <atom:link href="{escape(feed_url)}" rel="self" type="application/rss+xml"/>' if feed_url else None,
            f"    <description>{escape(description)}</description>",
            f"    <language>{language}</language>" if language else None,
            f"    <lastBuildDate>{_rfc822(_latest(items))}</lastBuildDate>",
        )
        + entries
        + _lines("  </channel>", "</rss>")
    )


def rdf(
    title: str,
    link: str,
    items: Sequence[FeedItem],
    *,
    language: str = "en",
    description: str | None = None,
    feed_url: str | None = None,
    encoding: str = "UTF-8",
) -> str:
    """An RSS 1.0 (RDF) feed; its channel is about ``feed_url`` if given, else ``link``.

    ``description`` defaults to "Nachrichten von <title>".
    """
    seq = "".join(_lines(f'          <rdf:li rdf:resource="{escape(it.url)}"/>') for it in items)
    entries = "".join(
        _lines(
            f'  <item rdf:about="{escape(it.url)}">',
            f"    <title>{escape(it.title)}</title>",
            f"    <link>{escape(it.url)}</link>",
            f"    <description>{escape(it.summary)}</description>",
            f"    <dc:creator>{escape(it.author)}</dc:creator>",
            f"    <dc:subject>{escape(it.category)}</dc:subject>" if it.category else None,
            f"    <dc:date>{it.published}</dc:date>",
            "  </item>",
        )
        for it in items
    )
    if description is None:
        description = f"Nachrichten von {title}"
    head = _lines(
        _declaration(encoding),
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
        '         xmlns="http://purl.org/rss/1.0/"',
        '         xmlns:dc="http://purl.org/dc/elements/1.1/">',
        f'  <channel rdf:about="{escape(feed_url or link)}">',
        f"    <title>{escape(title)}</title>",
        f"    <link>{escape(link)}</link>",
        f"    <description>{escape(description)}</description>",
        f"    <dc:language>{language}</dc:language>",
        f"    <dc:date>{_latest(items)}</dc:date>",
        "    <items>",
        "      <rdf:Seq>",
    )
    return head + seq + _lines("      </rdf:Seq>", "    </items>", "  </channel>") + entries + _lines("</rdf:RDF>")


def atom(
    title: str,
    link: str,
    feed_url: str,
    items: Sequence[FeedItem],
    *,
    language: str | None = None,
    description: str | None = None,
    encoding: str = "UTF-8",
) -> str:
    """An Atom 1.0 feed; each entry's article is its rel="alternate" link.

    ``language`` is declared as ``xml:lang`` and ``description`` as the subtitle, when given.
    """
    entries = "".join(
        _lines(
            "  <entry>",
            f"    <title>{escape(it.title)}</title>",
            f'    <link rel="alternate" type="text/html" href="{escape(it.url)}"/>',
            f"    <id>{escape(it.guid or f'tag:wirecrawl.test,2024:{n}')}</id>",
            f"    <published>{it.published}</published>",
            f"    <updated>{it.published}</updated>",
            f"    <author><name>{escape(it.author)}</name></author>",
            f'    <category term="{escape(it.category)}"/>' if it.category else None,
            f"    <summary>{escape(it.summary)}</summary>",
            "  </entry>",
        )
        for n, it in enumerate(items, 1)
    )
    lang = f' xml:lang="{language}"' if language else ""
    head = _lines(
        _declaration(encoding),
        f'<feed xmlns="http://www.w3.org/2005/Atom"{lang}>',
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(description)}</subtitle>" if description is not None else None,
        f'  <link rel="alternate" type="text/html" href="{escape(link)}"/>',
        f'  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>',
        f"  <id>{escape(feed_url)}</id>",
        f"  <updated>{_latest(items)}</updated>",
    )
    return head + entries + _lines("</feed>")


def _lastmod(lastmod: str | None) -> str:
    return f"    <lastmod>{lastmod}</lastmod>\n" if lastmod else ""


def urlset(urls: Sequence[tuple[str, str | None]]) -> str:
    """A sitemap <urlset> of (url, lastmod) pairs; a lastmod of None is left out."""
    entries = "\n".join(f"  <url>\n    <loc>{escape(url)}</loc>\n{_lastmod(lastmod)}  </url>" for url, lastmod in urls)
    return (
        f'{_declaration("UTF-8")}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}\n</urlset>\n'
    )


def sitemap_index(urls: Sequence[str], lastmod: str | None = "2024-03-15") -> str:
    """A <sitemapindex> listing child sitemaps; a lastmod of None is left out."""
    entries = "\n".join(f"  <sitemap>\n    <loc>{escape(url)}</loc>\n{_lastmod(lastmod)}  </sitemap>" for url in urls)
    return (
        f"{_declaration('UTF-8')}\n"
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</sitemapindex>\n"
    )


def news_sitemap(publication: str, items: Sequence[FeedItem]) -> str:
    """A Google News sitemap of ``items`` (their language is the publication's)."""
    urls = "\n".join(
        f"""  <url>
    <loc>{escape(it.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>{escape(publication)}</news:name>
        <news:language>{it.language}</news:language>
      </news:publication>
      <news:publication_date>{it.published}</news:publication_date>
      <news:title>{escape(it.title)}</news:title>
    </news:news>
  </url>"""
        for it in items
    )
    return (
        f"{_declaration('UTF-8')}\n"
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
        '        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def gzipped(data: str | bytes) -> bytes:
    """``data`` gzip-compressed (deterministically)."""
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, mtime=0)


def robots_txt(*, disallow: Sequence[str] = (), sitemaps: Sequence[str] = (), agent: str = "*") -> str:
    """A robots.txt with one group and optional Sitemap: lines."""
    lines = [f"User-agent: {agent}"]
    lines += [f"Disallow: {path}" for path in disallow] or ["Disallow:"]
    lines.append("")
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return "\n".join(lines) + "\n"


def xml_page(text: str, content_type: str = XML_TYPE) -> Page:
    """A served XML document (a feed, a sitemap)."""
    return Page(text, content_type)
