"""Realistic, distinct news article pages for throughput benchmarks, deterministic for a seed.

Usage: .venv/bin/python -m benchmarks.newspages [--pages 200] [--seed 0]

Pages weigh 50-150 KB the way real news pages do: a big <head> (meta, Open Graph and Twitter
tags, preloads, JSON-LD NewsArticle, inline CSS and config scripts), a mega-menu, ad slots,
share bar, related rail, comments, a "more news" grid, a long footer and an inline app-state
blob, in one of four templates. Every story is its own: sentences of 8-25 words drawn from the
language's word list (60% English; German, French, Spanish, Russian, Chinese). Run directly,
it checks a sample: sizes, trafilatura's body length and time per page, langdetect's verdicts.
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import random
import re
import statistics
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from crawler.testing.localsites import Page, Site
from crawler.testing.machine_readable import FeedItem, rss2

__all__ = ["NewsPage", "benchmark_site", "news_page", "news_pages", "rss_feed"]


@dataclass(frozen=True)
class NewsPage:
    """One generated article page."""

    path: str  # /2026/11/24/<slug>-<n>.html
    html: str
    template: str  # a key of TEMPLATES
    language: str  # ISO 639-1
    title: str
    published: str  # ISO 8601, UTC


@dataclass(frozen=True)
class _Language:
    words: tuple[str, ...]  # most frequent first: drawn with Zipf-like weights
    names: tuple[str, ...]
    labels: tuple[str, ...]  # read more, most read, share, comments, by, photo, related
    sections: tuple[str, ...]
    spaced: bool = True  # words separated by spaces


def _language(words: str, names: str, labels: str, sections: str, spaced: bool = True) -> _Language:
    return _Language(tuple(words.split()), *(tuple(s.split("|")) for s in (names, labels, sections)), spaced)


LANGUAGES = {
    "en": _language(
        """
the of and to a in that is was for on it with as he said by at from his be have has but not are an they were which this will
had their been who also would after its more first one two new people year last there when up out about than other into over
government minister police city council report company market percent election president week officials court health school
water could some what can all time only under since against before while during where still because between most many just
years three state country national public million local plan told statement according workers prices families children
hospital doctors patients budget tax energy power climate weather storm flood road traffic railway airport travel tourism
season team players coach match final league club music film museum artist festival book author study research scientists
university students teachers data technology software phone internet security law judge trial investigation evidence
parliament vote party leader campaign support opposition decision agreement talks deal trade exports growth bank interest
rates inflation jobs wages housing rent building construction project costs funding community residents village town region
border military troops peace crisis emergency services fire rescue victims survivors protest demonstrators announced
expected reported confirmed warned added""",
        "Sarah Mitchell|James O'Connor|Priya Patel|Daniel Brooks|Emily Carter|Michael Chen|Laura Bennett|Thomas Reed",
        "Read more|Most read|Share|Comments|By|Photo|Related stories",
        "Politics|World|Business|Technology|Science|Sport|Culture|Opinion",
    ),
    "de": _language(
        """
der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach
wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei
hatte kann gegen vom können schon wenn seine ihre dann unter wir soll eines Jahr zwei Jahren diese dieser wieder keine
seiner worden will zwischen immer Millionen sagte gibt alle diesem seit muss wurden denn ihrer sollen neue Stadt Regierung
Land Deutschland Minister Polizei Bericht Unternehmen Markt Prozent Wahl Präsident Woche Gericht Gesundheit Schule Wasser
Bürger Gemeinde Kreis Bund Länder Kanzler Partei Fraktion Abgeordnete Bundestag Gesetz Entscheidung Vorschlag Kritik
Verhandlungen Einigung Haushalt Steuern Kosten Preise Energie Strom Klima Wetter Unwetter Hochwasser Straße Verkehr Bahn
Flughafen Reise Mannschaft Spieler Trainer Spiel Verein Saison Musik Film Museum Ausstellung Buch Studie Forscher
Universität Studenten Lehrer Daten Technik Sicherheit Richter Prozess Ermittlungen Angaben zufolge laut bereits jedoch
allerdings etwa rund weitere letzten ersten großen neuen deutschen mehrere wegen ohne bisher heute gestern morgen Montag
Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag erklärte betonte kündigte forderte warnte berichtete bestätigte
Krankenhaus Ärzte Patienten Kinder Familien Arbeitnehmer Löhne Wohnungen Miete Bau""",
        "Anna Schneider|Lukas Becker|Julia Hoffmann|Felix Wagner|Katrin Schulz|Jonas Weber|Miriam Fischer|Tobias Krüger",
        "Lesen Sie auch|Meistgelesen|Teilen|Kommentare|Von|Foto|Mehr zum Thema",
        "Politik|Ausland|Wirtschaft|Technik|Wissenschaft|Sport|Kultur|Meinung",
    ),
    "fr": _language(
        """
