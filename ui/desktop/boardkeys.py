"""The keyboard's way back to the board from a panel, and on to the panel again.

A keyboard coach in an editor could not reach the board: Ctrl+T only scrolled it (the arrows
then changed the editor's date field, unseen), Escape and F6 did nothing, and it took about
nine Tabs through both dock tab bars. Now **F6** (View ▸ Go to the Board) puts the keyboard on
the board, and F6 on the board goes back to the field it came from; **Escape** in an editor
does the same as F6 there; Ctrl+T (Go to Today) also puts the keyboard on the board. The board
draws a frame in the highlight colour while it has the keyboard. Escape with a pop-up open in an
editor (a date's calendar, a list dropped down) closes the pop-up first and leaves the keyboard
in the field: the editor's Escape shortcut took the key before the calendar did, so the calendar
stayed drawn over the editor's buttons while the board had the keyboard.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from shiboken6 import isValid


class BoardKeys:
    """F6 between the board and the panel last worked in; Escape in ``editors`` to the board."""

    def __init__(self, window, editors: Sequence[QDockWidget]):
        self.window = window
        self.board: QWidget = window.board
        self.back: QWidget | None = None  # the field F6 left for the board
        self.action = QAction("Go to the &Board", window)
        self.action.setShortcut(QKeySequence("F6"))
        self.action.setStatusTip("The keyboard on the board (F6 again: back to the panel; "
                                 "Escape in an editor does the same)")
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)  # with the menu bar hidden too
        for dock in editors:
            key = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock)
            key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            key.activated.connect(self.escape)

    def escape(self) -> None:
        """Escape in an editor: a pop-up open in it closes first (the keyboard back in its
        field); with none open, the keyboard goes to the board."""
        popup = QApplication.activePopupWidget()
        if popup is not None and _inside(self.window, popup):
            popup.close()
            return
        self.to_board()

    def to_board(self) -> None:
        here = QApplication.focusWidget()
        if here is not None and here is not self.board and self.window.isAncestorOf(here):
            self.back = here
        self.board.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def toggle(self) -> None:
        back = self.back
        if self.board.hasFocus() and back is not None and isValid(back) and back.isVisible():
            back.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.to_board()


def _inside(window: QWidget, popup: QWidget) -> bool:
    """Whether ``popup`` belongs to ``window`` (``isAncestorOf`` stops at the pop-up's own
    window)."""
    owner = popup.parentWidget()
    while owner is not None and owner is not window:
        owner = owner.parentWidget()
    return owner is window
