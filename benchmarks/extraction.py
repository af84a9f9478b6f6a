"""Body extraction quality: plain trafilatura (default options) versus wirecrawl, side by side.

Usage: .venv/bin/python -m benchmarks.extraction [SCRAPINGHUB_DIR] [--fundus FUNDUS_DIR]

Scored with the ScrapingHub benchmark's own metric: 4-token shingle multisets of the
\\w+ tokens, precision and recall per page (normalised so every page weighs the same),
averaged over pages, F1 from the two means. On the Fundus pages the same figures per
language, plus wirecrawl's title, author and publication date (exact day) against the
expected values. Prints time per page for both extractors (pages run in one process per core).

Every page of both sets is an article, so wirecrawl is also run on each page as it would
arrive through each discovery path (:data:`ARRIVALS`): the pages it rejects there are
reported by reason, and the right number is 0 (as low as possible for a listing link the
source's ``allow`` did not vouch for). The golden fixtures' non-articles
(``tests/fixtures/golden/*.json`` with an ``error``) are run the same ways and must stay rejected.
Most benchmark pages declare an article type and a date, which settle the decision; many real
sites declare neither, so the drops are also counted on each page with its declarations
removed (:func:`undeclared`): judged on its content alone.

The CPU the learned furniture classifier adds (``CLEAN_MODEL_ENABLED``): median ms per page of
``extract_page`` with the model and without, on the same pages in one process, alternating
(:func:`model_cost`).

Last, the fixture sites of ``tests/fixtures/furniture_sites.py`` (four designs in eight languages): body
F1 and the pages with furniture left in the body, by kind; and each design as one site's run of
ten pages through the site templates, left out in turn: the template threshold is chosen on the
other three sites and scored on it (:func:`site_templates`). Then the structural templates with
re-cleaning on those, the multilingual site of ``tests/fixtures/slot_sites.py`` and the training designs
(``tests/fixtures/training_designs``), one design left out at a time (:func:`structural_templates`);
and on real pages, the Fundus publishers with three pages or more as site runs (:func:`real_site_runs`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

import trafilatura

from crawler.setting_checks import project_settings
from pipelines.core import (
    CoreOptions,
    FetchedPage,
    Rejected,
    SiteTemplates,
    extract_page,
    process_page,
)
from pipelines.core.cleaning import SlotRule, site_name
from pipelines.core.extraction import Extracted
from storage.corpus import Corpus
from tests.fixtures.furniture_sites import leaks, pages, site_runs, squashed
from tests.fixtures.slot_sites import site_run as slot_site_run
from tests.fixtures.slot_sites import stored_texts
from tests.fixtures.training_designs import site_runs as training_runs

ROOT = Path(__file__).resolve().parent.parent

TOKEN = re.compile(r"\w+")
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
#: How a page reaches the chain: (label, ``discovered_via``, hints). "extract" is ``wirecrawl
#: extract`` on a saved file; a sitemap without dates and a listing link without ``allow``
#: carry no hints. The body scores are those of "extract".
ARRIVALS: tuple[tuple[str, str, dict[str, object]], ...] = (
    ("extract", "", {}),
    ("feed", "feed", {}),
    ("sitemap", "sitemap", {}),
    ("listing", "listing", {}),
)


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


#: What a page declares about itself: JSON-LD, og:type and the publication-time meta tags.
DECLARATIONS = re.compile(
    rb"<script[^>]*application/ld\+json[^>]*>.*?</script>"
    rb"|<meta[^>]*(?:og:type|published_time|datePublished|pubdate|publishdate|publish-date|dc\.date|dcterms\.created)[^>]*>",
    re.IGNORECASE | re.DOTALL,
)


def undeclared(body: bytes) -> bytes:
    """The page without its declarations (see :data:`DECLARATIONS`), as a site that declares nothing serves it."""
    return DECLARATIONS.sub(b"", body)


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
        settings = project_settings()
        self.options = CoreOptions.from_settings(settings)

    def __call__(self, page: Page, via: str = "", hints: dict[str, object] | None = None) -> SimpleNamespace | Rejected:
        fetched = FetchedPage(page.url, page.body, {"Content-Type": "text/html; charset=utf-8"}, hints or {}, via)
        try:
            article = process_page(fetched, self.options)
        except Rejected as rejected:
            return rejected
        return SimpleNamespace(**article.fields())


def drop_reason(rejected: Rejected) -> str:
    """A rejection as counted: the reason, with the detail for ``not_article`` (numbers left out)."""
    return f"{rejected.reason}: {rejected.detail}" if rejected.reason == "not_article" else rejected.reason


def print_drops(title: str, drops: dict[str, Counter[str]], total: int) -> None:
    """Pages rejected per arrival path, by reason."""
    print(f"  rejected, pages {title}:")
    for label, _, _ in ARRIVALS:
        reasons = drops[label]
        listed = ", ".join(f"{count} {reason}" for reason, count in reasons.most_common()) or "none"
        print(f"    from {label:<8}{sum(reasons.values()):>4} of {total}: {listed}")


def normalized(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", value or "").replace("\u00ad", "").casefold().split())


@dataclass
class Measured:
    """One page's results: both extractors' output and time, and the reason it was rejected per arrival path."""

    plain: str | None
    found: SimpleNamespace | None
    seconds: dict[str, float]
    drops: dict[str, str]  # arrival label -> reason, pages as served
    undeclared_drops: dict[str, str]  # the same, declarations removed


_wirecrawl: Wirecrawl | None = None


def measure(page: Page) -> Measured:
    """Run both extractors on the page, and wirecrawl as from every arrival path (in a worker process)."""
    global _wirecrawl
    wirecrawl = _wirecrawl = _wirecrawl or Wirecrawl()
    began = time.perf_counter()
    plain = plain_trafilatura(page)
    seconds = {"trafilatura": time.perf_counter() - began}
    began = time.perf_counter()
    result = wirecrawl(page)
    seconds["wirecrawl"] = time.perf_counter() - began
    bare = Page(page.key, page.url, undeclared(page.body), page.text)
    drops, undeclared_drops = {}, {}
    for label, via, hints in ARRIVALS:
        if isinstance(arrived := result if not via else wirecrawl(page, via, hints), Rejected):
            drops[label] = drop_reason(arrived)
        if isinstance(arrived := wirecrawl(bare, via, hints), Rejected):
            undeclared_drops[label] = drop_reason(arrived)
    return Measured(plain, None if isinstance(result, Rejected) else result, seconds, drops, undeclared_drops)


def compare(name: str, pages: list[Page], by_language: bool) -> None:
    results: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    timings: dict[str, list[float]] = defaultdict(list)
    fields: dict[str, list[bool]] = defaultdict(list)
    drops: dict[str, Counter[str]] = defaultdict(Counter)
    undeclared_drops: dict[str, Counter[str]] = defaultdict(Counter)
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        measured = list(pool.map(measure, pages, chunksize=4))
    for page, done in zip(pages, measured, strict=True):
        for label, seconds in done.seconds.items():
            timings[label].append(seconds)
        for label, reason in done.drops.items():
            drops[label][reason] += 1
        for label, reason in done.undeclared_drops.items():
            undeclared_drops[label][reason] += 1
        plain, found = done.plain, done.found
        group = page.language if by_language else "all"
        for label, text in (("trafilatura", plain), ("wirecrawl", found.text if found else None)):
            results[group][label].append(page_scores(page.text, text))
        if by_language:
            if page.title:
                fields["title"].append(found is not None and normalized(found.title) == normalized(page.title))
            if page.authors:
                fields["author"].append(
                    found is not None
                    and bool(found.author)
                    and all(normalized(a).split()[-1] in normalized(found.author) for a in page.authors if a.split())
                )
            if page.date:
                fields["date (exact day)"].append(found is not None and (found.published or "")[:10] == page.date)
                fields["date found"].append(found is not None and bool(found.published))
    print(f"\n{name}: {len(pages)} pages")
    print(f"  {'group':<8}{'n':>5}  {'trafilatura P/R/F1':>22}  {'wirecrawl P/R/F1':>22}")
    groups = sorted(results, key=lambda g: (-len(results[g]["wirecrawl"]), g))
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
    print_drops("as served", drops, len(pages))
    print_drops("declarations removed", undeclared_drops, len(pages))


def model_cost(pages: list[Page]) -> None:
    """Median ms per page of ``extract_page`` with the classifier and without, alternating which runs first."""
    with_model = Wirecrawl().options
    without = replace(with_model, classifier=None)
    timings: dict[str, list[float]] = defaultdict(list)
    for number, page in enumerate(pages):
        fetched = FetchedPage(page.url, page.body, {"Content-Type": "text/html; charset=utf-8"}, {}, "feed")
        runs = [("without", without), ("with", with_model)]
        for label, options in runs if number % 2 else runs[::-1]:
            began = time.process_time()
            try:
                extract_page(fetched, options)
            except Rejected:
                pass
            timings[label].append(time.process_time() - began)
    before, after = (statistics.median(timings[label]) * 1000 for label in ("without", "with"))
    print(f"\nextract_page CPU, {len(pages)} bench pages, one process, alternating:")
    print(f"  without the model {before:.1f} ms/page, with {after:.1f} ms/page (median): {after / before - 1:+.1%}")


def golden_non_articles() -> None:
    """The golden fixtures' non-articles, run as from every arrival path: each must be rejected."""
    wirecrawl = Wirecrawl()
    cases = [(case, json.loads(case.read_text(encoding="utf-8"))) for case in sorted(GOLDEN.glob("*.json"))]
    pages = [
        Page(case.stem, record["url"], gzip.decompress((GOLDEN / f"{case.stem}.html.gz").read_bytes()), "")
        for case, record in cases
        if record["expected"].get("error")
    ]
    print(f"\nGolden non-articles: {len(pages)} pages")
    for label, via, hints in ARRIVALS:
        stored = [page.key for page in pages if not isinstance(wirecrawl(page, via, hints), Rejected)]
        print(
            f"  stored as from {label:<8}{len(stored):>4} of {len(pages)}{': ' + ', '.join(stored) if stored else ''}"
        )


