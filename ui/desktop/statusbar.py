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
from PySide6.QtGui import QPainter, QTextLayout, QTextOption
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
        """Where the message is painted: Qt's own message rectangle (6 px in, 2 px clear of the
        size grip and of the first visible permanent widget), so that both paths agree on what
        fits on one line."""
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
        if not text or self._lines == 1:  # _fit keeps _lines current (message, size, widgets)
            super().paintEvent(event)
            return
        p = QPainter(self)
        opt = QStyleOption()
        opt.initFrom(self)
        for w in self._items():  # the frames Qt draws around its items
            opt.rect = w.geometry().adjusted(-2, -1, 2, 1)
            self.style().drawPrimitive(QStyle.PE_FrameStatusBarItem, opt, p, self)
        p.setPen(self.palette().windowText().color())
        rect = self.message_rect()
        lines = self._wrapped(text, rect.width())
        if len(lines) <= MAX_LINES:
            p.drawText(rect, int(_WRAP), text)
        else:  # longer than the bar: the first lines, the last one elided (the tooltip has all)
            fm = self.fontMetrics()
            shown = lines[:MAX_LINES - 1] + [fm.elidedText(" ".join(lines[MAX_LINES - 1:]),
                                                           Qt.ElideRight, rect.width())]
            top = rect.top() + (rect.height() - MAX_LINES * fm.lineSpacing()) // 2
            for k, line in enumerate(shown):
                p.drawText(QRect(rect.left(), top + k * fm.lineSpacing(), rect.width(),
                                 fm.lineSpacing()), int(Qt.AlignLeft | Qt.AlignVCenter), line)
        p.end()

    def _wrapped(self, text: str, width: int) -> list[str]:
        """The message's lines as word wrap lays them out at ``width``."""
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        out = []
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            out.append(text[line.textStart():line.textStart() + line.textLength()].strip())
        layout.endLayout()
        return out
