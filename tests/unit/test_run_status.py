"""A run's status from its spiders' close reasons: a limit the run was given is a normal end."""

import pytest

from crawler.components.extensions import run_status


@pytest.mark.parametrize(
    ("reasons", "errors", "status"),
    [
        (["finished", "finished"], 0, "finished"),
        (["finished"], 3, "finished_with_errors"),
        (["closespider_itemcount", "finished"], 0, "finished"),
        (["closespider_pagecount"], 0, "finished"),
        (["closespider_timeout"], 2, "finished_with_errors"),
        (["closespider_timeout_no_item"], 0, "finished"),
        (["closespider_errorcount"], 5, "failed"),
        (["cancelled"], 0, "failed"),
        (["shutdown", "closespider_itemcount"], 0, "interrupted"),
    ],
)
def test_run_status(reasons, errors, status):
    assert run_status(reasons, errors) == status
