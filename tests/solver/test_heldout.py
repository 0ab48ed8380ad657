"""Rules v2 on held-out seasons: rotation, re-injuries, failing criteria, flare-ups and future
injuries. Every plan passes the independent plan checker; the solver's objective is the checker's."""

from __future__ import annotations

import pytest

from planner.check import check_plan
from planner.validate import season_problems
from solver import SolveRequest, Status, solve
from tests.solver.heldout import heldout_season

SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_heldout_plan_passes_the_checker(seed):
    season = heldout_season(seed)
    assert season_problems(season) == []
    out = solve(SolveRequest(season, time_limit=30, workers=4))
    if out.status == Status.INFEASIBLE:
        assert out.explanation, "an infeasible season is explained"
        return
    assert out.plan is not None, out.message
    report = check_plan(season, out.plan)
    assert [str(v) for v in report.violations] == []
    assert out.objective == report.objective


def test_most_heldout_seasons_have_a_plan():
    planned = sum(1 for seed in SEEDS if solve(SolveRequest(heldout_season(seed), time_limit=30)).plan)
    assert planned >= len(SEEDS) - 2
