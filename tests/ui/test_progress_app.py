"""A season in progress in the app (rules-spec.md section 9): the Log table typed like a
spreadsheet, File ▸ Import Sessions, Season ▸ New Week / Move Today with the projected stage
changes, the re-plan from today, the flare-up a logged pain proposes, and the past on the board.

A small season keeps the solves short: six weeks, four athletes, Athlete 1 in P3 of an
iliopsoas tendinopathy (his S1 and S2 fall in weeks 2 and 3), solved once for the module."""

from __future__ import annotations

import contextlib
import datetime as dt
import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from planner import edits as E
from planner.check import check_plan
from planner.history import level_at_or_below
from planner.progress import projected_transitions
from planner.scenarios import logged_since
from planner.season import Season, Session
from planner.sessions import Prescriber
from planner.text import date_short
from planner.text import day as text_day
from planner.text import day_long as text_day_long
from planner.timeline import Timeline
from solver import SolveRequest, solve
from tests.builders import day, injury, returner_back_on_day_2, season
from ui.desktop.mainwindow import MainWindow
from ui.desktop.sessionimport import import_sessions
from ui.desktop.solving import plan_again_to, plan_again_words

TIMEOUT = 60_000  # ms; a re-plan of this season takes well under a second


def _passed_p3():
    """A1 in P3 from day -13 with its exit test passed (the projected changes are not provisional).
    P3's 21 days end on day 7: the earliest return has every later stage at its minimum, S1 on
    day 8 and S2 on day 15 (no tie for the solver to break, whatever its search order)."""
    from planner.season import CriteriaTest

    return injury("A1", "P3", start_day=-13).model_copy(update={"tests": (
        CriteriaTest(date=day(-2), name="Hip-flexor strength LSI", value=92, unit="%"),)})


@pytest.fixture(scope="module")
def planned() -> Season:
    s = season(weeks=6, athletes=4, injuries=(_passed_p3(),))
    s = s.model_copy(update={"athletes": tuple(  # a max speed for top speeds in m/s; none for A4
        a.model_copy(update={"max_speed": 9.0 if a.id != "A4" else None}) for a in s.athletes)})
    out = solve(SolveRequest(s, time_limit=30))
    assert out.plan is not None
    return s.model_copy(update={"plan": out.plan})


@pytest.fixture(scope="module")
def in_week_3(planned) -> Season:
    """Today is Monday of week 3 (day 14), Athlete 1's S1 on day 7 recorded."""
    moves = projected_transitions(planned, day(14))
    assert [(t.athlete, t.stage) for t in moves] == [("A1", "S1")]
    return E.AdvanceToday(today=day(14), accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date) for t in moves)).apply(planned)


def make_window(qtbot, s: Season) -> MainWindow:
    w = MainWindow(s, None, autosave=False)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    return w


@pytest.fixture
def w(qtbot, in_week_3):
    win = make_window(qtbot, in_week_3)
    win.weekly.show_log()
    yield win
    win.weekly.shutdown()


def row_of(w, athlete: str) -> int:
    return [a.id for a in w.weekly.log_panel.model.athletes].index(athlete)


def logged(w, athlete: str, d: int) -> list[Session]:
    return [s for s in w.season.sessions if s.athlete == athlete and s.date == day(d)]


def type_cell(qtbot, view, text: str, end=Qt.Key.Key_Return) -> None:
    """Type into the current cell as the coach does: the first key opens the editor."""
    qtbot.keyClick(view, text[0])
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.isVisible(), "typing opened no editor"
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, end)
    QApplication.processEvents()  # the delegate commits and closes the editor queued


# -- the log table -------------------------------------------------------------------------------
def test_the_log_of_a_season_not_moved_on_names_the_week_of_today(qtbot, planned):
    """Before today moves, the log opens on the season's first week, which holds today: it was
    called "the week before today"."""
    w = make_window(qtbot, planned)
    w.weekly.show_log()
    label = w.weekly.log_panel.week_label.text()
    assert "Week 1" in label and "the week of today" in label and "before today" not in label
    w.weekly.shutdown()


def test_at_the_seasons_end_the_week_before_today_is_the_last_week(qtbot):
    """Today the day after the season's last day: the week before today is the last week (the
    one logged last); the panel called the second-last week so and Last week went there."""
    from ui.desktop.logtable import LogPanel

    s = season(weeks=3, athletes=2, today=day(21))
    panel = LogPanel()
    qtbot.addWidget(panel)
    panel.set_season(s)
    assert panel.week == 2 and "Week 3" in panel.week_label.text()
    assert "the week before today" in panel.week_label.text()
    panel.prev_button.click()
    assert panel.week == 1 and "before today" not in panel.week_label.text()
    panel.last_week_button.click()
    assert panel.week == 2
    assert all(panel.model.flags(panel.model.index(0, c)) & Qt.ItemFlag.ItemIsEditable
               for c in range(7))  # every day of it is past: loggable


def test_the_log_opens_on_the_week_before_today_and_greys_the_plan(w):
    panel = w.weekly.log_panel
    m = panel.model
    assert panel.week == 1 and [m.tl.days[d] for d in m.days] == [day(7 + k) for k in range(7)]
    assert "Week 2" in panel.week_label.text() and "the week before today" in panel.week_label.text()
    r = row_of(w, "A2")
    ap = w.season.plan.for_athlete("A2")
    text = m.data(m.index(r, 0))
    assert text == f"({ap.intensity[7]} %)" if ap.intensity[7] else text == "(recovery)"
    # no running is rest only where no session is held: a training day at 0 is a recovery
    # session (30 x 2 AU), a rehab stage's a rehab session; a Sunday is rest
    days = {m.tl.days[d].weekday(): d for d in m.days}
    sunday = days[6]
    assert m.planned_text("A2", sunday) == "(rest)"
    planned = w.season.plan
    zero = planned.model_copy(update={"athletes": tuple(
        a.model_copy(update={"intensity": tuple(0 if k in m.days else v for k, v in enumerate(a.intensity)),
                             "stages": tuple("P2" if (k in m.days and a.athlete == "A3") else s
                                             for k, s in enumerate(a.stages))})
        for a in planned.athletes)})
    # the past reads under the recorded stage: A3 recorded in P2 from before the week
    m.season = w.season.model_copy(update={"plan": zero, "injuries": w.season.injuries + (
        injury("A3", "P2", start_day=0),)})
    monday = days[0]
    assert m.planned_text("A2", monday) == "(recovery)" and m.planned_text("A3", monday) == "(P2 session)"
    assert m.planned_text("A3", sunday) == "(P2 rest)"
    m.season = w.season
    assert m.data(m.index(r, 0), Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert m.data(m.index(r, 5)) in ("(match)", "(bench)")  # Saturday: a C match
    assert m.flags(m.index(r, 0)) & Qt.ItemFlag.ItemIsEditable
    panel.next_button.click()
    assert panel.week == 2 and m.flags(m.index(r, 0)) & Qt.ItemFlag.ItemIsEditable  # today
    assert not m.flags(m.index(r, 1)) & Qt.ItemFlag.ItemIsEditable  # after today


def test_the_week_column_shows_its_whole_total_in_a_narrow_log(w, qtbot):
    """At 1366 x 768 beside the Load dock the Week column read "720 A": stretched to fill the
    table it never went below a day column's width, and its end was past the table's edge. It
    is as wide as its widest total, and all of it is in sight when the days fit."""
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    r = row_of(w, "A2")
    view.setCurrentIndex(panel.model.index(r, 0))
    type_cell(qtbot, view, "120 6")  # 720 AU
    from ui.desktop.logtable import LogPanel

    alone = LogPanel()  # sized at will, out of its dock
    qtbot.addWidget(alone)
    alone.set_season(w.season)
    alone.show_week(panel.week)
    alone.show()
    view = alone.view
    hh = view.horizontalHeader()
    week = hh.count() - 1
    total = alone.model.index(r, week).data()
    assert total == "720 AU"
    need = view.fontMetrics().horizontalAdvance(total)
    days = hh.sectionPosition(week)  # the seven days' columns
    for room in (need + 40, need + 120):  # the table as wide as the days and a little more
        alone.resize(alone.width() - view.viewport().width() + days + room, alone.height())
        QApplication.processEvents()
        assert view.viewport().width() == days + room
        assert view.horizontalScrollBar().maximum() == 0, room  # nothing past the table's edge
        assert hh.sectionSize(week) >= need, room


def test_typing_logs_a_session_per_cell_enter_moves_down_and_tab_right(w, qtbot):
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    r = row_of(w, "A2")
    start = w.undo_stack.count()
    view.setCurrentIndex(panel.model.index(r, 0))
    type_cell(qtbot, view, "75 6 95% p3")
    assert [(s.minutes, s.rpe, s.top_speed_pct, s.pain) for s in logged(w, "A2", 7)] == [(75, 6, 95, 3)]
    assert w.undo_stack.count() == start + 1
    assert (view.currentIndex().row(), view.currentIndex().column()) == (r + 1, 0)  # Enter: down
    type_cell(qtbot, view, "60 5 8.5m/s m20 # subbed at half time", end=Qt.Key.Key_Tab)
    a3 = panel.model.athletes[r + 1].id
    (s,) = logged(w, a3, 7)
    assert (s.minutes, s.rpe, s.top_speed_ms, s.minutes_played, s.note) == (60, 5, 8.5, 20,
                                                                           "subbed at half time")
    assert (view.currentIndex().row(), view.currentIndex().column()) == (r + 1, 1)  # Tab: right
    assert w.undo_stack.count() == start + 2
    assert panel.model.data(panel.model.index(r, 0)) == "75′ 6 95% p3"
    # a cell rewritten: the day's sessions are replaced, not added to (the top speed not typed
    # is kept: test_retyping_a_logged_day_keeps_its_top_speed_and_says_so)
    view.setCurrentIndex(panel.model.index(r, 0))
    type_cell(qtbot, view, "50 4")
    assert [(s.minutes, s.rpe, s.top_speed_pct, s.pain) for s in logged(w, "A2", 7)] == [(50, 4, 95, None)]
    # the week's total says it counts the logged days only (the figures count the plan elsewhere)
    week = panel.model.index(r, len(panel.model.days))
    assert panel.model.data(week) == "200 AU"
    tip = panel.model.data(week, Qt.ItemDataRole.ToolTipRole)
    assert "1 day logged this week, 200 AU" in tip
    assert "the logged days only: 6 days before today with nothing logged" in tip
    w.undo_action.trigger()
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert w.season.sessions == ()


def test_deleting_the_top_speed_from_the_cells_own_text_drops_it(w, qtbot):
    """A coach opened "75 4 70%" (F2) and deleted "70%" to drop a wrong GPS value: it came back,
    kept as if typed over. Edited in its own text, the day is what the text says; typed over
    from its first key, it keeps the top speed."""
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    m, r = panel.model, row_of(w, "A2")
    w.apply_edit(E.LogSessions(sessions=(Session(athlete="A2", date=day(8), minutes=75, rpe=4,
                                                    top_speed_pct=70),)))
    view.setCurrentIndex(m.index(r, 1))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, QLineEdit) and editor.text() == "75 4 70%"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    for _ in "70%":
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.text().strip() == "75 4"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert [(s.minutes, s.rpe, s.top_speed_pct) for s in logged(w, "A2", 8)] == [(75, 4, None)]
    assert "kept" not in panel.message.text()
    # typed over from empty (the first key replaces the text): a top speed logged is kept
    w.apply_edit(E.LogSessions(sessions=(Session(athlete="A2", date=day(8), minutes=75, rpe=4,
                                                    top_speed_pct=70),),
                               replace=(("A2", day(8)),)))
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "60 9")
    assert [(s.minutes, s.rpe, s.top_speed_pct) for s in logged(w, "A2", 8)] == [(60, 9, 70)]
    assert "top speed 70 % kept" in panel.message.text()


def test_retyping_a_logged_day_keeps_its_top_speed_and_says_so(w, qtbot):
    """A coach typed "60 9" over Kofi's "▲ 75′ 4 70%" to correct the RPE: the cell became
    "60′ 9", the imported 70 % was gone and nothing said so. Retyped without a top speed, the day
    keeps it and the panel says so, with the way to drop it: clear the cell, then type it."""
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    m, r = panel.model, row_of(w, "A2")
    w.apply_edit(E.LogSessions(sessions=(Session(athlete="A2", date=day(8), minutes=75, rpe=4,
                                                    top_speed_pct=70, pain=2, note="GPS"),)))
    start = w.undo_stack.count()
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "60 9")
    assert [(s.minutes, s.rpe, s.top_speed_pct) for s in logged(w, "A2", 8)] == [(60, 9, 70)]
    assert m.data(m.index(r, 1)) == "60′ 9 70%" and w.undo_stack.count() == start + 1
    said = panel.message.text()
    assert said == (f"Athlete 2, {text_day_long(day(8))}: top speed 70 % kept (not typed); to log the "
                    f"day without it, delete it in the cell's text (F2)."), said
    # typed again as it now is, less the top speed: nothing to change, said again
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "60 9")
    assert w.undo_stack.count() == start + 1 and "top speed 70 % kept" in panel.message.text()
    # a top speed typed is the one logged; 0 (no training) runs none
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "60 9 85%")
    assert [s.top_speed_pct for s in logged(w, "A2", 8)] == [85] and "kept" not in panel.message.text()
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "0")
    assert [(s.minutes, s.top_speed_pct) for s in logged(w, "A2", 8)] == [(0, None)]
    # the way to drop it: Delete, then type the day
    view.setCurrentIndex(m.index(r, 1))
    type_cell(qtbot, view, "60 9 85%")
    view.setCurrentIndex(m.index(r, 1))  # Enter moved down
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert logged(w, "A2", 8) == []
    type_cell(qtbot, view, "60 9")
    assert [(s.minutes, s.rpe, s.top_speed_pct) for s in logged(w, "A2", 8)] == [(60, 9, None)]


def test_a_cell_that_cannot_be_read_or_lies_after_today_changes_nothing(w, qtbot):
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    before = w.season
    r = row_of(w, "A2")
    view.setCurrentIndex(panel.model.index(r, 2))
    type_cell(qtbot, view, "75")
    assert w.season is before and w.undo_stack.count() == 0
    assert "Athlete 2, Wed 13 Jan 2027" in panel.message.text() and "no RPE" in panel.message.text()
    editor = view.indexWidget(view.currentIndex())  # the editor stays open: nothing typed is lost
    assert editor is not None and editor.text() == "75" and view.currentIndex().row() == r
    qtbot.keyClicks(editor, " 12")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert "RPE: 12 is outside 0-10" in panel.message.text() and w.season is before
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # never mind: the typing and its problem go
    QApplication.processEvents()
    assert view.indexWidget(view.currentIndex()) is None and panel.message.isHidden()
    type_cell(qtbot, view, "75 12")
    editor = view.indexWidget(view.currentIndex())
    assert "RPE: 12 is outside 0-10" in panel.message.text() and w.season is before
    editor.setText("75 6")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert len(logged(w, "A2", 9)) == 1 and panel.message.isHidden()
    w.undo_action.trigger()
    assert w.season is before
    panel.next_button.click()
    view.setCurrentIndex(panel.model.index(r, 3))  # Thursday of week 3: after today
    qtbot.keyClick(view, "7")
    assert view.indexWidget(view.currentIndex()) is None  # no editor opened
    assert "after today" in panel.message.text() and "New Week" in panel.message.text()
    assert panel.type_into(r, 3, "75 6") is False and w.season is before


def test_copy_down_fills_the_selection_from_the_cell_above_in_one_step(w, qtbot):
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    assert panel.type_into(0, 1, "70 5 90%")
    start = w.undo_stack.count()
    panel.select([(1, 1), (2, 1), (3, 1)])
    panel.select([(0, 1), (1, 1), (2, 1), (3, 1)])  # the top row is copied into the rows under it
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert w.undo_stack.count() == start + 1
    for a in panel.model.athletes:
        assert [(s.minutes, s.rpe, s.top_speed_pct) for s in logged(w, a.id, 8)] == [(70, 5, 90)]
    assert "Copied down into 3 days" in panel.message.text()
    grid_y = view.mapTo(panel, view.rect().topLeft()).y()
    w.undo_action.trigger()
    assert len(w.season.sessions) == 1 and panel.message.isHidden()  # the message was the batch's
    QApplication.processEvents()
    # the grid did not move when the message went: a click lands on the row it was aimed at
    assert view.mapTo(panel, view.rect().topLeft()).y() == grid_y
    panel.select([(1, 1)])  # one cell: the cell above it
    assert panel.copy_down() and len(logged(w, panel.model.athletes[1].id, 8)) == 1


def test_the_typing_hint_takes_one_line_and_a_message_takes_its_place(w, qtbot):
    """The hint wrapped onto three lines above the table, and a message had a line of its own
    under it: at 1280 x 720 the Log showed seven athletes. The hint is one line now (the whole
    of it in its tooltip), and a message is said in its place: the table does not move."""
    from ui.desktop.logcells import HINT

    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    qtbot.waitUntil(lambda: view.isVisible())
    line = panel.hint.fontMetrics().lineSpacing()
    assert panel.hint.isVisible() and panel.hint.height() < 2 * line
    assert panel.hint.toolTip() == HINT and "minutes RPE" in panel.hint.text()
    top = view.mapTo(panel, view.rect().topLeft()).y()
    assert top <= panel.message_box.geometry().bottom() + 12  # nothing else between them
    panel.say("Athlete 2, Wed 13 Jan 2027: RPE: 15 is outside 0-10", error=True)
    QApplication.processEvents()
    assert panel.message.isVisible() and not panel.hint.isVisible()
    assert view.mapTo(panel, view.rect().topLeft()).y() == top
    panel.say("")
    QApplication.processEvents()
    assert panel.hint.isVisible() and not panel.message.isVisible()
    assert view.mapTo(panel, view.rect().topLeft()).y() == top
    from PySide6.QtWidgets import QLabel

    from ui.desktop.logcells import HINT_LINE
    from ui.desktop.logtable import _HintLine

    narrow = _HintLine(HINT_LINE, HINT)  # in a narrow dock: plain, cut with "…"
    qtbot.addWidget(narrow)
    narrow.show()
    narrow.resize(300, 20)
    QApplication.processEvents()
    shown = QLabel.text(narrow)  # as painted (``text()`` is the whole line)
    assert shown.endswith("…") and "<b>" not in shown
    assert narrow.fontMetrics().horizontalAdvance(shown) <= 300
    assert narrow.minimumSizeHint().width() <= 300 or narrow.sizePolicy().horizontalPolicy() \
        == narrow.sizePolicy().Policy.Ignored  # it never widens the dock
    narrow.resize(2000, 20)
    QApplication.processEvents()
    assert QLabel.text(narrow) == HINT_LINE  # with the room: bold words and all


def test_a_refused_cell_left_by_a_click_on_another_says_it_was_not_logged(w, qtbot):
    """Enter keeps an unreadable cell open; a click on another cell closed it, and the typed
    text went with no word that it was not logged."""
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    before = w.season
    r = row_of(w, "A2")
    view.setCurrentIndex(panel.model.index(r, 2))
    type_cell(qtbot, view, "75 15")
    assert view.indexWidget(view.currentIndex()) is not None  # open: Enter refused it
    other = panel.model.index(r + 1, 2)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(other).center())
    QApplication.processEvents()
    assert w.season is before and view.currentIndex().row() == r + 1
    text = panel.message.text()
    assert "RPE: 15 is outside 0-10" in text and "Not logged: '75 15' was left; the cell keeps" in text
    # a re-plan finishing in the background gives the panel a new season: the message stays
    # (it went before the coach had read it)
    panel.set_season(w.season.model_copy())
    assert panel.message.isVisibleTo(panel) and panel.message.text() == text
    type_cell(qtbot, view, "60 5")  # the coach's next step in the panel clears it
    assert "Not logged" not in panel.message.text()
    panel.model.lost.emit("Ann, Monday: Not logged: '75 15' was left")
    panel.set_season(None)  # the file closed (or another opened): the message goes with it
    assert not panel.message.isVisibleTo(panel)


def test_as_planned_fills_the_selected_empty_days_from_the_plan(w, qtbot):
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    m = panel.model
    r = row_of(w, "A3")
    assert panel.type_into(r, 0, "40 3")  # not empty: kept
    start = w.undo_stack.count()
    panel.select([(r, c) for c in range(7)])
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert w.undo_stack.count() == start + 1
    pr = Prescriber(w.season, w.season.plan)
    assert [(s.minutes, s.rpe) for s in logged(w, "A3", 7)] == [(40, 3)]
    filled = 0
    for d in range(8, 14):
        p = pr.day("A3", d)
        got = logged(w, "A3", d)
        if p.context in ("match", "bench"):
            (s,) = got
            assert s.minutes_played == (90 if p.context == "match" else 20)
            assert s.top_speed_pct is None  # measured in a match, never planned
            filled += 1
        elif p.minutes:
            (s,) = got
            assert (s.minutes, s.rpe) == (p.minutes, p.rpe)
            assert s.top_speed_pct == (p.level or None)
            filled += 1
        else:
            assert got == []  # a rest day stays empty
    assert filled >= 5 and f"Filled {filled} days as planned" in panel.message.text()
    assert m.data(m.index(r, 5)).endswith("m90") or m.data(m.index(r, 5)).endswith("m20")


def test_as_planned_plays_a_short_match_whole():
    """A rule set with 70-minute matches (a youth team): the match logged as planned has 70
    minutes played, never more than the session's minutes (which a session refuses)."""
    from types import SimpleNamespace

    from ui.desktop.logtable import as_planned

    for context, minutes, played in (("match", 70, 70), ("match", 95, 90), ("bench", 15, 15),
                                     ("bench", 30, 20)):
        p = SimpleNamespace(minutes=minutes, rpe=8, context=context, level=100)
        s = as_planned(p, "A1", day(5))
        assert (s.minutes, s.minutes_played) == (minutes, played)
        assert s.top_speed_pct is None  # a match's top speed is measured, not planned
    p = SimpleNamespace(minutes=60, rpe=6, context="training", level=90)
    assert as_planned(p, "A1", day(5)).top_speed_pct == 90  # a training day keeps the plan's
    # a season whose start line (LD-1's start_from_played) is 20: a bench appearance logged as
    # planned stays under it, or the Log's fill read the planned bench as a start
    p = SimpleNamespace(minutes=30, rpe=7, context="bench", level=80)
    assert as_planned(p, "A1", day(5), start_from=20).minutes_played == 19
    p = SimpleNamespace(minutes=95, rpe=8, context="match", level=100)
    assert as_planned(p, "A1", day(5), start_from=20).minutes_played == 90
    # a line above a planned start's minutes (100, or 45 over a youth team's 40-minute match):
    # the start still reads as one, in a session as long as its minutes played
    from planner.history import role_of_minutes

    for minutes, line in ((95, 100), (95, 120), (40, 45)):
        p = SimpleNamespace(minutes=minutes, rpe=8, context="match", level=100)
        s = as_planned(p, "A1", day(5), start_from=line)
        assert role_of_minutes(s.minutes_played, line) == "start", (minutes, line, s)
        assert s.minutes >= s.minutes_played, s
        p = SimpleNamespace(minutes=30, rpe=7, context="bench", level=80)
        assert role_of_minutes(as_planned(p, "A1", day(5), start_from=line).minutes_played,
                               line) == "bench"


def test_a_day_logged_after_the_plan_was_made_says_how_to_re_plan_with_it(w, qtbot):
    """After the week's log the status bar said nothing of re-planning: the plan still counted
    the days as planned until the coach thought of Ctrl+R. It names the days and the way."""
    panel = w.weekly.log_panel
    r = row_of(w, "A2")
    assert panel.type_into(r, 1, "40 3")
    said = w.statusBar().currentMessage()
    shortcut = w.weekly.replan_action.shortcut().toString()
    assert shortcut == "Ctrl+R"
    assert (f"The plan was made without 1 athlete-day logged since (Athlete 2 (A2) "
            f"{day(8):%a} {day(8).day} {day(8):%b}): Plan ▸ Re-plan from Today ({shortcut}) plans "
            f"with them.") in said, said
    assert logged_since(w.season) == [("A2", day(8))]
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        assert w.weekly.replan()
    assert done.args[0].plan is not None and w.season.plan is done.args[0].plan
    assert check_plan(w.season, w.season.plan).violations == ()
    assert logged_since(w.season) == []  # re-planned with it: nothing to say
    assert panel.type_into(r, 2, "45 4")
    assert logged_since(w.season) == [("A2", day(9))]
    assert "made without 1 athlete-day" in w.statusBar().currentMessage()


def test_the_log_s_status_words_are_the_edit_s_never_a_message_shown_meanwhile(w):
    """The words after a Log entry were read back from the status bar: a message shown while
    the edit was applied (a timer, an autosave) was glued in front of "The plan was made
    without …". They are the edit's own words now."""
    shown = []

    def meanwhile(text: str) -> None:  # the edit's words in the bar, then another message
        if text and not shown:
            shown.append(text)
            w.statusBar().showMessage("Autosaved meanwhile.", 5000)

    w.statusBar().messageChanged.connect(meanwhile)
    assert w.weekly.log_panel.type_into(row_of(w, "A2"), 1, "40 3")
    said = w.statusBar().currentMessage()
    assert "Autosaved meanwhile" not in said, said
    assert shown and said.startswith(shown[0].rstrip(".")) and shown[0] == w.edit_said, said
    assert "The plan was made without 1 athlete-day logged since" in said, said


def test_a_solve_that_gives_back_the_same_plan_records_the_log_it_was_made_with(w, qtbot):
    """A day logged as prescribed, then F5: the solver gave back the same plan, nothing was
    stored, and "made without 1 athlete-day logged since" stayed in the What-if form and after
    every later Log entry; before the season's first day F5 was the only advice given. The
    plan kept now records the log, and the status bar still says it is the same plan."""
    from ui.desktop.solving import same_plan

    with qtbot.waitSignal(w.solve_finished, timeout=TIMEOUT):
        w.start_solve()
    r = row_of(w, "A2")
    p = Prescriber(w.season, w.season.plan).athlete("A2")[9]
    assert w.weekly.log_panel.type_into(r, 2, f"{p.minutes:g} {p.rpe:g}"
                                        + (f" {p.level}%" if p.level else ""))
    assert logged_since(w.season) == [("A2", day(9))]
    before = w.season.plan
    with qtbot.waitSignal(w.solve_finished, timeout=TIMEOUT):
        w.start_solve()
    assert "the same plan as before" in w.statusBar().currentMessage()
    assert same_plan(before, w.season.plan)
    assert logged_since(w.season) == []
    assert check_plan(w.season, w.season.plan).violations == ()
    dlg = w.whatif.new_dialog()
    try:
        assert not dlg.stale.isVisibleTo(dlg), dlg.stale.text()
    finally:
        dlg.reject()


