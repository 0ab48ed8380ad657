"""The solver's side of the background solve and the what-if re-plans: the work a
:class:`~ui.desktop.jobs.BackgroundJob` runs, and the typed values it returns.

Nothing here touches a widget. OR-Tools is imported only when a solve starts (or by
:func:`prewarm`, in a background thread once the window is up), so opening the window stays fast.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.daymarks import plan_again_words
from planner.season import Plan, RuleSettings, Season
from planner.text import number
from ui.desktop.jobs import lower_priority

if TYPE_CHECKING:  # the solver is imported when a solve starts
    from planner.check import CheckReport
    from planner.edits import SetPlan
    from solver.api import Outcome

log = logging.getLogger(__name__)

SolveFn = Callable[..., "Outcome"]  # solver.solve(request, on_progress=None, stop=None)


@dataclass(frozen=True)
class Prepared:
    """The season with the solver's plan and its plan check, made in the worker thread so that
    accepting the plan does not freeze the window."""

    season: Season  # the season it was solved for
    edit: SetPlan
    after: Season  # ``edit`` applied to ``season``
    report: CheckReport  # the plan check of ``after``
    returns: list | None = None  # planner.returns.returns of ``after`` (None: not worked out)


@dataclass(frozen=True)
class SolveResult:
    """What a background solve returns: the outcome, and the accepted plan prepared (None when
    there is no plan or it does not fit the season)."""

    outcome: Outcome
    prepared: Prepared | None = None
    rules: RuleSettings | None = None  # the rule settings of the season solved


@dataclass(frozen=True)
class ReplanResult:
    """What a background what-if re-plan returns: the scenario's outcome and, when the season had
    no plan yet, the outcome of planning the season first."""

    outcome: Outcome
    baseline: Outcome | None = None


def plan_again_to(season: Season, purpose: str) -> str:
    """How the plan is made again for ``purpose``, as a sentence: "Re-plan from today (Ctrl+R)
    to plan it." mid-season, "Solve again (F5) to plan it." before."""
    return way_to(plan_again_words(season), purpose)


def way_to(way: str, purpose: str) -> str:
    """``way`` ("solve (F5)", :data:`planner.daymarks.PLAN_AGAIN`'s words) done for ``purpose``, as a sentence:
    "Solve (F5) to see who is back when." (:func:`plan_again_to`, the Returns panel)."""
    return f"{way[:1].upper()}{way[1:]} to {purpose}."


def plan_it(season: Season) -> str:
    """What a pin not in the plan yet asks, as a sentence: "Re-plan from today (Ctrl+R) to plan
    it." mid-season, "Solve again (F5) to plan it." before (the status bar, the inspector, Plan
    Check and the board say it alike)."""
    return plan_again_to(season, "plan it")


def default_solve(request, on_progress=None, stop=None) -> Outcome:
    from solver import solve  # imports OR-Tools only when a solve starts

    return solve(request, on_progress=on_progress, stop=stop)


def new_stop():
    """The solver's stop token (``solver.api.StopToken``)."""
    from solver.api import StopToken

    return StopToken()


def solve_work(season: Season, time_limit: float, reference: Plan | None = None,
               solve_fn: SolveFn | None = None):
    """The work of a background solve of ``season``: the current plan is the reference of a
    re-solve (the solver starts from it and keeps it wherever changing it gains nothing, STAB)."""
    run = solve_fn or default_solve

    def work(report, stop) -> SolveResult:
        from solver.api import SolveRequest

        request = SolveRequest(season=season, time_limit=time_limit, deterministic=False,
                               reference=reference)
        outcome = run(request, on_progress=report, stop=stop)
        return SolveResult(outcome, prepare(season, outcome), season.rules)

    return work


def replan_work(baseline: Season, after: Season, reference: Plan | None, time_limit: float,
                solve_first: bool):
    """The work of a what-if re-plan: ``after`` (the scenario's season) re-planned from
    ``reference``; with ``solve_first`` the baseline is planned first, in the same job."""

    def work(report, stop) -> ReplanResult:
        from solver import SolveRequest, Status, solve
        from solver.whatif import replan_scenario

        before, ref, first = baseline, reference, None
        if solve_first:
            first = solve(SolveRequest(baseline, time_limit=time_limit), on_progress=report, stop=stop)
            if first.plan is None:
                return ReplanResult(first, first)
            if stop.is_set():  # stopped after the season's plan: the scenario is not planned
                return ReplanResult(replace(first, status=Status.CANCELLED, plan=None,
                                            message="Cancelled before the scenario was re-planned."),
                                    first)
            before, ref = baseline.model_copy(update={"plan": first.plan}), first.plan
        out = replan_scenario(before, after, ref, time_limit=time_limit, on_progress=report, stop=stop)
        return ReplanResult(out, first)

    return work


def prepare(season: Season, outcome: Outcome) -> Prepared | None:
    """The season with the outcome's plan and its plan-check report; None when the plan does
    not fit the season (the window then says why)."""
    if outcome.plan is None:
        return None
    from planner.check import check_plan, with_plan_stab
    from planner.edits import SetPlan
    from planner.errors import PeriodizeError

    try:
        edit = SetPlan(plan=outcome.plan)
        after = edit.apply(season)
        # Plan Check right after a re-plan: its STAB days as the plan holds them (the Cover's)
        report = with_plan_stab(check_plan(after, outcome.plan), outcome.plan)
    except PeriodizeError:
        return None
    rets = _returns(after)
    _warm(after, report)
    return Prepared(season, edit, after, report, rets)


