"""A menu's shortcut in a text field: the menu wins over the field's own use of the keys
(ui.desktop.menukeys)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.test_editors import tiny_window

CTRL = Qt.KeyboardModifier.ControlModifier


class LinuxLineEdit(QObject):
    """A field as Qt's line edit is on Linux (X11 key bindings: Ctrl+E is MoveToEndOfLine), which
    the offscreen platform's bindings are not: it takes Ctrl+E for itself, before any shortcut."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_E:
            event.accept()
            return True
        return False


@pytest.fixture
def w(qtbot):
    return tiny_window(qtbot, active=True)


def test_ctrl_e_in_a_field_is_file_export_and_the_field_keeps_its_editing_keys(w, qtbot, dialogs):
    """With the cursor in the Days Off editor's Date field, Ctrl+E did nothing: the line edit
    took it as 'end of line' before File ▸ Export… (Ctrl+E) could. The menu wins now, in a line
    edit and in a date field; Ctrl+A still selects the field's text."""
    w.open_editor("daysoff")
    ed = w.days_off_editor
    linux = LinuxLineEdit(w)
    for field in (ed.reason, ed.date.line):  # the date field's text is its line edit
        field.installEventFilter(linux)  # the field's own handling comes after any filter on it
        field.setFocus()
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)
        before = len(dialogs)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
        assert [d[0] for d in list(dialogs)[before:]] == ["save"], field  # File ▸ Export… asked
    ed.reason.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ed.reason)
    qtbot.keyClicks(ed.reason, "Winter break")
    QTest.keyClick(ed.reason, Qt.Key.Key_A, CTRL)
    assert ed.reason.selectedText() == "Winter break"
