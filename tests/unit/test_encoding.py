"""Decoding pages in legacy encodings, declared, undeclared and mis-declared."""

import pytest

from crawler.setting_checks import project_settings
from crawler.web.encoding import decode_html

TEXTS = {
    "windows-1251": ("ru", "Правительство объявило о новой программе поддержки малого бизнеса в регионах страны."),
    "koi8-r": ("ru", "Правительство объявило о новой программе поддержки малого бизнеса в регионах страны."),
    "shift_jis": ("ja", "政府は地方の中小企業を支援する新しい計画を発表しました。"),
    "euc-kr": ("ko", "정부는 지역 중소기업을 지원하는 새로운 계획을 발표했습니다."),
    "gb2312": ("zh", "政府宣布了支持地方中小企业的新计划，预计明年开始实施。"),
    "iso-8859-2": ("pl", "Rząd ogłosił nowy program wsparcia małych przedsiębiorstw w regionach kraju."),
}


def html(lang, text, meta=""):
    return f"<html lang='{lang}'><head>{meta}<title>{text[:10]}</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize("charset", sorted(TEXTS))
@pytest.mark.parametrize("declared_in", ["header", "meta"])
def test_declared_legacy_encodings(charset, declared_in):
    lang, text = TEXTS[charset]
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if declared_in == "meta" else ""
    content_type = f"text/html; charset={charset}" if declared_in == "header" else "text/html"
    decoded, _ = decode_html(html(lang, text, meta).encode(charset), content_type)
    assert text in decoded


@pytest.mark.parametrize("charset", ["windows-1251", "shift_jis", "gb2312"])
def test_undeclared_legacy_encodings_are_detected(charset):
    lang, text = TEXTS[charset]
    decoded, _ = decode_html(html(lang, text * 3).encode(charset), "text/html")
    assert text in decoded


def test_utf8_mislabelled_as_latin1_is_repaired():
    lang, text = TEXTS["iso-8859-2"]
    decoded, encoding = decode_html(html(lang, text).encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert text in decoded and encoding == "utf-8"


def test_real_latin1_stays_latin1():
    text = "Le président a annoncé une réforme des retraites très contestée."
    decoded, _ = decode_html(html("fr", text).encode("latin-1"), "text/html; charset=ISO-8859-1")
    assert text in decoded


def test_utf16_with_bom():
    lang, text = TEXTS["windows-1251"]
    decoded, _ = decode_html(html(lang, text).encode("utf-16"), None)
    assert text in decoded


def test_header_the_bytes_contradict_yields_to_the_meta_charset():
    lang, text = TEXTS["windows-1251"]
    meta = '<meta charset="windows-1251">'
    decoded, encoding = decode_html(html(lang, text, meta).encode("cp1251"), "text/html; charset=utf-8")
    assert text in decoded and encoding == "cp1251"


def test_chinese_variants_and_serbian_by_their_characters():
    from pipelines.core.language import LanguageDetector, chinese_variant

    assert chinese_variant("這個國家的經濟發展") == "zh-tw" and chinese_variant("这个国家的经济发展") == "zh-cn"
    serbian = "Почела је обнова Петроварадинске тврђаве, а радови ће трајати до краја године, саопштио је град."
    assert LanguageDetector.from_settings(project_settings()).detect(serbian, {}).language == "sr"


def test_a_feed_hint_for_an_undetectable_language_does_not_override_clear_text():
    from pipelines.core.language import LanguageDetector

    english = "The undersea tunnel linking the island to the mainland has been delayed by another two years, officials said on Monday."
    assert (
        LanguageDetector.from_settings(project_settings())
        .detect(english, {"page_language": "en", "language": "ms-MY", "source_language": "ms"})
        .language
        == "en"
    )


@pytest.mark.parametrize(
    ("lang", "charset"), [("cs", "iso-8859-2"), ("hr", "iso-8859-2"), ("pl", "cp1250"), ("ru", "koi8-r")]
)
def test_undeclared_single_byte_pages_are_read_by_their_language(lang, charset):
    text = {
        "cs": "Hlavní město Praha rozšíří síť sdílených kol do všech městských částí, oznámil magistrát.",
        "hr": "Zagreb uvodi nove autobusne linije prema zračnoj luci, a vožnja će trajati dvadeset minuta.",
        "pl": "Rząd ogłosił nowy program wsparcia małych przedsiębiorstw w regionach kraju, źródła mówią.",
        "ru": "Синоптики предупредили жителей Якутии о резком похолодании: в ближайшие дни ожидаются морозы.",
    }[lang]
    decoded, _ = decode_html(html(lang, text).encode(charset), "text/html")
    assert text in decoded


def test_a_koi8_page_labelled_windows_1251_is_read_as_koi8():
    text = "Синоптики предупредили жителей Якутии о резком похолодании: в ближайшие дни ожидаются морозы."
    page = html("ru", text, '<meta charset="windows-1251">').encode("koi8-r")
    decoded, encoding = decode_html(page, "text/html; charset=windows-1251")
    assert text in decoded and encoding == "koi8_r"


def test_windows_1252_declared_as_utf8_falls_back_to_detection():
    text = (
        "Le président a annoncé une réforme des retraites très contestée, dit-il à l’Assemblée. "
        "Le cœur du problème, selon lui, reste le coût — 12 milliards d’euros."
    )
    decoded, encoding = decode_html(html("fr", text * 3).encode("cp1252"), "text/html; charset=utf-8")
    assert text in decoded and encoding == "cp1252"
