"""The mouse wheel scrolls the panel, not the value under the pointer.

Qt's combo boxes, spin boxes and date edits change their value on a wheel turn whenever the
pointer passes over them: scrolling down the Injuries editor switched its Injury to "New injury"
and its Protocol to another one, unnoticed until Apply. Installed on the application, this
filter lets such a field take the wheel only once it has the keyboard focus (clicked or tabbed
into); otherwise the turn goes to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox


class WheelGuard(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, QComboBox | QAbstractSpinBox):
            # Qt gives such a field the focus on a wheel turn (WheelFocus) before any filter
            # sees the turn; a click or Tab still focuses it
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if (kind == QEvent.Type.Wheel and isinstance(obj, QComboBox | QAbstractSpinBox)
                and not obj.hasFocus()):
            area = obj.parentWidget()
            while area is not None and not isinstance(area, QAbstractScrollArea):
                area = area.parentWidget()
            if area is not None:  # the panel around the field scrolls instead
                QApplication.sendEvent(area.viewport(), event.clone())
            return True
        return False


def install(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app`` (kept alive as the app's child)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
