"""The cluster's one writer: what the workers' crawls produced, stored in the corpus in order.

It reads the items stream with its consumer group, first the entries it had read and not
acknowledged before it stopped (a crash between commit and acknowledgement), then new ones.
Each batch is applied in one transaction (stories decided and articles stored by the same
:class:`pipelines.store.ArticleStorage` as a crawl's), committed, then the stored URLs are
told to the workers (``seen``), then the batch is acknowledged. An entry applied twice
stores nothing twice: an article whose URL is stored is recorded as a URL of it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scrapy.settings import BaseSettings

from pipelines.cluster.publish import decode_article
from pipelines.drop_reasons import SamePage
from pipelines.store import ArticleStorage
from storage.corpus import Corpus
from storage.redis_state import Cluster, worker_name

__all__ = ["WriterCounts", "run_writer"]

logger = logging.getLogger(__name__)


@dataclass
class WriterCounts:
    """What the writer did, by ``wirecrawl/*`` stat key (the storage's counts) and in all."""

    values: dict[str, int] = field(default_factory=dict)

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        """Count as Scrapy's stats collector does (the interface :class:`ArticleStorage` uses)."""
        self.values[key] = self.values.get(key, start) + count

    def get(self, key: str) -> int:
        return self.values.get(key, 0)


class _Batch:
    """One batch of entries applied to the corpus: the URLs it stored and the runs it opened and closed."""

    def __init__(self, corpus: Corpus, storage: ArticleStorage, runs: dict[str, int]) -> None:
        self.corpus, self.storage, self.runs = corpus, storage, runs
        self.urls: dict[str, int] = {}
        self.opened: dict[str, int] = {}
        self.finished: list[str] = []

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        if kind == "article":
            self._article(payload)
        elif kind == "urls":
            self.corpus.add_urls(payload["article_id"], payload["urls"])
            self._stored(payload["urls"], payload["article_id"])
        elif kind == "outcome":
            run_id = self.runs.get(payload.pop("run"))
            self.corpus.record_outcome(**payload, run_id=run_id)
        elif kind == "run_start":
            if payload["run"] not in self.runs:  # not applied before a crash that kept it unacknowledged
                self._open(payload["run"], payload["sources"])
        elif kind == "run_source":
            run_id = self.runs.get(payload["run"]) or self._open(payload["run"], [payload["source"]])
            self.corpus.record_run_source(run_id, payload["source"], payload["counts"])
        elif kind == "run_end" and (run_id := self.runs.pop(payload["run"], None)) is not None:
            self.corpus.finish_run(run_id, payload["status"])
            self.finished.append(payload["run"])

    def _open(self, run: str, sources: list[str]) -> int:
        self.runs[run] = self.opened[run] = self.corpus.start_run(sources)
        return self.runs[run]

    def _article(self, payload: dict[str, Any]) -> None:
        item = decode_article(payload)
        urls = [item.url, item.fetched_url, item.request_url]
        stored = self.corpus.article_for_url(item.url)
        if stored is not None:  # stored by an earlier entry (redelivered, or reached by two crawls)
            self.corpus.add_urls(stored, urls)
            self.storage.stats.inc_value("wirecrawl/duplicates/url")
        else:
            try:
                stored = self.storage.store(item).article_id
            except SamePage as same:
                stored = same.article_id
        self._stored(urls, stored)

    def _stored(self, urls: list[str], article_id: int | None) -> None:
        if article_id is not None:
            self.urls.update((url, article_id) for url in urls if url)


def run_writer(
    cluster: Cluster,
    corpus: Corpus,
    settings: BaseSettings,
    drain: bool,
    stopping: Callable[[], bool],
) -> WriterCounts:
    """Store what the items stream holds until ``stopping()``, or with ``drain`` until every job is
    acknowledged and every item stored; returns the counts. Settings: ``CORPUS_COMMIT_ARTICLES``
    (entries per batch), ``CLUSTER_HEARTBEAT_SECONDS`` and those of :class:`ArticleStorage`.

    Another writer alive on the cluster is waited for (its heartbeat lapses when it is gone). Then
    the corpus's runs still ``running`` that Redis does not list as open are closed as ``crashed``:
    no item will ever end them (Redis lost them, or they were a local crawl's that died).
    """
    counts = WriterCounts()
    storage = ArticleStorage.from_settings(corpus, settings, counts)
    batch_size = max(1, settings.getint("CORPUS_COMMIT_ARTICLES"))
    beat = settings.getfloat("CLUSTER_HEARTBEAT_SECONDS")
    name, started = worker_name(), time.time()
    if not _take_writer_role(cluster, name, beat, stopping):
        return counts
    runs = cluster.open_runs()
    if closed := corpus.close_crashed_runs(keep=runs.values()):
        logger.warning("recorded %d runs as crashed: running in the corpus, not open in Redis", closed)
    pending = True  # first the entries read before a restart and never acknowledged
    try:
        while not stopping():
            state = {"name": name, "since": started, "stored": counts.get("wirecrawl/stored")}
            cluster.heartbeat("writer", state, 3 * beat)
            jobs_done = drain and not cluster.unfinished_jobs()  # before the read: their items are all in the stream
            entries = cluster.read_items(pending, batch_size, None if jobs_done else beat)
            if entries:
                _store_batch(cluster, corpus, storage, runs, entries)
            elif pending:
                pending = False
            elif jobs_done:
                break
    finally:
        cluster.forget("writer")
    return counts


def _take_writer_role(cluster: Cluster, name: str, beat: float, stopping: Callable[[], bool]) -> bool:
    """Become the cluster's one writer, waiting while another one's heartbeat lasts; False if stopped first."""
    told = False
    while not cluster.claim_writer(name, 3 * beat):
        if not told and (other := cluster.writer_running()):
            logger.warning("another writer is running (%s): waiting for it to stop", other.get("name"))
            told = True
        if stopping():
            return False
        time.sleep(beat)
    return True


def _store_batch(
    cluster: Cluster, corpus: Corpus, storage: ArticleStorage, runs: dict[str, int], entries: list[Any]
) -> None:
    """Apply ``entries`` in one transaction, commit, tell the stored URLs, then acknowledge."""
    batch = _Batch(corpus, storage, runs)
    corpus.hold_writes()
    for _entry_id, kind, payload in entries:
        batch.apply(kind, payload)
    storage.commit()
    # Committed: from here a crash only means the batch is read again, and stores nothing twice.
    cluster.mark_stored(batch.urls)
    cluster.record_runs(batch.opened, batch.finished)
    cluster.ack_items([entry_id for entry_id, _kind, _payload in entries])
