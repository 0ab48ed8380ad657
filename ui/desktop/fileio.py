"""File > Import… and File > Export… of the main window: the coach workbook in, the plan out.

Self-contained: :func:`install` adds the actions to a window's File menu; every handler takes
the window and a path, so tests call them without dialogs. Errors are shown through the window's
interaction (a message box, never a traceback); the document is replaced only by a successful
import.

- **Import…**: a coach workbook (``templates/import-template.xlsx`` form) becomes the document,
  marked modified and without a file name (Save As writes it as a season file); imported over
  the open season (Keep Them, or the season's own workbook) it stays that file and is one Edit ▸
  Undo step, and what its sheets no longer list (a player, a match) is named.
- **Export…**: by the chosen file type, the full Excel workbook (optionally anonymised), the
  season board as a PDF (one page per month), or the season in the import-template form. The
  workbooks, seconds for a big squad, are written in the background (``ui.desktop.jobs``:
  "Writing plan.xlsx…" with Cancel in the status bar, the window free meanwhile), one export at
  a time; the board PDF, painted, is written in the window's thread a page at a time, under a
  progress dialog whose Cancel writes nothing (``ui.desktop.pageprogress``).
- **Export Coach Workbook…**: the import-template form at once, its Save dialog on that type
  and name (with or without a plan).
- **Export Calendars…**: one iCalendar file per athlete into a folder (made when missing: the
  folder chooser takes a new folder's name), in the background as the workbooks, a calendar
  at a time ("Writing the calendars… 3.1 s (12 of 41)"); Cancel writes none.

After an export a notice above the board says what was written and where, with Open and Show
folder (the window's interaction opens them), until the coach closes it; an export never
replaces the open season file. A file Periodize did not write as that kind of output (the
coach's filled-in workbook, his own calendar under an athlete's file name) is replaced only when
the coach, asked by name, says so; it is kept as ``NAME.bak`` as the command line keeps it
(``ui.outputkinds``), and the notice says where.
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from planner.errors import PeriodizeError
from planner.lockfiles import open_elsewhere
from planner.text import plural
from ui.desktop.exportweeks import weeks_stem
from ui.desktop.folders import dialog_folder, remember_dialog_folder
from ui.desktop.jobs import BackgroundJob, JobWords
from ui.outputkinds import (
    KIND_WORDS,
    REPLACEABLE,
    earlier_bak,
    exists,
    foreign,
    holds_season,
    keep_backup_for,
    open_in_folder,
    strangers_in_folder,
)

# the dialog opens on a type that shows a LibreOffice user's team.ods (and an old team.xls):
# behind the second type it was not in the list at all; chosen, the import says how to save it
IMPORT_FILTER = ("Spreadsheets (*.xlsx *.xlsm *.ods *.xls);;Excel workbook (*.xlsx *.xlsm);;"
                 "All files (*)")
EXPORT_KINDS = {  # file dialog filter -> export kind
    "Excel workbook (*.xlsx)": "xlsx",
    "Excel workbook, anonymised: athlete IDs, no diagnoses (*.xlsx)": "xlsx-anonymised",
    "Season board PDF, one page per month (*.pdf)": "pdf",
    "Season board PDF, anonymised (*.pdf)": "pdf-anonymised",
    "Coach workbook for import (*.xlsx)": "template",
}
# what each export is as an output (ui.outputkinds.written_kind): the file it may replace unasked
OUTPUT_KIND = {"xlsx": "xlsx", "xlsx-anonymised": "xlsx", "pdf": "pdf", "pdf-anonymised": "pdf",
               "template": "template"}
SUFFIX = {"xlsx": ".xlsx", "xlsx-anonymised": ".xlsx", "pdf": ".pdf", "pdf-anonymised": ".pdf",
          "template": ".xlsx"}
NEEDS_PLAN = ("xlsx", "xlsx-anonymised")  # the export kinds written from the plan
MAX_LISTED = 25  # problems listed in a message box; the rest are counted
NO_PLAN_YET = "The season has no plan yet: solve it first (Plan ▸ Solve)."


def install(window, file_menu: QMenu) -> None:
    """Add Import…, Export…, Export Coach Workbook… and Export Calendars… to ``file_menu`` and
    to the window."""
    window.import_action = QAction("&Import Excel Workbook…", window)
    window.import_action.setStatusTip("Read a season from a coach workbook (the import template)")
    window.import_action.triggered.connect(lambda: import_dialog(window))
    window.export_action = QAction("&Export…", window)
    window.export_action.setShortcut("Ctrl+E")
    window.export_action.setStatusTip("Export the plan: Excel workbook, board PDF, or the import form")
    window.export_action.triggered.connect(lambda: export_dialog(window))
    window.export_workbook_action = QAction("Export Coach &Workbook…", window)
    window.export_workbook_action.setStatusTip(
        "Write the season as a coach workbook, to edit in Excel and import again")
    window.export_workbook_action.triggered.connect(lambda: export_workbook_dialog(window))
    window.export_ics_action = QAction("Export &Calendars (iCal)…", window)
    window.export_ics_action.setStatusTip("Write one calendar file (.ics) per athlete into a folder")
    window.export_ics_action.triggered.connect(lambda: export_calendars_dialog(window))
    for a in (window.import_action, window.export_action, window.export_workbook_action,
              window.export_ics_action):
        window.addAction(a)  # the shortcut works with the menu bar hidden
        file_menu.addAction(a)


# -- the work (no dialogs: tests call these) -----------------------------------------------------
def import_into(window, path: str | Path, discarded: bool = False) -> bool:
    """Import a coach workbook as the window's document; False (and a message) on problems.
    ``discarded``: the coach chose to discard the open season's unsaved changes, so the
    workbook is imported over the season as last saved (nothing when it has no file), and
    Keep Them never asks about what was discarded."""
    from planner.coachform.read import import_workbook
    from planner.reimport import Place, decide

    under, unread = _saved_season(window) if discarded else (window.document.season, "")
    notes: list[str] = []
    absent: set[str] = set()  # the form's sheets it has not got: Keep Them keeps their rows
    try:
        with _busy():
            # the open season's overdue stage records stand (rules-spec.md section 9)
            season = import_workbook(path, notes, known=under, absent=absent)
    except PeriodizeError as e:
        _say_error(window, "Workbook not imported", e)
        window.statusBar().showMessage("Import failed; the current season is unchanged.", 8000)
        return False
    # the season's own workbook with nothing to keep updates the open file, as Keep Them does,
    # rather than leaving the coach on an unsaved new season (another season's stays new)
    place = Place("Keep Them", lambda _day: "Move Today opens on it.",
                  details="Show Details… lists them all")
    decision = decide(under, season, place, update_own=window.path is not None, absent=absent)
    if decision.renumbered:  # kept or not, their records would be lost: a new season, or nothing
        if not _import_renumbered(window, under, decision):
            window.statusBar().showMessage("Import cancelled; the current season is unchanged.", 8000)
            return False
        decision = decide(None, season, place, absent=absent)
    if decision.ask:
        keep = _keep_over_open(window, under, decision.ask, as_saved=discarded,
                               changes=decision.changes, every=decision.removed_all)
        if keep is None:
            window.statusBar().showMessage("Import cancelled; the current season is unchanged.", 8000)
            return False
        decision = decide(under, season, place, keep=keep, update_own=window.path is not None,
                          absent=absent)
    kept = decision if decision.over else None
    if kept and kept.dropped and not _import_anyway(window, under, kept):
        window.statusBar().showMessage("Import cancelled; the current season is unchanged.", 8000)
        return False
    if kept is not None:  # the open season brought up to date: it stays that season file
        doc = window.document
        window.import_over(kept.season, f"Import workbook {Path(path).name}", under if discarded else None)
        notes += kept.notes
        after = (f"Save it (Ctrl+S) to update {doc.path.name}." if doc.path is not None
                 else "Save it as a season file (File ▸ Save As).")
    else:
        window.set_document(season, None, modified=True)
        notes += decision.notes  # a sheet the workbook has not got, read as empty
        after = "Save it as a season file (File ▸ Save As)."
    if kept is not None:  # the season file updated: the workbook's sheets give the squad
        notes[:0] = [x for x in (kept.changes, kept.removed) if x]
    if discarded:
        after = f"The unsaved changes were discarded. {unread}{after}"
    if unread:  # not in a 10-second status line alone: the season's file did not read
        notes.insert(0, unread.strip())
    window.statusBar().showMessage(
        f"Imported {Path(path).name}: {plural(len(season.athletes), 'athlete')}, "
        f"{plural(len(season.competitions), 'competition')}, "
        f"{plural(len(season.injuries), 'injury', 'injuries')}"
        f"{'; ' + plural(len(notes), 'note') + ' shown' if notes else ''}. {after}", 10000)
    if notes:  # read other than written: a coach should see each (an unread column, a position)
        listed, every = _bullets(notes)  # a long list cut short, every note under Show Details…
        window.interaction.inform("Imported, with notes", listed, details=every)
    if kept is not None and kept.later_today:
        window.weekly.move_today(kept.later_today)
    return True


def _import_anyway(window, under, kept) -> bool:
    """Asked before the season is replaced: what Keep Them still cannot keep, each item with its
    reason (a note after the season was replaced was the first a coach heard of his log going).
    True to import without them."""
    return _ask_listed(
        window, "Not all can be kept", kept.changes,
        f"Of what “{under.name}” holds, this cannot be kept in the imported season:", kept.dropped,
        "Import anyway (they are left out), or Cancel: the season stays as it is; correct the "
        "workbook and import it again.", "importanyway")


def _import_renumbered(window, under, decision) -> bool:
    """The workbook lists players of the open season (``under``) under other IDs
    (``decision.renumbered``): imported over it, kept or not, their injuries, logs and pins
    would be lost (Keep Them said them "no longer in the squad"). Asked: use the workbook alone,
    a new season not saved yet (True), or Cancel to write the season's IDs in the sheet."""
    from planner.reimport import RENUMBERED_WHY

    file = f"; {window.path.name} stays as it is" if window.path is not None else ""
    return _ask_listed(
        window, "Players under other IDs", decision.changes,
        f"The workbook lists {plural(len(decision.renumbered), 'player')} of “{under.name}” "
        f"under other IDs:", decision.renumbered,
        f"{RENUMBERED_WHY} (Cancel). Or use the workbook alone: a new season, not saved "
        f"yet{file}.", "workbook")


