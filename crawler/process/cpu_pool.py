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
import pickle
import socket
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar, cast

from scrapy.crawler import Crawler

from crawler.process.fork_server import fork_server_context, frame, serve
from crawler.process.shared_corpus import SharedByCrawlers

__all__ = ["WorkerCrashed", "WorkerPool", "default_workers", "pool_for"]

logger = logging.getLogger(__name__)
T = TypeVar("T")

#: Calls a worker holds at once: the one it runs and the next, already in its socket, so it
#: never waits for the event loop between two calls.
CALLS_PER_WORKER = 2
#: Bytes read from a worker's socket at a time.
READ_SIZE = 1 << 18


class WorkerCrashed(Exception):
    """A call killed its worker process twice (a page that crashes the parser)."""


class _PoolProcessLost(Exception):
    """The pool process holding a call died before answering it."""


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class _PoolProcess:
    """One of the pool's processes (a "worker" of ``PIPELINE_WORKERS``, not a cluster worker), the crawl's end of its
    socket, and the calls it holds, oldest first."""

    def __init__(self, process: BaseProcess, connection: socket.socket) -> None:
        self.process = process
        self.connection = connection
        self.calls: deque[asyncio.Future[Any]] = deque()
        self.received = bytearray(READ_SIZE)  # reused: a fresh buffer per read costs an mmap
        self.incoming = bytearray()
        self.outgoing = bytearray()


