"""Scaling out: the commands of a cluster around one Redis (``enqueue``, ``worker``, ``writer``, ``cluster status``).

They parse and report; the work is in :mod:`pipelines.cluster.worker` (the worker's loop),
:mod:`pipelines.cluster.writer` (the writer's) and :mod:`storage.redis_state` (what Redis holds).
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.cli.common import (
    ConfigError,
    db_option,
    declared_sources,
    echo_json,
    json_option,
    parse_overrides,
    refusals,
    run_settings,
    sources_option,
    writing_corpus,
)
from crawler.config import corpus_path, sources_path
from crawler.exit_status import ExitStatus
from spiders.targets import UnknownTarget, source_names

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from storage.redis_state import Cluster

__all__ = ["cluster", "enqueue", "worker", "writer"]

redis_option = click.option(
    "--redis", "redis_url", required=True, metavar="URL", help="The cluster's Redis, e.g. redis://queue.example:6379/0."
)
overrides_option = click.option(
    "-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a setting (repeatable)."
)
drain_option = click.option(
    "--drain", is_flag=True, help="Exit (status 0) when the work is done, instead of running until SIGTERM."
)


class RedisLost(ConfigError):
    """Redis stopped answering mid-run, or lost the cluster's state: one line on stderr, exit status 1."""

    exit_code = ExitStatus.FAILED


#: Redis answered without the cluster's streams: what is gone, and what brings it back.
STATE_LOST = (
    "Redis lost the cluster's state (restarted without its append-only file?): the queued jobs, the items "
    "not yet stored and the URLs the workers knew are gone; queue the jobs again (wirecrawl enqueue) and "
    "start the writer with --rebuild-seen"
)


def _connect(redis_url: str, settings: Settings) -> Cluster:
    """The cluster's Redis; unreachable: one line, exit status 2."""
    from storage.redis_state import Cluster, ClusterUnreachable

    with refusals(ClusterUnreachable):
        return Cluster.connect(redis_url, settings.getfloat("CLUSTER_REDIS_TIMEOUT"))


@contextmanager
def _redis_answering() -> Iterator[None]:
    """Redis stopping answering mid-run, or answering without the cluster's state: one line,
    exit status 1 (:class:`RedisLost`)."""
    from storage.redis_state import RedisError, state_lost  # redis is imported by the cluster's commands only

    try:
        yield
    except RedisError as error:
        raise RedisLost(STATE_LOST if state_lost(error) else f"Redis stopped answering: {error}") from None


