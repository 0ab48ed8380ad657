"""A child process for the Log's Enter test: type into a Log cell, press Enter, and before the
event loop runs again reset the table and delete what it released, as a re-plan's result that
reorders the athletes does, with deleted objects cleared before the next event. Prints the
sessions logged in the cell; a crash ends the process on a signal.

Usage: python -m tests.ui.log_enter_child SETTINGS_DIR  (QT_QPA_PLATFORM from the environment).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEvent, QSettings, Qt
    from PySide6.QtGui import QKeyEvent

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
    from PySide6.QtWidgets import QApplication

    from planner import edits as E
    from tests.builders import day, season
    from ui.desktop.app import make_app
    from ui.desktop.mainwindow import MainWindow

    app = make_app()
    w = MainWindow(E.AdvanceToday(today=day(14)).apply(season()), None, autosave=False)
    w.show()
    w.weekly.show_log()
    panel = w.weekly.log_panel
    view, model = panel.view, panel.model
    view.setCurrentIndex(model.index(0, 0))
    view.setFocus()
    app.processEvents()
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_3,
                                           Qt.KeyboardModifier.NoModifier, "3"))
    editor = QApplication.focusWidget()
    editor.setText("30 3")
    QApplication.sendEvent(editor, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return,
                                             Qt.KeyboardModifier.NoModifier))
    model.beginResetModel()  # the athletes reordered: the open editor is released
    model.endResetModel()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    a, d = model.cell(model.index(0, 0))
    print("logged:", " | ".join(f"{s.minutes:g} {s.rpe:g}" for s in model.sessions(a.id, d)),
          flush=True)
    w.weekly.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
