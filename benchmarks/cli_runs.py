"""What the command-line benchmarks share: their ``--rounds`` option and a scratch directory
whose sources file declares one source on a closed port (nothing is ever fetched from it)."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from crawler.config import dump_sources

__all__ = ["rounds_argument", "scratch_with_a_source"]


def rounds_argument(description: str, default: int = 10) -> int:
    """The ``--rounds N`` of the command line: how many times each command is run."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=default, help=f"runs of each command (default: {default})")
    return parser.parse_args().rounds


@contextmanager
def scratch_with_a_source(prefix: str) -> Iterator[tuple[Path, Path]]:
    """A temporary directory and its sources file (one source, ``a``, on a closed port), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        directory = Path(tmp)
        sources = directory / "sources.toml"
        sources.write_text(dump_sources([{"name": "a", "feeds": ["http://127.0.0.1:9/feed.xml"]}]), encoding="utf-8")
        yield directory, sources
