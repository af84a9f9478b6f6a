"""Running a crawl of some sources in one process, with progress and a report."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.core.downloader import Downloader
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.ossignal import install_shutdown_handlers
from scrapy.utils.reactor import install_reactor, is_reactor_installed
from twisted.internet import task

from crawler.components.extensions import finish_reason, record_source, run_counts, run_status, same_page_duplicates
from crawler.components.failures import DroppedOnStop, error_rate
from crawler.process.cpu_pool import pool_for
from crawler.process.log_file import check_log_file
from crawler.process.logs import quiet_per_page_noise
from crawler.process.shared_corpus import corpus_for
from crawler.run.window import CrawlWindow, PendingCrawl
from crawler.setting_checks import project_settings
from storage.corpus import Corpus, CorpusError, disk_full
from storage.lock import lock_corpus

__all__ = ["CrawlReport", "Progress", "StoppingProcess", "crawl_locked", "crawl_settings", "run_crawl"]

PROGRESS_INTERVAL = 2.0


@dataclass
class CrawlReport:
    """The outcome of a crawl run: its status, totals and counts per source."""

    run_id: int
    status: str
    elapsed: float
    totals: dict[str, int]
    sources: dict[str, dict[str, int]] = field(default_factory=dict)
    max_error_rate: float = 1.0  # CORPUS_RUNS_MAX_ERROR_RATE

    @property
    def error_rate(self) -> float:
        """Failed pages among all pages tried: errors / (pages answered + failures without an answer)."""
        rate = error_rate(
            self.totals.get("errors", 0), self.totals.get("pages_fetched", 0), self.totals.get("http_errors", 0)
        )
        return rate or 0.0

    @property
    def same_page_duplicates(self) -> int:
        """The run's pages already stored under another URL (not stored again)."""
        return same_page_duplicates(self.totals)

    @property
    def too_many_errors(self) -> bool:
        """Whether the run finished with more errors than ``CORPUS_RUNS_MAX_ERROR_RATE`` allows."""
        return self.status == "finished_with_errors" and self.error_rate > self.max_error_rate


def crawl_settings(
    sources_file: Path,
    corpus: Path,
    overrides: Mapping[str, Any] = {},
    log_level: str | None = None,
    log_file: Path | None = None,
) -> Settings:
    """wirecrawl's Scrapy settings for a run (:func:`~crawler.setting_checks.project_settings`), with
    command-line overrides on top.

    ``log_file`` sends the log there (appended to) instead of stderr.
    """
    run: dict[str, Any] = {"SOURCES_FILE": str(sources_file), "CORPUS_PATH": str(corpus)}
    if log_level:
        run["LOG_LEVEL"] = log_level.upper()
    if log_file:
        check_log_file(log_file)
        run |= {"LOG_FILE": str(log_file), "LOG_FILE_APPEND": True}
    return project_settings({**run, **overrides})


#: ``progress(totals, elapsed seconds, names of the sources still running)``.
Progress = Callable[[dict[str, int], float, list[str]], None]


