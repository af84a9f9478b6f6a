"""A learned furniture classifier: each body block judged by features of its page, in any language.

The structure rules (:mod:`pipelines.core.structure`) remove what they were told about; what is
left may still be a sign-up box, an embed's fallback text, a list of links to other stories or
a player's caption in a design no rule names. :func:`block_features` describes each block by
evidence that needs no vocabulary (the box's controls and embeds, its links, where it sits
against the body's main container, whether its words continue the story's prose), and
:class:`BlockClassifier` weighs them with a logistic regression trained by
``benchmarks/train_blocks.py`` (weights in ``block_weights.json``, read with the standard
library and numpy; no model at run time beyond that file).
"""

from __future__ import annotations

import json
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import numpy as np

from pipelines.core.cleaning import BoilerplateRules, content_words
from pipelines.core.removals import Removal, Removals
from pipelines.core.settings_reader import SettingsReader
from pipelines.core.structure import (
    FURNITURE_TOKENS,
    HEADINGS,
    LEAD_IN,
    SENTENCE_END,
    TextIndex,
    block_text,
    box_of,
    other_article,
    text_of,
    tokens,
    word_count,
)

__all__ = ["FEATURES", "WEIGHTS", "BlockClassifier", "block_features"]

#: The shipped weights (written by ``benchmarks/train_blocks.py --write``).
WEIGHTS = Path(__file__).with_name("block_weights.json")
#: What each column of :func:`block_features` measures, in order.
FEATURES = (
    "words",  # log(1 + words)
    "relative_length",  # log of the block's length over the body's median block
    "link_share",  # share of the block's text inside links
    "site_links",  # log(1 + links to other articles of the site in the block's box)
    "sentence_end",  # ends as a sentence does
    "lead_in",  # a short lead-in before a colon ("Also on Courier:")
    "controls",  # the box holds a form, an input, a button or a select
    "embed",  # the box holds an iframe, an embed or a social platform's blockquote or script
    "media",  # the box holds audio, video or an svg icon
    "data_attributes",  # log(1 + data-* attributes in the box)
    "furniture_class",  # a class or id token of furniture in the box
    "phrase_rule",  # the phrase rules would remove the block on its own
    "link_list",  # an item of a list whose items are mostly links
    "depth",  # depth of the block's parent below the body's main container (negative: above)
    "in_main",  # the block's parent is the element holding most of the body's text
    "under_main",  # the block is inside that element
    "boxed",  # generic boxes (div, section, custom elements) between the block and that element, at most 3
    "paragraph",  # the page shows the block as a <p>
    "position",  # where the block sits in the body, 0 first to 1 last
    "continuity",  # share of its content words in the two blocks before and after
    "title_overlap",  # share of its content words in the title
    "digits",  # share of digits among its characters
    "capitals",  # share of upper case among its letters
    "heading",  # the page shows it as a heading
    "located",  # the page shows it as one element (else only the text features say anything)
)
_EMBED_CLASSES = {"twitter", "tweet", "instagram", "tiktok", "facebook", "bluesky", "threads", "reddit", "mastodon"}
_EMBED_SCRIPTS = re.compile(r"twitter|instagram|tiktok|facebook|bsky|threads\.net|reddit|youtube|vimeo", re.I)
_CONTROLS = ".//form | .//input[not(@type='hidden')] | .//textarea | .//select | .//button"
_MEDIA = ".//audio | .//video | .//svg"
#: Elements the story's own text sits in between its paragraphs' container and the text: a list, a
#: quote, a table, a definition, inline markup. Any other wrapper is a box (:func:`_boxes`).
_STORY_WRAPPERS = {
    "p",
    "ul",
    "ol",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "pre",
    "code",
    "b",
    "i",
    "em",
    "strong",
    "a",
    "span",
    "small",
    "sup",
    "sub",
    "q",
    "cite",
    "mark",
}
_PHRASES = BoilerplateRules()


def _overlap(words: set[str], other: set[str]) -> float:
    return len(words & other) / len(words) if words else 0.0


def _depth(element) -> int:  # noqa: ANN001 (lxml element)
    return sum(1 for _ in element.iterancestors())


def _box_evidence(box: list, url: str) -> dict[str, float]:
    """The features read on the block's box (its element and the wrappers around it)."""
    top = box[-1]
    embed = bool(top.xpath(".//iframe | .//embed | .//object | self::iframe"))
    if not embed:
        quotes = top.xpath("self::blockquote | .//blockquote | ancestor::blockquote")
        embed = any(tokens(quote) & _EMBED_CLASSES for quote in quotes) or any(
            _EMBED_SCRIPTS.search(src) for src in top.xpath(".//script/@src")
        )
    elements = [element for element in box if isinstance(element.tag, str)]
    return {
        "site_links": math.log1p(sum(other_article(href, url) for href in top.xpath(".//a/@href"))),
        "controls": float(bool(top.xpath(_CONTROLS))),
        "embed": float(embed),
        "media": float(bool(top.xpath(_MEDIA))),
        "data_attributes": math.log1p(len(top.xpath(".//@*[starts-with(name(), 'data-')]"))),
        "furniture_class": float(any(tokens(element) & FURNITURE_TOKENS for element in elements)),
    }


def _boxes(element, main) -> float:  # noqa: ANN001 (lxml elements)
    """How many wrappers that are not the story's own (see :data:`_STORY_WRAPPERS`) sit between ``element`` and ``main``."""
    count = 0
    for ancestor in element.iterancestors():
        if ancestor is main:
            return float(min(count, 3))
        count += ancestor.tag not in _STORY_WRAPPERS
    return 0.0


