"""The sources file through the CLI: bad files refused before any request, missing file,
the ``sources`` command, and ``--help`` of every command."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures.runs import Network, crawl_args, describe

from crawler.testing.environment import cli_env


def alpha(network: Network) -> dict[str, object]:
    """A valid source (the rss2 fixture site's feed)."""
    return {"name": "alpha", "feeds": [network.url("rss2", "/feed.xml")]}


def beta(network: Network, **keys: object) -> dict[str, object]:
    """A valid source (the sitemap fixture site), with ``keys`` added or replaced."""
    return {"name": "beta", "sitemaps": [network.url("sitemap", "/sitemap.xml")], **keys}


@dataclass(frozen=True)
class BadFile:
    id: str
    content: Callable[[Network], list[dict[str, object]] | str]  # sources, or raw TOML text
    patterns: tuple[str, ...]  # regexes that one line of the message must all match


def _without_name(network: Network) -> list[dict[str, object]]:
    nameless = beta(network)
    del nameless["name"]
    return [alpha(network), nameless]


def _syntax_error(network: Network) -> str:
    return (
        "[[sources]]\n"
        'name = "alpha"\n'
        f'feeds = ["{network.url("rss2", "/feed.xml")}"]\n'
        "\n"
        "[[sources]]\n"
        'name = "beta\n'  # line 6: unterminated string
        f'sitemaps = ["{network.url("sitemap", "/sitemap.xml")}"]\n'
    )


BAD_FILES = [
    BadFile("toml-syntax", _syntax_error, (r"(?<!\d)6(?!\d)",)),  # names the line
    BadFile("unknown-key", lambda n: [alpha(n), beta(n, schedule="hourly")], ("beta", "schedule")),
    BadFile("missing-name", _without_name, ("name",)),
    BadFile("duplicate-name", lambda n: [alpha(n), {**beta(n), "name": "alpha"}], ("alpha", "name|duplicate")),
    BadFile("invalid-name", lambda n: [alpha(n), beta(n, name="Beta News")], ("Beta News", "name")),
    BadFile("bad-regex-allow", lambda n: [alpha(n), beta(n, allow="/news/(unclosed")], ("beta", "allow")),
    BadFile("bad-regex-deny", lambda n: [alpha(n), beta(n, deny="[a-")], ("beta", "deny")),
    BadFile(
        "bad-regex-follow",
        lambda n: [alpha(n), beta(n, start_urls=[n.url("listing", "/news/")], follow="*page=")],
        ("beta", "follow"),
    ),
    BadFile("bad-url-feeds", lambda n: [alpha(n), beta(n, feeds=["not a url"])], ("beta", "feeds")),
    BadFile("bad-url-sitemaps", lambda n: [alpha(n), beta(n, sitemaps=["http://"])], ("beta", "sitemaps")),
    BadFile(
        "bad-url-start_urls",
        lambda n: [alpha(n), beta(n, start_urls=["www.example.com/news/"])],
        ("beta", "start_urls"),
    ),
    BadFile("bad-url-proxy", lambda n: [alpha(n), beta(n, proxy="not a proxy")], ("beta", "proxy")),
    BadFile(
        "no-discovery-key",
        lambda n: [alpha(n), {"name": "beta", "language": "en"}],
        ("beta", "feeds|sitemaps|start_urls"),
    ),
]


def _write(case: BadFile, network: Network, directory: Path, write_sources) -> Path:
    content = case.content(network)
    if isinstance(content, str):
        path = directory / "sources.toml"
        path.write_text(content, encoding="utf-8")
        return path
    return write_sources(directory, content)


def _assert_refused(proc, patterns: tuple[str, ...]) -> None:
    assert proc.returncode == 2, describe(proc)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert 1 <= len(lines) <= 2, describe(proc)  # one clear message, not a log
    assert any(all(re.search(p, line) for p in patterns) for line in lines), (patterns, lines)


@pytest.mark.parametrize("command", ["crawl", "sources"])
@pytest.mark.parametrize("case", BAD_FILES, ids=lambda case: case.id)
def test_bad_sources_file_is_refused_before_any_request(
    case: BadFile, command: str, network: Network, run_cli, write_sources, tmp_path: Path
):
    path = _write(case, network, tmp_path, write_sources)
    if command == "crawl":
        args = crawl_args("--all", sources=path, db=tmp_path / "corpus.db")
    else:
        args = ["sources", "--sources", str(path)]
    network.served.clear_requests()
    proc = run_cli(*args, cwd=tmp_path)
    _assert_refused(proc, case.patterns)
    assert network.snapshot() == []


def test_bad_source_refuses_the_whole_file_even_when_crawling_a_good_one(
    network: Network, run_cli, write_sources, tmp_path: Path
):
    write_sources(tmp_path, [alpha(network), beta(network, schedule="hourly")])
    network.served.clear_requests()
    proc = run_cli(*crawl_args("alpha"), cwd=tmp_path)  # ./sources.toml, ./corpus._db
    _assert_refused(proc, ("beta", "schedule"))
    assert network.snapshot() == []


@pytest.mark.parametrize("how", ["default-path", "option", "environment"])
def test_missing_sources_file(how: str, run_cli, tmp_path: Path):
    missing = tmp_path / "nowhere" / "sources.toml"
    if how == "default-path":
        proc = run_cli(*crawl_args("--all"), cwd=tmp_path)
    elif how == "option":
        proc = run_cli("sources", "--sources", missing, cwd=tmp_path)
    else:
        proc = run_cli("sources", cwd=tmp_path, env={"WIRECRAWL_SOURCES": str(missing)})
    assert proc.returncode == 2, describe(proc)
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "publishers.example.toml" in lines[0]


GOOD_NAMES = ("alpha", "beta", "gamma-news_2")


def _good_sources(network: Network) -> list[dict[str, object]]:
    return [
        alpha(network),
        beta(network, allow=r"/20\d\d/", deny=r"/(video|live)/", language="en"),
        {
            "name": "gamma-news_2",
            "start_urls": [network.url("listing", "/news/")],
            "follow": r"/news/\?page=\d+$",
            "feeds": [network.url("rdf", "/index.rdf")],
            "language": "de",
            "proxy": "http://127.0.0.1:3128",
            "settings": {"DOWNLOAD_TIMEOUT": 20, "ROBOTSTXT_OBEY": True, "USER_AGENT": "wirecrawl/gamma"},
        },
    ]


@pytest.mark.parametrize("how", ["option", "environment", "default-path"])
def test_sources_command_lists_a_good_file(how: str, network: Network, run_cli, write_sources, tmp_path: Path):
    if how == "default-path":
        write_sources(tmp_path, _good_sources(network))
        proc = run_cli("sources", cwd=tmp_path)
    else:
        path = write_sources(tmp_path, _good_sources(network), filename="my-sources.toml")
        if how == "option":
            proc = run_cli("sources", "--sources", path, cwd=tmp_path)
        else:
            proc = run_cli("sources", cwd=tmp_path, env={"WIRECRAWL_SOURCES": str(path)})
    assert proc.returncode == 0, describe(proc)
    assert "Traceback" not in proc.stderr
    for name in GOOD_NAMES:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", proc.stdout), (name, proc.stdout)


HELP = {
    (): ("crawl", "sources", "stats", "search", "extract", "demo"),
    ("crawl",): ("--all", "--sources", "--db", r"(?<![\w-])-s\b"),
    ("sources",): ("--sources",),
    ("stats",): ("--db",),
    ("search",): ("--language", "--limit", "--db"),
    ("extract",): ("--url",),
    ("demo",): (),
}


@pytest.mark.parametrize("command", list(HELP), ids=lambda c: " ".join(c) or "wirecrawl")
def test_help(command: tuple[str, ...], run_cli, tmp_path: Path):
    proc = run_cli(*command, "--help", cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    assert "usage" in proc.stdout.lower()
    for pattern in HELP[command]:
        assert re.search(pattern, proc.stdout), (pattern, proc.stdout)


def test_console_script(tmp_path: Path):
    script = Path(sys.executable).with_name("wirecrawl")
    if not script.exists():
        pytest.skip("the wirecrawl console script is not installed next to this interpreter")
    proc = subprocess.run(
        [str(script), "--help"],
        cwd=tmp_path,
        env=cli_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, describe(proc)
    for command in HELP[()]:
        assert command in proc.stdout


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("PIPELINE_WORKERS=two", "PIPELINE_WORKERS='two' is not a whole number of 0 or more"),
        ("PIPELINE_WORKERS=-1", "PIPELINE_WORKERS='-1' is not a whole number of 0 or more"),
        ("CONCURRENT_REQUESTS=many", "CONCURRENT_REQUESTS='many' is not a whole number"),
        ("ROBOTSTXT_OBEY=maybe", "ROBOTSTXT_OBEY='maybe' is not true or false"),
    ],
)
def test_a_setting_of_the_wrong_type_is_refused_in_one_line(
    setting: str, message: str, network: Network, run_cli, write_sources, tmp_path: Path
):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    before = len(network.snapshot())
    result = run_cli(*crawl_args("--all", sources=sources, db=tmp_path / "c.db", settings=[setting]), cwd=tmp_path)
    assert result.returncode == 2, describe(result)
    assert result.stderr.strip() == f"wirecrawl: setting {message}"
    assert len(network.snapshot()) == before  # nothing was fetched
