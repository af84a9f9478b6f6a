"""Discovery: feeds, sitemaps, robots.txt and listing pages lead to normalized article requests."""

import asyncio
import gzip

import pytest
from fixtures.scrapy_helpers import make_crawler
from scrapy import Request
from scrapy.http import HtmlResponse, Response, XmlResponse
from trafilatura.utils import load_html

from crawler.config import parse_sources
from crawler.web.encoding import decode_html
from pipelines.core.extraction import page_text
from spiders.feeds import UnreadableDocument, parse_feed
from spiders.sitemaps import parse_sitemap, robots_sitemaps
from spiders.source import SourceSpider

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><language>en-us</language>
<item><title>First</title><link>https://wire.example/2026/11/first?utm_source=rss</link>
<pubDate>Fri, 20 Nov 2026 08:30:00 GMT</pubDate></item>
<item><title>Guid only</title><guid isPermaLink="true">https://wire.example/2026/11/second</guid></item>
<item><title>Relative</title><link>/2026/11/third</link></item>
</channel></rss>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://de.example/"><title>DE</title><dc:language>de</dc:language></channel>
<item rdf:about="https://de.example/artikel/1"><title>Eins</title><link>https://de.example/artikel/1</link>
<dc:date>2026-11-20T10:00:00+01:00</dc:date></item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr" xml:base="https://fr.example/news/">
<title>FR</title>
<entry><title>Un</title><link rel="alternate" href="un.html"/><link rel="enclosure" href="a.mp3"/>
<published>2026-11-20T08:00:00Z</published></entry>
<entry><title>Deux</title><link href="https://fr.example/news/deux.html"/><updated>2026-11-21T08:00:00Z</updated></entry>
</feed>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://n.example/2026/11/a</loc><lastmod>2026-11-20</lastmod></url>
<url><loc>https://n.example/2026/11/b</loc><news:news><news:publication><news:name>N</news:name>
<news:language>ja</news:language></news:publication>
<news:publication_date>2026-11-21T09:00:00+09:00</news:publication_date><news:title>B title</news:title></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://n.example/sitemap-1.xml.gz</loc></sitemap><sitemap><loc>/sitemap-2.xml</loc></sitemap>
</sitemapindex>"""


def test_rss2_entries_with_guid_and_relative_links():
    feed = parse_feed(RSS, "https://wire.example/rss.xml")
    assert feed.language == "en-us"
    assert [e.url for e in feed.entries] == [
        "https://wire.example/2026/11/first?utm_source=rss",
        "https://wire.example/2026/11/second",
        "https://wire.example/2026/11/third",
    ]
    assert feed.entries[0].published == "Fri, 20 Nov 2026 08:30:00 GMT"


def test_rss1_rdf_entries():
    feed = parse_feed(RDF, "https://de.example/rdf")
    assert feed.language == "de"
    assert [(e.url, e.published) for e in feed.entries] == [
        ("https://de.example/artikel/1", "2026-11-20T10:00:00+01:00")
    ]


def test_atom_entries_resolve_xml_base_and_skip_enclosures():
    feed = parse_feed(ATOM, "https://fr.example/atom")
    assert feed.language == "fr"
    assert [e.url for e in feed.entries] == ["https://fr.example/news/un.html", "https://fr.example/news/deux.html"]
    assert feed.entries[1].published == "2026-11-21T08:00:00Z"


@pytest.mark.parametrize("body", [b"<html><body>Not a feed</body></html>", b"", b"\x00\x01garbage"])
def test_things_that_are_not_feeds_are_refused(body):
    with pytest.raises(UnreadableDocument):
        parse_feed(body, "https://x.example/rss")


def test_urlset_with_news_metadata():
    sitemap = parse_sitemap(URLSET, "https://n.example/sitemap.xml")
    assert not sitemap.is_index
    first, second = sitemap.entries
    assert (first.url, first.published) == ("https://n.example/2026/11/a", None)  # lastmod is no publication date
    assert (second.title, second.language, second.published) == ("B title", "ja", "2026-11-21T09:00:00+09:00")


def test_sitemap_index_gzipped_and_relative():
    sitemap = parse_sitemap(gzip.compress(INDEX), "https://n.example/sitemap_index.xml")
    assert sitemap.is_index
    assert [e.url for e in sitemap.entries] == ["https://n.example/sitemap-1.xml.gz", "https://n.example/sitemap-2.xml"]


def test_plain_text_sitemap_and_robots_lines():
    text = parse_sitemap(b"https://t.example/a\nhttps://t.example/b\n", "https://t.example/sitemap.txt")
    assert [e.url for e in text.entries] == ["https://t.example/a", "https://t.example/b"]
    robots = b"User-agent: *\nDisallow: /private/\nSitemap: https://t.example/news.xml\nsitemap: /other.xml\n"
    assert robots_sitemaps(robots, "https://t.example/robots.txt") == [
        "https://t.example/news.xml",
        "https://t.example/other.xml",
    ]


def make_spider(settings=None, **declaration):
    source = parse_sources({"sources": [{"name": "site", **declaration}]})[0]
    spider_class = SourceSpider.for_source(source)
    return spider_class.from_crawler(make_crawler(spider_class, **(settings or {})))


def response_for(spider, cls, url, body, callback_meta=None, **kwargs):
    request = Request(url, meta={"discovered_via": "listing", **(callback_meta or {})})
    return cls(url=url, body=body, request=request, **kwargs)


def test_start_requests_cover_every_route():
    spider = make_spider(
        feeds=["https://a.example/rss"],
        sitemaps=["https://a.example/robots.txt", "https://a.example/sitemap.xml"],
        start_urls=["https://a.example/news/"],
    )

    async def collect():
        return [request async for request in spider.start()]

    requests = asyncio.run(collect())
    assert [(r.url, r.callback.__name__) for r in requests] == [
        ("https://a.example/rss", "parse_feed"),
        ("https://a.example/robots.txt", "parse_robots"),
        ("https://a.example/sitemap.xml", "parse_sitemap"),
        ("https://a.example/news/", "parse_listing"),
    ]


def test_feed_entries_become_normalized_article_requests_with_hints():
    spider = make_spider(feeds=["https://wire.example/rss.xml"], deny="/third")
    response = response_for(spider, XmlResponse, "https://wire.example/rss.xml", RSS)
    requests = list(spider.parse_feed(response))
    assert [r.url for r in requests] == ["https://wire.example/2026/11/first", "https://wire.example/2026/11/second"]
    assert requests[0].meta["article"] is True
    assert requests[0].meta["hints"] == {
        "title": "First",
        "published": "Fri, 20 Nov 2026 08:30:00 GMT",
        "language": "en-us",
    }


def test_a_tag_or_topic_path_addressed_by_its_query_is_fetched_and_the_page_decides():
    spider = make_spider(feeds=["https://q.example/rss"])
    items = "".join(
        f"<item><link>https://q.example{path}</link></item>"
        for path in ("/category/story.cfm?id=1", "/site/topics/article.asp?x=1", "/tag/harbour", "/author/y?page=2")
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>{items}</channel></rss>'.encode()
    response = response_for(spider, XmlResponse, "https://q.example/rss", body)
    assert [r.url for r in spider.parse_feed(response)] == [
        "https://q.example/category/story.cfm?id=1",
        "https://q.example/site/topics/article.asp?x=1",
    ]


def test_listing_follows_pagination_and_requests_article_candidates():
    spider = make_spider(start_urls=["https://l.example/news/"], follow=r"/news/page/\d+/$", allow=r"/news/\d{4}/")
    html = b"""<html><body><nav><a href="/">Home</a><a href="/about/">About</a><a href="/tag/x/">x</a></nav>
    <a href="/news/2026/story-one">One</a><a href="/news/2026/story-two#comments">Two</a>
    <a href="/news/page/2/">Next</a><a href="https://elsewhere.example/news/2026/x">Other site</a>
    <a href="/img/photo.jpg">Photo</a></body></html>"""
    response = response_for(spider, HtmlResponse, "https://l.example/news/", html, {"listing_depth": 0})
    requests = list(spider.parse_listing(response))
    articles = [r.url for r in requests if r.meta.get("article")]
    listings = [(r.url, r.meta["listing_depth"]) for r in requests if r.callback.__name__ == "parse_listing"]
    assert articles == ["https://l.example/news/2026/story-one", "https://l.example/news/2026/story-two"]
    assert all(r.meta["hints"] == {"allow_matched": True} for r in requests if r.meta.get("article"))
    assert listings == [("https://l.example/news/page/2/", 1)]


def test_listing_without_allow_skips_tag_author_and_about_urls():
    spider = make_spider(start_urls=["https://l.example/"])
    html = b"""<html><body><a href="/about/">About</a><a href="/author/jane/">Jane</a><a href="/tags/x">x</a>
    <a href="/world/2026/11/long-story-slug">Story</a></body></html>"""
    response = response_for(spider, HtmlResponse, "https://l.example/", html, {"listing_depth": 0})
    assert [r.url for r in spider.parse_listing(response)] == ["https://l.example/world/2026/11/long-story-slug"]


def test_listing_depth_is_capped():
    spider = make_spider({"DISCOVERY_LISTING_DEPTH": 3}, start_urls=["https://l.example/news/"], follow="/page/")
    html = b'<html><body><a href="/news/page/9/">Next</a></body></html>'
    response = response_for(spider, HtmlResponse, "https://l.example/news/page/8/", html, {"listing_depth": 3})
    assert list(spider.parse_listing(response)) == []


def test_article_response_becomes_an_item_with_its_bytes_decoded_by_extraction():
    spider = make_spider(feeds=["https://ru.example/rss"], language="ru")
    html = "<html><head><meta charset='windows-1251'></head><body><p>Москва</p></body></html>".encode("cp1251")
    response = response_for(
        spider,
        HtmlResponse,
        "https://ru.example/a",
        html,
        {"discovered_via": "feed", "hints": {"title": "T"}},
        headers={"Content-Type": "text/html"},
    )
    (item,) = spider.parse_article(response)
    assert item.body == html and item.headers == {"Content-Type": "text/html"}  # decoded in a worker, not here
    assert "Москва" in page_text(load_html(decode_html(item.body, item.headers["Content-Type"])[0]), item.url).text
    assert (item.source, item.discovered_via, item.hints) == ("site", "feed", {"title": "T", "source_language": "ru"})


def test_non_html_article_response_is_skipped():
    spider = make_spider(feeds=["https://a.example/rss"])
    response = response_for(
        spider,
        Response,
        "https://a.example/file.pdf",
        b"%PDF-1.4",
        {"discovered_via": "feed"},
        headers={"Content-Type": "application/pdf"},
    )
    assert list(spider.parse_article(response)) == []
    assert spider.crawler.stats.get_value("wirecrawl/dropped/not_html") == 1
