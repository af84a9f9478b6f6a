"""Worker processes for the pipeline's CPU stages, so the reactor only waits on them.

Parsing and extraction, cleaning rules, language detection and fingerprints take
milliseconds of CPU per page; in the reactor thread they would keep one core busy and stall
every download meanwhile. A stage hands such work to :class:`WorkerPool` and awaits the
answer; the reactor goes on downloading, and all cores extract. A stage passes the
configured object whose method does the work (an extractor, a detector): the call pickles
it, so each crawler's own settings apply even when crawlers share the pool.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from scrapy.crawler import Crawler

from crawler.fork_server import fork_server_context, start_worker
from crawler.shared_corpus import SharedByCrawlers

__all__ = ["WorkerCrashed", "WorkerPool", "default_workers", "pool_for"]

logger = logging.getLogger(__name__)
T = TypeVar("T")


class WorkerCrashed(Exception):
    """A call killed its worker process twice (a page that crashes the parser)."""


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class WorkerPool:
    """``workers`` processes running calls handed over by :meth:`run`; 0 runs them in the calling thread.

    At most ``max_pending`` calls are in flight at once; further callers wait their turn, so
    pages queued for the workers stay bounded however fast they are downloaded. A worker that
    dies (a page crashing the parser) is replaced; the calls it took down are tried once more.
    The processes start in a thread of their own: the crawl sends its first requests meanwhile,
    and the first call waits until they are up.
    """

    def __init__(self, workers: int, max_pending: int = 0) -> None:
        self.workers = workers
        self.max_pending = max_pending or 4 * max(1, workers)
        self._started: Future[None] = Future()
        self._starter: threading.Thread | None = None
        self._executor: ProcessPoolExecutor | None = self._start() if workers > 0 else None
        self._slots: asyncio.Semaphore | None = None

    def _start(self) -> ProcessPoolExecutor:
        # A fork server, not fork: the crawler process has threads (DNS, SQLite, logging).
        executor = ProcessPoolExecutor(
            self.workers, mp_context=fork_server_context(), initializer=start_worker, initargs=(os.getpid(),)
        )
        self._started = Future()
        self._starter = threading.Thread(
            target=self._spawn, args=(executor, self._started), name="start-workers", daemon=True
        )
        self._starter.start()
        return executor

    def _spawn(self, executor: ProcessPoolExecutor, started: Future[None]) -> None:
        """Start the executor's processes (each submit forks one, once the fork server has loaded the stages)."""
        try:
            for _ in range(self.workers):
                executor.submit(int)
        except BaseException as error:  # a broken or closed pool: the first call finds out
            started.set_exception(error)
        else:
            started.set_result(None)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker process, awaited without blocking the event loop."""
        if self._executor is None:
            return function(*args)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_pending)
        async with self._slots:
            try:
                return await self._submit(function, args)
            except BrokenProcessPool:
                pass  # its worker died, maybe for another call's page: once more on new workers
            try:
                return await self._submit(function, args)
            except BrokenProcessPool:
                raise WorkerCrashed(f"{getattr(function, '__qualname__', function)} crashed a worker twice") from None

    async def _submit(self, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        executor = self._executor
        assert executor is not None
        try:
            if not self._started.done():
                await asyncio.wrap_future(self._started)
            self._started.result()  # raises what stopped the processes from starting
            return await asyncio.wrap_future(executor.submit(function, *args))
        except BrokenProcessPool:
            self._replace(executor)
            raise

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is broken:
            logger.warning("a worker process died; starting new workers")
            broken.shutdown(wait=False, cancel_futures=True)
            self._executor = self._start()

    def close(self) -> None:
        """Stop the worker processes (after the calls in flight)."""
        if self._starter is not None:
            self._starter.join()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _start_pool(crawler: Crawler) -> WorkerPool:
    workers = crawler.settings.get("PIPELINE_WORKERS")
    return WorkerPool(
        default_workers() if workers in (None, "") else int(workers),
        crawler.settings.getint("PIPELINE_MAX_PENDING"),
    )


#: The process's worker pool, started by the first crawler that asks, closed after the last.
#: Sized by ``PIPELINE_WORKERS`` (default: one per core; 0 runs the stages in the reactor
#: thread) and ``PIPELINE_MAX_PENDING`` (default: 4 calls per worker).
pool_for: SharedByCrawlers[WorkerPool] = SharedByCrawlers(_start_pool, close=WorkerPool.close)