de la le et les des en un du une que est pour qui dans par plus pas au sur ne se il sont ce avec mais nous ont elle ou son
cette aux été était leur tout ses comme deux sa bien sans fait ans peut même aussi entre dont faire ces lui très temps après
encore avant être autres autre selon depuis lors contre jour chez pendant toujours ville gouvernement ministre police
rapport entreprise marché élection président semaine tribunal santé école eau pays France année mairie conseil région
département habitants commune village frontière armée paix crise urgence pompiers victimes manifestants grève syndicats
salariés salaires emploi chômage logement loyer chantier projet coûts budget impôts énergie électricité climat météo tempête
inondations route circulation train gare aéroport voyage tourisme saison équipe joueurs entraîneur match championnat club
musique cinéma musée artiste festival livre auteur étude recherche chercheurs université étudiants enseignants données
technologie sécurité loi juge procès enquête preuves Assemblée députés vote parti opposition décision accord négociations
commerce croissance banque taux inflation prix familles enfants hôpital médecins patients a déclaré annoncé indiqué confirmé
souligné expliqué estimé ajouté notamment également cependant pourtant ainsi alors déjà hier aujourd'hui demain lundi mardi
mercredi jeudi vendredi samedi dimanche premier dernière nouvelle nouveaux grands plusieurs""",
        "Camille Martin|Julien Bernard|Claire Dubois|Antoine Moreau|Élise Laurent|Nicolas Lefèvre|Sophie Girard|Hugo Lambert",
        "Lire aussi|Les plus lus|Partager|Commentaires|Par|Photo|Sur le même sujet",
        "Politique|International|Économie|Technologie|Sciences|Sport|Culture|Opinions",
    ),
    "es": _language(
        """
de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha si sin sobre este ya entre
cuando todo esta ser son dos también fue había era muy años hasta desde está porque solo han hay vez puede todos así nos ni
parte tiene uno donde bien tiempo mismo ese ahora cada vida otro después otros aunque esa eso hace otra gobierno contra
ciudad ministro policía informe empresa mercado ciento elecciones presidente semana tribunal salud escuela agua país España
año ayuntamiento consejo región provincia vecinos municipio pueblo frontera ejército paz crisis emergencia bomberos víctimas
manifestantes huelga sindicatos trabajadores salarios empleo paro vivienda alquiler obras proyecto costes presupuesto
impuestos energía electricidad clima tormenta inundaciones carretera tráfico tren estación aeropuerto viaje turismo
temporada equipo jugadores entrenador partido liga club música cine museo artista festival libro autor estudio investigación
científicos universidad estudiantes profesores datos tecnología seguridad ley juez juicio pruebas Congreso diputados
votación oposición decisión acuerdo negociaciones comercio crecimiento banco tipos inflación precios familias niños hospital
médicos pacientes según afirmó anunció señaló confirmó explicó aseguró añadió además embargo todavía ayer hoy mañana lunes
martes miércoles jueves viernes sábado domingo primer última nueva nuevos grandes varios""",
        "Lucía García|Javier Fernández|Carmen López|Diego Martínez|Elena Sánchez|Pablo Romero|Marta Navarro|Sergio Ruiz",
        "Leer más|Lo más leído|Compartir|Comentarios|Por|Foto|Noticias relacionadas",
        "Política|Internacional|Economía|Tecnología|Ciencia|Deportes|Cultura|Opinión",
    ),
    "ru": _language(
        """
