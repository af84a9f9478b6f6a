"""Fixtures of the component tests."""

import pytest
from fixtures.scrapy_helpers import make_crawler
from scrapy import signals


@pytest.fixture
def crawler(tmp_path):
    """A crawler on a corpus of the test's own, stopped after the test."""
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"))
    yield crawler
    crawler.signals.send_catch_log(signal=signals.engine_stopped)
