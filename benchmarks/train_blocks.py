"""Train the furniture classifier (pipelines/core/blocks.py) and report how it does on pages it never saw.

Usage: .venv/bin/python -m benchmarks.train_blocks [--write] [--ablation]
           [--scrapinghub DIR] [--fundus DIR]

Needs the ``train`` extra (scikit-learn): ``.venv/bin/pip install -e '.[train]'``.

Labelled blocks: the bench pages (ScrapingHub, Fundus) run through the chain with the model off;
each body block left after the structure rules is content when most of its 4-token shingles are
in the page's true body, furniture when almost none are (:data:`CONTENT_SHARE`,
:data:`FURNITURE_SHARE`; ambiguous blocks are dropped). The fixture designs
(``tests/furniture_sites.py`` and, when present, ``tests/fixtures/training_designs/``) are
labelled by their truth: a block inside the article's paragraphs is content, any other is
furniture. ``tests/fixtures/holdout_designs/`` is never read: it is the honest hold-out.

Reported: leave-one-site-out (bench pages by publisher) and leave-one-design-out (fixtures):
block precision and recall of furniture at each threshold, the content blocks (and story
paragraphs: content of :data:`STORY_WORDS` words or more) it would remove, and the bodies'
F1 and leaks with the model and without. ``--write`` fits on every labelled block (seeded,
deterministic) and writes ``pipelines/core/block_weights.json``. ``--ablation`` measures
each feature by leaving it out.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from benchmarks.extraction import fundus_pages, page_scores, scrapinghub_pages, shingles, summary
from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, Rejected, extract_page
from pipelines.core.blocks import FEATURES, WEIGHTS, block_features
from tests.fixtures.furniture_sites import pages as furniture_pages
from tests.fixtures.furniture_sites import site_runs
from tests.fixtures.training_designs import pages as design_pages

ROOT = Path(__file__).resolve().parent.parent

BENCH = ROOT.parent / "shared" / "bench" / "extraction"
#: A bench block is content when at least this share of its shingles is in the true body,
#: furniture when at most that share is; between, it is not labelled.
CONTENT_SHARE = 0.5
FURNITURE_SHARE = 0.1
#: A content block of this many words or more is a story paragraph: the model must never remove one.
STORY_WORDS = 12
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99)
#: Regularisation of the logistic regression (inverse strength) and its seed.
C = 1.0
SEED = 0
SQUASH = re.compile(r"\W+")


@dataclass
class LabelledPage:
    """One page's body blocks after the structure rules, their features and labels (1 furniture, 0 content, -1 not labelled)."""

    set: str  # ScrapingHub, Fundus, fixtures, training designs
    group: str  # the publisher or the design: what is left out together
    blocks: list[str]
    rows: np.ndarray
    labels: np.ndarray
    truth: str  # the true body
    furniture: tuple[str, ...]  # fixture pages: the furniture strings (a leak is one of them in the body)


class FeatureRecorder:
    """Stands in for the classifier in the chain: keeps every block and records its features."""

    rows: np.ndarray
    blocks: list[str]

    def clean(self, index, blocks, url, title, removals=None):  # noqa: ANN001, ANN201 (the classifier's signature)
        self.rows, self.blocks = block_features(index, blocks, url, title), list(blocks)
        return blocks


def squashed(text: str) -> str:
    return SQUASH.sub("", text.casefold())


def bench_label(block: str, truth_shingles: set, truth_squashed: str) -> int:
    found = shingles(block)
    if sum(found.values()) <= 1 and len(next(iter(found), ())) < 4:  # under four tokens: the text must be in the truth
        return 0 if squashed(block) and squashed(block) in truth_squashed else 1
    share = sum(count for gram, count in found.items() if gram in truth_shingles) / sum(found.values())
    return 0 if share >= CONTENT_SHARE else 1 if share <= FURNITURE_SHARE else -1


def fixture_label(block: str, paragraphs: str) -> int:
    text = squashed(block.removeprefix("- "))
    return 0 if text and text in paragraphs else 1


def options_without_model() -> CoreOptions:
    """The chain's options as the crawl's settings give them, the model off."""
    settings = project_settings()
    settings.set("CLEAN_MODEL_ENABLED", False)
    return CoreOptions.from_settings(settings)


_options: CoreOptions | None = None


def label_page(job: tuple[str, str, str, str, bytes, str, tuple[str, ...], tuple[str, ...]]) -> LabelledPage | None:
    """Run the chain, model off, on one page and label its blocks (in a worker process)."""
    global _options
    _options = _options or options_without_model()
    kind, group, url, lang, body, truth, paragraphs, furniture = job
    recorder = FeatureRecorder()
    options = replace(_options, classifier=recorder)
    try:
        extract_page(FetchedPage(url, body, {"Content-Type": "text/html; charset=utf-8"}, {}, "feed"), options)
    except Rejected:
        return None
    if not hasattr(recorder, "rows"):
        return None
    if paragraphs:
        joined = squashed("".join(paragraphs))
        labels = [fixture_label(block, joined) for block in recorder.blocks]
    else:
        grams, joined = set(shingles(truth)), squashed(truth)
        labels = [bench_label(block, grams, joined) for block in recorder.blocks]
    return LabelledPage(kind, group, recorder.blocks, recorder.rows, np.array(labels), truth, furniture)


