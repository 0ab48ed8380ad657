"""The main window: the season board, File and Plan menus, and the background solve.

The window holds the current document (a ``planner.Season``) and its file path. It never edits
the season in place: a solved plan replaces the document with a copy carrying the new plan.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PeriodizeError
from planner.season import Season
from solver.api import Outcome, Progress, Status
from ui import fileio
from ui.board import BoardLegend, SeasonBoard
from ui.solveworker import SolveFn, SolveJob

FILE_FILTER = "Periodize season (*.season.json);;JSON files (*.json);;All files (*)"
MAX_RECENT = 8
DEMO_NAME = "demo.season.json"


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


def _number(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:,.0f}" if abs(x) >= 100 or float(x).is_integer() else f"{x:,.2f}"


class MainWindow(QMainWindow):
    solve_finished = Signal(object)  # the Outcome, after the document was updated
    solve_failed = Signal(str)
    document_changed = Signal()

    def __init__(self, season: Season | None = None, path: str | os.PathLike | None = None,
                 solve_fn: SolveFn | None = None):
        super().__init__()
        self._season: Season = season if season is not None else load_demo_season()
        self._path: Path | None = Path(path) if path else None
        self._modified = False
        self._generation = 0  # bumped each time the document is replaced (stale-result guard)
        self._job: SolveJob | None = None
        self._job_generation = -1
        self._solve_fn = solve_fn
        self._solve_started = 0.0
        self._last_progress: Progress | None = None
        self.solve_time_limit = 30.0  # seconds

        self.board = SeasonBoard(self)
        self.legend = BoardLegend(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.board, 1)
        layout.addWidget(self.legend)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._on_tick)

        self.resize(1400, 800)
        self._restore_window_state()
        self.board.set_season(self._season)
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(self._summary())

    # -- public API ------------------------------------------------------------------------
    @property
    def season(self) -> Season:
        return self._season

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def modified(self) -> bool:
        return self._modified

    def set_modified(self, modified: bool) -> None:
        self._modified = modified
        self._update_title()

    def is_solving(self) -> bool:
        return self._job is not None

    def open_path(self, path: str | os.PathLike) -> bool:
        """Open a season file; on a bad file show why and keep the current document."""
        from planner.seasonfile import load_season

        try:
            season = load_season(path)
        except PeriodizeError as e:
            QMessageBox.critical(self, "Could not open the season", str(e))
            self.statusBar().showMessage("Open failed; the current season is unchanged.", 8000)
            return False
        self.set_document(season, Path(path))
        self._add_recent(Path(path))
        self.statusBar().showMessage(f"Opened {Path(path).name}. {self._summary()}", 8000)
        return True

    def save_to(self, path: str | os.PathLike) -> bool:
        """Save the document to ``path`` (atomically); errors are shown, never raised."""
        from planner.seasonfile import save_season

        try:
            save_season(self._season, path)
        except PeriodizeError as e:
            QMessageBox.critical(self, "Could not save the season", str(e))
            return False
        except OSError as e:  # e.g. a read-only folder on the backup copy
            QMessageBox.critical(self, "Could not save the season",
                                 f"{path}: could not be saved ({e.strerror or e}); "
                                 f"the previous file is unchanged")
            return False
        self._path = Path(path)
        self._modified = False
        self._add_recent(self._path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {self._path}", 5000)
        return True

    def set_document(self, season: Season, path: Path | None, modified: bool = False) -> None:
        """Replace the document (a new file); a solve still running is stopped and ignored."""
        self._season = season
        self._path = path
        self._modified = modified
        self._generation += 1
        if self._job is not None:
            self._job.cancel()
        self.board.set_season(season)
        self._update_title()
        self._update_actions()
        self.document_changed.emit()

    # -- actions ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
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

        for a in (self.open_action, self.save_action, self.save_as_action, self.quit_action,
                  self.solve_action, self.cancel_action):
            self.addAction(a)  # shortcuts work even with the menu bar hidden

    def _build_menus(self) -> None:
        mb = self.menuBar()
        file_menu = mb.addMenu("&File")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_action)
        file_menu.addAction(self.save_as_action)
        file_menu.addSeparator()
        fileio.install(self, file_menu)  # Import…, Export…, Export Calendars… (ui/fileio.py)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        plan_menu = mb.addMenu("&Plan")
        plan_menu.addAction(self.solve_action)
        plan_menu.addAction(self.cancel_action)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.progress_label = QLabel(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Solve progress")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop the solver and keep the best plan found so far")
        self.cancel_button.clicked.connect(self.cancel_solve)
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            sb.addPermanentWidget(w)
            w.hide()

    def _update_actions(self) -> None:
        solving = self._job is not None
        self.solve_action.setEnabled(not solving)
        self.cancel_action.setEnabled(solving)

    def _update_title(self) -> None:
        name = self._path.name if self._path else "demo (not saved)"
        star = "*" if self._modified else ""
        self.setWindowTitle(f"{self._season.name} — {name}{star} — Periodize")

    def _summary(self) -> str:
        s = self._season
        days = (s.calendar.end - s.calendar.start).days + 1
        plan = f"plan: {s.plan.status}" if s.plan else "no plan yet (Plan ▸ Solve, F5)"
        return (f"{len(s.athletes)} athletes, {len(s.competitions)} competitions, "
                f"{days} days; {plan}")

    # -- files -----------------------------------------------------------------------------
    def _start_dir(self) -> str:
        if self._path is not None:
            return str(self._path.parent)
        return str(QSettings().value("lastDir", str(Path.home())))

    @Slot()
    def open_dialog(self) -> None:
        if not self._maybe_keep_changes():
            return
        path, _ = QFileDialog.getOpenFileName(self, "Open season", self._start_dir(), FILE_FILTER)
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
        suggestion = str(self._path) if self._path else str(
            Path(self._start_dir()) / (_safe_name(self._season.name) + ".season.json"))
        path, _ = QFileDialog.getSaveFileName(self, "Save season as", suggestion, FILE_FILTER)
        if not path:
            return False
        if not path.endswith(".json"):
            path += ".season.json"
        QSettings().setValue("lastDir", str(Path(path).parent))
        return self.save_to(path)

    def _maybe_keep_changes(self) -> bool:
        """False when the coach cancels; True when the document may be replaced or closed."""
        if not self._modified:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes",
            f"Save the changes to “{self._season.name}” first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

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
        if self._job is not None:
            return
        job = SolveJob(self._season, time_limit=self.solve_time_limit, solve_fn=self._solve_fn,
                       parent=self)
        job.progress.connect(self._on_solve_progress)
        job.finished.connect(self._on_solve_finished)
        job.failed.connect(self._on_solve_failed)
        self._job = job
        self._job_generation = self._generation
        self._solve_started = time.monotonic()
        self._last_progress = None
        self.progress_bar.setRange(0, max(1, int(self.solve_time_limit * 10)))
        self.progress_bar.setValue(0)
        self.progress_label.setText("Solving…")
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.show()
        self.cancel_button.setEnabled(True)
        self._update_actions()
        self.statusBar().showMessage("Solving the season…")
        self._tick.start()
        job.start()

    @Slot()
    def cancel_solve(self) -> None:
        if self._job is None:
            return
        self._job.cancel()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Stopping…")
        self.statusBar().showMessage("Stopping the solver; keeping the best plan found so far…")

    @Slot(object)
    def _on_solve_progress(self, progress: Progress) -> None:
        self._last_progress = progress
        self._show_progress()

    @Slot()
    def _on_tick(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        if self._job is None:
            return
        elapsed = time.monotonic() - self._solve_started
        self.progress_bar.setValue(min(self.progress_bar.maximum(), int(elapsed * 10)))
        if not self.cancel_button.isEnabled():
            return
        text = f"Solving… {elapsed:.1f} s"
        pr = self._last_progress
        if pr is not None:
            text += f" · objective {_number(pr.objective)} · bound {_number(pr.bound)}"
        self.progress_label.setText(text)

    def _end_solve(self) -> None:
        self._tick.stop()
        self._job = None
        for w in (self.progress_label, self.progress_bar, self.cancel_button):
            w.hide()
        self._update_actions()

    @Slot(object)
    def _on_solve_finished(self, outcome: Outcome) -> None:
        stale = self._job_generation != self._generation
        self._end_solve()
        status = outcome.status.value if isinstance(outcome.status, Status) else str(outcome.status)
        if stale:
            self.statusBar().showMessage(
                f"Solve result ({status}) ignored: another season was opened while solving.", 10000)
        elif outcome.plan is not None:
            self._season = self._season.model_copy(update={"plan": outcome.plan})
            self._modified = True
            self.board.set_season(self._season)
            self._update_title()
            self.document_changed.emit()
            text = f"Solved: {status}"
            if outcome.objective is not None:
                text += f" · objective {_number(outcome.objective)}"
            if outcome.bound is not None:
                text += f" · bound {_number(outcome.bound)}"
            if outcome.wall_time:
                text += f" · {outcome.wall_time:.1f} s"
            if outcome.status == Status.CANCELLED:
                text += " (stopped early: best plan so far)"
            self.statusBar().showMessage(text)
        elif outcome.status == Status.INFEASIBLE:
            self.statusBar().showMessage("No plan: the rules conflict (see the explanation).")
            QMessageBox.warning(self, "No plan satisfies the rules", _explain(outcome))
        elif outcome.status == Status.CANCELLED:
            self.statusBar().showMessage("Solve cancelled before a plan was found.", 10000)
        else:
            self.statusBar().showMessage(f"No plan found ({status}).")
            QMessageBox.warning(self, "No plan found",
                                outcome.message or f"The solver found no plan ({status}). "
                                "Give it more time or relax a rule.")
        self.solve_finished.emit(outcome)

    @Slot(str)
    def _on_solve_failed(self, text: str) -> None:
        self._end_solve()
        self.statusBar().showMessage("The solver stopped with an error.")
        QMessageBox.critical(self, "The solver stopped with an error", text)
        self.solve_failed.emit(text)

    # -- window ----------------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("mainWindow/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._maybe_keep_changes():
            event.ignore()
            return
        if self._job is not None:
            job = self._job
            self._job = None
            self._tick.stop()
            if not job.shutdown(5000):
                # The solver did not stop in time; keep the job alive until it does, so the
                # thread is not destroyed while running.
                _ORPHANS.append(job)
                job.setParent(None)
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/state", self.saveState())
        event.accept()


_ORPHANS: list[SolveJob] = []


def _recent(settings: QSettings) -> list[str]:
    value = settings.value("recentFiles", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in (value or [])]


def _safe_name(name: str) -> str:
    keep = "".join(ch if ch.isalnum() or ch in " -_" else "-" for ch in name).strip()
    return "-".join(keep.split()) or "season"


def _explain(outcome: Outcome) -> str:
    lines = [outcome.message or "The hard rules cannot all be met."]
    if outcome.explanation:
        lines.append("")
        lines.append("These rules conflict:")
        for c in outcome.explanation:
            who = f" ({c.athlete})" if c.athlete else ""
            when = f" {c.start}" + (f" – {c.end}" if c.end and c.end != c.start else "")
            lines.append(f"• {c.rule}{who}{when}: {c.text}")
    return "\n".join(lines)
