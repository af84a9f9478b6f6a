"""Why a page was not stored: every page fetched or skipped but not stored is recorded with its
reason (``page_outcomes``, the latest per URL); ``wirecrawl why URL`` tells one URL's fate and
``wirecrawl stats --runs`` the reasons per run."""

from __future__ import annotations

import pytest
from fixtures import sites
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site

SHORT = sites.Article(
    "Ferry timetable note", "en", "Desk", "2024-03-04T08:00:00+00:00", ("Ferries run as usual.",), "run as usual"
)
PATHS = {
    "stored": "/news/ferry",
    "short": "/news/timetable-note",
    "language": "/news/hafen",
    "missing": "/news/missing",
    "robots": "/private/museum",
    "tag": "/tag/harbour",
}


def render_why(addresses):
    base = addresses["why"].rstrip("/")
    entries = [
        (PATHS["stored"], sites.FERRY),
        (PATHS["short"], SHORT),
        (PATHS["language"], sites.DE_HAFEN),
        (PATHS["missing"], sites.BRIDGE),
        (PATHS["robots"], sites.MUSEUM),
        (PATHS["tag"], sites.HARBOUR),
    ]
    return {
        "/robots.txt": Page(machine_readable.robots_txt(disallow=["/private/"]), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(
            machine_readable.rss2("Why Post", base, [sites.item(base + p, a) for p, a in entries]),
            machine_readable.RSS_TYPE,
        ),
        PATHS["stored"]: sites.article_page(sites.FERRY, "Why Post"),
        PATHS["short"]: sites.article_page(SHORT, "Why Post"),
        PATHS["language"]: sites.article_page(sites.DE_HAFEN, "Why Post"),
        PATHS["robots"]: sites.article_page(sites.MUSEUM, "Why Post"),
        PATHS["tag"]: sites.article_page(sites.HARBOUR, "Why Post"),
    }


@pytest.fixture(scope="module")
def why_corpus(tmp_path_factory):
    work = tmp_path_factory.mktemp("why")
    with LocalSites([Site("why", render_why)]) as served:
        sources = write_sources(work, [{"name": "why", "feeds": [served.url("why", "/feed.xml")], "languages": ["en"]}])
        db = work / "corpus.db"
        proc = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        assert proc.returncode == 0, describe(proc)
        yield {"db": db, "work": work, "url": lambda key: served.url("why", PATHS[key]), "served": served}


def _why(corpus, url: str):
    proc = run_cli("why", url, "--db", corpus["db"], cwd=corpus["work"])
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, describe(proc)
    return proc.stdout


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("short", "not stored: dropped/no_body"),
        ("language", "not stored: skipped/language/de"),
        ("missing", "not stored: errors/http_404"),
        ("robots", "not stored: skipped/robots"),
        ("tag", "not stored: skipped/non_article_url"),
    ],
)
def test_why_says_the_reason_a_page_was_not_stored(why_corpus, key, reason):
    assert _why(why_corpus, why_corpus["url"](key)).startswith(reason)


def test_why_names_the_article_and_story_of_a_stored_page(why_corpus):
    (article,) = db_rows(why_corpus["db"], "SELECT id, story_id FROM articles")
    out = _why(why_corpus, why_corpus["url"]("stored"))
    assert out.startswith(f"stored: article {article['id']} (why) {sites.FERRY.headline}")
    assert f"story {article['story_id']} (1 article, no copy; this is its origin)" in out


def test_why_a_url_never_seen(why_corpus):
    assert _why(why_corpus, "https://nowhere.example/never").startswith("never seen: https://nowhere.example/never")


def test_why_writes_nothing(why_corpus):
    before = why_corpus["db"].stat().st_mtime_ns, sorted(p.name for p in why_corpus["work"].iterdir())
    _why(why_corpus, why_corpus["url"]("short"))
    assert (why_corpus["db"].stat().st_mtime_ns, sorted(p.name for p in why_corpus["work"].iterdir())) == before


def test_outcomes_are_one_row_per_url_across_runs(why_corpus):
    """A second run replaces each URL's outcome instead of adding one: the table stays bounded."""
    count = db_rows(why_corpus["db"], "SELECT count(*) AS n FROM page_outcomes")[0]["n"]
    sources = why_corpus["work"] / "sources.toml"
    proc = run_cli(*crawl_args("--all", sources=sources, db=why_corpus["db"]), cwd=why_corpus["work"])
    assert proc.returncode == 0, describe(proc)
    rows = db_rows(why_corpus["db"], "SELECT url, run_id FROM page_outcomes")
    assert len(rows) == count and {row["run_id"] for row in rows} == {2}


def test_stats_runs_show_the_reasons_per_run(why_corpus):
    proc = run_cli("stats", "--runs", "--db", why_corpus["db"], cwd=why_corpus["work"])
    assert proc.returncode == 0, describe(proc)
    (first,) = [line for line in proc.stdout.splitlines() if line.startswith("    not stored:")][-1:]
    for reason in ("dropped/no_body 1", "skipped/language/de 1", "skipped/robots 1", "skipped/non_article_url 1"):
        assert reason in first, proc.stdout
