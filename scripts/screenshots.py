"""Screenshots of the app for the docs: ``python scripts/screenshots.py OUTDIR``.

Walks through a coach's session on the demo season with the real solver, twice: at 1400 x 860
into ``OUTDIR`` (every shot) and at 1280 x 720, a laptop, into ``OUTDIR/1280x720`` (the main
window's shots). The walk: the unsolved board (recorded stages), the solve in progress, the solved
board with the inspector, week zoom (the whole season), a pin menu with the levels the athlete
cannot reach greyed out, a pin and a manual change with the plan check, a competition being
dragged, every editor, the rules panel, an infeasible season explained, a solve result offered
after a change, the Returns panel with a missed target, the Load panel (an athlete's weekly
load and ACWR with a flagged spike, the team, a season without a log), an export's notice, the
help window, the New and Season Settings dialogs, a what-if scenario (the dialog, and "the final
a week earlier" re-planned and compared) and the board in dark mode. Run it with ``QT_QPA_PLATFORM=offscreen``
(``make screenshots`` does). Settings and recovery copies go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

from shotwalk import Walk

SOLVE_TIMEOUT = 120.0  # seconds to wait for a solve to finish
TIME_LIMIT = 60.0  # the solver's own time limit
SIZE = (1400, 860)
SMALL = (1280, 720)  # a laptop screen: the second set, in OUTDIR/1280x720
TODAY = dt.date(2026, 9, 23)
LOAD_TODAY = dt.date(2026, 12, 1)  # the load shots: the demo's log runs to the end of November


class Session(Walk):
    """The app on the demo season, and the helpers every step of the walk-through uses (the
    settling and shooting of :class:`shotwalk.Walk`, each shot remembered)."""

    def __init__(self, out: Path, size: tuple[int, int] = SIZE, full: bool = True):
        super().__init__(out)
        self.size = size
        self.full = full  # every shot, or only the main window's (the 1280 x 720 set)
        self.shots: list[Path] = []

    def shoot(self, widget, name: str) -> Path:
        path = super().shoot(widget, name)
        self.shots.append(path)
        return path

    def shoot_with_popups(self, widget, popups, name: str) -> Path:
        path = super().shoot_with_popups(widget, popups, name)
        self.shots.append(path)
        return path

    def wait(self, signal, busy, failed=None) -> list:
        """Run the event loop while ``busy()`` until ``signal`` (or ``failed``) fires or the
        timeout passes; ``signal``'s arguments, or [] when it did not fire."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        got: list = []

        def done(*args) -> None:
            got.extend(args)
            loop.quit()

        signal.connect(done)
        if failed is not None:
            failed.connect(loop.quit)
        QTimer.singleShot(int(SOLVE_TIMEOUT * 1000), loop.quit)
        if busy():
            loop.exec()
        signal.disconnect(done)
        if failed is not None:
            failed.disconnect(loop.quit)
        return got

    def wait_solve(self, window):
        got = self.wait(window.solve_finished, window.is_solving, window.solve_failed)
        return got[0] if got else None


def slow_solve(request, on_progress=None, stop=None):
    """A solve whose progress stays on screen long enough to be photographed."""
    from solver import solve

    state = {"n": 0}

    def progress(p) -> None:
        on_progress(p)
        state["n"] += 1
        if state["n"] == 1:
            time.sleep(1.5)

    return solve(request, on_progress=progress, stop=stop)