def test_move_today_says_the_days_it_puts_in_the_past_are_logged_after_it(qtbot, planned):
    """Move Today said "log them first", which the Log refuses for a day after today."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(7))
    text = html.unescape(dlg.intro.text())
    assert "log them first" not in text
    assert ("If they went otherwise, import them here (Import this week's sessions…) or log them "
            "after the move (Season ▸ Log Sessions), then re-plan (Plan ▸ Re-plan from Today, "
            "Ctrl+R).") in text, text
    dlg.reject()
    w.weekly.shutdown()


def test_a_speed_above_the_rehab_stages_cap_is_marked_in_the_log_and_listed_in_plan_check(w):
    """96 % logged in S2 (cap 95 %) had no mark in the Log cell and no Plan Check line: only
    the exported Cover and the inspector said it."""
    from planner.progress import above_stage

    panel, m = w.weekly.log_panel, w.weekly.log_panel.model
    r = row_of(w, "A1")
    assert panel.type_into(r, 3, "60 6 96%")  # A1 is in S1 that day
    assert panel.type_into(row_of(w, "A2"), 3, "60 6 96%")  # fit: no cap
    (fast,) = above_stage(w.season)  # the planner's own finding: nothing computed again
    assert (fast.athlete, fast.date, fast.top) == ("A1", day(10), 96) and fast.cap < 96
    assert m.data(m.index(r, 3)).startswith("▲ 60′ 6 96%")
    assert not m.data(m.index(row_of(w, "A2"), 3)).startswith("▲")
    tip = m.data(m.index(r, 3), Qt.ItemDataRole.ToolTipRole)
    assert (f"▲ Above the stage: Athlete 1 (A1) logged 96 % of max speed on {day(10):%a} "
            f"{day(10).day} {day(10):%b} {day(10).year} in {fast.stage} (at most {fast.cap} %). "
            f"Logged faster than the rehab stage allows: worth a word with the athlete and the "
            f"physio.") in tip, tip
    lines = [w.violations_panel.list.item(i).text() for i in range(w.violations_panel.list.count())]
    assert (f"▲ Above the stage — Athlete 1 (A1): {day(10).day} {day(10):%b} 96 % in {fast.stage} "
            f"(≤ {fast.cap} %). Logged faster than the rehab stage allows: worth a word with the "
            f"athlete and the physio.") in lines, lines
    assert sum(line.startswith("▲") for line in lines) == 1
    # first among the notes (a day just lived, not after next spring's fixtures), and counted in
    # the summary above the list
    from planner.congestion import Congestion

    run = Congestion(("A2",), (day(40), day(42)))  # two matches 48 h apart
    panel_check = w.violations_panel
    panel_check._congestion = lambda season: ([run], [])
    panel_check.set_report(w.season, panel_check.report)
    lines = [panel_check.list.item(i).text() for i in range(panel_check.list.count())]
    assert lines[0].startswith("▲ Above the stage") and lines[1].startswith("◷ Congested"), lines
    summary = w.violations_panel.summary.text()
    assert ("Listed first: ▲ 1 day logged above a rehab stage's cap; ◷ 1 congested run of "
            "matches (▲ and ◷ break no rule).") in summary, summary
    assert panel.type_into(r, 3, "60 6 60%")  # typed again within the cap: the mark goes
    assert not m.data(m.index(r, 3)).startswith("▲")
    assert not any(w.violations_panel.list.item(i).text().startswith("▲")
                   for i in range(w.violations_panel.list.count()))
    assert "▲" not in w.violations_panel.summary.text()


def test_delete_clears_the_selected_days_in_one_step_and_paste_reads_every_cell_first(w, qtbot):
    panel, view = w.weekly.log_panel, w.weekly.log_panel.view
    for c in range(3):
        assert panel.type_into(0, c, f"{60 + c} 5")
    start = w.undo_stack.count()
    panel.select([(0, 0), (0, 1)])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert w.undo_stack.count() == start + 1
    a = panel.model.athletes[0].id
    assert logged(w, a, 7) == logged(w, a, 8) == [] and len(logged(w, a, 9)) == 1
    panel.select([(1, 0)])
    assert panel.paste_text("50 4\t55 5\n45 3\tx") is False  # one bad cell: nothing pasted
    assert "'x' is not understood" in panel.message.text() and w.undo_stack.count() == start + 1
    assert panel.paste_text("50 4\t55 5\n45 3\t") is True
    assert w.undo_stack.count() == start + 2
    b, c = panel.model.athletes[1].id, panel.model.athletes[2].id
    assert [s.minutes for s in logged(w, b, 7) + logged(w, b, 8) + logged(w, c, 7)] == [50, 55, 45]


# -- importing a log ---------------------------------------------------------------------------
def _csv(tmp_path, rows: list[str]):
    path = tmp_path / "week.csv"
    path.write_text("Player,Date,Duration,RPE,Max Velocity (km/h),Minutes played,Pain,Notes\n"
                    + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_import_sessions_shows_what_it_adds_and_adds_it_in_one_step(w, tmp_path, dialogs):
    w2 = w.season.athletes[1]
    path = _csv(tmp_path, [f"Athlete 2,{day(7)},75,6,30.6,,,", f"A3,{day(9)},90,8,,90,,Match",
                           f"A3,{day(9)},90,8,,90,,Match", f"Athlete 1,{day(10)},60,4,,,6,sore"])
    dialogs.answer = "yes"
    dialogs.files = [str(path)]
    w.weekly.import_action.trigger()
    kind, title, text = dialogs[-1]
    assert kind == "confirm" and title == "Import sessions"
    assert "3 sessions of 3 athletes" in text and "Athlete ID <- 'Player'" in text
    assert "km/h" in text and "Counted once" in text
    assert ("(720 AU left out); if they were separate sessions, give each a different Note (e.g. "
            "AM, PM) and import again") in text  # the command line's words
    assert w.undo_stack.count() == 1
    (s,) = logged(w, w2.id, 7)
    assert s.top_speed_ms == pytest.approx(30.6 / 3.6)
    status = w.statusBar().currentMessage()
    assert "Added 3 sessions" in status and "proposes 1 flare-up" in status


def test_import_sessions_says_first_a_speed_column_it_does_not_read(w, tmp_path, dialogs):
    """Catapult's 'Max Vel (% Max)' (of the GPS system's own max) was listed among HSR and
    Player Load in grey under the question: with no top speed read, it is the first line."""
    path = tmp_path / "cat.csv"
    path.write_text(f"Player,Date,Duration,RPE,Max Vel (% Max)\nAthlete 2,{day(7)},75,6,92\n",
                    encoding="utf-8")
    dialogs.answer = "yes"
    assert import_sessions(w, path) is True
    kind, title, text = dialogs[-1]
    assert kind == "confirm" and text.splitlines()[0] == (
        "'Max Vel (% Max)' looks like a top speed but was not read (a percentage of the GPS "
        "system's own max): head a column 'Top speed m/s' or 'Max Speed (km/h)'")
    assert text.splitlines()[1].startswith("Add cat.csv: 1 session") and text.count("Max Vel") == 1


def test_a_gps_export_without_rpe_adds_its_speeds_to_the_sessions_logged(w, tmp_path, dialogs):
    """A GPS export has no RPE: refused with 'name them … RPE' (no such data in it). Read after
    the RPE, its top speeds go to the sessions logged those days, asked first, in one step."""
    gps = tmp_path / "gps.csv"
    gps.write_text(f"Date,Player Name,Total Duration,Maximum Velocity\n{day(8)},A2,01:00:00,8.1\n",
                   encoding="utf-8")
    assert import_sessions(w, gps) is False  # nothing logged on the day yet
    kind, title, text = dialogs[-1]
    assert kind == "error" and "has top speeds but no RPE (a GPS export)" in text
    assert "then this file with File ▸ Import Sessions" in text and "--overlap" not in text
    dialogs.answer = "yes"
    rpe = tmp_path / "rpe.csv"
    rpe.write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(8)},70,6\n", encoding="utf-8")
    assert import_sessions(w, rpe) is True
    steps = w.undo_stack.count()
    assert import_sessions(w, gps) is True
    kind, title, text = dialogs[-1]
    assert kind == "confirm" and title == "Import top speeds" and "1 session already logged" in text
    assert [(s.minutes, s.rpe, s.top_speed_ms) for s in logged(w, "A2", 8)] == [(70, 6, 8.1)]
    assert w.undo_stack.count() == steps + 1


def test_a_log_on_days_already_logged_asks_replace_add_or_keep_never_counts_twice(w, tmp_path, dialogs):
    """A second export of days already logged: adding it silently counted each day twice (a
    week's load doubled). The coach chooses for those days: replace, add both, keep what is
    logged, or cancel; a session logged exactly as before is counted once whatever the choice."""
    first = _csv(tmp_path, [f"A2,{day(7)},75,6,,,,", f"A3,{day(8)},60,5,,,,"])
    dialogs.answer = "yes"
    assert import_sessions(w, first) is True
    base = w.season
    second = tmp_path / "again.csv"
    second.write_text("Player,Date,Duration,RPE\n" + f"A2,{day(7)},90,7\n" + f"A3,{day(8)},60,5\n"
                      + f"A3,{day(9)},45,4\n", encoding="utf-8")
    dialogs.choices = ["cancel"]
    assert import_sessions(w, second) is False and w.season is base
    kind, title, text = dialogs[-1] if dialogs[-1][0] == "choose" else dialogs[-2]
    assert kind == "choose" and "1 athlete-day of the log already has other sessions" in text
    assert f"on {day(7).isoformat()}: logged 75 min RPE 6; the log has 90 min RPE 7" in text
    dialogs.choices = ["skip"]
    assert import_sessions(w, second) is True
    assert [(s.minutes, s.rpe) for s in logged(w, "A2", 7)] == [(75, 6)]
    assert len(logged(w, "A3", 8)) == 1 and len(logged(w, "A3", 9)) == 1
    w.undo_stack.undo()
    dialogs.choices = ["replace"]
    assert import_sessions(w, second) is True
    assert [(s.minutes, s.rpe) for s in logged(w, "A2", 7)] == [(90, 7)]
    assert "replaced what was logged on 1 athlete-day" in w.statusBar().currentMessage()
    w.undo_stack.undo()
    dialogs.choices = ["add"]
    assert import_sessions(w, second) is True
    assert sorted((s.minutes, s.rpe) for s in logged(w, "A2", 7)) == [(75, 6), (90, 7)]
    assert len(logged(w, "A3", 8)) == 1  # the same session again: counted once


def test_a_log_with_a_logged_day_and_a_second_session_adds_it_and_counts_only_the_new(w, tmp_path, dialogs):
    """A day typed into the Log panel, then the week's export with it and a second session that
    day: nothing is asked and the second session is added (the default Keep What Is Logged left
    it out). Replacing a day the log repeats a session of counts only the new sessions."""
    first = _csv(tmp_path, [f"A2,{day(7)},75,6,,,,", f"A2,{day(7)},30,2,,,,", f"A3,{day(8)},60,5,,,,"])
    dialogs.answer = "yes"
    assert import_sessions(w, first) is True
    export = tmp_path / "export.csv"
    export.write_text("Player,Date,Duration,RPE\n" + f"A3,{day(8)},60,5\n" + f"A3,{day(8)},20,2\n",
                      encoding="utf-8")
    asked = len([d for d in dialogs if d[0] == "choose"])
    assert import_sessions(w, export) is True
    assert len([d for d in dialogs if d[0] == "choose"]) == asked  # nothing to choose
    assert sorted((s.minutes, s.rpe) for s in logged(w, "A3", 8)) == [(20, 2), (60, 5)]
    assert "Added 1 session of 1 athlete" in w.statusBar().currentMessage()
    again = tmp_path / "again.csv"
    again.write_text("Player,Date,Duration,RPE\n" + f"A2,{day(7)},75,6\n" + f"A2,{day(7)},90,7\n",
                     encoding="utf-8")
    dialogs.choices = ["replace"]
    assert import_sessions(w, again) is True
    assert sorted((s.minutes, s.rpe) for s in logged(w, "A2", 7)) == [(75, 6), (90, 7)]
    status = w.statusBar().currentMessage()
    assert "Added 1 session of 1 athlete" in status and "replaced what was logged" in status


def test_import_of_a_bad_log_lists_the_located_problems_and_changes_nothing(w, tmp_path, dialogs):
    before = w.season
    # a near miss of a squad member's name (no other squad's player: Read Only This Squad is
    # not offered)
    path = _csv(tmp_path, [f"Athl 2,{day(7)},75,6,,,,", f"A2,{day(8)},75,12,,,,",
                           f"A2,{day(20)},75,6,,,,"])
    assert import_sessions(w, path) is False
    kind, title, text = dialogs[-1]
    # short: "Could not import the sessions" read "Could not impo… ns — Periodize"
    assert (kind, title) == ("error", "Sessions not imported") and len(title) <= 24
    assert "row 2, Player" in text and f"row 3 (A2, {day(8)}), RPE" in text and "row 4" in text
    assert "after today" in text and "nothing was added" in text
    # the reader says the app's way to move today, not the command line's
    assert text.endswith("once it happened, or move today on first (Season ▸ Move Today…)"), text
    assert "periodize" not in text, text
    assert w.season is before and w.undo_stack.count() == 0
    assert "unchanged" in w.statusBar().currentMessage()
    # a top speed in km/h (m/s) for an athlete without a max speed: named, nothing added
    assert import_sessions(w, _csv(tmp_path, [f"A2,{day(8)},75,6,30,,,", f"A4,{day(9)},75,6,30,,,"])) is False
    kind, _title, text = dialogs[-1]
    assert kind == "choose" and ("Athlete 4 (A4) has no max speed, so their top speed in m/s "
                                 f"(8.33 m/s = 30.0 km/h, {text_day(day(9))}, row 3) cannot be "
                                 "read") in text
    assert "sessions[" not in text and w.season is before  # Cancel: nothing taken
    dialogs.answer = "no"  # a good log, not confirmed: nothing added either
    assert import_sessions(w, _csv(tmp_path, [f"A2,{day(8)},75,6,,,,"])) is False
    assert w.season is before


def _one_bad_row(tmp_path):
    """A week's export with one row refused (row 3: 60 minutes, no RPE) among good ones (row 4:
    0 minutes and no RPE, a player who did not train)."""
    return _csv(tmp_path, [f"A2,{day(7)},75,6,,,,", f"A3,{day(8)},60,,,,,",
                           f"A1,{day(9)},0,,,,,ill - did not train", f"A4,{day(10)},45,4,,,,"])


def test_a_log_with_bad_rows_offers_the_other_rows_and_cancel_adds_nothing(w, tmp_path, dialogs):
    """One row without RPE refused a week's 136: the refusal offers to import the other rows;
    Cancel (the default) adds nothing, as the refusal did before."""
    from ui.desktop.sessionimport import OtherRowsDialog

    before = w.season
    dialogs.on_dialog = lambda d: False  # Cancel
    assert import_sessions(w, _one_bad_row(tmp_path)) is False
    (asked,) = dialogs.asked
    assert isinstance(asked, OtherRowsDialog) and asked.windowTitle() == "Sessions not imported"
    assert asked.import_button.text() == "&Import the Other 3 Rows"
    assert asked.cancel_button.isDefault() and not asked.import_button.isDefault()
    assert asked.question.startswith("Import the other 3 rows: the 1 row with problems (row 3) left out")
    text = asked.findChild(QLabel).text()
    assert text.startswith(f"{tmp_path / 'week.csv'}: 1 problem; nothing was added.")
    assert f"row 3 (A3, {day(8)}), RPE: missing; write the session RPE (0-10)" in text
    assert w.season is before and w.undo_stack.count() == 0
    assert w.statusBar().currentMessage() == "Sessions not imported; the season is unchanged."
    assert "error" not in dialogs.kinds() and "confirm" not in dialogs.kinds()


def test_the_other_rows_question_is_read_from_its_top_without_an_empty_band(w, tmp_path, dialogs):
    """The question of the other rows opened with an empty band above its text (the label,
    taller than its text, centred it): the first line of ink is in the text's first line, and
    the dialog is no taller than its text, buttons and margins."""
    seen = {}

    def look(d):
        d.show()
        QApplication.processEvents()
        label = d.findChild(QLabel)
        image = label.grab().toImage()
        ink = next(y for y in range(image.height())
                   if any(image.pixelColor(x, y).lightness() < 100 for x in range(image.width())))
        seen.update(ink=ink, line=label.fontMetrics().lineSpacing(),
                    spare=d.height() - label.heightForWidth(label.width())
                    - d.cancel_button.height())
        return False

    dialogs.on_dialog = look
    assert import_sessions(w, _one_bad_row(tmp_path)) is False
    assert seen["ink"] < 2 * seen["line"]
    assert seen["spare"] < 4 * seen["line"]


def test_importing_the_other_rows_adds_exactly_them_in_one_undo_step(w, tmp_path, dialogs):
    """Import the Other Rows: the good rows are added (the one of a player who did not train as
    0 minutes at RPE 0), the row with a problem is not, and it is said again in the question
    and the status bar; one Undo takes the import back whole."""
    before = w.season
    dialogs.on_dialog = lambda d: True
    dialogs.answer = "yes"
    assert import_sessions(w, _one_bad_row(tmp_path)) is True
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert "3 sessions of 3 athletes" in text
    assert f"Left out: row 3 (A3, {day(8)}), RPE: missing" in text
    new = [s for s in w.season.sessions if s not in before.sessions]
    assert sorted((s.athlete, s.date, s.minutes, s.rpe) for s in new) == [
        ("A1", day(9), 0, 0), ("A2", day(7), 75, 6), ("A4", day(10), 45, 4)]
    status = w.statusBar().currentMessage()
    assert "Added 3 sessions" in status and f"1 row left out: row 3 (A3, {day(8)})." in status
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert w.season.sessions == before.sessions


def _week_with_a_bad_row(tmp_path):
    """Move Today's week (today day 14, the new today day 21): row 3 refused (no RPE)."""
    return _csv(tmp_path, [f"A2,{day(15)},75,6,,,,", f"A3,{day(16)},60,,,,,",
                           f"A1,{day(16)},0,,,,,ill - did not train", f"A4,{day(17)},45,4,,,,"])


def test_move_today_offers_the_other_rows_and_cancel_adds_nothing(w, tmp_path, dialogs):
    """Move Today's "Import this week's sessions…" with one row refused only listed the
    problems; it offers File ▸ Import Sessions' Import the Other N Rows now, in the same dialog.
    Cancel leaves the log refused: OK is refused, and nothing is added."""
    from ui.desktop.sessionimport import OtherRowsDialog

    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert not dlg.read_log_file(str(_week_with_a_bad_row(tmp_path)))
    assert dlg.other_rows_button.isVisibleTo(dlg)
    assert dlg.other_rows_button.text() == "Import the Other 3 Rows…"
    dialogs.on_dialog = lambda d: False  # Cancel
    assert not dlg.import_other_rows()
    (asked,) = dialogs.asked
    assert isinstance(asked, OtherRowsDialog)
    assert asked.question.startswith("Import the other 3 rows: the 1 row with problems (row 3)")
    assert f"row 3 (A3, {day(16)}), RPE: missing" in asked.findChild(QLabel).text()
    assert dlg.problems() and dlg.log_result is None and dlg.other_rows_button.isVisibleTo(dlg)
    before = w.season.sessions
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()  # refused while the file is not read
    assert w.season.sessions == before


def test_move_today_imports_exactly_the_other_rows_and_says_the_rows_left_out(w, tmp_path, dialogs):
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert not dlg.read_log_file(str(_week_with_a_bad_row(tmp_path)))
    dialogs.on_dialog = lambda d: True
    assert dlg.import_other_rows()
    assert dlg.error.text() == "" and dlg.problems() == []
    assert not dlg.other_rows_button.isVisibleTo(dlg)
    said = dlg.log_label.text()
    assert said.startswith("Adds week.csv: 3 sessions of 3 athletes"), said
    assert f"Left out: row 3 (A3, {day(16)}), RPE: missing" in said
    before = w.season.sessions
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(21)
    new = [x for x in w.season.sessions if x not in before]
    assert sorted((x.athlete, x.date, x.minutes, x.rpe) for x in new) == [
        ("A1", day(16), 0, 0), ("A2", day(15), 75, 6), ("A4", day(17), 45, 4)]


def test_the_other_rows_are_not_offered_when_they_are_the_fewer(w, tmp_path, dialogs):
    """Import the Other N Rows was offered for a week's export most of whose rows had problems
    (a column of dates that read two ways: 23 of 141 rows left): leaving out most of the week
    is no way to read it. Neither File ▸ Import Sessions nor Move Today offers it then; the
    refusal says why and what to do instead."""
    said = ("Leaving out the rows with problems would leave out 3 of the 4 rows, most of the "
            "file, so it is not offered: correct those rows in the file.")
    log = _csv(tmp_path, [f"A2,{day(15)},75,,,,,", f"A3,{day(16)},60,,,,,",
                          f"A1,{day(16)},45,,,,,", f"A4,{day(17)},45,4,,,,"])
    before = w.season
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert not dlg.read_log_file(str(log))
    assert not dlg.other_rows_button.isVisibleTo(dlg) and said in dlg.error.text()
    dlg.reject()
    log = _csv(tmp_path, [f"A2,{day(7)},75,,,,,", f"A3,{day(8)},60,,,,,",
                          f"A1,{day(8)},45,,,,,", f"A4,{day(9)},45,4,,,,"])
    dialogs.on_dialog = lambda d: True
    assert import_sessions(w, log) is False
    assert not dialogs.asked
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("error", "Sessions not imported") and text.endswith(said), text
    assert w.season is before


def test_the_other_rows_are_asked_again_when_today_changes(w, tmp_path, dialogs):
    """The rows left out were agreed for one today; a new today re-reads the log and left out,
    unasked, whatever the new reading refused."""
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert not dlg.read_log_file(str(_week_with_a_bad_row(tmp_path)))
    dialogs.on_dialog = lambda d: True
    assert dlg.import_other_rows() and dlg.problems() == []
    dlg.today_field.setDate(day(22))
    assert dlg.problems() and dlg.log_result is None and dlg.other_rows_button.isVisibleTo(dlg)


def test_a_newcomer_without_max_speed_takes_the_fastest_of_the_log_in_the_imports_undo_step(
        w, tmp_path, dialogs):
    """A newcomer with no max speed refused the whole week's GPS export, a line for each of his
    rows, and the others' sessions with it: Take the Fastest as Max Speed sets his max speed to
    the fastest the log gives him and adds the log, both in one undo step."""
    before = w.season
    path = _csv(tmp_path, [f"A2,{day(7)},75,6,30,,,", f"A4,{day(7)},75,6,29.5,,,",
                           f"A4,{day(8)},60,5,31.5,,,", f"A4,{day(9)},60,5,30.1,,,"])
    dialogs.choices = ["fastestmax"]
    dialogs.answer = "yes"
    assert import_sessions(w, path) is True
    asked = [d for d in dialogs if d[0] == "choose"][-1]
    assert asked[1] == "No max speed" and "Take the Fastest as Max Speed" in asked[2]
    assert asked[2].count("has no max speed") == 1  # one line for the athlete, not one a row
    assert ("Athlete 4 (A4) has no max speed, so their 3 top speeds in m/s (fastest 8.75 m/s = "
            f"31.5 km/h, {text_day(day(8))}, row 4)") in asked[2]
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert (f"Athlete 4 (A4): max speed set to 8.75 m/s (31.5 km/h), the fastest of their 3 logged "
            f"sessions ({text_day(day(8))}); measure it properly when you can") in text
    assert w.season.athlete("A4").max_speed == 8.75
    assert [x.top_speed_ms for x in logged(w, "A4", 8)] == [pytest.approx(8.75)]
    assert len(logged(w, "A2", 7)) == 1
    assert w.undo_stack.count() == 1  # one step: the max speed and the sessions
    assert "max speed" in w.undo_stack.undoText()
    assert "Athlete 4 (A4): max speed set to 8.75 m/s" in w.statusBar().currentMessage()
    w.undo_stack.undo()
    assert w.season.athlete("A4").max_speed is None and w.season.sessions == before.sessions


def test_a_gps_spelling_of_a_name_is_read_as_the_athlete_proposed_when_the_coach_says(
        w, tmp_path, dialogs):
    """A GPS export's spelling of a name ('M. Ruiz' for Marco Ruiz) refused the file every week,
    and nothing could accept the proposal: Read as Proposed reads it as him, said."""
    path = _csv(tmp_path, [f"2 ATHLETE,{day(7)},75,6,30,,,", f"Athlete 3,{day(7)},70,5,,,,"])
    dialogs.choices = ["asproposed"]
    dialogs.answer = "yes"
    assert import_sessions(w, path) is True
    asked = [d for d in dialogs if d[0] == "choose"][-1]
    assert asked[1] == "Names proposed" and "row 2, Player: '2 ATHLETE' is no athlete: Athlete 2 (A2)?" in asked[2]
    assert "Read as Proposed: each of these names is read as the athlete proposed" in asked[2]
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert "'2 ATHLETE' read as Athlete 2 (A2) (row 2)" in text
    assert len(logged(w, "A2", 7)) == 1 and len(logged(w, "A3", 7)) == 1
    before = w.season
    dialogs.choices = ["cancel"]  # declined: nothing read, nothing added
    assert import_sessions(w, _csv(tmp_path, [f"2 ATHLETE,{day(8)},75,6,30,,,"])) is False
    assert w.season is before
    # a GPS export of top speeds alone (no RPE) for the day logged: the same question, then its speeds
    gps = tmp_path / "gps.csv"
    gps.write_text(f"Player,Date,Max Velocity (km/h)\n2 ATHLETE,{day(7)},31.5\n", encoding="utf-8")
    dialogs.choices = ["asproposed"]
    assert import_sessions(w, gps) is True
    assert [d for d in dialogs if d[0] == "choose"][-1][1] == "Names proposed"
    assert [x.top_speed_ms for x in logged(w, "A2", 7)] == [pytest.approx(8.75)]


def test_a_newcomer_without_max_speed_and_a_gps_spelling_import_in_one_go(w, tmp_path, dialogs):
    """A signing's first GPS export: he has no max speed and another player's name is in the
    export's spelling. Both questions are asked, each once, and the log is read with both
    answers (it was refused after Take the Fastest, Read as Proposed never offered); the
    question names the app's button, not the command line's flag."""
    path = _csv(tmp_path, [f"2 ATHLETE,{day(7)},75,6,30,,,", f"A4,{day(7)},75,6,31.5,,,"])
    dialogs.choices = ["fastestmax", "asproposed"]
    dialogs.answer = "yes"
    assert import_sessions(w, path) is True
    asked = [d[1] for d in dialogs if d[0] == "choose"]
    assert asked == ["No max speed", "Names proposed"]
    text = [d for d in dialogs if d[0] == "choose"][0][2]
    assert "or Take the Fastest as Max Speed)" in text and "--max-speed-from-log" not in text
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert "'2 ATHLETE' read as Athlete 2 (A2) (row 2)" in text
    assert w.season.athlete("A4").max_speed == 8.75
    assert len(logged(w, "A2", 7)) == 1 and len(logged(w, "A4", 7)) == 1
    assert w.undo_stack.count() == 1


def test_move_today_reads_a_newcomer_and_a_gps_spelling_with_both_buttons(w, tmp_path, dialogs):
    """Move Today with a week's file of a newcomer with no max speed and a name in the export's
    spelling: both buttons are offered; clicked, the file is read with both answers."""
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    path = _csv(tmp_path, [f"2 ATHLETE,{day(15)},75,6,30,,,", f"A4,{day(15)},75,6,31.5,,,"])
    assert not dlg.read_log_file(str(path))
    assert dlg.take_max_button.isVisibleTo(dlg) and dlg.as_proposed_button.isVisibleTo(dlg)
    dlg.take_max_button.click()
    assert dlg.problems() and dlg.as_proposed_button.isVisibleTo(dlg)
    dlg.as_proposed_button.click()
    assert dlg.error.text() == "" and dlg.problems() == []
    assert "&#x27;2 ATHLETE&#x27; read as Athlete 2 (A2)" in dlg.log_label.text()
    assert "Athlete 4 (A4): max speed set to 8.75 m/s" in dlg.log_label.text()


def test_move_today_takes_the_fastest_as_max_speed_with_the_move(w, tmp_path, dialogs):
    """Move Today with a week's file where a newcomer has no max speed: the refusal offers
    Take the Fastest as Max Speed; clicked, the log is read and OK moves today, sets his max
    speed and logs the sessions in one undo step."""
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    path = _csv(tmp_path, [f"A2,{day(15)},75,6,30,,,", f"A4,{day(15)},75,6,31.5,,,",
                           f"A4,{day(16)},75,6,29.0,,,"])
    assert not dlg.read_log_file(str(path))
    assert dlg.take_max_button.isVisibleTo(dlg)
    assert "Athlete 4 (A4) has no max speed, so their 2 top speeds" in dlg.error.text()
    assert dlg.problems()  # OK is refused while the file is not read
    dlg.take_max_button.click()
    assert dlg.error.text() == "" and dlg.problems() == []
    assert not dlg.take_max_button.isVisibleTo(dlg)
    assert "Athlete 4 (A4): max speed set to 8.75 m/s" in dlg.log_label.text()
    dlg.replan_box.setChecked(False)
    count = w.undo_stack.count()
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(21) and w.season.athlete("A4").max_speed == 8.75
    assert [x.top_speed_ms for x in logged(w, "A4", 15)] == [pytest.approx(8.75)]
    assert w.undo_stack.count() == count + 1
    w.undo_stack.undo()
    assert w.season.athlete("A4").max_speed is None and logged(w, "A4", 15) == []


def test_a_log_that_runs_past_today_offers_to_move_today_with_it(w, tmp_path, dialogs):
    """A log whose only problem is that it runs past today (a coach who imports before moving
    today): the app offers to move today to the day after its last session, and Move Today opens
    there with the log read; declined, the located error stands and nothing changes."""
    before = w.season
    path = _csv(tmp_path, [f"A2,{day(15)},75,6,,,,", f"A3,{day(17)},60,5,,,,"])
    assert import_sessions(w, path) is False  # declined (the default answer)
    assert [k for k, *_ in dialogs[-2:]] == ["choose", "error"]
    assert dialogs[-2][1] == "Move today first?" and f"up to {day(17):%a} " in dialogs[-2][2]
    assert w.season is before
    dialogs.answer = "movetoday"
    assert import_sessions(w, path) is True
    dlg = w.weekly.dialog
    assert dlg.isVisible() and dlg.today() == day(18)
    assert dlg.log_path == str(path) and "Adds week.csv: 2 sessions" in dlg.log_label.text()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(18) and len(logged(w, "A3", 17)) == 1



