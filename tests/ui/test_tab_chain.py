"""Tab and Shift+Tab take the keyboard only to controls the coach can see (ui.desktop.tabchain),
and a rule's setting changes only once the coach has gone into its box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.rules import RuleSet
from tests.ui.test_editors import hand_plan, tiny_season, tiny_window
from ui.desktop.layout import behind_a_tab, dock_of
from ui.desktop.mainwindow import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def w(qtbot):
    return tiny_window(qtbot, active=True)


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    """``key`` pressed and released as on a keyboard: the release goes to the widget the press
    gave the keyboard to."""
    QTest.keyPress(QApplication.focusWidget(), key, modifier)
    now = QApplication.focusWidget()
    if now is not None:  # none: the press closed what had the keyboard
        QTest.keyRelease(now, key, modifier)
    return QApplication.focusWidget()


def _panel_of(w, widget) -> str | None:
    return next((k for k, d in w.docks.items() if d.isAncestorOf(widget)), None)


@pytest.mark.parametrize("front", ["inspector", "rules"])
def test_tab_from_the_board_never_enters_a_panel_behind_a_tab_and_down_sets_nothing(w, qtbot, front):
    """Whichever panel of the right is in front (the default layout, or one saved with Rules
    in front), Tab goes into none of those behind it."""
    w.docks[front].raise_()
    qtbot.waitUntil(lambda: not w.docks[front].visibleRegion().isEmpty())
    in_front = {k for k, d in w.docks.items() if d.isVisible() and not behind_a_tab(d)}
    assert front in in_front and "returns" not in in_front  # some panels are behind a tab
    w.board.setFocus()
    qtbot.waitUntil(w.board.hasFocus)
    before = w.season
    reached = set()
    for _ in range(30):
        for mod in (Qt.KeyboardModifier.NoModifier, SHIFT, Qt.KeyboardModifier.NoModifier):
            focus = press(Qt.Key.Key_Tab, mod)
            reached.add(_panel_of(w, focus) or type(focus).__name__)
            assert _panel_of(w, focus) in {None, *in_front}, focus.accessibleName()
            assert focus.isVisible() and not focus.visibleRegion().isEmpty()
        press(Qt.Key.Key_Down)
    assert w.season is before and w.undo_stack.count() == 0
    assert {"SeasonBoard", front, "QTabBar"} <= reached  # it goes round what shows


def test_tab_reaches_a_panel_brought_to_front(w, qtbot):
    w.docks["rules"].raise_()
    qtbot.waitUntil(lambda: not w.docks["rules"].visibleRegion().isEmpty())
    w.board.setFocus()
    seen = [_panel_of(w, press(Qt.Key.Key_Tab)) for _ in range(8)]
    assert "rules" in seen and "returns" not in seen and "check" not in seen


def test_a_rules_box_is_passed_by_tab_and_gone_into_with_enter(w, qtbot):
    rp = w.rules_panel
    w.docks["rules"].raise_()
    qtbot.waitUntil(lambda: not w.docks["rules"].visibleRegion().isEmpty())
    boxes = [*rp.value_boxes.values(), *rp.mode_boxes.values()]
    rp.find.setFocus()
    qtbot.waitUntil(rp.find.hasFocus)
    for _ in range(12):
        assert press(Qt.Key.Key_Tab) not in boxes
    # the line of HV-6's setting: ↑/↓ move along the list, the setting stays
    item = rp.items["HV-6"]
    line = item.child(item.childCount() - 1)
    box = rp.row_box(line)
    assert box is rp.value_boxes[("HV-6", "days_after")]
    rp.tree.setFocus()
    rp.tree.setCurrentItem(line)
    value, before = box.value(), w.season
    assert press(Qt.Key.Key_Down) is rp.tree and rp.tree.currentItem() is not line
    press(Qt.Key.Key_Up)
    assert rp.tree.currentItem() is line and box.value() == value and w.season is before
    # Enter goes into the box; then ↓ or ↑ changes it (one edit); Esc comes back to the list
    # and cancels: the undo history goes back to where it was on Enter (no step, nothing unsaved)
    assert w.undo_stack.isClean()
    assert press(Qt.Key.Key_Return) is box
    step = Qt.Key.Key_Down if value else Qt.Key.Key_Up
    press(step)
    assert box.value() != value and w.undo_stack.index() == 1 and not w.undo_stack.isClean()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(rp.tree.hasFocus)
    assert "Enter on a setting" in rp.details.toPlainText()
    assert box.value() == value and RuleSet(w.season.rules).value("HV-6", "days_after") == value
    assert w.undo_stack.index() == 0 and w.undo_stack.isClean() and w.season is before
    assert "not saved*" not in w.windowTitle()
    # typed and not committed: Esc drops it, no edit
    assert press(Qt.Key.Key_Return) is box
    box.lineEdit().selectAll()
    QTest.keyClicks(box.lineEdit(), "9")
    press(Qt.Key.Key_Escape)
    assert box.text() == box.textFromValue(value) and w.undo_stack.index() == 0
    # Enter keeps what was set: Esc after it changes nothing
    assert press(Qt.Key.Key_Return) is box
    press(step)
    assert press(Qt.Key.Key_Return) is box
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(rp.tree.hasFocus)
    assert RuleSet(w.season.rules).value("HV-6", "days_after") == box.value() != value
    assert w.undo_stack.index() == 1
    # Tab keeps it too
    assert press(Qt.Key.Key_Return) is box
    press(Qt.Key.Key_Up if step == Qt.Key.Key_Down else Qt.Key.Key_Down)  # back to the first
    assert press(Qt.Key.Key_Tab) is not box
    assert RuleSet(w.season.rules).value("HV-6", "days_after") == value
    assert w.undo_stack.index() == 2


def _into_hv6(w, qtbot):
    rp = w.rules_panel
    w.docks["rules"].raise_()
    qtbot.waitUntil(lambda: not w.docks["rules"].visibleRegion().isEmpty())
    item = rp.items["HV-6"]
    rp.tree.setFocus()
    rp.tree.setCurrentItem(item.child(item.childCount() - 1))
    box = rp.value_boxes[("HV-6", "days_after")]
    assert press(Qt.Key.Key_Return) is box
    return box, box.value(), Qt.Key.Key_Down if box.value() > box.minimum() else Qt.Key.Key_Up


def test_esc_in_a_rules_box_after_several_steps_leaves_no_step_and_undo_keeps_its_meaning(w, qtbot):
    box, value, step = _into_hv6(w, qtbot)
    press(Qt.Key.Key_Up if step == Qt.Key.Key_Down else Qt.Key.Key_Down)
    press(step)
    press(step)
    assert w.undo_stack.index() == 3
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(w.rules_panel.tree.hasFocus)
    assert w.undo_stack.index() == 0 and w.undo_stack.isClean() and not w.undo_stack.canUndo()
    assert RuleSet(w.season.rules).value("HV-6", "days_after") == value == box.value()


def test_esc_in_a_rules_box_changes_back_when_another_change_came_between(w, qtbot):
    from planner import edits as E

    box, value, step = _into_hv6(w, qtbot)
    press(step)
    assert w.apply_edit(E.SetRuleMode(rule="HV-1", mode="off"))  # not this box's
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(w.rules_panel.tree.hasFocus)
    rs = RuleSet(w.season.rules)
    assert rs.value("HV-6", "days_after") == value and rs.mode("HV-1") == "off"
    assert w.undo_stack.index() == 3  # the change, the other one, the change back


def test_back_from_the_menu_bar_is_the_same_visit_of_a_rules_box(w, qtbot):
    box, value, step = _into_hv6(w, qtbot)
    press(step)
    w.menuBar().setFocus(Qt.FocusReason.OtherFocusReason)
    box.setFocus(Qt.FocusReason.MenuBarFocusReason)  # Alt, then Esc: back from the menu bar
    qtbot.waitUntil(box.hasFocus)
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(w.rules_panel.tree.hasFocus)
    assert RuleSet(w.season.rules).value("HV-6", "days_after") == value
    assert w.undo_stack.index() == 0 and w.undo_stack.isClean()


def test_hv7s_on_off_setting_is_a_tick_box_ticked_with_space(w, qtbot):
    from PySide6.QtWidgets import QCheckBox

    rp = w.rules_panel
    w.docks["rules"].raise_()
    box = rp.value_boxes[("HV-7", "enabled")]
    assert isinstance(box, QCheckBox) and box.isChecked()  # on by default (1)
    line = rp.items["HV-7"].child(rp.items["HV-7"].childCount() - 1)
    assert line.text(2) == "" and rp.row_box(line) is box  # no "0–1" beside it
    rp.tree.setFocus()
    rp.tree.setCurrentItem(line)
    assert press(Qt.Key.Key_Return) is box
    press(Qt.Key.Key_Space)
    assert RuleSet(w.season.rules).value("HV-7", "enabled") == 0 and w.undo_stack.count() == 1
    # said as the box shows it: "to 0" meant nothing
    assert w.undo_stack.undoText() == "Set HV-7: forbid speed days on MD-1 to off"
    w.undo_stack.undo()
    assert box.isChecked() and RuleSet(w.season.rules).value("HV-7", "enabled") == 1
    press(Qt.Key.Key_Space)  # untick, then Esc: ticked again, as on Enter
    assert not box.isChecked()
    press(Qt.Key.Key_Escape)
    assert box.isChecked() and RuleSet(w.season.rules).value("HV-7", "enabled") == 1
    assert w.undo_stack.index() == 0 and w.undo_stack.isClean()  # no step left
    assert press(Qt.Key.Key_Return) is box
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Space)
    assert w.undo_stack.undoText() == "Set HV-7: forbid speed days on MD-1 to on"


@pytest.mark.parametrize("key", ["injuries", "competitions", "squad", "blocks", "daysoff"])
def test_tab_goes_round_an_open_editor_and_back_to_its_first_control(w, qtbot, key):
    """Tab from an editor's last button went on into other panels (some out of sight) and the
    Log's grid, never back to the form; it now goes round the editor's own controls. Going
    round, from the last to the first or back, the status bar says how to leave it (a word
    that passes: not kept in Recent Messages), and Esc does."""
    from PySide6.QtWidgets import QAbstractItemView, QPushButton

    w.weekly.show_log()  # its grid is next in the window's chain
    w.open_editor(key)
    editor = w.docks[key].widget().widget()
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()))
    bar, kept = w.statusBar(), []
    bar.said.connect(kept.append)
    bar.clearMessage()
    way_out = (f"Tab goes round the {w.docks[key].windowTitle()} editor: Esc or F6 puts the "
               "keyboard on the board")

    def told(key, modifier=Qt.KeyboardModifier.NoModifier):
        focus, words = press(key, modifier), bar.currentMessage()
        bar.clearMessage()
        return focus, words

    start = QApplication.focusWidget()
    seen, said = [start], []
    for _ in range(80):
        focus, words = told(Qt.Key.Key_Tab)
        said.append(words)
        assert editor.isAncestorOf(focus) and focus.isVisibleTo(editor), focus.accessibleName()
        assert not w.weekly.dock.isAncestorOf(focus)
        if focus is start:
            break
        seen.append(focus)
    assert focus is start  # round, and back
    assert any(isinstance(x, QAbstractItemView) for x in seen)  # its list is on the way
    assert any(isinstance(x, QPushButton) for x in seen)
    # said once, as it went from the last control to the first
    assert said.count(way_out) == 1 and set(said) == {"", way_out}
    last, first = [*seen, start][said.index(way_out)], [*seen, start][said.index(way_out) + 1]
    # Shift+Tab goes the same way back, and says it from the first to the last
    back = [told(Qt.Key.Key_Tab, SHIFT) for _ in range(len(seen))]
    assert back[-1][0] is start and [f for f, _ in back[:-1]] == seen[:0:-1]
    assert [words for _f, words in back].count(way_out) == 1
    first.setFocus()
    assert told(Qt.Key.Key_Tab, SHIFT) == (last, way_out)
    assert kept == []
    press(Qt.Key.Key_Escape)  # the way out it names
    qtbot.waitUntil(w.board.hasFocus)


def test_the_key_to_the_board_opens_and_closes_from_the_keyboard(w, qtbot):
    """The key folded under a narrowed board was only a tooltip: no keyboard way to read it."""
    from ui.desktop.legendview import KeyWindow

    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    assert w.key_action in view.actions() and w.key_action.shortcut().toString() == "Ctrl+K"
    w.board.setFocus()
    qtbot.waitUntil(w.board.hasFocus)
    QTest.keyClick(w.board, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    key = w.findChild(KeyWindow)
    assert key is not None
    qtbot.waitUntil(key.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is key.close_button)
    assert not key.legend.collapsed and key.legend.height() > key.legend.LINE_H  # drawn whole
    assert "dash 60, dot 70" in key.words.text() and "red frame a broken rule" in key.words.text()
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not key.isVisible())


def test_shift_tab_goes_where_qts_own_does_and_stops_at_the_first_control_it_finds(w, qtbot):
    """Shift+Tab walked the whole focus ring of the window (hundreds of widgets) to keep the
    last it found going forward; it walks back and stops at the first, to the same place."""
    from PySide6.QtWidgets import QMainWindow

    from ui.desktop import tabchain

    w.open_editor("squad")
    editor = w.squad_editor
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()))
    for _ in range(40):  # round the window as Qt's own Shift+Tab goes
        target = tabchain.tab_target(w, False)
        QMainWindow.focusNextPrevChild(w, False)
        while target is not None and tabchain.focus_proxy(target) is not None:
            target = tabchain.focus_proxy(target)  # (a list's viewport: the list)
        assert target is not None and QApplication.focusWidget() is target
    w.open_editor("squad")
    press(Qt.Key.Key_Tab)
    here = press(Qt.Key.Key_Tab)
    looked_at = []
    target = tabchain.tab_target(editor, False, lambda x: looked_at.append(x) or editor._tab_stop(x))
    assert target is not here and editor.isAncestorOf(target) and looked_at == [target]


@pytest.mark.parametrize("key", ["injuries", "competitions", "squad", "blocks", "daysoff"])
def test_a_window_closed_and_deleted_with_the_keyboard_in_an_editor_raises_nothing(qtbot, key):
    """A panel's fitting, asked for as the window went, ran on a panel already deleted (an
    error from Qt's event loop); and Qt asks focusNextPrevChild of what is hidden or deleted
    with the keyboard in it, which is then left to Qt."""
    season = tiny_season()
    win = MainWindow(season.model_copy(update={"plan": hand_plan(season)}), None)
    win.resize(1200, 700)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.weekly.show_log()
    win.open_editor(key)
    editor = win.docks[key].widget().widget()
    qtbot.waitUntil(lambda: editor.isAncestorOf(QApplication.focusWidget()))
    press(Qt.Key.Key_Tab, SHIFT)
    assert editor.isAncestorOf(QApplication.focusWidget())
    win.close()
    win.deleteLater()
    qtbot.wait(50)  # an error in the event loop fails the test (pytest-qt)


def test_focus_next_prev_child_walks_only_for_a_tab_pressed(qtbot):
    """Qt asks focusNextPrevChild of a widget hidden or deleted with the keyboard in it: the
    window and the editors walk their chain only for a Tab or Shift+Tab pressed."""
    from PySide6.QtWidgets import QWidget

    from ui.desktop import tabchain

    asked = []

    class Box(QWidget):
        def focusNextPrevChild(self, forward):  # noqa: N802 - Qt's name
            asked.append((forward, tabchain.tab_pressed(self)))
            return super().focusNextPrevChild(forward)

    tabchain.install()
    box = Box()
    one, two = _two_fields(qtbot, box)
    assert press(Qt.Key.Key_Tab) is two and press(Qt.Key.Key_Tab, SHIFT) is one
    assert asked == [(True, True), (False, True)] and not tabchain.tab_pressed(box)
    asked.clear()
    two.setFocus()
    two.hide()  # Qt moves the keyboard on by itself
    assert asked == [(True, False)]
    box.hide()
    assert not tabchain.tab_pressed(box)


def test_tab_keys_watch_only_the_widget_with_the_keyboard(qtbot):
    """The Tab note's filter leaves a widget as the keyboard leaves it: it stayed on every
    widget that ever had the keyboard, and each paint of the board went through Python."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget

    from ui.desktop import tabchain

    seen = []

    class Counted(tabchain.TabKeys):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            seen.append((obj, event.type()))
            return super().eventFilter(obj, event)

    box = QWidget()
    keys = Counted(box)
    app = QApplication.instance()
    app.focusChanged.connect(keys.focused)
    try:
        one, two = _two_fields(qtbot, box)
        qtbot.waitUntil(one.hasFocus)
        assert press(Qt.Key.Key_Tab) is two
        assert (two, QEvent.Type.KeyRelease) in seen  # the release reached the one it went to
        seen.clear()
        for w in (one, two):  # an event of each (a paint, a hover: any passes the filter)
            QApplication.sendEvent(w, QEvent(QEvent.Type.User))
        assert [e for o, e in seen if o is two] == [QEvent.Type.User]
        assert [e for o, e in seen if o is one] == []
    finally:
        app.focusChanged.disconnect(keys.focused)


