"""Where Tab and Shift+Tab take the keyboard: only to controls the coach can see.

Qt keeps the panels of a dock tab that is not in front shown, moved out of the window, so Tab
from the board went into the Rules panel behind Returns and ↑/↓ then set rules nobody saw.
:func:`tab_target` walks the window's focus chain as Qt does (the same focus policy, focus
proxies and visibility), among the widgets ``keep`` accepts: the main window leaves out those
of a dock behind another (:func:`behind`), an editor keeps to its own controls, so that Tab goes
round its list, form and buttons and back to the first.

Both walk the chain only for a Tab or Shift+Tab the coach pressed (:func:`tab_pressed`, told by
:class:`TabKeys`): Qt asks the same ``focusNextPrevChild`` of a window or panel being hidden or
deleted with the keyboard in it, and that is left to Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import takewhile

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QTabBar, QWidget
from shiboken6 import createdByPython, isValid

from ui.desktop.layout import behind_a_tab, dock_of, docks_of

_LONGEST = 10_000  # a focus chain is a ring; this only guards against a broken one


def behind(widget: QWidget) -> bool:
    """Whether ``widget`` is in a docked panel that is not on screen (a tab not in front)."""
    dock = dock_of(widget)
    while dock is not None:
        if behind_a_tab(dock):
            return True
        dock = dock_of(dock.parentWidget())
    return False


def _idle_tab_bar(widget: QWidget) -> bool:
    """Whether ``widget`` is one of the main window's dock tab bars whose tab in front is no
    panel shown (Qt keeps the bar of a closed group, out of sight or under the board)."""
    window = widget.parentWidget()
    if not isinstance(widget, QTabBar) or not isinstance(window, QMainWindow):
        return False
    title = widget.tabText(widget.currentIndex())
    return not any(d.windowTitle() == title and d.isVisible() and not behind_a_tab(d)
                   for d in docks_of(window))


def in_sight(widget: QWidget) -> bool:
    """Whether Tab may take the main window's keyboard to ``widget``: not in a panel behind
    another's tab, nor a dock tab bar left over."""
    return not behind(widget) and not _idle_tab_bar(widget)


def focus_proxy(w: QWidget) -> QWidget | None:
    """``w.focusProxy()`` without the binding's side effect. PySide makes the proxy's Python
    wrapper a child of ``w``'s (an ownership rule of ``QWidget.focusProxy``): a scroll area, the
    proxy of its own viewport, became its viewport's child, a cycle no one else held, and when
    the garbage collector freed it every Python wrapper under the area went with it: the Load
    panel read "Internal C++ object already deleted" while the window showed it. The proxy is
    handed back to its own parent (for Qt, the same parent: nothing moves) when both were made
    in Python: the wrapper of a parent Qt made is let go as soon as it is not needed, and would
    take the proxy's with it."""
    proxy = w.focusProxy()
    if proxy is not None and createdByPython(proxy):
        parent = proxy.parentWidget()
        if parent is not None and createdByPython(parent):
            proxy.setParent(parent)
    return proxy


def _deepest_proxy(w: QWidget) -> QWidget | None:
    proxy = focus_proxy(w)
    while proxy is not None and (deeper := focus_proxy(proxy)) is not None:
        proxy = deeper
    return proxy


