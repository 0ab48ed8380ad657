"""The main window's status bar: one line, always the same height; a message too long for it is
elided and the whole message is the bar's tooltip.

Everything docked under the board (the Roles grid, the Load panel) sits on top of the status
bar, so a bar that changes height moves them: a bar that wrapped a long message ("Solved in
1.4 s … Days changed: …") onto a second line, and went back to one line at the next edit, moved
the Roles grid by a line between two clicks, and a click aimed at a row landed on the row above
or on a column header. ``MessageBar`` therefore keeps Qt's height (Qt's bar is as tall as its
tallest item, the solve's progress, bar and Cancel button, whether they show or not) and paints
a message on one line, cut with "…" when it does not fit beside them (before its last sentence,
the advice a message ends with, when that is short; a line break in a message is read as a
space). The tooltip shows the whole message; a click on the message (``clicked``) opens View ▸
Recent Messages…, the last messages whole (``ui.desktop.messages``). A message cut so has a
**More…** button at its end that opens them too: a basketball coach met the RH-11 warning cut
at "has no run at 80 …" at 1366 px and found neither the tooltip nor the click.
``showMessage``/``currentMessage``/``messageChanged`` are Qt's own, so callers are unchanged.
What the app says through ``showMessage`` is also signalled by ``said``, which that history
keeps; Qt's own messages do not pass there (a menu item's or button's status tip, shown while the
mouse is over it), nor does ``hint``, a passing word under the mouse (where a drag would drop).

What the app says stays until it says something else (or ``clearMessage``), whatever timeout the
caller gave: a result ("Re-planned from today … Returns moved: …") went after 8 to 20 s, before a
slow reader had read it, and a menu's status tip under the mouse wiped it; a tip or a hint now
shows over it and the said message comes back after.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QToolButton, QWidget

_MARGIN = 6  # Qt's own left margin of the message, and the gap kept before a permanent widget


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces read as one space."""
    return " ".join(text.split())


class MessageBar(QStatusBar):
    clicked = Signal()  # a click on the message: the recent messages, whole
    said = Signal(str)  # a message the app gave (showMessage), not a status tip nor a hint

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._elided = False
        self._said = ""  # the app's last message: shown again after a tip or a hint
        # shown while the app's message is cut: the whole one, a click away
        self.more = QToolButton(self)
        self.more.setText("More…")
        self.more.setAutoRaise(True)
        self.more.setAccessibleName("The whole message")
        self.more.setToolTip("The whole message, and the ones before it (View ▸ Recent Messages…)")
        self.more.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more.clicked.connect(self.clicked)
        self.addPermanentWidget(self.more)
        self.more.hide()
        self.messageChanged.connect(self._fit)

    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802 - Qt API
        """Qt's ``showMessage``, the message also signalled by ``said``; it stays until the next
        one (``timeout`` is not kept: see the module). Qt shows a status tip with its own
        ``QStatusBar::showMessage``, so a tip does not come here."""
        self._said = text
        super().showMessage(text, 0)
        self.said.emit(text)

    def clearMessage(self) -> None:  # noqa: N802 - Qt API
        self._said = ""
        super().clearMessage()

    def last_said(self) -> str:
        """The app's last message (the one shown, unless a tip or a hint covers it)."""
        return self._said

    def withdraw(self, start: str) -> None:
        """The app's last message, when it starts with ``start``, no longer holds (a failure
        since mended: a recovery copy written again): it goes, rather than staying until the
        next message."""
        if self._said.startswith(start):
            self.clearMessage()

    def _said_again(self) -> None:
        if self._said and not self.currentMessage():
            super().showMessage(self._said, 0)

    def hint(self, text: str, timeout: int = 0) -> None:
        """``text`` shown as a message is, but not said (``said``): a word that passes with the
        mouse, such as where a drag would drop."""
        super().showMessage(text, timeout)

    # -- geometry -----------------------------------------------------------------------------
    def _items(self) -> list[QWidget]:
        """The visible widgets shown in the bar (the solve's progress, bar and Cancel button,
        More…)."""
        return [w for w in self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                if w.isVisible() and not isinstance(w, QSizeGrip)]

    def message_rect(self) -> QRect:
        """Where the message is painted: Qt's own message rectangle (6 px in, 2 px clear of the
        size grip and of the first visible permanent widget)."""
        rtl = self.layoutDirection() == Qt.RightToLeft
        left, right = _MARGIN, self.width() - 2 * _MARGIN
        grips = [g for g in self.findChildren(QSizeGrip, options=Qt.FindDirectChildrenOnly)
                 if g.isVisible()]
        for w in grips + self._items():
            g = w.geometry()
            if rtl:
                left = max(left, g.right() + 1 + 2)
            else:
                right = min(right, g.left() - 2)
        return QRect(left, 0, max(right - left, 1), self.height())

    def is_elided(self) -> bool:
        """True when the current message does not fit and is shown cut, with "…"."""
        return self._elided

    def shown_text(self) -> str:
        """The message as painted: on one line, elided to the message rectangle's width. A
        message ends with its advice ("… The plan now breaks 1 hard rule: solve again (F5).",
        "… plans with them."), which a cut at the end took away at 1024 x 600: its last sentence
        is kept whole when it takes at most half the width, the cut made before it; else the
        end is cut."""
        text, width, metrics = one_line(self.currentMessage()), self.message_rect().width(), self.fontMetrics()
        if metrics.horizontalAdvance(text) <= width:
            return text
        head, sep, last = text.rpartition(". ")
        if sep and metrics.horizontalAdvance(f"{head[:1]}… {last}") <= width // 2:
            room = width - metrics.horizontalAdvance(f" {last}")
            return f"{metrics.elidedText(head + '.', Qt.ElideRight, room)} {last}"
        return metrics.elidedText(text, Qt.ElideRight, width)

    def _fit(self, text: str = "") -> None:
        if not text and self._said:  # a tip or a hint went: the app's last message again
            QTimer.singleShot(0, self._said_again)
        self.setToolTip(text if text else "")
        self._elided = bool(text) and self.shown_text() != one_line(text)
        # More… with the app's own message cut (a status tip or a drag's hint is no message the
        # recent ones keep); shown, it narrows the message, which stays cut: no back and forth
        said = bool(text) and text == self._said
        if self.more.isHidden() and said and self._elided:
            self.more.show()
        elif not self.more.isHidden() and not (said and self._elided):
            self.more.hide()
        self.update()

    def event(self, event) -> bool:
        done = super().event(event)
        if event.type() == QEvent.LayoutRequest and self.currentMessage():
            self._fit(self.currentMessage())  # the progress and Cancel button came or went
        return done

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.currentMessage():
            self._fit(self.currentMessage())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        if (event.button() == Qt.MouseButton.LeftButton
                and self.message_rect().contains(event.position().toPoint())):
            self.clicked.emit()

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        text = self.currentMessage()
        if not text:
            super().paintEvent(event)
            return
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        for w in self._items():  # the frames Qt draws around its items
            opt.rect = w.geometry().adjusted(-2, -1, 2, 1)
            self.style().drawPrimitive(QStyle.PE_FrameStatusBarItem, opt, p, self)
        p.setPen(self.palette().windowText().color())
        p.drawText(self.message_rect(), int(Qt.AlignLeading | Qt.AlignVCenter | Qt.TextSingleLine),
                   self.shown_text())
        p.end()
