"""Fixture sites with page furniture inside and around the article, in eight languages.

Four designs, each page an article of :mod:`sites` (or one here) with the furniture real
sites put in and around their bodies: inline promos with the site's own lead-in, a
syndication credit line, a table of contents, breadcrumbs, a gallery with photo credits, a
newsletter box, a paywall teaser, a share bar, an author bio, a "most popular" list and a
comment count; the table-layout portal has navigation cells, "[Related]" teasers between
paragraphs and an advertisement cell. The designs differ in what marks the furniture:

- ``semantic``: HTML5 tags and class names that say what a box is;
- ``obfuscated``: the same boxes as ``div`` and ``span`` with generated class names
  (``css-1x2y3z``) that say nothing;
- ``portal``: a table-layout page from the early web;
- ``blog``: a WordPress-like theme with its plugins' class names.

:func:`pages` yields every page with the article's paragraphs and the furniture's texts, so
a test or a benchmark can count leaks (a furniture text found in the stored body) and score
the body against the paragraphs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape

import sites

FR_PORT = sites.Article(
    "Le port de pêche rénové rouvre ses quais",
    "fr",
    "Claire Dubois",
    "2024-03-12T08:00:00+01:00",
    (
        "Après deux ans de travaux, le port de pêche a rouvert mardi ses quais aux bateaux de la "
        "région. Les pêcheurs disposent désormais d'une criée modernisée et d'un bassin plus profond.",
        "Le chantier a coûté près de quarante millions d'euros, financés par la région, l'État et "
        "l'Union européenne. Les digues ont été renforcées pour résister aux tempêtes d'hiver.",
        "Les professionnels saluent un outil attendu depuis longtemps, mais s'inquiètent de la hausse "
        "des redevances portuaires annoncée pour l'an prochain.",
        "La mairie prévoit aussi d'ouvrir une promenade le long des quais, avec des bancs, des "
        "panneaux sur l'histoire du port et une halle pour la vente directe du poisson.",
    ),
    "une criée modernisée",
)
ES_TREN = sites.Article(
    "El nuevo tren de cercanías conecta el aeropuerto con el centro",
    "es",
    "Lucía Martín",
    "2024-03-14T09:00:00+01:00",
    (
        "La nueva línea de cercanías entre el aeropuerto y el centro de la ciudad entró en servicio "
        "el jueves, con trenes cada quince minutos desde las cinco de la mañana.",
        "El trayecto dura veintidós minutos y el billete sencillo cuesta tres euros. Las obras "
        "comenzaron hace cuatro años e incluyeron un túnel de dos kilómetros bajo la autopista.",
        "Los primeros viajeros destacaron la comodidad de los vagones y el espacio para el equipaje, "
        "aunque algunos echaron de menos más información en las estaciones.",
        "El ayuntamiento espera que la línea reduzca el tráfico en los accesos al aeropuerto y "
        "anuncia que estudiará ampliar el horario nocturno durante el verano.",
    ),
    "cada quince minutos",
)
#: One article per language.
ARTICLES: dict[str, sites.Article] = {
    "en": sites.FERRY,
    "de": sites.DE_HAFEN,
    "fr": FR_PORT,
    "es": ES_TREN,
    "ru": sites.RU_METRO,
    "pl": sites.PL_MOST,
    "ja": sites.JA_SAKURA,
    "zh": sites.ZH_RAIL,
}

#: The furniture's words, per language: each a sentence or a label real sites show.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "lead_in": "Also on Courier:",
        "promo": "Tram works start on Marsh Lane next week",
        "credit": "This article originally appeared on Harbour Weekly.",
        "toc": "Contents",
        "home": "Home",
        "section": "City",
        "photo": "The new ferry at the quay. Photo: Jan Berg",
        "newsletter": "Get the Courier morning briefing in your inbox",
        "signup": "Sign up",
        "paywall": "Subscribe to keep reading: unlimited access for 1 euro a month",
        "share": "Share on Facebook",
        "bio": "Jane Roe has covered transport for the Courier since 2015.",
        "popular": "Most read",
        "popular_item": "Council approves new cycle lanes in the old town",
        "comments": "12 comments",
        "related": "[Related]",
        "ad": "Advertisement",
    },
    "de": {
        "lead_in": "Auch bei uns:",
        "promo": "Straßenbahnbau in der Marschstraße beginnt",
        "credit": "Dieser Artikel erschien zuerst bei der Hafenzeitung.",
        "toc": "Inhalt",
        "home": "Startseite",
        "section": "Stadt",
        "photo": "Die neue Fähre am Kai. Foto: Jan Berg",
        "newsletter": "Der Morgenüberblick des Kuriers in Ihrem Postfach",
        "signup": "Jetzt anmelden",
        "paywall": "Weiterlesen mit Abo: unbegrenzter Zugang für 1 Euro im Monat",
        "share": "Auf Facebook teilen",
        "bio": "Johanna Roth schreibt seit 2015 für den Kurier über Verkehr.",
        "popular": "Meistgelesen",
        "popular_item": "Stadtrat beschließt neue Radwege in der Altstadt",
        "comments": "12 Kommentare",
        "related": "[Mehr zum Thema]",
        "ad": "Anzeige",
    },
    "fr": {
        "lead_in": "À découvrir sur Le Quai :",
        "promo": "Les travaux du tramway commencent rue des Marais",
        "credit": "Cet article a été initialement publié dans La Gazette du Port.",
        "toc": "Sommaire",
        "home": "Accueil",
        "section": "Ville",
        "photo": "Le nouveau ferry à quai. Photo : Jean Berg",
        "newsletter": "Recevez la lettre du matin du Quai dans votre boîte mail",
        "signup": "Je m'inscris",
        "paywall": "Abonnez-vous pour lire la suite : accès illimité pour 1 euro par mois",
        "share": "Partager sur Facebook",
        "bio": "Jeanne Roux suit les transports pour Le Quai depuis 2015.",
        "popular": "Les plus lus",
        "popular_item": "Le conseil municipal vote de nouvelles pistes cyclables",
        "comments": "12 commentaires",
        "related": "[À lire aussi]",
        "ad": "Publicité",
    },
    "es": {
        "lead_in": "También en El Muelle:",
        "promo": "Empiezan las obras del tranvía en la calle Marisma",
        "credit": "Este artículo se publicó originalmente en La Gaceta del Puerto.",
        "toc": "Índice",
        "home": "Inicio",
        "section": "Ciudad",
        "photo": "El nuevo ferri en el muelle. Foto: Juan Berg",
        "newsletter": "Recibe el boletín matinal de El Muelle en tu correo",
        "signup": "Suscríbete",
        "paywall": "Suscríbete para seguir leyendo: acceso ilimitado por 1 euro al mes",
        "share": "Compartir en Facebook",
        "bio": "Juana Ruiz cubre la información de transportes para El Muelle desde 2015.",
        "popular": "Lo más leído",
        "popular_item": "El pleno aprueba nuevos carriles bici en el casco antiguo",
        "comments": "12 comentarios",
        "related": "[Relacionado]",
        "ad": "Publicidad",
    },
    "ru": {
        "lead_in": "Ещё на Причале:",
        "promo": "На Болотной улице начинают строить трамвайную линию",
        "credit": "Материал впервые опубликован в газете «Портовые вести».",
        "toc": "Содержание",
        "home": "Главная",
        "section": "Город",
        "photo": "Новый паром у причала. Фото: Иван Берг",
        "newsletter": "Утренняя рассылка Причала в вашей почте",
        "signup": "Подписаться",
        "paywall": "Оформите подписку, чтобы читать дальше: безлимитный доступ за 1 евро в месяц",
        "share": "Поделиться во ВКонтакте",
        "bio": "Анна Рыбакова пишет о транспорте для Причала с 2015 года.",
        "popular": "Самое читаемое",
        "popular_item": "Горсовет утвердил новые велодорожки в старом городе",
        "comments": "12 комментариев",
        "related": "[Читайте также]",
        "ad": "Реклама",
    },
    "pl": {
        "lead_in": "Także w Przystani:",
        "promo": "Rusza budowa tramwaju na ulicy Bagiennej",
        "credit": "Artykuł ukazał się pierwotnie w Gazecie Portowej.",
        "toc": "Spis treści",
        "home": "Strona główna",
        "section": "Miasto",
        "photo": "Nowy prom przy nabrzeżu. Fot. Jan Berg",
        "newsletter": "Poranny przegląd Przystani w Twojej skrzynce",
        "signup": "Zapisz się",
        "paywall": "Wykup subskrypcję, aby czytać dalej: nieograniczony dostęp za 1 euro miesięcznie",
        "share": "Udostępnij na Facebooku",
        "bio": "Joanna Rogalska pisze o transporcie dla Przystani od 2015 roku.",
        "popular": "Najczęściej czytane",
        "popular_item": "Rada miasta przyjęła nowe drogi rowerowe na starówce",
        "comments": "12 komentarzy",
        "related": "[Czytaj też]",
        "ad": "Reklama",
    },
    "ja": {
        "lead_in": "港町ニュースのおすすめ：",
        "promo": "沼通りで路面電車の工事が来週始まる",
        "credit": "この記事は港湾週報に最初に掲載されました。",
        "toc": "目次",
        "home": "ホーム",
        "section": "地域",
        "photo": "岸壁に着いた新しいフェリー（写真：ベルク・ヤン）",
        "newsletter": "港町ニュースの朝刊メールをお届けします",
        "signup": "登録する",
        "paywall": "続きは会員登録で：月額1ユーロで読み放題",
        "share": "フェイスブックでシェア",
        "bio": "山田花子　2015年から交通を担当する記者。",
        "popular": "よく読まれている記事",
        "popular_item": "市議会が旧市街の新しい自転車道を承認",
        "comments": "コメント12件",
        "related": "［関連記事］",
        "ad": "広告",
    },
    "zh": {
        "lead_in": "本站推荐：",
        "promo": "沼泽路有轨电车工程下周开工",
        "credit": "本文首发于港口周报。",
        "toc": "目录",
        "home": "首页",
        "section": "本地",
        "photo": "停靠在码头的新渡轮（摄影：柏扬）",
        "newsletter": "订阅码头新闻早报，每天清晨送达您的邮箱",
        "signup": "立即订阅",
        "paywall": "订阅后继续阅读：每月1欧元畅读全部内容",
        "share": "分享到微博",
        "bio": "罗静，2015年起负责本报交通报道。",
        "popular": "热门文章",
        "popular_item": "市议会批准老城区新建自行车道",
        "comments": "12条评论",
        "related": "【相关阅读】",
        "ad": "广告",
    },
}
#: The furniture a page carries, by kind: the texts that must not be in the stored body.
KINDS = (
    "promo",
    "credit",
    "toc",
    "breadcrumbs",
    "photo credit",
    "newsletter",
    "paywall",
    "share",
    "author bio",
    "most popular",
    "comments",
)
PORTAL_KINDS = ("navigation", "related", "advertisement", "copyright")


@dataclass(frozen=True)
class FurniturePage:
    """A fixture page: its URL and HTML, the article's paragraphs and the furniture's texts by kind."""

    design: str  # a key of DESIGNS
    lang: str  # ISO 639-1
    url: str
    html: str
    paragraphs: tuple[str, ...]  # the article, all of it: the body expected
    furniture: dict[str, tuple[str, ...]]  # kind -> texts that must not be in the body


def squashed(text: str) -> str:
    """Text as compared for leaks: case folded, nothing but letters and digits (so "Home › City" is "homecity")."""
    return re.sub(r"\W+", "", text.casefold())


def leaks(page: FurniturePage, text: str) -> list[str]:
    """The kinds of furniture whose text is in ``text`` (a stored body)."""
    body = squashed(text)
    return [kind for kind, texts in page.furniture.items() if any(squashed(t) in body for t in texts)]


def _css(*parts: str) -> str:
    """A generated class name that says nothing (``css-1x2y3z``), stable per ``parts``."""
    return "css-" + hashlib.sha1("/".join(parts).encode()).hexdigest()[:6]


def _furniture(words: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {
        "promo": (words["promo"],),
        "credit": (words["credit"],),
        "toc": (words["toc"],),
        "breadcrumbs": (f"{words['home']} {words['section']}",),
        "photo credit": (words["photo"],),
        "newsletter": (words["newsletter"], words["signup"]),
        "paywall": (words["paywall"],),
        "share": (words["share"],),
        "author bio": (words["bio"],),
        "most popular": (words["popular"], words["popular_item"]),
        "comments": (words["comments"],),
    }


def _head(article: sites.Article, site: str) -> str:
    return (
        f'<meta charset="utf-8"><title>{escape(article.headline)} | {site}</title>'
        f'<meta property="og:type" content="article"><meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{article.published}">'
    )


def semantic(article: sites.Article, words: dict[str, str], base: str) -> str:
    """HTML5 tags and class names that say what each box is."""
    w = {key: escape(value) for key, value in words.items()}
    p = [f"<p>{escape(text)}</p>" for text in article.paragraphs]
    return f"""<!DOCTYPE html><html lang="{article.lang}"><head>{_head(article, "Courier")}</head><body>