class StoppingProcess(CrawlerProcess):
    """Scrapy's process with a bounded stop.

    The first SIGINT/SIGTERM stops scheduling, drops the requests queued for download (the
    next run fetches them) and gives the pages in flight ``grace`` seconds to finish before
    the reactor stops; ``stopping`` is told at once how many pages that is. A second signal
    stops the reactor at once; a third ends the process (the reactor is stuck).
    """

    def __init__(self, settings: Settings, stopping: Callable[[int], None] | None, grace: float) -> None:
        super().__init__(settings)
        self._stopping = stopping
        self._grace = grace
        self.interrupted = False  # a signal stopped the run
        # Installed now, not by the first crawler: crawlers are made once the reactor runs.
        if not is_reactor_installed():
            install_reactor(self.settings["TWISTED_REACTOR"], self.settings["ASYNCIO_EVENT_LOOP"])
        self._initialized_reactor = True
        # From now, not only once the reactor runs: a signal while the crawlers are made stops
        # them all as soon as it runs (a KeyboardInterrupt there would skip one source silently).
        install_shutdown_handlers(self._signal_shutdown)

    def _signal_shutdown(self, signum: int, frame: Any) -> None:
        if self.interrupted:  # Scrapy installs this handler again when the reactor starts
            self._signal_kill(signum, frame)
            return
        self.interrupt()

    def interrupt(self) -> None:
        """Stop the run as the first signal does (from a signal handler too)."""
        from twisted.internet import reactor

        self.interrupted = True
        install_shutdown_handlers(self._signal_kill)
        # Nothing else here: the signal handler may interrupt a write in the reactor thread.
        reactor.callFromThread(self._stop_gracefully)

    def _signal_kill(self, signum: int, frame: Any) -> None:
        from twisted.internet import reactor

        install_shutdown_handlers(_exit_now)
        reactor.callFromThread(self._stop_reactor)

    def _stop_gracefully(self) -> None:
        from twisted.internet import reactor

        if self._stopping is not None:
            self._stopping(self.pages_in_flight())
        for crawler in self.crawlers:
            if crawler.engine is not None:
                _drop_queued(crawler.engine.downloader)
        reactor.callLater(self._grace, self._stop_reactor)
        # An engine not started yet (a signal during start-up) cannot be stopped: stop the reactor.
        self._graceful_stop_reactor().addErrback(self._stop_reactor)

    def crawler_with(self, name: str, settings: Settings) -> Crawler:
        """A crawler of the spider ``name`` with settings of its own (a cluster job's run, say)."""
        return Crawler(self.spider_loader.load(name), settings)

    def finish(self) -> None:
        """Stop the reactor: every crawl has ended (the process runs with ``stop_after_crawl=False``)."""
        self._stop_reactor()

    def pages_in_flight(self) -> int:
        """Requests being downloaded and responses being processed, over every crawler."""
        count = 0
        for crawler in self.crawlers:
            if engine := crawler.engine:
                count += sum(len(slot.transferring) for slot in engine.downloader.slots.values())
                if slot := engine.scraper.slot:
                    count += len(slot.active)
        return count


def _drop_queued(downloader: Downloader) -> None:
    """Fail the requests waiting in the downloader's per-site queues (for their polite delay)
    as :class:`DroppedOnStop`, not counted as errors; those waiting at the
    :class:`spiders.backoff.PoliteBackoff` gate are dropped there."""
    for slot in downloader.slots.values():
        while slot.queue:
            request, queued = slot.queue.popleft()
            queued.errback(DroppedOnStop(f"dropped on stopping: {request.url}"))


def _exit_now(signum: int, frame: Any) -> None:
    """A third signal: the reactor did not stop, end the process (the corpus survives a kill)."""
    os._exit(1)


def run_crawl(
    names: Sequence[str | type[Spider]],
    settings: Settings,
    progress: Progress | None = None,
    wait: bool = False,
    waiting: Callable[[str], None] | None = None,
    stopping: Callable[[int], None] | None = None,
) -> CrawlReport:
    """Crawl the named sources (or these spider classes) in one process (the reactor runs once) and record the run.

    The run holds the corpus lock throughout: raises :class:`CorpusLocked` at once when
    another run holds it, or, with ``wait``, calls ``waiting`` with the reason and waits.
    Raises :class:`CorpusError` before any request when the corpus cannot be used as configured.

    ``progress`` is called at the start and every few seconds with the running totals, the
    elapsed seconds and the sources still running; ``stopping``, on SIGINT/SIGTERM, with the
    number of pages in flight that the run finishes before it ends.
    """
    with lock_corpus(Path(settings.get("CORPUS_PATH")), wait, waiting, create=True):
        return crawl_locked(names, settings, progress, stopping)