class WorkerPool:
    """``workers`` processes running calls handed over by :meth:`run`; 0 runs them in the calling thread.

    The event loop feeds the workers itself: each has a socket, written when a call is handed
    over and read when an answer is ready, with no helper threads to take the interpreter's
    lock from the reactor. A call goes to the worker holding the fewest (at most
    :data:`CALLS_PER_WORKER`). At most ``max_pending`` calls are in flight at once; further
    callers wait their turn, so pages queued for the workers stay bounded however fast they
    are downloaded. A worker that dies (a page crashing the parser) is replaced; the calls it
    held are tried once more. The processes start in a thread of their own: the crawl sends
    its first requests meanwhile, and the first call waits until they are up.
    """

    def __init__(self, workers: int, max_pending: int = 0) -> None:
        self.workers = workers
        self.max_pending = max_pending or 4 * max(1, workers)
        self._workers: list[_PoolProcess] = []
        self._started: Future[list[_PoolProcess]] = Future()
        self._starter: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None
        self._waiting: list[asyncio.Future[None]] = []  # callers waiting for a worker with room
        if workers > 0:
            self._starter = threading.Thread(target=self._start, name="start-workers", daemon=True)
            self._starter.start()

    def _start(self) -> None:
        try:
            self._started.set_result([self._spawn() for _ in range(self.workers)])
        except BaseException as error:  # the first call finds out
            self._started.set_exception(error)

    @staticmethod
    def _spawn() -> _PoolProcess:
        """A new worker process (forked from the fork server once it has loaded the stages)."""
        # A fork server, not fork: the crawler process has threads (DNS, SQLite, logging).
        ours, theirs = socket.socketpair()
        with theirs:
            process = fork_server_context().Process(target=serve, args=(theirs, os.getpid()), daemon=True)
            process.start()
        ours.setblocking(False)
        return _PoolProcess(process, ours)

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in a worker process, awaited without blocking the event loop."""
        if self.workers == 0:
            return function(*args)
        await self._attach()
        assert self._slots is not None
        async with self._slots:
            try:
                return cast(T, await self._call(function, args))
            except _PoolProcessLost:
                pass  # its worker died, maybe for another call's page: once more on another worker
            try:
                return cast(T, await self._call(function, args))
            except _PoolProcessLost:
                raise WorkerCrashed(f"{getattr(function, '__qualname__', function)} crashed a worker twice") from None

    async def _attach(self) -> None:
        """Wait for the processes, then read their answers in the running event loop."""
        loop = asyncio.get_running_loop()
        if self._loop is loop:
            return
        if not self._started.done():
            await asyncio.wrap_future(self._started)
        if self._loop is loop:  # attached by another caller meanwhile
            return
        if not self._workers:
            self._workers = self._started.result()  # raises what stopped the processes from starting
        self._detach()
        self._loop, self._slots, self._waiting = loop, asyncio.Semaphore(self.max_pending), []
        for worker in list(self._workers):
            if worker.calls:  # busy with a call of an event loop that is gone: its answer has no taker
                self._lost(worker)
            else:
                loop.add_reader(worker.connection, self._readable, worker)

    def _detach(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            for worker in self._workers:
                self._loop.remove_reader(worker.connection)
                self._loop.remove_writer(worker.connection)
        self._loop = None

    async def _call(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        request = frame((function, args))
        worker = await self._worker_with_room()
        answer: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        worker.calls.append(answer)
        self._send(worker, request)
        return await answer

    async def _worker_with_room(self) -> _PoolProcess:
        while True:
            worker = min(self._workers, key=lambda candidate: len(candidate.calls))
            if len(worker.calls) < CALLS_PER_WORKER:
                return worker
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            await waiter

    def _send(self, worker: _PoolProcess, data: bytes) -> None:
        if not worker.outgoing:
            try:
                data = data[worker.connection.send(data) :]
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:  # the worker is gone: its reader finds out
                return
            if not data:
                return
            assert self._loop is not None
            self._loop.add_writer(worker.connection, self._writable, worker)
        worker.outgoing += data

    def _writable(self, worker: _PoolProcess) -> None:
        try:
            del worker.outgoing[: worker.connection.send(worker.outgoing)]
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            worker.outgoing.clear()
        if not worker.outgoing and self._loop is not None:
            self._loop.remove_writer(worker.connection)

    def _readable(self, worker: _PoolProcess) -> None:
        try:
            received = worker.connection.recv_into(worker.received)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            received = 0
        if not received:
            self._lost(worker)
            return
        worker.incoming += memoryview(worker.received)[:received]
        while len(worker.incoming) >= 8:
            size = int.from_bytes(worker.incoming[:8], "big")
            if len(worker.incoming) < 8 + size:
                break
            try:
                failed, value = pickle.loads(worker.incoming[8 : 8 + size])
            except Exception as error:  # an answer this process cannot rebuild fails its call, not the loop
                failed, value = True, RuntimeError(f"unreadable answer from a worker: {error!r}")
            del worker.incoming[: 8 + size]
            answer = worker.calls.popleft()
            if not answer.done():
                answer.set_exception(value) if failed else answer.set_result(value)
            self._room()

    def _room(self) -> None:
        """Wake the callers waiting for a worker with room."""
        waiting, self._waiting = self._waiting, []
        for waiter in waiting:
            if not waiter.done():
                waiter.set_result(None)

    def _lost(self, worker: _PoolProcess) -> None:
        """A worker died (or holds calls nobody awaits): a new one takes its place; its calls fail over."""
        logger.warning("a worker process died; starting a new one")
        self._forget(worker)
        _stop(worker.process)
        replacement = self._spawn()
        self._workers[self._workers.index(worker)] = replacement
        if self._loop is not None:
            self._loop.add_reader(replacement.connection, self._readable, replacement)
        for answer in worker.calls:
            if not answer.done():
                answer.set_exception(_PoolProcessLost())
        self._room()

    def _forget(self, worker: _PoolProcess) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.remove_reader(worker.connection)
            self._loop.remove_writer(worker.connection)
        worker.connection.close()  # a worker still running reads the end of its calls and exits

    def close(self) -> None:
        """Stop the worker processes (each finishes the call it runs)."""
        if self._starter is not None:
            self._starter.join()
        if not self._workers and self._started.done() and self._started.exception() is None:
            self._workers = self._started.result()
        for worker in self._workers:
            self._forget(worker)
        for worker in self._workers:
            _stop(worker.process)
        self._workers = []
        self._loop = None


def _stop(process: BaseProcess) -> None:
    """Wait for a worker told to stop; kill it if it does not."""
    process.join(timeout=5)
    if process.is_alive():
        process.kill()
        process.join()


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
