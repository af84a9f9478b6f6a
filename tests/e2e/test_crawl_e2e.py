"""End-to-end: real crawls of the fixture network (tests/sites.py) through the CLI.

Three crawls serve the whole module: ``crawl --all`` into a fresh corpus (most tests read
it), a second ``crawl --all`` into a copy of that corpus (incremental behaviour), and
``crawl rss2 sitemap`` with the default sources file and corpus paths (source selection,
``-s`` overrides).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fixtures import sites
from fixtures.runs import CrawlRun, Network, copy_db, db_rows, describe
from fixtures.sites import NETWORK

from crawler.testing import machine_readable

SOURCES_FILE = "e2e-sources.toml"
OVERRIDE_USER_AGENT = "wirecrawl/e2e-cli-override"


# --------------------------------------------------------------------------------------
# Crawls
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def main_crawl(network: Network, crawl, write_sources, tmp_path_factory) -> CrawlRun:
    """``crawl --all`` of every source into a fresh corpus."""
    work = tmp_path_factory.mktemp("main-crawl")
    sources = write_sources(work, network.sources(), filename=SOURCES_FILE)
    return crawl(network, "--all", cwd=work, sources=sources, db=work / "e2e.db")


@pytest.fixture(scope="module")
def second_crawl(main_crawl: CrawlRun, network: Network, crawl, tmp_path_factory) -> CrawlRun:
    """``crawl --all`` again, into a copy of the first crawl's corpus."""
    work = tmp_path_factory.mktemp("second-crawl")
    db = copy_db(main_crawl.db, work / "e2e.db")
    return crawl(network, "--all", cwd=work, sources=main_crawl.cwd / SOURCES_FILE, db=db)


@pytest.fixture(scope="module")
def named_crawl(network: Network, crawl, write_sources, tmp_path_factory) -> CrawlRun:
    """``crawl rss2 sitemap -s USER_AGENT=...`` with ./sources.toml and ./corpus._db (the defaults)."""
    work = tmp_path_factory.mktemp("named-crawl")
    write_sources(work, network.sources())
    return crawl(network, "rss2", "sitemap", cwd=work, settings=(f"USER_AGENT={OVERRIDE_USER_AGENT}",))


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def articles_by_url(run: CrawlRun) -> dict[str, dict]:
    return {row["url"]: row for row in db_rows(run.db, "SELECT * FROM articles")}


def article(run: CrawlRun, network: Network, source: str, path: str) -> dict:
    url = network.url(source, path)
    rows = db_rows(run.db, "SELECT * FROM articles WHERE url = ?", url)
    stored = sorted(row["url"] for row in db_rows(run.db, "SELECT url FROM articles WHERE source = ?", source))
    assert rows, f"{url} not stored; {source} has {stored}\n{run.describe()}"
    return rows[0]


def base_language(code: object) -> str:
    return str(code).lower().replace("_", "-").split("-")[0]


def count(run: CrawlRun, table: str) -> int:
    return db_rows(run.db, f"SELECT count(*) AS n FROM {table}")[0]["n"]


def check_article(row: dict, source: str, expected: sites.Article) -> None:
    assert row["source"] == source
    assert expected.headline in (row["title"] or "")
    assert expected.phrase in (row["text"] or "")
    assert base_language(row["language"]) == expected.lang


# --------------------------------------------------------------------------------------
# The first crawl
# --------------------------------------------------------------------------------------


def test_crawl_all_exits_zero_and_builds_the_corpus(main_crawl: CrawlRun):
    assert main_crawl.proc.returncode == 0, main_crawl.describe()
    names = {row["name"] for row in db_rows(main_crawl.db, "SELECT name FROM sqlite_master")}
    assert {"articles", "stories", "crawl_runs", "articles_fts"} <= names
    journal = db_rows(main_crawl.db, "PRAGMA journal_mode")[0]["journal_mode"]
    assert journal.lower() == "wal"


