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
from typing import TYPE_CHECKING, Generic, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.utils.misc import load_object

from storage.corpus import Corpus
from storage.crawl_corpus import CrawlCorpus

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


def _open_corpus(crawler: Crawler) -> CrawlCorpus:
    backend: type[CrawlCorpus] = load_object(crawler.settings["CORPUS_BACKEND"])
    return backend.for_crawl(crawler.settings)


#: The corpus of the crawler's ``CORPUS_PATH``, opened on first use by the ``CORPUS_BACKEND``
#: (the SQLite file; a cluster worker's view of the writer's corpus), closed after the last crawler.
corpus_for: SharedByCrawlers[CrawlCorpus] = SharedByCrawlers(_open_corpus, corpus_key, close=lambda c: c.close())

if TYPE_CHECKING:  # both backends have what the stages and middlewares use (mypy checks it here)
    from storage.redis_state import ClusterCorpus

    _BACKENDS: tuple[type[CrawlCorpus], ...] = (Corpus, ClusterCorpus)


def record_urls(corpus: CrawlCorpus, article_id: int, urls: Iterable[str]) -> bool:
    """Record more URLs a stored article is reached under, if the corpus can be written.

    On a full disk nothing is recorded and the crawl goes on: the store stage meets the full
    corpus and stops the crawl with one line; a URL not recorded is recorded when met again.
    """
    try:
        corpus.add_urls(article_id, urls)
    except sqlite3.OperationalError:
        return False
    return True
