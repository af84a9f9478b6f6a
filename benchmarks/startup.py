"""How long a crawl takes to start and to end: seconds from the command's start to the first
request the sites receive, and from the last request to the command's exit.

Usage: .venv/bin/python -m benchmarks.startup [--rounds 5]

Serves the demo network (eight sites, eight sources, ~30 articles) on 127.0.0.1 and runs
``wirecrawl crawl --all`` of it into a fresh corpus ``--rounds`` times, politeness off for
loopback (see throughput.py). Prints, as medians over the rounds:

* first request: from the process's start (before the interpreter loads anything) to the first
  request any site receives (robots.txt, a feed or a sitemap);
* crawling: from the first request to the last;
* ending: from the last request to the command's exit (the last pages' extraction, the story
  decisions, the last commit, the run's record and the summary);
* the whole command.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.throughput import crawl_command, stored_articles
from crawler.config import dump_sources
from crawler.demo.network import demo_sites, demo_sources
from crawler.testing.localsites import LocalSites


def timed_run(served: LocalSites, work: Path, round_: int) -> dict[str, float]:
    """One crawl of every demo source into a fresh corpus: the phases' seconds."""
    sources = work / "sources.toml"
    sources.write_text(dump_sources(demo_sources(served.addresses)), encoding="utf-8")
    db = work / f"startup-{round_}.db"
    served.clear_requests()
    started = time.monotonic()
    proc = subprocess.run(crawl_command(sources, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ended = time.monotonic()
    if proc.returncode != 0:
        raise RuntimeError(f"crawl exited {proc.returncode}: {proc.stderr[-2000:]}")
    arrivals = sorted(request.at for request in served.requests)
    return {
        "articles": stored_articles(db),
        "first request": arrivals[0] - started,
        "crawling": arrivals[-1] - arrivals[0],
        "ending": ended - arrivals[-1],
        "whole command": ended - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="crawls (medians printed)")
    args = parser.parse_args()
    with LocalSites(demo_sites()) as served, tempfile.TemporaryDirectory(prefix="wirecrawl-startup-") as tmp:
        runs = [timed_run(served, Path(tmp), n) for n in range(args.rounds)]
    print(f"wirecrawl crawl --all of the demo network ({int(runs[0]['articles'])} articles), {args.rounds} rounds:")
    for phase in ("first request", "crawling", "ending", "whole command"):
        values = [run[phase] for run in runs]
        print(
            f"  {phase:<14} median {statistics.median(values):5.2f} s  (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )


if __name__ == "__main__":
    main()
