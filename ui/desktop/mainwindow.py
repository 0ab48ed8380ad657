"""The main window: the season board, editors and panels, menus, and the background solve.

The window holds a :class:`ui.desktop.document.Document` (the season, its file path and its undo
stack). Nothing edits the season in place: every change is a ``planner.edits`` edit applied
through :meth:`MainWindow.apply_edit` as one undo step, and after each change the plan checker
runs and the board, the editors and the panels refresh. A solve runs in a worker thread; its
plan is accepted as one undo step (``SetPlan``), or offered in a banner when the season changed
while it ran: the job runner (``ui.desktop.jobs``) keeps the thread, the progress, cancel and
the stale-result guard; this window decides what a result means. Questions and messages go
through ``self.interaction`` (``ui.desktop.interaction``).
"""

from __future__ import annotations

import datetime as dt
import html
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from planner import edits as E
from planner.errors import PeriodizeError
from planner.rules import RuleSet
from planner.safefile import save_failure
from planner.season import Season, solve_inputs
from planner.text import computer_date, date_short, day_long, plural, season_past
from ui.desktop import (
    checkrun,
    contextkey,
    editors,
    fileio,
    findathlete,
    focusring,
    gcguard,
    handouts,
    legendview,
    menukeys,
    messages,
    mnemonics,
    panels,
    review,
    roles,
    scenarios,
    solvetime,
    tabchain,
    thememenu,
    wheelguard,
)
from ui.desktop.board import BoardLegend, SeasonBoard
from ui.desktop.boardkeys import BoardKeys
from ui.desktop.checkrun import CheckRunner
from ui.desktop.diskstate import DiskStamp, changed_on_disk
from ui.desktop.document import Document
from ui.desktop.interaction import Interaction, answer_shown, default_interaction
from ui.desktop.jobs import BackgroundJob, JobResult, JobWords
from ui.desktop.layout import (
    STATE_VERSION,
    UNDER_BOARD,
    CloseTogether,
    behind_a_tab,
    board_first,
    build_docks,
    cap_side_docks,
    default_size,
    docks_around,
    docks_of,
    keep_on_screen,
    open_under_board,
)
from ui.desktop.loadpanel import LoadView
from ui.desktop.returnspanel import ReturnsPanel, return_rows, season_returns, untested_rows
from ui.desktop.solving import (
    MORE_TIME,
    SolveFn,
    SolveResult,
    amount,
    far_gap,
    far_words,
    new_stop,
    plan_again_to,
    plan_it,
    plan_words,
    progress_text,
    same_plan,
    solve_work,
)
from ui.desktop.statusbar import MessageBar
from ui.desktop.undokeys import EditorUndo
from ui.desktop.weekly import WeeklyLoop

if TYPE_CHECKING:  # the solver is imported when a solve starts
    from collections.abc import Callable

    from solver.api import Outcome

FILE_FILTER = "Periodize season (*.season.json);;JSON files (*.json);;All files (*)"
MAX_RECENT = 8
DEMO_NAME = "demo.season.json"
# the status bar's summary of a plan whose check still runs (a large season just opened)
CHECKING_SAID = "checking… (Plan Check)"


def load_demo_season() -> Season:
    """The bundled demo season (templates/demo.season.json)."""
    from planner.seasonfile import loads
    from templates import path as template_path

    return loads(template_path(DEMO_NAME).read_text(encoding="utf-8"), DEMO_NAME)


def _shortcut(standard: QKeySequence.StandardKey, fallback: str | None = None) -> list[QKeySequence]:
    keys = QKeySequence.keyBindings(standard)
    if not keys and fallback:
        keys = [QKeySequence(fallback)]
    return keys


SOLVE_WORDS = JobWords(progress_name="Solve progress",
                       cancel_tip="Stop the solver and keep the best plan found so far",
                       failed="The solver stopped with an error",
                       stopping="Stopping the solver; keeping the best plan found so far…")