def _ask_listed(window, title: str, changes: str | None, head: str, items, tail: str,
                yes: str) -> bool:
    """An import question over a list (cut short, every item under Show Details…): the
    workbook's changes, ``head``, the items, ``tail``; ``yes`` or Cancel (the default). True for
    ``yes``."""
    listed, every = _bullets(items)
    return window.interaction.choose(
        title, (f"{changes}\n\n" if changes else "") + f"{head}\n{listed}\n\n{tail}",
        (yes, "cancel"), "cancel", details=every) == yes


def _saved_season(window):
    """The open season as last saved and "" (None: it has no file, or the file no longer reads:
    then the words that say so, as the workbook is then used alone)."""
    from planner.seasonfile import load_season

    if window.path is None:
        return None, ""
    try:
        return load_season(window.path), ""
    except (PeriodizeError, OSError) as e:
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        return None, (f"{window.path.name}, the season as last saved, could not be read "
                      f"({why}), so the workbook was used alone. ")


def _keep_over_open(window, open_season, words: str, as_saved: bool = False,
                    changes: str = "", every: list[str] | None = None) -> bool | None:
    """The open season (``open_season``: as on screen, or as last saved) holds what the workbook
    does not carry (a plan, pins, rule settings, scenarios) or rows it has not got (sessions,
    rehab records, a later today), said in ``words`` (``planner.reimport.decide``): ask to keep
    it in the imported season where it still fits (True; the workbook's rows stand), use the
    workbook alone (False), or cancel (None). ``changes``: the season's name, start or end the
    workbook changes (``Decision.changes``), said first: a mistyped year is caught here.
    ``every``: the whole list of what the workbook removes when ``words`` cuts it short
    (``Decision.removed_all``), under Show Details…: "and 8 more" left 8 players unnamed."""
    # after Discard the question is about the season as last saved, not the one on screen; and
    # each answer's file said (Keep Them stays that file, the workbook alone is a new season)
    which = " as last saved (the changes on screen are discarded)" if as_saved else ""
    file = (f"Keep Them updates {window.path.name} once saved; the workbook alone is a new "
            f"season, not saved yet." if window.path is not None else "")
    answer = window.interaction.choose(
        "Import over the season",
        (f"{changes}\n\n" if changes else "")
        + f"“{open_season.name}”{which} {words}.\n\nKeep Them, or use the workbook alone and "
        f"lose it all? {file}".rstrip(),
        ("keepover", "workbook", "cancel"), "keepover",
        details="Removed:\n" + "\n".join(f"• {x}" for x in every) if every else "")
    return None if answer == "cancel" else answer == "keepover"


