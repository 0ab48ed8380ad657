"""File > Import… / Export… / Export Calendars… of the main window (ui/fileio.py)."""

from __future__ import annotations

import pytest

from ui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot, demo_season):
    w = MainWindow(demo_season, None)
    qtbot.addWidget(w)
    return w


def test_the_file_menu_offers_import_and_export(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Import Excel Workbook…" in texts and "&Export…" in texts
    assert "Export &Calendars (iCal)…" in texts
    assert texts.index("&Import Excel Workbook…") < texts.index("&Quit")
    assert window.export_action.shortcut().toString() == "Ctrl+E"
