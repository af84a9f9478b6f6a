"""Scaling out: the worker's loop, which takes jobs from Redis and crawls each in a child process.

The loop itself runs no reactor and no crawl: it takes a job (``XREADGROUP``, or
``XAUTOCLAIM`` for a dead worker's), leases the source's hosts, starts one child process
(:mod:`crawler.cluster.job`) that crawls the source, and while the child runs renews the
leases, keeps the job its own and says it is alive. The job is acknowledged when the
child ends on its own with status 0; a child killed or failing leaves the job pending,
to be crawled again (stored articles are not fetched again).
"""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from crawler.config import Source
from storage.redis_state import Cluster, Job, worker_name

__all__ = ["WorkerReport", "run_worker", "source_hosts"]

logger = logging.getLogger(__name__)


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
class _Worker:
    cluster: Cluster
    sources_file: Path
    sources: Mapping[str, Source]
    overrides: Mapping[str, Any]
    settings: BaseSettings
    stopping: Callable[[], bool]
    name: str = field(default_factory=worker_name)
    report: WorkerReport = field(default_factory=WorkerReport)

    def __post_init__(self) -> None:
        self.beat = self.settings.getfloat("CLUSTER_HEARTBEAT_SECONDS")
        self.lease = self.settings.getfloat("CLUSTER_LEASE_SECONDS")
        self.idle = self.settings.getfloat("CLUSTER_JOB_IDLE_SECONDS")
        self.delay = self.settings.getfloat("DOWNLOAD_DELAY")
        self.attempts = self.settings.getint("CLUSTER_JOB_ATTEMPTS")
        self.started = time.time()

    def alive(self, job: Job | None = None, state: str = "idle") -> None:
        doing = {"source": job.source, "job": job.id, "state": state} if job else {"state": state}
        self.cluster.heartbeat(
            "worker:" + self.name, {**doing, "since": self.started, "done": len(self.report.done)}, 3 * self.beat
        )

    def run(self, drain: bool) -> WorkerReport:
        try:
            while not self.stopping():
                self.alive()
                job = self.cluster.take_job(self.name, self.idle, self.beat)
                if job is not None:
                    self.handle(job)
                elif drain and not self.cluster.jobs_left(self.name):
                    break
        finally:
            self.cluster.leave(self.name)
        return self.report

    def handle(self, job: Job) -> None:
        source = self.sources.get(job.source)
        if source is None:
            logger.warning("job %s: no source named %r in %s; dropped", job.id, job.source, self.sources_file)
            self.cluster.finish_job(job)
            return
        if job.deliveries > 1:  # the worker that ran it before is gone, or its crawl failed: that run ended
            self.cluster.publish("run_end", {"run": _run_name(job, job.deliveries - 1), "status": "crashed"})
        if job.deliveries > self.attempts:
            logger.error("job %s (%s): given up after %d attempts", job.id, job.source, self.attempts)
            self.cluster.finish_job(job)
            self.report.left.append(job.source)
            return
        hosts = source_hosts(source)
        while not self.cluster.take_leases(hosts, self.name, self.lease):
            if self.stopping() or not self.cluster.hold_job(job, self.name):
                self.report.left.append(job.source)
                return
            self.alive(job, "waiting for its hosts")
            time.sleep(self.beat)
        try:
            finished = self.crawl(job, hosts)
        finally:
            # Held for one more DOWNLOAD_DELAY: the next worker's first request to a host
            # comes no sooner after this crawl's last one than the crawl's own requests did.
            self.cluster.release_leases(hosts, self.name, after=self.delay)
        if finished:
            self.cluster.finish_job(job)
            self.report.done.append(job.source)
        else:
            self.report.left.append(job.source)

    def crawl(self, job: Job, hosts: set[str]) -> bool:
        """Crawl the job's source in a child process; whether it finished as this worker's job."""
        overrides = {
            **self.overrides,
            "CLUSTER_REDIS_URL": self.cluster.url,
            "CLUSTER_JOB": _run_name(job, job.deliveries),
        }
        command = [
            sys.executable,
            "-m",
            "crawler.cluster.job",
            str(self.sources_file),
            job.source,
            json.dumps(overrides),
        ]
        # The child reads its stdin to its end: when this process dies, the pipe closes and the child ends.
        child = subprocess.Popen(command, stdin=subprocess.PIPE)
        own, asked_to_stop = True, False
        try:
            while True:
                try:
                    status = child.wait(timeout=self.beat)
                    break
                except subprocess.TimeoutExpired:
                    pass
                if self.stopping() and not asked_to_stop:
                    child.send_signal(signal.SIGTERM)  # Scrapy's graceful stop: the pages in flight finish
                    asked_to_stop = True
                if not self.cluster.hold_job(job, self.name):
                    logger.warning("job %s (%s) was taken over by another worker: stopping", job.id, job.source)
                    own = False
                    child.terminate()
                if not self.cluster.take_leases(hosts, self.name, self.lease):
                    logger.warning("job %s (%s): another worker holds one of its hosts", job.id, job.source)
                self.alive(job, "crawling")
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            if child.stdin is not None:
                child.stdin.close()
        return own and status == 0  # a child stopped by SIGTERM exits 1 (interrupted)


def run_worker(
    cluster: Cluster,
    sources_file: Path,
    sources: Mapping[str, Source],
    overrides: Mapping[str, Any],
    settings: BaseSettings,
    drain: bool,
    stopping: Callable[[], bool],
) -> WorkerReport:
    """Take jobs and crawl them until ``stopping()``, or with ``drain`` until no job is left that this
    worker could take. ``overrides`` (``-s``) go to every crawl. Settings: ``CLUSTER_HEARTBEAT_SECONDS``,
    ``CLUSTER_LEASE_SECONDS``, ``CLUSTER_JOB_IDLE_SECONDS``."""
    return _Worker(cluster, sources_file, sources, overrides, settings, stopping).run(drain)
