"""A clear keyboard focus: a 2-pixel ring in a high-contrast colour on the control that has the
keyboard (buttons, combos, radio buttons, check boxes, fields, lists, tables and text panels).

A coach with poor eyesight could not tell which control had the keyboard: Fusion turns a
button's or combo's 1-pixel grey edge light blue, the Export weeks dialog's radio buttons showed
nothing at all. The ring is a widget of its own laid over the control's edge (no style sheet:
one changes the controls' look and sizes), hidden when the keyboard leaves; the board keeps its
own frame. :func:`install` once for the application.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.desktop.theme import is_dark

WIDTH = 2
LIGHT, DARK = "#1a1aa6", "#ffd600"  # a deep blue on a light palette (>7:1 on white), yellow on dark
RINGED = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView, QTextEdit,
          QPlainTextEdit)


def ring_colour() -> QColor:
    return QColor(DARK if is_dark(QApplication.palette()) else LIGHT)


def ringed(widget: QWidget | None) -> bool:
    """Whether ``widget`` gets the ring when it has the keyboard: a control of :data:`RINGED`,
    not one that draws its own (``periodize-own-focus``; a style sheet's ``:focus`` rule: an
    editor's list, framed in the highlight colour as the board is) nor a line edit inside a
    combo or spin box (the box has the ring)."""
    if widget is None or not isinstance(widget, RINGED) or widget.property("periodize-own-focus"):
        return False
    if ":focus" in widget.styleSheet():
        return False
    parent = widget.parentWidget()
    return not (isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox))


class FocusRing(QWidget):
    """The ring over one control's edge (a child of it: it moves and scrolls with it)."""

    def __init__(self, target: QWidget):
        super().__init__(target)
        self.setObjectName("periodize-focus-ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("")
        self.pen = QPen(ring_colour(), WIDTH)
        self.pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        self.setGeometry(target.rect())
        target.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize and obj is self.parentWidget():
            self.setGeometry(obj.rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setPen(self.pen)
        half = WIDTH // 2
        p.drawRect(self.rect().adjusted(half, half, -half, -half))
        p.end()


class _Keeper(QObject):
    """Shows the ring of the control that has the keyboard, hides the one that had it."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.shown: FocusRing | None = None
        app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        import shiboken6

        if self.shown is not None and shiboken6.isValid(self.shown):
            self.shown.hide()
        self.shown = None
        if not ringed(new):
            return
        ring = new.findChild(FocusRing, "periodize-focus-ring",
                             Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(new)
        ring.pen.setColor(ring_colour())  # the palette may have turned dark or light since
        ring.setGeometry(new.rect())
        ring.show()
        ring.raise_()
        self.shown = ring


def install(app: QApplication | None = None) -> None:
    """The ring for every window of ``app`` (the running application by default); once."""
    app = app or QApplication.instance()
    if app is None or app.property("periodize-focus-ring"):
        return
    app.setProperty("periodize-focus-ring", True)
    _Keeper(app)


def ring_of(widget: QWidget) -> FocusRing | None:
    """The ring shown on ``widget`` (tests), None when it shows none."""
    ring = widget.findChild(FocusRing, "periodize-focus-ring",
                            Qt.FindChildOption.FindDirectChildrenOnly)
    return ring if ring is not None and ring.isVisible() else None
