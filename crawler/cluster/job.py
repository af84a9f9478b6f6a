"""One job of a cluster worker, run in a process of its own: one source crawled, its articles sent to the writer.

``python -m crawler.cluster.job SOURCES_FILE SOURCE OVERRIDES_JSON``, started by ``wirecrawl worker``
(:mod:`crawler.cluster.worker`) with ``CLUSTER_REDIS_URL`` and ``CLUSTER_JOB`` among the overrides.
The crawl is today's spider and pipeline stages, its last stage :class:`pipelines.publish.ItemPublisher`
instead of :class:`pipelines.store.CorpusPipeline`; its corpus is the cluster's view of it
(:class:`storage.redis_state.ClusterCorpus`). Exit status 0: the crawl ended by itself (its run
record says how); 1: it was interrupted or could not reach Redis, so the job is to be run again.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from crawler.process.fork_server import start_fork_server

__all__ = ["run_job"]

#: Close reasons after which the job is crawled again.
RETRY_REASONS = frozenset({"shutdown", "cluster_unreachable"})


def run_job(sources_file: Path, source: str, overrides: Mapping[str, Any]) -> int:
    """Crawl ``source`` as a cluster job; returns the exit status."""
    start_fork_server(overrides)  # the stages load on another core while Scrapy loads here
    from scrapy.crawler import CrawlerProcess

    from crawler.process.logs import quiet_per_page_noise
    from crawler.run.runner import crawl_settings

    settings = crawl_settings(sources_file, Path(overrides["CLUSTER_JOB"]), overrides)
    stages = {**settings.getdict("ITEM_PIPELINES"), "pipelines.publish.ItemPublisher": 900}
    stages.pop("pipelines.store.CorpusPipeline", None)
    settings.set("ITEM_PIPELINES", stages, priority="cmdline")
    process = CrawlerProcess(settings)
    quiet_per_page_noise()
    crawler = process.create_crawler(source)
    process.crawl(crawler)
    process.start()
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    return 1 if reason is None or reason in RETRY_REASONS else 0


def _end_with_parent() -> None:
    """End this process at once when the worker that started it is gone (its end of our stdin closes):
    the job is then another worker's, and crawling on would fetch its pages twice."""

    def watch() -> None:
        sys.stdin.buffer.read()
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


if __name__ == "__main__":
    _end_with_parent()
    status = run_job(Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]))
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # not sys.exit: the interpreter's shutdown would wait on the thread reading stdin
