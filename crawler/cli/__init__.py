"""The ``wirecrawl`` command line and what only it runs: the crawl runner, ``serve`` and ``demo``."""

from crawler.cli.commands import cli, main

__all__ = ["cli", "main"]
