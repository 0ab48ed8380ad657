"""Screenshots of the app for the docs: ``python scripts/screenshots.py OUTDIR``.

Opens the window on the demo season at 1400x860 and walks through a coach's session with the
real solver: the unsolved board, the solve in progress, the solved board with the inspector,
week zoom, a pin and a manual change with the plan check, every editor, the rules panel, an
infeasible season explained, a solve result offered after a change, the New and Season Settings
dialogs, a what-if scenario (the dialog, and "the final a week earlier" re-planned and compared)
and the board in dark mode. Run it with ``QT_QPA_PLATFORM=offscreen`` (``make
screenshots`` does). Settings and recovery copies go to a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

SOLVE_TIMEOUT = 120.0  # seconds to wait for a solve to finish
TIME_LIMIT = 60.0  # the solver's own time limit
SIZE = (1400, 860)


class Session:
    """The app on the demo season, and the helpers every step of the walk-through uses."""

    def __init__(self, out: Path):
        from PySide6.QtWidgets import QApplication

        self.out = out
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName("Periodize")
        self.app.setOrganizationName("Periodize")
        self.shots: list[Path] = []

    def settle(self, ms: int = 60) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.005)

    def shoot(self, widget, name: str) -> None:
        self.settle()
        path = self.out / name
        widget.grab().save(str(path))
        self.shots.append(path)
        print(path)

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
    window.docks["check"].hide()
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
    window.show_dock("check")
    start = window.season.calendar.start
    kofi = window.season.plan.for_athlete("A07")
    day = next(start + dt.timedelta(days=i) for i, v in enumerate(kofi.intensity)
               if v >= 90 and kofi.stages[i] != "FIT")
    window.board.set_current("A07", day)
    window.show_dock("inspector")
    s.shoot(window, "board.png")
    s.shoot(window.docks["inspector"], "inspector.png")
    window.week_zoom_action.trigger()
    s.shoot(window, "board-week.png")
    window.day_zoom_action.trigger()
    return outcome, day


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
    s.shoot(window, "board-check.png")
    window.cell_menu.hide()


def editor_shots(s: Session, window, season) -> None:
    """Every editor, the rules panel and the season settings dialog."""
    window.show_dock("competitions")
    window.competitions_editor.select(season.competitions[5].id)
    s.shoot(window, "editor-competitions.png")
    window.show_dock("blocks")
    window.blocks_editor.table.selectRow(1)
    s.shoot(window, "editor-blocks.png")
    window.show_dock("daysoff")
    window.days_off_editor.table.selectRow(1)
    s.shoot(window, "editor-days-off.png")
    window.show_dock("inspector")
    window.show_dock("squad")
    s.settle()  # the panel takes its room first
    window.squad_editor.select("A12")
    window._show_athlete("A12")  # as a click on the row does
    s.shoot(window, "editor-squad.png")
    window.show_dock("injuries")
    s.settle()
    window.injuries_editor.select("A07")
    window._show_athlete("A07")
    window.injuries_editor.test_value.setValue(72)
    s.shoot(window, "editor-injuries.png")
    window.docks["squad"].hide()
    window.docks["injuries"].hide()
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
    from planner.season import IntensityPin

    window.solve_action.trigger()
    window.apply_edit(E.SetRuleValue(rule="HV-1", param="max_gap_days", value=7))
    s.wait_solve(window)
    s.shoot(window, "solve-stale-offer.png")
    window.discard_stale_result()
    window.undo_stack.setIndex(0)
    kofi_p1 = season.calendar.start + dt.timedelta(days=2)
    window.apply_edit(E.AddPin(pin=IntensityPin(athlete="A07", date=kofi_p1, intensity=90)))
    window.solve_action.trigger()
    s.wait_solve(window)
    window.show_dock("explanation")
    window.resizeDocks([window.docks["explanation"]], [230], Qt.Orientation.Vertical)
    window.explanation.follow(f"cell:A07:{kofi_p1.isoformat()}")
    window.show_dock("inspector")
    s.shoot(window, "solve-infeasible.png")
    window.resizeDocks([window.docks["explanation"]], [130], Qt.Orientation.Vertical)
    window.show_dock("check")


def new_season_shot(s: Session, window) -> None:
    from PySide6.QtCore import QDate

    window.set_modified(False)
    new = window.new_dialog()
    new.name.setText("Riverside FC U19 2027/28")
    new.start.setDate(QDate(2027, 7, 5))
    new.end.setDate(QDate(2028, 5, 28))
    s.shoot(new, "dialog-new-season.png")
    new.reject()


def whatif_shots(s: Session, window, season, plan) -> None:
    """What if: a flare-up in week 12 in the scenario dialog (a repeated change refused inline),
    then "the final a week earlier" re-planned and compared with the plan."""
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
    ask.reject()
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


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("usage: python scripts/screenshots.py OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    scratch = tempfile.TemporaryDirectory(prefix="periodize-shots-")
    os.environ["PERIODIZE_STATE_DIR"] = scratch.name  # no recovery copy in the coach's folder
    s = Session(out)
    from PySide6.QtCore import QSettings

    # Neither read nor change the coach's own window state and recent files.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch.name)
    from ui.desktop.mainwindow import MainWindow, load_demo_season

    season = load_demo_season()
    window = MainWindow(season, None, solve_fn=slow_solve)
    window.resize(*SIZE)
    window.board.today_override = dt.date(2026, 9, 23)
    window.set_document(season, None)
    window.show()
    outcome, day = solve_shots(s, window)
    if outcome is None:
        print("the solve did not give a plan", file=sys.stderr)
        window.set_modified(False)
        window.close()
        return 1
    check_shot(s, window, season)
    editor_shots(s, window, season)
    offer_and_conflict_shots(s, window, season)
    new_season_shot(s, window)
    whatif_shots(s, window, season, outcome.plan)
    dark_shot(s, window, season, outcome.plan, day)
    window.set_modified(False)  # no save prompt on close
    window.close()
    scratch.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
