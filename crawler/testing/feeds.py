"""Feeds, sitemaps and robots.txt for local test sites: the one generator the tests and benchmarks use.

RSS 2.0, RSS 1.0 (RDF) and Atom feeds, sitemaps (urlset, index, Google News, gzip) and
robots.txt as text, to be served as :class:`~crawler.testing.localsites.Page` bodies.
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


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed or a news sitemap: the article's URL and what the feed says of it."""

    url: str
    title: str
    published: str  # ISO 8601
    summary: str = ""
    author: str = ""
    language: str = ""  # ISO 639-1, for a news sitemap


def _rfc822(iso: str) -> str:
    """An ISO 8601 date as RSS writes it."""
    return format_datetime(datetime.fromisoformat(iso))


def rss2(title: str, link: str, items: Sequence[FeedItem], *, language: str | None = "en") -> str:
    """An RSS 2.0 feed of ``items`` in the order given; ``language=None`` declares none."""
    entries = "\n".join(
        f"""    <item>
      <title>{escape(it.title)}</title>
      <link>{escape(it.url)}</link>
      <guid isPermaLink="false">urn:wirecrawl-test:{n}</guid>
      <pubDate>{_rfc822(it.published)}</pubDate>
      <dc:creator>{escape(it.author)}</dc:creator>
      <description>{escape(it.summary)}</description>
    </item>"""
        for n, it in enumerate(items, 1)
    )
    updated = max((it.published for it in items), default="2024-03-01T00:00:00+00:00")
    declared = f"    <language>{language}</language>\n" if language else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{escape(title)}</title>
    <link>{escape(link)}</link>
    <description>Latest stories from {escape(title)}</description>
{declared}    <lastBuildDate>{_rfc822(updated)}</lastBuildDate>
{entries}
  </channel>
</rss>
"""


def rdf(title: str, link: str, items: Sequence[FeedItem], *, language: str = "en") -> str:
    """An RSS 1.0 (RDF) feed."""
    seq = "\n".join(f'          <rdf:li rdf:resource="{escape(it.url)}"/>' for it in items)
    entries = "\n".join(
        f"""  <item rdf:about="{escape(it.url)}">
    <title>{escape(it.title)}</title>
    <link>{escape(it.url)}</link>
    <description>{escape(it.summary)}</description>
    <dc:creator>{escape(it.author)}</dc:creator>
    <dc:date>{it.published}</dc:date>
  </item>"""
        for it in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{escape(link)}">
    <title>{escape(title)}</title>
    <link>{escape(link)}</link>
    <description>Nachrichten von {escape(title)}</description>
    <dc:language>{language}</dc:language>
    <items>
      <rdf:Seq>
{seq}
      </rdf:Seq>
    </items>
  </channel>
{entries}
</rdf:RDF>
"""


def atom(title: str, link: str, feed_url: str, items: Sequence[FeedItem]) -> str:
    """An Atom 1.0 feed; each entry's article is its rel="alternate" link."""
    entries = "\n".join(
        f"""  <entry>
    <title>{escape(it.title)}</title>
    <link rel="alternate" type="text/html" href="{escape(it.url)}"/>
    <id>tag:wirecrawl.test,2024:{n}</id>
    <published>{it.published}</published>
    <updated>{it.published}</updated>
    <author><name>{escape(it.author)}</name></author>
    <summary>{escape(it.summary)}</summary>
  </entry>"""
        for n, it in enumerate(items, 1)
    )
    updated = max((it.published for it in items), default="2024-03-01T00:00:00+00:00")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(title)}</title>
  <link rel="alternate" type="text/html" href="{escape(link)}"/>
  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>
  <id>{escape(feed_url)}</id>
  <updated>{updated}</updated>
{entries}
</feed>
"""


def _lastmod(lastmod: str | None) -> str:
    return f"    <lastmod>{lastmod}</lastmod>\n" if lastmod else ""


def urlset(urls: Sequence[tuple[str, str | None]]) -> str:
    """A sitemap <urlset> of (url, lastmod) pairs; a lastmod of None is left out."""
    entries = "\n".join(f"  <url>\n    <loc>{escape(url)}</loc>\n{_lastmod(lastmod)}  </url>" for url, lastmod in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</urlset>\n"
    )


def sitemap_index(urls: Sequence[str], lastmod: str | None = "2024-03-15") -> str:
    """A <sitemapindex> listing child sitemaps; a lastmod of None is left out."""
    entries = "\n".join(f"  <sitemap>\n    <loc>{escape(url)}</loc>\n{_lastmod(lastmod)}  </sitemap>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
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
        '<?xml version="1.0" encoding="UTF-8"?>\n'
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
