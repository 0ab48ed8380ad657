"""View ▸ Theme: System, Light or Dark, kept in the settings and applied at once.

The app followed only the system's dark mode, which a Linux laptop without a desktop theme
plugin never passes on to Qt: a coach who reads better on a dark screen had no way to ask for
it. The choice is kept in the settings (``view/theme``); every window's menu shows it, and the
next start applies it (``ui.desktop.app.make_app``). The colours are ``ui.desktop.theme``'s.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

from ui.desktop.theme import THEMES, app_themes

KEY = "view/theme"
TIPS = {"system": "Light or dark as the computer is set",
        "light": "Dark text on a light ground, whatever the computer is set to",
        "dark": "Light text on a dark ground, whatever the computer is set to"}


def saved() -> str:
    """The theme chosen last ("system" when none was, or the setting is not one)."""
    value = str(QSettings().value(KEY, "system"))
    return value if value in THEMES else "system"


def choose(key: str) -> None:
    """``key``'s theme applied to the app at once and kept for the next start."""
    QSettings().setValue(KEY, key)
    app = QApplication.instance()
    if app is not None:
        app_themes(app).choose(key)


def apply_saved(app) -> None:
    """The theme chosen last applied to ``app`` (at start-up; System: as the app started)."""
    if saved() != "system":
        app_themes(app).choose(saved())


def install(window, view_menu: QMenu) -> dict[str, QAction]:
    """The Theme submenu in ``view_menu``: one ticked item a theme, the one in use ticked."""
    menu = view_menu.addMenu("T&heme")
    group = QActionGroup(window)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for key, label in THEMES.items():
        a = menu.addAction(label)
        a.setCheckable(True)
        a.setStatusTip(TIPS[key])
        group.addAction(a)
        a.triggered.connect(lambda _on=False, k=key: choose(k))
        actions[key] = a

    def tick() -> None:  # as chosen in any window
        actions[saved()].setChecked(True)

    tick()
    menu.aboutToShow.connect(tick)
    return actions