def solve_shots(s: Session, window):
    """The unsolved board, the solve in progress, the solved board, the inspector, week zoom."""
    s.shoot(window, "board-unsolved.png")
    window.solve_time_limit = TIME_LIMIT
    started = time.monotonic()
    window.solve_action.trigger()
    while window.is_solving() and "objective" not in window.progress_label.text():
        s.settle(20)
        if time.monotonic() - started > SOLVE_TIMEOUT:
            break
    s.settle(300)
    s.shoot(window, "solve-progress.png")
    outcome = s.wait_solve(window)
    if outcome is None or outcome.plan is None:
        return None, None
    print(f"solve: {outcome.status.value}, objective {outcome.objective}, "
          f"{time.monotonic() - started:.1f} s", file=sys.stderr)
    # The solved board with the inspector on an injured athlete's HV session.
    start = window.season.calendar.start
    kofi = window.season.plan.for_athlete("A07")
    day = next(start + dt.timedelta(days=i) for i, v in enumerate(kofi.intensity)
               if v >= 90 and kofi.stages[i] != "FIT")
    window.board.set_current("A07", day)
    window.show_dock("inspector")
    s.shoot(window, "board.png")
    if s.full:
        s.shoot(window.docks["inspector"], "inspector.png")
    window.week_zoom_action.trigger()
    s.shoot(window, "board-week.png")
    window.day_zoom_action.trigger()
    return outcome, day


def pin_menu_shot(s: Session, window) -> None:
    """The pin menu of an athlete in P2: the levels above what he can reach are greyed out."""
    from ui.desktop.boardmenu import find_action

    kofi = window.season.calendar.start + dt.timedelta(days=8)  # Tue 11 Aug: P2, cap 70 %
    window.board.set_current("A07", kofi)
    rect = window.board.cell_rect("A07", kofi)
    window._show_cell_menu("A07", kofi, window.board.viewport().mapToGlobal(rect.center()))
    menu = window.cell_menu
    s.settle(100)
    pin = next(a for a in menu.actions() if a.menu() is not None and "intensity" in a.text())
    menu.setActiveAction(pin)
    sub = pin.menu()
    sub.popup(menu.mapToGlobal(menu.actionGeometry(pin).topRight()))
    s.settle(150)
    assert find_action(menu, "100 %") is not None
    s.shoot_with_popups(window, [menu, sub], "board-pin-menu.png")
    sub.hide()
    menu.hide()


