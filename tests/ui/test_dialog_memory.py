"""Dialogs opened again and again keep nothing: each one a menu opens (Move Today, New Scenario,
Find Athlete, the Export's weeks, Solve Time, Export Handouts, a log's Import the Other Rows) is
gone once closed. A dialog made as a child of the window and never deleted stayed until the
window closed: the Export's weeks kept 38 widgets and about 24 KB (with the season it counted)
per export, the Handouts dialog its squad list, Import the Other Rows the refusal it listed."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog

from tests.builders import day, injury, season
from tests.ui.conftest import solved
from ui.desktop import findathlete

WARM = 3  # openings before counting: Qt's and PySide's own caches fill once
TIMES = 12


@pytest.fixture(scope="module")
def planned():
    return solved(season(weeks=6, athletes=4, injuries=(injury("A1", "P3", start_day=-13),)))


@pytest.fixture
def window(shown_window, planned):
    return shown_window(planned, (1280, 720))


def settle() -> None:
    """Events handled and the deletions asked for done, as the window's event loop does."""
    for _ in range(3):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def kept(window) -> tuple[int, int, int]:
    """The window's dialogs, its objects, and the app's widgets."""
    return (len(window.findChildren(QDialog)), len(window.findChildren(QObject)),
            len(QApplication.allWidgets()))


def held_after(window, open_and_close) -> tuple[tuple, tuple, int]:
    """What the window holds before and after TIMES openings (after WARM), and how many of the
    dialogs opened are still alive (the window's last one may be: its attribute names it).
    Objects counted, not bytes: a dialog kept is dozens of objects, every time, while the heap
    rises and falls by hundreds of bytes with PySide's own bookkeeping."""
    for _ in range(WARM):
        open_and_close()
    settle()
    before = kept(window)
    opened = [weakref.ref(open_and_close()) for _ in range(TIMES)]
    settle()
    return before, kept(window), sum(ref() is not None for ref in opened)


def _move_today(window):
    window.weekly.new_week_action.trigger()
    dlg = window.weekly.dialog
    QApplication.processEvents()
    dlg.reject()
    return dlg


def _new_scenario(window):
    window.whatif.new_action.trigger()
    QApplication.processEvents()
    dlg = window.whatif.dialog
    dlg.reject()
    return dlg


def _find_athlete(window):
    dlg = findathlete.find_athlete(window)
    QApplication.processEvents()
    dlg.reject()
    return dlg


def _export_weeks(window, dialogs):
    from ui.desktop.fileio import _plan_weeks

    dialogs.on_dialog = lambda d: d.choose("thisweek") or True
    assert _plan_weeks(window) == [0]  # the answer read before the dialog goes
    dialogs.on_dialog = lambda d: False
    assert _plan_weeks(window) is False
    asked = dialogs.asked[-1]
    dialogs.asked.clear()  # the record would keep them
    return asked


def _solve_time(window, dialogs):
    from ui.desktop import solvetime

    dialogs.on_dialog = lambda d: False
    solvetime.ask(window)
    asked = dialogs.asked[-1]
    dialogs.asked.clear()  # the record would keep them
    return asked


def _handouts(window, dialogs, accept: bool):
    from ui.desktop.handouts import HandoutsDialog, handouts_dialog

    class Answered(HandoutsDialog):  # exec() answered at once, as the coach would
        def exec(self):
            return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    dlg = Answered(window.season, window)
    # accepted: the answers read, then the file dialog cancelled (FakeInteraction has no file)
    assert handouts_dialog(window, dlg) is False
    dialogs.clear()
    return dlg


def _other_rows(window, dialogs, log):
    from ui.desktop.sessionimport import OtherRowsDialog, import_sessions

    dialogs.on_dialog = lambda d: False  # Cancel: nothing imported
    assert import_sessions(window, log) is False, list(dialogs)
    asked = dialogs.asked[-1]
    assert isinstance(asked, OtherRowsDialog)
    dialogs.asked.clear()  # the record would keep them
    return asked


def _bad_log(path):
    """A log refused for one row without RPE among good ones: the other rows are offered."""
    path.write_text("Player,Date,Duration,RPE,Max Velocity (km/h),Minutes played,Pain,Notes\n"
                    f"A2,{day(-3)},75,6,,,,\nA3,{day(-2)},60,,,,,\nA4,{day(-1)},45,4,,,,\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("opened", ["move today", "new scenario", "find athlete", "export weeks",
                                    "solve time", "handouts", "handouts cancelled", "other rows"])
def test_a_dialog_opened_again_and_again_keeps_nothing(window, dialogs, opened, tmp_path):
    open_and_close = {
        "move today": lambda: _move_today(window),
        "new scenario": lambda: _new_scenario(window),
        "find athlete": lambda: _find_athlete(window),
        "export weeks": lambda: _export_weeks(window, dialogs),
        "solve time": lambda: _solve_time(window, dialogs),
        "handouts": lambda: _handouts(window, dialogs, accept=True),
        "handouts cancelled": lambda: _handouts(window, dialogs, accept=False),
        "other rows": lambda: _other_rows(window, dialogs, log),
    }[opened]
    log = _bad_log(tmp_path / "week.csv")
    before, after, alive = held_after(window, open_and_close)
    assert after == before, f"{opened}: (dialogs, objects, widgets) {before} -> {after}"
    assert alive <= 1, f"{opened}: {alive} of {TIMES} dialogs still alive"
