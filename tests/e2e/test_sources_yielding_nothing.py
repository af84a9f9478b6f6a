"""A source that yields nothing says why: its feed disallowed by robots.txt, an empty feed, every
entry filtered out. A warning in the run, a count in `stats --runs`, `why FEED-URL` and
`sources check` name the cause."""

from __future__ import annotations

import pytest
from fixtures import sites
from fixtures.runs import crawl_args, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site


def render_closed(addresses):
    base = addresses["closed"].rstrip("/")
    return {
        "/robots.txt": Page(machine_readable.robots_txt(disallow=["/"]), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(
            machine_readable.rss2("Closed", base, [sites.item(base + "/news/ferry", sites.FERRY)]),
            machine_readable.RSS_TYPE,
        ),
        "/news/ferry": sites.article_page(sites.FERRY, "Closed"),
    }


def render_quiet(addresses):
    return {
        "/robots.txt": Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(machine_readable.rss2("Quiet", addresses["quiet"], []), machine_readable.RSS_TYPE),
    }


def render_tags(addresses):
    base = addresses["tags"].rstrip("/")
    items = [sites.item(base + path, sites.HARBOUR) for path in ("/tag/harbour", "/author/desk")]
    return {
        "/robots.txt": Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
        "/feed.xml": Page(machine_readable.rss2("Tags", base, items), machine_readable.RSS_TYPE),
    }


CAUSES = {
    "closed": ("robots", "robots.txt disallows it"),
    "quiet": ("empty", "it lists no entries"),
    "tags": ("filtered", "all 2 entries filtered out"),
}


@pytest.fixture(scope="module")
def nothing(tmp_path_factory):
    work = tmp_path_factory.mktemp("nothing")
    renders = {"closed": render_closed, "quiet": render_quiet, "tags": render_tags}
    with LocalSites([Site(name, render) for name, render in renders.items()]) as served:
        sources = write_sources(work, [{"name": name, "feeds": [served.url(name, "/feed.xml")]} for name in renders])
        db = work / "corpus.db"
        proc = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        assert proc.returncode == 0, describe(proc)
        yield {
            "db": db,
            "work": work,
            "sources": sources,
            "feed": lambda name: served.url(name, "/feed.xml"),
            "proc": proc,
        }


@pytest.mark.parametrize("name", sorted(CAUSES))
def test_the_run_warns_which_feed_yields_nothing_and_why(nothing, name):
    _, detail = CAUSES[name]
    assert f"feed {nothing['feed'](name)} yields no article: {detail}" in nothing["proc"].stderr, describe(
        nothing["proc"]
    )


def test_stats_runs_counts_the_causes(nothing):
    proc = run_cli("stats", "--runs", "--db", nothing["db"], cwd=nothing["work"])
    assert proc.returncode == 0, describe(proc)
    assert "yielding no article: empty 1, filtered 1, robots 1" in proc.stdout, describe(proc)


@pytest.mark.parametrize("name", sorted(CAUSES))
def test_why_the_feed_url_names_the_cause(nothing, name):
    cause, detail = CAUSES[name]
    proc = run_cli("why", nothing["feed"](name), "--db", nothing["db"], cwd=nothing["work"])
    assert proc.returncode == 0, describe(proc)
    assert proc.stdout.startswith(f"yields no article: discovery/nothing/{cause} (this feed: {detail}"), describe(proc)


def test_sources_check_names_the_cause(nothing):
    proc = run_cli(
        "sources", "check", "closed", "--sources", nothing["sources"], "--db", nothing["db"], cwd=nothing["work"]
    )
    assert proc.returncode == 1, describe(proc)
    assert (
        f"nothing to crawl: no article URL came from closed's feeds, sitemaps and listings ({nothing['feed']('closed')}: this feed: robots.txt disallows it)"
        in proc.stdout
    ), describe(proc)