<header class="site-header"><a class="logo" href="/">Courier</a><nav class="main-nav"><a href="/city/">{w["section"]}</a></nav></header>
<main><nav class="breadcrumb" aria-label="breadcrumb"><a href="/">{w["home"]}</a> › <a href="/city/">{w["section"]}</a></nav>
<article class="story"><h1>{escape(article.headline)}</h1>
<p class="byline">{escape(article.author)} · <time datetime="{article.published}">{article.date}</time></p>
<div class="table-of-contents"><h2>{w["toc"]}</h2><ul><li><a href="#s1">1</a></li><li><a href="#s2">2</a></li></ul></div>
{p[0]}{p[1]}
<p class="read-more">{w["lead_in"]} <a href="{base}/city/2024/tram-works">{w["promo"]}</a></p>
<figure class="gallery"><img src="/img/ferry.jpg" alt=""><figcaption>{w["photo"]}</figcaption></figure>
{"".join(p[2:-1])}
<div class="newsletter-box"><h3>{w["newsletter"]}</h3><form><input type="email"><button>{w["signup"]}</button></form></div>
{p[-1]}
<p class="credit">{w["credit"]}</p>
<div class="paywall-teaser"><p>{w["paywall"]}</p></div>
<div class="share-bar"><a href="https://facebook.example/share">{w["share"]}</a></div>
<div class="author-bio"><p>{w["bio"]}</p></div>
<a class="comment-count" href="#comments">{w["comments"]}</a>
</article>
<aside class="most-popular"><h3>{w["popular"]}</h3><ol><li><a href="{base}/city/2024/cycle-lanes">{w["popular_item"]}</a></li></ol></aside>
</main><footer class="site-footer"><p>© 2024 Courier</p></footer></body></html>"""


def obfuscated(article: sites.Article, words: dict[str, str], base: str) -> str:
    """The same boxes as ``div``/``span`` with generated class names: only their content and links tell."""
    w = {key: escape(value) for key, value in words.items()}
    c = {name: _css(article.lang, name) for name in ("crumbs", "toc", "promo", "photo", "news", "pay", "share", "bio")}
    p = [f'<p class="{_css("p")}">{escape(text)}</p>' for text in article.paragraphs]
    return f"""<!DOCTYPE html><html lang="{article.lang}"><head>{_head(article, "Courier")}</head><body>
