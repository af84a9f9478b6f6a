"""Cost of the near-duplicate index as the corpus grows: 10k, 100k, 1M stored articles.

Usage: .venv/bin/python -m benchmarks.dedup_scale [--sizes 10000,100000,1000000] [--probes 500]

The corpus is filled in bulk with synthetic articles and fingerprints (random MinHash
signatures, as many whole-text and lead LSH bands as the default settings make); at each
size, ``--probes`` new stories of random words and a copy of each truncated to 40 % (so
that the lead index has a candidate to find) go through the real per-article path:
``StoryMatcher.find_story`` (the candidate query, then the exact verification of each
candidate on its stored text), then ``Corpus.add_article`` with the fingerprint (article,
URLs, fingerprint, bands, story in one transaction). Prints the median and 90th percentile
per article, the median of the candidate query and of the verification alone (over the probes that had a
candidate to verify), candidates per article, the process's peak resident memory and the corpus's size on disk.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from crawler import settings as defaults
from crawler.setting_checks import project_settings
from pipelines.core.story_rules import StoryMatcher
from storage.corpus import Corpus
from storage.signatures import Fingerprint, pack_signature

TEXT = "Synthetic article body. " * 40
BATCH = 20_000


def synthetic(rng: np.random.Generator, index: int, bands: int, num_perm: int) -> tuple[dict, Fingerprint]:
    """An article row and a random fingerprint for it."""
    row = {
        "url": f"https://bench.example/{index}",
        "source": "bench",
        "title": f"Article {index}",
        "language": "en",
        "text": TEXT,
        "text_hash": f"{index:040x}",
        "fetched_at": "2026-11-24T10:00:00Z",
    }
    signature = rng.integers(0, 2**32, num_perm, dtype=np.uint64)
    band_hashes = tuple(int(v) for v in rng.integers(-(2**63), 2**63 - 1, bands, dtype=np.int64))
    return row, Fingerprint(pack_signature(signature), 200, band_hashes)


def fill(corpus: Corpus, count: int, rng: np.random.Generator, bands: int, num_perm: int) -> None:
    """Bulk-insert ``count`` more articles, each with its own story and its bands."""
    start = corpus._db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
    stop = start + count
    for first in range(start, stop, BATCH):
        rows = [synthetic(rng, i, bands, num_perm) for i in range(first, min(stop, first + BATCH))]
        with corpus._db.atomic():
            conn = corpus._db.conn
            conn.executemany(
                "INSERT INTO stories (id, article_id, title, language, first_seen, last_seen, copies) VALUES (?, ?, ?, 'en', ?, ?, 1)",
                [(i + 1, i + 1, r["title"], r["fetched_at"], r["fetched_at"]) for i, (r, _) in enumerate(rows, first)],
            )
            conn.executemany(
                "INSERT INTO articles (id, url, source, title, language, text, text_hash, story_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        i + 1,
                        r["url"],
                        r["source"],
                        r["title"],
                        r["language"],
                        r["text"],
                        r["text_hash"],
                        i + 1,
                        r["fetched_at"],
                    )
                    for i, (r, _) in enumerate(rows, first)
                ],
            )
            conn.executemany(
                "INSERT INTO article_urls (url, article_id) VALUES (?, ?)",
                [(r["url"], i + 1) for i, (r, _) in enumerate(rows, first)],
            )
            conn.executemany(
                "INSERT INTO article_fingerprints (article_id, shingles, signature) VALUES (?, ?, ?)",
                [(i + 1, f.shingles, f.signature) for i, (_, f) in enumerate(rows, first)],
            )
            conn.executemany(
                "INSERT INTO lsh_bands (band, article_id) VALUES (?, ?)",
                [(band, i + 1) for i, (_, f) in enumerate(rows, first) for band in f.bands],
            )


@dataclass(frozen=True)
class Timings:
    """Seconds per article of the whole path, of the candidate query, of the verification; candidates found."""

    total: list[float]
    query: list[float]
    verification: list[float]
    candidates: list[int]


def probe(corpus: Corpus, start: int, count: int, rng: np.random.Generator) -> Timings:
    """The real path (find_story, then add_article) for ``count`` new stories and a truncated copy of each."""
    matcher = StoryMatcher.from_settings(corpus, project_settings())
    timings = Timings([], [], [], [])
    for index in range(start, start + count):
        words = ["".join(chr(97 + c) for c in rng.integers(0, 26, 6)) for _ in range(300)]  # letters: digits fold to 0
        for suffix, text in (("", " ".join(words)), ("/copy", " ".join(words[:120]))):
            identity = matcher.fingerprinter.identify(text, "en")
            row = {
                **synthetic(rng, index, 0, 1)[0],
                "url": f"https://bench.example/{index}{suffix}",
                "text": text,
                "text_hash": identity.text_hash,
            }
            fingerprint = identity.fingerprint
            assert fingerprint is not None and identity.shingles is not None
            began = time.perf_counter()
            candidates = corpus.band_candidates(fingerprint.bands, matcher.max_candidates)
            queried = time.perf_counter()
            match = matcher.find_story(fingerprint, identity.shingles, "en")
            found = time.perf_counter()
            corpus.add_article(row, story_id=match.story_id if match else None, fingerprint=fingerprint)
            stored = time.perf_counter()
            timings.total.append(stored - queried)
            timings.query.append(queried - began)
            timings.verification.append(max(0.0, (found - queried) - (queried - began)))
            timings.candidates.append(len(candidates))
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated corpus sizes")
    parser.add_argument("--probes", type=int, default=500, help="articles timed at each size")
    parser.add_argument("--dir", default=None, help="where to create the benchmark corpus (default: a temp dir)")
    args = parser.parse_args()
    bands, num_perm = defaults.DEDUP_BANDS + defaults.DEDUP_LEAD_BANDS, defaults.DEDUP_NUM_PERM
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "bench.db"
        corpus = Corpus(path)
        print(
            f"{defaults.DEDUP_BANDS} whole-text + {defaults.DEDUP_LEAD_BANDS} lead bands per article; "
            f"{args.probes} stories and their truncated copies per size"
        )
        print(
            f"{'stored':>10}  {'median ms':>9}  {'p90 ms':>7}  {'query ms':>8}  {'verify ms':>9}  {'cand/art':>8}  "
            f"{'peak RSS MB':>11}  {'disk MB':>8}  {'fill s':>7}"
        )
        baseline = None
        for size in (int(s) for s in args.sizes.split(",")):
            began = time.perf_counter()
            fill(corpus, size - corpus._db["articles"].count, rng, bands, num_perm)
            filled = time.perf_counter() - began
            timings = probe(corpus, 10**9 + size, args.probes, rng)
            corpus._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            disk = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            median = statistics.median(timings.total) * 1000
            p90 = sorted(timings.total)[int(len(timings.total) * 0.9)] * 1000
            query = statistics.median(timings.query) * 1000
            # Only a probe with a candidate verifies anything: half of them (the new stories) have none.
            verified = [v for v, c in zip(timings.verification, timings.candidates, strict=True) if c]
            verify = statistics.median(verified) * 1000 if verified else 0.0
            candidates = statistics.mean(timings.candidates)
            baseline = baseline or median
            print(
                f"{size:>10,}  {median:>9.3f}  {p90:>7.3f}  {query:>8.3f}  {verify:>9.3f}  {candidates:>8.2f}  "
                f"{rss:>11.0f}  {disk:>8.0f}  {filled:>7.1f}   ({median / baseline:.2f}x of the first)"
            )
        corpus.close()


if __name__ == "__main__":
    main()
