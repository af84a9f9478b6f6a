"""`wirecrawl serve`: the Datasette metadata, canned queries and search, on the demo corpus."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from fixtures.runs import describe, run_cli
from markupsafe import escape

from crawler.serve.app import corpus_datasette
from crawler.setting_checks import project_settings
from crawler.testing.environment import cli_env
from pipelines.core.identity import Fingerprinter
from pipelines.datasette_plugin import compared, short_time, time_zone, word_diff

HOUSEKEEPING = {
    "article_fingerprints",
    "lsh_bands",
    "corpus_settings",
    "_sqlite_migrations",
    "article_urls",
    "crawl_run_sources",
    "pages",
    "site_blocks",
    "site_block_pages",
    "site_slots",
    "site_slot_pages",
    "article_slots",
    "articles_fts",
    "articles_fts_data",
    "articles_fts_idx",
    "articles_fts_docsize",
    "articles_fts_config",
    "articles_trigram",
    "articles_trigram_data",
    "articles_trigram_idx",
    "articles_trigram_docsize",
    "articles_trigram_config",
}


@pytest.fixture(scope="module")
def datasette(demo_db: Path) -> Any:
    return corpus_datasette(demo_db, "pipelines.datasette_plugin")


def get(datasette: Any, path: str) -> Any:
    """GET ``path`` through Datasette's in-process client; the response must be 200."""
    response = asyncio.run(datasette.client.get(path))
    assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:500]}"
    return response


def rows(datasette: Any, path: str, **params: str) -> list[dict[str, Any]]:
    """Rows of a table or canned query as JSON objects."""
    return get(datasette, f"/corpus/{path}.json?{urlencode({'_shape': 'array', **params})}").json()


def test_the_database_page_lists_titled_tables_and_queries_and_hides_housekeeping(datasette):
    tables = {table["name"]: table for table in get(datasette, "/corpus.json").json()["tables"]}
    assert {"articles", "stories", "crawl_runs"} <= {name for name, table in tables.items() if not table["hidden"]}
    assert HOUSEKEEPING <= {name for name, table in tables.items() if table["hidden"]}
    page = get(datasette, "/corpus").text
    for title in (
        "News corpus",
        "Latest stories",
        "A story and all its copies",
        "Most syndicated stories",
        "Stories by language and day",
        "Sources by volume and duplicate rate",
        "Search, grouped by story",
    ):
        assert title in page
    assert "_memory" not in get(datasette, "/").text


def test_articles_are_newest_first_with_facets_and_column_descriptions(datasette):
    data = get(datasette, "/corpus/articles.json?_size=max&_extra=facet_results,sort_desc").json()
    published = [row["published"] for row in rows(datasette, "articles", _size="max")]
    assert published == sorted(published, reverse=True)
    facets = data["facet_results"]["results"] if "results" in data["facet_results"] else data["facet_results"]
    assert {"source", "language", "published"} <= set(facets)
    page = get(datasette, "/corpus/articles").text
    assert "Similarity to the story" in page and 'name="_search"' in page


def test_table_search_uses_full_text_search(datasette):
    matched = rows(datasette, "articles", _search="Petra ports", _size="max")
    assert 3 <= len(matched) < 30 and sum(row["title"].startswith("Storm Petra") for row in matched) == 3
    assert all("Petra" in row["title"] + row["text"] for row in matched)


def test_an_article_page_shows_the_whole_text_and_links_its_story(datasette, demo_db):
    article = rows(datasette, "articles", url__contains="city-council-backs-tram")[0]
    page = get(datasette, f"/corpus/articles/{article['id']}").text
    assert str(escape(article["text"])) in page
    assert f'<a href="/corpus/story?story_id={article["story_id"]}">' in page
    assert f'<a href="{article["url"]}">' in page
    story_page = get(datasette, f"/corpus/stories/{article['story_id']}").text
    representative = rows(datasette, "stories", id=str(article["story_id"]))[0]["article_id"]
    assert f'<a href="/corpus/articles/{representative}">' in story_page


def test_latest_stories_one_row_per_story_syndicated_first_naming_origin_and_copiers(datasette):
    stories = rows(datasette, "latest_stories", hours="", language="", source="")
    assert len(stories) == len({story["story_id"] for story in stories}) == 25
    assert [story["articles"] for story in stories[:4]] == [3, 3, 2, 1]
    tram = next(story for story in stories if "tram extension" in story["title"])
    assert (tram["articles"], tram["origin_source"], tram["copied_by"]) == (3, "meridian", "courier, newsbeat")
    assert (
        f'<a href="/corpus/story?story_id={tram["story_id"]}">'
        in get(datasette, "/corpus/latest_stories?hours=&language=&source=").text
    )


