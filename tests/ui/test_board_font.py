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


# -- the key and week zoom (review f230, item 2) ------------------------------------------------
def _key(qtbot, width: int = 2000):
    """The board's key drawn whole at ``width`` (View ▸ Key to the Board draws it so)."""
    legend = B.BoardLegend()
    qtbot.addWidget(legend)
    legend.MAX_LINES = 99
    legend.resize(width, legend.height_for(width))
    return legend


def _swatch(legend, colour) -> tuple[int, int]:
    """The size (pixels) of the key's swatch filled with ``colour``, as the key paints it."""
    img = legend.grab().toImage()
    ink = {(x, y) for x in range(img.width()) for y in range(img.height())
           if img.pixelColor(x, y) == colour}
    box = _bounds(ink)
    return box.width(), box.height()


def test_the_key_grows_with_a_larger_font_and_keeps_its_sizes_at_an_ordinary_one(qtbot, fonts):
    """At 15 pt the key's words grew and its 22 px lines, 14 px swatches and marks did not: the
    words were clipped at the foot of the folded line and the marks beside them read as specks.
    Its marks and lines now grow as the board's cells do; at the usual font they are as ever."""
    base = _key(qtbot)
    inj = B.BoardTheme.from_palette(base.palette()).stages["P1"]  # drawn nowhere else
    assert base.geometry_scale() == 1.0 and base.line_h == B.BoardLegend.LINE_H
    assert base.sizeHint().height() == B.BoardLegend.LINE_H
    usual = _swatch(base, inj)
    assert 12 <= usual[0] <= 14 and 12 <= usual[1] <= 14, usual  # 14 px with its frame
    QApplication.instance().setFont(fonts[1])
    big = _key(qtbot)
    grow = QFontInfo(fonts[1]).pixelSize() / REFERENCE_PX
    assert grow > 1.2 and big.geometry_scale() == pytest.approx(grow)
    assert big.line_h == round(B.BoardLegend.LINE_H * grow)
    assert QFontMetricsF(big._font).height() <= big.line_h - 2  # the words inside their line
    w, h = _swatch(big, inj)
    assert w >= usual[0] * grow - 1.5 and h >= usual[1] * grow - 1.5, (w, h, usual, grow)
    # the folded line under a narrow board: as tall as a line at that font
    big.MAX_LINES = 1
    big.show()
    big.resize(500, 100)
    qtbot.waitUntil(lambda: big.collapsed)
    assert big.collapsed and big.height() == big.line_h
    # a font set while the key shows follows, and back
    base.setFont(fonts[1])
    assert base.line_h == big.line_h
    base.setFont(fonts[0])
    assert base.line_h == B.BoardLegend.LINE_H and _swatch(base, inj) == usual


def shown_board(qtbot, season, zoom: str, width: int, height: int):
    """A board alone, ``width`` x ``height``, showing ``season`` at ``zoom``."""
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(width, height)
    board.set_season(season)
    board.set_zoom(zoom)
    board.show()
    qtbot.waitExposed(board)
    return board


def _week_board(qtbot, width: int):
    from ui.desktop.mainwindow import load_demo_season

    return shown_board(qtbot, load_demo_season(), "week", width, 400)


def test_week_zoom_grows_with_a_larger_font_and_its_header_never_overprints(qtbot, fonts):
    """Week zoom kept its 4 px days, 13 px match markers and a number on every week at 15 pt:
    "10111213" ran into each other and the markers over their neighbours. Its days grow with
    the font where the season still fits, a week is numbered only where its number fits (every
    second week on narrow weeks) and a marker is never wider than its week; at the usual font
    every size is as before."""
    from ui.desktop.boardgeom import WEEK_DAY_W

    wide, narrow = _week_board(qtbot, 2400), _week_board(qtbot, 760)
    assert wide._cw == WEEK_DAY_W and wide.week_marker_size() == 13 and wide.week_label_step() == 1
    assert narrow._cw < WEEK_DAY_W and narrow.week_label_step() == 1
    assert narrow.week_marker_size() == 13
    QApplication.instance().setFont(fonts[1])
    grow = QFontInfo(fonts[1]).pixelSize() / REFERENCE_PX
    wide, narrow = _week_board(qtbot, 2400), _week_board(qtbot, 760)
    assert wide._cw == round(WEEK_DAY_W * grow) and wide.week_marker_size() == round(13 * grow)
    weeks = len(narrow._tl.weeks)
    assert narrow._cw * narrow._tl.n <= narrow.viewport().width()  # the season still in view
    fm = QFontMetricsF(narrow._small)
    need = fm.horizontalAdvance(str(weeks))
    week_w = 7 * narrow._cw
    assert need > week_w - 2  # a number no longer fits a week at this font: thinned
    step = narrow.week_label_step()
    assert step > 1 and need + 2 <= step * week_w
    assert narrow.week_marker_size() <= week_w


# -- the letters in a match day's box (review 256, item 3) --------------------------------------
def _letter_ink(letter: str, scale: float) -> tuple[int, int]:
    """The size (device pixels) of a role letter's ink inside its box's frame, the box drawn as
    the board blits it at the board's font ``scale`` on a 100 % screen."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.desktop import boardmarks

    ink, paper = QColor("#202020"), QColor("#ffffff")
    pix = boardmarks.badge_pixmap(letter, ink, paper, False, boardmarks.badge_font(QFont()), 1.0, scale)
    img = QImage(pix.width(), pix.height(), QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(paper)
    p = QPainter(img)
    p.drawPixmap(0, 0, pix)
    p.end()
    pts = {(x, y) for x in range(1, img.width() - 1) for y in range(1, img.height() - 1)
           if img.pixelColor(x, y).lightness() < 110}
    box = _bounds(pts)
    return box.width(), box.height()


def test_a_role_letter_fills_its_grown_box_and_an_o_is_round(qtbot, fonts):
    """At 15 pt the S, O and B in a match day's box kept a 7 px font in their grown box (about
    9 px beside 20 px names), and the O, taller than wide, read as a zero. At the usual font the
    letters are the 4 x 5 pixel letters as before (the O a round 4 x 4); grown, each letter
    fills its box and the O is a ring as wide as it is tall."""
    from ui.desktop import boardmarks

    assert _letter_ink("S", 1.0) == (4, 5) and _letter_ink("B", 1.0) == (4, 5)
    assert _letter_ink("O", 1.0) == (4, 4), _letter_ink("O", 1.0)  # round: a zero is taller than it is wide
    grow = QFontInfo(fonts[1]).pixelSize() / REFERENCE_PX
    assert grow > 1.2
    _w, box_h = boardmarks.badge_size(grow)
    for letter in "SBRC":
        w, h = _letter_ink(letter, grow)
        # the box less its frame and a pixel clear of it each way (the 7 px font: 7 of 12)
        assert h >= box_h - 4 and h >= 5 * grow, (letter, w, h, box_h)
    w, h = _letter_ink("O", grow)
    assert w >= h >= box_h - 6, (w, h, box_h)  # round, or wider: not a zero
