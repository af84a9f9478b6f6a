"""Every `wirecrawl` command of the README's shell blocks runs as written on a fresh demo corpus
and exits 0. The first-own-source commands name a placeholder site (news.example.org): they run
against a small local news site served in its place."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures import sites
from fixtures.runs import CRAWL_TIMEOUT, REPO_ROOT

from crawler.testing import machine_readable
from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites, Page, Site

PLACEHOLDER = "https://news.example.org/"
#: `serve` runs until stopped; tests/e2e/test_serve.py and test_browser.py serve the demo.
LONG_RUNNING = ("wirecrawl serve",)


def readme_commands() -> list[str]:
    """The `wirecrawl ...` lines of the README's ```sh blocks, in order."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip().startswith("wirecrawl ")]


def render(addresses):
    base = addresses["mysite"].rstrip("/")
    article = base + "/2024/03/04/electric-ferries"
    return {
        "/": Page(
            '<!DOCTYPE html><html lang="en"><head><title>My site</title>'
            '<link rel="alternate" type="application/rss+xml" href="/feed/"></head><body><h1>My site</h1></body></html>'
        ),
        "/feed/": machine_readable.xml_page(
            machine_readable.rss2("My site", base + "/", [sites.item(article, sites.FERRY)]), machine_readable.RSS_TYPE
        ),
        "/2024/03/04/electric-ferries": sites.article_page(sites.FERRY, "My site"),
    }


@pytest.fixture(scope="module")
def my_site():
    with LocalSites([Site("mysite", render)]) as served:
        yield served.url("mysite")


def test_the_readme_has_the_commands_of_its_sections():
    commands = readme_commands()
    for needed in (
        "wirecrawl sources add",
        "wirecrawl crawl",
        "wirecrawl search",
        "wirecrawl story",
        "wirecrawl export",
    ):
        assert any(command.startswith(needed) for command in commands), needed


def test_every_readme_command_runs_on_the_demo(demo_db, my_site, tmp_path):
    shutil.copy(demo_db, tmp_path / "demo.db")
    bin_dir = str(Path(sys.executable).parent)
    env = cli_env({"PATH": bin_dir + ":" + cli_env()["PATH"]})
    assert shutil.which("wirecrawl", path=env["PATH"]), "the wirecrawl command is installed beside the interpreter"
    for command in readme_commands():
        if command.startswith(LONG_RUNNING):
            continue
        typed = command.replace(PLACEHOLDER, my_site)
        proc = subprocess.run(
            ["bash", "-c", typed], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=CRAWL_TIMEOUT
        )
        assert proc.returncode == 0, f"{command}\nexit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