def test_a_log_past_today_can_be_imported_up_to_today(w, tmp_path, dialogs):
    """A GPS export of more than the past week (the demo's log of the whole season) was refused
    whole, or today moved to its end: Import up to Today adds the rows up to today and leaves
    the later ones out, counted in the status bar; one Undo step."""
    before = w.season
    path = _csv(tmp_path, [f"A2,{day(12)},75,6,,,,", f"A3,{day(14)},60,5,,,,",
                           f"A2,{day(15)},75,6,,,,", f"A3,{day(17)},60,5,,,,"])
    dialogs.choices, dialogs.answer = ["untiltoday"], "yes"  # the second answer, then "Add …?" yes
    assert import_sessions(w, path) is True
    (kind, title, text), asked = dialogs
    assert (kind, title) == ("choose", "Move today first?") and "\n\nImport up to Today: " in text
    assert asked[0] == "confirm" and "Left out: 2 rows dated after today" in asked[2]
    assert len(logged(w, "A2", 12)) == len(logged(w, "A3", 14)) == 1  # today (day 14) counts
    assert logged(w, "A2", 15) == [] and logged(w, "A3", 17) == []
    assert w.season.calendar.today == before.calendar.today and w.undo_stack.count() == 1
    assert "2 rows after today left out." in w.statusBar().currentMessage()
    w.undo_stack.undo()
    assert w.season.sessions == before.sessions


def _past_today_and_a_bad_row(tmp_path, bad: int):
    """A week's export that runs past today (day 14) with one row refused (no RPE) on day
    ``bad``: rows 2 to 5 by date, row 3 the bad one when ``bad`` is 13, row 4 when it is 16."""
    rows = [f"A2,{day(12)},75,6,,,,", f"A4,{day(13)},45,4,,,,", f"A2,{day(15)},75,6,,,,",
            f"A4,{day(17)},45,4,,,,"]
    rows.insert(1 if bad < 14 else 3, f"A3,{day(bad)},60,,,,,")
    return _csv(tmp_path, rows)


def test_a_log_past_today_with_a_bad_row_asks_up_to_today_then_the_other_rows(w, tmp_path, dialogs):
    """A week's export with rows after today and one RPE missing was refused ("2 problems;
    nothing was added", OK only), though each alone has its question: up to today is asked
    first, then leaving the bad row out, and the log is read once with both answers."""
    from ui.desktop.sessionimport import OtherRowsDialog

    before = w.season
    dialogs.choices, dialogs.answer = ["untiltoday"], "yes"  # then "Add …?" yes
    dialogs.on_dialog = lambda d: True  # Import the Other N Rows
    assert import_sessions(w, _past_today_and_a_bad_row(tmp_path, 13)) is True
    assert dialogs[0][:2] == ("choose", "Move today first?")
    (asked,) = dialogs.asked
    assert isinstance(asked, OtherRowsDialog) and asked.question.startswith(
        "Import the other 2 rows: the 1 row with problems (row 3) left out")
    assert "dated after today" not in asked.findChild(QLabel).text()  # answered already
    kind, _title, text = dialogs[-1]
    assert kind == "confirm" and "Left out: 2 rows dated after today" in text
    assert f"Left out: row 3 (A3, {day(13)}), RPE: missing" in text
    new = [s for s in w.season.sessions if s not in before.sessions]
    assert sorted((s.athlete, s.date) for s in new) == [("A2", day(12)), ("A4", day(13))]
    status = w.statusBar().currentMessage()
    assert "2 rows after today left out." in status and f"1 row left out: row 3 (A3, {day(13)})" in status
    assert w.undo_stack.count() == 1 and "error" not in dialogs.kinds()


def test_a_log_past_today_with_a_bad_row_can_move_today_and_then_leave_the_row_out(
        w, tmp_path, dialogs):
    """Move Today, answered first, opens with the log refused for the bad row alone and its
    Import the Other N Rows; the move then adds the other rows."""
    dialogs.answer = "movetoday"
    path = _past_today_and_a_bad_row(tmp_path, 13)
    assert import_sessions(w, path) is True
    dlg = w.weekly.dialog
    assert dlg.isVisible() and dlg.today() == day(18)
    assert dlg.other_rows_button.isVisibleTo(dlg) and "dated after today" not in dlg.error.text()
    assert dlg.other_rows_button.text() == "Import the Other 4 Rows…"
    dialogs.on_dialog = lambda d: True
    assert dlg.import_other_rows() and dlg.problems() == []
    before = w.season.sessions
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    new = [x for x in w.season.sessions if x not in before]
    assert sorted((x.athlete, x.date) for x in new) == [
        ("A2", day(12)), ("A2", day(15)), ("A4", day(13)), ("A4", day(17))]


def test_a_log_whose_bad_row_lies_after_today_is_read_up_to_today_without_asking_for_it(
        w, tmp_path, dialogs):
    """The problems the other way round (the bad row among those after today): up to today
    leaves it out with them, so the other rows are not asked about; Move Today asks them there."""
    before = w.season
    path = _past_today_and_a_bad_row(tmp_path, 16)
    dialogs.choices, dialogs.answer = ["untiltoday"], "yes"
    assert import_sessions(w, path) is True
    assert dialogs[0][:2] == ("choose", "Move today first?") and dialogs.asked == []
    assert "Left out: 3 rows dated after today" in dialogs[-1][2]
    new = [s for s in w.season.sessions if s not in before.sessions]
    assert sorted((s.athlete, s.date) for s in new) == [("A2", day(12)), ("A4", day(13))]
    w.undo_stack.undo()
    dialogs.answer = "movetoday"
    assert import_sessions(w, path) is True
    dlg = w.weekly.dialog
    assert dlg.today() == day(18) and dlg.other_rows_button.isVisibleTo(dlg)
    assert f"row 5 (A3, {day(16)}), RPE: missing" in dlg.error.text()


def test_a_log_with_a_bad_row_up_to_today_does_not_ask_to_move_today(w, tmp_path, dialogs):
    from ui.desktop.sessionimport import _log_end

    path = _csv(tmp_path, [f"A2,{day(13)},75,6,,,,", f"A3,{day(14)},60,,,,,"])
    assert _log_end(w.season, path) is None  # today's rows: nothing to move today for
    assert _log_end(w.season, _past_today_and_a_bad_row(tmp_path, 13)) == (day(17), day(18))


def test_move_today_leaves_a_logs_rows_after_the_new_today_out_and_says_how_many(w, tmp_path, dialogs):
    """Move Today's "Import this week's sessions…" refused a whole-season export ("2,219 rows
    are dated after today … nothing was added"): its rows up to the new today are taken, the
    later ones left out, counted in the dialog and in the status bar."""
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    new_today = dlg.today()
    assert new_today == day(21)
    path = _csv(tmp_path, [f"A2,{day(15)},75,6,,,,", f"A3,{day(21)},60,5,,,,",
                           f"A2,{day(22)},75,6,,,,", f"A3,{day(30)},60,5,,,,", f"A1,{day(31)},60,5,,,,"])
    assert dlg.read_log_file(str(path))
    assert dlg.error.text() == "" and dlg.problems() == []
    assert len(dlg.log_result.sessions) == 2 and dlg.log_result.later == 3
    assert "Left out: 3 rows dated after today" in dlg.log_label.text()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == new_today
    assert len(logged(w, "A2", 15)) == len(logged(w, "A3", 21)) == 1 and logged(w, "A2", 22) == []
    assert "2 sessions logged (3 rows after today left out)" in w.statusBar().currentMessage()


def test_a_log_to_saturday_offers_monday_not_the_sunday_off(w, tmp_path, dialogs):
    """The week's GPS export ends on Saturday's match: the offer was Sunday, a day nobody
    trains, and the coach pressed Next week at every loop."""
    from ui.desktop.sessionimport import _log_end

    assert _log_end(w.season, _csv(tmp_path, [f"A2,{day(19)},95,8,,,,"])) == (day(19), day(21))  # Mon
    assert _log_end(w.season, _csv(tmp_path, [f"A2,{day(16)},75,6,,,,"])) == (day(16), day(17))  # Thu


def test_the_offer_to_move_today_names_the_logs_last_day_not_the_sunday_after(w, tmp_path, dialogs):
    """A log to Saturday: the offer read "has sessions up to Sun ..." (the day before the Monday
    it offers), while the log's last session, and its summary a moment later, were Saturday."""
    from planner.text import day_long

    path = _csv(tmp_path, [f"A2,{day(15)},75,6,,,,", f"A3,{day(19)},95,8,,,,"])
    assert import_sessions(w, path) is False  # declined
    assert dialogs[-2][1] == "Move today first?"
    assert f"up to {day_long(day(19))}, after today" in dialogs[-2][2], dialogs[-2][2]
    assert day_long(day(21)) in dialogs[-2][2]


# -- moving today ----------------------------------------------------------------------------------
def test_next_week_in_move_today_steps_a_week_on_at_each_click(qtbot, planned):
    """Once the field showed the week after today's, Next week did nothing."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(3))
    for expected in (day(7), day(14), day(21)):
        dlg.next_week_button.click()
        assert dlg.today() == expected
    dlg.reject()


def test_move_today_says_which_days_it_puts_in_the_past_with_nothing_logged(qtbot, planned, tmp_path):
    from planner.unlogged import unlogged

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(7))
    missing, days = unlogged(w.season, day(7))
    n = len(w.season.athletes)
    assert missing == days * n - 1 > 0  # Athlete 1, in rehab, has no session on the match day
    assert (f"Nothing is logged for any athlete on the {days} training and match days this puts in "
            f"the past</b>: they count as planned") in dlg.intro.text()
    path = tmp_path / "some.csv"  # one athlete's days logged: the count says of how many
    path.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"A1,{day(d)},60,5\n" for d in range(7) if d != 6))
    assert dlg.read_log_file(str(path))
    assert (f"{missing - (days - 1):,} of the {missing:,} athlete-days this puts in the past ({n} "
            f"athletes on {days} training and match days, their days away and days without a "
            f"session left out) have nothing logged") in dlg.intro.text()
    # the days a missing export leaves thin are named, not only counted
    from planner.text import day_long

    assert "Days with few or no sessions logged (a missing export?): " in dlg.intro.text()
    assert f"{day_long(day(0))}: 1 of {n} logged" in dlg.intro.text(), dlg.intro.text()
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"{a.id},{day(d)},60,5\n" for a in w.season.athletes for d in range(7) if d != 6))
    assert dlg.read_log_file(str(path))
    assert "Nothing is logged" not in dlg.intro.text() and "nothing logged" not in dlg.intro.text()
    dlg.reject()


def test_move_today_records_the_ticked_changes_with_their_dates_in_one_step_then_replans(
        qtbot, planned, dialogs):
    w = make_window(qtbot, planned)
    original = w.season
    dlg = w.weekly.move_today(day(21))
    assert dlg is not None and dlg.isVisible()
    assert [(t.athlete, t.stage, t.date) for t in dlg.moves] == [("A1", "S1", day(8)),
                                                                 ("A1", "S2", day(15))]
    assert "Tick those that happened" in dlg.intro.text()
    # not done: unticking S1 unticks S2 (a stage change needs the ones before it)
    dlg.set_accepted(0, False)
    assert not dlg.is_accepted(1) and "did not reach S2" in dlg.rule_note.text()
    assert dlg.table.item(0, 3).text() == "not done: stays in P3 power and dynamic hip control"
    dlg.set_accepted(1, True)  # ticking S2 ticks S1 again
    assert dlg.is_accepted(0) and "S1" in dlg.rule_note.text()
    assert dlg.set_date(0, "2027-01-13")  # it happened a day later than planned
    dlg.set_accepted(1, False)  # S2 did not happen: Athlete 1 stays in S1
    assert dlg.table.item(1, 3).text().startswith("not done: stays in S1")
    assert not dlg.set_date(0, "2027-02-01")  # after the new today: refused, with the reason
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "Athlete 1 (A1): S1 on" in dlg.error.text()
    dlg.set_accepted(1, True)
    assert dlg.set_date(0, day(15)) and dlg.set_date(1, day(14))  # S1 after S2: out of order
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "S2 on Mon 18 Jan 2027 is not after S1 on Tue 19 Jan 2027" in dlg.error.text()
    assert w.season is original
    dlg.set_accepted(1, False)
    dlg.set_date(0, day(8))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        dlg.buttons.accepted.emit()
        assert w.season.calendar.today == day(21)
        stages = [(r.stage, r.start) for r in w.season.injury_of("A1").stages]
        assert ("S1", day(8)) in stages and not any(s == "S2" for s, _ in stages)
        assert w.undo_stack.count() == 1 and "Re-planning" in w.statusBar().currentMessage()
    outcome = done.args[0]
    assert outcome.plan is not None and w.season.plan == outcome.plan
    assert check_plan(w.season, w.season.plan).violations == ()
    # the re-plan's plan joins the move: one step (one Undo took back only the re-plan, and a
    # coach thought the move half undone)
    assert w.undo_stack.count() == 1 and w.undo_stack.undoText().startswith("Today is ")
    assert "Re-planned from today" in w.statusBar().currentMessage()
    w.undo_action.trigger()
    assert w.season is original  # undo is exact
    w.redo_action.trigger()
    assert w.season.calendar.today == day(21) and w.season.plan == outcome.plan
    w.weekly.shutdown()


def test_enter_in_a_date_of_move_today_confirms_the_date_not_the_move(qtbot, planned):
    """Typing a stage change's date and pressing Enter moved today, recorded the ticked changes
    and re-planned: the coach was only typing a date."""
    w = make_window(qtbot, planned)
    original = w.season
    dlg = w.weekly.move_today(day(21))
    field = dlg.date_fields[0]
    field.setFocus()
    field.line.selectAll()
    qtbot.keyClicks(field.line, day(8).isoformat())
    qtbot.keyClick(field.line, Qt.Key.Key_Return)
    assert dlg.isVisible() and w.season is original and w.undo_stack.count() == 0
    assert dlg.date_fields[0].value() == day(8)
    focus = dlg.focusWidget()  # the date taken, the keyboard on the next field
    assert focus is not None and focus is not field.line and focus.parentWidget() is not field
    dlg.today_field.setFocus()
    qtbot.keyClick(dlg.today_field.line, Qt.Key.Key_Enter)
    assert dlg.isVisible() and w.season is original
    assert dlg.focusWidget() is not dlg.next_week_button  # a second Return moves no date on
    assert dlg.focusWidget() is not dlg.today_field.line
    dlg.reject()
    w.weekly.shutdown()


@pytest.mark.parametrize("where", ["tick", "table"])
def test_enter_outside_the_dates_of_move_today_presses_move_today(qtbot, planned, where, tmp_path):
    """Move Today is drawn as the default button, but Enter on "Re-plan from the new today" (or
    in the table) did nothing: only the date fields keep Enter to themselves."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    (tmp_path / "week.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(15).isoformat()},50,4\n")
    assert dlg.read_log_file(str(tmp_path / "week.csv"))  # a file chosen: Return moves today
    dlg.replan_box.setChecked(False)  # the move alone: no solve in the background
    focus = dlg.replan_box if where == "tick" else dlg.table
    focus.setFocus()
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert not dlg.isVisible() and w.season.calendar.today == day(21)
    assert w.undo_stack.count() == 1
    w.weekly.shutdown()


def test_return_in_move_today_imports_first_when_the_days_passed_have_nothing_logged(
        qtbot, planned, tmp_path):
    """A coach clicked where "Import this week's sessions…" had been the week before (the stage
    changes above had moved it down), typed on and pressed Return: today moved with nothing
    imported. While the days passed have nothing logged and no file is chosen, Return imports;
    once one is read, Return moves today, the sessions with it, in one undo step."""
    from PySide6.QtWidgets import QDialogButtonBox

    w = make_window(qtbot, planned)
    original = w.season
    dlg = w.weekly.move_today(day(21))
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert "nothing is logged for any athlete" in dlg.intro.text().lower()
    assert dlg.import_button.isDefault() and not ok.isDefault()
    log = tmp_path / "week.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"A{k},{day(d).isoformat()},50,4\n" for k in (1, 2, 3, 4) for d in range(21)))
    dlg.choose_log = lambda: str(log)
    dlg.replan_box.setChecked(False)  # the move alone: no solve in the background
    dlg.replan_box.setFocus()
    qtbot.keyClick(dlg.replan_box, Qt.Key.Key_Return)
    assert dlg.isVisible() and w.season is original  # read, not moved
    assert dlg.log_result is not None and dlg.log_result.sessions
    assert ok.isDefault() and not dlg.import_button.isDefault()
    qtbot.keyClick(dlg.replan_box, Qt.Key.Key_Return)
    assert not dlg.isVisible() and w.season.calendar.today == day(21)
    assert w.undo_stack.count() == 1 and len(w.season.sessions) > len(original.sessions)
    w.undo_action.trigger()
    assert w.season is original  # the move and its sessions: one step
    w.weekly.shutdown()


def test_return_in_move_today_moves_today_when_nothing_can_be_imported(qtbot, planned):
    """Without a way to choose a file (the import is greyed), Move Today stays the default."""
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.desktop.advance import AdvanceDialog

    dlg = AdvanceDialog(planned, day(21))
    qtbot.addWidget(dlg)
    assert "nothing is logged for any athlete" in dlg.intro.text().lower()
    assert not dlg.import_button.isEnabled()
    assert dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).isDefault()
    assert not dlg.import_button.isDefault()


def test_move_todays_buttons_have_letters_of_their_own(qtbot, planned):
    from tests.ui.reach import button_letters

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    letters = button_letters(dlg)
    assert (letters["Move Today"], letters["Cancel"]) == ("m", "c")
    dlg.replan_box.setChecked(False)
    qtbot.waitUntil(dlg.isVisible)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    dlg.today_field.setFocus()
    qtbot.waitUntil(dlg.today_field.line.hasFocus)
    qtbot.keyClick(dlg.today_field.line, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    # (a mnemonic's animated click; the dialog is deleted once closed)
    qtbot.waitUntil(lambda: w.season.calendar.today == day(21), timeout=2000)
    assert w.undo_stack.count() == 1
    w.weekly.shutdown()


def test_move_today_rows_dates_are_reached_by_tab_in_row_order_and_take_typing(qtbot, planned):
    """Tab walked the table cell by cell past the "On" dates, the arrows selected the cell
    behind a date, and typing there changed nothing: the day a stage change happened could not
    be corrected from the keyboard. Tab then went from the first date to the second, past the
    second row's Happened box: each row's box is now a stop before its date."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    qtbot.waitUntil(dlg.isVisible)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert len(dlg.date_fields) >= 2
    dlg.table.setFocus()
    dlg.table.setCurrentCell(0, 0)
    qtbot.waitUntil(dlg.table.hasFocus)
    for i, field in enumerate(dlg.date_fields):  # Tab: each row's date, in row order,
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field.line
        if i + 1 < len(dlg.date_fields):  # and the next row's Happened box before its date
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is dlg.table
            assert (dlg.table.currentRow(), dlg.table.currentColumn()) == (i + 1, 0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # then on past the table
    assert QApplication.focusWidget() is dlg.import_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is dlg.date_fields[-1].line  # and back the same way
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    last = len(dlg.date_fields) - 1
    assert QApplication.focusWidget() is dlg.table and dlg.table.currentRow() == last
    ticked = dlg.table.item(last, 0).checkState()
    qtbot.keyClick(dlg.table, Qt.Key.Key_Space)  # Space ticks (or unticks) that row's box
    assert dlg.table.item(last, 0).checkState() != ticked
    qtbot.keyClick(dlg.table, Qt.Key.Key_Space)
    field = dlg.date_fields[0]
    field.line.selectAll()
    qtbot.keyClicks(field.line, day(8).isoformat())
    assert field.value() == day(8)
    # the arrows to the "On" cell of the second row, then typing: the date takes it
    dlg.table.setFocus()
    dlg.table.setCurrentCell(1, 1)
    qtbot.keyClick(dlg.table, Qt.Key.Key_Right)
    assert dlg.table.currentColumn() == 2
    typed = day(15).isoformat()
    qtbot.keyClicks(dlg.table, typed[0])  # the first key on the cell goes into its date
    qtbot.keyClicks(QApplication.focusWidget(), typed[1:])
    assert dlg.date_fields[1].line.hasFocus() and dlg.date_fields[1].value() == day(15)
    assert dlg.isVisible() and w.undo_stack.count() == 0
    dlg.reject()
    w.weekly.shutdown()


def test_a_date_and_a_tick_set_in_move_today_survive_a_change_of_the_new_today(qtbot, planned):
    """'Next week' (or another new today) listed the rows again as projected: an edited date went
    back to the projected one and an unticked change was ticked again, unseen."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    assert dlg.set_date(0, day(9))
    dlg.set_accepted(1, False)
    dlg.set_today(day(28))  # another new today: the same two changes are listed
    assert [(t.athlete, t.stage) for t in dlg.moves][:2] == [("A1", "S1"), ("A1", "S2")]
    assert dlg.date_fields[0].value() == day(9) and dlg.is_accepted(0)
    assert not dlg.is_accepted(1) and dlg.table.item(1, 3).text().startswith("not done: stays in S1")
    dlg.set_today(day(10))  # S1 on day 9 is still before it; S2 (day 14) is not listed
    assert [(t.stage, dlg.date_fields[i].value()) for i, t in enumerate(dlg.moves)] == [("S1", day(9))]
    dlg.reject()
    w.weekly.shutdown()


def test_a_stage_change_that_waits_on_a_test_not_passed_is_offered_unticked(qtbot, planned):
    """Move Today ticked every projected change, also one the criteria gate holds (RH-CRIT: no
    passing result): one click of OK recorded the athlete past the gate. It is unticked, with
    the changes after it, and says what it waits on; ticking it records it."""
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    assert [(t.stage, t.waits_on) for t in dlg.moves] == [("S1", ("Hip-flexor strength LSI",)),
                                                          ("S2", ())]
    assert not dlg.is_accepted(0) and not dlg.is_accepted(1)
    assert dlg.table.item(0, 1).text().endswith("⚠ waits on a test")
    assert "Hip-flexor strength LSI not passed" in dlg.table.item(0, 1).toolTip()
    assert "1 change ⚠ waits on a criteria test not passed" in dlg.intro.text()
    assert dlg.table.item(0, 3).text().startswith("not done: stays in P3")
    # said beside OK too: the rows' "not done" can be out of sight
    assert not dlg.unticked_note.isHidden()
    # one athlete: "keeps them" read as a slip (his or her is not known)
    assert "Nothing ticked for Athlete 1 (A1)</b>: Move Today keeps the athlete in the " \
        "recorded stage (P3)." in dlg.unticked_note.text()
    dlg.set_accepted(0, True)  # the coach knows the test was passed
    assert dlg.accepted()[0].stage == "S1"
    # S2 after it stays unticked: said beside OK too, it may be out of sight in the table
    assert not dlg.is_accepted(1)
    assert "Partly ticked</b>: Athlete 1 (A1) stays in S1 " in dlg.unticked_note.text()
    assert "(S2 not ticked)" in dlg.unticked_note.text()
    dlg.set_accepted(1, True)
    assert dlg.unticked_note.text() == ""  # its room kept: nothing below it moves
    dlg.reject()


def test_nothing_ticked_for_two_athletes_keeps_them_in_their_stages(qtbot, planned):
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),
                                                       injury("A2", "P3", start_day=-13))})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    assert {t.athlete for t in dlg.moves} == {"A1", "A2"}
    for i in reversed(range(len(dlg.moves))):
        dlg.set_accepted(i, False)
    # each named with the stage recorded: "the stages recorded before Mon 3 Aug" read as if the
    # records after that day were thrown away
    names = [untested.athlete(a).name for a in ("A1", "A2")]
    assert (f"</b>: Move Today keeps them in their recorded stages ({names[0]} P3, {names[1]} P3)."
            in dlg.unticked_note.text()), dlg.unticked_note.text()
    assert "recorded before" not in dlg.unticked_note.text()
    dlg.set_accepted(len(dlg.moves) - 1, True)  # A2's ticked: A1 alone, the athlete's stage named
    assert "keeps the athlete in the recorded stage (P3)." in dlg.unticked_note.text()
    dlg.reject()
    w.weekly.shutdown()


def test_a_move_far_ahead_with_nothing_ticked_asks_first_and_cancel_changes_nothing(
        qtbot, planned, dialogs):
    """Move Today 30 weeks on with nothing ticked went through in one click: three rehab
    players planned as stuck in their stages for 7 months, 174 days left unlogged."""
    from planner.unlogged import unlogged

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(28))
    for i in reversed(range(len(dlg.moves))):
        dlg.set_accepted(i, False)
    unticked = len(dlg.moves)
    assert unticked > 0
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()  # the coach's answer: Cancel
    assert dialogs[-1][:2] == ("choose", "Move today far ahead?")
    said = dialogs[-1][2]
    assert said.startswith(f"Move today 4 weeks on, to {text_day_long(day(28))}?"), said
    assert (f"{unticked} stage change{'s' if unticked > 1 else ''} the plan projected "
            f"{'are' if unticked > 1 else 'is'} not ticked") in said
    _missing, days = unlogged(planned, day(28))  # nothing is logged: every day is empty
    assert f"{days} training and match days with nothing logged" in said
    assert w.season is planned and w.undo_stack.count() == 0  # Cancel changed nothing
    assert dlg.isVisible() and "Today has not moved" in dlg.error.text()
    dialogs.answer = "movetoday"
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(28)
    w.weekly.shutdown()


@pytest.mark.parametrize("weeks", [1, 3])
def test_a_move_of_up_to_three_weeks_is_not_asked_about(qtbot, planned, dialogs, weeks):
    """The weekly loop (a week's move, nothing logged yet) needs no question."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(7 * weeks))
    for i in reversed(range(len(dlg.moves))):
        dlg.set_accepted(i, False)
    assert dlg.far_ahead_question() == ""
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert "choose" not in dialogs.kinds() and w.season.calendar.today == day(7 * weeks)
    w.weekly.shutdown()


def test_a_season_whose_today_lies_far_behind_the_computers_date_says_so_above_the_board(
        qtbot, planned, monkeypatch):
    """The demo's today was its first day, 4 months behind the computer's date, and nothing said
    so: a coach taking over read the board's "today" as now."""
    monkeypatch.setenv("PERIODIZE_CLOCK", day(20).isoformat())
    w = make_window(qtbot, planned)
    assert planned.calendar.today is None  # its today: its first day
    notice = w.notice
    assert notice.isVisible()
    # its first sentence on the line (whole at 1280 x 720 beside the Inspector), all in its tooltip
    assert notice.text() == (f"Today in this season is {text_day_long(day(0))}, 20 days before the "
                             f"computer's date.")
    assert notice.label.toolTip() == (f"Today in this season is {text_day_long(day(0))}, 20 days "
                                      f"before the computer's date: Season ▸ Move Today… when you "
                                      f"have recorded what happened.")
    assert notice.action_button.isVisible() and notice.action_button.text() == "Move Today…"
    notice.action_button.click()  # opens Move Today, never moves today by itself
    assert w.weekly.dialog is not None and w.weekly.dialog.isVisible()
    assert w.season is planned
    w.weekly.dialog.reject()
    assert w.apply_edit(E.AdvanceToday(today=day(14), accepted=()))  # 6 days behind: said no more
    assert notice.isHidden()
    w.weekly.shutdown()
    # a week behind, a season over, one not started: nothing to say
    for clock in (day(7), planned.calendar.end + dt.timedelta(days=1),
                  planned.calendar.start - dt.timedelta(days=1)):
        monkeypatch.setenv("PERIODIZE_CLOCK", clock.isoformat())
        other = make_window(qtbot, planned)
        assert other.notice.isHidden(), clock
        other.weekly.shutdown()


def test_the_today_behind_notice_says_the_days_anew_after_a_move_that_leaves_today_behind(
        qtbot, planned, monkeypatch):
    """Moved on from 20 days behind to 13, the notice still said 20 days."""
    monkeypatch.setenv("PERIODIZE_CLOCK", day(20).isoformat())
    w = make_window(qtbot, planned)
    assert "20 days before" in w.notice.text()
    assert w.apply_edit(E.AdvanceToday(today=day(7), accepted=()))  # 13 days behind now
    assert not w.notice.isHidden()
    assert w.notice.text() == (f"Today in this season is {text_day_long(day(7))}, 13 days before "
                               f"the computer's date.")
    assert w.notice.label.toolTip() == w.today_behind()
    w.weekly.shutdown()


