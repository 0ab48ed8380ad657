"""The board follows a larger font (review 250, #1): a coach who set a 15 pt system font got
15 pt names beside 14 px day columns, 20 px rows and 6-8 px marks; the day letters ran into each
other. The cells, rows, header rows, intensity marks and role letters now grow with the font,
and at an ordinary font they keep their sizes to the pixel."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QApplication

from tests.ui.test_board_marks import MATCH, _bounds, _with_match_level
from ui.desktop import board as B
from ui.desktop.boardgeom import CELL_W, DAY_H, HEADER_H, REFERENCE_PX, ROW_H

LETTERS = "MTWFS"  # the weekday letters the header draws


def _board(qtbot, level: int = 100):
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(900, 300)
    board.set_season(_with_match_level(level))
    board.set_zoom("day")
    board.show()
    qtbot.waitExposed(board)
    return board


@pytest.fixture
def fonts():
    """(the application's font, the same at 15 pt: a coach's system setting); the first is
    put back after."""
    app = QApplication.instance()
    before = QFont(app.font())
    big = QFont(before)
    big.setPointSizeF(15)
    yield before, big
    app.setFont(before)


def _sizes(board) -> tuple[int, int, int]:
    """(column width, row height, header height) as the board lays a cell out."""
    first = board.athlete_order()[0]
    cell = board.cell_rect(first, board.season().calendar.start)
    board.verticalScrollBar().setValue(0)
    return cell.width(), cell.height(), board.cell_rect(first, board.season().calendar.start).top()


def _glyph_ink(board, level: int) -> tuple[int, int]:
    """The size (pixels) of the mark the board blits for ``level`` on a cell without a letter."""
    _x, _y, pix = board.glyph_spot(level, 0, 0, False)
    img = pix.toImage()
    ink = {(x, y) for x in range(img.width()) for y in range(img.height()) if img.pixelColor(x, y).alpha() > 60}
    box = _bounds(ink)
    return box.width(), box.height()


def _letter_box(board) -> tuple[int, int]:
    """The size of Ben's S box on the match day, as the board paints it (the text colour's pixels
    in the cell's top half)."""
    shot = board.viewport().grab().toImage()
    cell = board.cell_rect("A2", MATCH)
    text = board.theme().text
    ink = {(x, y) for x in range(cell.left(), cell.right() + 1)
           for y in range(cell.top(), cell.top() + cell.height() * 2 // 3)
           if shot.pixelColor(x, y) == text}
    box = _bounds(ink)
    return box.width(), box.height()


def _letters_meet(board) -> list[int]:
    """The day boundaries in the header's day row that a weekday letter's ink reaches: the
    column of pixels between two weekdays holds something other than the header's colour."""
    shot = board.viewport().grab().toImage()
    _w, _h, header = _sizes(board)
    day_top = header - round(DAY_H * header / HEADER_H)
    bg = board.theme().header_bg
    tl, met = board._tl, []
    for d in range(1, tl.n):
        if tl.is_comp[d] or tl.is_comp[d - 1] or tl.week_of[d] != tl.week_of[d - 1]:
            continue  # a match's marker, or the week's line
        x = board.cell_rect("A2", tl.days[d]).left()
        if x >= board.viewport().width():
            break
        if any(shot.pixelColor(x, y) != bg for y in range(day_top + 2, header - 4)):
            met.append(d)
    return met


def test_an_ordinary_font_keeps_the_board_s_sizes(qtbot):
    """The default font: the constants' sizes (the screenshots and the marks' layout rest on them)."""
    assert QFontInfo(QApplication.instance().font()).pixelSize() <= REFERENCE_PX
    board = _board(qtbot)
    assert _sizes(board) == (CELL_W, ROW_H, HEADER_H)
    assert not _letters_meet(board)


def test_a_larger_application_font_grows_the_board_in_proportion(qtbot, fonts):
    base = _board(qtbot)  # at the default font, for its marks' sizes
    base_glyph, base_letter = _glyph_ink(base, 100), _letter_box(base)
    QApplication.instance().setFont(fonts[1])
    board = _board(qtbot)
    grow = QFontInfo(fonts[1]).pixelSize() / REFERENCE_PX
    assert grow > 1.2  # 15 pt is 20 px on a 96 dpi screen
    w, h, header = _sizes(board)
    for size, default in ((w, CELL_W), (h, ROW_H), (header, HEADER_H)):
        assert abs(size - default * grow) <= 1.5, (size, default, grow)
    gw, gh = _glyph_ink(board, 100)
    assert gw >= base_glyph[0] * grow - 2 and gh >= base_glyph[1] * grow - 2, (gw, gh, base_glyph)
    lw, lh = _letter_box(board)
    assert lw >= base_letter[0] * grow - 1.5 and lh >= base_letter[1] * grow - 1.5, (lw, lh, base_letter)
    fm = QFontMetricsF(board._small)  # the font the weekday letters are drawn in
    assert max(fm.horizontalAdvance(c) for c in LETTERS) + 2 <= w
    assert not _letters_meet(board)


def test_a_font_set_on_a_board_shown_resizes_it(qtbot, fonts):
    """A font change while the app runs lays the board out again, and back."""
    board = _board(qtbot)
    board.setFont(fonts[1])
    w, h, header = _sizes(board)
    assert w > CELL_W and h > ROW_H and header > HEADER_H
    assert not _letters_meet(board)
    board.setFont(fonts[0])
    assert _sizes(board) == (CELL_W, ROW_H, HEADER_H)
