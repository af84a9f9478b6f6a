"""Second opinions: the body a page declares (JSON-LD ``articleBody``, ``itemprop="articleBody"``)
checks the extraction, on small pages built here."""

import json

import trafilatura
from fixtures.harbour_story import STORY
from lxml import html as lxml_html
from trafilatura.settings import Document

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, process_page
from pipelines.core.declared import DeclaredBody, agreement, can_judge, declared_body
from pipelines.core.extraction import ArticleExtractor

URL = "https://courier.example/news/2026/11/harbour-channel"
STANDFIRST = "The port's biggest project in a generation gets the go-ahead after two years of studies and hearings."
HEADING = "What happens next"
#: What sites put after an article in the same container, in no element that says so.
AFTER = [
    "- Harbour Lights, a novel by Ann Reed, Seaside Press 2026, 320 pages",
    "- The Tide Tables, essays by Tom Hale, Quay Books 2025, 210 pages",
    "Your subscription is being used on another device. Change your plan to share it.",
]


def body_of(declared, after=AFTER):
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": declared})
    items = "".join(f"<li>{line[2:]}</li>" for line in after if line.startswith("- "))
    rest = "".join(f"<p>{line}</p>" for line in after if not line.startswith("- "))
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour | Courier</title>
    <script type="application/ld+json">{ld}</script></head>
    <body><main><article><h1>Harbour channel to be deepened</h1><p>{STANDFIRST}</p>
    {"".join(f"<p>{p}</p>" for p in STORY[:2])}<h2>{HEADING}</h2>{"".join(f"<p>{p}</p>" for p in STORY[2:])}
    <ul>{items}</ul>{rest}</article></main></body></html>"""
    settings = project_settings()
    found = process_page(
        FetchedPage(URL, page.encode(), {"Content-Type": "text/html; charset=utf-8"}),
        CoreOptions.from_settings(settings),
    )
    return found.finished.text.split("\n\n")


def test_a_complete_declared_body_drops_what_it_leaves_out_after_the_article_begins():
    """The book list and the paywall message leave; the standfirst and the subheading, which
    declared bodies leave out while the article has them, stay."""
    assert body_of(" ".join(STORY)) == [STANDFIRST, *STORY[:2], HEADING, *STORY[2:]]


def test_a_teaser_body_confirms_nothing():
    assert body_of(STORY[0]) == [STANDFIRST, *STORY[:2], HEADING, *STORY[2:], *AFTER]


def test_without_a_declared_body_nothing_changes():
    assert body_of("") == [STANDFIRST, *STORY[:2], HEADING, *STORY[2:], *AFTER]


def test_the_declared_body_is_read_without_its_markup():
    tree = lxml_html.fromstring(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "articleBody": "<p>Work begins &amp; lasts three years in the estuary.</p>"}'
        "</script></head><body></body></html>"
    )
    body = declared_body(tree)
    assert body is not None and body.words == ["work", "begins", "lasts", "three", "years", "in", "the", "estuary"]
    assert body.holds("Work begins & lasts three years") and not body.holds("Sign up for our newsletter today")


def test_agreement_and_whether_a_body_can_judge():
    body = DeclaredBody(" ".join(STORY))
    assert agreement(body, " ".join(STORY)) == 1.0
    assert 0 < agreement(body, STORY[0]) < agreement(body, " ".join(STORY[:3])) < 1
    assert can_judge(body, " ".join(STORY), STORY[0])
    # A JSON-LD teaser cannot judge, however short one of the texts; a marked container can.
    assert not can_judge(DeclaredBody(STORY[0]), " ".join(STORY), STORY[0])
    assert can_judge(DeclaredBody(STORY[0], marked=True), " ".join(STORY), STORY[0])


def second_opinion(monkeypatch, declared, first, recall):
    """The text the extractor keeps when trafilatura's default mode gives ``first`` and its recall mode ``recall``."""
    passes = []

    def fake(tree, url, with_metadata, **options):
        passes.append(options["favor_recall"])
        return Document() if recall is None else _document(recall)

    monkeypatch.setattr(trafilatura, "bare_extraction", fake)
    ld = json.dumps({"@type": "NewsArticle", "articleBody": declared})
    tree = lxml_html.fromstring(
        f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'
    )
    return ArticleExtractor.from_settings(project_settings())._second_opinion(tree, URL, first), passes


def _document(text):
    document = Document()
    document.text = text
    return document


def test_the_recall_mode_is_asked_only_on_disagreement_and_kept_when_closer(monkeypatch):
    article = "\n".join(STORY)
    teasers = "\n".join(f"Other story {n}: the council debates the budget again" for n in range(8))
    assert second_opinion(monkeypatch, " ".join(STORY), article, None) == (article, [])
    assert second_opinion(monkeypatch, " ".join(STORY), f"{article}\n{teasers}", article) == (article, [True])
    # The other mode is no closer: the first text stays.
    assert second_opinion(monkeypatch, " ".join(STORY), f"{article}\n{teasers}", teasers)[0] == f"{article}\n{teasers}"
    # A teaser body cannot judge: the shorter text would always win.
    assert second_opinion(monkeypatch, STORY[0], article, STORY[0])[0] == article
