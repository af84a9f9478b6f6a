"""Decoding pages in legacy encodings, declared, undeclared and mis-declared."""

import pytest

from crawler.encoding import decode_html

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
