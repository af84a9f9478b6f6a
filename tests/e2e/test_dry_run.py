"""`wirecrawl sources check` and `crawl --dry-run`: the sources crawled through the same spider and
stages, a sample of their new articles fetched, what would be stored and what not printed, and
nothing written: the corpus's bytes and time unchanged, no corpus made where there was none."""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit

import pytest
from fixtures import sites
from fixtures.runs import Network, crawl, describe, run_cli, write_sources

SOURCES = ("filtered", "listing")


def fingerprint(directory):
    """Every file of ``directory`` with its size, modification time and bytes."""
    return {path.name: (path.stat().st_mtime_ns, path.read_bytes()) for path in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def checked(network: Network, tmp_path_factory):
    """A corpus holding the `filtered` site's article, then dry runs of both sources over it."""
    work = tmp_path_factory.mktemp("dry-run")
    sources = write_sources(work, network.sources(SOURCES))
    db = work / "corpus.db"
    first = crawl(network, "filtered", cwd=work, sources=sources, db=db)
    assert first.proc.returncode == 0, first.describe()
    before = fingerprint(work)
    network.served.clear_requests()
    args = ("--sources", sources, "--db", db, "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=false")
    as_json = run_cli("sources", "check", *SOURCES, "--sample", "3", "--json", *args, cwd=work)
    requested = network.snapshot()
    as_text = run_cli("crawl", "--all", "--dry-run", "--sample", "3", *args, cwd=work)
    yield {
        "work": work,
        "db": db,
        "args": args,
        "before": before,
        "after": fingerprint(work),
        "json": as_json,
        "text": as_text,
        "requested": requested,
    }


def trials(proc):
    assert proc.returncode == 0, describe(proc)
    return {trial["source"]: trial for trial in map(json.loads, proc.stdout.splitlines())}


def test_a_dry_run_writes_nothing(checked):
    assert checked["after"] == checked["before"]  # the corpus, its lock file: same bytes, same times


def test_the_candidates_are_counted_as_stored_or_new(checked):
    found = trials(checked["json"])
    assert (found["filtered"]["announced"], found["filtered"]["stored"], found["filtered"]["new"]) == (1, 1, 0)
    listing = found["listing"]
    assert listing["new"] == listing["announced"] >= 3  # two articles, the video page, the newsroom page...
    assert listing["stored"] == 0


def test_only_the_sample_of_new_articles_is_fetched(checked):
    listing = trials(checked["json"])["listing"]
    assert len(listing["sample"]) == 3 < listing["new"]
    fetched = {r.path for r in checked["requested"] if r.site == "listing"}
    sampled = {urlsplit(page["url"]).path for page in listing["sample"]}
    assert fetched == {"/robots.txt", "/news/", "/news/?page=2", *sampled}


def test_a_sampled_article_shows_its_title_and_date(checked):
    sample = trials(checked["json"])["listing"]["sample"]
    page = next(page for page in sample if page["url"].endswith(sites.LISTING_PAGE1_ARTICLE))
    assert page["would_store"] and page["outcome"] == "new story", page
    assert page["title"] == sites.COUNCIL.headline and page["published"].startswith(sites.COUNCIL.date[:10])


def test_what_is_not_stored_is_listed_by_reason(checked):
    rejected = trials(checked["json"])["filtered"]["rejected"]
    assert rejected["skipped/filtered_url"]["count"] == 2
    assert "allow/deny" in rejected["skipped/filtered_url"]["detail"]


def test_the_text_report_says_the_same(checked):
    proc = checked["text"]
    assert proc.returncode == 0, describe(proc)
    lines = proc.stdout.splitlines()
    assert "filtered: 1 article URLs announced: 1 already stored, 0 new (0 fetched as a sample)" in lines
    assert any(line.startswith("  would store (new story): ") and sites.COUNCIL.headline in line for line in lines)
    assert any(line.startswith("    skipped/filtered_url 2: ") for line in lines)
    assert lines[-1] == f"dry run: nothing was written to {checked['db']}"


def test_no_corpus_is_made_where_there_is_none(checked, tmp_path):
    missing = tmp_path / "new.db"
    proc = run_cli(
        "sources", "check", "filtered", *checked["args"][:2], "--db", missing, *checked["args"][4:], cwd=tmp_path
    )
    assert proc.returncode == 0, describe(proc)
    assert "filtered: 1 article URLs announced: 0 already stored, 1 new (1 fetched as a sample)" in proc.stdout
    assert sorted(os.listdir(tmp_path)) == []


def test_a_source_that_announces_nothing_fails(checked, tmp_path):
    sources = write_sources(tmp_path, [{"name": "dead", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
    proc = run_cli(
        "sources",
        "check",
        "dead",
        "--sources",
        sources,
        "--db",
        tmp_path / "c.db",
        "-s",
        "RETRY_ENABLED=false",
        cwd=tmp_path,
    )
    assert proc.returncode == 1, describe(proc)
    assert "nothing to crawl" in proc.stdout and "Traceback" not in proc.stderr
    assert not (tmp_path / "c.db").exists()


def test_an_unknown_source_is_refused_in_one_line(checked):
    proc = run_cli("sources", "check", "nosuch", *checked["args"], cwd=checked["work"])
    assert proc.returncode == 2 and proc.stderr.startswith("wirecrawl: no source named 'nosuch'"), describe(proc)
    assert len(proc.stderr.splitlines()) == 1


def test_a_file_that_is_not_a_corpus_is_refused_and_left_alone(checked, tmp_path):
    other = tmp_path / "notes.db"
    other.write_bytes(b"not a database at all, but somebody's notes\n")
    before = fingerprint(tmp_path)
    proc = run_cli("sources", "check", "filtered", *checked["args"][:2], "--db", other, cwd=tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1, describe(proc)
    assert proc.stderr.startswith(f"wirecrawl: {other} is not a usable wirecrawl corpus"), describe(proc)
    assert fingerprint(tmp_path) == before
