"""The season board: selection and keyboard navigation, zoom, pins, violations, today's line,
dark mode, context menu (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QContextMenuEvent
from PySide6.QtWidgets import QApplication

from planner import edits as E
from planner.check import Violation
from planner.season import IntensityPin, StagePin, WeekPin
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.board import CELL_W, HEADER_H, ROW_H, WEEK_DAY_W, BoardLegend, SeasonBoard
from ui.desktop.boardmenu import MANUAL_MENU, PIN_MENU, cell_menu, find_action
from ui.desktop.mainwindow import MainWindow
from ui.desktop.theme import dark_palette

D = dt.date


@pytest.fixture
def board(qtbot):
    b = SeasonBoard()
    qtbot.addWidget(b)
    b.resize(800, 300)
    season = tiny_season()
    b.set_season(season.model_copy(update={"plan": hand_plan(season)}))
    return b


def centre(board: SeasonBoard, athlete: str, day: dt.date) -> QPoint:
    return board.cell_rect(athlete, day).center()


def pixel(board: SeasonBoard, x: int, y: int) -> QColor:
    return QColor(board.viewport().grab().toImage().pixel(x, y))


# -- selection and keyboard ---------------------------------------------------------------
def test_a_click_selects_a_cell(board, qtbot):
    seen = []
    board.current_changed.connect(lambda a, d: seen.append((a, d)))
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton,
                     pos=centre(board, "A2", D(2026, 3, 5)))
    assert board.current() == ("A2", D(2026, 3, 5))
    assert seen == [("A2", D(2026, 3, 5))]
    assert "Ben Striker" in board.accessibleDescription()


def test_arrow_keys_move_the_selected_cell(board, qtbot):
    board.setFocus()
    qtbot.keyClick(board, Qt.Key.Key_Right)  # nothing selected: the first visible cell
    assert board.current() == ("A3", D(2026, 3, 2))
    qtbot.keyClick(board, Qt.Key.Key_Right)
    qtbot.keyClick(board, Qt.Key.Key_Down)
    assert board.current() == ("A1", D(2026, 3, 3))
    qtbot.keyClick(board, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # a week on
    assert board.current() == ("A1", D(2026, 3, 10))
    qtbot.keyClick(board, Qt.Key.Key_End)
    assert board.current() == ("A1", D(2026, 3, 15))
    qtbot.keyClick(board, Qt.Key.Key_Right)  # stays at the season's end
    assert board.current() == ("A1", D(2026, 3, 15))
    qtbot.keyClick(board, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert board.current() == ("A3", D(2026, 3, 2))
    qtbot.keyClick(board, Qt.Key.Key_Up)
    assert board.current() == ("A3", D(2026, 3, 2))


def test_the_selection_survives_a_new_season_and_follows_the_athlete(board):
    assert board.set_current("A2", D(2026, 3, 9))
    season = board.season()
    board.set_season(season.model_copy(update={"name": "Renamed"}))
    assert board.current() == ("A2", D(2026, 3, 9))
    assert not board.set_current("nobody", D(2030, 1, 1))


def test_keyboard_navigation_scrolls_the_cell_into_view(qtbot, demo_season):
    b = SeasonBoard()
    qtbot.addWidget(b)
    b.resize(600, 300)
    b.set_season(demo_season)
    assert b.horizontalScrollBar().value() == 0
    b.set_current("A07", demo_season.calendar.end)
    rect = b.cell_rect("A07", demo_season.calendar.end)
    assert b.viewport().rect().contains(rect.center())
    assert b.horizontalScrollBar().value() > 0


# -- zoom ---------------------------------------------------------------------------------
def test_week_zoom_shows_the_season_at_a_glance(qtbot, demo_season, board):
    b = SeasonBoard()
    qtbot.addWidget(b)
    b.resize(1400, 600)
    b.set_season(demo_season)
    day_width = b.horizontalScrollBar().maximum()
    b.set_zoom("week")
    assert b.zoom() == "week"
    assert b.horizontalScrollBar().maximum() < day_width / 3
    x = b._name_w + 10 * WEEK_DAY_W + 1
    assert b.cell_at(QPoint(x, HEADER_H + 2)) == (b.athlete_order()[0],
                                                  demo_season.calendar.start + dt.timedelta(days=10))
    # In week zoom the arrows move by a week.
    b.set_current("A07", D(2026, 9, 1))
    b.setFocus()
    qtbot.keyClick(b, Qt.Key.Key_Right)
    assert b.current() == ("A07", D(2026, 9, 8))


def test_week_zoom_draws_each_weeks_speed_days(board):
    board.set_zoom("week")
    board.viewport().grab()
    week_glyphs = board.painted_glyphs
    board.set_zoom("day")
    board.viewport().grab()
    assert 0 < week_glyphs < board.painted_glyphs


def test_zoom_actions_and_the_remembered_zoom(qtbot, isolated_settings):
    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    w.week_zoom_action.trigger()
    assert w.board.zoom() == "week" and w.week_zoom_action.isChecked()
    assert w.close()
    w2 = MainWindow(tiny_season(), None)
    qtbot.addWidget(w2)
    assert w2.board.zoom() == "week"
    w2.day_zoom_action.trigger()
    assert w2.board.zoom() == "day" and w2.day_zoom_action.isChecked()


# -- marks ----------------------------------------------------------------------------------
def test_pinned_cells_are_marked(board):
    season = board.season()
    pins = (IntensityPin(athlete="A1", date=D(2026, 3, 4), intensity=90),
            WeekPin(athlete=None, week=D(2026, 3, 11), week_kind="deload"),
            StagePin(athlete="A3", stage="P3", date=D(2026, 3, 12)))
    board.set_season(season.model_copy(update={"pins": pins}))
    rect = board.cell_rect("A1", D(2026, 3, 4))
    assert pixel(board, rect.left() + 2, rect.top() + 2) == board.theme().pin
    other = board.cell_rect("A1", D(2026, 3, 5))
    assert pixel(board, other.left() + 2, other.top() + 2) != board.theme().pin
    assert "Pinned at 90 %" in board.tooltip_at(rect.center())
    assert "P3 starts" in board.tooltip_at(centre(board, "A3", D(2026, 3, 12)))
    header = board.tooltip_at(QPoint(board._name_w + 9 * CELL_W + 3, HEADER_H - 25))
    assert "team week" in header and "(pinned)" in header


def test_violations_are_framed_on_the_board(board):
    v = Violation("HV-5", "A2", D(2026, 3, 4), D(2026, 3, 5), "Ben runs fast two days in a row")
    board.set_violations([v])
    rect = board.cell_rect("A2", D(2026, 3, 4))
    image = board.viewport().grab().toImage()
    red = board.theme().violation
    frame = [QColor(image.pixel(x, rect.top() + 1)) for x in range(rect.left(), rect.left() + 2 * CELL_W)]
    assert red in frame
    clean = board.cell_rect("A1", D(2026, 3, 4))
    assert red not in [QColor(image.pixel(x, clean.top() + 1)) for x in range(clean.left(), clean.right())]
    assert board.violations_at("A2", D(2026, 3, 5)) == [v]
    assert board.violations_at("A1", D(2026, 3, 5)) == []
    assert "HV-5: Ben runs fast" in board.tooltip_at(rect.center())


def test_todays_line(board):
    season = board.season()
    today = D(2026, 3, 9)
    board.set_season(season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": today})}))
    x = board._x(7)
    assert pixel(board, x, HEADER_H + ROW_H + 5) == board.theme().today
    assert pixel(board, x + 5 * CELL_W, HEADER_H + ROW_H + 5) != board.theme().today
    assert "Today" in board.tooltip_at(QPoint(x + 3, HEADER_H - 5))


def test_the_today_line_leaves_the_week_and_deload_labels_whole(board):
    """Today a Wednesday in a deload week: the orange line crossed the week's label ("W1|8")
    and the "deload" under it. It runs over the month row and from the day row down, not
    across the rows of the week, the block and the team week."""
    season = board.season()
    today = D(2026, 3, 4)  # a Wednesday of the first week, a deload for the team
    board.set_season(season.model_copy(update={"calendar": season.calendar.model_copy(
        update={"today": today})}))
    g, orange = board._g, board.theme().today
    x = board._x((today - season.calendar.start).days)
    image = board.viewport().grab().toImage()

    def on_line(y: int) -> bool:
        return any(QColor(image.pixel(x + dx, y)) == orange for dx in (-1, 0))

    assert board.season().plan.team_weeks[0] == "deload"  # "deload" written in its header
    for row, (y0, h) in {"week": (g.y_week, g.week_h), "block": (g.y_block, g.block_h),
                         "team week": (g.y_kind, g.kind_h)}.items():
        assert not any(on_line(y) for y in range(y0 + 1, y0 + h - 1)), row
    assert all(on_line(y) for y in range(g.y_day + 1, g.header_h + 2 * ROW_H))  # days and rows
    assert on_line(g.y_month + g.month_h // 2)  # and the month row, by its badge
    assert "Today" in board.tooltip_at(QPoint(x + 3, HEADER_H - 5))


def test_today_in_a_months_first_days_keeps_its_badge_and_the_month_its_title(qtbot):
    """Today on the 2nd: the month's title began under the badge, so the badge gave way to a
    small flag and the line struck through the title. The title now starts after the badge."""
    from tests.builders import season as build
    from ui.desktop.board import MONTH_H, Y_MONTH

    b = SeasonBoard()
    qtbot.addWidget(b)
    b.resize(1200, 300)
    season = build(weeks=8, athletes=2)  # 4 Jan to 28 Feb 2027
    for today, k in ((D(2027, 2, 2), (2027, 2, 2)), (D(2027, 1, 25), (2027, 1, 25))):
        b.set_season(season.model_copy(update={"calendar": season.calendar.model_copy(
            update={"today": today})}))
        b.viewport().grab()  # paint
        x = b._x((today - season.calendar.start).days)
        assert 0 < x < 1100, k
        assert all(end < x or start > x + 40 for start, end in b._month_spans), (k, b._month_spans)
        # the badge: today's colour right of the line, in the month row
        assert pixel(b, x + 2, Y_MONTH + MONTH_H // 2) == b.theme().today, k
    # week zoom: a month is ~60-120 px; its title is a whole form ("Feb ’27", never "Fe…"),
    # and no wider than the month
    from PySide6.QtGui import QFontMetrics

    from ui.desktop.board import month_forms

    b.resize(800, 300)
    b.set_zoom("week")
    fm = QFontMetrics(b._bold)
    for today in (D(2027, 2, 2), D(2027, 2, 8), D(2027, 2, 12), D(2027, 2, 20)):
        b.set_season(season.model_copy(update={"calendar": season.calendar.model_copy(
            update={"today": today})}))
        b.viewport().grab()
        feb = next((a, z) for a, z in b._month_spans if a > b._x(27))
        widths = {fm.horizontalAdvance(t) for t in month_forms(today)[:3]}
        assert feb[1] - feb[0] in widths, (today, feb, widths)


def test_a_position_of_one_long_word_shows_whole_in_its_short_form(board):
    """The board showed PG, SG, SF, PF and "Ce…" for a basketball Center: a word too wide for the
    column now shows as much of its start as fits, never with "…", and no shorter position is
    cut."""
    from PySide6.QtGui import QFontMetrics

    from planner.squad import POSITION_ROOM

    room = QFontMetrics(board._font).horizontalAdvance(POSITION_ROOM)
    fits = QFontMetrics(board._font).horizontalAdvance
    centre = board.position_text("Center")
    assert centre.startswith("Ce") and "…" not in centre and fits(centre) <= room
    assert "Center".startswith(centre)
    for typed, shown in (("Point guard", "PG"), ("Small forward", "SF"), ("Goalkeeper", "GK"),
                         ("Wing", "Wing"), ("C", "C")):
        assert board.position_text(typed) == shown


LONG_ONE_WORD = ("Halfback", "Attacker", "Rightback", "Safety", "Celerwing",
                 "Wicketkeeper", "Linebacker", "Quarterback", "Mediocampista", "Verteidiger",
                 "Flanker", "Sweeper", "Cornerback", "Outfielder", "Shortstop")


def test_a_long_one_word_position_is_never_cut_in_its_fitted_short_form(board):
    """The board still showed "Att…", "Ha…", "Saf…": the short form was measured in whole
    pixels (its rounded width equal to the room) and then cut with "…" by its real width. With
    the board's font, a long one-word position now shows a start of the word, whole, within the
    column's room by its real width."""
    from PySide6.QtGui import QFontMetrics, QFontMetricsF

    from planner.squad import POSITION_ROOM, fitted_position

    room = QFontMetrics(board._font).horizontalAdvance(POSITION_ROOM)
    real = QFontMetricsF(board._font).horizontalAdvance
    for typed in LONG_ONE_WORD:
        shown = board.position_text(typed)
        assert "…" not in shown and real(shown) <= room, (typed, shown, real(shown), room)
        assert typed.upper().startswith(shown.upper()) and len(shown) >= 2, (typed, shown)
        assert shown == fitted_position(typed, lambda t: real(t) <= room)
    # a label with no short form (five words) is still cut to the room, with "…"
    cut = board.position_text("Left wing back winger extra")
    assert cut.endswith("…") and real(cut) <= room