def training_designs() -> list:
    """The pages of ``tests/fixtures/training_designs`` (another helper's designs)."""
    return list(design_pages())


def jobs(scrapinghub: Path, fundus: Path) -> list[tuple]:
    found: list[tuple] = []
    for page in scrapinghub_pages(scrapinghub):
        found.append(("ScrapingHub", urlsplit(page.url).hostname or "", page.url, "en", page.body, page.text, (), ()))
    if fundus.is_dir():
        for page in fundus_pages(fundus):
            publisher = page.key.split("/")[1].rsplit("_", 3)[0]
            found.append(("Fundus", publisher, page.url, page.language, page.body, page.text, (), ()))
    fixtures = list(furniture_pages()) + [page for _, run in site_runs() for page in run]
    for page in fixtures:
        strings = tuple(text for texts in page.furniture.values() for text in texts)
        truth = "\n\n".join(page.paragraphs)
        found.append(
            ("fixtures", page.design, page.url, page.lang, page.html.encode(), truth, page.paragraphs, strings)
        )
    for page in training_designs():
        truth = "\n\n".join(page.paragraphs)
        found.append(
            (
                "training designs",
                page.design,
                page.url,
                page.language,
                page.html.encode(),
                truth,
                page.paragraphs,
                page.furniture,
            )
        )
    return found


def model(rows: np.ndarray, labels: np.ndarray, columns: list[int]) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler().fit(rows[:, columns])
    fitted = LogisticRegression(C=C, max_iter=2000, random_state=SEED).fit(scaler.transform(rows[:, columns]), labels)
    return scaler, fitted


def held_out(pages: list[LabelledPage], columns: list[int]) -> list[np.ndarray]:
    """Each page's furniture probabilities from a model trained without its site or design."""
    groups = sorted({(page.set == "ScrapingHub" or page.set == "Fundus", page.group) for page in pages})
    # Bench publishers are left out one at a time; so are designs. Small bench publishers are
    # many: they are left out in 20 folds by publisher (a publisher never in its own training).
    folds: dict[tuple[bool, str], int] = {}
    bench = [group for group in groups if group[0]]
    for number, group in enumerate(bench):
        folds[group] = number % 20
    for number, group in enumerate(group for group in groups if not group[0]):
        folds[group] = 20 + number
    keys = [folds[(page.set in ("ScrapingHub", "Fundus"), page.group)] for page in pages]
    result: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for fold in sorted(set(keys)):
        train = [page for page, key in zip(pages, keys, strict=True) if key != fold]
        rows = np.vstack([page.rows[page.labels >= 0] for page in train])
        labels = np.concatenate([page.labels[page.labels >= 0] for page in train])
        scaler, fitted = model(rows, labels, columns)
        for position, (page, key) in enumerate(zip(pages, keys, strict=True)):
            if key == fold:
                result[position] = fitted.predict_proba(scaler.transform(page.rows[:, columns]))[:, 1]
    return result


def body(page: LabelledPage, keep: np.ndarray, rules) -> str:  # noqa: ANN001 (BoilerplateRules)
    return "\n\n".join(rules.clean([block for block, kept in zip(page.blocks, keep, strict=True) if kept], None))


def leaked(page: LabelledPage, text: str) -> bool:
    squashed_text = squashed(text)
    return any(squashed(string) in squashed_text for string in page.furniture)