class TabKeys(QObject):
    """Notes a Tab or Shift+Tab key pressed, while Qt hands it on: a filter on the widget with
    the keyboard only (installed as it gets it, removed as it loses it; never on the
    application). Every event of that one widget, its paints too, passes through Python for
    it; no other widget's does. The note goes with the key's release (the widget the keyboard
    went to has the filter by then), or once Qt is idle again."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.pressed = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.pressed = kind == QEvent.Type.KeyPress
            if self.pressed:
                QTimer.singleShot(0, self, self.release)
        return False

    def release(self) -> None:
        self.pressed = False

    def focused(self, old: QWidget | None, now: QWidget | None) -> None:
        if old is not None and isValid(old):  # a widget deleted with the keyboard in it is gone
            old.removeEventFilter(self)
        if now is not None:
            now.installEventFilter(self)  # installed again, it stays one filter


def install() -> TabKeys:
    """The one :class:`TabKeys` of the application (made once, kept by the app)."""
    app = QApplication.instance()
    keys = app.findChild(TabKeys)
    if keys is None:
        keys = TabKeys(app)
        app.focusChanged.connect(keys.focused)
        if QApplication.focusWidget() is not None:
            keys.focused(None, QApplication.focusWidget())
    return keys


def tab_pressed(widget: QWidget) -> bool:
    """Whether ``widget``, shown, is asked for a Tab or Shift+Tab the coach pressed: not while
    it or a widget in it is hidden or deleted (a Python wrapper may be half gone by then)."""
    keys = QApplication.instance().findChild(TabKeys)
    return keys is not None and keys.pressed and widget.isVisible()


def _tab_test(focus: QWidget, root: QWidget, forward: bool) -> Callable[[QWidget], bool]:
    """Qt's own test of a widget Tab may give the keyboard to (the style's hint read once)."""
    all_controls = QGuiApplication.styleHints().tabFocusBehavior() == Qt.TabFocusBehavior.TabFocusAllControls
    wanted = (Qt.FocusPolicy.TabFocus if all_controls else Qt.FocusPolicy.StrongFocus).value

    def takes(w: QWidget) -> bool:
        proxy = _deepest_proxy(w)
        taker = proxy or w
        policy = taker.focusPolicy().value if taker.isEnabled() else 0
        composite = proxy is not None and (proxy.isAncestorOf(w) if forward else w.isAncestorOf(proxy))
        return (policy & wanted == wanted and not composite and w.isVisibleTo(root)
                and w.isEnabled() and focus is not proxy)
    return takes


def _ring(focus: QWidget, forward: bool) -> Iterator[QWidget]:
    """The window's widgets from ``focus`` on, the way Tab (``forward``) or Shift+Tab goes,
    until the ring comes back to it."""
    w = focus.nextInFocusChain() if forward else focus.previousInFocusChain()
    for _ in range(_LONGEST):
        if w is focus or w is None:
            return
        yield w
        w = w.nextInFocusChain() if forward else w.previousInFocusChain()


def tab_target(root: QWidget, forward: bool,
               keep: Callable[[QWidget], bool] = lambda _w: True) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab gives the keyboard to from the focused one,
    among the widgets of ``root``'s window that ``keep`` accepts; None when there is none but
    the focused one. The walk stops at the first it finds, either way."""
    focus = QApplication.focusWidget() or root
    takes = _tab_test(focus, root, forward)
    return next((w for w in _ring(focus, forward) if takes(w) and keep(w)), None)


def focus_first(root: QWidget) -> bool:
    """The keyboard to ``root``'s first control Tab would reach (Qt's order and test); False,
    the keyboard where it was, when ``root`` has none in sight."""
    takes = _tab_test(root, root, True)
    first = next((w for w in _ring(root, True) if root.isAncestorOf(w) and takes(w)), None)
    if first is None:
        return False
    first.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def move_focus(root: QWidget, forward: bool, keep: Callable[[QWidget], bool],
               round_: Callable[[], None] = lambda: None) -> bool:
    """Tab or Shift+Tab within ``root`` among the widgets ``keep`` accepts; False when no
    widget takes it, or when it is not a Tab in sight: Qt asks the same of a window or panel
    being hidden or closed with the focus in it, and that is left to Qt. ``round_`` is called
    when the keyboard goes round, from the last of ``root``'s widgets to its first or back."""
    focus = QApplication.focusWidget()
    if not root.isVisible() or focus is None or not focus.isVisible():
        return False
    target = tab_target(root, forward, keep)
    if target is None:
        return False
    passed = takewhile(lambda w: w is not target, _ring(focus, forward))
    went_round = any(not root.isAncestorOf(w) for w in passed)
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    if went_round:
        round_()
    return True


def past_hidden(window: QWidget, forward: bool, step: Callable[[bool], bool]) -> bool:
    """The main window's Tab: Qt's own ``step``, taken again while it lands out of sight
    (:func:`in_sight`), at most once round the window; only ``step`` when it is no Tab pressed
    (:func:`tab_pressed`)."""
    if not tab_pressed(window):
        return step(forward)
    start = QApplication.focusWidget()
    moved = step(forward)
    for _ in range(_LONGEST):
        focus = QApplication.focusWidget()
        if not moved or focus is None or focus is start or in_sight(focus):
            break
        moved = step(forward)
    return moved