def test_the_front_page_narrows_by_window_language_and_source_and_shows_times_in_the_chosen_zone(datasette):
    arabic = get(datasette, "/?language=ar&tz=Asia/Tokyo").text
    assert arabic.count('<tr class="single">') == 3 and 'lang="ar" dir="auto"' in arabic
    assert "published (Asia/Tokyo)" in arabic
    newsbeat = get(datasette, "/?source=newsbeat&window=7d").text
    assert newsbeat.count("<tr class=") == 3  # the stories newsbeat carried a copy of
    assert "No story gained an article" not in get(datasette, "/").text  # the demo was crawled just now
    assert short_time("2026-11-03T06:45:00+00:00", time_zone("")) == "3 Nov 2026, 06:45"
    assert short_time("2026-11-03T06:45:00+00:00", time_zone("Asia/Tokyo")) == "3 Nov 2026, 15:45"
    assert short_time("2026-11-03T06:45:00+00:00", time_zone("Nowhere/Atlantis")) == "3 Nov 2026, 06:45"


def test_a_story_lists_every_copy_origin_first_with_lags(datasette):
    storm = rows(datasette, "search", q="Storm Petra")[0]
    copies = rows(datasette, "story", story_id=str(storm["story_id"]))
    assert [copy["source"] for copy in copies] == ["meridian", "courier", "newsbeat"]  # by publication time
    assert [copy["role"] for copy in copies] == ["origin", "copy", "copy"]
    assert [compared(copies[0], copy, Fingerprinter.from_settings(project_settings()))["lag"] for copy in copies] == [
        "+0m",
        "+1h15m",
        "+2h27m",
    ]
    assert all(copy["url"].startswith("http") for copy in copies)
    assert (
        "similarity" not in copies[0]
    )  # the page computes it as wirecrawl story does; the stored one is to the representative
    assert copies[0]["text"].startswith("KELSHOLM")
    story = rows(datasette, "stories", id=str(storm["story_id"]))[0]
    assert copies[0]["article_id"] == story["origin_article_id"]  # the corpus's origin, not a second guess


def test_the_story_page_shows_origin_copies_lags_and_word_diffs(datasette):
    storm = rows(datasette, "search", q="Storm Petra")[0]
    copies = rows(datasette, "story", story_id=str(storm["story_id"]))
    page = get(datasette, f"/corpus/story?story_id={storm['story_id']}").text
    assert "<h1 " in page and "Storm Petra shuts three North Sea ports" in page
    assert all(f'<a href="{copy["url"]}">page</a>' in page for copy in copies)
    assert "+1h15m" in page and "+2h27m" in page
    assert re.search(r'<td class="col-changes" data-label="changed">[^<]*rewritten headline', page)
    courier, newsbeat = page.split("courier against the origin")[1].split("newsbeat against the origin")
    assert "The same text as the origin's." in courier and "<del>" not in courier
    assert "<del>suspended</del> <ins>halted</ins>" in newsbeat  # one word rewritten
    assert re.search(r"<del>\s*Shipping analysts said", newsbeat)  # the dropped last paragraph
    assert "<ins>Storm Petra batters coast" in newsbeat  # the rewritten headline


def test_the_story_page_shows_the_source_a_copy_credits(datasette):
    drones = rows(datasette, "search", q="cave paintings drones")[0]
    copies = {copy["source"]: copy for copy in rows(datasette, "story", story_id=str(drones["story_id"]))}
    assert (
        copies["newsbeat"]["credited_source"] == "Meridian Press Agency"
        and copies["meridian"]["credited_source"] is None
    )
    page = get(datasette, f"/corpus/story?story_id={drones['story_id']}").text
    assert re.search(
        r'<td class="col-credited_source" data-label="credits" title="[^"]+" dir="auto">Meridian Press Agency</td>',
        page,
    )


def test_the_front_page_lists_the_latest_stories_linking_to_their_pages(datasette):
    stories = rows(datasette, "latest_stories", hours="24", language="", source="")
    page = get(datasette, "/").text
    assert "stories, last 24 hours" in page
    for story in stories[:5]:
        assert (
            f'<a href="/corpus/story?story_id={story["story_id"]}" lang="{story["language"]}" dir="auto">'
            f"{escape(story['title'])}</a>" in page
        )
    drones = next(story for story in stories if story["title"].startswith("Drones help"))
    assert (drones["origin_source"], drones["copied_by"], drones["articles"]) == ("meridian", "newsbeat", 2)
    assert page.index(escape(stories[0]["title"])) < page.index(escape(stories[1]["title"]))


