"""Every rule parameter at the ends of its range: the solver and the plan checker read it alike.

Each number of the rule table (``planner.rules``) is taken in turn to its minimum and to its
maximum, a small season that exercises most rules is solved, and the plan found is checked by
the independent plan checker: no hard-rule violation. A parameter the solver reads and the
checker does not (or the other way round) shows as a violation at one end of its range. An end
may leave the season with no plan (a rule at its strictest); most ends must find one.
"""

from __future__ import annotations

from functools import cache

import pytest

from planner.check import check_plan
from planner.rules import RULES
from planner.season import Competition, RuleSettings, Season
from solver import SolveRequest, Status, solve
from tests.builders import day, injury, season

# an end equal to the default is the default season's solve, held elsewhere (tests/solver)
ENDS = [(r.id, p.name, end) for r in RULES.values() for p in r.params if p.text is None
        for end in ("min", "max") if getattr(p, end) != p.default]


def fixture(rule: str, name: str, value: float) -> Season:
    """Six weeks, four athletes: C matches, a B game and an A final (RE-1, HV-6, TP-1's taper,
    DL-2's deload), A1 back from S3 with a flare-up on day 8 (RH-FL, RH-11), A2 in P3 aiming at
    the second match (RTS, RH-STAGE), A3 in S2 with a flare-up on day 10, and A4 fit. LD-1
    counts (weight 1), so its load table shapes the plan."""
    comps = [Competition(id="b1", name="Derby", date=day(23), priority="B"),
             Competition(id="fin", name="Final", date=day(40), priority="A")]
    values = {"LD-1": {"weight": 1}}
    values.setdefault(rule, {})[name] = value
    return season(weeks=6, athletes=4, matches=[5, 12, 19, 33], comps=comps,
                  rules=RuleSettings(values=values), injuries=(
                      injury("A1", "FIT", start_day=-5, history=(("S3", -20),), flare_days=(8,)),
                      injury("A2", "P3", start_day=-10, target="m2"),
                      injury("A3", "S2", start_day=-4, history=(("S1", -12),), flare_days=(10,)),
                  ))


FOUND = (Status.OPTIMAL, Status.FEASIBLE)


@cache
def outcome(rule: str, name: str, end: str) -> tuple[Status, list[str]]:
    """(the solve's status, the checker's hard violations of its plan) with ``rule``'s ``name``
    at ``end``. A one-second limit: a first plan is as good a test as the best one. A solve with
    no answer by then (TIMEOUT: neither a plan nor the proof there is none, a slow machine) is
    given ten seconds more rather than read as "no plan", which checks nothing."""
    s = fixture(rule, name, getattr(RULES[rule].param(name), end))
    out = solve(SolveRequest(s, time_limit=1))
    if out.status == Status.TIMEOUT:
        out = solve(SolveRequest(s, time_limit=10))
    if out.status not in FOUND:
        return out.status, []
    return out.status, [str(v) for v in check_plan(s, out.plan).violations]


@pytest.mark.parametrize(("rule", "name", "end"), ENDS, ids=[f"{r}-{n}-{e}" for r, n, e in ENDS])
def test_a_plan_found_with_a_parameter_at_an_end_of_its_range_breaks_no_hard_rule(rule, name, end):
    status, violations = outcome(rule, name, end)
    # a plan, or the proof there is none (a rule at its strictest); no answer at all is no pass
    assert status in (*FOUND, Status.INFEASIBLE), (rule, name, end, status)
    assert violations == [], (rule, name, end)


def test_most_ends_of_the_parameters_find_a_plan():
    found = [e for e in ENDS if outcome(*e)[0] in FOUND]
    assert len(found) >= 0.8 * len(ENDS), sorted(set(ENDS) - set(found))
