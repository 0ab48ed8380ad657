"""A child process for the start-up test: the app started as ``periodize open SEASON`` starts it,
on the screen and with the settings (XDG_CONFIG_HOME) the environment gives; each message box
of the start-up is closed (OK) a moment after it shows, and the app quits after a few seconds.

Usage: python -m tests.ui.reopen_child SEASON [layout]
``layout``: only save the layout a coach leaves (the window maximised, the Solver Explanation
open under the board, the Log under it as the Load panel tabs it) and quit. Otherwise prints
``box TITLE: TEXT`` for each box it closes and ``open TITLE`` with the window's title at the end.
A crash of Qt ends the process with SIGSEGV (-11).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def save_layout(season_path: str) -> int:
    from PySide6.QtWidgets import QApplication

    from planner.seasonfile import load_season
    from ui.desktop.app import make_app
    from ui.desktop.mainwindow import MainWindow

    make_app()
    window = MainWindow(load_season(season_path), season_path, autosave=False)
    window.showMaximized()
    for key in ("explanation", "log", "load", "roles", "squad", "injuries"):
        window.docks[key].show()
    for _ in range(20):
        QApplication.processEvents()
    for key in ("log", "load", "roles", "squad", "injuries"):
        window.docks[key].hide()
    QApplication.processEvents()
    window.close()  # saves the layout, as a coach's Ctrl+Q does
    return 0


def main() -> int:
    season_path = sys.argv[1]
    if sys.argv[2:] == ["layout"]:
        return save_layout(season_path)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.cli.main import main as periodize
    from ui.desktop.app import make_app

    app = make_app()
    seen: list = []  # the boxes shown, each left open one tick, as a coach reads it

    def tick() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if box in seen:
                print(f"box {box.windowTitle()}: {box.text()}", flush=True)
                box.accept()
            else:
                seen.append(box)
        elif seen or len(ticks) > 6:
            titles = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
            print(f"open {' | '.join(titles)}", flush=True)
            app.quit()
        ticks.append(box)

    ticks: list = []
    watch = QTimer()
    watch.timeout.connect(tick)
    watch.start(500)
    return periodize(["open", season_path])


if __name__ == "__main__":
    raise SystemExit(main())
