"""Cost of the near-duplicate index as the corpus grows: 10k, 100k, 1M stored articles.

Usage: .venv/bin/python benchmarks/dedup_scale.py [--sizes 10000,100000,1000000] [--probes 500]

The corpus is filled in bulk with synthetic articles and fingerprints (random MinHash
signatures, as many LSH bands as the default settings make); at each size, ``--probes`` new
articles go through the real per-article path: the LSH candidate query, then
``Corpus.add_article`` with the fingerprint (article, URLs, fingerprint, bands, story in one
transaction). Prints the median and 90th percentile per article, the process's peak
resident memory and the corpus's size on disk.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler import settings as defaults  # noqa: E402
from storage.corpus import Corpus  # noqa: E402
from storage.signatures import Fingerprint, pack_signature  # noqa: E402

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
                [(i + 1, r["url"], r["source"], r["title"], r["language"], r["text"], r["text_hash"], i + 1, r["fetched_at"]) for i, (r, _) in enumerate(rows, first)],
            )
            conn.executemany("INSERT INTO article_urls (url, article_id) VALUES (?, ?)", [(r["url"], i + 1) for i, (r, _) in enumerate(rows, first)])
            conn.executemany(
                "INSERT INTO article_fingerprints (article_id, shingles, signature) VALUES (?, ?, ?)",
                [(i + 1, f.shingles, f.signature) for i, (_, f) in enumerate(rows, first)],
            )
            conn.executemany(
                "INSERT INTO lsh_bands (band, article_id) VALUES (?, ?)",
                [(band, i + 1) for i, (_, f) in enumerate(rows, first) for band in f.bands],
            )


def probe(corpus: Corpus, start: int, count: int, rng: np.random.Generator, bands: int, num_perm: int) -> list[float]:
    """Seconds per article of the real path (candidate query + add_article) for ``count`` new articles."""
    timings = []
    for index in range(start, start + count):
        row, fingerprint = synthetic(rng, index, bands, num_perm)
        began = time.perf_counter()
        corpus.band_candidates(fingerprint.bands, 50)
        corpus.add_article(row, fingerprint=fingerprint)
        timings.append(time.perf_counter() - began)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated corpus sizes")
    parser.add_argument("--probes", type=int, default=500, help="articles timed at each size")
    parser.add_argument("--dir", default=None, help="where to create the benchmark corpus (default: a temp dir)")
    args = parser.parse_args()
    bands, num_perm = defaults.DEDUP_BANDS, defaults.DEDUP_NUM_PERM
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "bench.db"
        corpus = Corpus(path)
        print(f"{bands} bands x {num_perm // bands} rows; {args.probes} probes per size")
        print(f"{'stored':>10}  {'median ms':>9}  {'p90 ms':>7}  {'peak RSS MB':>11}  {'disk MB':>8}  {'fill s':>7}")
        baseline = None
        for size in (int(s) for s in args.sizes.split(",")):
            began = time.perf_counter()
            fill(corpus, size - corpus._db["articles"].count, rng, bands, num_perm)
            filled = time.perf_counter() - began
            timings = probe(corpus, 10**9 + size, args.probes, rng, bands, num_perm)
            corpus._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            disk = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            median = statistics.median(timings) * 1000
            p90 = sorted(timings)[int(len(timings) * 0.9)] * 1000
            baseline = baseline or median
            print(f"{size:>10,}  {median:>9.3f}  {p90:>7.3f}  {rss:>11.0f}  {disk:>8.0f}  {filled:>7.1f}   ({median / baseline:.2f}x of the first)")
        corpus.close()


if __name__ == "__main__":
    main()
