"""Conditional GET for feeds and sitemaps: an unchanged document costs a 304, not a download."""

from __future__ import annotations

import sqlite3
from typing import Self

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

from crawler.process.shared_corpus import corpus_for
from spiders.backoff import BACKOFF_STATUSES, HostGivenUp
from storage.crawl_corpus import CrawlCorpus

__all__ = ["ConditionalGet"]


class ConditionalGet:
    """Sends a feed's or sitemap's stored ETag / Last-Modified; a 304 reaches the spider,
    which reads it as "no new entries" (``wirecrawl/discovery/not_modified``), not an error.

    New validators are stored when the spider finishes normally, and only for documents
    whose every page was handled: a document whose article (or nested sitemap) failed
    with a transient error (5xx, timeout, a host given up), or a run that was interrupted,
    leaves the document to be read in full next time, so nothing it announced is lost.
    Requests name the documents that led to them in ``meta["documents"]``.

    Settings: ``DISCOVERY_CONDITIONAL_GET`` (default True); off in a dry run (``DRY_RUN_ENABLED``),
    which reads every document in full and records no validator.
    """

    def __init__(self, corpus: CrawlCorpus) -> None:
        self.corpus = corpus
        self._read: dict[str, tuple[str | None, str | None]] = {}  # documents answered 200 this run
        self._incomplete: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("DISCOVERY_CONDITIONAL_GET"):
            raise NotConfigured("DISCOVERY_CONDITIONAL_GET is off")
        if crawler.settings.getbool("DRY_RUN_ENABLED"):
            raise NotConfigured()  # a dry run reads every document in full (no "Disabled" warning: it is meant)
        middleware = cls(corpus_for(crawler))
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request) -> None:
        if not request.meta.get("discovery") or b"If-None-Match" in request.headers:
            return
        stored = self.corpus.validators(request.url)
        if stored is None:
            return
        etag, modified = stored
        if etag:
            request.headers[b"If-None-Match"] = etag
        if modified:
            request.headers[b"If-Modified-Since"] = modified
        request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in BACKOFF_STATUSES:
            self._incomplete.update(request.meta.get("documents", ()))
        elif request.meta.get("discovery") and response.status == 200:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            if etag or modified:
                self._read[request.url] = (etag and etag.decode("latin-1"), modified and modified.decode("latin-1"))
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, IgnoreRequest) or isinstance(exception, HostGivenUp):
            self._incomplete.update(request.meta.get("documents", ()))
            if request.meta.get("discovery"):
                self._incomplete.add(request.url)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        try:
            if reason == "finished":
                self.corpus.save_validators({url: v for url, v in self._read.items() if url not in self._incomplete})
            self.corpus.forget_validators(self._incomplete)
        except sqlite3.OperationalError as error:  # a full disk: the next run reads everything in full
            spider.logger.error("validators for conditional GET not recorded: %s", error)
