"""A corpus that cannot be written (a full disk) stops the crawl in the store stage, with one
line in the log: the stages before it go on with what they can read, and raise nothing else."""

from __future__ import annotations

import sqlite3

import pytest
from fixtures.promo_page import article
from fixtures.scrapy_helpers import make_crawler, run_stages
from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest

from crawler.process.shared_corpus import corpus_for
from pipelines.canonical import CanonicalUrlPipeline
from pipelines.drop_reasons import AlreadyStored
from pipelines.extract import ExtractionPipeline
from pipelines.text import TextPipeline
from spiders.stored_urls import StoredUrlFilter


def test_the_text_stage_goes_on_when_its_templates_cannot_be_learned(tmp_path, monkeypatch):
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"))

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(corpus_for(crawler), "record_site_blocks", full)
    try:
        item = run_stages(crawler, article(), (ExtractionPipeline, CanonicalUrlPipeline, TextPipeline))
    finally:
        crawler.signals.send_catch_log(signal=signals.engine_stopped)
    assert item.language == "en" and item.fingerprint is not None  # on to the store stage, which stops the crawl


def stored_row(url: str) -> dict[str, str]:
    return {
        "source": "port",
        "url": url,
        "title": "t",
        "text": "x",
        "text_hash": "h",
        "fetched_at": "2026-12-06T08:00:00Z",
    }


def full_disk(*args, **kwargs):
    raise sqlite3.OperationalError("database or disk is full")


def test_a_page_already_stored_is_dropped_as_such_when_its_urls_cannot_be_recorded(tmp_path, monkeypatch):
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"))
    corpus = corpus_for(crawler)
    try:
        first = run_stages(crawler, article(), (ExtractionPipeline, CanonicalUrlPipeline))
        stored = corpus.add_article(stored_row(first.url))
        monkeypatch.setattr(corpus, "add_urls", full_disk)
        with pytest.raises(AlreadyStored) as dropped:
            run_stages(crawler, article(), (ExtractionPipeline, CanonicalUrlPipeline))
        assert dropped.value.article_id == stored.article_id
    finally:
        crawler.signals.send_catch_log(signal=signals.engine_stopped)


def test_a_stored_article_request_is_skipped_when_its_redirects_cannot_be_recorded(tmp_path, monkeypatch):
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"))
    corpus = corpus_for(crawler)
    try:
        corpus.add_article(stored_row("https://port.example/a"))
        monkeypatch.setattr(corpus, "add_urls", full_disk)
        request = Request(
            "https://port.example/a", meta={"article": True, "redirect_urls": ["https://port.example/old"]}
        )
        with pytest.raises(IgnoreRequest):
            StoredUrlFilter.from_crawler(crawler).process_request(request)
    finally:
        crawler.signals.send_catch_log(signal=signals.engine_stopped)
