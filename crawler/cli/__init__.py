"""The ``wirecrawl`` command line: parses arguments and reports; the package does the work.

One module per thing a user does (crawl, sources, reading the corpus, maintenance, scaling out),
and :mod:`crawler.cli.common` for what they share: options, errors and exit statuses.
"""

from __future__ import annotations

import click

from crawler import __version__
from crawler.cli import crawl, maintenance, reading, scale_out, sources

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecrawl")
def cli() -> None:
    """wirecrawl: crawl declared news sources into a searchable SQLite corpus."""


for command in (
    crawl.crawl,
    sources.sources,
    reading.stats,
    reading.why,
    reading.search,
    reading.story,
    reading.export,
    reading.serve,
    maintenance.extract,
    maintenance.reextract,
    maintenance.dedupe,
    maintenance.migrate,
    maintenance.demo,
    scale_out.enqueue,
    scale_out.worker,
    scale_out.writer,
    scale_out.cluster,
):
    cli.add_command(command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="wirecrawl")