def test_the_position_short_form_is_worked_out_once_per_position(board, monkeypatch):
    """Worked out again for every row on every paint of the names, the short form made a paint
    2.5 times as slow: it is kept per position, and worked out afresh when the zoom changes."""
    from ui.desktop import board as board_module

    asked: list[str] = []
    real = board_module.fitted_position

    def counting(position, fits):
        asked.append(position)
        return real(position, fits)

    monkeypatch.setattr(board_module, "fitted_position", counting)
    board._position_texts.clear()
    first = board.position_text("Attacker")
    for _ in range(3):
        board.viewport().grab()  # paints the names
        assert board.position_text("Attacker") == first
    assert asked.count("Attacker") == 1
    painted = len(asked)
    board.viewport().grab()
    assert len(asked) == painted  # a paint of known positions works none out again
    board.set_zoom("week" if board.zoom() == "day" else "day")
    assert board.position_text("Attacker") == first and asked.count("Attacker") == 2


def test_groups_injured_first_then_by_position(board):
    assert board.athlete_order() == ["A3", "A1", "A2"]
    assert [r.group for r in board._rows] == [(0, ""), (1, "goalkeeper"), (1, "forward")]


# -- colours --------------------------------------------------------------------------------
def test_the_board_follows_a_dark_palette(board):
    light_bg = pixel(board, board.width() - 30, board.height() - 10)
    board.setPalette(dark_palette())
    QApplication.processEvents()
    assert board.theme().dark
    dark_bg = pixel(board, board.width() - 30, board.height() - 10)
    assert dark_bg.lightness() < 80 < light_bg.lightness()
    # Text and glyphs are light on the dark board.
    assert board.theme().intensity_colour(100).lightness() > 200
    assert board.theme().text.lightness() > 200


