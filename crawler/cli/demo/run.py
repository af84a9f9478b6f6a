"""`wirecrawl demo`: crawl the bundled demo network like any declared sources."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crawler.config import dump_sources, load_sources
from crawler.cli.demo.network import demo_sites, demo_sources
from crawler.cli.demo.localsites import LocalSites
from crawler.cli.runner import CrawlReport, crawl_settings, print_progress, run_crawl

__all__ = ["run_demo", "DEMO_SETTINGS"]

#: The demo sites are on loopback: no need to be gentle with them (robots.txt is still obeyed).
DEMO_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


def run_demo(db: Path, show_progress: bool = False) -> CrawlReport:
    """Serve the demo sites on 127.0.0.1, write their sources file, and crawl them into ``db`` (replaced)."""
    for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        path.unlink(missing_ok=True)
    with LocalSites(demo_sites()) as sites, tempfile.TemporaryDirectory(prefix="wirecrawl-demo-") as tmp:
        sources_file = Path(tmp) / "sources.toml"
        sources_file.write_text(dump_sources(demo_sources(sites.addresses)), encoding="utf-8")
        names = [source.name for source in load_sources(sources_file)]
        settings = crawl_settings(sources_file, db, DEMO_SETTINGS, log_level="WARNING")
        return run_crawl(names, settings, progress=print_progress if show_progress else None)