def _is_the_season_file(window, path: str | Path) -> bool:
    """Whether ``path`` is the open season file itself (an export must not replace it)."""
    if window.path is None:
        return False
    try:
        return Path(path).resolve() == Path(window.path).resolve()
    except OSError:
        return False


def written(window, what: str, path: Path, folder: Path, open_file: bool = True,
            kept: str = "") -> str:
    """Say what was written and where, until the coach closes it: Open and Show folder.
    ``kept``: where the file it replaced is kept (:func:`keep_previous`). The words said, for a
    window in front of the main one to say too."""
    tail = f".{kept}" if kept else ""
    line = f"{what} {path.name} in {folder}{tail}"
    window.statusBar().showMessage(f"{what} {path}{tail}", 8000)
    window.notice.offer(f"{what} <b>{html.escape(path.name)}</b> in {html.escape(str(folder))}"
                        f"{html.escape(tail)}", str(path) if open_file else "", str(folder),
                        line=line)  # the folder cut, not wrapped
    return line


def may_replace(window, path: str | Path, kind: str) -> bool:
    """False (and a message) when ``path`` holds a season file; when it holds a file Periodize
    did not write as output ``kind`` (ui.outputkinds: a coach workbook, the coach's own PDF),
    the coach is asked, naming it; True when the export may write there."""
    p = Path(path)
    if exists(p) and p.is_file() and holds_season(p):
        window.interaction.error("Could not export", f"{p} is a season file; an export would "
                                 f"replace it. Choose another name.")
        return False
    if why := open_elsewhere(p):  # the program would write over the export when it saves
        window.interaction.error("Could not export", f"{p.name} {why}.")
        return False
    if problem := _write_problem(p):  # said before any question, not after the build
        window.interaction.error("Could not export", problem)
        not_exported(window, p)
        return False
    what = foreign(kind, p)
    if what is None:
        return True
    unlike = f", not {KIND_WORDS[kind]}" if kind in REPLACEABLE else ""
    older = earlier_bak(kind, p)  # said before it happens, not only in the notice after
    moved = f" (the {p.name}.bak there now is kept as {older.name})" if older else ""
    if window.interaction.confirm(
            "Replace the file?", f"{p.name} {what}{unlike}. Replace it? It is kept as "
            f"{p.name}.bak{moved}, which no later export writes over.", default=False):
        return True
    not_exported(window, p)
    return False


