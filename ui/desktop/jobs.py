"""The solve in the background: a worker ``QObject`` moved to a ``QThread``.

``SolveWorker`` lives in the worker thread and calls ``solver.solve``. The solver reports
progress from its own thread, so the callbacks only emit signals. ``SolveJob`` lives in the GUI
thread: it owns the thread and the worker, re-emits their signals to the window, cancels through
the ``StopToken`` and quits and deletes the thread when the solve is over (design.md section 5:
worker signals go to methods of GUI-thread objects, never to lambdas).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from planner.season import Plan, Season
from solver.api import Outcome, Progress, SolveRequest, StopToken

log = logging.getLogger(__name__)

SolveFn = Callable[..., Outcome]


def _default_solve(request, on_progress=None, stop=None) -> Outcome:
    from solver import solve  # imports OR-Tools only when a solve starts

    return solve(request, on_progress=on_progress, stop=stop)


class SolveWorker(QObject):
    """Runs one solve in the thread it was moved to."""

    progress = Signal(object)  # solver.api.Progress
    prepared = Signal(object)  # (season, SetPlan edit, season with the plan, CheckReport) or None
    finished = Signal(object)  # solver.api.Outcome
    failed = Signal(str)  # an unexpected error, as text a coach can read

    def __init__(self, request: SolveRequest, token: StopToken, solve_fn: SolveFn | None = None):
        super().__init__()
        self._request = request
        self._token = token
        self._solve = solve_fn or _default_solve

    def _on_progress(self, progress: Progress) -> None:
        # Called on the solver's thread: emit only, never touch widgets.
        self.progress.emit(progress)

    @Slot()
    def run(self) -> None:
        _lower_priority()
        try:
            outcome = self._solve(self._request, on_progress=self._on_progress, stop=self._token)
        except Exception as e:  # noqa: BLE001 - any failure must reach the window, not kill the thread
            log.exception("the solver failed")
            self.failed.emit(str(e) or type(e).__name__)
            return
        self.prepared.emit(prepare(self._request.season, outcome))
        self.finished.emit(outcome)


def prepare(season: Season, outcome: Outcome):
    """The season with the outcome's plan and its plan-check report, computed here in the
    worker thread so that accepting the plan does not freeze the window; None when the plan
    does not fit the season (the window then says why)."""
    if outcome.plan is None:
        return None
    from planner.check import check_plan
    from planner.edits import SetPlan
    from planner.errors import PeriodizeError

    try:
        edit = SetPlan(plan=outcome.plan)
        after = edit.apply(season)
        return season, edit, after, check_plan(after, outcome.plan)
    except PeriodizeError:
        return None


def _lower_priority() -> None:
    """Give the solver thread (and the CP-SAT threads it starts, which inherit it) a lower
    priority than the window, so a busy machine keeps the window responsive. Linux only:
    there a thread has its own nice value."""
    if not sys.platform.startswith("linux"):
        return
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except (AttributeError, OSError):
        pass


def prewarm() -> threading.Thread:
    """Import OR-Tools in the background (at low priority) so the first solve starts at once."""
    def load() -> None:
        _lower_priority()
        try:
            import solver.model  # noqa: F401 - imports OR-Tools
        except Exception:  # noqa: BLE001 - the solve itself will report the problem
            log.exception("pre-loading the solver failed")

    t = threading.Thread(target=load, name="periodize-prewarm", daemon=True)
    t.start()
    return t


class SolveJob(QObject):
    """One background solve, owned by the GUI thread.

    ``start()`` runs it; ``cancel()`` asks the solver to stop; ``progress``/``finished``/``failed``
    are delivered in the GUI thread. The thread is quit and deleted once the solve is over.
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        season: Season,
        time_limit: float = 30.0,
        solve_fn: SolveFn | None = None,
        parent: QObject | None = None,
        reference: Plan | None = None,
    ):
        super().__init__(parent)
        self.token = StopToken()
        # The current plan is the reference of a re-solve: the solver starts from it and
        # changes it as little as the rules allow (STAB).
        self.request = SolveRequest(season=season, time_limit=time_limit, deterministic=False,
                                    reference=reference)
        self._thread: QThread | None = QThread()
        self._thread.setObjectName("periodize-solve")
        self._worker: SolveWorker | None = SolveWorker(self.request, self.token, solve_fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._thread.finished.connect(self._worker.deleteLater)  # deleted in its own thread
        # Queued to this GUI-thread object's methods.
        self._worker.progress.connect(self._on_progress)
        self._worker.prepared.connect(self._on_prepared)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._done = False
        self._shut = False
        self.prepared = None  # see SolveWorker.prepared

    # -- control ------------------------------------------------------------------------
    def start(self) -> None:
        assert self._thread is not None, "a SolveJob runs once"
        self._thread.start()

    def cancel(self) -> None:
        self.token.request()

    def is_running(self) -> bool:
        return not self._done and self._thread is not None

    def wait(self, msecs: int) -> bool:
        """Block until the worker thread has ended (True) or ``msecs`` passed (False)."""
        if self._thread is None:
            return True
        return self._thread.wait(msecs)

    def shutdown(self, msecs: int = 5000) -> bool:
        """Ask the solver to stop and wait for the thread; True when it ended in time."""
        self._shut = True  # a result that still arrives is dropped
        if self._thread is None:
            return True
        self.token.request()
        self._thread.quit()
        ok = self._thread.wait(msecs)
        if ok:
            self._cleanup()
        return ok

    # -- worker signals (GUI thread) ----------------------------------------------------
    @Slot(object)
    def _on_progress(self, progress: Progress) -> None:
        if not self._done and not self._shut:
            self.progress.emit(progress)

    @Slot(object)
    def _on_prepared(self, prepared) -> None:
        self.prepared = prepared

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        self._end()
        if not self._shut:
            self.finished.emit(outcome)

    @Slot(str)
    def _on_failed(self, text: str) -> None:
        self._end()
        if not self._shut:
            self.failed.emit(text)

    def _end(self) -> None:
        self._done = True
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(10_000)  # run() has returned; the event loop ends at once
        self._cleanup()

    def _cleanup(self) -> None:
        # The worker deletes itself when its thread finishes; the ended thread goes with its
        # last Python reference.
        if self._thread is not None and not self._thread.isRunning():
            self._worker = None
            self._thread = None
