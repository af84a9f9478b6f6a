"""Parsing a decoded page into one lxml tree, also when its elements nest deeper than libxml2's
default limit (255 levels), where the parser silently stops and the article below is lost.

Such a page is parsed again with the limit raised (``huge_tree``: 2,048 levels) and its chains of
bare wrappers (an element whose only content is one element of the same tag) unwrapped, so that
extraction, which walks the tree, sees an ordinary depth. A page deeper still is refused with a
reason that says so (``too_deep``) rather than stored cut or dropped as having no body.
"""

from __future__ import annotations

from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura.utils import HTML_PARSER, load_html

from pipelines.core.rejections import NotAnArticle

__all__ = ["parse_html"]

#: libxml2's message when it stops at its depth limit (256 by default, 2,048 with huge_tree).
DEPTH_MESSAGE = "Excessive depth in document"
#: trafilatura's parser options, the depth limit raised.
DEEP_PARSER = HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)


def _stopped_at_depth(parser: HTMLParser) -> bool:
    return any(DEPTH_MESSAGE in entry.message for entry in parser.error_log)


def _unwrap_chains(tree: HtmlElement) -> None:
    """Drop every bare wrapper: an element with no text of its own whose only child has its tag
    and whose parent holds nothing else (so no text, attribute of a box or sibling order is lost
    but the wrapper's own attributes, which a chain of hundreds of them does not need)."""
    for element in reversed(list(tree.iter())):
        parent = element.getparent()
        if (
            parent is not None
            and element.tag == parent.tag
            and len(parent) == 1
            and len(element) == 1
            and not (parent.text or "").strip()
            and not (element.text or "").strip()
            and not (element.tail or "").strip()
        ):
            element.drop_tag()


def parse_html(html: str) -> HtmlElement:
    """The page's tree (trafilatura's parse); raises :class:`NotAnArticle` (``unparseable``, ``too_deep``)."""
    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("unparseable", "no HTML document")
    if not _stopped_at_depth(HTML_PARSER):
        return tree
    deep = fromstring(html.encode("utf-8", "surrogatepass"), parser=DEEP_PARSER)
    if _stopped_at_depth(DEEP_PARSER):
        raise NotAnArticle("too_deep", "elements nested deeper than 2,048 levels: the HTML parser stops there")
    _unwrap_chains(deep)
    return deep
