"""How long a command takes to exit with status 3 while another process holds the corpus lock.

Usage: .venv/bin/python -m benchmarks.lock_refusal [--rounds 10]

Holds the lock of a fresh corpus in this process and runs ``wirecrawl crawl --all``,
``wirecrawl reextract`` and ``wirecrawl dedupe --rebuild`` on it ``--rounds`` times each, as
cron would (a new interpreter each time; the crawl's source points at a closed port and is
never fetched). Prints the median, min and max seconds from start to exit for each command.
The test suite checks only that they are refused (tests/e2e/test_operations.py): how fast is
a figure for a quiet machine, not a test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.cli_runs import rounds_argument, scratch_with_a_source
from crawler.testing.environment import cli_env
from storage.corpus import Corpus
from storage.lock import CorpusLock

EXIT_LOCKED = 3


def refusal_seconds(args: list[str], cwd: Path) -> float:
    """Seconds ``python -m crawler ARGS`` takes to exit; asserts it exits with status 3."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "crawler", *args], cwd=cwd, env=cli_env(), capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    assert proc.returncode == EXIT_LOCKED, (args, proc.returncode, proc.stderr)
    return elapsed


def main() -> None:
    rounds = rounds_argument(__doc__)
    with scratch_with_a_source("wirecrawl-lock-") as (directory, sources):
        db = directory / "corpus.db"
        Corpus(db).close()
        commands = {
            "crawl": ["crawl", "--all", "--sources", str(sources), "--db", str(db)],
            "reextract": ["reextract", "--db", str(db)],
            "dedupe": ["dedupe", "--rebuild", "--db", str(db)],
        }
        with CorpusLock(db):
            times = {name: [refusal_seconds(args, directory) for _ in range(rounds)] for name, args in commands.items()}
    print(f"exit with status 3 while the lock is held, {rounds} rounds each (seconds):")
    for name, seconds in times.items():
        print(f"  {name:<10} median {statistics.median(seconds):.2f}  min {min(seconds):.2f}  max {max(seconds):.2f}")


if __name__ == "__main__":
    main()