def _write_problem(path: str | Path) -> str:
    """Why a write to ``path`` would be refused now (``planner.safefile.write_problem``: a
    read-only file, a folder that takes no file), as a sentence; "" when none."""
    from planner.safefile import write_problem

    problem = write_problem(path)
    return f"{problem.rstrip('.')}." if problem else ""


def keep_previous(path: str | Path, kind: str) -> tuple[bool, str]:
    """Whether the file at ``path`` an export of output ``kind`` is about to replace is kept as
    ``NAME.bak``, as the command line does (ui.outputkinds.keep_backup_for: a ``.bak`` holding
    the coach's own file is never written over): the export's write's ``backup``; and the words
    that say where it is, for :func:`written` ("" when nothing was there)."""
    p = Path(path)
    notes: list[str] = []
    backup = keep_backup_for(kind, p, notes.append)
    if backup:
        notes.insert(0, f"The previous {p.name} is kept as {p.name}.bak.")
    return backup, "".join(f" {n}" for n in notes)


def hand_out_anyway(window) -> bool:
    """True unless the plan breaks hard rules of the season as it is now (an edit kept it) and
    the coach, told so, chooses not to export it."""
    report = getattr(window, "check_report", None)
    note = report.broken_note() if report is not None else None
    return note is None or window.interaction.confirm(
        "Plan breaks hard rules", f"{note} Export it anyway?", default=False)


def export_to(window, path: str | Path, kind: str, weeks: list[int] | None = None) -> bool:
    """Export the window's document as ``kind`` (a value of ``EXPORT_KINDS``) to ``path``;
    ``weeks`` (0-based; None: the whole season): those of the plan workbook's Calendar, week
    pages and Load table (``planner.xlsx_export``). The workbooks are written in the background
    (:data:`IN_BACKGROUND`): True then says the export started, and its end is said in the
    status bar (:func:`_export_done`)."""
    season = window.season
    needs_plan = kind in NEEDS_PLAN
    if _still_exporting(window):
        return False
    if needs_plan and not _has_plan(window):
        return False
    if _is_the_season_file(window, path):
        window.interaction.error("Could not export", f"{path} is the season file itself; an "
                                 f"export would replace it. Choose another name.")
        return False
    if not may_replace(window, path, OUTPUT_KIND[kind]):
        return False
    if needs_plan and not hand_out_anyway(window):
        return False
    if kind in IN_BACKGROUND:
        backup, kept = keep_previous(path, OUTPUT_KIND[kind])  # as NAME.bak
        work = _workbook_work(season, Path(path), kind, backup, kept,
                              getattr(window, "check_report", None), weeks)
        return _export_job(window).start(work, label=f"Writing {Path(path).name}…", limit=10)
    if kind not in ("pdf", "pdf-anonymised"):
        raise ValueError(f"unknown export kind {kind!r}")
    # painted in the window's thread (QPainter), a page at a time: the progress dialog lets the
    # window handle its events between pages, and its Cancel stops before anything is written
    from ui.desktop.pageprogress import page_dialog, page_step
    from ui.desktop.pdf import PagesCancelled, export_board_pdf, months

    shown = page_dialog(window, len(months(season)), "Export Board PDF",
                        f"Writing the board to {Path(path).name}…")
    try:
        with _busy():
            backup, kept = keep_previous(path, OUTPUT_KIND[kind])  # as NAME.bak
            export_board_pdf(season, path, anonymise=kind.endswith("anonymised"), backup=backup,
                             progress=lambda done, n: page_step(shown, done, n))
    except PagesCancelled:
        window.statusBar().showMessage(f"Board PDF not exported: stopped; {Path(path).name} was "
                                       f"not written.", 8000)
        return False
    except (PeriodizeError, OSError) as e:
        _export_failed(window, Path(path), e)
        return False
    finally:
        shown.close()
    path = Path(path).resolve()
    written(window, "Exported", path, path.parent, kept=kept)
    return True


