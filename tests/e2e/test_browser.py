"""End to end in headless Chromium: `wirecrawl serve` on the demo corpus: the front page, a story
with its copies, the articles search box, an article. Screenshots are saved in each test's tmp_path.

Drives Debian's ``chromium`` through its ``chromedriver`` (both installed by ``.ci/run``);
nothing is downloaded.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.runs import db_rows, describe, run_cli
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from crawler.testing.environment import cli_env

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
)
START_TIMEOUT = 30
#: Seconds a page may take to show what a test waits for (a busy machine is slow, never wrong).
WAIT = 30

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)


@pytest.fixture(scope="module")
def served_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo corpus of this module's own (``served`` serves it)."""
    directory = tmp_path_factory.mktemp("served")
    built = run_cli("demo", "--db", directory / "demo.db", cwd=directory)
    assert built.returncode == 0, describe(built)
    return directory / "demo.db"


@pytest.fixture(scope="module")
def served(served_corpus: Path) -> Iterator[str]:
    """The demo corpus served by ``wirecrawl serve``; yields its base URL."""
    directory = served_corpus.parent
    # Port 0: the server binds a free port and says which (a port probed free here and passed on
    # could be taken meanwhile by another process, another test run on the same machine).
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", "demo.db", "--port", "0"],
        cwd=directory,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        said = ""
        while not (match := re.search(r"Serving .* on (http://127\.0\.0\.1:\d+)/", said)):
            line = server.stdout.readline()  # type: ignore[union-attr]
            assert line, f"wirecrawl serve exited before serving:\n{said}"
            said += line
        base = match[1]
        wait_until_up(f"{base}/-/versions.json", server)
        yield base
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)
        assert "Traceback" not in output, output


