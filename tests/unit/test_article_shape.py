"""One article shape: the crawl's item, the core's result, the corpus's ``articles`` table, the export
and the Datasette metadata name the same fields. Every difference between them is one of the named
sets below, each saying why; a field added to one place only fails here."""

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from crawler.items import Article
from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, process_page
from pipelines.core.extraction import Extracted
from pipelines.saved_page import FIELDS as PRINTED_BY_EXTRACT
from storage.articles import ARTICLE_COLUMNS
from storage.corpus import Corpus
from storage.export import ARTICLE_SQL

ROOT = Path(__file__).parents[2]

#: Item fields that are the crawl's working state, not article columns.
ITEM_WORKING_STATE = {
    "body": "the page as fetched: the page_bodies table, with CORPUS_STORE_PAGES",
    "headers": "kept with the page as fetched",
    "hints": "what discovery said: kept with the page as fetched",
    "status": "the HTTP status: kept with the page as fetched",
    "request_url": "a URL of the article: the article_urls table",
    "arrival": "the stages' turn order within one crawl",
    "page_language": "a hint of language detection, decided into language",
    "alternates": "the page's translations: the translations table",
    "slots": "each paragraph's structural slot: the article_slots table",
    "recleans": "which stored articles of the site to re-clean",
    "absorbs": "stories united on storage",
    "fingerprint": "the near-duplicate index (the fingerprints and bands tables)",
    "shingles": "verifies near-duplicate candidates, never stored",
}
#: Columns the storage stage computes from the item's other fields.
COMPUTED_ON_STORING = {"word_count": "words of text"}
#: Columns the story decision sets, outside the inserted columns.
SET_BY_THE_STORY = {"story_id": "the story the article joins or starts"}
#: Columns the core does not decide: the spider's fetch facts and the story decision's similarity.
NOT_DECIDED_BY_THE_CORE = {
    "source": "the source that discovered the page (the spider)",
    "fetched_url": "the URL fetched (the spider; the core returns the canonical url)",
    "discovered_via": "feed, sitemap or listing (the spider)",
    "fetched_at": "the time of the fetch (the spider)",
    "similarity": "to the story's representative (the story decision, on storage)",
}
#: The row's key (Datasette shows it as the row's link).
ROW_KEY = {"id": "the article's primary key"}
#: Article columns ``wirecrawl export`` leaves out (working detail, not what a reader of the corpus uses).
NOT_EXPORTED = {
    "fetched_url": "the URL fetched, before the canonical one",
    "discovered_via": "how the page was found",
    "published_raw": "the publication value as found",
    "language_probability": "the detector's confidence",
    "language_source": "the signal that decided the language",
    "language_variant": "the Chinese script",
    "text_hash": "the identity of the text",
}
#: Columns ``wirecrawl export`` computes from the story.
EXPORT_COMPUTED = {
    "origin": "whether the article is its story's origin",
    "representative": "whether the article represents its story",
}


def item_fields() -> set[str]:
    return {field.name for field in dataclasses.fields(Article)}


def core_fields() -> set[str]:
    """The columns of the core's result, for a page through the whole chain (its stages switched off: the same fields)."""
    switched_off = {"EXTRACT_ENABLED": False, "CLEAN_ENABLED": False, "LANGUAGE_ENABLED": False}
    options = CoreOptions.from_settings(project_settings({**switched_off, "DEDUP_NEAR_ENABLED": False}))
    page = FetchedPage("https://example.com/a", b"<html><body><p>A page.</p></body></html>")
    return set(process_page(page, options).fields())


@pytest.fixture
def table_columns(tmp_path) -> Iterator[set[str]]:
    corpus = Corpus(tmp_path / "corpus.db")
    yield set(corpus._db["articles"].columns_dict)
    corpus.close()


@pytest.fixture
def export_columns(tmp_path) -> Iterator[set[str]]:
    corpus = Corpus(tmp_path / "corpus.db")
    params = dict.fromkeys(("since", "until", "language", "source"))
    yield {column[0] for column in corpus._db.execute(ARTICLE_SQL, params).description}
    corpus.close()


def metadata_columns() -> set[str]:
    metadata = yaml.safe_load((ROOT / "crawler" / "serve" / "metadata.yml").read_text(encoding="utf-8"))
    return set(metadata["databases"]["corpus"]["tables"]["articles"]["columns"])


def test_the_item_is_the_stored_columns_and_its_working_state():
    stored = set(ARTICLE_COLUMNS) - set(COMPUTED_ON_STORING)
    assert item_fields() == stored | set(ITEM_WORKING_STATE) | set(SET_BY_THE_STORY)


def test_the_cores_result_is_the_stored_columns_it_decides():
    assert core_fields() == set(ARTICLE_COLUMNS) - set(NOT_DECIDED_BY_THE_CORE)


def test_the_item_takes_every_field_the_core_finds():
    assert {field.name for field in dataclasses.fields(Extracted)} <= item_fields()
    assert core_fields() - set(COMPUTED_ON_STORING) <= item_fields()
    assert set(PRINTED_BY_EXTRACT) <= core_fields()


def test_the_table_is_the_stored_columns_with_its_key_and_story(table_columns):
    assert table_columns == set(ARTICLE_COLUMNS) | set(ROW_KEY) | set(SET_BY_THE_STORY)


def test_the_export_is_the_table_but_working_detail_with_the_story_flags(table_columns, export_columns):
    assert set(NOT_EXPORTED) <= table_columns
    assert export_columns == (table_columns - set(NOT_EXPORTED)) | set(EXPORT_COMPUTED)


def test_datasette_describes_every_column_of_the_table(table_columns):
    assert metadata_columns() == table_columns - set(ROW_KEY)


def test_filling_the_item_with_a_misspelt_field_fails():
    item = Article("source", "https://example.com/a")
    item.fill(title="A title", language="en")
    assert (item.title, item.language) == ("A title", "en")
    with pytest.raises(TypeError, match="no field titel"):
        item.fill(titel="A title")
    with pytest.raises(AttributeError):
        item.titel = "A title"  # type: ignore[attr-defined]