def test_ticks_restored_for_another_new_today_are_the_last_the_coach_left(qtbot, planned):
    """S1 waits on a test. Ticking S2 ticked S1; unticking S1 then unticked S2. Another new today
    replayed each row's own last click in row order (S1 off, then S2 on, which ticked S1 again):
    one OK recorded the athlete past the gate."""
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    dlg.set_accepted(1, True)
    assert dlg.is_accepted(0)
    dlg.set_accepted(0, False)
    assert [dlg.is_accepted(i) for i in range(2)] == [False, False]
    dlg.set_today(day(28))
    assert [dlg.is_accepted(i) for i in range(2)] == [False, False] and dlg.accepted() == ()
    dlg.reject()
    w.weekly.shutdown()


def test_new_week_moves_today_to_the_next_week_and_moving_back_names_what_is_kept(
        qtbot, in_week_3):
    s = E.LogSessions(sessions=(Session(athlete="A2", date=day(10), minutes=60, rpe=5),)).apply(in_week_3)
    w = make_window(qtbot, s)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert dlg.today() == day(21) and [t.stage for t in dlg.moves] == ["S2"]
    dlg.set_today(day(7))  # back: the session on day 10 and S1's record now lie after it
    assert dlg.moves == [] and dlg.later.isVisible()
    assert "kept" in dlg.later.text() and "logged session" in dlg.later.text()
    assert "stage S1" in dlg.later.text()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(7) and w.season.sessions == s.sessions
    assert w.season.injury_of("A1").stages == s.injury_of("A1").stages  # nothing lost


def test_a_new_today_in_season_settings_goes_through_move_today(qtbot, planned):
    w = make_window(qtbot, planned)
    w.settings_action.trigger()
    sd = w.settings_dialog
    sd.use_today.setChecked(True)
    sd.today.setDate(day(14))
    sd.accept()
    dlg = w.weekly.dialog
    assert dlg is not None and dlg.isVisible() and dlg.today() == day(14)
    assert [t.stage for t in dlg.moves] == ["S1"] and w.undo_stack.count() == 0
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(14) and w.season.plan is not None  # the plan is kept
    assert w.season.injury_of("A1").current.stage == "S1"


def test_a_new_today_typed_while_a_plan_is_made_is_said_in_a_dialog(qtbot, planned, dialogs,
                                                                    monkeypatch):
    """The new today was dropped with a line in the status bar only, while the name changed in
    the same dialog was kept: the coach closed the dialog believing today had moved."""
    w = make_window(qtbot, planned)
    monkeypatch.setattr(w, "is_solving", lambda: True)
    w.settings_action.trigger()
    sd = w.settings_dialog
    sd.name.setText("Renamed FC")
    sd.use_today.setChecked(True)
    sd.today.setDate(day(14))
    sd.accept()
    assert w.season.name == "Renamed FC" and w.season.calendar.today == planned.calendar.today
    assert dialogs[-1][:2] == ("warn", "Today not moved")
    assert "the other settings are applied" in dialogs[-1][2] and "Move Today" in dialogs[-1][2]
    assert w.weekly.dialog is None or not w.weekly.dialog.isVisible()


def test_without_a_plan_the_season_is_planned_first_then_the_changes_are_offered(qtbot, planned,
                                                                                dialogs):
    w = make_window(qtbot, planned.model_copy(update={"plan": None}))
    dialogs.answer = "yes"
    with qtbot.waitSignal(w.solve_finished, timeout=TIMEOUT):
        assert w.weekly.new_week_action.trigger() is None
        assert dialogs[-1][1] == "Plan the season first?"
    dlg = w.weekly.dialog
    assert w.season.plan is not None and dlg is not None and dlg.isVisible()
    assert dlg.today() == day(7)
    assert projected_transitions(w.season, day(7)) == dlg.moves


def test_a_match_day_that_went_otherwise_says_the_minutes_set_the_level(in_week_3):
    """Planned to start, logged 20 minutes at 100 % top speed: the day reads 80 % (a bench
    appearance, rules-spec.md section 9). The words said "logged 80 %", which was not logged."""
    from ui.desktop.pastview import otherwise_text

    s = in_week_3
    tl = Timeline(s)
    m = next(d for d in range(tl.p0) if tl.is_comp[d])
    ap = s.plan.for_athlete("A2")
    ap = ap.model_copy(update={"planned": {day(m): 100},
                               "intensity": ap.intensity[:m] + (80,) + ap.intensity[m + 1:]})
    s = s.model_copy(update={
        "plan": s.plan.model_copy(update={"athletes": tuple(ap if a.athlete == "A2" else a
                                                            for a in s.plan.athletes)}),
        "sessions": (Session(athlete="A2", date=day(m), minutes=20, rpe=7, minutes_played=20,
                             top_speed_pct=100),)})
    text = otherwise_text(s, "A2", day(m))
    # a starter subbed after 20 minutes did not "come off the bench": the rules read it so
    assert text.startswith("planned to start (100 %); 20 min played, read as a bench appearance "
                           "(1-44 min, 80 %")
    assert "came off the bench" not in text
    assert "logged 80 %" not in text and "minutes played set the level" in text
    # not played (m0): the level is the logged top speed's, as on any day
    s0 = s.model_copy(update={"sessions": (Session(athlete="A2", date=day(m), minutes=60, rpe=5,
                                                   minutes_played=0, top_speed_pct=80),)})
    assert otherwise_text(s0, "A2", day(m)) == "planned to start (100 %); did not play, logged 80 %"
    # a training day keeps the short form
    d = next(d for d in range(tl.p0) if not tl.is_comp[d] and tl.is_training[d])
    ap2 = ap.model_copy(update={"planned": {day(d): 90}})
    s2 = s.model_copy(update={"plan": s.plan.model_copy(update={"athletes": tuple(
        ap2 if a.athlete == "A2" else a for a in s.plan.athletes)})})
    assert otherwise_text(s2, "A2", day(d)) == f"planned 90 %, logged {ap2.intensity[d]} %"


# -- the re-plan, the past on the board ---------------------------------------------------------
def test_a_replan_from_today_reads_the_log_and_the_board_marks_what_went_otherwise(w, qtbot):
    panel = w.weekly.log_panel
    tl = Timeline(w.season)
    # a speed day run slower (a fit day's 70 % run at 60 % is as planned: went_otherwise); in
    # this season's week 2 only the rehab athlete has one
    aid, d = next((a, d) for a in ("A2", "A3", "A4", "A1") for d in range(7, 14)
                  if w.season.plan.for_athlete(a).intensity[d] >= 80 and not tl.is_comp[d])
    other = next(a for a in ("A2", "A3", "A4") if a != aid)
    ap = w.season.plan.for_athlete(aid)
    c = d - 7
    assert panel.type_into(row_of(w, aid), c, "75 6 60%")  # slower than the plan's day
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        w.weekly.replan_action.trigger()
    assert done.args[0].plan is not None
    plan = w.season.plan
    assert check_plan(w.season, plan).violations == ()
    new = plan.for_athlete(aid)
    assert new.intensity[d] == level_at_or_below(60) and new.planned[day(d)] == ap.intensity[d]
    board = w.board
    assert board.past_mark(aid, day(d)) == "otherwise"
    assert board.past_mark(aid, day(d + 30)) is None  # the future is not the past
    w.board.set_current(aid, day(d))
    rect = board.cell_rect(aid, day(d))
    tip = board.tooltip_at(rect.center())
    assert f"Went otherwise: planned {ap.intensity[d]} %, logged 60 %" in tip
    assert "Logged: 75 min at RPE 6 (450 AU), top speed 60 %" in tip
    html = w.inspector.cell_html()
    assert "Went otherwise" in html and f"planned {ap.intensity[d]} %, logged 60 %" in html
    assert panel.model.data(panel.model.index(row_of(w, aid), c), Qt.ItemDataRole.ToolTipRole) \
        .count("Went otherwise") == 1
    assert board.past_mark(other, day(d)) is None  # nothing logged there


def test_a_painful_day_proposes_a_flare_up_recorded_only_on_click(w, qtbot):
    panel = w.weekly.log_panel
    strip = w.weekly.flare_strip
    r = row_of(w, "A1")
    assert panel.type_into(r, 2, "60 4 p6 # hamstring tight")  # in S1: 6/10 is above 5/10
    m = panel.model
    assert m.data(m.index(r, 2)).startswith("⚑ ")
    assert m.data(m.index(r, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert w.board.past_mark("A1", day(9)) == "logged"
    assert w.board.pain_mark("A1", day(9))  # on the board too, not only in the Log panel
    w.board.set_current("A2", day(9))
    assert not strip.isVisible()
    panel.view.setCurrentIndex(m.index(r, 2))  # the table's cell selects the board's cell
    assert w.board.current() == ("A1", day(9))
    assert strip.isVisible() and "pain <b>6/10</b>" in strip.label.text()
    assert "proposes a flare-up" in w.inspector.cell_html()
    before = w.season
    assert w.season.injury_of("A1").flare_ups == ()  # nothing changed yet
    strip.button.setFocus()
    qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)
    assert w.season.injury_of("A1").flare_ups == (day(9),)
    # the session's note is the flare-up's too: "hamstring tight" was lost from the history
    assert w.season.injury_of("A1").flare_notes == {day(9): "pain 6/10 logged: hamstring tight"}
    assert "Re-plan from today (Ctrl+R) to plan with it" in w.statusBar().currentMessage()
    assert w.undo_stack.count() == 2 and not strip.isVisible()
    assert not m.data(m.index(r, 2)).startswith("⚑")
    # the keys are the Log's again: Ctrl+A, Ctrl+Shift+A did nothing until a cell was clicked
    assert QApplication.focusWidget() is panel.view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert w.undo_stack.count() == 3 and "as planned" in panel.message.text()
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert w.season is before and strip.isVisible()


def test_a_fit_players_pain_is_marked_and_named_with_no_flare_up_to_record(w, qtbot):
    """Pain 7/10 from a fit player: no flare-up to propose (rules-spec.md section 9), but the
    cell is marked and the tooltip and the inspector say what to do."""
    panel = w.weekly.log_panel
    m = panel.model
    r = row_of(w, "A2")
    assert w.season.injuries_of("A2") == []
    assert panel.type_into(r, 2, "45 6 p7")
    assert m.data(m.index(r, 2)).startswith("⚠ ")
    assert "not in rehab: if it is an injury, record it" in m.data(m.index(r, 2),
                                                                   Qt.ItemDataRole.ToolTipRole)
    w.board.set_current("A2", day(9))
    assert "not in rehab" in w.inspector.cell_html()
    assert not w.weekly.flare_strip.isVisible()  # nothing to record as a flare-up
    assert w.board.pain_mark("A2", day(9))  # the board marks the cell (it did not)
    assert panel.type_into(r, 2, "45 6 p3")  # a low pain: nothing
    assert not m.data(m.index(r, 2)).startswith("⚠")
    assert not w.board.pain_mark("A2", day(9)) and w.board.past_mark("A2", day(9)) == "logged"


def test_a_returners_pain_just_below_the_flare_up_threshold_is_marked_with_what_to_do(w, qtbot):
    """Pain 4/10 from A1 in S1 (the protocol proposes a flare-up at 5/10): no flare-up to record,
    but the cell is marked ⚠ and its tooltip, the inspector and the board say the plan counts the
    session as done and what to do; 3/10 says nothing."""
    panel = w.weekly.log_panel
    m = panel.model
    r = row_of(w, "A1")
    assert panel.type_into(r, 2, "60 4 p4")
    assert m.data(m.index(r, 2)).startswith("⚠ ")
    tip = m.data(m.index(r, 2), Qt.ItemDataRole.ToolTipRole)
    assert ("⚠ Pain 4/10, just below the protocol's 5/10 for a flare-up: the plan counts the "
            "session as done; if it was not pain-free, hold the athlete at that level") in tip
    assert "not in rehab" not in tip and "proposes a flare-up" not in tip
    w.board.set_current("A1", day(9))
    assert "just below the protocol&#x27;s 5/10 for a flare-up" in w.inspector.cell_html()
    assert not w.weekly.flare_strip.isVisible()  # nothing proposed to record
    assert w.board.pain_mark("A1", day(9))
    assert w.season.injury_of("A1").flare_ups == ()
    assert panel.type_into(r, 2, "60 4 p3")  # below the band: nothing
    assert not m.data(m.index(r, 2)).startswith("⚠")
    assert not w.board.pain_mark("A1", day(9))


def test_import_sessions_says_a_pain_just_below_the_flare_up_threshold_once(w, tmp_path, dialogs):
    """Pain 4/10 from A1 in S1 (a flare-up at 5/10) was said by `periodize log` but not by the
    app's Import Sessions: the status bar says it with what to do, and a later import, which
    brings no such pain, does not say it again."""
    dialogs.answer = "yes"
    assert import_sessions(w, _csv(tmp_path, [f"A1,{day(9)},60,4,,,4,", f"A2,{day(9)},60,5,,,,"]))
    status = w.statusBar().currentMessage()
    assert ("1 athlete in rehab or just back logged pain just below the protocol's flare-up "
            "threshold (marked ⚠ in the Log): the plan counts the session as done; if it was not "
            "pain-free, hold the athlete") in status, status
    assert "not in rehab logged" not in status
    assert import_sessions(w, _csv(tmp_path, [f"A2,{day(10)},60,5,,,,"]))
    assert "just below" not in w.statusBar().currentMessage()


def test_move_today_says_a_pain_just_below_the_flare_up_threshold_the_log_brings(
        qtbot, in_week_3, tmp_path):
    """Move Today names a returner's pain one below the flare-up threshold that its log brings,
    where it names a fit player's pain; a pain logged before the move is not said again."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,4\n"
                                  f"A3,{day(16).isoformat()},60,5,\n")
    text = dlg.log_label.text()
    # in the stage the ticked changes give that day (S2, ticked as projected, from before it)
    ((row, s2),) = [(k, t) for k, t in enumerate(dlg.moves) if t.athlete == "A1"]
    assert s2.stage == "S2" and s2.date <= day(16) and dlg.is_accepted(row)
    assert (f"⚠ Pain: Athlete 1 (A1) logged pain 4/10 on {text_day_long(day(16))} in S2") in text, text
    assert "just below the protocol&#x27;s 5/10 for a flare-up" in text, text
    assert text.index("⚠ Pain: ") < text.index("Adds ") and not dlg.flare_boxes
    dlg.reject()
    w.weekly.shutdown()
    had = E.LogSessions(sessions=(Session(athlete="A1", date=day(9), minutes=60, rpe=4, pain=4),)
                        ).apply(in_week_3)
    w, dlg = _move_today_with_log(qtbot, had, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A3,{day(16).isoformat()},60,5,\n")
    assert "⚠ Pain" not in dlg.log_label.text()
    dlg.reject()
    w.weekly.shutdown()


def test_the_log_panel_fits_a_small_screen(qtbot, in_week_3):
    w = make_window(qtbot, in_week_3)
    w.resize(1280, 690)
    w.weekly.log_action.trigger()
    for _ in range(3):
        QApplication.processEvents()
    panel = w.weekly.log_panel
    assert w.docks["log"].isVisible() and panel.view.isVisible()
    assert panel.view.viewport().height() >= 4 * panel.view.verticalHeader().defaultSectionSize()
    for b in (panel.planned_button, panel.copy_down_button, panel.clear_button, panel.next_button):
        top_left = b.mapTo(w, b.rect().topLeft())
        assert w.rect().contains(top_left) and w.rect().contains(b.mapTo(w, b.rect().bottomRight()))
    assert w.board.viewport().height() >= 150  # the board still shows a good part of the squad


def test_dates_after_the_season_are_not_offered(qtbot, planned):
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(14))
    assert not dlg.today_field.set_text("2028-01-01")
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "New today" in dlg.error.text()
    assert w.season is planned


def test_move_today_never_summarises_a_date_the_coach_did_not_type(qtbot, planned):
    """Typing 31/11/2026 passes through 31/1 (a date): the summary said "to Sun 31 Jan 2027"
    while the field was red. An invalid text now replaces the summary with its reason."""
    from ui.desktop.advance import TABLE_HEIGHT

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(14))
    assert "Today moves from" in dlg.intro.text()
    typed = ""
    for ch in "31/11/2026":
        typed += ch
        dlg.today_field.line.setText(typed)
        dlg.today_field._typed(typed)  # as each key press does (textEdited)
    assert not dlg.today_field.is_valid()
    assert "Today moves from" not in dlg.intro.text() and "no day 31" in dlg.intro.text()
    assert not dlg.table.isVisible()
    assert dlg.today_field.set_text(day(14).strftime("%d/%m/%Y"))
    assert "Today moves from" in dlg.intro.text()
    assert dlg.moves and dlg.height() >= TABLE_HEIGHT  # a stage change to tick: its table
    dlg.reject()
    # nothing to tick (the move to week 2 projects no stage change): no half-empty dialog,
    # and a date that brings one makes room for its table
    dlg = w.weekly.move_today(day(7))
    assert not dlg.moves and dlg.height() < TABLE_HEIGHT
    assert dlg.today_field.set_text(day(14).strftime("%d/%m/%Y"))
    assert dlg.moves and dlg.height() >= TABLE_HEIGHT
    dlg.reject()


def test_move_today_with_a_date_out_of_the_season_says_nothing_stale_and_enter_moves_no_date(
        qtbot, planned):
    """A date after the last day allowed hid the table of stage changes, but beside Move Today
    "Nothing ticked for …" still named its athletes; and with the focus on Next week, Enter
    pressed it (the date a week on). The note follows the date shown, Move Today stays the
    default, greyed while the date is not one of the season, and Enter never presses Next week."""
    from PySide6.QtWidgets import QDialogButtonBox

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    dlg.choose_log = lambda: None  # Return on the import: no file dialog to wait on
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for i in range(len(dlg.moves)):
        dlg.set_accepted(i, False)
    assert "Nothing ticked for Athlete 1 (A1)" in dlg.unticked_note.text()
    assert not dlg.unticked_note.isHidden() and ok.isEnabled()

    last = dlg.today_field.maximumDate().toPython()
    typed = (last + dt.timedelta(days=30)).strftime("%d.%m.%Y")
    dlg.today_field.setFocus()
    dlg.today_field.line.selectAll()
    qtbot.keyClicks(dlg.today_field.line, typed)
    assert not dlg.today_field.is_valid() and not dlg.table.isVisible()
    assert dlg.unticked_note.text() == "" and dlg.unticked_note.isHidden()
    assert ok.isDefault() and not ok.isEnabled() and not dlg.import_button.isDefault()
    assert not dlg.next_week_button.autoDefault() and not dlg.next_week_button.isDefault()
    dlg.next_week_button.setFocus()
    qtbot.keyClick(dlg.next_week_button, Qt.Key.Key_Return)
    assert dlg.isVisible() and dlg.today_field.line.text() == typed  # no date moved on
    assert w.season is planned and w.undo_stack.count() == 0

    # the date back in the season: the table, its note and Move Today again
    assert dlg.today_field.set_text(day(21).isoformat())
    assert dlg.table.isVisible() and ok.isEnabled()
    assert "Nothing ticked for Athlete 1 (A1)" in dlg.unticked_note.text()
    dlg.next_week_button.setFocus()
    qtbot.keyClick(dlg.next_week_button, Qt.Key.Key_Return)
    assert dlg.today_field.value() == day(21)  # Enter went to the default, not to Next week
    assert w.season is planned
    dlg.reject()
    w.weekly.shutdown()


def test_a_replan_that_the_season_outran_is_offered_not_applied(w, qtbot):
    panel = w.weekly.log_panel
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        assert w.weekly.replan()
        assert w.weekly.job.is_running() and not w.weekly.replan()  # one at a time
        assert panel.type_into(0, 0, "75 6")  # the season changes while it runs
    changed = w.season
    assert done.args[0].plan is not None
    assert w.stale_result() is done.args[0] and w.banner.isVisibleTo(w)
    assert w.season is changed and w.undo_stack.count() == 1  # offered, not applied


def test_a_what_if_undone_while_a_replan_runs_leaves_its_plan_applied(w, qtbot):
    """A what-if scenario created, then Ctrl+R and Ctrl+Z at once (the undo step "New
    scenario …"): the banner said "The season changed while solving … Apply this plan
    anyway?", of a plan nothing had changed for (only the list of what-ifs). The re-plan is
    applied as usual."""
    assert w.apply_edit(E.AddScenario(name="Busy week", edits=()))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        assert w.weekly.replan()
        w.undo_action.trigger()  # the scenario undone while it runs
        assert w.season.scenarios == ()
    assert done.args[0].plan is not None
    assert w.stale_result() is None and not w.banner.isVisibleTo(w)
    assert "changed while solving" not in w.banner.label.text()
    assert w.statusBar().currentMessage().startswith("Re-planned from today."), \
        w.statusBar().currentMessage()
    assert w.season.scenarios == ()  # the what-if stays undone
    assert w.undo_stack.undoText() == "Re-plan from today"  # one undo step, as any re-plan


def test_a_replan_for_a_today_undone_meanwhile_is_not_offered_to_apply(qtbot, planned, dialogs):
    """Move Today, then Undo while its re-plan ran: the banner offered "Apply this plan
    anyway? … Undo takes it back", and Apply met "Change not made" with "plan.athletes[0].…"
    paths, a plan for a today that no longer is. The banner now says in words that the plan was
    made for the season as it was then and does not fit it, offers no Apply, and offers Solve
    Again, which solves the season as it is now."""
    w = make_window(qtbot, planned)
    original = w.season
    dlg = w.weekly.move_today(day(21))
    dlg.set_accepted(1, False)  # S2 did not happen, S1 a day later than planned: the re-plan
    assert dlg.set_date(0, day(9))  # remembers the stages planned for those days, before today
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        dlg.buttons.accepted.emit()
        assert w.season.calendar.today == day(21) and w.weekly.job.is_running()
        w.undo_action.trigger()  # Ctrl+Z while the re-plan runs
        assert w.season is original
    assert done.args[0].plan is not None and w.stale_result() is done.args[0]
    text = w.banner.label.text()
    assert text == ("The season changed while solving: the solver's plan was made for the "
                    "season as it was then (another today, squad or dates) and does not fit it "
                    "now, so it cannot be applied. Solve again (F5) for the season as it is now.")
    assert "plan." not in text and "[" not in text  # no schema path
    assert w.banner.isVisibleTo(w)
    assert not w.banner.apply_button.isVisibleTo(w) and w.banner.solve_button.isVisibleTo(w)
    assert w.apply_stale_result() is False  # a stale Apply (from before) says the same, no error
    assert w.season is original and dialogs == [] and w.banner.isVisibleTo(w)
    w.solve_time_limit = 20.0
    with qtbot.waitSignal(w.solve_finished, timeout=TIMEOUT):
        w.banner.solve_button.click()
        assert not w.banner.isVisibleTo(w) and w.stale_result() is None and w.is_solving()
    assert w.season.calendar.today == original.calendar.today and w.season.plan is not None
    assert dialogs == []
    w.weekly.shutdown()


def test_closing_during_move_todays_replan_asks_about_it(qtbot, planned, dialogs):
    """Closing the window while Move Today's re-plan ran dropped it without a word, as a
    solve's was: it asks "A re-plan from today is running", and Cancel keeps both."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        dlg.buttons.accepted.emit()
        assert w.weekly.job.is_running()
        dialogs.choices = ["cancel"]
        assert not w.close()
        assert [d[1] for d in dialogs] == ["Re-plan running"]
        assert dialogs[0][2].startswith("A re-plan from today is running (0 s so far). Quit and "
                                        "lose it?")
    assert w.isVisible() and w.season.calendar.today == day(21) and w.season.plan is not None
    w.weekly.shutdown()


def test_a_replan_from_today_after_a_rule_change_replans_under_the_new_rules(w, qtbot):
    """Re-plan from Today right after a rule edit re-plans the whole future (the stored plan was
    made under the old rules); once that plan is stored, a re-plan is the weekly one again."""
    assert w.document.rules_of_plan() == w.season.rules  # as opened
    assert w.apply_edit(E.SetRuleValue(rule="LD-1", param="weight", value=200.0))
    assert w.document.rules_of_plan() != w.season.rules
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        w.weekly.replan_action.trigger()
    out = done.args[0]
    assert out.plan is not None and "the rules changed" in out.message, out.message
    assert w.season.plan is not None and check_plan(w.season, w.season.plan).violations == ()
    assert w.document.rules_of_plan() == w.season.rules  # the new plan was made under them
    assert "the whole future was re-planned under them" in w.statusBar().currentMessage()
    w.document.undo_stack.undo()
    assert w.document.rules_of_plan() != w.season.rules  # the plan undone: the old one again



def test_a_move_today_after_a_rule_change_replans_under_the_new_rules_too(w, qtbot):
    """Move Today re-plans from the season before the move, whose rules are already the new
    ones: the plan's own rules (the undo history's) decide; a weight typed back to its default
    is no change at all."""
    from planner.edits import AdoptScenario, SetPlan
    from ui.desktop.document import _stores_plan

    assert _stores_plan(AdoptScenario(name="x")) and _stores_plan(SetPlan(plan=None))
    assert w.apply_edit(E.SetRuleValue(rule="LD-1", param="weight", value=0.0))  # the default
    assert w.document.rules_of_plan() != w.season.rules  # other settings, the same rules:
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        assert w.weekly.replan(w.season)  # as Move Today calls it
    assert "the rules changed" not in (done.args[0].message or "")  # ... a weekly re-plan
    assert w.apply_edit(E.SetRuleValue(rule="LD-1", param="weight", value=200.0))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        assert w.weekly.replan(w.season)
    assert "the rules changed" in done.args[0].message


def test_as_planned_leaves_the_days_after_a_painful_day_empty(w, qtbot):
    """A1 (rehab) logs pain 6 on Monday: a flare-up is proposed, and the plan after it may not
    hold, so As planned fills the other athletes' days but not A1's after the pain."""
    panel = w.weekly.log_panel
    r = row_of(w, "A1")
    assert panel.type_into(r, 0, "60 5 p6")
    others = row_of(w, "A2")
    panel.select([(rr, c) for rr in (r, others) for c in range(1, 6)])
    assert panel.fill_as_planned()
    assert all(logged(w, "A1", d) == [] for d in range(8, 13))
    assert sum(1 for d in range(8, 13) if logged(w, "A2", d)) >= 3
    said = panel.message.text()
    assert f"5 days after a pain left empty: Athlete 1 (A1) ⚑ {text_day(day(7))} (record it" in said, said


def test_as_planned_leaves_the_days_after_a_fit_players_listed_pain_empty(w, qtbot):
    """A fit player who pulled up with pain 6/10 (⚠: a possible injury, no flare-up to propose)
    had the next days filled as planned, the match played; they are left empty as after a
    flare-up's pain, and the status line names him and the pain's day."""
    from planner.progress import PainAlert, listed_pains

    panel = w.weekly.log_panel
    r, others = row_of(w, "A2"), row_of(w, "A3")
    assert panel.type_into(r, 0, "40 7 p6")
    assert [type(p) for p in listed_pains(w.season, "A2")] == [PainAlert]
    panel.select([(rr, c) for rr in (r, others) for c in range(1, 6)])
    assert panel.fill_as_planned()
    assert all(logged(w, "A2", d) == [] for d in range(8, 13))
    assert sum(1 for d in range(8, 13) if logged(w, "A3", d)) >= 3
    said = panel.message.text()
    assert f"5 days after a pain left empty: Athlete 2 (A2) ⚠ {text_day(day(7))} (" in said, said
    assert "Athlete 3" not in said


def test_as_planned_holds_only_the_week_after_a_pain(w, qtbot):
    """A pain that proposes a flare-up held the athlete's days empty for ever (weeks after the
    coach had judged it no flare-up): only the PAIN_LOOKBACK_DAYS after it are held now, the
    days in which Move Today offers it again. Two athletes' pains are named, grouped."""
    from planner.progress import PAIN_LOOKBACK_DAYS, flare_proposals

    assert PAIN_LOOKBACK_DAYS == 7
    pains = (Session(athlete="A1", date=day(3), minutes=60, rpe=5, pain=6),
             Session(athlete="A2", date=day(8), minutes=60, rpe=5, pain=6))
    assert w.apply_edit(E.LogSessions(sessions=pains, replace=((p.athlete, p.date) for p in pains)))
    assert [p.date for p in flare_proposals(w.season, "A1")] == [day(3)]
    panel = w.weekly.log_panel
    r1, r2 = row_of(w, "A1"), row_of(w, "A2")
    panel.select([(r, c) for r in (r1, r2) for c in range(7)])
    assert panel.fill_as_planned()
    assert all(not logged(w, "A1", d) for d in range(7, 11)) and logged(w, "A1", 11)  # 10 = 3 + 7
    assert logged(w, "A2", 7) and all(not logged(w, "A2", d) for d in range(9, 14))
    said = panel.message.text()
    assert (f"9 days after a pain left empty: Athlete 1 (A1) ⚑ {text_day(day(3))}; Athlete 2 (A2) ⚠ {text_day(day(8))} (") in said, said


def _move_today_with_log(qtbot, season: Season, tmp_path, csv_text: str):
    """A window on ``season`` with Move Today open and ``csv_text`` read as the week's log."""
    (tmp_path / "week.csv").write_text(csv_text)
    w = make_window(qtbot, season)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert dlg._read_log(str(tmp_path / "week.csv"))
    return w, dlg


def test_move_today_says_the_rows_already_logged_in_one_line(qtbot, in_week_3, tmp_path):
    """A whole season's export imported every week: Move Today's import note listed "Counted
    once: row N is already in the season" a line each (9 lines), and the flare-up to record and
    the Re-plan box went below the fold. They are one line now."""
    had = E.LogSessions(sessions=tuple(Session(athlete="A2", date=day(d), minutes=60, rpe=5)
                                       for d in (8, 9, 10))).apply(in_week_3)
    w, dlg = _move_today_with_log(qtbot, had, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  + "".join(f"A2,{day(d).isoformat()},60,5,\n" for d in (8, 9, 10))
                                  + f"A1,{day(16).isoformat()},50,4,6\n")
    try:
        text = dlg.log_label.text()
        assert "3 rows already in the season, counted once" in text, text
        assert "Counted once" not in text
        assert [b.text()[:22] for b, _p in dlg.flare_boxes] == ["⚑ Record the flare-up:"]
    finally:
        dlg.reject()
        w.weekly.shutdown()


def test_move_today_says_what_the_logs_pain_scores_propose_before_the_move(qtbot, in_week_3, tmp_path):
    """The week's log read in Move Today names the flare-up a rehab athlete's pain proposes and
    a fit athlete's pain, as the command line does, before anything changes."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,6\n"
                                  f"A2,{day(16).isoformat()},60,5,7\n"
                                  f"A3,{day(16).isoformat()},60,5,\n")
    text = dlg.log_label.text()
    assert "⚠ Pain: " in text and "Athlete 2 (A2)" in text, text
    assert text.index("⚠ Pain: ") < text.index("Adds ")  # above the summary, where it is seen
    (box, prop), = dlg.flare_boxes  # the proposal is a box to tick, unticked
    assert box.text().startswith("⚑ Record the flare-up: Athlete 1 (A1) logged pain 6/10")
    # what ticking it does, also for a player back to full training (rules-spec.md section 6)
    assert ("from that day the rehab goes back a stage (two when another flare-up came in the week "
            "before); a player back to full training goes back to the last stage of their injury's "
            "protocol; unticked, nothing changes") in box.toolTip()
    assert not box.isChecked() and (prop.athlete, prop.date) == ("A1", day(16))
    assert w.season is in_week_3  # nothing changed yet
    dlg.reject()


def test_a_flare_up_to_tick_wraps_in_a_laptop_sized_dialog(qtbot, in_week_3, tmp_path):
    """At 1280 x 720 a flare-up box's one-line text made the dialog's contents wider than the
    dialog: the sentence cut mid-word and 'Next week' half out of sight, with no sideways
    scroll to reach them."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,6\n")
    dlg.resize(700, 540)  # the words of a long name and pain in a 780-pixel dialog
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.wait(50)
    (box, _p), = dlg.flare_boxes
    assert box.text().startswith("⚑ Record the flare-up: Athlete 1 (A1) logged pain 6/10")
    body, view = dlg.scroll.widget(), dlg.scroll.viewport()
    assert body.width() <= view.width() and body.minimumSizeHint().width() <= view.width()
    # the words are all in sight: none runs past the right edge of what scrolls
    right = box.mapTo(body, box.rect().topRight()).x()
    assert right <= view.width()
    assert box.isVisibleTo(dlg)
    box.click_text()  # the words tick it, as a check box's own text does
    assert box.isChecked()
    dlg.reject()


def test_tab_reaches_a_flare_up_to_tick_and_space_ticks_it(qtbot, in_week_3, tmp_path, dialogs):
    """Tab went from the date cell to Import, Re-plan, Move Today and Cancel: the flare-up's box
    was never reached, so a coach on the keyboard could not tick it. Tab now walks every control
    top to bottom, round; Space on a row's date (Shift+Tab lands there) keeps the date."""
    from PySide6.QtWidgets import QDialogButtonBox

    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,6\n")
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    (box, _p), = dlg.flare_boxes
    qtbot.waitUntil(box.isVisible)  # (a box added to a dialog shown shows once events run)
    cell = dlg.date_fields[0]
    ok, cancel = (dlg.buttons.button(b) for b in (QDialogButtonBox.StandardButton.Ok,
                                                  QDialogButtonBox.StandardButton.Cancel))
    walk = [cell.line, dlg.import_button, dlg.leave_out_button, box, dlg.replan_box, ok, cancel,
            dlg.today_field.line, dlg.next_week_button, dlg.table, cell.line]
    cell.line.setFocus()
    for want in walk[1:]:
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
        assert dlg.focusWidget() is want, dlg.focusWidget()
    for want in reversed(walk[1:-1]):  # Shift+Tab the same way back
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Backtab,
                       Qt.KeyboardModifier.ShiftModifier)
        assert dlg.focusWidget() is want, dlg.focusWidget()
    assert dlg.focusWidget() is dlg.import_button
    for _ in range(2):  # Import, Leave the sessions out, the box: as a coach goes
        qtbot.keyClick(dlg.focusWidget(), Qt.Key.Key_Tab)
    assert dlg.focusWidget() is box
    assert box.label.autoFillBackground()  # its focus shown on its words, highlighted
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert not box.label.autoFillBackground()
    # Shift+Tab from the Import button lands on the row's date, Tab having selected it
    dlg.import_button.setFocus()
    qtbot.keyClick(dlg.import_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert dlg.focusWidget() is cell.line
    shown = cell.text()
    qtbot.keyClick(cell.line, Qt.Key.Key_Space)
    assert cell.is_valid() and cell.text() == shown
    dialogs.answer = "discard"  # (a tick set: Cancel asks)
    dlg.reject()
    w.weekly.shutdown()


def test_move_today_names_who_has_nothing_logged_after_an_import(qtbot, in_week_3, tmp_path):
    """After the week's import Move Today said "6 of the 24 athlete-days ... have nothing
    logged" and named nobody: a player missing the whole week went unnamed. He is named now, as
    the command line's load lines name an athlete's days."""
    tl = Timeline(in_week_3)
    days = [tl.days[d] for d in range(tl.n) if in_week_3.calendar.today <= tl.days[d] < day(21)
            and (tl.is_training[d] or tl.is_comp[d])]
    rows = "".join(f"{a},{d.isoformat()},60,5,\n" for a in ("A1", "A2", "A3") for d in days
                   if (a, d) != ("A3", days[0]))
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  + rows)
    try:
        text = html.unescape(dlg.intro.text())
        assert "have nothing logged" in text, text
        # A4's match of the week counts as played, as the plan has it: said, and how to log
        # that it was not, once (the line read as if the match were nothing)
        from planner.unlogged import MATCH_NOT_PLAYED

        match = next(d for d in days if d.weekday() == 5)
        assert (f"<br>Athlete 4 (A4): nothing logged on any of the {len(days)} days, the match of "
                f"{text_day_long(match)} ('Match 3') counted as played, as planned; "
                f"Athlete 3 (A3): nothing logged on {text_day_long(days[0])}. "
                f"{MATCH_NOT_PLAYED}") in text, text
    finally:
        dlg.reject()
        w.weekly.shutdown()


