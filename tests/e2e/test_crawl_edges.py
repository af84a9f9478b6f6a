"""Crawls of a small network built around cases the real web throws at a crawler.

* an article announced by a (slow) feed but reached first through a listing link, with no
  date or article type on the page: the feed's word counts;
* the same page under an unknown query parameter and without it, no canonical link: one article;
* a redirect to an article fetched in the same run: the next run does not follow it again;
* a robots.txt answering 503: the whole site is off limits (RFC 9309).
"""

from html import escape

import pytest
from fixtures import sites
from fixtures.runs import crawl_args, db_rows, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site

UNDATED = sites.FERRY
QUERY = sites.LIBRARY
TARGET = sites.ORCHARD


def bare_article(article: sites.Article) -> str:
    """An article page with no date anywhere and no declared type: only its text says what it is."""
    body = f"<h1>{escape(article.headline)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    return sites.document(lang=article.lang, title=article.headline, site_title="Edge Post", body=body)


def render_edge(addresses):
    base = addresses["edge"]
    feed = machine_readable.rss2(
        "Edge Post",
        base,
        [sites.item(base + "plain/undated-story", UNDATED), sites.item(base + "news/query-page?src=feed", QUERY)],
    )
    listing = sites.listing_html(
        "Edge Post",
        "News",
        [
            sites.Teaser("/plain/undated-story", UNDATED.headline),
            sites.Teaser("/news/query-page", QUERY.headline),
            sites.Teaser("/news/redirect-target", TARGET.headline),
            sites.Teaser("/old-url", TARGET.headline),
        ],
    )
    return {
        "/robots.txt": Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(feed, machine_readable.RSS_TYPE, delay=1.0),
        "/news/": sites.html_page(listing),
        "/plain/undated-story": sites.html_page(bare_article(UNDATED)),
        "/news/query-page": sites.html_page(sites.article_html(QUERY, "Edge Post")),
        "/news/redirect-target": sites.article_page(TARGET, "Edge Post"),
        "/old-url": Page("", status=301, headers={"Location": base + "news/redirect-target"}),
    }


def render_down(addresses):
    base = addresses["down"]
    return {
        "/robots.txt": Page("<html><body>Service unavailable</body></html>", status=503),
        "/feed.xml": Page(
            machine_readable.rss2("Down", base, [sites.item(base + "news/a", sites.BRIDGE)]), machine_readable.RSS_TYPE
        ),
        "/news/a": sites.article_page(sites.BRIDGE, "Down"),
    }


@pytest.fixture(scope="module")
def edge_crawls(tmp_path_factory):
    work = tmp_path_factory.mktemp("edges")
    with LocalSites([Site("edge", render_edge), Site("down", render_down)]) as served:
        sources = write_sources(
            work,
            [
                {
                    "name": "edge",
                    "feeds": [served.url("edge", "/feed.xml")],
                    "start_urls": [served.url("edge", "/news/")],
                },
                {"name": "down", "feeds": [served.url("down", "/feed.xml")]},
            ],
        )
        db = work / "corpus.db"
        first = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        first_requests = {site: served.requested_paths(site) for site in ("edge", "down")}
        served.clear_requests()
        second = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        second_requests = {site: served.requested_paths(site) for site in ("edge", "down")}
    return {"db": db, "runs": (first, second), "requests": (first_requests, second_requests)}


def test_runs_succeed(edge_crawls):
    for run in edge_crawls["runs"]:
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr


def test_feed_announcement_counts_even_when_a_listing_fetched_the_page_first(edge_crawls):
    rows = db_rows(edge_crawls["db"], "SELECT url FROM articles WHERE url LIKE '%undated-story'")
    assert len(rows) == 1


def test_same_page_under_an_unknown_query_parameter_is_one_article(edge_crawls):
    rows = db_rows(edge_crawls["db"], "SELECT id FROM articles WHERE url LIKE '%query-page%'")
    assert len(rows) == 1
    aliases = db_rows(edge_crawls["db"], "SELECT url FROM article_urls WHERE article_id = ?", rows[0]["id"])
    assert {row["url"].rsplit("/", 1)[-1] for row in aliases} >= {"query-page", "query-page?src=feed"}


def test_redirect_to_a_stored_article_is_not_followed_again(edge_crawls):
    first, second = edge_crawls["requests"]
    assert "/old-url" in first["edge"]
    assert "/old-url" not in second["edge"]
    assert not {"/news/redirect-target", "/plain/undated-story", "/news/query-page"} & set(second["edge"])


def test_robots_txt_answering_503_disallows_the_whole_site(edge_crawls):
    first, _ = edge_crawls["requests"]
    assert set(first["down"]) == {"/robots.txt"}
    assert db_rows(edge_crawls["db"], "SELECT count(*) AS n FROM articles WHERE source = 'down'")[0]["n"] == 0
