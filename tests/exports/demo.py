"""The demo season solved once per test process (the exports' tests print and read its plan)."""

from __future__ import annotations

from functools import cache

from planner.season import Season


@cache
def solved_demo() -> Season:
    """The bundled demo season with its plan (a reproducible solve, checked by the plan checker).
    The solve is ``tests.demoplan.demo_solved``'s, the same request: a process whose files read
    both searched the demo twice (the suite's time)."""
    from planner.check import check_plan
    from solver import Status
    from tests.demoplan import demo_solved

    season, out = demo_solved()
    assert out.status in (Status.OPTIMAL, Status.FEASIBLE), out.message
    assert check_plan(season, out.plan).violations == ()
    return season.model_copy(update={"plan": out.plan})