IN_BACKGROUND = ("xlsx", "xlsx-anonymised", "template")  # no painting: a worker thread writes them
EXPORT_WORDS = JobWords(progress_name="Export progress",
                        cancel_tip="Stop the export: the file is not written",
                        failed="The export stopped with an error", title="Could not export",
                        refused="Could not export")


@dataclass(frozen=True)
class Exported:
    """How a background export ended: ``written`` False when it was stopped before the file was
    written; ``error`` the reason it could not be (a SaveError, an OSError)."""

    path: Path
    kept: str = ""  # where the file it replaced is kept (keep_previous)
    written: bool = False
    error: Exception | None = None


def _workbook_work(season, path: Path, kind: str, backup: bool, kept: str, check,
                   weeks: list[int] | None = None):
    """The work of a background export: the workbook made and written atomically, as before."""
    def work(_report, stop) -> Exported:
        try:
            if kind == "template":
                from planner.coachform.write import save_template_form

                save_template_form(season, path, backup=backup)
                done = True
            else:
                from planner.xlsx_export import export_workbook

                done = export_workbook(season, season.plan, path, anonymise=kind.endswith("anonymised"),
                                       check=check, backup=backup, weeks=weeks,
                                       stopped=stop.is_set)
        except (PeriodizeError, OSError) as e:
            return Exported(path, error=e)
        return Exported(path, kept, written=done)
    return work


def _export_job(window) -> BackgroundJob:
    """The window's export job (made on first use): progress and Cancel in the status bar (the
    calendars said as they are made: "12 of 41")."""
    job = getattr(window, "export_job", None)
    if job is None:
        job = window.export_job = BackgroundJob(window, EXPORT_WORDS, bar_width=120,
                                                detail=_export_detail)
        job.finished.connect(lambda result: _export_done(window, result))
    return job


def _still_exporting(window) -> bool:
    """True (and said) while a background export is being written: one at a time."""
    job = getattr(window, "export_job", None)
    if job is None or not job.is_running():
        return False
    window.interaction.inform(
        "Still exporting", f"{job.progress_label.text()} Wait until the status bar says it is "
        f"done (or press its Cancel), then export again.")
    return True


def _export_detail(progress) -> str:
    """A background export's report after its elapsed time: the files made of all."""
    done, n = progress
    return f" ({done} of {n})"


def _export_done(window, result) -> None:
    """Say how a background export ended: written (the notice), stopped, or why not."""
    done: Exported | CalendarsExported | None = result.value
    if done is None:  # an unexpected failure: the job said it
        return
    if isinstance(done, CalendarsExported):
        _calendars_done(window, done)
        return
    if done.error is not None:
        _export_failed(window, done.path, done.error)
    elif not done.written:
        window.statusBar().showMessage(f"Not exported: stopped; {done.path.name} was not "
                                       f"written.", 8000)
    else:
        path = done.path.resolve()
        written(window, "Exported", path, path.parent, kept=done.kept)


def _export_failed(window, path: Path, error: Exception) -> None:
    if isinstance(error, PeriodizeError):
        _say_error(window, "Could not export", error)
    else:
        window.interaction.error("Could not export", f"{path}: could not be written "
                                 f"({getattr(error, 'strerror', None) or error}); choose another "
                                 f"folder or name")
    not_exported(window, path)


def not_exported(window, path: str | Path) -> None:
    """The status line of an export not made: ``path`` as it was, or, when no file was there
    (an export to a new name), that nothing was written. A write is all or nothing, so a file
    there now was there before."""
    p = Path(path)
    left = f"{p.name} is as it was" if exists(p) else "nothing was written"
    window.statusBar().showMessage(f"Not exported: {left}.", 8000)


def export_calendars_to(window, folder: str | Path) -> bool:
    """One .ics per athlete into ``folder`` (created when missing), written in the background
    (the window's export job: "Writing the calendars…", a calendar at a time, with Cancel in
    the status bar; 12 s for a squad of 40 over a season froze the window): True says the export
    started, and its end is said (:func:`_calendars_done`). All are written or none: Cancel
    writes nothing."""
    season = window.season
    if _still_exporting(window):
        return False
    if not _has_plan(window):
        return False
    folder = Path(folder)
    if busy := open_in_folder(season, folder, "ics", anonymise=False):  # as a single file's
        window.interaction.error("Calendars not exported", "\n".join(busy[:5]) + (
            f"\n… and {len(busy) - 5} more" if len(busy) > 5 else ""))
        return False
    strangers = strangers_in_folder(season, folder, "ics", anonymise=False)
    if strangers and not _replace_calendars(window, folder, strangers):
        return False
    if not hand_out_anyway(window):
        return False
    from planner.ical import no_earlier_calendars

    fresh = no_earlier_calendars(season, folder.resolve())
    return _export_job(window).start(_calendars_work(season, folder, tuple(strangers), fresh),
                                     label="Writing the calendars…", limit=10)


