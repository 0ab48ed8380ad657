"""The demo season's plan as a 60-second solve finds it, searched once per test process for the
test files that only read it (a search of about 5 s each, 15 s on a loaded machine). Seasons and
outcomes are immutable: no test can change what another reads."""

from __future__ import annotations

from functools import cache


@cache
def demo_solved():
    """(the demo season, the outcome of ``solve(SolveRequest(demo, time_limit=60))``), the
    search ``tests.builders.solved_once``'s: a setup helper asking the same solve (the demo
    solved and checked) reads it too."""
    from planner.seasonfile import loads
    from solver import SolveRequest
    from templates import path
    from tests.builders import solved_once

    demo = loads(path("demo.season.json").read_text(encoding="utf-8"), "demo.season.json")
    return demo, solved_once(SolveRequest(demo, time_limit=60))
