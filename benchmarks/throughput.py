"""Crawl throughput against the machine's extraction limit, and against trafilatura's own crawler.

Usage: .venv/bin/python -m benchmarks.throughput [--pages 1000] [--rounds 3]

Serves ``--pages`` generated news pages (50-150 KB, four templates, six languages; see
newspages.py) on 127.0.0.1 and measures, in one run:

(a) the extraction limit: pages per second of the CPU stages alone (decode, parse and
    extract, cleaning rules, language, text hash and MinHash) over the same pages, in a
    process pool using every core;
(b) the end-to-end rate of ``wirecrawl crawl`` with the default pipeline, politeness off for
    loopback (no delays, no AutoThrottle, 32 requests at once; robots.txt still read);
(c) (b) / (a);
and trafilatura's own ``trafilatura --feed URL --with-metadata`` on the same feed (``--parallel``
1 and 4; see trafilatura_feed.py for how it crawls). Crawl rates count articles over the time from the first article request the
server received to the end of the command, so the interpreter's start-up is left out for
both crawlers (the workers' start and the last pages' drain are in); "steady" is the rate of
article requests between the 10% and the 90% ones, and so is the CPU per page of the crawl process and
of its workers, start-up left out (over the whole command too). Also: the crawl's peak memory (crawl process and its workers, PSS) and
the median time per page of each CPU stage on one core. Each crawl runs ``--rounds`` times;
medians are printed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.newspages import NewsPage, benchmark_site, news_pages
from benchmarks.trafilatura_feed import extracted_documents, trafilatura_command
from crawler.config import dump_sources
from crawler.process.cpu_pool import default_workers
from crawler.setting_checks import project_settings
from crawler.testing.localsites import LocalSites
from pipelines.core import CoreOptions, FetchedPage, extract_page, finish_text, language_hints

#: Politeness off for a server on loopback (robots.txt is still fetched and obeyed).
LOOPBACK_SETTINGS = (
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=32",
    "CONCURRENT_REQUESTS_PER_DOMAIN=32",
    "LOG_LEVEL=WARNING",
)
CONTENT_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class CpuStages:
    """The pipeline's CPU work on one page: the core's two halves, configured as the crawl configures them."""

    options: CoreOptions

    @classmethod
    def default(cls) -> CpuStages:
        settings = project_settings()
        return cls(CoreOptions.from_settings(settings))

    def timed(self, body: bytes, url: str) -> dict[str, float]:
        """Run both halves on the page (as the crawl's two worker calls); seconds spent in each."""
        page = FetchedPage(url, body, {"Content-Type": CONTENT_TYPE})
        start = time.perf_counter()
        found = extract_page(page, self.options)
        middle = time.perf_counter()
        finish_text(
            found.text.split("\n\n"),
            found.title,
            language_hints(page.hints, page.headers, found.page_language),
            self.options,
        )
        return {"decode+parse+extract": middle - start, "clean+language+fingerprint": time.perf_counter() - middle}


_stages: CpuStages | None = None


def _run_stages(page: tuple[bytes, str]) -> float:
    global _stages
    _stages = _stages or CpuStages.default()
    return sum(_stages.timed(*page).values())


def extraction_limit(pages: list[tuple[bytes, str]], workers: int) -> float:
    """Pages per second of the CPU stages over ``pages`` in a pool of ``workers`` processes."""
    with multiprocessing.get_context("forkserver").Pool(workers) as pool:
        pool.map(_run_stages, pages[: workers * 2])  # start-up and imports, not measured
        start = time.perf_counter()
        pool.map(_run_stages, pages, chunksize=4)
        return len(pages) / (time.perf_counter() - start)


def stage_medians(pages: list[tuple[bytes, str]]) -> dict[str, float]:
    """Median seconds per page of each CPU stage, in this process."""
    stages = CpuStages.default()
    timings = [stages.timed(*page) for page in pages]
    return {name: statistics.median(t[name] for t in timings) for name in timings[0]}


class ProcessTree:
    """A process and its descendants, sampled every ``interval`` seconds (Linux /proc): their
    memory (proportional set size: pages the workers share with the fork server count once),
    now and at its peak, and the CPU seconds of the root and of the rest (its workers)."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid, self.interval = pid, interval
        self.peak_rss = self.root_rss = self.descendants_rss = 0
        self.history: list[tuple[float, float, float]] = []  # (time.monotonic(), root CPU, descendants' CPU)
        self._cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop sampling (call once the root process has ended)."""
        self._stop.set()
        self._thread.join()

    @property
    def root_cpu(self) -> float:
        return self._cpu.get(self.pid, 0.0)

    @property
    def descendants_cpu(self) -> float:
        return sum(seconds for pid, seconds in self._cpu.items() if pid != self.pid)

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            processes = _processes()
            tree, grew = {self.pid}, True
            while grew:
                more = {pid for pid, (parent, _) in processes.items() if parent in tree} - tree
                tree |= more
                grew = bool(more)
            self.root_rss = proportional_memory(self.pid)
            self.descendants_rss = sum(proportional_memory(pid) for pid in tree - {self.pid})
            self.peak_rss = max(self.peak_rss, self.root_rss + self.descendants_rss)
            for pid in tree & processes.keys():
                self._cpu[pid] = processes[pid][1]
            self.history.append((time.monotonic(), self.root_cpu, self.descendants_cpu))

    def cpu_between(self, start: float, end: float) -> tuple[float, float, float]:
        """(seconds, root CPU, descendants' CPU) between the samples nearest to ``start`` and ``end``."""
        first = min(self.history, key=lambda sample: abs(sample[0] - start))
        last = min(self.history, key=lambda sample: abs(sample[0] - end))
        return last[0] - first[0], last[1] - first[1], last[2] - first[2]


def proportional_memory(pid: int) -> int:
    """Bytes of memory of process ``pid``, shared pages divided among their sharers (PSS); 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _processes() -> dict[int, tuple[int, float]]:
    """Every process: (parent pid, CPU seconds so far)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            found[int(stat.parent.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / ticks)
        except (OSError, IndexError, ValueError):
            continue
    return found


@dataclass(frozen=True)
class CrawlRun:
    """One crawl of the served pages."""

    articles: int
    seconds: float  # first article request to the end of the command
    steady: float  # pages per second between the 10% and the 90% article requests
    peak_rss: int  # bytes (PSS), the crawl process and its workers together
    main_cpu: float  # CPU seconds of the crawl process
    workers_cpu: float  # CPU seconds of its descendants (worker processes)
    steady_main_cpu: float  # CPU seconds of the crawl process per page requested, 10%-90% of the pages
    steady_workers_cpu: float  # the same for its workers
    server_cpu: float  # CPU seconds of this process meanwhile: the test server (and the sampling)


def timed_crawl(
    served: LocalSites, site: str, command: list[str], count: Callable[[], int], env: dict[str, str] | None = None
) -> CrawlRun:
    """Run ``command``, timing it from the first article request ``site`` received."""
    served.clear_requests()
    before = resource.getrusage(resource.RUSAGE_SELF)
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env) as proc:
        tree = ProcessTree(proc.pid)
        _, errors = proc.communicate()
        ended = time.monotonic()
        tree.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited {proc.returncode}: {errors[-2000:]}")
    requested = sorted(r.at for r in served.requests if r.site == site and r.path.endswith(".html"))
    first, low, high = requested[0], len(requested) // 10, len(requested) * 9 // 10
    steady = (high - low) / (requested[high] - requested[low])
    seconds, main_cpu, workers_cpu = tree.cpu_between(requested[low], requested[high])
    pages = max(1.0, seconds * steady)  # pages requested between those two samples
    after = resource.getrusage(resource.RUSAGE_SELF)
    server = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return CrawlRun(
        count(),
        ended - first,
        steady,
        tree.peak_rss,
        tree.root_cpu,
        tree.descendants_cpu,
        main_cpu / pages,
        workers_cpu / pages,
        server,
    )


def crawl_command(sources: Path, db: Path) -> list[str]:
    """``wirecrawl crawl --all`` of ``sources`` into ``db``, politeness off for loopback."""
    command = [sys.executable, "-m", "crawler", "crawl", "--all", "--sources", str(sources), "--db", str(db)]
    for setting in LOOPBACK_SETTINGS:
        command += ["-s", setting]
    return command


def stored_articles(db: Path) -> int:
    """Articles committed to the corpus so far (0 before it exists)."""
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def wirecrawl_crawl(served: LocalSites, site: str, work: Path, round_: int) -> CrawlRun:
    """``wirecrawl crawl`` of the site's feed into a fresh corpus."""
    sources = work / "sources.toml"
    sources.write_text(dump_sources([{"name": site, "feeds": [served.url(site, "/feed.xml")]}]), encoding="utf-8")
    db = work / f"throughput-{round_}.db"
    return timed_crawl(served, site, crawl_command(sources, db), lambda: stored_articles(db))


def trafilatura_crawl(served: LocalSites, site: str, work: Path, parallel: int) -> CrawlRun:
    """``trafilatura --feed --with-metadata`` of the site's feed (links to ``news0.localhost``)."""
    feed = f"http://news0.localhost:{urlsplit(served.url(site)).port}/feed.xml"
    command, env = trafilatura_command(feed, parallel, work, ("--with-metadata",))
    return timed_crawl(served, site, command, lambda: extracted_documents(work), env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="article pages served")
    parser.add_argument("--rounds", type=int, default=3, help="crawls of each kind (medians printed)")
    parser.add_argument("--sample", type=int, default=200, help="pages timed stage by stage on one core")
    args = parser.parse_args()
    cores = default_workers()
    generated: list[NewsPage] = news_pages(args.pages)
    sizes = sorted(len(page.html.encode()) for page in generated)
    print(
        f"{len(generated)} pages, {sizes[0] // 1000}-{sizes[-1] // 1000} KB (median {statistics.median(sizes) / 1000:.0f} KB), "
        f"{cores} cores"
    )

    with LocalSites(
        [benchmark_site(generated, "news"), benchmark_site(generated, "tnews", ["news0.localhost"])]
    ) as served:
        pages = [(page.html.encode(), served.url("news", page.path)) for page in generated]
        medians = stage_medians(pages[: args.sample])
        print(f"CPU stages, median per page on one core ({args.sample} pages):")
        for name, seconds in medians.items():
            print(f"  {name:<28} {seconds * 1000:6.2f} ms")
        print(
            f"  {'all':<28} {sum(medians.values()) * 1000:6.2f} ms -> {1 / sum(medians.values()):.0f} pages/s per core"
        )
        limit = extraction_limit(pages, cores)
        print(f"(a) extraction limit, {cores} processes: {limit:.1f} pages/s")

        with tempfile.TemporaryDirectory(prefix="wirecrawl-throughput-") as tmp:
            runs = [wirecrawl_crawl(served, "news", Path(tmp), n) for n in range(args.rounds)]
        rates = [run.articles / run.seconds for run in runs]
        rate, steady = statistics.median(rates), statistics.median(run.steady for run in runs)
        print(
            f"(b) wirecrawl crawl: {statistics.median(run.articles for run in runs)} articles, "
            f"{rate:.1f} pages/s over the run (runs: {', '.join(f'{r:.1f}' for r in rates)}), "
            f"{steady:.1f} pages/s steady (10%-90% of the pages), "
            f"peak memory {statistics.median(run.peak_rss for run in runs) / 2**20:.0f} MB (crawl + workers, PSS)"
        )
        print(
            f"    CPU per page: crawl process {statistics.median(r.main_cpu / r.articles for r in runs) * 1000:.1f} ms, "
            f"workers {statistics.median(r.workers_cpu / r.articles for r in runs) * 1000:.1f} ms, "
            f"test server {statistics.median(r.server_cpu / r.articles for r in runs) * 1000:.1f} ms "
            f"(start-up included: ~1.5 s of the crawl process, ~1.5 s of the workers)"
        )
        print(
            f"    CPU per page, steady (10%-90% of the pages): crawl process "
            f"{statistics.median(r.steady_main_cpu for r in runs) * 1000:.1f} ms, "
            f"workers {statistics.median(r.steady_workers_cpu for r in runs) * 1000:.1f} ms"
        )
        print(f"(c) end-to-end / extraction limit: {rate / limit:.2f} over the run, {steady / limit:.2f} steady")

        for parallel in (1, 4):
            with tempfile.TemporaryDirectory(prefix="trafilatura-throughput-") as tmp:
                run = trafilatura_crawl(served, "tnews", Path(tmp), parallel)
            print(
                f"trafilatura --feed --with-metadata --parallel {parallel}: {run.articles} pages, "
                f"{run.articles / run.seconds:.1f} pages/s over the run, {run.steady:.1f} steady, peak memory "
                f"{run.peak_rss / 2**20:.0f} MB -> wirecrawl {rate * run.seconds / run.articles:.2f}x as fast"
            )


if __name__ == "__main__":
    main()