<div class="{_css("top")}"><a href="/">Courier</a> <a href="/city/">{w["section"]}</a></div>
<div class="{_css("page")}"><div class="{c["crumbs"]}"><a href="/">{w["home"]}</a> <span>/</span> <a href="/city/">{w["section"]}</a></div>
<div class="{_css("story")}"><h1 class="{_css("h")}">{escape(article.headline)}</h1>
<div class="{_css("by")}"><span>{escape(article.author)}</span> <span>{article.date}</span></div>
<div class="{c["toc"]}"><div>{w["toc"]}</div><ul><li><a href="#s1">1</a></li><li><a href="#s2">2</a></li></ul></div>
{p[0]}{p[1]}
<p class="{c["promo"]}">{w["lead_in"]} <a href="{base}/city/2024/tram-works">{w["promo"]}</a></p>
<div class="{c["photo"]}"><img src="/img/ferry.jpg" alt=""><span>{w["photo"]}</span></div>
{"".join(p[2:-1])}
<div class="{c["news"]}"><div>{w["newsletter"]}</div><input type="email"><button>{w["signup"]}</button></div>
{p[-1]}
<p class="{_css("p")}">{w["credit"]}</p>
<div class="{c["pay"]}"><div>{w["paywall"]}</div></div>
<div class="{c["share"]}"><a href="https://facebook.example/share">{w["share"]}</a></div>
<div class="{c["bio"]}"><div>{w["bio"]}</div></div>
<a class="{_css("cc")}" href="#comments">{w["comments"]}</a>
</div>
<div class="{_css("rail")}"><div>{w["popular"]}</div><ol><li><a href="{base}/city/2024/cycle-lanes">{w["popular_item"]}</a></li></ol></div>
</div><div class="{_css("foot")}">© 2024 Courier</div></body></html>"""


def blog(article: sites.Article, words: dict[str, str], base: str) -> str:
    """A WordPress-like theme: ``entry-content`` and its plugins' boxes."""
    w = {key: escape(value) for key, value in words.items()}
    p = [f"<p>{escape(text)}</p>" for text in article.paragraphs]
    return f"""<!DOCTYPE html><html lang="{article.lang}"><head>{_head(article, "Harbour Notes")}</head><body class="single">
<div id="page"><div class="site-branding"><a href="/">Harbour Notes</a></div>
<div class="breadcrumbs"><span><a href="/">{w["home"]}</a></span> » <span><a href="/category/city/">{w["section"]}</a></span></div>
<div id="primary" class="content-area"><div class="post type-post hentry">
<h1 class="entry-title">{escape(article.headline)}</h1>
<div class="entry-meta"><span class="author vcard">{escape(article.author)}</span> <span class="posted-on">{article.date}</span>
<span class="comments-link"><a href="#comments">{w["comments"]}</a></span></div>
<div class="entry-content">
<div id="ez-toc-container"><p class="ez-toc-title">{w["toc"]}</p><ul><li><a href="#s1">1</a></li><li><a href="#s2">2</a></li></ul></div>
{p[0]}
<div class="wp-block-image"><figure><img src="/img/ferry.jpg" alt=""><figcaption class="wp-element-caption">{w["photo"]}</figcaption></figure></div>
{p[1]}
<p class="read-more-link">{w["lead_in"]} <a href="{base}/2024/03/tram-works/">{w["promo"]}</a></p>
{"".join(p[2:])}
<p class="syndication-note">{w["credit"]}</p>
<div class="mc4wp-form"><p>{w["newsletter"]}</p><input type="email"><input type="submit" value="{w["signup"]}"></div>
<div class="sharedaddy sd-sharing-enabled"><ul><li><a class="share-facebook" href="https://facebook.example/share">{w["share"]}</a></li></ul></div>
<div class="pmpro_content_message"><p>{w["paywall"]}</p></div>
</div>
<div class="author-box"><p class="author-description">{w["bio"]}</p></div>
</div></div>
<div id="secondary" class="widget-area"><section class="widget widget_top-posts"><h2 class="widget-title">{w["popular"]}</h2>
<ul><li><a href="{base}/2024/03/cycle-lanes/">{w["popular_item"]}</a></li></ul></section></div>
<footer id="colophon">© 2024 Harbour Notes</footer></div></body></html>"""


