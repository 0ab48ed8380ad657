"""The weekly loop in the app: log what happened, move today forward, re-plan from today
(rules-spec.md section 9; ``ui/cli/progress.py`` is the command line's version).

:class:`WeeklyLoop` belongs to the main window and brings:

- the **Log** panel (``ui.desktop.logtable``), a dock under the board: a week of sessions typed
  like a spreadsheet, each entry or batch one ``LogSessions`` edit;
- **File ▸ Import Sessions…** (``ui.desktop.sessionimport``);
- **Season ▸ New Week** and **Season ▸ Move Today…** (and a new today typed in Season Settings):
  the Move Today dialog (``ui.desktop.advance``) lists the stage changes the stored plan
  projected before the new today; OK is one ``AdvanceToday`` edit, then the season is
  re-planned from today in the background. Without a stored plan nothing projects a change:
  the season is first planned as it stands (the window's own solve), then the dialog opens;
- **Plan ▸ Re-plan from Today**: ``solver.whatif.replan_from_today`` in a
  :class:`~ui.desktop.jobs.BackgroundJob` (progress and Cancel in the status bar, the
  stale-result guard); its plan is stored with ``SetPlan``, its own undo step. Without a stored
  plan the window's Solve runs instead;
- the **flare-up proposal** under the inspector: a logged pain at or above the protocol's
  threshold on the selected athlete-day offers "Record flare-up" (a ``RecordFlareUp`` edit);
  nothing changes until it is clicked.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.daymarks import replans_from_today
from planner.plandiff import plan_changes
from planner.progress import (
    next_week_start,
    played_before_re_entry,
    returns_moved,
    team_weeks_changed,
)
from planner.rehab import FLARE_BACK_SHORT
from planner.rules import same_rules
from planner.scenarios import logged_since
from planner.season import Plan, Season, solve_inputs
from planner.text import count, day_long, number, plural
from planner.text import day as day_text
from planner.validate import planning_start
from solver.api import neighbourhood_plan
from ui.desktop.advance import AdvanceDialog
from ui.desktop.jobs import BackgroundJob, JobResult, JobWords
from ui.desktop.layout import open_under_board, scrolled
from ui.desktop.logtable import LogPanel
from ui.desktop.pastview import proposal_on
from ui.desktop.sessionimport import choose_log, import_dialog
from ui.desktop.solving import (
    SolveResult,
    new_stop,
    plan_again_to,
    plan_again_words,
    plan_words,
    prepare,
    progress_text,
)

REPLAN_WORDS = JobWords(progress_name="Re-plan from today progress",
                        cancel_tip="Stop re-planning from today and keep the best plan found so far",
                        cancel_name="Cancel re-plan from today",
                        failed="The re-plan from today stopped with an error",
                        stopping="Stopping the re-plan; keeping the best plan found so far…",
                        title="Re-plan stopped")


def replan_work(before: Season, after: Season, time_limit: float):
    """The work of a re-plan from today: ``after`` planned from its today with minimal change
    to ``before``'s stored plan (``solver.whatif.replan_from_today``)."""

    def work(report, stop) -> SolveResult:
        from solver.whatif import replan_from_today

        outcome = replan_from_today(before, after, time_limit, on_progress=report, stop=stop)
        return SolveResult(outcome, prepare(after, outcome), after.rules)

    return work