и в не на что с по как а о его к из за у от же это для все до при так но она он был они бы было уже года также может более
после только который которые были будет этом еще мы ее их время если году этого того чем сейчас однако между тем где когда
даже два три первый новый новые правительство министр полиция город страна компания рынок процентов выборы президент неделе
суд здоровье школа вода решение вопрос работа сообщил заявил отметил подчеркнул рассказал добавил власти области района
России Москвы жители села регион граница армия мир кризис помощь пожарные пострадавшие протест забастовка профсоюзы
работники зарплаты занятость жилье аренда строительство проект расходы бюджет налоги энергия электричество климат погода
шторм наводнение дорога движение поезд вокзал аэропорт поездка туризм сезон команда игроки тренер матч чемпионат клуб музыка
кино музей художник фестиваль книга автор исследование ученые университет студенты учителя данные технологии безопасность
закон судья процесс расследование доказательства Госдума депутаты голосование партия оппозиция соглашение переговоры
торговля рост банк ставки инфляция цены семьи дети больница врачи пациенты словам вчера сегодня завтра понедельник вторник
среда четверг пятница суббота воскресенье несколько крупных местных последние ранее около почти всего человек люди жизнь лет
день дом власть глава мэр губернатор заседание неделю месяц вопросы меры""",
        "Анна Иванова|Дмитрий Смирнов|Елена Кузнецова|Сергей Попов|Мария Соколова|Алексей Морозов|Ольга Волкова|Игорь Лебедев",
        "Читайте также|Самое читаемое|Поделиться|Комментарии|Автор|Фото|По теме",
        "Политика|В мире|Экономика|Технологии|Наука|Спорт|Культура|Мнения",
    ),
    "zh": _language(
        """
的 在 了 是 和 也 将 对 与 从 为 有 这 一个 我们 他们 已经 正在 目前 进一步 今年 去年 表示 认为 指出
强调 介绍 透露 记者 报道 消息 政府 经济 发展 国家 社会 市场 企业 公司 中国 美国 北京 上海 广州 深圳 城市
地区 国际 合作 问题 工作 建设 项目 政策 部门 会议 专家 增长 投资 技术 研究 学生 学校 教育 医院 健康 环境
能源 交通 铁路 机场 旅游 文化 历史 体育 比赛 球队 选手 教练 冠军 音乐 电影 博物馆 艺术 图书 作者 大学
科学家 数据 科技 手机 网络 安全 法律 法院 法官 调查 证据 人大 代表 投票 领导 支持 决定 协议 谈判 贸易
出口 银行 利率 通胀 价格 就业 工资 住房 租金 工程 成本 资金 社区 居民 农村 边境 军队 和平 危机 应急 消防
救援 群众 活动 服务 管理 改革 创新 产业 制造 农业 生产 消费 需求 供应 质量 标准 计划 方案 措施 工作组
委员会 负责人 工作人员 有关 相关 主要 重要 重大 积极 全面 继续 推动 加强 提高 促进 实现 完成 开展 举行
发布 宣布 确认 提出 要求 希望 预计 超过 达到 增加 减少 下降 上涨 记录 一些 多个 不少 许多 所有 每年 本周
上周 明天 昨天 今天 周一 周二 周三 周四 周五 周末 上午 下午 晚上 同时 此外 但是 因此 由于 如果 虽然 已
并""",
        "王芳|李强|张伟|刘洋|陈静|杨帆|赵磊|黄敏",
        "延伸阅读|热门文章|分享|评论|作者|图片|相关新闻",
        "时政|国际|财经|科技|科学|体育|文化|评论",
        spaced=False,
    ),
}
LANGUAGE_SHARES = {"en": 0.6, "de": 0.08, "fr": 0.08, "es": 0.08, "ru": 0.08, "zh": 0.08}
SITE_NAMES = {
    "newspaper": "The Daily Ledger",
    "wire": "Global Wire Service",
    "portal": "NewsNow",
    "magazine": "Field Notes",
}
NEWEST = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
_CUM_WEIGHTS = {
    code: list(itertools.accumulate(1 / (rank + 8) for rank in range(len(lang.words))))
    for code, lang in LANGUAGES.items()
}
_AD = (
    '<div class="ad-slot" id="ad-{0}" data-ad-unit="/2150/news/{0}"></div>'
    '<script>googletag.cmd.push(()=>googletag.display("ad-{0}"));</script>'
)


class _Writer:
    """Text in one language, drawn from one page's random generator."""

    def __init__(self, rng: random.Random, code: str) -> None:
        self.rng, self.code, self.lang = rng, code, LANGUAGES[code]
        self.space, self.stop, self.comma = (" ", ".", ",") if self.lang.spaced else ("", "。", "，")

    def phrase(self, low: int, high: int, stop: str = "") -> str:
        """``low``-``high`` words, frequent ones more often, capitalized, a comma in long ones."""
        words = self.rng.choices(self.lang.words, cum_weights=_CUM_WEIGHTS[self.code], k=self.rng.randint(low, high))
        if len(words) > 12:
            words[self.rng.randrange(4, len(words) - 4)] += self.comma
        text = self.space.join(words)
        return text[0].upper() + text[1:] + stop

    def sentence(self, low: int = 8, high: int = 25) -> str:
        return self.phrase(low, high, self.stop)

    def paragraphs(self) -> list[str]:
        """6-25 paragraphs of 400-1500 words in all."""
        count, total = self.rng.randint(6, 25), self.rng.randint(400, 1500)
        result = []
        for _ in range(count):
            sentences, left = [], total // count
            while left > 0:
                length = self.rng.randint(8, 25)
                sentences.append(self.sentence(length, length))
                left -= length
            result.append(self.space.join(sentences))
        return result

    def links(self, count: int, prefix: str) -> str:
        """``count`` menu items linking to pages under ``prefix``."""
        return "".join(
            f'<li class="menu__item"><a class="menu__link" href="/{prefix}/{i}/" data-track="menu|{prefix}|{i}">'
            f"{html.escape(self.phrase(1, 3))}</a></li>"
            for i in range(count)
        )