def test_dock_of_is_the_panel_a_widget_is_in(w):
    from ui.desktop.tabchain import behind

    rules = w.docks["rules"]
    assert dock_of(w.rules_panel.find) is rules and dock_of(rules) is rules
    assert dock_of(w.board) is None and dock_of(None) is None
    rules.raise_()
    QApplication.processEvents()
    assert not behind(w.rules_panel.find)
    w.docks["returns"].raise_()
    QApplication.processEvents()
    assert behind(w.rules_panel.find)  # Rules now behind Returns' tab


def _two_fields(qtbot, box):
    """Two line edits in ``box``, shown and active, the keyboard in the first."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    qtbot.addWidget(box)
    lay = QVBoxLayout(box)
    one, two = QLineEdit(), QLineEdit()
    lay.addWidget(one)
    lay.addWidget(two)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    one.setFocus()
    return one, two


@pytest.mark.parametrize("key", ["load", "returns", "log"])
def test_a_panel_chosen_from_the_view_menu_takes_the_keyboard(w, qtbot, key):
    """View ▸ Load (or another panel) left the keyboard on the board: a coach on the keyboard
    could not reach the panel he had just asked for. It goes to the panel's first control."""
    dock = w.docks[key]
    if dock.isVisible() and not behind_a_tab(dock):
        dock.toggleViewAction().trigger()  # closed first: the menu opens it
        qtbot.waitUntil(lambda: not dock.isVisible())
    w.board.setFocus()
    qtbot.waitUntil(w.board.hasFocus)
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.isAncestorOf(QApplication.focusWidget() or w.board))
    focus = QApplication.focusWidget()
    assert focus.isVisible() and not focus.visibleRegion().isEmpty()


