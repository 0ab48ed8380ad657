"""A menu's shortcut wins over a text field's own use of the same keys.

A line edit takes some Ctrl+letter keys for itself before any shortcut sees them (on Linux
Ctrl+E moves to the end of the line): File ▸ Export… (Ctrl+E) did nothing while the cursor was
in a field, though the menu showed the key. :func:`install` puts one filter on each text field
as it receives the focus (a line edit, a spin box or date field, an editable combo box: the
widget the keys reach), never on the application, so no other event passes through Python
for it. A Ctrl+letter or Ctrl+digit key that an enabled action of the window's menus has is left
to the menu; the field keeps its editing keys (Undo, Redo, Cut, Copy, Paste, Select All: Edit ▸
Undo's own way with a field is ``ui.desktop.undokeys``) and every key no menu has.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QWidget,
)

# the keys a field keeps even where a menu has them: the text's own editing
_EDITING = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo,
            QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Copy,
            QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.SelectAll)
_LETTERS = range(Qt.Key.Key_0.value, Qt.Key.Key_Z.value + 1)  # digits, then A to Z


def _main_window(w: QWidget) -> QMainWindow | None:
    """The main window ``w`` is in (also from a floating dock: its parent is the window)."""
    while w is not None and not isinstance(w, QMainWindow):
        w = w.parentWidget()
    return w


def menu_has(window: QMainWindow, keys: QKeySequence) -> bool:
    """Whether an enabled action of ``window``'s menus (its submenus too) has ``keys``."""
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while menus:
        for action in menus.pop().actions():
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
            elif action.isEnabled() and keys in action.shortcuts():
                return True
    return False


class MenuKeys(QObject):
    """The filter on the fields (see the module)."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """True leaves the key unaccepted by the field: the menu's shortcut takes it."""
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not mods & Qt.KeyboardModifier.ControlModifier or int(event.key()) not in _LETTERS:
            return False
        if any(event.matches(k) for k in _EDITING):
            return False
        window = _main_window(obj)
        keys = QKeySequence(event.keyCombination())
        return window is not None and menu_has(window, keys)

    def focused(self, _old: QWidget | None, now: QWidget | None) -> None:
        """A field that has the focus gets the filter (installed again, it stays one filter);
        so does the spin box or combo box around a line edit: a key the field leaves goes on to
        it, which would hand it back to its line edit."""
        if isinstance(now, (QLineEdit, QAbstractSpinBox)) or (
                isinstance(now, QComboBox) and now.isEditable()):
            now.installEventFilter(self)
            owner = now.parentWidget()
            if isinstance(owner, (QComboBox, QAbstractSpinBox)):
                owner.installEventFilter(self)


def install(app: QApplication | None = None) -> MenuKeys:
    """The one filter of the application, following the focus (made once, kept by the app)."""
    app = app or QApplication.instance()
    keys = app.findChild(MenuKeys)
    if keys is None:
        keys = MenuKeys(app)
        app.focusChanged.connect(keys.focused)
    return keys
