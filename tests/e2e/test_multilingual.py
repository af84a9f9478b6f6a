"""Every language and script through the whole crawl: detection, encodings, search, translations.

The texts (tests/multilingual_texts.py) cover 16 languages in Latin, Cyrillic, Greek, Arabic,
Hebrew, Devanagari, Chinese, Japanese, Korean and Thai script, plus close pairs detectors
confuse (Russian/Ukrainian/Bulgarian, Spanish/Catalan/Portuguese, Indonesian/Malay,
traditional Chinese).
"""

from html import escape

import pytest
from fixtures import sites
from fixtures.multilingual_texts import ARTICLES, CLOSE_PAIRS, Text
from fixtures.runs import crawl_args, db_rows, run_cli, write_sources

from crawler.setting_checks import project_settings
from crawler.testing import machine_readable
from crawler.testing.localsites import LocalSites, Page, Site
from pipelines.core.language import LanguageDetector

ALL = (*ARTICLES, *CLOSE_PAIRS)

#: How each page is served: (charset the bytes are in, where it is declared: "header", "meta"
#: or None). The German page says ISO-8859-1 but is UTF-8; the English page is UTF-16 with a
#: BOM and no declaration at all.
ENCODINGS = {
    ("en", ""): ("utf-16", None),
    ("de", ""): ("utf-8", "wrong"),
    ("fr", ""): ("utf-8", None),
    ("es", ""): ("windows-1252", "meta"),
    ("ru", ""): ("windows-1251", "header"),
    ("uk", ""): ("windows-1251", "meta"),
    ("el", ""): ("iso-8859-7", "header"),
    ("ar", ""): ("windows-1256", "meta"),
    ("he", ""): ("windows-1255", "header"),
    ("fa", ""): ("utf-8", "header"),
    ("hi", ""): ("utf-8", "meta"),
    ("zh", ""): ("gb18030", "header"),
    ("ja", ""): ("shift_jis", "meta"),
    ("ko", ""): ("euc-kr", "header"),
    ("th", ""): ("tis-620", "header"),
    ("tr", ""): ("windows-1254", "meta"),
    ("bg", ""): ("windows-1251", "header"),
    ("zh", "zh-tw"): ("big5", "meta"),
}


def slug(text: Text, index: int) -> str:
    return f"/{text.language}/{text.variant or 'story'}-{index}"


def page(text: Text, head: str = "") -> Page:
    charset, declared = ENCODINGS.get((text.language, text.variant), ("utf-8", "header"))
    body = f"<article><h1>{escape(text.headline)}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in text.paragraphs)
    body += '<p class="byline">2026-11-20</p></article>'
    lang = "zh-Hant" if text.variant else text.language
    meta_charset = "iso-8859-1" if declared == "wrong" else charset
    html = sites.document(
        lang=lang,
        title=text.headline,
        site_title="World Wire",
        body=body,
        head=head + '<meta property="og:type" content="article">',
        charset=meta_charset,
        declare="meta" if declared in ("meta", "wrong") else None,
    )
    header = f"text/html; charset={meta_charset}" if declared in ("header", "wrong") else "text/html"
    return Page(html.encode(charset), header)


def render_world(addresses):
    base = addresses["world"]
    pages = {}
    for index, text in enumerate(ALL):
        head = ""
        if text in (ARTICLES[0], ARTICLES[1]):  # the English and German stories declare each other
            other = ARTICLES[1] if text is ARTICLES[0] else ARTICLES[0]
            head = f'<link rel="alternate" hreflang="{other.language}" href="{base}{slug(other, ALL.index(other)).lstrip("/")}">'
        pages[slug(text, index)] = page(text, head)
    feed_items = [
        machine_readable.FeedItem(
            base + slug(t, i).lstrip("/"), t.headline, "2026-11-20T08:00:00+00:00", t.short, "Desk"
        )
        for i, t in enumerate(ALL)
    ]
    pages["/feed.xml"] = Page(machine_readable.rss2("World Wire", base, feed_items), machine_readable.RSS_TYPE)
    pages["/robots.txt"] = Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE)
    return pages