@pytest.mark.parametrize("name", list(NETWORK))
def test_each_source_stores_exactly_its_articles(main_crawl: CrawlRun, network: Network, name: str):
    expected = {network.url(name, path) for path in NETWORK[name].stored}
    stored = {row["url"] for row in db_rows(main_crawl.db, "SELECT url FROM articles WHERE source = ?", name)}
    assert stored == expected, main_crawl.describe()


@pytest.mark.parametrize(
    ("source", "path", "expected"),
    [
        pytest.param("rss2", "/world/2024/03/04/electric-ferries", sites.FERRY, id="rss2-feed"),
        pytest.param("rdf", "/wirtschaft/2024/03/containerbruecken-bremerhaven", sites.DE_HAFEN, id="rdf-feed-1"),
        pytest.param("rdf", "/verkehr/2024/03/sanierung-hamburg-bremen", sites.DE_BAHN, id="rdf-feed-2"),
        pytest.param("atom", "/culture/2024/03/02/library-reopens", sites.LIBRARY, id="atom-feed"),
        pytest.param("sitemap", "/2024/03/06/late-frost-apples", sites.ORCHARD, id="sitemap-urlset"),
        pytest.param("smindex", sites.SMINDEX_GZ_PATH, sites.BRIDGE, id="sitemap-index-gzip-child"),
        pytest.param("smindex", sites.SMINDEX_NEWS_PATH, sites.MARATHON, id="nested-index-news-sitemap"),
        pytest.param("robotsmap", "/2024/03/03/bakery-century", sites.BAKERY, id="sitemap-from-robots-txt"),
        pytest.param("listing", sites.LISTING_PAGE1_ARTICLE, sites.COUNCIL, id="listing-start-page"),
        pytest.param("listing", sites.LISTING_PAGE2_ARTICLE, sites.SCHOOL, id="listing-pagination"),
        pytest.param("wire_b", sites.WIRE_B_PATH, sites.WIRE, id="sitemap-wire-copy"),
    ],
)
def test_discovery_route(main_crawl: CrawlRun, network: Network, source: str, path: str, expected: sites.Article):
    check_article(article(main_crawl, network, source, path), source, expected)


def test_article_fields(main_crawl: CrawlRun, network: Network):
    row = article(main_crawl, network, "rss2", "/world/2024/03/04/electric-ferries")
    assert "Eleanor Marsh" in (row["author"] or "")
    assert str(row["published"]).startswith("2024-03-04")
    assert 0.5 < float(row["language_probability"]) <= 1.0
    assert row["text_hash"] and row["fetched_at"] and row["story_id"] is not None
    # The body is stored, the site's chrome is not.
    for paragraph in sites.FERRY.paragraphs:
        assert paragraph[:40] in row["text"]
    assert "All rights reserved" not in row["text"]
    assert "Sign up for the morning briefing" not in row["text"]


def test_every_stored_article_has_the_right_language(main_crawl: CrawlRun, network: Network):
    expected = {network.url(name, path): art for name, spec in NETWORK.items() for path, art in spec.stored.items()}
    rows = articles_by_url(main_crawl)
    assert rows, main_crawl.describe()
    wrong = {
        url: row["language"]
        for url, row in rows.items()
        if url in expected and base_language(row["language"]) != expected[url].lang
    }
    assert wrong == {}


def test_robots_txt_disallowed_page_is_never_requested(main_crawl: CrawlRun, network: Network):
    paths = main_crawl.paths("robotsmap")
    assert "/robots.txt" in paths
    assert "/sitemap.xml" in paths  # the sitemap that lists the disallowed page was read
    assert not [p for p in paths if p.startswith("/private/")]
    assert network.url("robotsmap", sites.ROBOTS_DISALLOWED_PATH) not in articles_by_url(main_crawl)


