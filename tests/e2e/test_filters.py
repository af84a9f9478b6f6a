"""`search` and `export` filtered by source, language and publication day; `search` takes FTS5
syntax (phrases, OR, prefixes) and quotes whatever is not valid FTS5, so no input is an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.runs import db_rows, describe, run_cli


def _lines(proc) -> list[str]:
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, describe(proc)
    return proc.stdout.splitlines()


def _search(demo_db: Path, *args: str) -> list[str]:
    return _lines(run_cli("search", *args, "--db", demo_db, cwd=demo_db.parent))


def _story_ids(lines: list[str]) -> set[int]:
    return {int(line.split()[0]) for line in lines}


def test_search_by_source_shows_only_that_sources_copies(demo_db: Path):
    lines = _search(demo_db, "storm", "--source", "meridian")
    urls = {row["url"] for row in db_rows(demo_db, "SELECT url FROM articles WHERE source = 'meridian'")}
    assert lines and all(line.rsplit("  ", 1)[-1] in urls for line in lines)


def test_search_by_day_keeps_the_stories_published_in_the_range(demo_db: Path):
    (row,) = db_rows(
        demo_db, "SELECT story_id, date(published) AS day FROM articles WHERE title LIKE '%Storm Petra%' LIMIT 1"
    )
    assert row["story_id"] in _story_ids(_search(demo_db, "storm", "--since", row["day"], "--until", row["day"]))
    assert row["story_id"] not in _story_ids(_search(demo_db, "storm", "--since", "2099-01-01"))
    assert row["story_id"] not in _story_ids(_search(demo_db, "storm", "--until", "2000-01-01"))


def test_search_or_finds_either_word(demo_db: Path):
    storm, tram = _story_ids(_search(demo_db, "storm")), _story_ids(_search(demo_db, "tram"))
    assert _story_ids(_search(demo_db, "storm OR tram")) == storm | tram
    assert not _story_ids(_search(demo_db, "storm tram")) >= storm | tram  # plain words: all of them


def test_search_a_phrase_matches_the_words_in_order(demo_db: Path):
    phrase = _story_ids(_search(demo_db, '"tram extension"'))
    assert phrase and phrase <= _story_ids(_search(demo_db, "tram extension"))
    assert not _story_ids(_search(demo_db, '"extension tram"'))


@pytest.mark.parametrize(
    "query", ['tram"', "(storm", "NEAR(", "nosuchcolumn:storm", "storm AND", 'storm"""', "storm-petra", "^storm"]
)
def test_search_input_that_is_not_valid_fts5_is_never_an_error(demo_db: Path, query: str):
    proc = run_cli("search", query, "--db", demo_db, cwd=demo_db.parent)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "fts5" not in proc.stderr, describe(proc)


@pytest.mark.parametrize("command", [("search", "storm"), ("export",)])
@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--since", "yesterday", "wirecrawl: --since 'yesterday' is not a day (YYYY-MM-DD"),
        ("--until", "2026-13-01", "wirecrawl: --until '2026-13-01' is not a day (YYYY-MM-DD"),
        ("--source", "nosuch", "wirecrawl: no source named 'nosuch'"),
    ],
)
def test_a_bad_filter_is_refused_in_one_line(demo_db: Path, tmp_path: Path, command, option, value, expected):
    proc = (
        run_cli(*command, option, value, "--db", demo_db, "--output", tmp_path / "out.jsonl", cwd=tmp_path)
        if (command == ("export",))
        else run_cli(*command, option, value, "--db", demo_db, cwd=tmp_path)
    )
    assert proc.returncode == 2 and proc.stdout == "", describe(proc)
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and proc.stderr.startswith(expected)
    assert not (tmp_path / "out.jsonl").exists()


def test_export_by_source_and_days(demo_db: Path):
    proc = run_cli("export", "--source", "meridian", "--until", "2026-11-05", "--db", demo_db, cwd=demo_db.parent)
    rows = [json.loads(line) for line in _lines(proc)]
    expected = db_rows(
        demo_db,
        "SELECT id FROM articles WHERE source = 'meridian' AND date(coalesce(published, fetched_at)) <= '2026-11-05'",
    )
    assert rows and [row["id"] for row in rows] == [row["id"] for row in expected]


def test_export_stories_of_a_source_are_those_it_carried(demo_db: Path):
    proc = run_cli("export", "--stories-only", "--source", "courier", "--db", demo_db, cwd=demo_db.parent)
    ids = {json.loads(line)["id"] for line in _lines(proc)}
    carried = {row["story_id"] for row in db_rows(demo_db, "SELECT story_id FROM articles WHERE source = 'courier'")}
    assert ids and ids == carried
