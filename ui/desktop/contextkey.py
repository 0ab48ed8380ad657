"""Shift+F10 opens the context menu of the widget with the keyboard, as the Menu key does.

Many laptops have no Menu key, and Qt on Linux gives Shift+F10 no meaning: the board's cell
menu (pin, set a role, …) and the Log's (As planned, Copy down, …) could not be reached from
the keyboard there. The key sends the focused widget the event the Menu key sends: a keyboard
context-menu request at its text cursor or current cell (``ImCursorRectangle``, as Qt places
the Menu key's), else at its middle.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

KEY = "Shift+F10"


def _where(w: QWidget) -> QPoint:
    rect = w.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    if isinstance(rect, QRectF):
        rect = rect.toRect()
    return rect.center() if isinstance(rect, QRect) and rect.isValid() else w.rect().center()


def open_here() -> bool:
    """The focused widget asked for its context menu from the keyboard; False without one."""
    w = QApplication.focusWidget()
    if w is None:
        return False
    pos = _where(w)
    QApplication.sendEvent(w, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, pos,
                                                 w.mapToGlobal(pos)))
    return True


def install(window: QWidget) -> QShortcut:
    """Shift+F10 anywhere in the application (its panels floating too) while ``window`` lives."""
    key = QShortcut(QKeySequence(KEY), window)
    key.setContext(Qt.ShortcutContext.ApplicationShortcut)
    key.activated.connect(open_here)
    return key
