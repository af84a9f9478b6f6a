"""What a cluster of workers and one writer share, in one Redis: jobs, items, stored URLs,
HTTP validators, site templates, host leases and who is alive.

Every key starts with ``wirecrawl:``. The two streams carry the work, each read by a
consumer group, so an entry stays pending until its reader acknowledges it (XACK) and a
dead reader's entries can be claimed (XCLAIM once its heartbeat is gone, XAUTOCLAIM once idle):

- ``jobs`` (group ``workers``): one entry per source to crawl; ``jobs:queued`` maps each
  source to its one job not yet acknowledged, so a source is never queued twice.
- ``items`` (group ``writer``): what the workers' crawls produce for the corpus (articles,
  URLs of stored articles, page outcomes, run records), stored by the one writer in order.
  It is never trimmed: an entry is deleted only once the writer has acknowledged it.

The rest is state the crawls read (and the writer's ``runs``, the run of each crawl it records): ``seen`` (stored URL -> article id, by a 16-byte hash of
the URL), ``validators`` (feeds' and sitemaps' ETag / Last-Modified), ``blocks:<site>``,
``block_pages``, ``slots:<site>`` and ``slot_pages`` (site templates), ``lease:<host>`` (which worker crawls a host) and
``worker:<name>`` / ``writer`` (heartbeats that expire when their process is gone).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import redis
from redis.backoff import ExponentialBackoff, NoBackoff
from redis.retry import Retry

if TYPE_CHECKING:
    from storage.crawl_corpus import CrawlSettings

__all__ = ["Cluster", "ClusterCorpus", "ClusterUnreachable", "Job", "RedisError", "state_lost", "worker_name"]

PREFIX = "wirecrawl:"
JOBS, QUEUED, WORKERS_GROUP = PREFIX + "jobs", PREFIX + "jobs:queued", "workers"
ITEMS, WRITER_GROUP, WRITER = PREFIX + "items", "writer", PREFIX + "writer"
SEEN, VALIDATORS, BLOCK_PAGES = PREFIX + "seen", PREFIX + "validators", PREFIX + "block_pages"
SLOT_PAGES = PREFIX + "slot_pages"
#: A slot's counts in its site's hash: pages under the slot itself, the rest under these suffixes.
_STREAM, _SHARE = "\x00stream", "\x00share"
RUNS = PREFIX + "runs"

#: Any failure of Redis (refused, timed out, dropped, refused a write).
RedisError = redis.exceptions.RedisError
_TRANSIENT = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


#: The connection a worker shares with its crawls, by URL (:meth:`Cluster.share_with_crawls`).
_SHARED: dict[str, Cluster] = {}


class ClusterUnreachable(Exception):
    """Redis cannot be reached: the message is one line naming it."""


@dataclass(frozen=True)
class Job:
    """One source's crawl, as taken from the jobs stream."""

    id: str  # the stream entry's id
    source: str
    deliveries: int = 1  # 1 when taken fresh; more when claimed from a worker that died


def state_lost(error: RedisError) -> bool:
    """Whether ``error`` is Redis answering without the cluster's streams or groups: it lost its data
    (restarted without its append-only file, flushed) while the cluster ran."""
    message = str(error)
    return isinstance(error, redis.exceptions.ResponseError) and (
        message.startswith("NOGROUP") or message == "no such key"
    )