def crawl_locked(
    names: Sequence[str | type[Spider]],
    settings: Settings,
    progress: Progress | None = None,
    stopping: Callable[[int], None] | None = None,
    stopped_early: Callable[[], bool] = lambda: False,
) -> CrawlReport:
    """:func:`run_crawl` for a caller that holds the corpus lock already; ``stopped_early``
    says whether a stop signal came before this run could handle it (it stops at once)."""
    corpus = Corpus(settings.get("CORPUS_PATH"))
    try:
        corpus.close_crashed_runs()
        run_id = corpus.start_run([name if isinstance(name, str) else name.name for name in names])
    except sqlite3.OperationalError as error:
        corpus.abandon()
        if disk_full(error):
            raise CorpusError(f"disk full: the corpus {corpus.path} cannot record a new run ({error})") from None
        raise CorpusError(f"the corpus {corpus.path} cannot record a new run: {error}") from None
    status = "failed"
    started = time.monotonic()
    summed: dict[str, int] = {}
    per_source: dict[str, dict[str, int]] = {}
    settings.set("CORPUS_RUN_ID", run_id, priority="cmdline")
    process = StoppingProcess(settings, stopping, settings.getfloat("STOP_GRACE_SECONDS"))
    ended: dict[str, tuple[dict[str, int], str]] = {}  # source -> (its counts, its finish reason)
    window = CrawlWindow(
        process, settings.getint("CRAWL_CONCURRENT_SOURCES"), lambda: process.interrupted, idle=process.finish
    )

    def crawl_ended(name: str, crawler: Crawler | None) -> None:
        stats = crawler.stats.get_stats() if crawler is not None and crawler.stats else {}
        ended[name] = (run_counts(stats), finish_reason(str(stats.get("finish_reason", "failed")), stats))

    def totals() -> dict[str, dict[str, int]]:
        running = {name: run_counts(c.stats.get_stats()) for name, c in window.running.items() if c.stats}
        return {**{name: counts for name, (counts, _reason) in ended.items()}, **running}

    corpus_for.keep_open()
    pool_for.keep_open()
    try:
        quiet_per_page_noise()
        for name in names:
            source = name if isinstance(name, str) else name.name
            window.add(PendingCrawl(source, partial(process.create_crawler, name), crawl_ended))
        if stopped_early():  # the crawlers stop as soon as the reactor runs
            process.interrupt()
        if progress is not None:
            ticker = task.LoopingCall(
                lambda: progress(_sum(totals().values()), time.monotonic() - started, list(window.running))
            )
            ticker.start(PROGRESS_INTERVAL, now=True)
        process.start(stop_after_crawl=False)
        per_source = totals()
        summed = _sum(per_source.values())
        reasons = [reason for _counts, reason in ended.values()]
        reasons += ["failed"] * len(window.running)  # never closed, though the reactor stopped
        status = "interrupted" if process.interrupted else run_status(reasons, summed.get("errors", 0))
    finally:
        # A reactor stopped before its crawlers closed leaves the shared corpus and worker pool
        # open: the corpus commits what was stored, and the workers end (else exit waits on them).
        corpus_for.close_all()
        pool_for.close_all()
        if process.interrupted:  # the sources stopped before they closed, or before they started
            for name, crawler in window.running.items():
                stats = crawler.stats.get_stats() if crawler.stats else {}
                record_source(corpus, run_id, name, stats, "shutdown")
            for crawl in window.waiting:
                record_source(corpus, run_id, crawl.name, {}, "shutdown")
        try:
            corpus.finish_run(run_id, status)
            per_source = _copies_by_origin(per_source, corpus.run_copies(run_id))
            summed = _sum(per_source.values())
        except sqlite3.OperationalError as error:  # a full disk: the next run marks it crashed
            logging.getLogger(__name__).error("the end of run %d could not be recorded: %s", run_id, error)
        corpus.close()
    return CrawlReport(
        run_id, status, time.monotonic() - started, summed, per_source, settings.getfloat("CORPUS_RUNS_MAX_ERROR_RATE")
    )


def _copies_by_origin(per_source: dict[str, dict[str, int]], copies: dict[str, int]) -> dict[str, dict[str, int]]:
    """Each source's counts with its copies as the corpus attributes them at the run's end (by the
    story's origin), not as they arrived: a copy stored before its earlier-published original is one."""
    attributed = {}
    for source, counts in per_source.items():
        own = copies.get(source, 0)
        attributed[source] = {**counts, "copies": own, "duplicates": same_page_duplicates(counts) + own}
    return attributed


def _sum(counts: Any) -> dict[str, int]:
    summed: dict[str, int] = {}
    for row in counts:
        for key, value in row.items():
            summed[key] = summed.get(key, 0) + value
    return summed
