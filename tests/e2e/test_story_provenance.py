"""A wire story and its copies on five local sites, crawled in two orders: one story, its origin
the earliest published copy whatever arrived first, a follow-up quoting it kept apart.

* wire: the original, published 09:00+01:00 (08:00 UTC);
* extra: the whole story plus a paragraph, 08:15+00:00 (later, though it sorts first as text);
* brief: the first 40 % and a credit line naming the wire, 10:30+01:00;
* digest: the first 60 % under another headline, 12:00+00:00;
* follow: two days later, a new story quoting two of its paragraphs.
"""

import json
import shutil
from dataclasses import replace

import pytest
from fixtures import sites
from fixtures.dedup_cases import CASES
from fixtures.runs import crawl_args, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Site

(CEDAR,) = [case for case in CASES if case.name == "en-flood-cedar/exact"]
(CEDAR_ADDED,) = [case for case in CASES if case.name == "en-flood-cedar/added_end"]
(CEDAR_HEADLINE,) = [case for case in CASES if case.name == "en-flood-cedar/headline"]
(CEDAR_FOLLOW_UP,) = [case for case in CASES if case.name == "en-flood-cedar/shared_lead"]
PARAGRAPHS = tuple(CEDAR.text.split("\n\n"))


def first_share(share: float) -> tuple[str, ...]:
    """The first paragraphs whose characters come closest to ``share`` of the story's."""
    total = sum(map(len, PARAGRAPHS))
    count = min(range(1, len(PARAGRAPHS)), key=lambda n: abs(sum(map(len, PARAGRAPHS[:n])) / total - share))
    return PARAGRAPHS[:count]


ORIGIN = sites.Article(CEDAR.title, "en", "Ann Reyes", "2026-11-20T09:00:00+01:00", PARAGRAPHS, "Cedar Rapids")
COPIES = {
    "wire": ORIGIN,
    "extra": replace(ORIGIN, published="2026-11-20T08:15:00+00:00", paragraphs=tuple(CEDAR_ADDED.text.split("\n\n"))),
    "brief": replace(
        ORIGIN,
        published="2026-11-20T10:30:00+01:00",
        paragraphs=(*first_share(0.4), "This article was originally published by Wire Service."),
    ),
    "digest": replace(
        ORIGIN, headline=CEDAR_HEADLINE.title, published="2026-11-20T12:00:00+00:00", paragraphs=first_share(0.6)
    ),
}
FOLLOW_UP = replace(
    ORIGIN,
    headline=CEDAR_FOLLOW_UP.title,
    published="2026-11-22T10:00:00+00:00",
    paragraphs=(*CEDAR_FOLLOW_UP.text.split("\n\n")[1:2], *PARAGRAPHS[:2], *CEDAR_FOLLOW_UP.text.split("\n\n")[2:]),
    phrase="Cedar Rapids",
)
ARTICLES = {**COPIES, "follow": FOLLOW_UP}


def render(name: str):
    def pages(addresses):
        base = addresses[name]
        article = ARTICLES[name]
        return {
            "/robots.txt": sites.Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE),
            "/feed.xml": sites.Page(
                machine_readable.rss2(name, base, [sites.item(base + "news/story", article)]), machine_readable.RSS_TYPE
            ),
            # no kicker above the headline: the headline repeated at the top of the body is cleaned
            "/news/story": sites.html_page(sites.article_html(article, f"{name.title()} News", section="")),
        }

    return pages


def stats_by_source(work, db):
    result = run_cli("stats", "--db", db, cwd=work)
    assert result.returncode == 0, describe(result)
    table = result.stdout.split("By source:")[1].split("\n\n")[0].splitlines()[2:]
    return {cells[0]: (int(cells[3]), int(cells[4])) for cells in (line.split() for line in table)}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """Two corpora of the same sites: the copies crawled before the wire, and after it."""
    work = tmp_path_factory.mktemp("provenance")
    with LocalSites([Site(name, render(name)) for name in ARTICLES]) as served:
        sources = write_sources(work, [{"name": name, "feeds": [served.url(name, "/feed.xml")]} for name in ARTICLES])
        orders = {
            "copies_first": (["brief", "digest", "extra", "follow"], ["wire"]),
            "wire_first": (["wire", "follow"], ["brief", "digest", "extra"]),
        }
        result = {}
        for label, runs in orders.items():
            db = work / f"{label}.db"
            outputs = []
            for names in runs:
                run = run_cli(*crawl_args(*names, sources=sources, db=db), cwd=work)
                assert run.returncode == 0, describe(run)
                outputs.append(run)
            exported = run_cli("export", "--db", db, cwd=work)
            rows = [json.loads(line) for line in exported.stdout.splitlines()]
            result[label] = {"db": db, "runs": outputs, "work": work, "articles": rows}
    return result


