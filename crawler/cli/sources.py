"""``wirecrawl sources``: list the declared sources, try them (``check``, as ``crawl --dry-run``), add a site (``add``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from crawler.cli.common import (
    ConfigError,
    db_option,
    declared_sources,
    echo_json,
    json_option,
    refusals,
    run_settings,
    sample_option,
    set_option,
    sources_option,
)
from crawler.config import (
    NAME_PATTERN,
    SourcesError,
    append_sources,
    corpus_path,
    dump_sources,
    source_name,
    sources_path,
)
from crawler.exit_status import ExitStatus
from crawler.run.progress import show_progress_line
from spiders.targets import UnknownTarget, check_http_url, crawl_targets

__all__ = ["sources", "try_sources"]


@click.group(invoke_without_command=True)
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
    declared = declared_sources(sources_file)
    if as_json:
        for source in declared:
            echo_json(source.as_dict())
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
    try_sources(names, sources_file or group_sources_file, db_file, as_json, overrides, sample)


def try_sources(
    names: tuple[str, ...],
    sources_file: Path | None,
    db_file: Path | None,
    as_json: bool,
    overrides: tuple[str, ...],
    sample: int | None,
    log_level: str = "WARNING",
    log_file: Path | None = None,
) -> None:
    """Dry-run the sources or article URLs ``names`` and print what each would fetch and store
    (``sources check``, ``crawl --dry-run``); exit 1 if one announced no article or failed."""
    corpus = corpus_path(db_file)
    with refusals(UnknownTarget):
        targets = crawl_targets(names, declared_sources(sources_file), sources_path(sources_file))
    if sys.stderr.isatty():  # before Scrapy is imported
        show_progress_line(f"dry run of {len(targets)} source{'s' if len(targets) != 1 else ''}: nothing is written")
    sampled = () if sample is None else (f"DRY_RUN_SAMPLE={sample}",)
    settings = run_settings(corpus, overrides + sampled, sources_file, log_level, log_file)
    from crawler.run.dry_run import dry_run

    try:
        with refusals():
            trials = dry_run(targets, settings)
    finally:
        if sys.stderr.isatty():
            show_progress_line("")
    for trial in trials:
        if as_json:
            echo_json(trial.as_dict())
        else:
            _print_trial(trial)
    if not as_json:
        click.echo(f"dry run: nothing was written{f' to {corpus}' if corpus.exists() else f'; no corpus at {corpus}'}")
    if not all(trial.succeeded for trial in trials):
        sys.exit(ExitStatus.FAILED)


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
    with refusals(UnknownTarget):
        check_http_url(url)
    name = name or source_name(url)
    if not NAME_PATTERN.match(name):
        raise ConfigError(f"--name {name!r} must match [a-z0-9_-]+")
    if append_file is not None and not append_file.parent.is_dir():
        raise ConfigError(f"--append {append_file}: no directory {append_file.parent}")
    if append_file is not None and append_file.exists():
        taken = [source.name for source in declared_sources(append_file)]  # an invalid file: refused before any request
        if name in taken:
            raise ConfigError(f"{append_file} has a source named {name!r} already (--name NAME names this one)")
    # Errors only: the usual paths a site does not serve are expected to fail, the result says what was found.
    settings = run_settings(corpus_path(None), overrides, log_level="ERROR")
    if sys.stderr.isatty():  # before Scrapy is imported
        show_progress_line(f"looking for feeds and sitemaps on {url}")
    from spiders.discovery import FEED_PATHS, SITEMAP_PATHS, discover_site

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
    table = found.source_table(name)
    if append_file is not None:
        try:
            append_sources(append_file, [table])
        except SourcesError as error:
            raise ConfigError(f"not added: {error}") from None
        click.echo(f"added source {name!r} to {append_file}", err=True)
    click.echo(dump_sources([table]), nl=False)
