"""The model's base: the CP-SAT model, the season facts every family reads, guards and clauses.

Every hard-rule instance a family adds can sit behind an assumption literal named after its
group (rule id, athlete or unit, first and last day or week, detail). With ``guarded=True`` the
model is built that way so ``solver.explain`` can find a small conflicting set.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from planner.rules import RuleSet
from planner.season import HV_LEVEL, LEVELS, AthletePlan, Plan, Season
from planner.timeline import Timeline

RUN_LEVELS = tuple(lv for lv in LEVELS if lv > 0)  # 60 .. 100
FIT_HV_LEVEL = 95  # a fit athlete's HV training session (the "vaccine" dose)
STEADY = 70  # ordinary running below the speed threshold


def is_true(x) -> bool:
    """A Python constant that is true (not a literal)."""
    return x is True or (isinstance(x, int) and not isinstance(x, cp_model.IntVar) and x == 1)


def neg(x):
    """The negation of a literal or a Python bool."""
    if isinstance(x, bool):
        return not x
    return x.Not()


@dataclass(frozen=True)
class Group:
    """A named group of hard-rule instances: rule id, unit key (None: the team), first and last
    day (week index for week rules), and a detail the explanation words."""

    rule: str
    unit: str | None
    first: int
    last: int
    what: str


@dataclass(frozen=True)
class Freeze:
    """A re-plan's outside, kept as ``plan`` has it: units not in ``free_units`` keep their days
    (also inside ``window`` unless ``all_units_in_window`` or they are ``window_units``), free
    units keep their days before the window (a unit ``plan`` lists unplanned keeps none: its row
    is a placeholder), and team weeks outside the window (every team week unless
    ``team_weeks_free``) keep their kind. Given to the model before it is built, a fit
    unit's kept days and the kept team weeks are built as constants (most of a squad-wide
    window's model then never exists); the rest is fixed once the model is built."""

    plan: Plan
    free_units: frozenset[str]
    window: tuple[int, int]
    all_units_in_window: bool
    window_units: frozenset[str] = frozenset()
    team_weeks_free: bool = True

    def keeps_week(self, first: int, last: int) -> bool:
        lo, hi = self.window
        return last < lo or first > hi or not self.team_weeks_free

    def keeps_own_week(self, u, first: int, last: int) -> bool:
        """Does injured unit ``u`` keep its own week kind (its own deload) for the week of days
        ``first``..``last``? Not when the unit is free, nor for a week that meets the window
        when the unit's days there are free (its days there are re-planned, so is its week)."""
        if self.is_free(u):
            return False
        lo, hi = self.window
        in_window = self.all_units_in_window or any(a in self.window_units for a in u.athletes)
        return not (in_window and last >= lo and first <= hi)

    def is_free(self, u) -> bool:
        return u.key in self.free_units or any(a in self.free_units for a in u.athletes)

    def kept_days(self, u, p0: int, n: int) -> tuple[AthletePlan | None, list[int]]:
        """Unit ``u``'s reference plan and the days from ``p0`` it keeps (none when the reference
        does not fit the season)."""
        ref = self.plan.for_athlete(u.athletes[0])
        if ref is None or len(ref.intensity) != n:
            return None, []
        if any(a in self.plan.unplanned for a in u.athletes):
            return ref, []  # a placeholder row (Plan.unplanned): planned from today, nothing kept
        lo, hi = self.window
        free = self.is_free(u)
        in_window = self.all_units_in_window or any(a in self.window_units for a in u.athletes)
        return ref, [d for d in range(p0, n)
                     if (not free and not (in_window and lo <= d <= hi)) or (free and d < lo)]


def level_values(levels, value: int) -> dict[int, bool]:
    """What a unit-day's training-level literals (keyed by level) say when its intensity is
    ``value``: the fit 95 % session alone stands for any HV level; otherwise the level itself."""
    if tuple(levels) == (FIT_HV_LEVEL,):
        return {FIT_HV_LEVEL: value >= HV_LEVEL}
    return {lvl: value == lvl for lvl in levels}


class ModelBase:
    """State shared by every rule family. Families are mixins over this base; ``PlanModel``
    composes them and fixes the order in which they are added."""

    def __init__(self, season: Season, reference: Plan | None = None, guarded: bool = False,
                 frozen: frozenset[str] = frozenset(), keep: Freeze | None = None):
        self.season = season
        self.frozen = frozenset(frozen) if reference is not None else frozenset()
        self.keep = keep  # a re-plan's outside: built as constants where it can be (warmstart)
        self.tl = tl = Timeline(season)
        self.rules = RuleSet(season.rules)
        self.reference = reference
        self.guarded = guarded
        self.m = cp_model.CpModel()
        self.groups: dict[str, object] = {}  # group key -> assumption literal
        self.group_info: dict[str, Group] = {}
        self.objective_terms: list[tuple[int, object]] = []  # (weight, expr)
        self.penalty_terms: dict[str, list[tuple[int, object]]] = {}
        # RTS penalty no plan can avoid, per injured athlete (days before the earliest FIT day the
        # stage windows allow; a target no plan can reach): a re-plan's proof of its returns
        self.rts_floor: dict[str, int] = {}
        self.n = tl.n
        self.p0 = tl.p0
        self.W = len(tl.weeks)
        self.open_weeks = list(range(tl.first_open_week, self.W))
        self.recorded = season.plan
        self.taper_set = tl.taper_weeks(self.rules.value("TP-1", "taper_weeks"))
        self.pinned_days: frozenset[tuple[str, int]] = frozenset(
            (p.athlete, tl.index(p.date)) for p in season.pins if p.kind == "intensity")
        self.ladder_cache: dict[tuple, list] = {}
        self.role_index = {(r.athlete, r.competition): r.role for r in season.roles}
        self.roles_of: dict[str, tuple[str | None, ...]] = {}  # athlete -> role per day

    # -- guards and clauses ------------------------------------------------------------------
    def guard(self, rule: str, athlete: str | None, first: int, last: int, what: str = "") -> list:
        """The enforcement literals of a hard-rule instance: [] unless the model is guarded."""
        if not self.guarded:
            return []
        key = f"{rule}|{athlete or ''}|{first}|{last}|{what}"
        lit = self.groups.get(key)
        if lit is None:
            lit = self.m.new_bool_var(key)
            self.groups[key] = lit
            self.group_info[key] = Group(rule, athlete, first, last, what)
        return [lit]

    def clause(self, lits: list, enf: list) -> None:
        """At least one of ``lits`` (literals or Python bools) holds, when ``enf`` holds."""
        out = []
        for x in lits:
            if isinstance(x, bool):
                if x:
                    return
                continue
            out.append(x)
        ct = self.m.add_bool_or(out) if out else self.m.add_bool_or([False])
        if enf:
            ct.only_enforce_if(enf)

    def linear_le(self, terms: list, const: int, rhs, enf: list) -> None:
        """sum(terms) + const <= rhs (rhs an int or expression); terms are literals or bools."""
        lits = [t for t in terms if not isinstance(t, bool)]
        const += sum(1 for t in terms if t is True)
        if not lits and isinstance(rhs, int):
            if const > rhs:
                self.clause([], enf)
            return
        ct = self.m.add(sum(lits) + const <= rhs)
        if enf:
            ct.only_enforce_if(enf)
