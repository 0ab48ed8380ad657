"""The board's day-zoom marks read on a laptop (issue f211): a match day's role letter and the
day's intensity mark each show whole (the letter at the top left, the mark fitted under it: the
S badge hid the 100 % star, an O badge the 60/70 dot), a logged day's mark is seen at a glance
yet quieter than the plan, 60 % differs from 70 % by its shape and not its size only, and the key
(View ▸ Key to the Board) draws the board's own marks with words that match them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from planner.daymarks import ROLE_LETTER
from planner.season import MatchRole, Session
from tests.builders import tiny_season
from tests.ui.test_app import hand_plan
from ui.desktop import board as B
from ui.desktop import boardmarks, pastview
from ui.desktop.boardgeom import BAND_H, CELL_W, ROW_H

LEVELS = (60, 70, 80, 90, 95, 100)
MATCH = dt.date(2026, 3, 14)  # tiny_season's match; Ben (A2) is fit and starts it
PAPER = QColor("white")


def _image(w: int, h: int, dpr: float = 1.0) -> QImage:
    img = QImage(round(w * dpr), round(h * dpr), QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(dpr)
    img.fill(PAPER)
    return img


def _inked(img: QImage, box: QRect | None = None) -> set[tuple[int, int]]:
    """The device pixels of ``img`` (within ``box``) that are not the paper."""
    box = box or img.rect()
    return {(x, y) for x in range(box.left(), box.right() + 1)
            for y in range(box.top(), box.bottom() + 1) if img.pixelColor(x, y) != PAPER}


def _bounds(pts: set[tuple[int, int]]) -> QRect:
    xs, ys = [x for x, _ in pts], [y for _, y in pts]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _with_match_level(level: int):
    """tiny_season with a plan, Ben's match day at ``level`` (100: he starts, S; 80: on the
    bench, B; else set out of the squad, O)."""
    season = tiny_season()
    plan = hand_plan(season, 90)
    i = (MATCH - season.calendar.start).days
    athletes = tuple(ap.model_copy(update={"intensity": ap.intensity[:i] + (level,) + ap.intensity[i + 1:]})
                     if ap.athlete == "A2" else ap for ap in plan.athletes)
    roles = () if level in (100, 80) else (MatchRole(competition="m1", athlete="A2", role="out"),)
    return season.model_copy(update={"plan": plan.model_copy(update={"athletes": athletes}),
                                     "roles": roles})


def _board(qtbot, level: int, width: int = 900):
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(width, 300)
    board.set_season(_with_match_level(level))
    board.set_zoom("day")
    board.show()
    qtbot.waitExposed(board)
    return board


def _alone(board, level: int, x: int, y: int, lettered: bool, dpr: float) -> set[tuple[int, int]]:
    """The device pixels the board's mark of ``level`` takes in a cell at (x, y), drawn alone."""
    left, top, pix = board.glyph_spot(level, x, y, lettered)
    img = _image(x + 2 * CELL_W, y + 2 * ROW_H, dpr)
    p = QPainter(img)
    p.drawPixmap(left, top, pix)
    p.end()
    return _inked(img)


def _device(rect: QRectF, dpr: float) -> QRect:
    return QRect(round(rect.left() * dpr), round(rect.top() * dpr),
                 round(rect.width() * dpr), round(rect.height() * dpr))


@pytest.mark.parametrize("dpr", [1.0, 2.0])
@pytest.mark.parametrize("level", [*LEVELS, B.RECOVERY])
def test_a_letter_and_the_intensity_mark_under_it_do_not_meet(qtbot, level, dpr):
    """At the board's usual cell (900 px wide) and its smallest (a board 320 px wide: day zoom
    keeps 14 px a day), the letter's box and every level's mark (and the recovery ring) lie apart,
    the mark whole in the cell above its foot's band and no smaller than half its size."""
    for width in (900, 320):
        board = _board(qtbot, 90, width)
        cell = board.cell_rect("A2", MATCH)
        assert (cell.width(), cell.height()) == (CELL_W, ROW_H)  # the sizes the marks are laid out for
        x, y = 3, 5
        badge = _device(boardmarks.badge_rect(x, y), dpr)
        mark = _alone(board, level, x, y, True, dpr)
        assert mark, level
        assert not any(badge.contains(px, py) for px, py in mark), (level, width)
        foot = _device(QRectF(x, y, CELL_W, ROW_H - BAND_H), dpr)
        assert all(foot.contains(px, py) for px, py in mark), (level, width)
        full = _bounds(_alone(board, level, x, y, False, dpr))
        assert _bounds(mark).height() * 2 >= full.height(), level


