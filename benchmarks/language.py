"""Language accuracy per language: langdetect alone versus wirecrawl's detector with its fallbacks.

Usage: .venv/bin/python -m benchmarks.language [--fundus ../shared/bench/extraction/fundus]

Two sets: the Fundus benchmark pages (real articles from 181 publishers; the true language
of each publisher from its ``languages.json``), extracted as the crawl extracts them, and the
multilingual fixtures of the test suite (tests/fixtures/multilingual_texts.py). Each text is judged
in full and cut to its first 200 characters ("short"); "langdetect" is the seeded detector
alone, "wirecrawl" adds scripts, distinctive letters and the page's declared language.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from langdetect import LangDetectException, detect_langs

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, Rejected, extract_page
from pipelines.core.language import LanguageDetector
from tests.fixtures import multilingual_texts

ROOT = Path(__file__).resolve().parent.parent

SHORT = 200


def fundus_samples(root: Path) -> list[tuple[str, str, str | None]]:
    """(true language, body text, declared page language) of every Fundus page."""
    truth = json.loads((root / "languages.json").read_text())
    settings = project_settings()
    options = CoreOptions.from_settings(settings)
    samples = []
    for meta in sorted(root.glob("*/meta.info")):
        for name, info in json.loads(meta.read_text()).items():
            publisher = f"{meta.parent.name}/{name.rsplit('_', 3)[0]}"
            if publisher not in truth or not (meta.parent / name).is_file():
                continue
            page = FetchedPage(
                info["url"], gzip.decompress((meta.parent / name).read_bytes()), {"Content-Type": "text/html"}
            )
            try:
                found = extract_page(page, options)
            except Rejected:
                continue
            samples.append((truth[publisher], found.text, found.page_language))
    return samples


def fixture_samples() -> list[tuple[str, str, str | None]]:
    """(true language, text, declared language) of the test suite's multilingual fixtures."""
    texts = (*multilingual_texts.ARTICLES, *multilingual_texts.CLOSE_PAIRS)
    return [(text.language, text.text, text.language) for text in texts]


def langdetect_only(text: str) -> str | None:
    try:
        code = detect_langs(text)[0].lang
    except (LangDetectException, IndexError):
        return None
    return "zh" if code.startswith("zh") else code


def report(name: str, samples: list[tuple[str, str, str | None]], detector: LanguageDetector) -> None:
    results: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for truth, text, declared in samples:
        for length, sample in (("full", text), ("short", text[:SHORT])):
            results[truth][f"langdetect {length}"].append(langdetect_only(sample) == truth)
            found = detector.detect(sample, {"page_language": declared})
            results[truth][f"wirecrawl {length}"].append(found.language == truth)
    columns = ["langdetect full", "wirecrawl full", "langdetect short", "wirecrawl short"]
    print(f"\n{name}: {len(samples)} texts (short = first {SHORT} characters)")
    print(f"  {'language':<9}{'n':>5}  " + "  ".join(f"{c:>16}" for c in columns))
    totals: dict[str, list[bool]] = defaultdict(list)
    for language in sorted(results, key=lambda lang: (-len(results[lang][columns[0]]), lang)):
        row = results[language]
        for column in columns:
            totals[column] += row[column]
        cells = "  ".join(f"{sum(row[c]) / len(row[c]):>16.3f}" for c in columns)
        print(f"  {language:<9}{len(row[columns[0]]):>5}  {cells}")
    cells = "  ".join(f"{sum(totals[c]) / len(totals[c]):>16.3f}" for c in columns)
    print(f"  {'all':<9}{len(totals[columns[0]]):>5}  {cells}")


def cap_report(
    samples: list[tuple[str, str, str | None]], caps: tuple[int, ...] = (500, 1000, 2000, 3000, 100_000)
) -> None:
    """Accuracy, agreement with the whole text's answer and time per text when langdetect
    reads only the first N characters (``LANGUAGE_MAX_CHARS``)."""
    whole = [
        LanguageDetector.from_settings(project_settings({"LANGUAGE_MAX_CHARS": caps[-1]}))
        .detect(text, {"page_language": declared})
        .language
        for _, text, declared in samples
    ]
    print(
        f"\nLANGUAGE_MAX_CHARS over the same {len(samples)} texts (median {statistics.median(len(t) for _, t, _ in samples):.0f} characters)"
    )
    print(f"  {'cap':>7}  {'accuracy':>8}  {'same as whole text':>18}  {'ms/text':>7}")
    for cap in caps:
        detector, answers, seconds = (
            LanguageDetector.from_settings(project_settings({"LANGUAGE_MAX_CHARS": cap})),
            [],
            [],
        )
        for _, text, declared in samples:
            start = time.perf_counter()
            answers.append(detector.detect(text, {"page_language": declared}).language)
            seconds.append(time.perf_counter() - start)
        accuracy = sum(a == truth for a, (truth, _, _) in zip(answers, samples, strict=False)) / len(samples)
        same = sum(a == w for a, w in zip(answers, whole, strict=False)) / len(samples)
        print(f"  {cap:>7}  {accuracy:>8.3f}  {same:>18.3f}  {statistics.median(seconds) * 1000:>7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fundus", type=Path, default=ROOT.parent / "shared" / "bench" / "extraction" / "fundus")
    args = parser.parse_args()
    detector = LanguageDetector.from_settings(project_settings())
    report("fixtures", fixture_samples(), detector)
    if args.fundus.is_dir():
        samples = fundus_samples(args.fundus)
        report("fundus", samples, detector)
        cap_report(samples)


if __name__ == "__main__":
    main()
