"""A dry run: sources crawled as usual, a sample of their new articles fetched, nothing written.

``wirecrawl sources check`` and ``wirecrawl crawl --dry-run`` run the same spiders, middlewares
and stages as a crawl, with ``DRY_RUN_ENABLED`` on: the corpus is only read (or, if there is
none, an empty one is held in memory), and :class:`spiders.sample.ArticleSample` lets only
``DRY_RUN_SAMPLE`` new article pages per source be fetched. What became of each page is
collected from the crawl's signals, as the corpus would have recorded it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.components.drops import page_not_stored
from crawler.components.failures import ERRORS
from crawler.components.signals import page_sampled
from crawler.process.logs import quiet_per_page_noise
from storage.corpus import Corpus

__all__ = ["SampledPage", "SourceTrial", "dry_run"]


@dataclass
class SampledPage:
    """One new article page the dry run fetched, and what the crawl would have done with it."""

    url: str  # as discovered
    would_store: bool = False  # came through every stage: the crawl would store it
    outcome: str = "no answer"  # "new story", "copy of story N", or the reason it is not stored
    title: str | None = None
    published: str | None = None
    language: str | None = None
    detail: str | None = None  # why it is not stored, in words


@dataclass
class SourceTrial:
    """What a dry run found for one source: its candidates, the sample, and what was refused."""

    source: str
    announced: int = 0  # distinct article URLs its feeds, sitemaps and listings led to
    stored: int = 0  # of them, already in the corpus
    new: int = 0  # of them, not yet stored
    sample: dict[str, SampledPage] = field(default_factory=dict)  # by URL, in the order fetched
    rejected: dict[str, dict[str, Any]] = field(default_factory=dict)  # reason -> count, an example URL and why
    failed: dict[str, int] = field(default_factory=dict)  # requests failed, by reason (feeds and sitemaps too)
    finish_reason: str = "failed"

    @property
    def succeeded(self) -> bool:
        """Whether the source announced an article URL and its run finished."""
        return bool(self.announced) and self.finish_reason == "finished"

    def page_sampled(self, url: str, **_: Any) -> None:
        self.sample[url] = SampledPage(url)

    def item_scraped(self, item: Any, **_: Any) -> None:
        page = self._page(item.request_url or item.url)
        page.would_store = True
        page.outcome = f"copy of story {item.story_id}" if item.story_id is not None else "new story"
        page.title, page.published, page.language = item.title, item.published, item.language

    def item_dropped(self, item: Any, exception: BaseException, **_: Any) -> None:
        reason = getattr(exception, "stat", type(exception).__name__)
        # The message as the corpus records it, less the URL at its end and the reason at its start.
        detail = str(exception).removesuffix(f": {item.url}").removeprefix(f"{reason.rpartition('/')[2]}: ")
        self.page_not_stored([item.request_url or item.url], reason, detail)

    def page_not_stored(self, urls: list[str], reason: str, detail: str, **_: Any) -> None:
        rejected = self.rejected.setdefault(reason, {"count": 0, "example": urls[0], "detail": detail})
        rejected["count"] += 1
        if urls[0] in self.sample:
            self.sample[urls[0]].outcome, self.sample[urls[0]].detail = reason, detail

    def _page(self, url: str) -> SampledPage:
        return self.sample.setdefault(url, SampledPage(url))

    def count(self, stats: dict[str, Any]) -> None:
        """Take the candidates' counts and failures from the crawler's stats at its end."""
        self.stored = int(stats.get("wirecrawl/skipped/stored", 0))
        self.new = int(stats.get("wirecrawl/dry_run/sampled", 0)) + int(stats.get("wirecrawl/dry_run/not_fetched", 0))
        self.announced = self.stored + self.new
        self.failed = {key.removeprefix(ERRORS): int(value) for key, value in stats.items() if key.startswith(ERRORS)}
        self.finish_reason = str(stats.get("finish_reason", "failed"))

    def as_dict(self) -> dict[str, Any]:
        """The trial as plain data (the sample a list), for ``--json``."""
        return {**asdict(self), "sample": [asdict(page) for page in self.sample.values()]}


def dry_run(names: Sequence[str | type[Spider]], settings: Settings) -> list[SourceTrial]:
    """Dry-run the named sources (or these spider classes) in one process; one trial each, in order.

    ``settings`` are a crawl's (:func:`crawler.run.runner.crawl_settings`); the dry run is
    switched on here. Takes no lock and writes nothing, so it may run beside a crawl. Raises
    :class:`CorpusError` before any request when ``CORPUS_PATH`` is a file that cannot be read
    as a corpus of this version.
    """
    corpus = Path(settings.get("CORPUS_PATH"))
    if corpus.exists():
        Corpus.read_only(corpus).close()
    settings.set("DRY_RUN_ENABLED", True, priority="cmdline")
    process = CrawlerProcess(settings)
    quiet_per_page_noise()
    trials = []
    for name in names:
        crawler = process.create_crawler(name)
        trial = SourceTrial(crawler.spidercls.name)
        crawler.signals.connect(trial.page_sampled, signal=page_sampled)
        crawler.signals.connect(trial.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(trial.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(trial.page_not_stored, signal=page_not_stored)
        process.crawl(crawler)
        trials.append((crawler, trial))
    process.start()
    for crawler, trial in trials:
        trial.count(crawler.stats.get_stats() if crawler.stats else {})
    return [trial for _, trial in trials]
