"""Thousands of sources in one run: what each source costs ``wirecrawl crawl --all`` to start,
to stop and to hold in memory.

Usage: .venv/bin/python -m benchmarks.nsources [--sources 100,400,1000] [--articles 3] [--set NAME=VALUE ...]
       [--profile DIR]

For each N, serves N sites, each on its own loopback address (127.0.10.1, 127.0.10.2, ...; all
of 127.0.0.0/8 is local on Linux), each a robots.txt allowing all, one RSS feed and
``--articles`` short articles of distinct texts (benchmarks/memory.py's), declares one source per
site and runs ``wirecrawl crawl --all`` of them into a fresh corpus with the project's settings
(a cron run's politeness; ``--set`` overrides). One thread of this process accepts every site's
connections and answers each in a thread of its own (crawler/testing/localsites.py): the limit is
file descriptors, one per site and one per open connection (``ulimit -n``, raised to the hard
limit here). Prints per N, from one run each:

* first request: seconds from the command's start to the first request any site receives;
* ending: seconds from the last request to the command's exit, of which "closing" from the last
  article stored (the corpus is polled; commits come every second) to the exit;
* wall: the whole command;
* peak memory: the crawl process and its workers (PSS, sampled every 0.5 s);
* articles stored (every one, N x ``--articles``, or the run is reported short);
* per source: start-up and ending in ms, memory in MB, over all N sources and, between two
  sizes, the difference per added source (which leaves the fixed costs out).

With ``--profile DIR``, each crawl process runs under cProfile and leaves ``DIR/crawl-N.prof``
(read with ``python -m pstats``; the figures are then cProfile's, slower). The machine's load is printed: compare sizes within one run, not with another run's figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.memory import article
from benchmarks.throughput import ProcessTree, stored_articles
from crawler.config import dump_sources
from crawler.testing.localsites import LocalSites, Page, Site
from crawler.testing.machine_readable import RSS_TYPE, TEXT_TYPE, FeedItem, robots_txt, rss2

#: Sites per third octet: 127.0.10.1-250, 127.0.11.1-250, ...
PER_OCTET = 250


def loopback_host(number: int) -> str:
    """The loopback address of site ``number``."""
    return f"127.0.{10 + number // PER_OCTET}.{1 + number % PER_OCTET}"


def news_site(number: int, articles: int) -> Site:
    """Site ``number``: robots.txt, ``/feed.xml`` and ``articles`` article pages of texts of their own."""
    name = f"site{number}"
    first = number * articles

    def render(addresses: Mapping[str, str]) -> dict[str, Page]:
        base = addresses[name].rstrip("/")
        pages = {f"/a/{n}.html": Page(article(n)) for n in range(first, first + articles)}
        items = [
            FeedItem(base + path, f"Story {path}", f"2026-11-{1 + n % 28:02d}T08:00:00+00:00")
            for n, path in enumerate(pages)
        ]
        pages["/feed.xml"] = Page(rss2(name, base + "/", items), RSS_TYPE)
        pages["/robots.txt"] = Page(robots_txt(), TEXT_TYPE)
        return pages

    return Site(name, render, host=loopback_host(number))


class StoredArticles:
    """Polls the articles stored in a corpus: when their count last changed."""

    def __init__(self, db: Path, interval: float = 0.25) -> None:
        self.db, self.interval = db, interval
        self.last_change, self._count = time.monotonic(), 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _poll(self) -> None:
        while not self._stop.wait(self.interval):
            if (count := stored_articles(self.db)) != self._count:
                self.last_change, self._count = time.monotonic(), count


@dataclass(frozen=True)
class Run:
    """One ``crawl --all`` of N sources."""

    sources: int
    first_request: float  # seconds from the command's start
    ending: float  # seconds from the last request to the exit
    closing: float  # seconds from the last article stored to the exit
    wall: float
    peak_memory: int  # bytes (PSS) of the crawl process and its workers
    articles: int
    requests: int


def crawl_all(count: int, articles: int, overrides: Sequence[str], work: Path, profile: Path | None) -> Run:
    """Serve ``count`` sites and crawl them all once into a fresh corpus."""
    with LocalSites([news_site(n, articles) for n in range(count)]) as served:
        sources = work / "sources.toml"
        table = [{"name": name, "feeds": [served.url(name, "/feed.xml")]} for name in served.addresses]
        sources.write_text(dump_sources(table), encoding="utf-8")
        db = work / "corpus.db"
        command = [sys.executable, "-m", "crawler", "crawl", "--all", "--sources", str(sources), "--db", str(db)]
        if profile is not None:
            command[1:1] = ["-m", "cProfile", "-o", str(profile / f"crawl-{count}.prof")]
        for setting in overrides:
            command += ["-s", setting]
        started = time.monotonic()
        with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as proc:
            tree, stored = ProcessTree(proc.pid), StoredArticles(db)
            _, errors = proc.communicate()
            ended = time.monotonic()
            tree.stop()
            stored.stop()
        if proc.returncode != 0:
            print(f"  crawl exited {proc.returncode}: {errors[-1500:]}")
        arrivals = sorted(request.at for request in served.requests)
    if not arrivals:
        raise SystemExit(f"no site received a request: {errors[-1500:]}")
    return Run(
        count,
        arrivals[0] - started,
        ended - arrivals[-1],
        ended - stored.last_change,
        ended - started,
        tree.peak_rss,
        stored_articles(db),
        len(arrivals),
    )


def report(run: Run, previous: Run | None, articles: int) -> str:
    """One line of figures for ``run``; with ``previous``, the cost of each source added since."""
    n, mb = run.sources, run.peak_memory / 2**20
    short = "" if run.articles == n * articles else f" (SHORT of {n * articles})"
    line = (
        f"{n:6d} sources: first request {run.first_request:6.1f} s, ending {run.ending:6.1f} s "
        f"(closing {run.closing:5.1f} s), wall {run.wall:6.1f} s, peak {mb:6.0f} MB, {run.articles} articles{short}; "
        f"per source: start-up {run.first_request * 1000 / n:5.1f} ms, ending {run.ending * 1000 / n:5.1f} ms "
        f"(closing {run.closing * 1000 / n:5.1f}), {mb / n:5.2f} MB"
    )
    if previous is not None:
        added = n - previous.sources
        line += (
            f"; per added source: start-up {(run.first_request - previous.first_request) * 1000 / added:5.1f} ms, "
            f"ending {(run.ending - previous.ending) * 1000 / added:5.1f} ms "
            f"(closing {(run.closing - previous.closing) * 1000 / added:5.1f}), "
            f"{(run.peak_memory - previous.peak_memory) / 2**20 / added:5.2f} MB"
        )
    return line + f" (load {os.getloadavg()[0]:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", default="100,400,1000", help="comma-separated numbers of sources, one run each")
    parser.add_argument("--articles", type=int, default=3, help="articles per source")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a setting for the crawl")
    parser.add_argument("--profile", type=Path, metavar="DIR", help="profile each crawl with cProfile into DIR")
    options = parser.parse_args()
    sizes = [int(n) for n in options.sources.split(",")]
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the crawl inherits it too
    if max(sizes) * 2 + 100 > hard:
        print(f"warning: {hard} file descriptors may not do for {max(sizes)} sites and their connections")
    print(
        f"wirecrawl crawl --all, {options.articles} articles per source, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f}, settings: {' '.join(options.set) or 'the defaults'}"
    )
    previous = None
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="wirecrawl-nsources-") as tmp:
            run = crawl_all(count, options.articles, options.set, Path(tmp), options.profile)
        print(report(run, previous, options.articles), flush=True)
        previous = run


if __name__ == "__main__":
    main()
