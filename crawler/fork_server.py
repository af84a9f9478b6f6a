"""The fork server that worker processes are forked from, loaded with the pipeline's stages,
and what a worker does as it starts.

Kept apart from :mod:`crawler.workers` (which needs Scrapy) so that the command line can
start the server before it loads anything heavy itself, and so that a worker never loads
Scrapy: it runs the core's functions only.
"""

from __future__ import annotations

import multiprocessing
import os
import select
import signal
import threading
import time
from collections.abc import Mapping
from multiprocessing import forkserver
from typing import Any

__all__ = ["PRELOAD", "fork_server_context", "start_fork_server", "start_worker"]

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
