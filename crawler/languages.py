"""Language codes as the corpus stores them (ISO 639-1, as langdetect gives them) from what a
user types: a code in any case (``EN``), or a language's English or own name (``english``,
``Deutsch``). Names come from Babel's CLDR tables (installed with trafilatura)."""

from __future__ import annotations

from functools import cache

from babel import Locale, localedata

__all__ = ["language_code"]


@cache
def _english() -> dict[str, str]:
    """Code by casefolded code and English name, for every language with a bare code."""
    names = {code: name for code, name in Locale("en").languages.items() if code.isalpha()}
    return {name.casefold(): code for code, name in names.items()} | {code.casefold(): code for code in names}


@cache
def _native() -> dict[str, str]:
    """Code by each two-letter language's casefolded name in that language (Deutsch, français)."""
    codes = [code for code in set(_english().values()) if len(code) == 2 and localedata.exists(code)]
    return {name.casefold(): code for code in codes if (name := Locale(code).languages.get(code))}


def language_code(text: str) -> str | None:
    """The code ``text`` stands for (``EN``, ``english``, ``Deutsch`` -> ``en``, ``en``, ``de``), or None."""
    key = text.strip().casefold()
    return _english().get(key) or _native().get(key)
