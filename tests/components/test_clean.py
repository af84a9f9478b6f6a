"""Boilerplate cleaning: general rules for each kind of residue, in several languages, and site templates."""

import pytest
from fixtures.scrapy_helpers import make_crawler, run_stages
from scrapy import signals
from scrapy.exceptions import DropItem

from crawler.items import Article
from pipelines.core.cleaning import BoilerplateRules
from pipelines.text import TextPipeline

BODY = [
    "The harbour authority approved a plan on Monday to deepen the main shipping channel, a project that engineers say will let larger vessels dock.",
    "Work is expected to begin in the spring and last about three years, with dredging limited to the winter months.",
    "Environmental groups said they would study the final plan closely.",
]


def cleaned(blocks, title="Harbour channel to be deepened"):
    return BoilerplateRules().clean(list(blocks), title)


@pytest.mark.parametrize(
    "residue",
    [
        "READ MORE: Storm closes three ports on the east coast",
        "Read more: Council approves new tram line",
        "Related: How the port grew in the 1990s",
        "Also read: Ferry service resumes",
        "MEHR ZUM THEMA: Hafen wird ausgebaut",
        "Lesen Sie auch: Neue Straßenbahnlinie beschlossen",
        "ЧИТАЙТЕ ТАКЖЕ: В порту начались работы",
        "Читайте також: Порт розширять",
        "LEE MÁS: El puerto será ampliado",
        "À lire aussi : Le port sera agrandi",
        "延伸阅读：港口扩建工程启动",
        "関連記事：港の拡張工事始まる",
        "Workers at the quay on Tuesday. (Image: AP)",
        "Dredgers in the estuary (Foto: dpa)",
        "Спасатели у реки во вторник. (Фото: ТАСС)",
        "救援人员在河边（图片来源：新华社）",
        "Photo: Getty Images",
        "This article was originally published by Meridian Press Agency",
        "Source: Reuters",
        "Quelle: dpa",
        "Share on Facebook · Share on X · Send by email · Print this story",
        "Share this article",
        "2024-05-18",
        "We use cookies to improve your experience. Accept all cookies to continue.",
        "© 2024 Valley Portal. All rights reserved.",
        "Reklama",
        "Externer Inhalt nicht verfügbar",
        "Empfohlener redaktioneller Inhalt",
        "External content is not shown: your privacy settings block it.",
    ],
)
def test_residue_is_removed_and_the_article_kept(residue):
    assert cleaned([BODY[0], residue, *BODY[1:]]) == BODY


def test_language_and_country_selectors_with_their_options():
    blocks = ["Select Language", "English", "Down Icon", "Select Country", "America", *BODY]
    assert cleaned(blocks) == BODY


@pytest.mark.parametrize(
    "heading", ["Similar News", "More news", "Похожие новости", "Noticias relacionadas", "相关新闻"]
)
def test_related_news_lists_are_cut(heading):
    teasers = ["- Thousands evacuated as fire nears town", "- Rail strike called off", "All News"]
    assert cleaned([*BODY, heading, *teasers]) == BODY


def test_an_inline_most_read_box_is_cut_but_the_story_goes_on():
    blocks = [BODY[0], "Most read in world news", "Storm closes ports", "Tram line approved", *BODY[1:]]
    assert cleaned(blocks) == BODY


def test_headline_repeated_at_the_end_is_removed():
    assert cleaned([*BODY, "Harbour channel to be deepened"]) == BODY


@pytest.mark.parametrize(
    "short",
    [
        "\u201cWe will not wait any longer,\u201d the mayor said.",
        "Nobody was hurt.",
        "«Wir warten nicht länger», sagte der Bürgermeister.",
        "Пострадавших нет.",
        "无人受伤。",
        "The copyright dispute over the harbour's old photographs was settled out of court.",
        "Read the full report on the authority's website before the hearing in March, officials urged residents, adding that the consultation would remain open for six weeks.",
    ],
)
def test_real_short_paragraphs_survive(short):
    assert cleaned([BODY[0], short, *BODY[1:]]) == [BODY[0], short, *BODY[1:]]


