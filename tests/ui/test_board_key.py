"""The board, its key and the printed board agree (review 239): a flare-up's "!" sits beside the
stage's name, not on it; the key draws both own-week bands; the print draws and names calm days;
the folded key calls the ring "recovery"; the 60 % dash reads on every stage colour; a role
letter reads at 100 %; at 200 % the board keeps most of a laptop's width."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea

from tests.builders import flared_from_s3
from ui.desktop import board as B
from ui.desktop import boardmarks


@pytest.fixture(scope="module")
def flared():
    """A1 back (FIT) flares up on day 3: S3 again from that day, "!" on it, calm days after."""
    return flared_from_s3(3)


def _day_board(qtbot, season, width: int = 900):
    board = B.SeasonBoard()
    qtbot.addWidget(board)
    board.resize(width, 300)
    board.set_season(season)
    board.set_zoom("day")
    board.show()
    qtbot.waitExposed(board)
    return board


def test_a_flare_ups_badge_and_the_stage_name_sit_side_by_side(qtbot, flared):
    """The "!" badge was drawn over the name of the stage it starts ("S3" read "!3"): the name
    now starts past the badge, whole, in the stage's own stretch."""
    board = _day_board(qtbot, flared)
    tl = board._tl
    m = board.marks_of("A1")
    day = min(m.flare)
    board.show_from(tl.days[0])
    cell = board.cell_rect("A1", tl.days[day])
    badge = boardmarks.badge_rect(cell.x(), cell.y())
    labels = board.stage_label_rects("A1")
    s3 = [r for r, stage in labels if stage == "S3" and r.left() >= cell.left() - 1
          and r.left() < cell.left() + 3 * cell.width()]
    assert s3, labels
    assert not any(QRectF(r).intersects(badge) for r, _s in labels), (labels, badge)
    assert s3[0].left() >= badge.right(), (s3[0], badge)


def _palettes():
    from PySide6.QtGui import QColor, QPalette

    from ui.desktop.theme import dark_palette

    return [QPalette(QColor("#efefef"), QColor("#ffffff")), dark_palette()]


def _need(legend, items) -> int:
    from PySide6.QtGui import QFontMetrics

    fm = QFontMetrics(legend._font)
    return round(sum(legend._item_w(fm, i) for i in items) + 8
                 + fm.horizontalAdvance(legend.COMPACT_MORE))


def _colours(widget) -> set:
    """The colours ``widget`` paints as a swatch or band: ten pixels in a row or more (not the
    edge of a letter or a mark)."""
    img = widget.grab().toImage()
    out = set()
    for y in range(img.height()):
        row = [img.pixel(x, y) for x in range(img.width())]
        out |= {row[x] for x in range(len(row) - 9) if len(set(row[x:x + 10])) == 1}
    return {c & 0xFFFFFF for c in out}


@pytest.mark.parametrize("dark", [False, True])
def test_the_key_draws_both_own_week_bands_in_the_boards_colours(qtbot, dark):
    """The board draws two bands under a row (an own deload week, blue; an own load week while
    the team deloads, grey): the key showed only the blue one. The key window, and the folded
    line where it has room, draw both in the board's colours, each with its word."""
    from ui.desktop.legendview import KeyWindow
    from ui.desktop.theme import BoardTheme

    palette = _palettes()[dark]
    th = BoardTheme.from_palette(palette)
    bands = {th.week_band["deload"].rgb() & 0xFFFFFF, th.week_band["load"].rgb() & 0xFFFFFF}
    key = KeyWindow()
    qtbot.addWidget(key)
    key.setPalette(palette)
    key.show()
    qtbot.waitExposed(key)
    assert bands <= _colours(key.legend)
    assert "grey an own load week" in key.words.text() and "blue an own deload" in key.words.text()

    folded = B.BoardLegend()
    qtbot.addWidget(folded)
    folded.setPalette(palette)
    groups = []
    real = folded._paint_group
    folded._paint_group = lambda p, t, fm, g, *a: (groups.append(list(g)), real(p, t, fm, g, *a))
    folded.resize(_need(folded, folded.COMPACT_FORMS[0]) + 20, folded.LINE_H)
    folded.show()
    qtbot.waitExposed(folded)
    assert folded.collapsed
    assert bands <= _colours(folded)
    assert any({"b:deload", "b:load"} <= set(g) for g in groups), groups


