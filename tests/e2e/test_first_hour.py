"""What a new user hits in the first hour: each mistake is refused in one line (exit status 2,
nothing written, nothing fetched), and what Scrapy ends on purpose is a normal end."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Network, crawl_args, describe


def _refused(proc, *expected: str) -> str:
    """The one line a refused command printed; asserts exit status 2 and no traceback."""
    assert proc.returncode == 2, describe(proc)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stdout, describe(proc)
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


# --- Settings: one check for -s and [sources.settings] ----------------------------------


@pytest.mark.parametrize(("setting", "expected"), [
    ({"DOWNLOAD_DELAY": "fast"}, "setting DOWNLOAD_DELAY='fast' is not a number"),
    ({"DOWNLOAD_DELAI": 2}, "unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)"),
])
@pytest.mark.parametrize("command", ["sources", "crawl"])
def test_a_bad_source_setting_is_refused_naming_the_source(setting, expected, command, network: Network, run_cli,
                                                           write_sources, tmp_path: Path):
    sources = write_sources(tmp_path, [{"name": "alpha", "feeds": [network.url("rss2", "/feed.xml")], "settings": setting}])
    network.served.clear_requests()
    if command == "sources":
        proc = run_cli("sources", "--sources", sources, cwd=tmp_path)
    else:
        proc = run_cli(*crawl_args("--all", sources=sources, db=tmp_path / "c.db"), cwd=tmp_path)
    _refused(proc, "source 'alpha'", expected)
    assert network.snapshot() == []
    assert not (tmp_path / "c.db").exists()


@pytest.mark.parametrize(("setting", "expected"), [
    ("NOSUCHSETTING=1", "wirecrawl: unknown setting NOSUCHSETTING"),
    ("DOWNLOAD_DELAI=2", "wirecrawl: unknown setting DOWNLOAD_DELAI (did you mean DOWNLOAD_DELAY?)"),
    ("EXTRACT_FAVOR=speed", "wirecrawl: setting EXTRACT_FAVOR='speed' is not one of '', 'precision', 'recall'"),
    ("LOG_LEVEL=loud", "wirecrawl: setting LOG_LEVEL='loud' is not one of"),
])
def test_an_unknown_setting_or_value_is_refused(setting, expected, network: Network, run_cli, write_sources,
                                                tmp_path: Path):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    network.served.clear_requests()
    proc = run_cli(*crawl_args("--all", sources=sources, db=tmp_path / "c.db", settings=[setting]), cwd=tmp_path)
    assert _refused(proc).startswith(expected)
    assert network.snapshot() == []
    assert not (tmp_path / "c.db").exists()


# --- Files that cannot be written --------------------------------------------------------


def test_a_log_file_in_a_missing_directory_is_refused(network: Network, run_cli, write_sources, tmp_path: Path):
    sources = write_sources(tmp_path, network.sources(["rss2"]))
    network.served.clear_requests()
    args = crawl_args("--all", sources=sources, db=tmp_path / "c.db")
    proc = run_cli(*args, "--log-file", tmp_path / "nowhere" / "x.log", cwd=tmp_path)
    _refused(proc, "--log-file", "nowhere")
    assert network.snapshot() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]