def portal(article: sites.Article, words: dict[str, str], base: str) -> str:
    """A table-layout portal: navigation cells, "[Related]" teasers between paragraphs, an advertisement cell."""
    w = {key: escape(value) for key, value in words.items()}
    p = [f"<p>{escape(text)}</p>" for text in article.paragraphs]
    related = f'<p>{w["related"]} <a href="{base}/news/2024/tram-works.html">{w["promo"]}</a></p>'
    return f"""<!DOCTYPE html><html lang="{article.lang}"><head>{_head(article, "Portal")}</head><body>
<table width="100%"><tr><td colspan="3"><a href="/">{w["home"]}</a> | <a href="/news/">{w["section"]}</a> | <a href="/weather/">Weather</a></td></tr>
<tr><td width="150"><a href="/news/">{w["section"]}</a><br><a href="/sport/">Sport</a><br><a href="/weather/">Weather</a></td>
<td><h1>{escape(article.headline)}</h1><p>{escape(article.author)} {article.date}</p>
{p[0]}{p[1]}{related}{"".join(p[2:])}</td>
<td width="160"><p>{w["ad"]}</p><img src="/ads/banner.gif" alt=""></td></tr>
<tr><td colspan="3"><p>© 2024 Portal. All rights reserved.</p></td></tr></table></body></html>"""


