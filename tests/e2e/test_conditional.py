"""Conditional GET: an unchanged feed or sitemap costs a 304 and counts as "no new entries"."""

from __future__ import annotations

import json

import pytest
from fixtures import sites
from fixtures.newsroom import article_path, generated_article
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site


def _chain(*pages: Page) -> Page:
    """The pages served one after the other, the last one from then on."""
    for earlier, later in zip(pages, pages[1:], strict=False):
        earlier.then = later
    return pages[0]


def render(addresses):
    base = addresses["cond"].rstrip("/")
    feed_v1 = machine_readable.rss2(
        "Cond", base + "/", [sites.item(base + article_path(n), generated_article(n)) for n in (0, 1)]
    )
    feed_v2 = machine_readable.rss2(
        "Cond", base + "/", [sites.item(base + article_path(n), generated_article(n)) for n in (0, 1, 2)]
    )
    v1 = dict(content_type=machine_readable.RSS_TYPE, etag='"v1"')
    sitemap = machine_readable.urlset([(base + article_path(3), "2024-03-01")])
    failing = Page("busy", status=503)
    return {
        "/robots.txt": Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
        # run 1: 200 (v1); run 2: 200 (v1, read again); run 3: 304; run 4: 200 (v2, one new entry)
        "/feed.xml": _chain(
            Page(feed_v1, **v1),
            Page(feed_v1, **v1),
            Page(feed_v1, **v1),
            Page(feed_v2, machine_readable.RSS_TYPE, etag='"v2"'),
        ),
        "/sitemap.xml": Page(sitemap, machine_readable.XML_TYPE, last_modified="Fri, 01 Mar 2024 08:00:00 GMT"),
        # the feed's second article fails all of run 1 (three attempts), then recovers
        article_path(1): _chain(
            failing,
            Page("busy", status=503),
            Page("busy", status=503),
            sites.article_page(generated_article(1), "Cond"),
        ),
        **{article_path(n): sites.article_page(generated_article(n), "Cond") for n in (0, 2, 3)},
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("conditional")
    results = []
    with LocalSites([Site("cond", render)]) as served:
        sources = write_sources(
            work,
            [
                {
                    "name": "cond",
                    "feeds": [served.url("cond", "/feed.xml")],
                    "sitemaps": [served.url("cond", "/sitemap.xml")],
                }
            ],
        )
        db = work / "corpus.db"
        for _ in range(4):
            served.clear_requests()
            proc = run_cli(
                *crawl_args("--all", sources=sources, db=db, settings=["CORPUS_RUNS_MAX_ERROR_RATE=1"]), cwd=work
            )
            validators = {row["url"].rsplit("/", 1)[-1]: row for row in db_rows(db, "SELECT * FROM http_validators")}
            (run,) = db_rows(db, "SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1")
            results.append((proc, list(served.requests), validators, run))
    return results


def test_every_run_succeeds(runs):
    for proc, *_ in runs:
        assert proc.returncode == 0, describe(proc)


def test_a_document_whose_article_failed_is_read_in_full_next_time(runs):
    (_, _, validators, run), (_, second, _, _) = runs[0], runs[1]
    assert run["errors"] == 1 and run["articles_added"] == 2
    assert "feed.xml" not in validators and "sitemap.xml" in validators
    feed = [r for r in second if r.path == "/feed.xml"]
    assert [r.status for r in feed] == [200]


def test_an_unchanged_feed_and_sitemap_cost_a_304_and_no_error(runs):
    proc, requests, validators, run = runs[2]
    assert {r.path: r.status for r in requests if r.path in ("/feed.xml", "/sitemap.xml")} == {
        "/feed.xml": 304,
        "/sitemap.xml": 304,
    }
    assert not [r for r in requests if r.path.startswith("/news/")]
    assert run["status"] == "finished" and run["errors"] == 0
    (counts,) = db_rows(proc_db(runs), "SELECT counts FROM crawl_run_sources WHERE run_id = ?", run["id"])
    assert json.loads(counts["counts"])["wirecrawl/discovery/not_modified"] == 2


def proc_db(runs):
    return runs[0][0].args[runs[0][0].args.index("--db") + 1]


def test_a_changed_feed_is_read_and_its_new_entry_stored(runs):
    _, requests, validators, run = runs[3]
    assert {r.path: r.status for r in requests if r.path == "/feed.xml"} == {"/feed.xml": 200}
    assert [r.path for r in requests if r.path.startswith("/news/")] == [article_path(2)]
    assert run["articles_added"] == 1
    assert validators["feed.xml"]["etag"] == '"v2"'


def test_nothing_is_lost(runs):
    rows = db_rows(proc_db(runs), "SELECT url FROM articles")
    assert sorted(row["url"].split("/", 3)[-1] for row in rows) == sorted(article_path(n)[1:] for n in range(4))
