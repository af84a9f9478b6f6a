"""CPU stages in worker processes: the pool, the arrival order, and the same corpus with 1 or N workers."""

from __future__ import annotations

import asyncio
import os
import pickle
import random
from pathlib import Path

import pytest
from fixtures.runs import crawl_args, db_rows, describe, run_cli, write_sources
from fixtures.scrapy_helpers import make_crawler

from crawler.components.ordering import ArrivalOrder
from crawler.demo.network import demo_sites, demo_sources
from crawler.items import Article
from crawler.process.cpu_pool import WorkerCrashed, WorkerPool
from crawler.testing.localsites import LocalSites, Page, Site
from pipelines.core import CoreOptions, FetchedPage, NotAnArticle, extract_page


def crash_once(marker: str) -> str:
    """Kills its worker the first time (as a page crashing the parser would), answers the second."""
    if not os.path.exists(marker):
        Path(marker).touch()
        os._exit(1)
    return "answered"


def always_crash() -> None:
    os._exit(1)


def test_pool_runs_calls_in_other_processes_and_survives_a_crashing_call(tmp_path):
    pool = WorkerPool(2)

    async def calls():
        pids = set(await asyncio.gather(*(pool.run(os.getpid) for _ in range(8))))
        assert os.getpid() not in pids
        assert await pool.run(crash_once, str(tmp_path / "crashed")) == "answered"  # retried on new workers
        with pytest.raises(WorkerCrashed):
            await pool.run(always_crash)
        return await pool.run(sum, [1, 2, 3])

    try:
        assert asyncio.run(calls()) == 6  # the pool still works after the crashes
    finally:
        pool.close()


class Unrebuildable(Exception):
    """Pickles, but cannot be rebuilt from its pickle (its args do not fit its constructor)."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(first)


def raise_unrebuildable() -> None:
    raise Unrebuildable("a", "b")


def unpicklable_answer() -> object:
    return lambda: None


def test_a_call_whose_request_or_answer_cannot_cross_fails_alone():
    pool = WorkerPool(1)
    cannot_pickle = (pickle.PicklingError, AttributeError, TypeError)

    async def calls():
        with pytest.raises(RuntimeError, match="unreadable answer"):
            await pool.run(raise_unrebuildable)
        with pytest.raises(cannot_pickle):
            await pool.run(unpicklable_answer)
        with pytest.raises(cannot_pickle):
            await pool.run(len, lambda: None)
        return await pool.run(sum, [1, 2])

    try:
        assert asyncio.run(calls()) == 3
    finally:
        pool.close()


def test_a_worker_runs_the_core_without_loading_scrapy():
    """Workers start from the preloaded fork server and load nothing more of their own."""
    pool = WorkerPool(1)
    loaded = "sorted({name.split('.')[0] for name in __import__('sys').modules})"
    try:
        packages = asyncio.run(pool.run(eval, loaded))  # a builtin: unpickling it imports nothing
    finally:
        pool.close()
    assert {"trafilatura", "langdetect", "datasketch", "pipelines"} <= set(packages)
    assert not {"scrapy", "twisted"} & set(packages)


def test_not_an_article_crosses_the_process_boundary_with_its_reason():
    pool = WorkerPool(1)
    try:
        with pytest.raises(NotAnArticle) as raised:
            page = FetchedPage("https://a.example/x", b"<html><body><p>Hi</p></body></html>")
            asyncio.run(pool.run(extract_page, page, CoreOptions.from_settings(make_crawler().settings)))
        assert raised.value.reason == "no_body"
    finally:
        pool.close()


def item(number: int) -> Article:
    return Article(source="s", url=f"https://a.example/{number}")


def test_items_pass_a_point_in_arrival_order_whatever_order_they_reach_it():
    order, passed = ArrivalOrder(), []

    async def stage(article: Article, work_seconds: float) -> None:
        order.enter(article)
        await asyncio.sleep(work_seconds)  # a worker busy for this long
        await order.turn(article, "decide")
        passed.append(article.url)
        order.release(article, "decide")
        order.leave(article)

    async def run():
        items = [item(n) for n in range(5)]
        await asyncio.gather(*(stage(article, 0.05 * (5 - n)) for n, article in enumerate(items)))

    asyncio.run(run())
    assert passed == [f"https://a.example/{n}" for n in range(5)]


def test_an_item_leaving_early_holds_nobody_up_and_claims_wait_for_the_holder():
    order, events = ArrivalOrder(), []
    first, dropped, second = item(1), item(2), Article(source="s", url="https://a.example/1")

    async def run():
        for article in (first, dropped, second):
            order.enter(article)
        assert order.claim(first, first.url) is None
        order.leave(dropped)  # dropped before the point: the next item does not wait for it
        await order.turn(first, "decide")
        order.release(first, "decide")
        holder = order.claim(second, second.url)
        assert holder == first.arrival

        async def finish_first():
            await asyncio.sleep(0.05)
            events.append("first stored")
            order.leave(first)

        async def second_waits():
            await order.departure(holder)
            events.append("second decides")
            assert order.claim(second, second.url) is None

        await asyncio.gather(finish_first(), second_waits())
        order.leave(second)

    asyncio.run(run())
    assert events == ["first stored", "second decides"]
    assert order.in_flight == 0


def corpus_of(db: Path) -> dict[str, object]:
    """What a crawl produced, independent of row ids: each article's fields and the stories as sets of URLs."""
    articles = db_rows(
        db, "SELECT source, url, title, text, text_hash, language, published, story_id FROM articles ORDER BY id"
    )
    stories: dict[object, set[str]] = {}
    stored: dict[object, list[str]] = {}
    for row in articles:
        stories.setdefault(row.pop("story_id"), set()).add(row["url"])
        stored.setdefault(row["source"], []).append(row["url"])
    return {
        "each source's articles in the order stored": stored,
        "articles": sorted(articles, key=lambda row: row["url"]),
        "stories": sorted(sorted(urls) for urls in stories.values()),
        "urls": sorted(row["url"] for row in db_rows(db, "SELECT url FROM article_urls")),
        "templates": db_rows(db, "SELECT site, block, pages FROM site_blocks ORDER BY site, block"),
    }