def test_table_views_cut_long_texts_and_the_article_page_shows_them_whole(datasette):
    article = rows(datasette, "articles", url__contains="city-council-backs-tram")[0]
    table = get(datasette, f"/corpus/articles?id={article['id']}").text
    assert str(escape(article["text"][:100])) in table and str(escape(article["text"])) not in table
    assert str(escape(article["text"])) in get(datasette, f"/corpus/articles/{article['id']}").text


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Petra ports", "Storm Petra"),
        ("充电桩", "临江市新能源汽车充电桩突破五万个"),  # a word inside a Chinese sentence
        ("поликлиника", "В Новоречинске открылась новая детская поликлиника"),
    ],
)
def test_the_articles_search_box_finds_words_in_any_script(datasette, query, title):
    matched = rows(datasette, "articles", _search=query, _size="max")
    assert matched and all(row["title"].startswith(title) for row in matched)
    page = get(datasette, "/corpus/articles?" + urlencode({"_search": query})).text
    assert f'value="{escape(query)}"' in page and title in page


@pytest.mark.parametrize("query", ['"', '"unbalanced', "storm (ports", "OR", "AND OR NOT", "title:(x*", "NEAR(", ""])
def test_the_articles_search_box_never_fails(datasette, query):
    rows(datasette, "articles", _search=query)  # a 200 answer
    rows(datasette, "articles", _search_title=query)  # Datasette's search in one column
    page = get(datasette, "/corpus/articles?" + urlencode({"_search": query}))
    assert "Invalid SQL" not in page.text and "fts5" not in page.text


def test_most_syndicated_stories_in_a_time_window(datasette):
    everything = rows(datasette, "most_syndicated")
    assert [story["articles"] for story in everything] == [3, 3, 2]
    window = rows(datasette, "most_syndicated", since="2026-11-04", until="2026-11-06")
    assert [story["title"][:12] for story in window] == ["Calderbridge"]


def test_stories_by_language_and_day(datasette):
    days = rows(datasette, "stories_by_language_day")
    assert sum(day["stories"] for day in days) == 25 and sum(day["articles"] for day in days) == 30
    assert {day["language"] for day in days} == {"en", "fr", "ar", "de", "ru", "zh"}
    french = rows(datasette, "stories_by_language_day", language="fr")
    assert {day["language"] for day in french} == {"fr"} and len(french) == 5


def test_sources_by_volume_and_duplicate_rate(datasette):
    sources = {row["source"]: row for row in rows(datasette, "sources")}
    assert len(sources) == 8 and sum(row["articles"] for row in sources.values()) == 30
    assert sources["newsbeat"]["duplicate_rate"] > 0 and sources["littoral"]["duplicate_rate"] == 0
    assert list(sources)[0] == "meridian"  # the most articles first


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("storm ports", "Storm Petra shuts three North Sea ports"),  # all words, anywhere
        ("поликлиника", "В Новоречинске открылась новая детская поликлиника"),  # Cyrillic
        ("充电桩", "临江市新能源汽车充电桩突破五万个"),  # a word inside a Chinese sentence
    ],
)
def test_search_groups_matches_by_story(datasette, query, title):
    hits = rows(datasette, "search", q=query)
    assert hits and hits[0]["title"].startswith(title)
    assert len(hits) == len({hit["story_id"] for hit in hits})


def test_search_counts_the_matching_articles_of_a_story(datasette):
    storm = rows(datasette, "search", q="Petra")[0]
    assert storm["articles"] == storm["matching_articles"] == 3 and "[Petra]" in storm["passage"]


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR NOT", "title:(x*", "", "  "])
def test_search_never_fails_on_fts_syntax(datasette, query):
    rows(datasette, "search", q=query)  # a 200 answer; an empty box matches nothing
    assert rows(datasette, "search", q="") == []


def test_serve_without_a_corpus_says_so_in_one_line(tmp_path):
    result = run_cli("serve", "--db", tmp_path / "none.db", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "no corpus at" in result.stderr and "Traceback" not in result.stderr


def test_serve_without_datasette_says_how_to_install_it(tmp_path, demo_db):
    hide_datasette = "import sys; sys.modules['datasette'] = None; from crawler.cli import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", hide_datasette, "serve", "--db", str(demo_db)],
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0, describe(result)
    assert "pip install 'wirecrawl[serve]'" in result.stderr


def test_a_word_diff_marks_dropped_and_added_words_and_keeps_paragraphs():
    diff = word_diff("One two three.\n\nFour <b>five</b>.", "One 2 three.\n\nFour <b>five</b>.\n\nSix.")
    assert diff == "One <del>two</del> <ins>2</ins> three.\n\nFour &lt;b&gt;five&lt;/b&gt;. <ins>\n\nSix.</ins>"
