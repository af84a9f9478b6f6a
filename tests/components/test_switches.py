"""Each stage's ``*_ENABLED`` switch turns off that stage and nothing else."""

from __future__ import annotations

import pytest
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse
from scrapy_helpers import make_crawler, run_stages

from crawler.config import parse_sources
from crawler.process.shared_corpus import corpus_for
from pipelines.canonical import CanonicalUrlPipeline
from pipelines.core.cleaning import block_key
from pipelines.extract import ExtractionPipeline
from pipelines.store import CorpusPipeline
from pipelines.text import TextPipeline
from spiders.source import SourceSpider

STAGES = (ExtractionPipeline, CanonicalUrlPipeline, TextPipeline, CorpusPipeline)
STORY = [
    "The harbour authority approved a plan on Monday to deepen the main shipping channel, a project "
    "that engineers say will let larger container vessels dock without waiting for the tide.",
    "Work is expected to begin in the spring and last about three years, with dredging limited to the "
    "winter months to protect spawning fish in the estuary.",
    "READ MORE: Port strike called off after talks",
    "Environmental groups said they would study the final plan closely and had asked for independent "
    "monitoring of water quality during the works.",
]
PROMO = STORY[2]
#: A footer line no cleaning rule removes: in the text with extraction off (the page as it is), never with it on.
FOOTER = "Port News is published by the Harbour Press Association in Kelsholm."
FETCHED = "https://port.example/news/harbour-channel?utm_source=rss"
CANONICAL = "https://port.example/news/harbour-channel"


def article(paragraphs: list[str] = STORY, url: str = FETCHED, languages: list[str] | None = None):
    """The item the spider makes of an article page (with a canonical link and a promo line)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour channel | Port News</title>
    <link rel="canonical" href="{CANONICAL}"><meta property="og:type" content="article"></head>
    <body><nav><a href="/">Home</a></nav><main><article><h1>Harbour channel to be deepened</h1>{body}</article></main>
    <footer><p>{FOOTER}</p></footer></body></html>"""
    source = {"name": "port", "feeds": ["https://port.example/rss"], **({"languages": languages} if languages else {})}
    spider_class = SourceSpider.for_source(parse_sources({"sources": [source]})[0])
    spider = spider_class.from_crawler(make_crawler(spider_class))
    response = HtmlResponse(
        url=url, body=html.encode(), request=Request(url, meta={"discovered_via": "feed", "hints": {}})
    )
    (item,) = spider.parse_article(response)
    return item


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


def stored(crawler, item):
    return run_stages(crawler, item, STAGES)


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
