"""A child process for the recovery test: open the app on a season, make one edit through the
window, then keep running until the test kills it (``kill -9``).

Usage: python -m tests.ui.crash_child SEASON SETTINGS_DIR  (PERIODIZE_STATE_DIR and
PERIODIZE_AUTOSAVE_MS come from the environment).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    season_path, settings_dir = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QSettings, QTimer

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from planner import edits as E
    from ui.desktop.app import create_main_window, make_app

    app = make_app()
    window = create_main_window(season_path, recover=False)

    def edit() -> None:
        window.apply_edit(E.SetSeasonSettings(name="Crashed FC"))
        print("edited", flush=True)

    QTimer.singleShot(50, edit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
