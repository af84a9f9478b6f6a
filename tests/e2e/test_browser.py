"""End to end in headless Chromium: `wirecrawl serve` on the demo corpus, a search, a story's copies.

Drives Debian's ``chromium`` through its ``chromedriver`` (both installed by ``.ci/run``);
nothing is downloaded.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import cli_env, describe, run_cli
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

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

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason="Debian's chromium and chromium-driver are not installed (.ci/run installs them)",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo corpus served by ``wirecrawl serve``; yields its base URL."""
    directory = tmp_path_factory.mktemp("served")
    built = run_cli("demo", "--db", directory / "demo.db", cwd=directory)
    assert built.returncode == 0, describe(built)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler", "serve", "--db", "demo.db", "--port", str(port)],
        cwd=directory,
        env=cli_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
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


def test_search_then_open_a_storys_copies(served, browser, tmp_path):
    browser.get(f"{served}/corpus")
    assert "News corpus" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.LINK_TEXT, "Search, grouped by story").click()

    box = WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.NAME, "q")))
    box.send_keys("storm ports")
    box.submit()
    WebDriverWait(browser, 10).until(expected_conditions.url_contains("q=storm+ports"))
    first = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert "Storm Petra shuts three North Sea ports" in first.text
    first.find_element(By.CSS_SELECTOR, "td.col-story_id a").click()

    WebDriverWait(browser, 10).until(expected_conditions.url_contains("/corpus/story?story_id="))
    assert "A story and all its copies" in browser.find_element(By.TAG_NAME, "h1").text
    copies = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    sources = [row.find_element(By.CSS_SELECTOR, "td.col-source").text for row in copies]
    roles = [row.find_element(By.CSS_SELECTOR, "td.col-role").text for row in copies]
    links = [row.find_element(By.CSS_SELECTOR, "td.col-url a").get_attribute("href") for row in copies]
    assert sorted(sources) == ["courier", "meridian", "newsbeat"]
    assert roles == ["representative", "copy", "copy"]
    assert all(link.startswith("http://127.0.0.1:") for link in links)

    screenshot = tmp_path / "story-copies.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000
