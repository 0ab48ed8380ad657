"""Soft rules can be switched off or made hard; parameters are read from the rule set."""

from __future__ import annotations

import pytest

from planner.check import check_plan
from planner.rules import RULES, SOFT_RULES
from planner.season import Competition, RuleSettings
from solver import SolveRequest, Status, solve
from tests.builders import day, injury, season, solved_and_checked


def base(**kw):
    # no matches in weeks 3-5: fit athletes need HV training; a B game in week 2
    comps = [Competition(id="b1", name="Derby", date=day(9), priority="B"),
             Competition(id="fin", name="Final", date=day(47), priority="A")]
    return season(weeks=7, athletes=3, matches=[5, 12], comps=comps,
                  injuries=(injury("A1", "P3", start_day=-10, target="m1"),), **kw)


@pytest.fixture(scope="module")
def soft_base():
    """base() solved with every rule as the rule set has it: (outcome, checker's report)."""
    return solved_and_checked(base())


def test_default_season_has_instances_of_the_soft_rules(soft_base):
    out, report = soft_base
    c = report.counts()
    assert c["RTS"] >= 1 and c["HV-DAY"] >= 1  # the baseline this file's other tests change
    assert out.objective == report.objective


# every soft rule of the table, so a new one is tested without being listed here; STAB counts
# only against a re-plan's reference (tests/planner/test_check.py, tests/solver/test_whatif.py)
SWITCHABLE = [r for r in SOFT_RULES if RULES[r].can_switch and r != "STAB"]


@pytest.mark.parametrize("rule", SWITCHABLE)
def test_switching_a_soft_rule_off_removes_it_from_objective_and_report(rule):
    s = base(rules=RuleSettings(modes={rule: "off"}))
    out, report = solved_and_checked(s)
    assert rule not in report.counts()
    assert rule not in out.penalties
    assert out.objective == report.objective


# made hard, LD-1 leaves no plan, and the solver must say so and name it; every other rule
# leaves base() a plan (so a rule that turns infeasible by mistake fails here)
INFEASIBLE_WHEN_HARD = {"LD-1"}


def short(**kw):
    """base()'s shape in five weeks, one athlete and no injury: a C match in week 1, the B game in
    week 2, none in weeks 3-4, an A final on Sat 6 Feb. LD-1 made hard leaves it no plan, as it
    does base(); one worker proves it in well under a second where base() takes about 10 s, so
    the explanation (half the limit) has its core in a short solve."""
    comps = [Competition(id="b1", name="Derby", date=day(9), priority="B"),
             Competition(id="fin", name="Final", date=day(33), priority="A")]
    return season(weeks=5, athletes=1, matches=[5], comps=comps, **kw)


def _levels(plan, athlete, change):
    """``plan`` with ``athlete``'s level on each day index of ``change`` changed to its value."""
    aps = tuple(ap.model_copy(update={"intensity": tuple(change.get(i, lv) for i, lv
                                                          in enumerate(ap.intensity))})
                if ap.athlete == athlete else ap for ap in plan.athletes)
    return plan.model_copy(update={"athletes": aps})


def _no_speed_training(plan):
    """A2 (fit all season) never trains at 90-95 %: only his matches expose him (HV-1, TP-3)."""
    levels = plan.for_athlete("A2").intensity
    return _levels(plan, "A2", {i: 70 for i, lv in enumerate(levels) if 90 <= lv < 100})


def _speed_day_apart(plan):
    """A3 runs his speed session on another day of the week than A2 (TEAM): two team days."""
    a2, a3 = plan.for_athlete("A2").intensity, plan.for_athlete("A3").intensity
    d = next(i for i, lv in enumerate(a3) if 90 <= lv < 100 and a2[i] == lv)
    e = next(i for i in range(d - d % 7, d - d % 7 + 7) if a3[i] == 70 and a2[i] == 70)
    return _levels(plan, "A3", {d: 70, e: a3[d]})


def _deload_on_the_derby(plan):
    """The team's week of the B game (and a C match) made a deload (DL-7)."""
    weeks = list(plan.team_weeks)
    weeks[(day(9) - day(0)).days // 7] = "deload"
    return plan.model_copy(update={"team_weeks": tuple(weeks)})


# base()'s plan has no instance of these rules: a plan that breaks each, that plan changed by hand
BROKEN = {"HV-1": _no_speed_training, "TP-3": _no_speed_training, "TEAM": _speed_day_apart,
          "DL-7": _deload_on_the_derby}


@pytest.mark.parametrize("rule", [r for r in SWITCHABLE if r != "RTS"])  # RTS: below
def test_making_a_soft_rule_hard_leaves_no_instance(rule, soft_base):
    if rule in INFEASIBLE_WHEN_HARD:
        _, soft = solved_and_checked(short())  # with the rule soft: a plan, one spike in it
        assert soft.counts()[rule] == 1
        out = solve(SolveRequest(short(rules=RuleSettings(modes={rule: "hard"})), time_limit=20))
        assert out.status == Status.INFEASIBLE, (out.status, out.message)
        assert any(c.rule == rule for c in out.explanation), out.explanation
    else:
        s = base(rules=RuleSettings(modes={rule: "hard"}))
        out, report = solved_and_checked(s)
        assert report.violations == ()
        # the checker holds the rule as hard: each instance in a plan that breaks it (base()'s,
        # made with the rule soft, or that plan broken by hand: BROKEN) is a hard violation of
        # it, so a plan that broke it would fail above
        plan = BROKEN.get(rule, lambda p: p)(soft_base[0].plan)
        broken = check_plan(base(), plan).counts().get(rule, 0)
        assert broken > 0  # the plan breaks the rule (HV-DAY: base()'s own plan, 9 times)
        assert check_plan(s, plan).hard_counts().get(rule, 0) == broken


def test_rts_hard_means_the_target_competition_is_made():
    s = season(weeks=8, athletes=1, injuries=(injury("A1", "P3", start_day=-20, target="m6"),),
               rules=RuleSettings(modes={"RTS": "hard"}))
    out, report = solved_and_checked(s)
    assert report.violations == ()
    t = s.competition("m6").date
    assert out.plan.for_athlete("A1").stages[(t - day(0)).days] == "FIT"
    too_soon = s.model_copy(update={"injuries": (injury("A1", "P3", start_day=-2, target="m1"),)})
    out = solve(SolveRequest(too_soon, time_limit=30))
    assert out.status == Status.INFEASIBLE and any(c.rule == "RTS" for c in out.explanation)


def test_weights_come_from_the_rule_set():
    heavy = base(rules=RuleSettings(values={"HV-DAY": {"weight_other": 50, "weight_md2": 60}}))
    out, report = solved_and_checked(heavy)
    hv_day = [v for v in report.soft if v.rule == "HV-DAY"]
    assert hv_day and all(v.penalty in (50, 60) for v in hv_day)
    assert out.objective == report.objective
