"""The CP-SAT model of a season: validated input -> variables -> constraints -> objective -> plan.

``PlanModel`` composes one mixin per rule family; ``build`` is the ordered list of families.
Where a new rule goes: its parameters in ``planner/rules.py``, one method named after the rule
in the family module it belongs to (units, rehab, speed, weeks, pins, objective, load), one line in
``PlanModel.build``, one check in ``planner/check.py`` and its words in ``planner/why.py``
(docs/architecture.md, "Where a new rule goes", lists the tests that name every rule).
"""

from __future__ import annotations

from planner.loadtable import planned_from
from planner.season import FIT, PLANNER_VERSION, AthletePlan, Plan, Season
from solver.model.core import FIT_HV_LEVEL, RUN_LEVELS, STEADY, Freeze, Group, is_true, neg
from solver.model.load import LoadMixin
from solver.model.objective import ObjectiveMixin
from solver.model.pins import PinsMixin
from solver.model.rehab import RehabMixin
from solver.model.speed import SpeedMixin
from solver.model.units import Epoch, Unit, UnitsMixin
from solver.model.warmstart import WarmStartMixin
from solver.model.weeks import WeeksMixin


class PlanModel(UnitsMixin, WeeksMixin, RehabMixin, SpeedMixin, PinsMixin, ObjectiveMixin,
                LoadMixin, WarmStartMixin):
    """Builds the CP-SAT model of a season. ``guarded`` puts every hard-rule instance behind an
    assumption literal (used to explain infeasibility); ``frozen`` athletes are constants taken
    from ``reference`` (a re-plan); ``keep``, a re-plan's outside, is built as constants where it
    can be and fixed once the model is built (``WarmStartMixin.freeze``)."""

    def __init__(self, season: Season, reference: Plan | None = None, guarded: bool = False,
                 frozen: frozenset[str] = frozenset(), keep: Freeze | None = None):
        super().__init__(season, reference, guarded, frozen, keep)
        self.build()
        if keep is not None:
            self.freeze(keep)

    def build(self) -> None:
        # variables: the team's weeks, the units and their day values, each unit's weeks
        self._team_weeks()
        self._units()
        for u in self.units:
            self._unit_weeks(u)
        # hard rules, one method each
        self.av_1()
        self.rh_cap()
        self.rh_stage()
        self.rh_11()
        self.hv_5()
        self.hv_2()
        self.hv_6()
        self.hv_7()
        self.ramp()
        self.re_1()
        self.rh_fl()
        self.rh_crit()
        self.dl_2()
        self.tp_1()
        self.pin()
        self.steady_running()
        # soft rules
        self.rts()
        self.hv_1()
        self.tp_3()
        self.team()
        self.dl_7()
        self.hv_day()
        self.ld_1()
        self.stab()
        self._objective()

    # -- reading a solution ----------------------------------------------------------------------
    def penalties(self, value) -> dict[str, float]:
        """Each soft rule's penalty in a solution (``value(expr) -> int``) as the model counts it:
        the solver's own breakdown, held against the plan checker's in the tests
        (``tests/solver/test_model_penalties.py``)."""

        def val(x) -> int:
            return int(x) if isinstance(x, (bool, int)) else int(value(x))

        return {rule: round(sum(w * val(e) for w, e in terms), 6)
                for rule, terms in self.penalty_terms.items()}

    def unit(self, key: str) -> Unit | None:
        return next((u for u in self.units if u.key == key), None)

    def extract(self, value) -> Plan:
        """Read the solution (``value(lit) -> int``) into a Plan, expanding units to athletes."""

        def val(x) -> int:
            if isinstance(x, bool):
                return int(x)
            if isinstance(x, int):
                return x
            return int(value(x))

        def kind(deload, taper) -> str:
            return "taper" if val(taper) else "deload" if val(deload) else "load"

        team = tuple(kind(self.team_deload[w], self.team_taper[w]) for w in range(self.W))
        plans: dict[str, AthletePlan] = {}
        for u in self.units:
            weeks = tuple(kind(u.deload[w], u.taper[w]) for w in range(self.W))
            if u.frozen is not None:
                for aid in u.athletes:
                    plans[aid] = u.frozen.model_copy(update={"athlete": aid, "weeks": weeks})
                continue
            intens, stages = self._unit_days(u, val)
            for aid in u.athletes:
                plans[aid] = AthletePlan(athlete=aid, stages=stages, intensity=intens, weeks=weeks)
        # the first day the season was planned from, carried (planner.loadtable.known_from: the
        # days before it hold no plan, their load is not known where nothing is logged)
        return Plan(status="feasible", planner_version=PLANNER_VERSION, team_weeks=team,
                    athletes=tuple(plans[a.id] for a in self.season.athletes),
                    planned_from=planned_from(self.season))

    def _unit_days(self, u: Unit, val) -> tuple[tuple[int, ...], tuple[str, ...]]:
        intens = list(u.fixed)
        for d in range(self.p0, self.n):
            chosen = next((lvl for lvl, lit in u.lv[d].items() if val(lit)), None)
            if val(u.play[d]):
                intens[d] = u.play_level[d]
            elif chosen is not None:
                intens[d] = chosen
            else:
                intens[d] = self._fit_default(u, d)
        stages = list(u.past_stage)
        for d in range(self.p0, self.n):
            if not u.injured:
                stages.append(FIT)
                continue
            ep = u.epoch_at(d)
            k = sum(1 for kk in range(1, ep.K) if val(ep.stage_lit(kk, d)))
            stages.append(ep.order[k])
        return tuple(intens), tuple(stages)


__all__ = ["FIT_HV_LEVEL", "RUN_LEVELS", "STEADY", "Epoch", "Freeze", "Group", "PlanModel", "Unit",
           "is_true", "neg"]