def _slug(text: str, fallback: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:60].strip("-") or fallback


def _css(w: _Writer, prefix: str) -> str:
    rules = "".join(
        f".{prefix}-{i}{{margin:{w.rng.randint(0, 32)}px auto;padding:{w.rng.randint(0, 24)}px;color:#"
        f"{w.rng.randrange(16**6):06x};font:{w.rng.randint(12, 28)}px/1.{w.rng.randint(2, 6)} Georgia,serif}}"
        for i in range(w.rng.randint(40, 110))
    )
    return f"<style>{rules}</style>"


def _config_script(w: _Writer, name: str) -> str:
    """An inline ``window.name = {...}`` configuration of 20-90 keys."""
    config = {
        f"{_slug(w.phrase(1, 2), 'k')}_{i}": w.rng.choice(
            [True, False, w.rng.randrange(10**6), _slug(w.phrase(2, 5), "v")]
        )
        for i in range(w.rng.randint(20, 90))
    }
    return f"<script>window.{name}={json.dumps(config)};</script>"


def _picture(image: str, css: str, width: int) -> str:
    """A responsive <picture> with CDN srcsets, as news sites serve every image."""
    src = f"https://cdn.img.example/{image}/{{}}.{{}}?auto=compress&amp;fit=crop&amp;q=75"
    webp = ", ".join(f"{src.format(f'w{x}', 'webp')} {x}w" for x in (320, 640, 960, 1280))
    return (
        f'<picture><source type="image/webp" srcset="{webp}" sizes="(min-width: 1024px) 33vw, 100vw"><img class="{css}" '
        f'src="{src.format(f"w{width}", "jpg")}" alt="" width="{width}" height="{width * 9 // 16}" loading="lazy"></picture>'
    )


def _teaser(w: _Writer, story: Mapping[str, str]) -> dict[str, str]:
    """Another story's teaser: link, kicker, headline, summary, image."""
    return {
        "url": f"/{story['section_slug']}/{w.rng.randrange(10**7)}.html",
        "kicker": w.rng.choice(w.lang.sections),
        "headline": w.phrase(6, 12),
        "summary": w.sentence(),
        "image": f"{w.rng.randrange(16**12):012x}",
    }


