"""What a user types for a language, as the corpus's code."""

import pytest

from crawler.languages import language_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("english", "en"),
        ("English", "en"),
        ("Deutsch", "de"),
        ("german", "de"),
        ("Français", "fr"),
        ("zh", "zh"),
        ("Chinese", "zh"),
        ("日本語", "ja"),
        (" ru ", "ru"),
    ],
)
def test_codes_and_names_are_taken(text, code):
    assert language_code(text) == code


@pytest.mark.parametrize("text", ["xx", "", "eng lish", "en-gb"])
def test_what_names_no_language_is_none(text):
    assert language_code(text) is None
