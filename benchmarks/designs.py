"""Furniture on site designs the cleaner was not tuned on: leak and body F1 per design.

Usage: .venv/bin/python -m benchmarks.designs [PACKAGE ...] [--crawl] [--set NAME=VALUE ...]

Each PACKAGE (default: ``holdout_designs``, the hold-out written from a brief by someone who had
not read the cleaning code, and ``training_designs``) under ``tests/fixtures/`` gives site designs
of 12 pages with truth: the article's paragraphs and the furniture's visible strings. Two ways:

- the chain (default): each design's pages in publication order through the core's chain with
  the site's templates learned as it goes, in an in-memory corpus, as ``wirecrawl extract`` and
  the benchmarks run it; fast, no crawl;
- ``--crawl``: each design served as one local site with a feed of its pages and crawled by
  ``wirecrawl crawl --all`` into a fresh corpus, the stored articles read back: what a user
  stores, the re-cleaning of a site's first pages included.

Prints, per design and in all: pages, stored, stored articles with a leak (any furniture string
in the stored text), mean body F1 (0 for a page not stored).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import Settings

from crawler.config import dump_sources
from crawler.setting_checks import project_settings
from crawler.testing.localsites import LocalSites, Page, Site
from crawler.testing.machine_readable import FeedItem, rss2
from pipelines.core import CoreOptions, FetchedPage, Rejected, SiteTemplates, process_page
from storage.corpus import Corpus
from tests.fixtures.design_eval import DesignScore, score

ROOT = Path(__file__).resolve().parent.parent

PACKAGES = ("holdout_designs", "training_designs")
#: Settings of the benchmark's crawls: no politeness waits (the sites are local).
FAST = ("AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "LOG_LEVEL=WARNING")
HTML = {"Content-Type": "text/html; charset=utf-8"}


def design_runs(package: str) -> dict[str, list]:
    """The package's designs, each as its pages in publication order."""
    return dict(importlib.import_module(f"tests.fixtures.{package}").site_runs())


def settings_with(overrides: Sequence[str]) -> Settings:
    settings = project_settings()
    for override in overrides:
        name, _, value = override.partition("=")
        settings.set(name, value)
    return settings


def chain_scores(runs: Mapping[str, list], overrides: Sequence[str]) -> list[DesignScore]:
    """Each design's pages through the chain in order, its site's templates learned as they come."""
    settings = settings_with(overrides)
    options = CoreOptions.from_settings(settings)
    scores = []
    for design, pages in runs.items():
        corpus = Corpus.in_memory()
        templates = SiteTemplates.from_settings(corpus, settings).remove if options.rules else None
        texts: list[str | None] = []
        for page in pages:
            try:
                texts.append(
                    process_page(
                        FetchedPage(page.url, page.html.encode(), HTML, {}, "feed"), options, templates
                    ).finished.text
                )
            except Rejected:
                texts.append(None)
        corpus.close()
        scores.append(score(design, pages, texts))
    return scores


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _feed(base: str, pages: list, paths: list[str]) -> str:
    """An RSS 2.0 feed of the pages, newest first, an hour apart."""
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    items = [
        FeedItem(base + path, page.title, (start + timedelta(hours=number)).isoformat())
        for number, (page, path) in reversed(list(enumerate(zip(pages, paths, strict=True))))
    ]
    return rss2("feed", f"{base}/", items, language=None)


def _site(name: str, pages: list) -> Site:
    """A design as a local site: its pages at their paths (the design's own origin pointed at the
    local one), and ``/wirecrawl-feed.xml``."""
    origin = _origin(pages[0].url)
    paths = [urlsplit(page.url).path or "/" for page in pages]

    def render(addresses: Mapping[str, str]) -> dict[str, Page]:
        base = addresses[name].rstrip("/")
        served = {path: Page(page.html.replace(origin, base)) for page, path in zip(pages, paths, strict=True)}
        served["/wirecrawl-feed.xml"] = Page(_feed(base, pages, paths), "application/rss+xml; charset=utf-8")
        return served

    return Site(name, render)


def crawl_scores(runs: Mapping[str, list], overrides: Sequence[str]) -> list[DesignScore]:
    """Every design served as a local site and crawled in one run; the stored articles scored."""
    names = {design: design.replace("_", "-").lower() for design in runs}
    with (
        LocalSites([_site(names[design], pages) for design, pages in runs.items()]) as served,
        tempfile.TemporaryDirectory() as tmp,
    ):
        sources = Path(tmp) / "sources.toml"
        sources.write_text(
            dump_sources([{"name": names[d], "feeds": [served.url(names[d], "/wirecrawl-feed.xml")]} for d in runs]),
            encoding="utf-8",
        )
        db = Path(tmp) / "corpus.db"
        args = [sys.executable, "-m", "crawler", "crawl", "--all", "--sources", str(sources), "--db", str(db), "-q"]
        for setting in (*FAST, *overrides):
            args += ["-s", setting]
        started = time.monotonic()
        proc = subprocess.run(
            args, cwd=tmp, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False
        )
        if proc.returncode != 0:
            sys.exit(f"crawl failed ({proc.returncode}): {proc.stderr[-2000:]}")
        print(
            f"  crawl of {sum(map(len, runs.values()))} pages on {len(runs)} sites: {time.monotonic() - started:.1f} s"
        )
        with sqlite3.connect(db) as connection:
            stored = {}
            for url, text in connection.execute("SELECT url, text FROM articles"):
                stored[(urlsplit(url).port, urlsplit(url).path)] = text
        scores = []
        for design, pages in runs.items():
            port = urlsplit(served.url(names[design])).port
            scores.append(score(design, pages, [stored.get((port, urlsplit(page.url).path or "/")) for page in pages]))
        return scores


def report(title: str, scores: list[DesignScore]) -> None:
    print(f"\n{title}")
    print(f"  {'design':<22} {'pages':>5} {'stored':>6} {'leaks':>5} {'leak %':>7} {'F1':>6}")
    for s in scores:
        print(f"  {s.design:<22} {s.pages:>5} {s.stored:>6} {s.leaks:>5} {100 * s.leak_rate:>6.1f}% {s.f1:>6.3f}")
    pages, stored, leaks = (sum(getattr(s, field) for s in scores) for field in ("pages", "stored", "leaks"))
    f1 = sum(s.f1 * s.pages for s in scores) / pages if pages else 0.0
    print(f"  {'all':<22} {pages:>5} {stored:>6} {leaks:>5} {100 * leaks / max(stored, 1):>6.1f}% {f1:>6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", default=PACKAGES)
    parser.add_argument("--crawl", action="store_true", help="crawl the designs as local sites")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a setting for the chain or crawl"
    )
    args = parser.parse_args()
    for package in args.packages:
        try:
            runs = design_runs(package)
        except ModuleNotFoundError:
            print(f"\n{package}: not in tests/fixtures (skipped)")
            continue
        how = crawl_scores if args.crawl else chain_scores
        report(f"{package} ({'crawled' if args.crawl else 'chain, templates in order'})", how(runs, args.set))


if __name__ == "__main__":
    main()
