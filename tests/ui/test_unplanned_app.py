"""A player added to a planned season in the app (the Squad editor's Add): his row at 0 % is
no plan, and the board, the Inspector, the status bar, Plan Check and the handouts say so."""

from __future__ import annotations

import datetime as dt

from planner.squad import NOT_PLANNED
from tests.ui.test_editors import tiny_window
from ui.desktop.handouts import HandoutsDialog, export_handouts

DAY = dt.date(2026, 3, 4)  # a training day of the tiny season


def _added(qtbot, solved: bool = False):
    """The tiny season's window (its plan made by hand, or ``solved``), Dana New added."""
    w = tiny_window(qtbot)
    if solved:
        from tests.builders import solved_and_checked
        from ui.desktop.mainwindow import MainWindow

        season = w.season.model_copy(update={"plan": solved_and_checked(w.season)[0].plan})
        w = MainWindow(season, None)
        qtbot.addWidget(w)
        w.show()
    ed = w.squad_editor
    ed.name.setText("Dana New")
    ed.position.setCurrentText("Defender")
    ed.max_speed.setValue(8.9)
    ed.add_button.click()
    assert w.season.plan.unplanned == ("A4",)
    return w


def test_the_board_and_the_inspector_say_not_planned_yet(qtbot):
    w = _added(qtbot)
    board = w.board
    row = next(r for r in board._rows if r.athlete_id == "A4")
    assert row.intensity is None and row.recovery == frozenset()  # no ○ recovery drawn
    tip = board.tooltip_at(board.cell_rect("A4", DAY).center())
    assert f"Plan: {NOT_PLANNED}" in tip and "Intensity" not in tip
    planned = board.tooltip_at(board.cell_rect("A1", DAY).center())
    assert "Intensity" in planned and NOT_PLANNED not in planned
    board.set_current("A4", DAY)
    text = w.inspector.toPlainText()
    assert NOT_PLANNED in text and "Session" not in text and "Intensity" not in text
    board.set_current("A1", DAY)
    assert NOT_PLANNED not in w.inspector.toPlainText()


def test_the_status_bar_and_plan_check_say_who_is_not_planned(qtbot):
    w = _added(qtbot, solved=True)
    assert w._summary().endswith("; plan: 1 athlete not planned yet (Plan ▸ Solve, F5)")
    assert "changed by hand" not in w._summary()
    assert w.violations_panel.summary.text().startswith("✔ The plan keeps every hard rule.")
    said = ("1 athlete not planned yet (Dana New): their days are not checked nor counted, and no "
            "handout, calendar or athlete sheet is made for them")
    assert f"∅ {said}; solve (F5)." in \
        w.violations_panel.summary.text()
    lines = [w.violations_panel.list.item(k).text() for k in range(w.violations_panel.list.count())]
    assert f"∅ {said}; solve (F5)." in lines
    assert not any(v.athlete == "A4" for v in w.check_report.violations + w.check_report.soft)
    assert w.check_report.unplanned == ("A4",)
    hand = _added(qtbot)  # a plan that breaks rules: both said
    assert hand._summary().endswith("(Plan Check); solve again (F5); 1 athlete not planned yet")


def test_handouts_leave_the_newcomer_out_and_say_so(qtbot, tmp_path):
    w = _added(qtbot)
    dialog = HandoutsDialog(w.season)
    qtbot.addWidget(dialog)
    assert "A4" not in dialog.chosen_athletes()
    assert ("1 athlete not planned yet (Dana New): their days are not checked nor counted, and no "
            "handout, calendar or athlete sheet is made for them; "
            "solve (F5) for their handouts.") in dialog.summary.text()
    dialog._check_all(__import__("PySide6.QtCore").QtCore.Qt.CheckState.Checked)
    assert "A4" not in dialog.chosen_athletes()  # greyed: Whole squad leaves him unticked
    files = export_handouts(w.season, w.season.plan, tmp_path / "out")
    assert len(files) == 3 and not any("Dana" in f.name for f in files)


def test_the_cell_menu_offers_no_hand_edit_of_the_newcomer(qtbot):
    from ui.desktop.boardmenu import MANUAL_MENU, PIN_MENU, cell_menu

    w = _added(qtbot)
    menu = cell_menu(w.season, "A4", DAY)
    subs = {a.text(): a for a in menu.actions() if a.menu() is not None}
    manual = next(a for t, a in subs.items() if t.startswith(MANUAL_MENU.split(" (")[0]))
    assert not manual.isEnabled() and manual.text().endswith(f"({NOT_PLANNED})")
    assert not any(a.isChecked() for a in manual.menu().actions())  # no level shown as his
    assert "Dana New (A4) is not planned yet" in manual.toolTip()
    assert subs[PIN_MENU].isEnabled()  # a pin works without a plan: the solve keeps it
    other = cell_menu(w.season, "A1", DAY)  # kept: its actions live as long as the menu
    planned = {a.text(): a for a in other.actions() if a.menu()}
    assert planned[MANUAL_MENU].isEnabled()


def test_plan_checks_line_goes_to_a_day_of_the_season(qtbot):
    """A season played to its end (today the day after): the line went to today, a day the board
    does not show, and the click did nothing. It goes to the season's last day."""
    from planner import edits as E
    from planner.season import Athlete
    from tests.ui.test_app import hand_plan, tiny_season
    from ui.desktop.mainwindow import MainWindow

    season = tiny_season()
    cal = season.calendar
    season = season.model_copy(update={"calendar": cal.model_copy(
        update={"today": cal.end + dt.timedelta(days=1)})})
    season = E.AddAthlete(athlete=Athlete(id="A9", name="Dana New", position="Defender")).apply(
        season.model_copy(update={"plan": hand_plan(season)}))
    w = MainWindow(season, None)
    qtbot.addWidget(w)
    w.show()
    panel = w.violations_panel
    item = next(panel.list.item(k) for k in range(panel.list.count())
                if panel.list.item(k).text().startswith("∅"))
    assert item.data(__import__("PySide6.QtCore").QtCore.Qt.ItemDataRole.UserRole) == ("A9", cal.end)
    panel.list.itemClicked.emit(item)
    assert w.board.current() == ("A9", cal.end)
