"""How big text prints in a workbook: widths, wrapped lines, row heights and page scales.

Excel and LibreOffice keep the row heights and column widths a workbook stores; neither grows a row
for text that wraps when the height is given. So the exports measure their text here and store
heights that hold it, widths that fit it, and a print scale that keeps a block on one page.

The exports use **Arial**: Excel has it everywhere, and LibreOffice substitutes Liberation Sans,
which has the same advance widths, so one table of widths (Arial's, per 1000 units of the em)
serves both. An unknown character is taken as wide (conservative).

Page geometry: A4 with the margins of :data:`MARGINS` (inches).
"""

from __future__ import annotations

import datetime as dt
import math
from functools import lru_cache

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from planner import text
from planner.xlsx_cells import CONTROL

__all__ = ["FONT", "MARGINS", "col_points", "elide", "even_pages", "fit_lines", "header_text", "line_height",
           "page_setup", "pages_tall", "print_points", "printable", "row_height", "scale_for", "text_width",
           "width_for"]

FONT = "Arial"
MARGINS = {"left": 0.4, "right": 0.4, "top": 0.65, "bottom": 0.55, "header": 0.25, "footer": 0.25}
A4 = (595.3, 841.9)  # points, portrait
LETTER = (612.0, 792.0)  # US Letter, points, portrait: where an A4 sheet may be printed
DIGIT_PX = 7  # Arial 10's maximum digit width at 96 dpi (the width unit of a column)
PRINT_UNIT_PT = 5.6  # a character unit on paper, planned for the widest renderer (see print_points)
CELL_PAD_PT = 4.0  # the room a cell leaves around its text (both sides together), points

_REGULAR = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333,
    ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278,
    "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "^": 469,
    "_": 556, "`": 333, "{": 334, "|": 260, "}": 334, "~": 584,
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722, "I": 278,
    "J": 500, "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667, "Q": 778, "R": 722,
    "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556, "i": 222,
    "j": 222, "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "p": 556, "q": 556, "r": 333,
    "s": 500, "t": 278, "u": 556, "v": 500, "w": 722, "x": 500, "y": 500, "z": 500,
    "\u00d7": 584, "\u2013": 556, "\u2014": 1000, "\u00b7": 333, "\u2265": 549, "\u2264": 549,
    "\u2019": 222, "\u2018": 222, "\u201c": 333, "\u201d": 333, "\u2026": 1000, "\u00b0": 400,
    "\u2192": 1000, "\u25b2": 1000, "\u2605": 1000, "\u25cf": 1000,
    "\u00a0": 278,  # a no-break space: as wide as a space ("+67 %" kept on one line)
}
_BOLD = {
    " ": 278, "!": 333, '"': 474, "#": 556, "$": 556, "%": 889, "&": 722, "'": 238, "(": 333,
    ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 333, ";": 333,
    "<": 584, "=": 584, ">": 584, "?": 611, "@": 975, "[": 333, "\\": 278, "]": 333, "^": 584,
    "_": 556, "`": 333, "{": 389, "|": 280, "}": 389, "~": 584,
    "A": 722, "B": 722, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722, "I": 278,
    "J": 556, "K": 722, "L": 611, "M": 833, "N": 722, "O": 778, "P": 667, "Q": 778, "R": 722,
    "S": 667, "T": 611, "U": 722, "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611,
    "a": 556, "b": 611, "c": 556, "d": 611, "e": 556, "f": 333, "g": 611, "h": 611, "i": 278,
    "j": 278, "k": 556, "l": 278, "m": 889, "n": 611, "o": 611, "p": 611, "q": 611, "r": 389,
    "s": 556, "t": 333, "u": 611, "v": 556, "w": 778, "x": 556, "y": 556, "z": 500,
    "\u00d7": 584, "\u2013": 556, "\u2014": 1000, "\u00b7": 333, "\u2265": 549, "\u2264": 549,
    "\u2019": 278, "\u2018": 278, "\u201c": 500, "\u201d": 500, "\u2026": 1000, "\u00b0": 400,
    "\u2192": 1000, "\u25b2": 1000, "\u2605": 1000, "\u25cf": 1000,
    "\u00a0": 278,  # a no-break space: as wide as a space ("+67 %" kept on one line)
}
for _d in "0123456789":
    _REGULAR[_d] = _BOLD[_d] = 556
_ACCENTED = 667  # a letter outside the table (accented Latin, Greek, Cyrillic): as wide as most caps
_WIDE = 1000  # anything else (CJK, symbols): a full em


def _char(ch: str, table: dict[str, int]) -> int:
    w = table.get(ch)
    if w is not None:
        return w
    return _ACCENTED if ch.isalpha() and ord(ch) < 0x2E80 else _WIDE


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    return sum(_char(ch, table) for ch in text)


def text_width(text: str, size: float = 10.0, bold: bool = False) -> float:
    """The width of one line of ``text`` in points."""
    return _units(text, bold) * size / 1000.0


def elide(text: str, points: float, size: float = 10.0, bold: bool = False) -> str:
    """``text``, cut with an ellipsis to at most ``points`` wide."""
    if text_width(text, size, bold) <= points:
        return text
    while text and text_width(text + "\u2026", size, bold) > points:
        text = text[:-1]
    return text.rstrip() + "\u2026"


def col_points(width: float) -> float:
    """A column of ``width`` (Excel's character units) in points."""
    return width * DIGIT_PX * 0.75