def story_of(crawl, source):
    work, db = crawl["work"], crawl["db"]
    (row,) = [row for row in crawl["articles"] if row["source"] == source]
    shown = run_cli("story", row["story_id"], "--json", "--db", db, cwd=work)
    assert shown.returncode == 0, describe(shown)
    return json.loads(shown.stdout)


@pytest.mark.parametrize("order", ["copies_first", "wire_first"])
def test_every_copy_lands_in_one_story_whose_origin_is_the_earliest_published(crawls, order):
    story = story_of(crawls[order], "wire")
    assert story["origin"]["source"] == "wire"
    copies = {copy["source"]: copy for copy in story["copies"]}
    assert set(copies) == {"extra", "brief", "digest"}
    assert copies["extra"]["lag_seconds"] == 15 * 60
    assert copies["brief"]["lag_seconds"] == 90 * 60 and copies["brief"]["credited_source"] == "Wire Service"
    assert copies["digest"]["lag_seconds"] == 4 * 3600
    assert copies["brief"]["changes"] == ["truncated"] and 0.3 < copies["brief"]["kept"] < 0.5
    assert (
        copies["digest"]["changes"][:2] == ["truncated", "rewritten headline"] and 0.5 < copies["digest"]["kept"] < 0.7
    )
    assert copies["extra"]["changes"] == ["extended"]
    assert all(copy["similarity"] >= 0.8 for copy in copies.values())


@pytest.mark.parametrize("order", ["copies_first", "wire_first"])
def test_a_follow_up_quoting_two_paragraphs_is_a_story_of_its_own(crawls, order):
    follow = story_of(crawls[order], "follow")
    assert follow["origin"]["source"] == "follow" and follow["copies"] == []


def test_who_copied_whom_does_not_depend_on_the_crawl_order(crawls):
    by_order = {order: stats_by_source(crawl["work"], crawl["db"]) for order, crawl in crawls.items()}
    expected = {"wire": (1, 0), "follow": (1, 0), "extra": (0, 1), "brief": (0, 1), "digest": (0, 1)}
    assert by_order == {"copies_first": expected, "wire_first": expected}


def test_the_run_that_stores_the_copies_counts_them_whatever_arrived_first(crawls):
    last = crawls["wire_first"]["runs"][1].stdout
    assert "3 of them copies" in last
    rows = {line.split()[0]: line.split() for line in last.splitlines()[2:] if line.startswith("  ")}
    assert {name: int(cells[3]) for name, cells in rows.items()} == {"brief": 1, "digest": 1, "extra": 1}
    wire_last = crawls["copies_first"]["runs"][1].stdout
    assert "0 of them copies" in wire_last  # the wire published first: its article is the origin


def test_the_story_view_shows_the_origin_first(crawls):
    crawl = crawls["copies_first"]
    story = story_of(crawl, "wire")
    shown = run_cli("story", story["story"]["id"], "--db", crawl["db"], cwd=crawl["work"])
    assert shown.returncode == 0, describe(shown)
    lines = shown.stdout.splitlines()
    assert lines[2].startswith("Origin: wire, published 2026-11-20T09:00:00+01:00")
    assert any(line.startswith("  +15m") and "extra" in line and "extended" in line for line in lines)
    assert any("brief" in line and "truncated (" in line and "credits Wire Service" in line for line in lines)


def test_a_rebuild_counts_the_stories_it_unites_and_splits_and_keeps_the_origin(crawls, tmp_path):
    crawl = crawls["copies_first"]
    db = tmp_path / "rebuilt.db"
    shutil.copyfile(crawl["db"], db)
    exact_only = run_cli("dedupe", "--rebuild", "--db", db, "-s", "DEDUP_NEAR_ENABLED=false", cwd=tmp_path)
    assert exact_only.returncode == 0, describe(exact_only)
    assert "in 5 stories (before: 2 stories): 0 united, 1 split, 1 unchanged." in exact_only.stdout
    again = run_cli("dedupe", "--rebuild", "--db", db, cwd=tmp_path)
    assert again.returncode == 0, describe(again)
    assert "in 2 stories (before: 5 stories): 1 united, 0 split, 1 unchanged." in again.stdout
    exported = run_cli("export", "--db", db, cwd=tmp_path)
    articles = [json.loads(line) for line in exported.stdout.splitlines()]
    story = story_of({"work": tmp_path, "db": db, "articles": articles}, "wire")
    assert story["origin"]["source"] == "wire" and {copy["source"] for copy in story["copies"]} == {
        "extra",
        "brief",
        "digest",
    }
