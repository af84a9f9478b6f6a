"""`wirecrawl crawl URL...`: article URLs fetched and stored through the same spider and stages,
robots.txt obeyed, under the declared source whose site they are on, else one named after the host."""

from __future__ import annotations

import pytest
from fixtures import sites
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site


def render(addresses, name):
    return {
        "/robots.txt": Page(machine_readable.robots_txt(disallow=["/private/"]), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(machine_readable.rss2(name, addresses[name], []), machine_readable.RSS_TYPE),
        "/news/ferry": sites.article_page(sites.FERRY, name),
        "/news/comet": sites.article_page(sites.COMET, name),
        "/private/museum": sites.article_page(sites.MUSEUM, name),
    }


@pytest.fixture(scope="module")
def url_crawl(tmp_path_factory):
    work = tmp_path_factory.mktemp("urls")
    with LocalSites(
        [Site("declared", lambda a: render(a, "declared")), Site("other", lambda a: render(a, "other"))]
    ) as served:
        sources = write_sources(work, [{"name": "declared", "feeds": [served.url("declared", "/feed.xml")]}])
        db = work / "corpus.db"
        urls = [
            served.url("declared", "/news/ferry"),
            served.url("other", "/news/comet"),
            served.url("declared", "/private/museum"),
        ]
        proc = run_cli(*crawl_args(*urls, sources=sources, db=db), cwd=work)
        yield {"proc": proc, "db": db, "work": work, "urls": urls, "paths": served.requested_paths("declared")}


def test_the_urls_are_stored_under_their_source_or_their_host(url_crawl):
    assert url_crawl["proc"].returncode == 0, describe(url_crawl["proc"])
    rows = db_rows(url_crawl["db"], "SELECT source, title FROM articles ORDER BY title")
    assert [(row["source"], row["title"]) for row in rows] == [
        ("127.0.0.1", sites.COMET.headline),
        ("declared", sites.FERRY.headline),
    ]


def test_no_feed_is_read_and_robots_txt_is_obeyed(url_crawl):
    assert "/feed.xml" not in url_crawl["paths"] and "/private/museum" not in url_crawl["paths"]
    proc = run_cli("why", url_crawl["urls"][2], "--db", url_crawl["db"], cwd=url_crawl["work"])
    assert proc.returncode == 0 and proc.stdout.startswith("not stored: skipped/robots"), describe(proc)


def test_a_url_that_is_not_http_is_refused_in_one_line(tmp_path):
    sources = write_sources(tmp_path, [{"name": "declared", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    proc = run_cli(*crawl_args("ftp://example.com/a", sources=sources, db=tmp_path / "c.db"), cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.strip() == "wirecrawl: 'ftp://example.com/a' is not an http(s) URL"
    assert not (tmp_path / "c.db").exists()