def test_allow_and_deny_patterns_filter_articles(main_crawl: CrawlRun, network: Network):
    stored = articles_by_url(main_crawl)
    check_article(
        article(main_crawl, network, "filtered", "/articles/2024/03/comet-observatory"), "filtered", sites.COMET
    )
    assert network.url("filtered", sites.FILTERED_DENIED) not in stored  # matches allow, but also deny
    assert network.url("filtered", sites.FILTERED_NOT_ALLOWED) not in stored  # does not match allow
    assert not [row for row in stored.values() if sites.SPONSORED.phrase in (row["text"] or "")]


def test_link_found_by_several_routes_is_fetched_once(main_crawl: CrawlRun, network: Network):
    paths = main_crawl.paths("multi")
    for route in sites.MULTI_ROUTES:
        assert route in paths, f"{route} (feed, sitemap or listing) not read: {paths}"
    assert paths.count(sites.MULTI_ARTICLE) == 1, paths
    rows = db_rows(main_crawl.db, "SELECT url FROM articles WHERE source = 'multi'")
    assert [row["url"] for row in rows] == [network.url("multi", sites.MULTI_ARTICLE)]


@pytest.mark.parametrize(
    ("link", "canonical", "expected"), sites.TRACKING_CASES, ids=["utm-fbclid-fragment", "gclid-mc-keeps-id"]
)
def test_tracking_parameters_and_fragment_are_stripped(
    main_crawl: CrawlRun, network: Network, link: str, canonical: str, expected: sites.Article
):
    check_article(article(main_crawl, network, "tracking", canonical), "tracking", expected)
    assert network.url("tracking", link) not in articles_by_url(main_crawl)


def test_no_stored_url_has_tracking_parameters_or_fragment(main_crawl: CrawlRun):
    urls = list(articles_by_url(main_crawl))
    assert urls, main_crawl.describe()
    tracking = re.compile(r"[?&](utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=")
    assert [url for url in urls if tracking.search(url) or "#" in url] == []


def test_rel_canonical_makes_one_article_of_two_urls(main_crawl: CrawlRun, network: Network):
    rows = db_rows(main_crawl.db, "SELECT url, title FROM articles WHERE source = 'canon'")
    assert [row["url"] for row in rows] == [network.url("canon", sites.CANONICAL_PATH)], main_crawl.describe()
    assert sites.HARBOUR.headline in rows[0]["title"]
    # Every copy the feed links to was actually fetched.
    fetched = main_crawl.paths("canon")
    assert all(alias in fetched for alias in sites.CANONICAL_ALIASES), fetched


def test_page_without_article_body_is_not_stored(main_crawl: CrawlRun, network: Network):
    assert sites.LISTING_EMPTY_BODY in main_crawl.paths("listing")
    assert network.url("listing", sites.LISTING_EMPTY_BODY) not in articles_by_url(main_crawl)


@pytest.mark.parametrize("path", sites.LISTING_NON_ARTICLES)
def test_non_article_page_is_not_stored(main_crawl: CrawlRun, network: Network, path: str):
    stored = articles_by_url(main_crawl)
    assert stored, main_crawl.describe()
    assert network.url("listing", path) not in stored


def test_listing_and_pagination_pages_are_not_stored(main_crawl: CrawlRun, network: Network):
    assert "/news/?page=2" in main_crawl.paths("listing")
    stored = articles_by_url(main_crawl)
    assert network.url("listing", "/news/") not in stored
    assert network.url("listing", "/news/?page=2") not in stored


@pytest.mark.parametrize("case", sites.ENCODING_CASES, ids=lambda c: f"{c.charset}-{c.declared_by}")
def test_declared_encodings_are_stored_as_unicode(main_crawl: CrawlRun, network: Network, case: sites.EncodedPage):
    row = article(main_crawl, network, "encodings", case.path)
    check_article(row, "encodings", case.article)
    assert case.article.headline in row["title"]
    assert "\ufffd" not in row["text"] + row["title"]
    for paragraph in case.article.paragraphs:
        assert paragraph[:20] in row["text"]


