"""Rules v2 on held-out seasons: rotation, re-injuries, failing criteria, flare-ups and future
injuries. Each has a plan, the plan passes the independent plan checker, and the solver's
objective is the checker's."""

from __future__ import annotations

import pytest

from planner.validate import season_problems
from tests.builders import solved_and_checked
from tests.solver.heldout import heldout_season

SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_heldout_season_has_a_plan_that_passes_the_checker(seed):
    season = heldout_season(seed)
    assert season_problems(season) == []
    solved_and_checked(season, time_limit=30, workers=4)