@pytest.mark.parametrize("level", [100, 80, 70])
def test_the_board_draws_the_letter_and_the_whole_mark_under_it(qtbot, level):
    """The board's own paint of a match day: Ben's S box is whole (its frame and letter as drawn
    alone) and the day's mark shows whole under it, every pixel of it as drawn alone."""
    board = _board(qtbot, level)
    letter = {100: "S", 80: "B"}.get(level, "O")
    assert ROLE_LETTER[board.marks_of("A2").role[board._tl.index(MATCH)]] == letter
    shot = board.viewport().grab().toImage()
    cell = board.cell_rect("A2", MATCH)
    alone = _image(CELL_W + 4, ROW_H + 4)
    p = QPainter(alone)
    p.fillRect(alone.rect(), board.theme().base)
    x, y, pix = board.glyph_spot(level, 2, 2, True)
    p.drawPixmap(x, y, pix)
    p.drawPixmap(2, 3, boardmarks.badge_pixmap(letter, board.theme().text, board.theme().base, False,
                                               boardmarks.badge_font(board._small), 1.0))
    p.end()
    ink = board.theme().intensity_colour(level)
    seen = {(px - cell.x(), py - cell.y()) for px in range(cell.left(), cell.right() + 1)
            for py in range(cell.top(), cell.bottom() + 1) if shot.pixelColor(px, py) == ink}
    drawn = {(px - 2, py - 2) for px in range(alone.width()) for py in range(alone.height())
             if alone.pixelColor(px, py) == ink}
    assert drawn and seen == drawn
    text = board.theme().text
    badge = [(px, py) for px in range(8) for py in range(9)]
    assert [shot.pixelColor(cell.x() + px, cell.y() + 1 + py) == text for px, py in badge] == \
           [alone.pixelColor(2 + px, 3 + py) == text for px, py in badge]


def test_60_and_70_differ_by_shape_not_size_only():
    """A 60 % day was a small dot and a 70 % day a larger one: on a laptop they read alike. Drawn
    to the same height, their marks still differ: 60 is a dash (wide and low), 70 a dot."""
    def shape(level: int) -> QRect:
        img = _image(40, 40, 4.0)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        B.draw_glyph(p, level, 20, 20, QColor("black"))
        p.end()
        return _bounds(_inked(img))

    sixty, seventy = shape(60), shape(70)
    ratio = lambda r: r.width() / r.height()  # noqa: E731 - shape, whatever the size
    assert ratio(sixty) >= 2 * ratio(seventy), (sixty, seventy)
    assert "dash 60, dot 70" in B.BoardLegend().toolTip()