class MainWindow(QMainWindow):
    solve_finished = Signal(object)  # the Outcome, after the document was updated
    solve_failed = Signal(str)
    document_changed = Signal()
    stale_result_offered = Signal(object)  # the Outcome of a solve for an older season

    def __init__(self, season: Season | None = None, path: str | os.PathLike | None = None,
                 solve_fn: SolveFn | None = None, autosave: bool = True,
                 interaction: Interaction | None = None):
        super().__init__()
        gcguard.install()  # garbage (and the Qt objects in it) is collected in this thread only
        focusring.install()  # a 2-pixel ring on the control with the keyboard
        self.setStatusBar(MessageBar(self))  # one line, a steady height: a long message is elided
        self.message_history = messages.install(self)  # View ▸ Recent Messages…: them whole
        self.document = Document(season if season is not None else load_demo_season(), path, self)
        self.interaction = interaction if interaction is not None else default_interaction(self)
        self._stale: Outcome | None = None  # a result offered in the banner
        self._stale_rules = None  # the rule settings that result was solved under
        self.lost_file: Path | None = None  # a recovered season's file, gone: saving asks where
        self._solve_fn = solve_fn
        self.solve_time_limit = solvetime.stored()  # seconds: Plan ▸ Solve Time… (solvetime.py)
        self._check_report = None  # planner.check.CheckReport shown (check_report: the current)
        # the summary said while the season's check ran: (season, the words before it, all said)
        self._summary_said: tuple | None = None
        # the violations the board last marked from a report, and the file they are of
        # (Document.file_revision): kept on the board while the next check runs
        self._marked: tuple[int, tuple] = (-1, ())
        self.return_rows: list = []  # the Returns panel's rows of the current season
        self.edit_said = ""  # the status bar's words for the last edit applied (apply_edit)
        self._behind_said = ""  # the notice of today far behind the computer's date, while shown
        self._far_plan = None  # the plan far from the best possible the notice said (_say_far_plan)
        self._far_said = ""
        self._check_cache: dict[int, tuple[Season, object]] = {}
        self._returns_cache: dict[int, tuple[Season, list]] = {}
        # a large season's plan check after an edit, in the background (checkrun.py)
        self.check_runner = CheckRunner(self, lambda: self.document.season)
        self.check_runner.done.connect(self._on_checked)

        self.board = SeasonBoard(self)
        self.legend = BoardLegend(self)
        self.banner = panels.StaleBanner(self)
        self.notice = panels.NoticeBar(self)
        self.notice.open_requested.connect(self.show_externally)
        self.notice.reload_requested.connect(self._reload_asked)
        self._told_disk: DiskStamp | None = None  # the change on disk the notice said
        self._aside_said = ""  # the notice of a damaged file a save set aside, while shown
        # the file asked for that could not be opened, the demo season shown in its place (its
        # title says so; File ▸ Open starts in its folder)
        self.demo_instead_of: Path | None = None
        # the new file asked for (``periodize open NEW.season.json``): Save As proposes it
        self.new_file: Path | None = None
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.board, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_docks()
        self._build_menus()
        self._build_status_bar()
        wheelguard.guard(self)  # the wheel scrolls the docks, not the fields under the pointer
        menukeys.install()  # Ctrl+E in a field is File ▸ Export…, not the field's end of line
        contextkey.install(self)  # Shift+F10: a cell's menu without a Menu key
        tabchain.install()  # tells a Tab pressed (focusNextPrevChild)

        self.document.changed.connect(self._on_document_changed)
        self.document.modified_changed.connect(lambda _m: self._update_title())
        self.board.current_changed.connect(self._on_current_changed)
        self.board.cell_menu_requested.connect(self._show_cell_menu)
        self.board.cell_clicked.connect(self._on_cell_clicked)
        self.board.day_clicked.connect(self.show_squad_day)
        self.board.competition_dropped.connect(self.move_competition_to)
        self.board.stage_dropped.connect(self.pin_stage_start)
        self.board.drag_hint.connect(lambda text: self.statusBar().hint(text, 5000))
        self.board.zoom_changed.connect(self._on_zoom_changed)
        self.banner.apply_requested.connect(self.apply_stale_result)
        self.banner.discard_requested.connect(self.discard_stale_result)
        self.banner.solve_requested.connect(self.solve_again)

        self.resize(default_size(self))
        self._restore_window_state()
        self._on_document_changed()
        self._update_actions()
        self._show_season_in_progress()
        self._say_today_behind()
        self._say_summary()
        self.autosaver = None
        if autosave:
            from ui.desktop.recovery import Autosaver

            self.autosaver = Autosaver(self.document, self)
            self.autosaver.failed.connect(self._say_no_recovery_copy)
            self.autosaver.written.connect(self._recovery_copy_written)
            self._say_open_elsewhere()

    def _say_open_elsewhere(self) -> None:
        """The season file just opened is open in another Periodize window too: said above the
        board (a notice, not a block), as saving one then asks about the other's changes."""
        if self.autosaver is None:
            return
        if words := self.autosaver.mark_open(self.document.path):
            self.notice.offer(html.escape(words, quote=False))
        elif "is already open in another Periodize window" in self.notice.text():
            self.notice.hide()  # said of the file this window had open before

    def _say_no_recovery_copy(self, words: str) -> None:
        """A recovery copy could not be written: the coach's unsaved work is unprotected."""
        self.statusBar().showMessage(words, 30000)
        self.notice.offer(html.escape(words))

    def _recovery_copy_written(self) -> None:
        if not self.notice.isHidden() and self.notice.label.text().startswith("Recovery copies cannot"):
            self.notice.hide()  # protected again: the warning would now be wrong
        self.statusBar().withdraw("Recovery copies cannot")  # there too: it stays until the next

    # The document, under the names the rest of the window (and ui/fileio.py) use.
    @property
    def _season(self) -> Season:
        return self.document.season

    @property
    def _path(self) -> Path | None:
        return self.document.path

    @property
    def _modified(self) -> bool:
        return self.document.modified

    # -- public API ------------------------------------------------------------------------
    @property
    def season(self) -> Season:
        return self._season

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return self.document.modified

    @property
    def undo_stack(self):
        return self.document.undo_stack

    def set_modified(self, modified: bool) -> None:
        self.document.set_modified(modified)
        self._update_title()

    def apply_edit(self, edit: E.Edit, after: Season | None = None, quiet: bool = False,
                   plan_rules=None, text: str = "") -> bool:
        """Apply ``edit`` as one undo step; a refused edit is explained, never raised.

        ``after``: the edit's result for the current season when already computed; ``quiet``:
        a refusal is explained in the status bar only (a drop on the board), not a dialog;
        ``plan_rules``: the rules the plan ``edit`` stores was made under, when not the season's;
        ``text``: the undo step's name, when not the edit's own."""
        if isinstance(edit, E.RecordFlareUp) and after is None:
            edit = self._flare_later(edit)
            if edit is None:
                return self.flare_not_recorded()
        try:
            before = self.document.season
            self.document.apply(edit, after, plan_rules, text)
        except PeriodizeError as e:
            if quiet:
                self.statusBar().showMessage(f"Not done: {_one_line(e)}. The season is "
                                             f"unchanged.", 15000)
                return False
            self.interaction.warn("Change not made", str(e))
            self.statusBar().showMessage("The change was not made; the season is unchanged.", 8000)
            return False
        self.notice.hide_export()  # what was written before this edit: its notice goes
        text = self.undo_stack.text(self.undo_stack.index() - 1)
        after = self.document.season
        # what the plan check says of the edit, said once the check is made (now, or when a
        # large season's check ends: checkrun.py)
        checked: Callable[[], str] | None = None
        if before.plan is not None and after.plan is None:
            text += ". The plan no longer fits the season: solve again (F5)."
        elif isinstance(edit, E.AddAthlete) and after.plan is not None:
            text += (f". {edit.athlete.name} is not planned yet: {self.weekly.plan_again()[1]}; "
                     f"the squad's plan and its past stay as they were.")
        elif isinstance(edit, E.AddPin) and after.plan is not None:
            checked = partial(self._pin_said, edit.pin, after)
        elif after.plan is not None and not isinstance(edit, E.SetPlan):
            checked = self._broken_said
        if checked is not None and self.check_runner.pending is not after:
            text += checked()
            checked = None
        if isinstance(edit, (E.SetInjury, E.AddInjury, E.RecordStage)):
            from planner.progress import credit_not_run, stages_out_of_time_since

            # a ladder credited with no run logged here; a stage too deep to end in time
            if said := credit_not_run(before, after) + stages_out_of_time_since(before, after):
                text = text.rstrip(".") + "." + "".join(f" {words}." for words in said)
        self.edit_said = text  # what the last edit said: a caller adds to it, never to the bar
        self.statusBar().showMessage(text, 8000)
        if checked is not None:
            self.check_runner.then(after, lambda: self._said_when_checked(text, checked()))
        return True

    def _pin_said(self, pin, after: Season) -> str:
        """A pin's words after the check: a pin of what the plan has already needs no solve
        (one invited a useless solve)."""
        return (". Already planned so: kept by every solve." if self._pin_planned(pin)
                else ". " + plan_it(after))

    def _broken_said(self) -> str:
        """The hard rules the plan now breaks, as an edit's words end ("" when none)."""
        report = self.check_report
        if not panels.broken(report):
            return ""
        return (f". The plan now breaks {panels.broken_words(report)} (Plan Check): "
                f"{self.weekly.plan_again()[1]}.")

    def _said_when_checked(self, text: str, more: str) -> None:
        """An edit's words (``text``) said before its season's check ended: what the check
        says of it (``more``) is added, while the status bar still says them (the Log's entry
        adds its own words after them) and no edit came since."""
        bar = self.statusBar()
        shown, head = bar.last_said(), text.rstrip(".")
        if not more or self.edit_said != text or not shown.startswith(head):
            return
        self.edit_said = head + more
        bar.showMessage(shown.rstrip(".") + more, 8000)

    def _pin_planned(self, pin) -> bool:
        """Whether the stored plan has what ``pin`` asks already (its day's level, its week's
        kind, its stage's start), as the plan check reads the pins: checked, and no pin waits
        for a solve on that athlete (the team, for a team week pin) and day."""
        from planner.timeline import Timeline
        from planner.validate import planning_start

        report, season = self.check_report, self.season
        if report is None:
            return False
        tl, start = Timeline(season), planning_start(season)
        day = pin.week if pin.kind == "week" else pin.date
        # a pin on the past is not read by the check: nothing says the plan has it
        past = day < start
        if pin.kind == "week" and past:  # the week of today is still planned
            past = tl.week_index_of_date(day) != tl.week_index_of_date(start)
        if past:
            return False
        return not any(v.rule == "PIN" and v.athlete == pin.athlete and v.start <= day <= v.end
                       for v in report.violations)

    def flare_not_recorded(self) -> bool:
        """Say that a flare-up the coach was asked about was not recorded; False (not done)."""
        self.statusBar().showMessage("The flare-up was not recorded; the season is unchanged.",
                                     8000)
        return False

    def _flare_later(self, edit: E.RecordFlareUp) -> E.RecordFlareUp | None:
        """A flare-up before stage changes already recorded (accepted when today moved, before it
        was known): ask whether they go, so that the plan projects them again from the flare-up,
        or stay (None: cancelled). A second flare-up within a week recorded after Move Today had
        accepted P3 left P3 standing: the athlete sprinted at 80 % five days later."""
        said = edit.later_records(self.document.season)
        if not said or edit.later == "drop":
            return edit
        who = self.document.season.athlete_label(edit.athlete)
        answer = self.interaction.choose(
            "Later stage changes",
            f"{who} has stage changes recorded after {day_long(edit.date)} ({said}), most likely "
            f"accepted when today moved, before the flare-up was known.\n\nRemove them, so that "
            f"the plan projects the stages again from the flare-up, or keep them (they stand: "
            f"{who} goes back a stage, then on to them)?",
            ("dropstages", "keepstages", "cancel"), "dropstages")
        if answer == "cancel":
            return None
        return edit.model_copy(update={"later": "drop" if answer == "dropstages" else "keep"})

    @Slot(str)
    def show_externally(self, path: str) -> bool:
        """Open an exported file (or its folder) in the program the system uses for it."""
        if not path:
            return False
        if self.interaction.show_externally(path):
            return True
        self.statusBar().showMessage(f"Could not open {path}: no program is set up for it.", 8000)
        return False

    def _show_problem(self, what: str, text: str) -> None:
        self.interaction.warn("Change not made", f"{what}: {text}")

    def is_solving(self) -> bool:
        return self.solve_job.is_running()

    def _read_season(self, path: str | os.PathLike, failed: str, open_backup: bool = False):
        """``(season, notes, stamp)`` read from ``path``, or None when it does not read (said,
        with ``failed`` in the status bar). ``open_backup``: a readable backup is offered and
        opened instead (``say_not_opened``); then True."""
        from planner.seasonfile import load_season

        stamp = DiskStamp.of(path)  # before reading: a change while reading is noticed later
        notes: list[str] = []
        try:
            return load_season(path, notes), notes, stamp
        except PeriodizeError as e:
            if open_backup:
                if self.say_not_opened(path, e):
                    return True
            else:
                self.interaction.error("Season not opened", str(e))
            self.statusBar().showMessage(f"{failed}; the current season is unchanged.", 8000)
            return None

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open a season file; on a bad file show why (offering its backup) and keep the current
        document."""
        read = self._read_season(path, "Open failed", open_backup=True)
        if read is None or read is True:
            return read is True
        season, notes, stamp = read
        self.set_document(season, Path(path), stamp=stamp)
        self._add_recent(Path(path))
        # days logged since the plan was made: said as after a Log entry, before the summary
        made = self.weekly.made_without_words(season)
        self._say_summary(f"Opened {Path(path).name}. " + (f"{made}. " if made else ""),
                          20000 if made else 8000)
        self.say_notes(notes)
        return True

    def say_not_opened(self, path: str | os.PathLike, e: PeriodizeError, after: str = "") -> bool:
        """Why the season file at ``path`` was not opened (``after``: what is shown instead); with
        a backup that can be read, Open the Backup opens it (:meth:`open_backup`). True when it
        did."""
        from planner.seasonfile import readable_backup

        text = f"{e}\n\n{after}" if after else str(e)
        backup = readable_backup(path)
        if backup is None:
            self.interaction.error("Season not opened", text)
            return False
        if self.interaction.choose("Season not opened", f"The season was not opened.\n\n{text}",
                                   ("openbackup", "ok"), "openbackup") != "openbackup":
            return False
        return self.open_backup(path, backup)

    def open_backup(self, path: str | os.PathLike, backup: Path) -> bool:
        """The season of ``backup`` as the document of the damaged file at ``path`` (not the
        ``.bak`` itself: a later Ctrl+S wrote to NAME.bak and its backup NAME.bak.bak), not
        saved: a save puts it in place of the damaged file, whose bytes the save keeps as
        NAME.damaged-YYYYMMDD-HHMM (NAME.bak, which reads, stays: planner.safefile)."""
        read = self._read_season(backup, "Open failed")
        if read is None:
            return False
        season, notes, taken = read
        path = Path(path)
        self.set_document(season, path, modified=True, stamp=DiskStamp.of(path))
        self._add_recent(path)
        when = taken.modified if taken is not None else dt.datetime.now()
        self.statusBar().showMessage(
            f"Opened the backup of {path.name} ({date_short(when)} {when:%H:%M}), not saved: "
            f"Ctrl+S puts it in place of the damaged file, which is then kept as "
            f"{path.name}.damaged-DATE-TIME ({backup.name} stays).", 30000)
        self.say_notes(notes)
        return True

    def say_broken_protocols(self) -> None:
        """Each bundled protocol file that does not read, said once at start: it is left out of
        the Protocol lists and the app runs with the others (a season that uses it is not opened,
        with the same problems the command line gives)."""
        from planner.protocols import readable_protocols

        broken = readable_protocols()[1]
        if broken:
            self.interaction.warn(
                "Protocol file not read" if len(broken) == 1 else "Protocol files not read",
                "\n\n".join(str(e) for e in broken) + "\n\n" + (
                    "It is" if len(broken) == 1 else "They are") + " left out of the Protocol "
                "lists; the other protocols are available. Correct the file (docs/architecture.md, "
                "\"Where a new protocol goes\") and start Periodize again.")

    def say_notes(self, notes: list[str]) -> None:
        """What an opened season holds that a coach should hear of (a match on a day off, an
        injury after the season, a target before its injury), each with its fix."""
        fields = {**editors.INJURY_FIELDS, "date": "Day off"}  # the path's last field named
        if notes:
            self.interaction.inform("Opened, with notes", "\n".join(
                f"• {editors.form_words(n.removeprefix('calendar.'), fields)}" for n in notes))

    def save_to(self, path: str | os.PathLike) -> bool:
        """Save the document to ``path`` (atomically); errors are shown, never raised. When the
        document's own file changed on disk since it was opened or saved (another program, such
        as ``periodize solve --save``), the coach chooses first: reload it, overwrite it, or
        save under another name. The write itself takes the file as checked (``expected``): a
        save another program makes between the check and the write is not overwritten, the
        coach is asked as for one made before it."""
        from planner.errors import ChangedOnDiskError
        from planner.seasonfile import save_season

        verdict, expected = self._check_disk(path)
        if verdict == "saveas":
            return self.save_as()
        if verdict != "save":
            return False
        doc = self.document
        gone = (doc.path is not None and doc.disk_stamp is not None and _same_file(path, doc.path)
                and not Path(path).exists())  # deleted or moved away since it was opened
        aside: list[Path] = []
        try:
            written = save_season(self._season, path, expected=expected, set_aside=aside)
        except ChangedOnDiskError:  # saved by another program since the check: asked as for that
            return self.save_to(path)
        except PeriodizeError as e:
            return self._say_not_saved(str(e))
        except OSError as e:  # e.g. a read-only folder on the backup copy
            return self._say_not_saved(save_failure(path, e))
        self.lost_file = None
        moved = doc.path is None or not _same_file(path, doc.path)  # Save As to another file
        self.document.path = Path(path)
        self.document.disk_stamp = DiskStamp.written(path, written)
        self.document.saved_here = True
        self._hide_disk_notice()
        self.document.set_modified(False)
        self._add_recent(self.document.path)
        self._update_title()
        if moved:  # the window's "open" note names the file it has open now, not the old one
            self._say_open_elsewhere()
        if self.autosaver is not None:  # another window on the file can tell who wrote it
            self.autosaver.note_saved(self.document.path, written)
        if aside:
            kept = (f"Saved {self.document.path}. The file on disk did not read as a season: it "
                    f"is kept as {aside[0].name}; {self.document.path.name}.bak is still the "
                    f"backup.")
            self.statusBar().showMessage(kept, 30000)
            # and above the board, whole, until closed: the status line cut it where an
            # export's progress took its room ("…kept as club.season.json.damage… Writing …")
            self.notice.offer(html.escape(kept))
            self._aside_said = self.notice.text()
            return True
        if self._aside_said and self.notice.text() == self._aside_said:
            self.notice.hide()  # an earlier save's damaged file: this save met none
        self._aside_said = ""
        if gone:
            self.statusBar().showMessage(
                f"Saved {self.document.path}: the file had been deleted or moved since it was "
                f"opened, so it was written again there.", 15000)
        elif self.is_solving() or self.weekly.job.is_running():
            # the plan it brings changes the season again: the title's * came back unsaid
            self.statusBar().showMessage(
                f"Saved {self.document.path}; the {'re-plan' if self.weekly.job.is_running() else 'solve'}"
                f" still running will need saving when it lands.", 15000)
        else:
            self.statusBar().showMessage(f"Saved {self.document.path}", 5000)
        return True

    def _say_not_saved(self, why: str) -> bool:
        """Why the season was not saved (a folder gone, a full or read-only disk), with Save As…
        to save it elsewhere at once; True when that saved it."""
        answer = self.interaction.choose("Season not saved", f"The season was not saved.\n\n{why}",
                                         ("saveas", "ok"), "saveas")
        return answer == "saveas" and self.save_as()

    def _check_disk(self, path: str | os.PathLike) -> tuple[str, str | None]:
        """``("save", expected)`` when saving to ``path`` loses nothing or the coach chose
        Overwrite, ``expected`` the digest of the file as checked, which the write must still
        find there (None: nothing to compare); else the coach's answer when the document's file
        changed on disk: ``saveas``, ``reloaded`` or ``cancel``."""
        doc = self.document
        if doc.path is None or not _same_file(path, doc.path):
            return "save", None
        if self.lost_file is not None and _same_file(path, self.lost_file) and not Path(path).exists():
            answer = self.interaction.choose(
                "File not found",
                f"“{Path(path).name}” is no longer in {Path(path).parent}: it was moved or "
                f"deleted after the changes you recovered were made.\n\n"
                f"Save: write the season there again.\n"
                f"Save As: choose where to save it (where the file is now, if you moved it).",
                ("saveas", "save", "cancel"), "saveas")
            return (answer if answer in ("save", "saveas") else "cancel"), None
        now = changed_on_disk(doc.disk_stamp, path)
        if now is None:
            return "save", doc.disk_stamp.digest if doc.disk_stamp is not None else None
        from planner.seasonfile import read_problem

        if (problem := read_problem(path)) is not None:
            return self._ask_over_damaged(path, now, problem)
        by = ("another Periodize window" if self._by_window(now) else
              "another program or another Periodize window (for example periodize solve --save)")
        answer = self.interaction.choose(
            "The file changed on disk",
            f"“{Path(path).name}” was changed by {by} at {now.modified:%H:%M} on {date_short(now.modified)}, after you opened or saved it here.\n\n"
            f"Reload: open it as it is on disk in place of your changes here (Edit ▸ Undo "
            f"gives them back).\n"
            f"Overwrite: save the season as it is here over it; the other change is lost "
            f"(the previous file is kept as {Path(path).name}.bak).\n"
            f"Save As: keep both; save yours under another name.",
            ("reload", "overwrite", "saveas", "cancel"), "cancel")
        if answer == "overwrite":
            return "save", now.digest
        if answer == "reload":
            self.reload_from_disk()
            return "reloaded", None
        return (answer if answer == "saveas" else "cancel"), None

    def _ask_over_damaged(self, path, now: DiskStamp, problem: str) -> tuple[str, str | None]:
        """The file changed on disk and does not read as a season now (a sync client's copy cut
        short): Reload could only fail, so it is not offered; Overwrite keeps a good backup
        (planner.safefile keeps the damaged file beside it)."""
        name = Path(path).name
        answer = self.interaction.choose(
            "File on disk damaged",
            f"“{name}” was changed by another program at {now.modified:%H:%M} on "
            f"{date_short(now.modified)}, and the file on disk does not read as a season "
            f"({problem}).\n\n"
            f"Overwrite: save the season as it is here over it; {_kept_words(Path(path))}\n"
            f"Save As: save yours under another name; the file on disk stays as it is.",
            ("overwrite", "saveas", "cancel"), "overwrite")
        if answer == "overwrite":
            return "save", now.digest
        return (answer if answer == "saveas" else "cancel"), None

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt API
        """Tab never goes into a panel behind another's tab (``ui.desktop.tabchain``)."""
        return tabchain.past_hidden(self, forward, super().focusNextPrevChild)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.notice_disk_change()

    def notice_disk_change(self) -> bool:
        """Coming back to the window (from a terminal where ``periodize record … --save`` ran,
        say): when the season file changed on disk, say so above the board with Reload, once
        per change. The board kept showing the season as opened, a return date the file no
        longer had, until a save asked. Over this window's own save, its season counts as not
        saved from then on (:meth:`_overwritten_save`). True when said."""
        doc = self.document
        if doc.saved_here:  # over this window's save: not saved any more
            now = self._overwritten_save()
        else:
            now = changed_on_disk(doc.disk_stamp, doc.path) if doc.path is not None else None
        if now is None or (self._told_disk is not None and self._told_disk.same_content(now)):
            return False
        self._told_disk = now
        from planner.seasonfile import read_problem

        if (problem := read_problem(doc.path)) is not None:  # Reload could only fail
            self.notice.offer(
                f"{doc.path.name} was changed by another program at {now.modified:%H:%M} on "
                f"{date_short(now.modified)} and does not read as a season now ({problem}). "
                f"Save (Ctrl+S) writes the season shown here over it; the backup is kept.",
                line=f"{doc.path.name} on disk does not read ({now.modified:%H:%M}): Ctrl+S "
                     f"saves yours, the backup is kept.")
            return True
        yours = (" Reload replaces your changes here (Undo gives them back)." if doc.modified else "")
        how = "saved" if doc.saved_here else "opened"
        window = self._by_window(now)  # the one the notice at its opening named
        by = ("another Periodize window" if window else
              "another program or another Periodize window")
        # one line above the board (two squeezed it to 4 athletes at 1024 x 600); the whole
        # sentence in its tooltip
        self.notice.offer(
            f"{doc.path.name} was changed by {by} at "
            f"{now.modified:%H:%M} on {date_short(now.modified)}"
            f"{'' if window else ' (for example periodize … --save)'}: this window shows it "
            f"as you {how} it.{yours}", reload=True,
            line=f"{doc.path.name} changed on disk "
                 f"({'another Periodize window' if window else 'another program'}, "
                 f"{now.modified:%H:%M}): this window shows it as {how}.{yours}")
        return True

    def _overwritten_save(self) -> DiskStamp | None:
        """The file's stamp now when another program wrote over this window's last save (else
        None). The window's season is then in no file: it counts as not saved from here on, so
        Close and Quit ask before it is discarded, as for any change not saved; unless it holds
        no change made here (the season as read: a window that only saved what it opened got
        the * and a Save question about changes it never made)."""
        doc = self.document
        if not doc.saved_here or doc.path is None:
            return None
        now = changed_on_disk(doc.disk_stamp, doc.path)
        if now is not None and not doc.modified and doc.own_changes():
            doc.set_modified(True)
        return now

    def _by_window(self, now: DiskStamp) -> bool:
        """Were the bytes of ``now`` saved by another live Periodize window on this file (its
        note beside its lock says so), not by another program?"""
        if self.autosaver is None or self.document.path is None:
            return False
        from ui.desktop.recovery import saved_by_window

        return saved_by_window(self.document.path, now.digest, exclude={self.autosaver.key})

    def _hide_disk_notice(self) -> None:
        """The file is the window's again (saved, reloaded, another opened): the notice of its
        change on disk would now be wrong."""
        if not self.notice.isHidden() and self.notice.reload_button.isVisibleTo(self.notice):
            self.notice.hide()
        self._told_disk = None

    def _reload_asked(self) -> None:
        if self.document.modified and not self.interaction.confirm(
                "Reload the season file?", "Reload it as it is on disk in place of your changes "
                "here? Edit ▸ Undo gives them back.", default=False):
            return
        self.reload_from_disk()

    def reload_from_disk(self) -> bool:
        """The document's file as it is on disk in place of the window's season, as one Edit ▸
        Undo step ("Reload FILE"), as an import over it is: Undo gives back the window's version
        and the history before it (a reload after ``periodize advance --save`` in a terminal
        cleared the whole undo history unsaid). The reloaded season is the saved one."""
        doc = self.document
        path = doc.path
        if path is None:
            return False
        read = self._read_season(path, "Reload failed")
        if read is None:
            return False
        season, notes, stamp = read
        self._hide_stale()
        self.lost_file = None
        self._hide_disk_notice()
        changed = season != doc.season
        if changed:
            self.import_over(season, f"Reload {path.name}")
        doc.disk_stamp = stamp
        doc.saved_here = False
        doc.read_season = doc.season  # the file's: changes made here count from it
        doc.set_modified(False)  # the window's season is the file's again
        self._update_title()
        self.statusBar().showMessage(f"Reloaded {path.name} as it is on disk"
                                     + (" (Edit ▸ Undo gives back the season as it was here)."
                                        if changed else "."), 8000)
        self.say_notes(notes)
        return True

    def set_document(self, season: Season, path: Path | None, modified: bool = False,
                     stamp: DiskStamp | None = None) -> None:
        """Replace the document (a new file); a solve still running is stopped and ignored (the
        job runner stops it when the document is replaced). ``stamp``: the file as read."""
        self._hide_stale()
        self.explanation.reset()
        self._close_empty_explanation()
        self.lost_file = None
        self._hide_disk_notice()
        if path is None or path != self.document.path:  # not the same file read again
            self.notice.hide_export()
        self.demo_instead_of = None  # another season: no longer the demo shown in its place
        if path is not None:  # a season file of its own: no longer the new file asked for
            self.new_file = None
        self.document.replace(season, path, modified, stamp)
        self._update_title()
        self._update_actions()
        self._show_season_in_progress()
        self._say_today_behind()
        if getattr(self, "autosaver", None) is not None:  # not while the window is built
            self._say_open_elsewhere()

    def import_over(self, season: Season, text: str, saved: Season | None = None) -> None:
        """``season`` (a workbook imported over the open one, the same file) as one Edit ▸ Undo
        step named ``text``: Undo gives back the season as it was (a player the workbook has
        not got among it), Redo the imported one. ``saved``: the season as last saved, the
        changes on screen discarded (``Document.apply_season``): Undo gives back that one."""
        self.explanation.reset()
        self.document.apply_season(season, text, saved)
        self._update_actions()
        self._show_season_in_progress()

    def _behind(self) -> tuple[dt.date, int] | None:
        """(the season's today, the days it lies before the computer's date) when that is more
        than a week while the date is within the season; None otherwise."""
        cal = self.document.season.calendar
        today, clock = cal.today or cal.start, computer_date()
        days = (clock - today).days
        return None if not cal.start <= clock <= cal.end or days <= 7 else (today, days)

    def today_behind(self) -> str:
        """The notice of a season whose today (its first day, with no today set) lies more than
        a week before the computer's date while that date is within the season ("" otherwise):
        the demo's today was its first day, 4 months back, and a coach taking over read the
        board's "today" as now. Not for a season over, nor one not started."""
        if (behind := self._behind()) is None:
            return ""
        today, days = behind
        return (f"Today in this season is {day_long(today)}, {plural(days, 'day')} before the "
                f"computer's date: Season ▸ Move Today… when you have recorded what happened.")

    def _say_today_behind(self) -> None:
        """A season opened with its today far behind the computer's date: one line above the
        board with Move Today… (never a box to click away); the line its first sentence, which
        reads whole at 1280 x 720 beside the Inspector (the whole one was cut at "when you…"),
        the whole in its tooltip."""
        words, line = self.today_behind(), ""
        if words:
            today, days = self._behind()
            line = (f"Today in this season is {day_long(today)}, {plural(days, 'day')} before "
                    f"the computer's date.")
            self.notice.offer(words, line=line,
                              action=("Move Today…", self.weekly.move_today_action.trigger))
        elif self._behind_said and self.notice.text() == self._behind_said:
            self.notice.hide()  # another season: the last one's notice would be wrong
        self._behind_said = line

    def _show_season_in_progress(self) -> None:
        """A season under way opens on the weeks around today (two weeks of the past shown), one
        whose today is past its end on its last weeks, not on its first day; any other on its
        first day (an imported season showed the weeks the previous file was scrolled to)."""
        import datetime as dt

        cal = self.document.season.calendar
        if cal.today is not None and cal.start < cal.today:
            today = min(cal.today, cal.end)  # past the end: the season's last weeks
            self.board.show_from(max(cal.start, today - dt.timedelta(days=14)))
        else:
            self.board.show_from(cal.start)

    # -- actions ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_action = QAction("&New…", self)
        self.new_action.setShortcuts(_shortcut(QKeySequence.StandardKey.New, "Ctrl+N"))
        self.new_action.setStatusTip("Start a new season: empty, or from a season template")
        self.new_action.triggered.connect(self.new_dialog)

        self.open_action = QAction("&Open…", self)
        self.open_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Open, "Ctrl+O"))
        self.open_action.setStatusTip("Open a season file")
        self.open_action.triggered.connect(self.open_dialog)

        self.save_action = QAction("&Save", self)
        self.save_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Save, "Ctrl+S"))
        self.save_action.setStatusTip("Save the season")
        self.save_action.triggered.connect(self.save)

        self.save_as_action = QAction("Save &As…", self)
        self.save_as_action.setShortcuts(_shortcut(QKeySequence.StandardKey.SaveAs, "Ctrl+Shift+S"))
        self.save_as_action.setStatusTip("Save the season under a new name")
        self.save_as_action.triggered.connect(self.save_as)

        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.solve_action = QAction("&Solve", self)
        self.solve_action.setShortcut(QKeySequence("F5"))
        self.solve_action.setStatusTip("Plan the season with the solver")
        self.solve_action.triggered.connect(self.start_solve)

        self.cancel_action = QAction("&Cancel Solve", self)
        self.cancel_action.setStatusTip("Stop the solver and keep the best plan found so far")
        self.cancel_action.triggered.connect(self.cancel_solve)

        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"))
        self.undo_action.triggered.connect(lambda: self._after_undo_redo("Undone"))
        self.redo_action.triggered.connect(lambda: self._after_undo_redo("Redone"))
        self.find_athlete_action = QAction("&Find Athlete…", self)
        self.find_athlete_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find_athlete_action.setStatusTip("Find an athlete's row on the board by name, ID or "
                                              "position")
        self.find_athlete_action.triggered.connect(lambda: findathlete.find_athlete(self))

        self.settings_action = QAction("Season &Settings…", self)
        self.settings_action.setShortcuts(_shortcut(QKeySequence.StandardKey.Preferences,
                                                    "Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.NoRole)
        self.settings_action.setStatusTip("Name, dates, training weekdays and today")
        self.settings_action.triggered.connect(self.season_settings_dialog)

        self.zoom_group = QActionGroup(self)
        self.day_zoom_action = QAction("&Day Zoom", self, checkable=True, checked=True)
        zoom_in = _shortcut(QKeySequence.StandardKey.ZoomIn, "Ctrl++")
        if QKeySequence("Ctrl+=") not in zoom_in:  # "+" is Shift+= on most keyboards
            zoom_in.append(QKeySequence("Ctrl+="))
        self.day_zoom_action.setShortcuts(zoom_in)
        self.day_zoom_action.setStatusTip("A column per day, every day's intensity")
        self.day_zoom_action.triggered.connect(lambda: self.board.set_zoom("day"))
        self.week_zoom_action = QAction("&Week Zoom", self, checkable=True)
        self.week_zoom_action.setShortcuts(_shortcut(QKeySequence.StandardKey.ZoomOut, "Ctrl+-"))
        self.week_zoom_action.setStatusTip("The season at a glance: each week's speed days")
        self.week_zoom_action.triggered.connect(lambda: self.board.set_zoom("week"))
        for a in (self.day_zoom_action, self.week_zoom_action):
            self.zoom_group.addAction(a)
        self.board_room_action = QAction("Give t&he Board Room", self)
        self.board_room_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.board_room_action.setStatusTip("Make the panels around the board smaller, so it "
                                            "shows more athletes and days")
        self.board_room_action.triggered.connect(self.give_board_room)
        self.today_action = QAction("Go to &Today", self)
        self.today_action.setShortcut(QKeySequence("Ctrl+T"))
        self.today_action.setStatusTip("Scroll the board to today, the keyboard on it")
        self.today_action.triggered.connect(self.go_to_today)

        self.guide_action = QAction("&Getting Started", self)
        self.guide_action.setShortcuts(_shortcut(QKeySequence.StandardKey.HelpContents, "F1"))
        self.guide_action.setStatusTip("A coach's session from File ▸ New to a saved plan, with "
                                       "pictures (offline)")
        self.guide_action.triggered.connect(lambda: self.show_help("start"))
        self.user_guide_action = QAction("&User Guide", self)
        self.user_guide_action.setStatusTip("The app menu by menu: every panel and dialog, with "
                                            "pictures (offline)")
        self.user_guide_action.triggered.connect(lambda: self.show_help("guide"))
        self.rules_help_action = QAction("&Rules", self)
        self.rules_help_action.setStatusTip("Every rule: what it says, its values and evidence")
        self.rules_help_action.triggered.connect(lambda: self.show_help("rules"))
        self.formats_help_action = QAction("&File Formats", self)
        self.formats_help_action.setStatusTip("The columns of a session log and of the coach "
                                              "workbook, and every file Periodize reads or writes")
        self.formats_help_action.triggered.connect(lambda: self.show_help("formats"))

        self.about_action = QAction("&About Periodize", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)

        for a in (self.new_action, self.open_action, self.save_action, self.save_as_action,
                  self.quit_action, self.solve_action, self.cancel_action, self.undo_action,
                  self.redo_action, self.find_athlete_action, self.settings_action, self.day_zoom_action,
                  self.week_zoom_action, self.today_action, self.guide_action,
                  self.board_room_action):
            self.addAction(a)  # shortcuts work even with the menu bar hidden

    def _build_docks(self) -> None:
        """Editors and panels as dock widgets (View menu), tabbed to save room."""
        self.inspector = panels.InspectorPanel(self)
        self.violations_panel = panels.ViolationsPanel(self)
        self.explanation = panels.ExplanationPanel(self)
        self.rules_panel = panels.RulesPanel(self)
        self.competitions_editor = editors.CompetitionsEditor(self)
        self.blocks_editor = editors.BlocksEditor(self)
        self.days_off_editor = editors.DaysOffEditor(self)
        self.squad_editor = editors.SquadEditor(self)
        self.squad_editor.ask = lambda: self.interaction
        self.competitions_editor.ask = lambda: self.interaction
        self.injuries_editor = editors.InjuriesEditor(self)
        self.injuries_editor.confirm = lambda title, text: self.interaction.confirm(
            title, text, default=False)
        self.whatif = scenarios.WhatIf(self)  # What-if menu, Scenarios panel, re-plans
        self.returns_panel = ReturnsPanel(self)
        self.weekly = WeeklyLoop(self)  # the Log panel, New Week, Move Today, re-plan from today
        self.docks: dict[str, QDockWidget] = build_docks(self, {
            "inspector": self.weekly.inspector_panel(self.inspector), "returns": self.returns_panel,
            "check": self.violations_panel, "rules": self.rules_panel,
            "scenarios": self.whatif.panel, "squad": self.squad_editor,
            "injuries": self.injuries_editor, "competitions": self.competitions_editor,
            "blocks": self.blocks_editor, "daysoff": self.days_off_editor,
            "explanation": self.explanation})
        self.weekly.add_dock()
        self.load_view = LoadView(self)  # the Load dock; load flags on the board and inspector
        self.load_view.add_dock()
        self.roles_panel = roles.install(self)  # the Roles dock (match roles grid)
        self.returns_panel.athlete_requested.connect(self.select_cell)
        editor_docks = [self.docks[k] for k in ("squad", "injuries", "competitions", "blocks",
                                                  "daysoff")]
        self.editor_keys = mnemonics.EditorKeys(self, editor_docks)
        self.close_together = CloseTogether(self, editor_docks)  # × closes the editors' tabs
        self.editor_undo = EditorUndo(self, editor_docks, lambda: self.document.season,
                                      lambda: self.undo_stack.canRedo())
        self.board_keys = BoardKeys(self, editor_docks)  # F6, Escape: the keyboard to the board

        for ed in (self.competitions_editor, self.blocks_editor, self.days_off_editor,
                   self.squad_editor, self.injuries_editor):
            ed.edit_requested.connect(self.editor_undo.before)  # in this order: a change the
            ed.edit_requested.connect(self.apply_edit)  # form made leaves its fields nothing
            ed.edit_requested.connect(  # to undo (the other editors' typing stays theirs)
                lambda e, ed=ed: self.editor_undo.after(e, ed))
            ed.problem.connect(self._show_problem)
            ed.said.connect(lambda text: self.statusBar().showMessage(text, 15000))
            ed.unsaid.connect(self.statusBar().withdraw)  # (only when it is still the last)
            ed.hint.connect(lambda text: self.statusBar().hint(text, 8000))
            ed.date_selected.connect(self._show_date)
            ed.athlete_selected.connect(self.select_athlete)
        self.rules_panel.edit_requested.connect(self.apply_edit)
        self.rules_panel.history = self.undo_stack
        self.rules_panel.undo_to_requested.connect(self.undo_stack.setIndex)
        self.rules_panel.refused.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        for browser in (self.inspector, self.explanation):
            browser.rule_requested.connect(self.show_rule)
            browser.cell_requested.connect(self.select_cell)
        self.violations_panel.cell_requested.connect(self.select_cell)
        self.violations_panel.settings_requested.connect(self.show_settings)
        self.explanation.remedy_requested.connect(self.record_remedy)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        fileio.install(self, file_menu)  # Import…, Export…, Export Calendars… (ui/fileio.py)
        handouts.install(self, file_menu)  # Export Handouts… (ui/desktop/handouts.py)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = mb.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_athlete_action)
        view_menu = mb.addMenu("&View")
        view_menu.addAction(self.day_zoom_action)
        view_menu.addAction(self.week_zoom_action)
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.board_keys.action)
        view_menu.addAction(self.board_room_action)
        view_menu.addAction(self.message_history.action)
        self.key_action = legendview.install(self, view_menu)  # Ctrl+K: the board's key
        self.review_action = review.install(self, view_menu)  # Season Review…: per player
        self.theme_actions = thememenu.install(self, view_menu)  # System, Light, Dark
        view_menu.addSeparator()
        for key, dock in self.docks.items():
            view_menu.addAction(dock.toggleViewAction())
            # shown from the menu, a dock tabbed with another comes to the front (it opened as a
            # tab behind the Log, out of sight); one open behind another tab is brought forward,
            # not closed: only a panel in front is closed from the menu
            dock.toggleViewAction().triggered.connect(
                lambda on, k=key, d=dock: self._shown_from_menu(k, d) if on or behind_a_tab(d)
                else None)
            # a title that changes ("Plan Check (3)") resets the item's text, and its letter
            dock.windowTitleChanged.connect(lambda _t: mnemonics.unique_letters(view_menu))
        season_menu = mb.addMenu("&Season")
        season_menu.addAction(self.settings_action)
        season_menu.addSeparator()
        for key in ("competitions", "blocks", "daysoff", "squad", "injuries", "rules"):
            a = season_menu.addAction(self.docks[key].windowTitle())
            a.triggered.connect(lambda _c=False, k=key: self.open_editor(k))
        season_menu.addAction(self.roles_action)
        plan_menu = mb.addMenu("&Plan")
        plan_menu.addAction(self.solve_action)
        plan_menu.addAction(self.cancel_action)
        self.weekly.install_menus(file_menu, season_menu, plan_menu)
        self.solve_time_action = solvetime.install(self, plan_menu)  # Plan ▸ Solve Time…
        self.whatif.install_menu(mb)
        help_menu = mb.addMenu("&Help")
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.user_guide_action)
        help_menu.addAction(self.rules_help_action)
        help_menu.addAction(self.formats_help_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for a in mb.actions():
            if a.menu() is not None:
                mnemonics.unique_letters(a.menu())

    def _build_status_bar(self) -> None:
        """The solve's progress, bar and Cancel button (kept by its job runner)."""
        self.solve_job = BackgroundJob(self, SOLVE_WORDS, detail=progress_text)
        self.solve_job.finished.connect(self._on_solve_done)
        self.solve_finished.connect(self.weekly.after_solve)  # a Move Today waiting for a plan
        self.solve_failed.connect(self.weekly.solve_failed)
        self.progress_label = self.solve_job.progress_label
        self.progress_bar = self.solve_job.progress_bar
        self.cancel_button = self.solve_job.cancel_button

    def _update_actions(self) -> None:
        solving = self.solve_job.is_running()
        self.solve_action.setEnabled(not solving)
        self.cancel_action.setEnabled(solving)

    def _update_title(self) -> None:
        name = self._path.name if self._path else "not saved"
        if self._path is None and self._new_file() is not None:
            name = f"{self._new_file().name}, not saved yet"
        star = "*" if self._modified else ""
        failed = self.demo_instead_of
        if failed is not None and self._path is None:  # not to be taken for the coach's season
            self.setWindowTitle(f"Demo season{star}: {self._season.name} — not your file "
                                f"({failed.name} did not open) — Periodize")
            return
        self.setWindowTitle(f"{self._season.name} — {name}{star} — Periodize")

    def start_new_file(self, path: str | os.PathLike) -> None:
        """``periodize open NEW.season.json`` on a file not there yet: a new season to be saved
        there (the demo season and "no such file" were shown instead). File ▸ New's dialog opens
        on an empty season; the title names the file and Save As proposes it."""
        self.new_file = Path(path)
        self._update_title()
        self.statusBar().showMessage(
            f"New season, to be saved as {self.new_file.name} in {self.new_file.parent}: fill in "
            f"File ▸ New's dialog; Ctrl+S then proposes that name.", 20000)
        self.new_dialog()

    def _new_file(self) -> Path | None:
        """The new file asked for, while nothing is there yet (once saved, a later season is
        not proposed over it)."""
        new = self.new_file
        return new if new is not None and not os.path.lexists(new) else None

    def show_demo_instead_of(self, path: str | os.PathLike) -> None:
        """The demo season is shown because the file at ``path`` could not be opened: the title
        says it is the demo, not that file, until another season is opened or it is saved; File
        ▸ Open starts in that file's folder."""
        self.demo_instead_of = Path(path)
        self._update_title()

    def _past(self) -> str | None:
        """What the command line's solve says of a today after the season's end, with the
        app's way to move it back; None for a season with days left to plan."""
        past = season_past(self._season.calendar, day_long)
        return past and (f"{past[:1].upper()}{past[1:]}. Move today back (Season ▸ Move Today…) "
                         f"to plan the days after it.")

    def _say_summary(self, before: str = "", timeout: int = 0) -> None:
        """The status bar's summary of the season (after ``before``). While a large season's
        plan check still runs it says "checking", and is said again, whole, when the check ends
        (:meth:`_summary_checked`): on 40 x 52 it forced the check (1.7 s) in the window's
        thread before the board was first painted."""
        season = self._season
        text = before + self._summary()
        self.statusBar().showMessage(text, timeout)
        self._summary_said = ((season, before, text) if self.check_runner.pending is season
                              else None)

    def _summary_checked(self, season: Season) -> None:
        """``season``'s check has ended: the summary that said "checking" for it, while the
        status bar still shows it, is said again with what the plan breaks."""
        said, self._summary_said = self._summary_said, None
        if said is not None and said[0] is season and self.statusBar().last_said() == said[2]:
            self.statusBar().showMessage(said[1] + self._summary())

    def _summary(self) -> str:
        def unplanned_words(s) -> str:
            return f"{plural(len(s.plan.unplanned), 'athlete')} not planned yet"

        s = self._season
        days = (s.calendar.end - s.calendar.start).days + 1
        checking = self.check_runner.pending is s  # a large season opened: its check runs
        report = None if checking else self._check_report
        cached = self._check_cache.get(id(s))
        problem = cached[1][1] if cached is not None and cached[0] is s else None
        n = len(panels.broken(report))
        # the stored plan's status is that of its solve: a season changed since (dates away
        # added) read "(proven)" beside a Plan Check of 4 broken rules
        plan = (f"plan: {CHECKING_SAID}" if checking and s.plan
                else "plan: cannot be checked, nor the season solved (Plan Check ⚠ says why)" if problem
                else f"plan: breaks {panels.broken_words(report)} as the season is now (Plan Check); "
                     f"{self.weekly.plan_again()[1]}" if s.plan and n
                else f"plan: {unplanned_words(s)} (Plan ▸ Solve, F5)" if s.plan and s.plan.unplanned
                else f"plan: {plan_words(s.plan.status, s.plan.objective, s.plan.bound)}" if s.plan
                else "no plan yet (Plan ▸ Solve, F5)")
        if n and s.plan.unplanned:  # said beside the rules broken (the others' plan)
            plan += f"; {unplanned_words(s)}"
        past = self._past()  # first: the status bar cuts a long line at its end
        return ((f"{past} " if past else "") + f"{plural(len(s.athletes), 'athlete')}, "
                f"{plural(len(s.competitions), 'competition')}, {plural(days, 'day')}; {plan}")

    # -- the document changed ----------------------------------------------------------------
    @Slot()
    def _on_document_changed(self) -> None:
        """After every change: board, plan check, editors, panels, title."""
        season = self.document.season
        self.board.set_season(season)
        self.run_check()
        self._refresh_returns(season)
        for panel in (self.competitions_editor, self.blocks_editor, self.days_off_editor,
                      self.squad_editor, self.injuries_editor, self.rules_panel):
            panel.set_season(season)
        self._refresh_inspector()
        self.explanation.document_changed(season)
        self._update_title()
        if (self._behind_said and self.notice.text() == self._behind_said
                and not self.notice.isHidden()):
            self._say_today_behind()  # today moved: the days behind said anew, or the notice gone
        self._say_far_plan()
        self.document_changed.emit()

    def _say_far_plan(self) -> None:
        """A plan the solver stopped far from the best possible (its time ran out on a busy
        laptop: the demo's first F5 missed every return target, the second met them all): said
        once above the board, with Solve Again; the notice goes when the plan is another."""
        plan = self.document.season.plan
        gap = far_gap(plan)
        if gap is None:
            said, self._far_plan, self._far_said = self._far_said, None, ""
            if said and not self.notice.isHidden() and self.notice.text() == said:
                self.notice.hide()
                self._say_today_behind()  # the notice it replaced, when it still holds
            return
        if plan is self._far_plan:  # said already (or closed by the coach)
            return
        self._far_plan = plan
        self._far_said = far_words(gap, plan.status == "cancelled")
        self.notice.offer(self._far_said, line=self._far_said,
                          action=("Solve Again", self.start_solve))

    @property
    def check_report(self):
        """The ``planner.check.CheckReport`` of the current season's plan (None: no plan, or it
        cannot be checked). While a large season's check runs in the background it is worked
        out now, in this thread: whoever asks (save, export, solve) gets the current one."""
        season = self.document.season
        if self.check_runner.pending is season:
            self._show_check(season, self._check_now(season))
        return self._check_report

    def check_pending(self) -> bool:
        """Whether the current season's plan check still runs in the background."""
        return self.check_runner.pending is not None

    def run_check(self) -> None:
        """Run the plan checker on the current plan; show its findings on the board and list.
        A large season's check not made before runs in the background (checkrun.py): until it
        ends, Plan Check says "Checking…" and the board keeps the last report's red frames
        (they went off and came back at every edit); another file's are never kept."""
        season = self.document.season
        cached = self._check_cache.get(id(season))
        if cached is not None and cached[0] is season:
            self._show_check(season, cached[1])
        elif season.plan is None:
            self._show_check(season, (None, None))
        elif self.check_runner.background(season):
            self._check_report = None
            revision, marked = self._marked
            self.board.set_violations(marked if revision == self.document.file_revision else ())
            self.violations_panel.set_checking(season)
            self.docks["check"].setWindowTitle("Plan Check: checking…")
            self.check_runner.start(season)
        else:
            self._show_check(season, self._check_now(season))

    def _check_now(self, season: Season) -> tuple:
        """The plan check of ``season``, worked out in this thread and kept."""
        result = checkrun.checked(season)
        self._remember_check(season, result)
        self._said_unchecked(result[1])
        return result

    def _said_unchecked(self, problem: str | None) -> None:
        if problem:
            # said where the coach looks, and kept there: a status line of 8 s left the
            # panel saying "No plan to check yet" over a plan nothing checked any more
            self.statusBar().showMessage(f"The plan could not be checked: {problem}", 8000)

    @Slot(object, object)
    def _on_checked(self, season: Season, result: tuple) -> None:
        """A background check ended: kept, and shown only when ``season`` is still the current
        one and waits for it (an older season's report is never shown as the current one's)."""
        self._remember_check(season, result)
        if season is self.document.season and self.check_runner.pending is season:
            self._said_unchecked(result[1])
            self._show_check(season, result)
            self._refresh_inspector()  # the cell's breaches as this report has them
            self._summary_checked(season)

    def _show_check(self, season: Season, result: tuple) -> None:
        """``season``'s (the current season's) plan check on the board, in Plan Check, the
        Returns panel's note and the status bar."""
        report, problem = result
        if problem is None:  # a check that failed before is mended: its words go
            self.statusBar().withdraw("The plan could not be checked")
        self._check_report = report
        marked = tuple(report.violations) if report is not None else ()
        self._marked = (self.document.file_revision, marked)
        self.board.set_violations(marked)
        self.violations_panel.set_report(season, report, problem)
        n = len(panels.broken(report))
        self.docks["check"].setWindowTitle(f"Plan Check ({n})" if n else
                                           "Plan Check ⚠" if problem else "Plan Check")
        self.check_runner.settle(season)
        self._say_returns_stale(season)

    def _refresh_returns(self, season: Season) -> None:
        """Each injured athlete's return (after every solve and edit): the Returns panel, the
        board's name column (a missed target), the inspector and the Injuries editor."""
        cached = self._returns_cache.get(id(season))
        rets = cached[1] if cached is not None and cached[0] is season else None
        try:
            if rets is None:
                rets = season_returns(season)
                self._remember_returns(season, rets)
            rows = return_rows(season, rets, self.board.today_override)
        except PeriodizeError as e:
            rows = []
            self.statusBar().showMessage(f"The returns could not be worked out: {e}", 8000)
        else:
            self.statusBar().withdraw("The returns could not be worked out")
        self.return_rows = rows
        self.returns_panel.set_rows(rows, untested_rows(season, rows, self.board.today_override))
        self._say_returns_stale(season)
        self.board.set_returns(rows)
        self.inspector.set_returns(rows)
        self.injuries_editor.set_returns(rows)
        missed = sum(1 for r in rows if r.missed_in_plan)  # final or not
        self.docks["returns"].setWindowTitle("Returns ⚠" if missed else "Returns")

    def _say_returns_stale(self, season: Season) -> None:
        """The returns read the stored plan: after a change it no longer fits (a flare-up just
        recorded), the Returns panel says they are the plan's from before it, counted as the
        status bar counts them (one sentence); nothing while the season is being checked."""
        report = None if self.check_runner.pending is season else self._check_report
        self.returns_panel.set_stale(
            panels.broken_words(report) if self.return_rows and panels.broken(report) else "",
            plan_again_to(season, "see the returns as they are now"))

    def _remember_returns(self, season: Season, rets: list | None) -> None:
        """Keep the returns of recent documents (undo and redo need no new work)."""
        if rets is None:
            return
        self._returns_cache[id(season)] = (season, rets)
        while len(self._returns_cache) > 12:
            self._returns_cache.pop(next(iter(self._returns_cache)))

    def _remember_check(self, season: Season, report) -> None:
        """Keep the reports of recent documents: undo and redo then need no new check."""
        self._check_cache[id(season)] = (season, report)  # the season is kept: its id stays its own
        while len(self._check_cache) > 12:
            self._check_cache.pop(next(iter(self._check_cache)))

    @Slot(str, object)
    def _on_current_changed(self, athlete: str, day) -> None:
        if athlete and not self._typing_settled(athlete, day):
            return  # the board went back to the athlete typed for (that move said so)
        if self.board.header_click is None:  # a day's header clicked: its squad page follows
            self._inspector_day = None  # a cell chosen: its page, not the squad's day
            self._refresh_inspector()  # after the question: while it is open, the athlete typed for
        if athlete:
            self.squad_editor.select(athlete)
            self.injuries_editor.select(athlete)

    def _typing_settled(self, athlete: str, day) -> bool:
        """The board moved to ``athlete``: typing not applied in the Squad or Injuries form
        (of the athlete shown there) was thrown away unasked. Asked now, as unsaved changes
        are: Apply it, Discard it, or Cancel (the board goes back; the form keeps it)."""
        sq, inj = self.squad_editor, self.injuries_editor
        forms = (("Squad", sq, sq.selected_id()), ("Injuries", inj, inj.selected_athlete()))
        text = editors.unapplied(forms, self.document.season, athlete)
        if text is None:
            return True
        # Cancel the default: a stray Return (keys typed on after the board move) loses nothing
        answer = self.interaction.choose("Apply what you typed?", text,
                                         ("apply", "discard", "cancel"), "cancel")
        for _title, editor, shown in forms:
            if shown in (None, athlete) or not editor.pending():
                continue
            if answer == "apply":
                editor.apply_typed()
            elif answer == "discard":
                editor.forget_typing()
        back = next((shown for _t, ed, shown in forms if shown not in (None, athlete)
                     and ed.pending()), None) if answer != "discard" else None
        if back is not None:  # cancelled, or the form refused: stay with it
            self.board.set_current(back, day)
            return False
        return True

    @Slot(str, object)
    def move_competition_to(self, comp_id: str, first) -> bool:
        """A competition marker dropped on another day: the competition moves there (its length
        kept) as one undo step; a refused drop is explained in the status bar."""
        c = self.document.season.competition(comp_id)
        if c is None:
            return False
        return self.apply_edit(E.MoveCompetition(competition=comp_id, date=first,
                                                 end_date=first + (c.last - c.date)), quiet=True)

    @Slot(str, str, object)
    def pin_stage_start(self, athlete: str, stage: str, day) -> bool:
        """A stage boundary dropped on another day: a pin of the stage's start there (one undo
        step; it replaces an earlier pin of the same stage); a start the records or the
        protocol's minimum days rule out is refused in the status bar."""
        from planner.rehab import earliest_start
        from planner.season import StagePin
        from planner.text import day_long

        season = self.document.season
        p0 = season.calendar.today
        who = season.athlete(athlete).name if season.athlete(athlete) else athlete
        what = "back to full training" if stage == "FIT" else f"{stage}"
        if p0 is not None and day < p0:
            self.statusBar().showMessage(f"Not done: {who} cannot start {what} on "
                                         f"{day_long(day)}: the days before {day_long(p0)} keep "
                                         f"what happened.", 15000)
            return False
        first = earliest_start(season, athlete, stage)
        if first is not None and day < first:
            self.statusBar().showMessage(f"Not done: {who} cannot start {what} before "
                                         f"{day_long(first)} (the protocol's minimum days).", 15000)
            return False
        return self.apply_edit(E.AddPin(pin=StagePin(athlete=athlete, stage=stage, date=day)),
                               quiet=True)

    @Slot(str, object)
    def _on_cell_clicked(self, _athlete: str, _day) -> None:
        """A click on the board shows the inspector when another tab hides it."""
        self.show_inspector()

    @Slot(object)
    def show_squad_day(self, day) -> None:
        """A day's header clicked: the Inspector shows that day across the squad (again after
        each change of the season, until a cell is chosen)."""
        self._inspector_day = day
        self.inspector.show_day(self.document.season, day)
        self.show_inspector()

    def show_inspector(self) -> None:
        """The Inspector brought to the front when another tab hides it (an open panel the
        coach closed stays closed)."""
        dock = self.docks["inspector"]
        # a dock behind another tab is moved out of sight, not hidden
        if dock.toggleViewAction().isChecked() and dock.visibleRegion().isEmpty():
            dock.raise_()

    def _refresh_inspector(self) -> None:
        cur = self.board.current()
        season = self.document.season
        day = getattr(self, "_inspector_day", None)
        if day is not None and season.calendar.start <= day <= season.calendar.end:
            self.inspector.show_day(season, day)  # the squad's day a header click showed
            return
        self._inspector_day = None
        if cur is None:
            self.inspector.show_cell(season, None, None)
            return
        self.inspector.show_cell(season, cur[0], cur[1], self.board.violations_at(*cur))

    @Slot(str, object)
    def select_cell(self, athlete: str, day) -> None:
        """Select a cell on the board (from a violation, a conflict or a link)."""
        self.board.set_current(athlete or None, day)
        self.board.setFocus()

    @Slot(object)
    def _show_date(self, day) -> None:
        """An editor's selected item: the board shows its date (on the current athlete)."""
        cur = self.board.current()
        self.board.set_current(cur[0] if cur else None, day)

    @Slot(str)
    def select_athlete(self, athlete: str) -> None:
        """An athlete chosen in the squad or injuries editor or found (Edit ▸ Find Athlete…):
        the board selects its row, on the day selected, else today."""
        if not athlete:
            return
        cur = self.board.current()
        day = cur[1] if cur else (self.document.season.calendar.today
                                  or self.document.season.calendar.start)
        self.board.set_current(athlete, day)

    @Slot(str)
    def show_rule(self, rule_id: str) -> None:
        if self.rules_panel.show_rule(rule_id):
            self.show_dock("rules")

    @Slot(object)
    def show_settings(self, keys: list) -> None:
        """Rules with the settings ``keys`` alone (Plan Check's HV-1 advice names them)."""
        if self.rules_panel.show_settings(keys):
            self.show_dock("rules")

    TALL_DOCKS = ("log", "load", "roles")  # tables and charts: a strip of them shows nothing

    def _shown_from_menu(self, key: str, dock: QDockWidget) -> None:
        """A dock opened from the View menu, or chosen there while a tab behind another, comes
        to the front; a tall one under the board gets a useful height (the Log opened in the
        170 px the Solver Explanation had left, showing two of 24 athletes). The keyboard goes
        into it (it stayed on the board: a coach on the keyboard could not reach the panel he
        had just asked for)."""
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, self, lambda: tabchain.focus_first(dock.widget()))
        if key in self.TALL_DOCKS:
            QTimer.singleShot(0, self, lambda: self._ensure_height(dock))
        QTimer.singleShot(0, self, self.leave_board_room)  # with the window: not run once gone
        height = self.height()
        QTimer.singleShot(0, self, lambda: self._keep_on_screen_if_grown(height))

    def _keep_on_screen_if_grown(self, height: int) -> None:
        """A dock opened made the window taller than ``height``: it stays on the screen."""
        if self.height() > height:
            keep_on_screen(self)

    def _ensure_height(self, dock: QDockWidget) -> None:
        vertical = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
        if dock.isFloating() or not dock.isVisible() or self.dockWidgetArea(dock) not in vertical:
            return
        want = max(240, int(self.height() * 0.42))
        if dock.height() < 0.75 * want:  # the board keeps half the height it shares with it
            open_under_board(self, dock, want, self.board)
        else:  # the height it had, or Qt gave it (half of a 150 % window), at most as much
            board_first(self, self.board, UNDER_BOARD, 0)

    def show_dock(self, key: str) -> None:
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        QTimer.singleShot(0, self, self.leave_board_room)
        height = self.height()
        QTimer.singleShot(0, self, lambda: self._keep_on_screen_if_grown(height))

    def open_editor(self, key: str) -> None:
        """Season ▸ an editor: shown in front, the keyboard in its first field, the Rules
        panel's in its find field (opened from the menu with the keyboard, the focus stayed on
        the board, the panel already in front too, and Tab wandered off elsewhere)."""
        self.show_dock(key)
        first = {"competitions": self.competitions_editor.name, "blocks": self.blocks_editor.name,
                 "daysoff": self.days_off_editor.date, "squad": self.squad_editor.name,
                 "injuries": self.injuries_editor.athlete, "rules": self.rules_panel.find}.get(key)
        if first is not None:
            first.setFocus(Qt.FocusReason.ShortcutFocusReason)

    BOARD_SHARE = 0.35  # of the window's width, below which the side panels narrow
    SIDE_MIN = 260  # a side panel's width at the narrowest: its forms still read

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        """The side panels follow the window's width as they do when an editor opens: a window
        narrowed to 1024 x 600 with an editor open left the board a quarter of it (250 pixels),
        and one widened again to 1280 kept its narrowed panels, the right one's tabs scrolled
        ("eturns | Plan Check …", the Inspector out of sight)."""
        super().resizeEvent(event)
        old = event.oldSize()
        if not old.isValid() or old.width() == event.size().width():
            return
        timer = getattr(self, "_room_timer", None)
        if timer is None:  # one pass after a live resize's last step, not one a step
            timer = self._room_timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(self.ROOM_DELAY_MS)
            timer.timeout.connect(self._fit_side_panels)
        if not timer.isActive():
            self._room_from = old.width()
        timer.start()

    ROOM_DELAY_MS = 150  # the side panels' re-fit waits this long after a window's resize

    def _fit_side_panels(self) -> None:
        """A wider window widens back the side panels it narrowed itself; a narrower one
        narrows them for the board. A width the coach dragged a panel to is kept when the
        window grows (a 290-pixel Inspector jumped to 420 when the window grew 10 pixels)."""
        before = getattr(self, "_room_from", self.width())
        if self.width() > before:
            self.give_panels_room()
        elif self.width() < before:
            self.leave_board_room()

    def _narrowed_docks(self) -> dict:
        """The docks the window narrowed for the board, each with (the width it had before,
        the width the window left it); one the coach has resized since is dropped."""
        record = getattr(self, "_narrowed", None)
        if record is None:
            record = self._narrowed = {}
        for dock, (_before, left) in list(record.items()):
            if abs(dock.width() - left) > 2 and not behind_a_tab(dock):
                del record[dock]  # the coach's width now
        return record

    def _side_docks(self) -> list[QDockWidget]:
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        return [d for d in docks_of(self)  # those behind a tab keep an old width
                if d.isVisible() and not d.isFloating() and not behind_a_tab(d)
                and self.dockWidgetArea(d) in sides]

    def give_panels_room(self) -> None:
        """A wider window gives the side panels it narrowed for the board their width back
        (:meth:`leave_board_room` records them), as far as the board keeps its share; a panel
        the coach resized since keeps the coach's width."""
        width = self.width()
        spare = self.board.width() - int(self.BOARD_SHARE * width) - 1
        record = self._narrowed_docks()
        narrow = [d for d in self._side_docks() if d in record and d.width() < record[d][0]]
        if spare <= 0 or not narrow:
            return
        # one dock per tab group (tabbed docks share one width)
        groups: dict[int, QDockWidget] = {}
        for d in narrow:
            groups.setdefault(self.dockWidgetArea(d).value, d)
        docks = list(groups.values())
        need = sum(record[d][0] - d.width() for d in docks)
        share = min(1.0, spare / need)
        widths = [d.width() + int((record[d][0] - d.width()) * share) for d in docks]
        self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        self.layout().activate()
        for d in docks:  # tabbed docks share the group's width
            for other in [o for o in record if self.dockWidgetArea(o) == self.dockWidgetArea(d)]:
                if other.width() >= record[other][0] or share >= 1.0:
                    del record[other]
                else:
                    record[other] = (record[other][0], other.width())

    def leave_board_room(self) -> None:
        """On a 1024-pixel-wide screen an editor opened beside the Inspector (380 pixels each)
        left the board the names and two days; the side panels then narrow to about a quarter
        of the window each, so the board keeps about half of it. Panels whose fields need more
        than that (the Squad list beside the Scenarios at 150 %: the board 430 of 1366 pixels,
        "Today in this…") narrow further, their fields scrolled sideways, so the board keeps
        :data:`BOARD_SHARE` of the width. Also run when the window is narrowed
        (:meth:`resizeEvent`)."""
        width = self.width()
        if self.board.width() >= self.BOARD_SHARE * width:
            return
        self._narrow_sides(width)
        if self.board.width() < self.BOARD_SHARE * width:
            docks = self._side_docks()
            record = self._narrowed_docks()
            before = {d: record.get(d, (d.width(), 0))[0] for d in docks}
            if board_first(self, self.board, 0, self.BOARD_SHARE):
                for d in docks:
                    record[d] = (before[d], d.width())

    def _narrow_sides(self, width: int) -> None:
        """The side panels narrowed to about a quarter of ``width`` each, no narrower than their
        fields need (:meth:`leave_board_room`)."""
        side = max(self.SIDE_MIN, int(0.26 * width))
        sides = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)
        docks, widths = [], []
        for d in docks_of(self):
            if not d.isVisible() or d.isFloating() or self.dockWidgetArea(d) not in sides:
                continue
            want = max(side, self._panel_width(d))  # a form keeps its fields whole
            if d.width() > want:
                docks.append(d)
                widths.append(want)
        if docks:
            record = self._narrowed_docks()
            before = {d: record.get(d, (d.width(), 0))[0] for d in docks}
            self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
            self.layout().activate()  # the widths now, to tell the coach's later drag from them
            for d in docks:
                record[d] = (before[d], d.width())

    @staticmethod
    def _panel_width(dock: QDockWidget) -> int:
        """The narrowest a dock's panel is read without a sideways scroll."""
        from PySide6.QtWidgets import QScrollArea

        area = dock.widget()
        if isinstance(area, QScrollArea) and area.widget() is not None:
            return (area.widget().minimumSizeHint().width()
                    + area.verticalScrollBar().sizeHint().width() + 2 * area.frameWidth() + 4)
        return area.minimumSizeHint().width() if area is not None else 0

    def _show_cell_menu(self, athlete: str, day, global_pos) -> None:
        """The board's menu for a cell (non-blocking popup; ``self.cell_menu`` keeps it)."""
        from ui.desktop.boardmenu import cell_menu

        old = getattr(self, "cell_menu", None)
        if old is not None:
            old.deleteLater()
        menu = cell_menu(self.document.season, athlete, day, self.apply_edit, self)
        menu.addSeparator()
        menu.addAction("W&hy? (Inspector)", lambda: self.show_dock("inspector"))
        self.cell_menu = menu
        menu.popup(global_pos)

    @Slot(str)
    def _on_zoom_changed(self, zoom: str) -> None:
        (self.day_zoom_action if zoom == "day" else self.week_zoom_action).setChecked(True)
        shown, weeks = self.board.weeks_shown()
        # on a small screen, or beside an editor, week zoom does not show the whole season
        seen = ("the whole season" if shown >= weeks else
                f"{shown} of {weeks} weeks show (scroll for the others, or close a panel)")
        self.statusBar().showMessage(
            "Day zoom: a column per day." if zoom == "day"
            else f"Week zoom: {seen}; each week shows its speed days.", 5000)

    def _after_undo_redo(self, what: str) -> None:
        self.notice.hide_export()
        stack = self.undo_stack
        i = stack.index() if what == "Redone" else stack.index()
        text = stack.text(i - 1) if what == "Redone" else stack.text(i)
        typed = self.editor_undo.unapplied()
        if typed:  # an editor's form still shows what was typed, not the season
            text += (f". Typed, not applied yet: {', '.join(typed)} (Apply, or Ctrl+Z in the "
                     "field to take it back)")
        self.statusBar().showMessage(f"{what}: {text}", 10000 if typed else 5000)

    @Slot()
    def go_to_today(self) -> None:

        season = self.document.season
        day = self.board.today_override or season.calendar.today or season.calendar.start
        day = min(max(day, season.calendar.start), season.calendar.end)
        cur = self.board.current()
        self.board.set_current(cur[0] if cur else None, day)
        self.board_keys.to_board()  # the arrows then move on the board, not in a field behind

    @Slot()
    def prewarm_solver(self) -> None:
        """Import OR-Tools in a background thread (see ``ui.desktop.solving.prewarm``)."""
        from ui.desktop.solving import prewarm

        if getattr(self, "prewarm_thread", None) is None:
            self.prewarm_thread = prewarm()

    def show_help(self, page: str = "start"):
        """Help ▸ Getting Started (``start``), Help ▸ User Guide (``guide``), Help ▸ Rules
        (``rules``) or Help ▸ File Formats (``formats``), in one help window."""
        from ui.desktop.helpdocs import HelpWindow

        if getattr(self, "help_window", None) is None:
            self.help_window = HelpWindow(self)
        if page == "rules":
            self.help_window.show_rules()
        elif page == "guide":
            self.help_window.show_user_guide()
        elif page == "formats":
            self.help_window.show_file_formats()
        else:
            self.help_window.show_getting_started()
        return self.help_window

    @Slot()
    def about(self) -> None:
        from planner import __version__

        self.interaction.about(
            "About Periodize",
            f"<h3>Periodize {__version__}</h3>"
            "<p>Plan a team's season: high-velocity exposures, deloads and tapers around rehab "
            "stages and competitions, with every rule and its evidence written down.</p>"
            "<p>Solver: OR-Tools CP-SAT. Interface: Qt for Python (PySide6).</p>")

    # -- dialogs ---------------------------------------------------------------------------
    @Slot()
    def new_dialog(self) -> editors.NewSeasonDialog | None:
        """File ▸ New: opens (non-blocking) the new-season dialog after the unsaved prompt.
        The season as it is then is the one that prompt was about (``_new_over``): one that
        changes while the dialog is open (a solve ends, unsaved work is recovered) is asked
        about again at OK (:meth:`_new_from`)."""
        if not self._maybe_keep_changes():
            return None
        dlg = editors.NewSeasonDialog(self, self.document.season)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._new_from(dlg))
        self.new_season_dialog = dlg
        self._new_over = self.document.revision
        dlg.open()
        return dlg

    def close_new_dialog(self) -> None:
        """The New Season dialog closed unused (a recovered season is shown in its place: its OK
        replaced the recovered work with an empty season)."""
        from shiboken6 import isValid

        dlg = getattr(self, "new_season_dialog", None)
        if dlg is not None and isValid(dlg) and dlg.isVisible():
            dlg.reject()

    def _new_from(self, dlg: editors.NewSeasonDialog) -> None:
        try:
            season = dlg.season()
        except (ValueError, PeriodizeError) as e:
            self.interaction.warn("Season not started", str(e))
            return
        # changed since the dialog opened (a solve that ended, recovered work): asked again, as
        # File ▸ New asks; OK replaced a solved plan or recovered changes without a question
        if self.document.revision != self._new_over and not self._maybe_keep_changes(
                why="The season changed while the New Season dialog was open.\n\n"):
            self.statusBar().showMessage(f"New season not started: “{self._season.name}” is "
                                         f"kept as it is.", 10000)
            return
        if dlg.notes and self._path is not None:  # Save As opens beside the last season's file
            QSettings().setValue("lastDir", str(self._path.parent))
        self.set_document(season, None)
        if dlg.notes:  # the season after the open one: what it carried and what it left
            self.statusBar().showMessage(
                f"New season “{season.name}”: add its competitions (Season menu), then Plan ▸ "
                f"Solve (F5); File ▸ Save As keeps it beside the last season's file.", 10000)
            self.interaction.inform(
                "Next season", f"“{season.name}” starts from the last season's squad. The last "
                f"season's file is unchanged; save this one as a new file (File ▸ Save As).\n\n"
                + "\n".join(f"• {n}" for n in dlg.notes))
            return
        new = self._new_file()
        self.statusBar().showMessage(
            f"New season “{season.name}”: add the squad and competitions (Season menu), "
            f"then Plan ▸ Solve (F5)" + (f"; Ctrl+S proposes {new.name}." if new else "."), 10000)

    @Slot()
    def season_settings_dialog(self) -> editors.SeasonSettingsDialog:
        dlg = editors.SeasonSettingsDialog(self.document.season, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._settings_from(dlg))
        self.settings_dialog = dlg
        dlg.open()
        return dlg

    def _settings_from(self, dlg: editors.SeasonSettingsDialog) -> None:
        edit = dlg.edit()
        if edit is not None and dlg.shortening is not None:
            edit = self._shortened(dlg.shortening, edit)
        if edit is not None:
            self.weekly.apply_settings(edit)  # a new today goes through Move Today

    def _shortened(self, shorten: E.ShortenSeason, edit: E.SetSeasonSettings
                   ) -> E.SetSeasonSettings | None:
        """Season Settings with an earlier end the coach chose to reach by removing what falls
        after it: the shortening and the other settings as one undo step; what is left to do
        (a new today, through Move Today), or None."""
        season = self.season
        rest = edit.model_copy(update={"today": None, "clear_today": False})
        try:
            shortened = shorten.apply(season)
            after = rest.apply(shortened)
        except PeriodizeError as e:  # the season changed under the dialog: said, nothing done
            self.interaction.warn("Change not made", str(e))
            return None
        text = shorten.describe(season) + (", and the other settings changed"
                                           if after != shortened else "")
        if not self.apply_edit(shorten, after=after, text=text):
            return None
        today = None if edit.clear_today else edit.today
        if today == self.season.calendar.today:
            return None
        return E.SetSeasonSettings(today=today, clear_today=edit.clear_today)

    # -- files -----------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self._path is not None:
            return str(self._path.parent)
        # the folder of the file that did not open, or of the new one asked for, where it is
        failed = self.demo_instead_of or self.new_file
        if failed is not None and failed.parent.is_dir():
            return str(failed.parent.resolve())
        return str(QSettings().value("lastDir", str(Path.home())))

    @Slot()
    def open_dialog(self) -> None:
        if not self._maybe_keep_changes():
            return
        path = self.interaction.open_file("Open season", self._start_dir(), FILE_FILTER)
        if path:
            QSettings().setValue("lastDir", str(Path(path).parent))
            self.open_path(path)

    @Slot()
    def save(self) -> bool:
        if self._path is None:
            return self.save_as()
        return self.save_to(self._path)

    @Slot()
    def save_as(self) -> bool:
        suggestion = str(self._path or self._new_file() or
                         Path(self._start_dir()) / (_safe_name(self._season.name) + ".season.json"))
        chosen = self.interaction.save_file("Save season as", suggestion, FILE_FILTER)
        if chosen is None:
            return False
        path = chosen[0]
        if not path.endswith(".json"):
            path += ".season.json"
            if not fileio.replace_confirmed(self, path):
                return False
        QSettings().setValue("lastDir", str(Path(path).parent))
        return self.save_to(path)

    def _maybe_keep_changes(self, quitting: bool = False, why: str = "") -> bool:
        """False when the coach cancels; True when the document may be replaced or closed.
        ``quitting`` (the window closes): a solve running is asked about first
        (:meth:`_solve_may_stop`: with nothing unsaved, Ctrl+Q dropped it without a word).
        ``why``: what the question begins with (why it is asked now)."""
        if quitting and self._running_solve() is not None:
            what = self._running_solve()[1]
            if not self._solve_may_stop():
                return False
            if self._running_solve() is None and self._modified:  # it ended while asked
                why = f"The {what} has ended.\n\n" + why
        overwritten = self._overwritten_save()
        if not self._modified:
            return True
        by = "another Periodize window" if overwritten and self._by_window(overwritten) else (
            "another program")
        why += (f"“{self._path.name}” was saved here, then {by} saved over it at "
                f"{overwritten.modified:%H:%M}: the season in this window is in no file now.\n\n"
                if overwritten is not None else "")
        answer = self.interaction.choose(
            "Unsaved changes", f"{why}Save the changes to “{self._season.name}” first?",
            ("save", "discard", "cancel"), "save")
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _running_solve(self) -> tuple[BackgroundJob, str] | None:
        """The solve running (F5, or Move Today's re-plan from today) and what it is called."""
        if self.solve_job.is_running():
            return self.solve_job, "solve"
        if self.weekly.job.is_running():
            return self.weekly.job, "re-plan from today"
        return None

    def _solve_may_stop(self) -> bool:
        """The window closes while a solve runs: True when the coach lets it stop (its plan
        lost). Wait for It keeps the window open and closes it once the solve has ended (its
        plan taken, so the unsaved-changes question comes then); Cancel keeps both. The solve
        ending while the question is open answers it Wait for It: it went on offering to "Quit
        and Lose It" a solve already ended, the status bar saying "Solved in 2.4 s"."""
        job, what = self._running_solve()
        title = "Solve running" if job is self.solve_job else "Re-plan running"

        def ended(_result) -> None:
            self._answer_wait(title)

        job.finished.connect(ended)
        try:
            answer = self.interaction.choose(
                title, f"A {what} is running ({job.elapsed():.0f} s so far). Quit "
                f"and lose it?\n\nWait for It closes the window once it ends, its plan kept (and "
                f"asks about saving it); Cancel keeps the window open and the {what} running.",
                ("quitsolve", "waitsolve", "cancel"), "waitsolve")
        finally:
            job.finished.disconnect(ended)
        if answer == "waitsolve" and not job.is_running():
            return True  # it ended while the question was open: its plan is taken, closing goes on
        if answer == "waitsolve":
            if not getattr(self, "_close_after_solve", False):  # asked twice: closed once
                self._close_after_solve = True
                job.finished.connect(self._close_when_solved,
                                     Qt.ConnectionType.SingleShotConnection)
            stop = ("Plan ▸ Cancel Solve stops it sooner and keeps the best plan found so far"
                    if job is self.solve_job else "Cancel in the status bar stops it sooner")
            self.statusBar().showMessage(f"The window closes when the {what} ends; {stop}.")
        return answer == "quitsolve"

    def _answer_wait(self, title: str) -> None:
        """The solve asked about (the question ``title``) has ended: the question, if it shows,
        is answered Wait for It (its plan is taken, nothing is lost by closing now)."""
        answer_shown(self, title, "Wait for It")

    @Slot(object)
    def _close_when_solved(self, result: JobResult) -> None:
        """Wait for It: the solve ended (its plan taken, after ``_on_solve_done``), so the
        window closes; not when another season was opened meanwhile."""
        self._close_after_solve = False
        if not result.replaced:
            QTimer.singleShot(0, self, self.close)

    def _add_recent(self, path: Path) -> None:
        settings = QSettings()
        recent = [str(path.resolve())] + [p for p in _recent(settings) if p != str(path.resolve())]
        settings.setValue("recentFiles", recent[:MAX_RECENT])

    @Slot()
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in _recent(QSettings()) if Path(p).exists()]
        if not recent:
            a = self.recent_menu.addAction("(none)")
            a.setEnabled(False)
            return
        for p in recent:
            a = self.recent_menu.addAction(Path(p).name)
            a.setData(p)
            a.setToolTip(p)
            a.triggered.connect(self._open_recent)

    @Slot()
    def _open_recent(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and action.data() and self._maybe_keep_changes():
            self.open_path(action.data())

    # -- solving ---------------------------------------------------------------------------
    @Slot()
    def start_solve(self) -> None:
        if self.solve_job.is_running():
            return
        self._hide_stale()
        season = self.document.season
        self.solve_job.start(
            solve_work(season, self.solve_time_limit, reference=season.plan, solve_fn=self._solve_fn),
            label="Solving…", limit=self.solve_time_limit, stop=new_stop(),
            basis=lambda: solve_inputs(self.document.season))
        self._update_actions()
        self.statusBar().showMessage("Solving the season…")

    @Slot()
    def cancel_solve(self) -> None:
        self.solve_job.cancel()

    def plan_found_after_conflict(self) -> None:
        """A solve or a re-plan found a plan: the explanation of an earlier solve without one
        is withdrawn (it said "the last solve found no plan" after a re-plan had found one),
        and its panel, opened for that conflict, gives the board its room back."""
        conflict_shown = self.explanation.outcome is not None
        self.explanation.reset("<p><i>The last solve found a plan: no conflict to "
                               "explain.</i></p>")
        if conflict_shown:
            self.docks["explanation"].hide()

    @Slot(object)
    def _on_solve_done(self, result: JobResult[SolveResult]) -> None:
        self._update_actions()
        if result.failed:  # the job runner showed the message
            self.solve_failed.emit(result.error)
            return
        outcome = result.value.outcome
        before = self.season.plan  # the plan the accepted one replaces (the days it changed)
        same = self._same_plan(outcome)
        # the same days made with a log the stored plan was not: stored, so it records the log
        # it was made with (planner.scenarios.logged_since; "made without … logged since" ends)
        kept = same and outcome.plan.logged_with == self.season.plan.logged_with
        if result.replaced:
            self.statusBar().showMessage(
                f"Solve result ({outcome.status.value}) ignored: another season was opened while "
                f"solving.", 10000)
        elif result.stale and (outcome.plan is not None or outcome.status.value == "infeasible"):
            self._offer_stale(outcome, result.value.rules)
        elif outcome.plan is not None and (was := self._backs()) is not None \
                and (spikes := self._spikes()) is not None \
                and (kept or self._accept_plan(result.value)):
            self.plan_found_after_conflict()
            self.statusBar().showMessage(self._solved_text(outcome, same) + self._spikes_text(spikes)
                                         + self._moved_text(was) + self._changed_text(before))
        else:
            self._show_no_plan(outcome)
        self.solve_finished.emit(outcome)

    def _offer_stale(self, outcome: Outcome, rules=None) -> None:
        """A result for the season as it was: offered above the board, never applied by itself.
        ``rules``: the rule settings it was solved under."""
        from planner.validate import plan_problems

        self._stale, self._stale_rules = outcome, rules
        # a plan for another today or squad (Move Today undone while its re-plan ran) cannot be
        # applied: "Apply this plan anyway?" ended in "Change not made" and schema paths
        fits = outcome.plan is not None and not plan_problems(self.season, outcome.plan)
        if outcome.plan is None:
            text = ("the solver found no plan (the rules conflicted) for the season as it was. "
                    "Solve again (F5) for the current season.")
        elif fits:
            text = ("the solver found a plan for the season as it was. Apply this plan anyway? "
                    "(The plan check will show what it breaks now; Undo takes it back.)")
        else:
            text = ("the solver's plan was made for the season as it was then (another today, "
                    "squad or dates) and does not fit it now, so it cannot be applied. Solve "
                    "again (F5) for the season as it is now.")
        self.banner.offer(f"The season changed while solving: {text}")
        self.banner.apply_button.setVisible(fits)
        self.banner.solve_button.setVisible(not fits)
        QTimer.singleShot(0, self, self._board_keeps_half)  # the banner's height is the board's
        self.statusBar().showMessage("A solve result for an older version of the season "
                                     "is offered above the board.", 10000)
        self.stale_result_offered.emit(outcome)

    def _board_keeps_half(self) -> None:
        """The offer of an older solve's result, shown above the board, took its height from
        the board (the Log a re-plan opened and the banner of the re-plan undone left it one
        athlete at 150 %): the docks under the board give it, so that the board keeps half the
        height it shares with them and the banner (:data:`UNDER_BOARD`); they get it back when
        the banner goes (:meth:`_banner_gone`)."""
        if not self.banner.isVisible():
            return
        self.centralWidget().layout().activate()
        self.layout().activate()
        docks = docks_around(self)
        before = [d.height() for d in docks]
        if board_first(self, self.board, UNDER_BOARD, 0, above=self.banner.height(),
                       least=True):
            self._banner_took = (docks, before, [d.height() for d in docks])

    BANNER_SLACK = 8  # px a dock may have moved since the banner took its height and get it back

    def _banner_gone(self) -> None:
        """The banner closed: the docks under the board get back the height they gave it, when
        they are as it left them (none closed, none dragged since): within
        :data:`BANNER_SLACK` pixels, as a relayout (the Roles grid fitted, a plan applied) moves
        them a few, and they kept the height taken (the board kept it, the Roles one player)."""
        took, self._banner_took = getattr(self, "_banner_took", None), None
        if took is None or self.banner.isVisible():
            self._banner_took = took
            return
        docks, before, after = took
        if docks_around(self) == docks and all(
                abs(d.height() - h) <= self.BANNER_SLACK for d, h in zip(docks, after, strict=True)):
            self.resizeDocks(docks, before, Qt.Orientation.Vertical)

    def _backs(self) -> dict:
        """The Returns panel's days back before a solve is accepted: (athlete, onset) -> day."""
        return {(r.athlete, r.onset): r.back for r in self.return_rows if r.planned}

    def _changed_text(self, before) -> str:
        """The days the accepted re-solve changed from the plan before it, the first few named
        (a pin to rest, then F5, dropped a speed day and the status bar said only "+1 for days
        changed from the previous plan")."""
        after = self.season.plan
        if before is None or after is None or before is after:
            return ""
        from planner.plandiff import plan_changes
        from planner.progress import team_weeks_changed

        # the squad's deload or taper week moved: every printed page of those weeks is old
        team = "".join(" " + x for x in team_weeks_changed(
            self.season.model_copy(update={"plan": before}), self.season))
        changes = plan_changes(self.season, before, after)
        if not changes.days and not changes.planned:
            return team
        return f"{team} Days changed: {changes.short(self.season)}."

    def _spikes(self) -> int:
        """LD-1's planned load spikes in the plan check before a solve is accepted (-1: none)."""
        return self.check_report.counts().get("LD-1", 0) if self.check_report is not None else -1

    def _spikes_text(self, was: int) -> str:
        """With LD-1 steering the plan (a weight above 0), how many load spikes the accepted plan
        keeps and how many there were: the count was only in Plan Check, so a coach who had just
        given LD-1 a weight could not tell whether it did anything."""
        if self.check_report is None or not RuleSet(self.season.rules).value("LD-1", "weight"):
            return ""
        now = self.check_report.counts().get("LD-1", 0)
        before = f" (was {was:,})" if was >= 0 and was != now else ""
        return f" Planned load spikes (LD-1): {now:,}{before}."

    def _moved_text(self, was: dict) -> str:
        """The returns the accepted solve moved (a flare-up recorded, then F5, moved Kofi's return
        by a month, and the status bar said only "Solved")."""
        moved = [(r, was[(r.athlete, r.onset)]) for r in self.return_rows
                 if r.planned and (r.athlete, r.onset) in was and was[(r.athlete, r.onset)] != r.back]
        if not moved:
            return ""

        def back(d) -> str:
            return day_long(d) if d is not None else "not this season"

        from planner.progress import if_no_flare_up

        said = "; ".join(f"{r.name} back {back(r.back)}{if_no_flare_up(self.season, r.athlete)} "
                         f"(was {back(old)})" for r, old in moved[:3])
        more = f"; and {len(moved) - 3} more" if len(moved) > 3 else ""
        return f" Returns moved: {said}{more} (Returns panel)."

    def _same_plan(self, outcome: Outcome) -> bool:
        """Is the solve's plan the stored one, made under the season's rules? Then accepting it
        is no change: no undo step, and the file is not marked modified (F5 pressed out of habit
        on a solved season asked Save or Discard on close for nothing)."""
        return (outcome.plan is not None and same_plan(self.season.plan, outcome.plan)
                and self.document.rules_of_plan() == self.season.rules)

    def _solved_text(self, outcome: Outcome, same: bool = False) -> str:
        """The solve in one short line, what matters first (the status bar cuts the rest): how
        good the plan is in words (``same``: the plan stored before, kept). A plan not proven
        the best also gives its soft-rule penalty, the Plan Check's number, said as what it is;
        a proven one does not ("Soft-rule penalty 31,063" read as nothing, and pushed the days
        the re-solve changed off the line: Plan Check breaks the penalty down)."""
        secs = f" in {outcome.wall_time:.1f} s" if outcome.wall_time else ""
        if past := self._past():  # "the best plan the rules allow (proven)" of nothing to plan
            return f"Solved{secs}: {past}"
        words = plan_words(outcome.status.value, outcome.objective, outcome.bound)
        if (gap := far_gap(outcome.plan)) is not None:  # said first: the notice says the rest
            early = "the best plan so far (stopped early), " if outcome.status.value == "cancelled" \
                else ""
            words = (f"{early}not proven, may be far from the best possible (up to {gap:.0f} %): "
                     f"solve again (F5) or give it more time ({MORE_TIME})")
        if same:
            words = "the same plan as before" + (
                " (proven)" if outcome.status.value == "optimal" else f", {words}")
        text = f"Solved{secs}: {words}."
        if outcome.status.value == "optimal":
            return text
        report = self.check_report
        penalty = report.objective if report is not None else None
        if penalty is not None:
            text += f" Soft-rule penalty {amount(penalty)}, lower is better."
        return text

    @Slot(object)
    def record_remedy(self, remedy) -> None:
        """The explanation's way on (``solver.api.Remedy``): record the flare-up the log
        proposed, or that the athlete is still in the stage from that day (one undo step), then
        solve again."""
        day = dt.date.fromisoformat(remedy.date)
        if remedy.kind == "flare-up":
            edit = E.RecordFlareUp(athlete=remedy.athlete, date=day)
        else:
            edit = E.RecordStage(athlete=remedy.athlete, stage=remedy.stage, start=day)
        if self.apply_edit(edit):
            self.start_solve()

    def _show_no_plan(self, outcome: Outcome) -> None:
        status = outcome.status.value
        if status == "infeasible":
            way = " It offers a way on." if outcome.remedies else ""
            self.statusBar().showMessage("No plan: the rules conflict (see Solver Explanation "
                                         "below the board; click a conflict to see it)." + way)
            self.explanation.show_outcome(self._season, outcome)
            self.show_dock("explanation")
        elif status == "cancelled":
            self.statusBar().showMessage("Solve cancelled before a plan was found.", 10000)
        else:
            self.statusBar().showMessage(f"No plan found ({status}).")
            self.interaction.warn("No plan found", outcome.message or f"The solver found no plan "
                                  f"({status}). Give it more time or relax a rule.")

    def _accept_plan(self, result: SolveResult, what: str = "Solve") -> bool:
        """Accept the solver's plan as one undo step named for what the coach did (``what``:
        "Solve", "Re-plan from today"; it read "Accept the plan (the best possible)" whichever),
        using the season and check the worker prepared when they are for exactly the current
        season. A solve says how good its plan is; a re-plan keeps all it need not change, so
        it says only that it was stopped."""
        edit = E.SetPlan(plan=result.outcome.plan)
        quality = edit.quality()
        text = f"{what} ({quality})" if what == "Solve" or quality == "found before the stop" \
            else what
        prepared = result.prepared
        if prepared is not None and prepared.season == self.document.season \
                and prepared.edit.plan is result.outcome.plan:
            self._remember_check(prepared.after, (prepared.report, None))
            self._remember_returns(prepared.after, prepared.returns)
            return self.apply_edit(prepared.edit, prepared.after, text=text)
        return self.apply_edit(edit, text=text)

    @Slot()
    def apply_stale_result(self) -> bool:
        """Accept the offered plan (one undo step); False when it no longer fits the season."""
        from planner.validate import plan_problems

        outcome, rules = self._stale, self._stale_rules
        self._hide_stale()
        if outcome is None or outcome.plan is None:
            return False
        if plan_problems(self.season, outcome.plan):  # the season changed again since the offer
            self._offer_stale(outcome, rules)  # said in words, with Solve Again
            return False
        # made under the rules of its solve: a later rule change still re-plans the whole future
        if not self.apply_edit(E.SetPlan(plan=outcome.plan), plan_rules=rules):
            return False
        self.statusBar().showMessage("Applied the plan of the earlier solve; the plan check shows "
                                     "what it breaks now.", 10000)
        return True

    @Slot()
    def solve_again(self) -> None:
        """The banner's Solve Again: the offered result goes, a solve of the season as it is
        now starts (F5)."""
        self._hide_stale()
        self.start_solve()

    @Slot()
    def discard_stale_result(self) -> None:
        self._hide_stale()
        self.statusBar().showMessage("Discarded the older solve result.", 5000)

    def _hide_stale(self) -> None:
        self._stale = self._stale_rules = None
        self.banner.hide()
        QTimer.singleShot(0, self, self._banner_gone)

    def stale_result(self) -> Outcome | None:
        return self._stale

    # -- window ----------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        settings = QSettings()
        state = settings.value("mainWindow/state")
        self._sides_to_cap = state is None  # a layout of the coach's own is kept as it was
        if state is not None:
            # before the geometry: restored into a maximised window not shown yet, Qt keeps
            # the saved dock sizes aside and lays them out again at each of the window's
            # layouts while they do not fit it (at 150 %, a layout saved at 125 %: for good),
            # and the docks fitted to the window (fit_docks) went back to them
            self.restoreState(state, STATE_VERSION)  # an older layout is not restored
            self._close_empty_explanation()
            QTimer.singleShot(0, self.fit_docks)  # once the window has its size on this screen
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            keep_on_screen(self)  # saved on a larger screen: the status bar stays on this one
        if settings.value("board/zoom") in ("day", "week"):
            self.board.set_zoom(str(settings.value("board/zoom")))

    def _close_empty_explanation(self) -> None:
        """The Solver Explanation closed while it has nothing to explain (a start, another
        season): restored open after one solve without a plan, it took a third of a 1366 x 768
        window at every start to say "Nothing to explain". A new explanation opens it."""
        if self.explanation.outcome is None:
            self.docks["explanation"].hide()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """On the first show, at the window's own size: the side docks start at a third of it at
        most (``layout.cap_side_docks``), unless a saved layout was restored."""
        super().showEvent(event)
        if getattr(self, "_sides_to_cap", False):
            self._sides_to_cap = False
            cap_side_docks(self, [self.docks["inspector"], self.docks["squad"]])

    def fit_docks(self) -> None:
        """Docks restored at another screen's sizes (pixels) or scale left the board a strip of
        three to five rows (the Log and the Solver Explanation under it, saved at 125 % and
        opened at 200 %): the board keeps at least half the height the docks above and below
        it share with it, and a third of the width beside; the window stays on the screen."""
        keep_on_screen(self)
        h, w = self.height(), self.width()
        vertical = (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
        for dock in docks_of(self):
            if dock.isFloating() or not dock.isVisible():
                continue
            if self.dockWidgetArea(dock) in vertical:
                if dock.height() > 0.45 * h:
                    self.resizeDocks([dock], [int(0.4 * h)], Qt.Orientation.Vertical)
            elif dock.width() > 0.45 * w:
                self.resizeDocks([dock], [int(0.35 * w)], Qt.Orientation.Horizontal)
        self.layout().activate()
        board_first(self, self.board, 0.5, 1 / 3)

    def give_board_room(self) -> None:
        """View ▸ Give the Board Room (Ctrl+Shift+B): the docks around the board made smaller
        (it keeps two thirds of the height, half of the width), none closed: a keyboard coach
        could not drag a dock's edge and only closed the docks to see the squad."""
        if board_first(self, self.board, 2 / 3, 1 / 2):
            self.statusBar().showMessage("The panels around the board are smaller now.", 8000)
        else:
            self.statusBar().showMessage("The board already has the room; close a panel from "
                                         "the View menu to give it more.", 8000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._maybe_keep_changes(quitting=True):
            event.ignore()
            return
        self.whatif.shutdown()
        self.weekly.shutdown()
        self.solve_job.shutdown(5000)  # a thread that does not stop in time is kept (jobs.orphans)
        self.check_runner.shutdown()
        if getattr(self, "export_job", None) is not None:  # a workbook being written (fileio)
            self.export_job.shutdown(5000)
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState(STATE_VERSION))
        settings.setValue("board/zoom", self.board.zoom())
        if self.autosaver is not None:
            self.autosaver.stop()  # a clean exit leaves no recovery copy
        event.accept()


def _kept_words(path: Path) -> str:
    """What Overwrite keeps of a season file that does not read (planner.safefile)."""
    from planner.seasonfile import readable_backup

    bak = readable_backup(path)
    try:
        when = dt.datetime.fromtimestamp(bak.stat().st_mtime) if bak is not None else None
    except OSError:
        when = None
    if bak is None or when is None:
        return f"the damaged file is kept as {path.name}.bak."
    return (f"the backup {bak.name} ({date_short(when)} {when:%H:%M}) is kept, and the damaged "
            f"file beside it as {path.name}.damaged-DATE-TIME.")


def _same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


def _one_line(error: Exception) -> str:
    """An error as one status-bar line."""
    return " ".join(str(error).split()).rstrip(".")


def _recent(settings: QSettings) -> list[str]:
    value = settings.value("recentFiles", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in (value or [])]


def _safe_name(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip()
    return "-".join(keep.split()) or "season"
