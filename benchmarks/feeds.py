"""Feed links: wirecrawl's ``parse_feed`` against feedparser's entry links, and CPU per feed before/after.

Usage: .venv/bin/python -m benchmarks.feeds [DIR_OR_FILE ...] [--before COMMIT] [--repeat N]

Every file given (default: ``tests/fixtures/feed_corpus/``; directories are walked) is read as a feed by
feedparser (its entries' ``link``, made absolute; an Atom ``<id>`` it takes as a link is counted
apart, see :func:`reference_links`) and by ``parse_feed``; prints per file the links found by
both, those only feedparser found, those only we found, and whether our parse raised.
JSON Feeds are not feedparser's: only ours are counted for them. Then the CPU time per feed
(process time, median of ``--repeat`` runs over all files) of ``parse_feed`` now and of the
``spiders/feeds.py`` at ``--before`` (main before feedparser, by default), whose lxml parser
raises on some files: those are counted as crashes.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import feedparser

from spiders.feeds import parse_feed

ROOT = Path(__file__).resolve().parent.parent

BASE = "https://base.example/feed"
#: main before this change: its own lxml feed reader.
BEFORE = "5f4afef"


def reference_links(body: bytes) -> tuple[list[str], int]:
    """feedparser's entry links (as feedparser chose them), made absolute against :data:`BASE`, and
    how many it took from an Atom entry's ``<id>`` alone (its quirk: an id names, it does not
    locate; those are left out)."""
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": BASE})
    links, quirks = [], 0
    for entry in parsed.entries:
        if parsed.get("version", "").startswith("atom") and entry.get("guidislink") and not entry.get("links"):
            quirks += 1
            continue
        try:
            links.append(urljoin(BASE, entry.get("link") or ""))
        except ValueError:
            continue
    return [link for link in links if link != BASE], quirks


def files(paths: list[str]) -> list[Path]:
    found = []
    for name in paths:
        path = Path(name)
        found.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    return found


def load_before(commit: str) -> Callable[[bytes, str], object]:
    """``parse_feed`` of ``spiders/feeds.py`` at ``commit``."""
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:spiders/feeds.py"], capture_output=True, check=True
    ).stdout
    with tempfile.NamedTemporaryFile(suffix=".py", delete=False) as handle:
        handle.write(source)
    spec = importlib.util.spec_from_file_location("feeds_before", handle.name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.parse_feed


def cpu_per_feed(parse: Callable[[bytes, str], object], bodies: list[bytes], repeat: int) -> tuple[float, int]:
    """Median process time per feed over ``repeat`` runs, and how many bodies raised."""
    runs, crashes = [], 0
    for _ in range(repeat):
        crashes = 0
        start = time.process_time()
        for body in bodies:
            try:
                parse(body, BASE)
            except Exception:  # noqa: BLE001 (counting every way the old parser failed)
                crashes += 1
        runs.append((time.process_time() - start) / len(bodies))
    return statistics.median(runs), crashes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "tests" / "fixtures" / "feed_corpus")])
    parser.add_argument("--before", default=BEFORE, help="commit whose parse_feed is 'before'")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = files(args.paths)
    bodies = [path.read_bytes() for path in paths]
    total_reference = total_found = total_quirks = 0
    print(f"{'file':40} {'both':>5} {'fp only':>8} {'ours only':>9} {'atom id':>8}")
    for path, body in zip(paths, bodies, strict=True):
        try:
            ours = [entry.url for entry in parse_feed(body, BASE).entries]
        except Exception as error:  # noqa: BLE001 (reported, not raised)
            print(f"{path.name:40} ours raised {type(error).__name__}: {error}")
            ours = []
        reference, quirks = ([], 0) if path.suffix == ".json" else reference_links(body)
        both = len(set(ours) & set(reference))
        total_reference += len(reference)
        total_found += both
        total_quirks += quirks
        only_reference, only_ours = len(set(reference) - set(ours)), len(set(ours) - set(reference))
        print(f"{path.name:40} {both:5} {only_reference:8} {only_ours:9} {quirks:8}")
    share = 100 * total_found / total_reference if total_reference else 100.0
    print(
        f"\nfeedparser's entry links found: {total_found}/{total_reference} ({share:.1f} %); "
        f"Atom <id> taken as a link by feedparser, left out: {total_quirks}"
    )
    after, crashes_after = cpu_per_feed(parse_feed, bodies, args.repeat)
    before, crashes_before = cpu_per_feed(load_before(args.before), bodies, args.repeat)
    print(f"CPU per feed, before ({args.before}, lxml): {before * 1000:.2f} ms, {crashes_before} raised")
    print(f"CPU per feed, after (feedparser + JSON Feed): {after * 1000:.2f} ms, {crashes_after} raised")


if __name__ == "__main__":
    main()
