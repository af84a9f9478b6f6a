"""Decoding fetched pages to Unicode, whatever they declare (or fail to)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, read_bom, resolve_encoding

__all__ = ["decode_html"]

#: Declared encodings that pages often claim while actually sending UTF-8.
LATIN1_FAMILY = {"cp1252", "latin-1", "iso8859-1", "iso8859-15", "ascii"}


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML page: BOM, then HTTP charset, then ``<meta>`` charset, then detection.

    Returns the text and the encoding used. A page declared as Latin-1/Windows-1252 that is
    in fact valid UTF-8 (a common misconfiguration) is decoded as UTF-8.
    """
    if read_bom(body)[0] is None and _declares_latin1(body, content_type) and _is_utf8_text(body):
        return body.decode("utf-8"), "utf-8"
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_detect_encoding)
    return text, encoding


def _declares_latin1(body: bytes, content_type: str | None) -> bool:
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    declared = declared or html_body_declared_encoding(body)
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
    return best.encoding if best is not None else None
