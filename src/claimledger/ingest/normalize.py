"""Text cleaning that keeps the meaning, and paragraph spans with exact offsets.

``clean_text`` is what ``--clean`` (the default) does to every document before
analysis. It is pure and idempotent (``clean_text(clean_text(x)) ==
clean_text(x)``), and all offsets downstream refer to its output, so it may
change the length of the text freely:

1. line endings (``\\r\\n``, ``\\r``, form feeds, Unicode line/paragraph
   separators) become ``\\n``;
2. Unicode NFC; curly quotes and apostrophes become straight ASCII quotes;
   no-break and other Unicode spaces become a plain space; zero-width
   spaces, byte-order marks, soft hyphens and control characters are dropped;
3. runs of spaces/tabs become one space; lines are stripped at both ends;
4. boilerplate lines ("Advertisement", "Share this article", "Read more: ...")
   are dropped (whole-line matches only, see ``_BOILERPLATE``);
5. a line that repeats an earlier line, or that is a truncated teaser of a
   line shortly after it (its prefix), is dropped;
6. paragraphs (blocks of non-blank lines) are separated by exactly one blank
   line; single line breaks inside a paragraph are kept.
"""

from __future__ import annotations

import re
import unicodedata

from claimledger.model import TextSpan

__all__ = ["clean_text", "split_paragraphs"]

# 1. Every line break Python's str.splitlines knows, except the ones that are
#    dropped as control characters below (\x1c-\x1e), becomes "\n".
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")

# 2. Character-level replacements (applied with str.translate).
_TRANSLATION: dict[int, str | None] = {}
for _ch in "\u201c\u201d\u201e\u201f\u2033\u2036\u301d\u301e\uff02":
    _TRANSLATION[ord(_ch)] = '"'
for _ch in "\u2018\u2019\u201a\u201b\u2032\u2035\uff07":
    _TRANSLATION[ord(_ch)] = "'"
for _ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
    _TRANSLATION[ord(_ch)] = " "
for _ch in "\u200b\u2060\ufeff\u00ad":  # zero-width space, word joiner, BOM, soft hyphen
    _TRANSLATION[ord(_ch)] = None
for _code in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)]:
    _TRANSLATION[_code] = None  # C0/C1 control characters (tab and \n survive)

# str.translate looks up every character in a dict; one regex pass over a character
# class finds the few that change about 20x faster on news text.
_SPECIAL = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TRANSLATION)) + "]")


def _replace_special(match: re.Match[str]) -> str:
    return _TRANSLATION[ord(match.group())] or ""


# 3. Horizontal whitespace left after translation is only " " and "\t".
_HSPACE = re.compile(r"[ \t]{2,}|\t")  # not every single space: 5x faster
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")

# 4. Boilerplate lines, matched against the whole (stripped) line, case-insensitively.
#    Conservative on purpose: only phrases that are never article prose on a line of
#    their own. "Read more:" / "Related:" lines are link teasers to other stories.
_BOILERPLATE = re.compile(
    r"""(?ix)
    (?:advertisement|advertisements|advert|sponsored\ content|skip\ advertisement
       |story\ continues\ (?:below|after)\ (?:this\ )?advertisement
       |(?:scroll|continue)\ (?:down\ )?to\ continue(?:\ reading)?
       |advertisement\ [-–—]\ scroll\ to\ continue
       |share\ this\ (?:article|story|page|post)
       |share(?:\ on\ (?:facebook|twitter|x|whatsapp|linkedin|email))?
       |(?:read|see)\ (?:more|also)\s*:.*
       |related(?:\ (?:articles|stories|coverage|content))?\s*:.*
       |related\ (?:articles|stories|coverage|content)
       |click\ here\ to\ (?:subscribe|read\ more|sign\ up).*
       |sign\ up\ (?:for|to)\ (?:our|the)\ .{0,60}newsletters?\.?
       |subscribe\ to\ (?:our|the)\ .{0,60}newsletters?\.?
    )
    """
)

