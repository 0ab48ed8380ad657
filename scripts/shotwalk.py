"""What the app's screenshot scripts share (``screenshots.py``, ``screenshots_progress.py``,
``screenshots_v2.py``): a walk through the real window (settle, wait, solve, shoot) and the demo
window set up with its settings and recovery copies in a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

TIMEOUT = 120.0  # seconds to wait for a solve or a re-plan


class Walk:
    def __init__(self, out: Path):
        from PySide6.QtWidgets import QApplication  # noqa: TID251 - a script of the Qt app

        self.out = out
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("Periodize")
        self.app.setOrganizationName("Periodize")

    def settle(self, ms: int = 80) -> None:
        """The app's events for ``ms``, widgets let go included: ``processEvents`` leaves the
        deleteLater of a replaced table cell's editor to the event loop, which a script has not,
        and the Move Today shot drew the old date fields over the stage changes."""
        from PySide6.QtCore import QCoreApplication, QEvent  # noqa: TID251 - a script of the Qt app

        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            time.sleep(0.005)

    def until(self, done, what: str) -> None:
        end = time.monotonic() + TIMEOUT
        while not done():
            if time.monotonic() > end:
                raise SystemExit(f"timed out waiting for {what}")
            self.settle(50)

    def solve(self, window) -> None:
        """Plan ▸ Solve in the window, waited for; a solve without a plan stops the script."""
        done: list = []
        window.solve_finished.connect(done.append)
        window.solve_action.trigger()
        self.until(lambda: done, "a solve")
        window.solve_finished.disconnect(done.append)
        if done[0].plan is None:
            raise SystemExit(f"the solve found no plan: {done[0].message}")
        self.settle(200)

    def shoot(self, widget, name: str) -> Path:
        self.settle(200)
        path = self.out / name
        widget.grab().save(str(path))
        print(path)
        return path

    def shoot_with_popups(self, widget, popups, name: str) -> Path:
        """The widget with its open popup menus drawn in (a grab shows no other window)."""
        from PySide6.QtCore import QPoint  # noqa: TID251 - a script of the Qt app
        from PySide6.QtGui import QPainter  # noqa: TID251

        self.settle(200)
        image = widget.grab()
        painter = QPainter(image)
        origin = widget.mapToGlobal(QPoint(0, 0))
        for popup in popups:
            if popup is not None and popup.isVisible():
                painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - origin, popup.grab())
        painter.end()
        path = self.out / name
        image.save(str(path))
        print(path)
        return path


def start(argv: list[str] | None, script: str) -> tuple[Walk, tempfile.TemporaryDirectory] | None:
    """The output folder from the command line, settings and recovery copies in a scratch folder,
    and the walk; None (after the usage line) when the arguments are wrong."""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(f"usage: python scripts/{script} OUTDIR", file=sys.stderr)
        return None
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.TemporaryDirectory(prefix="periodize-shots-")
    os.environ["PERIODIZE_STATE_DIR"] = scratch.name
    # the same pictures and figures whatever the day: no notice of a season's today behind
    # the computer's date (a date no season holds stands for it)
    os.environ.setdefault("PERIODIZE_CLOCK", "2000-01-01")
    walk = Walk(out)
    from PySide6.QtCore import QSettings  # noqa: TID251

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    return walk, scratch


def finish(window, scratch: tempfile.TemporaryDirectory) -> int:
    window.set_modified(False)  # no save prompt on close
    window.close()
    scratch.cleanup()
    return 0
