"""How long the command line takes to put its first line on the screen.

Usage: .venv/bin/python -m benchmarks.first_line [--rounds 10]

Runs ``wirecrawl --help`` and ``wirecrawl crawl --all`` ``--rounds`` times each, as a user
would (a new interpreter each time, stderr a terminal so that the crawl shows its progress
line), and prints the median, min and max seconds from start to the first byte on the
terminal, and to exit. The crawl's one source points at a closed port on 127.0.0.1, so
nothing is fetched; its corpus is a fresh file in a temporary directory. The test suite
checks what is printed, never how fast: this is a figure for the README, not a test.
(The crawl runs without retries, back-off and robots.txt, so that it ends at its first
refused connection.)
"""

from __future__ import annotations

import os
import pty
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.cli_runs import rounds_argument, scratch_with_a_source
from crawler.testing.environment import cli_env

#: Longest wait for one command, in seconds.
TIMEOUT = 60.0


def first_line_seconds(args: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds from starting ``python -m crawler ARGS`` to its first output byte, and to its exit."""
    controller, terminal = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler", *args], cwd=cwd, env=cli_env(), stdout=terminal, stderr=terminal
    )
    os.close(terminal)
    first = None
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError(f"no output from {args} in {TIMEOUT} s")
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the process has exited
                chunk = b""
            if chunk and first is None:
                first = time.perf_counter() - started
            if not chunk:
                break
        proc.wait(timeout=TIMEOUT)
    finally:
        os.close(controller)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    exited = time.perf_counter() - started
    return (first if first is not None else exited), exited


def main() -> None:
    rounds = rounds_argument(__doc__)
    with scratch_with_a_source("wirecrawl-first-line-") as (directory, sources):
        commands = {
            "--help": ["--help"],
            "crawl --all": [
                "crawl",
                "--all",
                "--sources",
                str(sources),
                "--db",
                str(directory / "corpus.db"),
                *("-s", "RETRY_ENABLED=false", "-s", "BACKOFF_ENABLED=false", "-s", "ROBOTSTXT_OBEY=false"),
            ],
        }
        times = {name: [first_line_seconds(args, directory) for _ in range(rounds)] for name, args in commands.items()}
    load = os.getloadavg()[0]
    print(f"seconds to the first line on the terminal / to exit, {rounds} rounds each (load average {load:.1f}):")
    for name, runs in times.items():
        first, exited = [run[0] for run in runs], [run[1] for run in runs]
        print(
            f"  {name:<12} first line: median {statistics.median(first):.2f}  min {min(first):.2f}  "
            f"max {max(first):.2f}   exit: median {statistics.median(exited):.2f}"
        )


if __name__ == "__main__":
    main()
