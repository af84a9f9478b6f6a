"""A dry run (``DRY_RUN_ENABLED``): every stage decides as in a crawl and nothing is written; the
sample middleware lets the first ``DRY_RUN_SAMPLE`` new articles through and counts the rest."""

from __future__ import annotations

import pytest
from fixtures.promo_page import PROMO, article, stored
from fixtures.scrapy_helpers import make_crawler
from scrapy import Request, signals
from scrapy.exceptions import NotConfigured

from crawler.components.signals import page_sampled
from spiders.sample import ArticleSample, NotSampled


def test_the_stages_decide_as_in_a_crawl_and_write_nothing(tmp_path):
    path = tmp_path / "corpus.db"
    writer = make_crawler(CORPUS_PATH=str(path))
    first = stored(writer, article())
    writer.signals.send_catch_log(signal=signals.engine_stopped)  # the corpus is closed
    before = sorted((file.name, file.stat().st_mtime_ns, file.read_bytes()) for file in tmp_path.iterdir())

    dry = make_crawler(CORPUS_PATH=str(path), DRY_RUN_ENABLED=True)
    copy = stored(dry, article(url="https://wire.example/harbour"))
    dry.signals.send_catch_log(signal=signals.engine_stopped)

    assert copy.story_id == first.story_id  # would join the stored story
    assert copy.language == "en" and PROMO not in copy.text  # the site's templates were used
    assert sorted((file.name, file.stat().st_mtime_ns, file.read_bytes()) for file in tmp_path.iterdir()) == before


def test_without_a_corpus_none_is_created(tmp_path):
    dry = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"), DRY_RUN_ENABLED=True)
    item = stored(dry, article())
    dry.signals.send_catch_log(signal=signals.engine_stopped)
    assert item.story_id is None and list(tmp_path.iterdir()) == []  # a new story, in an empty corpus in memory


def test_the_sample_lets_the_first_new_articles_through_and_counts_the_rest():
    crawler = make_crawler(DRY_RUN_ENABLED=True, DRY_RUN_SAMPLE=2)
    sample = ArticleSample.from_crawler(crawler)
    announced = []
    crawler.signals.connect(lambda url, **_: announced.append(url), signal=page_sampled, weak=False)
    urls = [f"https://a.example/news/{n}" for n in range(4)]
    assert sample.process_request(Request("https://a.example/feed.xml", meta={"discovery": True})) is None
    for url in urls[:2]:
        assert sample.process_request(Request(url, meta={"article": True})) is None
    redirected = Request(urls[0] + "/", meta={"article": True, "redirect_urls": [urls[0]]})
    assert sample.process_request(redirected) is None  # the same sampled page, not another
    for url in urls[2:]:
        with pytest.raises(NotSampled):
            sample.process_request(Request(url, meta={"article": True}))
    assert announced == urls[:2]
    assert crawler.stats.get_value("wirecrawl/dry_run/sampled") == 2
    assert crawler.stats.get_value("wirecrawl/dry_run/not_fetched") == 2


def test_the_sample_is_not_installed_in_a_crawl():
    with pytest.raises(NotConfigured):
        ArticleSample.from_crawler(make_crawler())