def test_move_today_says_what_to_do_about_several_pains_once(qtbot, in_week_3, tmp_path):
    """Each fit athlete's pain on its own line, what to do about them once below (the long
    instruction repeated on every line)."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A2,{day(16).isoformat()},60,5,7\n"
                                  f"A3,{day(16).isoformat()},60,5,6\n")
    text = dlg.log_label.text()
    assert text.count("⚠ Pain: ") == 2 and "Athlete 2 (A2) logged pain 7/10" in text
    assert "Athlete 3 (A3) logged pain 6/10" in text
    assert text.count("record it (Season ▸ Injuries") == 1
    assert "If one is an injury, record it" in text
    dlg.reject()


def test_move_today_keeps_days_already_logged_and_says_so(qtbot, in_week_3, tmp_path):
    """The week's log has other sessions on a day the Log panel already holds: Move Today keeps
    what is logged (nothing counts twice, nothing is lost) and says where to replace it."""
    s = E.LogSessions(sessions=(Session(athlete="A2", date=day(13), minutes=60, rpe=5),)).apply(in_week_3)
    _w, dlg = _move_today_with_log(qtbot, s, tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                                   f"A2,{day(13).isoformat()},90,8\nA3,{day(13).isoformat()},60,5\n")
    text = dlg.log_label.text()
    assert "1 athlete-day of the log already has other sessions logged: kept as logged" in text
    assert [x.athlete for x in dlg.log_result.sessions] == ["A3"]
    dlg.reject()


def test_move_today_records_a_ticked_flare_up_with_the_move_in_one_undo_step(qtbot, in_week_3, tmp_path):
    """Ticked, the proposed flare-up is recorded with the move and the log: one undo step. The
    athlete's projected stage change from that day on is unticked (the flare-up sends the athlete
    back); ticking it again is refused with the reason."""
    w = make_window(qtbot, in_week_3)
    steps = w.undo_stack.count()
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    (i,) = [i for i, t in enumerate(dlg.moves) if t.athlete == "A1"]  # A1's projected S2
    assert dlg.is_accepted(i)
    pain_day = dlg.date_fields[i].value()
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain,Note\n"
                                       f"A1,{pain_day.isoformat()},50,4,6,hip sore\n")
    assert not dlg.table.item(i, 1).text().endswith("⚠ after a pain")
    assert dlg._read_log(str(tmp_path / "week.csv"))
    # the change on the pain's day is marked (the plan did not know of the pain), still ticked
    (i,) = [i for i, t in enumerate(dlg.moves) if t.athlete == "A1"]
    assert dlg.table.item(i, 1).text().endswith("⚠ after a pain") and dlg.is_accepted(i)
    assert "A pain of 6/10 logged on" in dlg.table.item(i, 1).toolTip()
    (box, _prop), = dlg.flare_boxes
    box.setChecked(True)
    assert not dlg.is_accepted(i)
    assert dlg.flare_note.isVisibleTo(dlg) and "the flare-up sends the athlete back" in dlg.flare_note.text()
    # the row says where the athlete goes, not "stays in S1" (the flare-up sends A1 back)
    assert dlg.table.item(i, 3).text().startswith("not done: the flare-up of ")
    assert dlg.table.item(i, 3).text().endswith("sends the athlete back a stage")
    dlg.set_accepted(i, True)
    assert any("comes after the flare-up" in p for p in dlg.problems())
    dlg.set_accepted(i, False)
    dlg.buttons.accepted.emit()
    assert pain_day in w.season.injury_of("A1").flare_ups
    assert any(x.athlete == "A1" and x.date == pain_day for x in w.season.sessions)
    assert w.undo_stack.count() == steps + 1 and "1 flare-up recorded" in w.undo_stack.undoText()
    # the coach's words on the session go with it into the injury history
    assert w.season.injury_of("A1").flare_notes == {pain_day: "pain 6/10 logged: hip sore"}
    # a pain within 28 days of a return proposes one too: the line says what it does to him
    assert ("1 flare-up recorded (Athlete 1 (A1): back a stage, or to the protocol's last stage "
            "when back to full training)") in w.statusBar().currentMessage()
    w.undo_action.trigger()
    assert w.season.injury_of("A1").flare_ups == in_week_3.injury_of("A1").flare_ups


def test_move_today_keeps_the_ticks_and_the_log_when_today_changes(qtbot, in_week_3, tmp_path):
    """A ticked flare-up stays ticked when the new today changes (its effect too), unticking it
    ticks the stage change back, the log's rows after another today are left out and said, and
    a log that cannot be read is said, and refused on OK, instead of dropped."""
    w = make_window(qtbot, in_week_3)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    (i,) = [i for i, t in enumerate(dlg.moves) if t.athlete == "A1"]
    pain_day = dlg.date_fields[i].value()
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                                       f"A1,{pain_day.isoformat()},50,4,6\n")
    assert dlg._read_log(str(tmp_path / "week.csv"))
    dlg.flare_boxes[0][0].setChecked(True)
    assert not dlg.is_accepted(i)
    dlg.set_today(dlg.today() + dt.timedelta(days=1))  # the table and the log are read again
    (box, _p), = dlg.flare_boxes
    assert box.isChecked() and not dlg.is_accepted(i) and len(dlg.flare_ups()) == 1
    box.setChecked(False)  # unticked: the stage change is ticked back, the note goes
    assert dlg.is_accepted(i) and not dlg.flare_note.isVisibleTo(dlg)
    # the logged day is after this today (not the old today: OK would say that first): left
    # out and said, not refused; a later today takes it again
    dlg.set_today(dlg.old_today - dt.timedelta(days=1))
    assert dlg.error.text() == "" and dlg.problems() == [] and not dlg.flare_boxes
    assert dlg.log_result.sessions == [] and dlg.log_result.later == 1
    assert "Left out: 1 row dated after today" in dlg.log_label.text()
    dlg.set_today(pain_day + dt.timedelta(days=2))  # read again
    assert dlg.log_path is not None and dlg.problems() == [] and dlg.error.text() == ""
    assert len(dlg.log_result.sessions) == 1 and dlg.log_result.later == 0
    # a log that cannot be read: said, and OK refuses it
    (tmp_path / "bad.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                                      f"A1,{pain_day.isoformat()},50,14,6\n")
    assert not dlg.read_log_file(str(tmp_path / "bad.csv"))
    assert "were not read" in dlg.error.text() and f"row 2 (A1, {pain_day.isoformat()}), RPE" in \
        dlg.error.text()
    (said,) = [p for p in dlg.problems() if "were not read for" in p]
    assert said.endswith(". Choose another new today, import the sessions again, or leave them out.")
    assert dlg.problems()  # OK refuses: the log is not dropped behind the coach's back
    # ... unless the coach leaves it out: then the move goes on without it
    assert dlg.leave_out_button.isVisibleTo(dlg)
    dlg.leave_out_button.click()
    assert not any("were not read" in p for p in dlg.problems()) and dlg.error.text() == ""
    assert dlg.log_source is None and not dlg.leave_out_button.isVisibleTo(dlg)
    dlg.reject()


def test_a_ticked_flare_up_says_it_undoes_the_stage_change_recorded_that_day(qtbot, in_week_3, tmp_path):
    """A1's S1 is recorded on day 7; pain on day 7 proposes a flare-up: ticked, the dialog says it
    undoes that recorded move, and so does the undo step."""
    s1 = next(r.start for r in in_week_3.injury_of("A1").stages if r.stage == "S1")
    w = make_window(qtbot, in_week_3)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                                       f"A1,{s1.isoformat()},50,4,6\n")
    assert dlg._read_log(str(tmp_path / "week.csv"))
    dlg.flare_boxes[0][0].setChecked(True)
    assert "undoes the move to S1 recorded for that day" in dlg.flare_note.text()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert "undoes the move to S1 recorded for that day" in w.undo_stack.undoText()
    assert all(r.stage != "S1" for r in w.season.injury_of("A1").stages)


def test_the_inspector_names_the_stage_a_flare_up_moved_the_athlete_back_to(qtbot, in_week_3):
    s = E.RecordFlareUp(athlete="A1", date=day(9)).apply(in_week_3)  # in S1 since day 7
    w = make_window(qtbot, s)
    w.board.set_current("A1", day(10))
    html = w.inspector.cell_html()
    assert "recorded P3 since" in html and "(flare-up)" in html, html


def test_a_day_away_reads_away_in_the_log_not_rest(qtbot, in_week_3):
    from planner.season import Unavailability

    s = E.AddUnavailability(unavailability=Unavailability(
        athlete="A2", start=day(14), end=day(16), reason="international duty")).apply(in_week_3)
    w = make_window(qtbot, s)
    m = w.weekly.log_panel.model
    assert m.planned_text("A2", Timeline(s).index(day(15))) == "(away)"
    assert m.planned_text("A3", Timeline(s).index(day(15))) != "(away)"


def test_the_log_panel_opens_after_a_move_only_when_the_week_is_still_to_log(qtbot, in_week_3, tmp_path):
    """It opened after every move, also one that imported the week, and took half the board at
    1280 x 720 each time the coach had closed it."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE\n"
                                  f"A2,{day(16).isoformat()},60,5\n")
    w.weekly.dock.hide()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today != in_week_3.calendar.today and w.weekly.dock.isHidden()
    w.weekly.new_week_action.trigger()  # the next week, moved without its log: to log
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert not w.weekly.dock.isHidden()


def test_a_log_panel_the_coach_closed_stays_closed_at_the_next_move(qtbot, in_week_3):
    """The first move of a session opens the Log on the week just lived (where it is logged);
    it came back after every later move too, though the coach had closed it, and left the board
    ten rows at 1280 x 720. Closed, it stays closed, and the status bar says where it is."""
    w = make_window(qtbot, in_week_3)
    log = w.docks["log"]
    assert log.isHidden()

    def move(replan: bool = False):
        w.weekly.new_week_action.trigger()
        dlg = w.weekly.dialog
        dlg.replan_box.setChecked(replan)
        dlg.buttons.accepted.emit()

    move()
    assert not log.isHidden() and w.season.calendar.today == day(21)
    assert "Log Sessions" not in w.statusBar().currentMessage()
    log.close()  # the coach closes it (its title bar's ✕)
    move()
    assert log.isHidden() and w.season.calendar.today == day(28)
    assert "Season ▸ Log Sessions (Ctrl+L) to log the week" in w.statusBar().currentMessage()
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        move(replan=True)  # the re-plan's message replaces the move's: it says it too
    assert log.isHidden() and w.season.calendar.today == day(35)
    said = w.statusBar().currentMessage()
    assert "Re-planned from today" in said and "Log Sessions (Ctrl+L) to log the week" in said
    w.weekly.log_action.trigger()  # opened again, it stays open at the next move
    move()
    assert not log.isHidden() and "Log Sessions" not in w.statusBar().currentMessage()
    w.weekly.shutdown()


def test_the_log_a_move_opens_leaves_the_board_its_rows(qtbot, in_week_3):
    """The Log the first move opens (the week just lived, to log) took half the window: the
    board showed 11 of 24 rows at 1280 x 720. Opened unasked it takes what its bar, a few rows
    and its message line need, the board keeps nearly half the window; Ctrl+L still opens it taller."""
    from PySide6.QtWidgets import QApplication

    w = make_window(qtbot, in_week_3)
    w.resize(1280, 690)
    qtbot.waitExposed(w)
    log = w.docks["log"]
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    for _ in range(3):
        QApplication.processEvents()
    assert not log.isHidden()
    unasked = log.height()  # its week bar, a few rows and its message line: no more
    assert log.widget().verticalScrollBar().maximum() == 0  # nothing scrolled out of view
    # 0.41 of it with the Log at half the window; the rows a whole Log bar takes from it
    assert w.board.height() >= 0.45 * w.height(), w.board.height()
    log.close()
    w.weekly.log_action.trigger()  # asked for: the taller panel, as before
    for _ in range(3):
        QApplication.processEvents()
    assert log.height() >= 240 and log.height() > unasked
    w.weekly.shutdown()


def test_a_log_panel_opened_and_closed_before_any_move_stays_closed(qtbot, in_week_3):
    """Opened with Ctrl+L and closed before the session's first move, the Log came back with
    that move."""
    w = make_window(qtbot, in_week_3)
    log = w.docks["log"]
    w.weekly.log_action.trigger()
    assert not log.isHidden()
    log.close()
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert log.isHidden() and w.season.calendar.today == day(21)
    assert "Season ▸ Log Sessions (Ctrl+L) to log the week" in w.statusBar().currentMessage()
    w.weekly.shutdown()


class _Said(tuple):
    window = None


def _moved_with_log_saying(qtbot, season, tmp_path, dialogs, title: str, csv_text: str) -> _Said:
    """Move Today with ``csv_text`` as the week's log, moved without a re-plan; the one message
    titled ``title`` said after it (kind, title, text; ``.window`` the window)."""
    w, dlg = _move_today_with_log(qtbot, season, tmp_path, csv_text)
    w.interaction = dialogs
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    (said,) = [d for d in dialogs if d[0] == "inform" and d[1] == title]
    out = _Said(said)
    out.window = w
    return out


def test_the_warning_after_a_move_does_not_hold_up_the_replan(qtbot, in_week_3, tmp_path, dialogs):
    """The "logged while in rehab" message came before the re-plan started, so the coach clicked
    through it before the plan (or the no-plan explanation) came: the re-plan starts first."""
    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path,
                                  "Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                  f"A1,{day(19).isoformat()},75,7,70\n")
    w.interaction = dialogs
    running = []
    inform = dialogs.inform

    def noted(*args, **kw):
        running.append(w.weekly.job.is_running() or w.is_solving())
        return inform(*args, **kw)

    dialogs.inform = noted
    assert dlg.replan_box.isChecked()
    dlg.buttons.accepted.emit()
    assert running == [True]  # said while the re-plan runs
    qtbot.waitUntil(lambda: not w.weekly.job.is_running() and not w.is_solving(), timeout=60_000)


def test_a_match_logged_on_a_day_recorded_away_is_said_after_the_move(qtbot, in_week_3, tmp_path, dialogs):
    """Sam Okafor, away by the records, logged 90 minutes played: accepted without a word, and
    the Inspector read "Unavailable: yes" beside "played 90 min"."""
    from planner.season import Unavailability

    away = in_week_3.model_copy(update={"unavailability": in_week_3.unavailability + (
        Unavailability(athlete="A2", start=day(18), end=day(20), reason="family"),)})
    said = _moved_with_log_saying(qtbot, away, tmp_path, dialogs, "Matches logged while away",
                                  "Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                  f"A2,{day(19).isoformat()},95,8,90\n"
                                  f"A3,{day(19).isoformat()},95,8,90\n")
    assert ("Athlete 2 (A2) logged minutes played on 1 competition day from Sat 23 Jan 2027 "
            "recorded as away: if the athlete played, shorten the absence (Season ▸ Squad, "
            "Unavailable)") in said[2]
    assert "Athlete 3" not in said[2]


def test_matches_logged_while_recorded_in_rehab_are_said_after_the_move(qtbot, in_week_3, tmp_path, dialogs):
    """The log has Athlete 1 playing 70 minutes on Saturday while the records hold a rehab stage
    (the return not recorded): the plan silently kept the athlete in rehab on that day."""
    said = _moved_with_log_saying(qtbot, in_week_3, tmp_path, dialogs, "Matches logged while in rehab",
                                  "Athlete ID,Date,Minutes,RPE,Minutes played\n"
                                  f"A1,{day(19).isoformat()},75,7,70\n"
                                  f"A2,{day(19).isoformat()},95,8,90\n")
    assert "Athlete 1 (A1) logged minutes played in 1 competition from Sat" in said[2]
    assert "by the injury's records: if the athlete was back, record the stage changes" in said[2]
    assert "Season ▸ Injuries" in said[2] and "--accept" not in said[2]  # the app's words
    assert "Athlete 2" not in said[2]  # fit: nothing to say


def test_a_move_without_re_plan_says_the_board_keeps_the_projection(qtbot, in_week_3):
    """Unticked changes and no re-plan: the board still showed the projected stages on the days
    just lived, without a word, beside the records that say otherwise."""
    w = make_window(qtbot, in_week_3)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert dlg.moves, "the plan projects a stage change in the week"
    for i in range(len(dlg.moves)):
        dlg.set_accepted(i, False)
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    status = w.statusBar().currentMessage()
    assert "not done" in status and "the board shows the plan's projected stages until you re-plan" in status


def test_a_stage_ticked_shorter_than_its_minimum_is_said(qtbot, planned):
    """S1 on day 8 and S2 the day after were recorded without a word: S1 lasted one day of its
    seven. It is recorded as the coach says (history), and the row says it."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    assert [t.stage for t in dlg.moves][:2] == ["S1", "S2"]
    assert dlg.table.item(1, 3).text() == "happened: recorded on this day"
    assert dlg.set_date(1, day(9))
    assert dlg.table.item(1, 3).text() == "happened: recorded on this day (S1 lasted 1 day; its minimum is 7)"
    dlg.reject()
    w.weekly.shutdown()


def _s1_s2_and_a_flare_up_on_s2(qtbot, planned, tmp_path):
    """Move Today to day 21 (A1's projected S1 and S2 ticked) with a log whose pain on S2's day
    proposes a flare-up: (dialog, S1's row, S2's row, the flare-up's box, unticked)."""
    w = make_window(qtbot, planned)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.set_today(day(21))
    rows = [i for i, t in enumerate(dlg.moves) if t.athlete == "A1"]
    assert [dlg.moves[i].stage for i in rows] == ["S1", "S2"]
    s1, s2 = rows
    assert dlg.is_accepted(s1) and dlg.is_accepted(s2)
    pain_day = dlg.date_fields[s2].value()
    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                                       f"A1,{pain_day.isoformat()},50,4,6\n")
    assert dlg._read_log(str(tmp_path / "week.csv"))
    (box, _p), = dlg.flare_boxes
    return dlg, s1, s2, box


def test_unticking_a_flare_up_gives_back_no_row_the_coach_has_changed_since(qtbot, planned, tmp_path):
    """Ticked, a flare-up unticks the later stage change; the coach then unticks the earlier
    one. Unticked again, the flare-up re-ticked the later change, and with it the earlier one
    the coach had unticked. The rows of an athlete the coach has changed since are the coach's."""
    dlg, s1, s2, box = _s1_s2_and_a_flare_up_on_s2(qtbot, planned, tmp_path)
    box.setChecked(True)
    assert dlg.is_accepted(s1) and not dlg.is_accepted(s2)
    dlg.set_accepted(s1, False)  # the coach: S1 did not happen either
    box.setChecked(False)
    assert not dlg.is_accepted(s1) and not dlg.is_accepted(s2)
    # untouched, the rows come back (the flare-up only undoes what it did)
    dlg.set_accepted(s1, True)
    dlg.set_accepted(s2, True)
    box.setChecked(True)
    assert not dlg.is_accepted(s2)
    box.setChecked(False)
    assert dlg.is_accepted(s1) and dlg.is_accepted(s2)
    dlg.reject()


def test_a_flare_up_box_stays_under_the_pointer_when_ticked(qtbot, in_week_3, tmp_path):
    """Ticking the box showed a note below it that pushed it about 20 px up: a second click at
    the same place landed on the note and did nothing."""
    from PySide6.QtCore import QPoint

    w, dlg = _move_today_with_log(qtbot, in_week_3, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(12).isoformat()},50,4,6\n")
    dlg.show()
    qtbot.waitExposed(dlg)
    (box, _p), = dlg.flare_boxes
    qtbot.wait(50)
    where = box.mapTo(dlg, QPoint(0, 0))
    assert where.y() > dlg.table.geometry().bottom()
    box.setChecked(True)
    qtbot.wait(50)
    assert dlg.flare_note.isVisible() and dlg.flare_note.text()
    assert box.mapTo(dlg, QPoint(0, 0)) == where
    dlg.reject()


def test_ticking_rows_and_a_flare_up_moves_no_box_and_the_foot_note_shows_whole(qtbot, planned,
                                                                                 tmp_path):
    """At 1366 x 768 a tick showed "A stage change needs the ones before it ..." above the
    import button and the flare-up's box (pushed down 34 px: the next click, aimed at the box,
    landed on the text); ticking the box took that note away and added its own (up 14 px). The
    notes now show below the boxes in the room left there, and the note on what stays unticked
    sits beside Move Today, not cut at the scrolled body's foot."""
    from PySide6.QtCore import QPoint

    (tmp_path / "week.csv").write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                                       f"A1,{day(13).isoformat()},50,4,6\n")
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(21))
    assert dlg._read_log(str(tmp_path / "week.csv"))
    dlg.resize(780, 600)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.wait(50)
    assert [m.stage for m in dlg.moves] == ["S1", "S2"]
    (box, _p), = dlg.flare_boxes

    def places():
        return (box.mapTo(dlg, QPoint(0, 0)), dlg.import_button.mapTo(dlg, QPoint(0, 0)),
                dlg.replan_box.mapTo(dlg, QPoint(0, 0)))

    before = places()
    dlg.set_accepted(0, False)  # S1 unticked: S2 unticked with it, a note says so
    qtbot.wait(50)
    assert dlg.rule_note.isVisible() and "needs the ones before it" in dlg.rule_note.text()
    assert places() == before
    dlg.set_accepted(1, True)  # S2 ticked: S1 with it, another note
    qtbot.wait(50)
    assert places() == before
    box.setChecked(True)  # the flare-up unticks S2: the rows' note goes, the flare-up's comes
    qtbot.wait(50)
    assert dlg.flare_note.isVisible() and "flare-up sends the athlete back" in dlg.flare_note.text()
    assert places() == before
    assert dlg.rule_note.mapTo(dlg, QPoint(0, 0)).y() > before[2].y()  # below the boxes
    box.setChecked(False)
    dlg.set_accepted(0, False)
    qtbot.wait(50)
    assert places() == before
    note = dlg.unticked_note  # the foot note: whole, in sight above the buttons
    assert note.isVisible() and "Nothing ticked" in note.text()
    top = note.mapTo(dlg, QPoint(0, 0)).y()
    assert top + note.heightForWidth(note.width()) <= dlg.buttons.mapTo(dlg, QPoint(0, 0)).y()
    assert note.height() >= note.heightForWidth(note.width())
    dlg.reject()
    w.weekly.shutdown()


