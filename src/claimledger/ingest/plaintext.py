"""Plain-text and Markdown documents: the headline rule."""

from __future__ import annotations

import re

__all__ = ["split_title", "MAX_TITLE_CHARS"]

#: A first line longer than this is a paragraph, not a headline. News headlines run
#: to about 70-150 characters; 200 leaves room for long ones with a kicker.
MAX_TITLE_CHARS = 200

# Leading blank lines, then one non-blank line, then a blank line.
# Line breaks are atomic groups so that "\r\n" is never read as two breaks.
_FIRST_LINE = re.compile(
    r"\A\ufeff?(?:[^\S\r\n]*(?>\r\n|\r|\n))*[^\S\r\n]*(?P<line>[^\r\n]*\S)[^\S\r\n]*"
    r"(?>\r\n|\r|\n)[^\S\r\n]*(?>\r\n|\r|\n)"
)
# A line that ends like a sentence ("... said on Friday.") or introduces what
# follows ("He said:") is the first paragraph, not a headline. "U.S." and "?"/"!"
# endings stay possible headlines.
_SENTENCE_END = re.compile(r"(?:[a-z0-9)\]]\.|[:;,])[\"')\]]*$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def split_title(text: str, *, keep_text: bool = False) -> tuple[str | None, str]:
    """Split a headline off a plain-text document.

    The rule: the first non-blank line is the title when a blank line follows
    it, it is at most ``MAX_TITLE_CHARS`` long, it does not end like a sentence
    (``"word."``, ``":"``), and text follows it. A Markdown ``# heading`` marker
    is removed from the title.

    Args:
        text: The decoded document.
        keep_text: Return the text whole (the ``--no-clean`` case, where offsets
            must refer to the file content exactly); the title is still found.

    Returns:
        ``(title, body)``: the title (None when the rule does not apply) and the
        text without the title line (or ``text`` itself with ``keep_text``).
    """
    m = _FIRST_LINE.match(text)
    if m is None:
        return None, text
    line = m["line"].strip()
    body = text[m.end() :]
    if len(line) > MAX_TITLE_CHARS or _SENTENCE_END.search(line) or not body.strip():
        return None, text
    title = _MARKDOWN_HEADING.sub("", line).strip() or None
    return title, text if keep_text else body
