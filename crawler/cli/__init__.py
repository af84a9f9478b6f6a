"""The ``wirecrawl`` command line and what only it runs: the crawl runner, ``serve`` and ``demo``."""

from crawler.cli import cluster_commands as _cluster_commands  # noqa: F401 (registers the cluster commands)
from crawler.cli.commands import cli, main

__all__ = ["cli", "main"]