def test_the_folded_key_calls_the_ring_recovery_at_any_width(qtbot):
    """At 125 % the folded key read "○ 0", the full key and the print "○ recovery" (and a blank
    day is the one at 0): the folded line says "recovery", and where that does not fit it leaves
    the ring out rather than call it otherwise."""
    legend = B.BoardLegend()
    qtbot.addWidget(legend)
    groups = []
    real = legend._paint_group
    legend._paint_group = lambda p, t, fm, g, *a: (groups.append(list(g)), real(p, t, fm, g, *a))
    legend.show()
    qtbot.waitExposed(legend)
    ring_words = {i.partition(":")[2] for i in (*legend.COMPACT, *sum(map(list, legend.COMPACT_FORMS), []))
                  if i.startswith("e:")}
    assert ring_words == {"recovery"}
    full = {i.partition(":")[2] for g in legend._groups() for i in g if i.startswith("e:")}
    assert full == ring_words  # the words of the full key
    wide = _need(legend, legend.COMPACT) + 20
    narrow = _need(legend, legend.MARKS) + 20
    assert narrow < wide < _need(legend, legend.COMPACT_FORMS[0])
    for width, ring in ((wide, True), (narrow, False)):
        groups.clear()
        legend.resize(width, legend.LINE_H)
        legend.grab()
        assert legend.collapsed and groups, width
        painted = groups[-1]
        assert ("e:recovery" in painted) is ring, (width, painted)
        assert not [i for i in painted if i.startswith("e:") and i != "e:recovery"], painted
        assert {f"g:{lv}" for lv in (60, 70, 80, 90, 95, 100)} <= set(painted)


def test_the_printed_board_draws_and_names_the_calm_days_as_the_board_does(qtbot, flared, monkeypatch):
    """Calm days after a flare-up (RH-FL) are a dotted line along the cell's top on the board;
    the printed board drew nothing and its legend did not name them. It now draws the board's
    line (the same function) on exactly the board's calm days, over no code, letter or glyph,
    and its legend shows it with its words."""
    from planner.daymarks import day_marks
    from planner.timeline import Timeline
    from tests.ui.test_pdf import _overlaps
    from ui.desktop import pdf

    drawn = []
    real = boardmarks.draw_calm
    monkeypatch.setattr(boardmarks, "draw_calm", lambda p, *a: (drawn.append(a), real(p, *a)))
    tl = Timeline(flared)
    calm = {(aid, d) for aid, m in day_marks(flared, tl).items() for d in m.calm}
    assert calm
    pages = pdf.board_labels(flared)
    printed = {(k[1], int(k[2])) for page in pages for _, t in page
               if (k := re.fullmatch(r"calm (\S+) (\d+)", t))}
    assert printed == calm
    assert len(drawn) == len(calm) + len(pages)  # the days, and each page's legend
    texts = [t for page in pages for _, t in page]
    assert texts.count("legend calm") == len(pages) and "calm days" in texts
    for page in pages:
        assert _overlaps(page) == []
    board = _day_board(qtbot, flared)
    board.show_from(tl.days[0])
    drawn.clear()
    board.viewport().grab()
    assert len(drawn) == len({d for aid, d in calm if aid == "A1"})


@pytest.mark.parametrize("level", [60, 70])
@pytest.mark.parametrize("dark", [False, True])
def test_the_60_dash_reads_on_every_stage_colour(qtbot, dark, level):
    """The 60 % dash was a pale grey-blue that all but vanished on the teal (S3) and orange (P2)
    stages, on screen and on paper; 60 is a rehab athlete's first running day. It is now at
    least 3:1 against every stage that runs (INJ holds no running: its cap is 0), the plain cell
    and the team's week tints, in the light and the dark palette, and on paper; it is still told
    from 70 by its shape (tests/ui/test_board_marks.py). The 70 % dot was as pale (2.2:1 on S3,
    2.5:1 on P2): it reads as well now, and is told from 80-95 by its shape, a dot."""
    from tests.ui.test_solve_panels import _contrast
    from ui.desktop.theme import BoardTheme

    th = BoardTheme.from_palette(_palettes()[dark])
    mark = th.intensity_colour(level)
    grounds = {stage: c for stage, c in th.stages.items() if stage != "INJ"}
    grounds.update(plain=th.base, **{f"team {k}": v for k, v in th.week_tint.items()})
    low = {k: round(_contrast(mark, c), 2) for k, c in grounds.items() if _contrast(mark, c) < 3}
    assert not low, (mark.name(), low)
    assert {"P2", "S3"} <= set(grounds)
    if not dark:  # the printed board's colours are the light board's
        assert B.intensity_colour(level) == mark
        for stage, c in B.STAGE_COLOURS.items():
            assert stage == "INJ" or _contrast(B.intensity_colour(level), c) >= 3, stage


