"""Scaling out: pages per second with 1, 2 and 4 workers, and the writer's headroom.

Usage: .venv/bin/python -m benchmarks.scaleout [--hosts 8] [--pages 25] [--latency 0.2] [--workers 1,2,4]

Serves ``--hosts`` sites, one source each, on their own loopback addresses (127.0.1.1, ...),
``--pages`` generated news pages each (see newspages.py), every response answered after
``--latency`` seconds (as a distant server would). Starts its own redis-server (Debian's
package) in a temporary directory. For each worker count, on a new Redis and corpus:

(a) the crawl: ``wirecrawl enqueue --all``, then that many ``wirecrawl worker --drain`` at once;
    pages per second = articles handed to the writer / seconds from the enqueue to the last
    worker's exit (each job's crawl process start-up included: it is part of the cost);
(b) the writer alone on what (a) left in the items stream (``run_writer`` in this process, so
    the interpreter's start-up is left out): articles stored per second;
(c) the headroom: (b) / (a), how many times the arrival rate the one writer can store.

Politeness as a polite crawler on the internet: no AutoThrottle, 2 requests at once per host,
no delay (the latency paces each host); the CPU stages in each crawl's process
(PIPELINE_WORKERS=0: with this latency the CPU is not the limit). One run per count: the
figures vary with the machine's load, which is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from benchmarks.newspages import benchmark_site, news_pages
from crawler.config import dump_sources
from crawler.run.runner import crawl_settings
from crawler.testing.localsites import LocalSites, Site
from crawler.testing.redis_server import start_redis
from pipelines.cluster.writer import run_writer
from storage.corpus import Corpus
from storage.redis_state import Cluster

SETTINGS = (
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    "PIPELINE_WORKERS=0",
    "CLUSTER_HEARTBEAT_SECONDS=0.5",
)


def delayed(site: Site, latency: float) -> Site:
    """``site`` with every response answered after ``latency`` seconds."""

    def render(addresses):  # type: ignore[no-untyped-def]
        pages = site.render(addresses)
        for page in pages.values():
            page.delay = latency
        return pages

    return Site(site.name, render)


@contextlib.contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """The URL of a redis-server of our own (crawler/testing/redis_server.py, the tests' own), stopped at the end."""
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")
    server = start_redis(binary, directory)
    try:
        yield server.url
    finally:
        server.stop()


def wirecrawl(*args: object, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *map(str, args)], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL
    )


def one_round(workers: int, sources: Path, expected: int, work: Path) -> tuple[float, float]:
    """(pages per second of ``workers`` workers, articles per second of the writer alone)."""
    with redis_server(work) as url:
        started = time.monotonic()
        enqueue = wirecrawl("enqueue", "--redis", url, "--sources", sources, "--all", cwd=work)
        assert enqueue.wait(timeout=60) == 0
        overrides = [arg for setting in SETTINGS for arg in ("-s", setting)]
        running = [
            wirecrawl("worker", "--redis", url, "--sources", sources, "--drain", *overrides, cwd=work)
            for _ in range(workers)
        ]
        for process in running:
            assert process.wait(timeout=1800) == 0
        crawl_seconds = time.monotonic() - started
        cluster = Cluster.connect(url, 10.0)
        db = work / "corpus.db"
        corpus = Corpus(db)
        settings = crawl_settings(sources, db)
        started = time.monotonic()
        counts = run_writer(cluster, corpus, settings, drain=True, stopping=lambda: False)
        write_seconds = time.monotonic() - started
        corpus.close()
        cluster.close()
    stored = counts.get("wirecrawl/stored")
    if stored != expected:
        print(f"  (stored {stored} of {expected} articles)")
    return stored / crawl_seconds, stored / write_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--pages", type=int, default=25, help="articles per host")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds before each response")
    parser.add_argument("--workers", default="1,2,4")
    options = parser.parse_args()
    pages = news_pages(options.hosts * options.pages)
    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        served = []
        for host in range(options.hosts):
            share = pages[host * options.pages : (host + 1) * options.pages]
            site = delayed(benchmark_site(share, name=f"host{host}"), options.latency)
            served.append(stack.enter_context(LocalSites([site], host=f"127.0.1.{host + 1}")))
        table = [{"name": name, "feeds": [s.url(name, "/feed.xml")]} for s in served for name in s.addresses]
        sources = Path(tmp) / "sources.toml"
        sources.write_text(dump_sources(table), encoding="utf-8")
        print(
            f"{options.hosts} hosts x {options.pages} articles, {options.latency * 1000:.0f} ms per response, "
            f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
        )
        for count in (int(n) for n in options.workers.split(",")):
            work = Path(tmp) / f"workers-{count}"
            work.mkdir()
            crawl_rate, write_rate = one_round(count, sources, len(pages), work)
            print(
                f"{count} worker{'s' if count > 1 else ' '}: {crawl_rate:6.1f} pages/s; writer alone "
                f"{write_rate:6.1f} articles/s, headroom {write_rate / crawl_rate:5.1f}x "
                f"(load {os.getloadavg()[0]:.1f})"
            )


if __name__ == "__main__":
    main()