def test_shift_f10_opens_the_menu_of_the_board_cell_and_of_the_log_cell(w, qtbot):
    """Without a Menu key (many laptops) a cell's menu (pin, role; As planned, Copy down) could
    not be reached from the keyboard: Shift+F10 does what the Menu key does."""
    a = w.season.athletes[0]
    w.board.setFocus()
    qtbot.waitUntil(w.board.hasFocus)
    w.board.set_current(a.id, w.season.calendar.start)
    with qtbot.waitSignal(w.board.cell_menu_requested, timeout=3000) as asked:
        QTest.keyClick(w.board, Qt.Key.Key_F10, SHIFT)
    assert asked.args[:2] == [a.id, w.season.calendar.start]
    for m in QApplication.topLevelWidgets():  # the board's menu closed before the Log's
        if m.isVisible() and m.inherits("QMenu"):
            m.close()
    dock = w.docks["log"]
    if not dock.isVisible() or behind_a_tab(dock):
        dock.toggleViewAction().trigger()
    panel = w.weekly.log_panel
    qtbot.waitUntil(lambda: panel.view.isVisible())
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    panel.view.setCurrentIndex(panel.view.model().index(0, 1))
    QTest.keyClick(panel.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: getattr(panel, "context_menu", None) is not None
                    and panel.context_menu.isVisible())
    assert any(a.text().startswith("As planned") for a in panel.context_menu.actions())
    panel.context_menu.close()


