"""Scaling out: pages per second of `crawl --all` and of the cluster with 1, 2 and 4 workers, and the writer's headroom.

Usage: .venv/bin/python -m benchmarks.scaleout [--hosts 16,64] [--pages 25] [--latency 0.2] [--workers 1,2,4]

For each count of ``--hosts``: serves that many sites, one source each, on their own loopback
addresses (127.0.1.1, ...), ``--pages`` generated news pages each (see newspages.py), every
response answered after ``--latency`` seconds (as a distant server would). Then, in one run:

(a) ``wirecrawl crawl --all`` in one process on a new corpus: the baseline, pages per second
    from its start to its exit, and its CPU seconds per stored page;
(b) for each worker count, on a new Redis of its own (Debian's redis-server): ``wirecrawl
    enqueue --all``, then that many ``wirecrawl worker --drain`` at once; pages per second =
    articles handed to the writer / seconds from the enqueue to the last worker's exit, and
    the workers' CPU per page (every start-up included: it is part of the cost);
(c) the writer alone on what (b) left in the items stream (``run_writer`` in this process, so
    the interpreter's start-up is left out): articles stored per second, and its headroom:
    how many times what the workers delivered it can store.

Politeness as a polite crawler on the internet: no AutoThrottle, 2 requests at once per host,
no delay (the latency paces each host); the CPU stages in the crawling process
(PIPELINE_WORKERS=0: with this latency the CPU is not the limit). One run per row: the
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


def waited(process: subprocess.Popen[bytes]) -> float:
    """Wait for ``process`` to exit 0; the CPU seconds it and the processes it waited for used."""
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, f"{process.args[3:5]} exited {process.returncode}"
    return usage.ru_utime + usage.ru_stime


def single_process(sources: Path, work: Path) -> tuple[float, float, int]:
    """``crawl --all``: (pages per second, CPU seconds per page, articles stored)."""
    overrides = [arg for setting in SETTINGS for arg in ("-s", setting)]
    started = time.monotonic()
    crawl = wirecrawl("crawl", "--all", "-q", "--sources", sources, "--db", work / "single.db", *overrides, cwd=work)
    cpu = waited(crawl)
    seconds = time.monotonic() - started
    stored = Corpus.read_only(work / "single.db").article_count()
    return stored / seconds, cpu / max(stored, 1), stored


def one_round(workers: int, sources: Path, expected: int, work: Path) -> tuple[float, float, float]:
    """(pages per second of ``workers`` workers, their CPU seconds per page, articles per second of the writer alone)."""
    with redis_server(work) as url:
        started = time.monotonic()
        enqueue = wirecrawl("enqueue", "--redis", url, "--sources", sources, "--all", cwd=work)
        assert enqueue.wait(timeout=60) == 0
        overrides = [arg for setting in SETTINGS for arg in ("-s", setting)]
        running = [
            wirecrawl("worker", "--redis", url, "--sources", sources, "--drain", *overrides, cwd=work)
            for _ in range(workers)
        ]
        cpu = sum(waited(process) for process in running)
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
    return stored / crawl_seconds, cpu / max(stored, 1), stored / write_seconds


def serve_sites(stack: contextlib.ExitStack, hosts: int, per_host: int, latency: float, directory: Path) -> Path:
    """Serve ``hosts`` sites of ``per_host`` articles each on 127.0.1.1, ...; their sources file."""
    pages = news_pages(hosts * per_host)
    served = []
    for host in range(hosts):
        share = pages[host * per_host : (host + 1) * per_host]
        site = delayed(benchmark_site(share, name=f"host{host}"), latency)
        served.append(stack.enter_context(LocalSites([site], host=f"127.0.{1 + host // 250}.{host % 250 + 1}")))
    table = [{"name": name, "feeds": [s.url(name, "/feed.xml")]} for s in served for name in s.addresses]
    sources = directory / "sources.toml"
    sources.write_text(dump_sources(table), encoding="utf-8")
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", default="16,64", help="site counts, one table row group each")
    parser.add_argument("--pages", type=int, default=25, help="articles per host")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds before each response")
    parser.add_argument("--workers", default="1,2,4")
    options = parser.parse_args()
    print(f"{options.pages} articles per host, {options.latency * 1000:.0f} ms per response, {os.cpu_count()} cores")
    print("sites | crawl       | pages/s | x crawl --all | CPU ms/page | writer alone/s | headroom | load")
    for hosts in (int(n) for n in options.hosts.split(",")):
        with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
            sources = serve_sites(stack, hosts, options.pages, options.latency, Path(tmp))
            baseline, cpu, stored = single_process(sources, Path(tmp))
            load = os.getloadavg()[0]
            print(
                f"{hosts:5} | crawl --all | {baseline:7.1f} | {1:13.2f} | {cpu * 1000:11.1f} | {'':14} | {'':8} | {load:.1f}"
            )
            for count in (int(n) for n in options.workers.split(",")):
                work = Path(tmp) / f"workers-{count}"
                work.mkdir()
                rate, cpu, write_rate = one_round(count, sources, stored, work)
                print(
                    f"{hosts:5} | {count} worker{'s' if count > 1 else ' '}   | {rate:7.1f} | {rate / baseline:13.2f} | "
                    f"{cpu * 1000:11.1f} | {write_rate:14.1f} | {write_rate / rate:7.1f}x | "
                    f"{os.getloadavg()[0]:.1f}"
                )


if __name__ == "__main__":
    main()
