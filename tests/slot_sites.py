"""A multilingual site whose furniture only its structure gives away, for structural site templates.

Each page is an article in another language (:data:`furniture_sites.ARTICLES`, eight languages)
under class names generated per page (``sc-<hash>``), with a newsletter box inside the article,
after its second paragraph: a sentence in the page's language and a button, its words on no
other page, no field to type in, no class or tag that says what it is.

:func:`site_run` gives the pages in order with their truth, as :func:`furniture_sites.site_runs` does;
:func:`stored_texts` stores a site's pages as a crawl does, for the benchmark and the quality gate.
"""

from __future__ import annotations

import hashlib
from html import escape

from furniture_sites import ARTICLES, FurniturePage

from pipelines.core import CoreOptions, Extracted, Rejected, finish_text
from pipelines.core.cleaning import SiteTemplates, SlotRule, site_name
from pipelines.recleaning import SiteRecleaner
from storage.corpus import Corpus

#: The newsletter box's sentence and button, per language.
NEWSLETTER = {
    "en": ("Get our morning briefing with the day's top stories, delivered to your inbox every weekday.", "Sign up"),
    "de": (
        "Holen Sie sich unser Morgenbriefing mit den wichtigsten Themen des Tages jeden Werktag ins Postfach.",
        "Anmelden",
    ),
    "fr": (
        "Recevez notre briefing matinal avec l'essentiel de l'actualité, chaque jour de semaine dans votre boîte.",
        "S'inscrire",
    ),
    "es": (
        "Recibe nuestro resumen matinal con las noticias más importantes del día, cada jornada laborable en tu correo.",
        "Apuntarme",
    ),
    "ru": ("Получайте наш утренний обзор с главными новостями дня на свою почту каждый будний день.", "Подписаться"),
    "pl": (
        "Odbieraj nasz poranny przegląd z najważniejszymi wiadomościami dnia w swojej skrzynce w każdy dzień roboczy.",
        "Zapisz się",
    ),
    "ja": ("毎朝のニュースレターで、その日の主要ニュースを平日毎日メールでお届けします。", "登録"),
    "zh": ("订阅我们的早间简报，每个工作日将当天要闻发送到您的邮箱。", "订阅"),
}


def _generated(page: str, name: str) -> str:
    """A class name generated per page and box (``sc-1a2b3c``): it says nothing and never repeats."""
    return "sc-" + hashlib.sha1(f"{page}/{name}".encode()).hexdigest()[:6]


def page_html(number: int, lang: str) -> tuple[str, tuple[str, ...], str]:
    """The page's HTML, the article's paragraphs and the newsletter's sentence."""
    article = ARTICLES[lang]
    c = lambda name: _generated(f"{number}-{lang}", name)  # noqa: E731
    p = [f'<p class="{c("p")}">{escape(text)}</p>' for text in article.paragraphs]
    sentence, button = NEWSLETTER[lang]
    html = f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(article.headline)}</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="{article.published}"></head>
<body><div class="{c("top")}"><a href="/">Multi Wire</a></div>
<div class="{c("page")}"><div class="{c("story")}"><h1 class="{c("h")}">{escape(article.headline)}</h1>
<div class="{c("by")}">{escape(article.author)}</div>
{p[0]}
{p[1]}
<div class="{c("news")}"><p class="{c("nt")}">{escape(sentence)}</p><button class="{c("nb")}">{escape(button)}</button></div>
{"".join(p[2:])}
</div></div></body></html>"""
    return html, article.paragraphs, sentence


def site_run(base: str = "https://multi.example") -> list[FurniturePage]:
    """The site's eight pages, one language each, in order."""
    run = []
    for number, lang in enumerate(ARTICLES):
        html, paragraphs, sentence = page_html(number, lang)
        url = f"{base}/{lang}/2024/{number}-story"
        run.append(FurniturePage("multilingual", lang, url, html, paragraphs, {"newsletter": (sentence,)}))
    return run


def stored_texts(
    found: list[Extracted | None], options: CoreOptions, rule: SlotRule | None, min_pages: int = 3
) -> tuple[list[str], int]:
    """One site's extracted pages (None: not an article) stored in order as a crawl stores them:
    the site's templates learned as it goes (by words only without a ``rule``), what they learn
    late re-cleaned from the pages stored before. The stored texts ("" for a page not stored) and
    how many re-cleanings there were."""
    corpus = Corpus.in_memory()
    templates = SiteTemplates(corpus, min_pages, rule or SlotRule())
    recleaner = SiteRecleaner(corpus, None, rule or SlotRule())
    recleaned, ids = 0, []
    for page in found:
        if page is None:
            ids.append(None)
            continue
        templated = templates.remove(page.url, page.text.split("\n\n") if page.text else [], page.slots if rule else ())
        try:
            finished = finish_text(templated.kept, page.title, {}, options, templated.slots)
        except Rejected:
            ids.append(None)
            continue
        site = site_name(page.url)
        if templated.recleans:
            recleaned += recleaner.reclean(site, templated.recleans)
        row = {"url": page.url, "source": "run", "text": finished.text, "text_hash": finished.text_hash}
        ids.append(corpus.add_article(row | {"fetched_at": "now"}, slots=(site, finished.slots)).article_id)
    texts = [corpus.article(article_id)["text"] if article_id is not None else "" for article_id in ids]
    corpus.close()
    return texts, recleaned
