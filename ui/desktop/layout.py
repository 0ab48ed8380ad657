"""The main window's panels and its size: fits a 1280 x 720 laptop (issue 14, item 5).

The default layout puts what a coach reads on the right (Inspector, Returns, Plan Check, Rules,
Scenarios: one tab group) and what a coach edits on the left (Squad, Injuries, Competitions,
Blocks, Days Off: one tab group, hidden until the Season menu opens one of them); the Solver
Explanation sits under the board, hidden until a solve finds no plan. So at 1280 x 720 the
board shows the whole squad. Every panel scrolls inside its dock when the dock is shorter than
the panel (a form never draws over the tab bar, its last button stays reachable), and dock tabs
are never cut to "Inspe…": a tab bar with no room scrolls instead.

The window state is saved with :data:`STATE_VERSION`; a layout saved by an older version (other
panels) is not restored.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabBar, QWidget

STATE_VERSION = 2  # QMainWindow.saveState/restoreState: 2 = the layout of issue 14
DEFAULT_SIZE = QSize(1400, 860)
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea

# key, title, area; in tab order within each area. "scroll": the panel scrolls in its dock.
PANELS = (
    ("inspector", "Inspector", RIGHT, False),
    ("returns", "Returns", RIGHT, False),
    ("check", "Plan Check", RIGHT, False),
    ("rules", "Rules", RIGHT, False),
    ("scenarios", "Scenarios", RIGHT, True),
    ("squad", "Squad", LEFT, True),
    ("injuries", "Injuries", LEFT, True),
    ("competitions", "Competitions", LEFT, True),
    ("blocks", "Blocks", LEFT, True),
    ("daysoff", "Days Off", LEFT, True),
    ("explanation", "Solver Explanation", BOTTOM, False),
)
HIDDEN = ("squad", "injuries", "competitions", "blocks", "daysoff", "explanation")
FRONT = ("inspector", "squad")


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that gives it the dock's width and scrolls
    vertically when the dock is shorter than the widget's smallest height."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setAccessibleName(widget.accessibleName())
    return area


def build_docks(window: QMainWindow, widgets: dict[str, QWidget]) -> dict[str, QDockWidget]:
    """One dock per panel of :data:`PANELS` (``widgets``: key -> panel), tabbed by area."""
    docks: dict[str, QDockWidget] = {}
    for key, title, area, scroll in PANELS:
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock-{key}")
        dock.setWidget(scrolled(widgets[key]) if scroll else widgets[key])
        dock.setAccessibleName(f"{title} panel")
        window.addDockWidget(area, dock)
        docks[key] = dock
    for area in (RIGHT, LEFT, BOTTOM):
        keys = [k for k, _t, a, _s in PANELS if a == area]
        for a, b in zip(keys, keys[1:], strict=False):
            window.tabifyDockWidget(docks[a], docks[b])
    for key in FRONT:
        docks[key].raise_()
    for key in HIDDEN:
        docks[key].hide()
    width = window.width() or DEFAULT_SIZE.width()
    side = 380 if width < 1360 else 420
    window.resizeDocks([docks["inspector"], docks["squad"]], [side, 360],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks["explanation"]], [180], Qt.Orientation.Vertical)
    TabBarKeeper(window)
    return docks


class TabBarKeeper:
    """Keeps the window's dock tab bars from cutting their titles ("Inspe…"): no eliding, and
    scroll buttons when the titles need more room than the dock has. The main window makes its
    tab bars as docks are tabbed, so they are fixed again after every layout change."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fix)
        for dock in window.findChildren(QDockWidget):
            dock.dockLocationChanged.connect(self._timer.start)
            dock.topLevelChanged.connect(self._timer.start)
            dock.visibilityChanged.connect(self._timer.start)
        window.tabifiedDockWidgetActivated.connect(self._timer.start)
        window.tab_bar_keeper = self
        self.fix()

    def fix(self) -> None:
        for bar in tab_bars(self.window):
            if bar.elideMode() != Qt.TextElideMode.ElideNone:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
            if not bar.usesScrollButtons():
                bar.setUsesScrollButtons(True)
            bar.setExpanding(False)


def tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The main window's dock tab bars (direct children; not those inside panels)."""
    return [b for b in window.findChildren(QTabBar) if b.parent() is window]


def default_size(window: QWidget) -> QSize:
    """1400 x 860, or the screen's free area when it is smaller (a 1280 x 720 laptop)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    return QSize(min(DEFAULT_SIZE.width(), free.width()), min(DEFAULT_SIZE.height(), free.height()))


def needs_maximising(window: QWidget) -> bool:
    """Whether the screen is smaller than the default window (it then opens maximised)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    free = screen.availableGeometry().size()
    return free.width() < DEFAULT_SIZE.width() or free.height() < DEFAULT_SIZE.height()
