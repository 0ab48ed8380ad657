"""The mouse wheel scrolls the panel, not the value under the pointer.

Qt's combo boxes and spin boxes change their value on a wheel turn whenever the pointer passes
over them: scrolling down the Injuries editor switched its Injury to "New injury" and its Protocol
to another one, unnoticed until Apply. :func:`guard` makes each such field of a window take the
wheel only once it has the keyboard focus (clicked or tabbed into); otherwise the turn scrolls the
panel around it. The filter sits on the fields themselves, not on the application, so no other
event of the app passes through Python for it. :func:`to_panel` hands a turn on to that panel (the
Load dock's charts use it too: the wheel scrolls the dock, Ctrl+wheel zooms).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


def to_panel(widget: QWidget, event: QEvent) -> bool:
    """Give the wheel ``event`` to the nearest scroll area around ``widget``: the panel around it
    scrolls instead. False when there is none."""
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return False
    QApplication.sendEvent(area.viewport(), event.clone())
    return True


class WheelGuard(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            to_panel(obj, event)
            return True
        return False


def guard(root: QWidget) -> int:
    """Guard every combo box and spin box inside ``root``; the number guarded."""
    app = QApplication.instance()
    keeper = app.findChild(WheelGuard) or WheelGuard(app)  # one filter, kept by the app
    fields = root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox)
    for w in fields:
        if w.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Qt focuses such a field on a wheel turn before any filter sees the turn; a click
            # or Tab still focuses it
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        w.installEventFilter(keeper)
    return len(fields)
