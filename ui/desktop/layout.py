"""The main window's panels and its size: fits a 1280 x 720 laptop (issue 14, item 5).

The default layout puts what a coach reads on the right (Inspector, Returns, Plan Check, Rules,
Scenarios: one tab group) and what a coach edits on the left (Squad, Injuries, Competitions,
Blocks, Days Off: one tab group, hidden until the Season menu opens one of them); the Solver
Explanation sits under the board, hidden until a solve finds no plan. So at 1280 x 720 the
board shows the whole squad. Every panel scrolls inside its dock when the dock is shorter than
the panel (a form never draws over the tab bar, its last button stays reachable), and dock tabs
are never cut to "Inspe…": a tab bar with no room scrolls instead.

The Log, Load and Roles docks under the board scroll too, so no panel makes the window taller
than a 1024 x 600 screen, and a window restored or grown past the screen is put back on it
(:func:`keep_on_screen`).

The window state is saved with :data:`STATE_VERSION`; a layout saved by an older version (other
panels) is not restored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

COMPACT_TABS = "QTabBar::tab { padding: 3px 8px; }"  # five titles side by side in 380 px
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


class FitScrollArea(QScrollArea):
    """A scroll area that gives its panel the viewport's width and the height the panel's
    layout needs at that width (word-wrapped labels included, which a plain QScrollArea
    under-counts: the form is then squeezed and its last rows drawn past the bottom).

    The keyboard's widget is scrolled into view, whole (:meth:`show_focus`): Tab onto the
    Squad editor's Unavailable list moved nothing on screen, as Qt's own scrolling on Tab stops
    once a list's top corner shows, and a field given the keyboard otherwise (a mnemonic, an
    editor opened) was not scrolled to at all.

    ``top_when_grown``: shown again, or grown (a dock beside it closed), it scrolls back to its
    top: the Load dock, scrolled down while it shared the bottom with Roles, kept its selector
    and notice out of view once it had the whole width. ``within``: the wrapped labels of a
    panel wider than the dock (a chart's least width), kept to the dock's width, where they
    wrap: the Load dock's notice ran past its edge ("No session logge…") and scrolled sideways.

    ``fill``: the panel's main view (a grid that scrolls itself), given the height its rows above
    leave it, down to its own minimum, so those rows (buttons, a key) stay in sight: the Roles
    grid kept its full preferred height, the panel scrolled in a dock shorter than that (at
    125 % and 150 %), and the grid given the keyboard was scrolled to the dock's top, its Copy
    to Next Match and Fill Default buttons and its key out of sight above it."""

    def __init__(self, widget: QWidget, top_when_grown: bool = False,
                 within: Callable[[], Iterable[QWidget]] | None = None,
                 fill: QWidget | None = None):
        super().__init__()
        self.top_when_grown = top_when_grown
        self.within = within
        self.fill = fill
        if fill is not None:  # its height is what the panel's other rows leave, its least or more
            fill.setSizePolicy(fill.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # no Tab stop of its own: it shows no focus, and Tab scrolls it to the field it reaches
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(widget.accessibleName())
        widget.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # a click gives the focus to what the pointer is on: the panel is not moved under it
        if new is not None and QApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.show_focus(new)

    def show_focus(self, target: QWidget, margin: int = 8) -> None:
        """Scroll until ``target`` (a widget of the panel) shows whole, or its top when it is
        taller than the dock. The ``fill`` view (or a cell editor in it) is shown with the
        panel's top whenever its own top fits the dock, and a list or table taller than the dock
        with its top in the upper two thirds of it, the panel moved as little as that needs:
        they scroll themselves, and the rows above them (the buttons, the key) stay in sight."""
        panel = self.widget()
        if panel is None or not panel.isAncestorOf(target):
            return
        if self.fill is not None and (target is self.fill or self.fill.isAncestorOf(target)):
            target = self.fill
        top = target.mapTo(panel, QPoint(0, 0)).y() - margin
        bottom = top + target.height() + 2 * margin
        bar, room = self.verticalScrollBar(), self.viewport().height()
        tall = bottom - top > room
        if target is self.fill and top + 2 * margin < room:
            bar.setValue(0)
        elif tall and isinstance(target, QAbstractScrollArea):
            # a list taller than the dock scrolls itself: the panel moved as little as shows its
            # top in the dock's upper two thirds, the buttons above it kept in sight as far as
            # that allows (the Scenarios list from the View menu hid New… and Re-plan)
            bar.setValue(min(max(bar.value(), top - (2 * room) // 3), top))
        elif top < bar.value() or tall:
            bar.setValue(top)
        elif bottom > bar.value() + room:
            bar.setValue(bottom - room)

    def fit(self) -> None:
        w = self.widget()
        lay = w.layout() if w is not None else None
        if lay is None:
            return
        if self.within is not None:
            m = lay.contentsMargins()
            for label in self.within():
                label.setMaximumWidth(max(1, self.viewport().width() - m.left() - m.right()))
        width = max(w.minimumSizeHint().width(), self.viewport().width())
        need = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else -1
        if need >= 0 and self.fill is not None and not self.fill.isHidden():
            # counted at its least height (its own height ignored): it takes what the rest leave
            need += max(self.fill.minimumHeight(), self.fill.minimumSizeHint().height())
        need = max(need, lay.totalMinimumSize().height())
        if w.minimumHeight() != need:
            w.setMinimumHeight(need)

    def to_top(self) -> None:
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit()
        old, new = event.oldSize(), event.size()
        if self.top_when_grown and old.isValid() and (
                new.width() > old.width() or new.height() > old.height()):
            self.to_top()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.top_when_grown:
            self.to_top()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)
        return super().eventFilter(obj, event)


def scrolled(widget: QWidget, top_when_grown: bool = False,
             within: Callable[[], Iterable[QWidget]] | None = None,
             fill: QWidget | None = None) -> QScrollArea:
    """``widget`` in a frameless scroll area (:class:`FitScrollArea`): the dock's width, and a
    vertical scroll bar when the dock is shorter than the panel."""
    return FitScrollArea(widget, top_when_grown, within, fill)


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
    window.resizeDocks([docks["inspector"], docks["squad"]], [side, 380],
                       Qt.Orientation.Horizontal)
    window.resizeDocks([docks["explanation"]], [180], Qt.Orientation.Vertical)
    TabBarKeeper(window)
    return docks


def cap_side_docks(window: QMainWindow, docks: list[QDockWidget], share: float = 1 / 3) -> None:
    """Side docks wider than ``share`` of the window made that wide (as far as their tabs
    allow): at 200 % on a 1280 x 720 screen, 640 pixels wide, the empty Inspector started at 380
    of them and the board showed six days. Run once, on the window's first show."""
    width = int(window.width() * share)
    wide = [d for d in docks if d.width() > width]
    if wide:
        window.resizeDocks(wide, [width] * len(wide), Qt.Orientation.Horizontal)


class TabBarKeeper:
    """Keeps the window's dock tab bars from cutting their titles ("Inspe…"): no eliding, and
    scroll buttons when the titles need more room than the dock has. The main window makes its
    tab bars as docks are tabbed, so they are fixed again after every layout change; each is
    named for a screen reader ("Panels on the right: tabs"), as is every table's header in the
    window (:func:`name_parts`)."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fix)
        for dock in docks_of(window):
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
            if bar.property("periodize-compact") is None:
                bar.setProperty("periodize-compact", True)
                bar.setStyleSheet(COMPACT_TABS)
            name = tab_bar_name(self.window, bar)
            if bar.accessibleName() != name:
                bar.setAccessibleName(name)
        name_parts(self.window)


SIDES = {RIGHT: "Panels on the right", LEFT: "Panels on the left", BOTTOM: "Panels under the board",
         Qt.DockWidgetArea.TopDockWidgetArea: "Panels above the board"}


DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


def docks_of(window: QMainWindow) -> list[QDockWidget]:
    """The main window's docks (its direct children: a dock lives there, floating or not);
    searched through every widget of every panel, the look-up was a sixth of the window's
    start, made again for each tab bar."""
    return window.findChildren(QDockWidget, options=DIRECT)


def tab_bar_name(window: QMainWindow, bar: QTabBar) -> str:
    """What a screen reader calls a dock tab bar: its side of the board ("Panels on the right:
    tabs"); it had no name, read as an unnamed tab list."""
    titles = {bar.tabText(i) for i in range(bar.count())}
    dock = next((d for d in docks_of(window)
                 if d.windowTitle() in titles and not d.isFloating()), None)
    side = SIDES.get(window.dockWidgetArea(dock), "Panels") if dock is not None else "Panels"
    return f"{side}: tabs"


def name_parts(root: QWidget) -> None:
    """Every table's and list's header under ``root`` without a name named after its table
    ("Injury rows: columns", "Squad: rows"): a screen reader met them as unnamed headers; an
    editable list's typing line after its list."""
    for combo in root.findChildren(QComboBox):
        line = combo.lineEdit()
        if line is not None and not line.accessibleName() and combo.accessibleName():
            line.setAccessibleName(combo.accessibleName())
    for view in root.findChildren(QAbstractItemView):
        heads = []
        if isinstance(view, QTableView):
            heads = [(view.horizontalHeader(), "columns"), (view.verticalHeader(), "rows")]
        elif isinstance(view, QTreeView):
            heads = [(view.header(), "columns")]
        owner = view.accessibleName() or view.toolTip().split("\n")[0] or "Table"
        for head, what in heads:
            if head is not None and not head.accessibleName():
                head.setAccessibleName(f"{owner}: {what}")


class CloseTogether(QObject):
    """The × of an editor tabbed with other editors closes them all: the × sits on the title bar
    above the whole group, and a coach with Squad, Competitions and Days Off open clicked it
    three times to get the board back. An editor alone, or floating, closes alone; the panels
    of the other side (Inspector, Returns …) are not ``docks`` and keep Qt's own ×."""

    def __init__(self, window: QMainWindow, docks: Iterable[QDockWidget]):
        super().__init__(window)
        self.window = window
        self.docks = list(docks)
        self._closing = False
        for dock in self.docks:
            dock.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Close and obj in self.docks and not self._closing
                and not obj.isFloating()):
            self._closing = True
            try:
                for other in self.window.tabifiedDockWidgets(obj):
                    if other in self.docks and not other.isHidden():
                        other.close()
            finally:
                self._closing = False
        return super().eventFilter(obj, event)


def tab_bars(window: QMainWindow) -> list[QTabBar]:
    """The main window's dock tab bars (direct children; not those inside panels)."""
    return window.findChildren(QTabBar, options=DIRECT)


FRAME = QSize(16, 48)  # room for a window manager's borders and title bar


LARGE_SHARE = 0.9  # of a larger screen's free area: the first window's size there


def default_size(window: QWidget) -> QSize:
    """The first window's size (none saved yet): 1400 x 860, or the screen's free area when it is
    smaller (a 1280 x 720 laptop), or :data:`LARGE_SHARE` of a larger one, its frame still on the
    screen: on 1920 x 1080 the window used about half the screen, 31 of 40 athletes in sight."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    want = QSize(max(DEFAULT_SIZE.width(), int(free.width() * LARGE_SHARE)),
                 max(DEFAULT_SIZE.height(), int(free.height() * LARGE_SHARE)))
    return QSize(min(want.width(), free.width()), min(want.height(), free.height()))


def fitting_size(window: QWidget, wanted: QSize, frame: QSize = FRAME) -> QSize:
    """``wanted``, or less to fit the screen's free area with the window's frame (a title bar
    and borders, ``frame``) around it: a 1400 x 860 window on a 1366 x 768 screen hid its
    buttons."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    free = screen.availableGeometry().size()
    return QSize(min(wanted.width(), free.width() - frame.width()),
                 min(wanted.height(), free.height() - frame.height()))


def frame_size(window: QWidget) -> QSize:
    """What the window manager adds around ``window`` (title bar and borders): measured once the
    window is shown, ``FRAME`` before."""
    geo, frame = window.geometry(), window.frameGeometry()
    if frame == geo:  # not shown yet: no frame known
        return FRAME
    return QSize(frame.width() - geo.width(), frame.height() - geo.height())


def needs_maximising(window: QWidget) -> bool:
    """Whether the default window with its frame around it is larger than the screen's free area
    (it then opens maximised): 1400 x 860 under a title bar on a 1920 x 1080 screen at 125 %
    (1536 x 864) put the status bar, with the solve's progress and Cancel, below the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return False
    return fitting_size(window, DEFAULT_SIZE, frame_size(window)) != DEFAULT_SIZE


def keep_on_screen(window: QWidget) -> bool:
    """Moves and shrinks ``window`` (not maximised) into the screen's free area, its frame
    included: a layout saved on a 1280 x 720 screen and restored on a 1024 x 600 one left the
    status bar (the solve's progress, Cancel and its result) below the screen. True when it
    changed."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return False
    free, geo, frame = screen.availableGeometry(), window.geometry(), window.frameGeometry()
    extra = frame_size(window)
    size = fitting_size(window, geo.size(), extra)
    outer = size + extra
    x = min(max(frame.x(), free.x()), free.x() + free.width() - outer.width())
    y = min(max(frame.y(), free.y()), free.y() + free.height() - outer.height())
    x, y = max(x, free.x()), max(y, free.y())
    if size == geo.size() and (x, y) == (frame.x(), frame.y()):
        return False
    window.resize(size)
    window.move(x, y)
    return True


def show_one(window: QMainWindow, cls: type, focus: Callable[[QWidget], QWidget]) -> QWidget:
    """The one window of kind ``cls`` of ``window`` (made the first time it is asked for), shown
    in front with the keyboard on ``focus(it)``: View ▸ Key to the Board, View ▸ Season Review."""
    dlg = window.findChild(cls) or cls(window)
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    focus(dlg).setFocus()
    return dlg


def dock_of(widget: QWidget | None) -> QDockWidget | None:
    """The docked panel ``widget`` is in (``widget`` itself when it is one); None outside any."""
    while widget is not None and not isinstance(widget, QDockWidget):
        widget = widget.parentWidget()
    return widget


def behind_a_tab(dock: QDockWidget) -> bool:
    """Whether ``dock`` is (or, just closed, was) a tab behind another: Qt moves those out of
    sight, above and left of the window, and leaves them there when they are closed."""
    geo = dock.geometry()
    return not dock.isFloating() and (geo.right() < 0 or geo.bottom() < 0)


def scroll_dialog(dialog: QWidget, *below: QWidget) -> FitScrollArea:
    """``dialog``'s form (its layout as built, the widgets ``below`` taken out of it) in a
    scroll area, ``below`` (its buttons, the error said on OK) under it, always in sight; the dialog sized to what it needs, at most the
    screen's free area (:func:`fit_dialog`): at 200 % on a 1920 x 1080 screen New What-if
    Scenario was 560 of 540 pixels high, its Create and Cancel off the screen's foot."""
    from PySide6.QtWidgets import QVBoxLayout

    lay = dialog.layout()
    resized = dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
    wanted = dialog.size() if resized else dialog.sizeHint()
    if lay.hasHeightForWidth():
        wanted.setHeight(max(wanted.height(), lay.totalHeightForWidth(wanted.width())))
    for widget in below:
        lay.removeWidget(widget)
    margins = lay.contentsMargins()
    body = QWidget()
    body.setLayout(lay)  # Qt takes it from the dialog, with its widgets
    lay.setContentsMargins(margins.left(), margins.top(), margins.right(), 0)
    area = FitScrollArea(body)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area, 1)
    foot = QVBoxLayout()
    foot.setContentsMargins(margins.left(), lay.spacing() if lay.spacing() > 0 else 6,
                            margins.right(), margins.bottom())
    for widget in below:
        foot.addWidget(widget)
    outer.addLayout(foot)
    dialog.scroll_body = area
    dialog.wanted_size = wanted.expandedTo(_needed(dialog))
    fit_dialog(dialog)
    dialog.installEventFilter(_FitOnShow(dialog))
    return area


def fit_dialog(dialog: QWidget) -> None:
    """``dialog`` (one of :func:`scroll_dialog`) as large as it wants, at most the screen's free
    area with its frame around it; what does not fit scrolls."""
    wanted = getattr(dialog, "wanted_size", dialog.size())
    size = fitting_size(dialog, wanted, frame_size(dialog))
    if size != dialog.size():
        dialog.resize(size)


def grow_dialog(dialog: QWidget) -> None:
    """``dialog`` sized again to what its form needs now (a reason said under it, a row shown),
    at most the screen's free area: ``adjustSize`` for one that does not scroll."""
    if getattr(dialog, "scroll_body", None) is None:
        dialog.adjustSize()
        return
    dialog.wanted_size = _needed(dialog)
    fit_dialog(dialog)


def _needed(dialog: QWidget) -> QSize:
    """The size ``dialog`` (one of :func:`scroll_dialog`) needs to show its form unscrolled."""
    area = dialog.scroll_body
    lay = area.widget().layout()
    sized = dialog.isVisible() or dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
    width = dialog.width() if sized else area.widget().sizeHint().width()  # 640 until shown
    width = max(width, area.widget().minimumSizeHint().width())
    need = lay.totalHeightForWidth(width) if lay.hasHeightForWidth() else -1
    need = max(need, lay.totalSizeHint().height(), lay.totalMinimumSize().height())
    outer = dialog.layout()
    foot = outer.itemAt(1).layout()
    # the foot at the dialog's width: a reason said under the form wraps there (its size hint,
    # read at another width, was a line short, and the form was squeezed into scroll bars,
    # the help under New Season's "A starter plays" cut mid-line)
    foot.invalidate()  # its heights of before the reason was said (Qt's own, not redone yet)
    below = foot.totalHeightForWidth(width) if foot.hasHeightForWidth() else -1
    if below < 0:  # (a wrapped label's own size hint is for a narrower width: a line too many)
        below = foot.totalSizeHint().height()
    below = max(below, foot.totalMinimumSize().height())
    need += below + max(0, outer.spacing()) + 2 * area.frameWidth()
    return QSize(width, need)


class _FitOnShow(QObject):
    """Fits its dialog again when shown: it may open on another screen than it was built for."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show and isinstance(obj, QWidget):
            obj.wanted_size = obj.wanted_size.expandedTo(_needed(obj))
            fit_dialog(obj)
            keep_on_screen(obj)
        return False


def _span(ranges: list[tuple[int, int]]) -> int:
    """The length the ranges (start, end) cover together, overlaps counted once."""
    total, reach = 0, None
    for start, end in sorted(ranges):
        if reach is None or start > reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


UNDER_BOARD = 0.5  # the least share of the height it shares with the docks under it the board keeps


def open_under_board(window: QMainWindow, dock: QDockWidget, want: int, board: QWidget,
                     share: float = UNDER_BOARD) -> None:
    """``dock`` (under the board, just opened) made ``want`` pixels high, or lower, so that the
    board keeps ``share`` of the height it shares with the docks under it (:func:`board_first`):
    at 150 % on a 1366 x 768 screen (a window about 500 pixels high) the Load dock opened at
    260 pixels, the Roles at 220, and the board showed four athletes."""
    window.resizeDocks([dock], [want], Qt.Orientation.Vertical)
    window.layout().activate()
    board_first(window, board, share, 0)


def docks_around(window: QMainWindow, vertical: bool = True) -> list[QDockWidget]:
    """The docks in sight above and below the board (``vertical``), or beside it: not floating,
    not a tab behind another."""
    areas = ((Qt.DockWidgetArea.TopDockWidgetArea, BOTTOM) if vertical else (LEFT, RIGHT))
    return [d for d in docks_of(window)
            if d.isVisible() and not d.isFloating() and not behind_a_tab(d)
            and window.dockWidgetArea(d) in areas]


def least_height(dock: QDockWidget) -> int:
    """The least height ``dock``'s panel promises to show unscrolled (0: none): its title bar
    and frame and the panel's least height, for a panel fitted around a main view
    (:class:`FitScrollArea`'s ``fill``: the Roles grid's header and two players under its
    buttons and key, ``roles.RolesPanel._least_height``)."""
    area = dock.widget()
    if not isinstance(area, FitScrollArea) or area.fill is None or area.widget() is None:
        return 0
    panel = area.widget()
    inner = max(panel.minimumHeight(), panel.minimumSizeHint().height())
    return dock.height() - area.viewport().height() + inner


def _at_least(docks: list[QDockWidget], sizes: list[int]) -> list[int]:
    """``sizes`` (heights of ``docks``) raised to each dock's :func:`least_height`, or to the
    height it has when that is less; docks side by side (one row) get the row's tallest."""
    sizes = [max(size, min(d.height(), least_height(d))) for d, size in zip(docks, sizes, strict=True)]
    return [max(size for other, size in zip(docks, sizes, strict=True)
                if other.y() < d.y() + d.height() and d.y() < other.y() + other.height())
            for d in docks]


def board_first(window: QMainWindow, board: QWidget, height_share: float,
                width_share: float, above: int = 0, least: bool = False) -> bool:
    """The window's docks made smaller until ``board`` (in the central widget, under the today
    banner) has at least ``height_share`` of the room the docks above and below it share with
    it, and ``width_share`` of the room beside: a layout saved at another size or scale (the Log and
    the Solver Explanation under the board at 125 %, reopened at 200 %) left the board 3 of 24
    athletes. ``above``: the height of a bar shown over the board (the offer of an older solve's
    result), counted in the room and taken from the docks, not from the board. Each dock keeps
    its share of what the docks keep; with ``least``, not less than the least height its panel
    promises (:func:`least_height`), or than it had when that is less, nor than a dock beside it
    keeps: the banner left the Roles grid no player at 150 % and the Load beside it no chart; the
    board then keeps less than its share. True when a dock changed."""
    changed = False
    for orientation in (Qt.Orientation.Vertical, Qt.Orientation.Horizontal):
        vertical = orientation == Qt.Orientation.Vertical
        docks = docks_around(window, vertical)
        if not docks:
            continue
        have = board.height() if vertical else board.width()
        spans = [(d.y(), d.y() + d.height()) if vertical else (d.x(), d.x() + d.width())
                 for d in docks]
        taken = _span(spans)
        extra = above if vertical else 0
        room = have + taken + extra
        share = height_share if vertical else width_share
        keep = room - int(share * room) - extra  # what the docks may keep
        if have >= share * room or taken <= 0:
            continue
        ratio = max(0, keep) / taken
        sizes = [max(1, int((d.height() if vertical else d.width()) * ratio)) for d in docks]
        if least and vertical:
            sizes = _at_least(docks, sizes)
            if sizes == [d.height() for d in docks]:
                continue
        window.resizeDocks(docks, sizes, orientation)
        window.layout().activate()
        changed = True
    return changed
