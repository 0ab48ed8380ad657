"""Screenshots of the main window for the docs: ``python -m ui.screenshots OUTDIR``.

Opens the window on the demo season at 1400x800, saves ``board-unsolved.png``, solves the
season with the real solver (waiting at most two minutes) and saves ``board.png``. Run it with
``QT_QPA_PLATFORM=offscreen`` (``make screenshots`` does).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

SOLVE_TIMEOUT = 120.0  # seconds to wait for the solve to finish
TIME_LIMIT = 60.0  # the solver's own time limit


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python -m ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Periodize")
    app.setOrganizationName("Periodize")
    # Neither read nor change the coach's own window state and recent files.
    from PySide6.QtCore import QSettings

    settings_dir = tempfile.TemporaryDirectory(prefix="periodize-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir.name)

    from ui.mainwindow import MainWindow, load_demo_season

    window = MainWindow(load_demo_season(), None)
    window.resize(1400, 800)
    window.show()
    app.processEvents()

    unsolved = out / "board-unsolved.png"
    window.grab().save(str(unsolved))
    print(unsolved)

    loop = QEventLoop()
    outcomes = []

    def done(outcome) -> None:
        outcomes.append(outcome)
        loop.quit()

    def failed(text: str) -> None:
        print(f"solve failed: {text}", file=sys.stderr)
        loop.quit()

    window.solve_finished.connect(done)
    window.solve_failed.connect(failed)
    window.solve_time_limit = TIME_LIMIT
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(SOLVE_TIMEOUT * 1000))
    started = time.monotonic()
    window.solve_action.trigger()
    loop.exec()
    took = time.monotonic() - started
    if not outcomes:
        window.cancel_solve()
        print(f"the solve did not finish within {SOLVE_TIMEOUT:.0f} s", file=sys.stderr)
        window.set_modified(False)
        window.close()
        settings_dir.cleanup()
        return 1
    outcome = outcomes[0]
    print(f"solve: {outcome.status.value}, objective {outcome.objective}, {took:.1f} s",
          file=sys.stderr)
    app.processEvents()
    solved = out / "board.png"
    window.grab().save(str(solved))
    print(solved)
    window.set_modified(False)  # no save prompt on close
    window.close()
    settings_dir.cleanup()
    return 0 if outcome.plan is not None else 1


if __name__ == "__main__":
    raise SystemExit(main())