@contextmanager
def _until_stopped() -> Iterator[Callable[[], bool]]:
    """``stopping()``: whether SIGTERM or SIGINT arrived (the loop then finishes what it holds and returns)."""
    received: list[int] = []
    previous = {
        sig: signal.signal(sig, lambda signum, frame: received.append(signum))
        for sig in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        with _redis_answering():
            yield lambda: bool(received)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@click.command()
@click.argument("names", nargs=-1)
@click.option("--all", "enqueue_all", is_flag=True, help="A job for every source of the sources file (the cron entry).")
@redis_option
@sources_option
def enqueue(names: tuple[str, ...], enqueue_all: bool, redis_url: str, sources_file: Path | None) -> None:
    """Queue a crawl job per source for the cluster's workers: the named sources, or all with --all.

    A source whose job is still queued or running is not queued twice. Redis unreachable:
    one line, exit status 2.

    Example:

        wirecrawl enqueue --redis redis://queue.example:6379/0 --sources sources.toml --all
    """
    if bool(names) == enqueue_all:
        raise ConfigError("name the sources to queue, or pass --all (not both)")
    with refusals(UnknownTarget):
        queued = source_names(names, declared_sources(sources_file), sources_path(sources_file))
    cluster = _connect(redis_url, run_settings(Path("cluster"), (), sources_file))
    with _until_stopped():
        added = cluster.enqueue(queued)
    skipped = len(queued) - len(added)
    click.echo(f"queued {len(added)} job{'s' if len(added) != 1 else ''}; {skipped} already queued or running")


@click.command()
@redis_option
@sources_option
@drain_option
@overrides_option
def worker(redis_url: str, sources_file: Path | None, drain: bool, overrides: tuple[str, ...]) -> None:
    """Crawl the cluster's jobs until SIGTERM: many sources at once, in one crawl process.

    Run one per machine (or per core). It crawls up to CLUSTER_WORKER_SOURCES jobs at once
    and takes more as they end. A job's hosts are leased to this worker while it runs, so
    one worker at a time crawls a host; a dead worker's job is taken over as soon as its
    heartbeat lapses. With --drain, exit once every job of the cluster is acknowledged (done
    or given up), whoever held it. The first SIGTERM stops the crawls (their jobs are left for
    another worker), a second one at once. The -s settings apply to every crawl. Redis
    unreachable: one line, exit status 2. Redis restarted without its data mid-run: one line
    saying so, exit status 1 (queue the jobs again; start the writer with --rebuild-seen).

    Example:

        wirecrawl worker --redis redis://queue.example:6379/0 --sources sources.toml
    """
    from pipelines.cluster.worker import run_worker

    settings = run_settings(Path("cluster"), overrides, sources_file)
    sources = {source.name: source for source in declared_sources(sources_file)}
    cluster = _connect(redis_url, settings)
    crawl_overrides = {"LOG_LEVEL": "WARNING", **parse_overrides(overrides)}
    with _redis_answering():
        report = run_worker(cluster, sources_path(sources_file).resolve(), sources, crawl_overrides, drain)
    click.echo(f"worker: {len(report.done)} jobs done, {len(report.left)} left for another worker")


@click.command()
@redis_option
@sources_option
@db_option
@drain_option
@click.option("--rebuild-seen", is_flag=True, help="First tell the workers every URL the corpus holds.")
@overrides_option
def writer(
    redis_url: str,
    sources_file: Path | None,
    db_file: Path | None,
    drain: bool,
    rebuild_seen: bool,
    overrides: tuple[str, ...],
) -> None:
    """Store what the cluster's workers crawl into the corpus, in order, until SIGTERM.

    The one process that writes the corpus (it holds its lock). Each batch is committed
    before it is acknowledged, so a writer killed at any point, then restarted, loses
    nothing and stores nothing twice. With --drain, exit once every queued job is
    acknowledged and every item stored. --rebuild-seen replaces the workers' set of stored
    URLs by the corpus's (after restoring a backup, or on a new Redis). On start, runs left
    `running` that Redis does not list as open are recorded as crashed. Redis unreachable:
    one line, exit status 2. Redis restarted without its data mid-run: one line saying so,
    exit status 1 (queue the jobs again; start the writer with --rebuild-seen).

    Example:

        wirecrawl writer --redis redis://queue.example:6379/0 --sources sources.toml --db news.db
    """
    from pipelines.cluster.writer import run_writer

    path = corpus_path(db_file)
    settings = run_settings(path, overrides, sources_file)
    declared_sources(sources_file)
    cluster = _connect(redis_url, settings)
    with writing_corpus(db_file, wait=False, create=True) as corpus:
        corpus.limit_size(settings.getint("CORPUS_MAX_SIZE"))
        with _until_stopped() as stopping:
            if rebuild_seen:
                click.echo(f"writer: {cluster.rebuild_seen(corpus.stored_urls())} stored URLs told to the workers")
            counts = run_writer(cluster, corpus, settings, drain, stopping)
    click.echo(
        f"writer: {counts.get('wirecrawl/stored')} articles stored "
        f"({counts.get('wirecrawl/stored/copies')} copies of a story), "
        f"{counts.get('wirecrawl/duplicates/url')} already stored, "
        f"{counts.get('wirecrawl/recleaned')} re-cleaned of their site's templates"
    )


@click.group()
def cluster() -> None:
    """The cluster of workers and one writer around one Redis (see ``wirecrawl cluster status``)."""


@cluster.command("status")
@redis_option
@json_option
def cluster_status(redis_url: str, as_json: bool) -> None:
    """What the cluster is doing: jobs per source, workers alive, host leases, the writer and its lag.

    Example:

        wirecrawl cluster status --redis redis://queue.example:6379/0
    """
    cluster = _connect(redis_url, run_settings(Path("cluster"), ()))
    with _until_stopped():
        status = cluster.status()
    if as_json:
        echo_json(status)
        return
    now = time.time()
    click.echo(f"jobs queued or running: {len(status['jobs'])}")
    for source, job in status["jobs"].items():
        click.echo(f"  {source}: {'run by ' + job['worker'] if job['worker'] else 'waiting'}")
    click.echo(f"workers alive: {len(status['workers'])}")
    for name, state in sorted(status["workers"].items()):
        doing = f"{state['state']} {state['source']}" if "source" in state else state["state"]
        click.echo(f"  {name}: {doing} ({state['done']} jobs done, up {now - state['since']:.0f} s)")
    click.echo(f"host leases: {len(status['leases'])}")
    for host, lease in sorted(status["leases"].items()):
        click.echo(f"  {host}: {lease['worker']} (lapses in {lease['expires_in']:.0f} s)")
    items, writer_state = status["items"], status["writer"]
    click.echo(f"items waiting for the writer: {items['entries']} ({items['pending']} of them being stored)")
    if writer_state:
        up = now - writer_state.get("since", now)
        click.echo(f"writer: {writer_state['name']}, {writer_state.get('stored', 0)} stored, up {up:.0f} s")
    else:
        click.echo("writer: none running")
    click.echo(f"stored URLs known to the workers: {status['stored_urls']}")
