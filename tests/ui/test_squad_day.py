"""A day's header clicked on the board shows that day across the squad in the Inspector:
"which players may sprint flat out on Thursday?" took a click on each of 24 cells (review 228,
F7)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from planner.caution import caution_notes
from planner.season import Session
from planner.squad import plan_row
from planner.timeline import Timeline
from tests.ui.test_load import planned
from ui.desktop.boardgeom import HEADER_H
from ui.desktop.mainwindow import MainWindow, load_demo_season


def _row(text: str, heading: str) -> str:
    """The names the Inspector lists under ``heading`` ("" when there is none)."""
    lines = text.splitlines()
    return next((lines[k + 1] for k, line in enumerate(lines[:-1]) if line.startswith(heading)),
                "")



def _window(qtbot, season) -> MainWindow:
    """The app on ``season`` at 1280 x 690, shown."""
    win = MainWindow(season, None, autosave=False)
    qtbot.addWidget(win)
    win.resize(1280, 690)
    win.show()
    qtbot.waitExposed(win)
    return win

def test_a_click_on_a_days_header_shows_the_squads_day_with_its_cautions(qtbot):
    season = planned(load_demo_season())
    today = season.calendar.today
    fit = next(a.id for a in season.athletes if season.injury_of(a.id) is None)
    # a pain logged the day before today: the next speed day says to check with the athlete
    season = season.model_copy(update={"sessions": season.sessions + (
        Session(athlete=fit, date=today - dt.timedelta(days=1), minutes=45, rpe=4, pain=6),)})
    notes = caution_notes(season, fit)
    assert notes
    day, note = min(notes.items())
    tl = Timeline(season)
    i = tl.index(day)
    # a second fit athlete at another level that day: two levels to tell apart
    other = [a.id for a in season.athletes if season.injury_of(a.id) is None and a.id != fit][-1]
    plan = season.plan
    rows = []
    for ap in plan.athletes:
        if ap.athlete == other:
            level = 80 if ap.intensity[i] == 95 else 95
            ap = ap.model_copy(update={"intensity": ap.intensity[:i] + (level,) + ap.intensity[i + 1:]})
        rows.append(ap)
    season = season.model_copy(update={"plan": plan.model_copy(update={"athletes": tuple(rows)})})
    win = _window(qtbot, season)
    board = win.board
    board.scroll_to_date(day)
    QApplication.processEvents()
    x = board._x(i) + board._cw // 2
    assert board._name_w < x < board.viewport().width()
    win.docks["returns"].raise_()  # another tab in front: the click brings the Inspector
    with qtbot.waitSignal(board.day_clicked, timeout=2000) as got:
        qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, HEADER_H // 2))
    assert got.args == [day]
    assert not win.docks["inspector"].visibleRegion().isEmpty()
    text = win.inspector.toPlainText()
    assert "The squad on" in text, text
    levels = {95: "95 % or more", 100: "95 % or more", 90: "90 %", 80: "80 %",
              70: "60–70 %", 60: "60–70 %"}
    away = tl.unavailable
    for a in season.athletes:
        ap = plan_row(season.plan, a.id)
        if i in away(a.id):
            assert a.name in _row(text, "Away"), a.name
        elif ap.stages[i] != "FIT":
            assert f"{a.name} ({ap.stages[i]}" in _row(text, "In rehab"), a.name
        elif ap.intensity[i] == 0:
            assert a.name in _row(text, "No running"), a.name
        else:
            line = _row(text, levels[ap.intensity[i]])
            assert a.name in line, (a.name, ap.intensity[i])
            for other in set(levels.values()) - {levels[ap.intensity[i]]}:
                assert a.name not in _row(text, other)
    assert note in text  # the day's caution, by name
    assert f"{season.athlete(fit).name}: {note}" in text.replace("\n", " ")
    # a cell clicked afterwards shows that athlete's day again
    cell = board.cell_rect(fit, day).center()
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert "The squad on" not in win.inspector.toPlainText()


def test_the_squads_day_stays_through_an_edit_until_a_cell_is_chosen(qtbot):
    """Reading "who may sprint on Thursday", a session logged replaced the page with the first
    row's cell, and the header click built that cell's page first, thrown away."""
    from planner import edits as E

    season = planned(load_demo_season())
    win = _window(qtbot, season)
    board = win.board
    tl = Timeline(season)
    day = season.calendar.today + dt.timedelta(days=3)
    board.scroll_to_date(day)
    QApplication.processEvents()
    x = board._x(tl.index(day)) + board._cw // 2
    cells = []
    real = win.inspector.show_cell
    win.inspector.show_cell = lambda *a, **k: (cells.append(a[1:3]), real(*a, **k))
    qtbot.mouseClick(board.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, HEADER_H // 2))
    assert win.inspector.toPlainText().startswith("The squad on")
    assert cells == []  # no cell page built first
    athlete = season.athletes[1].id
    win.apply_edit(E.LogSessions(sessions=(Session(athlete=athlete, date=season.calendar.today,
                                                   minutes=60, rpe=5),)))
    QApplication.processEvents()
    assert win.inspector.toPlainText().startswith("The squad on")
    assert cells == []
    board.set_current(athlete, day)  # a cell chosen: its page
    QApplication.processEvents()
    assert cells and cells[-1] == (athlete, day)
    assert not win.inspector.toPlainText().startswith("The squad on")
