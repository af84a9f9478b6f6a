"""Pipeline stages on HtmlResponse fixtures: canonical URL, extraction, language, exact duplicates, storage."""

import json

import pytest
from fixtures.harbour_story import STORY
from fixtures.port_pages import item_from, page, run_stages
from fixtures.scrapy_helpers import make_crawler
from scrapy import Request, signals
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from crawler.process.shared_corpus import corpus_for
from crawler.setting_checks import project_settings
from pipelines.core.dates import normalize_date
from pipelines.core.identity import normalized_text
from pipelines.core.language import LanguageDetector
from pipelines.extract import ExtractionPipeline
from pipelines.text import TextPipeline

GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, das Straßenbahnnetz um zwölf Kilometer zu erweitern. "
    "Die neuen Linien sollen vor allem die wachsenden Wohngebiete im Norden der Stadt anbinden.",
    "Nach Angaben der Verkehrsbetriebe wird der Bau etwa vier Jahre dauern und rund 300 Millionen Euro "
    "kosten, wovon der Bund einen großen Teil übernehmen soll.",
]


# --- canonical URL -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "fetched", "expected"),
    [
        (
            '<link rel="canonical" href="https://www.port.example/news/a">',
            "https://port.example/news/a?utm_source=x",
            "https://www.port.example/news/a",
        ),
        (
            '<link rel="canonical" href="/news/a?fbclid=1#top">',
            "https://port.example/news/a-amp",
            "https://port.example/news/a",
        ),
        (
            '<meta property="og:url" content="https://port.example/news/a">',
            "https://port.example/news/a?gclid=9",
            "https://port.example/news/a",
        ),
        (
            '<link rel="canonical" href="https://wire.example/original">',
            "https://port.example/news/copy?utm_medium=rss",
            "https://port.example/news/copy",
        ),
        ("", "https://PORT.example/news/a?mc_cid=1&id=3#frag", "https://port.example/news/a?id=3"),
        # malformed, or the home page named for an article: a template's error, ignored
        (
            '<link rel="canonical" href="https://port.example/news/x&lt;link rel=">',
            "https://port.example/news/b",
            "https://port.example/news/b",
        ),
        (
            '<link rel="canonical" href="http://[port.example/news/a">',
            "https://port.example/news/b",
            "https://port.example/news/b",
        ),
        (
            '<link rel="canonical" href="https://port.example/">',
            "https://port.example/news/b",
            "https://port.example/news/b",
        ),
    ],
)
def test_canonical_url_on_same_site_only(crawler, head, fetched, expected):
    item = run_stages(crawler, item_from(page(head=head, url=fetched)), stages=(ExtractionPipeline,))
    assert item.url == expected
    assert item.fetched_url == fetched


def test_canonical_url_switched_off_keeps_the_fetched_url(tmp_path):
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"), CANONICAL_ENABLED=False)
    fetched = "https://port.example/news/a?id=3"
    item = run_stages(
        crawler,
        item_from(page(head='<link rel="canonical" href="https://port.example/news/b">', url=fetched)),
        stages=(ExtractionPipeline,),
    )
    assert item.url == fetched
    crawler.signals.send_catch_log(signal=signals.engine_stopped)


def test_page_already_stored_under_its_canonical_url_is_dropped(crawler):
    head = '<link rel="canonical" href="https://port.example/news/a">'
    run_stages(crawler, item_from(page(head=head, url="https://port.example/news/a")))
    with pytest.raises(DropItem, match="already stored"):
        run_stages(crawler, item_from(page(head=head, url="https://port.example/news/a?output=amp")))
    assert crawler.stats.get_value("wirecrawl/duplicates/url") == 1


