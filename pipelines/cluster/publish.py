"""A worker's last stage: each processed article goes to the cluster's items stream, for the writer.

Articles travel as JSON (never pickle: whoever can write to Redis must not be able to run code
in the writer): the item's fields, with its MinHash fingerprint and shingle hashes as base64,
and the page as fetched only with ``CORPUS_STORE_PAGES`` (zlib-compressed, then base64).
"""

from __future__ import annotations

import base64
import zlib
from typing import Any, Self

import numpy as np
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.components.ordering import COMMIT, ArrivalOrder, order_for
from crawler.items import Article
from crawler.process.shared_corpus import corpus_for
from pipelines.drop_reasons import NotStored
from storage.redis_state import Cluster, ClusterCorpus, RedisError
from storage.signatures import Fingerprint

__all__ = ["ItemPublisher", "decode_article", "encode_article"]

#: Fields of the item that the writer needs besides the text and page (the rest is working state).
_BINARY = ("body", "fingerprint", "shingles")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def encode_article(item: Article, with_page: bool) -> dict[str, Any]:
    """The item as a JSON-ready dict; the page's bytes only ``with_page``."""
    fields = {name: value for name, value in item.field_values().items() if name not in _BINARY}
    fields["absorbs"] = list(item.absorbs)
    if with_page and item.body:
        fields["body"] = _b64(zlib.compress(item.body, 1))
    if item.fingerprint is not None:
        fp = item.fingerprint
        fields["fingerprint"] = {"signature": _b64(fp.signature), "shingles": fp.shingles, "bands": list(fp.bands)}
    if item.shingles is not None:
        fields["shingles"] = _b64(np.asarray(item.shingles, dtype="<u4").tobytes())
    return fields


def decode_article(fields: dict[str, Any]) -> Article:
    """The item :func:`encode_article` encoded."""
    fields = dict(fields)
    body = fields.pop("body", None)
    fingerprint = fields.pop("fingerprint", None)
    shingles = fields.pop("shingles", None)
    item = Article(**fields)
    item.absorbs, item.slots = tuple(item.absorbs), tuple(item.slots)
    item.recleans = tuple((slot, key) for slot, key in item.recleans)
    item.body = zlib.decompress(base64.b64decode(body)) if body else b""
    if fingerprint is not None:
        item.fingerprint = Fingerprint(
            base64.b64decode(fingerprint["signature"]), fingerprint["shingles"], tuple(fingerprint["bands"])
        )
    if shingles is not None:
        item.shingles = np.frombuffer(base64.b64decode(shingles), dtype="<u4")
    return item


class ItemPublisher:
    """Sends each article, in arrival order (:data:`crawler.components.ordering.COMMIT`), to the items stream,
    where the writer decides its story and stores it. The last stage of a
    worker's crawl (``CORPUS_BACKEND`` the cluster's :class:`storage.redis_state.ClusterCorpus`),
    where :class:`pipelines.store.CorpusPipeline` steps aside.

    Counts ``wirecrawl/stored``: articles handed to the writer (one already stored by another
    worker meanwhile is recorded by the writer as a URL of it, not stored twice).
    """

    def __init__(self, cluster: Cluster, crawler: Crawler, order: ArrivalOrder, with_pages: bool) -> None:
        self.cluster = cluster
        self.crawler = crawler
        self.order = order
        self.with_pages = with_pages

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        corpus = corpus_for(crawler)
        if not isinstance(corpus, ClusterCorpus):
            raise NotConfigured()  # the corpus's own stage stores the articles (silently: the usual case)
        return cls(corpus.cluster, crawler, order_for(crawler), crawler.settings.getbool("CORPUS_STORE_PAGES"))

    async def process_item(self, item: Article) -> Article:
        await self.order.turn(item, COMMIT)
        try:
            self.cluster.publish("article", encode_article(item, self.with_pages))
        except RedisError as error:
            # Redis gone for longer than CLUSTER_REDIS_TIMEOUT: stop, so the job is not acknowledged
            # and is crawled again (the articles not handed over are fetched again).
            if self.crawler.engine is not None and self.crawler.crawling:
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="cluster_unreachable"))
            raise NotStored(f"not handed to the writer, Redis cannot be reached: {error}") from None
        else:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("wirecrawl/stored")
            return item
        finally:
            self.order.release(item, COMMIT)
