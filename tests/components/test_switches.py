"""Each stage's ``*_ENABLED`` switch turns off that stage and nothing else."""

from __future__ import annotations

import pytest
from fixtures.promo_page import CANONICAL, FETCHED, FOOTER, PROMO, STORY, article, stored
from fixtures.scrapy_helpers import make_crawler
from scrapy import signals
from scrapy.exceptions import DropItem

from crawler.process.shared_corpus import corpus_for
from pipelines.core.cleaning import block_key


@pytest.fixture
def crawl_with(tmp_path):
    """``crawl_with(**settings)``: a crawler on a fresh corpus; every one is stopped after the test."""
    crawlers = []

    def make(**settings):
        crawlers.append(make_crawler(CORPUS_PATH=str(tmp_path / f"corpus{len(crawlers)}.db"), **settings))
        return crawlers[-1]

    yield make
    for crawler in crawlers:
        crawler.signals.send_catch_log(signal=signals.engine_stopped)


def test_everything_on_cleans_detects_fingerprints_and_stores(crawl_with):
    crawler = crawl_with()
    item = stored(crawler, article())
    assert item.url == CANONICAL and PROMO not in item.text and FOOTER not in item.text
    assert item.language == "en" and item.fingerprint is not None and item.story_id is not None


def test_extraction_off_keeps_the_page_text_and_every_other_stage(crawl_with):
    item = stored(crawl_with(EXTRACT_ENABLED=False), article())
    assert FOOTER in item.text and STORY[0] in item.text  # the page as it is, not extracted
    assert PROMO not in item.text  # cleaning still ran
    assert item.url == CANONICAL and item.language == "en" and item.story_id is not None


def test_canonical_off_keeps_the_fetched_url_and_every_other_stage(crawl_with):
    item = stored(crawl_with(CANONICAL_ENABLED=False), article())
    assert item.url == FETCHED
    assert PROMO not in item.text and item.language == "en" and item.story_id is not None


def test_cleaning_off_keeps_the_promo_and_every_other_stage(crawl_with):
    crawler = crawl_with(CLEAN_ENABLED=False)
    item = stored(crawler, article())
    assert PROMO in item.text
    assert item.url == CANONICAL and item.language == "en" and item.fingerprint is not None
    assert corpus_for(crawler).site_block_pages("port.example", map(block_key, item.text.split("\n\n"))) == {}


def test_language_off_leaves_no_language_and_keeps_every_article(crawl_with):
    crawler = crawl_with(LANGUAGE_ENABLED=False)
    item = stored(crawler, article(languages=["de"]))  # the source's languages cannot be judged: kept
    assert (item.language, item.language_source) == (None, None)
    assert PROMO not in item.text and item.url == CANONICAL and item.story_id is not None
    with pytest.raises(DropItem):
        stored(crawl_with(), article(languages=["de"]))  # with detection on, an English article is dropped


def test_exact_duplicates_off_leaves_an_equal_copy_to_the_near_duplicate_rule(crawl_with):
    crawler = crawl_with(DEDUP_EXACT_ENABLED=False)
    first = stored(crawler, article())
    copy = stored(crawler, article(url="https://wire.example/harbour"))
    assert copy.story_id == first.story_id
    assert crawler.stats.get_value("wirecrawl/duplicates/exact") is None
    assert crawler.stats.get_value("wirecrawl/duplicates/near") == 1


def test_near_duplicates_off_stores_no_fingerprint_and_keeps_exact_copies(crawl_with):
    crawler = crawl_with(DEDUP_NEAR_ENABLED=False)
    first = stored(crawler, article())
    edited = [STORY[0].replace("Monday", "Tuesday"), *STORY[1:]]
    other = stored(crawler, article(edited, url="https://wire.example/edited"))
    copy = stored(crawler, article(url="https://wire.example/harbour"))
    assert first.fingerprint is None and other.story_id != first.story_id and copy.story_id == first.story_id
    assert crawler.stats.get_value("wirecrawl/duplicates/exact") == 1
    assert corpus_for(crawler)._db["lsh_bands"].count == 0
    assert PROMO not in first.text and first.language == "en"


# --- components outside the item pipeline ----------------------------------------------------
#: The switch of each of wirecrawl's downloader middlewares and extensions.
COMPONENT_SWITCHES = {
    "spiders.backoff.PoliteBackoff": "BACKOFF_ENABLED",
    "spiders.redirects.RedirectGuard": "REDIRECT_ENABLED",
    "spiders.stored_urls.StoredUrlFilter": "DISCOVERY_SKIP_STORED",
    "spiders.conditional.ConditionalGet": "DISCOVERY_CONDITIONAL_GET",
    "crawler.components.extensions.CrawlRunRecorder": "CORPUS_RUNS_ENABLED",
}


def components_built(crawler) -> set[str]:
    """wirecrawl's own middlewares and extensions that this crawler's settings switch on."""
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.misc import build_from_crawler, load_object

    built = set()
    for path in COMPONENT_SWITCHES:
        try:
            build_from_crawler(load_object(path), crawler)
        except NotConfigured:
            continue
        built.add(path)
    return built


@pytest.mark.parametrize(("path", "switch"), COMPONENT_SWITCHES.items())
def test_a_component_switch_turns_off_that_component_only(crawl_with, path, switch):
    assert components_built(crawl_with()) == set(COMPONENT_SWITCHES)
    assert components_built(crawl_with(**{switch: False})) == set(COMPONENT_SWITCHES) - {path}