def test_accessible_names_on_custom_widgets(qtbot):
    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    for widget in (w.board, w.legend, w.inspector, w.violations_panel, w.explanation,
                   w.rules_panel, w.competitions_editor, w.blocks_editor, w.days_off_editor,
                   w.squad_editor, w.injuries_editor, w.banner, w.progress_bar):
        assert widget.accessibleName(), type(widget).__name__


# -- the context menu: pins ---------------------------------------------------------------------
def open_menu(w: MainWindow, athlete: str, day: dt.date):
    pos = w.board.cell_rect(athlete, day).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, w.board.viewport().mapToGlobal(pos))
    QApplication.sendEvent(w.board.viewport(), event)
    return w.cell_menu


@pytest.mark.parametrize("athlete", ["A1", "A3"])  # fit, and injured (a flare-up to record)
def test_every_item_of_the_cell_menu_has_an_alt_letter_of_its_own(qtbot, athlete):
    """Record flare-up, Set planned intensity, Mark unavailable and Why? had no Alt letter: from
    the keyboard (the Menu key) they were reached with the arrows only."""
    from ui.desktop.mnemonics import _letter

    season = tiny_season()
    w = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    menu = open_menu(w, athlete, D(2026, 3, 14))  # a match day: its role too
    items = [a for a in menu.actions()[1:] if not a.isSeparator()]  # after the cell's name
    letters = {a.text(): _letter(a.text()) for a in items}
    for text in ("Record flare-up on this day", MANUAL_MENU.replace("&", ""),
                 "Mark unavailable on this day", "Why? (Inspector)", "Role for "):
        assert any(k.replace("&", "").startswith(text) and v for k, v in letters.items()), \
            (text, letters)
    given = [v for v in letters.values() if v]
    assert len(given) == len(set(given)) and set(given) >= set("iwtspmh"), letters


