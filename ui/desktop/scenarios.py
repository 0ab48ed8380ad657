"""What-if scenarios in the app: the Scenarios panel, the What-if menu and the background
re-plan (the scenario dialog is ``ui.desktop.scenariodialog``).

A scenario is a named list of edits replayed on the baseline (``planner.scenarios``). Re-plan
runs ``solver.whatif.replan`` through the window's job runner (``ui.desktop.jobs``; first
planning the season when it has no plan), stores the plan with ``SetScenarioPlan`` and opens the
comparison (``ui.desktop.compare``). A result for a season or scenario that changed while it ran
is dropped (the runner's stale-result guard). Every management action (new, adopt, duplicate,
rename, delete, a stored plan) is one undoable edit through ``MainWindow.apply_edit``;
questions go through the window's interaction (``ui.desktop.interaction``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner import edits as E
from planner.errors import InputError, PeriodizeError
from planner.scenarios import (
    changes_nothing,
    check_scenario_today,
    compare,
    describe_edits,
    out_of_date,
    overtaken,
    scenario_season,
)
from planner.season import Scenario, Season
from planner.text import date_long, date_short, plural
from planner.timeline import Timeline
from ui.desktop.jobs import BackgroundJob, JobResult, JobWords
from ui.desktop.scenariodialog import KINDS, ScenarioDialog
from ui.desktop.solving import ReplanResult, new_stop, progress_text, replan_work
from ui.desktop.theme import ink

if TYPE_CHECKING:  # the solver is imported when a re-plan starts
    from solver.api import Outcome

REPLAN_WORDS = JobWords(progress_name="Re-plan progress", cancel_tip="Stop re-planning the scenario",
                        cancel_name="Cancel re-plan", failed="The re-plan stopped with an error",
                        title="Re-plan stopped")


# -- the panel ----------------------------------------------------------------------------------
class _YieldingTable(QTableWidget):
    """The scenarios list, asking for its header and two rows only: it grows into the room the
    panel's other rows (the selected scenario's changes) leave, and a dock shorter than that
    scrolls the panel, the changes counted whole."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(),
                     self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                     + 2 * self.verticalHeader().defaultSectionSize())