def test_a_canonical_naming_another_stored_article_is_ignored(crawler):
    head = '<link rel="canonical" href="https://port.example/news/latest">'
    run_stages(crawler, item_from(page(head=head, url="https://port.example/news/a")))
    other = ["A different story: the tram line opens a month early after the works finished ahead of time."] * 1
    other += [
        f"Paragraph {n} of the tram story tells what riders will see on the new line, stop by stop." for n in range(4)
    ]
    item = run_stages(crawler, item_from(page(head=head, paragraphs=other, url="https://port.example/news/b")))
    assert item.url == "https://port.example/news/b"
    assert crawler.stats.get_value("wirecrawl/canonical/ignored") == 1


# --- extraction --------------------------------------------------------------------------
def test_extraction_fields(crawler):
    head = """<meta property="og:type" content="article">
    <meta name="author" content="Maria Lopez"><meta property="og:site_name" content="Port News">
    <meta name="description" content="The channel will be deepened.">
    <meta property="article:published_time" content="2026-11-20T08:30:00+01:00">"""
    item = run_stages(crawler, item_from(page(head=head)), stages=(ExtractionPipeline,))
    assert item.title == "Harbour channel to be deepened"
    assert item.author == "Maria Lopez"
    assert (item.published, item.published_raw) == ("2026-11-20T08:30:00+01:00", "2026-11-20T08:30:00+01:00")
    assert item.sitename == "Port News"
    assert item.description == "The channel will be deepened."
    assert item.text.split("\n\n") == STORY  # paragraphs, blank-line separated, headline not repeated
    assert item.page_language == "en"


def test_json_ld_date_wins_and_feed_date_is_the_fallback(crawler):
    ld = {
        "@context": "https://schema.org",
        "@graph": [{"@type": "WebSite"}, {"@type": "NewsArticle", "datePublished": "2026-11-19T07:00:00Z"}],
    }
    with_ld = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    item = run_stages(crawler, item_from(page(head=with_ld)), stages=(ExtractionPipeline,))
    assert item.published == "2026-11-19T07:00:00+00:00"
    feed_only = item_from(page(url="https://port.example/news/b"), hints={"published": "Sat, 21 Nov 2026 06:00:00 GMT"})
    item = run_stages(crawler, feed_only, stages=(ExtractionPipeline,))
    assert item.published == "2026-11-21T06:00:00+00:00"
    assert item.published_raw == "Sat, 21 Nov 2026 06:00:00 GMT"


@pytest.mark.parametrize(
    ("response", "via", "reason"),
    [
        (page(paragraphs=["Too short to be an article."]), "feed", "no_body"),
        (page(url="https://port.example/tag/harbour/"), "sitemap", "not_article"),
        (page(url="https://port.example/author/maria-lopez"), "listing", "not_article"),
        (page(url="https://port.example/about/"), "listing", "not_article"),
        (page(head='<meta property="og:type" content="profile">'), "feed", "not_article"),
        (
            page(head='<script type="application/ld+json">{"@type": "CollectionPage"}</script>'),
            "sitemap",
            "not_article",
        ),
        (
            page(head='<meta property="og:type" content="website">', url="https://port.example/world/"),
            "listing",
            "not_article",
        ),
        (page(url="https://port.example/"), "sitemap", "not_article"),
        (
            page(
                paragraphs=[f'<time datetime="2026-11-{day}">{day} Nov</time> {STORY[0]}' for day in (20, 21)],
                url="https://port.example/world/",
            ),
            "sitemap",
            "no_body",  # a section's URL only lowers the prior; the page has no article's body
        ),
    ],
)
def test_non_article_pages_are_dropped_and_counted(crawler, response, via, reason):
    with pytest.raises(DropItem):
        run_stages(crawler, item_from(response, via=via), stages=(ExtractionPipeline,))
    assert crawler.stats.get_value(f"wirecrawl/dropped/{reason}") == 1


