"""View ▸ Key to the Board (Ctrl+K): the board's key drawn whole in a window of its own.

Under a board narrowed by panels the key folds to one line ("point here"), and its words were
then only a tooltip: a coach on the keyboard could not read it. This window draws it as the
comparison window does (``BoardLegend``, never folded) with its words under it; Esc or Close
closes it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.board import BoardLegend
from ui.desktop.layout import show_one

SHORTCUT = "Ctrl+K"


class KeyWindow(QDialog):
    """The drawn key and its words, with Close (not modal: the board stays in use)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Key to the Board")
        self.legend = BoardLegend(self)
        self.legend.MAX_LINES = 99  # here it is drawn whole, whatever the window's width
        self.words = QLabel(self.legend.toolTip())
        self.words.setWordWrap(True)
        self.words.setAccessibleName("The key in words")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.legend)
        lay.addWidget(self.words)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.resize(760, 320)


def install(window: QMainWindow, menu: QMenu) -> QAction:
    """The View menu's Key to the Board, with its keys; it shows the one window of ``window``."""
    action = QAction("&Key to the Board", window)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setToolTip("The board's colours, glyphs and marks, drawn and in words")

    def show() -> None:
        show_one(window, KeyWindow, lambda dlg: dlg.close_button)

    action.triggered.connect(show)
    menu.addAction(action)
    return action
