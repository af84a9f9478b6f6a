"""Structure before phrases: body blocks judged by their elements, on small pages built here.

Promos with lead-ins no phrase list knows, in several languages and under obfuscated class
names, leave the body; prose stays whatever box it is in; a table-layout portal is cleaned
by the same rules.
"""

import pytest
from fixtures.harbour_story import STORY
from lxml import html as lxml_html

from crawler.setting_checks import project_settings
from pipelines.core import CoreOptions, FetchedPage, process_page
from pipelines.core.structure import StructureRules, TextIndex, tokens

URL = "https://courier.example/news/2026/11/harbour-channel"


def options():
    settings = project_settings()
    return CoreOptions.from_settings(settings)


def body_of(article_html, url=URL):
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour | Courier</title></head>
    <body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Harbour channel to be deepened</h1>
    {article_html}</article></main><footer><p>© Courier</p></footer></body></html>"""
    found = process_page(FetchedPage(url, page.encode(), {"Content-Type": "text/html; charset=utf-8"}), options())
    return found.finished.text.split("\n\n")


def with_block(block):
    return "".join(f"<p>{p}</p>" for p in STORY[:2]) + block + "".join(f"<p>{p}</p>" for p in STORY[2:])


@pytest.mark.parametrize(
    "promo",
    [
        # A lead-in in the site's own words, in its own element with a semantic class.
        '<p class="read-more">Also on Courier: <a href="/news/2026/11/tram-works-start">Tram works start on Marsh Lane</a></p>',
        '<div class="article-promo"><p>Auch bei uns: <a href="/news/2026/11/hafen">Neue Fähre für den Hafen</a></p></div>',
        '<p class="relacionadas">En portada: <a href="/news/2026/11/puerto">El puerto amplía su muelle norte</a></p>',
        # An obfuscated class says nothing: the link to another article of the site decides.
        '<p class="css-1x2y3z"><a href="/news/2026/11/ferry-timetable">New winter ferry timetable published</a></p>',
        '<p class="sc-a8f3e1">港湾ニュース： <a href="/news/2026/11/ferry">新しいフェリーが就航へ 港の北側で式典</a></p>',
        '<div class="x9k2"><p>Lire la suite : <a href="/news/2026/11/quai">Le nouveau quai de pêche inauguré</a></p></div>',
    ],
)
def test_an_inline_promo_leaves_the_body_whatever_its_lead_in(promo):
    assert body_of(with_block(promo)) == STORY


def test_a_newsletter_box_inside_the_article_leaves_the_body():
    box = '<div class="newsletter-signup"><p>Get the Courier briefing in your inbox every morning</p></div>'
    assert body_of(with_block(box)) == STORY


def test_a_list_item_is_judged_by_its_element_too():
    """trafilatura gives list items as "- item": the element is found without the marker."""
    items = '<li class="promo-item"><a href="/news/2026/11/tram">Tram works start on Marsh Lane</a> next week</li>'
    assert body_of(with_block(f'<ul>{items}<li class="promo-item">Swing bridge closed for repairs</li></ul>')) == STORY


def test_a_teaser_whose_link_wraps_its_headline_leaves_the_body():
    teaser = '<a href="/news/2026/11/tram"><img src="/tram.jpg" alt=""><h3>Tram works start on Marsh Lane</h3></a>'
    assert body_of(with_block(teaser)) == STORY


def test_a_teaser_all_one_link_is_furniture_however_long():
    teaser = (
        "TRAM WORKS: The first rails of the new line arrive next week, and the council says traffic on "
        "Marsh Lane will be diverted for at least six months while the track is laid, with buses "
        "stopping on Quay Street instead."
    )
    tree, blocks = tree_and_blocks(
        f'<p>{STORY[0]}</p><ul><li><a href="/news/2026/11/tram"><p>{teaser}</p></a></li></ul>'
    )
    assert blocks == [STORY[0], teaser]
    assert StructureRules().clean(TextIndex(tree), blocks, URL) == [STORY[0]]


def test_a_teaser_inside_a_link_with_its_headline_and_date_leaves_the_body():
    """The link holds more than the block (a headline, a date and the blurb), and the blurb is
    long, with sentences, and indented in the page's source: still all linked."""
    blurb = (
        "TRAM WORKS: The first rails of the new line arrive next week, and the council says traffic on\n"
        "            Marsh Lane will be diverted for six months. Buses stop on Quay Street instead."
    )
    teaser = f'<a href="/news/2026/11/tram"><h3>Tram works start</h3><div>2026-11-02</div><p>{blurb}</p></a>'
    assert body_of(with_block(teaser)) == STORY


def test_the_body_ends_where_the_next_article_begins():
    """An endless-scroll page appends the next article, with its own headline, below this one;
    an article in the article (an embedded post, a teaser card) has none and is not the next one."""
    embedded = "<article><p>Port of Courier on Monday: the survey ships are out again.</p></article>"
    next_article = (
        '<div class="under-article"><article><h1>Ferry fares rise in January</h1>'
        "<p>The ferry company will raise fares by four percent from January.</p>"
        "<p>Season tickets bought before December keep the old price.</p></article></div>"
    )
    tree = lxml_html.fromstring(
        f"<html><body><main><article><h1>Harbour channel to be deepened</h1><p>{STORY[0]}</p>{embedded}"
        f"<p>{STORY[1]}</p></article>{next_article}</main></body></html>"
    )
    blocks = [" ".join("".join(p.itertext()).split()) for p in tree.iter("p")]
    assert StructureRules().clean(TextIndex(tree), blocks, URL, "Harbour channel to be deepened") == blocks[:3]