def test_undated_listing_page_is_an_article_by_its_prose_or_when_the_source_allow_matched_it(crawler):
    prose = item_from(page(url="https://port.example/world/harbour-channel"), via="listing")
    assert run_stages(crawler, prose, stages=(ExtractionPipeline,)).text
    short = page(paragraphs=STORY[:2], url="https://port.example/world/harbour-notice")
    with pytest.raises(DropItem):
        run_stages(crawler, item_from(short, via="listing"), stages=(ExtractionPipeline,))
    allowed = item_from(
        page(paragraphs=STORY[:2], url="https://port.example/world/harbour-notice"),
        via="listing",
        hints={"allow_matched": True},
    )
    assert run_stages(crawler, allowed, stages=(ExtractionPipeline,)).text


def test_article_type_overrides_a_listing_like_url(crawler):
    head = '<meta property="og:type" content="article">'
    item = item_from(page(head=head, url="https://port.example/news/2026/11/tags-of-the-harbour"), via="listing")
    assert run_stages(crawler, item, stages=(ExtractionPipeline,)).text


def test_broken_html_is_dropped_not_raised(crawler):
    body = b"<<html><body</div></p>&&&<p <b><i>\xff\xfe unclosed"  # binary bodies never get this far
    response = HtmlResponse(url="https://port.example/x", body=body, request=Request("https://port.example/x"))
    with pytest.raises(DropItem):
        run_stages(crawler, item_from(response), stages=(ExtractionPipeline,))


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2026-11-20T08:30:00Z", "2026-11-20T08:30:00+00:00"),
        ("2026-11-20T08:30:00.123+02:00", "2026-11-20T08:30:00+02:00"),
        ("2026-11-20", "2026-11-20"),
        ("Fri, 20 Nov 2026 08:30:00 +0100", "2026-11-20T08:30:00+01:00"),
        ("2026-11-20 08:30", "2026-11-20T08:30:00"),
        ("yesterday", None),
        ("0001-01-01T00:00:00Z", None),
    ],
)
def test_normalize_date(raw, iso):
    assert normalize_date(raw) == iso


# --- language ----------------------------------------------------------------------------
def test_language_detected_deterministically_with_probability(crawler):
    detector = LanguageDetector.from_settings(project_settings())
    first = detector.detect("\n\n".join(GERMAN), {})
    assert first.language == "de" and first.probability > 0.9 and first.source == "langdetect"
    assert all(detector.detect("\n\n".join(GERMAN), {}) == first for _ in range(5))


@pytest.mark.parametrize(
    ("text", "hints", "expected"),
    [
        ("Ja.", {"page_language": "de-DE", "language": "en", "source_language": "fr"}, ("de", "page")),
        ("Ja.", {"language": "en-us", "source_language": "fr"}, ("en", "feed")),
        ("Ja.", {"source_language": "nl"}, ("nl", "source")),
        (
            "北京市政府周二宣布，将在未来五年内新建十二条地铁线路，以缓解城市交通拥堵问题。" * 3,
            {},
            ("zh", "langdetect"),
        ),
    ],
)
def test_language_hints_decide_when_text_is_short(text, hints, expected):
    found = LanguageDetector.from_settings(project_settings()).detect(text, hints)
    assert (found.language, found.source) == expected


def test_language_stage_uses_page_lang(crawler):
    item = run_stages(
        crawler,
        item_from(page(paragraphs=GERMAN, lang="de", title="Straßenbahn")),
        stages=(ExtractionPipeline, TextPipeline),
    )
    assert (item.language, item.language_source) == ("de", "langdetect")


# --- exact duplicates and storage -----------------------------------------------------------
def test_normalized_text_folds_case_punctuation_and_width():
    assert normalized_text("Hello, WORLD!  ＡＢＣ") == normalized_text("hello world abc")