def worker_name() -> str:
    """This process's name in the cluster: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _url_key(url: str) -> str:
    return hashlib.blake2b(url.encode("utf-8"), digest_size=16).hexdigest()


# Atomic steps, as Lua scripts (Redis runs each one alone).
_ENQUEUE = """
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return false end
local id = redis.call('XADD', KEYS[1], '*', 'source', ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], id)
return id
"""
_FINISH_JOB = """
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
if redis.call('HGET', KEYS[2], ARGV[3]) == ARGV[2] then redis.call('HDEL', KEYS[2], ARGV[3]) end
return 1
"""
# Keep a job pending on this worker (its idle time back to 0) if it still owns it.
_HOLD_JOB = """
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #pending == 0 or pending[1][2] ~= ARGV[2] then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1
"""
# Claim job ARGV[4] for ARGV[3] if the gone worker ARGV[2] still holds it: its source and deliveries
# (XCLAIM counts one more, as XAUTOCLAIM does); nothing if another claimed it first or it was deleted.
_CLAIM_JOB = """
local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[4], ARGV[4], 1)
if #pending == 0 or pending[1][2] ~= ARGV[2] then return false end
local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[4])
if #claimed == 0 then return false end
return {claimed[1][2][2], pending[1][4] + 1}
"""
# Remove a consumer from the group, only if it holds no job (removing it would drop its pending entries).
_REMOVE_CONSUMER = """
if #redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2]) > 0 then return 0 end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1
"""
# All the leases or none: ARGV[1] the owner, ARGV[2] milliseconds.
_TAKE_LEASES = """
for _, key in ipairs(KEYS) do
  local owner = redis.call('GET', key)
  if owner and owner ~= ARGV[1] then return 0 end
end
for _, key in ipairs(KEYS) do redis.call('SET', key, ARGV[1], 'PX', ARGV[2]) end
return 1
"""
# ARGV[2]: milliseconds the leases still last (0: free at once).
_RELEASE_LEASES = """
for _, key in ipairs(KEYS) do
  if redis.call('GET', key) == ARGV[1] then
    if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', key, ARGV[2]) else redis.call('DEL', key) end
  end
end
return 1
"""
# ARGV[1] the page's key, then per slot: slot, held the story (0/1), share of the body (a float);
# last, the suffixes of the share and stream fields.
_RECORD_SLOTS = """
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
for i = 2, #ARGV - 2, 3 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], 1)
  redis.call('HINCRBY', KEYS[1], ARGV[i] .. ARGV[#ARGV], ARGV[i + 1])
  redis.call('HINCRBYFLOAT', KEYS[1], ARGV[i] .. ARGV[#ARGV - 1], ARGV[i + 2])
end
return 1
"""
_RECORD_BLOCKS = """
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
for i = 2, #ARGV do redis.call('HINCRBY', KEYS[1], ARGV[i], 1) end
return 1
"""


class Cluster:
    """The cluster's shared state in the Redis at ``url``.

    Every call waits at most ``timeout`` seconds for Redis (blocking reads a little longer
    than they block); :meth:`connect` raises :class:`ClusterUnreachable` when it does not answer.
    """

    def __init__(self, url: str, timeout: float) -> None:
        self.url = url
        self.timeout = timeout
        self.abandoned = False
        try:
            # A Redis restarting (or failing over) is waited for, about ``timeout`` seconds, call by call.
            retry = Retry(ExponentialBackoff(cap=1.0, base=0.05), int(timeout) + 5, _TRANSIENT)
            self.redis = redis.Redis.from_url(
                url, socket_timeout=timeout, socket_connect_timeout=timeout, decode_responses=True, retry=retry
            )
        except ValueError as error:
            raise ClusterUnreachable(f"--redis {url}: {error}") from None
        self._scripts = {
            name: self.redis.register_script(script)
            for name, script in (
                ("enqueue", _ENQUEUE),
                ("finish_job", _FINISH_JOB),
                ("hold_job", _HOLD_JOB),
                ("claim_job", _CLAIM_JOB),
                ("remove_consumer", _REMOVE_CONSUMER),
                ("take_leases", _TAKE_LEASES),
                ("release_leases", _RELEASE_LEASES),
                ("record_blocks", _RECORD_BLOCKS),
                ("record_slots", _RECORD_SLOTS),
            )
        }

    @classmethod
    def connect(cls, url: str, timeout: float) -> Cluster:
        """The cluster at ``url``, its streams and groups created if new; raises :class:`ClusterUnreachable`."""
        cluster = cls(url, timeout)
        try:
            # Once, without the retries: an address with no Redis is told at once.
            once = Retry(NoBackoff(), 0, _TRANSIENT)
            with redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout, retry=once) as probe:
                probe.ping()
            for stream, group in ((JOBS, WORKERS_GROUP), (ITEMS, WRITER_GROUP)):
                try:
                    cluster.redis.xgroup_create(stream, group, id="0", mkstream=True)
                except redis.exceptions.ResponseError as error:
                    if "BUSYGROUP" not in str(error):
                        raise
        except _TRANSIENT as error:
            raise ClusterUnreachable(f"cannot reach Redis at {url}: {error}") from None
        return cluster

    def close(self) -> None:
        """Close the connections."""
        self.redis.close()

    def _block(self, seconds: float) -> int:
        """Milliseconds a blocking read waits: well within the socket's timeout, and never 0 (forever)."""
        return max(1, int(min(seconds, self.timeout / 2) * 1000))

    # --- jobs ------------------------------------------------------------------------------

    def enqueue(self, sources: Iterable[str]) -> list[str]:
        """Add a job for each of ``sources`` that has none waiting or running; returns those added."""
        return [source for source in sources if self._scripts["enqueue"](keys=[JOBS, QUEUED], args=[source])]

    def take_job(self, worker: str, idle_seconds: float, block_seconds: float) -> Job | None:
        """A job of a worker that is gone (claimed at once), else one not renewed for ``idle_seconds``
        (claimed), else a new one (waiting up to ``block_seconds``), else None.

        Workers say they are alive (:meth:`heartbeat`) before they take a job, so a worker that holds
        one without a heartbeat is gone (killed, or stopped and left it)."""
        return (
            self._claim_from_gone(worker)
            or self._claim_idle(worker, idle_seconds)
            or self._read_new(worker, block_seconds)
        )

    def _claim_from_gone(self, worker: str) -> Job | None:
        for consumer in self.redis.xpending(JOBS, WORKERS_GROUP)["consumers"]:
            gone = consumer["name"]
            if gone == worker or self._alive(gone):
                continue
            for row in self.redis.xpending_range(JOBS, WORKERS_GROUP, "-", "+", consumer["pending"], consumername=gone):
                job_id = row["message_id"]
                if claimed := self._scripts["claim_job"](keys=[JOBS], args=[WORKERS_GROUP, gone, worker, job_id]):
                    source, deliveries = claimed
                    return Job(job_id, source, int(deliveries))
        return None

    def _claim_idle(self, worker: str, idle_seconds: float) -> Job | None:
        start = "0-0"
        while True:
            start, claimed, _deleted = self.redis.xautoclaim(
                JOBS, WORKERS_GROUP, worker, int(idle_seconds * 1000), start_id=start, count=1
            )
            if claimed:
                entry_id, fields = claimed[0]
                deliveries = self.redis.xpending_range(JOBS, WORKERS_GROUP, entry_id, entry_id, 1)
                return Job(entry_id, fields["source"], deliveries[0]["times_delivered"] if deliveries else 2)
            if start == "0-0":
                return None

    def _read_new(self, worker: str, block_seconds: float) -> Job | None:
        read = self.redis.xreadgroup(WORKERS_GROUP, worker, {JOBS: ">"}, count=1, block=self._block(block_seconds))
        for _stream, entries in read or ():
            for entry_id, fields in entries:
                return Job(entry_id, fields["source"])
        return None

    def hold_job(self, job: Job, worker: str) -> bool:
        """Keep ``job`` from being claimed by another worker; False when one has claimed it already."""
        return bool(self._scripts["hold_job"](keys=[JOBS], args=[WORKERS_GROUP, worker, job.id]))

    def renew_jobs(
        self, jobs: Iterable[tuple[Job, Iterable[str]]], worker: str, lease_seconds: float
    ) -> list[tuple[bool, bool]]:
        """:meth:`hold_job` and, for those given hosts, :meth:`take_leases` for many jobs in one round
        trip: per job, (still held, hosts leased). A worker renews hundreds of jobs every heartbeat."""
        jobs = list(jobs)
        with self.redis.pipeline(transaction=False) as pipe:
            for job, hosts in jobs:
                self._scripts["hold_job"](keys=[JOBS], args=[WORKERS_GROUP, worker, job.id], client=pipe)
                keys = [PREFIX + "lease:" + host for host in sorted(set(hosts))]
                self._scripts["take_leases"](keys=keys, args=[worker, int(lease_seconds * 1000)], client=pipe)
            answers = pipe.execute()
        return [(bool(answers[2 * n]), bool(answers[2 * n + 1])) for n in range(len(jobs))]

    def finish_job(self, job: Job) -> None:
        """Acknowledge ``job``: its source may be queued again."""
        self._scripts["finish_job"](keys=[JOBS, QUEUED], args=[WORKERS_GROUP, job.id, job.source])

    def jobs_left(self, worker: str) -> bool:
        """Whether a job is not yet acknowledged, so ``worker`` draining the queue is to wait: one queued,
        or held by any worker (a live one may still leave it, a dead one's is claimed once its heartbeat
        is gone, one given up is acknowledged)."""
        return self.unfinished_jobs() > 0

    def unfinished_jobs(self) -> int:
        """How many jobs are not yet acknowledged: queued, or held by a worker."""
        return int(self.redis.hlen(QUEUED))

    def _alive(self, worker: str) -> bool:
        return bool(self.redis.exists(PREFIX + "worker:" + worker))

    def leave(self, worker: str) -> None:
        """``worker`` stops: its heartbeat goes, and the group forgets every worker that is gone and
        holds no job (itself included), so a year of restarts does not pile up consumers."""
        self.forget("worker:" + worker)
        for consumer in self.redis.xinfo_consumers(JOBS, WORKERS_GROUP):
            if not consumer["pending"] and not self._alive(consumer["name"]):
                self._scripts["remove_consumer"](keys=[JOBS], args=[WORKERS_GROUP, consumer["name"]])

    def queued_jobs(self) -> dict[str, str]:
        """Source -> id of its job, for every job not yet acknowledged."""
        return self.redis.hgetall(QUEUED)

    # --- leases and heartbeats -------------------------------------------------------------

    def take_leases(self, hosts: Iterable[str], worker: str, seconds: float) -> bool:
        """Lease every one of ``hosts`` to ``worker`` for ``seconds`` (renewing its own), or none of them."""
        keys = [PREFIX + "lease:" + host for host in sorted(set(hosts))]
        return bool(self._scripts["take_leases"](keys=keys, args=[worker, int(seconds * 1000)])) if keys else True

    def release_leases(self, hosts: Iterable[str], worker: str, after: float) -> None:
        """Give up the leases of ``hosts`` that ``worker`` holds, ``after`` seconds from now."""
        if keys := [PREFIX + "lease:" + host for host in set(hosts)]:
            self._scripts["release_leases"](keys=keys, args=[worker, int(after * 1000)])

    def heartbeat(self, key: str, state: Mapping[str, Any], seconds: float) -> None:
        """Say that ``worker:<name>`` or ``writer`` is alive, doing ``state``, for ``seconds``."""
        self.redis.set(PREFIX + key, json.dumps({**state, "seen": time.time()}), px=int(seconds * 1000))

    def forget(self, key: str) -> None:
        """Remove a heartbeat (the process ends)."""
        self.redis.delete(PREFIX + key)

    def claim_writer(self, name: str, seconds: float) -> bool:
        """Become the cluster's writer for ``seconds`` (renewed by :meth:`heartbeat`), unless one is alive."""
        state = json.dumps({"name": name, "seen": time.time()})
        return bool(self.redis.set(WRITER, state, nx=True, px=int(seconds * 1000)))

    def writer_running(self) -> dict[str, Any] | None:
        """The running writer's heartbeat, if one is alive."""
        state = self.redis.get(WRITER)
        return json.loads(state) if state else None

    # --- items -----------------------------------------------------------------------------

    def publish(self, kind: str, payload: Mapping[str, Any]) -> str:
        """Add an entry for the writer; returns its id ("" once :meth:`abandon` was called: dropped)."""
        if self.abandoned:
            return ""
        return self.redis.xadd(ITEMS, {"kind": kind, "data": json.dumps(payload, ensure_ascii=False)})

    def abandon(self) -> None:
        """Send the writer nothing more: Redis lost the cluster's state, or stopped answering, and the
        jobs whose crawls would send it are crawled again (their run records would be orphans)."""
        self.abandoned = True

    def share_with_crawls(self) -> None:
        """Make this the connection every crawl of this process uses for its URL (a worker's crawls,
        :meth:`ClusterCorpus.for_crawl`), instead of one of their own each."""
        _SHARED[self.url] = self

    def read_items(
        self, pending: bool, count: int, block_seconds: float | None
    ) -> list[tuple[str, str, dict[str, Any]]]:
        """Up to ``count`` entries for the writer as (id, kind, payload): those it read before and did
        not acknowledge (``pending``), else new ones, waiting up to ``block_seconds`` (None: not) for them."""
        read = self.redis.xreadgroup(
            WRITER_GROUP,
            WRITER_GROUP,
            {ITEMS: "0" if pending else ">"},
            count=count,
            block=None if pending or block_seconds is None else self._block(block_seconds),
        )
        entries = []
        for _stream, rows in read or ():
            for entry_id, fields in rows:
                if fields:  # an entry deleted while pending has no fields: nothing to store
                    entries.append((entry_id, fields["kind"], json.loads(fields["data"])))
                else:
                    self.ack_items([entry_id])
        return entries

    def ack_items(self, ids: list[str]) -> None:
        """Acknowledge and delete entries the writer made durable."""
        if ids:
            with self.redis.pipeline(transaction=True) as pipe:
                pipe.xack(ITEMS, WRITER_GROUP, *ids)
                pipe.xdel(ITEMS, *ids)
                pipe.execute()

    def open_runs(self) -> dict[str, int]:
        """The writer's runs not yet finished: the crawl's name for it -> its id in the corpus."""
        return {run: int(run_id) for run, run_id in self.redis.hgetall(RUNS).items()}

    def record_runs(self, opened: Mapping[str, int], finished: Iterable[str]) -> None:
        """Note runs the writer opened and finished in a batch it committed."""
        with self.redis.pipeline(transaction=True) as pipe:
            if opened:
                pipe.hset(RUNS, mapping=dict(opened))
            if finished := list(finished):
                pipe.hdel(RUNS, *finished)
            pipe.execute()

    def items_waiting(self) -> dict[str, int]:
        """Entries in the items stream, and how many of them the writer holds unacknowledged."""
        pending = self.redis.xpending(ITEMS, WRITER_GROUP)["pending"]
        return {"entries": self.redis.xlen(ITEMS), "pending": pending}

    # --- what the crawls read: stored URLs, validators, site templates ----------------------

    def stored_article(self, url: str) -> int | None:
        """The id of the article stored under ``url``, as the writer last told."""
        found = self.redis.hget(SEEN, _url_key(url))
        return int(found) if found else None

    def mark_stored(self, urls: Mapping[str, int]) -> None:
        """Record URLs the writer has committed, with their article's id."""
        if urls:
            self.redis.hset(SEEN, mapping={_url_key(url): article_id for url, article_id in urls.items()})

    def rebuild_seen(self, urls: Iterator[tuple[str, int]], chunk: int = 10_000) -> int:
        """Replace the stored URLs by ``urls`` (url, article id); returns how many."""
        self.redis.delete(SEEN)
        count, batch = 0, {}
        for url, article_id in urls:
            batch[url] = article_id
            if len(batch) >= chunk:
                count += len(batch)
                self.mark_stored(batch)
                batch = {}
        self.mark_stored(batch)
        return count + len(batch)

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) recorded for a feed or sitemap URL, if any."""
        found = self.redis.hget(VALIDATORS, url)
        return tuple(json.loads(found)) if found else None  # type: ignore[return-value]

    def save_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None:
        """Record (ETag, Last-Modified) by URL."""
        if validators:
            self.redis.hset(VALIDATORS, mapping={url: json.dumps(list(v)) for url, v in validators.items()})

    def forget_validators(self, urls: Iterable[str]) -> None:
        """Drop the validators of these URLs."""
        if urls := list(urls):
            self.redis.hdel(VALIDATORS, *urls)

    def site_block_pages(self, site: str, blocks: Iterable[str]) -> dict[str, int]:
        """Those of ``blocks`` already seen on pages of ``site``, with how many pages each."""
        blocks = list(dict.fromkeys(blocks))
        if not blocks:
            return {}
        counts = self.redis.hmget(PREFIX + "blocks:" + site, blocks)
        return {block: int(count) for block, count in zip(blocks, counts, strict=True) if count}

    def record_site_blocks(self, site: str, blocks: Iterable[str], page_url: str) -> None:
        """Count the page at ``page_url`` for each of its distinct blocks, unless it was counted before."""
        self._scripts["record_blocks"](
            keys=[PREFIX + "blocks:" + site, BLOCK_PAGES], args=[_url_key(page_url), *dict.fromkeys(blocks)]
        )

    def site_slot_counts(self, site: str, slots: Iterable[str]) -> dict[str, tuple[int, int, float]]:
        """Those of ``slots`` already seen on pages of ``site``: (pages, pages as the story stream,
        summed share of the body's text)."""
        slots = list(dict.fromkeys(slots))
        if not slots:
            return {}
        fields = [field for slot in slots for field in (slot, slot + _STREAM, slot + _SHARE)]
        values = self.redis.hmget(PREFIX + "slots:" + site, fields)
        return {
            slot: (int(values[3 * n]), int(values[3 * n + 1] or 0), float(values[3 * n + 2] or 0))
            for n, slot in enumerate(slots)
            if values[3 * n]
        }

    def record_site_slots(self, site: str, slots: Mapping[str, tuple[bool, float]], page_url: str) -> None:
        """Count the page at ``page_url`` for each of its slots (slot -> (held the story stream,
        share of the body's text)), unless it was counted before."""
        args = [_url_key(page_url)]
        for slot, (stream, share) in slots.items():
            args += [slot, int(stream), repr(share)]
        self._scripts["record_slots"](keys=[PREFIX + "slots:" + site, SLOT_PAGES], args=[*args, _SHARE, _STREAM])

    # --- status ----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """Jobs per source (and who runs each), workers alive, host leases, the writer and its lag."""
        queued = self.queued_jobs()
        owners = {
            row["message_id"]: row["consumer"]
            for row in self.redis.xpending_range(JOBS, WORKERS_GROUP, "-", "+", max(len(queued), 1))
        }
        workers = {
            key.removeprefix(PREFIX + "worker:"): json.loads(value)
            for key in self.redis.scan_iter(PREFIX + "worker:*", count=1000)
            if (value := self.redis.get(key))
        }
        leases = {
            key.removeprefix(PREFIX + "lease:"): {"worker": owner, "expires_in": self.redis.pttl(key) / 1000}
            for key in self.redis.scan_iter(PREFIX + "lease:*", count=1000)
            if (owner := self.redis.get(key))
        }
        return {
            "jobs": {source: {"id": job_id, "worker": owners.get(job_id)} for source, job_id in sorted(queued.items())},
            "workers": workers,
            "leases": leases,
            "items": self.items_waiting(),
            "writer": self.writer_running(),
            "stored_urls": self.redis.hlen(SEEN),
        }


class ClusterCorpus:
    """The corpus as a worker's crawl sees it (``CORPUS_BACKEND``, set by ``wirecrawl worker``):
    stored URLs, validators and site templates read and written in Redis; URLs of stored
    articles, page outcomes and the run's record sent to the writer through the items stream.
    Articles themselves are sent by the worker's last stage, not through this object.
    """

    def __init__(self, cluster: Cluster, run: str, owns_cluster: bool = True) -> None:
        self.cluster = cluster
        self.run = run  # names this crawl's run record for the writer
        self.owns_cluster = owns_cluster  # closed with this view (not when it is the worker's, shared)

    @classmethod
    def for_crawl(cls, settings: CrawlSettings) -> ClusterCorpus:
        """The cluster at ``CLUSTER_REDIS_URL`` (the worker's connection, if it shares it), for the
        job ``CLUSTER_JOB`` names."""
        url = settings.get("CLUSTER_REDIS_URL")
        if (shared := _SHARED.get(url)) is not None:
            return cls(shared, settings.get("CLUSTER_JOB"), owns_cluster=False)
        return cls(Cluster.connect(url, settings.getfloat("CLUSTER_REDIS_TIMEOUT")), settings.get("CLUSTER_JOB"))

    def article_for_url(self, url: str) -> int | None:
        """The id of the stored article reached under ``url``, if the writer has stored it."""
        return self.cluster.stored_article(url)

    def article_text(self, article_id: int) -> str | None:
        """None: the texts are the writer's; a worker cannot compare a page with them."""
        return None

    def add_urls(self, article_id: int, urls: Iterable[str]) -> None:
        """Record more URLs of a stored article (by the writer)."""
        if known := [url for url in dict.fromkeys(urls) if url]:
            self.cluster.publish("urls", {"article_id": article_id, "urls": known})

    def record_outcome(
        self,
        urls: Iterable[str],
        source: str,
        reason: str,
        detail: str = "",
        run_id: int | None = None,
        article_id: int | None = None,
    ) -> None:
        """Record why a page was not stored (by the writer, under this crawl's run)."""
        self.cluster.publish(
            "outcome",
            {"run": self.run, "urls": list(urls), "source": source, "reason": reason, "detail": detail[:500]}
            | {"article_id": article_id},
        )

    def start_run(self, sources: Iterable[str]) -> int:
        """Open this crawl's run (by the writer, which numbers it)."""
        self.cluster.publish("run_start", {"run": self.run, "sources": list(sources)})
        return 0

    def record_run_source(self, run_id: int, source: str, counts: Mapping[str, Any]) -> None:
        """Add a source's counts to this crawl's run."""
        self.cluster.publish("run_source", {"run": self.run, "source": source, "counts": dict(counts)})

    def finish_run(self, run_id: int, status: str) -> dict[str, Any]:
        """Close this crawl's run."""
        self.cluster.publish("run_end", {"run": self.run, "status": status})
        return {}

    # Validators and site templates: read and written in Redis directly.

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        """(ETag, Last-Modified) recorded for a feed or sitemap URL, if any."""
        return self.cluster.validators(url)

    def save_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None:
        """Record (ETag, Last-Modified) by URL."""
        self.cluster.save_validators(validators)

    def forget_validators(self, urls: Iterable[str]) -> None:
        """Drop the validators of these URLs."""
        self.cluster.forget_validators(urls)

    def site_block_pages(self, site: str, blocks: Iterable[str]) -> dict[str, int]:
        """Those of ``blocks`` already seen on pages of ``site``, with how many pages each."""
        return self.cluster.site_block_pages(site, blocks)

    def record_site_blocks(self, site: str, blocks: Iterable[str], page_url: str) -> None:
        """Count the page for each of its distinct blocks, unless it was counted before."""
        self.cluster.record_site_blocks(site, blocks, page_url)

    def site_slot_counts(self, site: str, slots: Iterable[str]) -> dict[str, tuple[int, int, float]]:
        """Those of ``slots`` already seen on pages of ``site``: (pages, as the story stream, share of the body)."""
        return self.cluster.site_slot_counts(site, slots)

    def record_site_slots(self, site: str, slots: Mapping[str, tuple[bool, float]], page_url: str) -> None:
        """Count the page for each of its slots, unless it was counted before."""
        self.cluster.record_site_slots(site, slots, page_url)

    def close(self) -> None:
        """Close the connection to Redis, if it is this view's own."""
        if self.owns_cluster:
            self.cluster.close()
