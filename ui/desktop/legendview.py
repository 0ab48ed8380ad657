"""View ▸ Key to the Board (Ctrl+K): the board's key drawn whole in a window of its own.

Under a board narrowed by panels the key folds to one line ("point here"), and its words were
then only a tooltip: a coach on the keyboard could not read it. This window draws it as the
comparison window does (``BoardLegend``, never folded) with its words under it; Esc or Close
closes it. The key and its words scroll in the window, which opens as tall as they are,
within the screen: at 1366 x 768 and 125 % a fixed 760 x 320 cut the words at the top and the
bottom with no scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.desktop.board import BoardLegend
from ui.desktop.layout import show_one

SHORTCUT = "Ctrl+K"
WIDTH = 760  # the window's width where the screen has it


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
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QWidget()
        body_lay = QVBoxLayout(body)
        body_lay.setContentsMargins(0, 0, 0, 0)
        body_lay.addWidget(self.legend)
        body_lay.addWidget(self.words)
        body_lay.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(body)
        self.scroll.setAccessibleName("The key to the board")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self._buttons = buttons
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """As wide as WIDTH and as tall as the key and its words at that width, both within the
        screen's free area (a smaller screen scrolls them)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width = WIDTH if room is None else min(WIDTH, room.width() - 40)
        m = self.layout().contentsMargins()
        inner = width - m.left() - m.right() - self.scroll.verticalScrollBar().sizeHint().width()
        need = (self.legend.height_for(inner) + self.layout().spacing() + self.words.heightForWidth(inner)
                + self.layout().spacing() + self._buttons.sizeHint().height() + m.top() + m.bottom() + 8)
        height = need if room is None else min(need, room.height() - 60)
        self.resize(width, max(height, 200))


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
