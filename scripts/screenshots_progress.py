"""Screenshots of the weekly loop in the app: ``python scripts/screenshots_progress.py OUTDIR``.

On the demo season at 1280 x 720 (a laptop), with the real solver, the walk a coach makes on a
Monday: Season ▸ Move Today to Tue 1 Dec 2026 (the season is planned first: nothing projected
the stage changes yet), every projected change ticked and the demo's GPS export
(templates/demo-sessions.csv) imported in the same dialog, the re-plan from today, then

- ``weekly-loop-advance.png``: the Move Today dialog with the stage changes and the log to add;
- ``weekly-loop-log.png``: the Log panel on the week of 24 Aug (a pain of 6/10 proposes a
  flare-up: the cell is marked, the inspector offers Record flare-up);
- ``weekly-loop-board.png``: the board around today: the past greyed, logged days dotted, days
  that went otherwise marked, the inspector saying "planned …, logged …";
- ``season-review.png``: View ▸ Season Review… on the season so far (matches, minutes, exposures
  done and planned, days in rehab and away, load logged against planned, per player).

Run it with ``QT_QPA_PLATFORM=offscreen``. Settings and recovery copies go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import sys

from shotwalk import Walk, finish, start

SIZE = (1280, 720)
TODAY = dt.date(2026, 12, 1)


def advance(walk: Walk, window):
    """Move Today to TODAY: planned first, every change ticked, the demo's log imported."""
    from templates import path as template_path

    weekly = window.weekly
    window.interaction.confirm = lambda *_a, **_k: True  # "Plan the season first?": yes
    weekly.move_today(TODAY)
    walk.until(lambda: weekly.dialog is not None, "the season's first plan")
    dlg = weekly.dialog
    dlg.choose_log = lambda: str(template_path("demo-sessions.csv"))
    dlg.import_log()
    for i in range(dlg.table.rowCount()):  # they happened: the demo's log has them playing
        dlg.set_accepted(i, True)
    dlg.resize(900, 600)
    dlg.show()
    walk.shoot(dlg, "weekly-loop-advance.png")
    said: list = []  # a message box would wait for a click no one makes: say it here instead
    window.interaction.inform = lambda *a, **_k: said.append(a)
    finished: list = []
    weekly.replan_finished.connect(finished.append)
    dlg.buttons.accepted.emit()
    walk.until(lambda: finished, "the re-plan from today")
    for a in said:
        print("message shown:", *a[:2], file=sys.stderr)
    if finished[0].plan is None:
        raise SystemExit(f"the re-plan found no plan: {finished[0].message}")


def log_shot(walk: Walk, window) -> None:
    """The week of a painful day: the proposal in the table and under the inspector."""
    from planner.timeline import Timeline

    season = window.season
    weekly = window.weekly
    panel = weekly.log_panel
    window.show_dock("log")  # the shot is of the Log panel: shown by the walk, not by chance
    day = dt.date(2026, 8, 26)
    panel.show_week(Timeline(season).week_index_of_date(day))
    m = panel.model
    r = [a.id for a in m.athletes].index("A19")
    c = [m.tl.days[d] for d in m.days].index(day)
    panel.view.setCurrentIndex(m.index(r, c))
    panel.view.scrollTo(m.index(r, c))
    window.show_dock("inspector")
    walk.settle(200)
    walk.shoot(window, "weekly-loop-log.png")


def board_shot(walk: Walk, window) -> None:
    """The board around today with a day that went otherwise selected."""
    season = window.season
    window.docks["log"].hide()
    candidates = [(ap.athlete, d) for ap in season.plan.athletes for d in ap.planned
                  if TODAY - dt.timedelta(days=21) <= d < TODAY]
    athlete, day = max(candidates, key=lambda c: c[1]) if candidates else ("A01", TODAY)
    window.board.set_current(athlete, day)
    window.board.scroll_to_date(TODAY - dt.timedelta(days=30))
    walk.settle(200)
    walk.shoot(window, "weekly-loop-board.png")


def review_shot(walk: Walk, window) -> None:
    """View ▸ Season Review… on the season so far."""
    from ui.desktop.review import ReviewWindow

    window.review_action.trigger()
    walk.settle(300)
    walk.shoot(window.findChild(ReviewWindow), "season-review.png")


def main(argv: list[str] | None = None) -> int:
    started = start(argv, "screenshots_progress.py")
    if started is None:
        return 2
    walk, scratch = started
    from ui.desktop.mainwindow import MainWindow, load_demo_season

    window = MainWindow(load_demo_season(), None, autosave=False)
    window.resize(*SIZE)
    window.show()
    walk.settle(200)
    advance(walk, window)
    log_shot(walk, window)
    board_shot(walk, window)
    review_shot(walk, window)
    return finish(window, scratch)


if __name__ == "__main__":
    sys.exit(main())
