"""Solving a season: configure CP-SAT, report progress, honour cancel, explain infeasibility.

``solve(request, on_progress=None, stop=None, prepare=None, keep=None) -> Outcome``. The model
itself is ``solver.model.PlanModel``; on an infeasible season ``solver.explain`` finds the
conflicting rules. The plan's soft-rule list and penalties are the plan checker's (``planner.check``).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import replace

from ortools.sat.python import cp_model

from planner.check import check_plan
from planner.errors import InputError
from planner.history import with_planned
from planner.loadtable import planned_from
from planner.rules import SOFT_RULES, RuleSet
from planner.season import PLANNER_VERSION, Plan, Season, log_basis
from planner.timeline import Timeline
from planner.validate import check_season
from solver.api import Outcome, Progress, SolveRequest, Status, StopToken
from solver.explain import explain
from solver.model import Freeze, PlanModel
from solver.polish import canonical_levels, ramped_cold_starts


class _Progress(cp_model.CpSolverSolutionCallback):
    def __init__(self, on_progress, start: float, stop: StopToken | None):
        super().__init__()
        self.on_progress = on_progress
        self.start = start
        self.stop = stop
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        if self.on_progress is not None:
            self.on_progress(Progress(self.ObjectiveValue(), self.BestObjectiveBound(),
                                      time.monotonic() - self.start, self.solutions))
        if self.stop is not None and self.stop.is_set():
            self.stop_search()


# The portfolio: the LP with every cut (max_lp) proves the bound, core-based search and RINS (the
# LNS that fixes what the LP already decides) find the plans; the other LNS kinds, local search
# and the feasibility pump only slowed this model down (bench/NOTES.md). Interleaved on several
# threads it is fast but not reproducible; on one thread (--deterministic) it is (_reproducible).
FULL_SUBSOLVERS = ("max_lp", "core")
UNUSED_SUBSOLVERS = ("graph_arc_lns", "graph_cst_lns", "graph_dec_lns", "graph_var_lns", "ls",
                     "feasibility_pump", "rnd_cst_lns", "rnd_var_lns")
# the squad-wide neighbourhood of a what-if re-plan (most of the model fixed): max_lp alone
NEIGHBOURHOOD_UNUSED = ("core",)
WORKERS = 4  # fixed, not the machine's cores: the same search on every machine
# LD-1 steering starts from a whole plan and improves it: the full portfolio (its LNS kinds) does
# that far better than the LP and core search above (bench/NOTES.md, "LD-1 steering")
STEER_WORKERS = 8
# a reproducible solve's deterministic limit is the time limit divided by this (see _reproducible)
REPRODUCIBLE_SHARE = 3
# LD-1 steering's sweep (_sweep): windows of this many weeks, this many weeks apart. A spike
# compares a week with the four before it, so a window of eight sees every spike of its middle
# weeks whole; on 40 x 52 one sweep reached the proven optimum (bench/NOTES.md, "LD-1 steering")
SWEEP_WEEKS = 8
SWEEP_STEP = 4
SWEEP_WINDOW_LIMIT = 10.0  # a window's own time limit (deterministic: a third of it, one thread)
STEER_MIN_LEFT = 5.0  # seconds the portfolio after the sweep needs to be worth starting
SWEEP_OFFSETS = (0, 2, 1, 3)  # each round's first window, in weeks from today; at most 4 rounds
# --deterministic cannot stop the sweep by the clock: it runs one round, then more windows while
# they fit in the time limit at this many seconds each (1-3 s each on 40 x 52, bench/NOTES.md)
SWEEP_WINDOW_SECONDS = 3.0
SWEEP_SAFETY = 3  # a reproducible window's wall limit: this many times its time limit, after the build


def _configure(solver: cp_model.CpSolver, request: SolveRequest, time_limit: float,
               steering: bool = False) -> None:
    """The default: interleaved search with a fixed seed and worker count, stopped by a
    deterministic time limit (about a second of work per unit) or by wall time, whichever comes
    first. Its threads share bounds and clauses as they come, so a solve now and then returns
    another plan of the same penalty (bench/NOTES.md); the plan stored in a season wins ties.
    ``request.deterministic``: one search thread instead (:func:`_reproducible`), the same plan
    on every run. ``request.workers`` > 0 switches to the plain parallel portfolio with that
    many workers (not reproducible). ``steering``: the second step of an LD-1 steered solve,
    which improves a whole plan (after the sweep): the full portfolio with :data:`STEER_WORKERS` workers."""
    p = solver.parameters
    # The model is built already reduced (fixed values precomputed in Python); CP-SAT's presolve
    # then costs more than it saves (bench/NOTES.md).
    p.cp_model_presolve = False
    p.random_seed = request.seed
    p.max_time_in_seconds = max(0.1, time_limit)
    # The deterministic limit is the request's, in whole seconds, not what the wall clock left
    # after building the model: no wall-clock input to a search meant to be reproducible
    # (bench/NOTES.md)
    dtime = float(max(1, math.floor(request.time_limit)))
    if request.deterministic and not request.workers:
        _reproducible(p, request, steering)
        return
    if steering:
        p.num_workers = request.workers or STEER_WORKERS
        return
    if request.workers:
        p.num_workers = request.workers
        if request.workers == 1:  # one search thread stops by its own clock first when asked to
            p.max_deterministic_time = (
                max(1.0, dtime / REPRODUCIBLE_SHARE) if request.deterministic else dtime)
        return
    p.num_workers = WORKERS
    p.interleave_search = True
    p.max_deterministic_time = dtime
    # no symmetry detection: this portfolio never uses it (the same plans and the same
    # deterministic time without it), and finding it delayed the first plan by 0.1-0.45 s on
    # 40 and 120 x 52 (bench/NOTES.md)
    p.symmetry_level = 0
    p.subsolvers.extend(FULL_SUBSOLVERS)
    p.ignore_subsolvers.extend(UNUSED_SUBSOLVERS)


def _reproducible(p, request: SolveRequest, steering: bool) -> None:
    """One search thread that runs the subsolvers in turn: nothing depends on which thread got
    there first, so the same season gives the same plan on every run and every machine (several
    interleaved threads did not: about one solve in four on 40 x 52, bench/NOTES.md). Slower to
    its first plan and on large squads (the LP's first pass runs before any plan). Stopped by
    deterministic time, a third of the time limit: one thread does about 0.55 s of it per wall
    second on the benchmark machine, so it stops after about 0.6 x the time limit, and the wall
    limit stays a safety net that a plain run does not reach (a run it stops is no longer
    reproducible)."""
    p.num_workers = 1
    p.interleave_search = True
    p.max_deterministic_time = max(1.0, math.floor(request.time_limit) / REPRODUCIBLE_SHARE)
    if steering:  # the full portfolio, its LNS kinds in turn
        return
    p.num_full_subsolvers = len(FULL_SUBSOLVERS)
    p.symmetry_level = 0
    p.subsolvers.extend(FULL_SUBSOLVERS)
    p.ignore_subsolvers.extend(UNUSED_SUBSOLVERS)


def solve(request: SolveRequest, on_progress=None, stop: StopToken | None = None, prepare=None,
          keep: Freeze | None = None) -> Outcome:
    """Plan ``request.season``. ``keep``, a re-plan's outside (its neighbourhood is the rest), is
    built as constants or fixed; ``prepare(model)``, if given, may read the model or add
    constraints before the search. Such a model that is infeasible is reported as such without
    an explanation (the caller widens the neighbourhood). The plan stored in the season wins every tie: a
    season solved again keeps its plan unless a strictly better one exists. When LD-1 steers the
    plan (a weight above 0, or hard) the season is first planned without it (see
    :func:`_solve_steering`)."""
    from planner.validate import plannable

    # no training weekday; a stage past its maximum at the season's start (section 4)
    plannable(request.season, to_plan=True)
    if prepare is None and keep is None and _steers_load(request.season):
        return _solve_steering(request, on_progress, stop)
    return _solve(request, on_progress, stop, prepare, keep=keep)


def _steers_load(season: Season) -> bool:
    rs = RuleSet(season.rules)
    try:
        mode = rs.mode("LD-1")
        return mode == "hard" or (mode == "soft" and rs.value("LD-1", "weight") > 0)
    except (KeyError, TypeError, ValueError):  # bad settings: check_season says where
        return False


def _solve_steering(request: SolveRequest, on_progress, stop: StopToken | None) -> Outcome:
    """LD-1's exact search rarely proves its optimum in the time a coach waits (docs/load.md), and
    may end worse than the plan that ignores LD-1. So: plan without LD-1 first (fast, within half
    the time); then sweep windows of weeks over it with LD-1 (:func:`_sweep`), which reaches good
    plans quickly and reproducibly; then, in the default mode and with time left, search the
    whole model from the best plan (it may prove the optimum). Every step keeps the plan before
    it unless it ends better by the plan checker's objective (LD-1 included). The bound reported
    is the best known: the plan without LD-1 is one (LD-1 only adds to it)."""
    t0 = time.monotonic()
    quiet = request.season.model_copy(update={"rules": _without_ld1(request.season.rules)})
    first = _solve(replace(request, season=quiet, time_limit=request.time_limit / 2), None, stop)
    if first.plan is None or (stop is not None and stop.is_set()):
        if first.plan is None and not (stop is not None and stop.is_set()):
            left = request.time_limit / 2 if request.deterministic and not request.workers else max(
                0.1, request.time_limit - (time.monotonic() - t0))
            return _solve(replace(request, time_limit=left), on_progress, stop)
        if first.plan is None:
            return first  # cancelled before a plan
    report = check_plan(request.season, first.plan, rules_in_objective=set(SOFT_RULES),
                        reference=request.reference)
    base = report.objective if report.ok else None
    # LD-1 only adds to the rest: the plan without it is bounded below by that search's bound
    floor = first.bound
    if stop is not None and stop.is_set():  # cancelled: the plan's cost with LD-1 counted
        return _finish(request.season, first.plan, Status.CANCELLED,
                       float(report.objective), floor, time.monotonic() - t0, request.reference)
    if base is None:
        return _steer_from(request, first.plan, on_progress, stop, t0)
    start, base = _better_start(request, first.plan, base)
    if on_progress is not None:
        on_progress(Progress(float(base), floor or 0.0, time.monotonic() - t0, 1))
    best, best_obj, whole = _sweep(request, start, base, floor, on_progress, stop, t0)
    if request.keep_stored and request.reference is None:
        # one season, one plan: the stored plan wins a tie, and a steered plan stored by an
        # earlier solve is kept when this one's sweep ended no better (it starts from another
        # plan without LD-1)
        kept = _prefer_stored(check_season(request.season), best, best_obj, proven=False)
        if kept is not best:
            best, best_obj = kept, float(check_plan(request.season, kept, rules_in_objective=set(
                SOFT_RULES)).objective)
    cancelled = stop is not None and stop.is_set()
    reproducible = request.deterministic and not request.workers
    short = request.time_limit - (time.monotonic() - t0) < STEER_MIN_LEFT
    if whole or cancelled or reproducible or short:
        # one window held the whole season (its optimum is the season's), a reproducible run,
        # which the sweep's fixed windows are (the portfolio below would take the clock's time),
        # or too little time left for the portfolio to build its model and start
        status = (Status.OPTIMAL if whole and not cancelled else
                  Status.CANCELLED if cancelled else Status.FEASIBLE)
        return _finish(request.season, best, status, float(best_obj),
                       float(best_obj) if status == Status.OPTIMAL else floor,
                       time.monotonic() - t0, request.reference)
    second = _steer_from(request, best, on_progress, stop, t0)
    if second.plan is not None and second.objective is not None and second.objective <= best_obj:
        return second
    cancelled = stop is not None and stop.is_set()
    status = Status.CANCELLED if cancelled else Status.FEASIBLE
    bound = max((b for b in (floor, second.bound if second.plan is not None else None)
                 if b is not None), default=None)  # None: no bound known
    return _finish(request.season, best, status, float(best_obj), bound,
                   time.monotonic() - t0, request.reference)


def _better_start(request: SolveRequest, plan: Plan, objective: float) -> tuple[Plan, float]:
    """The sweep's start: ``plan`` (made without LD-1), or the re-solve's reference (the app
    passes the stored plan) when that is better by the checker's objective (LD-1 and STAB
    counted). Started from the plan without LD-1 only, a re-solve in 15 s ended at 26,151 with
    238 days changed where the stored plan was the optimum, 25,657."""
    ref = request.reference
    if ref is None:
        return plan, objective
    ref = _with_past(ref, plan, Timeline(check_season(request.season)).p0)
    if ref is None:
        return plan, objective
    try:
        report = check_plan(request.season, ref, rules_in_objective=set(SOFT_RULES),
                            reference=request.reference)
    except InputError:
        return plan, objective  # the reference no longer fits the season
    if report.ok and report.objective < objective:
        return ref, float(report.objective)
    return plan, objective


def _steer_from(request: SolveRequest, plan: Plan, on_progress, stop: StopToken | None,
                t0: float) -> Outcome:
    """The whole model with LD-1, searched from ``plan`` for the time left (it may prove the
    optimum). A reproducible search's limit comes from the request, not from the clock."""
    left = request.time_limit / 2 if request.deterministic and not request.workers else max(
        0.1, request.time_limit - (time.monotonic() - t0))
    out = _solve(replace(request, time_limit=left), on_progress, stop, start=plan)
    return replace(out, wall_time=time.monotonic() - t0)