def test_a_logged_days_tick_is_seen_clear_of_every_other_mark_and_quieter_than_the_plan(qtbot):
    """A logged day was a 3 px dot: hard to find. Its tick takes half a 70 % dot's reach or more,
    in the dimmed text colour, less ink than any planned level's mark, and in a cell it meets
    neither the letter's box nor any level's mark, nor the recovery ring."""
    board = _board(qtbot, 90)
    theme = board.theme()
    img = _image(CELL_W, ROW_H)
    p = QPainter(img)
    pastview.draw_logged(p, [(0, 0)], CELL_W, QColor("black"))
    p.end()
    tick = _inked(img)
    dot = _alone(board, 70, 0, 0, False, 1.0)
    size, reach = _bounds(tick), _bounds(dot)
    assert size.width() * size.height() * 2 >= reach.width() * reach.height(), (size, reach)
    assert len(tick) * 3 >= len(dot), (len(tick), len(dot))
    for level in (*LEVELS, B.RECOVERY):
        for lettered in (False, True):
            assert not tick & _alone(board, level, 0, 0, lettered, 1.0), (level, lettered)
    assert not any(_device(boardmarks.badge_rect(0, 0), 1.0).contains(x, y) for x, y in tick)

    def ink(draw) -> int:  # how dark a mark is on white, all its pixels summed
        img = _image(CELL_W, ROW_H)
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        draw(p)
        p.end()
        return sum(255 - img.pixelColor(x, y).lightness() for x, y in _inked(img))

    quiet = ink(lambda p: pastview.draw_logged(p, [(0, 0)], CELL_W, theme.dim_text))
    for level in LEVELS:
        assert quiet < ink(lambda p, lv=level: B.draw_glyph(p, lv, 7, 9, theme.intensity_colour(lv))), level


def test_the_key_draws_the_boards_own_marks(qtbot, monkeypatch):
    """View ▸ Key to the Board draws each level, role letter and the logged tick with the very
    functions the board paints them with, and its words name those shapes."""
    from ui.desktop.legendview import KeyWindow

    calls: dict[str, list] = {"glyph": [], "badge": [], "logged": []}

    def spy(kind, real, pick):
        def wrapper(*args, **kwargs):
            calls[kind].append(pick(args))
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(B, "draw_glyph", spy("glyph", B.draw_glyph, lambda a: a[1]))
    monkeypatch.setattr(B, "draw_badge", spy("badge", B.draw_badge, lambda a: a[3]))
    monkeypatch.setattr(boardmarks, "draw_badge", spy("badge", boardmarks.draw_badge, lambda a: a[3]))
    monkeypatch.setattr(pastview, "draw_logged",
                        spy("logged", pastview.draw_logged, lambda a: tuple(a[1])))
    monkeypatch.setattr(boardmarks, "_BADGES", {})

    key = KeyWindow()
    qtbot.addWidget(key)
    key.show()
    qtbot.waitExposed(key)
    key.legend.grab()
    in_key = {k: set(v) for k, v in calls.items()}
    assert set(LEVELS) <= in_key["glyph"]
    assert set(ROLE_LETTER.values()) | {"C", "!"} <= in_key["badge"]
    assert in_key["logged"]

    for v in calls.values():
        v.clear()
    season = tiny_season()
    today = season.calendar.model_copy(update={"today": MATCH})
    logged = season.model_copy(update={"calendar": today, "plan": hand_plan(season, 100),
                                       "sessions": (Session(athlete="A2", date=MATCH, minutes=90, rpe=7),)})
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(900, 300)
    board.set_season(logged)
    board.show()
    qtbot.waitExposed(board)
    board.viewport().grab()
    assert 100 in set(calls["glyph"]) and "S" in set(calls["badge"]) and calls["logged"]
    words = B.BoardLegend().toolTip()
    assert "grey tick marks a logged day" in words and "intensity mark under it" in words


def test_the_tick_in_the_key_sits_where_the_board_puts_it():
    """The key's logged cell is a board cell: its tick's solid pixels are where the board's
    tick has them, from the cell's top left."""
    th = B._LIGHT

    def solid(draw) -> set[tuple[int, int]]:
        img = _image(40, 40)
        p = QPainter(img)
        draw(p)
        p.end()
        return {(x, y) for x in range(40) for y in range(40) if img.pixelColor(x, y) == th.dim_text}

    in_key = solid(lambda p: pastview.paint_legend_mark(p, False, 10, 20, th))
    on_board = solid(lambda p: pastview.paint_past(
        p, pastview.PastMarks(logged={"a": frozenset({0})}), lambda r: "a", (0, 0), (0, 0),
        lambda d: 10, lambda r: 13, CELL_W, False, th.dim_text))
    assert on_board and in_key == on_board
