"""HTML to text and metadata: trafilatura for pages, a plain walker for fragments."""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml import html as lxml_html

from .article import Fields
from .dates import normalize_date

__all__ = ["extract_html", "fragment_text"]

logger = logging.getLogger(__name__)

# Elements whose content is never article text.
_DROP = frozenset(
    {
        "head", "title", "script", "style", "noscript", "template",
        "nav", "header", "footer", "aside", "form", "button", "svg",
    }
)  # fmt: skip
# Elements that end a paragraph.
_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "figure", "figcaption", "hr", "address", "body",
    }
)  # fmt: skip
# Sentinels for breaks while HTML whitespace is collapsed (private-use code points).
_PARA = "\ue000"
_LINE = "\ue001"
_WHITESPACE = re.compile(r"\s+")
_BREAKS = re.compile(rf" ?[{_PARA}{_LINE}][ {_PARA}{_LINE}]*")


def fragment_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry, a short page): blocks become paragraphs.

    Whitespace is collapsed as a browser would; block elements (``p``, ``div``,
    ``li``, headings...) are separated by a blank line and ``<br>`` by a line
    break. Scripts, styles, navigation, headers and footers are dropped.

    Args:
        markup: HTML, a whole page or a fragment.

    Returns:
        The text (``""`` when there is none).
    """
    if not markup.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError) as e:  # lxml asserts on bodiless documents
        logger.debug("fragment not parsed: %s", e)
        return ""
    return _element_text(root)


def _element_text(root: lxml_html.HtmlElement) -> str:
    """Text under an element, blocks as paragraphs (see :func:`fragment_text`)."""
    # Comments and processing instructions go, their tails stay (iterwalk skips them).
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    parts: list[str] = []
    skipping = 0  # depth inside a dropped element
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _DROP:
                skipping += 1
            if skipping:
                continue
            if tag in _BLOCK:
                parts.append(_PARA)
            elif tag == "br":
                parts.append(_LINE)
            if el.text:
                parts.append(el.text)
        else:
            if tag in _DROP:
                skipping -= 1
            elif not skipping and tag in _BLOCK:
                parts.append(_PARA)
            if not skipping and el.tail and el is not root:
                parts.append(el.tail)
    text = _WHITESPACE.sub(" ", "".join(parts))
    text = _BREAKS.sub(lambda m: "\n\n" if _PARA in m.group() else "\n", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def extract_html(markup: str, *, url: str | None = None) -> Fields | str:
    """Main text and metadata of a web page, with trafilatura.

    Trafilatura finds the article body, title, date (``published``), site name
    (``outlet``) and canonical URL. When it finds no body (pages under its
    250-character minimum, fragments), the text of the whole page is used, so a
    short real page is kept and a page with no text at all gives ``""``.

    Args:
        markup: The decoded HTML.
        url: The page's URL, if known (helps metadata extraction).

    Returns:
        Fields for ``make_article`` (``text`` may be ``""``), or a skip reason
        string (``"malformed HTML: ..."``).
    """
    from trafilatura import bare_extraction

    if not markup.strip():
        return Fields(text="")
    try:
        document = bare_extraction(markup, url=url, with_metadata=True, include_comments=False)
    except (etree.LxmlError, ValueError, TypeError, AttributeError) as e:
        return f"malformed HTML: {type(e).__name__}: {e}"
    if document is not None and (document.text or "").strip():
        lines = [line.strip() for line in document.text.split("\n")]
        return Fields(
            # trafilatura puts one block per line; blocks are our paragraphs.
            text="\n\n".join(line for line in lines if line),
            title=document.title or None,
            outlet=document.sitename or None,
            published=normalize_date(document.date) if document.date else None,
            url=document.url or url,
        )
    fields = _fallback(markup)
    if isinstance(fields, str):
        return fields
    if url and not fields.get("url"):
        fields["url"] = url
    return fields


def _fallback(markup: str) -> Fields | str:
    """Whole-page text and ``<title>`` when trafilatura finds no body."""
    try:
        tree = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as e:
        return f"malformed HTML: {e}"
    title_el = tree.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    body = tree.find(".//body")
    return Fields(text=_element_text(body if body is not None else tree), title=title or None)
