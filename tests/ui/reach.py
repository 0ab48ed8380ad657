"""Whether every control of a panel can be reached in the window as it is sized: scrolled to
inside its dock, inside the window, never under the dock tab bars (issue 14, item 5)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollArea,
    QTabBar,
    QWidget,
)


def controls(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
    return [c for c in root.findChildren(QWidget) if isinstance(c, kinds)
            and c.isVisibleTo(root) and c.isEnabled()
            and not isinstance(c.parent(), (QAbstractSpinBox, QComboBox))
            and not isinstance(c, QTabBar) and not isinstance(c.parent(), QTabBar)
            and c.window() is root.window() and c.height() > 0]


def rect_in(w: QWidget, c: QWidget) -> QRect:
    return QRect(c.mapTo(w, QPoint(0, 0)), c.size())


def dock_tab_bars(w) -> list[QTabBar]:
    return [b for b in w.findChildren(QTabBar) if b.parent() is w and b.isVisible()]


def ancestors(c: QWidget):
    p = c.parentWidget()
    while p is not None:
        yield p
        p = p.parentWidget()


def assert_reachable(w, key: str) -> int:
    """Scroll to each control of the panel ``key`` and check it lies in the window, in its
    panel, in its scroll area's view and clear of the tab bars; returns how many were checked."""
    dock = w.docks[key]
    assert dock.isVisible(), key
    n = 0
    for c in controls(dock.widget()):
        if any(isinstance(p, QAbstractItemView) for p in ancestors(c)):
            continue  # an editor in a list or tree: the list scrolls to it
        area = next((p for p in ancestors(c) if isinstance(p, QScrollArea)
                     and p.widget() is not None and p.widget().isAncestorOf(c)), None)
        if area is not None:
            QApplication.processEvents()
            at = c.mapTo(area.widget(), QPoint(0, 0))  # the whole control, not its cursor
            area.ensureVisible(at.x() + c.width() // 2, at.y() + c.height() // 2,
                               c.width() // 2 + 1, c.height() // 2 + 1)
            QApplication.processEvents()
        QApplication.processEvents()
        # read after the scroll: the panel's size follows the window's layout (a status message
        # of two lines makes the bar taller for a while, and every dock a line shorter)
        window_rect, dock_rect = w.rect(), rect_in(w, dock)
        r = rect_in(w, c)
        name = c.accessibleName() or c.objectName() or type(c).__name__
        assert window_rect.contains(r), f"{key}: {name} lies outside the window"
        assert dock_rect.contains(r), f"{key}: {name} lies outside its panel"
        if area is not None:
            assert rect_in(w, area.viewport()).contains(r), f"{key}: {name} is not scrolled to"
        for bar in dock_tab_bars(w):
            assert not rect_in(w, bar).intersects(r), f"{key}: {name} is drawn over the tabs"
        n += 1
    return n


def button_letters(root: QWidget) -> dict[str, str]:
    """Every visible-or-not button under ``root`` (its text without the "&") -> its Alt letter
    ("" for none); asserts that no two buttons share a letter."""
    from ui.desktop.mnemonics import _letter, _plain

    letters = {_plain(b.text()): _letter(b.text()) for b in root.findChildren(QAbstractButton)
               if b.text()}
    given = [c for c in letters.values() if c]
    assert len(given) == len(set(given)), letters
    return letters
