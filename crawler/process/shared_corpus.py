"""Objects shared by every crawler of a process: the corpus, the arrival order, the worker pool.

`wirecrawl crawl --all` runs one crawler per source in one process. They all write one corpus
through one connection, take turns in one arrival order and hand work to one pool of worker
processes, so every decision (seen URL, duplicate, story) sees every earlier write. Each
object is made by the first crawler that asks and closed after the last one's engine stops.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Generic, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler

from storage.corpus import Corpus

__all__ = ["SharedByCrawlers", "corpus_for", "corpus_key", "record_urls"]

T = TypeVar("T")


class SharedByCrawlers(Generic[T]):
    """``shared(crawler)``: the object for the crawler's ``key``, made by ``make`` on first use,
    handed to ``join`` once per crawler, and given to ``close`` after the last crawler using it stops."""

    def __init__(
        self,
        make: Callable[[Crawler], T],
        key: Callable[[Crawler], Hashable] = lambda crawler: None,
        join: Callable[[Crawler, T], None] = lambda crawler, shared: None,
        close: Callable[[T], None] = lambda shared: None,
    ) -> None:
        self._make, self._key, self._join, self._close = make, key, join, close
        self._objects: dict[Hashable, T] = {}
        self._users: dict[Hashable, set[int]] = {}
        self._kept = False

    def keep_open(self) -> None:
        """Keep every object open when its last crawler stops, until :meth:`close_all`: a process
        that starts crawlers one after another (a window of sources, a cluster worker) makes each once."""
        self._kept = True

    def __call__(self, crawler: Crawler) -> T:
        key = self._key(crawler)
        if key not in self._objects:
            self._objects[key] = self._make(crawler)
        users = self._users.setdefault(key, set())
        if id(crawler) not in users:
            users.add(id(crawler))
            self._join(crawler, self._objects[key])
            crawler.signals.connect(lambda: self._release(key, id(crawler)), signal=signals.engine_stopped, weak=False)
        return self._objects[key]

    def close_all(self) -> None:
        """Close every object still open (kept open, or its crawlers' engines never stopped: a forced stop)."""
        self._kept = False
        while self._objects:
            key, shared = self._objects.popitem()
            self._users.pop(key, None)
            self._close(shared)

    def _release(self, key: Hashable, crawler_id: int) -> None:
        users = self._users.get(key, set())
        users.discard(crawler_id)
        if not users and key in self._objects and not self._kept:
            self._close(self._objects.pop(key))


def corpus_key(crawler: Crawler) -> Path:
    """The crawler's corpus file (``CORPUS_PATH``), resolved."""
    return Path(crawler.settings.get("CORPUS_PATH")).resolve()


def _open_corpus(crawler: Crawler) -> Corpus:
    settings = crawler.settings
    if url := settings.get("CLUSTER_REDIS_URL"):
        # A worker's crawl: the corpus is the writer's; what the crawl reads of it is in Redis
        # (redis-py is loaded by cluster crawls only).
        from storage.redis_state import Cluster, ClusterCorpus

        cluster = Cluster.connect(url, settings.getfloat("CLUSTER_REDIS_TIMEOUT"))
        return ClusterCorpus(cluster, settings.get("CLUSTER_JOB"))  # type: ignore[return-value]
    if settings.getbool("DRY_RUN_ENABLED"):  # read, never written; none is created
        path = corpus_key(crawler)
        return Corpus.read_only(path) if path.is_file() else Corpus.in_memory()
    corpus = Corpus(corpus_key(crawler))
    corpus.limit_size(crawler.settings.getint("CORPUS_MAX_SIZE"))
    return corpus


#: The corpus at the crawler's ``CORPUS_PATH``, opened on first use, closed after the last crawler
#: (with ``CLUSTER_REDIS_URL``, a worker's view of the cluster's corpus: :class:`storage.redis_state.ClusterCorpus`;
#: read-only in a dry run, ``DRY_RUN_ENABLED``).
corpus_for: SharedByCrawlers[Corpus] = SharedByCrawlers(_open_corpus, corpus_key, close=lambda corpus: corpus.close())


def record_urls(corpus: Corpus, article_id: int, urls: Iterable[str]) -> bool:
    """Record more URLs a stored article is reached under, if the corpus can be written.

    On a full disk nothing is recorded and the crawl goes on: the store stage meets the full
    corpus and stops the crawl with one line; a URL not recorded is recorded when met again.
    """
    try:
        corpus.add_urls(article_id, urls)
    except sqlite3.OperationalError:
        return False
    return True
