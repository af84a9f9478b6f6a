"""The fork server that worker processes are forked from, loaded with the pipeline's stages,
and what a worker does as it starts.

Kept apart from :mod:`crawler.process.cpu_pool` (which needs Scrapy) so that the command line can
start the server before it loads anything heavy itself, and so that a worker never loads
Scrapy: it runs the core's functions only.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import select
import signal
import socket
import threading
import time
from collections.abc import Mapping
from multiprocessing import forkserver
from typing import Any

__all__ = ["PRELOAD", "fork_server_context", "frame", "serve", "start_fork_server", "start_worker"]

#: Imported once by the fork server, so a new worker starts with everything loaded.
PRELOAD = ["pipelines.preload"]


def fork_server_context() -> multiprocessing.context.ForkServerContext:
    """The multiprocessing context whose processes are forked from the preloaded fork server."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_fork_server(overrides: Mapping[str, Any] | None = None) -> None:
    """Start the fork server without waiting for it: it loads the stages (about a second of
    CPU) on another core while this process loads Scrapy and the sources. Not when the
    ``overrides`` of the run switch the workers off (``PIPELINE_WORKERS=0``)."""
    if str((overrides or {}).get("PIPELINE_WORKERS", "")).strip() == "0":
        return
    fork_server_context()
    forkserver.ensure_running()


def frame(message: object) -> bytes:
    """``message`` as it crosses a worker's socket: its pickle's length (8 bytes), then the pickle."""
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return len(data).to_bytes(8, "big") + data


def serve(connection: socket.socket, crawl_pid: int) -> None:
    """A worker's life: answer each ``(function, args)`` the crawl sends over ``connection`` with
    ``(failed, result or exception)``, in order, until the crawl closes it."""
    start_worker(crawl_pid)
    with connection:
        while (request := _receive(connection)) is not None:
            try:
                function, args = pickle.loads(request)
                answer = frame((False, function(*args)))
            except Exception as error:  # the caller's to handle, as if raised in its own process
                try:
                    answer = frame((True, error))
                except Exception:  # an exception that cannot be pickled: its text
                    answer = frame((True, RuntimeError(f"{type(error).__name__}: {error}")))
            connection.sendall(answer)


def _receive(connection: socket.socket) -> bytes | None:
    """The next framed message, or None once the other end has closed."""
    header = _read_exactly(connection, 8)
    return None if header is None else _read_exactly(connection, int.from_bytes(header, "big"))


def _read_exactly(connection: socket.socket, size: int) -> bytes | None:
    data = bytearray(size)
    view, got = memoryview(data), 0
    while got < size:
        received = connection.recv_into(view[got:])
        if received == 0:
            return None
        got += received
    return bytes(data)


def start_worker(crawl_pid: int) -> None:
    """A worker leaves stopping to the crawl: Ctrl-C or a SIGTERM to the process group lets the
    crawl drain its pages and close the pool; a crawl killed outright takes its workers along."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(crawl_pid,), name="exit-with-crawl", daemon=True).start()


def _exit_with(pid: int) -> None:
    """End this process when process ``pid`` ends."""
    try:
        select.select([os.pidfd_open(pid)], [], [])  # readable once the process has ended
    except (AttributeError, OSError):  # no pidfd (not Linux, old kernel), or already gone
        while _alive(pid):
            time.sleep(1)
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
