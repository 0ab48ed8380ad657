"""One runner for background work (Anki's ``CollectionOp``, git-cola's stale-result guard): the
season's solve, the what-if re-plans and the Excel exports (``ui.desktop.fileio``) run through a
:class:`BackgroundJob`.

A job owns everything around the work itself:

- the thread: a worker ``QObject`` moved to a ``QThread`` runs ``work(report, stop)``; its
  signals go to methods of a ``QObject`` that lives in the GUI thread (design.md section 5: a
  queued call to a lambda would wait on the busy worker thread);
- progress in the window's status bar: a label, a bar and a Cancel button, refreshed every 200 ms
  and on every report of the work;
- cancel: the Cancel button (or :meth:`BackgroundJob.cancel`) requests the stop flag the work
  polls; the job keeps running until the work returns (the solver keeps its best plan);
- the stale-result guard: ``basis()`` is taken when the job starts and again when it ends; a
  result for a document that changed meanwhile comes back marked ``stale`` (the caller offers it
  instead of applying it), and one for a document that was replaced (another file opened) comes
  back marked ``replaced``; opening another file also stops the work;
- failure: an exception of the work is shown to the coach as one sentence (through the window's
  :mod:`~ui.desktop.interaction`), never as a traceback; a fault is logged with its traceback,
  Periodize's own refusal of its input (a ``PeriodizeError``) is not logged;
- shutdown: when the window closes the work is stopped and its thread joined; a thread that does
  not end in time is kept (:func:`orphans`) so Qt never destroys a running thread.

Every run ends with one ``finished`` signal carrying a :class:`JobResult` (a frozen dataclass:
the work's own typed value, or the failure).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton

from planner.errors import PeriodizeError, error_words

log = logging.getLogger(__name__)

T = TypeVar("T")
TICK_MS = 200  # the progress text and bar are refreshed this often


class StopFlag(Protocol):
    """What the work polls to stop early (``solver.api.StopToken`` is one)."""

    def request(self) -> None: ...

    def is_set(self) -> bool: ...


class Flag:
    """A plain stop flag, for work that is not a solve."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def request(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


# ``work(report, stop)``: runs in the worker thread, touches no widget, calls ``report(progress)``
# as often as it likes and returns the job's value.
Work = Callable[[Callable[[Any], None], StopFlag], Any]


@dataclass(frozen=True)
class JobWords:
    """The words of one kind of job in the status bar and its messages."""

    progress_name: str  # the accessible name of the progress bar, e.g. "Solve progress"
    cancel_tip: str  # the Cancel button's tooltip
    failed: str  # the failure in the status bar and its message, e.g. "The solver stopped with an error"
    cancel_name: str = "Cancel"  # the Cancel button's accessible name
    stopping: str = ""  # the status-bar message while the work stops (empty: none)
    # the failure message's title: short, or a small box's title bar cuts it ("The re-plan
    # from t…n error")
    title: str = "Stopped with an error"
    # the work refused its input (a PeriodizeError: a season with no training weekday), said
    # in the command line's words alone: no "stopped with an error" before them
    refused: str = "Not planned"


@dataclass(frozen=True)
class JobResult(Generic[T]):
    """How one run of a job ended."""

    value: T | None = None  # what the work returned; None when it failed
    error: str = ""  # the failure as the coach read it ("" when the work returned)
    cancelled: bool = False  # Cancel was pressed (the work may still have returned a value)
    stale: bool = False  # the document changed while the work ran: offer, do not apply
    replaced: bool = False  # another document was opened meanwhile: nothing to apply it to
    seconds: float = 0.0  # how long it ran

    @property
    def failed(self) -> bool:
        return bool(self.error)


class _Worker(QObject):
    """Runs the work in the thread it was moved to; only emits, never touches widgets."""

    progress = Signal(object)
    done = Signal(object)  # the work's value
    failed = Signal(str, bool)  # an error as text a coach can read; True: its input refused

    def __init__(self, work: Work, stop: StopFlag):
        super().__init__()
        self._work = work
        self._stop = stop

    def _report(self, progress: object) -> None:
        self.progress.emit(progress)  # called on the work's thread(s): emit only

    @Slot()
    def run(self) -> None:
        lower_priority()
        try:
            value = self._work(self._report, self._stop)
        except Exception as e:  # noqa: BLE001 - any failure must reach the window, not kill the thread
            if not isinstance(e, PeriodizeError):  # a fault: its traceback logged. A season
                # refused (its input said in the dialog) is none: "background work failed" and a
                # traceback on the terminal the app was started from read as a crash
                log.exception("background work failed")
            # a KeyError('A3') alone would read "'A3'"
            self.failed.emit(error_words(e), isinstance(e, PeriodizeError))
            return
        self.done.emit(value)