def render_english_only(addresses):
    base = addresses["english"]
    pages = {f"/copy/{text.language}": page(text) for text in ARTICLES[:2]}
    items = [
        machine_readable.FeedItem(f"{base}copy/{t.language}", t.headline, "2026-11-20T08:00:00+00:00", t.short, "Desk")
        for t in ARTICLES[:2]
    ]
    pages["/feed.xml"] = Page(machine_readable.rss2("English Only", base, items), machine_readable.RSS_TYPE)
    pages["/robots.txt"] = Page(machine_readable.robots_txt(), machine_readable.TEXT_TYPE)
    return pages


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    work = tmp_path_factory.mktemp("multilingual")
    with LocalSites([Site("world", render_world), Site("english", render_english_only)]) as served:
        sources = write_sources(
            work,
            [
                {"name": "world", "feeds": [served.url("world", "/feed.xml")]},
                {"name": "english", "feeds": [served.url("english", "/feed.xml")], "languages": ["en"]},
            ],
        )
        db = work / "corpus.db"
        result = run_cli(*crawl_args("--all", sources=sources, db=db), cwd=work)
        assert result.returncode == 0, result.stderr
        yield {"db": db, "work": work, "base": served.url("world")}


def stored(corpus, text: Text):
    rows = db_rows(
        corpus["db"], "SELECT * FROM articles WHERE url = ?", corpus["base"] + slug(text, ALL.index(text)).lstrip("/")
    )
    assert len(rows) == 1, f"{text.language} {text.variant} not stored"
    return rows[0]


@pytest.mark.parametrize("text", ALL, ids=[f"{t.language}{'-' + t.variant if t.variant else ''}" for t in ALL])
def test_language_text_and_search(corpus, text):
    row = stored(corpus, text)
    assert row["language"] == text.language, (row["language"], row["language_source"])
    if text.variant:
        assert row["language_variant"] == text.variant
    for paragraph in text.paragraphs:  # decoded exactly: no mojibake, no replacement characters
        assert paragraph in row["text"]
    assert "\ufffd" not in row["text"] and row["title"] == " ".join(text.headline.split())
    found = run_cli("search", text.search_word, "--db", corpus["db"], cwd=corpus["work"])
    assert str(row["story_id"]) in [line.split()[0] for line in found.stdout.splitlines()], found.stdout + found.stderr


def test_declared_translations_are_linked_both_ways(corpus):
    english, german = stored(corpus, ARTICLES[0]), stored(corpus, ARTICLES[1])
    links = db_rows(corpus["db"], "SELECT article_id, language, translation_id FROM translations ORDER BY article_id")
    assert {(link["article_id"], link["language"], link["translation_id"]) for link in links} == {
        (english["id"], "de", german["id"]),
        (german["id"], "en", english["id"]),
    }


def test_a_source_can_keep_only_its_languages(corpus):
    sources = [row["source"] for row in db_rows(corpus["db"], "SELECT source FROM articles WHERE url LIKE '%/copy/%'")]
    assert sources == ["english"]
    counts = db_rows(corpus["db"], "SELECT counts FROM crawl_run_sources WHERE source = 'english'")[0]["counts"]
    assert '"wirecrawl/skipped/language/de": 1' in counts


@pytest.mark.parametrize("text", ALL, ids=[f"{t.language}{'-' + t.variant if t.variant else ''}" for t in ALL])
def test_detection_of_short_texts_with_the_page_language(text):
    found = LanguageDetector.from_settings(project_settings()).detect(text.short, {"page_language": text.language})
    assert found.language == text.language


@pytest.mark.parametrize("text", [t for t in ALL if t.language != "ms"], ids=lambda t: t.language + t.variant)
def test_detection_of_full_texts_without_any_hint(text):
    assert LanguageDetector.from_settings(project_settings()).detect(text.text, {}).language == text.language


def test_malay_needs_its_declaration_langdetect_has_no_malay():
    malay = next(t for t in CLOSE_PAIRS if t.language == "ms")
    assert LanguageDetector.from_settings(project_settings()).detect(malay.text, {}).language == "id"
    assert (
        LanguageDetector.from_settings(project_settings()).detect(malay.text, {"source_language": "ms"}).language
        == "ms"
    )