def test_at_200_percent_on_a_laptop_the_board_keeps_most_of_the_width(qtbot, monkeypatch):
    """At QT_SCALE_FACTOR=2 a 1280 x 720 screen is 640 x 360 logical pixels: the empty Inspector
    started at 380 of them and the board showed six days. The side dock starts at a third of the
    window at most (or the least its tabs need); the board keeps more than half, and a 1280
    window keeps its 380-pixel dock."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from ui.desktop import mainwindow
    from ui.desktop.mainwindow import MainWindow, load_demo_season

    for size, inspector in ((QSize(640, 360), None), (QSize(1280, 690), 380)):
        monkeypatch.setattr(mainwindow, "default_size", lambda _w, s=size: s)
        win = MainWindow(load_demo_season(), None)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        for _ in range(3):
            QApplication.processEvents()
        assert win.width() == size.width()
        dock = win.docks["inspector"]
        assert dock.isVisible()
        if inspector is None:
            # a third, or the least its tab group takes (Plan Check's panel: 264 pixels)
            least = max(d.minimumSizeHint().width() for d in win.tabifiedDockWidgets(dock))
            assert dock.width() <= max(size.width() / 3, least) + 1, (dock.width(), least)
            assert least < 0.45 * size.width()
            assert win.board.width() >= 0.55 * size.width(), win.board.width()
        else:
            assert abs(dock.width() - inspector) <= 12, dock.width()


def _letter_cells(letter: str, filled: bool = False) -> tuple[str, ...]:
    """A badge drawn at 100 % on white, its box's pixels as rows of "#" (ink) and "." (paper)."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    ink, paper = QColor("#202020"), QColor("#ffffff")
    img = QImage(12, 13, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(paper)
    p = QPainter(img)
    p.setFont(boardmarks.badge_font(QFont()))
    boardmarks.draw_badge(p, 2, 2, letter, ink, paper, filled)
    p.end()
    return tuple("".join("#" if img.pixelColor(x, y) == ink else "." for x in range(2, 2 + boardmarks.BADGE_W))
                 for y in range(2, 2 + boardmarks.BADGE_H))


def test_a_role_letter_reads_at_100_percent(qtbot):
    """In the 8 x 9 box a 7 px font's S read 5, B 8 and O 0 or a filled square (in the key too):
    at 100 % each letter is drawn whole in solid ink, a pixel clear of the frame all round, the
    O hollow, and no two letters alike; the key draws them with the board's own function."""
    cells = {letter: _letter_cells(letter) for letter in "SBORC"}
    for letter, rows in cells.items():
        inside = [row[1:-1] for row in rows[1:-1]]  # within the frame
        assert set(inside[0]) == {"."} and set(inside[-1]) == {"."}, (letter, rows)
        assert {row[0] for row in inside} == {"."} and {row[-1] for row in inside} == {"."}, (letter, rows)
        ink = sum(row.count("#") for row in inside)
        assert 8 <= ink <= 16, (letter, rows)  # a letter, neither a speck nor a block
    assert cells["O"][4][3:5] == "..", cells["O"]  # hollow, not a filled square
    letters = list(cells.values())
    for k, a in enumerate(letters):
        for b in letters[k + 1:]:
            assert sum(x != y for ra, rb in zip(a, b, strict=True)
                       for x, y in zip(ra, rb, strict=True)) >= 3
    # S is not 5: its top left corner is open, a 5's is closed; B is not 8: its back is straight
    assert cells["S"][2][2] == "." and cells["B"][2][2] == "#" and cells["B"][4][2] == "#"


@pytest.mark.parametrize("points", [None, 13.0])
def test_the_key_window_shows_all_its_words_within_the_screen(qtbot, points):
    """Ctrl+K at 1366 x 768 and 125 %: the words, word-wrapped in a fixed 760 x 320 window,
    were cut at the top and the bottom with no scroll bar. The window opens as tall as the key
    and its words (within the screen's free area), and what the screen cannot hold scrolls: the
    words are laid out whole, from their first line to their last, and each is reachable."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ui.desktop.legendview import KeyWindow

    app = QApplication.instance()
    before = QFont(app.font())
    if points:  # a larger system font: the words take more lines than the screen holds
        big = QFont(before)
        big.setPointSizeF(points)
        app.setFont(big)
    try:
        key = KeyWindow()
        qtbot.addWidget(key)
        key.show()
        qtbot.waitExposed(key)
        qtbot.wait(20)
        room = key.screen().availableGeometry()
        assert key.frameGeometry().height() <= room.height() and key.width() <= room.width()
        words = key.words
        assert words.height() >= words.heightForWidth(words.width())  # laid out whole, not cut
        scroll = next(w for w in key.findChildren(QScrollArea) if w.isAncestorOf(words))
        bar = scroll.verticalScrollBar()
        inside = scroll.widget()
        assert inside.height() - scroll.viewport().height() <= bar.maximum()  # all of it reachable
        bar.setValue(bar.maximum())  # scrolled to the end: the last line in sight
        last = words.mapTo(scroll.viewport(), words.rect().bottomLeft())
        assert 0 <= last.y() <= scroll.viewport().height(), (last.y(), scroll.viewport().height())
    finally:
        app.setFont(before)


@pytest.mark.parametrize("dark", [False, True])
def test_the_keys_words_for_fit_cells_hold_in_both_modes(qtbot, dark):
    """The key said "white cells: fit": in dark mode a fit athlete's cells are the dark base.
    Its words name no colour a mode does not draw: "plain cells" (the board's base, either way)."""
    from ui.desktop.theme import BoardTheme

    palette = _palettes()[dark]
    legend = B.BoardLegend()
    qtbot.addWidget(legend)
    legend.setPalette(palette)
    words = legend.toolTip()
    base = BoardTheme.from_palette(palette).base
    assert "plain cells: fit" in words
    for colour, name in ((QColor("white"), "white"), (QColor("black"), "black")):
        if base.rgb() != colour.rgb():  # the fit cells are not this colour here: never said so
            assert f"{name} cells" not in words.lower(), name


def _lab(c: QColor) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    def lin(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = lin(c.red()), lin(c.green()), lin(c.blue())
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _delta_e(a: QColor, b: QColor) -> float:
    """How far apart two colours look (CIE76 ΔE: about 2.3 is just noticeable)."""
    import math

    return math.dist(_lab(a), _lab(b))


def test_the_dark_stages_are_as_distinct_as_the_light_ones(qtbot):
    """Dark mode: the stages were the light ones blended 55 % into the base, and S1, S2 and S3 came
    out three close grey-greens (S1-S2 about 10 in CIELAB), P3 an olive close to S1. Every two
    dark stages now differ at least as much as the light palette's closest two (its S1 and S2, a
    difference a coach reads on the board every day), and the marks and names on them still
    read: the intensity marks at 3:1 or more on each stage that runs, the stage names at 4.5:1."""
    import itertools

    from tests.ui.test_solve_panels import _contrast
    from ui.desktop.theme import BoardTheme

    light, dark = (BoardTheme.from_palette(p) for p in _palettes())
    assert dark.dark and not light.dark
    bar = min(_delta_e(light.stages[a], light.stages[b])
              for a, b in itertools.combinations(light.stages, 2))
    close = {(a, b): round(_delta_e(dark.stages[a], dark.stages[b]), 1)
             for a, b in itertools.combinations(dark.stages, 2)
             if _delta_e(dark.stages[a], dark.stages[b]) < bar}
    assert not close, (round(bar, 1), close)
    for stage, colour in dark.stages.items():
        assert _contrast(dark.stage_text[stage], colour) >= 4.5, stage
        assert _delta_e(colour, dark.base) >= bar, stage  # a stage is not taken for a plain cell
        if stage != "INJ":
            for level, mark in dark.intensity.items():
                assert _contrast(mark, colour) >= 3, (stage, level)


@pytest.mark.parametrize("dark", [False, True])
def test_the_key_shows_the_corner_of_a_pin_not_in_the_plan_yet(qtbot, monkeypatch, dark):
    """A pin the plan does not follow yet gets an orange corner on the board; the key showed
    only the black one, and the orange corner read as the red "pain" one beside it. The key
    now draws it, with the board's own drawing and colour, and names it."""
    from ui.desktop.theme import BoardTheme

    palette = _palettes()[dark]
    th = BoardTheme.from_palette(palette)
    flags = []
    real = B.draw_pin_flag
    monkeypatch.setattr(B, "draw_pin_flag", lambda p, x, y, colour, *a: (
        flags.append(QColor(colour).rgb()), real(p, x, y, colour, *a)))
    legend = B.BoardLegend()
    qtbot.addWidget(legend)
    legend.setPalette(palette)
    legend.resize(2000, legend.LINE_H * 3)
    legend.show()
    qtbot.waitExposed(legend)
    legend.grab()
    items = [i for g in legend._groups() for i in g]
    waiting = [i for i in items if i.startswith("u:")]
    assert waiting == ["u:pin not in plan"], items
    assert items.index("p:pinned") + 1 == items.index(waiting[0])  # beside the pin's own
    # the board's colours, as the board's cells ask for them
    assert B.pin_colour(th, True).rgb() != B.pin_colour(th, False).rgb()
    assert B.pin_colour(th, True).rgb() in flags and B.pin_colour(th, False).rgb() in flags
    assert "orange: a pin not in the plan yet; solve again" in legend.toolTip()
