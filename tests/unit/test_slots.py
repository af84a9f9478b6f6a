"""Structural slots and the site templates keyed by them: furniture found by where it sits, not by its words."""

from __future__ import annotations

import pytest
from fixtures.slot_sites import site_run

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, SiteTemplates, extract_page
from pipelines.core.cleaning import SlotRule
from storage.corpus import Corpus


@pytest.fixture(scope="module")
def options() -> CoreOptions:
    settings = project_settings()
    return CoreOptions.from_settings(settings)


def extracted(html: str, url: str, options: CoreOptions):
    return extract_page(
        FetchedPage(url, html.encode(), {"Content-Type": "text/html; charset=utf-8"}, {}, "feed"), options
    )


def slot_of(found, text: str) -> str:
    return next(slot for block, slot in zip(found.text.split("\n\n"), found.slots, strict=True) if text in block)


def test_the_same_box_in_other_words_languages_and_generated_classes_has_the_same_slot(options):
    english, japanese = (page for page in site_run() if page.lang in ("en", "ja"))
    assert english.html.count('class="sc-') and english.html.split('class="')[3] != japanese.html.split('class="')[3]
    slots = []
    for page in (english, japanese):
        found = extracted(page.html, page.url, options)
        assert len(found.slots) == len(found.text.split("\n\n"))
        slots.append(slot_of(found, page.furniture["newsletter"][0]))
    assert slots[0] == slots[1] != ""


def test_a_story_paragraph_and_a_signup_box_in_the_same_container_have_different_slots(options):
    page = site_run()[0]
    found = extracted(page.html, page.url, options)
    box = slot_of(found, page.furniture["newsletter"][0])
    story = {slot_of(found, paragraph) for paragraph in page.paragraphs}
    assert len(story) == 1 and box not in story
    assert box.split(" ")[0] == next(iter(story)).split(" ")[0]  # side by side in one container


STORY = "The harbour board approved the new ferry timetable after a long debate about costs and the winter service."
PLACES = ("Ashford", "Brockley", "Carnforth", "Dunmore", "Elsworth", "Fairlie", "Glenmoor", "Hartwell")
#: A sign-up box's text, in another language on each page: no two pages share its words or its shape.
SIGNUPS = (
    "Get our morning briefing in your inbox",
    "Recevez notre lettre du matin",
    "Holen Sie sich unseren Morgenüberblick",
    "Recibe nuestro boletín matinal",
    "Odbieraj nasz poranny przegląd",
)


def _page(number: int, box: str) -> tuple[list[str], tuple[str, ...]]:
    """A page's blocks and slots: four story paragraphs in one slot, a subheading, and ``box``'s block."""
    paragraphs = [f"{STORY} In {PLACES[number]} the {PLACES[n]} council will vote again in spring." for n in range(4)]
    blocks = [paragraphs[0], box, paragraphs[1], f"What {PLACES[number]} decided", *paragraphs[2:]]
    slots = ("div p[p]", "div div>p[button,p]", "div p[p]", "div h2[h2]", "div p[p]", "div p[p]")
    return blocks, slots


def test_a_box_seen_on_enough_pages_beside_the_story_goes_whatever_its_words():
    templates = SiteTemplates(Corpus.in_memory(), 3)
    became = []
    for number in range(5):
        blocks, slots = _page(number, SIGNUPS[number])
        result = templates.remove(f"https://port.example/{number}", blocks, slots)
        became.append(result.recleans)
        assert (blocks[1] in result.kept) == (number < 2), number
        assert [block for block in blocks if block != blocks[1]] == [b for b in result.kept if b != blocks[1]]
    assert became == [(), (), (("div div>p[button,p]", ""),), (), ()]
    why = dict(result.removed)[blocks[1]]
    assert "div div>p[button,p]" in why and "5 pages" in why


def test_a_fact_box_or_pull_quote_that_continues_the_story_stays():
    templates = SiteTemplates(Corpus.in_memory(), 3)
    for number in range(5):
        blocks, slots = _page(
            number, f"New ferry timetable approved by the board for {PLACES[number]}, winter service costs"
        )
        assert templates.remove(f"https://port.example/{number}", blocks, slots).kept == blocks


def test_the_rule_is_the_same_for_a_stored_article():
    blocks, slots = _page(7, "Newsletter: the morning briefing in your inbox")
    assert SlotRule().cut(blocks, slots, {slots[1]: "why", slots[3]: "why"}) == [None, "why", None, None, None, None]


def test_a_page_that_is_a_copy_of_a_story_teaches_nothing():
    corpus = Corpus.in_memory()
    templates = SiteTemplates(corpus, 2)
    blocks, slots = _page(1, "Newsletter: the morning briefing in your inbox")
    templates.remove("https://port.example/a", blocks, slots)
    templates.remove("https://port.example/b", blocks, slots)  # the same story again
    assert corpus.site_slot_counts("port.example", slots)["div div>p[button,p]"][0] == 1


def test_a_subheading_beside_the_story_paragraphs_counts_as_the_story_and_stays():
    corpus = Corpus.in_memory()
    templates = SiteTemplates(corpus, 3)
    for number in range(5):
        blocks, slots = _page(number, SIGNUPS[number])
        assert blocks[3] in templates.remove(f"https://port.example/{number}", blocks, slots).kept
    assert corpus.site_slot_counts("port.example", ["div h2[h2]"]) == {
        "div h2[h2]": (5, 5, pytest.approx(0.1, abs=0.05))
    }


QUOTES = (
    "We lost the harvest and the water reached the beds, but we are alive.",
    "I have never seen the river rise so fast in all my years here.",
    "Nobody came to help us for two whole days after the storm.",
    "My children were sleeping on the floor of the school gym that night.",
    "It will take months before the fields can be planted again, if ever.",
)


def test_a_quote_beside_the_story_paragraphs_stays_and_a_bio_in_a_box_of_its_own_goes():
    templates = SiteTemplates(Corpus.in_memory(), 3)
    for number in range(5):
        blocks, slots = _page(number, QUOTES[number])
        slots = (slots[0], "div blockquote>p[blockquote,p]", *slots[2:])
        bio = f"{PLACES[number]} writes about transport and has covered the city for the paper since 2015."
        result = templates.remove(f"https://port.example/{number}", [*blocks, bio], (*slots, "article div>p[p]"))
        assert result.kept[: len(blocks)] == blocks
        assert (bio in result.kept) == (number < 2)