def test_broken_pages_are_counted_and_the_rest_is_stored(main_crawl: CrawlRun, network: Network):
    paths = main_crawl.paths("broken")
    assert sites.BROKEN_500 in paths and sites.BROKEN_404 in paths and "/feed-archive.xml" in paths
    stored = articles_by_url(main_crawl)
    check_article(article(main_crawl, network, "broken", sites.BROKEN_OK), "broken", sites.HOSPITAL)
    for path in (sites.BROKEN_500, sites.BROKEN_404, sites.BROKEN_GARBAGE):
        assert network.url("broken", path) not in stored
    runs = db_rows(main_crawl.db, "SELECT errors FROM crawl_runs")
    assert runs and sum(run["errors"] for run in runs) >= 3  # at least the 500, the 404, the dead feed
    # The sources crawled around the broken one are complete (checked per source elsewhere).
    assert len(stored) == sum(len(spec.stored) for spec in NETWORK.values())


def test_exact_duplicates_on_two_sites_share_one_story(main_crawl: CrawlRun, network: Network):
    a = article(main_crawl, network, "wire_a", sites.WIRE_A_PATH)
    b = article(main_crawl, network, "wire_b", sites.WIRE_B_PATH)
    assert a["id"] != b["id"]
    assert a["text"] == b["text"] and a["text_hash"] == b["text_hash"]
    assert a["story_id"] is not None and a["story_id"] == b["story_id"]
    [story] = db_rows(main_crawl.db, "SELECT * FROM stories WHERE id = ?", a["story_id"])
    assert story["copies"] == 2
    assert story["article_id"] in (a["id"], b["id"])
    assert sites.WIRE.headline in story["title"]
    assert base_language(story["language"]) == "en"


def test_distinct_articles_have_their_own_stories(main_crawl: CrawlRun, network: Network):
    ferry = article(main_crawl, network, "rss2", "/world/2024/03/04/electric-ferries")
    [story] = db_rows(main_crawl.db, "SELECT * FROM stories WHERE id = ?", ferry["story_id"])
    assert story["copies"] == 1 and story["article_id"] == ferry["id"]
    # Only the wire copy shares a story.
    assert count(main_crawl, "stories") == count(main_crawl, "articles") - 1
    assert db_rows(main_crawl.db, "SELECT count(DISTINCT story_id) AS n FROM articles")[0]["n"] == count(
        main_crawl, "stories"
    )


def test_crawl_run_is_recorded(main_crawl: CrawlRun):
    runs = db_rows(main_crawl.db, "SELECT * FROM crawl_runs")
    assert len(runs) == 1, runs
    [run] = runs
    articles = count(main_crawl, "articles")
    assert run["started"] and run["finished"] and run["status"]
    assert run["articles_added"] == articles
    assert run["pages_fetched"] >= articles
    assert run["duplicates"] >= 1  # the wire copy and the canonical alias are duplicates either way
    assert run["errors"] >= 3
    for name in NETWORK:
        assert name in str(run["sources"]), run["sources"]


def test_user_agent_is_wirecrawl_and_per_source_settings_apply(main_crawl: CrawlRun):
    assert main_crawl.requests, main_crawl.describe()
    assert [r.user_agent for r in main_crawl.requests if not r.user_agent.startswith("wirecrawl/")] == []
    atom_agents = {r.user_agent for r in main_crawl.requests if r.site == "atom"}
    assert atom_agents == {sites.ATOM_USER_AGENT}  # [sources.settings] of the atom source
    assert sites.ATOM_USER_AGENT not in {r.user_agent for r in main_crawl.requests if r.site != "atom"}


def test_full_text_index(main_crawl: CrawlRun):
    rows = db_rows(main_crawl.db, "SELECT title FROM articles_fts WHERE articles_fts MATCH ?", "catamarans")
    assert len(rows) == 1 and sites.FERRY.headline in rows[0]["title"]
    rows = db_rows(main_crawl.db, "SELECT title FROM articles_fts WHERE articles_fts MATCH ?", "ледовой")
    assert len(rows) == 1 and sites.RU_METRO.headline in rows[0]["title"]