def test_an_article_card_before_the_article_does_not_end_the_body():
    """Only an article after the one under the page's headline is the next one: a card with a
    headline of its own above it is left to the other rules, and without the headline nothing is cut."""
    card = "<article><h1>Ferry fares rise</h1><p>The ferry company will raise fares by four percent.</p></article>"
    tree = lxml_html.fromstring(
        f"<html><body>{card}<main><article><h1>Harbour channel to be deepened</h1><p>{STORY[0]}</p>"
        f"<p>{STORY[1]}</p></article></main></body></html>"
    )
    blocks = [" ".join("".join(p.itertext()).split()) for p in tree.iter("p")]
    assert StructureRules().clean(TextIndex(tree), blocks, URL, "Harbour channel to be deepened") == blocks
    tree = lxml_html.fromstring(
        f"<html><body><main><article><h1>Harbour</h1><p>{STORY[0]}</p></article>{card}</main></body></html>"
    )
    blocks = [" ".join("".join(p.itertext()).split()) for p in tree.iter("p")]
    assert StructureRules().clean(TextIndex(tree), blocks, URL) == blocks


def test_a_heading_left_at_the_end_of_the_body_goes():
    """The section it headed (a keyword list, recommendations) was not the article's."""
    tree, _ = tree_and_blocks(f"<p>{STORY[0]}</p><h2>Sobre o tema</h2><p>{STORY[1]}</p><h3>Recommended for you</h3>")
    blocks = [STORY[0], "Sobre o tema", STORY[1], "Recommended for you"]
    assert StructureRules().clean(TextIndex(tree), blocks, URL) == blocks[:3]


def test_a_linked_sentence_of_the_article_stays():
    sentence = 'The council <a href="/news/2026/11/council-vote">approved the plan last week</a> after a long debate.'
    assert body_of(with_block(f"<p>{sentence}</p>")) == [
        *STORY[:2],
        "The council approved the plan last week after a long debate.",
        *STORY[2:],
    ]


def tree_and_blocks(markup):
    tree = lxml_html.fromstring(f"<html><body><article>{markup}</article></body></html>")
    return tree, [" ".join("".join(p.itertext()).split()) for p in tree.iter("p")]


def test_prose_stays_whatever_box_it_is_in():
    fact_box = (
        "The channel was last deepened in 1987, when the port handled a third of today's traffic. "
        "Since then ships have doubled in size, and the largest now wait offshore for the tide."
    )
    tree, blocks = tree_and_blocks(f'<aside class="related promo"><p>{fact_box}</p></aside><p>{STORY[0]}</p>')
    assert StructureRules().clean(TextIndex(tree), blocks, URL) == blocks


def test_furniture_roles_and_tags_leave_short_blocks():
    tree, blocks = tree_and_blocks(
        f'<p>{STORY[0]}</p><div role="navigation"><p>Top · News · Weather</p></div>'
        "<figure><p>The harbour at dawn</p></figure>"
    )
    assert StructureRules().clean(TextIndex(tree), blocks, URL) == [STORY[0]]


def test_obfuscated_class_names_carry_no_word():
    element = lxml_html.fromstring('<div class="css-1x2y3z sc-bdfBwQ jsx-3001"></div>')
    assert not tokens(element) & {"related", "promo", "ad", "share"}
    assert {"read", "more", "readmore"} <= tokens(lxml_html.fromstring('<p class="read-more"></p>'))


PORTAL = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Valley Portal - News</title></head>
<body><table width="100%"><tr><td class="navcell"><a href="/">Top</a> | <a href="/news/">News</a> |
<a href="/weather/">Weather</a> | <a href="/sport/">Sport</a></td></tr>
<tr><td><table><tr><td width="70%"><font size="4"><b>Harbour channel to be deepened</b></font><br>
<p>{0}</p>
<p>[Related] <a href="/news/2026/11/ferry-timetable.html">New winter ferry timetable published</a></p>
<p>{1}</p>
<p>[Related] <a href="/news/2026/11/tram-works.html">Tram works start on Marsh Lane next week</a></p>
<p>{2}</p><p>{3}</p></td>
<td class="adcell" width="30%"><p>Advertisement: Valley Motors, the best deals in town</p></td></tr></table></td></tr>
<tr><td><p class="copyright">Copyright (c) 2026 Valley Portal. All rights reserved.</p></td></tr></table></body></html>"""


def test_a_table_layout_portal_keeps_only_the_article():
    body = PORTAL.format(*STORY).encode()
    found = process_page(FetchedPage("https://valley.example/news/2026/11/harbour.html", body), options())
    assert found.finished.text.split("\n\n") == STORY