def test_asking_a_viewport_for_its_focus_proxy_leaves_its_scroll_areas_panel_alive(qtbot):
    """Tab's walk asked each widget for its focus proxy; PySide then made a scroll area's Python
    wrapper a child of its own viewport, a cycle no one held: the garbage collector freed it,
    and every wrapper under the area with it. The Load panel, shown, read "Internal C++ object
    (QComboBox) already deleted" (a flaky test of the Load dock, under a busy machine's
    collection timing). Now the proxy goes back to its parent."""
    import gc

    import shiboken6
    from PySide6.QtWidgets import QComboBox, QDockWidget, QMainWindow, QVBoxLayout, QWidget

    from ui.desktop import tabchain
    from ui.desktop.layout import scrolled

    w = QMainWindow()
    qtbot.addWidget(w)
    panel = QWidget()
    QVBoxLayout(panel).addWidget(QComboBox())
    dock = QDockWidget("Panel", w)
    dock.setWidget(scrolled(panel))
    w.show()
    viewport = dock.widget().viewport()
    assert tabchain.focus_proxy(viewport) is dock.widget()
    assert tabchain.tab_target(w, True) is not None  # the walk asks every widget, the viewport too
    del viewport
    gc.collect()
    assert shiboken6.isValid(panel) and shiboken6.isValid(panel.findChild(QComboBox))
    assert dock.widget().widget() is panel


