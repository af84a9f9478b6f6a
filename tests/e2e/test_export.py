"""The corpus for other tools: `wirecrawl export` (JSON lines or CSV, filtered, streamed) and the
README's SQL examples, run as written on the demo corpus."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures.runs import REPO_ROOT, db_rows, describe, run_cli

from storage.corpus import Corpus
from storage.export import export_corpus


@pytest.fixture(scope="module")
def corpus(demo_db: Path) -> Iterator[Corpus]:
    opened = Corpus(demo_db, create=False)
    yield opened
    opened.close()


def exported(corpus: Corpus, **options: object) -> list[dict[str, object]]:
    out = io.StringIO()
    count = export_corpus(corpus._db, out, **options)
    lines = out.getvalue().splitlines()
    assert len(lines) == count
    return [json.loads(line) for line in lines]


def test_every_article_is_one_json_object_with_its_story(corpus, demo_db):
    articles = exported(corpus)
    stored = db_rows(demo_db, "SELECT id, story_id, url, text FROM articles ORDER BY id")
    assert [(a["id"], a["story_id"], a["url"], a["text"]) for a in articles] == [tuple(row.values()) for row in stored]
    storm = [a for a in articles if a["title"].startswith("Storm Petra")]
    assert len({a["story_id"] for a in storm}) == 1 and sum(a["representative"] for a in storm) == 1


def test_each_article_says_whether_it_is_its_storys_origin_and_whom_it_credits(corpus, demo_db):
    articles = exported(corpus)
    origins = {row["origin_article_id"] for row in db_rows(demo_db, "SELECT origin_article_id FROM stories")}
    assert {a["id"] for a in articles if a["origin"]} == origins
    credited = db_rows(demo_db, "SELECT id, credit, credited_source FROM articles WHERE credited_source IS NOT NULL")
    assert credited, "the demo has a copy crediting its origin"
    by_id = {a["id"]: a for a in articles}
    assert all(
        (by_id[row["id"]]["credit"], by_id[row["id"]]["credited_source"]) == (row["credit"], row["credited_source"])
        for row in credited
    )


def test_an_output_file_ending_in_csv_is_written_as_csv(demo_db, tmp_path):
    proc = run_cli("export", "--db", demo_db, "--stories-only", "--output", "stories.csv", cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "stories.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 25 and {"origin_source", "origin_url", "copies"} <= set(rows[0])
    proc = run_cli("export", "--db", demo_db, "--output", "articles.csv", "--format", "jsonl", cwd=tmp_path)
    assert proc.returncode == 0, describe(proc)
    assert json.loads((tmp_path / "articles.csv").read_text(encoding="utf-8").splitlines()[0])["id"] == 1


def test_since_and_language_filter_articles(corpus):
    recent = exported(corpus, since="2026-11-20", language="en")
    assert recent and all(a["language"] == "en" and a["published"] >= "2026-11-20" for a in recent)
    assert len(recent) < len(exported(corpus, language="en"))


def test_stories_only_gives_one_row_per_story_with_its_url(corpus):
    stories = exported(corpus, stories_only=True)
    assert len(stories) == 25 and sum(story["copies"] for story in stories) == 30
    assert all(story["url"].startswith("http://127.0.0.1:") for story in stories)


def test_csv_has_a_header_and_keeps_multiline_texts_in_one_field(corpus):
    out = io.StringIO()
    count = export_corpus(corpus._db, out, format="csv", language="zh")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == 3 and all("\n" in row["text"] for row in rows)


def test_export_cli_writes_stdout_or_a_file(corpus, demo_db, tmp_path):
    stdout = run_cli("export", "--db", demo_db, "--stories-only", "--language", "de", cwd=tmp_path)
    assert stdout.returncode == 0, describe(stdout)
    assert [json.loads(line)["language"] for line in stdout.stdout.splitlines()] == ["de"] * 3
    assert "exported 3 stories" in stdout.stderr
    target = tmp_path / "articles.csv"
    to_file = run_cli(
        "export", "--db", demo_db, "--format", "csv", "--since", "2026-11-24", "--output", target, cwd=tmp_path
    )
    assert to_file.returncode == 0 and to_file.stdout == "", describe(to_file)
    with target.open(encoding="utf-8", newline="") as written:
        assert len(list(csv.DictReader(written))) == len(exported(corpus, since="2026-11-24")) > 0


def test_export_refuses_a_missing_corpus_or_a_bad_date(tmp_path):
    missing = run_cli("export", "--db", tmp_path / "none.db", cwd=tmp_path)
    assert missing.returncode == 2 and "no corpus at" in missing.stderr and "Traceback" not in missing.stderr
    bad_date = run_cli("export", "--since", "yesterday", cwd=tmp_path)
    assert bad_date.returncode == 2 and "Traceback" not in bad_date.stderr


def readme_queries() -> list[str]:
    """The statements of every SQL block in the README and the documentation's pages."""
    pages = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md"))]
    blocks = [
        block for page in pages for block in re.findall(r"```sql\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    ]
    return [statement.strip() for block in blocks for statement in block.split(";") if statement.strip()]


def test_the_docs_have_the_sql_examples():
    assert len(readme_queries()) >= 7  # two in the README, five in docs/querying.md


@pytest.mark.parametrize("statement", readme_queries(), ids=lambda s: s.splitlines()[0].lstrip("- ")[:40])
def test_readme_sql_runs_as_written_on_the_demo_corpus(demo_db, statement):
    with contextlib.closing(sqlite3.connect(f"file:{demo_db}?mode=ro", uri=True)) as conn:
        assert conn.execute(statement).fetchall()