def _sweep(request: SolveRequest, plan: Plan, objective: float, floor: float | None,
           on_progress, stop: StopToken | None, t0: float) -> tuple[Plan, float, bool]:
    """LD-1 steering's middle step: windows of :data:`SWEEP_WEEKS` weeks from today to the end,
    :data:`SWEEP_STEP` weeks apart, each re-planned with everything outside it kept (all
    athletes and the team's weeks free inside it) and kept when the plan checker's objective
    (LD-1 included) is lower; rounds with the windows shifted (:data:`SWEEP_OFFSETS`) until a
    round gains nothing. Each window is one reproducible search thread with its own fixed limit,
    so the sweep gives the same plan on every run; the portfolio on the whole model reached the
    same plans far more slowly (bench/NOTES.md). The default mode stops when the time runs out;
    ``--deterministic`` runs one round, then more while the windows fit in the time limit at
    :data:`SWEEP_WINDOW_SECONDS` each (a count, not the clock: the same windows on every run). Returns the best plan, its objective, and
    whether one window held the whole season (its optimum is then the season's)."""
    season = check_season(request.season)
    tl = Timeline(season)
    starts = [d for d in range(tl.p0, tl.n) if d == tl.p0 or tl.week_of[d] != tl.week_of[d - 1]]
    if not starts:  # the season is wholly past: nothing to plan, the plan is all there is
        return plan, objective, True
    reproducible = request.deterministic and not request.workers
    window = replace(request, time_limit=SWEEP_WINDOW_LIMIT, deterministic=True, workers=0,
                     keep_stored=False, hint=None)
    best, best_obj, found = plan, objective, 1
    # the deterministic mode's budget, in windows: one round at least, whatever the clock says
    budget = max(-(-len(starts) // SWEEP_STEP), int(request.time_limit // SWEEP_WINDOW_SECONDS))
    done = 0

    def out_of_time() -> bool:  # a window's model takes about a second to build
        if stop is not None and stop.is_set():
            return True
        if reproducible:
            return done >= budget
        return time.monotonic() - t0 >= request.time_limit - 1.0

    for offset in SWEEP_OFFSETS:
        gained = False
        for k in range(offset, len(starts), SWEEP_STEP):
            if out_of_time():
                return best, best_obj, False
            lo = starts[k]
            last = k + SWEEP_WEEKS >= len(starts)
            hi = tl.n - 1 if last else starts[k + SWEEP_WEEKS] - 1
            # a reproducible window stops by its deterministic limit; the wall limit, counted
            # from after the build, is only a safety net far beyond it (a window stopped by the
            # wall clock would make the run irreproducible)
            left = (SWEEP_SAFETY * SWEEP_WINDOW_LIMIT if reproducible
                    else request.time_limit - (time.monotonic() - t0))
            out = _solve(window, None, stop, keep=Freeze(best, frozenset(), (lo, hi), True,
                                                         frozenset(), True), wall_limit=left)
            done += 1
            if out.plan is not None:
                report = check_plan(season, out.plan, rules_in_objective=set(SOFT_RULES),
                                    reference=request.reference)
                if report.ok and report.objective < best_obj:
                    best, best_obj, found, gained = out.plan, float(report.objective), found + 1, True
                    if on_progress is not None:
                        on_progress(Progress(best_obj, floor or 0.0, time.monotonic() - t0, found))
            if k == 0 and last:  # one window held the whole season
                return best, best_obj, out.status == Status.OPTIMAL
            if last:
                break
        if not gained:
            break
    return best, best_obj, False


def _without_ld1(settings):
    """The rule settings with LD-1's weight at 0 and LD-1 soft (spikes listed, not steered)."""
    values = {k: dict(v) for k, v in settings.values.items()}
    values.setdefault("LD-1", {})["weight"] = 0
    modes = {k: v for k, v in settings.modes.items() if k != "LD-1"}
    return settings.model_copy(update={"values": values, "modes": modes})


def _solve(request: SolveRequest, on_progress=None, stop: StopToken | None = None,
           prepare=None, start: Plan | None = None, keep: Freeze | None = None,
           wall_limit: float | None = None) -> Outcome:
    """One search. ``start``: a whole plan the search begins from and improves (LD-1
    steering's last step). ``wall_limit``: wall seconds when fewer than the request's time
    limit are left (its deterministic limit stays the request's); more than the request's: a
    safety net counted from after the model is built (LD-1 steering's reproducible windows)."""
    t0 = time.monotonic()
    season = check_season(request.season)
    if stop is not None and stop.is_set():
        return _cancelled(t0, "Cancelled before the search started.")
    model = PlanModel(season, reference=request.reference, frozen=request.frozen, keep=keep)
    neighbourhood = prepare is not None or keep is not None
    start_from = request.hint or request.reference or (season.plan if request.keep_stored else None)
    if start_from is not None and request.workers and start is None:
        # a hint helps the plain portfolio; the interleaved search does better without one
        # (bench/NOTES.md): the stored plan still wins ties (_prefer_stored) and STAB still
        # pulls a re-plan towards its reference
        model.add_hint(start_from)
    if start is not None:
        model.add_hint(start)
        # about 0.5 s on 40 x 52; capped, as a cancel waits for it
        model.complete_hint(time_limit=min(5.0, max(0.1, request.time_limit / 4)))
    if prepare is not None:
        prepare(model)
    if stop is not None and stop.is_set():
        return _cancelled(t0, "Cancelled before the search started.")
    solver = cp_model.CpSolver()
    elapsed = time.monotonic() - t0
    wall_left = (request.time_limit - elapsed if wall_limit is None
                 else wall_limit - elapsed if wall_limit <= request.time_limit
                 else wall_limit)  # beyond the request's own: a safety net after the build
    _configure(solver, request, wall_left, steering=start is not None)
    if neighbourhood and not request.workers:
        # a re-plan's neighbourhood over the whole squad fixes most of the model to the
        # reference: one presolve pass removes those variables before the portfolio searches
        # (bench/NOTES.md, "What-if re-plans"; the one-thread search of a few athletes is
        # quicker without it)
        solver.parameters.cp_model_presolve = True
        solver.parameters.max_presolve_iterations = 1
        if not request.deterministic:
            # the LP proves such a neighbourhood's optimum within a few of its tasks; a core task
            # started beside it runs on to its end (about 0.1 s on 40 x 52) before the solve
            # can return (bench/NOTES.md, "What-if re-plans")
            solver.parameters.ignore_subsolvers.extend(NEIGHBOURHOOD_UNUSED)
    status = _search(solver, model, on_progress, stop, t0)
    wall = time.monotonic() - t0
    cancelled = stop is not None and stop.is_set()
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        plan = model.extract(solver.value)
        st = Status.OPTIMAL if status == cp_model.OPTIMAL else (
            Status.CANCELLED if cancelled else Status.FEASIBLE)
        # rounded: a weight that is not a whole number (a rule value) is scaled by CP-SAT, and its
        # objective came back as 1569.9999999999998 where the plan checker counts 1570
        objective = round(solver.objective_value, 6) if model.objective_terms else 0.0
        bound = round(solver.best_objective_bound, 6) if model.objective_terms else 0.0
        if request.keep_stored and request.reference is None and not neighbourhood:
            plan = _prefer_stored(season, plan, objective, proven=status == cp_model.OPTIMAL)
        return _finish(season, plan, st, objective, bound, wall, request.reference)
    if status == cp_model.INFEASIBLE:
        if neighbourhood:
            return Outcome(Status.INFEASIBLE, None, wall_time=wall, message="No plan in this neighbourhood.")
        conflicts, remedies = explain(season, stop=stop, time_limit=request.explanation_time())
        return Outcome(Status.INFEASIBLE, None, wall_time=time.monotonic() - t0,
                       explanation=conflicts, message="No plan satisfies every hard rule.",
                       remedies=remedies)
    if status == cp_model.MODEL_INVALID:  # a bug in the model, never the coach's input
        raise RuntimeError(f"invalid CP-SAT model: {model.m.validate()}")
    if cancelled:
        return _cancelled(t0, "Cancelled before a plan was found.")
    return Outcome(Status.TIMEOUT, None, wall_time=wall,
                   message=f"No plan found within {request.time_limit:g} s; allow more time.")


def _cancelled(t0: float, message: str) -> Outcome:
    return Outcome(Status.CANCELLED, None, wall_time=time.monotonic() - t0, message=message)


def _search(solver: cp_model.CpSolver, model: PlanModel, on_progress, stop: StopToken | None,
            t0: float):
    cb = _Progress(on_progress, t0, stop)
    done = threading.Event()

    def watchdog() -> None:  # honours a stop requested at any moment, also before Solve starts
        while not done.wait(0.05):
            if stop is not None and stop.is_set():
                solver.stop_search()

    watcher = threading.Thread(target=watchdog, daemon=True) if stop is not None else None
    if watcher:
        watcher.start()
    try:
        return solver.solve(model.m, cb)
    finally:
        done.set()
        if watcher:
            watcher.join()


def _prefer_stored(season: Season, plan: Plan, objective: float, proven: bool = True) -> Plan:
    """The stored plan when it still has no hard violation and is at least as good: one season,
    one plan (docs/semantics.md, "One season, one plan"). Its past is what happened: the new
    plan's days before today (the log) replace the stored ones first. A plan an earlier planner
    version made is not kept (planner.season.PLANNER_VERSION), nor one with athletes not planned
    yet (``Plan.unplanned``). ``proven``: ``objective`` is
    the proven optimum; otherwise the new plan is weighed by the checker too (see _finish)."""
    if season.plan is not None and (season.plan.planner_version < PLANNER_VERSION
                                    or season.plan.unplanned):
        return plan  # an old planner's, or one with placeholder rows (not planned yet)
    if not proven:
        mine = check_plan(season, plan, rules_in_objective=set(SOFT_RULES))
        objective = min(objective, mine.objective) if not mine.violations else objective
    stored = _with_past(season.plan, plan, Timeline(season).p0) if season.plan is not None else None
    if stored is None:
        return plan
    try:
        report = check_plan(season, stored, rules_in_objective=set(SOFT_RULES))
    except InputError:
        return plan  # the stored plan no longer fits the season's shape
    if report.violations or report.objective > objective:
        return plan
    return stored


def _with_past(stored: Plan, new: Plan, p0: int) -> Plan | None:
    """``stored`` with the days before ``p0`` taken from ``new`` (None if the shapes differ)."""
    if p0 == 0:
        return stored
    by_id = {ap.athlete: ap for ap in new.athletes}
    athletes = []
    for ap in stored.athletes:
        fresh = by_id.get(ap.athlete)
        if fresh is None or len(fresh.stages) != len(ap.stages):
            return None
        athletes.append(ap.model_copy(update={
            "stages": fresh.stages[:p0] + ap.stages[p0:],
            "intensity": fresh.intensity[:p0] + ap.intensity[p0:]}))
    return stored.model_copy(update={"athletes": tuple(athletes)})


def _polished(season: Season, plan: Plan, status: Status, objective: float,
              reference: Plan | None):
    """``plan`` with the speed levels no rule chooses set as a coach reads them
    (``solver.polish``), when the plan checker finds that it breaks nothing and costs no more;
    else ``plan``. Returns the plan and its check."""
    def check(p: Plan):
        return check_plan(season, p, rules_in_objective=set(SOFT_RULES), reference=reference)

    def stab(r) -> float:
        return float(r.penalties().get("STAB", 0))

    report = None
    limit = objective
    # a reference of an earlier planner version (planner.season.PLANNER_VERSION) holds the free
    # levels this version sets straight: STAB would keep them for good, so it is not counted
    upgrade = reference is not None and reference.planner_version < PLANNER_VERSION
    if status != Status.OPTIMAL or upgrade:  # CP-SAT's value may exceed the plan's cost (LD-1)
        report = check(plan)
        limit = min(objective, float(report.objective)) - (stab(report) if upgrade else 0.0)
    tried = []
    for raise_only in (False, True):
        candidate = canonical_levels(season, plan, raise_only=raise_only)
        if candidate is None or candidate.athletes in tried:
            continue
        tried.append(candidate.athletes)
        got = check(candidate)
        if not got.violations and got.objective - (stab(got) if upgrade else 0.0) <= limit + 1e-6:
            plan, report = candidate, got
            # the ramp below is held to this plan's cost: it must not give back what this saved
            limit = min(limit, got.objective - (stab(got) if upgrade else 0.0))
            break
    ramped = ramped_cold_starts(season, plan)  # RAMP's 80 % step before a match started cold
    if ramped is not None:
        got = check(ramped)
        if not got.violations and got.objective - (stab(got) if upgrade else 0.0) <= limit + 1e-6:
            return ramped, got
    return plan, report if report is not None else check(plan)


def _finish(season: Season, plan: Plan, status: Status, objective: float, bound: float | None,
            wall: float, reference: Plan | None = None) -> Outcome:
    plan = with_planned(season.plan, plan, Timeline(season))
    plan, report = _polished(season, plan, status, objective, reference)
    if reference is not None and reference.planner_version < PLANNER_VERSION \
            and not report.violations and report.objective != objective:
        objective = float(report.objective)  # the days set straight cost STAB: the plan's cost
    elif status != Status.OPTIMAL and not report.violations and report.objective < objective:
        # a plan not proven the best: a spike literal of LD-1 may still be 1 on a week that is no
        # spike (only the optimum forces it down), so CP-SAT's value can exceed what the plan
        # costs; the plan's cost is the checker's (the bound stays CP-SAT's, a true lower bound)
        objective = float(report.objective)
    plan = plan.model_copy(update={
        "status": status.value, "objective": objective, "bound": bound,
        "solve_seconds": round(wall, 3), "soft": report.soft,
        "logged_with": log_basis(season.sessions),  # what it was made with: planner.scenarios
        "planned_from": planned_from(season),  # the days before it hold no plan (known_from)
    })
    return Outcome(status, plan, objective=objective, bound=bound, wall_time=wall,
                   penalties=report.penalties(), counts=report.counts(), hard=len(report.violations),
                   message=f"{status.value}: objective {objective:g}"
                   + (f", bound {bound:g}" if bound is not None else ", no bound known"))


