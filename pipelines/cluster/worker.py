"""Scaling out: a worker, one long-lived crawl process running many of the cluster's jobs at once.

The reactor thread crawls: each job's source is a crawler of a :class:`~crawler.run.window.CrawlWindow`
(at most ``CLUSTER_WORKER_SOURCES`` at once), with the stages and the CPU pool of ``crawl --all``,
started once; its last stage hands the articles to the writer. A control thread talks to Redis:
it takes jobs (``XREADGROUP``, or a dead worker's), leases their hosts, hands each to the reactor
when its hosts are free, and while they run renews the leases, keeps the jobs its own and says
the worker is alive. A job is acknowledged when its crawl ended by itself; one stopped (SIGTERM,
taken over, Redis lost) stays pending, to be crawled again (stored articles are not fetched again).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.defer import deferred_from_coro

from crawler.components.extensions import finish_reason
from crawler.config import Source
from crawler.process.cpu_pool import pool_for
from crawler.process.fork_server import start_fork_server
from crawler.process.logs import quiet_per_page_noise
from crawler.process.shared_corpus import corpus_for
from crawler.run.runner import StoppingProcess, crawl_settings
from crawler.run.window import CrawlWindow, PendingCrawl
from storage.redis_state import Cluster, Job, RedisError, worker_name

__all__ = ["RETRY_REASONS", "WorkerReport", "run_worker", "source_hosts"]

logger = logging.getLogger(__name__)

#: Close reasons after which the job is crawled again.
RETRY_REASONS = frozenset({"shutdown", "cluster_unreachable"})
#: The priority of a job's own settings (its run's name), above every other.
JOB_PRIORITY = SETTINGS_PRIORITIES["cmdline"] + 10
#: The heartbeat's state of a job whose hosts another worker holds.
WAITING = "waiting for its hosts"


@dataclass
class WorkerReport:
    """What a worker did: the jobs it finished, and those it left for another worker."""

    done: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)


def source_hosts(source: Source) -> set[str]:
    """The hosts a source's crawl starts from (its feeds, sitemaps and listing pages): those it leases."""
    return {(urlsplit(url).hostname or "").lower() for url in (*source.feeds, *source.sitemaps, *source.start_urls)} - {
        ""
    }


def _run_name(job: Job, delivery: int) -> str:
    """The name of the run of a job's ``delivery``-th attempt (the writer's key for its run record)."""
    return f"{job.id}/{delivery}"


@dataclass
class _Held:
    """A job this worker holds: its hosts, and whether its crawl was handed to the reactor."""

    job: Job
    hosts: set[str]
    crawling: bool = False


