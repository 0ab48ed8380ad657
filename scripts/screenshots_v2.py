"""Screenshots of rules v2 in the app: ``python scripts/screenshots_v2.py OUTDIR``.

On the demo season at 1280 x 720 with today on Wed 23 Sep 2026 and the real solver:

- ``roles-grid.png``: Season ▸ Match Roles, the squad × competitions grid (goalkeepers out by
  default, a bench for the cup), with the board's role letters on the match days above it;
- ``criteria-gate.png``: the Injuries editor after a failing hip-flexor strength test of
  Leo Martin (A12): "… 82 % < 90 %: P3 held until retest on …", the board re-planned;
- ``board-flare-menu.png``: the board's menu on a day of Isaac Boateng (A19): Record flare-up
  on this day, beside the role for the day's match and the pins;
- ``flare-up.png``: a flare-up recorded from the board's menu for Isaac Boateng (A19), the
  plan re-solved: the flare-up day's ``!``, its calm days dotted, the inspector on the day after;
- ``board-provisional.png``: Kofi Mensah's (A07) projected stages hatched as provisional (no
  criteria result yet), the inspector naming the exit they wait on.

Run it with ``QT_QPA_PLATFORM=offscreen`` (``make screenshots`` does). Settings and recovery
copies go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

SIZE = (1280, 720)
TODAY = dt.date(2026, 9, 23)
TIMEOUT = 120.0


class Walk:
    def __init__(self, out: Path):
        from PySide6.QtWidgets import QApplication  # noqa: TID251 - a script of the Qt app

        self.out = out
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("Periodize")
        self.app.setOrganizationName("Periodize")

    def settle(self, ms: int = 80) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.005)

    def solve(self, window) -> None:
        done: list = []
        window.solve_finished.connect(done.append)
        window.solve_action.trigger()
        end = time.monotonic() + TIMEOUT
        while not done:
            if time.monotonic() > end:
                raise SystemExit("timed out waiting for a solve")
            self.settle(50)
        window.solve_finished.disconnect(done.append)
        if done[0].plan is None:
            raise SystemExit(f"the solve found no plan: {done[0].message}")

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
            if popup.isVisible():
                painter.drawPixmap(popup.mapToGlobal(QPoint(0, 0)) - origin, popup.grab())
        painter.end()
        path = self.out / name
        image.save(str(path))
        print(path)
        return path


def roles_shot(walk: Walk, window) -> None:
    from ui.desktop import roles

    roles.show(window)
    panel, model = window.roles_panel, window.roles_panel.model
    col = 1 + [c.id for c in model.comps].index("cup-round-2")
    panel.view.setCurrentIndex(model.index(0, col))
    panel.view.scrollTo(model.index(0, col))
    window.board.set_current("A04", dt.date(2026, 9, 23))
    window.board.scroll_to_date(dt.date(2026, 9, 14))
    walk.shoot(window, "roles-grid.png")
    window.docks["roles"].hide()


def gate_shot(walk: Walk, window) -> None:
    from planner import edits as E
    from planner.season import CriteriaTest

    window.apply_edit(E.RecordCriteriaTest(athlete="A12", test=CriteriaTest(
        date=TODAY, name="Hip-flexor strength LSI", value=82, unit="%")))
    walk.solve(window)
    window.show_dock("injuries")
    window.injuries_editor.select("A12")
    window.board.set_current("A12", TODAY + dt.timedelta(days=3))
    window.board.scroll_to_date(dt.date(2026, 9, 14))
    walk.shoot(window, "criteria-gate.png")
    window.docks["injuries"].hide()


def flare_shot(walk: Walk, window) -> None:
    from ui.desktop.boardmenu import find_action

    day = dt.date(2026, 9, 28)
    window.board.set_current("A19", day)
    window.board.scroll_to_date(dt.date(2026, 9, 14))
    walk.settle(100)
    rect = window.board.cell_rect("A19", day)
    window._show_cell_menu("A19", day, window.board.viewport().mapToGlobal(rect.center()))
    menu = window.cell_menu
    walk.settle(100)
    act = find_action(menu, "Record flare-up on this day")
    menu.setActiveAction(act)
    walk.shoot_with_popups(window, [menu], "board-flare-menu.png")
    menu.hide()
    act.trigger()
    walk.solve(window)
    window.show_dock("inspector")
    window.board.set_current("A19", day + dt.timedelta(days=1))
    window.board.scroll_to_date(dt.date(2026, 9, 14))
    walk.shoot(window, "flare-up.png")


def provisional_shot(walk: Walk, window) -> None:
    window.show_dock("inspector")
    window.board.set_current("A07", dt.date(2026, 10, 16))
    window.board.scroll_to_date(dt.date(2026, 9, 21))
    walk.shoot(window, "board-provisional.png")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python scripts/screenshots_v2.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.TemporaryDirectory(prefix="periodize-shots-")
    os.environ["PERIODIZE_STATE_DIR"] = scratch.name
    walk = Walk(out)
    from PySide6.QtCore import QSettings  # noqa: TID251

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    from ui.desktop.mainwindow import MainWindow, load_demo_season

    season = load_demo_season()
    season = season.model_copy(update={"calendar": season.calendar.model_copy(update={"today": TODAY})})
    window = MainWindow(season, None, autosave=False)
    window.board.today_override = TODAY
    window.resize(*SIZE)
    window.show()
    walk.settle(200)
    walk.solve(window)
    roles_shot(walk, window)
    provisional_shot(walk, window)
    gate_shot(walk, window)
    flare_shot(walk, window)
    window.set_modified(False)  # no save prompt on close
    window.close()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