def test_the_boards_parts_have_names_for_a_screen_reader(qtbot):
    """A screen reader listed two nameless "client" objects inside the board (its cells and the
    scroll bar's container)."""
    from PySide6.QtGui import QAccessible

    season = tiny_season()
    w = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(w)
    w.resize(600, 300)  # both scroll bars shown
    w.show()
    QApplication.processEvents()
    board = QAccessible.queryAccessibleInterface(w.board)
    names = [board.child(k).text(QAccessible.Text.Name) for k in range(board.childCount())]
    assert len(names) >= 2 and all(names), names
    assert "Season board cells" in names and "Scroll the days" in names


def test_pin_and_unpin_from_the_boards_menu(qtbot):
    season = tiny_season()
    w = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    before = w.season
    menu = open_menu(w, "A1", D(2026, 3, 4))
    assert w.board.current() == ("A1", D(2026, 3, 4))
    find_action(menu, "90 % (high velocity)").trigger()
    assert w.season.pins == (IntensityPin(athlete="A1", date=D(2026, 3, 4), intensity=90),)
    assert w.undo_stack.count() == 1 and w.modified
    assert "Pin" in w.statusBar().currentMessage()

    menu = open_menu(w, "A1", D(2026, 3, 4))
    # 0 % on a fit athlete's training day is the recovery session the ring shows, not rest
    for title in (PIN_MENU, MANUAL_MENU):
        sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == title)
        zero = next(a for a in sub.actions() if a.text().startswith("0 %"))
        assert sub.toolTipsVisible() and zero.text() == "0 % — recovery session, no running"
        assert "recovery session" in zero.toolTip() and "mark the athlete unavailable" in zero.toolTip()
    pinned = find_action(menu, "90 % (high velocity)")
    assert pinned.isCheckable() and pinned.isChecked()
    find_action(menu, "deload").trigger()  # the athlete's own week
    assert WeekPin(athlete="A1", week=D(2026, 3, 2), week_kind="deload") in w.season.pins
    menu = open_menu(w, "A3", D(2026, 3, 10))
    find_action(menu, "P3 starts on this day").trigger()
    assert StagePin(athlete="A3", stage="P3", date=D(2026, 3, 10)) in w.season.pins

    menu = open_menu(w, "A1", D(2026, 3, 4))
    unpin = find_action(menu, "Unpin Ana Keeper (A1) at 90 %")
    assert unpin is not None
    unpin.trigger()
    assert not any(p.kind == "intensity" for p in w.season.pins)
    for _ in range(4):
        w.undo_action.trigger()
    assert w.season == before
    assert not w.modified