@dataclass(frozen=True)
class CalendarsExported:
    """How a background calendar export ended: ``files`` the files written (none when it was
    stopped: nothing is written then); ``error`` the reason it could not be."""

    folder: Path
    files: tuple[Path, ...] = ()
    strangers: tuple[Path, ...] = ()  # the coach's own files replaced, kept as NAME.bak
    notes: tuple[str, ...] = ()  # what was done beside (a .bak kept elsewhere)
    own: tuple[str, ...] = ()  # the export's own words (the folder's calendars of another season)
    fresh: str = ""  # no earlier calendars in the folder (planner.ical.no_earlier_calendars)
    error: Exception | None = None
    season: object = None  # the season exported (the window's may be another by now)

    @property
    def written(self) -> bool:
        return bool(self.files)


def _calendars_work(season, folder: Path, strangers: tuple[Path, ...], fresh: str):
    """The work of a background calendar export: every calendar made, then all written as one
    (``planner.filegroup.write_group``), or nothing when stopped (a folder it made removed)."""
    def work(report, stop) -> CalendarsExported:
        from planner.filegroup import kept_only_if_written
        from planner.ical import export_calendars

        notes: list[str] = []
        own: list[str] = []
        existed = folder.exists()

        def keep() -> frozenset[str]:  # as the command line's --replace
            return frozenset(p.name for p in strangers if keep_backup_for("ics", p, notes.append))

        try:
            with kept_only_if_written(folder):
                folder.mkdir(parents=True, exist_ok=True)
                files = export_calendars(season, season.plan, folder, keep=keep, notes=own,
                                         progress=lambda done, n: report((done, n)),
                                         stopped=stop.is_set)
        except (PeriodizeError, OSError) as e:
            return CalendarsExported(folder, error=e, season=season)
        if not files and not existed:
            with contextlib.suppress(OSError):
                folder.rmdir()  # made for the export, empty: not left to look like one
        return CalendarsExported(folder, tuple(files), strangers, tuple(notes), tuple(own), fresh,
                                 season=season)
    return work


def _calendars_done(window, done: CalendarsExported) -> None:
    """Say how a background calendar export ended: the files written (the notice), stopped, or
    why not."""
    folder = done.folder
    if isinstance(done.error, PeriodizeError):
        _say_error(window, "Calendars not exported", done.error)
        return
    if done.error is not None:
        error = done.error
        window.interaction.error("Calendars not exported",
                                 f"{folder}: could not be written "
                                 f"({getattr(error, 'strerror', None) or error}); choose "
                                 f"another folder")
        return
    if not done.written:
        window.statusBar().showMessage(f"Calendars not exported: stopped; nothing in {folder} "
                                       f"was written.", 8000)
        return
    from planner.filegroup import left_over
    from planner.ical import coachs_team_files, team_file_words

    season, files, strangers = done.season, list(done.files), done.strangers
    folder = folder.resolve()
    notes = list(done.notes)
    if strangers:
        names = ", ".join(f"{p.name}.bak" for p in strangers[:3])
        which = "The file" if len(strangers) == 1 else f"The {len(strangers)} files"
        notes.insert(0, f"{which} Periodize did not write {'is' if len(strangers) == 1 else 'are'} "
                        f"kept as {names}{' …' if len(strangers) > 3 else ''}.")
    kept = "".join(f" {n}" for n in notes)
    beside = [w for w in (team_file_words(season, folder), *done.own, done.fresh) if w]
    said = (f"Wrote {plural(len(files), 'calendar file')} (one per athlete, and {files[-1].name} "
            f"for the staff) in {folder}.{kept}") + "".join(f" {w}" for w in beside)
    window.statusBar().showMessage(said, 8000)  # the notice's words: View ▸ Recent Messages
    window.notice.offer(html.escape(said), "", str(folder), line=said)
    if extra := left_over(folder, files, "calendar file", tuple(coachs_team_files(season, folder))):
        window.interaction.warn("Other calendar files", extra)


def _replace_calendars(window, folder: Path, strangers: list[Path]) -> bool:
    """Ask before the calendars replace files in ``folder`` Periodize did not write (the
    coach's own, under an athlete's file name); False (nothing written) when the coach says no."""
    shown = ", ".join(p.name for p in strangers[:5]) + (" …" if len(strangers) > 5 else "")
    they = "it" if len(strangers) == 1 else "them"
    if window.interaction.confirm(
            "Replace other files?",
            f"{folder} holds {plural(len(strangers), 'file')} Periodize did not write, under the "
            f"names this export writes (one per athlete): {shown}. Replace {they}? "
            + (f"It is kept as {strangers[0].name}.bak" if len(strangers) == 1 else
               f"Each is kept as NAME.bak ({strangers[0].name}.bak)")
            + ", which no later export writes over.",
            default=False):
        return True
    window.statusBar().showMessage(f"Calendars not exported: nothing in {folder} was changed.", 8000)
    return False


