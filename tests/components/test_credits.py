"""Syndication credits leave the body and are kept: ``credit`` (the lines) and ``credited_source`` (the outlet).

Each page is built here: an article of four paragraphs and a credit in one of its forms, at
the end or the top, in several languages; the prose that merely mentions an outlet stays.
"""

import pytest
from fixtures.furniture_sites import ARTICLES
from fixtures.harbour_story import STORY
from fixtures.port_pages import item_from, page, run_stages

from crawler.process.shared_corpus import corpus_for
from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, process_page


def options(**overrides):
    settings = project_settings()
    settings.setdict(overrides)
    return CoreOptions.from_settings(settings)


def article(body_html, head="", url="https://port.example/news/2026/11/harbour-channel"):
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour channel | Port News</title>
    {head}</head><body><header><nav><a href="/">Home</a></nav></header><main><article>
    <h1>Harbour channel to be deepened</h1>{body_html}</article></main><footer><p>© Port News</p></footer></body></html>"""
    return process_page(FetchedPage(url, html.encode(), {"Content-Type": "text/html; charset=utf-8"}), options())


def paragraphs(lines):
    return "".join(f"<p>{line}</p>" for line in lines)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("This post was first published by Grist and is republished with permission.", "Grist"),
        ("A version of this story first ran in The Marsh Gazette.", "The Marsh Gazette"),
        ("This article originally appeared on Harbour Weekly.", "Harbour Weekly"),
        ("Distributed by Coastline Syndicate.", "Coastline Syndicate"),
        ("Syndicated via Tidewire.", "Tidewire"),
        ("This article is republished from The Conversation under a Creative Commons license.", "The Conversation"),
        ("Dieser Artikel erschien zuerst bei Hafenblatt.", "Hafenblatt"),
        ('Dieser Beitrag ist zuerst auf "Küstenpost" erschienen.', "Küstenpost"),
        ("Cet article a été initialement publié dans Le Littoral.", "Le Littoral"),
        ("Este artículo fue publicado originalmente en Diario del Puerto.", "Diario del Puerto"),
        ("Este artigo foi publicado originalmente no Jornal da Costa.", "Jornal da Costa"),
        ("Questo articolo è stato pubblicato originariamente su Il Porto.", "Il Porto"),
        ("Dit artikel verscheen eerder in Havenkrant.", "Havenkrant"),
        ("Статья впервые опубликована в издании Морской вестник.", "Морской вестник"),
        ("Artykuł pierwotnie ukazał się w Gazecie Portowej.", "Gazecie Portowej"),
        ("本文首发于港口日报。", "港口日报"),
        ("この記事は港湾新聞に掲載されたものです。", "港湾新聞"),
        ("Bu makale ilk olarak Liman Haber'de yayımlandı.", "Liman Haber"),
    ],
)
def test_a_credit_line_at_the_end_leaves_the_text_and_names_its_outlet(line, outlet):
    found = article(paragraphs([*STORY, line]))
    assert found.finished.text.split("\n\n") == STORY
    assert found.credit == line
    assert found.credited_source == outlet


#: Each credit form of the syndication sites, per language: the outlet, then the forms
#: ("first published by X and republished with permission", "a version of this story first
#: ran in X", "originally appeared on X", "distributed by X", "syndicated via X", a bare name).
CREDIT_FORMS = {
    "en": (
        "Harbour Weekly",
        (
            "This post was first published by {} and is republished with permission.",
            "A version of this story first ran in {}.",
            "This article originally appeared on {}.",
            "Distributed by {}.",
            "Syndicated via {}.",
            "{}.",
        ),
    ),
    "de": (
        "Hafenblatt",
        (
            "Dieser Beitrag wurde zuerst von {} veröffentlicht und mit Genehmigung übernommen.",
            "Eine frühere Fassung dieses Textes erschien zuerst bei {}.",
            "Dieser Artikel erschien ursprünglich auf {}.",
            "Verbreitet von {}.",
            "Syndiziert über {}.",
            "{}.",
        ),
    ),
    "fr": (
        "Le Littoral",
        (
            "Cet article a d'abord été publié par {} et est republié avec autorisation.",
            "Une version de cet article a d'abord paru dans {}.",
            "Cet article est paru initialement sur {}.",
            "Distribué par {}.",
            "Syndiqué via {}.",
            "{}.",
        ),
    ),
    "es": (
        "Diario del Puerto",
        (
            "Este artículo fue publicado primero por {} y se reproduce con permiso.",
            "Una versión de esta historia se publicó primero en {}.",
            "Este artículo apareció originalmente en {}.",
            "Distribuido por {}.",
            "Sindicado a través de {}.",
            "{}.",
        ),
    ),
    "ru": (
        "Морской вестник",
        (
            "Материал впервые опубликован изданием «{}» и перепечатан с разрешения.",
            "Версия этого материала впервые вышла в «{}».",
            "Эта статья первоначально появилась на сайте «{}».",
            "Распространяется агентством «{}».",
            "Материал предоставлен «{}».",
            "«{}».",
        ),
    ),
}


@pytest.mark.parametrize("where", ["top", "end"])
@pytest.mark.parametrize(
    "form", range(6), ids=["republished", "version", "originally", "distributed", "syndicated", "bare"]
)
@pytest.mark.parametrize("lang", sorted(CREDIT_FORMS))
def test_every_credit_form_leaves_the_text_for_credit_in_each_language(lang, form, where):
    """A credit line, in each form of the syndication sites, at the top or the end of an
    article in the credit's language, is never in the text, and is the credit."""
    outlet, forms = CREDIT_FORMS[lang]
    line = forms[form].format(outlet)
    story = list(ARTICLES[lang].paragraphs)
    found = article(paragraphs([line, *story] if where == "top" else [*story, line]))
    assert found.finished.text.split("\n\n") == story
    assert found.credit == line
    assert found.credited_source == outlet


