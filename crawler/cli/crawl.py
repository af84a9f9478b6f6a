"""``wirecrawl crawl``: crawl declared sources, or article URLs, into the corpus."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler.cli.common import (
    ConfigError,
    corpus_lock,
    db_option,
    declared_sources,
    parse_overrides,
    print_report,
    refusals,
    run_settings,
    sample_option,
    set_option,
    sources_option,
    wait_option,
)
from crawler.cli.sources import try_sources
from crawler.config import corpus_path, sources_path
from crawler.exit_status import ExitStatus
from crawler.process.fork_server import start_fork_server
from crawler.run.progress import print_progress, show_progress_line
from spiders.targets import UnknownTarget, crawl_targets

if TYPE_CHECKING:
    from crawler.run.runner import CrawlReport
    from spiders.source import SourceSpider

__all__ = ["crawl"]


@click.command()
@click.argument("names", nargs=-1)
@click.option("--all", "crawl_all", is_flag=True, help="Crawl every source of the sources file (the cron entry point).")
@sources_option
@db_option
@set_option
@click.option(
    "--dry-run",
    is_flag=True,
    help="Fetch feeds, sitemaps, listings and a sample of new articles; write nothing (see `sources check`).",
)
@sample_option
@click.option("--json", "as_json", is_flag=True, help="With --dry-run: one JSON object per source and line.")
@click.option(
    "--log-level",
    type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False),
    help="Least severe log lines shown: INFO adds one line per failed page. [default: WARNING, ERROR with -q]",
)
@click.option(
    "--log-file", type=click.Path(dir_okay=False, path_type=Path), help="Append the log to FILE instead of stderr."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress line, no summary, only errors logged.")
@wait_option
def crawl(
    names: tuple[str, ...],
    crawl_all: bool,
    sources_file: Path | None,
    db_file: Path | None,
    overrides: tuple[str, ...],
    log_level: str | None,
    log_file: Path | None,
    quiet: bool,
    wait: bool,
    dry_run: bool,
    sample: int | None,
    as_json: bool,
) -> None:
    """Crawl sources into the corpus: the named ones, or all with --all; or article URLs.

    An argument with :// is an article URL: it is fetched and stored (robots.txt and the
    politeness settings apply) under the source whose site it is on, else under a source
    named after its host.

    Articles already stored are not downloaded again; feeds, sitemaps and listing pages
    are read on every run. One run at a time holds the corpus lock.

    With --dry-run, nothing is written (no lock is taken): the sources are crawled as
    `wirecrawl sources check` does, and what would be fetched and stored is printed.

    Exit status: 0 success; 1 interrupted or failed; 2 configuration error; 3 another
    run holds the lock; 4 finished, but more pages failed than CORPUS_RUNS_MAX_ERROR_RATE.

    Example:

        wirecrawl crawl --all

        wirecrawl crawl --all --dry-run

        wirecrawl crawl example-news --db news.db -s DOWNLOAD_DELAY=2

        wirecrawl crawl https://example.com/news/2026/11/30/some-story/
    """
    if bool(names) == crawl_all:
        raise ConfigError("name the sources to crawl, or pass --all (not both)")
    if (sample is not None or as_json) and not dry_run:
        raise ConfigError("--sample and --json go with --dry-run")
    if dry_run:
        try_sources(names, sources_file, db_file, as_json, overrides, sample, log_level or "WARNING", log_file)
        return
    show_progress = not quiet and sys.stderr.isatty()
    with refusals(UnknownTarget):
        targets = crawl_targets(names, declared_sources(sources_file), sources_path(sources_file))
    if show_progress:  # before Scrapy is imported, which takes a while
        count = len(targets)
        show_progress_line(f"starting: {count} source{'s' if count != 1 else ''} into {corpus_path(db_file)}")
    try:
        report = _crawl_locked(targets, db_file, overrides, sources_file, log_level, log_file, quiet, wait)
    finally:
        if show_progress:
            show_progress_line("")  # the summary (or the error's one line) replaces the last progress line
    if not quiet:
        print_report(report)
    if report.status in ("interrupted", "failed"):
        sys.exit(ExitStatus.FAILED)
    if report.too_many_errors:
        click.echo(
            f"wirecrawl: {report.error_rate:.0%} of the pages tried failed "
            f"(more than CORPUS_RUNS_MAX_ERROR_RATE={report.max_error_rate:g})",
            err=True,
        )
        sys.exit(ExitStatus.ERRORS)


def _crawl_locked(
    targets: Sequence[str | type[SourceSpider]],
    db_file: Path | None,
    overrides: tuple[str, ...],
    sources_file: Path | None,
    log_level: str | None,
    log_file: Path | None,
    quiet: bool,
    wait: bool,
) -> CrawlReport:
    """The crawl of ``targets`` as the command's options say, under the corpus lock.

    The lock comes first: a refused run exits before Scrapy is imported or the workers start.
    """
    from crawler.process.log_file import check_log_file
    from crawler.run.early_stop import EarlyStop

    path = corpus_path(db_file)
    if log_file is not None:  # before the lock: a refused run leaves nothing behind, not even a lock file
        with refusals(ValueError):
            check_log_file(log_file)
    with corpus_lock(path, wait, create=True):
        early_stop = EarlyStop()
        start_fork_server(parse_overrides(overrides))  # the stages load on another core while Scrapy loads here
        settings = run_settings(path, overrides, sources_file, log_level or ("ERROR" if quiet else "WARNING"), log_file)
        from crawler.run.runner import crawl_locked
        from pipelines.store import check_story_index

        with refusals():
            check_story_index(path, settings)  # before any request
            return crawl_locked(
                targets,
                settings,
                progress=print_progress if not quiet and sys.stderr.isatty() else None,
                stopping=None if quiet else _say_stopping,
                stopped_early=lambda: early_stop.received,
            )


def _say_stopping(in_flight: int) -> None:
    if sys.stderr.isatty():
        show_progress_line("")  # the message on a line of its own; progress goes on below it
    click.echo(
        f"wirecrawl: stopping: finishing {in_flight} page{'s' if in_flight != 1 else ''} in flight "
        "(again to stop at once)",
        err=True,
    )
