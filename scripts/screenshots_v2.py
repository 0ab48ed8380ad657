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
import sys

from shotwalk import Walk, finish, start

SIZE = (1280, 720)
TODAY = dt.date(2026, 9, 23)


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
    started = start(argv, "screenshots_v2.py")
    if started is None:
        return 2
    walk, scratch = started
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
    return finish(window, scratch)


if __name__ == "__main__":
    sys.exit(main())
