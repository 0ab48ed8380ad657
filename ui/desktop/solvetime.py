"""Plan ▸ Solve Time…: how long the solver may take, kept between sessions (QSettings).

A solve, a re-plan from today and a what-if re-plan each stop at this limit and keep the best
plan found (the window's ``solve_time_limit``). It was fixed at 30 s: on a busy laptop the demo's
first solve stopped far from the best possible, every return target missed, with no way to give
it more time.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QSpinBox, QVBoxLayout, QWidget

KEY = "solveTimeLimit"
DEFAULT = 30  # seconds
LOWEST, HIGHEST = 10, 600


def stored() -> float:
    """The solve time kept in the settings, in seconds (:data:`DEFAULT` when none or one that
    does not read; held to :data:`LOWEST`–:data:`HIGHEST`). A value that is no number of
    seconds — a yes/no, "inf", "1e999", "nan", a list — reads as the default: the window reads it
    as it opens, and a settings file edited by hand must not stop the app from starting."""
    value = QSettings().value(KEY, DEFAULT)
    if isinstance(value, bool):
        return float(DEFAULT)
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return float(DEFAULT)
    if not math.isfinite(seconds):
        return float(DEFAULT)
    return float(min(HIGHEST, max(LOWEST, int(seconds))))


def store(seconds: int) -> None:
    QSettings().setValue(KEY, int(seconds))


class SolveTimeDialog(QDialog):
    """The seconds a solve may take, in a spin box."""

    def __init__(self, seconds: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Solve Time")
        lay = QVBoxLayout(self)
        label = QLabel(
            f"How long a solve, a re-plan and a what-if may take, in seconds ({LOWEST} to "
            f"{HIGHEST}). The solver stops then and keeps the best plan found. On a busy or slow "
            f"computer, more time gives a better plan.")
        label.setWordWrap(True)
        self.seconds = QSpinBox()
        self.seconds.setRange(LOWEST, HIGHEST)
        self.seconds.setSuffix(" s")
        self.seconds.setSingleStep(10)
        self.seconds.setValue(round(seconds))
        self.seconds.setAccessibleName("Solve time in seconds")
        label.setBuddy(self.seconds)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(label)
        lay.addWidget(self.seconds)
        lay.addWidget(buttons)


def ask(window) -> None:
    """Ask the seconds; kept for the window and the next sessions."""
    dialog = SolveTimeDialog(window.solve_time_limit, window)
    try:
        if not window.interaction.ask_dialog(dialog):
            return
        seconds = dialog.seconds.value()
    finally:  # a child of the window: it was kept after every answer
        dialog.deleteLater()
    store(seconds)
    window.solve_time_limit = float(seconds)
    running = " (the solve running now keeps its time)" if window.solve_job.is_running() else ""
    window.statusBar().showMessage(f"A solve may now take up to {seconds} s{running}.", 8000)


def install(window, plan_menu) -> QAction:
    """Plan ▸ Solve Time… after the menu's solve items."""
    action = QAction("Solve &Time…", window)
    action.setToolTip("How long the solver may take (kept for the next sessions)")
    action.triggered.connect(lambda: ask(window))
    plan_menu.addSeparator()
    plan_menu.addAction(action)
    return action