@pytest.mark.parametrize("key, field", [
    ("injuries", "first_start"), ("injuries", "onset"), ("competitions", "date"),
    ("blocks", "start"), ("daysoff", "date"), ("squad", "away_from")])
def test_esc_in_a_date_fields_calendar_closes_it_and_a_second_esc_goes_to_the_board(
        w, qtbot, key, field):
    """Esc in an editor's date calendar (Alt+Down) left the calendar drawn over the editor's
    buttons and sent the keyboard to the board, where Alt+R recorded nothing: the editor's Esc
    took the key before the calendar did. Esc now closes the calendar, the keyboard stays in
    the field, and a second Esc goes to the board as before."""
    from ui.desktop.datefield import DateField

    w.open_editor(key)
    editor = w.docks[key].widget().widget()
    date = getattr(editor, field)
    assert isinstance(date, DateField)
    date.setEnabled(True)  # the injuries' stage start waits on a protocol chosen
    if key == "squad":
        editor.away.setEnabled(True)  # as with an athlete selected
    date.line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is date.line)
    QTest.keyClick(date.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert QApplication.activePopupWidget() is None
    assert not w.board.hasFocus()
    w.activateWindow()  # offscreen, the window is not made active again by itself
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is date.line)
    press(Qt.Key.Key_Escape)  # no pop-up open: the editor's way out
    qtbot.waitUntil(w.board.hasFocus)


