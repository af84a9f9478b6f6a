"""wirecrawl beside its peers on the same local sites, in one run: article pages per second,
CPU seconds per page, time to the first request and peak memory.

Usage: .venv/bin/python -m benchmarks.peers [--pages 300] [--rounds 3] [--cache DIR]

The peers are installed once into a virtual environment of their own under ``--cache``
(default ``benchmarks/.cache``, never the project's venv): trafilatura 2.3.1, newspaper4k
0.9.6 and news-please 1.6.16. Each runs its own way on the benchmark news pages (see
newspages.py: 50-150 KB, four templates, six languages) served on 127.0.0.1, politeness off:

* ``wirecrawl crawl --all`` of the site's feed (no delays, no AutoThrottle, 32 requests at
  once; robots.txt read; see throughput.py);
* ``trafilatura --feed URL --with-metadata --parallel 4``, its own crawler (no politeness
  sleep; the feed's links on ``*.localhost`` names, see trafilatura_feed.py);
* newspaper4k: ``Article(url).download()`` and ``.parse()`` over the article URLs in 5
  threads (as ``newspaper.mthreading.fetch_news`` does, which stops at the first error),
  images not fetched;
* news-please: ``NewsPlease.from_urls`` over the article URLs (threads download, a process
  pool extracts), images not fetched.

newspaper4k and news-please are handed the URL list, so they skip discovery; wirecrawl and
trafilatura read the feed. Rates are articles extracted (a non-empty body) per second of the
whole command, start-up included; "from 1st" counts from the first article request. CPU is
the command's process tree (workers included), sampled from /proc; memory its peak PSS.
Medians of ``--rounds``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.newspages import benchmark_site, news_pages
from benchmarks.throughput import ProcessTree, crawl_command, stored_articles
from benchmarks.trafilatura_feed import extracted_documents, trafilatura_command
from crawler.config import dump_sources
from crawler.testing.localsites import LocalSites

ROOT = Path(__file__).resolve().parent.parent

#: newspaper4k's [zh] extra: it needs jieba to read the Chinese pages.
PEERS = ["trafilatura==2.3.1", "newspaper4k[zh]==0.9.6", "news-please==1.6.16"]

#: Run in the peers' venv: ``python -c NEWSPAPER urls.txt`` prints how many bodies it extracted.
NEWSPAPER = """
import sys, warnings
warnings.simplefilter("ignore")
from concurrent.futures import ThreadPoolExecutor
import newspaper
config = newspaper.Config()
config.fetch_images = False  # the pages' images are not served: no lookups of other hosts
def body(url):
    article = newspaper.Article(url, config=config)
    try:
        article.download()
        article.parse()
    except Exception:
        return ""
    return article.text.strip()
urls = open(sys.argv[1]).read().split()
with ThreadPoolExecutor(5) as threads:  # as newspaper.mthreading.fetch_news, which stops at the first error
    print(sum(1 for text in threads.map(body, urls) if text))