def furniture_sites() -> None:
    """The fixture sites of ``tests/fixtures/furniture_sites.py``: pages with furniture in the body, per design.

    Written here and checked while the rules were made: the figures on the real pages above
    are the ones that count.
    """
    wirecrawl = Wirecrawl()
    leaked: Counter[str] = Counter()
    scores: dict[str, list] = defaultdict(list)
    fixtures = list(pages())
    dirty = credited = credits = 0
    for fixture in fixtures:
        page = Page(fixture.url, fixture.url, fixture.html.encode(), "\n\n".join(fixture.paragraphs), fixture.lang)
        found = wirecrawl(page, "feed")
        text = "" if isinstance(found, Rejected) else found.text
        kinds = leaks(fixture, text)
        leaked.update(f"{fixture.design}: {kind}" for kind in kinds)
        dirty += bool(kinds)
        if "credit" in fixture.furniture:
            credits += 1
            credited += not isinstance(found, Rejected) and bool(found.credit)
        scores["trafilatura"].append(page_scores(page.text, plain_trafilatura(page)))
        scores["wirecrawl"].append(page_scores(page.text, text or None))
    designs = len({fixture.design for fixture in fixtures})
    languages = len({fixture.lang for fixture in fixtures})
    print(f"\nFixture sites: {len(fixtures)} pages ({designs} designs, {languages} languages)")
    for label, values in scores.items():
        print(f"  {label} P/R/F1: {'/'.join(f'{value:.3f}' for value in summary(values))}")
    print(f"  pages with a leak: {dirty} of {len(fixtures)}; credit kept as data: {credited} of {credits}")
    for kind, count in sorted(leaked.items()):
        print(f"    {kind}: {count}")


