"""The article decision: innocent until proven otherwise, by how the page was found.

An article page carries a related-stories rail with dated teasers, as real article pages do;
a section front is twelve dated teasers and no prose. Neither declares a type or a date.
"""

import pytest
from fixtures.harbour_story import STORY
from fixtures.port_pages import item_from, run_stages
from scrapy import Request
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from pipelines.extract import ExtractionPipeline

RAIL = "".join(
    f'<li><a href="/news/2026/11/{day}/story-{day}">Council story number {day}</a> '
    f'<time datetime="2026-11-{day}">{day} November 2026</time></li>'
    for day in (14, 15, 16, 17, 18)
)
TEASERS = "".join(
    f'<div class="teaser"><h2><a href="/news/2026/11/item-{n}">Harbour news item {n} of the week</a></h2>'
    f'<time datetime="2026-11-{n + 10}">{n + 10} November 2026</time>'
    f"<p>A short summary of item {n}, with enough words in it to read like one whole sentence of prose.</p></div>"
    for n in range(1, 13)
)


def response(main: str, url: str) -> HtmlResponse:
    """A page without a declared type or date: navigation, the main content, a footer."""
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Port News</title></head>
    <body><header><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header><main>{main}</main>
    <footer><p>© 2026 Port News</p></footer></body></html>"""
    return HtmlResponse(url=url, body=html.encode("utf-8"), request=Request(url), encoding="utf-8")


def article_with_rail() -> HtmlResponse:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    main = f'<article><h1>Harbour channel to be deepened</h1>{body}</article><div class="related"><h3>Related</h3><ul>{RAIL}</ul></div>'
    return response(main, "https://port.example/news/harbour-channel-to-be-deepened")


def section_front() -> HtmlResponse:
    return response(f"<h1>Latest harbour news</h1>{TEASERS}", "https://port.example/news/latest-harbour-news")


@pytest.mark.parametrize("via", ["feed", "sitemap", "listing"])
def test_an_article_with_a_dated_related_rail_is_stored(crawler, via):  # noqa: F811
    item = run_stages(crawler, item_from(article_with_rail(), via=via), stages=(ExtractionPipeline,))
    assert item.text.split("\n\n")[: len(STORY)] == STORY


@pytest.mark.parametrize("via", ["feed", "sitemap", "listing"])
def test_a_section_front_of_dated_teasers_is_dropped(crawler, via):  # noqa: F811
    with pytest.raises(DropItem, match="teaser list"):
        run_stages(crawler, item_from(section_front(), via=via), stages=(ExtractionPipeline,))
    assert crawler.stats.get_value("wirecrawl/dropped/not_article") == 1


def test_a_short_undated_page_needs_metadata_from_a_sitemap_and_prose_from_a_listing(crawler):  # noqa: F811
    short = "<article><h1>Harbour notice</h1>" + "".join(f"<p>{p}</p>" for p in STORY[:2]) + "</article>"
    dated = short.replace("<article>", '<article><meta itemprop="datePublished" content="2026-11-20">')
    url = "https://port.example/news/harbour-notice"
    for main, via in ((short, "sitemap"), (short, "listing"), (dated, "listing")):
        with pytest.raises(DropItem, match="no prose body"):
            run_stages(crawler, item_from(response(main, url), via=via), stages=(ExtractionPipeline,))
    for main, via, hints in (
        (short, "feed", {}),
        (short, "sitemap", {"published": "2026-11-20"}),
        (dated, "sitemap", {}),
        (short, "listing", {"allow_matched": True}),
    ):
        assert run_stages(
            crawler, item_from(response(main, url), via=via, hints=hints), stages=(ExtractionPipeline,)
        ).text


def undeclared_article(url: str, dated: bool = True, related: str = "") -> HtmlResponse:
    """An article that declares no type: a headline, a prose body, a date shown on the page (or not)."""
    date = '<time datetime="2026-11-20T08:00:00Z">20 November 2026</time>' if dated else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    return response(f"<article><h1>Harbour channel to be deepened</h1>{date}{body}{related}</article>", url)


@pytest.mark.parametrize(
    "url",
    [
        "https://port.example/?p=123",
        "https://port.example/?fSectionId=4&fArticleId=918",
        "https://port.example/category/story.cfm?id=1",
        "https://port.example/site/topics/article.asp?x=1",
    ],
)
@pytest.mark.parametrize("via", ["feed", "sitemap", "listing"])
def test_an_article_at_a_url_shaped_like_a_home_tag_or_topic_page_is_stored(crawler, url, via):  # noqa: F811
    item = run_stages(crawler, item_from(undeclared_article(url), via=via), stages=(ExtractionPipeline,))
    assert item.text.split("\n\n") == STORY


@pytest.mark.parametrize(
    ("url", "evidence"),
    [
        ("https://port.example/?p=123", "the site root with a query, and the page shows no date"),
        ("https://port.example/category/story.cfm?id=1", "tag, author or service page URL, and the page shows no date"),
    ],
)
def test_that_url_shape_without_a_date_on_the_page_is_not_an_article_and_says_what_was_missing(
    crawler,  # noqa: F811
    url,
    evidence,
):
    with pytest.raises(DropItem, match=evidence):
        run_stages(crawler, item_from(undeclared_article(url, dated=False)), stages=(ExtractionPipeline,))


@pytest.mark.parametrize(
    "url", ["https://port.example/tag/x", "https://port.example/author/y", "https://port.example/"]
)
def test_tag_author_and_home_pages_are_never_articles_whatever_they_show(crawler, url):  # noqa: F811
    with pytest.raises(DropItem, match="tag, author or service page URL|home page"):
        run_stages(crawler, item_from(undeclared_article(url), via="feed"), stages=(ExtractionPipeline,))
    assert crawler.stats.get_value("wirecrawl/dropped/not_article") == 1


def test_a_prose_body_ending_in_dated_link_lists_is_an_article(crawler):  # noqa: F811
    more = "".join(
        f'<p><a href="/news/2026/11/{n}/more-{n}">Read also: the council decided about the harbour quay on day {n}</a> '
        f'<time datetime="2026-11-{n}">{n} Nov 2026</time></p>'
        for n in range(10, 16)
    )
    page = undeclared_article("https://port.example/news/harbour-channel", related=more)
    item = run_stages(crawler, item_from(page, via="listing"), stages=(ExtractionPipeline,))
    assert item.text.split("\n\n")[: len(STORY)] == STORY
