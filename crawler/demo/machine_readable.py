"""Machine-readable documents of the demo network: RSS 2.0, RSS 1.0 (RDF), Atom, sitemaps, robots.txt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class Channel:
    """A feed's own description."""

    title: str
    home: str
    url: str
    description: str
    lang: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Entry:
    """One feed item or sitemap URL."""

    title: str
    url: str
    summary: str
    author: str
    category: str
    published: datetime
    guid: str


def xml(root: str, encoding: str = "utf-8") -> str:
    """An XML document: declaration, then ``root``."""
    return f'<?xml version="1.0" encoding="{encoding}"?>\n{root}\n'


def latest(entries: Sequence[Entry]) -> datetime:
    """When the newest entry was published."""
    return max(entry.published for entry in entries)


def rss2(channel: Channel, entries: Sequence[Entry]) -> str:
    """An RSS 2.0 feed."""
    items = "".join(
        f"""
<item>
  <title>{escape(e.title)}</title>
  <link>{escape(e.url)}</link>
  <guid isPermaLink="false">{escape(e.guid)}</guid>
  <pubDate>{format_datetime(e.published)}</pubDate>
  <dc:creator>{escape(e.author)}</dc:creator>
  <category>{escape(e.category)}</category>
  <description>{escape(e.summary)}</description>
</item>"""
        for e in entries
    )
    return xml(
        f"""<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{escape(channel.title)}</title>
<link>{escape(channel.home)}</link>
<atom:link href={quoteattr(channel.url)} rel="self" type="application/rss+xml"/>
<description>{escape(channel.description)}</description>
<language>{channel.lang}</language>
<lastBuildDate>{format_datetime(latest(entries))}</lastBuildDate>{items}
</channel>
</rss>""",
        channel.encoding,
    )


def rdf(channel: Channel, entries: Sequence[Entry]) -> str:
    """An RSS 1.0 (RDF) feed."""
    seq = "".join(f"\n      <rdf:li rdf:resource={quoteattr(e.url)}/>" for e in entries)
    items = "".join(
        f"""
<item rdf:about={quoteattr(e.url)}>
  <title>{escape(e.title)}</title>
  <link>{escape(e.url)}</link>
  <description>{escape(e.summary)}</description>
  <dc:creator>{escape(e.author)}</dc:creator>
  <dc:subject>{escape(e.category)}</dc:subject>
  <dc:date>{e.published.isoformat()}</dc:date>
</item>"""
        for e in entries
    )
    return xml(
        f"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about={quoteattr(channel.url)}>
  <title>{escape(channel.title)}</title>
  <link>{escape(channel.home)}</link>
  <description>{escape(channel.description)}</description>
  <dc:language>{channel.lang}</dc:language>
  <dc:date>{latest(entries).isoformat()}</dc:date>
  <items>
    <rdf:Seq>{seq}
    </rdf:Seq>
  </items>
</channel>{items}
</rdf:RDF>""",
        channel.encoding,
    )


def atom(channel: Channel, entries: Sequence[Entry]) -> str:
    """An Atom 1.0 feed."""
    items = "".join(
        f"""
<entry>
  <id>{escape(e.guid)}</id>
  <title>{escape(e.title)}</title>
  <link rel="alternate" type="text/html" href={quoteattr(e.url)}/>
  <published>{e.published.isoformat()}</published>
  <updated>{e.published.isoformat()}</updated>
  <author><name>{escape(e.author)}</name></author>
  <category term={quoteattr(e.category)}/>
  <summary>{escape(e.summary)}</summary>
</entry>"""
        for e in entries
    )
    return xml(
        f"""<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{channel.lang}">
<id>{escape(channel.url)}</id>
<title>{escape(channel.title)}</title>
<subtitle>{escape(channel.description)}</subtitle>
<link rel="self" type="application/atom+xml" href={quoteattr(channel.url)}/>
<link rel="alternate" type="text/html" href={quoteattr(channel.home)}/>
<updated>{latest(entries).isoformat()}</updated>{items}
</feed>""",
        channel.encoding,
    )


def urlset(urls: Sequence[tuple[str, datetime]]) -> str:
    """A sitemap ``<urlset>`` of (URL, last modified)."""
    rows = "".join(f"\n<url><loc>{escape(u)}</loc><lastmod>{m.isoformat()}</lastmod></url>" for u, m in urls)
    return xml(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}\n</urlset>')


def sitemap_index(sitemaps: Sequence[tuple[str, datetime]]) -> str:
    """A sitemap index of (sitemap URL, last modified)."""
    rows = "".join(
        f"\n<sitemap><loc>{escape(u)}</loc><lastmod>{m.isoformat()}</lastmod></sitemap>" for u, m in sitemaps
    )
    return xml(f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}\n</sitemapindex>')


def news_sitemap(publication: str, lang: str, entries: Sequence[Entry]) -> str:
    """A Google News sitemap."""
    rows = "".join(
        f"""
<url>
  <loc>{escape(e.url)}</loc>
  <news:news>
    <news:publication><news:name>{escape(publication)}</news:name><news:language>{lang}</news:language></news:publication>
    <news:publication_date>{e.published.isoformat()}</news:publication_date>
    <news:title>{escape(e.title)}</news:title>
  </news:news>
</url>"""
        for e in entries
    )
    return xml(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{rows}\n</urlset>'
    )


def robots(disallow: Sequence[str] = (), sitemaps: Sequence[str] = ()) -> str:
    """A robots.txt for all user agents."""
    rules = [f"Disallow: {path}" for path in disallow] or ["Allow: /"]
    lines = ["User-agent: *", *rules, "", *(f"Sitemap: {url}" for url in sitemaps)]
    return "\n".join(lines).rstrip("\n") + "\n"
