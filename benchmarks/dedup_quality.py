"""Quality of story grouping on labelled copies and hard negatives, and the parameter grid behind the defaults.

Usage: .venv/bin/python benchmarks/dedup_quality.py [--bench ../shared/bench/extraction] [--limit 120]

Two labelled sets, each fed article by article through the real decision path (equal text,
then LSH candidates verified on the texts) into a fresh corpus, in a shuffled order:

* ``cases``: tests/dedup_cases.py, hand-written stories in 5 languages with every edit kind
  (headline, READ MORE line, image credit, last paragraphs dropped, paragraph added, words
  changed, wrapped in other material) and the hard negatives (a follow-up sharing the lead
  paragraph, the same event reported by another agency, another story on the same topic).
* ``bench``: real article bodies from the ScrapingHub and Fundus benchmarks, each with
  generated copies of the same edit kinds and a follow-up sharing only its lead paragraph.

Prints pairwise precision, recall and F1 and the number of hard-negative pairs merged, for
the default settings and for a grid of alternatives.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import dedup_cases  # noqa: E402
from crawler import settings as defaults  # noqa: E402
from pipelines.core import StoryRules  # noqa: E402
from pipelines.core.identity import Fingerprinter  # noqa: E402
from pipelines.core.language import LanguageDetector  # noqa: E402
from pipelines.core.stories import StoryMatcher  # noqa: E402
from storage.corpus import Corpus  # noqa: E402


@dataclass(frozen=True)
class Document:
    """One article of a labelled set: its true story and whether it is a hard negative."""

    story: str
    language: str
    text: str
    hard_negative_of: str | None = None


def labelled_cases() -> list[Document]:
    """Bases and every variant from tests/dedup_cases.py."""
    documents = {base.key: Document(base.key, base.language, base.text) for base in dedup_cases.BASES}
    variants = []
    for case in dedup_cases.CASES:
        if case.kind == "same_topic":
            continue  # the other base itself is already in the set
        if case.same_story:
            variants.append(Document(case.base.key, case.language, case.text))
        else:
            variants.append(Document(case.name, case.language, case.text, hard_negative_of=case.base.key))
    return [*documents.values(), *variants]


def bench_texts(bench: Path, limit: int) -> list[tuple[str, str]]:
    """(language hint, body) of real articles: ScrapingHub bodies, then Fundus bodies."""
    texts: list[tuple[str, str]] = []
    truth = bench / "scrapinghub" / "ground-truth.json"
    if truth.is_file():
        texts += [("", item["articleBody"]) for item in json.loads(truth.read_text()).values()]
    for publisher in sorted((bench / "fundus").glob("*/*.json")):
        for version in json.loads(publisher.read_text()).values():
            body = version.get("body") or {}
            parts = list(body.get("summary", []))
            for section in body.get("sections", []):
                parts += section.get("headline", []) + section.get("paragraphs", [])
            texts.append(("", "\n\n".join(p for p in parts if p.strip())))
    usable = [(lang, text) for lang, text in texts if len(paragraphs(text)) >= 4 and len(text) >= 800]
    random.Random(3).shuffle(usable)
    return usable[:limit]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


def generated_set(texts: list[tuple[str, str]], fillers: list[tuple[str, str]], detector: LanguageDetector) -> list[Document]:
    """Each real body, its edited copies, and a follow-up that shares only its lead paragraph.

    Material that wraps a copy or continues a follow-up comes from ``fillers``, other real
    articles that are not themselves in the set.
    """
    rng = random.Random(11)
    documents = []
    for index, (_, text) in enumerate(texts):
        parts = paragraphs(text)
        other = paragraphs(fillers[index % len(fillers)][1])
        language = detector.detect(text, {}).language or "xx"
        key = f"bench-{index}"
        words = text.split()
        changed = list(words)
        for position in rng.sample(range(len(words)), k=max(3, len(words) // 40)):
            changed[position] = rng.choice(words)
        edits = {
            "read_more": parts[:2] + ["READ MORE: " + other[0][:90]] + parts[2:],
            "image_credit": parts[:1] + ["The scene on Tuesday. (Image: AP)"] + parts[1:],
            "dropped_end": parts[: max(2, len(parts) - 2)],
            "added_end": parts + ["This article has been updated with additional reporting from our correspondents."],
            "wrapped": other[:1] + parts + other[-1:],
        }
        documents.append(Document(key, language, "\n\n".join(parts)))
        documents += [Document(key, language, "\n\n".join(body)) for body in edits.values()]
        documents.append(Document(key, language, " ".join(changed)))
        follow_up = parts[:1] + other[1:]
        documents.append(Document(f"{key}/follow-up", language, "\n\n".join(follow_up), hard_negative_of=key))
    return documents


def group(documents: list[Document], overrides: dict[str, float | int], seed: int = 5) -> tuple[list[int], float]:
    """Story id of each document after feeding them, shuffled, through the real decision path."""
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    stories = [0] * len(documents)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(Path(tmp) / "quality.db")
        options = {
            "shingle_size": defaults.DEDUP_SHINGLE_SIZE,
            "num_perm": defaults.DEDUP_NUM_PERM,
            "bands": defaults.DEDUP_BANDS,
            "jaccard": defaults.DEDUP_JACCARD,
            "containment": defaults.DEDUP_CONTAINMENT,
            "min_shingles": defaults.DEDUP_MIN_SHINGLES,
            **overrides,
        }
        index = {name: options.pop(name) for name in ("shingle_size", "num_perm", "bands")}
        fingerprinter = Fingerprinter(**index)
        rules = StoryRules(StoryMatcher(corpus, fingerprinter, **options))
        began = time.perf_counter()
        for index in order:
            document = documents[index]
            url = f"https://quality.example/{index}"
            identity = fingerprinter.identify(document.text, document.language)
            decision = rules.decide(url, identity.text_hash, document.language, identity.fingerprint, identity.shingles)
            row = {"url": url, "source": "quality", "language": document.language,
                   "text": document.text, "text_hash": identity.text_hash, "fetched_at": "2026-11-24T10:00:00Z"}
            corpus.add_article(row, story_id=decision.story_id, fingerprint=identity.fingerprint, absorbs=decision.absorbs)
        # Stories may have been united after a document was stored: read the final grouping.
        ids = [row[0] for row in corpus._db.execute("SELECT story_id FROM articles ORDER BY id")]
        for position, index in enumerate(order):
            stories[index] = ids[position]
        elapsed = (time.perf_counter() - began) / len(documents)
        corpus.close()
    return stories, elapsed


def score(documents: list[Document], stories: list[int]) -> dict[str, float]:
    """Pairwise precision, recall, F1, and hard-negative pairs merged."""
    true_positive = false_positive = false_negative = merged_negatives = 0
    for a, b in itertools.combinations(range(len(documents)), 2):
        same_truth = documents[a].story == documents[b].story
        same_found = stories[a] == stories[b]
        true_positive += same_truth and same_found
        false_positive += same_found and not same_truth
        false_negative += same_truth and not same_found
        negative = {documents[a].hard_negative_of, documents[b].hard_negative_of}
        if same_found and not same_truth and (documents[a].story in negative or documents[b].story in negative):
            merged_negatives += 1
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 1.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "hard_negatives_merged": merged_negatives}


GRID = [
    {},
    {"bands": 25, "num_perm": 125},  # 25 x 5: candidates from Jaccard ~0.5
    {"bands": 16},  # 16 x 8
    {"bands": 42, "num_perm": 126},  # 42 x 3
    {"shingle_size": 3},
    {"shingle_size": 7},
    {"jaccard": 0.4},
    {"jaccard": 0.6},
    {"containment": 0.7},
    {"containment": 0.9},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench" / "extraction")
    parser.add_argument("--limit", type=int, default=120, help="real bodies taken from the benchmark data")
    args = parser.parse_args()
    detector = LanguageDetector()
    sets = {"cases": labelled_cases()}
    if args.bench.is_dir():
        texts = bench_texts(args.bench, 2 * args.limit)
        sets["bench"] = generated_set(texts[: args.limit], texts[args.limit :], detector)
    for name, documents in sets.items():
        stories = {d.story for d in documents}
        print(f"\n{name}: {len(documents)} articles, {len(stories)} true stories")
        print(f"  {'settings':<34} {'precision':>9} {'recall':>7} {'F1':>6} {'neg merged':>10} {'ms/article':>10}")
        for overrides in GRID:
            found, seconds = group(documents, overrides)
            result = score(documents, found)
            label = ", ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"
            print(
                f"  {label:<34} {result['precision']:>9.4f} {result['recall']:>7.4f} {result['f1']:>6.4f} "
                f"{result['hard_negatives_merged']:>10} {seconds * 1000:>10.2f}"
            )


if __name__ == "__main__":
    main()
