"""Decoding fetched pages to Unicode, whatever they declare (or fail to)."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from langdetect import DetectorFactory, LangDetectException, detect_langs
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

__all__ = ["decode_html"]

#: Single-byte code page families: the languages written with them, the code pages a page in
#: that language is likely in, and lower-case letters only that alphabet has. A page decoded
#: with the wrong member shows few of those letters (KOI8-R read as windows-1251 turns
#: lower case into upper; ISO-8859-2 read as windows-1250 turns š into ą).
FAMILIES = (
    (("cs", "sk", "pl", "hu", "hr", "sl", "sr", "bs", "ro"), ("cp1250", "iso8859_2"), "ąćčďęěłńňőřśšťůűźżžășțđ"),
    (
        ("ru", "uk", "bg", "mk", "be", "sr"),
        ("cp1251", "koi8_r", "koi8_u", "iso8859_5"),
        "абвгдежзийклмнопрстуфхцчшщъыьэюяёіїєґђћџљњј",
    ),
    (("el",), ("cp1253", "iso8859_7"), "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώς"),
    (("tr",), ("cp1254", "iso8859_9"), "çğıöşü"),
    (("lt", "lv", "et"), ("cp1257", "iso8859_13", "iso8859_4"), "ąčęėįšųūžāēģīķļņõäöü"),
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>|&\w+;")
_HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)

#: Declared encodings that pages often claim while actually sending UTF-8.
LATIN1_FAMILY = {"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii"}


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML page: BOM, then HTTP charset, then ``<meta>`` charset, then detection.

    Returns the text and the encoding used. A page declared as Latin-1/Windows-1252 that is
    in fact valid UTF-8 (a common misconfiguration) is decoded as UTF-8; a page whose bytes
    no declaration decodes (windows-1252 sent as UTF-8) is decoded as detected.
    """
    bom, mark = read_bom(body)
    if bom is not None and mark is not None:
        return body[len(mark) :].decode(bom, "replace"), bom
    if _declares_latin1(body, content_type) and _is_utf8_text(body):
        return body.decode("utf-8"), "utf-8"
    # A declaration the bytes contradict (a UTF-8 header over a windows-1251 body) yields to
    # the next one (the page's own <meta>) that decodes the page without error.
    declared = [resolve_encoding(e) for e in (_header_charset(content_type), html_body_declared_encoding(body)) if e]
    valid = [encoding for encoding in declared if encoding and _decodes(body, encoding)]
    if (by_language := _code_page_for_language(body, valid[0] if valid else None)) is not None:
        return body.decode(by_language, "replace"), by_language
    encoding = valid[0] if valid else _detect_encoding(body) or next(filter(None, declared), None) or "utf-8"
    return body.decode(encoding, "replace"), encoding


def _code_page_for_language(body: bytes, declared: str | None) -> str | None:
    """The code page of the page's declared language family that reads it best, when that is a change.

    Used when nothing valid is declared and the page is not UTF-8, or to overrule a declared
    member of the family that reads far worse than another (a KOI8-R page labelled windows-1251).
    """
    match = _HTML_LANG.search(body[:4096])
    if match is None or (declared is None and _is_utf8_text(body)):
        return None
    language = match.group(1).decode().lower()
    if declared is not None and codecs.lookup(declared).name not in _family_names(language):
        return None  # the declaration names another family (UTF-8 above all): not ours to second-guess
    scores = _family_scores(body, language)
    if not scores:
        return None
    best = max(scores, key=scores.get)
    if declared is None:
        return best if scores[best] > 0 else None
    current = next(score for page, score in scores.items() if codecs.lookup(page).name == codecs.lookup(declared).name)
    return best if scores[best] > 2 * current + 0.01 else None


def _family_names(language: str) -> set[str]:
    """Codec names of the code pages the language's family is written in."""
    return {codecs.lookup(page).name for languages, pages, _ in FAMILIES if language in languages for page in pages}


def _family_scores(body: bytes, language: str) -> dict[str, float]:
    """How well each code page of the language's family reads the page (share of its letters)."""
    candidates = {page: letters for languages, pages, letters in FAMILIES if language in languages for page in pages}
    return {page: _letter_share(body.decode(page, "replace"), letters) for page, letters in candidates.items()}


def _letter_share(text: str, letters: str) -> float:
    """Share of the text's letters that are lower-case letters only its alphabet has."""
    alphabet = set(letters)
    total = sum(1 for char in text if char.isalpha())
    return sum(1 for char in text if char in alphabet) / total if total else 0.0


def _header_charset(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return None


def _decodes(body: bytes, encoding: str) -> bool:
    """Whether the (resolved) encoding decodes the whole body without error."""
    try:
        body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _declares_latin1(body: bytes, content_type: str | None) -> bool:
    declared = _header_charset(content_type) or html_body_declared_encoding(body)
    if not declared:
        return False
    resolved = resolve_encoding(declared)
    return resolved is not None and codecs.lookup(resolved).name in LATIN1_FAMILY


def _is_utf8_text(body: bytes) -> bool:
    """Valid UTF-8 with at least one multi-byte character (pure ASCII proves nothing)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(byte >= 0x80 for byte in body)


def _detect_encoding(body: bytes) -> str | None:
    """Guess the encoding of a page that declares none: UTF-8 if valid, else charset detection."""
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(body[:200_000]).best()
    if best is None:
        return None
    # Among close code pages (windows-1250, ISO-8859-2, windows-1252) its guess is weak: the
    # language of the text (mostly ASCII letters, readable even when mis-decoded) picks the
    # family, and the family's own letters pick the member.
    scores = _family_scores(body, _language_of(body.decode(best.encoding, "replace")))
    return max(scores, key=scores.get) if scores else best.encoding


def _language_of(html: str) -> str:
    """The language of the page's visible text, roughly (tags stripped), or ''."""
    text = " ".join(_TAG.sub(" ", _SCRIPT.sub(" ", html)).split())[:3000]
    DetectorFactory.seed = 0
    try:
        return detect_langs(text)[0].lang.split("-")[0]
    except (LangDetectException, IndexError):
        return ""
