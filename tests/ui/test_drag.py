"""Dragging on the board (issue 14): a competition marker to another day, a stage boundary of an
injured athlete to pin a stage start; each drop one undo step, a refused drop explained in the
status bar (no dialog), Escape cancels."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from planner.season import AthletePlan, Competition, StagePin
from tests.ui.test_app import hand_plan, tiny_season
from ui.desktop.board import DAY_H, Y_DAY
from ui.desktop.mainwindow import MainWindow

D = dt.date


def staged_plan(season):
    """The hand plan with Cara in P2 to Sun 8 Mar and in P3 from Mon 9 Mar (day 7)."""
    plan = hand_plan(season, level=70)
    athletes = []
    for ap in plan.athletes:
        if ap.athlete == "A3":
            ap = AthletePlan(athlete="A3", stages=("P2",) * 7 + ("P3",) * 7,
                             intensity=ap.intensity, weeks=ap.weeks)
        athletes.append(ap)
    return plan.model_copy(update={"athletes": tuple(athletes)})


@pytest.fixture
def w(qtbot):
    season = tiny_season()
    win = MainWindow(season.model_copy(update={"plan": staged_plan(season)}), None)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    qtbot.waitExposed(win)
    return win


def marker(w, day: dt.date) -> QPoint:
    rect = w.board.cell_rect("A1", day)
    return QPoint(rect.center().x(), Y_DAY + DAY_H // 2)


def edge(w, athlete: str, day: dt.date) -> QPoint:
    rect = w.board.cell_rect(athlete, day)
    return QPoint(rect.left(), rect.center().y())


def drag(qtbot, w, start: QPoint, end: QPoint) -> None:
    vp = w.board.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    mid = QPoint((start.x() + end.x()) // 2, start.y())
    qtbot.mouseMove(vp, mid)
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)


def test_a_competition_dragged_to_another_day_moves_there_in_one_undo_step(w, qtbot, dialogs):
    assert w.board.drag.cursor_at(marker(w, D(2026, 3, 14))) == Qt.CursorShape.OpenHandCursor
    drag(qtbot, w, marker(w, D(2026, 3, 14)), marker(w, D(2026, 3, 12)))
    assert w.season.competition("m1").date == D(2026, 3, 12)
    assert w.undo_stack.count() == 1 and "Move competition 'League match'" in w.undo_stack.undoText()
    w.undo_action.trigger()
    assert w.season.competition("m1").date == D(2026, 3, 14)
    assert dialogs == []


def test_in_week_zoom_the_weeks_marker_is_grabbed_where_it_is_drawn(w, qtbot, dialogs):
    """Week zoom draws one marker in the middle of the week: grabbing it there takes the week's
    competition (the day under the pointer, Thursday, has none), and its tooltip lists the
    week's competitions."""
    board = w.board
    board.set_zoom("week")
    qtbot.waitUntil(lambda: board._zoom == "week")
    (week, prio, count), = [m for m in board.week_markers() if m[0] == 1]
    assert (prio, count) == ("B", 1)
    mid = QPoint(board.cell_rect("A1", D(2026, 3, 12)).center().x(), Y_DAY + DAY_H // 2)
    grab = board.drag.competition_at(mid)
    assert grab is not None and grab.comp == "m1" and grab.start == 12
    tip = board.tooltip_at(mid)
    assert "Week 2" in tip and "Sat 14 Mar 2026: League match — priority B" in tip
    empty = QPoint(board.cell_rect("A1", D(2026, 3, 4)).center().x(), Y_DAY + DAY_H // 2)
    assert board.drag.competition_at(empty) is None and "No competition" in board.tooltip_at(empty)


def test_a_refused_drop_is_explained_in_the_status_bar(qtbot, dialogs):
    season = tiny_season()
    season = season.model_copy(update={"competitions": (Competition(
        id="m1", name="Spring camp", date=D(2026, 3, 13), end_date=D(2026, 3, 14),
        priority="C"),)})
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    before = w.season
    drag(qtbot, w, marker(w, D(2026, 3, 13)), marker(w, D(2026, 3, 15)))  # ends after the season
    assert w.season == before and w.undo_stack.count() == 0
    assert dialogs == []
    text = w.statusBar().currentMessage()
    assert text.startswith("Not done:") and "Spring camp" in text and "season is unchanged" in text


def test_a_stage_boundary_dragged_pins_the_stage_start(w, qtbot, dialogs):
    start = edge(w, "A3", D(2026, 3, 9))  # P3 starts on Mon 9 Mar
    assert w.board.drag.cursor_at(start) == Qt.CursorShape.SizeHorCursor
    drag(qtbot, w, start, w.board.cell_rect("A3", D(2026, 3, 11)).center())
    assert w.season.pins == (StagePin(athlete="A3", stage="P3", date=D(2026, 3, 11)),)
    assert w.undo_stack.count() == 1
    # Dragged again: the pin moves (it replaces the pin of the same stage), one more step.
    drag(qtbot, w, edge(w, "A3", D(2026, 3, 9)), w.board.cell_rect("A3", D(2026, 3, 12)).center())
    assert w.season.pins == (StagePin(athlete="A3", stage="P3", date=D(2026, 3, 12)),)
    assert w.undo_stack.count() == 2
    # Before the minimum days of P2 are over: refused, in the status bar.
    drag(qtbot, w, edge(w, "A3", D(2026, 3, 9)), w.board.cell_rect("A3", D(2026, 3, 6)).center())
    assert w.season.pins == (StagePin(athlete="A3", stage="P3", date=D(2026, 3, 12)),)
    assert "cannot start P3 before Mon 9 Mar 2026" in w.statusBar().currentMessage()
    w.undo_action.trigger()
    w.undo_action.trigger()
    assert w.season.pins == ()
    assert dialogs == []


def test_escape_cancels_a_drag_and_a_fit_row_has_no_boundary(w, qtbot):
    vp = w.board.viewport()
    start = marker(w, D(2026, 3, 14))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, marker(w, D(2026, 3, 10)))
    assert "Drop to move ‘League match’ to Tue 10 Mar" in w.statusBar().currentMessage()
    qtbot.keyClick(w.board, Qt.Key.Key_Escape)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=marker(w, D(2026, 3, 10)))
    assert w.season.competition("m1").date == D(2026, 3, 14) and w.undo_stack.count() == 0
    assert w.board.drag.boundary_at(edge(w, "A1", D(2026, 3, 9))) is None