# --------------------------------------------------------------------------------------
# search and stats on the first crawl's corpus
# --------------------------------------------------------------------------------------


def search(run_cli, run: CrawlRun, *args: str) -> list[str]:
    proc = run_cli("search", *args, "--db", run.db, cwd=run.cwd)
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr
    return [line for line in proc.stdout.splitlines() if line.strip()]


def mentions(line: str, network: Network, source: str, path: str, expected: sites.Article) -> bool:
    return expected.headline in line or network.url(source, path) in line


FERRY_AT = ("rss2", "/world/2024/03/04/electric-ferries", sites.FERRY)
HAFEN_AT = ("rdf", "/wirtschaft/2024/03/containerbruecken-bremerhaven", sites.DE_HAFEN)


def test_search_finds_an_article_by_a_word_of_its_text(main_crawl: CrawlRun, network: Network, run_cli):
    lines = search(run_cli, main_crawl, "catamarans")
    assert len(lines) == 1, lines
    assert mentions(lines[0], network, *FERRY_AT)


def test_search_prints_one_line_per_story(main_crawl: CrawlRun, network: Network, run_cli):
    lines = search(run_cli, main_crawl, "uncomfortably")  # only in the wire story, stored twice
    assert len(lines) == 1, lines
    assert sites.WIRE.headline in lines[0] or any(
        network.url(name, path) in lines[0]
        for name, path in (("wire_a", sites.WIRE_A_PATH), ("wire_b", sites.WIRE_B_PATH))
    )


def test_search_language_filter(main_crawl: CrawlRun, network: Network, run_cli):
    both = search(run_cli, main_crawl, "Bremerhaven")
    assert len(both) == 2, both
    assert any(mentions(line, network, *FERRY_AT) for line in both)
    assert any(mentions(line, network, *HAFEN_AT) for line in both)
    german = search(run_cli, main_crawl, "Bremerhaven", "--language", "de")
    assert len(german) == 1 and mentions(german[0], network, *HAFEN_AT), german


def test_search_limit(main_crawl: CrawlRun, run_cli):
    assert len(search(run_cli, main_crawl, "Bremerhaven", "--limit", "1")) == 1


def test_search_without_match(main_crawl: CrawlRun, network: Network, run_cli):
    proc = run_cli("search", "zyzzyvaquux", "--db", main_crawl.db, cwd=main_crawl.cwd)
    assert "Traceback" not in proc.stderr
    assert network.url("rss2").rstrip("/") not in proc.stdout
    assert not [a.headline for a in sites.ARTICLES.values() if a.headline in proc.stdout]


def test_stats_mentions_every_source(main_crawl: CrawlRun, run_cli):
    proc = run_cli("stats", "--db", main_crawl.db, cwd=main_crawl.cwd)
    assert proc.returncode == 0, describe(proc)
    for name in NETWORK:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", proc.stdout), (name, proc.stdout)


def test_db_from_environment(main_crawl: CrawlRun, run_cli, tmp_path: Path):
    proc = run_cli("stats", cwd=tmp_path, env={"WIRECRAWL_DB": str(main_crawl.db)})
    assert proc.returncode == 0, describe(proc)
    assert "encodings" in proc.stdout and "wire_b" in proc.stdout


# --------------------------------------------------------------------------------------
# Incremental: the second crawl
# --------------------------------------------------------------------------------------


def test_second_crawl_adds_no_rows(main_crawl: CrawlRun, second_crawl: CrawlRun):
    assert second_crawl.proc.returncode == 0, second_crawl.describe()
    for table in ("articles", "stories"):
        assert count(second_crawl, table) == count(main_crawl, table), table
    copies = "SELECT sum(copies) AS n FROM stories"
    assert db_rows(second_crawl.db, copies) == db_rows(main_crawl.db, copies)
    runs = db_rows(second_crawl.db, "SELECT * FROM crawl_runs ORDER BY id")
    assert len(runs) == 2
    assert runs[-1]["articles_added"] == 0 and runs[-1]["finished"]


