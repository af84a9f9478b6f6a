"""What the command-line benchmarks share: their ``--rounds`` option and a scratch directory
whose sources file declares one source on a closed port (nothing is ever fetched from it)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import cli_env, write_sources  # noqa: E402

__all__ = ["ROOT", "cli_env", "rounds_argument", "scratch_with_a_source"]


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
        yield directory, write_sources(directory, [{"name": "a", "feeds": ["http://127.0.0.1:9/feed.xml"]}])