def test_a_credit_at_the_top_leaves_the_text_too():
    line = "This article was originally published on Harbour Weekly."
    found = article(paragraphs([line, *STORY]))
    assert found.finished.text.split("\n\n") == STORY
    assert (found.credit, found.credited_source) == (line, "Harbour Weekly")


def test_a_credit_marked_by_its_element_is_one_in_any_language():
    # Finnish: no phrase list knows it; the element's class says what it is.
    line = 'Juttu julkaistiin alun perin <a href="https://satamalehti.example/juttu">Satamalehdessä</a>.'
    found = article(paragraphs(STORY) + f'<p class="story-credit">{line}</p>')
    assert found.finished.text.split("\n\n") == STORY
    assert found.credit == "Juttu julkaistiin alun perin Satamalehdessä."
    assert found.credited_source == "Satamalehdessä"


def test_a_bare_outlet_line_at_the_end_is_a_credit():
    found = article(paragraphs([*STORY, "Marsh Gazette."]))
    assert found.finished.text.split("\n\n") == STORY
    assert (found.credit, found.credited_source) == ("Marsh Gazette.", "Marsh Gazette")


def test_a_canonical_on_another_site_names_the_original_without_a_credit_line():
    found = article(paragraphs(STORY), head='<link rel="canonical" href="https://www.marshgazette.example/a/1">')
    assert found.finished.text.split("\n\n") == STORY
    assert (found.credit, found.credited_source) == (None, "marshgazette.example")


@pytest.mark.parametrize(
    "prose",
    [
        "Reuters reported on Tuesday that the authority had been first published in a list of ports to be deepened.",
        "The study was first published in Nature in 2019 and has since been cited by engineers across Europe.",
        "Photo of the estuary. (Photo: Port News)",
    ],
)
def test_prose_that_mentions_an_outlet_stays(prose):
    found = article(paragraphs([STORY[0], prose, *STORY[1:]]))
    assert prose.split(" (Photo")[0] in found.finished.text or prose.startswith("Photo")
    assert found.credit is None


def test_a_dateline_is_not_a_credit():
    found = article(paragraphs([*STORY, "First published on Nov 20, 2019 01:38 pm"]))
    assert found.credit is None


def test_a_credit_the_extractor_left_out_is_kept_all_the_same():
    """trafilatura drops notes after an article; the credit among them is still the article's provenance."""
    note = '<p class="syndication-note">This article originally appeared on Harbour Weekly.</p>'
    found = article(
        paragraphs(STORY) + note + '<div class="mc4wp-form"><p>Get our briefing</p><input type="email"></div>'
    )
    assert found.finished.text.split("\n\n") == STORY
    assert (found.credit, found.credited_source) == (
        "This article originally appeared on Harbour Weekly.",
        "Harbour Weekly",
    )


def test_a_picture_credit_is_not_a_syndication_credit():
    figure = '<figure><img src="/a.jpg"><figcaption class="credit">Harbour Weekly</figcaption></figure>'
    found = article(paragraphs(STORY) + figure)
    assert found.credit is None


def test_with_cleaning_off_the_credit_stays_in_the_text():
    html = f"<html><body><article>{paragraphs([*STORY, 'Distributed by Coastline Syndicate.'])}</article></body></html>"
    url = "https://port.example/news/2026/11/harbour-channel"
    found = process_page(FetchedPage(url, html.encode()), options(CLEAN_ENABLED=False))
    assert found.finished.text.endswith("Distributed by Coastline Syndicate.")
    assert found.credit is None


def test_the_crawl_stores_the_credit_and_its_outlet(crawler):  # noqa: F811
    line = "This story originally appeared in The Marsh Gazette and is republished with permission."
    item = run_stages(crawler, item_from(page([*STORY, line])))
    assert item.credit == line
    db = corpus_for(crawler)._db
    text, credit, source = db.execute("SELECT text, credit, credited_source FROM articles").fetchone()
    assert line not in text
    assert (credit, source) == (line, "The Marsh Gazette")
