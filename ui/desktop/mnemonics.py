"""Alt+letter on the editors' buttons: only the editor the coach works in answers them.

The editors share one tab group on the left, and Qt counts a dock in a tab behind another as
shown: with Squad and Blocks open, Alt+A ("&Add" in both) was ambiguous, and Qt then only
moves the focus from one Add button to the other; nothing was added. So an editor's buttons
keep their letters only while it is the editor in use: the one holding the keyboard focus, else
the one brought to the front last. (A button's letter is never a menu's either: "A&pply" took
Alt+P from the Plan menu, and neither worked.)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDockWidget, QWidget
from shiboken6 import isValid


def _in_front(dock: QDockWidget) -> bool:
    """Shown to the coach: open, and not a tab behind another (Qt moves those out of sight)."""
    geo = dock.geometry()
    return dock.isVisible() and (dock.isFloating() or (geo.right() >= 0 and geo.bottom() >= 0))


class EditorKeys(QObject):
    """Gives the buttons' Alt+letters to one of ``docks`` at a time (see the module)."""

    def __init__(self, parent: QObject, docks: Sequence[QDockWidget]):
        super().__init__(parent)
        self.docks = list(docks)
        self.front = [d for d in self.docks if _in_front(d)]  # in front, the latest last
        for dock in self.docks:
            dock.visibilityChanged.connect(lambda on, d=dock: self._shown(d, on))
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus)  # a bound slot: let go with the window
        self.update()

    def _focus(self, _old, _new) -> None:
        self.update()

    def _shown(self, dock: QDockWidget, on: bool) -> None:
        if dock in self.front:
            self.front.remove(dock)
        if on:
            self.front.append(dock)
        self.update()

    def owner(self) -> QDockWidget | None:
        """The editor in use: the one holding the focus, else the one shown last."""
        w: QWidget | None = QApplication.focusWidget()
        while w is not None:
            if w in self.docks and w in self.front:
                return w
            w = w.parentWidget()
        return self.front[-1] if self.front else None

    def update(self) -> None:
        # the window closing: its docks go before this object, and the focus still moves
        self.docks = [d for d in self.docks if isValid(d)]
        self.front = [d for d in self.front if d in self.docks]
        owner = self.owner()
        for dock in self.docks:
            for b in dock.findChildren(QAbstractButton):
                letter = QKeySequence.mnemonic(b.text())
                if letter.isEmpty():
                    continue
                want = letter if dock is owner else QKeySequence()
                if b.shortcut() != want:
                    b.setShortcut(want)
