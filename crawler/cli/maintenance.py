"""Corpus maintenance: ``extract`` (saved pages), ``reextract``, ``dedupe``, ``migrate``, and the ``demo``."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from crawler.cli.common import (
    ConfigError,
    check_source,
    corpus_lock,
    db_option,
    open_db,
    parse_pairs,
    print_report,
    read_only_corpus,
    refusals,
    run_settings,
    story_size,
    wait_option,
    writing_corpus,
)
from crawler.config import corpus_path
from crawler.exit_status import ExitStatus
from crawler.process.fork_server import start_fork_server
from crawler.run.progress import show_progress_line

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from pipelines.core import StoryRules
    from storage.corpus import Corpus

__all__ = ["dedupe", "demo", "extract", "migrate", "reextract"]


@click.command()
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
    settings = run_settings(corpus_path(None), ())
    templates = SiteTemplates.from_settings(read_only_corpus(templates_db), settings) if templates_db else None
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
        sys.exit(ExitStatus.FAILED)


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
    parsed = parse_pairs(pairs, ":", "--header expects 'NAME: VALUE'")
    return {"-".join(part.capitalize() for part in name.split("-")): value.strip() for name, value in parsed.items()}


@click.command()
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

    with writing_corpus(db_file, wait) as corpus:
        from pipelines.core import rebuild_stories

        rules = _story_rules(corpus, run_settings(corpus.path, overrides))
        changes = rebuild_stories(rules, progress)
        articles = corpus.article_count()
    click.echo(
        f"Rebuilt: {articles} articles in {changes.stories} stories (before: {changes.before} stories): "
        f"{changes.united} united, {changes.split} split, {changes.unchanged} unchanged."
    )


def _story_rules(corpus: Corpus, settings: Settings) -> StoryRules:
    """The story decision the DEDUP_* settings describe; inconsistent ones are a configuration error."""
    from pipelines.core import StoryRules

    with refusals(ValueError):
        return StoryRules.from_settings(corpus, settings)


@click.command()
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

    with writing_corpus(db_file, wait) as corpus:
        from pipelines.reextract import reextract as run_reextract

        check_source(source, corpus.source_names(), corpus.path)
        settings = run_settings(corpus.path, overrides)
        _story_rules(corpus, settings)  # the stories are rebuilt last: refuse bad DEDUP_* before any page
        report = run_reextract(corpus, settings, source=source, progress=progress)
    if show_progress:
        click.echo("", err=True)
    click.echo(
        f"Re-extracted {report.pages} pages: {report.updated} articles updated, {report.unchanged} unchanged, "
        f"{report.not_articles} no longer taken for articles (left as they were); {report.stories} stories."
    )


@click.command()
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
    with corpus_lock(path, wait), refusals():
        applied, backup = migrate_corpus(path)
    if applied:
        click.echo(f"Migrated {path}: {', '.join(applied)} (the file before: {backup})")
    else:
        click.echo(f"{path} is up to date")


@click.command()
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
    from crawler.process.console_script import console_script
    from storage.queries import corpus_stats, syndicated_stories

    show_progress = sys.stderr.isatty()
    with refusals():
        report = run_demo(db_file, show_progress=show_progress, force=force)
    if show_progress:
        show_progress_line("")  # the summary replaces the last progress line
    print_report(report)
    db = open_db(db_file)
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
    script = console_script()  # `make demo` activates no virtual environment
    if not script.on_path:
        click.echo(
            f"wirecrawl is not on your PATH: run `source {script.activate}` first, or type {script.command} instead."
            if script.activate
            else f"wirecrawl is not on your PATH: type {script.command} instead."
        )
