"""Structural site templates through a whole crawl: a multilingual site's newsletter box, under
class names generated per page, leaves every stored article, its first pages included."""

import json

import pytest
from fixtures.furniture_sites import leaks
from fixtures.runs import crawl_args, db_rows, run_cli, write_sources
from fixtures.slot_sites import site_run

from crawler.setting_checks import project_settings
from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site
from pipelines.core.identity import Fingerprinter, text_hash


def render(addresses):
    base = addresses["multi"].rstrip("/")
    run = site_run(base)
    pages = {page.url.removeprefix(base): Page(page.html, "text/html; charset=utf-8") for page in run}
    items = [
        machine_readable.FeedItem(page.url, f"Story {n}", "2024-03-15T10:00:00+00:00") for n, page in enumerate(run)
    ]
    pages["/feed.xml"] = Page(machine_readable.rss2("Multi Wire", base + "/", items), machine_readable.RSS_TYPE)
    pages["/robots.txt"] = Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE)
    return pages


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    work = tmp_path_factory.mktemp("slots")
    with LocalSites([Site("multi", render)]) as served:
        sources = write_sources(work, [{"name": "multi", "feeds": [served.url("multi", "/feed.xml")]}])
        db = work / "corpus.db"
        result = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        assert result.returncode == 0, result.stderr
        assert "2 stored articles re-cleaned of their site's templates." in result.stdout + result.stderr
        runs = run_cli("stats", "--runs", "1", "--db", db, cwd=work)
        assert "re-cleaned: 2 stored articles of their site's templates" in runs.stdout, runs.stdout + runs.stderr
        yield db, site_run(served.url("multi").rstrip("/"))


def test_no_stored_article_keeps_the_newsletter_box_and_none_loses_a_paragraph(crawled):
    db, run = crawled
    stored = {row["url"]: row for row in db_rows(db, "SELECT url, text, text_hash, word_count FROM articles")}
    assert set(stored) == {page.url for page in run}
    for page in run:
        row = stored[page.url]
        assert not leaks(page, row["text"]), page.url
        assert [block for block in row["text"].split("\n\n")] == list(page.paragraphs), page.url
        assert row["word_count"] == len(row["text"].split())


def test_the_first_pages_were_recleaned_and_counted(crawled):
    db, run = crawled
    counts = json.loads(db_rows(db, "SELECT counts FROM crawl_run_sources")[0]["counts"])
    # The box is furniture from the third page (CLEAN_TEMPLATE_PAGES); the two before it are re-cleaned.
    assert counts["wirecrawl/recleaned"] == 2


def test_a_recleaned_article_keeps_its_hash_and_fingerprint_consistent(crawled):
    db, run = crawled
    fingerprinter = Fingerprinter.from_settings(project_settings())  # the crawl's defaults
    rows = db_rows(
        db,
        """SELECT a.id, a.text, a.language, a.text_hash, f.signature, f.shingles FROM articles a
           JOIN article_fingerprints f ON f.article_id = a.id""",
    )
    assert len(rows) == len(run)
    for row in rows:
        identity = fingerprinter.identify(row["text"], row["language"])
        assert row["text_hash"] == text_hash(row["text"]) == identity.text_hash
        assert (row["signature"], row["shingles"]) == (identity.fingerprint.signature, identity.fingerprint.shingles)
        bands = db_rows(db, "SELECT band FROM lsh_bands WHERE article_id = ?", row["id"])
        assert sorted(band["band"] for band in bands) == sorted(set(identity.fingerprint.bands))
