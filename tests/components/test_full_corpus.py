"""A corpus that cannot be written (a full disk) stops the crawl in the store stage, with one
line in the log: the stages before it go on with what they can read, and raise nothing else."""

from __future__ import annotations

import sqlite3

from scrapy import signals
from scrapy_helpers import make_crawler, run_stages
from test_switches import article

from crawler.shared_corpus import corpus_for
from pipelines.canonical import CanonicalUrlPipeline
from pipelines.extract import ExtractionPipeline
from pipelines.text import TextPipeline


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