def test_the_inspector_names_the_stage_a_planned_flare_up_moves_back_from(qtbot):
    """A what-if flare-up after a projected stage change: the plan moves the athlete back from
    the projected stage (S2 -> S1) while the inspector's injury line read the records alone
    ("recorded P2 since ... (flare-up)", back from the last recorded P3)."""
    s = season(weeks=12, athletes=2, injuries=(_passed_p3(),))
    s = E.RecordFlareUp(athlete="A1", date=day(16)).apply(s)
    out = solve(SolveRequest(s, time_limit=30))
    assert not check_plan(s, out.plan).violations
    s = s.model_copy(update={"plan": out.plan})
    ap = out.plan.for_athlete("A1")
    was, now = ap.stages[15], ap.stages[16]
    assert was in ("S1", "S2") and now != "P2"  # back from a projected stage, not from P3
    w = make_window(qtbot, s)
    w.board.set_current("A1", day(17))
    html = w.inspector.cell_html()
    assert f"{now} since" in html and f"back from the {was} planned the day before" in html, html
    assert "recorded P2" not in html
    w.board.set_current("A1", day(12))  # a day before the flare-up: the stage it will be in, "from"
    html = w.inspector.cell_html()
    assert f"{now} from " in html and f"{now} since" not in html, html


def test_a_row_the_coach_unticked_and_ticked_back_is_not_one_the_flare_up_gives_back(qtbot, planned, tmp_path):
    """Only the rows a click changed are the coach's: S1 unticked and ticked again (S2, which the
    flare-up had unticked, was already unticked and untouched) leaves S2 for the flare-up to give
    back when it is unticked."""
    dlg, s1, s2, box = _s1_s2_and_a_flare_up_on_s2(qtbot, planned, tmp_path)
    box.setChecked(True)
    assert not dlg.is_accepted(s2)
    dlg.set_accepted(s1, False)
    dlg.set_accepted(s1, True)
    assert dlg.is_accepted(s1) and not dlg.is_accepted(s2)
    box.setChecked(False)
    assert dlg.is_accepted(s1) and dlg.is_accepted(s2)
    dlg.reject()


def test_ticking_a_row_in_move_today_moves_no_row(qtbot, planned):
    """A tick changed a row's last column ("not done: stays in P3 power and dynamic hip
    control" to "happened: recorded on this day"), the row's height with it, and every row
    below moved: the coach's next click landed on another row."""
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    dlg.show()
    dlg.table.setColumnWidth(3, 120)  # narrow: one of the texts wraps
    dlg._refresh_status()
    before = [(dlg.table.rowViewportPosition(i), dlg.table.rowHeight(i)) for i in range(2)]
    for on in (True, False, True):
        dlg.set_accepted(0, on)
        assert [(dlg.table.rowViewportPosition(i), dlg.table.rowHeight(i))
                for i in range(2)] == before
    dlg.reject()
    w.weekly.shutdown()


def test_move_todays_buttons_are_on_a_1366_x_768_screen_at_150_percent(qtbot, planned, monkeypatch):
    """At 150 % on a 1366 x 768 screen (910 x 512) Move Today opened 780 x 540, Move Today and
    Cancel below the screen's foot: the dialog now fits the screen, its text scrolling above
    the buttons, which stay in sight with the note beside them."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QDialogButtonBox

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 910, 512))
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    qtbot.waitExposed(dlg)
    for _ in range(3):
        QApplication.processEvents()
    assert dlg.table.rowCount() > 0 and dlg.unticked_note.isVisible()
    screen = QRect(0, 0, 910, 512)
    assert screen.contains(dlg.frameGeometry()), dlg.frameGeometry()
    for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
        button = dlg.buttons.button(b)
        assert button.isVisible()
        where = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        assert screen.contains(where), (button.text(), where)
    note = dlg.unticked_note
    assert screen.contains(QRect(note.mapToGlobal(QPoint(0, 0)), note.size()))
    assert "Nothing ticked for" in note.text()
    dlg.reject()
    w.weekly.shutdown()


def test_move_today_offers_a_flare_up_for_pain_logged_already(qtbot, in_week_3):
    """Pain 6/10 logged in the log panel (before today): the inspector offered the flare-up, but
    Move Today, where the coach records what happened, did not. It is offered unticked, and
    recorded with the move (one undo step) when ticked, without a log file."""
    pain_day = day(12)  # A1 is in S1 (recorded on day 7); today is day 14
    s = E.LogSessions(sessions=(Session(athlete="A1", date=pain_day, minutes=50, rpe=4, pain=6),
                                Session(athlete="A1", date=day(2), minutes=50, rpe=4, pain=7))
                      ).apply(in_week_3)
    w = make_window(qtbot, s)
    steps = w.undo_stack.count()
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    # day 12 is offered; day 2 (a fortnight before today) was the coach's to record then
    assert [(p.athlete, p.date) for _b, p in dlg.flare_boxes] == [("A1", pain_day)]
    box, _p = dlg.flare_boxes[0]
    assert not box.isChecked() and "pain 6/10" in box.text()
    box.setChecked(True)
    dlg.buttons.accepted.emit()
    assert pain_day in w.season.injury_of("A1").flare_ups
    assert w.undo_stack.count() == steps + 1 and "1 flare-up recorded" in w.undo_stack.undoText()


def test_a_replan_that_moves_the_team_s_weeks_says_so_in_the_status_bar(qtbot, planned,
                                                                        monkeypatch):
    """A flare-up recorded, then Re-plan from Today: the squad's deload week moved a week on and
    the status bar named only the returns. The team's weeks the re-plan moved
    (planner.progress.team_weeks_changed, from the plan before and after) are said."""
    import ui.desktop.weekly as weekly

    seen = []

    def moved(before, after):
        seen.append((before.plan, after.plan))
        return ["Team: deload week moved from Mon 11 Jan to Mon 18 Jan."]

    monkeypatch.setattr(weekly, "team_weeks_changed", moved)
    w = make_window(qtbot, planned)
    assert w.apply_edit(E.AdvanceToday(today=day(7), accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
        for t in projected_transitions(planned, day(7)))))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan(before=planned)
    assert seen == [(planned.plan, w.season.plan)]
    text = w.statusBar().currentMessage()
    assert "Team: deload week moved from Mon 11 Jan to Mon 18 Jan." in text, text
    w.weekly.shutdown()


def test_a_replan_that_moves_a_return_says_so_in_the_status_bar(qtbot, planned):
    """The command line lists the returns a re-plan moved; the app said only how many
    athlete-days changed."""
    from planner.progress import returns_moved

    ap = planned.plan.for_athlete("A1")
    slow = tuple(Session(athlete="A1", date=day(i), minutes=45, rpe=4, top_speed_pct=ap.intensity[i] - 1)
                 for i in range(7) if ap.intensity[i] >= 60)
    done = tuple(E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
                 for t in projected_transitions(planned, day(7)))
    w = make_window(qtbot, planned)
    assert w.apply_edit(E.AdvanceToday(today=day(7), accepted=done))
    assert w.apply_edit(E.LogSessions(sessions=slow))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan(before=planned)
    moved = returns_moved(planned, w.season)
    assert moved, "the slow week should move Athlete 1's return"
    text = w.statusBar().currentMessage()
    # the returns first: at the end they were cut off at 1366 px
    assert text.startswith("Re-planned from today. Returns moved: " + moved[1].strip()), text
    # the undo step says what the coach did ("Accept the plan (the best possible)" did not)
    assert w.undo_stack.undoText() == "Re-plan from today"
    w.weekly.shutdown()


def test_a_replan_names_the_days_it_changed_and_plan_check_lists_them_all(qtbot, planned):
    """After a re-plan the status bar said only "2 athlete-days changed from the stored plan",
    never which. It names the first few; Plan Check lists every one, from and to, until the
    plan is another (here: the re-plan undone)."""
    from ui.desktop.panels import REPLANNED_MARK

    ap = planned.plan.for_athlete("A1")
    slow = tuple(Session(athlete="A1", date=day(i), minutes=45, rpe=4, top_speed_pct=ap.intensity[i] - 1)
                 for i in range(7) if ap.intensity[i] >= 60)
    w = make_window(qtbot, planned)
    assert w.apply_edit(E.AdvanceToday(today=day(7), accepted=tuple(
        E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
        for t in projected_transitions(planned, day(7)))))
    assert w.apply_edit(E.LogSessions(sessions=slow))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan(before=planned)
    old, new = planned.plan, w.season.plan
    tl = Timeline(w.season)
    # the days changed, read from the two plans' stages and levels
    expected = [(a.athlete, d) for a in new.athletes for d in range(tl.p0, tl.n)
                if (a.stages[d], a.intensity[d]) != (old.for_athlete(a.athlete).stages[d],
                                                     old.for_athlete(a.athlete).intensity[d])]
    assert expected, "the slow week should change Athlete 1's days"
    text = w.statusBar().currentMessage()
    n = len(expected)
    assert f"{n} athlete-day{'s' if n > 1 else ''} changed from the stored plan: " in text, text
    items = [w.violations_panel.list.item(k) for k in range(w.violations_panel.list.count())]
    listed = [i.text() for i in items if i.text().startswith(REPLANNED_MARK)]
    assert items[0].text() == listed[0]  # at the top of Plan Check
    # an arrow a day, and one for each own week kind moved apart from the team's
    weeks = [(a.athlete, k) for a in new.athletes for k in range(tl.first_open_week, len(tl.weeks))
             if (was := old.for_athlete(a.athlete).weeks[k]) != a.weeks[k]
             and (old.team_weeks[k], new.team_weeks[k]) != (was, a.weeks[k])]
    assert " ".join(listed).count("→") == n + len(weeks)
    for aid, k in weeks:
        line = next(x for x in listed if w.season.athlete_label(aid) in x)
        assert (f"own week of {text_day(tl.days[tl.weeks[k].first])} "
                f"{old.for_athlete(aid).weeks[k]} → {new.for_athlete(aid).weeks[k]}") in line
    for aid, d in expected:
        a, b = old.for_athlete(aid), new.for_athlete(aid)
        lv = [f"{x} %" for x in (a.intensity[d], b.intensity[d])]
        if a.stages[d] != b.stages[d]:
            lv = [f"{st if st != 'FIT' else 'fit'} {x}" for st, x in zip((a.stages[d], b.stages[d]), lv,
                                                                          strict=True)]
        line = next(x for x in listed if w.season.athlete_label(aid) in x)
        assert f"{text_day(tl.days[d])} {lv[0]} → {lv[1]}" in line, line
    first = next(i for i in items if i.text().startswith(REPLANNED_MARK))
    assert first.data(Qt.ItemDataRole.UserRole) == (expected[0][0], tl.days[expected[0][1]])
    w.undo_stack.undo()  # the stored plan again: nothing the re-plan changed is listed
    assert not any(w.violations_panel.list.item(k).text().startswith(REPLANNED_MARK)
                   for k in range(w.violations_panel.list.count()))
    w.weekly.shutdown()


def test_a_return_moved_beside_a_proposed_flare_up_says_it_depends_on_it(qtbot, planned):
    """"Proposed flare-up: Kofi Mensah ... pain 5/10 on Fri 2 Oct" and "Returns moved: Kofi
    Mensah: back to full training Tue 6 Oct (was Thu 8 Oct)" in one output: the earlier return
    read as settled, while recording the flare-up moves it weeks later. The moved line says
    what it stands on, in the command line's lines and the app's status bar alike."""
    from planner.progress import flare_proposals, if_no_flare_up, returns_moved

    ap = planned.plan.for_athlete("A1")
    days = [i for i in range(7) if ap.intensity[i] >= 60]
    slow = tuple(Session(athlete="A1", date=day(i), minutes=45, rpe=4, top_speed_pct=ap.intensity[i] - 1,
                         pain=6 if i == days[-1] else None) for i in days)
    done = tuple(E.StageEntry(athlete=t.athlete, stage=t.stage, date=t.date)
                 for t in projected_transitions(planned, day(7)))
    w = make_window(qtbot, planned)
    assert w.apply_edit(E.AdvanceToday(today=day(7), accepted=done))
    assert w.apply_edit(E.LogSessions(sessions=slow))
    assert [(p.athlete, p.date) for p in flare_proposals(w.season)] == [("A1", day(days[-1]))]
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan(before=planned)
    moved = returns_moved(planned, w.season)
    proviso = f" if the pain of {text_day_long(day(days[-1]))} is not a flare-up (was "
    assert len(moved) == 2 and proviso in moved[1], moved
    assert proviso in w.statusBar().currentMessage(), w.statusBar().currentMessage()
    assert if_no_flare_up(w.season, "A2") == ""  # no pain proposes one: no proviso
    # recorded, the pain is a flare-up: the proviso goes
    recorded = E.RecordFlareUp(athlete="A1", date=day(days[-1])).apply(w.season)
    assert if_no_flare_up(recorded, "A1") == ""
    w.weekly.shutdown()


def test_days_lived_under_a_stage_change_not_recorded_show_and_fill_the_recorded_stage(qtbot, planned):
    """Today moved past A1's projected P3 -> S1 without recording it and without a re-plan: the
    Log greyed the days just lived as the S1 sessions the plan projected, and "As planned" logged
    S1's speeds for an athlete the records keep in P3 (cap 80 %), a past that never happened."""
    kept = planned.plan.for_athlete("A1")
    assert kept.stages[8] == "S1" and max(kept.intensity[8:14]) > 80
    with _log_after_move(qtbot, planned, 14) as (w, panel, m):
        r = row_of(w, "A1")
        texts = [m.planned_text("A1", d) for d in range(8, 14)]
        assert all("S1" not in t for t in texts) and any("P3" in t for t in texts), texts
        panel.select([(r, c) for c in range(7)])
        assert panel.fill_as_planned()
        speeds = [s.top_speed_pct for d in range(8, 14) for s in logged(w, "A1", d)]
        assert speeds and all(v is None or v <= 80 for v in speeds), speeds
        assert any(v == 80 for v in speeds)  # P3's own sessions at its cap still count


@contextlib.contextmanager
def _log_after_move(qtbot, planned: Season, today: int):
    """The window after today moved to ``today`` with nothing recorded and no re-plan, its Log
    on the second week: (window, panel, model)."""
    w = make_window(qtbot, E.AdvanceToday(today=day(today), accepted=()).apply(planned))
    try:
        w.weekly.show_log()
        panel = w.weekly.log_panel
        panel.show_week(1)
        yield w, panel, panel.model
    finally:
        w.weekly.shutdown()


def test_today_inside_a_stage_change_not_recorded_shows_and_fills_the_recorded_stage(qtbot, planned):
    """Today (a day that may be logged) inside the projected S1 nobody recorded: its cell too is
    P3's, at most P3's cap; it showed and filled the S1 session the plan had."""
    kept = planned.plan.for_athlete("A1")
    today = next(d for d in range(9, 14) if kept.stages[d] == "S1" and kept.intensity[d] > 80)
    with _log_after_move(qtbot, planned, today) as (w, panel, m):
        assert m.loggable(today) and m.planned_text("A1", today).startswith("(P3")
        r, c = row_of(w, "A1"), m.days.index(today)
        panel.select([(r, c)])
        assert panel.fill_as_planned()
        (s,) = logged(w, "A1", today)
        assert s.top_speed_pct is not None and s.top_speed_pct <= 80


def test_a_stage_change_planned_on_today_itself_stays_as_planned(qtbot, planned):
    """A plan whose past agrees with the records keeps today as it plans it: S1 starting today
    is the plan's, not a projection to undo."""
    first = planned.plan.for_athlete("A1").stages.index("S1")
    moved = E.AdvanceToday(today=day(first), accepted=()).apply(planned)
    w = make_window(qtbot, moved)
    try:
        w.weekly.show_log()
        m = w.weekly.log_panel.model
        w.weekly.log_panel.show_week(first // 7)
        assert m.planned_text("A1", first) == m_text(planned, "A1", first)
    finally:
        w.weekly.shutdown()


def test_the_roles_grid_shows_the_recorded_stage_of_a_match_just_lived(qtbot, planned):
    """Today moved past A1's projected P3 -> S1 with nothing recorded and no re-plan: the Log
    greyed a match day of that week "(P3 ...)" while the Roles grid read "· S1", the stored
    plan's projection. The grid reads the days up to today as the Log does; the days after
    today stay the plan's."""
    from ui.desktop.roles import RolesModel

    kept = planned.plan.for_athlete("A1")
    tl = Timeline(planned)
    m = next(c for c in planned.competitions
             if 8 <= tl.index(c.date) < 14 and kept.stages[tl.index(c.date)] == "S1")
    later = next((c for c in planned.competitions if tl.index(c.date) > 14
                  and kept.stages[tl.index(c.date)] not in ("FIT",)), None)
    moved = E.AdvanceToday(today=day(14), accepted=()).apply(planned)
    model = RolesModel()
    model.set_season(moved)
    r = [a.id for a in model.athletes].index("A1")
    col = 1 + [c.id for c in model.comps].index(m.id)
    assert model.data(model.index(r, col)).endswith(" · P3"), model.data(model.index(r, col))
    with _log_after_move(qtbot, planned, 14) as (_w, _panel, log):
        assert log.planned_text("A1", tl.index(m.date)).startswith("(P3")
    if later is not None:  # after today: the plan's own stage
        col = 1 + [c.id for c in model.comps].index(later.id)
        assert model.data(model.index(r, col)).endswith(f" · {kept.stages[tl.index(later.date)]}")


def m_text(season, athlete: str, d: int) -> str:
    """The greyed text of a day as the stored plan has it (stage and level)."""
    ap = season.plan.for_athlete(athlete)
    lv, st = ap.intensity[d], ap.stages[d]
    return f"({st} {lv} %)" if lv else f"({st} session)"


def test_the_inspector_says_a_past_days_projected_stage_was_not_recorded(qtbot, planned):
    """Today moved past A1's projected P3 -> S1 with nothing recorded and no re-plan: the board
    keeps the plan's S1 until the re-plan, and the Inspector said "Stage S1" for a day the
    records, the Log and the load figures read as P3, with nothing to say which is true."""
    kept = planned.plan.for_athlete("A1")
    assert kept.stages[9] == "S1"
    w = make_window(qtbot, E.AdvanceToday(today=day(14), accepted=()).apply(planned))
    try:
        w.board.set_current("A1", day(9))
        html = w.inspector.cell_html()
        assert "projected, not recorded" in html and "the records keep" in html, html
        assert "P3" in html.split("the records keep", 1)[1][:80], html
        w.board.set_current("A1", day(16))  # after today: the plan's own projection, nothing to say
        assert "not recorded" not in w.inspector.cell_html()
    finally:
        w.weekly.shutdown()


def test_minutes_played_logged_on_a_day_without_a_match_are_said_not_to_count(qtbot, w):
    """`m200` typed on a training day was logged as a 200-minute match without a word (a log
    file's import says it); the panel now says the minutes played are not used that day."""
    panel = w.weekly.log_panel
    m, view = panel.model, panel.view
    col = next(c for c, d in enumerate(m.days) if not m.tl.is_comp[d] and m.tl.is_training[d])
    view.setCurrentIndex(m.index(row_of(w, "A2"), col))
    type_cell(qtbot, view, "95 6 m90")
    (s,) = logged(w, "A2", m.days[col])
    assert (s.minutes, s.rpe, s.minutes_played) == (95, 6, 90)
    assert "the minutes played are not used, as no competition is on that day" in panel.message.text()
    match = next(c for c, d in enumerate(m.days) if m.tl.is_comp[d])
    view.setCurrentIndex(m.index(row_of(w, "A2"), match))
    type_cell(qtbot, view, "96 6 m90")  # a match day: counted, nothing said of it
    assert "not used" not in panel.message.text()


def test_a_match_typed_for_an_athlete_in_rehab_is_marked_and_said(qtbot, w):
    """`m60` typed on a match day for Athlete 1, in S1 by the records, was accepted with no mark:
    the Inspector read "no rehab session" beside "played 60 min" and nothing named it until the
    next Move Today. The cell is now marked ▲ with the planner's sentence, said when typed."""
    from planner.text import day_long

    m, view = w.weekly.log_panel.model, w.weekly.log_panel.view
    col = next(c for c, d in enumerate(m.days) if m.tl.is_comp[d] and m.loggable(d))
    for who in ("A1", "A2"):
        view.setCurrentIndex(m.index(row_of(w, who), col))
        type_cell(qtbot, view, "m60")
        assert logged(w, who, m.days[col])
    assert "Played in rehab" not in w.statusBar().currentMessage()  # A2, fit, typed last
    rehab, fit = m.index(row_of(w, "A1"), col), m.index(row_of(w, "A2"), col)
    assert m.data(rehab).startswith("▲ ") and not m.data(fit).startswith("▲")
    tip = m.data(rehab, Qt.ItemDataRole.ToolTipRole)
    assert ("▲ Played in rehab: Athlete 1 (A1) logged minutes played in 1 competition from "
            f"{day_long(day(m.days[col]))} while in S1 by the injury's records: if the athlete "
            "was back, record the stage changes (tick them in Move Today, or Season ▸ Injuries ▸ "
            "Stages).") in tip, tip
    assert "Played in rehab" not in m.data(fit, Qt.ItemDataRole.ToolTipRole)
    # each paint of the cell looks its mark up; the sentence is built for the tooltip alone
    import ui.desktop.logtable as logtable

    built = []
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(logtable, "played_in_rehab_words", lambda *a: built.append(a) or "")
        assert m.data(rehab).startswith("▲ ") and not built
    view.setCurrentIndex(rehab)
    type_cell(qtbot, view, "m70")  # typed again: said again
    assert "Played in rehab: Athlete 1 (A1) logged minutes played" in w.statusBar().currentMessage()


def test_m90_alone_logs_the_season_s_own_match_session_so_logged_and_planned_agree(qtbot, in_week_3):
    """A season whose load table says a started match is 90 min x RPE 6 logged 'm90' alone as
    the default 95 x 8: the match weighed 760 AU logged where the plan gave it 540."""
    from planner.loadtable import athlete_load
    from planner.season import RuleSettings

    s = in_week_3.model_copy(update={"rules": RuleSettings(values={"LD-1": {
        "minutes_start": 90, "rpe_start": 6, "minutes_bench": 25, "rpe_bench": 5}})})
    w = make_window(qtbot, s)
    try:
        w.weekly.show_log()
        m, view = w.weekly.log_panel.model, w.weekly.log_panel.view
        col, who = next((c, a) for c, d in enumerate(m.days) if m.tl.is_comp[d] and m.loggable(d)
                        for a in ("A2", "A3", "A4") if s.plan.for_athlete(a).intensity[d] == 100)
        d = m.days[col]
        view.setCurrentIndex(m.index(row_of(w, who), col))
        type_cell(qtbot, view, "m90")
        (got,) = logged(w, who, d)
        assert (got.minutes, got.rpe, got.minutes_played) == (90, 6, 90)
        load = athlete_load(w.season, w.season.plan, who)
        assert load.planned[load.index(day(d))] == got.minutes * got.rpe == 540
    finally:
        w.weekly.shutdown()


def test_a_log_faster_than_the_rehab_stage_allows_is_said_after_the_move(qtbot, in_week_3, tmp_path, dialogs):
    """Athlete 1, in S2 (at most 95 %), logged 100 % on Tuesday of week 3: only the inspector
    said it ("Above the stage"), so a coach importing the week never saw it."""
    from planner.progress import above_stage
    from planner.text import day_long

    said = _moved_with_log_saying(qtbot, in_week_3, tmp_path, dialogs, "Logged while in rehab",
                                  "Athlete ID,Date,Minutes,RPE,Top speed %\n"
                                  f"A1,{day(15).isoformat()},60,6,100\n"
                                  f"A1,{day(16).isoformat()},60,5,85\n"
                                  f"A2,{day(15).isoformat()},75,6,100\n")
    w = said.window
    assert "Faster than the rehab stage allows:\n• Athlete 1 (A1) logged 100 % of max speed on " \
           f"{day_long(day(15))} in S2 (at most 95 %)." in said[2]
    assert "85 %" not in said[2] and "Athlete 2" not in said[2]  # within the stage; fit
    assert [(p.athlete, p.date, p.top) for p in above_stage(w.season)] == [("A1", day(15), 100)]


def test_move_today_without_stage_changes_grows_to_the_log_it_reads(qtbot, tmp_path):
    """No stage change to tick: the dialog opened at its short height, and a week's log read in
    it (what it adds, the columns read, the pain it proposes) was cut off until maximised."""
    from PySide6.QtWidgets import QLabel

    s = season(weeks=4, athletes=3, today=day(7))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=20)).plan})
    rows = "".join(f"A{k},{day(d).isoformat()},60,5,{7 if d == 9 else ''}\n"
                   for k in (1, 2, 3) for d in range(7, 13))
    w, dlg = _move_today_with_log(qtbot, s, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n" + rows)
    assert not dlg.moves and dlg.isVisible()

    def whole() -> bool:
        labels = [x for x in dlg.findChildren(QLabel) if x.isVisible() and x.wordWrap() and x.text()]
        return all(x.height() >= x.heightForWidth(x.width()) for x in labels) \
            and all(x.mapTo(dlg, x.rect().bottomLeft()).y() <= dlg.height() for x in labels)

    qtbot.waitUntil(whole, timeout=3000)
    dlg.reject()


def test_move_today_says_the_earlier_pains_it_does_not_offer(qtbot, in_week_3, tmp_path):
    """Move Today offers a box for the pains of the week before today; an older pain proposing a
    flare-up not recorded dropped out of sight without a word."""
    s = E.LogSessions(sessions=(Session(athlete="A1", date=day(2), minutes=50, rpe=4, pain=7),)).apply(in_week_3)
    w, dlg = _move_today_with_log(qtbot, s, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,6\n")
    assert [p.date for _b, p in dlg.flare_boxes] == [day(16)]  # this week's: a box to tick
    older = dlg.older_flares
    assert not older.isHidden()
    assert older.text().startswith("Not offered here, more than a week before today: 1 pain that "
                                   "proposes a flare-up not recorded (Athlete 1 (A1) ")
    assert "right-click the day ▸ Record flare-up" in older.text()
    dlg.reject()


def test_move_today_names_only_the_pains_of_the_last_four_weeks(qtbot, in_week_3, tmp_path):
    """Every Move Today through April named the pains of August again ("Kofi Mensah (A07) 24
    Aug, …") beside this week's. Those of the four weeks before the new today are named; the
    ones before are counted, with where to find them."""
    from planner.progress import flare_proposals

    s = E.LogSessions(sessions=tuple(Session(athlete="A1", date=day(d), minutes=50, rpe=4, pain=7)
                                     for d in (-10, -9, 2))).apply(in_week_3)
    assert [p.date for p in flare_proposals(s)] == [day(-10), day(-9), day(2)]
    w, dlg = _move_today_with_log(qtbot, s, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n"
                                  f"A1,{day(16).isoformat()},50,4,6\n")
    assert dlg.today() == day(21)  # four weeks before it: day -7 on
    text = dlg.older_flares.text()
    assert text.startswith(f"Not offered here, more than a week before today: 3 pains that propose "
                           f"a flare-up not recorded (Athlete 1 (A1) {date_short(day(2))}, and 2 "
                           f"older than four weeks: Season ▸ Log Sessions). ")
    assert date_short(day(-10)) not in text and date_short(day(-9)) not in text
    dlg.reject()

    only_old = E.LogSessions(sessions=tuple(Session(athlete="A1", date=day(d), minutes=50, rpe=4,
                                                    pain=7) for d in (-10, -9))).apply(in_week_3)
    w, dlg = _move_today_with_log(qtbot, only_old, tmp_path, "Athlete ID,Date,Minutes,RPE,Pain\n")
    assert "2 pains that propose a flare-up not recorded (all older than four weeks: Season ▸ " \
           "Log Sessions). Record one from the board" in dlg.older_flares.text()
    dlg.reject()


def _short_log(planned, tmp_path):
    """A week's log with A1's days before day 10 at 72 %: P3's exit (two days at 80 %) short."""
    ap = planned.plan.for_athlete("A1")
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE,Top speed %\n" + "".join(
        f"A1,{day(d)},50,4,72\n" for d in range(10) if ap.intensity[d] > 0))
    return path


