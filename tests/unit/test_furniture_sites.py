"""The fixture sites of :mod:`furniture_sites`: four designs in eight languages, every kind of
furniture left out of the body, every paragraph kept, the credit line kept as data.

These pages were written here, and the rules were checked on them; ``benchmarks/extraction.py``
prints the same figures next to those on real pages nobody here wrote.
"""

import pytest
from fixtures.furniture_sites import KINDS, PORTAL_KINDS, FurniturePage, leaks, pages, site_runs, squashed

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, SiteTemplates, process_page
from storage.corpus import Corpus

PAGES = list(pages())


@pytest.fixture(scope="module")
def options():
    settings = project_settings()
    return CoreOptions.from_settings(settings)


def test_the_fixture_sites_cover_eight_languages_and_every_kind():
    assert len({page.lang for page in PAGES}) == 8
    assert {kind for page in PAGES for kind in page.furniture} == {*KINDS, *PORTAL_KINDS}
    assert any("css-" in page.html for page in PAGES)
    for page in PAGES:  # a leak is furniture's text in the body: the article must not have it
        article = squashed(" ".join(page.paragraphs))
        assert not [text for texts in page.furniture.values() for text in texts if squashed(text) in article]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: f"{page.design}-{page.lang}")
def test_the_body_is_the_article_all_of_it_and_nothing_else(page: FurniturePage, options):
    fetched = FetchedPage(page.url, page.html.encode(), {"Content-Type": "text/html; charset=utf-8"}, {}, "feed")
    article = process_page(fetched, options)
    assert leaks(page, article.finished.text) == []
    assert article.finished.text.split("\n\n") == list(page.paragraphs)
    if "credit" in page.furniture:
        assert squashed(page.furniture["credit"][0]) in squashed(article.credit or "")


@pytest.mark.parametrize(
    ("design", "run"), list(site_runs()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_a_site_s_templates_take_its_shaped_furniture_once_learned(design, run, options):
    """A run of one site's pages: the promo under the site's own lead-in (another headline on
    each page, no link, no marked box) leaks until the templates have seen its shape on
    ``CLEAN_TEMPLATE_PAGES`` pages (the page that makes it recurring is cleaned of it; the
    crawl's store stage re-cleans those before), and never after; the article stays whole."""
    corpus = Corpus.in_memory()
    templates = SiteTemplates(corpus, 3)
    texts = []
    for page in run:
        fetched = FetchedPage(page.url, page.html.encode(), {"Content-Type": "text/html; charset=utf-8"}, {}, "feed")
        texts.append(process_page(fetched, options, templates.remove).finished.text)
    corpus.close()
    assert all("shaped promo" in leaks(page, text) for page, text in zip(run[:2], texts[:2], strict=True))
    for page, text in zip(run[2:], texts[2:], strict=True):
        assert leaks(page, text) == []
        assert text.split("\n\n") == list(page.paragraphs)