DESIGNS = {"semantic": semantic, "obfuscated": obfuscated, "blog": blog, "portal": portal}


def pages(base: str = "https://courier.example") -> Iterator[FurniturePage]:
    """Every design in every language."""
    for design, render in DESIGNS.items():
        for lang, article in ARTICLES.items():
            words = WORDS[lang]
            if design == "portal":
                furniture = {
                    "navigation": (f"{words['home']} | {words['section']}",),
                    "related": (words["related"], words["promo"]),
                    "advertisement": (words["ad"],),
                    "copyright": ("© 2024 Portal",),
                }
            else:
                furniture = _furniture(words)
            url = f"{base}/{design}/{lang}/2024/{article.date}-story"
            yield FurniturePage(design, lang, url, render(article, words, base), article.paragraphs, furniture)


#: The English articles of one site's run of pages (:func:`site_runs`).
RUN_ARTICLES = (
    sites.FERRY,
    sites.LIBRARY,
    sites.ORCHARD,
    sites.BRIDGE,
    sites.MARATHON,
    sites.BAKERY,
    sites.COUNCIL,
    sites.SCHOOL,
    sites.COMET,
    sites.STORM,
)
#: What each site's pages carry that changes from page to page in a shape of its own, in boxes
#: the page does not mark and without links: a lead-in before another story's headline, and a
#: credit sentence naming another outlet in a language no phrase list knows (Swedish).
RUN_LEAD_INS = {
    "semantic": "Coming up on Courier Radio:",
    "obfuscated": "Tonight on the Courier podcast:",
    "blog": "From the Harbour Notes archive:",
    "portal": "Portal TV tonight:",
}
RUN_OUTLETS = ("Hamnbladet", "Kustposten", "Fyrbladet", "Skärgårdsnytt", "Sjöfartsnytt")


