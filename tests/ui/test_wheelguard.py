"""The wheel over a combo box the coach did not click scrolls the panel, not the value."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.desktop import wheelguard


def _turn(area: QScrollArea, widget: QWidget) -> None:
    """A wheel turn over ``widget`` as the window system delivers it (Qt's wheel focus included)."""
    p = widget.mapTo(area, QPoint(widget.width() // 2, widget.height() // 2))
    QTest.wheelEvent(area.windowHandle(), QPointF(p), QPoint(0, -120))
    QTest.qWait(20)


def test_the_wheel_scrolls_past_an_unfocused_field_and_changes_a_focused_one(qtbot):
    area = QScrollArea()
    inner = QWidget()
    lay = QVBoxLayout(inner)
    other = QLineEdit()
    combo = QComboBox()
    combo.addItems(["Injury 1", "Injury 2", "New injury"])
    spin = QSpinBox()
    spin.setRange(0, 100)
    spin.setValue(50)
    for w in (other, combo, spin):
        lay.addWidget(w)
    lay.addSpacing(2000)
    area.setWidget(inner)
    assert wheelguard.guard(area) == 2
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    other.setFocus()
    bar = area.verticalScrollBar()
    assert bar.value() == 0
    _turn(area, combo)
    assert combo.currentIndex() == 0 and not combo.hasFocus() and bar.value() > 0
    before = bar.value()
    _turn(area, spin)
    assert spin.value() == 50 and bar.value() > before  # the panel scrolled instead
    bar.setValue(0)
    combo.setFocus()  # clicked or tabbed into: the wheel is the coach's choice
    qtbot.waitUntil(combo.hasFocus)
    _turn(area, combo)
    assert combo.currentIndex() == 1


def test_the_main_windows_editors_are_guarded(qtbot):
    """The Injuries editor's injury and protocol boxes no longer take a passing wheel turn."""
    from tests.ui.test_app import tiny_season
    from ui.desktop.mainwindow import MainWindow

    win = MainWindow(tiny_season(), None, autosave=False)
    qtbot.addWidget(win)
    ed = win.injuries_editor
    for box in (ed.record, ed.protocol):
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_dialogs_opened_later_are_guarded_too(qtbot):
    """The New Scenario dialog's kind of change and Season Settings' week start are built after
    the main window: each guards its own fields."""
    from tests.ui.test_app import tiny_season
    from ui.desktop.editors import SeasonSettingsDialog
    from ui.desktop.scenariodialog import ScenarioDialog

    season = tiny_season()
    for dlg, box in ((ScenarioDialog(season), "kind"), (SeasonSettingsDialog(season), "week_start")):
        qtbot.addWidget(dlg)
        assert getattr(dlg, box).focusPolicy() == Qt.FocusPolicy.StrongFocus