@pytest.mark.parametrize("name", list(NETWORK))
def test_second_crawl_downloads_no_stored_article_again(second_crawl: CrawlRun, name: str):
    stored_paths = {urlsplit(path).path for path in NETWORK[name].stored}
    if name == "canon":  # its feed links only to other URLs of the stored (canonical) article
        stored_paths |= {urlsplit(path).path for path in sites.CANONICAL_ALIASES}
    requested = second_crawl.paths(name)
    assert requested, second_crawl.describe()
    assert [p for p in requested if urlsplit(p).path in stored_paths] == []


@pytest.mark.parametrize("name", list(NETWORK))
def test_second_crawl_rereads_feeds_sitemaps_and_listings(second_crawl: CrawlRun, name: str):
    requested = second_crawl.paths(name)
    for path in NETWORK[name].discovery:
        assert path in requested, (path, requested)


# --------------------------------------------------------------------------------------
# crawl NAME..., default paths, -s overrides
# --------------------------------------------------------------------------------------


def test_crawl_names_only_those_sources(named_crawl: CrawlRun, network: Network):
    assert named_crawl.proc.returncode == 0, named_crawl.describe()
    assert named_crawl.sites_requested() == {"rss2", "sitemap"}
    assert (named_crawl.cwd / "corpus.db").is_file()  # the default --db
    stored = {(row["source"], row["url"]) for row in db_rows(named_crawl.db, "SELECT source, url FROM articles")}
    assert stored == {(name, network.url(name, path)) for name in ("rss2", "sitemap") for path in NETWORK[name].stored}


def test_setting_override_applies(named_crawl: CrawlRun):
    agents = {r.user_agent for r in named_crawl.requests}
    assert agents == {OVERRIDE_USER_AGENT}, named_crawl.describe()


# --------------------------------------------------------------------------------------
# extract
# --------------------------------------------------------------------------------------

EXTRACT_KEYS = {"file", "url", "title", "author", "published", "language", "language_probability", "text"}


def _write_extract_inputs(directory: Path) -> None:
    (directory / "ferry.html").write_text(sites.article_html(sites.FERRY, "Harbour Gazette"), encoding="utf-8")
    russian = sites.article_html(sites.RU_METRO, "Global Wire", charset="windows-1251", declare="meta")
    (directory / "metro.html.gz").write_bytes(machine_readable.gzipped(russian.encode("cp1251")))


def _json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_extract_html_and_gzipped_files(run_cli, tmp_path: Path):
    _write_extract_inputs(tmp_path)
    proc = run_cli("extract", "ferry.html", "metro.html.gz", cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    ferry, metro = _json_lines(proc.stdout)

    assert EXTRACT_KEYS <= set(ferry) and EXTRACT_KEYS <= set(metro)
    assert Path(ferry["file"]).name == "ferry.html" and Path(metro["file"]).name == "metro.html.gz"

    assert sites.FERRY.headline in ferry["title"]
    assert "Eleanor Marsh" in ferry["author"]
    assert str(ferry["published"]).startswith("2024-03-04")
    assert ferry["language"] == "en" and 0.5 < float(ferry["language_probability"]) <= 1
    assert sites.FERRY.phrase in ferry["text"] and "All rights reserved" not in ferry["text"]

    assert sites.RU_METRO.headline in metro["title"]
    assert metro["language"] == "ru"
    assert sites.RU_METRO.phrase in metro["text"]


def test_extract_with_url(run_cli, tmp_path: Path):
    _write_extract_inputs(tmp_path)
    url = "https://news.example.org/world/2024/03/04/electric-ferries"
    proc = run_cli("extract", "ferry.html", "--url", url, cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    [record] = _json_lines(proc.stdout)
    assert record["url"] == url
    assert sites.FERRY.headline in record["title"]
