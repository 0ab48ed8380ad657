"""The app's light and dark look: readable placeholders (ui.desktop.theme) and View ▸ Theme
(ui.desktop.thememenu)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from tests.ui.test_editors import tiny_window
from ui.desktop.theme import Themes, contrast, is_dark, steady_style, style_name

ROLE, GROUP = QPalette.ColorRole, QPalette.ColorGroup


class FakeHints(QObject):
    colorSchemeChanged = Signal(object)

    def __init__(self, scheme):
        super().__init__()
        self.scheme = scheme

    def colorScheme(self):  # noqa: N802 - Qt API
        return self.scheme

    def switch(self, scheme) -> None:
        self.scheme = scheme
        self.colorSchemeChanged.emit(scheme)


@pytest.fixture
def app():
    """The application with Fusion's own light palette; its style and palette put back after."""
    app = QApplication.instance()
    palette, style = QPalette(app.palette()), style_name(app.style())
    app.setPalette(QStyleFactory.create("Fusion").standardPalette())
    yield app
    app.setStyle(steady_style(style))
    app.setPalette(palette)


@pytest.mark.parametrize("choice", ["light", "dark"])
def test_an_empty_list_to_choose_from_does_not_look_disabled(qtbot, app, choice):
    """The empty Protocol box's pale "Choose the injury…" looked the same as the disabled Stage
    box under it: Qt's light palette gives an enabled and a disabled placeholder the same
    half-transparent black. The placeholder now reads at 4.5:1 or more on the box, a disabled
    box's stays as pale as its disabled text, well apart, in the light and the dark palette."""
    Themes(app, FakeHints(Qt.ColorScheme.Unknown), choice)
    assert is_dark(app.palette()) == (choice == "dark")
    w = tiny_window(qtbot)
    w.open_editor("injuries")
    ed = w.injuries_editor
    fit = next(i for i in range(ed.athlete.count()) if (ed.athlete.setCurrentIndex(i)
                                                        or ed.protocol.currentIndex() < 0))
    assert fit is not None
    protocol, stage = ed.protocol, ed.first_stage
    assert protocol.isEnabled() and protocol.currentIndex() < 0 and protocol.placeholderText()
    assert not stage.isEnabled() and stage.currentIndex() < 0 and stage.placeholderText()

    def words(box, group):
        pal = box.palette()
        return pal.color(group, ROLE.PlaceholderText), pal.color(group, ROLE.Button)

    ink, ground = words(protocol, GROUP.Active)
    pale, pale_ground = words(stage, GROUP.Disabled)
    assert ink.alpha() == 255 and pale.alpha() == 255  # no see-through grey: what is drawn
    readable, disabled = contrast(ink, ground), contrast(pale, pale_ground)
    assert readable >= 4.5
    assert contrast(ink, box_base := protocol.palette().color(GROUP.Active, ROLE.Base)) >= 4.5, box_base
    assert disabled < 3.0 and readable - disabled >= 1.5
    assert contrast(ink, protocol.palette().color(GROUP.Active, ROLE.Text)) > 1.5  # still not typed text


def test_view_theme_dark_is_applied_at_once_and_kept_and_system_goes_back(qtbot, app,
                                                                             monkeypatch):
    """The app followed only the system's dark mode, which a Linux laptop without a desktop
    theme plugin never passes on: a coach could not have it dark. View ▸ Theme ▸ Dark applies
    the dark palette at once, the next window (and the next start) keeps it, and System goes
    back to what the system says."""
    from ui.desktop import theme, thememenu

    hints = FakeHints(Qt.ColorScheme.Light)  # a system that says light
    themes = Themes(app, hints)
    monkeypatch.setitem(theme._KEPT, id(app), themes)
    w = tiny_window(qtbot)
    view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
    sub = next(a.menu() for a in view.actions() if a.menu() is not None
               and a.text().replace("&", "") == "Theme")
    assert [a.text().replace("&", "") for a in sub.actions()] == ["System", "Light", "Dark"]
    assert w.theme_actions["system"].isChecked() and not is_dark(app.palette())

    w.theme_actions["dark"].trigger()
    assert is_dark(app.palette()) and w.theme_actions["dark"].isChecked()
    QApplication.processEvents()
    assert w.board.theme().dark  # the board repainted dark at once
    assert thememenu.saved() == "dark"
    hints.switch(Qt.ColorScheme.Light)  # the system's own change does not undo the choice
    assert is_dark(app.palette())
    again = tiny_window(qtbot)  # the next window shows the choice
    assert again.theme_actions["dark"].isChecked()
    # the next start: make_app applies the kept choice to a new application's themes
    fresh = Themes(app, FakeHints(Qt.ColorScheme.Light))
    fresh.choose("light")
    assert not is_dark(app.palette())
    monkeypatch.setitem(theme._KEPT, id(app), fresh)
    thememenu.apply_saved(app)  # as make_app does for an application it makes
    assert is_dark(app.palette()) and fresh.choice == "dark"
    monkeypatch.setitem(theme._KEPT, id(app), themes)

    w.theme_actions["system"].trigger()  # the system's light
    assert not is_dark(app.palette()) and thememenu.saved() == "system"
    hints.switch(Qt.ColorScheme.Dark)  # and follows the system again
    assert is_dark(app.palette())
    hints.switch(Qt.ColorScheme.Light)
    assert not is_dark(app.palette())
    w.theme_actions["light"].trigger()
    hints.switch(Qt.ColorScheme.Dark)
    assert not is_dark(app.palette())  # Light whatever the system says