def print_points(width: float) -> float:
    """A column of ``width`` as it prints: LibreOffice makes a character unit ~5.54 points wide
    (Arial's digit, unrounded), Excel 5.25 (7 pixels); pages are planned with the wider."""
    return width * PRINT_UNIT_PT


def width_for(points: float) -> float:
    """The column width (character units) that holds ``points`` of text with the cell's padding."""
    return math.ceil((points + CELL_PAD_PT) / (DIGIT_PX * 0.75) * 4) / 4


@lru_cache(maxsize=65536)
def fit_lines(text: str, width: float, size: float = 10.0, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a column of ``width`` (character units),
    breaking at spaces (a word longer than a line is broken, as Excel does)."""
    room = max(1.0, col_points(width) - CELL_PAD_PT)
    lines = 0
    for para in str(text).split("\n"):
        lines += 1
        used = 0.0
        space = text_width(" ", size, bold)
        for word in para.split(" "):
            w = text_width(word, size, bold)
            if used and used + space + w <= room:
                used += space + w
                continue
            if used:
                lines += 1
            while w > room:  # a word wider than the column wraps mid-word
                lines += 1
                w -= room
            used = w
    return lines


def line_height(size: float) -> float:
    """One line of text of ``size`` points, as a row needs it (Arial's line gap included)."""
    return size * 1.25


def row_height(lines: int, size: float = 10.0, pad: float = 3.0) -> float:
    return round(lines * line_height(size) + pad, 1)


def printable(landscape: bool = True, paper: tuple[float, float] = A4) -> tuple[float, float]:
    """(width, height) in points inside the margins of an A4 page, or of ``paper`` (header and
    footer bands are inside the top and bottom margins)."""
    w, h = paper
    if landscape:
        w, h = h, w
    return (w - (MARGINS["left"] + MARGINS["right"]) * 72,
            h - (MARGINS["top"] + MARGINS["bottom"]) * 72)


def scale_for(width_pt: float, height_pt: float, landscape: bool = True, most: int = 100) -> int:
    """The largest whole print scale (%) at which a block of ``width_pt`` x ``height_pt`` fits one
    page (at least 10 %, at most ``most``)."""
    pw, ph = printable(landscape)
    s = min(most / 100, pw / max(width_pt, 1.0), ph / max(height_pt, 1.0))
    return max(10, math.floor(s * 100 * 0.98))  # 2 % to spare for rounding in the renderers


# a scale this share of the page width's or more prints a table a page shorter: "a little fitting"
LITTLE_FIT = 0.9
PAGE_ROOM = 0.97  # of a page's printable height: what LibreOffice and Excel round away


def even_pages(width_pt: float, head_pt: float, row_pt: float, n: int) -> tuple[int, int]:
    """The print scale (%) and the rows a page of a table ``width_pt`` wide of ``n`` rows each
    ``row_pt`` tall under a head ``head_pt`` tall repeated on each page: as wide as the page, a
    page fewer when a scale a little lower (:data:`LITTLE_FIT`) holds them, and the rows shared
    evenly over the pages (fitted to the width alone, a season of 40 weeks printed 37 on a page
    and 3 alone on the next)."""
    wide = scale_for(width_pt, 1.0)
    room = printable()[1] * PAGE_ROOM

    def fits(scale: int) -> int:  # the rows a page holds at ``scale``
        return max(1, int((room * 100 / scale - head_pt) // row_pt))

    pages = -(-n // fits(wide))
    if pages > 1:
        per = -(-n // (pages - 1))
        lower = min(wide, math.floor(room * 100 / (head_pt + per * row_pt)))
        if lower >= wide * LITTLE_FIT:
            return lower, per
    return wide, -(-n // pages)


def pages_tall(ws: Worksheet, last: int, width_pt: float, landscape: bool = True) -> int:
    """The pages tall a sheet (rows 1 to ``last``, ``width_pt`` wide) is fitted to, as wide as
    the page: as many as it fills, one fewer when a scale a little lower (:data:`LITTLE_FIT`)
    holds it (a page of a few lines; fitted to one page, a Cover was 6.5-point type)."""
    room = printable(landscape)[1] * PAGE_ROOM * 100 / scale_for(width_pt, 1.0, landscape)
    tall = sum(ws.row_dimensions[k].height or 12.75 for k in range(1, last + 1))
    return max(1, math.ceil(tall * LITTLE_FIT / room))


def header_text(value: str) -> str:
    """Text for a print header/footer: ``&`` starts a code there, so double it."""
    return CONTROL.sub(" ", value).replace("&", "&&")[:100]


def page_setup(ws: Worksheet, season_name: str, exported_at: dt.datetime, *,
               title_rows: str | None = "1:1", landscape: bool = True,
               fit: tuple[int, int] | None = (1, 0), scale: int | None = None,
               label: str | None = None) -> None:
    """Every exported sheet's print: A4, the project's margins, the season's name and the sheet's
    (``label``) in the header, "Page n of N" and "Periodize · date" in the footer; ``fit`` (pages
    wide, tall; 0 = as many as needed) or a fixed ``scale``."""
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins = PageMargins(**MARGINS)
    if scale is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = scale
    elif fit is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = fit
    ws.print_options.gridLines = False
    ws.oddHeader.left.text = "&9" + header_text(season_name)
    ws.oddHeader.right.text = "&9" + header_text(label or ws.title)
    ws.oddFooter.center.text = "&8Page &P of &N"
    ws.oddFooter.right.text = "&8" + header_text(f"Periodize · {text.date_long(exported_at)}")
