"""Time per page of each CPU stage (parse, extract, language, hash) over the demo network's articles.

Usage: .venv/bin/python benchmarks/stages.py [--rounds N]

Prints the median milliseconds per page of each stage and the pages per second of all of
them together in one process: the single-core extraction limit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scrapy.settings import Settings  # noqa: E402
from trafilatura.utils import load_html  # noqa: E402

from crawler.demo.network import demo_sites  # noqa: E402
from crawler.encoding import decode_html  # noqa: E402
from pipelines.canonical import canonical_url  # noqa: E402
from pipelines.duplicates import text_hash  # noqa: E402
from pipelines.extract import ArticleExtractor, NotAnArticle  # noqa: E402
from pipelines.language import LanguageDetector  # noqa: E402

FAKE_BASE = "http://127.0.0.1:{}/"


def article_pages() -> list[tuple[str, bytes, str]]:
    """(url, body, content type) of every HTML page of the demo network."""
    sites = demo_sites()
    addresses = {site.name: FAKE_BASE.format(8000 + i) for i, site in enumerate(sites)}
    pages = []
    for site in sites:
        for path, page in site.render(addresses).items():
            if page.content_type.startswith("text/html") and page.status == 200:
                pages.append((addresses[site.name] + path.lstrip("/"), page.body_bytes(), page.content_type))
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the pages (median reported)")
    args = parser.parse_args()
    settings = Settings()
    settings.setmodule("crawler.settings")
    extractor, detector = ArticleExtractor.from_settings(settings), LanguageDetector.from_settings(settings)
    pages = article_pages()
    timings: dict[str, list[float]] = {"decode+parse": [], "extract": [], "language": [], "hash": []}
    articles = 0
    for _ in range(args.rounds):
        for url, body, content_type in pages:
            start = time.perf_counter()
            html, _ = decode_html(body, content_type)
            tree = load_html(html)
            url = canonical_url(tree, url)
            parsed = time.perf_counter()
            try:
                found = extractor.extract(tree, url)
            except NotAnArticle:
                continue
            extracted = time.perf_counter()
            detector.detect(found.text, {"page_language": found.page_language})
            detected = time.perf_counter()
            text_hash(found.text)
            hashed = time.perf_counter()
            articles += 1
            for stage, seconds in zip(timings, (parsed - start, extracted - parsed, detected - extracted, hashed - detected)):
                timings[stage].append(seconds)
    sizes = sorted(len(body) for _, body, _ in pages)
    print(f"{len(pages)} HTML pages (median {sizes[len(sizes) // 2] / 1024:.0f} KB), {articles // args.rounds} articles, {args.rounds} rounds")
    total = 0.0
    for stage, values in timings.items():
        median = statistics.median(values)
        total += median
        print(f"  {stage:<13} {median * 1000:7.2f} ms/page (median)")
    print(f"  {'all stages':<13} {total * 1000:7.2f} ms/page -> {1 / total:.0f} pages/s on one core")


if __name__ == "__main__":
    main()