def test_the_stage_pin_needs_an_injury_and_the_team_week_pin_covers_everyone():
    season = tiny_season()
    menu = cell_menu(season, "A1", D(2026, 3, 4))
    stage = [a for a in menu.actions() if a.menu() and "stage start" in a.text()][0]
    assert not stage.isEnabled()
    applied = []
    menu = cell_menu(season, "A2", D(2026, 3, 4), applied.append)
    team = [a for a in menu.actions() if a.menu() and "team" in a.text()][0]
    taper = [a for a in team.menu().actions() if a.text() == "taper"][0]
    taper.trigger()
    assert applied == [E.AddPin(pin=WeekPin(athlete=None, week=D(2026, 3, 2), week_kind="taper"))]


def test_the_menu_says_which_to_use_a_pin_or_a_manual_change():
    """The day menu offered "Pin intensity" and "Set planned intensity (manual change)" with no
    hint which to use. Each entry says it (a submenu opens before a tooltip would show): a pin
    holds through every solve, a manual change until a solve changes it; the tooltips say more,
    and a greyed manual change without a plan says to solve first."""
    season = tiny_season()

    pin_words = "Pin &intensity (kept by every solve)"
    manual_words = "Set &planned intensity (by hand; a solve may change it)"

    def entry(menu, title):
        return next(a for a in menu.actions() if a.menu() and a.text() == title)

    menu = cell_menu(season.model_copy(update={"plan": hand_plan(season)}), "A1", D(2026, 3, 4))
    # the entries' own texts, as the coach reads them
    assert {pin_words, manual_words} <= {a.text() for a in menu.actions() if a.menu()}
    pin, manual = entry(menu, pin_words), entry(menu, manual_words)
    assert manual.isEnabled()
    assert "through every solve" in pin.toolTip() and "(F5)" in pin.toolTip()
    assert manual.toolTip().startswith("Change this day of the plan now, by hand")
    assert "The next solve may change it again" in manual.toolTip() and "pin it" in manual.toolTip()
    menu = cell_menu(season, "A1", D(2026, 3, 4))  # no plan yet
    manual = entry(menu, manual_words)
    assert not manual.isEnabled() and "solve first (F5)" in manual.toolTip()
    assert "through every solve" in entry(menu, pin_words).toolTip()


def test_a_manual_intensity_change_runs_the_plan_checker(qtbot):
    season = tiny_season()
    # measured max speeds: Plan Check then lists the rules broken alone (without one, a line
    # for the speed days planned without a max speed comes first)
    season = season.model_copy(update={"athletes": tuple(
        a.model_copy(update={"max_speed": 9.0}) for a in season.athletes)})
    w = MainWindow(season.model_copy(update={"plan": hand_plan(season, level=70)}), None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    assert w.check_report is not None
    base = len(w.check_report.violations)
    # Two speed days in a row for Ana: HV-5.
    for day in (D(2026, 3, 4), D(2026, 3, 5)):
        menu = open_menu(w, "A1", day)
        set_menu = [a for a in menu.actions() if a.menu() and a.text() == MANUAL_MENU][0]
        [a for a in set_menu.menu().actions() if a.text().startswith("90 %")][0].trigger()
    assert w.season.plan.status == "manual"
    rules = {v.rule for v in w.check_report.violations}
    assert "HV-5" in rules and len(w.check_report.violations) > base
    assert w.board.violations_at("A1", D(2026, 3, 5))
    from planner.check import squad_groups

    assert w.violations_panel.list.count() == len(squad_groups(w.season, w.check_report.violations))
    assert w.board.current() == ("A1", D(2026, 3, 5))
    assert "Rules broken here" in w.inspector.toPlainText()
    assert "HV-5" in w.inspector.toPlainText()
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert len(w.check_report.violations) == base


def test_the_menu_key_opens_the_menu_of_the_selected_cell(qtbot):
    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    w.show()
    w.board.set_current("A2", D(2026, 3, 6))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0))
    QApplication.sendEvent(w.board, event)
    assert "Ben Striker" in w.cell_menu.actions()[0].text()
    assert "6 Mar" in w.cell_menu.actions()[0].text()


