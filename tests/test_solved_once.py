"""The setup helpers' solve memo (``tests.builders.solved_once``): a helper asked again for a
season it solved in this test process returns the outcome it found (the suite spent about a
minute solving requests identical to one solved before), still checks the plan on every call,
and searches again for any other request or after a search that found no plan."""

from __future__ import annotations

from solver import Outcome, Status
from tests import builders


def _counted(monkeypatch):
    """(the requests solved, the plans checked) from now on, the memo emptied."""
    import solver.run as run
    from planner import check

    monkeypatch.setattr(builders, "_SOLVED", {}, raising=False)
    solves: list = []
    checks: list = []
    real_solve, real_check = run.solve, check.check_plan
    monkeypatch.setattr(run, "solve", lambda request, *a, **k:
                        solves.append(request) or real_solve(request, *a, **k))
    monkeypatch.setattr(check, "check_plan", lambda season, plan, **k:
                        checks.append(plan) or real_check(season, plan, **k))
    return solves, checks


def test_a_season_solved_twice_by_the_setup_helpers_is_searched_once_and_checked_each_time(
        monkeypatch):
    from tests.ui.conftest import solved

    solves, checks = _counted(monkeypatch)
    s = builders.season(weeks=2, athletes=2)
    one, report = builders.solved_and_checked(s)
    two, again = builders.solved_and_checked(s)
    assert two is one and len(solves) == 1
    assert checks == [one.plan, one.plan]  # the independent check on every call
    assert again.objective == report.objective == one.objective
    # the desktop tests' helper asks the same request (30 s): the plan already found
    assert solved(s).plan == one.plan and len(solves) == 1


def test_a_request_that_differs_in_any_setting_or_plan_given_is_searched_again(monkeypatch):
    solves, _ = _counted(monkeypatch)
    s = builders.season(weeks=2, athletes=2)
    first, _ = builders.solved_and_checked(s, time_limit=20)
    builders.solved_and_checked(s, time_limit=21)
    builders.solved_and_checked(s, time_limit=20, seed=2)
    builders.solved_and_checked(s, time_limit=20, deterministic=True)
    builders.solved_and_checked(s, time_limit=20, reference=first.plan)
    builders.solved_and_checked(s.model_copy(update={"plan": first.plan}), time_limit=20)
    builders.solved_and_checked(builders.season(weeks=2, athletes=3), time_limit=20)
    assert len(solves) == 7


def test_a_search_that_found_no_plan_is_not_kept(monkeypatch):
    """A search cut short (a loaded machine) is searched again the next time it is asked."""
    import solver.run as run
    from solver import SolveRequest

    solves, _ = _counted(monkeypatch)
    monkeypatch.setattr(run, "solve", lambda request, *a, **k:
                        solves.append(request) or Outcome(Status.TIMEOUT, None))
    request = SolveRequest(builders.season(weeks=2, athletes=2), time_limit=20)
    assert builders.solved_once(request).status == Status.TIMEOUT
    assert builders.solved_once(request).status == Status.TIMEOUT
    assert len(solves) == 2


def test_the_exports_demo_plan_is_the_demo_search_already_made(monkeypatch):
    """``tests.exports.demo.solved_demo`` and ``tests.demoplan.demo_solved`` ask the same solve
    of the demo (60 s): a process whose files read both searched it twice."""
    from tests import demoplan
    from tests.exports import demo

    s = builders.season(weeks=2, athletes=2)
    out, _ = builders.solved_and_checked(s)
    solves, _ = _counted(monkeypatch)
    monkeypatch.setattr(demoplan, "demo_solved", lambda: (s, out))
    assert demo.solved_demo.__wrapped__().plan is out.plan and solves == []


def test_the_demo_plan_read_by_many_files_is_the_memos(monkeypatch):
    """``tests.demoplan.demo_solved`` asks the memo: the demo solved and checked with the same
    request (test_solver's demo test) was a second search of it in the same process."""
    from solver import SolveRequest
    from tests import demoplan

    asked: list = []
    found = Outcome(Status.OPTIMAL, None)
    monkeypatch.setattr(builders, "solved_once", lambda request: asked.append(request) or found,
                        raising=False)
    demo, out = demoplan.demo_solved.__wrapped__()
    assert out is found and asked == [SolveRequest(demo, time_limit=60)]