WORDS = (
    "council harbour ferry budget tram school bridge market river storm museum festival port union "
    "station library mayor court hospital farmers fishermen airport tunnel housing energy water police "
    "workers teachers nurses students planners engineers residents visitors traders drivers"
).split()
MEMBERSHIP = (
    "The Harbour Gazette is an independent newspaper owned by its readers; support our "
    "journalism with a monthly membership today."
)


def paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(30)).capitalize() + "."


def gazette(addresses: dict[str, str]) -> dict[str, Page]:
    """A site whose first and last pages are very long, the others short (so two workers finish them
    out of order), all ending with the same membership appeal (a template: which pages keep it
    depends on the order they teach it)."""
    base, rng = addresses["gazette"].rstrip("/"), random.Random(7)
    pages, items = {"/robots.txt": Page("User-agent: *\nAllow: /\n", "text/plain")}, []
    for number in range(12):
        body = [paragraph(rng) for _ in range(600 if number in (0, 11) else 5)] + [MEMBERSHIP]
        paragraphs = "".join(f"<p>{text}</p>" for text in body)
        pages[f"/news/{number}.html"] = Page(
            f"<html lang='en'><head><title>Story {number}</title></head><body><article><h1>Story {number}</h1>"
            f"<time datetime='2026-11-2{number % 10}'>Nov</time>{paragraphs}</article></body></html>"
        )
        items.append(f"<item><title>Story {number}</title><link>{base}/news/{number}.html</link></item>")
    pages["/rss.xml"] = Page(
        f"<rss version='2.0'><channel><title>Gazette</title>{''.join(items)}</channel></rss>", "application/rss+xml"
    )
    return pages


def test_one_worker_and_two_workers_build_the_same_corpus(tmp_path):
    """Each source's pages downloaded one at a time (so they arrive in the same order), the CPU
    stages in the reactor thread, in one worker process, in two."""
    results = {}
    with LocalSites([*demo_sites(), Site("gazette", gazette)]) as sites:
        sources = write_sources(
            tmp_path, [*demo_sources(sites.addresses), {"name": "gazette", "feeds": [sites.url("gazette", "/rss.xml")]}]
        )
        for workers in (0, 1, 2):
            db = tmp_path / f"workers-{workers}.db"
            proc = run_cli(
                *crawl_args(
                    "--all", sources=sources, db=db, settings=[f"PIPELINE_WORKERS={workers}", "CONCURRENT_REQUESTS=1"]
                ),
                cwd=tmp_path,
                timeout=180,
            )
            assert proc.returncode == 0, describe(proc)
            results[workers] = corpus_of(db)
    assert len(results[1]["articles"]) >= 20 and len(results[1]["stories"]) < len(results[1]["articles"])
    assert results[1] == results[2]
    assert results[0] == results[1]