def test_a_stage_change_the_week_log_does_not_bear_out_is_unticked_once_the_log_is_read(
        qtbot, planned, tmp_path):
    """A1's P3 -> S1 on day 8 was projected after two 80 % days; the week's log shows A1's P3
    days at 72 %. Once read, the row is unticked and says why (the checker's sentence); the
    coach can still tick it when the physio says it was done."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(10))
    assert [(t.stage, t.date) for t in dlg.moves] == [("S1", day(8))] and dlg.is_accepted(0)
    path = _short_log(planned, tmp_path)
    assert dlg.read_log_file(str(path))
    assert dlg.moves[0].short and not dlg.is_accepted(0)
    assert dlg.table.item(0, 1).text().endswith("⚠ not in the log")
    assert "leaves P3 on " in dlg.table.item(0, 1).toolTip()
    assert "1 change ⚠ is not borne out by the log" in dlg.intro.text()
    dlg.set_accepted(0, True)  # the physio says it was done
    assert [e.stage for e in dlg.accepted()] == ["S1"]
    dlg.reject()
    w.weekly.shutdown()


def test_a_flare_up_recorded_mid_season_proposes_the_re_plan_from_today(qtbot, planned, in_week_3):
    """Record flare-up (the board's menu) left the plan breaking rules and the status bar said
    "solve again (F5)", a solve of everything, where the weekly routine is Ctrl+R, which keeps
    the rest of the squad's week. With today inside the season and a plan it proposes Ctrl+R,
    after the edit and in the season's summary; the window's Re-plan action is what it names."""
    w = make_window(qtbot, in_week_3)
    try:
        assert w.apply_edit(E.RecordFlareUp(athlete="A1", date=day(10)))
        said = w.statusBar().currentMessage()
        assert "(Plan Check): re-plan from today (Ctrl+R)." in said and "F5" not in said, said
        assert w._summary().endswith("(Plan Check); re-plan from today (Ctrl+R)"), w._summary()
        assert w.weekly.plan_again()[0] is w.weekly.replan_action
        summary = w.violations_panel.summary.text()  # Plan Check's own line says it too
        assert "no longer fits, so re-plan from today (Ctrl+R)" in summary and "F5" not in summary
    finally:
        w.weekly.shutdown()
    before = make_window(qtbot, planned)  # no today yet: nothing to re-plan from, so a solve
    assert planned.calendar.today is None
    assert before.weekly.plan_again() == (before.solve_action, "solve again (F5)")
    before.weekly.shutdown()


def _pin_off_the_plan(s: Season) -> E.AddPin:
    """A pin for Athlete 2 in week 5 at a level the plan does not give that day."""
    from planner.season import IntensityPin

    its = s.plan.for_athlete("A2").intensity
    d = next(i for i in range(28, 35) if its[i] in (70, 80, 90))
    return E.AddPin(pin=IntensityPin(athlete="A2", date=day(d), intensity=95 if its[d] != 95 else 70))


def _pin_words(w: MainWindow, edit: E.AddPin) -> tuple[str, str, str]:
    """The inspector's, the board tooltip's and Plan Check's words for a pin not planned yet."""
    assert w.apply_edit(edit)
    when = edit.pin.date
    w.board.set_current("A2", when)
    tip = w.board.tooltip_at(w.board.cell_rect("A2", when).center())
    lists = w.violations_panel.list
    line = next(lists.item(r).text() for r in range(lists.count()) if lists.item(r).text().startswith("⚑"))
    return w.inspector.toPlainText(), tip, line


def test_mid_season_the_inspector_board_and_returns_say_re_plan_from_today(qtbot, planned, in_week_3):
    """Mid-season the status bar said "re-plan from today (Ctrl+R)" while the inspector, the
    board's tooltip and Plan Check said of the same new pin "Solve again (F5) to plan it", the
    Returns panel "Solve again (F5)": a solve of everything, where the weekly routine is
    Ctrl+R. Before the season starts they say F5."""
    w = make_window(qtbot, in_week_3)
    try:
        edit = _pin_off_the_plan(in_week_3)
        for text in _pin_words(w, edit):
            assert "Re-plan from today (Ctrl+R) to plan it." in text and "F5" not in text, text
        assert w.apply_edit(E.RecordFlareUp(athlete="A1", date=day(14)))
        stale = w.returns_panel.stale.text()
        assert "Re-plan from today (Ctrl+R) to see the returns" in stale and "F5" not in stale, stale
        # one wording: the returns' line and the status bar's are solving's sentence
        assert stale.endswith(plan_again_to(w.season, "see the returns as they are now")), stale
        assert w.weekly.plan_again()[1] == plan_again_words(w.season)
    finally:
        w.weekly.shutdown()
    before = make_window(qtbot, planned)  # no today yet: a solve
    try:
        for text in _pin_words(before, _pin_off_the_plan(planned)):
            assert "Solve again (F5) to plan it." in text and "Ctrl+R" not in text, text
        assert before.apply_edit(E.RecordFlareUp(athlete="A1", date=day(14)))
        assert before.returns_panel.stale.text().endswith(
            "Solve again (F5) to see the returns as they are now.")
    finally:
        before.weekly.shutdown()


def test_a_failed_test_on_the_day_the_plan_moves_on_asks_for_a_solve(qtbot, planned):
    """The physio records today's failed test for an athlete the plan moves on today: the plan
    breaks RH-CRIT and the window says to solve again (the plan check used to ignore a test on
    the day of the move, so the plan and its handouts stood unflagged)."""
    from planner.season import CriteriaTest

    assert planned.plan.for_athlete("A1").stages[8] == "S1" != planned.plan.for_athlete("A1").stages[7]
    w = make_window(qtbot, E.AdvanceToday(today=day(8)).apply(planned))
    assert w.apply_edit(E.RecordCriteriaTest(athlete="A1", test=CriteriaTest(
        date=day(8), name="Hip-flexor strength LSI", value=80, unit="%")))
    assert "The plan now breaks 1 rule (Plan Check): re-plan from today (Ctrl+R)" in w.statusBar().currentMessage()
    assert any(v.rule == "RH-CRIT" for v in w.check_report.violations)
    w.weekly.shutdown()


@pytest.fixture(scope="module")
def kept_in_p3(planned: Season) -> Season:
    """Today moved to day 14 with A1's projected S1 (day 8) not ticked, then re-planned: the
    plan remembers the S1 days it had, the records keep A1 in P3 (at most 80 %). Solved once
    for the module (three tests read it; a season is immutable)."""
    kept = E.AdvanceToday(today=day(14)).apply(planned)
    return kept.model_copy(update={"plan": solve(SolveRequest(kept, time_limit=30)).plan})


def test_a_day_logged_under_a_stage_change_not_recorded_has_one_planned_level(planned, kept_in_p3, qtbot):
    """A1's projected S1 left unticked: the Log greyed a day "(P3 80 %)", the Inspector said
    Intensity 80 %, and a top speed typed above P3's cap read "Went otherwise: planned 100 %,
    logged 80 %": the old plan's S1 level, and not the speed typed. The planned level is the
    one the Log shows; a speed that counts as it did not go otherwise; the speed typed is said
    with the level it counts as."""
    from ui.desktop.logtable import LogModel
    from ui.desktop.pastview import otherwise_text, past_marks

    kept = kept_in_p3
    ap, was = kept.plan.for_athlete("A1"), planned.plan.for_athlete("A1")
    days = [d for d in range(8, 14) if ap.intensity[d] == 80 and was.intensity[d] > 80
            and ap.planned_stages.get(day(d)) == "S1"]
    assert len(days) >= 1, [(ap.stages[d], ap.intensity[d], was.intensity[d]) for d in range(8, 14)]
    d = days[0]
    model = LogModel()
    model.set_season(kept)
    assert model.planned_text("A1", d) == "(P3 80 %)"

    def logged_at(pct: float) -> Season:
        s = E.LogSessions(sessions=(Session(athlete="A1", date=day(d), minutes=60, rpe=5,
                                            top_speed_pct=pct),)).apply(kept)
        from planner.history import as_lived
        return s.model_copy(update={"plan": as_lived(s, s.plan)})

    faster = logged_at(83)  # above P3's cap, counts as 80 %: as planned
    assert faster.plan.for_athlete("A1").intensity[d] == 80
    assert otherwise_text(faster, "A1", day(d)) == ""
    assert past_marks(faster).mark("A1", d) == "logged"
    slower = logged_at(75)  # the 70 % level: went otherwise, the speed typed said
    assert otherwise_text(slower, "A1", day(d)) == "planned 80 %, logged 75 %, counted 70 %"
    assert past_marks(slower).mark("A1", d) == "otherwise"


def test_a_day_logged_under_a_stage_change_not_recorded_reads_the_same_in_every_place(planned, kept_in_p3):
    """The same day in the app, the handout (and so the Excel athlete sheet and the Cover),
    ``explain`` and the session shown: A1's projected S1 left unticked, a top speed of 81 %
    logged on an S1 day, re-planned. The Inspector said it went as planned (P3's 80 %) while the
    handout said "planned 90 %" and ``explain`` "The plan had said 90 %"; a 75 % said otherwise
    in every place, with the one planned level."""
    from planner.handout import handout_weeks
    from planner.history import planned_level
    from planner.sessions import shown_session
    from planner.why import why_day
    from ui.desktop.pastview import otherwise_text, past_marks

    kept = kept_in_p3
    ap, was = kept.plan.for_athlete("A1"), planned.plan.for_athlete("A1")
    d = next(d for d in range(8, 14) if ap.intensity[d] == 80 and was.intensity[d] > 80
             and ap.planned_stages.get(day(d)) == "S1")
    tl = Timeline(kept)

    def logged_at(pct: float) -> Season:
        s = E.LogSessions(sessions=(Session(athlete="A1", date=day(d), minutes=60, rpe=5,
                                            top_speed_pct=pct),)).apply(kept)
        s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
        assert check_plan(s, s.plan).ok
        return s

    def words(s: Season) -> tuple[str, str, str, bool]:
        hd = next(x for w in handout_weeks(s, s.plan, ["A1"], [tl.week_of[d]]) for x in w.days
                  if x.date == day(d))
        why = " ".join(r.text for r in why_day(s, s.plan, "A1", day(d)).reasons)
        shown = shown_session(Prescriber(s, s.plan), s.plan, "A1", d) is not None
        return otherwise_text(s, "A1", day(d)), hd.deviation, why, shown

    faster = logged_at(81)  # counts as 80 %, P3's level: as planned in every place
    fa = faster.plan.for_athlete("A1")
    assert fa.intensity[d] == 80 and fa.planned[day(d)] > 80  # the plan remembers S1's level
    assert planned_level(faster, fa, day(d)) == 80
    inspector, handout, why, shown = words(faster)
    assert inspector == "" and past_marks(faster).mark("A1", d) == "logged"
    assert "planned" not in handout, handout
    assert "The plan had said" not in why, why
    assert shown
    slower = logged_at(75)  # the 70 % level: went otherwise, planned 80 % in every place
    inspector, handout, why, shown = words(slower)
    assert inspector == "planned 80 %, logged 75 %, counted 70 %"
    assert "planned 80 %" in handout, handout
    assert "The plan had said 80 %." in why, why
    assert not shown and past_marks(slower).mark("A1", d) == "otherwise"


def test_a_past_day_read_again_without_a_log_says_why_not_logged_0(planned, kept_in_p3):
    """After Move Today with a stage change unticked, a past day read as the old stage said
    "planned 80 %, logged 0 %" while nothing was logged; a flare-up's day where the athlete
    logged a session without a top speed said "logged 0 %" too (RH-FL counts it as no running).
    A day not logged under the stage change not recorded went as the records plan it: the Log
    greys it at P3's level, and nothing went otherwise."""
    from ui.desktop.pastview import otherwise_text

    kept = kept_in_p3
    ap, was = kept.plan.for_athlete("A1"), planned.plan.for_athlete("A1")
    d = next(d for d in range(8, 14) if ap.intensity[d] < was.intensity[d] and was.stages[d] == "S1")
    assert ap.planned_stages[day(d)] == "S1" and ap.stages[d] == "P3"
    assert otherwise_text(kept, "A1", day(d)) == ""
    # a flare-up on a day the athlete ran (60 min, pain 5/10, no top speed logged)
    f = next(f for f in range(1, 8) if was.intensity[f] > 0)
    flared = E.AdvanceToday(today=day(8)).apply(planned)  # S1 on day 8: not yet
    flared = E.LogSessions(sessions=(Session(athlete="A1", date=day(f), minutes=60, rpe=6,
                                             pain=5),)).apply(flared)
    flared = E.RecordFlareUp(athlete="A1", date=day(f)).apply(flared)
    flared = flared.model_copy(update={"plan": solve(SolveRequest(flared, time_limit=30)).plan})
    text = otherwise_text(flared, "A1", day(f))
    assert text == f"the flare-up's day: counted as no running (RH-FL), planned {was.intensity[f]} %"
    assert "logged" not in text


def test_move_today_grown_by_the_log_stays_on_the_screen(qtbot, planned, tmp_path):
    """At 1280 x 720 and 125 % the dialog grew with the log's words past the screen's edge and
    its title bar could not be reached; grown, it is moved back onto the screen."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(10))
    geo = dlg.screen().availableGeometry()
    dlg.move(dlg.x(), geo.bottom() - 150)  # placed low: any growth runs off the screen
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE,Top speed %,Pain\n" + "".join(
        f"{a.id},{day(d)},50,4,72,{6 if d == 3 else ''}\n" for a in planned.athletes for d in range(10)))
    assert dlg.read_log_file(str(path)), dlg.log_error
    qtbot.wait(50)  # the height is fitted after the words are laid out
    frame = dlg.frameGeometry()
    assert geo.top() <= frame.top() and frame.bottom() <= geo.bottom(), (frame, geo)
    dlg.reject()
    w.weekly.shutdown()


def test_a_log_left_out_takes_its_not_in_the_log_marks_with_it(qtbot, planned, tmp_path):
    """Leave the sessions out (or a log that cannot be read for the new today): the change the
    log had marked short is ticked again, as nothing argues against it any more."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(10))
    path = _short_log(planned, tmp_path)
    assert dlg.read_log_file(str(path))
    assert dlg.moves[0].short and not dlg.is_accepted(0)
    dlg.leave_log_out()
    assert not dlg.moves[0].short and dlg.is_accepted(0)
    assert "not borne out by the log" not in dlg.intro.text()
    assert dlg.read_log_file(str(path)) and not dlg.is_accepted(0)
    path.write_text(path.read_text() + f"A1,{day(9)},50,14,72\n")  # an RPE of 14: refused
    assert not dlg.read_log_file(str(path))
    assert dlg.log_result is None and not any(m.short for m in dlg.moves)
    dlg.reject()
    w.weekly.shutdown()


def test_move_today_cuts_no_text_when_the_log_says_much(qtbot, planned, tmp_path):
    """With a stage change to tick and a log that says much (its columns, speeds above the
    max on record, a pain proposing a flare-up), the dialog stayed at its height: the labels
    were squeezed under their wrapped height, the intro lost its last line ("... have nothing
    logged: they") and the log's text its last three, with no way to scroll to them."""
    from PySide6.QtWidgets import QLabel

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(14))
    assert dlg.moves
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE,Top speed m/s,Pain,Notes\n" + "".join(
        f"{a.id},{day(d)},60,5,{9.1 + d / 100 if a.max_speed else '':.4},{7 if a.id == 'A1' else ''},"
        f"a long note about the session of the day\n"
        for a in w.season.athletes for d in range(7, 14) if d % 7 != 6))
    assert dlg.read_log_file(str(path)), dlg.log_error
    qtbot.wait(50)  # the height is fitted once the text is laid out
    QApplication.processEvents()
    screen = dlg.screen().availableGeometry()
    assert dlg.frameGeometry().height() <= screen.height()
    assert dlg.scroll.verticalScrollBar().maximum() == 0  # room on the screen: no scrolling
    for label in dlg.findChildren(QLabel):
        if label.isVisibleTo(dlg) and label.wordWrap() and label.text():
            assert label.height() >= label.heightForWidth(label.width()), \
                (label.accessibleName(), label.text()[:60])
    dlg.reject()


def test_a_flare_up_recorded_before_the_re_plan_names_the_stage_it_moves_back_to(qtbot):
    """Record flare-up on a day the stored plan moves the athlete on (P3 to S1 that morning):
    before the re-plan the inspector read "S1 since ... (the recorded flare-up: back from the P3
    planned the day before)", the stage the stale plan holds that day; back one stage from P3
    is P2, as the re-plan then shows. P3 held the day before is the recorded one: said so, not
    "the P3 planned the day before" (S1 recorded on a Wednesday read as if it were not)."""
    s = season(weeks=12, athletes=2, injuries=(_passed_p3(),))
    out = solve(SolveRequest(s, time_limit=30))
    ap = out.plan.for_athlete("A1")
    d = next(i for i in range(1, len(ap.stages)) if ap.stages[i] != ap.stages[i - 1])
    was, moved = ap.stages[d - 1], ap.stages[d]
    assert (was, moved) == ("P3", "S1")
    s = E.RecordFlareUp(athlete="A1", date=day(d)).apply(
        s.model_copy(update={"plan": out.plan}))
    now = "P2"  # one stage back from P3
    w = make_window(qtbot, s)
    w.board.set_current("A1", day(d + 1))
    html = w.inspector.cell_html()
    assert f"{now} since" in html, html
    from planner.text import day_long

    assert f"back from {was}, recorded {day_long(day(-13))})" in html, html
    assert "planned the day before" not in html and f"{moved} since" not in html


def test_a_european_excel_log_with_two_digit_years_is_read(in_week_3, tmp_path):
    """Excel saves a CSV as its cells show: semicolons, decimal commas, a BOM and, with the short
    date format many locales use, "14.9.26". Every row was refused ("'14.9.26' is not a date")
    while the app's own date fields read "28.12.26"."""
    from ui.desktop.sessionimport import read_log_taking

    rows = [(day(d), a.id) for d in (8, 9) for a in in_week_3.athletes]
    path = tmp_path / "week.csv"
    path.write_bytes(("Athlete ID;Date;Minutes;RPE;Top speed m/s\n" + "".join(
        f"{aid};{d.day}.{d.month}.{d:%y};60;5;{'8,1' if aid != 'A4' else ''}\n"
        for d, aid in rows)).encode("utf-8-sig"))
    result = read_log_taking(str(path), in_week_3)[1]
    assert sorted((s.date, s.athlete) for s in result.sessions) == sorted(rows)


def test_move_today_keeps_a_long_list_of_problems_in_reach(qtbot, planned, tmp_path):
    """A log whose every row is refused lists every row: taller than the screen, the list was
    squeezed into the room left ("The sessions were not read:" hidden under the box above it,
    most rows cut off) with no way to scroll to them. The dialog now scrolls its text; Move
    Today and Cancel stay in sight."""
    from PySide6.QtWidgets import QScrollArea

    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(14))
    dlg._room = lambda: 540  # a 1024 x 600 screen
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"{a.id},32.{d}.2027 on the far pitch after the morning's gym session,60,5\n"
        for a in w.season.athletes for d in range(1, 13)))
    assert not dlg.read_log_file(str(path))
    qtbot.wait(50)
    QApplication.processEvents()
    assert dlg.error.text().count("\n") >= 10
    assert dlg.height() <= 540
    assert dlg.error.height() >= dlg.error.heightForWidth(dlg.error.width())
    scroll = dlg.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    assert dlg.buttons.isVisible() and dlg.buttons.geometry().bottom() <= dlg.height()
    dlg.reject()


def test_on_a_small_screen_the_stage_changes_take_the_room_of_their_rows_only(qtbot, planned, tmp_path):
    """At 1024 x 600 with one stage change and a week's log, the table kept some 190 px for its
    one row while the log's text below it had to be scrolled to."""
    w = make_window(qtbot, planned)
    dlg = w.weekly.move_today(day(14))
    dlg._room = lambda: 540  # a 1024 x 600 screen
    assert len(dlg.moves) == 1
    path = tmp_path / "week.csv"
    path.write_text("Athlete ID,Date,Minutes,RPE,Top speed m/s,Pain,Notes\n" + "".join(
        f"{a.id},{day(d)},60,5,{9.1 + d / 100 if a.max_speed else '':.4},"
        f"{7 if a.id == 'A1' else ''},a long note about the session of the day\n"
        for a in w.season.athletes for d in range(7, 14) if d % 7 != 6))
    assert dlg.read_log_file(str(path))
    qtbot.wait(50)
    QApplication.processEvents()
    assert dlg.scroll.verticalScrollBar().maximum() > 0  # more than the screen holds
    t = dlg.table
    rows = t.horizontalHeader().height() + t.rowHeight(0) + 2 * t.frameWidth()
    assert t.height() <= max(rows, t.minimumHeight()) + 4, (t.height(), rows)
    dlg.reject()


def test_two_flare_ups_ticked_within_a_week_say_they_send_the_athlete_back_two_stages(
        qtbot, planned, tmp_path):
    """Two painful days three days apart, each offered as a flare-up: a coach ticking both "to be
    safe" moves the athlete back two stages (rules-spec.md section 6) without a word."""
    from planner.text import day_long

    w = make_window(qtbot, planned)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.set_today(day(21))
    s2 = next(i for i, t in enumerate(dlg.moves) if t.athlete == "A1" and t.stage == "S2")
    pain = dlg.date_fields[s2].value()
    (tmp_path / "week.csv").write_text(
        "Athlete ID,Date,Minutes,RPE,Pain\n"
        f"A1,{pain.isoformat()},50,4,6\nA1,{(pain + dt.timedelta(days=3)).isoformat()},50,4,6\n")
    assert dlg._read_log(str(tmp_path / "week.csv"))
    (first, _p1), (second, _p2) = dlg.flare_boxes
    first.setChecked(True)
    assert "within 7 days" not in dlg.flare_note.text()
    second.setChecked(True)
    assert (f"the flare-up on {day_long(pain + dt.timedelta(days=3))} follows the one on "
            f"{day_long(pain)} within 7 days: a second flare-up, two stages back; if the two "
            f"pains were one flare-up, tick only the first.") in dlg.flare_note.text()
    first.setChecked(False)
    assert "within 7 days" not in dlg.flare_note.text()
    dlg.reject()
    w.weekly.shutdown()


def test_a_replan_says_a_returner_logged_playing_before_his_re_entry_sessions(qtbot):
    """`advance` names a returner logged playing a match before RE-1's team sessions were done;
    the app's re-plan after Move Today said nothing of it."""
    from planner.progress import played_before_re_entry

    before, early = returner_back_on_day_2()
    before = before.model_copy(update={"plan": solve(SolveRequest(before, time_limit=30)).plan})
    w = make_window(qtbot, before)
    assert w.apply_edit(E.AdvanceToday(today=day(7)))
    assert w.apply_edit(E.LogSessions(sessions=early))
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan(before=before)
    (line,) = played_before_re_entry(before, w.season)
    assert line.startswith("Played before re-entry: ")
    assert line in w.statusBar().currentMessage()
    w.weekly.shutdown()


def test_a_flare_up_before_a_recorded_stage_change_asks_whether_it_stays(w, dialogs):
    """A flare-up reported after Move Today had accepted the next stage left that stage standing,
    said in a status line that went: the athlete sprinted at 80 % five days later. The coach is
    asked; removed, the plan projects the stage again from the flare-up."""
    plan = w.season.plan
    ap = plan.for_athlete("A1")  # the stored plan ran A1 on the days after (not logged)
    ran = ap.model_copy(update={"intensity": ap.intensity[:5] + (0, 70) + ap.intensity[7:]})
    assert w.apply_edit(E.SetPlan(plan=plan.model_copy(update={"athletes": tuple(
        ran if a.athlete == "A1" else a for a in plan.athletes)})))
    before = w.season
    assert [r.stage for r in before.injuries_of("A1")[-1].stages][-1] == "S1"  # from day 7
    dialogs.choices = ["cancel"]
    assert not w.weekly.record_flare("A1", day(5))
    assert w.season is before
    assert dialogs[-1][0] == "choose" and "S1 from" in dialogs[-1][2]
    dialogs.choices = ["dropstages"]
    assert w.weekly.record_flare("A1", day(5))
    inj = w.season.injuries_of("A1")[-1]
    assert day(5) in inj.flare_ups and all(r.start <= day(5) for r in inj.stages)
    said = w.statusBar().currentMessage()
    assert "the stage changes recorded after it were removed (S1 from" in said
    # the Inspector's button said nothing of the planned run it now counts as not done
    assert "the 70 % on " in said and "planned and not logged now count as not done" in said
    w.undo_action.trigger()
    assert w.season == before


def test_today_planned_fast_after_a_pain_not_recorded_says_so_where_the_coach_reads_it(w, qtbot):
    """A pain of 6/10 logged yesterday proposes a flare-up; today's sprint stood, and only the
    painful day said anything. Today's cell shows the strip too: it names the pain and records the
    flare-up on the pain's day."""
    plan = w.season.plan
    ap = plan.for_athlete("A1")
    fast = ap.model_copy(update={"intensity": ap.intensity[:14] + (80,) + ap.intensity[15:]})
    assert w.apply_edit(E.SetPlan(plan=plan.model_copy(update={"athletes": tuple(
        fast if a.athlete == "A1" else a for a in plan.athletes)})))
    panel, strip = w.weekly.log_panel, w.weekly.flare_strip
    assert panel.type_into(row_of(w, "A1"), 6, "60 4 p6")  # Sunday, day 13
    w.board.set_current("A1", day(14))
    assert strip.isVisible() and "is planned 80 % on" in strip.label.text()
    assert "pain of 6/10 logged on" in strip.label.text()
    qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)
    assert w.season.injury_of("A1").flare_ups == (day(13),)
    w.board.set_current("A2", day(14))
    w.board.set_current("A1", day(14))
    assert not strip.isVisible()  # recorded: the re-plan is what changes the day now


def test_a_today_after_the_seasons_end_is_said_as_the_command_line_says_it(qtbot):
    """Today after the season's end: the command line said "the whole season is past, nothing is
    left to plan", the app's F5 "the best plan the rules allow (proven)" and Move Today "(nowhere:
    it is today already)". The app now says the command line's words."""
    from planner.text import day_long

    past = season(weeks=2, athletes=1, today=day(14))  # the day after the season: all played
    words = (f"Today ({day_long(day(14))}) is after the season's end ({day_long(past.calendar.end)}): "
             f"the whole season is past, nothing is left to plan")
    w = make_window(qtbot, past)
    assert w.statusBar().currentMessage().startswith(words + ". Move today back (Season ▸ Move Today…)")
    with qtbot.waitSignal(w.solve_finished, timeout=60_000):
        w.solve_action.trigger()
    assert w.season.plan is not None and check_plan(w.season, w.season.plan).ok
    said = w.statusBar().currentMessage()
    assert said.startswith("Solved in ") and words in said, said
    assert "the best plan the rules allow" not in said
    dlg = w.weekly.move_today(None)
    end = past.calendar.end
    assert dlg.intro.text().startswith(
        f"<b>Today ({day_long(dlg.today())}) is after the season's end ({day_long(end)}): the whole "
        f"season is past, nothing is left to plan.</b> Move today back to a day of the season"), dlg.intro.text()
    dlg.set_today(day(7))  # back inside the season: days to plan again
    assert "the whole season is past" not in dlg.intro.text()
    dlg.reject()
    assert "the whole season is past" not in make_window(qtbot, season(weeks=2, athletes=1)).statusBar().currentMessage()