class FlareStrip(QFrame):
    """Under the inspector: the flare-up the selected day's logged pain proposes, and the
    button that records it."""

    requested = Signal(str, object)  # athlete id, date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FlareStrip { background: #fff3e0; }")
        self.setAccessibleName("Flare-up proposal")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #3e2723")
        self.button = QPushButton("Record flare-up")
        self.button.setAccessibleName("Record flare-up")
        self.button.setToolTip("Record the flare-up on this day (one undo step); the plan then "
                               "needs a new solve")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.athlete: str | None = None
        self.day: dt.date | None = None
        self.button.clicked.connect(lambda: self.requested.emit(self.athlete, self.day))
        self.hide()

    def show_for(self, season: Season | None, athlete: str | None, day: dt.date | None) -> bool:
        """Show the proposal of the athlete-day, or hide; True when one is shown."""
        p = proposal_on(season, athlete, day) if season is not None and athlete and day else None
        self.athlete, self.day = (athlete, day) if p is not None else (None, None)
        if p is None:
            return self._show_speed_after_pain(season, athlete, day)
        self.label.setText(f"⚑ {season.athlete_label(athlete)} logged pain <b>{p.pain:g}/10</b> "
                           f"on {day_long(day)}: at or above the protocol's {p.threshold}/10, it "
                           f"proposes a flare-up. Nothing changes until you record it.")
        self.show()
        return True

    def _show_speed_after_pain(self, season, athlete, day) -> bool:
        """A day planned above 60 % in the calm days of a flare-up a pain proposes, not recorded:
        the day the coach reads (today) says so, and the button records it on the pain's day."""
        from planner.progress import speed_after_pain

        hit = next((x for x in speed_after_pain(season, athlete=athlete) if x.date == day),
                   None) if season is not None and athlete and day else None
        if hit is None:
            self.hide()
            return False
        self.athlete, self.day = athlete, hit.proposal.date
        self.label.setText(f"⚠ {html.escape(hit.text(season))}.")
        self.show()
        return True


