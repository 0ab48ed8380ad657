"""What-if re-plans: change only what must change.

``replan(before, after, reference)`` plans the edited season ``after`` starting from the
``reference`` plan of ``before``:
1. the **neighbourhood** of the change is worked out in Python by comparing the two seasons
   (competition days, availability, pins, rehab records, taper weeks): the athletes the change
   touches, and a window of days around the changed dates;
2. every decision outside it is fixed to the reference plan, the rest starts from the reference
   (repaired: tapers moved, closed days cleared) with STAB penalising each changed value;
3. if that neighbourhood has no plan, the whole season is re-planned from the same hint.
The past (before ``today``) is never changed. Rule or calendar changes re-plan everything.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from planner.rules import RuleSet
from planner.season import Plan, Season
from planner.timeline import Timeline
from solver.api import Outcome, SolveRequest, Status, StopToken

MARGIN_DAYS = 21  # days around a change that may move with it (3 weeks: a deload rhythm's reach)


@dataclass(frozen=True)
class Scope:
    everything: bool
    athletes: frozenset[str]  # whose whole future from the window start is free
    team_days: bool  # a team-level fact changed: every athlete is free inside the window
    window: tuple[int, int]  # day indexes (inclusive)
    reason: str


def change_scope(before: Season, after: Season) -> Scope:
    tl_b, tl_a = Timeline(before), Timeline(after)
    n = tl_a.n
    if (before.calendar.model_dump(exclude={"non_training_days"}) != after.calendar.model_dump(exclude={"non_training_days"})
            or RuleSet(before.rules).__dict__ != RuleSet(after.rules).__dict__
            or {a.id for a in before.athletes} != {a.id for a in after.athletes}):
        return Scope(True, frozenset(), True, (0, n - 1), "the calendar, the rules or the squad changed")
    days: set[int] = set()
    athletes: set[str] = set()
    team = False
    for i in range(n):
        if ([c.model_dump() for c in tl_b.comp_on[i]] != [c.model_dump() for c in tl_a.comp_on[i]]
                or tl_b.is_training[i] != tl_a.is_training[i]):
            days.add(i)
            team = True
    rs = RuleSet(after.rules)
    tb, ta = tl_b.taper_weeks(rs.value("TP-1", "taper_weeks")), tl_a.taper_weeks(rs.value("TP-1", "taper_weeks"))
    for w in set(tb) ^ set(ta):
        days.update(tl_a.weeks[w].days)
        team = True
    for a in after.athletes:
        if tl_b.unavailable(a.id) != tl_a.unavailable(a.id):
            athletes.add(a.id)
            days.update(tl_b.unavailable(a.id) ^ tl_a.unavailable(a.id))
        ib, ia = before.injury_of(a.id), after.injury_of(a.id)
        if ib != ia:
            athletes.add(a.id)
            dates = []
            if ia is not None:
                dates += [r.start for r in ia.stages] + list(ia.flare_ups)
            if ib is not None:
                dates += [r.start for r in ib.stages] + list(ib.flare_ups)
            changed = ({r.start for r in (ia.stages if ia else ())} ^ {r.start for r in (ib.stages if ib else ())}) | (
                set(ia.flare_ups if ia else ()) ^ set(ib.flare_ups if ib else ()))
            for d in changed or dates:
                days.add(tl_a.clamp_index(d))
            if ia is not None and ib is not None and ia.target_competition != ib.target_competition:
                days.add(tl_a.p0)
    pins_b = {p.model_dump_json() for p in before.pins}
    pins_a = {p.model_dump_json() for p in after.pins}
    for p in [p for p in after.pins if p.model_dump_json() not in pins_b] + \
             [p for p in before.pins if p.model_dump_json() not in pins_a]:
        day = p.week if p.kind == "week" else p.date
        days.add(tl_a.clamp_index(day))
        if getattr(p, "athlete", None):
            athletes.add(p.athlete)
        else:
            team = True
    if not days and not athletes:
        return Scope(False, frozenset(), False, (tl_a.p0, tl_a.p0 - 1), "nothing that the plan depends on changed")
    lo = max(tl_a.p0, min(days, default=tl_a.p0) - MARGIN_DAYS)
    hi = min(n - 1, max(days, default=tl_a.p0) + MARGIN_DAYS)
    return Scope(False, frozenset(athletes), team, (lo, hi),
                 f"{len(athletes)} athlete(s) and days {tl_a.days[lo]} to {tl_a.days[hi]}")


def replan(before: Season, after: Season, reference: Plan, time_limit: float = 60.0,
           on_progress=None, stop: StopToken | None = None, deterministic: bool = False) -> Outcome:
    """Re-plan ``after`` changing as little of ``reference`` as the change requires."""
    t0 = time.monotonic()
    from solver.run import solve

    scope = change_scope(before, after)
    frozen = frozenset() if scope.team_days or scope.everything else frozenset(
        a.id for a in after.athletes if a.id not in scope.athletes)
    req = SolveRequest(after, time_limit=time_limit, reference=reference, deterministic=deterministic,
                       frozen=frozen)
    if not scope.everything:
        def prepare(model) -> None:
            model.freeze(reference, set(scope.athletes), scope.window, scope.team_days)

        out = solve(req, on_progress=on_progress, stop=stop, prepare=prepare)
        if out.plan is not None or out.status == Status.CANCELLED:
            if out.status == Status.OPTIMAL:  # optimal within the neighbourhood only
                out = _as_feasible(out)
            return _relabel(out, f"re-planned around the change: {scope.reason}", t0)
    left = max(1.0, time_limit - (time.monotonic() - t0))
    out = solve(SolveRequest(after, time_limit=left, reference=reference, deterministic=deterministic),
                on_progress=on_progress, stop=stop)
    return _relabel(out, "re-planned the whole season", t0)


def _as_feasible(out: Outcome) -> Outcome:
    from dataclasses import replace

    # optimal within the neighbourhood only: report the plan checker's objective, no bound
    objective = float(sum(out.penalties.values()))
    plan = out.plan.model_copy(update={"status": Status.FEASIBLE.value, "objective": objective,
                                       "bound": None}) if out.plan else None
    msg = f"best plan in the neighbourhood of the change: objective {objective:g}"
    return replace(out, status=Status.FEASIBLE, plan=plan, message=msg, objective=objective, bound=None)


def _relabel(out: Outcome, how: str, t0: float) -> Outcome:
    from dataclasses import replace

    return replace(out, wall_time=time.monotonic() - t0, message=f"{out.message} ({how})")
