"""What the commands share: their options, how a refusal is reported, and the lines more than one prints.

Only what every command needs is imported here, so that the first line (``--help``, the
crawl's "starting") is on the screen at once: Scrapy, trafilatura, sqlite-utils and the
rest are imported inside the commands that use them, or by the library functions they call
(benchmarks/first_line.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crawler.config import Source, SourcesError, corpus_path, load_sources, sources_path
from crawler.exit_status import ExitStatus
from storage.errors import CorpusError
from storage.lock import CorpusLock, CorpusLocked, lock_corpus, locked_corpus

if TYPE_CHECKING:
    from scrapy.settings import Settings
    from sqlite_utils import Database

    from storage.corpus import Corpus

__all__ = [
    "ConfigError",
    "LockHeld",
    "check_source",
    "corpus_lock",
    "db_option",
    "declared_sources",
    "echo_json",
    "filter_options",
    "json_option",
    "open_db",
    "parse_overrides",
    "parse_pairs",
    "print_report",
    "read_only_corpus",
    "reading_filters",
    "refusals",
    "run_settings",
    "sample_option",
    "set_option",
    "sources_option",
    "story_size",
    "wait_option",
    "writing_corpus",
]

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

    exit_code = ExitStatus.CONFIG

    def show(self, file: Any = None) -> None:
        click.echo(f"wirecrawl: {self.format_message()}", err=True)


class LockHeld(ConfigError):
    """Another run holds the corpus lock: one line on stderr, exit status 3."""

    exit_code = ExitStatus.LOCKED


@contextmanager
def refusals(*refused: type[Exception]) -> Iterator[None]:
    """A corpus that cannot be used (or one of the ``refused`` errors) as one line, exit status 2;
    a corpus another run holds the lock of, exit status 3."""
    unusable: tuple[type[Exception], ...] = (CorpusError, *refused)
    try:
        yield
    except CorpusLocked as held:
        raise LockHeld(f"{held}; exiting (--wait waits for it)") from None
    except unusable as error:
        raise ConfigError(str(error)) from None


def _say_waiting(reason: str) -> None:
    click.echo(f"wirecrawl: {reason}; waiting for it to finish", err=True)


def corpus_lock(path: Path, wait: bool, create: bool = False) -> CorpusLock:
    """The corpus lock of a writing command, taken (``wait``: waited for); see :func:`storage.lock.lock_corpus`."""
    with refusals():
        return lock_corpus(path, wait, _say_waiting, create)


@contextmanager
def writing_corpus(db_file: Path | None, wait: bool, create: bool = False) -> Iterator[Corpus]:
    """The corpus of a writing command other than crawl, opened under its lock (``create``: made if
    missing, as the cluster's writer does); see :func:`storage.lock.locked_corpus`."""
    with ExitStack() as stack:
        with refusals():
            corpus = stack.enter_context(locked_corpus(corpus_path(db_file), wait, _say_waiting, create))
        yield corpus


def declared_sources(sources_file: Path | None) -> list[Source]:
    """The sources of the sources file; an invalid file is one line, exit status 2."""
    with refusals(SourcesError):
        return load_sources(sources_file)


def open_db(db_file: Path | None) -> Database:
    """The corpus for a reading command: opened read-only, never changed."""
    from storage.corpus import open_read_only

    with refusals():
        return open_read_only(corpus_path(db_file))


def read_only_corpus(db_file: Path) -> Corpus:
    """A corpus to read from, opened as :func:`open_db` opens it."""
    from storage.corpus import Corpus

    with refusals():
        return Corpus.read_only(db_file)


def run_settings(
    corpus: Path,
    overrides: tuple[str, ...],
    sources_file: Path | None = None,
    log_level: str | None = None,
    log_file: Path | None = None,
) -> Settings:
    """The run's settings with the ``-s`` overrides; a malformed or mistyped one is a configuration error."""
    from crawler.run.runner import crawl_settings

    with refusals(ValueError):
        return crawl_settings(sources_path(sources_file), corpus, parse_overrides(overrides), log_level, log_file)


def parse_overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """The ``-s NAME=VALUE`` options."""
    return parse_pairs(pairs, "=", "-s expects NAME=VALUE")


def parse_pairs(pairs: tuple[str, ...], separator: str, usage: str) -> dict[str, str]:
    """NAME<separator>VALUE of a repeatable option; ``usage`` says the form when one does not fit it."""
    parsed = {}
    for pair in pairs:
        name, sep, value = pair.partition(separator)
        if not sep or not name.strip():
            raise ConfigError(f"{usage}, got {pair!r}")
        parsed[name.strip()] = value
    return parsed


def check_source(source: str | None, held: list[str], path: Path) -> None:
    """Refuse a --source the corpus at ``path`` holds no articles of, listing those it ``held``."""
    if source is not None and source not in held:
        raise ConfigError(f"no source named {source!r} in {path} (it holds: {', '.join(held) or 'none'})")


def reading_filters(db: Database, path: Path, source: str | None, language: str | None) -> dict[str, Any]:
    """The --source and --language of a reading command, checked against what the corpus holds."""
    from crawler.languages import language_code
    from storage.queries import corpus_stats

    held = corpus_stats(db, runs=0)
    check_source(source, [str(row["source"]) for row in held["sources"]], path)
    code = language_code(language) if language is not None else None
    if language is not None and not code:
        languages = ", ".join(str(row["language"]) for row in held["languages"] if row["language"]) or "none"
        raise ConfigError(f"--language {language!r} is not a language code or name (the corpus holds: {languages})")
    return {"source": source, "language": code}


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A --since/--until day as YYYY-MM-DD; anything else is refused in one line."""
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise ConfigError(f"--{param.name} {value!r} is not a day (YYYY-MM-DD, e.g. 2026-11-01)") from None


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
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


def echo_json(value: Any) -> None:
    """One JSON value on one line of stdout (UTF-8 as is)."""
    click.echo(json.dumps(value, ensure_ascii=False, default=str))


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


def print_report(report: Any) -> None:
    """A crawl run's summary (``crawl`` and ``demo``): its totals, and a line per source when there are several."""
    totals = report.totals
    click.echo(
        f"Run {report.run_id} {report.status} in {report.elapsed:.1f} s: {totals.get('pages_fetched', 0)} pages fetched, "
        f"{totals.get('articles_added', 0)} articles stored ({totals.get('copies', 0)} of them copies of a story first published by another page), "
        f"{report.same_page_duplicates} pages already stored under another URL, {totals.get('dropped', 0)} pages not articles, "
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
