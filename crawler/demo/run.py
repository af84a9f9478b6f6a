"""`wirecrawl demo`: crawl the bundled demo network like any declared sources."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crawler.config import dump_sources, load_sources
from crawler.demo.network import PUBLISHERS, demo_sites, demo_sources
from crawler.run.progress import print_progress
from crawler.run.runner import CrawlReport, crawl_settings, run_crawl
from crawler.testing.localsites import LocalSites
from storage.corpus import CorpusError, check_writable, open_read_only
from storage.queries import corpus_stats

__all__ = ["run_demo", "DEMO_SETTINGS", "check_demo_target"]

#: The demo sites are on loopback: no need to be gentle with them (robots.txt is still obeyed).
DEMO_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


def check_demo_target(db: Path, force: bool = False) -> None:
    """Raise :class:`CorpusError` unless the demo may (re)create ``db``.

    A missing file may be created; a demo corpus (a wirecrawl corpus whose articles all come
    from the demo's sources, or none) replaced; another corpus only with ``force``; a file
    that is not a wirecrawl corpus never.
    """
    check_writable(db)
    if not db.exists():
        return
    try:
        reader = open_read_only(db)
    except CorpusError as error:
        raise CorpusError(f"{error}; the demo never replaces it, not even with --force") from None
    try:
        foreign = sorted({row["source"] for row in corpus_stats(reader)["sources"]} - {pub.site for pub in PUBLISHERS})
    finally:
        reader.close()
    if foreign and not force:
        raise CorpusError(
            f"{db} is a corpus of other sources than the demo's ({', '.join(foreign[:3])}{', ...' if len(foreign) > 3 else ''}); "
            "--force replaces it, or pass another --db"
        )


def run_demo(db: Path, show_progress: bool = False, force: bool = False) -> CrawlReport:
    """Serve the demo sites on 127.0.0.1, write their sources file, and crawl them into ``db``,
    which is replaced if :func:`check_demo_target` allows it."""
    check_demo_target(db, force)
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    with LocalSites(demo_sites()) as sites, tempfile.TemporaryDirectory(prefix="wirecrawl-demo-") as tmp:
        sources_file = Path(tmp) / "sources.toml"
        sources_file.write_text(dump_sources(demo_sources(sites.addresses)), encoding="utf-8")
        names = [source.name for source in load_sources(sources_file)]
        settings = crawl_settings(sources_file, db, DEMO_SETTINGS, log_level="WARNING")
        return run_crawl(names, settings, progress=print_progress if show_progress else None)
