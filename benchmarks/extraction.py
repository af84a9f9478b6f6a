"""Body extraction quality: plain trafilatura (default options) versus wirecrawl, side by side.

Usage: .venv/bin/python benchmarks/extraction.py [SCRAPINGHUB_DIR] [--fundus FUNDUS_DIR]

Scored with the ScrapingHub benchmark's own metric: 4-token shingle multisets of the
\\w+ tokens, precision and recall per page (normalised so every page weighs the same),
averaged over pages, F1 from the two means. On the Fundus pages the same figures per
language, plus wirecrawl's title, author and publication date (exact day) against the
expected values. Prints time per page for both extractors.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402
from scrapy.settings import Settings  # noqa: E402

from pipelines.core import CoreOptions, FetchedPage, Rejected, process_page  # noqa: E402

TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    """A benchmark page and what it should yield."""

    key: str
    url: str
    body: bytes
    text: str
    language: str = "en"
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_scores(truth: str, prediction: str | None) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the benchmark skips the page."""
    expected, found = shingles(truth), shingles(prediction or "")
    tp = sum((expected & found).values())
    fp, fn = sum((found - expected).values()), sum((expected - found).values())
    if fp == fn == 0:
        return (1.0 if tp or found else None), 1.0
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def summary(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    precisions = [p for p, _ in scores if p is not None]
    recalls = [r if r is not None else 0.0 for _, r in scores]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scrapinghub_pages(root: Path) -> list[Page]:
    truth = json.loads((root / "ground-truth.json").read_text())
    return [
        Page(key, item["url"], gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item["articleBody"])
        for key, item in sorted(truth.items())
    ]


def fundus_pages(root: Path) -> list[Page]:
    languages = json.loads((root / "languages.json").read_text())
    pages = []
    for meta in sorted(root.glob("*/meta.info")):
        files = json.loads(meta.read_text())
        by_publisher: dict[str, list[str]] = defaultdict(list)
        for name in files:
            if (meta.parent / name).is_file():
                by_publisher[name.rsplit("_", 3)[0]].append(name)
        for publisher, names in by_publisher.items():
            expected_file = meta.parent / f"{publisher}.json"
            if not expected_file.is_file():
                continue
            expected = json.loads(expected_file.read_text())
            versions = sorted(expected, key=lambda v: [int(n) for n in re.findall(r"\d+", v)])
            for name, version in zip(sorted(names, key=lambda n: n.rsplit("_", 3)[1:]), versions, strict=False):
                info, body = expected[version], (meta.parent / name).read_bytes()
                parts = list(info.get("body", {}).get("summary", []))
                for section in info.get("body", {}).get("sections", []):
                    parts += section.get("headline", []) + section.get("paragraphs", [])
                pages.append(
                    Page(
                        f"{meta.parent.name}/{name}",
                        files[name]["url"],
                        gzip.decompress(body),
                        "\n\n".join(parts),
                        languages.get(f"{meta.parent.name}/{publisher}", "?"),
                        info.get("title"),
                        tuple(info.get("authors") or ()),
                        (info.get("publishing_date") or "")[:10] or None,
                    )
                )
    return pages


def plain_trafilatura(page: Page) -> str | None:
    return trafilatura.extract(page.body.decode("utf-8", "replace"), url=page.url)


class Wirecrawl:
    """wirecrawl's extraction as `wirecrawl extract` runs it: the core's chain on one page (site
    templates need many pages of one site)."""

    def __init__(self) -> None:
        settings = Settings()
        settings.setmodule("crawler.settings")
        self.options = CoreOptions.from_settings(settings)

    def __call__(self, page: Page) -> SimpleNamespace | None:
        try:
            article = process_page(FetchedPage(page.url, page.body, {"Content-Type": "text/html; charset=utf-8"}), self.options)
        except Rejected:
            return None
        return SimpleNamespace(**article.fields())


def normalized(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", value or "").replace("\u00ad", "").casefold().split())


def compare(name: str, pages: list[Page], by_language: bool) -> None:
    wirecrawl = Wirecrawl()
    results: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    timings: dict[str, list[float]] = defaultdict(list)
    fields: dict[str, list[bool]] = defaultdict(list)
    for page in pages:
        began = time.perf_counter()
        plain = plain_trafilatura(page)
        timings["trafilatura"].append(time.perf_counter() - began)
        began = time.perf_counter()
        found = wirecrawl(page)
        timings["wirecrawl"].append(time.perf_counter() - began)
        group = page.language if by_language else "all"
        for label, text in (("trafilatura", plain), ("wirecrawl", found.text if found else None)):
            results[group][label].append(page_scores(page.text, text))
        if by_language:
            if page.title:
                fields["title"].append(found is not None and normalized(found.title) == normalized(page.title))
            if page.authors:
                fields["author"].append(found is not None and bool(found.author) and
                                        all(normalized(a).split()[-1] in normalized(found.author) for a in page.authors if a.split()))
            if page.date:
                fields["date (exact day)"].append(found is not None and (found.published or "")[:10] == page.date)
                fields["date found"].append(found is not None and bool(found.published))
    print(f"\n{name}: {len(pages)} pages")
    print(f"  {'group':<8}{'n':>5}  {'trafilatura P/R/F1':>22}  {'wirecrawl P/R/F1':>22}")
    groups = sorted(results, key=lambda g: (-len(results[g]['wirecrawl']), g))
    if by_language:
        groups.append("all")
        for label in ("trafilatura", "wirecrawl"):
            results["all"][label] = [s for g in groups[:-1] for s in results[g][label]]
    for group in groups:
        cells = []
        for label in ("trafilatura", "wirecrawl"):
            precision, recall, f1 = summary(results[group][label])
            cells.append(f"{precision:.3f}/{recall:.3f}/{f1:.3f}")
        print(f"  {group:<8}{len(results[group]['wirecrawl']):>5}  {cells[0]:>22}  {cells[1]:>22}")
    for label, values in timings.items():
        print(f"  {label}: {statistics.median(values) * 1000:.1f} ms/page (median)")
    for field, hits in fields.items():
        print(f"  wirecrawl {field}: {sum(hits) / len(hits):.3f} of {len(hits)} pages with an expected value")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scrapinghub", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "bench" / "extraction" / "scrapinghub")
    parser.add_argument("--fundus", type=Path, default=ROOT.parent / "shared" / "bench" / "extraction" / "fundus")
    args = parser.parse_args()
    compare("ScrapingHub", scrapinghub_pages(args.scrapinghub), by_language=False)
    if args.fundus.is_dir():
        compare("Fundus", fundus_pages(args.fundus), by_language=True)


if __name__ == "__main__":
    main()
