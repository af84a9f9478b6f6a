"""Malformed and unusual feeds (tests/fixtures/feed_corpus/) read entry by entry: the links a reader expects."""

from pathlib import Path

import pytest

from spiders.feeds import UnreadableDocument, parse_feed
from spiders.sitemaps import parse_sitemap

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "feed_corpus"
BASE = "https://base.example/feed"

#: Every file of the corpus and the article links it holds, in document order.
EXPECTED = {
    "undeclared_prefixes.xml": [
        "https://p.example/news/one",
        "https://p.example/news/two",
        "https://p.example/news/three",
    ],
    "raw_ampersand.xml": [
        "https://a.example/story.php?id=1&section=world",
        "https://a.example/story.php?id=2&section=world",
        "https://a.example/story.php?id=3&section=sport",
    ],
    # cut off inside the fourth item's link: that link is incomplete, the three before it are not
    "truncated.xml": ["https://t.example/2026/first", "https://t.example/2026/second", "https://t.example/2026/third"],
    "unclosed_tag.xml": [
        "https://u.example/news/first",
        "https://u.example/news/second",
        "https://u.example/news/third",
    ],
    "latin1_no_charset.xml": [
        "https://l.example/actualités/été",
        "https://l.example/actualites/noel",
        "https://l.example/actualites/derniere",
    ],
    "link_href_only.xml": [
        "https://h.example/news/plain-href",
        "https://h.example/news/a10-link",
        "https://h.example/news/text-link",
    ],
    "atom_link_text.xml": ["https://at.example/news/text-one", "https://at.example/news/href-two"],
    # a guid is a permalink unless it says otherwise; a <link> wins over it
    "guid_permalink.xml": [
        "https://g.example/news/default",
        "https://g.example/news/said",
        "https://g.example/news/link",
    ],
    # the broken link costs its own entry only
    "bad_link.xml": ["https://b.example/news/good", "https://b.example/news/also-good"],
    # Atom 0.3, xml:base on the feed and on an entry; an entry with only an <id> names no page
    "atom_0_3_xml_base.xml": [
        "https://old.example/blog/2026/relative.html",
        "https://old.example/archive/rebased.html",
    ],
    # windows-1252 text, a DOCTYPE, an HTML entity XML does not know
    "rss_0_91_windows1252.xml": ["https://w.example/story?id=1&lang=en", "https://w.example/story?id=2&lang=en"],
    "jsonfeed_1_0.json": [
        "https://j.example/2026/first",
        "https://base.example/2026/second",
        "https://elsewhere.example/linked",
    ],
    "jsonfeed_1_1.json": [
        "https://k.example/artikel/eins",
        "https://k.example/article/two",
        "https://k.example/artikel/drei",
    ],
}


def test_the_corpus_is_covered():
    assert sorted(path.name for path in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_complete_entry_of_a_feed_is_read(name):
    feed = parse_feed((CORPUS / name).read_bytes(), BASE)
    assert [entry.url for entry in feed.entries] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_feed_named_as_a_sitemap_reads_as_the_feed(name):
    sitemap = parse_sitemap((CORPUS / name).read_bytes(), BASE)
    assert sitemap.feed and not sitemap.is_index
    assert [entry.url for entry in sitemap.entries] == EXPECTED[name]


@pytest.mark.parametrize(
    ("name", "malformed"),
    [("raw_ampersand.xml", True), ("truncated.xml", True), ("undeclared_prefixes.xml", True), ("bad_link.xml", False)],
)
def test_a_malformed_feed_says_so(name, malformed):
    assert bool(parse_feed((CORPUS / name).read_bytes(), BASE).malformed) is malformed


def test_entries_without_a_usable_link_are_counted():
    assert parse_feed((CORPUS / "bad_link.xml").read_bytes(), BASE).linkless == 1
    assert parse_feed((CORPUS / "guid_permalink.xml").read_bytes(), BASE).linkless == 1
    assert parse_feed((CORPUS / "jsonfeed_1_0.json").read_bytes(), BASE).linkless == 1


def test_json_feed_titles_dates_and_languages():
    feed = parse_feed((CORPUS / "jsonfeed_1_1.json").read_bytes(), BASE)
    assert feed.language == "de-DE"
    first, second, third = feed.entries
    assert (first.title, first.published, first.language) == ("Eins", "2026-11-20T08:00:00+01:00", None)
    assert second.language == "en"
    assert (third.title, third.published) == (None, None)
    older = parse_feed((CORPUS / "jsonfeed_1_0.json").read_bytes(), BASE)
    assert older.entries[1].published == "2026-11-21T08:00:00Z"  # date_modified when nothing else is given


def test_a_windows_1252_feed_keeps_its_letters():
    feed = parse_feed((CORPUS / "rss_0_91_windows1252.xml").read_bytes(), BASE)
    assert (feed.language, feed.entries[0].title) == ("en-us", "\u201cQuotes\u201d")


def test_a_declared_charset_and_a_latin1_language():
    feed = parse_feed((CORPUS / "latin1_no_charset.xml").read_bytes(), BASE)
    assert (feed.language, feed.entries[0].title) == ("fr", "Été brûlant")


@pytest.mark.parametrize(
    "body",
    [b'{"version": "1", "items": []}', b"[1, 2]", b"{not json", b'{"version": "https://jsonfeed.org/version/1.1"'],
)
def test_json_that_is_no_json_feed_is_refused(body):
    with pytest.raises(UnreadableDocument):
        parse_feed(body, BASE)


def test_a_feed_with_no_items_is_a_feed_with_no_entries():
    feed = parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>', BASE)
    assert feed.entries == [] and not feed.malformed


def test_a_bom_and_whitespace_before_the_document():
    body = b"\xef\xbb\xbf\n  " + (CORPUS / "link_href_only.xml").read_bytes()
    assert [entry.url for entry in parse_feed(body, BASE).entries] == EXPECTED["link_href_only.xml"]
