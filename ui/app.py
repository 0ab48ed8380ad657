"""Start the desktop app: ``run_app(path)`` opens the main window on a season file.

Heavy modules (the window, the board, the season loader) are imported inside ``run_app`` so
that importing this module stays cheap; OR-Tools is imported only when a solve starts.
"""

from __future__ import annotations

import sys


def run_app(path: str | None = None) -> int:
    """Open the main window on ``path`` (or the bundled demo season) and run the event loop.

    A file that cannot be opened is explained in a message box (no traceback) and the demo
    season is shown instead. Returns the application's exit code.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Periodize")
    app.setOrganizationName("Periodize")
    app.setApplicationDisplayName("Periodize")

    from planner.errors import PeriodizeError
    from ui.mainwindow import MainWindow, load_demo_season

    season, error = None, None
    if path:
        from planner.seasonfile import load_season

        try:
            season = load_season(path)
        except PeriodizeError as e:
            error = str(e)
    if season is None:
        window = MainWindow(load_demo_season(), None)
    else:
        window = MainWindow(season, path)
    window.show()
    if error is not None:
        message = f"{error}\n\nShowing the demo season instead."
        QTimer.singleShot(0, window, lambda: QMessageBox.critical(
            window, "Could not open the season", message))
    return app.exec()


if __name__ == "__main__":  # pragma: no cover - manual start: python -m ui.app [FILE]
    raise SystemExit(run_app(sys.argv[1] if len(sys.argv) > 1 else None))
