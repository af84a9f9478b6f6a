"""The fork server that worker processes are forked from, loaded with the pipeline's stages.

Kept apart from :mod:`crawler.workers` (which needs Scrapy) so that the command line can
start it before it loads anything heavy itself.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver

__all__ = ["PRELOAD", "fork_server_context", "start_fork_server"]

#: Imported once by the fork server, so a new worker starts with everything loaded.
PRELOAD = ["pipelines.preload"]


def fork_server_context() -> multiprocessing.context.ForkServerContext:
    """The multiprocessing context whose processes are forked from the preloaded fork server."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_fork_server() -> None:
    """Start the fork server without waiting for it: it loads the stages (about a second of
    CPU) on another core while this process loads Scrapy and the sources."""
    fork_server_context()
    forkserver.ensure_running()