class ScenariosPanel(QWidget):
    """The season's scenarios (name, planned or not, number of changes) with the selected
    one's changes below, and buttons for the What-if menu's actions."""

    selection_changed = Signal()
    activated = Signal(str)  # a double-clicked scenario

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Scenarios")
        self.season: Season | None = None
        # per scenario: why it can no longer apply (a change before today) and why its plan is
        # out of date ("" when not)
        self._states: list[tuple[str, str, bool]] = []
        self.replanning: str | None = None  # the scenario being re-planned, if one is
        # scenarios whose re-plan found no plan in this session: name -> (its edits then, the
        # rules in the way); a reopened file has none, so "not planned" says it may be either
        self.no_plan: dict[str, tuple[tuple, str]] = {}
        self.intro = QLabel("<b>What if</b> the final moves a week earlier, or a player flares up "
                            "in week 12? <b>New…</b> makes a scenario: a list of changes, re-planned "
                            "from the current plan and compared side by side. The season itself "
                            "changes only when you adopt a scenario.")
        self.intro.setWordWrap(True)
        self.table = _YieldingTable(0, 3)
        self.table.setHorizontalHeaderLabels(["Scenario", "Plan", "Changes"])
        self.table.setAccessibleName("What-if scenarios")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab reaches the buttons below, not the next cell
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # the list yields room to the selected scenario's changes below it: at 1366 x 768 with
        # the Roles dock open it kept its empty rows and the changes were cut under the tab bar
        # (review 281); it takes what they and the buttons leave, two rows at the least (a
        # shorter dock scrolls the panel)
        self.table.setSizePolicy(self.table.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Expanding)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setAccessibleName("The selected scenario's changes")
        self.button_rows = (QHBoxLayout(), QHBoxLayout())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.intro)
        # the buttons above the list: in a short dock (1366 x 768 with the Load panel open) they
        # were half hidden below it
        for row in self.button_rows:
            lay.addLayout(row)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.details)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda item: self.activated.emit(self.table.item(item.row(), 0).data(Qt.ItemDataRole.UserRole)))

    def set_replanning(self, name: str | None) -> None:
        """The scenario being re-planned (None: none): its row says "re-planning…", not "not
        planned" beside the status bar's "Re-planning …"."""
        self.replanning = name
        if self.season is not None:
            self._states = []
            self.set_season(self.season)

    def add_buttons(self, first: list[QAction], second: list[QAction]) -> None:
        """Tool buttons for the actions (they follow the actions' enabled state)."""
        self.buttons: dict[str, QToolButton] = {}
        for row, actions in zip(self.button_rows, (first, second), strict=True):
            for a in actions:
                b = QToolButton()
                b.setDefaultAction(a)
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                b.setText(a.iconText())
                row.addWidget(b)
                self.buttons[a.iconText()] = b
            row.addStretch(1)

    def set_season(self, season: Season) -> None:
        old, old_states = self.season, self._states
        self.season = season
        # a scenario whose changes all lie before today reads as one that can no longer apply:
        # re-planning it changes nothing (planner.scenarios.changes_nothing)
        self._states = [(overtaken(season, sc) or _nothing_words(season, sc), out_of_date(season, sc),
                         sc.name == self.replanning, self.failed(sc)) for sc in season.scenarios]
        key = self.selected_name()
        if old is not None and old.scenarios is season.scenarios and old_states == self._states:
            self._selection_changed()  # the changes' texts name the season's competitions
            return
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(season.scenarios))
            for r, (sc, (past, why, running, failed)) in enumerate(zip(
                    season.scenarios, self._states, strict=True)):
                state = ("changes nothing now" if past.startswith(NOTHING) else
                         "can no longer apply" if past else "re-planning…" if running
                         else "no plan" if sc.plan is None and failed
                         else "not planned" if sc.plan is None
                         else "out of date" if why else "planned")
                cells = [sc.name, state, str(len(sc.edits))]
                for c, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if c == 0:
                        item.setData(Qt.ItemDataRole.UserRole, sc.name)
                    if c == 1 and past:
                        item.setToolTip(f"Scenario “{sc.name}” {_past_said(past)}. Delete it "
                                        f"(What-if ▸ Delete Scenario).")
                        item.setForeground(QColor(ink("error")))
                    elif c == 1 and why:
                        item.setToolTip(f"Scenario “{sc.name}” was {why} (What-if ▸ Re-plan "
                                        f"Scenario, Shift+F5).")
                        item.setForeground(QColor(ink("error")))
                    elif c == 1 and sc.plan is None and not running:
                        item.setToolTip(no_plan_words(sc.name, failed) + (
                            " Make a new scenario without the change in the way, or delete this "
                            "one." if failed else " Re-plan (Shift+F5) plans it, or says why it "
                            "has none."))
                    elif c == 1 and sc.plan is not None:
                        item.setToolTip(f"{sc.plan.status} plan, objective "
                                        f"{sc.plan.objective if sc.plan.objective is not None else '–'}")
                    self.table.setItem(r, c, item)
        self.intro.setVisible(not season.scenarios)
        if key is None or not self.select(key):
            if season.scenarios and self.selected_name() is None:
                self.select(season.scenarios[-1].name)
            else:
                self._selection_changed()

    def failed(self, sc: Scenario) -> str:
        """The rules in the way when this session's re-plan of ``sc`` (its changes as they are)
        found no plan; "" when none did."""
        edits, rules = self.no_plan.get(sc.name, ((), ""))
        return rules if sc.plan is None and rules and edits == tuple(sc.edits) else ""

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected(self) -> Scenario | None:
        name = self.selected_name()
        if name is None or self.season is None:
            return None
        return next((sc for sc in self.season.scenarios if sc.name == name), None)

    def select(self, name: str) -> bool:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole).casefold() == name.casefold():
                self.table.selectRow(r)
                self._selection_changed()
                return True
        self.table.clearSelection()
        return False

    def _selection_changed(self) -> None:
        sc = self.selected()
        if sc is None or self.season is None:
            self.details.setText("")
        else:
            import html

            texts = describe_edits(self.season, sc)
            lines = "".join(f"<li>{html.escape(t)}</li>" for t in texts) or "<li><i>no changes</i></li>"
            past = overtaken(self.season, sc) or _nothing_words(self.season, sc)
            why = "" if past else out_of_date(self.season, sc)
            said = _past_said(past)
            stale = (f"<p style='color:{ink('error')};margin:0'>{html.escape(said[:1].upper() + said[1:])}. "
                     f"Delete it (What-if ▸ Delete Scenario).</p>" if past else
                     f"<p style='color:{ink('error')};margin:0'>Out of date: {html.escape(why)} (Re-plan, "
                     f"Shift+F5).</p>" if why else "")
            self.details.setText(f"<b>{html.escape(sc.name)}</b>:<ol style='margin:0'>{lines}</ol>"
                                 + stale)
        self.selection_changed.emit()


