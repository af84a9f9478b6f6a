"""Reading sitemaps: URL sets, sitemap indexes, Google News sitemaps, plain-text and gzipped ones."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots

from spiders.feeds import UnreadableDocument, local_name, read_xml

__all__ = ["Sitemap", "SitemapEntry", "parse_sitemap", "robots_sitemaps"]

GZIP_MAGIC = b"\x1f\x8b"


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


def parse_sitemap(body: bytes, base_url: str, max_size: int = 0, http_charset: str | None = None) -> Sitemap:
    """Parse a sitemap document (gzipped or not); ``max_size`` caps the decompressed size."""
    if body[:2] == GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=max_size)
        except (OSError, ValueError) as error:
            raise UnreadableDocument(f"bad gzip data: {error}") from None
    if not body.lstrip()[:1] == b"<":
        return _text_sitemap(body, base_url)
    root, malformed = read_xml(body, http_charset)
    kind = local_name(root)
    if kind == "html":
        raise UnreadableDocument("an HTML page, not a sitemap")
    if kind not in ("urlset", "sitemapindex"):
        raise UnreadableDocument(f"root element <{kind}> is not urlset or sitemapindex")
    child_tag = "sitemap" if kind == "sitemapindex" else "url"
    entries = []
    for element in root:
        if local_name(element) != child_tag:
            continue
        fields = _fields(element)
        if fields.get("loc"):
            entries.append(
                SitemapEntry(
                    urljoin(base_url, fields["loc"]),
                    title=fields.get("title"),
                    # lastmod is when the page changed (service pages too), not when it was published
                    published=fields.get("publication_date"),
                    language=fields.get("language"),
                )
            )
    if malformed:  # read up to the error; the last entry may be cut short
        return Sitemap(kind == "sitemapindex", entries[:-1], malformed)
    return Sitemap(is_index=kind == "sitemapindex", entries=entries)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs listed in a robots.txt."""
    return list(sitemap_urls_from_robots(body, base_url=base_url))


def _fields(element) -> dict[str, str]:  # noqa: ANN001 (lxml element)
    """Text of the entry's descendants by local name (``loc``, ``lastmod``, ``news:title``, ...)."""
    fields: dict[str, str] = {}
    for child in element.iter():
        text = (child.text or "").strip()
        if text:
            fields.setdefault(local_name(child), text)
    return fields


def _text_sitemap(body: bytes, base_url: str) -> Sitemap:
    """A plain-text sitemap: one absolute URL per line."""
    lines = body.decode("utf-8", "replace").split()
    urls = [line for line in lines if line.startswith(("http://", "https://"))]
    if not urls:
        raise UnreadableDocument("neither an XML sitemap nor a list of URLs")
    return Sitemap(is_index=False, entries=[SitemapEntry(urljoin(base_url, url)) for url in urls])