# -- dialogs -----------------------------------------------------------------------------------
def import_dialog(window) -> None:
    if not window._maybe_keep_changes():
        return
    # still modified: the coach chose Discard, and means it: the workbook goes over the season
    # as saved, never a second question about the changes just discarded
    discarded = window.modified
    path = window.interaction.open_file("Import a coach workbook", dialog_folder(window, "import"),
                                        IMPORT_FILTER)
    if path:
        QSettings().setValue("lastDir", str(Path(path).parent))
        remember_dialog_folder(window, "import", path)
        import_into(window, path, discarded=discarded)


def export_dialog(window) -> None:
    if _still_exporting(window):  # before the file dialog, not after it
        return
    # "team-plan.xlsx", not "team.xlsx": the coach workbook the season came from is often
    # "team.xlsx" in the same folder, and the plan is not that workbook
    # the kind used last is offered again (it went back to the plan workbook every time, and a
    # coach typing the coach workbook's name then wrote a plan workbook)
    kinds = _kinds_to_offer(window)
    if not kinds:
        return
    weeks = _plan_weeks(window) if any(k in NEEDS_PLAN for k in kinds.values()) else None
    if weeks is False:  # cancelled
        return
    selected = _first_filter(kinds, weeks)
    # not "<season>.xlsx" either for the form: the coach's own filled-in workbook is often that
    # and the name follows the kind picked in the dialog ("team-form.xlsx" for the form)
    names = {f: _suggested_name(window, kind, weeks) for f, kind in kinds.items()}
    _save_and_export(window, kinds, selected, names, weeks)


def _suggested_name(window, kind: str, weeks: list[int] | None) -> str:
    """The file name the export dialog offers for ``kind``: "team-plan week 23-48.xlsx", the coach
    workbook "team-form.xlsx"; an anonymised copy "team-plan-anonymised …" (it was offered the
    named plan's name, and Save replaced the named workbook with the anonymised one)."""
    stem = _file_stem(window) + ("-form" if kind == "template" else "-plan")
    if kind.endswith("anonymised"):
        stem += "-anonymised"
    return (weeks_stem(stem, weeks) if kind in NEEDS_PLAN else stem) + SUFFIX[kind]


def export_workbook_dialog(window) -> None:
    """File ▸ Export Coach Workbook…: the Save dialog on the coach workbook's type and name at
    once (it was reached only through Export…'s weeks of the Excel plan, which are not its
    own, and a change of file type there); with or without a plan."""
    if _still_exporting(window):
        return
    kinds = {f: kind for f, kind in EXPORT_KINDS.items() if kind == "template"}
    names = {f: _file_stem(window) + "-form" + SUFFIX["template"] for f in kinds}
    _save_and_export(window, kinds, next(iter(kinds)), names, None)


def _save_and_export(window, kinds: dict[str, str], selected: str, names: dict[str, str],
                     weeks: list[int] | None) -> None:
    """The Save dialog offering ``kinds`` (on ``selected``, each type's name in ``names``), then
    the export to the file chosen; the type chosen among several is offered first next time."""
    filters = ";;".join(kinds)
    suggestion = str(Path(dialog_folder(window, "export")) / names[selected])
    while True:  # Export under Another Name… opens the dialog again
        # the file dialog asks no "replace it?": a workbook open in LibreOffice was refused only
        # after the coach said Yes to it; the lock is looked at first, then the question asked
        answer = window.interaction.save_file("Export", suggestion, filters, selected, names,
                                              ask_replace=False)
        if answer is None:
            return
        path, chosen = answer
        if chosen in kinds:
            if len(kinds) > 1:
                QSettings().setValue("lastExportFilter", chosen)
            selected = chosen
        kind = kinds.get(chosen, "pdf" if path.lower().endswith(".pdf") else "xlsx")
        if not path.lower().endswith(SUFFIX[kind]):
            for other in set(SUFFIX.values()) - {SUFFIX[kind]}:  # "team-plan.xlsx" as a PDF
                if path.lower().endswith(other):
                    path = path[:-len(other)]
            path += SUFFIX[kind]
        # a read-only file (or a folder that takes no file) is said before "Replace it?" and
        # the build, as the command line does: it was refused only after both
        why = open_elsewhere(path)
        said = f"{Path(path).name} {why}." if why else _write_problem(path)
        if said:
            if window.interaction.choose("Could not export", said, ("exportas", "cancel"),
                                         "exportas") != "exportas":
                not_exported(window, path)
                return
            suggestion = path
            continue
        # a file Periodize did not write as this export is asked about, by name, by export_to
        if foreign(OUTPUT_KIND[kind], Path(path)) is None and not replace_confirmed(window, path):
            return
        break
    QSettings().setValue("lastDir", str(Path(path).parent))
    remember_dialog_folder(window, "export", path)
    export_to(window, path, kind, weeks if kind in NEEDS_PLAN else None)


