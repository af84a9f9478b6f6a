"""Scaling out: workers and one writer around a real Redis, crawling sites on several loopback hosts."""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sites
from conftest import FAST_SETTINGS, RedisServer, cli_env, crawl_args, db_rows, describe, run_cli, write_sources

from crawler.cli.demo.localsites import LocalSites, Page, ServedRequest, Site

#: The sites of the cluster, by loopback host: a host serving two sites is leased for both sources.
HOSTS = {
    "127.0.0.2": ("rss2", "wire_a"),
    "127.0.0.3": ("rdf", "wire_b"),
    "127.0.0.4": ("listing",),
    "127.0.0.5": ("sitemap", "smindex"),
}
#: Short heartbeats and timeouts, so a dead worker's job is claimed within seconds.
CLUSTER_SETTINGS = (
    "CLUSTER_HEARTBEAT_SECONDS=0.3",
    "CLUSTER_LEASE_SECONDS=2",
    "CLUSTER_JOB_IDLE_SECONDS=3",
)
WORKER_SETTINGS = (*FAST_SETTINGS, "PIPELINE_WORKERS=0", *CLUSTER_SETTINGS)
RUN_TIMEOUT = 120


def _with_validators(spec: sites.SourceSite) -> Site:
    """The site, its feeds and sitemaps sent with an ETag (so a second run gets 304s)."""

    def render(addresses: dict[str, str]) -> dict[str, Page]:
        pages = spec.pages(addresses[spec.name].rstrip("/"))
        return {
            path: dataclasses.replace(page, etag=f'"{spec.name}{path}"') if path in spec.discovery else page
            for path, page in pages.items()
        }

    return Site(spec.name, render)


@dataclasses.dataclass
class Cluster:
    """The served sites and the sources file that declares them."""

    served: list[LocalSites]
    sources: Path

    def clear(self) -> None:
        for served in self.served:
            served.clear_requests()

    def requests(self) -> list[ServedRequest]:
        return [request for served in self.served for request in served.requests]

    def article_requests(self) -> list[tuple[str, str]]:
        """(site, path) of every article page requested."""
        articles = {(name, path) for name, spec in sites.NETWORK.items() for path in spec.stored}
        return [(r.site, r.path) for r in self.requests() if (r.site, r.path) in articles]


@pytest.fixture(scope="module")
def cluster_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    directory = tmp_path_factory.mktemp("cluster-sites")
    with contextlib.ExitStack() as stack:
        served = [
            stack.enter_context(LocalSites([_with_validators(sites.NETWORK[name]) for name in names], host=host))
            for host, names in HOSTS.items()
        ]
        addresses = {name: s.url(name) for s in served for name in s.addresses}
        table = [sites.NETWORK[name].source(addresses) for names in HOSTS.values() for name in names]
        yield Cluster(served, write_sources(directory, table))


def start(*args: object, cwd: Path, log: str) -> subprocess.Popen[bytes]:
    """Start ``python -m crawler ARGS`` in the background, its output in ``cwd/log``."""
    with open(cwd / log, "ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "crawler", *map(str, args)],
            cwd=cwd,
            env=cli_env(),
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


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


def worker_args(redis: RedisServer, sources: Path, *settings: str) -> list[object]:
    return ["worker", "--redis", redis.url, "--sources", sources, "--drain"] + [
        arg for setting in (*WORKER_SETTINGS, *settings) for arg in ("-s", setting)
    ]


def writer_args(redis: RedisServer, sources: Path, db: Path) -> list[object]:
    args: list[object] = ["writer", "--redis", redis.url, "--sources", sources, "--db", db, "--drain"]
    return args + [arg for setting in CLUSTER_SETTINGS for arg in ("-s", setting)]


def enqueue(redis: RedisServer, sources: Path, cwd: Path) -> None:
    result = run_cli("enqueue", "--redis", redis.url, "--sources", sources, "--all", cwd=cwd)
    assert result.returncode == 0, describe(result)


def run_cluster(redis: RedisServer, sources: Path, db: Path, cwd: Path, workers: int = 2) -> None:
    """Queue every source, then run ``workers`` workers and the writer, all with --drain, to the end."""
    enqueue(redis, sources, cwd)
    writer = start(*writer_args(redis, sources, db), cwd=cwd, log="writer.log")
    running = [start(*worker_args(redis, sources), cwd=cwd, log=f"worker{n}.log") for n in range(workers)]
    for n, worker in enumerate(running):
        finish(worker, cwd, f"worker{n}.log")
    finish(writer, cwd, "writer.log")


def stories(db: Path) -> set[frozenset[str]]:
    """The stories of a corpus, each as the set of its articles' URLs."""
    grouped: dict[int, set[str]] = {}
    for row in db_rows(db, "SELECT story_id, url FROM articles"):
        grouped.setdefault(int(row["story_id"]), set()).add(str(row["url"]))
    return {frozenset(urls) for urls in grouped.values()}


def check_corpus(db: Path) -> None:
    """Every fixture article stored exactly once, and the file intact."""
    urls = [row["url"] for row in db_rows(db, "SELECT url FROM articles")]
    assert len(urls) == len(set(urls))
    expected = sum(len(sites.NETWORK[name].stored) for names in HOSTS.values() for name in names)
    assert len(urls) == expected, sorted(urls)
    assert db_rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


def test_two_workers_and_a_writer_store_what_one_process_stores(
    cluster_sites: Cluster, redis_server: RedisServer, tmp_path: Path
) -> None:
    single = run_cli(*crawl_args("--all", sources=cluster_sites.sources, db=tmp_path / "single.db"), cwd=tmp_path)
    assert single.returncode == 0, describe(single)
    cluster_sites.clear()

    db = tmp_path / "cluster.db"
    run_cluster(redis_server, cluster_sites.sources, db, tmp_path)

    check_corpus(db)
    fetched = cluster_sites.article_requests()
    assert len(fetched) == len(set(fetched)), sorted(fetched)  # no article fetched twice
    assert stories(db) == stories(tmp_path / "single.db")
    runs = db_rows(db, "SELECT status, sources FROM crawl_runs")
    assert len(runs) == len(cluster_sites_sources := [n for names in HOSTS.values() for n in names])
    assert {row["status"] for row in runs} == {"finished"}, runs
    assert len(cluster_sites_sources) == len({row["sources"] for row in runs})

    # The second run: nothing fetched again, every feed and sitemap answered 304.
    cluster_sites.clear()
    run_cluster(redis_server, cluster_sites.sources, db, tmp_path, workers=1)
    assert cluster_sites.article_requests() == []
    documents = [r for r in cluster_sites.requests() if r.path.endswith((".xml", ".rdf"))]  # listings are read again
    assert documents and {r.status for r in documents} == {304}, documents
    check_corpus(db)
