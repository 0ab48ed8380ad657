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
        # the checker holds the rule as hard: each instance in base()'s plan, made with the rule
        # soft, is a hard violation of it (HV-DAY's 9), so a plan that broke it would fail above
        soft_out, soft_report = soft_base
        assert check_plan(s, soft_out.plan).hard_counts().get(rule, 0) == \
            soft_report.counts()[rule]


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
