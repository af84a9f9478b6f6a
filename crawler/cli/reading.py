"""Commands that read the corpus: ``stats``, ``why``, ``search``, ``story``, ``export`` and ``serve`` (none writes it)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import click

from crawler.cli.common import (
    ConfigError,
    db_option,
    echo_json,
    filter_options,
    json_option,
    open_db,
    reading_filters,
    refusals,
    story_size,
)
from crawler.config import corpus_path

__all__ = ["export", "search", "serve", "stats", "story", "why"]


@click.command()
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

    db = open_db(db_file)
    if runs is not None:
        recent = recent_runs(db, runs)
        for run in recent if as_json else ():
            echo_json(run)
        if not as_json:
            _print_runs(recent)
        return
    report = corpus_stats(db, runs=5)
    if as_json:
        echo_json(report)
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
        shown = f"{rate:.0%}" if rate is not None else "-"
        click.echo(
            f"run {run['id']}  {run['started']} .. {run['finished'] or '-'}  {run['status']}  "
            f"{run['sources']} sources, {run['pages_fetched']} pages, {run['articles_added']} stored, "
            f"{run['duplicates']} duplicates, {run['dropped']} not articles, {run['errors']} errors ({shown})"
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


@click.command()
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
    fate = page_fate(open_db(db_file), [url, normalized])
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


@click.command()
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
    db = open_db(db_file)
    filters = reading_filters(db, corpus_path(db_file), source, language)
    hits = search_stories(db, query, limit=limit, since=since, until=until, **filters)
    for hit in hits if as_json else ():
        echo_json(dataclasses.asdict(hit))
    for hit in () if as_json else hits:
        published = (hit.published or "")[:10] or "----------"
        click.echo(
            f"{hit.story_id:>6}  {story_size(hit.copies, short=True):<11} {hit.language or '--':<3} {published}  {hit.title or '(untitled)'}  {hit.url}"
        )
    if not hits:
        click.echo(f"no stories match {query!r}", err=True)


@click.command()
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
    from pipelines.core.provenance import stored_story_provenance

    provenance = stored_story_provenance(open_db(db_file), story_id, project_settings())
    if provenance is None:
        raise ConfigError(f"no story {story_id}")
    if as_json:
        click.echo(json.dumps(provenance, ensure_ascii=False, indent=2))
        return
    _print_provenance(provenance)


def _print_provenance(provenance: dict[str, Any]) -> None:
    from pipelines.core.provenance import format_lag, provenance_sources

    row, origin, copies = provenance["story"], provenance["origin"], provenance["copies"]
    sources = provenance_sources(provenance)
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


def _credit(article: dict[str, Any]) -> str:
    return f"; credits {article['credited_source']}" if article["credited_source"] else ""


@click.command()
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
    with refusals(DatasetteMissing):
        datasette = corpus_datasette(path, plugin="pipelines.datasette_plugin")
    try:
        sock = listen(port)
    except OSError as error:
        raise ConfigError(
            f"cannot serve on 127.0.0.1:{port}: {error.strerror} (--port N picks another, --port 0 a free one)"
        ) from None
    click.echo(f"Serving {path} on http://127.0.0.1:{sock.getsockname()[1]}/{DATABASE_NAME} (Ctrl-C to stop)", err=True)
    serve_datasette(datasette, sock)


@click.command()
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

    db = open_db(db_file)
    filters = reading_filters(db, corpus_path(db_file), source, language)
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
