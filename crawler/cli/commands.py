"""The ``wirecrawl`` command line: parses arguments and reports; the package does the work.

Only what every command needs is imported here, so that the first line (``--help``, the
crawl's "starting") is on the screen at once: Scrapy, trafilatura, sqlite-utils and the
rest are imported inside the commands that use them (benchmarks/first_line.py).
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click

from crawler import __version__
from crawler.config import (
    NAME_PATTERN,
    Source,
    SourcesError,
    append_sources,
    corpus_path,
    dump_sources,
    load_sources,
    source_name,
    sources_path,
)
from crawler.process.fork_server import start_fork_server
from crawler.run.progress import print_progress, show_progress_line
from storage.errors import CorpusError
from storage.lock import CorpusLock, CorpusLocked

if TYPE_CHECKING:
    from scrapy.settings import Settings
    from sqlite_utils import Database

    from pipelines.core import StoryRules
    from storage.corpus import Corpus

#: Exit statuses (documented in the README).
EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_LOCKED, EXIT_ERRORS = 0, 1, 2, 3, 4

sources_option = click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Sources file (default: ./sources.toml, or $WIRECRAWL_SOURCES).",
)
db_option = click.option(
    "--db",
    "db_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Corpus SQLite file (default: ./corpus.db, or $WIRECRAWL_DB).",
)
json_option = click.option(
    "--json", "as_json", is_flag=True, help="Machine-readable output (see the README: one document or JSON lines)."
)
wait_option = click.option(
    "--wait", is_flag=True, help="If another run holds the corpus lock, wait for it instead of exiting (status 3)."
)
set_option = click.option(
    "-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a Scrapy setting (repeatable)."
)
sample_option = click.option(
    "--sample",
    type=click.IntRange(min=0),
    help="New article pages fetched per source in a dry run. [default: DRY_RUN_SAMPLE, 5]",
)


class ConfigError(click.ClickException):
    """A bad sources file, corpus or argument: one line on stderr, exit status 2."""

    exit_code = EXIT_CONFIG

    def show(self, file: Any = None) -> None:
        click.echo(f"wirecrawl: {self.format_message()}", err=True)


class LockHeld(ConfigError):
    """Another run holds the corpus lock: one line on stderr, exit status 3."""

    exit_code = EXIT_LOCKED


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecrawl")
def cli() -> None:
    """wirecrawl: crawl declared news sources into a searchable SQLite corpus."""


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="wirecrawl")


def _echo_json(value: Any) -> None:
    """One JSON value on one line of stdout (UTF-8 as is)."""
    click.echo(json.dumps(value, ensure_ascii=False, default=str))


def _load_sources(sources_file: Path | None) -> list[Source]:
    try:
        return load_sources(sources_file)
    except SourcesError as error:
        raise ConfigError(str(error)) from None


def _open_db(db_file: Path | None) -> Database:
    """The corpus for a reading command: opened read-only, never changed."""
    from storage.corpus import open_read_only

    try:
        return open_read_only(corpus_path(db_file))
    except CorpusError as error:
        raise ConfigError(str(error)) from None


def _read_only_corpus(db_file: Path) -> Corpus:
    """A corpus to read from, opened as :func:`_open_db` opens it."""
    from storage.corpus import Corpus

    try:
        return Corpus.read_only(db_file)
    except CorpusError as error:
        raise ConfigError(str(error)) from None


def _language(db: Database, language: str | None) -> str | None:
    """The code a --language stands for (``EN``, ``english`` -> ``en``); anything else is refused,
    listing the languages the corpus holds."""
    from crawler.languages import language_code
    from storage.queries import corpus_stats

    if language is None:
        return None
    if code := language_code(language):
        return code
    held = ", ".join(str(row["language"]) for row in corpus_stats(db, runs=0)["languages"] if row["language"]) or "none"
    raise ConfigError(f"--language {language!r} is not a language code or name (the corpus holds: {held})")


def _check_source(source: str | None, held: list[str], path: Path) -> None:
    """Refuse a --source the corpus at ``path`` holds no articles of, listing those it ``held``."""
    if source is not None and source not in held:
        raise ConfigError(f"no source named {source!r} in {path} (it holds: {', '.join(held) or 'none'})")


def _filters(db: Database, path: Path, source: str | None, language: str | None) -> dict[str, Any]:
    """The --source and --language of a reading command, checked against what the corpus holds."""
    from storage.queries import corpus_stats

    _check_source(source, [str(row["source"]) for row in corpus_stats(db, runs=0)["sources"]], path)
    return {"source": source, "language": _language(db, language)}


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until day as YYYY-MM-DD; anything else is refused in one line."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"--{param.name} {value!r} is not a day (YYYY-MM-DD, e.g. 2026-11-01)") from None


def filter_options(command: Any) -> Any:
    """--source, --language, --since and --until, as `search` and `export` take them."""
    for option in reversed(
        [
            click.option("--source", help="Only pages of this source (by its name in the sources file)."),
            click.option("--language", help="Only pages in this language: a code or a name (de, DE, german, Deutsch)."),
            click.option(
                "--since", callback=_day, metavar="YYYY-MM-DD", help="Only pages published on or after this day."
            ),
            click.option(
                "--until", callback=_day, metavar="YYYY-MM-DD", help="Only pages published on or before this day."
            ),
        ]
    ):
        command = option(command)
    return command


def _say_stopping(in_flight: int) -> None:
    if sys.stderr.isatty():
        show_progress_line("")  # the message on a line of its own; progress goes on below it
    click.echo(
        f"wirecrawl: stopping: finishing {in_flight} page{'s' if in_flight != 1 else ''} in flight "
        "(again to stop at once)",
        err=True,
    )


def _say_waiting(reason: str) -> None:
    click.echo(f"wirecrawl: {reason}; waiting for it to finish", err=True)


def _lock_held(held: CorpusLocked) -> LockHeld:
    return LockHeld(f"{held}; exiting (--wait waits for it)")


@contextmanager
def _locked_corpus(db_file: Path | None, wait: bool, create: bool = False) -> Iterator[Corpus]:
    """The corpus for a writing command other than crawl, opened holding the corpus lock
    (``create``: made if missing, as the cluster's writer does).

    The lock comes first, before anything slow is imported (a refused run exits at once)
    and before the corpus is opened (opening migrates it); it is released however the
    command ends. A read-only corpus is refused once the lock is held.
    """
    from storage.corpus import Corpus, check_writable

    path = corpus_path(db_file)
    with _corpus_lock(path, wait, create):
        try:
            check_writable(path)
            corpus = Corpus(path, create=create)
        except CorpusError as error:
            raise ConfigError(str(error)) from None
        try:
            yield corpus
        except BaseException:
            corpus.abandon()  # without Corpus.close()'s commit: what failed stays rolled back
            raise
        corpus.close()


def _corpus_lock(path: Path, wait: bool, create: bool = False) -> CorpusLock:
    """The corpus lock of a writing command, taken (``wait``: waited for); a refusal is one line."""
    from storage.corpus import check_exists, check_writable

    try:
        # A stat, nothing opened: a missing corpus (or, to create, a missing directory) leaves no lock file behind.
        check_writable(path) if create else check_exists(path)
        return CorpusLock(path).acquire(wait=wait, waiting=_say_waiting)
    except CorpusLocked as held:
        raise _lock_held(held) from None
    except CorpusError as error:
        raise ConfigError(str(error)) from None


def _settings(
    corpus: Path,
    overrides: tuple[str, ...],
    sources_file: Path | None = None,
    log_level: str | None = None,
    log_file: Path | None = None,
) -> Settings:
    """The run's settings with the ``-s`` overrides; a malformed or mistyped one is a configuration error."""
    from crawler.run.runner import crawl_settings

    try:
        return crawl_settings(sources_path(sources_file), corpus, _parse_overrides(overrides), log_level, log_file)
    except ValueError as error:
        raise ConfigError(str(error)) from None


#: How much of a removed block ``extract --explain`` shows.
EXCERPT_CHARS = 80


def _excerpt(block: str) -> str:
    """A block's first :data:`EXCERPT_CHARS` characters on one line, quoted."""
    line = " ".join(block.split())
    return json.dumps(line if len(line) <= EXCERPT_CHARS else line[: EXCERPT_CHARS - 1] + "…", ensure_ascii=False)


def _parse_hints(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    try:
        hints = json.loads(value)
    except json.JSONDecodeError as error:
        raise ConfigError(f"--hints is not JSON: {error}") from None
    if not isinstance(hints, dict):
        raise ConfigError('--hints must be a JSON object, e.g. \'{"language": "de"}\'')
    return hints


def _parse_headers(pairs: tuple[str, ...]) -> dict[str, str]:
    parsed = _parse_pairs(pairs, ":", "--header expects 'NAME: VALUE'")
    return {"-".join(part.capitalize() for part in name.split("-")): value.strip() for name, value in parsed.items()}


def _parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    return _parse_pairs(pairs, "=", "-s expects NAME=VALUE")


def _parse_pairs(pairs: tuple[str, ...], separator: str, usage: str) -> dict[str, str]:
    """NAME<separator>VALUE of a repeatable option; ``usage`` says the form when one does not fit it."""
    parsed = {}
    for pair in pairs:
        name, sep, value = pair.partition(separator)
        if not sep or not name.strip():
            raise ConfigError(f"{usage}, got {pair!r}")
        parsed[name.strip()] = value
    return parsed


@cli.command()
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
    targets = _targets(names, _load_sources(sources_file), sources_file)
    if dry_run:
        overrides += _sample_override(sample)
        _dry_run(
            targets, db_file, as_json, overrides, sources_file, log_level=log_level or "WARNING", log_file=log_file
        )
        return
    show_progress = not quiet and sys.stderr.isatty()
    if show_progress:  # before Scrapy is imported, which takes a while
        count = len(targets)
        show_progress_line(f"starting: {count} source{'s' if count != 1 else ''} into {corpus_path(db_file)}")
    try:
        report = _run_crawl(targets, db_file, overrides, sources_file, log_level, log_file, quiet, wait)
    finally:
        if show_progress:
            show_progress_line("")  # the summary (or the error's one line) replaces the last progress line
    if not quiet:
        _print_report(report)
    if report.status in ("interrupted", "failed"):
        sys.exit(EXIT_FAILED)
    if report.too_many_errors:
        click.echo(
            f"wirecrawl: {report.error_rate:.0%} of the pages tried failed "
            f"(more than CORPUS_RUNS_MAX_ERROR_RATE={report.max_error_rate:g})",
            err=True,
        )
        sys.exit(EXIT_ERRORS)


def _run_crawl(
    targets: list[Any],
    db_file: Path | None,
    overrides: tuple[str, ...],
    sources_file: Path | None,
    log_level: str | None,
    log_file: Path | None,
    quiet: bool,
    wait: bool,
) -> Any:
    """The crawl of ``targets`` as the command's options say; a refusal is a :class:`ConfigError`.

    The lock comes first: a refused run exits before Scrapy is imported or the workers start.
    """
    from crawler.process.log_file import check_log_file
    from crawler.run.early_stop import EarlyStop

    path = corpus_path(db_file)
    if log_file is not None:  # before the lock: a refused run leaves nothing behind, not even a lock file
        try:
            check_log_file(log_file)
        except ValueError as error:
            raise ConfigError(str(error)) from None
    with _corpus_lock(path, wait, create=True):
        early_stop = EarlyStop()
        start_fork_server(_parse_overrides(overrides))  # the stages load on another core while Scrapy loads here
        settings = _settings(path, overrides, sources_file, log_level or ("ERROR" if quiet else "WARNING"), log_file)
        from crawler.run.runner import crawl_locked

        try:
            return crawl_locked(
                targets,
                settings,
                progress=print_progress if not quiet and sys.stderr.isatty() else None,
                stopping=None if quiet else _say_stopping,
                stopped_early=lambda: early_stop.received,
            )
        except CorpusError as error:
            raise ConfigError(str(error)) from None


def _targets(names: tuple[str, ...], sources: list[Source], sources_file: Path | None) -> list[Any]:
    """What to crawl: the named sources and spiders for the article URLs among ``names``; every source without names."""
    known = [source.name for source in sources]
    urls = [name for name in names if "://" in name]
    unknown = [name for name in names if name not in known and name not in urls]
    if unknown:
        raise ConfigError(f"no source named {unknown[0]!r} in {sources_path(sources_file)} (known: {', '.join(known)})")
    return [name for name in names if name not in urls] + _url_spiders(urls, sources) if names else known


def _sample_override(sample: int | None) -> tuple[str, ...]:
    return () if sample is None else (f"DRY_RUN_SAMPLE={sample}",)


def _dry_run(
    targets: list[Any],
    db_file: Path | None,
    as_json: bool,
    overrides: tuple[str, ...],
    sources_file: Path | None,
    **logging: Any,
) -> None:
    """Dry-run ``targets`` and print what each would fetch and store; exit 1 if one announced no article.

    ``logging``: :func:`_settings`' ``log_level`` (default WARNING) and ``log_file``.
    """
    corpus = corpus_path(db_file)
    if sys.stderr.isatty():  # before Scrapy is imported
        show_progress_line(f"dry run of {len(targets)} source{'s' if len(targets) != 1 else ''}: nothing is written")
    settings = _settings(corpus, overrides, sources_file, **({"log_level": "WARNING"} | logging))
    from crawler.run.dry_run import dry_run

    try:
        trials = dry_run(targets, settings)
    except CorpusError as error:
        raise ConfigError(str(error)) from None
    finally:
        if sys.stderr.isatty():
            show_progress_line("")
    for trial in trials:
        if as_json:
            _echo_json(trial.as_dict())
        else:
            _print_trial(trial)
    if not as_json:
        click.echo(f"dry run: nothing was written{f' to {corpus}' if corpus.exists() else f'; no corpus at {corpus}'}")
    if any(not trial.announced or trial.finish_reason != "finished" for trial in trials):
        sys.exit(EXIT_FAILED)


def _print_trial(trial: Any) -> None:
    from storage.outcomes import YIELDED_NOTHING

    sampled = len(trial.sample)
    click.echo(
        f"{trial.source}: {trial.announced} article URLs announced: {trial.stored} already stored, "
        f"{trial.new} new ({sampled} fetched as a sample)"
    )
    for page in trial.sample.values():
        published = (page.published or "")[:10] or "----------"
        if page.would_store:
            click.echo(
                f"  would store ({page.outcome}): {published} {page.language or '--'} {page.title or '(untitled)'}"
            )
        else:
            click.echo(f"  not stored: {page.outcome}{f' ({page.detail})' if page.detail else ''}")
        click.echo(f"    {page.url}")
    if trial.rejected:
        click.echo("  not stored, by reason (one example each):")
        for reason, rejected in sorted(trial.rejected.items(), key=lambda kv: -kv[1]["count"]):
            click.echo(f"    {reason} {rejected['count']}: {rejected['example']} ({rejected['detail']})")
    if trial.failed:
        click.echo("  failed requests: " + ", ".join(f"{reason} {count}" for reason, count in trial.failed.items()))
    if not trial.announced:
        causes = "; ".join(
            f"{rejected['example']}: {rejected['detail']}"
            for reason, rejected in trial.rejected.items()
            if reason.startswith(YIELDED_NOTHING)
        )
        click.echo(
            f"  nothing to crawl: no article URL came from {trial.source}'s feeds, sitemaps and listings"
            + (f" ({causes})" if causes else "")
        )


def _url_spiders(urls: list[str], sources: list[Source]) -> list[Any]:
    """One spider per source for the article ``urls`` given: the declared source whose site each
    is on, else a source named after its host."""
    if not urls:
        return []  # Scrapy is not imported before the first line
    from crawler.web.urls import normalize_url
    from spiders.source import SourceSpider

    by_source: dict[Source, list[str]] = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError(f"{url!r} is not an http(s) URL")
        source = next((s for s in sources if s.declares_site_of(url)), None) or Source(name=parts.hostname)
        by_source.setdefault(source, []).append(normalize_url(url))
    return [SourceSpider.for_source(source, tuple(given)) for source, given in by_source.items()]


def _print_report(report: Any) -> None:
    totals = report.totals
    same_page = totals.get("duplicates", 0) - totals.get("copies", 0)
    click.echo(
        f"Run {report.run_id} {report.status} in {report.elapsed:.1f} s: {totals.get('pages_fetched', 0)} pages fetched, "
        f"{totals.get('articles_added', 0)} articles stored ({totals.get('copies', 0)} of them copies of a story first published by another page), "
        f"{same_page} pages already stored under another URL, {totals.get('dropped', 0)} pages not articles, "
        f"{totals.get('skipped_stored', 0)} stored articles not fetched again, {totals.get('errors', 0)} errors."
        + (
            f" {recleaned} stored articles re-cleaned of their site's templates."
            if (recleaned := totals.get("recleaned"))
            else ""
        )
    )
    if len(report.sources) > 1:
        columns = ("pages_fetched", "articles_added", "duplicates", "dropped", "errors")
        width = max(len(name) for name in report.sources)
        click.echo(f"  {'source'.ljust(width)}  " + "  ".join(c.replace("_", " ") for c in columns))
        for name, counts in report.sources.items():
            cells = "  ".join(str(counts.get(c, 0)).rjust(len(c)) for c in columns)
            click.echo(f"  {name.ljust(width)}  {cells}")


@cli.group(invoke_without_command=True)
@sources_option
@json_option
@click.pass_context
def sources(ctx: click.Context, sources_file: Path | None, as_json: bool) -> None:
    """Validate the sources file and list its sources; `sources check` tries sources, `sources add` finds a site's feeds.

    With --json: one JSON object per source and line (name, feeds, sitemaps, start_urls,
    follow, allow, deny, language, languages, proxy, settings).

    Example:

        wirecrawl sources --sources publishers.example.toml

        wirecrawl sources --json
    """
    ctx.obj = sources_file  # for `wirecrawl sources --sources FILE check NAME`
    if ctx.invoked_subcommand is not None:
        return
    declared = _load_sources(sources_file)
    if as_json:
        for source in declared:
            _echo_json({k: v.pattern if isinstance(v, re.Pattern) else v for k, v in vars(source).items()})
        return
    width = max(len(source.name) for source in declared)
    for source in declared:
        routes = ", ".join(
            f"{len(urls)} {kind}"
            for kind, urls in (("feeds", source.feeds), ("sitemaps", source.sitemaps), ("listings", source.start_urls))
            if urls
        )
        click.echo(f"{source.name.ljust(width)}  {source.language or '--'}  {routes}")
    click.echo(f"{len(declared)} sources OK in {sources_path(sources_file)}", err=True)


@sources.command()
@click.argument("names", nargs=-1, required=True)
@sources_option
@db_option
@sample_option
@set_option
@json_option
@click.pass_obj
def check(
    group_sources_file: Path | None,
    names: tuple[str, ...],
    sources_file: Path | None,
    db_file: Path | None,
    sample: int | None,
    overrides: tuple[str, ...],
    as_json: bool,
) -> None:
    """Try sources before trusting them: crawl them without writing anything.

    Their feeds, sitemaps and listing pages are read through the crawl's own spider and
    stages (robots.txt and politeness apply), and a sample of the new article pages is
    fetched (--sample, default DRY_RUN_SAMPLE=5). Printed per source: the article URLs
    announced (already stored, new), each sampled page with its title, date and language
    (or why it would not be stored), and what was not stored, by reason. Nothing is
    written: not the corpus (none is created), not its lock.

    With --json: one JSON object per source and line (source, announced, stored, new,
    sample: [{url, would_store, outcome, title, published, language, detail}], rejected:
    {reason: {count, example, detail}}, failed: {reason: count}, finish_reason).

    Exit status: 0 success; 1 a source announced no article URL, or its run failed;
    2 configuration error.

    Example:

        wirecrawl sources check example-news

        wirecrawl sources check example-news --sample 10 --json
    """
    sources_file = sources_file or group_sources_file
    targets = _targets(names, _load_sources(sources_file), sources_file)
    _dry_run(targets, db_file, as_json, overrides + _sample_override(sample), sources_file)


@sources.command()
@click.argument("url")
@click.option("--name", help="The source's name. [default: the site's host, e.g. example-com]")
@click.option(
    "--append",
    "append_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also add the block to this sources file (created if missing), if the result is a valid sources file.",
)
@set_option
def add(url: str, name: str | None, append_file: Path | None, overrides: tuple[str, ...]) -> None:
    """Find a site's feeds and sitemaps and print a ready [[sources]] block for them.

    Looks at the page at URL (the site's home page) for <link rel="alternate"> feeds, at
    its robots.txt for Sitemap: lines, and at the usual feed and sitemap paths (/feed,
    /rss, /rss.xml, /atom.xml, /feed.xml, /index.xml, /sitemap.xml, /sitemap_index.xml,
    /news-sitemap.xml, /sitemap-news.xml); a document counts if the crawl's parsers read
    entries from it. robots.txt and the politeness settings apply; nothing is written
    but the block: to stdout, and with --append at the end of FILE (refused, the file
    untouched, if the result would not be a valid sources file: a duplicate name, ...).

    Exit status: 0 found; 2 the site cannot be read, nothing found, or --append refused.

    Example:

        wirecrawl sources add https://example.com/

        wirecrawl sources add https://example.com/ --name example --append sources.toml
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{url!r} is not an http(s) URL")
    name = name or source_name(url)
    if not NAME_PATTERN.match(name):
        raise ConfigError(f"--name {name!r} must match [a-z0-9_-]+")
    if append_file is not None and not append_file.parent.is_dir():
        raise ConfigError(f"--append {append_file}: no directory {append_file.parent}")
    if append_file is not None and append_file.exists():
        taken = [source.name for source in _load_sources(append_file)]  # an invalid file: refused before any request
        if name in taken:
            raise ConfigError(f"{append_file} has a source named {name!r} already (--name NAME names this one)")
    # Errors only: the usual paths a site does not serve are expected to fail, the result says what was found.
    settings = _settings(corpus_path(None), overrides, log_level="ERROR")
    if sys.stderr.isatty():  # before Scrapy is imported
        show_progress_line(f"looking for feeds and sitemaps on {url}")
    from crawler.run.site_discovery import discover_site
    from spiders.discovery import FEED_PATHS, SITEMAP_PATHS

    try:
        found = discover_site(url, settings)
    finally:
        if sys.stderr.isatty():
            show_progress_line("")
    if not found.feeds and not found.sitemaps:
        if found.home_failure:
            raise ConfigError(f"cannot read {url}: {found.home_failure}")
        raise ConfigError(
            f'no feed or sitemap found on {url} (looked at its <link rel="alternate">, robots.txt, '
            f"{', '.join(FEED_PATHS + SITEMAP_PATHS)}): declare its listing pages as start_urls instead"
        )
    for kind, documents in (("feed", found.feeds), ("sitemap", found.sitemaps)):
        for document, entries in documents.items():
            click.echo(f"found {kind} {document} ({entries} entries)", err=True)
    table: dict[str, Any] = {"name": name, "feeds": list(found.feeds), "sitemaps": list(found.sitemaps)}
    table = {key: value for key, value in table.items() if value}
    if found.language:
        table["language"] = found.language
    if append_file is not None:
        try:
            append_sources(append_file, [table])
        except SourcesError as error:
            raise ConfigError(f"not added: {error}") from None
        click.echo(f"added source {name!r} to {append_file}", err=True)
    click.echo(dump_sources([table]), nl=False)


@cli.command()
@db_option
@click.option(
    "--runs",
    type=click.IntRange(min=1),
    is_flag=False,
    flag_value=10,
    help="Only the last N crawl runs (10 without N), with their failures by reason.",
)
@json_option
def stats(db_file: Path | None, runs: int | None, as_json: bool) -> None:
    """Counts by source and language, stories vs copies, and the last crawl runs.

    With --runs: only the last runs, one line each (status, duration, counts, error rate)
    and the reasons their pages failed or were not stored.

    With --json: one JSON document {totals, sources, languages, runs}; with --runs --json,
    one JSON object per run and line, newest first.

    Example:

        wirecrawl stats --db corpus.db

        wirecrawl stats --runs 20

        wirecrawl stats --json
    """
    from storage.queries import corpus_stats, recent_runs

    db = _open_db(db_file)
    if runs is not None:
        recent = recent_runs(db, runs)
        for run in recent if as_json else ():
            _echo_json(run)
        if not as_json:
            _print_runs(recent)
        return
    report = corpus_stats(db, runs=5)
    if as_json:
        _echo_json(report)
        return
    totals = report["totals"]
    click.echo(
        f"{totals['articles']} articles in {totals['stories']} stories "
        f"({totals['syndicated_stories']} seen on several pages), "
        f"{totals['sources']} sources, {totals['languages']} languages"
    )
    _print_table("By source", report["sources"])
    _print_table("By language", report["languages"])
    _print_table("Last runs", report["runs"])


def _print_runs(runs: list[dict[str, Any]]) -> None:
    from crawler.components.failures import error_rate

    if not runs:
        click.echo("no crawl runs yet")
    for run in runs:
        rate = error_rate(run["errors"], run["pages_fetched"], run["http_errors"])
        rate = f"{rate:.0%}" if rate is not None else "-"
        click.echo(
            f"run {run['id']}  {run['started']} .. {run['finished'] or '-'}  {run['status']}  "
            f"{run['sources']} sources, {run['pages_fetched']} pages, {run['articles_added']} stored, "
            f"{run['duplicates']} duplicates, {run['dropped']} not articles, {run['errors']} errors ({rate})"
        )
        if run["failures"]:
            click.echo("    failed: " + ", ".join(f"{reason} {count}" for reason, count in run["failures"].items()))
        if run["not_stored"]:
            click.echo(
                "    not stored: " + ", ".join(f"{reason} {count}" for reason, count in run["not_stored"].items())
            )
        if run["yielded_nothing"]:
            click.echo(
                "    feeds, sitemaps and listings yielding no article: "
                + ", ".join(f"{cause} {count}" for cause, count in run["yielded_nothing"].items())
            )
        if run["recleaned"]:
            click.echo(f"    re-cleaned: {run['recleaned']} stored articles of their site's templates")


def _print_table(title: str, rows: list[dict[str, Any]]) -> None:
    click.echo(f"\n{title}:")
    if not rows:
        click.echo("  (none)")
        return
    names = list(rows[0])
    widths = {n: max(len(n), *(len(str(r[n] if r[n] is not None else "-")) for r in rows)) for n in names}
    click.echo("  " + "  ".join(n.ljust(widths[n]) for n in names))
    for row in rows:
        click.echo("  " + "  ".join(str(row[n] if row[n] is not None else "-").ljust(widths[n]) for n in names))


@cli.command()
@click.argument("url")
@db_option
def why(url: str, db_file: Path | None) -> None:
    """What became of one URL: stored (as which article, in which story), not stored and why, or never seen.

    A page not stored says its reason as the run counted it: dropped/no_body (too short or
    no body), dropped/not_article, skipped/language/fr, duplicates/url (the page of a stored
    article, named), skipped/robots, errors/http_404, skipped/filtered_url (the source's
    allow/deny), ... The corpus keeps the latest outcome of each URL (table page_outcomes).
    A feed, sitemap or listing URL that led to no article says why (discovery/nothing/robots,
    /empty, /filtered); a stored page whose rel=canonical was ignored says so in a note.

    Example:

        wirecrawl why https://example.com/news/1 --db corpus.db
    """
    from crawler.web.urls import normalize_url
    from storage.outcomes import YIELDED_NOTHING, page_fate

    try:
        normalized = normalize_url(url)
    except ValueError:
        normalized = url
    fate = page_fate(_open_db(db_file), [url, normalized])
    if fate["fate"] == "stored":
        origin = "its origin" if fate["origin"] else f"a copy; origin {fate['origin_url']}"
        click.echo(
            f"stored: article {fate['article_id']} ({fate['source']}) {fate['title'] or '(untitled)'}  {fate['url']}\n"
            f"  story {fate['story_id']} ({story_size(fate['copies'])}; this is {origin}), "
            f"published {fate['published'] or '--'}, fetched {fate['fetched_at']}"
            + (f"\n  note: {fate['note']}" if fate["note"] else "")
        )
    elif fate["fate"] == "not_stored":
        duplicate = (
            f"; the page of article {fate['article_id']} {fate['duplicate_of']} (story {fate['story_id']})"
            if fate["article_id"]
            else ""
        )
        outcome = "yields no article" if fate["reason"].startswith(YIELDED_NOTHING) else "not stored"
        click.echo(
            f"{outcome}: {fate['reason']} ({fate['detail']}){duplicate}\n"
            f"  source {fate['source']}, run {fate['run_id'] or '-'}, {fate['seen']}"
        )
    else:
        click.echo(f"never seen: {url} is not in the corpus, and no crawl recorded it")


@cli.command()
@click.argument("query")
@filter_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="Most stories to show.")
@db_option
@json_option
def search(
    query: str,
    source: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    db_file: Path | None,
    as_json: bool,
) -> None:
    """Full-text search over titles and texts: one line per story.

    Each line: story id, copies, language, publication date, title, URL of the best match;
    with --json, one JSON object per story and line with those fields.
    Plain words must all match; FTS5 syntax works too ("a phrase", storm OR flood, harb*),
    and a query that is not valid FTS5 is searched as plain words.

    Example:

        wirecrawl search "central bank" --language en --limit 5

        wirecrawl search '"tram extension" OR ferry' --source meridian --since 2026-11-01
    """
    from storage.queries import search_stories

    if not query.replace('"', " ").split():
        raise ConfigError("the search query is empty: give at least one word")
    db = _open_db(db_file)
    filters = _filters(db, corpus_path(db_file), source, language)
    hits = search_stories(db, query, limit=limit, since=since, until=until, **filters)
    for hit in hits if as_json else ():
        _echo_json(dataclasses.asdict(hit))
    for hit in () if as_json else hits:
        published = (hit.published or "")[:10] or "----------"
        click.echo(
            f"{hit.story_id:>6}  {story_size(hit.copies, short=True):<11} {hit.language or '--':<3} {published}  {hit.title or '(untitled)'}  {hit.url}"
        )
    if not hits:
        click.echo(f"no stories match {query!r}", err=True)


@cli.command()
@click.argument("story_id", type=int)
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON document: the story, its origin and its copies.")
def story(story_id: int, db_file: Path | None, as_json: bool) -> None:
    """Show a story's provenance: its origin, then every copy and how it differs.

    The origin is the article published first (then the first fetched). Each copy follows with
    its source, publication time, lag behind the origin, similarity to it (the larger of
    Jaccard and containment of their shingles), the source it credits, and what changed:
    truncated (with the share of the origin kept), lead dropped, extended, rewritten headline,
    edited.

    Example:

        wirecrawl story 42

        wirecrawl story 42 --json
    """
    from crawler.setting_checks import project_settings
    from pipelines.core.provenance import story_provenance
    from pipelines.core.story_rules import INDEX_NAME, index_fingerprinter
    from storage.queries import recorded_settings, story_with_copies

    db = _open_db(db_file)
    found = story_with_copies(db, story_id)
    if found is None:
        raise ConfigError(f"no story {story_id}")
    fingerprinter = index_fingerprinter(recorded_settings(db, INDEX_NAME), project_settings())
    provenance = story_provenance(*found, fingerprinter)
    if as_json:
        click.echo(json.dumps(provenance, ensure_ascii=False, indent=2))
        return
    _print_provenance(provenance)


def _print_provenance(provenance: dict[str, Any]) -> None:
    from pipelines.core.provenance import format_lag

    row, origin, copies = provenance["story"], provenance["origin"], provenance["copies"]
    sources = len({origin["source"], *(copy["source"] for copy in copies)})
    click.echo(
        f"Story {row['id']}: {row['title'] or '(untitled)'}\n"
        f"  {story_size(row['copies'])} from {sources} "
        f"{'source' if sources == 1 else 'sources'}, language {row['language'] or '--'}, "
        f"seen {row['first_seen']} .. {row['last_seen']}"
    )
    click.echo(
        f"Origin: {origin['source']}, published {origin['published'] or '-- (undated; first fetched)'}"
        f"{_credit(origin)}\n  {origin['title'] or '(untitled)'}\n  {origin['url']}"
    )
    if not copies:
        return
    click.echo("Copies (lag behind the origin, similarity to it, what changed):")
    for copy in copies:
        lag = format_lag(copy["lag_seconds"], copy["lag_basis"])
        changes = ", ".join(
            f"truncated ({copy['kept']:.0%} kept)" if change == "truncated" else change for change in copy["changes"]
        )
        click.echo(
            f"  {lag:<8} {copy['similarity']:.2f}  {copy['source']}, published {copy['published'] or '--'}: "
            f"{changes or 'identical'}{_credit(copy)}\n"
            f"           {copy['title'] or '(untitled)'}\n           {copy['url']}"
        )


def story_size(articles: int, short: bool = False) -> str:
    """A story's size in the one vocabulary of the CLI and the docs: its articles are its origin
    and its copies (``3 articles (origin + 2 copies)``; ``short``: ``3 articles``)."""
    if articles == 1:
        return "1 article" if short else "1 article, no copy"
    copies = articles - 1
    return (
        f"{articles} articles"
        if short
        else f"{articles} articles (origin + {copies} cop{'y' if copies == 1 else 'ies'})"
    )


def _credit(article: dict[str, Any]) -> str:
    return f"; credits {article['credited_source']}" if article["credited_source"] else ""


@cli.command()
@click.option("--rebuild", is_flag=True, required=True, help="Recompute all stories from the stored texts.")
@db_option
@click.option(
    "-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a DEDUP_* setting (repeatable)."
)
@wait_option
def dedupe(rebuild: bool, db_file: Path | None, overrides: tuple[str, ...], wait: bool) -> None:
    """Recompute the stories of an existing corpus without refetching anything.

    Use it after changing DEDUP_* settings (threshold, shingle size, permutations, bands):
    every article is matched again, in fetch order, and the near-duplicate index rebuilt.
    The summary counts the stories united (copies of two or more earlier stories now one),
    the earlier stories split (their copies now in two or more), and the stories unchanged.

    Exit status: 0 success; 2 configuration error; 3 another run holds the lock.

    Example:

        wirecrawl dedupe --rebuild -s DEDUP_JACCARD=0.6
    """
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress and (done % 500 == 0 or done == total):
            click.echo(f"\r{done}/{total} articles", err=True, nl=done == total)

    with _locked_corpus(db_file, wait) as corpus:
        from pipelines.core import rebuild_stories

        rules = _story_rules(corpus, _settings(corpus.path, overrides))
        changes = rebuild_stories(rules, progress)
        articles = corpus.article_count()
    click.echo(
        f"Rebuilt: {articles} articles in {changes.stories} stories (before: {changes.before} stories): "
        f"{changes.united} united, {changes.split} split, {changes.unchanged} unchanged."
    )


def _story_rules(corpus: Corpus, settings: Settings) -> StoryRules:
    """The story decision the DEDUP_* settings describe; inconsistent ones are a configuration error."""
    from pipelines.core import StoryRules

    try:
        return StoryRules.from_settings(corpus, settings)
    except ValueError as error:
        raise ConfigError(str(error)) from None


@cli.command()
@click.option("--source", help="Only the pages of this source.")
@db_option
@click.option("-s", "--set", "overrides", multiple=True, metavar="NAME=VALUE", help="Override a setting (repeatable).")
@wait_option
def reextract(source: str | None, db_file: Path | None, overrides: tuple[str, ...], wait: bool) -> None:
    """Re-run extraction, cleaning and language over the stored pages, then rebuild the stories.

    No page is fetched: each article's page was kept as fetched (CORPUS_STORE_PAGES), so
    every improvement of extraction reaches the whole corpus.

    Exit status: 0 success; 2 configuration error; 3 another run holds the lock.

    Example:

        wirecrawl reextract --source example-news
    """
    show_progress = sys.stderr.isatty()

    def progress(done: int) -> None:
        if show_progress and done % 200 == 0:
            click.echo(f"\r{done} pages", err=True, nl=False)

    with _locked_corpus(db_file, wait) as corpus:
        from pipelines.reextract import reextract as run_reextract

        _check_source(source, corpus.source_names(), corpus.path)
        settings = _settings(corpus.path, overrides)
        _story_rules(corpus, settings)  # the stories are rebuilt last: refuse bad DEDUP_* before any page
        report = run_reextract(corpus, settings, source=source, progress=progress)
    if show_progress:
        click.echo("", err=True)
    click.echo(
        f"Re-extracted {report.pages} pages: {report.updated} articles updated, {report.unchanged} unchanged, "
        f"{report.not_articles} no longer taken for articles (left as they were); {report.stories} stories."
    )


@cli.command()
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path)
)
@click.option("--url", help="The page's address (only with a single FILE).")
@click.option(
    "--hints",
    "hints_json",
    metavar="JSON",
    help="What discovery said of the page, as the crawl passes it: a JSON object with title, published, language, source_language, source_languages, allow_matched, discovered_via.",
)
@click.option(
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="A response header, e.g. 'Content-Type: text/html; charset=windows-1251' (repeatable).",
)
@click.option(
    "--templates-from",
    "templates_db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Remove the site templates this corpus has learned (read only).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also list each block removed from the body, with the stage that removed it and its evidence (on stderr; "
    "and as `removed` in the JSON).",
)
def extract(
    files: tuple[Path, ...],
    url: str | None,
    hints_json: str | None,
    headers: tuple[str, ...],
    templates_db: Path | None,
    explain: bool,
) -> None:
    """Run the crawl's extraction, cleaning and language detection on saved HTML files (plain or .gz).

    Prints one JSON object per file and line: file, url, title, author, published,
    language, language_probability, text, credit, credited_source (and error, for a page
    that is not an article).
    FILE "-" reads one page from stdin; --url then says its address.
    With --explain, each removed block is listed on stderr (its first 80 characters, the stage:
    credit, declared body, structure, model, phrase or template, and the evidence), and the
    JSON gets `removed`: a list of {block, stage, evidence}.
    Given the same hints and headers, and the corpus whose site templates to remove, a page
    comes out as the crawl stores it.

    Example:

        wirecrawl extract page.html --url https://example.com/news/1

        wirecrawl extract page.html --url https://example.com/news/1 --hints '{"language": "de"}'

        wirecrawl extract saved/*.html.gz --templates-from corpus.db

        wirecrawl extract page.html --url https://example.com/news/1 --explain

        curl -s https://example.com/news/1 | wirecrawl extract - --url https://example.com/news/1
    """
    from pipelines.core import SiteTemplates
    from pipelines.core.removals import Removal
    from pipelines.saved_page import extract_saved_page

    if url and len(files) > 1:
        raise ConfigError("--url needs a single FILE")
    stdin = Path("-")
    if stdin in files and (len(files) > 1 or not url):
        raise ConfigError("FILE - (a page on stdin) goes alone, with --url URL: its address")
    hints = _parse_hints(hints_json)
    header_map = _parse_headers(headers)
    settings = _settings(corpus_path(None), ())
    templates = SiteTemplates.from_settings(_read_only_corpus(templates_db), settings) if templates_db else None
    failed = 0
    for file in files:
        body = sys.stdin.buffer.read() if file == stdin else file.read_bytes()
        removals: list[Removal] | None = [] if explain else None
        result = extract_saved_page(
            body, url or file.resolve().as_uri(), settings, hints, header_map, templates, removals
        )
        if removals is not None:
            result["removed"] = [dataclasses.asdict(removal) for removal in removals]
            for removal in removals:
                click.echo(
                    f"{file}: removed by {removal.stage}: {_excerpt(removal.block)} ({removal.evidence})", err=True
                )
        click.echo(json.dumps({"file": str(file), **result}, ensure_ascii=False))
        failed += "error" in result
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command()
@click.option(
    "--db",
    "db_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("demo.db"),
    show_default=True,
    help="Corpus file to create (a demo corpus there is replaced).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Replace DB even if it is a corpus of other sources (never a file that is not a wirecrawl corpus).",
)
def demo(db_file: Path, force: bool) -> None:
    """Serve a bundled network of demo news sites on 127.0.0.1 and crawl it.

    The sites (several templates, languages, feeds, sitemaps, listing pages and
    syndicated stories) are crawled like any declared source, into DB.

    DB is created, or replaced if it is a demo corpus: a wirecrawl corpus whose articles
    all come from the demo's sources (or that has none). Another corpus is replaced only
    with --force; a file that is not a wirecrawl corpus (not SQLite, another application's
    database) never. Refused: one line, exit status 2, nothing written.

    Example:

        wirecrawl demo --db demo.db
    """
    start_fork_server()  # the workers' stages load on another core while the demo's sites start here
    from crawler.demo.run import run_demo
    from storage.queries import corpus_stats, syndicated_stories

    show_progress = sys.stderr.isatty()
    try:
        report = run_demo(db_file, show_progress=show_progress, force=force)
    except CorpusError as error:
        raise ConfigError(str(error)) from None
    if show_progress:
        show_progress_line("")  # the summary replaces the last progress line
    _print_report(report)
    db = _open_db(db_file)
    summary = corpus_stats(db)
    languages = ", ".join(f"{row['language']} ({row['stories']})" for row in summary["languages"])
    click.echo(f"Stories by language: {languages}")
    for story in syndicated_stories(db):
        click.echo(
            f"Story {story['id']}, {story_size(story['copies'])}: {story['title']} "
            f"(first published by {story['origin_source']}; copied by {', '.join(story['copied_by'])})"
        )
    db.close()
    click.echo(
        f"\nBrowse it: wirecrawl stats --db {db_file}  |  wirecrawl search WORD --db {db_file}  |  "
        f"wirecrawl serve --db {db_file}  |  sqlite3 {db_file} 'SELECT title, language FROM articles'"
    )
    if hint := command_hint():
        click.echo(hint)


def command_hint() -> str:
    """How to type the examples' ``wirecrawl`` here: nothing when it is on PATH, else the virtual
    environment's ``activate`` script or the command's full path (``make demo`` activates nothing)."""
    import shutil

    bin_dir = Path(sys.executable).parent
    found = shutil.which("wirecrawl")
    if found and Path(found).parent.resolve() == bin_dir.resolve():
        return ""
    activate, command = (os.path.relpath(bin_dir / name) for name in ("activate", "wirecrawl"))
    if not (bin_dir / "activate").is_file():
        return f"wirecrawl is not on your PATH: type {command} instead."
    return f"wirecrawl is not on your PATH: run `source {activate}` first, or type {command} instead."


@cli.command()
@db_option
@click.option(
    "--port",
    default=8001,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port on 127.0.0.1 (0: a free one, printed).",
)
def serve(db_file: Path | None, port: int) -> None:
    """Browse the corpus in Datasette on 127.0.0.1: stories, copies, facets, search, canned queries.

    Needs the optional extra: pip install 'wirecrawl[serve]'.

    Example:

        wirecrawl serve --db demo.db --port 8001
    """
    from crawler.serve import DATABASE_NAME
    from crawler.serve.app import DatasetteMissing, corpus_datasette, listen
    from crawler.serve.app import serve as serve_datasette

    path = corpus_path(db_file)
    try:
        datasette = corpus_datasette(path)
    except (CorpusError, DatasetteMissing) as error:
        raise ConfigError(str(error)) from None
    try:
        sock = listen(port)
    except OSError as error:
        raise ConfigError(
            f"cannot serve on 127.0.0.1:{port}: {error.strerror} (--port N picks another, --port 0 a free one)"
        ) from None
    click.echo(f"Serving {path} on http://127.0.0.1:{sock.getsockname()[1]}/{DATABASE_NAME} (Ctrl-C to stop)", err=True)
    serve_datasette(datasette, sock)


@cli.command()
@db_option
@wait_option
def migrate(db_file: Path | None, wait: bool) -> None:
    """Bring the corpus's schema up to this wirecrawl's, in place (after an upgrade).

    Under the corpus lock, each migration in a transaction, after a backup copy of the
    file beside it (CORPUS.before-migrate). crawl, reextract and dedupe migrate too;
    reading commands and serve refuse an older schema until then.

    Exit status: 0 migrated, or nothing to do; 2 not a corpus, or one written by a newer
    wirecrawl; 3 another run holds the lock.

    Example:

        wirecrawl migrate --db news.db
    """
    from storage.corpus import migrate as migrate_corpus

    path = corpus_path(db_file)
    with _corpus_lock(path, wait):
        try:
            applied, backup = migrate_corpus(path)
        except CorpusError as error:
            raise ConfigError(str(error)) from None
    if applied:
        click.echo(f"Migrated {path}: {', '.join(applied)} (the file before: {backup})")
    else:
        click.echo(f"{path} is up to date")


@cli.command()
@db_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["jsonl", "csv"]),
    default=None,
    help="One JSON object per line, or CSV with a header (default: csv for an --output ending in .csv, else jsonl).",
)
@filter_options
@click.option("--stories-only", is_flag=True, help="One row per story instead of one per article.")
@click.option(
    "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-", help="File to write (default: stdout)."
)
def export(
    db_file: Path | None,
    export_format: str | None,
    source: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    stories_only: bool,
    output: Any,
) -> None:
    """Stream the corpus out for other tools: one row per article (with its story, whether it is
    the story's origin, its credit and the source it credits) or per story.

    With --stories-only, --source keeps the stories with an article from that source.
    An --output ending in .csv is written as CSV unless --format says otherwise.

    Example:

        wirecrawl export --since 2026-11-01 --language de > articles.jsonl

        wirecrawl export --source meridian --until 2026-11-30 --stories-only --output stories.csv
    """
    from storage.export import export_corpus, format_for

    db = _open_db(db_file)
    filters = _filters(db, corpus_path(db_file), source, language)
    count = export_corpus(
        db,
        output,
        format=export_format or format_for(output.name),
        since=since,
        until=until,
        stories_only=stories_only,
        **filters,
    )
    click.echo(f"exported {count} {'stories' if stories_only else 'articles'}", err=True)


if __name__ == "__main__":
    main()
