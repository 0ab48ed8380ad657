"""The demo season's plan as a 60-second solve finds it, searched once per test process for the
test files that only read it (a search of about 5 s each, 15 s on a loaded machine). Seasons and
outcomes are immutable: no test can change what another reads."""

from __future__ import annotations

from functools import cache


@cache
def demo_solved():
    """(the demo season, the outcome of ``solve(SolveRequest(demo, time_limit=60))``)."""
    from planner.seasonfile import loads
    from solver import SolveRequest, solve
    from templates import path

    demo = loads(path("demo.season.json").read_text(encoding="utf-8"), "demo.season.json")
    return demo, solve(SolveRequest(demo, time_limit=60))
