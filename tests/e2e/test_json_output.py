"""Machine-readable output: `--json` on `search` (JSON lines), `stats` (one document; with
--runs, JSON lines), `sources` (JSON lines); `extract -` reads one page from stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fixtures.runs import CLI_TIMEOUT, REPO_ROOT, db_rows, describe, run_cli

from crawler.testing.environment import cli_env

GOLDEN = REPO_ROOT / "tests" / "fixtures" / "golden" / "alwaha-date-exports-rise-12-percent.html.gz"


def _json_lines(proc) -> list[dict]:
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, describe(proc)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_search_json_is_one_object_per_story_as_the_lines_show(demo_db: Path):
    text = run_cli("search", "storm", "--db", demo_db, cwd=demo_db.parent)
    hits = _json_lines(run_cli("search", "storm", "--json", "--db", demo_db, cwd=demo_db.parent))
    assert hits and [hit["story_id"] for hit in hits] == [int(line.split()[0]) for line in text.stdout.splitlines()]
    assert set(hits[0]) == {"story_id", "copies", "language", "published", "title", "url"}


def test_stats_json_is_one_document_agreeing_with_the_corpus(demo_db: Path):
    (document,) = _json_lines(run_cli("stats", "--json", "--db", demo_db, cwd=demo_db.parent))
    articles = db_rows(demo_db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert document["totals"]["articles"] == articles
    assert sum(row["articles"] for row in document["sources"]) == articles
    assert {"languages", "runs"} <= set(document)


def test_stats_runs_json_is_one_object_per_run(demo_db: Path):
    runs = _json_lines(run_cli("stats", "--runs", "--json", "--db", demo_db, cwd=demo_db.parent))
    ids = [row["id"] for row in db_rows(demo_db, "SELECT id FROM crawl_runs ORDER BY id DESC")]
    assert [run["id"] for run in runs] == ids
    assert {"failures", "not_stored", "status"} <= set(runs[0])


def test_sources_json_is_one_object_per_source(tmp_path: Path):
    example = REPO_ROOT / "publishers.example.toml"
    text = run_cli("sources", "--sources", example, cwd=tmp_path)
    listed = _json_lines(run_cli("sources", "--sources", example, "--json", cwd=tmp_path))
    assert [source["name"] for source in listed] == [line.split()[0] for line in text.stdout.splitlines()]
    assert all(isinstance(source["feeds"], list) for source in listed)


def test_extract_reads_a_page_from_stdin_as_from_a_file(tmp_path: Path):
    url = "https://alwaha.example/akhbar/2026/11/25/date-exports-rise-12-percent/"
    (from_file,) = _json_lines(run_cli("extract", GOLDEN, "--url", url, cwd=tmp_path))
    piped = subprocess.run(
        [sys.executable, "-m", "crawler", "extract", "-", "--url", url],
        input=GOLDEN.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        env=cli_env(),
        timeout=CLI_TIMEOUT,
    )
    assert piped.returncode == 0, piped.stderr
    (from_stdin,) = [json.loads(line) for line in piped.stdout.decode().splitlines()]
    assert from_stdin["file"] == "-" and from_stdin["title"] and from_stdin["text"]
    assert {**from_stdin, "file": ""} == {**from_file, "file": ""}


def test_extract_stdin_without_url_is_refused_in_one_line(tmp_path: Path):
    proc = run_cli("extract", "-", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == "", describe(proc)
    assert proc.stderr.strip() == "wirecrawl: FILE - (a page on stdin) goes alone, with --url URL: its address"


def test_extract_explain_lists_each_removed_block_with_its_stage_and_evidence(tmp_path: Path):
    story = [
        "The harbour authority approved a plan on Monday to deepen the main shipping channel, a project "
        "that engineers say will let larger container vessels dock without waiting for the tide.",
        "Work is expected to begin in the spring and last about three years, with dredging limited to the "
        "winter months to protect spawning fish in the estuary.",
        "Environmental groups said they would study the final plan closely and had asked for independent "
        "monitoring of water quality during the works.",
    ]
    promo = '<p class="read-more">Also on Courier: <a href="/news/2026/11/tram">Tram works start on Marsh Lane</a></p>'
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour</title></head><body><main>'
        f"<article><h1>Harbour channel to be deepened</h1><p>{story[0]}</p>{promo}<p>{story[1]}</p>"
        f"<p>Advertisement</p><p>{story[2]}</p></article></main></body></html>",
        encoding="utf-8",
    )
    url = "https://courier.example/news/2026/11/harbour-channel"
    plain = run_cli("extract", page, "--url", url, cwd=tmp_path)
    proc = run_cli("extract", page, "--url", url, "--explain", cwd=tmp_path)
    (found,) = _json_lines(proc)
    assert found["text"] == "\n\n".join(story) == json.loads(plain.stdout)["text"]
    assert "removed" not in json.loads(plain.stdout) and plain.stderr == ""
    stages = {r["block"]: r["stage"] for r in found["removed"]}
    assert stages["Also on Courier: Tram works start on Marsh Lane"] == "structure"
    assert stages["Advertisement"] in ("model", "phrase") and all(r["evidence"] for r in found["removed"])
    lines = proc.stderr.splitlines()
    assert (
        f'{page}: removed by structure: "Also on Courier: Tram works start on Marsh Lane" (class or id readmore)'
        in lines
    )
    assert len(lines) == len(found["removed"])
