"""Structural slots: where on its page a body block sits, in terms that hold from page to page.

A site shows its furniture in the same place of its page structure on many pages, while the
furniture's words change with each page's language and its class names may be generated per
page. A block's slot names that place:

- the path from the body to the block's box: tag names, with an ARIA role where one is set
  (never class names: on a site whose classes are semantic on some pages and generated on
  others, even a semantic token would split one place into two; and no sibling positions:
  the paragraphs before a box change in number with every article);
- the box: the block's own element and the wrappers around it that hold little more than it
  (up to :data:`~pipelines.core.structure.BOX_MAX_CHARS`), as the tags from the box down to the
  block and the kinds of element the box holds (headings, lists, images, form controls,
  embeds, media; links only as "mostly linked").

A story paragraph's box is the paragraph itself, in the article's container; a sign-up box in
the same container is a wrapper holding the block and its controls: two slots.
"""

from __future__ import annotations

from collections import Counter

from pipelines.core.structure import BOX_MAX_CHARS, PROMO_LINK_SHARE, TextIndex, block_text, text_of, text_upto

__all__ = [
    "CONTROLS",
    "HEADINGS",
    "block_slots",
    "slot_container",
    "slot_has_role",
    "slot_holds",
    "slot_is_heading",
    "slot_is_linked",
]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: What a widget holds and an article's text does not: form controls, embeds, media.
CONTROLS = frozenset(
    {"form", "input", "button", "select", "textarea", "iframe", "embed", "object", "video", "audio", "script"}
)
#: The kinds of element a box's shape names (inline formatting and links say nothing of the box).
_SHAPE_TAGS = (
    HEADINGS | CONTROLS | {"p", "ul", "ol", "li", "dl", "table", "blockquote", "figure", "img", "picture", "svg"}
)


def _step(element) -> str:  # noqa: ANN001 (lxml element)
    role = "+".join((element.get("role") or "").lower().split())  # "presentation none": one word
    return f"{element.tag}@{role}" if role else str(element.tag)


def _slot(elements: list, text: str, held: Counter) -> str:
    """The slot of a block shown by ``elements`` (innermost first, then wrappers holding only it);
    ``held`` counts the body's blocks each element holds: the box ends below one holding another."""
    box = elements[-1]
    parent = box.getparent()
    limit = max(BOX_MAX_CHARS, len(text) * 3 // 2)
    while (
        parent is not None
        and parent.tag not in ("body", "html")
        and held[parent] < 2
        and text_upto(parent, limit) is not None
    ):
        box, parent = parent, parent.getparent()
    path = []
    while parent is not None and parent.tag not in ("body", "html"):
        if isinstance(parent.tag, str):
            path.append(_step(parent))
        parent = parent.getparent()
    inner, element = [], elements[0]
    while element is not None:
        inner.append(_step(element))
        if element is box:
            break
        element = element.getparent()
    holds = sorted({str(e.tag) for e in box.iter() if isinstance(e.tag, str) and e.tag in _SHAPE_TAGS})
    linked = sum(len(text_of(a)) for a in box.xpath("self::a[@href] | .//a[@href] | ancestor::a[@href]"))
    box_text = text_of(box)
    shape = ">".join(reversed(inner)) + "[" + ",".join(holds) + "]"
    if box_text and linked >= PROMO_LINK_SHARE * len(box_text):
        shape += "@linked"
    return "/".join(reversed(path)) + " " + shape


def block_slots(index: TextIndex, blocks: list[str]) -> tuple[str, ...]:
    """The slot of each block (``""`` where the page does not show the block as one element)."""
    texts = [block_text(block) for block in blocks]
    shown = [index.elements_of(text) if text else [] for text in texts]
    held = Counter(ancestor for elements in shown if elements for ancestor in elements[-1].iterancestors())
    return tuple(_slot(elements, text, held) if elements else "" for text, elements in zip(texts, shown, strict=True))


def slot_container(slot: str) -> str:
    """The path to the slot's box: blocks with the same container sit side by side."""
    return slot.partition(" ")[0]


def slot_holds(slot: str) -> set[str]:
    """The kinds of element the slot's box holds (see :data:`_SHAPE_TAGS`)."""
    return set(slot.partition(" ")[2].partition("[")[2].partition("]")[0].split(",")) - {""}


def slot_has_role(slot: str) -> bool:
    """Whether the slot's box, or an element in it down to the block, declares an ARIA role."""
    return "@" in slot.partition(" ")[2].partition("[")[0]


def slot_is_linked(slot: str) -> bool:
    """Whether most of the slot's box is the text of links."""
    return slot.endswith("@linked")


def slot_is_heading(slot: str) -> bool:
    """Whether the slot's box is a heading and nothing more (a subheading among the paragraphs)."""
    innermost = slot.partition(" ")[2].partition("[")[0].split(">")[-1].split("@")[0]
    return innermost in HEADINGS and slot_holds(slot) <= HEADINGS
