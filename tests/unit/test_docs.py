"""The README documents every command (and subcommand), each of their options, and every wirecrawl setting."""

import re
from pathlib import Path

import click
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
    "DRY_RUN_",
)


def test_readme_opens_with_the_two_commands():
    opening = README[: README.index("## ")]
    assert "make demo" in opening and "make test" in opening


def commands(group=cli, path="wirecrawl"):
    """Every command as typed (``wirecrawl sources check``) with its click command, the groups' own too."""
    yield path, group
    for name, command in getattr(group, "commands", {}).items():
        yield from commands(command, f"{path} {name}")


COMMANDS = dict(commands())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_documented(command):
    assert f"{command}" in README


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
    """By one of its names (``-s`` or ``--set``); the README says which commands take it."""
    param = next(p for p in COMMANDS[command].params if option in p.opts)
    assert any(re.search(rf"`[^`]*{re.escape(name)}\b", README) for name in param.opts), f"{command} {option}"


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
