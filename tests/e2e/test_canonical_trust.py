"""Canonical URLs are trusted only when they agree: two different articles whose pages name one
canonical URL are both stored (the second under its own URL, counted and noted for `why`); a
canonical that is no URL, or the home page named by an article, is ignored; a true alias (the
print version of a stored article) is still recorded as that article's URL."""

from __future__ import annotations

import pytest
from fixtures import sites
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site

PATHS = {
    "bridge": "/news/bridge-reopens",
    "museum": "/news/museum-wing",
    "broken": "/news/ferry-timetable",
    "home": "/news/harbour-festival",
    "print": "/print/ferry-timetable",
}
#: A misconfigured template: every story names the same canonical URL, a page not in the feed.
SHARED = "/news/latest"


def render_canonicals(addresses):
    base = addresses["canon"].rstrip("/")
    pages = {
        PATHS["bridge"]: (sites.BRIDGE, base + SHARED),
        PATHS["museum"]: (sites.MUSEUM, base + SHARED),
        PATHS["broken"]: (sites.FERRY, base + "/news/x<link rel="),
        PATHS["home"]: (sites.HARBOUR, base + "/"),
        PATHS["print"]: (sites.FERRY, base + PATHS["broken"]),  # the print page of the ferry story
    }
    feed = [sites.item(base + path, article) for path, (article, _) in pages.items()]
    return {
        "/robots.txt": Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(machine_readable.rss2("Canon Post", base, feed), machine_readable.RSS_TYPE),
        **{
            path: sites.article_page(article, "Canon Post", canonical=canonical)
            for path, (article, canonical) in pages.items()
        },
    }


@pytest.fixture(scope="module")
def canon(tmp_path_factory):
    work = tmp_path_factory.mktemp("canon")
    with LocalSites([Site("canon", render_canonicals)]) as served:
        sources = write_sources(work, [{"name": "canon", "feeds": [served.url("canon", "/feed.xml")]}])
        db = work / "corpus.db"
        proc = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        assert proc.returncode == 0, describe(proc)
        yield {"db": db, "work": work, "url": lambda path: served.url("canon", path), "proc": proc}


def _why(canon, url: str) -> str:
    proc = run_cli("why", url, "--db", canon["db"], cwd=canon["work"])
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, describe(proc)
    return proc.stdout


def test_two_articles_naming_one_canonical_are_both_stored(canon):
    rows = db_rows(canon["db"], "SELECT url, title FROM articles ORDER BY title")
    titles = {row["title"] for row in rows}
    assert {sites.BRIDGE.headline, sites.MUSEUM.headline} <= titles, rows
    shared, own = canon["url"](SHARED), {canon["url"](PATHS["bridge"]), canon["url"](PATHS["museum"])}
    urls = {row["url"] for row in rows if row["title"] in (sites.BRIDGE.headline, sites.MUSEUM.headline)}
    (first,) = urls - own  # the first one stored is taken at its word; the second cannot be the same page
    assert first == shared
    (second,) = urls & own
    note = _why(canon, second)
    assert note.startswith("stored: article") and f"note: rel=canonical {shared} is article" in note, note
    runs = db_rows(canon["db"], "SELECT counts FROM crawl_run_sources")
    assert any('"wirecrawl/canonical/ignored": 1' in row["counts"] for row in runs), runs


def test_a_malformed_canonical_and_the_home_page_as_canonical_are_ignored(canon):
    urls = {row["url"] for row in db_rows(canon["db"], "SELECT url FROM articles")}
    assert canon["url"](PATHS["broken"]) in urls and canon["url"](PATHS["home"]) in urls, urls
    assert not any("<" in url for url in urls) and canon["url"]("/") not in urls


def test_a_true_alias_is_recorded_for_its_article(canon):
    (ferry,) = db_rows(canon["db"], "SELECT id FROM articles WHERE title = ?", sites.FERRY.headline)
    aliases = db_rows(canon["db"], "SELECT url FROM article_urls WHERE article_id = ?", ferry["id"])
    assert canon["url"](PATHS["print"]) in {row["url"] for row in aliases}
