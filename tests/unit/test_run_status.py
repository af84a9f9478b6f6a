"""A run's status from its spiders' close reasons: a limit the run was given is a normal end."""

import pytest

from crawler.components.extensions import finish_reason, run_status


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


@pytest.mark.parametrize(
    ("reason", "stats", "closed"),
    [
        ("finished", {}, "finished"),
        ("finished", {"wirecrawl/errors/http_404": 2}, "finished"),
        # the spider's last commit met a full disk after it had finished: the run failed all the same
        ("finished", {"wirecrawl/errors/corpus_full": 93}, "corpus_full"),
        ("finished", {"wirecrawl/errors/corpus": 1}, "corpus_error"),
        ("shutdown", {"wirecrawl/errors/corpus_full": 1}, "shutdown"),
    ],
)
def test_a_corpus_that_could_not_be_written_fails_the_run(reason, stats, closed):
    assert finish_reason(reason, stats) == closed