def _first_filter(kinds: dict[str, str], weeks: list[int] | None) -> str:
    """The file type the export's file dialog opens on: the one used last, but a plan workbook
    when some weeks of the Excel plan were chosen (only the plan has weeks: the coach workbook
    used last was offered under its own name, and Save wrote it instead of the plan)."""
    last = str(QSettings().value("lastExportFilter", "") or "")
    selected = last if last in kinds else next(iter(kinds))
    if weeks and kinds[selected] not in NEEDS_PLAN:
        return next(f for f, kind in kinds.items() if kind in NEEDS_PLAN)
    return selected


def _plan_weeks(window) -> list[int] | None | bool:
    """The weeks of the Excel plan, asked before the file dialog (:mod:`ui.desktop.exportweeks`:
    the whole season first, as before); None for the whole season, False when cancelled."""
    from ui.desktop.exportweeks import WorkbookWeeksDialog
    from ui.desktop.weekpick import board_selection

    cur = board_selection(window)  # weeks … to … open on the week looked at
    dialog = WorkbookWeeksDialog(window.season, window, selected=cur[1] if cur else None)
    try:
        if not window.interaction.ask_dialog(dialog):
            return False
        return dialog.chosen_weeks()
    finally:  # a child of the window: kept (with the season it counted) after every export
        dialog.deleteLater()


def _kinds_to_offer(window) -> dict[str, str]:
    """The export kinds the save dialog offers: all with a plan; without one, asked first (a
    name typed for the plan workbook was met with "nothing to export yet" only afterwards),
    those written without a plan, or none when the coach declines."""
    if window.season.plan is not None:
        return EXPORT_KINDS
    if window.interaction.choose(
            "No plan to export yet", f"{NO_PLAN_YET} The plan workbooks need one; the season "
            f"board PDF and the coach workbook for import can be exported now.",
            ("exportother", "cancel"), "exportother") != "exportother":
        return {}
    return {f: kind for f, kind in EXPORT_KINDS.items() if kind not in NEEDS_PLAN}


def _has_plan(window) -> bool:
    """True when the season has a plan to export; otherwise the coach is told so."""
    if window.season.plan is not None:
        return True
    window.interaction.inform("Nothing to export yet", NO_PLAN_YET)
    return False


def replace_confirmed(window, path: str | Path) -> bool:
    """Before an export over a file the export dialog did not ask about (it asks none: the
    lock of a program that has the file open is looked at first); True when it may be written."""
    return not Path(path).exists() or window.interaction.confirm(
        "Replace the file?", f"{path} exists already. Replace it? (The file it replaces is kept "
        f"as {Path(path).name}.bak.)", default=False)


def export_calendars_dialog(window) -> None:
    if _still_exporting(window) or not _has_plan(window):  # before the folder is chosen
        return
    folder = window.interaction.choose_folder("Folder for the calendar files",
                                              dialog_folder(window, "calendars"))
    if folder:
        remember_dialog_folder(window, "calendars", folder, is_folder=True)
        export_calendars_to(window, folder)


# -- helpers -----------------------------------------------------------------------------------
def _file_stem(window) -> str:
    if window.path is not None:
        return window.path.name.removesuffix(".json").removesuffix(".season")
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in window.season.name)
    return "-".join(keep.split()) or "season"


def _bullets(items) -> tuple[str, str]:
    """The first :data:`MAX_LISTED` of ``items``, one a line, the rest counted; and every item
    for the message's Show Details…, to read and copy ("" when none was cut)."""
    shown = "\n".join(f"• {p}" for p in items[:MAX_LISTED])
    if len(items) <= MAX_LISTED:
        return shown, ""
    return (f"{shown}\n… and {len(items) - MAX_LISTED} more (Show Details… lists all "
            f"{len(items)}, to read or copy)", "\n".join(f"• {p}" for p in items))


def _say_error(window, title: str, error: PeriodizeError) -> None:
    """``error`` to the coach: its problems, a long list cut in the message and whole in its
    details."""
    problems = getattr(error, "problems", None)
    if not problems or len(problems) <= MAX_LISTED:
        window.interaction.error(title, str(error))
        return
    source = getattr(error, "source", "")
    note = f"\n{error.note}" if getattr(error, "note", "") else ""
    shown, every = _bullets(problems)
    window.interaction.error(
        title, f"{source}: {len(problems)} problems; the first {MAX_LISTED}:\n{shown}{note}",
        details=f"{source}: {len(problems)} problems:\n{every}{note}")


class _busy:
    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QGuiApplication.restoreOverrideCursor()
        return False