#: The ``CLEAN_TEMPLATE_PAGES`` a left-out site's threshold is chosen from (see :func:`site_templates`).
TEMPLATE_PAGES = (2, 3, 4, 5)


def site_run(wirecrawl: Wirecrawl, run: list, min_pages: int) -> tuple[int, float]:
    """One site's pages in order through the chain with its templates learned as it goes (none
    with ``min_pages`` 0): (pages with furniture left in the body, body F1)."""
    corpus = Corpus.in_memory()
    templates = SiteTemplates(corpus, min_pages).remove if min_pages else None
    dirty, scores = 0, []
    for fixture in run:
        fetched = FetchedPage(
            fixture.url, fixture.html.encode(), {"Content-Type": "text/html; charset=utf-8"}, {}, "feed"
        )
        try:
            text = process_page(fetched, wirecrawl.options, templates).finished.text
        except Rejected:
            text = ""
        dirty += bool(leaks(fixture, text))
        scores.append(page_scores("\n\n".join(fixture.paragraphs), text or None))
    corpus.close()
    return dirty, summary(scores)[2]


def site_templates() -> None:
    """Site templates, leave one site out: each design is one site's run of pages
    (``furniture_sites.site_runs``); the threshold is the one best on the other sites (fewest
    pages with a leak, then F1), scored on the site left out, beside no templates."""
    wirecrawl = Wirecrawl()
    runs = dict(site_runs())
    results = {
        (site, pages): site_run(wirecrawl, run, pages) for site, run in runs.items() for pages in (0, *TEMPLATE_PAGES)
    }
    print(f"\nSite templates, leave one site out: {len(runs)} sites of {len(next(iter(runs.values())))} pages")
    for site in runs:
        others = [other for other in runs if other != site]
        chosen = min(
            TEMPLATE_PAGES,
            key=lambda pages: (sum(results[o, pages][0] for o in others), -sum(results[o, pages][1] for o in others)),
        )
        (before, f1_before), (after, f1_after) = results[site, 0], results[site, chosen]
        print(
            f"  {site:<11} CLEAN_TEMPLATE_PAGES={chosen} (chosen on the others): pages with a leak "
            f"{before} -> {after} of {len(runs[site])}, F1 {f1_before:.3f} -> {f1_after:.3f}"
        )


