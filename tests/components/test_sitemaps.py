"""Sitemaps as sites really serve them: a BOM, leading whitespace, a cut-off end, a raw "&", robots.txt spellings."""

import pytest

from spiders.sitemaps import parse_sitemap, robots_sitemaps

BASE = "https://s.example/sitemap.xml"
URLSET = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    b"<url><loc>https://s.example/news/1</loc></url>\n"
    b"<url><loc>https://s.example/news/2?a=1&amp;b=2</loc></url>\n"
    b"<url><loc>https://s.example/news/3</loc><lastmod>2026-11-20</lastmod></url>\n"
    b"</urlset>\n"
)
ALL = ["https://s.example/news/1", "https://s.example/news/2?a=1&b=2", "https://s.example/news/3"]


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b"\n\n  ", b"\xef\xbb\xbf\r\n", b" \xef\xbb\xbf"])
def test_a_bom_or_whitespace_before_the_declaration(prefix):
    sitemap = parse_sitemap(prefix + URLSET, BASE)
    assert [entry.url for entry in sitemap.entries] == ALL and not sitemap.malformed


@pytest.mark.parametrize(
    ("cut_after", "kept"),
    [
        (b"news/3</loc>", 2),  # inside the third <url>, after its <loc>
        (b"news/2?a=", 1),  # inside the second <url>'s <loc>
        (b"news/3</loc><lastmod>2026-11-20</lastmod></url>", 3),  # before </urlset>
    ],
)
def test_a_truncated_sitemap_keeps_every_complete_url(cut_after, kept):
    sitemap = parse_sitemap(URLSET[: URLSET.index(cut_after) + len(cut_after)], BASE)
    assert sitemap.malformed
    assert [entry.url for entry in sitemap.entries] == ALL[:kept]


def test_a_raw_ampersand_keeps_the_query_whole():
    sitemap = parse_sitemap(URLSET.replace(b"&amp;", b"&"), BASE)
    assert sitemap.malformed and [entry.url for entry in sitemap.entries] == ALL


def test_one_bad_loc_costs_only_itself():
    sitemap = parse_sitemap(URLSET.replace(b"https://s.example/news/1", b"http://[s.example/news/1"), BASE)
    assert [entry.url for entry in sitemap.entries] == ALL[1:]


def test_a_json_feed_named_as_a_sitemap():
    body = b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "url": "/news/9"}]}'
    sitemap = parse_sitemap(body, BASE)
    assert sitemap.feed and [entry.url for entry in sitemap.entries] == ["https://s.example/news/9"]


def test_robots_txt_sitemap_spellings():
    robots = (
        b"User-agent: *\nDisallow: /private/\nSitemap: https://s.example/news.xml\n"
        b"site-map: /other.xml\n  SITEMAP:https://s.example/feed\nSitemaps-are-great: no\n"
    )
    assert robots_sitemaps(robots, "https://s.example/robots.txt") == [
        "https://s.example/news.xml",
        "https://s.example/other.xml",
        "https://s.example/feed",
    ]
