"""Enter in a Log cell commits at once: a table reset before the next event (a re-plan's result
reordering the athletes) neither loses the entry nor leaves Qt a deleted editor to commit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from planner import edits as E
from tests.builders import day, season
from ui.desktop.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _key(widget, key) -> None:
    """A key press delivered now, without running the event loop (a key typed while the app
    was busy reaches the editor before the queued events)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))


def test_an_entry_is_logged_when_the_table_resets_right_after_enter(qtbot):
    w = MainWindow(E.AdvanceToday(today=day(14)).apply(season()), None, autosave=False)
    qtbot.addWidget(w)
    w.show()
    w.weekly.show_log()
    panel = w.weekly.log_panel
    view, model = panel.view, panel.model
    view.setCurrentIndex(model.index(0, 0))
    view.edit(model.index(0, 0))
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.setText("30 3")
    _key(editor, Qt.Key.Key_Return)
    model.beginResetModel()  # the athletes reordered before the next event
    model.endResetModel()
    qtbot.wait(50)
    a, d = model.cell(model.index(0, 0))
    assert [(s.minutes, s.rpe) for s in model.sessions(a.id, d)] == [(30, 3)]
    assert view.state() != view.State.EditingState
    w.weekly.shutdown()


def test_enter_then_a_reset_and_the_editor_deleted_does_not_crash(tmp_path):
    """In a child process: a segmentation fault ends it on a signal, with no Python traceback."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERIODIZE_STATE_DIR=str(tmp_path / "state"))
    child = subprocess.run([sys.executable, "-m", "tests.ui.log_enter_child", str(tmp_path)],
                           cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert child.returncode == 0, child.stderr[-2000:]
    assert "logged: 30 3" in child.stdout