def _link_list(element) -> float:  # noqa: ANN001 (lxml element)
    """The share of linked items in the list the block is an item of (0 outside a list of 2+ items)."""
    item = next(iter(element.xpath("ancestor-or-self::li[1]")), None)
    if item is None or item.getparent() is None:
        return 0.0
    items = [sibling for sibling in item.getparent() if sibling.tag == "li"]
    if len(items) < 2:
        return 0.0
    linked = sum(
        1 for li in items if (text := text_of(li)) and sum(len(text_of(a)) for a in li.xpath(".//a")) >= len(text) / 2
    )
    return linked / len(items)


def block_features(index: TextIndex, blocks: Sequence[str], url: str, title: str | None) -> np.ndarray:
    """One row of :data:`FEATURES` per block of the body, read on the page (its ``index``) at ``url``."""
    texts = [block_text(block) for block in blocks]
    places = [next(iter(index.occurrences(text)), []) if text else [] for text in texts]
    parents = [elements[-1].getparent() if elements else None for elements in places]
    held: dict[object, int] = {}
    for text, parent in zip(texts, parents, strict=True):
        if parent is not None:
            held[parent] = held.get(parent, 0) + len(text)
    main = max(held, key=held.__getitem__) if held else None
    main_depth = _depth(main) if main is not None else 0
    median = statistics.median(len(text) for text in texts) if texts else 1
    words = [content_words(text, 4) for text in texts]
    title_words = content_words(title or "", 4)
    rows = np.zeros((len(blocks), len(FEATURES)))
    last = max(len(blocks) - 1, 1)
    for row, (block, text, elements) in enumerate(zip(blocks, texts, places, strict=True)):
        letters = [c for c in text if c.isalpha()]
        around = set().union(*words[max(row - 2, 0) : row], *words[row + 1 : row + 3])
        found: dict[str, float] = {
            "words": math.log1p(word_count(text)),
            "relative_length": math.log((len(text) + 1) / (median + 1)),
            "sentence_end": float(bool(SENTENCE_END.search(text))),
            "lead_in": float(bool(LEAD_IN.match(text))),
            "phrase_rule": float(not _PHRASES.clean([block], None)),
            "position": row / last,
            "continuity": _overlap(words[row], around),
            "title_overlap": _overlap(words[row], title_words),
            "digits": sum(c.isdigit() for c in text) / len(text) if text else 0.0,
            "capitals": sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        }
        if elements:
            outer = elements[-1]
            anchors = set(outer.xpath("self::a | .//a"))
            linked = len(text) if outer.xpath("ancestor::a") else sum(len(text_of(a)) for a in anchors)
            parent = parents[row]
            found |= _box_evidence(box_of(elements, text), url) | {
                "link_share": min(linked / len(text), 1.0),
                "link_list": _link_list(outer),
                "depth": float(np.clip(_depth(parent) - main_depth, -3, 5)) if parent is not None else 0.0,
                "in_main": float(parent is main),
                "under_main": float(main is not None and any(a is main for a in outer.iterancestors())),
                "boxed": _boxes(outer, main) if main is not None else 0.0,
                "paragraph": float(any(element.tag == "p" for element in elements)),
                "heading": float(any(isinstance(e.tag, str) and e.tag in HEADINGS for e in elements)),
                "located": 1.0,
            }
        rows[row] = [found.get(name, 0.0) for name in FEATURES]
    return rows


@dataclass(frozen=True)
class BlockClassifier:
    """A logistic regression over :data:`FEATURES`: removes the blocks it finds furniture at ``threshold`` or more."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float

    @classmethod
    def load(cls, threshold: float, path: Path = WEIGHTS) -> Self:
        """The classifier of the weights file at ``path`` (its features must be :data:`FEATURES`)."""
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path}: weights for other features; run benchmarks/train_blocks.py --write")
        return cls(
            np.array(data["mean"]), np.array(data["scale"]), np.array(data["coef"]), float(data["intercept"]), threshold
        )

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> Self:
        """The shipped weights at ``CLEAN_MODEL_THRESHOLD``."""
        return cls.load(settings.getfloat("CLEAN_MODEL_THRESHOLD"))

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """The probability that each row's block is furniture."""
        if not len(rows):
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-(((rows - self.mean) / self.scale) @ self.coef + self.intercept)))

    def explain(self, row: np.ndarray, count: int = 3) -> str:
        """The ``count`` features that pushed the block most towards furniture, with their values."""
        pushes = (row - self.mean) / self.scale * self.coef
        top = np.argsort(-pushes)[:count]
        return ", ".join(f"{FEATURES[i]}={row[i]:.2f} (+{pushes[i]:.2f})" for i in top if pushes[i] > 0)

    def clean(
        self,
        index: TextIndex,
        blocks: list[str],
        url: str,
        title: str | None,
        removals: Removals | None = None,
    ) -> list[str]:
        """The blocks the model does not find furniture, in order (those it does recorded in ``removals``)."""
        rows = block_features(index, blocks, url, title)
        scores = self.probabilities(rows)
        kept = []
        for block, row, score in zip(blocks, rows, scores, strict=True):
            if score < self.threshold:
                kept.append(block)
            elif removals is not None:
                removals.append(Removal(block, "model", f"p={score:.2f}: {self.explain(row)}"))
        return kept
