"""The documentation (README.md and the pages of docs/) documents every command (and subcommand),
each of their options, and every wirecrawl setting; the README stays a ten-minute read."""

import re
from pathlib import Path

import click
import pytest

from crawler import settings
from crawler.cli import cli

ROOT = Path(__file__).parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
#: Every page a reader can reach: the README and the documentation site's pages.
DOCS = "\n".join([README, *(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))])
#: The README's budget in lines (issue 26: read in ten minutes); adding a source, cron and
#: querying must come within its first FIRST_SCREENS lines.
README_MAX_LINES = 320
FIRST_SCREENS = 150
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
    "DRY_RUN_",
)


def test_readme_opens_with_the_two_commands():
    """In its first section, after what wirecrawl produces."""
    first_section = README.index("\n## ")
    opening = README[: README.index("\n## ", first_section + 1)]
    assert "make demo" in opening and "make test" in opening


def test_readme_is_short():
    assert len(README.splitlines()) <= README_MAX_LINES


def test_readme_shows_adding_a_source_cron_and_querying_early():
    opening = "\n".join(README.splitlines()[:FIRST_SCREENS])
    for needed in (
        "wirecrawl sources add",
        "wirecrawl sources check",
        "*/30 * * * *",
        "wirecrawl search",
        "wirecrawl story",
    ):
        assert needed in opening, needed


def test_readme_links_to_files_that_exist():
    """mkdocs checks the pages' links; the README's own point into the repository."""
    targets = re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README)
    assert targets and all((ROOT / target).is_file() for target in targets), targets


def commands(group=cli, path="wirecrawl"):
    """Every command as typed (``wirecrawl sources check``) with its click command, the groups' own too."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, f"{path} {name}")


COMMANDS = dict(commands())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(command):
    assert f"{command}" in DOCS


@pytest.mark.parametrize(
    ("command", "option"),
    [
        (path, max(param.opts, key=len))
        for path, command in COMMANDS.items()
        for param in command.params
        if isinstance(param, click.Option)
    ],
)
def test_every_option_is_documented(command, option):
    """By one of its names (``-s`` or ``--set``); the documentation says which commands take it."""
    param = next(p for p in COMMANDS[command].params if option in p.opts)
    assert any(re.search(rf"`[^`]*{re.escape(name)}\b", DOCS) for name in param.opts), f"{command} {option}"


def own_settings():
    """Settings in crawler/settings.py and every setting a component reads, with our prefixes."""
    names = {name for name in dir(settings) if name.startswith(OWN_PREFIXES)}
    for module in [*ROOT.glob("pipelines/*.py"), *ROOT.glob("crawler/*.py"), *ROOT.glob("spiders/*.py")]:
        names |= set(re.findall(r"settings\.get\w*\(\s*\"([A-Z][A-Z0-9_]+)\"", module.read_text(encoding="utf-8")))
    return sorted(name for name in names if name.startswith(OWN_PREFIXES))


@pytest.mark.parametrize("name", own_settings())
def test_every_setting_is_documented(name):
    assert f"`{name}`" in DOCS