def _filler(w: _Writer, story: Mapping[str, str], size: int) -> tuple[str, str]:
    """A "more news" grid of teaser cards (3/5) and an inline app-state blob (2/5), about ``size`` bytes in all."""
    cards, state, used = [], [], 0
    while used < size:
        t = _teaser(w, story)
        if used < size * 3 // 5:
            cards.append(
                f'<div class="card" data-track="more|{len(cards)}"><a class="card__link" href="{t["url"]}"><div '
                f'class="card__media">{_picture(t["image"], "card__img", 640)}</div><div class="card__body"><span '
                f'class="card__kicker">{t["kicker"]}</span><h3 class="card__title">{html.escape(t["headline"])}</h3>'
                f'<p class="card__summary">{html.escape(t["summary"])}</p></div></a></div>'
            )
            used += len(cards[-1].encode())
        else:
            state.append(t)
            used += len(json.dumps(t, ensure_ascii=False).encode())
    return (
        f'<section class="more-news"><div class="grid grid--3">{"".join(cards)}</div></section>',
        f'<script type="application/json" id="__STATE__">{json.dumps({"teasers": state}, ensure_ascii=False)}</script>',
    )


def _head(w: _Writer, template: str, story: Mapping[str, str]) -> str:
    """Meta, Open Graph and Twitter tags, preloads, JSON-LD NewsArticle, inline CSS and config scripts."""
    site, title, path, lead, author = (
        SITE_NAMES[template],
        story["title"],
        story["path"],
        story["lead"],
        story["author"],
    )
    image = f"/img/{w.rng.randrange(16**9):09x}/hero-1200.jpg"
    names = {
        "description": lead,
        "keywords": w.phrase(5, 9),
        "author": author,
        "robots": "index,follow,max-image-preview:large",
        "twitter:card": "summary_large_image",
        "twitter:site": "@" + _slug(site, "news"),
        "twitter:title": title,
        "twitter:description": lead,
        "twitter:image": image,
    }
    properties = {
        "og:type": "article",
        "og:title": title,
        "og:description": lead,
        "og:url": path,
        "og:image": image,
        "og:site_name": site,
        "og:locale": w.code,
        "article:published_time": story["published"],
        "article:section": story["section"],
        "article:author": author,
    }
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "inLanguage": w.code,
        "image": [image],
        "datePublished": story["published"],
        "dateModified": story["published"],
        "mainEntityOfPage": path,
        "author": [{"@type": "Person", "name": author}],
        "publisher": {"@type": "Organization", "name": site},
    }
    links = [f'<link rel="preload" href="/static/font-{i}.woff2" as="font" crossorigin>' for i in range(4)]
    links += [f'<link rel="preconnect" href="https://cdn{i}.{_slug(site, "news")}.example">' for i in range(4)]
    links += [f'<link rel="apple-touch-icon" sizes="{s}x{s}" href="/icons/{s}.png">' for s in (57, 72, 114, 144, 180)]
    return (
        f'<meta charset="utf-8"><title>{html.escape(title)} | {site}</title>'
        + "".join(f'<meta name="{k}" content="{html.escape(v)}">' for k, v in names.items())
        + "".join(f'<meta property="{k}" content="{html.escape(v)}">' for k, v in properties.items())
        + f'<link rel="canonical" href="{path}"><link rel="preload" href="{image}" as="image">{"".join(links)}'
        + f'<link rel="alternate" type="application/rss+xml" href="/feed.xml" title="{site}">'
        + f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>{_css(w, template[:3])}'
        + _config_script(w, "dataLayer")
        + _config_script(w, "__SITE_CONFIG__")
    )


