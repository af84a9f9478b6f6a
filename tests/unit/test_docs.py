"""The README documents every command and every wirecrawl setting."""

import re
from pathlib import Path

import pytest

from crawler import settings
from crawler.cli import cli

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
OWN_PREFIXES = (
    "SOURCES_",
    "CORPUS_",
    "DISCOVERY_",
    "CANONICAL_",
    "EXTRACT_",
    "CLEAN_",
    "LANGUAGE_",
    "DEDUP_",
    "BACKOFF_",
    "PIPELINE_",
    "CLUSTER_",
)


def test_readme_opens_with_the_two_commands():
    opening = README[: README.index("## ")]
    assert "make demo" in opening and "make test" in opening


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert f"wirecrawl {command}" in README


def own_settings():
    """Settings in crawler/settings.py and every setting a component reads, with our prefixes."""
    names = {name for name in dir(settings) if name.startswith(OWN_PREFIXES)}
    root = Path(__file__).parents[2]
    for module in [*root.glob("pipelines/*.py"), *root.glob("crawler/*.py"), *root.glob("spiders/*.py")]:
        names |= set(re.findall(r"settings\.get\w*\(\s*\"([A-Z][A-Z0-9_]+)\"", module.read_text(encoding="utf-8")))
    return sorted(name for name in names if name.startswith(OWN_PREFIXES))


@pytest.mark.parametrize("name", own_settings())
def test_every_setting_is_documented(name):
    assert f"`{name}`" in README