def test_site_templates_learn_recurring_blocks(tmp_path):
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "c.db"), CLEAN_TEMPLATE_PAGES=3, CLEAN_MIN_LENGTH=50)

    def cleaned_text(item):
        return run_stages(crawler, item, [TextPipeline]).text

    signup = "Get the Port News morning briefing in your inbox every weekday: local stories, weather and traffic."

    leads = [
        "Dockers voted to accept the new pay offer after a week of talks.",
        "A rare seal was spotted sunning itself on the slipway at dawn.",
        "The lighthouse reopens to visitors after two years of repairs.",
        "Fishermen report the best mackerel season in a decade this autumn.",
    ]

    def page(number):
        body = [leads[number], signup, BODY[number % 3]]
        return Article(
            source="port", url=f"https://port.example/news/{number}", text="\n\n".join(body), title=f"Story {number}"
        )

    first = [cleaned_text(page(n)) for n in range(2)]
    assert all(signup in text for text in first)  # not yet known to recur (the store stage re-cleans them)
    for number in (2, 3):  # the third page makes it recurring, and is cleaned of it
        later = cleaned_text(page(number))
        assert signup not in later and leads[number] in later
    other_site = Article(source="x", url="https://other.example/a", text=f"{signup}\n\n{BODY[0]}", title="t")
    assert signup in cleaned_text(other_site)  # templates are per site
    with pytest.raises(DropItem):
        cleaned_text(Article(source="port", url="https://port.example/news/9", text=signup, title="t"))
    assert crawler.stats.get_value("wirecrawl/dropped/no_body") == 1
    crawler.signals.send_catch_log(signal=signals.engine_stopped)


def test_site_templates_learn_block_shapes_from_different_stories(tmp_path):
    """The same lead-in before another headline, the same sentence naming another outlet (here
    in Swedish, which no phrase list knows): a shape of the site's, learned from pages with
    different texts in it, never from copies of one story."""
    crawler = make_crawler(CORPUS_PATH=str(tmp_path / "c.db"), CLEAN_TEMPLATE_PAGES=3, CLEAN_MIN_LENGTH=50)

    def cleaned_text(item):
        return run_stages(crawler, item, [TextPipeline]).text

    stories = [
        ("Dockers voted to accept the new pay offer after a week of talks at the port.", "Tides and the town"),
        ("A rare seal was spotted sunning itself on the slipway at dawn on Sunday.", "Ten years of the ferry"),
        ("The lighthouse reopens to visitors after two years of repairs to its lamp.", "The last lighthouse keeper"),
        ("Fishermen report the best mackerel season in a decade this autumn.", "Mackerel season"),
    ]
    outlets = ["Hamnbladet", "Kustposten", "Skärgårdsnytt", "Fyrbladet"]

    def page(url, number):
        lead, show = stories[number]
        body = [
            lead,
            f"Now on the Port Podcast: {show}",
            BODY[number % 3],
            f"Artikeln publicerades först i {outlets[number]}.",
        ]
        return Article(source="port", url=url, text="\n\n".join(body), title=f"Story {number}")

    copies = [cleaned_text(page(f"https://port.example/copy/{n}", 0)) for n in range(4)]
    assert all(stories[0][1] in text and outlets[0] in text for text in copies)  # copies of one story teach nothing
    for number in (1, 2):
        cleaned_text(page(f"https://port.example/news/{number}", number))
    later = cleaned_text(page("https://port.example/news/3", 3))
    assert later.split("\n\n") == [stories[3][0], BODY[0]]
    assert stories[3][1] in cleaned_text(page("https://other.example/news/3", 3))  # shapes are per site
    crawler.signals.send_catch_log(signal=signals.engine_stopped)