def site_runs(base: str = "https://{design}.example") -> Iterator[tuple[str, list[FurniturePage]]]:
    """Each design as one site's run of pages (English, one article each, in order), for site
    templates: its furniture the same on every page or the same shape with other words (the
    promo's headline, the credited outlet, the comment count)."""
    for design, render in DESIGNS.items():
        site = base.format(design=design)
        run = []
        for number, article in enumerate(RUN_ARTICLES):
            other = RUN_ARTICLES[(number + 1) % len(RUN_ARTICLES)].headline
            outlet = RUN_OUTLETS[number % len(RUN_OUTLETS)]
            words = {
                **WORDS["en"],
                "promo": other,
                "credit": f"Artikeln publicerades först i {outlet}.",
                "comments": f"{number + 3} comments",
            }
            page = render(article, words, site)
            first = f"{escape(article.paragraphs[0])}</p>"
            shape = f"{RUN_LEAD_INS[design]} {other}"
            page = page.replace(first, f"{first}<p>{escape(shape)}</p>", 1)
            furniture = (
                {**_furniture(words), "shaped promo": (shape,)}
                if design != "portal"
                else {
                    "navigation": (f"{words['home']} | {words['section']}",),
                    "related": (words["related"], words["promo"]),
                    "advertisement": (words["ad"],),
                    "shaped promo": (shape,),
                }
            )
            url = f"{site}/city/{article.date}/{number}-story"
            run.append(FurniturePage(design, "en", url, page, article.paragraphs, furniture))
        yield design, run