"""
NEWS_PLEASE = """
import sys, warnings
warnings.simplefilter("ignore")
from newsplease import NewsPlease
urls = open(sys.argv[1]).read().split()
found = NewsPlease.from_urls(urls, request_args={"timeout": 30}, fetch_images=False)
print(sum(1 for article in found.values() if getattr(article, "maintext", None)))
"""


def peers_python(cache: Path) -> Path:
    """The peers' venv's interpreter, installing them on first use."""
    venv = cache / "peers-venv"
    python = venv / "bin" / "python"
    marker = venv / "installed.txt"
    if not marker.is_file() or marker.read_text() != "\n".join(PEERS):
        print(f"installing {', '.join(PEERS)} into {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS], check=True)
        marker.write_text("\n".join(PEERS))
    return python


@dataclass(frozen=True)
class Run:
    """One command over the served pages."""

    articles: int  # bodies extracted (wirecrawl: articles stored)
    seconds: float  # the whole command
    first_request: float  # seconds from its start to the first request the site received
    from_first: float  # seconds from the first article request to its end
    cpu: float  # CPU seconds of its process tree
    peak_memory: int  # bytes, PSS of its process tree


def timed(
    served: LocalSites, site: str, command: list[str], count: Callable[[str], int], env: dict[str, str] | None = None
) -> Run:
    """Run ``command``; ``count(stdout)`` says how many articles it extracted."""
    served.clear_requests()
    start = time.monotonic()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as proc:
        tree = ProcessTree(proc.pid, interval=0.2)
        out, errors = proc.communicate()
        ended = time.monotonic()
        tree.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited {proc.returncode}: {errors[-2000:]}")
    requests = sorted(r.at for r in served.requests if r.site == site)
    articles = [r.at for r in served.requests if r.site == site and r.path.endswith(".html")]
    return Run(
        count(out),
        ended - start,
        requests[0] - start,
        ended - min(articles),
        tree.root_cpu + tree.descendants_cpu,
        tree.peak_rss,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="article pages served")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each tool (medians printed)")
    parser.add_argument(
        "--cache", type=Path, default=ROOT / "benchmarks" / ".cache", help="where the peers' venv lives"
    )
    args = parser.parse_args()
    python = peers_python(args.cache)
    trafilatura = python.with_name("trafilatura")
    pages = news_pages(args.pages)
    print(f"{len(pages)} article pages, {os.cpu_count()} cores, medians of {args.rounds} runs each")

    sites = [benchmark_site(pages, "news"), benchmark_site(pages, "tnews", ["news0.localhost"])]
    with LocalSites(sites) as served, tempfile.TemporaryDirectory(prefix="wirecrawl-peers-") as tmp:
        work = Path(tmp)
        urls = work / "urls.txt"
        urls.write_text("\n".join(served.url("news", page.path) for page in pages))
        sources = work / "sources.toml"
        sources.write_text(dump_sources([{"name": "news", "feeds": [served.url("news", "/feed.xml")]}]))
        feed = f"http://news0.localhost:{urlsplit(served.url('tnews')).port}/feed.xml"

        def wirecrawl(round_: int) -> Run:
            db = work / f"wirecrawl-{round_}.db"
            return timed(served, "news", crawl_command(sources, db), lambda out: stored_articles(db))

        def trafilatura_feed(round_: int) -> Run:
            out = work / f"trafilatura-{round_}"
            out.mkdir()
            command, env = trafilatura_command(feed, 4, out, ("--with-metadata",), executable=trafilatura)
            return timed(served, "tnews", command, lambda _: extracted_documents(out), env)

        def newspaper4k(round_: int) -> Run:
            return timed(served, "news", [str(python), "-c", NEWSPAPER, str(urls)], int)

        def news_please(round_: int) -> Run:
            return timed(served, "news", [str(python), "-c", NEWS_PLEASE, str(urls)], int)

        tools = {
            "wirecrawl crawl --all": wirecrawl,
            "trafilatura --feed, --parallel 4": trafilatura_feed,
            "newspaper4k Article(URL), 5 threads": newspaper4k,
            "news-please from_urls(URLs)": news_please,
        }
        runs: dict[str, list[Run]] = {name: [] for name in tools}
        for round_ in range(args.rounds):  # the tools take turns, so a change in the machine's load hits all
            for name, tool in tools.items():
                runs[name].append(tool(round_))

    print(
        f"{'tool':<34}{'articles':>9}{'pages/s':>9}{'from 1st':>10}{'CPU ms/page':>13}{'1st request':>13}{'peak MB':>9}"
    )
    rates = {}
    for name, done in runs.items():
        med = statistics.median
        rates[name] = med(run.articles / run.seconds for run in done)
        print(
            f"{name:<34}{med(run.articles for run in done):>9.0f}{rates[name]:>9.1f}"
            f"{med(run.articles / run.from_first for run in done):>10.1f}"
            f"{med(run.cpu / max(run.articles, 1) for run in done) * 1000:>13.1f}"
            f"{med(run.first_request for run in done):>12.2f}s{med(run.peak_memory for run in done) / 2**20:>9.0f}"
        )
    ours = rates["wirecrawl crawl --all"]
    fastest = max((name for name in rates if not name.startswith("wirecrawl")), key=rates.__getitem__)
    print(f"wirecrawl / fastest peer ({fastest}): {ours / rates[fastest]:.2f}x article pages/s")


if __name__ == "__main__":
    main()
