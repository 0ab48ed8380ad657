"""The plan check after an edit, off the window's thread.

On a 40-athlete, 52-week season the plan checker takes about 0.3 s, and it ran after every edit
in the window's thread: each rename, pin or logged day froze the window for half a second. Now
an edit that the check has not seen shows at once and the check runs in a background job
(:class:`~ui.desktop.jobs.BackgroundJob`, quiet: nothing in the status bar); meanwhile Plan Check
says "Checking…" and the board keeps the last report's red frames (clearing them blinked them
off and on at every edit; another file's are never kept). A burst of edits is checked once, for the
last season: an edit made while a check runs waits for it, and only the season current when it
ends is checked next. A report is shown only for the season it was made for, when that season
is still the current one; an older one is kept for undo and redo (the window's check cache).

A reader that needs the report at once (save, export, solve, a pin's words) asks the window's
``check_report``, which works it out in the window's thread when it is still being checked.

A season of fewer than :data:`BACKGROUND_FROM` athlete-days is checked at once, as before: its
check takes a few milliseconds, and "Checking…" flashing in Plan Check would say nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ui.desktop.jobs import BackgroundJob, JobWords

if TYPE_CHECKING:
    from planner.season import Season

log = logging.getLogger(__name__)

# athletes x days of the plan from which the check runs in the background: 24 x 280 (the demo
# season, about 0.1 s) and below are checked at once
BACKGROUND_FROM = 7000

CHECK_WORDS = JobWords(progress_name="Plan check progress", cancel_tip="",
                       failed="The plan check stopped with an error", title="Plan check failed")


def checked(season: Season) -> tuple:
    """``(report, problem)``: the plan check of ``season``'s plan (a ``CheckReport``, or None
    and why the plan cannot be checked). Touches no widget: runs in the window's thread or a
    worker's."""
    from planner.check import check_plan, with_plan_stab
    from planner.errors import PeriodizeError

    try:  # the last re-plan's STAB days as the plan holds them: the Cover's score, no other
        return with_plan_stab(check_plan(season, season.plan), season.plan), None
    except PeriodizeError as e:
        return None, str(e)


def check_work(season: Season):
    """The background job's work: the check, and what Plan Check lists with it that costs a
    check's time again: the HV-1 runs and the cold starts (``planner.memo`` keeps them for this
    season and report, so the panel finds them: on 40 x 52 the cold starts took 0.25 s of the
    window's thread after every edit, a pin of one day too)."""

    def work(_report, _stop) -> tuple:
        report, problem = checked(season)
        if report is not None:
            from planner.coldstart import cold_starts

            try:
                cold_starts(season)
            except Exception:  # noqa: BLE001 - the panel works them out again and says why
                log.exception("working out the cold starts failed")
        if report is not None and report.counts().get("HV-1"):
            from planner.hv1 import hv1_runs

            try:
                hv1_runs(season, season.plan, report.soft)
            except Exception:  # noqa: BLE001 - the panel works them out again and says why
                log.exception("working out the HV-1 runs failed")
        return season, report, problem

    return work


class CheckRunner(QObject):
    """The window's plan checks in the background (see the module's description).

    ``start(season)`` checks ``season`` (or, when a check runs, once it ends, if it is then the
    current season); ``done(season, (report, problem))`` gives each check made, in the window's
    thread; the window shows it when ``season`` is current. ``pending``: the season waiting for
    its report (None: the report shown is the current season's)."""

    done = Signal(object, object)  # season, (report, problem)

    def __init__(self, window, current: Callable[[], Season]):
        super().__init__(window)
        self.window = window
        self._current = current
        self.job = BackgroundJob(window, CHECK_WORDS, quiet=True)
        self.job.finished.connect(self._finished)
        self.pending: Season | None = None
        self._running: Season | None = None
        self._then: list[tuple[Season, Callable[[], None]]] = []
        # the check starts once the edit's own work in the window's thread is done (the board,
        # the returns): a worker started at once took the interpreter from it half the time
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._kick)

    @staticmethod
    def background(season: Season) -> bool:
        """Whether ``season``'s check runs in the background (a large season's plan)."""
        plan = season.plan
        if plan is None or not plan.athletes:
            return False
        return len(plan.athletes) * len(plan.athletes[0].intensity) >= BACKGROUND_FROM

    def start(self, season: Season) -> None:
        """Check ``season`` in the background; it is the one waiting for its report."""
        self.pending = season
        if self._running is None:
            self._timer.start()

    def settle(self, season: Season | None) -> None:
        """``season``'s report is shown (worked out here, or found): nothing waits any more;
        the follow-ups of ``season`` run, those of any other season are dropped."""
        self.pending = None
        then, self._then = self._then, []
        for s, fn in then:
            if s is season:
                fn()

    def then(self, season: Season, fn: Callable[[], None]) -> None:
        """Call ``fn`` once ``season``'s report is shown (never for another season's)."""
        self._then.append((season, fn))

    def idle(self) -> bool:
        """No check running or waiting (tests wait for it: ``qtbot.waitUntil(runner.idle)``)."""
        return self.pending is None and self._running is None

    def shutdown(self) -> None:
        self.pending = None
        self._then.clear()
        self._timer.stop()
        self.job.shutdown(5000)

    @Slot()
    def _kick(self) -> None:
        if self._running is None and self.pending is not None:
            self._launch(self.pending)

    def _launch(self, season: Season) -> None:
        self._running = season
        self.job.start(check_work(season), label="Checking the plan…", limit=1.0)

    @Slot(object)
    def _finished(self, result) -> None:
        ran, self._running = self._running, None
        if result.value is not None:
            season, report, problem = result.value
            self.done.emit(season, (report, problem))
        elif result.failed and ran is not None:  # a fault of ours, said by the job
            self.done.emit(ran, (None, f"the plan check stopped with an error ({result.error})"))
        if self.pending is not None:
            self._timer.start()  # an edit made while it ran: the season as it is now


__all__ = ["BACKGROUND_FROM", "CheckRunner", "check_work", "checked"]
