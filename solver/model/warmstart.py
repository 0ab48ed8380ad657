"""Warm start: hints from a previous plan, and freezing a re-plan's outside to it."""

from __future__ import annotations

from collections.abc import Callable

from ortools.sat.python import cp_model

from planner.season import FIT, AthletePlan, Plan
from solver.model.core import Freeze, ModelBase, level_values
from solver.model.units import Unit


class _Once:
    """Applies ``act(var, value)`` to each variable at most once (a model with two hints for one
    variable is invalid; a variable fixed twice is redundant)."""

    def __init__(self, act: Callable[[object, bool], None]):
        self.act = act
        self.seen: set[int] = set()

    def __call__(self, x, v: bool) -> None:
        if isinstance(x, bool) or x.index in self.seen:
            return
        self.seen.add(x.index)
        self.act(x, bool(v))


class WarmStartMixin(ModelBase):
    def add_hint(self, plan: Plan) -> int:
        """Start the search from ``plan`` (e.g. the reference of a re-plan), repaired for this
        season in Python first: taper weeks where TP-1 now puts them, nothing on days the edit
        closed. Returns the number of hinted variables."""
        if len(plan.team_weeks) != self.W:
            return 0
        hint = _Once(lambda x, v: self.m.add_hint(x, v))
        team_kind = self._hint_team(plan, hint)
        for u in self.units:
            ref = plan.for_athlete(u.athletes[0])
            if ref is None or len(ref.intensity) != self.n or len(ref.weeks) != self.W:
                continue
            for d in range(self.p0, self.n):
                self._set_day_levels(u, d, ref.intensity[d], hint)
            if u.injured:
                self._hint_rehab(u, ref, team_kind, hint)
        return len(hint.seen)

    def complete_hint(self, time_limit: float = 5.0) -> bool:
        """Extend the hint to every variable of the model (the auxiliary ones too: kind x session
        products, penalty literals) by a search with the hinted variables fixed, so that the
        portfolio takes the hinted plan as its first solution instead of repairing a partial
        one. Keeps the partial hint when that search finds nothing in ``time_limit``."""
        proto = self.m.proto
        if not proto.solution_hint.vars:
            return False
        solver = cp_model.CpSolver()
        solver.parameters.fix_variables_to_their_hinted_value = True
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = time_limit
        if solver.solve(self.m) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        values = list(solver.response_proto.solution)
        self.m.clear_hints()
        proto.solution_hint.vars.extend(range(len(values)))
        proto.solution_hint.values.extend(values)
        return True

    def _hint_team(self, plan: Plan, hint: _Once) -> list[str]:
        """Hint the team's weeks, repaired for TP-1; returns the repaired kinds."""
        a_weeks = self.tl.a_weeks()
        team_kind = []
        for w in range(self.W):
            k = plan.team_weeks[w]
            if w in self.taper_set:
                k = "taper"
            elif k == "taper" or (k == "deload" and w in a_weeks):
                k = "load"
            team_kind.append(k)
            hint(self.team_taper[w], k == "taper")
            hint(self.team_deload[w], k == "deload")
        return team_kind

    def _fix(self, x, value: bool) -> None:
        """Fix literal ``x`` to ``value`` by its domain (no constraint: the presolve pass of a
        re-plan's neighbourhood then has half the work; bench/NOTES.md). A literal already fixed
        the other way gets the constraint, so that a conflict stays one."""
        index, v = (x.index, int(value)) if x.index >= 0 else (-x.index - 1, 1 - int(value))
        domain = self.m.proto.variables[index].domain
        if list(domain) == [0, 1]:
            domain.clear()
            domain.extend([v, v])
        elif list(domain) != [v, v]:
            self.m.add(x == int(value))

    def _set_day_levels(self, u: Unit, d: int, value: int, setter: _Once) -> None:
        lv = u.lv[d]
        for lvl, on in level_values(lv, value).items():
            setter(lv[lvl], on)

    def _set_stage(self, u: Unit, d: int, stage: str, setter: _Once) -> None:
        ep = u.epoch_at(d)
        idx = ep.order.index(stage) if stage in ep.order else 0
        for k in range(1, ep.K):
            setter(ep.stage_lit(k, d), idx >= k)

    def _hint_rehab(self, u: Unit, ref: AthletePlan, team_kind: list[str], hint: _Once) -> None:
        for ep in u.epochs:
            for d in range(ep.first, ep.end):
                self._set_stage(u, d, ref.stages[d], hint)
        for w, own in u.own_deload.items():
            hint(own, ref.weeks[w] == "deload")
        for w in self.open_weeks:
            fit_ref = ref.stages[self.tl.weeks[w].first] == FIT
            kind = team_kind[w] if fit_ref else ("deload" if ref.weeks[w] == "deload" else "load")
            if u.deload[w] is not self.team_deload[w]:
                hint(u.deload[w], kind == "deload")
                hint(u.taper[w], kind == "taper")

    def freeze(self, spec: Freeze) -> int:
        """Fix every decision outside the re-plan's neighbourhood (``spec``) to its plan's value;
        returns the number of variables fixed here (not those built as constants)."""
        plan = spec.plan
        fix = _Once(self._fix)
        for w in self.open_weeks:
            week = self.tl.weeks[w]
            if spec.keeps_week(week.first, week.last):
                k = plan.team_weeks[w]
                fix(self.team_taper[w], k == "taper")
                fix(self.team_deload[w], k == "deload")
        for u in self.units:
            ref, days = spec.kept_days(u, self.p0, self.n)
            if ref is None:
                continue
            for d in days:
                self._set_day_levels(u, d, ref.intensity[d], fix)
                if u.injured:
                    self._set_stage(u, d, ref.stages[d], fix)
            if u.injured:
                for w, own in u.own_deload.items():
                    week = self.tl.weeks[w]
                    if spec.keeps_own_week(u, week.first, week.last):
                        fix(own, ref.weeks[w] == "deload")
        return len(fix.seen)
