"""Pages nested deeper than the HTML parser's default limit keep their article."""

from __future__ import annotations

import pytest

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, NotAnArticle, process_page
from pipelines.core.parsing import parse_html

PARAGRAPHS = [
    "The harbour authority approved the new ferry timetable on Tuesday after months of talks with operators.",
    "Crossings to the outer islands will run every forty minutes in summer and hourly through the winter.",
    "Residents had asked for earlier morning departures so that pupils reach the mainland schools on time.",
    "The operators said the change needs two more crews, who will be hired and trained before the spring.",
    "Fares stay as they are this year; a review of the concession tickets is planned for the autumn session.",
]


def nested(depth: int) -> str:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        "<html><head><title>Ferry timetable approved</title></head><body>"
        + "<div>" * depth
        + f"<article><h1>Ferry timetable approved</h1>{body}</article>"
        + "</div>" * depth
        + "</body></html>"
    )


def options() -> CoreOptions:
    return CoreOptions.from_settings(project_settings())


@pytest.mark.parametrize("depth", [10, 300, 1500])
def test_an_article_nested_deep_keeps_its_text(depth: int) -> None:
    page = FetchedPage("https://news.example/ferry", nested(depth).encode(), {"Content-Type": "text/html"}, {}, "feed")
    text = process_page(page, options()).finished.text
    assert all(paragraph in text for paragraph in PARAGRAPHS)


def test_the_wrappers_of_a_deep_page_are_unwrapped_and_its_text_kept() -> None:
    tree = parse_html(nested(600))
    assert max(sum(1 for _ in element.iterancestors()) for element in tree.iter()) < 10
    assert all(paragraph in tree.text_content() for paragraph in PARAGRAPHS)


def test_a_page_deeper_than_the_raised_limit_says_so() -> None:
    with pytest.raises(NotAnArticle) as refused:
        parse_html(nested(2100))
    assert refused.value.reason == "too_deep"