def test_highlights_outline_only_their_cells_and_follow_dark_mode(board):
    board.show()
    board.set_highlights({("A2", 3), ("A2", 4), ("A3", 10), ("nobody", 1), ("A1", 999)})
    assert board.highlighted() == {("A2", 3), ("A2", 4), ("A3", 10)}
    on, off = board.cell_rect("A2", D(2026, 3, 5)), board.cell_rect("A1", D(2026, 3, 5))
    colour = board.theme().changed
    assert pixel(board, on.left() + 1, on.center().y()) == colour
    assert pixel(board, off.left() + 1, off.center().y()) != colour
    assert "Changed" in board.tooltip_at(on.center())
    assert "Changed" not in board.tooltip_at(off.center())
    board.setPalette(dark_palette())
    assert board.theme().dark and board.theme().changed != colour
    assert pixel(board, on.left() + 1, on.center().y()) == board.theme().changed
    board.set_season(board.season())  # a new season: no highlights
    assert board.highlighted() == set()


def test_a_board_narrowed_by_panels_folds_its_legend_to_one_line(qtbot, demo_season):
    """At 1280 x 720 with an editor and the Load panel open, the legend wrapped to 7 lines and
    the board showed 3 athletes. Past three lines it folds to one that says where the key is (its
    tooltip holds all of it); the full key comes back when the board is wide again."""
    from PySide6.QtWidgets import QApplication

    w = MainWindow(demo_season, None)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    QApplication.processEvents()
    assert not w.legend.collapsed and w.legend.height() <= BoardLegend.MAX_LINES * BoardLegend.LINE_H
    w.show_dock("injuries")  # an editor on the left, the Inspector on the right
    w.resize(1000, 720)
    QApplication.processEvents()
    assert w.legend.width() < 520, w.legend.width()
    assert w.legend.collapsed and w.legend.maximumHeight() == BoardLegend.LINE_H
    assert "own week" in w.legend.toolTip()  # the whole key, one hover away
    # the folded line itself is whole at a board narrowed by panels on both sides (it was cut
    # to "... the board is too narrow to dr…" at 750 px)
    from PySide6.QtGui import QFontMetrics

    assert QFontMetrics(w.legend._font).horizontalAdvance(BoardLegend.COLLAPSED) < 480
    # the folded line keeps the intensity marks, and names no panel to close (it said "close a
    # panel to see it drawn", and not which)
    assert "panel" not in BoardLegend.COLLAPSED and "Ctrl+K" in BoardLegend.COLLAPSED
    qtbot.waitUntil(w.legend.compact_shown, timeout=2000)  # once the board has its third
    # with the recovery ring, which fills every deload week (the folded line left it out)
    assert BoardLegend.COMPACT[0] == "e:recovery" and "a ring: a recovery session" in w.legend.toolTip()
    from PySide6.QtGui import QImage

    img = QImage(w.legend.size(), QImage.Format.Format_ARGB32)
    img.fill(0)
    w.legend.render(img)
    drawn = {img.pixel(x, y) for x in range(6, 300) for y in range(img.height())}
    assert len(drawn) > 20  # the coloured marks, not one line of text
    w.docks["injuries"].hide()
    w.resize(1280, 720)
    QApplication.processEvents()
    assert not w.legend.collapsed and w.legend.maximumHeight() > BoardLegend.LINE_H