def drag_shot(s: Session, window) -> None:
    """A competition marker being dragged to another day: the drop's preview and sentence."""
    from PySide6.QtCore import QPoint, Qt

    from ui.desktop.board import DAY_H, Y_DAY

    board = window.board
    comp = next(c for c in window.season.competitions if c.date >= TODAY)
    board.set_current("A05", comp.date)
    x0 = board.cell_rect("A05", comp.date).center().x()
    x1 = board.cell_rect("A05", comp.date + dt.timedelta(days=-2)).center().x()
    y = Y_DAY + DAY_H // 2
    board.drag.press(QPoint(x0, y), Qt.MouseButton.LeftButton)
    board.drag.move(QPoint((x0 + x1) // 2, y))
    board.drag.move(QPoint(x1, y))
    s.shoot(window, "board-drag.png")
    board.drag.cancel()
    window.statusBar().clearMessage()


def check_shot(s: Session, window, season) -> None:
    """A pin and a manual change: the plan check marks what the change breaks."""
    from planner import edits as E
    from planner.season import IntensityPin
    from planner.timeline import Timeline

    tl = Timeline(season)
    fit = window.season.plan.for_athlete("A05")
    i = next(k for k in range(60, tl.n - 2)
             if fit.intensity[k] >= 90 and tl.is_training[k] and tl.is_training[k + 1])
    d1 = season.calendar.start + dt.timedelta(days=i + 1)
    window.apply_edit(E.AddPin(pin=IntensityPin(athlete="A04", date=d1, intensity=90)))
    window.apply_edit(E.SetDayIntensity(athlete="A05", date=d1, intensity=95))
    window.board.set_current("A05", d1)
    hb = window.board.horizontalScrollBar()
    hb.setValue(hb.value() + window.board.cell_rect("A05", d1).center().x()
                - window.board.viewport().width() // 2)
    window.show_dock("check")
    window._show_cell_menu("A05", d1, window.board.viewport().mapToGlobal(
        window.board.cell_rect("A05", d1).center()))
    s.settle(100)
    s.shoot_with_popups(window, [window.cell_menu], "board-check.png")
    window.cell_menu.hide()


def editor_shots(s: Session, window, season) -> None:
    """Every editor (on the left, tabbed), the rules panel and the season settings dialog; at
    1280 x 720 only the Injuries editor, the tallest form."""
    window.show_dock("inspector")
    if not s.full:
        window.show_dock("injuries")
        s.settle()
        window.injuries_editor.select("A07")
        window.select_athlete("A07")
        window.injuries_editor.test_value.setValue(72)
        s.shoot(window, "editor-injuries.png")
        for key in ("squad", "injuries", "competitions", "blocks", "daysoff"):
            window.docks[key].hide()
        return
    window.show_dock("competitions")
    window.competitions_editor.select(season.competitions[5].id)
    s.shoot(window, "editor-competitions.png")
    window.show_dock("blocks")
    window.blocks_editor.table.selectRow(1)
    s.shoot(window, "editor-blocks.png")
    window.show_dock("daysoff")
    window.days_off_editor.table.selectRow(1)
    s.shoot(window, "editor-days-off.png")
    window.show_dock("squad")
    s.settle()  # the panel takes its room first
    window.squad_editor.select("A12")
    window.select_athlete("A12")  # as a click on the row does
    s.shoot(window, "editor-squad.png")
    window.show_dock("injuries")
    s.settle()
    window.injuries_editor.select("A07")
    window.select_athlete("A07")
    window.injuries_editor.test_value.setValue(72)
    s.shoot(window, "editor-injuries.png")
    for key in ("squad", "injuries", "competitions", "blocks", "daysoff"):
        window.docks[key].hide()
    window.show_dock("rules")
    window.rules_panel.show_rule("HV-1")
    s.shoot(window, "rules.png")
    dlg = window.season_settings_dialog()
    s.shoot(dlg, "dialog-season-settings.png")
    dlg.reject()


def offer_and_conflict_shots(s: Session, window, season) -> None:
    """A solve result offered after the season changed while solving, then an infeasible
    season explained (the explanation links to the rules and dates)."""
    from PySide6.QtCore import Qt

    from planner import edits as E
    from planner.season import WeekPin

    window.solve_action.trigger()
    window.apply_edit(E.SetRuleValue(rule="HV-1", param="max_gap_days", value=7))
    s.wait_solve(window)
    s.shoot(window, "solve-stale-offer.png")
    window.discard_stale_result()
    window.undo_stack.setIndex(1)  # the solved plan, before the pin and the manual change
    final = next(c for c in season.competitions if c.priority == "A")
    week = final.date - dt.timedelta(days=7)  # a taper week by TP-1: pinned as a deload
    window.apply_edit(E.AddPin(pin=WeekPin(athlete=None, week=week, week_kind="deload")))
    window.solve_action.trigger()
    s.wait_solve(window)
    window.show_dock("explanation")
    window.resizeDocks([window.docks["explanation"]], [230], Qt.Orientation.Vertical)
    window.explanation.follow(f"cell:A05:{week.isoformat()}")
    window.show_dock("inspector")
    s.shoot(window, "solve-infeasible.png")
    window.docks["explanation"].hide()
    window.undo_stack.setIndex(1)


def way_on_shot(s: Session, window, season) -> None:
    """Leo Martin (A12), in P3 since before the season, away from its first day until P3's
    maximum: the exit no longer fits, and the explanation offers recording him still in P3."""
    from PySide6.QtCore import Qt

    from planner import edits as E
    from planner.protocols import load_protocol
    from planner.season import Unavailability

    injury = season.injuries_of("A12")[-1]
    held = injury.stages[-1]
    last = held.start + dt.timedelta(days=load_protocol(injury.protocol).stage(held.stage).max_days - 1)
    back_to = window.undo_stack.index()
    window.apply_edit(E.AddUnavailability(unavailability=Unavailability(
        athlete="A12", start=season.calendar.start, end=last, reason="Family leave")))
    window.solve_action.trigger()
    s.wait_solve(window)
    window.show_dock("explanation")
    window.resizeDocks([window.docks["explanation"]], [230], Qt.Orientation.Vertical)
    s.shoot(window, "solve-way-on.png")
    window.docks["explanation"].hide()
    window.undo_stack.setIndex(back_to)


def returns_shot(s: Session, window, season, plan) -> None:
    """Kofi's target, the derby, three weeks earlier: he cannot be back for it; the Returns
    panel and the board's name column say so."""
    from planner import edits as E

    window.set_document(season.model_copy(update={"plan": plan}), None)
    target = window.season.competition(window.season.injury_of("A07").target_competition)
    window.apply_edit(E.MoveCompetition(competition=target.id,
                                        date=target.date - dt.timedelta(days=21)))
    window.solve_action.trigger()
    s.wait_solve(window)
    row = next((r for r in window.returns_panel.rows if r.athlete == "A07"), None)
    window.board.set_current("A07", row.back if row and row.back else target.date)
    window.show_dock("returns")
    s.shoot(window, "returns.png")


def logged_season(season, plan):
    """The solved demo on :data:`LOAD_TODAY` with the demo's log (templates/demo-sessions.csv,
    August to November) added; Sam Okafor (A03) logged a second session (90 minutes at RPE 7)
    on each of the last seven days, a spike the Load panel flags (logged EWMA ratio 1.57)."""
    from planner.season import Session
    from planner.sessionlog import read_sessions
    from templates import path as template_path

    cal = season.calendar.model_copy(update={"today": LOAD_TODAY})
    season = season.model_copy(update={"plan": plan, "calendar": cal})
    log = read_sessions(template_path("demo-sessions.csv"), season)
    spike = tuple(Session(athlete="A03", date=LOAD_TODAY - dt.timedelta(days=k), minutes=90,
                          rpe=7, note="extra session") for k in range(1, 8))
    return season.model_copy(update={"sessions": tuple(log.sessions) + spike})


def load_shots(s: Session, window, season, plan) -> None:
    """The Load panel under the board on Tue 1 Dec: an athlete's weeks (planned and logged
    load, the ACWR in its band, monotony) with the flagged athlete marked on the name column
    and in the inspector; the team's ACWR with the median and the flags; and a season with no
    log yet (planned figures only)."""
    window.board.today_override = LOAD_TODAY
    window.set_document(logged_season(season, plan), None)
    window.board.set_current("A03", LOAD_TODAY - dt.timedelta(days=1))
    window.show_dock("inspector")
    window.load_view.show()
    window.board.scroll_to_date(LOAD_TODAY - dt.timedelta(days=35))

    def figures_ready() -> None:  # worked out in the background
        end = time.monotonic() + SOLVE_TIMEOUT
        while not window.load_view.idle() and time.monotonic() < end:
            s.settle(20)
        s.settle(200)

    figures_ready()
    s.shoot(window, "load-athlete.png")
    if s.full:
        window.load_view.show(team=True)
        figures_ready()
        s.shoot(window, "load-team.png")
        window.set_document(season.model_copy(update={"plan": plan}), None)
        window.load_view.show()
        window.board.set_current("A07", season.calendar.start + dt.timedelta(days=60))
        figures_ready()
        s.shoot(window.docks["load"], "load-planned-only.png")
    window.docks["load"].hide()
    window.board.today_override = TODAY


def notice_and_help_shots(s: Session, window, folder: Path) -> None:
    """The notice after an export (Open, Show folder) and Help ▸ Getting Started."""
    from ui.desktop import fileio

    folder.mkdir(parents=True, exist_ok=True)
    fileio.export_to(window, folder / "riverside-plan.xlsx", "xlsx")
    window.show_dock("inspector")
    s.shoot(window, "export-notice.png")
    window.notice.hide()
    help_window = window.show_help("start")
    help_window.resize(900, 640)
    s.shoot(help_window, "help.png")
    help_window.close()


def new_season_shot(s: Session, window) -> None:
    from PySide6.QtCore import QDate

    window.set_modified(False)
    new = window.new_dialog()
    new.name.setText("Riverside FC U19 2027/28")
    new.start.setDate(QDate(2027, 7, 5))
    new.end.setDate(QDate(2028, 5, 28))
    for day in ("wed", "sat"):  # a team training four days a week
        new.days[day].setChecked(False)
    s.shoot(new, "dialog-new-season.png")
    new.reject()


def whatif_shots(s: Session, window, season, plan) -> None:
    """What if: a flare-up in week 12 in the scenario dialog (a repeated change refused inline),
    then "the final a week earlier" re-planned and compared with the plan."""
    from PySide6.QtWidgets import QDialog

    window.set_document(season.model_copy(update={"plan": plan}), None)
    kofi_week12 = season.calendar.start + dt.timedelta(days=7 * 11 + 2)  # Wednesday of week 12
    ask = window.whatif.new_dialog()
    ask.name.setText("Kofi flares up in week 12")
    ask.set_kind("flare")
    ask.flare_athlete.setCurrentIndex(ask.flare_athlete.findData("A07"))
    ask.flare_date.set_date(kofi_week12)
    ask.add_change()
    ask.add_change()  # the same again: refused, with the reason in red
    s.shoot(ask, "whatif-new.png")
    QDialog.reject(ask)  # closed as shot: its reject() would ask about the draft
    ask = window.whatif.new_dialog()
    ask.name.setText("Final a week earlier")
    ask.set_kind("move")  # the A final is offered first, a week earlier suggested
    ask.add_change()
    ask.buttons.accepted.emit()
    s.wait(window.whatif.replan_finished, window.whatif.is_replanning, window.whatif.replan_failed)
    compare = window.whatif.compare_window
    if compare is None:
        print("the what-if re-plan gave no comparison", file=sys.stderr)
        return
    compare.resize(*SIZE)
    s.shoot(compare, "whatif-compare.png")
    compare.close()


def dark_shot(s: Session, window, season, plan, day) -> None:
    from ui.desktop.theme import dark_palette

    window.set_document(season.model_copy(update={"plan": plan}), None)
    window.show_dock("check")
    s.app.setStyle("Fusion")
    s.app.setPalette(dark_palette())
    window.board.set_current("A07", day)
    window.show_dock("inspector")
    s.shoot(window, "board-dark.png")


def walk(s: Session, scratch: Path) -> int:
    """One walk through the session at ``s.size`` into ``s.out``."""
    from PySide6.QtCore import QSettings

    from ui.desktop.mainwindow import MainWindow, load_demo_season

    QSettings().clear()  # each walk starts from the default layout
    s.out.mkdir(parents=True, exist_ok=True)
    season = load_demo_season()
    window = MainWindow(season, None, solve_fn=slow_solve)
    window.resize(*s.size)
    window.board.today_override = TODAY
    window.set_document(season, None)
    window.show()
    outcome, day = solve_shots(s, window)
    if outcome is None:
        print("the solve did not give a plan", file=sys.stderr)
        window.set_modified(False)
        window.close()
        return 1
    if s.full:
        pin_menu_shot(s, window)
    check_shot(s, window, season)
    drag_shot(s, window)
    editor_shots(s, window, season)
    offer_and_conflict_shots(s, window, season)
    returns_shot(s, window, season, outcome.plan)
    load_shots(s, window, season, outcome.plan)
    if s.full:
        way_on_shot(s, window, season)
        notice_and_help_shots(s, window, scratch / "Documents")
        new_season_shot(s, window)
        whatif_shots(s, window, season, outcome.plan)
        dark_shot(s, window, season, outcome.plan, day)
    window.set_modified(False)  # no save prompt on close
    window.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python scripts/screenshots.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.TemporaryDirectory(prefix="periodize-shots-")
    os.environ["PERIODIZE_STATE_DIR"] = scratch.name  # no recovery copy in the coach's folder
    # the same pictures and figures whatever the day: no notice of a season's today behind
    # the computer's date (a date no season holds stands for it)
    os.environ.setdefault("PERIODIZE_CLOCK", "2000-01-01")
    from PySide6.QtCore import QSettings

    Session(out)  # the application, before any setting is read
    # Neither read nor change the coach's own window state and recent files.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    # The laptop first: the full walk ends in dark mode, which stays on the application.
    code = walk(Session(out / "1280x720", SMALL, full=False), Path(scratch.name))
    if code == 0:
        code = walk(Session(out, SIZE, full=True), Path(scratch.name))
    scratch.cleanup()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
