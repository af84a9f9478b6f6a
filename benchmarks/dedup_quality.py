"""Quality of story grouping on labelled copies and hard negatives, and the parameter grid behind the defaults.

Usage: .venv/bin/python -m benchmarks.dedup_quality [--bench ../shared/bench/extraction] [--limit 80]

Two labelled sets, each fed article by article through the real decision path (equal text,
then LSH candidates verified on the texts) into a fresh corpus, in a shuffled order:

* ``cases``: tests/fixtures/dedup_cases.py, hand-written stories in 5 languages with every edit kind
  (headline, READ MORE line, image credit, last paragraphs dropped, paragraph added, words
  changed, wrapped in other material) and the hard negatives (a follow-up sharing the lead
  paragraph, the same event reported by another agency, another story on the same topic).
* ``bench``: real article bodies from the ScrapingHub and Fundus benchmarks, each with
  generated copies (READ MORE line, image credit, last paragraphs dropped, paragraph added,
  wrapped, 5-20 words changed, truncated to 30-70 % with a link to the full story, lead
  dropped, paragraphs reordered, headline rewritten, a paragraph added with 10-14 words
  changed), short stories of 80-150 words with their copies, and two hard negatives per
  body: a follow-up that opens with its lead, and one that quotes two of its paragraphs.
  Follow-ups are fed after the story they quote (they are published after it).

Prints pairwise precision, recall and F1, the hard-negative pairs merged, the recall of pairs
with a truncated copy, candidates verified per article and ms per article, for the default
settings and for a grid of alternatives.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from crawler.setting_checks import project_settings
from pipelines.core import StoryRules
from pipelines.core.language import LanguageDetector
from storage.corpus import Corpus
from tests.fixtures import dedup_cases

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Document:
    """One article of a labelled set: its true story and whether it is a hard negative."""

    story: str
    language: str
    text: str
    hard_negative_of: str | None = None
    kind: str = "original"


def labelled_cases() -> list[Document]:
    """Bases and every variant from tests/fixtures/dedup_cases.py."""
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


def changed_words(parts: list[str], count: int, rng: random.Random) -> list[str]:
    """The paragraphs with ``count`` words replaced by other words of the text."""
    words = [paragraph.split() for paragraph in parts]
    places = [(p, w) for p, paragraph in enumerate(words) for w in range(len(paragraph))]
    vocabulary = [word for paragraph in words for word in paragraph]
    for p, w in rng.sample(places, k=min(count, len(places))):
        words[p][w] = rng.choice(vocabulary)
    return [" ".join(paragraph) for paragraph in words]


def truncated(parts: list[str], share: float) -> list[str]:
    """The first ``share`` of the words (paragraphs kept), then a link to the full story."""
    keep = round(share * sum(len(p.split()) for p in parts))
    kept: list[str] = []
    for paragraph in parts:
        words = paragraph.split()[:keep]
        if not words:
            break
        kept.append(" ".join(words))
        keep -= len(words)
    return kept + ["Read the full story on our partner's website."]


def generated_set(texts: list[tuple[str, str]], detector: LanguageDetector) -> list[Document]:
    """Five disjoint fifths of ``texts``: stories with many copies, syndicated pairs, short stories.

    The first fifth's bodies get every edited copy and two follow-ups each; the fourth's
    get one copy truncated to 30-70 % and one follow-up (a syndication site's story and
    nothing else, so no other copy links it); the fifth gives short stories of its opening
    words, with three copies each. Material that edits a copy or continues a follow-up comes
    from the second and third fifths, articles that are not themselves in the set, each
    paragraph used by one story only (else its follow-ups would really share text).
    """
    fifth = len(texts) // 5
    texts, fillers, follow_material, pairs, shorts = (texts[i * fifth : (i + 1) * fifth] for i in range(5))
    rng = random.Random(11)
    documents = []
    for index, (_, text) in enumerate(texts):
        parts = paragraphs(text)
        other = paragraphs(fillers[index][1])
        more = paragraphs(follow_material[index][1])
        half = len(more) // 2
        language = detector.detect(text, {}).language or "xx"
        key = f"bench-{index}"
        middle = parts[1:]
        rng.shuffle(middle)
        edits = {
            "read_more": parts[:2] + ["READ MORE: " + other[0][:90]] + parts[2:],
            "image_credit": parts[:1] + ["The scene on Tuesday. (Image: AP)"] + parts[1:],
            "dropped_end": parts[: max(2, len(parts) - 2)],
            "added_end": parts + ["This article has been updated with additional reporting from our correspondents."],
            "wrapped": other[:1] + parts + other[-1:],
            "words_changed": changed_words(parts, rng.randint(5, 20), rng),
            "lead_dropped": parts[1:],
            "reordered": parts[:1] + middle,
            "headline": [f"UPDATE: {other[0][:70]}"] + parts,
            "added_changed": changed_words(parts + [other[-1]], rng.randint(10, 14), rng),
        }
        documents.append(Document(key, language, "\n\n".join(parts)))
        documents += [Document(key, language, "\n\n".join(body), kind=kind) for kind, body in edits.items()]
        start = rng.randrange(len(parts) - 1)
        follow_ups = {
            "follow_up_lead": parts[:1] + more[:half],
            "follow_up_quote": more[half : half + 1] + parts[start : start + 2] + more[half + 1 :],
        }
        documents += [
            Document(f"{key}/{kind}", language, "\n\n".join(body), hard_negative_of=key, kind=kind)
            for kind, body in follow_ups.items()
        ]
    for index, (_, text) in enumerate(pairs):
        parts = paragraphs(text)
        other = paragraphs(fillers[index][1])
        language = detector.detect(text, {}).language or "xx"
        key = f"pair-{index}"
        follow_up = parts[:1] + other[1:-1] if index % 2 else other[1:2] + parts[1:3] + other[2:-1]
        documents += [
            Document(key, language, "\n\n".join(parts)),
            Document(key, language, "\n\n".join(truncated(parts, rng.uniform(0.3, 0.7))), kind="truncated"),
            Document(f"{key}/follow-up", language, "\n\n".join(follow_up), hard_negative_of=key, kind="follow_up"),
        ]
    for index, (_, text) in enumerate(shorts):
        words = text.split()[: rng.randint(80, 150)]
        parts = [" ".join(words[: len(words) // 2]), " ".join(words[len(words) // 2 :])]
        language = detector.detect(text, {}).language or "xx"
        key = f"short-{index}"
        edits = {
            "short_added": parts + ["Additional reporting by our correspondents in the region."],
            "short_dropped": [parts[0], " ".join(parts[1].split()[: len(parts[1].split()) // 2])],
            "short_changed": changed_words(parts, rng.randint(3, 5), rng),
        }
        documents.append(Document(key, language, "\n\n".join(parts), kind="short"))
        documents += [Document(key, language, "\n\n".join(body), kind=kind) for kind, body in edits.items()]
    return documents


def feeding_order(documents: list[Document], seed: int) -> list[int]:
    """A shuffled order in which each follow-up comes after the story it quotes."""
    order = list(range(len(documents)))
    random.Random(seed).shuffle(order)
    first = {}
    for position, index in enumerate(order):
        first.setdefault(documents[index].story, position)
    late = [
        i
        for i in order
        if documents[i].hard_negative_of in first and documents[i].story != documents[i].hard_negative_of
    ]
    late_set = set(late)
    order = [i for i in order if i not in late_set]
    for index in late:  # right after a random later position than its story's first article
        story_at = next(p for p, i in enumerate(order) if documents[i].story == documents[index].hard_negative_of)
        order.insert(random.Random(seed + index).randint(story_at + 1, len(order)), index)
    return order


@dataclass(frozen=True)
class Run:
    """Story id of each document, seconds and LSH candidates per article."""

    stories: list[int]
    seconds: float
    candidates: float


def group(documents: list[Document], overrides: dict[str, float | int], seed: int = 5) -> Run:
    """Feed the documents (follow-ups after their story, else shuffled) through the real decision path."""
    order = feeding_order(documents, seed)
    stories = [0] * len(documents)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(Path(tmp) / "quality.db")
        settings = project_settings({f"DEDUP_{name.upper()}": value for name, value in overrides.items()})
        rules = StoryRules.from_settings(corpus, settings)
        fingerprinter = rules.matcher.fingerprinter
        proposed = 0
        band_candidates = corpus.band_candidates

        def counted(bands: list[int], limit: int) -> list[int]:
            nonlocal proposed
            found = band_candidates(bands, limit)
            proposed += len(found)
            return found

        corpus.band_candidates = counted  # type: ignore[method-assign]
        began = time.perf_counter()
        for index in order:
            document = documents[index]
            url = f"https://quality.example/{index}"
            identity = fingerprinter.identify(document.text, document.language)
            decision = rules.decide(url, identity.text_hash, document.language, identity.fingerprint, identity.shingles)
            row = {
                "url": url,
                "source": "quality",
                "language": document.language,
                "text": document.text,
                "text_hash": identity.text_hash,
                "fetched_at": "2026-11-24T10:00:00Z",
            }
            corpus.add_article(
                row, story_id=decision.story_id, fingerprint=identity.fingerprint, absorbs=decision.absorbs
            )
        elapsed = (time.perf_counter() - began) / len(documents)
        # Stories may have been united after a document was stored: read the final grouping.
        ids = [row[0] for row in corpus._db.execute("SELECT story_id FROM articles ORDER BY id")]
        for position, index in enumerate(order):
            stories[index] = ids[position]
        corpus.close()
    return Run(stories, elapsed, proposed / len(documents))


def score(documents: list[Document], stories: list[int]) -> dict[str, float]:
    """Pairwise precision, recall, F1, hard-negative pairs merged, recall of pairs with a truncated copy."""
    true_positive = false_positive = false_negative = merged_negatives = truncated_pairs = truncated_found = 0
    for a, b in itertools.combinations(range(len(documents)), 2):
        same_truth = documents[a].story == documents[b].story
        same_found = stories[a] == stories[b]
        if same_truth and {documents[a].kind, documents[b].kind} == {"original", "truncated"}:
            truncated_pairs += 1
            truncated_found += same_found
        true_positive += same_truth and same_found
        false_positive += same_found and not same_truth
        false_negative += same_truth and not same_found
        negative = {documents[a].hard_negative_of, documents[b].hard_negative_of}
        if same_found and not same_truth and (documents[a].story in negative or documents[b].story in negative):
            merged_negatives += 1
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else 1.0
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    truncated_recall = truncated_found / truncated_pairs if truncated_pairs else 1.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "hard_negatives_merged": merged_negatives,
        "truncated_recall": truncated_recall,
    }


GRID = [
    {},
    {"lead_bands": 0},  # the whole-text banding only (before issue 14)
    {"lead_bands": 0, "bands": 64},  # one banding tuned for low Jaccard (64 x 2) instead of a lead index
    {"lead_bands": 8},
    {"lead_rows": 3},
    {"lead_shingles": 25},
    {"lead_shingles": 60},
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
    parser.add_argument("--limit", type=int, default=80, help="real bodies per fifth of the generated set")
    args = parser.parse_args()
    detector = LanguageDetector.from_settings(project_settings())
    sets = {"cases": labelled_cases()}
    if args.bench.is_dir():
        sets["bench"] = generated_set(bench_texts(args.bench, 5 * args.limit), detector)
    for name, documents in sets.items():
        stories = {d.story for d in documents}
        print(f"\n{name}: {len(documents)} articles, {len(stories)} true stories")
        print(
            f"  {'settings':<44} {'precision':>9} {'recall':>7} {'F1':>6} {'neg merged':>10} "
            f"{'trunc recall':>12} {'cand/art':>8} {'ms/article':>10}"
        )
        for overrides in GRID:
            run = group(documents, overrides)
            result = score(documents, run.stories)
            label = ", ".join(f"{k}={v}" for k, v in overrides.items()) or "defaults"
            print(
                f"  {label:<44} {result['precision']:>9.4f} {result['recall']:>7.4f} {result['f1']:>6.4f} "
                f"{result['hard_negatives_merged']:>10} {result['truncated_recall']:>12.4f} {run.candidates:>8.2f} "
                f"{run.seconds * 1000:>10.2f}"
            )


if __name__ == "__main__":
    main()
