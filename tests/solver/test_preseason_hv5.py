"""HV-5 looks back across the season start at a speed day logged before it (rules-spec.md
section 9: a past day), as RAMP does; every plan held against the independent plan checker."""

from __future__ import annotations

from planner.season import IntensityPin, NonTrainingDay, Session
from solver import SolveRequest, Status, solve
from tests.builders import day, season, solved_and_checked


def _sprint_the_day_before(pins=()):
    """One athlete, two weeks without matches, today the season start (Mon, day 0); a 95 %
    sprint logged on Sun, day -1."""
    s = season(weeks=2, athletes=1, matches=[], today=day(0), pins=pins)
    return s.model_copy(update={"sessions": (Session(athlete="A1", date=day(-1), minutes=60,
                                                      rpe=6, top_speed_pct=95),)})


def test_a_speed_day_pinned_the_day_after_a_logged_sprint_is_refused_naming_hv5_and_the_day():
    s = _sprint_the_day_before(pins=(IntensityPin(athlete="A1", date=day(0), intensity=90),))
    out = solve(SolveRequest(s, time_limit=20))
    assert out.status == Status.INFEASIBLE
    assert {c.rule for c in out.explanation} == {"HV-5", "PIN"}
    hv5 = next(c for c in out.explanation if c.rule == "HV-5")
    assert "a speed day logged on Sun 3 Jan 2027, before the season start" in hv5.text, hv5.text


def test_an_unpinned_plan_keeps_the_rest_day_after_a_logged_sprint():
    """A break from Tue to the next Mon leaves Monday the only training day of HV-1's first
    window: without HV-5's look back the plan sprinted there, the day after Sunday's sprint."""
    s = _sprint_the_day_before()
    off = tuple(NonTrainingDay(date=day(d), reason="Break") for d in range(1, 8))
    s = s.model_copy(update={"calendar": s.calendar.model_copy(update={"non_training_days": off})})
    out, report = solved_and_checked(s, time_limit=20)
    assert out.plan.for_athlete("A1").intensity[0] < 80
    assert report.penalties()["HV-1"] > 0  # the exposure HV-5 leaves no day for: a cost, said
