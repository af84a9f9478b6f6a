"""Plain trafilatura's own feed crawler on the benchmark news pages: pages per second by ``--parallel``.

Usage: .venv/bin/python -m benchmarks.trafilatura_feed [--pages 300] [--parallel 1,2,4,8] [--hosts 1,8]

How ``trafilatura --feed`` crawls (2.3, cli_utils.py and downloads.py): it fetches the feed, files
its links by host in a courlan ``UrlStore``, then loops: each round takes at most one URL per host
last visited more than ``SLEEP_TIME`` ago, downloads the round in a pool of ``--parallel`` threads
(urllib3; pycurl if installed) and extracts the pages one after another in the main thread. No
processes (those are for ``--input-dir`` only), so extraction uses one core, and on a single site
``--parallel`` changes nothing: download and extraction alternate, one page at a time.

It runs with its politeness sleep off as wirecrawl's benchmark does (``SLEEP_TIME = 0``), and
``SSRF_PROTECTION = off``, without which it refuses loopback addresses. Its URL checks (courlan)
also reject IP addresses and ``localhost``, so the feed links to ``*.localhost`` names, which the
command resolves to 127.0.0.1 through a ``sitecustomize`` shim (RFC 6761; curl and browsers do
the same, this machine's resolver does not). ``--hosts N`` spreads the links over N such names on
one server: N sites to trafilatura, the only way its ``--parallel`` downloads anything in parallel.
"""

from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura

from benchmarks.newspages import benchmark_site, news_pages
from crawler.testing.localsites import LocalSites

TRAFILATURA = Path(sys.executable).with_name("trafilatura")
#: Settings overriding trafilatura's own settings.cfg: no politeness sleep, loopback allowed.
OVERRIDES = {"SLEEP_TIME": "0", "SSRF_PROTECTION": "off"}
RESOLVE_LOCALHOST = '''"""Resolve *.localhost names to 127.0.0.1 (RFC 6761)."""
import socket

_getaddrinfo = socket.getaddrinfo


def getaddrinfo(host, *args, **kwargs):
    if isinstance(host, str) and host.endswith(".localhost"):
        host = "127.0.0.1"
    return _getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = getaddrinfo
'''


@dataclass(frozen=True)
class FeedRun:
    """One run of ``trafilatura --feed``."""

    parallel: int
    expected: int  # pages the feed lists
    extracted: int  # documents written
    seconds: float  # wall time of the command, start-up included

    @property
    def rate(self) -> float:
        """Extracted pages per second."""
        return self.extracted / self.seconds


def trafilatura_command(
    feed_url: str, parallel: int, work: Path, options: tuple[str, ...] = (), executable: Path = TRAFILATURA
) -> tuple[list[str], dict[str, str]]:
    """The ``trafilatura --feed`` command (writing into ``work/out``) and its environment; ``executable``
    is the project venv's trafilatura unless another is given.

    The feed and its links must use ``*.localhost`` host names (see the module docstring).
    """
    config = configparser.ConfigParser()
    config.read(Path(trafilatura.__file__).with_name("settings.cfg"))
    config["DEFAULT"].update(OVERRIDES)
    with (work / "settings.cfg").open("w") as file:
        config.write(file)
    (work / "shim").mkdir(exist_ok=True)
    (work / "shim" / "sitecustomize.py").write_text(RESOLVE_LOCALHOST)
    command = [
        str(executable),
        "--feed",
        feed_url,
        "--parallel",
        str(parallel),
        "--config-file",
        str(work / "settings.cfg"),
        "--output-dir",
        str(work / "out"),
        *options,
    ]
    return command, {**os.environ, "PYTHONPATH": str(work / "shim")}


def extracted_documents(work: Path) -> int:
    """Documents a finished command wrote."""
    return sum(1 for path in (work / "out").rglob("*") if path.is_file())


def trafilatura_feed_rate(feed_url: str, expected: int, parallel: int, options: tuple[str, ...] = ()) -> FeedRun:
    """Run ``trafilatura --feed feed_url --parallel parallel`` (plus ``options``) and time it."""
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        command, env = trafilatura_command(feed_url, parallel, work, options)
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        extracted = extracted_documents(work)
    if not extracted:
        raise RuntimeError(f"trafilatura extracted nothing (exit {done.returncode}): {done.stderr[-2000:]}")
    return FeedRun(parallel, expected, extracted, seconds)


def startup_seconds() -> float:
    """Wall time of ``trafilatura --version``: interpreter start and imports, paid once per run."""
    start = time.perf_counter()
    subprocess.run([str(TRAFILATURA), "--version"], capture_output=True, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="article pages in the feed")
    parser.add_argument("--parallel", default="1,2,4,8", help="values of trafilatura's --parallel to run")
    parser.add_argument("--hosts", default="1,8", help="numbers of *.localhost names to spread the feed's links over")
    parser.add_argument("--with-metadata", action="store_true", help="also extract metadata (title, date, author)")
    args = parser.parse_args()
    pages = news_pages(args.pages)
    host_counts = [int(n) for n in args.hosts.split(",")]
    sites = [benchmark_site(pages, f"hosts{n}", [f"news{i}.localhost" for i in range(n)]) for n in host_counts]
    options = ("--with-metadata",) if args.with_metadata else ()
    print(
        f"trafilatura {trafilatura.__version__}, {len(pages)} pages, {os.cpu_count()} cores, "
        f"start-up {startup_seconds():.2f} s (included below)"
    )
    print("hosts  parallel  extracted  seconds  pages/s")
    with LocalSites(sites) as network:
        for hosts in host_counts:
            feed = f"http://news0.localhost:{urlsplit(network.url(f'hosts{hosts}')).port}/feed.xml"
            for parallel in (int(p) for p in args.parallel.split(",")):
                run = trafilatura_feed_rate(feed, len(pages), parallel, options)
                print(f"{hosts:5}  {parallel:8}  {run.extracted:9}  {run.seconds:7.2f}  {run.rate:7.1f}")


if __name__ == "__main__":
    main()