class _Run(QObject):
    """One run: its thread and worker, relayed to the job in the GUI thread. A run the job let go
    of (:meth:`BackgroundJob.shutdown`) still ends cleanly, but its result goes nowhere."""

    def __init__(self, job: BackgroundJob, work: Work, stop: StopFlag):
        super().__init__(job)
        self.job: BackgroundJob | None = job
        self.stop = stop
        self.thread: QThread | None = QThread()
        self.thread.setObjectName("periodize-job")
        self.worker: _Worker | None = _Worker(work, stop)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.thread.finished.connect(self.worker.deleteLater)  # deleted in its own thread
        self.worker.progress.connect(self._on_progress)
        self.worker.done.connect(self._on_done)
        self.worker.failed.connect(self._on_failed)

    def start(self) -> None:
        assert self.thread is not None
        self.thread.start()

    def join(self, msecs: int) -> bool:
        """Quit and wait for the thread; True when it ended (the thread is then released)."""
        if self.thread is None:
            return True
        self.thread.quit()
        if not self.thread.wait(msecs):
            return False
        self.worker = None
        self.thread = None
        return True

    def is_alive(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    @Slot(object)
    def _on_progress(self, progress: object) -> None:
        if self.job is not None:
            self.job._progress(self, progress)

    @Slot(object)
    def _on_done(self, value: object) -> None:
        self.join(10_000)  # run() has returned: the thread's event loop ends at once
        if self.job is not None:
            self.job._finish(self, value, "")

    @Slot(str, bool)
    def _on_failed(self, text: str, refused: bool) -> None:
        self.join(10_000)
        if self.job is not None:
            self.job._finish(self, None, text, refused)


_ORPHANS: list[_Run] = []  # runs whose thread outlived their window (kept until they end)


def orphans() -> list[_Run]:
    """The runs let go of at shutdown whose thread still runs."""
    _ORPHANS[:] = [r for r in _ORPHANS if r.is_alive()]
    return list(_ORPHANS)


class BackgroundJob(QObject):
    """Background work of one kind for one main window (see the module's description).

    ``start(work, label=..., limit=..., basis=...)`` runs it; ``progress`` relays the work's
    reports and ``finished(JobResult)`` ends every run, in the GUI thread.
    """

    progress = Signal(object)
    finished = Signal(object)  # JobResult

    def __init__(self, window: QMainWindow, words: JobWords, *, document=None, interaction=None,
                 detail: Callable[[Any], str] | None = None, bar_width: int = 180,
                 quiet: bool = False):
        super().__init__(window)
        # quiet: no label, bar or Cancel button in the status bar (work of a moment that runs
        # after every edit, the plan check: a bar flashing at each keystroke says nothing)
        self.quiet = quiet
        self.window = window
        self.words = words
        self.document = document if document is not None else window.document
        self.interaction = interaction if interaction is not None else window.interaction
        self.detail = detail  # a progress report as text after the elapsed time
        self.last_progress: Any = None
        self.stop: StopFlag | None = None  # the stop flag of the current (or last) run
        self._run: _Run | None = None
        self._label = ""
        self._started = 0.0
        self._cancelled = False
        self._basis: Callable[[], object] | None = None
        self._basis_at_start: object = None
        self._file_revision = -1
        self._build_status(bar_width)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._show_progress)
        self.document.replaced.connect(self._on_replaced)

    def _build_status(self, bar_width: int) -> None:
        w = self.window
        self.progress_label = QLabel(w)
        self.progress_bar = QProgressBar(w)
        self.progress_bar.setFixedWidth(bar_width)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(self.words.progress_name)
        self.cancel_button = QPushButton("Cancel", w)
        self.cancel_button.setAccessibleName(self.words.cancel_name)
        self.cancel_button.setToolTip(self.words.cancel_tip)
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            if not self.quiet:
                w.statusBar().addPermanentWidget(widget)
            widget.hide()

    def _status_widgets(self) -> tuple:
        return () if self.quiet else (self.progress_label, self.progress_bar, self.cancel_button)

    # -- control ----------------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._run is not None

    def elapsed(self) -> float:
        """The seconds the running work has taken so far (0 when none runs)."""
        return time.monotonic() - self._started if self._run is not None else 0.0

    def start(self, work: Work, *, label: str, limit: float,
              basis: Callable[[], object] | None = None, stop: StopFlag | None = None) -> bool:
        """Run ``work`` in the background; False when a run is still going.

        ``label``: the status-bar text before the elapsed time ("Solving…"); ``limit``: the
        expected longest run in seconds (the bar's length); ``basis()``: what the result depends
        on, compared at the end (the stale-result guard); ``stop``: the flag handed to the work.
        """
        if self._run is not None:
            return False
        self.stop = stop if stop is not None else Flag()
        self._run = _Run(self, work, self.stop)
        self._label = label
        self._basis = basis
        self._basis_at_start = basis() if basis is not None else None
        self._file_revision = self.document.file_revision
        self._started = time.monotonic()
        self._cancelled = False
        self.last_progress = None
        self.progress_bar.setRange(0, max(1, int(limit * 10)))
        self.progress_bar.setValue(0)
        self.progress_label.setText(label)
        for widget in self._status_widgets():
            widget.show()
        self.cancel_button.setEnabled(True)
        if not self.quiet:
            self._tick.start()
        self._run.start()
        return True

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop; its result still arrives (``cancelled``)."""
        if self._run is None:
            return
        self._cancelled = True
        self._run.stop.request()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText("Stopping…")
        if self.words.stopping:
            self.window.statusBar().showMessage(self.words.stopping)

    def shutdown(self, msecs: int = 5000) -> bool:
        """The window closes: stop the work and wait for its thread; True when it ended in time.
        Nothing is delivered afterwards; a thread still running is kept in :func:`orphans`."""
        run = self._run
        if run is None:
            return True
        self._end()
        run.job = None
        run.stop.request()
        if run.join(msecs):
            run.deleteLater()
            return True
        run.setParent(None)  # kept alive by the list until its thread ends
        _ORPHANS.append(run)
        return False

    # -- from the run (GUI thread) ----------------------------------------------------------
    def _progress(self, run: _Run, progress: object) -> None:
        if run is self._run:
            self.last_progress = progress
            self._show_progress()
            self.progress.emit(progress)

    def _finish(self, run: _Run, value: object, error: str, refused: bool = False) -> None:
        if run is not self._run:
            return
        replaced = self.document.file_revision != self._file_revision
        stale = (not replaced and self._basis is not None
                 and self._basis() != self._basis_at_start)
        result = JobResult(value=value, error=error, cancelled=self._cancelled, stale=stale,
                           replaced=replaced, seconds=time.monotonic() - self._started)
        self._end()
        run.deleteLater()  # its thread has ended
        if error and refused:
            self.window.statusBar().showMessage(f"{self.words.refused}: the season is as it "
                                                f"was.", 10000)
            self.interaction.error(self.words.refused, error)
        elif error:
            self.window.statusBar().showMessage(f"{self.words.failed}.", 10000)
            self.interaction.error(self.words.title, f"{self.words.failed}: {error}")
        self.finished.emit(result)

    def _end(self) -> None:
        self._tick.stop()
        self._run = None
        self._basis = None
        self._basis_at_start = None
        for widget in self._status_widgets():
            widget.hide()

    @Slot()
    def _on_replaced(self) -> None:
        """Another document: the work stops quietly; its result comes back ``replaced``."""
        if self._run is not None:
            self._run.stop.request()

    @Slot()
    def _show_progress(self) -> None:
        if self._run is None:
            return
        elapsed = time.monotonic() - self._started
        self.progress_bar.setValue(min(self.progress_bar.maximum(), int(elapsed * 10)))
        if not self.cancel_button.isEnabled():
            return  # "Stopping…" stays
        text = f"{self._label} {elapsed:.1f} s"
        if self.last_progress is not None and self.detail is not None:
            text += self.detail(self.last_progress)
        self.progress_label.setText(text)


def lower_priority() -> None:
    """Give the calling thread (and the CP-SAT threads it starts, which inherit it) a lower
    priority than the window, so a busy machine keeps the window responsive. Linux only:
    there a thread has its own nice value."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass
