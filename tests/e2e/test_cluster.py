"""Scaling out: workers and one writer around a real Redis, crawling sites on several loopback hosts."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fixtures import sites
from fixtures.newsroom import article_path, generated_article
from fixtures.runs import FAST_SETTINGS, crawl_args, db_rows, describe, run_cli, write_sources

from crawler.testing import machine_readable
from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites, Page, ServedRequest, Site
from crawler.testing.redis_server import RedisServer, free_port

#: The sites of the cluster, by loopback host: a host serving two sites is leased for both sources.
HOSTS = {
    "127.0.0.2": ("rss2", "wire_a"),
    "127.0.0.3": ("rdf", "wire_b"),
    "127.0.0.4": ("listing",),
    "127.0.0.5": ("sitemap", "smindex"),
}
#: Short heartbeats and timeouts, so a dead worker's job is claimed within seconds.
CLUSTER_SETTINGS = (
    "CLUSTER_HEARTBEAT_SECONDS=1",
    "CLUSTER_LEASE_SECONDS=2",
    "CLUSTER_JOB_IDLE_SECONDS=3",
)
WORKER_SETTINGS = (*FAST_SETTINGS, "PIPELINE_WORKERS=0", *CLUSTER_SETTINGS)
RUN_TIMEOUT = 120


def _with_validators(spec: sites.SourceSite, article_delay: float = 0.0) -> Site:
    """The site, its feeds and sitemaps sent with an ETag (so a second run gets 304s), its
    articles answered after ``article_delay`` seconds."""

    def render(addresses: dict[str, str]) -> dict[str, Page]:
        pages = spec.pages(addresses[spec.name].rstrip("/"))
        return {
            path: dataclasses.replace(page, etag=f'"{spec.name}{path}"')
            if path in spec.discovery
            else dataclasses.replace(page, delay=article_delay)
            if path in spec.stored
            else page
            for path, page in pages.items()
        }

    return Site(spec.name, render)


@dataclasses.dataclass
class Cluster:
    """The served sites and the sources file that declares them."""

    served: list[LocalSites]
    sources: Path
    names: list[str]

    def clear(self) -> None:
        for served in self.served:
            served.clear_requests()

    def requests(self) -> list[ServedRequest]:
        return [request for served in self.served for request in served.requests]

    def article_requests(self) -> list[tuple[str, str]]:
        """(site, path) of every article page requested."""
        articles = {(name, path) for name, spec in sites.NETWORK.items() for path in spec.stored}
        return [(r.site, r.path) for r in self.requests() if (r.site, r.path) in articles]


def serve(directory: Path, hosts: dict[str, tuple[str, ...]], article_delay: float = 0.0) -> Iterator[Cluster]:
    """Serve the named fixture sites on their hosts, with a sources file declaring them."""
    with contextlib.ExitStack() as stack:
        served = [
            stack.enter_context(
                LocalSites([_with_validators(sites.NETWORK[name], article_delay) for name in names], host=host)
            )
            for host, names in hosts.items()
        ]
        addresses = {name: s.url(name) for s in served for name in s.addresses}
        table = [sites.NETWORK[name].source(addresses) for names in hosts.values() for name in names]
        yield Cluster(served, write_sources(directory, table), [name for names in hosts.values() for name in names])


@pytest.fixture(scope="module")
def cluster_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    yield from serve(tmp_path_factory.mktemp("cluster-sites"), HOSTS)


@pytest.fixture(scope="module")
def few_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """Four sources on two hosts: enough for the writer's batches, quick to crawl."""
    yield from serve(
        tmp_path_factory.mktemp("few-sites"), {"127.0.0.2": ("rss2", "wire_a"), "127.0.0.3": ("rdf", "wire_b")}
    )


@pytest.fixture(scope="module")
def slow_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    """One source whose four articles take a second each: a crawl of it is seconds long."""
    yield from serve(tmp_path_factory.mktemp("slow-site"), {"127.0.0.6": ("encodings",)}, article_delay=1.0)


#: Every command started by a test, killed at its end if it is still running (a failed assertion).
STARTED: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def _kill_leftovers() -> Iterator[None]:
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            process.kill()
            process.wait()


def start(*args: object, cwd: Path, log: str) -> subprocess.Popen[bytes]:
    """Start ``python -m crawler ARGS`` in the background, its output in ``cwd/log``."""
    with open(cwd / log, "ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "crawler", *map(str, args)],
            cwd=cwd,
            env=cli_env(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    STARTED.append(process)
    return process


def finish(process: subprocess.Popen[bytes], cwd: Path, log: str) -> str:
    """Wait for ``process`` (killed after RUN_TIMEOUT) and check it exited 0; its output."""
    try:
        process.wait(timeout=RUN_TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = (cwd / log).read_text(errors="replace")
    assert process.returncode == 0, f"{log}: exit status {process.returncode}\n{output[-4000:]}"
    return output


#: A delay between requests to a host, one request at a time, no jitter: what the politeness check measures.
DELAY = 0.2
POLITE = (f"DOWNLOAD_DELAY={DELAY}", "DOWNLOAD_DELAY_JITTER=0", "CONCURRENT_REQUESTS_PER_DOMAIN=1")


def worker_args(redis: RedisServer, sources: Path, *settings: str, drain: bool = True) -> list[object]:
    return ["worker", "--redis", redis.url, "--sources", sources, *(["--drain"] if drain else [])] + [
        arg for setting in (*WORKER_SETTINGS, *settings) for arg in ("-s", setting)
    ]


def writer_args(redis: RedisServer, sources: Path, db: Path, drain: bool = True) -> list[object]:
    args: list[object] = ["writer", "--redis", redis.url, "--sources", sources, "--db", db]
    return args + (["--drain"] if drain else []) + [arg for setting in CLUSTER_SETTINGS for arg in ("-s", setting)]


def enqueue(redis: RedisServer, sources: Path, cwd: Path) -> str:
    result = run_cli("enqueue", "--redis", redis.url, "--sources", sources, "--all", cwd=cwd)
    assert result.returncode == 0, describe(result)
    return result.stdout


def run_cluster(
    redis: RedisServer, sources: Path, db: Path, cwd: Path, workers: int = 2, settings: tuple[str, ...] = ()
) -> None:
    """Queue every source, then run ``workers`` workers and the writer, all with --drain, to the end."""
    enqueue(redis, sources, cwd)
    writer = start(*writer_args(redis, sources, db), cwd=cwd, log="writer.log")
    running = [start(*worker_args(redis, sources, *settings), cwd=cwd, log=f"worker{n}.log") for n in range(workers)]
    for n, worker in enumerate(running):
        finish(worker, cwd, f"worker{n}.log")
    finish(writer, cwd, "writer.log")


def stories(db: Path) -> set[frozenset[str]]:
    """The stories of a corpus, each as the set of its articles' URLs."""
    grouped: dict[int, set[str]] = {}
    for row in db_rows(db, "SELECT story_id, url FROM articles"):
        grouped.setdefault(int(row["story_id"]), set()).add(str(row["url"]))
    return {frozenset(urls) for urls in grouped.values()}


def check_corpus(db: Path, served: Cluster) -> None:
    """Every article of the served sites stored exactly once, and the file intact."""
    urls = [row["url"] for row in db_rows(db, "SELECT url FROM articles")]
    assert len(urls) == len(set(urls))
    expected = sum(len(sites.NETWORK[name].stored) for name in served.names)
    assert len(urls) == expected, sorted(urls)
    assert db_rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


def test_two_workers_and_a_writer_store_what_one_process_stores(
    cluster_sites: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    single = run_cli(*crawl_args("--all", sources=cluster_sites.sources, db=tmp_path / "single.db"), cwd=tmp_path)
    assert single.returncode == 0, describe(single)
    cluster_sites.clear()

    db = tmp_path / "cluster.db"
    run_cluster(redis_server, cluster_sites.sources, db, tmp_path, settings=POLITE)

    check_corpus(db, cluster_sites)
    fetched = cluster_sites.article_requests()
    assert len(fetched) == len(set(fetched)), sorted(fetched)  # no article fetched twice
    assert stories(db) == stories(tmp_path / "single.db")
    runs = db_rows(db, "SELECT status, sources FROM crawl_runs")
    assert sorted(row["sources"] for row in runs) == sorted(f'["{name}"]' for name in cluster_sites.names)
    assert {row["status"] for row in runs} == {"finished"}, runs
    # Politeness held across the two workers: one host's requests never crawled by both at once.
    # The times are arrivals at the server, which a busy machine delays now and then by a tenth of a
    # second; two crawls of one host at once, each DELAY apart, would put every other arrival at most
    # DELAY / 2 after the one before.
    for served in cluster_sites.served:
        times = sorted(request.at for request in served.requests)
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        close = [gap for gap in gaps if gap <= DELAY / 2]
        assert len(close) <= max(1, len(gaps) // 8), (served.addresses, gaps)

    # The second run: nothing fetched again, every feed and sitemap answered 304.
    cluster_sites.clear()
    run_cluster(redis_server, cluster_sites.sources, db, tmp_path, workers=1)
    assert cluster_sites.article_requests() == []
    documents = [r for r in cluster_sites.requests() if r.path.endswith((".xml", ".rdf"))]  # listings are read again
    assert documents and {r.status for r in documents} == {304}, documents
    check_corpus(db, cluster_sites)

    # A new Redis knows no stored URL until the writer tells it the corpus's.
    redis_server.stop()
    shutil.rmtree(redis_server.directory)
    redis_server.directory.mkdir()
    redis_server.start()
    writer = start(*writer_args(redis_server, cluster_sites.sources, db), "--rebuild-seen", cwd=tmp_path, log="w.log")
    urls = len(db_rows(db, "SELECT url FROM article_urls"))
    assert f"writer: {urls} stored URLs told to the workers" in finish(writer, tmp_path, "w.log")


def stored_articles(db: Path) -> int:
    """How many articles the corpus holds (0 while it is being created)."""
    try:
        return int(db_rows(db, "SELECT count(*) AS n FROM articles")[0]["n"])
    except (AssertionError, sqlite3.OperationalError):
        return 0


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_a_worker_killed_mid_job_leaves_the_job_to_another(
    slow_site: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    slow_site.clear()
    enqueue(redis_server, slow_site.sources, tmp_path)
    one_at_a_time = "CONCURRENT_REQUESTS_PER_DOMAIN=1"
    first = start(*worker_args(redis_server, slow_site.sources, one_at_a_time), cwd=tmp_path, log="first.log")
    try:
        wait_for(lambda: len(slow_site.article_requests()) >= 2, "the first worker to fetch articles")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()

    db = tmp_path / "cluster.db"
    writer = start(*writer_args(redis_server, slow_site.sources, db), cwd=tmp_path, log="writer.log")
    second = start(*worker_args(redis_server, slow_site.sources), cwd=tmp_path, log="second.log")
    assert "1 jobs done" in finish(second, tmp_path, "second.log")
    finish(writer, tmp_path, "writer.log")
    check_corpus(db, slow_site)
    runs = db_rows(db, "SELECT status FROM crawl_runs ORDER BY id")
    assert [row["status"] for row in runs] == ["crashed", "finished"]


def test_a_writer_dying_between_commit_and_acknowledgement_stores_nothing_twice(
    few_sites: Cluster, redis_server: RedisServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crawler.run.runner import crawl_settings
    from pipelines.cluster.writer import run_writer
    from storage.corpus import Corpus
    from storage.redis_state import Cluster as RedisCluster

    enqueue(redis_server, few_sites.sources, tmp_path)
    for n in range(2):
        worker = start(*worker_args(redis_server, few_sites.sources), cwd=tmp_path, log=f"worker{n}.log")
        finish(worker, tmp_path, f"worker{n}.log")  # every item now waits in the stream

    class Died(Exception):
        """The writer's process ending right after its first commit."""

    def die(ids: list[str]) -> None:
        raise Died

    db = tmp_path / "cluster.db"
    settings = crawl_settings(few_sites.sources, db, {"CORPUS_COMMIT_ARTICLES": "4"})
    cluster = RedisCluster.connect(redis_server.url, 5.0)
    monkeypatch.setattr(cluster, "ack_items", die)
    corpus = Corpus(db)
    with pytest.raises(Died):
        run_writer(cluster, corpus, settings, drain=True, stopping=lambda: False)
    corpus.abandon()
    cluster.close()
    assert stored_articles(db) > 0  # committed, never acknowledged

    writer = start(*writer_args(redis_server, few_sites.sources, db), cwd=tmp_path, log="writer.log")
    redelivered = re.search(r"(\d+) already stored", finish(writer, tmp_path, "writer.log"))
    assert redelivered and int(redelivered[1]) > 0  # the committed batch, read again, stored nothing twice
    check_corpus(db, few_sites)


def test_a_writer_killed_and_restarted_loses_nothing(
    few_sites: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    enqueue(redis_server, few_sites.sources, tmp_path)
    db = tmp_path / "cluster.db"
    args = [*writer_args(redis_server, few_sites.sources, db), "-s", "CORPUS_COMMIT_ARTICLES=1"]
    writer = start(*args, cwd=tmp_path, log="writer.log")
    worker = start(*worker_args(redis_server, few_sites.sources), cwd=tmp_path, log="worker.log")
    try:
        wait_for(lambda: stored_articles(db) >= 2, "the writer to store articles")
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    finish(worker, tmp_path, "worker.log")
    writer = start(*args, cwd=tmp_path, log="writer.log")
    finish(writer, tmp_path, "writer.log")
    check_corpus(db, few_sites)


def test_the_cluster_completes_across_a_redis_restart(
    slow_site: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    slow_site.clear()
    enqueue(redis_server, slow_site.sources, tmp_path)
    db = tmp_path / "cluster.db"
    writer = start(*writer_args(redis_server, slow_site.sources, db), cwd=tmp_path, log="writer.log")
    worker = start(
        *worker_args(redis_server, slow_site.sources, "CONCURRENT_REQUESTS_PER_DOMAIN=1"), cwd=tmp_path, log="w.log"
    )
    wait_for(lambda: len(slow_site.article_requests()) >= 2, "the worker to fetch articles")
    redis_server.stop()
    redis_server.start()  # with its append-only file: the job, the items and the pending lists are back
    finish(worker, tmp_path, "w.log")
    finish(writer, tmp_path, "writer.log")
    check_corpus(db, slow_site)


def test_redis_unreachable_is_one_line_and_status_2(tmp_path: Path, cluster_sites: Cluster) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    for args in (
        ["enqueue", "--redis", url, "--sources", cluster_sites.sources, "--all"],
        ["worker", "--redis", url, "--sources", cluster_sites.sources, "--drain"],
        ["writer", "--redis", url, "--sources", cluster_sites.sources, "--db", tmp_path / "c.db", "--drain"],
        ["cluster", "status", "--redis", url],
    ):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 2, describe(result)
        assert result.stderr.count("\n") == 1 and "cannot reach Redis" in result.stderr, result.stderr
    assert not (tmp_path / "c.db").exists()


def test_status_and_sigterm_while_a_job_runs(slow_site: Cluster, redis_server: RedisServer, tmp_path: Path) -> None:
    from storage.redis_state import Cluster as RedisCluster

    slow_site.clear()
    cluster = RedisCluster.connect(redis_server.url, 5.0)
    assert cluster.take_leases(["127.0.0.6"], "another-worker", 60)  # the job's host is busy
    enqueue(redis_server, slow_site.sources, tmp_path)
    db = tmp_path / "cluster.db"
    writer = start(*writer_args(redis_server, slow_site.sources, db, drain=False), cwd=tmp_path, log="writer.log")
    one_at_a_time = "CONCURRENT_REQUESTS_PER_DOMAIN=1"
    worker = start(
        *worker_args(redis_server, slow_site.sources, one_at_a_time, drain=False), cwd=tmp_path, log="worker.log"
    )
    waiting = "waiting for its hosts"
    wait_for(lambda: any(w["state"] == waiting for w in cluster.status()["workers"].values()), "the worker to wait")

    status = run_cli("cluster", "status", "--redis", redis_server.url, "--json", cwd=tmp_path)
    assert status.returncode == 0, describe(status)
    state = json.loads(status.stdout)
    (name,) = state["workers"]
    assert state["workers"][name]["source"] == "encodings" and state["jobs"]["encodings"]["worker"] == name, state
    assert state["leases"]["127.0.0.6"]["worker"] == "another-worker" and state["writer"] is not None, state
    text = run_cli("cluster", "status", "--redis", redis_server.url, cwd=tmp_path)
    assert f"{waiting} encodings" in text.stdout and "127.0.0.6: another-worker" in text.stdout, describe(text)

    cluster.release_leases(["127.0.0.6"], "another-worker", after=0)
    cluster.close()
    wait_for(lambda: len(slow_site.article_requests()) >= 1, "the worker to fetch an article")
    worker.send_signal(signal.SIGTERM)  # three more articles of a second each to go: the crawl is stopped
    writer.send_signal(signal.SIGTERM)
    assert "1 left for another worker" in finish(worker, tmp_path, "worker.log")
    finish(writer, tmp_path, "writer.log")

    assert "queued 0 jobs; 1 already queued or running" in enqueue(redis_server, slow_site.sources, tmp_path)
    run_cluster(redis_server, slow_site.sources, db, tmp_path, workers=1)
    check_corpus(db, slow_site)


def test_a_job_that_keeps_failing_is_given_up(few_sites: Cluster, redis_server: RedisServer, tmp_path: Path) -> None:
    from storage.redis_state import Cluster as RedisCluster

    cluster = RedisCluster.connect(redis_server.url, 5.0)
    try:
        assert cluster.enqueue(["rss2"]) == ["rss2"]
        assert cluster.enqueue(["rss2"]) == []  # one job per source at a time
        assert cluster.take_job("a-worker-that-dies", idle_seconds=60, block_seconds=1) is not None
        given_up = ("CLUSTER_JOB_IDLE_SECONDS=0", "CLUSTER_JOB_ATTEMPTS=1")
        worker = start(*worker_args(redis_server, few_sites.sources, *given_up), cwd=tmp_path, log="worker.log")
        assert "0 jobs done, 1 left for another worker" in finish(worker, tmp_path, "worker.log")
        assert "given up after 1 attempts" in (tmp_path / "worker.log").read_text()
        assert cluster.queued_jobs() == {}  # acknowledged: the next enqueue queues it again
        assert cluster.enqueue(["rss2"]) == ["rss2"]
        assert cluster.redis.xinfo_consumers("wirecrawl:jobs", "workers") == []  # gone, holding nothing
    finally:
        cluster.close()


def test_a_worker_s_structural_templates_and_the_writer_s_re_cleaning(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """The multilingual site of ``slot_sites`` through a worker and the writer: the slots are counted
    in Redis, and the writer re-cleans the first pages, as a crawl does."""
    from fixtures.furniture_sites import leaks
    from fixtures.slot_sites import site_run

    def render(addresses: dict[str, str]) -> dict[str, Page]:
        base = addresses["multi"].rstrip("/")
        run = site_run(base)
        pages = {page.url.removeprefix(base): Page(page.html, "text/html; charset=utf-8") for page in run}
        items = [
            machine_readable.FeedItem(page.url, f"Story {n}", "2024-03-15T10:00:00+00:00") for n, page in enumerate(run)
        ]
        pages["/feed.xml"] = Page(machine_readable.rss2("Multi Wire", base + "/", items), machine_readable.RSS_TYPE)
        return pages

    with LocalSites([Site("multi", render)]) as served:
        sources = write_sources(tmp_path, [{"name": "multi", "feeds": [served.url("multi", "/feed.xml")]}])
        db = tmp_path / "cluster.db"
        run_cluster(redis_server, sources, db, tmp_path, workers=1)
        run = site_run(served.url("multi").rstrip("/"))
    stored = {row["url"]: row["text"] for row in db_rows(db, "SELECT url, text FROM articles")}
    assert set(stored) == {page.url for page in run}
    for page in run:
        assert not leaks(page, stored[page.url]) and stored[page.url].split("\n\n") == list(page.paragraphs)
    assert "2 re-cleaned of their site's templates" in (tmp_path / "writer.log").read_text()


def test_a_job_is_claimed_as_soon_as_its_worker_s_heartbeat_is_gone(redis_server: RedisServer) -> None:
    from storage.redis_state import Cluster as RedisCluster
    from storage.redis_state import Job

    cluster = RedisCluster.connect(redis_server.url, 5.0)
    never_idle = 600  # the idle rule cannot claim anything here: only a lapsed heartbeat can
    try:
        assert cluster.enqueue(["rss2"]) == ["rss2"]
        for worker in ("first", "second", "third"):
            cluster.heartbeat("worker:" + worker, {"state": "idle"}, 60)
        taken = cluster.take_job("first", never_idle, block_seconds=1)
        assert taken is not None and taken.deliveries == 1
        assert cluster.take_job("second", never_idle, block_seconds=0.1) is None  # its worker is alive
        assert cluster.jobs_left("second")

        cluster.forget("worker:first")  # killed: its heartbeat lapsed
        assert cluster.take_job("second", never_idle, block_seconds=0.1) == Job(taken.id, "rss2", 2)
        assert cluster.take_job("third", never_idle, block_seconds=0.1) is None  # the second holds it now
        cluster.leave("second")  # stopped, leaving its job: no heartbeat, so the third claims it at once
        assert cluster.take_job("third", never_idle, block_seconds=0.1) == Job(taken.id, "rss2", 3)
        (pending,) = cluster.redis.xpending_range("wirecrawl:jobs", "workers", "-", "+", 10)
        assert (pending["consumer"], pending["times_delivered"]) == ("third", 3)

        cluster.finish_job(Job(taken.id, "rss2", 3))
        assert not cluster.jobs_left("third")
    finally:
        cluster.close()


def crawl_runs(db: Path) -> list[str]:
    """The statuses of the corpus's runs, in order (none while it is being created)."""
    try:
        return [str(row["status"]) for row in db_rows(db, "SELECT status FROM crawl_runs ORDER BY id")]
    except (AssertionError, sqlite3.OperationalError):
        return []


@pytest.mark.parametrize(
    ("attempts", "report", "statuses"),
    [("3", "1 jobs done", ["crashed", "finished"]), ("1", "0 jobs done, 1 left", ["crashed"])],
    ids=["taken-over", "given-up"],
)
def test_a_drain_worker_waits_for_a_killed_worker_s_job_and_the_drain_writer_ends(
    slow_site: Cluster, redis_server: RedisServer, tmp_path: Path, attempts: str, report: str, statuses: list[str]
) -> None:
    """A worker killed mid-job still looks alive for three of its heartbeats: a --drain worker that
    checks in meanwhile waits, takes the job over once the heartbeat lapses (never by the idle rule
    here), and the --drain writer ends once the job is acknowledged, done or given up."""
    slow_site.clear()
    enqueue(redis_server, slow_site.sources, tmp_path)
    slow_beat = ("CONCURRENT_REQUESTS_PER_DOMAIN=1", "CLUSTER_HEARTBEAT_SECONDS=2")  # looks alive for 6 s
    first = start(*worker_args(redis_server, slow_site.sources, *slow_beat), cwd=tmp_path, log="first.log")
    try:
        wait_for(lambda: len(slow_site.article_requests()) >= 1, "the first worker to fetch an article")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()

    db = tmp_path / "cluster.db"
    writer = start(*writer_args(redis_server, slow_site.sources, db), cwd=tmp_path, log="writer.log")
    never_idle = ("CLUSTER_JOB_IDLE_SECONDS=600", f"CLUSTER_JOB_ATTEMPTS={attempts}")
    second = start(*worker_args(redis_server, slow_site.sources, *never_idle), cwd=tmp_path, log="second.log")
    assert report in finish(second, tmp_path, "second.log")
    finish(writer, tmp_path, "writer.log")
    assert crawl_runs(db) == statuses
    if attempts != "1":
        check_corpus(db, slow_site)


def test_the_writer_closes_the_runs_no_worker_will_end(
    few_sites: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    from storage.corpus import Corpus
    from storage.redis_state import Cluster as RedisCluster

    db = tmp_path / "cluster.db"
    corpus = Corpus(db)
    lost, open_in_redis = corpus.start_run(["rss2"]), corpus.start_run(["rdf"])
    corpus.close()
    cluster = RedisCluster.connect(redis_server.url, 5.0)
    cluster.record_runs({"a-job/1": open_in_redis}, [])
    cluster.close()

    writer = start(*writer_args(redis_server, few_sites.sources, db), cwd=tmp_path, log="writer.log")
    assert "recorded 1 runs as crashed" in finish(writer, tmp_path, "writer.log")
    statuses = {row["id"]: row["status"] for row in db_rows(db, "SELECT id, status FROM crawl_runs")}
    assert statuses == {lost: "crashed", open_in_redis: "running"}  # the second is still a worker's to end


def test_a_redis_restarted_without_its_data_is_told_and_what_to_do(
    slow_site: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    slow_site.clear()
    enqueue(redis_server, slow_site.sources, tmp_path)
    db = tmp_path / "cluster.db"
    writer = start(*writer_args(redis_server, slow_site.sources, db, drain=False), cwd=tmp_path, log="writer.log")
    one_at_a_time = "CONCURRENT_REQUESTS_PER_DOMAIN=1"
    worker = start(
        *worker_args(redis_server, slow_site.sources, one_at_a_time, drain=False), cwd=tmp_path, log="worker.log"
    )
    wait_for(lambda: crawl_runs(db) == ["running"], "the writer to record the crawl's run")
    redis_server.stop()
    shutil.rmtree(redis_server.directory)  # no append-only file: Redis comes back empty
    redis_server.directory.mkdir()
    redis_server.start()

    lost = "wirecrawl: Redis lost the cluster's state (restarted without its append-only file?)"
    for process, log in ((worker, "worker.log"), (writer, "writer.log")):
        process.wait(timeout=RUN_TIMEOUT)
        output = (tmp_path / log).read_text(errors="replace")
        assert process.returncode == 1 and output.count(lost) == 1, output[-4000:]
        assert "--rebuild-seen" in output and "Traceback" not in output, output[-4000:]

    # What the line says to do: queue the jobs again, the writer with --rebuild-seen.
    enqueue(redis_server, slow_site.sources, tmp_path)
    writer = start(*writer_args(redis_server, slow_site.sources, db), "--rebuild-seen", cwd=tmp_path, log="w2.log")
    worker = start(*worker_args(redis_server, slow_site.sources), cwd=tmp_path, log="worker2.log")
    finish(worker, tmp_path, "worker2.log")
    finish(writer, tmp_path, "w2.log")
    check_corpus(db, slow_site)
    assert crawl_runs(db) == ["crashed", "finished"]  # the lost run closed by the new writer


def _held_newsroom(name: str, first: int, count: int, hold: threading.Event) -> Site:
    """Site ``name``: articles ``first`` ... of :mod:`fixtures.newsroom` (texts of their own) in one
    feed, every article page answering only once ``hold`` is set."""

    def render(addresses: dict[str, str]) -> dict[str, Page]:
        base = addresses[name].rstrip("/")
        numbers = range(first, first + count)
        items = [sites.item(base + article_path(n), generated_article(n)) for n in numbers]
        pages = {"/feed.xml": Page(machine_readable.rss2(name, base + "/", items), machine_readable.RSS_TYPE)}
        for n in numbers:
            pages[article_path(n)] = dataclasses.replace(sites.article_page(generated_article(n), name), hold=hold)
        return pages

    return Site(name, render)


def test_a_worker_killed_with_50_jobs_in_flight_leaves_every_one_to_another(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """One worker holds 50 jobs at once (one process), is SIGKILLed with every crawl waiting on
    its article pages, and a second worker finishes all 50: each article stored once."""
    count, hold = 50, threading.Event()
    with contextlib.ExitStack() as stack:
        served = [
            stack.enter_context(LocalSites([_held_newsroom(f"s{n}", 2 * n, 2, hold)], host=f"127.0.8.{n + 1}"))
            for n in range(count)
        ]
        table = [{"name": f"s{n}", "feeds": [served[n].url(f"s{n}", "/feed.xml")]} for n in range(count)]
        sources = write_sources(tmp_path, table)
        enqueue(redis_server, sources, tmp_path)
        first = start(*worker_args(redis_server, sources, drain=False), cwd=tmp_path, log="first.log")
        try:
            wait_for(
                lambda: all(any(r.path.startswith("/news/") for r in s.requests) for s in served),
                "the worker to crawl all 50 sources at once",
                timeout=RUN_TIMEOUT,
            )
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()
        hold.set()
        db = tmp_path / "cluster.db"
        writer = start(*writer_args(redis_server, sources, db), cwd=tmp_path, log="writer.log")
        second = start(*worker_args(redis_server, sources), cwd=tmp_path, log="second.log")
        assert f"{count} jobs done, 0 left" in finish(second, tmp_path, "second.log")
        finish(writer, tmp_path, "writer.log")
    urls = [row["url"] for row in db_rows(db, "SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == 2 * count
    assert db_rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    statuses = [row["status"] for row in db_rows(db, "SELECT status FROM crawl_runs")]
    assert sorted(set(statuses)) == ["crashed", "finished"] and statuses.count("finished") == count, statuses
