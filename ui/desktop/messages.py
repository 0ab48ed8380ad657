"""View ▸ Recent Messages…: the status bar's last messages, whole, with their time.

The status bar shows one line (``ui.desktop.statusbar``): a long message ("Returns moved: Kofi
Mensah (A07): back to full training Tue 13 Oct 2026 (was Mon 5 Oct …") is cut with "…" and
reads whole only in a tooltip, under the mouse, until the next message replaces it. The last
:data:`KEPT` messages are kept here; the window lists them, the latest first, as text to
select and copy, opened from the View menu (Ctrl+Shift+M) or with a click on the status bar.
Only what the app says is kept (``MessageBar.said``): a menu item's status tip, shown while the
mouse is over it, and where a drag would drop are not messages, and would push the real ones
out.
"""

from __future__ import annotations

import datetime as dt
from collections import deque

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from ui.desktop.statusbar import one_line

KEPT = 20  # messages kept
KEYS = "Ctrl+Shift+M"


class MessagesDialog(QDialog):
    """The messages, the latest first, in a read-only text the keyboard reaches (the arrows,
    Ctrl+A, Ctrl+C); Close or Escape closes it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Recent Messages")
        self.setAccessibleName("Recent messages")
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(f"The status bar's last {KEPT} messages, whole, the latest first:"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("The status bar's recent messages")
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        lay.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Close")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth()
        self.resize(80 * width, 24 * self.fontMetrics().lineSpacing())

    def set_messages(self, messages: list[tuple[dt.datetime, str]]) -> None:
        lines = [f"{when:%H:%M:%S}  {text}" for when, text in reversed(messages)]
        self.text.setPlainText("\n\n".join(lines) if lines else "No message yet.")
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)


class MessageHistory(QObject):
    """Keeps the messages the app gave the status bar (each once in a row; not the status tips
    nor the drag hints) and shows them (:meth:`show`)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.messages: deque[tuple[dt.datetime, str]] = deque(maxlen=KEPT)
        self.dialog: MessagesDialog | None = None
        bar = window.statusBar()
        bar.said.connect(self.add)
        bar.clicked.connect(self.show)
        self.action = QAction("Recent &Messages…", window)
        self.action.setShortcut(QKeySequence(KEYS))
        self.action.setStatusTip("The status bar's last messages, whole, with their time")
        self.action.triggered.connect(self.show)

    def add(self, text: str) -> None:
        text = one_line(text)
        if text and (not self.messages or self.messages[-1][1] != text):
            self.messages.append((dt.datetime.now(), text))
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.set_messages(list(self.messages))

    def show(self) -> MessagesDialog:
        """The window of messages, brought up to date and to the front, the text focused."""
        if self.dialog is None:
            self.dialog = MessagesDialog(self.window)
        self.dialog.set_messages(list(self.messages))
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.text.setFocus()
        return self.dialog


def install(window) -> MessageHistory:
    """The history of ``window``'s status bar (a ``MessageBar``); its action for the View menu."""
    history = MessageHistory(window)
    window.addAction(history.action)
    return history
