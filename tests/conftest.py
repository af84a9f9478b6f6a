"""Shared fixtures: run the CLI in a subprocess, write sources files, serve the fixture network,
a Redis of the test's own; at the end, which optional groups ran. The helpers they hand out live
in ``tests/fixtures/runs.py``, which tests import (never this file)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fixtures import sites
from fixtures.runs import (
    CrawlRun,
    Network,
    crawl,
    db_rows,
    describe,
    run_cli,
    write_sources,
)

from crawler.testing.localsites import LocalSites
from crawler.testing.redis_server import RedisServer, start_redis


@pytest.fixture(scope="session", name="run_cli")
def run_cli_fixture() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli(*args, cwd=..., env=None)``: run the CLI, return the CompletedProcess."""
    return run_cli


@pytest.fixture(scope="session", name="write_sources")
def write_sources_fixture() -> Callable[..., Path]:
    """``write_sources(directory, list_of_dicts, filename="sources.toml") -> Path``."""
    return write_sources


@pytest.fixture(scope="session", name="db_rows")
def db_rows_fixture() -> Callable[..., list[dict[str, object]]]:
    """``db_rows(db, sql, *params) -> list[dict]``."""
    return db_rows


@pytest.fixture(scope="session", name="crawl")
def crawl_fixture() -> Callable[..., CrawlRun]:
    """``crawl(network, *targets, cwd=..., sources=None, db=None, settings=(), env=None) -> CrawlRun``."""
    return crawl


@pytest.fixture(scope="session")
def network() -> Iterator[Network]:
    """Every site of :data:`sites.NETWORK`, each on its own port.

    Shared by the whole session (shutting 15 servers down takes seconds): whoever reads the
    request log clears it first (:func:`crawl` does).
    """
    with LocalSites([spec.site() for spec in sites.NETWORK.values()]) as served:
        yield Network(served)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus, crawled once per test session; tests only read it."""
    directory = tmp_path_factory.mktemp("demo")
    result = run_cli("demo", "--db", directory / "demo.db", cwd=directory)
    assert result.returncode == 0, describe(result)
    return directory / "demo.db"


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of the test's own, stopped at teardown; the test is skipped where redis-server is absent."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (Debian package redis-server; .ci/run installs it)")
    directory = tmp_path / "redis"
    directory.mkdir()
    server = start_redis(binary, directory)
    try:
        yield server
    finally:
        server.stop()


#: Test files that need a tool beyond Python, by the group's name.
OPTIONAL_GROUPS = {"browser": "tests/e2e/test_browser.py", "cluster": "tests/e2e/test_cluster.py"}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One line per optional group: how many of its tests ran, or that it was skipped and why."""
    reports = [report for key in ("passed", "failed", "skipped") for report in terminalreporter.stats.get(key, [])]
    lines = []
    for group, path in OPTIONAL_GROUPS.items():
        mine = [report for report in reports if report.nodeid.startswith(path) and report.when in ("call", "setup")]
        ran = {report.nodeid for report in mine if not report.skipped}
        skipped = {report.longrepr[2].removeprefix("Skipped: ") for report in mine if report.skipped}
        if ran:
            lines.append(f"{group}: {len(ran)} tests ran")
        elif skipped:
            lines.append(f"{group}: skipped, {'; '.join(sorted(skipped))}")
    if lines:
        terminalreporter.write_sep("-", "optional groups")
        for line in lines:
            terminalreporter.write_line(line)
