"""Writing systems that matter to tokenizing: scripts written without spaces between words."""

from __future__ import annotations

import re

__all__ = ["UNSPACED_CHARACTERS", "UNSPACED_LANGUAGES", "has_unspaced_script"]

#: Kana, Han, Thai, Lao, Myanmar, Khmer: a word boundary is not a space there.
UNSPACED_CHARACTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
#: Languages written in those scripts (ISO 639-1).
UNSPACED_LANGUAGES = ("zh", "ja", "th", "lo", "km", "my")
_UNSPACED = re.compile(f"[{UNSPACED_CHARACTERS}]")


def has_unspaced_script(text: str) -> bool:
    """Whether ``text`` contains a character of a script written without spaces."""
    return _UNSPACED.search(text) is not None
