"""Second opinions: the body a page declares for itself checks the extraction.

Many news pages carry their own clean text: JSON-LD ``articleBody`` (a plain copy of the
article, often without its standfirst, subheadings, captions and widgets) or an element marked
``itemprop="articleBody"`` (the article's container, widgets and all). Neither is taken as the
body: JSON-LD bodies are often cut to a teaser, and a marked container holds what the page put
in it. They are evidence about the extraction:

- **Choosing between extractions** (:func:`agreement`): when trafilatura's text disagrees with
  the declared body, its recall mode is tried, and the text closer to the declared body is
  kept (see ``ArticleExtractor``). Only a declared body long enough to judge is used
  (:func:`can_judge`), since a teaser agrees best with whatever is shortest.
- **Confirming blocks** (:func:`confirmed`): when a JSON-LD body holds most of the extracted
  text (:data:`COMPLETE_SHARE`), it is complete, and an extracted block it does not hold, after the
  first block it does, is furniture: a related-links list, a newsletter box, a paywall
  message, a book list after the article. Blocks before it (a standfirst, a summary, a
  kicker) and headings stay: declared bodies leave those out while the article has them.

Measured on the ScrapingHub and Fundus benchmark pages (README, "Clean bodies").
"""

from __future__ import annotations

import html
import re
from collections import Counter

from pipelines.core.dates import json_ld
from pipelines.core.structure import TextIndex, is_heading

__all__ = ["DeclaredBody", "agreement", "can_judge", "confirmed", "declared_body", "marked_body"]

#: A JSON-LD body is complete when the blocks it holds carry at least this share of the
#: extracted words (teaser bodies hold under a fifth; complete ones over 0.7).
COMPLETE_SHARE = 0.6
#: A block is held by the declared body when this share of its word 4-grams is in it.
HELD_SHARE = 0.5
#: A declared body can judge two extractions when it has at least this share of their words
#: (see :func:`can_judge`): a teaser cut after a paragraph cannot.
JUDGE_SHARE = 0.5
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]+>")


def words(text: str) -> list[str]:
    """The text's words, case folded: the unit both comparisons count in."""
    return _WORD.findall(text.casefold())


def _grams(tokens: list[str]) -> Counter[tuple[str, ...]]:
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


class DeclaredBody:
    """A declared body's words and word 4-grams, to compare extracted text with."""

    def __init__(self, text: str, marked: bool = False) -> None:
        self.marked = marked  # the page's own marked container, not a JSON-LD copy
        self.words = words(text)
        self.grams = _grams(self.words)
        self._joined = f" {' '.join(self.words)} "

    def holds(self, block: str) -> bool:
        """Whether the block is in the declared body (most of its 4-grams, or all of a short one's words in a row)."""
        tokens = words(block)
        if len(tokens) < 4:
            return bool(tokens) and f" {' '.join(tokens)} " in self._joined
        grams = set(_grams(tokens))
        return sum(1 for gram in grams if gram in self.grams) >= HELD_SHARE * len(grams)


def declared_body(tree) -> DeclaredBody | None:  # noqa: ANN001 (lxml document)
    """The page's JSON-LD ``articleBody`` (the longest, markup removed), if any."""
    bodies = [node.get("articleBody") for node in json_ld(tree)]
    texts = [html.unescape(_TAG.sub(" ", body)) for body in bodies if isinstance(body, str) and body.strip()]
    return DeclaredBody(max(texts, key=len)) if texts else None


def marked_body(tree) -> DeclaredBody | None:  # noqa: ANN001
    """The JSON-LD body, else the text of the elements marked ``itemprop="articleBody"``."""
    declared = declared_body(tree)
    if declared is not None:
        return declared
    marked = tree.xpath('//*[@itemprop="articleBody"][not(ancestor::*[@itemprop="articleBody"])]')
    texts = dict.fromkeys(" ".join(" ".join(element.itertext()).split()) for element in marked)  # a copy once
    return DeclaredBody(" ".join(texts), marked=True) if marked else None


def agreement(body: DeclaredBody, text: str) -> float:
    """F1 of the text's word 4-grams against the declared body's (1.0: the same words in the same order)."""
    found = _grams(words(text))
    shared = sum((found & body.grams).values())
    if not shared:
        return 0.0
    precision, recall = shared / sum(found.values()), shared / sum(body.grams.values())
    return 2 * precision * recall / (precision + recall)


def can_judge(body: DeclaredBody, *texts: str) -> bool:
    """Whether the declared body is long enough to choose between ``texts`` (see :data:`JUDGE_SHARE`).

    A JSON-LD body must be as long as that share of the longest text: a teaser agrees best with
    whatever is shortest. The page's marked container is its article as the page lays it out,
    long enough if it is that share of the shortest (a default extraction can be many articles
    long).
    """
    sizes = [len(words(text)) for text in texts]
    return len(body.words) >= JUDGE_SHARE * (min(sizes) if body.marked else max(sizes))


def confirmed(blocks: list[str], body: DeclaredBody, index: TextIndex) -> list[str]:
    """The blocks without those a complete declared body leaves out (see the module docstring).

    Unchanged when the body is not complete (:data:`COMPLETE_SHARE`). Kept: every block up to
    the first one the body holds, the blocks it holds, and headings (found on the page through
    ``index``).
    """
    held = [body.holds(block) for block in blocks]
    sizes = [len(words(block)) for block in blocks]
    total = sum(sizes)
    if not total or sum(size for size, inside in zip(sizes, held, strict=True) if inside) < COMPLETE_SHARE * total:
        return blocks
    first = held.index(True)
    return [
        block
        for position, (block, inside) in enumerate(zip(blocks, held, strict=True))
        if inside or position < first or is_heading(index, block)
    ]