def _warm(season: Season, report: CheckReport) -> None:
    """The season's day marks, congested runs, cold starts and HV-1 runs worked out here, in the
    worker: the board, Plan Check and the Returns panel find them kept for this season
    (``planner.memo``) when the window accepts it, instead of working them out while the window
    waits."""
    from planner.coldstart import cold_starts
    from planner.congestion import congestion
    from planner.daymarks import day_marks
    from planner.hv1 import hv1_runs

    try:
        day_marks(season)
        congestion(season)
        cold_starts(season)
        if report.counts().get("HV-1"):
            hv1_runs(season, season.plan, report.soft)
    except Exception:  # noqa: BLE001 - the window works them out again and says why
        log.exception("working out the plan's marks failed")


def _returns(season: Season) -> list | None:
    """Each injured athlete's return under the season's plan (the Returns panel), worked out in
    the worker like the plan check; None when it cannot be (the window works it out then)."""
    from planner.returns import returns

    try:
        return returns(season, season.plan)
    except Exception:  # noqa: BLE001 - the window tries again and says why
        log.exception("working out the returns failed")
        return None


def same_plan(stored: Plan | None, plan: Plan) -> bool:
    """Does ``plan`` say what ``stored`` says: the same days, weeks, status and soft-rule list
    (the solve's time, objective and bound aside)? The solver keeps the stored plan on ties, so
    F5 on an unchanged season gives it back; accepting it again is no change to the season."""
    return stored is not None and all(getattr(stored, f) == getattr(plan, f) for f in (
        "planner_version", "status", "team_weeks", "athletes", "soft"))


def progress_text(progress) -> str:
    """A solver progress report after the elapsed time: `` · objective 1,234 · bound 1,000``."""
    return f" · objective {amount(progress.objective)} · bound {amount(progress.bound)}"


def gap_percent(objective: float | None, bound: float | None) -> float | None:
    """How much better than ``objective`` a plan could still be, in % (None: unknown)."""
    if objective is None or bound is None or objective <= 0:
        return None
    return max(0.0, (objective - bound) / objective * 100)


# a plan stopped by its time limit with more than this % between it and the bound: far enough
# from the best possible that what it misses (a return target) is not to be taken as final
FAR_GAP = 10.0
MORE_TIME = "Plan ▸ Solve Time…"  # where the coach gives the solver more time (solvetime.py)


def far_gap(plan: Plan | None) -> float | None:
    """How far at most ``plan`` may be from the best possible, in %, when that is more than
    :data:`FAR_GAP` and no one proved it (a solve stopped by its time limit on a busy laptop:
    84 % on the demo, every return target missed); None for a proven plan, a close one, a
    what-if's or a weekly re-plan's (no bound for the season) and no plan."""
    if plan is None or plan.status not in ("feasible", "cancelled", "timeout"):
        return None
    gap = gap_percent(plan.objective, plan.bound)
    return gap if gap is not None and gap > FAR_GAP else None


def far_words(gap: float, stopped: bool = False) -> str:
    """What a plan :func:`far_gap` finds far means and the way on, as a sentence (``stopped``:
    the coach cancelled the solve)."""
    why = "The solve was stopped early" if stopped else \
        "The solve ran out of time (a busy computer is slower)"
    return (f"{why}: this plan may be far from "
            f"the best possible (up to {gap:.0f} %), and the targets it misses are not final. "
            f"Solve again (F5), or give the solver more time ({MORE_TIME}).")


def plan_words(status: str, objective: float | None = None, bound: float | None = None) -> str:
    """What a plan's status means to a coach: ``the best plan the rules allow (proven)``, ``the
    best plan found in the time allowed, at most 2.9 % from the best possible``, a re-plan kept
    around its change (a weekly advance, a what-if) as the command line says it, …"""
    from solver.api import NEIGHBOURHOOD_WORDS, neighbourhood_plan  # no OR-Tools

    if status == "optimal":
        return "the best plan the rules allow (proven)"
    if neighbourhood_plan(status, bound):  # no time limit was hit: "not proven" read as one
        return NEIGHBOURHOOD_WORDS
    if status in ("feasible", "cancelled"):
        gap = gap_percent(objective, bound)
        found = "the best plan found in the time allowed" if status == "feasible" else \
            "the best plan so far (stopped early)"
        return found + (", not proven the best" if gap is None else ", less than 0.1 % from "
                        "the best possible" if gap < 0.05 else f", at most {gap:.1f} % from the best "
                        "possible")  # "at most 0.0 %" read as proven, which it was not
    if status == "manual":
        return "changed by hand"
    return status


def amount(x: float | None) -> str:
    """An objective or bound as the coach reads it (``–`` when there is none)."""
    return "–" if x is None else number(round(x) if abs(x) >= 100 else x)


def prewarm() -> threading.Thread:
    """Import OR-Tools in the background (at low priority) so the first solve starts at once."""
    def load() -> None:
        lower_priority()
        try:
            # OR-Tools and every module a solve uses: an import in the first solve's thread
            # held the window for 70-130 ms (PySide6 reads each new module's source)
            import solver.run  # noqa: F401
        except Exception:  # noqa: BLE001 - the solve itself will report the problem
            log.exception("pre-loading the solver failed")

    t = threading.Thread(target=load, name="periodize-prewarm", daemon=True)
    t.start()
    return t