def test_every_control_of_the_window_and_its_editors_has_a_name(w, qtbot):
    """A screen reader met six controls it could only call "tab list" or "header": the dock
    tab bars and the editors' table headers had no name, text or tooltip. Every visible
    control of the window and of each editor now says what it is ("Panels on the right: tabs",
    "Injury rows: columns")."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QHeaderView,
        QLineEdit,
        QTabBar,
        QWidget,
    )

    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView,
             QTabBar, QHeaderView)
    unnamed, seen = set(), {QTabBar: 0, QHeaderView: 0}
    for key in ("squad", "injuries", "competitions", "blocks", "daysoff", "inspector",
                "returns", "check", "rules", "scenarios"):
        w.open_editor(key)
        qtbot.wait(20)  # the window's tab bars are made as panels are tabbed
        for c in w.findChildren(QWidget):
            if not c.isVisible() or not isinstance(c, kinds):
                continue
            for kind in seen:
                seen[kind] += isinstance(c, kind)
            text = c.text() if isinstance(c, (QAbstractButton, QLineEdit)) else ""
            if not (c.accessibleName() or text or c.toolTip()):
                parent = c.parentWidget()
                unnamed.add(f"{type(c).__name__} in {type(parent).__name__} "
                            f"{parent.accessibleName() if parent else ''!r}")
    assert seen[QTabBar] >= 2 and seen[QHeaderView] >= 3  # the kinds the reader had met
    assert unnamed == set()
    names = {b.accessibleName() for b in w.findChildren(QTabBar) if b.parent() is w}
    assert {"Panels on the right: tabs", "Panels on the left: tabs"} <= names
