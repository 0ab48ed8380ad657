"""What-if at a laptop's scaling (review 270): New Scenario's "Add this change" in sight, the
comparison's boards keeping most of its height, and the status line after it closes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from ui.desktop.mainwindow import load_demo_season

# 1366 x 768 at 150 %: the screen Qt lays out, in its own pixels
AT_150 = QRect(0, 0, 910, 512)


def _screen(monkeypatch, rect: QRect) -> None:
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(rect))


def _settle(times: int = 4) -> None:
    for _ in range(times):
        QApplication.processEvents()


def _in_view(area, widget) -> bool:
    """Whether ``widget`` shows whole in the scroll area's viewport, as scrolled now."""
    corner = widget.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(QRect(corner, widget.size()))


def test_add_this_change_shows_at_150_percent_and_the_empty_list_takes_a_line(qtbot, monkeypatch,
                                                                            dialogs):
    """Review 270 F2: at 125 % and 150 % on a 1366 x 768 screen, New Scenario's "Add this
    change ↓" was below the fold of the form's scroll area (after the date's clash warning),
    while the empty list of changes under it took 130 to 150 pixels; Create scenario then said
    to press a button the coach could not see. The form gets the room; the empty list is one
    line that says there is no change yet, and grows as changes are added."""
    from ui.desktop.scenariodialog import ScenarioDialog

    _screen(monkeypatch, AT_150)
    dlg = ScenarioDialog(load_demo_season())
    qtbot.addWidget(dlg)
    dlg.interaction = dialogs  # closed with a draft: asked, and discarded
    dialogs.answer = "discard"
    dlg.set_stale("The current plan is not re-planned since the season changed (Plan Check: 2 "
                  "violations): the comparison counts the re-plan too. Solve again (F5) first.")
    dlg.set_kind("move")
    dlg.show()
    qtbot.waitExposed(dlg)
    _settle()
    assert dlg.height() <= AT_150.height()
    assert dlg.move_clash.isVisible() and "they would be played on one day" in dlg.move_clash.text()
    area = dlg.scroll_body
    assert area.verticalScrollBar().value() == 0  # as it opens
    assert dlg.add_button.isVisible() and _in_view(area, dlg.add_button), (
        dlg.add_button.mapTo(area.viewport(), QPoint(0, 0)), area.viewport().size())
    line = dlg.list.fontMetrics().lineSpacing()
    assert dlg.list.height() < 2.5 * line
    assert dlg.list.accessibleDescription().startswith("No changes yet")
    # a change added is listed whole; the list grows with the changes, to five rows at most
    assert dlg.add_change(), dlg.error.text()
    _settle()
    assert dlg.change_texts()[0].startswith("1. Move competition")
    assert dlg.list.accessibleDescription() == ""
    rect = dlg.list.visualItemRect(dlg.list.item(0))
    assert dlg.list.viewport().rect().contains(rect)
    for k in range(7):
        dlg.set_kind("priority")
        dlg.priority.setCurrentIndex(k % 2)
        dlg.add_change()
    _settle()
    assert dlg.list.count() >= 6
    assert 4.5 * line < dlg.list.height() < 8 * line
    dlg.done(0)