class WeeklyLoop(QObject):
    """The weekly loop of one main window (see the module text)."""

    replan_finished = Signal(object)  # the Outcome, after the document was updated
    advanced = Signal()  # today moved (the edit was applied)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.log_panel = LogPanel(window)
        self.flare_strip = FlareStrip(window)
        self.dock: QDockWidget | None = None
        self.dialog: AdvanceDialog | None = None
        self._pending_today: dt.date | None = None  # a move waiting for the first plan
        # the log that move reads when it opens, with the answers given to its questions
        self._pending_log: tuple[str, dict] | None = None
        self._reference: Plan | None = None  # the plan the running re-plan started from
        self._before: Season | None = None  # the season it started from
        self._log_opened_by_move = False  # a move opened the Log panel in this session
        self._log_hint = ""  # the move's re-plan says where its week is logged (panel closed)
        self.job = BackgroundJob(window, REPLAN_WORDS, detail=progress_text)
        self.job.finished.connect(self._on_replan_done)
        self._build_actions()
        self.log_panel.edit_requested.connect(self._log_edit)
        self.log_panel.cell_selected.connect(self._select_on_board)
        self.log_panel.flare_requested.connect(self.record_flare)
        self.log_panel.status.connect(lambda text: window.statusBar().showMessage(text, 10000))
        self.flare_strip.requested.connect(self.record_flare)
        window.document.changed.connect(self._on_document_changed)
        window.board.current_changed.connect(self._on_current)

    # -- window parts ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.new_week_action = QAction("&New Week", w)
        self.new_week_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_week_action.setStatusTip("Move today to the next week's first day: record last "
                                          "week's stage changes, then re-plan from today")
        self.new_week_action.triggered.connect(self.new_week)
        self.move_today_action = QAction("&Move Today…", w)
        self.move_today_action.setStatusTip("Move today to any day (forwards or back)")
        self.move_today_action.triggered.connect(lambda: self.move_today(None))
        self.log_action = QAction("&Log Sessions", w)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setStatusTip("The session log: a week of what happened, typed like a "
                                     "spreadsheet")
        self.log_action.triggered.connect(self.show_log)
        self.import_action = QAction("Import &Sessions (CSV, Excel)…", w)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.setStatusTip("Add logged sessions from a GPS or monitoring export")
        self.import_action.triggered.connect(lambda: import_dialog(w))
        self.replan_action = QAction("&Re-plan from Today", w)
        self.replan_action.setShortcut(QKeySequence("Ctrl+R"))
        self.replan_action.setStatusTip("Plan from today with what happened, keeping the stored "
                                        "plan wherever changing it gains nothing")
        self.replan_action.triggered.connect(lambda: self.replan())
        for a in (self.new_week_action, self.move_today_action, self.log_action,
                  self.import_action, self.replan_action):
            w.addAction(a)  # shortcuts work with the menu bar hidden

    def inspector_panel(self, inspector: QWidget) -> QWidget:
        """The inspector with the flare-up proposal under it (the Inspector dock's widget)."""
        box = QWidget()
        box.setAccessibleName(inspector.accessibleName())
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(inspector, 1)
        lay.addWidget(self.flare_strip)
        return box

    def add_dock(self) -> QDockWidget:
        """The Log dock under the board (hidden until the coach opens it)."""
        w = self.window
        dock = QDockWidget("Log", w)
        dock.setObjectName("dock-log")
        dock.setAccessibleName("Log panel")
        dock.setWidget(scrolled(self.log_panel))  # a short dock scrolls: the window fits
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        dock.visibilityChanged.connect(self._on_visibility)
        w.docks["log"] = dock
        self.dock = dock
        self.log_panel.set_season(w.season)
        return dock

    def install_menus(self, file_menu, season_menu, plan_menu) -> None:
        w = self.window
        file_menu.insertAction(getattr(w, "export_action", None), self.import_action)
        acts = season_menu.actions()
        before = acts[1] if len(acts) > 1 else None  # after Season Settings
        season_menu.insertSeparator(before)
        for a in (self.new_week_action, self.move_today_action, self.log_action):
            season_menu.insertAction(before, a)
        plan_menu.insertAction(w.cancel_action, self.replan_action)

    def shutdown(self) -> None:
        self.job.shutdown(5000)

    # -- following the document and the board ----------------------------------------------
    @Slot()
    def _on_document_changed(self) -> None:
        season = self.window.season
        self.log_panel.set_season(season)
        cur = self.window.board.current()
        self.flare_strip.show_for(season, *(cur or (None, None)))

    @Slot(str, object)
    def _on_current(self, athlete: str, day) -> None:
        self.flare_strip.show_for(self.window.season, athlete or None, day)
        if self.dock is not None and self.dock.isVisible():  # as the Load panel follows it
            self.log_panel.follow(athlete or None, day)

    def _on_visibility(self, visible: bool) -> None:
        """The Log opened: on the athlete selected on the board."""
        cur = self.window.board.current()
        if visible and cur is not None:
            self.log_panel.follow(*cur)

    def _select_on_board(self, athlete: str, day: dt.date) -> None:
        cur = self.window.board.current()
        if cur != (athlete, day):
            self.window.board.set_current(athlete, day)

    def _log_edit(self, edit) -> bool:
        """The Log panel's entry, applied as one undo step; a day logged (or cleared) that the
        stored plan was made without is said in the status bar with the way to plan with it:
        after the week's log nothing said that the plan still counted it as planned."""
        from ui.desktop.pastview import played_in_rehab_words

        w = self.window
        if not w.apply_edit(edit):
            return False
        season = w.season
        # a match typed for an athlete the records hold in rehab: said as the Log's ▲ says it
        played = list(dict.fromkeys(filter(None, (played_in_rehab_words(season, a, d)
                                                  for a, d in getattr(edit, "replace", ())))))
        made = self.made_without_words(season)
        if made or played:
            said = w.edit_said.rstrip(".")  # the edit's own words, never a message since
            parts = [said] if said else []
            parts += played
            if made:
                parts.append(made)
            w.statusBar().showMessage(". ".join(parts) + ".", 20000)
        return True

    def made_without_words(self, season: Season) -> str:
        """The athlete-days logged since the stored plan was made (``logged_since``), named with
        the way to plan with them, for the status bar after a Log entry and on opening the
        season ("" when none)."""
        days = logged_since(season)
        if not days:
            return ""
        named = "; ".join(f"{season.athlete_label(a)} {day_text(d)}" for a, d in days[:3])
        more = f"; and {number(len(days) - 3)} more" if len(days) > 3 else ""
        keys = self.replan_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return (f"The plan was made without {count(len(days), 'athlete-day')} logged since "
                f"({named}{more}): Plan ▸ Re-plan from Today ({keys}) plans with them")

    AFTER_MOVE = 0.3  # of the window's height: the Log a move opened unasked

    @Slot()
    def show_log(self, unasked: bool = False) -> None:
        """Open the Log panel at a good height and put the keys into its table. ``unasked``
        (opened by a move): at most :data:`AFTER_MOVE` of the window's height, the board keeps
        its rows (it took half the window, the board 11 of 24 rows at 1280 x 720); either way
        the board keeps half the height it shares with the docks under it
        (:func:`layout.open_under_board`)."""
        if self.dock is None:
            return
        w = self.window
        was_hidden = self.dock.isHidden()
        self._log_opened_by_move = True  # shown once: closed afterwards, a move leaves it closed
        self.dock.show()
        self.dock.raise_()
        if was_hidden:
            want = (min(max(160, int(w.height() * self.AFTER_MOVE)), w.height() // 3) if unasked
                    else max(240, int(w.height() * 0.42)))
            if unasked:  # at least its week bar, a few rows and its message line (up to half
                # the window): a third of 768 scrolled the bar out of view and cut the line
                want = max(want, min(self._log_need(), w.height() // 2))
            # the board keeps half the height it shares with it, asked or not (150 %: four
            # athletes, and the Log a move opened took more than half)
            open_under_board(w, self.dock, want, w.board)
        view = self.log_panel.view
        if not view.currentIndex().isValid() and self.log_panel.model.rowCount():
            view.setCurrentIndex(self.log_panel.model.index(0, 0))
        view.setFocus()

    def _log_need(self) -> int:
        """The Log dock's height that shows its whole panel without scrolling: the height the
        panel's layout takes at the dock's width (its scroll area gives it no less), and the
        dock's title bar."""
        dock, panel = self.dock, self.log_panel
        scroll = dock.widget()
        lay = panel.layout()
        width = max(panel.minimumSizeHint().width(), scroll.viewport().width(), dock.width())
        need = max(panel.minimumSizeHint().height(), lay.totalHeightForWidth(width)
                   if lay.hasHeightForWidth() else lay.totalSizeHint().height())
        return need + dock.minimumSizeHint().height() - scroll.minimumSizeHint().height()

    def _busy(self) -> bool:
        w = self.window
        if self.job.is_running() or w.is_solving():
            w.statusBar().showMessage("Wait for the plan being made (or cancel it in the status "
                                      "bar), then move today.", 8000)
            return True
        return False

    # -- moving today ----------------------------------------------------------------------------
    @Slot()
    def new_week(self) -> AdvanceDialog | None:
        """Season ▸ New Week: today moves to the next week's first day."""
        return self.move_today(next_week_start(self.window.season))

    def move_today(self, day: dt.date | None) -> AdvanceDialog | None:
        """Open the Move Today dialog on ``day`` (None: the next week's first day). Without a
        stored plan the season is first planned as it stands (when the coach agrees)."""
        if self._busy():
            return None
        w = self.window
        season = w.season
        day = day or next_week_start(season)
        note = ""
        if season.plan is None and day > planning_start(season) and season.injuries:
            if w.interaction.confirm(
                    "Plan the season first?",
                    f"The season has no plan yet, so nothing projects the injured athletes' stage "
                    f"changes. Plan it as it stands (from {day_long(planning_start(season))}) "
                    f"first, then move today?"):
                self._pending_today = day
                w.start_solve()
                w.statusBar().showMessage("Planning the season as it stands first; Move Today "
                                          "opens when the plan is ready.")
                return None
            note = ("No plan projects a stage change: the injured athletes stay in their recorded "
                    "stages (one with less than its minimum left gets its maximum again from today).")
        return self.open_dialog(day, note)

    def open_dialog(self, day: dt.date, note: str = "") -> AdvanceDialog:
        w = self.window
        dlg = AdvanceDialog(w.season, day, w, choose_log=lambda: choose_log(
            w, "Import this week's sessions"), note=note)
        dlg.interaction = w.interaction  # Escape with ticks set asks in the window's words
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.apply_advance(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def after_solve(self, _outcome=None) -> None:
        """The season's first plan is ready (or not): the waiting Move Today opens."""
        day, self._pending_today = self._pending_today, None
        log, self._pending_log = self._pending_log, None
        if day is None:
            return
        note = "" if self.window.season.plan is not None else (
            "The season could not be planned, so no stage change is projected: the injured "
            "athletes stay in their recorded stages.")
        dlg = self.open_dialog(day, note)
        if log:
            dlg.read_log_file(log[0], **log[1])

    def solve_failed(self, _text: str = "") -> None:
        self._pending_today = None
        self._pending_log = None

    def move_today_with_log(self, day: dt.date, path: str, **asked) -> bool:
        """Move Today on ``day`` with the sessions of ``path`` read in it (a log that runs past
        today: its sessions are added with the move), with the answers ``asked`` already given
        to its questions (Read Only This Squad, Read as Proposed, Take the Fastest as Max
        Speed: ``AdvanceDialog.read_log_file``)."""
        dlg = self.move_today(day)
        if dlg is not None:
            dlg.read_log_file(path, **asked)
            return True
        if self._pending_today is not None:  # the season is planned first; the log follows
            self._pending_log = (path, asked)
            return True
        return False

    def apply_advance(self, dlg: AdvanceDialog) -> bool:
        """The dialog's move as one undo step, then (ticked) the re-plan from the new today."""
        w = self.window
        before = w.season
        after = dlg.after if dlg.season is before else None
        accepted = len(dlg.accepted())
        if not w.apply_edit(dlg.edit(), after):
            return False
        not_done = len(dlg.moves) - accepted
        text = f"Today is {day_long(dlg.today())}"
        if dlg.moves:
            text += f"; {plural(accepted, 'stage change')} recorded"
            text += f", {not_done} not done (the athletes stay in their stages)" if not_done else ""
        if dlg.log_result is not None and dlg.log_result.sessions:
            text += f"; {plural(len(dlg.log_result.sessions), 'session')} logged"
            if dlg.log_result.later:  # a log running on past the new today: the rest waits
                text += f" ({dlg.log_result.left_out()})"
            flares = dlg.flare_ups()
            if flares:
                text += (f"; {plural(len(flares), 'flare-up')} recorded ("
                         + ", ".join(w.season.athlete_label(f.athlete) for f in flares)
                         + f": {FLARE_BACK_SHORT})")
        if not_done and not dlg.replan_box.isChecked():
            # the stored plan still shows the projection on the days just lived: say so
            text += ("; the board shows the plan's projected stages until you re-plan "
                     "(Plan ▸ Re-plan from Today, Ctrl+R)")
        to_log = dlg.log_result is None or not dlg.log_result.sessions
        # (a week imported with the move leaves the panel as the coach had it: at 1280 x 720 it
        # took half the board after every move)
        shown = to_log and self._open_log_after_move()
        hint = "Season ▸ Log Sessions (Ctrl+L) to log the week" if to_log and not shown else ""
        text += f"; {hint}" if hint else ""
        w.statusBar().showMessage(text + ".", 15000)
        w.board.scroll_to_date(dlg.today() - dt.timedelta(days=21))  # the weeks just lived
        from ui.desktop.sessionimport import warn_played_in_rehab

        self.advanced.emit()
        moved = w.season
        if dlg.replan_box.isChecked():
            self.replan(before)  # in the background: the warning below does not hold it up
            self._log_hint = hint if self.job.is_running() else ""  # its message replaces the move's
        warn_played_in_rehab(w, before, moved)
        return True

    def _open_log_after_move(self) -> bool:
        """Open the Log panel on the week just lived, still to log: after the session's first
        move it shows where that week is logged. Once the coach closed it (after a move or after
        opening it with Ctrl+L), a move leaves it closed (it came back after every move and
        left the board ten rows at 1280 x 720); True when it is open."""
        if self.dock is None:
            return False
        if self._log_opened_by_move and self.dock.isHidden():
            return False
        self._log_opened_by_move = True
        self.show_log(unasked=True)  # the week before today, still to log
        return True

    def apply_settings(self, edit: E.SetSeasonSettings) -> bool:
        """Season Settings' OK: a new today goes through Move Today (stage changes, re-plan);
        the other settings are applied as they were."""
        w = self.window
        season = w.season
        new_today = None if edit.clear_today else edit.today
        if new_today == season.calendar.today:
            return w.apply_edit(edit)
        rest = edit.model_copy(update={"today": None, "clear_today": False})
        others = _settings_differ(rest, season)
        if others and not w.apply_edit(rest):
            return False
        season = w.season
        if self.job.is_running() or w.is_solving():  # the dialog closed: said where it is seen
            w.interaction.warn(
                "Today not moved",
                "A plan is being made, so today stays where it was"
                + (" (the other settings are applied)" if others else "")
                + ". Wait for the plan (or cancel it in the status bar), then move today with "
                  "Season ▸ Move Today.")
            return False
        target = new_today or season.calendar.start
        if target == planning_start(season):
            if new_today is None:
                w.statusBar().showMessage("The plan starts at the season start already.", 8000)
                return True
            return w.apply_edit(E.AdvanceToday(today=new_today))
        return self.move_today(target) is not None or self._pending_today is not None

    # -- re-planning ---------------------------------------------------------------------------
    def plan_again(self) -> tuple[QAction, str]:
        """How a plan the season no longer fits is made again, and its words: re-plan from today
        (Ctrl+R) once the season has a today inside it and a plan, which keeps the rest of the
        squad's week (a flare-up recorded said "solve again (F5)", a solve of everything); else
        solve again (F5)."""
        season = self.window.season
        action = self.replan_action if replans_from_today(season) else self.window.solve_action
        return action, plan_again_words(season)

    def replan(self, before: Season | None = None) -> bool:
        """Re-plan from today in the background (``before``: the season whose stored plan is
        the reference; the current one by default). Without a stored plan: the window's Solve."""
        w = self.window
        if self.job.is_running() or w.is_solving():
            w.statusBar().showMessage("A plan is being made already; wait for it or cancel it.", 8000)
            return False
        after = w.season
        before = before if before is not None else after
        planned = w.document.rules_of_plan()
        if not same_rules(planned, after.rules):  # a rule changed since the plan was made:
            before = before.model_copy(update={"rules": planned})  # re-plan it all under them
        if before.plan is None:
            w.start_solve()
            return True
        self._reference = before.plan
        self._before = before  # the returns it promised (returns_moved)
        self.job.start(replan_work(before, after, w.solve_time_limit),
                       label="Re-planning from today…", limit=w.solve_time_limit, stop=new_stop(),
                       basis=lambda: solve_inputs(w.document.season))
        w.statusBar().showMessage("Re-planning from today…")
        return True

    @Slot(object)
    def _on_replan_done(self, result: JobResult[SolveResult]) -> None:
        w = self.window
        hint, self._log_hint = self._log_hint, ""
        if result.failed:  # the job runner showed the message
            return
        outcome = result.value.outcome
        if result.replaced:
            w.statusBar().showMessage("Re-plan ignored: another season was opened meanwhile.", 10000)
        elif result.stale and outcome.plan is not None:
            w._offer_stale(outcome, result.value.rules)
        elif outcome.plan is not None and w._accept_plan(result.value, "Re-plan from today"):
            w.plan_found_after_conflict()
            season = w.season
            changes = plan_changes(season, self._reference, season.plan)
            w.violations_panel.set_replan_changes(season.plan, changes)  # whole, in Plan Check
            named = f": {changes.short(season)}" if changes.days or changes.planned else ""
            if changes.weeks or len(changes.days) > 3:
                named += " (all in Plan Check)"
            whole = (" The rules changed since the plan was made: the whole future was "
                     "re-planned under them." if "the rules changed" in (outcome.message or "") else "")
            words = ("the best plan that changes only what the log and the new today reach"
                     if neighbourhood_plan(outcome.status.value, outcome.bound)
                     else plan_words(outcome.status.value, outcome.objective, outcome.bound))
            moved = returns_moved(self._before, season)[1:] if self._before is not None else []
            said = (" Returns moved: " + "; ".join(x.strip() for x in moved[:2])
                    + (f"; and {len(moved) - 2} more (Returns panel)" if len(moved) > 2 else "")
                    + ".") if moved else ""
            said += "".join(" " + x for x in team_weeks_changed(self._before, season)) \
                if self._before is not None else ""
            # a returner logged playing before RE-1's team sessions were done: the log stands,
            # and the command line's advance says so
            early = played_before_re_entry(self._before, season) if self._before is not None else []
            said += (" " + early[0] + (f" And {len(early) - 1} more such match"
                                        f"{'es' if len(early) > 2 else ''}." if len(early) > 1 else "")
                     if early else "")
            hint = f" {hint}." if hint else ""
            # the returns it moved first: last, they were cut off at 1366 px
            w.statusBar().showMessage(
                f"Re-planned from today.{said} In {outcome.wall_time:.1f} s: {words}; "
                f"{changes.counted()}{named}.{whole}{hint}",
                20000)
        else:
            w._show_no_plan(outcome)
        self.replan_finished.emit(outcome)

    # -- flare-ups -------------------------------------------------------------------------------
    def record_flare(self, athlete: str, day: dt.date) -> bool:
        """Record the flare-up the logged pain proposes (one undo step)."""
        w = self.window
        p = proposal_on(w.season, athlete, day)
        note = p.note(w.season.sessions) if p is not None else ""
        edit = E.RecordFlareUp(athlete=athlete, date=day, note=note)
        from ui.desktop.editors import played_after_question

        if not played_after_question(w.season, edit, w.interaction.confirm,
                                     "record it on that day instead, in Season ▸ Injuries"):
            return w.flare_not_recorded()
        undone = edit.undoes(w.season)
        recorded = edit.later_records(w.season)
        kept = edit.later_stages(w.season)  # kept, with what they pass over
        extra = [x for x in (edit.second(w.season), edit.past_not_done(w.season)) if x]
        if not w.apply_edit(edit):  # asks whether stage changes recorded after it stay
            return False
        later = ""
        if recorded:
            later = (kept if edit.later_records(w.season)
                     else f"the stage changes recorded after it were removed ({recorded}): the "
                          f"plan projects them again")
        w.statusBar().showMessage(
            f"Recorded the flare-up of {w.season.athlete_label(athlete)} on {day_long(day)}"
            + (f"; it {undone}" if undone else "") + (f"; {later}" if later else "")
            + "".join(f"; {x}" for x in extra)
            + f". {plan_again_to(w.season, 'plan with it')}", 10000)
        if self.dock is not None and self.dock.isVisible():
            # the keys go back to the Log: after the inspector's button, Ctrl+A and
            # Ctrl+Shift+A (fill as planned) did nothing until a cell was clicked
            self.log_panel.view.setFocus()
        return True


def _settings_differ(edit: E.SetSeasonSettings, season: Season) -> bool:
    """Whether the settings other than today change anything."""
    cal = season.calendar
    if (edit.name or season.name) != season.name:
        return True
    return any(getattr(edit, k) not in (None, getattr(cal, k))
               for k in ("start", "end", "week_start", "training_days"))
