"""Stage 2, in order: one article per canonical URL, so one page reached under two URLs is one article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Self

from scrapy.crawler import Crawler

from crawler.components.drops import report_page_not_stored
from crawler.components.ordering import ArrivalOrder, order_for
from crawler.items import Article
from crawler.process.shared_corpus import corpus_for, record_urls
from crawler.web.urls import normalize_url
from pipelines.core.identity import shingles
from pipelines.drop_reasons import AlreadyStored
from storage.crawl_corpus import CrawlCorpus

__all__ = ["CANONICAL_IGNORED", "CanonicalUrlPipeline", "same_article"]

#: Where pages take their turn to claim their URL.
POINT = "canonical_url"
#: The outcome (a note on a page stored all the same) of a canonical URL not trusted.
CANONICAL_IGNORED = "canonical/ignored"
#: Two texts are one article's when this share of the shorter one's 4-word shingles is in the
#: other: a page and its stored copy share nearly all (cleaning only trims), two different
#: articles of one site next to none (a shared byline or "read more" line at most).
SAME_ARTICLE_SHARE = 0.5


class CanonicalUrlPipeline:
    """Drops a page whose URL (canonical, as extraction found it) is already stored, recording
    the URLs it was reached under for that article.

    Pages take their turn in arrival order; a page whose URL an earlier page still in the
    pipeline has (the same page reached through two links at once) waits for that one's
    outcome, so the URL is stored once and the second link recorded for it. A canonical URL
    (other than the page's own) whose stored article's text is not this page's
    (:func:`same_article`) is a site's misconfiguration: it is ignored, the page goes on under
    its own URL, and that is counted (``wirecrawl/canonical/ignored``) and noted for
    ``wirecrawl why``. In a dry run (``DRY_RUN_ENABLED``) the page is dropped just the same,
    and nothing recorded.
    """

    def __init__(
        self,
        corpus: CrawlCorpus,
        order: ArrivalOrder,
        record: bool = True,
        note: Callable[[Article, str], None] | None = None,
    ) -> None:
        self.corpus = corpus
        self.order = order
        self.record = record
        self.note = note

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        record = not crawler.settings.getbool("DRY_RUN_ENABLED")

        def note(item: Article, detail: str) -> None:
            crawler.stats.inc_value(f"wirecrawl/{CANONICAL_IGNORED}")
            if record:  # a note on a page stored all the same; a dry run reports the pages it would not store
                report_page_not_stored(
                    crawler, [item.request_url, item.fetched_url], item.source, CANONICAL_IGNORED, detail
                )

        return cls(corpus_for(crawler), order_for(crawler), record, note)

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, POINT)
        try:
            stored = await self._stored(item, item.url)
            own = normalize_url(item.fetched_url) if item.fetched_url else item.url
            if stored is not None and own != item.url and not self._same_article(item, stored):
                if self.note is not None:
                    self.note(
                        item, f"rel=canonical {item.url} is article {stored}, whose text is another's; stored as {own}"
                    )
                item.url = own
                stored = await self._stored(item, own)
            if stored is not None:
                if self.record:
                    record_urls(self.corpus, stored, [item.fetched_url, item.request_url])
                raise AlreadyStored(f"already stored as {item.url}", stored)
            return item
        finally:
            self.order.release(item, POINT)

    async def _stored(self, item: Article, url: str) -> int | None:
        """The article stored under ``url``, once no earlier page in the pipeline holds it."""
        while (earlier := self.order.claim(item, url)) is not None:
            await self.order.departure(earlier)
        return self.corpus.article_for_url(url)

    def _same_article(self, item: Article, article_id: int) -> bool:
        """Whether the page is the stored article's (trusted when the corpus cannot tell)."""
        stored = self.corpus.article_text(article_id)
        return stored is None or same_article(item.text, stored)


def same_article(text: str, other: str) -> bool:
    """Whether two body texts are one article's (see :data:`SAME_ARTICLE_SHARE`)."""
    mine, theirs = shingles(text, 4), shingles(other, 4)
    if not mine or not theirs:
        return mine == theirs
    return len(mine & theirs) >= SAME_ARTICLE_SHARE * min(len(mine), len(theirs))
