"""Return-date queries for an injured athlete, under every hard rule of the season.

- the earliest day the athlete can be back to FIT;
- with a target competition: whether it can still be made, and the latest day to enter each
  remaining stage and still be FIT on the competition's first day.

Each query is the season's model (hard rules only: the soft objective is dropped) with one
objective: minimise the days before FIT, or maximise the days before a stage starts. The model
holds the athlete alone (and the team's pins): other athletes constrain this one only through the
team's week kinds, which every squad can always choose, so the answer does not depend on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from planner.errors import InputError
from planner.season import Season
from planner.validate import check_season
from solver.model import PlanModel


@dataclass
class ReturnReport:
    athlete: str
    current_stage: str
    earliest_fit: dt.date | None  # None: not within the season
    target_name: str | None = None
    target_date: dt.date | None = None
    target_reachable: bool | None = None
    latest_entries: list[tuple[str, dt.date | None]] = field(default_factory=list)

    def text(self, season: Season) -> str:
        who = season.athlete_label(self.athlete)
        lines = [f"{who}, now in {self.current_stage}:"]
        if self.earliest_fit is None:
            lines.append("  cannot be back to FIT within the season under the current rules.")
        else:
            lines.append(f"  earliest return to FIT: {self.earliest_fit.strftime('%a %d %b %Y')}")
        if self.target_name:
            when = self.target_date.strftime("%a %d %b %Y")
            if self.target_reachable:
                lines.append(f"  target '{self.target_name}' ({when}) can be made; latest day to enter each stage:")
                for stage, day in self.latest_entries:
                    lines.append(f"    {stage:4s} {day.strftime('%a %d %b %Y') if day else '-'}")
            else:
                lines.append(f"  target '{self.target_name}' ({when}) can no longer be made.")
        return "\n".join(lines)


def _solve(pm: PlanModel, time_limit: float) -> cp_model.CpSolver | None:
    s = cp_model.CpSolver()
    s.parameters.num_workers = 4
    s.parameters.max_time_in_seconds = time_limit
    status = s.solve(pm.m)
    return s if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def return_report(season: Season, athlete: str, time_limit: float = 10.0) -> ReturnReport:
    season = check_season(season)
    inj = season.injury_of(athlete)
    if inj is None:
        raise InputError("", [f"{season.athlete_label(athlete)} has no injury recorded; "
                              f"return dates are for injured athletes"])
    alone = season.model_copy(update={
        "athletes": tuple(a for a in season.athletes if a.id == athlete),
        "injuries": (inj,),
        "unavailability": tuple(x for x in season.unavailability if x.athlete == athlete),
        "pins": tuple(p for p in season.pins if getattr(p, "athlete", None) in (None, athlete)),
        "plan": _only(season.plan, athlete),
    })
    pm = PlanModel(alone)
    u = pm.unit(athlete)
    tl = pm.tl
    if not u.epochs:
        raise InputError("", ["the whole season is in the past; there is nothing left to plan"])
    m = pm.m
    first = u.epochs[0]
    K = len(u.order)
    current = u.order[first.start_stage]
    fit = [u.fit[d] for d in range(pm.p0, pm.n)]

    def days_before(lits) -> object:
        return sum(1 - x if not isinstance(x, bool) else (0 if x else 1) for x in lits)

    m.clear_objective()
    m.minimize(days_before(fit))
    sol = _solve(pm, time_limit)
    earliest = None
    if sol is not None:
        idx = next((d for d in range(pm.p0, pm.n) if _val(sol, u.fit[d])), None)
        earliest = tl.days[idx] if idx is not None else None
    report = ReturnReport(athlete, current, earliest)
    if inj.target_competition:
        comp = season.competition(inj.target_competition)
        report.target_name, report.target_date = comp.name, comp.date
        t = tl.index(comp.date)
        if t is None or t < pm.p0:
            report.target_reachable = False
            return report
        m.add(u.fit[t] == 1) if not isinstance(u.fit[t], bool) else None
        if u.fit[t] is False:
            report.target_reachable = False
            return report
        report.target_reachable = earliest is not None and earliest <= comp.date
        if report.target_reachable:
            for k in range(first.start_stage + 1, K):
                lits = [pm.stage_lit(u, k, d) for d in range(first.first, first.end)]
                m.clear_objective()
                m.maximize(days_before(lits))
                sol = _solve(pm, time_limit)
                if sol is None:
                    report.latest_entries.append((u.order[k], None))
                    continue
                d = next((d for d in range(first.first, first.end) if _val(sol, pm.stage_lit(u, k, d))), None)
                report.latest_entries.append((u.order[k], tl.days[d] if d is not None else None))
    return report


def _only(plan, athlete: str):
    if plan is None:
        return None
    return plan.model_copy(update={"athletes": tuple(a for a in plan.athletes if a.athlete == athlete)})


def _val(sol: cp_model.CpSolver, x) -> bool:
    if isinstance(x, bool):
        return x
    return bool(sol.value(x))


__all__ = ["ReturnReport", "return_report"]
