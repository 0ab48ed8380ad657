"""A squad of 45: Edit ▸ Find Athlete… (Ctrl+F) finds a row by name, ID or position; the Log
follows the athlete selected on the board (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from bench.generate import generated_season
from tests.ui.test_app import hand_plan
from ui.desktop.findathlete import FindAthleteDialog, matching
from ui.desktop.mainwindow import MainWindow

NAMES = {"P040": "Łukasz Wójcik", "P041": "Erik Berger", "P042": "Erik Brandt",
         "P043": "Ben Silva", "P044": "Elias Ortega"}


def squad_of_45():
    season = generated_season(45, 8, seed=11, injured=2)
    athletes = tuple(a.model_copy(update={"name": NAMES.get(a.id, a.name)}) for a in season.athletes)
    season = season.model_copy(update={"athletes": athletes})
    return season.model_copy(update={"plan": hand_plan(season)})


@pytest.fixture
def window(qtbot):
    w = MainWindow(squad_of_45(), None)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_find(window, qtbot) -> FindAthleteDialog:
    window.board.setFocus()
    qtbot.keyClick(window.board, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), FindAthleteDialog))
    return QApplication.activeModalWidget()


def row_in_view(window, athlete: str) -> bool:
    board = window.board
    rect = board.cell_rect(athlete, board.current()[1])
    return rect is not None and board.viewport().rect().contains(rect)


def test_ctrl_f_is_find_athlete_alone_in_the_menus(window):
    keys = QKeySequence("Ctrl+F")
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    having = []
    while menus:
        for action in menus.pop().actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif keys in action.shortcuts():
                having.append(action.text())
    assert having == ["&Find Athlete…"]


def test_a_name_typed_without_accents_selects_his_row_scrolled_into_view(window, qtbot):
    assert window.board.verticalScrollBar().value() == 0
    dialog = open_find(window, qtbot)
    qtbot.keyClicks(dialog.field, "lukasz w")
    assert dialog.found.count() == 1
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert window.board.current()[0] == "P040"
    assert row_in_view(window, "P040") and window.board.verticalScrollBar().value() > 0
    assert "Łukasz Wójcik" in window.inspector.toPlainText()


def test_several_match_and_the_coach_chooses_with_the_arrows(window, qtbot):
    dialog = open_find(window, qtbot)
    qtbot.keyClicks(dialog.field, "Erik B")
    shown = {dialog.found.item(i).text() for i in range(dialog.found.count())}
    assert {t.split(" (")[0] for t in shown} == {"Erik Berger", "Erik Brandt"}
    assert "2 athletes match 'Erik B'" in dialog.note.text()
    first = dialog.chosen()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    second = dialog.chosen()
    assert {first, second} == {"P041", "P042"}
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.board.current()[0] == second
    assert row_in_view(window, second)


def test_none_matching_is_said_and_the_dialog_stays(window, qtbot):
    window.select_athlete("P003")
    dialog = open_find(window, qtbot)
    qtbot.keyClicks(dialog.field, "Zidane")
    assert dialog.found.count() == 0
    assert "No athlete's name, ID or position matches 'Zidane'" in dialog.note.text()
    assert not dialog.show_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert window.board.current()[0] == "P003"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_id_or_a_position_matches_as_the_board_reads_it():
    season = squad_of_45()
    assert [a.id for a in matching(season, " p012 ")] == ["P012"]  # the ID whole: him alone
    assert {a.id for a in matching(season, "P01")} == {f"P{i:03d}" for i in range(10, 20)}
    defenders = {a.id for a in season.athletes if a.position == "Defender"}
    assert defenders and {a.id for a in matching(season, "DF")} == defenders
    assert {a.id for a in matching(season, "defender")} == defenders
    assert [a.id for a in matching(season, "ORTEGA")] == ["P044"]
    assert matching(season, "Ortega Elias") == []  # the words in the name's order


# -- the Log follows the board's athlete ----------------------------------------------------
def log_row_in_view(window, athlete: str) -> bool:
    panel = window.weekly.log_panel
    cur = panel.view.currentIndex()
    if not cur.isValid() or panel.model.athletes[cur.row()].id != athlete:
        return False
    return panel.view.viewport().rect().contains(panel.view.visualRect(cur))


def test_the_log_scrolls_to_the_athlete_selected_on_the_board(window, qtbot):
    window.weekly.show_log()
    qtbot.waitUntil(lambda: window.docks["log"].isVisible())
    panel = window.weekly.log_panel
    assert not log_row_in_view(window, "P044")
    week = [panel.model.tl.days[d] for d in panel.model.days]
    window.board.set_current("P044", week[3])  # Elias Ortega, near the bottom of the squad
    assert log_row_in_view(window, "P044")
    assert panel.view.currentIndex().column() == 3  # the board's day, in the week shown
    later = week[-1] + (week[-1] - week[0]) * 3
    window.board.set_current("P002", later)  # a day after the week shown: the column stays
    assert log_row_in_view(window, "P002")
    assert panel.view.currentIndex().column() == 3
    assert window.board.current() == ("P002", later)  # the board keeps its day


def test_the_log_opens_on_the_athlete_selected_on_the_board(window, qtbot):
    window.select_athlete("P040")
    window.weekly.show_log()
    qtbot.waitUntil(lambda: log_row_in_view(window, "P040"))
    assert window.board.current()[0] == "P040"
