"""Sessions logged before the season start (docs/file-format.md, "pre-season sessions") read as
the past of the season's first days: the explanation of a day says what the plan checker counts."""

from __future__ import annotations

from planner.check import check_plan
from planner.season import FIT, AthletePlan, Plan, Session
from planner.timeline import Timeline
from planner.why import why_day
from tests.builders import day, season

SPRINT = 1  # Tue of the first week: the season's first planned speed day


def _logged_before(days_before: int):
    """One athlete, two weeks without matches, today the season start; a 95 % sprint logged
    ``days_before`` days before it; the plan: 95 % on day SPRINT, 70 % on the other weekdays."""
    s = season(weeks=2, athletes=1, matches=[], today=day(0))
    s = s.model_copy(update={"sessions": (Session(athlete="A1", date=day(-days_before), minutes=60,
                                                  rpe=6, top_speed_pct=95),)})
    tl = Timeline(s)
    it = [0 if tl.days[i].weekday() == 6 else 95 if i == SPRINT else 70 for i in range(tl.n)]
    return s, Plan(status="manual", team_weeks=("load",) * len(tl.weeks), athletes=(
        AthletePlan(athlete="A1", stages=(FIT,) * tl.n, intensity=tuple(it),
                    weeks=("load",) * len(tl.weeks)),))


def _rules(report) -> set[str]:
    return {v.rule for v in report.violations}


def test_a_sprint_logged_days_before_the_season_start_ends_the_break_in_the_explanation_too():
    s, plan = _logged_before(3)
    assert "RAMP" not in _rules(check_plan(s, plan))
    why = why_day(s, plan, "A1", day(SPRINT))
    assert [r.text for r in why.reasons if r.rule == "RAMP"] == []


def test_the_last_sprint_logged_14_days_before_the_start_still_asks_the_ramp():
    s, plan = _logged_before(14)
    assert "RAMP" in _rules(check_plan(s, plan))
    why = why_day(s, plan, "A1", day(SPRINT))
    assert [r.text for r in why.reasons if r.rule == "RAMP"] == [
        "First speed day after 14 days or more without one: at most 80 %."]