def _nav(w: _Writer) -> str:
    """A mega-menu of 100-300 links under the language's sections."""
    per_section = w.rng.randint(100, 300) // len(w.lang.sections)
    columns = "".join(
        f'<li class="menu-item"><a href="/{_slug(name, f"s{i}")}/">{name}</a><div class="mega"><ul>'
        f"{w.links(per_section, _slug(name, f's{i}'))}</ul></div></li>"
        for i, name in enumerate(w.lang.sections)
    )
    return f'<nav class="main-menu" aria-label="Main"><ul>{columns}</ul></nav>'


def _article(w: _Writer, template: str, story: Mapping[str, str], paragraphs: list[str]) -> str:
    """Headline, byline, date, figure and body, sometimes with a subheading, a quote and a promo."""
    blocks = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    if w.rng.random() < 0.6:
        blocks.insert(len(blocks) // 3, f"<h2>{html.escape(w.phrase(4, 9))}</h2>")
    if w.rng.random() < 0.5:
        blocks.insert(len(blocks) // 2, f"<blockquote><p>{html.escape(w.sentence())}</p></blockquote>")
    if w.rng.random() < 0.5:
        t = _teaser(w, story)
        blocks.insert(
            2,
            f'<p class="read-more"><strong>{w.lang.labels[0]}:</strong> <a href="{t["url"]}">'
            f"{html.escape(t['headline'])}</a></p>",
        )
    if template == "portal":
        blocks.insert(4, _AD.format("inread"))
    credit = f'<span class="credit">{w.lang.labels[5]}: {html.escape(w.rng.choice(w.lang.names))}</span>'
    figure = (
        f'<figure class="lead-image">{_picture(f"{w.rng.randrange(16**12):012x}", "lead-image__img", 1200)}'
        f"<figcaption>{html.escape(w.sentence(6, 14))} {credit}</figcaption></figure>"
    )
    author = f'<a rel="author" href="/authors/{_slug(story["author"], "staff")}/">{html.escape(story["author"])}</a>'
    when = f'<time datetime="{story["published"]}">{story["published"][:16].replace("T", " ")}</time>'
    body = {"newspaper": "story-body", "wire": "article-text", "portal": "content__body", "magazine": "entry-content"}[
        template
    ]
    return (
        f'<article class="{template}-article"><header><h1>{html.escape(story["title"])}</h1><div class="byline">'
        f'{w.lang.labels[4]} {author} {when}</div></header>{figure}<div class="{body}">{"".join(blocks)}</div></article>'
    )


def _related(w: _Writer, story: Mapping[str, str]) -> str:
    """A most-read or related rail of 5-15 teasers."""
    items = "".join(
        f'<li><a href="{t["url"]}">{_picture(t["image"], "rail__img", 160)}<span>{html.escape(t["headline"])}</span>'
        "</a></li>"
        for t in (_teaser(w, story) for _ in range(w.rng.randint(5, 15)))
    )
    return f'<section class="related"><h2>{w.lang.labels[w.rng.choice((1, 6))]}</h2><ol>{items}</ol></section>'


def _comments(w: _Writer) -> str:
    items = "".join(
        f'<li class="comment"><b class="comment-author">{html.escape(w.rng.choice(w.lang.names).split()[0])}'
        f"{w.rng.randint(1, 99)}</b><p>{html.escape(w.space.join(w.sentence() for _ in range(w.rng.randint(1, 3))))}"
        "</p></li>"
        for _ in range(w.rng.randint(3, 12))
    )
    return f'<section id="comments" class="comments"><h2>{w.lang.labels[3]}</h2><ol class="comment-list">{items}</ol></section>'


def _share(w: _Writer) -> str:
    icon = (
        '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><use href="/static/icons.svg#{0}"/></svg>'
    )
    items = "".join(
        f'<li><a class="share-{net}" href="#share-{net}" rel="nofollow">{icon.format(net)}</a></li>'
        for net in ("facebook", "x", "whatsapp", "linkedin", "email", "copy")
    )
    return f'<div class="share-bar"><span>{w.lang.labels[2]}</span><ul>{items}</ul></div>'


def _footer(w: _Writer, site: str) -> str:
    columns = "".join(
        f'<div class="footer-col"><h3>{name}</h3><ul>{w.links(w.rng.randint(6, 14), f"f{i}")}</ul></div>'
        for i, name in enumerate(w.lang.sections)
    )
    return f'<footer class="site-footer">{columns}<p class="copyright">© 2026 {site}</p></footer>'


#: Page bodies, filled with the pieces ``news_page`` renders.
TEMPLATES = {
    "newspaper": (
        '<body class="newspaper">{ad_top}<header class="masthead"><a class="logo" href="/">The Daily Ledger</a>'
        '<form role="search" action="/search"><input name="q"></form></header>{nav}<main class="container">{crumbs}'
        '<div class="row"><div class="col-main">{article}{share}{comments}</div><aside class="col-side">{ad_side}{related}'
        "</aside></div>{more}</main>{footer}{state}</body>"
    ),
    "wire": (  # an agency's aggregator: edition and country pickers, no comments
        '<body class="wire"><div class="topbar"><ul class="editions">{editions}</ul><select name="country">{countries}'
        '</select></div><header class="wire-header"><a href="/">Global Wire Service</a></header>{nav}{crumbs}'
        '<div id="content">{article}{share}<aside class="most-read">{related}</aside>{more}</div>{ad_top}{footer}{state}</body>'
    ),
    "portal": (  # script-heavy: consent, header bidding, A/B tests, feature flags
        '<body class="portal"><div id="consent-root"></div>{ad_top}<header class="portal-header"><a href="/">NewsNow</a>'
        '<div class="weather-widget" data-city="auto"></div></header>{nav}<div class="layout"><div class="layout__main">'
        '{crumbs}{article}{ad_side}{share}{comments}</div><aside class="layout__rail">{related}{ad_rail}</aside></div>'
        "{more}{footer}{scripts}{state}</body>"
    ),
    "magazine": (  # blog-like: author box, reply form, widget sidebar
        '<body class="single single-post"><div id="page" class="site"><header id="masthead" class="site-header"><p '
        'class="site-title"><a href="/">Field Notes</a></p></header>{nav}<div id="primary" class="content-area"><main id="main">'
        '{article}<div class="author-box">{bio}</div>{share}{comments}<form class="comment-form" action="/wp-comments-post.php">'
        '<textarea name="comment"></textarea></form></main></div><aside id="secondary" class="widget-area">{related}{ad_side}'
        "</aside>{more}{footer}</div>{state}</body>"
    ),
}
_EDITIONS = "".join(
    f'<li><a href="/{code}/" lang="{code}">{lang.sections[1]}</a></li>' for code, lang in LANGUAGES.items()
)
_COUNTRIES = "".join(
    f'<option value="{c}">{c.upper()}</option>' for c in "us gb ie de at ch fr es mx ar ru cn sg in au br".split()
)


def news_page(number: int, seed: int = 0) -> NewsPage:
    """Page ``number`` of the set generated for ``seed``: the same whatever the set's size."""
    rng = random.Random(f"{seed}:{number}")
    code = rng.choices(list(LANGUAGE_SHARES), weights=list(LANGUAGE_SHARES.values()))[0]
    template, w = rng.choice(list(TEMPLATES)), _Writer(rng, code)
    published = (NEWEST - timedelta(minutes=rng.randrange(60 * 24 * 30))).isoformat()
    title, section, paragraphs = w.phrase(6, 12), rng.choice(w.lang.sections), w.paragraphs()
    path = f"/{published[:10].replace('-', '/')}/{_slug(title, code + '-story')}-{number}.html"
    story = {
        "title": title,
        "path": path,
        "published": published,
        "section": section,
        "section_slug": _slug(section, "news"),
        "lead": paragraphs[0][:200],
        "author": rng.choice(w.lang.names),
    }
    site = SITE_NAMES[template]
    parts = {
        "nav": _nav(w),
        "article": _article(w, template, story, paragraphs),
        "share": _share(w),
        "related": _related(w, story),
        "comments": "" if template == "wire" else _comments(w),
        "footer": _footer(w, site),
        "bio": html.escape(w.sentence()),
        "ad_top": _AD.format("top"),
        "ad_side": _AD.format("side"),
        "ad_rail": _AD.format("rail"),
        "more": "",
        "state": "",
        "crumbs": f'<nav class="breadcrumbs"><ol><li><a href="/">{site}</a></li><li><a href="/{story["section_slug"]}/">'
        f"{section}</a></li></ol></nav>",
        "editions": _EDITIONS,
        "countries": _COUNTRIES,
        "scripts": "".join(_config_script(w, f"__{name}__") for name in ("CONSENT", "PREBID", "AB_TESTS", "FLAGS")),
    }
    head = f'<!DOCTYPE html><html lang="{code}"><head>{_head(w, template, story)}</head>'
    page = head + TEMPLATES[template].format_map(parts) + "</html>"
    # Real pages owe much of their weight to teaser grids and app state: top up to a size spread over 50-150 KB.
    missing = rng.randint(50_000, 149_000) - len(page.encode())  # the filler overshoots by <1 KB
    if missing > 0:
        parts["more"], parts["state"] = _filler(w, story, missing)
        page = head + TEMPLATES[template].format_map(parts) + "</html>"
    return NewsPage(path, page, template, code, title, published)


def news_pages(count: int, seed: int = 0) -> list[NewsPage]:
    """``count`` distinct article pages, deterministic for ``seed``."""
    return [news_page(number, seed) for number in range(count)]


def _rss(pages: Sequence[NewsPage], links: Sequence[str]) -> str:
    newest_first = sorted(zip(pages, links, strict=True), key=lambda pair: pair[0].published, reverse=True)
    home = urlsplit(links[0])._replace(path="/").geturl() if links else ""
    return rss2(
        "Benchmark news",
        home,
        [FeedItem(link, page.title, page.published) for page, link in newest_first],
        language=None,
    )


def rss_feed(pages: Sequence[NewsPage], base_url: str) -> str:
    """An RSS 2.0 feed listing every page, newest first, linked under ``base_url``."""
    return _rss(pages, [base_url.rstrip("/") + page.path for page in pages])


def benchmark_site(pages: Sequence[NewsPage], name: str = "news", hosts: Sequence[str] = ()) -> Site:
    """Site ``name`` serving ``pages``, ``/feed.xml`` listing them all and a ``/robots.txt`` allowing all.

    The feed links to the site's address; given ``hosts``, to these host names in turn on the
    site's port instead (for crawlers refusing IP addresses, or to look like several sites).
    """

    def render(addresses: Mapping[str, str]) -> dict[str, Page]:
        address = urlsplit(addresses[name])
        bases = [f"{address.scheme}://{host}:{address.port}" for host in hosts] or [addresses[name].rstrip("/")]
        served = {page.path: Page(page.html.encode()) for page in pages}
        feed = _rss(pages, [bases[i % len(bases)] + page.path for i, page in enumerate(pages)])
        served["/feed.xml"] = Page(feed.encode(), "application/rss+xml; charset=utf-8")
        served["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n", "text/plain; charset=utf-8")
        return served

    return Site(name, render)


def main() -> None:
    """Check a sample: sizes, trafilatura's body length and time per page, langdetect's verdicts."""
    import trafilatura
    from langdetect import DetectorFactory, detect

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    DetectorFactory.seed = 0
    pages = news_pages(args.pages, args.seed)
    sizes = sorted(len(page.html.encode()) / 1000 for page in pages)
    print(f"size KB: min {sizes[0]:.0f}, median {statistics.median(sizes):.0f}, max {sizes[-1]:.0f}")
    timings, short, wrong = [], 0, 0
    for page in pages:
        start = time.perf_counter()
        text = trafilatura.extract(page.html) or ""
        timings.append(time.perf_counter() - start)
        short += len(text) < 300
        wrong += detect(text).split("-")[0] != page.language
    print(
        f"trafilatura.extract: median {statistics.median(timings) * 1000:.1f} ms/page, {short} bodies under 300 characters"
    )
    print(f"langdetect on the extracted bodies: {len(pages) - wrong}/{len(pages)} right")
    print(
        "pages per template and language:",
        {k: sum(k in (p.template, p.language) for p in pages) for k in [*TEMPLATES, *LANGUAGES]},
    )


if __name__ == "__main__":
    main()