def test_a_cached_badge_is_the_badge_drawn_in_place(qtbot):
    """The day-zoom marks are blitted from pixmaps (a paint draws hundreds); each must look
    exactly as the badge drawn straight onto the board, frame included."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from ui.desktop.boardmarks import FLARE, badge_font, badge_pixmap, draw_badge

    font = badge_font(QFont())
    fg, bg = QColor("#202020"), QColor("#ffffff")
    for letter, colour, filled in (("S", fg, False), ("B", fg, False), ("O", fg, False),
                                   ("R", fg, False), ("C", fg, False), ("!", FLARE, True)):
        direct = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
        blitted = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
        for image in (direct, blitted):
            image.fill(QColor("#ddeeff"))
        p = QPainter(direct)
        p.setFont(font)
        draw_badge(p, 5, 6, letter, colour, bg, filled)
        p.end()
        p = QPainter(blitted)
        p.drawPixmap(5, 6, badge_pixmap(letter, colour, bg, filled, font, 1.0))
        p.end()
        drawn = sum(1 for x in range(20) for y in range(20)
                    if direct.pixelColor(x, y) != QColor("#ddeeff"))
        assert drawn >= 8 * 9 - 10  # the framed box and its letter are there
        assert blitted == direct, letter


def _frame(image, ink) -> tuple[tuple[int, int], list[int]]:
    """The size in device pixels of what ``image`` has in colour ``ink``, and how many whole
    lines of it its top, bottom, left and right edges are."""
    pts = [(x, y) for x in range(image.width()) for y in range(image.height())
           if image.pixelColor(x, y) == ink]
    x0, x1 = min(x for x, _ in pts), max(x for x, _ in pts)
    y0, y1 = min(y for _, y in pts), max(y for _, y in pts)
    edges = [lambda k: [(x, y0 + k) for x in range(x0, x1 + 1)],
             lambda k: [(x, y1 - k) for x in range(x0, x1 + 1)],
             lambda k: [(x0 + k, y) for y in range(y0, y1 + 1)],
             lambda k: [(x1 - k, y) for y in range(y0, y1 + 1)]]
    sides = [next(k for k in range(6) if not all(image.pixelColor(x, y) == ink for x, y in e(k)))
             for e in edges]
    return (x1 - x0 + 1, y1 - y0 + 1), sides


@pytest.mark.parametrize("dpr", [1.0, 1.25, 1.5, 2.0])
def test_a_badges_frame_is_whole_and_even_at_any_scale(qtbot, dpr):
    """At 125 % the S badge lost the top line of its frame, its bottom line doubled, and it read
    "5": the box is whole device pixels, its frame as thick on every side, wherever it falls."""
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from ui.desktop.boardmarks import badge_font, badge_pixmap

    font = badge_font(QFont())
    fg, bg, paper = QColor("#202020"), QColor("#ffffff"), QColor("#ddeeff")
    for pos in ((5, 6), (6, 7), (7, 9)):  # 6.25, 7.5, 8.75 device pixels at 125 %
        image = QImage(round(24 * dpr), round(24 * dpr), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(paper)
        p = QPainter(image)
        p.drawPixmap(*pos, badge_pixmap("S", fg, bg, False, font, dpr))
        p.end()
        size, sides = _frame(image, fg)
        assert size == (round(8 * dpr), round(9 * dpr)), (dpr, pos)
        assert sides == [max(1, int(dpr))] * 4, (dpr, pos, sides)


def test_week_zoom_shows_one_match_marker_per_week_the_highest_priority_and_a_count(qtbot):
    """At 4 px a day the 13 px markers of a week's matches were drawn over each other: a week
    with C matches on Wed and Sat and a B cup tie on Thu read "CCC" with the B half hidden."""
    from planner.season import Competition
    from tests.builders import day
    from tests.builders import season as build
    from ui.desktop.board import SeasonBoard

    cup = Competition(id="cup", name="Cup tie", date=day(10), priority="B")
    s = build(weeks=3, matches=[5, 9, 12], comps=[cup])  # week 2: Wed C, Thu B, Sat C
    board = SeasonBoard()
    qtbot.addWidget(board)
    board.resize(900, 300)
    board.set_season(s)
    board.set_zoom("week")
    board.show()
    assert board.week_markers() == [(0, "C", 1), (1, "B", 3)]
    assert board.week_markers(14, 20) == []  # week 3 has none
    # painted: the week's B marker (orange) is in sight, not covered by the C ones
    image = board.viewport().grab().toImage()
    from ui.desktop.board import DAY_H, Y_DAY

    wk = board._tl.weeks[1]
    x0, x1 = board._x(wk.first), board._x(wk.last + 1)
    colours = {image.pixelColor(x, y).name() for x in range(x0, x1) for y in range(Y_DAY, Y_DAY + DAY_H)}
    b_colour = board._theme.priority["B"].name()
    assert b_colour in colours
    assert board._theme.priority["C"].name() not in colours  # one marker: the C ones not drawn


def test_the_teams_days_off_are_hatched_and_their_reason_said_in_the_days_header(qtbot):
    """A winter break looked like any day without training (a weekly rest day): a declared
    day off is hatched across its column, a weekly rest day is not, and the day's header says
    why."""
    from planner.season import NonTrainingDay
    from ui.desktop.board import Y_DAY

    def board(**calendar) -> SeasonBoard:
        season = tiny_season()
        season = season.model_copy(update={
            "calendar": season.calendar.model_copy(update=calendar)})
        b = SeasonBoard()
        qtbot.addWidget(b)
        b.resize(800, 300)
        b.set_season(season.model_copy(update={"plan": hand_plan(season)}))
        return b

    wednesday = D(2026, 3, 4)
    off = board(non_training_days=(NonTrainingDay(date=wednesday, reason="Winter break"),))
    rest = board(training_days=("mon", "tue", "thu", "fri", "sat"))  # Wednesdays off

    def cell(b: SeasonBoard, day: dt.date):
        return b.viewport().grab().toImage().copy(b.cell_rect("A1", day).adjusted(2, 2, -2, -2))

    assert cell(off, D(2026, 3, 3)) == cell(rest, D(2026, 3, 3))  # a training day: alike
    assert cell(off, wednesday) != cell(rest, wednesday)  # the break: hatched
    colours = {cell(off, wednesday).pixel(x, y) for x in range(8) for y in range(8)}
    assert len(colours) > 1  # lines on the shade

    def header(b: SeasonBoard, day: dt.date) -> str:
        return b.tooltip_at(QPoint(b.cell_rect("A1", day).center().x(), Y_DAY + 2))

    assert "No training: Winter break" in header(off, wednesday).splitlines()
    assert "No training" in header(rest, wednesday).splitlines()


def test_the_zero_entry_is_named_for_the_session_the_day_gives(qtbot):
    """"0 % — no running" planned a 30-minute recovery session (pool or bike, mobility) where a
    coach pinning it expected a day off. The entry names what 0 % gives that day: the recovery
    session on a fit athlete's training day, the rehab session on a rehab stage's, and "no
    running" alone where there is no session (injured, no training)."""
    from planner.timeline import Timeline
    from ui.desktop.boardmenu import PIN_MENU, cell_menu

    season = tiny_season()
    season = season.model_copy(update={"plan": hand_plan(season)})
    tl = Timeline(season)
    seen = set()
    for ap in season.plan.athletes:
        for i, day in enumerate(tl.days):
            if tl.is_comp[i] or ap.athlete in {u.athlete for u in season.unavailability}:
                continue  # a match day's session depends on who plays; away is said elsewhere
            st = ap.stages[i]
            want = ("0 % — no running" if st == "INJ" or not tl.is_training[i] else
                    "0 % — recovery session, no running" if st == "FIT" else
                    "0 % — rehab session, no running")
            menu = cell_menu(season, ap.athlete, day)
            sub = next(a.menu() for a in menu.actions() if a.menu() and a.text() == PIN_MENU)
            zero = next(a for a in sub.actions() if a.text().startswith("0 %"))
            assert zero.text() == want, (ap.athlete, day, st)
            assert "mark the athlete unavailable" in zero.toolTip()
            seen.add(want)
    assert len(seen) == 3  # each of the three met


