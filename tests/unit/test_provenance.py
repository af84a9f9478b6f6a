"""Provenance: what changed between a copy and its story's origin, and the lag behind it."""

import pytest
from fixtures.dedup_cases import CASES

from crawler.setting_checks import project_settings
from pipelines.core.identity import Fingerprinter
from pipelines.core.provenance import compare_copy, format_lag, instant, story_provenance

CEDAR = [case for case in CASES if case.base.key == "en-flood-cedar"]
BASE = CEDAR[0].base
PARAGRAPHS = BASE.text.split("\n\n")
FINGERPRINTER = Fingerprinter.from_settings(project_settings())


def changes(title, text):
    return compare_copy(BASE.title, BASE.text, title, text, FINGERPRINTER).changes


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("exact", ()),
        ("headline", ("rewritten headline",)),
        ("dropped_end", ("truncated",)),
        ("added_end", ("extended",)),
        ("words_changed", ("edited",)),
        ("read_more", ("edited",)),
    ],
)
def test_what_changed_is_named(kind, expected):
    (case,) = [case for case in CEDAR if case.kind == kind]
    assert changes(case.title, case.text) == expected


def test_a_truncated_copy_keeps_its_share_of_the_origin():
    copy = compare_copy(BASE.title, BASE.text, "Other headline", "\n\n".join(PARAGRAPHS[:3]), FINGERPRINTER)
    assert copy.changes == ("truncated", "rewritten headline")
    assert copy.containment == 1.0 and copy.jaccard < 0.6
    assert 0.3 < copy.kept < 0.6 and copy.added_words == 0


def test_a_dropped_lead_is_not_a_truncation():
    assert changes(BASE.title, "\n\n".join(PARAGRAPHS[2:])) == ("lead dropped",)


def test_times_compare_as_instants():
    assert instant("2026-11-20T09:00:00+01:00") == instant("2026-11-20T08:00:00Z")
    assert instant("2026-11-20") == instant("2026-11-20T00:00:00+00:00")
    assert instant("yesterday") is None and instant(None) is None


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(45 * 60, "+45m"), (2 * 3600 + 300, "+2h05m"), (3 * 86400 + 4 * 3600, "+3d04h"), (-600, "-10m"), (None, "?")],
)
def test_lags_read_as_people_write_them(seconds, shown):
    assert format_lag(seconds) == shown


def test_the_lag_is_by_publication_when_both_are_dated_else_by_fetch():
    def row(id, published, fetched_at, text=BASE.text):
        return {
            "id": id,
            "source": f"s{id}",
            "url": f"https://s{id}.example/a",
            "title": BASE.title,
            "language": "en",
            "published": published,
            "fetched_at": fetched_at,
            "credited_source": None,
            "credit": None,
            "text": text,
        }

    story = {
        "id": 1,
        "title": BASE.title,
        "language": "en",
        "copies": 3,
        "first_seen": "x",
        "last_seen": "y",
        "origin_article_id": 1,
    }
    origin = row(1, "2026-11-20T09:00:00+01:00", "2026-11-21T00:00:00Z")
    dated = row(2, "2026-11-20T08:30:00+00:00", "2026-11-22T00:00:00Z")
    undated = row(3, None, "2026-11-20T10:00:00Z")
    document = story_provenance(story, [origin, dated, undated], FINGERPRINTER)
    assert document["origin"]["id"] == 1
    assert [(c["id"], c["lag_seconds"], c["lag_basis"]) for c in document["copies"]] == [
        (2, 1800.0, "published"),
        (3, 7200.0, "fetched"),
    ]
    assert document["copies"][0]["changes"] == ()