def test_ticking_in_move_today_moves_nothing_below_and_escape_asks_before_losing_ticks(
        qtbot, planned, dialogs):
    """Ticking the first row took the "Nothing ticked for …" paragraph away and everything below
    the table jumped: the next click, meant for a flare-up's tick, opened the sessions import.
    Escape (to leave a row's date) closed the whole dialog and the ticks were gone."""
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    dlg.show()
    qtbot.waitExposed(dlg)
    rows = range(dlg.table.rowCount())
    for i in rows:
        dlg.set_accepted(i, False)
    qtbot.wait(10)
    assert "Nothing ticked" in dlg.unticked_note.text()
    where = [b.mapTo(dlg, b.rect().topLeft()) for b in (dlg.import_button, dlg.replan_box)]
    for i in rows:
        dlg.set_accepted(i, True)
    qtbot.wait(10)  # the note's room is kept, empty, once every change is ticked
    assert dlg.unticked_note.text() == ""
    assert [b.mapTo(dlg, b.rect().topLeft()) for b in (dlg.import_button, dlg.replan_box)] == where
    dialogs.answer = "keepediting"
    qtbot.keyClick(dlg.date_fields[0].line, Qt.Key.Key_Escape)
    assert dialogs.kinds() == ["choose"] and dialogs[0][1] == "Discard what you set?"
    assert dlg.isVisible() and all(dlg.is_accepted(i) for i in rows)
    dialogs.answer = "discard"
    qtbot.keyClick(dlg.date_fields[0].line, Qt.Key.Key_Escape)
    assert not dlg.isVisible() and w.undo_stack.count() == 0
    again = w.weekly.move_today(day(21))  # nothing set: Escape closes at once
    again.show()
    qtbot.keyClick(again.today_field.line, Qt.Key.Key_Escape)
    assert not again.isVisible() and len(dialogs) == 2
    w.weekly.shutdown()


def test_cancel_after_a_sessions_file_not_read_asks_nothing_unless_a_tick_was_set(
        qtbot, planned, dialogs, tmp_path):
    """Move Today ▸ Import a file that could not be read ▸ Cancel asked "The ticks and dates
    set here are not recorded yet … Discard them, or keep editing?" with no tick or date set.
    Asked only once the coach set one."""
    bad = tmp_path / "bad.csv"
    bad.write_text(f"Athlete ID,Date,Minutes,RPE\nA1,{day(15).isoformat()},50,14\n")
    untested = planned.model_copy(update={"injuries": (injury("A1", "P3", start_day=-13),)})
    w = make_window(qtbot, untested)
    dlg = w.weekly.move_today(day(21))
    dlg.show()
    assert not dlg.read_log_file(str(bad)) and "were not read" in dlg.error.text()
    dlg.reject()
    assert not dlg.isVisible() and dialogs.kinds() == []
    again = w.weekly.move_today(day(21))
    again.show()
    assert not again.read_log_file(str(bad))
    assert again.table.rowCount()
    again.set_accepted(0, not again.is_accepted(0))  # the coach's tick
    dialogs.answer = "keepediting"
    again.reject()
    assert again.isVisible() and [c[1] for c in dialogs] == ["Discard what you set?"]
    dialogs.answer = "discard"
    again.reject()
    assert not again.isVisible() and w.undo_stack.count() == 0
    w.weekly.shutdown()


def test_the_played_in_rehab_mark_follows_a_match_moved():
    """The ▲ "played in rehab" marks were kept by sessions, injuries, athletes and calendar:
    a match moved a day on still marked its old day (the check reads the competitions)."""
    from planner.season import Session
    from tests.builders import injury, season
    from ui.desktop.pastview import played_in_rehab

    s = season(weeks=3, athletes=2, today=day(14), injuries=(injury("A1", "S1", start_day=-3),))
    match = s.competitions[0]
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=match.date, minutes=90,
                                                  rpe=8, minutes_played=60),)})
    assert ("A1", match.date) in played_in_rehab(s)
    moved = match.model_copy(update={"date": match.date + dt.timedelta(days=1)})
    s2 = s.model_copy(update={"competitions": (moved,) + s.competitions[1:]})
    assert s2.sessions is s.sessions and ("A1", match.date) not in played_in_rehab(s2)


@pytest.mark.parametrize("flare", [True, False])
def test_a_sessions_file_that_cannot_be_read_keeps_the_flare_up_and_its_tick(qtbot, in_week_3, tmp_path, flare):
    """A flare-up ticked (or an offer left unticked), then "Import this week's sessions…" with a
    file that cannot be read (an empty RPE): the box went, "Leave the sessions out" did not bring
    it back, and Move Today recorded neither the flare-up nor the stage change it had unticked.
    Now the offer stays with its tick, and what is ticked is what is recorded."""
    pain_day = day(12)  # A1 is in S1 (recorded on day 7); today is day 14
    s = E.LogSessions(sessions=(Session(athlete="A1", date=pain_day, minutes=50, rpe=4, pain=6),)
                      ).apply(in_week_3)
    w = make_window(qtbot, s)
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    dlg.replan_box.setChecked(False)
    (i,) = [i for i, t in enumerate(dlg.moves) if t.athlete == "A1"]
    s2 = (dlg.moves[i].stage, dlg.date_fields[i].value())
    assert s2[1] >= pain_day and dlg.is_accepted(i)
    (box, _p), = dlg.flare_boxes
    box.setChecked(flare)
    assert dlg.is_accepted(i) is not flare
    bad = tmp_path / "week.csv"
    bad.write_text("Athlete ID,Date,Minutes,RPE\n"
                   f"A2,{day(15).isoformat()},50,4\nA3,{day(15).isoformat()},50,\n")
    dlg.choose_log = lambda: str(bad)
    qtbot.mouseClick(dlg.import_button, Qt.MouseButton.LeftButton)
    assert "The sessions were not read" in dlg.error.text() and "RPE" in dlg.error.text()
    for step in ("failed", "left out"):
        (box, p), = dlg.flare_boxes
        assert (p.athlete, p.date, box.isChecked()) == ("A1", pain_day, flare), step
        assert dlg.is_accepted(i) is not flare, step
        assert dlg.flare_note.isVisibleTo(dlg) is flare, step
        qtbot.mouseClick(dlg.leave_out_button, Qt.MouseButton.LeftButton)
    dlg.buttons.accepted.emit()
    rec = w.season.injury_of("A1")
    assert (pain_day in rec.flare_ups) is flare
    assert (any((r.stage, r.start) == s2 for r in rec.stages)) is not flare
    if not flare:  # unticked again after the failed read: the stage change comes back with it
        return
    w.undo_action.trigger()
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    (box, _p), = dlg.flare_boxes
    box.setChecked(True)
    good = tmp_path / "good.csv"  # read: the tick on the offer still offered is kept
    good.write_text(f"Athlete ID,Date,Minutes,RPE,Pain\nA1,{day(16).isoformat()},50,4,7\n")
    assert dlg.read_log_file(str(good)), dlg.log_error
    assert [(p.athlete, p.date, b.isChecked()) for b, p in dlg.flare_boxes] == [
        ("A1", pain_day, True), ("A1", day(16), False)]
    assert not dlg.is_accepted(i)
    assert not dlg.read_log_file(str(bad))  # the read log's own offer goes with it; the tick stays
    (box, p), = dlg.flare_boxes
    assert box.isChecked() and (p.athlete, p.date) == ("A1", pain_day) and not dlg.is_accepted(i)
    box.setChecked(False)  # and unticking it still gives the stage change back
    assert dlg.is_accepted(i)
    dlg.reject()


def test_a_club_wide_export_is_imported_for_this_squad_with_read_only_this_squad(
        w, tmp_path, dialogs):
    """A club-wide GPS export (both squads in one file) was refused for every other squad's
    player, nothing imported. Read Only This Squad leaves their rows out, said in one line in
    the question to add and the status bar; a near miss of a squad member is still refused."""
    path = _csv(tmp_path, [f"Athlete 2,{day(7)},75,6,30,,,", f"Tom Berger,{day(7)},70,6,30,,,",
                           f"Luis Ortega,{day(7)},70,6,30,,,"])
    dialogs.choices = ["onlysquad"]
    dialogs.answer = "yes"
    assert import_sessions(w, path) is True
    asked = [d for d in dialogs if d[0] == "choose"][-1]
    assert asked[1] == "Players not in this squad"
    assert "row 3, Player: 'Tom Berger': no athlete has that ID or name" in asked[2]
    assert "Read Only This Squad: the rows whose player is no one of this squad" in asked[2]
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert "2 rows of 2 players not in this squad left out: Tom Berger, Luis Ortega" in text
    assert "2 rows of 2 players not in this squad left out." in w.statusBar().currentMessage()
    assert len(logged(w, "A2", 7)) == 1
    before = w.season
    dialogs.choices = ["onlysquad"]  # a near miss is no other squad's player: refused as it was
    assert import_sessions(w, _csv(tmp_path, [f"Athl 2,{day(8)},75,6,30,,,",
                                              f"Tom Berger,{day(8)},70,6,30,,,"])) is False
    assert w.season is before
    said = [d for d in dialogs if d[0] == "error"][-1][2]
    assert "'Athl 2': no athlete has that ID or name; did you mean Athlete 2 (A2)?" in said
    assert "Tom Berger" not in said


def test_a_log_refused_for_more_than_other_squads_players_is_titled_sessions_not_imported(
        w, tmp_path, dialogs):
    """The question titled "Players not in this squad" came up when one of the problems listed
    was an unknown player and the others an RPE of 11 and a date after the season: its title
    names what is refused, the sessions; a log refused for other squads' players alone keeps
    the players' title. The season is unchanged either way."""
    before = w.season
    end = w.season.calendar.end
    path = _csv(tmp_path, [f"Athlete 2,{day(7)},75,11,30,,,", f"Zlatan Nobody,{day(7)},70,6,30,,,",
                           f"Athlete 3,{end + dt.timedelta(days=90)},70,6,30,,,"])
    dialogs.choices = ["cancel"]
    assert import_sessions(w, path) is False
    kind, title, text = [d for d in dialogs if d[0] == "choose"][-1]
    assert title == "Sessions not imported"
    assert "RPE: 11 is outside 0-10" in text and "Zlatan Nobody" in text
    assert f"is after the season ends ({text_day_long(end)}); check the date (the year?)" in text
    assert "dated after today" not in text  # no new today reaches it
    dialogs.choices = ["cancel"]
    assert import_sessions(w, _csv(tmp_path, [f"Athlete 2,{day(7)},75,6,30,,,",
                                              f"Zlatan Nobody,{day(7)},70,6,30,,,"])) is False
    assert [d for d in dialogs if d[0] == "choose"][-1][1] == "Players not in this squad"
    assert w.season is before


def test_move_today_reads_a_club_wide_export_with_read_only_this_squad(w, tmp_path, dialogs):
    """Move Today with a club-wide week's file: the refusal offers Read Only This Squad;
    clicked, the other squad's rows are left out, said, and the squad's sessions read."""
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    path = _csv(tmp_path, [f"A2,{day(15)},75,6,30,,,", f"Tom Berger,{day(15)},70,6,30,,,"])
    assert not dlg.read_log_file(str(path))
    assert dlg.only_squad_button.isVisibleTo(dlg) and not dlg.as_proposed_button.isVisibleTo(dlg)
    assert "Read Only This Squad: the rows whose player" in dlg.error.text()
    dlg.only_squad_button.click()
    assert dlg.error.text() == "" and dlg.problems() == []
    assert not dlg.only_squad_button.isVisibleTo(dlg)
    assert "1 row of 1 player not in this squad left out: Tom Berger" in dlg.log_label.text()
    assert [(x.athlete, x.date) for x in dlg.log_result.sessions] == [("A2", day(15))]


def test_read_only_this_squad_answered_in_import_is_carried_to_the_move_today_that_follows(
        w, tmp_path, dialogs):
    """Import Sessions with a club-wide file that runs past today: Read Only This Squad, then
    Move Today. Move Today opened with the log refused again in red for the same players and
    a second Read Only This Squad button. The answer is carried: the log is read at once,
    their rows left out, said; the move adds the squad's sessions."""
    path = _csv(tmp_path, [f"A2,{day(15)},75,6,,,,", f"Tom Berger,{day(15)},70,6,,,,",
                           f"A3,{day(17)},60,5,,,,"])
    dialogs.choices = ["onlysquad", "movetoday"]
    assert import_sessions(w, path) is True
    assert [d[1] for d in dialogs if d[0] == "choose"] == ["Sessions not imported",
                                                            "Move today first?"]
    dlg = w.weekly.dialog
    assert dlg.isVisible() and dlg.today() == day(18) and dlg.only_squad
    assert dlg.error.text() == "" and not dlg.only_squad_button.isVisibleTo(dlg)
    assert dlg.log_path == str(path)
    assert "1 row of 1 player not in this squad left out: Tom Berger" in dlg.log_label.text()
    dlg.replan_box.setChecked(False)
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(18)
    assert len(logged(w, "A2", 15)) == len(logged(w, "A3", 17)) == 1
    # another file chosen in the dialog is asked again
    other = tmp_path / "other.csv"
    other.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    w.weekly.new_week_action.trigger()
    assert not w.weekly.dialog.read_log_file(str(other))
    assert w.weekly.dialog.only_squad_button.isVisibleTo(w.weekly.dialog)
    w.weekly.dialog.reject()


def test_sessions_imported_on_days_away_are_noted_before_they_are_added(
        qtbot, in_week_3, tmp_path, dialogs):
    """A week with the other squad, logged here, was imported without a word though the days
    read as away: the question to add says it, one line for the athlete, and Move Today's
    summary of the week's file too; the sessions are added all the same."""
    from planner.season import Unavailability
    from planner.text import span

    s = in_week_3.model_copy(update={"unavailability": in_week_3.unavailability + (
        Unavailability(athlete="A2", start=day(7), end=day(9), reason="Training with first team"),
        Unavailability(athlete="A3", start=day(15), end=day(16), reason="international duty"))})
    w = make_window(qtbot, s)
    dialogs.answer = "yes"
    path = _csv(tmp_path, [f"A2,{day(7)},75,6,,,,", f"A2,{day(8)},75,6,,,,", f"A3,{day(8)},75,6,,,,"])
    assert import_sessions(w, path) is True
    kind, title, text = dialogs[-1]
    assert (kind, title) == ("confirm", "Import sessions")
    assert (f"2 sessions of Athlete 2 (A2) fall on days they are away (Training with first team, "
            f"{span(day(7), day(9))}): counted as their load.") in text.splitlines()
    assert "Athlete 3 (A3) fall" not in text
    assert len(logged(w, "A2", 7)) == 1 and len(logged(w, "A2", 8)) == 1
    w.weekly.new_week_action.trigger()
    dlg = w.weekly.dialog
    assert dlg.read_log_file(str(_csv(tmp_path, [f"A3,{day(15)},75,6,,,,", f"A2,{day(15)},75,6,,,,"])))
    said = html.unescape(dlg.log_label.text())
    assert (f"1 session of Athlete 3 (A3) falls on days they are away (international duty, "
            f"{span(day(15), day(16))}): counted as their load.") in said
    assert "Athlete 2 (A2) fall" not in said


def test_cancel_on_move_today_first_asks_nothing_more(w, tmp_path, dialogs):
    """A log running past today, Cancel on "Move today first?": the next question offered to
    import the other rows, the choice the coach had just declined."""
    from ui.desktop.sessionimport import import_sessions

    path = _csv(tmp_path, [f"Athlete 2,{day(10)},75,6,,,,", f"Athlete 2,{day(15)},75,6,,,,",
                           f"Athlete 3,{day(16)},75,6,,,,"])
    dialogs.choices = ["cancel"]
    dialogs.on_dialog = lambda d: False
    dialogs.expect_error()
    before = w.season
    assert import_sessions(w, path) is False
    assert w.season is before and not dialogs.asked


def test_move_today_asks_before_recording_a_stage_change_over_a_failed_test(qtbot, planned, dialogs):
    """A1's latest Hip-flexor strength LSI (P3's exit test) failed: ticking "S1 ⚠ waits on a
    test" recorded it with no question, while the injuries editor asks "Record it over a failed
    test?". Move Today asks the same, with the same words; declined, nothing is recorded; once
    recorded, the return says it stands on no passing test."""
    from planner.returns import passed_over, returns
    from planner.season import CriteriaTest

    failed = _passed_p3().model_copy(update={"tests": (
        CriteriaTest(date=day(5), name="Hip-flexor strength LSI", value=60, unit="%"),)})
    s = planned.model_copy(update={"injuries": (failed,)})
    w = make_window(qtbot, s)
    dlg = w.weekly.move_today(day(14))
    assert [(t.stage, t.waits_on) for t in dlg.moves] == [("S1", ("Hip-flexor strength LSI",))]
    dlg.set_accepted(0, True)
    dlg.replan_box.setChecked(False)
    over = passed_over(s, "A1", "S1", dlg.moves[0].date)
    assert over is not None and over.failed
    dialogs.answer = "no"
    dlg.buttons.accepted.emit()
    asked = [c for c in dialogs if c[0] == "confirm"]
    assert [(c[1], c[2]) for c in asked] == [("Record it over a failed test?",
                                              f"{over.words}.\n\nRecord the stage change anyway?")]
    assert "fails: RH-CRIT holds the athlete in P3 until the retest" in over.words
    assert dlg.isVisible() and w.season.calendar.today != day(14)
    assert dlg.error.text().startswith("Nothing recorded yet: untick the stage change")
    dialogs.answer = "yes"
    dlg.buttons.accepted.emit()
    assert w.season.calendar.today == day(14)
    assert [r.stage for r in w.season.injury_of("A1").stages] == ["P3", "S1"]
    (ret,) = [r for r in returns(w.season, w.season.plan) if r.athlete == "A1"]
    assert ret.untested == ("P3's Hip-flexor strength LSI (≥ 90 %)",), ret.untested
    # said with S3's tests still ahead of the return, not hidden by them
    assert ret.back_note() == (" (recorded without a passing test: P3's Hip-flexor strength LSI "
                               "(≥ 90 %); provisional: S3's Hip-flexor strength LSI (≥ 90 %) and "
                               "Pain during max sprint (≤ 2/10) not passed yet)")
    from ui.desktop.returnspanel import return_rows

    (row,) = [r for r in return_rows(w.season) if r.athlete == "A1"]
    assert "(recorded without a passing test: P3's Hip-flexor strength LSI (≥ 90 %);" in row.sentence()
    # ... and the handout's week and explain --return (return_text) say it too
    from planner.handout import Handouts
    from planner.returns import return_text
    from planner.timeline import Timeline

    tl = Timeline(w.season)
    (week,) = Handouts(w.season, w.season.plan).weeks("A1", [tl.week_of[tl.p0]])
    assert "(recorded without a passing test: P3's Hip-flexor strength LSI" in week.milestone, \
        week.milestone
    assert "(recorded without a passing test: P3's" in return_text(w.season, ret)
    w.weekly.shutdown()


def test_move_today_s_field_and_buttons_have_their_own_alt_letters(qtbot, planned):
    """A keyboard-only coach found no Alt letter for "Import this week's sessions…" nor "Next
    week", and none to reach the date field: Alt+T, Alt+N, Alt+I, each once in the dialog."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from ui.desktop.advance import AdvanceDialog

    dlg = AdvanceDialog(planned, day(21))
    qtbot.addWidget(dlg)
    texts = [w.text() for w in dlg.findChildren(QAbstractButton) + dlg.findChildren(QLabel)
             if w.isVisibleTo(dlg)]
    keys = [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t))]
    assert {"t", "n", "i"} <= set(keys) and len(keys) == len(set(keys)), texts
    label = next(x for x in dlg.findChildren(QLabel) if x.text() == "New &today:")
    assert label.buddy() is dlg.today_field


def test_move_today_lists_each_kind_of_pain_with_its_own_what_to_do(qapp):
    """Six fit players' pains and two of a rehab player just below P3's threshold: the summary
    was cut to five lines as one kind, so the fit players' what to do was cut, the rehab advice
    stood under the fit players and the rehab pains were not shown. Each kind is cut alone now,
    its count and its own what to do kept."""
    from planner.progress import PainAlert, PainBelowFlare
    from ui.desktop.advance import MAX_PAIN_LINES, AdvanceDialog

    s = season(weeks=6, athletes=7, injuries=(injury("A1", "P3", start_day=10),), today=day(20))
    sessions = [Session(athlete="A1", date=day(d), minutes=60, rpe=4, pain=4) for d in (15, 16)]
    sessions += [Session(athlete=f"A{k}", date=day(16), minutes=60, rpe=5, pain=6)
                 for k in range(2, 8)]
    lines = [html.unescape(x.removeprefix("<b>").removesuffix("</b>"))
             for x in AdvanceDialog._pain_lines(s, sessions).split("<br>") if x]
    fit = [f"⚠ Pain: {s.athlete_label(f'A{k}')} logged pain 6/10" for k in range(2, 2 + MAX_PAIN_LINES - 1)]
    assert [x.split(" on ")[0] for x in lines[:MAX_PAIN_LINES - 1]] == fit
    assert lines[MAX_PAIN_LINES - 1:MAX_PAIN_LINES + 1] == [
        f"… and {6 - MAX_PAIN_LINES + 1} more (⚠ in the Log panel)", PainAlert.what_to_do_once()]
    rehab = lines[MAX_PAIN_LINES + 1:]
    assert len(rehab) == 3 and rehab[-1] == PainBelowFlare.what_to_do_once()
    assert all(x.startswith(f"⚠ Pain: {s.athlete_label('A1')} logged pain 4/10")
               and "just below the protocol's 5/10" in x for x in rehab[:2])


def test_a_replan_that_finds_a_plan_withdraws_the_last_solve_s_explanation(w, qtbot):
    """After a solve without a plan, undoing its cause and re-planning from today (Ctrl+R)
    found a plan, yet the Solver Explanation still said "the last solve found no plan" and
    kept half the lower area; a solve (F5) already withdrew it."""
    from types import SimpleNamespace

    none = SimpleNamespace(message="No plan satisfies every hard rule.", explanation=(),
                           remedies=())
    w.explanation.show_outcome(w.season, none)
    w.docks["explanation"].show()
    assert "No plan satisfies every hard rule" in w.explanation.toPlainText()
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT) as done:
        w.weekly.replan_action.trigger()
    assert done.args[0].plan is not None
    assert "no conflict to explain" in w.explanation.toPlainText()
    assert w.docks["explanation"].isHidden()


def test_move_today_refuses_a_log_that_adds_nothing_over_days_with_nothing_logged(
        qtbot, planned, tmp_path):
    """Last week's export chosen again (not yet replaced) added nothing, every row already in
    the season, and Move Today moved a week with nothing logged, counted as planned: OK now
    says why it does not move, the file named and the way on, as 'advance --log' refuses it;
    this week's export moves today."""
    from ui.desktop.advance import AdvanceDialog

    rows = [(a, d) for a in ("A2", "A3") for d in range(7, 13)]
    s = E.AdvanceToday(today=day(14)).apply(planned.model_copy(update={"sessions": tuple(
        Session(athlete=a, date=day(d), minutes=60, rpe=5) for a, d in rows)}))
    (tmp_path / "last.csv").write_text("Athlete ID,Date,Minutes,RPE\n" + "".join(
        f"{a},{day(d).isoformat()},60,5\n" for a, d in rows))
    dlg = AdvanceDialog(s, day(21))
    qtbot.addWidget(dlg)
    assert dlg.read_log_file(str(tmp_path / "last.csv"))
    (said,) = dlg.problems()
    assert said.startswith(f"last.csv adds nothing: all its {len(rows)} sessions are already in "
                           f"the season (it was read before?)"), said
    assert "Today has not moved. Import this week's sessions, or leave them out" in said
    dlg._check()
    assert dlg.after is None and said in dlg.error.text()
    (tmp_path / "this.csv").write_text(f"Athlete ID,Date,Minutes,RPE\nA2,{day(15).isoformat()},60,5\n")
    assert dlg.read_log_file(str(tmp_path / "this.csv")) and dlg.problems() == []
    dlg.leave_log_out()  # the days counted as planned, as the refusal offers
    assert dlg.problems() == []


def test_the_logs_buttons_go_under_the_week_in_a_narrow_dock_never_past_its_edge(qtbot):
    """At 200 % beside the Solver Explanation the Log's line of buttons ran past the dock's edge:
    "Copy down" cut, Clear out of sight. A narrow panel puts As planned, Copy down and Clear on a
    line of their own under the week, each whole; a wide one keeps them beside it."""
    from ui.desktop.logtable import LogPanel

    panel = LogPanel()
    qtbot.addWidget(panel)
    panel.set_season(season(weeks=3, athletes=2, today=day(8)))
    buttons = (panel.planned_button, panel.copy_down_button, panel.clear_button)
    panel.resize(1400, 400)
    panel.show()
    qtbot.waitExposed(panel)
    QApplication.processEvents()
    top = panel.week_label.mapTo(panel, panel.week_label.rect().topLeft()).y()
    assert all(abs(b.mapTo(panel, b.rect().topLeft()).y() - top) < b.height() for b in buttons)
    assert panel.week_label.height() < 2 * panel.week_label.fontMetrics().lineSpacing()  # a line
    for width in (560, 420):
        panel.resize(width, 400)
        for _ in range(2):
            QApplication.processEvents()
        assert panel.width() == width  # the panel narrows: nothing holds it wide
        below = panel.last_week_button.mapTo(panel, panel.last_week_button.rect().bottomLeft()).y()
        for b in buttons:
            box = b.geometry().translated(b.parentWidget().mapTo(panel, b.parentWidget().rect().topLeft()))
            assert panel.rect().contains(box), (width, b.text(), box)
            assert b.width() >= b.sizeHint().width(), b.text()  # whole, not cut
            assert box.top() >= below  # on the line under the week


def test_move_today_s_pain_line_names_the_stage_the_ticked_changes_give(qtbot, tmp_path):
    """Review 251: with "→ P2, Tue 20 Oct" ticked and the week's log imported, the line said
    "logged pain 2/10 on Thu 22 Oct 2026 in P1"; with the change he was in P2 (as `check` says
    after the move). The line reads the stages as the ticks give them, and follows a tick."""
    from ui.desktop.advance import AdvanceDialog

    s = season(weeks=6, athletes=3, injuries=(injury("A1", "P1", start_day=-3),))
    s = s.model_copy(update={"plan": solve(SolveRequest(s, time_limit=30)).plan})
    (move,) = [t for t in projected_transitions(s, day(28)) if t.athlete == "A1"][:1]
    pain = move.date + dt.timedelta(days=2)
    assert move.stage == "P2" and pain < day(28)
    log = tmp_path / "week.csv"
    log.write_text("Athlete ID,Date,Minutes,RPE,Pain\n"
                   f"A1,{pain.isoformat()},60,4,4\n", encoding="utf-8")
    dlg = AdvanceDialog(s, day(28))
    qtbot.addWidget(dlg)
    row = dlg.moves.index(move)
    dlg.set_accepted(row, True)
    assert dlg.read_log_file(str(log))

    def said() -> str:
        return html.unescape(dlg.log_label.text())

    where = f"logged pain 4/10 on {text_day_long(pain)} in "
    assert where + "P2 " in said(), said()
    dlg.set_accepted(row, False)  # unticked: still in P1 that day
    assert where + "P1 " in said(), said()
    dlg.set_accepted(row, True)
    assert where + "P2 " in said() and said().count("⚠ Pain") == 1, said()


def test_save_during_a_replan_says_the_replan_still_needs_saving(qtbot, in_week_3, tmp_path):
    """Review 251: Ctrl+S while "Re-planning from today…" ran said only "Saved …", and the
    title's * came back when the re-plan landed: a coach who closed the app then could lose
    it. The status bar says the re-plan still running will need saving."""
    w = make_window(qtbot, in_week_3)
    path = tmp_path / "club.season.json"
    with qtbot.waitSignal(w.weekly.replan_finished, timeout=TIMEOUT):
        assert w.weekly.replan()
        assert w.save_to(path) and path.exists()
        said = w.statusBar().currentMessage()
        assert said == f"Saved {path}; the re-plan still running will need saving when it lands.", said
    assert w.modified  # the plan it brought is not in the file
    assert w.save_to(path) and w.statusBar().currentMessage() == f"Saved {path}"
    w.weekly.shutdown()
