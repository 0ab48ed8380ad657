"""Coach text into Excel cells, and sheet titles Excel accepts (design.md section 7).

Every workbook Periodize writes (the plan export, the what-if comparison, the coach workbook form)
stores coach-entered text through :func:`write_text`, so that a name such as ``=1+1`` or ``#N/A``
stays text, and names sheets with :func:`safe_sheet_title`.
"""

from __future__ import annotations

import re

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

__all__ = ["clean_text", "needs_quote", "safe_sheet_title", "write_styled", "write_text"]

MAX_TITLE = 31  # Excel's limit, counted in UTF-16 code units
MAX_CELL_TEXT = 32767  # Excel's limit for the text of one cell
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # control characters: never in a title or a header
_FORBIDDEN_IN_TITLE = re.compile(r"[\\/*?:\[\]]")
_RESERVED_TITLES = {"history"}  # Excel reserves this sheet name
_QUOTE_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def write_text(cell, value: str) -> None:
    """Store ``value`` in ``cell`` as literal text, never as a formula or an error value.

    The cell's data type is set to ``"s"``; a value starting with ``= + - @`` or a tab, CR or
    LF also gets the quote prefix so that Excel keeps showing (and editing) it as text.
    ``#N/A``-like values stay strings. Characters that XML cannot hold (control characters
    other than tab, CR and LF) are removed, a CR (alone or in CR LF) becomes LF because XML
    readers turn a raw CR into LF anyway, and text beyond Excel's 32,767 characters is cut.
    An empty value leaves the cell empty.
    """
    text = clean_text(value)
    if not text:
        cell.value = None
        return
    cell.value = text  # openpyxl guesses: "=..." becomes a formula, "#N/A" an error ...
    cell.data_type = "s"  # ... so say explicitly that it is text
    if needs_quote(text):
        cell.quotePrefix = True


def write_styled(cell, value: str, style: str) -> None:
    """:func:`write_text` into a cell that takes the named ``style`` (set first: a named style
    replaces the whole format, the quote prefix included)."""
    cell.style = style
    write_text(cell, value)


def clean_text(value) -> str:
    """Text as a cell can hold it (see :func:`write_text`)."""
    text = "" if value is None else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


def needs_quote(text: str) -> bool:
    """Text that Excel would take for a formula (or strip) without the quote prefix."""
    return text.startswith(_QUOTE_STARTS)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> str:
    while _utf16_len(text) > limit:
        text = text[:-1]
    return text


def _tidy_title(text: str) -> str:
    # Excel forbids a title that starts or ends with an apostrophe; spaces at the ends look odd.
    prev = None
    while text != prev:
        prev = text
        text = text.strip().strip("'")
    return text


def safe_sheet_title(text: str, taken: set[str]) -> str:
    """A valid Excel sheet title made from ``text``, unique against ``taken``.

    At most 31 characters (UTF-16 units, as Excel counts), none of ``\\ / * ? : [ ]`` (each
    becomes ``_``), no control characters, not starting or ending with an apostrophe, not
    empty, not Excel's reserved ``History``. ``taken`` holds the titles already used,
    lower-cased; a clash (case-insensitive) gets a `` (2)``, `` (3)`` ... suffix within the 31
    characters. The returned title is added to ``taken`` (lower-cased).
    """
    base = CONTROL.sub(" ", "" if text is None else str(text))
    base = _FORBIDDEN_IN_TITLE.sub("_", base)
    base = " ".join(base.split())
    base = _tidy_title(_cut(_tidy_title(base), MAX_TITLE)) or "Sheet"
    candidate = base
    n = 2
    while candidate.lower() in taken or candidate.lower() in _RESERVED_TITLES:
        suffix = f" ({n})"
        stem = _tidy_title(_cut(base, MAX_TITLE - len(suffix))) or "Sheet"
        candidate = stem + suffix
        n += 1
    taken.add(candidate.lower())
    return candidate
