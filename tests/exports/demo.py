"""The demo season solved once per test process (the exports' tests print and read its plan)."""

from __future__ import annotations

from functools import cache

from planner.season import Season


@cache
def solved_demo() -> Season:
    """The bundled demo season with its plan (a reproducible solve, checked by the plan checker)."""
    from planner.check import check_plan
    from planner.seasonfile import loads
    from solver import SolveRequest, Status, solve
    from templates import path

    season = loads(path("demo.season.json").read_text(encoding="utf-8"), "demo.season.json")
    out = solve(SolveRequest(season, time_limit=60))
    assert out.status in (Status.OPTIMAL, Status.FEASIBLE), out.message
    assert check_plan(season, out.plan).violations == ()
    return season.model_copy(update={"plan": out.plan})
