"""Where a crawl's CPU goes, in the crawl process and in its workers, sampled with py-spy.

Usage: .venv/bin/python -m benchmarks.profile [--pages 600] [--top 25] [--rate 250]

Serves ``--pages`` generated news pages (see newspages.py) on 127.0.0.1 and runs
``wirecrawl crawl`` over their feed with politeness off (as throughput.py does) under
``py-spy record --subprocesses`` (py-spy is installed in ``benchmarks/.cache/tools`` on first
use, never in the project's venv). Prints, for the crawl process and for the workers apart,
the CPU milliseconds per stored article of the functions that spend the most: by own time
(where the CPU is) and by inclusive time (which of our calls cost it), with our own modules
marked. py-spy samples the thread holding the interpreter lock (``--gil``): Python code, and C
code that keeps the lock; C code that releases it (lxml's parser, zlib, SQLite) is missed, so
these are shares of Python work, not CPU totals (throughput.py measures those).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.newspages import benchmark_site, news_pages
from benchmarks.throughput import crawl_command, stored_articles
from crawler.config import dump_sources
from crawler.testing.localsites import LocalSites

ROOT = Path(__file__).resolve().parent.parent

TOOLS = ROOT / "benchmarks" / ".cache" / "tools"
PY_SPY_VERSION = "0.4.1"
PROCESS = re.compile(r'process \d+:"[^"]*"')
PY_SPY_MODE = ("--subprocesses", "--nonblocking", "--gil")
WRAPPER_SHARE = 0.6
OUR_PACKAGES = ("crawler", "pipelines", "spiders", "storage")


def py_spy() -> Path:
    """The py-spy executable, installed in its own venv under the benchmark's cache when absent."""
    executable = TOOLS / "bin" / "py-spy"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(TOOLS)], check=True)
        subprocess.run([str(TOOLS / "bin" / "pip"), "install", "-q", f"py-spy=={PY_SPY_VERSION}"], check=True)
    return executable


def profiles(raw: Path) -> dict[str, tuple[Counter[str], Counter[str], int]]:
    """Own and inclusive samples per function, and all samples, of the crawl process and of the workers.

    py-spy's raw output has one line per distinct stack: frames root first, separated by
    ``;``, a sample count last; with ``--subprocesses`` each process adds a ``process PID:"cmd"``
    frame, so a stack belongs to the innermost one, and the outermost is the crawl command.
    """
    kinds: dict[str, tuple[Counter[str], Counter[str], int]] = {}
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        processes = list(PROCESS.finditer(stack))  # a command line may hold a ";"
        if not count.isdigit():  # the rest of a command line with a line break
            continue
        kind = "workers" if len(processes) > 1 else "crawl process"
        own_frames = stack[processes[-1].end() :] if processes else stack
        functions = [f for f in own_frames.split(";") if f] or ["(process start)"]
        own, inclusive, total = kinds.get(kind, (Counter(), Counter(), 0))
        own[functions[-1]] += int(count)
        for function in set(functions):
            inclusive[function] += int(count)
        kinds[kind] = (own, inclusive, total + int(count))
    return kinds


def report(kind: str, own: Counter[str], inclusive: Counter[str], total: int, ms: float, top: int) -> None:
    """Print the ``top`` functions by own and by inclusive time, in CPU ms per article."""
    print(f"\n{kind}: {total * ms:.1f} ms per article holding the interpreter lock")
    print(f"  by own time{'':<66} ms/article")
    for function, samples in own.most_common(top):
        print(f"  {_short(function):<76} {samples * ms:6.2f}")
    print(f"  by inclusive time, our code (*) and the libraries it calls{'':<17} ms/article")
    # Frames on most stacks (the interpreter's start, the command line, the reactor's loop) say nothing.
    below = [(function, samples) for function, samples in inclusive.most_common() if samples < WRAPPER_SHARE * total]
    for function, samples in below[:top]:
        print(f"  {_short(function):<76} {samples * ms:6.2f}")


def _short(function: str) -> str:
    name = re.sub(r"\(/.*?/(site-packages|lib/python3\.\d+)/", "(", function).replace(str(ROOT) + "/", "")
    ours = re.search(rf"\(({'|'.join(OUR_PACKAGES)})/", name)
    return ("* " if ours else "  ") + name[:74]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600, help="article pages served")
    parser.add_argument("--top", type=int, default=25, help="functions listed for each process kind")
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    args = parser.parse_args()
    executable = py_spy()
    generated = news_pages(args.pages)
    with LocalSites([benchmark_site(generated, "news")]) as served, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = work / "sources.toml"
        sources.write_text(dump_sources([{"name": "news", "feeds": [served.url("news", "/feed.xml")]}]))
        raw, db = work / "profile.raw", work / "profile.db"
        command = [str(executable), "record", *PY_SPY_MODE, "--format", "raw"]
        command += ["--rate", str(args.rate), "--output", str(raw), "--", *crawl_command(sources, db)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        articles = stored_articles(db)
        kinds = profiles(raw)
    ms = 1000 / args.rate / articles
    print(f"{articles} articles stored; py-spy at {args.rate} samples/s (start-up and shut-down included)")
    for kind, (own, inclusive, total) in sorted(kinds.items()):
        report(kind, own, inclusive, total, ms, args.top)


if __name__ == "__main__":
    main()