@dataclass(frozen=True)
class RunPage:
    """A page of one site's run, as the structural templates are scored on it."""

    url: str
    html: str
    paragraphs: tuple[str, ...]
    furniture: tuple[str, ...]  # texts that must not be in the stored body


def design_runs() -> dict[str, list[RunPage]]:
    """Each design as one site's run of pages: the four of ``furniture_sites``, the multilingual
    site of ``slot_sites``, and the training designs (``tests/fixtures/training_designs``)."""
    runs = {
        design: [RunPage(p.url, p.html, p.paragraphs, tuple(t for ts in p.furniture.values() for t in ts)) for p in run]
        for design, run in site_runs()
    }
    runs["multilingual"] = [
        RunPage(p.url, p.html, p.paragraphs, tuple(t for ts in p.furniture.values() for t in ts))
        for p in slot_site_run()
    ]
    for design, run in training_runs():
        runs[f"training/{design}"] = [RunPage(p.url, p.html, p.paragraphs, p.furniture) for p in run]
    return runs


#: The structural rules tried, each design left out in turn (see :func:`structural_templates`).
SLOT_RULES = tuple(
    SlotRule(max_share, continues_share, sentence_words)
    for max_share in (0.1, 0.2, 0.35)
    for continues_share in (0.34, 0.5, 0.75)
    for sentence_words in (6, 8, 12)
)


def extracted_run(wirecrawl: Wirecrawl, run: list[RunPage]) -> list[Extracted | None]:
    """Each page's extraction (None: not an article), done once for every rule tried."""
    found: list[Extracted | None] = []
    for page in run:
        fetched = FetchedPage(page.url, page.html.encode(), {"Content-Type": "text/html; charset=utf-8"}, {}, "feed")
        try:
            found.append(extract_page(fetched, wirecrawl.options))
        except Rejected:
            found.append(None)
    return found


def crawl_run(
    wirecrawl: Wirecrawl, run: list[RunPage], extracted: list[Extracted | None], rule: SlotRule | None
) -> tuple[int, float, int]:
    """One site's pages stored as a crawl stores them (``slot_sites.stored_texts``, by words only
    without a ``rule``): (pages with furniture left, body F1, pages re-cleaned)."""
    texts, recleaned = stored_texts(extracted, wirecrawl.options, rule)
    dirty, scores = 0, []
    for page, text in zip(run, texts, strict=True):
        body = squashed(text)
        dirty += any(squashed(furniture) in body for furniture in page.furniture)
        scores.append(page_scores("\n\n".join(page.paragraphs), text or None))
    return dirty, summary(scores)[2], recleaned