def wait_until_up(url: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"wirecrawl serve exited:\n{server.communicate()[0]}"
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"wirecrawl serve did not answer {url} within {START_TIMEOUT} s")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (*CHROMIUM_ARGS, f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(browser, condition, timeout=WAIT):
    return WebDriverWait(browser, timeout).until(condition)


def screenshot(browser, tmp_path: Path, name: str) -> None:
    """Save the page as tmp_path/NAME.png, the whole height, for a person to look at."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(height, 4000))
    path = tmp_path / f"{name}.png"
    assert browser.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    browser.set_window_size(1280, 1000)


def page_errors(browser) -> list[str]:
    text = browser.find_element(By.TAG_NAME, "body").text
    return [sign for sign in ("Invalid SQL", "fts5", "syntax error", "Error 500", "Traceback") if sign in text]


def test_front_page_then_a_story_with_its_copies(served, browser, tmp_path):
    browser.get(served + "/")
    assert "stories, last 24 hours" in browser.find_element(By.TAG_NAME, "h1").text
    stories = browser.find_elements(By.CSS_SELECTOR, "table.latest-stories tbody tr")
    assert len(stories) == 25
    screen = browser.execute_script("return window.innerHeight")
    syndicated = [row for row in stories if row.get_attribute("class") == "syndicated"]
    assert len(syndicated) == 3 and all(row.rect["y"] + row.rect["height"] <= screen for row in syndicated)
    storm = next(row for row in stories if "Storm Petra shuts" in row.text)
    assert storm.find_element(By.CSS_SELECTOR, "td.col-origin_source").text == "meridian"
    assert storm.find_element(By.CSS_SELECTOR, "td.col-articles").text == "3"
    assert storm.find_element(By.CSS_SELECTOR, "td.col-copied_by").text == "courier, newsbeat"
    assert storm.find_element(By.CSS_SELECTOR, "td.col-published").text == "3 Nov 2026, 06:45"
    screenshot(browser, tmp_path, "front-page")
    storm.find_element(By.CSS_SELECTOR, "td.col-title a").click()

    wait_for(browser, expected_conditions.url_contains("/corpus/story?story_id="))
    wait_for(browser, expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.story-copies")))
    assert "Storm Petra shuts three North Sea ports" in browser.find_element(By.TAG_NAME, "h1").text
    copies = browser.find_elements(By.CSS_SELECTOR, "table.story-copies tbody tr")
    cells = [
        {name: row.find_element(By.CSS_SELECTOR, f"td.col-{name}").text for name in ("role", "source", "lag")}
        for row in copies
    ]
    assert cells == [
        {"role": "origin", "source": "meridian", "lag": "+0m"},
        {"role": "copy", "source": "courier", "lag": "+1h15m"},
        {"role": "copy", "source": "newsbeat", "lag": "+2h27m"},
    ]
    links = [row.find_element(By.LINK_TEXT, "page").get_attribute("href") for row in copies]
    assert all(link.startswith("http://127.0.0.1:") for link in links)
    rewritten = browser.find_element(
        By.ID,
        f"copy-{copies[2].find_element(By.CSS_SELECTOR, 'td.col-title a').get_attribute('href').rsplit('/', 1)[1]}",
    )
    assert "halted" in [ins.text for ins in rewritten.find_elements(By.CSS_SELECTOR, ".word-diff ins")]
    assert "suspended" in [deleted.text for deleted in rewritten.find_elements(By.CSS_SELECTOR, ".word-diff del")]
    assert not page_errors(browser)
    screenshot(browser, tmp_path, "story")


def test_a_story_page_shows_the_source_a_copy_credits(served, browser, tmp_path):
    browser.get(served + "/")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Drones help archaeologists").click()
    wait_for(browser, expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.story-copies")))
    copies = browser.find_elements(By.CSS_SELECTOR, "table.story-copies tbody tr")
    credits = {
        row.find_element(By.CSS_SELECTOR, "td.col-source").text: row.find_element(
            By.CSS_SELECTOR, "td.col-credited_source"
        ).text
        for row in copies
    }
    assert credits == {"meridian": "", "newsbeat": "Meridian Press Agency"}
    assert copies[0].find_element(By.CSS_SELECTOR, "td.col-role").text == "origin" and not page_errors(browser)
    screenshot(browser, tmp_path, "story-credits")


def search_articles(browser, served: str, words: str) -> None:
    browser.get(f"{served}/corpus/articles")
    box = wait_for(browser, expected_conditions.presence_of_element_located((By.ID, "_search")))
    box.send_keys(words)
    box.submit()
    wait_for(browser, expected_conditions.url_contains("_search="))
    wait_for(browser, expected_conditions.presence_of_element_located((By.TAG_NAME, "h1")))


def test_the_articles_table_starts_on_the_first_screen_with_texts_cut(served, browser, tmp_path):
    browser.get(f"{served}/corpus/articles")
    rows = wait_for(
        browser,
        expected_conditions.presence_of_all_elements_located((By.CSS_SELECTOR, "table.rows-and-columns tbody tr")),
    )
    assert len(rows) == 30
    screen = browser.execute_script("return window.innerHeight")
    assert rows[0].rect["y"] + rows[0].rect["height"] <= screen  # descriptions and facets leave room for rows
    texts = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "td.col-text")]
    assert all(len(text) <= 161 for text in texts) and sum(text.endswith("…") for text in texts) == 30
    screenshot(browser, tmp_path, "articles")


def test_the_articles_search_box_finds_a_chinese_word_and_takes_a_quote(served, browser, tmp_path):
    search_articles(browser, served, "充电桩")
    titles = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td.col-title")]
    assert titles == ["临江市新能源汽车充电桩突破五万个"] and not page_errors(browser)
    text = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns td.col-text").text
    assert "充电桩" in text and text.endswith("…")  # cut in the table view
    screenshot(browser, tmp_path, "search-chinese")

    search_articles(browser, served, '"')
    assert browser.find_element(By.TAG_NAME, "h1").text == "Articles" and not page_errors(browser)
    assert browser.find_element(By.ID, "_search").get_attribute("value") == '"'
    screenshot(browser, tmp_path, "search-quote")


def test_an_article_page_shows_the_whole_text_within_the_screen(served, browser, tmp_path):
    search_articles(browser, served, "Petra ports")
    browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns td.col-id a").click()
    text = wait_for(browser, expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "td.col-text")))
    assert "\n\n" in text.text and not text.text.endswith("…")  # whole, with its paragraphs
    width = browser.execute_script("return document.documentElement.clientWidth")
    assert text.rect["x"] + text.rect["width"] <= width
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # nothing off the edge
    screenshot(browser, tmp_path, "article")


def test_at_400_px_every_value_is_labelled_with_its_own_column(served, browser, tmp_path):
    # A 400 px wide viewport (headless Chromium keeps windows ~500 px wide at least).
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 400, "height": 900, "deviceScaleFactor": 1, "mobile": True}
    )
    browser.get(served + "/")
    assert browser.execute_script("return document.documentElement.clientWidth") == 400
    storm = browser.find_element(By.PARTIAL_LINK_TEXT, "Storm Petra shuts").get_attribute("href")
    for selector, url in (("table.latest-stories td", served + "/"), ("table.story-copies td", storm)):
        browser.get(url)
        cells = wait_for(browser, expected_conditions.presence_of_all_elements_located((By.CSS_SELECTOR, selector)))
        labels = browser.execute_script(
            "return arguments[0].map(td => [td.className, td.dataset.label,"
            " getComputedStyle(td, '::before').content, getComputedStyle(td).display])",
            cells,
        )
        assert labels and all(content == f'"{label}"' for _, label, content, _ in labels), labels[:12]
        assert {column: label for column, label, _, _ in labels} == COLUMN_LABELS[selector]
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 400  # nothing off the edge
    path = tmp_path / "story-400px.png"
    assert browser.save_screenshot(str(path)) and path.stat().st_size > 5_000


#: Each column of the front page and the story page and the label a reader sees on a narrow screen.
COLUMN_LABELS = {
    "table.latest-stories td": {
        "col-title": "headline",
        "col-articles": "articles",
        "col-origin_source": "origin",
        "col-published": "published (UTC)",
        "col-copied_by": "copied by",
    },
    "table.story-copies td": {
        "col-role": "role",
        "col-source": "source",
        "col-credited_source": "credits",
        "col-published": "published (UTC)",
        "col-lag": "lag",
        "col-similarity": "similarity",
        "col-kept": "kept",
        "col-changes": "changed",
        "col-title": "headline",
        "col-word_count": "words",
    },
}


def test_an_arabic_story_is_laid_out_right_to_left(served, browser, tmp_path):
    browser.get(served + "/?language=ar")
    headline = browser.find_element(By.CSS_SELECTOR, "table.latest-stories td.col-title a")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", headline) == "rtl"
    headline.click()
    text = wait_for(browser, expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".article-text")))
    assert text.get_attribute("lang") == "ar"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", text) == "rtl"
    english = browser.find_element(By.CSS_SELECTOR, ".story-facts")
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", english) == "ltr"
    screenshot(browser, tmp_path, "story-arabic")


def test_the_story_pages_similarity_is_wirecrawl_storys_for_every_copy(served, served_corpus, browser, tmp_path):
    db = served_corpus
    stories = db_rows(db, "SELECT id FROM stories WHERE copies > 1 ORDER BY id")
    assert len(stories) == 3
    for story in stories:
        shown = run_cli("story", story["id"], "--db", db, "--json", cwd=tmp_path)
        assert shown.returncode == 0, describe(shown)
        expected = {copy["id"]: f"{copy['similarity']:.2f}" for copy in json.loads(shown.stdout)["copies"]}
        browser.get(f"{served}/corpus/story?story_id={story['id']}")
        rows = wait_for(
            browser,
            expected_conditions.presence_of_all_elements_located((By.CSS_SELECTOR, "table.story-copies tbody tr.copy")),
        )
        on_page = {
            int(
                row.find_element(By.CSS_SELECTOR, "td.col-title a").get_attribute("href").rsplit("/", 1)[1]
            ): row.find_element(By.CSS_SELECTOR, "td.col-similarity").text
            for row in rows
        }
        assert on_page == expected
