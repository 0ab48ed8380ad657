"""The issue's "done when": a coach builds the demo season from File > New, solves, asks why,
pins, re-solves, undoes and saves, all in the app (crash and recovery: test_recovery.py); and
the app follows the system's dark mode."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.season import IntensityPin
from planner.seasonfile import load_season
from tests.ui.test_board import open_menu
from tests.ui.test_theme import FakeHints
from ui.desktop.boardmenu import find_action
from ui.desktop.mainwindow import MainWindow
from ui.desktop.theme import follow_system_scheme, is_dark


def test_a_coachs_session(qtbot, tmp_path, dialogs):

    from tests.ui.test_app import tiny_season

    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()

    # File > New from the demo template.
    w.new_action.trigger()
    w.new_season_dialog.choose_template("demo")
    w.new_season_dialog.buttons.accepted.emit()
    assert w.season.name == "Riverside FC 2026/27" and w.season.plan is None

    # Solve.
    w.solve_time_limit = 60.0
    with qtbot.waitSignal(w.solve_finished, timeout=120_000) as first:
        w.solve_action.trigger()
    assert first.args[0].plan is not None and w.season.plan is not None
    assert w.check_report.ok

    # Ask why: an injured athlete's day in the inspector.
    day = dt.date(2026, 9, 16)
    w.board.set_current("A07", day)
    why = w.inspector.toPlainText()
    assert "Kofi Mensah" in why and "Why this day" in why and "RH-CAP" in why

    # Pin a fit athlete's rest day to 90 % from the board's menu, and solve again.
    fit_day = dt.date(2026, 9, 15)  # a Tuesday
    menu = open_menu(w, "A05", fit_day)
    find_action(menu, "90 % (high velocity)").trigger()
    assert IntensityPin(athlete="A05", date=fit_day, intensity=90) in w.season.pins
    with qtbot.waitSignal(w.solve_finished, timeout=120_000) as second:
        w.solve_action.trigger()
    plan = w.season.plan
    assert second.args[0].plan is plan
    i = (fit_day - w.season.calendar.start).days
    assert plan.for_athlete("A05").intensity[i] == 90  # the pin holds
    assert w.check_report.ok

    # Undo the re-solve: the first plan is back, the pin stays.
    w.undo_action.trigger()
    assert w.season.plan == first.args[0].plan
    assert w.season.pins

    # Save.
    target = tmp_path / "riverside.season.json"
    dialogs.files = [target]
    w.save_action.trigger()
    saved = load_season(target)
    assert saved == w.season and not w.modified
    assert "riverside.season.json" in w.windowTitle()


def test_the_app_follows_the_systems_dark_mode(qtbot):
    app = QApplication.instance()
    palette, style = app.palette(), app.style().name()
    try:
        hints = FakeHints(Qt.ColorScheme.Light)
        follow_system_scheme(app, hints)
        assert not is_dark(app.palette())
        w = MainWindow(None, None, autosave=False)
        qtbot.addWidget(w)
        hints.switch(Qt.ColorScheme.Dark)  # the system switched
        assert is_dark(app.palette())
        QApplication.processEvents()
        assert w.board.theme().dark
        hints.switch(Qt.ColorScheme.Light)
        assert not is_dark(app.palette())
        QApplication.processEvents()
        assert not w.board.theme().dark
    finally:
        app.setStyle(style)
        app.setPalette(palette)


def test_an_unexpected_error_is_one_sentence_not_a_traceback(dialogs):
    from ui.desktop.app import show_unexpected_error

    try:
        raise RuntimeError("the printer caught fire")
    except RuntimeError as e:
        show_unexpected_error(type(e), e, e.__traceback__)
    assert dialogs.kinds() == ["error"]
    assert dialogs[0][2].startswith("Unexpected error (RuntimeError): the printer caught fire; "
                                    "this is a fault in Periodize, not in your files.")
    assert "Traceback" not in dialogs[0][2] and "line" not in dialogs[0][2]
    try:
        raise KeyError("A3")
    except KeyError as e:  # alone it read "'A3'"
        show_unexpected_error(type(e), e, e.__traceback__)
    assert dialogs[1][2].startswith("Unexpected error (KeyError): 'A3'; this is a fault")
    from planner.errors import PeriodizeError

    for e in (PeriodizeError(), PeriodizeError("Ends with a stop.")):  # no message; one ending "."
        try:
            raise e
        except Exception as caught:  # noqa: BLE001 - the hook is given whatever was raised
            show_unexpected_error(type(caught), caught, caught.__traceback__)
    assert dialogs[2][2].startswith("Unexpected error (PeriodizeError); this is a fault")
    assert "Ends with a stop.\n" in dialogs[3][2] and ".." not in dialogs[3][2]


def test_a_coachs_session_at_1280_by_720(qtbot, dialogs):
    """Issue 14's "done when": a new season typed in, an athlete added by typing his name, dates
    typed in the two common forms, solved, the return date and a missed target read from the
    Returns panel, a competition dragged and the drag undone, and no explanation left of a
    conflict that is gone; all at 1280 x 720 with every control reachable."""
    from PySide6.QtCore import QPoint

    from tests.ui.reach import assert_reachable
    from tests.ui.test_app import tiny_season
    from tests.ui.test_dates import type_date
    from ui.desktop.board import DAY_H, Y_DAY

    w = MainWindow(tiny_season(), None)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    w.board.today_override = dt.date(2026, 12, 14)

    # File ▸ New: an empty season, its dates typed in both forms.
    w.new_action.trigger()
    new = w.new_season_dialog
    new.name.setText("Test United")
    type_date(qtbot, new.start, "30/11/2026")
    type_date(qtbot, new.end, "Sun 28 Feb 2027")
    new.buttons.accepted.emit()
    assert (w.season.name, w.season.calendar.start, w.season.calendar.end) == (
        "Test United", dt.date(2026, 11, 30), dt.date(2027, 2, 28))

    # Competitions, with typed dates.
    w.show_dock("competitions")
    comps = w.competitions_editor
    for name, typed, prio in (("League", "16/01/2027", "C"), ("Cup tie", "Sat 6 Feb 2027", "B")):
        comps.name.setText(name)
        type_date(qtbot, comps.date, typed)
        comps.priority.setCurrentIndex(comps.priority.findData(prio))
        comps.add_button.click()
        assert_reachable(w, "competitions")
    cup = next(c for c in w.season.competitions if c.name == "Cup tie")
    assert cup.date == dt.date(2027, 2, 6)

    # The squad: two athletes added by typing their names.
    w.show_dock("squad")
    squad = w.squad_editor
    for name in ("Ben Hart", "Sam Cole"):
        squad.name.selectAll()
        qtbot.keyClicks(squad.name, name)
        squad.add_button.click()
    assert [a.name for a in w.season.athletes] == ["Ben Hart", "Sam Cole"]
    assert_reachable(w, "squad")
    ben = w.season.athletes[0].id

    # Ben's injury: P2 from Mon 7 Dec, the cup tie his target.
    w.show_dock("injuries")
    inj = w.injuries_editor
    inj.select(ben)
    inj.protocol.setCurrentIndex(inj.protocol.findData("iliopsoas-tendinopathy"))
    type_date(qtbot, inj.onset, "20/11/2026")
    inj.first_stage.setCurrentIndex(inj.first_stage.findData("P2"))
    type_date(qtbot, inj.first_start, "Mon 7 Dec 2026")
    inj.target.setCurrentIndex(inj.target.findData(cup.id))
    assert_reachable(w, "injuries")
    inj.record_button.click()
    assert w.season.injury_of(ben).current.start == dt.date(2026, 12, 7)
    assert_reachable(w, "injuries")

    # A pin that cannot hold (a taper week with no A competition): no plan, explained.
    w.solve_time_limit = 60.0
    w.board.set_current(ben, dt.date(2027, 1, 13))  # scrolled into view
    menu = open_menu(w, ben, dt.date(2027, 1, 13))
    find_action(menu, "taper").trigger()
    with qtbot.waitSignal(w.solve_finished, timeout=120_000) as got:
        w.solve_action.trigger()
    assert got.args[0].plan is None
    stale = "the coach's pin 'taper' week"
    assert stale in w.explanation.toPlainText()
    w.undo_action.trigger()  # the pin goes
    assert stale not in w.explanation.toPlainText()

    # Solve: the Returns panel says when Ben is back, and that he misses the cup tie.
    with qtbot.waitSignal(w.solve_finished, timeout=120_000) as got:
        w.solve_action.trigger()
    assert got.args[0].plan is not None
    assert "found a plan" in w.explanation.toPlainText()
    w.show_dock("returns")
    (row,) = w.returns_panel.rows
    assert row.back == dt.date(2027, 2, 8) and row.target_met is False
    cells = w.returns_panel.row_texts()[0]
    assert cells[:2] == ["Ben Hart", "Mon 8 Feb\nprovisional"] and cells[3] == "✖ MISSED: Cup tie"
    assert w.board.missed_target(ben)
    for key in ("returns", "inspector", "check", "rules", "scenarios", "squad", "blocks",
                "daysoff"):
        w.show_dock(key)
        assert_reachable(w, key)

    # Drag the cup tie a week later, then undo the drag.
    def marker(day):
        return QPoint(w.board.cell_rect(ben, day).center().x(), Y_DAY + DAY_H // 2)

    w.board.scroll_to_date(dt.date(2027, 1, 25))
    vp = w.board.viewport()
    start, end = marker(dt.date(2027, 2, 6)), marker(dt.date(2027, 2, 13))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, QPoint((start.x() + end.x()) // 2, start.y()))
    qtbot.mouseMove(vp, end)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    assert w.season.competition(cup.id).date == dt.date(2027, 2, 13)
    assert w.returns_panel.rows[0].target_date == dt.date(2027, 2, 13)
    w.undo_action.trigger()
    assert w.season.competition(cup.id).date == dt.date(2027, 2, 6)
    assert w.returns_panel.rows[0].target_met is False

    # No stale explanation, a window that still fits.
    assert stale not in w.explanation.toPlainText() and "TP-1" not in w.explanation.toPlainText()
    assert w.size().width() == 1280 and w.size().height() == 720
    assert not [d for d in dialogs if d[0] in ("warn", "error")]