# 5. Teaser fragments. A scraped teaser sits right before the text it truncates (in
#    the HuffPost sample it is one and two lines before), so looking ahead a few lines
#    finds it while a short line far away that merely starts the same way is kept.
#    Both numbers were chosen by hand on scraped news pages, not tuned on an eval set.
_TEASER_LOOKAHEAD = 5  # lines
_TEASER_MIN_CHARS = 15  # shorter prefixes ("The war", "Kyiv") are too often real text


def clean_text(text: str) -> str:
    """Clean a document's text without changing what it says.

    Args:
        text: Raw text (any line endings, any Unicode form).

    Returns:
        The cleaned text: NFC, straight quotes, single spaces, no repeated lines
        or teaser fragments, no boilerplate lines, paragraphs separated by
        exactly ``"\\n\\n"``, no leading or trailing whitespace. May be ``""``.
    """
    # 1.-2. Characters. NFC both before (so compatibility singletons such as U+2000
    #       become the U+2002 we map) and after (dropping a zero-width character can
    #       bring a base letter next to a combining mark), which keeps it idempotent.
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPECIAL.sub(_replace_special, text)
    text = unicodedata.normalize("NFC", text)
    # 3. Whitespace, then split into paragraphs of lines.
    text = _HSPACE.sub(" ", text)
    paragraphs = [
        [line.strip(" ") for line in block.split("\n")] for block in _BLANK_LINES.split(text.strip(" \t\n"))
    ]
    paragraphs = [[line for line in block if line] for block in paragraphs]
    # 4.-5. Line filters; removing a line can bring two others within look-ahead
    #       range of each other, so repeat until nothing changes (idempotence).
    flat = [(i, line) for i, block in enumerate(paragraphs) for line in block]
    flat = [(i, line) for i, line in flat if not _BOILERPLATE.fullmatch(line)]
    while True:
        kept = _drop_repeats(flat)
        if len(kept) == len(flat):
            break
        flat = kept
    # 6. Reassemble.
    out: list[list[str]] = []
    last = -1
    for i, line in flat:
        if i != last:
            out.append([])
            last = i
        out[-1].append(line)
    return "\n\n".join("\n".join(block) for block in out)


def _drop_repeats(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop repeated lines (keeping the first) and teaser prefixes of a nearby later line."""
    seen: set[str] = set()
    kept: list[tuple[int, str]] = []
    for k, (i, line) in enumerate(lines):
        if line in seen:
            continue
        if _is_teaser(line, [other for _, other in lines[k + 1 : k + 1 + _TEASER_LOOKAHEAD]]):
            continue
        seen.add(line)
        kept.append((i, line))
    return kept


def _is_teaser(line: str, following: list[str]) -> bool:
    """Whether ``line`` (minus a trailing ellipsis) starts one of the following, longer lines."""
    stem = line  # lines are stripped already
    if stem.endswith("..."):
        stem = stem[:-3].rstrip(" ")
    elif stem.endswith("\u2026"):
        stem = stem[:-1].rstrip(" ")
    if len(stem) < _TEASER_MIN_CHARS:
        return False
    return any(len(other) > len(stem) and other.startswith(stem) and other != line for other in following)


# Paragraph separator in any text, cleaned or verbatim: a line break, then one or
# more lines holding only whitespace.
_PARAGRAPH_BREAK = re.compile(r"(?>\r\n|\r|\n)(?:[^\S\r\n]*(?>\r\n|\r|\n))+")  # atomic: \r\n is one break


def split_paragraphs(text: str) -> list[TextSpan]:
    """Split text into paragraphs at blank lines, with exact offsets.

    Works on cleaned and verbatim (``--no-clean``) text alike. Each span is
    stripped of surrounding whitespace; whitespace-only stretches give no span.

    Args:
        text: The document text.

    Returns:
        Spans in document order with ``text[span.start:span.end] == span.text``.
    """
    spans: list[TextSpan] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[pos:end]
        stripped = piece.strip()
        if stripped:
            start = pos + (len(piece) - len(piece.lstrip()))
            spans.append(TextSpan(start, start + len(stripped), stripped))
        if match:
            pos = match.end()
    return spans