# -- the controller -----------------------------------------------------------------------------
class WhatIf(QObject):
    """The What-if menu, the Scenarios panel and the background re-plan of one main window."""

    replan_finished = Signal(object)  # the Outcome of a re-plan, after the document was updated
    replan_failed = Signal(str)
    compare_opened = Signal(object)  # the CompareWindow

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.interaction = window.interaction
        self.panel = ScenariosPanel(window)
        self.compare_window = None
        self.last_outcome: Outcome | None = None
        self._compared: tuple[str, Season, Scenario] | None = None
        # (the status line said when a re-plan opened the comparison, its words before "; the
        # comparison … is open"): replaced when the comparison closes
        self._open_said: tuple[str, str] | None = None
        self._replanning: tuple[str, bool] | None = None  # (scenario, planning the season first)
        self._draft = None  # the New Scenario form's draft while Re-plan First plans (_plan_first)
        self._draft_hooked = False
        self.replan_work = replan_work  # makes the job's work (tests wrap it to hold a re-plan)
        self._build_actions()
        self.job = BackgroundJob(window, REPLAN_WORDS, detail=progress_text, bar_width=140)
        self.job.finished.connect(self._on_replanned)
        self.progress_label = self.job.progress_label
        self.progress_bar = self.job.progress_bar
        self.cancel_button = self.job.cancel_button
        self.panel.selection_changed.connect(self.update_actions)
        self.panel.activated.connect(self._activated)
        window.document.changed.connect(self._on_document_changed)
        window.document.replaced.connect(self._on_replaced)
        self.panel.set_season(window.document.season)
        self.update_actions()

    def _action(self, text: str, tip: str, slot, short: str | None = None) -> QAction:
        a = QAction(text, self.window)
        a.setStatusTip(tip)
        a.setToolTip(tip)
        if short:
            a.setIconText(short)
        a.triggered.connect(lambda _c=False: slot())
        return a

    def _build_actions(self) -> None:
        action = self._action
        self.new_action = action("&New Scenario…", "Make a what-if scenario: a list of changes to "
                                 "re-plan and compare", self.new_dialog, "New…")
        self.replan_action = action("&Re-plan Scenario", "Plan the selected scenario, changing the "
                                    "current plan only where its changes require", self.replan, "Re-plan")
        self.replan_action.setShortcut(QKeySequence("Shift+F5"))
        self.compare_action = action("&Compare with the Plan", "The selected scenario and the "
                                     "season's plan side by side", self.compare, "Compare")
        self.adopt_action = action("&Adopt as the Plan", "Make the selected scenario the season "
                                   "(its changes and its plan); Undo takes it back", self.adopt, "Adopt")
        self.duplicate_action = action("&Duplicate Scenario…", "Copy the selected scenario",
                                       self.duplicate, "Duplicate…")
        self.rename_action = action("Re&name Scenario…", "Rename the selected scenario", self.rename,
                                    "Rename…")
        self.delete_action = action("&Delete Scenario", "Delete the selected scenario (Undo brings "
                                    "it back)", self.delete, "Delete")
        self.cancel_action = action("&Cancel Re-plan", "Stop re-planning the scenario", self.cancel,
                                    "Cancel")
        self.panel_action = action("Scenarios &Panel", "Show the list of scenarios",
                                   lambda: self.window.show_dock("scenarios"))
        self.panel.add_buttons([self.new_action, self.replan_action, self.compare_action,
                                self.adopt_action],
                               [self.duplicate_action, self.rename_action, self.delete_action])
        self.window.addAction(self.replan_action)

    def install_menu(self, menubar) -> None:
        menu = menubar.addMenu("&What-if")
        for a in (self.new_action, None, self.replan_action, self.cancel_action, self.compare_action,
                  None, self.adopt_action, self.duplicate_action, self.rename_action,
                  self.delete_action, None, self.panel_action):
            if a is None:
                menu.addSeparator()
            else:
                menu.addAction(a)
        self.menu = menu

    # -- state ---------------------------------------------------------------------------------
    def is_replanning(self) -> bool:
        return self.job.is_running()

    def selected_name(self) -> str | None:
        return self.panel.selected_name()

    def _scenario(self, name: str | None) -> Scenario | None:
        name = name or self.panel.selected_name()
        if not name:
            self.window.statusBar().showMessage("Choose a scenario in the Scenarios panel first.", 6000)
            self.window.show_dock("scenarios")
            return None
        for sc in self.window.season.scenarios:
            if sc.name.casefold() == name.strip().casefold():
                return sc
        self.interaction.warn("No such scenario", f"There is no scenario called “{name}”.")
        return None

    @Slot()
    def update_actions(self) -> None:
        sc = self.panel.selected()
        busy = self.job.is_running()
        # the scenario being re-planned is not adopted, renamed or deleted under its re-plan
        running = busy and sc is not None and sc.name == self.panel.replanning
        for a in (self.adopt_action, self.rename_action, self.delete_action):
            a.setEnabled(sc is not None and not running)
        self.duplicate_action.setEnabled(sc is not None)
        self.replan_action.setEnabled(sc is not None and not busy)
        self.compare_action.setEnabled(sc is not None and sc.plan is not None)
        self.cancel_action.setEnabled(busy)

    @Slot()
    def _on_document_changed(self) -> None:
        season = self.window.document.season
        self.panel.set_season(season)
        self.update_actions()
        self._mark_stale(season)

    def _mark_stale(self, season: Season) -> None:
        win, shown = self.compare_window, self._compared
        if win is None or shown is None:
            return
        name, baseline, sc = shown
        now = next((s for s in season.scenarios if s.name == name), None)
        if now is None:
            text = (f"Scenario “{name}” is no longer in the season (adopted, renamed or deleted); "
                    "this comparison shows it as it was.")
        elif now.edits != sc.edits or now.plan is not sc.plan:
            text = "The scenario changed since this comparison: Compare again to see it as it is now."
        elif season.model_copy(update={"scenarios": ()}) != baseline:
            text = "The season changed since this comparison: Compare again to see it as it is now."
        else:
            text = _out_of_date_line(season, now)
        win.set_stale(text)

    @Slot()
    def _on_replaced(self) -> None:
        # A re-plan still running is stopped by its job runner; its result is ignored.
        if self.compare_window is not None:
            self.compare_window.close()
        self._compared = None
        self._draft = None  # a draft for the season that was open: not opened on another
        self.panel.no_plan.clear()  # another file's scenarios: none re-planned in it yet

    # -- new -------------------------------------------------------------------------------------
    @Slot()
    def new_dialog(self, draft=None) -> ScenarioDialog:
        """What-if ▸ New Scenario… (non-blocking); OK adds the scenario as one undo step.
        ``draft``: the form's name, kind and changes before Re-plan First (ScenarioDialog.draft)."""
        dlg = ScenarioDialog(self.window.season, self.window)
        dlg.interaction = self.interaction
        dlg.set_stale(self._stale_words(), self._first_way()[0])
        dlg.plan_first = self._plan_first
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._create_from(dlg))
        self.dialog = dlg
        dlg.open()
        if draft is not None:
            dlg.restore(draft)
        return dlg

    def _plan_first(self, draft, action: QAction) -> None:
        """The form's Re-plan First: the season's plan made again (``action``: Re-plan from Today
        or Solve), then the form opened again with its ``draft`` (it closed with the changes
        typed in it); at once when nothing started."""
        w = self.window
        if not self._draft_hooked:  # the window's jobs exist once it is built
            for job in (w.solve_job, w.weekly.job):
                job.finished.connect(self._reopen_draft)  # after the window took the result
            self._draft_hooked = True
        self._draft = draft
        action.trigger()
        if not (w.is_solving() or w.weekly.job.is_running()):
            self._reopen_draft()

    @Slot()
    def _reopen_draft(self, *_args) -> None:
        draft, self._draft = self._draft, None
        if draft is not None:
            self.new_dialog(draft)

    def _create_from(self, dlg: ScenarioDialog) -> None:
        edit = dlg.edit()
        if not self.window.apply_edit(edit):
            return
        name = edit.name.strip()
        self.panel.select(name)
        self.window.show_dock("scenarios")
        if dlg.replan_now.isChecked():
            self.replan(name)
        else:
            self.window.statusBar().showMessage(
                f"Scenario “{name}” made; What-if ▸ Re-plan Scenario (Shift+F5) plans it.", 10000)

    # -- re-plan ---------------------------------------------------------------------------------
    @Slot()
    def replan(self, name: str | None = None) -> bool:
        """Re-plan a scenario in the background (the selected one by default); False when it
        does not start (the reason is shown)."""
        sc = self._scenario(name)
        if sc is None or not self._may_replan():
            return False
        w = self.window
        season = w.season
        solve_first = season.plan is None
        if solve_first and not self.interaction.confirm(
                "Season not planned",
                "A scenario is re-planned from the season's plan and compared with it, and the "
                "season has no plan yet.\n\nPlan the season first, then the scenario? Both run in "
                "the background; the season's plan is one undo step, the scenario's another."):
            w.statusBar().showMessage("Not re-planned: solve the season first (Plan ▸ Solve, F5).", 8000)
            return False
        if nothing := changes_nothing(season, sc):  # 36 s of search for no change at all
            self.interaction.inform("Scenario not re-planned",
                                    f"Scenario “{sc.name}”: {nothing}.\n\nDelete it (What-if ▸ "
                                    "Delete Scenario), or make a new one from today on.")
            w.statusBar().showMessage(f"Scenario “{sc.name}” not re-planned: its changes lie "
                                      "before today.", 10000)
            return False
        try:
            check_scenario_today(season, sc)
            after = scenario_season(season, sc.model_copy(update={"plan": None}))
        except PeriodizeError as e:
            self.interaction.warn("Scenario not re-planned",
                                  f"{e}\n\nThe season changed since the scenario was made, so one of "
                                  "its changes no longer applies: make a new scenario, or delete "
                                  "this one.")
            return False
        baseline = season.model_copy(update={"scenarios": ()})
        limit = w.solve_time_limit
        self._replanning = (sc.name, solve_first)
        self.panel.set_replanning(sc.name)
        self.job.start(self.replan_work(baseline, after, season.plan, limit, solve_first),
                       label=f"Re-planning “{sc.name}”…", limit=limit, stop=new_stop(),
                       basis=self._basis_of(sc.name))
        w.statusBar().showMessage(
            f"Planning the season, then scenario “{sc.name}”…" if solve_first
            else f"Re-planning scenario “{sc.name}” from the current plan…")
        self.update_actions()
        return True

    def _may_replan(self) -> bool:
        """False (and why) while a re-plan or the season's solve runs."""
        w = self.window
        if self.job.is_running():
            w.statusBar().showMessage("A scenario is being re-planned already; wait or cancel it.", 6000)
            return False
        if w.is_solving():
            self.interaction.inform("Season being solved",
                                    "Wait for the solve to finish (or cancel it) before re-planning "
                                    "a scenario: the scenario starts from the season's plan.")
            return False
        return True

    def _basis_of(self, name: str):
        """What a re-plan of scenario ``name`` depends on: its changes and the season around it
        (the job runner compares it before and after: a change meanwhile drops the result)."""
        document = self.window.document

        def basis() -> tuple:
            season = document.season
            now = next((s for s in season.scenarios if s.name == name), None)
            return (now.edits if now is not None else None,
                    season.model_copy(update={"scenarios": ()}))

        return basis

    @Slot()
    def cancel(self) -> None:
        self.job.cancel()

    def shutdown(self, msecs: int = 5000) -> None:
        """The window closes: stop a re-plan and wait for its thread."""
        self.job.shutdown(msecs)

    @Slot(object)
    def _on_replanned(self, result: JobResult[ReplanResult]) -> None:
        name, solve_first = self._replanning or ("", False)
        self._replanning = None
        self.panel.set_replanning(None)
        self.update_actions()
        if result.failed:  # the job runner showed the message
            self.replan_failed.emit(result.error)
            return
        outcome = result.value.outcome
        if result.replaced:
            self.window.statusBar().showMessage(
                f"Re-plan of “{name}” ignored: another season was opened.", 10000)
        elif result.stale:
            self.window.statusBar().showMessage(
                f"The season or scenario “{name}” changed while re-planning; the result was "
                f"dropped. Re-plan again (Shift+F5).", 15000)
        elif not solve_first or self._accept_baseline(result.value):
            self._store(name, outcome)
        self.replan_finished.emit(outcome)

    def _accept_baseline(self, value: ReplanResult) -> bool:
        """The season was planned first, in the same job: its plan is one undo step. False (and
        why) when there is none."""
        w = self.window
        first = value.baseline if value.baseline is not None else value.outcome
        if first.plan is not None and value.baseline is not None:
            return w.apply_edit(E.SetPlan(plan=first.plan))
        if first.status.value == "infeasible":
            w.explanation.show_outcome(w.season, first)
            w.show_dock("explanation")
            w.statusBar().showMessage("The season has no plan: the rules conflict (see "
                                      "Solver Explanation); the scenario was not planned.")
        else:
            w.statusBar().showMessage("The season was not planned (stopped before a plan "
                                      "was found); the scenario was not planned.", 10000)
        return False

    def _store(self, name: str, outcome: Outcome) -> None:
        """Store the scenario's plan (one undo step) and open the comparison."""
        w = self.window
        if outcome.plan is None:
            self._show_no_plan(name, outcome)
            return
        if not w.apply_edit(E.SetScenarioPlan(name=name, plan=outcome.plan)):
            return
        self.last_outcome = outcome
        text = f"Scenario “{name}” re-planned in {outcome.wall_time:.1f} s"
        if outcome.status.value == "cancelled":
            text += " (stopped early: the best plan found so far)"
        said = text + "; the comparison with the plan is open."
        w.statusBar().showMessage(said, 15000)
        self._open_said = (said, text)
        self.compare(name, outcome=outcome)

    def _comparison_closed(self) -> None:
        """The comparison closed: the status line that said it is open says so no more (it
        stayed, and a keyboard user looked for a window that was not there)."""
        said, self._open_said = self._open_said, None
        bar = self.window.statusBar()
        if said is not None and bar.last_said() == said[0]:
            bar.showMessage(f"{said[1]}; the comparison is closed (Compare opens it again).", 10000)

    def _show_no_plan(self, name: str, outcome: Outcome) -> None:
        w = self.window
        status = outcome.status.value
        if status == "infeasible":
            sc = next((x for x in w.season.scenarios if x.name == name), None)
            if sc is not None:  # said by its row and Adopt until its changes change
                rules = ", ".join(dict.fromkeys(c.rule for c in outcome.explanation)) or \
                    "no set of rules named in time"
                self.panel.no_plan[name] = (tuple(sc.edits), rules)
                self.panel.set_season(w.season)
            explained = replace(outcome, message=(
                f"Scenario “{name}”: its changes cannot all hold with the rules. "
                f"{outcome.message}").strip())
            try:
                shown = scenario_season(w.season, next(s for s in w.season.scenarios if s.name == name))
            except (PeriodizeError, StopIteration):
                shown = w.season
            w.explanation.show_outcome(shown, explained, basis=w.season, scenario=name)
            w.show_dock("explanation")
            w.statusBar().showMessage(f"Scenario “{name}” has no plan: its changes conflict with "
                                      "the rules (see Solver Explanation below the board).")
        elif status == "cancelled":
            w.statusBar().showMessage(f"Re-plan of “{name}” cancelled before a plan was found.", 10000)
        else:
            w.statusBar().showMessage(f"No plan found for “{name}” ({status}).", 10000)
            self.interaction.warn("No plan found", outcome.message
                                  or f"The solver found no plan for the scenario ({status}).")

    # -- compare ---------------------------------------------------------------------------------
    @Slot()
    def compare(self, name: str | None = None, outcome: Outcome | None = None):
        """Open the comparison of a planned scenario with the season's plan (None when it cannot
        be compared; the reason is shown). ``outcome``: the re-plan that just made its plan."""
        sc = self._scenario(name)
        if sc is None or not self._can_compare(sc):
            return None
        season = self.window.season
        from planner.validate import plan_problems

        baseline = season.model_copy(update={"scenarios": ()})
        try:
            after = scenario_season(season, sc)
            if plan_problems(after, sc.plan):
                raise InputError("", [f"the plan of scenario “{sc.name}” no longer fits the season "
                                      "(the season changed since it was planned); re-plan it "
                                      "(What-if ▸ Re-plan Scenario)"])
            comp = compare(baseline, season.plan, after, sc.plan, "baseline", f"'{sc.name}'",
                           stab_b=_stab(after, sc, outcome))
            texts = describe_edits(season, sc)
        except PeriodizeError as e:
            self.interaction.warn("Scenario not compared", str(e))
            return None
        note = how_replanned(baseline, scenario_season(season, sc.model_copy(update={"plan": None})),
                             outcome)
        stale = self._stale_words()
        if stale:
            note = f"⚠ {stale} {note}"
        if sc.base_plan is not None and sc.base_plan != season.plan:
            note += (" The season was planned again after this scenario branched off; the "
                     "differences include that re-plan.")
        win = self._compare_window()
        win.show()  # first: the boards centre the first change in their real size
        win.show_comparison(sc.name, baseline, after, comp, texts, note)
        win.set_stale(_out_of_date_line(season, sc))
        self._compared = (sc.name, baseline, sc)
        win.raise_()
        win.activateWindow()
        self.compare_opened.emit(win)
        return win

    def _can_compare(self, sc: Scenario) -> bool:
        """Both plans are there; otherwise say why (and offer to re-plan the scenario)."""
        if sc.plan is None:
            if self.interaction.confirm(
                    "Scenario not planned",
                    f"Scenario “{sc.name}” is not planned yet. Re-plan it now? The comparison opens "
                    "when the plan is ready."):
                self.replan(sc.name)
            return False
        if self.window.season.plan is None:
            self.interaction.inform("The season has no plan",
                                    "There is no plan to compare the scenario with: plan the season "
                                    "first (Plan ▸ Solve, F5).")
            return False
        return True

    def _compare_window(self):
        if self.compare_window is None:
            from ui.desktop.compare import CompareWindow

            win = CompareWindow(self.window, self.interaction)
            win.adopt_requested.connect(self.adopt)
            win.closed.connect(self._comparison_closed)
            self.compare_window = win
        return self.compare_window

    # -- manage ----------------------------------------------------------------------------------
    @Slot()
    def adopt(self, name: str | None = None) -> bool:
        """Make a scenario the season (one undo step)."""
        sc = self._scenario(name)
        if sc is None:
            return False
        w = self.window
        why = out_of_date(w.season, sc)
        broken = self._broken(sc) if why else 0
        if why:
            breaks = (f" As the season is now, that plan has "
                      f"{plural(broken, 'hard-rule violation')} (Plan Check lists them after "
                      f"adopting)." if broken else "")
            answer = self.interaction.choose(
                "Scenario out of date",
                f"Scenario “{sc.name}” was {why}.\n\nAdopting it now makes that plan the "
                f"season's.{breaks} Re-plan it first (recommended): the comparison opens when it "
                "is ready, and Adopt is one click from there.",
                ["replan", "adopt", "cancel"], "replan")
            if answer == "replan":
                self.replan(sc.name)
                return False
            if answer != "adopt":
                return False
        failed = self.panel.failed(sc)
        if sc.plan is None and not self.interaction.confirm(
                "Adopt without a plan?",
                f"{no_plan_words(sc.name, failed)} Adopt its changes anyway? The season will have "
                "no plan until you solve it (Plan ▸ Solve, F5)" + (
                    ", and a solve finds none while the change in the way stays." if failed
                    else "."), default=False):
            return False
        if not w.apply_edit(E.AdoptScenario(name=sc.name)):
            return False
        w.statusBar().showMessage(f"Adopted scenario “{sc.name}”: its changes and plan are now the "
                                  "season's" + (f"; the plan has {plural(broken, 'hard-rule violation')}: "
                                                f"{w.weekly.plan_again()[1]}" if broken else "")
                                  + ". Edit ▸ Undo takes it back.", 15000)
        if self.compare_window is not None and self._compared and self._compared[0] == sc.name:
            self.compare_window.close()
            self._compared = None
        return True

    def _broken(self, sc: Scenario) -> int:
        """The hard rules ``sc``'s plan breaks in the season the scenario makes (0 when it has
        no plan or cannot be built)."""
        from planner.check import check_plan

        if sc.plan is None:
            return 0
        try:
            after = scenario_season(self.window.season, sc)
            return len(check_plan(after, sc.plan).broken())
        except PeriodizeError:
            return 0

    @Slot()
    def duplicate(self, name: str | None = None, new_name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if new_name is None:
            taken = {s.name.casefold() for s in self.window.season.scenarios}
            suggestion, n = f"{sc.name} (copy)", 2
            while suggestion.casefold() in taken:
                suggestion, n = f"{sc.name} (copy {n})", n + 1
            new_name = self.interaction.ask_text("Duplicate scenario",
                                                 f"Name of the copy of “{sc.name}”:", suggestion[:100])
            if new_name is None:
                return False
        if not self.window.apply_edit(E.DuplicateScenario(name=sc.name, new_name=new_name)):
            return False
        self.panel.select(new_name)
        return True

    @Slot()
    def rename(self, name: str | None = None, new_name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if new_name is None:
            new_name = self.interaction.ask_text("Rename scenario", f"New name of “{sc.name}”:", sc.name)
            if new_name is None or new_name == sc.name:
                return False
        if not self.window.apply_edit(E.RenameScenario(name=sc.name, new_name=new_name)):
            return False
        self.panel.select(new_name)
        return True

    @Slot()
    def delete(self, name: str | None = None) -> bool:
        sc = self._scenario(name)
        if sc is None:
            return False
        if not self.window.apply_edit(E.DeleteScenario(name=sc.name)):
            return False
        self.window.statusBar().showMessage(f"Deleted scenario “{sc.name}”. Edit ▸ Undo brings it back.",
                                            10000)
        return True

    def _stale_words(self) -> str:
        """``stale_plan_words`` of the window's season as it stands."""
        return stale_plan_words(self.window.season, self.window.check_report, self._first_way()[1])

    def _first_way(self):
        """``(action, words)``: how the season's own plan is planned again before a scenario is
        compared with it: Re-plan from Today once the season is under way, else Solve
        (``WeeklyLoop.plan_again``)."""
        action, words = self.window.weekly.plan_again()
        return action, words[:1].upper() + words[1:]

    def _activated(self, name: str) -> None:
        sc = self._scenario(name)
        if sc is None:
            return
        if sc.plan is not None:
            self.compare(sc.name)
        else:
            self.replan(sc.name)


def stale_plan_words(season: Season, report, how: str) -> str:
    """``planner.scenarios.stale_plan_words`` with the app's count (``panels.broken``, as the
    status bar counts them) and its way on (``how``)."""
    from planner.scenarios import stale_plan_words as words
    from ui.desktop.panels import broken

    return words(season, len(broken(report)), how)


NOTHING = "changes nothing now: "  # a scenario whose changes all lie before today


def _nothing_words(season: Season, sc: Scenario) -> str:
    """:data:`NOTHING` and why (``planner.scenarios.changes_nothing``), or ""."""
    why = changes_nothing(season, sc)
    return NOTHING + why if why else ""


def _past_said(past: str) -> str:
    """What the row's tooltip and the details say of a scenario re-planning is refused for."""
    return past if past.startswith(NOTHING) else f"can no longer apply: {past}"


def no_plan_words(name: str, failed: str) -> str:
    """What a scenario without a plan is, truthfully: one whose re-plan found no plan in this
    session (``failed``: the rules in the way), or one not re-planned since the file was opened,
    which may also be one whose re-plan found none (that is not stored)."""
    if failed:
        return (f"Scenario “{name}” has no plan: its changes conflict with the rules ({failed}; "
                f"Solver Explanation says how).")
    return (f"Scenario “{name}” has no plan: it has not been re-planned since the file was "
            f"opened, or its last re-plan found none.")


def _out_of_date_line(season: Season, sc: Scenario) -> str:
    """The comparison's warning when the scenario's plan is out of date (empty when not)."""
    why = out_of_date(season, sc)
    return (f"Scenario “{sc.name}” was {why} (What-if ▸ Re-plan Scenario, Shift+F5)."
            if why else "")


def _stab(after: Season, sc: Scenario, outcome: Outcome | None) -> float:
    """The part of the scenario plan's objective for the days its re-plan changed from the plan
    it re-planned (STAB): the re-plan's own figure right after it (as the command line says it),
    else the plan checker's, against that plan (0 when it is not kept)."""
    if outcome is not None and outcome.plan is not None:
        return outcome.penalties.get("STAB", 0)
    if sc.base_plan is None or sc.plan is None:
        return 0
    from planner.check import check_plan

    return check_plan(after, sc.plan, reference=sc.base_plan).penalties().get("STAB", 0)


def how_replanned(baseline: Season, after: Season, outcome: Outcome | None = None) -> str:
    """Where the scenario's changes may change the plan (``solver.whatif.change_scope``), as a
    coach reads it; with the re-plan's outcome, how long it took and whether it had to re-plan
    the whole season."""
    from solver.whatif import NOT_KEPT, change_scope, keep_before_injuries, kept_words

    scope = change_scope(baseline, after)
    tl = Timeline(after)
    whole = scope.everything or (outcome is not None
                                 and "(re-planned the whole season" in (outcome.message or ""))
    if whole:
        why = (scope.reason if scope.everything
               else "the change could not be absorbed near its dates")
        text = (f"The whole season was re-planned from the current plan ({why}), changing as "
                "little as the rules allow.")
    elif scope.window[1] < scope.window[0]:
        text = "Nothing the plan depends on changed: the scenario keeps the current plan."
    else:
        first, last = tl.days[scope.window[0]], tl.days[scope.window[1]]
        parts = []
        if scope.team_days:
            parts.append(f"every athlete's days from {date_short(first)} to {date_long(last)}")
        if scope.athletes:
            names = [after.athlete_label(a).split(" (")[0] for a in sorted(scope.athletes)]
            who = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            parts.append(f"{who}'s plan from {date_long(first)} on")
        text = ("Re-planned from the current plan, free to change " + " and ".join(parts)
                + " first; then the whole season was searched from that plan, so no return or "
                "target is worse than the season allows.")
    pins = keep_before_injuries(baseline, after, baseline.plan) if baseline.plan is not None else ()
    if pins and not (outcome is not None and NOT_KEPT in (outcome.message or "")):
        text += (f" {kept_words(baseline, after, pins)} stay as the current plan has them: "
                 "the injury is not foreseen.")
    elif pins:
        text += " The days before the injury could not stay as planned: the rules needed them to move."
    if outcome is not None and outcome.plan is not None:
        text += (" Proven the best plan for the scenario." if outcome.status.value == "optimal"
                 else " The best plan found in the time allowed (not proven best).")
    if outcome is not None and outcome.plan is not None:
        text += f" ({outcome.wall_time:.1f} s"
        if outcome.status.value == "cancelled":
            text += ", stopped early: the best plan found so far"
        text += ")"
    return text


__all__ = ["KINDS", "ScenarioDialog", "ScenariosPanel", "WhatIf", "how_replanned"]
