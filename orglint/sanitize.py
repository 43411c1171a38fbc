"""Making chart and config data safe to show: one place, used by every command and format.

A chart or config in a pull request is a stranger's text, and what orglint prints lands in a
terminal or a CI log. So text taken from it is shown with:

- control characters escaped (``\\n``, ``\\x1b``): a line break in a name never starts a new line,
  which is how a workflow command (``::error``, ``::stop-commands::``, ``::add-mask::``) would be
  forged, and an escape sequence never recolours, retitles or hyperlinks a terminal;
- bidirectional controls escaped: they reorder what is displayed;
- in text meant for people (:func:`visible`), invisible characters (zero-width spaces and joiners,
  the byte-order mark, other format characters) shown as ``<U+200B>``, so ``ghost<U+200B>`` cannot
  pass for ``ghost``;
- CI command markers defused wherever they stand (:func:`defuse_ci_commands`): Azure Pipelines reads
  ``##vso[`` and TeamCity ``##teamcity[`` anywhere in a line, GitHub reads ``::`` at its start.

Everything here is pure.
"""

from __future__ import annotations

import re

# Control characters (C0 but tab, DEL, C1), the Unicode line and paragraph separators, and the
# bidirectional embeddings, overrides and isolates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE_BUT_LINE_BREAKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Characters that take no room on screen: soft hyphen, Arabic letter mark, Mongolian vowel
# separator, zero-width space/joiners and direction marks, word joiner and invisible operators,
# deprecated format characters, the byte-order mark, interlinear annotation marks, tags.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# Lone surrogates: a file name that is not UTF-8, decoded with surrogateescape.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CI_MARKER = re.compile(r"##(?=(?:vso|teamcity)?\[)", re.IGNORECASE)
_LEADING_COLONS = re.compile(r"^(\s*):(?=:)", re.MULTILINE)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as surrogateescape keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_line_breaks: bool = False) -> str:
    """``text`` with control characters, line breaks (unless kept: formats that escape them their
    own way) and bidi controls written as escapes (``\\n``, ``\\x1b``), and bytes that were not
    UTF-8 as ``\\xff``."""
    pattern = _UNPRINTABLE_BUT_LINE_BREAKS if keep_line_breaks else _UNPRINTABLE
    if pattern.search(text):
        text = pattern.sub(_escape, text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(_escape, text)
    return text


def visible(text: str) -> str:
    """:func:`printable`, with invisible characters shown as ``<U+200B>``: for text people read."""
    text = printable(text)
    return _INVISIBLE.sub(lambda match: f"<U+{ord(match.group()):04X}>", text) if _INVISIBLE.search(text) else text


def defuse_ci_commands(text: str, hash_escape: str = "\\x23", colon_escape: str = "\\x3a") -> str:
    """``text`` (whole output, possibly many lines) with no CI command marker left: ``##vso[``,
    ``##teamcity[`` and ``##[`` anywhere, ``::`` at a line's start (leading blanks allowed). The
    escapes default to the ones shown in plain text; JSON output passes ``\\u0023`` and ``\\u003a``."""
    if "##" in text:
        text = _CI_MARKER.sub(lambda _match: "#" + hash_escape, text)
    if "::" in text:
        text = _LEADING_COLONS.sub(lambda match: match.group(1) + colon_escape, text)
    return text


_CONTROL_BUT_NEWLINE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def for_log(message: str) -> str:
    """A message of orglint's own (it may span lines) that quotes data: every control character but
    the line break escaped, invisible characters shown, CI command markers defused."""
    if _CONTROL_BUT_NEWLINE.search(message):
        message = _CONTROL_BUT_NEWLINE.sub(_escape, message)
    message = "\n".join(visible(line) for line in message.split("\n"))
    return defuse_ci_commands(message)


def rich_text(text: str) -> str:
    """:func:`visible`, with rich's markup escaped: for a cell of a rich table."""
    from rich.markup import escape

    return escape(visible(text))


def utf8_safe(text: str) -> str:
    """``text`` that encodes as UTF-8: lone surrogates (bytes of a file name that were not UTF-8)
    written as ``\\xff``."""
    return _SURROGATE.sub(_escape, text) if _SURROGATE.search(text) else text