class _Control:
    """The worker's control thread: jobs, leases and heartbeats in Redis; crawls in the reactor."""

    def __init__(
        self,
        cluster: Cluster,
        sources: Mapping[str, Source],
        process: StoppingProcess,
        window: CrawlWindow,
        drain: bool,
    ) -> None:
        settings = process.settings
        self.cluster, self.sources, self.process, self.window, self.drain = cluster, sources, process, window, drain
        self.beat = settings.getfloat("CLUSTER_HEARTBEAT_SECONDS")
        self.lease = settings.getfloat("CLUSTER_LEASE_SECONDS")
        self.idle = settings.getfloat("CLUSTER_JOB_IDLE_SECONDS")
        self.delay = settings.getfloat("DOWNLOAD_DELAY")
        self.attempts = settings.getint("CLUSTER_JOB_ATTEMPTS")
        self.limit = window.limit
        self.name = worker_name()
        self.started = time.time()
        self.report = WorkerReport()
        self.held: dict[str, _Held] = {}  # by job id
        self.hosts_busy_until: dict[str, float] = {}  # host -> when the crawl of it here leaves it free
        self.ended: queue.Queue[tuple[str, str | None]] = queue.Queue()  # (job id, close reason) from the reactor
        self.reactor_stopped = threading.Event()
        self.error: Exception | None = None  # what ended the thread, raised again by run_worker
        self._next_renewal = 0.0

    def run(self) -> None:
        """The thread's body: take and watch jobs until stopped, or drained; then stop the reactor."""
        from twisted.internet import reactor

        try:
            self._loop()
        except Exception as error:  # Redis failed (or a bug): the worker stops, never hangs without its thread
            self.error = error
            self.cluster.abandon()  # the crawls stop now; what they would still send is dropped
        finally:
            for held in self.held.values():
                self.report.left.append(held.job.source)
            try:
                hosts = {host for held in self.held.values() for host in held.hosts}
                self.cluster.release_leases(hosts, self.name, after=self.delay)
                self.cluster.leave(self.name)
            except RedisError as error:
                self.error = self.error or error
            # Drained, or Redis failed: stop at once (a crawl of a job can hand nothing more over
            # to a Redis that lost it). On SIGTERM the process stops its crawls itself.
            if self.error is not None or not self.process.interrupted:
                reactor.callFromThread(self.process.finish)

    def _loop(self) -> None:
        while not self.reactor_stopped.is_set():
            self._collect_ended(wait=0)
            if self.process.interrupted:  # SIGTERM: the crawls stop; nothing more is taken
                if not self.held:
                    return
                self._renew_if_due()
                self._collect_ended(wait=self.beat)
                continue
            self._renew_if_due()
            if len(self.held) >= self.limit:
                self._collect_ended(wait=self.beat)
                continue
            job = self.cluster.take_job(self.name, self.idle, self.beat / 2 if self.held else self.beat)
            if job is not None:
                self._take(job)
            elif self.drain and not self.held and not self.cluster.jobs_left(self.name):
                return

    def _take(self, job: Job) -> None:
        if job.deliveries > 1:  # the worker that ran it before is gone, or its crawl failed: that run ended
            self.cluster.publish("run_end", {"run": _run_name(job, job.deliveries - 1), "status": "crashed"})
        source = self.sources.get(job.source)
        if source is None:
            logger.warning("job %s: no source named %r in the sources file; dropped", job.id, job.source)
            self.cluster.finish_job(job)
            return
        if job.deliveries > self.attempts:
            logger.error("job %s (%s): given up after %d attempts", job.id, job.source, self.attempts)
            self.cluster.finish_job(job)
            self.report.left.append(job.source)
            return
        held = self.held[job.id] = _Held(job, source_hosts(source))
        self._start_when_free(held)
        self._heartbeat()

    def _start_when_free(self, held: _Held) -> None:
        """Hand the job's crawl to the reactor if its hosts are free here and can be leased (else it waits)."""
        now = time.monotonic()
        if any(self.hosts_busy_until.get(host, 0) > now for host in held.hosts):
            return  # one crawl of a host at a time here too, as across workers
        if not self.cluster.take_leases(held.hosts, self.name, self.lease):
            return
        self.hosts_busy_until.update((host, float("inf")) for host in held.hosts)
        held.crawling = True
        job = held.job
        from twisted.internet import reactor

        reactor.callFromThread(
            self.window.add, PendingCrawl(job.source, lambda: self._crawler(job), lambda _, c: self._ended(job, c))
        )

    def _crawler(self, job: Job) -> Crawler:
        """The job's crawler (in the reactor thread): its run named for the writer."""
        settings = self.process.settings.copy()
        run = _run_name(job, job.deliveries)
        # Above the command line's priority: Scrapy merges the process's settings into a crawler it is given.
        settings.setdict({"CLUSTER_JOB": run, "CORPUS_PATH": run}, priority=JOB_PRIORITY)
        return self.process.crawler_with(job.source, settings)

    def _ended(self, job: Job, crawler: Crawler | None) -> None:
        """A job's crawl ended (in the reactor thread): tell the control thread how."""
        reason = None
        if crawler is not None and crawler.stats is not None:
            stats = crawler.stats.get_stats()
            reason = finish_reason(str(stats.get("finish_reason", "failed")), stats)
        self.ended.put((job.id, reason))

    def _collect_ended(self, wait: float) -> None:
        """Acknowledge the jobs whose crawl ended by itself; leave the others pending."""
        try:
            job_id, reason = self.ended.get(timeout=wait) if wait else self.ended.get_nowait()
        except queue.Empty:
            return
        while True:
            if (held := self.held.pop(job_id, None)) is not None:
                # Held for one more DOWNLOAD_DELAY: the next worker's first request to a host
                # comes no sooner after this crawl's last one than the crawl's own requests did.
                self.cluster.release_leases(held.hosts, self.name, after=self.delay)
                self.hosts_busy_until.update((host, time.monotonic() + self.delay) for host in held.hosts)
                if reason is not None and reason not in RETRY_REASONS:
                    self.cluster.finish_job(held.job)
                    self.report.done.append(held.job.source)
                else:
                    self.report.left.append(held.job.source)
            try:
                job_id, reason = self.ended.get_nowait()
            except queue.Empty:
                break
        for waiting in [held for held in self.held.values() if not held.crawling]:
            self._start_when_free(waiting)

    def _renew_if_due(self) -> None:
        """Every half heartbeat: say the worker is alive, keep its jobs, renew or take their leases
        (one round trip for all of them: a thread that waits for the reactor's GIL after every
        Redis answer would otherwise miss its own heartbeat with hundreds of jobs)."""
        now = time.monotonic()
        if now < self._next_renewal:
            return
        self._next_renewal = now + self.beat / 2
        self._heartbeat()
        held = list(self.held.values())
        renewed = self.cluster.renew_jobs(((h.job, h.hosts if h.crawling else ()) for h in held), self.name, self.lease)
        for entry, (still_held, leased) in zip(held, renewed, strict=True):
            if not still_held:
                logger.warning("job %s (%s) was taken over by another worker: stopping", entry.job.id, entry.job.source)
                del self.held[entry.job.id]
                self.report.left.append(entry.job.source)
                if entry.crawling:
                    from twisted.internet import reactor

                    reactor.callFromThread(self._stop_crawl, entry.job.source)
            elif not entry.crawling:
                self._start_when_free(entry)
            elif not leased:
                logger.warning("job %s (%s): another worker holds one of its hosts", entry.job.id, entry.job.source)

    def _stop_crawl(self, source: str) -> None:
        if (crawler := self.window.running.get(source)) is not None:
            deferred_from_coro(crawler.stop_async())

    def _heartbeat(self) -> None:
        jobs = {held.job.source: "crawling" if held.crawling else WAITING for held in self.held.values()}
        state = "crawling" if "crawling" in jobs.values() else WAITING if jobs else "idle"
        first = next(iter(self.held.values()), None)
        doing = {"source": first.job.source, "job": first.job.id} if first else {}
        self.cluster.heartbeat(
            "worker:" + self.name,
            {**doing, "state": state, "jobs": jobs, "since": self.started, "done": len(self.report.done)},
            3 * self.beat,
        )


