"""One corpus connection per process and file, shared by every crawler's components.

`wirecrawl crawl --all` runs one crawler per source in one process; all of them read and
write the same corpus through this one connection, in the reactor thread, so every
decision (seen URL, duplicate, story) sees every earlier write.
"""

from __future__ import annotations

from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from storage.corpus import Corpus

__all__ = ["corpus_for"]

_open: dict[Path, Corpus] = {}
_users: dict[Path, set[int]] = {}


def corpus_for(crawler: Crawler) -> Corpus:
    """The corpus at the crawler's ``CORPUS_PATH``, opened on first use, closed after the last crawler."""
    path = Path(crawler.settings.get("CORPUS_PATH")).resolve()
    users = _users.setdefault(path, set())
    if id(crawler) not in users:
        users.add(id(crawler))
        crawler.signals.connect(lambda: _release(path, id(crawler)), signal=signals.engine_stopped, weak=False)
    if path not in _open:
        _open[path] = Corpus(path)
        _open[path].limit_size(crawler.settings.getint("CORPUS_MAX_SIZE"))
    return _open[path]


def _release(path: Path, crawler_id: int) -> None:
    users = _users.get(path, set())
    users.discard(crawler_id)
    if not users and path in _open:
        _open.pop(path).close()