def test_exact_copy_on_another_site_joins_the_story(tmp_path):
    # Each article committed as it is stored: the stats count committed articles.
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "corpus.db"), CORPUS_COMMIT_ARTICLES=1)
    original = run_stages(crawler, item_from(page()))
    edited_punctuation = [p.replace(",", "") for p in STORY]
    copy = run_stages(
        crawler,
        item_from(page(paragraphs=edited_punctuation, title="Port to dig deeper", url="https://other.example/story")),
    )
    different = run_stages(crawler, item_from(page(paragraphs=GERMAN, lang="de", url="https://other.example/de")))
    assert copy.story_id == original.story_id != different.story_id
    db = corpus_for(crawler)._db
    assert db.execute("SELECT copies FROM stories WHERE id = ?", [original.story_id]).fetchone() == (2,)
    assert crawler.stats.get_value("wirecrawl/duplicates/exact") == 1
    assert crawler.stats.get_value("wirecrawl/stored") == 3
    crawler.signals.send_catch_log(signal=signals.engine_stopped)


# --- dates written in the text, listing pages, non-article URLs ------------------------------
@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("Опубликовано 24 ноября 2026 г. | Просмотров: 120", "2026-11-24"),
        ("Veröffentlicht am 3. März 2026, 14:05 Uhr", "2026-03-03"),
        ("Publié le 5 février 2026 à 10h00", "2026-02-05"),
        ("Publicado el 12 de octubre de 2026", "2026-10-12"),
        ("Posted November 24th, 2026 by the news desk", "2026-11-24"),
        ("Opublikowano 7 listopada 2026", "2026-11-07"),
        ("发布时间：2026年11月24日 08:30", "2026-11-24"),
        ("입력 2026년 11월 24일", "2026-11-24"),
        ("Stand: 24.11.2026 09:12 Uhr", "2026-11-24"),
        ("Updated 2026-11-02. Published 2026-11-01 by staff", "2026-11-01"),
        ("© 2003-2026 Vesti. All rights reserved.", None),
    ],
)
def test_date_written_in_the_text(snippet, expected):
    from trafilatura.utils import load_html

    from pipelines.core.dates import text_published

    tree = load_html(f"<html><body><div><p>{snippet}</p><p>{STORY[0]}</p></div></body></html>")
    assert text_published(tree) == expected


def test_undated_page_takes_its_date_from_its_text(crawler):
    paragraphs = ["Опубликовано 24 ноября 2026 г.", *STORY]
    item = run_stages(
        crawler,
        item_from(page(paragraphs=paragraphs, url="https://port.example/news/2100.html"), via="sitemap"),
        stages=(ExtractionPipeline,),
    )
    assert item.published == "2026-11-24"


@pytest.mark.parametrize(
    ("dates", "listing"),
    [
        ('<time datetime="2026-11-20">20 Nov</time>', False),
        ('<time datetime="2026-11-20">a</time><time datetime="2026-11-21">b</time>', True),
        ('<span class="date">20 Nov 2026</span><span class="date">21 Nov 2026</span>', False),  # a related rail
        ("".join(f'<span class="teaser-date">{d} November 2026</span>' for d in (18, 19, 20, 21)), True),
    ],
)
def test_pages_showing_many_dates_are_listings(dates, listing):
    from trafilatura.utils import load_html

    from pipelines.core.extraction import shows_teaser_dates

    tree = load_html(f"<html><body><nav><time datetime='2026-01-01'>x</time></nav><main>{dates}</main></body></html>")
    assert shows_teaser_dates(tree) is listing


@pytest.mark.parametrize(
    ("path", "non_article"),
    [
        ("/tag/economy/", True),
        ("/tags/economy/page/2/", True),
        ("/author/jane-doe", True),
        ("/authors/", True),
        ("/about-us/", True),
        ("/editorial-standards/", True),
        ("/corrections", True),
        ("/contact.html", True),
        ("/news/2026/11/about-the-budget", False),
        ("/archive/2026/11/24/harbour-channel", False),
        ("/help/2026/council-opens-help-desk", False),
        ("/people/2026/11/a-life-in-music", False),
    ],
)
def test_non_article_url_pattern(path, non_article):
    import re

    from crawler import settings

    assert bool(re.search(settings.EXTRACT_NON_ARTICLE_URL, path, re.IGNORECASE)) is non_article