def report(pages: list[LabelledPage], scores: list[np.ndarray], thresholds: tuple[float, ...]) -> None:
    rules = options_without_model().rules
    for name in dict.fromkeys(page.set for page in pages):
        members = [(page, score) for page, score in zip(pages, scores, strict=True) if page.set == name]
        labels = np.concatenate([page.labels for page, _ in members])
        probabilities = np.concatenate([score for _, score in members])
        words = np.concatenate([[len(block.split()) for block in page.blocks] for page, _ in members])
        print(
            f"\n{name}: {len(members)} pages, {len({p.group for p, _ in members})} sites or designs, "
            f"{(labels == 0).sum()} content and {(labels == 1).sum()} furniture blocks ({(labels < 0).sum()} not labelled)"
        )
        print(
            f"  {'threshold':>9}  {'precision':>9} {'recall':>6}  {'content lost':>12} {'story lost':>10}  body F1  leak"
        )
        before = [page_scores(page.truth, body(page, np.ones(len(page.blocks), bool), rules)) for page, _ in members]
        leaks_before = sum(leaked(page, body(page, np.ones(len(page.blocks), bool), rules)) for page, _ in members)
        print(f"  {'no model':>9}  {'':>9} {'':>6}  {'':>12} {'':>10}  {summary(before)[2]:.4f}  {leaks_before}")
        for threshold in thresholds:
            removed = probabilities >= threshold
            true = (removed & (labels == 1)).sum()
            precision = true / removed[labels >= 0].sum() if removed[labels >= 0].any() else 1.0
            recall = true / (labels == 1).sum() if (labels == 1).any() else 1.0
            lost = (removed & (labels == 0)).sum()
            story = (removed & (labels == 0) & (words >= STORY_WORDS)).sum()
            after = [page_scores(page.truth, body(page, score < threshold, rules)) for page, score in members]
            leaks_after = sum(leaked(page, body(page, score < threshold, rules)) for page, score in members)
            print(
                f"  {threshold:>9.2f}  {precision:>9.3f} {recall:>6.3f}  {lost:>12} {story:>10}  "
                f"{summary(after)[2]:.4f}  {leaks_after}"
            )


def safe_threshold(pages: list[LabelledPage], scores: list[np.ndarray]) -> float:
    """The lowest threshold of :data:`THRESHOLDS` at which no story paragraph of any set is removed, left out."""
    labels = np.concatenate([page.labels for page in pages])
    probabilities = np.concatenate(scores)
    words = np.concatenate([[len(block.split()) for block in page.blocks] for page in pages])
    story = probabilities[(labels == 0) & (words >= STORY_WORDS)]
    return min((t for t in THRESHOLDS if not (story >= t).any()), default=THRESHOLDS[-1])


def ablation(pages: list[LabelledPage]) -> None:
    """Each feature left out in turn: furniture recall at the threshold where no story paragraph is lost."""

    def safe_recall(columns: list[int]) -> float:
        scores = held_out(pages, columns)
        labels = np.concatenate([page.labels for page in pages])
        probabilities = np.concatenate(scores)
        words = np.concatenate([[len(block.split()) for block in page.blocks] for page in pages])
        story = probabilities[(labels == 0) & (words >= STORY_WORDS)]
        limit = story.max() + 1e-9 if len(story) else 0.5
        return float(((probabilities >= limit) & (labels == 1)).sum() / (labels == 1).sum())

    everything = list(range(len(FEATURES)))
    full = safe_recall(everything)
    print(f"\nAblation: furniture recall with no story paragraph lost, all features {full:.3f}")
    for position, name in enumerate(FEATURES):
        print(f"  without {name:<18} {safe_recall([c for c in everything if c != position]):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scrapinghub", type=Path, default=BENCH / "scrapinghub")
    parser.add_argument("--fundus", type=Path, default=BENCH / "fundus")
    parser.add_argument("--write", action="store_true", help=f"fit on every labelled block and write {WEIGHTS.name}")
    parser.add_argument("--ablation", action="store_true", help="measure each feature by leaving it out")
    parser.add_argument(
        "--cache",
        type=Path,
        help="keep the labelled blocks in this file and reuse them on the next run (delete it when features change)",
    )
    args = parser.parse_args()
    if args.cache and args.cache.is_file():
        pages = pickle.loads(args.cache.read_bytes())
    else:
        with ProcessPoolExecutor(os.cpu_count()) as pool:
            pages = [page for page in pool.map(label_page, jobs(args.scrapinghub, args.fundus), chunksize=4) if page]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    columns = list(range(len(FEATURES)))
    scores = held_out(pages, columns)
    report(pages, scores, THRESHOLDS)
    print(f"\nLowest threshold losing no story paragraph, left out: {safe_threshold(pages, scores)}")
    if args.ablation:
        ablation(pages)
    rows = np.vstack([page.rows[page.labels >= 0] for page in pages])
    labels = np.concatenate([page.labels[page.labels >= 0] for page in pages])
    scaler, fitted = model(rows, labels, columns)
    print("\nWeights, all labelled blocks (per standard deviation):")
    for name, weight in sorted(zip(FEATURES, fitted.coef_[0], strict=True), key=lambda item: -abs(item[1])):
        print(f"  {name:<18} {weight:+.3f}")
    if args.write:
        weights = {
            "features": list(FEATURES),
            "mean": [round(float(v), 6) for v in scaler.mean_],
            "scale": [round(float(v), 6) for v in scaler.scale_],
            "coef": [round(float(v), 6) for v in fitted.coef_[0]],
            "intercept": round(float(fitted.intercept_[0]), 6),
            "trained_on": {
                name: sum(1 for page in pages if page.set == name) for name in dict.fromkeys(p.set for p in pages)
            },
            "blocks": int(len(labels)),
        }
        WEIGHTS.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
