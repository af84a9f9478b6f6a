"""Shared fixtures: run the CLI in a subprocess, write sources files, serve the fixture network.

The CLI always runs as ``python -m crawler`` with the interpreter running the tests, in a
temporary directory, with ``WIRECRAWL_*`` and proxy variables removed from its environment.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures import sites

from crawler.config import dump_sources
from crawler.testing.environment import cli_env
from crawler.testing.localsites import LocalSites, ServedRequest
from crawler.testing.redis_server import RedisServer, start_redis

REPO_ROOT = Path(__file__).resolve().parent.parent

#: Settings every test crawl passes with ``-s``: no throttling, no delay, parallel requests.
#: Backoff waits are short too: the sites are on loopback, and waiting is not what is tested.
FAST_SETTINGS = (
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "BACKOFF_BASE_DELAY=0.05",
)
#: Longest a command may take before the test gives up on it: a guard against a hang, not a
#: figure (a `demo` or a small crawl takes seconds; on a 2-core machine running two suites and
#: more, several times that).
CLI_TIMEOUT = 180
CRAWL_TIMEOUT = 300


# --------------------------------------------------------------------------------------
# Running the CLI
# --------------------------------------------------------------------------------------


def run_cli(
    *args: object, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = CLI_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m crawler ARGS`` in ``cwd``; ``env`` adds variables to the clean environment."""
    return subprocess.run(
        [sys.executable, "-m", "crawler", *map(str, args)],
        cwd=cwd,
        env=cli_env(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def crawl_args(
    *targets: str, sources: Path | None = None, db: Path | None = None, settings: Sequence[str] = ()
) -> list[str]:
    """Arguments of a fast ``crawl`` of ``targets`` (source names or ``--all``)."""
    args: list[str] = ["crawl"]
    if sources is not None:
        args += ["--sources", str(sources)]
    if db is not None:
        args += ["--db", str(db)]
    for setting in (*FAST_SETTINGS, *settings):
        args += ["-s", setting]
    return [*args, *targets]


def describe(proc: subprocess.CompletedProcess[str]) -> str:
    """The end of a finished command's output, for assertion messages."""
    return (
        f"exit status {proc.returncode}\n--- stdout ---\n{proc.stdout[-3000:]}\n--- stderr ---\n{proc.stderr[-5000:]}"
    )


@pytest.fixture(scope="session", name="run_cli")
def run_cli_fixture() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli(*args, cwd=..., env=None)``: run the CLI, return the CompletedProcess."""
    return run_cli


# --------------------------------------------------------------------------------------
# Sources files (a tiny TOML writer: strings, numbers, booleans, lists, one level of sub-table)
# --------------------------------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def write_sources(directory: Path, sources: Sequence[Mapping[str, object]], filename: str = "sources.toml") -> Path:
    """Write ``sources`` as a TOML sources file in ``directory``; return its path."""
    text = dump_sources(list(sources))
    assert tomllib.loads(text) == {"sources": _plain(list(sources))}, text  # the writer round-trips
    path = Path(directory) / filename
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="session", name="write_sources")
def write_sources_fixture() -> Callable[..., Path]:
    """``write_sources(directory, list_of_dicts, filename="sources.toml") -> Path``."""
    return write_sources


# --------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------


def db_rows(db: Path, sql: str, *params: object) -> list[dict[str, object]]:
    """Rows of ``sql`` on the SQLite file ``db``, as dicts."""
    assert Path(db).is_file(), f"no corpus at {db}"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(sql, params)]


def copy_db(source: Path, target: Path) -> Path:
    """A consistent copy of a (WAL-mode) SQLite database."""
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def corpus_is_consistent(db: Path) -> None:
    """integrity_check passes; every article has a story; each story's copies is its article count."""
    assert db_rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    assert db_rows(
        db, "SELECT count(*) AS n FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)"
    ) == [{"n": 0}]
    assert db_rows(
        db,
        """SELECT count(*) AS n FROM stories s
                          WHERE copies != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)
                             OR article_id NOT IN (SELECT id FROM articles)""",
    ) == [{"n": 0}]
    assert db_rows(db, "SELECT count(*) AS n FROM article_urls WHERE article_id NOT IN (SELECT id FROM articles)") == [
        {"n": 0}
    ]
    assert db_rows(
        db, "SELECT count(*) AS n FROM articles WHERE id NOT IN (SELECT article_id FROM article_fingerprints)"
    ) == [{"n": 0}]


def stored_articles(db: Path) -> int:
    """How many articles the corpus at ``db`` holds (0 before its schema exists)."""
    try:
        return db_rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    except Exception:  # noqa: BLE001 (the schema may not exist yet)
        return 0


@pytest.fixture(scope="session", name="db_rows")
def db_rows_fixture() -> Callable[..., list[dict[str, object]]]:
    """``db_rows(db, sql, *params) -> list[dict]``."""
    return db_rows


# --------------------------------------------------------------------------------------
# The served network and crawls of it
# --------------------------------------------------------------------------------------


@dataclass
class Network:
    """The fixture network of :data:`sites.NETWORK`, served."""

    served: LocalSites

    def url(self, name: str, path: str = "/") -> str:
        return self.served.url(name, path)

    @property
    def addresses(self) -> dict[str, str]:
        return {name: self.served.url(name) for name in sites.NETWORK}

    def sources(self, names: Iterable[str] | None = None) -> list[dict[str, object]]:
        """Source tables for ``names`` (default: every site)."""
        addresses = self.addresses
        return [sites.NETWORK[name].source(addresses) for name in (names or sites.NETWORK)]

    def snapshot(self) -> list[ServedRequest]:
        return list(self.served.requests)


@dataclass
class CrawlRun:
    """A finished ``crawl`` command and the requests the network received meanwhile."""

    proc: subprocess.CompletedProcess[str]
    cwd: Path
    db: Path
    requests: list[ServedRequest]

    def paths(self, site: str) -> list[str]:
        """Paths (with query) requested from ``site``, in order."""
        return [r.path for r in self.requests if r.site == site]

    def sites_requested(self) -> set[str]:
        return {r.site for r in self.requests}

    def describe(self) -> str:
        return describe(self.proc)


def crawl(
    network: Network,
    *targets: str,
    cwd: Path,
    sources: Path | None = None,
    db: Path | None = None,
    settings: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
) -> CrawlRun:
    """Run a fast crawl of ``targets`` and record the requests it made.

    Without ``db`` the CLI's default (./corpus._db in ``cwd``) is expected.
    """
    network.served.clear_requests()
    proc = run_cli(
        *crawl_args(*targets, sources=sources, db=db, settings=settings), cwd=cwd, env=env, timeout=CRAWL_TIMEOUT
    )
    return CrawlRun(proc, cwd, db if db is not None else cwd / "corpus.db", network.snapshot())


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


# --------------------------------------------------------------------------------------
# A Redis of the test's own (the cluster tests)
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# What ran: the groups that need tools the machine may lack, said at the end of the run
# --------------------------------------------------------------------------------------

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