def structural_templates() -> None:
    """Site templates by structure and re-cleaning, each design one site's run of pages
    (:func:`design_runs`), left out in turn: the rule (:data:`SLOT_RULES`) is the one best on the
    other designs (fewest pages with a leak, then F1), scored on the design left out, beside
    templates by words only (re-cleaned the same way)."""
    wirecrawl = Wirecrawl()
    runs = design_runs()
    extracted = {design: extracted_run(wirecrawl, run) for design, run in runs.items()}
    words = {design: crawl_run(wirecrawl, run, extracted[design], None) for design, run in runs.items()}
    results = {
        (design, rule): crawl_run(wirecrawl, run, extracted[design], rule)
        for design, run in runs.items()
        for rule in SLOT_RULES
    }
    print(f"\nStructural site templates, leave one design out: {len(runs)} designs, CLEAN_TEMPLATE_PAGES=3")
    print(
        f"  {'design':<26}{'pages':>6}  {'words: leak, F1':>16}  {'structure: leak, F1, re-cleaned':>32}  rule chosen"
    )
    totals: Counter[str] = Counter()
    for design, run in runs.items():
        others = [other for other in runs if other != design]
        chosen = min(
            SLOT_RULES,
            key=lambda rule: (sum(results[o, rule][0] for o in others), -sum(results[o, rule][1] for o in others)),
        )
        (before, f1_before, _), (after, f1_after, recleaned) = words[design], results[design, chosen]
        totals.update({"pages": len(run), "words": before, "slots": after})
        print(
            f"  {design:<26}{len(run):>6}  {before:>7} {f1_before:>8.3f}  {after:>13} {f1_after:>7.3f} {recleaned:>10}"
            f"  share {chosen.max_share}, continues {chosen.continues_share}, sentence {chosen.sentence_words}"
        )
    print(f"  pages with a leak, all designs: {totals['words']} -> {totals['slots']} of {totals['pages']}")
    default = SlotRule()
    print(
        f"  the default rule (share {default.max_share}, continues {default.continues_share}, sentence "
        f"{default.sentence_words}) on all: {sum(results[d, default][0] for d in runs)} pages with a leak, "
        f"F1 {statistics.mean(results[d, default][1] for d in runs):.3f} (mean over designs)"
    )


def real_site_runs(name: str, pages: list[Page]) -> None:
    """The structural templates on real pages: each site with 3 pages or more of a benchmark set,
    its pages stored in order as a crawl stores them, by words only and with structure."""
    wirecrawl = Wirecrawl()
    runs: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        runs[site_name(page.url)].append(page)
    scores: dict[str, list] = defaultdict(list)
    changed = recleaned = 0
    for run in (run for run in runs.values() if len(run) >= 3):
        found = []
        for page in run:
            fetched = FetchedPage(page.url, page.body, {"Content-Type": "text/html; charset=utf-8"}, {}, "feed")
            try:
                found.append(extract_page(fetched, wirecrawl.options))
            except Rejected:
                found.append(None)
        by_words, _ = stored_texts(found, wirecrawl.options, None)
        by_structure, count = stored_texts(found, wirecrawl.options, SlotRule())
        recleaned += count
        for page, words, structure in zip(run, by_words, by_structure, strict=True):
            scores["words"].append(page_scores(page.text, words or None))
            scores["structure"].append(page_scores(page.text, structure or None))
            changed += words != structure
    sites = sum(len(run) >= 3 for run in runs.values())
    print(f"\n{name} as site runs: {len(scores['words'])} pages of {sites} sites with 3 pages or more")
    for label, values in scores.items():
        print(f"  {label:<10} P/R/F1: {'/'.join(f'{value:.4f}' for value in summary(values))}")
    print(f"  pages whose stored text differs: {changed}; re-cleanings: {recleaned}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "scrapinghub", nargs="?", type=Path, default=ROOT.parent / "shared" / "bench" / "extraction" / "scrapinghub"
    )
    parser.add_argument("--fundus", type=Path, default=ROOT.parent / "shared" / "bench" / "extraction" / "fundus")
    args = parser.parse_args()
    scrapinghub = scrapinghub_pages(args.scrapinghub)
    compare("ScrapingHub", scrapinghub, by_language=False)
    fundus = fundus_pages(args.fundus) if args.fundus.is_dir() else []
    if fundus:
        compare("Fundus", fundus, by_language=True)
        real_site_runs("Fundus", fundus)
    model_cost(scrapinghub + fundus[::3])
    golden_non_articles()
    furniture_sites()
    site_templates()
    structural_templates()


if __name__ == "__main__":
    main()
