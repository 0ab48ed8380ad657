"""The main window's status bar: a message too long for one line wraps instead of being cut.

Qt's status bar paints its message on a single line and cuts what does not fit. At 1280 px,
with the solve's progress and Cancel button on the right, a re-plan's or an import's message
("Re-planned from Mon 7 Sep: … returns … LD-1 …") lost its end, which is often the part that
says what to do. ``MessageBar`` keeps Qt's behaviour for messages that fit; a longer one makes
the bar as tall as the message needs (up to ``MAX_LINES`` lines) and is painted word-wrapped
in the space left of the permanent widgets. The whole message is also the bar's tooltip.
``showMessage``/``currentMessage``/``messageChanged`` are Qt's own, so callers are unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

MAX_LINES = 4
_WRAP = Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap
_MARGIN = 6  # Qt's own left margin of the message, and the gap kept before a permanent widget


class MessageBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines = 1
        self.messageChanged.connect(self._fit)

    # -- geometry -----------------------------------------------------------------------------
    def _items(self) -> list[QWidget]:
        """The visible widgets shown in the bar (the solve's progress, bar and Cancel button)."""
        return [w for w in self.findChildren(QWidget, options=Qt.FindDirectChildrenOnly)
                if w.isVisible() and not isinstance(w, QSizeGrip)]

    def message_rect(self) -> QRect:
        """Where the message is painted: the bar left of the first visible permanent widget."""
        right = self.width() - _MARGIN
        for w in self._items():
            if w.geometry().left() > _MARGIN:
                right = min(right, w.geometry().left() - _MARGIN)
        return QRect(_MARGIN, 0, max(right - _MARGIN, 1), self.height())

    def message_lines(self) -> int:
        """How many lines the current message takes (1 for an empty or fitting message)."""
        return self._lines

    def _needed_lines(self) -> int:
        text = self.currentMessage()
        if not text:
            return 1
        fm = self.fontMetrics()
        width = self.message_rect().width()
        if fm.horizontalAdvance(text) <= width:
            return 1
        height = fm.boundingRect(QRect(0, 0, width, 100000), int(_WRAP), text).height()
        return max(1, min(MAX_LINES, -(-height // fm.lineSpacing())))

    def _fit(self, text: str = "") -> None:
        self.setToolTip(text if text else "")
        lines = self._needed_lines()
        if lines != self._lines:
            self._lines = lines
            self.updateGeometry()
        self.update()

    def _extra_height(self) -> int:
        return (self._lines - 1) * self.fontMetrics().lineSpacing()

    def sizeHint(self) -> QSize:
        s = super().sizeHint()
        return QSize(s.width(), s.height() + self._extra_height())

    def minimumSizeHint(self) -> QSize:
        s = super().minimumSizeHint()
        return QSize(s.width(), s.height() + self._extra_height())

    def event(self, event) -> bool:
        done = super().event(event)
        if event.type() == QEvent.LayoutRequest and self.currentMessage():
            self._fit(self.currentMessage())  # the progress and Cancel button came or went
        return done

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.currentMessage():
            self._fit(self.currentMessage())

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        text = self.currentMessage()
        if not text or self._lines == 1 and self._needed_lines() == 1:
            super().paintEvent(event)
            return
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        for w in self._items():  # the frames Qt draws around its items
            opt.rect = w.geometry().adjusted(-2, -1, 2, 1)
            self.style().drawPrimitive(QStyle.PE_FrameStatusBarItem, opt, p, self)
        p.setPen(self.palette().windowText().color())
        p.drawText(self.message_rect(), int(_WRAP), text)
        p.end()
