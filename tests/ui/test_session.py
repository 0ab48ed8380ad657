"""The issue's "done when": a coach builds the demo season from File > New, solves, asks why,
pins, re-solves, undoes and saves, all in the app (crash and recovery: test_recovery.py); and
the app follows the system's dark mode."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication

from planner.season import IntensityPin
from planner.seasonfile import load_season
from tests.ui.test_board import open_menu
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


class FakeHints(QObject):
    colorSchemeChanged = Signal(object)

    def __init__(self, scheme):
        super().__init__()
        self.scheme = scheme

    def colorScheme(self):  # noqa: N802 - Qt API
        return self.scheme


def test_the_app_follows_the_systems_dark_mode(qtbot):
    app = QApplication.instance()
    palette, style = app.palette(), app.style().name()
    try:
        hints = FakeHints(Qt.ColorScheme.Light)
        follow_system_scheme(app, hints)
        assert not is_dark(app.palette())
        w = MainWindow(None, None, autosave=False)
        qtbot.addWidget(w)
        hints.scheme = Qt.ColorScheme.Dark
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the system switched
        assert is_dark(app.palette())
        QApplication.processEvents()
        assert w.board.theme().dark
        hints.scheme = Qt.ColorScheme.Light
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
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
    assert dialogs[0][2].startswith("the printer caught fire")
    assert "Traceback" not in dialogs[0][2] and "line" not in dialogs[0][2]