def test_a_pain_logged_today_is_marked_on_its_cell_as_one_logged_before_today(board):
    """A coach logged "75 6 p4 # hamstring" for a fit player today: the board's cell showed no
    sign of it (the past's marks stopped the day before today). Today's logged day carries the
    logged dot and the red pain triangle, as a day before it does; the day after today none."""
    from planner.season import Session
    from ui.desktop.pastview import PAIN, ROW_FOOT

    base = board.season()
    today, yesterday = D(2026, 3, 9), D(2026, 3, 6)
    sessions = tuple(Session(athlete="A1", date=d, minutes=75, rpe=6, pain=4, note="hamstring")
                     for d in (yesterday, today))
    board.set_season(base.model_copy(update={"sessions": sessions, "calendar": base.calendar.model_copy(
        update={"today": today})}))
    image = board.viewport().grab().toImage()

    def red_at(d: dt.date, athlete: str = "A1") -> bool:
        rect = board.cell_rect(athlete, d)
        foot = rect.top() + ROW_FOOT  # the triangle's base, 6 px wide from the cell's left + 1
        got = [QColor(image.pixel(x, y)) for x in range(rect.left() + 2, rect.left() + 7)
               for y in range(foot - 3, foot)]  # the past's veil lightens the red a little
        return any(c.red() > 180 and c.green() < 110 and c.blue() < 110 for c in got)

    assert board.pain_mark("A1", today) and board.past_mark("A1", today) == "logged"
    assert red_at(today) and red_at(yesterday)  # alike
    rect = board.cell_rect("A1", today)
    assert QColor(image.pixel(rect.left() + 4, rect.top() + ROW_FOOT - 2)) == PAIN
    assert not red_at(D(2026, 3, 10)) and not red_at(today, "A2")  # nothing logged there
    assert "⚠ Pain 4/10, " in board.tooltip_at(
        board.cell_rect("A1", today).center())
    # the key to the board says it of today too
    assert "today once logged" in BoardLegend().toolTip()


def test_the_90_mark_is_hollow_and_the_95_mark_filled():
    """At 1280 x 720 the 90 % and 95 % triangles looked alike (one a little larger): 90 is drawn
    hollow now, 95 filled, and the legend's words say so."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.desktop.board import draw_glyph

    def centre(level: int) -> int:
        img = QImage(24, 24, QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        draw_glyph(p, level, 12, 12, QColor("black"))
        p.end()
        return img.pixelColor(12, 13).lightness()  # about the triangle's centre

    assert centre(90) > 200 and centre(95) < 60
    assert "hollow triangle 90" in BoardLegend().toolTip()
