"""Write the golden extraction files and print what changed, for a person to review.

Every case is one page of a fixture publisher (the demo network and the end-to-end test
network), rendered as if served from ``https://<publisher>.example``: ``<case>.html.gz`` is
the page as sent, ``<case>.json`` holds its URL and what ``wirecrawl extract FILE --url URL``
prints for it (without the "file" key). Never edit the JSON by hand; run::

    .venv/bin/python tests/golden/regenerate.py
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

GOLDEN = Path(__file__).resolve().parent
sys.path.insert(0, str(GOLDEN.parent))  # tests/: the fixture network (sites.py)

import sites  # noqa: E402

from crawler.cli import cli  # noqa: E402
from crawler.demo.network import PUBLISHERS, render_pages  # noqa: E402


@dataclass(frozen=True)
class Case:
    """One golden page: ``<publisher>-<slug>``, the URL it is served under, its body as sent."""

    name: str
    url: str
    body: bytes


def host(publisher: str) -> str:
    """The made-up origin of a publisher (no port, no underscore)."""
    return f"https://{publisher.replace('_', '-')}.example"


def demo_cases() -> Iterator[Case]:
    """The newest article of each demo publisher (three templates, six languages) and its first video page."""
    addresses = {pub.site: host(pub.site) + "/" for pub in PUBLISHERS}
    for pub in PUBLISHERS:
        pages = render_pages(pub, addresses)
        chosen = [pub.newest_first[0], *pub.videos[:1]]
        for story in chosen:
            path = pub.path(story)
            yield Case(f"{pub.site}-{story.slug}", host(pub.site) + path, pages[path].body_bytes())


#: (site, path, slug) of the test network's pages: its article template as an AMP alias with a
#: canonical link, a charset declared in the HTTP header only (lost in a saved file) and one in
#: <meta>, a listing page, a video page without a body, and a page cut off into binary junk.
NETWORK_PAGES = (
    ("canon", sites.CANONICAL_ALIASES[0], "amp-harbour-dredging"),
    ("encodings", "/ru/2024/03/metro-station", "metro-station-windows-1251"),
    ("encodings", "/ja/2024/03/sakura", "sakura-shift-jis"),
    ("listing", "/news/", "news-listing"),
    ("listing", sites.LISTING_EMPTY_BODY, "regatta-video"),
    ("broken", sites.BROKEN_GARBAGE, "corrupted"),
)


def network_cases() -> Iterator[Case]:
    """The pages of :data:`NETWORK_PAGES`."""
    for site, path, slug in NETWORK_PAGES:
        page = sites.NETWORK[site].pages(host(site))[path]
        yield Case(f"{site}-{slug}", host(site) + path, page.body_bytes())


def cases() -> list[Case]:
    """Every golden case, checked to be served with no loopback address in it."""
    found = [*demo_cases(), *network_cases()]
    for case in found:
        assert b"127.0.0.1" not in case.body and b"localhost" not in case.body, case.name
    return found


def extract(file: Path, url: str) -> dict[str, Any]:
    """What ``wirecrawl extract FILE --url URL`` prints, without the "file" key."""
    result = CliRunner().invoke(cli, ["extract", str(file), "--url", url])
    lines = result.stdout.splitlines()
    assert len(lines) == 1, (
        f"expected one JSON line, got {result.stdout!r} (exit {result.exit_code}, {result.exception!r})"
    )
    printed = json.loads(lines[0])
    del printed["file"]
    return printed


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per field that differs between two expected results."""
    lines = []
    for field in sorted(old.keys() | new.keys()):
        before, after = old.get(field), new.get(field)
        if before == after:
            continue
        if field == "text" and isinstance(before, str) and isinstance(after, str):
            lines.append(f"text: {len(before)} -> {len(after)} chars")
        else:
            lines.append(f"{field}: {before!r} -> {after!r}")
    return lines


def main() -> None:
    """Write every case's files, remove stale ones, print a summary of the changes."""
    current = cases()
    counts = {"new": 0, "changed": 0, "unchanged": 0}
    for case in current:
        page, expected_file = GOLDEN / f"{case.name}.html.gz", GOLDEN / f"{case.name}.json"
        old = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else None
        page.write_bytes(gzip.compress(case.body, mtime=0))
        record = {"url": case.url, "expected": extract(page, case.url)}
        expected_file.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if old is None:
            counts["new"] += 1
            print(f"new        {case.name}: {record['expected'].get('error') or record['expected']['title']}")
        elif old == record:
            counts["unchanged"] += 1
        else:
            counts["changed"] += 1
            print(f"changed    {case.name}")
            if old["url"] != record["url"]:
                print(f"    url: {old['url']!r} -> {record['url']!r}")
            for line in changes(old["expected"], record["expected"]):
                print(f"    {line}")
    names = {case.name for case in current}
    for stale in sorted(GOLDEN.glob("*.json")):
        if stale.stem not in names:
            stale.unlink()
            (GOLDEN / f"{stale.stem}.html.gz").unlink(missing_ok=True)
            print(f"removed    {stale.stem}")
    size = sum(file.stat().st_size for file in GOLDEN.iterdir() if file.is_file())
    print(
        f"{len(current)} cases: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged; tests/golden is {size / 1024:.0f} KiB"
    )


if __name__ == "__main__":
    main()