def run_worker(
    cluster: Cluster, sources_file: Path, sources: Mapping[str, Source], overrides: Mapping[str, Any], drain: bool
) -> WorkerReport:
    """Take jobs and crawl them until SIGTERM/SIGINT, or with ``drain`` until no job is left anywhere.

    ``overrides`` (``-s``) go to every crawl. Raises :class:`RedisError` when Redis stopped
    answering (the crawls stop; their jobs stay pending). Settings: ``CLUSTER_WORKER_SOURCES``,
    ``CLUSTER_HEARTBEAT_SECONDS``, ``CLUSTER_LEASE_SECONDS``, ``CLUSTER_JOB_IDLE_SECONDS``,
    ``CLUSTER_JOB_ATTEMPTS``.
    """
    start_fork_server(overrides)  # the stages load on another core while Scrapy loads here
    cluster_corpus = {"CORPUS_BACKEND": "storage.redis_state.ClusterCorpus", "CLUSTER_REDIS_URL": cluster.url}
    settings = crawl_settings(sources_file, Path("cluster"), {**overrides, **cluster_corpus})
    process = StoppingProcess(settings, None, settings.getfloat("STOP_GRACE_SECONDS"))
    window = CrawlWindow(process, settings.getint("CLUSTER_WORKER_SOURCES"), lambda: process.interrupted)
    cluster.share_with_crawls()
    control = _Control(cluster, sources, process, window, drain)
    quiet_per_page_noise()
    pool_for.keep_open()  # one CPU pool for every job; each job's view of the corpus is its own
    thread = threading.Thread(target=control.run, name="cluster-control", daemon=True)
    try:
        thread.start()
        process.start(stop_after_crawl=False)
    finally:
        control.reactor_stopped.set()
        thread.join()
        corpus_for.close_all()
        pool_for.close_all()
    if control.error is not None:
        raise control.error
    return control.report
